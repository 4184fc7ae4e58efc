use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The precision at which a date is known. Ordered from coarse to fine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grain {
    Year,
    Quarter,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
}

impl Grain {
    pub fn as_str(self) -> &'static str {
        match self {
            Grain::Year => "year",
            Grain::Quarter => "quarter",
            Grain::Month => "month",
            Grain::Week => "week",
            Grain::Day => "day",
            Grain::Hour => "hour",
            Grain::Minute => "minute",
            Grain::Second => "second",
        }
    }
}

impl fmt::Display for Grain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A calendar point known to some [`Grain`]: `date` is the first day (and `time`
/// the first instant) of the period. `offset_minutes` keeps a stated UTC offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateValue {
    pub date: NaiveDate,
    pub time: Option<chrono::NaiveTime>,
    pub offset_minutes: Option<i32>,
    pub grain: Grain,
}

impl DateValue {
    pub fn day(date: NaiveDate) -> Self {
        DateValue {
            date,
            time: None,
            offset_minutes: None,
            grain: Grain::Day,
        }
    }
    pub fn month(year: i32, month: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, 1).map(|date| DateValue {
            date,
            time: None,
            offset_minutes: None,
            grain: Grain::Month,
        })
    }
    pub fn year(year: i32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, 1, 1).map(|date| DateValue {
            date,
            time: None,
            offset_minutes: None,
            grain: Grain::Year,
        })
    }
    pub fn datetime(dt: NaiveDateTime, offset_minutes: Option<i32>, grain: Grain) -> Self {
        DateValue {
            date: dt.date(),
            time: Some(dt.time()),
            offset_minutes,
            grain,
        }
    }

    /// ISO 8601 text at this value's grain: `2022`, `2022-Q1`, `2022-01`,
    /// `2022-W01`, `2022-01-07`, `2022-01-07T09:30`, `2021-11-29T07:35:00+05:30`.
    pub fn to_iso(&self) -> String {
        let d = self.date;
        match self.grain {
            Grain::Year => format!("{:04}", d.year()),
            Grain::Quarter => format!("{:04}-Q{}", d.year(), (d.month() - 1) / 3 + 1),
            Grain::Month => format!("{:04}-{:02}", d.year(), d.month()),
            Grain::Week => {
                let w = d.iso_week();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
            Grain::Day => d.format("%Y-%m-%d").to_string(),
            Grain::Hour | Grain::Minute | Grain::Second => {
                let t = self.time.unwrap_or_default();
                let mut s = match self.grain {
                    Grain::Second => format!("{}T{}", d.format("%Y-%m-%d"), t.format("%H:%M:%S")),
                    _ => format!("{}T{}", d.format("%Y-%m-%d"), t.format("%H:%M")),
                };
                if let Some(off) = self.offset_minutes {
                    if self.grain == Grain::Second || off != 0 {
                        let sign = if off < 0 { '-' } else { '+' };
                        let a = off.abs();
                        if self.grain != Grain::Second {
                            s.push_str(":00");
                        }
                        s.push_str(&format!("{sign}{:02}:{:02}", a / 60, a % 60));
                    }
                }
                s
            }
        }
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_iso())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_at_each_grain() {
        let d = NaiveDate::from_ymd_opt(2022, 1, 7).unwrap();
        let mut v = DateValue::day(d);
        assert_eq!(v.to_iso(), "2022-01-07");
        v.grain = Grain::Month;
        assert_eq!(v.to_iso(), "2022-01");
        v.grain = Grain::Quarter;
        assert_eq!(v.to_iso(), "2022-Q1");
        v.grain = Grain::Week;
        assert_eq!(v.to_iso(), "2022-W01");
        v.grain = Grain::Year;
        assert_eq!(v.to_iso(), "2022");
        let dt = d.and_hms_opt(7, 35, 0).unwrap();
        assert_eq!(
            DateValue::datetime(dt, Some(330), Grain::Second).to_iso(),
            "2022-01-07T07:35:00+05:30"
        );
        assert_eq!(
            DateValue::datetime(dt, None, Grain::Minute).to_iso(),
            "2022-01-07T07:35"
        );
    }
}
