//! Fusion: event mentions from many reports → canonical (real-world) events.
//!
//! A canonical event gathers every mention of one real-world event, keeps what
//! each report said at its time (`status_history`, oldest report first), decides
//! the current status, date and place from the latest reports, and records a
//! `conflict` with a resolution and a reason wherever reports disagree, or a report
//! disagrees with the knowledge base.
//!
//! Cost: mentions are **blocked** by event type and actor set ([`document_block_keys`]);
//! inside a block they are compared only with events whose dates fall within a
//! window of months, so the work grows near-linearly with the corpus.
//!
//! Determinism: the events of a block are a function of the *set* of its
//! mentions (they are visited in a fixed order: report publication, document id,
//! mention id), and event ids hash the block key with the id of the event's first
//! mention. So adding mentions one at a time ([`Fusion`]) gives exactly what fusing
//! everything at once ([`fuse`]) gives, in whatever order the documents arrive,
//! and several processes agree on ids.

mod dates;
mod merge;
mod score;
mod synthetic;

pub use dates::{parse_value, DayRange};
pub use score::{content_words, surname_key, Weights};
pub use synthetic::synthetic_mentions;

use chrono::{Datelike, NaiveDate};
use dyad_core::{EventMention, EventStatus, EventType};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// `{"value", "grain"}` of a canonical event or of one report's account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FusedDate {
    pub value: String,
    pub grain: String,
}

/// `{"name", "country", "text"}`: where the event took place (`name` is `virtual`
/// for a video conference).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FusedLocation {
    pub name: String,
    pub country: Option<String>,
    /// The words of the report the place was read from.
    pub text: Option<String>,
}

/// `{"text", "actor", "country", "sector"}`: a party as the latest report naming it gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FusedActor {
    pub text: String,
    pub actor: Option<String>,
    pub country: Option<String>,
    pub sector: Option<String>,
}

/// A person taking part, merged across reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FusedParticipant {
    pub name: String,
    pub actor: Option<String>,
    pub country: Option<String>,
    pub role: Option<String>,
    /// The reports naming this person.
    pub docs: Vec<String>,
}

/// What one report said about the event at its time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusEntry {
    pub doc: String,
    pub published: Option<String>,
    pub status: String,
    pub date: Option<FusedDate>,
    pub location: Option<FusedLocation>,
}

/// One mention of the event: the evidence, `{"doc", "mention", "sentence"}` plus
/// the sentence's byte span in the document's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionRef {
    pub doc: String,
    pub mention: String,
    pub sentence: String,
    pub sentence_span: [usize; 2],
}

/// One value reports gave, and which reports gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictValue {
    pub value: String,
    pub docs: Vec<String>,
}

/// Where reports disagree (or a report disagrees with the knowledge base): the
/// values, what the engine believes, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    pub field: String,
    pub values: Vec<ConflictValue>,
    pub resolution: String,
    pub reason: String,
}

/// One real-world event, fused from every mention of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CanonicalEvent {
    /// Deterministic: `ev_` + a hash of the block key and the first mention's id.
    pub id: String,
    #[serde(rename = "type")]
    pub event_type: EventType,
    pub mode: Option<String>,
    pub status: EventStatus,
    pub status_history: Vec<StatusEntry>,
    pub date: Option<FusedDate>,
    pub location: Option<FusedLocation>,
    pub actors: Vec<String>,
    pub source: Option<FusedActor>,
    pub target: Option<FusedActor>,
    pub participants: Vec<FusedParticipant>,
    pub mentions: Vec<MentionRef>,
    pub conflicts: Vec<Conflict>,
    /// The blocking key the event was fused under (type and actors).
    pub block: String,
    /// A one-line description for search and listings.
    pub summary: String,
}

/// The keys every event line of `dyad events` carries, as `CONTRACT.md` names
/// them (a [`CanonicalEvent`] serialised): scripts may rely on each one.
pub const CONTRACT_KEYS: [&str; 13] = [
    "id",
    "type",
    "mode",
    "status",
    "status_history",
    "date",
    "location",
    "actors",
    "source",
    "target",
    "participants",
    "mentions",
    "conflicts",
];

/// Types whose act needs no one acted on: a show of force, a protest, an
/// attack or coercion told without its victim is still the act.
pub const ONE_PARTY_TYPES: [EventType; 4] = [
    EventType::Mobilize,
    EventType::Protest,
    EventType::Assault,
    EventType::Coerce,
];

impl CanonicalEvent {
    /// Whether the event names who acted and who was acted on: two states
    /// among its parties, or a source and a target (a state's domestic
    /// events), or a type of [`ONE_PARTY_TYPES`]. "A meeting with Xi had been
    /// requested" (by whom?) is incomplete: peers drop such acts, and dyad
    /// keeps them for fusion and lists them on request.
    pub fn is_complete(&self) -> bool {
        self.actors.len() >= 2
            || (self.source.is_some() && self.target.is_some())
            || ONE_PARTY_TYPES.contains(&self.event_type)
    }
}

fn actor_set(m: &EventMention) -> Vec<String> {
    let mut actors: Vec<String> = m
        .actors
        .iter()
        .map(|a| a.trim().to_uppercase())
        .filter(|a| !a.is_empty())
        .collect();
    actors.sort();
    actors.dedup();
    actors
}

/// The version of the blocking scheme ([`document_block_keys`]). A store holding
/// keys from another scheme files its mentions again when opened.
pub const SCHEME: i64 = 5;

/// The blocking key of a mention on its own: its type and the calendar year
/// of its anchor (see [`document_block_keys`]). Only mentions sharing a key are
/// ever compared; inside a block, candidates are found by month and must share a
/// party, so a block's cost grows with its size, not its square. A year, not a
/// quarter: a visit put off in February and held in June is one event, and its
/// reports must meet. A mention without any resolved party is compared only
/// within its own report, since nothing else anchors it.
pub fn block_key(m: &EventMention) -> String {
    key_of(m, anchor_of(m))
}

/// The day a mention is filed under: the start of its own date, or, for a date
/// coarser than a quarter that holds the report's day ("by the end of the
/// year"), the report's day; for an undated mention, the report's day.
fn anchor_of(m: &EventMention) -> Option<NaiveDate> {
    let published = m.published.map(|p| p.date);
    match m.date.as_ref().and_then(DayRange::of_event_date) {
        Some(r) if r.len_days() > 92 => match published {
            Some(p) if r.start <= p && p < r.end => Some(p),
            _ => Some(r.start),
        },
        Some(r) => Some(r.start),
        None => published,
    }
}

fn key_of(m: &EventMention, anchor: Option<NaiveDate>) -> String {
    match (actor_set(m).is_empty(), anchor) {
        (false, Some(d)) => format!("{}|{}", m.event_type.as_str(), d.year()),
        // No date at all, neither the act's nor the report's (a corpus without
        // publication dates): such mentions can only meet each other, on what
        // they say.
        (false, None) => format!("{}|undated", m.event_type.as_str()),
        _ => format!("{}|~{}", m.event_type.as_str(), m.doc),
    }
}

/// The blocking keys of one document's mentions, in order. An undated mention
/// ("the talks", "the meeting"), or one dated only coarsely ("by the end of the
/// year", "this year"), is filed with the dated mention of the same type in the
/// same report that shares most of its parties, where there is one: it most
/// likely tells of that event, and must be able to meet it. Among equals, a
/// partner on the same side of the report's day wins (a plan goes with a plan),
/// then the first in the report. Keys depend on this document alone, so shards
/// of a corpus agree on them.
pub fn document_block_keys(mentions: &[EventMention]) -> Vec<String> {
    let range = |m: &EventMention| m.date.as_ref().and_then(DayRange::of_event_date);
    // Coarser than a quarter: a block of its own would split it from its event.
    let loose = |m: &EventMention| range(m).is_none_or(|r| r.len_days() > 92);
    mentions
        .iter()
        .map(|m| {
            if loose(m) {
                let mine = actor_set(m);
                let ahead = score::is_plan(m.status) || matches!(m.status, EventStatus::Cancelled);
                let published = m.published.map(|p| p.date);
                let partner = mentions
                    .iter()
                    .filter(|o| o.event_type == m.event_type && !loose(o))
                    .map(|o| {
                        let theirs = actor_set(o);
                        let shared = mine.iter().filter(|a| theirs.contains(a)).count();
                        // (A meeting on the report's own day fits either: it
                        // may be told as held or as still to come that day.)
                        let fits = match (range(o), published) {
                            (Some(r), Some(p)) if ahead => r.end > p,
                            (Some(r), Some(p)) => r.start <= p,
                            _ => false,
                        };
                        ((shared, fits), o)
                    })
                    // A plan is never filed with an act behind the report's
                    // day, nor a report of an act with one still to come
                    // ("their foreign ministers are to meet" is not the talks
                    // Iraq hosted two years before).
                    .filter(|((shared, fits), _)| *shared > 0 && *fits)
                    // Best first; ties to the first in the report.
                    .fold(
                        None,
                        |best: Option<((usize, bool), &EventMention)>, (n, o)| match best {
                            Some((b, _)) if b >= n => best,
                            _ => Some((n, o)),
                        },
                    );
                if let Some((_, o)) = partner {
                    return key_of(m, anchor_of(o));
                }
            }
            key_of(m, anchor_of(m))
        })
        .collect()
}

/// Every mention with its blocking key, documents taken one at a time.
fn keyed(mentions: &[EventMention]) -> Vec<(String, &EventMention)> {
    let mut by_doc: BTreeMap<&str, Vec<&EventMention>> = BTreeMap::new();
    for m in mentions {
        by_doc.entry(m.doc.as_str()).or_default().push(m);
    }
    let mut out = Vec::with_capacity(mentions.len());
    for (_, ms) in by_doc {
        let owned: Vec<EventMention> = ms.iter().map(|m| (*m).clone()).collect();
        let keys = document_block_keys(&owned);
        out.extend(keys.into_iter().zip(ms));
    }
    out
}

/// The order mentions are visited in: oldest report first (reports without a
/// date first), then document id, then mention id. Total, so fusion is
/// independent of input order.
pub fn visit_order(a: &EventMention, b: &EventMention) -> std::cmp::Ordering {
    let pa = a.published.map(|p| (p.date, p.time));
    let pb = b.published.map(|p| (p.date, p.time));
    pa.cmp(&pb)
        .then_with(|| a.doc.cmp(&b.doc))
        .then_with(|| a.id.cmp(&b.id))
        .then_with(|| a.sentence.cmp(&b.sentence))
        .then_with(|| a.trigger.cmp(&b.trigger))
}

/// Fuses every mention at once. Events come out sorted by id.
pub fn fuse(mentions: &[EventMention]) -> Vec<CanonicalEvent> {
    let mut blocks: BTreeMap<String, Vec<&EventMention>> = BTreeMap::new();
    for (key, m) in keyed(mentions) {
        blocks.entry(key).or_default().push(m);
    }
    let mut out: Vec<CanonicalEvent> = blocks
        .into_iter()
        .flat_map(|(key, ms)| fuse_block_refs(&key, ms))
        .collect();
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

/// Fuses the mentions of one block, all stored under `key` (from
/// [`document_block_keys`]). Events come out sorted by id.
pub fn fuse_block(key: &str, mentions: &[EventMention]) -> Vec<CanonicalEvent> {
    let mut out = fuse_block_refs(key, mentions.iter().collect());
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

fn fuse_block_refs(key: &str, mut ms: Vec<&EventMention>) -> Vec<CanonicalEvent> {
    // A restatement of another mention in PLOVER's terms is the same event told
    // twice by one sentence: its original stands for it.
    ms.retain(|m| m.implied_by.is_none());
    ms.sort_by(|a, b| visit_order(a, b));
    // The same mention given twice (a document ingested twice) counts once.
    ms.dedup_by(|a, b| a.id == b.id && a.doc == b.doc);
    let clusters = merge::cluster(Weights::bundled(), &ms);
    clusters
        .into_iter()
        .map(|members| merge::build_event(key, &members))
        .collect()
}

/// Incremental fusion: add (or take away) reports one at a time; each change
/// re-fuses only the blocks it touches. The events are always those [`fuse`]
/// gives for the mentions held.
#[derive(Debug, Default, Clone)]
pub struct Fusion {
    blocks: BTreeMap<String, Vec<EventMention>>,
    events: BTreeMap<String, Vec<CanonicalEvent>>,
    dirty: BTreeSet<String>,
}

impl Fusion {
    pub fn new() -> Self {
        Fusion::default()
    }

    /// Adds (or replaces) one report's mentions: any mentions held for `doc` are
    /// taken away first. Returns the block keys touched.
    pub fn add_document(&mut self, doc: &str, mentions: Vec<EventMention>) -> Vec<String> {
        let mut touched: BTreeSet<String> = self.remove_doc(doc).into_iter().collect();
        let keys = document_block_keys(&mentions);
        for (key, m) in keys.into_iter().zip(mentions) {
            if m.doc != doc {
                continue;
            }
            let block = self.blocks.entry(key.clone()).or_default();
            block.retain(|x| x.id != m.id);
            block.push(m);
            self.dirty.insert(key.clone());
            touched.insert(key);
        }
        touched.into_iter().collect()
    }

    /// Takes away every mention of a document (a report withdrawn or changed).
    /// Returns the block keys touched.
    pub fn remove_doc(&mut self, doc: &str) -> Vec<String> {
        let mut touched = Vec::new();
        for (key, block) in self.blocks.iter_mut() {
            let before = block.len();
            block.retain(|x| x.doc != doc);
            if block.len() != before {
                touched.push(key.clone());
            }
        }
        for k in &touched {
            self.dirty.insert(k.clone());
        }
        touched
    }

    /// Re-fuses the blocks changed since the last call; returns their keys.
    pub fn refresh(&mut self) -> Vec<String> {
        let dirty = std::mem::take(&mut self.dirty);
        for key in &dirty {
            let fused = match self.blocks.get(key) {
                Some(block) if !block.is_empty() => fuse_block_refs(key, block.iter().collect()),
                _ => Vec::new(),
            };
            if fused.is_empty() {
                self.events.remove(key);
                self.blocks.remove(key);
            } else {
                self.events.insert(key.clone(), fused);
            }
        }
        dirty.into_iter().collect()
    }

    /// The canonical events of one block (after [`Fusion::refresh`]).
    pub fn block_events(&self, key: &str) -> &[CanonicalEvent] {
        self.events.get(key).map_or(&[], Vec::as_slice)
    }

    /// Every canonical event, sorted by id.
    pub fn events(&mut self) -> Vec<CanonicalEvent> {
        self.refresh();
        let mut out: Vec<CanonicalEvent> = self.events.values().flatten().cloned().collect();
        out.sort_by(|a, b| a.id.cmp(&b.id));
        out
    }

    pub fn mention_count(&self) -> usize {
        self.blocks.values().map(Vec::len).sum()
    }
}

/// FNV-1a, 64 bits: a stable hash (unlike std's, the same on every run and
/// machine) for ids and content fingerprints.
pub fn stable_hash(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            // A separator byte no text contains, so ("ab","c") ≠ ("a","bc").
            h ^= 0xff;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        for b in p.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}
