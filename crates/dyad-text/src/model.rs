//! The trained model bundle: tag and label inventories, the four perceptrons
//! (sentence splitter, tagger, parser, labeler), the tag dictionary and the
//! lemma/feature tables, with its compact binary encoding.

use crate::binary::{Reader, Writer};
use crate::hash::{hash_str, mix};
use crate::keys::TokenKeys;
use crate::lemma::rule_lemma;
use crate::parser::{self, SpecialLabels};
use crate::perceptron::{KeyMap, Weights};
use crate::{tagger, ModelError};

/// Format 2 added the word clusters after the tag dictionary; format 1
/// files (no clusters) still load, with the cluster features off.
const MAGIC: &[u8; 8] = b"DYADTXT2";
const MAGIC_V1: &[u8; 8] = b"DYADTXT1";

/// First-pass score margin (in weight units) above which a token keeps its
/// first-pass tag; chosen on EWT dev (see `models/README.md`).
pub(crate) const CONFIDENT_MARGIN: f32 = 20.0;

#[derive(Debug, Clone)]
pub(crate) struct Model {
    pub upos: Vec<String>,
    pub xpos: Vec<String>,
    pub labels: Vec<String>,
    pub tag_dict: KeyMap<u64>,
    /// `hash(normalised word)` → its coarse class + 1 in the low 16 bits and
    /// its fine class + 1 in the high 16 (see `src/clusters.rs`). Empty when
    /// the model was trained without clusters: the cluster features are off.
    pub clusters: KeyMap<u32>,
    pub splitter: Weights,
    /// First tagging pass (left context and lookahead by ambiguity classes).
    pub tagger: Weights,
    /// Second pass, which also sees the first pass's tags on the right.
    pub tagger2: Weights,
    pub parser: Weights,
    pub labeler: Weights,
    /// Strings the lemma and feature tables point into.
    pub pool: Vec<String>,
    /// `mix(hash(form), tag)` → pool index, where the rules get the lemma wrong.
    pub lemma_exceptions: KeyMap<u32>,
    /// `mix(hash(lower form), tag)` → pool index, where a word's features differ from its tag's.
    pub word_feats: KeyMap<u32>,
    /// Tag id → pool index of the tag's usual features.
    pub tag_feats: Vec<u32>,
    pub special: SpecialLabels,
    /// First-pass margin above which the second tagging pass is skipped.
    pub confident: f32,
    /// Tag id → universal POS id, for the parser.
    pub coarse_of_tag: Vec<u16>,
}

/// One parsed word: its head and the id of its relation in the model's inventory.
pub(crate) struct WordAnalysis {
    pub head: Option<usize>,
    pub label: u16,
}

pub(crate) fn lemma_key(form: &str, tag: u16) -> u64 {
    mix(hash_str(form), u64::from(tag))
}

pub(crate) fn feats_key(lower: &str, tag: u16) -> u64 {
    mix(hash_str(lower), u64::from(tag) ^ 0x6665_6174)
}

fn write_map_u64(w: &mut Writer, map: &KeyMap<u64>) {
    let mut pairs: Vec<(u64, u64)> = map.iter().map(|(&k, &v)| (k, v)).collect();
    pairs.sort_unstable();
    let keys: Vec<u64> = pairs.iter().map(|p| p.0).collect();
    let values: Vec<u64> = pairs.iter().map(|p| p.1).collect();
    w.u64s(&keys);
    w.u64s(&values);
}

fn write_map_u32(w: &mut Writer, map: &KeyMap<u32>) {
    let mut pairs: Vec<(u64, u32)> = map.iter().map(|(&k, &v)| (k, v)).collect();
    pairs.sort_unstable();
    let keys: Vec<u64> = pairs.iter().map(|p| p.0).collect();
    let values: Vec<u32> = pairs.iter().map(|p| p.1).collect();
    w.u64s(&keys);
    w.u32s(&values);
}

fn read_map_u64(r: &mut Reader) -> Result<KeyMap<u64>, ModelError> {
    let keys = r.u64s()?;
    let values = r.u64s()?;
    if keys.len() != values.len() {
        return Err(ModelError::Corrupt("map lengths differ"));
    }
    Ok(keys.into_iter().zip(values).collect())
}

fn read_map_u32(r: &mut Reader) -> Result<KeyMap<u32>, ModelError> {
    let keys = r.u64s()?;
    let values = r.u32s()?;
    if keys.len() != values.len() {
        return Err(ModelError::Corrupt("map lengths differ"));
    }
    Ok(keys.into_iter().zip(values).collect())
}

impl Model {
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.buf.extend_from_slice(MAGIC);
        w.strs(&self.upos);
        w.strs(&self.xpos);
        w.strs(&self.labels);
        write_map_u64(&mut w, &self.tag_dict);
        write_map_u32(&mut w, &self.clusters);
        self.splitter.write(&mut w);
        self.tagger.write(&mut w);
        self.tagger2.write(&mut w);
        self.parser.write(&mut w);
        self.labeler.write(&mut w);
        w.strs(&self.pool);
        write_map_u32(&mut w, &self.lemma_exceptions);
        write_map_u32(&mut w, &self.word_feats);
        w.u32s(&self.tag_feats);
        w.buf
    }

    pub(crate) fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let version = match bytes.get(..8) {
            Some(m) if m == MAGIC.as_slice() => 2,
            Some(m) if m == MAGIC_V1.as_slice() => 1,
            _ => return Err(ModelError::Corrupt("not a dyad-text model (bad magic)")),
        };
        let mut r = Reader::new(bytes.get(8..).unwrap_or_default());
        let upos = r.strs()?;
        let xpos = r.strs()?;
        let labels = r.strs()?;
        let tag_dict = read_map_u64(&mut r)?;
        let clusters = if version >= 2 {
            read_map_u32(&mut r)?
        } else {
            KeyMap::default()
        };
        let splitter = Weights::read(&mut r)?;
        let tagger = Weights::read(&mut r)?;
        let tagger2 = Weights::read(&mut r)?;
        let parser = Weights::read(&mut r)?;
        let labeler = Weights::read(&mut r)?;
        let pool = r.strs()?;
        let lemma_exceptions = read_map_u32(&mut r)?;
        let word_feats = read_map_u32(&mut r)?;
        let tag_feats = r.u32s()?;
        if !r.done() {
            return Err(ModelError::Corrupt("trailing bytes"));
        }
        if upos.len() != xpos.len()
            || tagger.classes() != upos.len()
            || tagger2.classes() != upos.len()
            || labeler.classes() != labels.len()
            || tag_feats.len() != upos.len()
            || parser.classes() != parser::MOVES
            || splitter.classes() != 2
            || upos.len() > usize::from(u16::MAX)
        {
            return Err(ModelError::Corrupt("inventory sizes disagree"));
        }
        let pool_len = pool.len() as u32;
        if lemma_exceptions
            .values()
            .chain(word_feats.values())
            .chain(tag_feats.iter())
            .any(|&i| i >= pool_len)
        {
            return Err(ModelError::Corrupt("string index out of range"));
        }
        let special = special_labels(&labels);
        let coarse_of_tag = parser::coarse_map(&upos);
        Ok(Model {
            upos,
            xpos,
            labels,
            tag_dict,
            clusters,
            splitter,
            tagger,
            tagger2,
            parser,
            labeler,
            pool,
            lemma_exceptions,
            word_feats,
            tag_feats,
            special,
            confident: CONFIDENT_MARGIN,
            coarse_of_tag,
        })
    }

    /// Whether the tagger and parser use cluster features.
    pub(crate) fn uses_clusters(&self) -> bool {
        !self.clusters.is_empty()
    }

    /// Looks up each token's word classes (left at 0 for unclustered words).
    pub(crate) fn set_clusters(&self, keys: &mut [TokenKeys]) {
        set_clusters(&self.clusters, keys);
    }

    /// The tags alone (both tagging passes), for callers that parse only some
    /// sentences.
    pub(crate) fn tag_words(&self, keys: &[TokenKeys], scratch: &mut Vec<u64>) -> Vec<u16> {
        let amb = tagger::ambiguity(&self.tag_dict, keys);
        let ctx = tagger::Context {
            keys,
            amb: &amb,
            clusters: self.uses_clusters(),
        };
        let (first, margins) = tagger::tag_with_margins(&self.tagger, &ctx, scratch);
        tagger::retag(
            &self.tagger2,
            &ctx,
            &first,
            &margins,
            self.confident,
            scratch,
        )
    }

    /// Parses a tagged sentence.
    pub(crate) fn parse_tagged(
        &self,
        keys: &[TokenKeys],
        tags: Vec<u16>,
        scratch: &mut Vec<u64>,
    ) -> Vec<WordAnalysis> {
        let words = tagger::parser_words(&self.tag_dict, keys);
        let coarse: Vec<u16> = tags
            .iter()
            .map(|&t| self.coarse_of_tag.get(usize::from(t)).copied().unwrap_or(0))
            .collect();
        let input = parser::Input {
            keys,
            words: &words,
            tags: &tags,
            coarse: &coarse,
            clusters: self.uses_clusters(),
        };
        let (heads, labels) =
            parser::parse(&self.parser, &self.labeler, self.special, &input, scratch);
        heads
            .into_iter()
            .zip(labels)
            .map(|(head, label)| WordAnalysis { head, label })
            .collect()
    }

    pub(crate) fn lemma(&self, form: &str, tag: u16) -> String {
        if let Some(&i) = self.lemma_exceptions.get(&lemma_key(form, tag)) {
            return self.pool.get(i as usize).cloned().unwrap_or_default();
        }
        let upos = self.upos.get(usize::from(tag)).map_or("X", String::as_str);
        let xpos = self.xpos.get(usize::from(tag)).map_or("", String::as_str);
        // Capitalised words at a sentence start: try the lower-case entry.
        let lower = form.to_lowercase();
        if lower != form && upos != "PROPN" {
            if let Some(&i) = self.lemma_exceptions.get(&lemma_key(&lower, tag)) {
                return self.pool.get(i as usize).cloned().unwrap_or_default();
            }
        }
        rule_lemma(form, upos, xpos)
    }

    pub(crate) fn feats(&self, form: &str, tag: u16) -> &str {
        let lower = form.to_lowercase();
        let index = self
            .word_feats
            .get(&feats_key(&lower, tag))
            .copied()
            .or_else(|| self.tag_feats.get(usize::from(tag)).copied());
        index
            .and_then(|i| self.pool.get(i as usize))
            .map_or("_", String::as_str)
    }
}

/// Sets `cluster` of each token from a cluster table (see [`Model::clusters`]).
pub(crate) fn set_clusters(table: &KeyMap<u32>, keys: &mut [TokenKeys]) {
    if table.is_empty() {
        return;
    }
    for k in keys {
        if let Some(&v) = table.get(&k.norm) {
            k.cluster = [u64::from(v & 0xffff), u64::from(v >> 16)];
        }
    }
}

pub(crate) fn special_labels(labels: &[String]) -> SpecialLabels {
    let find = |name: &str| labels.iter().position(|l| l == name).map(|i| i as u16);
    SpecialLabels {
        case: find("case"),
        mark: find("mark"),
    }
}
