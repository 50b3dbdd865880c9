#!/usr/bin/env bash
# shellcheck disable=SC2317  # functions below are called from traps
# `make cluster`: a 4-process Singr cluster on loopback against PostgreSQL:
#   3 silos (role silo)      http://127.0.0.1:5081, :5082, :5083
#   1 front end (role api)   http://127.0.0.1:5080  (public HTTP; forwards every grain call to the silos)
#
# Uses SINGR_POSTGRES when set, otherwise the repository's private cluster (scripts/postgres.sh), which it stops
# again on exit if it started it. Ctrl-C or SIGTERM stops every process it started (each silo drains gracefully).
set -euo pipefail

log() { printf 'cluster.sh: %s\n' "$*" >&2; }
# shellcheck source=scripts/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

PIDS=()

cleanup() {
    local rc=$? pid
    trap - EXIT INT TERM
    [ "${#PIDS[@]}" -eq 0 ] || log "stopping the cluster"
    for pid in "${PIDS[@]}"; do
        kill -s TERM -- "-$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        stop_group "$pid" 60
    done
    stop_postgres_if_started
    exit "$rc"
}

on_exit cleanup

require_dotnet
use_postgres
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export MSBUILDDISABLENODEREUSE=1
# Outside Development every process needs the same secret; a fresh one per cluster run is fine on loopback.
if [ "$ASPNETCORE_ENVIRONMENT" != Development ] && [ -z "${Singr__Cluster__Secret:-}" ]; then
    Singr__Cluster__Secret="$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
    export Singr__Cluster__Secret
fi

log "building Singr.Api (Release)"
dotnet build Singr.Api/Singr.Api.csproj -c Release --disable-build-servers -v quiet -nologo
APP="$REPO_ROOT/Singr.Api/bin/Release/net10.0/Singr.Api.dll"

# start NAME URL ROLE [extra env assignments...]
start() {
    local name=$1 url=$2 role=$3
    shift 3
    # Its own session (so a signal reaches just it and its group), output prefixed with its name.
    setsid env ASPNETCORE_URLS="$url" Singr__Cluster__Role="$role" "$@" dotnet "$APP" \
        </dev/null > >(sed -u "s/^/[$name] /") 2>&1 &
    PIDS+=("$!")
}

# The first silo applies the migrations; the others find them applied (an advisory lock serialises them anyway).
start silo-1 http://127.0.0.1:5081 silo
sleep 2
start silo-2 http://127.0.0.1:5082 silo
start silo-3 http://127.0.0.1:5083 silo
start front-end http://127.0.0.1:5080 api Singr__SeedDemo=true

for url in http://127.0.0.1:5081 http://127.0.0.1:5082 http://127.0.0.1:5083 http://127.0.0.1:5080; do
    for ((i = 0; i < 120; i++)); do
        if curl -fsS -o /dev/null "$url/health/ready" 2>/dev/null; then
            break
        fi
        sleep 0.5
    done
done

cat >&2 <<MSG
cluster.sh: Singr cluster is up (Ctrl-C stops it):
  front end (api)  http://127.0.0.1:5080   <- use this one
  silo 1           http://127.0.0.1:5081
  silo 2           http://127.0.0.1:5082
  silo 3           http://127.0.0.1:5083
MSG

wait -n "${PIDS[@]}" || true
log "a process of the cluster exited; stopping the others"
exit 1
