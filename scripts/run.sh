#!/usr/bin/env bash
# shellcheck disable=SC2317  # functions below are called from traps
# `make run`: start the API on http://127.0.0.1:5080 against PostgreSQL.
#
# If SINGR_POSTGRES (an Npgsql connection string) is not set, the repository's private cluster
# (scripts/postgres.sh) is started and used; if this script was the one that started it, it is
# stopped again when the app ends, on Ctrl-C or on SIGTERM. A cluster that was already running
# is left running. Extra arguments are passed to `dotnet run` (use `-- args` for the app).
set -euo pipefail

log() { printf 'run.sh: %s\n' "$*" >&2; }
# shellcheck source=scripts/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

APP_PID=""
FAKE_STRIPE_PID=""
MAIL_CATCHER_PID=""

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    [ -z "$APP_PID" ] || log "stopping the app"
    stop_group "$APP_PID" 45
    stop_group "$FAKE_STRIPE_PID" 5
    stop_group "$MAIL_CATCHER_PID" 5
    stop_postgres_if_started
    exit "$rc"
}

on_exit cleanup

require_dotnet
use_postgres

export ASPNETCORE_URLS=http://127.0.0.1:5080
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export Singr__SeedDemo=true

# Buying credits: with Singr__Stripe__SecretKey and Singr__Stripe__WebhookSecret set (Stripe's test mode, with
# `stripe listen --forward-to 127.0.0.1:5080/v1/webhooks/stripe`), the real Stripe; otherwise a local stand-in on
# :5081 whose checkout page has a Pay button and signs the webhook as Stripe would.
if [ -z "${Singr__Stripe__SecretKey:-}" ] && command -v node >/dev/null 2>&1; then
    export Singr__Stripe__SecretKey=sk_test_local_fake
    export Singr__Stripe__WebhookSecret=whsec_local_fake
    export Singr__Stripe__ApiBase=http://127.0.0.1:5081
    log "buying credits goes through the local Stripe stand-in on http://127.0.0.1:5081 (no real payments)"
    setsid node scripts/fake-stripe.mjs 5081 http://127.0.0.1:5080/v1/webhooks/stripe "$Singr__Stripe__WebhookSecret" </dev/null &
    FAKE_STRIPE_PID=$!
fi

# Email: with Singr__Smtp__Host set, that SMTP relay (Mailjet's in-v3.mailjet.com:587, say); otherwise the local mail
# catcher (maildev from npm, installed on first use into tools/mail-catcher): Singr's emails are read on :1080.
# Without node the emails go to the log (the console provider).
if [ -z "${Singr__Smtp__Host:-}" ] && command -v npm >/dev/null 2>&1; then
    if [ ! -x tools/mail-catcher/node_modules/.bin/maildev ]; then
        log "installing the local mail catcher (maildev) into tools/mail-catcher"
        (cd tools/mail-catcher && npm ci --no-audit --no-fund --loglevel=error) >&2 || log "maildev did not install: emails go to the log"
    fi
    if [ -x tools/mail-catcher/node_modules/.bin/maildev ]; then
        setsid node tools/mail-catcher/node_modules/.bin/maildev --smtp 1025 --web 1080 --ip 127.0.0.1 --web-ip 127.0.0.1 >/dev/null </dev/null &
        MAIL_CATCHER_PID=$!
        export Singr__Messaging__EmailProvider=smtp Singr__Smtp__Host=127.0.0.1 Singr__Smtp__Port=1025 Singr__Smtp__Security=None
        log "Singr's emails are caught locally: read them on http://127.0.0.1:1080"
    fi
fi

log "starting Singr.Api on $ASPNETCORE_URLS ($ASPNETCORE_ENVIRONMENT); Ctrl-C stops it"
# Own session/process group, so that signals reach dotnet run and the app it launches, and so that we decide the
# order: app first, then PostgreSQL.
setsid dotnet run --project Singr.Api/Singr.Api.csproj -c Release --no-launch-profile "$@" </dev/null &
APP_PID=$!

rc=0
wait "$APP_PID" || rc=$?
APP_PID=""
log "the app exited with status $rc"
exit "$rc"
