//! Invariants that hold for any input: no panic, spans in bounds and on character
//! boundaries, sorted and non-overlapping, sentences cover their paragraphs, the summary
//! is made of body sentences, offsets agree across units, and the output is deterministic.

use article_analyser::report::{Analysis, OffsetUnit, Role, Span};
use article_analyser::{analyse, Options};
use proptest::prelude::*;

fn report(text: &str, offsets: OffsetUnit) -> Analysis {
    let mut r = analyse(
        text,
        &Options {
            offsets,
            ..Options::default()
        },
    )
    .expect("small inputs are accepted");
    r.stats.timings.clear();
    r
}

fn check_span(text: &str, s: Span, what: &str) {
    assert!(
        s.start <= s.end && s.end <= text.len(),
        "{what} {s:?} out of bounds"
    );
    assert!(
        text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "{what} {s:?} not on char boundaries"
    );
}

fn check_sorted_disjoint(spans: &mut [Span], what: &str) {
    spans.sort();
    for w in spans.windows(2) {
        assert!(
            w[0].end <= w[1].start,
            "{what} overlap: {:?} {:?}",
            w[0],
            w[1]
        );
    }
}

fn check_invariants(text: &str) {
    let r = report(text, OffsetUnit::Byte);
    let mut paragraphs: Vec<Span> = r.paragraphs.iter().map(|p| p.span).collect();
    for &p in &paragraphs {
        check_span(text, p, "paragraph");
    }
    let sorted = paragraphs.clone();
    check_sorted_disjoint(&mut paragraphs, "paragraphs");
    assert_eq!(sorted, paragraphs, "paragraphs in text order");

    // Sentences: inside their paragraph, in order, and covering its text but for spaces.
    for (i, p) in r.paragraphs.iter().enumerate() {
        let own: Vec<&str> = r
            .sentences
            .iter()
            .filter(|s| s.paragraph == i)
            .map(|s| s.span.of(text))
            .collect();
        let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert_eq!(
            squash(&own.concat()),
            squash(p.span.of(text)),
            "sentences cover paragraph {i}"
        );
    }
    for s in &r.sentences {
        check_span(text, s.span, "sentence");
        assert!(r.paragraphs[s.paragraph].span.contains(s.span));
        assert!((0.0..=1.0).contains(&s.score), "score {}", s.score);
    }
    assert!(r
        .sentences
        .windows(2)
        .all(|w| w[0].span.end <= w[1].span.start));

    // The summary: body sentences, in order, flagged.
    assert!(r.summary.windows(2).all(|w| w[0] < w[1]));
    for &i in &r.summary {
        assert!(r.sentences[i].in_summary);
        assert_eq!(r.paragraphs[r.sentences[i].paragraph].role, Role::Body);
    }

    let mut mentions: Vec<Span> = r
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().copied())
        .collect();
    for &m in &mentions {
        check_span(text, m, "mention");
    }
    check_sorted_disjoint(&mut mentions, "mentions");
    for (i, e) in r.entities.iter().enumerate() {
        assert_eq!(e.id, i);
        assert!((0.0..=1.0).contains(&e.salience));
        assert!(!e.mentions.is_empty() && e.aliases.contains(&e.name));
    }
    let mut figures: Vec<Span> = r.figures.iter().map(|f| f.span).collect();
    for (f, &s) in r.figures.iter().zip(&figures) {
        check_span(text, s, "figure");
        assert_eq!(f.text, s.of(text));
    }
    check_sorted_disjoint(&mut figures, "figures");
    for q in &r.quotes {
        check_span(text, q.span, "quote");
        assert!(q.speaker.is_none_or(|id| id < r.entities.len()));
    }

    // Units agree: code-point offsets are the byte offsets counted in characters.
    let cp = report(text, OffsetUnit::Codepoint);
    let to_cp = |b: usize| text[..b].chars().count();
    for (a, b) in r.sentences.iter().zip(&cp.sentences) {
        assert_eq!(
            (to_cp(a.span.start), to_cp(a.span.end)),
            (b.span.start, b.span.end)
        );
    }
    // Deterministic.
    assert_eq!(report(text, OffsetUnit::Byte), r);
}

/// Text that looks like news: names with diacritics, figures, punctuation, line breaks.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Bùi Thanh Sơn".to_string()),
        Just("Việt Nam".to_string()),
        Just("APEC".to_string()),
        Just("(Photo: VNA)".to_string()),
        Just("4.58 billion USD".to_string()),
        Just("May 9, 1945".to_string()),
        Just("over 70".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just(" said.".to_string()),
        Just("/.".to_string()),
        Just("See more".to_string()),
        Just("\n".to_string()),
        Just("\r\n\r\n".to_string()),
        Just(". ".to_string()),
        Just(" — ".to_string()),
        Just("Mr.".to_string()),
        Just("U.S.".to_string()),
        "[A-Z][a-z]{1,8}",
        "[0-9]{1,6}",
        "[ \\t]{1,3}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn invariants_hold_on_news_like_text(text in newsish()) {
        check_invariants(&text);
    }

    #[test]
    fn invariants_hold_on_any_string(text in any::<String>()) {
        check_invariants(&text);
    }
}

#[derive(serde::Deserialize)]
struct Regressions {
    case: Vec<Regression>,
}

#[derive(serde::Deserialize)]
struct Regression {
    input: String,
}

#[test]
fn invariants_hold_on_past_regressions() {
    let file = include_str!("data/regressions.toml");
    let cases: Regressions = toml::from_str(file).expect("tests/data/regressions.toml parses");
    assert!(!cases.case.is_empty());
    for case in cases.case {
        check_invariants(&case.input);
    }
}

#[test]
fn invariants_hold_on_awkward_inputs() {
    let inputs = [
        "",
        " ",
        "\n\n\n",
        "x",
        ".",
        "Line one.\r\nLine two.\rLine three.",
        "\tTabbed\ttext.\t",
        "مرحبا بالعالم. هذا نص عربي.",
        "שלום עולם. Mixed עברית and English.",
        "Family 👨‍👩‍👧‍👦 trip. Flags 🇻🇳🇷🇺 wave.",
        "Bu\u{0300}i Thanh So\u{031B}n met Nova\u{0301}k.",
        "\u{FFFD}\u{FFFD} lone surrogates arrive as replacement characters.",
        "<script>alert(1)</script><b>Bold</b> text.",
        "\u{0}\u{1}\u{7f} control characters.",
    ];
    for text in inputs {
        check_invariants(text);
    }
}
