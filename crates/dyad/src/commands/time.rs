//! `dyad time`: temporal expressions (TIMEX3) resolved against a reference date.
//!
//! `dyad time --ref DATETIME [TEXT]` tags TEXT (or stdin) and prints one JSON
//! object per expression; `dyad time --jsonl` reads rows `{"id","text","reference"}`
//! and prints `{"id","timex":[…]}` per row. Offsets are character offsets.
use crate::output::emit;
use anyhow::Context;
use clap::Args;
use dyad_core::CharOffsets;
use dyad_time::{tag, NoHints, Reference, Timex};
use serde_json::{json, Value};
use std::io::{BufRead, Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Args)]
pub struct TimeArgs {
    /// The reference date or date-time (the publication date): `2022-01-07`,
    /// `2022-01-07T09:30`, `2022-01-07T09:30:00+09:00`. Required with TEXT;
    /// with `--jsonl`, the reference for rows that carry none.
    #[arg(long = "ref", value_name = "DATETIME")]
    pub reference: Option<String>,
    /// Read JSON Lines rows `{"id","text","reference"}` on stdin instead.
    #[arg(long, conflicts_with = "text")]
    pub jsonl: bool,
    /// The text to tag; read from stdin when absent.
    pub text: Option<String>,
}

/// One expression as the contract prints it.
fn timex_json(text: &str, offsets: &CharOffsets, t: &Timex) -> Value {
    json!({
        "text": t.span.slice(text).unwrap_or(""),
        "start": offsets.char_of(t.span.start),
        "end": offsets.char_of(t.span.end),
        "type": t.kind.as_str(),
        "value": t.value,
        "grain": t.grain.map(|g| g.as_str()),
        "mod": t.modifier.map(|m| m.as_str()),
    })
}

fn tag_json(text: &str, reference: Reference) -> Vec<Value> {
    let offsets = CharOffsets::new(text);
    tag(text, reference, &NoHints)
        .iter()
        .map(|t| timex_json(text, &offsets, t))
        .collect()
}

pub fn run(args: TimeArgs) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.jsonl {
        let code = run_jsonl(std::io::stdin().lock(), &mut out, args.reference.as_deref())?;
        out.flush()?;
        return Ok(code);
    }
    let reference_text = args
        .reference
        .as_deref()
        .context("--ref DATETIME is required with TEXT (or use --jsonl)")?;
    let reference = Reference::parse(reference_text).map_err(|e| anyhow::anyhow!("--ref: {e}"))?;
    let text = match args.text {
        Some(t) => t,
        None => {
            let mut t = String::new();
            std::io::stdin()
                .read_to_string(&mut t)
                .context("reading the text from stdin")?;
            t
        }
    };
    for v in tag_json(&text, reference) {
        emit(&mut out, &v)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Handles every row; a malformed one is named on stderr and skipped (exit 2).
/// `fallback` is the reference for rows that carry none.
fn run_jsonl(
    input: impl BufRead,
    out: &mut impl Write,
    fallback: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let fallback = match fallback {
        Some(f) => Some(Reference::parse(f).map_err(|e| anyhow::anyhow!("--ref: {e}"))?),
        None => None,
    };
    let mut rejected = 0usize;
    let mut handled = 0usize;
    for (n, line) in input.lines().enumerate() {
        let line = line.with_context(|| format!("reading stdin line {}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        match row(&line, fallback) {
            Ok((id, text, reference)) => {
                emit(out, &json!({"id": id, "timex": tag_json(&text, reference)}))?;
                handled += 1;
            }
            Err(reason) => {
                eprintln!("dyad time: stdin line {}: {reason}", n + 1);
                rejected += 1;
            }
        }
    }
    Ok(match (handled, rejected) {
        (_, 0) => ExitCode::SUCCESS,
        (0, _) => ExitCode::from(1),
        _ => ExitCode::from(2),
    })
}

fn row(line: &str, fallback: Option<Reference>) -> Result<(Value, String, Reference), String> {
    let v: Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let id = v.get("id").cloned().unwrap_or(Value::Null);
    let name = match &id {
        Value::String(s) => format!("row `{s}`"),
        Value::Null => "row without id".to_string(),
        other => format!("row {other}"),
    };
    let text = v
        .get("text")
        .and_then(Value::as_str)
        .ok_or_else(|| format!("{name}: no string field `text`"))?
        .to_string();
    let reference = match v.get("reference").and_then(Value::as_str) {
        Some(r) => Reference::parse(r).map_err(|e| format!("{name}: reference: {e}"))?,
        None => fallback.ok_or_else(|| format!("{name}: no `reference` date (and no --ref)"))?,
    };
    Ok((id, text, reference))
}

/// Tags up to `limit` rows of a news corpus (JSON Lines with `text` and
/// `published`) on one thread: tagging and normalising only, reading excluded.
// Called by `dyad bench` (wired in by the bench command's owner).
pub fn bench(corpus: &Path, limit: usize) -> anyhow::Result<Value> {
    let file =
        std::fs::File::open(corpus).with_context(|| format!("opening {}", corpus.display()))?;
    let mut docs = Vec::new();
    for line in std::io::BufReader::new(file).lines().take(limit) {
        let line = line?;
        let v: Value = serde_json::from_str(&line)
            .with_context(|| format!("{}: bad row", corpus.display()))?;
        let text = v
            .get("text")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let reference = v
            .get("published")
            .and_then(Value::as_str)
            .and_then(|p| Reference::parse(p).ok())
            .unwrap_or_else(|| {
                Reference::date(chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default())
            });
        docs.push((text, reference));
    }
    // Compile the lexicons outside the timed part.
    let _ = tag(
        "today",
        docs.first()
            .map(|d| d.1)
            .unwrap_or(Reference::date(Default::default())),
        &NoHints,
    );
    let started = Instant::now();
    let mut timexes = 0usize;
    for (text, reference) in &docs {
        timexes += tag(text, *reference, &NoHints).len();
    }
    let seconds = started.elapsed().as_secs_f64().max(1e-9);
    Ok(json!({
        "stage": "time",
        "docs": docs.len(),
        "timexes": timexes,
        "seconds": seconds,
        "docs_per_s": docs.len() as f64 / seconds,
        "timexes_per_s": timexes as f64 / seconds,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_rows_and_rejections() {
        let input = "{\"id\":\"a\",\"text\":\"on Friday\",\"reference\":\"2022-01-07\"}\n{\"id\":\"b\",\"text\":1}\nnot json\n";
        let mut out = Vec::new();
        let code = run_jsonl(input.as_bytes(), &mut out, None).unwrap();
        assert_eq!(code, ExitCode::from(2));
        let text = String::from_utf8(out).unwrap();
        let first: Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
        assert_eq!(first["id"], "a");
        assert_eq!(first["timex"][0]["value"], "2022-01-07");
        assert_eq!(first["timex"][0]["start"], 3);
        assert_eq!(text.lines().count(), 1);
    }

    #[test]
    fn character_offsets() {
        let v = tag_json(
            "“Naïve” talks on Jan. 7",
            Reference::parse("2022-01-01").unwrap(),
        );
        assert_eq!(v[0]["start"], 17);
        assert_eq!(v[0]["text"], "Jan. 7");
    }
}
