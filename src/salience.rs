//! Scores how central each entity is to the article, with the reasons, and ranks entities by it.
//!
//! Salience in [0, 1] mixes four signals:
//! - mentions: the count, relative to the most-mentioned entity (log-scaled, so 20
//!   mentions do not dwarf 8);
//! - headline: named in the title;
//! - lede: named in the first body paragraph;
//! - spread: how many quarters of the body it is named in.

use crate::report::{Entity, Paragraph, Role, Sentence, Span};

const W_MENTIONS: f64 = 0.45;
const W_HEADLINE: f64 = 0.2;
const W_LEDE: f64 = 0.2;
const W_SPREAD: f64 = 0.15;

/// The body is cut into this many equal parts to measure spread.
const PARTS: usize = 4;

/// Sets `salience` and `reasons` on every entity, sorts the entities by salience (highest
/// first, then by first mention) and renumbers their ids to match the new order.
pub fn score(
    text: &str,
    entities: &mut [Entity],
    sentences: &[Sentence],
    paragraphs: &[Paragraph],
) {
    let _ = (text, sentences);
    // Paragraphs come in text order, so a binary search finds a mention's paragraph.
    let paragraph_of = |m: Span| -> Option<&Paragraph> {
        let i = paragraphs.partition_point(|p| p.span.start <= m.start);
        i.checked_sub(1)
            .map(|i| &paragraphs[i])
            .filter(|p| p.span.contains(m))
    };
    let lede = paragraphs
        .iter()
        .find(|p| p.role == Role::Body)
        .map(|p| p.span);
    let body_start = lede.map_or(0, |s| s.start);
    let body_end = paragraphs
        .iter()
        .rev()
        .find(|p| p.role == Role::Body)
        .map_or(0, |p| p.span.end);
    let body_len = body_end.saturating_sub(body_start).max(1);

    let most = entities.iter().map(|e| e.mentions.len()).max().unwrap_or(0);
    for e in entities.iter_mut() {
        let count = e.mentions.len();
        let mut in_headline = false;
        let mut in_lede = false;
        let mut parts = [false; PARTS];
        for &m in &e.mentions {
            match paragraph_of(m).map(|p| p.role) {
                Some(Role::Title) => in_headline = true,
                Some(Role::Body) => {
                    in_lede |= lede.is_some_and(|l| l.contains(m));
                    let offset = m.start.saturating_sub(body_start);
                    parts[(offset * PARTS / body_len).min(PARTS - 1)] = true;
                }
                _ => {}
            }
        }
        let spread = parts.iter().filter(|&&p| p).count();
        let mentions = if most == 0 {
            0.0
        } else {
            (1.0 + count as f64).ln() / (1.0 + most as f64).ln()
        };
        let salience = W_MENTIONS * mentions
            + W_HEADLINE * f64::from(u8::from(in_headline))
            + W_LEDE * f64::from(u8::from(in_lede))
            + W_SPREAD * spread as f64 / PARTS as f64;
        // Three decimals are plenty for ranking and keep the JSON readable.
        e.salience = (salience.clamp(0.0, 1.0) * 1000.0).round() / 1000.0;
        e.reasons = reasons(count, in_headline, in_lede, spread);
    }

    let first = |e: &Entity| e.mentions.first().map_or(usize::MAX, |m| m.start);
    entities.sort_by(|a, b| {
        b.salience
            .total_cmp(&a.salience)
            .then_with(|| first(a).cmp(&first(b)))
    });
    for (id, e) in entities.iter_mut().enumerate() {
        e.id = id;
    }
}

fn reasons(count: usize, in_headline: bool, in_lede: bool, spread: usize) -> Vec<String> {
    let mut reasons = vec![match count {
        1 => "1 mention".to_string(),
        n => format!("{n} mentions"),
    }];
    if in_headline {
        reasons.push("in the headline".to_string());
    }
    if in_lede {
        reasons.push("in the first paragraph".to_string());
    }
    match spread {
        PARTS => reasons.push("throughout the text".to_string()),
        2 | 3 => reasons.push(format!("in {spread} of {PARTS} parts of the text")),
        _ => {}
    }
    reasons
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::EntityType;

    /// A title line and body paragraphs, one per line.
    fn paragraphs(text: &str) -> Vec<Paragraph> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, line) in text.split('\n').enumerate() {
            out.push(Paragraph {
                span: Span::new(start, start + line.len()),
                role: if i == 0 { Role::Title } else { Role::Body },
            });
            start += line.len() + 1;
        }
        out
    }

    /// An entity with a mention at every occurrence of `name` in `text`.
    fn entity(text: &str, name: &str) -> Entity {
        Entity {
            id: 99,
            name: name.to_string(),
            kind: EntityType::Person,
            salience: 0.0,
            reasons: Vec::new(),
            aliases: vec![name.to_string()],
            mentions: text
                .match_indices(name)
                .map(|(i, _)| Span::new(i, i + name.len()))
                .collect(),
        }
    }

    fn scored(text: &str, names: &[&str]) -> Vec<Entity> {
        let mut entities: Vec<Entity> = names.iter().map(|n| entity(text, n)).collect();
        score(text, &mut entities, &[], &paragraphs(text));
        entities
    }

    const TEXT: &str = "Novak meets Son in Moscow\n\
        Son held talks with Novak on energy.\n\
        Son said Rosatom was also present.\n\
        Son said trade grew.\n\
        Son thanked Novak and Rosatom.";

    macro_rules! case {
        ($name:expr, $salience:expr, [$($reason:expr),*]) => {{
            let entities = scored(TEXT, &["Moscow", "Rosatom", "Novak", "Son"]);
            let e = entities.iter().find(|e| e.name == $name).unwrap();
            assert!((e.salience - $salience).abs() < 1e-3, "{}: {}", $name, e.salience);
            let want: Vec<&str> = vec![$($reason),*];
            assert_eq!(e.reasons, want, "{}", $name);
        }};
    }

    #[test]
    fn reasons_and_scores() {
        // Son: the most mentions, headline, lede, all four parts.
        case!(
            "Son",
            1.0,
            [
                "5 mentions",
                "in the headline",
                "in the first paragraph",
                "throughout the text"
            ]
        );
        // Rosatom: 2 mentions, in parts 2 and 4 (ln 3 / ln 6 = 0.613).
        case!(
            "Rosatom",
            0.45 * 0.613 + 0.15 * 0.5,
            ["2 mentions", "in 2 of 4 parts of the text"]
        );
        case!(
            "Moscow",
            0.45 * 0.387 + 0.2,
            ["1 mention", "in the headline"]
        );
    }

    #[test]
    fn entities_are_ranked_and_renumbered() {
        let entities = scored(TEXT, &["Moscow", "Rosatom", "Novak", "Son"]);
        let names: Vec<&str> = entities.iter().map(|e| e.name.as_str()).collect();
        // Moscow's headline mention outweighs Rosatom's second mention.
        assert_eq!(names, ["Son", "Novak", "Moscow", "Rosatom"]);
        let ids: Vec<usize> = entities.iter().map(|e| e.id).collect();
        assert_eq!(ids, [0, 1, 2, 3]);
        for e in &entities {
            assert!((0.0..=1.0).contains(&e.salience));
        }
    }

    #[test]
    fn ties_keep_text_order_and_empty_input_is_fine() {
        let text = "Title\nAlpha met Beta.";
        let entities = scored(text, &["Beta", "Alpha"]);
        assert_eq!(entities[0].name, "Alpha");
        assert_eq!(entities[0].salience, entities[1].salience);
        let mut none: Vec<Entity> = Vec::new();
        score("", &mut none, &[], &[]);
        let mut silent = vec![Entity {
            mentions: Vec::new(),
            ..entity("", "x")
        }];
        score("", &mut silent, &[], &[]);
        assert_eq!(silent[0].salience, 0.0);
    }
}
