//! Acceptance tests on the two sample articles against their hand annotations
//! (`tests/fixtures/*.gold.json`): entity clusters, boilerplate roles, the summary and
//! the quotes.

use article_analyser::report::{Analysis, EntityType, OffsetUnit, QuoteKind, Role};
use article_analyser::{analyse, Options};
use serde_json::Value;

const ARTICLES: [&str; 2] = ["000_3b198d256c4268c6", "001_11ed6b5093b87bb0"];

struct Article {
    name: &'static str,
    text: String,
    gold: Value,
    report: Analysis,
}

fn load(name: &'static str) -> Article {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");
    let text = std::fs::read_to_string(format!("{dir}{name}.txt")).unwrap();
    let gold =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}{name}.gold.json")).unwrap())
            .unwrap();
    let options = Options {
        offsets: OffsetUnit::Byte,
        ..Options::default()
    };
    let report = analyse(&text, &options).unwrap();
    Article {
        name,
        text,
        gold,
        report,
    }
}

fn articles() -> impl Iterator<Item = Article> {
    ARTICLES.into_iter().map(load)
}

fn gold_type(code: &str) -> EntityType {
    EntityType::ALL
        .into_iter()
        .find(|t| t.code() == code)
        .unwrap()
}

fn role_at(report: &Analysis, start: usize, end: usize) -> Option<Role> {
    report
        .paragraphs
        .iter()
        .find(|p| p.span.start <= start && end <= p.span.end)
        .map(|p| p.role)
}

/// Every gold cluster whose aliases all land in one entity of the right type. An alias
/// that only occurs inside a longer name ("UN" in "UN Charter") has no mention of its own
/// (`mentions_by_alias` 0), so it cannot be a surface form of its own entity.
fn found_clusters(a: &Article) -> (Vec<String>, Vec<String>) {
    let mut found = Vec::new();
    let mut missed = Vec::new();
    for cluster in a.gold["entities"].as_array().unwrap() {
        let canonical = cluster["canonical"].as_str().unwrap().to_string();
        let kind = gold_type(cluster["type"].as_str().unwrap());
        let aliases: Vec<&str> = cluster["aliases"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .filter(|alias| cluster["mentions_by_alias"][alias].as_u64() != Some(0))
            .collect();
        let hit = a.report.entities.iter().any(|e| {
            e.kind == kind
                && aliases
                    .iter()
                    .all(|alias| e.aliases.iter().any(|x| x == alias))
        });
        if hit {
            found.push(canonical);
        } else {
            missed.push(format!("{canonical} ({kind:?}: {aliases:?})"));
        }
    }
    (found, missed)
}

#[test]
fn every_person_organisation_and_place_is_found_typed_and_merged() {
    for a in articles() {
        let (_, missed) = found_clusters(&a);
        let key_missed: Vec<&String> = missed
            .iter()
            .filter(|m| {
                m.contains("(Person") || m.contains("(Organisation") || m.contains("(Location")
            })
            .collect();
        assert!(
            key_missed.is_empty(),
            "{}: PER/ORG/LOC clusters not found or not merged: {key_missed:#?}",
            a.name
        );
    }
}

#[test]
fn at_least_nine_in_ten_clusters_are_found() {
    let (mut found, mut total) = (0, 0);
    let mut all_missed = Vec::new();
    for a in articles() {
        let (f, missed) = found_clusters(&a);
        found += f.len();
        total += f.len() + missed.len();
        all_missed.extend(missed);
    }
    assert!(
        found * 10 >= total * 9,
        "{found}/{total} clusters found; missed: {all_missed:#?}"
    );
}

#[test]
fn every_boilerplate_line_has_a_non_body_role() {
    for a in articles() {
        for item in a.gold["boilerplate"].as_array().unwrap() {
            let snippet = item["text"].as_str().unwrap();
            let inline = item["scope"] == "inline";
            let occurrences: Vec<usize> = a.text.match_indices(snippet).map(|(i, _)| i).collect();
            assert!(
                !occurrences.is_empty(),
                "{}: {snippet:?} not in the text",
                a.name
            );
            for start in occurrences {
                let end = start + snippet.len();
                let whole_line =
                    a.text[..start].ends_with('\n') && a.text[end..].starts_with(['\n', '\r']);
                if !inline && !whole_line {
                    continue; // the same words inside a longer line
                }
                let role = role_at(&a.report, start, end);
                assert!(
                    role.is_some_and(|r| r != Role::Body && r != Role::Title),
                    "{}: {snippet:?} at {start} has role {role:?}",
                    a.name
                );
            }
        }
    }
}

#[test]
fn title_and_dateline_match_the_annotation() {
    for a in articles() {
        let title = a.report.title.as_ref().map(|t| t.text.as_str());
        assert_eq!(title, a.gold["title"].as_str(), "{}", a.name);
        let place = a.report.dateline.as_ref().map(|d| d.place.as_str());
        assert_eq!(place, a.gold["dateline"].as_str(), "{}", a.name);
    }
}

#[test]
fn body_sentence_count_matches_the_annotation() {
    for a in articles() {
        let body = a
            .report
            .sentences
            .iter()
            .filter(|s| a.report.paragraphs[s.paragraph].role == Role::Body)
            .count();
        assert_eq!(
            body as u64,
            a.gold["stats"]["body_sentences"].as_u64().unwrap(),
            "{}",
            a.name
        );
    }
}

#[test]
fn entity_mentions_and_the_summary_stay_out_of_boilerplate() {
    for a in articles() {
        for e in &a.report.entities {
            for m in &e.mentions {
                // The dateline's place is a mention too ("HANOI —").
                let role = role_at(&a.report, m.start, m.end);
                assert!(
                    role.is_some_and(|r| r.is_content() || r == Role::Dateline),
                    "{}: mention {:?} of {} in {role:?}",
                    a.name,
                    m,
                    e.name
                );
            }
        }
        for &i in &a.report.summary {
            let s = &a.report.sentences[i];
            assert_eq!(
                a.report.paragraphs[s.paragraph].role,
                Role::Body,
                "{}: summary sentence {i}",
                a.name
            );
        }
    }
}

#[test]
fn the_summary_is_three_body_sentences_in_article_order() {
    for a in articles() {
        let summary = &a.report.summary;
        assert_eq!(summary.len(), 3, "{}", a.name);
        assert!(
            summary.windows(2).all(|w| w[0] < w[1]),
            "{}: {summary:?} not in order",
            a.name
        );
        for (i, s) in a.report.sentences.iter().enumerate() {
            assert_eq!(
                s.in_summary,
                summary.contains(&i),
                "{}: in_summary of sentence {i}",
                a.name
            );
        }
    }
}

#[test]
fn quotes_match_the_annotation_with_their_speakers() {
    for a in articles() {
        let got: Vec<(&str, QuoteKind, Option<&str>)> = a
            .report
            .quotes
            .iter()
            .map(|q| {
                let speaker = q.speaker.map(|id| a.report.entities[id].name.as_str());
                (q.span.of(&a.text), q.kind, speaker)
            })
            .collect();
        let want: Vec<(&str, QuoteKind, Option<&str>)> = a.gold["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| {
                let kind = match q["kind"].as_str().unwrap() {
                    "direct_quote" => QuoteKind::Direct,
                    _ => QuoteKind::Phrase,
                };
                (q["text"].as_str().unwrap(), kind, q["speaker"].as_str())
            })
            .collect();
        assert_eq!(got, want, "{}", a.name);
    }
}
