//! Reading: raw report bytes → clean [`Document`]s.
//!
//! The reader takes what a user hands dyad — plain text, an HTML page, or a JSON
//! Lines corpus row — and returns the article body (paragraphs, with boilerplate
//! removed and listed), its metadata (title, outlet, byline, dateline, language)
//! and its publication date with where that date came from.
//!
//! It owns no files: the binary reads bytes (and decompresses `.gz`) and hands
//! them over with a name. Everything the reader "knows" — boilerplate cues,
//! outlet names, date formats, named eras, function words — lives in the data
//! files under `data/` (see `data/README.md`), embedded at build time and
//! extensible by layering a user's file of the same format ([`Cues::with_layer`]).
//!
//! Input that cannot be read at all (invalid UTF-8, binary, empty, too large,
//! malformed corpus row, absurdly deep HTML) is a [`ReadError`] naming the reason;
//! anything else is read, with [`dyad_core::Diagnostic`]s for what was guessed.
//!
//! Publication dates are decided in [`dating`]: given by the input, stated in the
//! text (stamps, datelines, captions), or inferred from the content. Later stages
//! may contribute evidence (office terms from the knowledge base) through
//! [`dating::DateEvidence`] without the reader knowing about them.

mod cues;
mod dates;
pub mod dating;
mod dom;
mod html;
mod jsonl;
mod lang;
mod lines;
mod markup;

pub use cues::{CueError, CueFile, Cues};
pub use dates::{parse_date_text, DateMatch};
pub use jsonl::{parse_published, read_jsonl};

use dyad_core::{DateValue, Document};
use thiserror::Error;

/// Inputs larger than this are refused unless [`ReadOptions::max_bytes`] says otherwise.
pub const DEFAULT_MAX_BYTES: usize = 16 * 1024 * 1024;
/// A corpus file may be this many times [`ReadOptions::max_bytes`] (the limit is
/// per row within it).
pub const CORPUS_SIZE_FACTOR: usize = 64;
/// HTML nested deeper than this is refused: no real article needs it, and walking it
/// costs memory for nothing.
pub const MAX_HTML_DEPTH: usize = 2_000;

/// Why an input could not be read.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum ReadError {
    #[error("empty input")]
    Empty,
    #[error("input is {size} bytes, over the limit of {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    #[error("binary data, not text (NUL or control bytes at offset {offset})")]
    Binary { offset: usize },
    #[error("invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 { offset: usize },
    #[error("line {line}: {reason}")]
    MalformedRow { line: usize, reason: String },
    #[error("HTML nested {depth} elements deep (limit {limit})")]
    TooDeep { depth: usize, limit: usize },
    #[error("no article text found")]
    NoText,
}

/// The kind of input, decided from the name's extension and the content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    Text,
    Html,
    Jsonl,
}

/// How to read.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Publication date for inputs that carry none (`--published`).
    pub published: Option<DateValue>,
    /// Refuse inputs larger than this many bytes.
    pub max_bytes: usize,
    /// The URL the input was fetched from, when known.
    pub url: Option<String>,
    /// Today's date: no report is published after it (inference uses it as a bound).
    pub today: Option<chrono::NaiveDate>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            published: None,
            max_bytes: DEFAULT_MAX_BYTES,
            url: None,
            today: None,
        }
    }
}

/// The reader: cues plus the pieces of reasoning that use them. Cheap to share
/// between threads (`&Reader` is `Sync`).
pub struct Reader {
    cues: Cues,
    evidence: Option<std::sync::Arc<dyn dating::DateEvidence>>,
}

/// One result per document an input holds (a corpus holds many).
pub type ReadResult = Result<Document, ReadError>;

impl Reader {
    /// A reader with the built-in cues.
    pub fn new() -> Self {
        Reader {
            cues: Cues::builtin().clone(),
            evidence: None,
        }
    }

    /// A reader with the given cues (built-in cues with a user's layer, say).
    pub fn with_cues(cues: Cues) -> Self {
        Reader {
            cues,
            evidence: None,
        }
    }

    /// This reader, also weighing `evidence` from later stages (office terms…) when
    /// it must infer a publication date.
    pub fn with_evidence(mut self, evidence: std::sync::Arc<dyn dating::DateEvidence>) -> Self {
        self.evidence = Some(evidence);
        self
    }

    pub fn cues(&self) -> &Cues {
        &self.cues
    }

    /// Decides the format of an input from its name and its first bytes.
    pub fn detect_format(name: &str, bytes: &[u8]) -> InputFormat {
        let lower = name.to_ascii_lowercase();
        let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
        if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
            return InputFormat::Jsonl;
        }
        if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
            return InputFormat::Html;
        }
        let head = &bytes[..bytes.len().min(2048)];
        let head = String::from_utf8_lossy(head);
        let start = head.trim_start_matches('\u{feff}').trim_start();
        if start.starts_with('{')
            && start
                .lines()
                .next()
                .is_some_and(|l| l.trim_end().ends_with('}'))
        {
            return InputFormat::Jsonl;
        }
        let ls = start.to_ascii_lowercase();
        if ls.starts_with("<!doctype html")
            || ls.starts_with("<html")
            || ls.starts_with("<?xml") && ls.contains("<html")
            || ls.starts_with("<head")
            || ls.starts_with("<body")
            || ls.starts_with("<!--") && ls.contains("<html")
        {
            return InputFormat::Html;
        }
        InputFormat::Text
    }

    /// Reads one input: a file's bytes (already decompressed) under a display
    /// `source` name, with `id` the file stem. A corpus yields one result per row.
    pub fn read_bytes(
        &self,
        id: &str,
        source: &str,
        bytes: &[u8],
        opts: &ReadOptions,
    ) -> Vec<ReadResult> {
        let format = Self::detect_format(source, bytes);
        if format == InputFormat::Jsonl {
            if bytes.len() > opts.max_bytes.saturating_mul(CORPUS_SIZE_FACTOR) {
                return vec![Err(ReadError::TooLarge {
                    size: bytes.len(),
                    limit: opts.max_bytes.saturating_mul(CORPUS_SIZE_FACTOR),
                })];
            }
            return jsonl::read_jsonl(self, source, bytes, opts);
        }
        let text = match check_text(bytes, opts.max_bytes) {
            Ok(t) => t,
            Err(e) => return vec![Err(e)],
        };
        let doc = match format {
            InputFormat::Html => self.read_html(id, source, text, opts),
            _ => self.read_text(id, source, text, opts),
        };
        vec![doc]
    }

    /// Reads a plain-text report.
    pub fn read_text(&self, id: &str, source: &str, text: &str, opts: &ReadOptions) -> ReadResult {
        let text = text.trim_start_matches('\u{feff}');
        if text.trim().is_empty() {
            return Err(ReadError::Empty);
        }
        let page = lines::PageLines::from_plain_text(text);
        Ok(self.finish(id, source, page, opts))
    }

    /// Reads an HTML page with a real HTML5 parser.
    pub fn read_html(&self, id: &str, source: &str, html: &str, opts: &ReadOptions) -> ReadResult {
        if html.trim().is_empty() {
            return Err(ReadError::Empty);
        }
        let page = html::extract(html, &self.cues)?;
        if page.lines.iter().all(|l| l.text.trim().is_empty()) {
            return Err(ReadError::NoText);
        }
        Ok(self.finish(id, source, page, opts))
    }

    fn finish(
        &self,
        id: &str,
        source: &str,
        page: lines::PageLines,
        opts: &ReadOptions,
    ) -> Document {
        let mut doc = lines::assemble(&self.cues, page, opts, self.evidence.as_deref());
        doc.id = id.to_string();
        doc.source = source.to_string();
        if doc.url.is_none() {
            doc.url = opts.url.clone();
        }
        if doc.outlet.is_none() {
            if let Some(url) = &doc.url {
                doc.outlet = self.cues.outlet_for_url(url);
            }
        }
        doc.language = lang::identify(&doc.text, &self.cues);
        doc
    }
}

impl Default for Reader {
    fn default() -> Self {
        Self::new()
    }
}

/// Checks that `bytes` are a text we can read, and returns it.
pub fn check_text(bytes: &[u8], max_bytes: usize) -> Result<&str, ReadError> {
    if bytes.len() > max_bytes {
        return Err(ReadError::TooLarge {
            size: bytes.len(),
            limit: max_bytes,
        });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ReadError::Empty);
    }
    // Binary: NUL bytes, or many control characters, in the first 8 KiB.
    let head = &bytes[..bytes.len().min(8192)];
    if let Some(offset) = head.iter().position(|&b| b == 0) {
        return Err(ReadError::Binary { offset });
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && b != b'\n' && b != b'\r' && b != b'\t' && b != 0x0c)
        .count();
    if controls * 20 > head.len().max(1) {
        let offset = head
            .iter()
            .position(|&b| b < 0x20 && !b"\n\r\t\x0c".contains(&b))
            .unwrap_or(0);
        return Err(ReadError::Binary { offset });
    }
    std::str::from_utf8(bytes).map_err(|e| ReadError::InvalidUtf8 {
        offset: e.valid_up_to(),
    })
}

/// The lines the HTML reader sees in a page, with the structural role of each
/// (`Plain`, `Heading`, `Caption`, `Furniture`, …), before boilerplate cues apply.
/// A tool for studying pages the reader gets wrong.
pub fn html_lines(html: &str) -> Result<Vec<(String, String)>, ReadError> {
    let page = html::extract(html, Cues::builtin())?;
    Ok(page
        .lines
        .into_iter()
        .map(|l| (format!("{:?}", l.role), l.text))
        .collect())
}
