//! `dyad search QUERY [--db URL]`: full-text search over the stored documents
//! (titles and text) and canonical events (summaries quoting every report), as
//! JSON Lines, best first within each kind.

use crate::commands::events::open_existing;
use crate::commands::ingest::DEFAULT_DB;
use crate::output;
use clap::Args;
use serde_json::json;
use std::process::ExitCode;

#[derive(Args)]
pub struct SearchArgs {
    /// Words to look for; every word must occur (case and word endings ignored
    /// where the store's index stems them).
    #[arg(required = true)]
    pub query: Vec<String>,
    /// The store: a SQLite file (default ./dyad.db) or a postgres:// URL.
    #[arg(long, default_value = DEFAULT_DB)]
    pub db: String,
    /// At most this many documents and this many events.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
}

pub fn run(args: SearchArgs) -> anyhow::Result<ExitCode> {
    let mut store = open_existing(&args.db)?;
    let hits = store.search(&args.query.join(" "), args.limit)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for h in &hits {
        let v = json!({
            "kind": h.kind,
            "id": h.id,
            "title": h.title,
            "snippet": h.snippet,
            "score": h.score,
        });
        output::emit(&mut out, &v)?;
    }
    crate::commands::events::finish(&mut out)?;
    Ok(ExitCode::SUCCESS)
}
