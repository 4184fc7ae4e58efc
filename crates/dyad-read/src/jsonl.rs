//! JSON Lines corpora: one report per row, `{"id", "text" | "html", "url",
//! "published", "title", "dateline", "outlet", "byline"}`. A malformed row is an
//! error of its own, and the rest of the corpus is still read.

use crate::{check_text, dates, ReadError, ReadOptions, ReadResult, Reader};
use chrono::NaiveDate;
use dyad_core::{DateValue, Grain, Published, PublishedFrom};
use serde_json::Value;

/// Reads every row of a corpus. Results are in row order; a bad row is an
/// `Err(ReadError::MalformedRow)` with its line number.
pub fn read_jsonl(
    reader: &Reader,
    source: &str,
    bytes: &[u8],
    opts: &ReadOptions,
) -> Vec<ReadResult> {
    let mut out = Vec::new();
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let line_no = i + 1;
        if raw.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let bad = |reason: String| ReadError::MalformedRow {
            line: line_no,
            reason,
        };
        let text = match std::str::from_utf8(raw) {
            Ok(t) => t,
            Err(e) => {
                out.push(Err(bad(format!(
                    "invalid UTF-8 at byte {}",
                    e.valid_up_to()
                ))));
                continue;
            }
        };
        let row: Value = match serde_json::from_str(text.trim()) {
            Ok(v @ Value::Object(_)) => v,
            Ok(_) => {
                out.push(Err(bad("not a JSON object".into())));
                continue;
            }
            Err(e) => {
                out.push(Err(bad(format!("invalid JSON: {e}"))));
                continue;
            }
        };
        out.push(read_row(reader, source, line_no, &row, opts));
    }
    if out.is_empty() {
        out.push(Err(ReadError::Empty));
    }
    out
}

fn field<'v>(row: &'v Value, k: &str) -> Option<&'v str> {
    row.get(k)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn read_row(
    reader: &Reader,
    source: &str,
    line: usize,
    row: &Value,
    opts: &ReadOptions,
) -> ReadResult {
    let bad = |reason: String| ReadError::MalformedRow { line, reason };
    let id = match row.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        Some(_) => return Err(bad("`id` must be a string or number".into())),
        None => return Err(bad("missing `id`".into())),
    };
    let mut row_opts = opts.clone();
    row_opts.url = field(row, "url").map(str::to_string).or(row_opts.url);
    let given = match field(row, "published") {
        Some(p) => Some(
            parse_published(p).ok_or_else(|| bad(format!("`published` is not a date: {p:?}")))?,
        ),
        None => None,
    };
    let src = format!("{source}#{line}");
    let mut doc = match (field(row, "text"), field(row, "html")) {
        (_, Some(html)) => {
            check_text(html.as_bytes(), opts.max_bytes).map_err(|e| bad(e.to_string()))?;
            reader
                .read_html(&id, &src, html, &row_opts)
                .map_err(|e| bad(e.to_string()))?
        }
        (Some(text), None) => {
            check_text(text.as_bytes(), opts.max_bytes).map_err(|e| bad(e.to_string()))?;
            reader
                .read_text(&id, &src, text, &row_opts)
                .map_err(|e| bad(e.to_string()))?
        }
        (None, None) => return Err(bad("row has neither `text` nor `html`".into())),
    };
    if let Some(v) = given {
        doc.published = Some(Published {
            value: v,
            from: PublishedFrom::Input,
            confidence: 1.0,
            evidence: Some("corpus field `published`".into()),
            span: None,
        });
    }
    if let Some(t) = field(row, "title") {
        doc.title = Some(t.to_string());
    }
    if let Some(d) = field(row, "dateline") {
        // "SALVADOR, Feb 26": the place is what `dateline` reports.
        let place = d.split(',').next().unwrap_or(d).trim();
        if doc.dateline.is_none() && !place.is_empty() {
            doc.dateline = Some(place.to_string());
        }
    }
    for k in ["outlet", "byline"] {
        if let Some(v) = field(row, k) {
            match k {
                "outlet" => doc.outlet = Some(v.to_string()),
                _ => doc.byline = Some(v.to_string()),
            }
        }
    }
    Ok(doc)
}

/// Reads a publication date as a corpus or a flag gives it: `2022-01-07`,
/// `2022-01-07T09:30:00`, `2022-01-07T09:30:00+09:00`, `2022-01`, `2022`, or a
/// written date ("7 January 2022").
pub fn parse_published(s: &str) -> Option<DateValue> {
    let s = s.trim();
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(DateValue::datetime(
            dt.naive_local(),
            Some(dt.offset().local_minus_utc() / 60),
            Grain::Second,
        ));
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S%.f",
    ] {
        if let Ok(dt) = chrono::NaiveDateTime::parse_from_str(s, f) {
            return Some(DateValue::datetime(dt, None, Grain::Second));
        }
    }
    for f in ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"] {
        if let Ok(dt) = chrono::NaiveDateTime::parse_from_str(s, f) {
            return Some(DateValue::datetime(dt, None, Grain::Minute));
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(DateValue::day(d));
    }
    if s.len() == 7 && s.as_bytes().get(4) == Some(&b'-') {
        let y: i32 = s[..4].parse().ok()?;
        let m: u32 = s[5..].parse().ok()?;
        return DateValue::month(y, m);
    }
    if s.len() == 4 {
        return DateValue::year(s.parse().ok()?);
    }
    let m = dates::parse_date_text(s).into_iter().next()?;
    Some(DateValue::day(m.date()?))
}
