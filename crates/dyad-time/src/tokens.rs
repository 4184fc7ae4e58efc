//! A small tokenizer that keeps byte spans: words, digit runs, clitics ("'s"),
//! dotted abbreviations ("a.m.", "U.S.") and single punctuation marks.

use dyad_core::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    Word,
    Digits,
    Punct,
}

#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub span: Span,
    /// Lower-cased form, with typographic apostrophes folded to `'`.
    pub lower: String,
    pub kind: TokenKind,
    /// The first character is upper-case in the text.
    pub capitalised: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic()
}

/// Splits `text` into tokens. Never fails; every span lies on char boundaries.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let bytes = text.as_bytes();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_ascii_digit() {
            let mut end = start + 1;
            while let Some(&(i, d)) = chars.peek() {
                if d.is_ascii_digit() {
                    end = i + 1;
                    chars.next();
                } else {
                    break;
                }
            }
            tokens.push(Token {
                span: Span::new(start, end),
                lower: text[start..end].to_string(),
                kind: TokenKind::Digits,
                capitalised: false,
            });
            continue;
        }
        if is_word_char(c) {
            let mut end = start + c.len_utf8();
            while let Some(&(i, d)) = chars.peek() {
                if is_word_char(d) {
                    end = i + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            // Dotted abbreviation: single letters each followed by a full stop
            // ("a.m.", "p.m", "U.S.").
            if end - start == 1 && bytes.get(end) == Some(&b'.') {
                let mut j = end;
                let mut letters = 1;
                while bytes.get(j) == Some(&b'.')
                    && bytes.get(j + 1).is_some_and(|b| b.is_ascii_alphabetic())
                    && !bytes.get(j + 2).is_some_and(|b| b.is_ascii_alphabetic())
                {
                    j += 2;
                    letters += 1;
                }
                if letters > 1 {
                    if bytes.get(j) == Some(&b'.') {
                        j += 1;
                    }
                    while chars.peek().is_some_and(|&(i, _)| i < j) {
                        chars.next();
                    }
                    end = j;
                }
            }
            let word = &text[start..end];
            tokens.push(Token {
                span: Span::new(start, end),
                lower: word.to_lowercase(),
                kind: TokenKind::Word,
                capitalised: c.is_uppercase(),
            });
            continue;
        }
        if c == '\'' || c == '’' {
            // Clitic "'s" / "’s" stays one token.
            let after = start + c.len_utf8();
            if let Some(&(i, s)) = chars.peek() {
                if i == after
                    && (s == 's' || s == 'S')
                    && !text[i + 1..].chars().next().is_some_and(is_word_char)
                {
                    chars.next();
                    tokens.push(Token {
                        span: Span::new(start, i + 1),
                        lower: "'s".to_string(),
                        kind: TokenKind::Word,
                        capitalised: false,
                    });
                    continue;
                }
            }
        }
        let end = start + c.len_utf8();
        let lower = match c {
            '’' | '‘' => "'".to_string(),
            '–' | '—' => "-".to_string(),
            _ => c.to_string(),
        };
        tokens.push(Token {
            span: Span::new(start, end),
            lower,
            kind: TokenKind::Punct,
            capitalised: false,
        });
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lowers(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.lower).collect()
    }

    #[test]
    fn splits_news_text() {
        assert_eq!(
            lowers("at 10 p.m. Jan. 7"),
            ["at", "10", "p.m.", "jan", ".", "7"]
        );
        assert_eq!(lowers("third-quarter"), ["third", "-", "quarter"]);
        assert_eq!(lowers("New Year’s Day"), ["new", "year", "'s", "day"]);
        assert_eq!(lowers("1990s"), ["1990", "s"]);
        assert_eq!(lowers("U.S. troops"), ["u.s.", "troops"]);
    }
}
