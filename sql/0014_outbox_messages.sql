-- The durable outbox: an email or SMS is a row written in the same transaction as the change that causes it (an
-- answer to a request, an invitation, a purchase, an account token), so a committed change never loses its message
-- and a rolled-back one never sends it. Workers in every silo claim due rows with FOR UPDATE SKIP LOCKED.

CREATE TABLE outbox_messages (
    id                  uuid        PRIMARY KEY,
    channel             text        NOT NULL CHECK (channel IN ('email', 'sms')),
    kind                text        NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),
    user_id             uuid,
    recipient           text,
    -- the preference (notification kind) the recipient may have switched off for this channel; null: always sent
    preference          text,
    template_values     jsonb       NOT NULL DEFAULT '{}',
    -- pending: due at next_attempt_at; claimed: a worker holds it until claimed_until; sending: handed to the provider;
    -- sent; failed: every attempt failed; unconfirmed: a worker stopped mid-send, so it may or may not have gone out
    -- (never sent again on its own: platform staff retry it); skipped: switched off, no address, or over the limit
    status              text        NOT NULL DEFAULT 'pending'
                                    CHECK (status IN ('pending', 'claimed', 'sending', 'sent', 'failed', 'unconfirmed', 'skipped')),
    attempts            integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at     timestamptz NOT NULL DEFAULT now(),
    claimed_by          text,
    claimed_until       timestamptz,
    last_error          text,
    skip_reason         text,
    provider_message_id text,
    subject             text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    sent_at             timestamptz,
    updated_at          timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX outbox_messages_due ON outbox_messages (next_attempt_at) WHERE status = 'pending';
CREATE INDEX outbox_messages_held ON outbox_messages (claimed_until) WHERE status IN ('claimed', 'sending');
CREATE INDEX outbox_messages_newest ON outbox_messages (created_at DESC);
-- the per-user hourly limits count what was sent to a user on a channel
CREATE INDEX outbox_messages_sent_to_user ON outbox_messages (user_id, channel, sent_at) WHERE status IN ('sent', 'sending');
CREATE INDEX outbox_messages_sent_to_address ON outbox_messages (recipient, channel, sent_at) WHERE status IN ('sent', 'sending') AND user_id IS NULL;

-- what the worker needs of the recipient at send time: their verified phone and their per-kind channel choices
ALTER TABLE users
    ADD COLUMN phone text,
    ADD COLUMN notification_preferences jsonb NOT NULL DEFAULT '{}';
