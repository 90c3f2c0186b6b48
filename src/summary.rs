//! Ranks body sentences and picks an extractive summary in article order.
//!
//! A sentence's score mixes four signals, each in [0, 1]:
//! - centrality: TextRank (PageRank over cosine similarity of content-word counts), or,
//!   above [`MAX_GRAPH_SENTENCES`] sentences, similarity to the body's centroid, which is
//!   linear in the text;
//! - position: the lead sentence first, then a gentle decay;
//! - entities: the summed salience of the entities it names;
//! - figures: how many key figures (money, percentages, counts, quantities) it carries.
//!
//! The best sentences are taken greedily, skipping any that repeat one already chosen,
//! and returned in article order. Only `Body` sentences are ever scored or chosen.

use crate::hashing::{text_hash, FastMap, FastSet};
use crate::report::{Entity, Figure, FigureKind, Paragraph, Role, Sentence, Span};
use crate::tokenize::{tokenize, Token, TokenKind};
use std::sync::OnceLock;

/// How long the summary should be.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Length {
    Sentences(usize),
    /// A share of the body's sentences, in (0, 1].
    Ratio(f64),
}

/// Above this many body sentences the O(n²) sentence graph gives way to centroid similarity.
pub const MAX_GRAPH_SENTENCES: usize = 400;

/// Weights of the four signals; they sum to 1 so the score stays in [0, 1].
const W_CENTRALITY: f64 = 0.6;
const W_POSITION: f64 = 0.2;
const W_ENTITIES: f64 = 0.1;
const W_FIGURES: f64 = 0.1;

/// PageRank damping, as in the TextRank paper.
const DAMPING: f64 = 0.85;

/// A candidate whose cosine similarity to a chosen sentence exceeds this repeats it.
const REDUNDANT: f64 = 0.7;

/// Only this many chosen sentences are compared against, so a summary of a huge text
/// stays linear.
const REDUNDANCY_WINDOW: usize = 64;

/// Sentences with fewer content words than this are scaled down: "He agreed." is rarely
/// a summary.
const FULL_LENGTH_WORDS: usize = 4;

static STOPWORDS: OnceLock<FastSet<u64>> = OnceLock::new();

/// The stop words by [`text_hash`]: each term is hashed once, for this test and its id.
fn stopwords() -> &'static FastSet<u64> {
    STOPWORDS.get_or_init(|| {
        include_str!("../data/summary/stopwords.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(text_hash)
            .collect()
    })
}

/// The content words of a sentence, lowercased, without stop words or a possessive 's:
/// what sentence similarity compares.
pub fn terms(sentence: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_term(sentence, &tokenize(sentence), |t, _| {
        out.push(t.to_string())
    });
    out
}

/// Calls `f` with each of [`terms`] of these tokens of `text` in turn, lowercased into
/// one reused buffer, and its [`text_hash`].
fn each_term(text: &str, tokens: &[Token], mut f: impl FnMut(&str, u64)) {
    let stop = stopwords();
    let mut lower = String::new();
    for t in tokens {
        if !matches!(t.kind, TokenKind::Word | TokenKind::Number) {
            continue;
        }
        let word = t.text(text);
        let word = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("’s"))
            .unwrap_or(word);
        if word.is_ascii() {
            lower.clear();
            lower.push_str(word);
            lower.make_ascii_lowercase();
        } else {
            lower = word.to_lowercase();
        }
        let hash = text_hash(&lower);
        if !lower.is_empty() && !stop.contains(&hash) {
            f(&lower, hash);
        }
    }
}

/// A sparse unit vector of term counts, sorted by term id.
type Vector = Vec<(u32, f64)>;

/// The unit vector of a sentence's terms (these tokens of `text`), numbering new terms in
/// `ids` (keyed by [`text_hash`], so that no term is copied); and how many terms the
/// sentence has. `terms` is a reused buffer.
fn unit_vector(
    text: &str,
    tokens: &[Token],
    ids: &mut FastMap<u64, u32>,
    terms: &mut Vec<u32>,
) -> (Vector, usize) {
    terms.clear();
    each_term(text, tokens, |_, hash| {
        let next = ids.len() as u32;
        terms.push(*ids.entry(hash).or_insert(next));
    });
    terms.sort_unstable();
    let mut v: Vector = Vec::new();
    for &id in terms.iter() {
        match v.last_mut() {
            Some((last, count)) if *last == id => *count += 1.0,
            _ => v.push((id, 1.0)),
        }
    }
    let norm = v.iter().map(|(_, c)| c * c).sum::<f64>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|(_, c)| *c /= norm);
    }
    (v, terms.len())
}

fn cosine(a: &Vector, b: &Vector) -> f64 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

/// PageRank over a dense symmetric weight matrix (row-major, n × n, zero diagonal).
/// Rank held by sentences with no edges is spread evenly, so ranks keep summing to 1.
pub fn pagerank(weights: &[f64], n: usize) -> Vec<f64> {
    if n == 0 {
        return Vec::new();
    }
    let out: Vec<f64> = (0..n)
        .map(|j| weights[j * n..(j + 1) * n].iter().sum())
        .collect();
    // Share of j's rank that flows to i, row by row so that each step reads memory in
    // order; 0 from sentences without edges, whose rank is spread evenly instead.
    let mut flow = vec![0.0; n * n];
    for (i, row) in flow.chunks_exact_mut(n).enumerate() {
        for (j, f) in row.iter_mut().enumerate() {
            if out[j] > 0.0 {
                *f = weights[j * n + i] / out[j];
            }
        }
    }
    let without_edges: Vec<usize> = (0..n).filter(|&j| out[j] == 0.0).collect();
    let mut rank = vec![1.0 / n as f64; n];
    let mut next = vec![0.0; n];
    for _ in 0..100 {
        let dangling: f64 = without_edges.iter().map(|&j| rank[j]).sum();
        let base = (1.0 - DAMPING) / n as f64 + DAMPING * dangling / n as f64;
        for (x, row) in next.iter_mut().zip(flow.chunks_exact(n)) {
            *x = base + DAMPING * row.iter().zip(&rank).map(|(f, r)| f * r).sum::<f64>();
        }
        let change: f64 = next.iter().zip(&rank).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut rank, &mut next);
        if change < 1e-9 {
            break;
        }
    }
    rank
}

/// Centrality of each vector, scaled so the most central is 1.
fn centrality(vectors: &[Vector]) -> Vec<f64> {
    let n = vectors.len();
    let raw = if n <= MAX_GRAPH_SENTENCES {
        pagerank(&similarities(vectors), n)
    } else {
        let mut centroid: FastMap<u32, f64> = FastMap::default();
        for v in vectors {
            for &(id, w) in v {
                *centroid.entry(id).or_default() += w;
            }
        }
        let mut c: Vector = centroid.into_iter().collect();
        c.sort_unstable_by_key(|&(id, _)| id);
        vectors.iter().map(|v| cosine(v, &c)).collect()
    };
    scale_to_max(raw)
}

/// Cosine similarity of every pair of unit vectors (row-major, n × n, zero diagonal).
/// Pairs are summed term by term through each term's sentences, so only pairs sharing a
/// term cost anything; each pair still adds its shared terms in ascending order, as
/// [`cosine`] does, so the sums are the same to the last bit.
fn similarities(vectors: &[Vector]) -> Vec<f64> {
    let n = vectors.len();
    let terms = vectors
        .iter()
        .filter_map(|v| v.last().map(|&(id, _)| id as usize + 1))
        .max()
        .unwrap_or(0);
    // Sentences of each term, in sentence order: (sentence, weight).
    let mut starts = vec![0usize; terms + 1];
    for v in vectors {
        for &(id, _) in v {
            starts[id as usize + 1] += 1;
        }
    }
    for t in 0..terms {
        starts[t + 1] += starts[t];
    }
    let mut next = starts.clone();
    let mut postings = vec![(0usize, 0.0f64); starts[terms]];
    for (i, v) in vectors.iter().enumerate() {
        for &(id, w) in v {
            postings[next[id as usize]] = (i, w);
            next[id as usize] += 1;
        }
    }
    let mut weights = vec![0.0; n * n];
    for t in 0..terms {
        let sentences = &postings[starts[t]..starts[t + 1]];
        for (k, &(i, wi)) in sentences.iter().enumerate() {
            for &(j, wj) in &sentences[k + 1..] {
                weights[i * n + j] += wi * wj;
            }
        }
    }
    for i in 0..n {
        for j in i + 1..n {
            weights[j * n + i] = weights[i * n + j];
        }
    }
    weights
}

fn scale_to_max(mut xs: Vec<f64>) -> Vec<f64> {
    let max = xs.iter().cloned().fold(0.0, f64::max);
    if max > 0.0 {
        xs.iter_mut().for_each(|x| *x /= max);
    }
    xs
}

/// 1 for the lead sentence, which in news copy states the story; then half as much,
/// decaying as 1/(1 + rank/4), since the opening paragraphs carry the detail.
fn position(rank: usize) -> f64 {
    if rank == 0 {
        1.0
    } else {
        0.5 / (1.0 + rank as f64 / 4.0)
    }
}

/// How much a figure tells: money, percentages, quantities and counts written in digits
/// say what happened; ordinals and dates mostly say when or where in a list; a count
/// in words ("the two countries") rarely carries news.
fn figure_weight(figure: &Figure) -> f64 {
    match figure.kind {
        FigureKind::Money | FigureKind::Percent | FigureKind::Quantity | FigureKind::Range => 1.0,
        FigureKind::Cardinal if figure.text.contains(|c: char| c.is_ascii_digit()) => 1.0,
        FigureKind::Cardinal => 0.0,
        FigureKind::Ordinal => 0.5,
        FigureKind::Date | FigureKind::Time | FigureKind::Duration => 0.25,
    }
}

/// Items whose span lies in `span`, from a list sorted by start.
fn within<T>(items: &[T], span: Span, span_of: impl Fn(&T) -> Span) -> &[T] {
    let from = items.partition_point(|x| span_of(x).start < span.start);
    let to = items.partition_point(|x| span_of(x).start < span.end);
    &items[from..to.max(from)]
}

/// What one body sentence brings, before weighting.
struct Signals {
    centrality: f64,
    /// 0 for the most central sentence, 1 for the next…
    central_place: usize,
    position: f64,
    /// Summed salience of the distinct entities named, scaled so the richest sentence
    /// has 1.
    entities: f64,
    /// Ids of the entities named, most salient first.
    named: Vec<usize>,
    /// Weighted count of figures, and the count of key ones.
    figures: f64,
    key_figures: usize,
    words: usize,
}

impl Signals {
    fn score(&self) -> f64 {
        let figures = (self.figures / 2.0).min(1.0);
        let mixed = W_CENTRALITY * self.centrality
            + W_POSITION * self.position
            + W_ENTITIES * self.entities
            + W_FIGURES * figures;
        let brevity = (self.words as f64 / FULL_LENGTH_WORDS as f64).min(1.0);
        mixed * brevity
    }

    /// Short phrases for the page, strongest signal first.
    /// `central_few`: how many of the most central sentences are called central.
    fn reasons(&self, rank: usize, central_few: usize, entities: &[Entity]) -> Vec<String> {
        let mut reasons = Vec::new();
        if rank == 0 {
            reasons.push("lead sentence".to_string());
        }
        match self.central_place {
            0 => reasons.push("most central to the article".to_string()),
            p if p < central_few => reasons.push("central to the article".to_string()),
            _ => {}
        }
        let key: Vec<&str> = self
            .named
            .iter()
            .filter_map(|&id| entities.get(id))
            .filter(|e| e.salience >= 0.5)
            .take(2)
            .map(|e| e.name.as_str())
            .collect();
        if !key.is_empty() {
            reasons.push(format!("names {}", key.join(" and ")));
        }
        match self.key_figures {
            0 => {}
            1 => reasons.push("1 key figure".to_string()),
            n => reasons.push(format!("{n} key figures")),
        }
        if self.words < FULL_LENGTH_WORDS {
            reasons.push("very short".to_string());
        }
        reasons
    }
}

/// Scores every sentence (setting `score`, `reasons`, `in_summary`) and returns the
/// indices of the chosen ones in article order. Only body sentences are ever chosen.
pub fn summarise(
    text: &str,
    tokens: &[Token],
    sentences: &mut [Sentence],
    paragraphs: &[Paragraph],
    entities: &[Entity],
    figures: &[Figure],
    length: Length,
) -> Vec<usize> {
    for s in sentences.iter_mut() {
        s.score = 0.0;
        s.in_summary = false;
        s.reasons.clear();
    }
    let body: Vec<usize> = (0..sentences.len())
        .filter(|&i| {
            paragraphs
                .get(sentences[i].paragraph)
                .is_some_and(|p| p.role == Role::Body)
                && text
                    .get(sentences[i].span.start..sentences[i].span.end)
                    .is_some()
        })
        .collect();
    let want = match length {
        Length::Sentences(n) => n,
        Length::Ratio(r) if r > 0.0 => ((r.min(1.0) * body.len() as f64).ceil() as usize).max(1),
        Length::Ratio(_) => 0,
    }
    .min(body.len());
    if body.is_empty() {
        return Vec::new();
    }

    let mut ids = FastMap::default();
    let mut terms = Vec::new();
    let (vectors, term_counts): (Vec<Vector>, Vec<usize>) = body
        .iter()
        .map(|&i| {
            let tokens = within(tokens, sentences[i].span, |t| t.span);
            unit_vector(text, tokens, &mut ids, &mut terms)
        })
        .unzip();
    let central = centrality(&vectors);
    let mut places = vec![0; central.len()];
    let mut by_centrality: Vec<usize> = (0..central.len()).collect();
    by_centrality.sort_by(|&a, &b| central[b].total_cmp(&central[a]).then(a.cmp(&b)));
    for (place, &rank) in by_centrality.iter().enumerate() {
        places[rank] = place;
    }
    // The top quarter, and at least the top three, are called central.
    let central_few = (central.len() / 4).max(3);

    let mut mentions: Vec<(Span, usize)> = entities
        .iter()
        .enumerate()
        .flat_map(|(id, e)| e.mentions.iter().map(move |&m| (m, id)))
        .collect();
    mentions.sort_unstable();
    let mut figs: Vec<&Figure> = figures.iter().collect();
    figs.sort_by_key(|f| f.span);

    let mut signals: Vec<Signals> = body
        .iter()
        .enumerate()
        .map(|(rank, &i)| {
            let span = sentences[i].span;
            let mut named: Vec<usize> = within(&mentions, span, |m| m.0)
                .iter()
                .map(|m| m.1)
                .collect();
            named.sort_unstable();
            named.dedup();
            let sal = |id: &usize| entities[*id].salience.clamp(0.0, 1.0);
            named.sort_by(|a, b| sal(b).total_cmp(&sal(a)).then(a.cmp(b)));
            let entity_signal = named.iter().map(sal).sum();
            let in_sentence = within(&figs, span, |f| f.span);
            Signals {
                centrality: central[rank],
                central_place: places[rank],
                position: position(rank),
                entities: entity_signal,
                named,
                figures: in_sentence.iter().map(|f| figure_weight(f)).sum(),
                key_figures: in_sentence
                    .iter()
                    .filter(|f| figure_weight(f) >= 1.0)
                    .count(),
                words: term_counts[rank],
            }
        })
        .collect();

    let richest = signals.iter().map(|s| s.entities).fold(0.0, f64::max);
    if richest > 0.0 {
        signals.iter_mut().for_each(|s| s.entities /= richest);
    }
    let scores: Vec<f64> = signals.iter().map(Signals::score).collect();
    for (rank, &i) in body.iter().enumerate() {
        // Four decimals tell every pair of scores apart that a reader would compare, and
        // keep the report short; the choice below uses the exact scores.
        sentences[i].score = (scores[rank] * 1e4).round() / 1e4;
        sentences[i].reasons = signals[rank].reasons(rank, central_few, entities);
    }

    let chosen = choose(&scores, &vectors, want);
    for &rank in &chosen {
        sentences[body[rank]].in_summary = true;
    }
    // Say why a strong sentence was passed over: it outscored a chosen one.
    let weakest = chosen
        .iter()
        .map(|&c| scores[c])
        .fold(f64::INFINITY, f64::min);
    for (rank, &i) in body.iter().enumerate() {
        if !sentences[i].in_summary && scores[rank] > weakest {
            sentences[i]
                .reasons
                .push("repeats a sentence already in the summary".to_string());
        }
    }
    let mut picked: Vec<usize> = chosen.into_iter().map(|rank| body[rank]).collect();
    picked.sort_unstable();
    picked
}

/// Takes the `want` best sentences, skipping one that repeats a sentence already taken
/// unless nothing else is left. Returns positions in `scores`.
fn choose(scores: &[f64], vectors: &[Vector], want: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let mut chosen: Vec<usize> = Vec::with_capacity(want);
    let mut skipped = Vec::new();
    for &c in &order {
        if chosen.len() == want {
            break;
        }
        let repeats = chosen
            .iter()
            .take(REDUNDANCY_WINDOW)
            .any(|&p| cosine(&vectors[c], &vectors[p]) > REDUNDANT);
        if repeats {
            skipped.push(c);
        } else {
            chosen.push(c);
        }
    }
    let missing = want - chosen.len();
    chosen.extend(skipped.into_iter().take(missing));
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::EntityType;

    /// Sentences of `text`, one paragraph per line, split after ". ".
    fn layout(text: &str, roles: &[Role]) -> (Vec<Paragraph>, Vec<Sentence>) {
        let mut paragraphs = Vec::new();
        let mut sentences = Vec::new();
        let mut start = 0;
        for (p, line) in text.split('\n').enumerate() {
            paragraphs.push(Paragraph {
                span: Span::new(start, start + line.len()),
                role: roles.get(p).copied().unwrap_or(Role::Body),
            });
            let mut s = start;
            for part in line.split_inclusive(". ") {
                let trimmed = part.trim_end();
                sentences.push(Sentence::new(Span::new(s, s + trimmed.len()), p));
                s += part.len();
            }
            start += line.len() + 1;
        }
        (paragraphs, sentences)
    }

    /// Summarises `text` laid out by [`layout`]: the picks and the scored sentences.
    fn summarise_layout(
        text: &str,
        roles: &[Role],
        entities: &[Entity],
        figures: &[Figure],
        length: Length,
    ) -> (Vec<usize>, Vec<Sentence>) {
        let (paragraphs, mut sentences) = layout(text, roles);
        let tokens = tokenize(text);
        let picked = summarise(
            text,
            &tokens,
            &mut sentences,
            &paragraphs,
            entities,
            figures,
            length,
        );
        (picked, sentences)
    }

    fn summary_of(text: &str, roles: &[Role], length: Length) -> Vec<String> {
        let (picked, sentences) = summarise_layout(text, roles, &[], &[], length);
        picked
            .iter()
            .map(|&i| sentences[i].span.of(text).to_string())
            .collect()
    }

    const STORY: &str = "Oil prices rose sharply on Monday as oil supply fears grew. \
        The weather was mild in the capital. \
        Traders said oil supply from the Gulf could fall further and prices could rise. \
        A local football team won its match. \
        Analysts expect oil prices to stay high while supply remains tight.";

    macro_rules! case {
        ($text:expr, $roles:expr, $length:expr, [$($want:expr),* $(,)?]) => {{
            let want: Vec<&str> = vec![$($want),*];
            assert_eq!(summary_of($text, $roles, $length), want, "summary of {:?}", $text);
        }};
    }

    #[test]
    fn picks_central_sentences_in_article_order() {
        case!(
            STORY,
            &[],
            Length::Sentences(2),
            [
                "Oil prices rose sharply on Monday as oil supply fears grew.",
                "Traders said oil supply from the Gulf could fall further and prices could rise."
            ]
        );
        case!(
            STORY,
            &[],
            Length::Sentences(3),
            [
                "Oil prices rose sharply on Monday as oil supply fears grew.",
                "Traders said oil supply from the Gulf could fall further and prices could rise.",
                "Analysts expect oil prices to stay high while supply remains tight."
            ]
        );
    }

    #[test]
    fn length_as_a_share_of_the_body() {
        assert_eq!(summary_of(STORY, &[], Length::Ratio(0.2)).len(), 1);
        assert_eq!(summary_of(STORY, &[], Length::Ratio(0.5)).len(), 3);
        assert_eq!(summary_of(STORY, &[], Length::Ratio(1.0)).len(), 5);
        assert_eq!(summary_of(STORY, &[], Length::Sentences(50)).len(), 5);
        assert!(summary_of(STORY, &[], Length::Sentences(0)).is_empty());
    }

    #[test]
    fn never_picks_boilerplate() {
        // The caption repeats the story's words but is not body text.
        let text = "Oil prices rise on supply fears\n\
            Oil prices and oil supply: traders at the oil exchange (Photo: AP)\n\
            Oil prices rose as oil supply fears grew. Traders expect oil prices to rise.\n\
            By Oil Prices Staff";
        let roles = [Role::Title, Role::Caption, Role::Body, Role::Byline];
        case!(
            text,
            &roles,
            Length::Sentences(3),
            [
                "Oil prices rose as oil supply fears grew.",
                "Traders expect oil prices to rise."
            ]
        );
        case!("Only a headline", &[Role::Title], Length::Sentences(3), []);
        case!("", &[], Length::Sentences(3), []);
    }

    #[test]
    fn skips_a_sentence_that_repeats_a_chosen_one() {
        let text = "Oil prices rose as oil supply fears grew in markets. \
            Oil prices rose as oil supply fears grew in markets today. \
            Traders expect oil prices to keep rising while supply stays tight.";
        case!(
            text,
            &[],
            Length::Sentences(2),
            [
                "Oil prices rose as oil supply fears grew in markets.",
                "Traders expect oil prices to keep rising while supply stays tight."
            ]
        );
    }

    fn entity(name: &str, salience: f64, mentions: Vec<Span>) -> Entity {
        Entity {
            id: 0,
            name: name.to_string(),
            kind: EntityType::Person,
            salience,
            reasons: Vec::new(),
            aliases: vec![name.to_string()],
            mentions,
        }
    }

    fn figure(text: &str, span: Span, kind: FigureKind) -> Figure {
        Figure {
            span,
            text: text.to_string(),
            kind,
            value: None,
            unit: None,
            qualifier: None,
            counted: None,
            subject: None,
            period: None,
            out_of: None,
            uncertain: false,
            note: None,
        }
    }

    #[test]
    fn salient_entities_and_key_figures_lift_a_sentence_and_are_explained() {
        let text = "Energy trade between the countries was discussed at the talks. \
            Novak said energy trade reached 4.58 billion USD at the talks.";
        let at = |s: &str| {
            let start = text.find(s).unwrap();
            Span::new(start, start + s.len())
        };
        let entities = [entity("Novak", 0.9, vec![at("Novak")])];
        let figures = [figure(
            "4.58 billion USD",
            at("4.58 billion USD"),
            FigureKind::Money,
        )];
        let run = |entities: &[Entity], figures: &[Figure]| {
            summarise_layout(text, &[], entities, figures, Length::Sentences(1))
        };
        // Equally central: the earlier one wins, unless the later names a salient
        // entity and a key figure.
        assert_eq!(run(&[], &[]).0, [0]);
        let (picked, sentences) = run(&entities, &figures);
        assert_eq!(picked, [1]);
        let reasons = &sentences[1].reasons;
        assert!(reasons.contains(&"names Novak".to_string()), "{reasons:?}");
        assert!(reasons.contains(&"1 key figure".to_string()), "{reasons:?}");
        assert!(sentences[0].reasons.contains(&"lead sentence".to_string()));
    }

    #[test]
    fn scores_are_in_unit_range_and_zero_outside_the_body() {
        let text = "Oil prices rise\nOil prices rose. Oil supply fell. Prices rose again.";
        let roles = [Role::Title, Role::Body];
        let (_, sentences) = summarise_layout(text, &roles, &[], &[], Length::Sentences(1));
        assert_eq!(sentences[0].score, 0.0);
        assert!(sentences[0].reasons.is_empty());
        for s in &sentences[1..] {
            assert!(s.score > 0.0 && s.score <= 1.0, "{}", s.score);
        }
    }

    #[test]
    fn figures_in_digits_count_more_than_counts_in_words_and_dates() {
        let weight = |text: &str, kind| figure_weight(&figure(text, Span::default(), kind));
        assert_eq!(weight("4.58 billion USD", FigureKind::Money), 1.0);
        assert_eq!(weight("199", FigureKind::Cardinal), 1.0);
        assert_eq!(weight("two", FigureKind::Cardinal), 0.0);
        assert_eq!(weight("4th", FigureKind::Ordinal), 0.5);
        assert_eq!(weight("May 9, 1945", FigureKind::Date), 0.25);
    }

    #[test]
    fn terms_drop_stop_words_and_possessives() {
        assert_eq!(
            terms("Vietnam’s diplomacy and the UN's role, he said."),
            ["vietnam", "diplomacy", "un", "role"]
        );
        assert!(terms("").is_empty());
    }

    #[test]
    fn pagerank_favours_the_hub_and_sums_to_one() {
        // Sentence 0 is linked to 1 and 2, which are not linked to each other.
        let w = [0.0, 1.0, 1.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
        let r = pagerank(&w, 3);
        assert!(r[0] > r[1] && (r[1] - r[2]).abs() < 1e-9);
        assert!((r.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert!(pagerank(&[], 0).is_empty());
    }

    #[test]
    fn similarities_are_every_pairs_cosine_to_the_bit() {
        let sentences = [
            "Oil prices rose as oil supply fell in Asia.",
            "Supply of oil to Asia fell again.",
            "The minister met traders in Hanoi.",
            "",
            "Traders said prices rose; the minister said supply fell.",
        ];
        let (mut ids, mut terms) = (FastMap::default(), Vec::new());
        let vectors: Vec<Vector> = sentences
            .iter()
            .map(|s| unit_vector(s, &tokenize(s), &mut ids, &mut terms).0)
            .collect();
        let n = vectors.len();
        let got = similarities(&vectors);
        for i in 0..n {
            for j in 0..n {
                let want = if i == j {
                    0.0
                } else {
                    cosine(&vectors[i], &vectors[j])
                };
                assert_eq!(
                    got[i * n + j].to_bits(),
                    want.to_bits(),
                    "sentences {i} and {j}"
                );
            }
        }
        assert!(got[1] > 0.3, "the two oil sentences are alike");
        assert!(similarities(&[]).is_empty());
    }

    #[test]
    fn a_long_text_uses_the_linear_centrality_and_stays_correct() {
        let mut text = String::new();
        for i in 0..(MAX_GRAPH_SENTENCES + 100) {
            if i % 7 == 0 {
                text.push_str("Oil prices rose as oil supply fell. ");
            } else {
                // Words no other sentence shares.
                text.push_str(&format!("Alpha{i} beta{i} gamma{i} delta{i} epsilon{i}. "));
            }
        }
        let text = text.trim_end();
        let got = summary_of(text, &[], Length::Sentences(2));
        // The repeated sentence is the most central, but the summary holds it once.
        assert_eq!(got.len(), 2);
        assert_eq!(got[0], "Oil prices rose as oil supply fell.");
        assert_ne!(got[1], got[0]);
    }
}
