#!/usr/bin/env bash
# Private PostgreSQL cluster for this repository (used by `make run` / `make test`).
#
# Usage: scripts/postgres.sh start|stop|status|connection-string|bindir|psql [psql args...]
#
#   start              initialise (first time) and start the cluster, create database "singr";
#                      succeeds at once if it is already running
#   stop               fast shutdown; succeeds if it is not running
#   status             exit 0 if running, 3 if not
#   connection-string  print the Npgsql connection string
#   bindir             print the PostgreSQL bin directory (installs Debian's postgresql if needed)
#   psql [args]        open psql on the "singr" database
#
# Layout (all git-ignored):  <repo>/.data/postgres/data          data directory
#                            <repo>/.data/postgres/run           unix socket directory
#                            <repo>/.data/postgres/postgres.log  server log
#
# Environment:
#   SINGR_PG_PORT       TCP port on 127.0.0.1 (default 54329)
#   SINGR_PG_BINDIR     use this PostgreSQL bin directory instead of searching for one
#   SINGR_PG_NO_INSTALL=1  never apt-get install; fail if no binaries are found
#   SINGR_PG_DRY_RUN=1  print the install command instead of running it (then fail)
#   SINGR_PG_OS_USER    OS account that runs the server when invoked as root (default postgres)
#
# The server refuses to run as root: when invoked as root every server-side command runs as
# SINGR_PG_OS_USER (created as a system user if missing); otherwise it runs as the invoking user.
set -euo pipefail

SCRIPT_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd -- "$SCRIPT_DIR/.." && pwd -P)"

PG_HOST=127.0.0.1
PG_PORT="${SINGR_PG_PORT:-54329}"
DB_USER=singr
DB_PASSWORD=singr
DB_NAME=singr

DATA_ROOT="$REPO_ROOT/.data"
PG_ROOT="$DATA_ROOT/postgres"
PG_DATA="$PG_ROOT/data"
PG_RUN="$PG_ROOT/run"
PG_LOG="$PG_ROOT/postgres.log"
LOCK_FILE="$DATA_ROOT/postgres.lock"

log() { printf 'postgres.sh: %s\n' "$*" >&2; }
die() {
    printf 'postgres.sh: error: %s\n' "$*" >&2
    exit 1
}

case "$PG_PORT" in
'' | *[!0-9]*) die "SINGR_PG_PORT must be a number, got '$PG_PORT'" ;;
esac

if [ "$(id -u)" -eq 0 ]; then
    IS_ROOT=1
    PG_OS_USER="${SINGR_PG_OS_USER:-postgres}"
    [ "$PG_OS_USER" != root ] || die "SINGR_PG_OS_USER must not be root (PostgreSQL refuses to run as root)"
else
    IS_ROOT=0
    PG_OS_USER="$(id -un)"
fi

PG_BINDIR=""

# Run a command as the OS user that owns the cluster, from a directory it can read.
as_pg() {
    if [ "$IS_ROOT" -eq 1 ]; then
        if command -v runuser >/dev/null 2>&1; then
            (cd / && runuser -u "$PG_OS_USER" -- "$@")
        else
            local cmd
            cmd="$(printf '%q ' "$@")"
            (cd / && su -s /bin/sh "$PG_OS_USER" -c "$cmd")
        fi
    else
        (cd / && "$@")
    fi
}

# ---------------------------------------------------------------------------------------------
# Locating (and if need be installing) the PostgreSQL binaries
# ---------------------------------------------------------------------------------------------

valid_bindir() {
    local d="$1" b
    [ -n "$d" ] || return 1
    for b in initdb pg_ctl postgres pg_isready psql; do
        [ -x "$d/$b" ] || return 1
    done
}

# Prints the bin directory and returns 0, or returns 1 if none is found. Never installs.
detect_bindir() {
    local d v
    if [ -n "${SINGR_PG_BINDIR:-}" ]; then
        valid_bindir "$SINGR_PG_BINDIR" || return 1
        printf '%s\n' "$SINGR_PG_BINDIR"
        return 0
    fi
    # An existing cluster must be run by the major version that created it.
    if v="$(cat "$PG_DATA/PG_VERSION" 2>/dev/null)" && [ -n "$v" ]; then
        d="/usr/lib/postgresql/$v/bin"
        if valid_bindir "$d"; then
            printf '%s\n' "$d"
            return 0
        fi
    fi
    # pg_config may come from libpq-dev alone, so check the server binaries really are there.
    if command -v pg_config >/dev/null 2>&1; then
        d="$(pg_config --bindir 2>/dev/null || true)"
        if valid_bindir "$d"; then
            printf '%s\n' "$d"
            return 0
        fi
    fi
    # Debian/Ubuntu layout: newest major version first.
    while IFS= read -r d; do
        if valid_bindir "$d"; then
            printf '%s\n' "$d"
            return 0
        fi
    done < <(compgen -G '/usr/lib/postgresql/*/bin' | sort -V -r)
    # Anything on PATH (resolving symlinks such as /usr/local/bin/pg_ctl -> .../bin/pg_ctl).
    if d="$(command -v pg_ctl 2>/dev/null)"; then
        d="$(dirname -- "$(readlink -f -- "$d")")"
        if valid_bindir "$d"; then
            printf '%s\n' "$d"
            return 0
        fi
    fi
    return 1
}

install_postgres() {
    local why="no PostgreSQL server binaries found (looked at pg_config --bindir, /usr/lib/postgresql/*/bin and PATH)"
    if [ "${SINGR_PG_NO_INSTALL:-0}" = 1 ]; then
        die "$why; SINGR_PG_NO_INSTALL=1 so not installing. Install PostgreSQL, set SINGR_PG_BINDIR, or set SINGR_POSTGRES to an existing server."
    fi
    if [ "$IS_ROOT" -ne 1 ]; then
        die "$why. Not running as root, so cannot install it: run 'sudo apt-get install -y postgresql', or set SINGR_PG_BINDIR to a PostgreSQL bin directory, or set SINGR_POSTGRES to an existing server's connection string."
    fi
    command -v apt-get >/dev/null 2>&1 ||
        die "$why, and apt-get is not available to install it. Install PostgreSQL or set SINGR_PG_BINDIR."
    if [ "${SINGR_PG_DRY_RUN:-0}" = 1 ]; then
        log "$why"
        log "dry run: would run: apt-get update && apt-get install -y postgresql"
        exit 1
    fi
    log "$why; installing Debian's postgresql package"
    DEBIAN_FRONTEND=noninteractive apt-get update >&2 ||
        die "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2 ||
        die "apt-get install -y postgresql failed"
}

# Sets PG_BINDIR, installing PostgreSQL if allowed and necessary.
require_bindir() {
    if [ -n "${SINGR_PG_BINDIR:-}" ]; then
        valid_bindir "$SINGR_PG_BINDIR" ||
            die "SINGR_PG_BINDIR=$SINGR_PG_BINDIR does not contain initdb, pg_ctl, postgres, pg_isready and psql"
        PG_BINDIR="$SINGR_PG_BINDIR"
        return 0
    fi
    if ! PG_BINDIR="$(detect_bindir)"; then
        install_postgres
        PG_BINDIR="$(detect_bindir)" || die "PostgreSQL was installed but its binaries still cannot be found"
    fi
}

# ---------------------------------------------------------------------------------------------
# OS user, directories, permissions
# ---------------------------------------------------------------------------------------------

ensure_os_user() {
    [ "$IS_ROOT" -eq 1 ] || return 0
    if ! id -u "$PG_OS_USER" >/dev/null 2>&1; then
        log "creating system user '$PG_OS_USER' to run PostgreSQL"
        useradd --system --user-group --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin "$PG_OS_USER" ||
            die "could not create system user '$PG_OS_USER'"
    fi
}

# Every directory above .data/postgres must be searchable (x) by the server's OS user.
# When run as root we grant exactly that, and nothing more: an ACL entry u:<user>:x where
# setfacl works, otherwise o+x (search only, never read/list).
ensure_traversable() {
    [ "$IS_ROOT" -eq 1 ] || return 0
    # Collect / ... $DATA_ROOT, then check from the top down (a directory can only be tested
    # once everything above it is searchable).
    local d="$DATA_ROOT" dirs=()
    while :; do
        dirs=("$d" "${dirs[@]}")
        [ "$d" != / ] || break
        d="$(dirname -- "$d")"
    done
    for d in "${dirs[@]}"; do
        as_pg test -x "$d" 2>/dev/null && continue
        if command -v setfacl >/dev/null 2>&1 && setfacl -m "u:$PG_OS_USER:x" "$d" 2>/dev/null &&
            as_pg test -x "$d" 2>/dev/null; then
            log "granted '$PG_OS_USER' search permission on $d (ACL u:$PG_OS_USER:x)"
            continue
        fi
        chmod o+x "$d" || die "cannot make $d searchable for '$PG_OS_USER'"
        log "granted search permission on $d (chmod o+x) so '$PG_OS_USER' can reach the data directory"
        as_pg test -x "$d" 2>/dev/null ||
            die "'$PG_OS_USER' still cannot traverse $d; move the repository somewhere it can reach, or set SINGR_POSTGRES to another server"
    done
}

prepare_dirs() {
    mkdir -p "$DATA_ROOT"
    [ -d "$PG_ROOT" ] || mkdir -m 0755 "$PG_ROOT"
    if [ "$IS_ROOT" -eq 1 ]; then
        local owner
        owner="$(stat -c %U "$PG_ROOT")"
        if [ "$owner" != "$PG_OS_USER" ]; then
            chown -R "$PG_OS_USER:" "$PG_ROOT"
        fi
    elif [ ! -O "$PG_ROOT" ]; then
        die "$PG_ROOT is owned by $(stat -c %U "$PG_ROOT"), not by you ($PG_OS_USER); run as root or fix ownership"
    fi
    ensure_traversable
    as_pg mkdir -p "$PG_RUN"
}

# Unix socket path length is limited (sun_path: 107 bytes + NUL). If the repository path is too
# long, run TCP-only rather than failing: every client of this cluster uses 127.0.0.1 anyway.
socket_dir_setting() {
    local sock="$PG_RUN/.s.PGSQL.$PG_PORT"
    if [ "${#sock}" -gt 107 ]; then
        log "warning: socket path '$sock' is too long for a unix socket; running TCP-only"
        printf ''
    else
        printf '%s' "$PG_RUN"
    fi
}

conf_quote() { printf "'%s'" "${1//\'/\'\'}"; }

# ---------------------------------------------------------------------------------------------
# Cluster
# ---------------------------------------------------------------------------------------------

is_initialised() { as_pg test -f "$PG_DATA/PG_VERSION" 2>/dev/null; }

init_cluster() {
    is_initialised && return 0
    if [ -e "$PG_DATA" ] && [ -n "$(ls -A "$PG_DATA" 2>/dev/null)" ]; then
        die "$PG_DATA exists and is not empty but is not a PostgreSQL cluster (no PG_VERSION); remove it and retry"
    fi
    log "initialising a new cluster in $PG_DATA"
    # initdb into a temporary directory, then rename: an interrupted initdb never leaves a
    # half-made data directory behind.
    local tmp="$PG_ROOT/data.initdb" pwfile="$PG_ROOT/.initdb-pw"
    as_pg rm -rf "$tmp" "$PG_DATA"
    (umask 077 && printf '%s\n' "$DB_PASSWORD" >"$pwfile")
    [ "$IS_ROOT" -eq 0 ] || chown "$PG_OS_USER:" "$pwfile"
    if ! as_pg env LC_ALL=C "$PG_BINDIR/initdb" -D "$tmp" -U "$DB_USER" --pwfile="$pwfile" \
        --auth=scram-sha-256 --encoding=UTF8 --locale=C >"$PG_ROOT/initdb.log" 2>&1; then
        rm -f "$pwfile"
        cat "$PG_ROOT/initdb.log" >&2 || true
        die "initdb failed (log above, also in $PG_ROOT/initdb.log)"
    fi
    rm -f "$pwfile"
    # Password (SCRAM) authentication; TCP only from 127.0.0.1.
    as_pg tee "$tmp/pg_hba.conf" >/dev/null <<'EOF'
# Written by scripts/postgres.sh
# TYPE  DATABASE  USER  ADDRESS       METHOD
local   all       all                 scram-sha-256
host    all       all   127.0.0.1/32  scram-sha-256
EOF
    printf "\n# Settings managed by scripts/postgres.sh (rewritten at every start)\ninclude_if_exists = 'singr.conf'\n" |
        as_pg tee -a "$tmp/postgresql.conf" >/dev/null
    as_pg mv "$tmp" "$PG_DATA"
}

write_runtime_conf() {
    {
        echo "# Written by scripts/postgres.sh at every start; edit the script, not this file."
        echo "listen_addresses = '127.0.0.1'"
        echo "port = $PG_PORT"
        echo "unix_socket_directories = $(conf_quote "$(socket_dir_setting)")"
        echo "max_connections = 300"
        # Durability is a product guarantee: never turn these off.
        echo "fsync = on"
        echo "synchronous_commit = on"
        echo "full_page_writes = on"
        echo "logging_collector = off"
    } | as_pg tee "$PG_DATA/singr.conf" >/dev/null
}

is_running() {
    if [ -n "$PG_BINDIR" ] || PG_BINDIR="$(detect_bindir)"; then
        as_pg "$PG_BINDIR/pg_ctl" status -D "$PG_DATA" >/dev/null 2>&1
    else
        local pid
        pid="$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null)" || return 1
        [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
    fi
}

running_port() { sed -n '4p' "$PG_DATA/postmaster.pid" 2>/dev/null; }

pg_url() { printf 'host=%s port=%s user=%s password=%s dbname=%s sslmode=disable gssencmode=disable connect_timeout=5' \
    "$PG_HOST" "$PG_PORT" "$DB_USER" "$DB_PASSWORD" "$1"; }

wait_ready() {
    local i
    for i in $(seq 1 60); do
        if "$PG_BINDIR/pg_isready" -q -h "$PG_HOST" -p "$PG_PORT" -t 2; then
            return 0
        fi
        [ "$i" -lt 60 ] || break
        sleep 1
    done
    tail -n 30 "$PG_LOG" >&2 || true
    die "PostgreSQL did not become ready on $PG_HOST:$PG_PORT (log: $PG_LOG)"
}

ensure_database() {
    local exists
    exists="$(PGPASSWORD="$DB_PASSWORD" "$PG_BINDIR/psql" -X -q -t -A -v ON_ERROR_STOP=1 "$(pg_url postgres)" \
        -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" ||
        die "cannot connect to PostgreSQL on $PG_HOST:$PG_PORT as $DB_USER"
    if [ "$exists" != 1 ]; then
        log "creating database $DB_NAME"
        PGPASSWORD="$DB_PASSWORD" "$PG_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 "$(pg_url postgres)" \
            -c "CREATE DATABASE \"$DB_NAME\" OWNER \"$DB_USER\" ENCODING 'UTF8' TEMPLATE template0" >&2 ||
            die "could not create database $DB_NAME"
    fi
}

take_lock() {
    if ! mkdir -p "$DATA_ROOT" 2>/dev/null || ! { exec 9>>"$LOCK_FILE"; } 2>/dev/null; then
        die "cannot write $LOCK_FILE; run as root or as the owner of $REPO_ROOT"
    fi
    flock -w 300 9 || die "timed out waiting for another scripts/postgres.sh to finish ($LOCK_FILE)"
}

cmd_start() {
    take_lock
    require_bindir
    ensure_os_user
    prepare_dirs
    init_cluster
    if is_running; then
        local port
        port="$(running_port)"
        if [ -n "$port" ] && [ "$port" != "$PG_PORT" ]; then
            die "the cluster in $PG_DATA is already running on port $port, not $PG_PORT (SINGR_PG_PORT); run 'scripts/postgres.sh stop' first"
        fi
        log "already running on $PG_HOST:$PG_PORT"
    else
        write_runtime_conf
        log "starting PostgreSQL ($PG_BINDIR) on $PG_HOST:$PG_PORT, log $PG_LOG"
        # 9>&- : the server must not inherit (and so hold) our lock.
        if ! as_pg "$PG_BINDIR/pg_ctl" start -D "$PG_DATA" -l "$PG_LOG" -w -t 120 -s 9>&- >&2; then
            tail -n 30 "$PG_LOG" >&2 || true
            die "pg_ctl start failed (log: $PG_LOG)"
        fi
    fi
    wait_ready
    ensure_database
    log "ready: $(connection_string)"
}

cmd_stop() {
    take_lock
    if ! is_running; then
        log "not running"
        return 0
    fi
    if [ -n "$PG_BINDIR" ]; then
        log "stopping PostgreSQL ($PG_DATA)"
        as_pg "$PG_BINDIR/pg_ctl" stop -D "$PG_DATA" -m fast -w -t 120 -s 9>&- >&2 ||
            die "pg_ctl stop failed (log: $PG_LOG)"
    else
        # Binaries gone but a server still running: SIGINT is PostgreSQL's "fast" shutdown.
        local pid i
        pid="$(head -n 1 "$PG_DATA/postmaster.pid")"
        log "stopping PostgreSQL (pid $pid) with SIGINT"
        kill -INT "$pid"
        for i in $(seq 1 120); do
            kill -0 "$pid" 2>/dev/null || return 0
            [ "$i" -lt 120 ] || break
            sleep 1
        done
        die "PostgreSQL (pid $pid) did not stop"
    fi
    log "stopped"
}

cmd_status() {
    if [ -d "$PG_DATA" ] && is_running; then
        log "running on $PG_HOST:$(running_port) ($PG_DATA)"
        return 0
    fi
    log "not running"
    return 3
}

connection_string() {
    printf 'Host=%s;Port=%s;Username=%s;Password=%s;Database=%s\n' \
        "$PG_HOST" "$PG_PORT" "$DB_USER" "$DB_PASSWORD" "$DB_NAME"
}

cmd_psql() {
    PG_BINDIR="$(detect_bindir)" || die "no PostgreSQL binaries found; run 'scripts/postgres.sh start' first"
    PGPASSWORD="$DB_PASSWORD" exec "$PG_BINDIR/psql" "$(pg_url "$DB_NAME")" "$@"
}

usage() {
    echo "usage: $0 start|stop|status|connection-string|bindir|psql [psql args...]" >&2
    exit 2
}

[ $# -ge 1 ] || usage
sub="$1"
shift
case "$sub" in
start) cmd_start ;;
stop) cmd_stop ;;
status) cmd_status ;;
connection-string) connection_string ;;
bindir)
    require_bindir
    printf '%s\n' "$PG_BINDIR"
    ;;
psql) cmd_psql "$@" ;;
-h | --help | help) usage ;;
*) usage ;;
esac
