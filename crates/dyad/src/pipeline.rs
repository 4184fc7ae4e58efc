//! The whole pipeline for one document: analyse → time → resolve → code. The
//! binary wires the stage crates together here; `code`, `ingest` and `demo`
//! call it.

use dyad_code::{CodeInput, Coder};
use dyad_core::{Document, EventMention, Span};
use dyad_kb::KnowledgeBase;
use dyad_text::{AnalyzedText, Analyzer};
use dyad_time::{TenseHint, Timex};
use std::sync::OnceLock;

/// The stages, loaded once: the analyser's model, the knowledge base (with any
/// user layers), the coder (with any user patterns).
pub struct Pipeline {
    analyzer: &'static Analyzer,
    kb: KbHandle,
    coder: CoderHandle,
}

enum KbHandle {
    Builtin(&'static KnowledgeBase),
    Layered(Box<KnowledgeBase>),
}

enum CoderHandle {
    Builtin(&'static Coder),
    Layered(Box<Coder>),
}

/// One document, analysed and coded.
pub struct Coded {
    pub analysis: AnalyzedText,
    pub timexes: Vec<Timex>,
    pub mentions: Vec<EventMention>,
}

impl Pipeline {
    /// The built-in pipeline.
    pub fn builtin() -> anyhow::Result<Pipeline> {
        Ok(Pipeline {
            analyzer: Analyzer::builtin()
                .map_err(|e| anyhow::anyhow!("the built-in language model: {e}"))?,
            kb: KbHandle::Builtin(KnowledgeBase::builtin()),
            coder: CoderHandle::Builtin(Coder::builtin()),
        })
    }

    /// Layers user files: knowledge-base files (dyad's or CAMEO actor/agent
    /// dictionaries) and a pattern file (dyad's or a CAMEO verb dictionary).
    pub fn with_user_files(
        mut self,
        kb_files: &[std::path::PathBuf],
        patterns: Option<&std::path::Path>,
    ) -> anyhow::Result<Pipeline> {
        if !kb_files.is_empty() {
            let mut texts = Vec::new();
            for f in kb_files {
                let t = std::fs::read_to_string(f)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", f.display()))?;
                texts.push((f.display().to_string(), t));
            }
            let layers: Vec<(&str, &str)> = texts
                .iter()
                .map(|(n, t)| (n.as_str(), t.as_str()))
                .collect();
            self.kb = KbHandle::Layered(Box::new(KnowledgeBase::with_layers(&layers)?));
        }
        if let Some(p) = patterns {
            let t =
                std::fs::read_to_string(p).map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?;
            self.coder = CoderHandle::Layered(Box::new(
                self.coder().with_patterns(&p.display().to_string(), &t)?,
            ));
        }
        Ok(self)
    }

    pub fn kb(&self) -> &KnowledgeBase {
        match &self.kb {
            KbHandle::Builtin(k) => k,
            KbHandle::Layered(k) => k,
        }
    }

    pub fn coder(&self) -> &Coder {
        match &self.coder {
            CoderHandle::Builtin(c) => c,
            CoderHandle::Layered(c) => c,
        }
    }

    /// Analyses, dates and codes one document.
    pub fn run(&self, doc: &Document) -> Coded {
        // Only sentences with a word that can trigger an event are parsed:
        // the coder reads no other sentence's syntax, and parsing is most of
        // the time.
        let coder = self.coder();
        let analysis = self
            .analyzer
            .analyze_where(&doc.text, &|tokens| coder.wants_parse(tokens));
        let timexes = match doc.published.as_ref() {
            Some(p) => {
                let reference = match p.value.time {
                    Some(t) => dyad_time::Reference::datetime(
                        p.value.date.and_time(t),
                        p.value.offset_minutes,
                    ),
                    None => dyad_time::Reference::date(p.value.date),
                };
                let hints = ParseTense {
                    analysis: &analysis,
                    coder,
                };
                dyad_time::tag(&doc.text, reference, &hints)
            }
            // Without a reference date relative expressions cannot be resolved.
            None => Vec::new(),
        };
        let input = CodeInput {
            doc_id: &doc.id,
            text: &doc.text,
            published: doc.published.as_ref().map(|p| p.value),
            analysis: &analysis,
            timexes: &timexes,
            kb: self.kb(),
            dateline: doc.dateline.as_deref(),
        };
        let mentions = self.coder().code(&input);
        Coded {
            analysis,
            timexes,
            mentions,
        }
    }
}

/// The tense of the clause a temporal expression stands in, read from the parse:
/// the verb governing the expression, its auxiliaries and its tense feature.
struct ParseTense<'a> {
    analysis: &'a AnalyzedText,
    coder: &'a dyad_code::Coder,
}

impl dyad_time::TenseHints for ParseTense<'_> {
    fn tense_at(&self, span: Span) -> TenseHint {
        let Some(s) = self
            .analysis
            .sentences
            .iter()
            .find(|s| s.span.contains(span))
        else {
            return TenseHint::Unknown;
        };
        let Some(mut i) = s.tokens.iter().position(|t| t.span.overlaps(span)) else {
            return TenseHint::Unknown;
        };
        // "postponed the trip until June", "put off to next year": the new
        // time of an act put off is still to come, whatever the verb's tense.
        let top = {
            let inside: Vec<usize> = (0..s.tokens.len())
                .filter(|&k| s.tokens.get(k).is_some_and(|t| t.span.overlaps(span)))
                .collect();
            inside.iter().copied().find(|&k| {
                s.tokens
                    .get(k)
                    .and_then(|t| t.head)
                    .is_none_or(|h| !inside.contains(&h))
            })
        };
        if let Some(top) = top {
            let to_new_time = s.tokens.iter().any(|t| {
                t.head == Some(top)
                    && t.deprel == "case"
                    && matches!(t.lemma.to_lowercase().as_str(), "until" | "to")
            });
            let mut x = top;
            for _ in 0..4 {
                let Some(h) = s.tokens.get(x).and_then(|t| t.head) else {
                    break;
                };
                let Some(ht) = s.tokens.get(h) else { break };
                if to_new_time && ht.upos == "VERB" {
                    let particle = s
                        .tokens
                        .iter()
                        .find(|t| t.head == Some(h) && t.deprel == "compound:prt")
                        .map(|p| format!("{}_{}", ht.lemma.to_lowercase(), p.lemma.to_lowercase()));
                    if particle
                        .as_deref()
                        .is_some_and(|p| self.coder.tells_postponement(p))
                        || self.coder.tells_postponement(&ht.lemma.to_lowercase())
                    {
                        return TenseHint::Future;
                    }
                }
                x = h;
            }
        }
        for _ in 0..6 {
            let Some(t) = s.tokens.get(i) else { break };
            if t.upos == "VERB" || (t.upos == "AUX" && t.head.is_none()) {
                let aux: Vec<&str> = s
                    .tokens
                    .iter()
                    .filter(|a| a.head == Some(i) && a.deprel.starts_with("aux"))
                    .map(|a| a.lemma.as_str())
                    .collect();
                if aux.iter().any(|a| ["will", "shall", "'ll"].contains(a)) {
                    return TenseHint::Future;
                }
                // An infinitive ("due to start on Sunday", "was to have begun
                // on Sunday", "agreed to meet on Monday") has no tense of its
                // own: the words that govern it say when, so the tagger's cue
                // words decide.
                let to_mark = s.tokens.iter().any(|a| {
                    a.head == Some(i) && a.deprel == "mark" && a.lemma.eq_ignore_ascii_case("to")
                });
                if to_mark {
                    return TenseHint::Unknown;
                }
                // "the summit planned for September 14", "talks set for
                // Friday": a plan's participle with no verb of its own says
                // nothing of when; the cue words decide.
                // (Whatever the parse made its subject: "the summit, planned
                // for September 14, has been postponed".)
                if matches!(t.xpos.as_str(), "VBN" | "VBD")
                    && aux.is_empty()
                    && matches!(
                        t.lemma.to_lowercase().as_str(),
                        "plan" | "schedule" | "set" | "slate"
                    )
                {
                    return TenseHint::Unknown;
                }
                // A participle's "Tense=Past" is no tense: a passive takes
                // the tense of its "be" ("is expected in Beijing on Sunday" is
                // present, so the cue words decide; "was held on Sunday" past).
                if t.feat("VerbForm") == Some("Part") && t.xpos == "VBN" {
                    let be = s.tokens.iter().find(|a| {
                        a.head == Some(i) && a.deprel.starts_with("aux") && a.lemma == "be"
                    });
                    if let Some(be) = be.filter(|_| !aux.contains(&"have")) {
                        return if be.feat("Tense") == Some("Past") {
                            TenseHint::Past
                        } else {
                            TenseHint::Unknown
                        };
                    }
                }
                if t.feat("Tense") == Some("Past") || aux.contains(&"have") {
                    return TenseHint::Past;
                }
                // A bare participle or base form ("roads leading to the
                // city centre on Sunday", "stopped work on Monday" with
                // "work" a verb) has no tense of its own: the verb it hangs
                // on decides.
                if matches!(t.xpos.as_str(), "VBG" | "VBN" | "VB")
                    && aux.is_empty()
                    && t.head.is_some()
                {
                    match t.head {
                        Some(h) if h != i => {
                            i = h;
                            continue;
                        }
                        _ => break,
                    }
                }
                if t.xpos == "VBG" && aux.contains(&"be") && t.feat("Tense") != Some("Past") {
                    return TenseHint::Unknown;
                }
                // English tells the future in the present after "when",
                // "once", "until" ("when they meet in Geneva on Thursday").
                let temporal_clause = s.tokens.iter().any(|a| {
                    a.head == Some(i)
                        && matches!(a.deprel.as_str(), "mark" | "advmod")
                        && matches!(
                            a.lemma.to_lowercase().as_str(),
                            "when" | "once" | "until" | "till"
                        )
                });
                if temporal_clause && aux.is_empty() {
                    return TenseHint::Future;
                }
                // A simple present with a day of the week is a timetable:
                // "the two leaders fly to Brussels for another round on
                // Monday", "Kishida returns to Tokyo on Monday" (what took
                // place is told in the past). Saying is the report's own
                // present ("says on Monday"), and "since Monday" looks back.
                let weekday = s.tokens.iter().any(|w| {
                    w.span.overlaps(span)
                        && matches!(
                            w.text.to_lowercase().as_str(),
                            "monday"
                                | "tuesday"
                                | "wednesday"
                                | "thursday"
                                | "friday"
                                | "saturday"
                                | "sunday"
                        )
                });
                let since = s.tokens.iter().any(|w| {
                    w.span.end <= span.start
                        && w.span.end + 1 >= span.start
                        && w.lemma.eq_ignore_ascii_case("since")
                });
                let saying = matches!(
                    t.lemma.to_lowercase().as_str(),
                    "say" | "tell" | "announce" | "report" | "state" | "add" | "write" | "note"
                );
                if weekday
                    && !since
                    && !saying
                    && aux.is_empty()
                    && matches!(t.xpos.as_str(), "VBP" | "VBZ")
                {
                    return TenseHint::Future;
                }
                return TenseHint::Present;
            }
            match t.head {
                Some(h) if h != i => i = h,
                _ => break,
            }
        }
        TenseHint::Unknown
    }
}

/// The event mentions a document reports, with the built-in pipeline.
pub fn code_document(doc: &Document) -> Vec<EventMention> {
    static P: OnceLock<Option<Pipeline>> = OnceLock::new();
    let pipeline = P.get_or_init(|| match Pipeline::builtin() {
        Ok(p) => Some(p),
        Err(e) => {
            eprintln!("dyad: error: {e:#}; no events can be coded");
            None
        }
    });
    pipeline
        .as_ref()
        .map(|p| p.run(doc).mentions)
        .unwrap_or_default()
}
