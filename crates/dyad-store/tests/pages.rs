//! The listing queries `dyad serve` uses (pages of events, one event, a
//! document's events, actor groups, pages of conflicts) agree with
//! `Store::events`, on SQLite always and on PostgreSQL when `DYAD_TEST_POSTGRES`
//! holds a server URL.

use dyad_core::{Document, EventMention, Published, PublishedFrom, Span};
use dyad_store::{EventFilter, Store};
use std::collections::BTreeMap;

fn stores() -> Vec<Store> {
    let path = std::env::temp_dir().join(format!("dyad-store-pages-{}.db", std::process::id()));
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
    }
    let mut out = vec![Store::open(&path.display().to_string()).expect("open sqlite")];
    match std::env::var("DYAD_TEST_POSTGRES") {
        Ok(base) => {
            let schema = format!("dyad_t_pages_{}", std::process::id());
            let mut client = postgres::Client::connect(&base, postgres::NoTls).expect("connect");
            client
                .batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"))
                .expect("drop schema");
            let sep = if base.contains('?') { '&' } else { '?' };
            out.push(Store::open(&format!("{base}{sep}schema={schema}")).expect("open postgres"));
        }
        Err(_) if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("CI=true but DYAD_TEST_POSTGRES is not set: .ci/run must start PostgreSQL")
        }
        Err(_) => eprintln!("skipping the PostgreSQL run: DYAD_TEST_POSTGRES is not set"),
    }
    out
}

/// Synthetic reports, a few of them with undated mentions.
fn corpus() -> Vec<(Document, Vec<EventMention>)> {
    let mut by_doc: BTreeMap<String, Vec<EventMention>> = BTreeMap::new();
    for (i, mut m) in dyad_fuse::synthetic_mentions(160).into_iter().enumerate() {
        // Every report of every ninth event: those events have no date at all.
        if (i / 4) % 9 == 0 {
            m.date = None;
        }
        by_doc.entry(m.doc.clone()).or_default().push(m);
    }
    by_doc
        .into_iter()
        .map(|(id, ms)| {
            let text = ms[0].sentence_text.clone();
            let doc = Document {
                id: id.clone(),
                source: id.clone(),
                published: ms[0].published.map(|p| Published {
                    value: p,
                    from: PublishedFrom::Input,
                    confidence: 1.0,
                    evidence: None,
                    span: None,
                }),
                paragraphs: vec![Span::new(0, text.len())],
                text,
                ..Document::default()
            };
            (doc, ms)
        })
        .collect()
}

fn ids(events: &[dyad_fuse::CanonicalEvent]) -> Vec<String> {
    events.iter().map(|e| e.id.clone()).collect()
}

#[test]
fn pages_agree_with_the_whole_list() {
    let docs = corpus();
    for mut s in stores() {
        for (d, ms) in &docs {
            s.put_document(d, ms).expect("put");
        }
        let with_undated = EventFilter {
            include_undated: true,
            ..EventFilter::default()
        };
        for filter in [
            EventFilter::default(),
            with_undated.clone(),
            EventFilter {
                actor: Some("jpn".into()),
                include_undated: true,
                ..EventFilter::default()
            },
            EventFilter {
                event_type: Some("CONSULT".into()),
                status: Some("occurred".into()),
                since: Some("2017".into()),
                ..EventFilter::default()
            },
        ] {
            let all = s.events(&filter).expect("events");
            assert!(!all.is_empty());
            for undated_last in [false, true] {
                let mut expected = all.clone();
                if undated_last {
                    expected.sort_by_key(|e| e.date.is_none());
                }
                let mut paged = Vec::new();
                let mut offset = 0;
                loop {
                    let page = s
                        .events_page(&filter, 7, offset, undated_last)
                        .expect("page");
                    assert_eq!(page.total, all.len());
                    paged.extend(page.events.iter().cloned());
                    if page.events.len() < 7 {
                        break;
                    }
                    offset += 7;
                }
                assert_eq!(
                    ids(&paged),
                    ids(&expected),
                    "{filter:?} undated_last={undated_last}"
                );
            }
        }
        // Undated events are left out unless asked for.
        let dated = s.events(&EventFilter::default()).expect("events");
        assert!(dated.iter().all(|e| e.date.is_some()));
        let all = s.events(&with_undated).expect("events");
        assert!(
            all.iter().any(|e| e.date.is_none()),
            "some events are undated"
        );
        assert!(dated.len() < all.len());
        for e in all.iter().step_by(5) {
            assert_eq!(s.event(&e.id).expect("event").as_ref(), Some(e));
            let doc = &e.mentions[0].doc;
            assert!(ids(&s.events_of_document(doc).expect("doc events")).contains(&e.id));
        }
        assert_eq!(s.event("ev_nothing").expect("event"), None);
        let groups = s.actor_groups().expect("groups");
        assert_eq!(groups.iter().map(|g| g.events).sum::<usize>(), all.len());
        let conflicts: usize = all.iter().map(|e| e.conflicts.len()).sum();
        let (page, total) = s.conflicts_page(1000, 0).expect("conflicts");
        assert_eq!((page.len(), total), (conflicts, conflicts));
    }
}
