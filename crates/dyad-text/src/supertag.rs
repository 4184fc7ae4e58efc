//! Supertagging: before parsing, each word is tagged with the relation it
//! will most likely carry and the side its head lies on (`nsubj` with the head
//! to the right, `obj` with the head to the left, the root). A greedy parser
//! decides from a few words of lookahead; the supertags bring in what a
//! sequence model sees over the whole window at the cost of one more tagging
//! pass, and they give the labeler a strong first guess.

use crate::hash::{f1, f2, f3, mix};
use crate::keys::TokenKeys;
use crate::perceptron::{best, Trainer, Weights};

const START: u64 = 0x0053_5354_4152;
const END: u64 = 0x0053_454e_44;

/// The supertag name of a word: its relation and where its head is.
pub(crate) fn name(label: &str, dependent: usize, head: Option<usize>) -> String {
    match head {
        None => "root".to_string(),
        Some(h) if h < dependent => format!("{label}<"),
        Some(_) => format!("{label}>"),
    }
}

/// What the supertagger reads for one sentence.
pub(crate) struct Input<'a> {
    pub keys: &'a [TokenKeys],
    /// Parser word hashes (rare words folded to shape and ending).
    pub words: &'a [u64],
    /// Predicted tags (the tagger's).
    pub tags: &'a [u16],
}

fn features(input: &Input, i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    out.clear();
    let ii = i as isize;
    let tag = |j: isize| -> u64 {
        if j < 0 {
            START
        } else {
            input
                .tags
                .get(j as usize)
                .map_or(END, |&t| u64::from(t) + 1)
        }
    };
    let word = |j: isize| -> u64 {
        if j < 0 {
            START
        } else {
            input.words.get(j as usize).copied().unwrap_or(END)
        }
    };
    let (w0, t0) = (word(ii), tag(ii));
    let (tm1, tm2, t1, t2, t3) = (tag(ii - 1), tag(ii - 2), tag(ii + 1), tag(ii + 2), tag(ii + 3));
    let suffix = input.keys.get(i).map_or(0, |k| k.suffixes[2]);
    out.extend_from_slice(&[
        f1(1, 0),
        f1(2, w0),
        f1(3, t0),
        f2(4, w0, t0),
        f2(5, suffix, t0),
        f2(6, t0, tm1),
        f2(7, t0, t1),
        f3(8, tm1, t0, t1),
        f3(9, tm2, tm1, t0),
        f3(10, t0, t1, t2),
        f3(11, t0, t1, t3),
        f2(12, w0, tm1),
        f2(13, w0, t1),
        f2(14, t0, word(ii - 1)),
        f2(15, t0, word(ii + 1)),
        f2(16, t0, p1),
        f3(17, t0, p1, p2),
        f3(18, w0, t0, p1),
        f3(19, p1, t0, t1),
        f2(20, t0, u64::from(i == 0)),
        f2(21, t0, u64::from(i + 1 == input.tags.len())),
        f3(22, t0, word(ii + 1), t1),
        f3(23, tm1, word(ii - 1), t0),
    ]);
}

/// Supertag ids for a sentence, greedy left to right.
pub(crate) fn tag(weights: &Weights, input: &Input, scratch: &mut Vec<u64>) -> Vec<u16> {
    let mut out = Vec::with_capacity(input.tags.len());
    let mut scores = vec![0f32; weights.classes()];
    let (mut p1, mut p2) = (START, START);
    for i in 0..input.tags.len() {
        features(input, i, p1, p2, scratch);
        weights.score(scratch, &mut scores);
        let t = best(&scores, |_| true).unwrap_or(0) as u16;
        out.push(t);
        p2 = p1;
        p1 = mix(u64::from(t), 0x0073_7570);
    }
    out
}

/// One training pass; returns the number of correct supertags.
pub(crate) fn train_epoch(
    trainer: &mut Trainer,
    sentences: &[(Input, &[u16])],
    order: &[usize],
) -> usize {
    let mut correct = 0;
    let mut scratch = Vec::with_capacity(32);
    let mut scores = vec![0f32; trainer.classes()];
    for &s in order {
        let Some((input, gold)) = sentences.get(s) else {
            continue;
        };
        let (mut p1, mut p2) = (START, START);
        for (i, &g) in gold.iter().enumerate() {
            features(input, i, p1, p2, &mut scratch);
            trainer.score(&scratch, &mut scores);
            let guess = best(&scores, |_| true).unwrap_or(0);
            trainer.tick();
            trainer.update(&scratch, usize::from(g), guess);
            correct += usize::from(guess == usize::from(g));
            p2 = p1;
            p1 = mix(guess as u64, 0x0073_7570);
        }
    }
    correct
}
