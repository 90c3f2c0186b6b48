//! The name tagger: an averaged perceptron over hashed word features with BILOU tags and Viterbi decoding.

use super::features::{Features, ROLES};
use std::sync::OnceLock;

/// Name types the tagger knows, in tag order (CoNLL's four).
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];
/// O, then Begin, Inside, Last and Unit for each type.
pub const TAGS: usize = 1 + 4 * TYPES.len();

const B: usize = 0;
const I: usize = 1;
const L: usize = 2;
const U: usize = 3;

/// Tag number of a type (index into [`TYPES`]) at a BILOU position.
pub const fn tag(kind: usize, position: usize) -> usize {
    1 + kind * 4 + position
}

/// Type and BILOU position of a tag; `None` for O.
pub fn untag(tag: usize) -> Option<(usize, usize)> {
    (tag > 0).then(|| ((tag - 1) / 4, (tag - 1) % 4))
}

/// Whether `next` may follow `prev` (`None` for the sentence start).
pub fn allowed(prev: Option<usize>, next: usize) -> bool {
    let open = prev
        .and_then(untag)
        .filter(|&(_, p)| p == B || p == I)
        .map(|(k, _)| k);
    match (open, untag(next)) {
        (Some(k), Some((k2, p))) => k == k2 && (p == I || p == L),
        (Some(_), None) => false,
        (None, Some((_, p))) => p == B || p == U,
        (None, None) => true,
    }
}

// BILOU allows two blocks of tag pairs: O, B and U may follow only a tag that closes any
// name (O, L or U); I and L of a type may follow only B or I of that type. Viterbi takes
// the two blocks apart, about a third of all pairs, instead of every pair.

/// How many tags each of [`STARTING`] and [`CLOSING`] holds: O and two per type.
const OUTSIDE: usize = 1 + 2 * TYPES.len();
/// [`OUTSIDE`] rounded up to whole groups of four, so that the block of pairs between
/// them is worked out in whole SIMD registers.
const LANES: usize = OUTSIDE.div_ceil(4) * 4;
/// O, then B and U of each type, in tag order.
const STARTING: [usize; OUTSIDE] = outside_tags(B, U);
/// O, then L and U of each type, in tag order.
const CLOSING: [usize; OUTSIDE] = outside_tags(L, U);

const fn outside_tags(first: usize, second: usize) -> [usize; OUTSIDE] {
    let mut out = [0; OUTSIDE];
    let mut kind = 0;
    while kind < TYPES.len() {
        out[1 + 2 * kind] = tag(kind, first);
        out[2 + 2 * kind] = tag(kind, second);
        kind += 1;
    }
    out
}

/// Whether a sentence may end on `tag`.
pub fn may_end(tag: usize) -> bool {
    untag(tag).is_none_or(|(_, p)| p == L || p == U)
}

/// Best tag sequence for emission scores (`TAGS` per token) and transition scores
/// (`(TAGS + 1) × TAGS`, row 0 for the sentence start, row `p + 1` after tag `p`).
pub fn viterbi(emissions: &[f32], transitions: &[f32], out: &mut Vec<usize>) {
    let n = emissions.len() / TAGS;
    out.clear();
    if n == 0 {
        return;
    }
    // Transitions of the two blocks: from each closing tag to each starting tag, and to
    // I and L of each type from its B and its I.
    let score = |p: usize, t: usize| transitions[(p + 1) * TAGS + t];
    let mut to_starting = [[f32::NEG_INFINITY; LANES]; OUTSIDE];
    for (row, &p) in to_starting.iter_mut().zip(&CLOSING) {
        for (cell, &t) in row.iter_mut().zip(&STARTING) {
            *cell = score(p, t);
        }
    }
    let inside_of = |j: usize| tag(j / 2, [I, L][j % 2]);
    let from_b: [f32; 2 * TYPES.len()] =
        std::array::from_fn(|j| score(tag(j / 2, B), inside_of(j)));
    let from_i: [f32; 2 * TYPES.len()] =
        std::array::from_fn(|j| score(tag(j / 2, I), inside_of(j)));
    // Scores of the previous token's tags; back pointers for every token.
    let mut prev = [f32::NEG_INFINITY; TAGS];
    let mut back = vec![[0u8; TAGS]; n];
    for t in 0..TAGS {
        if allowed(None, t) {
            prev[t] = emissions[t] + transitions[t];
        }
    }
    // Each tag keeps its first best predecessor, trying them in tag order.
    for (emission, back) in emissions.chunks_exact(TAGS).zip(&mut back).skip(1) {
        let mut next = [0.0; TAGS];
        let mut best = [f32::NEG_INFINITY; LANES];
        let mut arg = [0u32; LANES];
        for (row, &p) in to_starting.iter().zip(&CLOSING) {
            for j in 0..LANES {
                let s = prev[p] + row[j];
                let better = s > best[j];
                best[j] = if better { s } else { best[j] };
                arg[j] = if better { p as u32 } else { arg[j] };
            }
        }
        for (j, &t) in STARTING.iter().enumerate() {
            next[t] = best[j] + emission[t];
            back[t] = arg[j] as u8;
        }
        for j in 0..2 * TYPES.len() {
            let (b, i, t) = (tag(j / 2, B), tag(j / 2, I), inside_of(j));
            let (mut best, mut arg) = (f32::NEG_INFINITY, 0);
            for (p, s) in [(b, prev[b] + from_b[j]), (i, prev[i] + from_i[j])] {
                if s > best {
                    (best, arg) = (s, p as u8);
                }
            }
            next[t] = best + emission[t];
            back[t] = arg;
        }
        prev = next;
    }
    let last = (0..TAGS)
        .filter(|&t| may_end(t))
        .max_by(|&a, &b| prev[a].total_cmp(&prev[b]))
        .unwrap_or(0);
    out.resize(n, 0);
    out[n - 1] = last;
    for i in (1..n).rev() {
        out[i - 1] = back[i][out[i]] as usize;
    }
}

/// Spans of names in a tag sequence: (first token, end token, type index).
pub fn spans(tags: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        match untag(t) {
            Some((k, U)) => out.push((i, i + 1, k)),
            Some((k, B)) => open = Some((i, k)),
            Some((k, L)) => {
                if let Some((s, ko)) = open.take() {
                    if ko == k {
                        out.push((s, i + 1, k));
                    }
                }
            }
            Some(_) => {}
            None => open = None,
        }
    }
    out
}

const MAGIC: &[u8; 4] = b"NER1";

/// Units in the largest weight once decoded: fine enough that the 8-bit codes lose
/// nothing, small enough that a weight less the O weight fits an i16 and a token's summed
/// features an i32.
const WEIGHT_SCALE: f32 = 16_000.0;

/// Tags other than O. A token's scores may all move by one amount without changing the
/// best sequence (every sequence has one tag per token), so the model keeps each weight
/// less the O weight of its feature: O always scores 0, and a feature's other weights
/// fill 32 bytes, one aligned cache-line half.
const NAMED: usize = TAGS - 1;

/// One feature's weights for the tags after O, relative to O, in units of [`Model::unit`].
#[derive(Clone, Copy, Default)]
#[repr(align(32))]
struct Row([i16; NAMED]);

/// Trained weights: transitions and, for each kept feature, one weight per tag.
pub struct Model {
    transitions: Vec<f32>,
    /// Open-addressing table of feature hashes with linear probing; its length is a power
    /// of two and hash 0 marks an empty slot (hashes are never 0). Most features of a
    /// text are unknown to the model, and the keys alone are small enough to stay in the
    /// processor's cache.
    keys: Vec<u32>,
    /// Weights of the feature in the same slot of `keys`: a known feature costs one more
    /// memory read.
    rows: Vec<Row>,
    /// Value of one weight unit.
    unit: f32,
}

fn slot_of(key: u32, mask: usize) -> usize {
    (key.wrapping_mul(0x9E37_79B1) as usize) & mask
}

/// Weights as the trainer hands them over: transitions and (hash, weights) rows.
pub struct Weights {
    pub transitions: Vec<f32>,
    pub rows: Vec<(u32, [f32; TAGS])>,
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn get_varint(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        v |= ((b & 0x7f) as u64) << shift;
        if b < 0x80 {
            return Some(v);
        }
    }
    None
}

impl Weights {
    /// The model file: weights quantised to i8 on a square-root scale (fine steps for the
    /// many small weights, coarse ones for the few large), rows whose weights all round to
    /// zero dropped, hashes sorted and delta-coded, each row stored as a bit mask
    /// of its non-zero tags followed by those weights.
    pub fn encode(&self) -> Vec<u8> {
        let max = self
            .rows
            .iter()
            .flat_map(|(_, w)| w.iter())
            .fold(1e-6f32, |m, w| m.max(w.abs()));
        let q = |w: f32| (w.signum() * (w.abs() / max).sqrt() * 127.0).round() as i8;
        let mut rows: Vec<(u32, u32, Vec<i8>)> = self
            .rows
            .iter()
            .filter_map(|(h, w)| {
                let mut mask = 0u32;
                let mut vals = Vec::new();
                for (t, &x) in w.iter().enumerate() {
                    let v = q(x);
                    if v != 0 {
                        mask |= 1 << t;
                        vals.push(v);
                    }
                }
                (mask != 0).then_some((*h, mask, vals))
            })
            .collect();
        rows.sort_by_key(|r| r.0);
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&max.to_le_bytes());
        for &t in &self.transitions {
            out.extend_from_slice(&t.to_le_bytes());
        }
        put_varint(&mut out, rows.len() as u64);
        let mut last = 0u32;
        for (h, mask, vals) in rows {
            put_varint(&mut out, (h - last) as u64);
            last = h;
            put_varint(&mut out, mask as u64);
            out.extend(vals.iter().map(|&v| v as u8));
        }
        out
    }
}

impl Model {
    /// The compiled-in model, decoded once; `None` if the file is missing or damaged.
    pub fn get() -> Option<&'static Model> {
        static MODEL: OnceLock<Option<Model>> = OnceLock::new();
        MODEL
            .get_or_init(|| Model::decode(include_bytes!("../../data/entities/tagger.bin")))
            .as_ref()
    }

    pub fn decode(bytes: &[u8]) -> Option<Model> {
        if bytes.get(..4)? != MAGIC {
            return None;
        }
        let f32_at = |at: usize| -> Option<f32> {
            Some(f32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
        };
        let max = f32_at(4)?;
        // The file's bytes are square-root codes; expand each to a linear 16-bit weight.
        let unit = max / WEIGHT_SCALE;
        let mut linear = [0i16; 256];
        for (b, v) in linear.iter_mut().enumerate() {
            let code = b as u8 as i8 as f32 / 127.0;
            *v = (code.signum() * code * code * WEIGHT_SCALE).round() as i16;
        }
        let mut at = 8;
        let mut transitions = Vec::with_capacity((TAGS + 1) * TAGS);
        for _ in 0..(TAGS + 1) * TAGS {
            transitions.push(f32_at(at)?);
            at += 4;
        }
        let n = get_varint(bytes, &mut at)? as usize;
        if n > bytes.len() {
            return None;
        }
        let size = (n + n / 2 + 1).next_power_of_two();
        let mask = size - 1;
        let mut keys = vec![0u32; size];
        let mut rows = vec![Row::default(); size];
        let mut hash = 0u32;
        for _ in 0..n {
            hash = hash.wrapping_add(get_varint(bytes, &mut at)? as u32);
            // One byte per set bit of the tag mask, lowest tag first.
            let mut tags = get_varint(bytes, &mut at)?;
            let mut row = [0i32; TAGS];
            while tags != 0 {
                *row.get_mut(tags.trailing_zeros() as usize)? =
                    linear[*bytes.get(at)? as usize] as i32;
                at += 1;
                tags &= tags - 1;
            }
            let mut i = slot_of(hash, mask);
            while keys[i] != 0 && keys[i] != hash {
                i = (i + 1) & mask;
            }
            keys[i] = hash;
            rows[i] = Row(std::array::from_fn(|t| (row[t + 1] - row[0]) as i16));
        }
        Some(Model {
            transitions,
            keys,
            rows,
            unit,
        })
    }

    /// Adds the weights of these features to `sum` (tags after O, relative to O).
    fn add(&self, hashes: &[u32], sum: &mut [i32; NAMED]) {
        let mask = self.keys.len() - 1;
        for &h in hashes {
            let mut i = slot_of(h, mask);
            loop {
                let key = self.keys[i];
                if key == h {
                    for (s, &w) in sum.iter_mut().zip(&self.rows[i].0) {
                        *s += w as i32;
                    }
                    break;
                }
                if key == 0 {
                    break;
                }
                i = (i + 1) & mask;
            }
        }
    }

    /// Best tags for a passage whose features are computed; `scratch` is reused across
    /// the passages of one document.
    pub fn tag(&self, features: &Features, scratch: &mut Scratch, out: &mut Vec<usize>) {
        // Sums of the role features of words new since the last passage.
        for id in scratch.word_sums.len() / ROLES.len()..features.word_count() {
            for role in 0..ROLES.len() {
                let mut sum = [0; NAMED];
                self.add(features.role_hashes(id as u32, role), &mut sum);
                scratch.word_sums.push(sum);
            }
        }
        // Tokens far from any possible name are O; the runs of the others are decoded
        // apart, each with one O token on either side where there is one, so that the
        // transitions into and out of a run score as in the whole passage.
        let n = features.starts.len().saturating_sub(1);
        out.clear();
        out.resize(n, 0);
        let mut end = 0;
        while let Some(start) = (end..n).find(|&i| features.near_name[i]) {
            end = (start..n).find(|&i| !features.near_name[i]).unwrap_or(n);
            let around = start.saturating_sub(1)..(end + 1).min(n);
            scratch.emissions.clear();
            for i in around.clone() {
                if features.near_name[i] {
                    self.emissions(features, scratch, i);
                } else {
                    scratch.emissions.push(0.0);
                    scratch.emissions.extend([f32::NEG_INFINITY; NAMED]);
                }
            }
            viterbi(&scratch.emissions, &self.transitions, &mut scratch.path);
            out[around].copy_from_slice(&scratch.path);
        }
    }

    /// Appends the emission scores of token `i` to `scratch.emissions`.
    fn emissions(&self, features: &Features, scratch: &mut Scratch, i: usize) {
        let mut sum = [0; NAMED];
        for (role, offset) in ROLES.iter().enumerate() {
            let id = features.word_at(i as isize + offset) as usize;
            for (s, &w) in sum
                .iter_mut()
                .zip(&scratch.word_sums[id * ROLES.len() + role])
            {
                *s += w;
            }
        }
        self.add(
            &features.hashes[features.starts[i]..features.starts[i + 1]],
            &mut sum,
        );
        let at = scratch.emissions.len();
        scratch.emissions.push(0.0);
        scratch
            .emissions
            .extend(sum.iter().map(|&x| x as f32 * self.unit));
        if features.ends_name(i) {
            for kind in 0..TYPES.len() {
                scratch.emissions[at + tag(kind, B)] = f32::NEG_INFINITY;
                scratch.emissions[at + tag(kind, I)] = f32::NEG_INFINITY;
            }
        }
    }
}

/// Buffers the tagger reuses across one document's passages.
#[derive(Default)]
pub struct Scratch {
    /// Summed weights of each distinct word's features in each role (see [`ROLES`]).
    word_sums: Vec<[i32; NAMED]>,
    emissions: Vec<f32>,
    path: Vec<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transitions_follow_bilou() {
        let per_b = tag(0, B);
        let per_l = tag(0, L);
        let org_i = tag(1, I);
        for (prev, next, ok) in [
            (None, 0, true),
            (None, per_b, true),
            (None, per_l, false),
            (Some(per_b), per_l, true),
            (Some(per_b), org_i, false),
            (Some(per_b), 0, false),
            (Some(per_l), per_b, true),
        ] {
            assert_eq!(allowed(prev, next), ok, "{prev:?} → {next}");
        }
    }

    #[test]
    fn viterbi_blocks_are_the_allowed_pairs() {
        for p in 0..TAGS {
            for t in 0..TAGS {
                let outside = CLOSING.contains(&p) && STARTING.contains(&t);
                let inside = untag(t).is_some_and(|(k, pos)| {
                    (pos == I || pos == L) && (p == tag(k, B) || p == tag(k, I))
                });
                assert_eq!(allowed(Some(p), t), outside || inside, "{p} → {t}");
            }
        }
    }

    #[test]
    fn viterbi_keeps_sequences_valid() {
        // Emissions favour an impossible "L" first; the decoder must repair it.
        let mut emissions = vec![0.0; 2 * TAGS];
        emissions[tag(2, L)] = 5.0;
        emissions[TAGS + tag(2, L)] = 5.0;
        let transitions = vec![0.0; (TAGS + 1) * TAGS];
        let mut out = Vec::new();
        viterbi(&emissions, &transitions, &mut out);
        assert_eq!(out, vec![tag(2, B), tag(2, L)]);
        assert_eq!(spans(&out), vec![(0, 2, 2)]);
    }

    #[test]
    fn tokens_far_from_capitals_are_skipped_without_changing_the_tags() {
        use crate::entities::features::DocumentContext;
        // Long lower-case runs, and names whose tags depend on the tokens just outside the
        // runs the tagger reads ("non-Roma", decoded without them, became a name).
        let text = "the talks, which were held on a cold day in the north of the country, ended \
                    when the head of the Bank of England, Andrew Bailey, left for talks with the \
                    finance minister of France, who had said that they were treated more \
                    sceptically than non-Roma passengers by immigration officers at the airport.";
        let words: Vec<&str> = crate::tokenize::tokenize(text)
            .iter()
            .map(|t| t.text(text))
            .collect();
        let mut first = vec![false; words.len()];
        first[0] = true;
        let model = Model::get().expect("the compiled-in model");
        let mut features = Features::default();
        let ids = features.intern(&words);
        let doc = DocumentContext::new(&features, [(&ids[..], &first[..])]);
        let mut tags = |every_token| {
            let mut out = Vec::new();
            features.compute(&ids, &first, &doc, every_token);
            model.tag(&features, &mut Scratch::default(), &mut out);
            (out, features.near_name.iter().filter(|&&n| !n).count())
        };
        let (all, none_skipped) = tags(true);
        let (near, skipped) = tags(false);
        assert_eq!(none_skipped, 0);
        assert!(
            skipped > words.len() / 3,
            "{skipped} of {} skipped",
            words.len()
        );
        assert_eq!(near, all);
        let names: Vec<String> = spans(&all)
            .iter()
            .map(|&(s, e, _)| words[s..e].join(" "))
            .collect();
        for name in ["Bank of England", "Andrew Bailey", "France"] {
            assert!(names.iter().any(|n| n == name), "{name} in {names:?}");
        }
    }

    #[test]
    fn model_round_trips_through_its_file_format() {
        let mut row = [0.0; TAGS];
        row[3] = 1.5;
        row[7] = -0.75;
        let weights = Weights {
            transitions: vec![0.25; (TAGS + 1) * TAGS],
            rows: vec![(42, row), (7, [0.0; TAGS])],
        };
        let model = Model::decode(&weights.encode()).unwrap();
        assert_eq!(model.keys.iter().filter(|&&k| k != 0).count(), 1);
        // Tag t's weight less the O weight (0 here) sits at t - 1.
        let mut sum = [0; NAMED];
        model.add(&[42, 99], &mut sum);
        assert!((sum[2] as f32 * model.unit - 1.5).abs() < 0.02);
        assert!((sum[6] as f32 * model.unit + 0.75).abs() < 0.02);
        assert_eq!(sum[0], 0);
        assert!(Model::decode(b"junk").is_none());
        assert!(Model::decode(&weights.encode()[..20]).is_none());
    }
}
