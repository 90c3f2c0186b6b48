//! Splits each paragraph into sentences, minding abbreviations, initials, quotes and ellipses.

use crate::report::{Paragraph, Sentence, Span};
use crate::tokenize::{Token, TokenKind};

/// Words that take a full stop without ending a sentence (lower case, without the dot).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "cmdr",
    "gov", "sen", "rep", "rev", "hon", "messrs", "no", "nos", "vs", "inc", "ltd", "co", "corp",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt",
    "ft", "approx", "fig", "vol", "pp", "art", "dept", "est", "ave",
];

/// Capitalised words that start a new sentence after a dotted abbreviation ("in the U.S. The
/// talks…"); any other capital after "U.S." continues the sentence ("U.S. Senate").
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "In",
    "But",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "On",
    "At",
    "As",
    "For",
    "And",
    "Meanwhile",
    "However",
    "Yet",
    "So",
    "If",
    "When",
];

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…")
}

fn is_closing(s: &str) -> bool {
    matches!(s, "\"" | "'" | "”" | "’" | ")" | "]" | "»")
}

/// Sentences of every paragraph, in text order; together they cover each paragraph's text
/// but for the white space between sentences.
pub fn split(text: &str, tokens: &[Token], paragraphs: &[Paragraph]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (index, p) in paragraphs.iter().enumerate() {
        let first = tokens.partition_point(|t| t.span.start < p.span.start);
        let last = tokens.partition_point(|t| t.span.end <= p.span.end);
        let toks = &tokens[first..last.max(first)];
        let mut start = p.span.start;
        for last in boundaries(text, toks) {
            out.push(Sentence::new(Span::new(start, toks[last].span.end), index));
            start = toks.get(last + 1).map_or(p.span.end, |t| t.span.start);
        }
        if start < p.span.end {
            out.push(Sentence::new(Span::new(start, p.span.end), index));
        }
    }
    out
}

/// Index of the last token of each sentence in one paragraph's tokens, the paragraph's
/// last sentence excluded.
fn boundaries(text: &str, toks: &[Token]) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let s = t.text(text);
        let dotted = t.kind == TokenKind::Word && s.len() > 2 && s.ends_with('.');
        if !(dotted || t.kind == TokenKind::Punct && is_terminal(s)) {
            i += 1;
            continue;
        }
        // The terminal group: "...", "?!", then closing quotes and brackets.
        let mut j = i + 1;
        while j < toks.len() && toks[j].kind == TokenKind::Punct && is_terminal(toks[j].text(text))
        {
            j += 1;
        }
        // A straight quote after a space opens the next sentence: `for. "I am`.
        while j < toks.len()
            && is_closing(toks[j].text(text))
            && !(matches!(toks[j].text(text), "\"" | "'")
                && toks[j].span.start > toks[j - 1].span.end)
        {
            j += 1;
        }
        let Some(next) = toks.get(j) else { break };
        if ends_sentence(text, toks, i, *next, dotted) {
            ends.push(j - 1);
        }
        i = j;
    }
    ends
}

/// Whether the terminal at `toks[i]` ends a sentence, given the token after its group.
fn ends_sentence(text: &str, toks: &[Token], i: usize, next: Token, dotted: bool) -> bool {
    let next_text = next.text(text);
    let Some(first) = next_text.chars().next() else {
        return false;
    };
    if first.is_lowercase() {
        return false;
    }
    // A digit straight after a full stop makes it a decimal point: "VND16.8 trillion".
    if first.is_ascii_digit() && next.span.start == toks[i].span.end {
        return false;
    }
    if dotted {
        return SENTENCE_STARTERS.contains(&next_text);
    }
    let here = toks[i];
    if here.text(text) != "." || i == 0 {
        return true;
    }
    let prev = toks[i - 1];
    let attached = prev.span.end == here.span.start;
    if !attached || prev.kind != TokenKind::Word {
        return true;
    }
    let word = prev.text(text);
    let lower = word.to_lowercase();
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let abbreviation = ABBREVIATIONS.contains(&lower.as_str());
    // "No. 5" never ends; "Corp. The" rarely does, so abbreviations hold on to what follows.
    !(initial || abbreviation)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Role;
    use crate::tokenize::tokenize;

    fn sentences(text: &str) -> Vec<&str> {
        let p = Paragraph {
            span: Span::new(0, text.len()),
            role: Role::Body,
        };
        split(text, &tokenize(text), &[p])
            .iter()
            .map(|s| s.span.of(text))
            .collect()
    }

    macro_rules! case {
        ($input:expr, [$($s:expr),* $(,)?]) => {
            let want: Vec<&str> = vec![$($s),*];
            assert_eq!(sentences($input), want, "splitting {:?}", $input);
        };
    }

    #[test]
    fn splits() {
        case!("Dr. Smith left. He ran.", ["Dr. Smith left.", "He ran."]);
        case!(
            "Mr. and Mrs. Jones met on Jan. 5 in St. Louis.",
            ["Mr. and Mrs. Jones met on Jan. 5 in St. Louis."]
        );
        case!(
            "John F. Kennedy spoke. Crowds cheered!",
            ["John F. Kennedy spoke.", "Crowds cheered!"]
        );
        case!(
            "It fell 4.5 per cent. Then it rose.",
            ["It fell 4.5 per cent.", "Then it rose."]
        );
        case!(
            "Talks in the U.S. Senate ended. The vote is near.",
            ["Talks in the U.S. Senate ended.", "The vote is near."]
        );
        case!(
            "She lives in the U.S. The move was hard.",
            ["She lives in the U.S.", "The move was hard."]
        );
        case!(
            "He said: “Always serve the nation's interests.” Today it holds.",
            [
                "He said: “Always serve the nation's interests.”",
                "Today it holds."
            ]
        );
        // A straight quote after a space opens the next sentence.
        case!(
            "He was hoping for more. \"I am afraid,\" he said. \"No.\"",
            [
                "He was hoping for more.",
                "\"I am afraid,\" he said.",
                "\"No.\""
            ]
        );
        case!(
            "“Why?” he asked. Nobody knew.",
            ["“Why?” he asked.", "Nobody knew."]
        );
        case!(
            "Wait... What happened? Nothing.",
            ["Wait...", "What happened?", "Nothing."]
        );
        case!("Wait... and see.", ["Wait... and see."]);
        case!("Item No. 5 was sold.", ["Item No. 5 was sold."]);
        case!(
            "Loans topped VND16.8 trillion. Rs3.4 crore went.",
            ["Loans topped VND16.8 trillion.", "Rs3.4 crore went."]
        );
        case!("No full stop at the end", ["No full stop at the end"]);
        case!("", []);
    }

    #[test]
    fn sentences_never_cross_paragraphs() {
        let text = "One. Two\nThree.";
        let tokens = tokenize(text);
        let paragraphs = [
            Paragraph {
                span: Span::new(0, 8),
                role: Role::Body,
            },
            Paragraph {
                span: Span::new(9, 15),
                role: Role::Body,
            },
        ];
        let got: Vec<(&str, usize)> = split(text, &tokens, &paragraphs)
            .iter()
            .map(|s| (s.span.of(text), s.paragraph))
            .collect();
        assert_eq!(got, [("One.", 0), ("Two", 0), ("Three.", 1)]);
    }
}
