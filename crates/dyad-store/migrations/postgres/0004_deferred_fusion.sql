-- dyad store, version 4: deferred fusion. A batch ingest stores each report
-- (document and mentions, one transaction each) and marks the blocks it touched
-- here; the blocks are re-fused once at the end of the batch, so a corpus costs
-- one fusion per block rather than one per report. `generation` counts the
-- marks, so that a fusion that read a block before another writer's mark does
-- not clear it. A killed ingest leaves its marks: the next one fuses them.
CREATE TABLE dirty_blocks (
    block TEXT PRIMARY KEY,
    generation BIGINT NOT NULL
);
-- The fusion scheme the stored block keys were computed with (dyad_fuse::SCHEME).
CREATE TABLE fusion_scheme (
    id INTEGER PRIMARY KEY,
    scheme BIGINT NOT NULL
);
