//! Finding dates written in running text and in metadata: "November 29th, 2021 at
//! 07:35 IST", "July 28, 2024", "Jan. 7", "7 January", "2021-11-29T07:35:00+05:30",
//! "Mon, 29 Nov 2021 07:35:00 GMT". Month and weekday names and time-zone
//! abbreviations come from `data/dates.tsv`.
//!
//! This is not the temporal tagger (that is the understanding stage's job): it
//! only reads the calendar dates the reader needs to date a report.

use chrono::{NaiveDate, NaiveTime};
use regex::{Regex, RegexBuilder};
use std::collections::HashMap;
use std::sync::OnceLock;

const DATES: &str = include_str!("../data/dates.tsv");

/// A calendar date (perhaps without its year) found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMatch {
    /// Byte range in the searched text.
    pub start: usize,
    pub end: usize,
    pub year: Option<i32>,
    pub month: u32,
    pub day: Option<u32>,
    pub time: Option<NaiveTime>,
    /// Minutes east of UTC, where a zone or offset was given.
    pub offset_minutes: Option<i32>,
    /// The weekday the text states with the date (1 = Monday), if any.
    pub weekday: Option<u32>,
}

impl DateMatch {
    /// The full date, where year, month and day are all given and valid.
    pub fn date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month, self.day?)
    }
}

struct DateLexicon {
    months: HashMap<String, u32>,
    weekdays: HashMap<String, u32>,
    zones: HashMap<String, i32>,
    mdy: Regex,
    dmy: Regex,
    iso: Regex,
    weekday_word: Regex,
}

fn lexicon() -> &'static DateLexicon {
    static LEX: OnceLock<DateLexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut months = HashMap::new();
        let mut weekdays = HashMap::new();
        let mut zones = HashMap::new();
        for line in DATES.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 3 {
                continue;
            }
            match cols[0] {
                "month" | "weekday" => {
                    let Ok(n) = cols[1].parse::<u32>() else { continue };
                    let map = if cols[0] == "month" { &mut months } else { &mut weekdays };
                    for name in cols[2].split('|') {
                        map.insert(name.to_string(), n);
                    }
                }
                "zone" => {
                    if let Some(m) = parse_offset(cols[2]) {
                        zones.insert(cols[1].to_string(), m);
                    }
                }
                _ => {}
            }
        }
        let alt = |m: &HashMap<String, u32>| {
            let mut names: Vec<&String> = m.keys().collect();
            names.sort_by_key(|n| std::cmp::Reverse(n.len()));
            names.iter().map(|n| regex::escape(n)).collect::<Vec<_>>().join("|")
        };
        let month = alt(&months);
        let weekday = alt(&weekdays);
        let mut zone_names: Vec<&String> = zones.keys().collect();
        zone_names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        let zone = zone_names.iter().map(|z| regex::escape(z)).collect::<Vec<_>>().join("|");
        let time = format!(
            r"(?:,?\s*(?:at\s+)?(?P<h>\d{{1,2}})[:.](?P<mi>\d{{2}})(?::(?P<s>\d{{2}}))?\s*(?P<ampm>[ap]\.?\s?m\.?)?(?:\s*\(?(?P<zone>{zone})\)?(?:[^\p{{L}}]|$))?)?"
        );
        let wd = format!(r"(?:(?P<wd>{weekday})\.?,?\s+)?");
        let build = |p: String| {
            RegexBuilder::new(&crate::cues::ascii_boundaries(&p)).case_insensitive(true).build().expect("date patterns compile")
        };
        DateLexicon {
            mdy: build(format!(
                r"\b{wd}(?P<mon>{month})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>(?:19|20)\d{{2}})\b)?{time}"
            )),
            dmy: build(format!(
                r"\b{wd}(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{month})\b\.?(?:,?\s+(?P<y>(?:19|20)\d{{2}})\b)?{time}"
            )),
            iso: build(
                r"\b(?P<y>(?:19|20)\d{2})-(?P<mo>\d{2})-(?P<d>\d{2})(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?(?P<off>Z|[+-]\d{2}:?\d{2})?)?".to_string(),
            ),
            weekday_word: build(format!(r"\b(?P<wd>{weekday})\b")),
            months,
            weekdays,
            zones,
        }
    })
}

fn parse_offset(s: &str) -> Option<i32> {
    let s = s.trim();
    if s.eq_ignore_ascii_case("z") {
        return Some(0);
    }
    let sign = match s.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = s[1..].chars().filter(|c| c.is_ascii_digit()).collect();
    if digits.len() != 4 {
        return None;
    }
    let h: i32 = digits[..2].parse().ok()?;
    let m: i32 = digits[2..].parse().ok()?;
    Some(sign * (h * 60 + m))
}

/// Every weekday name in `text` with its byte offset (whole words, full names only
/// — "Sun" and "Sat" are too often something else).
pub fn weekday_mentions(text: &str) -> Vec<(usize, u32)> {
    let lex = lexicon();
    lex.weekday_word
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.name("wd")?;
            if m.as_str().len() < 6 || !m.as_str().starts_with(|ch: char| ch.is_uppercase()) {
                return None;
            }
            Some((m.start(), *lex.weekdays.get(&m.as_str().to_lowercase())?))
        })
        .collect()
}

/// Every calendar date in `text`, in order, without overlaps.
pub fn parse_date_text(text: &str) -> Vec<DateMatch> {
    let lex = lexicon();
    let mut out: Vec<DateMatch> = Vec::new();
    for c in lex.iso.captures_iter(text) {
        let num = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
        let (Some(y), Some(mo), Some(d)) = (num("y"), num("mo"), num("d")) else {
            continue;
        };
        if NaiveDate::from_ymd_opt(y as i32, mo, d).is_none() {
            continue;
        }
        let time = match (num("h"), num("mi")) {
            (Some(h), Some(mi)) => NaiveTime::from_hms_opt(h, mi, num("s").unwrap_or(0)),
            _ => None,
        };
        let Some(all) = c.get(0) else { continue };
        out.push(DateMatch {
            start: all.start(),
            end: all.end(),
            year: Some(y as i32),
            month: mo,
            day: Some(d),
            time,
            offset_minutes: c.name("off").and_then(|o| parse_offset(o.as_str())),
            weekday: None,
        });
    }
    for rx in [&lex.mdy, &lex.dmy] {
        for c in rx.captures_iter(text) {
            let Some(all) = c.get(0) else { continue };
            let Some(mon) = c.name("mon") else { continue };
            let mon_word = mon.as_str().to_lowercase();
            // "may" and "mar" are words too: only take them capitalised.
            if (mon_word == "may" || mon_word == "mar")
                && !mon.as_str().starts_with(|ch: char| ch.is_uppercase())
            {
                continue;
            }
            let Some(&month) = lex.months.get(&mon_word) else {
                continue;
            };
            let day = c.name("d").and_then(|m| m.as_str().parse::<u32>().ok());
            let Some(day) = day.filter(|d| (1..=31).contains(d)) else {
                continue;
            };
            let year = c.name("y").and_then(|m| m.as_str().parse::<i32>().ok());
            if let Some(y) = year {
                if NaiveDate::from_ymd_opt(y, month, day).is_none() {
                    continue;
                }
            }
            let mut time = None;
            if let (Some(h), Some(mi)) = (c.name("h"), c.name("mi")) {
                let mut h: u32 = h.as_str().parse().unwrap_or(99);
                let mi: u32 = mi.as_str().parse().unwrap_or(99);
                if let Some(ap) = c.name("ampm") {
                    let pm = ap.as_str().to_lowercase().starts_with('p');
                    if pm && h < 12 {
                        h += 12;
                    } else if !pm && h == 12 {
                        h = 0;
                    }
                }
                let s = c
                    .name("s")
                    .and_then(|m| m.as_str().parse().ok())
                    .unwrap_or(0);
                time = NaiveTime::from_hms_opt(h, mi, s);
            }
            let offset = c
                .name("zone")
                .and_then(|z| lex.zones.get(&z.as_str().to_uppercase()).copied());
            let weekday = c
                .name("wd")
                .and_then(|w| lex.weekdays.get(&w.as_str().to_lowercase()).copied());
            let mut end = all.end();
            // The zone group may have consumed one trailing non-letter.
            if let Some(z) = c.name("zone") {
                end = end.min(z.end() + usize::from(text[z.end()..].starts_with(')')));
            }
            let m = DateMatch {
                start: all.start(),
                end,
                year,
                month,
                day: Some(day),
                time: time.filter(|_| true),
                offset_minutes: if time.is_some() { offset } else { None },
                weekday,
            };
            if !out.iter().any(|o| o.start < m.end && m.start < o.end) {
                out.push(m);
            }
        }
    }
    out.sort_by_key(|m| m.start);
    out
}

/// Month number of a month name ("Jan", "january").
pub fn month_number(word: &str) -> Option<u32> {
    lexicon()
        .months
        .get(word.to_lowercase().trim_end_matches('.'))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_common_forms() {
        let m = parse_date_text("Updated November 29th, 2021 at 07:35 IST");
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].date(), NaiveDate::from_ymd_opt(2021, 11, 29));
        assert_eq!(m[0].time, NaiveTime::from_hms_opt(7, 35, 0));
        assert_eq!(m[0].offset_minutes, Some(330));
        let m = parse_date_text("western Tokyo on July 28, 2024. (Photo by X / AFP)");
        assert_eq!(m[0].date(), NaiveDate::from_ymd_opt(2024, 7, 28));
        let m = parse_date_text("Tokyo, 7 January, /AJMEDIA/");
        assert_eq!((m[0].year, m[0].month, m[0].day), (None, 1, Some(7)));
        let m = parse_date_text("The meeting on Jan. 7, called");
        assert_eq!((m[0].month, m[0].day), (1, Some(7)));
        let m = parse_date_text("2021-11-29T07:35:00+05:30");
        assert_eq!(m[0].offset_minutes, Some(330));
        let m = parse_date_text("Updated at 5:27 p.m.");
        assert!(m.is_empty());
        assert!(parse_date_text("you may 12 times").is_empty());
    }
}
