//! Fast look-up of short keys: the figure grammar asks "is this word one of…" of nearly
//! every word in the text, and the keys are the program's own word lists, so a simple
//! multiply-rotate hash (FxHash, as in rustc) is enough and much cheaper than SipHash.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }
    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    fn finish(&self) -> u64 {
        self.hash
    }
}

pub type FxBuild = BuildHasherDefault<FxHasher>;
pub type FxHashMap<K, V> = HashMap<K, V, FxBuild>;

/// A fixed set of lower-case words.
pub struct WordSet(HashSet<Box<str>, FxBuild>);

impl WordSet {
    pub fn new(words: impl IntoIterator<Item = String>) -> WordSet {
        WordSet(words.into_iter().map(String::into_boxed_str).collect())
    }
    pub fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }
}
