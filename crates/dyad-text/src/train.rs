//! Training every model from UD CoNLL-U text. Deterministic: the same data,
//! options and seed give a byte-identical model.

use crate::clusters::Clusters;
use crate::conllu::{self, ConlluLine, ConlluSentence};
use crate::hash::{hash_str, mix, Rng};
use crate::keys::{normalize, TokenKeys};
use crate::lemma::rule_lemma;
use crate::model::{feats_key, lemma_key, set_clusters, special_labels, Model};
use crate::parser::{self, GoldSentence};
use crate::perceptron::{KeyMap, Trainer, MAX_CLASSES};
use crate::sentences::{self, Run};
use crate::tagger::RARE;
use crate::tokenize::Gap;
use crate::{tagger, ModelError};
use std::collections::{BTreeMap, HashMap};

/// How to train.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    pub splitter_epochs: usize,
    /// Folds for jackknifed tags (the parser trains on predicted tags); 1 = no jackknifing.
    pub folds: usize,
    pub seed: u64,
    /// Averaged weights smaller than this are dropped from the model.
    pub prune: f32,
    /// Features updated fewer times than this during training are dropped
    /// (taggers, labeler, splitter).
    pub min_updates: u32,
    /// The same for the parser, whose table is the largest and the hottest.
    pub parser_min_updates: u32,
    /// Word clusters learned from unlabeled text ([`crate::clusters::learn`]);
    /// `None` trains a model without cluster features.
    pub clusters: Option<Clusters>,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            tagger_epochs: 10,
            parser_epochs: 15,
            splitter_epochs: 8,
            folds: 5,
            seed: 20_240_601,
            prune: 0.02,
            min_updates: 2,
            parser_min_updates: 3,
            clusters: None,
        }
    }
}

/// Per-word gold data extracted from CoNLL-U.
pub(crate) struct GoldWord {
    pub form: String,
    pub tag: u16,
    pub head: u32,
    pub label: u16,
}

fn tag_name(upos: &str, xpos: &str) -> String {
    format!("{upos}\t{xpos}")
}

/// Most frequent value in a count table, ties broken by name (deterministic).
fn most_frequent(counts: &BTreeMap<String, u32>) -> Option<&String> {
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(k, _)| k)
}

fn inventory(counts: &HashMap<String, u32>) -> Vec<String> {
    let mut v: Vec<(&String, &u32)> = counts.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    v.into_iter().map(|(k, _)| k.clone()).collect()
}

/// Tags every training sentence with a tagger trained on the other folds.
pub(crate) fn jackknife(
    data: &[tagger::TagSentence],
    right: Option<&[Vec<u16>]>,
    classes: usize,
    options: &TrainOptions,
    rng: &mut Rng,
    what: &str,
    progress: &mut dyn FnMut(&str),
) -> Vec<Vec<u16>> {
    let mut predicted: Vec<Vec<u16>> = data.iter().map(|t| t.2.clone()).collect();
    if options.folds < 2 {
        return predicted;
    }
    let clusters = with_clusters(options);
    let mut scratch = Vec::new();
    for fold in 0..options.folds {
        let mut trainer = Trainer::new(classes);
        let train_idx: Vec<usize> = (0..data.len())
            .filter(|i| i % options.folds != fold)
            .collect();
        for _ in 0..options.tagger_epochs {
            let mut o = train_idx.clone();
            rng.shuffle(&mut o);
            tagger::train_epoch(&mut trainer, data, right, &o, clusters);
        }
        let weights = trainer.finish(options.prune, options.min_updates);
        let (mut good, mut total) = (0, 0);
        for i in (0..data.len()).filter(|i| i % options.folds == fold) {
            let (k, amb, g) = &data[i];
            let first = right.and_then(|r| r.get(i)).map(Vec::as_slice);
            let ctx = tagger::Context {
                keys: k,
                amb,
                clusters,
            };
            let p = tagger::tag(&weights, &ctx, first, &mut scratch);
            good += p.iter().zip(g).filter(|(a, b)| a == b).count();
            total += g.len();
            predicted[i] = p;
        }
        progress(&format!(
            "jackknife {what} fold {}: {:.4}",
            fold + 1,
            good as f64 / total.max(1) as f64
        ));
    }
    predicted
}

fn order(n: usize, rng: &mut Rng) -> Vec<usize> {
    let mut o: Vec<usize> = (0..n).collect();
    rng.shuffle(&mut o);
    o
}

/// Trains the full model from a UD training file. `progress` receives one line
/// per step (epoch accuracies), for the caller to show or drop.
pub fn train(
    train_conllu: &str,
    options: &TrainOptions,
    progress: &mut dyn FnMut(&str),
) -> Result<Vec<u8>, ModelError> {
    let cluster_map = options
        .clusters
        .as_ref()
        .map(cluster_table)
        .unwrap_or_default();
    let Prepared {
        sentences,
        tags,
        labels,
        tag_id,
        gold,
        tag_dict,
        keys,
        tag_data,
        ..
    } = prepare(train_conllu, &cluster_map, progress)?;
    let use_clusters = with_clusters(options);
    let mut rng = Rng::new(options.seed);

    // Jackknifed tags: first-pass tags for training the second pass, and
    // second-pass tags for training the parser, each predicted by a model that
    // never saw the sentence.
    let first_pass = jackknife(
        &tag_data,
        None,
        tags.len(),
        options,
        &mut rng,
        "first pass",
        progress,
    );
    let predicted = jackknife(
        &tag_data,
        Some(&first_pass),
        tags.len(),
        options,
        &mut rng,
        "second pass",
        progress,
    );

    // The taggers on all of the data.
    let total: usize = tag_data.iter().map(|t| t.2.len()).sum();
    let mut tag_trainer = Trainer::new(tags.len());
    let mut tag_trainer2 = Trainer::new(tags.len());
    for epoch in 0..options.tagger_epochs {
        let o = order(tag_data.len(), &mut rng);
        let c1 = tagger::train_epoch(&mut tag_trainer, &tag_data, None, &o, use_clusters);
        let c2 = tagger::train_epoch(
            &mut tag_trainer2,
            &tag_data,
            Some(&first_pass),
            &o,
            use_clusters,
        );
        progress(&format!(
            "tagger epoch {}: {:.4} / second pass {:.4}",
            epoch + 1,
            c1 as f64 / total.max(1) as f64,
            c2 as f64 / total.max(1) as f64
        ));
    }
    let tagger_weights = tag_trainer.finish(options.prune, options.min_updates);
    let tagger2_weights = tag_trainer2.finish(options.prune, options.min_updates);

    // Sentence splitter, on documents rebuilt from the sentence blocks.
    let runs = splitter_runs(&sentences);
    let mut split_trainer = Trainer::new(2);
    for epoch in 0..options.splitter_epochs {
        let o = order(runs.len(), &mut rng);
        let (c, t) = sentences::train_epoch(&mut split_trainer, &runs, &o);
        progress(&format!(
            "splitter epoch {}: {:.4}",
            epoch + 1,
            c as f64 / t.max(1) as f64
        ));
    }
    let splitter_weights = split_trainer.finish(options.prune, 1);

    // Lemma and feature tables.
    let upos: Vec<String> = tags
        .iter()
        .map(|t| t.split('\t').next().unwrap_or("").to_string())
        .collect();
    let xpos: Vec<String> = tags
        .iter()
        .map(|t| t.split('\t').nth(1).unwrap_or("").to_string())
        .collect();
    let mut pool: Vec<String> = Vec::new();
    let mut pool_index: HashMap<String, u32> = HashMap::new();
    let mut intern = |s: &str, pool: &mut Vec<String>| -> u32 {
        if let Some(&i) = pool_index.get(s) {
            return i;
        }
        let i = pool.len() as u32;
        pool.push(s.to_string());
        pool_index.insert(s.to_string(), i);
        i
    };
    let mut lemma_counts: BTreeMap<(String, u16), BTreeMap<String, u32>> = BTreeMap::new();
    let mut feats_counts: BTreeMap<(String, u16), BTreeMap<String, u32>> = BTreeMap::new();
    let mut tag_feat_counts: BTreeMap<u16, BTreeMap<String, u32>> = BTreeMap::new();
    for s in &sentences {
        for w in s.words() {
            let t = tag_id
                .get(tag_name(&w.upos, &w.xpos).as_str())
                .copied()
                .unwrap_or(0);
            *lemma_counts
                .entry((w.form.clone(), t))
                .or_default()
                .entry(w.lemma.clone())
                .or_default() += 1;
            *feats_counts
                .entry((w.form.to_lowercase(), t))
                .or_default()
                .entry(w.feats.clone())
                .or_default() += 1;
            *tag_feat_counts
                .entry(t)
                .or_default()
                .entry(w.feats.clone())
                .or_default() += 1;
        }
    }
    let mut lemma_exceptions: KeyMap<u32> = KeyMap::default();
    for ((form, t), counts) in &lemma_counts {
        let Some(lemma) = most_frequent(counts) else {
            continue;
        };
        let u = upos.get(usize::from(*t)).map_or("", String::as_str);
        let x = xpos.get(usize::from(*t)).map_or("", String::as_str);
        if &rule_lemma(form, u, x) != lemma {
            let i = intern(lemma, &mut pool);
            lemma_exceptions.insert(lemma_key(form, *t), i);
        }
    }
    let tag_feats: Vec<u32> = (0..tags.len() as u16)
        .map(|t| {
            let f = tag_feat_counts
                .get(&t)
                .and_then(most_frequent)
                .map_or("_", String::as_str);
            intern(f, &mut pool)
        })
        .collect();
    let mut word_feats: KeyMap<u32> = KeyMap::default();
    for ((lower, t), counts) in &feats_counts {
        let Some(f) = most_frequent(counts) else {
            continue;
        };
        let default = tag_feats
            .get(usize::from(*t))
            .and_then(|&i| pool.get(i as usize))
            .map_or("_", String::as_str);
        if f != default {
            let i = intern(f, &mut pool);
            word_feats.insert(feats_key(lower, *t), i);
        }
    }
    progress(&format!(
        "{} lemma exceptions, {} word feature entries",
        lemma_exceptions.len(),
        word_feats.len()
    ));

    // Parser and labeler, on jackknifed tags.
    let coarse_of_tag = parser::coarse_map(&upos);
    let parse_data: Vec<GoldSentence> = gold
        .iter()
        .zip(keys)
        .zip(predicted)
        .map(|((s, k), p)| GoldSentence {
            words: tagger::parser_words(&tag_dict, &k),
            keys: k,
            coarse: p
                .iter()
                .map(|&t| coarse_of_tag.get(usize::from(t)).copied().unwrap_or(0))
                .collect(),
            tags: p,
            heads: s.iter().map(|w| w.head).collect(),
            labels: s.iter().map(|w| w.label).collect(),
        })
        .collect();

    let special = special_labels(&labels);
    let mut parse_trainer = Trainer::new(parser::MOVES);
    let mut label_trainer = Trainer::new(labels.len());
    for epoch in 0..options.parser_epochs {
        let o = order(parse_data.len(), &mut rng);
        let stats = parser::train_epoch(
            (&mut parse_trainer, &mut label_trainer),
            special,
            &parse_data,
            &o,
            parser::EpochMode {
                explore: epoch > 0,
                gold_labels: epoch == 0,
                clusters: use_clusters,
            },
            &mut rng,
        );
        progress(&format!(
            "parser epoch {}: arcs {} head {:.4} label {:.4}",
            epoch + 1,
            stats.arcs,
            stats.correct_heads as f64 / stats.arcs.max(1) as f64,
            stats.correct_labels as f64 / stats.correct_heads.max(1) as f64
        ));
    }
    let model = Model {
        upos,
        xpos,
        labels,
        tag_dict,
        clusters: cluster_map,
        splitter: splitter_weights,
        tagger: tagger_weights,
        tagger2: tagger2_weights,
        parser: parse_trainer.finish(options.prune, options.parser_min_updates),
        labeler: label_trainer.finish(options.prune, options.min_updates),
        pool,
        lemma_exceptions,
        word_feats,
        tag_feats,
        special,
        confident: crate::model::CONFIDENT_MARGIN,
        coarse_of_tag,
    };
    progress(&format!(
        "features (bytes): splitter {} ({}), tagger {} ({}), parser {} ({}), labeler {} ({})",
        model.splitter.len(),
        model.splitter.bytes(),
        model.tagger.len(),
        model.tagger.bytes(),
        model.parser.len(),
        model.parser.bytes(),
        model.labeler.len(),
        model.labeler.bytes()
    ));
    Ok(model.to_bytes())
}

/// What every model is trained from: inventories, gold words, the tag
/// dictionary and per-token keys.
pub(crate) struct Prepared {
    pub sentences: Vec<ConlluSentence>,
    pub tags: Vec<String>,
    pub labels: Vec<String>,
    pub tag_id: HashMap<String, u16>,
    pub gold: Vec<Vec<GoldWord>>,
    pub tag_dict: KeyMap<u64>,
    pub keys: Vec<Vec<TokenKeys>>,
    pub tag_data: Vec<tagger::TagSentence>,
}

/// Whether the model gets cluster features: exactly when its cluster table
/// ([`cluster_table`]) has entries, which is what the analyser checks.
fn with_clusters(options: &TrainOptions) -> bool {
    options
        .clusters
        .as_ref()
        .is_some_and(|c| c.words.iter().any(|w| !w.2.is_empty()))
}

/// The model's cluster table: `hash(normalised word)` → coarse class + 1 and
/// fine class + 1 in 16 bits each (the first and the last clustering).
fn cluster_table(clusters: &Clusters) -> KeyMap<u32> {
    let mut table = KeyMap::default();
    for (word, _, ids) in &clusters.words {
        let (Some(&coarse), Some(&fine)) = (ids.first(), ids.last()) else {
            continue;
        };
        let packed = u32::from(coarse.saturating_add(1)) | u32::from(fine.saturating_add(1)) << 16;
        table.insert(hash_str(&normalize(word)), packed);
    }
    table
}

pub(crate) fn prepare(
    train_conllu: &str,
    clusters: &KeyMap<u32>,
    progress: &mut dyn FnMut(&str),
) -> Result<Prepared, ModelError> {
    let (sentences, _diagnostics) = conllu::parse(train_conllu);
    if sentences.is_empty() {
        return Err(ModelError::NoData);
    }
    // Inventories.
    let mut tag_counts: HashMap<String, u32> = HashMap::new();
    let mut label_counts: HashMap<String, u32> = HashMap::new();
    for s in &sentences {
        for w in s.words() {
            *tag_counts.entry(tag_name(&w.upos, &w.xpos)).or_default() += 1;
            *label_counts.entry(w.deprel.clone()).or_default() += 1;
        }
    }
    let tags = inventory(&tag_counts);
    let labels = inventory(&label_counts);
    if tags.len() > MAX_CLASSES || labels.len() > MAX_CLASSES {
        return Err(ModelError::TooManyClasses(tags.len().max(labels.len())));
    }
    let tag_id: HashMap<String, u16> = tags
        .iter()
        .enumerate()
        .map(|(i, t)| (t.clone(), i as u16))
        .collect();
    let label_id: HashMap<String, u16> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.clone(), i as u16))
        .collect();
    progress(&format!(
        "{} sentences, {} tags, {} labels",
        sentences.len(),
        tags.len(),
        labels.len()
    ));

    let gold: Vec<Vec<GoldWord>> = sentences
        .iter()
        .map(|s| {
            let n = s.words().count() as u32;
            s.words()
                .map(|w| GoldWord {
                    form: w.form.clone(),
                    tag: tag_id
                        .get(tag_name(&w.upos, &w.xpos).as_str())
                        .copied()
                        .unwrap_or(0),
                    head: if w.head == 0 { n } else { w.head as u32 - 1 },
                    label: label_id.get(w.deprel.as_str()).copied().unwrap_or(0),
                })
                .collect()
        })
        .collect();

    // Tag dictionary: ambiguity classes of frequent words.
    let mut word_tags: HashMap<String, BTreeMap<u16, u32>> = HashMap::new();
    for s in &gold {
        for w in s {
            *word_tags
                .entry(normalize(&w.form))
                .or_default()
                .entry(w.tag)
                .or_default() += 1;
        }
    }
    let mut tag_dict: KeyMap<u64> = KeyMap::default();
    for (word, counts) in &word_tags {
        let total: u32 = counts.values().sum();
        if total < 2 {
            continue;
        }
        if total < 5 {
            // Known to the parser's vocabulary, too rare for an ambiguity class.
            tag_dict.insert(hash_str(word), RARE);
            continue;
        }
        let mut amb: u64 = 0x0061_6d62;
        for (&t, &c) in counts {
            if c * 20 >= total {
                amb = mix(amb, u64::from(t) + 1);
            }
        }
        tag_dict.insert(hash_str(word), amb);
    }

    let keys: Vec<Vec<TokenKeys>> = gold
        .iter()
        .map(|s| {
            let mut k: Vec<TokenKeys> = s.iter().map(|w| TokenKeys::new(&w.form)).collect();
            set_clusters(clusters, &mut k);
            k
        })
        .collect();
    let tag_data: Vec<tagger::TagSentence> = keys
        .iter()
        .zip(&gold)
        .map(|(k, s)| {
            (
                k.clone(),
                tagger::ambiguity(&tag_dict, k),
                s.iter().map(|w| w.tag).collect(),
            )
        })
        .collect();

    Ok(Prepared {
        sentences,
        tags,
        labels,
        tag_id,
        gold,
        tag_dict,
        keys,
        tag_data,
    })
}

/// Rebuilds running text from sentence blocks: one run per document, words
/// separated as `SpaceAfter` says, paragraphs (`# newpar`) as blank lines.
fn splitter_runs(sentences: &[ConlluSentence]) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut current = Run {
        keys: Vec::new(),
        gaps: Vec::new(),
        ends: Vec::new(),
    };
    let mut next_gap = Gap::Paragraph;
    for s in sentences {
        if s.has_comment("newdoc") && !current.keys.is_empty() {
            runs.push(std::mem::replace(
                &mut current,
                Run {
                    keys: Vec::new(),
                    gaps: Vec::new(),
                    ends: Vec::new(),
                },
            ));
            next_gap = Gap::Paragraph;
        }
        if s.has_comment("newpar") {
            next_gap = Gap::Paragraph;
        }
        // Words inside a multiword token are glued to each other.
        let mut glued_until = 0usize;
        let mut range_space: HashMap<usize, bool> = HashMap::new();
        for line in &s.lines {
            if let ConlluLine::Range { last, misc, .. } = line {
                range_space.insert(*last, !misc.split('|').any(|m| m == "SpaceAfter=No"));
            }
        }
        let count = s.words().count();
        for line in &s.lines {
            match line {
                ConlluLine::Range { last, .. } => glued_until = *last,
                ConlluLine::Word(w) => {
                    current.keys.push(TokenKeys::new(&w.form));
                    current.gaps.push(next_gap);
                    current.ends.push(w.id == count);
                    let space = if w.id < glued_until {
                        false
                    } else if let Some(&sp) = range_space.get(&w.id) {
                        sp
                    } else {
                        w.space_after()
                    };
                    next_gap = if space { Gap::Space } else { Gap::None };
                }
                ConlluLine::Empty(_) => {}
            }
        }
    }
    if !current.keys.is_empty() {
        runs.push(current);
    }
    runs
}

/// Attachment and tagging accuracy of `system` against `gold` (same words),
/// with the CoNLL 2018 definitions: LAS compares the universal part of the
/// relation (before `:`); a sentence whose word count differs counts wrong.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Score {
    pub words: usize,
    pub upos: f64,
    pub uas: f64,
    pub las: f64,
}

pub fn score(gold: &[ConlluSentence], system: &[ConlluSentence]) -> Score {
    let (mut n, mut upos, mut uas, mut las) = (0usize, 0usize, 0usize, 0usize);
    for (i, g) in gold.iter().enumerate() {
        let gw: Vec<_> = g.words().collect();
        n += gw.len();
        let Some(s) = system.get(i) else { continue };
        let sw: Vec<_> = s.words().collect();
        if sw.len() != gw.len() {
            continue;
        }
        for (a, b) in gw.iter().zip(&sw) {
            upos += usize::from(a.upos == b.upos);
            let head = a.head == b.head;
            uas += usize::from(head);
            let ua = a.deprel.split(':').next();
            let ub = b.deprel.split(':').next();
            las += usize::from(head && ua == ub);
        }
    }
    let d = n.max(1) as f64;
    Score {
        words: n,
        upos: upos as f64 / d,
        uas: uas as f64 / d,
        las: las as f64 / d,
    }
}
