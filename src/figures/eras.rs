//! Decades and centuries: "the 1990s", "the 1980's", "the '60s", "the seventies", "the
//! 19th century"; and decades of age: "in their 80s", "his early thirties".

use super::lex::Sentence;
use super::numbers::number_at;

/// A decade or century at pieces `start..end`, as its first and last years.
#[derive(Debug, PartialEq)]
pub struct Era {
    pub start: usize,
    pub end: usize,
    pub first: i32,
    pub last: i32,
    /// Years of age ("in her late 30s"), not of the calendar.
    pub age: bool,
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
    DECADE_WORDS.iter().map(|(w, _)| *w).chain(["teens"])
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
        age: false,
    })
}

/// "1990s" anywhere; "the 1980's", "the 70s", "the seventies" after "the" (and "early",
/// "mid" or "late"), since "1995's hit" is no decade; "'60s" anywhere. After "his",
/// "their"… a decade is of age: "his 30s", "her teens".
fn decade(s: &Sentence, i: usize) -> Option<Era> {
    if let Some(&(_, first)) = s
        .word(i)
        .and_then(|w| DECADE_WORDS.iter().find(|(d, _)| *d == w))
    {
        return match lead(s, i)? {
            Lead::The => Some(calendar_decade(i, i + 1, first)),
            Lead::Possessive(from, part) => Some(age(from, i + 1, first % 100, part)),
        };
    }
    if s.is(i, "teens") {
        let Lead::Possessive(from, part) = lead(s, i)? else {
            return None;
        };
        return Some(age(from, i + 1, 10, part));
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
    let lead = lead(s, i);
    let the = lead == Some(Lead::The);
    let first = match (digits.len(), lead) {
        (2, Some(Lead::Possessive(from, part))) if !clipped && (10..=90).contains(&year) => {
            return (year % 10 == 0).then(|| age(from, end, year, part));
        }
        (4, _) if !clipped && year % 10 == 0 && (1000..=2100).contains(&year) => {
            (!apostrophe || the).then_some(year)?
        }
        // Two digits name a decade of the last century; "the 20s" and "the 10s" may as
        // well be of this one, or no decade ("in the 10s of thousands").
        (2, _) if year % 10 == 0 && year >= 30 && (clipped || the) => 1900 + year,
        _ => return None,
    };
    Some(calendar_decade(i, end, first))
}

/// A decade of the calendar from its first year.
fn calendar_decade(start: usize, end: usize, first: i32) -> Era {
    Era {
        start,
        end,
        first,
        last: first + 9,
        age: false,
    }
}

/// What stands before a decade: "the" or a possessive, perhaps with "early", "mid",
/// "mid-" or "late" between.
#[derive(Clone, Copy, PartialEq)]
enum Lead {
    The,
    /// With the first piece of the age ("early" in "her early 30s") and the part of
    /// the decade: "early", "mid" or "late".
    Possessive(usize, Option<&'static str>),
}

fn lead(s: &Sentence, i: usize) -> Option<Lead> {
    // A decade in a list takes the lead of the one before it: "the 1970s and 80s",
    // "their 30s, 40s and 50s".
    let listed = i >= 3 && (s.is_any(i - 1, &["and", "or"]) || s.ch(i - 1) == Some(','));
    if listed && s.is(i - 2, "s") && s.attached(i - 2) {
        if let Some(digits) = s.num(i - 3) {
            if digits.len() == 4 {
                return Some(Lead::The);
            }
            let start = if i >= 4 && matches!(s.ch(i - 4), Some('\'' | '’')) {
                i - 4
            } else {
                i - 3
            };
            return match lead(s, start)? {
                Lead::Possessive(..) => Some(Lead::Possessive(i, None)),
                Lead::The => Some(Lead::The),
            };
        }
    }
    let mut j = i;
    let mut part = None;
    if j >= 2 && s.dash(j - 1) && s.is(j - 2, "mid") {
        (j, part) = (j - 2, Some("mid"));
    } else if j >= 1 {
        part = ["early", "mid", "late"]
            .into_iter()
            .find(|w| s.is(j - 1, w));
        j -= usize::from(part.is_some());
    }
    if j >= 1 && s.is(j - 1, "the") {
        Some(Lead::The)
    } else if j >= 1 && s.is_any(j - 1, &["his", "her", "their", "my", "your", "our"]) {
        Some(Lead::Possessive(if part.is_some() { j } else { i }, part))
    } else {
        None
    }
}

/// An age decade from `first` (10 for the teens), narrowed by "early", "mid" or "late".
fn age(start: usize, end: usize, first: i32, part: Option<&str>) -> Era {
    let (low, high) = match part {
        Some("early") => (0, 3),
        Some("mid") => (4, 6),
        Some("late") => (7, 9),
        _ => (if first == 10 { 3 } else { 0 }, 9),
    };
    Era {
        start,
        end,
        first: first + low,
        last: first + high,
        age: true,
    }
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
                    let span = s.text_of(e.start..e.end);
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
            eras("in the 1970s and 80s, the '60s or 70s"),
            [
                era("1970s", 1970, 1979),
                era("80s", 1980, 1989),
                era("'60s", 1960, 1969),
                era("70s", 1970, 1979),
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
    fn decades_of_age_after_a_possessive() {
        let text = "Men in their 30s, his early seventies, her mid-20s, their late 40's, her \
                    teens, their 60s and 70s; not their 35s or 100s.";
        let lower = text.to_ascii_lowercase();
        let s = Sentence::new(text, &lower, 0, text.len());
        let ages: Vec<_> = (0..s.len())
            .filter_map(|i| era_at(&s, i))
            .map(|e| (e.age, e.first, e.last))
            .collect();
        assert_eq!(
            ages,
            [
                (true, 30, 39),
                (true, 70, 73),
                (true, 24, 26),
                (true, 47, 49),
                (true, 13, 19),
                (true, 60, 69),
                (true, 70, 79)
            ]
        );
        assert_eq!(eras("his early seventies")[0].0, "early seventies");
    }

    #[test]
    fn possessives_and_other_plurals_are_no_decades() {
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
