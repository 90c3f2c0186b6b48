//! Merges mentions into entities across spellings, short forms, titles and acronyms.

use super::features::{Lexicon, DEMONYM, LOC, ORG_HEAD, ORG_NAME, TITLE};
use super::Mention;
use crate::hashing::FastMap;
use crate::report::{Entity, EntityType, Span};
use unicode_normalization::UnicodeNormalization;

/// One entity per real-world thing, in order of first mention; salience is left at 0.
///
/// Mentions merge when they fold to the same letters ("Việt Nam" = "Viet Nam" =
/// "Vietnam"), when one is an acronym of another ("APEC", defined in brackets or by
/// initials), when a single name is part of a person's full name ("Sơn" → "Bùi Thanh
/// Sơn"), and when a multi-word name ends another of the same type ("Comprehensive
/// Strategic Partnership"). `title` is the article's headline, which names people short
/// before the body names them in full ("Weir cools Euro hopes").
pub fn cluster(text: &str, mentions: &[Mention], title: Option<Span>) -> Vec<Entity> {
    // A possessive is not part of the name ("Vietnam’s"), unless the name is quoted as
    // written ("“Four No’s”").
    let mentions: Vec<Mention> = mentions
        .iter()
        .map(|m| {
            let quoted = text[..m.span.start].ends_with(['“', '"', '‘']);
            let name = if quoted {
                m.span.of(text)
            } else {
                strip_possessive(m.span.of(text))
            };
            Mention {
                span: Span::new(m.span.start, m.span.start + name.len()),
                ..*m
            }
        })
        .collect();
    let mentions = mentions.as_slice();
    let surfaces: Vec<&str> = mentions.iter().map(|m| m.span.of(text)).collect();
    // Mentions with the same folded form start as one group.
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: FastMap<String, usize> = FastMap::default();
    for (i, m) in mentions.iter().enumerate() {
        let key = fold(surfaces[i]);
        if key.is_empty() {
            continue;
        }
        let g = match by_key.get(&key) {
            Some(&g) => g,
            None => {
                groups.push(Group::new(key.clone(), words(surfaces[i])));
                by_key.insert(key, groups.len() - 1);
                groups.len() - 1
            }
        };
        groups[g].mentions.push(i);
        *groups[g].votes.entry(m.kind).or_default() += word_count(surfaces[i]);
    }
    for group in &mut groups {
        group.kind = group.vote();
    }
    let mut sets = UnionFind::new(groups.len());
    merge_acronyms(text, mentions, &surfaces, &groups, &by_key, &mut sets);
    merge_short_names(text, mentions, &groups, title, &mut sets);
    merge_name_suffixes(&groups, &mut sets);
    merge_short_forms(&groups, &by_key, &mut sets);
    let works: Vec<bool> = mentions
        .iter()
        .map(|m| names_a_work(text, m.span))
        .collect();
    build(mentions, &surfaces, &works, &groups, &mut sets)
}

/// Kinds of work whose title may follow them: "the comedy Sideways", "Eastwood's boxing
/// drama Million Dollar Baby", "his album Musicology". Words that are also verbs or name
/// places and teams ("show", "play", "game", "track") are left out.
const WORKS: &[&str] = &[
    "film",
    "movie",
    "drama",
    "comedy",
    "thriller",
    "biopic",
    "sitcom",
    "documentary",
    "cartoon",
    "sequel",
    "series",
    "programme",
    "soap",
    "musical",
    "opera",
    "album",
    "song",
    "novel",
    "memoir",
];

/// Whether the name at `span` follows a kind of work in lower case, as its title, with or
/// without a "The" the name leaves out ("the film The Aviator"); not after "to" ("to film
/// Tom Cruise").
fn names_a_work(text: &str, span: Span) -> bool {
    let before = text[..span.start].trim_end_matches(' ');
    if before.len() == span.start {
        return false;
    }
    let mut words = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .skip_while(|w| matches!(*w, "The" | "A" | "An"));
    words.next().is_some_and(|w| WORKS.contains(&w)) && words.next() != Some("to")
}

/// Mentions that folded to one key.
struct Group {
    key: String,
    /// Folded words of the group's surface form.
    words: Vec<String>,
    mentions: Vec<usize>,
    /// Type votes, weighted by the words in each mention, and the type they elect.
    votes: FastMap<EntityType, usize>,
    kind: EntityType,
}

impl Group {
    fn new(key: String, words: Vec<String>) -> Self {
        Group {
            key,
            words,
            mentions: Vec::new(),
            votes: FastMap::default(),
            kind: EntityType::Misc,
        }
    }
    fn vote(&self) -> EntityType {
        let mut votes: Vec<(EntityType, usize)> =
            self.votes.iter().map(|(k, v)| (*k, *v)).collect();
        votes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        votes[0].0
    }
    fn first(&self, mentions: &[Mention]) -> usize {
        mentions[self.mentions[0]].span.start
    }
}

/// Lower-case letters and digits only, without diacritics: the form spellings share.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        // What the general path gives for ASCII, without decomposing or case tables.
        return s
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| b.to_ascii_lowercase() as char)
            .collect();
    }
    s.nfd()
        .filter(|c| c.is_alphanumeric())
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            'ł' | 'Ł' => 'l',
            'ø' | 'Ø' => 'o',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Folded words of a name; hyphens and dashes separate words ("Asia-Pacific").
fn words(s: &str) -> Vec<String> {
    s.split(is_word_break)
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect()
}

/// How many [`words`] a name has, without folding them: a part counts when it has a
/// letter or digit, which is when its folded form is not empty.
fn word_count(s: &str) -> usize {
    s.split(is_word_break)
        .filter(|w| {
            if w.is_ascii() {
                w.bytes().any(|b| b.is_ascii_alphanumeric())
            } else {
                w.nfd().any(char::is_alphanumeric)
            }
        })
        .count()
}

fn is_word_break(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '–' | '—' | '/')
}

fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("’s")
        .or_else(|| s.strip_suffix("'s"))
        .unwrap_or(s)
}

/// "APEC", "U.S.": two to six capitals, dots allowed.
fn is_acronym(s: &str) -> bool {
    let mut capitals = 0;
    for c in s.chars().filter(|c| *c != '.') {
        if !c.is_uppercase() || capitals == 6 {
            return false;
        }
        capitals += 1;
    }
    capitals >= 2
}

/// Initials of a name's capitalised words: "Asia-Pacific Economic Cooperation" → "apec".
fn initials(surface: &str) -> String {
    surface
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—'))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect()
}

/// An acronym joins the name it abbreviates: the one written just before it in brackets
/// ("Asia–Europe Meeting (ASEM)"), else the only name whose initials spell it. A name that
/// starts with an acronym then joins its spelled-out twin ("UN Charter" = "United Nations
/// Charter").
fn merge_acronyms(
    text: &str,
    mentions: &[Mention],
    surfaces: &[&str],
    groups: &[Group],
    by_key: &FastMap<String, usize>,
    sets: &mut UnionFind,
) {
    let group_of: FastMap<usize, usize> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, grp)| grp.mentions.iter().map(move |&m| (m, g)))
        .collect();
    let mut expansion: FastMap<String, String> = FastMap::default();
    // Bracketed definitions.
    for i in 1..mentions.len() {
        let between = &text[mentions[i - 1].span.end..mentions[i].span.start];
        let closes = text[mentions[i].span.end..].starts_with(')');
        if !(between.trim() == "(" && closes && is_acronym(surfaces[i])) {
            continue;
        }
        // A person's or a place's acronym starts with its first initial; else the brackets
        // say something else about it: "Phil Fear (WRU)", "Việt Nam (EVN)" cut short from
        // "Electricity of Việt Nam (EVN)".
        let person_or_place = matches!(
            mentions[i - 1].kind,
            EntityType::Person | EntityType::Location
        );
        if !person_or_place
            || fold(surfaces[i]).chars().next() == fold(&initials(surfaces[i - 1])).chars().next()
        {
            if let (Some(&a), Some(&b)) = (group_of.get(&(i - 1)), group_of.get(&i)) {
                sets.union(a, b);
                expansion.insert(groups[b].key.clone(), surfaces[i - 1].to_string());
            }
        }
    }
    // Initials.
    let mut by_initials: FastMap<String, Vec<usize>> = FastMap::default();
    for (g, grp) in groups.iter().enumerate() {
        if grp.words.len() >= 2 {
            by_initials
                .entry(initials(surfaces[grp.mentions[0]]))
                .or_default()
                .push(g);
        }
    }
    for (g, grp) in groups.iter().enumerate() {
        let surface = surfaces[grp.mentions[0]];
        if !is_acronym(surface) || expansion.contains_key(&grp.key) {
            continue;
        }
        if let Some([only]) = by_initials.get(&grp.key).map(Vec::as_slice) {
            sets.union(g, *only);
            expansion.insert(
                grp.key.clone(),
                surfaces[groups[*only].mentions[0]].to_string(),
            );
        }
    }
    // Names that open with a known acronym.
    for (g, grp) in groups.iter().enumerate() {
        let surface = surfaces[grp.mentions[0]];
        let Some((head, rest)) = surface.split_once(' ') else {
            continue;
        };
        if !is_acronym(head) {
            continue;
        }
        let spelled = expansion.get(&fold(head)).cloned().or_else(|| {
            match by_initials.get(&fold(head)).map(Vec::as_slice) {
                Some([only]) => Some(surfaces[groups[*only].mentions[0]].to_string()),
                _ => None,
            }
        });
        if let Some(full) = spelled {
            if let Some(&twin) = by_key.get(&fold(&format!("{full} {rest}"))) {
                sets.union(g, twin);
            }
        }
    }
}

/// A one-word name joins the longer name it is part of: a person's family or given name
/// ("Sơn", "Novak"), or a word of an organisation's name ("Party"). When several longer
/// names qualify, for people the one given the same title wins ("President Lee" after
/// "President Lee Jae-myung" and "Lee Jae-yong"), then the one mentioned most recently
/// before; organisations need a single candidate, written before or after ("the Party" …
/// "the Communist Party").
fn merge_short_names(
    text: &str,
    mentions: &[Mention],
    groups: &[Group],
    title: Option<Span>,
    sets: &mut UnionFind,
) {
    let containing = index_words(groups, |g| &g.words[..]);
    let in_title = |m: usize| {
        title.is_some_and(|t| t.start <= mentions[m].span.start && mentions[m].span.end <= t.end)
    };
    for (g, grp) in groups.iter().enumerate() {
        if grp.words.len() != 1 {
            continue;
        }
        let word = &grp.words[0];
        // Where the text first names them short, the headline aside.
        let first = grp
            .mentions
            .iter()
            .find(|&&m| !in_title(m))
            .map_or(usize::MAX, |&m| mentions[m].span.start);
        let kind = grp.kind;
        let candidates: Vec<usize> = containing.get(word.as_str()).cloned().unwrap_or_default();
        // People are named in full before they are named short.
        let people: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&c| {
                let w = &groups[c].words;
                groups[c].kind == EntityType::Person
                    && groups[c].first(mentions) < first
                    && (w.first() == Some(word) || w.last() == Some(word))
            })
            .collect();
        let titled = match people.len() {
            0 | 1 => None,
            _ => grp
                .mentions
                .iter()
                .find_map(|&m| title_before(text, mentions[m].span.start)),
        };
        let same_title = |c: &usize| {
            groups[*c]
                .mentions
                .iter()
                .any(|&m| title_before(text, mentions[m].span.start) == titled)
        };
        let titled_people = people.iter().filter(|c| titled.is_some() && same_title(c));
        let best = titled_people
            .max_by_key(|&&c| last_before(&groups[c], mentions, first))
            .or_else(|| {
                people
                    .iter()
                    .max_by_key(|&&c| last_before(&groups[c], mentions, first))
            });
        if let Some(&best) = best {
            // A known place stays a place ("Jordan" after "Michael Jordan"); another word
            // taken for a place is the person's name ("Presley" after "Elvis Presley").
            let place = kind == EntityType::Location && Lexicon::get().is_place(word);
            if !place {
                sets.union(g, best);
            }
            continue;
        }
        // An event named before by its last word: "Yagi" after "Typhoon Yagi", "the Games"
        // after "the Commonwealth Games"; so a law by its head: "the Bill".
        let law_head = matches!(kind, EntityType::Misc | EntityType::Organisation)
            && Lexicon::get().is_law_head(word);
        let events: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&c| {
                (groups[c].kind == EntityType::Event
                    || law_head && groups[c].kind == EntityType::Misc)
                    && groups[c].words.last() == Some(word)
                    && groups[c].first(mentions) < first
            })
            .collect();
        if let [event] = events[..] {
            sets.union(g, event);
            continue;
        }
        // Not "Vietnam" for "Vietnam Airlines"; but "the Bank" for "the Bank of England",
        // and "Real", whatever its type, for "Real Madrid" (the name without its place),
        // unless it names a company of its own ("Nintendo" is not "Nintendo UK").
        let head_of = |c: usize| {
            Lexicon::get().has_class(word, ORG_HEAD)
                && groups[c].words.get(1).is_some_and(|w| w == "of")
        };
        let without_place = |c: usize| {
            let w = &groups[c].words;
            w.len() >= 2
                && !Lexicon::get().has_class(word, LOC | ORG_NAME)
                && Lexicon::get().is_place(&w[1..].join(" "))
        };
        let orgs: Vec<usize> = candidates
            .into_iter()
            .filter(|&c| {
                groups[c].kind == EntityType::Organisation
                    && (groups[c].words[0] != *word || head_of(c) || without_place(c))
            })
            .collect();
        // Whatever its type, the last word of a single organisation's name of two or three
        // words, no known place, is that organisation's short name: "Villa" after "Aston
        // Villa" (not "Michigan" after "University of Michigan").
        let short_name = |org: usize| {
            let w = &groups[org].words;
            w.len() <= 3
                && w.last() == Some(word)
                && !w
                    .iter()
                    .any(|w| matches!(w.as_str(), "of" | "and" | "the" | "vs" | "v"))
                && !Lexicon::get().is_place(word)
        };
        if let [org] = orgs[..] {
            let short = short_name(org) || groups[org].words[0] == *word;
            if kind == EntityType::Organisation || kind != EntityType::Event && short {
                sets.union(g, org);
            }
        }
    }
}

/// The title written right before a name ("President" of "President Lee"), folded.
fn title_before(text: &str, start: usize) -> Option<String> {
    let before = text[..start].trim_end_matches(' ');
    let word_start = before.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let word = &before[word_start..];
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    let folded = fold(word);
    (capitalised && Lexicon::get().has_class(&folded, TITLE)).then_some(folded)
}

/// Multi-word groups by each word `words_of` picks from them. A word shared by very many
/// names tells nothing and would make merging quadratic, so it is left out.
fn index_words<'a>(
    groups: &'a [Group],
    words_of: impl Fn(&'a Group) -> &'a [String],
) -> FastMap<&'a str, Vec<usize>> {
    const MAX_SHARING: usize = 64;
    let mut index: FastMap<&str, Vec<usize>> = FastMap::default();
    for (g, grp) in groups
        .iter()
        .enumerate()
        .filter(|(_, grp)| grp.words.len() >= 2)
    {
        for w in words_of(grp) {
            let list = index.entry(w.as_str()).or_default();
            if list.last() != Some(&g) {
                list.push(g);
            }
        }
    }
    index.retain(|_, list| list.len() <= MAX_SHARING);
    index
}

/// Start of the group's last mention before `offset`.
fn last_before(group: &Group, mentions: &[Mention], offset: usize) -> usize {
    group
        .mentions
        .iter()
        .map(|&m| mentions[m].span.start)
        .filter(|&s| s < offset)
        .max()
        .unwrap_or(0)
}

/// A multi-word name that ends a longer name of the same type joins it, when only one
/// longer name qualifies ("Comprehensive Strategic Partnership").
fn merge_name_suffixes(groups: &[Group], sets: &mut UnionFind) {
    let by_last = index_words(groups, |g| &g.words[g.words.len() - 1..]);
    for (g, grp) in groups.iter().enumerate() {
        let Some(last) = grp.words.last().filter(|_| grp.words.len() >= 2) else {
            continue;
        };
        let longer: Vec<usize> = by_last
            .get(last.as_str())
            .into_iter()
            .flatten()
            .copied()
            .filter(|&c| {
                let w = &groups[c].words;
                w.len() > grp.words.len() && w.ends_with(&grp.words) && groups[c].kind == grp.kind
            })
            .collect();
        if let [only] = longer.as_slice() {
            sets.union(g, *only);
        }
    }
}

/// A longer name joins the same name written shorter: a company's without its legal form,
/// however that was typed ("Tesla Inc" and "Tesla", "HSBC Holdings" and "HSBC"; not a known
/// place or people, "Vietnam Motors" and "Vietnam", nor a person's name, "Mark Paulsmeier"
/// and "Paulsmeier Group"), and an organisation's without what it is of, when two words or
/// more remain ("Serum Institute of India" and "Serum Institute", not "Bank of England" and
/// "Bank").
fn merge_short_forms(groups: &[Group], by_key: &FastMap<String, usize>, sets: &mut UnionFind) {
    let full_person = |p: usize| groups[p].kind == EntityType::Person && groups[p].words.len() > 1;
    // People named in full in each set, counted once, so that the check below stays linear.
    let mut people: FastMap<usize, usize> = FastMap::default();
    for p in (0..groups.len()).filter(|&p| full_person(p)) {
        *people.entry(sets.find(p)).or_default() += 1;
    }
    for (g, grp) in groups.iter().enumerate() {
        let short = if has_legal_form(&grp.words) {
            // "Vietjet Aviation JSC" is also written "Vietjet": the shortest form named.
            let mut bare = &grp.words[..grp.words.len() - 1];
            while has_legal_form(bare) && !by_key.contains_key(&bare.concat()) {
                bare = &bare[..bare.len() - 1];
            }
            Some(bare).filter(|w| !Lexicon::get().has_class(&w.join(" "), LOC | DEMONYM))
        } else if grp.kind == EntityType::Organisation {
            let of = grp.words.iter().position(|w| w == "of");
            of.filter(|&i| i >= 2).map(|i| &grp.words[..i])
        } else {
            None
        };
        let Some(&bare) = short.and_then(|w| by_key.get(&w.concat())) else {
            continue;
        };
        // "Paulsmeier" that joined "Mark Paulsmeier" is the person, not "Paulsmeier Group".
        let others = people.get(&sets.find(bare)).copied().unwrap_or(0);
        let of_a_person = others > usize::from(full_person(bare));
        if !of_a_person {
            sets.union(g, bare);
        }
    }
}

/// Whether a name's last folded word is a company's legal form (`data/entities/heads.txt`),
/// after another word.
fn has_legal_form(words: &[String]) -> bool {
    words.len() >= 2
        && words
            .last()
            .is_some_and(|w| Lexicon::get().is_legal_form(w))
}

fn build(
    mentions: &[Mention],
    surfaces: &[&str],
    works: &[bool],
    groups: &[Group],
    sets: &mut UnionFind,
) -> Vec<Entity> {
    let mut members: FastMap<usize, Vec<usize>> = FastMap::default();
    for g in 0..groups.len() {
        members.entry(sets.find(g)).or_default().push(g);
    }
    let mut entities: Vec<Entity> = members
        .into_values()
        .map(|gs| {
            let mut votes: FastMap<EntityType, usize> = FastMap::default();
            let mut ms: Vec<usize> = Vec::new();
            for &g in &gs {
                ms.extend(&groups[g].mentions);
                for (k, v) in &groups[g].votes {
                    *votes.entry(*k).or_default() += v;
                }
            }
            ms.sort_by_key(|&m| mentions[m].span.start);
            // A person named in full is a person, however the short names that joined
            // them were typed ("Elvis" in a headline above "Elvis Presley"); a name with
            // an acronym is an organisation's ("Sports Interactive (SI)").
            let person = gs
                .iter()
                .any(|&g| groups[g].kind == EntityType::Person && groups[g].words.len() > 1)
                && !ms.iter().any(|&m| is_acronym(surfaces[m]));
            // A title given as a work's in its fullest form is the work's, however its
            // other mentions were typed; "the film Ray" does not make "Ray Charles" one.
            let fullest = ms
                .iter()
                .map(|&m| word_count(surfaces[m]))
                .max()
                .unwrap_or(0);
            let work = ms
                .iter()
                .any(|&m| works[m] && word_count(surfaces[m]) == fullest);
            let company = gs.iter().any(|&g| has_legal_form(&groups[g].words));
            let kind = if work {
                Some(EntityType::Misc)
            } else if company {
                Some(EntityType::Organisation)
            } else if person {
                Some(EntityType::Person)
            } else {
                votes
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                    .map(|v| v.0)
            };
            // Fullest form first: more words, then not in capitals ([`in_capitals`]), then
            // diacritics (the fuller spelling), then the earlier one.
            let mut aliases: Vec<(usize, &str)> = Vec::new();
            for &m in &ms {
                if !aliases.iter().any(|(_, s)| *s == surfaces[m]) {
                    aliases.push((m, surfaces[m]));
                }
            }
            aliases.sort_by_cached_key(|&(m, s)| {
                (
                    std::cmp::Reverse(word_count(s)),
                    in_capitals(s),
                    std::cmp::Reverse(s.chars().filter(|c| !c.is_ascii()).count()),
                    m,
                )
            });
            let mut kind = kind.unwrap_or(EntityType::Misc);
            // A person or misc name only ever written as a known organisation ("Sony",
            // "Chelsea", "the Guardian") is the tagger's 1996 training news showing
            // through. "Chelsea Clinton" stays a person, a work stays misc, and so do a
            // party's members ("Republicans").
            let members = ["ans", "ats", "ives", "ists", "als"]
                .iter()
                .any(|end| aliases[0].1.ends_with(end));
            if (kind == EntityType::Person || (kind == EntityType::Misc && !work && !members))
                && aliases
                    .iter()
                    .all(|(_, s)| Lexicon::get().classes_of_name(s) & ORG_NAME != 0)
            {
                kind = EntityType::Organisation;
            }
            Entity {
                id: 0,
                name: aliases[0].1.to_string(),
                kind,
                salience: 0.0,
                reasons: Vec::new(),
                aliases: aliases.iter().map(|(_, s)| s.to_string()).collect(),
                mentions: ms.iter().map(|&m| mentions[m].span).collect::<Vec<Span>>(),
            }
        })
        .collect();
    entities.sort_by_key(|e| e.mentions[0].start);
    for (i, e) in entities.iter_mut().enumerate() {
        e.id = i;
    }
    entities
}

/// Written in capitals, as a dateline ("HÀ NỘI") or a shouted word ("OSCAR") is, and too
/// long for an acronym ("UK", "NASA").
fn in_capitals(s: &str) -> bool {
    !s.chars().any(char::is_lowercase) && s.chars().filter(|c| c.is_alphabetic()).count() > 4
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind((0..n).collect())
    }
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        // The earlier group stays the root, so a root is always a first-seen form.
        let (root, child) = if a < b { (a, b) } else { (b, a) };
        self.0[child] = root;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityType::*;

    /// Clusters the given (surface, type) mentions, found in order in `text`, and returns
    /// each entity as (name, type, aliases).
    fn clusters(
        text: &str,
        names: &[(&str, EntityType)],
    ) -> Vec<(String, EntityType, Vec<String>)> {
        let mut from = 0;
        let mentions: Vec<Mention> = names
            .iter()
            .map(|&(name, kind)| {
                let start = from + text[from..].find(name).expect("mention in text");
                from = start + name.len();
                Mention {
                    span: Span::new(start, from),
                    kind,
                }
            })
            .collect();
        cluster(text, &mentions, None)
            .into_iter()
            .map(|e| (e.name, e.kind, e.aliases))
            .collect()
    }

    macro_rules! case {
        ($text:expr, [$(($name:expr, $kind:ident)),*], [$(($cname:expr, $ckind:ident, [$($alias:expr),*])),*]) => {
            let got = clusters($text, &[$(($name, $kind)),*]);
            let want: Vec<(String, EntityType, Vec<String>)> =
                vec![$(($cname.to_string(), $ckind, vec![$($alias.to_string()),*])),*];
            assert_eq!(got, want, "clustering {:?}", $text);
        };
    }

    #[test]
    fn a_title_after_a_kind_of_work_is_the_work() {
        case!(
            "Million Dollar Baby won. The boxing drama Million Dollar Baby is tipped.",
            [
                ("Million Dollar Baby", Person),
                ("Million Dollar Baby", Person)
            ],
            [("Million Dollar Baby", Misc, ["Million Dollar Baby"])]
        );
        // A short name given to a film does not make the person a work.
        case!(
            "Ray Charles sang. Foxx starred in the film Ray.",
            [("Ray Charles", Person), ("Foxx", Person), ("Ray", Person)],
            [
                ("Ray Charles", Person, ["Ray Charles", "Ray"]),
                ("Foxx", Person, ["Foxx"])
            ]
        );
        case!(
            "Aviator leads. Scorsese's film The Aviator won.",
            [
                ("Aviator", Organisation),
                ("Scorsese", Person),
                ("Aviator", Person)
            ],
            [
                ("Aviator", Misc, ["Aviator"]),
                ("Scorsese", Person, ["Scorsese"])
            ]
        );
        // A verb is no kind of work.
        case!(
            "They hope to film Tom Cruise.",
            [("Tom Cruise", Person)],
            [("Tom Cruise", Person, ["Tom Cruise"])]
        );
    }

    #[test]
    fn acronyms_are_two_to_six_capitals() {
        for s in ["APEC", "U.S.", "EU", "ABCDEF"] {
            assert!(is_acronym(s), "{s}");
        }
        for s in ["A", "ABc", "AbC", "Abc", "ABCDEFG", "A-B", ""] {
            assert!(!is_acronym(s), "{s}");
        }
    }

    #[test]
    fn a_person_named_in_full_is_a_person_unless_named_by_an_acronym() {
        case!(
            "Elvis Presley sang. Elvis won. Elvis lost. Elvis smiled.",
            [
                ("Elvis Presley", Person),
                ("Elvis", Misc),
                ("Elvis", Misc),
                ("Elvis", Misc)
            ],
            [("Elvis Presley", Person, ["Elvis Presley", "Elvis"])]
        );
        case!(
            "Sports Interactive (SI) said SI and SI would.",
            [
                ("Sports Interactive", Person),
                ("SI", Organisation),
                ("SI", Organisation),
                ("SI", Organisation)
            ],
            [(
                "Sports Interactive",
                Organisation,
                ["Sports Interactive", "SI"]
            )]
        );
    }

    #[test]
    fn a_company_with_its_legal_form_is_the_company_without_it() {
        case!(
            "Tesla Inc said. Tesla fell, Tesla rose, Tesla cut.",
            [
                ("Tesla Inc", Organisation),
                ("Tesla", Person),
                ("Tesla", Person),
                ("Tesla", Person)
            ],
            [("Tesla Inc", Organisation, ["Tesla Inc", "Tesla"])]
        );
        // Not the person a short name already joined.
        case!(
            "Mark Paulsmeier said. Paulsmeier left the Paulsmeier Group.",
            [
                ("Mark Paulsmeier", Person),
                ("Paulsmeier", Person),
                ("Paulsmeier Group", Organisation)
            ],
            [
                ("Mark Paulsmeier", Person, ["Mark Paulsmeier", "Paulsmeier"]),
                ("Paulsmeier Group", Organisation, ["Paulsmeier Group"])
            ]
        );
        case!(
            "UFJ and UFJ Holdings.",
            [("UFJ", Organisation), ("UFJ Holdings", Organisation)],
            [("UFJ Holdings", Organisation, ["UFJ Holdings", "UFJ"])]
        );
        // A company word its name is also written without; not after a known place.
        case!(
            "Mellanox Technologies said. Mellanox rose. Vietnam Motors and Vietnam.",
            [
                ("Mellanox Technologies", Organisation),
                ("Mellanox", Person),
                ("Vietnam Motors", Organisation),
                ("Vietnam", Location)
            ],
            [
                (
                    "Mellanox Technologies",
                    Organisation,
                    ["Mellanox Technologies", "Mellanox"]
                ),
                ("Vietnam Motors", Organisation, ["Vietnam Motors"]),
                ("Vietnam", Location, ["Vietnam"])
            ]
        );
        // Several company words, down to the shortest form written.
        case!(
            "Vietjet Aviation JSC said. Vietjet rose.",
            [("Vietjet Aviation JSC", Organisation), ("Vietjet", Person)],
            [(
                "Vietjet Aviation JSC",
                Organisation,
                ["Vietjet Aviation JSC", "Vietjet"]
            )]
        );
        // A legal form alone names nothing to join.
        case!(
            "Inc and Smith.",
            [("Inc", Organisation), ("Smith", Person)],
            [("Inc", Organisation, ["Inc"]), ("Smith", Person, ["Smith"])]
        );
    }

    #[test]
    fn an_organisation_of_a_place_is_the_organisation_without_it() {
        case!(
            "The Serum Institute of India makes it. The Serum Institute says so.",
            [
                ("Serum Institute of India", Organisation),
                ("Serum Institute", Organisation)
            ],
            [(
                "Serum Institute of India",
                Organisation,
                ["Serum Institute of India", "Serum Institute"]
            )]
        );
        // A head word alone is the one organisation it opens: "the Bank".
        case!(
            "The Bank of England and the Bank.",
            [("Bank of England", Organisation), ("Bank", Organisation)],
            [("Bank of England", Organisation, ["Bank of England", "Bank"])]
        );
        // A club or party named without its place; not a company of its own.
        case!(
            "Real Madrid and Reform UK. Real won; Reform lost. Nintendo UK and Nintendo.",
            [
                ("Real Madrid", Organisation),
                ("Reform UK", Organisation),
                ("Real", Organisation),
                ("Reform", Person),
                ("Nintendo UK", Organisation),
                ("Nintendo", Organisation)
            ],
            [
                ("Real Madrid", Organisation, ["Real Madrid", "Real"]),
                ("Reform UK", Organisation, ["Reform UK", "Reform"]),
                ("Nintendo UK", Organisation, ["Nintendo UK"]),
                ("Nintendo", Organisation, ["Nintendo"])
            ]
        );
        // With two, it is too little to tell.
        case!(
            "The Bank of England, the Bank of Japan and the Bank.",
            [
                ("Bank of England", Organisation),
                ("Bank of Japan", Organisation),
                ("Bank", Organisation)
            ],
            [
                ("Bank of England", Organisation, ["Bank of England"]),
                ("Bank of Japan", Organisation, ["Bank of Japan"]),
                ("Bank", Organisation, ["Bank"])
            ]
        );
    }

    #[test]
    fn a_person_or_misc_only_named_as_a_known_organisation_is_one() {
        case!(
            "Sony and Chelsea Clinton. Chelsea beat Arsenal.",
            [
                ("Sony", Person),
                ("Chelsea Clinton", Person),
                ("Chelsea", Person),
                ("Arsenal", Person)
            ],
            [
                ("Sony", Organisation, ["Sony"]),
                ("Chelsea Clinton", Person, ["Chelsea Clinton", "Chelsea"]),
                ("Arsenal", Organisation, ["Arsenal"])
            ]
        );
        // Misc too, but not a party's members.
        case!(
            "The Guardian says Republicans back Boeing and Airbus.",
            [
                ("Guardian", Misc),
                ("Republicans", Misc),
                ("Boeing", Misc),
                ("Airbus", Misc)
            ],
            [
                ("Guardian", Organisation, ["Guardian"]),
                ("Republicans", Misc, ["Republicans"]),
                ("Boeing", Organisation, ["Boeing"]),
                ("Airbus", Organisation, ["Airbus"])
            ]
        );
    }

    #[test]
    fn a_headline_names_a_person_short_before_the_body_names_them_in_full() {
        let text = "Weir cools hopes\n\nDavid Weir spoke. Weir left.";
        let mut from = 0;
        let mut mention = |name: &str| {
            let start = from + text[from..].find(name).unwrap();
            from = start + name.len();
            Mention {
                span: Span::new(start, from),
                kind: Person,
            }
        };
        let mentions = [mention("Weir"), mention("David Weir"), mention("Weir")];
        let title = Span::new(0, "Weir cools hopes".len());
        let merged = cluster(text, &mentions, Some(title));
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].aliases, ["David Weir", "Weir"]);
        // In the body, a short name before the full one may be someone else.
        assert_eq!(cluster(text, &mentions, None).len(), 2);
    }

    #[test]
    fn a_surname_taken_for_a_place_joins_the_person_unless_it_is_a_known_place() {
        case!(
            "Elvis Presley sang. Tapes of Presley sold.",
            [("Elvis Presley", Person), ("Presley", Location)],
            [("Elvis Presley", Person, ["Elvis Presley", "Presley"])]
        );
        case!(
            "Michael Jordan flew to Jordan.",
            [("Michael Jordan", Person), ("Jordan", Location)],
            [
                ("Michael Jordan", Person, ["Michael Jordan"]),
                ("Jordan", Location, ["Jordan"])
            ]
        );
    }

    #[test]
    fn merges() {
        // An organisation's last word, however it was typed; not after "of".
        case!(
            "Aston Villa lost. Villa sit 12th. The University of Michigan and Michigan agreed.",
            [
                ("Aston Villa", Organisation),
                ("Villa", Person),
                ("University of Michigan", Organisation),
                ("Michigan", Location)
            ],
            [
                ("Aston Villa", Organisation, ["Aston Villa", "Villa"]),
                (
                    "University of Michigan",
                    Organisation,
                    ["University of Michigan"]
                ),
                ("Michigan", Location, ["Michigan"])
            ]
        );
        // An event named again by its last word.
        case!(
            "Typhoon Yagi hit Hanoi. Yagi weakened at the Athens Olympics. The Olympics ended.",
            [
                ("Typhoon Yagi", Event),
                ("Hanoi", Location),
                ("Yagi", Person),
                ("Athens Olympics", Event),
                ("Olympics", Event)
            ],
            [
                ("Typhoon Yagi", Event, ["Typhoon Yagi", "Yagi"]),
                ("Hanoi", Location, ["Hanoi"]),
                ("Athens Olympics", Event, ["Athens Olympics", "Olympics"])
            ]
        );
        // So a law by its head word, unless that was taken for a place.
        case!(
            "The Mental Capacity Bill passed. The Bill was amended. The Patriot Act was not. The Act stayed.",
            [
                ("Mental Capacity Bill", Misc),
                ("Bill", Organisation),
                ("Patriot Act", Misc),
                ("Act", Location)
            ],
            [
                ("Mental Capacity Bill", Misc, ["Mental Capacity Bill", "Bill"]),
                ("Patriot Act", Misc, ["Patriot Act"]),
                ("Act", Location, ["Act"])
            ]
        );
        case!(
            "Bùi Thanh Sơn met Novak. Sơn left. Deputy PM Sơn’s aides stayed.",
            [
                ("Bùi Thanh Sơn", Person),
                ("Novak", Person),
                ("Sơn", Person),
                ("Sơn’s", Person)
            ],
            [
                ("Bùi Thanh Sơn", Person, ["Bùi Thanh Sơn", "Sơn"]),
                ("Novak", Person, ["Novak"])
            ]
        );
        case!(
            "Vietnam’s “Four No’s”, Việt Nam and Viet Nam.",
            [
                ("Vietnam’s", Location),
                ("Four No’s", Misc),
                ("Việt Nam", Location),
                ("Viet Nam", Location)
            ],
            [
                ("Việt Nam", Location, ["Việt Nam", "Viet Nam", "Vietnam"]),
                ("Four No’s", Misc, ["Four No’s"])
            ]
        );
        case!(
            "Vietnam, Việt Nam and Viet Nam.",
            [
                ("Vietnam", Location),
                ("Việt Nam", Location),
                ("Viet Nam", Location)
            ],
            [("Việt Nam", Location, ["Việt Nam", "Viet Nam", "Vietnam"])]
        );
        case!(
            "the Asia-Pacific Economic Cooperation (APEC) and later APEC",
            [
                ("Asia-Pacific Economic Cooperation", Organisation),
                ("APEC", Organisation),
                ("APEC", Organisation)
            ],
            [(
                "Asia-Pacific Economic Cooperation",
                Organisation,
                ["Asia-Pacific Economic Cooperation", "APEC"]
            )]
        );
        case!(
            "the Asia–Europe Meeting (ASEM) met",
            [
                ("Asia–Europe Meeting", Organisation),
                ("ASEM", Organisation)
            ],
            [(
                "Asia–Europe Meeting",
                Organisation,
                ["Asia–Europe Meeting", "ASEM"]
            )]
        );
        case!(
            "the United Nations Charter, the United Nations and the UN Charter",
            [
                ("United Nations Charter", Misc),
                ("United Nations", Organisation),
                ("UN Charter", Misc)
            ],
            [
                (
                    "United Nations Charter",
                    Misc,
                    ["United Nations Charter", "UN Charter"]
                ),
                ("United Nations", Organisation, ["United Nations"])
            ]
        );
        case!("the Comprehensive Strategic Partnership and the Việt Nam–Russia Comprehensive Strategic Partnership",
            [("Comprehensive Strategic Partnership", Misc), ("Việt Nam–Russia Comprehensive Strategic Partnership", Misc)],
            [("Việt Nam–Russia Comprehensive Strategic Partnership", Misc,
              ["Việt Nam–Russia Comprehensive Strategic Partnership", "Comprehensive Strategic Partnership"])]);
        case!(
            "the Party and the Communist Party of Vietnam",
            [
                ("Party", Organisation),
                ("Communist Party of Vietnam", Organisation)
            ],
            [(
                "Communist Party of Vietnam",
                Organisation,
                ["Communist Party of Vietnam", "Party"]
            )]
        );
    }

    #[test]
    fn keeps_apart() {
        // Two governments: "Government" alone is ambiguous, so it stays on its own.
        case!(
            "the Russian Government and the Vietnamese Government; the Government said",
            [
                ("Russian Government", Organisation),
                ("Vietnamese Government", Organisation),
                ("Government", Organisation)
            ],
            [
                ("Russian Government", Organisation, ["Russian Government"]),
                (
                    "Vietnamese Government",
                    Organisation,
                    ["Vietnamese Government"]
                ),
                ("Government", Organisation, ["Government"])
            ]
        );
        // Brackets after a person or a place that do not spell them say something else.
        case!(
            "Phil Fear (WRU) spoke in Việt Nam (EVN).",
            [
                ("Phil Fear", Person),
                ("WRU", Organisation),
                ("Việt Nam", Location),
                ("EVN", Organisation)
            ],
            [
                ("Phil Fear", Person, ["Phil Fear"]),
                ("WRU", Organisation, ["WRU"]),
                ("Việt Nam", Location, ["Việt Nam"]),
                ("EVN", Organisation, ["EVN"])
            ]
        );
        // A short name before any full name is not merged.
        case!(
            "Lam spoke. To Lam arrived.",
            [("Lam", Person), ("To Lam", Person)],
            [("Lam", Person, ["Lam"]), ("To Lam", Person, ["To Lam"])]
        );
    }

    #[test]
    fn a_short_name_joins_the_person_named_last_or_with_the_same_title() {
        case!(
            "To Lam and Tran Lam met. Later Lam left.",
            [("To Lam", Person), ("Tran Lam", Person), ("Lam", Person)],
            [
                ("To Lam", Person, ["To Lam"]),
                ("Tran Lam", Person, ["Tran Lam", "Lam"])
            ]
        );
        case!(
            "President To Lam and Tran Lam met. Later President Lam left.",
            [("To Lam", Person), ("Tran Lam", Person), ("Lam", Person)],
            [
                ("To Lam", Person, ["To Lam", "Lam"]),
                ("Tran Lam", Person, ["Tran Lam"])
            ]
        );
    }

    #[test]
    fn folding() {
        assert_eq!(fold("Việt Nam"), "vietnam");
        assert_eq!(fold("Đà Nẵng"), "danang");
        assert_eq!(fold("Asia–Europe"), "asiaeurope");
        assert_eq!(initials("Asia-Pacific Economic Cooperation"), "apec");
    }

    #[test]
    fn word_count_is_the_number_of_folded_words() {
        for name in [
            "Bùi Thanh Sơn",
            "Asia-Pacific – Economic",
            "U.S. / EU",
            "  ",
            "— 2025 —",
            "Đà Nẵng's",
            "\u{301} Ana",
        ] {
            assert_eq!(word_count(name), words(name).len(), "{name:?}");
        }
    }
}
