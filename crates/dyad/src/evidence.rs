//! Evidence from later stages that earlier stages may weigh, wired here because
//! only the binary knows every stage: the knowledge base's office terms help the
//! reader date a report that states no date ("Foreign Minister Yoko Kamikawa"
//! places a report between 2023-09-13 and 2024-10-01).

use dyad_kb::KnowledgeBase;
use dyad_read::dating::{DateEvidence, DateWindow};
use std::collections::HashMap;

/// Office terms of the titled people a report names, as date windows.
pub struct OfficeTermEvidence {
    kb: &'static KnowledgeBase,
}

impl OfficeTermEvidence {
    pub fn new(kb: &'static KnowledgeBase) -> Self {
        OfficeTermEvidence { kb }
    }
}

fn day(s: Option<&str>, end: bool) -> Option<chrono::NaiveDate> {
    let v = dyad_read::parse_published(s?)?;
    let first = v.date;
    if !end {
        return Some(first);
    }
    // The last day of a partial date ("2024" → 2024-12-31, "2024-10" → 2024-10-31).
    use chrono::Datelike;
    Some(match v.grain {
        dyad_core::Grain::Year => chrono::NaiveDate::from_ymd_opt(first.year(), 12, 31)?,
        dyad_core::Grain::Month => first
            .checked_add_months(chrono::Months::new(1))?
            .pred_opt()?,
        _ => first,
    })
}

impl DateEvidence for OfficeTermEvidence {
    fn windows(&self, text: &str) -> Vec<DateWindow> {
        // Any date resolves names; the titles the report gives are what we weigh.
        let Some(anchor) = chrono::NaiveDate::from_ymd_opt(2000, 1, 1) else {
            return Vec::new();
        };
        let mentions = self.kb.resolve_text(text, anchor);
        let mut out = appointments(self.kb, text, &mentions);
        // A surname repeat counts for the office its titled mention gave.
        let mut titled: HashMap<String, String> = HashMap::new();
        for m in &mentions {
            let (Some(person), Some(country)) = (&m.person, &m.country) else {
                continue;
            };
            // Only a named person dates a report: a bare title ("the US president")
            // names whoever held it on the anchor date, which says nothing.
            // (By match keys: the text may drop the name's accents, "Vucic"
            // for Vučić.)
            let surname = dyad_kb::match_key(person.rsplit(' ').next().unwrap_or(person));
            if !dyad_kb::match_key(&m.text).contains(&surname) {
                continue;
            }
            // A titled mention ("Foreign Minister Yoko Kamikawa") dates the report by
            // that office; a full name alone by any office the person held, weakly
            // (reports also name former office-holders).
            // (A title reports keep giving after the term, "CIA Director
            // Mike Pompeo" in 2018, dates nothing.)
            if m.claimed_role
                .as_deref()
                .is_some_and(|r| self.kb.loose_title(r))
            {
                continue;
            }
            let (roles, weight) = match (&m.claimed_role, titled.get(person)) {
                (Some(r), _) => {
                    titled.insert(person.clone(), r.clone());
                    (vec![r.clone()], 1.0)
                }
                (None, Some(r)) => (vec![r.clone()], 1.0),
                (None, None) if m.text.split_whitespace().count() >= 2 => (
                    self.kb.roles().into_iter().map(str::to_string).collect(),
                    0.5,
                ),
                (None, None) => continue,
            };
            for role in &roles {
                let terms: Vec<_> = self
                    .kb
                    .terms(country, role)
                    .into_iter()
                    .filter(|t| &t.name == person)
                    .collect();
                // Where the project's own records give the person's terms in
                // the office, an imported source's other terms are not weighed:
                // REIGN files Erdogan, then prime minister, as Turkey's head of
                // state from 2003, which dated a 2023 report to 2004.
                let curated = |t: &&_| is_curated(t);
                let any_curated = terms.iter().any(curated);
                for t in terms.iter().filter(|t| !any_curated || curated(t)) {
                    out.push(DateWindow {
                        not_before: day(t.start.as_deref(), false),
                        not_after: day(t.end.as_deref(), true),
                        weight,
                        reason: format!(
                            "“{}”: {} held {} {}–{} ({})",
                            m.text,
                            person,
                            role.replace('_', " "),
                            t.start.as_deref().unwrap_or("?"),
                            t.end.as_deref().unwrap_or("today"),
                            t.source
                        ),
                    });
                }
            }
        }
        out
    }
}

/// Words that tell a person took up an office ("Qin Gang, who was named foreign
/// minister last month").
const APPOINTED: &[&str] = &[
    "named",
    "appointed",
    "became",
    "sworn in",
    "took office",
    "took over",
    "installed",
    "elected",
];

/// When the appointment lay, seen from the report: the report's window given the
/// day the term began.
fn appointment_window(
    phrase: &str,
    start: chrono::NaiveDate,
) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    use chrono::{Datelike, Days, Months, NaiveDate};
    let month_start = |d: NaiveDate| NaiveDate::from_ymd_opt(d.year(), d.month(), 1);
    let month_end = |d: NaiveDate| {
        month_start(d)?
            .checked_add_months(Months::new(1))?
            .pred_opt()
    };
    match phrase {
        "last month" => {
            let next = month_start(start)?.checked_add_months(Months::new(1))?;
            Some((next, month_end(next)?))
        }
        "earlier this month" | "this month" => Some((start, month_end(start)?)),
        "last week" => Some((
            start.checked_add_days(Days::new(1))?,
            start.checked_add_days(Days::new(13))?,
        )),
        "last year" => Some((
            NaiveDate::from_ymd_opt(start.year() + 1, 1, 1)?,
            NaiveDate::from_ymd_opt(start.year() + 1, 12, 31)?,
        )),
        _ => None,
    }
}

/// "Qin Gang, who was named foreign minister last month": the knowledge base
/// knows when the term began, so the report lies in the month after it. A
/// strong window, since it fixes the month as well as the year.
fn appointments(
    kb: &KnowledgeBase,
    text: &str,
    mentions: &[dyad_kb::ResolvedMention],
) -> Vec<DateWindow> {
    let mut out = Vec::new();
    for m in mentions {
        let (Some(person), Some(country)) = (&m.person, &m.country) else {
            continue;
        };
        // The rest of the sentence, up to 160 bytes.
        let rest = text.get(m.span.end..).unwrap_or("");
        let end = rest
            .char_indices()
            .find(|&(i, c)| i >= 160 || matches!(c, '.' | '!' | '?' | '\n'))
            .map_or(rest.len(), |(i, _)| i);
        let clause = rest.get(..end).unwrap_or("").to_lowercase();
        let Some(verb_at) = APPOINTED.iter().filter_map(|v| clause.find(v)).min() else {
            continue;
        };
        // The appointment must be this person's: close after the name (", who
        // was named …"), with no other person named in between.
        let other_between = mentions.iter().any(|o| {
            o.person.is_some()
                && o.person != m.person
                && o.span.start >= m.span.end
                && o.span.start < m.span.end + verb_at
        });
        if verb_at > 40 || other_between {
            continue;
        }
        let after = clause.get(verb_at..).unwrap_or("");
        let Some(phrase) = [
            "earlier this month",
            "this month",
            "last month",
            "last week",
            "last year",
        ]
        .into_iter()
        .find(|p| {
            after
                .get(..after.len().min(80))
                .is_some_and(|a| a.contains(p))
        }) else {
            continue;
        };
        for role in kb.roles() {
            for t in kb
                .terms(country, role)
                .into_iter()
                .filter(|t| &t.name == person)
            {
                let Some(start) = day(t.start.as_deref(), false) else {
                    continue;
                };
                let Some((lo, hi)) = appointment_window(phrase, start) else {
                    continue;
                };
                out.push(DateWindow {
                    not_before: Some(lo),
                    not_after: Some(hi),
                    weight: 2.0,
                    reason: format!(
                        "“{}” took up {} on {} ({}), “{}” as the report tells it",
                        m.text,
                        role.replace('_', " "),
                        start,
                        t.source,
                        phrase
                    ),
                });
            }
        }
    }
    out
}

/// Whether an office term comes from the project's own records (`offices.tsv`,
/// `offices.recent.tsv`) rather than an imported source.
fn is_curated(t: &&dyad_kb::OfficeTerm) -> bool {
    t.source.starts_with("dyad-curated") || t.source.starts_with("dyad-verified")
}
