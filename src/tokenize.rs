//! Splits text into word, number, punctuation and symbol tokens, as spans.

use crate::report::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters and combining marks, with inner apostrophes ("No’s", "O'Brien") and digits
    /// after a letter ("G7", "COVID19").
    Word,
    /// Starts with a digit: "2025", "4.58", "1,469", "4th", "80th".
    Number,
    /// Sentence and clause punctuation, quotes, brackets, dashes.
    Punct,
    /// Anything else that is not white space: "$", "€", "%", "°", "/", "&".
    Symbol,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.of(text)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks (general category M), so NFD Vietnamese stays in one word.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
        || (!c.is_alphanumeric()
            && !c.is_whitespace()
            && !c.is_ascii()
            && unicode_normalization::char::is_combining_mark(c))
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

fn is_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '"'
            | '\''
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '-'
            | '–'
            | '—'
            | '‒'
            | '―'
            | '…'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '«'
            | '»'
            | '„'
            | '‹'
            | '›'
            | '¡'
            | '¿'
            | '·'
    )
}

/// A letter or a combining mark (`\p{L}` or `\p{M}`), with an ASCII fast path.
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    c.is_alphabetic() || unicode_normalization::char::is_combining_mark(c)
}

/// A capital after a word's first letter, as brands write their names: "iPhone",
/// "PlayStation", "eBay".
pub fn has_inner_capital(word: &str) -> bool {
    word.chars().skip(1).any(char::is_uppercase)
}

/// White space, and the invisible zero-width space and byte-order mark that pasted text
/// carries between words.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}'
}

/// Length of a dotted abbreviation at the start of `s` ("U.S.", "a.m.", "U.N."): single
/// letters each followed by a dot, at least two of them, not followed by a letter.
fn dotted_abbreviation(s: &str) -> Option<usize> {
    let mut it = s.char_indices().peekable();
    let mut letters = 0;
    let mut end = 0;
    while let Some((_, c)) = it.next() {
        if !c.is_alphabetic() {
            break;
        }
        match it.next() {
            Some((i, '.')) => {
                letters += 1;
                end = i + 1;
            }
            _ => return None,
        }
    }
    let next_is_letter = s[end..].chars().next().is_some_and(char::is_alphanumeric);
    (letters >= 2 && !next_is_letter).then_some(end)
}

/// Tokens of `text` in order; white space is skipped. Linear in the length of `text`.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if is_space(c) {
            continue;
        }
        let kind = if c.is_numeric() {
            TokenKind::Number
        } else if is_word_char(c) {
            TokenKind::Word
        } else if is_punct(c) {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        };
        let mut end = start + c.len_utf8();
        if kind == TokenKind::Word {
            if let Some(len) = dotted_abbreviation(&text[start..]) {
                end = start + len;
                while chars.peek().is_some_and(|&(i, _)| i < end) {
                    chars.next();
                }
                tokens.push(Token {
                    span: Span::new(start, end),
                    kind,
                });
                continue;
            }
        }
        if matches!(kind, TokenKind::Word | TokenKind::Number) {
            // Extend over word characters, and over a joiner (apostrophe in words, '.' or
            // ',' in numbers) only when a word character follows it.
            loop {
                let rest = &text[end..];
                let mut it = rest.chars();
                match it.next() {
                    Some(n) if is_word_char(n) || n == '\u{200D}' => end += n.len_utf8(),
                    Some(j) => {
                        let joins = match kind {
                            TokenKind::Number => {
                                matches!(j, '.' | ',')
                                    && it.next().is_some_and(|d| d.is_ascii_digit())
                            }
                            _ => is_apostrophe(j) && it.next().is_some_and(|d| d.is_alphabetic()),
                        };
                        if !joins {
                            break;
                        }
                        end += j.len_utf8();
                    }
                    None => break,
                }
            }
            // Keep the iterator in step with `end`.
            while chars.peek().is_some_and(|&(i, _)| i < end) {
                chars.next();
            }
        }
        tokens.push(Token {
            span: Span::new(start, end),
            kind,
        });
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! case {
        ($input:expr, [$($tok:expr),* $(,)?]) => {{
            let text = $input;
            let got: Vec<&str> = tokenize(text).iter().map(|t| t.text(text)).collect();
            let want: Vec<&str> = vec![$($tok),*];
            assert_eq!(got, want, "tokenizing {:?}", text);
        }};
    }

    #[test]
    fn tokens() {
        case!(
            "Bùi Thanh Sơn held talks.",
            ["Bùi", "Thanh", "Sơn", "held", "talks", "."]
        );
        case!("4.58 billion USD", ["4.58", "billion", "USD"]);
        case!("1,469 for", ["1,469", "for"]);
        case!("ranking 4th among", ["ranking", "4th", "among"]);
        case!("US$4.7bn", ["US", "$", "4.7bn"]);
        case!("Four No’s policy", ["Four", "No’s", "policy"]);
        case!("Vietnam’s", ["Vietnam’s"]);
        case!("2026–2028 term", ["2026", "–", "2028", "term"]);
        case!("architecture./.", ["architecture", ".", "/", "."]);
        case!("Asia-Pacific", ["Asia", "-", "Pacific"]);
        case!(
            "the U.S. and U.K. met",
            ["the", "U.S.", "and", "U.K.", "met"]
        );
        case!("at 9 a.m.", ["at", "9", "a.m."]);
        case!("Mr. Smith", ["Mr", ".", "Smith"]);
        case!("e.g.x", ["e", ".", "g", ".", "x"]);
        case!("ends 1,5.", ["ends", "1,5", "."]);
        case!("“Quoted.”", ["“", "Quoted", ".", "”"]);
        case!("", []);
        case!("  \r\n\t ", []);
    }

    #[test]
    fn decomposed_vietnamese_stays_one_word() {
        let nfd = "So\u{031B}n";
        assert_eq!(tokenize(nfd).len(), 1);
    }

    #[test]
    fn kinds() {
        let text = "G7 met at 9 % $";
        let kinds: Vec<TokenKind> = tokenize(text).iter().map(|t| t.kind).collect();
        use TokenKind::*;
        assert_eq!(kinds, [Word, Word, Word, Number, Symbol, Symbol]);
    }
}
