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
/// Marks a sparse payload that points into the entry array (no class is 255).
const POINTER: u64 = 0xff;
/// Marks a payload that points at a dense row of weights (no class is 254).
const DENSE: u64 = 0xfe;
/// Rows with more entries than this are stored dense: adding a contiguous
/// row vectorises, scattered adds do not.
const DENSE_FROM: usize = 12;
/// Most classes a sparse table may have (the dense rows and the accumulator).
const MAX_CLASSES: usize = 254;

/// One open-addressing slot of a sparse table: the feature key and its
/// payload, side by side so a lookup touches one cache line.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct Slot {
    key: u64,
    payload: u64,
}

#[derive(Debug, Clone, PartialEq)]
enum Table {
    /// Each slot: 16-bit key fingerprint (never 0) and three `i16` weights.
    /// A false match needs a 1-in-65,536 fingerprint collision on a feature
    /// the model never saw, and costs one feature's weights.
    Packed(Vec<u64>),
    /// Packed `(class, 24-bit weight)` entries: rows of one or two entries
    /// sit in the payload, longer rows in `entries`, which the payload points to.
    Sparse {
        slots: Vec<Slot>,
        entries: Vec<u32>,
        dense: Vec<i32>,
    },
}

/// The finished, read-only weight table (open addressing, linear probing).
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
fn fingerprint(key: u64) -> u64 {
    (key & 0xffff).max(1)
}

impl Weights {
    fn build(classes: usize, rows: &[(u64, Vec<(u8, f32)>)]) -> Self {
        let capacity = (rows.len() * 10 / 7).max(16);
        let max = rows
            .iter()
            .flat_map(|(_, r)| r.iter().map(|&(_, w)| w.abs()))
            .fold(0f32, f32::max)
            .max(1e-6);
        let packed = classes <= PACKED;
        let levels = if packed { 32_767.0 } else { 8_388_607.0 };
        let scale = max / levels;
        let quantize = |w: f32| (w / scale).round().clamp(-levels, levels) as i32;
        if packed {
            let mut words = vec![0u64; capacity];
            for (key, row) in rows {
                let mut slot = slot_of(*key, capacity);
                while words[slot] != 0 {
                    slot = (slot + 1) % capacity;
                }
                let mut w = fingerprint(*key) << 48;
                for &(c, v) in row {
                    w |= u64::from(quantize(v) as i16 as u16) << (16 * u32::from(c));
                }
                words[slot] = w;
            }
            return Weights {
                classes,
                scale,
                table: Table::Packed(words),
            };
        }
        let mut slots = vec![Slot::default(); capacity];
        let mut entries = Vec::new();
        let mut dense: Vec<i32> = Vec::new();
        for (key, row) in rows {
            let packed: Vec<u32> = row
                .iter()
                .filter(|&&(_, w)| quantize(w) != 0)
                .map(|&(c, w)| ((quantize(w) as u32) << 8) | u32::from(c))
                .collect();
            let payload = match packed.as_slice() {
                [] => continue,
                [a] => u64::from(*a),
                [a, b] => u64::from(*a) | u64::from(*b) << 32,
                _ if packed.len() > DENSE_FROM => {
                    let start = dense.len() as u64;
                    dense.resize(dense.len() + classes, 0);
                    for &(c, w) in row {
                        if let Some(d) = dense.get_mut(start as usize + usize::from(c)) {
                            *d = quantize(w);
                        }
                    }
                    DENSE | start << 32
                }
                _ => {
                    let start = entries.len() as u64;
                    entries.extend_from_slice(&packed);
                    POINTER | (packed.len() as u64) << 8 | start << 32
                }
            };
            let mut slot = slot_of(*key, capacity);
            while slots[slot].key != 0 {
                slot = (slot + 1) % capacity;
            }
            slots[slot] = Slot { key: *key, payload };
        }
        Weights {
            classes,
            scale,
            table: Table::Sparse {
                slots,
                entries,
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
            Table::Packed(words) => words.iter().filter(|&&w| w != 0).count(),
            Table::Sparse { slots, .. } => slots.iter().filter(|s| s.key != 0).count(),
        }
    }

    /// Bytes the table occupies.
    pub(crate) fn bytes(&self) -> usize {
        match &self.table {
            Table::Packed(words) => words.len() * 8,
            Table::Sparse {
                slots,
                entries,
                dense,
            } => slots.len() * 16 + entries.len() * 4 + dense.len() * 4,
        }
    }

    /// Sets `scores` (length ≥ classes) to the summed weights of `features`.
    #[inline]
    pub(crate) fn score(&self, features: &[u64], scores: &mut [f32]) {
        for s in scores.iter_mut() {
            *s = 0.0;
        }
        match &self.table {
            Table::Packed(words) => self.score_packed(words, features, scores),
            Table::Sparse {
                slots,
                entries,
                dense,
            } => self.score_sparse(slots, entries, dense, features, scores),
        }
    }

    fn score_packed(&self, words: &[u64], features: &[u64], scores: &mut [f32]) {
        let capacity = words.len();
        if capacity == 0 {
            return;
        }
        // Touch every slot first: the loads are independent, so the memory
        // system fetches them in parallel instead of one miss at a time.
        let mut touched = 0u64;
        for &f in features {
            touched ^= words.get(slot_of(f, capacity)).copied().unwrap_or(0);
        }
        std::hint::black_box(touched);
        let mut acc = [0i32; PACKED];
        for &f in features {
            let fp = fingerprint(f);
            let mut slot = slot_of(f, capacity);
            while let Some(&w) = words.get(slot) {
                if w == 0 {
                    break;
                }
                if w >> 48 == fp {
                    for (c, a) in acc.iter_mut().enumerate() {
                        *a += i32::from((w >> (16 * c)) as u16 as i16);
                    }
                    break;
                }
                slot += 1;
                if slot == capacity {
                    slot = 0;
                }
            }
        }
        for (s, a) in scores.iter_mut().zip(acc) {
            *s = a as f32 * self.scale;
        }
    }

    fn score_sparse(
        &self,
        slots: &[Slot],
        entries: &[u32],
        dense: &[i32],
        features: &[u64],
        scores: &mut [f32],
    ) {
        let capacity = slots.len();
        if capacity == 0 {
            return;
        }
        let mut touched = 0u64;
        for &f in features {
            touched ^= slots.get(slot_of(f, capacity)).map_or(0, |s| s.key);
        }
        std::hint::black_box(touched);
        let classes = self.classes.min(MAX_CLASSES);
        let mut acc = [0i32; MAX_CLASSES];
        let add = |acc: &mut [i32; MAX_CLASSES], e: u32| {
            if let Some(a) = acc.get_mut((e & 0xff) as usize) {
                *a += (e as i32) >> 8;
            }
        };
        for &f in features {
            let mut slot = slot_of(f, capacity);
            let payload = loop {
                let Some(s) = slots.get(slot) else { break None };
                if s.key == f {
                    break Some(s.payload);
                }
                if s.key == 0 {
                    break None;
                }
                slot += 1;
                if slot == capacity {
                    slot = 0;
                }
            };
            let Some(p) = payload else { continue };
            match p & 0xff {
                DENSE => {
                    let start = (p >> 32) as usize;
                    if let (Some(row), Some(a)) =
                        (dense.get(start..start + classes), acc.get_mut(..classes))
                    {
                        for (a, &w) in a.iter_mut().zip(row) {
                            *a += w;
                        }
                    }
                }
                POINTER => {
                    let len = ((p >> 8) & 0xff_ffff) as usize;
                    let start = (p >> 32) as usize;
                    if let Some(run) = entries.get(start..start + len) {
                        for &e in run {
                            add(&mut acc, e);
                        }
                    }
                }
                _ => {
                    add(&mut acc, p as u32);
                    let second = (p >> 32) as u32;
                    if second != 0 {
                        add(&mut acc, second);
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
                w.u64s(&[]);
                w.u32s(&[]);
                w.u32s(&[]);
            }
            Table::Sparse {
                slots,
                entries,
                dense,
            } => {
                let keys: Vec<u64> = slots.iter().map(|s| s.key).collect();
                let payload: Vec<u64> = slots.iter().map(|s| s.payload).collect();
                w.u64s(&keys);
                w.u64s(&payload);
                w.u32s(entries);
                let dense: Vec<u32> = dense.iter().map(|&d| d as u32).collect();
                w.u32s(&dense);
            }
        }
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Self, ModelError> {
        let classes = r.u32()? as usize;
        let scale = r.f32()?;
        let keys = r.u64s()?;
        let payload = r.u64s()?;
        let entries = r.u32s()?;
        let dense: Vec<i32> = r.u32s()?.into_iter().map(|d| d as i32).collect();
        if !scale.is_finite() || classes == 0 || classes > MAX_CLASSES {
            return Err(ModelError::Corrupt("weight table shape"));
        }
        let table = if classes <= PACKED {
            if !payload.is_empty() || !entries.is_empty() || !dense.is_empty() {
                return Err(ModelError::Corrupt("packed table with payload"));
            }
            Table::Packed(keys)
        } else {
            if keys.len() != payload.len() {
                return Err(ModelError::Corrupt("weight table shape"));
            }
            let slots = keys
                .into_iter()
                .zip(payload)
                .map(|(key, payload)| Slot { key, payload })
                .collect();
            Table::Sparse {
                slots,
                entries,
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
