//! `dyad mentions [--db URL] [--doc ID]`: the event mentions in the store, one
//! per report sentence, in the shape of `dyad code` (CONTRACT.md), with
//! character offsets.

use crate::commands::events::open_existing;
use crate::commands::ingest::DEFAULT_DB;
use crate::output;
use clap::Args;
use dyad_core::ActorRef;
use dyad_store::StoredMention;
use serde_json::{json, Value};
use std::process::ExitCode;

#[derive(Args)]
pub struct MentionsArgs {
    /// The store: a SQLite file (default ./dyad.db) or a postgres:// URL.
    #[arg(long, default_value = DEFAULT_DB)]
    pub db: String,
    /// Only the mentions of this document.
    #[arg(long)]
    pub doc: Option<String>,
}

pub fn run(args: MentionsArgs) -> anyhow::Result<ExitCode> {
    let mut store = open_existing(&args.db)?;
    let mentions = store.mentions(args.doc.as_deref())?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for m in &mentions {
        output::emit(&mut out, &mention_json(m))?;
    }
    crate::commands::events::finish(&mut out)?;
    Ok(ExitCode::SUCCESS)
}

fn actor_json(a: &Option<ActorRef>) -> Value {
    match a {
        Some(a) => {
            json!({"text": a.text, "actor": a.actor, "country": a.country, "sector": a.sector})
        }
        None => Value::Null,
    }
}

/// `{"id", "doc", "sentence", "start", "end", "type", "mode", "context", "cameo",
/// "status", "source", "target", "actors", "participants", "date", "location",
/// "confidence"}`: `start`/`end` are the trigger's character offsets in the
/// document's text, `sentence_start`/`sentence_end` the sentence's.
pub fn mention_json(s: &StoredMention) -> Value {
    let m = &s.mention;
    json!({
        "id": m.id,
        "doc": m.doc,
        "sentence": m.sentence_text,
        "start": s.start_char,
        "end": s.end_char,
        "sentence_start": s.sentence_start_char,
        "sentence_end": s.sentence_end_char,
        "type": m.event_type.as_str(),
        "mode": m.mode,
        "context": m.context,
        "cameo": m.cameo,
        "status": m.status.as_str(),
        "source": actor_json(&m.source),
        "target": actor_json(&m.target),
        "actors": m.actors,
        "participants": m.participants.iter().map(|p| json!({
            "name": p.name,
            "actor": p.actor,
            "country": p.country,
            "role": p.role,
            "anachronism": p.anachronism,
        })).collect::<Vec<_>>(),
        "date": m.date.as_ref().map(|d| json!({"text": d.text, "value": d.value, "grain": d.grain.as_str()})),
        "location": m.location.as_ref().map(|l| json!({"text": l.text, "name": l.name, "country": l.country})),
        "according_to": actor_json(&m.according_to),
        "confidence": (f64::from(m.confidence) * 100.0).round() / 100.0,
        "published": m.published.map(|p| p.to_iso()),
        "implied_by": m.implied_by,
    })
}
