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

# The browser tests (tests/Singr.Browser.Tests) drive Debian's Chromium through Playwright, never a browser Playwright
# downloads. When it is missing and we are root, install it as postgres.sh installs PostgreSQL; otherwise say how, and
# let the tests fail with the same advice. SINGR_CHROMIUM names another Chromium binary; SINGR_CHROMIUM_NO_INSTALL=1
# never installs.
require_chromium() {
    local chromium="${SINGR_CHROMIUM:-/usr/bin/chromium}"
    [ -x "$chromium" ] && return 0
    if [ -n "${SINGR_CHROMIUM:-}" ] || [ "${SINGR_CHROMIUM_NO_INSTALL:-0}" = 1 ] || [ "$(id -u)" -ne 0 ] ||
        ! command -v apt-get >/dev/null 2>&1; then
        log "warning: no Chromium at $chromium, so the browser tests will fail; install it ('sudo apt-get install -y chromium') or set SINGR_CHROMIUM"
        return 0
    fi
    log "no Chromium at $chromium; installing Debian's chromium package for the browser tests"
    DEBIAN_FRONTEND=noninteractive apt-get update >&2 || log "warning: apt-get update failed"
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >&2 ||
        log "warning: apt-get install -y chromium failed; the browser tests will fail"
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
