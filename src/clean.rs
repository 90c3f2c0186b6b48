//! Normalises the input to NFC with a map back to it, and gives each paragraph a role.

use crate::report::{Dateline, Paragraph, Role, Span};
use unicode_normalization::{is_nfc, UnicodeNormalization};

/// The cleaned view of an input text.
#[derive(Clone, Debug)]
pub struct Cleaned {
    /// NFC text; every span in the pipeline indexes this.
    pub text: String,
    pub map: OffsetMap,
    /// Lines and inline fragments in text order, each with its role. Blank lines are not
    /// paragraphs.
    pub paragraphs: Vec<Paragraph>,
    pub dateline: Option<Dateline>,
}

impl Cleaned {
    pub fn role_at(&self, paragraph: usize) -> Role {
        self.paragraphs[paragraph].role
    }
}

/// Maps spans of the NFC view back to the input. A run of text that normalisation left
/// alone maps offset by offset; a run it changed maps as a whole, widening spans to it.
#[derive(Clone, Debug, Default)]
pub struct OffsetMap {
    /// (view start, input start, view len, input len, verbatim), sorted; empty when the
    /// input was already NFC.
    runs: Vec<Run>,
}

#[derive(Clone, Copy, Debug)]
struct Run {
    view: usize,
    input: usize,
    view_len: usize,
    input_len: usize,
    verbatim: bool,
}

impl OffsetMap {
    /// The input span for a view span.
    pub fn to_input(&self, span: Span) -> (usize, usize) {
        if self.runs.is_empty() {
            return (span.start, span.end);
        }
        (self.map(span.start, false), self.map(span.end, true))
    }

    fn map(&self, offset: usize, is_end: bool) -> usize {
        // The last run starting at or before `offset` (for an end, strictly before).
        let idx = self
            .runs
            .partition_point(|r| {
                if is_end {
                    r.view < offset
                } else {
                    r.view <= offset
                }
            })
            .saturating_sub(1);
        let Some(run) = self.runs.get(idx) else {
            return offset;
        };
        let within = offset.saturating_sub(run.view);
        if run.verbatim {
            run.input + within.min(run.input_len)
        } else if within == 0 && !is_end {
            run.input
        } else {
            run.input + run.input_len
        }
    }
}

/// NFC-normalises `input`, segment by segment (a starter and the marks after it), so
/// that every change stays inside one segment and the map stays exact.
fn normalise(input: &str) -> (String, OffsetMap) {
    if is_nfc(input) {
        return (input.to_string(), OffsetMap::default());
    }
    let mut text = String::with_capacity(input.len());
    let mut runs: Vec<Run> = Vec::new();
    let push = |text: &mut String, runs: &mut Vec<Run>, input_start: usize, segment: &str| {
        let view = text.len();
        let verbatim = is_nfc(segment);
        if verbatim {
            text.push_str(segment);
        } else {
            text.extend(segment.nfc());
        }
        let view_len = text.len() - view;
        match runs.last_mut() {
            Some(last) if verbatim && last.verbatim => {
                last.view_len += view_len;
                last.input_len += segment.len();
            }
            _ => runs.push(Run {
                view,
                input: input_start,
                view_len,
                input_len: segment.len(),
                verbatim,
            }),
        }
    };
    let mut seg_start = 0;
    for (i, c) in input.char_indices() {
        if i > seg_start && starts_segment(c) {
            push(&mut text, &mut runs, seg_start, &input[seg_start..i]);
            seg_start = i;
        }
    }
    if seg_start < input.len() {
        push(&mut text, &mut runs, seg_start, &input[seg_start..]);
    }
    (text, OffsetMap { runs })
}

/// A character that normalisation never merges with what precedes it.
fn starts_segment(c: char) -> bool {
    use unicode_normalization::char::canonical_combining_class;
    // Hangul vowel and trailing jamo have class 0 but compose with the syllable before.
    canonical_combining_class(c) == 0
        && !matches!(c as u32, 0x1161..=0x1175 | 0x11A8..=0x11C2)
        && !is_composing_starter(c)
}

/// Starters that compose with a preceding character (e.g. Indic two-part vowel signs).
fn is_composing_starter(c: char) -> bool {
    matches!(
        c as u32,
        0x0B3E
            | 0x0BBE
            | 0x0CC2
            | 0x0CD5
            | 0x0CD6
            | 0x0D3E
            | 0x0D57
            | 0x0DCF
            | 0x0DDF
            | 0x102E
            | 0x1133E
            | 0x11357
            | 0x114B0
            | 0x114BA
            | 0x114BD
            | 0x115AF
            | 0x09BE
            | 0x09D7
            | 0x0B57
            | 0x0B56
            | 0x0BD7
    )
}

/// Cleans `input`. `include` lists paragraph indices the user has brought back into the
/// body.
pub fn clean(input: &str, include: &[usize]) -> Cleaned {
    let (text, map) = normalise(input);
    let mut paragraphs = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let lead = line.len() - line.trim_start().len();
            let s = start + lead;
            paragraphs.push(Paragraph {
                span: Span::new(s, s + trimmed.len()),
                role: Role::Body,
            });
        }
        start += line.len();
    }
    for &i in include {
        if let Some(p) = paragraphs.get_mut(i) {
            p.role = Role::Body;
        }
    }
    Cleaned {
        text,
        map,
        paragraphs,
        dateline: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_input_maps_to_itself() {
        let (text, map) = normalise("Bùi Thanh Sơn");
        assert_eq!(text, "Bùi Thanh Sơn");
        assert_eq!(map.to_input(Span::new(4, 9)), (4, 9));
    }

    #[test]
    fn decomposed_input_is_composed_and_spans_map_back() {
        // "Sơn" in NFD: o + combining horn (U+031B).
        let input = "Mr So\u{031B}n left";
        let (text, map) = normalise(input);
        assert_eq!(text, "Mr Sơn left");
        let son = Span::new(3, 3 + "Sơn".len());
        let (s, e) = map.to_input(son);
        assert_eq!(&input[s..e], "So\u{031B}n");
        let left = Span::new(text.find("left").unwrap(), text.len());
        let (s, e) = map.to_input(left);
        assert_eq!(&input[s..e], "left");
    }

    #[test]
    fn paragraphs_are_non_blank_lines() {
        let c = clean("One.\r\n\r\n  Two.  \n", &[]);
        let got: Vec<&str> = c.paragraphs.iter().map(|p| p.span.of(&c.text)).collect();
        assert_eq!(got, ["One.", "Two."]);
    }
}
