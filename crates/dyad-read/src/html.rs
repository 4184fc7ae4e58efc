//! HTML pages → lines with structural hints, plus the page's own metadata.
//!
//! Parsing is html5ever's (a spec-compliant HTML5 parser), into the lean tree of
//! [`crate::dom`]. Every walk over the tree is iterative, and pages nested deeper than
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

use crate::cues::FnvBuild;
use crate::dates;
use crate::dom::{Classify, Dom, Edge, Element, Ix, TagKind};
use crate::lines::{Line, LineRole, PageLines, PageMeta};
use crate::markup::{nesting_depth, simplify_markup, strip_inert};
use crate::{Cues, ReadError, MAX_HTML_DEPTH};
use chrono::NaiveDate;
use dyad_core::{DateValue, Grain};
use html5ever::local_name;
use std::collections::HashSet;
use std::sync::OnceLock;

const HTML_CUES: &str = include_str!("../data/html.tsv");

/// The cue sets hold short words, looked up for every class word of every element.
type WordSet = HashSet<String, FnvBuild>;

struct HtmlCues {
    skip: WordSet,
    block: WordSet,
    negative: WordSet,
    positive: WordSet,
    caption: WordSet,
    article_types: WordSet,
    byline: WordSet,
}

impl Classify for HtmlCues {
    fn kind(&self, name: &str) -> TagKind {
        let mut bits = 0;
        if self.skip.contains(name) {
            bits |= TagKind::SKIP;
        }
        if self.block.contains(name) {
            bits |= TagKind::BLOCK;
        }
        if INLINE.contains(&name) {
            bits |= TagKind::INLINE;
        }
        TagKind::new(bits)
    }
}

fn html_cues() -> &'static HtmlCues {
    static C: OnceLock<HtmlCues> = OnceLock::new();
    C.get_or_init(|| {
        let mut c = HtmlCues {
            skip: WordSet::default(),
            block: WordSet::default(),
            negative: WordSet::default(),
            positive: WordSet::default(),
            caption: WordSet::default(),
            article_types: WordSet::default(),
            byline: WordSet::default(),
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
    let lean = simplify_markup(&lean);
    let hc = html_cues();
    let dom = Dom::parse(&lean, hc);
    let mut meta = PageMeta::default();
    let mut json_ld_body: Option<String> = None;
    read_meta(&dom, hc, &mut meta, &mut json_ld_body);

    // Post-order statistics: text and link-text lengths per element (zero for
    // everything skipped).
    let mut stats = vec![Stats::default(); dom.len()];
    let mut order: Vec<Ix> = Vec::new();
    let mut skipping: Option<Ix> = None;
    for edge in dom.traverse(Dom::ROOT) {
        match edge {
            Edge::Open(n) => {
                if skipping.is_some() {
                    continue;
                }
                if let Some(el) = dom.element(n) {
                    if el.kind.has(TagKind::SKIP) || is_hidden(el) {
                        skipping = Some(n);
                        continue;
                    }
                    order.push(n);
                }
            }
            Edge::Close(n) => {
                if skipping == Some(n) {
                    skipping = None;
                    continue;
                }
                if skipping.is_some() {
                    continue;
                }
                // A text node's figures are added straight into its parent's.
                let Some(el) = dom.element(n) else {
                    continue;
                };
                let mut s = Stats::default();
                for c in dom.children(n) {
                    if let Some(t) = dom.node(c).text() {
                        s.text += count_text(t);
                        s.commas += memchr::memchr_iter(b',', t.as_bytes()).count() as u32;
                        continue;
                    }
                    let cs = &stats[c];
                    s.text += cs.text;
                    s.link_text += cs.link_text;
                    s.paragraphs += cs.paragraphs;
                    s.ptext += cs.ptext;
                    s.commas += cs.commas;
                }
                let name = el.name();
                if name == "a" {
                    s.link_text = s.text;
                }
                if name == "p" && s.text > 0 {
                    s.paragraphs += 1;
                    s.ptext = s.text - s.link_text.min(s.text);
                }
                stats[n] = s;
            }
        }
    }

    // Paragraph-like blocks vote for their ancestors. Every vote is positive, so a
    // node without votes holds zero.
    let mut votes = vec![0.0f32; dom.len()];
    let mut voted: Vec<Ix> = Vec::new();
    for &n in &order {
        let Some(el) = dom.element(n) else {
            continue;
        };
        let name = el.name();
        let is_block = matches!(name, "p" | "pre" | "blockquote" | "td" | "li" | "dd")
            || (matches!(name, "div" | "section" | "article")
                && has_direct_text(&dom, n, 40, &stats));
        if !is_block {
            continue;
        }
        let s = stats[n];
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
            dom.parent(n)
        } else {
            Some(n)
        };
        let mut level = 0;
        while let Some(a) = anc {
            if level >= 3 || dom.element(a).is_none() {
                break;
            }
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                _ => 3.0,
            };
            if votes[a] == 0.0 {
                voted.push(a);
            }
            votes[a] += vote / div;
            anc = dom.parent(a);
            level += 1;
        }
    }
    // Equal scores go to the node created first (document order, give or take the
    // parser's repairs of broken markup).
    voted.sort_unstable();
    let mut best: Option<(Ix, f32)> = None;
    for &id in &voted {
        let v = votes[id];
        let Some(el) = dom.element(id) else {
            continue;
        };
        let s = stats[id];
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
            let ts = stats[top];
            let mut anc = dom.parent(top);
            for _ in 0..6 {
                let Some(a) = anc else { break 'climb };
                let Some(ael) = dom.element(a) else {
                    break 'climb;
                };
                if matches!(ael.name(), "body" | "html") || class_weight(ael, hc) < 0 {
                    break 'climb;
                }
                let s = stats[a];
                let ld = if s.text > 0 {
                    s.link_text as f32 / s.text as f32
                } else {
                    1.0
                };
                if ld >= 0.35 {
                    break 'climb;
                }
                if s.ptext as f32 * 0.8 > ts.ptext as f32 {
                    top = a;
                    continue 'climb;
                }
                anc = dom.parent(a);
            }
            break;
        }
        (top, score)
    });
    let mut lines = Vec::new();
    if let Some((top, top_score)) = best {
        // The article: the top node, and siblings that score well or are plain prose.
        let mut parts = Vec::new();
        match dom.parent(top) {
            Some(parent) if dom.element(parent).is_some() => {
                for sib in dom.children(parent) {
                    if sib == top {
                        parts.push(sib);
                        continue;
                    }
                    let Some(el) = dom.element(sib) else {
                        continue;
                    };
                    if el.kind.has(TagKind::SKIP) || class_weight(el, hc) < 0 {
                        continue;
                    }
                    let v = votes[sib];
                    let s = stats[sib];
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
            _ => parts.push(top),
        }
        for p in parts {
            emit_lines(&dom, p, top, hc, &stats, &mut lines);
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
        meta.title_from_headline = true;
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

/// Characters of text, each word counted with one space: what `split_whitespace`
/// words would add up to, counted in one pass without splitting.
fn count_text(s: &str) -> u32 {
    let mut n = 0u32;
    let mut in_word = false;
    if s.is_ascii() {
        for &b in s.as_bytes() {
            // ASCII whitespace as `char::is_whitespace` has it (it includes \x0b).
            if matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r') {
                in_word = false;
            } else {
                n += 1 + u32::from(!in_word);
                in_word = true;
            }
        }
    } else {
        for c in s.chars() {
            if c.is_whitespace() {
                in_word = false;
            } else {
                n += 1 + u32::from(!in_word);
                in_word = true;
            }
        }
    }
    n
}

/// Appends the words of `s` to `out`, one space between each (and before the first
/// when `out` holds some already): `split_whitespace` and `join(" ")` without the
/// vector.
fn push_words(out: &mut String, s: &str) {
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
}

/// Inline elements: their text belongs to the enclosing block's running text.
const INLINE: &[&str] = &[
    "span", "a", "b", "i", "em", "strong", "font", "u", "small", "big", "sup", "sub", "mark",
    "abbr", "cite", "q", "time", "code", "s", "strike", "del", "ins", "tt", "var", "dfn", "kbd",
];

/// Whether `n` holds at least `min` characters of running text of its own (text
/// and inline elements, not text inside child blocks).
fn has_direct_text(dom: &Dom, n: Ix, min: usize, stats: &[Stats]) -> bool {
    let mut total = 0usize;
    for c in dom.children(n) {
        let node = dom.node(c);
        total += if let Some(t) = node.text() {
            t.trim().len()
        } else if node.element().is_some_and(|e| e.kind.has(TagKind::INLINE)) {
            stats[c].text as usize
        } else {
            0
        };
        if total >= min {
            return true;
        }
    }
    false
}

fn words_of(el: &Element) -> impl Iterator<Item = std::borrow::Cow<'_, str>> + '_ {
    let class = el.attr(&local_name!("class")).unwrap_or("");
    let id = el.attr(&local_name!("id")).unwrap_or("");
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

fn word_hits(token: &str, set: &WordSet) -> bool {
    if set.contains(token) {
        return true;
    }
    token.contains(['-', '_']) && token.split(['-', '_']).any(|p| set.contains(p))
}

/// +1 for article-ish class/id words, −1 for furniture words.
fn class_weight(el: &Element, hc: &HtmlCues) -> i32 {
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

fn is_hidden(el: &Element) -> bool {
    if el.attr(&local_name!("hidden")).is_some()
        || el.attr(&local_name!("aria-hidden")) == Some("true")
    {
        return true;
    }
    if let Some(style) = el.attr(&local_name!("style")) {
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

fn is_caption(el: &Element, hc: &HtmlCues) -> bool {
    el.name() == "figcaption" || words_of(el).any(|t| word_hits(&t, &hc.caption))
}

/// Writes the text of `part` as lines, one per block element, with roles.
fn emit_lines(dom: &Dom, part: Ix, top: Ix, hc: &HtmlCues, stats: &[Stats], lines: &mut Vec<Line>) {
    // The running line, its whitespace already collapsed.
    let mut cur = String::new();
    let mut role_stack: Vec<(Ix, LineRole)> = Vec::new();
    let mut skipping: Option<Ix> = None;
    let flush = |cur: &mut String, role: LineRole, lines: &mut Vec<Line>| {
        if !cur.is_empty() {
            lines.push(Line {
                text: std::mem::take(cur),
                role,
            });
        }
    };
    let role_now = |stack: &Vec<(Ix, LineRole)>| stack.last().map_or(LineRole::Plain, |r| r.1);
    // Text nodes are collapsed as they come, but words may run across them
    // ("<b>Tok</b>yo"): a space is due only where the text had whitespace.
    let mut space_due = false;
    for edge in dom.traverse(part) {
        match edge {
            Edge::Open(n) => {
                if skipping.is_some() {
                    continue;
                }
                let node = dom.node(n);
                if let Some(t) = node.text() {
                    append_text(&mut cur, &mut space_due, t);
                    continue;
                }
                let Some(el) = node.element() else {
                    continue;
                };
                let name = el.name();
                if el.kind.has(TagKind::SKIP) || is_hidden(el) {
                    skipping = Some(n);
                    continue;
                }
                let s = stats[n];
                // Furniture: class words against it (unless it holds the article),
                // or a block that is mostly links.
                let negative = n != top && class_weight(el, hc) < 0;
                let linky = s.text > 0
                    && s.link_text as f32 / s.text as f32 > 0.6
                    && matches!(
                        name,
                        "ul" | "ol" | "div" | "section" | "table" | "dl" | "p" | "li"
                    );
                if el.kind.has(TagKind::BLOCK) {
                    flush(&mut cur, role_now(&role_stack), lines);
                    space_due = false;
                }
                if name == "img" {
                    continue;
                }
                let role = if negative || linky {
                    Some(LineRole::Furniture)
                } else if is_caption(el, hc) {
                    Some(LineRole::Caption)
                } else if words_of(el).any(|t| hc.byline.contains(t.as_ref())) && s.text < 120 {
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
                    role_stack.push((n, r));
                }
            }
            Edge::Close(n) => {
                if let Some(s) = skipping {
                    if s == n {
                        skipping = None;
                    }
                    continue;
                }
                if let Some(el) = dom.element(n) {
                    if el.kind.has(TagKind::BLOCK) {
                        flush(&mut cur, role_now(&role_stack), lines);
                        space_due = false;
                    }
                    if role_stack.last().is_some_and(|r| r.0 == n) {
                        role_stack.pop();
                    }
                }
            }
        }
    }
    flush(&mut cur, role_now(&role_stack), lines);
}

/// Appends a text node to the running line, collapsing whitespace as
/// `split_whitespace().join(" ")` on the whole line would.
fn append_text(cur: &mut String, space_due: &mut bool, t: &str) {
    let mut words = t.split_whitespace();
    let Some(first) = words.next() else {
        // Only whitespace: it separates whatever comes next from what came before.
        if !t.is_empty() {
            *space_due = true;
        }
        return;
    };
    let lead_space = t.starts_with(|c: char| c.is_whitespace());
    if !cur.is_empty() && (*space_due || lead_space) {
        cur.push(' ');
    }
    cur.push_str(first);
    for w in words {
        cur.push(' ');
        cur.push_str(w);
    }
    *space_due = t.ends_with(|c: char| c.is_whitespace());
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

fn read_meta(dom: &Dom, hc: &HtmlCues, meta: &mut PageMeta, json_ld_body: &mut Option<String>) {
    let mut og_title = None;
    let mut title_tag = None;
    for n in dom.descendants(Dom::ROOT) {
        let Some(el) = dom.element(n) else {
            continue;
        };
        match el.name() {
            "html" => {
                if let Some(l) = el.attr(&local_name!("lang")) {
                    meta.language = Some(l.split(['-', '_']).next().unwrap_or(l).to_lowercase());
                }
            }
            "title" if title_tag.is_none() => {
                let t: String = dom
                    .descendants(n)
                    .filter_map(|d| dom.node(d).text())
                    .collect();
                let mut words = String::new();
                push_words(&mut words, &t);
                let t = words;
                if !t.is_empty() {
                    title_tag = Some(t);
                }
            }
            "meta" => {
                let key = el
                    .attr(&local_name!("property"))
                    .or_else(|| el.attr(&local_name!("name")))
                    .or_else(|| el.attr(&local_name!("itemprop")))
                    .unwrap_or("")
                    .to_lowercase();
                let Some(content) = el
                    .attr(&local_name!("content"))
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
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
            "link" if el.attr(&local_name!("rel")) == Some("canonical") => {
                if let Some(h) = el.attr(&local_name!("href")) {
                    meta.url.get_or_insert_with(|| h.to_string());
                }
            }
            "script"
                if el
                    .attr(&local_name!("type"))
                    .is_some_and(|t| t.contains("ld+json")) =>
            {
                let raw: String = dom.children(n).filter_map(|c| dom.node(c).text()).collect();
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(raw.trim()) {
                    json_ld(&v, hc, meta, json_ld_body, 0);
                }
            }
            "time" if meta.published.is_none() => {
                if let Some(dt) = el.attr(&local_name!("datetime")) {
                    if el
                        .attr(&local_name!("itemprop"))
                        .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
                        || el.has_attr_named("pubdate")
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
