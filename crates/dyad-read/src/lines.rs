//! From a page's lines to a [`Document`]: which lines are the article, which are
//! furniture, and what the furniture tells us (title, byline, dateline, outlet,
//! stamps). Plain text and HTML share this step; HTML arrives with hints from its
//! structure.

use crate::cues::{Cues, LineCue};
use crate::dates::{self, DateMatch};
use crate::dating::{self, DateCandidate, DateSource};
use crate::ReadOptions;
use dyad_core::{DateValue, Document, Span};
use regex::Regex;
use std::sync::OnceLock;

/// What the page's structure says about a line (plain text says nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineRole {
    /// No structural hint.
    Plain,
    /// A heading inside the article (kept as a subheading).
    Heading,
    /// The page's headline element.
    Headline,
    /// A figure caption or credit element.
    Caption,
    /// Structure says this is not article text (low text density, link lists, …).
    Furniture,
    /// The author line (a `byline` element).
    Byline,
}

#[derive(Debug, Clone)]
pub struct Line {
    pub text: String,
    pub role: LineRole,
}

/// Metadata an HTML page declares about itself.
#[derive(Debug, Clone, Default)]
pub struct PageMeta {
    pub title: Option<String>,
    /// The title is the page's own headline (`<h1>`), not its `<title>`.
    pub title_from_headline: bool,
    pub published: Option<(DateValue, String)>,
    pub modified: Option<(DateValue, String)>,
    pub site_name: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct PageLines {
    pub lines: Vec<Line>,
    pub meta: PageMeta,
}

impl PageLines {
    /// Splits plain text into paragraph lines. A block of hard-wrapped lines (as in
    /// wire copy) is joined into paragraphs, breaking at indented lines; otherwise
    /// every line is a paragraph of its own.
    pub fn from_plain_text(text: &str) -> PageLines {
        let mut lines = Vec::new();
        let mut block: Vec<&str> = Vec::new();
        let flush = |block: &mut Vec<&str>, lines: &mut Vec<Line>| {
            if block.is_empty() {
                return;
            }
            // Hard-wrapped prose: three or more lines, none very long, most of them
            // filling the width and breaking mid-sentence.
            let wrapped = block.len() >= 3 && {
                let widths: Vec<usize> =
                    block.iter().map(|l| l.trim_end().chars().count()).collect();
                let max = widths.iter().copied().max().unwrap_or(0);
                let full = widths[..widths.len() - 1]
                    .iter()
                    .filter(|&&w| w * 10 >= max * 6)
                    .count();
                let open = block
                    .iter()
                    .filter(|l| !l.trim_end().ends_with(['.', '!', '?', '"', '”', ':']))
                    .count();
                (40..=100).contains(&max)
                    && full * 10 >= (widths.len() - 1) * 7
                    && open * 2 >= block.len()
            };
            if wrapped {
                let mut para = String::new();
                for l in block.iter() {
                    let indented = l.starts_with("  ") || l.starts_with('\t');
                    if indented && !para.is_empty() {
                        lines.push(Line {
                            text: std::mem::take(&mut para),
                            role: LineRole::Plain,
                        });
                    }
                    if !para.is_empty() {
                        para.push(' ');
                    }
                    para.push_str(l.trim());
                }
                if !para.is_empty() {
                    lines.push(Line {
                        text: para,
                        role: LineRole::Plain,
                    });
                }
            } else {
                for l in block.iter() {
                    lines.push(Line {
                        text: l.trim().to_string(),
                        role: LineRole::Plain,
                    });
                }
            }
            block.clear();
        };
        for raw in text.lines() {
            let l = raw.trim_end_matches('\r');
            if l.trim().is_empty() {
                flush(&mut block, &mut lines);
            } else {
                block.push(l);
            }
        }
        flush(&mut block, &mut lines);
        PageLines {
            lines,
            meta: PageMeta::default(),
        }
    }
}

fn dateline_line_rx() -> &'static Regex {
    // A line that is only a dateline: "Tokyo, 7 January, /AJMEDIA/", "WASHINGTON, Jan 7 (Reuters)".
    static RX: OnceLock<Regex> = OnceLock::new();
    RX.get_or_init(|| {
        Regex::new(
            r"^(?P<place>\p{Lu}[\p{L}.'-]+(?:[ -]\p{Lu}[\p{L}.'-]+){0,2})(?:,\s*\p{Lu}[\p{L}.]+)?\s*,\s*(?P<date>[\p{L}\d ,.]{3,30}?)\s*(?:,?\s*(?:/[^/]{1,40}/|\([^)]{1,40}\)|[-–—]\s*\p{Lu}[\p{L} ]{1,30}))?\s*[-–—:,]?$",
        )
        .expect("dateline pattern compiles")
    })
}

fn dateline_stamp_rx() -> &'static Regex {
    // A line that is a dateline with the date after the dash, often with a
    // clock time: "SOCHI, Russia (Anvil) – 4 September 2023, 17:05 GMT".
    static RX: OnceLock<Regex> = OnceLock::new();
    RX.get_or_init(|| {
        Regex::new(
            r"^(?P<place>\p{Lu}[\p{L}.'-]+(?:[ -]\p{Lu}[\p{L}.'-]+){0,2})(?:,\s*\p{Lu}[\p{L}.]+)?\s*(?:\((?P<wire>[^)]{1,40})\))?\s*[-–—]\s*(?P<date>[\p{L}\d ,.:]{6,40}?)\s*(?:GMT|UTC|[A-Z]{2,4})?$",
        )
        .expect("dateline pattern compiles")
    })
}

fn dateline_lead_rx() -> &'static Regex {
    // A body paragraph opening with a dateline: "TOKYO – …", "WASHINGTON, Jan 7 (Reuters) - …".
    static RX: OnceLock<Regex> = OnceLock::new();
    RX.get_or_init(|| {
        Regex::new(
            r"^(?P<place>\p{Lu}[\p{Lu}.'-]+(?:[ -]\p{Lu}[\p{Lu}.'-]+){0,2}|\p{Lu}[\p{Ll}.'-]+(?: \p{Lu}[\p{Ll}.'-]+)?)(?:,\s*(?P<date>[\p{L}\d ,.]{3,25}?))?\s*(?:\((?P<wire>[^)]{1,40})\))?\s*(?:[-–—]|--)\s+\S",
        )
        .expect("dateline pattern compiles")
    })
}

/// Title-cases an all-capitals place name ("NEW DELHI" → "New Delhi").
fn place_name(s: &str) -> String {
    let s = s.trim().trim_end_matches(',');
    if s.chars().any(|c| c.is_lowercase()) {
        return s.to_string();
    }
    s.split(' ')
        .map(|w| {
            let mut out = String::new();
            for (i, c) in w.chars().enumerate() {
                if i == 0 {
                    out.extend(c.to_uppercase());
                } else {
                    out.extend(c.to_lowercase());
                }
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end()
        .ends_with(['.', '!', '?', '"', '”', '’', '\'', ')', ':', ';'])
}

/// Body-like: a sentence of several words ending in sentence punctuation.
fn sentence_like(s: &str) -> bool {
    s.split_whitespace().nth(7).is_some() && ends_sentence(s)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Body,
    Title,
    Removed,
}

/// Decides every line and builds the document.
pub fn assemble(
    cues: &Cues,
    page: PageLines,
    opts: &ReadOptions,
    evidence: Option<&dyn dating::DateEvidence>,
) -> Document {
    let PageLines { lines, meta } = page;
    let n = lines.len();
    let mut verdict = vec![Verdict::Body; n];
    let mut cue_sets: Vec<Vec<LineCue>> = Vec::with_capacity(n);
    let mut doc = Document::default();
    let mut candidates: Vec<DateCandidate> = Vec::new();
    let mut dateline_date: Option<DateMatch> = None;

    for l in &lines {
        cue_sets.push(cues.classify(&l.text));
    }

    // Pass 1: cues and structure.
    let mut in_tail = false;
    for i in 0..n {
        let text = lines[i].text.as_str();
        let cs = &cue_sets[i];
        let sentence = sentence_like(text);
        if in_tail {
            if text.chars().count() < 100 || !sentence {
                verdict[i] = Verdict::Removed;
                continue;
            }
            in_tail = false;
        }
        if lines[i].role == LineRole::Furniture {
            verdict[i] = Verdict::Removed;
            continue;
        }
        if cs.contains(&LineCue::Stamp) && !sentence {
            verdict[i] = Verdict::Removed;
            for m in dates::parse_date_text(text) {
                if m.date().is_some() {
                    let lower = text.to_lowercase();
                    let kind = if lower.contains("updat") || lower.contains("modif") {
                        DateSource::UpdatedStamp
                    } else {
                        DateSource::PublishedStamp
                    };
                    candidates.push(DateCandidate::from_match(&m, kind, text));
                }
            }
            continue;
        }
        if cs.contains(&LineCue::Tail) && !sentence {
            verdict[i] = Verdict::Removed;
            in_tail = true;
            continue;
        }
        if cs.contains(&LineCue::Caption) || lines[i].role == LineRole::Caption {
            verdict[i] = Verdict::Removed;
            caption_dates(text, &mut candidates);
            continue;
        }
        if cs.contains(&LineCue::Credit) && text.chars().count() < 120 {
            verdict[i] = Verdict::Removed;
            // The line before a credit is its caption, unless it reads as body text
            // that merely precedes a credit (then it ends a sentence and is long).
            if i > 0 && verdict[i - 1] == Verdict::Body {
                let prev = lines[i - 1].text.as_str();
                if !ends_sentence(prev) || prev.chars().count() < 160 {
                    verdict[i - 1] = Verdict::Removed;
                    caption_dates(prev, &mut candidates);
                }
            }
            continue;
        }
        if let Some(name) = cues.byline(text) {
            if text.chars().count() < 160 {
                verdict[i] = Verdict::Removed;
                doc.byline.get_or_insert(name);
                byline_dates(text, &mut candidates);
                continue;
            }
        }
        if lines[i].role == LineRole::Byline {
            verdict[i] = Verdict::Removed;
            byline_dates(text, &mut candidates);
            let name = text
                .trim_start_matches("By ")
                .trim_start_matches("by ")
                .trim();
            if !name.is_empty() && name.split_whitespace().count() <= 8 {
                doc.byline.get_or_insert_with(|| name.to_string());
            }
            continue;
        }
        // A whole-line cue is specific enough to trust, except on a long paragraph
        // that merely begins like furniture.
        let long = text.split_whitespace().count() >= 25;
        if (cs.contains(&LineCue::Drop) && !long) || cs.contains(&LineCue::Notice) {
            verdict[i] = Verdict::Removed;
            continue;
        }
    }

    // Pass 2: the head of the article — title, dateline-only line, standfirst.
    let first_body = (0..n).find(|&i| verdict[i] == Verdict::Body);
    let mut title_idx = None;
    // Where the page's headline gave the title, a short line above the
    // article's first paragraph is a kicker or section name ("Balkans"), not
    // the title.
    if let Some(f) = first_body.filter(|_| meta.title_from_headline) {
        let t = lines[f].text.as_str();
        if t.split_whitespace().count() <= 4 && !t.trim_end().ends_with('.') {
            verdict[f] = Verdict::Removed;
        }
    }
    let first_body = (0..n).find(|&i| verdict[i] == Verdict::Body);
    if let Some(f) = first_body {
        let t = lines[f].text.as_str();
        let words = t.split_whitespace().count();
        let is_headline_role = lines[f].role == LineRole::Headline;
        let looks_title = is_headline_role
            || (words <= 25
                && t.chars().count() < 220
                && !t.trim_end().ends_with('.')
                && dateline_lead_rx().captures(t).is_none()
                && dateline_line_rx().captures(t).is_none()
                && (f + 1..n).any(|j| verdict[j] == Verdict::Body));
        if looks_title {
            verdict[f] = Verdict::Title;
            title_idx = Some(f);
        }
    }
    // A dateline standing alone on a line near the top.
    for i in 0..n.min(8) {
        if verdict[i] != Verdict::Body {
            continue;
        }
        let t = lines[i].text.as_str();
        if t.chars().count() > 80 || sentence_like(t) {
            break;
        }
        if let Some(c) = dateline_line_rx()
            .captures(t)
            .or_else(|| dateline_stamp_rx().captures(t))
        {
            let date_part = c.name("date").map_or("", |m| m.as_str());
            let found = dates::parse_date_text(date_part);
            if let Some(m) = found.into_iter().next() {
                verdict[i] = Verdict::Removed;
                doc.dateline = c.name("place").map(|p| place_name(p.as_str()));
                if m.date().is_some() {
                    candidates.push(DateCandidate::from_match(&m, DateSource::Dateline, t));
                }
                dateline_date = Some(m);
                break;
            }
        }
    }
    // A dateline opening one of the first body paragraphs (a standfirst may come first).
    let lead = (0..n)
        .filter(|&i| verdict[i] == Verdict::Body)
        .take(3)
        .find(|&i| sentence_like(&lines[i].text) && dateline_lead_rx().is_match(&lines[i].text));
    if let Some(li) = lead {
        let t = lines[li].text.as_str();
        if let Some(c) = dateline_lead_rx().captures(t) {
            let place = c.name("place").map_or("", |m| m.as_str());
            // Mixed-case openers need a date or wire to count ("Japan – …" is not a dateline).
            let upper = !place.chars().any(|ch| ch.is_lowercase());
            let dashed = t[place.len()..].trim_start().starts_with(['–', '—']);
            if upper || dashed || c.name("date").is_some() || c.name("wire").is_some() {
                if doc.dateline.is_none() {
                    doc.dateline = Some(place_name(place));
                }
                if let Some(d) = c.name("date") {
                    if let Some(m) = dates::parse_date_text(d.as_str()).into_iter().next() {
                        if m.date().is_some() {
                            candidates.push(DateCandidate::from_match(&m, DateSource::Dateline, t));
                        }
                        dateline_date.get_or_insert(m);
                    }
                }
            }
        }
    }

    // Outlet: a wire credit in the head or a "told X" in the text, else a publisher
    // named by a notice, else the page's own metadata.
    let mut outlet = None;
    for (i, l) in lines.iter().enumerate() {
        if verdict[i] == Verdict::Title {
            continue;
        }
        if let Some((_, name)) = cues.wire_credits(&l.text).into_iter().next() {
            outlet = Some(name);
            break;
        }
    }
    if outlet.is_none() {
        outlet = lines.iter().find_map(|l| cues.outlet_notice(&l.text));
    }
    if outlet.is_none() {
        outlet = meta.site_name.as_deref().map(|s| cues.normalise_outlet(s));
    }
    doc.outlet = outlet;

    // Assemble text and removed lines.
    let mut text = String::new();
    for (i, l) in lines.iter().enumerate() {
        match verdict[i] {
            Verdict::Body => {
                if !text.is_empty() {
                    text.push_str("\n\n");
                }
                let start = text.len();
                text.push_str(&l.text);
                doc.paragraphs.push(Span::new(start, text.len()));
            }
            Verdict::Removed => doc.removed.push(l.text.clone()),
            Verdict::Title => {}
        }
    }
    // The page's own headline names it best; a title-like first line under
    // it (a repeated headline, a deck) is still no body.
    doc.title = if meta.title_from_headline {
        meta.title.clone()
    } else {
        title_idx
            .map(|i| lines[i].text.clone())
            .or_else(|| meta.title.clone())
    };
    if doc.byline.is_none() {
        doc.byline = meta.author.clone();
    }
    doc.url = meta.url.clone();
    doc.text = text;

    // Publication date.
    if let Some((v, ev)) = &meta.published {
        candidates.push(DateCandidate::given(*v, DateSource::Metadata, ev.clone()));
    }
    if let Some((v, ev)) = &meta.modified {
        candidates.push(DateCandidate::given(
            *v,
            DateSource::UpdatedStamp,
            ev.clone(),
        ));
    }
    // Later stages' evidence costs time: ask for it only when the date must be inferred.
    let external = match evidence {
        Some(e) if candidates.is_empty() && opts.published.is_none() => e.windows(&doc.text),
        _ => Vec::new(),
    };
    let ctx = dating::DatingContext {
        given: opts.published,
        candidates,
        dateline: dateline_date,
        body: &doc.text,
        removed: &doc.removed,
        title: doc.title.as_deref(),
        cues,
        external: &external,
        today: opts.today,
    };
    let (published, notes) = dating::decide(&ctx);
    doc.published = published;
    doc.diagnostics.extend(notes);
    doc
}

/// Dates standing in a caption are evidence for the publication day (the photo was
/// taken the day of the report) unless the caption says it is an archive picture.
/// A full date on the byline line ("By Nikola Rakić · September 4, 2020",
/// "By Jane Doe | Updated 3 March 2023") is the report's own stamp.
fn byline_dates(text: &str, out: &mut Vec<DateCandidate>) {
    let lower = text.to_lowercase();
    let kind = if lower.contains("updat") || lower.contains("modif") {
        DateSource::UpdatedStamp
    } else {
        DateSource::PublishedStamp
    };
    for m in dates::parse_date_text(text) {
        if m.date().is_some() {
            out.push(DateCandidate::from_match(&m, kind, text));
        }
    }
}

fn caption_dates(text: &str, out: &mut Vec<DateCandidate>) {
    let lower = text.to_lowercase();
    if lower.contains("file photo") || lower.contains("archive") || lower.contains("(file") {
        return;
    }
    for m in dates::parse_date_text(text) {
        if m.date().is_some() {
            out.push(DateCandidate::from_match(&m, DateSource::Caption, text));
        }
    }
}
