//! Finds numbers, money, percentages, dates, times, durations, ranges, ordinals and
//! quantities, each with a normalised value and what it measures.
//!
//! Each content sentence is cut into pieces (`lex`); at each piece the longest reading
//! wins: a date or time (`dates`), or a number (`numbers`) with what follows it (magnitude,
//! currency, percent, unit, duration). Ranges and qualifiers are joined on, `context` reads
//! what each figure counts or measures, and dates are resolved last, once the article's own
//! date is known (`anchor`).

mod anchor;
pub mod calendar;
mod context;
mod dates;
mod eras;
mod lex;
mod numbers;
mod units;

pub use dates::{month_word, weekday_word};

use crate::clean::Cleaned;
use crate::hashing::FastMap;
use crate::report::{Figure, FigureKind, Sentence, Value};
use crate::tokenize::{has_inner_capital, Token};
use dates::{MonthDay, When};
use lex::Sentence as Pieces;
use numbers::{magnitude_at, number_at, Num};
use std::ops::Range;
use std::sync::LazyLock;
use units::{Form, CURRENCIES, UNITS};

/// What a figure reads as, before dates are resolved.
#[derive(Clone, Debug, PartialEq)]
enum Reading {
    Number(f64),
    Range(f64, f64),
    When(When),
    Span(When, When),
    /// "few hours": a figure with no definite amount.
    Vague,
}

/// A figure found in one sentence: pieces `start..end`.
#[derive(Clone, Debug)]
struct Hit {
    start: usize,
    end: usize,
    kind: FigureKind,
    reading: Reading,
    unit: Option<&'static str>,
    qualifier: Option<&'static str>,
    note: Option<String>,
    uncertain: bool,
    /// Bare "today": dropped unless it ends up inside a range.
    weak: bool,
    /// "the 21st century": its last year is no sign of when the text was written (where
    /// "the 1990s" suggests a text written after them).
    century: bool,
    /// The time a rate is counted over, its pieces: "a week" of "5,000 cars a week".
    rate: Option<Range<usize>>,
    /// The whole a count is part of: 650 of "412 of the 650 seats".
    out_of: Option<f64>,
    /// An age ("91-year-old", "aged 89"): it counts nothing.
    age: bool,
}

impl Hit {
    fn new(start: usize, end: usize, kind: FigureKind, reading: Reading) -> Hit {
        Hit {
            start,
            end,
            kind,
            reading,
            unit: None,
            qualifier: None,
            note: None,
            uncertain: false,
            weak: false,
            century: false,
            rate: None,
            out_of: None,
            age: false,
        }
    }
    fn when(&self) -> Option<&When> {
        match &self.reading {
            Reading::When(w) => Some(w),
            _ => None,
        }
    }
}

/// Every figure in the content sentences (title and body), in text order, without overlaps.
/// `reference_date` (ISO) anchors relative dates when the article gives no date of its own.
///
/// The pipeline's tokens are not used: figures need a finer cut ("USD34.6", "10k", "4th"),
/// which `lex` makes per sentence.
pub fn extract(
    text: &str,
    _tokens: &[Token],
    sentences: &[Sentence],
    cleaned: &Cleaned,
    reference_date: Option<&str>,
) -> Vec<Figure> {
    let lower = text.to_ascii_lowercase();
    let mut figures = Vec::new();
    let mut whens: Vec<(usize, Reading)> = Vec::new();
    let mut evidence = anchor::Evidence::default();
    let mut last_cardinals: Vec<(f64, String)> = Vec::new();
    for sentence in sentences {
        let content = cleaned
            .paragraphs
            .get(sentence.paragraph)
            .is_some_and(|p| p.role.is_content());
        if !content {
            continue;
        }
        let s = Pieces::new(text, &lower, sentence.span.start, sentence.span.end);
        let hits = scan(&s);
        evidence.read_sentence(&s, &hits);
        for (n, hit) in hits.iter().enumerate() {
            let span_of = |a: usize, b: usize| {
                crate::report::Span::new(s.pieces[a].start, s.pieces[b - 1].end)
            };
            let span = span_of(hit.start, hit.end);
            let ctx = context::read(&s, &hits, n, &last_cardinals);
            if hit.kind == FigureKind::Cardinal {
                if let (Reading::Number(v), Some(c)) = (&hit.reading, &ctx.counted) {
                    last_cardinals.push((*v, c.clone()));
                }
            }
            let value = match &hit.reading {
                Reading::Number(v) => Some(Value::Number(numbers::tidy(*v))),
                Reading::Range(a, b) => Some(Value::Range {
                    from: Box::new(Value::Number(numbers::tidy(*a))),
                    to: Box::new(Value::Number(numbers::tidy(*b))),
                }),
                _ => None,
            };
            if matches!(hit.reading, Reading::When(_) | Reading::Span(..)) {
                whens.push((figures.len(), hit.reading.clone()));
            }
            let mut ctx = ctx;
            if let Some(before) = figures.last().filter(|_| n > 0) {
                context::borrow(&s, &hits[n - 1], hit, before, &mut ctx);
            }
            let mut note = hit.note.clone();
            let mut uncertain = hit.uncertain;
            if hit.reading == Reading::Vague {
                uncertain = true;
                note.get_or_insert_with(|| "no definite amount".to_string());
            }
            figures.push(Figure {
                span,
                text: span.of(text).to_string(),
                kind: hit.kind,
                value,
                unit: hit.unit.map(str::to_string),
                qualifier: hit.qualifier.map(str::to_string),
                counted: ctx.counted,
                subject: ctx.subject,
                period: ctx.period,
                out_of: ctx.out_of,
                uncertain,
                note,
            });
        }
    }
    let anchor = anchor::Anchor::find(cleaned, reference_date, &evidence);
    for (index, reading) in whens {
        let f = &mut figures[index];
        let (value, uncertain, note) = match reading {
            Reading::When(w) => anchor.resolve(&w),
            Reading::Span(a, b) => {
                let (from, u1, n1) = anchor.resolve(&a);
                let (to, u2, n2) = anchor.resolve(&b);
                let value = from.zip(to).map(|(from, to)| Value::Range {
                    from: Box::new(from),
                    to: Box::new(to),
                });
                (value, u1 || u2, n1.or(n2))
            }
            _ => continue,
        };
        f.value = value;
        f.uncertain |= uncertain;
        if f.note.is_none() {
            f.note = note;
        }
        if f.value.is_none() {
            f.uncertain = true;
        }
    }
    figures
}

/// The figures of one sentence, in order, without overlaps.
fn scan(s: &Pieces) -> Vec<Hit> {
    let mut hits: Vec<Hit> = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if !could_start(s, i) {
            i += 1;
            continue;
        }
        if let Some(e) = eras::era_at(s, i) {
            i = e.end;
            hits.push(from_era(e));
            continue;
        }
        // "no" opens nothing but a rank or a document's number.
        if s.is(i, "no") {
            match numbered_at(s, i) {
                Some((end, rank)) => {
                    i = end;
                    hits.extend(rank);
                }
                None => i += 1,
            }
            continue;
        }
        let date = dates::date_at(s, i);
        let quantity = quantity_at(s, i);
        let pick = match (date, quantity) {
            (Some(d), Some(q)) if q.end > d.end => Some(q),
            (Some(d), _) => Some(from_date(d)),
            (None, q) => q,
        };
        match pick {
            Some(h) => {
                i = h.end.max(i + 1);
                hits.push(h);
            }
            None => i += 1,
        }
    }
    join_date_ranges(s, &mut hits);
    join_compounds(s, &mut hits);
    borrow_years(&mut hits);
    hits.retain(|h| !h.weak);
    let mut floor = 0;
    for h in &mut hits {
        attach_qualifier(s, h, floor);
        floor = h.end;
    }
    join_bounds(s, &mut hits);
    carry_currency(s, &mut hits);
    read_rates(s, &mut hits);
    hits
}

/// Each figure's rate span (see `context::rate`); "a week" in "5,000 cars a week" is the
/// period of the rate before it, not a duration of its own.
fn read_rates(s: &Pieces, hits: &mut Vec<Hit>) {
    for h in hits.iter_mut() {
        h.rate = context::rate(s, h);
    }
    let spans: Vec<_> = hits.iter().filter_map(|h| h.rate.clone()).collect();
    hits.retain(|h| h.kind != FigureKind::Duration || !spans.contains(&(h.start..h.end)));
}

/// Documents numbered in their names: "Decree No. 168/2024/ND-CP", "Directive No. 20".
const NUMBERED_DOCUMENTS: &[&str] = &[
    "decree",
    "directive",
    "resolution",
    "circular",
    "decision",
    "law",
    "dispatch",
    "document",
    "order",
];

/// "No. 1", "No 2": a rank, an ordinal; but a document's number ("Directive No. 20",
/// "No. 168/2024/ND-CP") is no figure, nor is any part of its code. Returns where the
/// number ends and the rank, if it is one.
fn numbered_at(s: &Pieces, i: usize) -> Option<(usize, Option<Hit>)> {
    if !s.capitalised(i) {
        return None;
    }
    let j = if s.ch(i + 1) == Some('.') {
        i + 2
    } else {
        i + 1
    };
    let n = number_at(s, j).filter(|n| n.plain.is_some() && !n.ordinal)?;
    // The code runs on while no space breaks it: "/2024/ND-CP".
    let mut end = n.end;
    while s.attached(end) && (s.word(end).is_some() || s.num(end).is_some() || s.joins(end)) {
        end += 1;
    }
    let document = end > n.end || i > 0 && s.is_any(i - 1, NUMBERED_DOCUMENTS);
    // "world No. 1", "the No. 2 seed"; not "No 10 said", "talks at No 10" (Downing Street),
    // nor a label in a name ("Metro Line No.2").
    let world = i > 0 && s.is(i - 1, "world");
    let downing = n.value == 10.0 && !(world || s.is(end, "seed"));
    let ranked = i > 0 && s.word(i - 1).is_some() && (world || !s.capitalised(i - 1)) && !downing;
    let rank = (ranked && !document)
        .then(|| Hit::new(i, n.end, FigureKind::Ordinal, Reading::Number(n.value)));
    Some((end, rank))
}

/// Words other than numbers, months and weekdays that can open a figure.
const OPENERS: &[&str] = &[
    "no",
    "this",
    "next",
    "last",
    "past",
    "previous",
    "prior",
    "coming",
    "current",
    "following",
    "the",
    "my",
    "month",
    "week",
    "rest",
    "w",
    "mid",
    "midday",
    "midnight",
    "noon",
    "midafternoon",
    "midmorning",
    "in",
    "lunchtime",
    "early",
    "late",
    "later",
    "earlier",
    "today",
    "tomorrow",
    "yesterday",
    "now",
    "another",
    "all",
    "full",
    "few",
    "several",
    "some",
    "percent",
    "per",
    "percentage",
    "pct",
    "basis",
    "bps",
    "q",
    "h",
    "spring",
    "summer",
    "autumn",
    "winter",
];

/// The words that can open a figure: `true` for numbers, months, weekdays, parts of the
/// day and `OPENERS`; `false` for the other first words of currency names, which open one
/// only as part of the whole name. One look-up rules out most words.
static OPENING_WORDS: LazyLock<FastMap<Box<str>, bool>> = LazyLock::new(|| {
    let mut words: FastMap<Box<str>, bool> = CURRENCIES
        .first_pieces()
        .map(|w| (w.into(), false))
        .collect();
    let openers = OPENERS
        .iter()
        .copied()
        .chain(dates::calendar_words())
        .chain(eras::opening_words());
    for w in openers
        .map(str::to_string)
        .chain(numbers::number_starters())
    {
        words.insert(w.into_boxed_str(), true);
    }
    words
});

/// Whether a figure can start at piece `i`: a cheap test that spares the full grammar on
/// most words.
fn could_start(s: &Pieces, i: usize) -> bool {
    match s.pieces[i].kind {
        lex::Kind::Num => true,
        lex::Kind::Other(c) => {
            // An apostrophe opens a decade ("'60s").
            matches!(c, '-' | '−' | '%' | '\'' | '’') || CURRENCIES.longest_at(s, i).is_some()
        }
        lex::Kind::Word => match OPENING_WORDS.get(s.word(i).unwrap_or("")) {
            Some(true) => true,
            Some(false) => CURRENCIES.longest_at(s, i).is_some(),
            // The words are lowered in ASCII only: "VNĐ" is looked up whole.
            None => !s.raw(i).is_ascii() && CURRENCIES.longest_at(s, i).is_some(),
        },
    }
}

/// A decade of the calendar or a century is a span of years; a decade of age ("in their
/// 80s") a range of years.
fn from_era(e: eras::Era) -> Hit {
    let (kind, reading) = if e.age {
        let (first, last) = (f64::from(e.first), f64::from(e.last));
        (FigureKind::Range, Reading::Range(first, last))
    } else {
        let (first, last) = (When::year(e.first), When::year(e.last));
        (FigureKind::Date, Reading::Span(first, last))
    };
    let mut h = Hit::new(e.start, e.end, kind, reading);
    h.unit = e.age.then_some("year");
    h.century = !e.age && e.last - e.first > 9;
    h
}

fn from_date(d: dates::DateHit) -> Hit {
    let mut h = Hit::new(d.start, d.end, d.kind, Reading::When(d.when));
    h.weak = d.weak;
    h.note = d.note.map(str::to_string);
    h.uncertain = d.note.is_some();
    h
}

/// A number is glued to the word before it ("G7", "m212", "COVID-19", "nga-13.jpg"): part
/// of a name or an identifier, except after a prefix such as "mid-" ("mid-2024").
fn glued_to_word(s: &Pieces, i: usize) -> bool {
    if s.num(i).is_none() || i == 0 || !s.attached(i) {
        return false;
    }
    if s.word(i - 1).is_some() {
        return true;
    }
    let joined = matches!(s.ch(i - 1), Some('-' | '_')) && i >= 2 && s.attached(i - 1);
    joined
        && s.word(i - 2).is_some_and(|w| {
            !matches!(
                w,
                "mid" | "pre" | "post" | "early" | "late" | "end" | "circa"
            )
        })
}

/// A currency code glued to a small whole number with no amount word after it is a name:
/// "COP30" (the climate summit, not 30 Colombian pesos).
fn code_label(s: &Pieces, i: usize, j: usize, a: &Num) -> bool {
    j == i + 1
        && s.attached(j)
        && s.raw(i).bytes().all(|b| b.is_ascii_uppercase())
        && a.plain.is_some_and(|v| v < 100)
}

/// Whether the pounds ending before `e` are a weight: written "lb" or "lbs", or in a
/// sentence that weighs something ("weighs", "heavier", "overloaded", a rocket's "thrust")
/// or gives another weight ("700 pounds (320kg)", "a metric ton is 2,204.62 pounds").
fn weighed(s: &Pieces, e: usize) -> bool {
    if s.word(e - 1).is_some_and(|w| w.starts_with("lb")) {
        return true;
    }
    (0..s.len()).any(|j| {
        let Some(w) = s.word(j) else {
            return false;
        };
        ["weigh", "heav", "light", "overweight", "overloaded"]
            .iter()
            .any(|p| w.starts_with(p))
            || matches!(w, "ton" | "tons" | "tonne" | "tonnes" | "stone" | "thrust")
            || UNITS
                .longest_at(s, j)
                .is_some_and(|(_, f)| matches!(f.code, "kg" | "g" | "oz"))
    })
}

/// "Lan, 68, was found guilty": a whole number in digits between commas right after a
/// capitalised word, and before a word in lower case that goes on with the sentence, is
/// the age of who was just named.
fn appositive_age(s: &Pieces, start: usize, end: usize, n: &Num) -> bool {
    start >= 2
        && !n.words
        && n.plain.is_some_and(|v| (1..=120).contains(&v))
        && s.ch(start - 1) == Some(',')
        && s.word(start - 2).is_some()
        && s.capitalised(start - 2)
        && s.ch(end) == Some(',')
        && s.word(end + 1)
            .is_some_and(|w| !s.capitalised(end + 1) && !matches!(w, "and" | "or" | "but"))
}

/// "3:49.11", "7:17.55", "2:05:23.5": a race time, minutes (or hours and minutes) and
/// seconds with a fraction, which no clock writes; a duration in seconds.
fn race_time_at(s: &Pieces, i: usize) -> Option<Hit> {
    let first = s
        .num(i)
        .filter(|n| n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()))?;
    let mut seconds: f64 = first.parse().ok()?;
    let mut k = i + 1;
    let mut parts = 1;
    while parts < 3 && s.ch(k) == Some(':') && s.joins(k) {
        let part = s.num(k + 1)?;
        let (whole, fraction) = part.split_once('.').unwrap_or((part, ""));
        let value: f64 = part.parse().ok()?;
        if whole.len() != 2 || value >= 60.0 || fraction.len() > 3 {
            return None;
        }
        seconds = seconds * 60.0 + value;
        parts += 1;
        k += 2;
        if !fraction.is_empty() {
            let mut h = Hit::new(
                i,
                k,
                FigureKind::Duration,
                Reading::Number(numbers::tidy(seconds)),
            );
            h.unit = Some("second");
            return Some(h);
        }
    }
    None
}

/// "per second", "a split second": the unit of time, not the ordinal.
fn second_of_time(s: &Pieces, j: usize, n: &Num) -> bool {
    n.end == j + 1 && s.is(j, "second") && j > 0 && s.is_any(j - 1, &["per", "split"])
}

/// "two-way trade", "a one-off payment", "a one-sided match", "a one-stop shop": a number
/// in a set phrase counts nothing.
fn set_phrase(s: &Pieces, n: &Num) -> bool {
    s.hyphen(n.end) && s.is_any(n.end + 1, &["way", "off", "sided", "stop"])
}

/// "the one", "no one", "this one", "one another": "one" as a pronoun.
fn pronoun_one(s: &Pieces, j: usize, n: &Num) -> bool {
    if !(n.words && n.value == 1.0 && n.end == j + 1 && s.is(j, "one")) {
        return false;
    }
    // "No-one".
    if j >= 2 && s.hyphen(j - 1) && s.is(j - 2, "no") {
        return true;
    }
    let before = j.checked_sub(1).and_then(|b| s.word(b));
    matches!(
        before,
        Some(
            "the"
                | "this"
                | "that"
                | "no"
                | "any"
                | "every"
                | "each"
                | "which"
                | "another"
                | "some"
                | "someone"
                | "last"
                | "next"
                | "only"
                | "little"
        )
    ) || s.is_any(j + 1, &["another", "by", "day"])
        // "the right one", "a big one", "the current one".
        || (j >= 2 && s.word(j - 1).is_some() && s.is_any(j - 2, &["the", "a", "this", "that"]))
}

/// "BBC One", "Radio Five Live", "Ocean's Eleven", "Million Dollar Baby": a number in
/// capitalised words after a name, or before a capitalised currency word, mid-sentence, is
/// a name's label and no amount; unless the sentence capitalises nearly every word (a
/// headline in title case). A count in a name stays one: "the Six Nations", "the Fourth
/// Industrial Revolution".
fn in_name(s: &Pieces, j: usize, n: &Num) -> bool {
    let capitalised_word = |k: usize| s.word(k).is_some() && s.capitalised(k);
    // "BBC One", but not an owner ("England's Six Nations opener") or a heading in
    // capitals run into the text ("GAFFES Three people").
    let before = if j > 0 { s.raw(j - 1) } else { "" };
    let name_before = j > 0
        && capitalised_word(j - 1)
        && !s.possessive(j - 1)
        && (before.chars().any(char::is_lowercase) || before.len() <= 4);
    let currency_after = || capitalised_word(n.end) && CURRENCIES.longest_at(s, n.end).is_some();
    let words_only = || (j..n.end).all(|k| s.num(k).is_none());
    // Looked at last: in a run of numbers with no word before them it reads back far.
    let mid_sentence = || mid_sentence(s, j);
    n.words
        && s.capitalised(j)
        && words_only()
        && (name_before || currency_after())
        && mid_sentence()
        && !title_case(s)
}

/// "Model 3", "Boeing 747", "Chapter 11", "BBC Radio 4", "FTSE 100", "iPhone 16": a whole
/// number in digits right after a name's word is the name's label and no amount; unless a
/// unit, a percent, a magnitude or a score goes on from it ("Olympic 100m", "England
/// 18-17"). A year stays a year ("Security Act 2001"), and an owner's number an amount ("the
/// WTO's 148 members").
fn label_number(s: &Pieces, j: usize, n: &Num) -> bool {
    n.plain.is_some_and(|v| !(1000..=2100).contains(&v))
        && !n.ordinal
        && j > 0
        && after_name_word(s, j - 1)
        && !s.possessive(j - 1)
        // "on Thursday 21 people came".
        && s.word(j - 1).is_some_and(|w| dates::month_word(w).is_none() && dates::weekday_word(w).is_none())
        && !s.dash(n.end)
        && suffix_at(s, n.end).is_none()
        && numbers::magnitude_at(s, n.end, false).is_none()
        && !title_case(s)
}

/// Whether piece `k` is a capitalised word inside the sentence (not its first word, nor
/// the first after an opening quote or bracket), so likely part of a name.
fn after_name_word(s: &Pieces, k: usize) -> bool {
    // A capital inside a word makes a name too: "iPhone 16".
    s.word(k).is_some()
        && (s.capitalised(k) || has_inner_capital(s.raw(k)))
        && k > 0
        && !matches!(
            s.ch(k - 1),
            Some('"' | '“' | '‘' | '\'' | '(' | '[' | ':' | '-' | '–' | '—')
        )
        && mid_sentence(s, k)
}

/// Whether a word comes before piece `j` in the sentence.
fn mid_sentence(s: &Pieces, j: usize) -> bool {
    (0..j).any(|k| s.word(k).is_some())
}

/// Whether nearly all words of more than three letters start with a capital (names make
/// up many of a sentence's capitals, so a bare majority is not enough).
fn title_case(s: &Pieces) -> bool {
    if let Some(known) = s.title_case.get() {
        return known;
    }
    let (mut capitalised, mut lower) = (0, 0);
    for k in 0..s.len() {
        if s.word(k).is_some_and(|w| w.len() > 3) {
            if s.capitalised(k) {
                capitalised += 1;
            } else {
                lower += 1;
            }
        }
    }
    let title_case = capitalised > 3 * lower;
    s.title_case.set(Some(title_case));
    title_case
}

/// Whether a currency follows at `k`, after a magnitude word if any.
fn money_follows(s: &Pieces, k: usize) -> bool {
    let e = magnitude_at(s, k, true).map_or(k, |m| m.0);
    CURRENCIES.longest_at(s, e).is_some()
}

fn duration_unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "year" | "years" | "yr" | "yrs" => "year",
        "month" | "months" => "month",
        "week" | "weeks" => "week",
        "day" | "days" => "day",
        "hour" | "hours" | "hr" | "hrs" | "h" => "hour",
        "minute" | "minutes" | "min" | "mins" => "minute",
        "second" | "seconds" | "sec" | "secs" => "second",
        "decade" | "decades" => "decade",
        "century" | "centuries" => "century",
        _ => return None,
    })
}

/// What follows a number.
enum Suffix<'a> {
    Currency(&'a Form),
    Percent(&'static str),
    Duration(&'static str),
    Unit(&'static str),
}

impl Suffix<'_> {
    /// The currency code or unit.
    fn code(&self) -> &str {
        match self {
            Suffix::Currency(f) => f.code,
            Suffix::Percent(u) | Suffix::Duration(u) | Suffix::Unit(u) => u,
        }
    }
}

/// A percent sign or word at `k`: (unit, end).
fn percent_at(s: &Pieces, k: usize) -> Option<(&'static str, usize)> {
    if s.ch(k) == Some('%') {
        return Some(("%", k + 1));
    }
    match s.word(k)? {
        "percent" | "percents" | "pct" => {
            if s.is_any(k + 1, &["point", "points"]) {
                return Some(("percentage point", k + 2));
            }
            Some(("%", k + 1))
        }
        "per" if s.is(k + 1, "cent") => Some(("%", k + 2)),
        // "rose 5pc", British newspapers' per cent; apart, "pc" is more often a computer.
        "pc" if s.attached(k) => Some(("%", k + 1)),
        "percentage" if s.is_any(k + 1, &["point", "points"]) => Some(("percentage point", k + 2)),
        "percentage" => Some(("%", k + 1)),
        "basis" if s.is_any(k + 1, &["point", "points"]) => Some(("basis point", k + 2)),
        "bps" => Some(("basis point", k + 1)),
        _ => None,
    }
}

fn suffix_at<'a>(s: &Pieces, k: usize) -> Option<(Suffix<'a>, usize)> {
    if s.ampersand_name(k) {
        return None;
    }
    if let Some((e, f)) = CURRENCIES.longest_at(s, k) {
        // "Fahrenheit 9/11 won the award": the verb has an object after it; not after a
        // magnitude ("a loss of 3.75 trillion won a year ago").
        let magnitude = k > 0
            && s.word(k - 1)
                .is_some_and(|w| numbers::scale_word(w).is_some());
        let verb =
            f.after_only && !magnitude && (s.num(e).is_some() || s.is_any(e, context::ARTICLES));
        // "the second £62.5m": a symbol glued to the next number is that number's.
        let prefix_of_next = s.attached(e) && s.num(e).is_some();
        if !verb && !prefix_of_next {
            return Some((Suffix::Currency(f), e));
        }
    }
    if let Some((u, e)) = percent_at(s, k) {
        return Some((Suffix::Percent(u), e));
    }
    if let Some(u) = s.word(k).and_then(duration_unit) {
        // "h" and "hr" only right after the number or alone ("3h", "3 h").
        return Some((Suffix::Duration(u), k + 1));
    }
    // "20 [kg]", "20 <kg>".
    if matches!(s.ch(k), Some('[' | '<')) {
        let close = if s.ch(k) == Some('[') { ']' } else { '>' };
        if let Some((e, f)) = UNITS.longest_at(s, k + 1) {
            if s.ch(e) == Some(close) {
                return Some((Suffix::Unit(f.code), e + 1));
            }
        }
    }
    if let Some((e, f)) = UNITS.longest_at(s, k) {
        // "Seat 12F", "Room 5W": a letter after a label's number is part of the label.
        let label = f.is_letter() && k >= 2 && after_name_word(s, k - 2);
        if !label {
            return Some((Suffix::Unit(f.code), e));
        }
    }
    None
}

/// Range connector after a number at `k`: a dash, "to", "through", or "and" after
/// "between". Returns the piece after it.
fn connector(s: &Pieces, k: usize, start: usize) -> Option<usize> {
    if s.dash(k) {
        // "three-nought-four" is a sequence; a dash joins a range only next to digits.
        let digits = s.num(k - 1).is_some()
            || s.num(k + 1).is_some()
            || s.word(k + 1).is_some_and(|w| {
                dates::month_word(w).is_some() || w.len() > 3 && !numbers::is_number_word(w)
            });
        return digits.then_some(k + 1);
    }
    // "19/20 February".
    let day_pair = s.ch(k) == Some('/') && s.joins(k);
    if day_pair
        && s.num(k + 1).is_some()
        && s.word(k + 2)
            .is_some_and(|w| dates::month_word(w).is_some())
    {
        return Some(k + 1);
    }
    let between = start > 0 && s.is(start - 1, "between");
    match s.word(k)? {
        "to" | "through" | "thru" | "till" | "until" => Some(k + 1),
        "and" if between => Some(k + 1),
        _ => None,
    }
}

/// The unit of a match score or a vote's tally: "3-1", "52-48".
pub const SCORE: &str = "score";

/// Whether the numbers at `i` and `b`, joined by the dash at `dash`, are a match score
/// ("Italy 17-28 Ireland", "won 6-2 3-6 6-3", "a 2-1 win"), which is no range.
fn score(s: &Pieces, i: usize, dash: usize, b: &Num) -> bool {
    const RESULTS: &[&str] = &[
        "beat",
        "beats",
        "beating",
        "won",
        "win",
        "wins",
        "winning",
        "lost",
        "lose",
        "loses",
        "losing",
        "drew",
        "draw",
        "drawn",
        "tied",
        "ended",
        "finished",
        "vote",
        "voted",
        "led",
        "lead",
        "leading",
        "trailed",
        "trailing",
        "downed",
        "edged",
        "thrashed",
        "victory",
        "defeat",
        "score",
        "scoreline",
    ];
    let tight = s.hyphen(dash);
    let small = |n: Option<&str>| {
        n.and_then(|d| d.parse::<u32>().ok())
            .is_some_and(|v| v < 200)
    };
    // "won 2-3 weeks ago", "lost 4-5%": a measure after the pair makes it a range.
    let measured = || s.plural(b.end) && !s.capitalised(b.end) || suffix_at(s, b.end).is_some();
    if !tight || !small(s.num(i)) || !small(s.num(dash + 1)) || b.end != dash + 2 || measured() {
        return false;
    }
    let name_before = i > 0 && s.word(i - 1).is_some() && s.capitalised(i - 1);
    let name_after = s.word(b.end).is_some() && s.capitalised(b.end);
    let result_near = (i.saturating_sub(3)..i)
        .chain(b.end..b.end + 1)
        .any(|k| s.is_any(k, RESULTS));
    // Tennis sets: another "6-3" or a tie-break "(7-4)" before or after, or the tie-break.
    let set_at = |k: usize| s.num(k).is_some() && s.dash(k + 1) && s.num(k + 2).is_some();
    let sets = set_at(b.end)
        || s.ch(b.end) == Some('(') && set_at(b.end + 1)
        || i >= 3 && set_at(i - 3)
        || i >= 1 && s.ch(i - 1) == Some(')')
        || i >= 4 && s.ch(i - 1) == Some('(') && set_at(i - 4);
    name_before && name_after || result_near || sets
}

/// A number at `i` with whatever gives it a kind: "US$4.7 billion", "4.58 billion USD",
/// "5 to 10 per cent", "75-year", "500,000 barrels", "2026–2028", "80th", "199".
fn quantity_at(s: &Pieces, i: usize) -> Option<Hit> {
    if let Some(h) = vague_or_article_duration(s, i).or_else(|| race_time_at(s, i)) {
        return Some(h);
    }
    // "percent of 10".
    if let Some(("%", e)) = percent_at(s, i) {
        if s.is(e, "of")
            && (i == 0
                || s.num(i - 1).is_none()
                    && s.word(i - 1).is_none_or(|w| !numbers::is_number_word(w)))
        {
            let n = number_at(s, e + 1)?;
            let mut h = Hit::new(i, n.end, FigureKind::Percent, Reading::Number(n.value));
            h.unit = Some("%");
            return Some(h);
        }
    }
    let (j, prefix) = match CURRENCIES.longest_at(s, i) {
        Some((e, f)) if !f.after_only && number_at(s, e).is_some_and(|n| !n.ordinal) => {
            (e, Some(f))
        }
        _ => (i, None),
    };
    if prefix.is_none() && glued_to_word(s, i) {
        return None;
    }
    let a = number_at(s, j)?;
    if pronoun_one(s, j, &a)
        || in_name(s, j, &a)
        || prefix.is_none() && label_number(s, j, &a)
        || second_of_time(s, j, &a)
        || set_phrase(s, &a)
    {
        return None;
    }
    let mut k = a.end;
    let money = prefix.is_some() || money_follows(s, k);
    let mut mag_a = magnitude_at(s, k, money);
    // "a $5-million deal", "a 1.2-trillion-yen programme": one amount, not a range.
    if mag_a.is_none() && s.hyphen(k) {
        mag_a = magnitude_at(s, k + 1, money);
    }
    if mag_a.is_none() && code_label(s, i, j, &a) {
        return None;
    }
    if let Some((e, _)) = mag_a {
        k = e;
    }
    // A second number after a range connector.
    let mut b: Option<(Num, Option<(usize, f64)>)> = None;
    if !a.ordinal {
        if let Some(c) = connector(s, k, i) {
            let mut c2 = c;
            if let (Some(f), Some((e, g))) = (prefix, CURRENCIES.longest_at(s, c)) {
                if g.code == f.code {
                    c2 = e;
                }
            }
            let nb = number_at(s, c2).filter(|n| !n.ordinal && !glued_to_word(s, c2));
            if let Some(nb) = nb.as_ref().filter(|nb| score(s, i, k, nb)) {
                // Both sides in the order written; a score counts nothing.
                let mut h = Hit::new(
                    i,
                    nb.end,
                    FigureKind::Cardinal,
                    Reading::Range(a.value, nb.value),
                );
                h.unit = Some(SCORE);
                return Some(h);
            }
            if let Some(nb) = nb {
                let money_b = money || money_follows(s, nb.end);
                let mag_b = magnitude_at(s, nb.end, money_b);
                b = Some((nb, mag_b));
            }
        } else if let Some(nb) = between_with_unit(s, i, k) {
            b = Some((nb, None));
        }
    }
    // Years: "2026–2028", "2026-31", "between 2015 and 2018"; a season or a fiscal year,
    // "2005-6", "2003/04", "2005/2006".
    let slashed = s.ch(k) == Some('/') && s.joins(k);
    let second = match &b {
        Some((nb, None)) => Some(*nb),
        None if slashed => number_at(s, k + 1),
        _ => None,
    };
    if let (Some(nb), None, None) = (second, mag_a, prefix) {
        if let (Some(ya), Some(yb)) = (year_of(&a), nb.plain) {
            let short = s.dash(a.end) || slashed;
            let yb = match nb.width {
                4 => yb as i32,
                // "1999-00" ends in 2000.
                2 if short => ya / 100 * 100 + yb as i32 + if yb == 0 { 100 } else { 0 },
                1 if short => ya / 10 * 10 + yb as i32,
                _ => -1,
            };
            let next = !(slashed || nb.width == 1) || yb == ya + 1;
            if yb > ya && next && yb <= 2999 && suffix_at(s, nb.end).is_none() {
                let start = range_start(s, i);
                return Some(Hit::new(
                    start,
                    nb.end,
                    FigureKind::Range,
                    Reading::Span(When::year(ya), When::year(yb)),
                ));
            }
        }
    }
    let fa = mag_a.map_or(1.0, |m| m.1);
    let (mut end, range) = match &b {
        Some((nb, mag_b)) => {
            let fb = mag_b.map_or(fa, |m| m.1);
            let fa = if mag_a.is_some() { fa } else { fb };
            let (va, vb) = (a.value * fa, nb.value * fb);
            if vb > va {
                (mag_b.map_or(nb.end, |m| m.0), Some((va, vb)))
            } else {
                (k, None)
            }
        }
        None => (k, None),
    };
    let value = a.value * fa;
    // Adjectival forms: "75-year", "12-cent", "3-inch", "one-yen".
    let hyphen = range.is_none() && s.hyphen(end) && s.word(end + 1).is_some();
    let at = if hyphen { end + 1 } else { end };
    let suffix = suffix_at(s, at).filter(|(x, _)| !(hyphen && matches!(x, Suffix::Percent(_))));
    // "a magnitude 6.3 earthquake": a scale written before the number.
    let scale_before = suffix.is_none() && prefix.is_none() && i > 0 && s.is(i - 1, "magnitude");
    let suffix = suffix.or(scale_before.then_some((Suffix::Unit("magnitude"), end)));
    // A capitalised word glued after it that is no unit makes an identifier: "3G", "3GSM".
    if suffix.is_none()
        && !a.ordinal
        && s.attached(end)
        && s.word(end).is_some()
        && s.raw(end).starts_with(|c: char| c.is_uppercase())
    {
        return None;
    }
    let start = if range.is_some() {
        range_start(s, i)
    } else if scale_before {
        i - 1
    } else {
        i
    };
    let reading = |v: f64| match range {
        Some((x, y)) => Reading::Range(x, y),
        None => Reading::Number(v),
    };
    let kind_or_range = |k: FigureKind| {
        if range.is_some() {
            FigureKind::Range
        } else {
            k
        }
    };
    let mut h;
    match (prefix, suffix) {
        (Some(f), _) | (None, Some((Suffix::Currency(f), _))) => {
            let scale = f.scale;
            if prefix.is_none() {
                end = suffix_end(s, at);
            } else if let Some((Suffix::Currency(g), e)) = suffix_at(s, end) {
                // "$5 USD": the code repeats the symbol.
                if g.code == f.code {
                    end = e;
                }
            }
            let mut v = value * scale;
            // "thirteen dollars and forty-five cents", "thirteen dollars forty five".
            if prefix.is_none() && scale == 1.0 && range.is_none() {
                let k2 = if s.is(end, "and") { end + 1 } else { end };
                if let Some(c) = number_at(s, k2).filter(|c| c.value < 100.0 && !c.ordinal) {
                    let cents = CURRENCIES
                        .longest_at(s, c.end)
                        .filter(|(_, g)| g.scale == 0.01);
                    if let Some((e, _)) = cents {
                        v += c.value / 100.0;
                        end = e;
                    } else if k2 == end && c.words && a.words && s.word(c.end).is_none() {
                        v += c.value / 100.0;
                        end = c.end;
                    }
                }
            }
            let r = match range {
                Some((x, y)) => Reading::Range(x * scale, y * scale),
                None => Reading::Number(v),
            };
            h = Hit::new(start, end, kind_or_range(FigureKind::Money), r);
            h.unit = Some(f.code);
            if f.code.chars().any(char::is_lowercase) {
                // "francs": the text does not say which country's.
                h.uncertain = true;
                h.note = Some(format!("which {} is not said", f.code));
            }
        }
        (None, Some((Suffix::Percent(u), e))) => {
            h = Hit::new(start, e, kind_or_range(FigureKind::Percent), reading(value));
            h.unit = Some(u);
        }
        (None, Some((Suffix::Duration(u), e))) => {
            if a.ordinal {
                // "the 4th day" is an ordinal.
                h = Hit::new(start, a.end, FigureKind::Ordinal, Reading::Number(a.value));
            } else {
                h = duration_or_shift(s, start, e, value, u, range, hyphen);
            }
        }
        // "two-bit Tories", "one bit of silicon": a bit in words is no unit.
        (None, Some((Suffix::Unit(u), e))) if !(a.ordinal || u == "bit" && a.words) => {
            if u == "lb" && !weighed(s, e) {
                // "pay five pounds", "5 million pounds": money in British usage.
                h = Hit::new(start, e, kind_or_range(FigureKind::Money), reading(value));
                h.unit = Some("GBP");
                h.uncertain = true;
                h.note = Some("'pounds' read as pounds sterling".into());
            } else {
                h = Hit::new(
                    start,
                    e,
                    kind_or_range(FigureKind::Quantity),
                    reading(value),
                );
                h.unit = Some(u);
            }
        }
        _ if a.ordinal => h = Hit::new(start, a.end, FigureKind::Ordinal, Reading::Number(a.value)),
        _ => {
            if let (Some(y), None, None) = (year_of(&a), mag_a, range) {
                if year_reading(s, i, a.end) {
                    return Some(Hit::new(
                        i,
                        a.end,
                        FigureKind::Date,
                        Reading::When(When::year(y)),
                    ));
                }
            }
            // "world number one", "at number four": a rank.
            let rank = range.is_none() && start > 0 && s.is(start - 1, "number");
            let kind = if rank {
                FigureKind::Ordinal
            } else {
                kind_or_range(FigureKind::Cardinal)
            };
            h = Hit::new(start, end, kind, reading(value));
            // "died aged 89", "people aged 25 to 49", "at age 87": an age in years.
            let aged =
                start > 0 && s.is_any(start - 1, &["aged", "age"]) && !rank && mag_a.is_none();
            if aged && range.map_or(value, |(_, to)| to) <= 130.0 {
                h = Hit::new(
                    start - 1,
                    end,
                    kind_or_range(FigureKind::Duration),
                    reading(value),
                );
                h.unit = Some("year");
                h.age = true;
            } else if appositive_age(s, start, end, &a)
                && !rank
                && range.is_none()
                && mag_a.is_none()
            {
                h.kind = FigureKind::Duration;
                h.unit = Some("year");
                h.age = true;
            }
            if let Some(share) = share_of(s, end, &a).filter(|_| kind == FigureKind::Cardinal) {
                h.end = share.end;
                if share.ratio {
                    h.reading = Reading::Number(numbers::tidy(value / share.whole));
                } else {
                    h.out_of = Some(share.whole);
                }
            }
        }
    }
    if h.note.is_none() {
        if let Some(n) = a.note {
            h.note = Some(n.to_string());
            h.uncertain = true;
        }
    }
    Some(h)
}

/// The whole a count is read against: "one in two people" and "3 out of 5" are ratios (as
/// "one out of three" is, see `numbers`); "412 of the 650 seats" is a count out of a whole.
struct Share {
    end: usize,
    whole: f64,
    ratio: bool,
}

/// The [`Share`] after a count `a` that ends at piece `k`.
fn share_of(s: &Pieces, k: usize, a: &Num) -> Option<Share> {
    let (j, ratio) = if s.is(k, "out") && s.is(k + 1, "of") {
        (k + 2, true)
    } else if s.is(k, "in") {
        (k + 1, true)
    } else if s.is(k, "of") && s.is(k + 1, "the") {
        (k + 2, false)
    } else if s.is(k, "of") {
        (k + 1, false)
    } else {
        return None;
    };
    let b = number_at(s, j)?;
    // "1 in 10 adults", "one in four"; bare digits ("2 in 5") may be anything.
    let in_ratio = s.is(k, "in") && !(a.words || b.words || s.word(b.end).is_some());
    let whole = !b.ordinal
        && !in_ratio
        && b.value > a.value
        && a.value.fract() == 0.0
        && b.value.fract() == 0.0
        && year_of(&b).is_none()
        && !s.dash(b.end)
        && suffix_at(s, b.end).is_none()
        && magnitude_at(s, b.end, false).is_none();
    whole.then_some(Share {
        end: b.end,
        whole: b.value,
        ratio,
    })
}

/// Where a currency suffix ends, for a form at `k`.
fn suffix_end(s: &Pieces, k: usize) -> usize {
    CURRENCIES.longest_at(s, k).map_or(k, |(e, _)| e)
}

/// A range starts at "between" or "from" when one precedes it.
/// "between 15% and 20%", "between 5kg and 8kg": the second number of a range whose unit
/// is written after each number; the first number's ends at `k`.
fn between_with_unit(s: &Pieces, i: usize, k: usize) -> Option<Num> {
    if i == 0 || !s.is(i - 1, "between") {
        return None;
    }
    let (first, e) = suffix_at(s, k)?;
    if !s.is(e, "and") {
        return None;
    }
    let nb = number_at(s, e + 1).filter(|n| !n.ordinal)?;
    let (second, _) = suffix_at(s, nb.end)?;
    (first.code() == second.code()).then_some(nb)
}

fn range_start(s: &Pieces, i: usize) -> usize {
    if i > 0 && s.is_any(i - 1, &["between", "from"]) {
        i - 1
    } else {
        i
    }
}

/// The year a bare four-digit number would be.
fn year_of(n: &Num) -> Option<i32> {
    let y = n.plain.filter(|_| n.width == 4 && !n.ordinal)?;
    (1000..=2100).contains(&y).then_some(y as i32)
}

/// Whether a four-digit number at `i..end` reads as a year: after "in", "since"… always;
/// before a plural noun ("2000 people") not; otherwise when it is 1900–2100.
fn year_reading(s: &Pieces, i: usize, end: usize) -> bool {
    let before = i.checked_sub(1).and_then(|b| s.word(b));
    if before.is_some_and(|b| {
        matches!(
            b,
            "in" | "since"
                | "by"
                | "until"
                | "till"
                | "from"
                | "of"
                | "year"
                | "early"
                | "late"
                | "mid"
                | "before"
                | "after"
                | "during"
                | "through"
                | "between"
                | "and"
                | "to"
                | "fiscal"
                | "summer"
                | "spring"
                | "autumn"
                | "winter"
        )
    }) {
        return true;
    }
    if s.word(end).is_some_and(|w| {
        w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !s.capitalised(end)
    }) {
        return false;
    }
    let y: i32 = s.num(i).and_then(|t| t.parse().ok()).unwrap_or(0);
    (1900..=2100).contains(&y)
}

/// "75 years", "75-year", "75 years ago", "five years old", "two weeks from now".
fn duration_or_shift(
    s: &Pieces,
    start: usize,
    end: usize,
    value: f64,
    unit: &'static str,
    range: Option<(f64, f64)>,
    hyphen: bool,
) -> Hit {
    if range.is_none() && !hyphen {
        if s.is(end, "ago") {
            return Hit::new(
                start,
                end + 1,
                FigureKind::Date,
                Reading::When(When::Shift(-value, unit)),
            );
        }
        let later = if s.is(end, "from") && s.is(end + 1, "now") {
            Some(end + 2)
        } else if s.is_any(end, &["later", "hence"]) {
            Some(end + 1)
        } else {
            None
        };
        if let Some(e) = later {
            return Hit::new(
                start,
                e,
                FigureKind::Date,
                Reading::When(When::Shift(value, unit)),
            );
        }
    }
    // Ages: "five years old", "3 years of age", "90 day old", "91-year-old".
    let e = if s.is(end, "old") {
        end + 1
    } else if hyphen && s.dash(end) && s.is(end + 1, "old")
        || s.is(end, "of") && s.is(end + 1, "age")
    {
        end + 2
    } else {
        end
    };
    let reading = match range {
        Some((a, b)) => Reading::Range(a, b),
        None => Reading::Number(value),
    };
    let kind = if range.is_some() {
        FigureKind::Range
    } else {
        FigureKind::Duration
    };
    let mut h = Hit::new(start, e, kind, reading);
    h.unit = Some(unit);
    h.age = e > end;
    h
}

/// Durations without digits: "a year", "an hour and a half", "half an hour", "all week",
/// "full-year", "another week", "few hours", "a month ago".
fn vague_or_article_duration(s: &Pieces, i: usize) -> Option<Hit> {
    let w = s.word(i)?;
    let (k, value) = match w {
        "a" | "an" | "another" => (i + 1, Some(1.0)),
        "half" if s.is_any(i + 1, &["a", "an"]) => (i + 2, Some(0.5)),
        "all" | "full" => (if s.dash(i + 1) { i + 2 } else { i + 1 }, Some(1.0)),
        "few" | "several" | "some" => (i + 1, None),
        _ => return None,
    };
    let unit_word = s.word(k)?;
    let unit = duration_unit(unit_word)?;
    if matches!(unit_word, "h" | "hr" | "hrs" | "yr" | "yrs" | "min" | "sec") {
        return None;
    }
    let before = i.checked_sub(1).and_then(|b| s.word(b));
    // "a second plant", "for a second term", "a second or third person": the ordinal; but
    // "a hundredth of a second", "wait a second.".
    if unit_word == "second" && before != Some("of") && s.word(k + 1).is_some() {
        return None;
    }
    let plural = unit_word.ends_with('s');
    // "once a year", "$5 a day", "twice a week" are rates; "a few" belongs to "few".
    if matches!(
        before,
        Some("once" | "twice" | "times" | "per" | "every" | "each")
    ) || (i > 0 && s.num(i - 1).is_some())
        || (i > 0 && CURRENCIES.longest_at(s, i - 1).is_some())
    {
        return None;
    }
    match value {
        Some(_) if plural && w != "all" => None,
        Some(v) => {
            if matches!(w, "all" | "full") && !matches!(unit, "week" | "year" | "day" | "month") {
                return None;
            }
            let mut v = v;
            let mut end = k + 1;
            // "an hour and a half".
            if s.is(end, "and") && s.is(end + 1, "a") && s.is(end + 2, "half") {
                v += 0.5;
                end += 3;
            }
            if s.is(end, "ago") && matches!(w, "a" | "an") {
                return Some(Hit::new(
                    i,
                    end + 1,
                    FigureKind::Date,
                    Reading::When(When::Shift(-v, unit)),
                ));
            }
            // "a year" after "the" or inside "a year-long" is not a duration of its own.
            if matches!(w, "a" | "an") && s.dash(end) {
                return None;
            }
            let mut h = Hit::new(i, end, FigureKind::Duration, Reading::Number(v));
            h.unit = Some(unit);
            Some(h)
        }
        None if plural => {
            let start = if i > 0 && s.is(i - 1, "a") && w == "few" {
                i - 1
            } else {
                i
            };
            let mut end = k + 1;
            let kind = if s.is(end, "ago") {
                end += 1;
                FigureKind::Date
            } else {
                FigureKind::Duration
            };
            let mut h = Hit::new(start, end, kind, Reading::Vague);
            h.unit = Some(unit);
            Some(h)
        }
        None => None,
    }
}

/// Joins "November 19 to 20", "from 4 to 22 January, 2017", "between Oct. 2 and October 22",
/// "Friday through Sunday", "today till tomorrow" into ranges. One pass, no shifting.
fn join_date_ranges(s: &Pieces, hits: &mut Vec<Hit>) {
    join_adjacent(hits, |a, b| {
        let (from, to) = date_pair(s, a, b)?;
        let start = match a.reading {
            Reading::Range(..) => a.start,
            _ => range_start(s, a.start),
        };
        Some(Hit::new(
            start,
            b.end,
            FigureKind::Range,
            Reading::Span(from, to),
        ))
    });
}

/// Replaces each pair of neighbouring hits that `join` makes one with that one; a joined
/// hit may join the next in turn.
fn join_adjacent(hits: &mut Vec<Hit>, join: impl Fn(&Hit, &Hit) -> Option<Hit>) {
    let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
    for b in hits.drain(..) {
        match out.last().and_then(|a| join(a, &b)) {
            Some(h) => {
                out.pop();
                out.push(h);
            }
            None => out.push(b),
        }
    }
    *hits = out;
}

/// Units written as a larger and a smaller part ("6ft 2in", "2 hours 30 minutes"): the
/// larger unit, the smaller, and how many of the smaller make one of the larger.
const COMPOUND_UNITS: &[(&str, &str, f64)] = &[
    ("ft", "in", 12.0),
    ("yd", "ft", 3.0),
    ("m", "cm", 100.0),
    ("st", "lb", 14.0),
    ("lb", "oz", 16.0),
    ("year", "month", 12.0),
    ("week", "day", 7.0),
    ("day", "hour", 24.0),
    ("hour", "minute", 60.0),
    ("minute", "second", 60.0),
];

/// Short forms read as units only inside a compound, where the larger part leaves no
/// doubt: "15st 7lb", "6ft 2in", "3 min 26 s" (alone, "in" and "s" are other words).
const COMPOUND_FORMS: &[(&str, &str)] = &[("st", "st"), ("in", "in"), ("s", "second")];

/// Joins the parts of a compound measure into one figure in its smallest unit, exact in
/// whole numbers: "6ft 2in" is 74 in, "2hr 15min 25sec" is 8,125 seconds, and "3min
/// 49.04sec" 229.04 seconds. Each smaller part must be less than one of the larger ("3
/// hours, 90 minutes" is a list).
fn join_compounds(s: &Pieces, hits: &mut Vec<Hit>) {
    // A hit as a part: its whole number, unit and end.
    let part = |h: &Hit| -> Option<(f64, &'static str, usize)> {
        let Reading::Number(v) = h.reading else {
            return None;
        };
        match (h.kind, h.unit) {
            (FigureKind::Quantity | FigureKind::Duration, Some(u)) => Some((v, u, h.end)),
            (FigureKind::Cardinal, None) => {
                let w = s.word(h.end)?;
                let &(_, u) = COMPOUND_FORMS.iter().find(|(form, _)| *form == w)?;
                Some((v, u, h.end + 1))
            }
            _ => None,
        }
        .filter(|&(v, ..)| v >= 0.0)
    };
    join_adjacent(hits, |a, b| {
        let ((va, ua, ea), (vb, ub, eb)) = (part(a)?, part(b)?);
        // The smaller part alone may have a fraction: "3min 49.04sec".
        if va.fract() != 0.0 {
            return None;
        }
        let &(.., per) = COMPOUND_UNITS
            .iter()
            .find(|&&(large, small, _)| large == ua && small == ub)?;
        // Nothing between the parts but "and" or a comma; "between 2 hours and 30
        // minutes" is a range.
        let joins = (ea..b.start).all(|k| s.ch(k) == Some(',') || s.is(k, "and"))
            && b.start - ea <= 2
            && !(a.start > 0 && s.is(a.start - 1, "between"));
        (joins && vb < per).then(|| {
            // "15st 7lb": the larger part was a bare number until now.
            let kind = match a.kind {
                FigureKind::Cardinal => FigureKind::Quantity,
                kind => kind,
            };
            let mut h = Hit::new(
                a.start,
                eb,
                kind,
                Reading::Number(numbers::tidy(va * per + vb)),
            );
            h.unit = Some(ub);
            h
        })
    });
}

/// The two ends of a date range made of hits `a` and `b`, if they make one.
fn date_pair(s: &Pieces, a: &Hit, b: &Hit) -> Option<(When, When)> {
    let day_of = |h: &Hit| match h.reading {
        Reading::Number(v)
            if h.kind == FigureKind::Cardinal && v.fract() == 0.0 && (1.0..=31.0).contains(&v) =>
        {
            Some(v as u32)
        }
        _ => None,
    };
    let with_day = |w: &When, d: u32| match w {
        When::Cal {
            year,
            month: Some(m),
            ..
        } => Some(When::Cal {
            year: *year,
            month: Some(*m),
            day: Some(d),
        }),
        _ => None,
    };
    let has_day = |h: &Hit| {
        matches!(
            h.when(),
            Some(When::Cal {
                month: Some(_),
                day: Some(_),
                ..
            })
        )
    };
    if connector(s, a.end, a.start) == Some(b.start) {
        let dated = |h: &Hit| h.kind == FigureKind::Date && h.when().is_some();
        if dated(a) && dated(b) {
            return Some((a.when()?.clone(), b.when()?.clone()));
        }
        // "November 19 to 20".
        if let (true, Some(d)) = (has_day(a), day_of(b)) {
            return Some((a.when()?.clone(), with_day(a.when()?, d)?));
        }
        // "19 to November 20" reads the first day in the second's month.
        if let (Some(d), true) = (day_of(a), has_day(b)) {
            return Some((with_day(b.when()?, d)?, b.when()?.clone()));
        }
    }
    // "from 4 to 22 January, 2017", "between 4 and 22 of Sept".
    let Reading::Range(x, y) = a.reading else {
        return None;
    };
    let days = [x, y]
        .iter()
        .all(|v| v.fract() == 0.0 && (1.0..=31.0).contains(v))
        && a.unit.is_none();
    let gap = b.start == a.end || (b.start == a.end + 1 && s.is_any(a.end, &["of", "in"]));
    match b.when() {
        Some(
            w @ When::Cal {
                day: None,
                month: Some(_),
                ..
            },
        ) if days && gap => Some((with_day(w, x as u32)?, with_day(w, y as u32)?)),
        // "from 4 to 22 this month", "between 4 and 23 next month".
        Some(When::Month(off)) if days && gap => {
            let day = |d: f64| When::InMonth(*off, MonthDay::Date(d as u32));
            Some((day(x), day(y)))
        }
        _ => None,
    }
}

/// A month or day without a year takes the year of another date in the same sentence:
/// "signed in May and took effect in October this year".
fn borrow_years(hits: &mut [Hit]) {
    let year = hits.iter().find_map(|h| match h.when() {
        Some(When::Cal {
            year: Some(y),
            month: Some(_),
            ..
        }) => Some(*y),
        _ => None,
    });
    let Some(year) = year else { return };
    for h in hits.iter_mut() {
        if let Reading::When(When::Cal {
            year: y @ None,
            month: Some(_),
            ..
        }) = &mut h.reading
        {
            *y = Some(year);
            h.note = Some("year taken from another date in the same sentence".into());
        }
    }
}

/// Qualifiers, longest first.
const QUALIFIERS: &[&str] = &[
    "greater than or equal to",
    "plus or minus",
    "more than or equal to",
    "less than or equal to",
    "at least or equal to",
    "no more than",
    "no less than",
    "not more than",
    "as many as",
    "as much as",
    "as few as",
    "as little as",
    "as high as",
    "as low as",
    "in excess of",
    "upwards of",
    "more than",
    "less than",
    "fewer than",
    "greater than",
    "higher than",
    "lower than",
    "up to",
    "at least",
    "at most",
    "close to",
    "just over",
    "just under",
    "well over",
    "an estimated",
    "nearly",
    "almost",
    "about",
    "around",
    "approximately",
    "roughly",
    "some",
    "over",
    "under",
    "above",
    "below",
    "estimated",
    "approx",
    "circa",
    "only",
    "just",
    "exceeding",
    "beyond",
    "smaller than",
    "bigger than",
    "larger than",
    "equal to",
    "equals to",
    "equaling to",
];

/// `QUALIFIERS` by their last word, longest first.
static QUALIFIERS_BY_LAST_WORD: LazyLock<FastMap<&str, Vec<&str>>> = LazyLock::new(|| {
    let mut by_last: FastMap<&str, Vec<&str>> = FastMap::default();
    for q in QUALIFIERS {
        let last = q.rsplit(' ').next().unwrap_or(q);
        by_last.entry(last).or_default().push(q);
    }
    by_last
});

/// Qualifiers that make a figure a lower bound ("over 70"); the rest of the bounding ones
/// are upper bounds.
const LOWER_BOUNDS: &[&str] = &[
    "more than",
    "over",
    "above",
    "greater than",
    "bigger than",
    "larger than",
    "at least",
    "no less than",
    "in excess of",
    "upwards of",
    "exceeding",
    "beyond",
    "just over",
    "well over",
    "greater than or equal to",
    "more than or equal to",
    "at least or equal to",
    "or more",
    "or above",
    "or greater",
];
const UPPER_BOUNDS: &[&str] = &[
    "less than",
    "fewer than",
    "under",
    "below",
    "up to",
    "at most",
    "no more than",
    "not more than",
    "smaller than",
    "lower than",
    "just under",
    "less than or equal to",
    "or less",
    "or fewer",
    "or below",
];

/// Whether a qualifier bounds a figure from below (Some(true)) or above (Some(false)).
pub fn bound(qualifier: &str) -> Option<bool> {
    if LOWER_BOUNDS.contains(&qualifier) {
        Some(true)
    } else if UPPER_BOUNDS.contains(&qualifier) {
        Some(false)
    } else {
        None
    }
}

/// "more than 10 and less than 40": two bounds of one range. One pass, no shifting.
/// "1bn euros now, with another 550m to follow": a bare "550m" or "2bn" after "another",
/// "further", "and", "than"… in a sentence that has just given an amount of money is more
/// of that money, not 550 metres or a plain number; flagged uncertain, with a note.
fn carry_currency(s: &Pieces, hits: &mut [Hit]) {
    const MORE: &[&str] = &[
        "another",
        "further",
        "extra",
        "additional",
        "and",
        "or",
        "than",
        "plus",
    ];
    let mut last_money: Option<(&'static str, usize)> = None;
    for h in hits.iter_mut() {
        if h.kind == FigureKind::Money {
            last_money = h.unit.map(|u| (u, h.start));
            continue;
        }
        let Some((currency, from)) = last_money else {
            continue;
        };
        let Reading::Number(v) = h.reading else {
            continue;
        };
        let suffix = s.attached(h.end - 1) && h.end - h.start >= 2;
        let value = match (h.kind, s.word(h.end - 1)) {
            (FigureKind::Quantity, Some("m")) if suffix && h.unit == Some("m") => v * 1e6,
            (FigureKind::Cardinal, Some("m" | "bn" | "mn")) if suffix && !s.plural(h.end) => v,
            _ => continue,
        };
        if h.start == 0 || !s.is_any(h.start - 1, MORE) {
            continue;
        }
        let amount = s.raw(from);
        h.kind = FigureKind::Money;
        h.reading = Reading::Number(value);
        h.unit = Some(currency);
        h.uncertain = true;
        h.note = Some(format!(
            "the currency is read from the amount before it ({amount}…)"
        ));
    }
}

fn join_bounds(s: &Pieces, hits: &mut Vec<Hit>) {
    join_adjacent(hits, |a, b| {
        let (Some(lower_a), Some(lower_b)) =
            (a.qualifier.and_then(bound), b.qualifier.and_then(bound))
        else {
            return None;
        };
        let (Reading::Number(x), Reading::Number(y)) = (&a.reading, &b.reading) else {
            return None;
        };
        let adjacent = b.start == a.end + 1 && s.is(a.end, "and") && a.unit == b.unit;
        let (lo, hi) = if lower_a { (*x, *y) } else { (*y, *x) };
        (adjacent && lower_a != lower_b && lo < hi).then(|| {
            let mut h = Hit::new(a.start, b.end, FigureKind::Range, Reading::Range(lo, hi));
            h.unit = a.unit;
            h
        })
    });
}

/// Moves an adjacent qualifier ("over 70", "more than $5") into the figure.
fn attach_qualifier(s: &Pieces, h: &mut Hit, floor: usize) {
    if !matches!(
        h.kind,
        FigureKind::Money
            | FigureKind::Percent
            | FigureKind::Cardinal
            | FigureKind::Quantity
            | FigureKind::Duration
            | FigureKind::Range
    ) || matches!(h.reading, Reading::Span(..))
    {
        return;
    }
    // "500 or more", "5,000 or less".
    for q in [
        "or more",
        "or less",
        "or above",
        "or greater",
        "or fewer",
        "or below",
    ] {
        if s.is(h.end, "or") && s.is(h.end + 1, &q[3..]) {
            h.end += 2;
            h.qualifier = Some(q);
            break;
        }
    }
    // Every qualifier ends with the word just before the figure.
    let Some(before) = h.start.checked_sub(1).and_then(|b| s.word(b)) else {
        return;
    };
    let Some(candidates) = QUALIFIERS_BY_LAST_WORD.get(before) else {
        return;
    };
    for q in candidates {
        let n = q.split(' ').count();
        if h.start < n + floor {
            continue;
        }
        let from = h.start - n;
        if q.split(' ').enumerate().all(|(k, w)| s.is(from + k, w)) {
            if matches!(*q, "only" | "just") {
                return;
            }
            h.start = from;
            h.qualifier = Some(q);
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean;
    use crate::report::Span;

    /// Runs the stage on `text` as one body paragraph.
    fn figures(text: &str, reference: Option<&str>) -> Vec<Figure> {
        let cleaned = clean(text, &[]);
        let sentences: Vec<Sentence> = cleaned
            .paragraphs
            .iter()
            .enumerate()
            .map(|(n, p)| Sentence::new(p.span, n))
            .collect();
        extract(&cleaned.text, &[], &sentences, &cleaned, reference)
    }

    fn one(text: &str) -> Figure {
        let f = figures(text, None);
        assert_eq!(f.len(), 1, "{text:?}: {f:#?}");
        f.into_iter().next().unwrap()
    }

    fn num(v: f64) -> Option<Value> {
        Some(Value::Number(v))
    }

    fn txt(v: &str) -> Option<Value> {
        Some(Value::Text(v.into()))
    }

    fn texts_and_values(f: &[Figure]) -> Vec<(&str, Option<Value>)> {
        f.iter()
            .map(|f| (f.text.as_str(), f.value.clone()))
            .collect()
    }

    /// Text, value and whether it is flagged uncertain, for each figure.
    fn readings(f: &[Figure]) -> Vec<(&str, Option<Value>, bool)> {
        f.iter()
            .map(|f| (f.text.as_str(), f.value.clone(), f.uncertain))
            .collect()
    }

    /// A range of two dates.
    fn dates(from: &str, to: &str) -> Option<Value> {
        Some(Value::Range {
            from: Box::new(Value::Text(from.into())),
            to: Box::new(Value::Text(to.into())),
        })
    }

    /// A range of two numbers.
    fn numbers(from: f64, to: f64) -> Option<Value> {
        Some(Value::Range {
            from: Box::new(Value::Number(from)),
            to: Box::new(Value::Number(to)),
        })
    }

    macro_rules! case {
        ($input:expr, $text:expr, $kind:ident, $value:expr, $unit:expr) => {
            case!($input, $text, $kind, $value, $unit, None)
        };
        ($input:expr, $text:expr, $kind:ident, $value:expr, $unit:expr, $qualifier:expr) => {{
            let f = one($input);
            assert_eq!(
                (
                    f.text.as_str(),
                    f.kind,
                    &f.value,
                    f.unit.as_deref(),
                    f.qualifier.as_deref()
                ),
                ($text, FigureKind::$kind, &$value, $unit, $qualifier),
                "{:?}",
                $input
            );
        }};
    }

    #[test]
    fn money_with_magnitude_words() {
        // "a $" is an article and US dollars; "A$" Australian.
        case!(
            "received a $3.25bn offer",
            "$3.25bn",
            Money,
            num(3.25e9),
            Some("USD")
        );
        case!("raised A$20m in", "A$20m", Money, num(2e7), Some("AUD"));
        // A symbol glued to a number is that number's, not the unit of the word before.
        let f = figures("the first worth £55m and the second £62.5m", None);
        let got: Vec<(&str, Option<&str>)> = f
            .iter()
            .map(|f| (f.text.as_str(), f.unit.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("first", None),
                ("£55m", Some("GBP")),
                ("second", None),
                ("£62.5m", Some("GBP"))
            ]
        );
        // A hyphenated magnitude is one amount, not a range.
        case!(
            "a $5-million deal",
            "$5-million",
            Money,
            num(5e6),
            Some("USD")
        );
        case!(
            "a 1.2-trillion-yen programme",
            "1.2-trillion-yen",
            Money,
            num(1.2e12),
            Some("JPY")
        );
        case!(
            "a 500-million-strong army",
            "500-million",
            Cardinal,
            num(5e8),
            None
        );
        // "won" is money after the number, a verb before it.
        case!(
            "earmarked 100 trillion won for",
            "100 trillion won",
            Money,
            num(1e14),
            Some("KRW")
        );
        case!("U2 won three awards", "three", Cardinal, num(3.0), None);
        case!(
            "a loss of 3.75 trillion won a year ago",
            "3.75 trillion won",
            Money,
            num(3.75e12),
            Some("KRW")
        );
        // … and after a number that has an object after it.
        case!(
            "the film Fahrenheit 9/11 won the award",
            "9/11",
            Date,
            txt("XXXX-09-11"),
            None
        );
        // The letters of "M&S" are neither a million nor metres.
        case!("a basket of 35 M&S goods", "35", Cardinal, num(35.0), None);
        case!(
            "CONTROVERSIES AND GAFFES Three people refused Oscars",
            "Three",
            Cardinal,
            num(3.0),
            None
        );
        // Capitalised number words are a name's mid-sentence, not in a title-case headline.
        case!(
            "Actor Wins Two Million Dollars In Lawsuit",
            "Two Million Dollars",
            Money,
            num(2e6),
            Some("USD")
        );
        // Pounds: money, unless the sentence weighs something.
        case!(
            "fans pay five pounds for a ticket",
            "five pounds",
            Money,
            num(5.0),
            Some("GBP")
        );
        case!(
            "the plane was overloaded by 700 pounds",
            "700 pounds",
            Quantity,
            num(700.0),
            Some("lb")
        );
        case!(
            "branding them two-bit Tories",
            "two",
            Cardinal,
            num(2.0),
            None
        );
        // A lone "m": a million before what is counted, else a metre.
        case!(
            "benefiting more than 1m people",
            "more than 1m",
            Cardinal,
            num(1e6),
            None,
            Some("more than")
        );
        case!("the 400m runners", "400m", Quantity, num(400.0), Some("m"));
        // More of the money just given, not metres.
        for (text, want) in [
            (
                "Fiat gets 1bn euros now, with another 550m to follow",
                (FigureKind::Money, Some("EUR")),
            ),
            (
                "She won $1m, then the 400m title",
                (FigureKind::Quantity, Some("m")),
            ),
        ] {
            let f = figures(text, None);
            let f = f
                .iter()
                .find(|f| f.text.ends_with("m") && !f.text.contains('$') && !f.text.contains("bn"))
                .expect(text);
            assert_eq!((f.kind, f.unit.as_deref()), want, "{text:?}");
            if f.kind == FigureKind::Money {
                assert_eq!(f.value, num(5.5e8));
                assert!(f.uncertain && f.note.is_some());
            }
        }
        case!(
            "trade reached 4.58 billion USD.",
            "4.58 billion USD",
            Money,
            num(4_580_000_000.0),
            Some("USD")
        );
        case!(
            "It raised US$4.7 billion.",
            "US$4.7 billion",
            Money,
            num(4_700_000_000.0),
            Some("USD")
        );
        case!(
            "a USD34.6 million deal",
            "USD34.6 million",
            Money,
            num(34_600_000.0),
            Some("USD")
        );
        case!(
            "worth €2.5bn",
            "€2.5bn",
            Money,
            num(2_500_000_000.0),
            Some("EUR")
        );
        case!(
            "costs 35 lakh rupees",
            "35 lakh rupees",
            Money,
            num(3_500_000.0),
            Some("INR")
        );
        case!(
            "a 12-cent dividend",
            "12-cent",
            Money,
            num(0.12),
            Some("USD")
        );
        case!(
            "loans topped VNĐ16.8 quadrillion",
            "VNĐ16.8 quadrillion",
            Money,
            num(1.68e16),
            Some("VND")
        );
        case!(
            "fell to 300 trillion VND",
            "300 trillion VND",
            Money,
            num(3e14),
            Some("VND")
        );
        // A unit after each number of a range "between" them.
        case!(
            "prices rose between 15% and 20%",
            "between 15% and 20%",
            Range,
            numbers(15.0, 20.0),
            Some("%")
        );
        case!(
            "allowances of between one gigabyte and 30 gigabytes",
            "between one gigabyte and 30 gigabytes",
            Range,
            numbers(1.0, 30.0),
            Some("GB")
        );
        case!(
            "cost $3-4 billion",
            "$3-4 billion",
            Range,
            numbers(3e9, 4e9),
            Some("USD")
        );
        case!(
            "thirteen dollars and forty-five cents",
            "thirteen dollars and forty-five cents",
            Money,
            num(13.45),
            Some("USD")
        );
    }

    #[test]
    fn percents_counts_and_qualifiers() {
        case!("up 27 % in", "27 %", Percent, num(27.0), Some("%"));
        case!("rose 5pc in", "5pc", Percent, num(5.0), Some("%"));
        case!(
            "speeds of 2Mbps on",
            "2Mbps",
            Quantity,
            num(2.0),
            Some("Mbit/s")
        );
        // A small "b" is a bit, a capital "B" a byte.
        case!("a 2Mb line", "2Mb", Quantity, num(2.0), Some("Mbit"));
        case!("a 5MB file", "5MB", Quantity, num(5.0), Some("MB"));
        case!(
            "winds of 149km per hour",
            "149km per hour",
            Quantity,
            num(149.0),
            Some("km/h")
        );
        case!(
            "a 48-megapixel camera",
            "48-megapixel",
            Quantity,
            num(48.0),
            Some("megapixel")
        );
        case!(
            "a 5,000mAh battery",
            "5,000mAh",
            Quantity,
            num(5000.0),
            Some("mAh")
        );
        case!(
            "rose 1.5 percentage points",
            "1.5 percentage points",
            Percent,
            num(1.5),
            Some("percentage point")
        );
        case!(
            "member of over 70 organisations",
            "over 70",
            Cardinal,
            num(70.0),
            None,
            Some("over")
        );
        case!(
            "between 5 and 10 per cent",
            "between 5 and 10 per cent",
            Range,
            numbers(5.0, 10.0),
            Some("%")
        );
        case!(
            "two hundred and forty-five thousand people",
            "two hundred and forty-five thousand",
            Cardinal,
            num(245000.0),
            None
        );
        case!("ranking 4th among", "4th", Ordinal, num(4.0), None);
        case!(
            "entered the chart at number three",
            "three",
            Ordinal,
            num(3.0),
            None
        );
        case!("a number of 20 people", "20", Cardinal, num(20.0), None);
        case!(
            "nearly 500 MW of power",
            "nearly 500 MW",
            Quantity,
            num(500.0),
            Some("MW"),
            Some("nearly")
        );
        case!(
            "3 million cubic metres",
            "3 million cubic metres",
            Quantity,
            num(3e6),
            Some("m³")
        );
        // An earthquake's size, written before or after the number.
        case!(
            "a magnitude 6.3 earthquake",
            "magnitude 6.3",
            Quantity,
            num(6.3),
            Some("magnitude")
        );
        case!(
            "a 5.9-magnitude quake",
            "5.9-magnitude",
            Quantity,
            num(5.9),
            Some("magnitude")
        );
        // A rocket's thrust weighs pounds.
        case!(
            "8.8 million pounds of thrust",
            "8.8 million pounds",
            Quantity,
            num(8.8e6),
            Some("lb")
        );
    }

    #[test]
    fn dates_durations_and_ranges() {
        case!(
            "the victory on May 9, 1945.",
            "May 9, 1945",
            Date,
            txt("1945-05-09"),
            None
        );
        case!(
            "a 75-year journey",
            "75-year",
            Duration,
            num(75.0),
            Some("year")
        );
        case!(
            "for the 2026–2028 term",
            "2026–2028",
            Range,
            dates("2026", "2028"),
            None
        );
        case!("In 1994, the treaty", "1994", Date, txt("1994"), None);
        // Seasons and fiscal years; a slash between other numbers is no range.
        for (text, span, from, to) in [
            ("the 2005-6 budget", "2005-6", "2005", "2006"),
            ("Borrowing for 2003/4 fell", "2003/4", "2003", "2004"),
            ("in 1999/00 and after", "1999/00", "1999", "2000"),
            ("the 2005/2006 accounts", "2005/2006", "2005", "2006"),
        ] {
            let f = figures(text, None);
            assert_eq!(
                (f[0].text.as_str(), &f[0].value),
                (span, &dates(from, to)),
                "{text}"
            );
        }
        let f = figures("In 2003/05 and 5/10 of them", None);
        assert_eq!(f[0].value, txt("2003"));
        assert!(!f
            .iter()
            .any(|f| matches!(f.value, Some(Value::Range { .. }))));
        // A match score or a tally is one figure, both sides in the order written; no
        // range, and it counts nothing. A measure after the pair makes it a range.
        for (text, scores) in [
            ("Italy 8-38 Wales", [(8.0, 38.0)].as_slice()),
            (
                "Federer won 6-2 3-6 6-3 in the final.",
                &[(6.0, 2.0), (3.0, 6.0), (6.0, 3.0)],
            ),
            (
                "He beat Labadze 6-7 (4-7) 6-2.",
                &[(6.0, 7.0), (4.0, 7.0), (6.0, 2.0)],
            ),
            ("It was a 2-1 win for Chelsea.", &[(2.0, 1.0)]),
            (
                "The match ended 1–1 and the series is tied 2-2.",
                &[(1.0, 1.0), (2.0, 2.0)],
            ),
            ("The vote was 52-48.", &[(52.0, 48.0)]),
        ] {
            let found = figures(text, None);
            let read: Vec<_> = found
                .iter()
                .map(|f| {
                    (
                        f.kind,
                        f.value.clone(),
                        f.unit.as_deref(),
                        f.counted.clone(),
                    )
                })
                .collect();
            let want: Vec<_> = scores
                .iter()
                .map(|&(a, b)| (FigureKind::Cardinal, numbers(a, b), Some(SCORE), None))
                .collect();
            assert_eq!(read, want, "{text:?}");
        }
        for (text, span, unit) in [
            ("The works ended 2-3 weeks late.", "2-3 weeks", "week"),
            ("Shares lost 4-5% on Monday.", "4-5%", "%"),
        ] {
            let f = &figures(text, None)[0];
            assert_eq!(
                (f.text.as_str(), f.kind, f.unit.as_deref()),
                (span, FigureKind::Range, Some(unit)),
                "{text}"
            );
        }
        case!(
            "viewers in the 25-54 age group",
            "25-54",
            Range,
            numbers(25.0, 54.0),
            None
        );
        // Days of a month written with a hyphen, not the month and day 10/20.
        case!(
            "which runs from 10-20 February.",
            "from 10-20 February",
            Range,
            dates("XXXX-02-10", "XXXX-02-20"),
            None
        );
        // Two days of one month, not the fraction 19/20.
        case!(
            "Ties to be played on 19/20 February.",
            "19/20 February",
            Range,
            dates("XXXX-02-19", "XXXX-02-20"),
            None
        );
        case!("2,000 people", "2,000", Cardinal, num(2000.0), None);
        // "last" as a verb.
        case!(
            "The trial is expected to last five months.",
            "five months",
            Duration,
            num(5.0),
            Some("month")
        );
    }

    #[test]
    fn compound_measures_are_one_figure_in_the_smallest_unit() {
        use FigureKind::{Cardinal, Duration, Ordinal, Quantity};
        let kinds_and_units =
            |text: &str| -> Vec<(String, FigureKind, Option<Value>, Option<String>)> {
                figures(text, None)
                    .into_iter()
                    .map(|f| (f.text, f.kind, f.value, f.unit))
                    .collect()
            };
        let one = |text: &str, kind, value: f64, unit: &str| {
            (text.to_string(), kind, num(value), Some(unit.to_string()))
        };
        for (input, want) in [
            ("He is 6ft 2in tall.", one("6ft 2in", Quantity, 74.0, "in")),
            (
                "He is 5 feet and 2 inches.",
                one("5 feet and 2 inches", Quantity, 62.0, "in"),
            ),
            (
                "He weighs 15st 7lb.",
                one("15st 7lb", Quantity, 217.0, "lb"),
            ),
            (
                "She won in 2hr 15min 25sec.",
                one("2hr 15min 25sec", Duration, 8125.0, "second"),
            ),
            // Seconds with a fraction, and a race time in the form no clock writes.
            (
                "She clocked 3min 49.04sec.",
                one("3min 49.04sec", Duration, 229.04, "second"),
            ),
            (
                "She set the mark of 3:49.11.",
                one("3:49.11", Duration, 229.11, "second"),
            ),
            (
                "He won in 2:05:23.5.",
                one("2:05:23.5", Duration, 7523.5, "second"),
            ),
            (
                "He won in two hours, 23 minutes and 10 seconds.",
                one(
                    "two hours, 23 minutes and 10 seconds",
                    Duration,
                    8590.0,
                    "second",
                ),
            ),
            (
                "The record is 3 min 26 s.",
                one("3 min 26 s", Duration, 206.0, "second"),
            ),
            (
                "He was jailed for four years and six months.",
                one("four years and six months", Duration, 54.0, "month"),
            ),
        ] {
            assert_eq!(kinds_and_units(input), [want], "{input:?}");
        }
        // A smaller part of a whole larger one or more is a list; "between" makes a range
        // of the two; alone, "in" and "s" are other words.
        let texts = |text: &str| -> Vec<String> {
            figures(text, None).into_iter().map(|f| f.text).collect()
        };
        assert_eq!(
            texts("They served 3 hours, 90 minutes and 2 days."),
            ["3 hours", "90 minutes", "2 days"]
        );
        assert_eq!(
            texts("It took between 2 hours and 30 minutes."),
            ["2 hours", "30 minutes"]
        );
        assert_eq!(texts("Put 6 in the box."), ["6"]);
        assert_eq!(kinds_and_units("3 s")[0].1, Cardinal);
        // "st", "nd" and "rd" only after the numbers they belong to; "th" after any.
        for (input, kind) in [
            ("21st", Ordinal),
            ("22nd", Ordinal),
            ("11th", Ordinal),
            ("3th", Ordinal),
            ("15st", Cardinal),
            ("12nd", Cardinal),
        ] {
            assert_eq!(
                kinds_and_units(&format!("It came {input} again."))[0].1,
                kind,
                "{input}"
            );
        }
    }

    #[test]
    fn relative_dates_follow_the_reference_date() {
        let f = figures(
            "He left last week and returns tomorrow.",
            Some("2016-11-07"),
        );
        let got = texts_and_values(&f);
        assert_eq!(
            got,
            [
                ("last week", txt("2016-W44")),
                ("tomorrow", txt("2016-11-08"))
            ]
        );
        let f = figures("He left last week.", None);
        assert_eq!((f[0].value.clone(), f[0].uncertain), (None, true));
    }

    #[test]
    fn days_of_a_relative_month_follow_the_reference_date() {
        let text = "It opens on the second Monday of next month, closes on the 31st of this \
                    month and reopens on the fifth Friday of this month.";
        let f = figures(text, Some("2016-11-07"));
        let got = readings(&f);
        assert_eq!(
            got,
            [
                ("the second Monday of next month", txt("2016-12-12"), false),
                ("the 31st of this month", txt("2016-11-31"), true),
                (
                    "the fifth Friday of this month",
                    txt("2016-11-WXX-5-#5"),
                    true
                ),
            ]
        );
        let unanchored = figures("It opens on the 20th of next month.", None);
        assert_eq!(unanchored[0].value, txt("XXXX-XX-20"));
    }

    #[test]
    fn a_weekday_and_a_day_take_the_nearest_month_that_fits() {
        // 2017-09-21 is a Thursday, and so is the 21st of no month nearer; the nearest
        // Monday the 31st is July's.
        let text = "We met on Thursday the 21st, on Saturday 23rd and on Monday the 31st; \
                    on Thursday 21 people came.";
        let f = figures(text, Some("2017-09-27"));
        let got = readings(&f);
        assert_eq!(
            got,
            [
                ("Thursday the 21st", txt("2017-09-21"), false),
                ("Saturday 23rd", txt("2017-09-23"), false),
                ("Monday the 31st", txt("2017-07-31"), false),
                ("Thursday", txt("XXXX-WXX-4"), false),
                ("21", num(21.0), false),
            ]
        );
        // From May 2016 to May 2017 no 31st is a Thursday.
        let none = figures("We met on Thursday the 31st.", Some("2016-11-07"));
        assert_eq!(
            (none[0].value.clone(), none[0].uncertain),
            (txt("XXXX-XX-31"), true)
        );
        let unanchored = figures("We met on Thursday the 21st.", None);
        assert_eq!(unanchored[0].value, txt("XXXX-XX-21"));
    }

    #[test]
    fn last_and_next_month_names_and_day_ranges_of_a_relative_month() {
        let text = "It began last sept, ends next June and closes from 4 to 22 this month.";
        let f = figures(text, Some("2016-11-07"));
        let got = texts_and_values(&f);
        assert_eq!(
            got,
            [
                ("last sept", txt("2015-09")),
                ("next June", txt("2017-06")),
                ("from 4 to 22 this month", dates("2016-11-04", "2016-11-22")),
            ]
        );
        // Without a date to read them against, the month alone.
        let f = figures("It began last sept.", None);
        assert_eq!(texts_and_values(&f), [("last sept", txt("XXXX-09"))]);
    }

    #[test]
    fn partial_and_relative_dates_follow_the_dateline() {
        let text = "HANOI, January 14, 2026 (VNA) – Talks opened.\nThe January 12 session, last week and this year mattered.";
        let f = figures(text, Some("2020-01-01"));
        let got = readings(&f);
        assert_eq!(
            got,
            [
                ("January 12", txt("2026-01-12"), false),
                ("last week", txt("2026-W02"), false),
                ("this year", txt("2026"), false),
            ]
        );
    }

    #[test]
    fn weak_evidence_resolves_but_is_flagged() {
        let f = figures("Trade grew in 2024.\nThis year it will grow again.", None);
        let this_year = f.iter().find(|f| f.text == "This year").unwrap();
        assert_eq!(
            (this_year.value.clone(), this_year.uncertain),
            (txt("2024"), true)
        );
        assert!(this_year
            .note
            .as_deref()
            .unwrap_or("")
            .contains("latest year"));
        // A deadline is no sign of when the text was written.
        let f = figures(
            "Trade grew in 2024 and must double by 2030.\nThis year it will grow again.",
            None,
        );
        let this_year = f.iter().find(|f| f.text == "This year").unwrap();
        assert_eq!(this_year.value, txt("2024"));
        // Nor is the time of a plan.
        let f = figures(
            "Trade grew in 2024.\nA cable would carry power from 2030.\nThis year it will grow.",
            None,
        );
        let this_year = f.iter().find(|f| f.text == "This year").unwrap();
        assert_eq!(this_year.value, txt("2024"));
        // A start says only that the text is no older: alone it dates nothing, and it lifts
        // an earlier year.
        let f = figures(
            "Aid has totalled $9bn since 1992.
Last year it rose.",
            None,
        );
        let last_year = f.iter().find(|f| f.text == "Last year").unwrap();
        assert_eq!((last_year.value.clone(), last_year.uncertain), (None, true));
        let f = figures(
            "Sales fell in 2002 but have risen since 2004.
Last year they rose.",
            None,
        );
        let last_year = f.iter().find(|f| f.text == "Last year").unwrap();
        assert_eq!(last_year.value, txt("2003"));
    }

    #[test]
    fn decades_and_centuries_are_spans_of_years() {
        let f = figures(
            "Sales peaked in the 1980's and the '90s, the best since the 19th century.\nThis year they fell.",
            None,
        );
        let got = texts_and_values(&f);
        assert_eq!(
            got,
            [
                ("1980's", dates("1980", "1989")),
                ("'90s", dates("1990", "1999")),
                ("19th century", dates("1800", "1899")),
                // A decade is spoken of once it has passed; a century's end is no evidence.
                ("This year", txt("1999")),
            ]
        );
    }

    #[test]
    fn vague_and_pronoun_uses_are_not_figures() {
        for text in [
            "in recent years",
            "over many decades",
            "both countries",
            "the one that",
            "No-one was down",
            "in the quest for a quarter-final place",
            "Today, the interest",
            // Identifiers.
            "faster 3G networks",
            "at the 3GSM show",
            // Names.
            "the boxing drama Million Dollar Baby won praise from the critics",
            "shown on Channel Four as well",
            "on BBC Two as well",
            "Europe after World War Two",
            // The unit of time.
            "several times per second",
            "in a split second",
            // Labels of names in digits.
            "Tesla cut the price of its Model 3 again",
            "the Boeing 747 jumbo and the FTSE 100 index",
            "after it filed for Chapter 11 protection",
            "he told BBC Radio 4's Today programme",
            "Apple unveiled the iPhone 16 today",
            // A climate summit, not 30 Colombian pesos.
            "COP30 president André Corrêa do Lago said",
            // Documents' numbers and codes, and the Prime Minister's office.
            "under Directive No. 20/CT-TTg of the Prime Minister",
            "Decree No. 168/2024/ND-CP took effect",
            "talks at No 10 went on",
            "a loan for the Metro Line No.2 project",
            // A river's name, not an abbreviated Thursday.
            "The Thu Bồn River rose",
        ] {
            assert_eq!(figures(text, None), [], "{text:?}");
        }
    }

    #[test]
    fn ranks_are_ordinals() {
        let f = figures(
            "World No. 1 Jannik Sinner beat the No 9 seed and world No 10 Taylor Fritz.",
            None,
        );
        let got: Vec<_> = f
            .iter()
            .map(|f| (f.text.as_str(), f.kind, f.value.clone()))
            .collect();
        assert_eq!(
            got,
            [
                ("No. 1", FigureKind::Ordinal, num(1.0)),
                ("No 9", FigureKind::Ordinal, num(9.0)),
                ("No 10", FigureKind::Ordinal, num(10.0))
            ]
        );
    }

    #[test]
    fn a_day_of_the_month_needs_more_than_a_number() {
        // Points in a table; the first of a kind after a weekday.
        let f = figures(
            "Arsenal are third on 28. Prices fell on Wednesday, the first fall in five months.",
            None,
        );
        let got: Vec<_> = f.iter().map(|f| (f.text.as_str(), f.kind)).collect();
        assert_eq!(
            got,
            [
                ("third", FigureKind::Ordinal),
                ("28", FigureKind::Cardinal),
                ("Wednesday", FigureKind::Date),
                ("first", FigureKind::Ordinal),
                ("five months", FigureKind::Duration)
            ]
        );
        // A list of days before their month stays dates; so does a dotted abbreviation.
        let f = figures(
            "Previews will be held on 14, 20 and 27 April, and on Thu. 30 April.",
            None,
        );
        let got: Vec<_> = f.iter().map(|f| (f.text.as_str(), f.kind)).collect();
        assert!(got.contains(&("14", FigureKind::Date)), "{got:?}");
        assert!(
            got.iter()
                .any(|(t, k)| t.starts_with("Thu.") && *k == FigureKind::Date),
            "{got:?}"
        );
    }

    #[test]
    fn numbers_after_names_that_stay_figures() {
        let f = figures(
            "England won 18-17 and the WTO's 148 members met; he won Olympic 100m gold in the \
             Security Act 2001 era, and on Thursday 21 people came to pay USD 200.",
            None,
        );
        let texts: Vec<&str> = f.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(
            texts,
            ["18-17", "148", "100m", "2001", "Thursday", "21", "USD 200"]
        );
    }

    #[test]
    fn a_rate_takes_its_time_as_the_period() {
        let f = figures(
            "It makes around 5,000 cars a week and 100 million doses a year. Workers earn \
             £10.42 an hour, prices rise 2% a year and the fund pays $2,000 each month. \
             It pumps 1 million barrels of oil a day. Sales rose 20% from a year earlier. \
             It cuts costs by $1bn (£530m) a year and $48m a year from its bills. \
             It ends a year from now. The NHS spends £7.4bn a year on treating it. \
             A year on, it is open. They get £1,400 more a year before tax.",
            None,
        );
        let got: Vec<(&str, Option<&str>)> = f
            .iter()
            .map(|f| (f.text.as_str(), f.period.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("around 5,000", Some("a week")),
                ("100 million", Some("a year")),
                ("£10.42", Some("an hour")),
                ("2%", Some("a year")),
                ("$2,000", Some("each month")),
                ("1 million barrels", Some("a day")),
                ("20%", None),
                ("a year", None),
                ("$1bn", Some("a year")),
                ("£530m", Some("a year")),
                ("$48m", Some("a year")),
                ("a year", None),
                ("£7.4bn", Some("a year")),
                ("A year", None),
                ("£1,400", Some("a year")),
            ]
        );
    }

    #[test]
    fn what_an_amount_belongs_to() {
        for (text, amount, subject) in [
            (
                "Bilateral trade in 2024 reached 4.58 billion USD.",
                "4.58 billion USD",
                Some("Bilateral trade"),
            ),
            // A conjunction opens no subject.
            (
                "Although inventories fell 0.7%, sales rose.",
                "0.7%",
                Some("inventories"),
            ),
            // The deal, not its partner.
            (
                "It signed a sponsorship deal with Samsung, worth £50m.",
                "£50m",
                Some("sponsorship deal"),
            ),
            // After a comma "worth" sums up the things counted; without, the noun before.
            (
                "It signed 16 investment projects in Russia, worth $1.6bn.",
                "$1.6bn",
                Some("investment projects"),
            ),
            (
                "They signed 12 documents, including a loan agreement worth ¥50 billion.",
                "¥50 billion",
                Some("loan agreement"),
            ),
            (
                "One euro was worth $1.32 with the pound at $1.9.",
                "$1.32",
                Some("One euro"),
            ),
            // A number joined to the noun by a hyphen is part of it; a state before "at"
            // is no subject; a preposition does not end one.
            (
                "The yield on the 10-year US Treasury note rose 6 basis points.",
                "6 basis points",
                Some("yield on the 10-year US Treasury note"),
            ),
            ("Gold was steady at $2,885.", "$2,885", Some("Gold")),
            // A change read over its starting point.
            (
                "Inflation has fallen from 9% to 7% this year.",
                "9%",
                Some("Inflation"),
            ),
            (
                "Inflation has fallen from 9% to 7% this year.",
                "7%",
                Some("Inflation"),
            ),
            // An acronym in brackets after the subject is left out.
            (
                "The consumer price index (CPI) rose 3.27 per cent.",
                "3.27 per cent",
                Some("consumer price index"),
            ),
            (
                "It cut its estimate for the eurozone economy from 2.2% to 1.6%.",
                "1.6%",
                Some("estimate for the eurozone economy"),
            ),
            // Over auxiliaries and verbs of change.
            (
                "World oil prices have risen by 60% since May.",
                "60%",
                Some("World oil prices"),
            ),
            (
                "Its gross margin shrank to 18.9% from 25.9%.",
                "18.9%",
                Some("gross margin"),
            ),
            ("Prices start at $999.", "$999", Some("Prices")),
            (
                "The economy is expected to grow by 4% soon.",
                "4%",
                Some("economy"),
            ),
            // Without the verb or adverb around it.
            (
                "Mitch caused damage of about $10bn.",
                "about $10bn",
                Some("damage"),
            ),
            (
                "The LSE, which saw its shares rise 25%, said no.",
                "25%",
                Some("shares"),
            ),
            (
                "Virgin Blue's shares recovered slightly to close 12% down.",
                "12%",
                Some("Virgin Blue's shares"),
            ),
            (
                "Its generating capacity rose by 12.6%.",
                "12.6%",
                Some("generating capacity"),
            ),
            // Over a preposition to what it belongs to.
            (
                "Shares in Google have fallen 6.7% since.",
                "6.7%",
                Some("Shares in Google"),
            ),
            // Over the change to the amount it reaches, and "a record".
            (
                "Imports grew 1.3% to $155.8bn on rising demand.",
                "$155.8bn",
                Some("Imports"),
            ),
            (
                "Sales were up 21% at 8.6bn euros.",
                "8.6bn euros",
                Some("Sales"),
            ),
            (
                "The budget deficit hit a record $412bn.",
                "$412bn",
                Some("budget deficit"),
            ),
            // A conversion in brackets measures the same.
            (
                "Pre-tax profit was £15.4m ($29.4m; €22m).",
                "€22m",
                Some("Pre-tax profit"),
            ),
            (
                "The film took $11.8m in its second week.",
                "$11.8m",
                Some("film"),
            ),
            // A date between the subject and its change is the period.
            ("Sales this year fell 5%.", "5%", Some("Sales")),
            // A price is what was bought or sold.
            (
                "Rosneft bought the unit for $9.3bn after the sale.",
                "$9.3bn",
                Some("unit"),
            ),
            ("The CD is being sold for £3.99.", "£3.99", Some("CD")),
            ("It was sold in December for $10bn.", "$10bn", None),
            // A figure set against one of its kind measures the same.
            (
                "Unemployment stood at 25%, compared with 10% before.",
                "10%",
                Some("Unemployment"),
            ),
            (
                "Sales climbed to 131.9bn kronor from 117.7bn kronor in 2003.",
                "117.7bn kronor",
                Some("Sales"),
            ),
            // Not the verb or the preposition before it.
            (
                "Reports sent Fiat shares down 1.2% on Tuesday.",
                "1.2%",
                Some("Fiat shares"),
            ),
            (
                "It is looking for paycuts totalling $800m.",
                "$800m",
                Some("paycuts"),
            ),
            // A date or a word that is never a metric is no subject.
            (
                "Growth was 1.1% in 2004, up from 3.2% last year to 2.5%.",
                "2.5%",
                None,
            ),
            ("It fell 6% on the news to $10.44.", "$10.44", None),
            ("It has risen by 20% in a year.", "20%", None),
            // Over an apposition, the time a change took and a verb before the object.
            (
                "Ether, the second-biggest cryptocurrency, rose 1.3% to $3,900.",
                "$3,900",
                Some("Ether"),
            ),
            (
                "Freight rates rose 27% in a week to $4,210.",
                "$4,210",
                Some("Freight rates"),
            ),
            (
                "Estimates put economic losses at $323 million.",
                "$323 million",
                Some("economic losses"),
            ),
            (
                "It hit $103,800 before falling back to $101,200.",
                "$101,200",
                None,
            ),
            // A change after a comma is of the amount before it.
            (
                "Exports reached a record $405.53 billion, up 14.3 per cent.",
                "14.3 per cent",
                Some("Exports"),
            ),
            (
                "GDP per capita reached $4,700.",
                "$4,700",
                Some("GDP per capita"),
            ),
            // Only if the amount has one.
            ("Apprentices will get £7.55, up 18%.", "18%", None),
        ] {
            let f = figures(text, None);
            let f = f.iter().find(|f| f.text == amount).expect(amount);
            assert_eq!(f.subject.as_deref(), subject, "{text:?}");
        }
    }

    #[test]
    fn decades_of_age_are_ranges_of_years() {
        let f = figures(
            "Most were in their 80s; he is in his early thirties, in the 1970s and 80s.",
            None,
        );
        let got: Vec<_> = f
            .iter()
            .map(|f| (f.text.as_str(), f.kind, f.value.clone(), f.unit.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("80s", FigureKind::Range, numbers(80.0, 89.0), Some("year")),
                (
                    "early thirties",
                    FigureKind::Range,
                    numbers(30.0, 33.0),
                    Some("year")
                ),
                ("1970s", FigureKind::Date, dates("1970", "1979"), None),
                ("80s", FigureKind::Date, dates("1980", "1989"), None),
            ]
        );
    }

    #[test]
    fn temperatures_written_against_the_number() {
        let f = figures(
            "Temperatures hit 40C, or 104F, in Seville; she sat in Seat 12F.",
            None,
        );
        let got: Vec<_> = f
            .iter()
            .map(|f| (f.text.as_str(), f.value.clone(), f.unit.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("40C", num(40.0), Some("°C")),
                ("104F", num(104.0), Some("°F"))
            ]
        );
    }

    #[test]
    fn numbers_in_set_phrases_are_no_figures() {
        let f = figures(
            "Two-way trade rose after a one-off payment and a three-way merger.",
            None,
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn what_a_number_counts() {
        for (text, number, counted) in [
            (
                "It operates in 81 countries and territories.",
                "81",
                Some("countries and territories"),
            ),
            // A date right after the number is not what it counts.
            ("Turnover rose to $5m last year.", "$5m", None),
            (
                "It was down from a record $9.4bn two years earlier.",
                "$9.4bn",
                None,
            ),
            // An adverb after a noun ends the count, as does a short past tense.
            (
                "About 12% of global trade normally passes through it.",
                "About 12%",
                Some("global trade"),
            ),
            (
                "It fell to 8.7 million barrels used a day.",
                "8.7 million barrels",
                None,
            ),
            ("It paid £65m plus £6m in add-ons.", "£65m", None),
            ("The index rose to 58.6 last month.", "58.6", None),
            // The next number starts a count of its own.
            (
                "It chose 12 jurors and eight stand-by jurors.",
                "12",
                Some("jurors"),
            ),
            // A count ends at its plural noun, before a verb or an adverb.
            (
                "Six leading lobbies plan to act.",
                "Six",
                Some("leading lobbies"),
            ),
            (
                "It has 200 TV stations broadcast daily.",
                "200",
                Some("TV stations"),
            ),
            ("Then 83 MPs gave answers.", "83", Some("MPs")),
            // A past tense right after the number is a verb, unless more of the phrase
            // follows; "last" and "next" start no count, unless they name one.
            ("A crowd of 60,331 watched the game.", "60,331", None),
            (
                "It includes $550 billion in new spending.",
                "$550 billion",
                Some("new spending"),
            ),
            (
                "Police said 30 armed men attacked.",
                "30",
                Some("armed men"),
            ),
            ("She is the third seed.", "third", Some("seed")),
            ("They won one of their last 11 matches.", "one", None),
            (
                "He scored two last-minute goals.",
                "two",
                Some("last-minute goals"),
            ),
            ("The chain has 49 Next stores.", "49", Some("Next stores")),
            ("He met two people said to know.", "two", Some("people")),
            (
                "It raised taxes 66 times and brought losses.",
                "66",
                Some("times"),
            ),
            ("Five of them ever played.", "Five", None),
            // The last of several nouns, and adjectives in "-ed" or "-ing".
            (
                "He won five Wimbledon doubles titles.",
                "five",
                Some("Wimbledon doubles titles"),
            ),
            (
                "It is one of the most indebted countries.",
                "one",
                Some("most indebted countries"),
            ),
            (
                "It is one of the least generous pension systems.",
                "one",
                Some("least generous pension systems"),
            ),
            (
                "Italy is one of France's main trading partners.",
                "one",
                Some("France's main trading partners"),
            ),
            (
                "They play three important World Cup qualifiers soon.",
                "three",
                Some("important World Cup qualifiers"),
            ),
            // A name after the noun, or instead of it.
            ("The fifth seed Tommy Robredo won.", "fifth", Some("seed")),
            (
                "He sued three US journalists and Apple.",
                "three",
                Some("US journalists"),
            ),
            (
                "Number eight Imanol Harinordoquy was dropped.",
                "eight",
                None,
            ),
            // The whole a share is of.
            (
                "A survey found that 90% of PCs are infested.",
                "90%",
                Some("PCs"),
            ),
            ("Only 10% of ATMs get swapped.", "10%", Some("ATMs")),
            (
                "Renault owns 44% of the Japanese carmaker.",
                "44%",
                Some("Japanese carmaker"),
            ),
            ("Lagardere owns 30% of EADS.", "30%", Some("EADS")),
            // What an amount is made of.
            (
                "He won £150,000 in libel damages.",
                "£150,000",
                Some("libel damages"),
            ),
            ("Plans for £35bn of cuts were shown.", "£35bn", Some("cuts")),
            ("It made $40m in the US.", "$40m", None),
            ("It took £7.2m in three days.", "£7.2m", None),
            (
                "Shares were at $27.24 in electronic trading.",
                "$27.24",
                None,
            ),
            (
                "By 2025, 40% of the UK's population is online.",
                "40%",
                Some("UK's population"),
            ),
            (
                "It sold 70% of its total capital last month.",
                "70%",
                Some("total capital"),
            ),
            // A hyphenated compound is one word.
            (
                "It sold 526,409 battery-only cars.",
                "526,409",
                Some("battery-only cars"),
            ),
            (
                "It sold 1,200 plug-in hybrids.",
                "1,200",
                Some("plug-in hybrids"),
            ),
            // A comparison is not what is counted; an adjective before a noun is.
            (
                "It is 150,000 sq km smaller than that.",
                "150,000 sq km",
                None,
            ),
            (
                "It went to 70 poorer nations.",
                "70",
                Some("poorer nations"),
            ),
            (
                "Ice reflects 90% of sunlight back into space.",
                "90%",
                Some("sunlight"),
            ),
            // "away" and "apart" end a measure, not a count.
            ("A cure is 10 years away, he said.", "10 years", None),
            ("Doses come four weeks apart.", "four weeks", None),
            (
                "Wales secured their first away win.",
                "first",
                Some("away win"),
            ),
            // A past tense without "-ed" is a verb too.
            (
                "He gets a bonus of €100m spread over five years.",
                "€100m",
                None,
            ),
            (
                "Sales in the fourth quarter rose 9%.",
                "fourth",
                Some("quarter"),
            ),
            (
                "It is Vietnam's seventh largest trading partner.",
                "seventh",
                Some("largest trading partner"),
            ),
            // "hit" before its object is a verb, else a noun.
            (
                "A 7.8 magnitude earthquake hit Turkey.",
                "7.8 magnitude",
                Some("earthquake"),
            ),
            ("It was their first hit in the UK.", "first", Some("hit")),
            // A frequency before a noun is an adjective.
            (
                "It was the sixth consecutive monthly decline.",
                "sixth",
                Some("consecutive monthly decline"),
            ),
            // Where something lies from the figure is not what it counts.
            ("It was about 4C above the average.", "about 4C", None),
            ("It flew 7,400km beyond the Moon.", "7,400km", None),
        ] {
            let f = figures(text, None);
            let f = f.iter().find(|f| f.text == number).expect(number);
            assert_eq!(f.counted.as_deref(), counted, "{text:?}");
        }
    }

    #[test]
    fn ages_are_whole_and_count_nothing() {
        for (text, age) in [
            ("A 91-year-old widow lost her savings.", "91-year-old"),
            ("Mr Ebbers, 63, has always denied it.", "63"),
            ("The 18-year-old battled past her rival.", "18-year-old"),
            ("He is 29 years old.", "29 years old"),
        ] {
            let f = figures(text, None);
            assert_eq!(f.len(), 1, "{text:?}: {f:?}");
            assert_eq!(
                (f[0].text.as_str(), f[0].kind),
                (age, FigureKind::Duration),
                "{text:?}"
            );
            assert_eq!(f[0].counted, None, "{text:?}");
        }
        // "aged": an age in years, a range of ages too.
        for (text, age, value) in [
            ("She died aged 89.", "aged 89", num(89.0)),
            (
                "People aged 25 to 49 were studied.",
                "aged 25 to 49",
                numbers(25.0, 49.0),
            ),
        ] {
            let f = one(text);
            assert_eq!(f.text, age, "{text:?}");
            assert_eq!(
                (f.value, f.unit.as_deref()),
                (value, Some("year")),
                "{text:?}"
            );
        }
        // Between commas after a name only, and not before a conjunction.
        for text in [
            "Of 100 staff at Ford, 68, or two thirds, left.",
            "It rose 5, 68, 70 times.",
        ] {
            assert!(
                figures(text, None)
                    .iter()
                    .all(|f| f.kind != FigureKind::Duration),
                "{text:?}"
            );
        }
        // An adjective of length still counts its noun.
        let f = one("He signed a five-year deal.");
        assert_eq!(
            (f.text.as_str(), f.counted.as_deref()),
            ("five-year", Some("deal"))
        );
    }

    #[test]
    fn a_number_before_a_hyphen_is_no_day_of_the_month() {
        for text in [
            "A chance for the 26-year-old to shine.",
            "The outlook for the 12-member eurozone is worst.",
            "It is the one-time darling of Wall Street.",
        ] {
            let f = figures(text, None);
            assert!(
                f.iter().all(|f| f.kind != FigureKind::Date),
                "{text:?}: {f:?}"
            );
        }
        assert_eq!(one("Payment is due on the 27th.").kind, FigureKind::Date);
    }

    #[test]
    fn a_second_is_an_ordinal_unless_it_is_time() {
        for (text, kind, counted) in [
            (
                "It will build a second plant in India.",
                FigureKind::Ordinal,
                Some("plant"),
            ),
            (
                "Prices fell for a second day.",
                FigureKind::Ordinal,
                Some("day"),
            ),
            (
                "He won by a hundredth of a second only.",
                FigureKind::Duration,
                None,
            ),
            ("Wait a second.", FigureKind::Duration, None),
        ] {
            let f = figures(text, None);
            let second = f.iter().find(|f| f.text.ends_with("second")).expect(text);
            assert_eq!(
                (second.kind, second.counted.as_deref()),
                (kind, counted),
                "{text:?}"
            );
        }
    }

    #[test]
    fn plus_or_minus_is_a_margin_not_a_sign() {
        let f = figures(
            "Revenue of $37.5 billion, plus or minus 2%, is expected.",
            None,
        );
        let margin = f
            .iter()
            .find(|f| f.kind == FigureKind::Percent)
            .expect("percent");
        assert_eq!(margin.text, "plus or minus 2%");
        assert_eq!(margin.value, num(2.0));
        assert_eq!(margin.qualifier.as_deref(), Some("plus or minus"));
        assert_eq!(one("It fell to minus 5 degrees.").value, num(-5.0));
    }

    #[test]
    fn shares_are_ratios_or_counts_out_of_a_whole() {
        for (text, share, value, out_of, counted) in [
            (
                "About one in two people will get it.",
                "About one in two",
                0.5,
                None,
                "people",
            ),
            (
                "One in 1,000 babies is affected.",
                "One in 1,000",
                0.001,
                None,
                "babies",
            ),
            (
                "Three out of 5 voters agreed.",
                "Three out of 5",
                0.6,
                None,
                "voters",
            ),
            (
                "Labour took 412 of the 650 seats.",
                "412 of the 650",
                412.0,
                Some(650.0),
                "seats",
            ),
            (
                "He is one of six executives charged.",
                "one of six",
                1.0,
                Some(6.0),
                "executives",
            ),
        ] {
            let f = one(text);
            assert_eq!(f.text, share, "{text:?}");
            assert_eq!(f.value, num(value), "{text:?}");
            assert_eq!(
                (f.out_of, f.counted.as_deref()),
                (out_of, Some(counted)),
                "{text:?}"
            );
        }
        // Bare digits, a unit or a year after "in" make no share.
        for text in [
            "How about more than 2 in 5",
            "He scored 4 in 10 minutes.",
            "Sales were 2 in 2020.",
        ] {
            assert!(
                figures(text, None).iter().all(|f| !f.text.contains(" in ")),
                "{text:?}"
            );
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            "$",
            "1/0",
            "-",
            "€€€ 1e",
            "٣٤ 𝟙𝟚 ½",
            "9^99999",
            "1.2.3.4",
            "Q9",
            "0/0/0",
        ] {
            let f = figures(text, None);
            for x in f {
                assert!(
                    x.span.end <= text.len() && !Span::new(x.span.start, x.span.end).is_empty()
                );
            }
        }
        let long = "12 ".repeat(50_000);
        assert_eq!(figures(&long, None).len(), 50_000);
    }
}
