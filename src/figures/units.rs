//! The currency and unit lexicons (`data/figures-currencies.txt`, `data/figures-units.txt`)
//! and longest-match look-up of their forms in a sentence's pieces.

use super::lex::{lex, Kind, Sentence};
use crate::hashing::FastMap;
use std::borrow::Cow;
use std::sync::LazyLock;

/// One written form of a currency or unit.
pub struct Form {
    /// Lowercased pieces of the form: "c $" and "C$" are both ["c", "$"].
    pieces: Vec<String>,
    /// ISO 4217 code or unit symbol.
    pub code: &'static str,
    /// Minor units to major ones (cents → dollars: 0.01).
    pub scale: f64,
    /// The form is a bare currency code: it must be written in capitals.
    capitals: bool,
    /// The form must be written exactly so, in case and spacing ("=MW", "=A$").
    exact: Option<&'static str>,
    /// The form must touch the number before it ("+t" in "5t").
    attached: bool,
    /// The form only follows a number (">won": "won two awards" is no money).
    pub after_only: bool,
}

/// Forms keyed by their first piece, longest first.
pub struct Lexicon {
    by_first: FastMap<String, Vec<Form>>,
    /// The first bytes of those keys: most pieces are ruled out without hashing.
    first_bytes: [bool; 256],
}

fn load(data: &'static str, currency: bool) -> Lexicon {
    let mut by_first: FastMap<String, Vec<Form>> = FastMap::default();
    for line in data.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(code), Some(forms)) = (cols.next(), cols.next()) else {
            continue;
        };
        let scale = cols
            .next()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(1.0);
        for form in forms.split('|') {
            // "+" may come before "=": "+=C" in "40C".
            let attached = form.starts_with('+');
            let form = form.strip_prefix('+').unwrap_or(form);
            let (exact, after_only, body) = match form.as_bytes().first() {
                Some(b'=') => (Some(&form[1..]), false, &form[1..]),
                Some(b'>') => (None, true, &form[1..]),
                _ => (None, false, form),
            };
            let pieces: Vec<String> = lex(body, 0, body.len())
                .iter()
                .map(|p| body[p.start..p.end].to_lowercase())
                .collect();
            if pieces.is_empty() {
                continue;
            }
            let capitals = currency
                && body.len() == 3
                && body.eq_ignore_ascii_case(code)
                && code.bytes().all(|b| b.is_ascii_uppercase());
            by_first.entry(pieces[0].clone()).or_default().push(Form {
                pieces,
                code,
                scale,
                capitals,
                exact,
                attached,
                after_only,
            });
        }
    }
    let mut first_bytes = [false; 256];
    for (key, forms) in by_first.iter_mut() {
        forms.sort_by_key(|f| std::cmp::Reverse(f.pieces.len()));
        first_bytes[usize::from(key.as_bytes()[0])] = true;
    }
    Lexicon {
        by_first,
        first_bytes,
    }
}

pub static CURRENCIES: LazyLock<Lexicon> =
    LazyLock::new(|| load(include_str!("../../data/figures-currencies.txt"), true));
pub static UNITS: LazyLock<Lexicon> =
    LazyLock::new(|| load(include_str!("../../data/figures-units.txt"), false));

/// Bare codes that news also writes in lower case.
const LOWERCASE_CODES: [&str; 8] = ["usd", "eur", "gbp", "vnd", "rmb", "jpy", "cny", "inr"];

impl Form {
    /// A symbol of one letter written so: "C" in "40C", "W" in "60W".
    pub fn is_letter(&self) -> bool {
        self.exact.is_some_and(|e| e.len() == 1)
    }
}

impl Lexicon {
    /// The first pieces of all forms, lowercased.
    pub fn first_pieces(&self) -> impl Iterator<Item = &str> {
        self.by_first.keys().map(String::as_str)
    }

    /// The longest form starting at piece `j`, and the piece after it.
    pub fn longest_at(&self, s: &Sentence, j: usize) -> Option<(usize, &Form)> {
        let first = piece_lower(s, j)?;
        let first = first.as_ref();
        if !self.first_bytes[usize::from(first.as_bytes()[0])] {
            return None;
        }
        // "music ' s $ 500": a possessive s is no currency prefix.
        if first.len() == 1 && j > 0 && matches!(s.ch(j - 1), Some('\'' | '’')) {
            return None;
        }
        let forms = self.by_first.get(first)?;
        'forms: for form in forms {
            for (k, want) in form.pieces.iter().enumerate() {
                if piece_lower(s, j + k).as_deref() != Some(want.as_str()) {
                    continue 'forms;
                }
            }
            let end = j + form.pieces.len();
            if form.attached && !s.attached(j) {
                continue;
            }
            if let Some(exact) = form.exact {
                let written = s.text_of(j..end);
                if written != exact {
                    continue;
                }
            }
            if form.capitals {
                let raw = s.raw(j);
                if raw.chars().any(char::is_lowercase) && !LOWERCASE_CODES.contains(&first) {
                    continue;
                }
            }
            return Some((end, form));
        }
        None
    }
}

/// The lowercased text of piece `j` (its character for a symbol). The sentence's own
/// lower-case text only lowers ASCII, so a word with other letters is lowered here: "VNĐ".
fn piece_lower<'a>(s: &Sentence<'a>, j: usize) -> Option<Cow<'a, str>> {
    let p = s.pieces.get(j)?;
    Some(match p.kind {
        Kind::Word if !s.text.as_bytes()[p.start..p.end].is_ascii() => {
            Cow::Owned(s.text[p.start..p.end].to_lowercase())
        }
        Kind::Word | Kind::Num => Cow::Borrowed(&s.lower[p.start..p.end]),
        Kind::Other(_) => Cow::Borrowed(&s.text[p.start..p.end]),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(lexicon: &Lexicon, text: &str) -> Option<(&'static str, usize)> {
        let lower = text.to_ascii_lowercase();
        let s = Sentence::new(text, &lower, 0, text.len());
        lexicon.longest_at(&s, 0).map(|(end, f)| (f.code, end))
    }

    macro_rules! case {
        ($lexicon:expr, $text:expr, $want:expr) => {
            assert_eq!(code(&$lexicon, $text).map(|c| c.0), $want, "{:?}", $text)
        };
    }

    #[test]
    fn currencies() {
        case!(CURRENCIES, "US$", Some("USD"));
        case!(CURRENCIES, "c $ 16", Some("CAD"));
        case!(CURRENCIES, "USD", Some("USD"));
        case!(CURRENCIES, "euros", Some("EUR"));
        case!(CURRENCIES, "₫", Some("VND"));
        case!(CURRENCIES, "VNĐ", Some("VND"));
        case!(CURRENCIES, "Đồng", Some("VND"));
        case!(CURRENCIES, "Try", None);
        case!(CURRENCIES, "TRY", Some("TRY"));
    }

    #[test]
    fn units() {
        case!(UNITS, "cubic metres", Some("m³"));
        case!(UNITS, "MW", Some("MW"));
        case!(UNITS, "metric tons", Some("t"));
        case!(UNITS, "G", None);
        case!(UNITS, "degrees celsius", Some("°C"));
        case!(UNITS, "mid", None);
    }
}
