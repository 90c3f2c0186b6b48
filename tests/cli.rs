//! The command-line tool as a user runs it: files, standard input, JSONL batches, options
//! and errors.

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/000_3b198d256c4268c6.txt"
);

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_article-analyser"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_file_stdin_and_dash_give_the_same_report() {
    let text = std::fs::read(FIXTURE).unwrap();
    let strip = |mut v: Value| {
        v["stats"]["timings"] = Value::Null;
        v
    };
    let from_file = strip(json(&run(&[FIXTURE], b"")));
    assert_eq!(from_file["schema"], 1);
    assert_eq!(from_file["offsets"], "codepoint");
    assert_eq!(strip(json(&run(&[], &text))), from_file);
    assert_eq!(strip(json(&run(&["-"], &text))), from_file);
}

#[test]
fn offsets_follow_the_chosen_unit() {
    // "Sơn" sits after a two-byte character; "😀" is one code point, two UTF-16 units.
    let text = "Hà😀 said. Bùi Thanh Sơn met Alexander Novak in Moscow.";
    let sentence_start = |unit: &str| {
        let v = json(&run(&["--offsets", unit], text.as_bytes()));
        assert_eq!(v["offsets"], unit);
        v["sentences"][1]["start"].as_u64().unwrap()
    };
    let byte = text.find("Bùi").unwrap() as u64;
    assert_eq!(sentence_start("byte"), byte);
    assert_eq!(
        sentence_start("codepoint"),
        text[..byte as usize].chars().count() as u64
    );
    assert_eq!(
        sentence_start("utf16"),
        text[..byte as usize].encode_utf16().count() as u64
    );
}

#[test]
fn summary_length_is_set_by_flag() {
    let v = json(&run(&["--summary", "5", FIXTURE], b""));
    assert_eq!(v["summary"].as_array().unwrap().len(), 5);
}

#[test]
fn jsonl_batch_keeps_order_per_line_options_and_survives_bad_lines() {
    let mut input = String::new();
    for i in 0..40 {
        input.push_str(&format!("{{\"id\": {i}, \"text\": \"Line {i} one. Line {i} two. Line {i} three.\", \"summary\": {}}}\n", 1 + i % 2));
        if i == 7 {
            input.push_str("{not json}\n");
            input.push_str("{\"id\": \"no-text\"}\n");
        }
    }
    let out = run(&["--jsonl"], input.as_bytes());
    assert!(out.status.success());
    let lines: Vec<Value> = out
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 42);
    assert!(lines[8]["error"]
        .as_str()
        .unwrap()
        .contains("bad input line"));
    assert_eq!(lines[9]["id"], "no-text");
    assert!(lines[9]["error"].is_string());
    let ok: Vec<&Value> = lines.iter().filter(|l| l.get("report").is_some()).collect();
    assert_eq!(ok.len(), 40);
    for (i, line) in ok.iter().enumerate() {
        assert_eq!(line["id"], i);
        assert_eq!(
            line["report"]["summary"].as_array().unwrap().len(),
            1 + i % 2,
            "line {i}"
        );
    }
}

#[test]
fn invalid_utf8_is_refused_naming_the_file_and_byte() {
    let dir = std::env::temp_dir().join(format!("article-analyser-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.txt");
    std::fs::write(&path, b"Good text \xff\xfe then junk").unwrap();
    let out = run(&[path.to_str().unwrap()], b"");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.txt") && err.contains("offset 10"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_arguments_get_a_message_and_usage() {
    for args in [
        &["--offsets", "bits"][..],
        &["--summary", "many"],
        &["--nope"],
        &["a.txt", "b.txt"],
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("usage:"),
            "{args:?}"
        );
    }
    let out = run(&["/no/such/file.txt"], b"");
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /no/such/file.txt"));
}

#[test]
fn too_large_input_is_refused_with_the_limit() {
    let big = "word ".repeat(article_analyser::MAX_INPUT_BYTES / 5 + 1);
    let out = run(&[], big.as_bytes());
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("the limit is"));
}
