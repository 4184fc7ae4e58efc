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
        // A surname repeat counts for the office its titled mention gave.
        let mut titled: HashMap<String, String> = HashMap::new();
        let mut out = Vec::new();
        for m in &mentions {
            let (Some(person), Some(country)) = (&m.person, &m.country) else {
                continue;
            };
            // Only a named person dates a report: a bare title ("the US president")
            // names whoever held it on the anchor date, which says nothing.
            let surname = person.rsplit(' ').next().unwrap_or(person).to_lowercase();
            if !m.text.to_lowercase().contains(&surname) {
                continue;
            }
            // A titled mention ("Foreign Minister Yoko Kamikawa") dates the report by
            // that office; a full name alone by any office the person held, weakly
            // (reports also name former office-holders).
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
                for t in self
                    .kb
                    .terms(country, role)
                    .into_iter()
                    .filter(|t| &t.name == person)
                {
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
