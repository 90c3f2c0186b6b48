//! Decades and centuries: "the 1990s", "the 1980's", "the '60s", "the seventies", "the
//! 19th century".

use super::lex::Sentence;
use super::numbers::number_at;

/// A decade or century at pieces `start..end`, as its first and last years.
#[derive(Debug, PartialEq)]
pub struct Era {
    pub start: usize,
    pub end: usize,
    pub first: i32,
    pub last: i32,
}

/// Decades in words, after "the": "the seventies", "the early noughties".
const DECADE_WORDS: &[(&str, i32)] = &[
    ("noughties", 2000),
    ("twenties", 1920),
    ("thirties", 1930),
    ("forties", 1940),
    ("fifties", 1950),
    ("sixties", 1960),
    ("seventies", 1970),
    ("eighties", 1980),
    ("nineties", 1990),
];

/// Words that can open an era but no other figure.
pub fn opening_words() -> impl Iterator<Item = &'static str> {
    DECADE_WORDS.iter().map(|(w, _)| *w)
}

/// The decade or century starting at piece `i`.
pub fn era_at(s: &Sentence, i: usize) -> Option<Era> {
    century(s, i).or_else(|| decade(s, i))
}

/// "the 19th century", "21st-century", "the nineteenth century"; not "20th Century Fox".
fn century(s: &Sentence, i: usize) -> Option<Era> {
    let n = number_at(s, i).filter(|n| n.ordinal && n.value.fract() == 0.0)?;
    if !(1.0..=21.0).contains(&n.value) {
        return None;
    }
    let word = if s.hyphen(n.end) { n.end + 1 } else { n.end };
    if !s.is(word, "century") || s.capitalised(word) && s.capitalised(word + 1) {
        return None;
    }
    let first = (n.value as i32 - 1) * 100;
    Some(Era {
        start: i,
        end: word + 1,
        first,
        last: first + 99,
    })
}

/// "1990s" anywhere; "the 1980's", "the 70s", "the seventies" after "the" (and "early",
/// "mid" or "late"), since "his 30s" and "1995's hit" are no decades; "'60s" anywhere.
fn decade(s: &Sentence, i: usize) -> Option<Era> {
    if let Some(&(_, first)) = s
        .word(i)
        .and_then(|w| DECADE_WORDS.iter().find(|(d, _)| *d == w))
    {
        return after_the(s, i).then_some(Era {
            start: i,
            end: i + 1,
            first,
            last: first + 9,
        });
    }
    let clipped = matches!(s.ch(i), Some('\'' | '’')) && s.attached(i + 1);
    let at = if clipped { i + 1 } else { i };
    let digits = s
        .num(at)
        .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?;
    let year: i32 = digits.parse().ok()?;
    // The plural's "s", glued on or after an apostrophe.
    let (end, apostrophe) = if s.is(at + 1, "s") && s.attached(at + 1) {
        (at + 2, false)
    } else if matches!(s.ch(at + 1), Some('\'' | '’'))
        && s.attached(at + 1)
        && s.is(at + 2, "s")
        && s.attached(at + 2)
    {
        (at + 3, true)
    } else {
        return None;
    };
    let first = match digits.len() {
        4 if !clipped && year % 10 == 0 && (1000..=2100).contains(&year) => {
            (!apostrophe || after_the(s, i)).then_some(year)?
        }
        // Two digits name a decade of the last century; "the 20s" and "the 10s" may as
        // well be of this one, or no decade ("in the 10s of thousands").
        2 if year % 10 == 0 && year >= 30 && (clipped || after_the(s, i)) => 1900 + year,
        _ => return None,
    };
    Some(Era {
        start: i,
        end,
        first,
        last: first + 9,
    })
}

/// Whether "the" stands before piece `i`, perhaps with "early", "mid", "mid-" or "late"
/// between.
fn after_the(s: &Sentence, i: usize) -> bool {
    let mut j = i;
    if j >= 2 && s.dash(j - 1) && s.is(j - 2, "mid") {
        j -= 2;
    } else if j >= 1 && s.is_any(j - 1, &["early", "mid", "late"]) {
        j -= 1;
    }
    j >= 1 && s.is(j - 1, "the")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eras(text: &str) -> Vec<(String, i32, i32)> {
        let lower = text.to_ascii_lowercase();
        let s = Sentence::new(text, &lower, 0, text.len());
        let mut out = Vec::new();
        let mut i = 0;
        while i < s.len() {
            match era_at(&s, i) {
                Some(e) => {
                    let span = &text[s.pieces[e.start].start..s.pieces[e.end - 1].end];
                    out.push((span.to_string(), e.first, e.last));
                    i = e.end;
                }
                None => i += 1,
            }
        }
        out
    }

    fn era(text: &str, first: i32, last: i32) -> (String, i32, i32) {
        (text.to_string(), first, last)
    }

    #[test]
    fn decades() {
        assert_eq!(
            eras("In the 1980's and the 1990s, then the '60s, the 70s and the late 40's."),
            [
                era("1980's", 1980, 1989),
                era("1990s", 1990, 1999),
                era("'60s", 1960, 1969),
                era("70s", 1970, 1979),
                era("40's", 1940, 1949),
            ]
        );
        assert_eq!(
            eras("the seventies, the mid-nineties and the early noughties"),
            [
                era("seventies", 1970, 1979),
                era("nineties", 1990, 1999),
                era("noughties", 2000, 2009),
            ]
        );
    }

    #[test]
    fn ages_possessives_and_other_plurals_are_no_decades() {
        assert!(eras("Men in their 30s, in his early seventies.").is_empty());
        assert!(eras("1995's hit and 1980's best film, in the 10s of thousands.").is_empty());
        assert!(eras("the 1995s, the 3000s, the 75s").is_empty());
    }

    #[test]
    fn centuries() {
        assert_eq!(
            eras("Since the 19th Century, a 21st-century city, the fifth century."),
            [
                era("19th Century", 1800, 1899),
                era("21st-century", 2000, 2099),
                era("fifth century", 400, 499),
            ]
        );
        assert!(eras("at 20th Century Fox, the 22nd century, the 3rd place").is_empty());
    }
}
