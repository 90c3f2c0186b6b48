//! A fast hasher for the analysis's many small maps keyed by words and ids.
//!
//! The standard library's SipHash guards servers against crafted collisions; here the
//! input is one article in the user's own browser, and hashing words is a large share of
//! the work, so a multiply-rotate hash over 8 bytes at a time is used instead.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last) ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(n as u64);
    }

    fn write_u32(&mut self, n: u32) {
        self.add(n as u64);
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// FNV-1a's starting state.
pub const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a state `h` after one more byte.
pub fn fnv_byte(h: u64, b: u8) -> u64 {
    (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3)
}

/// FNV-1a state `h` after a string's bytes and an end marker (0xff, never in UTF-8).
pub fn fnv_str(h: u64, s: &str) -> u64 {
    s.bytes().chain([0xff]).fold(h, fnv_byte)
}

/// A string's FNV-1a hash: 64 bits, good enough to stand for the string itself among the
/// few thousand words of an article, where the odds that two share one are below 1 in 10
/// billion. [`FastHasher`] is faster but not that even.
pub fn text_hash(s: &str) -> u64 {
    fnv_str(FNV_START, s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_keep_distinct_words_apart() {
        let words = [
            "",
            "a",
            "ab",
            "abcdefgh",
            "abcdefghi",
            "abcdefgh\0",
            "Việt",
            "viet",
        ];
        let map: FastMap<&str, usize> = words.iter().enumerate().map(|(i, &w)| (w, i)).collect();
        assert_eq!(map.len(), words.len());
        for (i, w) in words.iter().enumerate() {
            assert_eq!(map[w], i);
        }
    }
}
