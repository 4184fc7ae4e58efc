//! Features that depend on syntax, set after parsing: agreement of finite
//! verbs with their subject, imperative vs infinitive, gerund vs participle,
//! passive participles, and the case of "it" and "you". The tables learned
//! from training give each word its usual features; these rules fix the ones
//! the word alone cannot decide.

use crate::Token;

fn set(feats: &str, name: &str, value: Option<&str>) -> String {
    let mut parts: Vec<String> = feats
        .split('|')
        .filter(|f| {
            !f.is_empty() && *f != "_" && !matches!(f.split_once('='), Some((n, _)) if n == name)
        })
        .map(str::to_string)
        .collect();
    if let Some(v) = value {
        parts.push(format!("{name}={v}"));
    }
    // UD orders features alphabetically by name, case-insensitively.
    parts.sort_by_key(|p| p.to_lowercase());
    if parts.is_empty() {
        "_".to_string()
    } else {
        parts.join("|")
    }
}

/// Each token's dependents, built once per sentence so the rules stay
/// linear: dependents grouped by head (a counting sort), two allocations.
struct Children {
    /// Dependents of token `h` are `order[starts[h]..starts[h + 1]]`.
    starts: Vec<usize>,
    order: Vec<usize>,
}

impl Children {
    fn new(tokens: &[Token]) -> Self {
        let n = tokens.len();
        let mut starts = vec![0usize; n + 2];
        for t in tokens {
            if let Some(c) = t.head.and_then(|h| starts.get_mut(h + 2)) {
                *c += 1;
            }
        }
        for i in 2..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut order = vec![0usize; starts.last().copied().unwrap_or(0)];
        for (i, t) in tokens.iter().enumerate() {
            if let Some(h) = t.head.filter(|&h| h < n) {
                if let Some(slot) = starts.get_mut(h + 1) {
                    if let Some(o) = order.get_mut(*slot) {
                        *o = i;
                    }
                    *slot += 1;
                }
            }
        }
        starts.pop();
        Children { starts, order }
    }
    fn ids(&self, head: usize) -> &[usize] {
        match (self.starts.get(head), self.starts.get(head + 1)) {
            (Some(&a), Some(&b)) => self.order.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }
    fn of<'t>(&'t self, tokens: &'t [Token], head: usize) -> impl Iterator<Item = &'t Token> + 't {
        self.ids(head).iter().filter_map(move |&i| tokens.get(i))
    }
    fn subject(&self, tokens: &[Token], verb: usize) -> Option<usize> {
        self.ids(verb).iter().copied().find(|&i| {
            tokens
                .get(i)
                .is_some_and(|t| t.deprel.starts_with("nsubj") || t.deprel == "expl")
        })
    }
}

/// Person and number of a subject token.
fn agreement(
    tokens: &[Token],
    kids: &Children,
    subject: usize,
) -> Option<(&'static str, &'static str)> {
    let t = tokens.get(subject)?;
    if kids.of(tokens, subject).any(|c| c.deprel == "conj") {
        return Some(("3", "Plur"));
    }
    let lower = t.text.to_lowercase();
    Some(match lower.as_str() {
        "i" => ("1", "Sing"),
        "we" => ("1", "Plur"),
        "you" | "u" => ("2", "Sing"),
        "they" => ("3", "Plur"),
        _ if t.xpos == "NNS" || t.xpos == "NNPS" => ("3", "Plur"),
        _ => ("3", "Sing"),
    })
}

/// Rewrites the syntax-dependent features of one parsed sentence.
pub(crate) fn refine(tokens: &mut [Token]) {
    // Heads do not change below, only features, so the children stay valid.
    let kids = Children::new(tokens);
    for i in 0..tokens.len() {
        let Some(t) = tokens.get(i) else { break };
        // Only verbs and two pronouns have features that depend on syntax.
        if !matches!(
            t.xpos.as_str(),
            "VBD" | "VBP" | "VBZ" | "VB" | "VBG" | "VBN" | "PRP"
        ) {
            continue;
        }
        let (xpos, deprel, head) = (t.xpos.clone(), t.deprel.clone(), t.head);
        let text = if xpos == "PRP" {
            t.text.to_lowercase()
        } else {
            String::new()
        };
        let new = match xpos.as_str() {
            "VBD" | "VBP" | "VBZ" if tokens[i].feats.contains("Person=") => {
                // Auxiliaries and copulas agree with their head's subject.
                let verb = if matches!(deprel.as_str(), "aux" | "aux:pass" | "cop") {
                    head
                } else {
                    Some(i)
                };
                let subject = verb.and_then(|v| kids.subject(tokens, v));
                match subject.and_then(|s| agreement(tokens, &kids, s)) {
                    Some((person, number)) => {
                        let f = set(&tokens[i].feats, "Person", Some(person));
                        Some(set(&f, "Number", Some(number)))
                    }
                    None => None,
                }
            }
            "VB" if tokens[i].upos == "VERB" || tokens[i].upos == "AUX" => {
                let governed = kids.of(tokens, i).any(|c| {
                    c.deprel.starts_with("nsubj")
                        || c.deprel.starts_with("aux")
                        || c.deprel == "mark"
                });
                let imperative_slot = head.is_none()
                    || (deprel == "conj"
                        && head
                            .and_then(|h| tokens.get(h))
                            .is_some_and(|h| h.feats.contains("Mood=Imp")));
                if !governed && imperative_slot {
                    Some("Mood=Imp|Person=2|VerbForm=Fin".to_string())
                } else {
                    Some("VerbForm=Inf".to_string())
                }
            }
            "VBG" => {
                let progressive = kids.of(tokens, i).any(|c| c.deprel == "aux");
                let modifier = matches!(deprel.as_str(), "amod" | "acl");
                let nominal = matches!(
                    deprel.split(':').next().unwrap_or(""),
                    "nsubj" | "obj" | "iobj" | "obl" | "nmod" | "csubj"
                ) || kids
                    .of(tokens, i)
                    .any(|c| c.deprel == "case" || c.deprel == "mark");
                if progressive || modifier {
                    Some("Tense=Pres|VerbForm=Part".to_string())
                } else if nominal {
                    Some("VerbForm=Ger".to_string())
                } else {
                    None
                }
            }
            "VBN" => {
                let passive = kids.of(tokens, i).any(|c| {
                    c.deprel == "aux:pass" || c.deprel == "nsubj:pass" || c.deprel == "obl:agent"
                });
                let perfect = kids.of(tokens, i).any(|c| c.deprel == "aux");
                if passive {
                    Some(set(&tokens[i].feats, "Voice", Some("Pass")))
                } else if perfect {
                    Some(set(&tokens[i].feats, "Voice", None))
                } else {
                    None
                }
            }
            "PRP" if text == "it" || text == "you" => {
                let nominative = deprel.starts_with("nsubj") || deprel == "expl";
                Some(set(
                    &tokens[i].feats,
                    "Case",
                    Some(if nominative { "Nom" } else { "Acc" }),
                ))
            }
            _ => None,
        };
        if let (Some(f), Some(t)) = (new, tokens.get_mut(i)) {
            t.feats = f;
        }
    }
}
