-- A venue's karaoke songbook, searched by patrons: words (full-text, any word's beginning) and near spellings
-- (trigrams), so "bohemian rhap" and "bohemain rhapsody" both find Queen. An import replaces a venue's rows in one
-- transaction with the songbook grain's state.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE songbook_entries (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    venue_id      uuid        NOT NULL REFERENCES venues (id),
    line          integer     NOT NULL,
    artist        text        NOT NULL CHECK (length(artist) BETWEEN 1 AND 200),
    title         text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    disc_id       text        CHECK (length(disc_id) <= 50),
    language      text        CHECK (length(language) <= 35),
    tags          text[]      NOT NULL DEFAULT '{}',
    search_text   text        GENERATED ALWAYS AS (lower(artist || ' ' || title)) STORED,
    search_words  tsvector    GENERATED ALWAYS AS (to_tsvector('simple', artist || ' ' || title)) STORED
);

CREATE INDEX songbook_entries_by_venue ON songbook_entries (venue_id, artist, title);
CREATE INDEX songbook_entries_words ON songbook_entries USING gin (search_words);
CREATE INDEX songbook_entries_trigrams ON songbook_entries USING gin (search_text gin_trgm_ops);
