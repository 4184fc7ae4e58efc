//! `dyad ingest PATH... [--db URL]`: read → understand → resolve → code → fuse →
//! store. Documents are read in one thread, coded on every core, and written by
//! one writer, each document (with its mentions and the event updates they
//! cause) in one transaction: a killed ingest leaves a consistent store, and a
//! re-run skips what was stored and finishes the job.

use crate::commands::read::{for_each_document, reader_for, ReadArgs};
use crate::pipeline::code_document;
use anyhow::Context;
use clap::Args;
use dyad_core::{Document, EventMention, Published, PublishedFrom};
use dyad_store::{PutOutcome, Store};
use serde_json::{json, Value};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{mpsc, Arc, Mutex};
use std::time::Instant;

/// The embedded store's file when `--db` is not given.
pub const DEFAULT_DB: &str = "dyad.db";

#[derive(Args)]
pub struct IngestArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    /// The store: a SQLite file (default ./dyad.db) or a postgres:// URL.
    #[arg(long, default_value = DEFAULT_DB)]
    pub db: String,
    /// Threads coding documents (default: every core).
    #[arg(long)]
    pub jobs: Option<usize>,
}

/// What one ingest did.
#[derive(Debug, Default, Clone, Copy)]
pub struct IngestTally {
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
    pub mentions: usize,
    /// Documents the store refused (each named on stderr).
    pub failed: usize,
}

pub fn run(args: IngestArgs) -> anyhow::Result<ExitCode> {
    let reader = reader_for(&args.read)?;
    let mut store =
        Store::open(&args.db).with_context(|| format!("cannot open the store {}", args.db))?;
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let bar = progress_bar();
    let started = Instant::now();
    let (rejected, tally) = ingest_parallel(jobs, &mut store, &bar, |send| {
        for_each_document(&args.read, &reader, |doc| {
            send(doc);
            Ok(())
        })
    })?;
    // One fusion per touched block for the whole batch. Also finishes the blocks
    // a killed ingest left marked.
    bar.set_message("fusing");
    let fused = store.fuse_pending().context("fusing the stored mentions")?;
    bar.finish_and_clear();
    let counts = store.counts()?;
    eprintln!(
        "dyad ingest: {} documents in {:.1}s ({} added, {} replaced, {} unchanged, {} failed), {} mentions, {} blocks fused; the store holds {} documents, {} mentions, {} events",
        tally.added + tally.replaced + tally.unchanged + tally.failed,
        started.elapsed().as_secs_f64(),
        tally.added,
        tally.replaced,
        tally.unchanged,
        tally.failed,
        tally.mentions,
        fused,
        counts.documents,
        counts.mentions,
        counts.events
    );
    Ok(if rejected + tally.failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn progress_bar() -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new_spinner();
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} {elapsed_precise} {pos} documents ({per_sec}) {msg}",
    ) {
        bar.set_style(style);
    }
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}

/// Feeds documents from `produce` (which calls the given `send` for each, in
/// this thread) to `jobs` coding threads, and stores each coded document from
/// one writer thread. Returns what `produce` returned (rejected inputs) and the tally.
pub fn ingest_parallel(
    jobs: usize,
    store: &mut Store,
    bar: &indicatif::ProgressBar,
    produce: impl FnOnce(&mut dyn FnMut(Document)) -> anyhow::Result<usize>,
) -> anyhow::Result<(usize, IngestTally)> {
    // Bounded: a huge corpus is never held in memory at once.
    let (doc_tx, doc_rx) = mpsc::sync_channel::<Document>(jobs * 8);
    let (coded_tx, coded_rx) = mpsc::sync_channel::<(Document, Vec<EventMention>)>(jobs * 8);
    let doc_rx = Arc::new(Mutex::new(doc_rx));
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let rx = Arc::clone(&doc_rx);
            let tx = coded_tx.clone();
            scope.spawn(move || loop {
                let next = match rx.lock() {
                    Ok(guard) => guard.recv(),
                    Err(_) => return,
                };
                let Ok(doc) = next else { return };
                let mentions = code_document(&doc);
                if tx.send((doc, mentions)).is_err() {
                    return;
                }
            });
        }
        drop(coded_tx);
        let writer = scope.spawn(move || {
            let mut tally = IngestTally::default();
            for (doc, mentions) in coded_rx {
                match store.put_document_deferred(&doc, &mentions) {
                    Ok(PutOutcome::Unchanged) => tally.unchanged += 1,
                    Ok(PutOutcome::Added { mentions: n, .. }) => {
                        tally.added += 1;
                        tally.mentions += n;
                    }
                    Ok(PutOutcome::Replaced { mentions: n, .. }) => {
                        tally.replaced += 1;
                        tally.mentions += n;
                    }
                    Err(e) => {
                        bar.suspend(|| eprintln!("dyad: {}: not stored: {e}", doc.source));
                        tally.failed += 1;
                    }
                }
                bar.inc(1);
            }
            tally
        });
        let rejected = {
            let mut send = |d: Document| {
                // A closed channel means the workers stopped; the writer reports why.
                let _ = doc_tx.send(d);
            };
            produce(&mut send)
        };
        // No more documents: the workers finish, then the writer.
        drop(doc_tx);
        let tally = writer
            .join()
            .map_err(|_| anyhow::anyhow!("the store writer stopped unexpectedly"))?;
        Ok((rejected?, tally))
    })
}

fn temp_db(tag: &str) -> PathBuf {
    std::env::temp_dir().join(format!("dyad-bench-{tag}-{}.db", std::process::id()))
}

fn remove_db(p: &Path) {
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", p.display()));
    }
}

/// Speed of fusion and of the store: fusing 100,000 synthetic mentions in one
/// batch (mentions/s, events made); storing synthetic documents with their
/// mentions one transaction each into a fresh SQLite store (documents/s,
/// mentions/s); and ingesting the first `limit` documents of a corpus end to end
/// (read, code, store) on one core and on every core.
pub fn bench(corpus: &Path, limit: usize) -> anyhow::Result<Value> {
    let n = 100_000;
    let mentions = dyad_fuse::synthetic_mentions(n);
    let t = Instant::now();
    let events = dyad_fuse::fuse(&mentions);
    let fuse_s = t.elapsed().as_secs_f64();

    // The same 4 reports per event, stored as documents one at a time.
    let store_mentions = &mentions[..20_000];
    let db = temp_db("store");
    remove_db(&db);
    let mut store = Store::open_sqlite(&db)?;
    let mut by_doc: Vec<(Document, Vec<EventMention>)> = Vec::new();
    for m in store_mentions {
        let doc = Document {
            id: m.doc.clone(),
            source: m.doc.clone(),
            text: m.sentence_text.clone(),
            published: m.published.map(|p| Published {
                value: p,
                from: PublishedFrom::Input,
                confidence: 1.0,
                evidence: None,
                span: None,
            }),
            ..Default::default()
        };
        by_doc.push((doc, vec![m.clone()]));
    }
    let t = Instant::now();
    for (d, ms) in &by_doc {
        store.put_document(d, ms)?;
    }
    let store_s = t.elapsed().as_secs_f64();
    let stored = store.counts()?;
    drop(store);
    remove_db(&db);

    let mut end_to_end = Vec::new();
    if corpus.exists() {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        for jobs in [1, cores] {
            let db = temp_db("e2e");
            remove_db(&db);
            let mut store = Store::open_sqlite(&db)?;
            let read_args = ReadArgs {
                paths: vec![corpus.to_path_buf()],
                published: None,
                max_bytes: dyad_read::DEFAULT_MAX_BYTES,
                cues: Vec::new(),
            };
            let reader = reader_for(&read_args)?;
            let bar = indicatif::ProgressBar::hidden();
            let t = Instant::now();
            let (_, tally) = ingest_parallel(jobs, &mut store, &bar, |send| {
                let mut count = 0usize;
                let mut limited = |d: Document| {
                    if count < limit {
                        count += 1;
                        send(d);
                    }
                };
                for_each_document(&read_args, &reader, |d| {
                    limited(d);
                    Ok(())
                })
            })?;
            store.fuse_pending()?;
            let secs = t.elapsed().as_secs_f64();
            let docs = tally.added + tally.replaced + tally.unchanged;
            end_to_end.push(json!({
                "jobs": jobs,
                "documents": docs,
                "mentions": tally.mentions,
                "seconds": round(secs),
                "docs_per_s": round(docs as f64 / secs.max(1e-9)),
                "docs_per_s_per_core": round(docs as f64 / secs.max(1e-9) / jobs as f64),
            }));
            drop(store);
            remove_db(&db);
        }
    }

    Ok(json!({
        "stage": "fuse-store",
        "fuse": {
            "mentions": n,
            "events": events.len(),
            "seconds": round(fuse_s),
            "mentions_per_s": round(n as f64 / fuse_s.max(1e-9)),
        },
        "store_sqlite": {
            "documents": by_doc.len(),
            "mentions": stored.mentions,
            "events": stored.events,
            "seconds": round(store_s),
            "docs_per_s": round(by_doc.len() as f64 / store_s.max(1e-9)),
        },
        "ingest_end_to_end": end_to_end,
        "corpus": corpus.display().to_string(),
    }))
}

fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
