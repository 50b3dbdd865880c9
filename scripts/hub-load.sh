#!/usr/bin/env bash
# shellcheck disable=SC2317  # functions below are called from traps
# `make hub-load`: many venue-room WebSocket connections against the real app (tools/Singr.HubLoad), guests' requests at
# a steady rate over HTTP, printing submit → receive latency percentiles of queue:insert, delivered/expected counts and
# memory per connection. Arguments go to the program, e.g.
#   scripts/hub-load.sh --connections 1000 --others 100 --rate 10 --seconds 30
set -euo pipefail

log() { printf 'hub-load.sh: %s\n' "$*" >&2; }
# shellcheck source=scripts/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

# Each connection is two sockets here (the client's end and the server's, one process): 10,000 connections need
# more than the usual 1,024 file descriptors.
if ! ulimit -n 65536 2>/dev/null; then
    ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
    log "open-file limit $(ulimit -n) (65536 not allowed here): at most about $(( $(ulimit -n) / 2 - 200 )) connections in all"
fi

on_exit stop_postgres_if_started
require_dotnet
use_postgres
dotnet run --project tools/Singr.HubLoad/Singr.HubLoad.csproj -c Release -- "$@"
