//! Splits a sentence into the pieces figures are read from: digit runs, letter runs and
//! single other characters, each with its byte span and whether space precedes it.
//!
//! This is finer than the pipeline's tokens on purpose: "USD34.6", "10k", "4th" and
//! "3.5years" each split into a number and a word, which is what the figure grammar needs.

use super::numbers::Num;
use crate::tokenize::is_letter;
use std::cell::Cell;

/// What a piece is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// ASCII digits, with inner '.' before a digit and inner ',' before a group of three.
    Num,
    /// Letters and combining marks, with inner apostrophes ("o'clock", "No’s").
    Word,
    /// Any other single character that is not white space.
    Other(char),
}

#[derive(Clone, Copy, Debug)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// White space between this piece and the one before (or the sentence start).
    pub space_before: bool,
}

/// Pieces of `text[from..to]`, with offsets into `text`. Linear in the length.
pub fn lex(text: &str, from: usize, to: usize) -> Vec<Piece> {
    let bytes = text.as_bytes();
    // About one piece per four bytes of prose: room enough to rarely grow.
    let mut out = Vec::with_capacity((to - from) / 4 + 4);
    let mut i = from;
    let mut space = true;
    while i < to {
        let c = text[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        if c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}' {
            space = true;
            i += len;
            continue;
        }
        let start = i;
        // ".25": a decimal with no leading zero, after a space or at the start.
        let bare_decimal = c == '.' && space && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        let kind = if c.is_ascii_digit() || bare_decimal {
            i += 1;
            loop {
                match bytes.get(i) {
                    Some(b) if b.is_ascii_digit() && i < to => i += 1,
                    Some(b'.') if i + 1 < to && bytes[i + 1].is_ascii_digit() => i += 1,
                    Some(b',') if comma_group(bytes, i + 1, to) => i += 1,
                    Some(b',') if decimal_comma(bytes, start, i, to) => i += 1,
                    _ => break,
                }
            }
            Kind::Num
        } else if is_letter(c) {
            i += len;
            while i < to {
                if bytes[i].is_ascii_alphabetic() {
                    i += 1;
                    continue;
                }
                let Some(n) = text[i..].chars().next() else {
                    break;
                };
                // A letter, or an apostrophe inside a word ("don't", "O’Neill").
                if is_letter(n)
                    || matches!(n, '\'' | '’')
                        && text[i + n.len_utf8()..to]
                            .chars()
                            .next()
                            .is_some_and(is_letter)
                {
                    i += n.len_utf8();
                } else {
                    break;
                }
            }
            Kind::Word
        } else {
            i += len;
            Kind::Other(c)
        };
        out.push(Piece {
            start,
            end: i,
            kind,
            space_before: space,
        });
        space = false;
    }
    out
}

/// "1,3": a comma before one or two final digits of a number with no other separator,
/// and no list going on after it ("22,24,26").
fn decimal_comma(bytes: &[u8], start: usize, i: usize, to: usize) -> bool {
    let digits = bytes[i + 1..to]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let after = i + 1 + digits;
    (1..=2).contains(&digits)
        && bytes[start..i].iter().all(u8::is_ascii_digit)
        && !(start > 0 && bytes[start - 1] == b',')
        && !(after < to && bytes[after] == b',')
}

/// Whether exactly three digits start at `i` and no fourth follows: a thousands group.
fn comma_group(bytes: &[u8], i: usize, to: usize) -> bool {
    i + 3 <= to
        && bytes[i..i + 3].iter().all(u8::is_ascii_digit)
        && !(i + 3 < to && bytes[i + 3].is_ascii_digit())
}

/// The pieces of one sentence with the text they index; `lower` is the ASCII-lowercased
/// text (same byte offsets), so lexicon look-ups need no allocation.
pub struct Sentence<'a> {
    pub text: &'a str,
    pub lower: &'a str,
    pub pieces: Vec<Piece>,
    /// The number read at each piece, once read: the date and quantity grammars ask for
    /// the same pieces many times.
    pub(super) numbers: Vec<Cell<Option<Option<Num>>>>,
    /// Whether the sentence is in title case, once asked (a question about every word).
    pub(super) title_case: Cell<Option<bool>>,
}

impl<'a> Sentence<'a> {
    /// The pieces of `text[from..to]`.
    pub fn new(text: &'a str, lower: &'a str, from: usize, to: usize) -> Sentence<'a> {
        let pieces = lex(text, from, to);
        let numbers = vec![Cell::new(None); pieces.len()];
        Sentence {
            text,
            lower,
            pieces,
            numbers,
            title_case: Cell::new(None),
        }
    }
    pub fn len(&self) -> usize {
        self.pieces.len()
    }
    /// The lowercased word at `i`, if piece `i` is a word.
    pub fn word(&self, i: usize) -> Option<&'a str> {
        let p = self.pieces.get(i)?;
        (p.kind == Kind::Word).then(|| &self.lower[p.start..p.end])
    }
    /// Whether piece `i` is the word `w` (lowercase), in any case.
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }
    /// Whether piece `i` is one of `words`.
    pub fn is_any(&self, i: usize, words: &[&str]) -> bool {
        self.word(i).is_some_and(|x| words.contains(&x))
    }
    /// The digits at `i`, if piece `i` is a number.
    pub fn num(&self, i: usize) -> Option<&'a str> {
        let p = self.pieces.get(i)?;
        (p.kind == Kind::Num).then(|| &self.text[p.start..p.end])
    }
    /// The character at `i`, if piece `i` is a single other character.
    pub fn ch(&self, i: usize) -> Option<char> {
        match self.pieces.get(i)?.kind {
            Kind::Other(c) => Some(c),
            _ => None,
        }
    }
    /// The text written from the first of these pieces to the last.
    pub fn text_of(&self, pieces: std::ops::Range<usize>) -> &'a str {
        &self.text[self.pieces[pieces.start].start..self.pieces[pieces.end - 1].end]
    }
    /// Whether piece `i` is written as an owner: "England's", "Hà Nội’s".
    pub fn possessive(&self, i: usize) -> bool {
        let raw = self.raw(i);
        raw.ends_with("'s") || raw.ends_with("’s")
    }
    /// The piece as written.
    pub fn raw(&self, i: usize) -> &'a str {
        self.pieces
            .get(i)
            .map_or("", |p| &self.text[p.start..p.end])
    }
    /// Whether piece `i` follows the one before it with no space between.
    pub fn attached(&self, i: usize) -> bool {
        self.pieces.get(i).is_some_and(|p| !p.space_before)
    }
    /// Whether piece `i` has no space on either side: the "-" of "75-year", the "/" of "1/4".
    pub fn joins(&self, i: usize) -> bool {
        self.attached(i) && self.attached(i + 1)
    }
    /// Whether piece `i` starts with a capital letter as written.
    pub fn capitalised(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }
    /// Whether piece `i` is a word with a plural's ending: "barrels", not "boss" or "it's".
    pub fn plural(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| {
            w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.contains(['\'', '’'])
        })
    }
    /// Whether piece `i` is a word joined to the next by "&", as in "M&S" or "AT&T": a
    /// name's letters, never a unit or magnitude.
    pub fn ampersand_name(&self, i: usize) -> bool {
        self.word(i).is_some() && self.ch(i + 1) == Some('&') && self.attached(i + 1)
    }
    /// Whether piece `i` is a dash or hyphen.
    pub fn dash(&self, i: usize) -> bool {
        matches!(self.ch(i), Some('-' | '–' | '—' | '‒' | '−'))
    }
    /// Whether piece `i` is a dash with no space on either side: the "-" of "75-year".
    pub fn hyphen(&self, i: usize) -> bool {
        self.dash(i) && self.joins(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! case {
        ($input:expr, [$($piece:expr),* $(,)?]) => {{
            let text: &str = $input;
            let got: Vec<&str> = lex(text, 0, text.len()).iter().map(|p| &text[p.start..p.end]).collect();
            assert_eq!(got, [$($piece),*] as [&str; 0 $(+ { let _ = $piece; 1 })*], "{text:?}");
        }};
    }

    #[test]
    fn splits_numbers_from_letters_and_keeps_groups() {
        case!("USD34.6m", ["USD", "34.6", "m"]);
        case!(
            "1,234,567.5 and 22,24,26",
            ["1,234,567.5", "and", "22", ",", "24", ",", "26"]
        );
        case!("the 4th o'clock", ["the", "4", "th", "o'clock"]);
        case!("US$4.7 billion.", ["US", "$", "4.7", "billion", "."]);
        case!("No’s” 13.5.2015", ["No’s", "”", "13.5.2015"]);
        case!("the .25ml and 3.", ["the", ".25", "ml", "and", "3", "."]);
        case!("", []);
    }

    #[test]
    fn records_space_before() {
        let text = "75-year 9 am";
        let p = lex(text, 0, text.len());
        let spaces: Vec<bool> = p.iter().map(|p| p.space_before).collect();
        assert_eq!(spaces, [true, false, false, true, true]);
    }
}
