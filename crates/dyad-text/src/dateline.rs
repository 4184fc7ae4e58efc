//! Datelines: news reports open with the place (and often the day and the
//! agency) the report was filed from, set off by a dash: "SEOUL, 17 August –",
//! "BEIJING, June 18 (Agency) —", "Hiroshima –". Such a prefix is no part of
//! the first sentence's syntax: parsed with it, the place reads as a second
//! subject ("HIROSHIMA, Japan, … – Biden announced …") and the country as a
//! party to the act. It is split off as a sentence of its own.

use crate::tokenize::{Gap, RawToken};

/// The most tokens a dateline takes before its dash ("WASHINGTON, D.C., Jan. 7,
/// 2023 (Agency Name) –" is about a dozen).
const MAX_DATELINE_TOKENS: usize = 14;

fn is_dash(w: &str) -> bool {
    matches!(w, "–" | "—" | "--" | "-" | "―")
}

/// Whether a dateline may hold this word: names and abbreviations in capitals
/// ("D.C.", "Jan."), numbers (the day, the year), commas and an agency's
/// parentheses. A lower-case word means a sentence, not a dateline.
fn dateline_word(w: &str) -> bool {
    let Some(first) = w.chars().next() else {
        return false;
    };
    first.is_uppercase()
        || w.chars().all(|c| c.is_ascii_digit())
        || matches!(w, "," | "(" | ")" | "/")
}

/// Adds a sentence end after a leading dateline of each sentence in `ends`
/// (indices one past each sentence's last token, as [`crate::sentences`]
/// gives them). Only the first sentence of a paragraph can open with one.
pub(crate) fn split_off(text: &str, raw: &[RawToken], ends: Vec<usize>) -> Vec<usize> {
    // A dash glued to the word before it joins a compound ("Vice-President"),
    // it closes no dateline: such a dash is read as no dash at all.
    let word = |k: usize| {
        let w = raw.get(k).and_then(|t| t.span.slice(text)).unwrap_or("");
        let glued = k > 0 && raw.get(k).is_some_and(|t| t.gap == Gap::None);
        if glued && is_dash(w) {
            ""
        } else {
            w
        }
    };
    let mut out = Vec::with_capacity(ends.len() + 1);
    let mut start = 0;
    for end in ends {
        let opens_paragraph = start == 0
            || raw
                .get(start)
                .is_some_and(|t| matches!(t.gap, Gap::Paragraph | Gap::Newline));
        if opens_paragraph {
            if let Some(d) = dateline_dash(&word, start, end) {
                out.push(d + 1);
            }
        }
        out.push(end);
        start = end;
    }
    out
}

/// The index of the dash closing a dateline that opens the sentence
/// `start..end`, if it opens with one: a place name of four letters or more,
/// written all in capitals or alone before the dash ("Hiroshima –"), only
/// dateline words up to a free-standing dash, and a capitalised sentence of at
/// least a few words after it. (Short capitals are more often an acronym
/// opening a sentence: "US – Japan ties".)
fn dateline_dash<'t>(word: &dyn Fn(usize) -> &'t str, start: usize, end: usize) -> Option<usize> {
    let first = word(start);
    if !first.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let letters = first.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 4 {
        return None;
    }
    let capitals = first
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    let limit = end.min(start + MAX_DATELINE_TOKENS + 1);
    // Wires also close a dateline with a colon ("LYON: Interpol said …",
    // "GAZA CITY, Palestinian Territories: Four children …"); only after a
    // place in capitals, since "Note: …" opens ordinary text.
    let d = (start + 1..limit).find(|&k| is_dash(word(k)) || (capitals && word(k) == ":"))?;
    if !capitals && d != start + 1 {
        return None;
    }
    if !(start + 1..d).all(|k| dateline_word(word(k))) {
        return None;
    }
    // At least a short sentence must follow, opening as sentences do.
    let next = word(d + 1);
    let opens = next
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c == '"' || c == '“');
    (end >= d + 4 && opens).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn sentences_of(text: &str, ends: Vec<usize>) -> Vec<String> {
        let raw = tokenize(text);
        let ends = split_off(text, &raw, ends);
        let mut out = Vec::new();
        let mut start = 0;
        for end in ends {
            let (Some(a), Some(b)) = (raw.get(start), raw.get(end - 1)) else {
                break;
            };
            out.push(text[a.span.start..b.span.end].to_string());
            start = end;
        }
        out
    }

    #[test]
    fn datelines_become_sentences_of_their_own() {
        for (text, dateline) in [
            (
                "SEOUL, 17 August – President Yoon left for the United States on Thursday.",
                "SEOUL, 17 August –",
            ),
            (
                "LIMA (Andes Wire) — Ministers met on Friday to discuss trade.",
                "LIMA (Andes Wire) —",
            ),
            (
                "Nairobi – The two leaders signed the accord on Monday.",
                "Nairobi –",
            ),
            (
                "QUITO, Pichincha Province: Ministers met on Friday to discuss trade.",
                "QUITO, Pichincha Province:",
            ),
        ] {
            let n = tokenize(text).len();
            let got = sentences_of(text, vec![n]);
            assert_eq!(got.first().map(String::as_str), Some(dateline), "{got:?}");
            assert_eq!(got.len(), 2, "{got:?}");
        }
    }

    #[test]
    fn ordinary_sentences_with_dashes_stay_whole() {
        for text in [
            "The talks – the first in a year – ended on Monday.",
            "Officials said the plan – if approved – would start soon.",
            "Japan and China – long rivals – met again.",
            "US – Japan talks ended.",
            "Tokyo – which hosted the talks – said little.",
            "Note: the talks ended on Monday.",
            "The two said: we will meet again soon.",
            "Vice-President Moody Awori has declined to resign despite growing pressure.",
            "Prime-Minister-designate Rutte met the King on Monday.",
        ] {
            let n = tokenize(text).len();
            assert_eq!(sentences_of(text, vec![n]).len(), 1, "{text}");
        }
    }
}
