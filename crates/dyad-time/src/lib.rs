//! Temporal expressions in news text: finds them and normalises them to TIMEX3
//! (`type`, `value`, `mod`) against a reference date, usually the publication date.
//!
//! ```
//! use dyad_time::{tag, NoHints, Reference};
//! let reference = Reference::parse("2022-01-07").unwrap();
//! let found = tag("The ministers will meet early next month.", reference, &NoHints);
//! assert_eq!(found[0].value, "2022-02");
//! ```
//!
//! The scanner is token based: the text is split once, every token is looked up
//! in the lexicons of `data/` (compiled once, at first use), and a small grammar
//! combines the hits into expressions. The words the engine knows — month and day
//! names, units, numbers, holidays, shift words, tense cues — live in those data
//! files, not here.
//!
//! Relative expressions that depend on tense ("on Wednesday", "in March") take the
//! tense from the caller's [`TenseHints`] where it knows it (the parser does), and
//! otherwise from cue words around the expression in its sentence.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use dyad_core::{DateValue, Diagnostic, Grain, Span};
use serde::{Deserialize, Serialize};
use std::fmt;

mod lexicon;
mod resolve;
mod scan;
mod tense;
mod tokens;

/// The tense of the clause an expression stands in, as far as the caller knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum TenseHint {
    Past,
    Present,
    Future,
    #[default]
    Unknown,
}

/// Tells the tagger the tense of the clause around a byte span of the text.
/// Return [`TenseHint::Unknown`] where you do not know: the tagger then reads
/// cue words itself.
pub trait TenseHints {
    fn tense_at(&self, span: Span) -> TenseHint;
}

/// No knowledge of tense: the tagger uses its own cue words everywhere.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoHints;

impl TenseHints for NoHints {
    fn tense_at(&self, _span: Span) -> TenseHint {
        TenseHint::Unknown
    }
}

impl<F: Fn(Span) -> TenseHint> TenseHints for F {
    fn tense_at(&self, span: Span) -> TenseHint {
        self(span)
    }
}

/// Tenses given per stretch of text (a sentence or clause, by byte span): an
/// expression takes the tense of the smallest stretch that contains it.
impl TenseHints for [(Span, TenseHint)] {
    fn tense_at(&self, span: Span) -> TenseHint {
        self.iter()
            .filter(|(s, t)| s.contains(span) && *t != TenseHint::Unknown)
            .min_by_key(|(s, _)| s.len())
            .map(|(_, t)| *t)
            .unwrap_or(TenseHint::Unknown)
    }
}

impl TenseHints for Vec<(Span, TenseHint)> {
    fn tense_at(&self, span: Span) -> TenseHint {
        self.as_slice().tense_at(span)
    }
}

/// The point in time relative expressions are resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    /// A stated UTC offset of `time`, in minutes.
    pub offset_minutes: Option<i32>,
}

/// A reference that could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ReferenceError {
    #[error(
        "`{0}` is not a date or date-time (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM])"
    )]
    Unreadable(String),
}

impl Reference {
    pub fn date(date: NaiveDate) -> Self {
        Reference {
            date,
            time: None,
            offset_minutes: None,
        }
    }

    pub fn datetime(datetime: NaiveDateTime, offset_minutes: Option<i32>) -> Self {
        Reference {
            date: datetime.date(),
            time: Some(datetime.time()),
            offset_minutes,
        }
    }

    /// Reads `2022-01-07`, `2022-01-07T09:30`, `2022-01-07 09:30:00`,
    /// `2022-01-07T09:30:00Z` or `…+05:30`. A bare `20220107` is accepted too,
    /// and a month (`2022-01`, read as its first day).
    pub fn parse(text: &str) -> Result<Self, ReferenceError> {
        let t = text.trim();
        let bad = || ReferenceError::Unreadable(text.to_string());
        if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
            return Ok(Reference::date(d));
        }
        if let Ok(d) = NaiveDate::parse_from_str(t, "%Y%m%d") {
            return Ok(Reference::date(d));
        }
        if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(t) {
            return Ok(Reference::datetime(
                dt.naive_local(),
                Some(dt.offset().local_minus_utc() / 60),
            ));
        }
        for format in [
            "%Y-%m-%dT%H:%M:%S",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M:%S",
            "%Y-%m-%d %H:%M",
        ] {
            if let Ok(dt) = NaiveDateTime::parse_from_str(t, format) {
                return Ok(Reference::datetime(dt, None));
            }
        }
        // A month-grain publication date ("2024-07"): its first day.
        if let Ok(d) = NaiveDate::parse_from_str(&format!("{t}-01"), "%Y-%m-%d") {
            if t.len() == 7 {
                return Ok(Reference::date(d));
            }
        }
        // A date followed by anything else (a time we cannot read): keep the day.
        if let Some(d) = t
            .get(..10)
            .and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok())
        {
            return Ok(Reference::date(d));
        }
        Err(bad())
    }
}

/// TIMEX3 `type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

impl fmt::Display for TimexType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// TIMEX3 `mod`: where in a period, or how a quantity is hedged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Mod {
    Start,
    Mid,
    End,
    Approx,
    LessThan,
    MoreThan,
    EqualOrLess,
    EqualOrMore,
}

impl Mod {
    pub fn as_str(self) -> &'static str {
        match self {
            Mod::Start => "START",
            Mod::Mid => "MID",
            Mod::End => "END",
            Mod::Approx => "APPROX",
            Mod::LessThan => "LESS_THAN",
            Mod::MoreThan => "MORE_THAN",
            Mod::EqualOrLess => "EQUAL_OR_LESS",
            Mod::EqualOrMore => "EQUAL_OR_MORE",
        }
    }

    pub(crate) fn from_name(name: &str) -> Option<Mod> {
        Some(match name {
            "START" => Mod::Start,
            "MID" => Mod::Mid,
            "END" => Mod::End,
            "APPROX" => Mod::Approx,
            "LESS_THAN" => Mod::LessThan,
            "MORE_THAN" => Mod::MoreThan,
            "EQUAL_OR_LESS" => Mod::EqualOrLess,
            "EQUAL_OR_MORE" => Mod::EqualOrMore,
            _ => return None,
        })
    }
}

impl fmt::Display for Mod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One temporal expression, normalised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    /// Byte span of the expression in the tagged text (the evidence).
    pub span: Span,
    pub kind: TimexType,
    /// TIMEX3 `value`: `2022-01-07`, `2022-W01`, `2022-Q1`, `P5Y`, `PRESENT_REF`,
    /// `XXXX-WXX-4` …
    pub value: String,
    pub modifier: Option<Mod>,
    /// The calendar grain of `value` for DATE and TIME; `None` for durations,
    /// sets, vague references and periods without a [`Grain`] (seasons, halves,
    /// decades).
    pub grain: Option<Grain>,
    /// The calendar point `value` names, for comparing dates; `None` where the
    /// value is no single calendar period.
    pub resolved: Option<DateValue>,
    /// The tense used to resolve the expression, where it mattered.
    pub tense: Option<TenseHint>,
    /// What the tagger guessed or could not do.
    pub diagnostics: Vec<Diagnostic>,
}

/// A tagger with its lexicons: the bundled data files, plus any the caller
/// layers on top (same format as `data/`, see its README). Build it once and
/// share it; tagging takes `&self` and the tagger is `Send + Sync`.
#[derive(Debug, Clone)]
pub struct Tagger {
    lexicon: lexicon::Lexicon,
}

impl Default for Tagger {
    fn default() -> Self {
        Tagger {
            lexicon: lexicon::lexicon().clone(),
        }
    }
}

impl Tagger {
    /// The bundled lexicons only.
    pub fn new() -> Self {
        Tagger::default()
    }

    /// Layers one more data file over the lexicons: its phrases add to the
    /// bundled ones, and for the same phrase the later entry wins. `name` only
    /// labels problems (see [`Tagger::problems`]).
    pub fn with_data(mut self, name: &str, text: &str) -> Self {
        self.lexicon.add_file(name, text);
        self
    }

    /// Lines of the data files that could not be read, as `file:line: reason`.
    pub fn problems(&self) -> &[String] {
        &self.lexicon.problems
    }

    /// Finds and normalises every temporal expression in `text`, in text order,
    /// with non-overlapping spans. Never fails: expressions it cannot resolve are
    /// left out or carry a diagnostic.
    pub fn tag(&self, text: &str, reference: Reference, hints: &dyn TenseHints) -> Vec<Timex> {
        let tokens = tokens::tokenize(text);
        let found = scan::scan(&self.lexicon, &tokens);
        resolve::resolve_all(&self.lexicon, text, &tokens, found, reference, hints)
    }
}

/// Finds and normalises every temporal expression in `text` with the bundled
/// lexicons (see [`Tagger::tag`]).
pub fn tag(text: &str, reference: Reference, hints: &dyn TenseHints) -> Vec<Timex> {
    static TAGGER: std::sync::OnceLock<Tagger> = std::sync::OnceLock::new();
    TAGGER.get_or_init(Tagger::new).tag(text, reference, hints)
}

/// Problems found in the bundled data files (empty when they are sound).
pub fn data_problems() -> &'static [String] {
    &lexicon::lexicon().problems
}
