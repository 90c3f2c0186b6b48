//! The name recogniser finds every person, organisation and place of the sample articles
//! (their gold surface forms) with the right type.

use article_analyser::report::EntityType;
use article_analyser::{clean, entities, sentences, tokenize};
use serde_json::Value;

fn kind(code: &str) -> EntityType {
    match code {
        "PER" => EntityType::Person,
        "ORG" => EntityType::Organisation,
        "LOC" => EntityType::Location,
        "EVENT" => EntityType::Event,
        _ => EntityType::Misc,
    }
}

/// Every alias of a gold PER, ORG or LOC entity that has a mention of its own in the body
/// (not only inside a longer name) is recognised at least once with the gold type, and
/// at least 90% of all gold entities (events and misc too) by one of their aliases.
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
    let found_as = |alias: &str, want: EntityType| {
        mentions
            .iter()
            .any(|m| m.kind == want && m.span.of(view) == alias)
    };
    let all = gold["entities"].as_array().unwrap();
    let mut missed_entities = Vec::new();
    for entity in all {
        let want = kind(entity["type"].as_str().unwrap());
        let aliases = entity["aliases"].as_array().unwrap();
        if !aliases.iter().any(|a| found_as(a.as_str().unwrap(), want)) {
            missed_entities.push(entity["canonical"].as_str().unwrap());
        }
    }
    assert!(
        missed_entities.len() * 10 <= all.len(),
        "{name}: {} of {} entities not found: {missed_entities:?}",
        missed_entities.len(),
        all.len()
    );
    let mut missing = Vec::new();
    let mut checked = 0;
    for entity in all {
        let want = kind(entity["type"].as_str().unwrap());
        if !matches!(
            want,
            EntityType::Person | EntityType::Organisation | EntityType::Location
        ) {
            continue;
        }
        for (alias, count) in entity["mentions_by_alias"].as_object().unwrap() {
            if count.as_u64() == Some(0) {
                continue;
            }
            checked += 1;
            if !found_as(alias, want) {
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

/// Names read from `text`, as the recogniser spans them.
fn names(text: &str) -> Vec<String> {
    let cleaned = clean::clean(text, &[]);
    let view = cleaned.text.as_str();
    let tokens = tokenize::tokenize(view);
    let sents = sentences::split(view, &tokens, &cleaned.paragraphs);
    entities::recognise(view, &tokens, &sents, &cleaned.paragraphs)
        .iter()
        .map(|m| m.span.of(view).to_string())
        .collect()
}

#[test]
fn a_possessive_ends_a_name_unless_it_is_a_title() {
    let found = names(
        "Morocco's Hicham El Guerrouj won the race in Athens.\n\n\
         Mike Coleman spoke at the Queen's Club in London.",
    );
    assert!(
        found.contains(&"Hicham El Guerrouj".to_string()),
        "{found:?}"
    );
    assert!(found.iter().any(|n| n.starts_with("Morocco")), "{found:?}");
    assert!(found.contains(&"Queen's Club".to_string()), "{found:?}");
}

#[test]
fn names_newer_than_the_training_news_get_their_types() {
    let analysis = article_analyser::analyse(
        "Sony said on Thursday that sales of its PlayStation Portable rose over Christmas, \
         while Google shares fell and Chelsea beat Arsenal.",
        &Default::default(),
    )
    .expect("analysed");
    let got: Vec<(&str, EntityType)> = analysis
        .entities
        .iter()
        .map(|e| (e.name.as_str(), e.kind))
        .collect();
    use EntityType::*;
    assert_eq!(
        got,
        [
            ("Sony", Organisation),
            ("PlayStation Portable", Misc),
            ("Christmas", Event),
            ("Google", Organisation),
            ("Chelsea", Organisation),
            ("Arsenal", Organisation)
        ],
    );
}

#[test]
fn the_word_lists_know_recent_companies_and_products_and_vietnamese_towns() {
    let analysis = article_analyser::analyse(
        "Shares in Vietcombank rose after OpenAI said ChatGPT would run on the Pixel 10 \
         and Tesla cars. A man died in Quy Nhơn.",
        &Default::default(),
    )
    .expect("analysed");
    let found: Vec<(&str, EntityType)> = analysis
        .entities
        .iter()
        .map(|e| (e.name.as_str(), e.kind))
        .collect();
    for want in [
        ("Vietcombank", EntityType::Organisation),
        ("OpenAI", EntityType::Organisation),
        ("ChatGPT", EntityType::Misc),
        ("Pixel 10", EntityType::Misc),
        ("Tesla", EntityType::Organisation),
        ("Quy Nhơn", EntityType::Location),
    ] {
        assert!(found.contains(&want), "{want:?} in {found:?}");
    }
}

#[test]
fn the_dateline_place_is_a_mention_of_the_place() {
    let analysis = article_analyser::analyse(
        "HÀ NỘI — Việt Nam and Japan met in Hà Nội on Tuesday.",
        &Default::default(),
    )
    .expect("analysed");
    let hanoi = analysis
        .entities
        .iter()
        .find(|e| e.aliases.contains(&"HÀ NỘI".to_string()))
        .expect("the dateline place is an entity");
    assert_eq!(
        (hanoi.name.as_str(), hanoi.kind, hanoi.mentions.len()),
        ("Hà Nội", EntityType::Location, 2)
    );
}
