//! Acceptance test of the figures stage on the two sample articles: every gold figure is
//! found with its kind, value, unit and qualifier (and what it counts, where the gold says),
//! and nothing else is reported in the article body.

use article_analyser::{analyse, report::Figure, Options};
use serde_json::Value as Json;

const ARTICLES: [&str; 2] = ["000_3b198d256c4268c6", "001_11ed6b5093b87bb0"];

fn load(name: &str) -> (String, Json) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");
    let text = std::fs::read_to_string(format!("{dir}{name}.txt")).unwrap();
    let gold = std::fs::read_to_string(format!("{dir}{name}.gold.json")).unwrap();
    (text, serde_json::from_str(&gold).unwrap())
}

/// Whether what a figure counts or measures agrees with the gold `counted`: the same words,
/// or one phrase inside the other ("countries and territories" inside "rank among the
/// countries and territories where Vietnam has investments").
fn same_thing(figure: &Figure, gold: &str) -> bool {
    let gold = gold.to_lowercase();
    [&figure.counted, &figure.subject]
        .into_iter()
        .flatten()
        .any(|c| {
            let c = c.to_lowercase();
            !c.is_empty() && (c == gold || gold.contains(&c) || c.contains(&gold))
        })
}

/// Code-point ranges of the body lines: not the title, not boilerplate, not "See more" and
/// what follows it.
fn body_lines(text: &str, gold: &Json) -> Vec<(usize, usize)> {
    let boiler: Vec<&str> = gold["boilerplate"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["scope"] == "line")
        .filter_map(|b| b["text"].as_str())
        .collect();
    let title = gold["title"].as_str().unwrap_or("");
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let len = line.chars().count();
        let t = line.trim();
        if t == "See more" {
            break;
        }
        if !t.is_empty() && t != title && !boiler.contains(&t) {
            out.push((start, start + len));
        }
        start += len + 1;
    }
    out
}

#[test]
fn every_gold_figure_is_found_and_read_right() {
    let mut problems = Vec::new();
    let mut total = 0;
    for name in ARTICLES {
        let (text, gold) = load(name);
        let report = analyse(&text, &Options::default()).unwrap();
        for g in gold["figures"].as_array().unwrap() {
            total += 1;
            let (start, end) = (
                g["start"].as_u64().unwrap() as usize,
                g["end"].as_u64().unwrap() as usize,
            );
            let label = format!("{name} {:?} at {start}", g["text"].as_str().unwrap());
            let Some(f) = report
                .figures
                .iter()
                .find(|f| f.span.start == start && f.span.end == end)
            else {
                let near: Vec<&str> = report
                    .figures
                    .iter()
                    .filter(|f| f.span.start < end && start < f.span.end)
                    .map(|f| f.text.as_str())
                    .collect();
                problems.push(format!("{label}: not found (overlapping: {near:?})"));
                continue;
            };
            let kind = serde_json::to_value(f.kind).unwrap();
            let value = serde_json::to_value(&f.value).unwrap();
            let unit = serde_json::to_value(&f.unit).unwrap();
            let qualifier = serde_json::to_value(&f.qualifier).unwrap();
            for (what, got, want) in [
                ("kind", &kind, &g["kind"]),
                ("value", &value, &g["value"]),
                ("unit", &unit, &g["unit"]),
                ("qualifier", &qualifier, &g["qualifier"]),
            ] {
                let same = match (got.as_f64(), want.as_f64()) {
                    (Some(a), Some(b)) => (a - b).abs() < 1e-9 * b.abs().max(1.0),
                    _ => got == want,
                };
                if !same {
                    problems.push(format!("{label}: {what} is {got}, gold {want}"));
                }
            }
            if let Some(c) = g["counted"].as_str() {
                if !same_thing(f, c) {
                    problems.push(format!(
                        "{label}: counts {:?} / subject {:?}, gold {c:?}",
                        f.counted, f.subject
                    ));
                }
            }
        }
        // Nothing else in the body: every figure there is a gold figure.
        let body = body_lines(&text, &gold);
        for f in &report.figures {
            let in_body = body
                .iter()
                .any(|&(a, b)| a <= f.span.start && f.span.end <= b);
            let is_gold = gold["figures"].as_array().unwrap().iter().any(|g| {
                g["start"].as_u64() == Some(f.span.start as u64)
                    && g["end"].as_u64() == Some(f.span.end as u64)
            });
            if in_body && !is_gold {
                problems.push(format!(
                    "{name}: extra figure {:?} at {}",
                    f.text, f.span.start
                ));
            }
        }
    }
    assert!(total >= 40, "the fixtures hold {total} gold figures");
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_relative_dates_carry_a_note_on_where_their_year_comes_from() {
    let (text, _) = load("001_11ed6b5093b87bb0");
    let report = analyse(&text, &Options::default()).unwrap();
    let this_year = report
        .figures
        .iter()
        .find(|f| f.text == "this year")
        .unwrap();
    assert!(this_year.uncertain, "the year comes from indirect evidence");
    assert!(
        this_year
            .note
            .as_deref()
            .is_some_and(|n| n.contains("anniversary")),
        "{:?}",
        this_year.note
    );
}
