//! Feature hashing. Every feature the models use is a 64-bit key built from
//! small integers and per-token string hashes, so scoring never allocates.
//! The functions are fixed (no random seed) so a model trained on one machine
//! scores identically everywhere.

/// Hash of a string's bytes (FNV-1a with a final avalanche).
pub(crate) fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    finish(h)
}

/// Combines a running key with another value; order matters.
#[inline]
pub(crate) fn mix(a: u64, b: u64) -> u64 {
    finish(a.rotate_left(23) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

#[inline]
fn finish(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// One step of a feature key: a multiply-rotate, cheaper than [`mix`];
/// the key gets one full avalanche ([`finish`]) at the end. Scoring builds
/// a few hundred keys per word, so this is a measurable part of the time.
#[inline]
fn step(h: u64, v: u64) -> u64 {
    (h ^ v).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(29)
}

#[inline]
fn template(t: u64) -> u64 {
    t.wrapping_mul(0xd6e8_feb8_6659_fd93)
}

/// A feature key: template number plus up to three values.
#[inline]
pub(crate) fn f1(t: u64, a: u64) -> u64 {
    nonzero(finish(step(template(t), a)))
}
#[inline]
pub(crate) fn f2(t: u64, a: u64, b: u64) -> u64 {
    nonzero(finish(step(step(template(t), a), b)))
}
#[inline]
pub(crate) fn f3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    nonzero(finish(step(step(step(template(t), a), b), c)))
}

/// Zero marks an empty slot in the weight tables.
#[inline]
fn nonzero(h: u64) -> u64 {
    if h == 0 {
        1
    } else {
        h
    }
}

/// A small deterministic random number generator (xorshift64*) for shuffling
/// and exploration during training.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    pub(crate) fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    /// Uniform in `0..n` (n > 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % (n.max(1) as u64)) as usize
    }
    pub(crate) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}
