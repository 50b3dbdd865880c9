-- Songbook search looks in one venue's songs only: with the venue in the same GIN index as the words and the
-- trigrams (btree_gin), a search at a small venue no longer walks the matches of every venue's songbook.

CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE INDEX songbook_entries_venue_words ON songbook_entries USING gin (venue_id, search_words);
CREATE INDEX songbook_entries_venue_trigrams ON songbook_entries USING gin (venue_id, search_text gin_trgm_ops);
DROP INDEX songbook_entries_words;
DROP INDEX songbook_entries_trigrams;
