//! dyad's understanding stage for English news text: sentences, tokens with
//! byte spans, part-of-speech tags (UPOS and Penn XPOS), lemmas, morphological
//! features, Universal Dependencies syntax and named mentions.
//!
//! Everything runs from one model trained by [`train::train`] on UD English
//! EWT and embedded in the library (`models/en_ewt.model`), so analysis needs
//! no files and no network: [`analyze`] is all a caller needs.
//!
//! ```
//! let text = dyad_text::analyze("Japanese Foreign Minister Yoshimasa Hayashi met Blinken in Washington.");
//! assert_eq!(text.sentences.len(), 1);
//! ```

use dyad_core::{Diagnostic, Span};
use serde::Serialize;
use std::sync::OnceLock;

mod binary;
pub mod clusters;
pub mod conllu;
mod dateline;
mod feats;
mod hash;
mod keys;
mod lemma;
pub mod mentions;
mod model;
mod parser;
mod perceptron;
mod sentences;
mod tagger;
pub mod tokenize;
pub mod train;

pub use mentions::{Mention, MentionKind};
pub use tokenize::{tokenize, Gap, RawToken};

/// The model shipped with the library (see `models/README.md`).
static BUILTIN_MODEL: &[u8] = include_bytes!("../models/en_ewt.model");

/// Why a model could not be decoded or trained.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum ModelError {
    #[error("model data is truncated")]
    Truncated,
    #[error("model data is corrupt: {0}")]
    Corrupt(&'static str),
    #[error("no training sentences found")]
    NoData,
    #[error("{0} tags or relations: the model holds at most 128")]
    TooManyClasses(usize),
}

/// One analysed word.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Token {
    /// Byte span in the analysed text.
    pub span: Span,
    pub text: String,
    pub lemma: String,
    /// Universal part of speech (`NOUN`, `PROPN`, `VERB`, …).
    pub upos: String,
    /// Penn Treebank tag (`NN`, `NNP`, `VBD`, …).
    pub xpos: String,
    /// UD features, `|`-separated (`Mood=Ind|Tense=Past|VerbForm=Fin`), or `_`.
    pub feats: String,
    /// Index of the head token within the sentence; `None` for the root.
    pub head: Option<usize>,
    /// UD relation to the head (`nsubj`, `obl:tmod`, `root`, …).
    pub deprel: String,
}

impl Token {
    /// The value of one feature (`token.feat("Tense") == Some("Past")`).
    pub fn feat(&self, name: &str) -> Option<&str> {
        self.feats
            .split('|')
            .find_map(|f| f.strip_prefix(name)?.strip_prefix('='))
    }
}

/// One sentence: its span and its tokens in order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sentence {
    pub span: Span,
    pub tokens: Vec<Token>,
}

/// The analysis of one text.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct AnalyzedText {
    pub sentences: Vec<Sentence>,
    /// Named mentions of people, organisations and places, in text order.
    pub mentions: Vec<Mention>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The analyser: a decoded model. Thread-safe (`&self` only).
#[derive(Debug, Clone)]
pub struct Analyzer {
    model: model::Model,
}

impl Analyzer {
    /// Decodes a model produced by [`train::train`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        Ok(Analyzer {
            model: model::Model::from_bytes(bytes)?,
        })
    }

    /// Sets the first-pass margin above which the second tagging pass is
    /// skipped (0 re-tags everything). For tuning speed against accuracy.
    #[doc(hidden)]
    pub fn with_tagger_margin(mut self, margin: f32) -> Self {
        self.model.confident = margin;
        self
    }

    /// The embedded model, decoded once per process.
    pub fn builtin() -> Result<&'static Analyzer, ModelError> {
        static BUILTIN: OnceLock<Result<Analyzer, ModelError>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| Analyzer::from_bytes(BUILTIN_MODEL))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Splits `text` into sentences and tokens and analyses them.
    pub fn analyze(&self, text: &str) -> AnalyzedText {
        self.analyze_where(text, &|_| true)
    }

    /// Like [`Analyzer::analyze`], but parses only the sentences `wants_parse`
    /// asks for, given their tagged and lemmatised tokens. The others keep
    /// tags, lemmas and features, with every token a root (`head: None`,
    /// relation `dep`). Parsing is most of the time: a caller that reads the
    /// syntax of only some sentences (the event coder reads those with a
    /// trigger word) saves it on the rest.
    pub fn analyze_where(
        &self,
        text: &str,
        wants_parse: &dyn Fn(&[Token]) -> bool,
    ) -> AnalyzedText {
        let raw = tokenize(text);
        let mut keys: Vec<keys::TokenKeys> = raw
            .iter()
            .map(|t| keys::TokenKeys::new(t.span.slice(text).unwrap_or("")))
            .collect();
        self.model.set_clusters(&mut keys);
        let gaps: Vec<Gap> = raw.iter().map(|t| t.gap).collect();
        let mut scratch = Vec::with_capacity(160);
        let ends = sentences::split(&self.model.splitter, &keys, &gaps, &mut scratch);
        let ends = dateline::split_off(text, &raw, ends);
        let mut out = AnalyzedText {
            sentences: Vec::with_capacity(ends.len()),
            ..Default::default()
        };
        let mut start = 0;
        for end in ends {
            let (Some(toks), Some(ks)) = (raw.get(start..end), keys.get(start..end)) else {
                break;
            };
            let spans: Vec<Span> = toks.iter().map(|t| t.span).collect();
            out.sentences
                .push(self.sentence_where(text, &spans, ks, &mut scratch, wants_parse));
            start = end;
        }
        out.mentions = mentions::find(text, &out.sentences);
        out
    }

    /// Analyses pre-tokenised sentences. Spans refer to the text formed by
    /// joining each sentence's tokens with single spaces and the sentences
    /// with line breaks (returned as the second value).
    pub fn analyze_tokens(&self, sentences: &[Vec<&str>]) -> (AnalyzedText, String) {
        let mut text = String::new();
        let mut spans_by_sentence = Vec::with_capacity(sentences.len());
        for (si, s) in sentences.iter().enumerate() {
            if si > 0 {
                text.push('\n');
            }
            let mut spans = Vec::with_capacity(s.len());
            for (i, t) in s.iter().enumerate() {
                if i > 0 {
                    text.push(' ');
                }
                let start = text.len();
                text.push_str(t);
                spans.push(Span::new(start, text.len()));
            }
            spans_by_sentence.push(spans);
        }
        let mut out = AnalyzedText::default();
        let mut scratch = Vec::with_capacity(160);
        for (si, (s, spans)) in sentences.iter().zip(&spans_by_sentence).enumerate() {
            if s.is_empty() {
                out.diagnostics.push(Diagnostic::warning(format!(
                    "sentence {} has no tokens",
                    si + 1
                )));
                continue;
            }
            let mut ks: Vec<keys::TokenKeys> = s.iter().map(|t| keys::TokenKeys::new(t)).collect();
            self.model.set_clusters(&mut ks);
            out.sentences
                .push(self.sentence(&text, spans, &ks, &mut scratch));
        }
        out.mentions = mentions::find(&text, &out.sentences);
        (out, text)
    }

    fn sentence(
        &self,
        text: &str,
        spans: &[Span],
        keys: &[keys::TokenKeys],
        scratch: &mut Vec<u64>,
    ) -> Sentence {
        self.sentence_where(text, spans, keys, scratch, &|_| true)
    }

    fn sentence_where(
        &self,
        text: &str,
        spans: &[Span],
        keys: &[keys::TokenKeys],
        scratch: &mut Vec<u64>,
        wants_parse: &dyn Fn(&[Token]) -> bool,
    ) -> Sentence {
        let tags = self.model.tag_words(keys, scratch);
        let mut sentence = self.tokens_of(text, spans, &tags);
        if wants_parse(&sentence.tokens) {
            let words = self.model.parse_tagged(keys, tags, scratch);
            for (t, w) in sentence.tokens.iter_mut().zip(&words) {
                t.head = w.head;
                t.deprel = match w.head {
                    None => "root".to_string(),
                    Some(_) => self
                        .model
                        .labels
                        .get(usize::from(w.label))
                        .cloned()
                        .unwrap_or_else(|| "dep".into()),
                };
            }
        }
        // Features that depend on the syntax (auxiliaries agree with their
        // verb's subject) are settled once the heads are known.
        feats::refine(&mut sentence.tokens);
        sentence
    }

    /// Tagged tokens with lemmas and features, not yet parsed: every token a
    /// root with the relation `dep`.
    fn tokens_of(&self, text: &str, spans: &[Span], tags: &[u16]) -> Sentence {
        let m = &self.model;
        let tokens: Vec<Token> = spans
            .iter()
            .zip(tags)
            .map(|(&span, &tag)| {
                let form = span.slice(text).unwrap_or("");
                let t = usize::from(tag);
                Token {
                    span,
                    text: form.to_string(),
                    lemma: m.lemma(form, tag),
                    upos: m.upos.get(t).cloned().unwrap_or_else(|| "X".into()),
                    xpos: m.xpos.get(t).cloned().unwrap_or_else(|| "_".into()),
                    feats: m.feats(form, tag).to_string(),
                    head: None,
                    deprel: "dep".to_string(),
                }
            })
            .collect();
        let span = match (spans.first(), spans.last()) {
            (Some(a), Some(b)) => Span::new(a.start, b.end),
            _ => Span::default(),
        };
        Sentence { span, tokens }
    }
}

/// Analyses `text` with the embedded model. If the embedded model cannot be
/// decoded (a broken build), the text is still split into sentences of
/// tokens, untagged, and a diagnostic says why.
pub fn analyze(text: &str) -> AnalyzedText {
    match Analyzer::builtin() {
        Ok(a) => a.analyze(text),
        Err(e) => fallback(text, &e),
    }
}

/// Analyses a read document's body ([`Document::text`]; spans point into it).
/// Paragraph breaks (blank lines) always end a sentence.
///
/// [`Document::text`]: dyad_core::Document::text
pub fn analyze_document(document: &dyad_core::Document) -> AnalyzedText {
    analyze(&document.text)
}

/// [`Analyzer::analyze_tokens`] with the embedded model.
pub fn analyze_tokens(sentences: &[Vec<&str>]) -> (AnalyzedText, String) {
    match Analyzer::builtin() {
        Ok(a) => a.analyze_tokens(sentences),
        Err(e) => {
            let text = sentences
                .iter()
                .map(|s| s.join(" "))
                .collect::<Vec<_>>()
                .join("\n");
            (fallback(&text, &e), text)
        }
    }
}

fn fallback(text: &str, error: &ModelError) -> AnalyzedText {
    let tokens: Vec<Token> = tokenize(text)
        .into_iter()
        .map(|t| {
            let form = t.span.slice(text).unwrap_or("").to_string();
            Token {
                span: t.span,
                lemma: form.clone(),
                text: form,
                upos: "X".into(),
                xpos: "_".into(),
                feats: "_".into(),
                head: None,
                deprel: "dep".into(),
            }
        })
        .collect();
    let span = match (tokens.first(), tokens.last()) {
        (Some(a), Some(b)) => Span::new(a.span.start, b.span.end),
        _ => Span::default(),
    };
    AnalyzedText {
        sentences: if tokens.is_empty() {
            Vec::new()
        } else {
            vec![Sentence { span, tokens }]
        },
        mentions: Vec::new(),
        diagnostics: vec![Diagnostic::error(format!(
            "the embedded analysis model is unusable: {error}"
        ))],
    }
}
