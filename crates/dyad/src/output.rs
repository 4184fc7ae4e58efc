//! Output: JSON Lines on stdout, in the shapes CONTRACT.md names. Absent values
//! are `null`, never missing keys. The shapes themselves live in
//! `dyad_store::json`, shared with `dyad serve`.

pub use dyad_store::json::{document_json, mention_json};

use serde_json::Value;
use std::io::Write;

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
