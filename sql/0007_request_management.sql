-- Host request management (processed flag, soft delete), the approval workflow and patron quotas (issue 7).
-- The venue grain stays the only writer of its rows: it projects these columns in the same transaction as its state.
ALTER TABLE song_requests
    ADD COLUMN processed         boolean     NOT NULL DEFAULT false,
    ADD COLUMN processed_at      timestamptz,
    ADD COLUMN deleted_at        timestamptz,
    ADD COLUMN approval_status   text,
    ADD COLUMN accepted_by       uuid,
    ADD COLUMN accepted_by_name  text,
    ADD COLUMN accepted_at       timestamptz,
    ADD COLUMN responded_by      uuid,
    ADD COLUMN responded_by_name text,
    ADD COLUMN responded_at      timestamptz,
    ADD COLUMN response_message  text,
    ADD COLUMN patron_reply      text,
    ADD COLUMN replied_at        timestamptz,
    ADD COLUMN quota_period      text,
    ADD CONSTRAINT song_requests_approval_status
        CHECK (approval_status IS NULL OR approval_status IN ('pending', 'approved', 'rejected', 'fulfilled'));

-- Requests that stopped waiting before hosts could mark them count as dealt with, as the venue grain marks them now.
UPDATE song_requests SET processed = true, processed_at = coalesce(ended_at, updated_at)
WHERE status NOT IN ('pending', 'queued', 'playing');

-- The host's "still to do" list: unprocessed, not deleted, newest first.
CREATE INDEX song_requests_unprocessed ON song_requests (venue_id, created_at DESC) WHERE NOT processed AND deleted_at IS NULL;
