//! Finds person, organisation, location, event and misc names in the content sentences.

pub mod aliases;
pub mod features;
pub mod rules;
pub mod tagger;

use crate::hashing::{FastMap, FastSet};
use crate::report::{Dateline, EntityType, Paragraph, Sentence, Span};
use crate::tokenize::{Token, TokenKind};
use features::{DocumentContext, Features};
use std::cell::Cell;
use std::ops::Range;
use tagger::Model;

/// One name occurrence, before mentions are merged into entities.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub kind: EntityType,
}

/// Name mentions in the title and body sentences, in text order, without overlaps.
pub fn recognise(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    paragraphs: &[Paragraph],
) -> Vec<Mention> {
    // Passages: content sentences, each alone unless the one before ends in an initial or
    // a short abbreviation or the next starts in lower case, so that a wrong break
    // ("P. | Simmons", "Corp. | said") does not cut a name; `first` keeps the breaks.
    let mut passages: Vec<(Range<usize>, Vec<bool>)> = Vec::new();
    let mut last_paragraph = None;
    for (paragraph, inside) in content_sentences(tokens, sentences, paragraphs) {
        if inside.is_empty() {
            continue;
        }
        // The sentence's first word, after any opening quotation marks or brackets: a
        // capital there says little.
        let opening = tokens[inside.clone()]
            .iter()
            .take_while(|t| matches!(t.text(text), "\"" | "“" | "‘" | "'" | "(" | "[" | "«"))
            .count();
        let at = match passages.last_mut() {
            Some((range, first))
                if last_paragraph == Some(paragraph)
                    && range.end == inside.start
                    && (ends_in_abbreviation(text, &tokens[range.clone()])
                        || starts_in_lower_case(
                            text,
                            &tokens[inside.start + opening..inside.end],
                        )) =>
            {
                let at = range.len();
                range.end = inside.end;
                first.resize(range.len(), false);
                at
            }
            _ => {
                passages.push((inside.clone(), vec![false; inside.len()]));
                0
            }
        };
        if let Some((_, first)) = passages.last_mut() {
            first[at] = true;
            if let Some(word) = first.get_mut(at + opening) {
                *word = true;
            }
        }
        last_paragraph = Some(paragraph);
    }
    let words: Vec<Vec<&str>> = passages
        .iter()
        .map(|(range, _)| tokens[range.clone()].iter().map(|t| t.text(text)).collect())
        .collect();
    let (mut features, mut scratch) = WORD_TABLES
        .with(Cell::take)
        .map(|tables| *tables)
        .filter(|(features, _)| features.word_count() < MAX_KEPT_WORDS)
        .unwrap_or_default();
    let ids: Vec<Vec<u32>> = words.iter().map(|w| features.intern(w)).collect();
    let doc = DocumentContext::new(
        &features,
        ids.iter()
            .map(Vec::as_slice)
            .zip(passages.iter().map(|(_, f)| f.as_slice())),
    );
    let mut out = Vec::new();
    let mut tags = Vec::new();
    let mut common_acronyms: FastSet<&str> = FastSet::default();
    for (((range, first), words), ids) in passages.iter().zip(&words).zip(&ids) {
        let passage = &tokens[range.clone()];
        let mut names = Vec::new();
        features.compute(ids, first, &doc, false);
        if let Some(model) = Model::get() {
            model.tag(&features, &mut scratch, &mut tags);
            names = tagger::spans(&tags)
                .into_iter()
                .map(|(s, e, k)| rules::Name {
                    start: s,
                    end: e,
                    kind: KINDS[k],
                    by_rule: false,
                })
                .collect();
        }
        let glued: Vec<bool> = (0..passage.len())
            .map(|i| i > 0 && passage[i - 1].span.end == passage[i].span.start)
            .collect();
        for a in rules::apply(words, &glued, &features, &mut names) {
            common_acronyms.insert(words[a]);
        }
        for n in names {
            let span = Span::new(passage[n.start].span.start, passage[n.end - 1].span.end);
            // "“Four No’s”" keeps its "’s" inside the quotation marks.
            let quoted = words
                .get(n.end)
                .is_some_and(|w| matches!(*w, "”" | "\"" | "»"));
            out.push(Mention {
                span: if quoted {
                    span
                } else {
                    without_possessive(text, span)
                },
                kind: n.kind,
            });
        }
    }
    WORD_TABLES.with(|tables| tables.set(Some(Box::new((features, scratch)))));
    // "official development assistance (ODA)" … "the total ODA": a short form of common
    // words is no name wherever it is written.
    if !common_acronyms.is_empty() {
        out.retain(|m| !common_acronyms.contains(m.span.of(text)));
    }
    out
}

thread_local! {
    /// The features' and the tagger's word tables, kept between analyses on one thread. A
    /// word's own features and their summed weights depend on the word alone, so text
    /// analysed again as it is edited, or a batch of articles, weighs each known word once.
    /// Taken out while in use: a panic midway leaves nothing half-updated behind.
    static WORD_TABLES: Cell<Option<Box<(Features, tagger::Scratch)>>> = const { Cell::new(None) };
}

/// Distinct words the tables keep (a few megabytes) before they start afresh.
const MAX_KEPT_WORDS: usize = 30_000;

/// Entity types of the tagger's types, in [`tagger::TYPES`] order.
const KINDS: [EntityType; 4] = [
    EntityType::Person,
    EntityType::Organisation,
    EntityType::Location,
    EntityType::Misc,
];

/// The dateline's place as a place mention ("HÀ NỘI —", "NAIROBI, March 4 —"), without a
/// news agency after it ("Hanoi (VNA)"), unless a mention already covers it: written in
/// capitals, it is seldom found as a name.
pub fn add_dateline_place(text: &str, dateline: Option<&Dateline>, mentions: &mut Vec<Mention>) {
    let Some(d) = dateline else {
        return;
    };
    let name = d.place.split(['(', ',']).next().unwrap_or("").trim_end();
    if name.is_empty() || !text[d.span.start..].starts_with(name) {
        return;
    }
    let span = Span::new(d.span.start, d.span.start + name.len());
    let at = mentions.partition_point(|m| m.span.end <= span.start);
    if mentions.get(at).is_some_and(|m| m.span.start < span.end) {
        return;
    }
    mentions.insert(
        at,
        Mention {
            span,
            kind: EntityType::Location,
        },
    );
}

/// A name the article writes as a name once is one wherever it is written alone:
/// "Unilever" opening a sentence or the headline, where a capital tells the tagger little.
/// Not where a longer run of capitalised words goes on from it ("Black Friday"), and not a
/// one-word name the article also writes in lower case ("Film", "Ice") or in capitals
/// ("HD", "ID": short forms the tagger seldom misses, and often a common noun's). Each
/// occurrence takes the type the name was given most often.
pub fn add_repeated_names(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    paragraphs: &[Paragraph],
    mentions: &mut Vec<Mention>,
) {
    // Each name by its first word.
    let mut names: FastMap<&str, Vec<Known>> = FastMap::default();
    let mut covered = vec![false; tokens.len()];
    // Mentions and tokens are both in text order: one cursor walks the tokens.
    let mut cursor = 0;
    for m in mentions.iter() {
        // Every token the mention touches: "Japan" of "Japan's" is inside one.
        while cursor < tokens.len() && tokens[cursor].span.end <= m.span.start {
            cursor += 1;
        }
        let mut end = cursor;
        while end < tokens.len() && tokens[end].span.start < m.span.end {
            end += 1;
        }
        let range = cursor..end;
        covered[range.clone()].fill(true);
        let (Some(first), name) = (tokens.get(range.start), m.span.of(text)) else {
            continue;
        };
        if !name.starts_with(char::is_uppercase) {
            continue;
        }
        let first = without_possessive(text, first.span).of(text);
        let entry = names.entry(first).or_default();
        let at = match entry.iter().position(|(n, _, _)| *n == name) {
            Some(at) => at,
            None => {
                let capitals_only = range.len() == 1 && !name.chars().any(char::is_lowercase);
                entry.push((name, range.len(), (!capitals_only).then_some([0; 5])));
                entry.len() - 1
            }
        };
        if let Some(votes) = &mut entry[at].2 {
            votes[kind_index(m.kind)] += 1;
        }
    }
    drop_words_in_lower_case(text, tokens, &mut names);
    let capitalised_word = |i: usize| {
        tokens.get(i).is_some_and(|t| {
            // Most words start with an ASCII lower-case letter: the first byte tells.
            let first = text.as_bytes()[t.span.start];
            t.kind == TokenKind::Word
                && (first.is_ascii_uppercase()
                    || !first.is_ascii() && t.text(text).starts_with(char::is_uppercase))
        })
    };
    let before = mentions.len();
    for (_, inside) in content_sentences(tokens, sentences, paragraphs) {
        for i in inside.clone() {
            if covered[i] || !capitalised_word(i) {
                continue;
            }
            let first = without_possessive(text, tokens[i].span).of(text);
            let Some(candidates) = names.get(first) else {
                continue;
            };
            for &(name, len, votes) in candidates {
                let Some(votes) = votes else {
                    continue;
                };
                let end = i + len;
                if end > inside.end || covered[i..end].iter().any(|&c| c) {
                    continue;
                }
                let span = without_possessive(
                    text,
                    Span::new(tokens[i].span.start, tokens[end - 1].span.end),
                );
                let alone = (i == inside.start || !capitalised_word(i - 1))
                    && (end >= inside.end || !capitalised_word(end));
                if span.of(text) == name && alone {
                    covered[i..end].fill(true);
                    let best = (0..5).max_by_key(|&k| (votes[k], std::cmp::Reverse(k)));
                    mentions.push(Mention {
                        span,
                        kind: EntityType::ALL[best.unwrap_or(0)],
                    });
                    break;
                }
            }
        }
    }
    if mentions.len() > before {
        mentions.sort_by_key(|m| m.span.start);
    }
}

/// A name already found: its text, its token count and its votes by type (none when it is
/// not to be added elsewhere).
type Known<'a> = (&'a str, usize, Option<[usize; 5]>);

/// Marks the one-word names that the text also writes in lower case as not to be added.
fn drop_words_in_lower_case<'a>(
    text: &'a str,
    tokens: &[Token],
    names: &mut FastMap<&'a str, Vec<Known<'a>>>,
) {
    let lower: FastSet<String> = names
        .values()
        .flatten()
        .filter(|(_, len, votes)| *len == 1 && votes.is_some())
        .map(|(name, _, _)| name.to_lowercase())
        .collect();
    // Only words with the first byte and the length of some name are looked up.
    let shape = |w: &str| (w.bytes().next().unwrap_or(0) & 31) as usize * 64 + w.len().min(63);
    let mut shapes = vec![false; 32 * 64];
    for w in &lower {
        shapes[shape(w)] = true;
    }
    let written: FastSet<&str> = tokens
        .iter()
        .map(|t| t.text(text))
        .filter(|w| shapes[shape(w)] && w.starts_with(char::is_lowercase))
        .filter(|w| lower.contains(*w))
        .collect();
    for (name, len, votes) in names.values_mut().flatten() {
        if *len == 1 && written.contains(name.to_lowercase().as_str()) {
            *votes = None;
        }
    }
}

fn kind_index(kind: EntityType) -> usize {
    EntityType::ALL.iter().position(|&k| k == kind).unwrap_or(0)
}

/// The title and body sentences: each one's paragraph and the indices of its tokens.
fn content_sentences<'a>(
    tokens: &'a [Token],
    sentences: &'a [Sentence],
    paragraphs: &'a [Paragraph],
) -> impl Iterator<Item = (usize, Range<usize>)> + 'a {
    sentences
        .iter()
        .filter(|s| {
            paragraphs
                .get(s.paragraph)
                .is_some_and(|p| p.role.is_content())
        })
        .map(|s| (s.paragraph, token_range(tokens, s.span)))
}

/// Indices of the tokens inside `span` (tokens are sorted and do not overlap).
fn token_range(tokens: &[Token], span: Span) -> Range<usize> {
    let start = tokens.partition_point(|t| t.span.start < span.start);
    let end = tokens.partition_point(|t| t.span.end <= span.end);
    start..end.max(start)
}

/// Whether a sentence ends in "P." or "Mr.": a likely wrong break before a name.
fn ends_in_abbreviation(text: &str, tokens: &[Token]) -> bool {
    let [.., word, dot] = tokens else {
        return false;
    };
    let word = word.text(text);
    dot.text(text) == "."
        && word.chars().next().is_some_and(char::is_uppercase)
        && (word.chars().count() == 1 || ABBREVIATIONS.contains(&word))
}

fn starts_in_lower_case(text: &str, tokens: &[Token]) -> bool {
    tokens
        .first()
        .is_some_and(|t| t.text(text).chars().next().is_some_and(char::is_lowercase))
}

/// Abbreviations inside names or before them.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt",
    "Maj", "Adm", "Rev", "Fr", "Jr", "Sr", "Mt", "Ft", "Messrs", "Inc", "Corp", "Co", "Ltd",
    "Bros", "No", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// "Lam’s" names Lam: a possessive ending is not part of the name.
fn without_possessive(text: &str, span: Span) -> Span {
    let s = span.of(text);
    for suffix in ["’s", "'s"] {
        if s.len() > suffix.len() && s.ends_with(suffix) {
            return Span::new(span.start, span.end - suffix.len());
        }
    }
    span
}

#[cfg(test)]
mod tests {
    fn names(text: &str) -> Vec<String> {
        let analysis = crate::analyse(text, &Default::default()).expect("analysed");
        analysis.entities.iter().map(|e| e.name.clone()).collect()
    }

    #[test]
    fn a_capital_after_an_opening_quote_starts_a_sentence() {
        let text = "It rates countries by \"naming, shaming and faming\". \"Rhetoric and \
                    delivery don't go hand in hand,\" Mr Kok said. \"Smaller, innovative firms \
                    cannot afford the costs,\" she added.";
        let found = names(text);
        assert!(found.iter().any(|n| n == "Kok"), "{found:?}");
        assert!(
            !found.iter().any(|n| n == "Rhetoric" || n == "Smaller"),
            "{found:?}"
        );
    }

    #[test]
    fn a_short_form_of_common_words_is_no_name_anywhere() {
        let found = names(
            "Japan gave official development assistance (ODA) to Laos. The ODA \
             funded roads, and ODA loans rose.",
        );
        assert!(!found.iter().any(|n| n == "ODA"), "{found:?}");
        assert!(found.iter().any(|n| n == "Laos"), "{found:?}");
    }

    #[test]
    fn a_possessive_people_opens_a_name() {
        let found = names(
            "The Hà Nội People's Committee met on Monday, while the People's Bank of China \
             cut rates and Morocco's Hicham El Guerrouj ran.",
        );
        for name in [
            "Hà Nội People's Committee",
            "People's Bank of China",
            "Hicham El Guerrouj",
        ] {
            assert!(found.iter().any(|n| n == name), "{name} in {found:?}");
        }
    }

    #[test]
    fn names_do_not_depend_on_earlier_articles() {
        let article = "Bùi Thanh Sơn met Alexander Novak in Moscow. Sơn thanked Novak.";
        let fresh = names(article);
        names("Arsenal beat Manchester United at Old Trafford on Sunday, Arsene Wenger said.");
        assert_eq!(names(article), fresh);
        assert!(fresh.iter().any(|n| n == "Alexander Novak"), "{fresh:?}");
    }

    /// The mentions `add_repeated_names` gives `text` when the last occurrences of the
    /// `given` words are names.
    fn repeated(text: &str, given: &[(&str, super::EntityType)]) -> Vec<(String, String)> {
        let cleaned = crate::clean::clean(text, &[]);
        let text = cleaned.text.as_str();
        let tokens = crate::tokenize::tokenize(text);
        let sentences = crate::sentences::split(text, &tokens, &cleaned.paragraphs);
        let mut mentions: Vec<super::Mention> = given
            .iter()
            .map(|&(name, kind)| {
                let at = text.rfind(name).expect(name);
                super::Mention {
                    span: super::Span::new(at, at + name.len()),
                    kind,
                }
            })
            .collect();
        mentions.sort_by_key(|m| m.span.start);
        super::add_repeated_names(
            text,
            &tokens,
            &sentences,
            &cleaned.paragraphs,
            &mut mentions,
        );
        mentions
            .iter()
            .map(|m| (m.span.of(text).to_string(), m.kind.code().to_string()))
            .collect()
    }

    #[test]
    fn a_name_is_a_name_wherever_it_is_written_alone() {
        use super::EntityType::*;
        let found = repeated(
            "Analysts said Unilever's results were good. Unilever also raised its outlook, \
             and Unilever Foods grew. Sales at Unilever rose.",
            &[("Unilever", Organisation)],
        );
        let names: Vec<(&str, &str)> = found
            .iter()
            .map(|(n, k)| (n.as_str(), k.as_str()))
            .collect();
        // Not inside a longer capitalised run ("Unilever Foods").
        assert_eq!(
            names,
            [
                ("Unilever", "ORG"),
                ("Unilever", "ORG"),
                ("Unilever", "ORG")
            ]
        );
        // A word also written in lower case, and capitals only, stay where the tagger put
        // them.
        let found = repeated(
            "Ice skaters came to the show Holiday on Ice. The ice was thin. HD films need \
             more HD sets.",
            &[("Ice", Misc), ("HD", Organisation)],
        );
        assert_eq!(found.len(), 2, "{found:?}");
    }
}
