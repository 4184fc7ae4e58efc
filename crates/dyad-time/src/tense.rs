//! Tense from cue words, for when the caller cannot tell: the nearest cue before
//! the expression in its sentence, else the nearest one shortly after it.

use crate::lexicon::{Lex, Lexicon};
use crate::tokens::{Token, TokenKind};
use crate::TenseHint;

/// How far to look back and ahead, in tokens.
const LOOK_BACK: usize = 20;
const LOOK_AHEAD: usize = 8;

fn is_sentence_end(tokens: &[Token], k: usize) -> bool {
    let Some(t) = tokens.get(k) else { return true };
    match t.lower.as_str() {
        "!" | "?" | "\n" => true,
        "." => {
            // "Mr." / "Jan." / "St." are no sentence ends; a full stop before a
            // capital or at the end of the text is.
            let short_before = k
                .checked_sub(1)
                .and_then(|p| tokens.get(p))
                .is_some_and(|p| {
                    p.kind == TokenKind::Word && p.lower.len() <= 3 && p.span.end == t.span.start
                });
            let next_capital = tokens
                .get(k + 1)
                .is_none_or(|n| n.capitalised || n.kind == TokenKind::Punct);
            !short_before && next_capital
        }
        _ => false,
    }
}

/// The tense cue starting at token `k` that ends at or before `limit`, if any.
/// `Some(Unknown)` marks a word known to be no cue.
fn cue_at(lexicon: &Lexicon, tokens: &[Token], k: usize, limit: usize) -> Option<TenseHint> {
    cue_span_at(lexicon, tokens, k, limit).map(|(t, _)| t)
}

/// [`cue_at`] with the token where the cue ends (exclusive).
fn cue_span_at(
    lexicon: &Lexicon,
    tokens: &[Token],
    k: usize,
    limit: usize,
) -> Option<(TenseHint, usize)> {
    let token = tokens.get(k)?;
    let mut best: Option<(TenseHint, usize)> = None;
    for entry in lexicon.entries(&token.lower) {
        if let Lex::Tense(t) = entry.lex {
            let end = k + 1 + entry.rest.len();
            if end <= limit
                && best.is_none_or(|(_, e)| end > e)
                && entry
                    .rest
                    .iter()
                    .enumerate()
                    .all(|(n, w)| tokens.get(k + 1 + n).is_some_and(|x| &x.lower == w))
            {
                best = Some((t, end));
            }
        }
    }
    if best.is_some() {
        return best;
    }
    let w = token.lower.as_str();
    if token.kind == TokenKind::Word && w.len() >= 5 && w.ends_with("ed") && w.is_ascii() {
        return Some((TenseHint::Past, k + 1));
    }
    None
}

/// The cue at `k`, unless a longer cue starting a few words before covers it
/// ("was to have begun": the plan, not the perfect "have").
fn widest_cue_at(lexicon: &Lexicon, tokens: &[Token], k: usize, limit: usize) -> Option<TenseHint> {
    let found = cue_at(lexicon, tokens, k, limit)?;
    for j in k.saturating_sub(3)..k {
        if let Some((t, end)) = cue_span_at(lexicon, tokens, j, limit) {
            if end > k && t != TenseHint::Unknown {
                return Some(t);
            }
        }
    }
    Some(found)
}

/// The tense the words around tokens `[start, end)` suggest.
pub(crate) fn cue_tense(
    lexicon: &Lexicon,
    tokens: &[Token],
    start: usize,
    end: usize,
) -> TenseHint {
    let mut k = start;
    let lowest = start.saturating_sub(LOOK_BACK);
    while k > lowest {
        k -= 1;
        if is_sentence_end(tokens, k) {
            break;
        }
        match widest_cue_at(lexicon, tokens, k, start) {
            Some(TenseHint::Unknown) | None => {}
            // "will be held", "to be signed": a participle, the auxiliary decides.
            Some(TenseHint::Past)
                if k.checked_sub(1)
                    .and_then(|p| tokens.get(p))
                    .is_some_and(|p| p.lower == "be") => {}
            Some(t) => return t,
        }
    }
    let highest = (end + LOOK_AHEAD).min(tokens.len());
    for k in end..highest {
        // Ahead, only the expression's own clause counts.
        let clause_end = tokens
            .get(k)
            .is_some_and(|t| matches!(t.lower.as_str(), "," | ";" | ":" | "\"" | "“" | "”"));
        if is_sentence_end(tokens, k) || clause_end {
            break;
        }
        match cue_at(lexicon, tokens, k, tokens.len()) {
            Some(TenseHint::Unknown) | None => {}
            Some(t) => return t,
        }
    }
    TenseHint::Unknown
}
