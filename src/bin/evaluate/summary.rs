//! Evaluation of the summary stage: ROUGE-1, ROUGE-2 and ROUGE-L F1 on BBC news against
//! the lead-k baseline and a plain TextRank, with k the reference's sentence count.
//!
//! Tokens are maximal runs of letters and digits, lowercased, with no stemming and no
//! stop words removed. ROUGE-N counts clipped n-gram matches; ROUGE-L is the longest
//! common subsequence of the whole candidate and reference token sequences. Scores are
//! F1, averaged over articles. Every system sees the same sentences: the analyser's own
//! body sentences, so only the choice among them differs.

use article_analyser::report::{Analysis, Role};
use article_analyser::{analyse, summary, Options};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::time::Instant;

#[derive(Deserialize)]
struct Article {
    id: String,
    article: String,
    summary: String,
}

const SYSTEMS: [&str; 3] = ["analyser", "lead-k", "TextRank"];

/// Sum of per-article F1 scores, per system: [R1, R2, RL].
#[derive(Default)]
struct Totals {
    articles: usize,
    sums: [[f64; 3]; 3],
}

impl Totals {
    fn add(&mut self, scores: &[[f64; 3]; 3]) {
        self.articles += 1;
        for (sum, score) in self.sums.iter_mut().zip(scores) {
            for (s, x) in sum.iter_mut().zip(score) {
                *s += x;
            }
        }
    }
}

pub fn run(dir: &Path) -> Result<(), String> {
    let started = Instant::now();
    let files = crate::data_files(dir, "jsonl")?;
    if files.is_empty() {
        return Err(format!("no .jsonl files in {}", dir.display()));
    }
    let mut by_category: BTreeMap<String, Totals> = BTreeMap::new();
    let mut overall = Totals::default();
    let mut pipeline_secs = 0.0;
    let mut short_bodies = 0;
    for file in &files {
        let category = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let content =
            std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        for (n, line) in content
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let article: Article = serde_json::from_str(line)
                .map_err(|e| format!("{}:{}: {e}", file.display(), n + 1))?;
            let k = reference_sentences(&article.summary);
            let options = Options {
                summary: Some(k),
                offsets: article_analyser::report::OffsetUnit::Byte,
                ..Options::default()
            };
            let t = Instant::now();
            let analysis =
                analyse(&article.article, &options).map_err(|e| format!("{}: {e}", article.id))?;
            pipeline_secs += t.elapsed().as_secs_f64();
            let body = body_sentences(&analysis, &article.article);
            if body.len() < k {
                short_bodies += 1;
            }
            let reference = words(&article.summary);
            let chosen: [Vec<usize>; 3] = [
                analysis.summary.clone(),
                body.iter().map(|&(i, _)| i).take(k).collect(),
                textrank(&body, k),
            ];
            let mut scores = [[0.0; 3]; 3];
            for (score, picked) in scores.iter_mut().zip(&chosen) {
                let candidate: Vec<String> = picked
                    .iter()
                    .flat_map(|&i| {
                        let s = analysis.sentences[i].span;
                        words(&article.article[s.start..s.end])
                    })
                    .collect();
                *score = [
                    rouge_n(&candidate, &reference, 1),
                    rouge_n(&candidate, &reference, 2),
                    rouge_l(&candidate, &reference),
                ];
            }
            overall.add(&scores);
            by_category
                .entry(category.clone())
                .or_default()
                .add(&scores);
        }
    }

    println!("Summaries: BBC News, ROUGE F1 (%), summary length = reference sentence count");
    println!(
        "{:<15} {:>8} {:<10} {:>7} {:>7} {:>7}",
        "category", "articles", "system", "R-1", "R-2", "R-L"
    );
    let rows = by_category
        .iter()
        .map(|(c, t)| (c.as_str(), t))
        .chain(std::iter::once(("overall", &overall)));
    for (category, totals) in rows {
        for (s, system) in SYSTEMS.iter().enumerate() {
            let mean = |m: usize| 100.0 * totals.sums[s][m] / totals.articles.max(1) as f64;
            println!(
                "{:<15} {:>8} {:<10} {:>7.2} {:>7.2} {:>7.2}",
                if s == 0 { category } else { "" },
                if s == 0 {
                    totals.articles.to_string()
                } else {
                    String::new()
                },
                system,
                mean(0),
                mean(1),
                mean(2)
            );
        }
    }
    if short_bodies > 0 {
        println!("{short_bodies} articles had fewer body sentences than the reference");
    }
    println!(
        "{} articles in {:.1} s ({:.2} ms an article in the analyser)",
        overall.articles,
        started.elapsed().as_secs_f64(),
        1000.0 * pipeline_secs / overall.articles.max(1) as f64
    );
    Ok(())
}

/// Sentences in a reference summary. The references run their sentences together
/// ("…stabilise.China's currency…"), so a sentence ends wherever a full stop, question or
/// exclamation mark (and any closing quote) is followed at once by a capital or an
/// opening quote, unless the mark follows a lone capital, as in "U.S.A".
fn reference_sentences(summary: &str) -> usize {
    let chars: Vec<char> = summary.trim().chars().collect();
    if chars.is_empty() {
        return 0;
    }
    let closing = |c: char| matches!(c, '"' | '”' | '’' | '\'' | ')');
    let mut count = 1;
    for i in 1..chars.len() {
        if !matches!(chars[i], '.' | '!' | '?') {
            continue;
        }
        // A single capital before the mark is an initial or part of "U.S.".
        let initial = chars[i - 1].is_uppercase() && (i < 2 || !chars[i - 2].is_alphabetic());
        if initial {
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() && closing(chars[j]) {
            j += 1;
        }
        let next = chars.get(j).copied();
        let after_next = chars.get(j + 1).copied();
        let starts_sentence = next.is_some_and(char::is_uppercase)
            || (next.is_some_and(|c| matches!(c, '"' | '“' | '‘'))
                && after_next.is_some_and(char::is_uppercase));
        if starts_sentence {
            count += 1;
        }
    }
    count
}

/// Indices and texts of the body sentences, in article order.
fn body_sentences<'a>(analysis: &Analysis, text: &'a str) -> Vec<(usize, &'a str)> {
    analysis
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| analysis.paragraphs[s.paragraph].role == Role::Body)
        .map(|(i, s)| (i, &text[s.span.start..s.span.end]))
        .collect()
}

/// Plain TextRank (Mihalcea and Tarau, 2004): PageRank over content-word overlap
/// normalised by the logs of the sentence lengths; the top k in article order.
fn textrank(body: &[(usize, &str)], k: usize) -> Vec<usize> {
    let sets: Vec<HashSet<String>> = body
        .iter()
        .map(|(_, s)| summary::terms(s).into_iter().collect())
        .collect();
    let n = sets.len();
    let mut weights = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..n {
            if i != j && sets[i].len() > 1 && sets[j].len() > 1 {
                let overlap = sets[i].intersection(&sets[j]).count() as f64;
                weights[i * n + j] =
                    overlap / ((sets[i].len() as f64).ln() + (sets[j].len() as f64).ln());
            }
        }
    }
    let rank = summary::pagerank(&weights, n);
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| rank[b].total_cmp(&rank[a]).then(a.cmp(&b)));
    let mut picked: Vec<usize> = order.into_iter().take(k).map(|r| body[r].0).collect();
    picked.sort_unstable();
    picked
}

/// Lowercased runs of letters and digits.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn f1(matches: f64, candidate: usize, reference: usize) -> f64 {
    if matches == 0.0 || candidate == 0 || reference == 0 {
        return 0.0;
    }
    let p = matches / candidate as f64;
    let r = matches / reference as f64;
    2.0 * p * r / (p + r)
}

fn rouge_n(candidate: &[String], reference: &[String], n: usize) -> f64 {
    let grams = |t: &[String]| -> HashMap<Vec<String>, usize> {
        let mut m = HashMap::new();
        for w in t.windows(n) {
            *m.entry(w.to_vec()).or_default() += 1;
        }
        m
    };
    let (c, r) = (grams(candidate), grams(reference));
    let matches: usize = c
        .iter()
        .map(|(g, &count)| count.min(r.get(g).copied().unwrap_or(0)))
        .sum();
    f1(
        matches as f64,
        candidate.len().saturating_sub(n - 1),
        reference.len().saturating_sub(n - 1),
    )
}

fn rouge_l(candidate: &[String], reference: &[String]) -> f64 {
    // One row of the LCS table at a time: O(|c|·|r|) time, O(|r|) memory.
    let mut row = vec![0usize; reference.len() + 1];
    for c in candidate {
        let mut diagonal = 0;
        for (j, r) in reference.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if c == r {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    f1(
        row[reference.len()] as f64,
        candidate.len(),
        reference.len(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        words(s)
    }

    macro_rules! case {
        ($f:expr, $c:expr, $r:expr, $want:expr) => {{
            let got = $f(&w($c), &w($r));
            assert!((got - $want).abs() < 1e-9, "{} vs {}: {got}", $c, $r);
        }};
    }

    #[test]
    fn rouge_scores() {
        let r1 = |c: &[String], r: &[String]| rouge_n(c, r, 1);
        let r2 = |c: &[String], r: &[String]| rouge_n(c, r, 2);
        case!(r1, "the cat sat", "the cat sat", 1.0);
        // 2 of 3 unigrams match both ways.
        case!(r1, "the cat sat", "the cat ran", 2.0 / 3.0);
        // Clipped: "the" counts once.
        case!(
            r1,
            "the the the",
            "the cat",
            2.0 * (1.0 / 3.0) * 0.5 / (1.0 / 3.0 + 0.5)
        );
        case!(r2, "the cat sat", "the cat ran", 0.5);
        case!(r2, "cat", "cat", 0.0);
        case!(r1, "", "the cat", 0.0);
        // LCS "the sat" has length 2.
        case!(rouge_l, "the cat sat", "the dog sat", 2.0 / 3.0);
        case!(rouge_l, "a b c d", "d c b a", 0.25);
    }

    #[test]
    fn words_are_lowercased_alphanumeric_runs() {
        assert_eq!(
            w("Stabilise.China's $1.28"),
            ["stabilise", "china", "s", "1", "28"]
        );
    }

    #[test]
    fn counts_sentences_run_together() {
        let cases = [
            ("The dollar rose.China's currency is pegged.", 2),
            ("Prices rose.\"I think so,\" said Sinche.\"He agrees.\"", 3),
            ("The U.S.A. and the U.K. met in 2004.It went well!Why?", 3),
            ("It cost $1.28 a unit.", 1),
            ("Profits fell 3%.To help, the BBC.The end.", 3),
            ("", 0),
        ];
        for (text, want) in cases {
            assert_eq!(reference_sentences(text), want, "{text}");
        }
    }
}
