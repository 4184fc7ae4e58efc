//! The web UI: server-rendered pages over the same queries as the API.

use crate::api::{load_event, paging, EventQuery, PageQuery, SearchQuery};
use crate::html::{badge, esc, highlighted, layout, pager, snippet, url, Highlight};
use crate::network::{type_colour, Network};
use crate::{App, ServeError};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use dyad_core::{EventMention, EventStatus, EventType, Span};
use dyad_fuse::CanonicalEvent;
use dyad_store::EventFilter;
use std::collections::BTreeSet;
use std::fmt::Write;
use std::sync::Arc;

/// A failed page: the error as HTML with its status.
pub struct PageError(ServeError);

impl From<ServeError> for PageError {
    fn from(e: ServeError) -> Self {
        PageError(e)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let status = self.0.status();
        let title = if status == StatusCode::NOT_FOUND {
            "Not found"
        } else if status == StatusCode::BAD_REQUEST {
            "Bad request"
        } else {
            "Error"
        };
        let body = format!(
            r#"<h1>{}</h1><p class="error">{}</p><p><a href="/">Back to the timeline</a></p>"#,
            esc(title),
            esc(&self.0.to_string())
        );
        (status, Html(layout(title, "", "", &body))).into_response()
    }
}

type PageResult = Result<Html<String>, PageError>;

pub async fn not_found() -> Response {
    PageError(ServeError::NotFound("no such page".into())).into_response()
}

fn actor_link(code: &str) -> String {
    format!(
        r#"<a class="actor" href="/actors/{}">{}</a>"#,
        url(code),
        esc(code)
    )
}

fn docs_of(e: &CanonicalEvent) -> usize {
    e.mentions
        .iter()
        .map(|m| m.doc.as_str())
        .collect::<BTreeSet<_>>()
        .len()
}

/// One event as a line of a listing.
fn event_row(e: &CanonicalEvent) -> String {
    let status = e.status.as_str();
    let date = e.date.as_ref().map_or("undated", |d| d.value.as_str());
    let actors: Vec<String> = e.actors.iter().map(|a| actor_link(a)).collect();
    let reports = docs_of(e);
    let conflicts = match e.conflicts.len() {
        0 => String::new(),
        1 => r#" · <span class="warn">1 conflict</span>"#.to_string(),
        n => format!(r#" · <span class="warn">{n} conflicts</span>"#),
    };
    format!(
        r#"<li class="ev st-{st}"><span class="date">{date}</span>{badge}<span class="type" style="color:{colour}">{ty}</span><a class="summary" href="/events/{id}">{summary}</a><span class="meta">{actors} · {reports} report{s}{conflicts}</span></li>"#,
        st = url(status),
        date = esc(date),
        badge = badge(status),
        colour = type_colour(e.event_type.as_str()),
        ty = esc(e.event_type.as_str()),
        id = url(&e.id),
        summary = esc(&e.summary),
        actors = actors.join(" "),
        s = if reports == 1 { "" } else { "s" },
    )
}

/// A listing of events grouped under their month (the timeline's spine).
fn event_list(events: &[CanonicalEvent]) -> String {
    let mut s = String::from(r#"<ol class="timeline">"#);
    let mut month: Option<String> = None;
    for e in events {
        // The month the event's date starts in (weeks, seasons and ranges too).
        let m = e
            .date
            .as_ref()
            .and_then(|d| dyad_fuse::parse_value(&d.value))
            .map_or("undated".to_string(), |r| {
                r.start.format("%Y-%m").to_string()
            });
        if month.as_deref() != Some(m.as_str()) {
            let _ = write!(s, r#"<li class="month">{}</li>"#, esc(&m));
            month = Some(m);
        }
        s.push_str(&event_row(e));
    }
    s.push_str("</ol>");
    s
}

fn query_string(q: &EventQuery) -> String {
    let mut s = String::new();
    for (k, v) in [
        ("actor", &q.actor),
        ("type", &q.event_type),
        ("status", &q.status),
        ("since", &q.since),
        ("until", &q.until),
        ("undated", &q.undated),
        ("incomplete", &q.incomplete),
    ] {
        if let Some(v) = v.as_deref().filter(|v| !v.trim().is_empty()) {
            let _ = write!(s, "{k}={}&", url(v.trim()));
        }
    }
    s
}

fn select(name: &str, label: &str, options: &[&str], chosen: Option<&str>) -> String {
    let mut s = format!(r#"<label>{label}<select name="{name}"><option value="">any</option>"#);
    for o in options {
        let sel = if chosen.is_some_and(|c| c.eq_ignore_ascii_case(o)) {
            " selected"
        } else {
            ""
        };
        let _ = write!(s, r#"<option value="{0}"{sel}>{0}</option>"#, esc(o));
    }
    s.push_str("</select></label>");
    s
}

pub async fn timeline(State(app): State<Arc<App>>, Query(q): Query<EventQuery>) -> PageResult {
    let filter = q.filter()?;
    let (limit, offset) = q.paging()?;
    let f = filter.clone();
    let (page, counts) = app
        .query(move |s| Ok((s.events_page(&f, limit, offset, true)?, s.counts()?)))
        .await?;
    let types: Vec<&str> = EventType::ALL.iter().map(|t| t.as_str()).collect();
    let statuses: Vec<&str> = EventStatus::ALL.iter().map(|t| t.as_str()).collect();
    let v = |o: &Option<String>| esc(o.as_deref().unwrap_or(""));
    let qs = query_string(&q);
    let mut body = format!(
        r#"<h1>Timeline</h1>
<p class="lead">{events} canonical events fused from {mentions} event mentions in {docs} reports.</p>
<form class="filters" method="get" action="/">
<label>Actor<input name="actor" value="{actor}" placeholder="JPN, USA, NATO…" size="8"></label>
{type_select}{status_select}
<label>Since<input name="since" value="{since}" placeholder="2023-01" size="10"></label>
<label>Until<input name="until" value="{until}" placeholder="2023-12-31" size="10"></label>
<button type="submit">Filter</button> <a href="/">clear</a>
</form>
<p class="exports">Export these events: <a href="/api/v1/export?{qs}format=csv">CSV</a> · <a href="/api/v1/export?{qs}format=jsonl">JSON Lines</a> · <a href="/api/v1/export?{qs}format=parquet">Parquet</a></p>
<p class="legend-line">{legend}</p>"#,
        events = counts.events,
        mentions = counts.mentions,
        docs = counts.documents,
        actor = v(&q.actor),
        type_select = select("type", "Type", &types, filter.event_type.as_deref()),
        status_select = select("status", "Status", &statuses, filter.status.as_deref()),
        since = v(&q.since),
        until = v(&q.until),
        qs = esc(&qs),
        legend = statuses
            .iter()
            .map(|s| badge(s))
            .collect::<Vec<_>>()
            .join(" "),
    );
    if page.events.is_empty() {
        body.push_str(r#"<p class="empty">No events match these filters.</p>"#);
    } else {
        body.push_str(&event_list(&page.events));
    }
    body.push_str(&pager(&format!("/?{qs}"), page.total, limit, offset));
    Ok(Html(layout("Timeline", "Timeline", "", &body)))
}

/// The marks a mention puts on its report's text: its sentence, then each
/// field's evidence, labelled by `label`.
fn mention_highlights(m: &EventMention, label: impl Fn(&str) -> String) -> Vec<Highlight> {
    let mut hs = vec![Highlight {
        start: m.sentence.start,
        end: m.sentence.end,
        layer: 0,
        class: "ev-sentence".into(),
        label: String::new(),
    }];
    for (f, sp) in field_spans(m) {
        hs.push(Highlight {
            start: sp.start,
            end: sp.end,
            layer: 1,
            class: format!("f-{f}"),
            label: label(f),
        });
    }
    hs
}

/// The fields of a mention that carry evidence, each with its byte span.
fn field_spans(m: &EventMention) -> Vec<(&'static str, Span)> {
    let mut v = vec![("type", m.trigger)];
    if let Some(s) = &m.source {
        v.push(("source", s.span));
    }
    if let Some(t) = &m.target {
        v.push(("target", t.span));
    }
    if let Some(sp) = m.date.as_ref().and_then(|d| d.span) {
        v.push(("date", sp));
    }
    if let Some(l) = &m.location {
        v.push(("location", l.span));
    }
    if let Some(a) = &m.according_to {
        v.push(("according_to", a.span));
    }
    for p in &m.participants {
        v.push(("participants", p.span));
    }
    v
}

/// The mention's sentence with one field's evidence marked.
fn evidence_quote(m: &EventMention, field: &str, doc_title: &str) -> String {
    let marks: Vec<Highlight> = field_spans(m)
        .into_iter()
        .filter(|(f, _)| *f == field)
        .filter_map(|(f, sp)| {
            Some(Highlight {
                start: sp.start.checked_sub(m.sentence.start)?,
                end: sp.end.checked_sub(m.sentence.start)?,
                layer: 1,
                class: format!("f-{f}"),
                label: f.to_string(),
            })
        })
        .collect();
    format!(
        r#"<blockquote class="evidence">{} <cite><a href="/documents/{}">{}</a></cite></blockquote>"#,
        highlighted(&m.sentence_text, &marks),
        url(&m.doc),
        esc(doc_title)
    )
}

fn party(a: &Option<dyad_fuse::FusedActor>) -> String {
    match a {
        Some(a) => {
            let code = a.actor.as_deref().or(a.country.as_deref());
            match code {
                Some(c) => format!("{} ({})", esc(&a.text), actor_link(c)),
                None => esc(&a.text),
            }
        }
        None => r#"<span class="none">—</span>"#.into(),
    }
}

pub async fn event(State(app): State<Arc<App>>, Path(id): Path<String>) -> PageResult {
    let d = app.query(move |s| load_event(s, &id)).await?;
    let e = &d.event;
    let title_of = |doc: &str| -> String {
        d.reports
            .iter()
            .find(|r| r.doc.id == doc)
            .and_then(|r| r.doc.title.clone())
            .unwrap_or_else(|| doc.to_string())
    };
    // The summary is "TYPE ACTORS (status) date …: the first report's sentence".
    let (headline, sentence) = e.summary.split_once(": ").unwrap_or((&e.summary, ""));
    let mut body = format!(
        r#"<p class="crumbs"><a href="/">Timeline</a> › event</p>
<h1 class="event-title st-{st}">{headline}</h1><p class="event-sentence">{sentence}</p>
<p class="event-meta">{badge} <span class="type" style="color:{colour}">{ty}</span> {date} · {n} report{s} · <code>{id}</code> · <a href="/api/v1/events/{uid}">JSON</a></p>"#,
        st = url(e.status.as_str()),
        headline = esc(headline),
        sentence = esc(sentence),
        badge = badge(e.status.as_str()),
        colour = type_colour(e.event_type.as_str()),
        ty = esc(e.event_type.as_str()),
        date = esc(e.date.as_ref().map_or("undated", |x| x.value.as_str())),
        n = docs_of(e),
        s = if docs_of(e) == 1 { "" } else { "s" },
        id = esc(&e.id),
        uid = url(&e.id),
    );

    // Fields, each with the sentences that support it.
    let fields: Vec<(&str, &str, String)> = vec![
        ("type", "Type", esc(e.event_type.as_str())),
        ("mode", "Mode", esc(e.mode.as_deref().unwrap_or("—"))),
        ("status", "Status", badge(e.status.as_str())),
        (
            "date",
            "Date",
            e.date.as_ref().map_or("—".into(), |x| {
                format!(
                    "{} <span class=\"none\">({})</span>",
                    esc(&x.value),
                    esc(&x.grain)
                )
            }),
        ),
        (
            "location",
            "Place",
            e.location
                .as_ref()
                .map_or("—".into(), |l| match &l.country {
                    Some(c) => format!("{} ({})", esc(&l.name), esc(c)),
                    None => esc(&l.name),
                }),
        ),
        ("source", "Source", party(&e.source)),
        ("target", "Target", party(&e.target)),
        (
            "actors",
            "Actors",
            e.actors
                .iter()
                .map(|a| actor_link(a))
                .collect::<Vec<_>>()
                .join(" "),
        ),
        (
            "participants",
            "Participants",
            if e.participants.is_empty() {
                "—".into()
            } else {
                e.participants
                    .iter()
                    .map(|p| match &p.role {
                        Some(r) => {
                            format!("{} <span class=\"none\">({})</span>", esc(&p.name), esc(r))
                        }
                        None => esc(&p.name),
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            },
        ),
        ("according_to", "According to", String::new()),
    ];
    body.push_str(r#"<section><h2>Fields and their evidence</h2><table class="fields"><tbody>"#);
    for (key, label, value) in &fields {
        // The status is supported by the event's whole sentences (its cues).
        let evidence_field = match *key {
            // The trigger's sentence carries the status cues.
            "status" => "type",
            // The mode comes with the trigger, the actors with source and
            // target: their sentences are already quoted beside those fields.
            "mode" | "actors" => "",
            k => k,
        };
        let mut quotes = String::new();
        if evidence_field.is_empty() {
            let _ = write!(
                body,
                r#"<tr id="field-{key}"><th>{label}</th><td class="value">{value}</td><td class="support"></td></tr>"#
            );
            continue;
        }
        let mut seen: BTreeSet<(&str, usize)> = BTreeSet::new();
        for r in &d.reports {
            for m in &r.mentions {
                if !field_spans(m).iter().any(|(f, _)| *f == evidence_field) {
                    continue;
                }
                if !seen.insert((m.doc.as_str(), m.sentence.start)) {
                    continue;
                }
                quotes.push_str(&evidence_quote(
                    m,
                    evidence_field,
                    r.doc.title.as_deref().unwrap_or(&r.doc.id),
                ));
            }
        }
        if value.is_empty() && quotes.is_empty() {
            continue;
        }
        let _ = write!(
            body,
            r#"<tr id="field-{key}"><th>{label}</th><td class="value">{value}</td><td class="support">{quotes}</td></tr>"#
        );
    }
    body.push_str("</tbody></table></section>");

    // Status history: what each report said at its time.
    body.push_str(r#"<section><h2>Status history</h2><ol class="history">"#);
    for h in &e.status_history {
        let _ = write!(
            body,
            r#"<li class="st-{st}"><span class="when">{when}</span>{badge}<span class="said">{date}{place}</span><a href="/documents/{doc}">{title}</a></li>"#,
            st = url(&h.status),
            when = esc(h.published.as_deref().unwrap_or("undated report")),
            badge = badge(&h.status),
            date = h
                .date
                .as_ref()
                .map_or(String::new(), |d| format!("for {}", esc(&d.value))),
            place = h
                .location
                .as_ref()
                .map_or(String::new(), |l| format!(" in {}", esc(&l.name))),
            doc = url(&h.doc),
            title = esc(&title_of(&h.doc)),
        );
    }
    body.push_str("</ol></section>");

    // Conflicts between reports, and what dyad believes.
    let _ = write!(
        body,
        r#"<section id="conflicts"><h2>Conflicts ({})</h2>"#,
        e.conflicts.len()
    );
    if e.conflicts.is_empty() {
        body.push_str(r#"<p class="empty">The reports agree.</p>"#);
    }
    for c in &e.conflicts {
        let values: Vec<String> = c
            .values
            .iter()
            .map(|v| {
                let docs: Vec<String> = v
                    .docs
                    .iter()
                    .map(|d| {
                        format!(
                            r#"<a href="/documents/{}">{}</a>"#,
                            url(d),
                            esc(&title_of(d))
                        )
                    })
                    .collect();
                format!(
                    r#"<li><strong>{}</strong> — {}</li>"#,
                    esc(&v.value),
                    docs.join("; ")
                )
            })
            .collect();
        let _ = write!(
            body,
            r#"<div class="conflict"><h3>{field}</h3><ul>{values}</ul><p class="resolution">Resolution: <strong>{res}</strong> — {reason}</p></div>"#,
            field = esc(&c.field),
            values = values.join(""),
            res = esc(&c.resolution),
            reason = esc(&c.reason),
        );
    }
    body.push_str("</section>");

    // The reports, with the evidence highlighted in their text.
    body.push_str(r#"<section><h2>Reports</h2><p class="legend-line">"#);
    for f in [
        "type",
        "source",
        "target",
        "date",
        "location",
        "participants",
        "according_to",
    ] {
        let _ = write!(
            body,
            r#"<mark class="f-{f}">{}</mark> "#,
            f.replace('_', " ")
        );
    }
    body.push_str("</p>");
    for r in &d.reports {
        let mut hs = Vec::new();
        for m in &r.mentions {
            hs.extend(mention_highlights(m, |f| f.to_string()));
        }
        let _ = write!(
            body,
            r#"<article class="report"><h3><a href="/documents/{id}">{title}</a></h3><p class="doc-meta">{meta}</p><div class="report-text">{text}</div></article>"#,
            id = url(&r.doc.id),
            title = esc(r.doc.title.as_deref().unwrap_or(&r.doc.id)),
            meta = doc_meta(&r.doc),
            text = highlighted(&r.doc.text, &hs),
        );
    }
    body.push_str("</section>");
    Ok(Html(layout(&e.summary, "", "", &body)))
}

fn doc_meta(d: &dyad_core::Document) -> String {
    let mut parts = Vec::new();
    if let Some(o) = &d.outlet {
        parts.push(esc(o));
    }
    if let Some(p) = &d.published {
        parts.push(esc(&p.value.to_iso()));
    }
    if let Some(b) = &d.byline {
        parts.push(esc(b));
    }
    parts.push(format!("<code>{}</code>", esc(&d.id)));
    parts.join(" · ")
}

pub async fn document(State(app): State<Arc<App>>, Path(id): Path<String>) -> PageResult {
    let (doc, mentions, events) = app
        .query(move |s| {
            let doc = s
                .document(&id)?
                .ok_or_else(|| ServeError::NotFound(format!("document {id}")))?;
            Ok((doc, s.mentions(Some(&id))?, s.events_of_document(&id)?))
        })
        .await?;
    let mut hs = Vec::new();
    for m in &mentions {
        let m = &m.mention;
        hs.extend(mention_highlights(m, |f| {
            format!("{f} ({})", m.event_type.as_str())
        }));
    }
    let title = doc.title.clone().unwrap_or_else(|| doc.id.clone());
    let body = format!(
        r#"<p class="crumbs"><a href="/">Timeline</a> › report</p><h1>{title}</h1><p class="doc-meta">{meta} · <a href="/api/v1/documents/{uid}">JSON</a></p>
<section><h2>Events in this report ({n})</h2>{events}</section>
<section><h2>Text</h2><div class="report-text">{text}</div></section>"#,
        title = esc(&title),
        meta = doc_meta(&doc),
        uid = url(&doc.id),
        n = events.len(),
        events = event_list(&events),
        text = highlighted(&doc.text, &hs),
    );
    Ok(Html(layout(&title, "", "", &body)))
}

pub async fn actor(
    State(app): State<Arc<App>>,
    Path(code): Path<String>,
    Query(q): Query<PageQuery>,
) -> PageResult {
    let code = code.trim().to_uppercase();
    let (limit, offset) = paging(&q.limit, &q.offset)?;
    let c = code.clone();
    let (net, page) = app
        .query(move |s| {
            let net = Network::of(&s.actor_groups()?);
            let f = EventFilter {
                actor: Some(c),
                ..EventFilter::default()
            };
            Ok((net, s.events_page(&f, limit, offset, true)?))
        })
        .await?;
    if page.total == 0 {
        return Err(ServeError::NotFound(format!("actor {code}: no events")).into());
    }
    let counterparts = net.counterparts(&code);
    let mut rows = String::new();
    for (other, n, by) in &counterparts {
        let chips: Vec<String> = by
            .iter()
            .map(|(t, k)| {
                format!(
                    r#"<span class="chip" style="border-color:{}">{} {k}</span>"#,
                    type_colour(t),
                    esc(t)
                )
            })
            .collect();
        let _ = write!(
            rows,
            r#"<tr><td>{}</td><td class="num">{n}</td><td>{}</td><td><a href="/?actor={}&amp;">events</a></td></tr>"#,
            actor_link(other),
            chips.join(" "),
            url(other)
        );
    }
    let body = format!(
        r#"<p class="crumbs"><a href="/network">Network</a> › actor</p><h1>{code}</h1>
<p class="lead">{total} events with {k} counterparts · <a href="/api/v1/actors/{ucode}">JSON</a> · <a href="/?actor={ucode}">on the timeline</a></p>
<div class="two"><section><h2>Who {code} interacts with</h2>{svg}{legend}</section>
<section><h2>Counterparts</h2><table class="list"><thead><tr><th>actor</th><th>events</th><th>by type</th><th></th></tr></thead><tbody>{rows}</tbody></table></section></div>
<section><h2>Events</h2>{events}{pager}</section>"#,
        code = esc(&code),
        ucode = url(&code),
        total = page.total,
        k = counterparts.len(),
        svg = net.svg(Some(&code), 24),
        legend = net.legend(),
        events = event_list(&page.events),
        pager = pager(
            &format!("/actors/{}?", url(&code)),
            page.total,
            limit,
            offset
        ),
    );
    Ok(Html(layout(&code, "Network", "", &body)))
}

pub async fn network(State(app): State<Arc<App>>) -> PageResult {
    let net = app.query(|s| Ok(Network::of(&s.actor_groups()?))).await?;
    let mut edges: Vec<(&(String, String), usize, String)> = net
        .edges
        .iter()
        .map(|(k, t)| {
            let detail: Vec<String> = t
                .iter()
                .map(|(ty, n)| {
                    format!(
                        r#"<span class="chip" style="border-color:{}">{} {n}</span>"#,
                        type_colour(ty),
                        esc(ty)
                    )
                })
                .collect();
            (k, t.values().sum(), detail.join(" "))
        })
        .collect();
    edges.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let mut rows = String::new();
    for ((a, b), n, detail) in edges.iter().take(200) {
        let _ = write!(
            rows,
            r#"<tr><td>{} – {}</td><td class="num">{n}</td><td>{detail}</td></tr>"#,
            actor_link(a),
            actor_link(b)
        );
    }
    let body = format!(
        r#"<h1>Actor network</h1><p class="lead">{nodes} actors, {e} pairs that share events. Lines are as thick as the pair's events are many, coloured by their most frequent type; hover for counts, click an actor for its page.</p>
<div class="two"><section>{svg}{legend}</section>
<section><h2>Pairs by events</h2><table class="list"><thead><tr><th>pair</th><th>events</th><th>by type</th></tr></thead><tbody>{rows}</tbody></table></section></div>"#,
        nodes = net.nodes.len(),
        e = net.edges.len(),
        svg = net.svg(None, 40),
        legend = net.legend(),
    );
    Ok(Html(layout("Network", "Network", "", &body)))
}

pub async fn conflicts(State(app): State<Arc<App>>, Query(q): Query<PageQuery>) -> PageResult {
    let (limit, offset) = paging(&q.limit, &q.offset)?;
    let (list, total) = app
        .query(move |s| Ok(s.conflicts_page(limit, offset)?))
        .await?;
    let mut rows = String::new();
    for c in &list {
        let values: Vec<String> = c
            .conflict
            .values
            .iter()
            .map(|v| {
                format!(
                    r#"<li><strong>{}</strong> <span class="none">({})</span></li>"#,
                    esc(&v.value),
                    esc(&v.docs.join(", "))
                )
            })
            .collect();
        let _ = write!(
            rows,
            r#"<tr><td><a href="/events/{id}#conflicts">{summary}</a><br>{badge} <span class="none">{date}</span></td><td>{field}</td><td><ul class="values">{values}</ul></td><td><strong>{res}</strong><br><span class="reason">{reason}</span></td></tr>"#,
            id = url(&c.event),
            summary = esc(&c.summary),
            badge = badge(&c.status),
            date = esc(c.date.as_deref().unwrap_or("undated")),
            field = esc(&c.conflict.field),
            values = values.join(""),
            res = esc(&c.conflict.resolution),
            reason = esc(&c.conflict.reason),
        );
    }
    let body = format!(
        r#"<h1>Conflicts</h1><p class="lead">Where reports disagree (or a report disagrees with the knowledge base), what dyad believes, and why.</p>
<table class="list conflicts"><thead><tr><th>event</th><th>field</th><th>values and reports</th><th>resolution</th></tr></thead><tbody>{rows}</tbody></table>{pager}"#,
        pager = pager("/conflicts?", total, limit, offset),
    );
    Ok(Html(layout("Conflicts", "Conflicts", "", &body)))
}

pub async fn search(State(app): State<Arc<App>>, Query(q): Query<SearchQuery>) -> PageResult {
    let query = q.q.clone().unwrap_or_default().trim().to_string();
    if query.is_empty() {
        let body = r#"<h1>Search</h1><p class="lead">Search the reports and events: words, names, places, actor codes.</p>"#;
        return Ok(Html(layout("Search", "", "", body)));
    }
    let (limit, _) = paging(&q.limit, &None)?;
    let qq = query.clone();
    let (hits, net) = app
        .query(move |s| Ok((s.search(&qq, limit)?, Network::of(&s.actor_groups()?))))
        .await?;
    // Actors whose code is the query (or one of its words).
    let words: BTreeSet<String> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 2)
        .map(str::to_uppercase)
        .collect();
    let actors: Vec<(&String, &usize)> = net
        .nodes
        .iter()
        .filter(|(a, _)| words.contains(a.as_str()))
        .collect();
    let mut body = format!(r#"<h1>Search: “{}”</h1>"#, esc(&query));
    if !actors.is_empty() {
        body.push_str(r#"<section><h2>Actors</h2><ul class="hits">"#);
        for (a, n) in actors {
            let _ = write!(body, "<li>{} — {n} events</li>", actor_link(a));
        }
        body.push_str("</ul></section>");
    }
    for (kind, heading) in [("event", "Events"), ("document", "Reports")] {
        let of_kind: Vec<_> = hits.iter().filter(|h| h.kind == kind).collect();
        let _ = write!(
            body,
            r#"<section class="hits-{kind}"><h2>{heading} ({})</h2><ul class="hits">"#,
            of_kind.len()
        );
        for h in of_kind {
            let href = if kind == "event" {
                format!("/events/{}", url(&h.id))
            } else {
                format!("/documents/{}", url(&h.id))
            };
            let title = h.title.as_deref().unwrap_or(&h.id);
            // An event's summary opens with "TYPE ACTORS (status) …:" — that is its title.
            let title = if kind == "event" {
                title.split_once(": ").map_or(title, |(head, _)| head)
            } else {
                title
            };
            let _ = write!(
                body,
                r#"<li><a href="{href}">{}</a><p class="snippet">{}</p></li>"#,
                esc(title),
                snippet(&h.snippet)
            );
        }
        body.push_str("</ul></section>");
    }
    if hits.is_empty() {
        body.push_str(r#"<p class="empty">Nothing matches every word.</p>"#);
    }
    Ok(Html(layout(&format!("Search: {query}"), "", &query, &body)))
}
