#!/usr/bin/env bash
# shellcheck disable=SC2317  # functions below are called from traps
# `make bench-requests`: paid song requests over HTTP against the real app (bench/Singr.RequestBenchmark), then
# pgbench -N on the same PostgreSQL, printing durable requests/s, latencies, pgbench's tps and their ratio.
# Arguments go to the program, e.g.  scripts/bench-requests.sh --seconds 10 --clients 16 --venues 50
set -euo pipefail

log() { printf 'bench-requests.sh: %s\n' "$*" >&2; }
# shellcheck source=scripts/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

on_exit stop_postgres_if_started
require_dotnet
use_postgres
# pgbench of the PostgreSQL that postgres.sh uses (installed with it if missing).
SINGR_PGBENCH="$("$LIB_DIR/postgres.sh" bindir)/pgbench" || exit 1
export SINGR_PGBENCH
dotnet run --project bench/Singr.RequestBenchmark/Singr.RequestBenchmark.csproj -c Release -- "$@"
