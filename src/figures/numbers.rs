//! Reads numbers written in digits or words: grouping, decimals, fractions, powers,
//! ordinals and magnitude words ("4.58 billion", "two hundred and forty-five thousand").

use super::lex::Sentence;
use crate::hashing::FastSet;
use std::sync::LazyLock;

/// A number read from pieces `start..end` of a sentence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Num {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub ordinal: bool,
    /// Written (at least partly) in words.
    pub words: bool,
    /// A bare integer in digits with no grouping or sign: years, days, hours.
    pub plain: Option<u32>,
    /// Digits in the bare integer as written ("09" has two).
    pub width: usize,
    pub note: Option<&'static str>,
}

/// Number words: 0–9, 10–19, the tens, and scales that multiply what precedes them.
const UNIT_WORDS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("naught", 0.0),
    ("nought", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
];
const TEEN_WORDS: &[(&str, f64)] = &[
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
];
const TENS_WORDS: &[(&str, f64)] = &[
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];
const SCALE_WORDS: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("lakh", 1e5),
    ("lakhs", 1e5),
    ("million", 1e6),
    ("crore", 1e7),
    ("crores", 1e7),
    ("billion", 1e9),
    ("trillion", 1e12),
    // Sums in đồng run to quadrillions: "VNĐ16.8 quadrillion".
    ("quadrillion", 1e15),
];

/// The value `w` has in `table`.
pub(super) fn look_up<T: Copy>(table: &[(&str, T)], w: &str) -> Option<T> {
    table.iter().find(|(k, _)| *k == w).map(|&(_, v)| v)
}

fn unit_word(w: &str) -> Option<f64> {
    look_up(UNIT_WORDS, w)
}

fn teen_word(w: &str) -> Option<f64> {
    look_up(TEEN_WORDS, w)
}

fn tens_word(w: &str) -> Option<f64> {
    look_up(TENS_WORDS, w)
}

pub fn scale_word(w: &str) -> Option<f64> {
    look_up(SCALE_WORDS, w)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ord {
    Unit,
    Teen,
    Tens,
    /// hundredth, thousandth…: a denominator after a numeral.
    Scale,
}

/// Ordinal words, singular.
const ORDINAL_WORDS: &[(&str, (f64, Ord))] = &[
    ("first", (1.0, Ord::Unit)),
    ("second", (2.0, Ord::Unit)),
    ("third", (3.0, Ord::Unit)),
    ("fourth", (4.0, Ord::Unit)),
    ("fifth", (5.0, Ord::Unit)),
    ("sixth", (6.0, Ord::Unit)),
    ("seventh", (7.0, Ord::Unit)),
    ("eighth", (8.0, Ord::Unit)),
    ("ninth", (9.0, Ord::Unit)),
    ("nineth", (9.0, Ord::Unit)),
    ("tenth", (10.0, Ord::Teen)),
    ("eleventh", (11.0, Ord::Teen)),
    ("twelfth", (12.0, Ord::Teen)),
    ("thirteenth", (13.0, Ord::Teen)),
    ("fourteenth", (14.0, Ord::Teen)),
    ("fifteenth", (15.0, Ord::Teen)),
    ("sixteenth", (16.0, Ord::Teen)),
    ("seventeenth", (17.0, Ord::Teen)),
    ("eighteenth", (18.0, Ord::Teen)),
    ("nineteenth", (19.0, Ord::Teen)),
    ("twentieth", (20.0, Ord::Tens)),
    ("thirtieth", (30.0, Ord::Tens)),
    ("fortieth", (40.0, Ord::Tens)),
    ("fiftieth", (50.0, Ord::Tens)),
    ("sixtieth", (60.0, Ord::Tens)),
    ("seventieth", (70.0, Ord::Tens)),
    ("eightieth", (80.0, Ord::Tens)),
    ("ninetieth", (90.0, Ord::Tens)),
    ("hundredth", (1e2, Ord::Scale)),
    ("thousandth", (1e3, Ord::Scale)),
    ("millionth", (1e6, Ord::Scale)),
    ("billionth", (1e9, Ord::Scale)),
    ("trillionth", (1e12, Ord::Scale)),
];

/// An ordinal word, singular or plural: ("fifths") → (5, Unit, plural).
fn ordinal_word(w: &str) -> Option<(f64, Ord, bool)> {
    let (stem, plural) = match w.strip_suffix('s') {
        Some(s) if w.len() > 4 => (s, true),
        _ => (w, false),
    };
    let (v, class) = look_up(ORDINAL_WORDS, stem)?;
    // "seconds" is a unit of time, never "two halves"-style plural of second.
    if plural && stem == "second" {
        return None;
    }
    Some((v, class, plural))
}

/// Words other than numerals that may begin a number: "a hundred", "minus five", "half".
const NUMBER_OPENERS: &[&str] = &[
    "a", "an", "minus", "negative", "half", "quarter", "naught", "nought",
];

/// Every word that may begin a number in words, a fraction or an ordinal.
pub static NUMBER_STARTERS: LazyLock<FastSet<Box<str>>> =
    LazyLock::new(|| number_starters().map(String::into_boxed_str).collect());

pub fn number_starters() -> impl Iterator<Item = String> {
    let numerals = [UNIT_WORDS, TEEN_WORDS, TENS_WORDS, SCALE_WORDS]
        .into_iter()
        .flatten()
        .map(|(w, _)| w.to_string())
        .chain(["hundred".to_string()]);
    let ordinals = ORDINAL_WORDS.iter().flat_map(|(w, _)| {
        let plural = (*w != "second").then(|| format!("{w}s"));
        std::iter::once(w.to_string()).chain(plural)
    });
    numerals
        .chain(ordinals)
        .chain(NUMBER_OPENERS.iter().map(|w| w.to_string()))
}

/// Whether `w` starts a number in words.
pub fn is_number_word(w: &str) -> bool {
    unit_word(w).is_some()
        || teen_word(w).is_some()
        || tens_word(w).is_some()
        || w == "hundred"
        || scale_word(w).is_some()
}

/// Rounds away float noise: 4.58 × 10⁹ is 4580000000, not 4580000000.000001.
pub fn tidy(v: f64) -> f64 {
    // Whole numbers below 10¹³ have at most 13 significant digits: nothing to round.
    if !v.is_finite() || v.fract() == 0.0 && v.abs() < 1e13 {
        return v;
    }
    format!("{v:.12e}").parse().unwrap_or(v)
}

/// The value of a digit run as written: "1,234.5", "1.234.567", "0.25".
fn digits_value(s: &str) -> Option<(f64, Option<&'static str>)> {
    let dots = s.matches('.').count();
    let commas = s.matches(',').count();
    let plain: String;
    let mut note = None;
    if dots > 1 && commas == 0 {
        // "1.234.567": dots group thousands (the lexer only joins '.' before a digit).
        if !s.split('.').skip(1).all(|g| g.len() == 3) {
            return None;
        }
        plain = s.replace('.', "");
    } else if dots > 1 {
        return None;
    } else if dots == 0 && commas == 1 && s.split_once(',').is_some_and(|(_, f)| f.len() < 3) {
        plain = s.replace(',', ".");
        note = Some("',' read as a decimal point");
    } else {
        plain = s.replace(',', "");
        if dots == 1 && commas == 0 {
            let (int, frac) = s.split_once('.')?;
            if frac.len() == 3 && frac.ends_with("00") && int != "0" && int.len() <= 3 {
                note =
                    Some("'.' may group thousands here (European style); read as a decimal point");
            }
        }
    }
    plain.parse::<f64>().ok().map(|v| (v, note))
}

/// The size of a magnitude suffix at `j` ("billion", "bn", "m", "lakh crore"), and where it
/// ends. A lone "m" is a million for money, when written "M" or before what is counted
/// ("1m people", "3m barrels"); otherwise a metre ("400m runners", "the 60m hurdles").
pub fn magnitude_at(s: &Sentence, j: usize, money: bool) -> Option<(usize, f64)> {
    let mut k = j;
    let mut factor = 1.0;
    let mut last = f64::INFINITY;
    while let Some(w) = s.word(k).filter(|_| !s.ampersand_name(k)) {
        let raw = s.raw(k);
        let f = match w {
            "hundred" if k == j => 1e2,
            "k" => 1e3,
            "m" if money || raw == "M" || counted_after(s, k + 1) => 1e6,
            "b" if money || s.attached(k) => 1e9,
            "mn" | "mln" | "mil" | "mio" => 1e6,
            "bn" | "bln" => 1e9,
            "tn" | "tln" => 1e12,
            "dozen" | "dozens" | "doz" | "dozs" => 12.0,
            _ => match scale_word(w) {
                Some(f) => f,
                None => break,
            },
        };
        // "a hundred thousand", "lakh crore": each further word must grow the number.
        if k > j && f <= 1.0 {
            break;
        }
        if k > j && last < f && !(last == 1e5 && f == 1e7) && last != 1e2 {
            break;
        }
        factor *= f;
        last = f;
        k += 1;
        // A single-letter suffix ends the number ("10k", "2m").
        if raw.len() == 1 {
            break;
        }
    }
    (k > j).then_some((k, factor))
}

/// Whether a plural noun of things counted in millions follows at `j`: "people", "barrels",
/// but not the athletes and races that metres go with.
fn counted_after(s: &Sentence, j: usize) -> bool {
    const NOT_COUNTED: &[&str] = &[
        "hurdles", "runners", "titles", "events", "heats", "metres", "indoors", "outdoors",
    ];
    s.word(j).is_some_and(|w| {
        let plural = s.plural(j) && s.raw(j).chars().filter(|c| c.is_uppercase()).count() < 2;
        matches!(w, "people" | "children" | "men" | "women")
            || (plural && !NOT_COUNTED.contains(&w))
    })
}

/// A number in digits at `i`: groups, decimals, spaced thousands ("40 000"), ordinal
/// suffixes ("4th"), powers ("1.1^23", "12.32e+14") and simple fractions ("1/4").
fn digits_at(s: &Sentence, i: usize) -> Option<Num> {
    let text = s.num(i)?;
    let (mut value, note) = digits_value(text)?;
    let simple = text.bytes().all(|b| b.is_ascii_digit());
    let mut j = i + 1;
    let mut plain = (simple && text.len() <= 9).then_some(value as u32);
    let width = if simple { text.len() } else { 0 };
    // Spaced thousands: "40 000", "1 234 567".
    if simple && text.len() <= 3 {
        let mut grouped = text.to_string();
        while let Some(next) = s.num(j) {
            let gap = &s.text[s.pieces[j - 1].end..s.pieces[j].start];
            let thin =
                gap.chars().count() == 1 && matches!(gap, " " | "\u{a0}" | "\u{202f}" | "\u{2009}");
            if !(thin && next.len() == 3 && next.bytes().all(|b| b.is_ascii_digit())) {
                break;
            }
            grouped.push_str(next);
            j += 1;
        }
        if j > i + 1 {
            value = grouped.parse().ok()?;
            plain = None;
        }
    }
    let mut num = Num {
        start: i,
        end: j,
        value,
        ordinal: false,
        words: false,
        plain,
        width,
        note,
    };
    // Ordinal suffix: "th" after any number (writers slip: "3th"), the others only after
    // the numbers they belong to, so that "15st 7lb" weighs 15 stone.
    let suffix_fits = |suffix: &str| {
        let n = value as u64;
        match (n % 100, n % 10, suffix) {
            (_, _, "th") => true,
            (11..=13, ..) => false,
            (_, 1, "st") | (_, 2, "nd") | (_, 3, "rd") => true,
            _ => false,
        }
    };
    if s.attached(j) && s.word(j).is_some_and(suffix_fits) && simple {
        num.end = j + 1;
        num.ordinal = true;
        return Some(num);
    }
    // Powers: "1.1^23", "2.5^-1", "12.32e+14".
    let caret = s.ch(j) == Some('^') && s.attached(j);
    let exp_e = s.is(j, "e") && s.attached(j) && !s.raw(j).is_empty();
    if caret || exp_e {
        let mut k = j + 1;
        let mut negative = false;
        while matches!(s.ch(k), Some('+' | '-')) && s.attached(k) {
            negative ^= s.ch(k) == Some('-');
            k += 1;
        }
        if let (Some(e), true) = (s.num(k), s.attached(k)) {
            if let Ok(e) = e.parse::<f64>() {
                let e = if negative { -e } else { e };
                num.value = if caret {
                    value.powf(e)
                } else {
                    value * 10f64.powf(e)
                };
                num.end = k + 1;
                num.plain = None;
                return Some(num);
            }
        }
    }
    // Fraction "1/4": both sides small integers; but "19/20 February" are two days.
    let month_after = s
        .word(j + 2)
        .is_some_and(|w| super::dates::month_word(w).is_some());
    if s.ch(j) == Some('/') && s.joins(j) && !month_after {
        if let (Some(n), Some(d)) = (plain, s.num(j + 1).and_then(|d| d.parse::<u32>().ok())) {
            if d > 0 && n < d && d <= 100 && simple {
                num.value = n as f64 / d as f64;
                num.end = j + 2;
                num.plain = None;
            }
        }
    }
    Some(num)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Last {
    None,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale,
    And,
}

/// A number in words at `i`, read no further than `limit`.
fn words_at(s: &Sentence, i: usize, limit: usize) -> Option<Num> {
    let mut j = i;
    let (mut total, mut cur) = (0.0f64, 0.0f64);
    let mut last = Last::None;
    let mut last_scale = f64::INFINITY;
    let mut any = false;
    let mut tens_at = i;
    // The value before an inner "and" and where the part after it starts.
    let mut and_split: Option<(f64, usize)> = None;
    let mut ordinal: Option<(usize, bool, Ord)> = None;
    while j < limit {
        let Some(w) = s.word(j) else {
            // "forty-five", "twenty-first": a hyphen inside a compound.
            let joins = last == Last::Tens
                && s.dash(j)
                && s.word(j + 1).is_some_and(|w| {
                    unit_word(w).is_some() || ordinal_word(w).is_some_and(|o| o.1 == Ord::Unit)
                });
            if joins && j + 1 < limit {
                j += 1;
                continue;
            }
            break;
        };
        if (w == "a" || w == "an") && !any && last == Last::None {
            match s.word(j + 1) {
                Some(n) if n == "hundred" || scale_word(n).is_some() => {
                    cur = 1.0;
                    j += 1;
                    continue;
                }
                _ => break,
            }
        }
        let after_number = matches!(
            last,
            Last::None | Last::Tens | Last::Hundred | Last::Scale | Last::And
        );
        if let Some(v) = unit_word(w) {
            if !after_number || (last == Last::Tens && !joined_or_spaced(s, j)) {
                break;
            }
            cur += v;
            last = Last::Unit;
        } else if let Some(v) = teen_word(w).or_else(|| tens_word(w)) {
            if !matches!(last, Last::None | Last::Hundred | Last::Scale | Last::And) {
                break;
            }
            cur += v;
            last = if v >= 20.0 { Last::Tens } else { Last::Teen };
            tens_at = j;
        } else if w == "hundred" {
            if !matches!(last, Last::None | Last::Unit | Last::Teen) {
                break;
            }
            cur = cur.max(1.0) * 100.0;
            last = Last::Hundred;
        } else if let Some(v) = scale_word(w) {
            if last == Last::Scale && v > last_scale && last_scale == 1e5 {
                total = (total + cur) * v;
            } else if matches!(
                last,
                Last::None | Last::Unit | Last::Teen | Last::Tens | Last::Hundred
            ) && v < last_scale
            {
                total += cur.max(1.0) * v;
                cur = 0.0;
            } else {
                break;
            }
            last = Last::Scale;
            last_scale = v;
        } else if w == "and" {
            let next_small = s.word(j + 1).is_some_and(|n| {
                unit_word(n).is_some() || teen_word(n).is_some() || tens_word(n).is_some()
            });
            if !(any && next_small && matches!(last, Last::Hundred | Last::Scale | Last::Tens)) {
                break;
            }
            // "twenty and three fifths": an "and" after tens is only a split point.
            and_split = Some((total + cur, j + 1));
            last = Last::And;
            j += 1;
            continue;
        } else if matches!(w, "dozen" | "dozens" | "doz" | "dozs") && any {
            cur = cur.max(1.0) * 12.0;
            last = Last::Scale;
        } else if let Some((v, class, plural)) = ordinal_word(w) {
            let fits = match class {
                Ord::Unit => after_number,
                Ord::Teen | Ord::Tens => {
                    matches!(last, Last::None | Last::Hundred | Last::Scale | Last::And)
                }
                Ord::Scale => true,
            };
            if !fits {
                break;
            }
            if class == Ord::Scale && any {
                // "a hundred thousand trillionths", "one hundredth": a fraction; but
                // "three trillionth" is the 3,000,000,000,000th.
                let n = total + cur;
                if plural || n == 1.0 {
                    return Some(word_num(i, j + 1, n / v, false));
                }
                return Some(word_num(i, j + 1, n * v, true));
            }
            let start = if last == Last::Tens && class == Ord::Unit {
                tens_at
            } else {
                j
            };
            if class == Ord::Scale {
                cur = cur.max(1.0) * v;
            } else {
                cur += v;
            }
            ordinal = Some((start, plural, class));
            j += 1;
            any = true;
            break;
        } else {
            break;
        }
        any = true;
        j += 1;
    }
    if !any {
        return None;
    }
    if last == Last::And {
        // A trailing "and" is not part of the number.
        j -= 1;
    }
    let value = total + cur;
    match ordinal {
        Some((start, true, _)) if start > i => {
            // "one hundred thirty fifths": numerator before the ordinal compound.
            let denominator = words_at(s, start, j)?.value;
            let numerator = words_at(s, i, start)?;
            if numerator.end != start || denominator == 0.0 {
                return None;
            }
            let v = match and_split {
                Some((before, from)) if from < start => {
                    before + words_at(s, from, start)?.value / denominator
                }
                _ => numerator.value / denominator,
            };
            Some(word_num(i, j, v, false))
        }
        // A plural ordinal alone ("fifths") is only a denominator; `number_at` drops it.
        Some(_) => Some(word_num(i, j, value, true)),
        None => {
            let mut num = word_num(i, j, value, false);
            // "twenty and three fifths".
            if let Some((den, end, _)) = denominator_at(s, j) {
                if let Some((before, from)) = and_split {
                    let part = words_at(s, from, j)?.value;
                    num.value = before + part / den;
                    num.end = end;
                    return Some(num);
                }
            }
            Some(num)
        }
    }
}

fn joined_or_spaced(s: &Sentence, j: usize) -> bool {
    // "fifty two" and "fifty-two" both read as 52.
    j > 0 && (s.pieces[j].space_before || s.dash(j - 1))
}

fn word_num(start: usize, end: usize, value: f64, ordinal: bool) -> Num {
    Num {
        start,
        end,
        value: tidy(value),
        ordinal,
        words: true,
        plain: None,
        width: 0,
        note: None,
    }
}

/// A fraction denominator at `j`: "half", "quarters", "fifths", "twenty-firsts",
/// "hundredth"; its value, end, and whether it is plural.
fn denominator_at(s: &Sentence, j: usize) -> Option<(f64, usize, bool)> {
    let mut j = j;
    if s.dash(j) && s.word(j + 1).is_some() {
        j += 1;
    }
    match s.word(j)? {
        "half" => return Some((2.0, j + 1, false)),
        "halves" => return Some((2.0, j + 1, true)),
        "quarter" => return Some((4.0, j + 1, false)),
        "quarters" => return Some((4.0, j + 1, true)),
        "first" | "second" | "hundred" => return None,
        w if scale_word(w).is_some() => return None,
        _ => {}
    }
    let mut end = j + 1;
    while end < s.len() && (s.word(end).is_some() || s.dash(end)) && end < j + 4 {
        end += 1;
    }
    let mut best = None;
    for e in (j + 1..=end).rev() {
        if let Some(n) = words_at(s, j, e) {
            if n.ordinal && n.end == e {
                best = Some((n.value, e, s.word(e - 1).is_some_and(|w| w.ends_with('s'))));
                break;
            }
        }
    }
    best
}

/// Whether a fraction after an "a"/"one" numerator reads as one: followed by "of", by
/// punctuation or by nothing ("a third of", "one eighth."), not by a noun ("a fourth term")
/// or joined to one ("a quarter-final").
fn fraction_ends(s: &Sentence, end: usize) -> bool {
    match s.word(end) {
        // "a half-hour" is a time, "a quarter-final" no fraction.
        None => {
            let joined = s.hyphen(end);
            !joined
                || s.word(end + 1).is_none_or(|w| {
                    matches!(
                        w,
                        "hour" | "minute" | "day" | "week" | "month" | "year" | "mile"
                    )
                })
        }
        Some(w) => matches!(
            w,
            "of" | "and"
                | "or"
                | "to"
                | "percent"
                | "per"
                | "million"
                | "billion"
                | "mile"
                | "miles"
                | "inch"
                | "inches"
                | "hour"
                | "cup"
                | "teaspoon"
        ),
    }
}

/// Piece `k`, or the one after it when `k` is a hyphen joining two pieces ("15-and-a-half").
fn hyphen_after(s: &Sentence, k: usize) -> usize {
    if s.hyphen(k) {
        k + 1
    } else {
        k
    }
}

/// Any number at `i`: digits or words, with a sign ("-1", "minus five"), a mixed fraction
/// ("2 1/4", "one and a half", "twenty and three fifths"), decimals in words ("two hundred
/// point seventy-one") or a ratio ("1 over three", "one out of three").
pub fn number_at(s: &Sentence, i: usize) -> Option<Num> {
    let slot = s.numbers.get(i)?;
    if let Some(read) = slot.get() {
        return read;
    }
    let read = read_number(s, i);
    slot.set(Some(read));
    read
}

fn read_number(s: &Sentence, i: usize) -> Option<Num> {
    // Most words are no number: one look-up rules them out.
    if s.word(i).is_some_and(|w| !NUMBER_STARTERS.contains(w)) {
        return None;
    }
    let mut start = i;
    let mut sign = 1.0;
    let minus_sign = matches!(s.ch(i), Some('-' | '−'))
        && (i == 0 || s.pieces[i].space_before)
        && s.num(i + 1).is_some()
        && (s.attached(i + 1) || i == 0);
    // "plus or minus 2%" is a margin around the figure, not a negative one.
    let margin = i >= 2 && s.is(i - 1, "or") && s.is(i - 2, "plus");
    if minus_sign || s.is_any(i, &["minus", "negative"]) && !margin {
        sign = -1.0;
        start = i + 1;
    }
    let mut num = if s.num(start).is_some() {
        digits_at(s, start)?
    } else if s.is_any(start, &["a", "an"]) {
        // "a half", "a quarter", "a trillionth", "a twenty-first".
        match denominator_at(s, start + 1) {
            Some((d, end, false)) if fraction_ends(s, end) => word_num(start, end, 1.0 / d, false),
            _ => words_at(s, start, s.len())?,
        }
    } else {
        words_at(s, start, s.len())?
    };
    num.start = i;
    let whole = num.plain.is_some();
    if num.ordinal && num.words && s.word(num.end - 1).is_some_and(|w| w.ends_with('s')) {
        return None;
    }
    if sign < 0.0 {
        num.value = -num.value;
        num.plain = None;
    }
    if num.ordinal {
        return Some(num);
    }
    let j = num.end;
    // Mixed fraction in digits: "2 1/4", "10 1/2".
    if whole && s.num(j).is_some() && s.ch(j + 1) == Some('/') {
        if let Some(f) = digits_at(s, j) {
            if f.value < 1.0 && f.end == j + 3 {
                num.value = sign * (num.value.abs() + f.value);
                num.end = f.end;
                num.plain = None;
                return Some(num);
            }
        }
    }
    // Fraction in words after a numeral: "two thirds", "one eighth", "three fifths".
    if let Some((d, end, plural)) = denominator_at(s, j) {
        let one = num.value.abs() == 1.0;
        if (plural && !one || (one && !plural && fraction_ends(s, end))) && !s.dash(j)
            || (s.dash(j) && num.words)
        {
            num.value = tidy(num.value / d);
            num.end = end;
            num.plain = None;
            return Some(num);
        }
    }
    // "one and a half", "five and a quarter", "one hundred and three and two thirds",
    // "15-and-a-half".
    let and = hyphen_after(s, j);
    if s.is(and, "and") {
        let k = hyphen_after(s, and + 1);
        let part = if s.is_any(k, &["a", "an"]) {
            denominator_at(s, hyphen_after(s, k + 1)).map(|(d, end, _)| (1.0 / d, end))
        } else {
            words_at(s, k, s.len())
                .or_else(|| digits_at(s, k))
                .and_then(|n| denominator_at(s, n.end).map(|(d, end, _)| (n.value / d, end)))
        };
        if let Some((f, end)) = part {
            num.value = tidy(sign * (num.value.abs() + f));
            num.end = end;
            num.plain = None;
            return Some(num);
        }
    }
    // "two hundred point seventy-one", "nine point nought four".
    if num.words && s.is(j, "point") {
        let mut digits = String::new();
        let mut k = j + 1;
        while let Some(w) = s.word(k) {
            if let Some(d) = unit_word(w) {
                digits.push(char::from(b'0' + d as u8));
                k += 1;
            } else if let Some(n) =
                words_at(s, k, s.len()).filter(|n| n.value < 100.0 && !n.ordinal)
            {
                digits.push_str(&(n.value as u32).to_string());
                k = n.end;
            } else {
                break;
            }
        }
        if !digits.is_empty() {
            if let Ok(f) = format!("0.{digits}").parse::<f64>() {
                num.value = tidy(sign * (num.value.abs() + f));
                num.end = k;
                return Some(num);
            }
        }
    }
    // "1 over three", "one out of three", "2000 over 3"; never "over 2024".
    let over = if s.is(j, "over") {
        Some(j + 1)
    } else if s.is(j, "out") && s.is(j + 1, "of") {
        Some(j + 2)
    } else {
        None
    };
    if let Some(k) = over {
        let den = if s.num(k).is_some() {
            digits_at(s, k)
        } else {
            words_at(s, k, s.len())
        };
        if let Some(den) = den {
            let year_like = den.plain.is_some_and(|y| (1000..=2999).contains(&y));
            let ends = s.word(den.end).is_none();
            if den.value != 0.0 && !den.ordinal && !year_like && (num.words || den.words || ends) {
                num.value = tidy(num.value / den.value);
                num.end = den.end;
                num.plain = None;
                num.words = true;
            }
        }
    }
    Some(num)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::lex::Sentence;

    fn read(text: &str) -> Option<(String, f64, bool)> {
        let lower = text.to_ascii_lowercase();
        let s = Sentence::new(text, &lower, 0, text.len());
        let n = number_at(&s, 0)?;
        let end = if n.end == 0 {
            0
        } else {
            s.pieces[n.end - 1].end
        };
        Some((text[..end].to_string(), n.value, n.ordinal))
    }

    macro_rules! case {
        ($input:expr, $span:expr, $value:expr) => {
            case!($input, $span, $value, false)
        };
        ($input:expr, $span:expr, $value:expr, $ordinal:expr) => {{
            let got = read($input).unwrap_or_else(|| panic!("no number in {:?}", $input));
            assert_eq!(got.0, $span, "span of {:?}", $input);
            assert!(
                (got.1 - $value as f64).abs() < 1e-9 * (1.0f64).max($value as f64).abs(),
                "{:?}: {} ≠ {}",
                $input,
                got.1,
                $value
            );
            assert_eq!(got.2, $ordinal, "ordinal flag of {:?}", $input);
        }};
    }

    #[test]
    fn digits() {
        case!("1,234,567 people", "1,234,567", 1234567);
        case!("4.58 billion", "4.58", 4.58);
        case!("40 000 is", "40 000", 40000);
        case!("1.1^23", "1.1^23", 1.1f64.powi(23));
        case!("12.32e+14", "12.32e+14", 1.232e15);
        case!("-1 degree", "-1", -1);
        case!("2  1/4", "2  1/4", 2.25);
        case!("- 1 4/5", "- 1 4/5", -1.8);
        case!(".23456000", ".23456000", 0.23456);
        case!("4th among", "4th", 4, true);
        case!("1 over three", "1 over three", 1.0 / 3.0);
    }

    #[test]
    fn words() {
        case!(
            "two hundred and forty-five thousand people",
            "two hundred and forty-five thousand",
            245000
        );
        case!(
            "twenty-one trillion and three hundred",
            "twenty-one trillion and three hundred",
            21000000000300i64
        );
        case!("fifty   two", "fifty   two", 52);
        case!("three twenty-firsts", "three twenty-firsts", 3.0 / 21.0);
        case!(
            "one hundred thirty fifths",
            "one hundred thirty fifths",
            100.0 / 35.0
        );
        case!(
            "one hundred thirty-two fifths",
            "one hundred thirty-two fifths",
            26.4
        );
        case!("twenty and three fifths", "twenty and three fifths", 20.6);
        case!(
            "one hundred and three and two thirds",
            "one hundred and three and two thirds",
            103.0 + 2.0 / 3.0
        );
        case!("one and a half", "one and a half", 1.5);
        case!("15-and-a-half miles", "15-and-a-half", 15.5);
        case!(
            "a hundred thousand trillionths",
            "a hundred thousand trillionths",
            1e-7
        );
        case!(
            "two hundred point seventy-one",
            "two hundred point seventy-one",
            200.71
        );
        case!("nine point nought four", "nine point nought four", 9.04);
        case!("Fourth Industrial Revolution", "Fourth", 4, true);
        case!(
            "one hundred twenty-fifth",
            "one hundred twenty-fifth",
            125,
            true
        );
        case!("a half", "a half", 0.5);
        case!("three-nought-four", "three", 3);
        case!("minus five point five", "minus five point five", -5.5);
    }

    #[test]
    fn not_numbers() {
        assert_eq!(read("fifths"), None);
        assert_eq!(read("a fourth term").map(|r| r.0), None);
        assert_eq!(read("the"), None);
    }

    #[test]
    fn float_noise_is_rounded() {
        assert_eq!(tidy(4.58 * 1e9), 4_580_000_000.0);
        assert_eq!(tidy(0.1 + 0.2), 0.3);
    }
}
