//! The vocabulary every dyad stage shares.
//!
//! This crate owns the plain data types that flow down the pipeline
//! (read → understand → resolve → code → fuse → store/serve): [`Document`],
//! [`Span`], [`Grain`], [`DateValue`], [`Diagnostic`]. It has no behaviour that
//! depends on a stage and performs no I/O.
//!
//! Offsets: inside the engine every [`Span`] is a **byte** range into the text it
//! names (so slicing is O(1) and cannot split a UTF-8 sequence when produced by the
//! engine). The command-line contract speaks **character** (Unicode scalar)
//! offsets; [`CharOffsets`] converts at the edge.

use serde::{Deserialize, Serialize};
use std::fmt;

mod date;
mod event;
mod offsets;

pub use date::{DateValue, Grain};
pub use event::{
    ActorRef, Anachronism, DescribedParties, EventDate, EventLocation, EventMention, EventStatus,
    EventType, Participant,
};
pub use offsets::CharOffsets;

/// A half-open byte range `[start, end)` into a text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// The slice of `text` this span covers, or `None` when it does not fit `text`
    /// (a span from another text, or one that splits a character).
    pub fn slice<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.start..self.end)
    }
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// How severe a [`Diagnostic`] is. Stages never fail on messy text; they say what
/// they could not do and carry on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something was guessed or skipped; the output is still usable.
    Warning,
    /// The input (or part of it) could not be used at all.
    Error,
}

/// A note a stage leaves about its input: what it could not do, and where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    pub span: Option<Span>,
}

impl Diagnostic {
    pub fn warning(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            message: message.into(),
            span: None,
        }
    }
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            span: None,
        }
    }
    pub fn at(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{level}: {}", self.message)
    }
}

/// Where a document's publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PublishedFrom {
    /// Given with the input: metadata, a corpus field, a command-line flag.
    Input,
    /// Stated in the text itself (a stamp, a dateline, a caption).
    Text,
    /// Reasoned from the content (explicit years, relative phrases, office terms).
    Inferred,
}

/// A document's publication date with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Published {
    /// The date (or date-time) at the grain the evidence supports.
    pub value: DateValue,
    pub from: PublishedFrom,
    /// 0.0–1.0: how sure the reader is.
    pub confidence: f32,
    /// The text the date was read from, or a short account of the reasoning.
    pub evidence: Option<String>,
    /// Where in the document's original input the evidence stands (byte span into
    /// [`Document::raw_text`] when it came from the text).
    pub span: Option<Span>,
}

/// One news report, read and cleaned: the unit every later stage works on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Document {
    /// File stem, or the corpus row's `id`.
    pub id: String,
    /// Where it came from: a path, `-` for stdin, or `path#line` for a corpus row.
    pub source: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<Published>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    pub dateline: Option<String>,
    /// ISO 639-1 code where known (`en`), else `None`.
    pub language: Option<String>,
    /// The article body: paragraphs separated by one blank line.
    pub text: String,
    /// Byte spans of the paragraphs in `text`.
    pub paragraphs: Vec<Span>,
    /// Lines dropped as non-body (captions, ads, stamps, navigation…), in input order.
    pub removed: Vec<String>,
    /// What the reader noticed but could not fix.
    pub diagnostics: Vec<Diagnostic>,
}

/// Where the project's shared data sets are (`<workspace>/../shared`), for tests
/// and benchmarks. `manifest_dir` is the calling crate's `CARGO_MANIFEST_DIR`.
///
/// Returns `None` when the folder is missing, so that a user's machine can skip
/// the tests that need it — except under CI (`CI=true`), where missing data is a
/// failure, never a skip.
pub fn shared_dir(manifest_dir: &str) -> Option<std::path::PathBuf> {
    // crates/<name> → crates → the workspace → the folder holding `shared`.
    let found = std::path::Path::new(manifest_dir)
        .ancestors()
        .take(4)
        .map(|d| d.join("shared"))
        .find(|c| c.join("data").is_dir());
    if found.is_some() {
        return found;
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("CI=true but the shared data folder (../shared beside the checkout) is missing");
    }
    eprintln!("skipping: the shared data folder (../shared beside the checkout) is missing");
    None
}
