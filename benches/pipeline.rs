//! Throughput of each pipeline stage and of the whole analysis on the sample articles, and
//! of the whole analysis on pathological inputs of growing size (time must grow linearly).
//!
//! `cargo bench --bench pipeline` (criterion). Sizes of the pathological inputs can be
//! scaled with `PATHOLOGICAL_MAX_BYTES` (default 1 MB).

use article_analyser::summary::Length;
use article_analyser::{
    analyse, clean, entities, figures, quotes, salience, sentences, summary, tokenize, Options,
};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

const ARTICLES: [&str; 2] = [
    include_str!("../tests/fixtures/000_3b198d256c4268c6.txt"),
    include_str!("../tests/fixtures/001_11ed6b5093b87bb0.txt"),
];

fn corpus() -> String {
    ARTICLES.join("\n\n")
}

fn stages(c: &mut Criterion) {
    let input = corpus();
    let mut group = c.benchmark_group("stage");
    group.throughput(Throughput::Bytes(input.len() as u64));
    let cleaned = clean::clean(&input, &[]);
    let text = cleaned.text.as_str();
    let tokens = tokenize::tokenize(text);
    let sents = sentences::split(text, &tokens, &cleaned.paragraphs);
    let figs = figures::extract(text, &tokens, &sents, &cleaned, None);
    let mentions = entities::recognise(text, &tokens, &sents, &cleaned.paragraphs);
    let mut ents = entities::aliases::cluster(text, &mentions, None);
    salience::score(text, &mut ents, &sents, &cleaned.paragraphs);

    group.bench_function("clean", |b| b.iter(|| clean::clean(black_box(&input), &[])));
    group.bench_function("tokenize", |b| {
        b.iter(|| tokenize::tokenize(black_box(text)))
    });
    group.bench_function("sentences", |b| {
        b.iter(|| sentences::split(black_box(text), &tokens, &cleaned.paragraphs))
    });
    group.bench_function("figures", |b| {
        b.iter(|| figures::extract(black_box(text), &tokens, &sents, &cleaned, None))
    });
    group.bench_function("entities", |b| {
        b.iter(|| entities::recognise(black_box(text), &tokens, &sents, &cleaned.paragraphs))
    });
    group.bench_function("aliases", |b| {
        b.iter(|| entities::aliases::cluster(black_box(text), &mentions, None))
    });
    group.bench_function("salience", |b| {
        b.iter(|| {
            let mut e = ents.clone();
            salience::score(black_box(text), &mut e, &sents, &cleaned.paragraphs);
            e
        })
    });
    group.bench_function("summary", |b| {
        b.iter(|| {
            let mut s = sents.clone();
            summary::summarise(
                black_box(text),
                &tokens,
                &mut s,
                &cleaned.paragraphs,
                &ents,
                &figs,
                Length::Sentences(3),
            )
        })
    });
    group.bench_function("quotes", |b| {
        b.iter(|| quotes::find(black_box(text), &sents, &cleaned.paragraphs, &ents))
    });
    group.finish();

    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(input.len() as u64));
    group.bench_function("analyse", |b| {
        b.iter(|| analyse(black_box(&input), &Options::default()).unwrap())
    });
    group.finish();
}

/// A pathological input's name and how to make it at a given size in bytes.
type Maker = (&'static str, fn(usize) -> String);

/// Inputs that make naive code quadratic, each at three sizes a factor of ten apart.
fn pathological(c: &mut Criterion) {
    let max: usize = std::env::var("PATHOLOGICAL_MAX_BYTES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let makers: [Maker; 8] = [
        ("dots", |n| ".".repeat(n)),
        ("one-word", |n| "a".repeat(n)),
        ("numbers", |n| {
            (0..)
                .map(|i: u64| format!("{} ", i % 100_000))
                .take_while({
                    let mut len = 0;
                    move |s| {
                        len += s.len();
                        len <= n
                    }
                })
                .collect()
        }),
        ("repeated-name", |n| {
            "Bùi Thanh Sơn met Sơn. ".repeat(n / 24)
        }),
        ("sentences", |n| {
            "The minister said trade rose 4.5 per cent to $3 billion in 2024. ".repeat(n / 66)
        }),
        // One sentence of names that the rules look at together: companies, products,
        // numerals, ages.
        ("names-one-sentence", |n| {
            "Zorp Inc, the iPhone 16 and Henry VIII, 68, met Lan of the Vạn Group and "
                .repeat(n / 76)
        }),
        // One run of capitalised words with head words, brackets and acronyms in it.
        ("capitalised-run", |n| {
            "Tax Act of Tax (End of Life) Bill Electricity of Viet Nam (EVN) ".repeat(n / 64)
        }),
        // One sentence of figures whose subjects are read over changes and appositions.
        ("figures-one-sentence", |n| {
            "Ether, the second-biggest coin, rose 1.3% in a week to $3,900, up 5% on 2024, "
                .repeat(n / 78)
        }),
    ];
    let mut group = c.benchmark_group("pathological");
    group.sample_size(10);
    for (name, make) in makers {
        for size in [max / 100, max / 10, max] {
            let input = make(size);
            group.throughput(Throughput::Bytes(input.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, input.len()), &input, |b, input| {
                b.iter(|| analyse(black_box(input), &Options::default()).unwrap())
            });
        }
    }
    group.finish();
}

criterion_group!(benches, stages, pathological);
criterion_main!(benches);
