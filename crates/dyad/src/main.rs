//! The `dyad` command: the only place in the project that touches files,
//! terminals and exit codes. Each subcommand lives in `commands/`; the stages it
//! drives are library crates that never do I/O.

use clap::{Parser, Subcommand};
use std::process::ExitCode;

mod commands;
mod evidence;
mod input;
mod output;
mod pipeline;

/// dyad turns raw news reports into political event data: who did what to whom,
/// when, where — according to whom.
#[derive(Parser)]
#[command(name = "dyad", version, about, long_about = None, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read plain text, HTML and JSONL corpora into clean documents (JSON Lines).
    Read(commands::read::ReadArgs),
    /// Analyse documents: sentences, tokens, tags, syntax, named mentions.
    Parse(commands::parse::ParseArgs),
    /// Train the tagger and parser models from Universal Dependencies data.
    Train(commands::parse::TrainArgs),
    /// Learn word clusters from unlabeled text, for `dyad train --clusters`.
    Clusters(commands::parse::ClustersArgs),
    /// Find and normalise temporal expressions (TIMEX3) against a reference date.
    Time(commands::time::TimeArgs),
    /// Code events: PLOVER type, mode, CAMEO code, actors, status, date and place, with evidence.
    Code(commands::code::CodeArgs),
    /// The actor knowledge base: office-holders, resolution, checks and imports.
    Kb(commands::kb::KbArgs),
    /// Read, analyse, resolve, code and fuse reports into the store (embedded or PostgreSQL).
    Ingest(commands::ingest::IngestArgs),
    /// Canonical events from the store, with filters and exports (JSONL, CSV, TSV, Parquet).
    Events(commands::events::EventsArgs),
    /// Event mentions (one per report sentence) from the store.
    Mentions(commands::mentions::MentionsArgs),
    /// Full-text search over documents and events in the store.
    Search(commands::search::SearchArgs),
    /// Run the main job on the bundled sample corpus and show what was found.
    Demo(commands::demo::DemoArgs),
    /// Measure throughput (docs/s, words/s, peak memory) and print it as JSON.
    Bench(commands::bench::BenchArgs),
    /// Serve the store as a web application and a JSON API (/api/v1).
    Serve(commands::serve::ServeArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Read(a) => commands::read::run(a),
        Command::Parse(a) => commands::parse::run(a),
        Command::Train(a) => commands::parse::train(a),
        Command::Clusters(a) => commands::parse::clusters(a),
        Command::Time(a) => commands::time::run(a),
        Command::Code(a) => commands::code::run(a),
        Command::Kb(a) => commands::kb::run(a),
        Command::Ingest(a) => commands::ingest::run(a),
        Command::Events(a) => commands::events::run(a),
        Command::Mentions(a) => commands::mentions::run(a),
        Command::Search(a) => commands::search::run(a),
        Command::Demo(a) => commands::demo::run(a),
        Command::Bench(a) => commands::bench::run(a),
        Command::Serve(a) => commands::serve::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dyad: error: {e:#}");
            ExitCode::from(1)
        }
    }
}
