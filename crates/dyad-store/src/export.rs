//! Exports of canonical events: CSV and TSV (flat columns, nested fields as
//! JSON text) and Parquet (typed columns). Shared by `dyad events` and the HTTP
//! API's export so both write the same files.

use crate::StoreError;
use dyad_fuse::CanonicalEvent;
use std::io::Write;
use std::sync::Arc;

/// The flat columns of CSV and TSV; nested fields travel as JSON text.
const FLAT_COLUMNS: [&str; 17] = [
    "id",
    "type",
    "mode",
    "status",
    "date",
    "grain",
    "location",
    "location_country",
    "actors",
    "source",
    "target",
    "participants",
    "docs",
    "mention_count",
    "conflict_fields",
    "status_history",
    "conflicts",
];

fn flat_row(e: &CanonicalEvent) -> Result<Vec<String>, StoreError> {
    let party = |a: &Option<dyad_fuse::FusedActor>| {
        a.as_ref()
            .map(|a| {
                a.country
                    .clone()
                    .or(a.actor.clone())
                    .unwrap_or(a.text.clone())
            })
            .unwrap_or_default()
    };
    Ok(vec![
        e.id.clone(),
        e.event_type.as_str().to_string(),
        e.mode.clone().unwrap_or_default(),
        e.status.as_str().to_string(),
        e.date.as_ref().map(|d| d.value.clone()).unwrap_or_default(),
        e.date.as_ref().map(|d| d.grain.clone()).unwrap_or_default(),
        e.location
            .as_ref()
            .map(|l| l.name.clone())
            .unwrap_or_default(),
        e.location
            .as_ref()
            .and_then(|l| l.country.clone())
            .unwrap_or_default(),
        e.actors.join(";"),
        party(&e.source),
        party(&e.target),
        e.participants
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(";"),
        docs_of(e).join(";"),
        e.mentions.len().to_string(),
        e.conflicts
            .iter()
            .map(|c| c.field.as_str())
            .collect::<Vec<_>>()
            .join(";"),
        serde_json::to_string(&e.status_history)?,
        serde_json::to_string(&e.conflicts)?,
    ])
}

fn docs_of(e: &CanonicalEvent) -> Vec<String> {
    let mut d: Vec<String> = e.mentions.iter().map(|m| m.doc.clone()).collect();
    d.sort();
    d.dedup();
    d
}

/// RFC 4180 CSV (quoted where needed), or TSV with tabs and line breaks in
/// values turned into spaces.
pub fn write_delimited(
    out: &mut dyn Write,
    events: &[CanonicalEvent],
    sep: char,
) -> Result<(), StoreError> {
    let cell = |v: &str| -> String {
        if sep == '\t' {
            v.replace(['\t', '\n', '\r'], " ")
        } else if v.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", v.replace('"', "\"\""))
        } else {
            v.to_string()
        }
    };
    let line = |cells: &[String]| {
        let mut s = cells
            .iter()
            .map(|c| cell(c))
            .collect::<Vec<_>>()
            .join(&sep.to_string());
        s.push('\n');
        s
    };
    let header: Vec<String> = FLAT_COLUMNS.iter().map(|c| c.to_string()).collect();
    out.write_all(line(&header).as_bytes())?;
    for e in events {
        out.write_all(line(&flat_row(e)?).as_bytes())?;
    }
    Ok(())
}

/// The events as a Parquet file: scalar columns typed (dates as DATE, counts as
/// INT64), lists as Parquet LISTs of strings, nested records as JSON text.
pub fn parquet_bytes(events: &[CanonicalEvent]) -> Result<Vec<u8>, StoreError> {
    use parquet::data_type::{ByteArray, ByteArrayType, Int32Type, Int64Type};
    use parquet::file::properties::WriterProperties;
    use parquet::file::writer::SerializedFileWriter;

    let schema = "message events {
        OPTIONAL BYTE_ARRAY id (UTF8);
        OPTIONAL BYTE_ARRAY type (UTF8);
        OPTIONAL BYTE_ARRAY mode (UTF8);
        OPTIONAL BYTE_ARRAY status (UTF8);
        OPTIONAL BYTE_ARRAY date (UTF8);
        OPTIONAL BYTE_ARRAY grain (UTF8);
        OPTIONAL INT32 date_start (DATE);
        OPTIONAL BYTE_ARRAY location (UTF8);
        OPTIONAL BYTE_ARRAY location_country (UTF8);
        OPTIONAL group actors (LIST) { REPEATED group list { OPTIONAL BYTE_ARRAY element (UTF8); } }
        OPTIONAL BYTE_ARRAY source (UTF8);
        OPTIONAL BYTE_ARRAY target (UTF8);
        OPTIONAL group participants (LIST) { REPEATED group list { OPTIONAL BYTE_ARRAY element (UTF8); } }
        OPTIONAL group docs (LIST) { REPEATED group list { OPTIONAL BYTE_ARRAY element (UTF8); } }
        REQUIRED INT64 mention_count;
        REQUIRED INT64 conflict_count;
        OPTIONAL BYTE_ARRAY status_history (JSON);
        OPTIONAL BYTE_ARRAY mentions (JSON);
        OPTIONAL BYTE_ARRAY conflicts (JSON);
        OPTIONAL BYTE_ARRAY summary (UTF8);
    }";
    let schema = Arc::new(parquet::schema::parser::parse_message_type(schema)?);
    let props = Arc::new(WriterProperties::builder().build());
    let mut buf: Vec<u8> = Vec::new();
    let mut writer = SerializedFileWriter::new(&mut buf, schema, props)?;

    let party = |a: &Option<dyad_fuse::FusedActor>| {
        a.as_ref().map(|a| {
            a.country
                .clone()
                .or(a.actor.clone())
                .unwrap_or(a.text.clone())
        })
    };
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    let strings: Vec<Vec<Option<String>>> = vec![
        events.iter().map(|e| Some(e.id.clone())).collect(),
        events
            .iter()
            .map(|e| Some(e.event_type.as_str().to_string()))
            .collect(),
        events.iter().map(|e| e.mode.clone()).collect(),
        events
            .iter()
            .map(|e| Some(e.status.as_str().to_string()))
            .collect(),
        events
            .iter()
            .map(|e| e.date.as_ref().map(|d| d.value.clone()))
            .collect(),
        events
            .iter()
            .map(|e| e.date.as_ref().map(|d| d.grain.clone()))
            .collect(),
    ];
    let date_start: Vec<Option<i32>> = events
        .iter()
        .map(|e| {
            e.date
                .as_ref()
                .and_then(|d| dyad_fuse::parse_value(&d.value))
                .and_then(|r| i32::try_from((r.start - epoch).num_days()).ok())
        })
        .collect();
    let loc: Vec<Vec<Option<String>>> = vec![
        events
            .iter()
            .map(|e| e.location.as_ref().map(|l| l.name.clone()))
            .collect(),
        events
            .iter()
            .map(|e| e.location.as_ref().and_then(|l| l.country.clone()))
            .collect(),
    ];
    let actors: Vec<Vec<String>> = events.iter().map(|e| e.actors.clone()).collect();
    let parties: Vec<Vec<Option<String>>> = vec![
        events.iter().map(|e| party(&e.source)).collect(),
        events.iter().map(|e| party(&e.target)).collect(),
    ];
    let people: Vec<Vec<String>> = events
        .iter()
        .map(|e| e.participants.iter().map(|p| p.name.clone()).collect())
        .collect();
    let docs: Vec<Vec<String>> = events.iter().map(docs_of).collect();
    let counts: Vec<Vec<i64>> = vec![
        events.iter().map(|e| e.mentions.len() as i64).collect(),
        events.iter().map(|e| e.conflicts.len() as i64).collect(),
    ];
    let json_cols: Vec<Vec<Option<String>>> = vec![
        events
            .iter()
            .map(|e| serde_json::to_string(&e.status_history).ok())
            .collect(),
        events
            .iter()
            .map(|e| serde_json::to_string(&e.mentions).ok())
            .collect(),
        events
            .iter()
            .map(|e| serde_json::to_string(&e.conflicts).ok())
            .collect(),
        events.iter().map(|e| Some(e.summary.clone())).collect(),
    ];

    // Columns in schema order.
    enum Col<'a> {
        Str(&'a [Option<String>]),
        List(&'a [Vec<String>]),
        Date(&'a [Option<i32>]),
        Int(&'a [i64]),
    }
    let mut cols: Vec<Col> = strings.iter().map(|c| Col::Str(c)).collect();
    cols.push(Col::Date(&date_start));
    cols.extend(loc.iter().map(|c| Col::Str(c)));
    cols.push(Col::List(&actors));
    cols.extend(parties.iter().map(|c| Col::Str(c)));
    cols.push(Col::List(&people));
    cols.push(Col::List(&docs));
    cols.extend(counts.iter().map(|c| Col::Int(c)));
    cols.extend(json_cols.iter().map(|c| Col::Str(c)));

    let mut rg = writer.next_row_group()?;
    let mut cols = cols.into_iter();
    while let Some(mut cw) = rg.next_column()? {
        let col = cols.next().ok_or_else(|| {
            StoreError::Schema("Parquet schema has more columns than data".into())
        })?;
        match col {
            Col::Str(vals) => {
                let present: Vec<ByteArray> = vals
                    .iter()
                    .flatten()
                    .map(|s| ByteArray::from(s.as_str()))
                    .collect();
                let defs: Vec<i16> = vals.iter().map(|v| i16::from(v.is_some())).collect();
                cw.typed::<ByteArrayType>()
                    .write_batch(&present, Some(&defs), None)?;
            }
            Col::Date(vals) => {
                let present: Vec<i32> = vals.iter().flatten().copied().collect();
                let defs: Vec<i16> = vals.iter().map(|v| i16::from(v.is_some())).collect();
                cw.typed::<Int32Type>()
                    .write_batch(&present, Some(&defs), None)?;
            }
            Col::Int(vals) => {
                cw.typed::<Int64Type>().write_batch(vals, None, None)?;
            }
            Col::List(rows) => {
                // Levels: 1 = an empty list, 3 = an element; repetition 0 starts a row.
                let mut values = Vec::new();
                let mut defs = Vec::new();
                let mut reps = Vec::new();
                for row in rows {
                    if row.is_empty() {
                        defs.push(1);
                        reps.push(0);
                    }
                    for (i, v) in row.iter().enumerate() {
                        values.push(ByteArray::from(v.as_str()));
                        defs.push(3);
                        reps.push(i16::from(i > 0));
                    }
                }
                cw.typed::<ByteArrayType>()
                    .write_batch(&values, Some(&defs), Some(&reps))?;
            }
        }
        cw.close()?;
    }
    rg.close()?;
    writer.close()?;
    Ok(buf)
}
