//! Scores the analyser against annotated data: entities on CoNLL-2003, figures on the
//! recognizers test cases, summaries on BBC news. Prints the figures as tables.
//!
//! usage: evaluate [entities|figures|summary|all] [--data DIR]   (DIR defaults to ../shared/data)

mod conll;
mod entities;
mod figures;
mod summary;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut what = "all".to_string();
    let mut data = PathBuf::from("../shared/data");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--data" => match args.next() {
                Some(d) => data = PathBuf::from(d),
                None => return usage("--data needs a directory"),
            },
            "entities" | "figures" | "summary" | "all" => what = arg,
            other => return usage(&format!("unknown argument {other}")),
        }
    }
    if !data.is_dir() {
        return usage(&format!("no data directory at {}", data.display()));
    }
    let run = |name: &str| what == "all" || what == name;
    let result = (|| -> Result<(), String> {
        if run("entities") {
            entities::run(&data.join("conll2003"))?;
        }
        if run("figures") {
            figures::run(&data.join("recognizers"))?;
        }
        if run("summary") {
            summary::run(&data.join("bbc-summary"))?;
        }
        Ok(())
    })();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("evaluate: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The files in `dir` whose names end in `.ext`, sorted so every run reads them in one order.
fn data_files(dir: &Path, ext: &str) -> Result<Vec<PathBuf>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    files.sort();
    Ok(files)
}

fn usage(msg: &str) -> ExitCode {
    eprintln!("evaluate: {msg}\nusage: evaluate [entities|figures|summary|all] [--data DIR]");
    ExitCode::from(2)
}
