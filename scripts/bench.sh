#!/usr/bin/env bash
# shellcheck disable=SC2317  # functions below are called from traps
# `make bench`: the grain benchmark on Orleans (bench/Singr.Benchmarks) against PostgreSQL, printing its figures.
# Arguments go to the program, e.g.  scripts/bench.sh --pool 30  (Npgsql pool size per silo; 15 by default)
set -euo pipefail

log() { printf 'bench.sh: %s\n' "$*" >&2; }
# shellcheck source=scripts/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

on_exit stop_postgres_if_started
require_dotnet
use_postgres
dotnet run --project bench/Singr.Benchmarks/Singr.Benchmarks.csproj -c Release -- "$@"
