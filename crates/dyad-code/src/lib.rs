//! Event coding: from analysed sentences to [`EventMention`]s.
//!
//! For each sentence the coder finds event triggers (verbs and nouns from the
//! pattern file), reads their arguments from the dependency parse (subjects,
//! objects, prepositional complements, compound subjects, passive agents, the
//! modifiers of a nominal event), resolves them against the knowledge base as of
//! the event's date, and decides the PLOVER type and mode, the CAMEO code, the
//! status (occurred, planned, postponed, cancelled, …), the date (from the
//! temporal expression attached to the trigger) and the place. Every field keeps
//! its evidence: the byte span of the words it came from.
//!
//! What the coder knows is data: `data/patterns.tsv` (triggers, their
//! complements and CAMEO codes), `data/cameo_plover.tsv` (CAMEO → PLOVER),
//! `data/status.tsv` (status cues), `data/places.tsv` (remote and phone cues),
//! `data/described.tsv` (parties given by office), `data/organisations.tsv`
//! (organisations' CAMEO codes: IGO, NGO, IMG or a country as their country).
//! Users layer their own patterns in dyad's format or as a PETRARCH/TABARI CAMEO
//! verb dictionary ([`Coder::with_patterns`]).
//!
//! The coder does no I/O and never fails on messy input: a sentence it cannot
//! read yields no events.

mod code;
mod patterns;
mod tree;

pub use patterns::{PatternError, PatternFormat};

use dyad_core::{EventMention, EventType};
use patterns::{Patterns, Plover, StatusCues};
use std::sync::OnceLock;

const PATTERNS: &str = include_str!("../data/patterns.tsv");
const CAMEO_PLOVER: &str = include_str!("../data/cameo_plover.tsv");
const STATUS: &str = include_str!("../data/status.tsv");
const PLACES: &str = include_str!("../data/places.tsv");
const DESCRIBED: &str = include_str!("../data/described.tsv");
const ORGANISATIONS: &str = include_str!("../data/organisations.tsv");

/// The coder: patterns and cues, compiled. Share it between threads.
#[derive(Debug, Clone)]
pub struct Coder {
    patterns: Patterns,
    plover: Plover,
    status: StatusCues,
    places: patterns::PlaceCues,
    described: patterns::DescribedRoles,
    orgs: patterns::OrgClasses,
    /// Keys of every word that can start a trigger, with the words it needs
    /// beside it (see [`Coder::wants_parse`]).
    trigger_words: std::collections::HashMap<String, Option<std::collections::HashSet<String>>>,
}

/// What the coder needs to code one document.
pub struct CodeInput<'a> {
    pub doc_id: &'a str,
    /// The document's text (the reader's `Document::text`).
    pub text: &'a str,
    /// The report's publication date, where known.
    pub published: Option<dyad_core::DateValue>,
    pub analysis: &'a dyad_text::AnalyzedText,
    /// Temporal expressions of `text`, resolved against the publication date.
    pub timexes: &'a [dyad_time::Timex],
    pub kb: &'a dyad_kb::KnowledgeBase,
    /// The place of the report's dateline ("TOKYO –"), where it has one.
    pub dateline: Option<&'a str>,
}

impl Coder {
    /// The built-in coder, compiled once per process.
    pub fn builtin() -> &'static Coder {
        static C: OnceLock<Coder> = OnceLock::new();
        C.get_or_init(|| {
            // The shipped files are checked by the test `builtin_data_is_valid`.
            Coder::from_data(
                PATTERNS,
                CAMEO_PLOVER,
                STATUS,
                PLACES,
                DESCRIBED,
                ORGANISATIONS,
            )
            .expect("the built-in coder data files are valid")
        })
    }

    fn from_data(
        patterns: &str,
        plover: &str,
        status: &str,
        places: &str,
        described: &str,
        orgs: &str,
    ) -> Result<Coder, PatternError> {
        let patterns = Patterns::parse("patterns.tsv", patterns)?;
        Ok(Coder {
            trigger_words: patterns.trigger_words(),
            patterns,
            plover: Plover::parse("cameo_plover.tsv", plover)?,
            status: StatusCues::parse("status.tsv", status)?,
            places: patterns::PlaceCues::parse("places.tsv", places)?,
            described: patterns::DescribedRoles::parse("described.tsv", described)?,
            orgs: patterns::OrgClasses::parse("organisations.tsv", orgs)?,
        })
    }

    /// This coder with a user's patterns layered on top: dyad's own format, or a
    /// PETRARCH/TABARI CAMEO verb dictionary (detected from the content).
    pub fn with_patterns(&self, name: &str, text: &str) -> Result<Coder, PatternError> {
        let mut c = self.clone();
        let extra = match PatternFormat::detect(text) {
            PatternFormat::Dyad => Patterns::parse(name, text)?,
            PatternFormat::CameoVerbs => Patterns::from_cameo_verbs(name, text)?,
        };
        let mut extra = extra;
        extra.type_unknown_codes(&self.plover, &self.patterns);
        c.patterns.layer(extra);
        c.trigger_words = c.patterns.trigger_words();
        Ok(c)
    }

    /// The PLOVER type of a CAMEO code (by its longest known prefix).
    pub fn plover_type(&self, cameo: &str) -> Option<EventType> {
        self.plover.lookup(cameo).map(|p| p.0)
    }

    /// Whether a verb (its lemma, a phrasal verb as `put_off`) tells that an
    /// act is put off (`status.tsv`): the time "until" or "to" after it is the
    /// new time, still to come ("postponed the trip until June").
    pub fn tells_postponement(&self, lemma: &str) -> bool {
        self.status.get(patterns::CueWhere::Governor, lemma)
            == Some(dyad_core::EventStatus::Postponed)
    }

    /// Whether coding a sentence needs its parse: whether any of its words
    /// can trigger an event. A sentence without one yields no event, so the
    /// caller may leave it unparsed ([`dyad_text::Analyzer::analyze_where`]).
    pub fn wants_parse(&self, tokens: &[dyad_text::Token]) -> bool {
        let mut keys: Vec<String> = tokens
            .iter()
            .map(|t| patterns::trigger_key(&t.lemma))
            .collect();
        // A participle the tagger left an unlemmatised adjective ("is
        // committed") may trigger as its verb.
        for t in tokens {
            if t.upos == "ADJ" && t.text.len() > 4 && t.lemma.eq_ignore_ascii_case(&t.text) {
                keys.extend(
                    code::participle_stems(&t.text)
                        .iter()
                        .map(|s| patterns::trigger_key(s)),
                );
            }
        }
        // A verb in -ee takes only -d ("freed", "guaranteed"), which rule-based
        // lemmas cut wrongly ("fre"): the word less its "d" may trigger, as
        // `code` reads it.
        for t in tokens {
            let text = t.text.to_lowercase();
            if matches!(t.upos.as_str(), "VERB" | "ADJ") && text.len() > 4 && text.ends_with("eed")
            {
                keys.push(patterns::trigger_key(&text[..text.len() - 1]));
            }
        }
        // So may a plural noun the lemmatiser left as written ("troops"), as
        // the object a pattern names in the singular.
        for t in tokens {
            let text = t.text.to_lowercase();
            if t.xpos == "NNS" && t.lemma.eq_ignore_ascii_case(&text) && !text.ends_with("ss") {
                if let Some(stem) = text.strip_suffix('s') {
                    keys.push(patterns::trigger_key(stem));
                }
            }
        }
        let present = |w: &str| {
            keys.iter().any(|k| k == w)
                || tokens
                    .iter()
                    .any(|t| t.lemma.eq_ignore_ascii_case(w) || t.text.eq_ignore_ascii_case(w))
        };
        // A companion's sentence ("Xi was accompanied by Wang Yi") adds
        // people to a meeting told before it.
        let companions = tokens.iter().any(|t| {
            let lemma = t.lemma.to_lowercase();
            t.upos == "VERB"
                && (code::ACCOMPANY.contains(&lemma.as_str())
                    || lemma == "sit"
                    || lemma == "include")
        });
        companions
            || keys.iter().any(|k| match self.trigger_words.get(k) {
                None => false,
                Some(None) => true,
                Some(Some(needs)) => needs.iter().any(|w| present(w)),
            })
    }

    /// Codes every sentence of a document.
    pub fn code(&self, input: &CodeInput<'_>) -> Vec<EventMention> {
        code::code_document(self, input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_data_is_valid() {
        let c = Coder::builtin();
        assert_eq!(c.plover_type("040"), Some(EventType::Consult));
        assert_eq!(c.plover_type("0361"), Some(EventType::Agree));
        assert_eq!(c.plover_type("057"), Some(EventType::Support));
        for p in c.patterns.all() {
            assert!(
                c.plover.lookup(&p.cameo).is_some(),
                "pattern {p:?} has no PLOVER type"
            );
        }
    }
}
