//! HTML pages → lines with structural hints, plus the page's own metadata.
//!
//! Parsing is html5ever's (a spec-compliant HTML5 parser, via `scraper`'s arena
//! tree). Every walk over the tree is iterative, and pages nested deeper than
//! [`MAX_HTML_DEPTH`](crate::MAX_HTML_DEPTH) are refused before parsing, so no
//! input can exhaust the stack.
//!
//! Finding the article: paragraph-like blocks vote for their parent and
//! grandparent by length and commas (long, comma-rich, link-poor text is prose);
//! class/id words from `data/html.tsv` push a node up or down; `<article>`,
//! `<main>` and JSON-LD `articleBody` help. The best node and its worthy siblings
//! are the article; inside it, furniture (share bars, related lists, captions,
//! hidden blocks, link lists) is flagged for the line assembler, which applies
//! the same boilerplate cues as for plain text.

use crate::dates;
use crate::lines::{Line, LineRole, PageLines, PageMeta};
use crate::{Cues, ReadError, MAX_HTML_DEPTH};
use chrono::NaiveDate;
use dyad_core::{DateValue, Grain};
use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const HTML_CUES: &str = include_str!("../data/html.tsv");

struct HtmlCues {
    skip: HashSet<String>,
    block: HashSet<String>,
    negative: HashSet<String>,
    positive: HashSet<String>,
    caption: HashSet<String>,
    article_types: HashSet<String>,
    byline: HashSet<String>,
}

fn html_cues() -> &'static HtmlCues {
    static C: OnceLock<HtmlCues> = OnceLock::new();
    C.get_or_init(|| {
        let mut c = HtmlCues {
            skip: HashSet::new(),
            block: HashSet::new(),
            negative: HashSet::new(),
            positive: HashSet::new(),
            caption: HashSet::new(),
            article_types: HashSet::new(),
            byline: HashSet::new(),
        };
        for line in HTML_CUES.lines() {
            if line.starts_with('#') {
                continue;
            }
            let Some((k, v)) = line.split_once('\t') else {
                continue;
            };
            let v = v.trim().to_string();
            match k {
                "skip-tag" => c.skip.insert(v),
                "block-tag" => c.block.insert(v),
                "negative" => c.negative.insert(v.to_lowercase()),
                "positive" => c.positive.insert(v.to_lowercase()),
                "caption-word" => c.caption.insert(v.to_lowercase()),
                "article-type" => c.article_types.insert(v),
                "byline-word" => c.byline.insert(v.to_lowercase()),
                _ => false,
            };
        }
        c
    })
}

/// Tags that close themselves or are closed implicitly, and so do not nest.
const NON_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th", "tbody", "thead",
];

/// A cheap scan of the raw markup for its nesting depth, so that absurd inputs
/// are refused before the parser spends quadratic time on them.
fn nesting_depth(html: &str) -> usize {
    let b = html.as_bytes();
    let mut depth: usize = 0;
    let mut max = 0;
    let mut i = 0;
    while let Some(off) = memchr(b'<', &b[i..]) {
        i += off + 1;
        if b[i..].starts_with(b"!--") {
            match find(&b[i..], b"-->") {
                Some(e) => i += e + 3,
                None => break,
            }
            continue;
        }
        let closing = b.get(i) == Some(&b'/');
        let s = if closing { i + 1 } else { i };
        let mut e = s;
        while e < b.len() && (b[e].is_ascii_alphanumeric() || b[e] == b'-') {
            e += 1;
        }
        if e == s {
            continue;
        }
        let name = &html[s..e];
        let raw_text = ["script", "style"]
            .into_iter()
            .find(|t| name.eq_ignore_ascii_case(t));
        if let (false, Some(t)) = (closing, raw_text) {
            match find_close_tag(&b[e..], t) {
                Some(p) => i = e + p,
                None => break,
            }
            continue;
        }
        if NON_NESTING.iter().any(|t| name.eq_ignore_ascii_case(t)) {
            continue;
        }
        let tag_end = memchr(b'>', &b[e..]).map_or(b.len(), |p| e + p);
        let self_closing = tag_end > 0 && b.get(tag_end.saturating_sub(1)) == Some(&b'/');
        if closing {
            depth = depth.saturating_sub(1);
        } else if !self_closing {
            depth += 1;
            max = max.max(depth);
        }
        i = tag_end.min(b.len());
    }
    max
}

/// The page without the bodies of scripts (except JSON-LD), styles, inline SVG
/// and comments. None of them is text a reader sees, and they are often most of a
/// page's bytes: the parser need not tokenize them character by character.
fn strip_inert(html: &str) -> String {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut copied = 0;
    let mut i = 0;
    while let Some(off) = memchr(b'<', &b[i..]) {
        let at = i + off;
        i = at + 1;
        let rest = &b[at + 1..];
        if rest.starts_with(b"!--") {
            let Some(end) = find(&rest[3..], b"-->") else {
                break;
            };
            out.push_str(&html[copied..at]);
            i = at + 1 + 3 + end + 3;
            copied = i;
            continue;
        }
        let tag = ["script", "style", "svg"].into_iter().find(|t| {
            rest.len() > t.len()
                && rest[..t.len()].eq_ignore_ascii_case(t.as_bytes())
                && matches!(rest[t.len()], b' ' | b'>' | b'\t' | b'\n' | b'\r' | b'/')
        });
        let Some(tag) = tag else { continue };
        let Some(open_end) = memchr(b'>', rest) else {
            break;
        };
        let open = &html[at..at + 1 + open_end + 1];
        if tag == "script" && open.to_ascii_lowercase().contains("ld+json") {
            continue;
        }
        let body_start = at + 1 + open_end + 1;
        let Some(close_at) = find_close_tag(&b[body_start..], tag) else {
            break;
        };
        out.push_str(&html[copied..body_start]);
        i = body_start + close_at;
        copied = i;
    }
    out.push_str(&html[copied..]);
    out
}

fn memchr(c: u8, hay: &[u8]) -> Option<usize> {
    memchr::memchr(c, hay)
}
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}
/// The offset of `</tag` (any case) in `hay`.
fn find_close_tag(hay: &[u8], tag: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = memchr::memmem::find(&hay[from..], b"</") {
        let at = from + p;
        let name = &hay[at + 2..];
        if name.len() >= tag.len() && name[..tag.len()].eq_ignore_ascii_case(tag.as_bytes()) {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

/// Hashes a node id as the number it is: ids are small, distinct integers, and
/// SipHash's protection is not needed for them.
#[derive(Default)]
struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type NodeMap<V> = HashMap<NodeId, V, std::hash::BuildHasherDefault<IdHasher>>;

#[derive(Default, Clone, Copy)]
struct Stats {
    commas: u32,
    text: u32,
    link_text: u32,
    /// Text inside `<p>` elements, links excluded: the prose a node holds.
    ptext: u32,
    paragraphs: u32,
}

/// Parses `html` and returns the article's lines and the page's metadata.
pub fn extract(html: &str, _cues: &Cues) -> Result<PageLines, ReadError> {
    let depth = nesting_depth(html);
    if depth > MAX_HTML_DEPTH {
        return Err(ReadError::TooDeep {
            depth,
            limit: MAX_HTML_DEPTH,
        });
    }
    let lean = strip_inert(html);
    let doc = Html::parse_document(&lean);
    let hc = html_cues();
    let mut meta = PageMeta::default();
    let mut json_ld_body: Option<String> = None;
    read_meta(&doc, hc, &mut meta, &mut json_ld_body);

    // Post-order statistics: text and link-text lengths per element.
    let root = doc.tree.root();
    let mut stats: NodeMap<Stats> = NodeMap::default();
    let mut order: Vec<NodeRef<'_, Node>> = Vec::new();
    let mut skipping: Option<NodeId> = None;
    for edge in root.traverse() {
        match edge {
            ego_tree::iter::Edge::Open(n) => {
                if skipping.is_some() {
                    continue;
                }
                if let Node::Element(el) = n.value() {
                    if hc.skip.contains(el.name()) || is_hidden(el) {
                        skipping = Some(n.id());
                        continue;
                    }
                }
                order.push(n);
            }
            ego_tree::iter::Edge::Close(n) => {
                if skipping == Some(n.id()) {
                    skipping = None;
                    continue;
                }
                if skipping.is_some() {
                    continue;
                }
                let mut s = Stats::default();
                match n.value() {
                    // A text node's figures are added straight into its parent's.
                    Node::Text(_) => continue,
                    Node::Element(el) => {
                        for c in n.children() {
                            if let Node::Text(t) = c.value() {
                                s.text += count_text(t);
                                s.commas += t.matches(',').count() as u32;
                                continue;
                            }
                            if let Some(cs) = stats.get(&c.id()) {
                                s.text += cs.text;
                                s.link_text += cs.link_text;
                                s.paragraphs += cs.paragraphs;
                                s.ptext += cs.ptext;
                                s.commas += cs.commas;
                            }
                        }
                        if el.name() == "a" {
                            s.link_text = s.text;
                        }
                        if el.name() == "p" && s.text > 0 {
                            s.paragraphs += 1;
                            s.ptext = s.text - s.link_text.min(s.text);
                        }
                    }
                    _ => {}
                }
                stats.insert(n.id(), s);
            }
        }
    }

    // Paragraph-like blocks vote for their ancestors.
    let mut votes: NodeMap<f32> = NodeMap::default();
    for n in &order {
        let Node::Element(el) = n.value() else {
            continue;
        };
        let name = el.name();
        let is_block = matches!(name, "p" | "pre" | "blockquote" | "td" | "li" | "dd")
            || (matches!(name, "div" | "section" | "article") && has_direct_text(*n, 40, &stats));
        if !is_block {
            continue;
        }
        let Some(s) = stats.get(&n.id()) else {
            continue;
        };
        if s.text < 25 {
            continue;
        }
        let text_chars = s.text as f32;
        let ld = if s.text > 0 {
            s.link_text as f32 / s.text as f32
        } else {
            0.0
        };
        if ld > 0.5 {
            continue;
        }
        let commas = s.commas as f32;
        let vote = (1.0 + commas.min(10.0) + (text_chars / 100.0).min(3.0)) * (1.0 - ld);
        // A `<p>` votes for its container; a container holding prose directly (text
        // and inline elements mixed with `<br>`) is its own container.
        let mut anc = if name == "p" || !matches!(name, "div" | "section" | "article") {
            n.parent()
        } else {
            Some(*n)
        };
        let mut level = 0;
        while let Some(a) = anc {
            if level >= 3 || !matches!(a.value(), Node::Element(_)) {
                break;
            }
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                _ => 3.0,
            };
            *votes.entry(a.id()).or_default() += vote / div;
            anc = a.parent();
            level += 1;
        }
    }
    let mut best: Option<(NodeId, f32)> = None;
    for (&id, &v) in &votes {
        let Some(node) = doc.tree.get(id) else {
            continue;
        };
        let Node::Element(el) = node.value() else {
            continue;
        };
        let s = stats.get(&id).copied().unwrap_or_default();
        let ld = if s.text > 0 {
            s.link_text as f32 / s.text as f32
        } else {
            0.0
        };
        let mut score = v * (1.0 - ld);
        score *= match class_weight(el, hc) {
            w if w < 0 => 0.3,
            w if w > 0 => 1.3,
            _ => 1.0,
        };
        if matches!(el.name(), "article" | "main") {
            score *= 1.1;
        }
        if best.is_none_or(|(_, b)| score > b) {
            best = Some((id, score));
        }
    }

    // An article split into several blocks (chunks between ads, sections under
    // subheadings) is whole only at a common ancestor: climb while the parent holds
    // clearly more prose and is not furniture.
    let best = best.map(|(mut top, score)| {
        'climb: loop {
            let ts = stats.get(&top).copied().unwrap_or_default();
            let mut anc = doc.tree.get(top).and_then(|n| n.parent());
            for _ in 0..6 {
                let Some(a) = anc else { break 'climb };
                let Node::Element(ael) = a.value() else {
                    break 'climb;
                };
                if matches!(ael.name(), "body" | "html") || class_weight(ael, hc) < 0 {
                    break 'climb;
                }
                let s = stats.get(&a.id()).copied().unwrap_or_default();
                let ld = if s.text > 0 {
                    s.link_text as f32 / s.text as f32
                } else {
                    1.0
                };
                if ld >= 0.35 {
                    break 'climb;
                }
                if s.ptext as f32 * 0.8 > ts.ptext as f32 {
                    top = a.id();
                    continue 'climb;
                }
                anc = a.parent();
            }
            break;
        }
        (top, score)
    });
    let mut lines = Vec::new();
    if let Some((top, top_score)) = best {
        let Some(top_node) = doc.tree.get(top) else {
            return Err(ReadError::NoText);
        };
        // The article: the top node, and siblings that score well or are plain prose.
        let mut parts = Vec::new();
        match top_node.parent() {
            Some(parent) if matches!(parent.value(), Node::Element(_)) => {
                for sib in parent.children() {
                    if sib.id() == top {
                        parts.push(sib);
                        continue;
                    }
                    let Node::Element(el) = sib.value() else {
                        continue;
                    };
                    if hc.skip.contains(el.name()) || class_weight(el, hc) < 0 {
                        continue;
                    }
                    let v = votes.get(&sib.id()).copied().unwrap_or(0.0);
                    let s = stats.get(&sib.id()).copied().unwrap_or_default();
                    let ld = if s.text > 0 {
                        s.link_text as f32 / s.text as f32
                    } else {
                        1.0
                    };
                    let prose = el.name() == "p" && s.text > 80 && ld < 0.25;
                    if v >= (top_score * 0.2).max(10.0) && ld < 0.3 || prose {
                        parts.push(sib);
                    }
                }
            }
            _ => parts.push(top_node),
        }
        for p in parts {
            emit_lines(p, top, hc, &stats, &mut lines);
        }
    }
    // A page whose structure gives nothing usable, but which states its body in
    // JSON-LD, is read from there.
    let body_chars: usize = lines.iter().map(|l: &Line| l.text.len()).sum();
    if let Some(ld) = json_ld_body {
        if ld.len() > body_chars * 2 && ld.len() > 200 {
            lines = ld
                .split('\n')
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| Line {
                    text: l.to_string(),
                    role: LineRole::Plain,
                })
                .collect();
        }
    }
    // The headline is metadata, not body: the article's own `<h1>` names it best;
    // else the page's title, without the site's name.
    if let Some(h1) = lines.iter().find(|l| l.role == LineRole::Headline) {
        meta.title = Some(h1.text.clone());
    } else if let Some(t) = meta.title.take() {
        meta.title = Some(strip_site_suffix(&t, meta.site_name.as_deref()));
    }
    lines.retain(|l| l.role != LineRole::Headline);
    Ok(PageLines { lines, meta })
}

/// "Talks end | The Gazette" → "Talks end": a page title's trailing site name.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail = tail.trim();
            let is_site = site.is_some_and(|s| s.eq_ignore_ascii_case(tail))
                || tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 3;
            if is_site && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

fn count_text(t: &scraper::node::Text) -> u32 {
    let s: &str = t;
    s.split_whitespace()
        .map(|w| w.chars().count() as u32 + 1)
        .sum()
}

/// Inline elements: their text belongs to the enclosing block's running text.
const INLINE: &[&str] = &[
    "span", "a", "b", "i", "em", "strong", "font", "u", "small", "big", "sup", "sub", "mark",
    "abbr", "cite", "q", "time", "code", "s", "strike", "del", "ins", "tt", "var", "dfn", "kbd",
];

/// Whether `n` holds at least `min` characters of running text of its own (text
/// and inline elements, not text inside child blocks).
fn has_direct_text(n: NodeRef<'_, Node>, min: usize, stats: &NodeMap<Stats>) -> bool {
    let mut total = 0usize;
    for c in n.children() {
        total += match c.value() {
            Node::Text(t) => t.trim().len(),
            Node::Element(e) if INLINE.contains(&e.name()) => {
                stats.get(&c.id()).map_or(0, |s| s.text as usize)
            }
            _ => 0,
        };
        if total >= min {
            return true;
        }
    }
    false
}

fn words_of(el: &scraper::node::Element) -> impl Iterator<Item = std::borrow::Cow<'_, str>> + '_ {
    let class = el.attr("class").unwrap_or("");
    let id = el.attr("id").unwrap_or("");
    class
        .split_whitespace()
        .chain(id.split_whitespace())
        .map(|w| {
            if w.bytes().any(|b| b.is_ascii_uppercase()) {
                std::borrow::Cow::Owned(w.to_ascii_lowercase())
            } else {
                std::borrow::Cow::Borrowed(w)
            }
        })
}

fn word_hits(token: &str, set: &HashSet<String>) -> bool {
    if set.contains(token) {
        return true;
    }
    token.contains(['-', '_']) && token.split(['-', '_']).any(|p| set.contains(p))
}

/// +1 for article-ish class/id words, −1 for furniture words.
fn class_weight(el: &scraper::node::Element, hc: &HtmlCues) -> i32 {
    let mut w = 0;
    for t in words_of(el) {
        if word_hits(&t, &hc.negative) {
            w -= 1;
        } else if word_hits(&t, &hc.positive) {
            w += 1;
        }
    }
    w.clamp(-1, 1)
}

fn is_hidden(el: &scraper::node::Element) -> bool {
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = el.attr("style") {
        if style.contains("none") || style.contains("hidden") {
            let s: String = style
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_lowercase();
            if s.contains("display:none") || s.contains("visibility:hidden") {
                return true;
            }
        }
    }
    false
}

fn is_caption(el: &scraper::node::Element, hc: &HtmlCues) -> bool {
    el.name() == "figcaption" || words_of(el).any(|t| word_hits(&t, &hc.caption))
}

/// Writes the text of `part` as lines, one per block element, with roles.
fn emit_lines(
    part: NodeRef<'_, Node>,
    top: NodeId,
    hc: &HtmlCues,
    stats: &NodeMap<Stats>,
    lines: &mut Vec<Line>,
) {
    let mut cur = String::new();
    let mut role_stack: Vec<(NodeId, LineRole)> = Vec::new();
    let mut skipping: Option<NodeId> = None;
    let flush = |cur: &mut String, role: LineRole, lines: &mut Vec<Line>| {
        let t = cur.split_whitespace().collect::<Vec<_>>().join(" ");
        cur.clear();
        if !t.is_empty() {
            lines.push(Line { text: t, role });
        }
    };
    let role_now = |stack: &Vec<(NodeId, LineRole)>| stack.last().map_or(LineRole::Plain, |r| r.1);
    for edge in part.traverse() {
        match edge {
            ego_tree::iter::Edge::Open(n) => {
                if skipping.is_some() {
                    continue;
                }
                match n.value() {
                    Node::Text(t) => cur.push_str(t),
                    Node::Element(el) => {
                        let name = el.name();
                        if hc.skip.contains(name) || is_hidden(el) {
                            skipping = Some(n.id());
                            continue;
                        }
                        let s = stats.get(&n.id()).copied().unwrap_or_default();
                        // Furniture: class words against it (unless it holds the article),
                        // or a block that is mostly links.
                        let negative = class_weight(el, hc) < 0 && n.id() != top;
                        let linky = s.text > 0
                            && s.link_text as f32 / s.text as f32 > 0.6
                            && matches!(
                                name,
                                "ul" | "ol" | "div" | "section" | "table" | "dl" | "p" | "li"
                            );
                        if hc.block.contains(name) {
                            flush(&mut cur, role_now(&role_stack), lines);
                        }
                        if name == "img" {
                            continue;
                        }
                        let role = if negative || linky {
                            Some(LineRole::Furniture)
                        } else if is_caption(el, hc) {
                            Some(LineRole::Caption)
                        } else if words_of(el).any(|t| hc.byline.contains(t.as_ref()))
                            && s.text < 120
                        {
                            Some(LineRole::Byline)
                        } else if name == "h1" {
                            Some(LineRole::Headline)
                        } else if matches!(name, "h2" | "h3" | "h4" | "h5" | "h6") {
                            Some(LineRole::Heading)
                        } else {
                            None
                        };
                        if let Some(r) = role {
                            // Furniture dominates whatever it contains.
                            let inherited = role_now(&role_stack);
                            let r = if inherited == LineRole::Furniture {
                                inherited
                            } else {
                                r
                            };
                            role_stack.push((n.id(), r));
                        }
                    }
                    _ => {}
                }
            }
            ego_tree::iter::Edge::Close(n) => {
                if let Some(s) = skipping {
                    if s == n.id() {
                        skipping = None;
                    }
                    continue;
                }
                if let Node::Element(el) = n.value() {
                    if hc.block.contains(el.name()) {
                        flush(&mut cur, role_now(&role_stack), lines);
                    }
                    if role_stack.last().is_some_and(|r| r.0 == n.id()) {
                        role_stack.pop();
                    }
                }
            }
        }
    }
    flush(&mut cur, role_now(&role_stack), lines);
}

fn parse_meta_date(s: &str) -> Option<DateValue> {
    let m = dates::parse_date_text(s).into_iter().next()?;
    let d: NaiveDate = m.date()?;
    Some(match m.time {
        Some(t) => DateValue::datetime(
            d.and_time(t),
            m.offset_minutes,
            if m.offset_minutes.is_some() {
                Grain::Second
            } else {
                Grain::Minute
            },
        ),
        None => DateValue::day(d),
    })
}

fn read_meta(doc: &Html, hc: &HtmlCues, meta: &mut PageMeta, json_ld_body: &mut Option<String>) {
    let mut og_title = None;
    let mut title_tag = None;
    for n in doc.tree.root().descendants() {
        let Node::Element(el) = n.value() else {
            continue;
        };
        match el.name() {
            "html" => {
                if let Some(l) = el.attr("lang") {
                    meta.language = Some(l.split(['-', '_']).next().unwrap_or(l).to_lowercase());
                }
            }
            "title" if title_tag.is_none() => {
                let t: String = n
                    .descendants()
                    .filter_map(|d| d.value().as_text().map(|t| t.to_string()))
                    .collect();
                let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
                if !t.is_empty() {
                    title_tag = Some(t);
                }
            }
            "meta" => {
                let key = el
                    .attr("property")
                    .or_else(|| el.attr("name"))
                    .or_else(|| el.attr("itemprop"))
                    .unwrap_or("")
                    .to_lowercase();
                let Some(content) = el.attr("content").map(str::trim).filter(|c| !c.is_empty())
                else {
                    continue;
                };
                match key.as_str() {
                    "og:title" | "twitter:title" => {
                        og_title.get_or_insert_with(|| content.to_string());
                    }
                    "og:site_name" | "application-name" => {
                        meta.site_name.get_or_insert_with(|| content.to_string());
                    }
                    "og:url" => {
                        meta.url.get_or_insert_with(|| content.to_string());
                    }
                    "author" | "article:author" | "byl" | "dc.creator" | "parsely-author"
                        if !content.starts_with("http") =>
                    {
                        let a = content.trim_start_matches("By ").trim_start_matches("by ");
                        meta.author.get_or_insert_with(|| a.to_string());
                    }
                    "article:published_time"
                    | "datepublished"
                    | "pubdate"
                    | "publishdate"
                    | "date"
                    | "dc.date"
                    | "dc.date.issued"
                    | "sailthru.date"
                    | "parsely-pub-date"
                    | "og:published_time"
                    | "article.published"
                        if meta.published.is_none() =>
                    {
                        if let Some(v) = parse_meta_date(content) {
                            meta.published = Some((v, format!("<meta {key}> {content}")));
                        }
                    }
                    "article:modified_time" | "datemodified" | "og:updated_time"
                        if meta.modified.is_none() =>
                    {
                        if let Some(v) = parse_meta_date(content) {
                            meta.modified = Some((v, format!("<meta {key}> {content}")));
                        }
                    }
                    _ => {}
                }
            }
            "link" if el.attr("rel") == Some("canonical") => {
                if let Some(h) = el.attr("href") {
                    meta.url.get_or_insert_with(|| h.to_string());
                }
            }
            "script" if el.attr("type").is_some_and(|t| t.contains("ld+json")) => {
                let raw: String = n
                    .children()
                    .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                    .collect();
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(raw.trim()) {
                    json_ld(&v, hc, meta, json_ld_body, 0);
                }
            }
            "time" if meta.published.is_none() => {
                if let Some(dt) = el.attr("datetime") {
                    if el
                        .attr("itemprop")
                        .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
                        || el.attr("pubdate").is_some()
                    {
                        if let Some(v) = parse_meta_date(dt) {
                            meta.published = Some((v, format!("<time datetime> {dt}")));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    meta.title = og_title.or(title_tag);
}

fn json_ld(
    v: &serde_json::Value,
    hc: &HtmlCues,
    meta: &mut PageMeta,
    body: &mut Option<String>,
    depth: usize,
) {
    if depth > 8 {
        return;
    }
    match v {
        serde_json::Value::Array(a) => {
            for x in a {
                json_ld(x, hc, meta, body, depth + 1);
            }
        }
        serde_json::Value::Object(o) => {
            if let Some(g) = o.get("@graph") {
                json_ld(g, hc, meta, body, depth + 1);
            }
            let types: Vec<&str> = match o.get("@type") {
                Some(serde_json::Value::String(s)) => vec![s.as_str()],
                Some(serde_json::Value::Array(a)) => a.iter().filter_map(|x| x.as_str()).collect(),
                _ => vec![],
            };
            if !types.iter().any(|t| hc.article_types.contains(*t)) || types == ["WebPage"] {
                return;
            }
            let s = |k: &str| o.get(k).and_then(|x| x.as_str()).map(str::to_string);
            if meta.published.is_none() {
                if let Some(d) = s("datePublished") {
                    if let Some(v) = parse_meta_date(&d) {
                        meta.published = Some((v, format!("JSON-LD datePublished {d}")));
                    }
                }
            }
            if meta.modified.is_none() {
                if let Some(d) = s("dateModified") {
                    if let Some(v) = parse_meta_date(&d) {
                        meta.modified = Some((v, format!("JSON-LD dateModified {d}")));
                    }
                }
            }
            if meta.author.is_none() {
                let name = |x: &serde_json::Value| -> Option<String> {
                    match x {
                        serde_json::Value::String(s) => Some(s.clone()),
                        serde_json::Value::Object(o) => o.get("name")?.as_str().map(str::to_string),
                        serde_json::Value::Array(a) => a.iter().find_map(|y| match y {
                            serde_json::Value::Object(o) => {
                                o.get("name")?.as_str().map(str::to_string)
                            }
                            serde_json::Value::String(s) => Some(s.clone()),
                            _ => None,
                        }),
                        _ => None,
                    }
                };
                meta.author = o.get("author").and_then(name);
            }
            if meta.site_name.is_none() {
                meta.site_name = o
                    .get("publisher")
                    .and_then(|p| p.get("name"))
                    .and_then(|n| n.as_str())
                    .map(str::to_string);
            }
            if meta.title.is_none() {
                meta.title = s("headline");
            }
            if body.is_none() {
                *body = s("articleBody");
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_scan_counts_nesting_not_siblings() {
        assert_eq!(nesting_depth("<div><div><p>a<p>b</div></div>"), 2);
        let deep = "<div>".repeat(5000);
        assert_eq!(nesting_depth(&deep), 5000);
        assert_eq!(nesting_depth("<script>if (a<b) {}</script><div></div>"), 1);
    }
}
