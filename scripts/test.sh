#!/usr/bin/env bash
# shellcheck disable=SC2317  # functions below are called from traps
# `make test`: build the solution and run every test project against PostgreSQL.
#
# If SINGR_POSTGRES (an Npgsql connection string) is not set, the repository's private cluster
# (scripts/postgres.sh) is started and used; if this script was the one that started it, it is
# stopped again at the end, also on failure, Ctrl-C or SIGTERM. A cluster that was already
# running is left running.
#
# Extra arguments go to `dotnet test`, e.g.  scripts/test.sh --filter FullyQualifiedName~Silo
# TRX results are written to <repo>/.test-results (emptied first).
# Exit status: dotnet build's if the build fails, otherwise dotnet test's.
set -uo pipefail

SCRIPT_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd -- "$SCRIPT_DIR/.." && pwd -P)"
RESULTS_DIR="$REPO_ROOT/.test-results"
cd "$REPO_ROOT" || exit 1

log() { printf 'test.sh: %s\n' "$*" >&2; }

if ! command -v dotnet >/dev/null 2>&1; then
    log "error: 'dotnet' not found on PATH; install the .NET 10 SDK (https://dot.net) and retry"
    exit 127
fi

STARTED_PG=0
CHILD_PID=""

# Stop the running dotnet command's whole process group (dotnet, testhosts, MSBuild nodes) and
# wait for it. SIGTERM, not SIGINT: a background job started by a script inherits SIGINT as
# ignored. Escalate to SIGKILL after 30 s.
stop_child() {
    local i
    [ -n "$CHILD_PID" ] || return 0
    if kill -0 "$CHILD_PID" 2>/dev/null; then
        log "stopping dotnet"
        kill -s TERM -- "-$CHILD_PID" 2>/dev/null || kill -s TERM "$CHILD_PID" 2>/dev/null || true
    fi
    for ((i = 0; i < 300; i++)); do
        kill -0 -- "-$CHILD_PID" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 -- "-$CHILD_PID" 2>/dev/null; then
        kill -s KILL -- "-$CHILD_PID" 2>/dev/null || true
    fi
    wait "$CHILD_PID" 2>/dev/null || true
    CHILD_PID=""
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_child
    if [ "$STARTED_PG" -eq 1 ]; then
        "$SCRIPT_DIR/postgres.sh" stop || true
    fi
    exit "$rc"
}

on_signal() {
    trap - INT TERM
    log "interrupted"
    stop_child
    exit "$1" # runs cleanup (EXIT trap), which stops PostgreSQL if we started it
}

trap cleanup EXIT
trap 'on_signal 130' INT
trap 'on_signal 143' TERM

# Run a command in its own session/process group (so signals can be forwarded to all of it)
# and return its exit status.
run() {
    local rc=0
    setsid "$@" </dev/null &
    CHILD_PID=$!
    wait "$CHILD_PID" || rc=$?
    CHILD_PID=""
    return "$rc"
}

if [ -z "${SINGR_POSTGRES:-}" ]; then
    if ! "$SCRIPT_DIR/postgres.sh" status >/dev/null 2>&1; then
        STARTED_PG=1
    fi
    "$SCRIPT_DIR/postgres.sh" start || exit 1
    SINGR_POSTGRES="$("$SCRIPT_DIR/postgres.sh" connection-string)" || exit 1
else
    log "using SINGR_POSTGRES from the environment"
fi
export SINGR_POSTGRES
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# No MSBuild worker nodes / compiler server left behind after the run (they would outlive
# this script and can hold CI output pipes open).
export MSBUILDDISABLENODEREUSE=1

rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"

log "dotnet build Singr.sln -c Release"
build_rc=0
run dotnet build Singr.sln -c Release --disable-build-servers || build_rc=$?
if [ "$build_rc" -ne 0 ]; then
    log "build failed (exit $build_rc)"
    exit "$build_rc"
fi

# One dotnet test per project, each with its own TRX file name: the default names carry only a
# timestamp to the second, and two projects finishing in the same second would overwrite each other.
test_rc=0
for project in tests/*/*.Tests.csproj; do
    name="$(basename "$project" .csproj)"
    log "dotnet test $project (results in $RESULTS_DIR/$name.trx)"
    project_rc=0
    run dotnet test "$project" -c Release --no-build --disable-build-servers \
        --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS_DIR" "$@" || project_rc=$?
    if [ "$project_rc" -ne 0 ]; then
        log "$name: dotnet test exited with status $project_rc"
        test_rc=$project_rc
    fi
done
exit "$test_rc"
