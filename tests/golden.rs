//! Whole-report golden files: the report on each sample article (`tests/fixtures/*.txt`)
//! and on each article in `tests/golden/*.txt` must equal `tests/golden/NAME.json`
//! (timings aside), so that every change in the output shows up in review.
//! `UPDATE_GOLDEN=1 cargo test --test golden` (`make golden`) rewrites them.

use article_analyser::{analyse, Options};
use std::path::{Path, PathBuf};

fn articles() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut found = Vec::new();
    for dir in ["fixtures", "golden"] {
        for entry in std::fs::read_dir(root.join(dir)).expect("test folder") {
            let path = entry.expect("folder entry").path();
            if path.extension().is_some_and(|e| e == "txt") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The report as the golden file holds it: pretty JSON without the timings, which vary.
fn report(text: &str) -> String {
    let mut analysis = analyse(text, &Options::default()).expect("analysed");
    analysis.stats.timings.clear();
    serde_json::to_string_pretty(&analysis).expect("serialised") + "\n"
}

#[test]
fn reports_match_their_golden_files() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let golden_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let articles = articles();
    assert!(articles.len() >= 3, "articles: {articles:?}");
    let mut differ = Vec::new();
    for article in articles {
        let name = article.file_stem().unwrap().to_string_lossy().into_owned();
        let golden = golden_dir.join(format!("{name}.json"));
        let got = report(&std::fs::read_to_string(&article).unwrap());
        if update {
            std::fs::write(&golden, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&golden).unwrap_or_default();
        if got != want {
            let line = got
                .lines()
                .zip(want.lines())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| got.lines().count().min(want.lines().count()));
            let show = |s: &str| s.lines().nth(line).unwrap_or("(end)").to_string();
            differ.push(format!(
                "{name}: line {}: now {:?}, golden {:?}",
                line + 1,
                show(&got),
                show(&want)
            ));
        }
    }
    assert!(
        differ.is_empty(),
        "reports differ from tests/golden (if the change is meant, accept it with \
         `make golden` and review the diff):\n{}",
        differ.join("\n")
    );
}
