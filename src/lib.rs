//! Article analyser: named entities merged across spellings, figures with normalised
//! values and what they measure, and an extractive summary, for a pasted news article.
//!
//! The pipeline reads top to bottom in [`analyse_with_clock`]: each stage is one module
//! and produces spans into the cleaned text; [`report`] holds the JSON types.
//!
//! ```
//! use article_analyser::{analyse, Options};
//!
//! let text = "Bilateral trade reached 4.58 billion USD in 2024, Bùi Thanh Sơn said. \
//!             Sơn met Alexander Novak in Moscow.";
//! let report = analyse(text, &Options::default()).unwrap();
//! let money = report.figures.iter().find(|f| f.text == "4.58 billion USD").unwrap();
//! assert_eq!(money.value, Some(article_analyser::report::Value::Number(4_580_000_000.0)));
//! assert_eq!(money.unit.as_deref(), Some("USD"));
//! ```

pub mod clean;
pub mod entities;
pub mod figures;
mod hashing;
mod overlaps;
pub mod quotes;
pub mod report;
pub mod salience;
pub mod sentences;
pub mod summary;
pub mod tokenize;
#[cfg(target_arch = "wasm32")]
mod wasm;

use report::{Analysis, OffsetUnit, Role, StageTiming, Stats, Title, SCHEMA_VERSION};
use serde::Deserialize;

/// Inputs longer than this are refused with [`Error::TooLarge`]: about 400 pages of text.
pub const MAX_INPUT_BYTES: usize = 2 * 1024 * 1024;

/// Summary length when none is asked for.
pub const DEFAULT_SUMMARY_SENTENCES: usize = 3;

/// What the caller may set; every field has a default, and JSON may omit any of them.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// Summary length in sentences (default 3).
    pub summary: Option<usize>,
    /// Summary length as a share of the body's sentences, in (0, 1]; wins over `summary`.
    pub summary_ratio: Option<f64>,
    /// Unit of every offset in the report.
    pub offsets: OffsetUnit,
    /// ISO date ("2025-10-15") that anchors relative dates when the article gives none.
    pub reference_date: Option<String>,
    /// Paragraph indices the user brought back into the body.
    pub include_paragraphs: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    TooLarge { bytes: usize, limit: usize },
    BadOption(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::TooLarge { bytes, limit } => write!(
                f,
                "the text is {:.1} MB; the limit is {:.1} MB. Split it into smaller parts.",
                *bytes as f64 / 1e6,
                *limit as f64 / 1e6
            ),
            Error::BadOption(msg) => write!(f, "bad option: {msg}"),
        }
    }
}

impl std::error::Error for Error {}

/// Milliseconds from some fixed origin; the report's stage timings come from it.
pub type Clock = fn() -> f64;

/// Analyses `text` with the native clock for timings.
#[cfg(not(target_arch = "wasm32"))]
pub fn analyse(text: &str, options: &Options) -> Result<Analysis, Error> {
    analyse_with_clock(text, options, native_clock)
}

#[cfg(not(target_arch = "wasm32"))]
fn native_clock() -> f64 {
    use std::sync::OnceLock;
    use std::time::Instant;
    static ORIGIN: OnceLock<Instant> = OnceLock::new();
    ORIGIN.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0
}

/// The whole pipeline, stage by stage.
pub fn analyse_with_clock(input: &str, options: &Options, clock: Clock) -> Result<Analysis, Error> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(Error::TooLarge {
            bytes: input.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    let length = summary_length(options)?;
    let mut timings = Vec::new();
    let mut lap = {
        let mut last = clock();
        move |stage: &'static str, timings: &mut Vec<StageTiming>| {
            let now = clock();
            timings.push(StageTiming {
                stage,
                // Whole microseconds: finer is noise, and long decimals swell the report.
                ms: ((now - last) * 1e3).round() / 1e3,
            });
            last = now;
        }
    };

    let cleaned = clean::clean(input, &options.include_paragraphs);
    lap("clean", &mut timings);
    let text = cleaned.text.as_str();
    let tokens = tokenize::tokenize(text);
    lap("tokenize", &mut timings);
    let mut sentences = sentences::split(text, &tokens, &cleaned.paragraphs);
    lap("sentences", &mut timings);
    let mut figures = figures::extract(
        text,
        &tokens,
        &sentences,
        &cleaned,
        options.reference_date.as_deref(),
    );
    lap("figures", &mut timings);
    let mut mentions = entities::recognise(text, &tokens, &sentences, &cleaned.paragraphs);
    entities::add_dateline_place(text, cleaned.dateline.as_ref(), &mut mentions);
    entities::add_repeated_names(
        text,
        &tokens,
        &sentences,
        &cleaned.paragraphs,
        &mut mentions,
    );
    overlaps::resolve(text, &mut figures, &mut mentions);
    lap("entities", &mut timings);
    let title = cleaned
        .paragraphs
        .iter()
        .find(|p| p.role == Role::Title)
        .map(|p| p.span);
    let mut entities = entities::aliases::cluster(text, &mentions, title);
    lap("aliases", &mut timings);
    salience::score(text, &mut entities, &sentences, &cleaned.paragraphs);
    lap("salience", &mut timings);
    let summary = summary::summarise(
        text,
        &tokens,
        &mut sentences,
        &cleaned.paragraphs,
        &entities,
        &figures,
        length,
    );
    lap("summary", &mut timings);
    let quotes = quotes::find(text, &sentences, &cleaned.paragraphs, &entities);
    lap("quotes", &mut timings);

    let words = tokens
        .iter()
        .filter(|t| t.kind != tokenize::TokenKind::Punct && t.kind != tokenize::TokenKind::Symbol)
        .count();
    let title = title.map(|span| Title {
        span,
        text: span.of(text).to_string(),
    });
    let mut analysis = Analysis {
        schema: SCHEMA_VERSION,
        offsets: OffsetUnit::Byte,
        stats: Stats {
            characters: input.chars().count(),
            words,
            sentences: sentences.len(),
            paragraphs: cleaned.paragraphs.len(),
            // 230 words a minute, a common figure for reading news on screen.
            reading_minutes: (words as f64 / 230.0 * 10.0).round() / 10.0,
            timings: Vec::new(),
        },
        title,
        dateline: cleaned.dateline.clone(),
        paragraphs: cleaned.paragraphs.clone(),
        sentences,
        entities,
        figures,
        summary,
        quotes,
    };
    analysis.convert_offsets(input, &cleaned.map, options.offsets);
    lap("report", &mut timings);
    analysis.stats.timings = timings;
    Ok(analysis)
}

fn summary_length(options: &Options) -> Result<summary::Length, Error> {
    match (options.summary_ratio, options.summary) {
        (Some(r), _) if !(r > 0.0 && r <= 1.0) => Err(Error::BadOption(format!(
            "summary_ratio must be in (0, 1], not {r}"
        ))),
        (Some(r), _) => Ok(summary::Length::Ratio(r)),
        (None, n) => Ok(summary::Length::Sentences(
            n.unwrap_or(DEFAULT_SUMMARY_SENTENCES),
        )),
    }
}
