//! Reads what a figure counts or measures from its sentence: the noun after a count
//! ("199 investment projects"), the subject before an amount ("bilateral trade in 2024
//! reaching 4.58 billion USD"), the period, and the field of a rank ("4th among the 81").

use super::lex::Sentence;
use super::numbers::NUMBER_STARTERS;
use super::{Hit, Reading};
use crate::report::{Figure, FigureKind};
use std::ops::Range;

#[derive(Debug, Default)]
pub struct Context {
    pub counted: Option<String>,
    pub subject: Option<String>,
    pub period: Option<String>,
    pub out_of: Option<f64>,
}

/// What a figure takes from the one before it in the sentence (`earlier`, read from hit
/// `a`): a conversion in brackets measures the same and counts the same ("took $30.2m
/// (£15.5m; €23m)"); a figure set against one of its kind measures the same ("stood at 25%,
/// compared with 10%", "from £400m to £700m").
pub fn borrow(s: &Sentence, a: &Hit, b: &Hit, earlier: &Figure, ctx: &mut Context) {
    if a.kind != b.kind || !matches!(b.kind, FigureKind::Money | FigureKind::Percent) {
        return;
    }
    let conversion = b.kind == FigureKind::Money
        && b.start == a.end + 1
        && matches!(s.ch(b.start - 1), Some('(' | ';'));
    let words: Vec<&str> = (a.end..b.start)
        .filter(|&k| s.ch(k) != Some(','))
        .map(|k| s.word(k).unwrap_or("?"))
        .collect();
    let contrast = matches!(
        words.as_slice(),
        ["compared", "with" | "to"] | ["against" | "versus" | "from" | "to" | "and" | "or"]
    );
    if conversion || contrast {
        ctx.subject = ctx.subject.take().or_else(|| earlier.subject.clone());
    }
    if conversion {
        ctx.counted = ctx.counted.take().or_else(|| earlier.counted.clone());
        ctx.period = ctx.period.take().or_else(|| earlier.period.clone());
    }
}

/// Words that end a noun phrase.
const STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "with",
    "by",
    "as",
    "and",
    "or",
    "but",
    "nor",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "when",
    "while",
    "though",
    "although",
    "whereas",
    "because",
    "if",
    "unless",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "shall",
    "this",
    "these",
    "those",
    "their",
    "its",
    "his",
    "her",
    "our",
    "your",
    "my",
    "than",
    "between",
    "among",
    "into",
    "over",
    "under",
    "about",
    "after",
    "before",
    "during",
    "since",
    "until",
    "including",
    "such",
    "so",
    "not",
    "also",
    "both",
    "each",
    "all",
    "more",
    "less",
    "per",
    "against",
    "through",
    "across",
    "within",
    "without",
    "toward",
    "towards",
    "worth",
    "said",
    "says",
    "according",
    "there",
    "it",
    "they",
    "we",
    "he",
    "she",
    "i",
    "you",
    "if",
    "then",
    "out",
    "up",
    "down",
    "off",
    "ago",
    "later",
    "earlier",
    "now",
    "yet",
    "still",
    "just",
    "only",
    "even",
    "each",
    "every",
    "other",
    "another",
    "own",
    "some",
    "any",
    "no",
    "respectively",
    "totalling",
    "reaching",
    "plus",
    "minus",
    // Pronouns, adverbs and verbs that follow a counted noun ("two of them ever", "10
    // vehicles it's", "the soap began").
    "them",
    "him",
    "her",
    "me",
    "it's",
    "i'm",
    "i've",
    "we've",
    "don't",
    "what",
    "why",
    "how",
    "ever",
    "also",
    "already",
    "almost",
    "again",
    "together",
    "alone",
    "ahead",
    "behind",
    // Where something lies from the figure: "4C above the average", "7,400km beyond".
    "above",
    "below",
    "beyond",
    "beneath",
    "outside",
    "inside",
    "along",
    "alongside",
    "via",
    "upon",
    "onto",
    "throughout",
    "amid",
    "despite",
    // The plural of a number ("in the 20s").
    "s",
    "around",
    "because",
    "rather",
    "like",
    "began",
    "came",
    "went",
    "took",
    "gave",
    "made",
    "got",
    "won",
    "lost",
    "held",
    "sold",
    "bought",
    "brought",
    "told",
    "met",
    "drew",
    "paid",
    "seen",
];

/// Words between an amount and what it belongs to: "reaching", "of", "worth".
const LINKERS: &[&str] = &[
    "reaching",
    "reached",
    "reach",
    "reaches",
    "hit",
    "hitting",
    "totalled",
    "totaled",
    "totalling",
    "totaling",
    "totals",
    "total",
    "stood",
    "held",
    "amounted",
    "amounting",
    "rose",
    "rising",
    "fell",
    "falling",
    "grew",
    "growing",
    "increased",
    "decreased",
    "dropped",
    "climbed",
    "jumped",
    "surged",
    "declined",
    "slipping",
    "dropping",
    "shed",
    "shedding",
    "took",
    "taking",
    "earned",
    "earning",
    "grossed",
    "slid",
    "sank",
    "dipped",
    "edged",
    "rallied",
    "advanced",
    "soaring",
    "up",
    "down",
    "rise",
    "risen",
    "fall",
    "fallen",
    "grow",
    "grown",
    "has",
    "have",
    "had",
    "been",
    "expected",
    "forecast",
    "tipped",
    "likely",
    "predicted",
    "set",
    "just",
    "only",
    "will",
    "would",
    "could",
    "may",
    "might",
    "slipped",
    "eased",
    "gained",
    "soared",
    "plunged",
    "tumbled",
    "shrank",
    "shrunk",
    "narrowed",
    "widened",
    "contracted",
    "expanded",
    "slumped",
    "plummeted",
    "rebounded",
    "slowed",
    "accelerated",
    "swelled",
    "topped",
    "start",
    "starts",
    "started",
    "starting",
    "standing",
    "unchanged",
    // "gold was steady at $2,885".
    "steady",
    "flat",
    "stable",
    "firm",
    "firmer",
    "higher",
    "lower",
    "close",
    "closed",
    "closing",
    "ended",
    "trading",
    "was",
    "were",
    "is",
    "are",
    "of",
    "at",
    "to",
    "worth",
    "valued",
    "estimated",
    "be",
    "by",
    "nearly",
    "about",
    "around",
];

fn stop(w: &str) -> bool {
    STOP.contains(&w)
}

/// The noun phrase starting at piece `k`, as written: "investment projects",
/// "countries and territories", "Industrial Revolution", "No’s". When `many` things are
/// counted, the phrase ends at its first plural ("six leading lobbies", not "six leading
/// lobbies plan"), and a phrase of capitalised words with no plural is a name, not what
/// is counted ("eight Gonzalo Longo").
fn phrase_after(s: &Sentence, k: usize, many: bool) -> Option<(String, usize)> {
    let (mut end, mut plural) = noun_run(s, k, many)?;
    // "countries and territories", but not "12 jurors and eight stand-by jurors",
    // "three journalists and Apple", "66 times and brought" or "a preference and promised".
    if s.is(end, "and")
        && s.word(end + 1)
            .is_some_and(|n| !stop(n) && !NUMBER_STARTERS.contains(n) && !verbish(n))
        && (!s.capitalised(end + 1) || s.capitalised(k))
    {
        if let Some((e, also_plural)) = noun_run(s, end + 1, many) {
            if !(many && plural && !also_plural) {
                end = e;
                plural |= also_plural;
            }
        }
    }
    // Capitalised words only and nothing counted: a name ("eight Gonzalo Longo").
    if many && !plural && (k..end).all(|i| s.word(i).is_none() || s.capitalised(i)) {
        return None;
    }
    Some((s.text_of(k..end).to_string(), end))
}

/// The words of a noun phrase from piece `k` up to any "and": its end, and whether it has
/// a plural (where it ends when `many` things are counted).
fn noun_run(s: &Sentence, k: usize, many: bool) -> Option<(usize, bool)> {
    let (mut j, mut end, mut words) = (k, k, 0);
    let mut plural = false;
    while words < 6 && !(many && plural) {
        let Some(w) = s.word(j).filter(|w| !stop(w)) else {
            break;
        };
        // An adjective, not a verb: "the most indebted countries", "seemingly
        // contradictory needs", "longest-running trials", "main trading partners",
        // "seventh largest trading partner".
        let adjective = j > k
            && (s.word(j - 1).is_some_and(|p| {
                p.ends_with("ly") || MODIFIERS.contains(&p) || p.len() > 4 && p.ends_with("est")
            }) || s.dash(j - 1)
                // "12% of global trade normally passes": an adverb after a noun.
                || many && !plural && counts_many(s, j + 1) && !w.ends_with("ly"));
        // "the sixth consecutive monthly decline": a frequency before a noun is no adverb.
        let frequency = matches!(
            w,
            "hourly" | "daily" | "weekly" | "monthly" | "quarterly" | "yearly"
        ) && s.word(j + 1).is_some_and(|n| !stop(n));
        // "hit" is a verb before its object ("an earthquake hit Turkey"), else a noun ("their
        // first hit", "a top 10 hit in 1970").
        let verb = verbish(w) || w == "hit" && s.word(j + 1).is_some_and(|n| !stop(n));
        if j > k && verb && !s.capitalised(j) && !adjective && !frequency {
            break;
        }
        // Right after the number, a past tense is a verb unless more of the phrase
        // follows it: "60,331 watched the game", "€100m spread over", but "30 armed men"
        // (and "third seed").
        let past =
            w.len() > 3 && w.ends_with("ed") && !w.ends_with("eed") || IRREGULAR_VERBS.contains(&w);
        let more = || s.word(j + 1).is_some_and(|n| !stop(n)) || s.hyphen(j + 1);
        if j == k && past && !s.capitalised(j) && !more() {
            break;
        }
        // "10 years away", "four weeks apart", "90% of sunlight back into space"; not
        // "their first away win".
        if matches!(w, "away" | "apart" | "back") && !more() {
            break;
        }
        // "150,000 sq km smaller than": a comparison, not what is measured; but "70
        // poorer nations".
        if j == k && COMPARATIVES.contains(&w) && !more() {
            break;
        }
        // "the company's total capital last month", "one of their last 11 matches"; not
        // "two last-minute goals".
        if matches!(w, "last" | "next" | "this") && !s.capitalised(j) && !s.hyphen(j + 1) {
            break;
        }
        // A name after a common noun is another phrase ("fifth seed Tommy Robredo"),
        // unless it names a kind of what is counted ("annual Academy Awards", "three
        // important World Cup qualifiers").
        if j > k && !s.capitalised(j - 1) && starts_name(s, j) && s.capitalised(j + 1) {
            let names = (j..).take_while(|&i| s.capitalised(i)).count();
            if !(j..=j + names).any(|i| counts_many(s, i)) {
                break;
            }
        }
        // The last of the nouns is the head: "doubles titles", "games developers",
        // "Champions League representatives".
        // A hyphenated compound is one word whatever its parts ("battery-only",
        // "plug-in"), and its last part says whether it is plural.
        let mut last = j;
        while s.hyphen(last + 1) && s.word(last + 2).is_some() {
            last += 2;
        }
        let modifier = s.capitalised(last) && s.capitalised(last + 1) || counts_many(s, last + 1);
        plural |= counts_many(s, last) && !modifier;
        words += 1;
        j = last + 1;
        end = j;
    }
    (end > k).then_some((end, plural))
}

const COMPARATIVES: &[&str] = &[
    "smaller", "larger", "bigger", "higher", "lower", "greater", "fewer", "longer", "shorter",
    "older", "younger", "cheaper", "dearer", "faster", "slower", "wider", "deeper", "heavier",
    "lighter", "richer", "poorer", "stronger", "weaker", "better", "worse", "warmer", "colder",
];

/// A word in "-ed", "-ing" or "-ly": likely a verb or an adverb after a noun, unless a
/// known noun.
fn verbish(w: &str) -> bool {
    (w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly")) && !ING_NOUNS.contains(&w)
        || IRREGULAR_VERBS.contains(&w)
}

/// Past tenses and participles without "-ed" that follow a figure: "€100m spread over five
/// years", "$5m paid to" (those in [`STOP`], "said", "won", "was", end a phrase already).
const IRREGULAR_VERBS: &[&str] = &[
    "spread", "paid", "sold", "spent", "held", "built", "bought", "brought", "sent", "given",
    "taken", "fell", "rose", "grew", "went", "came", "got", "gave", "saw", "kept", "ran", "met",
    "struck", "shook", "swept", "left", "lost", "won", "beat", "took", "made", "told",
];

/// Nouns in "-ing" that amounts often measure: "$550bn in new spending".
const ING_NOUNS: &[&str] = &[
    "spending",
    "funding",
    "financing",
    "housing",
    "training",
    "building",
    "borrowing",
    "lending",
    "shipping",
    "marketing",
    "advertising",
    "manufacturing",
    "clothing",
    "bedding",
    "catering",
    "parking",
    "fishing",
    "farming",
    "mining",
    "banking",
    "schooling",
    "polling",
    "ceiling",
];

/// Whether piece `i` is capitalised like a name ("Robredo"), not an acronym ("PCs").
fn starts_name(s: &Sentence, i: usize) -> bool {
    let mut chars = s.raw(i).chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_lowercase)
}

/// Words after which a word in "-ed" or "-ing" is an adjective: "the most indebted".
const MODIFIERS: &[&str] = &["most", "more", "least", "less", "very", "so", "too"];

/// Whether piece `i` names several things: "barrels", "people", "MPs"; not "generous".
fn counts_many(s: &Sentence, i: usize) -> bool {
    let Some(w) = s.word(i) else {
        return false;
    };
    let raw = s.raw(i);
    let acronyms = raw.len() > 2
        && raw.ends_with('s')
        && raw[..raw.len() - 1].chars().all(|c| c.is_ascii_uppercase());
    // "the Four No’s": the plural of a short word, not a possessive ("the UK's").
    let short_words = ["’s", "'s"].iter().any(|e| {
        raw.strip_suffix(e).is_some_and(|w| {
            (1..=3).contains(&w.chars().count()) && w.chars().any(char::is_lowercase)
        })
    });
    let regular = s.plural(i) && !w.ends_with("us") && !w.ends_with("is");
    regular
        || acronyms
        || short_words
        || matches!(
            w,
            "people" | "men" | "women" | "children" | "police" | "staff" | "cattle" | "feet"
        )
}

/// What an amount belongs to: the noun phrase ending just before piece `k`, without the
/// verbs and adverbs around it ("caused damage" → "damage", "saw volume sales" → "volume
/// sales", "shares recovered slightly" → "shares") or a date in it (`dates` holds the
/// pieces of the sentence's dates); none when nothing else is left ("risen", "likely").
/// An acronym in brackets after the phrase is left out: "the consumer price index (CPI)".
fn subject_before(s: &Sentence, k: usize, dates: &[(usize, usize)]) -> Option<String> {
    let acronym = k >= 3
        && s.ch(k - 3) == Some('(')
        && s.ch(k - 1) == Some(')')
        && s.raw(k - 2).len() > 1
        && s.raw(k - 2).bytes().all(|b| b.is_ascii_uppercase());
    let k = if acronym { k - 3 } else { k };
    let mut j = noun_run_before(s, k);
    // What the phrase belongs to, over one or two prepositions: "shares in Google", "TB in
    // England", "sales of new homes in the US".
    for _ in 0..2 {
        let mut p = j;
        if p > 0 && s.is(p - 1, "the") {
            p -= 1;
        }
        if p == 0 || !s.is_any(p - 1, PREPOSITIONS) {
            break;
        }
        let head = noun_run_before(s, p - 1);
        if head == p - 1 {
            break;
        }
        j = head;
    }
    let mut end = k;
    // After a date or a verb in it: "January audience share", "which saw its shares".
    let verb = |i: usize| s.word(i).is_some_and(|w| VERBS.contains(&w)) && !s.capitalised(i);
    let dated = |i: usize| dates.iter().any(|&(a, b)| a <= i && i < b);
    if let Some(i) = (j..end).rev().find(|&i| verb(i) || dated(i)) {
        j = i + 1;
    }
    // An adverb or a verb opening it; a word in "-ed" or "-ing" is an adjective after a
    // determiner, a hyphen or an adverb ("its generating capacity", "non-performing
    // loans", "seasonally adjusted sales").
    let mut after_adverb = false;
    while let Some(w) = s.word(j).filter(|_| j < end) {
        let adverb = w.ends_with("ly");
        let adjective_slot = after_adverb
            || j > 0
                && (s.dash(j - 1)
                    || s.is_any(j - 1, DETERMINERS)
                    || s.word(j - 1).is_some_and(|p| p.ends_with("'s")));
        let participle = w.ends_with("ed") || w.ends_with("ing") || w == "forecast";
        if !(adverb || participle && !adjective_slot) {
            break;
        }
        after_adverb = adverb;
        j += 1;
    }
    // What is left after a verb: "looking for paycuts" → "paycuts".
    while j < end && s.is_any(j, PREPOSITIONS) {
        j += 1;
    }
    // An adverb, a participle or a preposition closing it: "shares recovered slightly",
    // "borrowing needed", "the eurozone economy from", "falling back".
    while end > j
        && !s.capitalised(end - 1)
        && s.word(end - 1).is_some_and(|w| {
            w.ends_with("ly")
                || w.ends_with("ed")
                || PREPOSITIONS.contains(&w)
                || matches!(w, "back" | "up" | "down" | "away")
        })
    {
        end -= 1;
    }
    (j < end).then(|| s.text_of(j..end).to_string())
}

/// How many pieces before a figure its subject may start: five words, two prepositions with
/// five words each, and an acronym in brackets, with room to spare.
const SUBJECT_REACH: usize = 32;

/// Verbs of buying and selling, after which "for" gives a price.
const SALES: &[&str] = &[
    "buy",
    "buys",
    "bought",
    "buying",
    "sell",
    "sells",
    "sold",
    "selling",
    "acquire",
    "acquired",
    "acquiring",
    "purchase",
    "purchased",
];

/// Articles and possessives that open what a verb acts on: "won the award", "bought the
/// unit".
pub(super) const ARTICLES: &[&str] = &["the", "a", "an", "its", "their", "his", "her"];

/// Prepositions that join a subject to what it belongs to: "sales of new homes in the US".
const PREPOSITIONS: &[&str] = &["in", "of", "on", "at", "for", "from"];

/// Where the words before piece `k` start, up to five, none a stop word; a hyphen joins
/// two ("full-year sales").
fn noun_run_before(s: &Sentence, k: usize) -> usize {
    let mut j = k;
    while j > 0 && k - j < 5 {
        match s.word(j - 1) {
            Some(w) if !stop(w) => j -= 1,
            // "GDP per capita".
            Some("per") if s.is(j, "capita") => j -= 1,
            // "plug-in", and "10-year" whole rather than "year".
            None if j >= 2 && s.hyphen(j - 1) => {
                if s.word(j - 2).is_none() && s.num(j - 2).is_none() {
                    break;
                }
                j -= 2;
            }
            _ => break,
        }
    }
    j
}

/// Verbs before what an amount measures ("saw its shares rise 25%"), and "news", which an
/// amount never measures ("fell 6% on the news to $10.44").
const VERBS: &[&str] = &[
    "caused", "provides", "provide", "require", "requires", "make", "makes", "pay", "pays",
    "receive", "receives", "see", "sees", "saw", "seeing", "need", "needs", "keep", "keeps",
    "expect", "expects", "close", "news", "sent", "send", "sends", "pushed", "drove", "raised",
    "raise", "raises", "lifted", "lowered", "suggests", "put", "puts",
];

/// Words after which a word in "-ed" or "-ing" is an adjective ("by" is left out: "by
/// cutting costs").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "your", "this", "these", "those", "of",
    "for", "in", "on", "at", "with", "from", "into", "over", "under",
];

/// The plural noun nearest before piece `k`: what "ones" stands for.
fn plural_before(s: &Sentence, k: usize) -> Option<String> {
    (k.saturating_sub(40)..k).rev().find_map(|j| {
        let w = s.word(j)?;
        let plural = s.plural(j)
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !s.capitalised(j)
            && !stop(w);
        plural.then(|| s.raw(j).to_string())
    })
}

/// "lessons" → "lesson", "countries" → "country".
fn singular(w: &str) -> String {
    if let Some(stem) = w.strip_suffix("ies") {
        format!("{stem}y")
    } else if w.ends_with("sses") {
        w[..w.len() - 2].to_string()
    } else if let Some(stem) = w.strip_suffix('s') {
        stem.to_string()
    } else {
        w.to_string()
    }
}

/// What hit `n` counts (the noun after it), with "one of the countries" and "four major
/// ones" (the plural noun before) handled.
fn counted(s: &Sentence, hits: &[Hit], n: usize) -> Option<String> {
    let h = &hits[n];
    // "90% of PCs", "below 3% of GDP": the whole a share is of.
    if h.kind == FigureKind::Percent {
        if !s.is(h.end, "of") {
            return None;
        }
        let k = if s.is_any(
            h.end + 1,
            &["the", "its", "their", "his", "her", "our", "all"],
        ) {
            h.end + 2
        } else {
            h.end + 1
        };
        // "10% of ATMs get swapped": the whole ends at a plural, but may be one ("EADS").
        return phrase_after(s, k, true)
            .or_else(|| phrase_after(s, k, false))
            .map(|(p, _)| p);
    }
    if h.unit == Some(super::SCORE)
        || !matches!(
            h.kind,
            FigureKind::Cardinal
                | FigureKind::Ordinal
                | FigureKind::Duration
                | FigureKind::Quantity
                | FigureKind::Money
                | FigureKind::Range
        )
        || matches!(h.reading, Reading::Span(..))
    {
        return None;
    }
    // A count of several things ends at its plural noun; an amount names what it is for.
    let many = match h.reading {
        Reading::Number(v) => v > 1.0 && matches!(h.kind, FigureKind::Cardinal),
        Reading::Range(..) => true,
        _ => false,
    };
    // "Italy 8-38 Wales": the second number of a pair counts nothing after it.
    let second_of_pair = h.start >= 2 && s.hyphen(h.start - 1) && s.num(h.start - 2).is_some();
    if second_of_pair {
        return None;
    }
    // "$5m last year", "58.6 last month": a date right after the figure is no noun, nor is
    // a duration right after an amount ("a record $9.4bn two years earlier").
    let amount = matches!(h.kind, FigureKind::Money | FigureKind::Quantity);
    let date_after = hits.get(n + 1).is_some_and(|d| {
        d.start == h.end
            && (matches!(d.kind, FigureKind::Date | FigureKind::Time)
                || amount && d.kind == FigureKind::Duration)
    });
    // "number eight Imanol Harinordoquy": a rank before a name counts nothing.
    let rank_before_name = h.kind == FigureKind::Ordinal
        && h.start > 0
        && s.is(h.start - 1, "number")
        && s.capitalised(h.end);
    // "the 18-year-old battled past": who an age is of is no count.
    let age = h.kind == FigureKind::Duration && h.age;
    if date_after || rank_before_name || age {
        return None;
    }
    if let Some((p, _)) = phrase_after(s, h.end, many) {
        let last = p.rsplit(' ').next().unwrap_or("");
        if last.eq_ignore_ascii_case("ones") || last.eq_ignore_ascii_case("one") {
            return plural_before(s, h.start).or(Some(p));
        }
        return Some(p);
    }
    // "one of the countries".
    if h.kind == FigureKind::Cardinal && s.is(h.end, "of") {
        let k = if s.is_any(h.end + 1, &["the", "its", "their", "these", "those", "our"]) {
            h.end + 2
        } else {
            h.end + 1
        };
        return phrase_after(s, k, true).map(|(p, _)| p);
    }
    // What an amount is made of: "£35bn of cuts", "$5bn of debt", "£150,000 in libel
    // damages"; not "$40m in the US", "$5m in 2004", "in three days" or "115p in early
    // trading".
    if h.kind == FigureKind::Money
        && s.is_any(h.end, &["of", "in"])
        && s.word(h.end + 1)
            .is_some_and(|w| !stop(w) && !NUMBER_STARTERS.contains(w))
        && !s.capitalised(h.end + 1)
        && !(h.end + 1..h.end + 5).any(|k| s.is_any(k, &["trade", "trading", "dealings"]))
    {
        let of = s.is(h.end, "of");
        return phrase_after(s, h.end + 1, true)
            .or_else(|| phrase_after(s, h.end + 1, false).filter(|_| of))
            .map(|(p, _)| p)
            .filter(|p| p != "total");
    }
    None
}

/// The time a rate is counted over, right after figure `h` and what it counts: "5,000
/// cars a week", "£10.42 an hour", "2% a year", "$2,000 each month". Its pieces.
pub fn rate(s: &Sentence, h: &Hit) -> Option<Range<usize>> {
    if matches!(
        h.kind,
        FigureKind::Date | FigureKind::Time | FigureKind::Ordinal
    ) {
        return None;
    }
    // Over a conversion in brackets: "$1bn (£530m) a year".
    let mut from = h.end;
    if s.ch(from) == Some(')') {
        from += 1;
    }
    if s.ch(from) == Some('(') {
        if let Some(close) = (from + 1..from + 6).find(|&j| s.ch(j) == Some(')')) {
            from = close + 1;
        }
    }
    // The span first (most figures have none), then what is counted before it, with one
    // "of": "150 billion tonnes of ice a year".
    let k = (from..from + 7).find(|&k| {
        matches!(s.word(k), Some("a" | "an" | "per" | "each" | "every"))
            && s.word(k + 1).is_some_and(is_rate_span)
    })?;
    let mut of = false;
    let counted = (from..k).all(|j| match s.word(j) {
        // "£1,400 more a year".
        Some("more" | "less" | "extra") if j == from => true,
        Some("of") if !of && s.word(j + 1).is_some_and(|w| !stop(w)) => {
            of = true;
            true
        }
        Some(w) => !stop(w),
        None => false,
    });
    // "a year-long", and "a year earlier", "a week ago", "a year from now", "an hour and a
    // half": a time, not a rate ("$48m a year from its costs" is one).
    // "a year on, the town" is a time; "£7.4bn a year on treating it" and "£1,400 a year
    // before tax" rates.
    let still_a_rate = s.is(k + 2, "on") && s.word(k + 3).is_some_and(|w| w != "from")
        || s.is_any(k + 2, &["before", "after"]) && s.is_any(k + 3, &["tax", "taxes"]);
    let a_time = s.dash(k + 2)
        || s.is_any(k + 2, RATE_SPAN_ENDS) && !still_a_rate
        || s.is(k + 2, "from") && s.is_any(k + 3, &["now", "then", "today"])
        || s.is(k + 2, "and") && s.is_any(k + 3, &["a", "half"]);
    (counted && !a_time).then_some(k..k + 2)
}

/// The times a rate is counted over ("a week", "per annum").
fn is_rate_span(w: &str) -> bool {
    matches!(
        w,
        "second"
            | "minute"
            | "hour"
            | "day"
            | "night"
            | "week"
            | "fortnight"
            | "month"
            | "quarter"
            | "season"
            | "year"
            | "annum"
            | "decade"
    )
}

const RATE_SPAN_ENDS: &[&str] = &[
    "ago", "earlier", "later", "before", "after", "on", "since", "old", "long", "ahead",
];

pub fn read(s: &Sentence, hits: &[Hit], n: usize, cardinals: &[(f64, String)]) -> Context {
    let h = &hits[n];
    let mut ctx = Context {
        counted: counted(s, hits, n),
        period: h.rate.clone().map(|r| s.text_of(r).to_string()),
        out_of: h.out_of,
        ..Context::default()
    };
    if h.kind == FigureKind::Ordinal {
        ordinal_context(s, hits, n, cardinals, &mut ctx);
    }
    if matches!(
        h.kind,
        FigureKind::Money
            | FigureKind::Percent
            | FigureKind::Quantity
            | FigureKind::Range
            | FigureKind::Cardinal
    ) && !matches!(h.reading, Reading::Span(..))
    {
        subject_and_period(s, hits, n, &mut ctx);
    }
    ctx
}

/// "ranking 4th among the 81 countries": the field; "First is the lesson…": the item of an
/// enumeration announced before ("four major ones").
fn ordinal_context(
    s: &Sentence,
    hits: &[Hit],
    n: usize,
    cardinals: &[(f64, String)],
    ctx: &mut Context,
) {
    let h = &hits[n];
    let Reading::Number(rank) = h.reading else {
        return;
    };
    let k = if s.is(h.end, "out") && s.is(h.end + 1, "of") {
        h.end + 2
    } else if s.is_any(h.end, &["among", "of", "in"]) {
        h.end + 1
    } else {
        0
    };
    if k > 0 {
        let k = if s.is(k, "the") { k + 1 } else { k };
        if let Some(field) = hits
            .get(n + 1)
            .filter(|f| f.start == k && f.kind == FigureKind::Cardinal)
        {
            if let Reading::Number(size) = field.reading {
                ctx.out_of = Some(size);
                ctx.counted = ctx.counted.take().or_else(|| counted(s, hits, n + 1));
            }
        }
        return;
    }
    let leads = h.start == 0
        && s.capitalised(0)
        && (s.is_any(h.end, &["is", "was", "comes"]) || matches!(s.ch(h.end), Some(',' | ':')));
    if leads {
        if let Some((_, c)) = cardinals.iter().rev().take(8).find(|(v, _)| *v >= rank) {
            ctx.counted = Some(singular(c));
            return;
        }
        if s.is(h.end + 1, "the") {
            ctx.counted = phrase_after(s, h.end + 2, false).map(|(p, _)| p);
        }
    }
}

fn subject_and_period(s: &Sentence, hits: &[Hit], n: usize, ctx: &mut Context) {
    let h = &hits[n];
    let mut k = h.start;
    let mut worth = false;
    let mut steps = 0;
    let mut over_amount = false;
    while k > 0 && steps < 6 {
        // "imports grew 1.3% to $155.8bn": the change before the amount measures the same.
        let change = n
            .checked_sub(1)
            .map(|p| &hits[p])
            .filter(|p| p.end == k && p.kind == FigureKind::Percent && steps > 0);
        if let Some(p) = change {
            k = p.start;
            continue;
        }
        // "rose 27% in a week to $4,210": the time the change took is read over.
        let over_time = n >= 2 && steps > 0 && {
            let (took, change) = (&hits[n - 1], &hits[n - 2]);
            took.end == k
                && took.kind == FigureKind::Duration
                && change.kind == FigureKind::Percent
                && change.end + 1 == took.start
                && s.is_any(change.end, &["in", "over", "within"])
        };
        if over_time {
            k = hits[n - 2].start;
            continue;
        }
        // "reached a record US$405.53 billion, up 14.3 per cent": a change after a comma is
        // of the amount before it.
        let changed = n.checked_sub(1).map(|p| &hits[p]).filter(|p| {
            !over_amount
                && steps == 0
                && k >= 2
                && s.is_any(k - 1, &["up", "down"])
                && s.ch(k - 2) == Some(',')
                && p.end == k - 2
                && matches!(
                    p.kind,
                    FigureKind::Money | FigureKind::Quantity | FigureKind::Cardinal
                )
        });
        // The amount's subject, if a verb before it gives one ("will get £7.55, up 18%"
        // gives none).
        if let Some(p) = changed {
            k = p.start;
            over_amount = true;
            continue;
        }
        match s.word(k - 1) {
            // "hit a record $412bn".
            Some("record") if k >= 2 && s.is(k - 2, "a") => k -= 2,
            // "a rise of 0.4%" names what is measured; "better-than-expected" is no verb.
            Some("rise" | "fall") if k >= 2 && s.is_any(k - 2, DETERMINERS) => break,
            Some(_) if k >= 2 && s.dash(k - 2) && s.attached(k - 1) => break,
            // "is expected to grow by 4%", but "its profit forecast by 12%".
            Some("expected" | "forecast" | "tipped" | "predicted" | "likely" | "set")
                if !s.is(k, "to") =>
            {
                break
            }
            // "fell from 23.4% to 22.1%": the change is read over its starting point.
            Some("from") if k >= 2 && s.word(k - 2).is_some_and(|w| LINKERS.contains(&w)) => {
                k -= 1;
                steps += 1;
            }
            Some(w) if LINKERS.contains(&w) => {
                worth |= matches!(w, "worth" | "valued");
                k -= 1;
                steps += 1;
            }
            _ => break,
        }
    }
    // "in 2024" between the subject and the linker is the period.
    if let Some(p) = n.checked_sub(1).map(|p| &hits[p]) {
        if p.end == k && p.kind == FigureKind::Date {
            // "in 2024", and "Sales this year fell 5%".
            let preposition = p.start > 0 && s.is_any(p.start - 1, &["in", "during", "for"]);
            // Not "from £220m last year to £75m" or "five times last year": another figure
            // before the date.
            let figure_before = n >= 2 && hits[n - 2].end == p.start
                || p.start > 0 && s.is_any(p.start - 1, &["times", "once", "twice"]);
            let relative =
                steps > 0 && !figure_before && s.is_any(p.start, &["this", "last", "next"]);
            if preposition || relative {
                // A rate's span says more: "5,000 cars a week" in 2024.
                ctx.period
                    .get_or_insert_with(|| s.text_of(p.start..p.end).to_string());
                k = if preposition { p.start - 1 } else { p.start };
            }
        }
    }
    if let Some(next) = hits.get(n + 1) {
        if ctx.period.is_none()
            && next.kind == FigureKind::Date
            && next.start == h.end + 1
            && s.is_any(h.end, &["in", "during", "for"])
        {
            ctx.period = Some(s.text_of(next.start..next.end).to_string());
        }
    }
    if h.kind == FigureKind::Cardinal {
        return;
    }
    // After a comma, "worth" sums up what comes before: "16 investment projects in Russia,
    // worth 1.6 billion USD"; without one, it belongs to the noun before it ("a loan
    // agreement worth ¥50 billion").
    if worth && s.ch(k.saturating_sub(1)) == Some(',') {
        if let Some(c) = (n.saturating_sub(4)..n)
            .rev()
            .filter(|&p| hits[p].kind == FigureKind::Cardinal)
            .find_map(|p| counted(s, hits, p))
        {
            ctx.subject = Some(c);
            return;
        }
        k -= 1;
        // "its deal with Samsung, worth £50m": the deal, not its partner.
        let partner = (0..k)
            .rev()
            .take_while(|&j| s.word(j).is_some_and(|w| !stop(w)))
            .last();
        if let Some(j) = partner.filter(|&j| j > 0 && s.is_any(j - 1, &["with", "from"])) {
            k = j - 1;
        }
    }
    // A price: "bought the unit for $9.3bn", "is being sold for £3.99".
    if steps == 0 && k >= 2 && s.is(k - 1, "for") && h.kind == FigureKind::Money {
        if s.is_any(k - 2, SALES) {
            k -= 2;
            while k > 0
                && s.word(k - 1)
                    .is_some_and(|w| LINKERS.contains(&w) || w == "being")
            {
                k -= 1;
            }
            steps += 1;
        } else {
            let j = noun_run_before(s, k - 1);
            let object_of_sale = j < k - 1
                && (j > 0 && s.is_any(j - 1, SALES)
                    || j > 1 && s.is_any(j - 1, ARTICLES) && s.is_any(j - 2, SALES));
            if object_of_sale {
                ctx.subject = Some(s.text_of(j..k - 1).to_string());
                return;
            }
        }
    }
    // "Ether, the second-biggest cryptocurrency, rose 1.3%": the subject is before the
    // apposition.
    if steps > 0 && k >= 2 && s.ch(k - 1) == Some(',') {
        let opening = (k.saturating_sub(12)..k - 1)
            .rev()
            .find(|&c| s.ch(c).is_some() && !s.hyphen(c));
        if let Some(c) = opening
            .filter(|&c| c > 0 && s.ch(c) == Some(',') && s.is_any(c + 1, &["the", "a", "an"]))
        {
            k = c;
        }
    }
    if steps > 0 || worth {
        // Only the dates near enough to be in the subject: a sentence may have thousands.
        let dates: Vec<(usize, usize)> = hits[..n]
            .iter()
            .rev()
            .take_while(|d| d.start + SUBJECT_REACH > k)
            .filter(|h| matches!(h.kind, FigureKind::Date | FigureKind::Time))
            .map(|h| (h.start, h.end))
            .collect();
        ctx.subject = subject_before(s, k, &dates);
    }
}
