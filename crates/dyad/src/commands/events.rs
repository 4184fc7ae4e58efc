//! `dyad events`: canonical events from the store, filtered, as JSON Lines (the
//! contract's shape), CSV, TSV or Parquet.

use crate::commands::ingest::DEFAULT_DB;
use crate::output;
use anyhow::Context;
use clap::{Args, ValueEnum};
use dyad_store::{export, EventFilter, Store};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Jsonl,
    Csv,
    Tsv,
    Parquet,
}

#[derive(Args)]
pub struct EventsArgs {
    /// The store: a SQLite file (default ./dyad.db) or a postgres:// URL.
    #[arg(long, default_value = DEFAULT_DB)]
    pub db: String,
    /// Only events with this party (ISO 3166-1 alpha-3 code, organisation id or actor code).
    #[arg(long)]
    pub actor: Option<String>,
    /// Only events of this PLOVER type (CONSULT, AGREE, …).
    #[arg(long = "type")]
    pub event_type: Option<String>,
    /// Only events whose date reaches this ISO date or later (2022, 2022-01, 2022-01-07).
    #[arg(long)]
    pub since: Option<String>,
    /// Only events whose date begins by the end of this ISO date.
    #[arg(long)]
    pub until: Option<String>,
    /// Only events with this current status (occurred, planned, postponed, cancelled, …).
    #[arg(long)]
    pub status: Option<String>,
    /// Also list events no report dates (background such as "the alliance was
    /// formed after the war", told without a time): left out by default, since an
    /// event record without a time cannot be placed on a timeline or filtered.
    #[arg(long)]
    pub undated: bool,
    /// Also list events that lack who acted or who was acted on where their
    /// type needs both ("a meeting with Xi had been requested", by whom?):
    /// left out by default, as peers leave them out; fusion still uses them.
    #[arg(long)]
    pub incomplete: bool,
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// Write to this file instead of stdout (required for Parquet on a terminal).
    #[arg(long)]
    pub out: Option<PathBuf>,
}

pub fn run(args: EventsArgs) -> anyhow::Result<ExitCode> {
    let mut store = open_existing(&args.db)?;
    if let Some(t) = &args.event_type {
        if dyad_core::EventType::parse(t).is_none() {
            anyhow::bail!("--type {t:?}: not a PLOVER event type");
        }
    }
    let filter = EventFilter {
        actor: args.actor.clone(),
        event_type: args
            .event_type
            .as_deref()
            .and_then(dyad_core::EventType::parse)
            .map(|t| t.as_str().to_string()),
        since: args.since.clone(),
        until: args.until.clone(),
        status: args.status.clone(),
        include_undated: args.undated,
        include_incomplete: args.incomplete,
    };
    let events = store.events(&filter)?;
    let mut sink: Box<dyn Write> = match &args.out {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("{}: cannot create", p.display()))?,
        )),
        None => {
            if args.format == Format::Parquet
                && std::io::IsTerminal::is_terminal(&std::io::stdout())
            {
                anyhow::bail!("Parquet is binary: pass --out FILE or redirect stdout");
            }
            Box::new(std::io::BufWriter::new(std::io::stdout().lock()))
        }
    };
    match args.format {
        Format::Jsonl => {
            for e in &events {
                output::emit(&mut sink, &serde_json::to_value(e)?)?;
            }
        }
        Format::Csv => export::write_delimited(&mut sink, &events, ',')?,
        Format::Tsv => export::write_delimited(&mut sink, &events, '\t')?,
        Format::Parquet => {
            let bytes = export::parquet_bytes(&events)?;
            sink.write_all(&bytes)?;
        }
    }
    finish(&mut sink)?;
    Ok(ExitCode::SUCCESS)
}

/// Flushes output; a reader that closed the pipe (`dyad events | head`) ends the
/// program quietly, as Unix tools do.
pub fn finish(out: &mut dyn Write) -> anyhow::Result<()> {
    match out.flush() {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        other => Ok(other?),
    }
}

/// Opens a store for reading: a SQLite path that does not exist is an error
/// (opening it would create an empty store and report nothing).
pub fn open_existing(db: &str) -> anyhow::Result<Store> {
    let is_pg = db.starts_with("postgres://") || db.starts_with("postgresql://");
    let path = db.strip_prefix("sqlite:").unwrap_or(db);
    if !is_pg && path != ":memory:" && !Path::new(path).exists() {
        anyhow::bail!("no store at {db} (run `dyad ingest` first, or pass --db)");
    }
    Store::open(db).with_context(|| format!("cannot open the store {db}"))
}
