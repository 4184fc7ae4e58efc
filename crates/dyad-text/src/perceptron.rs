//! Averaged perceptron: a sparse trainer and the compact table the analyser
//! scores with.
//!
//! Training keeps, for every feature, only the classes an update ever touched,
//! so memory grows with what the data teaches rather than with features ×
//! classes. The finished model is an open-addressing hash table from feature
//! key to a run of `(class, weight)` pairs: one probe per feature, then a few
//! adds, which is what keeps tagging and parsing fast.

use crate::binary::{Reader, Writer};
use crate::ModelError;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The keys are already well-mixed 64-bit hashes; hashing them again is waste.
#[derive(Default)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

pub(crate) type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

#[derive(Clone, Copy)]
struct TrainEntry {
    class: u16,
    weight: f32,
    total: f64,
    stamp: u32,
}

/// A perceptron being trained.
#[derive(Default)]
struct TrainRow {
    /// How many updates touched this feature: rarely updated features are
    /// noise the finished model can drop.
    updates: u32,
    entries: Vec<TrainEntry>,
}

pub(crate) struct Trainer {
    classes: usize,
    rows: KeyMap<TrainRow>,
    /// Number of training instances seen so far (the averaging clock).
    clock: u32,
}

impl Trainer {
    pub(crate) fn new(classes: usize) -> Self {
        Trainer {
            classes,
            rows: KeyMap::default(),
            clock: 0,
        }
    }

    pub(crate) fn classes(&self) -> usize {
        self.classes
    }

    /// Adds the current weights of `features` into `scores` (length = classes).
    pub(crate) fn score(&self, features: &[u64], scores: &mut [f32]) {
        for s in scores.iter_mut() {
            *s = 0.0;
        }
        for f in features {
            if let Some(row) = self.rows.get(f) {
                for e in &row.entries {
                    if let Some(s) = scores.get_mut(usize::from(e.class)) {
                        *s += e.weight;
                    }
                }
            }
        }
    }

    /// Advances the averaging clock: call once per training instance.
    pub(crate) fn tick(&mut self) {
        self.clock = self.clock.saturating_add(1);
    }

    /// Moves weight from `guess` to `truth` on every feature.
    pub(crate) fn update(&mut self, features: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        let clock = self.clock;
        for &f in features {
            let row = self.rows.entry(f).or_default();
            row.updates = row.updates.saturating_add(1);
            let row = &mut row.entries;
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0f32)] {
                let class = class as u16;
                let entry = match row.iter().position(|e| e.class == class) {
                    Some(i) => &mut row[i],
                    None => {
                        row.push(TrainEntry {
                            class,
                            weight: 0.0,
                            total: 0.0,
                            stamp: clock,
                        });
                        let last = row.len() - 1;
                        &mut row[last]
                    }
                };
                entry.total += f64::from(clock - entry.stamp) * f64::from(entry.weight);
                entry.stamp = clock;
                entry.weight += delta;
            }
        }
    }

    /// The averaged weights as a compact table, dropping features updated
    /// fewer than `min_updates` times and weights whose magnitude is below
    /// `prune` (they change almost no decision).
    pub(crate) fn finish(&self, prune: f32, min_updates: u32) -> Weights {
        let clock = f64::from(self.clock.max(1));
        let mut rows: Vec<(u64, Vec<(u8, f32)>)> = Vec::with_capacity(self.rows.len());
        for (&key, row) in &self.rows {
            if row.updates < min_updates {
                continue;
            }
            let mut kept: Vec<(u8, f32)> = row
                .entries
                .iter()
                .filter_map(|e| {
                    let total = e.total + f64::from(self.clock - e.stamp) * f64::from(e.weight);
                    let avg = (total / clock) as f32;
                    (avg.abs() >= prune).then_some((e.class as u8, avg))
                })
                .collect();
            if !kept.is_empty() {
                kept.sort_by_key(|&(c, _)| c);
                rows.push((key, kept));
            }
        }
        rows.sort_by_key(|&(k, _)| k);
        Weights::build(self.classes, &rows)
    }
}

/// Classes up to this many are packed with a key fingerprint into one
/// 64-bit slot (the parser's three moves).
const PACKED: usize = 3;
/// Most classes a sparse table may have: class ids use 7 bits of a payload.
pub(crate) const MAX_CLASSES: usize = 128;
/// Rows with more entries than this are stored dense: adding a contiguous
/// row vectorises, scattered adds do not.
const DENSE_FROM: usize = 12;
/// Payload flag: the low 7 bits say what the upper bits point at.
const POINTER: u32 = 0x80;
const RUN: u32 = 0;
const DENSE_ROW: u32 = 1;

#[derive(Debug, Clone, PartialEq)]
enum Table {
    /// Each slot: 16-bit key fingerprint (never 0) and three `i16` weights.
    Packed(Vec<u64>),
    /// Each slot: 32-bit key fingerprint (never 0) and a 32-bit payload,
    /// either one entry (class in bits 0–6, `i16` weight in bits 8–23) or,
    /// with bit 7 set, an index (bits 8–31) into `runs` (a length, then
    /// that many entries) or into `dense` (one `i16` per class).
    Sparse {
        slots: Vec<u64>,
        runs: Vec<u32>,
        dense: Vec<i16>,
    },
}

/// The finished, read-only weight table (open addressing, linear probing,
/// 8-byte slots). A fingerprint can match a feature the model never saw with
/// odds of 1 in 65,536 (parser) or 4 billion (others): the cost is one
/// feature's weights added by mistake.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Weights {
    classes: usize,
    scale: f32,
    table: Table,
}

#[inline]
fn slot_of(key: u64, capacity: usize) -> usize {
    ((u128::from(key) * capacity as u128) >> 64) as usize
}

#[inline]
fn fingerprint16(key: u64) -> u64 {
    (key & 0xffff).max(1)
}

#[inline]
fn fingerprint32(key: u64) -> u64 {
    (key & 0xffff_ffff).max(1)
}

#[inline]
fn entry(class: u8, q: i16) -> u32 {
    u32::from(class & 0x7f) | u32::from(q as u16) << 8
}

#[inline]
fn add_entry(acc: &mut [i32; MAX_CLASSES], e: u32) {
    if let Some(a) = acc.get_mut((e & 0x7f) as usize) {
        *a += i32::from((e >> 8) as u16 as i16);
    }
}

/// Finds `key` in a table of `(fingerprint << shift) | payload` words.
#[inline]
fn probe(words: &[u64], key: u64, fp: u64, shift: u32) -> Option<u64> {
    let capacity = words.len();
    let mut slot = slot_of(key, capacity);
    loop {
        let w = *words.get(slot)?;
        if w == 0 {
            return None;
        }
        if w >> shift == fp {
            return Some(w);
        }
        slot += 1;
        if slot == capacity {
            slot = 0;
        }
    }
}

impl Weights {
    fn build(classes: usize, rows: &[(u64, Vec<(u8, f32)>)]) -> Self {
        let capacity = (rows.len() * 10 / 7).max(16);
        let max = rows
            .iter()
            .flat_map(|(_, r)| r.iter().map(|&(_, w)| w.abs()))
            .fold(0f32, f32::max)
            .max(1e-6);
        let scale = max / 32_767.0;
        let quantize = |w: f32| (w / scale).round().clamp(-32_767.0, 32_767.0) as i16;
        let mut words = vec![0u64; capacity];
        let place = |words: &mut Vec<u64>, key: u64, word: u64| {
            let mut slot = slot_of(key, capacity);
            while words[slot] != 0 {
                slot = (slot + 1) % capacity;
            }
            words[slot] = word;
        };
        if classes <= PACKED {
            for (key, row) in rows {
                let mut w = fingerprint16(*key) << 48;
                for &(c, v) in row {
                    w |= u64::from(quantize(v) as u16) << (16 * u32::from(c));
                }
                place(&mut words, *key, w);
            }
            return Weights {
                classes,
                scale,
                table: Table::Packed(words),
            };
        }
        let mut runs: Vec<u32> = Vec::new();
        let mut dense: Vec<i16> = Vec::new();
        for (key, row) in rows {
            let kept: Vec<(u8, i16)> = row
                .iter()
                .map(|&(c, w)| (c, quantize(w)))
                .filter(|&(_, q)| q != 0)
                .collect();
            let payload = match kept.as_slice() {
                [] => continue,
                [(c, q)] => entry(*c, *q),
                _ if kept.len() > DENSE_FROM => {
                    let start = dense.len() as u32;
                    dense.resize(dense.len() + classes, 0);
                    for &(c, q) in &kept {
                        if let Some(d) = dense.get_mut(start as usize + usize::from(c)) {
                            *d = q;
                        }
                    }
                    POINTER | DENSE_ROW | start << 8
                }
                _ => {
                    let start = runs.len() as u32;
                    runs.push(kept.len() as u32);
                    runs.extend(kept.iter().map(|&(c, q)| entry(c, q)));
                    POINTER | RUN | start << 8
                }
            };
            place(
                &mut words,
                *key,
                fingerprint32(*key) << 32 | u64::from(payload),
            );
        }
        Weights {
            classes,
            scale,
            table: Table::Sparse {
                slots: words,
                runs,
                dense,
            },
        }
    }

    pub(crate) fn classes(&self) -> usize {
        self.classes
    }

    /// Number of stored features.
    pub(crate) fn len(&self) -> usize {
        match &self.table {
            Table::Packed(words) | Table::Sparse { slots: words, .. } => {
                words.iter().filter(|&&w| w != 0).count()
            }
        }
    }

    /// Bytes the table occupies.
    pub(crate) fn bytes(&self) -> usize {
        match &self.table {
            Table::Packed(words) => words.len() * 8,
            Table::Sparse { slots, runs, dense } => {
                slots.len() * 8 + runs.len() * 4 + dense.len() * 2
            }
        }
    }

    /// Sets `scores` (length ≥ classes) to the summed weights of `features`.
    #[inline]
    pub(crate) fn score(&self, features: &[u64], scores: &mut [f32]) {
        for s in scores.iter_mut() {
            *s = 0.0;
        }
        let words = match &self.table {
            Table::Packed(words) | Table::Sparse { slots: words, .. } => words,
        };
        if words.is_empty() {
            return;
        }
        // Touch every slot first: the loads are independent, so the memory
        // system fetches them in parallel instead of one miss at a time.
        let capacity = words.len();
        let mut touched = 0u64;
        for &f in features {
            touched ^= words.get(slot_of(f, capacity)).copied().unwrap_or(0);
        }
        std::hint::black_box(touched);
        match &self.table {
            Table::Packed(words) => self.score_packed(words, features, scores),
            Table::Sparse { slots, runs, dense } => {
                self.score_sparse(slots, runs, dense, features, scores)
            }
        }
    }

    fn score_packed(&self, words: &[u64], features: &[u64], scores: &mut [f32]) {
        let mut acc = [0i32; PACKED];
        for &f in features {
            if let Some(w) = probe(words, f, fingerprint16(f), 48) {
                for (c, a) in acc.iter_mut().enumerate() {
                    *a += i32::from((w >> (16 * c)) as u16 as i16);
                }
            }
        }
        for (s, a) in scores.iter_mut().zip(acc) {
            *s = a as f32 * self.scale;
        }
    }

    fn score_sparse(
        &self,
        slots: &[u64],
        runs: &[u32],
        dense: &[i16],
        features: &[u64],
        scores: &mut [f32],
    ) {
        let classes = self.classes.min(MAX_CLASSES);
        let mut acc = [0i32; MAX_CLASSES];
        for &f in features {
            let Some(w) = probe(slots, f, fingerprint32(f), 32) else {
                continue;
            };
            let p = w as u32;
            if p & POINTER == 0 {
                add_entry(&mut acc, p);
                continue;
            }
            let start = (p >> 8) as usize;
            if p & 0x7f == DENSE_ROW {
                if let (Some(row), Some(a)) =
                    (dense.get(start..start + classes), acc.get_mut(..classes))
                {
                    for (a, &q) in a.iter_mut().zip(row) {
                        *a += i32::from(q);
                    }
                }
            } else {
                let len = runs.get(start).copied().unwrap_or(0) as usize;
                if let Some(run) = runs.get(start + 1..start + 1 + len) {
                    for &e in run {
                        add_entry(&mut acc, e);
                    }
                }
            }
        }
        for (s, &a) in scores.iter_mut().zip(acc.iter()) {
            *s = a as f32 * self.scale;
        }
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.u32(self.classes as u32);
        w.f32(self.scale);
        match &self.table {
            Table::Packed(words) => {
                w.u64s(words);
                w.u32s(&[]);
                w.u16s(&[]);
            }
            Table::Sparse { slots, runs, dense } => {
                w.u64s(slots);
                w.u32s(runs);
                let dense: Vec<u16> = dense.iter().map(|&d| d as u16).collect();
                w.u16s(&dense);
            }
        }
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Self, ModelError> {
        let classes = r.u32()? as usize;
        let scale = r.f32()?;
        let words = r.u64s()?;
        let runs = r.u32s()?;
        let dense: Vec<i16> = r.u16s()?.into_iter().map(|d| d as i16).collect();
        if !scale.is_finite() || classes == 0 || classes > MAX_CLASSES {
            return Err(ModelError::Corrupt("weight table shape"));
        }
        let table = if classes <= PACKED {
            if !runs.is_empty() || !dense.is_empty() {
                return Err(ModelError::Corrupt("packed table with payload"));
            }
            Table::Packed(words)
        } else {
            Table::Sparse {
                slots: words,
                runs,
                dense,
            }
        };
        Ok(Weights {
            classes,
            scale,
            table,
        })
    }
}

/// The index of the highest score among the allowed classes.
#[inline]
pub(crate) fn best(scores: &[f32], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<(usize, f32)> = None;
    for (i, &s) in scores.iter().enumerate() {
        let better = match best {
            None => true,
            Some((_, b)) => s > b,
        };
        if allowed(i) && better {
            best = Some((i, s));
        }
    }
    best.map(|(i, _)| i)
}
