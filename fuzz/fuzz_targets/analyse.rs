//! Fuzz target: any UTF-8 text through the whole pipeline, in every offset unit; spans
//! must stay inside the text and the summary inside the sentences.
#![no_main]

use article_analyser::report::OffsetUnit;
use article_analyser::{analyse, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for offsets in [OffsetUnit::Byte, OffsetUnit::Codepoint, OffsetUnit::Utf16] {
        let report = analyse(text, &Options { offsets, ..Options::default() }).expect("fuzz inputs are small");
        let limit = match offsets {
            OffsetUnit::Byte => text.len(),
            OffsetUnit::Codepoint => text.chars().count(),
            OffsetUnit::Utf16 => text.encode_utf16().count(),
        };
        for s in &report.sentences {
            assert!(s.span.start <= s.span.end && s.span.end <= limit);
        }
        for m in report.entities.iter().flat_map(|e| &e.mentions) {
            assert!(m.start < m.end && m.end <= limit);
        }
        for f in &report.figures {
            assert!(f.span.start < f.span.end && f.span.end <= limit);
        }
        assert!(report.summary.iter().all(|&i| i < report.sentences.len()));
    }
});
