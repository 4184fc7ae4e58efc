//! The contract's JSON shapes of documents and event mentions (CONTRACT.md),
//! shared by the command line and the HTTP API so that both speak alike.
//! Absent values are `null`, never missing keys; offsets are characters.

use dyad_core::{Document, PublishedFrom};
use serde_json::{json, Value};

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

fn span_json(co: &dyad_core::CharOffsets, s: dyad_core::Span) -> Value {
    json!([co.char_of(s.start), co.char_of(s.end)])
}

fn actor_json(co: &dyad_core::CharOffsets, a: &Option<dyad_core::ActorRef>) -> Value {
    match a {
        Some(a) => json!({
            "text": a.text, "actor": a.actor, "country": a.country, "sector": a.sector,
            "start": co.char_of(a.span.start), "end": co.char_of(a.span.end),
        }),
        None => Value::Null,
    }
}

/// An event mention as `dyad code` prints it (CONTRACT.md), with character
/// offsets into the document's text and the evidence span of every field.
pub fn mention_json(m: &dyad_core::EventMention, co: &dyad_core::CharOffsets) -> Value {
    let mut evidence = serde_json::Map::new();
    evidence.insert("type".into(), span_json(co, m.trigger));
    if let Some(s) = &m.source {
        evidence.insert("source".into(), span_json(co, s.span));
    }
    if let Some(t) = &m.target {
        evidence.insert("target".into(), span_json(co, t.span));
    }
    if let Some(sp) = m.date.as_ref().and_then(|d| d.span) {
        evidence.insert("date".into(), span_json(co, sp));
    }
    if let Some(l) = &m.location {
        evidence.insert("location".into(), span_json(co, l.span));
    }
    if let Some(a) = &m.according_to {
        evidence.insert("according_to".into(), span_json(co, a.span));
    }
    json!({
        "id": m.id,
        "doc": m.doc,
        "sentence": m.sentence_text,
        "start": co.char_of(m.sentence.start),
        "end": co.char_of(m.sentence.end),
        "type": m.event_type.as_str(),
        "mode": m.mode,
        "context": m.context,
        "cameo": m.cameo,
        "status": m.status.as_str(),
        "source": actor_json(co, &m.source),
        "target": actor_json(co, &m.target),
        "actors": m.actors,
        "participants": m.participants.iter().map(|p| {
            let mut v = json!({
                "name": p.name, "actor": p.actor, "country": p.country, "role": p.role,
                "start": co.char_of(p.span.start), "end": co.char_of(p.span.end),
                "anachronism": p.anachronism,
            });
            // Named only as going along with a principal ("accompanied by …").
            if p.companion {
                v["companion"] = json!(true);
            }
            v
        }).collect::<Vec<_>>(),
        "date": m.date.as_ref().map(|d| json!({"text": d.text, "value": d.value, "grain": d.grain.as_str()})),
        "location": m.location.as_ref().map(|l| json!({"text": l.text, "name": l.name, "country": l.country})),
        "according_to": actor_json(co, &m.according_to),
        "confidence": (m.confidence * 100.0).round() / 100.0,
        "implied_by": m.implied_by,
        "published": m.published.map(|p| p.to_iso()),
        "evidence": evidence,
    })
}
