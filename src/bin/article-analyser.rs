//! Command-line tool: prints the analysis of a file, stdin, or a JSONL batch as JSON.

use article_analyser::report::{Analysis, OffsetUnit};
use article_analyser::{analyse, Options};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;
use std::sync::{mpsc, Arc, Mutex};

const USAGE: &str = "\
usage: article-analyser [OPTIONS] [FILE | -]
       article-analyser --jsonl [OPTIONS] < batch.jsonl

Prints the analysis of FILE (or standard input) as JSON.

options:
  --jsonl                  read lines {\"id\": ..., \"text\": ..., \"summary\": N?} from stdin and
                           write one line {\"id\": ..., \"report\": {...}} (or \"error\") per line
  --offsets UNIT           codepoint (default), utf16 or byte
  --summary N              summary length in sentences (default 3)
  --reference-date DATE    ISO date anchoring relative dates (\"last week\")
  --compact                one-line JSON instead of indented
  -h, --help               this text";

struct Args {
    options: Options,
    jsonl: bool,
    compact: bool,
    file: Option<String>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut out = Args {
        options: Options::default(),
        jsonl: false,
        compact: false,
        file: None,
    };
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "-h" | "--help" => return Err(String::new()),
            "--jsonl" => out.jsonl = true,
            "--compact" => out.compact = true,
            "--offsets" => out.options.offsets = value("--offsets")?.parse::<OffsetUnit>()?,
            "--summary" => {
                let n = value("--summary")?;
                out.options.summary = Some(
                    n.parse()
                        .map_err(|_| format!("--summary needs a number, not {n:?}"))?,
                );
            }
            "--reference-date" => out.options.reference_date = Some(value("--reference-date")?),
            "-" => out.file = None,
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            file => {
                if out.file.replace(file.to_string()).is_some() {
                    return Err("give one file at most".into());
                }
            }
        }
    }
    Ok(out)
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(msg) if msg.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("article-analyser: {msg}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = if args.jsonl {
        run_batch(&args)
    } else {
        run_one(&args)
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("article-analyser: {msg}");
            ExitCode::FAILURE
        }
    }
}

fn run_one(args: &Args) -> Result<(), String> {
    let (name, bytes) = match &args.file {
        Some(path) => (
            path.as_str(),
            std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?,
        ),
        None => {
            let mut buf = Vec::new();
            io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            ("standard input", buf)
        }
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name} is not valid UTF-8 (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    let report = analyse(&text, &args.options).map_err(|e| format!("{name}: {e}"))?;
    let json = if args.compact {
        serde_json::to_string(&report)
    } else {
        serde_json::to_string_pretty(&report)
    };
    println!("{}", json.map_err(|e| e.to_string())?);
    Ok(())
}

#[derive(Deserialize)]
struct BatchLine {
    #[serde(default)]
    id: serde_json::Value,
    text: String,
    summary: Option<usize>,
}

/// One output line: the report, or why there is none. Fields in this order, absent ones
/// left out: `{"id", "report"}` or `{"error", "id"}`.
#[derive(Serialize)]
struct BatchResult<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    id: &'a serde_json::Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<&'a Analysis>,
}

/// Analyses one batch line into its output line; errors become `{"error", "id"}` so the
/// batch goes on.
fn batch_line(line: &str, base: &Options) -> String {
    let parsed: BatchLine = match serde_json::from_str(line) {
        Ok(p) => p,
        Err(e) => {
            // Keep the id when the line is JSON but lacks a field.
            let id = serde_json::from_str::<serde_json::Value>(line)
                .ok()
                .and_then(|v| v.get("id").cloned())
                .unwrap_or(serde_json::Value::Null);
            return batch_json(&id, Err(format!("bad input line: {e}")));
        }
    };
    let mut options = base.clone();
    if parsed.summary.is_some() {
        options.summary = parsed.summary;
    }
    // A bug on one document must not end the batch.
    let result = std::panic::catch_unwind(|| analyse(&parsed.text, &options));
    match result {
        Ok(Ok(report)) => batch_json(&parsed.id, Ok(&report)),
        Ok(Err(e)) => batch_json(&parsed.id, Err(e.to_string())),
        Err(_) => batch_json(
            &parsed.id,
            Err("internal error while analysing this document".to_string()),
        ),
    }
}

fn batch_json(id: &serde_json::Value, result: Result<&Analysis, String>) -> String {
    let (report, error) = match result {
        Ok(report) => (Some(report), None),
        Err(error) => (None, Some(error)),
    };
    serde_json::to_string(&BatchResult { error, id, report })
        .unwrap_or_else(|e| format!("{{\"error\":\"cannot write the result: {e}\",\"id\":null}}"))
}

/// Reads JSONL from stdin and writes results in input order, analysing on every core.
/// The workers live for the whole batch, so each keeps the word tables it has built
/// (see `entities::recognise`) from one document to the next.
fn run_batch(args: &Args) -> Result<(), String> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    std::thread::scope(|scope| {
        // Lines wait in a short queue, so memory stays bounded on long batches.
        let (to_do, queue) = mpsc::sync_channel::<(usize, String)>(workers * 4);
        let queue = Arc::new(Mutex::new(queue));
        let (finished, done) = mpsc::channel::<(usize, String)>();
        for _ in 0..workers {
            let (queue, finished) = (Arc::clone(&queue), finished.clone());
            scope.spawn(move || loop {
                // The lock is released before the analysis, which runs in parallel.
                let next = queue
                    .lock()
                    .map_err(drop)
                    .and_then(|q| q.recv().map_err(drop));
                let Ok((i, line)) = next else { break };
                if finished
                    .send((i, batch_line(&line, &args.options)))
                    .is_err()
                {
                    break;
                }
            });
        }
        drop((queue, finished));
        let writer = scope.spawn(move || write_in_order(done));
        let read = read_lines(to_do);
        let written = writer
            .join()
            .unwrap_or(Err("the output writer failed".into()));
        read.and(written)
    })
}

/// Sends each non-empty line of stdin with its number, until stdin ends or no worker is
/// left to take it.
fn read_lines(to_do: mpsc::SyncSender<(usize, String)>) -> Result<(), String> {
    let mut number = 0;
    for line in io::stdin().lock().lines() {
        let line = line.map_err(|e| format!("cannot read standard input: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        if to_do.send((number, line)).is_err() {
            break;
        }
        number += 1;
    }
    Ok(())
}

/// Writes results to stdout in line order as they come in. A result that is ready before
/// the ones ahead of it waits in memory for them.
fn write_in_order(done: mpsc::Receiver<(usize, String)>) -> Result<(), String> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut waiting = BTreeMap::new();
    let mut next = 0;
    for (i, result) in done {
        waiting.insert(i, result);
        while let Some(result) = waiting.remove(&next) {
            writeln!(out, "{result}").map_err(|e| format!("cannot write output: {e}"))?;
            next += 1;
        }
    }
    out.flush().map_err(|e| format!("cannot write output: {e}"))
}
