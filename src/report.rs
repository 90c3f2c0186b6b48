//! The analysis report: every type that crosses to JSON, and the one place where span units change.

use serde::{Deserialize, Serialize, Serializer};

/// Bumped whenever a field changes meaning or disappears.
pub const SCHEMA_VERSION: u32 = 1;

/// A half-open range `[start, end)` into a text. Inside the pipeline these are byte
/// offsets into the cleaned (NFC) view; [`Analysis::convert_offsets`] turns them into
/// offsets into the input, in the unit the caller asked for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    /// The slice of `text` this span covers.
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// The unit of every `start`/`end` in the report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OffsetUnit {
    /// Unicode scalar values (Python `str` indices).
    #[default]
    Codepoint,
    /// UTF-16 code units (JavaScript string indices).
    Utf16,
    /// UTF-8 bytes (Rust `str` indices).
    Byte,
}

impl std::str::FromStr for OffsetUnit {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "codepoint" => Ok(OffsetUnit::Codepoint),
            "utf16" => Ok(OffsetUnit::Utf16),
            "byte" => Ok(OffsetUnit::Byte),
            other => Err(format!(
                "unknown offset unit {other:?}: expected codepoint, utf16 or byte"
            )),
        }
    }
}

/// What a paragraph (or an inline fragment of one) is. Only `Body` feeds the summary and
/// the entity counts; `Title` counts towards salience.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Title,
    /// "MOSCOW —", "Hanoi (VNA) –": the place (and date) prefix of the first body paragraph.
    Dateline,
    Body,
    /// Photo captions: "… (Photo: VNA)".
    Caption,
    /// Bylines and agency signatures: "By Jane Doe", "— VNA/VNS", a lone "VNA".
    Byline,
    /// A line that is only an image file name: "viet-nam-13.jpg".
    ImageName,
    /// "See more", "Related", "Read more" and the unrelated stories after them.
    Related,
    /// A line repeated from elsewhere in the article (a repeated caption, a standfirst
    /// that duplicates a body paragraph).
    Duplicate,
    /// End-of-article markers such as "/." glued to the last sentence.
    EndMarker,
    /// Share, subscribe, advertisement and similar page furniture.
    Promo,
}

impl Role {
    /// Text the analysis treats as the article itself.
    pub fn is_content(self) -> bool {
        matches!(self, Role::Body | Role::Title)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Paragraph {
    #[serde(flatten)]
    pub span: Span,
    pub role: Role,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Title {
    #[serde(flatten)]
    pub span: Span,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Dateline {
    #[serde(flatten)]
    pub span: Span,
    /// The place as written: "MOSCOW", "Hanoi (VNA)".
    pub place: String,
    /// ISO date when the dateline carries one.
    pub date: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Sentence {
    #[serde(flatten)]
    pub span: Span,
    /// Index into `paragraphs`.
    pub paragraph: usize,
    /// Summary score in [0, 1]; 0 for sentences outside the body.
    pub score: f64,
    pub in_summary: bool,
    /// Why the sentence scored as it did, for the page ("lead sentence", "2 key figures").
    pub reasons: Vec<String>,
}

impl Sentence {
    /// A sentence before scoring.
    pub fn new(span: Span, paragraph: usize) -> Self {
        Sentence {
            span,
            paragraph,
            score: 0.0,
            in_summary: false,
            reasons: Vec::new(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    #[serde(rename = "PER")]
    Person,
    #[serde(rename = "ORG")]
    Organisation,
    #[serde(rename = "LOC")]
    Location,
    #[serde(rename = "EVENT")]
    Event,
    /// Nationalities, named laws, treaties, awards, policies.
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityType {
    pub const ALL: [EntityType; 5] = [
        EntityType::Person,
        EntityType::Organisation,
        EntityType::Location,
        EntityType::Event,
        EntityType::Misc,
    ];
    pub fn code(self) -> &'static str {
        match self {
            EntityType::Person => "PER",
            EntityType::Organisation => "ORG",
            EntityType::Location => "LOC",
            EntityType::Event => "EVENT",
            EntityType::Misc => "MISC",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entity {
    pub id: usize,
    /// Canonical name: the fullest form written in the article.
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// 0–1, see `salience.rs`.
    pub salience: f64,
    pub reasons: Vec<String>,
    /// Distinct surface forms, fullest first.
    pub aliases: Vec<String>,
    /// Every mention in title and body, in text order.
    pub mentions: Vec<Span>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum FigureKind {
    Money,
    Percent,
    Date,
    Time,
    Duration,
    Cardinal,
    Ordinal,
    Quantity,
    Range,
}

/// A normalised value: a number, an ISO-8601 / TIMEX3 string, or a range of either.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Number(#[serde(serialize_with = "number_as_integer_when_whole")] f64),
    Text(String),
    Range { from: Box<Value>, to: Box<Value> },
}

/// Writes 4580000000 rather than 4580000000.0 for whole numbers, so the JSON reads as
/// the figure was written.
fn number_as_integer_when_whole<S: Serializer>(n: &f64, s: S) -> Result<S::Ok, S::Error> {
    if n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0 {
        s.serialize_i64(*n as i64)
    } else {
        s.serialize_f64(*n)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figure {
    #[serde(flatten)]
    pub span: Span,
    pub text: String,
    pub kind: FigureKind,
    /// `None` only when the text could not be read as a value (then `uncertain` is set).
    pub value: Option<Value>,
    /// ISO 4217 for money ("USD"), SI or plain unit otherwise ("km", "tonne", "year", "%").
    pub unit: Option<String>,
    /// "over", "about", "nearly", "up to", "more than"…
    pub qualifier: Option<String>,
    /// What is counted: "investment projects".
    pub counted: Option<String>,
    /// The metric or subject the figure belongs to: "bilateral trade".
    pub subject: Option<String>,
    /// The period the figure refers to, when the sentence gives one: "2024".
    pub period: Option<String>,
    /// For ranks: the size of the field ("4th among the 81 countries" → 81).
    pub out_of: Option<f64>,
    /// Set when the reading is ambiguous or partial; `note` says why.
    pub uncertain: bool,
    pub note: Option<String>,
}

/// What a quotation is: someone's words, or a phrase the article puts in quotation marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A person's own words: "…," Son said.
    Direct,
    /// A motto, slogan or scare-quoted phrase inside reported speech ("being firm in
    /// policy yet flexible in execution"); it has no speaker.
    Phrase,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    #[serde(flatten)]
    pub span: Span,
    pub kind: QuoteKind,
    /// Entity id of the speaker, when the text says who.
    pub speaker: Option<usize>,
    /// The speaker as written ("Son", "the official"), when stated.
    pub speaker_text: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StageTiming {
    pub stage: &'static str,
    pub ms: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stats {
    pub characters: usize,
    pub words: usize,
    pub sentences: usize,
    pub paragraphs: usize,
    pub reading_minutes: f64,
    pub timings: Vec<StageTiming>,
}

/// The whole report. Field order is the JSON order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Analysis {
    pub schema: u32,
    pub offsets: OffsetUnit,
    pub stats: Stats,
    pub title: Option<Title>,
    pub dateline: Option<Dateline>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub entities: Vec<Entity>,
    pub figures: Vec<Figure>,
    /// Indices into `sentences`, in article order.
    pub summary: Vec<usize>,
    pub quotes: Vec<Quote>,
}

impl Analysis {
    /// Calls `f` on every span in the report, once each.
    fn for_each_span(&mut self, mut f: impl FnMut(&mut Span)) {
        if let Some(t) = &mut self.title {
            f(&mut t.span);
        }
        if let Some(d) = &mut self.dateline {
            f(&mut d.span);
        }
        self.paragraphs.iter_mut().for_each(|p| f(&mut p.span));
        self.sentences.iter_mut().for_each(|s| f(&mut s.span));
        for e in &mut self.entities {
            e.mentions.iter_mut().for_each(&mut f);
        }
        self.figures.iter_mut().for_each(|x| f(&mut x.span));
        self.quotes.iter_mut().for_each(|q| f(&mut q.span));
    }

    /// Rewrites every span from byte offsets into the cleaned view to offsets into
    /// `input` in `unit`. This is the only place spans change unit.
    pub fn convert_offsets(
        &mut self,
        input: &str,
        to_input: &crate::clean::OffsetMap,
        unit: OffsetUnit,
    ) {
        // A figure's text is the input as written, which the cleaned view may differ from
        // (it composes characters: an em quad U+2001 there is an em space U+2003).
        for f in &mut self.figures {
            let (start, end) = to_input.to_input(f.span);
            f.text = input[start..end].to_string();
        }
        let table = UnitTable::new(input, unit);
        self.for_each_span(|span| {
            let (start, end) = to_input.to_input(*span);
            *span = Span::new(table.get(start), table.get(end));
        });
        self.offsets = unit;
    }
}

/// Byte offset → offset in another unit, for every char boundary of a text.
struct UnitTable {
    /// `None` for bytes, where the offset is already right.
    by_byte: Option<Vec<u32>>,
}

impl UnitTable {
    fn new(text: &str, unit: OffsetUnit) -> Self {
        let width = |c: char| match unit {
            OffsetUnit::Codepoint => 1,
            OffsetUnit::Utf16 => c.len_utf16() as u32,
            OffsetUnit::Byte => c.len_utf8() as u32,
        };
        if unit == OffsetUnit::Byte {
            return UnitTable { by_byte: None };
        }
        let mut table = vec![0u32; text.len() + 1];
        let mut n = 0u32;
        for (i, c) in text.char_indices() {
            table[i] = n;
            n += width(c);
        }
        table[text.len()] = n;
        UnitTable {
            by_byte: Some(table),
        }
    }
    fn get(&self, byte: usize) -> usize {
        match &self.by_byte {
            None => byte,
            Some(t) => t[byte] as usize,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_table_counts_code_points_and_utf16_units() {
        // "Sơn" has a two-byte ơ; "😀" is four bytes, two UTF-16 units, one code point.
        let text = "Sơn 😀x";
        let cp = UnitTable::new(text, OffsetUnit::Codepoint);
        let u16 = UnitTable::new(text, OffsetUnit::Utf16);
        let x = text.find('x').unwrap();
        assert_eq!(cp.get(x), 5);
        assert_eq!(u16.get(x), 6);
        assert_eq!(cp.get(text.len()), 6);
        assert_eq!(u16.get(text.len()), 7);
        assert_eq!(UnitTable::new(text, OffsetUnit::Byte).get(x), x);
    }

    #[test]
    fn whole_numbers_serialise_without_a_fraction() {
        let v = serde_json::to_string(&Value::Number(4_580_000_000.0)).unwrap();
        assert_eq!(v, "4580000000");
        assert_eq!(serde_json::to_string(&Value::Number(0.25)).unwrap(), "0.25");
        let r = Value::Range {
            from: Box::new(Value::Number(3.0)),
            to: Box::new(Value::Number(4.5)),
        };
        assert_eq!(serde_json::to_string(&r).unwrap(), r#"{"from":3,"to":4.5}"#);
    }
}
