//! Evaluation of the figures stage on the Recognizers-Text English test cases: for each
//! expected result, whether its span is found (extraction) and whether the value and unit
//! match (resolution), per file and overall; cases marked NotSupported are counted apart.
//!
//! For the number files, a number found inside a wider figure with the same value counts as
//! found ("10000" inside "$10000", which the analyser reports as money).
//!
//! Set EVALUATE_MISSES=1 to list every miss on standard error.
//!
//! Each case's input goes through the stage functions (clean, figures::extract) with every
//! line taken as one body sentence, so the score is the figures stage's alone.

use article_analyser::figures::calendar::{days, days_in_month, iso};
use article_analyser::report::{Figure, FigureKind, Role, Sentence, Value};
use article_analyser::{clean, figures};
use serde_json::Value as Json;
use std::path::Path;

/// Counts for one group of expected results.
#[derive(Default, Clone, Copy)]
struct Tally {
    items: usize,
    found: usize,
    resolved: usize,
    /// Items whose file has a resolution to compare.
    checkable: usize,
}

impl Tally {
    /// Counts one expected result: `verdict` is `None` when it was missed, else whether
    /// its value is right (`None` when there is nothing to compare); a missed result
    /// that has a value counts against resolution too.
    fn record(&mut self, verdict: Option<Option<bool>>, expects_value: bool) {
        self.items += 1;
        match verdict {
            Some(checked) => {
                self.found += 1;
                if let Some(ok) = checked {
                    self.checkable += 1;
                    self.resolved += usize::from(ok);
                }
            }
            None => self.checkable += usize::from(expects_value),
        }
    }

    fn add(&mut self, o: Tally) {
        self.items += o.items;
        self.found += o.found;
        self.resolved += o.resolved;
        self.checkable += o.checkable;
    }
    fn pct(n: usize, d: usize) -> String {
        if d == 0 {
            "–".into()
        } else {
            format!("{:.1}", 100.0 * n as f64 / d as f64)
        }
    }
}

/// Runs the figures stage on one input, each line a body sentence.
fn analyse(input: &str, reference: Option<&str>) -> (String, Vec<Figure>) {
    let mut cleaned = clean::clean(input, &[]);
    for p in &mut cleaned.paragraphs {
        p.role = Role::Body;
    }
    let sentences: Vec<Sentence> = cleaned
        .paragraphs
        .iter()
        .enumerate()
        .map(|(n, p)| Sentence::new(p.span, n))
        .collect();
    let figures = figures::extract(&cleaned.text, &[], &sentences, &cleaned, reference);
    (cleaned.text, figures)
}

/// Which kinds may answer an expected result of a file.
fn kinds_for(file: &str) -> &'static [FigureKind] {
    use FigureKind::*;
    if file.contains("TimeExtractor") {
        &[Time]
    } else if file.contains("Duration") {
        &[Duration]
    } else if file.starts_with("DateTime") {
        &[Date, Time, Range, Duration]
    } else {
        &[
            Money, Percent, Cardinal, Ordinal, Quantity, Duration, Range, Date,
        ]
    }
}

/// The ISO code or unit symbol the analyser uses for a Recognizers unit name, and the
/// factor from the gold value to ours (pence are hundredths of a pound).
fn unit_of(file: &str, name: &str) -> Option<(&'static str, f64)> {
    let iso = match name {
        "Dollar" | "United States dollar" => ("USD", 1.0),
        "Cent" => ("USD", 0.01),
        "Euro" => ("EUR", 1.0),
        "Pound" if file.contains("Currency") => ("GBP", 1.0),
        "Pence" => ("GBP", 0.01),
        "British pound" => ("GBP", 1.0),
        "Japanese yen" => ("JPY", 1.0),
        "Chinese yuan" => ("CNY", 1.0),
        "Rupee" => ("INR", 1.0),
        "Canadian dollar" => ("CAD", 1.0),
        "Franc" => ("franc", 1.0),
        "Sen" => ("sen", 1.0),
        "Kilometer" => ("km", 1.0),
        "Meter" => ("m", 1.0),
        "Millimeter" => ("mm", 1.0),
        "Decimeter" => ("dm", 1.0),
        "Picometer" => ("pm", 1.0),
        "Mile" => ("mi", 1.0),
        "Foot" => ("ft", 1.0),
        "Inch" => ("in", 1.0),
        "Barrel" => ("bbl", 1.0),
        "Metric ton" => ("t", 1.0),
        "Pound" => ("lb", 1.0),
        "Ounce" => ("oz", 1.0),
        "Gallon" => ("gal", 1.0),
        "Kilogram" => ("kg", 1.0),
        "Microgram" => ("μg", 1.0),
        "Square meter" => ("m²", 1.0),
        "Cubic foot" => ("ft³", 1.0),
        "Megabyte" => ("MB", 1.0),
        "Bit" => ("bit", 1.0),
        "C" => ("°C", 1.0),
        "F" => ("°F", 1.0),
        "Degree" => ("°", 1.0),
        "Year" => ("year", 1.0),
        "Month" => ("month", 1.0),
        "Week" => ("week", 1.0),
        "Day" => ("day", 1.0),
        _ => return None,
    };
    Some(iso)
}

/// The first day of a TIMEX3 date or period and the day after its last, as Recognizers
/// writes range ends: "2016-11-10" is (2016-11-10, 2016-11-11), "2016-11" (2016-11-01,
/// 2016-12-01), "2016-Q3" (2016-07-01, 2016-10-01), "XXXX-H1" (XXXX-01-01, XXXX-07-01).
fn span_of(t: &str) -> Option<(String, String)> {
    let year = t.get(0..4)?;
    let y: Option<i32> = year.parse().ok();
    if y.is_none() && year != "XXXX" {
        return None;
    }
    let date = |y: Option<i32>, m: u32, d: u32| match y {
        Some(y) => format!("{y:04}-{m:02}-{d:02}"),
        None => format!("XXXX-{m:02}-{d:02}"),
    };
    // The first day of the month `months` after January of year `y`.
    let month_start = |months: u32| date(y.map(|y| y + (months / 12) as i32), months % 12 + 1, 1);
    let rest = &t[4..];
    if rest.is_empty() {
        return Some((month_start(0), month_start(12)));
    }
    let rest = rest.strip_prefix('-')?;
    let (first, length) = match (
        rest.get(..1),
        rest.get(1..).and_then(|n| n.parse::<u32>().ok()),
    ) {
        (Some("Q"), Some(q @ 1..=4)) => (3 * (q - 1), 3),
        (Some("H"), Some(h @ 1..=2)) => (6 * (h - 1), 6),
        _ => {
            let m: u32 = rest
                .get(0..2)?
                .parse()
                .ok()
                .filter(|m| (1..=12).contains(m))?;
            match rest.get(2..) {
                Some("") => (m - 1, 1),
                Some(day) => {
                    let d: u32 = day.strip_prefix('-')?.parse().ok()?;
                    let y = y?;
                    if d == 0 || d > days_in_month(y, m) {
                        return None;
                    }
                    return Some((iso(days(y, m, d)), iso(days(y, m, d) + 1)));
                }
                None => return None,
            }
        }
    };
    Some((month_start(first), month_start(first + length)))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(1.0)
}

/// Whether the figure's value and unit match the expected resolution.
fn resolved(file: &str, f: &Figure, expected: &Json) -> Option<bool> {
    if let Some(value) = expected.get("Value").filter(|v| v.is_object()) {
        // Date parsers: compare with the TIMEX3 value; ranges by their two ends, which
        // Recognizers gives end-exclusive ("(2016-11-08,2016-11-11,P3D)") and the report
        // inclusive (2016-11-08 to 2016-11-10), and a quarter or half year the report
        // writes as one value ("2016-Q3") by its first and next-after-last days. A date
        // resolved in full against the case's reference date is also right when it is the
        // date the case resolves to, though its TIMEX3 leaves parts open ("the first
        // Friday in this month" is "XXXX-11-WXX-5-#1" and resolves to 2016-11-04).
        let timex = value.get("Timex")?.as_str()?;
        let resolves_to = |t: &str| {
            ["FutureResolution", "PastResolution"]
                .iter()
                .filter_map(|k| value.get(*k)?.get("date")?.as_str())
                .any(|d| d == t && !d.starts_with("0001"))
        };
        // A range's TIMEX is "(from,to,duration)".
        let ends = match timex.strip_prefix('(') {
            Some(inner) => {
                let mut parts = inner.split(',');
                Some((parts.next()?, parts.next()?))
            }
            None => None,
        };
        return Some(match (&f.value, ends) {
            (Some(Value::Text(t)), None) => t == timex || resolves_to(t),
            (Some(Value::Text(t)), Some((a, b))) => {
                span_of(t).is_some_and(|(x, y)| x == a && y == b)
            }
            (Some(Value::Range { from, to }), Some((a, b))) => {
                matches!((&**from, &**to), (Value::Text(x), Value::Text(y))
                    if (x == a || span_of(x).is_some_and(|s| s.0 == a))
                        && (y == b || span_of(y).is_some_and(|s| s.1 == b)))
            }
            _ => false,
        });
    }
    let res = expected.get("Resolution")?;
    // Number ranges: "(30,)" is "more than 30", "[20,100]" a closed range.
    if file.contains("Range") {
        let v = res.get("value")?.as_str()?;
        let inner = v.get(1..v.len().saturating_sub(1))?;
        let (lo, hi) = inner.split_once(',')?;
        let (lo, hi) = (lo.trim().parse::<f64>().ok(), hi.trim().parse::<f64>().ok());
        let bound = f.qualifier.as_deref().and_then(figures::bound);
        return Some(match (&f.value, lo, hi) {
            (Some(Value::Range { from, to }), Some(a), Some(b)) => {
                matches!((&**from, &**to), (Value::Number(x), Value::Number(y)) if close(*x, a) && close(*y, b))
            }
            (Some(Value::Number(x)), Some(a), None) => bound == Some(true) && close(*x, a),
            (Some(Value::Number(x)), None, Some(b)) => bound == Some(false) && close(*x, b),
            (Some(Value::Number(x)), Some(a), Some(b)) => a == b && close(*x, a),
            _ => false,
        });
    }
    let want: f64 = match res.get("value")?.as_str() {
        Some(v) => v.trim_end_matches('%').parse().ok()?,
        None => return Some(f.value.is_none()),
    };
    let number = match f.value {
        Some(Value::Number(n)) => n,
        _ => return Some(false),
    };
    if file.starts_with("Number-") {
        let unit_ok = !file.contains("Percent") || f.unit.as_deref() == Some("%");
        return Some(unit_ok && close(number, want));
    }
    let (unit, factor) = match res.get("isoCurrency").and_then(Json::as_str) {
        Some(iso) => (iso, 1.0),
        None => match unit_of(file, res.get("unit")?.as_str()?) {
            Some(u) => u,
            None => return Some(false),
        },
    };
    Some(f.unit.as_deref() == Some(unit) && close(number, want * factor))
}

/// Start and end (exclusive) of an expected result, in characters.
fn expected_span(r: &Json) -> Option<(usize, usize)> {
    let start = r.get("Start")?.as_u64()? as usize;
    if let Some(len) = r.get("Length").and_then(Json::as_u64) {
        return Some((start, start + len as usize));
    }
    Some((start, r.get("End")?.as_u64()? as usize + 1))
}

fn score_file(path: &Path) -> Result<(Tally, Tally), String> {
    let file = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let data = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let cases: Json = serde_json::from_str(&data).map_err(|e| format!("{file}: {e}"))?;
    let kinds = kinds_for(file);
    let (mut supported, mut hard) = (Tally::default(), Tally::default());
    for case in cases.as_array().ok_or(format!("{file}: not a list"))? {
        let input = case["Input"].as_str().unwrap_or("");
        let not_supported =
            case.get("NotSupported").is_some() || case.get("NotSupportedByDesign").is_some();
        let reference = case
            .pointer("/Context/ReferenceDateTime")
            .and_then(Json::as_str)
            .and_then(|d| d.get(..10));
        let (text, found) = analyse(input, reference);
        // Character offsets of each byte, to compare with the expected spans.
        let chars = |byte: usize| text[..byte].chars().count();
        // The recognizers leave qualifiers out of spans ("about $ 14 million"); the
        // analyser keeps them in, so they are skipped here.
        let spans: Vec<(usize, usize, usize, &Figure)> = found
            .iter()
            .map(|f| {
                let skip = f.qualifier.as_deref().map_or(0, |q| {
                    let rest = f.text.get(q.len()..).unwrap_or("");
                    let same = f
                        .text
                        .get(..q.len())
                        .is_some_and(|h| h.eq_ignore_ascii_case(q));
                    if same {
                        f.text.chars().count() - rest.trim_start().chars().count()
                    } else {
                        0
                    }
                });
                (
                    chars(f.span.start),
                    chars(f.span.start) + skip,
                    chars(f.span.end),
                    f,
                )
            })
            .collect();
        let tally = if not_supported {
            &mut hard
        } else {
            &mut supported
        };
        for r in case["Results"].as_array().into_iter().flatten() {
            let Some(span) = expected_span(r) else {
                continue;
            };
            let exact = spans.iter().find(|(s, bare, e, f)| {
                (*s == span.0 || *bare == span.0) && *e == span.1 && kinds.contains(&f.kind)
            });
            // A number inside a wider figure with the same value ("10000" inside "$10000")
            // counts for the number files, which ask for bare numbers.
            let inside = || {
                let want = r
                    .pointer("/Resolution/value")?
                    .as_str()?
                    .parse::<f64>()
                    .ok()?;
                spans.iter().find(|(s, _, e, f)| {
                    *s <= span.0
                        && span.1 <= *e
                        && matches!(f.value, Some(Value::Number(v)) if close(v, want))
                })
            };
            let hit = exact.or_else(|| {
                if file.starts_with("Number-") {
                    inside()
                } else {
                    None
                }
            });
            let show = |why: &str| {
                if std::env::var_os("EVALUATE_MISSES").is_some() {
                    let got: Vec<String> = found
                        .iter()
                        .map(|f| {
                            format!(
                                "{:?} {:?} {}",
                                f.text,
                                f.kind,
                                serde_json::to_string(&f.value).unwrap_or_default()
                            )
                        })
                        .collect();
                    eprintln!(
                        "{file} {why}{}: {input:?} want {} {} got {got:?}",
                        if not_supported { " (NS)" } else { "" },
                        r["Text"],
                        r.get("Resolution")
                            .or(r.get("Value"))
                            .unwrap_or(&Json::Null)
                    );
                }
            };
            let verdict = hit.map(|(_, _, _, f)| resolved(file, f, r));
            match verdict {
                None => show("missed"),
                Some(Some(false)) => show("wrong value"),
                Some(_) => {}
            }
            let expects_value = r.get("Resolution").is_some() || r.get("Value").is_some();
            tally.record(verdict, expects_value);
        }
    }
    Ok((supported, hard))
}

pub fn run(dir: &Path) -> Result<(), String> {
    let files = crate::data_files(dir, "json")?;
    println!("Figures on Recognizers-Text (English): extraction = expected span found; resolution = value and unit right (of all expected results with a resolution).");
    println!();
    println!("| file | results | extraction % | resolution % | NotSupported results | extraction % | resolution % |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    let (mut all, mut all_hard) = (Tally::default(), Tally::default());
    for path in &files {
        let (t, h) = score_file(path)?;
        let name = path.file_stem().and_then(|n| n.to_str()).unwrap_or("");
        print_row(name, &t, &h);
        all.add(t);
        all_hard.add(h);
    }
    print_row("**overall**", &all, &all_hard);
    Ok(())
}

/// One table row: supported cases, then those marked NotSupported.
fn print_row(name: &str, t: &Tally, h: &Tally) {
    println!(
        "| {name} | {} | {} | {} | {} | {} | {} |",
        t.items,
        Tally::pct(t.found, t.items),
        Tally::pct(t.resolved, t.checkable),
        h.items,
        Tally::pct(h.found, h.items),
        Tally::pct(h.resolved, h.checkable),
    );
}

#[cfg(test)]
mod tests {
    use super::{span_of, Tally};

    #[test]
    fn each_result_counts_once_towards_resolution() {
        let mut t = Tally::default();
        t.record(Some(Some(true)), true);
        t.record(Some(Some(false)), true);
        t.record(None, true);
        t.record(None, false);
        t.record(Some(None), false);
        assert_eq!((t.items, t.found, t.checkable, t.resolved), (5, 3, 3, 1));
    }

    #[test]
    fn periods_as_recognizers_writes_their_ends() {
        let span = |t| span_of(t).map(|(a, b)| format!("{a},{b}"));
        assert_eq!(span("2016-11-10").as_deref(), Some("2016-11-10,2016-11-11"));
        assert_eq!(span("2016-02-29").as_deref(), Some("2016-02-29,2016-03-01"));
        assert_eq!(span("2016-12-31").as_deref(), Some("2016-12-31,2017-01-01"));
        assert_eq!(span("2016-11").as_deref(), Some("2016-11-01,2016-12-01"));
        assert_eq!(span("2016-Q4").as_deref(), Some("2016-10-01,2017-01-01"));
        assert_eq!(span("XXXX-H1").as_deref(), Some("XXXX-01-01,XXXX-07-01"));
        assert_eq!(span("2016").as_deref(), Some("2016-01-01,2017-01-01"));
        assert_eq!(span("2015-02-29"), None);
        assert_eq!(span("2016-W45"), None);
        assert_eq!(span("XXXX-WXX-3"), None);
    }
}
