//! Evaluation of the entities stage: exact-span precision, recall and F1 per type on CoNLL-2003 dev.
//!
//! Each document is rebuilt as text (a sentence's tokens joined by single spaces, one
//! sentence per line) and analysed; the names found are mapped back to the CoNLL tokens
//! they overlap. Two scores: the whole pipeline's entity mentions (what users get), and
//! the raw mentions of `entities::recognise` before they are merged into entities.
//! With ENTITY_ERRORS=1 in the environment, each spurious (FP) and missed (FN) name of
//! the recogniser is printed to stderr.

use crate::conll;
use article_analyser::entities::{self, Mention};
use article_analyser::report::{EntityType, OffsetUnit};
use article_analyser::{analyse, clean, sentences, tokenize, Options};
use std::collections::HashSet;
use std::path::Path;
use std::time::Instant;

const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// A name as CoNLL token range (document-wide) and type.
type Name = (usize, usize, &'static str);

fn conll_type(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Person => "PER",
        EntityType::Organisation => "ORG",
        EntityType::Location => "LOC",
        EntityType::Event | EntityType::Misc => "MISC",
    }
}

#[derive(Default)]
struct Counts {
    /// Per type: correct, found, expected.
    by_type: [(usize, usize, usize); 4],
}

impl Counts {
    fn add(&mut self, found: &[Name], expected: &[Name]) {
        let want: HashSet<&Name> = expected.iter().collect();
        let got: HashSet<&Name> = found.iter().collect();
        for (i, t) in TYPES.iter().enumerate() {
            let c = &mut self.by_type[i];
            c.0 += got
                .iter()
                .filter(|n| n.2 == *t && want.contains(*n))
                .count();
            c.1 += got.iter().filter(|n| n.2 == *t).count();
            c.2 += want.iter().filter(|n| n.2 == *t).count();
        }
    }

    fn print(&self, title: &str) {
        println!("{title}");
        println!("| type | precision | recall | F1 | found | expected |");
        println!("|---|---:|---:|---:|---:|---:|");
        let row = |name: &str, (c, f, e): (usize, usize, usize)| {
            let p = if f == 0 { 0.0 } else { c as f64 / f as f64 };
            let r = if e == 0 { 0.0 } else { c as f64 / e as f64 };
            let f1 = if p + r == 0.0 {
                0.0
            } else {
                2.0 * p * r / (p + r)
            };
            println!(
                "| {name} | {:.2} | {:.2} | {:.2} | {f} | {e} |",
                100.0 * p,
                100.0 * r,
                100.0 * f1
            );
        };
        for (i, t) in TYPES.iter().enumerate() {
            row(t, self.by_type[i]);
        }
        let total = self
            .by_type
            .iter()
            .fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
        row("overall", total);
        println!();
    }
}

/// CoNLL tokens (range of `spans`) that a byte span of the text overlaps.
fn to_tokens(spans: &[(usize, usize)], start: usize, end: usize) -> Option<(usize, usize)> {
    let first = spans.partition_point(|&(_, e)| e <= start);
    let last = spans.partition_point(|&(s, _)| s < end);
    (first < last).then_some((first, last))
}

pub fn run(dir: &Path) -> Result<(), String> {
    let path = dir.join("eng.testa");
    let docs = conll::read(&path)?;
    let mut pipeline = Counts::default();
    let mut raw = Counts::default();
    let mut bytes = 0;
    let mut pipeline_secs = 0.0;
    let mut raw_secs = 0.0;
    let options = Options {
        offsets: OffsetUnit::Byte,
        ..Options::default()
    };
    for doc in &docs {
        let mut text = String::new();
        let mut spans = Vec::new();
        let mut gold = Vec::new();
        for sentence in doc {
            let (line, token_spans) = conll::line(sentence);
            let base = text.len();
            let first = spans.len();
            spans.extend(token_spans.iter().map(|&(s, e)| (base + s, base + e)));
            for (s, e, kind) in &sentence.names {
                if let Some(t) = TYPES.iter().find(|t| *t == kind) {
                    gold.push((first + s, first + e, *t));
                }
            }
            text.push_str(&line);
            text.push('\n');
        }
        bytes += text.len();

        let clock = Instant::now();
        let analysis = analyse(&text, &options).map_err(|e| e.to_string())?;
        pipeline_secs += clock.elapsed().as_secs_f64();
        let found: Vec<Name> = analysis
            .entities
            .iter()
            .flat_map(|e| e.mentions.iter().map(move |m| (m, e.kind)))
            .filter_map(|(m, kind)| {
                to_tokens(&spans, m.start, m.end).map(|(s, e)| (s, e, conll_type(kind)))
            })
            .collect();
        pipeline.add(&found, &gold);

        let cleaned = clean::clean(&text, &[]);
        let tokens = tokenize::tokenize(&cleaned.text);
        let sents = sentences::split(&cleaned.text, &tokens, &cleaned.paragraphs);
        let clock = Instant::now();
        let mentions = entities::recognise(&cleaned.text, &tokens, &sents, &cleaned.paragraphs);
        raw_secs += clock.elapsed().as_secs_f64();
        let found: Vec<Name> = mentions
            .iter()
            .filter_map(|&Mention { span, kind }| {
                let (s, e) = cleaned.map.to_input(span);
                to_tokens(&spans, s, e).map(|(s, e)| (s, e, conll_type(kind)))
            })
            .collect();
        raw.add(&found, &gold);
        if std::env::var("ENTITY_ERRORS").is_ok() {
            let name = |n: &Name| text[spans[n.0].0..spans[n.1 - 1].1].to_string();
            for n in &found {
                if !gold.contains(n) {
                    eprintln!("FP {} {:?}", n.2, name(n));
                }
            }
            for n in &gold {
                if !found.contains(n) {
                    eprintln!("FN {} {:?}", n.2, name(n));
                }
            }
        }
    }
    println!(
        "Entities on {} ({} documents, {:.1} KB): exact span and type, CoNLL types (EVENT and MISC count as MISC)\n",
        path.display(),
        docs.len(),
        bytes as f64 / 1024.0
    );
    pipeline.print("Whole pipeline (`analyse`, entity mentions):");
    raw.print("Name recogniser alone (`entities::recognise`, before merging):");
    println!(
        "Time: whole pipeline {:.2} s ({:.2} MB/s); name recogniser alone {:.3} s ({:.2} MB/s)",
        pipeline_secs,
        bytes as f64 / 1e6 / pipeline_secs,
        raw_secs,
        bytes as f64 / 1e6 / raw_secs
    );
    Ok(())
}
