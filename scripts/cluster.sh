#!/usr/bin/env bash
# shellcheck disable=SC2317  # functions below are called from traps
# `make cluster`: a 4-process Singr cluster on loopback against PostgreSQL, built in Release first:
#   3 silos (Singr.Silo)       health http://127.0.0.1:5081, :5082, :5083; Orleans silo ports 11111-11113,
#                              gateway ports 30000-30002; ADO.NET membership and reminders in PostgreSQL
#   1 front end (Singr.Api)    http://127.0.0.1:5080, role api: an Orleans client that finds the silos' gateways in
#                              the membership table and forwards every grain call to them; seeds the demo venue
#
# The first silo applies the migrations; the other processes wait (not ready) until the schema is current.
# Uses SINGR_POSTGRES when set, otherwise the repository's private cluster (scripts/postgres.sh), which it stops
# again on exit if it started it. Ctrl-C or SIGTERM stops every process it started: the front end first, then each
# silo with SIGTERM, on which Orleans drains it (its grains move to the silos still running) before it exits.
set -euo pipefail

log() { printf 'cluster.sh: %s\n' "$*" >&2; }
# shellcheck source=scripts/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

FRONT_END_URL=http://127.0.0.1:5080
SILO_URLS=(http://127.0.0.1:5081 http://127.0.0.1:5082 http://127.0.0.1:5083)
SILO_PORTS=(11111 11112 11113)
GATEWAY_PORTS=(30000 30001 30002)
PIDS=()

cleanup() {
    local rc=$? i
    trap - EXIT INT TERM
    if [ "${#PIDS[@]}" -gt 0 ]; then
        log "stopping the cluster"
        # Newest first: the front end, then the silos one after the other, so each one's grains move to silos that
        # are still running.
        for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
            stop_group "${PIDS[$i]}" 60
        done
    fi
    stop_postgres_if_started
    exit "$rc"
}

on_exit cleanup

require_dotnet
use_postgres
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export MSBUILDDISABLENODEREUSE=1
# Outside Development the front end needs a token signing key; a fresh one per run is fine for one front end.
if [ "$ASPNETCORE_ENVIRONMENT" != Development ] && [ -z "${Singr__Auth__SigningKey:-}" ]; then
    Singr__Auth__SigningKey="$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
    export Singr__Auth__SigningKey
fi

for port in 5080 5081 5082 5083 "${SILO_PORTS[@]}" "${GATEWAY_PORTS[@]}"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        log "error: port $port on 127.0.0.1 is in use (another 'make run' or 'make cluster'?); stop it and retry"
        exit 1
    fi
done

log "building Singr.Silo and Singr.Api (Release)"
dotnet build Singr.Silo/Singr.Silo.csproj -c Release --disable-build-servers -v quiet -nologo -clp:NoSummary
dotnet build Singr.Api/Singr.Api.csproj -c Release --disable-build-servers -v quiet -nologo -clp:NoSummary
SILO="$REPO_ROOT/Singr.Silo/bin/Release/net10.0/Singr.Silo.dll"
FRONT_END="$REPO_ROOT/Singr.Api/bin/Release/net10.0/Singr.Api.dll"

# start NAME DLL [env assignments...]: in its own session (so a signal reaches just it and its group), output
# prefixed with its name.
start() {
    local name=$1 dll=$2
    shift 2
    setsid env "$@" dotnet "$dll" </dev/null > >(sed -u "s/^/[$name] /") 2>&1 &
    PIDS+=("$!")
}

# wait_ready URL SECONDS: until URL/health/ready answers 200; fails if a process of the cluster exited meanwhile.
wait_ready() {
    local url=$1 seconds=$2 i pid
    for ((i = 0; i < seconds * 2; i++)); do
        if curl -fsS -o /dev/null "$url/health/ready" 2>/dev/null; then
            return 0
        fi
        for pid in "${PIDS[@]}"; do
            if ! kill -0 "$pid" 2>/dev/null; then
                log "error: a process of the cluster exited while starting (see its output above)"
                return 1
            fi
        done
        sleep 0.5
    done
    log "error: $url did not become ready within $seconds s"
    return 1
}

for i in 0 1 2; do
    migrate=false
    [ "$i" -eq 0 ] && migrate=true
    start "silo-$((i + 1))" "$SILO" \
        ASPNETCORE_URLS="${SILO_URLS[$i]}" \
        Singr__Orleans__SiloPort="${SILO_PORTS[$i]}" \
        Singr__Orleans__GatewayPort="${GATEWAY_PORTS[$i]}" \
        Singr__Database__MigrateOnStart="$migrate"
done
start front-end "$FRONT_END" \
    ASPNETCORE_URLS="$FRONT_END_URL" \
    Singr__Cluster__Role=api \
    Singr__Database__MigrateOnStart=false \
    Singr__SeedDemo=true

for url in "${SILO_URLS[@]}" "$FRONT_END_URL"; do
    wait_ready "$url" 120 || exit 1
done

cat >&2 <<MSG
cluster.sh: Singr cluster is up (Ctrl-C stops it):
  front end (api)  $FRONT_END_URL   <- use this one
  silo 1           ${SILO_URLS[0]}   (silo port ${SILO_PORTS[0]}, gateway ${GATEWAY_PORTS[0]}; applied the migrations)
  silo 2           ${SILO_URLS[1]}   (silo port ${SILO_PORTS[1]}, gateway ${GATEWAY_PORTS[1]})
  silo 3           ${SILO_URLS[2]}   (silo port ${SILO_PORTS[2]}, gateway ${GATEWAY_PORTS[2]})
  membership       SELECT address, port, status FROM orleans_membership;  (3 Active, 6 Dead)
MSG

wait -n "${PIDS[@]}" || true
log "a process of the cluster exited; stopping the others"
exit 1
