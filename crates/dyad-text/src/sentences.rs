//! Sentence boundaries: a binary averaged perceptron decides, after each
//! token, whether a sentence ends there. Blank lines always end a sentence.
//! Trained on UD English EWT, where a third of the sentences end without a
//! full stop, so it relies on capitalisation, quotes, abbreviations and
//! sentence length as much as on punctuation.

use crate::hash::{f1, f2, f3};
use crate::keys::TokenKeys;
use crate::perceptron::{Trainer, Weights};
use crate::tokenize::Gap;

const EDGE: u64 = 0x4544_4745;

fn gap_value(g: Gap) -> u64 {
    match g {
        Gap::None => 1,
        Gap::Space => 2,
        Gap::Newline => 3,
        Gap::Paragraph => 4,
    }
}

fn length_bucket(n: usize) -> u64 {
    match n {
        0..=2 => n as u64,
        3..=5 => 3,
        6..=10 => 4,
        11..=20 => 5,
        21..=40 => 6,
        _ => 7,
    }
}

/// Features for a boundary after token `i`; `gaps[j]` is the gap before token `j`.
fn features(keys: &[TokenKeys], gaps: &[Gap], i: usize, since: usize, out: &mut Vec<u64>) {
    out.clear();
    let norm = |j: usize| keys.get(j).map_or(EDGE, |k| k.norm);
    let shape = |j: usize| keys.get(j).map_or(EDGE, |k| k.shape);
    let prev = if i == 0 { EDGE } else { norm(i - 1) };
    let gap = gaps.get(i + 1).map_or(0, |&g| gap_value(g));
    let (w, n1) = (norm(i), norm(i + 1));
    let (sh, sh1) = (shape(i), shape(i + 1));
    let cap1 = keys.get(i + 1).map_or(0, |k| u64::from(k.is_capitalized));
    let exact = keys.get(i).map_or(EDGE, |k| k.exact);
    out.extend_from_slice(&[
        f1(1, 0),
        f1(2, w),
        f1(3, n1),
        f1(4, sh1),
        f1(5, sh),
        f1(6, prev),
        f2(7, w, gap),
        f2(8, w, sh1),
        f2(9, w, n1),
        f2(10, prev, w),
        f1(11, gap),
        f1(12, keys.get(i + 1).map_or(0, |k| k.flags)),
        f2(13, length_bucket(since), cap1),
        f2(14, n1, gap),
        f3(15, sh, sh1, gap),
        f1(16, exact),
        f2(17, n1, shape(i + 2)),
        f3(18, w, cap1, gap),
        f2(19, length_bucket(since), w),
    ]);
}

/// Splits a token sequence into sentences; returns the index one past each
/// sentence's last token.
pub(crate) fn split(
    weights: &Weights,
    keys: &[TokenKeys],
    gaps: &[Gap],
    scratch: &mut Vec<u64>,
) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut scores = [0f32; 2];
    let mut since = 0;
    for i in 0..keys.len() {
        since += 1;
        let last = i + 1 == keys.len();
        let hard = last || gaps.get(i + 1).is_some_and(|&g| g == Gap::Paragraph);
        // Inside a run of capitalised words on one line ("Defence Secretary
        // Tom King") no sentence ends: a name or title goes on.
        let in_name = gaps.get(i + 1).is_some_and(|&g| g == Gap::Space)
            // (A word, not an abbreviation in capitals such as "U.S.", which
            // can end a sentence.)
            && keys.get(i).is_some_and(|k| k.is_capitalized && k.flags & 0b1_0010 == 0)
            && keys.get(i + 1).is_some_and(|k| k.is_capitalized);
        let end = hard
            || !in_name && {
                features(keys, gaps, i, since, scratch);
                weights.score(scratch, &mut scores);
                scores[1] > scores[0]
            };
        if end {
            ends.push(i + 1);
            since = 0;
        }
    }
    ends
}

/// A run of text for training: tokens, gaps, and whether a sentence ends after each.
pub(crate) struct Run {
    pub keys: Vec<TokenKeys>,
    pub gaps: Vec<Gap>,
    pub ends: Vec<bool>,
}

pub(crate) fn train_epoch(trainer: &mut Trainer, runs: &[Run], order: &[usize]) -> (usize, usize) {
    let mut scratch = Vec::with_capacity(24);
    let mut scores = [0f32; 2];
    let (mut correct, mut total) = (0, 0);
    for &r in order {
        let Some(run) = runs.get(r) else { continue };
        let mut since = 0;
        for i in 0..run.keys.len() {
            since += 1;
            let truth = run.ends.get(i).copied().unwrap_or(false);
            let hard = i + 1 == run.keys.len()
                || run.gaps.get(i + 1).is_some_and(|&g| g == Gap::Paragraph);
            if !hard {
                features(&run.keys, &run.gaps, i, since, &mut scratch);
                trainer.score(&scratch, &mut scores);
                let guess = usize::from(scores[1] > scores[0]);
                trainer.tick();
                trainer.update(&scratch, usize::from(truth), guess);
                correct += usize::from(guess == usize::from(truth));
                total += 1;
            }
            if truth || hard {
                since = 0;
            }
        }
    }
    (correct, total)
}
