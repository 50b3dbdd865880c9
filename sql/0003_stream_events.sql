-- Per-stream events (a venue's stream, a user's stream). A grain appends them in the transaction of its state write,
-- numbered by the grain, then NOTIFY wakes the subscribers of every process. The sequence is the truth: a lost
-- NOTIFY only delays delivery until the next wake or poll.

CREATE TABLE stream_events (
    stream_id  text        NOT NULL,
    seq        bigint      NOT NULL CHECK (seq > 0),
    event_type text        NOT NULL,
    payload    jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (stream_id, seq)
);

CREATE INDEX stream_events_by_age ON stream_events (created_at);
