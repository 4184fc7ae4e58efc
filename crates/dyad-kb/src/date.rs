//! Term dates as `yyyymmdd` integers. Sources give dates at day, month or year
//! grain (and some give impossible days such as 09-31); comparing integers keeps
//! all of them usable without rejecting a record for a calendar slip.

use chrono::{Datelike, NaiveDate};

/// A calendar day encoded as `year * 10000 + month * 100 + day`.
pub type Day = u32;

/// Which end of a period a partial date stands for: `2022-01` starts on the
/// 1st and ends on the 31st.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Start,
    End,
}

pub fn day_of(date: NaiveDate) -> Day {
    let y = date.year().clamp(0, 9999) as u32;
    y * 10000 + date.month() * 100 + date.day()
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (also `YYYYMMDD`).
pub fn parse_date_bound(s: &str, bound: Bound) -> Option<Day> {
    let s = s.trim();
    let parts: Vec<&str> = if s.contains('-') {
        s.split('-').collect()
    } else if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        vec![&s[0..4], &s[4..6], &s[6..8]]
    } else {
        vec![s]
    };
    let num = |p: &str, len: usize| -> Option<u32> {
        if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
            p.parse().ok()
        } else {
            None
        }
    };
    let year = num(parts.first()?, 4)?;
    let (month, day) = match parts.len() {
        1 => match bound {
            Bound::Start => (1, 1),
            Bound::End => (12, 31),
        },
        2 => {
            let m = num(parts[1], 2)?;
            (m, if bound == Bound::Start { 1 } else { 31 })
        }
        3 => (num(parts[1], 2)?, num(parts[2], 2)?),
        _ => return None,
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some(year * 10000 + month * 100 + day)
}

/// Formats a day back as `YYYY-MM-DD`.
pub fn format_day(d: Day) -> String {
    format!("{:04}-{:02}-{:02}", d / 10000, d / 100 % 100, d % 100)
}

/// Parses a query date (`YYYY-MM-DD`, or a coarser grain taken at its middle
/// so a month-grain event date asks about the middle of that month).
pub fn parse_query_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    let parts: Vec<&str> = s.split('-').collect();
    match parts.as_slice() {
        [y, m] => NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, 15),
        [y] if y.len() == 4 => NaiveDate::from_ymd_opt(y.parse().ok()?, 7, 1),
        _ => None,
    }
}
