//! Turns what the scanner found into TIMEX3 values, resolved against the
//! reference date, the tense, and what the text mentioned before (discourse).

use crate::lexicon::{HolidayRule, Lexicon, Unit};
use crate::scan::{Amount, Found, Sem, YearSpec};
use crate::tense::cue_tense;
use crate::tokens::Token;
use crate::{Mod, Reference, TenseHint, TenseHints, Timex, TimexType};
use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};
use dyad_core::{DateValue, Diagnostic, Grain, Span};

/// What one expression resolved to.
struct Resolved {
    kind: TimexType,
    value: String,
    grain: Option<Grain>,
    resolved: Option<DateValue>,
}

impl Resolved {
    fn literal(kind: TimexType, value: impl Into<String>) -> Self {
        Resolved {
            kind,
            value: value.into(),
            grain: None,
            resolved: None,
        }
    }
}

/// What earlier expressions in the same text established.
#[derive(Default)]
struct Discourse {
    /// The last quarter mentioned: "a year earlier" then means that quarter a year before.
    last_quarter: Option<(i32, u32)>,
    /// The last calendar point mentioned, for "two days later".
    last_point: Option<DateValue>,
    /// The last day mentioned and the token where its expression ended.
    last_day: Option<(NaiveDate, usize)>,
    /// For the expression being resolved: a day mentioned just before it
    /// ("Jan. 1, at 3:30 p.m."), which a bare clock time belongs to.
    day_nearby: Option<NaiveDate>,
}

/// How close (in tokens) a day must stand before a bare clock time to be its day.
const CLOCK_DAY_WINDOW: usize = 6;

struct Context<'a> {
    lexicon: &'a Lexicon,
    reference: Reference,
    tokens: &'a [Token],
    hints: &'a dyn TenseHints,
}

pub(crate) fn resolve_all(
    lexicon: &Lexicon,
    text: &str,
    tokens: &[Token],
    found: Vec<Found>,
    reference: Reference,
    hints: &dyn TenseHints,
) -> Vec<Timex> {
    let context = Context {
        lexicon,
        reference,
        tokens,
        hints,
    };
    let mut discourse = Discourse::default();
    let mut out = Vec::with_capacity(found.len());
    for f in found {
        let (Some(first), Some(last)) = (
            tokens.get(f.start),
            f.end.checked_sub(1).and_then(|e| tokens.get(e)),
        ) else {
            continue;
        };
        let span = Span::new(first.span.start, last.span.end);
        if span.slice(text).is_none() {
            continue;
        }
        let mut tense_used = None;
        let mut diagnostics = Vec::new();
        // "Wednesday's ruling": a possessive day is one already reached.
        let possessive = tokens.get(f.end).is_some_and(|t| t.lower == "'s");
        let mut tense = || {
            let t = if possessive {
                TenseHint::Past
            } else {
                context.tense(span, f.start, f.end)
            };
            tense_used = Some(t);
            t
        };
        discourse.day_nearby = discourse
            .last_day
            .filter(|(_, end)| f.start.saturating_sub(*end) <= CLOCK_DAY_WINDOW)
            .map(|(d, _)| d);
        let r = match resolve(&f.sem, &context, &discourse, &mut tense) {
            Some(r) => r,
            // "Feb. 30": keep what is sound (the month) and say so.
            None => match &f.sem {
                Sem::Calendar {
                    year,
                    month,
                    day: Some(day),
                } => {
                    let month_only = Sem::Calendar {
                        year: *year,
                        month: *month,
                        day: None,
                    };
                    let Some(r) = resolve(&month_only, &context, &discourse, &mut tense) else {
                        continue;
                    };
                    diagnostics.push(
                        Diagnostic::warning(format!(
                            "day {day} does not exist in {}; kept the month",
                            r.value
                        ))
                        .at(span),
                    );
                    r
                }
                _ => continue,
            },
        };
        if tense_used == Some(TenseHint::Unknown) {
            diagnostics.push(
                Diagnostic::warning(
                    "tense unknown: resolved to the nearest matching date in the past",
                )
                .at(span),
            );
        }
        // Offsets from a mentioned period do not become the new anchor themselves,
        // so "a year earlier … a year ago" both count from the same quarter.
        let is_offset = matches!(f.sem, Sem::Offset { .. } | Sem::YearEarlier { .. });
        if let Some(point) = r.resolved.filter(|_| !is_offset) {
            if r.kind == TimexType::Date || r.kind == TimexType::Time {
                if point.grain == Grain::Quarter {
                    discourse.last_quarter = Some((point.date.year(), point.date.month0() / 3 + 1));
                }
                discourse.last_point = Some(point);
                if point.grain >= Grain::Day {
                    discourse.last_day = Some((point.date, f.end));
                }
            }
        }
        out.push(Timex {
            span,
            kind: r.kind,
            value: r.value,
            modifier: f.modifier.and_then(Mod::from_name),
            grain: r.grain,
            resolved: r.resolved,
            tense: tense_used,
            diagnostics,
        });
    }
    out
}

impl Context<'_> {
    fn tense(&self, span: Span, start: usize, end: usize) -> TenseHint {
        match self.hints.tense_at(span) {
            TenseHint::Unknown => cue_tense(self.lexicon, self.tokens, start, end),
            t => t,
        }
    }
}

fn day_value(date: NaiveDate) -> Resolved {
    Resolved {
        kind: TimexType::Date,
        value: date.format("%Y-%m-%d").to_string(),
        grain: Some(Grain::Day),
        resolved: Some(DateValue::day(date)),
    }
}

fn month_value(year: i32, month: u32) -> Option<Resolved> {
    let point = DateValue::month(year, month)?;
    Some(Resolved {
        kind: TimexType::Date,
        value: point.to_iso(),
        grain: Some(Grain::Month),
        resolved: Some(point),
    })
}

fn year_value(year: i32) -> Option<Resolved> {
    let point = DateValue::year(year)?;
    Some(Resolved {
        kind: TimexType::Date,
        value: point.to_iso(),
        grain: Some(Grain::Year),
        resolved: Some(point),
    })
}

fn quarter_value(year: i32, quarter: u32) -> Option<Resolved> {
    let date = NaiveDate::from_ymd_opt(year, (quarter - 1) * 3 + 1, 1)?;
    let point = DateValue {
        date,
        time: None,
        offset_minutes: None,
        grain: Grain::Quarter,
    };
    Some(Resolved {
        kind: TimexType::Date,
        value: point.to_iso(),
        grain: Some(Grain::Quarter),
        resolved: Some(point),
    })
}

fn week_value(date: NaiveDate, suffix: &str) -> Resolved {
    let monday = date
        .checked_sub_signed(Duration::days(i64::from(
            date.weekday().num_days_from_monday(),
        )))
        .unwrap_or(date);
    let point = DateValue {
        date: monday,
        time: None,
        offset_minutes: None,
        grain: Grain::Week,
    };
    let iso = date.iso_week();
    Resolved {
        kind: TimexType::Date,
        value: format!("{:04}-W{:02}{suffix}", iso.year(), iso.week()),
        grain: Some(Grain::Week),
        resolved: if suffix.is_empty() { Some(point) } else { None },
    }
}

fn day_with_part(date: NaiveDate, part: &str) -> Resolved {
    Resolved {
        kind: TimexType::Time,
        value: format!("{}T{part}", date.format("%Y-%m-%d")),
        grain: Some(Grain::Day),
        resolved: Some(DateValue::day(date)),
    }
}

fn day_with_clock(date: NaiveDate, hour: u32, minute: u32) -> Resolved {
    let time = NaiveTime::from_hms_opt(hour % 24, minute, 0);
    Resolved {
        kind: TimexType::Time,
        value: format!("{}T{:02}:{:02}", date.format("%Y-%m-%d"), hour, minute),
        grain: Some(Grain::Minute),
        resolved: time.map(|t| DateValue::datetime(date.and_time(t), None, Grain::Minute)),
    }
}

fn add_months(year: i32, month: u32, by: i32) -> Option<(i32, u32)> {
    let index = i64::from(year) * 12 + i64::from(month) - 1 + i64::from(by);
    Some((
        i32::try_from(index.div_euclid(12)).ok()?,
        index.rem_euclid(12) as u32 + 1,
    ))
}

fn weekday_of(n: u32) -> Weekday {
    match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

/// The weekday `n` nearest the reference: the next one (today included) for the
/// future, the nearer one for the present, else the last one (today included). `shift` -1/+1 means strictly
/// before/after the reference day; with `week`, +1 means that day of the next
/// calendar week (Monday to Sunday), as "next Wednesday" does.
fn resolve_weekday(
    reference: NaiveDate,
    n: u32,
    shift: Option<i32>,
    week: bool,
    tense: impl FnOnce() -> TenseHint,
) -> Option<NaiveDate> {
    let target = i64::from(weekday_of(n).num_days_from_monday());
    let today = i64::from(reference.weekday().num_days_from_monday());
    if week && shift.is_some_and(|s| s > 0) {
        return reference.checked_add_signed(Duration::days(7 - today + target));
    }
    let back = (today - target).rem_euclid(7);
    let ahead = (target - today).rem_euclid(7);
    match shift {
        Some(s) if s < 0 => {
            reference.checked_sub_signed(Duration::days(if back == 0 { 7 } else { back }))
        }
        Some(s) if s > 0 => {
            reference.checked_add_signed(Duration::days(if ahead == 0 { 7 } else { ahead }))
        }
        _ => match tense() {
            TenseHint::Future => reference.checked_add_signed(Duration::days(ahead)),
            // The present tells what is scheduled as readily as what is
            // under way ("Macron flies on Tuesday to Kyiv", "on Friday the
            // pope flies on to Juba"): the nearer day, the last one on a tie.
            TenseHint::Present if ahead < back => {
                reference.checked_add_signed(Duration::days(ahead))
            }
            _ => reference.checked_sub_signed(Duration::days(back)),
        },
    }
}

/// How far ahead of the reference a month named without a year may lie before
/// it is read as last year's: news looks back more often than forward, so the
/// window is up to 4 months ahead and up to 7 back (tuned on the TempEval-3
/// training documents; 3 to 6 score within 0.001 value F1).
const NEAREST_MONTHS_AHEAD: i32 = 4;

/// The year of a month (and day) given without one: the nearest such date to
/// the reference (4 months ahead to 7 back); the tense overrides that only where the
/// nearest reading lies more than two months on the wrong side of the reference
/// ("was signed in March" read in December is last March, but "declared a
/// dividend payable Dec. 15" read in October is this December).
fn infer_year(reference: NaiveDate, month: u32, day: Option<u32>, tense: TenseHint) -> i32 {
    let y = reference.year();
    let months_ahead = month as i32 - reference.month() as i32;
    let nearest = if months_ahead > NEAREST_MONTHS_AHEAD {
        y - 1
    } else if months_ahead <= NEAREST_MONTHS_AHEAD - 12 {
        y + 1
    } else {
        y
    };
    let Some(day) = day else {
        // A whole month: a future month entirely before the reference month is
        // next year's; a past one is last year's unless it is the very next
        // month (where cue words are least reliable).
        let months_on = (nearest - y) * 12 + months_ahead;
        return match tense {
            TenseHint::Past if months_on > 1 => nearest - 1,
            TenseHint::Future if months_on < 0 => nearest + 1,
            _ => nearest,
        };
    };
    let Some(date) = NaiveDate::from_ymd_opt(nearest, month, day.min(28)) else {
        return nearest;
    };
    let days_ahead = (date - reference).num_days();
    match tense {
        TenseHint::Past if days_ahead > 61 => nearest - 1,
        TenseHint::Future if days_ahead < -61 => nearest + 1,
        _ => nearest,
    }
}

fn year_of(spec: YearSpec, reference: NaiveDate, infer: impl FnOnce() -> i32) -> i32 {
    match spec {
        YearSpec::Given(y) => y,
        YearSpec::Shift(by) => reference.year() + by,
        YearSpec::Infer => infer(),
    }
}

/// Western Easter Sunday of `year` (the anonymous Gregorian computus).
fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114).div_euclid(31);
    let day = (h + l - 7 * m + 114).rem_euclid(31) + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

fn holiday_date(rule: HolidayRule, year: i32) -> Option<NaiveDate> {
    match rule {
        HolidayRule::FromEaster { days } => {
            easter_sunday(year)?.checked_add_signed(Duration::days(i64::from(days)))
        }
        HolidayRule::Fixed { month, day } => NaiveDate::from_ymd_opt(year, month, day),
        HolidayRule::NthWeekday {
            month,
            weekday,
            nth,
        } => {
            let wd = weekday_of(weekday);
            if nth > 0 {
                NaiveDate::from_weekday_of_month_opt(year, month, wd, u8::try_from(nth).ok()?)
            } else {
                let (ny, nm) = add_months(year, month, 1)?;
                let mut d = NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()?;
                while d.weekday() != wd {
                    d = d.pred_opt()?;
                }
                Some(d)
            }
        }
    }
}

fn unit_code(unit: Unit) -> &'static str {
    match unit {
        Unit::Second => "S",
        Unit::Minute => "M",
        Unit::Hour => "H",
        Unit::Day => "D",
        Unit::Week => "W",
        Unit::Weekend => "WE",
        Unit::Month => "M",
        Unit::Quarter => "Q",
        Unit::Year => "Y",
        Unit::Decade => "DE",
        Unit::Century => "C",
    }
}

/// TIMEX3 duration value: `P3Y`, `PT5H30M`, `P2Y6M`, `PXY`.
pub(crate) fn duration_value(amount: Amount, unit: Unit) -> String {
    let clock = matches!(unit, Unit::Second | Unit::Minute | Unit::Hour);
    let prefix = if clock { "PT" } else { "P" };
    let count = match amount {
        Amount::Vague => return format!("{prefix}X{}", unit_code(unit)),
        Amount::Count(v) => v,
    };
    // Convert to a whole number of the unit, or of the next smaller one.
    let (whole, rest_unit, per) = match unit {
        Unit::Year => (count, "M", 12.0),
        Unit::Month => (count, "D", 30.0),
        Unit::Week => (count, "D", 7.0),
        Unit::Day => (count, "H", 24.0),
        Unit::Hour => (count, "M", 60.0),
        Unit::Minute => (count, "S", 60.0),
        Unit::Quarter => return duration_value(Amount::Count(count * 3.0), Unit::Month),
        Unit::Decade => return duration_value(Amount::Count(count * 10.0), Unit::Year),
        Unit::Century => return duration_value(Amount::Count(count * 100.0), Unit::Year),
        Unit::Weekend => return format!("P{}D", (count * 2.0).round() as i64),
        Unit::Second => (count, "", 1.0),
    };
    let int = whole.trunc() as i64;
    let frac = ((whole - whole.trunc()) * per).round() as i64;
    let code = unit_code(unit);
    if frac == 0 || rest_unit.is_empty() {
        format!("{prefix}{}{code}", whole.round() as i64)
    } else if unit == Unit::Day {
        format!("P{int}DT{frac}H")
    } else if int == 0 {
        format!("{prefix}{frac}{rest_unit}")
    } else {
        format!("{prefix}{int}{code}{frac}{rest_unit}")
    }
}

fn season_value(year: i32, code: &str) -> Resolved {
    Resolved {
        kind: TimexType::Date,
        value: format!("{year:04}-{code}"),
        grain: None,
        resolved: None,
    }
}

fn season_start(code: &str) -> u32 {
    match code {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    }
}

/// Moves a calendar point by `by` units and renders it at that unit's grain.
fn shifted_point(anchor: NaiveDate, unit: Unit, by: i64) -> Option<Resolved> {
    Some(match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => {
            let days = match unit {
                Unit::Day => by,
                Unit::Hour => by / 24,
                _ => 0,
            };
            day_value(anchor.checked_add_signed(Duration::try_days(days)?)?)
        }
        Unit::Week | Unit::Weekend => {
            week_value(anchor.checked_add_signed(Duration::try_weeks(by)?)?, "")
        }
        Unit::Month => {
            let (y, m) = add_months(anchor.year(), anchor.month(), i32::try_from(by).ok()?)?;
            month_value(y, m)?
        }
        Unit::Quarter => {
            let q = anchor.month0() / 3;
            let (y, m) = add_months(
                anchor.year(),
                q * 3 + 1,
                i32::try_from(by.checked_mul(3)?).ok()?,
            )?;
            quarter_value(y, (m - 1) / 3 + 1)?
        }
        Unit::Year => year_value(anchor.year().checked_add(i32::try_from(by).ok()?)?)?,
        Unit::Decade => {
            let decade = anchor
                .year()
                .div_euclid(10)
                .checked_add(i32::try_from(by).ok()?)?;
            Resolved::literal(TimexType::Date, format!("{decade:03}"))
        }
        Unit::Century => {
            let century = anchor
                .year()
                .div_euclid(100)
                .checked_add(i32::try_from(by).ok()?)?;
            Resolved::literal(TimexType::Date, format!("{century:02}"))
        }
    })
}

fn resolve(
    sem: &Sem,
    context: &Context<'_>,
    discourse: &Discourse,
    tense: &mut dyn FnMut() -> TenseHint,
) -> Option<Resolved> {
    let reference = context.reference.date;
    Some(match sem {
        Sem::Literal { kind, value } => Resolved::literal(*kind, value.clone()),
        Sem::Relative {
            unit,
            shift,
            part,
            clock,
        } => {
            let by = i64::from(*shift);
            match unit {
                Unit::Day => {
                    let date = reference.checked_add_signed(Duration::days(by))?;
                    match (part, clock) {
                        (Some(p), _) => day_with_part(date, p),
                        (None, Some((h, m))) => day_with_clock(date, *h, *m),
                        _ => day_value(date),
                    }
                }
                Unit::Weekend => {
                    // "the weekend" early in the week is the one just past.
                    let mut weeks = by;
                    if *shift == 0
                        && reference.weekday().number_from_monday() <= 4
                        && tense() != TenseHint::Future
                    {
                        weeks -= 1;
                    }
                    week_value(reference.checked_add_signed(Duration::weeks(weeks))?, "-WE")
                }
                _ => shifted_point(reference, *unit, by)?,
            }
        }
        Sem::Calendar { year, month, day } => {
            let y = year_of(*year, reference, || {
                infer_year(reference, *month, *day, tense())
            });
            match day {
                Some(d) => day_value(NaiveDate::from_ymd_opt(y, *month, *d)?),
                None => month_value(y, *month)?,
            }
        }
        Sem::MonthShift { month, shift } => {
            let y = reference.year();
            let year = if *shift < 0 {
                if *month < reference.month() {
                    y
                } else {
                    y - 1
                }
            } else if *month > reference.month() {
                y
            } else {
                y + 1
            };
            month_value(year, *month)?
        }
        Sem::Year(y) => year_value(*y)?,
        Sem::Century(c) => Resolved::literal(TimexType::Date, format!("{c:02}")),
        Sem::Decade(y) => Resolved::literal(TimexType::Date, format!("{:03}", y.div_euclid(10))),
        Sem::Quarter { year, quarter } => {
            let current = reference.month0() / 3 + 1;
            let y = year_of(*year, reference, || match tense() {
                TenseHint::Past if *quarter > current => reference.year() - 1,
                _ => reference.year(),
            });
            quarter_value(y, *quarter)?
        }
        Sem::Half { year, half } => {
            let y = year_of(*year, reference, || reference.year());
            Resolved::literal(TimexType::Date, format!("{y:04}-H{half}"))
        }
        Sem::LatestQuarter => {
            let q = reference.month0() / 3;
            if q == 0 {
                quarter_value(reference.year() - 1, 4)?
            } else {
                quarter_value(reference.year(), q)?
            }
        }
        Sem::YearEarlier { quarter } => match discourse.last_quarter {
            Some((y, q)) => quarter_value(y - 1, q)?,
            None if *quarter => {
                let q = reference.month0() / 3;
                if q == 0 {
                    quarter_value(reference.year() - 2, 4)?
                } else {
                    quarter_value(reference.year() - 1, q)?
                }
            }
            None => year_value(reference.year() - 1)?,
        },
        Sem::Season { year, code, shift } => {
            let y = match (year, shift) {
                (YearSpec::Given(y), _) => *y,
                (_, Some(s)) if *s < 0 => {
                    if reference.month() >= season_start(code) + 3 {
                        reference.year()
                    } else {
                        reference.year() - 1
                    }
                }
                (_, Some(s)) if *s > 0 => {
                    if reference.month() < season_start(code) {
                        reference.year()
                    } else {
                        reference.year() + 1
                    }
                }
                _ => reference.year(),
            };
            season_value(y, code)
        }
        Sem::Weekday {
            weekday,
            shift,
            week,
            part,
            clock,
        } => {
            let date = resolve_weekday(reference, *weekday, *shift, *week, tense)?;
            match (part, clock) {
                (Some(p), _) => day_with_part(date, p),
                (None, Some((h, m))) => day_with_clock(date, *h, *m),
                _ => day_value(date),
            }
        }
        Sem::Holiday { rule, year } => {
            let date = match year {
                YearSpec::Given(y) => holiday_date(*rule, *y)?,
                YearSpec::Shift(by) => holiday_date(*rule, reference.year() + by)?,
                YearSpec::Infer => {
                    let this = holiday_date(*rule, reference.year())?;
                    match tense() {
                        TenseHint::Past if this > reference => {
                            holiday_date(*rule, reference.year() - 1)?
                        }
                        TenseHint::Future if this < reference => {
                            holiday_date(*rule, reference.year() + 1)?
                        }
                        _ => this,
                    }
                }
            };
            day_value(date)
        }
        Sem::Clock { hour, minute, day } => {
            let date = match day.as_deref() {
                Some(inner) => resolve(inner, context, discourse, tense)?
                    .resolved
                    .map(|p| p.date)?,
                None => discourse.day_nearby.unwrap_or(reference),
            };
            day_with_clock(date, *hour, *minute)
        }
        Sem::Duration { amount, unit } => {
            Resolved::literal(TimexType::Duration, duration_value(*amount, *unit))
        }
        Sem::Offset {
            amount,
            unit,
            sign,
            from_reference,
        } => {
            let count = match amount {
                Amount::Vague => {
                    return Some(Resolved::literal(
                        TimexType::Date,
                        if *sign < 0 { "PAST_REF" } else { "FUTURE_REF" },
                    ));
                }
                Amount::Count(v) => v.round() as i64,
            };
            // In quarterly reporting "a year ago" is the same quarter a year before.
            if *unit == Unit::Year && count == 1 && *sign < 0 {
                if let Some((y, q)) = discourse.last_quarter {
                    return quarter_value(y - 1, q);
                }
            }
            let anchor = if *from_reference {
                reference
            } else {
                discourse.last_point.map(|p| p.date).unwrap_or(reference)
            };
            shifted_point(anchor, *unit, count * i64::from(*sign))?
        }
        Sem::Anchored { unit, shift } => {
            let anchor = discourse.last_point.map(|p| p.date).unwrap_or(reference);
            shifted_point(anchor, *unit, i64::from(*shift))?
        }
        Sem::WeekdaySet { weekday, part } => {
            let suffix = part.as_deref().map(|p| format!("T{p}")).unwrap_or_default();
            Resolved::literal(TimexType::Set, format!("XXXX-WXX-{weekday}{suffix}"))
        }
    })
}
