//! The dyad store: documents, event mentions and the canonical events fused from
//! them, in an embedded SQLite database (default) or PostgreSQL — one schema,
//! versioned migrations applied on open, the same results.
//!
//! Guarantees:
//! - **Crash-safe**: a document, its mentions and every canonical-event update they
//!   cause are written in one transaction ([`Store::put_document`]); a killed
//!   process leaves the store as it was before that document.
//! - **Idempotent**: a document whose content (and mentions) did not change is not
//!   written again; a changed document replaces its old mentions and re-fuses the
//!   events they touched.
//! - **Shardable**: events are re-fused per blocking key under a lock on that key
//!   (PostgreSQL advisory transaction locks; SQLite has one writer), and their ids
//!   are deterministic, so several processes ingesting disjoint shards end with the
//!   events one process would have made.

mod backend;
pub mod export;
pub mod json;

pub use backend::{Kind, Value};

use backend::{Backend, Row};
use dyad_core::{CharOffsets, Document, EventMention};
use dyad_fuse::{document_block_keys, stable_hash, CanonicalEvent, DayRange};
use std::collections::BTreeSet;
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("PostgreSQL: {0}")]
    Postgres(#[from] postgres::Error),
    #[error("stored JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("store {0}")]
    Schema(String),
    #[error("writing an export: {0}")]
    Io(#[from] std::io::Error),
    #[error("Parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
}

/// What [`Store::put_document`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PutOutcome {
    /// The same content was already stored: nothing changed.
    Unchanged,
    /// A new document.
    Added { mentions: usize, blocks: usize },
    /// The document was stored before with other content: its mentions were replaced.
    Replaced { mentions: usize, blocks: usize },
}

/// Filters for [`Store::events`]; `None` means any.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// A state-level actor code (`JPN`) or an actor code the event's parties carry.
    pub actor: Option<String>,
    pub event_type: Option<String>,
    /// ISO dates: events whose date period overlaps `[since, until]`.
    pub since: Option<String>,
    pub until: Option<String>,
    pub status: Option<String>,
    /// Also events no report dates (background such as "the alliance was formed
    /// after the war", told without a time). Left out by default: an event record
    /// without a time cannot be placed on a timeline or filtered by date.
    pub include_undated: bool,
    /// Also events that name no one acted on, or no one acting, where their
    /// type needs both ([`dyad_fuse::CanonicalEvent::is_complete`]). Left out
    /// by default, as peers leave them out.
    pub include_incomplete: bool,
}

/// An event mention as stored, with character offsets into its document's text
/// (the command-line contract speaks characters).
#[derive(Debug, Clone, PartialEq)]
pub struct StoredMention {
    pub mention: EventMention,
    pub start_char: usize,
    pub end_char: usize,
    pub sentence_start_char: usize,
    pub sentence_end_char: usize,
}

/// One full-text search result.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    /// `document` or `event`.
    pub kind: &'static str,
    pub id: String,
    /// Title (documents) or summary (events).
    pub title: Option<String>,
    pub snippet: String,
    /// Higher is better.
    pub score: f64,
}

/// One page of events and how many match the filter in all.
#[derive(Debug, Clone, PartialEq)]
pub struct EventPage {
    pub events: Vec<CanonicalEvent>,
    pub total: usize,
}

/// How many events of one type carry exactly this set of actor codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorGroup {
    pub actors: Vec<String>,
    pub event_type: String,
    pub events: usize,
}

/// A conflict with the event it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct EventConflict {
    pub event: String,
    pub summary: String,
    pub event_type: String,
    pub status: String,
    pub date: Option<String>,
    pub conflict: dyad_fuse::Conflict,
}

/// How much the store holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub documents: usize,
    pub mentions: usize,
    pub events: usize,
}

/// The migrations of one backend, in order: `migrations!("sqlite")` lists
/// `migrations/sqlite/0001_init.sql` … as `(version, SQL)` pairs. Both backends
/// have the same numbered files, so one list of names serves both.
macro_rules! migrations {
    ($dir:literal) => {
        &[
            (
                1,
                include_str!(concat!("../migrations/", $dir, "/0001_init.sql")),
            ),
            (
                2,
                include_str!(concat!("../migrations/", $dir, "/0002_document_hash.sql")),
            ),
            (
                3,
                include_str!(concat!("../migrations/", $dir, "/0003_listing_indexes.sql")),
            ),
            (
                4,
                include_str!(concat!("../migrations/", $dir, "/0004_deferred_fusion.sql")),
            ),
            (
                5,
                include_str!(concat!("../migrations/", $dir, "/0005_complete.sql")),
            ),
        ]
    };
}
const SQLITE_MIGRATIONS: &[(i64, &str)] = migrations!("sqlite");
const POSTGRES_MIGRATIONS: &[(i64, &str)] = migrations!("postgres");

/// A key for PostgreSQL's advisory locks: the migration lock, and one per block.
const MIGRATION_LOCK: i64 = 0x6479_6164_5f6d_6967; // "dyad_mig"

pub struct Store {
    db: Backend,
}

impl Store {
    /// Opens (creating if needed) the store a `--db` value names: a
    /// `postgres://` / `postgresql://` URL (an optional `schema=NAME` query
    /// parameter keeps the tables in that schema), else a SQLite file path
    /// (`sqlite:` prefix optional; `:memory:` for a throwaway store).
    pub fn open(url: &str) -> Result<Store, StoreError> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Store::open_postgres(url)
        } else {
            let path = url.strip_prefix("sqlite:").unwrap_or(url);
            Store::open_sqlite(Path::new(path))
        }
    }

    pub fn open_sqlite(path: &Path) -> Result<Store, StoreError> {
        let conn = if path.as_os_str() == ":memory:" {
            rusqlite::Connection::open_in_memory()?
        } else {
            rusqlite::Connection::open(path)?
        };
        // WAL: readers do not block the writer; NORMAL sync is durable at each
        // commit in WAL mode except for power loss, which a re-run repairs.
        conn.busy_timeout(std::time::Duration::from_secs(60))?;
        conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")?;
        let mut s = Store {
            db: Backend::Sqlite(conn),
        };
        s.migrate()?;
        Ok(s)
    }

    pub fn open_postgres(url: &str) -> Result<Store, StoreError> {
        let (conn_url, schema) = split_schema(url);
        let mut client = postgres::Client::connect(&conn_url, postgres::NoTls)?;
        if let Some(schema) = &schema {
            if !schema
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_')
            {
                return Err(StoreError::Schema(format!(
                    "schema name {schema:?}: only letters, digits and _"
                )));
            }
            client.batch_execute(&format!(
                "CREATE SCHEMA IF NOT EXISTS {schema}; SET search_path TO {schema}"
            ))?;
        }
        let mut s = Store {
            db: Backend::Postgres(Box::new(client)),
        };
        s.migrate()?;
        Ok(s)
    }

    pub fn kind(&self) -> Kind {
        self.db.kind()
    }

    /// Applies the migrations not yet applied, each in its own transaction (and,
    /// on PostgreSQL, under a lock so that concurrent processes do not race).
    fn migrate(&mut self) -> Result<(), StoreError> {
        let pg = self.kind() == Kind::Postgres;
        if pg {
            self.db
                .exec("SELECT pg_advisory_lock($1)", &[Value::Int(MIGRATION_LOCK)])?;
        }
        let result = self.migrate_locked();
        if pg {
            self.db.exec(
                "SELECT pg_advisory_unlock($1)",
                &[Value::Int(MIGRATION_LOCK)],
            )?;
        }
        result
    }

    fn migrate_locked(&mut self) -> Result<(), StoreError> {
        self.db.batch(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied TEXT NOT NULL)",
        )?;
        let done: BTreeSet<i64> = self
            .db
            .query("SELECT version FROM schema_migrations", &[])?
            .iter()
            .filter_map(|r| r.first().and_then(Value::int))
            .collect();
        let list = match self.kind() {
            Kind::Sqlite => SQLITE_MIGRATIONS,
            Kind::Postgres => POSTGRES_MIGRATIONS,
        };
        for (version, sql) in list {
            if done.contains(version) {
                continue;
            }
            self.transaction(|db| {
                db.batch(sql)?;
                db.exec(
                    "INSERT INTO schema_migrations (version, applied) VALUES ($1, $2)",
                    &[Value::Int(*version), now_iso().into()],
                )?;
                Ok(())
            })?;
        }
        if let Some(max) = done.iter().max() {
            let known = list.iter().map(|(v, _)| *v).max().unwrap_or(0);
            if *max > known {
                return Err(StoreError::Schema(format!(
                    "schema version {max} is newer than this dyad knows ({known}); upgrade dyad"
                )));
            }
        }
        self.ensure_fusion_scheme()
    }

    /// Stores made under an older blocking scheme get their mentions filed
    /// under today's block keys (in one transaction) and every block fused again:
    /// what was stored is kept, and events come out as a fresh ingest would make.
    fn ensure_fusion_scheme(&mut self) -> Result<(), StoreError> {
        let stored = self
            .db
            .query("SELECT scheme FROM fusion_scheme WHERE id = 1", &[])?
            .first()
            .and_then(|r| r.first())
            .and_then(Value::int);
        if stored == Some(dyad_fuse::SCHEME) {
            return Ok(());
        }
        self.transaction(|db| {
            let docs: Vec<String> = db
                .query("SELECT DISTINCT doc FROM mentions ORDER BY doc", &[])?
                .iter()
                .filter_map(|r| r.first().and_then(Value::text).map(str::to_string))
                .collect();
            // The old events go first: the new blocks' events are made afresh.
            let old_events: Vec<String> = db
                .query("SELECT id FROM events", &[])?
                .iter()
                .filter_map(|r| r.first().and_then(Value::text).map(str::to_string))
                .collect();
            let kind = db.kind();
            for id in &old_events {
                delete_event(db, kind, id)?;
            }
            let mut blocks: BTreeSet<String> = BTreeSet::new();
            for doc in &docs {
                let rows = db.query(
                    "SELECT mention_json FROM mentions WHERE doc = $1 ORDER BY id",
                    &[doc.as_str().into()],
                )?;
                let mentions: Vec<EventMention> = rows
                    .iter()
                    .filter_map(|r| r.first().and_then(Value::text))
                    .map(serde_json::from_str)
                    .collect::<Result<_, _>>()?;
                for (m, key) in mentions.iter().zip(document_block_keys(&mentions)) {
                    db.exec(
                        "UPDATE mentions SET block = $1 WHERE doc = $2 AND id = $3",
                        &[
                            key.as_str().into(),
                            doc.as_str().into(),
                            m.id.as_str().into(),
                        ],
                    )?;
                    blocks.insert(key);
                }
            }
            for key in &blocks {
                mark_dirty(db, key)?;
            }
            db.exec("DELETE FROM fusion_scheme WHERE id = 1", &[])?;
            db.exec(
                "INSERT INTO fusion_scheme (id, scheme) VALUES (1, $1)",
                &[Value::Int(dyad_fuse::SCHEME)],
            )?;
            Ok(())
        })?;
        self.fuse_pending()?;
        Ok(())
    }

    /// The schema version applied.
    pub fn schema_version(&mut self) -> Result<i64, StoreError> {
        let rows = self
            .db
            .query("SELECT max(version) FROM schema_migrations", &[])?;
        Ok(rows
            .first()
            .and_then(|r| r.first())
            .and_then(Value::int)
            .unwrap_or(0))
    }

    fn transaction<T>(
        &mut self,
        body: impl FnOnce(&mut Backend) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let begin = match self.kind() {
            // IMMEDIATE takes the write lock now, so two writers wait rather than fail.
            Kind::Sqlite => "BEGIN IMMEDIATE",
            Kind::Postgres => "BEGIN",
        };
        self.db.batch(begin)?;
        match body(&mut self.db) {
            Ok(v) => {
                self.db.batch("COMMIT")?;
                Ok(v)
            }
            Err(e) => {
                // The original error matters more than a failed rollback.
                let _ = self.db.batch("ROLLBACK");
                Err(e)
            }
        }
    }

    /// Stores a document with its event mentions and re-fuses the canonical events
    /// they touch, all in one transaction.
    pub fn put_document(
        &mut self,
        doc: &Document,
        mentions: &[EventMention],
    ) -> Result<PutOutcome, StoreError> {
        self.put(doc, mentions, Fuse::Now)
    }

    /// Stores a document with its event mentions in one transaction, and marks
    /// the blocks they touch for [`Store::fuse_pending`] instead of re-fusing them
    /// now: the way to load a batch, whose cost then grows with the corpus rather
    /// than with the corpus times the size of its busiest block. Until the
    /// batch's fusion runs, the canonical events are those from before it.
    pub fn put_document_deferred(
        &mut self,
        doc: &Document,
        mentions: &[EventMention],
    ) -> Result<PutOutcome, StoreError> {
        self.put(doc, mentions, Fuse::Later)
    }

    /// Re-fuses every block marked by [`Store::put_document_deferred`] (by this
    /// process or any other, or by one that was killed), each in its own
    /// transaction. Returns how many blocks were fused.
    pub fn fuse_pending(&mut self) -> Result<usize, StoreError> {
        let mut fused = 0;
        loop {
            let rows = self.db.query(
                "SELECT block, generation FROM dirty_blocks ORDER BY block LIMIT 256",
                &[],
            )?;
            if rows.is_empty() {
                return Ok(fused);
            }
            let kind = self.kind();
            let mut progressed = false;
            for r in &rows {
                let (Some(key), Some(generation)) = (
                    r.first().and_then(Value::text),
                    r.get(1).and_then(Value::int),
                ) else {
                    continue;
                };
                let key = key.to_string();
                let cleared = self.transaction(|db| {
                    refuse_block(db, kind, &key)?;
                    db.exec(
                        "DELETE FROM dirty_blocks WHERE block = $1 AND generation = $2",
                        &[key.as_str().into(), Value::Int(generation)],
                    )
                })?;
                fused += 1;
                progressed |= cleared > 0;
            }
            if !progressed {
                // Every block was marked again while we fused it: another writer is
                // still loading; its own fusion pass will finish them.
                return Ok(fused);
            }
        }
    }

    /// How many blocks await [`Store::fuse_pending`].
    pub fn pending_blocks(&mut self) -> Result<usize, StoreError> {
        let rows = self.db.query("SELECT count(*) FROM dirty_blocks", &[])?;
        Ok(rows
            .first()
            .and_then(|r| r.first())
            .and_then(Value::int)
            .unwrap_or(0) as usize)
    }

    fn put(
        &mut self,
        doc: &Document,
        mentions: &[EventMention],
        fuse: Fuse,
    ) -> Result<PutOutcome, StoreError> {
        let doc_json = serde_json::to_string(doc)?;
        let mentions_json: Vec<String> = mentions
            .iter()
            .map(serde_json::to_string)
            .collect::<Result<_, _>>()?;
        let mut parts: Vec<&str> = vec![&doc_json];
        parts.extend(mentions_json.iter().map(String::as_str));
        let hash = format!("{:016x}", stable_hash(&parts));
        let doc_hash = document_hash(doc)?;
        let kind = self.kind();
        self.transaction(|db| {
            let old = db.query(
                "SELECT content_hash FROM documents WHERE id = $1",
                &[doc.id.as_str().into()],
            )?;
            let existed = !old.is_empty();
            if old
                .first()
                .and_then(|r| r.first())
                .and_then(Value::text)
                .is_some_and(|h| h == hash)
            {
                // A store from before version 2 learns the document's own hash here.
                db.exec(
                    "UPDATE documents SET document_hash = $1 WHERE id = $2 AND document_hash IS NULL",
                    &[doc_hash.as_str().into(), doc.id.as_str().into()],
                )?;
                return Ok(PutOutcome::Unchanged);
            }
            let mut blocks: BTreeSet<String> = db
                .query(
                    "SELECT DISTINCT block FROM mentions WHERE doc = $1",
                    &[doc.id.as_str().into()],
                )?
                .iter()
                .filter_map(|r| r.first().and_then(Value::text).map(str::to_string))
                .collect();
            db.exec("DELETE FROM mentions WHERE doc = $1", &[doc.id.as_str().into()])?;
            if kind == Kind::Sqlite {
                db.exec(
                    "DELETE FROM documents_fts WHERE rowid IN (SELECT rowid FROM documents WHERE id = $1)",
                    &[doc.id.as_str().into()],
                )?;
            }
            db.exec("DELETE FROM documents WHERE id = $1", &[doc.id.as_str().into()])?;
            insert_document(db, kind, doc, &doc_json, &hash)?;
            db.exec(
                "UPDATE documents SET document_hash = $1 WHERE id = $2",
                &[doc_hash.as_str().into(), doc.id.as_str().into()],
            )?;
            let offsets = CharOffsets::new(&doc.text);
            let keys = document_block_keys(mentions);
            for ((m, json), key) in mentions.iter().zip(&mentions_json).zip(keys) {
                insert_mention(db, m, json, &key, &offsets)?;
                blocks.insert(key);
            }
            // Blocks in key order: concurrent writers take their locks in one order,
            // so they cannot deadlock.
            for key in &blocks {
                match fuse {
                    Fuse::Now => refuse_block(db, kind, key)?,
                    Fuse::Later => mark_dirty(db, key)?,
                }
            }
            let counts = (mentions.len(), blocks.len());
            Ok(if existed {
                PutOutcome::Replaced {
                    mentions: counts.0,
                    blocks: counts.1,
                }
            } else {
                PutOutcome::Added {
                    mentions: counts.0,
                    blocks: counts.1,
                }
            })
        })
    }

    /// The [`document_hash`] stored for a document id, if the document is stored.
    pub fn stored_document_hash(&mut self, id: &str) -> Result<Option<String>, StoreError> {
        let rows = self.db.query(
            "SELECT document_hash FROM documents WHERE id = $1",
            &[id.into()],
        )?;
        Ok(rows
            .first()
            .and_then(|r| r.first())
            .and_then(Value::text)
            .map(str::to_string))
    }

    /// Takes a document, its mentions and their part in events out of the store.
    pub fn delete_document(&mut self, id: &str) -> Result<bool, StoreError> {
        let kind = self.kind();
        self.transaction(|db| {
            let blocks: Vec<String> = db
                .query(
                    "SELECT DISTINCT block FROM mentions WHERE doc = $1 ORDER BY block",
                    &[id.into()],
                )?
                .iter()
                .filter_map(|r| r.first().and_then(Value::text).map(str::to_string))
                .collect();
            db.exec("DELETE FROM mentions WHERE doc = $1", &[id.into()])?;
            if kind == Kind::Sqlite {
                db.exec(
                    "DELETE FROM documents_fts WHERE rowid IN (SELECT rowid FROM documents WHERE id = $1)",
                    &[id.into()],
                )?;
            }
            let n = db.exec("DELETE FROM documents WHERE id = $1", &[id.into()])?;
            for key in &blocks {
                refuse_block(db, kind, key)?;
            }
            Ok(n > 0)
        })
    }

    /// Canonical events matching the filter, by date then id.
    pub fn events(&mut self, f: &EventFilter) -> Result<Vec<CanonicalEvent>, StoreError> {
        let (cond, params) = event_where(f)?;
        let rows = self.db.query(
            &format!("SELECT event_json FROM events WHERE {cond}"),
            &params,
        )?;
        let mut events = parse_events(&rows)?;
        sort_events(&mut events);
        Ok(events)
    }

    /// One page of the events [`Store::events`] gives (same filter, same order;
    /// with `undated_last`, events without a date come after the dated ones
    /// instead of before), and how many match in all. Only the page's events are
    /// read and decoded, so a page costs the same on a large store as on a small one.
    pub fn events_page(
        &mut self,
        f: &EventFilter,
        limit: usize,
        offset: usize,
        undated_last: bool,
    ) -> Result<EventPage, StoreError> {
        let (cond, mut params) = event_where(f)?;
        let total = self
            .db
            .query(
                &format!("SELECT count(*) FROM events WHERE {cond}"),
                &params,
            )?
            .first()
            .and_then(|r| r.first())
            .and_then(Value::int)
            .unwrap_or(0)
            .max(0) as usize;
        let n = params.len();
        params.push(limit.into());
        params.push(offset.into());
        // Ids first, in order (an index-sized sort), then the page's JSON; the
        // order matches `sort_events` because `date_start` is the ISO start day of
        // the event's date (NULL when there is none).
        let nulls = if undated_last {
            "NULLS LAST"
        } else {
            "NULLS FIRST"
        };
        let rows = self.db.query(
            &format!(
                "SELECT event_json FROM events WHERE id IN (SELECT id FROM events WHERE {cond} \
                 ORDER BY date_start {nulls}, id LIMIT ${} OFFSET ${})",
                n + 1,
                n + 2
            ),
            &params,
        )?;
        let mut events = parse_events(&rows)?;
        sort_events(&mut events);
        if undated_last {
            // Stable: dated events keep their order, undated ones theirs.
            events.sort_by_key(|e| {
                e.date
                    .as_ref()
                    .and_then(|d| dyad_fuse::parse_value(&d.value))
                    .is_none()
            });
        }
        Ok(EventPage { events, total })
    }

    /// One canonical event by id.
    pub fn event(&mut self, id: &str) -> Result<Option<CanonicalEvent>, StoreError> {
        let rows = self
            .db
            .query("SELECT event_json FROM events WHERE id = $1", &[id.into()])?;
        match rows.first().and_then(|r| r.first()).and_then(Value::text) {
            Some(j) => Ok(Some(serde_json::from_str(j)?)),
            None => Ok(None),
        }
    }

    /// The canonical events a document's mentions belong to, by date then id.
    pub fn events_of_document(&mut self, doc: &str) -> Result<Vec<CanonicalEvent>, StoreError> {
        let rows = self.db.query(
            "SELECT event_json FROM events WHERE id IN (SELECT event_id FROM event_mentions WHERE doc = $1)",
            &[doc.into()],
        )?;
        let mut events = parse_events(&rows)?;
        sort_events(&mut events);
        Ok(events)
    }

    /// How many events each set of actors has, by event type: the edges of the
    /// actor network, read from the index columns without decoding any event.
    /// Each row's `actors` is the sorted set of codes an event carries.
    pub fn actor_groups(&mut self) -> Result<Vec<ActorGroup>, StoreError> {
        let rows = self.db.query(
            "SELECT actors, event_type, count(*) FROM events GROUP BY actors, event_type",
            &[],
        )?;
        let mut out: Vec<ActorGroup> = rows
            .iter()
            .filter_map(|r| {
                let actors = r.first()?.text()?;
                Some(ActorGroup {
                    actors: actors
                        .split(',')
                        .filter(|a| !a.is_empty())
                        .map(str::to_string)
                        .collect(),
                    event_type: r.get(1)?.text()?.to_string(),
                    events: r.get(2)?.int()?.max(0) as usize,
                })
            })
            .collect();
        out.sort_by(|a, b| (&a.actors, &a.event_type).cmp(&(&b.actors, &b.event_type)));
        Ok(out)
    }

    /// One page of the conflicts between reports, by event date, event id and the
    /// conflict's place in its event; with how many there are in all.
    pub fn conflicts_page(
        &mut self,
        limit: usize,
        offset: usize,
    ) -> Result<(Vec<EventConflict>, usize), StoreError> {
        let total = self
            .db
            .query("SELECT count(*) FROM conflicts", &[])?
            .first()
            .and_then(|r| r.first())
            .and_then(Value::int)
            .unwrap_or(0)
            .max(0) as usize;
        let rows = self.db.query(
            "SELECT c.event_id, e.summary, e.event_type, e.status, e.date_value, c.field, c.resolution, c.reason, c.values_json \
             FROM conflicts c JOIN events e ON e.id = c.event_id \
             ORDER BY e.date_start NULLS FIRST, c.event_id, c.seq LIMIT $1 OFFSET $2",
            &[limit.into(), offset.into()],
        )?;
        let text = |r: &Row, i: usize| {
            r.get(i)
                .and_then(Value::text)
                .unwrap_or_default()
                .to_string()
        };
        let out = rows
            .iter()
            .map(|r| {
                Ok(EventConflict {
                    event: text(r, 0),
                    summary: text(r, 1),
                    event_type: text(r, 2),
                    status: text(r, 3),
                    date: r.get(4).and_then(Value::text).map(str::to_string),
                    conflict: dyad_fuse::Conflict {
                        field: text(r, 5),
                        resolution: text(r, 6),
                        reason: text(r, 7),
                        values: serde_json::from_str(
                            r.get(8).and_then(Value::text).unwrap_or("[]"),
                        )?,
                    },
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok((out, total))
    }

    /// Event mentions, of one document or all, in document and position order.
    pub fn mentions(&mut self, doc: Option<&str>) -> Result<Vec<StoredMention>, StoreError> {
        let cols = "SELECT mention_json, start_char, end_char, sentence_start_char, sentence_end_char FROM mentions";
        let rows = match doc {
            Some(d) => self.db.query(
                &format!("{cols} WHERE doc = $1 ORDER BY doc, sentence_start_char, id"),
                &[d.into()],
            )?,
            None => self.db.query(
                &format!("{cols} ORDER BY doc, sentence_start_char, id"),
                &[],
            )?,
        };
        let mut out = rows
            .iter()
            .map(|r| {
                let get = |i: usize| r.get(i).and_then(Value::int).unwrap_or(0).max(0) as usize;
                let json = r.first().and_then(Value::text).unwrap_or("null");
                Ok(StoredMention {
                    mention: serde_json::from_str(json)?,
                    start_char: get(1),
                    end_char: get(2),
                    sentence_start_char: get(3),
                    sentence_end_char: get(4),
                })
            })
            .collect::<Result<Vec<StoredMention>, StoreError>>()?;
        // Byte order in Rust: the databases' text collations differ.
        out.sort_by(|a, b| {
            (&a.mention.doc, a.sentence_start_char, &a.mention.id).cmp(&(
                &b.mention.doc,
                b.sentence_start_char,
                &b.mention.id,
            ))
        });
        Ok(out)
    }

    pub fn document(&mut self, id: &str) -> Result<Option<Document>, StoreError> {
        let rows = self.db.query(
            "SELECT document_json FROM documents WHERE id = $1",
            &[id.into()],
        )?;
        match rows.first().and_then(|r| r.first()).and_then(Value::text) {
            Some(j) => Ok(Some(serde_json::from_str(j)?)),
            None => Ok(None),
        }
    }

    /// Ids of every stored document with its content hash, by id.
    pub fn document_hashes(&mut self) -> Result<Vec<(String, String)>, StoreError> {
        let mut out: Vec<(String, String)> = self
            .db
            .query("SELECT id, content_hash FROM documents", &[])?
            .iter()
            .filter_map(|r| {
                Some((
                    r.first()?.text()?.to_string(),
                    r.get(1)?.text()?.to_string(),
                ))
            })
            .collect();
        out.sort();
        Ok(out)
    }

    pub fn counts(&mut self) -> Result<Counts, StoreError> {
        let rows = self.db.query(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM mentions), (SELECT count(*) FROM events)",
            &[],
        )?;
        let get = |i: usize| {
            rows.first()
                .and_then(|r| r.get(i))
                .and_then(Value::int)
                .unwrap_or(0) as usize
        };
        Ok(Counts {
            documents: get(0),
            mentions: get(1),
            events: get(2),
        })
    }

    /// Full-text search over document titles and text and event summaries; best
    /// first, at most `limit` of each kind. Every word of the query must occur.
    pub fn search(&mut self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        let words: Vec<String> = query
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let limit = Value::from(limit);
        let (docs, events) = match self.kind() {
            Kind::Sqlite => {
                // Each word quoted: the user's text is never FTS5 syntax.
                let q: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
                let q = Value::Text(q.join(" "));
                let docs = self.db.query(
                    "SELECT d.id, d.title, snippet(documents_fts, 1, '[', ']', '…', 16), -bm25(documents_fts) \
                     FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid \
                     WHERE documents_fts MATCH $1 ORDER BY bm25(documents_fts) LIMIT $2",
                    &[q.clone(), limit.clone()],
                )?;
                let events = self.db.query(
                    "SELECT e.id, e.summary, snippet(events_fts, 0, '[', ']', '…', 16), -bm25(events_fts) \
                     FROM events_fts JOIN events e ON e.rowid = events_fts.rowid \
                     WHERE events_fts MATCH $1 ORDER BY bm25(events_fts) LIMIT $2",
                    &[q, limit],
                )?;
                (docs, events)
            }
            Kind::Postgres => {
                let q = Value::Text(words.join(" "));
                let docs = self.db.query(
                    "SELECT id, title, ts_headline('english', text, plainto_tsquery('english', $1), 'StartSel=[, StopSel=], MaxWords=16, MinWords=5'), \
                     ts_rank(tsv, plainto_tsquery('english', $1))::float8 AS r \
                     FROM documents WHERE tsv @@ plainto_tsquery('english', $1) ORDER BY r DESC, id LIMIT $2",
                    &[q.clone(), limit.clone()],
                )?;
                let events = self.db.query(
                    "SELECT id, summary, ts_headline('english', summary, plainto_tsquery('english', $1), 'StartSel=[, StopSel=], MaxWords=16, MinWords=5'), \
                     ts_rank(tsv, plainto_tsquery('english', $1))::float8 AS r \
                     FROM events WHERE tsv @@ plainto_tsquery('english', $1) ORDER BY r DESC, id LIMIT $2",
                    &[q, limit],
                )?;
                (docs, events)
            }
        };
        let hit = |kind: &'static str, r: &Row| SearchHit {
            kind,
            id: r
                .first()
                .and_then(Value::text)
                .unwrap_or_default()
                .to_string(),
            title: r.get(1).and_then(Value::text).map(str::to_string),
            snippet: r
                .get(2)
                .and_then(Value::text)
                .unwrap_or_default()
                .to_string(),
            score: r.get(3).and_then(Value::real).unwrap_or(0.0),
        };
        let mut out: Vec<SearchHit> = docs.iter().map(|r| hit("document", r)).collect();
        out.extend(events.iter().map(|r| hit("event", r)));
        Ok(out)
    }
}

/// The SQL condition and parameters of an event filter (`$1`… in order).
fn event_where(f: &EventFilter) -> Result<(String, Vec<Value>), StoreError> {
    let mut sql = String::from(if f.include_undated {
        "1 = 1"
    } else {
        "date_start IS NOT NULL"
    });
    if !f.include_incomplete {
        sql.push_str(" AND complete = 1");
    }
    let mut params: Vec<Value> = Vec::new();
    let mut add = |cond: &str, v: Value, params: &mut Vec<Value>| {
        params.push(v);
        sql.push_str(&cond.replace("$?", &format!("${}", params.len())));
    };
    if let Some(a) = &f.actor {
        add(
            " AND actors LIKE $?",
            format!("%,{},%", a.trim().to_uppercase()).into(),
            &mut params,
        );
    }
    if let Some(t) = &f.event_type {
        add(
            " AND event_type = $?",
            t.trim().to_uppercase().into(),
            &mut params,
        );
    }
    if let Some(s) = &f.status {
        add(
            " AND status = $?",
            s.trim().to_lowercase().into(),
            &mut params,
        );
    }
    if let Some(since) = &f.since {
        let start = DayRange::parse_start(since)
            .ok_or_else(|| StoreError::Schema(format!("--since {since:?}: not an ISO date")))?;
        add(" AND date_end > $?", start.into(), &mut params);
    }
    if let Some(until) = &f.until {
        let end = DayRange::parse_end(until)
            .ok_or_else(|| StoreError::Schema(format!("--until {until:?}: not an ISO date")))?;
        add(" AND date_start < $?", end.into(), &mut params);
    }
    Ok((sql, params))
}

fn parse_events(rows: &[Row]) -> Result<Vec<CanonicalEvent>, StoreError> {
    rows.iter()
        .filter_map(|r| r.first().and_then(Value::text))
        .map(|j| serde_json::from_str(j).map_err(StoreError::from))
        .collect()
}

/// By start day (undated first), then id. Sorted here, not only in SQL: the two
/// databases order NULLs and text differently.
fn sort_events(events: &mut [CanonicalEvent]) {
    events.sort_by_cached_key(|e| {
        let start = e
            .date
            .as_ref()
            .and_then(|d| dyad_fuse::parse_value(&d.value))
            .map(|r| r.start);
        (start, e.id.clone())
    });
}

/// A fingerprint of a document alone (every field, not its mentions): equal for
/// the same report read the same way, so that ingest need not code it again.
pub fn document_hash(doc: &Document) -> Result<String, StoreError> {
    let json = serde_json::to_string(doc)?;
    Ok(format!("{:016x}", stable_hash(&["document", &json])))
}

/// `postgres://…?schema=NAME&…` → the URL without `schema`, and the name.
fn split_schema(url: &str) -> (String, Option<String>) {
    let Some((base, query)) = url.split_once('?') else {
        return (url.to_string(), None);
    };
    let mut schema = None;
    let rest: Vec<&str> = query
        .split('&')
        .filter(|kv| match kv.strip_prefix("schema=") {
            Some(s) => {
                schema = Some(s.to_string());
                false
            }
            None => !kv.is_empty(),
        })
        .collect();
    if rest.is_empty() {
        (base.to_string(), schema)
    } else {
        (format!("{base}?{}", rest.join("&")), schema)
    }
}

fn now_iso() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn insert_document(
    db: &mut Backend,
    kind: Kind,
    doc: &Document,
    doc_json: &str,
    hash: &str,
) -> Result<(), StoreError> {
    let published = doc.published.as_ref();
    db.exec(
        "INSERT INTO documents (id, content_hash, source, url, title, published, published_from, published_grain, \
         outlet, byline, dateline, language, text, document_json) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
        &[
            doc.id.as_str().into(),
            hash.into(),
            doc.source.as_str().into(),
            doc.url.clone().into(),
            doc.title.clone().into(),
            published.map(|p| p.value.to_iso()).into(),
            published
                .map(|p| {
                    match p.from {
                        dyad_core::PublishedFrom::Input => "input",
                        dyad_core::PublishedFrom::Text => "text",
                        dyad_core::PublishedFrom::Inferred => "inferred",
                    }
                    .to_string()
                })
                .into(),
            published.map(|p| p.value.grain.as_str().to_string()).into(),
            doc.outlet.clone().into(),
            doc.byline.clone().into(),
            doc.dateline.clone().into(),
            doc.language.clone().into(),
            doc.text.as_str().into(),
            doc_json.into(),
        ],
    )?;
    if kind == Kind::Sqlite {
        db.exec(
            "INSERT INTO documents_fts (rowid, title, text) SELECT rowid, coalesce(title, ''), text FROM documents WHERE id = $1",
            &[doc.id.as_str().into()],
        )?;
    }
    Ok(())
}

/// `,JPN,USA,JPNGOV,`: the actor codes an event or mention carries, for `LIKE` filters.
fn actor_column<'a>(
    actors: impl IntoIterator<Item = &'a String>,
    extra: impl IntoIterator<Item = Option<&'a String>>,
) -> String {
    let mut all: BTreeSet<String> = actors.into_iter().map(|a| a.to_uppercase()).collect();
    all.extend(extra.into_iter().flatten().map(|a| a.to_uppercase()));
    let mut s = String::from(",");
    for a in all {
        s.push_str(&a);
        s.push(',');
    }
    s
}

fn insert_mention(
    db: &mut Backend,
    m: &EventMention,
    json: &str,
    key: &str,
    offsets: &CharOffsets,
) -> Result<(), StoreError> {
    let date_start = m
        .date
        .as_ref()
        .and_then(DayRange::of_event_date)
        .map(|r| r.start.to_string());
    let actors = actor_column(
        &m.actors,
        [
            m.source.as_ref().and_then(|a| a.actor.as_ref()),
            m.target.as_ref().and_then(|a| a.actor.as_ref()),
        ],
    );
    db.exec(
        "INSERT INTO mentions (doc, id, block, event_type, status, date_value, date_grain, date_start, actors, published, \
         start_char, end_char, sentence_start_char, sentence_end_char, mention_json) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
        &[
            m.doc.as_str().into(),
            m.id.as_str().into(),
            key.into(),
            m.event_type.as_str().into(),
            m.status.as_str().into(),
            m.date.as_ref().map(|d| d.value.clone()).into(),
            m.date.as_ref().map(|d| d.grain.as_str().to_string()).into(),
            date_start.into(),
            actors.into(),
            m.published.map(|p| p.to_iso()).into(),
            offsets.char_of(m.trigger.start).into(),
            offsets.char_of(m.trigger.end).into(),
            offsets.char_of(m.sentence.start).into(),
            offsets.char_of(m.sentence.end).into(),
            json.into(),
        ],
    )?;
    Ok(())
}

/// When a stored report's blocks are re-fused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fuse {
    Now,
    Later,
}

fn mark_dirty(db: &mut Backend, key: &str) -> Result<(), StoreError> {
    db.exec(
        "INSERT INTO dirty_blocks (block, generation) VALUES ($1, 1) \
         ON CONFLICT (block) DO UPDATE SET generation = dirty_blocks.generation + 1",
        &[key.into()],
    )?;
    Ok(())
}

/// Re-fuses one block from the mentions stored under it and replaces its events.
fn refuse_block(db: &mut Backend, kind: Kind, key: &str) -> Result<(), StoreError> {
    if kind == Kind::Postgres {
        // Held to the end of the transaction: one writer per block at a time, and the
        // mentions read below include every committed writer's.
        let lock = stable_hash(&["block", key]) as i64;
        db.exec("SELECT pg_advisory_xact_lock($1)", &[Value::Int(lock)])?;
    }
    let rows = db.query(
        "SELECT mention_json FROM mentions WHERE block = $1",
        &[key.into()],
    )?;
    let mentions: Vec<EventMention> = rows
        .iter()
        .filter_map(|r| r.first().and_then(Value::text))
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    let events = dyad_fuse::fuse_block(key, &mentions);

    // Only the events that changed are rewritten: adding one report to a long-lived
    // block touches one or two of its events, not all of them.
    let old: std::collections::BTreeMap<String, String> = db
        .query(
            "SELECT id, event_json FROM events WHERE block = $1",
            &[key.into()],
        )?
        .iter()
        .filter_map(|r| {
            Some((
                r.first()?.text()?.to_string(),
                r.get(1)?.text()?.to_string(),
            ))
        })
        .collect();
    let mut fresh: std::collections::BTreeMap<&str, (String, &CanonicalEvent)> =
        std::collections::BTreeMap::new();
    for e in &events {
        fresh.insert(e.id.as_str(), (serde_json::to_string(e)?, e));
    }
    for (id, json) in &old {
        if fresh.get(id.as_str()).is_some_and(|(j, _)| j == json) {
            continue;
        }
        delete_event(db, kind, id)?;
    }
    for (id, (json, e)) in &fresh {
        if old.get(*id).is_some_and(|j| j == json) {
            continue;
        }
        insert_event(db, kind, e, json)?;
    }
    Ok(())
}

fn delete_event(db: &mut Backend, kind: Kind, id: &str) -> Result<(), StoreError> {
    for table in ["event_mentions", "status_history", "conflicts"] {
        db.exec(
            &format!("DELETE FROM {table} WHERE event_id = $1"),
            &[id.into()],
        )?;
    }
    if kind == Kind::Sqlite {
        db.exec(
            "DELETE FROM events_fts WHERE rowid IN (SELECT rowid FROM events WHERE id = $1)",
            &[id.into()],
        )?;
    }
    db.exec("DELETE FROM events WHERE id = $1", &[id.into()])?;
    Ok(())
}

fn insert_event(
    db: &mut Backend,
    kind: Kind,
    e: &CanonicalEvent,
    json: &str,
) -> Result<(), StoreError> {
    let range = e
        .date
        .as_ref()
        .and_then(|d| dyad_fuse::parse_value(&d.value));
    let actors = actor_column(
        &e.actors,
        [
            e.source.as_ref().and_then(|a| a.actor.as_ref()),
            e.target.as_ref().and_then(|a| a.actor.as_ref()),
        ],
    );
    db.exec(
        "INSERT INTO events (id, block, event_type, status, date_value, date_grain, date_start, date_end, actors, summary, event_json, complete) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        &[
            e.id.as_str().into(),
            e.block.as_str().into(),
            e.event_type.as_str().into(),
            e.status.as_str().into(),
            e.date.as_ref().map(|d| d.value.clone()).into(),
            e.date.as_ref().map(|d| d.grain.clone()).into(),
            range.map(|r| r.start.to_string()).into(),
            range.map(|r| r.end.to_string()).into(),
            actors.into(),
            e.summary.as_str().into(),
            json.into(),
            Value::Int(i64::from(e.is_complete())),
        ],
    )?;
    if kind == Kind::Sqlite {
        db.exec(
            "INSERT INTO events_fts (rowid, summary) SELECT rowid, summary FROM events WHERE id = $1",
            &[e.id.as_str().into()],
        )?;
    }
    for m in &e.mentions {
        // A mention listed twice in one event is one membership row.
        let sql = match kind {
            Kind::Sqlite => "INSERT OR IGNORE INTO event_mentions (event_id, doc, mention_id) VALUES ($1, $2, $3)",
            Kind::Postgres => "INSERT INTO event_mentions (event_id, doc, mention_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        };
        db.exec(
            sql,
            &[
                e.id.as_str().into(),
                m.doc.as_str().into(),
                m.mention.as_str().into(),
            ],
        )?;
    }
    for (i, h) in e.status_history.iter().enumerate() {
        db.exec(
            "INSERT INTO status_history (event_id, seq, doc, published, status, date_value, location) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &[
                e.id.as_str().into(),
                i.into(),
                h.doc.as_str().into(),
                h.published.clone().into(),
                h.status.as_str().into(),
                h.date.as_ref().map(|d| d.value.clone()).into(),
                h.location.as_ref().map(|l| l.name.clone()).into(),
            ],
        )?;
    }
    for (i, c) in e.conflicts.iter().enumerate() {
        db.exec(
            "INSERT INTO conflicts (event_id, seq, field, resolution, reason, values_json) VALUES ($1, $2, $3, $4, $5, $6)",
            &[
                e.id.as_str().into(),
                i.into(),
                c.field.as_str().into(),
                c.resolution.as_str().into(),
                c.reason.as_str().into(),
                serde_json::to_string(&c.values)?.into(),
            ],
        )?;
    }
    Ok(())
}
