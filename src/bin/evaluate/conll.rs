//! Reads CoNLL-2003 files and rebuilds their text the way the evaluation and the trainer use it.

use std::path::Path;

/// One sentence: its tokens and their name spans (first token, end token, type).
pub struct Sentence {
    pub tokens: Vec<String>,
    pub names: Vec<(usize, usize, String)>,
}

/// A document: its sentences, in order.
pub type Document = Vec<Sentence>;

/// Documents of a CoNLL file (`token POS chunk NER` lines, IOB1 tags).
pub fn read(path: &Path) -> Result<Vec<Document>, String> {
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    let mut docs: Vec<Document> = Vec::new();
    let mut tokens = Vec::new();
    let mut tags: Vec<String> = Vec::new();
    let flush = |docs: &mut Vec<Document>, tokens: &mut Vec<String>, tags: &mut Vec<String>| {
        if tokens.is_empty() {
            return;
        }
        if docs.is_empty() {
            docs.push(Vec::new());
        }
        let names = names(tags);
        docs.last_mut().unwrap().push(Sentence {
            tokens: std::mem::take(tokens),
            names,
        });
        tags.clear();
    };
    for line in text.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.is_empty() {
            flush(&mut docs, &mut tokens, &mut tags);
            continue;
        }
        if fields[0] == "-DOCSTART-" {
            flush(&mut docs, &mut tokens, &mut tags);
            docs.push(Vec::new());
            continue;
        }
        let tag = fields.last().unwrap().to_string();
        tokens.push(fields[0].to_string());
        tags.push(tag);
    }
    flush(&mut docs, &mut tokens, &mut tags);
    docs.retain(|d| !d.is_empty());
    Ok(docs)
}

/// Name spans of IOB1 tags: `I-X` continues a name of type X, `B-X` starts a new one.
fn names(tags: &[String]) -> Vec<(usize, usize, String)> {
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    let mut open = false;
    for (i, tag) in tags.iter().enumerate() {
        match tag.split_once('-') {
            Some((prefix, kind)) => {
                let continues = open
                    && prefix == "I"
                    && out.last().is_some_and(|(_, e, k)| *e == i && k == kind);
                if continues {
                    out.last_mut().unwrap().1 = i + 1;
                } else {
                    out.push((i, i + 1, kind.to_string()));
                }
                open = true;
            }
            None => open = false,
        }
    }
    out
}

/// A sentence's tokens joined with single spaces, and each token's byte span in it.
pub fn line(sentence: &Sentence) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(sentence.tokens.len());
    for (i, t) in sentence.tokens.iter().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        spans.push((text.len(), text.len() + t.len()));
        text.push_str(t);
    }
    (text, spans)
}
