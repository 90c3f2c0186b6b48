//! Dates, times and calendar periods: "May 9, 1945", "9 May 1945", "December 2025",
//! "Wednesday afternoon", "this year", "last week", "Q3 2016", "7:56 pm", "half past eight".

use super::lex::Sentence;
use super::numbers::{look_up, number_at};
use crate::report::FigureKind;

/// A date as written, before it is resolved against the article's date.
#[derive(Clone, Debug, PartialEq)]
pub enum When {
    /// A calendar date; any part may be missing.
    Cal {
        year: Option<Year>,
        month: Option<u32>,
        day: Option<u32>,
    },
    /// A weekday, with the part of the day ("TAF") and a week offset ("next week": 1).
    Weekday {
        day: u32,
        part: Option<&'static str>,
        week: Option<i32>,
    },
    /// A weekday and a day of the month, with no month: "Thursday the 21st" is
    /// (4, 21), read in the month nearest the article's date that fits.
    WeekdayDate {
        weekday: u32,
        day: u32,
    },
    /// A shift from the article's date: "75 years ago" is (-75, "year").
    Shift(f64, &'static str),
    /// Days from the article's date: today 0, tomorrow 1, yesterday -1.
    Day(i32),
    /// This (0), next (1) or last (-1) week or month.
    Week(i32),
    Month(i32),
    /// A day of this (0), next (1) or last (-1) month: "the 20th of next month", "the
    /// second Monday of this month".
    InMonth(i32, MonthDay),
    /// A TIMEX3 value that needs no anchor: "T19:56", "XXXX-SU", "2016-Q3".
    Timex(String),
    /// The weekend of this (0), next (1) or last (-1) week.
    Weekend(i32),
    /// A part of the year relative to the article's year: "Q3 this year" is (0, "Q3"),
    /// "next spring" (1, "SP").
    InYear(i32, String),
    /// "next 3 days" (3, "day"), "past 3 weeks" (-3, "week"): a span from the article's date.
    Period(i32, &'static str),
    /// "rest of the week": from the article's date to the end of the week or month.
    Rest(&'static str),
}

impl When {
    /// A whole year: "2024".
    pub fn year(y: i32) -> When {
        When::Cal {
            year: Some(Year::Abs(y)),
            month: None,
            day: None,
        }
    }
}

/// Which day of a month.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MonthDay {
    /// The day of the month: "the 20th".
    Date(u32),
    /// The `n`th weekday `day` (ISO, Monday 1): "the second Monday" is (1, 2).
    Nth { day: u32, n: u32 },
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Year {
    Abs(i32),
    /// Years from the article's year: "this year" 0, "last year" -1.
    Rel(i32),
}

/// A date, time or period found at some piece.
#[derive(Clone, Debug)]
pub struct DateHit {
    pub start: usize,
    pub end: usize,
    pub kind: FigureKind,
    pub when: When,
    /// Set for bare "today", which news uses for "nowadays": kept only inside a range.
    pub weak: bool,
    pub note: Option<&'static str>,
}

/// Month names and abbreviations: (month, abbreviated).
const MONTHS: &[(&str, (u32, bool))] = &[
    ("january", (1, false)),
    ("february", (2, false)),
    ("march", (3, false)),
    ("april", (4, false)),
    ("may", (5, false)),
    ("june", (6, false)),
    ("july", (7, false)),
    ("august", (8, false)),
    ("september", (9, false)),
    ("october", (10, false)),
    ("november", (11, false)),
    ("december", (12, false)),
    ("jan", (1, true)),
    ("feb", (2, true)),
    ("mar", (3, true)),
    ("apr", (4, true)),
    ("jun", (6, true)),
    ("jul", (7, true)),
    ("aug", (8, true)),
    ("sep", (9, true)),
    ("sept", (9, true)),
    ("oct", (10, true)),
    ("nov", (11, true)),
    ("dec", (12, true)),
];

/// Weekday names and abbreviations: (ISO weekday, abbreviated so that it needs a capital
/// or a dot).
const WEEKDAYS: &[(&str, (u32, bool))] = &[
    ("monday", (1, false)),
    ("tuesday", (2, false)),
    ("wednesday", (3, false)),
    ("thursday", (4, false)),
    ("friday", (5, false)),
    ("saturday", (6, false)),
    ("sunday", (7, false)),
    ("tues", (2, false)),
    ("thur", (4, false)),
    ("thurs", (4, false)),
    ("mon", (1, true)),
    ("tue", (2, true)),
    ("wed", (3, true)),
    ("thu", (4, true)),
    ("fri", (5, true)),
    ("sat", (6, true)),
    ("sun", (7, true)),
];

/// Parts of the day and their TIMEX3 codes.
const PARTS_OF_DAY: &[(&str, &str)] = &[
    ("morning", "MO"),
    ("afternoon", "AF"),
    ("evening", "EV"),
    ("night", "NI"),
];

/// Month number of a lower-case month name or abbreviation, and whether it was abbreviated.
pub fn month_word(w: &str) -> Option<(u32, bool)> {
    look_up(MONTHS, w)
}

pub fn weekday_word(w: &str) -> Option<(u32, bool)> {
    look_up(WEEKDAYS, w)
}

pub fn part_of_day(w: &str) -> Option<&'static str> {
    look_up(PARTS_OF_DAY, w)
}

/// Every month, weekday and part-of-day word.
pub fn calendar_words() -> impl Iterator<Item = &'static str> {
    let words = |table: &'static [(&'static str, (u32, bool))]| table.iter().map(|(w, _)| *w);
    words(MONTHS)
        .chain(words(WEEKDAYS))
        .chain(PARTS_OF_DAY.iter().map(|(w, _)| *w))
}

/// Words before a lone month or year that make it a date: "in May", "since 1994".
const DATE_PREPOSITIONS: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "from",
    "of",
    "to",
    "through",
    "early",
    "late",
    "mid",
    "before",
    "after",
    "during",
    "between",
    "and",
    "or",
    "last",
    "next",
    "this",
    "each",
    "every",
    "for",
    "on",
    "year",
    "end",
    "beginning",
    "start",
    "mid",
];

/// A month name at `i`: (month, end). A lone abbreviation or a lone "May"/"March" needs a
/// capital and, for the two that are also common words, a preposition before it.
fn month_at(s: &Sentence, i: usize) -> Option<(u32, usize, bool)> {
    let w = s.word(i)?;
    // "Xbox 2 may be unveiled": the months that are also common words need their capital,
    // a day or year after them ("2 may 2004", "may the eleventh") or "of" ("4th of march").
    if matches!(w, "may" | "march" | "mar") && !s.capitalised(i) {
        let at = if s.is(i + 1, "the") { i + 2 } else { i + 1 };
        let of_before = i > 0 && s.is(i - 1, "of");
        if number_at(s, at).is_none() && !of_before {
            return None;
        }
    }
    let (m, abbr) = month_word(w)?;
    let mut end = i + 1;
    if abbr && s.ch(end) == Some('.') {
        end += 1;
    }
    Some((m, end, abbr))
}

fn lone_month_ok(s: &Sentence, i: usize, abbr: bool) -> bool {
    let w = s.word(i).unwrap_or("");
    let cap = s.capitalised(i);
    let before = i.checked_sub(1).and_then(|b| s.word(b));
    let preposition = before.is_some_and(|b| DATE_PREPOSITIONS.contains(&b));
    // "12-13 March": the end of a range of days.
    let day_before = i > 0 && s.num(i - 1).is_some_and(|d| d.len() <= 2);
    match w {
        "may" | "march" | "mar" => cap && (preposition || day_before),
        // "Dec" alone, but not the acronym "DEC".
        _ if abbr => cap && s.raw(i).chars().any(|c| c.is_ascii_lowercase()),
        _ => cap || preposition,
    }
}

fn weekday_at(s: &Sentence, i: usize) -> Option<(u32, usize)> {
    let (d, abbr) = weekday_word(s.word(i)?)?;
    if abbr {
        let dotted = s.ch(i + 1) == Some('.');
        if !(s.capitalised(i) || dotted) {
            return None;
        }
        // "Thu Bồn River", "Sun Life": a name, unless a date or a part of the day follows.
        let name_goes_on = s.word(i + 1).is_some_and(|w| {
            s.capitalised(i + 1) && month_word(w).is_none() && part_of_day(w).is_none()
        });
        if !dotted && name_goes_on {
            return None;
        }
        return Some((d, i + 1 + usize::from(dotted)));
    }
    Some((d, i + 1))
}

/// A day of the month at `j`: "9", "12th", "eleventh", "twenty-first", "the 21st".
fn day_at(s: &Sentence, j: usize) -> Option<(u32, usize)> {
    let n = number_at(s, j)?;
    let ok = n.value.fract() == 0.0
        && (1.0..=31.0).contains(&n.value)
        && (n.words || n.ordinal || (n.plain.is_some() && n.width <= 2));
    ok.then_some((n.value as u32, n.end))
}

/// A four-digit year at `j`.
fn year_at(s: &Sentence, j: usize) -> Option<(i32, usize)> {
    let n = number_at(s, j)?;
    let y = n.plain.filter(|_| n.width == 4 && !n.ordinal)?;
    (1000..=2999).contains(&y).then_some((y as i32, n.end))
}

/// Skips a comma at `j`, if any.
fn comma(s: &Sentence, j: usize) -> usize {
    if s.ch(j) == Some(',') {
        j + 1
    } else {
        j
    }
}

/// Words after which "last" and a number of days, weeks… is a verb and a duration: "to
/// last five months", "will last two weeks" (but "compared to last year" is a date).
const LAST_AS_VERB: &[&str] = &[
    "to", "will", "would", "could", "can", "may", "might", "should", "must", "shall", "did",
    "does", "do", "didn't", "won't", "cannot", "'ll",
];

/// Relative word for a year, month or week: "this" 0, "next" 1, "last" -1.
fn relative_word(w: &str) -> Option<i32> {
    Some(match w {
        "this" | "current" => 0,
        "next" | "coming" | "following" => 1,
        "last" | "past" | "previous" | "prior" => -1,
        _ => return None,
    })
}

/// "this year", "next month", "last week": (unit, offset, end).
fn relative_period_at(s: &Sentence, i: usize) -> Option<(&'static str, i32, usize)> {
    let off = relative_word(s.word(i)?)?;
    let unit = match s.word(i + 1)? {
        "year" => "year",
        "month" => "month",
        "week" => "week",
        "weekend" => "weekend",
        "quarter" => "quarter",
        _ => return None,
    };
    // "the past year" is a duration, "this year's" still a date.
    Some((unit, off, i + 2))
}

fn cal(year: Option<Year>, month: Option<u32>, day: Option<u32>) -> When {
    When::Cal { year, month, day }
}

fn hit(start: usize, end: usize, kind: FigureKind, when: When) -> DateHit {
    DateHit {
        start,
        end,
        kind,
        when,
        weak: false,
        note: None,
    }
}

/// A year after a month or day: ", 1945", " 2001", or "this year" / "next year".
fn trailing_year(s: &Sentence, j: usize) -> Option<(Year, usize)> {
    let k = comma(s, j);
    if let Some((y, end)) = year_at(s, k) {
        return Some((Year::Abs(y), end));
    }
    if let Some(("year", off, end)) = relative_period_at(s, j) {
        return Some((Year::Rel(off), end));
    }
    None
}

/// The longest date, time or period starting at piece `i`.
pub fn date_at(s: &Sentence, i: usize) -> Option<DateHit> {
    [
        weekday_led(s, i),
        nth_weekday(s, i),
        year_month(s, i),
        month_led(s, i),
        day_led(s, i),
        numeric(s, i),
        relative(s, i),
        quarter(s, i),
        time_at(s, i),
    ]
    .into_iter()
    .flatten()
    .max_by_key(|h| h.end)
}

/// "the first friday of july", "second sunday", "the second Monday of next month".
fn nth_weekday(s: &Sentence, i: usize) -> Option<DateHit> {
    let at = if s.is(i, "the") { i + 1 } else { i };
    let n = number_at(s, at).filter(|n| n.ordinal && n.words && n.value <= 5.0)?;
    let (day, mut end) = weekday_at(s, n.end)?;
    let n = n.value as u32;
    let mut month = "XX".to_string();
    if s.is_any(end, &["of", "in"]) {
        if let Some((m, e, _)) = month_at(s, end + 1) {
            month = format!("{m:02}");
            end = e;
        } else if let Some(("month", off, e)) = relative_period_at(s, end + 1) {
            let when = When::InMonth(off, MonthDay::Nth { day, n });
            return Some(hit(i, e, FigureKind::Date, when));
        }
    }
    let timex = format!("XXXX-{month}-WXX-{day}-#{n}");
    Some(hit(i, end, FigureKind::Date, When::Timex(timex)))
}

fn weekday_led(s: &Sentence, i: usize) -> Option<DateHit> {
    // "this Friday", "next Sunday", "last sunday".
    let (week, at) = match s.word(i).and_then(relative_word) {
        Some(off) if weekday_at(s, i + 1).is_some() => (Some(off), i + 1),
        _ => (None, i),
    };
    let (day, mut end) = weekday_at(s, at)?;
    let mut best = hit(
        i,
        end,
        FigureKind::Date,
        When::Weekday {
            day,
            part: None,
            week,
        },
    );
    if week.is_some() {
        return Some(best);
    }
    let k = comma(s, end);
    // "Monday, January 12th, 2016", "Friday 7/6".
    if let Some(d) = month_led(s, k)
        .or_else(|| day_led(s, k))
        .or_else(|| numeric(s, k))
    {
        if matches!(d.when, When::Cal { month: Some(_), .. }) {
            return Some(DateHit { start: i, ..d });
        }
    }
    // "Thursday the 21st", "Thursday 21st" (but not "Thursday 21 people").
    let the = s.is(k, "the");
    let at = if the { k + 1 } else { k };
    if the || number_at(s, at).is_some_and(|n| n.ordinal) {
        if let Some((d, e)) = day_at(s, at).filter(|&(_, e)| !ranks_a_noun(s, at, e)) {
            let when = When::WeekdayDate {
                weekday: day,
                day: d,
            };
            return Some(hit(i, e, FigureKind::Date, when));
        }
    }
    // "Wednesday afternoon".
    if let Some(part) = s.word(end).and_then(part_of_day) {
        end += 1;
        best = hit(
            i,
            end,
            FigureKind::Time,
            When::Weekday {
                day,
                part: Some(part),
                week: None,
            },
        );
        return Some(best);
    }
    // "Friday next week", "tuesday of next week", "this week Friday" is handled in relative.
    let k = if s.is(end, "of") { end + 1 } else { end };
    if let Some(("week", off, e)) = relative_period_at(s, k) {
        best = hit(
            i,
            e,
            FigureKind::Date,
            When::Weekday {
                day,
                part: None,
                week: Some(off),
            },
        );
    }
    Some(best)
}

/// "2016 June", "2016 , nov".
fn year_month(s: &Sentence, i: usize) -> Option<DateHit> {
    let (y, e) = year_at(s, i)?;
    let (m, end, _) = month_at(s, comma(s, e))?;
    // "in 2016 May said" is rare; a day after the month makes it "2016 May 3".
    let end = if s.ch(end - 1) == Some('.') && s.word(end).is_none() {
        end - 1
    } else {
        end
    };
    Some(hit(
        i,
        end,
        FigureKind::Date,
        cal(Some(Year::Abs(y)), Some(m), None),
    ))
}

fn month_led(s: &Sentence, i: usize) -> Option<DateHit> {
    // "month of January", "the month of September".
    let (start, at) = if s.is(i, "the") && s.is(i + 1, "month") && s.is(i + 2, "of") {
        (i, i + 3)
    } else if s.is(i, "month") && s.is(i + 1, "of") {
        (i, i + 2)
    } else {
        (i, i)
    };
    // "next june", "last sept": the year after or before the article's.
    let (rel, at) = match s.word(at).and_then(relative_word) {
        Some(off) if s.word(at + 1).and_then(month_word).is_some() => (Some(off), at + 1),
        _ => (None, at),
    };
    let (month, end, abbr) = month_at(s, at)?;
    // Day after the month: "May 9", "Oct. 2", "jan-1", "Oct/2", "may the eleventh", "october, 1st".
    let mut k = end;
    if matches!(s.ch(k), Some('-' | '/' | ',' | '.')) {
        k += 1;
    }
    if s.is(k, "the") {
        k += 1;
    }
    if let Some((day, e)) = day_at(s, k).filter(|&(_, e)| !ranks_a_noun(s, k, e)) {
        // "May 5 per cent" is no date.
        let percent = s.ch(e) == Some('%') || s.is_any(e, &["per", "percent"]);
        if !percent {
            let (year, e2) = match trailing_year(s, e) {
                Some((y, e2)) => (Some(y), e2),
                None => (None, e),
            };
            return Some(hit(
                start,
                e2,
                FigureKind::Date,
                cal(year, Some(month), Some(day)),
            ));
        }
    }
    // "December 2025", "Jan 2001", "June next year", "October this year", "November , 2016".
    if let Some((year, e)) = trailing_year(s, end) {
        return Some(hit(
            start,
            e,
            FigureKind::Date,
            cal(Some(year), Some(month), None),
        ));
    }
    if rel.is_some() || at > i || lone_month_ok(s, at, abbr) {
        // A lone month: the dot after an abbreviation ends the sentence, not the month.
        let e = if abbr && s.ch(end - 1) == Some('.') && s.word(end).is_none() {
            end - 1
        } else {
            end
        };
        return Some(hit(
            start,
            e,
            FigureKind::Date,
            cal(rel.map(Year::Rel), Some(month), None),
        ));
    }
    None
}

fn day_led(s: &Sentence, i: usize) -> Option<DateHit> {
    let start = i;
    let at = if s.is(i, "the") { i + 1 } else { i };
    let (day, end) = day_at(s, at)?;
    let mut k = end;
    if matches!(s.ch(k), Some('-' | '.' | '/')) {
        k += 1;
    }
    if s.is(k, "of") {
        k += 1;
    }
    if let Some((month, e, _)) = month_at(s, k) {
        let (year, e) = match trailing_year(s, e) {
            Some((y, e2)) => (Some(y), e2),
            None => (None, e),
        };
        // The dot of "Jan." at a sentence end belongs to the sentence.
        let e = if year.is_none() && s.ch(e - 1) == Some('.') && s.word(e).is_none() {
            e - 1
        } else {
            e
        };
        return Some(hit(
            start,
            e,
            FigureKind::Date,
            cal(year, Some(month), Some(day)),
        ));
    }
    // "20th of next month", "31st of this month".
    if s.is(end, "of") {
        if let Some(("month", off, e)) = relative_period_at(s, end + 1) {
            let when = When::InMonth(off, MonthDay::Date(day));
            return Some(hit(start, e, FigureKind::Date, when));
        }
    }
    // "the 27th", "for the 27", "on 15", "the second": a day of the month on its own,
    // only where nothing follows that the number could count ("for the 12-member").
    let before = i.checked_sub(1).and_then(|b| s.word(b));
    let n = number_at(s, at)?;
    let ends = s.word(end).is_none() && s.num(end).is_none() && !s.hyphen(end);
    let the = at > i;
    // "third on 28", "top on 32": a place in a table and its points.
    let ranked = i >= 2
        && (number_at(s, i - 2).is_some_and(|r| r.ordinal && r.end == i - 1)
            || s.is_any(i - 2, &["top", "bottom", "level"]));
    let ok = ends
        && ((the && (n.ordinal && !n.words || matches!(before, Some("for" | "on"))))
            || (!the && matches!(before, Some("on")) && n.plain.is_some() && !ranked));
    ok.then(|| hit(start, end, FigureKind::Date, cal(None, None, Some(day))))
}

/// Whether the ordinal in words at `at`, ending at `e`, ranks the noun after it: "on
/// Wednesday, the first fall in five months", "in October, the third monthly fall".
fn ranks_a_noun(s: &Sentence, at: usize, e: usize) -> bool {
    number_at(s, at).is_some_and(|n| n.words)
        && s.word(e).is_some_and(|w| w != "of" && !s.capitalised(e))
}

/// Two-digit years: 71 is 1971, 27 is 2027.
fn full_year(y: u32, width: usize) -> Option<i32> {
    match width {
        4 => Some(y as i32),
        2 => Some(if y <= 30 {
            2000 + y as i32
        } else {
            1900 + y as i32
        }),
        _ => None,
    }
}

fn numeric(s: &Sentence, i: usize) -> Option<DateHit> {
    // "13.5.2015": one piece with two dots.
    if let Some(t) = s.num(i) {
        let parts: Vec<&str> = t.split('.').collect();
        if parts.len() == 3 && parts[2].len() == 4 {
            let (d, m, y) = (
                parts[0].parse().ok()?,
                parts[1].parse().ok()?,
                parts[2].parse().ok()?,
            );
            if (1..=12).contains(&m) && (1..=31).contains(&d) {
                return Some(hit(
                    i,
                    i + 1,
                    FigureKind::Date,
                    cal(Some(Year::Abs(y)), Some(m), Some(d)),
                ));
            }
        }
    }
    let a = int_at(s, i)?;
    let (av, aw) = (a.value, a.width);
    let sep = s.ch(a.end)?;
    if !matches!(sep, '/' | '-') {
        return None;
    }
    // "2019/sep/01".
    if aw == 4 {
        if let Some((m, e, _)) = month_at(s, a.end + 1) {
            if s.ch(e) == Some(sep) {
                let d = int_at(s, e + 1)?;
                if (1..=31).contains(&d.value) {
                    return Some(hit(
                        i,
                        d.end,
                        FigureKind::Date,
                        cal(Some(Year::Abs(av as i32)), Some(m), Some(d.value)),
                    ));
                }
            }
        }
    }
    let b = int_at(s, a.end + 1)?;
    let (bv, bw) = (b.value, b.width);
    let spaced = s.pieces[a.end].space_before || s.pieces[a.end + 1].space_before;
    // Third part: "21/04/2016", "9-18-15", "11/12,2016".
    let third = if s.ch(b.end) == Some(sep) || (s.ch(b.end) == Some(',') && sep == '/') {
        int_at(s, b.end + 1).filter(|c| matches!(c.width, 2 | 4) || aw == 4 && c.width == 1)
    } else {
        None
    };
    if let Some(c) = third {
        if spaced {
            return None;
        }
        let cv = c.value;
        if aw == 4 {
            // "2015/08/12", "2018-7-6".
            return ymd(i, c.end, av as i32, bv, cv, None);
        }
        let y = full_year(cv, c.width)?;
        let (m, d, note) = if av > 12 {
            (bv, av, None)
        } else if bv > 12 || av == bv {
            (av, bv, None)
        } else {
            (
                av,
                bv,
                Some("day and month order is ambiguous; read as month/day"),
            )
        };
        return ymd(i, c.end, y, m, d, note);
    }
    // Year and month: "3/2015", "2015/3", "2016 - 11", "11 / 2016".
    if aw == 4 && (1000..=2999).contains(&av) && (1..=12).contains(&bv) && bw <= 2 {
        if s.word(b.end).is_some() && !spaced {
            return None;
        }
        return Some(hit(
            i,
            b.end,
            FigureKind::Date,
            cal(Some(Year::Abs(av as i32)), Some(bv), None),
        ));
    }
    if bw == 4 && (1000..=2999).contains(&bv) && (1..=12).contains(&av) && aw <= 2 {
        return Some(hit(
            i,
            b.end,
            FigureKind::Date,
            cal(Some(Year::Abs(bv as i32)), Some(av), None),
        ));
    }
    if spaced || aw > 2 || bw > 2 {
        return None;
    }
    // Month and day: "4/22", "22/04"; with a hyphen only after "on", "in", "from" ("on 4-22").
    let before = i.checked_sub(1).and_then(|b| s.word(b));
    if sep == '-' && !matches!(before, Some("on" | "in" | "from" | "by" | "until")) {
        return None;
    }
    // "1/4", "3/4" are fractions, and "1/4 mile" is a quantity.
    if sep == '/' && (av < bv && bv <= 10 || super::units::UNITS.longest_at(s, b.end).is_some()) {
        return None;
    }
    // "12-13 March" are two days of March.
    if s.word(b.end).and_then(month_word).is_some() {
        return None;
    }
    let (m, d) = if av > 12 { (bv, av) } else { (av, bv) };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(hit(i, b.end, FigureKind::Date, cal(None, Some(m), Some(d))))
}

/// A bare integer in digits at `j`: value, digits written, end.
struct Int {
    value: u32,
    width: usize,
    end: usize,
}

fn int_at(s: &Sentence, j: usize) -> Option<Int> {
    let t = s.num(j)?;
    if !t.bytes().all(|b| b.is_ascii_digit()) || t.len() > 4 {
        return None;
    }
    Some(Int {
        value: t.parse().ok()?,
        width: t.len(),
        end: j + 1,
    })
}

fn ymd(
    i: usize,
    end: usize,
    y: i32,
    m: u32,
    d: u32,
    note: Option<&'static str>,
) -> Option<DateHit> {
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let mut h = hit(
        i,
        end,
        FigureKind::Date,
        cal(Some(Year::Abs(y)), Some(m), Some(d)),
    );
    h.note = note;
    Some(h)
}

fn relative(s: &Sentence, i: usize) -> Option<DateHit> {
    let w = s.word(i)?;
    let day = |n, end| Some(hit(i, end, FigureKind::Date, When::Day(n)));
    match w {
        "tomorrow" => return day(1, i + 1),
        "yesterday" => return day(-1, i + 1),
        "today" | "now" => {
            let mut h = hit(i, i + 1, FigureKind::Date, When::Day(0));
            h.weak = true;
            return Some(h);
        }
        "the" | "next"
            if s.is(i + 1, "next") && s.is(i + 2, "day") || w == "next" && s.is(i + 1, "day") =>
        {
            let end = if w == "the" { i + 3 } else { i + 2 };
            let mut h = hit(i, end, FigureKind::Date, When::Day(1));
            h.note = Some(
                "'the next day' may count from the events told rather than from the article's date",
            );
            return Some(h);
        }
        "the" if s.is(i + 1, "day") && s.is_any(i + 2, &["after", "before"]) => {
            let next = if s.is(i + 2, "after") { 1 } else { -1 };
            let target = if next > 0 { "tomorrow" } else { "yesterday" };
            if s.is(i + 3, target) {
                return day(2 * next, i + 4);
            }
        }
        _ => {}
    }
    // "early next year", "later this month", "late last week".
    let (at, _modifier) = match w {
        "early" | "late" | "later" | "earlier" | "mid" => (i + 1, Some(w)),
        _ => (i, None),
    };
    if let Some((unit, off, end)) = relative_period_at(s, at) {
        let when = match unit {
            "year" => cal(Some(Year::Rel(off)), None, None),
            "month" => When::Month(off),
            "week" => When::Week(off),
            "weekend" => When::Weekend(off),
            _ => return None,
        };
        // "this week Friday", "last week Sunday".
        if unit == "week" {
            if let Some((d, e)) = weekday_at(s, end) {
                return Some(hit(
                    i,
                    e,
                    FigureKind::Date,
                    When::Weekday {
                        day: d,
                        part: None,
                        week: Some(off),
                    },
                ));
            }
        }
        // The bare period after "the" is a duration ("the past year"), not a date.
        if at == i && i > 0 && s.is(i - 1, "the") && s.is_any(i, &["past", "last", "previous"]) {
            return None;
        }
        return Some(hit(i, end, FigureKind::Date, when));
    }
    // "rest of the week", "rest of this month", "rest the week".
    if w == "rest" {
        let mut k = i + 1;
        if s.is(k, "of") {
            k += 1;
        }
        if s.is_any(k, &["the", "this", "my"]) {
            k += 1;
        }
        let unit = match s.word(k) {
            Some("week") => "week",
            Some("month") => "month",
            Some("year") => "year",
            _ => return None,
        };
        return Some(hit(i, k + 1, FigureKind::Date, When::Rest(unit)));
    }
    // "the weekend", "this weekend", "next weekend".
    if let Some(off) = match w {
        "the" | "my" | "this" => Some(0),
        "next" | "coming" => Some(1),
        "last" | "past" => Some(-1),
        _ => None,
    } {
        if s.is(i + 1, "weekend") {
            return Some(hit(i, i + 2, FigureKind::Date, When::Weekend(off)));
        }
    }
    // "expected to last five months": the verb, before a duration.
    if w == "last" && i > 0 && s.is_any(i - 1, LAST_AS_VERB) {
        return None;
    }
    // "next 3 days", "past 3 weeks", "last 3year", "past few days".
    if let Some(dir) = match w {
        "next" | "coming" => Some(1),
        "past" | "last" | "previous" => Some(-1),
        _ => None,
    } {
        let (n, k) = match number_at(s, i + 1) {
            Some(n) if !n.ordinal && n.value.fract() == 0.0 && n.value >= 1.0 => {
                (Some(n.value as i32), n.end)
            }
            _ if s.is_any(i + 1, &["few", "several"]) => (None, i + 2),
            _ => return None,
        };
        let unit = match s.word(k) {
            Some("day" | "days") => "day",
            Some("week" | "weeks") => "week",
            Some("month" | "months") => "month",
            Some("year" | "years") => "year",
            _ => return None,
        };
        let when = match n {
            Some(n) => When::Period(dir * n, unit),
            None => When::Rest("vague"),
        };
        return Some(hit(i, k + 1, FigureKind::Date, when));
    }
    // "the week of September 15th", "the week commencing February 4", "w/c feb 4".
    let (k, lead) = if w == "w" && s.ch(i + 1) == Some('/') && s.is(i + 2, "c") {
        (i + 3, true)
    } else {
        let at = if w == "the" { i + 1 } else { i };
        if s.is(at, "week") && s.is_any(at + 1, &["of", "commencing", "beginning", "starting"]) {
            let k = at + 2;
            (if s.is(k, "on") { k + 1 } else { k }, true)
        } else {
            (i, false)
        }
    };
    if lead {
        if let Some(d) = month_led(s, k).or_else(|| day_led(s, k)) {
            if let When::Cal { day: Some(_), .. } = d.when {
                return Some(hit(i, d.end, FigureKind::Date, d.when));
            }
        }
    }
    // "week 10".
    if w == "week" && !s.attached(i + 1) {
        if let Some(n) = s.num(i + 1).and_then(|t| t.parse::<u32>().ok()) {
            if (1..=53).contains(&n) && s.num(i + 1).is_some_and(|t| t.len() <= 2) {
                return Some(hit(
                    i,
                    i + 2,
                    FigureKind::Date,
                    When::Timex(format!("XXXX-W{n:02}")),
                ));
            }
        }
    }
    None
}

/// Quarters, halves and seasons: "Q3", "Q1 2016", "2016 H2", "the third quarter of 2016",
/// "summer of 2016", "next spring".
fn quarter(s: &Sentence, i: usize) -> Option<DateHit> {
    let season = |w: &str| match w {
        "spring" => Some("SP"),
        "summer" => Some("SU"),
        "autumn" => Some("FA"),
        "winter" => Some("WI"),
        _ => None,
    };
    let year_of = |j: usize| -> (Option<i32>, usize) {
        let k = if s.is(j, "of") { j + 1 } else { j };
        match year_at(s, k) {
            Some((y, e)) => (Some(y), e),
            None => (None, j),
        }
    };
    let timex = |y: Option<i32>, p: String| match y {
        Some(y) => format!("{y}-{p}"),
        None => format!("XXXX-{p}"),
    };
    let raw = s.raw(i);
    // "Q3", "H1" (as written, capital letter and digit).
    if raw.len() == 1 && matches!(raw, "Q" | "H") && s.attached(i + 1) {
        let n: u32 = s.num(i + 1)?.parse().ok()?;
        let max = if raw == "Q" { 4 } else { 2 };
        if !(1..=max).contains(&n) {
            return None;
        }
        let (y, e) = year_of(i + 2);
        if let (None, Some(("year", off, e2))) = (y, relative_period_at(s, i + 2)) {
            return Some(hit(
                i,
                e2,
                FigureKind::Date,
                When::InYear(off, format!("{raw}{n}")),
            ));
        }
        return Some(hit(
            i,
            e,
            FigureKind::Date,
            When::Timex(timex(y, format!("{raw}{n}"))),
        ));
    }
    // "2016 H2".
    if let Some((y, e)) = year_at(s, i) {
        let r = s.raw(e);
        if matches!(r, "Q" | "H") && s.num(e + 1).is_some() && s.attached(e + 1) {
            let n: u32 = s.num(e + 1)?.parse().ok()?;
            return Some(hit(
                i,
                e + 2,
                FigureKind::Date,
                When::Timex(format!("{y}-{r}{n}")),
            ));
        }
    }
    // "the third quarter of 2016", "the first half of 2025".
    let at = if s.is(i, "the") { i + 1 } else { i };
    if let Some(n) = number_at(s, at).filter(|n| n.ordinal && n.value <= 4.0) {
        let mut k = n.end;
        if s.dash(k) {
            k += 1;
        }
        let p = match s.word(k) {
            Some("quarter") => "Q",
            Some("half") if n.value <= 2.0 => "H",
            Some("week") => "W",
            _ => return None,
        };
        let (y, e) = year_of(k + 1);
        // "the third quarter this year", "the first week of this month", "the first week of Oct".
        let after = if s.is(k + 1, "of") { k + 2 } else { k + 1 };
        if y.is_none() {
            if let Some((unit, off, e2)) = relative_period_at(s, after) {
                let part = format!("{p}{}", n.value as u32);
                let when = match unit {
                    "year" => When::InYear(off, part),
                    "month" if p == "W" => When::Timex(format!("XXXX-XX-{part}")),
                    _ => return None,
                };
                return Some(hit(i, e2, FigureKind::Date, when));
            }
            if p == "W" {
                let (m, e2, _) = month_at(s, after)?;
                let t = format!("XXXX-{m:02}-W{:02}", n.value as u32);
                return Some(hit(i, e2, FigureKind::Date, When::Timex(t)));
            }
        }
        // Without a year, "the third quarter" may be of a match or a century.
        y?;
        return Some(hit(
            i,
            e,
            FigureKind::Date,
            When::Timex(timex(y, format!("{p}{}", n.value as u32))),
        ));
    }
    // Seasons.
    let (rel, at) = match s.word(i).and_then(relative_word) {
        Some(off) => (Some(off), i + 1),
        None => (None, i),
    };
    let code = season(s.word(at)?)?;
    let (y, e) = year_of(at + 1);
    if rel.is_none()
        && y.is_none()
        && !(i > 0 && s.is_any(i - 1, &["in", "this", "the", "next", "last"]))
    {
        return None;
    }
    let when = match (rel, y) {
        (Some(off), None) => When::InYear(off, code.to_string()),
        _ => When::Timex(timex(y, code.to_string())),
    };
    Some(hit(i, e, FigureKind::Date, when))
}

/// Times of day: "7:56 pm", "7pm", "12:34:20", "7 o'clock", "noon", "half past eight",
/// "8 in the morning", "at 7".
pub fn time_at(s: &Sentence, i: usize) -> Option<DateHit> {
    let w = s.word(i);
    let fixed =
        |end: usize, t: &str| Some(hit(i, end, FigureKind::Time, When::Timex(t.to_string())));
    match w {
        Some("noon" | "midday") => return fixed(i + 1, "T12:00"),
        Some("midnight") => return fixed(i + 1, "T00:00"),
        Some("mid") if s.is(i + 1, "night") => return fixed(i + 2, "T00:00"),
        Some("mid") if s.dash(i + 1) && s.is(i + 2, "day") => return fixed(i + 3, "T12:00"),
        Some("mid") => {
            let k = if s.dash(i + 1) { i + 2 } else { i + 1 };
            if let Some(p) = s.word(k).and_then(part_of_day) {
                return fixed(k + 1, &format!("T{p}"));
            }
        }
        Some("midafternoon") => return fixed(i + 1, "TAF"),
        Some("midmorning") => return fixed(i + 1, "TMO"),
        _ => {}
    }
    // "in the afternoon at 7", "afternoon 7:00", "in the night five thirty", "lunchtime 12 o'clock".
    let (start, at, part) = {
        let (k, lead) = if s.is(i, "in") && s.is(i + 1, "the") {
            (i + 2, true)
        } else {
            (i, false)
        };
        match s.word(k).and_then(part_of_day) {
            Some(p) => {
                let k2 = if s.is(k + 1, "at") { k + 2 } else { k + 1 };
                (i, k2, Some(p))
            }
            None if s.is(k, "lunchtime") && !lead => (i, k + 1, Some("AF")),
            None => (i, i, None),
        }
    };
    if at > start {
        let t = clock_at(s, at, true)?;
        return Some(hit(
            start,
            t.0,
            FigureKind::Time,
            When::Timex(timex_clock(t.1, t.2, t.3, part)),
        ));
    }
    // "half past eight", "quarter to 8", "30 mins past eight", "three minutes to eight".
    let (k, minutes) = if s.is(i, "half") {
        (i + 1, 30i32)
    } else if s.is(i, "quarter") {
        (i + 1, 15)
    } else if s.is(i, "a") && s.is(i + 1, "quarter") {
        (i + 2, 15)
    } else if let Some(n) =
        number_at(s, i).filter(|n| n.value < 60.0 && n.value.fract() == 0.0 && !n.ordinal)
    {
        if s.is_any(n.end, &["minutes", "minute", "mins", "min"]) {
            (n.end + 1, n.value as i32)
        } else if s.is(n.end, "past") {
            // "20 past", "twenty past".
            (n.end, n.value as i32)
        } else {
            (i, -1)
        }
    } else {
        (i, -1)
    };
    if minutes >= 0 && k > i && s.is_any(k, &["past", "to"]) {
        let past = s.is(k, "past");
        if let Some((end, h, _, _)) = clock_at(s, k + 1, true) {
            let (h, m) = if past {
                (h, minutes as u32)
            } else {
                ((h + 23) % 24, (60 - minutes) as u32)
            };
            let (end, part) = part_after(s, end);
            return Some(hit(
                i,
                end,
                FigureKind::Time,
                When::Timex(timex_clock(h, m, None, part)),
            ));
        }
    }
    // "0950 GMT", "2230GMT", "1400 hours", "1700 local time": the 24-hour clock.
    if let Some(v) = number_at(s, i)
        .filter(|n| n.width == 4)
        .and_then(|n| n.plain)
    {
        let (h, m) = (v / 100, v % 100);
        let end = zone_after(s, i + 1).or_else(|| {
            // "from 0800 to 1800GMT": the first time takes the zone of the second.
            let from = i > 0 && s.is_any(i - 1, &["from", "between"]);
            let zone_follows = s.is_any(i + 1, &["to", "and"])
                && number_at(s, i + 2).is_some_and(|n| n.width == 4)
                && s.is_any(i + 3, CLOCK_ZONES);
            (from && zone_follows).then_some(i + 1)
        });
        if let Some(end) = end.filter(|_| h < 24 && m < 60) {
            return fixed(end, &timex_clock(h, m, None, None));
        }
    }
    let (end, h, m, sec) = clock_at(s, i, false)?;
    let explicit = end > i + 1 || s.word(end - 1).is_some();
    let (end2, part) = part_after(s, end);
    // A bare number is a time only after "at" ("back at 7"), before "o'clock" or with a
    // part of the day after it.
    if !explicit && part.is_none() {
        let at_before = i > 0 && s.is(i - 1, "at") && s.word(end).is_none() && s.num(end).is_none();
        if !at_before || s.ch(end).is_some_and(|c| c == '%') {
            return None;
        }
    }
    Some(hit(
        i,
        zone_after(s, end2).unwrap_or(end2),
        FigureKind::Time,
        When::Timex(timex_clock(h, m, sec, part)),
    ))
}

/// The end of a time zone or "local time" at `k`, after a time ("0950 GMT", "06:41 GMT").
fn zone_after(s: &Sentence, k: usize) -> Option<usize> {
    if s.is_any(k, CLOCK_ZONES) {
        Some(k + 1)
    } else {
        (s.is(k, "local") && s.is(k + 1, "time")).then_some(k + 2)
    }
}

/// Words after a four-digit 24-hour time: time zones, and "hours".
const CLOCK_ZONES: &[&str] = &[
    "gmt", "bst", "utc", "cet", "cest", "est", "edt", "pst", "pdt", "hours", "hrs",
];

/// "in the morning", "in the evening", "afternoon" after a clock time.
fn part_after(s: &Sentence, j: usize) -> (usize, Option<&'static str>) {
    if s.is(j, "in") && s.is(j + 1, "the") {
        if let Some(p) = s.word(j + 2).and_then(part_of_day) {
            return (j + 3, Some(p));
        }
    }
    if let Some(p) = s.word(j).and_then(part_of_day) {
        return (j + 1, Some(p));
    }
    (j, None)
}

fn timex_clock(h: u32, m: u32, sec: Option<u32>, part: Option<&str>) -> String {
    let h = match part {
        Some("AF" | "EV" | "NI") if h < 12 && h != 0 => h + 12,
        _ => h,
    };
    match sec {
        Some(sec) => format!("T{h:02}:{m:02}:{sec:02}"),
        None => format!("T{h:02}:{m:02}"),
    }
}

/// A clock reading at `j`: "7", "7:56", "7:56:35 pm", "7pm", "7 p.m.", "340pm", "9.am",
/// "8.10 pm", "seven thirty five pm", "7 o'clock", "11ish". Returns (end, hour, minute, second).
fn clock_at(s: &Sentence, j: usize, words_ok: bool) -> Option<(usize, u32, u32, Option<u32>)> {
    let n = number_at(s, j)?;
    if n.ordinal {
        return None;
    }
    let mut end = n.end;
    let (h, mut m, mut sec);
    m = 0;
    sec = None;
    if let Some(t) = s.num(j).filter(|_| !n.words) {
        // One piece only: "4/5" and "12.32e+14" are numbers, not clock readings.
        if n.end != j + 1 {
            return None;
        }
        if let Some((a, b)) = t.split_once('.') {
            // "8.10 pm": the dot is a clock's only with am/pm after it.
            h = a.parse().ok()?;
            m = b.parse().ok()?;
            if b.len() != 2 {
                return None;
            }
            ampm(s, end)?;
        } else if t.len() >= 3 && t.len() <= 4 {
            // "340pm", "1140 a m": needs am/pm after.
            let v: u32 = t.parse().ok()?;
            h = v / 100;
            m = v % 100;
            ampm(s, end)?;
        } else {
            h = t.parse().ok()?;
        }
        if s.ch(end) == Some(':') && s.attached(end) {
            let mm = s.num(end + 1)?;
            m = mm.parse().ok()?;
            end += 2;
            if s.ch(end) == Some(':') && s.attached(end) {
                sec = Some(s.num(end + 1)?.parse().ok()?);
                end += 2;
            }
        }
    } else {
        // Words: "seven", "seven thirty five", "five thirty".
        if n.value.fract() != 0.0 || n.value > 12.0 || n.value < 1.0 {
            return None;
        }
        h = n.value as u32;
        if let Some(mm) = number_at(s, end).filter(|x| x.words && x.value < 60.0 && x.value >= 10.0)
        {
            m = mm.value as u32;
            end = mm.end;
        }
    }
    if h > 24 || m > 59 || sec.is_some_and(|x| x > 59) {
        return None;
    }
    if s.is(end, "o'clock") || s.is(end, "o’clock") || s.is(end, "ish") && s.attached(end) {
        return Some((end + 1, h, m, sec));
    }
    if let Some((e, pm)) = ampm(s, end) {
        if h > 12 || h == 0 {
            return None;
        }
        let h = match (pm, h) {
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, 12) => 0,
            (false, h) => h,
        };
        return Some((e, h, m, sec));
    }
    // Words alone are no time ("seven" is a number).
    if n.words && end == n.end && !words_ok {
        return None;
    }
    Some((end, h, m, sec))
}

/// "am", "pm", "a.m.", "p. m", "a m", "9a" after "at": (end, is_pm).
fn ampm(s: &Sentence, j: usize) -> Option<(usize, bool)> {
    let w = s.word(j)?;
    match w {
        "am" | "pm" => return Some((j + 1, w == "pm")),
        "a" | "p" => {}
        _ => return None,
    }
    let pm = w == "p";
    let mut k = j + 1;
    if s.ch(k) == Some('.') {
        k += 1;
    }
    if s.is(k, "m") {
        k += 1;
        // The closing dot stays when a sentence goes on after it ("8p.m. should").
        if s.ch(k) == Some('.') {
            k += 1;
        }
        return Some((k, pm));
    }
    // "at 9a.": a lone letter glued to the number.
    (s.attached(j) && j >= 2 && s.is(j - 2, "at")).then_some((j + 1, pm))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Option<(String, When)> {
        let lower = text.to_ascii_lowercase();
        let s = Sentence::new(text, &lower, 0, text.len());
        (0..s.len())
            .find_map(|i| date_at(&s, i))
            .filter(|h| !h.weak)
            .map(|h| {
                let span = s.text_of(h.start..h.end);
                (span.to_string(), h.when)
            })
    }

    macro_rules! case {
        ($input:expr, $span:expr, $when:expr) => {
            assert_eq!(
                find($input),
                Some(($span.to_string(), $when)),
                "{:?}",
                $input
            )
        };
        ($input:expr, None) => {
            assert_eq!(find($input), None, "{:?}", $input)
        };
    }

    fn ymd(y: i32, m: u32, d: u32) -> When {
        cal(Some(Year::Abs(y)), Some(m), Some(d))
    }

    #[test]
    fn calendar_dates() {
        case!(
            "victory on May 9, 1945, Son said",
            "May 9, 1945",
            ymd(1945, 5, 9)
        );
        case!("on 9 May 1945 it", "9 May 1945", ymd(1945, 5, 9));
        case!(
            "in December 2025",
            "December 2025",
            cal(Some(Year::Abs(2025)), Some(12), None)
        );
        case!(
            "took effect in October this year",
            "October this year",
            cal(Some(Year::Rel(0)), Some(10), None)
        );
        case!("signed in May and", "May", cal(None, Some(5), None));
        case!(
            "the January 12 working session",
            "January 12",
            cal(None, Some(1), Some(12))
        );
        case!("back 21/04/2016", "21/04/2016", ymd(2016, 4, 21));
        case!(
            "monday january 12th, 2016",
            "monday january 12th, 2016",
            ymd(2016, 1, 12)
        );
        case!("Are you free on 13.5.2015?", "13.5.2015", ymd(2015, 5, 13));
        case!(
            "due on the 20th of next month.",
            "the 20th of next month",
            When::InMonth(1, MonthDay::Date(20))
        );
        case!(
            "make it the second Monday of this month?",
            "the second Monday of this month",
            When::InMonth(0, MonthDay::Nth { day: 1, n: 2 })
        );
    }

    #[test]
    fn weekdays_and_times() {
        case!(
            "in Moscow on Wednesday afternoon, on",
            "Wednesday afternoon",
            When::Weekday {
                day: 3,
                part: Some("AF"),
                week: None
            }
        );
        case!(
            "on Wednesday and",
            "Wednesday",
            When::Weekday {
                day: 3,
                part: None,
                week: None
            }
        );
        case!("back 7:56pm", "7:56pm", When::Timex("T19:56".into()));
        case!(
            "It's half past eight",
            "half past eight",
            When::Timex("T08:30".into())
        );
        case!("at 7 p.m. on", "7 p.m.", When::Timex("T19:00".into()));
        case!("at 0950 GMT on", "0950 GMT", When::Timex("T09:50".into()));
        case!("by 2230GMT,", "2230GMT", When::Timex("T22:30".into()));
        case!("at 06:41 GMT on", "06:41 GMT", When::Timex("T06:41".into()));
        case!(
            "at 11:11 local time",
            "11:11 local time",
            When::Timex("T11:11".into())
        );
        case!("from 0800 to 1800GMT", "0800", When::Timex("T08:00".into()));
        case!(
            "from 1700 local time",
            "1700 local time",
            When::Timex("T17:00".into())
        );
    }

    #[test]
    fn not_dates() {
        case!("You may go", None);
        case!("Xbox 2 may be unveiled", None);
        case!("the first prize", None);
        case!("Commemorative Events for the 25th Anniversary", None);
        case!("Today, the national interest remains", None);
    }
}
