//! The store through its public API, on SQLite always and on PostgreSQL when
//! `DYAD_TEST_POSTGRES` holds a server URL (e.g. `postgres://postgres:dyad@localhost/dyad_test`).

use chrono::NaiveDate;
use dyad_core::{
    DateValue, Document, EventDate, EventLocation, EventMention, EventStatus, EventType, Grain,
    Published, PublishedFrom, Span,
};
use dyad_store::{EventFilter, PutOutcome, Store};
use std::sync::atomic::{AtomicUsize, Ordering};

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A fresh SQLite store in the temp folder.
fn sqlite_store() -> (Store, String) {
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let path = std::env::temp_dir().join(format!("dyad-store-test-{}-{n}.db", std::process::id()));
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
    }
    let url = path.display().to_string();
    (Store::open(&url).expect("open sqlite"), url)
}

/// A fresh PostgreSQL schema, or `None` (with a message) where no server is configured.
fn postgres_store(name: &str) -> Option<(Store, String)> {
    let Ok(base) = std::env::var("DYAD_TEST_POSTGRES") else {
        // CI installs and starts PostgreSQL (.ci/run): there, a missing server is a failure.
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("CI=true but DYAD_TEST_POSTGRES is not set: .ci/run must start PostgreSQL");
        }
        eprintln!("skipping the PostgreSQL run of {name}: DYAD_TEST_POSTGRES is not set");
        return None;
    };
    let schema = format!("dyad_t_{name}_{}", std::process::id());
    let mut client = postgres::Client::connect(&base, postgres::NoTls).expect("connect");
    client
        .batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"))
        .expect("drop schema");
    let sep = if base.contains('?') { '&' } else { '?' };
    let url = format!("{base}{sep}schema={schema}");
    Some((Store::open(&url).expect("open postgres"), url))
}

/// Runs `body` on SQLite, then on PostgreSQL where configured.
fn on_each_backend(name: &str, body: impl Fn(&mut Store, &str)) {
    let (mut s, url) = sqlite_store();
    body(&mut s, &url);
    if let Some((mut s, url)) = postgres_store(name) {
        body(&mut s, &url);
    }
}

fn document(id: &str, published: &str, text: &str) -> Document {
    let d = NaiveDate::parse_from_str(published, "%Y-%m-%d").unwrap();
    Document {
        id: id.into(),
        source: format!("{id}.txt"),
        title: Some(format!("Report {id}")),
        published: Some(Published {
            value: DateValue::day(d),
            from: PublishedFrom::Input,
            confidence: 1.0,
            evidence: None,
            span: None,
        }),
        language: Some("en".into()),
        text: text.into(),
        paragraphs: vec![Span::new(0, text.len())],
        ..Default::default()
    }
}

fn mention(
    doc: &Document,
    n: usize,
    status: EventStatus,
    date: &str,
    place: Option<(&str, Option<&str>)>,
) -> EventMention {
    let text = &doc.text;
    EventMention {
        id: format!("{}:{n}:0", doc.id),
        doc: doc.id.clone(),
        sentence: Span::new(0, text.len()),
        sentence_text: text.clone(),
        trigger: Span::new(0, text.find(' ').unwrap_or(text.len())),
        event_type: EventType::Consult,
        mode: None,
        context: None,
        cameo: Some("040".into()),
        status,
        source: None,
        target: None,
        actors: vec!["JPN".into(), "USA".into()],
        participants: vec![],
        date: Some(EventDate {
            text: None,
            span: None,
            value: date.into(),
            grain: if date.len() == 7 {
                Grain::Month
            } else {
                Grain::Day
            },
            start: None,
        }),
        location: place.map(|(name, country)| EventLocation {
            text: name.into(),
            span: Span::new(0, 1),
            name: name.into(),
            country: country.map(str::to_string),
        }),
        according_to: None,
        confidence: 0.8,
        published: doc.published.as_ref().map(|p| p.value),
        implied_by: None,
        described: None,
    }
}

/// Three reports of the 2022 talks and one of the 2021 talks.
fn corpus() -> Vec<(Document, Vec<EventMention>)> {
    use EventStatus::*;
    let a = document(
        "a",
        "2021-11-29",
        "Ministers are arranging security talks in the United States in January.",
    );
    let b = document(
        "b",
        "2021-12-21",
        "The meeting on Jan. 7, called the 2+2 dialogue, will be held in Washington.",
    );
    let c = document("c", "2022-01-07", "Japan and the United States began a virtual ministerial security meeting Friday, après Omicron.");
    let d = document(
        "d",
        "2021-03-16",
        "Blinken and Austin held talks in Tokyo with their counterparts.",
    );
    let ma = vec![mention(
        &a,
        0,
        Planned,
        "2022-01",
        Some(("United States", Some("USA"))),
    )];
    let mb = vec![mention(
        &b,
        0,
        Planned,
        "2022-01-07",
        Some(("Washington", Some("USA"))),
    )];
    let mc = vec![mention(
        &c,
        0,
        Occurred,
        "2022-01-07",
        Some(("virtual", None)),
    )];
    let md = vec![mention(
        &d,
        0,
        Occurred,
        "2021-03-16",
        Some(("Tokyo", Some("JPN"))),
    )];
    vec![(a, ma), (b, mb), (c, mc), (d, md)]
}

fn all_events(s: &mut Store) -> String {
    serde_json::to_string(&s.events(&EventFilter::default()).unwrap()).unwrap()
}

#[test]
fn store_fuses_like_the_library_and_is_idempotent() {
    on_each_backend("idem", |s, _| {
        let docs = corpus();
        for (d, ms) in &docs {
            assert!(matches!(
                s.put_document(d, ms).unwrap(),
                PutOutcome::Added { .. }
            ));
        }
        let all: Vec<EventMention> = docs.iter().flat_map(|(_, m)| m.clone()).collect();
        let expected = dyad_fuse::fuse(&all);
        let mut got = s.events(&EventFilter::default()).unwrap();
        got.sort_by(|a, b| a.id.cmp(&b.id));
        assert_eq!(got, expected);
        assert_eq!(got.len(), 2);
        let before = all_events(s);
        let counts = s.counts().unwrap();
        let hashes = s.document_hashes().unwrap();
        for (d, ms) in &docs {
            assert_eq!(s.put_document(d, ms).unwrap(), PutOutcome::Unchanged);
        }
        assert_eq!(all_events(s), before);
        assert_eq!(s.counts().unwrap(), counts);
        assert_eq!(s.document_hashes().unwrap(), hashes);
        assert_eq!(s.document("c").unwrap().as_ref(), Some(&docs[2].0));
        assert_eq!(s.schema_version().unwrap(), 5);
        assert_eq!(
            s.stored_document_hash("a").unwrap(),
            Some(dyad_store::document_hash(&docs[0].0).unwrap())
        );
        assert_eq!(s.stored_document_hash("zz").unwrap(), None);
    });
}

#[test]
fn reopening_keeps_everything() {
    let (mut s, url) = sqlite_store();
    for (d, ms) in corpus() {
        s.put_document(&d, &ms).unwrap();
    }
    let before = all_events(&mut s);
    drop(s);
    let mut again = Store::open(&url).unwrap();
    assert_eq!(all_events(&mut again), before);
    assert_eq!(again.counts().unwrap().documents, 4);
}

#[test]
fn changed_document_replaces_its_mentions() {
    on_each_backend("changed", |s, _| {
        let docs = corpus();
        for (d, ms) in &docs {
            s.put_document(d, ms).unwrap();
        }
        // Report c is corrected: the meeting was postponed to March.
        let mut c = docs[2].0.clone();
        c.text = "The security talks in Washington have been postponed to March.".into();
        let mc = vec![mention(
            &c,
            0,
            EventStatus::Postponed,
            "2022-03",
            Some(("Washington", Some("USA"))),
        )];
        assert!(matches!(
            s.put_document(&c, &mc).unwrap(),
            PutOutcome::Replaced { .. }
        ));
        let stored = s.mentions(Some("c")).unwrap();
        assert_eq!(stored.len(), 1);
        assert_eq!(stored[0].mention.status, EventStatus::Postponed);
        let mut all: Vec<EventMention> = docs.iter().take(2).flat_map(|(_, m)| m.clone()).collect();
        all.extend(mc.clone());
        all.extend(docs[3].1.clone());
        let mut got = s.events(&EventFilter::default()).unwrap();
        got.sort_by(|a, b| a.id.cmp(&b.id));
        assert_eq!(got, dyad_fuse::fuse(&all));
        let jan = got
            .iter()
            .find(|e| e.mentions.iter().any(|m| m.doc == "c"))
            .unwrap();
        assert_eq!(jan.status, EventStatus::Postponed);
        assert!(jan.conflicts.iter().any(|c| c.field == "status"));
        // The text search sees the new text only.
        assert!(s.search("Omicron", 10).unwrap().iter().all(|h| h.id != "c"));
        assert!(s
            .search("postponed", 10)
            .unwrap()
            .iter()
            .any(|h| h.id == "c"));
        // Taking the document away re-fuses without it.
        assert!(s.delete_document("c").unwrap());
        assert!(s.mentions(Some("c")).unwrap().is_empty());
        let mut rest: Vec<EventMention> = docs
            .iter()
            .filter(|(d, _)| d.id != "c")
            .flat_map(|(_, m)| m.clone())
            .collect();
        rest.sort_by(|a, b| a.id.cmp(&b.id));
        let mut got = s.events(&EventFilter::default()).unwrap();
        got.sort_by(|a, b| a.id.cmp(&b.id));
        assert_eq!(got, dyad_fuse::fuse(&rest));
    });
}

#[test]
fn failed_document_leaves_the_store_unchanged() {
    on_each_backend("rollback", |s, _| {
        let docs = corpus();
        for (d, ms) in docs.iter().take(3) {
            s.put_document(d, ms).unwrap();
        }
        let before = all_events(s);
        let counts = s.counts().unwrap();
        // Two mentions with one id: the second insert fails half-way through the document.
        let (d, ms) = &docs[3];
        let twice = vec![ms[0].clone(), ms[0].clone()];
        assert!(s.put_document(d, &twice).is_err());
        assert_eq!(s.counts().unwrap(), counts);
        assert_eq!(all_events(s), before);
        assert!(s.document("d").unwrap().is_none());
        assert!(s.search("counterparts", 10).unwrap().is_empty());
        // A changed version of a stored document that fails keeps the old version.
        let (a, ma) = &docs[0];
        let mut a2 = a.clone();
        a2.text.push_str(" Updated.");
        assert!(s
            .put_document(&a2, &[ma[0].clone(), ma[0].clone()])
            .is_err());
        assert_eq!(s.document("a").unwrap().as_ref(), Some(a));
        assert_eq!(all_events(s), before);
        // And the store still works afterwards.
        s.put_document(d, ms).unwrap();
        assert_eq!(s.counts().unwrap().documents, 4);
    });
}

#[test]
fn full_text_search_finds_documents_and_events() {
    on_each_backend("search", |s, _| {
        for (d, ms) in corpus() {
            s.put_document(&d, &ms).unwrap();
        }
        let hits = s.search("Omicron", 10).unwrap();
        assert_eq!(hits.len(), 2, "{hits:?}"); // the document and the event its sentence names
        assert!(hits.iter().any(|h| h.kind == "document" && h.id == "c"));
        assert!(hits.iter().any(|h| h.kind == "event"));
        let hits = s.search("counterparts Tokyo", 10).unwrap();
        assert!(hits.iter().any(|h| h.kind == "document" && h.id == "d"));
        assert!(hits
            .iter()
            .filter(|h| h.kind == "document")
            .all(|h| h.id == "d"));
        // Query syntax is never interpreted: quotes, operators and stars are just text.
        assert!(s.search("\"OR* NEAR( -", 10).unwrap().is_empty());
        assert!(s.search("", 10).unwrap().is_empty());
    });
}

#[test]
fn event_filters() {
    on_each_backend("filters", |s, _| {
        for (d, ms) in corpus() {
            s.put_document(&d, &ms).unwrap();
        }
        let f = |actor: Option<&str>,
                 ty: Option<&str>,
                 since: Option<&str>,
                 until: Option<&str>,
                 status: Option<&str>| EventFilter {
            actor: actor.map(str::to_string),
            event_type: ty.map(str::to_string),
            since: since.map(str::to_string),
            until: until.map(str::to_string),
            status: status.map(str::to_string),
            include_undated: true,
            include_incomplete: false,
        };
        assert_eq!(
            s.events(&f(Some("jpn"), None, None, None, None))
                .unwrap()
                .len(),
            2
        );
        assert_eq!(
            s.events(&f(Some("KOR"), None, None, None, None))
                .unwrap()
                .len(),
            0
        );
        assert_eq!(
            s.events(&f(None, Some("consult"), None, None, None))
                .unwrap()
                .len(),
            2
        );
        assert_eq!(
            s.events(&f(None, Some("ASSAULT"), None, None, None))
                .unwrap()
                .len(),
            0
        );
        let since = s.events(&f(None, None, Some("2022"), None, None)).unwrap();
        assert_eq!(since.len(), 1);
        assert_eq!(since[0].date.as_ref().unwrap().value, "2022-01-07");
        assert_eq!(
            s.events(&f(None, None, None, Some("2021-03"), None))
                .unwrap()
                .len(),
            1
        );
        assert_eq!(
            s.events(&f(None, None, Some("2021-03-17"), Some("2021-12"), None))
                .unwrap()
                .len(),
            0
        );
        assert_eq!(
            s.events(&f(None, None, None, None, Some("occurred")))
                .unwrap()
                .len(),
            2
        );
        assert!(s
            .events(&f(None, None, Some("last week"), None, None))
            .is_err());
    });
}

#[test]
fn shards_in_parallel_give_the_events_of_one_process() {
    let docs = corpus();
    // One writer: every document in order.
    let (mut one, _) = sqlite_store();
    for (d, ms) in &docs {
        one.put_document(d, ms).unwrap();
    }
    let expected = all_events(&mut one);
    let run_shards = |url: &str| {
        std::thread::scope(|scope| {
            for shard in 0..2 {
                let docs = &docs;
                scope.spawn(move || {
                    let mut s = Store::open(url).unwrap();
                    for (d, ms) in docs.iter().skip(shard).step_by(2).rev() {
                        s.put_document(d, ms).unwrap();
                    }
                });
            }
        });
        all_events(&mut Store::open(url).unwrap())
    };
    let (_, url) = sqlite_store();
    assert_eq!(run_shards(&url), expected);
    if let Some((_, url)) = postgres_store("shards") {
        assert_eq!(run_shards(&url), expected);
    }
}

#[test]
fn deferred_batches_and_deferred_shards_give_the_same_events() {
    let docs = corpus();
    let (mut one, _) = sqlite_store();
    for (d, ms) in &docs {
        one.put_document(d, ms).unwrap();
    }
    let expected = all_events(&mut one);
    on_each_backend("deferred", |s, _| {
        for (d, ms) in &docs {
            s.put_document_deferred(d, ms).unwrap();
        }
        // Until the batch is fused, its blocks wait and no events exist.
        assert!(s.pending_blocks().unwrap() > 0);
        assert_eq!(s.events(&EventFilter::default()).unwrap(), vec![]);
        assert!(s.fuse_pending().unwrap() > 0);
        assert_eq!(s.pending_blocks().unwrap(), 0);
        assert_eq!(all_events(s), expected);
        // A second batch of the same reports changes nothing and leaves no work.
        for (d, ms) in &docs {
            assert_eq!(
                s.put_document_deferred(d, ms).unwrap(),
                PutOutcome::Unchanged
            );
        }
        assert_eq!(s.fuse_pending().unwrap(), 0);
        assert_eq!(all_events(s), expected);
    });
    // Two deferred writers on disjoint shards, each fusing what is pending when
    // it is done: the last one to finish leaves the events of one process.
    let run_shards = |url: &str| {
        std::thread::scope(|scope| {
            for shard in 0..2 {
                let docs = &docs;
                scope.spawn(move || {
                    let mut s = Store::open(url).unwrap();
                    for (d, ms) in docs.iter().skip(shard).step_by(2) {
                        s.put_document_deferred(d, ms).unwrap();
                    }
                    s.fuse_pending().unwrap();
                });
            }
        });
        let mut s = Store::open(url).unwrap();
        // Whatever a race left marked is finished by the next fusion pass.
        s.fuse_pending().unwrap();
        all_events(&mut s)
    };
    let (_, url) = sqlite_store();
    assert_eq!(run_shards(&url), expected);
    if let Some((_, url)) = postgres_store("deferred_shards") {
        assert_eq!(run_shards(&url), expected);
    }
}

#[test]
fn a_store_from_an_older_blocking_scheme_is_filed_again_on_open() {
    let docs = corpus();
    let (mut s, url) = sqlite_store();
    for (d, ms) in &docs {
        s.put_document(d, ms).unwrap();
    }
    let expected = all_events(&mut s);
    drop(s);
    // What an older dyad left: other block keys, events under them, no scheme.
    {
        let db = rusqlite::Connection::open(&url).unwrap();
        db.execute_batch(
            "UPDATE mentions SET block = 'OLD|' || doc; \
             UPDATE events SET block = 'OLD|' || id; \
             DELETE FROM fusion_scheme;",
        )
        .unwrap();
    }
    let mut s = Store::open(&url).unwrap();
    assert_eq!(s.pending_blocks().unwrap(), 0);
    assert_eq!(all_events(&mut s), expected);
    assert_eq!(
        s.counts().unwrap().mentions,
        docs.iter().map(|d| d.1.len()).sum::<usize>()
    );
}

/// A report of a request with no one named as asking it: "a meeting with Xi
/// had been requested".
fn incomplete_report() -> (Document, Vec<EventMention>) {
    let e = document(
        "e",
        "2023-01-27",
        "A meeting with Xi had been requested but not confirmed.",
    );
    let mut m = mention(&e, 0, EventStatus::Occurred, "2023-01-27", None);
    m.event_type = EventType::Request;
    m.cameo = Some("020".into());
    m.actors = vec!["CHN".into()];
    (e, vec![m])
}

#[test]
fn incomplete_events_are_listed_only_on_request() {
    on_each_backend("incomplete", |s, _| {
        for (d, ms) in corpus().into_iter().chain([incomplete_report()]) {
            s.put_document(&d, &ms).unwrap();
        }
        let all = EventFilter {
            include_undated: true,
            include_incomplete: true,
            ..EventFilter::default()
        };
        let listed = s.events(&all).unwrap();
        assert!(listed.iter().any(|e| e.event_type == EventType::Request));
        let complete = s
            .events(&EventFilter {
                include_incomplete: false,
                ..all.clone()
            })
            .unwrap();
        assert_eq!(complete.len() + 1, listed.len());
        assert!(complete.iter().all(|e| e.event_type != EventType::Request));
    });
}

#[test]
fn a_store_from_before_completeness_marks_its_events_when_opened() {
    let (mut s, url) = sqlite_store();
    for (d, ms) in corpus().into_iter().chain([incomplete_report()]) {
        s.put_document(&d, &ms).unwrap();
    }
    let expected = all_events(&mut s);
    drop(s);
    // What a store of version 4 holds: no completeness column.
    {
        let db = rusqlite::Connection::open(&url).unwrap();
        db.execute_batch(
            "DROP INDEX events_complete_listing; \
             ALTER TABLE events DROP COLUMN complete; \
             DELETE FROM schema_migrations WHERE version = 5;",
        )
        .unwrap();
    }
    let mut s = Store::open(&url).unwrap();
    assert_eq!(all_events(&mut s), expected);
    assert!(!expected.contains("REQUEST"), "{expected}");
}
