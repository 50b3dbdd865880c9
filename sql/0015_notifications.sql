-- Lasting notifications: what a patron (or the host who answered) is told about a request, written by the venue grain
-- in the same transaction as the answer, fulfilment or reply that causes it, beside that change's outbox email and SMS.
-- A patron who was offline finds it in their inbox. The venue grain only inserts; read_at is the inbox's own mark,
-- set by the API for its owner, and no grain state depends on it.

CREATE TABLE notifications (
    id           uuid        PRIMARY KEY,
    user_id      uuid        NOT NULL,
    -- a NotificationKinds value: request_approved, request_rejected, request_fulfilled, request_replied
    kind         text        NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),
    venue_id     uuid        NOT NULL,
    -- the venue's name when it was written (the inbox links to the venue by its current slug, read from venues)
    venue_name   text        NOT NULL,
    -- the request (song_requests.id) it is about
    request_id   uuid        NOT NULL,
    title        text        NOT NULL,
    artist       text,
    singer_name  text,
    -- the host's message with an answer, or the patron's reply
    message      text,
    created_at   timestamptz NOT NULL,
    read_at      timestamptz
);

-- a user's inbox, newest first, and its unread count
CREATE INDEX notifications_inbox ON notifications (user_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread ON notifications (user_id, created_at DESC) WHERE read_at IS NULL;
