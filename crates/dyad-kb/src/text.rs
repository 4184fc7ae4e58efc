//! Word tokens and match keys. A key is the lower-cased, accent-folded
//! alphanumeric runs of a phrase joined by single spaces, so "U.S.", "U. S."
//! and "u.s" share the key `u s`, and "Schröder" matches "Schroder".

/// Folds the Latin accents that news wires drop inconsistently.
pub fn fold_char(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'į' => 'i',
        'ł' | 'ľ' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => c,
    }
}

fn push_folded(out: &mut String, word: &str) {
    for c in word.chars() {
        for l in c.to_lowercase() {
            out.push(fold_char(l));
        }
    }
}

/// The match key of a phrase (see the module note). Underscores count as
/// spaces so CAMEO phrases (`FOREIGN_MINISTER`) key like plain text.
pub fn key(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len());
    for word in phrase
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        push_folded(&mut out, word);
    }
    out
}

/// The words of a phrase's key.
pub fn key_words(phrase: &str) -> Vec<String> {
    key(phrase)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// How a phrase in the knowledge base constrains the case of the text it matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseRule {
    /// Any case ("foreign minister").
    Any,
    /// Every word written here with a capital must be capitalised in the text
    /// ("the Kremlin", "Japan").
    Capitals(Vec<bool>),
    /// An acronym: the text must be all capitals too ("US", "U.S.", "UN", "FM"),
    /// so the pronoun "us" is not the United States.
    Acronym,
}

/// Derives the case rule from how a phrase is written in a data file.
pub fn case_rule(phrase: &str) -> CaseRule {
    let words: Vec<&str> = phrase
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let letters: Vec<char> = phrase.chars().filter(|c| c.is_alphabetic()).collect();
    let all_upper = !letters.is_empty() && letters.iter().all(|c| c.is_uppercase());
    let short_words = words.iter().all(|w| w.chars().count() <= 4);
    if all_upper && (letters.len() <= 5 || short_words) {
        return CaseRule::Acronym;
    }
    let caps: Vec<bool> = words
        .iter()
        .map(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    if caps.iter().any(|&c| c) {
        CaseRule::Capitals(caps)
    } else {
        CaseRule::Any
    }
}

/// A word of the input text with its byte span and key form.
#[derive(Debug, Clone)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub key: String,
    pub capitalised: bool,
    pub all_caps: bool,
    /// The text between the previous token and this one lets a phrase run on
    /// (spaces, a period of an abbreviation, a hyphen or an apostrophe).
    pub joins_previous: bool,
    /// A hyphen alone joins this word to the previous one ("Geun-hye",
    /// "Jae-in"): the second piece of a hyphenated name, which many
    /// romanisations write in lower case.
    pub after_hyphen: bool,
}

/// Splits text into alphanumeric word tokens. Never fails: any UTF-8 text is fine.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut start: Option<usize> = None;
    let mut prev_end = 0usize;
    let finish = |tokens: &mut Vec<Token>, s: usize, e: usize, prev_end: usize| {
        let word = &text[s..e];
        let mut k = String::with_capacity(word.len());
        push_folded(&mut k, word);
        let gap = &text[prev_end..s];
        let joins = gap.len() <= 3
            && gap
                .chars()
                .all(|c| matches!(c, ' ' | '.' | '-' | '\'' | '’' | '\u{a0}'))
            && !tokens.is_empty();
        let first = word.chars().next();
        let letters = word.chars().filter(|c| c.is_alphabetic());
        let mut any_letter = false;
        let mut all_caps = true;
        for c in letters {
            any_letter = true;
            if !c.is_uppercase() {
                all_caps = false;
            }
        }
        tokens.push(Token {
            start: s,
            end: e,
            key: k,
            // A capital inside a word that starts in lower case ("iSrael")
            // is a name typed with broken casing, not a lower-case word.
            capitalised: first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || (any_letter && !all_caps && word.chars().skip(1).any(char::is_uppercase)),
            all_caps: any_letter && all_caps,
            joins_previous: joins,
            after_hyphen: gap == "-" && !tokens.is_empty(),
        });
    };
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            finish(&mut tokens, s, i, prev_end);
            prev_end = i;
        }
    }
    if let Some(s) = start {
        finish(&mut tokens, s, text.len(), prev_end);
    }
    tokens
}

/// Title-cases an upper-case name from a source ("GEORGE W. BUSH" → "George W. Bush",
/// "MCDONALD" → "Mcdonald"); names already in mixed case are kept.
pub fn title_case(name: &str) -> String {
    if name.chars().any(|c| c.is_lowercase()) {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len());
    let mut at_word_start = true;
    // Letters since the word began: "D'ALEMA" and "O'BRIEN" capitalise after
    // the apostrophe, "MU'IZZADIN" does not.
    let mut letters = 0;
    for c in name.chars() {
        if c.is_alphabetic() {
            if at_word_start {
                out.push(c);
            } else {
                out.extend(c.to_lowercase());
            }
            at_word_start = false;
            letters += 1;
        } else {
            out.push(c);
            at_word_start = c != '\'' || letters == 1;
            if c != '\'' {
                letters = 0;
            }
        }
    }
    out
}

/// Whether two name keys are spellings of one name: transliterations differ
/// by a letter ("zelenskiy", "zelenskyy"; "shoigu", "shoygu"). Only words of
/// six letters or more, with the same first letter, one edit apart (a letter
/// changed, added or dropped): shorter names differ by a letter too often
/// ("kim", "kin").
pub fn near_spelling(a: &str, b: &str) -> bool {
    // (No allocation: this runs for every capitalised word a document leaves
    // unresolved.)
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.min(lb) < 6 || la.abs_diff(lb) > 1 || a.chars().next() != b.chars().next() {
        return false;
    }
    if a == b {
        return true;
    }
    // Walk both until the first difference, then the rest must agree with one
    // letter skipped on the longer side (or on both, for a letter changed).
    let (long, short) = if la >= lb { (a, b) } else { (b, a) };
    let mut l = long.char_indices();
    let mut s = short.char_indices();
    loop {
        match (l.next(), s.next()) {
            (Some((li, lc)), Some((si, sc))) if lc != sc => {
                let after_l = &long[li + lc.len_utf8()..];
                return if la == lb {
                    after_l == &short[si + sc.len_utf8()..]
                } else {
                    after_l == &short[si..]
                };
            }
            (Some(_), Some(_)) => continue,
            // One is the other with a letter added at the end.
            _ => return true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::near_spelling;

    #[test]
    fn spellings_one_letter_apart() {
        assert!(near_spelling("zelenskiy", "zelenskyy"));
        assert!(near_spelling("zelensky", "zelenskyy"));
        assert!(near_spelling("shoigu", "shoygu"));
        // Short names, other first letters, two edits: other names.
        assert!(!near_spelling("kim", "kin"));
        assert!(!near_spelling("shoigu", "hoigus"));
        assert!(!near_spelling("lavrov", "lavrova1"));
        assert!(!near_spelling("zelenskiy", "zelenskyyy"));
    }
}
