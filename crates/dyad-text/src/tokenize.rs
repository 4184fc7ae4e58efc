//! Rule-based tokenisation of news English into UD English EWT-style tokens,
//! each with its byte span in the input.
//!
//! Whitespace separates chunks; each chunk is then peeled of leading and
//! trailing punctuation, its clitics split (`don't` → `do` `n't`), and split
//! inside at hyphens, dashes and slashes between words. Abbreviations that keep
//! their period, hyphen prefixes that stay joined, URLs and e-mail addresses
//! are recognised so they stay whole.

use dyad_core::Span;
use std::collections::HashSet;
use std::sync::OnceLock;

/// What separated a token from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Gap {
    /// Nothing: the token is glued to the previous one (or starts the text).
    None,
    /// Spaces or tabs.
    Space,
    /// One line break.
    Newline,
    /// A blank line (two or more line breaks): a paragraph break.
    Paragraph,
}

/// A token found by the tokenizer, before analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawToken {
    /// Byte span into the text.
    pub span: Span,
    /// What separated it from the previous token.
    pub gap: Gap,
}

struct Lexicon {
    abbreviations: HashSet<String>,
    hyphen_prefixes: HashSet<String>,
    /// Lower-cased fused word → byte offset of the split ("dont" → 2).
    fused: std::collections::HashMap<String, usize>,
    emoticons: HashSet<String>,
}

fn words(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon {
        abbreviations: words(include_str!("../data/abbreviations.txt"))
            .map(str::to_lowercase)
            .collect(),
        hyphen_prefixes: words(include_str!("../data/hyphen_prefixes.txt"))
            .map(str::to_lowercase)
            .collect(),
        fused: words(include_str!("../data/fused_words.txt"))
            .filter_map(|w| {
                let (a, b) = w.split_once('|')?;
                Some((format!("{a}{b}").to_lowercase(), a.len()))
            })
            .collect(),
        emoticons: words(include_str!("../data/emoticons.txt"))
            .map(str::to_string)
            .collect(),
    })
}

/// Splits `text` into tokens. Never fails; every span lies on character
/// boundaries, in order, without overlap.
pub fn tokenize(text: &str) -> Vec<RawToken> {
    let lex = lexicon();
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut spans: Vec<Span> = Vec::with_capacity(8);
    let mut newlines = 0usize;
    let mut saw_space = false;
    let mut chunk_start: Option<usize> = None;
    let mut flush =
        |start: usize, end: usize, newlines: usize, saw_space: bool, out: &mut Vec<RawToken>| {
            spans.clear();
            split_chunk(text, start, end, lex, &mut spans);
            let first_gap = match (newlines, saw_space) {
                (0, false) => Gap::None,
                (0, true) => Gap::Space,
                (1, _) => Gap::Newline,
                _ => Gap::Paragraph,
            };
            for (i, &span) in spans.iter().enumerate() {
                if span.is_empty() {
                    continue;
                }
                out.push(RawToken {
                    span,
                    gap: if i == 0 { first_gap } else { Gap::None },
                });
            }
        };
    for (i, c) in text.char_indices() {
        if c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}' {
            if let Some(s) = chunk_start.take() {
                flush(s, i, newlines, saw_space, &mut out);
                newlines = 0;
                saw_space = false;
            }
            if c == '\n' {
                newlines += 1;
            } else if c != '\r' {
                saw_space = true;
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        flush(s, text.len(), newlines, saw_space, &mut out);
    }
    out
}

fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '`' | '“' | '‘' | '«' | '„' | '(' | '[' | '{' | '<' | '¿' | '¡' | '*'
    )
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '’'
            | '»'
            | ')'
            | ']'
            | '}'
            | '>'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '…'
            | '*'
    )
}

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '‒' | '―')
}

fn is_currency(c: char) -> bool {
    matches!(c, '$' | '£' | '€' | '¥' | '₩' | '₹')
}

fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}

fn last_char(s: &str) -> Option<char> {
    s.chars().next_back()
}

/// A URL, e-mail address or bare domain name: kept as one token.
fn is_web_address(core: &str) -> bool {
    // Almost every chunk has none of these; answer without allocating.
    if !core.contains(['.', '@', ':']) {
        return false;
    }
    let lower = core.to_ascii_lowercase();
    if lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("ftp://")
        || lower.starts_with("www.")
    {
        return true;
    }
    if let Some(at) = core.find('@') {
        let (user, host) = core.split_at(at);
        return !user.is_empty() && host.len() > 3 && host.contains('.');
    }
    const DOMAINS: [&str; 10] = [
        ".com", ".org", ".net", ".gov", ".edu", ".int", ".co.uk", ".co.jp", ".io", ".info",
    ];
    const DOMAIN_PATHS: [&str; 10] = [
        ".com/", ".org/", ".net/", ".gov/", ".edu/", ".int/", ".co.uk/", ".co.jp/", ".io/",
        ".info/",
    ];
    core.chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '/' | '_'))
        && (DOMAINS.iter().any(|d| lower.ends_with(d))
            || DOMAIN_PATHS.iter().any(|d| lower.contains(d)))
        && lower
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric())
}

/// Does `word` (ending with a period) keep its period?
fn keeps_period(word: &str, lex: &Lexicon) -> bool {
    let lower = word.to_lowercase();
    if lex.abbreviations.contains(&lower) {
        return true;
    }
    let body = &word[..word.len() - 1];
    let mut chars = body.chars();
    // A single capital letter: an initial ("M.").
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_alphabetic() && c.is_uppercase();
    }
    // Letters separated by periods: "U.S.", "e.g.", "a.m.".
    let parts: Vec<&str> = body.split('.').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

/// Splits the chunk `text[start..end]` (no whitespace inside) into spans.
fn split_chunk(text: &str, mut start: usize, mut end: usize, lex: &Lexicon, out: &mut Vec<Span>) {
    let mut tail: Vec<Span> = Vec::new();
    if lex.emoticons.contains(&text[start..end]) {
        out.push(Span::new(start, end));
        return;
    }
    // Leading punctuation.
    while start < end {
        let rest = &text[start..end];
        let Some(c) = first_char(rest) else { break };
        let next = rest[c.len_utf8()..].chars().next();
        if rest.starts_with("--") {
            let n = rest.bytes().take_while(|&b| b == b'-').count();
            out.push(Span::new(start, start + n));
            start += n;
        } else if rest.starts_with("..") || rest.starts_with("**") {
            let b0 = rest.as_bytes()[0];
            let n = rest.bytes().take_while(|&b| b == b0).count();
            if n == rest.len() {
                break;
            }
            out.push(Span::new(start, start + n));
            start += n;
        } else if is_dash(c) || c == '…' || (is_opening(c) && rest.len() > c.len_utf8()) {
            // A lone apostrophe before a word may be a clitic-like form
            // ("'90s", "'em"); keep those whole.
            if (c == '\'' || c == '’') && next.is_some_and(|n| n.is_ascii_digit()) {
                break;
            }
            if (c == '\'' || c == '’') && is_clitic_word(&rest[c.len_utf8()..]) {
                break;
            }
            out.push(Span::new(start, start + c.len_utf8()));
            start += c.len_utf8();
        } else if is_currency(c) && next.is_some_and(|n| n.is_ascii_digit()) {
            out.push(Span::new(start, start + c.len_utf8()));
            start += c.len_utf8();
        } else {
            break;
        }
    }
    // Trailing punctuation.
    while start < end {
        let rest = &text[start..end];
        let Some(c) = last_char(rest) else { break };
        let len = c.len_utf8();
        if rest.len() == len {
            break;
        }
        if is_web_address(rest)
            && c != ','
            && c != '.'
            && !matches!(c, ')' | '"' | '”' | '>' | ';' | '!' | '?')
        {
            break;
        }
        // A run of sentence marks ("!!!", "?!", ".?") or asterisks is one token.
        let marks = rest
            .bytes()
            .rev()
            .take_while(|&b| matches!(b, b'!' | b'?' | b'.'))
            .count();
        if matches!(c, '!' | '?' | '.') && marks >= 2 && rest.bytes().rev().any(|b| b != b'.') {
            let run = &rest[rest.len() - marks..];
            if run.contains(['!', '?']) {
                if marks == rest.len() {
                    break;
                }
                tail.push(Span::new(end - marks, end));
                end -= marks;
                continue;
            }
        }
        if c == '*' {
            let n = rest.bytes().rev().take_while(|&b| b == b'*').count();
            if n == rest.len() {
                break;
            }
            tail.push(Span::new(end - n, end));
            end -= n;
            continue;
        }
        if c == '.' {
            let n = rest.bytes().rev().take_while(|&b| b == b'.').count();
            if n >= 2 {
                tail.push(Span::new(end - n, end));
                end -= n;
                continue;
            }
            if is_web_address(&rest[..rest.len() - 1]) {
                tail.push(Span::new(end - 1, end));
                end -= 1;
                continue;
            }
            if keeps_period(rest, lex) {
                break;
            }
            tail.push(Span::new(end - 1, end));
            end -= 1;
        } else if c == '%'
            && rest[..rest.len() - 1]
                .chars()
                .next_back()
                .is_some_and(|p| p.is_ascii_digit())
        {
            tail.push(Span::new(end - 1, end));
            end -= 1;
        } else if rest.ends_with("--") {
            let n = rest.bytes().rev().take_while(|&b| b == b'-').count();
            tail.push(Span::new(end - n, end));
            end -= n;
        } else if is_closing(c) || is_dash(c) {
            // "'s"-style clitics end in a letter, so a final quote is punctuation,
            // except the apostrophe of a plural possessive, which UD also splits.
            tail.push(Span::new(end - len, end));
            end -= len;
        } else {
            break;
        }
    }
    if start < end {
        split_core(text, start, end, lex, out);
    }
    out.extend(tail.into_iter().rev());
}

fn is_clitic_word(s: &str) -> bool {
    matches!(
        s.to_ascii_lowercase().as_str(),
        "s" | "em" | "re" | "ve" | "ll" | "d" | "m" | "til" | "cause" | "n"
    )
}

/// Splits a chunk core: clitics, then hyphens, dashes, slashes and glued
/// punctuation between words.
fn split_core(text: &str, start: usize, end: usize, lex: &Lexicon, out: &mut Vec<Span>) {
    let core = &text[start..end];
    if is_web_address(core) {
        out.push(Span::new(start, end));
        return;
    }
    // Clitics and fused forms.
    let lower = core.to_lowercase();
    let fused: Option<usize> = lex.fused.get(lower.as_str()).copied();
    if let Some(k) = fused {
        out.push(Span::new(start, start + k));
        out.push(Span::new(start + k, end));
        return;
    }
    let norm = lower.replace('’', "'");
    let clitic_len = if norm.len() > 3 && norm.ends_with("n't") {
        Some(3)
    } else {
        ["'s", "'re", "'ve", "'ll", "'d", "'m"]
            .iter()
            .find(|c| norm.len() > c.len() && norm.ends_with(*c))
            .map(|c| c.len())
    };
    if let Some(n_chars) = clitic_len {
        // Byte length of the clitic in the original (the apostrophe may be 3 bytes).
        let clitic_bytes: usize = core.chars().rev().take(n_chars).map(char::len_utf8).sum();
        let split = end - clitic_bytes;
        let after_digit = text[start..split]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit());
        if split > start && !after_digit {
            split_inner(text, start, split, lex, out);
            out.push(Span::new(split, end));
            return;
        }
    }
    split_inner(text, start, end, lex, out);
}

/// Splits at hyphens between words (keeping numbers like phone numbers and
/// known prefixes whole), at dashes, at slashes between words, and at commas,
/// quotes, ellipses and sentence marks glued between words.
fn split_inner(text: &str, start: usize, end: usize, lex: &Lexicon, out: &mut Vec<Span>) {
    let core = &text[start..end];
    // Dates like "01-Feb-02" stay whole.
    let parts: Vec<&str> = core.split('-').collect();
    if let [a, b, c] = parts.as_slice() {
        let digits =
            |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
        if digits(a) && digits(c) && b.len() == 3 && b.chars().all(|c| c.is_ascii_alphabetic()) {
            out.push(Span::new(start, end));
            return;
        }
    }
    let has_letter = core.chars().any(char::is_alphabetic);
    let mut piece_start = start;
    let mut iter = core.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((off, c)) = iter.next() {
        let at = start + off;
        let next = iter.peek().map(|&(_, n)| n);
        let between_words =
            prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
        let split_here: Option<usize> = if c == '-' && core[off..].starts_with("--") {
            let n = core[off..].bytes().take_while(|&b| b == b'-').count();
            Some(n)
        } else if c == '-'
            && (between_words || (prev == Some('.') && next.is_some_and(char::is_alphanumeric)))
            && has_letter
        {
            let left = &text[piece_start..at];
            if lex.hyphen_prefixes.contains(&left.to_lowercase()) {
                None
            } else {
                Some(1)
            }
        } else if is_dash(c) || c == '…' {
            Some(c.len_utf8())
        } else if c == '.' && core[off..].starts_with("..") && prev.is_some() {
            Some(core[off..].bytes().take_while(|&b| b == b'.').count())
        } else if c == '/' && between_words {
            let left = &text[piece_start..at];
            let right: String = core[off + 1..]
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            let alpha_left = left.chars().count() >= 2 && left.chars().all(char::is_alphabetic);
            (alpha_left && right.chars().count() >= 2).then_some(1)
        } else if matches!(c, ',' | ';' | '!' | '?' | '"' | '“' | '”' | '(' | ')') && prev.is_some()
        {
            let digits = prev.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit());
            (!(c == ',' && digits)).then_some(c.len_utf8())
        } else {
            None
        };
        if let Some(n) = split_here {
            if at > piece_start {
                out.push(Span::new(piece_start, at));
            }
            out.push(Span::new(at, at + n));
            piece_start = at + n;
            // Skip the rest of a multi-byte run we just consumed.
            while let Some(&(o, _)) = iter.peek() {
                if start + o < piece_start {
                    iter.next();
                } else {
                    break;
                }
            }
            prev = text[..piece_start].chars().next_back();
            continue;
        }
        prev = Some(c);
    }
    if piece_start < end {
        out.push(Span::new(piece_start, end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| &text[t.span.start..t.span.end])
            .collect()
    }

    #[test]
    fn basics() {
        assert_eq!(toks("Hello, world."), ["Hello", ",", "world", "."]);
        assert_eq!(toks("I don't know."), ["I", "do", "n't", "know", "."]);
        assert_eq!(
            toks("Japan's U.S.-Japan talks"),
            ["Japan", "'s", "U.S.", "-", "Japan", "talks"]
        );
    }
}
