#!/usr/bin/env bash
# Shared by run.sh, test.sh and cluster.sh (sourced, not run). Each caller defines log() first.

LIB_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck disable=SC2034  # used by the scripts that source this file
REPO_ROOT="$(cd -- "$LIB_DIR/.." && pwd -P)"
STARTED_PG=0

# on_exit FUNCTION: run FUNCTION when the script ends, however it ends; Ctrl-C and SIGTERM end it with 130/143.
on_exit() {
    # shellcheck disable=SC2064  # the function name is meant to be expanded now
    trap "$1" EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
}

require_dotnet() {
    if ! command -v dotnet >/dev/null 2>&1; then
        log "error: 'dotnet' not found on PATH; install the .NET 10 SDK (https://dot.net) and retry"
        exit 127
    fi
    export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
}

# Exports SINGR_POSTGRES: the caller's, or the private cluster's (started if needed; STARTED_PG=1 when this call
# started it, so the caller stops only a cluster it started).
use_postgres() {
    if [ -n "${SINGR_POSTGRES:-}" ]; then
        log "using SINGR_POSTGRES from the environment"
    else
        if ! "$LIB_DIR/postgres.sh" status >/dev/null 2>&1; then
            STARTED_PG=1
        fi
        "$LIB_DIR/postgres.sh" start || exit 1
        SINGR_POSTGRES="$("$LIB_DIR/postgres.sh" connection-string)" || exit 1
    fi
    export SINGR_POSTGRES
}

stop_postgres_if_started() {
    if [ "$STARTED_PG" -eq 1 ]; then
        "$LIB_DIR/postgres.sh" stop || true
    fi
}

# stop_group PID SECONDS: SIGTERM to the process group PID leads (its own session, see setsid), wait up to SECONDS,
# then SIGKILL; reaps it. SIGTERM, not SIGINT: a background job of a script inherits SIGINT as ignored, while .NET
# treats SIGTERM as a graceful shutdown request.
stop_group() {
    local pid=$1 seconds=$2 i
    [ -n "$pid" ] || return 0
    if kill -0 "$pid" 2>/dev/null; then
        kill -s TERM -- "-$pid" 2>/dev/null || kill -s TERM "$pid" 2>/dev/null || true
    fi
    for ((i = 0; i < seconds * 10; i++)); do
        kill -0 -- "-$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 -- "-$pid" 2>/dev/null; then
        log "process group $pid did not stop within $seconds s; killing it"
        kill -s KILL -- "-$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
}
