-- dyad store, PostgreSQL, version 2: the hash of the document alone (without its
-- mentions), so that ingest can skip coding a report it already holds.
ALTER TABLE documents ADD COLUMN document_hash TEXT;
