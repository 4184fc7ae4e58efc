-- dyad store, version 3: indexes for listing events a page at a time (`dyad
-- serve`). They hold every column the listing filters and orders on, so a page,
-- a count or the actor network reads a small index instead of the events table
-- with its event JSON.
CREATE INDEX events_listing ON events (date_start, id, event_type, status, date_end, actors);
-- The same columns led by the type, for listings filtered by type (and status).
CREATE INDEX events_type_listing ON events (event_type, status, date_start, id, date_end, actors);
CREATE INDEX events_actor_groups ON events (actors, event_type);
CREATE INDEX conflicts_event ON conflicts (event_id, seq);
