//! Trains the name tagger on CoNLL-2003 and writes the model file that the library compiles in.
//!
//! usage: train-tagger [--data DIR] [--out FILE] [--epochs N] [--dev]
//! (DIR defaults to ../shared/data, FILE to data/entities/tagger.bin). Deterministic:
//! the sentence order of each epoch comes from a fixed seed. With --dev it also prints
//! span F1 on eng.testa after each epoch (on the tagger's own tokens, for tuning).

#[path = "evaluate/conll.rs"]
mod conll;

use article_analyser::entities::features::{DocumentContext, Features};
use article_analyser::entities::tagger::{self, Weights, TAGS, TYPES};
use article_analyser::tokenize::tokenize;
use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;

/// Features seen fewer times than this in training are not kept.
const MIN_COUNT: u32 = 2;
const SEED: u64 = 0x5eed_2003;

/// One training sentence: feature rows per token and gold tags.
struct Example {
    features: Vec<u32>,
    starts: Vec<usize>,
    gold: Vec<usize>,
}

fn main() -> ExitCode {
    let mut data = PathBuf::from("../shared/data");
    let mut out = PathBuf::from("data/entities/tagger.bin");
    let mut epochs = 12;
    let mut dev = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let ok = match arg.as_str() {
            "--dev" => {
                dev = true;
                true
            }
            "--data" => args.next().map(|d| data = PathBuf::from(d)).is_some(),
            "--out" => args.next().map(|f| out = PathBuf::from(f)).is_some(),
            "--epochs" => args
                .next()
                .and_then(|n| n.parse().ok())
                .map(|n| epochs = n)
                .is_some(),
            _ => false,
        };
        if !ok {
            eprintln!("usage: train-tagger [--data DIR] [--out FILE] [--epochs N] [--dev]");
            return ExitCode::from(2);
        }
    }
    match train(&data, &out, epochs, dev) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train-tagger: {e}");
            ExitCode::FAILURE
        }
    }
}

/// One sentence as features give it: hashes, where each token's start, gold tags.
type RawExample = (Vec<u32>, Vec<usize>, Vec<usize>);

/// Raw examples of a CoNLL file, re-tokenized our way.
fn examples(path: &std::path::Path) -> Result<Vec<RawExample>, String> {
    let docs = conll::read(path)?;
    let mut out = Vec::new();
    let mut features = Features::default();
    for doc in &docs {
        let lines: Vec<(String, Vec<(usize, usize)>)> = doc.iter().map(conll::line).collect();
        let tokens: Vec<Vec<_>> = lines.iter().map(|(text, _)| tokenize(text)).collect();
        let words: Vec<Vec<&str>> = lines
            .iter()
            .zip(&tokens)
            .map(|((text, _), ts)| ts.iter().map(|t| t.text(text)).collect())
            .collect();
        let firsts: Vec<Vec<bool>> = words
            .iter()
            .map(|ws| (0..ws.len()).map(|i| i == 0).collect())
            .collect();
        let ids: Vec<Vec<u32>> = words.iter().map(|ws| features.intern(ws)).collect();
        let context = DocumentContext::new(
            &features,
            ids.iter()
                .map(Vec::as_slice)
                .zip(firsts.iter().map(Vec::as_slice)),
        );
        for ((((sentence, (_, spans)), (ts, ws)), first), ids) in doc
            .iter()
            .zip(&lines)
            .zip(tokens.iter().zip(&words))
            .zip(&firsts)
            .zip(&ids)
        {
            if ws.is_empty() {
                continue;
            }
            // Each of our tokens lies inside one CoNLL token.
            let source: Vec<usize> = ts
                .iter()
                .map(|t| spans.partition_point(|&(_, e)| e <= t.span.start))
                .collect();
            let mut gold = vec![0; ts.len()];
            for (s, e, kind) in &sentence.names {
                let Some(k) = TYPES.iter().position(|t| t == kind) else {
                    continue;
                };
                let inside: Vec<usize> = (0..ts.len())
                    .filter(|&i| source[i] >= *s && source[i] < *e)
                    .collect();
                for (j, &i) in inside.iter().enumerate() {
                    let position = match (j, inside.len()) {
                        (_, 1) => 3,
                        (0, _) => 0,
                        (j, n) if j + 1 == n => 2,
                        _ => 1,
                    };
                    gold[i] = tagger::tag(k, position);
                }
            }
            features.compute(ids, first, &context, true);
            let mut hashes = Vec::new();
            let mut starts = Vec::with_capacity(ws.len() + 1);
            for i in 0..ws.len() {
                starts.push(hashes.len());
                features.all_hashes(i, &mut hashes);
            }
            starts.push(hashes.len());
            out.push((hashes, starts, gold));
        }
    }
    Ok(out)
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Averaged perceptron: `w` are the current weights, `u` the running sum of
/// step × update, so that the average after `c` steps is `w - u / c`.
struct Perceptron {
    w: Vec<f32>,
    u: Vec<f32>,
    tw: Vec<f32>,
    tu: Vec<f32>,
    step: f32,
}

impl Perceptron {
    fn emissions(&self, ex: &Example, out: &mut Vec<f32>) {
        let n = ex.gold.len();
        out.clear();
        out.resize(n * TAGS, 0.0);
        for i in 0..n {
            for &f in &ex.features[ex.starts[i]..ex.starts[i + 1]] {
                let row = &self.w[f as usize * TAGS..][..TAGS];
                for t in 0..TAGS {
                    out[i * TAGS + t] += row[t];
                }
            }
        }
    }

    fn update(&mut self, ex: &Example, predicted: &[usize]) {
        let c = self.step;
        for i in 0..ex.gold.len() {
            let (g, p) = (ex.gold[i], predicted[i]);
            if g != p {
                for &f in &ex.features[ex.starts[i]..ex.starts[i + 1]] {
                    let base = f as usize * TAGS;
                    self.w[base + g] += 1.0;
                    self.u[base + g] += c;
                    self.w[base + p] -= 1.0;
                    self.u[base + p] -= c;
                }
            }
            let (gp, pp) = if i == 0 {
                (0, 0)
            } else {
                (ex.gold[i - 1] + 1, predicted[i - 1] + 1)
            };
            if (gp, g) != (pp, p) {
                self.tw[gp * TAGS + g] += 1.0;
                self.tu[gp * TAGS + g] += c;
                self.tw[pp * TAGS + p] -= 1.0;
                self.tu[pp * TAGS + p] -= c;
            }
        }
    }

    fn averaged(&self) -> (Vec<f32>, Vec<f32>) {
        let avg = |w: &[f32], u: &[f32]| -> Vec<f32> {
            w.iter().zip(u).map(|(w, u)| w - u / self.step).collect()
        };
        (avg(&self.w, &self.u), avg(&self.tw, &self.tu))
    }
}

fn train(
    data: &std::path::Path,
    out: &std::path::Path,
    epochs: usize,
    dev: bool,
) -> Result<(), String> {
    let conll = data.join("conll2003");
    let raw = examples(&conll.join("eng.train"))?;
    let mut counts: HashMap<u32, u32> = HashMap::new();
    for (hashes, _, _) in &raw {
        for &h in hashes {
            *counts.entry(h).or_insert(0) += 1;
        }
    }
    // Feature rows in order of hash, so that the result does not depend on map order.
    let mut kept: Vec<u32> = counts
        .iter()
        .filter(|&(_, &c)| c >= MIN_COUNT)
        .map(|(&h, _)| h)
        .collect();
    kept.sort_unstable();
    let index: HashMap<u32, u32> = kept
        .iter()
        .enumerate()
        .map(|(i, &h)| (h, i as u32))
        .collect();
    let to_example = |(hashes, starts, gold): &RawExample, index: &HashMap<u32, u32>| {
        let mut features = Vec::with_capacity(hashes.len());
        let mut new_starts = Vec::with_capacity(starts.len());
        for i in 0..gold.len() {
            new_starts.push(features.len());
            features.extend(
                hashes[starts[i]..starts[i + 1]]
                    .iter()
                    .filter_map(|h| index.get(h).copied()),
            );
        }
        new_starts.push(features.len());
        Example {
            features,
            starts: new_starts,
            gold: gold.clone(),
        }
    };
    let train: Vec<Example> = raw.iter().map(|r| to_example(r, &index)).collect();
    drop(raw);
    let dev_set: Vec<Example> = if dev {
        examples(&conll.join("eng.testa"))?
            .iter()
            .map(|r| to_example(r, &index))
            .collect()
    } else {
        Vec::new()
    };
    eprintln!(
        "{} sentences, {} features seen, {} kept",
        train.len(),
        counts.len(),
        kept.len()
    );
    let mut p = Perceptron {
        w: vec![0.0; kept.len() * TAGS],
        u: vec![0.0; kept.len() * TAGS],
        tw: vec![0.0; (TAGS + 1) * TAGS],
        tu: vec![0.0; (TAGS + 1) * TAGS],
        step: 1.0,
    };
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = Rng(SEED);
    let mut emissions = Vec::new();
    let mut predicted = Vec::new();
    for epoch in 1..=epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, (rng.next() % (i as u64 + 1)) as usize);
        }
        let mut wrong = 0;
        for &s in &order {
            let ex = &train[s];
            p.emissions(ex, &mut emissions);
            tagger::viterbi(&emissions, &p.tw, &mut predicted);
            if predicted != ex.gold {
                wrong += 1;
                p.update(ex, &predicted);
            }
            p.step += 1.0;
        }
        eprint!("epoch {epoch}: {wrong} sentences wrong");
        if dev {
            let (w, tw) = p.averaged();
            let scorer = Perceptron {
                w,
                u: Vec::new(),
                tw,
                tu: Vec::new(),
                step: 1.0,
            };
            let (mut tp, mut np, mut ng) = (0, 0, 0);
            for ex in &dev_set {
                scorer.emissions(ex, &mut emissions);
                tagger::viterbi(&emissions, &scorer.tw, &mut predicted);
                let got = tagger::spans(&predicted);
                let want = tagger::spans(&ex.gold);
                tp += got.iter().filter(|g| want.contains(g)).count();
                np += got.len();
                ng += want.len();
            }
            let (pr, re) = (tp as f64 / np as f64, tp as f64 / ng as f64);
            eprint!(", dev F1 {:.2}", 200.0 * pr * re / (pr + re));
        }
        eprintln!();
    }
    let (w, transitions) = p.averaged();
    let rows = kept
        .iter()
        .enumerate()
        .map(|(i, &h)| {
            let mut row = [0.0; TAGS];
            row.copy_from_slice(&w[i * TAGS..(i + 1) * TAGS]);
            (h, row)
        })
        .collect();
    let bytes = Weights { transitions, rows }.encode();
    std::fs::write(out, &bytes).map_err(|e| format!("writing {}: {e}", out.display()))?;
    eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
    Ok(())
}
