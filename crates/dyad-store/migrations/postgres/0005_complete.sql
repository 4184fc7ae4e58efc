-- dyad store, version 5: whether an event names who acted and who was acted on
-- (dyad_fuse::CanonicalEvent::is_complete). Listings leave incomplete events out
-- unless asked. Stored events are marked from their JSON as the Rust rule reads
-- them: two state-level actors, or a source and a target, or a type that needs
-- no one acted on (dyad_fuse::ONE_PARTY_TYPES).
ALTER TABLE events ADD COLUMN complete BIGINT NOT NULL DEFAULT 1;
UPDATE events SET complete = 0
WHERE jsonb_array_length(event_json::jsonb -> 'actors') < 2
  AND (event_json::jsonb ->> 'source' IS NULL OR event_json::jsonb ->> 'target' IS NULL)
  AND event_type NOT IN ('MOBILIZE', 'PROTEST', 'ASSAULT', 'COERCE');
CREATE INDEX events_complete_listing ON events (complete, date_start, id, event_type, status, date_end, actors);
