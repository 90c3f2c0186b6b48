//! Finds direct quotations and, where the text says, who spoke them.
//!
//! A quotation is text between double quotation marks (“…”, "…", «…», „…“) in a body
//! paragraph; one left open at the end of a paragraph runs to its end, as news copy
//! does when a quote goes on into the next paragraph. The speaker comes from the
//! words around it:
//! - after: `"…," Son said`, `"…," said Robert Sinche, head of…`, `"…," he added`;
//! - before: `Son said: "…"`, `He told reporters, "…"`, `Ho Chi Minh's teaching: "…"`;
//! - reported speech around a quoted fragment: `Farage said his party was "now the real
//!   opposition"`;
//! - a quote that opens its paragraph with no attribution continues the previous
//!   speaker's quote.
//!
//! Pronouns resolve to the person named last before the quote. Short quoted names
//! ("Four No's") are names, not quotations, and are skipped; other quoted words that
//! are not a sentence and have no attribution ("time is ripe") are phrases without a
//! speaker.

use crate::hashing::FastSet;
use crate::report::{Entity, EntityType, Paragraph, Quote, QuoteKind, Role, Sentence, Span};
use crate::tokenize::{tokenize, Token, TokenKind};
use std::sync::OnceLock;

static SPEECH_VERBS: OnceLock<FastSet<&'static str>> = OnceLock::new();

fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS
        .get_or_init(|| {
            include_str!("../data/quotes/speech_verbs.txt")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect()
        })
        .contains(word.to_lowercase().as_str())
}

fn is_pronoun(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "he" | "she" | "they" | "we" | "i"
    )
}

fn is_passive_auxiliary(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "was" | "were" | "is" | "are" | "been" | "being" | "be"
    )
}

/// Words between a speaker and the speech verb: "Morientes had said", "he later added".
fn is_verb_helper(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "had"
            | "has"
            | "have"
            | "will"
            | "would"
            | "also"
            | "then"
            | "later"
            | "once"
            | "previously"
    )
}

/// Words that start a clause rather than name a speaker: `"…" and warned`, `who said`.
fn is_clause_word(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "and" | "but" | "or" | "so" | "yet" | "as" | "while" | "who" | "which" | "that"
    )
}

/// Words that may stay lowercase inside a quoted name: "Bank of England".
fn is_name_joiner(word: &str) -> bool {
    matches!(
        word,
        "of" | "the" | "and" | "for" | "in" | "on" | "de" | "du" | "van" | "von" | "&"
    )
}

/// Words that end the noun phrase naming a speaker: "Anthony Pratt from JD Power".
fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "from" | "of" | "at" | "in" | "for" | "with" | "on" | "to" | "after" | "before" | "during"
    )
}

/// A speaker phrase reaches at most this many words.
const MAX_SPEAKER_WORDS: usize = 6;

/// Quoted text of at most this many capitalised words is a name, not a quotation.
const MAX_NAME_WORDS: usize = 5;

/// Quotations in the body, in text order.
pub fn find(
    text: &str,
    sentences: &[Sentence],
    paragraphs: &[Paragraph],
    entities: &[Entity],
) -> Vec<Quote> {
    let mut mentions: Vec<(Span, usize)> = entities
        .iter()
        .enumerate()
        .flat_map(|(id, e)| e.mentions.iter().map(move |&m| (m, id)))
        .filter(|(m, _)| text.get(m.start..m.end).is_some())
        .collect();
    mentions.sort_unstable();
    // A person named inside quotation marks is not who speaks them: in "\"I'm playing
    // against Hewitt,\" he said", "he" is someone named before.
    let inside: Vec<Span> = paragraphs
        .iter()
        .filter(|p| text.get(p.span.start..p.span.end).is_some())
        .flat_map(|p| quoted(text, p.span))
        .filter(|q| q.close.is_some())
        .map(|q| q.inner)
        .collect();
    mentions.retain(|(m, _)| {
        let i = inside.partition_point(|q| q.end < m.end);
        inside.get(i).is_none_or(|q| q.start > m.start)
    });
    let context = Context {
        text,
        sentences,
        entities,
        mentions,
    };

    let mut quotes: Vec<Quote> = Vec::new();
    // The paragraph, speaker and speaker's words of the last attributed quote, which a
    // following unattributed quote continues.
    let mut last_speaker: Option<(usize, Option<usize>, Option<String>)> = None;
    let mut previous_body: Option<usize> = None;
    for (index, p) in paragraphs.iter().enumerate() {
        if p.role != Role::Body || text.get(p.span.start..p.span.end).is_none() {
            continue;
        }
        for marked in quoted(text, p.span) {
            let Some(span) = words_of(text, marked.inner) else {
                continue;
            };
            let words = span.of(text);
            if is_name(words) {
                continue;
            }
            // A full stop inside the marks ends the sentence: what follows is not an
            // attribution.
            let closed_sentence = words.ends_with('.');
            let attribution = (!closed_sentence)
                .then(|| context.after(marked.close, p.span.end))
                .flatten()
                .or_else(|| context.before(marked.open, p.span.start));
            let word_count = words.split_whitespace().count();
            // Words quoted inside reported speech are the speaker's: the subject of a speech
            // verb between the sentence's start (or the quote before in the same sentence)
            // and this quote.
            let sentence_at = |at: usize| sentences.partition_point(|s| s.span.end <= at);
            let reported = || {
                let sentence = sentences.get(sentence_at(marked.open))?;
                let previous = quotes
                    .last()
                    .map_or(0, |q| q.span.end)
                    .clamp(p.span.start, marked.open);
                let fragment = word_count >= 3;
                fragment
                    .then(|| context.reported(sentence.span.start.max(previous), marked.open))
                    .flatten()
            };
            // Four words or more, starting with a capital, and ending as a sentence or
            // clause does (or running on): not a phrase lifted from a sentence.
            let raw = marked.inner.of(text).trim_end();
            let sentence_like = word_count >= 4
                && starts_upper(words)
                && (marked.close.is_none() || raw.ends_with(['.', '!', '?', '…', ',']));
            // It goes on from the last attributed quote when it opens its paragraph just
            // after that quote's paragraph, or follows it closely in the same one: within
            // a few words, or in the next sentence (`"…," said Slot, who … summer. "We…"`).
            let opens_paragraph = marked.open == p.span.start;
            let follows_closely = quotes.last().is_some_and(|q| {
                q.span.end >= p.span.start
                    && (marked.open < q.span.end + 60
                        || sentence_at(span.start) <= sentence_at(q.span.start) + 1)
            });
            let continues = last_speaker.as_ref().filter(|(at, _, _)| {
                (*at == index && follows_closely)
                    || (opens_paragraph && (*at == index || Some(*at) == previous_body))
            });
            let (kind, speaker, speaker_text) = match (attribution, continues) {
                (Some(a), _) => (QuoteKind::Direct, a.speaker, Some(a.text)),
                (None, Some((_, id, said))) if sentence_like => {
                    (QuoteKind::Direct, *id, said.clone())
                }
                (None, _) if let Some(a) = reported() => {
                    (QuoteKind::Direct, a.speaker, Some(a.text))
                }
                (None, _) if sentence_like => (QuoteKind::Direct, None, None),
                (None, _) => (QuoteKind::Phrase, None, None),
            };
            if kind == QuoteKind::Direct && speaker_text.is_some() {
                last_speaker = Some((index, speaker, speaker_text.clone()));
            }
            quotes.push(Quote {
                span,
                kind,
                speaker,
                speaker_text,
            });
        }
        previous_body = Some(index);
    }
    quotes
}

/// A quotation's marks: `open` is where the opening mark starts, `inner` the text between
/// the marks, `close` where the text after the closing mark starts (`None` when the
/// paragraph ends first).
struct Marked {
    open: usize,
    inner: Span,
    close: Option<usize>,
}

/// Double-quoted stretches of one paragraph, in order, not nested. A straight quote
/// mark opens when it follows a space (or starts the paragraph) and closes when a space
/// or punctuation follows it; one that opens while a quote is open ends that quote
/// unclosed, as when a quote runs on into a new paragraph.
fn quoted(text: &str, paragraph: Span) -> Vec<Marked> {
    let body = paragraph.of(text);
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    // Quotation marks are '"' or start with byte 0xC2 («, ») or 0xE2 (“, ”, „): the
    // search reads bytes rather than decoding every character.
    let bytes = body.as_bytes();
    let mut from = 0;
    while let Some(k) = bytes[from..]
        .iter()
        .position(|&b| matches!(b, b'"' | 0xC2 | 0xE2))
    {
        let i = from + k;
        let Some(c) = body[i..].chars().next() else {
            break;
        };
        from = i + c.len_utf8();
        // Worked out only for a straight quotation mark, the one case that needs them.
        let space_before = || {
            body[..i]
                .chars()
                .next_back()
                .is_none_or(|p| p.is_whitespace() || "([{—–-".contains(p))
        };
        let space_after = || {
            body[from..]
                .chars()
                .next()
                .is_none_or(|n| n.is_whitespace() || n.is_ascii_punctuation())
        };
        let (opens, closes) = match c {
            '“' if open.is_some_and(|(o, _)| text[o..].starts_with('„')) => (false, true),
            '“' | '«' | '„' => (true, false),
            '”' | '»' => (false, true),
            '"' if space_before() && !space_after() => (true, false),
            '"' if space_after() && !space_before() => (false, true),
            '"' => (open.is_none(), open.is_some()),
            _ => continue,
        };
        let at = paragraph.start + i;
        let after = at + c.len_utf8();
        match open {
            Some((o, inner)) if closes => {
                out.push(Marked {
                    open: o,
                    inner: Span::new(inner, at),
                    close: Some(after),
                });
                open = None;
            }
            Some((o, inner)) if opens => {
                out.push(Marked {
                    open: o,
                    inner: Span::new(inner, at),
                    close: None,
                });
                open = Some((at, after));
            }
            None if opens => open = Some((at, after)),
            _ => {}
        }
    }
    if let Some((o, inner)) = open {
        out.push(Marked {
            open: o,
            inner: Span::new(inner, paragraph.end),
            close: None,
        });
    }
    out
}

/// The quoted words without surrounding space or a trailing comma; `None` if empty.
fn words_of(text: &str, inner: Span) -> Option<Span> {
    let s = inner.of(text);
    let start = inner.start + (s.len() - s.trim_start().len());
    let trimmed = s.trim().trim_end_matches(',').trim_end();
    (!trimmed.is_empty()).then(|| Span::new(start, start + trimmed.len()))
}

/// "Four No’s", "Big Brother", "Bank of England": a few capitalised words and no
/// sentence punctuation.
fn is_name(words: &str) -> bool {
    let list: Vec<&str> = words.split_whitespace().collect();
    list.len() <= MAX_NAME_WORDS
        && !words.ends_with(['.', '!', '?', '…', ',', ';', ':'])
        && list.first().is_some_and(|w| starts_upper(w))
        && list.iter().all(|w| starts_upper(w) || is_name_joiner(w))
}

fn starts_upper(word: &str) -> bool {
    word.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// Who a quotation is attributed to.
struct Attribution {
    speaker: Option<usize>,
    /// The words naming the speaker, as written.
    text: String,
}

struct Context<'a> {
    text: &'a str,
    sentences: &'a [Sentence],
    entities: &'a [Entity],
    /// Every entity mention with its entity id, sorted.
    mentions: Vec<(Span, usize)>,
}

impl Context<'_> {
    /// Word tokens of `span`, with offsets into the whole text.
    fn tokens(&self, span: Span) -> Vec<Token> {
        tokenize(span.of(self.text))
            .into_iter()
            .map(|t| Token {
                span: Span::new(t.span.start + span.start, t.span.end + span.start),
                kind: t.kind,
            })
            .collect()
    }

    fn word<'b>(&'b self, t: &Token) -> &'b str {
        t.span.of(self.text)
    }

    /// `"…," Son said`, `"…," said Robert Sinche, head of…`, `"…," he added`.
    fn after(&self, close: Option<usize>, end: usize) -> Option<Attribution> {
        let close = close?;
        let window = Span::new(close, end.min(close + 200).max(close));
        let window = Span::new(window.start, floor_boundary(self.text, window.end));
        let tokens = self.tokens(window);
        // Skip the comma or dash between the quote and the attribution.
        let start = tokens
            .iter()
            .position(|t| !matches!(self.word(t), "," | "—" | "–" | "-"))?;
        let tokens = &tokens[start..];
        let first = tokens.first()?;
        if first.kind != TokenKind::Word {
            return None;
        }
        if is_speech_verb(self.word(first)) {
            return self.speaker_from(&tokens[1..], first.span.start);
        }
        let verb = tokens
            .iter()
            .take(MAX_SPEAKER_WORDS + 1)
            .take_while(|t| t.kind == TokenKind::Word)
            .position(|t| is_speech_verb(self.word(t)))?;
        if verb == 0 {
            return None;
        }
        self.speaker_in(&tokens[..verb], first.span.start)
    }

    /// `Son said: "…"`, `He told reporters, "…"`, `Ho Chi Minh's teaching: "…"`.
    fn before(&self, open: usize, paragraph_start: usize) -> Option<Attribution> {
        let i = self.sentences.partition_point(|s| s.span.start <= open);
        let sentence_start = i
            .checked_sub(1)
            .map_or(paragraph_start, |i| self.sentences[i].span.start)
            .max(paragraph_start);
        // Only the words just before the mark matter; the cap keeps a huge one-sentence
        // text with many quotes linear.
        let from = ceil_boundary(self.text, sentence_start.max(open.saturating_sub(300)));
        let tokens = self.tokens(Span::new(from, open));
        let (last, rest) = tokens.split_last()?;
        let lead_in = matches!(self.word(last), ":" | ",");
        let tokens = if lead_in { rest } else { &tokens[..] };
        // The speech verb: the last word, or followed only by a short object ("told
        // reporters", "said in a statement"), longer before a colon ("told supporters at
        // the count in Mill House Leisure Centre:").
        let object_words = if self.word(last) == ":" { 12 } else { 4 };
        let tail = tokens.len().saturating_sub(object_words + 1);
        if let Some(v) = (tail..tokens.len())
            .rev()
            .find(|&i| tokens[i].kind == TokenKind::Word && is_speech_verb(self.word(&tokens[i])))
        {
            // Words and numbers, and the apostrophe of "BBC Radio 4's".
            let object_ok = tokens[v + 1..]
                .iter()
                .all(|t| t.kind != TokenKind::Punct || matches!(self.word(t), "'" | "’"));
            if object_ok && (lead_in || v + 1 == tokens.len()) {
                let verb_at = tokens[v].span.start;
                // "David Rose, chief executive, had said:": the helpers go with the verb.
                let v = self.without_helpers(&tokens[..v]).len();
                let from = tokens[..v]
                    .iter()
                    .rposition(|t| t.kind != TokenKind::Word)
                    .map_or(0, |i| i + 1)
                    .max(v.saturating_sub(MAX_SPEAKER_WORDS));
                // A speaker not named ("a prospective parliamentary candidate") may be an
                // apposition after the name, found below.
                let described = match self.speaker_in(&tokens[from..v], verb_at) {
                    Some(a) if a.speaker.is_some() => return Some(a),
                    found => found,
                };
                let is_comma = |t: &Token| self.word(t) == ",";
                let end = if v > 0 && is_comma(&tokens[v - 1]) {
                    v - 1
                } else {
                    v
                };
                let Some(comma) = tokens[..end].iter().rposition(is_comma) else {
                    return described;
                };
                // "The shadow education secretary, Tim Collins, said:": the person named
                // between the commas, and nothing else there.
                if comma + 1 < end {
                    let between = Span::new(tokens[comma + 1].span.start, tokens[end - 1].span.end);
                    if let Some((m, id)) = self.people_in(between).find(|&(m, _)| m == between) {
                        return Some(self.attribution(m, Some(id)));
                    }
                }
                // "Sarah Teather, the most recent MP to be elected, told researchers:": the
                // name before the apposition.
                let before_comma = &tokens[..comma];
                let run = before_comma
                    .iter()
                    .rev()
                    .take(MAX_SPEAKER_WORDS)
                    .take_while(|t| t.kind == TokenKind::Word && starts_upper(self.word(t)))
                    .count();
                let named = (run > 0)
                    .then(|| self.speaker_in(&before_comma[comma - run..], verb_at))
                    .flatten();
                return match (named, described) {
                    (Some(n), Some(d)) if n.speaker.is_none() => Some(d),
                    (named, described) => named.or(described),
                };
            }
        }
        // "Ho Chi Minh's teaching:": the possessor of the last words before a colon.
        if lead_in && self.word(last) == ":" {
            let tail = tokens.len().saturating_sub(3);
            let owner = (tail..tokens.len()).rev().find(|&i| {
                let w = self.word(&tokens[i]);
                w.ends_with("'s") || w.ends_with("’s")
            })?;
            let t = &tokens[owner];
            let suffix = if self.word(t).ends_with("’s") {
                "’s"
            } else {
                "'s"
            };
            let name = Span::new(t.span.start, t.span.end - suffix.len());
            if let Some((m, id)) = self.mention_ending_at(name.end) {
                return Some(self.attribution(m, Some(id)));
            }
            let from = tokens[..owner]
                .iter()
                .rposition(|t| !starts_upper(self.word(t)) || t.kind != TokenKind::Word)
                .map_or(0, |i| i + 1);
            if starts_upper(self.word(t)) {
                let span = Span::new(tokens[from].span.start, name.end);
                return Some(self.attribution(span, None));
            }
        }
        None
    }

    /// `Farage said the result showed his party was "now the real opposition"`: the
    /// speaker of a speech verb earlier in the sentence, in the words from `from` to the
    /// quote.
    fn reported(&self, from: usize, open: usize) -> Option<Attribution> {
        let from = ceil_boundary(self.text, from.max(open.saturating_sub(300)));
        let tokens = self.tokens(Span::new(from, open));
        tokens.iter().enumerate().find_map(|(v, t)| {
            if t.kind != TokenKind::Word || !is_speech_verb(self.word(t)) {
                return None;
            }
            let clause_start = |end: usize| {
                tokens[..end]
                    .iter()
                    .rposition(|t| t.kind != TokenKind::Word)
                    .map_or(0, |i| i + 1)
            };
            let subject = clause_start(v);
            // "Johnson, a Louisiana Republican, said…": the name before the apposition;
            // "Their president, Gustavo Parente Sanchez, says…": the name in it.
            let comma = |i: usize| i > 0 && self.word(&tokens[i - 1]) == ",";
            let apposition = (subject == v && comma(subject))
                .then(|| clause_start(subject - 1))
                .filter(|&a| comma(a));
            let words = match apposition {
                Some(a) => {
                    if let Some(person) = self.person_heading(&tokens[a..subject - 1]) {
                        return Some(person);
                    }
                    clause_start(a - 1)..a - 1
                }
                None => subject..v,
            };
            // A lone capitalised word is no speaker here: "Addressing claims that…".
            self.speaker_in(&tokens[words], t.span.start)
                .filter(|a| a.speaker.is_some() || a.text.contains(' ') || is_pronoun(&a.text))
        })
    }

    /// The speaker named right after a speech verb: "said Robert Sinche, head of…".
    fn speaker_from(&self, tokens: &[Token], verb_at: usize) -> Option<Attribution> {
        let first = tokens.first()?;
        if is_pronoun(self.word(first)) {
            return Some(self.pronoun(first.span, verb_at));
        }
        // "said Fiat chief executive Sergio Marchionne", "said Anthony Pratt from JD Power":
        // in the words up to the next punctuation, the person that ends them or a
        // preposition follows, past the organisation and title before them; failing that,
        // the same after a comma ("said Sony's chief executive, Nobuyuki Idei").
        let phrase_len = |from: &[Token]| {
            from.iter()
                .take(MAX_SPEAKER_WORDS)
                .take_while(|t| t.kind == TokenKind::Word)
                .count()
        };
        let words = &tokens[..phrase_len(tokens)];
        if let Some(found) = self.person_heading(words) {
            return Some(found);
        }
        if tokens.get(words.len()).is_some_and(|t| self.word(t) == ",") {
            let rest = &tokens[words.len() + 1..];
            if let Some(found) = self.person_heading(&rest[..phrase_len(rest)]) {
                return Some(found);
            }
        }
        // An owner is not the speaker ("said Sony's chief executive").
        if let Some((m, id)) = self
            .mention_starting_in(Span::new(
                first.span.start,
                tokens.get(1).map_or(first.span.end, |t| t.span.end),
            ))
            .filter(|&(m, _)| !self.is_owner(m))
        {
            return Some(self.attribution(m, Some(id)));
        }
        let run = tokens
            .iter()
            .take(MAX_SPEAKER_WORDS)
            .take_while(|t| t.kind == TokenKind::Word && starts_upper(self.word(t)))
            .count();
        let run = if run == 0 && self.word(first).eq_ignore_ascii_case("the") {
            tokens
                .iter()
                .take(4)
                .take_while(|t| t.kind == TokenKind::Word)
                .count()
        } else {
            run
        };
        (run > 0)
            .then(|| self.attribution(Span::new(first.span.start, tokens[run - 1].span.end), None))
    }

    /// The person in these words that ends them or that a preposition follows.
    fn person_heading(&self, words: &[Token]) -> Option<Attribution> {
        let phrase = Span::new(words.first()?.span.start, words.last()?.span.end);
        let heads = |&(m, _): &(Span, usize)| {
            let next = words.iter().find(|t| t.span.start >= m.end);
            next.is_none_or(|t| is_preposition(self.word(t)))
        };
        let (m, id) = self.people_in(phrase).find(heads)?;
        Some(self.attribution(m, Some(id)))
    }

    /// The words before a speech verb without the helpers that go with it ("Morientes had"
    /// → "Morientes").
    fn without_helpers<'t>(&self, tokens: &'t [Token]) -> &'t [Token] {
        let helpers = tokens
            .iter()
            .rev()
            .take_while(|t| is_verb_helper(self.word(t)))
            .count();
        &tokens[..tokens.len() - helpers]
    }

    /// The speaker in the words right before a speech verb: "Son", "he", "the official".
    fn speaker_in(&self, tokens: &[Token], verb_at: usize) -> Option<Attribution> {
        let tokens = self.without_helpers(tokens);
        let first = tokens.first()?;
        let last = tokens.last()?;
        if is_clause_word(self.word(last)) {
            return None;
        }
        // "she was told": the speaker is someone else.
        if tokens.len() > MAX_SPEAKER_WORDS || is_passive_auxiliary(self.word(last)) {
            return None;
        }
        // "But she said": the pronoun right before the verb.
        if is_pronoun(self.word(last)) {
            return Some(self.pronoun(last.span, verb_at));
        }
        let phrase = Span::new(first.span.start, last.span.end);
        if let Some((m, id)) = self.mention_ending_at(last.span.end) {
            if phrase.contains(m) {
                return Some(self.attribution(m, Some(id)));
            }
        }
        // "BA chairman Martin Broughton": the name at the end; "the official" or
        // "analysts": all of it.
        let name_from = tokens
            .iter()
            .rposition(|t| !starts_upper(self.word(t)))
            .map_or(0, |i| i + 1);
        if let Some(t) = tokens.get(name_from) {
            return Some(self.attribution(Span::new(t.span.start, last.span.end), None));
        }
        let descriptor = matches!(
            self.word(first).to_lowercase().as_str(),
            "the" | "a" | "an" | "its" | "his" | "her" | "their"
        ) || tokens.len() == 1;
        descriptor.then(|| self.attribution(phrase, None))
    }

    /// A pronoun stands for the person named last before it.
    fn pronoun(&self, span: Span, before: usize) -> Attribution {
        let speaker = self.mentions[..self.mentions.partition_point(|(m, _)| m.start < before)]
            .iter()
            .rev()
            .find(|(_, id)| self.entities[*id].kind == EntityType::Person)
            .map(|&(_, id)| id);
        self.attribution(span, speaker)
    }

    fn attribution(&self, span: Span, speaker: Option<usize>) -> Attribution {
        Attribution {
            speaker,
            text: span.of(self.text).to_string(),
        }
    }

    /// The people mentioned inside `range`, in order, other than as owners ("Putin's
    /// spokesman").
    fn people_in(&self, range: Span) -> impl Iterator<Item = (Span, usize)> + '_ {
        let i = self
            .mentions
            .partition_point(|(m, _)| m.start < range.start);
        self.mentions[i..]
            .iter()
            .take_while(move |(m, _)| m.end <= range.end)
            .filter(|&&(m, id)| self.entities[id].kind == EntityType::Person && !self.is_owner(m))
            .copied()
    }

    /// A mention followed by a possessive "'s".
    fn is_owner(&self, m: Span) -> bool {
        let after = &self.text[m.end..];
        after.starts_with("'s") || after.starts_with("’s")
    }

    fn mention_starting_in(&self, range: Span) -> Option<(Span, usize)> {
        let i = self
            .mentions
            .partition_point(|(m, _)| m.start < range.start);
        self.mentions
            .get(i)
            .filter(|(m, _)| m.start < range.end)
            .copied()
    }

    fn mention_ending_at(&self, end: usize) -> Option<(Span, usize)> {
        let i = self.mentions.partition_point(|(m, _)| m.start < end);
        self.mentions[..i]
            .iter()
            .rev()
            .take(8)
            .find(|(m, _)| m.end == end)
            .copied()
    }
}

/// The smallest char boundary of `text` at or after `i`.
fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The largest char boundary of `text` at or before `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paragraphs are lines; the first `captions` lines are captions, the rest body.
    fn layout(text: &str, captions: usize) -> (Vec<Paragraph>, Vec<Sentence>) {
        let mut paragraphs = Vec::new();
        let mut start = 0;
        for (i, line) in text.split('\n').enumerate() {
            paragraphs.push(Paragraph {
                span: Span::new(start, start + line.len()),
                role: if i < captions {
                    Role::Caption
                } else {
                    Role::Body
                },
            });
            start += line.len() + 1;
        }
        let tokens = tokenize(text);
        let sentences = crate::sentences::split(text, &tokens, &paragraphs);
        (paragraphs, sentences)
    }

    /// A person entity for each name, mentioned wherever it occurs.
    fn people(text: &str, names: &[&str]) -> Vec<Entity> {
        names
            .iter()
            .enumerate()
            .map(|(id, name)| Entity {
                id,
                name: name.to_string(),
                kind: EntityType::Person,
                salience: 0.0,
                reasons: Vec::new(),
                aliases: vec![name.to_string()],
                mentions: text
                    .match_indices(name)
                    .map(|(i, _)| Span::new(i, i + name.len()))
                    .collect(),
            })
            .collect()
    }

    /// (quoted words, kind, speaker's entity name, speaker as written) for each quote.
    fn quotes_of(
        text: &str,
        captions: usize,
        names: &[&str],
    ) -> Vec<(String, QuoteKind, Option<String>, Option<String>)> {
        let (paragraphs, sentences) = layout(text, captions);
        let entities = people(text, names);
        find(text, &sentences, &paragraphs, &entities)
            .into_iter()
            .map(|q| {
                (
                    q.span.of(text).to_string(),
                    q.kind,
                    q.speaker.map(|id| entities[id].name.clone()),
                    q.speaker_text,
                )
            })
            .collect()
    }

    macro_rules! case {
        ($text:expr, $names:expr, [$(($words:expr, $kind:ident, $speaker:expr, $said:expr)),* $(,)?]) => {
            case!($text, 0, $names, [$(($words, $kind, $speaker, $said)),*])
        };
        ($text:expr, $captions:expr, $names:expr, [$(($words:expr, $kind:ident, $speaker:expr, $said:expr)),* $(,)?]) => {{
            let want: Vec<(String, QuoteKind, Option<String>, Option<String>)> = vec![$((
                $words.to_string(),
                QuoteKind::$kind,
                Option::<&str>::from($speaker).map(str::to_string),
                Option::<&str>::from($said).map(str::to_string),
            )),*];
            assert_eq!(quotes_of($text, $captions, $names), want, "quotes in {:?}", $text);
        }};
    }

    #[test]
    fn attribution_after_the_quote() {
        case!(
            "\"We will not give up,\" Son said.",
            &["Son"],
            [("We will not give up", Direct, "Son", "Son")]
        );
        case!(
            "\"I think the chairman is taking a sanguine view,\" said Robert Sinche, head of \
             currency strategy.\n\"He is taking a longer-term view.\"",
            &["Robert Sinche"],
            [
                (
                    "I think the chairman is taking a sanguine view",
                    Direct,
                    "Robert Sinche",
                    "Robert Sinche"
                ),
                (
                    "He is taking a longer-term view.",
                    Direct,
                    "Robert Sinche",
                    "Robert Sinche"
                ),
            ]
        );
        // In the same paragraph, the next sentence goes on with the quote; one sentence
        // more of narrative between them does not.
        case!(
            "\"It was a massive win,\" said Arne Slot, who has lost only once in 18 league \
             games since replacing Jurgen Klopp. \"We knew how dangerous they are.\"",
            &["Arne Slot"],
            [
                ("It was a massive win", Direct, "Arne Slot", "Arne Slot"),
                (
                    "We knew how dangerous they are.",
                    Direct,
                    "Arne Slot",
                    "Arne Slot"
                ),
            ]
        );
        case!(
            "\"It was a massive win,\" said Arne Slot. Fans had waited for it for years \
             on end. \"We knew how dangerous they are.\"",
            &["Arne Slot"],
            [
                ("It was a massive win", Direct, "Arne Slot", "Arne Slot"),
                ("We knew how dangerous they are.", Direct, None, None),
            ]
        );
        // The pronoun is the person named last.
        case!(
            "Analyst Nick Brul praised the results.\n\
             \"It is quite good on the revenue side,\" he said.",
            &["Nick Brul"],
            [(
                "It is quite good on the revenue side",
                Direct,
                "Nick Brul",
                "he"
            )]
        );
        // No entity: the words are kept, the speaker is unknown.
        case!(
            "\"Prices will fall next year,\" the official added.",
            &[],
            [("Prices will fall next year", Direct, None, "the official")]
        );
    }

    #[test]
    fn a_person_named_inside_the_quote_is_not_its_speaker() {
        case!(
            "Safin lost in four sets. \"I'm playing against Hewitt,\" he said.",
            &["Safin", "Hewitt"],
            [("I'm playing against Hewitt", Direct, "Safin", "he")]
        );
    }

    #[test]
    fn attribution_before_the_quote() {
        case!(
            "Son told reporters: \"Trade will double by 2030.\"",
            &["Son"],
            [("Trade will double by 2030.", Direct, "Son", "Son")]
        );
        let teaching = "Vietnam’s diplomacy has always imbued President Ho Chi Minh’s teaching: \
                        “Always serve the nation's interests.” Today, the national interest \
                        remains the compass.";
        case!(
            teaching,
            &["Ho Chi Minh"],
            [(
                "Always serve the nation's interests.",
                Direct,
                "Ho Chi Minh",
                "Ho Chi Minh"
            )]
        );
        case!(
            teaching,
            &[],
            [(
                "Always serve the nation's interests.",
                Direct,
                None,
                "President Ho Chi Minh"
            )]
        );
    }

    #[test]
    fn phrases_names_and_unattributed_quotes() {
        case!(
            "It applies the principle of “being firm in policy yet flexible in execution” \
             to maintain peace, Son said.",
            &["Son"],
            [(
                "being firm in policy yet flexible in execution",
                Phrase,
                None,
                None
            )]
        );
        case!(
            "Vietnam adheres to the “Four No’s” defence policy.",
            &[],
            []
        );
        case!(
            "Comments that the \"time is ripe\" for a change were ignored.",
            &[],
            [("time is ripe", Phrase, None, None)]
        );
        // A full stop inside the marks: the next sentence is not an attribution.
        case!(
            "\"Trade will grow this year.\" The company said profits rose.",
            &[],
            [("Trade will grow this year.", Direct, None, None)]
        );
        // Left open at the end of the paragraph: it runs on.
        case!(
            "\"This quote goes on into the next paragraph",
            &[],
            [(
                "This quote goes on into the next paragraph",
                Direct,
                None,
                None
            )]
        );
        case!("Nothing \"\" here, and “ ” neither.", &[], []);
        case!("", &[], []);
    }

    #[test]
    fn straight_quotes_that_run_on_and_job_titles() {
        // Two paragraphs of a quote merged into one line: the second opens before the
        // first is closed.
        case!(
            "Sarah Teather told researchers: \"Lots of people say it's like a club. \"I've \
             always said it feels more like a school.\" The study ends.",
            &["Sarah Teather"],
            [
                (
                    "Lots of people say it's like a club.",
                    Direct,
                    "Sarah Teather",
                    "Sarah Teather"
                ),
                (
                    "I've always said it feels more like a school.",
                    Direct,
                    "Sarah Teather",
                    "Sarah Teather"
                ),
            ]
        );
        case!(
            "\"For the year, the revenue outlook is slightly better,\" BA chairman Martin \
             Broughton said.",
            &[],
            [(
                "For the year, the revenue outlook is slightly better",
                Direct,
                None,
                "Martin Broughton"
            )]
        );
        // A lowercase fragment is a phrase even when it ends with a full stop.
        case!(
            "The aim is to change \"the terms of engagement in globalisation.\"",
            &[],
            [(
                "the terms of engagement in globalisation.",
                Phrase,
                None,
                None
            )]
        );
    }

    #[test]
    fn fragments_quoted_in_reported_speech() {
        case!(
            "Nigel Farage said the result showed his party was \"now the real opposition\". \
             Judge Roberts said it was a \"calculated betrayal of trust\".",
            &["Nigel Farage", "Roberts"],
            [
                (
                    "now the real opposition",
                    Direct,
                    "Nigel Farage",
                    "Nigel Farage"
                ),
                ("calculated betrayal of trust", Direct, "Roberts", "Roberts")
            ]
        );
        // A lone capitalised word before a speech verb is no speaker ("claims" is a noun),
        // and one or two quoted words stay a phrase.
        case!(
            "Addressing claims that it was \"badly drafted law\", officials met. Ms Lee \
             said it was \"flawed\".",
            &["Lee"],
            [
                ("badly drafted law", Phrase, None, None),
                ("flawed", Phrase, None, None)
            ]
        );
        // An apposition between the subject and the verb: the name on either side of it.
        case!(
            "Johnson, a Louisiana Republican, said the House \"will work its own will\". \
             Their president, Gustavo Parente, says Juninho \"does not wish to remain\".",
            &["Johnson", "Gustavo Parente", "Juninho"],
            [
                ("will work its own will", Direct, "Johnson", "Johnson"),
                (
                    "does not wish to remain",
                    Direct,
                    "Gustavo Parente",
                    "Gustavo Parente"
                )
            ]
        );
    }

    #[test]
    fn a_long_object_before_a_colon() {
        case!(
            "Ms Jones told supporters at the count in Mill House Leisure Centre: \"We will \
             not let the town down.\" Mr Michael told BBC Radio 4's Today programme: \"It is \
             clear.\"",
            &["Jones", "Michael"],
            [
                ("We will not let the town down.", Direct, "Jones", "Jones"),
                ("It is clear.", Direct, "Michael", "Michael")
            ]
        );
        // An apposition after the name: the name, not the description.
        case!(
            "Katrina Bull, a parliamentary candidate said Mr Blair had shown he could rouse \
             the party: \"I think he can win.\"",
            &["Katrina Bull", "Blair"],
            [(
                "I think he can win.",
                Direct,
                "Katrina Bull",
                "Katrina Bull"
            )]
        );
    }

    #[test]
    fn passives_appositions_and_leading_conjunctions() {
        case!(
            "Another minister says she was told: \"Oh, you have had a very fast rise.\"",
            &[],
            [("Oh, you have had a very fast rise.", Direct, None, None)]
        );
        case!(
            "Sarah Teather, the most recent MP to be elected, told researchers: \"It is \
             like an old boys club.\"",
            &["Sarah Teather"],
            [(
                "It is like an old boys club.",
                Direct,
                "Sarah Teather",
                "Sarah Teather"
            )]
        );
        case!(
            "Lam spoke first.\nBut she added: \"Some women received extraordinary treatment.\"",
            &["Lam"],
            [(
                "Some women received extraordinary treatment.",
                Direct,
                "Lam",
                "she"
            )]
        );
    }

    #[test]
    fn speakers_after_an_organisation_and_title_or_between_commas() {
        case!(
            "\"We now have freedom,\" said Fiat chief executive Sergio Marchionne.",
            &["Sergio Marchionne"],
            [(
                "We now have freedom",
                Direct,
                "Sergio Marchionne",
                "Sergio Marchionne"
            )]
        );
        // The person before a preposition, even when a later name is taken for a person.
        case!(
            "\"It may cool its attraction,\" said Anthony Pratt from JD Power.",
            &["Anthony Pratt", "JD Power"],
            [(
                "It may cool its attraction",
                Direct,
                "Anthony Pratt",
                "Anthony Pratt"
            )]
        );
        // An owner is not the speaker.
        case!(
            "\"It is done,\" said Putin's spokesman Dmitry Peskov.",
            &["Putin", "Dmitry Peskov"],
            [("It is done", Direct, "Dmitry Peskov", "Dmitry Peskov")]
        );
        // The person after a comma, the owner before it being no speaker either.
        case!(
            "\"We were too optimistic,\" said Sony's chief executive, Nobuyuki Idei.",
            &["Sony", "Nobuyuki Idei"],
            [(
                "We were too optimistic",
                Direct,
                "Nobuyuki Idei",
                "Nobuyuki Idei"
            )]
        );
        case!(
            "The shadow education secretary, Tim Collins, said: \"It is clear.\"",
            &["Tim Collins"],
            [("It is clear.", Direct, "Tim Collins", "Tim Collins")]
        );
    }

    #[test]
    fn helpers_and_clauses_between_speaker_and_verb() {
        case!(
            "\"I want to play,\" Morientes had said.",
            &["Morientes"],
            [("I want to play", Direct, "Morientes", "Morientes")]
        );
        case!(
            "David Rose, chief executive of the trust, had said: \"We regret it.\"",
            &["David Rose"],
            [("We regret it.", Direct, "David Rose", "David Rose")]
        );
        // "who" is not the speaker; the name before it is.
        case!(
            "This was rejected by Mr Blair, who said: \"We will win.\"",
            &["Blair"],
            [("We will win.", Direct, "Blair", "Blair")]
        );
        // A conjunction after a quote starts a clause: no speaker rather than "and".
        case!(
            "\"We have done nothing wrong and will prove it in court,\" and added that it was over.",
            &[],
            [(
                "We have done nothing wrong and will prove it in court",
                Direct,
                None,
                None
            )]
        );
    }

    #[test]
    fn only_body_paragraphs() {
        case!(
            "\"Smiles all round,\" said the caption writer.\n\"We agreed on everything,\" Son said.",
            1,
            &["Son"],
            [("We agreed on everything", Direct, "Son", "Son")]
        );
    }
}
