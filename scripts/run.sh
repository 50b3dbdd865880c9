#!/usr/bin/env bash
# shellcheck disable=SC2317  # functions below are called from traps
# `make run`: start the API on http://127.0.0.1:5080 against PostgreSQL.
#
# If SINGR_POSTGRES (an Npgsql connection string) is not set, the repository's private cluster
# (scripts/postgres.sh) is started and used; if this script was the one that started it, it is
# stopped again when the app ends, on Ctrl-C or on SIGTERM. A cluster that was already running
# is left running. Extra arguments are passed to `dotnet run` (use `-- args` for the app).
set -euo pipefail

SCRIPT_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd -- "$SCRIPT_DIR/.." && pwd -P)"
cd "$REPO_ROOT"

log() { printf 'run.sh: %s\n' "$*" >&2; }

if ! command -v dotnet >/dev/null 2>&1; then
    log "error: 'dotnet' not found on PATH; install the .NET 10 SDK (https://dot.net) and retry"
    exit 127
fi

STARTED_PG=0
APP_PID=""

# Stop the app's whole process group (dotnet run + the app it launched + any build server it
# spawned) and wait for it. SIGTERM, not SIGINT: a background job started by a script inherits
# SIGINT as ignored, while .NET treats SIGTERM as a graceful shutdown request. Escalate to
# SIGKILL if it is still there after 45 s (the host's default shutdown timeout is 30 s).
stop_app() {
    local i
    [ -n "$APP_PID" ] || return 0
    if kill -0 "$APP_PID" 2>/dev/null; then
        log "stopping the app"
        kill -s TERM -- "-$APP_PID" 2>/dev/null || kill -s TERM "$APP_PID" 2>/dev/null || true
    fi
    for ((i = 0; i < 450; i++)); do
        kill -0 -- "-$APP_PID" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 -- "-$APP_PID" 2>/dev/null; then
        log "the app did not stop within 45 s; killing it"
        kill -s KILL -- "-$APP_PID" 2>/dev/null || true
    fi
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=""
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_app
    if [ "$STARTED_PG" -eq 1 ]; then
        "$SCRIPT_DIR/postgres.sh" stop || true
    fi
    exit "$rc"
}

on_signal() {
    trap - INT TERM
    stop_app
    exit "$1" # runs cleanup (EXIT trap), which stops PostgreSQL if we started it
}

trap cleanup EXIT
trap 'on_signal 130' INT
trap 'on_signal 143' TERM

if [ -z "${SINGR_POSTGRES:-}" ]; then
    if ! "$SCRIPT_DIR/postgres.sh" status >/dev/null 2>&1; then
        STARTED_PG=1
    fi
    "$SCRIPT_DIR/postgres.sh" start
    SINGR_POSTGRES="$("$SCRIPT_DIR/postgres.sh" connection-string)"
    export SINGR_POSTGRES
else
    log "using SINGR_POSTGRES from the environment"
fi

export ASPNETCORE_URLS=http://127.0.0.1:5080
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export Singr__SeedDemo=true
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log "starting Singr.Api on $ASPNETCORE_URLS ($ASPNETCORE_ENVIRONMENT); Ctrl-C stops it"
# Own session/process group, so that signals reach dotnet run and the app it launches
# (a background job of a script would otherwise ignore SIGINT), and so that we decide the
# order: app first, then PostgreSQL.
setsid dotnet run --project Singr.Api/Singr.Api.csproj -c Release --no-launch-profile "$@" </dev/null &
APP_PID=$!

rc=0
wait "$APP_PID" || rc=$?
APP_PID=""
log "the app exited with status $rc"
exit "$rc"
