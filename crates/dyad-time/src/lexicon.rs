//! The lexicons in `data/`, parsed once at first use.
//!
//! Every data file has the same line format (see `data/README.md`):
//! `phrase | category | value [| flag ...]`. Phrases are split with the same
//! tokenizer the scanner uses, so "new year's day" matches the text's tokens.

use crate::tokens::tokenize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// What a lexicon phrase means to the scanner.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Lex {
    Month {
        month: u32,
        ambiguous: bool,
    },
    Weekday {
        weekday: u32,
        plural: bool,
        ambiguous: bool,
    },
    Season {
        code: String,
        ambiguous: bool,
    },
    PartOfDay {
        code: String,
        plural: bool,
    },
    Unit {
        unit: Unit,
        plural: bool,
    },
    Number {
        value: f64,
        article: bool,
    },
    Vague,
    /// "the nineties": tens of a decade of the 1900s.
    DecadeWord(i32),
    Ordinal(i32),
    Position {
        modifier: &'static str,
        relative: bool,
    },
    Approx(&'static str),
    Shift {
        by: i32,
        span: bool,
        /// Counts from the date last mentioned ("the following year").
        anchor: bool,
        /// "that", "the same": no calendar shift word of its own.
        demonstrative: bool,
        /// With a weekday, names that day of the next calendar week ("next
        /// Wednesday" said on a Monday is nine days on), not the nearest one.
        week: bool,
    },
    Direction {
        sign: i32,
        from_reference: bool,
    },
    Fiscal,
    /// A time zone after a clock time; minutes east of UTC (`None`: local time).
    Zone(Option<i32>),
    Holiday(HolidayRule),
    Fixed {
        kind: String,
        value: String,
        modifier: Option<String>,
    },
    Tense(crate::TenseHint),
    NotYearAfter,
    NotYearBefore,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum HolidayRule {
    Fixed {
        month: u32,
        day: u32,
    },
    NthWeekday {
        month: u32,
        weekday: u32,
        nth: i32,
    },
    /// Days from Western Easter Sunday.
    FromEaster {
        days: i32,
    },
}

#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// The phrase's tokens after the first one.
    pub rest: Vec<String>,
    pub lex: Lex,
}

/// All lexicons, keyed by the phrase's first token.
#[derive(Debug, Default, Clone)]
pub(crate) struct Lexicon {
    by_first: HashMap<String, Vec<Entry>>,
    /// Problems found while parsing the data files (reported, never fatal).
    pub problems: Vec<String>,
}

const FILES: &[(&str, &str)] = &[
    ("calendar.txt", include_str!("../data/calendar.txt")),
    ("units.txt", include_str!("../data/units.txt")),
    ("numbers.txt", include_str!("../data/numbers.txt")),
    ("modifiers.txt", include_str!("../data/modifiers.txt")),
    ("holidays.txt", include_str!("../data/holidays.txt")),
    ("phrases.txt", include_str!("../data/phrases.txt")),
    ("tense.txt", include_str!("../data/tense.txt")),
    ("stopwords.txt", include_str!("../data/stopwords.txt")),
];

/// The bundled lexicons, parsed once.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::builtin)
}

fn static_mod(value: &str) -> Option<&'static str> {
    Some(match value {
        "START" => "START",
        "MID" => "MID",
        "END" => "END",
        "APPROX" => "APPROX",
        "LESS_THAN" => "LESS_THAN",
        "MORE_THAN" => "MORE_THAN",
        "EQUAL_OR_LESS" => "EQUAL_OR_LESS",
        "EQUAL_OR_MORE" => "EQUAL_OR_MORE",
        _ => return None,
    })
}

fn unit_of(code: &str) -> Option<Unit> {
    Some(match code {
        "S" => Unit::Second,
        "MIN" => Unit::Minute,
        "H" => Unit::Hour,
        "D" => Unit::Day,
        "W" => Unit::Week,
        "WE" => Unit::Weekend,
        "M" => Unit::Month,
        "Q" => Unit::Quarter,
        "Y" => Unit::Year,
        "DE" => Unit::Decade,
        "CE" => Unit::Century,
        _ => return None,
    })
}

fn holiday_rule(value: &str) -> Option<HolidayRule> {
    if let Some(days) = value.strip_prefix("easter") {
        let days = days.strip_prefix('+').unwrap_or(days);
        return Some(HolidayRule::FromEaster {
            days: days.parse().ok()?,
        });
    }
    if let Some((m, d)) = value.split_once('-').filter(|_| !value.contains(' ')) {
        return Some(HolidayRule::Fixed {
            month: m.trim().parse().ok()?,
            day: d.trim().parse().ok()?,
        });
    }
    let mut parts = value.split_whitespace();
    let month = parts.next()?.parse().ok()?;
    let weekday = parts.next()?.parse().ok()?;
    let nth = parts.next()?.parse().ok()?;
    Some(HolidayRule::NthWeekday {
        month,
        weekday,
        nth,
    })
}

impl Lexicon {
    /// The data files bundled in `data/`.
    pub(crate) fn builtin() -> Lexicon {
        let mut lexicon = Lexicon::default();
        for (name, text) in FILES {
            lexicon.add_file(name, text);
        }
        lexicon
    }

    /// Adds the entries of one data file (same format as `data/`); lines that
    /// cannot be read are recorded in `problems`. Entries added later win over
    /// earlier ones for the same phrase.
    pub(crate) fn add_file(&mut self, name: &str, text: &str) {
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            match parse_line(line) {
                Some((phrase, lex)) => self.add(&phrase, lex),
                None => self
                    .problems
                    .push(format!("{name}:{}: cannot read `{line}`", n + 1)),
            }
        }
    }

    fn add(&mut self, phrase: &str, lex: Lex) {
        let mut tokens = tokenize(phrase).into_iter().map(|t| t.lower);
        let Some(first) = tokens.next() else { return };
        let rest: Vec<String> = tokens.collect();
        let list = self.by_first.entry(first).or_default();
        // Newest first, then (stable sort) longest first: the first match found
        // is the longest, and among equals the one added last.
        list.insert(0, Entry { rest, lex });
        list.sort_by_key(|e| std::cmp::Reverse(e.rest.len()));
    }

    /// Entries whose first token is `first`.
    pub fn entries(&self, first: &str) -> &[Entry] {
        self.by_first.get(first).map(Vec::as_slice).unwrap_or(&[])
    }
}

fn parse_line(line: &str) -> Option<(String, Lex)> {
    let fields: Vec<&str> = line.split(" | ").map(str::trim).collect();
    let phrase = fields.first()?.to_string();
    let category = *fields.get(1)?;
    let value = fields.get(2).copied().unwrap_or("");
    let flags = fields.get(3..).unwrap_or(&[]);
    let has = |f: &str| flags.contains(&f);
    let lex = match category {
        "month" => Lex::Month {
            month: value.parse().ok()?,
            ambiguous: has("ambiguous"),
        },
        "weekday" => Lex::Weekday {
            weekday: value.parse().ok()?,
            plural: has("plural"),
            ambiguous: has("ambiguous"),
        },
        "season" => Lex::Season {
            code: value.to_string(),
            ambiguous: has("ambiguous"),
        },
        "part-of-day" => Lex::PartOfDay {
            code: value.to_string(),
            plural: has("plural"),
        },
        "unit" => Lex::Unit {
            unit: unit_of(value)?,
            plural: has("plural"),
        },
        "number" => Lex::Number {
            value: value.parse().ok()?,
            article: has("article"),
        },
        "vague" => Lex::Vague,
        "decade" => Lex::DecadeWord(value.parse().ok()?),
        "ordinal" => Lex::Ordinal(value.parse().ok()?),
        "position" => Lex::Position {
            modifier: static_mod(value)?,
            relative: has("relative"),
        },
        "approx" => Lex::Approx(static_mod(value)?),
        "shift" => Lex::Shift {
            by: value.parse().ok()?,
            span: has("span"),
            anchor: has("anchor"),
            demonstrative: has("demonstrative"),
            week: has("week"),
        },
        "direction" => Lex::Direction {
            sign: value.parse().ok()?,
            from_reference: has("ref"),
        },
        "fiscal" => Lex::Fiscal,
        "zone" => Lex::Zone(if has("local") {
            None
        } else {
            Some(value.parse().ok()?)
        }),
        "holiday" => Lex::Holiday(holiday_rule(value)?),
        "DATE" | "TIME" | "DURATION" | "SET" => Lex::Fixed {
            kind: category.to_string(),
            value: value.to_string(),
            modifier: flags.first().map(|m| m.to_string()),
        },
        "past" | "present" | "future" | "neutral" => Lex::Tense(match category {
            "past" => crate::TenseHint::Past,
            "present" => crate::TenseHint::Present,
            "future" => crate::TenseHint::Future,
            _ => crate::TenseHint::Unknown,
        }),
        "not-year" => Lex::NotYearAfter,
        "not-year-before" => Lex::NotYearBefore,
        _ => return None,
    };
    Some((phrase, lex))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_parse_cleanly() {
        let lexicon = lexicon();
        assert!(lexicon.problems.is_empty(), "{:?}", lexicon.problems);
        assert!(lexicon.entries("january").iter().any(|e| e.lex
            == Lex::Month {
                month: 1,
                ambiguous: false
            }));
    }
}
