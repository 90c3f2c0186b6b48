//! Rules over the tagger's output: titles out of person names, and names by their head words.

use super::features::{
    Features, Lexicon, COMPANY, DEMONYM, EVENT_HEAD, EVENT_NAME, GATHERING, LAW_HEAD, LOC, NAME,
    ORG_HEAD, ORG_NAME, ORG_NOUN, PRODUCT, TITLE,
};
use crate::report::EntityType;
use crate::tokenize::has_inner_capital;

/// A name over tokens `start..end` of one passage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Name {
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
    /// Found or typed by a rule rather than by the tagger alone.
    pub by_rule: bool,
}

/// Capitalised words that start a sentence or a phrase but not a name.
const LEADING: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "on", "in", "at", "for", "by", "with",
    "as", "from", "to", "and", "but", "of", "during", "after", "before", "under", "since", "no",
];

/// Capitalised words that are never a name on their own: "Fourth is the lesson…", "I'm",
/// words that open a sentence ("Born in Luton", "Well, he should"), the capitals of
/// common nouns ("PC", "DVD"; plurals such as "MPs" are found by [`is_plural_acronym`]),
/// and currency codes, which are figures' units ("990 million USD").
const NOT_NAMES: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "last",
    "next",
    "i'm",
    "i've",
    "i'd",
    "i'll",
    "born",
    "well",
    "do",
    "how",
    "however",
    "oh",
    "sure",
    "meanwhile",
    "already",
    "instead",
    "indeed",
    "perhaps",
    "currently",
    "elsewhere",
    "pc",
    "dvd",
    "cd",
    "tv",
    "pda",
    "mp3",
    "sms",
    "gdp",
    "ceo",
    "ai",
    "ipo",
    "ev",
    "usd",
    "eur",
    "vnd",
    "gbp",
    "jpy",
    "cny",
    "rub",
    "inr",
    "krw",
    "aud",
    "cad",
    "chf",
    "sgd",
    "thb",
];

/// An acronym made plural ("MPs", "GCSEs", "ISPs", "MP3s"): many things of a kind, not
/// a name.
fn is_plural_acronym(word: &str) -> bool {
    word.strip_suffix('s').is_some_and(|stem| {
        stem.len() >= 2
            && stem
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            && stem.bytes().any(|b| b.is_ascii_uppercase())
    })
}

/// Lower-case particles inside names ("Luiz Inácio da Silva", "van Gogh", "bin Laden").
const PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "della", "der", "di", "do", "dos", "du", "el", "ibn",
    "la", "le", "ten", "ter", "van", "von", "y",
];

/// Lower-case words that never end a name: "Queen and", "Arc of".
const NOT_LAST: &[&str] = &[
    "and", "or", "of", "the", "a", "an", "for", "to", "in", "on", "at", "with", "by", "from",
];

/// The words of an office's field after its title and "of" ("Minister of Planning and
/// Investment", "Secretary of State"), folded.
const OFFICE_FIELDS: &[&str] = &[
    "foreign",
    "affairs",
    "home",
    "interior",
    "finance",
    "economy",
    "economic",
    "trade",
    "industry",
    "commerce",
    "planning",
    "investment",
    "natural",
    "resources",
    "environment",
    "health",
    "education",
    "training",
    "justice",
    "defence",
    "defense",
    "labour",
    "labor",
    "invalids",
    "social",
    "welfare",
    "culture",
    "sports",
    "sport",
    "tourism",
    "transport",
    "construction",
    "agriculture",
    "rural",
    "development",
    "science",
    "technology",
    "information",
    "communications",
    "public",
    "security",
    "state",
    "energy",
    "national",
    "internal",
    "external",
    "relations",
    "treasury",
    "housing",
    "employment",
    "women",
    "youth",
    "family",
    "children",
    "fisheries",
    "food",
    "water",
    "mines",
    "petroleum",
    "oil",
    "gas",
    "power",
    "digital",
    "innovation",
    "research",
    "arts",
    "heritage",
    "ethnic",
    "minority",
    "religious",
    "veterans",
    "war",
    "police",
    "immigration",
];

/// Titles that only ever come before a person's name.
const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame", "baroness", "baron",
];

/// II to XXXIX: a regnal or sequel number ("Elizabeth II", "Artemis III"). "I", "V" and
/// "X" alone are left out, being words and letters as often.
fn is_roman_numeral(w: &str) -> bool {
    if !matches!(w.as_bytes(), [b'I' | b'V' | b'X', _, ..]) {
        return false;
    }
    let tens = w.bytes().take_while(|&b| b == b'X').count();
    let units = &w[tens..];
    w.len() >= 2
        && tens <= 3
        && matches!(
            units,
            "" | "I" | "II" | "III" | "IV" | "V" | "VI" | "VII" | "VIII" | "IX"
        )
}

/// Nouns for a kind of place, after a name ("Hainan province") or as its last word ("Bắc
/// Giang Province"). "County" only after one: "Derby County" is a football club.
const PLACE_NOUNS: &[&str] = &[
    "province",
    "provinces",
    "prefecture",
    "county",
    "district",
    "region",
    "canal",
    "strait",
    "river",
    "islands",
    "road",
    "street",
    "avenue",
    "highway",
    "expressway",
];

/// Place nouns of roads, which a number may follow in the name: "Ring Road 1", "Highway 1".
const ROADS: &[&str] = &["road", "highway", "expressway"];

/// How far a name may reach from its head word either way, in words. The bound keeps a long
/// run of capitalised words with many head words in it linear.
const MAX_WORDS_FROM_HEAD: usize = 12;

/// Nouns for a kind of organisation that name a person's trade too: "Smith, a record
/// producer", "the show's co-producer".
const TRADES: &[&str] = &["producer", "developer", "contractor", "broker", "operator"];

/// Lower-case nouns that make the "person" before them an award or a product: "a Tony
/// award", "its Blackwell chips".
const PRODUCT_NOUNS: &[&str] = &[
    "award",
    "awards",
    "prize",
    "prizes",
    "chip",
    "chips",
    "processor",
    "processors",
    "smartphone",
    "smartphones",
    "phone",
    "phones",
    "handset",
    "handsets",
    "console",
    "consoles",
    "tablet",
    "tablets",
    "laptop",
    "laptops",
    "jet",
    "jets",
    "aircraft",
    "drone",
    "drones",
    "vaccine",
    "vaccines",
    "app",
    "software",
];

/// Words that make the number before them a count, not a model.
const MAGNITUDES: &[&str] = &[
    "hundred", "thousand", "million", "billion", "trillion", "m", "bn",
];

/// Words that name a storm with the word after them: "Typhoon Yagi", "Hurricane Katrina".
const STORMS: &[&str] = &["typhoon", "hurricane", "cyclone", "storm"];

/// Corrects and completes the tagger's names of one passage (`words`; `glued` marks
/// words with no space before them; `features` computed for them); leaves them sorted
/// and without overlaps. Returns the words that abbreviate the lower-case words before
/// them ("official development assistance (ODA)"), which name nothing anywhere.
pub fn apply(
    words: &[&str],
    glued: &[bool],
    features: &Features,
    names: &mut Vec<Name>,
) -> Vec<usize> {
    let passage = Passage {
        words,
        glued,
        features,
    };
    let short_forms: Vec<usize> = (0..words.len())
        .filter(|&i| passage.abbreviates_common_words(i))
        .collect();
    for n in names.iter_mut() {
        passage.trim(n);
        passage.hyphenated_given_name(n);
    }
    passage.offices(names);
    names.retain(|n| n.start < n.end && !passage.is_not_a_name(n));
    passage.known_types(names);
    passage.storms(names);
    passage.numbered_documents(names);
    passage.compound_company_names(names);
    passage.kind_nouns(names);
    passage.regnal_numbers(names);
    if !features.headline {
        passage.head_words(names);
        passage.titled_people_of(names);
        passage.quoted(names);
        passage.org_appositives(names);
        passage.lists(names);
        passage.bracketed_acronyms(names, &short_forms);
    }
    passage.split_places(names);
    names.retain(|n| n.start < n.end && !passage.is_shouted(n));
    names.sort_by_key(|n| (n.start, std::cmp::Reverse(n.end)));
    let mut end = 0;
    names.retain(|n| {
        let keep = n.start >= end;
        if keep {
            end = n.end;
        }
        keep
    });
    short_forms
}

/// Which of `len` words lie inside one of `names`.
fn words_in<'n>(names: impl IntoIterator<Item = &'n Name>, len: usize) -> Vec<bool> {
    let mut inside = vec![false; len];
    for n in names {
        inside[n.start..n.end].fill(true);
    }
    inside
}

/// The index in `names` of the name holding each of `len` words, if any.
fn holders(names: &[Name], len: usize) -> Vec<Option<usize>> {
    let mut holder = vec![None; len];
    for (k, n) in names.iter().enumerate() {
        holder[n.start..n.end].fill(Some(k));
    }
    holder
}

/// Puts `added` (apart from each other) in place of the names that share a word with one of
/// them.
fn put_in_place(names: &mut Vec<Name>, added: Vec<Name>, len: usize) {
    if added.is_empty() {
        return;
    }
    let inside = words_in(&added, len);
    names.retain(|m| !inside[m.start..m.end].iter().any(|&i| i));
    names.extend(added);
}

/// The names by where they start, and the length of the longest: the names a span may
/// overlap are read from a window of them, not from the whole list, so that rules that ask
/// this for every span stay linear. Valid while the names keep their words.
struct NameWindow {
    by_start: Vec<usize>,
    longest: usize,
}

impl NameWindow {
    fn new(names: &[Name]) -> Self {
        let mut by_start: Vec<usize> = (0..names.len()).collect();
        by_start.sort_by_key(|&k| names[k].start);
        let longest = names.iter().map(|n| n.end - n.start).max().unwrap_or(0);
        NameWindow { by_start, longest }
    }

    /// Indices of the names that may overlap words `start..end` (every one that does).
    fn around(&self, names: &[Name], start: usize, end: usize) -> &[usize] {
        let from = self
            .by_start
            .partition_point(|&k| names[k].start + self.longest <= start);
        let to = self.by_start.partition_point(|&k| names[k].start < end);
        &self.by_start[from..to.max(from)]
    }
}

struct Passage<'a> {
    words: &'a [&'a str],
    glued: &'a [bool],
    features: &'a Features,
}

impl Passage<'_> {
    fn folded(&self, i: usize) -> &str {
        self.features.folded(i)
    }

    fn has(&self, i: usize, class: u16) -> bool {
        self.features.classes(i) & class != 0
    }

    /// Whether word `i` is the first of its sentence in the passage.
    fn opens_sentence(&self, i: usize) -> bool {
        i == 0 || matches!(self.words[i - 1], "." | "!" | "?")
    }

    fn is_capitalised(&self, i: usize) -> bool {
        self.words[i].chars().next().is_some_and(char::is_uppercase)
    }

    /// A word in lower case only ("told", "mark"), not a particle ("van") nor a word with
    /// a capital inside ("al-Qaeda", "iPod", "anti-Semitic").
    fn is_common_word(&self, i: usize) -> bool {
        let w = self.words[i];
        w.chars().next().is_some_and(char::is_lowercase)
            && !w.chars().any(char::is_uppercase)
            && !PARTICLES.contains(&w)
    }

    /// A word joined to the next by a hyphen: "anti-Semitic", "ex-Soviet".
    fn is_prefix(&self, i: usize) -> bool {
        self.is_joining_dash(i + 1)
    }

    /// A dash with no space on either side: "London-based", "Việt Nam–Russia".
    fn is_joining_dash(&self, i: usize) -> bool {
        i + 1 < self.words.len() && self.is_dash(i) && self.glued[i] && self.glued[i + 1]
    }

    fn is_number(&self, i: usize) -> bool {
        self.words[i].chars().next().is_some_and(|c| c.is_numeric())
    }

    fn is_dash(&self, i: usize) -> bool {
        matches!(self.words[i], "-" | "–" | "—")
    }

    fn is_punctuation(&self, i: usize) -> bool {
        !self.words[i].chars().any(char::is_alphanumeric)
    }

    /// Punctuation that may not end a name: all but a closing bracket whose opening
    /// one is in the name ("Mladost ( L )").
    fn is_trailing_punctuation(&self, n: &Name, i: usize) -> bool {
        self.is_punctuation(i)
            && !(self.words[i] == ")" && (n.start..i).any(|j| self.words[j] == "("))
    }

    fn is_possessive(&self, i: usize) -> bool {
        let w = self.words[i];
        w.len() > 2 && (w.ends_with("'s") || w.ends_with("’s"))
    }

    /// The lexicon match that holds word `i`: the matches are in order and do not overlap,
    /// so it is found by halving, not by reading them all.
    fn match_at(&self, i: usize) -> Option<(usize, usize, u16)> {
        let matches = self.features.matches();
        let k = matches.partition_point(|&(_, e, _)| e <= i);
        matches.get(k).copied().filter(|&(s, _, _)| s <= i)
    }

    /// The whole span is one phrase of the lexicon with this class.
    fn is_phrase(&self, start: usize, end: usize, class: u16) -> bool {
        self.match_at(start)
            .is_some_and(|(s, e, c)| s == start && e == end && c & class != 0)
    }

    /// Drops an aside after a dash, punctuation at the edges ("“Four" → "Four"), titles
    /// before a person's name ("Deputy PM Sơn" → "Sơn") and titles after any name ("NA
    /// Vice" → "NA").
    fn trim(&self, n: &mut Name) {
        // "London-based", "Oscar-winning", "Pop Idol-style": a name made an adjective is a
        // mention of the name, typed as the word lists know it.
        if n.end - n.start >= 3
            && self.is_joining_dash(n.end - 2)
            && self.is_compound_suffix(n.end - 1)
        {
            let suffix = self.words[n.end - 1];
            n.end -= 2;
            n.kind = if self.is_phrase(n.start, n.end, LOC) {
                EntityType::Location
            } else if self.is_phrase(n.start, n.end, ORG_NAME) {
                EntityType::Organisation
            } else if self.is_phrase(n.start, n.end, PRODUCT | DEMONYM) {
                EntityType::Misc
            } else if matches!(suffix, "based" | "born" | "bred" | "raised") {
                // What a company is based in, or a person born in, is a place.
                EntityType::Location
            } else {
                EntityType::Misc
            };
            n.by_rule = true;
        }
        // A spaced dash before a lower-case word opens an aside, which is no part of the
        // name ("in Glasgow - which the band…", "The Aviator - which won…"); "London-based"
        // is one word.
        if let Some(dash) = (n.start + 1..n.end.saturating_sub(1)).find(|&i| {
            self.is_dash(i)
                && !self.is_joining_dash(i)
                && self.words[i + 1]
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
        }) {
            n.end = dash;
            if self.is_phrase(n.start, n.end, LOC) {
                n.kind = EntityType::Location;
                n.by_rule = true;
            }
        }
        // A lower-case word opens no name but a particle does ("told Radio 4", "company -
        // India"; "da Silva", "anti-Semitic"), nor does a function word end one ("Queen
        // and", "BBC doesn't").
        while n.start < n.end
            && (self.is_punctuation(n.start)
                || n.end - n.start > 1 && self.is_common_word(n.start) && !self.is_prefix(n.start))
        {
            n.start += 1;
        }
        while n.end > n.start
            && (self.is_trailing_punctuation(n, n.end - 1)
                || self.has(n.end - 1, TITLE)
                || NOT_LAST.contains(&self.words[n.end - 1])
                || self.words[n.end - 1].contains("n't")
                || self.words[n.end - 1].contains("n’t"))
        {
            n.end -= 1;
        }
        if n.end - n.start > 1
            && self.folded(n.start) == "the"
            && !self.is_phrase(n.start, n.end, LOC)
        {
            n.start += 1;
        }
        // An honorific before a name makes it a person's, whatever the tagger made of it
        // ("Lord Goldsmith": "Lord's" is a cricket ground in its training news).
        if n.end - n.start > 1
            && HONORIFICS.contains(&self.folded(n.start))
            && self.is_capitalised(n.start + 1)
            && !self.has(n.start + 1, TITLE)
        {
            n.kind = EntityType::Person;
            n.by_rule = true;
        }
        if n.kind == EntityType::Person {
            // "Labour MP Jean Corston": the person's name follows the last title.
            // Not "Dick King-Smith".
            let hyphenated = |i: usize| self.is_prefix(i) || i > 0 && self.is_joining_dash(i - 1);
            if let Some(title) = (n.start..n.end)
                .rev()
                .find(|&i| self.has(i, TITLE) && !hyphenated(i))
            {
                n.start = title + 1;
            }
            while n.start < n.end && (self.has(n.start, TITLE) || self.is_punctuation(n.start)) {
                n.start += 1;
            }
        }
    }

    /// "Deputy Minister of Industry and Trade Nguyễn Sinh Nhật Tân": the field of an
    /// office is part of the title, no name of its own, and the name after it is the
    /// holder's.
    fn offices(&self, names: &mut [Name]) {
        let is_field_word = |i: usize| {
            i < self.words.len()
                && self.is_capitalised(i)
                && OFFICE_FIELDS.contains(&self.folded(i))
        };
        for t in 0..self.words.len().saturating_sub(2) {
            // Capitalised, as a title before a name is ("president of National Futures
            // Advisory Services" is a description).
            let title = self.has(t, TITLE) && self.is_capitalised(t);
            if !(title && self.words[t + 1] == "of" && is_field_word(t + 2)) {
                continue;
            }
            let mut end = t + 3;
            loop {
                if is_field_word(end) {
                    end += 1;
                } else if matches!(self.words.get(end), Some(&("and" | "," | "&")))
                    && is_field_word(end + 1)
                {
                    end += 2;
                } else {
                    break;
                }
            }
            for n in names.iter_mut().filter(|n| n.start < end && n.end > t + 1) {
                n.start = n.start.max(end);
                if n.start < n.end {
                    n.kind = EntityType::Person;
                    n.by_rule = true;
                }
            }
        }
    }

    /// A lower-case word that makes an adjective of the name hyphened before it: a
    /// participle ("based", "winning") or a word of kind ("style", "wide"); not a part of
    /// a name ("Chung Mong-koo", "Blu-ray").
    fn is_compound_suffix(&self, i: usize) -> bool {
        let w = self.words[i];
        self.is_common_word(i)
            && (w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing"))
                || matches!(
                    w,
                    "born"
                        | "run"
                        | "made"
                        | "built"
                        | "bound"
                        | "style"
                        | "like"
                        | "wide"
                        | "language"
                        | "era"
                        | "friendly"
                        | "free"
                ))
    }

    fn is_not_a_name(&self, n: &Name) -> bool {
        // "PM2.5": a decimal goes on from the name's number.
        let decimal = n.end + 1 < self.words.len()
            && self.words[n.end] == "."
            && self.glued[n.end]
            && self.glued[n.end + 1]
            && self.is_number(n.end + 1);
        (n.start..n.end).all(|i| self.has(i, TITLE) || self.is_punctuation(i))
            || (n.end - n.start == 1
                && (NOT_NAMES.contains(&self.folded(n.start))
                    || is_plural_acronym(self.words[n.start])
                    || decimal))
    }

    /// A name in a run of four or more words in capitals in ordinary text is shouting, not
    /// a name: "BIG WIN FOR OUR CONSTITUTION". Headlines in capitals are read apart.
    fn is_shouted(&self, n: &Name) -> bool {
        let caps = |i: usize| {
            let w = self.words[i];
            w.chars().all(|c| c.is_alphabetic() && !c.is_lowercase()) && !w.is_empty()
        };
        if self.features.headline || !(n.start..n.end).all(caps) {
            return false;
        }
        // Only as far as four words: a long run in capitals is read once per name.
        let needed = 4usize.saturating_sub(n.end - n.start);
        let before = (0..n.start)
            .rev()
            .take_while(|&i| caps(i))
            .take(needed)
            .count();
        let after = (n.end..self.words.len())
            .take_while(|&i| caps(i))
            .take(needed)
            .count();
        before + after >= needed
    }

    /// Names whose type the word lists know, whatever the tagger made of them: a product
    /// ("Xbox") is misc, and a holiday or a competition ("Christmas", "Six Nations") an
    /// event, added where the tagger left it out. A name inside one the lists know whole
    /// grows to it where the tagger left out words ("Century Fox" → "20th Century Fox",
    /// "Lord" → "Lord of the Rings"), if it is written as a name: capitalised at both ends
    /// ("the Labour party" stays "Labour") and not two names ("Nintendo's DS").
    fn known_types(&self, names: &mut Vec<Name>) {
        for n in names.iter_mut() {
            let whole = self.match_at(n.start).filter(|&(s, e, c)| {
                s <= n.start
                    && n.end <= e
                    && e - s > n.end - n.start
                    && c & (ORG_NAME | PRODUCT | EVENT_NAME) != 0
                    && [s, e - 1]
                        .iter()
                        .all(|&i| self.is_capitalised(i) || self.is_number(i))
                    && !(s..e - 1).any(|i| self.is_possessive(i))
            });
            if let Some((start, end, _)) = whole {
                (n.start, n.end) = (start, end);
                n.by_rule = true;
            }
        }
        let known = |start, end| {
            if self.is_phrase(start, end, EVENT_NAME) {
                Some(EntityType::Event)
            } else if self.is_phrase(start, end, PRODUCT) {
                Some(EntityType::Misc)
            } else {
                None
            }
        };
        for n in names.iter_mut() {
            if let Some(kind) = known(n.start, n.end) {
                if kind == EntityType::Misc {
                    n.end = self.model_end(n.end);
                }
                n.kind = kind;
                n.by_rule = true;
            }
            // No person is named by a people ("Czech" may be a team, "INDIANS" a club), nor
            // with an acronym beside other words: "DGX Spark" is a product.
            let acronym = |i: usize| {
                let w = self.words[i];
                w.chars().count() >= 3
                    && w.chars().all(|c| c.is_ascii_uppercase())
                    && !is_roman_numeral(w)
            };
            let with_acronym = n.end - n.start >= 2
                && (n.start..n.end).any(acronym)
                && !(n.start..n.end).all(|i| acronym(i) || !self.is_capitalised(i));
            if n.kind == EntityType::Person && (self.is_people(n.start, n.end) || with_acronym) {
                n.kind = EntityType::Misc;
                n.by_rule = true;
            }
        }
        if self.features.headline {
            return;
        }
        // Words inside names, worked out at the first known name, so that each test is a
        // look-up and the rule stays linear.
        let mut covered: Option<Vec<bool>> = None;
        for &(start, end, classes) in self.features.matches() {
            let event = classes & EVENT_NAME != 0 && self.is_capitalised(start);
            let product = classes & PRODUCT != 0 && self.is_written_as_a_product(start, end);
            if !event && !product {
                continue;
            }
            let covered = covered.get_or_insert_with(|| words_in(names.iter(), self.words.len()));
            if covered[start..end].iter().any(|&c| c) {
                continue;
            }
            let end = if event { end } else { self.model_end(end) };
            covered[start..end].fill(true);
            names.push(Name {
                start,
                end,
                kind: if event {
                    EntityType::Event
                } else {
                    EntityType::Misc
                },
                by_rule: true,
            });
        }
    }

    /// A product's name the tagger left out is taken only where no common word can be meant:
    /// a capital inside it ("iPhone", "PlayStation"), in capitals ("PSP"), words in capitals
    /// ("Game Boy") or a capital inside a sentence ("said Copilot"); "Windows" or "Excel"
    /// opening a sentence may be the words.
    fn is_written_as_a_product(&self, start: usize, end: usize) -> bool {
        has_inner_capital(self.words[start])
            || (start..end).all(|i| self.is_capitalised(i))
                && (end - start > 1 || !self.opens_sentence(start))
    }

    /// Where a product's name ends with its model: "iPhone 16 Pro", "Xbox 360", "Pixel 10";
    /// not at a count ("sold Pixel 10 million").
    fn model_end(&self, end: usize) -> usize {
        let count_after = |i: usize| {
            self.words.get(i).is_some_and(|w| {
                self.is_common_word(i)
                    && (w.len() > 3 && w.ends_with('s') || MAGNITUDES.contains(w))
            })
        };
        if end >= self.words.len()
            || !self.is_number(end)
            || self.glued[end]
            || count_after(end + 1)
        {
            return end;
        }
        // At most three words after the number ("16 Pro Max"), so a long run of capitalised
        // words is not read again for every product in it.
        let mut end = end + 1;
        let last = (end + 3).min(self.words.len());
        while end < last && self.is_capitalised(end) && !self.glued[end] {
            end += 1;
        }
        end
    }

    /// A lower-case noun after a name says what it names: a place before "province",
    /// "county", "district", "region", "canal", "river" and the like ("Hainan province",
    /// "Quảng Ninh and Hải Phòng provinces"; not a people's, "the Welsh region"), and an
    /// award or a product, not a person, before "award", "prize", "chips" and the like
    /// ([`PRODUCT_NOUNS`]: "a Tony award", "Blackwell chips"). Such a place noun as a
    /// name's last word makes a place too ("Bắc Giang Province", "Suez Canal"), unless an
    /// organisation's head is in the name.
    fn kind_nouns(&self, names: &mut [Name]) {
        let after_the = |start: usize| {
            start >= 2 && self.is_capitalised(start - 1) && self.folded(start - 2) == "the"
        };
        // Words inside names, worked out only where a name may grow over one.
        let inside = if names.iter().any(|n| after_the(n.start)) {
            words_in(names.iter(), self.words.len())
        } else {
            Vec::new()
        };
        for n in names.iter_mut() {
            let mut last = self.folded(n.end - 1);
            // "Ring Road 2": the road noun before its number.
            if n.end - n.start > 2
                && self.is_number(n.end - 1)
                && ROADS.contains(&self.folded(n.end - 2))
            {
                last = self.folded(n.end - 2);
            }
            // Not "University of the Highlands and Islands".
            let ends_in_place_noun = n.end - n.start > 1
                && last != "county"
                && PLACE_NOUNS.contains(&last)
                && !(n.start..n.end).any(|i| self.has(i, ORG_HEAD));
            if ends_in_place_noun
                && ROADS.contains(&last)
                && self.words.get(n.end).is_some_and(|w| w.len() <= 3)
                && self.is_number(n.end)
            {
                n.end += 1;
            }
            let kind = match self.words.get(n.end).copied() {
                _ if ends_in_place_noun => EntityType::Location,
                Some(w) if PLACE_NOUNS.contains(&w) && !self.is_people(n.start, n.end) => {
                    EntityType::Location
                }
                Some(w) if n.kind == EntityType::Person && PRODUCT_NOUNS.contains(&w) => {
                    EntityType::Misc
                }
                _ => continue,
            };
            // "the Thu Bồn River", "the Bach Dang River": the tagger leaves out the capitalised
            // word after "the".
            let b = n.start;
            if kind == EntityType::Location
                && after_the(b)
                && !inside[b - 1]
                && !LEADING.contains(&self.folded(b - 1))
                && !self.has(b - 1, TITLE)
            {
                n.start -= 1;
                n.by_rule = true;
            }
            if n.kind != kind {
                n.kind = kind;
                n.by_rule = true;
            }
        }
    }

    /// A Korean or Taiwanese given name written with a hyphen is whole: "Lee Jae-myung",
    /// "Kim Jong-un", "Tsai Ing-wen" (the tagger stops at the hyphen). The part after it
    /// is one short syllable in lower case, no English word ("Smith-led", "Trump-era").
    fn hyphenated_given_name(&self, n: &mut Name) {
        let e = n.end;
        let syllable =
            |w: &str| (2..=5).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_lowercase());
        if n.kind == EntityType::Person
            && n.start < e
            && e + 1 < self.words.len()
            && self.is_joining_dash(e)
            && syllable(self.words[e + 1])
            && !self.is_compound_suffix(e + 1)
            && self.words[e - 1].len() <= 4
            && !(e + 2 < self.words.len() && self.is_joining_dash(e + 2))
        {
            n.end = e + 2;
            n.by_rule = true;
        }
        // Whole but taken for misc, as "Franco-German" would be: "Tsai Ing-wen".
        let e = n.end;
        if n.kind == EntityType::Misc
            && e >= n.start + 4
            && self.is_joining_dash(e - 2)
            && syllable(self.words[e - 1])
            && !self.is_compound_suffix(e - 1)
            && self.words[e - 3].len() <= 4
            && (n.start..e - 2).all(|i| self.is_capitalised(i))
        {
            n.kind = EntityType::Person;
            n.by_rule = true;
        }
    }

    /// A Roman numeral after a name is part of it: "John Paul II", "Artemis III", "Henry
    /// VIII" (a numeral the tagger took for a name alone joins the word before it). A
    /// numeral alone is no name.
    fn regnal_numbers(&self, names: &mut Vec<Name>) {
        let numerals: Vec<usize> = (0..self.words.len())
            .filter(|&i| is_roman_numeral(self.words[i]))
            .collect();
        if numerals.is_empty() {
            return;
        }
        // The name ending at each word boundary, the one-word name at each word, and the
        // words inside names: looked up, not searched, so that the rule stays linear.
        let none = usize::MAX;
        let mut ends_at = vec![none; self.words.len() + 1];
        let mut alone_at = vec![none; self.words.len()];
        for (k, n) in names.iter().enumerate() {
            ends_at[n.end] = k;
            if n.end == n.start + 1 {
                alone_at[n.start] = k;
            }
        }
        let covered = words_in(names.iter(), self.words.len());
        let mut dropped = vec![false; names.len()];
        for i in numerals {
            let named_before = i > 0 && self.is_name_word(i - 1) && !self.glued[i];
            let alone = Some(alone_at[i]).filter(|&a| a != none);
            let before = Some(ends_at[i]).filter(|&b| b != none && named_before);
            if let Some(b) = before {
                names[b].end = i + 1;
                names[b].by_rule = true;
                ends_at[i + 1] = b;
                if let Some(a) = alone {
                    dropped[a] = true;
                }
            } else if let Some(a) = alone {
                if named_before && !covered[i - 1] {
                    let n = &mut names[a];
                    n.start = i - 1;
                    if self.has(i - 1, NAME) {
                        n.kind = EntityType::Person;
                    }
                    n.by_rule = true;
                } else {
                    dropped[a] = true;
                }
            }
        }
        let mut k = 0;
        names.retain(|_| {
            k += 1;
            !dropped[k - 1]
        });
    }

    /// A word that ends in "bank" or "group" written against it is a company's whole name
    /// ("Vietcombank", "Techcombank", "Vingroup"), unless it opens a longer one
    /// ("Vietcombank Securities"); not two joined by "and".
    fn compound_company_names(&self, names: &mut Vec<Name>) {
        let compound: Vec<usize> = (0..self.words.len())
            .filter(|&i| {
                let w = self.words[i];
                w.len() >= 7
                    && (w.ends_with("bank") || w.ends_with("group"))
                    && self.is_capitalised(i)
            })
            .collect();
        if compound.is_empty() {
            return;
        }
        let holder = holders(names, self.words.len());
        let companies: Vec<Name> = compound
            .into_iter()
            .filter(|&i| {
                // "Interbank rates rose": opening a sentence, only what the tagger found.
                match holder[i].map(|k| &names[k]) {
                    None => !self.opens_sentence(i),
                    Some(n) => {
                        n.end - n.start == 1
                            || (n.start..n.end).any(|j| matches!(self.words[j], "and" | ","))
                    }
                }
            })
            .map(|i| Name {
                start: i,
                end: i + 1,
                kind: EntityType::Organisation,
                by_rule: true,
            })
            .collect();
        put_in_place(names, companies, self.words.len());
    }

    /// "Decree No. 168/2024/ND-CP", "Directive No. 20/CT-TTg", "Resolution 1441": a law's
    /// head word and its number are one misc name, with the code written against the number;
    /// so is a numbered line, a place ("Metro Line No.2").
    fn numbered_documents(&self, names: &mut Vec<Name>) {
        let len = self.words.len();
        let is_head = |i: usize| {
            self.is_capitalised(i)
                && (self.has(i, LAW_HEAD) || matches!(self.folded(i), "circular" | "decision"))
        };
        // A metro or railway line is a place: "Metro Line No.2", "the Elizabeth Line 1".
        let is_line = |i: usize| {
            self.is_capitalised(i)
                && self.folded(i) == "line"
                && (i > 0 && self.is_capitalised(i - 1) || self.folded(i + 1) == "no")
        };
        let mut spans: Vec<(usize, usize, EntityType)> = Vec::new();
        let mut i = 0;
        while i + 1 < len {
            let kind = if is_head(i) {
                EntityType::Misc
            } else if is_line(i) {
                EntityType::Location
            } else {
                i += 1;
                continue;
            };
            let mut k = i + 1;
            if self.folded(k) == "no" {
                k += 1 + usize::from(k + 1 < len && self.words[k + 1] == ".");
            }
            if k >= len || !self.is_number(k) {
                i += 1;
                continue;
            }
            // The code runs on while no space breaks it; a dash or slash must join two parts.
            let mut end = k + 1;
            while end < len && self.glued[end] {
                let joins = matches!(self.words[end], "/" | "-" | "–")
                    && end + 1 < len
                    && self.glued[end + 1];
                if !(joins || self.words[end].chars().all(char::is_alphanumeric)) {
                    break;
                }
                end += 1 + usize::from(joins);
            }
            spans.push((i, end, kind));
            i = end;
        }
        if spans.is_empty() {
            return;
        }
        // A name holding the head word keeps its start: "Data Protection Act 2018".
        let holder = holders(names, len);
        let documents = spans
            .into_iter()
            .map(|(head, end, kind)| Name {
                start: holder[head].map_or(head, |k| names[k].start),
                end,
                kind,
                by_rule: true,
            })
            .collect();
        put_in_place(names, documents, len);
    }

    /// "Typhoon Yagi", "Super Typhoon Haiyan", "Tropical Storm Alberto": a named storm
    /// is an event, whatever the tagger made of its words; a longer name that holds one
    /// ("Hurricane Katrina Relief Fund") is left as it is.
    fn storms(&self, names: &mut Vec<Name>) {
        let mut storms: Vec<Name> = Vec::new();
        let mut window = None;
        for i in 0..self.words.len().saturating_sub(1) {
            if !self.is_capitalised(i) || !self.is_capitalised(i + 1) {
                continue;
            }
            let storm = STORMS.contains(&self.folded(i))
                || self.folded(i) == "storm" && i > 0 && self.folded(i - 1) == "tropical";
            if !storm {
                continue;
            }
            let start = if i > 0
                && self.is_capitalised(i - 1)
                && matches!(self.folded(i - 1), "super" | "tropical")
            {
                i - 1
            } else {
                i
            };
            let end = i + 2;
            // A name that holds the storm's and goes beyond it, or the storm just before.
            let longer =
                |n: &Name| n.start < end && start < n.end && (n.start < start || n.end > end);
            let window = window.get_or_insert_with(|| NameWindow::new(names));
            let inside_a_name = window
                .around(names, start, end)
                .iter()
                .any(|&k| longer(&names[k]));
            if inside_a_name || storms.last().is_some_and(longer) {
                continue;
            }
            storms.push(Name {
                start,
                end,
                kind: EntityType::Event,
                by_rule: true,
            });
        }
        put_in_place(names, storms, self.words.len());
    }

    /// A nationality or a faith, in the plural too ("Korean", "Muslims"), and not a place
    /// as well ("the Caribbean", "Laos").
    fn is_people(&self, start: usize, end: usize) -> bool {
        let plural = || {
            end - start == 1
                && self
                    .folded(start)
                    .strip_suffix('s')
                    .is_some_and(|stem| Lexicon::get().is_demonym(stem))
        };
        (self.is_phrase(start, end, DEMONYM) || plural()) && !self.is_phrase(start, end, LOC)
    }

    fn is_name_word(&self, i: usize) -> bool {
        self.is_capitalised(i) && !LEADING.contains(&self.folded(i))
    }

    /// A dash with no space on either side between two capitalised words:
    /// "Việt Nam–Russia", not "NOTE - Jeans".
    fn is_inner_dash(&self, i: usize) -> bool {
        i > 0 && self.is_joining_dash(i) && self.is_capitalised(i - 1) && self.is_capitalised(i + 1)
    }

    /// Start of the capitalised words (numbers and inner dashes too, and brackets in a law's
    /// name) that end at `head`.
    fn left_edge(&self, head: usize) -> usize {
        let mut s = head;
        while s > 0 && head - s < MAX_WORDS_FROM_HEAD {
            let p = s - 1;
            // "Terminally Ill Adults (End of Life) Bill": a law's name holds brackets.
            if self.words[p] == ")" && self.has(head, LAW_HEAD) {
                let open = (p.saturating_sub(6)..p)
                    .rev()
                    .find(|&i| self.words[i] == "(");
                let inside_name = |o: usize| {
                    o > 0
                        && self.is_name_word(o - 1)
                        && (o + 1..p).all(|i| {
                            self.is_name_word(i) || matches!(self.words[i], "of" | "and" | "the")
                        })
                };
                if let Some(o) = open.filter(|&o| inside_name(o)) {
                    s = o;
                    continue;
                }
            }
            let joins = self.is_name_word(p)
                || (self.is_number(p) && p > 0 && self.is_name_word(p - 1))
                || self.is_inner_dash(p);
            if !joins || self.is_possessive(p) || self.has(p, TITLE) {
                break;
            }
            s = p;
        }
        s
    }

    /// End of "of/on/for (the) Capitalised … (of …)" after `head`, if the name goes on so.
    /// One "and" may join a name's words ("Ministry of Planning and Investment"); "and the"
    /// or a second "and" starts another name ("… and the Japan International Cooperation
    /// Agency").
    fn right_edge(&self, head: usize, joiners: &[&str]) -> Option<usize> {
        let n = self.words.len();
        let mut end = head + 1;
        let mut joined_and = false;
        while end - head < MAX_WORDS_FROM_HEAD {
            let mut j = end;
            let joiner = if end == head + 1 {
                joiners
            } else {
                &["of", "and"][..]
            };
            if j < n && joiner.contains(&self.words[j]) {
                let and = self.words[j] == "and";
                if and && joined_and {
                    break;
                }
                joined_and |= and;
                j += 1;
                if j < n && self.words[j] == "the" {
                    if and {
                        break;
                    }
                    j += 1;
                }
            }
            // "the British Comedy Awards on Wednesday": a date is no field.
            let date = || {
                let w = self.folded(j);
                crate::figures::weekday_word(w).is_some() || crate::figures::month_word(w).is_some()
            };
            if j == end || j >= n || !self.is_name_word(j) || date() {
                break;
            }
            end = j;
            // "for Hydro-Meteorological Forecasting": a dash inside a word joins.
            while end < n
                && (self.is_name_word(end) || self.is_inner_dash(end))
                && !self.is_possessive(end - 1)
            {
                end += 1;
            }
        }
        (end > head + 1).then_some(end)
    }

    /// The name a head word makes with the capitalised words around it.
    fn by_head(&self, h: usize) -> Option<(usize, usize, EntityType)> {
        let n = self.words.len();
        let start = self.left_edge(h);
        let last = h + 1 >= n || !(self.is_capitalised(h + 1) || self.is_number(h + 1));
        let words = (start..=h).filter(|&i| !self.is_dash(i)).count();
        let has_number = (start..h).any(|i| self.is_number(i));
        if self.has(h, EVENT_HEAD) && last && words >= 2 {
            return Some((start, h + 1, EntityType::Event));
        }
        if self.has(h, GATHERING) && last && words >= 2 {
            let kind = if has_number {
                EntityType::Event
            } else {
                EntityType::Organisation
            };
            return Some((start, h + 1, kind));
        }
        if self.has(h, LAW_HEAD) {
            return match self.right_edge(h, &["of", "on"]) {
                Some(end) => Some((start, end, EntityType::Misc)),
                _ if last && words >= 2 => Some((start, h + 1, EntityType::Misc)),
                _ => None,
            };
        }
        if self.has(h, ORG_HEAD) {
            return match self.right_edge(h, &["of", "for"]) {
                Some(end) => Some((start, end, EntityType::Organisation)),
                None if last && words >= 2 => Some((start, h + 1, EntityType::Organisation)),
                None => None,
            };
        }
        if self.has(h, COMPANY) && last && words >= 2 {
            return Some((start, h + 1, EntityType::Organisation));
        }
        None
    }

    /// Names by their head word: events ("… War", "… 2025 Forum"), laws, treaties,
    /// awards and partnerships ("… Charter", "Treaty on …", "Certificate of Merit") and
    /// organisations ("… Corporation", "Vietnamese Embassy", "Communist Party of …").
    /// A name the tagger found with exactly the same words keeps its type when it is a
    /// person by another head than a law's or an award's ("Tony Award"), or when the rule
    /// says organisation by an organisation head ("West Bank", "American League"). A longer
    /// name the tagger found that ends at the head keeps its start.
    fn head_words(&self, names: &mut Vec<Name>) {
        let heads = EVENT_HEAD | GATHERING | LAW_HEAD | ORG_HEAD | COMPANY;
        let mut found: Vec<Name> = Vec::new();
        let window = NameWindow::new(names);
        for h in 0..self.words.len() {
            if !self.is_capitalised(h) || !self.has(h, heads) || self.has(h, TITLE) {
                continue;
            }
            let Some((start, end, kind)) = self.by_head(h) else {
                continue;
            };
            if self.is_phrase(start, end, LOC) {
                continue;
            }
            // The tagger is better at the edges of an organisation name it also found and
            // took further ("Organisation for Security and Cooperation in Europe").
            let mut agrees = false;
            let around = window.around(names, start, end);
            for &k in around {
                let m = &mut names[k];
                if kind == EntityType::Organisation
                    && m.kind == kind
                    && m.start < end
                    && start < m.end
                    && (m.start < start || m.end > end || (m.start, m.end) == (start, end))
                {
                    m.by_rule = true;
                    agrees = true;
                }
                // So at the start of a law or an event ending at the same head, whatever type
                // the tagger gave it: "Serious Organised Crime and Police Bill".
                if kind != EntityType::Organisation
                    && m.start < start
                    && m.end == end
                    && self.is_capitalised(m.start)
                {
                    m.kind = kind;
                    m.by_rule = true;
                    agrees = true;
                }
            }
            let keeps = agrees
                || around.iter().map(|&k| &names[k]).any(|m| {
                    m.start == start
                        && m.end == end
                        && (m.kind == EntityType::Person && !self.has(h, LAW_HEAD)
                            || (kind == EntityType::Organisation && !self.has(h, GATHERING)))
                });
            if keeps {
                continue;
            }
            // The names found so far are in order and apart, each holding an earlier head:
            // those this one overlaps are the last ones.
            while found.last().is_some_and(|f| f.end > start) {
                found.pop();
            }
            found.push(Name {
                start,
                end,
                kind,
                by_rule: true,
            });
        }
        put_in_place(names, found, self.words.len());
    }

    /// "Professor Kausik Ray of Imperial College London", "King Abdullah of Jordan": after
    /// a title (not a peer's), a name with "of" inside is a person and what they are of.
    fn titled_people_of(&self, names: &mut Vec<Name>) {
        let mut split = Vec::new();
        for n in names.iter_mut() {
            // Not a peer's title: "Lord Nicholls of Birkenhead".
            let titled = n.start > 0
                && self.has(n.start - 1, TITLE)
                && self.is_capitalised(n.start - 1)
                && self.folded(n.start - 1) != "lord";
            let Some(of) = (n.start + 1..n.end.saturating_sub(1)).find(|&i| self.words[i] == "of")
            else {
                continue;
            };
            let person = of - n.start <= 3
                && (n.start..of).all(|i| self.is_capitalised(i) && !self.has(i, TITLE));
            let start = if self.words[of + 1] == "the" {
                of + 2
            } else {
                of + 1
            };
            if !titled || !person || start >= n.end {
                continue;
            }
            let mut rest = Name {
                start,
                end: n.end,
                kind: EntityType::Organisation,
                by_rule: true,
            };
            if self.is_known_place_or_people(&rest) {
                rest.kind = EntityType::Location;
            }
            split.push(rest);
            n.end = of;
            n.kind = EntityType::Person;
            n.by_rule = true;
        }
        names.extend(split);
    }

    /// A short capitalised phrase in quotation marks names a policy, work or slogan:
    /// "“Four No’s”".
    fn quoted(&self, names: &mut Vec<Name>) {
        let n = self.words.len();
        for open in 0..n {
            if !matches!(self.words[open], "“" | "\"" | "«") {
                continue;
            }
            let Some(close) =
                (open + 1..n.min(open + 6)).find(|&j| matches!(self.words[j], "”" | "\"" | "»"))
            else {
                continue;
            };
            let (s, e) = (open + 1, close);
            let all_capitalised =
                s < e && (s..e).all(|i| self.is_capitalised(i) || self.is_number(i));
            let already = names.iter().any(|m| m.start == s && m.end == e);
            if !all_capitalised || !self.is_capitalised(s) || already || e - s < 2 {
                continue;
            }
            names.retain(|m| m.end <= s || m.start >= e);
            names.push(Name {
                start: s,
                end: e,
                kind: EntityType::Misc,
                by_rule: true,
            });
        }
    }

    /// A name right after a noun for a kind of organisation is one: "the joint venture
    /// Vietsovpetro", "the two joint ventures, Vietsovpetro and …".
    fn org_appositives(&self, names: &mut [Name]) {
        for n in names.iter_mut() {
            if n.kind == EntityType::Organisation || self.is_known_place_or_people(n) {
                continue;
            }
            let mut j = n.start;
            if j > 0 && self.words[j - 1] == "," {
                j -= 1;
            }
            let before = j > 0 && self.has(j - 1, ORG_NOUN) && !self.is_capitalised(j - 1);
            if before || self.org_apposition_after(n.end) {
                n.kind = EntityType::Organisation;
                n.by_rule = true;
            }
        }
    }

    /// Whether the words from `i` are ", the/a … <noun for a kind of organisation>" ending
    /// there: "NewAmsterdam Pharma, the Dutch company that makes", "Nvidia, the chipmaker,";
    /// not "Smith, a company director" nor "Smith, a consultant at the firm".
    fn org_apposition_after(&self, i: usize) -> bool {
        let n = self.words.len();
        if !(i + 2 < n && self.words[i] == "," && matches!(self.words[i + 1], "the" | "a" | "an")) {
            return false;
        }
        for j in i + 2..n.min(i + 8) {
            let w = self.words[j];
            let org_noun = self.has(j, ORG_NOUN)
                && !self.is_capitalised(j)
                && !self.is_possessive(j)
                && !self.is_joining_dash(j - 1)
                && !TRADES.contains(&self.folded(j));
            if org_noun {
                let next = self.words.get(j + 1).copied().unwrap_or(".");
                return matches!(next, "," | "." | ";" | "that" | "which" | "whose" | "based");
            }
            let inside = self.is_possessive(j)
                || self.is_joining_dash(j)
                || self.has(j, DEMONYM | LOC)
                || self.is_common_word(j) && !NOT_LAST.contains(&w);
            if !inside {
                return false;
            }
        }
        false
    }

    fn is_known_place_or_people(&self, n: &Name) -> bool {
        self.is_phrase(n.start, n.end, LOC | DEMONYM)
    }

    /// An acronym in brackets after a name is of the same type: "Association of Southeast
    /// Asian Nations (ASEAN)", the name growing back over the words it spells; not after a
    /// person, nor one of `short_forms` (see
    /// [`Passage::abbreviates_common_words`]).
    fn bracketed_acronyms(&self, names: &mut Vec<Name>, short_forms: &[usize]) {
        let mut added = Vec::new();
        let mut grown = Vec::new();
        for n in names.iter_mut() {
            let a = n.end + 1;
            if self.is_bracketed_acronym(a) {
                if let Some(start) = self.spelled_out_start(n, a) {
                    n.start = start;
                    n.kind = EntityType::Organisation;
                    n.by_rule = true;
                    grown.push((n.start, n.end));
                }
                let mut acronym = Name {
                    start: a,
                    end: a + 1,
                    kind: n.kind,
                    by_rule: true,
                };
                // "Andy Roddick (US)", "Phil Fear (WRU)": after a person, where they are
                // from or whom they are with.
                if n.kind == EntityType::Person {
                    acronym.kind = if self.is_known_place_or_people(&acronym) {
                        EntityType::Location
                    } else {
                        EntityType::Organisation
                    };
                }
                added.push(acronym);
            }
        }
        // Two names may end before the same brackets: the later one's type stands.
        added.reverse();
        added.sort_by_key(|a| a.start);
        added.dedup_by_key(|a| a.start);
        // Names inside a grown one are part of it: "Việt Nam" in "Electricity of Việt Nam".
        if !grown.is_empty() {
            let mut grown_over = vec![None; self.words.len()];
            for &(s, e) in &grown {
                grown_over[s..e].fill(Some((s, e)));
            }
            names.retain(|m| {
                !grown_over[m.start].is_some_and(|(s, e)| m.end <= e && (s, e) != (m.start, m.end))
            });
        }
        put_in_place(names, added, self.words.len());
        // "official development assistance (ODA)": the short form of lower-case words is
        // no name either.
        names.retain(|n| !(n.end - n.start == 1 && short_forms.binary_search(&n.start).is_ok()));
    }

    /// Whether word `a` is two or more capitals in brackets: "(ASEAN)".
    fn is_bracketed_acronym(&self, a: usize) -> bool {
        a >= 1
            && a + 1 < self.words.len()
            && self.words[a - 1] == "("
            && self.words[a + 1] == ")"
            && self.words[a].chars().count() >= 2
            && self.words[a].chars().all(char::is_uppercase)
    }

    /// "Electricity of Việt Nam (EVN)": where a name before the acronym at word `a` starts
    /// once it takes in the capitalised words before it (and "of", "and", "for", "the"
    /// between them) whose initials spell the acronym; none when its own initials do, or
    /// none do.
    fn spelled_out_start(&self, n: &Name, a: usize) -> Option<usize> {
        let acronym = self.folded(a);
        let initials = |from: usize| -> String {
            (from..n.end)
                .filter(|&i| self.is_capitalised(i))
                .filter_map(|i| self.folded(i).chars().next())
                .collect()
        };
        if initials(n.start).starts_with(acronym) {
            return None;
        }
        let mut start = n.start;
        while start > 0 && n.start - start < 8 {
            start -= 1;
            let w = self.words[start];
            if self.is_capitalised(start) {
                let spelled = initials(start);
                if spelled == acronym {
                    return Some(start);
                }
                if !acronym.ends_with(spelled.as_str()) {
                    return None;
                }
            } else if !matches!(w, "of" | "and" | "for" | "the") && !self.is_joining_dash(start) {
                return None;
            }
        }
        None
    }

    /// Whether word `a` is in brackets right after lower-case words whose initials spell it,
    /// each part of a hyphenated word giving one ("high-bandwidth memory (HBM)").
    fn abbreviates_common_words(&self, a: usize) -> bool {
        if !self.is_bracketed_acronym(a) || !self.words[a].is_ascii() {
            return false;
        }
        let word = self.words[a];
        let letters = word.len();
        // The words before the bracket, last first, over the dashes that join them.
        let mut initials = Vec::with_capacity(letters);
        let mut i = a - 1;
        while initials.len() < letters && i > 0 {
            i -= 1;
            if self.is_joining_dash(i) && initials.last().is_some() {
                continue;
            }
            // "Foreign direct investment (FDI)" opening a sentence.
            let capitalised_common = self.opens_sentence(i)
                && self.words[i].chars().skip(1).all(char::is_lowercase)
                && !self.has(i, NAME | LOC | DEMONYM | ORG_NAME);
            if !self.is_common_word(i) && !capitalised_common {
                return false;
            }
            initials.extend(self.words[i].chars().next().map(|c| c.to_ascii_uppercase()));
        }
        initials.iter().rev().copied().eq(word.chars())
    }

    /// Names listed together ("A, B and C") share the type a rule gave one of them; a
    /// company the word lists know makes the places listed with it companies too
    /// ("Microsoft, Meta and Amazon"), not the people (an apposition: "Bill Gates,
    /// Microsoft's chairman").
    fn lists(&self, names: &mut [Name]) {
        names.sort_by_key(|n| n.start);
        let mut group_start = 0;
        for i in 0..=names.len() {
            let joined = i > 0
                && i < names.len()
                && self.only_list_joiners(names[i - 1].end, names[i].start);
            if joined {
                continue;
            }
            let group = group_start..i;
            group_start = i;
            if group.len() < 2 {
                continue;
            }
            let members = &names[group.clone()];
            let org = |n: &&Name| n.kind == EntityType::Organisation;
            let ruled = members.iter().filter(org).any(|n| n.by_rule);
            // Three or more, closed by "and": not "Kensington and Chelsea", nor "a show in
            // Las Vegas, Toshiba said".
            let closed = members.len() >= 3
                && members
                    .windows(2)
                    .last()
                    .is_some_and(|w| (w[0].end..w[1].start).any(|i| self.words[i] == "and"));
            let known = closed
                && members
                    .iter()
                    .filter(org)
                    .any(|n| self.is_phrase(n.start, n.end, ORG_NAME));
            if !ruled && !known {
                continue;
            }
            for n in &mut names[group] {
                if (ruled || n.kind == EntityType::Location) && !self.is_known_place_or_people(n) {
                    n.kind = EntityType::Organisation;
                }
            }
        }
    }

    fn only_list_joiners(&self, from: usize, to: usize) -> bool {
        from < to && to - from <= 2 && (from..to).all(|i| matches!(self.words[i], "," | "and"))
    }

    /// Places joined by dashes are separate places: "US-China tensions", "Vietnam -
    /// Russia relations".
    fn split_places(&self, names: &mut Vec<Name>) {
        let mut out = Vec::with_capacity(names.len());
        for n in names.drain(..) {
            let parts = self.dash_parts(n.start, n.end);
            let all_places = parts.len() >= 2
                && !self.is_phrase(n.start, n.end, LOC)
                && parts.iter().all(|&(s, e)| self.is_phrase(s, e, LOC));
            if all_places && matches!(n.kind, EntityType::Location | EntityType::Misc) {
                out.extend(parts.iter().map(|&(start, end)| Name {
                    start,
                    end,
                    kind: EntityType::Location,
                    by_rule: true,
                }));
            } else {
                out.push(n);
            }
        }
        *names = out;
    }

    fn dash_parts(&self, start: usize, end: usize) -> Vec<(usize, usize)> {
        let mut parts = Vec::new();
        let mut s = start;
        for i in start..end {
            if self.is_dash(i) {
                parts.push((s, i));
                s = i + 1;
            }
        }
        parts.push((s, end));
        parts.retain(|(s, e)| s < e);
        parts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::features::DocumentContext;

    /// Applies the rules to a sentence with the given tagger names (start, end, type).
    fn run(sentence: &str, tagged: &[(usize, usize, EntityType)]) -> Vec<(String, EntityType)> {
        let tokens = crate::tokenize::tokenize(sentence);
        let words: Vec<&str> = tokens.iter().map(|t| t.text(sentence)).collect();
        let glued: Vec<bool> = (0..tokens.len())
            .map(|i| i > 0 && tokens[i - 1].span.end == tokens[i].span.start)
            .collect();
        let mut first = vec![false; words.len()];
        first[0] = true;
        let mut features = Features::default();
        let ids = features.intern(&words);
        let doc = DocumentContext::new(&features, [(&ids[..], &first[..])]);
        features.compute(&ids, &first, &doc, false);
        let mut names: Vec<Name> = tagged
            .iter()
            .map(|&(start, end, kind)| Name {
                start,
                end,
                kind,
                by_rule: false,
            })
            .collect();
        apply(&words, &glued, &features, &mut names);
        names
            .iter()
            .map(|n| (words[n.start..n.end].join(" "), n.kind))
            .collect()
    }

    macro_rules! case {
        ($sentence:expr, [$($tagged:expr),*], [$(($name:expr, $kind:ident)),*]) => {{
            let want: Vec<(String, EntityType)> =
                vec![$(($name.to_string(), EntityType::$kind)),*];
            assert_eq!(run($sentence, &[$($tagged),*]), want, "rules on {:?}", $sentence);
        }};
    }

    use EntityType::*;

    #[test]
    fn titles_leave_person_names() {
        case!(
            "Deputy PM Sơn held talks.",
            [(0, 3, Person)],
            [("Sơn", Person)]
        );
        case!("The Deputy PM said.", [(1, 3, Organisation)], []);
        case!(
            "NA Vice Chairman spoke.",
            [(0, 2, Organisation)],
            [("NA", Organisation)]
        );
        // Letters after a name, and an office alone.
        case!(
            "Emma Clarke KC and Labour MP Jean Corston met the MP, Dick King-Smith.",
            [
                (0, 3, Person),
                (4, 8, Person),
                (10, 11, Location),
                (12, 16, Person)
            ],
            [
                ("Emma Clarke", Person),
                ("Jean Corston", Person),
                ("Dick King - Smith", Person)
            ]
        );
    }

    #[test]
    fn an_aside_after_a_spaced_dash_is_no_part_of_a_name() {
        case!(
            "In Paris - which the band loved - and a Paris-based firm.",
            [(1, 4, Misc), (10, 13, Misc)],
            [("Paris", Location), ("Paris", Location)]
        );
    }

    #[test]
    fn the_field_of_an_office_is_part_of_the_title() {
        case!(
            "Deputy Minister of Industry and Trade Nguyen Tan met Minister of Planning and \
             Investment Nguyen Dung.",
            [
                (3, 4, Location),
                (5, 8, Organisation),
                (11, 12, Organisation),
                (14, 16, Person)
            ],
            [("Nguyen Tan", Person), ("Nguyen Dung", Person)]
        );
    }

    #[test]
    fn a_name_made_an_adjective_is_a_mention_of_the_name() {
        case!(
            "The Austin-based firm, an Oscar-winning actor and a Chung Mong-koo aide.",
            [(1, 4, Misc), (7, 10, Misc), (13, 17, Person)],
            [
                ("Austin", Location),
                ("Oscar", Misc),
                ("Chung Mong - koo", Person)
            ]
        );
    }

    #[test]
    fn a_name_neither_opens_with_a_common_word_nor_ends_with_a_function_word() {
        case!(
            "He told Radio Five that the Arsenal and Luiz da Silva are anti-Semitic critics.",
            [
                (1, 4, Organisation),
                (6, 8, Organisation),
                (8, 11, Person),
                (12, 15, Misc)
            ],
            [
                ("Radio Five", Organisation),
                ("Arsenal", Organisation),
                ("Luiz da Silva", Person),
                ("anti - Semitic", Misc)
            ]
        );
    }

    #[test]
    fn a_word_that_opens_a_sentence_is_no_name_alone() {
        case!(
            "Born in Luton, he went to Luton Town.",
            [(0, 1, Location), (2, 3, Location), (7, 9, Organisation)],
            [("Luton", Location), ("Luton Town", Organisation)]
        );
        case!("Already, MPs said.", [(0, 1, Person), (2, 3, Person)], []);
    }

    #[test]
    fn a_people_is_no_person() {
        case!(
            "Muslims, Koreans and Azeris met the Czech in Laos.",
            [
                (0, 1, Person),
                (2, 3, Person),
                (4, 5, Person),
                (7, 8, Location),
                (9, 10, Person)
            ],
            [
                ("Muslims", Misc),
                ("Koreans", Misc),
                ("Azeris", Misc),
                ("Czech", Location),
                ("Laos", Person)
            ]
        );
        // Nor is a name with an acronym beside other words.
        case!(
            "Nvidia sells the DGX Spark and Microsoft IPTV to JK Rowling.",
            [(3, 5, Person), (6, 8, Person), (9, 11, Person)],
            [
                ("DGX Spark", Misc),
                ("Microsoft IPTV", Misc),
                ("JK Rowling", Person)
            ]
        );
    }

    #[test]
    fn shouting_in_capitals_is_no_name() {
        case!(
            "Trump wrote that it was a BIG WIN FOR OUR CONSTITUTION, and the US agreed.",
            [(0, 1, Person), (6, 7, Organisation), (14, 15, Location)],
            [("Trump", Person), ("US", Location)]
        );
    }

    #[test]
    fn a_plural_acronym_is_no_name() {
        case!(
            "GCSEs, ISPs and MP3s beat the BBC and Mrs Ms.",
            [
                (0, 1, Person),
                (2, 3, Misc),
                (4, 5, Organisation),
                (7, 8, Organisation)
            ],
            [("BBC", Organisation)]
        );
        for word in ["MPs", "GCSEs", "MP3s", "PCs"] {
            assert!(is_plural_acronym(word), "{word}");
        }
        for word in ["Ms", "Mrs", "AIDS", "BBC", "3s", "ISP's", "Jones"] {
            assert!(!is_plural_acronym(word), "{word}");
        }
    }

    #[test]
    fn a_name_grows_to_the_whole_name_the_word_lists_know() {
        case!(
            "It was made by 20th Century Fox and new Labour.",
            [(5, 7, Organisation), (9, 10, Organisation)],
            [("20th Century Fox", Organisation), ("Labour", Organisation)]
        );
        // Words after the name too, and the type the lists give the whole.
        case!(
            "The Lord of the Rings beat Halo 2 and the Labour party.",
            [(1, 2, Person), (6, 7, Person), (10, 11, Organisation)],
            [
                ("Lord of the Rings", Misc),
                ("Halo 2", Misc),
                ("Labour", Organisation)
            ]
        );
    }

    #[test]
    fn an_honorific_makes_a_person() {
        case!(
            "Lord Goldsmith met Mr Ebbers at the Lord of the Rings premiere.",
            [(0, 2, Location), (3, 5, Organisation), (7, 11, Misc)],
            [
                ("Goldsmith", Person),
                ("Ebbers", Person),
                ("Lord of the Rings", Misc)
            ]
        );
    }

    #[test]
    fn the_word_lists_type_products_and_events_and_drop_common_nouns() {
        case!(
            "Sony sold the Xbox rival at Christmas to PCs owners.",
            [
                (0, 1, Person),
                (3, 4, Organisation),
                (6, 7, Location),
                (8, 9, Organisation)
            ],
            [("Sony", Person), ("Xbox", Misc), ("Christmas", Event)]
        );
        // A holiday the tagger missed is added; a lower-case one is not a name.
        case!(
            "Sales rose before Easter Monday and the new year.",
            [],
            [("Easter Monday", Event)]
        );
    }

    #[test]
    fn head_words_name_events_laws_and_organisations() {
        case!(
            "He attended the Russian Energy Week 2025 Forum.",
            [(3, 4, Misc)],
            [("Russian Energy Week 2025 Forum", Event)]
        );
        case!(
            "It was the Great Patriotic War.",
            [],
            [("Great Patriotic War", Event)]
        );
        case!(
            "Sinner won the ATP Finals in Turin.",
            [(0, 1, Person), (3, 5, Organisation), (6, 7, Location)],
            [
                ("Sinner", Person),
                ("ATP Finals", Event),
                ("Turin", Location)
            ]
        );
        // A law's name holds brackets, and starts where the tagger's does.
        case!(
            "The Terminally Ill Adults (End of Life) Bill and the Serious Organised Crime and Police Bill passed.",
            [(1, 4, Organisation), (12, 18, Organisation)],
            [
                ("Terminally Ill Adults ( End of Life ) Bill", Misc),
                ("Serious Organised Crime and Police Bill", Misc)
            ]
        );
        // An award the tagger took for a person; a date after "on" is no field.
        case!(
            "She won a Tony Award and the British Comedy Awards on Wednesday.",
            [(3, 5, Person)],
            [("Tony Award", Misc), ("British Comedy Awards", Misc)]
        );
        // A firm's line of business ends its name, as a legal form does.
        case!(
            "Analysts at Counterpoint Research and Strategy Analytics agree.",
            [(2, 3, Location)],
            [
                ("Counterpoint Research", Organisation),
                ("Strategy Analytics", Organisation)
            ]
        );
        case!(
            "In 1994, the Treaty on the Principles of Friendly Relations was signed.",
            [(5, 6, Organisation)],
            [("Treaty on the Principles of Friendly Relations", Misc)]
        );
        case!(
            "He presented the Certificate of Merit.",
            [(3, 6, Organisation)],
            [("Certificate of Merit", Misc)]
        );
        case!(
            "It visited the Vietnamese Embassy in Russia.",
            [(3, 4, Misc), (6, 7, Location)],
            [("Vietnamese Embassy", Organisation), ("Russia", Location)]
        );
        case!(
            "They met the ASEAN Regional Forum.",
            [(3, 6, Misc)],
            [("ASEAN Regional Forum", Organisation)]
        );
        case!(
            "The former Soviet Union fell.",
            [(2, 4, Location)],
            [("Soviet Union", Location)]
        );
        case!(
            "It strengthens the Việt Nam–Russia Comprehensive Strategic Partnership.",
            [(3, 6, Location), (6, 9, Misc)],
            [(
                "Việt Nam – Russia Comprehensive Strategic Partnership",
                Misc
            )]
        );
        // A law's head takes its field after "on" with the words before it too.
        case!(
            "It upholds the United Nations Convention on the Law of the Sea.",
            [(3, 6, Misc), (8, 11, Organisation)],
            [("United Nations Convention on the Law of the Sea", Misc)]
        );
        // A dash inside a word of the field joins it.
        case!(
            "The National Center for Hydro-Meteorological Forecasting said.",
            [(1, 6, Organisation)],
            [(
                "National Center for Hydro - Meteorological Forecasting",
                Organisation
            )]
        );
    }

    #[test]
    fn named_storms_are_events_and_nouns_after_names_give_their_kind() {
        case!(
            "Typhoon Yagi hit Hải Phòng, and Super Typhoon Haiyan and Tropical Storm Alberto followed.",
            [(0, 2, Person), (3, 5, Location), (10, 11, Person), (13, 14, Person)],
            [
                ("Typhoon Yagi", Event),
                ("Hải Phòng", Location),
                ("Super Typhoon Haiyan", Event),
                ("Tropical Storm Alberto", Event)
            ]
        );
        case!(
            "Storm Darragh hit Wales.",
            [(0, 2, Person), (3, 4, Location)],
            [("Storm Darragh", Event), ("Wales", Location)]
        );
        // A longer name that holds a storm's is left as it is.
        case!(
            "The Hurricane Katrina Relief Fund paid.",
            [(1, 5, Organisation)],
            [("Hurricane Katrina Relief Fund", Organisation)]
        );
        case!(
            "Floods hit China's Hainan province and the Welsh region.",
            [(2, 3, Location), (3, 4, Misc), (7, 8, Misc)],
            [("China's", Location), ("Hainan", Location), ("Welsh", Misc)]
        );
        case!("She won a Tony award.", [(3, 4, Person)], [("Tony", Misc)]);
        case!(
            "Demand for its Blackwell chips rose.",
            [(3, 4, Person)],
            [("Blackwell", Misc)]
        );
        case!(
            "Ships use the Suez Canal and the Mekong river.",
            [(3, 5, Organisation), (7, 8, Person)],
            [("Suez Canal", Location), ("Mekong", Location)]
        );
        // Not when an organisation's head is in the name.
        case!(
            "The University of the Highlands and Islands grew.",
            [(1, 7, Organisation)],
            [("University of the Highlands and Islands", Organisation)]
        );
        // The noun as the name's last word; "County" names clubs too, so it is left alone.
        case!(
            "Lâm Đồng Province and Derby County agreed.",
            [(0, 3, Organisation), (4, 6, Organisation)],
            [
                ("Lâm Đồng Province", Location),
                ("Derby County", Organisation)
            ]
        );
    }

    #[test]
    fn roads_rivers_and_the_word_the_tagger_left_out() {
        case!(
            "The Thu Bồn River flooded the streets inside Ring Road 1 and Downing Street.",
            [(2, 4, Location), (8, 10, Organisation), (12, 14, Person)],
            [
                ("Thu Bồn River", Location),
                ("Ring Road 1", Location),
                ("Downing Street", Location)
            ]
        );
        case!(
            "The ban reaches Ring Road 2 in 2028.",
            [(3, 6, Misc)],
            [("Ring Road 2", Location)]
        );
        // "The" opening the sentence is no name's word.
        case!(
            "The Mekong River rose.",
            [(1, 3, Location)],
            [("Mekong River", Location)]
        );
    }

    #[test]
    fn hyphenated_given_names_are_whole() {
        case!(
            "President Lee Jae-myung met Kim Jong-un and the Smith-led panel.",
            [(1, 3, Person), (6, 8, Person), (12, 13, Person)],
            [
                ("Lee Jae - myung", Person),
                ("Kim Jong - un", Person),
                ("Smith", Person)
            ]
        );
        case!(
            "Former president Tsai Ing-wen met the Anglo-French panel.",
            [(2, 6, Misc), (8, 11, Misc)],
            [("Tsai Ing - wen", Person), ("Anglo - French", Misc)]
        );
    }

    #[test]
    fn numbered_documents_are_whole_names() {
        case!(
            "Under Directive No. 20/CT-TTg and Decree No. 168/2024/ND-CP, fines rose.",
            [(1, 3, Person), (17, 18, Organisation)],
            [
                ("Directive No . 20 / CT - TTg", Misc),
                ("Decree No . 168 / 2024 / ND - CP", Misc)
            ]
        );
        // A law named before its number keeps its start.
        case!(
            "The Data Protection Act 2018 and Resolution 1441 apply.",
            [(1, 4, Misc)],
            [
                ("Data Protection Act 2018", Misc),
                ("Resolution 1441", Misc)
            ]
        );
        case!(
            "Metro Line No.2 opens; line 3 waits.",
            [(0, 3, Person)],
            [("Metro Line No . 2", Location)]
        );
    }

    #[test]
    fn a_word_ending_in_bank_or_group_is_a_company() {
        case!(
            "Loans at Vietcombank and Techcombank rose, while Agribank and Vingroup said so.",
            [(2, 5, Organisation), (8, 9, Person)],
            [
                ("Vietcombank", Organisation),
                ("Techcombank", Organisation),
                ("Agribank", Organisation),
                ("Vingroup", Organisation)
            ]
        );
        // Opening a longer name, it is left to it; opening a sentence, only a name found.
        case!(
            "Interbank rates rose at Vietcombank Securities.",
            [(4, 6, Organisation)],
            [("Vietcombank Securities", Organisation)]
        );
    }

    #[test]
    fn a_measure_or_a_common_acronym_is_no_name() {
        case!(
            "PM2.5 levels rose as AI demand grew.",
            [(0, 1, Organisation), (6, 7, Organisation)],
            []
        );
    }

    #[test]
    fn a_titled_name_with_of_is_a_person_and_what_they_are_of() {
        case!(
            "Professor Kausik Ray of Imperial College London and King Abdullah of Jordan met Lord Nicholls of Birkenhead.",
            [(1, 7, Organisation), (9, 12, Person), (14, 17, Person)],
            [
                ("Kausik Ray", Person),
                ("Imperial College London", Organisation),
                ("Abdullah", Person),
                ("Jordan", Location),
                ("Nicholls of Birkenhead", Person)
            ]
        );
    }

    #[test]
    fn a_product_the_tagger_left_out_is_added_with_its_model() {
        case!(
            "Apple unveiled the iPhone 16 Pro and the PlayStation 3 today.",
            [(0, 1, Organisation)],
            [
                ("Apple", Organisation),
                ("iPhone 16 Pro", Misc),
                ("PlayStation 3", Misc)
            ]
        );
        // A single capitalised word opening a sentence may be the common word; inside
        // one it is the product.
        case!("Windows were smashed.", [], []);
        case!("He asked Copilot.", [], [("Copilot", Misc)]);
    }

    #[test]
    fn a_product_the_tagger_found_takes_its_model_but_not_a_count() {
        case!(
            "Google showed the Pixel 10 and sold Pixel 3 million times.",
            [(0, 1, Organisation), (3, 4, Organisation), (7, 8, Person)],
            [
                ("Google", Organisation),
                ("Pixel 10", Misc),
                ("Pixel", Misc)
            ]
        );
    }

    #[test]
    fn a_roman_numeral_after_a_name_is_part_of_it() {
        case!(
            "Pope John Paul II met the Artemis III crew in chapter IV.",
            [
                (1, 3, Person),
                (6, 7, Misc),
                (7, 8, Organisation),
                (11, 12, Organisation)
            ],
            [("John Paul II", Person), ("Artemis III", Misc)]
        );
        // A numeral taken for a name alone joins the capitalised word before it.
        case!(
            "It was Elizabeth II.",
            [(3, 4, Organisation)],
            [("Elizabeth II", Person)]
        );
    }

    #[test]
    fn lists_and_appositives_take_an_organisation_type() {
        case!(
            "Firms such as Zarubezhneft, Novatek, and Rosatom State Corporation met.",
            [(3, 4, Person), (5, 6, Location)],
            [
                ("Zarubezhneft", Organisation),
                ("Novatek", Organisation),
                ("Rosatom State Corporation", Organisation)
            ]
        );
        case!(
            "The two joint ventures, Vietsovpetro and Rusvietpetro, work.",
            [(5, 6, Person), (7, 8, Location)],
            [
                ("Vietsovpetro", Organisation),
                ("Rusvietpetro", Organisation)
            ]
        );
        case!(
            "Microsoft, Meta and Amazon will spend more, as will Japan.",
            [
                (0, 1, Organisation),
                (2, 3, Location),
                (4, 5, Location),
                (11, 12, Location)
            ],
            [
                ("Microsoft", Organisation),
                ("Meta", Organisation),
                ("Amazon", Organisation),
                ("Japan", Location)
            ]
        );
        // Two are not enough: "Chelsea" is a club and a part of London.
        case!(
            "It ranged from Kensington and Chelsea to Hull.",
            [(3, 4, Location), (5, 6, Organisation), (7, 8, Location)],
            [
                ("Kensington", Location),
                ("Chelsea", Organisation),
                ("Hull", Location)
            ]
        );
        case!(
            "The property website Rightmove and the magazine Rolling Stone said so.",
            [(3, 4, Person), (7, 9, Person)],
            [("Rightmove", Organisation), ("Rolling Stone", Organisation)]
        );
        // An apposition after the name whose head says so; not a person's trade or a noun
        // after a preposition.
        case!(
            "Anglo-American, the international mining company, and Sina, the country's biggest portal firm, met Jeffrey Richards, the show's co-producer, and Tom Lee, a consultant at the firm.",
            [
                (0, 3, Misc),
                (10, 11, Location),
                (19, 21, Person),
                (29, 31, Person)
            ],
            [
                ("Anglo - American", Organisation),
                ("Sina", Organisation),
                ("Jeffrey Richards", Person),
                ("Tom Lee", Person)
            ]
        );
    }

    #[test]
    fn organisations_with_of_and_acronyms_in_brackets() {
        case!(
            "The Ministry of Industry and Trade signed.",
            [(1, 4, Organisation), (5, 6, Organisation)],
            [("Ministry of Industry and Trade", Organisation)]
        );
        case!(
            "He met the Association of Southeast Asian Nations (ASEAN) today.",
            [(3, 8, Organisation), (9, 10, Misc)],
            [
                ("Association of Southeast Asian Nations", Organisation),
                ("ASEAN", Organisation)
            ]
        );
        // The short form of common words is no name.
        case!(
            "It leads in official development assistance (ODA) to Japan.",
            [(7, 8, Organisation), (10, 11, Location)],
            [("Japan", Location)]
        );
        // So at the start of a sentence.
        case!(
            "Foreign direct investment (FDI) rose.",
            [(4, 5, Organisation)],
            []
        );
        // Each part of a hyphenated word gives an initial.
        case!(
            "Demand for high-bandwidth memory (HBM) grew.",
            [(7, 8, Organisation)],
            []
        );
        // A name grows back over the words its acronym spells.
        case!(
            "Electricity of Việt Nam (EVN) said.",
            [(2, 4, Location)],
            [
                ("Electricity of Việt Nam", Organisation),
                ("EVN", Organisation)
            ]
        );
        // After a person, an acronym is where they are from or whom they are with.
        case!(
            "Andy Roddick (US) and Phil Fear (WRU) won.",
            [
                (0, 2, Person),
                (3, 4, Person),
                (6, 8, Person),
                (9, 10, Person)
            ],
            [
                ("Andy Roddick", Person),
                ("US", Location),
                ("Phil Fear", Person),
                ("WRU", Organisation)
            ]
        );
        case!(
            "Communist Party of Vietnam and major parties met.",
            [],
            [("Communist Party of Vietnam", Organisation)]
        );
        // "and the" or a second "and" starts another name.
        case!(
            "The Ministry of Planning and Investment and the Japan International Cooperation Agency signed.",
            [],
            [
                ("Ministry of Planning and Investment", Organisation),
                ("Japan International Cooperation Agency", Organisation)
            ]
        );
        case!(
            "The Ministry of Industry and Trade and Finance signed.",
            [],
            [("Ministry of Industry and Trade", Organisation)]
        );
    }

    #[test]
    fn names_of_punctuation_only_are_dropped() {
        case!("🡠&<", [(0, 3, Misc)], []);
        case!("“ ”", [(0, 2, Person)], []);
    }

    #[test]
    fn quoted_names_and_dashed_places() {
        case!(
            "It adheres to the “Four No’s” policy.",
            [(4, 6, Misc)],
            [("Four No’s", Misc)]
        );
        case!(
            "The US-China tensions grew.",
            [(1, 4, Misc)],
            [("US", Location), ("China", Location)]
        );
        case!("Fourth is the lesson.", [(0, 1, Person)], []);
    }
}
