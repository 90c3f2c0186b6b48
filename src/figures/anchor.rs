//! The article's own date, from the dateline, a date near the top, the caller's reference
//! date or, failing those, the years the article itself gives; and date resolution against it.

use super::calendar::{civil, days, days_in_month, iso, iso_week, parse_iso, weekday};
use super::dates::{MonthDay, When, Year};
use super::lex::Sentence;
use super::{Hit, Reading};
use crate::clean::Cleaned;
use crate::report::{FigureKind, Value};

/// Content sentences counted as "the top" of an article.
const TOP_SENTENCES: usize = 3;

/// Words of a sentence that speaks of what is to come.
const FUTURE: &[&str] = &[
    "will",
    "would",
    "'ll",
    "plan",
    "plans",
    "planned",
    "aim",
    "aims",
    "aimed",
    "expect",
    "expects",
    "expected",
    "forecast",
    "forecasts",
    "target",
    "targets",
    "due",
    "scheduled",
];

/// What the text says about its own date, gathered sentence by sentence.
#[derive(Default)]
pub struct Evidence<'a> {
    sentences: usize,
    top_date: Option<(i32, u32, u32)>,
    years: Vec<i32>,
    /// The latest year after "since": a floor for the years above, no evidence alone.
    since: Option<i32>,
    /// "the 80th anniversary of the Victory in the Great Patriotic War": (80, capitalised words).
    anniversaries: Vec<(i32, Vec<String>)>,
    /// Sentences that give a year, with their years.
    dated: Vec<(&'a str, Vec<i32>)>,
}

impl<'a> Evidence<'a> {
    pub fn read_sentence(&mut self, s: &Sentence<'a>, hits: &[Hit]) {
        self.sentences += 1;
        let mut years = Vec::new();
        let mut future = None;
        for h in hits {
            // A deadline looks ahead ("cuts by 2011"), and so does the time of a plan ("the
            // cable would export power from 2030"): no sign of when the text was written.
            // A start ("since 1992") only says the text is no older.
            let before = |words: &[&str]| h.start > 0 && s.is_any(h.start - 1, words);
            let mut planned = || {
                before(&["in", "from", "to", "after"])
                    && *future.get_or_insert_with(|| (0..s.len()).any(|k| s.is_any(k, FUTURE)))
            };
            let deadline = before(&["by", "until", "till", "before"]) || planned();
            let since = before(&["since"]);
            let whens: Vec<&When> = match &h.reading {
                Reading::When(w) => vec![w],
                Reading::Span(a, _) if h.century => vec![a],
                Reading::Span(a, b) => vec![a, b],
                _ => vec![],
            };
            for w in whens {
                if let When::Cal {
                    year: Some(Year::Abs(y)),
                    month,
                    day,
                } = w
                {
                    if since {
                        self.since = self.since.max(Some(*y));
                    } else if !deadline {
                        years.push(*y);
                    }
                    // The article's own date stands alone or opens its sentence ("October
                    // 15, 2025 — …", "HANOI, Oct. 15 (VNA) –"), not inside a story's events.
                    let opens = h.start <= 3 || s.len() <= 8;
                    if let (Some(m), Some(d), None, true, true) = (
                        month,
                        day,
                        self.top_date,
                        self.sentences <= TOP_SENTENCES,
                        opens,
                    ) {
                        self.top_date = Some((*y, *m, *d));
                    }
                }
            }
            if h.kind == FigureKind::Ordinal && s.is(h.end, "anniversary") {
                if let Reading::Number(n) = h.reading {
                    let mut k = h.end + 1;
                    if s.is(k, "of") {
                        k += 1;
                    }
                    let words: Vec<String> = (k..s.len())
                        .take_while(|&j| s.word(j).is_some() || s.ch(j) == Some('-'))
                        .filter(|&j| s.capitalised(j) && s.raw(j).len() > 3)
                        .map(|j| s.raw(j).to_lowercase())
                        .collect();
                    if !words.is_empty() && self.anniversaries.len() < 4 {
                        self.anniversaries.push((n as i32, words));
                    }
                }
            }
        }
        if !years.is_empty() && self.dated.len() < 200 {
            let first = s.pieces.first().map_or(0, |p| p.start);
            let last = s.pieces.last().map_or(0, |p| p.end);
            self.dated.push((&s.text[first..last], years.clone()));
        }
        self.years.extend(years);
    }
}

/// The date relative expressions are read against, and how sure it is.
pub struct Anchor {
    year: Option<i32>,
    date: Option<(i32, u32, u32)>,
    /// Where the anchor comes from, for notes.
    source: String,
    /// A guess from indirect evidence: values resolved from it are flagged uncertain.
    weak: bool,
    /// The date is the article's own (dateline or top), not the caller's reference: partial
    /// dates ("January 12") take their year from it.
    own: bool,
}

impl Anchor {
    pub fn find(cleaned: &Cleaned, reference: Option<&str>, ev: &Evidence) -> Anchor {
        let full = |date: (i32, u32, u32), source: String, own: bool| Anchor {
            year: Some(date.0),
            date: Some(date),
            source,
            weak: false,
            own,
        };
        if let Some(d) = cleaned
            .dateline
            .as_ref()
            .and_then(|d| d.date.as_deref())
            .and_then(parse_iso)
        {
            return full(d, "the dateline".into(), true);
        }
        if let Some(d) = ev.top_date {
            return full(
                d,
                format!("the date near the top, {}", iso(days(d.0, d.1, d.2))),
                true,
            );
        }
        if let Some(d) = reference.and_then(parse_iso) {
            return full(d, "the reference date".into(), false);
        }
        for (n, words) in &ev.anniversaries {
            let need = words.len().min(2);
            // Lowercased only here: most articles are anchored before it comes to this.
            let found = ev.dated.iter().find(|(sentence, _)| {
                let sentence = sentence.to_lowercase();
                words
                    .iter()
                    .filter(|w| sentence.contains(w.as_str()))
                    .count()
                    >= need
            });
            if let Some((_, years)) = found {
                let base = years.iter().copied().min().unwrap_or(0);
                return Anchor {
                    year: Some(base + n),
                    date: None,
                    source: format!("the {n}th anniversary of an event of {base}"),
                    weak: true,
                    own: false,
                };
            }
        }
        match ev
            .years
            .iter()
            .copied()
            .max()
            .map(|y| y.max(ev.since.unwrap_or(y)))
        {
            Some(y) => Anchor {
                year: Some(y),
                date: None,
                source: format!("the latest year the article gives, {y}"),
                weak: true,
                own: false,
            },
            None => Anchor {
                year: None,
                date: None,
                source: String::new(),
                weak: true,
                own: false,
            },
        }
    }

    /// The value of a date as written: ISO where the text (with the anchor) fixes it,
    /// TIMEX3 with X for what it leaves open, nothing when it needs a date the article
    /// does not give. Returns (value, uncertain, note).
    pub fn resolve(&self, when: &When) -> (Option<Value>, bool, Option<String>) {
        let text = |s: String| Some(Value::Text(s));
        let unanchored = |what: &str| {
            (
                None,
                true,
                Some(format!(
                    "{what}; the article gives no date to read it against"
                )),
            )
        };
        let from = |what: String| Some(format!("{what} (from {})", self.source));
        match when {
            When::Cal { year, month, day } => {
                let (y, note, weak) = match year {
                    Some(Year::Abs(y)) => (Some(*y), None, false),
                    Some(Year::Rel(off)) => match self.year {
                        Some(a) => (
                            Some(a + off),
                            from(format!("year read as {}", a + off)),
                            self.weak,
                        ),
                        // "last April" still names the month.
                        None if month.is_some() => (None, None, false),
                        None => return unanchored("relative year"),
                    },
                    // "January 12" in an article dated 2026-01-14: the year that puts the
                    // date nearest the article's.
                    None => match (self.date.filter(|_| self.own), month) {
                        (Some((ay, am, _)), Some(m)) => {
                            let y = match *m as i32 - am as i32 {
                                d if d > 6 => ay - 1,
                                d if d < -6 => ay + 1,
                                _ => ay,
                            };
                            (Some(y), from(format!("year read as {y}")), false)
                        }
                        _ => (None, None, false),
                    },
                };
                let y_text = y.map_or("XXXX".to_string(), |y| format!("{y:04}"));
                let value = match (month, day) {
                    (Some(m), Some(d)) => {
                        let valid = y.is_none_or(|y| *d <= days_in_month(y, *m)) && *d <= 31;
                        if !valid {
                            return (
                                text(format!("{y_text}-{m:02}-{d:02}")),
                                true,
                                Some("no such day in that month".into()),
                            );
                        }
                        format!("{y_text}-{m:02}-{d:02}")
                    }
                    (Some(m), None) => format!("{y_text}-{m:02}"),
                    (None, Some(d)) => format!("{y_text}-XX-{d:02}"),
                    (None, None) => y_text,
                };
                (text(value), weak, note)
            }
            When::Weekday { day, part, week } => {
                let part = part.map_or(String::new(), |p| format!("T{p}"));
                match (week, self.date) {
                    (Some(off), Some((y, m, d))) if !self.weak => {
                        let today = days(y, m, d);
                        let monday = today - weekday(today) as i64 + 1;
                        let target = monday + 7 * *off as i64 + *day as i64 - 1;
                        (
                            text(format!("{}{part}", iso(target))),
                            false,
                            from("week".into()),
                        )
                    }
                    _ => {
                        let note = self.date.filter(|_| !self.weak).map(|(y, m, d)| {
                            let today = days(y, m, d);
                            let back = (weekday(today) as i64 - *day as i64).rem_euclid(7);
                            format!(
                                "weekday not anchored in the text; probably {} ({} or before)",
                                iso(today - back),
                                self.source
                            )
                        });
                        (text(format!("XXXX-WXX-{day}{part}")), false, note)
                    }
                }
            }
            When::WeekdayDate { weekday: wd, day } => {
                let as_written = text(format!("XXXX-XX-{day:02}"));
                let Some((y, m, d)) = self.date else {
                    return (as_written, false, None);
                };
                let today = days(y, m, d);
                // Within half a year either way; on a tie, the earlier date.
                let nearest = (-6..=6)
                    .map(|off| add_months(y, m, off))
                    .filter(|&(ty, tm)| *day <= days_in_month(ty, tm))
                    .map(|(ty, tm)| days(ty, tm, *day))
                    .filter(|&t| weekday(t) == *wd)
                    .min_by_key(|&t| ((t - today).abs(), t));
                match nearest {
                    Some(t) => (
                        text(iso(t)),
                        self.weak,
                        from("the nearest month where that day falls on that weekday".into()),
                    ),
                    None => (
                        as_written,
                        true,
                        Some(
                            "no month near the article's date has that day on that weekday".into(),
                        ),
                    ),
                }
            }
            When::Shift(n, unit) => {
                if *unit == "year" && n.fract() == 0.0 {
                    return match self.year {
                        Some(y) => {
                            let target = y + *n as i32;
                            (
                                text(format!("{target:04}")),
                                self.weak,
                                from(format!("{} years from {y}", n)),
                            )
                        }
                        None => unanchored("relative date"),
                    };
                }
                let Some((y, m, d)) = self.date else {
                    return unanchored("relative date");
                };
                let today = days(y, m, d);
                let target = match *unit {
                    "day" => today + *n as i64,
                    "week" => today + 7 * *n as i64,
                    "month" | "year" | "decade" | "century" => {
                        months_later(y, m, d, (*n * months_in(unit) as f64) as i64)
                    }
                    _ => return unanchored("relative time"),
                };
                (text(iso(target)), self.weak, from("shifted".into()))
            }
            When::Day(off) => match self.date {
                Some((y, m, d)) => (
                    text(iso(days(y, m, d) + *off as i64)),
                    self.weak,
                    from("relative day".into()),
                ),
                None => unanchored("relative day"),
            },
            When::Week(off) => match self.date {
                Some((y, m, d)) => (
                    text(iso_week(days(y, m, d) + 7 * *off as i64)),
                    self.weak,
                    from("relative week".into()),
                ),
                None => unanchored("relative week"),
            },
            When::Month(off) => match self.date {
                Some((y, m, _)) => {
                    let (ty, tm) = add_months(y, m, *off as i64);
                    (
                        text(format!("{ty:04}-{tm:02}")),
                        self.weak,
                        from("relative month".into()),
                    )
                }
                None => unanchored("relative month"),
            },
            When::InMonth(off, which) => {
                let day_part = match which {
                    MonthDay::Date(d) => format!("{d:02}"),
                    MonthDay::Nth { day, n } => format!("WXX-{day}-#{n}"),
                };
                // Without the article's date, the day as written, as for "the 20th".
                let Some((y, m, _)) = self.date else {
                    return (text(format!("XXXX-XX-{day_part}")), false, None);
                };
                let (ty, tm) = add_months(y, m, *off as i64);
                let first = days(ty, tm, 1);
                let target = match which {
                    MonthDay::Date(d) => first + *d as i64 - 1,
                    MonthDay::Nth { day, n } => {
                        first
                            + (*day as i64 - weekday(first) as i64).rem_euclid(7)
                            + 7 * (*n as i64 - 1)
                    }
                };
                if civil(target).1 != tm {
                    return (
                        text(format!("{ty:04}-{tm:02}-{day_part}")),
                        true,
                        Some("no such day in that month".into()),
                    );
                }
                (text(iso(target)), self.weak, from("relative month".into()))
            }
            When::Timex(t) => (text(t.clone()), false, None),
            When::InYear(off, part) => match self.year {
                Some(y) => (
                    text(format!("{:04}-{part}", y + off)),
                    self.weak,
                    from(format!("year read as {}", y + off)),
                ),
                None => (
                    text(format!("XXXX-{part}")),
                    true,
                    Some("relative year; the article gives no date to read it against".into()),
                ),
            },
            When::Weekend(off) => match self.date.filter(|_| !self.weak) {
                Some((y, m, d)) => (
                    text(format!("{}-WE", iso_week(days(y, m, d) + 7 * *off as i64))),
                    false,
                    from("weekend".into()),
                ),
                None => (text("XXXX-WXX-WE".into()), false, None),
            },
            When::Period(n, unit) => {
                let Some((y, m, d)) = self.date else {
                    return unanchored("relative period");
                };
                let today = days(y, m, d);
                let shifted = shift(today, *n, unit);
                let (a, b) = if *n < 0 {
                    (shifted, today)
                } else {
                    (today + 1, shifted)
                };
                (
                    range(iso(a), iso(b)),
                    self.weak,
                    from("relative period".into()),
                )
            }
            When::Rest(unit) => {
                let Some((y, m, d)) = self.date.filter(|_| *unit != "vague") else {
                    return unanchored("relative period");
                };
                let today = days(y, m, d);
                let end = match *unit {
                    "week" => today + 7 - weekday(today) as i64,
                    "month" => days(y, m, days_in_month(y, m)),
                    _ => days(y, 12, 31),
                };
                (
                    range(iso(today), iso(end)),
                    self.weak,
                    from("rest of the period".into()),
                )
            }
        }
    }
}

fn range(from: String, to: String) -> Option<Value> {
    Some(Value::Range {
        from: Box::new(Value::Text(from)),
        to: Box::new(Value::Text(to)),
    })
}

/// `day` moved by `n` units (day, week, month, year, decade, century), clamping the day of
/// the month ("a month after 31 January" is 28 or 29 February).
fn shift(day: i64, n: i32, unit: &str) -> i64 {
    match unit {
        "day" => day + n as i64,
        "week" => day + 7 * n as i64,
        _ => {
            let (y, m, d) = civil(day);
            months_later(y, m, d, months_in(unit) * n as i64)
        }
    }
}

/// Months in a month, year, decade or century (any other unit counts as a century).
fn months_in(unit: &str) -> i64 {
    match unit {
        "month" => 1,
        "year" => 12,
        "decade" => 120,
        _ => 1200,
    }
}

/// The day `months` after day `d` of month `m` of year `y`, clamped to the end of a
/// shorter month.
fn months_later(y: i32, m: u32, d: u32, months: i64) -> i64 {
    let (ty, tm) = add_months(y, m, months);
    days(ty, tm, d.min(days_in_month(ty, tm)))
}

/// The year and month `months` after month `m` of year `y`.
fn add_months(y: i32, m: u32, months: i64) -> (i32, u32) {
    let total = y as i64 * 12 + (m as i64 - 1) + months;
    (
        total.div_euclid(12) as i32,
        (total.rem_euclid(12) + 1) as u32,
    )
}
