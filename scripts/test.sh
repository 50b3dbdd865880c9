#!/usr/bin/env bash
# shellcheck disable=SC2317  # functions below are called from traps
# `make test`: build the solution and run every test project against PostgreSQL (the browser tests against Debian's
# Chromium, installed here when missing and run as root: see require_chromium in lib.sh).
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

log() { printf 'test.sh: %s\n' "$*" >&2; }
# shellcheck source=scripts/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"
RESULTS_DIR="$REPO_ROOT/.test-results"
cd "$REPO_ROOT" || exit 1

CHILD_PID=""

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_group "$CHILD_PID" 30
    stop_postgres_if_started
    exit "$rc"
}

on_exit cleanup

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

require_dotnet
use_postgres
require_chromium
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
