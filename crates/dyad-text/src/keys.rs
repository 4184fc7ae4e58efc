//! Per-token feature keys, computed once per token and shared by the tagger,
//! the sentence splitter and the parser.

use crate::hash::{hash_str, mix};

/// Hashes describing one token's form.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TokenKeys {
    /// Lower-cased form with digits folded to `0`.
    pub norm: u64,
    /// The exact form.
    pub exact: u64,
    /// Character classes: `Xxxx`, `dd.d`, …
    pub shape: u64,
    pub prefixes: [u64; 3],
    pub suffixes: [u64; 4],
    /// Capitalisation, digits, hyphen, punctuation-only, length class.
    pub flags: u64,
    /// True when the token consists of punctuation only.
    pub is_punct: bool,
    /// True when the first character is an upper-case letter.
    pub is_capitalized: bool,
    /// Distributional word classes, coarse and fine (`0` when the word was
    /// not clustered); filled in by the model, which holds the clusters.
    pub cluster: [u64; 2],
}

/// The normalised form the models see: lower case, digits folded to `0`.
pub(crate) fn normalize(form: &str) -> String {
    let mut out = String::with_capacity(form.len());
    for c in form.chars() {
        if c.is_ascii_digit() {
            out.push('0');
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if c == '’' {
            out.push('\'');
        } else if c == '“' || c == '”' {
            out.push('"');
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

pub(crate) fn shape(form: &str) -> String {
    let mut out = String::with_capacity(8);
    let mut last = '\0';
    let mut run = 0;
    for c in form.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if k == last {
            run += 1;
            if run >= 3 {
                continue;
            }
        } else {
            run = 1;
            last = k;
        }
        out.push(k);
        if out.len() > 12 {
            break;
        }
    }
    out
}

impl TokenKeys {
    pub(crate) fn new(form: &str) -> Self {
        let norm_form = normalize(form);
        let chars: Vec<(usize, char)> = norm_form.char_indices().collect();
        let n = chars.len();
        let mut prefixes = [0u64; 3];
        let mut suffixes = [0u64; 4];
        for (k, p) in prefixes.iter_mut().enumerate() {
            let len = k + 1;
            *p = if n > len {
                let end = chars.get(len).map_or(norm_form.len(), |&(i, _)| i);
                mix(hash_str(&norm_form[..end]), 101 + k as u64)
            } else {
                0
            };
        }
        for (k, s) in suffixes.iter_mut().enumerate() {
            let len = k + 1;
            *s = if n >= len {
                let start = chars.get(n - len).map_or(0, |&(i, _)| i);
                mix(hash_str(&norm_form[start..]), 201 + k as u64)
            } else {
                0
            };
        }
        let is_capitalized = form.chars().next().is_some_and(char::is_uppercase);
        let all_upper =
            form.chars().any(char::is_alphabetic) && !form.chars().any(char::is_lowercase);
        let has_digit = form.chars().any(|c| c.is_ascii_digit());
        let has_hyphen = form.contains('-');
        let is_punct = !form.is_empty() && form.chars().all(|c| !c.is_alphanumeric());
        let len_class = n.min(6) as u64;
        let flags = u64::from(is_capitalized)
            | u64::from(all_upper) << 1
            | u64::from(has_digit) << 2
            | u64::from(has_hyphen) << 3
            | u64::from(is_punct) << 4
            | len_class << 5;
        TokenKeys {
            norm: hash_str(&norm_form),
            exact: mix(hash_str(form), 7),
            shape: mix(hash_str(&shape(form)), 11),
            prefixes,
            suffixes,
            flags,
            is_punct,
            is_capitalized,
            cluster: [0; 2],
        }
    }
}
