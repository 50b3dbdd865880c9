-- An event may have a part for one person only: audience names them (a patron key) and audience_payload holds what
-- only they see (their allowance after the change). The payload is then exactly what everyone else is sent, with
-- nothing in it to strip before delivery.

ALTER TABLE stream_events
    ADD COLUMN audience         text,
    ADD COLUMN audience_payload jsonb;
