//! The JSON API under `/api/v1`, in the shapes `openapi.json` documents. Events
//! are the contract's shape (`dyad events`), documents and mentions the shapes of
//! `dyad read` and `dyad code` (`dyad_store::json`).

use crate::network::Network;
use crate::{App, ServeError};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use dyad_core::{CharOffsets, EventStatus, EventType};
use dyad_fuse::CanonicalEvent;
use dyad_store::{EventFilter, Store};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::sync::Arc;

/// Events on one page unless `limit` says otherwise, and the most one page holds.
pub const DEFAULT_LIMIT: usize = 50;
pub const MAX_LIMIT: usize = 1000;

impl IntoResponse for ServeError {
    fn into_response(self) -> Response {
        (self.status(), Json(json!({"error": self.to_string()}))).into_response()
    }
}

/// Query parameters shared by the event list, the timeline and exports. Every
/// value is text so that an empty form field means "any" and a malformed one
/// gets a JSON error naming it.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct EventQuery {
    pub actor: Option<String>,
    #[serde(rename = "type")]
    pub event_type: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
    pub status: Option<String>,
    pub undated: Option<String>,
    pub incomplete: Option<String>,
    pub limit: Option<String>,
    pub offset: Option<String>,
    pub format: Option<String>,
}

fn given(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

impl EventQuery {
    pub fn filter(&self) -> Result<EventFilter, ServeError> {
        let event_type = match given(&self.event_type) {
            Some(t) => Some(
                EventType::parse(&t)
                    .ok_or_else(|| {
                        ServeError::BadRequest(format!("type {t:?}: not a PLOVER event type"))
                    })?
                    .as_str()
                    .to_string(),
            ),
            None => None,
        };
        let status = match given(&self.status) {
            Some(s) => Some(
                EventStatus::parse(&s)
                    .ok_or_else(|| ServeError::BadRequest(format!("status {s:?}: not a status")))?
                    .as_str()
                    .to_string(),
            ),
            None => None,
        };
        let flag = |name: &str, v: &Option<String>| match given(v).as_deref() {
            None | Some("false") | Some("0") => Ok(false),
            Some("true") | Some("1") => Ok(true),
            Some(x) => Err(ServeError::BadRequest(format!(
                "{name} {x:?}: true or false"
            ))),
        };
        let include_undated = flag("undated", &self.undated)?;
        let include_incomplete = flag("incomplete", &self.incomplete)?;
        Ok(EventFilter {
            actor: given(&self.actor),
            event_type,
            since: given(&self.since),
            until: given(&self.until),
            status,
            include_undated,
            include_incomplete,
        })
    }

    pub fn paging(&self) -> Result<(usize, usize), ServeError> {
        paging(&self.limit, &self.offset)
    }
}

pub fn paging(
    limit: &Option<String>,
    offset: &Option<String>,
) -> Result<(usize, usize), ServeError> {
    let num = |name: &str, v: &Option<String>, default: usize| -> Result<usize, ServeError> {
        match given(v) {
            Some(s) => s.parse::<usize>().map_err(|_| {
                ServeError::BadRequest(format!("{name} {s:?}: not a non-negative integer"))
            }),
            None => Ok(default),
        }
    };
    let limit = num("limit", limit, DEFAULT_LIMIT)?.clamp(1, MAX_LIMIT);
    Ok((limit, num("offset", offset, 0)?))
}

pub fn event_json(e: &CanonicalEvent) -> Result<Value, ServeError> {
    serde_json::to_value(e).map_err(|e| ServeError::Store(e.into()))
}

pub async fn stats(State(app): State<Arc<App>>) -> Result<Json<Value>, ServeError> {
    let c = app.query(|s| Ok(s.counts()?)).await?;
    Ok(Json(json!({
        "documents": c.documents, "mentions": c.mentions, "events": c.events,
    })))
}

pub async fn events(
    State(app): State<Arc<App>>,
    Query(q): Query<EventQuery>,
) -> Result<Json<EventList>, ServeError> {
    let filter = q.filter()?;
    let (limit, offset) = q.paging()?;
    let page = app
        .query(move |s| Ok(s.events_page(&filter, limit, offset, false)?))
        .await?;
    Ok(Json(EventList {
        total: page.total,
        limit,
        offset,
        events: page.events,
    }))
}

/// `{"total", "limit", "offset", "events"}`: serialised straight from the
/// events (no intermediate JSON tree; a page of 50 is ~120 kB).
#[derive(Serialize)]
pub struct EventList {
    total: usize,
    limit: usize,
    offset: usize,
    events: Vec<CanonicalEvent>,
}

/// One event with everything that supports it: the documents its mentions come
/// from, each with its text.
pub struct EventDetail {
    pub event: CanonicalEvent,
    /// Each report the event's mentions come from, in the order the event
    /// lists them, with those mentions.
    pub reports: Vec<Report>,
}

pub struct Report {
    pub doc: dyad_core::Document,
    pub mentions: Vec<dyad_core::EventMention>,
}

pub fn load_event(s: &mut Store, id: &str) -> Result<EventDetail, ServeError> {
    let event = s
        .event(id)?
        .ok_or_else(|| ServeError::NotFound(format!("event {id}")))?;
    let mut reports: Vec<Report> = Vec::new();
    for r in &event.mentions {
        if reports.iter().any(|x| x.doc.id == r.doc) {
            continue;
        }
        // A document removed since the event was fused leaves its reference only.
        let Some(doc) = s.document(&r.doc)? else {
            continue;
        };
        let wanted: Vec<&str> = event
            .mentions
            .iter()
            .filter(|m| m.doc == r.doc)
            .map(|m| m.mention.as_str())
            .collect();
        let mentions = s
            .mentions(Some(&r.doc))?
            .into_iter()
            .map(|m| m.mention)
            .filter(|m| wanted.contains(&m.id.as_str()))
            .collect();
        reports.push(Report { doc, mentions });
    }
    Ok(EventDetail { event, reports })
}

pub async fn event(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ServeError> {
    let d = app.query(move |s| load_event(s, &id)).await?;
    let mut mentions = Vec::new();
    let mut documents = Vec::new();
    for r in &d.reports {
        let co = CharOffsets::new(&r.doc.text);
        mentions.extend(
            r.mentions
                .iter()
                .map(|m| dyad_store::json::mention_json(m, &co)),
        );
        documents.push(json!({
            "id": r.doc.id,
            "title": r.doc.title,
            "published": r.doc.published.as_ref().map(|p| p.value.to_iso()),
            "outlet": r.doc.outlet,
        }));
    }
    Ok(Json(json!({
        "event": event_json(&d.event)?,
        "mentions": mentions,
        "documents": documents,
    })))
}

pub async fn document(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ServeError> {
    let (doc, mentions, events) = app
        .query(move |s| {
            let doc = s
                .document(&id)?
                .ok_or_else(|| ServeError::NotFound(format!("document {id}")))?;
            let mentions = s.mentions(Some(&id))?;
            let events = s.events_of_document(&id)?;
            Ok((doc, mentions, events))
        })
        .await?;
    let co = CharOffsets::new(&doc.text);
    Ok(Json(json!({
        "document": dyad_store::json::document_json(&doc),
        "mentions": mentions.iter().map(|m| dyad_store::json::mention_json(&m.mention, &co)).collect::<Vec<_>>(),
        "events": events.iter().map(event_ref).collect::<Vec<_>>(),
    })))
}

/// `{"id", "type", "status", "date", "summary"}`: an event named in another answer.
fn event_ref(e: &CanonicalEvent) -> Value {
    json!({
        "id": e.id,
        "type": e.event_type.as_str(),
        "status": e.status.as_str(),
        "date": e.date.as_ref().map(|d| d.value.clone()),
        "summary": e.summary,
    })
}

pub async fn actors(State(app): State<Arc<App>>) -> Result<Json<Value>, ServeError> {
    let net = app.query(|s| Ok(Network::of(&s.actor_groups()?))).await?;
    Ok(Json(net.json()))
}

pub async fn actor(
    State(app): State<Arc<App>>,
    Path(code): Path<String>,
    Query(q): Query<EventQuery>,
) -> Result<Json<Value>, ServeError> {
    let code = code.trim().to_uppercase();
    let (limit, offset) = q.paging()?;
    let c = code.clone();
    let (net, page) = app
        .query(move |s| {
            let net = Network::of(&s.actor_groups()?);
            let filter = EventFilter {
                actor: Some(c),
                ..EventFilter::default()
            };
            Ok((net, s.events_page(&filter, limit, offset, false)?))
        })
        .await?;
    if page.total == 0 {
        return Err(ServeError::NotFound(format!("actor {code}: no events")));
    }
    let events = page
        .events
        .iter()
        .map(event_json)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Json(json!({
        "actor": code,
        "total": page.total,
        "limit": limit,
        "offset": offset,
        "events": events,
        "counterparts": net.counterparts_json(&code),
    })))
}

#[derive(Debug, Deserialize)]
pub struct PageQuery {
    pub limit: Option<String>,
    pub offset: Option<String>,
}

pub async fn conflicts(
    State(app): State<Arc<App>>,
    Query(q): Query<PageQuery>,
) -> Result<Json<Value>, ServeError> {
    let (limit, offset) = paging(&q.limit, &q.offset)?;
    let (list, total) = app
        .query(move |s| Ok(s.conflicts_page(limit, offset)?))
        .await?;
    let conflicts: Vec<Value> = list
        .iter()
        .map(|c| {
            json!({
                "event": c.event,
                "summary": c.summary,
                "type": c.event_type,
                "status": c.status,
                "date": c.date,
                "field": c.conflict.field,
                "values": c.conflict.values,
                "resolution": c.conflict.resolution,
                "reason": c.conflict.reason,
            })
        })
        .collect();
    Ok(Json(json!({
        "total": total, "limit": limit, "offset": offset, "conflicts": conflicts,
    })))
}

#[derive(Debug, Deserialize)]
pub struct SearchQuery {
    pub q: Option<String>,
    pub limit: Option<String>,
}

pub async fn search(
    State(app): State<Arc<App>>,
    Query(q): Query<SearchQuery>,
) -> Result<Json<Value>, ServeError> {
    let query = given(&q.q).ok_or_else(|| ServeError::BadRequest("q: give some words".into()))?;
    let (limit, _) = paging(&q.limit, &None)?;
    let qq = query.clone();
    let hits = app.query(move |s| Ok(s.search(&qq, limit)?)).await?;
    let hits: Vec<Value> = hits
        .iter()
        .map(|h| json!({"kind": h.kind, "id": h.id, "title": h.title, "snippet": h.snippet, "score": h.score}))
        .collect();
    Ok(Json(json!({"query": query, "hits": hits})))
}

/// Every event the filter matches (no paging) as a file: JSON Lines (the
/// contract's shape), CSV, TSV or Parquet — the files `dyad events --format` writes.
pub async fn export(
    State(app): State<Arc<App>>,
    Query(q): Query<EventQuery>,
) -> Result<Response, ServeError> {
    let format = given(&q.format).unwrap_or_else(|| "jsonl".into());
    let (mime, ext) = match format.as_str() {
        "jsonl" => ("application/x-ndjson", "jsonl"),
        "csv" => ("text/csv; charset=utf-8", "csv"),
        "tsv" => ("text/tab-separated-values; charset=utf-8", "tsv"),
        "parquet" => ("application/vnd.apache.parquet", "parquet"),
        other => {
            return Err(ServeError::BadRequest(format!(
                "format {other:?}: one of jsonl, csv, tsv, parquet"
            )))
        }
    };
    let filter = q.filter()?;
    let body = app
        .query(move |s| {
            let events = s.events(&filter)?;
            let mut out: Vec<u8> = Vec::new();
            match format.as_str() {
                "csv" => dyad_store::export::write_delimited(&mut out, &events, ',')?,
                "tsv" => dyad_store::export::write_delimited(&mut out, &events, '\t')?,
                "parquet" => out = dyad_store::export::parquet_bytes(&events)?,
                _ => {
                    for e in &events {
                        serde_json::to_writer(&mut out, e)
                            .map_err(|e| ServeError::Store(e.into()))?;
                        out.push(b'\n');
                    }
                }
            }
            Ok(out)
        })
        .await?;
    let disposition = format!("attachment; filename=\"events.{ext}\"");
    Ok((
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(mime)),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition)
                    .map_err(|e| ServeError::BadRequest(e.to_string()))?,
            ),
        ],
        body,
    )
        .into_response())
}
