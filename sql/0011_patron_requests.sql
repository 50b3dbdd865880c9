-- A patron's own requests at a venue, newest first ("my requests" on the kiosk and the phone).
CREATE INDEX song_requests_by_patron ON song_requests (venue_id, patron_key, created_at DESC) WHERE deleted_at IS NULL;
