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
    println!("\n  the meetings (CONSULT) with a date, as each report tells them:");
    println!(
        "  {:<28} {:<10} {:<13} {:<12} {:<16} {:<12} words",
        "document", "status", "mode", "date", "actors", "place"
    );
    for (doc, m) in events
        .iter()
        .filter(|(_, m)| m.event_type == dyad_core::EventType::Consult && m.date.is_some())
    {
        // The trigger's span is in the document; the sentence text starts at its own offset.
        let off = m.sentence.start;
        let words = m
            .sentence_text
            .get(m.trigger.start.saturating_sub(off)..m.trigger.end.saturating_sub(off));
        println!(
            "  {:<28} {:<10} {:<13} {:<12} {:<16} {:<12} {}",
            clip(doc, 28),
            m.status.as_str(),
            m.mode.as_deref().unwrap_or("-"),
            m.date.as_ref().map_or("-".to_string(), |d| d.value.clone()),
            clip(&m.actors.join(","), 16),
            clip(m.location.as_ref().map_or("-", |l| l.name.as_str()), 12),
            words.unwrap_or("")
        );
    }
    println!("\nGo further:");
    println!("  dyad read examples/sample | jq .          every document as JSON, with the removed lines and the date's evidence");
    println!("  dyad read PATH...                        your own text, HTML or JSONL files (directories, .gz, - for stdin)");
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
