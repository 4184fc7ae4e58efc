//! The grammar: combines lexicon hits on tokens into temporal expressions.
//!
//! At each token the scanner tries every rule and keeps the longest expression
//! that starts there; it then moves past it, so expressions never overlap. Rules
//! only read the lexicons (`data/`); which words mean what lives there.

use crate::lexicon::{HolidayRule, Lex, Lexicon, Unit};
use crate::tokens::{Token, TokenKind};

/// How the year of a partly given date is found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum YearSpec {
    Given(i32),
    /// Shifted from the reference year ("next year" = 1).
    Shift(i32),
    /// From the tense and the reference date.
    Infer,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Amount {
    Count(f64),
    Vague,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Sem {
    /// A literal TIMEX3 value (`PRESENT_REF`, `P1D` …).
    Literal {
        kind: crate::TimexType,
        value: String,
    },
    /// A period counted from the reference: `day-1`, `week+0`, `month+1` …
    Relative {
        unit: Unit,
        shift: i32,
        part: Option<String>,
        clock: Option<(u32, u32)>,
    },
    Calendar {
        year: YearSpec,
        month: u32,
        day: Option<u32>,
    },
    /// "last August" / "next March": the nearest such month before/after the reference.
    MonthShift {
        month: u32,
        shift: i32,
    },
    Year(i32),
    Decade(i32),
    /// A century by its TIMEX3 number: the 20th century is `19`.
    Century(i32),
    Quarter {
        year: YearSpec,
        quarter: u32,
    },
    Half {
        year: YearSpec,
        half: u32,
    },
    /// "the quarter", "the latest quarter": the last quarter completed.
    LatestQuarter,
    /// "year-earlier", "a year ago" in quarterly reporting: one year before the
    /// period last mentioned.
    YearEarlier {
        /// "the year-ago quarter": a quarter even when none was mentioned.
        quarter: bool,
    },
    Season {
        year: YearSpec,
        code: String,
        shift: Option<i32>,
    },
    Weekday {
        weekday: u32,
        shift: Option<i32>,
        /// The shift counts calendar weeks ("next Wednesday"), not occurrences.
        week: bool,
        part: Option<String>,
        clock: Option<(u32, u32)>,
    },
    Holiday {
        rule: HolidayRule,
        year: YearSpec,
    },
    /// A clock time on a given day (`None` = the reference day).
    Clock {
        hour: u32,
        minute: u32,
        day: Option<Box<Sem>>,
    },
    Duration {
        amount: Amount,
        unit: Unit,
    },
    /// "three years ago", "two days later".
    Offset {
        amount: Amount,
        unit: Unit,
        sign: i32,
        from_reference: bool,
    },
    /// A period counted from the date last mentioned: "the following year".
    Anchored {
        unit: Unit,
        shift: i32,
    },
    /// A recurring weekday: "each Thursday", "Tuesday nights".
    WeekdaySet {
        weekday: u32,
        part: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    /// Token range `[start, end)`.
    pub start: usize,
    pub end: usize,
    pub sem: Sem,
    pub modifier: Option<&'static str>,
}

struct Scanner<'a, 'l> {
    tokens: &'a [Token],
    /// Per token: the lexicon entries that match starting there, with the token
    /// index after the phrase. Longest first.
    hits: Vec<Vec<(&'l Lex, usize)>>,
}

pub(crate) fn scan<'l>(lexicon: &'l Lexicon, tokens: &[Token]) -> Vec<Found> {
    let mut hits: Vec<Vec<(&'l Lex, usize)>> = Vec::with_capacity(tokens.len());
    for (i, token) in tokens.iter().enumerate() {
        let mut here = Vec::new();
        for entry in lexicon.entries(&token.lower) {
            let end = i + 1 + entry.rest.len();
            let matches = entry
                .rest
                .iter()
                .enumerate()
                .all(|(k, word)| tokens.get(i + 1 + k).is_some_and(|t| &t.lower == word));
            if matches {
                here.push((&entry.lex, end));
            }
        }
        hits.push(here);
    }
    let scanner = Scanner { tokens, hits };
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match scanner.at(i) {
            Some(f) if f.end > i => {
                i = f.end;
                found.push(f);
            }
            _ => i += 1,
        }
    }
    found
}

fn better(best: Option<Found>, candidate: Option<Found>) -> Option<Found> {
    match (best, candidate) {
        (Some(b), Some(c)) => Some(if c.end > b.end { c } else { b }),
        (b, c) => b.or(c),
    }
}

impl<'l> Scanner<'_, 'l> {
    fn lower(&self, i: usize) -> &str {
        self.tokens.get(i).map(|t| t.lower.as_str()).unwrap_or("")
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.lower(i) == word
    }

    /// Token `i` follows token `i - 1` with no space between.
    fn glued(&self, i: usize) -> bool {
        match (
            i.checked_sub(1).and_then(|p| self.tokens.get(p)),
            self.tokens.get(i),
        ) {
            (Some(a), Some(b)) => a.span.end == b.span.start,
            _ => false,
        }
    }

    fn hits(&self, i: usize) -> &[(&'l Lex, usize)] {
        self.hits.get(i).map(Vec::as_slice).unwrap_or(&[])
    }

    fn digits(&self, i: usize) -> Option<&str> {
        self.tokens
            .get(i)
            .filter(|t| t.kind == TokenKind::Digits)
            .map(|t| t.lower.as_str())
    }

    fn number_value(&self, i: usize) -> Option<u32> {
        self.digits(i)
            .filter(|d| d.len() <= 4)
            .and_then(|d| d.parse().ok())
    }

    fn find<T>(&self, i: usize, pick: impl Fn(&'l Lex) -> Option<T>) -> Option<(T, usize)> {
        self.hits(i)
            .iter()
            .find_map(|(lex, end)| pick(lex).map(|v| (v, *end)))
    }

    fn capitalised(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.capitalised)
    }

    fn at(&self, i: usize) -> Option<Found> {
        let token = self.tokens.get(i)?;
        // Fast path: nothing starts on a token the lexicons do not know, except
        // numbers.
        if self.hits(i).is_empty()
            && token.kind != TokenKind::Digits
            && !matches!(
                token.lower.as_str(),
                "the" | "every" | "each" | "noon" | "midday" | "midnight"
            )
        {
            return None;
        }
        let mut best = self.fixed(i);
        best = better(best, self.hedged(i));
        best = better(best, self.positioned(i));
        best
    }

    /// Fixed phrases and holidays from the lexicon.
    fn fixed(&self, i: usize) -> Option<Found> {
        let mut best = None;
        for (lex, end) in self.hits(i) {
            let found = match lex {
                Lex::Fixed {
                    kind,
                    value,
                    modifier,
                } => {
                    if modifier.as_deref() == Some("after-amount") && !self.after_amount(i) {
                        continue;
                    }
                    let modifier = modifier
                        .as_deref()
                        .and_then(crate::Mod::from_name)
                        .map(|m| m.as_str());
                    let sem = template(kind, value)?;
                    Found {
                        start: i,
                        end: *end,
                        sem,
                        modifier,
                    }
                }
                Lex::Holiday(rule) => {
                    let (year, end) = match self.year_at(*end, true) {
                        Some((y, e)) => (YearSpec::Given(y), e),
                        None => (YearSpec::Infer, *end),
                    };
                    // Holiday names are proper nouns.
                    if !self.capitalised(i) {
                        continue;
                    }
                    Found {
                        start: i,
                        end,
                        sem: Sem::Holiday { rule: *rule, year },
                        modifier: None,
                    }
                }
                _ => continue,
            };
            best = better(best, Some(found));
        }
        best
    }

    fn after_amount(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        let before = self.lower(p);
        // "four flights a week", "$2 million a year": a plural noun or an amount
        // right before makes it a rate.
        let plural_noun = before.len() > 3
            && before.ends_with('s')
            && !before.ends_with("ss")
            && !matches!(
                before,
                "this" | "was" | "has" | "its" | "his" | "hers" | "ours" | "theirs" | "across"
            );
        self.digits(p).is_some()
            || plural_noun
            || matches!(
                before,
                "once"
                    | "twice"
                    | "times"
                    | "%"
                    | "percent"
                    | "cents"
                    | "dollars"
                    | "million"
                    | "billion"
                    | "trillion"
            )
            || self
                .find(p, |l| matches!(l, Lex::Number { .. }).then_some(()))
                .is_some()
    }

    /// An approximator before a duration, an offset or a clock time.
    fn hedged(&self, i: usize) -> Option<Found> {
        let (modifier, j) = self.find(i, |l| match l {
            Lex::Approx(m) => Some(*m),
            _ => None,
        })?;
        let mut inner = self.core(j)?;
        if inner.start != j {
            // "about the 14-day": the hedge does not reach an adjective.
            return None;
        }
        if matches!(
            inner.sem,
            Sem::Duration { .. } | Sem::Offset { .. } | Sem::Clock { .. }
        ) {
            inner.start = i;
            inner.modifier = Some(modifier);
            Some(inner)
        } else {
            None
        }
    }

    /// "early next month", "mid-November", "the end of 1990", "late Sunday".
    fn positioned(&self, i: usize) -> Option<Found> {
        let mut best = self.core(i);
        let start = i;
        let mut j = i;
        if self.is(j, "the") {
            j += 1;
        }
        if let Some(((modifier, relative), k)) = self.find(j, |l| match l {
            Lex::Position { modifier, relative } => Some((*modifier, *relative)),
            _ => None,
        }) {
            let mut k = k;
            if self.is(k, "-") && self.glued(k) {
                k += 1;
            }
            if let Some(mut inner) = self.core(k) {
                let is_period = !matches!(
                    inner.sem,
                    Sem::Duration { .. }
                        | Sem::Offset { .. }
                        | Sem::Literal { .. }
                        | Sem::WeekdaySet { .. }
                );
                // "earlier Friday", "later today": the day alone is the expression.
                let is_day = matches!(
                    inner.sem,
                    Sem::Weekday { .. }
                        | Sem::Relative {
                            unit: Unit::Day,
                            ..
                        }
                );
                if is_period && !(relative && is_day) {
                    inner.start = start;
                    // "earlier this year" / "later Sunday": a position relative to
                    // now, not inside the period.
                    if !relative {
                        inner.modifier = Some(modifier);
                    }
                    best = better(best, Some(inner));
                }
            }
        }
        best
    }

    /// Every rule that starts at `i` with no leading modifier; the longest wins.
    fn core(&self, i: usize) -> Option<Found> {
        let mut best = None;
        best = better(best, self.fixed(i));
        best = better(best, self.amount_expr(i));
        best = better(best, self.calendar(i));
        best = better(best, self.weekday_expr(i));
        best = better(best, self.year_expr(i));
        best = better(best, self.quarter(i));
        best = better(best, self.shifted(i));
        best = better(best, self.season(i));
        best = better(best, self.clock(i));
        best = better(best, self.set(i));
        best = better(best, self.numeric_date(i));
        best
    }

    // ---- amounts and durations -------------------------------------------------

    /// A count: digits ("5", "5 1/2", "2.5"), number words ("twenty-five",
    /// "a"), vague words ("several"). Returns the amount and the next token.
    fn amount(&self, i: usize) -> Option<(Amount, usize)> {
        if let Some(d) = self.digits(i) {
            // "2,000" / "0.5": the tail of a larger number, or a zero, is no count.
            let tail = i
                .checked_sub(1)
                .is_some_and(|p| self.glued(i) && matches!(self.lower(p), "," | "."));
            if tail || d.starts_with('0') {
                return None;
            }
            let mut value: f64 = d.parse().ok()?;
            let mut j = i + 1;
            // 2.5
            if self.is(j, ".") && self.glued(j) && self.glued(j + 1) {
                if let Some(frac) = self.digits(j + 1) {
                    value = format!("{d}.{frac}").parse().ok()?;
                    j += 2;
                }
            }
            // 5 1/2
            if let (Some(n), true, Some(m)) = (
                self.number_value(j),
                self.is(j + 1, "/"),
                self.number_value(j + 2),
            ) {
                if m > 0 && n < m {
                    value += f64::from(n) / f64::from(m);
                    j += 3;
                }
            }
            if self.is(j, ",") || self.is(j, "%") {
                return None;
            }
            return Some((Amount::Count(value), j));
        }
        if let Some((_, j)) = self.find(i, |l| matches!(l, Lex::Vague).then_some(())) {
            return Some((Amount::Vague, j));
        }
        let ((first, article), mut j) = self.find(i, |l| match l {
            Lex::Number { value, article } => Some((*value, *article)),
            _ => None,
        })?;
        let mut value = first;
        // twenty-five / twenty five
        if (10.0..100.0).contains(&first) && first % 10.0 == 0.0 {
            let k = if self.is(j, "-") && self.glued(j) {
                j + 1
            } else {
                j
            };
            if let Some((unit, e)) = self.find(k, |l| match l {
                Lex::Number {
                    value,
                    article: false,
                } if *value < 10.0 && *value >= 1.0 => Some(*value),
                _ => None,
            }) {
                value += unit;
                j = e;
            }
        }
        // "a hundred", "two hundred"
        if !article && value < 10.0 && self.is(j, "hundred") {
            value *= 100.0;
            j += 1;
        }
        // "two and a half"
        if self.is(j, "and") && self.is(j + 1, "a") && self.is(j + 2, "half") {
            value += 0.5;
            j += 3;
        }
        Some((Amount::Count(value), j))
    }

    fn unit_at(&self, i: usize) -> Option<((Unit, bool), usize)> {
        self.find(i, |l| match l {
            Lex::Unit { unit, plural } => Some((*unit, *plural)),
            _ => None,
        })
    }

    /// Durations ("three years", "the past two months", "a 10-year"), offsets
    /// ("two days ago", "a year earlier") and vague plurals ("for decades").
    fn amount_expr(&self, i: usize) -> Option<Found> {
        let mut j = i;
        let mut has_the = false;
        if self.is(j, "the") {
            has_the = true;
            j += 1;
        }
        // "the past two months", "the next four years", "the first nine months"
        let mut span_word = false;
        if let Some((_, k)) = self.find(j, |l| match l {
            Lex::Shift {
                span: true,
                anchor: false,
                ..
            } => Some(()),
            Lex::Ordinal(1) => Some(()),
            _ => None,
        }) {
            if self.amount(k).is_some() {
                span_word = true;
                j = k;
            }
        }
        if let Some((amount, k)) = self.amount(j) {
            let mut k = k;
            let hyphen = self.is(k, "-") && self.glued(k);
            if hyphen {
                k += 1;
            }
            let Some(((unit, plural), mut e)) = self.unit_at(k) else {
                return self.bare_plural(i);
            };
            // "a year-earlier loss": the adjective stands on its own.
            if self.is(e, "-") && self.glued(e) && matches!(self.lower(e + 1), "earlier" | "ago") {
                return None;
            }
            // "a 6-year-old": an age, not a stretch of time.
            if self.is(e, "-") && self.is(e + 1, "old") || self.is(e, "old") {
                return None;
            }
            // "three-quarters of", "a quarter of": fractions.
            if unit == Unit::Quarter && (hyphen || self.is(e, "of")) {
                return None;
            }
            // "a second time": the ordinal.
            if unit == Unit::Second && self.is(j, "a") {
                return None;
            }
            // "a minute and a half"
            let mut amount = amount;
            if self.is(e, "and") && self.is(e + 1, "a") && self.is(e + 2, "half") {
                if let Amount::Count(v) = amount {
                    amount = Amount::Count(v + 0.5);
                    e += 3;
                }
            }
            // Singular after an amount above one is no duration ("two year" is
            // fine in TimeBank: keep it), but "1990 years" is not.
            if let Amount::Count(v) = amount {
                if v > 1000.0 && !plural {
                    return None;
                }
            }
            // "the 1980s" is a decade, handled elsewhere.
            if let Some(((sign, from_reference), after)) = self.find(e, |l| match l {
                Lex::Direction {
                    sign,
                    from_reference,
                } => Some((*sign, *from_reference)),
                _ => None,
            }) {
                // "an hour later": a stretch of hours counted from some event,
                // not a calendar point; the duration alone is the expression.
                // "three days later" likewise: TimeML tags the stretch, and
                // "later" is a signal; only years and quarters ("a year
                // earlier") name a period of their own.
                let short_unit = !matches!(
                    unit,
                    Unit::Year | Unit::Quarter | Unit::Decade | Unit::Century
                );
                if !span_word && (!short_unit || from_reference) {
                    return Some(Found {
                        start: i,
                        end: after,
                        sem: Sem::Offset {
                            amount,
                            unit,
                            sign,
                            from_reference,
                        },
                        modifier: None,
                    });
                }
            }
            // "the 14-day period": the adjective alone is the expression.
            let start = if hyphen && has_the && !span_word {
                i + 1
            } else {
                i
            };
            return Some(Found {
                start,
                end: e,
                sem: Sem::Duration { amount, unit },
                modifier: None,
            });
        }
        // "year-earlier" / "year-ago" / "the year-earlier quarter"
        if let Some(((Unit::Year, false), k)) = self.unit_at(j) {
            if self.is(k, "-")
                && self.glued(k)
                && (self.is(k + 1, "earlier") || self.is(k + 1, "ago"))
            {
                let mut e = k + 2;
                let quarter = self
                    .unit_at(e)
                    .is_some_and(|((u, _), _)| matches!(u, Unit::Quarter));
                if quarter || self.is(e, "period") {
                    e += 1;
                } else if has_the {
                    // "the year-earlier nine months" and the like: leave "the" out.
                    return self.amount_expr(j);
                }
                return Some(Found {
                    start: i,
                    end: e,
                    sem: Sem::YearEarlier { quarter },
                    modifier: None,
                });
            }
        }
        self.bare_plural(i)
    }

    /// "for decades", "in years", "over months": a vague duration.
    fn bare_plural(&self, i: usize) -> Option<Found> {
        let ((unit, plural), e) = self.unit_at(i)?;
        if !plural {
            return None;
        }
        let before = i.checked_sub(1).map(|p| self.lower(p)).unwrap_or("");
        if !matches!(
            before,
            "for" | "in" | "over" | "within" | "than" | "took" | "take" | "takes"
        ) {
            return None;
        }
        Some(Found {
            start: i,
            end: e,
            sem: Sem::Duration {
                amount: Amount::Vague,
                unit,
            },
            modifier: None,
        })
    }

    // ---- calendar dates ----------------------------------------------------------

    /// A month name at `i`, with an abbreviation's full stop when a number follows.
    fn month_at(&self, i: usize) -> Option<(u32, usize)> {
        let ((month, ambiguous), mut e) = self.find(i, |l| match l {
            Lex::Month { month, ambiguous } => Some((*month, *ambiguous)),
            _ => None,
        })?;
        let short = self.lower(i).len() <= 4 && self.lower(i) != "june" && self.lower(i) != "july";
        if short && self.is(e, ".") && self.glued(e) {
            e += 1;
        } else if short && self.lower(i) != "may" {
            // A bare abbreviation ("Jan") needs a number after it.
            self.digits(e)?;
        }
        if ambiguous {
            if !self.capitalised(i) {
                return None;
            }
            let before = i.checked_sub(1).map(|p| self.lower(p)).unwrap_or("");
            let datey_before = matches!(
                before,
                "in" | "since"
                    | "until"
                    | "till"
                    | "by"
                    | "from"
                    | "through"
                    | "to"
                    | "of"
                    | "early"
                    | "late"
                    | "mid"
                    | "last"
                    | "next"
                    | "this"
                    | "the"
                    | "before"
                    | "after"
                    | "during"
                    | "-"
                    | "and"
                    | "or"
                    | "on"
                    | "between"
                    | "end"
                    | "beginning"
            );
            // "planned for March", "postponed for May": "for" after a word of
            // scheduling (not "support for May", the prime minister).
            let scheduled_for = before == "for"
                && i.checked_sub(2).is_some_and(|p| {
                    matches!(
                        self.lower(p),
                        "planned"
                            | "scheduled"
                            | "rescheduled"
                            | "set"
                            | "slated"
                            | "pencilled"
                            | "penciled"
                            | "due"
                            | "postponed"
                            | "delayed"
                            | "moved"
                            | "pushed"
                            | "earmarked"
                    )
                });
            let datey_before = datey_before || scheduled_for;
            let year_after = self.year_shift(e).is_some() || self.year_at(e, true).is_some();
            let day_before = i.checked_sub(1).is_some_and(|p| {
                self.digits(p).is_some() || matches!(self.lower(p), "st" | "nd" | "rd" | "th")
            });
            if self.digits(e).is_none() && !datey_before && !year_after && !day_before {
                return None;
            }
        }
        Some((month, e))
    }

    fn day_number(&self, i: usize) -> Option<(u32, usize)> {
        let d = self.number_value(i)?;
        if !(1..=31).contains(&d) || self.digits(i).is_some_and(|s| s.len() > 2) {
            return None;
        }
        let mut e = i + 1;
        // 7th, 1st, 22nd
        if matches!(self.lower(e), "st" | "nd" | "rd" | "th") && self.glued(e) {
            e += 1;
        }
        let glued_number_after = self.glued(e + 1) && self.digits(e + 1).is_some();
        if (self.is(e, ":") || self.is(e, "/") || self.is(e, ".")) && glued_number_after
            || self.is(e, "%")
        {
            return None;
        }
        Some((d, e))
    }

    /// A four-digit year, or "'98". `strict` = no context needed.
    fn year_at(&self, i: usize, strict: bool) -> Option<(i32, usize)> {
        let start = if self.is(i, ",") { i + 1 } else { i };
        if self.is(start, "'") && self.glued(start + 1) {
            let d = self.digits(start + 1).filter(|d| d.len() == 2)?;
            let y: i32 = d.parse().ok()?;
            return Some((if y < 30 { 2000 + y } else { 1900 + y }, start + 2));
        }
        if let Some(spoken) = self.spoken_year(start) {
            return Some(spoken);
        }
        let d = self.digits(start).filter(|d| d.len() == 4)?;
        let y: i32 = d.parse().ok()?;
        // A bare number needs a preposition before it to count as an older year
        // ("in 1898"); from 1900 on it counts alone.
        let after_preposition = start.checked_sub(1).is_some_and(|p| {
            matches!(
                self.lower(p),
                "in" | "since"
                    | "from"
                    | "until"
                    | "by"
                    | "before"
                    | "after"
                    | "of"
                    | "during"
                    | "year"
            )
        });
        let floor = if strict || after_preposition {
            1000
        } else {
            1900
        };
        if !(floor..=2100).contains(&y) {
            return None;
        }
        // "1990-91", "1,990", "1990.5"
        if (self.is(start + 1, ",") || self.is(start + 1, ".") || self.is(start + 1, "/"))
            && self.digits(start + 2).is_some()
            && self.glued(start + 2)
        {
            return None;
        }
        if self.clock_follows(start, d) {
            return None;
        }
        Some((y, start + 1))
    }

    /// Whether the four digits at `i` read as a 24-hour clock: "by 1000 London
    /// time", "from 1800 to 2100 hrs", "at 1430 GMT" (an hour below 24 and
    /// minutes below 60, with a clock word after it or after the range's end).
    fn clock_follows(&self, i: usize, digits: &str) -> bool {
        let (Some(Ok(h)), Some(Ok(m))) = (
            digits.get(..2).map(str::parse::<u32>),
            digits.get(2..).map(str::parse::<u32>),
        ) else {
            return false;
        };
        if h > 24 || m > 59 {
            return false;
        }
        let mut k = i + 1;
        // "1800 to 2100 hrs", "1800-2100 GMT": look past the range's end.
        if (self.is(k, "to") || self.is(k, "-") || self.is(k, "and"))
            && self.digits(k + 1).is_some_and(|d| d.len() == 4)
        {
            k += 2;
        }
        const CLOCK: &[&str] = &[
            "hrs", "hours", "hour", "gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "bst",
            "cet", "cest", "jst",
        ];
        if CLOCK.contains(&self.lower(k)) {
            return true;
        }
        // "1000 London time", "2300 Tokyo time"
        self.lower(k + 1) == "time" && self.lower(k) != "the"
    }

    /// A year in words, as broadcast transcripts write them: "nineteen
    /// ninety-six", "two thousand", "two thousand and one".
    fn spoken_year(&self, i: usize) -> Option<(i32, usize)> {
        let number = |k: usize| {
            self.find(k, |l| match l {
                Lex::Number {
                    value,
                    article: false,
                } => Some(*value),
                _ => None,
            })
        };
        let (first, j) = number(i)?;
        if first == 2.0 && self.is(j, "thousand") {
            let mut e = j + 1;
            if self.is(e, "and") {
                e += 1;
            }
            return match self.amount(e) {
                Some((Amount::Count(v), e2)) if (1.0..100.0).contains(&v) && v.fract() == 0.0 => {
                    Some((2000 + v as i32, e2))
                }
                _ => Some((2000, j + 1)),
            };
        }
        if !(first == 19.0 || first == 18.0 || first == 20.0) {
            return None;
        }
        match self.amount(j) {
            Some((Amount::Count(v), e)) if (10.0..100.0).contains(&v) && v.fract() == 0.0 => {
                Some((first as i32 * 100 + v as i32, e))
            }
            _ => None,
        }
    }

    fn calendar(&self, i: usize) -> Option<Found> {
        let mut best = None;
        // "last August", "next March", "this September"
        if let Some((shift, j)) = self.find(i, |l| match l {
            Lex::Shift { by, .. } => Some(*by),
            _ => None,
        }) {
            if let Some((month, e)) = self.month_at(j) {
                if self.day_number(e).is_none() {
                    let sem = if shift == 0 {
                        Sem::Calendar {
                            year: YearSpec::Shift(0),
                            month,
                            day: None,
                        }
                    } else {
                        Sem::MonthShift { month, shift }
                    };
                    best = better(
                        best,
                        Some(Found {
                            start: i,
                            end: e,
                            sem,
                            modifier: None,
                        }),
                    );
                }
            }
        }
        // "Friday, Oct. 27", "Friday 22 March": a weekday before a full date
        // joins it (the date decides the value).
        let mut starts = vec![i];
        if let Some((_, k)) = self.find(i, |l| {
            matches!(l, Lex::Weekday { plural: false, .. }).then_some(())
        }) {
            starts.push(if self.is(k, ",") { k + 1 } else { k });
        }
        for (n, &j) in starts.iter().enumerate() {
            let after_weekday = n > 0;
            let found = better(self.month_first(i, j), self.day_first(i, j));
            if let Some(f) = found {
                if after_weekday && !matches!(f.sem, Sem::Calendar { day: Some(_), .. }) {
                    continue;
                }
                best = better(best, Some(f));
            }
        }
        best
    }

    /// The end of a range's second day after a first one ("28-29", "28–29",
    /// "28 to 29", "28 and 29"): a span of days is dated by its first, and
    /// the year or month after the range belongs to it. `e` unchanged where
    /// no second day follows.
    fn day_range_end(&self, e: usize) -> usize {
        let Some((_, e2)) = self.day_number(e + 1) else {
            return e;
        };
        // ("April 28 and 30 others": a word range needs its year after it.)
        let range = self.is(e, "-")
            || ((self.is(e, "to") || self.is(e, "and")) && self.year_at(e2, true).is_some());
        if range {
            e2
        } else {
            e
        }
    }

    /// Month first: "Jan. 7", "Jan. 7, 2022", "January 2022", "March next year",
    /// "April 28-29, 2018".
    fn month_first(&self, start: usize, j: usize) -> Option<Found> {
        let (month, e) = self.month_at(j)?;
        let (day, e) = match self.day_number(e) {
            Some((d, e2)) => (Some(d), self.day_range_end(e2)),
            None => (None, e),
        };
        let of = if day.is_none() && self.is(e, "of") {
            e + 1
        } else {
            e
        };
        let (year, e) = if let Some((y, e3)) = self.year_at(of, true) {
            (YearSpec::Given(y), e3)
        } else if let Some((shift, e3)) = self.year_shift(e) {
            (YearSpec::Shift(shift), e3)
        } else {
            (YearSpec::Infer, e)
        };
        Some(Found {
            start,
            end: e,
            sem: Sem::Calendar { year, month, day },
            modifier: None,
        })
    }

    /// Day first: "7 January", "the 7th of January 2022".
    fn day_first(&self, start: usize, j: usize) -> Option<Found> {
        let j = if self.is(j, "the") { j + 1 } else { j };
        let (day, e) = self.day_number(j)?;
        // "28-29 April 2018": the first day of the range.
        let e = match self.day_number(e + 1) {
            Some((_, e2)) if self.is(e, "-") || self.is(e, "to") || self.is(e, "and") => {
                if self.month_at(e2).is_some() {
                    e2
                } else {
                    e
                }
            }
            _ => e,
        };
        let e = if self.is(e, "of") { e + 1 } else { e };
        let (month, e) = self.month_at(e)?;
        let (year, e) = match self.year_at(e, true) {
            Some((y, e2)) => (YearSpec::Given(y), e2),
            None => (YearSpec::Infer, e),
        };
        Some(Found {
            start,
            end: e,
            sem: Sem::Calendar {
                year,
                month,
                day: Some(day),
            },
            modifier: None,
        })
    }

    /// "next year", "last year", "this year" after a month.
    fn year_shift(&self, i: usize) -> Option<(i32, usize)> {
        let (by, j) = self.find(i, |l| match l {
            Lex::Shift { by, .. } => Some(*by),
            _ => None,
        })?;
        let ((unit, plural), e) = self.unit_at(j)?;
        (unit == Unit::Year && !plural).then_some((by, e))
    }

    /// "1990-01-07", "01/07/1990", "1/7/90".
    fn numeric_date(&self, i: usize) -> Option<Found> {
        let a = self.digits(i)?;
        let sep = self.lower(i + 1);
        if !(sep == "-" || sep == "/")
            || !self.glued(i + 1)
            || !self.glued(i + 2)
            || self.lower(i + 3) != sep
            || !self.glued(i + 3)
            || !self.glued(i + 4)
        {
            return None;
        }
        let b = self.digits(i + 2)?;
        let c = self.digits(i + 4)?;
        let (y, m, d) = if a.len() == 4 && sep == "-" {
            (a.parse().ok()?, b.parse().ok()?, c.parse().ok()?)
        } else if sep == "/" && a.len() <= 2 && b.len() <= 2 && (c.len() == 4 || c.len() == 2) {
            let y: i32 = c.parse().ok()?;
            let y = if c.len() == 2 {
                if y < 30 {
                    2000 + y
                } else {
                    1900 + y
                }
            } else {
                y
            };
            (y, a.parse().ok()?, b.parse().ok()?)
        } else {
            return None;
        };
        chrono::NaiveDate::from_ymd_opt(y, m, d)?;
        Some(Found {
            start: i,
            end: i + 5,
            sem: Sem::Calendar {
                year: YearSpec::Given(y),
                month: m,
                day: Some(d),
            },
            modifier: None,
        })
    }

    // ---- weekdays ------------------------------------------------------------------

    fn weekday_at(&self, i: usize) -> Option<((u32, bool), usize)> {
        let ((weekday, plural, ambiguous), mut e) = self.find(i, |l| match l {
            Lex::Weekday {
                weekday,
                plural,
                ambiguous,
            } => Some((*weekday, *plural, *ambiguous)),
            _ => None,
        })?;
        // An abbreviation ("Tues.") needs its full stop; one that is also a word
        // ("Sun.", "Wed.") a capital as well.
        let abbreviation = self.lower(i).len() <= 5 && !self.lower(i).ends_with("day");
        if abbreviation {
            if !(self.is(e, ".") && self.glued(e)) || ambiguous && !self.capitalised(i) {
                return None;
            }
            e += 1;
        }
        Some(((weekday, plural), e))
    }

    fn part_of_day(&self, i: usize) -> Option<((String, bool), usize)> {
        self.find(i, |l| match l {
            Lex::PartOfDay { code, plural } => Some((code.clone(), *plural)),
            _ => None,
        })
    }

    /// "Friday", "last Friday", "Friday morning", "Tuesday nights".
    fn weekday_expr(&self, i: usize) -> Option<Found> {
        let mut j = i;
        let mut shift = None;
        let mut week = false;
        if let Some(((by, w), k)) = self.find(i, |l| match l {
            Lex::Shift { by, week, .. } => Some((*by, *week)),
            _ => None,
        }) {
            shift = Some(by);
            week = w;
            j = k;
        }
        let ((weekday, plural), mut e) = self.weekday_at(j)?;
        let mut part = None;
        let mut plural_part = false;
        if let Some(((code, p), k)) = self.part_of_day(e) {
            part = Some(code);
            plural_part = p;
            e = k;
        }
        if plural || plural_part {
            return Some(Found {
                start: i,
                end: e,
                sem: Sem::WeekdaySet { weekday, part },
                modifier: None,
            });
        }
        Some(Found {
            start: i,
            end: e,
            sem: Sem::Weekday {
                weekday,
                shift,
                week,
                part,
                clock: None,
            },
            modifier: None,
        })
    }

    // ---- years, decades, quarters, seasons -------------------------------------------

    fn year_expr(&self, i: usize) -> Option<Found> {
        let mut j = i;
        let mut context = false;
        if self.is(j, "the") {
            j += 1;
        }
        // "fiscal 1990", "fiscal year 1990", "the year 2000", "calendar 1990"
        if self
            .find(j, |l| matches!(l, Lex::Fiscal).then_some(()))
            .is_some()
            || self.is(j, "calendar")
        {
            j += 1;
            context = true;
        }
        if let Some(((Unit::Year, false), k)) = self.unit_at(j) {
            if self.year_at(k, true).is_some() {
                j = k;
                context = true;
            }
        }
        // Centuries: "the 20th century", "the twentieth century"
        let ordinal = if let Some(n) = self
            .number_value(j)
            .filter(|_| matches!(self.lower(j + 1), "st" | "nd" | "rd" | "th") && self.glued(j + 1))
        {
            Some((n as i32, j + 2))
        } else {
            self.find(j, |l| match l {
                Lex::Ordinal(n) if *n > 0 => Some(*n),
                _ => None,
            })
        };
        if let Some((n, k)) = ordinal {
            let k = if self.is(k, "-") && self.glued(k) {
                k + 1
            } else {
                k
            };
            if let Some(((Unit::Century, false), e)) = self.unit_at(k) {
                if (1..=30).contains(&n) {
                    return Some(Found {
                        start: i,
                        end: e,
                        sem: Sem::Century(n - 1),
                        modifier: None,
                    });
                }
            }
        }
        // Decades: "the 1990s", "1990s"; "the 1800s" is a century.
        if let Some(d) = self.digits(j).filter(|d| d.len() == 4) {
            if self.is(j + 1, "s") && self.glued(j + 1) {
                let y: i32 = d.parse().ok()?;
                if y % 10 == 0 {
                    let sem = if y % 100 == 0 {
                        Sem::Century(y / 100)
                    } else {
                        Sem::Decade(y)
                    };
                    return Some(Found {
                        start: i,
                        end: j + 2,
                        sem,
                        modifier: None,
                    });
                }
            }
        }
        // "the nineties", "the late sixties"
        if i < j || self.after_position(i) {
            if let Some((tens, e)) = self.find(j, |l| match l {
                Lex::DecadeWord(t) => Some(*t),
                _ => None,
            }) {
                return Some(Found {
                    start: i,
                    end: e,
                    sem: Sem::Decade(1900 + 10 * tens),
                    modifier: None,
                });
            }
        }
        // "the 90s" (after "the" only: "in his 90s" is an age).
        if i < j {
            if let Some(d) = self.digits(j).filter(|d| d.len() == 2) {
                let y: i32 = d.parse().ok()?;
                if y % 10 == 0 && self.is(j + 1, "s") && self.glued(j + 1) {
                    return Some(Found {
                        start: i,
                        end: j + 2,
                        sem: Sem::Decade(1900 + y),
                        modifier: None,
                    });
                }
            }
        }
        if self.is(j, "'") && self.is(j + 2, "s") && self.glued(j + 2) {
            if let Some(d) = self.digits(j + 1).filter(|d| d.len() == 2) {
                let y: i32 = d.parse().ok()?;
                if y % 10 == 0 {
                    return Some(Found {
                        start: i,
                        end: j + 3,
                        sem: Sem::Decade(1900 + y),
                        modifier: None,
                    });
                }
            }
        }
        let (year, e) = self.year_at(j, context)?;
        if !context {
            // A bare number: reject quantities ("1990 shares", "$1990").
            if self
                .find(e, |l| matches!(l, Lex::NotYearAfter).then_some(()))
                .is_some()
            {
                return None;
            }
            if let Some(p) = j.checked_sub(1) {
                if self
                    .find(p, |l| matches!(l, Lex::NotYearBefore).then_some(()))
                    .is_some()
                {
                    return None;
                }
            }
            if self.is(e, "-") && self.digits(e + 1).is_some() && self.glued(e) {
                return None;
            }
        }
        // "the 1988 period": keep "the" only with a following period noun.
        if self.is(i, "the") && !context {
            return None;
        }
        Some(Found {
            start: i,
            end: e,
            sem: Sem::Year(year),
            modifier: None,
        })
    }

    /// "the third quarter", "third-quarter", "the fiscal first quarter",
    /// "the fourth quarter of 1990", "last quarter", "the first half".
    fn quarter(&self, i: usize) -> Option<Found> {
        let mut j = i;
        let has_the = self.is(j, "the");
        if has_the {
            j += 1;
        }
        // "this year's third quarter", "1989's second quarter", "the 1988 third quarter"
        let mut year = None;
        if let Some((y, k)) = self.year_at(j, true) {
            if self.is(k, "'s") {
                year = Some(YearSpec::Given(y));
                j = k + 1;
            } else if has_the
                && self
                    .find(k, |l| matches!(l, Lex::Ordinal(_)).then_some(()))
                    .is_some()
            {
                year = Some(YearSpec::Given(y));
                j = k;
            }
        } else if let Some((by, k)) = self.year_shift(j) {
            if self.is(k, "'s") {
                year = Some(YearSpec::Shift(by));
                j = k + 1;
            }
        }
        if self
            .find(j, |l| matches!(l, Lex::Fiscal).then_some(()))
            .is_some()
        {
            j += 1;
        }
        // "the latest quarter", "last quarter", "this quarter"
        if let Some(((by, anchor), k)) = self.find(j, |l| match l {
            Lex::Shift { by, anchor, .. } => Some((*by, *anchor)),
            _ => None,
        }) {
            if let Some(((Unit::Quarter, false), e)) = self.unit_at(k) {
                let sem = if self.is(j, "latest") {
                    Sem::LatestQuarter
                } else if anchor {
                    Sem::Anchored {
                        unit: Unit::Quarter,
                        shift: by,
                    }
                } else {
                    Sem::Relative {
                        unit: Unit::Quarter,
                        shift: by,
                        part: None,
                        clock: None,
                    }
                };
                return Some(Found {
                    start: i,
                    end: e,
                    sem,
                    modifier: None,
                });
            }
        }
        if has_the && (self.is(j, "quarter") || self.is(j, "latest") && self.is(j + 1, "period")) {
            let e = if self.is(j, "quarter") { j + 1 } else { j + 2 };
            if !self.is(e, "-") {
                return Some(Found {
                    start: i,
                    end: e,
                    sem: Sem::LatestQuarter,
                    modifier: None,
                });
            }
        }
        let (ordinal, k) = self.find(j, |l| match l {
            Lex::Ordinal(n) => Some(*n),
            _ => None,
        })?;
        let hyphen = self.is(k, "-") && self.glued(k);
        let k = if hyphen { k + 1 } else { k };
        let (is_half, e) = if let Some(((Unit::Quarter, false), e)) = self.unit_at(k) {
            (false, e)
        } else if self.is(k, "half") {
            (true, k + 1)
        } else {
            return None;
        };
        let max = if is_half { 2 } else { 4 };
        let n = if ordinal == -1 { max } else { ordinal };
        if !(1..=max).contains(&n) {
            return None;
        }
        let mut end = e;
        let year_first = year.is_some();
        let year = match year {
            Some(y) => y,
            None => {
                let of = if self.is(e, "of") { e + 1 } else { e };
                if let Some((y, e2)) = self.year_at(of, true) {
                    end = e2;
                    YearSpec::Given(y)
                } else if let Some((by, e2)) = self.year_shift(of).filter(|_| of > e) {
                    end = e2;
                    YearSpec::Shift(by)
                } else if self.is(of, "this") && self.is(of + 1, "year") {
                    end = of + 2;
                    YearSpec::Shift(0)
                } else {
                    YearSpec::Infer
                }
            }
        };
        // "third-quarter" as an adjective keeps its extent; "the" joins a noun use.
        let sem = if is_half {
            Sem::Half {
                year,
                half: n as u32,
            }
        } else {
            Sem::Quarter {
                year,
                quarter: n as u32,
            }
        };
        // "the third-quarter results": the adjective alone is the expression.
        let start = if hyphen && has_the && !year_first {
            i + 1
        } else {
            i
        };
        Some(Found {
            start,
            end,
            sem,
            modifier: None,
        })
    }

    /// Token `i` follows a position word ("late", "mid-").
    fn after_position(&self, i: usize) -> bool {
        (i.saturating_sub(2)..i).any(|p| {
            self.find(p, |l| matches!(l, Lex::Position { .. }).then_some(()))
                .is_some_and(|(_, end)| end == i || end + 1 == i && self.is(end, "-"))
        })
    }

    /// "last fall", "this summer", "the spring of 1990", "summer 1990".
    fn season(&self, i: usize) -> Option<Found> {
        let mut j = i;
        let mut shift = None;
        let mut determiner = false;
        if let Some((by, k)) = self.find(j, |l| match l {
            Lex::Shift { by, .. } => Some(*by),
            _ => None,
        }) {
            shift = Some(by);
            j = k;
            determiner = true;
        } else if self.is(j, "the") {
            j += 1;
            determiner = true;
        }
        let ((code, ambiguous), e) = self.find(j, |l| match l {
            Lex::Season { code, ambiguous } => Some((code.clone(), *ambiguous)),
            _ => None,
        })?;
        let of = if self.is(e, "of") { e + 1 } else { e };
        if let Some((y, e2)) = self.year_at(of, true) {
            return Some(Found {
                start: i,
                end: e2,
                sem: Sem::Season {
                    year: YearSpec::Given(y),
                    code,
                    shift: None,
                },
                modifier: None,
            });
        }
        // "late spring", "mid-summer": a position word serves as determiner.
        if self.is(e, "of") || !(determiner || self.after_position(i)) {
            return None;
        }
        if ambiguous && shift.is_none() && self.is(i, "the") {
            // "the fall" is mostly a fall, not autumn, unless a year follows.
            return None;
        }
        Some(Found {
            start: i,
            end: e,
            sem: Sem::Season {
                year: YearSpec::Infer,
                code,
                shift,
            },
            modifier: None,
        })
    }

    /// "last year", "next month", "this week", "the year", "the past year".
    fn shifted(&self, i: usize) -> Option<Found> {
        let pick = |l: &'l Lex| match l {
            Lex::Shift {
                by, span, anchor, ..
            } => Some((*by, *span, *anchor)),
            _ => None,
        };
        // "the same day" is one shift phrase starting with "the".
        let whole = self.find(i, pick);
        let mut j = i;
        let has_the = self.is(j, "the") && whole.is_none();
        if has_the {
            j += 1;
        }
        let shift = whole.or_else(|| self.find(j, pick));
        let (by, spanning, anchored, k) = match shift {
            Some(((by, span, anchor), k)) => (by, span, anchor, k),
            None if has_the => (0, false, false, j),
            None => return None,
        };
        let ((unit, plural), e) = self.unit_at(k)?;
        if plural || self.is(e, "-") {
            return None;
        }
        if unit == Unit::Weekend {
            return None;
        }
        // "the following year", "that day", "the next day": counted from the
        // date last mentioned.
        if anchored || has_the && k > j && unit == Unit::Day && by != 0 {
            return Some(Found {
                start: i,
                end: e,
                sem: Sem::Anchored { unit, shift: by },
                modifier: None,
            });
        }
        // "the past year", "the next month": a stretch of time, not a calendar period.
        if has_the && spanning && k > j {
            return Some(Found {
                start: i,
                end: e,
                sem: Sem::Duration {
                    amount: Amount::Count(1.0),
                    unit,
                },
                modifier: None,
            });
        }
        if has_the && k == j && matches!(self.lower(e), "ended" | "ending") {
            // "for the year ended Sept. 30": a stretch of time ending then.
            return Some(Found {
                start: i,
                end: e,
                sem: Sem::Duration {
                    amount: Amount::Count(1.0),
                    unit,
                },
                modifier: None,
            });
        }
        if has_the && k == j {
            // "the year", "the month": this one. "The day" and "the week" are too often
            // some other day or week to count.
            if !matches!(
                unit,
                Unit::Year | Unit::Month | Unit::Decade | Unit::Century
            ) {
                return None;
            }
            // "the year 2000" is a year, "the day before" a relative day.
            if self.year_at(e, true).is_some() {
                return None;
            }
        }
        if unit == Unit::Decade {
            return Some(Found {
                start: i,
                end: e,
                sem: Sem::Relative {
                    unit,
                    shift: by,
                    part: None,
                    clock: None,
                },
                modifier: None,
            });
        }
        Some(Found {
            start: i,
            end: e,
            sem: Sem::Relative {
                unit,
                shift: by,
                part: None,
                clock: None,
            },
            modifier: None,
        })
    }

    // ---- clock times ---------------------------------------------------------------

    /// "10:35 a.m.", "10 p.m. Wednesday", "noon Thursday", "midnight".
    fn clock(&self, i: usize) -> Option<Found> {
        let (hour, minute, e) = if self.is(i, "noon") || self.is(i, "midday") {
            (12, 0, i + 1)
        } else if self.is(i, "midnight") {
            (24, 0, i + 1)
        } else {
            // "0600 GMT": a 24-hour time, only with a zone after it.
            if let Some(d) = self.digits(i).filter(|d| d.len() == 4) {
                let zone_after = self.find(i + 1, |l| matches!(l, Lex::Zone(_)).then_some(()));
                let (h, m) = (
                    d.get(..2)?.parse::<u32>().ok()?,
                    d.get(2..)?.parse::<u32>().ok()?,
                );
                if zone_after.is_none() || h > 24 || m > 59 {
                    return None;
                }
                return self.clock_tail(i, h, m, i + 1);
            }
            let h = self
                .number_value(i)
                .filter(|h| *h <= 24 && self.digits(i).is_some_and(|d| d.len() <= 2))?;
            let (m, e) = if self.is(i + 1, ":") && self.glued(i + 1) && self.glued(i + 2) {
                let m = self
                    .number_value(i + 2)
                    .filter(|m| *m < 60 && self.digits(i + 2).is_some_and(|d| d.len() == 2))?;
                (m, i + 3)
            } else {
                (0, i + 1)
            };
            let meridiem = self.lower(e);
            let (h, e) = match meridiem {
                "a.m." | "a.m" | "am" if h <= 12 => (if h == 12 { 0 } else { h }, e + 1),
                "p.m." | "p.m" | "pm" if h <= 12 => (if h == 12 { 12 } else { h + 12 }, e + 1),
                _ if e == i + 3 => (h, e),
                _ => return None,
            };
            (h, m, e)
        };
        self.clock_tail(i, hour, minute, e)
    }

    /// The rest of a clock time from token `e`: a zone, then an attached day.
    fn clock_tail(&self, i: usize, hour: u32, minute: u32, e: usize) -> Option<Found> {
        let mut e = e;
        // Time zones ride along.
        if let Some((_, z)) = self.find(e, |l| matches!(l, Lex::Zone(_)).then_some(())) {
            e = z;
        }
        // An attached day: "10 p.m. Wednesday", "5 p.m. EST, Nov. 9", "noon today".
        let k = if self.is(e, ",") { e + 1 } else { e };
        let mut day = None;
        if let Some(f) = self
            .weekday_expr(k)
            .filter(|f| matches!(f.sem, Sem::Weekday { part: None, .. }))
        {
            day = Some(Box::new(f.sem));
            e = f.end;
        } else if let Some(f) = self
            .calendar(k)
            .filter(|f| matches!(f.sem, Sem::Calendar { day: Some(_), .. }))
        {
            day = Some(Box::new(f.sem));
            e = f.end;
        } else if let Some(f) = self.fixed(k).filter(|f| {
            matches!(
                f.sem,
                Sem::Relative {
                    unit: Unit::Day,
                    part: None,
                    ..
                }
            )
        }) {
            day = Some(Box::new(f.sem));
            e = f.end;
        }
        Some(Found {
            start: i,
            end: e,
            sem: Sem::Clock { hour, minute, day },
            modifier: None,
        })
    }

    // ---- sets ------------------------------------------------------------------------

    /// "every Thursday", "each July".
    fn set(&self, i: usize) -> Option<Found> {
        if !(self.is(i, "every") || self.is(i, "each")) {
            return None;
        }
        // "every two years": a recurring stretch.
        if let Some((Amount::Count(n), k)) = self.amount(i + 1) {
            if let Some(((unit, _), e)) = self.unit_at(k) {
                if n >= 1.0 && n.fract() == 0.0 {
                    return Some(Found {
                        start: i,
                        end: e,
                        sem: Sem::Literal {
                            kind: crate::TimexType::Set,
                            value: crate::resolve::duration_value(Amount::Count(n), unit),
                        },
                        modifier: None,
                    });
                }
            }
        }
        if let Some(((weekday, _), e)) = self.weekday_at(i + 1) {
            return Some(Found {
                start: i,
                end: e,
                sem: Sem::WeekdaySet {
                    weekday,
                    part: None,
                },
                modifier: None,
            });
        }
        if let Some((month, e)) = self.month_at(i + 1) {
            return Some(Found {
                start: i,
                end: e,
                sem: Sem::Literal {
                    kind: crate::TimexType::Set,
                    value: format!("XXXX-{month:02}"),
                },
                modifier: None,
            });
        }
        None
    }
}

/// Reads a value template from `phrases.txt` (see data/README.md).
fn template(kind: &str, value: &str) -> Option<Sem> {
    let timex_type = match kind {
        "DATE" => crate::TimexType::Date,
        "TIME" => crate::TimexType::Time,
        "DURATION" => crate::TimexType::Duration,
        _ => crate::TimexType::Set,
    };
    let units: &[(&str, Unit)] = &[
        ("day", Unit::Day),
        ("weekend", Unit::Weekend),
        ("week", Unit::Week),
        ("month", Unit::Month),
        ("quarter", Unit::Quarter),
        ("year", Unit::Year),
        ("decade", Unit::Decade),
        ("century", Unit::Century),
    ];
    for (name, unit) in units {
        if let Some(rest) = value.strip_prefix(name) {
            if !(rest.starts_with('+') || rest.starts_with('-')) {
                continue;
            }
            let (shift_text, tail) = match rest[1..].find(|c: char| !c.is_ascii_digit()) {
                Some(p) => rest.split_at(p + 1),
                None => (rest, ""),
            };
            let shift: i32 = shift_text.parse().ok()?;
            let mut part = None;
            let mut clock = None;
            if let Some(code) = tail.strip_prefix(':') {
                part = Some(code.to_string());
            } else if let Some(hm) = tail.strip_prefix('@') {
                let (h, m) = hm.split_once(':')?;
                clock = Some((h.parse().ok()?, m.parse().ok()?));
            }
            return Some(Sem::Relative {
                unit: *unit,
                shift,
                part,
                clock,
            });
        }
    }
    Some(Sem::Literal {
        kind: timex_type,
        value: value.to_string(),
    })
}
