//! Part-of-speech tagging: a greedy left-to-right averaged perceptron over
//! combined `UPOS + XPOS` classes. Right context enters through the next
//! words' forms and their ambiguity classes (the set of tags a frequent word
//! took in training), which approximates a lookahead without a second pass.

use crate::hash::{f1, f2, f3, mix};
use crate::keys::TokenKeys;
use crate::perceptron::KeyMap;
use crate::perceptron::{best, Trainer, Weights};

const START: u64 = 0x0053_5441_5254;
const END: u64 = 0x0045_4e44;

/// The dictionary value of a word seen in training but too rarely for an
/// ambiguity class; words seen once are not in the dictionary at all.
pub(crate) const RARE: u64 = 1;

/// Tag context for the features: ambiguity class of each token (0 when the
/// word is rare or unknown).
pub(crate) fn ambiguity(dict: &KeyMap<u64>, keys: &[TokenKeys]) -> Vec<u64> {
    keys.iter()
        .map(|k| {
            dict.get(&k.norm)
                .copied()
                .filter(|&v| v != RARE)
                .unwrap_or(0)
        })
        .collect()
}

/// The word the parser sees: the form when training saw it at least twice,
/// otherwise its shape and ending, so rare and unknown words share weights.
pub(crate) fn parser_words(dict: &KeyMap<u64>, keys: &[TokenKeys]) -> Vec<u64> {
    keys.iter()
        .map(|k| {
            if dict.contains_key(&k.norm) {
                k.norm
            } else {
                crate::hash::mix(k.shape, k.suffixes[1])
            }
        })
        .collect()
}

/// What the tagger sees of a sentence besides the tags it predicts.
pub(crate) struct Context<'a> {
    pub keys: &'a [TokenKeys],
    /// Ambiguity classes ([`ambiguity`]).
    pub amb: &'a [u64],
    /// Whether the model has word clusters (their features are left out of
    /// models trained without them).
    pub clusters: bool,
}

/// The features of token `i` given the two previous predicted tags and, in
/// the second pass, the first pass's tags for the whole sentence.
pub(crate) fn features(
    ctx: &Context,
    right: Option<&[u16]>,
    i: usize,
    p1: u64,
    p2: u64,
    out: &mut Vec<u64>,
) {
    out.clear();
    let (keys, amb) = (ctx.keys, ctx.amb);
    let get = |j: isize| -> Option<&TokenKeys> {
        if j < 0 {
            None
        } else {
            keys.get(j as usize)
        }
    };
    let ii = i as isize;
    let Some(w) = get(ii) else { return };
    let norm = |j: isize| get(j).map_or(if j < 0 { START } else { END }, |k| k.norm);
    let suf3 = |j: isize| get(j).map_or(if j < 0 { START } else { END }, |k| k.suffixes[2]);
    let shape = |j: isize| get(j).map_or(if j < 0 { START } else { END }, |k| k.shape);
    let ambc = |j: isize| -> u64 {
        if j < 0 {
            START
        } else {
            amb.get(j as usize).copied().unwrap_or(END)
        }
    };
    out.push(f1(1, 0));
    out.push(f1(2, w.norm));
    out.push(f1(3, w.exact));
    out.push(f1(4, w.shape));
    for (k, &s) in w.suffixes.iter().enumerate() {
        if s != 0 {
            out.push(f1(10 + k as u64, s));
        }
    }
    for (k, &p) in w.prefixes.iter().enumerate() {
        if p != 0 {
            out.push(f1(20 + k as u64, p));
        }
    }
    out.push(f1(5, w.flags));
    out.push(f1(30, norm(ii - 1)));
    out.push(f1(31, norm(ii - 2)));
    out.push(f1(32, norm(ii + 1)));
    out.push(f1(33, norm(ii + 2)));
    out.push(f1(34, suf3(ii - 1)));
    out.push(f1(35, suf3(ii + 1)));
    out.push(f1(36, shape(ii - 1)));
    out.push(f1(37, shape(ii + 1)));
    let a0 = ambc(ii);
    let a1 = ambc(ii + 1);
    out.push(f1(40, a0));
    out.push(f1(41, a1));
    out.push(f1(42, ambc(ii + 2)));
    out.push(f2(43, a0, a1));
    out.push(f1(50, p1));
    out.push(f1(51, p2));
    out.push(f2(52, p1, p2));
    out.push(f2(53, p1, w.norm));
    out.push(f2(54, p1, w.suffixes[2]));
    out.push(f2(55, p1, a1));
    out.push(f2(56, w.norm, norm(ii + 1)));
    out.push(f2(57, norm(ii - 1), w.norm));
    out.push(f3(58, p1, a0, a1));
    out.push(f2(59, p1, w.shape));
    if i == 0 {
        out.push(f2(60, w.shape, w.norm));
    }
    out.push(f2(61, w.suffixes[1], norm(ii + 1)));
    out.push(f2(62, a0, norm(ii + 1)));
    // Capitalisation against the word's usual tags: "Bank" mid-sentence vs "bank".
    out.push(f3(63, a0, w.flags & 3, u64::from(i == 0)));
    if ctx.clusters {
        // Word classes stand in for words too rare in the treebank to have
        // weights of their own, here and in the neighbours.
        let cl =
            |j: isize, g: usize| get(j).map_or(if j < 0 { START } else { END }, |k| k.cluster[g]);
        // Few of them: each tagger feature adds a row of 100 tag weights;
        // twice as many (with twice as many in the parser) cost 15% of the
        // analyser's speed for no more accuracy.
        out.push(f1(80, w.cluster[0]));
        out.push(f1(81, w.cluster[1]));
        out.push(f1(82, cl(ii - 1, 1)));
        out.push(f1(83, cl(ii + 1, 1)));
    }
    if let Some(first) = right {
        let r = |j: usize| first.get(j).map_or(END, |&t| u64::from(t) + 1);
        let (r1, r2) = (r(i + 1), r(i + 2));
        let r0 = r(i);
        out.push(f1(70, r1));
        out.push(f2(71, r1, r2));
        out.push(f2(72, r1, w.norm));
        out.push(f2(73, p1, r1));
        out.push(f2(74, r1, w.suffixes[2]));
        out.push(f1(75, r0));
        out.push(f2(76, r0, w.norm));
        out.push(f3(77, p1, r0, r1));
    }
}

/// Tag ids for a sentence: one pass, with `right` the first pass's tags when
/// this is the second.
pub(crate) fn tag(
    weights: &Weights,
    ctx: &Context,
    right: Option<&[u16]>,
    scratch: &mut Vec<u64>,
) -> Vec<u16> {
    let keys = ctx.keys;
    let mut tags = Vec::with_capacity(keys.len());
    let mut scores = vec![0f32; weights.classes()];
    let (mut p1, mut p2) = (START, START);
    for i in 0..keys.len() {
        features(ctx, right, i, p1, p2, scratch);
        weights.score(scratch, &mut scores);
        let t = best(&scores, |_| true).unwrap_or(0) as u16;
        tags.push(t);
        p2 = p1;
        p1 = mix(u64::from(t), 0x0074_6167);
    }
    tags
}

/// The first pass: tags and, for each, the margin of its score over the
/// runner-up (how sure the tagger is).
pub(crate) fn tag_with_margins(
    weights: &Weights,
    ctx: &Context,
    scratch: &mut Vec<u64>,
) -> (Vec<u16>, Vec<f32>) {
    let keys = ctx.keys;
    let mut tags = Vec::with_capacity(keys.len());
    let mut margins = Vec::with_capacity(keys.len());
    let mut scores = vec![0f32; weights.classes()];
    let (mut p1, mut p2) = (START, START);
    for i in 0..keys.len() {
        features(ctx, None, i, p1, p2, scratch);
        weights.score(scratch, &mut scores);
        let (mut first, mut second) = ((0usize, f32::MIN), f32::MIN);
        for (c, &v) in scores.iter().enumerate() {
            if v > first.1 {
                second = first.1;
                first = (c, v);
            } else if v > second {
                second = v;
            }
        }
        let t = first.0 as u16;
        tags.push(t);
        margins.push(first.1 - second);
        p2 = p1;
        p1 = mix(u64::from(t), 0x0074_6167);
    }
    (tags, margins)
}

/// The second pass, re-scoring only the tokens the first pass was unsure of
/// (margin below `confident`, or a neighbour that changed): most tokens are
/// settled by the first pass, and re-scoring them changes almost nothing.
pub(crate) fn retag(
    weights: &Weights,
    ctx: &Context,
    first: &[u16],
    margins: &[f32],
    confident: f32,
    scratch: &mut Vec<u64>,
) -> Vec<u16> {
    let mut tags = Vec::with_capacity(ctx.keys.len());
    let mut scores = vec![0f32; weights.classes()];
    let (mut p1, mut p2) = (START, START);
    let mut changed = false;
    for i in 0..ctx.keys.len() {
        let sure = margins.get(i).is_some_and(|&m| m >= confident);
        let t = match first.get(i) {
            Some(&f) if sure && !changed => f,
            _ => {
                features(ctx, Some(first), i, p1, p2, scratch);
                weights.score(scratch, &mut scores);
                best(&scores, |_| true).unwrap_or(0) as u16
            }
        };
        changed = first.get(i) != Some(&t);
        tags.push(t);
        p2 = p1;
        p1 = mix(u64::from(t), 0x0074_6167);
    }
    tags
}

/// A training sentence: token keys, ambiguity classes, gold tags.
pub(crate) type TagSentence = (Vec<TokenKeys>, Vec<u64>, Vec<u16>);

/// One training pass over `sentences` in the given order; `right` holds
/// first-pass tags when training the second pass. Returns the number of
/// correctly predicted tags.
pub(crate) fn train_epoch(
    trainer: &mut Trainer,
    sentences: &[TagSentence],
    right: Option<&[Vec<u16>]>,
    order: &[usize],
    clusters: bool,
) -> usize {
    let mut correct = 0;
    let mut scratch = Vec::with_capacity(64);
    let mut scores = vec![0f32; trainer.classes()];
    for &s in order {
        let Some((keys, amb, gold)) = sentences.get(s) else {
            continue;
        };
        let first = right.and_then(|r| r.get(s)).map(Vec::as_slice);
        let ctx = Context {
            keys,
            amb,
            clusters,
        };
        let (mut p1, mut p2) = (START, START);
        for (i, &g) in gold.iter().enumerate() {
            features(&ctx, first, i, p1, p2, &mut scratch);
            trainer.score(&scratch, &mut scores);
            let guess = best(&scores, |_| true).unwrap_or(0);
            trainer.tick();
            trainer.update(&scratch, usize::from(g), guess);
            if guess == usize::from(g) {
                correct += 1;
            }
            // Condition on the guess, as at run time.
            p2 = p1;
            p1 = mix(guess as u64, 0x0074_6167);
        }
    }
    correct
}
