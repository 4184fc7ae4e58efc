//! Lemmas by rule, with an exception table learned from the training data
//! (stored in the model) for every form the rules get wrong.

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Restores a stem after removing `-ed`/`-ing`: undoubles a final consonant
/// ("stopped" → "stop") and restores a silent `e` after typical endings
/// ("hoped" → "hope").
fn verb_stem(stem: &str) -> String {
    let chars: Vec<char> = stem.chars().collect();
    let n = chars.len();
    if n >= 3 {
        let (a, b) = (chars[n - 2], chars[n - 1]);
        if a == b && !is_vowel(b) && !matches!(b, 'l' | 's' | 'z' | 'f') {
            return chars[..n - 1].iter().collect();
        }
    }
    const E_ENDINGS: [&str; 16] = [
        "at", "iz", "is", "bl", "dg", "iv", "ur", "ut", "ak", "ok", "ag", "ng", "rc", "ic", "uc",
        "yz",
    ];
    if n >= 3 && E_ENDINGS.iter().any(|e| stem.ends_with(e)) && !stem.ends_with("ing") {
        let mut s = stem.to_string();
        if !(stem.ends_with("ng") && n > 4) {
            s.push('e');
            return s;
        }
    }
    if n >= 2 {
        let (a, b) = (chars[n - 2], chars[n - 1]);
        // consonant + v/c/z usually takes an e ("solved", "forced").
        if matches!(b, 'v' | 'c' | 'z') && !is_vowel(a) || (b == 'v') {
            let mut s = stem.to_string();
            s.push('e');
            return s;
        }
    }
    stem.to_string()
}

fn strip_plural(lower: &str) -> String {
    if let Some(s) = lower.strip_suffix("ies") {
        if s.len() > 1 {
            return format!("{s}y");
        }
    }
    for e in ["sses", "shes", "ches", "xes", "zes", "oes"] {
        if let Some(s) = lower.strip_suffix(e) {
            return format!("{s}{}", &e[..e.len() - 2]);
        }
    }
    if lower.ends_with("ss") || lower.ends_with("us") || lower.ends_with("is") {
        return lower.to_string();
    }
    lower
        .strip_suffix('s')
        .filter(|s| !s.is_empty())
        .unwrap_or(lower)
        .to_string()
}

/// The rule-based lemma of `form` with the given tags.
pub(crate) fn rule_lemma(form: &str, upos: &str, xpos: &str) -> String {
    if upos == "PROPN" {
        if xpos == "NNPS" {
            return form
                .strip_suffix('s')
                .filter(|s| !s.is_empty())
                .unwrap_or(form)
                .to_string();
        }
        return form.to_string();
    }
    let lower = form.to_lowercase();
    match xpos {
        "NNS" => strip_plural(&lower),
        "VBZ" => strip_plural(&lower),
        "VBD" | "VBN" => {
            if let Some(s) = lower.strip_suffix("ied") {
                if s.len() > 1 {
                    return format!("{s}y");
                }
            }
            match lower.strip_suffix("ed") {
                Some(s) if s.len() >= 2 => verb_stem(s),
                _ => lower,
            }
        }
        "VBG" => match lower.strip_suffix("ing") {
            Some(s) if s.len() >= 2 => {
                if let Some(t) = s.strip_suffix('y') {
                    if t.is_empty() {
                        return format!("{s}ie");
                    }
                }
                verb_stem(s)
            }
            _ => lower,
        },
        "JJR" | "RBR" => match lower.strip_suffix("er") {
            Some(s) if s.len() >= 2 => {
                if let Some(t) = s.strip_suffix('i') {
                    format!("{t}y")
                } else {
                    verb_stem(s)
                }
            }
            _ => lower,
        },
        "JJS" | "RBS" => match lower.strip_suffix("est") {
            Some(s) if s.len() >= 2 => {
                if let Some(t) = s.strip_suffix('i') {
                    format!("{t}y")
                } else {
                    verb_stem(s)
                }
            }
            _ => lower,
        },
        _ => lower,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        assert_eq!(rule_lemma("talks", "NOUN", "NNS"), "talk");
        assert_eq!(rule_lemma("ministries", "NOUN", "NNS"), "ministry");
        assert_eq!(rule_lemma("stopped", "VERB", "VBD"), "stop");
        assert_eq!(rule_lemma("hosted", "VERB", "VBD"), "host");
        assert_eq!(rule_lemma("Tokyo", "PROPN", "NNP"), "Tokyo");
    }
}
