//! Named mentions of people, organisations and places, found from the tagged
//! and parsed sentences with the rules and word lists in `data/`.
//!
//! A mention is a run of capitalised name words (proper nouns, plus `of` inside
//! organisation names such as "Bank of Japan"). A run that starts with a
//! nationality or place and a title ("Japanese Foreign Minister Yoshimasa
//! Hayashi") is split into modifier, title and name, and typed as a person.
//! Other runs are typed by the place list, organisation words and acronyms;
//! a lone surname repeats the type of an earlier full name in the same text.

use crate::Sentence;
use dyad_core::Span;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// What a mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum MentionKind {
    Person,
    /// Organisations: ministries, parties, companies, armed forces, agencies.
    Org,
    /// Geo-political entities: countries, capitals, cities, states — places
    /// with a government, which may stand for it ("Tokyo said").
    Gpe,
    /// Other places: regions, seas, continents.
    Loc,
    /// A proper name the rules could not type.
    Other,
}

/// One named mention.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// Byte span of the whole mention, modifier and title included.
    pub span: Span,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: MentionKind,
    /// Index of the sentence in [`crate::AnalyzedText::sentences`].
    pub sentence: usize,
    /// Token range `[first, end)` within the sentence.
    pub tokens: [usize; 2],
    /// Index (within the sentence) of the mention's syntactic head token.
    pub head: usize,
    /// A nationality or place before the title ("Japanese", "U.S.").
    pub modifier: Option<String>,
    /// The place the modifier refers to ("Japan" for "Japanese").
    pub modifier_place: Option<String>,
    /// The title or office ("Foreign Minister").
    pub title: Option<String>,
    pub title_span: Option<Span>,
    /// The name proper ("Yoshimasa Hayashi").
    pub name: Option<String>,
    pub name_span: Option<Span>,
    /// The name's words in order (given names first, family name last, as written).
    pub name_parts: Vec<String>,
    /// For places: `country`, `capital`, `city`, `state`, `region` or `loc`.
    pub place_kind: Option<String>,
    /// A place that may stand for its government (a country, capital or state).
    pub may_be_government: bool,
}

struct Lists {
    titles: HashSet<String>,
    longest_title: usize,
    org_words: HashSet<String>,
    places: HashMap<String, String>,
    demonyms: HashMap<String, String>,
    not_names: HashSet<String>,
    event_words: HashSet<String>,
    longest_place: usize,
    place_markers: HashSet<String>,
    speech_verbs: HashSet<String>,
}

fn lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn pairs(data: &str) -> HashMap<String, String> {
    lines(data)
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, b)| (a.trim().to_string(), b.trim().to_string()))
        .collect()
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let titles: HashSet<String> = lines(include_str!("../data/titles.txt"))
            .map(str::to_string)
            .collect();
        let longest_title = titles
            .iter()
            .map(|t| t.split_whitespace().count())
            .max()
            .unwrap_or(1);
        let places = pairs(include_str!("../data/places.txt"));
        let longest_place = places
            .keys()
            .map(|p| p.split_whitespace().count())
            .max()
            .unwrap_or(1);
        let cues = pairs(include_str!("../data/cues.txt"));
        let cue_words = |kind: &str| -> HashSet<String> {
            cues.iter()
                .filter(|(_, k)| k.as_str() == kind)
                .map(|(w, _)| w.clone())
                .collect()
        };
        Lists {
            place_markers: cue_words("place_marker"),
            speech_verbs: cue_words("speech_verb"),
            longest_place,
            event_words: lines(include_str!("../data/event_words.txt"))
                .map(str::to_string)
                .collect(),
            titles,
            longest_title,
            org_words: lines(include_str!("../data/org_words.txt"))
                .map(str::to_string)
                .collect(),
            places,
            demonyms: pairs(include_str!("../data/demonyms.txt")),
            not_names: lines(include_str!("../data/not_names.txt"))
                .map(str::to_string)
                .collect(),
        }
    })
}

fn capitalized(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Words that may continue an organisation or title across "of": "Bank of
/// Japan", "Secretary of State".
fn joins_of(word: &str, l: &Lists) -> bool {
    l.org_words.contains(word)
        || l.titles.contains(word)
        || matches!(word, "Republic" | "Kingdom" | "Gulf" | "Sea")
}

/// Finds the named mentions in analysed sentences of `text`.
pub(crate) fn find(text: &str, sentences: &[Sentence]) -> Vec<Mention> {
    let l = lists();
    let mut out: Vec<Mention> = Vec::new();
    let mut person_words: HashSet<String> = HashSet::new();
    // Words the tagger reads as proper nouns inside a sentence. At the start
    // of one, where every word is capitalised, the tagger may take a name for
    // the common word it spells ("Trump will go to Helsinki"); the name's use
    // elsewhere in the text says what it is.
    let proper_words: HashSet<&str> = sentences
        .iter()
        .flat_map(|s| s.tokens.iter().skip(1))
        .filter(|t| t.upos == "PROPN" && capitalized(&t.text))
        .map(|t| t.text.as_str())
        .collect();
    for (si, s) in sentences.iter().enumerate() {
        let toks = &s.tokens;
        let n = toks.len();
        let initial_name = |i: usize| -> bool {
            i == 0
                && toks.get(i).is_some_and(|t| {
                    matches!(t.upos.as_str(), "NOUN" | "VERB" | "ADJ")
                        && proper_words.contains(t.text.as_str())
                })
        };
        let is_name = |i: usize| -> bool {
            toks.get(i).is_some_and(|t| {
                capitalized(&t.text)
                    && !l.not_names.contains(&t.text)
                    && (t.upos == "PROPN"
                        || initial_name(i)
                        || l.org_words.contains(&t.text)
                        || l.titles.contains(&t.text)
                        || l.places.contains_key(&t.text)
                        || (l.demonyms.contains_key(&t.text) && i + 1 < n))
                    && t.upos != "PRON"
                    && t.upos != "PUNCT"
            })
        };
        // The length of the longest title phrase at token `i` ("Foreign
        // Minister": "Foreign" alone is an adjective, not a name word).
        let title_at = |i: usize| -> usize {
            (1..=l.longest_title.min(n.saturating_sub(i)))
                .rev()
                .find(|&len| {
                    toks.get(i).is_some_and(|t| capitalized(&t.text))
                        && l.titles.contains(&joined(toks, i, i + len))
                })
                .unwrap_or(0)
        };
        // Multi-word place names ("United States": "United" may be tagged ADJ).
        let place_at = |i: usize| -> usize {
            (2..=l.longest_place.min(n.saturating_sub(i)))
                .rev()
                .find(|&len| {
                    toks.get(i).is_some_and(|t| capitalized(&t.text))
                        && l.places.contains_key(&joined(toks, i, i + len))
                })
                .unwrap_or(0)
        };
        // A line break between two tokens ends any name (captions, headlines).
        let broken = |i: usize| -> bool {
            match (i.checked_sub(1).and_then(|p| toks.get(p)), toks.get(i)) {
                (Some(a), Some(b)) => text
                    .get(a.span.end..b.span.start)
                    .is_some_and(|g| g.contains('\n')),
                _ => false,
            }
        };
        let mut i = 0;
        while i < n {
            let title_len = title_at(i).max(place_at(i));
            if !is_name(i) && title_len == 0 {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + title_len.max(1);
            loop {
                if end >= n || broken(end) {
                    break;
                }
                let t = title_at(end).max(place_at(end));
                if t > 0 {
                    end += t;
                    continue;
                }
                if is_name(end) {
                    end += 1;
                    continue;
                }
                // "Park Geun-hye", "Kim Yo-jong": the lower-case piece of a
                // hyphenated given name, which the tokenizer splits off
                // ("Geun", "-", "hye"), is part of the name.
                if given_name_piece(toks, start, end, l) {
                    end += 2;
                    continue;
                }
                // "of" (and "of the") inside organisation names and titles.
                let of = toks.get(end).is_some_and(|t| t.text == "of");
                let prev_joins = toks.get(end - 1).is_some_and(|t| joins_of(&t.text, l));
                if of && prev_joins {
                    let skip_the = toks.get(end + 1).is_some_and(|t| t.text == "the");
                    let next = if skip_the { end + 2 } else { end + 1 };
                    if is_name(next) {
                        end = next + 1;
                        continue;
                    }
                }
                break;
            }
            // A run must hold a proper noun or a listed word; a run of only
            // sentence-initial common words ("Officials") is not a name.
            let has_proper = (start..end).any(|k| {
                initial_name(k)
                    || toks.get(k).is_some_and(|t| {
                        t.upos == "PROPN"
                            || l.places.contains_key(&t.text)
                            || l.org_words.contains(&t.text)
                    })
            });
            if has_proper {
                if let Some(m) = classify(text, s, si, start, end, l, &person_words) {
                    if m.kind == MentionKind::Person {
                        for p in &m.name_parts {
                            person_words.insert(p.clone());
                        }
                    }
                    out.push(m);
                }
            }
            i = end;
        }
    }
    // A lone word that is part of a person's name elsewhere in the text
    // ("Biden" before "President Biden") is that person.
    for m in out.iter_mut() {
        if m.kind == MentionKind::Other
            && m.tokens[1] - m.tokens[0] == 1
            && person_words.contains(&m.text)
        {
            m.kind = MentionKind::Person;
            m.name = Some(m.text.clone());
            m.name_span = Some(m.span);
            m.name_parts = vec![m.text.clone()];
        }
    }
    out
}

/// Whether `toks[end]` is a hyphen glued between a name word and a piece of
/// the same hyphenated name. A lower-case piece ("Geun" "-" "hye") ends a
/// hyphenated given name: the run `[start, end)` already holds two name words
/// that are no title (a family name and the given name's first piece), and
/// the piece is a short word the tagger does not read as a verb ("Moon
/// Jae-led" is no name).
fn given_name_piece(toks: &[crate::Token], start: usize, end: usize, l: &Lists) -> bool {
    let (Some(before), Some(family), Some(hyphen), Some(piece)) = (
        end.checked_sub(1).and_then(|k| toks.get(k)),
        end.checked_sub(2).and_then(|k| toks.get(k)),
        toks.get(end),
        toks.get(end + 1),
    ) else {
        return false;
    };
    let name_word = |t: &crate::Token| {
        capitalized(&t.text)
            && !l.titles.contains(&t.text)
            && !l.places.contains_key(&t.text)
            && !l.demonyms.contains_key(&t.text)
    };
    let glued = hyphen.text == "-"
        && before.span.end == hyphen.span.start
        && hyphen.span.end == piece.span.start
        && name_word(before);
    if !glued {
        return false;
    }
    // "Jean-Yves Le Drian", "Hossein Amir-Abdollahian": a capitalised piece
    // inside a person's name, with a name word on each side of the
    // hyphenated word ("Obama-Duterte talks", "US-China ties" are two
    // names, with no name word round them).
    if name_word(piece) && piece.text.chars().all(char::is_alphabetic) {
        let after = toks
            .get(end + 2)
            .is_some_and(|n| name_word(n) && n.span.start > piece.span.end && n.upos == "PROPN");
        return after || (end >= start + 2 && name_word(family));
    }
    end >= start + 2
        && name_word(family)
        && piece.text.chars().count() <= 5
        && piece.text.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
        && !matches!(piece.upos.as_str(), "VERB" | "AUX")
        // The piece ends the word: "Geun-hye's" is fine, "Geun-hye-ok" not read.
        && toks
            .get(end + 2)
            .is_none_or(|n| n.text != "-" || n.span.start > piece.span.end)
}

/// The words of a name over tokens `[a, b)`, with pieces the tokenizer split
/// at a hyphen glued back ("Park", "Geun-hye").
fn name_words(toks: &[crate::Token], a: usize, b: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut prev_end: Option<usize> = None;
    for t in toks.get(a..b).unwrap_or(&[]) {
        let glued = prev_end == Some(t.span.start)
            && (t.text == "-" || out.last().is_some_and(|w| w.ends_with('-')));
        match out.last_mut() {
            Some(w) if glued => w.push_str(&t.text),
            _ => out.push(t.text.clone()),
        }
        prev_end = Some(t.span.end);
    }
    out
}

fn joined(toks: &[crate::Token], a: usize, b: usize) -> String {
    toks.get(a..b).map_or_else(String::new, |ts| {
        ts.iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    })
}

fn span_of(toks: &[crate::Token], a: usize, b: usize) -> Option<Span> {
    match (toks.get(a), b.checked_sub(1).and_then(|e| toks.get(e))) {
        (Some(x), Some(y)) if a < b => Some(Span::new(x.span.start, y.span.end)),
        _ => None,
    }
}

/// The first token of `[a, b)` whose head lies outside the range.
fn syntactic_head(toks: &[crate::Token], a: usize, b: usize) -> usize {
    (a..b)
        .find(|&k| toks.get(k).is_some_and(|t| t.head.is_none_or_outside(a, b)))
        .unwrap_or(b.saturating_sub(1))
}

trait HeadExt {
    fn is_none_or_outside(&self, a: usize, b: usize) -> bool;
}

impl HeadExt for Option<usize> {
    fn is_none_or_outside(&self, a: usize, b: usize) -> bool {
        match self {
            None => true,
            Some(h) => *h < a || *h >= b,
        }
    }
}

fn classify(
    text: &str,
    s: &Sentence,
    si: usize,
    start: usize,
    end: usize,
    l: &Lists,
    person_words: &HashSet<String>,
) -> Option<Mention> {
    let toks = &s.tokens;
    let span = span_of(toks, start, end)?;
    let mut m = Mention {
        span,
        text: span.slice(text).unwrap_or("").to_string(),
        kind: MentionKind::Other,
        sentence: si,
        tokens: [start, end],
        head: syntactic_head(toks, start, end),
        modifier: None,
        modifier_place: None,
        title: None,
        title_span: None,
        name: None,
        name_span: None,
        name_parts: Vec::new(),
        place_kind: None,
        may_be_government: false,
    };
    // Modifier: a nationality or a place (longest place first).
    let mut k = start;
    for len in (1..=3.min(end - start)).rev() {
        let words = joined(toks, start, start + len);
        if let Some(place) = l.demonyms.get(&words) {
            m.modifier = Some(words);
            m.modifier_place = Some(place.clone());
            k = start + len;
            break;
        }
        if l.places.contains_key(&words) && start + len < end {
            // Only a modifier when a title follows ("U.S. Secretary of State …").
            let rest = joined(toks, start + len, (start + len + l.longest_title).min(end));
            if l.titles
                .iter()
                .any(|t| rest == *t || rest.starts_with(&format!("{t} ")))
            {
                m.modifier = Some(words.clone());
                m.modifier_place = Some(words);
                k = start + len;
                break;
            }
        }
    }
    // Title: the longest listed phrase at `k`.
    let mut title_end = k;
    for len in (1..=l.longest_title.min(end - k)).rev() {
        if l.titles.contains(&joined(toks, k, k + len)) {
            title_end = k + len;
            break;
        }
    }
    // "Foreign Minister Hayashi": titles chain ("Deputy", "Vice") are in the list.
    if title_end > k && title_end < end {
        m.title = Some(joined(toks, k, title_end));
        m.title_span = span_of(toks, k, title_end);
        m.name_parts = name_words(toks, title_end, end);
        m.name = Some(m.name_parts.join(" "));
        m.name_span = span_of(toks, title_end, end);
        m.kind = MentionKind::Person;
        m.head = end - 1;
        return Some(m);
    }
    if title_end > k {
        // A title with no name ("the Foreign Minister") names a role, not a person.
        return None;
    }
    let words = joined(toks, start, end);
    let last = toks.get(end - 1).map_or("", |t| t.text.as_str());
    if let Some(kind) = l.places.get(&words) {
        m.kind = if kind == "loc" || kind == "region" {
            MentionKind::Loc
        } else {
            MentionKind::Gpe
        };
        m.may_be_government = matches!(kind.as_str(), "country" | "capital" | "state");
        m.place_kind = Some(kind.clone());
        m.modifier = None;
        m.modifier_place = None;
        return Some(m);
    }
    if m.modifier.is_some() && k == end {
        // A bare nationality adjective ("Japanese officials") is not a named mention.
        return None;
    }
    if (k..end).any(|i| toks.get(i).is_some_and(|t| l.event_words.contains(&t.text))) {
        return Some(m);
    }
    if (start..end).any(|i| toks.get(i).is_some_and(|t| l.org_words.contains(&t.text))) {
        m.kind = MentionKind::Org;
        m.name = Some(joined(toks, k, end));
        m.name_span = span_of(toks, k, end);
        return Some(m);
    }
    let acronym = end - start == 1
        && last.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && last
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '&');
    if acronym {
        m.kind = MentionKind::Org;
        return Some(m);
    }
    let name_tokens = &toks[k..end];
    let words = name_words(toks, k, end);
    // (The pieces of a hyphenated given name count as its word: "Geun-hye".)
    let glued = |i: usize| {
        i > k
            && toks.get(i - 1).is_some_and(|p| {
                toks.get(i)
                    .is_some_and(|t| p.span.end == t.span.start && (t.text == "-" || p.text == "-"))
            })
    };
    if (k..end).all(|i| glued(i) || toks.get(i).is_some_and(|t| t.upos == "PROPN")) {
        // (Each piece of a hyphenated word may open with a capital:
        // "Jean-Yves", "Geun-hye".)
        let capital_words = words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.split('-').all(|piece| {
                    piece
                        .chars()
                        .skip(1)
                        .all(|c| c.is_lowercase() || c == '\'' || c == '.')
                })
        });
        let full_name = capital_words && (2..=4).contains(&words.len());
        let known_surname = name_tokens.len() == 1 && person_words.contains(&name_tokens[0].text);
        if full_name || known_surname {
            m.kind = MentionKind::Person;
        }
    }
    if m.kind == MentionKind::Other && m.modifier.is_none() {
        // Syntax as a last resort: "in Jutland" is a place; "Smith said" a person.
        let head = m.head;
        let marker = toks
            .iter()
            .find(|t| t.head == Some(head) && t.deprel == "case")
            .map(|t| t.text.to_lowercase());
        let head_token = toks.get(head);
        let governor = head_token.and_then(|t| t.head).and_then(|g| toks.get(g));
        if marker
            .as_deref()
            .is_some_and(|w| l.place_markers.contains(w))
        {
            m.kind = MentionKind::Loc;
        } else if head_token.is_some_and(|t| t.deprel == "nsubj")
            && governor.is_some_and(|g| l.speech_verbs.contains(g.lemma.as_str()))
            && (k..end).all(|i| toks.get(i).is_some_and(|t| t.upos == "PROPN"))
        {
            m.kind = MentionKind::Person;
        }
    }
    if m.kind == MentionKind::Person {
        m.name = Some(words.join(" "));
        m.name_span = span_of(toks, k, end);
        m.name_parts = words;
        m.head = end - 1;
    }
    Some(m)
}
