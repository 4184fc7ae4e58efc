//! Dependency parsing: a greedy arc-hybrid transition parser scored by an
//! averaged perceptron, trained with Goldberg & Nivre's dynamic oracle so it
//! learns to recover from its own mistakes. The root sits at the end of the
//! buffer, which guarantees one root per sentence.
//!
//! Every arc is labelled the moment it is built, by a second perceptron that
//! sees the dependent's complete subtree (in arc-hybrid a word is only reduced
//! once all its dependents are attached), and the labels then feed the parser's
//! own features.

use crate::hash::{f1, f2, f3, mix, Rng};
use crate::keys::TokenKeys;
use crate::perceptron::{best, Trainer, Weights};

const NONE: u32 = u32::MAX;
const SHIFT: usize = 0;
const LEFT: usize = 1;
const RIGHT: usize = 2;
pub(crate) const MOVES: usize = 3;

const ROOT_WORD: u64 = 0x524f_4f54;
const NO_WORD: u64 = 0x4e4f_4e45;

/// What the parser knows about a sentence: forms and predicted tags.
pub(crate) struct Input<'a> {
    pub keys: &'a [TokenKeys],
    /// Word hashes as the parser sees them (rare words folded to shape and ending).
    pub words: &'a [u64],
    pub tags: &'a [u16],
    /// Universal POS ids of the tags (coarser, so sparse combinations generalise).
    pub coarse: &'a [u16],
    /// Whether the model has word clusters (`keys[i].cluster`).
    pub clusters: bool,
}

/// Tag id → universal POS id (index among the distinct UPOS names, sorted).
pub(crate) fn coarse_map(upos: &[String]) -> Vec<u16> {
    let mut names: Vec<&String> = upos.iter().collect();
    names.sort();
    names.dedup();
    upos.iter()
        .map(|u| names.iter().position(|n| *n == u).unwrap_or(0) as u16)
        .collect()
}

/// Label ids the parser treats specially.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct SpecialLabels {
    /// `case` and `mark`: their word is remembered on the head ("of", "to").
    pub case: Option<u16>,
    pub mark: Option<u16>,
}

struct State {
    n: usize,
    stack: Vec<u32>,
    /// Front of the buffer; `n` is the root.
    b: usize,
    heads: Vec<u32>,
    labels: Vec<u16>,
    lefts: Vec<[u32; 2]>,
    rights: Vec<[u32; 2]>,
    n_left: Vec<u8>,
    n_right: Vec<u8>,
    left_set: Vec<u64>,
    right_set: Vec<u64>,
    marker: Vec<u64>,
    words: Vec<u64>,
    tags: Vec<u64>,
    coarse: Vec<u64>,
    /// Word classes (coarse, fine) of each word and the root; `None` when
    /// the model has no clusters.
    clusters: Option<Vec<[u64; 2]>>,
    punct_before: Vec<u32>,
}

impl State {
    fn new(input: &Input) -> Self {
        let n = input.keys.len();
        let mut words: Vec<u64> = input.words.to_vec();
        words.push(ROOT_WORD);
        let mut tags: Vec<u64> = input.tags.iter().map(|&t| u64::from(t) + 1).collect();
        tags.push(0xffff);
        let mut coarse: Vec<u64> = input.coarse.iter().map(|&t| u64::from(t) + 1).collect();
        coarse.push(0xffff);
        let mut punct_before = Vec::with_capacity(n + 2);
        let mut count = 0u32;
        punct_before.push(0);
        for k in input.keys {
            count += u32::from(k.is_punct);
            punct_before.push(count);
        }
        punct_before.push(count);
        let clusters = input.clusters.then(|| {
            let mut c: Vec<[u64; 2]> = input.keys.iter().map(|k| k.cluster).collect();
            c.push([0xfffe; 2]);
            c
        });
        State {
            n,
            stack: Vec::with_capacity(n),
            b: 0,
            heads: vec![NONE; n + 1],
            labels: vec![0; n + 1],
            lefts: vec![[NONE; 2]; n + 1],
            rights: vec![[NONE; 2]; n + 1],
            n_left: vec![0; n + 1],
            n_right: vec![0; n + 1],
            left_set: vec![0; n + 1],
            right_set: vec![0; n + 1],
            marker: vec![NO_WORD; n + 1],
            words,
            tags,
            coarse,
            clusters,
            punct_before,
        }
    }

    fn terminal(&self) -> bool {
        self.stack.is_empty() && self.b >= self.n
    }

    fn valid(&self, m: usize) -> bool {
        match m {
            SHIFT => self.b < self.n,
            LEFT => !self.stack.is_empty() && (self.b < self.n || self.stack.len() == 1),
            RIGHT => self.stack.len() >= 2,
            _ => false,
        }
    }

    /// The move when it is the only valid one.
    fn only_move(&self) -> Option<usize> {
        let mut only = None;
        for m in 0..MOVES {
            if self.valid(m) {
                if only.is_some() {
                    return None;
                }
                only = Some(m);
            }
        }
        only
    }

    fn s(&self, k: usize) -> u32 {
        if self.stack.len() > k {
            self.stack[self.stack.len() - 1 - k]
        } else {
            NONE
        }
    }

    fn word(&self, x: u32) -> u64 {
        self.words.get(x as usize).copied().unwrap_or(NO_WORD)
    }
    fn coarse(&self, x: u32) -> u64 {
        self.coarse.get(x as usize).copied().unwrap_or(0)
    }
    fn tag(&self, x: u32) -> u64 {
        self.tags.get(x as usize).copied().unwrap_or(0)
    }
    fn label(&self, x: u32) -> u64 {
        if x == NONE {
            0
        } else {
            self.labels.get(x as usize).map_or(0, |&l| u64::from(l) + 1)
        }
    }
    fn left(&self, x: u32, k: usize) -> u32 {
        self.lefts.get(x as usize).map_or(NONE, |l| l[k])
    }
    fn right(&self, x: u32, k: usize) -> u32 {
        self.rights.get(x as usize).map_or(NONE, |r| r[k])
    }

    fn add_arc(&mut self, head: u32, dep: u32, label: u16, special: SpecialLabels) {
        let (h, d) = (head as usize, dep as usize);
        if h >= self.heads.len() || d >= self.heads.len() {
            return;
        }
        self.heads[d] = head;
        self.labels[d] = label;
        let bit = 1u64 << (label % 64);
        if dep < head {
            let l = &mut self.lefts[h];
            if l[0] == NONE || dep < l[0] {
                l[1] = l[0];
                l[0] = dep;
            } else if l[1] == NONE || dep < l[1] {
                l[1] = dep;
            }
            self.n_left[h] = self.n_left[h].saturating_add(1);
            self.left_set[h] |= bit;
        } else {
            let r = &mut self.rights[h];
            if r[0] == NONE || dep > r[0] {
                r[1] = r[0];
                r[0] = dep;
            } else if r[1] == NONE || dep > r[1] {
                r[1] = dep;
            }
            self.n_right[h] = self.n_right[h].saturating_add(1);
            self.right_set[h] |= bit;
        }
        if Some(label) == special.case || Some(label) == special.mark {
            self.marker[h] = self.words[d];
        }
    }

    /// The arc a move would build, as (head, dependent).
    fn arc_of(&self, m: usize) -> Option<(u32, u32)> {
        match m {
            LEFT => Some((self.b as u32, self.s(0))),
            RIGHT => Some((self.s(1), self.s(0))),
            _ => None,
        }
    }

    fn apply(&mut self, m: usize) {
        match m {
            SHIFT => {
                self.stack.push(self.b as u32);
                self.b += 1;
            }
            LEFT | RIGHT => {
                self.stack.pop();
            }
            _ => {}
        }
    }

    fn punct_between(&self, a: u32, b: u32) -> u64 {
        if a == NONE || b == NONE {
            return 2;
        }
        let (lo, hi) = if a < b {
            (a as usize, b as usize)
        } else {
            (b as usize, a as usize)
        };
        let count = self
            .punct_before
            .get(hi)
            .copied()
            .unwrap_or(0)
            .saturating_sub(self.punct_before.get(lo + 1).copied().unwrap_or(0));
        u64::from(count.min(2))
    }
}

/// Word class of `x` at granularity `g` (0 coarse, 1 fine); `0xffff` for no word.
fn cluster(clusters: &[[u64; 2]], x: u32, g: usize) -> u64 {
    clusters.get(x as usize).map_or(0xffff, |c| c[g])
}

fn distance(a: u32, b: u32) -> u64 {
    if a == NONE || b == NONE {
        return 0;
    }
    let d = a.abs_diff(b);
    match d {
        0..=4 => u64::from(d),
        5..=7 => 5,
        8..=11 => 6,
        _ => 7,
    }
}

fn parse_features(st: &State, out: &mut Vec<u64>) {
    out.clear();
    let s0 = st.s(0);
    let s1 = st.s(1);
    let s2 = st.s(2);
    let b0 = if st.b <= st.n { st.b as u32 } else { NONE };
    let b1 = if st.b < st.n { st.b as u32 + 1 } else { NONE };
    let b2 = if st.b + 1 < st.n {
        st.b as u32 + 2
    } else {
        NONE
    };
    let (s0w, s0p) = (st.word(s0), st.tag(s0));
    let (s1w, s1p) = (st.word(s1), st.tag(s1));
    let (s2w, s2p) = (st.word(s2), st.tag(s2));
    let (b0w, b0p) = (st.word(b0), st.tag(b0));
    let (b1w, b1p) = (st.word(b1), st.tag(b1));
    let (b2w, b2p) = (st.word(b2), st.tag(b2));
    let s0wp = mix(s0w, s0p);
    let s1wp = mix(s1w, s1p);
    let b0wp = mix(b0w, b0p);
    let b1wp = mix(b1w, b1p);
    let s0l = st.left(s0, 0);
    let s0l2 = st.left(s0, 1);
    let s0r = st.right(s0, 0);
    let s0r2 = st.right(s0, 1);
    let s1l = st.left(s1, 0);
    let s1r = st.right(s1, 0);
    let s1r2 = st.right(s1, 1);
    let b0l = st.left(b0, 0);
    let b0l2 = st.left(b0, 1);
    let (s0lp, s0rp, s1rp, s1lp, b0lp) = (
        st.tag(s0l),
        st.tag(s0r),
        st.tag(s1r),
        st.tag(s1l),
        st.tag(b0l),
    );
    let (s0ll, s0rl, s1rl, s1ll, b0ll) = (
        st.label(s0l),
        st.label(s0r),
        st.label(s1r),
        st.label(s1l),
        st.label(b0l),
    );
    let d01 = distance(s0, b0);
    let d10 = distance(s1, s0);
    let pb = st.punct_between(s0, b0);
    let pb1 = st.punct_between(s1, s0);
    let s0vl = st.n_left.get(s0 as usize).map_or(0, |&v| u64::from(v));
    let s0vr = st.n_right.get(s0 as usize).map_or(0, |&v| u64::from(v));
    let s1vr = st.n_right.get(s1 as usize).map_or(0, |&v| u64::from(v));
    let b0vl = st.n_left.get(b0 as usize).map_or(0, |&v| u64::from(v));
    let s0ls = st.left_set.get(s0 as usize).copied().unwrap_or(0);
    let s0rs = st.right_set.get(s0 as usize).copied().unwrap_or(0);
    let s1rs = st.right_set.get(s1 as usize).copied().unwrap_or(0);
    let b0ls = st.left_set.get(b0 as usize).copied().unwrap_or(0);

    // Single words.
    out.extend_from_slice(&[
        f1(1, s0w),
        f1(2, s0p),
        f1(3, s0wp),
        f1(4, s1w),
        f1(5, s1p),
        f1(6, s1wp),
        f1(7, b0w),
        f1(8, b0p),
        f1(9, b0wp),
        f1(10, b1w),
        f1(11, b1p),
        f1(12, b1wp),
        f1(13, b2w),
        f1(14, b2p),
        f1(15, s2p),
        f1(16, s2w),
    ]);
    // Pairs.
    out.extend_from_slice(&[
        f2(20, s0wp, b0wp),
        f2(21, s0wp, b0w),
        f2(22, s0w, b0wp),
        f2(23, s0wp, b0p),
        f2(24, s0p, b0wp),
        f2(25, s0w, b0w),
        f2(26, s0p, b0p),
        f2(27, b0p, b1p),
        f2(28, s1p, s0p),
        f2(29, s1w, s0w),
        f2(30, s1wp, s0p),
        f2(31, s1p, s0wp),
        f2(32, s1wp, s0wp),
        f2(33, s0p, b1p),
        f2(34, s1p, b0p),
    ]);
    // Triples of tags.
    out.extend_from_slice(&[
        f3(40, b0p, b1p, b2p),
        f3(41, s0p, b0p, b1p),
        f3(42, s1p, s0p, b0p),
        f3(43, s2p, s1p, s0p),
        f3(44, s0p, s0lp, b0p),
        f3(45, s0p, s0rp, b0p),
        f3(46, s0p, b0p, b0lp),
        f3(47, s1p, s0p, s0lp),
        f3(48, s1p, s0p, s0rp),
        f3(49, s1p, s1rp, s0p),
        f3(50, s1p, s1lp, s0p),
        f3(51, s0w, b0p, b1p),
        f3(52, s0p, b0w, b1p),
        f3(53, s1p, s0w, b0p),
    ]);
    // Distance and punctuation in between.
    out.extend_from_slice(&[
        f2(60, s0w, d01),
        f2(61, s0p, d01),
        f2(62, b0w, d01),
        f2(63, b0p, d01),
        f3(64, s0w, b0w, d01),
        f3(65, s0p, b0p, d01),
        f3(66, s1p, s0p, d10),
        f3(67, s0p, b0p, pb),
        f3(68, s1p, s0p, pb1),
        f3(69, s1w, s0w, d10),
    ]);
    // Valency.
    out.extend_from_slice(&[
        f2(70, s0w, s0vr),
        f2(71, s0p, s0vr),
        f2(72, s0w, s0vl),
        f2(73, s0p, s0vl),
        f2(74, b0w, b0vl),
        f2(75, b0p, b0vl),
        f2(76, s1p, s1vr),
        f2(77, s1w, s1vr),
    ]);
    // Children.
    out.extend_from_slice(&[
        f1(80, st.word(s0l)),
        f1(81, s0lp),
        f1(82, s0ll),
        f1(83, st.word(s0r)),
        f1(84, s0rp),
        f1(85, s0rl),
        f1(86, st.tag(s0l2)),
        f1(87, st.label(s0l2)),
        f1(88, st.tag(s0r2)),
        f1(89, st.label(s0r2)),
        f1(90, st.word(b0l)),
        f1(91, b0lp),
        f1(92, b0ll),
        f1(93, st.tag(b0l2)),
        f1(94, st.label(b0l2)),
        f1(95, s1lp),
        f1(96, s1ll),
        f1(97, st.word(s1r)),
        f1(98, s1rp),
        f1(99, s1rl),
        f1(100, st.label(s1r2)),
    ]);
    // Second-order label chains and label sets.
    out.extend_from_slice(&[
        f3(110, s0p, s0ll, st.label(s0l2)),
        f3(111, s0p, s0rl, st.label(s0r2)),
        f3(112, b0p, b0ll, st.label(b0l2)),
        f3(113, s1p, s1rl, st.label(s1r2)),
        f2(114, s0w, s0ls),
        f2(115, s0p, s0ls),
        f2(116, s0w, s0rs),
        f2(117, s0p, s0rs),
        f2(118, b0w, b0ls),
        f2(119, b0p, b0ls),
        f2(120, s1p, s1rs),
        f3(121, s0p, s0rs, b0p),
        f3(122, s1p, s1rs, s0p),
    ]);
    // Universal POS versions of the strongest tag combinations.
    let (s0c, s1c, s2c) = (st.coarse(s0), st.coarse(s1), st.coarse(s2));
    let (b0c, b1c, b2c) = (st.coarse(b0), st.coarse(b1), st.coarse(b2));
    out.extend_from_slice(&[
        f2(130, s0c, b0c),
        f3(131, s1c, s0c, b0c),
        f3(132, s0c, b0c, b1c),
        f3(133, b0c, b1c, b2c),
        f3(134, s2c, s1c, s0c),
        f3(135, s0c, st.coarse(s0l), b0c),
        f3(136, s0c, st.coarse(s0r), b0c),
        f3(137, s0c, b0c, st.coarse(b0l)),
        f2(138, s0w, b0c),
        f2(139, s0c, b0w),
        f3(140, s0c, b0c, d01),
    ]);
    if let Some(cl) = &st.clusters {
        // Word classes in the places words are strongest (Koo et al. 2008):
        // alone, with tags, and in pairs, so a head-dependent pair seen
        // rarely in the treebank borrows from its classes'.
        let (s0k, s0f) = (cluster(cl, s0, 0), cluster(cl, s0, 1));
        let s1f = cluster(cl, s1, 1);
        let (b0k, b0f) = (cluster(cl, b0, 0), cluster(cl, b0, 1));
        out.extend_from_slice(&[
            f2(150, s0f, s0p),
            f2(151, b0f, b0p),
            f2(152, s1f, s1p),
            f2(154, s0f, b0f),
            f3(155, s0f, b0p, b0k),
            f3(156, s0k, s0p, b0f),
            f2(158, s1f, s0f),
            f3(160, s0p, b0p, s0f),
        ]);
    }
}

fn label_features(st: &State, head: u32, dep: u32, out: &mut Vec<u64>) {
    out.clear();
    let (dw, dp, hw, hp) = (st.word(dep), st.tag(dep), st.word(head), st.tag(head));
    let dir = u64::from(dep < head);
    let dist = distance(head, dep);
    let dl = st.left(dep, 0);
    let dr = st.right(dep, 0);
    let marker = st.marker.get(dep as usize).copied().unwrap_or(NO_WORD);
    let dls = st.left_set.get(dep as usize).copied().unwrap_or(0);
    let drs = st.right_set.get(dep as usize).copied().unwrap_or(0);
    let hs = st.left_set.get(head as usize).copied().unwrap_or(0)
        | st.right_set.get(head as usize).copied().unwrap_or(0);
    let prev = if dep == 0 { NO_WORD } else { st.tag(dep - 1) };
    let next = st.tag(dep + 1);
    let is_root = u64::from(head as usize == st.n);
    out.extend_from_slice(&[
        f1(1, 0),
        f2(2, dp, dir),
        f2(3, dw, dir),
        f2(4, dw, dp),
        f3(5, hp, dp, dir),
        f3(6, hw, dp, dir),
        f3(7, hp, dw, dir),
        f3(8, hw, dw, dir),
        f3(9, hp, dp, dist),
        f2(10, dp, dls),
        f2(11, dp, drs),
        f3(12, dp, st.label(dl), st.tag(dl)),
        f3(13, dp, st.label(dr), st.tag(dr)),
        f1(14, marker),
        f2(15, marker, hp),
        f3(16, marker, dp, dir),
        f3(17, hp, hs, dir),
        f2(18, dp, prev),
        f2(19, dp, next),
        f2(20, is_root, dp),
        f3(21, dp, dls, drs),
        f3(22, hp, dp, dls),
        f3(23, hw, marker, dp),
        f2(24, hp, dir),
        f3(25, dp, st.tag(head + 1), dir),
        f2(26, dw, hp),
    ]);
    if let Some(cl) = &st.clusters {
        let (df, hf) = (cluster(cl, dep, 1), cluster(cl, head, 1));
        out.extend_from_slice(&[f3(31, hf, dp, dir), f3(32, hp, df, dir)]);
    }
}

/// Parses one sentence. Returns heads (`None` for the root) and label ids.
pub(crate) fn parse(
    parser: &Weights,
    labeler: &Weights,
    special: SpecialLabels,
    input: &Input,
    scratch: &mut Vec<u64>,
) -> (Vec<Option<usize>>, Vec<u16>) {
    let mut st = State::new(input);
    let mut scores = [0f32; MOVES];
    let mut label_scores = vec![0f32; labeler.classes().max(1)];
    while !st.terminal() {
        // Where only one move is allowed (an empty stack; the buffer down to
        // the root with more than one word left on the stack, which happens
        // for every word still waiting on a right-side head) there is nothing
        // to score.
        let m = match st.only_move() {
            Some(m) => m,
            None => {
                parse_features(&st, scratch);
                parser.score(scratch, &mut scores);
                let Some(m) = best(&scores, |m| st.valid(m)) else {
                    break;
                };
                m
            }
        };
        if let Some((h, d)) = st.arc_of(m) {
            label_features(&st, h, d, scratch);
            labeler.score(scratch, &mut label_scores);
            let l = best(&label_scores, |_| true).unwrap_or(0) as u16;
            st.add_arc(h, d, l, special);
        }
        st.apply(m);
    }
    let n = st.n;
    let heads = (0..n)
        .map(|i| match st.heads.get(i).copied() {
            Some(h) if (h as usize) < n => Some(h as usize),
            _ => None,
        })
        .collect();
    let mut labels = st.labels;
    labels.truncate(n);
    (heads, labels)
}

/// A sentence for training: input plus gold heads (`n` = root) and labels.
pub(crate) struct GoldSentence {
    pub keys: Vec<TokenKeys>,
    pub words: Vec<u64>,
    pub tags: Vec<u16>,
    pub coarse: Vec<u16>,
    pub heads: Vec<u32>,
    pub labels: Vec<u16>,
}

struct Oracle<'g> {
    gold: &'g GoldSentence,
    dependents: Vec<Vec<u32>>,
}

impl<'g> Oracle<'g> {
    fn new(gold: &'g GoldSentence) -> Self {
        let n = gold.heads.len();
        let mut dependents = vec![Vec::new(); n + 1];
        for (d, &h) in gold.heads.iter().enumerate() {
            if let Some(v) = dependents.get_mut(h as usize) {
                v.push(d as u32);
            }
        }
        Oracle { gold, dependents }
    }

    fn head(&self, x: u32) -> u32 {
        self.gold.heads.get(x as usize).copied().unwrap_or(NONE)
    }

    fn deps_in_buffer(&self, x: u32, b: usize) -> u32 {
        self.dependents
            .get(x as usize)
            .map_or(0, |v| v.iter().filter(|&&d| d as usize >= b).count() as u32)
    }

    /// Gold arcs a move makes unreachable.
    fn cost(&self, st: &State, in_stack: &[bool], m: usize) -> u32 {
        let s0 = st.s(0);
        let s1 = st.s(1);
        let b = st.b;
        match m {
            LEFT => {
                let g = self.head(s0);
                let lost_head = g != b as u32 && (g == s1 || (g as usize > b && g != NONE));
                u32::from(lost_head) + self.deps_in_buffer(s0, b)
            }
            RIGHT => {
                let g = self.head(s0);
                let lost_head = g != NONE && g as usize >= b;
                u32::from(lost_head) + self.deps_in_buffer(s0, b)
            }
            SHIFT => {
                let b0 = b as u32;
                let g = self.head(b0);
                let lost_head = g != s0 && in_stack.get(g as usize).copied().unwrap_or(false);
                let lost_deps = self.dependents.get(b).map_or(0, |v| {
                    v.iter()
                        .filter(|&&d| in_stack.get(d as usize).copied().unwrap_or(false))
                        .count() as u32
                });
                u32::from(lost_head) + lost_deps
            }
            _ => u32::MAX,
        }
    }
}

/// Training counters for one epoch.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct EpochStats {
    pub arcs: usize,
    pub correct_heads: usize,
    pub correct_labels: usize,
}

/// How one training epoch runs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct EpochMode {
    /// Follow the parser's own (possibly wrong) predictions most of the
    /// time, so it learns from the states its errors lead to.
    pub explore: bool,
    /// Build arcs with their gold labels rather than the labeler's guesses.
    pub gold_labels: bool,
    /// Use the word-cluster features.
    pub clusters: bool,
}

/// One training epoch of parser and labeler with the dynamic oracle.
pub(crate) fn train_epoch(
    (parser, labeler): (&mut Trainer, &mut Trainer),
    special: SpecialLabels,
    sentences: &[GoldSentence],
    order: &[usize],
    mode: EpochMode,
    rng: &mut Rng,
) -> EpochStats {
    let EpochMode {
        explore,
        gold_labels,
        clusters,
    } = mode;
    let mut stats = EpochStats::default();
    let mut scratch = Vec::with_capacity(160);
    let mut label_scratch = Vec::with_capacity(32);
    let mut scores = [0f32; MOVES];
    let mut label_scores = vec![0f32; labeler.classes().max(1)];
    for &si in order {
        let Some(gold) = sentences.get(si) else {
            continue;
        };
        let input = Input {
            keys: &gold.keys,
            words: &gold.words,
            tags: &gold.tags,
            coarse: &gold.coarse,
            clusters,
        };
        let oracle = Oracle::new(gold);
        let mut st = State::new(&input);
        let mut in_stack = vec![false; st.n + 1];
        while !st.terminal() {
            parse_features(&st, &mut scratch);
            parser.score(&scratch, &mut scores);
            let mut costs = [u32::MAX; MOVES];
            for (m, c) in costs.iter_mut().enumerate() {
                if st.valid(m) {
                    *c = oracle.cost(&st, &in_stack, m);
                }
            }
            let min_cost = costs.iter().copied().min().unwrap_or(0);
            let Some(pred) = best(&scores, |m| st.valid(m)) else {
                break;
            };
            let Some(target) = best(&scores, |m| costs[m] == min_cost) else {
                break;
            };
            parser.tick();
            if costs[pred] > min_cost {
                parser.update(&scratch, target, pred);
            }
            let chosen = if explore && rng.below(10) < 9 {
                pred
            } else {
                target
            };
            if let Some((h, d)) = st.arc_of(chosen) {
                label_features(&st, h, d, &mut label_scratch);
                labeler.score(&label_scratch, &mut label_scores);
                let guess = best(&label_scores, |_| true).unwrap_or(0);
                let mut label = guess as u16;
                stats.arcs += 1;
                if oracle.head(d) == h {
                    stats.correct_heads += 1;
                    let truth = gold.labels.get(d as usize).copied().unwrap_or(0);
                    labeler.tick();
                    labeler.update(&label_scratch, usize::from(truth), guess);
                    if guess == usize::from(truth) {
                        stats.correct_labels += 1;
                    }
                    if gold_labels {
                        label = truth;
                    }
                }
                st.add_arc(h, d, label, special);
            }
            match chosen {
                SHIFT => {
                    if let Some(x) = in_stack.get_mut(st.b) {
                        *x = true;
                    }
                }
                _ => {
                    if let Some(x) = in_stack.get_mut(st.s(0) as usize) {
                        *x = false;
                    }
                }
            }
            st.apply(chosen);
        }
    }
    stats
}
