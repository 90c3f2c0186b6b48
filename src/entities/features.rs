//! Hashed word features for the name tagger: word forms, shapes, affixes, context and lexicon hits.

use crate::hashing::{fnv_byte, fnv_str, text_hash, FastMap, FastSet, FNV_START};
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

/// Lexicon classes, as bits: a phrase may be in several.
pub const LOC: u16 = 1;
pub const DEMONYM: u16 = 2;
pub const NAME: u16 = 4;
pub const ORG_HEAD: u16 = 8;
pub const EVENT_HEAD: u16 = 16;
pub const LAW_HEAD: u16 = 32;
pub const TITLE: u16 = 64;
pub const GATHERING: u16 = 128;
pub const ORG_NOUN: u16 = 256;
pub const COMPANY: u16 = 512;
pub const ORG_NAME: u16 = 1024;
pub const PRODUCT: u16 = 2048;
pub const EVENT_NAME: u16 = 4096;
/// Classes the tagger's features read: the bits below this.
const CLASSES: u8 = 13;
/// A company's legal form ("Inc"), also a [`COMPANY`] word, or another word a company's
/// name is also written without ("Group"); past [`CLASSES`], so the tagger sees only the
/// word's other classes, as it was trained.
pub const LEGAL_FORM: u16 = 8192;

const GAZETTEER: &str = include_str!("../../data/entities/gazetteer.txt");
const HEADS: &str = include_str!("../../data/entities/heads.txt");
const NAMES: &str = include_str!("../../data/entities/names.txt");

/// Phrases of the word lists, keyed by their folded words joined with single spaces.
pub struct Lexicon {
    phrases: FastMap<String, u16>,
    /// Every proper start of a phrase of more than one word ("royal", "royal bank", "royal
    /// bank of" for "royal bank of scotland"): a match grows word by word while it is one.
    starts: FastSet<String>,
}

impl Lexicon {
    /// The compiled-in word lists, parsed once.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| Lexicon::parse(&[GAZETTEER, HEADS, NAMES]))
    }

    fn parse(sources: &[&str]) -> Lexicon {
        let mut phrases = FastMap::default();
        let mut starts = FastSet::default();
        for line in sources.iter().flat_map(|s| s.lines()) {
            let Some((class, phrase)) = line.split_once('\t') else {
                continue;
            };
            let bit = match class {
                "loc" => LOC,
                "demonym" => DEMONYM,
                "name" => NAME,
                "org" => ORG_HEAD,
                "event" => EVENT_HEAD,
                "law" => LAW_HEAD,
                "title" => TITLE,
                "gathering" => GATHERING,
                "orgnoun" => ORG_NOUN,
                "company" => COMPANY,
                "legal" => COMPANY | LEGAL_FORM,
                "shortens" => LEGAL_FORM,
                "orgname" => ORG_NAME,
                "product" => PRODUCT,
                "eventname" => EVENT_NAME,
                _ => continue,
            };
            let Some(key) = phrase_key(phrase) else {
                continue;
            };
            for (space, _) in key.match_indices(' ') {
                starts.insert(key[..space].to_string());
            }
            *phrases.entry(key).or_insert(0) |= bit;
        }
        Lexicon { phrases, starts }
    }

    /// Whether the word lists name this folded word as a nationality or a faith
    /// ("korean").
    pub fn is_demonym(&self, folded: &str) -> bool {
        self.has_class(folded, DEMONYM)
    }

    /// Whether the word lists name this folded word as a place ("jordan").
    pub fn is_place(&self, folded: &str) -> bool {
        self.has_class(folded, LOC)
    }

    /// Whether the word lists name this folded word as a company's legal form ("inc").
    pub fn is_legal_form(&self, folded: &str) -> bool {
        self.has_class(folded, LEGAL_FORM)
    }

    /// Whether the word lists name this folded word as the head of a law's or an award's
    /// name ("bill", "treaty").
    pub fn is_law_head(&self, folded: &str) -> bool {
        self.has_class(folded, LAW_HEAD)
    }

    /// Whether the word lists give this folded word or phrase one of the classes in `class`.
    pub fn has_class(&self, folded: &str, class: u16) -> bool {
        self.phrases.get(folded).is_some_and(|c| c & class != 0)
    }

    /// Classes of a name as written ("Sony", "Manchester United"), 0 when none.
    pub fn classes_of_name(&self, name: &str) -> u16 {
        phrase_key(name)
            .and_then(|key| self.phrases.get(&key).copied())
            .unwrap_or(0)
    }

    /// What the lexicon says about one folded word.
    pub fn entry(&self, word: &str) -> WordEntry {
        WordEntry {
            classes: self.phrases.get(word).copied().unwrap_or(0),
            opens: self.starts.contains(word),
        }
    }

    /// Leftmost-longest phrase matches over `len` folded words, `word(i)` the word at `i`
    /// and `entry(i)` its [`Lexicon::entry`]: (start, end, classes).
    fn matches<'a>(
        &self,
        len: usize,
        word: impl Fn(usize) -> &'a str,
        entry: impl Fn(usize) -> WordEntry,
        out: &mut Vec<(usize, usize, u16)>,
    ) {
        out.clear();
        let mut key = String::new();
        let mut i = 0;
        while i < len {
            let WordEntry { classes, opens } = entry(i);
            let alone = (classes != 0).then_some((1, classes));
            let mut longest = alone;
            if opens {
                // Grow the match while the words so far start a phrase.
                key.clear();
                key.push_str(word(i));
                let mut n = 1;
                while i + n < len && (n == 1 || self.starts.contains(key.as_str())) {
                    key.push(' ');
                    key.push_str(word(i + n));
                    n += 1;
                    if let Some(&c) = self.phrases.get(key.as_str()) {
                        longest = Some((n, c));
                    }
                }
            }
            match longest {
                Some((n, c)) => {
                    out.push((i, i + n, c));
                    i += n;
                }
                None => i += 1,
            }
        }
    }
}

/// A phrase's folded words joined with single spaces, as the lexicon keys it; `None`
/// when it has no words.
fn phrase_key(phrase: &str) -> Option<String> {
    let tokens = crate::tokenize::tokenize(phrase);
    let (mut key, mut word) = (String::with_capacity(phrase.len()), String::new());
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 {
            key.push(' ');
        }
        fold_into(t.text(phrase), &mut word);
        key.push_str(&word);
    }
    (!tokens.is_empty()).then_some(key)
}

/// A folded word's own lexicon classes, and whether a longer phrase starts with it.
#[derive(Clone, Copy, Default)]
pub struct WordEntry {
    classes: u16,
    opens: bool,
}

/// Lower case without diacritics, with typographic apostrophes made plain and a
/// possessive "'s" removed: "Việt" → "viet", "Đà" → "da", "Lam’s" → "lam".
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// [`fold`] into a reused buffer.
pub fn fold_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        for c in word.nfd() {
            if unicode_normalization::char::is_combining_mark(c) {
                continue;
            }
            match c {
                'đ' | 'Đ' => out.push('d'),
                '’' | '‘' | '`' => out.push('\''),
                _ => out.extend(c.to_lowercase()),
            }
        }
    }
    if out.len() > 2 && out.ends_with("'s") {
        out.truncate(out.len() - 2);
    }
}

/// Word shape with runs collapsed: "Sơn" → "Xx", "APEC" → "X", "U.S." → "X.X.",
/// "2025" → "d", "Asia" → "Xx", "G7" → "Xd".
fn shape(word: &str, out: &mut String) {
    out.clear();
    let mut last = '\0';
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() || c.is_alphabetic() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c == '’' {
            '\''
        } else {
            c
        };
        if s != last {
            out.push(s);
            last = s;
        }
    }
}

/// "ASEAN’s" → "ASEAN".
fn without_possessive(word: &str) -> &str {
    ["'s", "’s"]
        .iter()
        .find_map(|p| word.strip_suffix(p).filter(|w| !w.is_empty()))
        .unwrap_or(word)
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn has_letters(word: &str) -> bool {
    word.chars().any(char::is_alphabetic)
}

fn is_all_caps(word: &str) -> bool {
    has_letters(word) && !word.chars().any(char::is_lowercase)
}

/// What the document says about each word elsewhere: used so that a word in an
/// all-capitals headline or at the start of a sentence is judged by its other uses.
/// Indexed by the folded forms' numbers in [`Features`].
pub struct DocumentContext {
    lower: Vec<bool>,
    capitalised: Vec<bool>,
}

impl DocumentContext {
    /// Records the words of the document's passages (word ids from [`Features::intern`],
    /// and which start a sentence).
    pub fn new<'a>(
        features: &Features,
        passages: impl IntoIterator<Item = (&'a [u32], &'a [bool])>,
    ) -> Self {
        let forms = features.folded_ids.len();
        let mut doc = DocumentContext {
            lower: vec![false; forms],
            capitalised: vec![false; forms],
        };
        for (ids, first) in passages {
            if features.is_headline(ids) {
                continue;
            }
            for (&id, &first) in ids.iter().zip(first) {
                // Either test needs a letter first, so a word without letters passes neither.
                let case = features.word_case[id as usize];
                let set = if case.starts_lower {
                    &mut doc.lower
                } else if !first && case.capitalised && !case.all_caps {
                    &mut doc.capitalised
                } else {
                    continue;
                };
                set[case.folded as usize] = true;
            }
        }
        doc
    }
}

/// What a word's letters say, worked out once per distinct word rather than per token.
#[derive(Clone, Copy)]
struct WordCase {
    /// Capital and lower-case letters, for the headline test.
    caps: u32,
    lower: u32,
    starts_lower: bool,
    capitalised: bool,
    all_caps: bool,
    /// [`WordCase::all_caps`] of the word without a possessive "'s": "ASEAN's" is.
    bare_all_caps: bool,
    /// Ends in a possessive "'s": "Morocco's".
    possessive: bool,
    /// Has a capital or a letter of a script without case: a word that may be a name.
    may_name: bool,
    /// Number of the word's folded form (see [`fold`]), the same for "Sơn" and "son".
    folded: u32,
}

/// FNV-1a over a feature's template number and parts, folded to 32 bits.
struct Hash(u64);

impl Hash {
    fn new(template: u8) -> Self {
        Hash(fnv_byte(FNV_START, template))
    }
    fn str(self, s: &str) -> Self {
        Hash(fnv_str(self.0, s))
    }
    /// Adds a part hashed beforehand with [`text_hash`], which hashes as [`Hash::str`].
    fn part(mut self, h: u64) -> Self {
        self.0 = (self.0 ^ h)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .rotate_left(26);
        self
    }
    fn with(self, b: u8) -> Self {
        Hash(fnv_byte(self.0, b))
    }
    /// Never 0, which the model keeps for empty slots.
    fn finish(self) -> u32 {
        ((self.0 ^ (self.0 >> 32)) as u32).max(1)
    }
}

/// Where a word stands relative to the token whose features it gives: the token itself,
/// then its neighbours. Features that depend on one word alone are hashed once per
/// distinct word of a document, for each of these roles, and their weights summed once.
pub const ROLES: [isize; 5] = [0, -1, 1, -2, 2];

/// Reusable buffers for the features of one document's passages.
#[derive(Default)]
pub struct Features {
    lexicon: Vec<(u16, u8)>,
    matches: Vec<(usize, usize, u16)>,
    /// Id of each distinct word seen in the document (id 0 is the passage boundary), keyed
    /// by the word's [`text_hash`] rather than its text, so that a lookup reads no string.
    ids: FastMap<u64, u32>,
    /// Number of each distinct folded form (see [`WordCase::folded`]).
    folded_ids: FastMap<String, u32>,
    /// Folded form of each word id, its letters' case, and hashes of it and of its shape,
    /// worked out once per word: context features combine these hashes instead of hashing
    /// text again.
    word_folded: Vec<String>,
    word_case: Vec<WordCase>,
    word_entries: Vec<WordEntry>,
    word_hashes: Vec<u64>,
    shape_hashes: Vec<u64>,
    /// Hashes of each word's features in each role: word `w`, role `r` has
    /// `role_hashes[role_starts[w * ROLES.len() + r]..role_starts[w * ROLES.len() + r + 1]]`.
    role_hashes: Vec<u32>,
    role_starts: Vec<usize>,
    /// Whether the last passage is a headline (see [`Features::is_headline`]).
    pub headline: bool,
    /// Word id of each token of the last passage.
    pub words: Vec<u32>,
    /// Hashes of the features of each token that depend on its context, token after token.
    pub hashes: Vec<u32>,
    /// Where each token's context features start in `hashes` (one more entry than tokens).
    pub starts: Vec<usize>,
    /// Whether each token of the last passage is near a word that may be a name (see
    /// [`NAME_REACH`]), or all true when every token was asked for: the tokens that get
    /// context features, and that the tagger reads.
    pub near_name: Vec<bool>,
}

/// Tokens further than this from any word with a capital (or a letter of a script without
/// case) are taken to be outside names, and the tagger skips them: about half the tokens of
/// news text. In CoNLL's training data 13 of 42,646 name tokens lie further ("interior
/// ministry"); a reach of 1 would cut hyphenated names ("UK-based").
const NAME_REACH: usize = 2;

const BOUNDARY: &str = "<s>";

impl Features {
    /// Folded form (see [`fold`]) of word `i` of the last passage.
    pub fn folded(&self, i: usize) -> &str {
        &self.word_folded[self.words[i] as usize]
    }

    /// Lexicon classes of each word of the last passage (from leftmost-longest matches).
    pub fn classes(&self, i: usize) -> u16 {
        self.lexicon.get(i).map_or(0, |l| l.0)
    }

    /// Leftmost-longest lexicon matches of the last passage: (start, end, classes).
    pub fn matches(&self) -> &[(usize, usize, u16)] {
        &self.matches
    }

    /// Number of distinct words seen so far, the boundary included.
    pub fn word_count(&self) -> usize {
        self.role_starts.len().saturating_sub(1) / ROLES.len()
    }

    /// Hashes of word `id`'s features in role `role` (an index into [`ROLES`]).
    pub fn role_hashes(&self, id: u32, role: usize) -> &[u32] {
        let at = id as usize * ROLES.len() + role;
        &self.role_hashes[self.role_starts[at]..self.role_starts[at + 1]]
    }

    /// Word id at position `i` of the last passage, the boundary outside it.
    pub fn word_at(&self, i: isize) -> u32 {
        usize::try_from(i)
            .ok()
            .and_then(|i| self.words.get(i).copied())
            .unwrap_or(0)
    }

    /// Whether a name ends at token `i` of the last passage: a possessive "'s" ends one
    /// ("Morocco's Hicham El Guerrouj" names two), unless it is a title's, which opens
    /// the names of institutions ("Queen's Club", "Prince's Trust"), or "People's", which
    /// opens many ("People's Committee", "People's Bank of China").
    pub fn ends_name(&self, i: usize) -> bool {
        let id = self.words[i] as usize;
        self.word_case[id].possessive
            && self.word_entries[id].classes & TITLE == 0
            && !(self.word_case[id].capitalised && self.word_folded[id] == "people")
    }

    /// Every feature hash of token `i` of the last passage, word roles included.
    pub fn all_hashes(&self, i: usize, out: &mut Vec<u32>) {
        for (role, offset) in ROLES.iter().enumerate() {
            out.extend_from_slice(self.role_hashes(self.word_at(i as isize + offset), role));
        }
        out.extend_from_slice(&self.hashes[self.starts[i]..self.starts[i + 1]]);
    }

    /// Word ids of a passage's words, adding the words not seen before to the tables.
    pub fn intern(&mut self, words: &[&str]) -> Vec<u32> {
        if self.role_starts.is_empty() {
            self.role_starts.push(0);
            self.keep_word(BOUNDARY, BOUNDARY, BOUNDARY.into(), BOUNDARY);
        }
        words
            .iter()
            .map(|&w| {
                let next = self.word_count() as u32;
                let id = *self.ids.entry(text_hash(w)).or_insert(next);
                if id == next {
                    self.add_word(w);
                }
                id
            })
            .collect()
    }

    /// A headline-style passage: most of its letters are capitals (CoNLL has many).
    pub fn is_headline(&self, ids: &[u32]) -> bool {
        let (caps, lower) = ids.iter().fold((0, 0), |(caps, lower), &id| {
            let case = &self.word_case[id as usize];
            (caps + case.caps, lower + case.lower)
        });
        caps >= 4 && caps > 3 * lower
    }

    /// Computes the features of a passage (word ids from [`Features::intern`]): one
    /// sentence, or several in a row with `first` marking the words that start one (so
    /// that a wrong sentence break does not cut a name in two). Context features are
    /// computed for the tokens [`Features::near_name`] marks, or for all with `every_token`
    /// (for training).
    pub fn compute(
        &mut self,
        ids: &[u32],
        first: &[bool],
        doc: &DocumentContext,
        every_token: bool,
    ) {
        let lexicon = Lexicon::get();
        let n = ids.len();
        self.words.clear();
        self.words.extend_from_slice(ids);
        // Lexicon hits: class bits and position (0 single, 1 first, 2 inside, 3 last).
        self.lexicon.clear();
        self.lexicon.resize(n, (0, 0));
        let word = |i: usize| self.word_folded[self.words[i] as usize].as_str();
        let entry = |i: usize| self.word_entries[self.words[i] as usize];
        lexicon.matches(n, word, entry, &mut self.matches);
        for &(s, e, c) in &self.matches {
            for i in s..e {
                let pos = if e - s == 1 {
                    0
                } else if i == s {
                    1
                } else if i + 1 == e {
                    3
                } else {
                    2
                };
                self.lexicon[i] = (c, pos);
            }
        }
        self.headline = self.is_headline(ids);
        self.near_name.clear();
        self.near_name.resize(n, every_token);
        // Training reads every token, all marked already.
        if !every_token {
            for (i, &id) in ids.iter().enumerate() {
                if self.word_case[id as usize].may_name {
                    let near = i.saturating_sub(NAME_REACH)..(i + NAME_REACH + 1).min(n);
                    self.near_name[near].fill(true);
                }
            }
        }
        self.hashes.clear();
        self.starts.clear();
        for (i, &first) in first.iter().enumerate().take(n) {
            self.starts.push(self.hashes.len());
            if self.near_name[i] {
                self.context(i, first, doc);
            }
        }
        self.starts.push(self.hashes.len());
    }

    /// Keeps a new word's folded form, case and shape and hashes its features in each role.
    fn add_word(&mut self, word: &str) {
        let bare = without_possessive(word);
        let (mut folded, mut shaped) = (String::new(), String::new());
        fold_into(word, &mut folded);
        shape(bare, &mut shaped);
        self.keep_word(word, bare, folded, &shaped);
    }

    /// [`Features::add_word`] with the word without its possessive (`bare`), its folded
    /// form and its shape given.
    fn keep_word(&mut self, word: &str, bare: &str, folded: String, shape: &str) {
        let possessive = bare.len() < word.len();
        self.hash_word(&folded, shape, possessive);
        let folded_id = match self.folded_ids.get(&folded) {
            Some(&id) => id,
            None => {
                let id = self.folded_ids.len() as u32;
                self.folded_ids.insert(folded.clone(), id);
                id
            }
        };
        self.word_case.push(WordCase {
            caps: word.chars().filter(|c| c.is_uppercase()).count() as u32,
            lower: word.chars().filter(|c| c.is_lowercase()).count() as u32,
            starts_lower: word.chars().next().is_some_and(char::is_lowercase),
            capitalised: is_capitalised(word),
            all_caps: is_all_caps(word),
            bare_all_caps: is_all_caps(bare),
            possessive,
            may_name: word
                .chars()
                .any(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase())),
            folded: folded_id,
        });
        self.word_entries.push(Lexicon::get().entry(&folded));
        self.word_hashes.push(text_hash(&folded));
        self.shape_hashes.push(text_hash(shape));
        self.word_folded.push(folded);
    }

    fn hash_word(&mut self, w: &str, shape: &str, possessive: bool) {
        let out = &mut self.role_hashes;
        let mut push = |h: Hash| out.push(h.finish());
        // The token itself: its form, affixes and shape.
        push(Hash::new(0));
        push(Hash::new(1).str(w));
        for (len, (b, c)) in w.char_indices().take(4).enumerate() {
            push(Hash::new(6).with(len as u8).str(&w[..b + c.len_utf8()]));
        }
        for b in w.char_indices().rev().map(|(b, _)| b).take(4) {
            push(Hash::new(7).str(&w[b..]));
        }
        push(Hash::new(8).str(shape));
        if possessive {
            push(Hash::new(20));
        }
        self.role_starts.push(self.role_hashes.len());
        // As a neighbour: before, after, two before, two after.
        for (templates, with_shape) in [
            ((2, 9), true),
            ((3, 10), true),
            ((4, 0), false),
            ((5, 0), false),
        ] {
            self.role_hashes
                .push(Hash::new(templates.0).str(w).finish());
            if with_shape {
                self.role_hashes
                    .push(Hash::new(templates.1).str(shape).finish());
            }
            self.role_starts.push(self.role_hashes.len());
        }
    }

    /// Hashes the features of token `i` that depend on more than the one word.
    fn context(&mut self, i: usize, first: bool, doc: &DocumentContext) {
        let headline = self.headline;
        let at = i as isize;
        let w = self.folded(i);
        let case = self.word_case[self.words[i] as usize];
        let word = |j: isize| self.word_hashes[self.word_at(j) as usize];
        let shape = |j: isize| self.shape_hashes[self.word_at(j) as usize];
        let mut f: [u32; 64] = [0; 64];
        let mut k = 0;
        let mut push = |h: Hash| {
            if k < f.len() {
                f[k] = h.finish();
                k += 1;
            }
        };
        let s0 = shape(at);
        push(
            Hash::new(11)
                .part(shape(at - 1))
                .part(s0)
                .part(shape(at + 1)),
        );
        push(Hash::new(12).part(word(at - 1)).part(word(at)));
        push(Hash::new(13).part(word(at)).part(word(at + 1)));
        push(Hash::new(14).with(first as u8).part(s0));
        push(Hash::new(15).part(word(at - 1)).part(s0));
        push(Hash::new(16).part(s0).part(word(at + 1)));
        if headline {
            push(Hash::new(17));
            push(Hash::new(18).part(word(at)));
        }
        if case.bare_all_caps {
            let count = w.chars().count();
            push(Hash::new(19).with(count.min(6) as u8).with(headline as u8));
        }
        // The word's uses elsewhere in the document.
        if case.capitalised && (first || headline) {
            let lower = doc.lower[case.folded as usize];
            let cap = doc.capitalised[case.folded as usize];
            push(Hash::new(21).str(match (lower, cap) {
                (true, true) => "both",
                (true, false) => "lower",
                (false, true) => "cap",
                (false, false) => "none",
            }));
        }
        // Lexicon hits of this word and its neighbours.
        let (c, pos) = self.lexicon[i];
        let cap = if case.capitalised { "C" } else { "l" };
        for bit in 0..CLASSES {
            if c & (1 << bit) != 0 {
                push(Hash::new(22).with(bit).with(pos).str(cap));
            }
        }
        for (template, j) in [(23u8, at - 1), (24u8, at + 1)] {
            if j >= 0 && (j as usize) < self.lexicon.len() {
                let (c, _) = self.lexicon[j as usize];
                for bit in 0..CLASSES {
                    if c & (1 << bit) != 0 {
                        push(Hash::new(template).with(bit));
                    }
                }
            }
        }
        self.hashes.extend_from_slice(&f[..k]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! case {
        ($f:ident, $input:expr, $want:expr) => {
            let mut got = String::new();
            $f($input, &mut got);
            assert_eq!(got, $want, "{} of {:?}", stringify!($f), $input);
        };
    }

    #[test]
    fn shapes() {
        case!(shape, "Sơn", "Xx");
        case!(shape, "APEC", "X");
        case!(shape, "U.S.", "X.X.");
        case!(shape, "2025", "d");
        case!(shape, "G7", "Xd");
        case!(shape, "No’s", "Xx'x");
    }

    #[test]
    fn folding() {
        for (input, want) in [
            ("Việt", "viet"),
            ("Đà", "da"),
            ("Lam’s", "lam"),
            ("Sơn", "son"),
            ("APEC", "apec"),
            ("'s", "'s"),
        ] {
            assert_eq!(fold(input), want, "fold of {input:?}");
        }
    }

    #[test]
    fn lexicon_matches_longest_phrase_ignoring_diacritics() {
        let words = ["the", "Việt", "Nam", "embassy"];
        let first = [true, false, false, false];
        let mut f = Features::default();
        let ids = f.intern(&words);
        let doc = DocumentContext::new(&f, [(&ids[..], &first[..])]);
        f.compute(&ids, &first, &doc, true);
        let out = f.matches();
        assert_eq!(out.len(), 2);
        assert_eq!((out[0].0, out[0].1), (1, 3));
        assert!(out[0].2 & LOC != 0);
        assert!(out[1].2 & ORG_HEAD != 0);
    }

    #[test]
    fn every_token_gets_features() {
        let words = ["Deputy", "PM", "Sơn", "met", "Novak", "."];
        let first = [true, false, false, false, false, false];
        let mut f = Features::default();
        let ids = f.intern(&words);
        let doc = DocumentContext::new(&f, [(&ids[..], &first[..])]);
        f.compute(&ids, &first, &doc, true);
        assert_eq!(f.starts.len(), words.len() + 1);
        let mut all = Vec::new();
        for t in 0..words.len() {
            all.clear();
            f.all_hashes(t, &mut all);
            assert!(all.len() >= 15);
        }
        // "Sơn" again is the same word, with the same role features.
        let known = f.word_count();
        let ids = f.intern(&["Sơn", "spoke"]);
        assert_eq!(f.word_count(), known + 1);
        assert_eq!(ids[0], 3);
        let doc = DocumentContext::new(&f, [(&ids[..], &[true, false][..])]);
        f.compute(&ids, &[true, false], &doc, true);
        assert_eq!(f.words[0], 3);
        f.compute(&[], &[], &doc, true);
        assert!(f.hashes.is_empty());
    }
}
