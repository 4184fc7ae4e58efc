//! `dyad demo`: the main job on the bundled sample corpus, showing what each
//! built stage finds. It prints only what the engine computes on the sample.

use crate::commands::read::{for_each_document, ReadArgs};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct DemoArgs {
    /// The sample corpus to run on.
    #[arg(long, default_value = "examples/sample")]
    pub sample: PathBuf,
    /// The store to ingest into (a SQLite file or a postgres:// URL).
    #[arg(long, default_value = crate::commands::ingest::DEFAULT_DB)]
    pub db: String,
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}

pub fn run(args: DemoArgs) -> anyhow::Result<ExitCode> {
    if !args.sample.is_dir() {
        anyhow::bail!(
            "{}: no sample corpus here; run `dyad demo` from the repository root or pass --sample DIR",
            args.sample.display()
        );
    }
    let read = ReadArgs {
        paths: vec![args.sample.clone()],
        published: None,
        max_bytes: dyad_read::DEFAULT_MAX_BYTES,
        cues: vec![],
    };
    let reader = crate::commands::read::reader_for(&read)?;
    let mut docs = Vec::new();
    let bad = for_each_document(&read, &reader, |d| {
        docs.push(d);
        Ok(())
    })?;
    println!(
        "dyad demo — the sample corpus in {}\n",
        args.sample.display()
    );
    println!("READ  {} documents ({} inputs rejected)\n", docs.len(), bad);
    println!(
        "  {:<28} {:<22} {:<9} {:<18} title",
        "document", "published", "from", "outlet"
    );
    let (mut words, mut removed) = (0, 0);
    for d in &docs {
        let (p, from) = match &d.published {
            Some(p) => (p.value.to_iso(), format!("{:?}", p.from).to_lowercase()),
            None => ("?".into(), "-".into()),
        };
        println!(
            "  {:<28} {:<22} {:<9} {:<18} {}",
            clip(&d.id, 28),
            clip(&p, 22),
            from,
            clip(d.outlet.as_deref().unwrap_or("-"), 18),
            clip(d.title.as_deref().unwrap_or("(no headline)"), 60)
        );
        words += d.text.split_whitespace().count();
        removed += d.removed.len();
    }
    println!("\n  {words} words of article text kept; {removed} lines of furniture removed (captions, ads, stamps, bylines, navigation).");
    // The rest of the pipeline: analysis, time, resolution, coding.
    let pipeline = crate::pipeline::Pipeline::builtin()?;
    let mut by_type: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    let (mut sentences, mut timexes, mut events) = (0, 0, Vec::new());
    for d in &docs {
        let coded = pipeline.run(d);
        sentences += coded.analysis.sentences.len();
        timexes += coded.timexes.len();
        for m in coded.mentions {
            *by_type
                .entry(m.event_type.as_str().to_string())
                .or_default() += 1;
            events.push((d.id.clone(), m));
        }
    }
    println!(
        "\nCODE  {} event mentions in {sentences} sentences ({timexes} temporal expressions resolved)",
        events.len()
    );
    let summary: Vec<String> = by_type.iter().map(|(t, n)| format!("{t} {n}")).collect();
    println!("  by type: {}", summary.join(", "));
    // Fuse and store: one canonical event per real-world event.
    println!("\nINGEST into {}", args.db);
    let ingest = crate::commands::ingest::IngestArgs {
        read: read.clone(),
        db: args.db.clone(),
        jobs: None,
    };
    crate::commands::ingest::run(ingest)?;
    let mut store = dyad_store::Store::open(&args.db)?;
    let fused = store.events(&dyad_store::EventFilter::default())?;
    let multi: Vec<&dyad_fuse::CanonicalEvent> =
        fused.iter().filter(|e| e.mentions.len() > 1).collect();
    let with_conflicts = fused.iter().filter(|e| !e.conflicts.is_empty()).count();
    println!(
        "\nFUSE  {} canonical events ({} reported by more than one sentence or report, {} with conflicts)",
        fused.len(),
        multi.len(),
        with_conflicts
    );
    println!(
        "  {:<22} {:<9} {:<10} {:<12} {:<16} {:<12} reports",
        "event", "type", "status", "date", "actors", "place"
    );
    let mut shown: Vec<&&dyad_fuse::CanonicalEvent> = multi.iter().collect();
    shown.sort_by_key(|e| std::cmp::Reverse(e.mentions.len()));
    for e in shown.iter().take(15) {
        let mut docs: Vec<&str> = e.mentions.iter().map(|m| m.doc.as_str()).collect();
        docs.sort_unstable();
        docs.dedup();
        println!(
            "  {:<22} {:<9} {:<10} {:<12} {:<16} {:<12} {}",
            clip(&e.id, 22),
            e.event_type.as_str(),
            e.status.as_str(),
            e.date.as_ref().map_or("-".to_string(), |d| d.value.clone()),
            clip(&e.actors.join(","), 16),
            clip(e.location.as_ref().map_or("-", |l| l.name.as_str()), 12),
            docs.len()
        );
    }
    let mut conflicts = fused
        .iter()
        .flat_map(|e| e.conflicts.iter().map(move |c| (e, c)))
        .take(6)
        .peekable();
    if conflicts.peek().is_some() {
        println!("\n  conflicts between reports, and what dyad believes:");
    }
    for (e, c) in conflicts {
        let values: Vec<String> = c
            .values
            .iter()
            .map(|v| {
                // A value no report gives is the knowledge base's (the holder
                // of an office a report named someone else for).
                let by = if v.docs.is_empty() {
                    "knowledge base".to_string()
                } else {
                    v.docs.join(", ")
                };
                format!("{} ({by})", v.value)
            })
            .collect();
        println!("  {} {}: {}", clip(&e.id, 22), c.field, values.join(" vs "));
        println!("      → {} — {}", c.resolution, c.reason);
    }
    println!("\nGo further:");
    println!("  dyad read examples/sample | jq .          every document as JSON, with the removed lines and the date's evidence");
    println!("  dyad read PATH...                        your own text, HTML or JSONL files (directories, .gz, - for stdin)");
    println!(
        "  dyad events --db {}                   the canonical events as JSON (--format csv|tsv|parquet)",
        args.db
    );
    println!("  dyad search Camp David                   full-text search over reports and events");
    println!(
        "  dyad code examples/sample                every event mention with its evidence spans"
    );
    println!("  dyad bench                               throughput of every stage on the shared corpora");
    Ok(if bad > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
