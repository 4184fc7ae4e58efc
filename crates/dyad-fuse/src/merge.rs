//! Clustering the mentions of one block into events, and building each
//! canonical event (history, current values, conflicts) from its members.

use crate::dates::{iso, DayRange};
use crate::score::{
    content_words, is_plan, join_score, location_key, participant_keys, surname_key, ClusterView,
    MentionView, Weights,
};
use crate::{
    stable_hash, CanonicalEvent, Conflict, ConflictValue, FusedActor, FusedDate, FusedLocation,
    FusedParticipant, MentionRef, StatusEntry,
};
use chrono::Datelike;
use dyad_core::{ActorRef, EventMention, EventStatus, EventType, Span};
use std::collections::{BTreeMap, BTreeSet};

/// A month bucket for mentions with neither a date nor a publication date.
const NO_MONTH: i32 = i32::MIN;
/// A year-grain date is indexed under each of its months; longer periods are
/// capped so that a vague date cannot make a block quadratic.
const MAX_INDEXED_MONTHS: i32 = 24;

struct Cluster<'a> {
    members: Vec<&'a EventMention>,
    dates: Vec<Option<DayRange>>,
    published: Vec<Option<DayRange>>,
    words: Vec<BTreeSet<String>>,
    participants: BTreeSet<(String, String)>,
    actors: BTreeSet<String>,
    location: Option<String>,
    mode: Option<String>,
    /// The distinct statuses its members give, so a comparison asks them
    /// without walking every member.
    statuses: Vec<EventStatus>,
}

impl Cluster<'_> {
    fn note_status(&mut self, s: EventStatus) {
        if !self.statuses.contains(&s) {
            self.statuses.push(s);
        }
    }
}

fn mention_date(m: &EventMention) -> Option<DayRange> {
    m.date.as_ref().and_then(DayRange::of_event_date)
}

/// The date the report states for the act, for deciding which event it is: a
/// date the coder inferred from the report's own day ("has captured", "are
/// holding talks") only says "about now", weaker than any stated day, and
/// such a mention is matched as an undated one of its report's day.
fn stated_date(m: &EventMention) -> Option<DayRange> {
    let d = m.date.as_ref()?;
    if d.text.is_none() && d.span.is_none() {
        return None;
    }
    mention_date(m)
}

fn published_day(m: &EventMention) -> Option<DayRange> {
    m.published.as_ref().and_then(|p| {
        let mut day = *p;
        day.grain = day.grain.min(dyad_core::Grain::Day);
        DayRange::of_value(&day)
    })
}

fn anchor_months(date: Option<DayRange>, published: Option<DayRange>) -> (i32, i32) {
    match date.or(published) {
        Some(r) => {
            let (lo, hi) = r.months();
            (lo, hi.min(lo.saturating_add(MAX_INDEXED_MONTHS)))
        }
        None => (NO_MONTH, NO_MONTH),
    }
}

/// Groups the block's mentions (already in visit order) into events. Each mention
/// joins the best-scoring event within reach, or starts a new one.
///
/// Dated mentions go first: they fix the events. A mention the report leaves
/// undated ("the meeting", "the talks") then joins the event its own report
/// dates elsewhere, where the report names one that fits; only otherwise is it
/// weighed against every event in reach.
pub fn cluster<'a>(w: &Weights, ms: &[&'a EventMention]) -> Vec<Vec<&'a EventMention>> {
    let reach_months = (w.moved_days.max(w.window_days) / 30 + 1) as i32;
    let mut clusters: Vec<Cluster<'a>> = Vec::new();
    let mut by_month: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
    let mut undated_by_actor: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    // Stated dates first, then days only inferred from the report's own day,
    // then the undated.
    let rank = |m: &&EventMention| match (stated_date(m), mention_date(m)) {
        (Some(_), _) => 0,
        (None, Some(_)) => 1,
        (None, None) => 2,
    };
    let mut order: Vec<&'a EventMention> = ms.to_vec();
    order.sort_by_key(rank);
    for m in order {
        let mut date = stated_date(m);
        if date.is_none() && mention_date(m).is_none() {
            if let Some(ci) = same_report_event(&clusters, m) {
                let words = content_words(&m.sentence_text);
                if let Some(c) = clusters.get_mut(ci) {
                    c.members.push(m);
                    c.note_status(m.status);
                    c.dates.push(None);
                    c.published.push(published_day(m));
                    c.participants.extend(participant_keys(m));
                    c.actors.extend(m.actors.iter().cloned());
                    c.words.push(words);
                    if c.location.is_none() {
                        c.location = location_key(m);
                    }
                }
                continue;
            }
        }
        let published = published_day(m);
        let words = content_words(&m.sentence_text);
        let index = Index {
            by_month: &by_month,
            undated_by_actor: &undated_by_actor,
            reach_months,
        };
        // A day inferred from the report's own day ("has captured") is first
        // matched as undated, so that it joins the event another report dates;
        // only where none fits does it date an event of its own.
        let mut best = best_event(w, &clusters, &index, m, date, published, &words);
        if best.is_none() && date.is_none() {
            if let Some(inferred) = mention_date(m) {
                date = Some(inferred);
                best = best_event(w, &clusters, &index, m, date, published, &words);
            }
        }
        let view_participants = participant_keys(m);
        let (lo, hi) = anchor_months(date, published);
        let ci = match best {
            Some(ci) => ci,
            None => {
                clusters.push(Cluster {
                    members: Vec::new(),
                    dates: Vec::new(),
                    published: Vec::new(),
                    words: Vec::new(),
                    participants: BTreeSet::new(),
                    actors: BTreeSet::new(),
                    location: None,
                    mode: None,
                    statuses: Vec::new(),
                });
                clusters.len() - 1
            }
        };
        if let Some(c) = clusters.get_mut(ci) {
            c.members.push(m);
            c.note_status(m.status);
            c.dates.push(date);
            c.published.push(published);
            c.participants.extend(view_participants);
            c.actors.extend(m.actors.iter().cloned());
            c.words.push(words);
            if let Some(l) = location_key(m) {
                c.location = Some(l);
            }
            if let Some(md) = &m.mode {
                c.mode = Some(md.clone());
            }
        }
        if lo == NO_MONTH {
            for a in &m.actors {
                let v = undated_by_actor.entry(a.clone()).or_default();
                if !v.contains(&ci) {
                    v.push(ci);
                }
            }
        }
        let slots = if lo == NO_MONTH {
            vec![NO_MONTH]
        } else {
            (lo..=hi).collect()
        };
        for month in slots {
            let v = by_month.entry(month).or_default();
            if !v.contains(&ci) {
                v.push(ci);
            }
        }
    }
    // Each event's mentions in visit order again (oldest report first), as
    // the event is built from them, whatever order clustering took them in.
    clusters
        .into_iter()
        .map(|c| {
            let mut members = c.members;
            members.sort_by(|a, b| crate::visit_order(a, b));
            members
        })
        .collect()
}

/// Where a block's events are filed: by month, and (undated ones) by party.
struct Index<'i> {
    by_month: &'i BTreeMap<i32, Vec<usize>>,
    undated_by_actor: &'i BTreeMap<String, Vec<usize>>,
    reach_months: i32,
}

/// The best-scoring event within reach that `m` may join, told with `date`.
fn best_event(
    w: &Weights,
    clusters: &[Cluster<'_>],
    index: &Index<'_>,
    m: &EventMention,
    date: Option<DayRange>,
    published: Option<DayRange>,
    words: &BTreeSet<String>,
) -> Option<usize> {
    let view = MentionView {
        mention: m,
        date,
        published,
        words,
        participants: participant_keys(m),
    };
    let (lo, hi) = anchor_months(date, published);
    let candidates: BTreeSet<usize> = if lo == NO_MONTH {
        // Nothing dates these: a party they share is what narrows the search
        // (events without parties only meet within one report's block).
        if m.actors.is_empty() {
            index
                .by_month
                .get(&NO_MONTH)
                .into_iter()
                .flatten()
                .copied()
                .collect()
        } else {
            m.actors
                .iter()
                .filter_map(|a| index.undated_by_actor.get(a.as_str()))
                .flatten()
                .copied()
                .collect()
        }
    } else {
        index
            .by_month
            .range(lo.saturating_sub(index.reach_months)..=hi.saturating_add(index.reach_months))
            .flat_map(|(_, v)| v.iter().copied())
            .collect()
    };
    let mut best: Option<(f32, usize)> = None;
    for ci in candidates {
        let Some(c) = clusters.get(ci) else { continue };
        let cv = ClusterView {
            members: &c.members,
            dates: &c.dates,
            published: &c.published,
            words: &c.words,
            participants: &c.participants,
            actors: &c.actors,
            location: c.location.clone(),
            mode: c.mode.clone(),
            statuses: &c.statuses,
        };
        if let Some(s) = join_score(w, &view, &cv) {
            if s >= w.join_threshold && best.is_none_or(|(b, _)| s > b) {
                best = Some((s, ci));
            }
        }
    }
    best.map(|(_, ci)| ci)
}

/// The event an undated mention's own report dates: among the events holding
/// mentions of the same report, the one that fits its tense (a plan lies ahead
/// of the report, what happened lies behind it), then the one the report says
/// most about, then the earliest formed.
fn same_report_event(clusters: &[Cluster<'_>], m: &EventMention) -> Option<usize> {
    let published = published_day(m)?;
    let planned = is_plan(m.status);
    clusters
        .iter()
        .enumerate()
        .filter_map(|(ci, c)| {
            let own = c.members.iter().filter(|x| x.doc == m.doc).count();
            if own == 0
                || !crate::score::same_kind_of_act(m, &c.members)
                || crate::score::held_and_called_off(m, &c.members)
                || crate::score::call_and_visit(m, &c.members)
            {
                return None;
            }
            if m.status != EventStatus::Occurred
                && crate::score::sequel(m)
                && crate::score::held_before(&c.members, Some(published))
            {
                return None;
            }
            let shared = m.actors.iter().filter(|a| c.actors.contains(*a)).count();
            if shared == 0 && !(m.actors.is_empty() && c.actors.is_empty()) {
                return None;
            }
            let same = shared == m.actors.len() && shared == c.actors.len();
            // Crossing sets (Japan-US, Japan-Korea) are two meetings of one partner.
            if shared < m.actors.len() && shared < c.actors.len() {
                return None;
            }
            let multilateral = |x: Option<&str>| x == Some("multilateral");
            if !same && multilateral(m.mode.as_deref()) != multilateral(c.mode.as_deref()) {
                return None;
            }
            // A plan for another place is not the meeting the report says
            // was held ("held talks in Beijing … invited Raisi to visit Riyadh").
            let elsewhere = matches!(
                (location_key(m), c.location.as_deref()),
                (Some(a), Some(b)) if a != b && a != "virtual" && b != "virtual"
            );
            if elsewhere && planned && c.statuses.iter().all(|&x| x == EventStatus::Occurred) {
                return None;
            }
            // The event's best-known date: its finest.
            let finest = c.dates.iter().flatten().min_by_key(|d| d.len_days())?;
            let ahead = finest.end > published.start;
            let behind = finest.start <= published.start;
            let fits = if planned { ahead } else { behind };
            Some(((fits, same, own, shared), std::cmp::Reverse(ci)))
        })
        .max()
        .filter(|((fits, ..), _)| *fits)
        .map(|(_, std::cmp::Reverse(ci))| ci)
}

/// How decisive a status is when one report gives several for the same event:
/// a change of plan outweighs the plan it changes.
fn status_rank(s: EventStatus) -> u8 {
    match s {
        EventStatus::Cancelled => 6,
        EventStatus::Postponed => 5,
        EventStatus::Denied => 4,
        EventStatus::Occurred => 3,
        EventStatus::Ongoing => 2,
        EventStatus::Planned => 1,
        EventStatus::Hypothetical => 0,
    }
}

/// One report's account of the event, from its mentions.
struct Report<'a> {
    doc: &'a str,
    published: Option<String>,
    /// The day the report came out, where known to the day.
    published_on: Option<DayRange>,
    status: EventStatus,
    date: Option<(DayRange, FusedDate)>,
    /// Whether `date` is one the report states, not the coder's inference from
    /// the report's own day: an inferred day yields to any stated one.
    date_stated: bool,
    location: Option<(String, FusedLocation)>,
}

fn fused_date(m: &EventMention, r: DayRange) -> FusedDate {
    // A week ("2024-W30", "this weekend" = "2024-W30-WE") is told in calendar
    // terms where it can be: the month that holds all of it. Timelines, exports
    // and other reports' dates are calendar dates; the exact days stay in the
    // status history and the mention.
    if r.grain == dyad_core::Grain::Week
        && r.start.month() == (r.end - chrono::Days::new(1)).month()
    {
        return FusedDate {
            value: r.start.format("%Y-%m").to_string(),
            grain: dyad_core::Grain::Month.as_str().to_string(),
        };
    }
    match &m.date {
        // A part of the day ("2023-02-18TEV", TIMEX3's evening) is told as the
        // day: calendar ISO 8601 for timelines and exports.
        Some(d)
            if d.value.get(10..11) == Some("T")
                && d.value.len() > 11
                && d.value
                    .get(11..)
                    .is_some_and(|p| p.chars().all(|c| c.is_ascii_uppercase())) =>
        {
            FusedDate {
                value: d.value.get(..10).unwrap_or_default().to_string(),
                grain: dyad_core::Grain::Day.as_str().to_string(),
            }
        }
        Some(d) if !d.value.trim().is_empty() => FusedDate {
            value: d.value.clone(),
            grain: d.grain.as_str().to_string(),
        },
        _ => FusedDate {
            value: iso(&r),
            grain: r.grain.as_str().to_string(),
        },
    }
}

fn fused_location(m: &EventMention) -> Option<(String, FusedLocation)> {
    let key = location_key(m)?;
    let l = m.location.as_ref()?;
    let virtual_place = key == "virtual";
    Some((
        key,
        FusedLocation {
            name: if virtual_place {
                "virtual".into()
            } else {
                l.name.clone()
            },
            country: if virtual_place {
                None
            } else {
                l.country.clone()
            },
            text: Some(l.text.clone()),
        },
    ))
}

fn reports<'a>(members: &[&'a EventMention]) -> Vec<Report<'a>> {
    let mut out: Vec<Report<'a>> = Vec::new();
    for &m in members {
        let date = mention_date(m).map(|r| (r, fused_date(m, r)));
        let stated = stated_date(m).is_some();
        let loc = fused_location(m);
        match out.iter_mut().find(|r| r.doc == m.doc) {
            Some(r) => {
                if status_rank(m.status) > status_rank(r.status) {
                    r.status = m.status;
                }
                // The finest date the report states; an inferred one only where
                // it states none.
                if let Some((d, fd)) = date {
                    let better = match &r.date {
                        None => true,
                        Some((old, _)) => {
                            (stated && !r.date_stated)
                                || (stated == r.date_stated && d.len_days() < old.len_days())
                        }
                    };
                    if better {
                        r.date = Some((d, fd));
                        r.date_stated = stated;
                    }
                }
                if r.location.is_none() {
                    r.location = loc;
                }
            }
            None => out.push(Report {
                doc: &m.doc,
                published: m.published.map(|p| p.to_iso()),
                published_on: published_day(m).filter(|p| p.len_days() == 1),
                status: m.status,
                date,
                date_stated: stated,
                location: loc,
            }),
        }
    }
    // Between having happened and being planned, a report says what most of its
    // mentions dated most finely say (a report out on the day of a meeting tells
    // of arrivals that happened and of talks still to come); a change of plan
    // (postponed, called off, denied) always stands.
    for r in &mut out {
        if status_rank(r.status) > status_rank(EventStatus::Occurred) {
            continue;
        }
        let mut own: Vec<(&EventMention, DayRange)> = members
            .iter()
            .filter(|m| m.doc == r.doc)
            .filter_map(|m| mention_date(m).map(|d| (*m, d)))
            .collect();
        // Days the report states outvote days only inferred from its own day.
        if own.iter().any(|(m, _)| stated_date(m).is_some()) {
            own.retain(|(m, _)| stated_date(m).is_some());
        }
        let Some(finest) = own.iter().map(|(_, d)| d.len_days()).min() else {
            continue;
        };
        let mut votes: Vec<(EventStatus, usize)> = Vec::new();
        for (m, _) in own.iter().filter(|(_, d)| d.len_days() == finest) {
            match votes.iter_mut().find(|(s, _)| *s == m.status) {
                Some(v) => v.1 += 1,
                None => votes.push((m.status, 1)),
            }
        }
        if let Some((st, _)) = votes.into_iter().max_by_key(|(s, n)| (*n, status_rank(*s))) {
            r.status = st;
        }
    }
    // A report cannot have seen an event happen on a day after its own: where its
    // mentions give the event a date later than the report, what reads as done
    // ("this meeting is seen as a crucial step") is still the plan.
    for r in &mut out {
        let published = members
            .iter()
            .find(|m| m.doc == r.doc)
            .and_then(|m| m.published)
            .map(|p| p.date);
        let ahead = match (&r.date, published) {
            (Some((d, _)), Some(p)) => d.start > p,
            _ => false,
        };
        if ahead && matches!(r.status, EventStatus::Occurred | EventStatus::Ongoing) {
            r.status = EventStatus::Planned;
        }
    }
    out
}

/// Days after an act within which a report of it is its witness (out on the
/// day, or the next morning wherever it is read): a later report retells it.
const WITNESS_DAYS: i64 = 1;

impl Report<'_> {
    /// The day the report tells the act done on, where the report came out
    /// on that day or the next: a witness of the day, not a retelling.
    fn witnessed_day(&self) -> Option<DayRange> {
        let (d, _) = self.date.as_ref()?;
        let p = self.published_on?;
        (self.status == EventStatus::Occurred
            && d.len_days() == 1
            && p.start >= d.start
            && (p.start - d.end).num_days() < WITNESS_DAYS)
            .then_some(*d)
    }
}

fn actor_of(a: &ActorRef) -> FusedActor {
    FusedActor {
        text: a.text.clone(),
        actor: a.actor.clone(),
        country: a.country.clone(),
        sector: a.sector.clone(),
    }
}

fn group_values(items: impl IntoIterator<Item = (String, String)>) -> Vec<ConflictValue> {
    let mut out: Vec<ConflictValue> = Vec::new();
    for (value, doc) in items {
        match out.iter_mut().find(|v| v.value == value) {
            Some(v) => {
                if !v.docs.contains(&doc) {
                    v.docs.push(doc);
                }
            }
            None => out.push(ConflictValue {
                value,
                docs: vec![doc],
            }),
        }
    }
    out
}

/// Builds the canonical event from its members (in visit order: oldest report first).
pub fn build_event(block: &str, members: &[&EventMention]) -> CanonicalEvent {
    let first_id = members.first().map_or("", |m| m.id.as_str());
    let id = format!("ev_{:016x}", stable_hash(&[block, first_id]));
    let reps = reports(members);
    let latest = reps.last();
    let event_type = members
        .first()
        .map_or(dyad_core::EventType::Consult, |m| m.event_type);

    // Current status: the latest report's, except that a later plan does not undo
    // an earlier report of the event having taken place.
    let mut status = latest.map_or(EventStatus::Occurred, |r| r.status);
    let ever_occurred = reps.iter().any(|r| r.status == EventStatus::Occurred);
    if ever_occurred && matches!(status, EventStatus::Planned | EventStatus::Hypothetical) {
        status = EventStatus::Occurred;
    }
    // An act the latest report tells as under way ("said it was recalling its
    // ambassador", "talks are being held") has taken place as an event: the
    // canonical record's life is planned → occurred (or put off, called off);
    // the report's own words stay "ongoing" in its mention and history.
    if status == EventStatus::Ongoing {
        status = EventStatus::Occurred;
    }

    // Date: the latest report's, refined by older reports' finer dates inside it.
    // Days only inferred from a report's own day count where no report states one.
    let any_stated = reps.iter().any(|r| r.date.is_some() && r.date_stated);
    let mut date: Option<(DayRange, FusedDate)> = None;
    for r in reps.iter().rev() {
        if any_stated && !r.date_stated {
            continue;
        }
        if let Some((d, fd)) = &r.date {
            match &date {
                None => date = Some((*d, fd.clone())),
                Some((cur, _)) if d.overlaps(cur) && d.len_days() < cur.len_days() => {
                    date = Some((*d, fd.clone()))
                }
                _ => {}
            }
        }
    }

    // An act told done on a day by a report out that day is better known from
    // it than from a later report that retells it on another day ("met Putin on
    // Wednesday", out on Thursday … "met Putin on June 28", weeks later): the
    // latest witness's day stands where the date chosen disagrees with them all.
    if status == EventStatus::Occurred {
        let witnesses: Vec<&Report> = reps
            .iter()
            .filter(|r| (!any_stated || r.date_stated) && r.witnessed_day().is_some())
            .collect();
        let disagrees = date.as_ref().is_some_and(|(cur, _)| {
            !witnesses
                .iter()
                .any(|r| r.witnessed_day().is_some_and(|d| d.overlaps(cur)))
        });
        if disagrees {
            if let Some(r) = witnesses.last() {
                date = r.date.clone();
            }
        }
        // With no witness, reports that retell the act on different days or
        // months ("met at the UN in September" … "last met there in October")
        // are weighed by nearness: the first to tell it done stands.
        if witnesses.is_empty() {
            let first_told = reps
                .iter()
                .filter(|r| (!any_stated || r.date_stated) && r.status == EventStatus::Occurred)
                .find_map(|r| r.date.as_ref());
            let latest_told_done = reps
                .iter()
                .rev()
                .filter(|r| !any_stated || r.date_stated)
                .find(|r| r.date.is_some())
                .is_some_and(|r| r.status == EventStatus::Occurred);
            if let (Some(first), Some((cur, _))) = (first_told, date.as_ref()) {
                if latest_told_done && !first.0.overlaps(cur) {
                    date = Some(first.clone());
                }
            }
        }
    }

    // Place: the latest report's.
    let location = reps.iter().rev().find_map(|r| r.location.clone());

    let mut conflicts = Vec::new();
    status_conflict(&reps, status, &mut conflicts);
    date_conflict(&reps, date.as_ref(), &mut conflicts);
    location_conflict(&reps, location.as_ref(), &mut conflicts);
    let participants = participants_and_conflicts(members, &mut conflicts);
    described_conflicts(members, &mut conflicts);

    // The parties: those the mentions name, except that an event many sentences
    // tell keeps only parties at least a fifth of them name (one sentence about a
    // third country's minister joining does not make the talks trilateral).
    let mut named: BTreeMap<String, usize> = BTreeMap::new();
    for m in members {
        let own: BTreeSet<String> = m
            .actors
            .iter()
            .map(|a| a.trim().to_uppercase())
            .filter(|a| !a.is_empty())
            .collect();
        for a in own {
            *named.entry(a).or_default() += 1;
        }
    }
    let floor = if members.len() >= 5 {
        members.len().div_ceil(5)
    } else {
        1
    };
    let mut actors: Vec<String> = named
        .iter()
        .filter(|(_, n)| **n >= floor)
        .map(|(a, _)| a.clone())
        .collect();
    if actors.is_empty() {
        actors = named.into_keys().collect();
    }
    let mode = members.iter().rev().find_map(|m| m.mode.clone());
    let source = members
        .iter()
        .rev()
        .find_map(|m| m.source.as_ref().map(actor_of));
    let target = members
        .iter()
        .rev()
        .find_map(|m| m.target.as_ref().map(actor_of));

    let status_history = reps
        .iter()
        .map(|r| StatusEntry {
            doc: r.doc.to_string(),
            published: r.published.clone(),
            status: r.status.as_str().to_string(),
            date: r.date.as_ref().map(|(_, d)| d.clone()),
            location: r.location.as_ref().map(|(_, l)| l.clone()),
        })
        .collect();
    let mentions = members
        .iter()
        .map(|m| MentionRef {
            doc: m.doc.clone(),
            mention: m.id.clone(),
            sentence: m.sentence_text.clone(),
            sentence_span: [m.sentence.start, m.sentence.end],
        })
        .collect();
    let date = date.map(|(_, d)| d);
    let location = location.map(|(_, l)| l);
    let summary = summary_line(
        event_type.as_str(),
        &actors,
        status,
        date.as_ref(),
        location.as_ref(),
        &participants,
        members,
    );
    CanonicalEvent {
        id,
        event_type,
        mode,
        status,
        status_history,
        date,
        location,
        actors,
        source,
        target,
        participants,
        mentions,
        conflicts,
        block: block.to_string(),
        summary,
    }
}

fn summary_line(
    ty: &str,
    actors: &[String],
    status: EventStatus,
    date: Option<&FusedDate>,
    location: Option<&FusedLocation>,
    participants: &[FusedParticipant],
    members: &[&EventMention],
) -> String {
    let mut s = format!("{ty} {} ({status})", actors.join("-"));
    if let Some(d) = date {
        s.push_str(&format!(" {}", d.value));
    }
    if let Some(l) = location {
        s.push_str(&format!(" in {}", l.name));
    }
    if !participants.is_empty() {
        let names: Vec<&str> = participants.iter().map(|p| p.name.as_str()).collect();
        s.push_str(&format!(" with {}", names.join(", ")));
    }
    // Every report's wording, so that a search finds the event by any of them.
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    for m in members.iter().take(MAX_SUMMARY_SENTENCES) {
        let t = m.sentence_text.trim();
        if seen.insert(t) {
            s.push_str(if seen.len() == 1 { ": " } else { " | " });
            s.push_str(t);
        }
    }
    s
}

/// Sentences quoted in an event's summary; more only lengthens the index.
const MAX_SUMMARY_SENTENCES: usize = 8;

/// A plain planned → occurred sequence is the normal life of an event; any other
/// change between reports (a plan postponed, cancelled, denied, or a plan reported
/// after the event took place) is recorded with what the engine believes.
fn status_conflict(reps: &[Report], current: EventStatus, out: &mut Vec<Conflict>) {
    let distinct: BTreeSet<EventStatus> = reps.iter().map(|r| r.status).collect();
    if distinct.len() < 2 {
        return;
    }
    let ordinary = distinct.iter().all(|s| {
        matches!(
            s,
            EventStatus::Planned | EventStatus::Occurred | EventStatus::Ongoing
        )
    });
    let regressed = reps
        .windows(2)
        .any(|w| matches!(w, [a, b] if a.status == EventStatus::Occurred && is_plan(b.status)));
    if ordinary && !regressed {
        return;
    }
    let latest_changes_plan = reps
        .last()
        .is_some_and(|l| l.status == current && reps.iter().any(|r| r.status != current));
    let reason = if current == EventStatus::Occurred && regressed {
        "a report that the event took place outweighs a later report of it as a plan".to_string()
    } else if latest_changes_plan {
        "later report supersedes plan".to_string()
    } else {
        "latest report".to_string()
    };
    out.push(Conflict {
        field: "status".into(),
        values: group_values(
            reps.iter()
                .map(|r| (r.status.as_str().to_string(), r.doc.to_string())),
        ),
        resolution: current.as_str().to_string(),
        reason,
    });
}

/// Dates disagree when a report's date does not even overlap the event's date
/// (different grains of one date — January and 7 January — agree).
fn date_conflict(
    reps: &[Report],
    current: Option<&(DayRange, FusedDate)>,
    out: &mut Vec<Conflict>,
) {
    let Some((cur, cur_value)) = current else {
        return;
    };
    // An inferred day ("has captured", read on the report's day) does not
    // contradict a day another report states.
    let any_stated = reps.iter().any(|r| r.date.is_some() && r.date_stated);
    let counted = |r: &&Report| !any_stated || r.date_stated;
    // A summit held over days is told by the day each report speaks of (the
    // dinner on the first, the talks on the second): days that close to the
    // one the event is dated by, where both tell of it held, disagree on nothing.
    let summit_days = crate::score::Weights::bundled().summit_days;
    // Held over days: reports tell of it held on another day close to this one.
    // Only reports out on the day they tell of witness a day of it: a later
    // report that gives another day than a witness ("met Putin on Wednesday",
    // out on Thursday … "met Putin on June 28", weeks later) disagrees.
    let held_days: Vec<DayRange> = reps
        .iter()
        .filter_map(Report::witnessed_day)
        .filter(|d| d.gap_days(cur) < summit_days)
        .collect();
    let over_days =
        held_days.iter().any(|d| d.overlaps(cur)) && held_days.iter().any(|d| !d.overlaps(cur));
    // Then a plan dated by one of its days ("due to meet on Feb. 27 and 28")
    // disagrees on nothing either.
    let same_summit = |_: &Report, d: &DayRange| over_days && d.gap_days(cur) < summit_days;
    let clashing: Vec<&Report> = reps
        .iter()
        .filter(counted)
        .filter(|r| {
            r.date
                .as_ref()
                .is_some_and(|(d, _)| !d.overlaps(cur) && !same_summit(r, d))
        })
        .collect();
    if clashing.is_empty() {
        return;
    }
    let all_plans = clashing.iter().all(|r| is_plan(r.status));
    // The day chosen is not the latest report's: a witness outweighed it.
    let latest_retells = reps
        .iter()
        .filter(counted)
        .rev()
        .find_map(|r| r.date.as_ref())
        .is_some_and(|(d, _)| !d.overlaps(cur));
    let values = group_values(reps.iter().filter(counted).filter_map(|r| {
        let (d, fd) = r.date.as_ref()?;
        let v = if d.overlaps(cur) {
            cur_value.value.clone()
        } else {
            fd.value.clone()
        };
        Some((v, r.doc.to_string()))
    }));
    out.push(Conflict {
        field: "date".into(),
        values,
        resolution: cur_value.value.clone(),
        reason: if all_plans {
            "later report supersedes plan".into()
        } else if latest_retells {
            "a report out on the day outweighs a later retelling".into()
        } else {
            "latest report".into()
        },
    });
}

/// Places disagree when reports name different countries, or one says in person
/// and another virtual; two names in one country are the same place in other words.
fn location_conflict(
    reps: &[Report],
    current: Option<&(String, FusedLocation)>,
    out: &mut Vec<Conflict>,
) {
    let Some((cur_key, cur_loc)) = current else {
        return;
    };
    let keys: BTreeSet<&str> = reps
        .iter()
        .filter_map(|r| r.location.as_ref().map(|(k, _)| k.as_str()))
        .collect();
    if keys.len() < 2 {
        return;
    }
    let others_plans = reps
        .iter()
        .filter(|r| r.location.as_ref().is_some_and(|(k, _)| k != cur_key))
        .all(|r| is_plan(r.status));
    let describe = |l: &FusedLocation| match &l.country {
        Some(c) if !l.name.eq_ignore_ascii_case(c) => format!("{} ({c})", l.name),
        _ => l.name.clone(),
    };
    out.push(Conflict {
        field: "location".into(),
        // One value per place (country or virtual), worded as the first report put it.
        values: {
            let mut first_words: BTreeMap<&str, String> = BTreeMap::new();
            group_values(reps.iter().filter_map(|r| {
                let (k, l) = r.location.as_ref()?;
                let v = first_words.entry(k.as_str()).or_insert_with(|| describe(l));
                Some((v.clone(), r.doc.to_string()))
            }))
        },
        resolution: describe(cur_loc),
        reason: if others_plans {
            "later report supersedes plan".into()
        } else {
            "latest report".into()
        },
    });
}

/// Reports naming a person to an office the knowledge base gives another:
/// (the reports, the true holder, the reason).
type KbClash = (Vec<String>, Option<String>, String);

/// Participants merged across reports (the latest report's wording of each
/// person wins), leaving out people the knowledge base rules out; conflicts for
/// those, and for reports that give one office to different people.
/// Whether `person` follows the phrase `party` in apposition: a comma, then
/// only other people the mention names, commas and "and" between
/// ("their foreign ministers, Antony Blinken and Sergei Lavrov").
fn in_apposition(m: &EventMention, party: Span, person: Span) -> bool {
    if person.start < party.end || party.start < m.sentence.start {
        return false;
    }
    let text = |a: usize, b: usize| {
        m.sentence_text
            .get(a - m.sentence.start..b - m.sentence.start)
            .map(|t| t.trim_matches(|c: char| c.is_whitespace()))
    };
    let mut others: Vec<Span> = m
        .participants
        .iter()
        .map(|q| q.span)
        .filter(|q| q.start >= party.end && q.end <= person.start)
        .collect();
    others.sort_by_key(|q| q.start);
    let mut cur = party.end;
    let mut pieces = Vec::new();
    for q in others.iter().chain(std::iter::once(&person)) {
        if q.start < cur {
            return false;
        }
        pieces.push(text(cur, q.start));
        cur = q.end;
    }
    pieces.first() == Some(&Some(","))
        && pieces.iter().all(|p| {
            p.is_some_and(|t| {
                let t = t.trim_matches(|c: char| c == ',' || c.is_whitespace());
                t.is_empty() || t == "and"
            })
        })
}

fn participants_and_conflicts(
    members: &[&EventMention],
    out: &mut Vec<Conflict>,
) -> Vec<FusedParticipant> {
    let mut people: Vec<(String, FusedParticipant)> = Vec::new();
    // How many mentions name each person (by surname key).
    let mut named: BTreeMap<String, usize> = BTreeMap::new();
    // (claimed name, claimed role) → (docs, holder, reason)
    let mut anachronisms: BTreeMap<(String, String), KbClash> = BTreeMap::new();
    for m in members.iter().rev() {
        for p in &m.participants {
            let mut p = p.clone();
            if let Some(a) = p.anachronism.take() {
                let entry = anachronisms
                    .entry((p.name.clone(), a.claimed_role.clone()))
                    .or_insert_with(|| (Vec::new(), a.holder.clone(), kb_reason(&p.name, &a)));
                if !entry.0.contains(&m.doc) {
                    entry.0.push(m.doc.clone());
                }
                // Someone who held another office that day ("CIA Director
                // Mike Pompeo", weeks after he became Secretary of State) is
                // named rightly under a stale title: they take part.
                // (A role from the knowledge base is a key, "foreign_minister";
                // a report's own title, "Minister of Defense", tells nothing.)
                let other_office = p.role.as_ref().is_some_and(|r| {
                    *r != a.claimed_role
                        && !r.is_empty()
                        && r.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                });
                if !other_office {
                    // Else the report meant whoever held the office it names:
                    // the knowledge base's holder takes part in the person's place.
                    let Some(holder) = a.holder.clone() else {
                        continue;
                    };
                    p.name = holder;
                    p.role = Some(a.claimed_role.clone());
                }
            }
            let key = surname_key(&p.name);
            if key.is_empty() {
                continue;
            }
            // Someone the act is told of as its doer or counterpart ("Emanuel
            // is also taking part") weighs as much as two passing names.
            // (So does a companion the report says went along.)
            // So does one the act's doer or counterpart names in apposition
            // ("with their foreign ministers, Antony Blinken and Sergei
            // Lavrov").
            let party = p.companion
                || [&m.source, &m.target]
                    .into_iter()
                    .flatten()
                    .any(|a| a.span.contains(p.span) || in_apposition(m, a.span, p.span));
            *named.entry(key.clone()).or_default() += if party { 2 } else { 1 };
            let country = p.country.clone();
            let found = people.iter_mut().find(|(k, q)| {
                *k == key && (q.country.is_none() || country.is_none() || q.country == country)
            });
            match found {
                Some((_, q)) => {
                    if !q.docs.contains(&m.doc) {
                        q.docs.push(m.doc.clone());
                    }
                    // Keep the fullest name and fill what the latest report left out.
                    if p.name.len() > q.name.len() {
                        q.name = p.name.clone();
                    }
                    if q.role.is_none() {
                        q.role = p.role.clone();
                    }
                    if q.actor.is_none() {
                        q.actor = p.actor.clone();
                    }
                    if q.country.is_none() {
                        q.country = p.country.clone();
                    }
                }
                None => people.push((
                    key,
                    FusedParticipant {
                        name: p.name.clone(),
                        actor: p.actor.clone(),
                        country: p.country.clone(),
                        role: p.role.clone(),
                        docs: vec![m.doc.clone()],
                    },
                )),
            }
        }
    }
    for ((name, role), (docs, holder, reason)) in anachronisms {
        let mut values = vec![ConflictValue {
            value: format!("{name}, {role}"),
            docs: docs.clone(),
        }];
        let resolution = match &holder {
            Some(h) => {
                let hk = surname_key(h);
                // The reports that name the holder themselves (the ones that
                // gave the wrong name only stand in for the holder).
                let holder_docs: Vec<String> = people
                    .iter()
                    .find(|(k, _)| *k == hk)
                    .map(|(_, q)| q.docs.clone())
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|d| !docs.contains(d))
                    .collect();
                values.push(ConflictValue {
                    value: format!("{h}, {role}"),
                    docs: holder_docs,
                });
                h.clone()
            }
            None => format!("not {name}"),
        };
        out.push(Conflict {
            field: "participants".into(),
            values,
            resolution,
            reason,
        });
    }
    role_conflicts(&people, out);
    // An event many sentences tell keeps the people more than one of them names:
    // a leader named once in passing ("since Kishida's cabinet was formed") is
    // context, not a participant.
    let telling = members
        .iter()
        .filter(|m| !m.participants.is_empty())
        .count();
    if telling >= 4 {
        people.retain(|(k, _)| named.get(k).copied().unwrap_or(0) >= 2);
    }
    let mut list: Vec<FusedParticipant> = people.into_iter().map(|(_, p)| p).collect();
    list.sort_by(|a, b| a.country.cmp(&b.country).then_with(|| a.name.cmp(&b.name)));
    for p in &mut list {
        p.docs.sort();
    }
    list
}

/// Who signs: one report gives an agreement's signatories by office ("the
/// ministers sign the agreement"), a later one names someone who holds no such
/// office ("Hayashi and interim ambassador Greene will sign"). The later report
/// answers. Only for agreements: a meeting's attendance grows without anyone
/// being wrong, a signature does not.
fn described_conflicts(members: &[&EventMention], out: &mut Vec<Conflict>) {
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for d in members.iter().filter(|m| m.event_type == EventType::Agree) {
        let (Some(desc), Some(d_published)) = (&d.described, d.published) else {
            continue;
        };
        for n in members.iter().filter(|n| {
            n.event_type == EventType::Agree
                && n.doc != d.doc
                && n.published.is_some_and(|p| p.date > d_published.date)
                && !n.participants.is_empty()
        }) {
            if seen.contains(&(d.doc.as_str(), n.doc.as_str())) {
                continue;
            }
            let misfit = n.participants.iter().find(|p| {
                p.role
                    .as_ref()
                    .is_none_or(|r| !desc.roles.iter().any(|x| x == r))
            });
            let Some(misfit) = misfit else { continue };
            seen.push((d.doc.as_str(), n.doc.as_str()));
            let names: Vec<&str> = n.participants.iter().map(|p| p.name.as_str()).collect();
            let named = names.join(" and ");
            let office = misfit
                .role
                .as_deref()
                .map(|r| r.replace('_', " "))
                .unwrap_or_else(|| "no office on record".to_string());
            out.push(Conflict {
                field: "participants".into(),
                values: vec![
                    ConflictValue {
                        value: desc.text.clone(),
                        docs: vec![d.doc.clone()],
                    },
                    ConflictValue {
                        value: named.clone(),
                        docs: vec![n.doc.clone()],
                    },
                ],
                resolution: named,
                reason: format!(
                    "later report names who signs: {} ({office}) is not among \"{}\"",
                    misfit.name, desc.text
                ),
            });
        }
    }
}

fn kb_reason(name: &str, a: &dyad_core::Anachronism) -> String {
    let term = |t: &Option<(Option<String>, Option<String>)>| -> String {
        match t {
            Some((Some(s), Some(e))) => format!("from {s} to {e}"),
            Some((Some(s), None)) => format!("from {s}"),
            Some((None, Some(e))) => format!("until {e}"),
            _ => String::new(),
        }
    };
    let mut reason = match (&a.holder, term(&a.holder_term)) {
        (Some(h), t) if !t.is_empty() => format!("knowledge base: {h} held the post {t}"),
        (Some(h), _) => format!("knowledge base: {h} held the post"),
        (None, _) => format!("knowledge base: {name} did not hold the post"),
    };
    let pt = term(&a.person_term);
    if !pt.is_empty() {
        reason.push_str(&format!("; {name} held it {pt}"));
    }
    if let Some(src) = &a.source {
        reason.push_str(&format!(" ({src})"));
    }
    reason
}

/// Reports disagree on who held a part when they give one office of one country to
/// different people and neither report names the other person.
fn role_conflicts(people: &[(String, FusedParticipant)], out: &mut Vec<Conflict>) {
    let mut by_role: BTreeMap<(String, String), Vec<&FusedParticipant>> = BTreeMap::new();
    for (_, p) in people {
        if let (Some(r), Some(c)) = (&p.role, &p.country) {
            by_role
                .entry((c.clone(), r.trim().to_lowercase()))
                .or_default()
                .push(p);
        }
    }
    for ((_, role), ps) in by_role {
        if ps.len() < 2 {
            continue;
        }
        let disjoint = ps.iter().enumerate().all(|(i, a)| {
            ps.iter()
                .skip(i + 1)
                .all(|b| a.docs.iter().all(|d| !b.docs.contains(d)))
        });
        if !disjoint {
            continue;
        }
        // The person named by the latest report (docs are in newest-first order
        // before sorting) is kept as the resolution.
        let values: Vec<ConflictValue> = ps
            .iter()
            .map(|p| ConflictValue {
                value: format!("{}, {}", p.name, p.role.clone().unwrap_or(role.clone())),
                docs: p.docs.clone(),
            })
            .collect();
        let resolution = ps.first().map(|p| p.name.clone()).unwrap_or_default();
        out.push(Conflict {
            field: "participants".into(),
            values,
            resolution,
            reason: "latest report".into(),
        });
    }
}
