//! Deciding a report's publication date, and saying where it came from.
//!
//! In order of trust:
//! 1. **input** — the page's own metadata (`article:published_time`, JSON-LD
//!    `datePublished`, `<time>`), a corpus row's `published`;
//! 2. **text** — a date the text states for itself: a "Published …" stamp, a
//!    dated dateline, an "Updated …" stamp, a dated photo caption (the picture of
//!    the day, unless it says it is a file photo);
//! 3. **input** — the `--published` flag, for inputs that carry none;
//! 4. **inferred** — reasoned from the content: named eras ("Omicron" dates a text
//!    after November 2021), explicit years and their tense, a dateline's day and
//!    month with the weekday the lead names (and the weekdays named from it, "next
//!    Wednesday", that land on a day the report names, "on 24 May"), "next
//!    month" against the month a plan
//!    names, and windows from later stages ([`DateEvidence`]: the terms of the
//!    office-holders a report names).
//!
//! Inference scores every candidate year by the weight of the evidence it agrees
//! with, and only answers when the evidence is strong enough; the answer carries a
//! confidence and the reasons.

use crate::cues::Cues;
use crate::dates::{self, DateMatch};
use chrono::{Datelike, Months, NaiveDate};
use dyad_core::{DateValue, Diagnostic, Grain, Published, PublishedFrom};
use regex::Regex;
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// Where a candidate date was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DateSource {
    Metadata,
    PublishedStamp,
    Dateline,
    UpdatedStamp,
    Caption,
}

/// A date the input or its text states, with the text it was read from.
#[derive(Debug, Clone)]
pub struct DateCandidate {
    pub value: DateValue,
    pub source: DateSource,
    pub evidence: String,
}

impl DateCandidate {
    pub fn from_match(m: &DateMatch, source: DateSource, line: &str) -> DateCandidate {
        let date = m.date().unwrap_or_default();
        let value = match m.time {
            Some(t) => DateValue::datetime(date.and_time(t), m.offset_minutes, Grain::Minute),
            None => DateValue::day(date),
        };
        DateCandidate {
            value,
            source,
            evidence: line.trim().to_string(),
        }
    }
    pub fn given(value: DateValue, source: DateSource, evidence: String) -> DateCandidate {
        DateCandidate {
            value,
            source,
            evidence,
        }
    }
}

/// A window the publication date must fall in, as a later stage sees it ("the
/// report calls Yoko Kamikawa foreign minister: she held the post 2023-09-13 to
/// 2024-10-01").
#[derive(Debug, Clone, PartialEq)]
pub struct DateWindow {
    pub not_before: Option<NaiveDate>,
    pub not_after: Option<NaiveDate>,
    pub weight: f32,
    pub reason: String,
}

/// Evidence about a report's date from outside the reader (e.g. the knowledge
/// base's office terms). Implemented by the binary, which knows every stage.
pub trait DateEvidence: Send + Sync {
    fn windows(&self, text: &str) -> Vec<DateWindow>;
}

pub struct DatingContext<'a> {
    pub given: Option<DateValue>,
    pub candidates: Vec<DateCandidate>,
    pub dateline: Option<DateMatch>,
    pub body: &'a str,
    pub removed: &'a [String],
    pub title: Option<&'a str>,
    pub cues: &'a Cues,
    pub external: &'a [DateWindow],
    pub today: Option<NaiveDate>,
}

/// Decides the publication date; notes what was uncertain.
pub fn decide(ctx: &DatingContext<'_>) -> (Option<Published>, Vec<Diagnostic>) {
    let mut notes = Vec::new();
    // 1. Metadata the input carries.
    if let Some(c) = ctx
        .candidates
        .iter()
        .find(|c| c.source == DateSource::Metadata)
    {
        return (
            Some(published(c.value, PublishedFrom::Input, 0.98, &c.evidence)),
            notes,
        );
    }
    // 2. Stated in the text.
    let mut stated: Vec<&DateCandidate> = ctx
        .candidates
        .iter()
        .filter(|c| c.source != DateSource::Metadata)
        .collect();
    stated.sort_by_key(|c| c.source);
    if let Some(best) = stated.first() {
        let mut confidence = match best.source {
            DateSource::PublishedStamp => 0.97,
            DateSource::Dateline => 0.95,
            DateSource::UpdatedStamp => 0.85,
            _ => 0.7,
        };
        if best.source == DateSource::Caption {
            // A caption date agreeing with the weekday the lead names is the report's day.
            let wd = best.value.date.weekday().number_from_monday();
            if lead_weekdays(ctx.body).contains(&wd) {
                confidence = 0.85;
            }
            let others = stated
                .iter()
                .filter(|c| c.value.date != best.value.date)
                .count();
            if others > 0 {
                notes.push(Diagnostic::warning(format!(
                    "captions give {} different dates; took {}",
                    others + 1,
                    best.value
                )));
            }
        }
        return (
            Some(published(
                best.value,
                PublishedFrom::Text,
                confidence,
                &best.evidence,
            )),
            notes,
        );
    }
    // 3. The caller's flag.
    if let Some(v) = ctx.given {
        return (
            Some(published(
                v,
                PublishedFrom::Input,
                0.95,
                "given with the input",
            )),
            notes,
        );
    }
    // 4. Inference.
    match infer(ctx) {
        Some(p) => (Some(p), notes),
        None => {
            notes.push(Diagnostic::warning(
                "no publication date given, stated or inferable",
            ));
            (None, notes)
        }
    }
}

fn published(value: DateValue, from: PublishedFrom, confidence: f32, evidence: &str) -> Published {
    Published {
        value,
        from,
        confidence,
        evidence: Some(evidence.to_string()),
        span: None,
    }
}

fn year_rx() -> &'static Regex {
    static RX: OnceLock<Regex> = OnceLock::new();
    RX.get_or_init(|| {
        Regex::new(r"(?-u:\b)(19[5-9]\d|20\d\d)(?-u:\b)").expect("year pattern compiles")
    })
}

fn rel_month_rx() -> &'static Regex {
    static RX: OnceLock<Regex> = OnceLock::new();
    RX.get_or_init(|| {
        Regex::new(r"(?i)(?-u:\b)(next|last|this|later this|earlier this) month(?-u:\b)")
            .expect("relative month pattern compiles")
    })
}

const FUTURE_CUES: &[&str] = &[
    " will ",
    " would ",
    " to be held",
    " due to ",
    " due ",
    " plan",
    " planned",
    " scheduled",
    " expected",
    " upcoming",
    " next ",
    " set to ",
    " is to ",
    " are to ",
    " ahead of",
    " considering",
    " aims to",
    " intends",
];

/// The sentence of `text` around byte `at`.
fn sentence_around(text: &str, at: usize) -> &str {
    let b = text.as_bytes();
    // A full stop ends a sentence when a capital or a line break follows and the word
    // before it is not a short abbreviation ("Jan. 7", "U.S. troops", "Mr. Kishi").
    let is_end = |p: usize| -> bool {
        match b[p] {
            b'\n' | b'!' | b'?' => true,
            b'.' => {
                let next = text[p + 1..].trim_start_matches([' ', '"', '\'']);
                let word = text[..p].rsplit([' ', '\n', '(']).next().unwrap_or("");
                let abbrev = word.len() <= 3 && word.starts_with(|c: char| c.is_uppercase())
                    || word.contains('.');
                next.is_empty()
                    || next.starts_with('\n')
                    || (next.starts_with(|c: char| c.is_uppercase()) && !abbrev)
            }
            _ => false,
        }
    };
    let start = (0..at).rev().find(|&p| is_end(p)).map_or(0, |p| p + 1);
    let end = (at..b.len()).find(|&p| is_end(p)).map_or(text.len(), |p| p);
    &text[start..end]
}

/// The tense of a date mention from the words just before it ("last November",
/// "since 2018", "next month", "by 2030"), when they say.
fn local_tense(text: &str, at: usize) -> Option<bool> {
    let before = &text[..at];
    let words: Vec<String> = before
        .rsplit(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .take(3)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    const PAST: &[&str] = &[
        "last", "since", "earlier", "previous", "past", "ago", "late", "early",
    ];
    const FUTURE: &[&str] = &["next", "coming", "until", "by", "upcoming"];
    match words.first().map(String::as_str) {
        Some(w) if PAST.contains(&w) && w != "late" && w != "early" => return Some(false),
        Some(w) if FUTURE.contains(&w) => return Some(true),
        _ => {}
    }
    if words.iter().take(2).any(|w| w == "last" || w == "since") {
        return Some(false);
    }
    None
}

/// Whether the mention at `at` speaks of something ahead: the words just before
/// it, else the sentence's tense cues.
fn is_ahead(text: &str, at: usize) -> bool {
    local_tense(text, at).unwrap_or_else(|| is_future(sentence_around(text, at)))
}

fn is_future(sentence: &str) -> bool {
    let s = format!(" {} ", sentence.to_lowercase());
    FUTURE_CUES.iter().any(|c| s.contains(c))
}

/// Headlines speak of plans as "X to host Y".
fn is_future_headline(title: &str) -> bool {
    is_future(title) || format!(" {} ", title.to_lowercase()).contains(" to ")
}

/// Weekdays the lead paragraph names (the report's day, or the day before).
fn lead_weekdays(body: &str) -> Vec<u32> {
    // (The body may open with its headline or a section line: the lead is the
    // first paragraph long enough to be one.)
    let lead = body
        .split("\n\n")
        .find(|p| p.split_whitespace().count() >= 15)
        .unwrap_or("");
    dates::weekday_mentions(lead)
        .into_iter()
        // "next Wednesday", "last Friday" name another week's day.
        .filter(|&(at, _)| {
            let before = lead[..at].trim_end().to_lowercase();
            ![
                "next",
                "last",
                "this",
                "coming",
                "following",
                "previous",
                "until",
                "by",
                // "a meeting arranged for Saturday": the plan's day.
                "for",
            ]
            .iter()
            .any(|w| before.ends_with(w))
        })
        .map(|(_, d)| d)
        .collect()
}

/// How far from the report's day a weekday the text names may fall.
#[derive(Clone, Copy, Debug)]
enum WeekdayReach {
    /// "On Friday", "this Friday": the nearest one ahead.
    Near,
    /// "Said on Wednesday": the nearest one behind, told in the past.
    NearBack,
    /// "Next Wednesday": this week's or the following one's.
    Next,
    /// "Last Friday": one of the two before.
    Back,
}

/// Weekdays the text names relative to the report's day ("next Wednesday",
/// "on Friday", "last Friday").
fn relative_weekdays(text: &str) -> Vec<(u32, WeekdayReach)> {
    dates::weekday_mentions(text)
        .into_iter()
        .map(|(at, d)| {
            let before = text[..at].trim_end().to_lowercase();
            let reach = if before.ends_with("last") || before.ends_with("previous") {
                WeekdayReach::Back
            } else if ["next", "following", "coming"]
                .iter()
                .any(|w| before.ends_with(w))
            {
                WeekdayReach::Next
            } else if before.ends_with(" for") || is_ahead(text, at) {
                // ("arranged for Saturday": the day a plan was set for.)
                WeekdayReach::Near
            } else {
                WeekdayReach::NearBack
            };
            (d, reach)
        })
        .collect()
}

/// The days the text names without a year ("the meeting on 24 May") that a
/// weekday it names relative to the report's day ("next Wednesday") lands on,
/// if the report is of `day`. In the year the report was written the two agree;
/// in another year the same weekday falls elsewhere.
fn weekday_agreements(
    day: NaiveDate,
    relative: &[(u32, WeekdayReach)],
    named: &[(u32, u32)],
) -> Vec<(u32, u32)> {
    let mut hits: Vec<(u32, u32)> = Vec::new();
    for &(wd, reach) in relative {
        let shifts: Vec<i64> = match reach {
            WeekdayReach::Near => (1..=7).collect(),
            WeekdayReach::NearBack => (1..=7).map(|k| -k).collect(),
            WeekdayReach::Next => (1..=13).collect(),
            WeekdayReach::Back => (1..=13).map(|k| -k).collect(),
        };
        for k in shifts {
            let Some(d) = day.checked_add_signed(chrono::Duration::days(k)) else {
                continue;
            };
            let md = (d.month(), d.day());
            if d.weekday().number_from_monday() == wd && named.contains(&md) && !hits.contains(&md)
            {
                hits.push(md);
            }
        }
    }
    hits
}

struct Window {
    lo: NaiveDate,
    hi: NaiveDate,
    weight: f32,
    reason: String,
}

fn infer(ctx: &DatingContext<'_>) -> Option<Published> {
    let min = NaiveDate::from_ymd_opt(1950, 1, 1)?;
    let today = ctx.today.unwrap_or(NaiveDate::from_ymd_opt(2100, 12, 31)?);
    let mut all = String::new();
    if let Some(t) = ctx.title {
        all.push_str(t);
        all.push_str(".\n");
    }
    all.push_str(ctx.body);
    let text = all.as_str();
    let mut windows: Vec<Window> = Vec::new();

    for era in &ctx.cues.eras {
        if era.pattern.is_match(text) {
            windows.push(Window {
                lo: era.not_before.unwrap_or(min),
                hi: era.not_after.unwrap_or(today),
                weight: 2.0,
                reason: format!("“{}”: {}", era.phrase, era.why),
            });
        }
    }
    let mut max_past_year = None;
    for m in year_rx().find_iter(text) {
        let Ok(y) = m.as_str().parse::<i32>() else {
            continue;
        };
        // Not a part of a larger number ("1,2016") or an amount ("$2020").
        let before = &text[..m.start()];
        if before.ends_with([',', '$', '.']) || text[m.end()..].starts_with('%') {
            continue;
        }
        let near = before[before.len().saturating_sub(24)..].to_lowercase();
        let starts = [
            "beginning in",
            "starting in",
            "from",
            "effective",
            "beginning",
            "starting",
        ]
        .iter()
        .any(|c| {
            near.trim_end()
                .trim_end_matches("fiscal year")
                .trim_end()
                .trim_end_matches("fiscal")
                .trim_end()
                .ends_with(c)
        });
        let ahead = is_ahead(text, m.start());
        if starts && (ahead || near.contains("beginning")) {
            windows.push(Window {
                lo: min,
                hi: NaiveDate::from_ymd_opt(y - 1, 12, 31)?,
                weight: 0.6,
                reason: format!("something begins in {y}, still ahead"),
            });
        } else if ahead {
            windows.push(Window {
                lo: min,
                hi: NaiveDate::from_ymd_opt(y, 12, 31)?,
                weight: 0.5,
                reason: format!("{y} is spoken of as ahead"),
            });
        } else {
            windows.push(Window {
                lo: NaiveDate::from_ymd_opt(y, 1, 1)?,
                hi: today,
                weight: 1.0,
                reason: format!("mentions {y} as known"),
            });
            max_past_year = Some(max_past_year.map_or(y, |p: i32| p.max(y)));
        }
    }
    if let Some(y) = max_past_year {
        windows.push(Window {
            lo: NaiveDate::from_ymd_opt(y, 1, 1)?,
            hi: NaiveDate::from_ymd_opt(y + 1, 12, 31)?,
            weight: 0.5,
            reason: format!("{y} is the latest year the report looks back on"),
        });
    }
    for w in ctx.external {
        windows.push(Window {
            lo: w.not_before.unwrap_or(min),
            hi: w.not_after.unwrap_or(today),
            weight: w.weight,
            reason: w.reason.clone(),
        });
    }

    // Month and day, where the text fixes them.
    let mut month_day: Option<(u32, Option<u32>, &'static str)> = None;
    if let Some(d) = &ctx.dateline {
        month_day = Some((d.month, d.day, "dateline"));
    }
    if month_day.is_none() {
        month_day = relative_month(text, ctx.title).map(|m| (m, None, "relative month"));
    }
    if month_day.is_none() {
        // A plan for a day this month ("will hold talks on July 28").
        for m in dates::parse_date_text(text) {
            if m.year.is_none() && m.day.is_some() && is_ahead(text, m.start) {
                month_day = Some((m.month, None, "a plan's day"));
                break;
            }
        }
    }
    if month_day.is_none() {
        // Evidence from outside that fixes a calendar month ("named foreign
        // minister last month", with the knowledge base's day the term began).
        let months: BTreeSet<u32> = ctx
            .external
            .iter()
            .filter(|w| w.weight >= 2.0)
            .filter_map(|w| match (w.not_before, w.not_after) {
                (Some(lo), Some(hi)) if (lo.year(), lo.month()) == (hi.year(), hi.month()) => {
                    Some(lo.month())
                }
                _ => None,
            })
            .collect();
        if let (1, Some(&mo)) = (months.len(), months.iter().next()) {
            month_day = Some((mo, None, "month an appointment fixes"));
        }
    }
    let lead_wd = lead_weekdays(ctx.body);
    let relative_wd = relative_weekdays(text);
    let named_days: Vec<(u32, u32)> = dates::parse_date_text(text)
        .into_iter()
        .filter(|m| m.year.is_none())
        .filter_map(|m| Some((m.month, m.day?)))
        .collect();

    let first_year = windows
        .iter()
        .map(|w| w.lo.year())
        .filter(|&y| y > 1950)
        .min();
    let last_year = today.year();
    let mut best: Option<(f32, i32, Vec<String>)> = None;
    let mut second = 0.0f32;
    let years_from = first_year.unwrap_or(last_year).max(1950);
    for y in years_from..=last_year {
        let (lo, hi) = match month_day {
            Some((mo, Some(d), _)) => {
                let Some(day) = NaiveDate::from_ymd_opt(y, mo, d) else {
                    continue;
                };
                (day, day)
            }
            Some((mo, None, _)) => {
                let Some(first) = NaiveDate::from_ymd_opt(y, mo, 1) else {
                    continue;
                };
                let last = first.checked_add_months(Months::new(1))?.pred_opt()?;
                (first, last)
            }
            None => (
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?,
            ),
        };
        if lo > today {
            continue;
        }
        let mut score = 0.0;
        let mut reasons = Vec::new();
        for w in &windows {
            if w.lo <= hi && lo <= w.hi {
                score += w.weight;
                reasons.push(w.reason.clone());
            }
        }
        if let Some((_, Some(_), _)) = month_day {
            let wd = lo.weekday().number_from_monday();
            if lead_wd.first() == Some(&wd) {
                score += 1.5;
                reasons.push("the lead's weekday falls on the dateline's day".into());
            } else if lead_wd.first().is_some_and(|&l| l % 7 + 1 == wd) {
                score += 0.7;
                reasons.push("the lead's weekday is the day before the dateline's".into());
            }
            let hits = weekday_agreements(lo, &relative_wd, &named_days);
            if !hits.is_empty() {
                score += hits.len().min(2) as f32;
                let days: Vec<String> = hits.iter().map(|(m, d)| format!("{d}/{m}")).collect();
                reasons.push(format!(
                    "weekdays named from the dateline's day fall on days the report names ({})",
                    days.join(", ")
                ));
            }
        }
        match &best {
            Some((b, _, _)) if score <= *b => second = second.max(score),
            _ => {
                if let Some((b, _, _)) = &best {
                    second = second.max(*b);
                }
                best = Some((score, y, reasons));
            }
        }
    }
    // No day from a dateline: the report's day may still be fixed where a
    // weekday told from it ("arranged … for Saturday") falls on a day the
    // report names ("due on June 27") and the lead's weekday ("said on
    // Thursday") is the report's own. Years are weighed as above.
    if !matches!(month_day, Some((_, Some(_), _))) {
        let named_sided: Vec<((u32, u32), bool)> = dates::parse_date_text(text)
            .into_iter()
            .filter(|m| m.year.is_none())
            .filter_map(|m| Some(((m.month, m.day?), is_ahead(text, m.start))))
            .collect();
        if let Some(found) = day_by_weekdays(
            &windows,
            years_from,
            today,
            &lead_wd,
            &relative_wd,
            &named_sided,
        ) {
            return Some(found);
        }
    }
    let (score, year, reasons) = best?;
    // Too little to go on: one loose year mention is not a date.
    if score < 1.5 || score - second < 0.3 {
        return None;
    }
    let confidence = (0.4 + 0.1 * (score - second)).min(0.8);
    let value = match month_day {
        Some((mo, Some(d), _)) => DateValue::day(NaiveDate::from_ymd_opt(year, mo, d)?),
        Some((mo, None, _)) => DateValue::month(year, mo)?,
        None => DateValue::year(year)?,
    };
    let mut why = reasons;
    if let Some((_, _, how)) = month_day {
        why.insert(0, format!("month from the {how}"));
    }
    Some(Published {
        value,
        from: PublishedFrom::Inferred,
        confidence,
        evidence: Some(why.join("; ")),
        span: None,
    })
}

/// The report's day where the text fixes it without a dateline: a day whose
/// weekday is the lead's and from which a weekday the text names lands on a
/// day it names, in the year the other evidence favours. `None` where no such
/// day stands out.
fn day_by_weekdays(
    windows: &[Window],
    years_from: i32,
    today: NaiveDate,
    lead_wd: &[u32],
    relative_wd: &[(u32, WeekdayReach)],
    named_sided: &[((u32, u32), bool)],
) -> Option<Published> {
    let &lead = lead_wd.first()?;
    if relative_wd.is_empty() || named_sided.is_empty() {
        return None;
    }
    // A weekday told ahead lands on a day told ahead, one told in the past on
    // a day gone by: "arranged for Saturday" … "due on June 27".
    let ahead_wd: Vec<(u32, WeekdayReach)> = relative_wd
        .iter()
        .copied()
        .filter(|(_, r)| matches!(r, WeekdayReach::Near | WeekdayReach::Next))
        .collect();
    let back_wd: Vec<(u32, WeekdayReach)> = relative_wd
        .iter()
        .copied()
        .filter(|(_, r)| matches!(r, WeekdayReach::NearBack | WeekdayReach::Back))
        .collect();
    let ahead_days: Vec<(u32, u32)> = named_sided.iter().filter(|x| x.1).map(|x| x.0).collect();
    let back_days: Vec<(u32, u32)> = named_sided.iter().filter(|x| !x.1).map(|x| x.0).collect();
    let named_days: Vec<(u32, u32)> = named_sided.iter().map(|x| x.0).collect();
    let mut scored: Vec<(f32, NaiveDate, Vec<String>)> = Vec::new();
    for y in years_from..=today.year() {
        for &(mo, d) in &named_days {
            let Some(named) = NaiveDate::from_ymd_opt(y, mo, d) else {
                continue;
            };
            for k in -13i64..=13 {
                let Some(r) = named.checked_add_signed(chrono::Duration::days(k)) else {
                    continue;
                };
                if r > today
                    || r.weekday().number_from_monday() != lead
                    || scored.iter().any(|(_, x, _)| *x == r)
                {
                    continue;
                }
                let mut hits = weekday_agreements(r, &ahead_wd, &ahead_days);
                hits.extend(weekday_agreements(r, &back_wd, &back_days));
                if hits.is_empty() {
                    continue;
                }
                let mut score = 1.5 + hits.len().min(2) as f32;
                let mut reasons = vec![format!(
                    "the lead's weekday, with weekdays named from it falling on days the report names ({})",
                    hits.iter()
                        .map(|(m, d)| format!("{d}/{m}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )];
                for w in windows {
                    if w.lo <= r && r <= w.hi {
                        score += w.weight;
                        reasons.push(w.reason.clone());
                    }
                }
                scored.push((score, r, reasons));
            }
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (score, day, reasons) = scored.first()?.clone();
    let second = scored.get(1).map_or(0.0, |x| x.0);
    // The weekdays alone recur every few years: other evidence must pick one.
    if score < 4.0 || score - second < 0.3 {
        return None;
    }
    Some(Published {
        value: DateValue::day(day),
        from: PublishedFrom::Inferred,
        confidence: (0.4 + 0.1 * (score - second)).min(0.8),
        evidence: Some(reasons.join("; ")),
        span: None,
    })
}

/// "next month" with a month the report plans for → the month before it; "last
/// month" with a month it looks back on → the month after.
fn relative_month(text: &str, title: Option<&str>) -> Option<u32> {
    let title_len = title.map_or(0, |t| t.len() + 2);
    let m = rel_month_rx().captures(text)?;
    let which = m.get(1)?.as_str().to_lowercase();
    let mut future = Vec::new();
    let mut past = Vec::new();
    for w in text.split(|c: char| !c.is_alphanumeric() && c != '.') {
        let w = w.trim_end_matches('.');
        if w.len() < 3 || !w.starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        if let Some(n) = dates::month_number(w) {
            let at = w.as_ptr() as usize - text.as_ptr() as usize;
            let ahead = if at < title_len {
                title.is_some_and(is_future_headline)
            } else {
                is_ahead(text, at)
            };
            if ahead {
                future.push(n);
            } else {
                past.push(n);
            }
        }
    }
    match which.as_str() {
        "next" => future.first().map(|&n| if n == 1 { 12 } else { n - 1 }),
        "last" => past.last().map(|&n| if n == 12 { 1 } else { n + 1 }),
        _ => future.first().or(past.first()).copied(),
    }
}
