//! The name recogniser finds every person, organisation and place of the sample articles
//! (their gold surface forms) with the right type.

use article_analyser::report::EntityType;
use article_analyser::{clean, entities, sentences, tokenize};
use serde_json::Value;

fn kind(code: &str) -> Option<EntityType> {
    match code {
        "PER" => Some(EntityType::Person),
        "ORG" => Some(EntityType::Organisation),
        "LOC" => Some(EntityType::Location),
        _ => None,
    }
}

/// Every alias of a gold PER, ORG or LOC entity that has a mention of its own in the body
/// (not only inside a longer name) is recognised at least once with the gold type.
fn check(name: &str) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");
    let text = std::fs::read_to_string(format!("{dir}{name}.txt")).unwrap();
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}{name}.gold.json")).unwrap())
            .unwrap();
    let cleaned = clean::clean(&text, &[]);
    let view = cleaned.text.as_str();
    let tokens = tokenize::tokenize(view);
    let sents = sentences::split(view, &tokens, &cleaned.paragraphs);
    let mentions = entities::recognise(view, &tokens, &sents, &cleaned.paragraphs);
    let mut missing = Vec::new();
    let mut checked = 0;
    for entity in gold["entities"].as_array().unwrap() {
        let Some(want) = kind(entity["type"].as_str().unwrap()) else {
            continue;
        };
        for (alias, count) in entity["mentions_by_alias"].as_object().unwrap() {
            if count.as_u64() == Some(0) {
                continue;
            }
            checked += 1;
            let found = mentions
                .iter()
                .any(|m| m.kind == want && m.span.of(view) == alias);
            if !found {
                let got: Vec<_> = mentions
                    .iter()
                    .filter(|m| m.span.of(view).contains(alias.as_str()))
                    .map(|m| (m.span.of(view), m.kind))
                    .collect();
                missing.push(format!("{alias:?} as {want:?}; overlapping: {got:?}"));
            }
        }
    }
    assert!(checked > 10, "{name}: only {checked} gold names checked");
    assert!(
        missing.is_empty(),
        "{name}: not recognised:\n{}",
        missing.join("\n")
    );
}

#[test]
fn energy_week_article() {
    check("000_3b198d256c4268c6");
}

#[test]
fn energy_partnership_interview() {
    check("001_11ed6b5093b87bb0");
}

#[test]
fn mentions_are_ordered_without_overlaps_and_on_char_boundaries() {
    for text in [
        "",
        "Deputy PM Sơn met Novak.",
        "P. Simmons and M. Butcher of Surrey Corp. said.\n\nVIETNAM BEATS CHINA 2-1",
        "\u{202E}عربي Moscow 🎉 Việt Nam–Russia",
        &"Nguyễn Văn An ".repeat(5000),
    ] {
        let cleaned = clean::clean(text, &[]);
        let view = cleaned.text.as_str();
        let tokens = tokenize::tokenize(view);
        let sents = sentences::split(view, &tokens, &cleaned.paragraphs);
        let mentions = entities::recognise(view, &tokens, &sents, &cleaned.paragraphs);
        for pair in mentions.windows(2) {
            assert!(pair[0].span.end <= pair[1].span.start, "{text:?}");
        }
        for m in &mentions {
            assert!(!m.span.is_empty());
            assert!(view.is_char_boundary(m.span.start) && view.is_char_boundary(m.span.end));
        }
    }
}
