//! Finds person, organisation, location, event and misc names in the content sentences.

pub mod aliases;

use crate::report::{EntityType, Paragraph, Sentence, Span};
use crate::tokenize::Token;

/// One name occurrence, before mentions are merged into entities.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub kind: EntityType,
}

/// Name mentions in the title and body sentences, in text order, without overlaps.
pub fn recognise(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    paragraphs: &[Paragraph],
) -> Vec<Mention> {
    let _ = (text, tokens, sentences, paragraphs);
    Vec::new()
}
