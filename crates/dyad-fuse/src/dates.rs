//! Dates as day intervals, so that dates at different grains can be compared:
//! `2022-01` is the interval [2022-01-01, 2022-02-01) and contains `2022-01-07`.

use chrono::{Datelike, Duration, NaiveDate};
use dyad_core::{DateValue, EventDate, Grain};

/// A half-open interval of days `[start, end)` with the grain it was stated at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayRange {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub grain: Grain,
}

impl DayRange {
    /// The period a date value covers. Times finer than a day count as their day.
    pub fn of_value(v: &DateValue) -> Option<DayRange> {
        range_from(v.date, v.grain)
    }

    /// The period an event date covers: its `start` where the coder gave one,
    /// else its TIMEX3 `value` read here.
    pub fn of_event_date(d: &EventDate) -> Option<DayRange> {
        match &d.start {
            Some(v) => range_from(v.date, d.grain),
            None => parse_value(&d.value),
        }
    }

    /// The first day (ISO `YYYY-MM-DD`) of the period an ISO date names, for filters.
    pub fn parse_start(value: &str) -> Option<String> {
        parse_value(value).map(|r| r.start.to_string())
    }

    /// The day after the period an ISO date names (`2022-01` → `2022-02-01`), for filters.
    pub fn parse_end(value: &str) -> Option<String> {
        parse_value(value).map(|r| r.end.to_string())
    }

    pub fn overlaps(&self, other: &DayRange) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn len_days(&self) -> i64 {
        (self.end - self.start).num_days()
    }

    /// Days between the two intervals (0 when they overlap).
    pub fn gap_days(&self, other: &DayRange) -> i64 {
        if self.overlaps(other) {
            0
        } else if self.end <= other.start {
            (other.start - self.end).num_days() + 1
        } else {
            (self.start - other.end).num_days() + 1
        }
    }

    /// Months since year 0 of the first and last day, for blocking by month.
    pub fn months(&self) -> (i32, i32) {
        let last = self.end.pred_opt().unwrap_or(self.end);
        (
            month_index(self.start),
            month_index(last).max(month_index(self.start)),
        )
    }
}

pub fn month_index(d: NaiveDate) -> i32 {
    d.year()
        .saturating_mul(12)
        .saturating_add(d.month0() as i32)
}

fn add_months(d: NaiveDate, n: u32) -> Option<NaiveDate> {
    d.checked_add_months(chrono::Months::new(n))
}

fn range_from(first: NaiveDate, grain: Grain) -> Option<DayRange> {
    let (start, end) = match grain {
        Grain::Year => {
            let s = NaiveDate::from_ymd_opt(first.year(), 1, 1)?;
            (s, add_months(s, 12)?)
        }
        Grain::Quarter => {
            let s = NaiveDate::from_ymd_opt(first.year(), first.month0() / 3 * 3 + 1, 1)?;
            (s, add_months(s, 3)?)
        }
        Grain::Month => {
            let s = NaiveDate::from_ymd_opt(first.year(), first.month(), 1)?;
            (s, add_months(s, 1)?)
        }
        Grain::Week => {
            let back = first.weekday().num_days_from_monday() as i64;
            let s = first.checked_sub_signed(Duration::days(back))?;
            (s, s.checked_add_signed(Duration::days(7))?)
        }
        Grain::Day | Grain::Hour | Grain::Minute | Grain::Second => {
            (first, first.checked_add_signed(Duration::days(1))?)
        }
    };
    Some(DayRange { start, end, grain })
}

/// Reads a TIMEX3-style date value: `2022`, `2022-Q1`, `2022-01`, `2022-W01`,
/// `2022-01-07`, `2022-01-07T09:30…`. Anything else (`PRESENT_REF`, `XXXX-01`) is
/// no usable date.
pub fn parse_value(value: &str) -> Option<DayRange> {
    let v = value.trim();
    let year_txt = v.get(0..4)?;
    if !year_txt.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = year_txt.parse().ok()?;
    let rest = v.get(4..).unwrap_or("");
    if rest.is_empty() {
        return range_from(NaiveDate::from_ymd_opt(year, 1, 1)?, Grain::Year);
    }
    let rest = rest.strip_prefix('-')?;
    if let Some(q) = rest.strip_prefix('Q') {
        let q: u32 = q.get(0..1)?.parse().ok()?;
        if !(1..=4).contains(&q) {
            return None;
        }
        return range_from(
            NaiveDate::from_ymd_opt(year, (q - 1) * 3 + 1, 1)?,
            Grain::Quarter,
        );
    }
    if let Some(w) = rest.strip_prefix('W') {
        let w: u32 = w.get(0..2)?.parse().ok()?;
        let d = NaiveDate::from_isoywd_opt(year, w, chrono::Weekday::Mon)?;
        return range_from(d, Grain::Week);
    }
    let month: u32 = rest.get(0..2)?.parse().ok()?;
    let after_month = rest.get(2..).unwrap_or("");
    if after_month.is_empty() {
        return range_from(NaiveDate::from_ymd_opt(year, month, 1)?, Grain::Month);
    }
    let day: u32 = after_month.strip_prefix('-')?.get(0..2)?.parse().ok()?;
    range_from(NaiveDate::from_ymd_opt(year, month, day)?, Grain::Day)
}

/// ISO text of a day range at its grain.
pub fn iso(r: &DayRange) -> String {
    DateValue {
        date: r.start,
        time: None,
        offset_minutes: None,
        grain: match r.grain {
            Grain::Hour | Grain::Minute | Grain::Second => Grain::Day,
            g => g,
        },
    }
    .to_iso()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grains_nest() {
        let month = parse_value("2022-01").unwrap();
        let day = parse_value("2022-01-07").unwrap();
        let other = parse_value("2024-01-07").unwrap();
        assert!(month.overlaps(&day));
        assert!(!month.overlaps(&other));
        assert_eq!(parse_value("2022-Q1").unwrap().len_days(), 90);
        assert_eq!(
            parse_value("2022-W01").unwrap().start.to_string(),
            "2022-01-03"
        );
        assert!(parse_value("XXXX-01").is_none());
        assert!(parse_value("2022-13").is_none());
        assert_eq!(iso(&parse_value("2022-01-07T09:30").unwrap()), "2022-01-07");
    }
}
