-- The credit ledger (DJAMMS Fix 2: no REFUND) written in each wallet grain's transaction, and the song requests
-- projection written in each venue grain's transaction (for hosts' request lists and history).

CREATE TABLE credit_transactions (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id          uuid        NOT NULL,
    venue_id         uuid,
    amount           integer     NOT NULL CHECK (amount <> 0),
    transaction_type text        NOT NULL CHECK (transaction_type IN ('EARNED', 'SPENT', 'ADDED', 'REMOVED')),
    description      text        NOT NULL,
    operation_id     uuid        NOT NULL,
    actor_id         uuid,
    balance_after    integer     NOT NULL CHECK (balance_after >= 0),
    wallet_version   bigint      NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CHECK ((transaction_type IN ('EARNED', 'ADDED')) = (amount > 0)),
    UNIQUE (user_id, operation_id, transaction_type)
);

CREATE INDEX credit_transactions_by_user ON credit_transactions (user_id, id DESC);

CREATE TABLE song_requests (
    id                uuid        PRIMARY KEY,
    venue_id          uuid        NOT NULL,
    request_id        uuid        NOT NULL,
    patron_key        text        NOT NULL,
    patron_user_id    uuid,
    requested_by_name text        NOT NULL,
    kind              text        NOT NULL,
    title             text        NOT NULL,
    artist            text,
    key_change        integer     NOT NULL DEFAULT 0,
    notes             text,
    singer_name       text,
    youtube_id        text,
    duration_seconds  integer,
    credits_cost      integer     NOT NULL,
    priority          boolean     NOT NULL,
    status            text        NOT NULL,
    created_at        timestamptz NOT NULL,
    started_at        timestamptz,
    ended_at          timestamptz,
    updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX song_requests_by_venue ON song_requests (venue_id, created_at DESC);
