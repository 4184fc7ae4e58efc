-- dyad store, PostgreSQL, version 1: the same tables as SQLite's version 1, with
-- tsvector columns (GIN-indexed) for full-text search.
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    source TEXT NOT NULL,
    url TEXT,
    title TEXT,
    published TEXT,
    published_from TEXT,
    published_grain TEXT,
    outlet TEXT,
    byline TEXT,
    dateline TEXT,
    language TEXT,
    text TEXT NOT NULL,
    document_json TEXT NOT NULL,
    tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED
);
CREATE INDEX documents_tsv ON documents USING GIN (tsv);
CREATE TABLE mentions (
    doc TEXT NOT NULL,
    id TEXT NOT NULL,
    block TEXT NOT NULL,
    event_type TEXT NOT NULL,
    status TEXT NOT NULL,
    date_value TEXT,
    date_grain TEXT,
    date_start TEXT,
    actors TEXT NOT NULL,
    published TEXT,
    start_char BIGINT NOT NULL,
    end_char BIGINT NOT NULL,
    sentence_start_char BIGINT NOT NULL,
    sentence_end_char BIGINT NOT NULL,
    mention_json TEXT NOT NULL,
    PRIMARY KEY (doc, id)
);
CREATE INDEX mentions_block ON mentions (block);
CREATE INDEX mentions_type_status ON mentions (event_type, status);
CREATE INDEX mentions_date ON mentions (date_start);
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    block TEXT NOT NULL,
    event_type TEXT NOT NULL,
    status TEXT NOT NULL,
    date_value TEXT,
    date_grain TEXT,
    date_start TEXT,
    date_end TEXT,
    actors TEXT NOT NULL,
    summary TEXT NOT NULL,
    event_json TEXT NOT NULL,
    tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', summary)) STORED
);
CREATE INDEX events_block ON events (block);
CREATE INDEX events_type_status ON events (event_type, status);
CREATE INDEX events_date ON events (date_start);
CREATE INDEX events_tsv ON events USING GIN (tsv);
CREATE TABLE event_mentions (
    event_id TEXT NOT NULL,
    doc TEXT NOT NULL,
    mention_id TEXT NOT NULL,
    PRIMARY KEY (event_id, doc, mention_id)
);
CREATE INDEX event_mentions_doc ON event_mentions (doc);
CREATE TABLE status_history (
    event_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    doc TEXT NOT NULL,
    published TEXT,
    status TEXT NOT NULL,
    date_value TEXT,
    location TEXT,
    PRIMARY KEY (event_id, seq)
);
CREATE TABLE conflicts (
    event_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    field TEXT NOT NULL,
    resolution TEXT NOT NULL,
    reason TEXT NOT NULL,
    values_json TEXT NOT NULL,
    PRIMARY KEY (event_id, seq)
);
