//! Inputs that break naive text tools: huge, repetitive, binary-like, mixed scripts. Each
//! must give a report (or, over the limit, a clear error) without panicking.

use article_analyser::report::OffsetUnit;
use article_analyser::{analyse, Error, Options, MAX_INPUT_BYTES};

fn ok(text: &str) -> article_analyser::report::Analysis {
    analyse(
        text,
        &Options {
            offsets: OffsetUnit::Utf16,
            ..Options::default()
        },
    )
    .expect("accepted")
}

#[test]
fn over_the_limit_is_refused_with_the_sizes() {
    let text = "a".repeat(5_000_000);
    match analyse(&text, &Options::default()) {
        Err(
            e @ Error::TooLarge {
                bytes: 5_000_000,
                limit: MAX_INPUT_BYTES,
            },
        ) => {
            let msg = e.to_string();
            assert!(msg.contains("5.0 MB") && msg.contains("limit"), "{msg}");
        }
        other => panic!("expected TooLarge, got {other:?}"),
    }
}

#[test]
fn just_under_the_limit_is_accepted() {
    let text = "Trade grew. ".repeat((MAX_INPUT_BYTES - 1) / 12);
    assert!(ok(&text).sentences.len() > 100_000);
}

#[test]
fn degenerate_inputs_give_reports() {
    let cases: Vec<(&str, String)> = vec![
        ("100,000 dots", ".".repeat(100_000)),
        ("a 1 MB line without spaces", "x".repeat(1_000_000)),
        (
            "20,000 numbers",
            (0..20_000).map(|i| format!("{i} ")).collect(),
        ),
        (
            "a name 20,000 times",
            "Bùi Thanh Sơn met Sơn. ".repeat(20_000),
        ),
        (
            "one long line of sentences",
            "The minister said trade rose 4.5 per cent to $3 billion. ".repeat(5_000),
        ),
        (
            "binary junk",
            (0..50_000u32)
                .filter_map(|i| char::from_u32((i * 7919) % 0x3000))
                .collect(),
        ),
        ("only white space", " \t\r\n".repeat(10_000)),
        ("quotes never closed", "“He said ".repeat(10_000)),
        ("brackets never closed", "(APEC (ASEM ".repeat(10_000)),
    ];
    for (name, text) in cases {
        let r = ok(&text);
        assert_eq!(r.stats.characters, text.chars().count(), "{name}");
    }
}

#[test]
fn crlf_and_cr_line_ends_make_the_same_paragraphs() {
    let lf = ok("Headline here\n\nMOSCOW — Talks began. They ended.\nSecond paragraph.");
    let crlf = ok("Headline here\r\n\r\nMOSCOW — Talks began. They ended.\r\nSecond paragraph.");
    let cr = ok("Headline here\r\rMOSCOW — Talks began. They ended.\rSecond paragraph.");
    let roles = |r: &article_analyser::report::Analysis| {
        r.paragraphs.iter().map(|p| p.role).collect::<Vec<_>>()
    };
    assert_eq!(roles(&lf), roles(&crlf));
    assert_eq!(roles(&lf), roles(&cr));
    assert_eq!(lf.sentences.len(), crlf.sentences.len());
}

#[test]
fn decomposed_vietnamese_maps_back_to_the_input() {
    // NFD input: spans must still cut the text as given.
    let text = "Bu\u{0300}i Thanh So\u{031B}n met Alexander Novak in Moscow. So\u{031B}n left.";
    let r = analyse(
        text,
        &Options {
            offsets: OffsetUnit::Byte,
            ..Options::default()
        },
    )
    .unwrap();
    for s in &r.sentences {
        assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
    }
    assert_eq!(r.sentences[1].span.of(text), "So\u{031B}n left.");
}
