//! Cheap passes over raw markup before html5ever sees it: a nesting-depth scan that
//! refuses absurd pages, and two passes that take out what the reader never uses,
//! so that the parser — which works character by character — has less to read.
//!
//! The passes only remove: script, style and SVG bodies, comments
//! ([`strip_inert`]), and attributes nothing downstream looks at, with line breaks
//! in text made spaces ([`simplify_markup`]). The second follows the HTML5
//! tokenizer's rules for where tags, comments and raw-text elements begin and end,
//! and copies anything it is not sure about unchanged, so the tree built from its
//! output is the tree of its input less those attributes, with a space for each
//! line break in text.

/// `name` in ASCII lower case, written into `buf`, when it fits: every name these
/// passes look for does, so a longer one is none of them.
fn lowered<'a>(name: &[u8], buf: &'a mut [u8; 16]) -> Option<&'a [u8]> {
    let out = buf.get_mut(..name.len())?;
    for (o, &c) in out.iter_mut().zip(name) {
        *o = c.to_ascii_lowercase();
    }
    Some(out)
}

/// Tags that close themselves or are closed implicitly, and so do not nest.
fn is_non_nesting(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
            | b"p"
            | b"li"
            | b"dt"
            | b"dd"
            | b"option"
            | b"tr"
            | b"td"
            | b"th"
            | b"tbody"
            | b"thead"
    )
}

/// A cheap scan of the raw markup for its nesting depth, so that absurd inputs
/// are refused before the parser spends quadratic time on them.
pub(crate) fn nesting_depth(html: &str) -> usize {
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
        let mut buf = [0u8; 16];
        let lower = lowered(&b[s..e], &mut buf).unwrap_or_default();
        let raw_text = match lower {
            b"script" => Some("script"),
            b"style" => Some("style"),
            _ => None,
        };
        if let (false, Some(t)) = (closing, raw_text) {
            match find_close_tag(&b[e..], t) {
                Some(p) => i = e + p,
                None => break,
            }
            continue;
        }
        if is_non_nesting(lower) {
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
pub(crate) fn strip_inert(html: &str) -> String {
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

/// Whether an attribute (lower-case `attr`) of a `tag` is one the reader or the tree
/// builder uses. The reader reads class and id words and hidden blocks on any
/// element, and page metadata on a few. The tree builder looks at `type` on
/// `<input>` (hidden inputs in tables), `color`/`face`/`size` on `<font>` (leaving
/// MathML) and `encoding` on `<annotation-xml>`.
fn attribute_used(tag: &[u8], attr: &[u8]) -> bool {
    matches!(
        attr,
        b"class" | b"id" | b"hidden" | b"aria-hidden" | b"style"
    ) || matches!(
        (tag, attr),
        (b"html", b"lang")
            | (b"meta", b"property" | b"name" | b"itemprop" | b"content")
            | (b"link", b"rel" | b"href")
            | (b"script" | b"input", b"type")
            | (b"time", b"datetime" | b"itemprop" | b"pubdate")
            | (b"font", b"color" | b"face" | b"size")
            | (b"annotation-xml", b"encoding")
    )
}

/// Elements whose content the tokenizer reads as text (RCDATA, RAWTEXT, script
/// data, plaintext) when the tree builder meets them: what looks like a tag there
/// is not one.
const RAW_TEXT: &[&str] = &[
    "title",
    "textarea",
    "style",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "script",
    "plaintext",
];

/// Whitespace between attributes, as the tokenizer sees it (CR becomes LF before it).
fn is_space(b: u8) -> bool {
    BYTE_CLASS[usize::from(b)] & SPACE != 0
}

const SPACE: u8 = 1;
const SLASH: u8 = 2;
const GT: u8 = 4;
const EQ: u8 = 8;

/// What ends a tag name, an attribute name or an unquoted value, by byte: one
/// table look-up per byte instead of a chain of comparisons.
static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b' ' as usize] = SPACE;
    t[b'\t' as usize] = SPACE;
    t[b'\n' as usize] = SPACE;
    t[0x0c] = SPACE;
    t[b'\r' as usize] = SPACE;
    t[b'/' as usize] = SLASH;
    t[b'>' as usize] = GT;
    t[b'=' as usize] = EQ;
    t
};

/// The first index from `i` whose byte is of one of the `classes`, or the end.
fn skip_until(b: &[u8], mut i: usize, classes: u8) -> usize {
    while i < b.len() && BYTE_CLASS[usize::from(b[i])] & classes == 0 {
        i += 1;
    }
    i
}

/// One attribute of a start tag: where it starts, where its name ends, where its
/// value (if any) ends.
struct Attr {
    start: usize,
    name_end: usize,
    end: usize,
}

/// A start or end tag as the HTML5 tokenizer reads it from `b[lt..]` (`lt` at `<`).
struct Tag {
    name_end: usize,
    attrs: Vec<Attr>,
    /// Index of the closing `>`.
    gt: usize,
    self_closing: bool,
}

/// Reads a tag whose name starts at `i`, following the tokenizer's states (tag
/// name, before/after attribute name, attribute value, self-closing start tag).
/// `None` when the input ends inside the tag: the tokenizer drops such a tag.
fn scan_tag(b: &[u8], mut i: usize, attrs: &mut Vec<Attr>) -> Option<Tag> {
    attrs.clear();
    i = skip_until(b, i, SPACE | SLASH | GT);
    let name_end = i;
    loop {
        // Before attribute name.
        match *b.get(i)? {
            c if is_space(c) => {
                i += 1;
                continue;
            }
            b'/' => {
                // Self-closing start tag state: only `/>` closes; a lone `/` is
                // ignored and attribute reading resumes.
                i += 1;
                if *b.get(i)? == b'>' {
                    return Some(Tag {
                        name_end,
                        attrs: std::mem::take(attrs),
                        gt: i,
                        self_closing: true,
                    });
                }
                continue;
            }
            b'>' => {
                return Some(Tag {
                    name_end,
                    attrs: std::mem::take(attrs),
                    gt: i,
                    self_closing: false,
                })
            }
            _ => {}
        }
        // Attribute name: its first character is taken whatever it is (even `=`).
        let start = i;
        i += 1;
        i = skip_until(b, i, SPACE | SLASH | GT | EQ);
        let name_end_a = i;
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        if *b.get(i)? != b'=' {
            // No value; what follows is handled as before an attribute name.
            attrs.push(Attr {
                start,
                name_end: name_end_a,
                end: name_end_a,
            });
            continue;
        }
        i += 1;
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        match *b.get(i)? {
            q @ (b'"' | b'\'') => {
                i += 1 + memchr(q, &b[i + 1..])? + 1;
            }
            // `a=>`: an empty value, and the tag ends.
            b'>' => {}
            _ => {
                i = skip_until(b, i, SPACE | GT);
            }
        }
        attrs.push(Attr {
            start,
            name_end: name_end_a,
            end: i,
        });
    }
}

/// Where a comment opened at `b[i..]` (just after `<!--`) ends, one past its `>`,
/// by the tokenizer's rules: `<!-->` and `<!--->` are empty comments, and `-->` or
/// `--!>` closes any other.
fn comment_end(b: &[u8], i: usize) -> Option<usize> {
    let rest = &b[i..];
    if rest.starts_with(b">") {
        return Some(i + 1);
    }
    if rest.starts_with(b"->") {
        return Some(i + 2);
    }
    let a = find(rest, b"-->").map(|p| p + 3);
    let c = find(rest, b"--!>").map(|p| p + 4);
    match (a, c) {
        (Some(a), Some(c)) => Some(i + a.min(c)),
        (x, y) => x.or(y).map(|p| i + p),
    }
}

/// Where the raw text of element `name`, starting at `b[i..]`, ends: at the first
/// `</name` followed by whitespace, `/` or `>`, as the tokenizer closes it.
fn raw_text_end(b: &[u8], i: usize, name: &[u8]) -> Option<usize> {
    let mut from = i;
    loop {
        let at = from + find(&b[from..], b"</")?;
        let n = &b[at + 2..];
        if n.len() > name.len()
            && n[..name.len()].eq_ignore_ascii_case(name)
            && (is_space(n[name.len()]) || matches!(n[name.len()], b'/' | b'>'))
        {
            return Some(at);
        }
        from = at + 2;
    }
}

/// The markup without the attributes the reader and the tree builder never look at
/// (`href` on links, `src`, `data-*`, event handlers…: about a third of a news
/// page's markup once scripts are gone), and with line breaks in text as spaces.
///
/// Tags are rewritten as `<name kept-attrs>` (with ` />` where the tag closed
/// itself). In text, each line break (LF, CR or CRLF, which the tokenizer turns
/// into one LF) becomes one space: the same single whitespace character to every
/// later step, but the tokenizer reads a run of text without line breaks in one
/// piece instead of stopping at each. The line break a `<pre>` or `<listing>` start
/// tag swallows stays. Comments, doctypes, raw-text element bodies and everything
/// after a construct this pass does not follow (CDATA sections, a script body
/// holding `<!--`) are copied unchanged.
pub(crate) fn simplify_markup(html: &str) -> String {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    // `html[..copied]` is written (or replaced) in `out`; what follows, up to the
    // next construct, from `text_from` on, is text.
    let mut copied = 0;
    let mut text_from = 0;
    // The text that follows is right after a `<pre>` or `<listing>` start tag.
    let mut after_pre = false;
    let mut i = 0;
    let mut attrs = Vec::new();
    let mut gave_up = false;
    while let Some(off) = memchr(b'<', &b[i..]) {
        let lt = i + off;
        i = lt + 1;
        let Some(&c) = b.get(i) else { break };
        if c.is_ascii_alphabetic() {
            let Some(tag) = scan_tag(b, i, &mut attrs) else {
                gave_up = true;
                break;
            };
            push_text(&mut out, html, &mut copied, text_from..lt, after_pre);
            let mut tag_buf = [0u8; 16];
            // A name too long for the buffer is none of those `attribute_used` knows.
            let name = lowered(&b[i..tag.name_end], &mut tag_buf).unwrap_or(b"-");
            let kept = |a: &Attr| {
                let mut buf = [0u8; 16];
                lowered(&b[a.start..a.name_end], &mut buf)
                    .is_some_and(|attr| attribute_used(name, attr))
            };
            if !tag.attrs.iter().all(kept) {
                out.push_str(&html[copied..tag.name_end]);
                for a in tag.attrs.iter().filter(|a| kept(a)) {
                    out.push(' ');
                    out.push_str(&html[a.start..a.end]);
                }
                out.push_str(if tag.self_closing { " />" } else { ">" });
                copied = tag.gt + 1;
            }
            after_pre = matches!(name, b"pre" | b"listing");
            attrs = tag.attrs;
            i = tag.gt + 1;
            text_from = i;
            if let Some(raw) = RAW_TEXT.iter().find(|r| name == r.as_bytes()) {
                // Nothing ends `<plaintext>`; a script body with `<!--` may hide its
                // end tag from the tokenizer (escaped script data): stop rather than
                // follow either.
                let end = match raw_text_end(b, i, raw.as_bytes()) {
                    Some(end)
                        if *raw != "plaintext"
                            && !(*raw == "script" && find(&b[i..end], b"<!--").is_some()) =>
                    {
                        end
                    }
                    _ => {
                        gave_up = true;
                        break;
                    }
                };
                i = end;
                text_from = end;
            }
            continue;
        }
        // Any other construct: where it ends (one past), or give up.
        let end = match c {
            b'/' => match b.get(i + 1) {
                Some(n) if n.is_ascii_alphabetic() => scan_tag(b, i + 1, &mut attrs).map(|tag| {
                    attrs = tag.attrs;
                    tag.gt + 1
                }),
                // `</>` is dropped; `</` before anything else opens a bogus comment
                // that the next `>` closes.
                Some(_) => memchr(b'>', &b[i..]).map(|p| i + p + 1),
                None => None,
            },
            b'!' if b[i..].starts_with(b"!--") => comment_end(b, i + 3),
            // CDATA sections are text in SVG and MathML and bogus comments elsewhere;
            // which one needs the tree builder's state.
            b'!' if b[i..].starts_with(b"![CDATA[") => None,
            // Doctypes and bogus comments end at the next `>`.
            b'!' | b'?' => memchr(b'>', &b[i..]).map(|p| i + p + 1),
            // A `<` that opens nothing is text.
            _ => continue,
        };
        let Some(end) = end else {
            gave_up = true;
            break;
        };
        push_text(&mut out, html, &mut copied, text_from..lt, after_pre);
        after_pre = false;
        i = end;
        text_from = end;
    }
    if !gave_up {
        push_text(
            &mut out,
            html,
            &mut copied,
            text_from..html.len(),
            after_pre,
        );
    }
    out.push_str(&html[copied..]);
    out
}

/// Replaces each line break (CRLF, CR or LF) in the text `html[range]` with one
/// space, writing `out` up to where `copied` says. `after_pre` keeps a leading line
/// break, which the tree builder drops after `<pre>`.
fn push_text(
    out: &mut String,
    html: &str,
    copied: &mut usize,
    range: std::ops::Range<usize>,
    after_pre: bool,
) {
    let b = html.as_bytes();
    let mut from = range.start;
    if after_pre {
        from += if b[from..range.end].starts_with(b"\r\n") {
            2
        } else {
            usize::from(from < range.end && matches!(b[from], b'\r' | b'\n'))
        };
    }
    // Most text between tags is a few bytes of indentation: a plain loop finds its
    // line breaks faster than setting up a vector search.
    let next_break = |from: usize| -> Option<usize> {
        let hay = &b[from..range.end];
        if hay.len() < 32 {
            hay.iter().position(|&c| c == b'\n' || c == b'\r')
        } else {
            memchr::memchr2(b'\n', b'\r', hay)
        }
    };
    while let Some(p) = next_break(from) {
        let at = from + p;
        out.push_str(&html[*copied..at]);
        out.push(' ');
        from = at + 1;
        if b[at] == b'\r' && from < range.end && b[from] == b'\n' {
            from += 1;
        }
        *copied = from;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::{Classify, Dom, NodeData, TagKind};
    use proptest::prelude::*;

    struct NoKinds;
    impl Classify for NoKinds {
        fn kind(&self, _name: &str) -> TagKind {
            TagKind::default()
        }
    }

    /// The tree as the reader can see it: element names with the attributes it or
    /// the tree builder uses, text with line breaks as spaces, other nodes as marks.
    fn reader_view(html: &str) -> Vec<String> {
        let dom = Dom::parse(html, &NoKinds);
        let mut out = Vec::new();
        for edge in dom.traverse(Dom::ROOT) {
            let crate::dom::Edge::Open(n) = edge else {
                out.push(")".to_string());
                continue;
            };
            out.push(match &dom.node(n).data {
                NodeData::Element(e) => {
                    let mut attrs: Vec<String> = [
                        "class",
                        "id",
                        "hidden",
                        "aria-hidden",
                        "style",
                        "lang",
                        "property",
                        "name",
                        "itemprop",
                        "content",
                        "rel",
                        "href",
                        "type",
                        "datetime",
                        "pubdate",
                        "color",
                        "face",
                        "size",
                        "encoding",
                    ]
                    .iter()
                    .filter(|a| attribute_used(e.name().as_bytes(), a.as_bytes()))
                    .filter_map(|a| {
                        let v = e.attr(&html5ever::LocalName::from(*a));
                        let present = v.is_some() || e.has_attr_named(a);
                        present.then(|| format!("{a}={v:?}"))
                    })
                    .collect();
                    attrs.sort();
                    format!("<{} {}", e.name(), attrs.join(" "))
                }
                NodeData::Text(t) => format!("'{}'", t.replace(['\r', '\n'], " ")),
                NodeData::Document => "#doc".into(),
                NodeData::Other => "#other".into(),
            });
        }
        out
    }

    fn markup_piece() -> impl Strategy<Value = String> {
        let names = prop_oneof![
            Just("div"),
            Just("p"),
            Just("a"),
            Just("b"),
            Just("i"),
            Just("table"),
            Just("tr"),
            Just("td"),
            Just("pre"),
            Just("listing"),
            Just("li"),
            Just("ul"),
            Just("meta"),
            Just("link"),
            Just("time"),
            Just("html"),
            Just("body"),
            Just("input"),
            Just("font"),
            Just("math"),
            Just("svg"),
            Just("select"),
            Just("option"),
            Just("form"),
            Just("br"),
            Just("img"),
            Just("DIV"),
        ];
        let attr = prop_oneof![
            Just(" class=\"x y\"".to_string()),
            Just(" CLASS='c'".to_string()),
            Just(" id=i/".to_string()),
            Just(" data-x=1".to_string()),
            Just(" href=\"/u?a=1&amp;b=2\"".to_string()),
            Just(" hidden".to_string()),
            Just(" style=\"display:none\"".to_string()),
            Just(" =odd".to_string()),
            Just(" type=hidden".to_string()),
            Just(" color=red".to_string()),
            Just(" content=\"A\nB\"".to_string()),
            Just(" name=author".to_string()),
            Just(" title=\"<p data-x=1>\"".to_string()),
            Just(" a=>".to_string()),
            Just("/".to_string()),
            Just(" \n".to_string()),
            Just("\"q".to_string()),
        ];
        prop_oneof![
            4 => (names.clone(), proptest::collection::vec(attr, 0..4), any::<bool>())
                .prop_map(|(n, a, sc)| format!("<{n}{}{}>", a.concat(), if sc { "/" } else { "" })),
            3 => names.prop_map(|n| format!("</{n}>")),
            4 => "[a-z ,.]{0,12}(\n|\r\n|\r)?[ a-z]{0,6}",
            1 => prop_oneof![
                Just("<title>t <b data-x=1>\n</title>"), Just("<textarea>\n<i data-x=1></textarea>"),
                Just("<script type=x>a<b c=1></script>"), Just("<style>p{}</style>"),
                Just("<noscript><img src=x></noscript>"), Just("<!-- c <a data-x=1> -->"),
                Just("<!-->"), Just("<!--->"), Just("<!doctype html>"), Just("<?pi x>"),
                Just("</>"), Just("</ x>"), Just("<![CDATA[<a data-x=1>]]>"), Just("a < b"),
                Just("&amp;\n&#10;"), Just("<plaintext><a data-x=1>"), Just("<!-- open"),
                Just("<p data-x=\"unterminated"),
            ]
            .prop_map(str::to_string),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// The pass changes nothing the reader or the tree builder can see.
        #[test]
        fn simplified_markup_builds_the_same_tree(
            parts in proptest::collection::vec(markup_piece(), 0..40)
        ) {
            let html = parts.concat();
            prop_assert_eq!(reader_view(&simplify_markup(&html)), reader_view(&html));
        }
    }

    #[test]
    fn depth_scan_counts_nesting_not_siblings() {
        assert_eq!(nesting_depth("<div><div><p>a<p>b</div></div>"), 2);
        let deep = "<div>".repeat(5000);
        assert_eq!(nesting_depth(&deep), 5000);
        assert_eq!(nesting_depth("<script>if (a<b) {}</script><div></div>"), 1);
    }

    #[test]
    fn unused_attributes_go_and_used_ones_stay_verbatim() {
        assert_eq!(
            simplify_markup(
                r#"<a href="/x" class='k l' data-x=1>t</a><img src=a.png/><br data-y="2"/>"#
            ),
            r#"<a class='k l'>t</a><img><br />"#
        );
        assert_eq!(
            simplify_markup(r#"<META Name="author" CONTENT="A B" charset=utf-8>"#),
            r#"<META Name="author" CONTENT="A B">"#
        );
        // Unquoted values end at whitespace or `>`; `/` in them is part of the value.
        assert_eq!(
            simplify_markup("<div id=a/ b=c>x</div>"),
            "<div id=a/>x</div>"
        );
        assert_eq!(simplify_markup("<p class=x>t</p>"), "<p class=x>t</p>");
    }

    #[test]
    fn line_breaks_in_text_become_spaces_except_after_pre() {
        assert_eq!(
            simplify_markup("<p>a\nb\r\nc\rd</p>\n<pre>\nx\ny</pre><title>t\nu</title>"),
            "<p>a b c d</p> <pre>\nx y</pre><title>t\nu</title>"
        );
        // Inside tags, comments and after a construct the pass does not follow,
        // nothing changes.
        assert_eq!(
            simplify_markup("<p\nclass=a>b<!--\n-->c<![CDATA[\n]]>d\ne"),
            "<p\nclass=a>b<!--\n-->c<![CDATA[\n]]>d\ne"
        );
    }

    #[test]
    fn text_that_only_looks_like_tags_is_left_alone() {
        let raw = r#"<title>a <b data-x=1> c</title><textarea><i data-x=1></textarea><p data-z=1>"#;
        assert_eq!(
            simplify_markup(raw),
            r#"<title>a <b data-x=1> c</title><textarea><i data-x=1></textarea><p>"#
        );
        let comment = r#"<!-- <a data-x=1> --><!--><b data-y=2>"#;
        assert_eq!(simplify_markup(comment), r#"<!-- <a data-x=1> --><!--><b>"#);
        let cdata = r#"<math><![CDATA[<a data-x=1>]]></math><p data-x=1>"#;
        assert_eq!(simplify_markup(cdata), cdata);
        let plain = r#"<plaintext><a data-x=1></plaintext><p data-x=1>"#;
        assert_eq!(simplify_markup(plain), plain);
        let quoted = r#"<div title="<p data-x=1>" class=c>"#;
        assert_eq!(simplify_markup(quoted), r#"<div class=c>"#);
    }
}
