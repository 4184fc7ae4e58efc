//! Distributional word clusters learned from unlabeled text, used as extra
//! features by the tagger and the parser: a word seen rarely (or never) in the
//! treebank still shares weights with the words that occur in the same
//! contexts in a larger corpus (Koo et al. 2008; Turian et al. 2010).
//!
//! The clusters maximise the likelihood of a class bigram model,
//! `P(w_i | w_i-1) = P(c_i | c_i-1) P(w_i | c_i)`, with the exchange algorithm
//! (Kneser & Ney 1993; Martin et al. 1998): each word in turn moves to the
//! class that raises the likelihood most, until few words move. Up to a
//! constant the log-likelihood is
//!
//! ```text
//! sum over class pairs f(N(c1, c2)) - sum over classes f(N_left(c)) - f(N_right(c)),   f(x) = x ln x
//! ```
//!
//! so moving one word only touches the counts of its own neighbours' classes,
//! and trying every class for it costs (classes × neighbour classes).
//! Several flat clusterings of different sizes give the features more than
//! one granularity. The result is deterministic: words are visited and
//! initially assigned in frequency order, and ties keep the lower class.

use crate::keys::normalize;
use crate::tokenize::{tokenize, Gap};
use std::collections::HashMap;
use std::fmt::Write as _;

/// Marks a segment boundary (sentence or paragraph) in the word stream.
const BOUNDARY: u32 = u32::MAX;

/// Unlabeled text collected as a stream of normalised word ids (lower case,
/// digits folded to `0`, as the models see words).
#[derive(Debug, Default, Clone)]
pub struct ClusterCorpus {
    ids: HashMap<String, u32>,
    words: Vec<String>,
    counts: Vec<u64>,
    stream: Vec<u32>,
}

impl ClusterCorpus {
    pub fn new() -> Self {
        Self::default()
    }

    fn push(&mut self, token: &str) {
        let norm = normalize(token);
        let id = match self.ids.get(&norm) {
            Some(&id) => id,
            None => {
                let id = self.words.len() as u32;
                self.ids.insert(norm.clone(), id);
                self.words.push(norm);
                self.counts.push(0);
                id
            }
        };
        if let Some(c) = self.counts.get_mut(id as usize) {
            *c += 1;
        }
        self.stream.push(id);
    }

    fn end_segment(&mut self) {
        if self.stream.last().is_some_and(|&l| l != BOUNDARY) {
            self.stream.push(BOUNDARY);
        }
    }

    /// Adds one already tokenised segment (a sentence).
    pub fn add_tokens<'a>(&mut self, tokens: impl IntoIterator<Item = &'a str>) {
        for t in tokens {
            self.push(t);
        }
        self.end_segment();
    }

    /// Adds running text, tokenised by dyad's own tokenizer (so the words are
    /// the ones the analyser will look up); a blank line ends a segment.
    pub fn add_text(&mut self, text: &str) {
        for t in tokenize(text) {
            if t.gap == Gap::Paragraph {
                self.end_segment();
            }
            if let Some(s) = t.span.slice(text) {
                self.push(s);
            }
        }
        self.end_segment();
    }

    /// Number of word tokens collected.
    pub fn tokens(&self) -> usize {
        self.counts.iter().sum::<u64>() as usize
    }

    /// Number of distinct normalised words.
    pub fn types(&self) -> usize {
        self.words.len()
    }
}

/// How to cluster.
#[derive(Debug, Clone)]
pub struct ClusterOptions {
    /// Number of classes of each clustering, coarse to fine (at most two are
    /// used by the models, each below 65,535).
    pub sizes: Vec<usize>,
    /// Words seen fewer times are not clustered (their contexts are too few
    /// to place them).
    pub min_count: u64,
    /// At most this many words (the most frequent) are clustered.
    pub max_words: usize,
    /// Exchange passes over the vocabulary, at most.
    pub max_iterations: usize,
    /// Stop once a pass moves fewer than this fraction of the words.
    pub min_moved: f64,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions {
            sizes: vec![64, 512],
            min_count: 3,
            max_words: 60_000,
            max_iterations: 15,
            min_moved: 0.002,
        }
    }
}

/// Learned clusters: for each clustered word, one class per clustering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clusters {
    pub sizes: Vec<usize>,
    /// `(normalised word, corpus count, class in each clustering)`, most
    /// frequent first.
    pub words: Vec<(String, u64, Vec<u16>)>,
}

/// `x ln x` for counts; a table for the small counts that dominate.
struct XLogX {
    table: Vec<f64>,
}

impl XLogX {
    fn new() -> Self {
        let table = (0..1u32 << 16)
            .map(|x| {
                let x = f64::from(x);
                if x > 0.0 {
                    x * x.ln()
                } else {
                    0.0
                }
            })
            .collect();
        XLogX { table }
    }

    #[inline]
    fn f(&self, x: i64) -> f64 {
        match self.table.get(x.max(0) as usize) {
            Some(&v) => v,
            None => {
                let x = x as f64;
                x * x.ln()
            }
        }
    }
}

/// Word-level bigram counts in compressed rows: successors and predecessors
/// of each token id (vocabulary words, then the rare-word token, then the
/// boundary token).
struct Bigrams {
    succ_start: Vec<usize>,
    succ: Vec<(u32, i64)>,
    pred_start: Vec<usize>,
    pred: Vec<(u32, i64)>,
}

/// Compressed rows of `(row, column, count)` cells, rows being the first
/// token (`by_second` false) or the second.
fn rows(
    pairs: &[(u32, u32, i64)],
    tokens: usize,
    by_second: bool,
) -> (Vec<usize>, Vec<(u32, i64)>) {
    let mut cells: Vec<(u32, u32, i64)> = pairs
        .iter()
        .map(|&(a, b, n)| if by_second { (b, a, n) } else { (a, b, n) })
        .collect();
    cells.sort_unstable();
    let mut start = vec![0usize; tokens + 1];
    for r in &cells {
        if let Some(s) = start.get_mut(r.0 as usize + 1) {
            *s += 1;
        }
    }
    for i in 0..tokens {
        start[i + 1] += start[i];
    }
    (start, cells.into_iter().map(|r| (r.1, r.2)).collect())
}

impl Bigrams {
    fn new(pairs: &[(u32, u32, i64)], tokens: usize) -> Self {
        let (succ_start, succ) = rows(pairs, tokens, false);
        let (pred_start, pred) = rows(pairs, tokens, true);
        Bigrams {
            succ_start,
            succ,
            pred_start,
            pred,
        }
    }

    fn succ(&self, w: usize) -> &[(u32, i64)] {
        match (self.succ_start.get(w), self.succ_start.get(w + 1)) {
            (Some(&a), Some(&b)) => self.succ.get(a..b).unwrap_or_default(),
            _ => &[],
        }
    }

    fn pred(&self, w: usize) -> &[(u32, i64)] {
        match (self.pred_start.get(w), self.pred_start.get(w + 1)) {
            (Some(&a), Some(&b)) => self.pred.get(a..b).unwrap_or_default(),
            _ => &[],
        }
    }
}

/// Class counts a word contributes, by neighbour class: a dense array plus
/// the list of classes touched, so clearing is as cheap as filling.
struct Neighbours {
    count: Vec<i64>,
    touched: Vec<usize>,
}

impl Neighbours {
    fn new(classes: usize) -> Self {
        Neighbours {
            count: vec![0; classes],
            touched: Vec::new(),
        }
    }

    fn add(&mut self, class: usize, n: i64) {
        if let Some(c) = self.count.get_mut(class) {
            if *c == 0 {
                self.touched.push(class);
            }
            *c += n;
        }
    }

    fn clear(&mut self) {
        for &c in &self.touched {
            if let Some(x) = self.count.get_mut(c) {
                *x = 0;
            }
        }
        self.touched.clear();
    }

    fn get(&self, class: usize) -> i64 {
        self.count.get(class).copied().unwrap_or(0)
    }
}

/// Learns one clustering per size in `options.sizes`. `progress` receives a
/// line per pass.
pub fn learn(
    corpus: &ClusterCorpus,
    options: &ClusterOptions,
    progress: &mut dyn FnMut(&str),
) -> Clusters {
    // Vocabulary: frequent words, most frequent first (ties by spelling).
    let mut order: Vec<u32> = (0..corpus.words.len() as u32)
        .filter(|&i| corpus.counts.get(i as usize).copied().unwrap_or(0) >= options.min_count)
        .collect();
    order.sort_by(|&a, &b| {
        let (ca, cb) = (corpus.counts[a as usize], corpus.counts[b as usize]);
        cb.cmp(&ca)
            .then_with(|| corpus.words[a as usize].cmp(&corpus.words[b as usize]))
    });
    order.truncate(options.max_words);
    let v = order.len();
    let rare = v as u32;
    let boundary = v as u32 + 1;
    let tokens = v + 2;
    let mut index = vec![rare; corpus.words.len()];
    for (i, &w) in order.iter().enumerate() {
        index[w as usize] = i as u32;
    }
    let map = |id: u32| -> u32 {
        if id == BOUNDARY {
            boundary
        } else {
            index.get(id as usize).copied().unwrap_or(rare)
        }
    };

    // Bigram counts over the stream, the boundary counting as a word so
    // sentence starts and ends are contexts too.
    let mut keys: Vec<u64> = Vec::with_capacity(corpus.stream.len() + 1);
    let mut prev = boundary;
    for &id in &corpus.stream {
        let cur = map(id);
        if !(prev == boundary && cur == boundary) {
            keys.push(u64::from(prev) << 32 | u64::from(cur));
        }
        prev = cur;
    }
    if prev != boundary {
        keys.push(u64::from(prev) << 32 | u64::from(boundary));
    }
    keys.sort_unstable();
    let mut pairs: Vec<(u32, u32, i64)> = Vec::new();
    for k in keys {
        let (a, b) = ((k >> 32) as u32, k as u32);
        match pairs.last_mut() {
            Some(last) if last.0 == a && last.1 == b => last.2 += 1,
            _ => pairs.push((a, b, 1)),
        }
    }
    let bigrams = Bigrams::new(&pairs, tokens);
    progress(&format!(
        "clusters: {} tokens, {} words clustered, {} bigram types",
        corpus.tokens(),
        v,
        pairs.len()
    ));

    let xlx = XLogX::new();
    let mut classes_per_size = Vec::with_capacity(options.sizes.len());
    for &k in &options.sizes {
        let classes = exchange(&bigrams, &pairs, v, k.max(1), options, &xlx, progress);
        classes_per_size.push(classes);
    }
    let words = order
        .iter()
        .enumerate()
        .map(|(i, &w)| {
            let ids = classes_per_size
                .iter()
                .map(|c| c.get(i).copied().unwrap_or(0) as u16)
                .collect();
            (
                corpus.words[w as usize].clone(),
                corpus.counts[w as usize],
                ids,
            )
        })
        .collect();
    Clusters {
        sizes: options.sizes.clone(),
        words,
    }
}

/// One flat clustering of the `v` vocabulary words into `k` classes. The
/// rare-word token and the boundary have classes of their own (`k`, `k + 1`)
/// that never change.
fn exchange(
    bigrams: &Bigrams,
    pairs: &[(u32, u32, i64)],
    v: usize,
    k: usize,
    options: &ClusterOptions,
    xlx: &XLogX,
    progress: &mut dyn FnMut(&str),
) -> Vec<u32> {
    let c = k + 2;
    // Frequency rank modulo k spreads the frequent words over all classes.
    let mut class: Vec<u32> = (0..v).map(|w| (w % k) as u32).collect();
    class.push(k as u32);
    class.push(k as u32 + 1);
    let mut m = vec![0i64; c * c];
    let mut left = vec![0i64; c];
    let mut right = vec![0i64; c];
    for &(a, b, n) in pairs {
        let (ca, cb) = (class[a as usize] as usize, class[b as usize] as usize);
        m[ca * c + cb] += n;
        left[ca] += n;
        right[cb] += n;
    }
    let mut succ = Neighbours::new(c);
    let mut pred = Neighbours::new(c);
    for pass in 0..options.max_iterations {
        let mut moved = 0usize;
        for w in 0..v {
            let from = class[w] as usize;
            let (mut own, mut nl, mut nr) = (0i64, 0i64, 0i64);
            for &(b, n) in bigrams.succ(w) {
                nl += n;
                if b as usize == w {
                    own += n;
                } else {
                    succ.add(class[b as usize] as usize, n);
                }
            }
            for &(a, n) in bigrams.pred(w) {
                nr += n;
                if a as usize != w {
                    pred.add(class[a as usize] as usize, n);
                }
            }
            // Take the word out of its class.
            for &x in &succ.touched {
                m[from * c + x] -= succ.get(x);
            }
            for &x in &pred.touched {
                m[x * c + from] -= pred.get(x);
            }
            m[from * c + from] -= own;
            left[from] -= nl;
            right[from] -= nr;
            // The gain of putting it into each class; staying wins ties.
            let gain = |to: usize| -> f64 {
                let mut g = 0.0;
                for &x in &succ.touched {
                    if x != to {
                        let cur = m[to * c + x];
                        g += xlx.f(cur + succ.get(x)) - xlx.f(cur);
                    }
                }
                for &x in &pred.touched {
                    if x != to {
                        let cur = m[x * c + to];
                        g += xlx.f(cur + pred.get(x)) - xlx.f(cur);
                    }
                }
                let diag = m[to * c + to];
                g += xlx.f(diag + succ.get(to) + pred.get(to) + own) - xlx.f(diag);
                g -= xlx.f(left[to] + nl) - xlx.f(left[to]);
                g -= xlx.f(right[to] + nr) - xlx.f(right[to]);
                g
            };
            let mut best = (from, gain(from));
            for to in 0..k {
                if to == from {
                    continue;
                }
                let g = gain(to);
                if g > best.1 + 1e-9 {
                    best = (to, g);
                }
            }
            let to = best.0;
            for &x in &succ.touched {
                m[to * c + x] += succ.get(x);
            }
            for &x in &pred.touched {
                m[x * c + to] += pred.get(x);
            }
            m[to * c + to] += own;
            left[to] += nl;
            right[to] += nr;
            class[w] = to as u32;
            if to != from {
                moved += 1;
            }
            succ.clear();
            pred.clear();
        }
        let mut ll = 0.0;
        for &x in &m {
            ll += xlx.f(x);
        }
        for x in 0..c {
            ll -= xlx.f(left[x]) + xlx.f(right[x]);
        }
        progress(&format!(
            "clusters {k}: pass {}: {moved} words moved, log-likelihood {ll:.0}",
            pass + 1
        ));
        if (moved as f64) < options.min_moved * v as f64 {
            break;
        }
    }
    class.truncate(v);
    class
}

impl Clusters {
    /// The classes of a normalised word (lower case, digits as `0`).
    pub fn get(&self, word: &str) -> Option<&[u16]> {
        self.words
            .iter()
            .find(|w| w.0 == word)
            .map(|w| w.2.as_slice())
    }

    /// A plain-text listing, one word a line: `word TAB count TAB class...`,
    /// after a header `#sizes TAB size...`.
    pub fn to_text(&self) -> String {
        let mut out = String::from("#sizes");
        for s in &self.sizes {
            let _ = write!(out, "\t{s}");
        }
        out.push('\n');
        for (word, count, ids) in &self.words {
            out.push_str(word);
            let _ = write!(out, "\t{count}");
            for id in ids {
                let _ = write!(out, "\t{id}");
            }
            out.push('\n');
        }
        out
    }

    /// Reads [`Clusters::to_text`]'s format.
    pub fn from_text(text: &str) -> Result<Self, String> {
        let mut lines = text.lines();
        let header = lines.next().ok_or("empty cluster file")?;
        let sizes: Vec<usize> = header
            .strip_prefix("#sizes")
            .ok_or("cluster file lacks its #sizes header")?
            .split('\t')
            .filter(|s| !s.is_empty())
            .map(|s| {
                s.parse::<usize>()
                    .map_err(|e| format!("bad size {s:?}: {e}"))
            })
            .collect::<Result<_, _>>()?;
        let mut words = Vec::new();
        for (n, line) in lines.enumerate() {
            if line.is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let word = cols.next().unwrap_or_default().to_string();
            let count = cols
                .next()
                .and_then(|c| c.parse::<u64>().ok())
                .ok_or_else(|| format!("line {}: bad count", n + 2))?;
            let ids: Vec<u16> = cols
                .map(|c| c.parse::<u16>())
                .collect::<Result<_, _>>()
                .map_err(|e| format!("line {}: bad class: {e}", n + 2))?;
            if ids.len() != sizes.len()
                || ids.iter().zip(&sizes).any(|(&i, &s)| usize::from(i) >= s)
            {
                return Err(format!("line {}: classes do not match the sizes", n + 2));
            }
            words.push((word, count, ids));
        }
        Ok(Clusters { sizes, words })
    }
}
