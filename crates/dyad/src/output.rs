//! Output: JSON Lines on stdout, in the shapes CONTRACT.md names. Absent values
//! are `null`, never missing keys.

use dyad_core::{Document, PublishedFrom};
use serde_json::{json, Value};
use std::io::Write;

/// A document as `dyad read` prints it.
pub fn document_json(d: &Document) -> Value {
    let (published, from, confidence, evidence) = match &d.published {
        Some(p) => (
            Value::String(p.value.to_iso()),
            Value::String(
                match p.from {
                    PublishedFrom::Input => "input",
                    PublishedFrom::Text => "text",
                    PublishedFrom::Inferred => "inferred",
                }
                .into(),
            ),
            json!((p.confidence * 100.0).round() / 100.0),
            json!(p.evidence),
        ),
        None => (Value::Null, Value::Null, Value::Null, Value::Null),
    };
    json!({
        "id": d.id,
        "source": d.source,
        "title": d.title,
        "published": published,
        "published_from": from,
        "published_grain": d.published.as_ref().map(|p| p.value.grain.as_str()),
        "published_confidence": confidence,
        "published_evidence": evidence,
        "outlet": d.outlet,
        "byline": d.byline,
        "dateline": d.dateline,
        "language": d.language,
        "url": d.url,
        "text": d.text,
        "removed": d.removed,
        "diagnostics": d.diagnostics.iter().map(|x| x.to_string()).collect::<Vec<_>>(),
    })
}

/// Writes one JSON value as a line. A closed pipe (`dyad read … | head`) ends
/// the program quietly, as Unix tools do.
pub fn emit(out: &mut impl Write, v: &Value) -> anyhow::Result<()> {
    let mut line = serde_json::to_string(v)?;
    line.push('\n');
    if let Err(e) = out.write_all(line.as_bytes()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        return Err(e.into());
    }
    Ok(())
}
