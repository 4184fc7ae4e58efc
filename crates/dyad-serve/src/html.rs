//! HTML building blocks. Everything from the store (report text, titles, names,
//! codes, conflict reasons) is untrusted and reaches HTML only through [`esc`]
//! (text and attribute values) or [`url`] (path segments and query values).

use std::fmt::Write;

/// Escapes text for HTML element content and quoted attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Percent-encodes a path segment or query value (everything but unreserved
/// characters), so an id or code can never break out of its URL.
pub fn url(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// The page frame: header with navigation and search box, then `body`.
pub fn layout(title: &str, active: &str, query: &str, body: &str) -> String {
    let nav = [
        ("/", "Timeline"),
        ("/network", "Network"),
        ("/conflicts", "Conflicts"),
    ];
    let mut links = String::new();
    for (href, name) in nav {
        let class = if name == active {
            r#" class="active""#
        } else {
            ""
        };
        let _ = write!(links, r#"<a href="{href}"{class}>{name}</a>"#);
    }
    format!(
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · dyad</title><link rel="stylesheet" href="/static/style.css"></head>
<body><header class="top"><a class="brand" href="/">dyad</a><nav>{links}</nav>
<form class="search" action="/search" method="get" role="search"><input type="search" name="q" value="{q}" placeholder="Search reports, events, actors" aria-label="search"><button type="submit">Search</button></form></header>
<main>{body}</main>
<footer>dyad · events fused from news reports, every field with its evidence · <a href="/api/v1/openapi.json">API</a></footer>
</body></html>"#,
        title = esc(title),
        q = esc(query),
    )
}

/// A status as a coloured badge.
pub fn badge(status: &str) -> String {
    format!(
        r#"<span class="badge st-{}">{}</span>"#,
        url(status),
        esc(status)
    )
}

/// A search snippet from the store (matches between `[` and `]`), escaped,
/// with the matches in `<mark>`. Unbalanced brackets (the report's own) stay
/// text, so the markup is always well formed.
pub fn snippet(s: &str) -> String {
    let mut out = String::new();
    let mut open = false;
    for c in s.chars() {
        match c {
            '[' if !open => {
                out.push_str("<mark>");
                open = true;
            }
            ']' if open => {
                out.push_str("</mark>");
                open = false;
            }
            c => out.push_str(&esc(c.encode_utf8(&mut [0; 4]))),
        }
    }
    if open {
        out.push_str("</mark>");
    }
    out
}

/// A highlighted range of a text: `[start, end)` in bytes, a CSS class, and a
/// label shown on hover. `layer` 0 ranges (sentences) are backgrounds, layer 1
/// ranges (the evidence of fields) are `<mark>`s inside them.
#[derive(Debug, Clone)]
pub struct Highlight {
    pub start: usize,
    pub end: usize,
    pub layer: u8,
    pub class: String,
    pub label: String,
}

/// `text` escaped, with the highlights applied. Ranges may overlap or nest: the
/// text is cut at every range boundary and each piece is wrapped in the ranges
/// covering it, so the markup is well formed whatever the ranges are. Ranges
/// that are empty, out of bounds or not on character boundaries are skipped
/// (spans come from stored data, which is never trusted to be consistent).
pub fn highlighted(text: &str, ranges: &[Highlight]) -> String {
    let valid: Vec<&Highlight> = ranges
        .iter()
        .filter(|r| {
            r.start < r.end
                && r.end <= text.len()
                && text.is_char_boundary(r.start)
                && text.is_char_boundary(r.end)
        })
        .collect();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for r in &valid {
        cuts.push(r.start);
        cuts.push(r.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::with_capacity(text.len() * 2);
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let Some(piece) = text.get(a..b) else {
            continue;
        };
        let covering: Vec<&&Highlight> = valid
            .iter()
            .filter(|r| r.start <= a && b <= r.end)
            .collect();
        let sentence = covering.iter().find(|r| r.layer == 0);
        let marks: Vec<&&&Highlight> = covering.iter().filter(|r| r.layer > 0).collect();
        if let Some(s) = sentence {
            let _ = write!(out, r#"<span class="{}">"#, esc(&s.class));
        }
        if marks.is_empty() {
            out.push_str(&esc(piece));
        } else {
            let classes: Vec<&str> = marks.iter().map(|m| m.class.as_str()).collect();
            let mut labels: Vec<&str> = marks.iter().map(|m| m.label.as_str()).collect();
            labels.dedup();
            let _ = write!(
                out,
                r#"<mark class="{}" title="{}">{}</mark>"#,
                esc(&classes.join(" ")),
                esc(&labels.join(", ")),
                esc(piece)
            );
        }
        if sentence.is_some() {
            out.push_str("</span>");
        }
    }
    out
}

/// Links to the previous and next page of a listing; `base` is the path with
/// its other query parameters already (ending in `?` or `&`).
pub fn pager(base: &str, total: usize, limit: usize, offset: usize) -> String {
    let mut s = String::from(r#"<nav class="pager">"#);
    if offset > 0 {
        let prev = offset.saturating_sub(limit);
        let _ = write!(
            s,
            r#"<a rel="prev" href="{}limit={limit}&amp;offset={prev}">← previous</a>"#,
            esc(base)
        );
    }
    let last = (offset + limit).min(total);
    let first = if total == 0 { 0 } else { offset + 1 };
    let _ = write!(s, "<span>{first}–{last} of {total}</span>");
    if offset + limit < total {
        let _ = write!(
            s,
            r#"<a rel="next" href="{}limit={limit}&amp;offset={}">next →</a>"#,
            esc(base),
            offset + limit
        );
    }
    s.push_str("</nav>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            esc(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
        assert_eq!(url("a b/<c>"), "a%20b%2F%3Cc%3E");
    }

    #[test]
    fn highlights_nest_and_never_break_markup() {
        let text = "Xi met <b>Biden</b> in Bali.";
        let hs = vec![
            Highlight {
                start: 0,
                end: text.len(),
                layer: 0,
                class: "sent".into(),
                label: String::new(),
            },
            Highlight {
                start: 3,
                end: 6,
                layer: 1,
                class: "f-type".into(),
                label: "type".into(),
            },
            Highlight {
                start: 7,
                end: 19,
                layer: 1,
                class: "f-target".into(),
                label: "target".into(),
            },
            // Not on a character boundary of anything real: out of bounds.
            Highlight {
                start: 5,
                end: 500,
                layer: 1,
                class: "bad".into(),
                label: String::new(),
            },
        ];
        let h = highlighted(text, &hs);
        assert!(
            h.contains(r#"<mark class="f-type" title="type">met</mark>"#),
            "{h}"
        );
        assert!(h.contains("&lt;b&gt;Biden&lt;/b&gt;"), "{h}");
        assert!(!h.contains("<b>"));
        assert_eq!(h.matches("<span").count(), h.matches("</span>").count());
        assert_eq!(h.matches("<mark").count(), h.matches("</mark>").count());
    }

    #[test]
    fn snippets_mark_matches_and_escape_the_rest() {
        assert_eq!(snippet("a [Biden] <i>]"), "a <mark>Biden</mark> &lt;i&gt;]");
        assert_eq!(snippet("[open"), "<mark>open</mark>");
    }
}
