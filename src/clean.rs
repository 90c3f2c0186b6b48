//! Normalises the input to NFC with a map back to it, and gives each paragraph a role.

use crate::hashing::FastHasher;
use crate::report::{Dateline, Paragraph, Role, Span};
use crate::tokenize::is_letter;
use std::hash::Hasher;
use std::ops::Range;
use unicode_normalization::{is_nfc, UnicodeNormalization};

/// The cleaned view of an input text.
#[derive(Clone, Debug)]
pub struct Cleaned {
    /// NFC text; every span in the pipeline indexes this.
    pub text: String,
    pub map: OffsetMap,
    /// Lines and inline fragments in text order, each with its role. Blank lines are not
    /// paragraphs.
    pub paragraphs: Vec<Paragraph>,
    pub dateline: Option<Dateline>,
}

impl Cleaned {
    pub fn role_at(&self, paragraph: usize) -> Role {
        self.paragraphs[paragraph].role
    }
}

/// Maps spans of the NFC view back to the input. A run of text that normalisation left
/// alone maps offset by offset; a run it changed maps as a whole, widening spans to it.
#[derive(Clone, Debug, Default)]
pub struct OffsetMap {
    /// (view start, input start, view len, input len, verbatim), sorted; empty when the
    /// input was already NFC.
    runs: Vec<Run>,
}

#[derive(Clone, Copy, Debug)]
struct Run {
    view: usize,
    input: usize,
    view_len: usize,
    input_len: usize,
    verbatim: bool,
}

impl OffsetMap {
    /// The input span for a view span.
    pub fn to_input(&self, span: Span) -> (usize, usize) {
        if self.runs.is_empty() {
            return (span.start, span.end);
        }
        (self.map(span.start, false), self.map(span.end, true))
    }

    fn map(&self, offset: usize, is_end: bool) -> usize {
        // The last run starting at or before `offset` (for an end, strictly before).
        let idx = self
            .runs
            .partition_point(|r| {
                if is_end {
                    r.view < offset
                } else {
                    r.view <= offset
                }
            })
            .saturating_sub(1);
        let Some(run) = self.runs.get(idx) else {
            return offset;
        };
        let within = offset.saturating_sub(run.view);
        if run.verbatim {
            run.input + within.min(run.input_len)
        } else if within == 0 && !is_end {
            run.input
        } else {
            run.input + run.input_len
        }
    }
}

/// NFC-normalises `input`, segment by segment (a starter and the marks after it), so
/// that every change stays inside one segment and the map stays exact. Character
/// references left in text copied from a web page's source ("caf&#233;", "&amp;") become
/// their characters.
fn normalise(input: &str) -> (String, OffsetMap) {
    let has_reference = || {
        input
            .match_indices('&')
            .any(|(i, _)| char_reference(&input[i..]).is_some())
    };
    if is_nfc(input) && !has_reference() {
        return (input.to_string(), OffsetMap::default());
    }
    let mut text = String::with_capacity(input.len());
    let mut runs: Vec<Run> = Vec::new();
    // A segment of the input, and the character it stands for when it is a reference.
    let push = |text: &mut String,
                runs: &mut Vec<Run>,
                input_start: usize,
                segment: &str,
                reference: Option<char>| {
        let view = text.len();
        let verbatim = reference.is_none() && is_nfc(segment);
        match reference {
            Some(c) => text.push(c),
            None if verbatim => text.push_str(segment),
            None => text.extend(segment.nfc()),
        }
        let view_len = text.len() - view;
        match runs.last_mut() {
            Some(last) if verbatim && last.verbatim => {
                last.view_len += view_len;
                last.input_len += segment.len();
            }
            _ => runs.push(Run {
                view,
                input: input_start,
                view_len,
                input_len: segment.len(),
                verbatim,
            }),
        }
    };
    let mut seg_start = 0;
    for (i, c) in input.char_indices() {
        if i < seg_start {
            continue;
        }
        let reference = if c == '&' {
            char_reference(&input[i..])
        } else {
            None
        };
        if i > seg_start && (starts_segment(c) || reference.is_some()) {
            push(&mut text, &mut runs, seg_start, &input[seg_start..i], None);
            seg_start = i;
        }
        if let Some((len, c)) = reference {
            push(&mut text, &mut runs, i, &input[i..i + len], Some(c));
            seg_start = i + len;
        }
    }
    if seg_start < input.len() {
        push(&mut text, &mut runs, seg_start, &input[seg_start..], None);
    }
    (text, OffsetMap { runs })
}

/// Named character references besides the numeric ones ("&#233;", "&#xE9;").
const NAMED_REFERENCES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{A0}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("hellip", '…'),
    ("pound", '£'),
    ("euro", '€'),
];

/// The character reference that `s` starts with: its length and character.
fn char_reference(s: &str) -> Option<(usize, char)> {
    let semicolon = s.bytes().take(10).position(|b| b == b';')?;
    let body = s.get(1..semicolon)?;
    let c = match body.strip_prefix('#') {
        Some(number) => {
            let (digits, radix) = match number.strip_prefix(['x', 'X']) {
                Some(hex) => (hex, 16),
                None => (number, 10),
            };
            if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
                return None;
            }
            let c = char::from_u32(u32::from_str_radix(digits, radix).ok()?)?;
            // Control characters are no text; a reference to one stays as written.
            (!c.is_control() || c.is_whitespace()).then_some(c)?
        }
        None => NAMED_REFERENCES.iter().find(|(n, _)| *n == body)?.1,
    };
    Some((semicolon + 1, c))
}

/// A character that normalisation never merges with what precedes it.
fn starts_segment(c: char) -> bool {
    use unicode_normalization::char::canonical_combining_class;
    // Hangul vowel and trailing jamo have class 0 but compose with the syllable before.
    canonical_combining_class(c) == 0
        && !matches!(c as u32, 0x1161..=0x1175 | 0x11A8..=0x11C2)
        && !is_composing_starter(c)
}

/// Starters that compose with a preceding character (e.g. Indic two-part vowel signs).
fn is_composing_starter(c: char) -> bool {
    matches!(
        c as u32,
        0x0B3E
            | 0x0BBE
            | 0x0CC2
            | 0x0CD5
            | 0x0CD6
            | 0x0D3E
            | 0x0D57
            | 0x0DCF
            | 0x0DDF
            | 0x102E
            | 0x1133E
            | 0x11357
            | 0x114B0
            | 0x114BA
            | 0x114BD
            | 0x115AF
            | 0x09BE
            | 0x09D7
            | 0x0B57
            | 0x0B56
            | 0x0BD7
    )
}

/// Cleans `input`. `include` lists paragraph indices the user has brought back into the
/// body.
pub fn clean(input: &str, include: &[usize]) -> Cleaned {
    let (text, map) = normalise(input);
    let lines = lines(&text);
    let mut roles: Vec<Role> = lines.iter().map(|l| line_role(l.of(&text))).collect();
    mark_related_trailer(&text, &lines, &mut roles);
    mark_closing_signature(&text, &lines, &mut roles);
    mark_title(&text, &lines, &mut roles);
    let dateline = find_dateline(&text, &lines, &roles);
    mark_duplicates(&text, &lines, &mut roles, dateline.as_ref().map(|d| d.line));

    let mut paragraphs = Vec::with_capacity(lines.len() + 3);
    let mut dateline_out = None;
    for (i, (&line, &role)) in lines.iter().zip(&roles).enumerate() {
        if role != Role::Body {
            paragraphs.push(Paragraph { span: line, role });
            continue;
        }
        let mut body = line;
        if let Some(found) = dateline.as_ref().filter(|d| d.line == i) {
            paragraphs.push(Paragraph {
                span: found.dateline.span,
                role: Role::Dateline,
            });
            body.start = next_non_space(&text, found.dateline.span.end);
            dateline_out = Some(found.dateline.clone());
        }
        let tail = inline_tail(&text, body);
        if !body.is_empty() && body.start < tail.first().map_or(body.end, |t| t.span.start) {
            let end = tail.first().map_or(body.end, |t| t.span.start);
            let end = body.start + text[body.start..end].trim_end().len();
            paragraphs.push(Paragraph {
                span: Span::new(body.start, end),
                role: Role::Body,
            });
        }
        paragraphs.extend(tail);
    }
    for &i in include {
        if let Some(p) = paragraphs.get_mut(i) {
            p.role = Role::Body;
        }
    }
    Cleaned {
        text,
        map,
        paragraphs,
        dateline: dateline_out,
    }
}

/// Non-blank lines, trimmed.
fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    // A lone CR also ends a line (old Mac files).
    for line in text.split_inclusive(['\n', '\r']) {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let s = start + (line.len() - line.trim_start().len());
            out.push(Span::new(s, s + trimmed.len()));
        }
        start += line.len();
    }
    out
}

fn next_non_space(text: &str, from: usize) -> usize {
    from + (text[from..].len() - text[from..].trim_start().len())
}

/// Roles a line has on its own, whatever surrounds it.
fn line_role(line: &str) -> Role {
    if is_image_name(line) {
        Role::ImageName
    } else if is_caption(line) {
        Role::Caption
    } else if line.split_whitespace().count() <= 8 && is_byline(line) {
        Role::Byline
    } else if line.len() < 120 && is_promo(line) {
        Role::Promo
    } else {
        Role::Body
    }
}

/// The line in lower case without a closing colon: "Read more:" → "read more".
fn label(line: &str) -> String {
    let lower = line.trim_end().to_lowercase();
    lower
        .strip_suffix(':')
        .unwrap_or(&lower)
        .trim_end()
        .to_string()
}

fn is_word_char(c: char) -> bool {
    is_letter(c) || c.is_numeric() || c == '_'
}

/// "The minister at the talks (Photo: VNA)", "Caption: …".
fn is_caption(line: &str) -> bool {
    const CREDITS: [&str; 15] = [
        "photo",
        "photos",
        "image",
        "picture",
        "pic",
        "illustration",
        "illustrative photo",
        "illustrative image",
        "file photo",
        "graphic",
        "video",
        "source",
        "credit",
        "screenshot",
        "screengrab",
    ];
    const LABELS: [&str; 5] = ["photo", "image", "picture", "pictured", "caption"];
    let lower = line.to_lowercase();
    let closing = lower.strip_suffix('.').unwrap_or(&lower);
    let credit = closing
        .strip_suffix(')')
        .and_then(|l| l.rfind('(').map(|at| &l[at + 1..]))
        .filter(|inside| !inside.contains(')'));
    let credited = credit.is_some_and(|inside| {
        CREDITS.iter().any(|c| {
            inside
                .strip_prefix(c)
                .is_some_and(|rest| !rest.starts_with(is_word_char))
        })
    });
    credited
        || LABELS.iter().any(|l| {
            lower
                .strip_prefix(l)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
}

/// "Share this article", "Follow us on Facebook", "12 comments": page furniture.
fn is_promo(line: &str) -> bool {
    const WHOLE: [&str; 15] = [
        "share",
        "share this",
        "share this article",
        "share this story",
        "share this page",
        "tweet",
        "email",
        "print",
        "subscribe",
        "subscribe now",
        "advertisement",
        "advertising",
        "sponsored",
        "sponsored content",
        "leave a comment",
    ];
    // Openings followed by a bounded tail of any text: (opening, fewest, most chars).
    const OPENINGS: [(&str, usize, usize); 7] = [
        ("subscribe to ", 1, 60),
        ("sign up for ", 1, 60),
        ("sign up to ", 1, 60),
        ("follow us on ", 1, 40),
        ("click here", 0, 60),
        ("download the app", 0, 40),
        ("download our app", 0, 40),
    ];
    let line = label(line);
    let comments = line.trim_start_matches(|c: char| c.is_ascii_digit());
    let comments = comments.strip_prefix(' ').unwrap_or(comments);
    WHOLE.contains(&line.as_str())
        || matches!(comments, "comment" | "comments")
        || line
            .strip_prefix("loading")
            .is_some_and(|dots| dots.chars().all(|c| c == '.'))
        || line
            .strip_prefix("share on ")
            .is_some_and(|site| !site.is_empty() && site.chars().all(is_word_char))
        || OPENINGS.iter().any(|&(opening, fewest, most)| {
            line.strip_prefix(opening)
                .is_some_and(|tail| (fewest..=most).contains(&tail.chars().count()))
        })
}

/// "See more", "Related stories", "Read more:" opening the list of other stories.
fn is_related_marker(line: &str) -> bool {
    const MARKERS: [&str; 31] = [
        "see more",
        "see also",
        "related",
        "related stories",
        "related articles",
        "related news",
        "related content",
        "related coverage",
        "related posts",
        "related reading",
        "related topics",
        "related links",
        "read more",
        "read also",
        "also read",
        "more stories",
        "more news",
        "more on this story",
        "you may also like",
        "you might also like",
        "you may also be interested in",
        "you might also be interested in",
        "recommended",
        "recommended for you",
        "recommended stories",
        "recommended articles",
        "most read",
        "most popular",
        "latest news",
        "trending",
        "trending now",
    ];
    let line = label(line);
    MARKERS.contains(&line.as_str())
        || line.strip_prefix("more from ").is_some_and(|source| {
            !source.is_empty() && source.chars().all(|c| is_word_char(c) || c == ' ')
        })
}

/// "field-13.jpg": a file name left from an image.
fn is_image_name(line: &str) -> bool {
    const EXTENSIONS: [&str; 11] = [
        "jpg", "jpeg", "png", "gif", "webp", "svg", "bmp", "tif", "tiff", "avif", "heic",
    ];
    let Some((stem, extension)) = line.rsplit_once('.') else {
        return false;
    };
    !stem.is_empty()
        && EXTENSIONS.iter().any(|e| e.eq_ignore_ascii_case(extension))
        && stem
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '~' | '%'))
}

/// "By Jane Doe", "BY JOHN SMITH, Reuters": a capitalised name after "By", and perhaps
/// an affiliation after a comma.
fn is_byline(line: &str) -> bool {
    let Some(rest) = ["By", "by", "BY"].iter().find_map(|p| line.strip_prefix(p)) else {
        return false;
    };
    let name = rest.trim_start();
    if name.len() == rest.len() {
        return false;
    }
    let (name, affiliation) = match name.split_once(',') {
        Some((name, affiliation)) => (name, Some(affiliation.trim_start())),
        None => (name, None),
    };
    let mut chars = name.chars();
    chars.next().is_some_and(char::is_uppercase)
        && !chars.as_str().is_empty()
        && chars.all(|c| is_letter(c) || matches!(c, '.' | '\'' | '’' | '-' | ' '))
        && affiliation
            .is_none_or(|a| a.chars().count() >= 2 && a.chars().all(|c| is_letter(c) || c == ' '))
}

/// "VNA", "AFP/VNS", "VNA / VNS": codes of two to six capitals joined by slashes.
fn is_agency_code(s: &str) -> bool {
    s.split('/').all(|code| {
        let code = code.trim();
        (2..=6).contains(&code.chars().count()) && code.chars().all(char::is_uppercase)
    })
}

/// "See more", "Related stories", "Read more"…: that line and every line after it.
fn mark_related_trailer(text: &str, lines: &[Span], roles: &mut [Role]) {
    let first_body = roles.iter().position(|&r| r == Role::Body);
    let marker = lines.iter().enumerate().position(|(i, l)| {
        first_body.is_some_and(|b| i > b) && l.len() < 60 && is_related_marker(l.of(text))
    });
    if let Some(m) = marker {
        roles[m..].iter_mut().for_each(|r| *r = Role::Related);
    }
}

/// A lone agency name closing the article ("VNA", "AFP/VNS", "Reuters").
fn mark_closing_signature(text: &str, lines: &[Span], roles: &mut [Role]) {
    const AGENCIES: [&str; 6] = [
        "Reuters",
        "Associated Press",
        "Bloomberg",
        "Xinhua",
        "Yonhap",
        "Kyodo",
    ];
    let is_agency = |line: &str| {
        let name = line
            .strip_prefix(['—', '–', '-'])
            .map_or(line, str::trim_start);
        let name = name.strip_suffix('.').unwrap_or(name);
        AGENCIES.contains(&name) || is_agency_code(name)
    };
    if let Some(last) = roles.iter().rposition(|&r| r == Role::Body) {
        if last > 0 && is_agency(lines[last].of(text)) {
            roles[last] = Role::Byline;
        }
    }
}

/// The first line is a headline when it reads like one: short, and not ending as a
/// sentence does.
fn mark_title(text: &str, lines: &[Span], roles: &mut [Role]) {
    let Some(first) = lines.first() else { return };
    let line = first.of(text);
    let ends_sentence = line
        .trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with(['.', '!', '?', ':', ';', ',']);
    if roles[0] == Role::Body
        && lines.len() > 1
        && !ends_sentence
        && line.split_whitespace().count() <= 30
    {
        roles[0] = Role::Title;
    }
}

/// A dateline and the line it opens.
struct FoundDateline {
    line: usize,
    dateline: Dateline,
}

/// The dateline opening one of the first body lines: "MOSCOW —", "Hanoi (VNA) –",
/// "WASHINGTON, Oct. 5, 2025 (Reuters) -". Its span runs to the dash.
fn find_dateline(text: &str, lines: &[Span], roles: &[Role]) -> Option<FoundDateline> {
    let candidates = lines
        .iter()
        .enumerate()
        .filter(|&(i, _)| roles[i] == Role::Body)
        .take(4);
    for (i, line) in candidates {
        let s = line.of(text);
        let Some(parts) = dateline_parts(s) else {
            continue;
        };
        let place = &s[..parts.place_end];
        let all_caps = !place.chars().any(char::is_lowercase);
        let em_dash = &s[parts.dash.clone()] == "—";
        let words = place.split([' ', ',']).filter(|w| !w.is_empty()).count();
        let agency = parts.agency.map_or("", |a| &s[a]);
        // "SOCCER - JAPAN GET LUCKY WIN": a headline in capitals has no dateline.
        let prose_after = s[parts.dash.end..].chars().any(char::is_lowercase);
        if prose_after && (all_caps || !agency.is_empty() || (em_dash && words <= 3)) {
            return Some(FoundDateline {
                line: i,
                dateline: Dateline {
                    span: Span::new(line.start, line.start + parts.dash.end),
                    // The agency belongs with the place: "Hanoi (VNA)".
                    place: format!("{place}{agency}"),
                    date: parts.date.and_then(|d| iso_date(&s[d])),
                },
            });
        }
    }
    None
}

/// Where the parts of a dateline are in its line, in bytes.
struct DatelineParts {
    place_end: usize,
    date: Option<Range<usize>>,
    agency: Option<Range<usize>>,
    dash: Range<usize>,
}

/// Reads "PLACE[, Month day[, year]][ (Agency)] — " at the start of a line: one to four
/// capitalised place words, then a dash followed by a space and more text. Tries the
/// longest reading first, as a pattern would, and falls back to shorter ones.
/// (Hand-written: the equivalent pattern took the page 100 ms to compile.)
fn dateline_parts(line: &str) -> Option<DatelineParts> {
    let is_name_char = |c: char| is_letter(c) || matches!(c, '.' | '\'' | '’' | '-');
    // A capitalised word at `at`: where it ends.
    let word_end = |at: usize| -> Option<usize> {
        let mut chars = line[at..].char_indices();
        chars.next().filter(|&(_, c)| c.is_uppercase())?;
        Some(
            at + chars
                .find(|&(_, c)| !is_name_char(c))
                .map_or(line.len() - at, |(i, _)| i),
        )
    };
    let mut ends = vec![word_end(0)?];
    while ends.len() < 4 {
        let last = ends[ends.len() - 1];
        let gap = line[last..].len() - line[last..].trim_start_matches([' ', ',']).len();
        match (1..=2)
            .contains(&gap)
            .then(|| word_end(last + gap))
            .flatten()
        {
            Some(end) => ends.push(end),
            None => break,
        }
    }
    for &end in ends.iter().rev() {
        // The last word may give back trailing hyphens to the dash ("HANOI-- text"); its
        // capital stays.
        let mut place_end = end;
        loop {
            if let Some(parts) = dateline_rest(line, place_end) {
                return Some(parts);
            }
            match line[..place_end].strip_suffix('-') {
                Some(shorter) => place_end = shorter.len(),
                None => break,
            }
        }
    }
    None
}

/// The optional date and agency after the place, then the dash.
fn dateline_rest(line: &str, place_end: usize) -> Option<DatelineParts> {
    let mut dates: Vec<Option<Range<usize>>> = dateline_dates(line, place_end)
        .into_iter()
        .map(Some)
        .collect();
    dates.push(None);
    for date in dates {
        let after_date = date.as_ref().map_or(place_end, |d| d.end);
        let agency = dateline_agency(line, after_date);
        for agency in agency.into_iter().map(Some).chain([None]) {
            let after = agency.as_ref().map_or(after_date, |a| a.end);
            if let Some(dash) = dateline_dash(line, after) {
                return Some(DatelineParts {
                    place_end,
                    date,
                    agency,
                    dash,
                });
            }
        }
    }
    None
}

/// ", Oct. 5, 2025" or ", January 14" at `at`: the date's spans, with the year first.
fn dateline_dates(line: &str, at: usize) -> Vec<Range<usize>> {
    let rest = &line[at..];
    let rest = rest.strip_prefix(',').unwrap_or(rest);
    let Some(month) = rest.strip_prefix(' ') else {
        return Vec::new();
    };
    let start = line.len() - month.len();
    let mut chars = month.chars();
    if !chars.next().is_some_and(char::is_uppercase) {
        return Vec::new();
    }
    let lower = chars.as_str();
    let letters = lower
        .chars()
        .take_while(|c| c.is_lowercase())
        .take(8)
        .count();
    if letters < 2 {
        return Vec::new();
    }
    let after_month = &lower[lower
        .char_indices()
        .nth(letters)
        .map_or(lower.len(), |(i, _)| i)..];
    let after_month = after_month.strip_prefix('.').unwrap_or(after_month);
    let Some(day) = after_month.strip_prefix(' ') else {
        return Vec::new();
    };
    let digits = day.bytes().take_while(u8::is_ascii_digit).take(2).count();
    if digits == 0 {
        return Vec::new();
    }
    let day_end = line.len() - day.len() + digits;
    let mut out = Vec::new();
    let year = &line[day_end..];
    let year = year.strip_prefix(',').unwrap_or(year);
    if let Some(year) = year.strip_prefix(' ') {
        if year.len() >= 4 && year.as_bytes()[..4].iter().all(u8::is_ascii_digit) {
            out.push(start..line.len() - year.len() + 4);
        }
    }
    out.push(start..day_end);
    out
}

/// " (VNA)" at `at`: the agency's span, its leading space included.
fn dateline_agency(line: &str, at: usize) -> Option<Range<usize>> {
    let rest = &line[at..];
    let inside = rest.strip_prefix(' ').unwrap_or(rest).strip_prefix('(')?;
    let (name, _) = inside.split_once(')')?;
    let fits = |c: char| is_letter(c) || matches!(c, ' ' | '.' | '/');
    // An agency's name is capitalised ("VNA", "Reuters"); "(primary)" is an aside.
    let capitalised = name.chars().next().is_some_and(char::is_uppercase);
    (capitalised && name.chars().count() >= 2 && name.chars().all(fits))
        .then(|| at..line.len() - inside.len() + name.len() + 1)
}

/// " — " at `at`: the dash's span, when a space and more text follow it.
fn dateline_dash(line: &str, at: usize) -> Option<Range<usize>> {
    let rest = line[at..].trim_start();
    let start = line.len() - rest.len();
    ["—", "–", "--", "-"].iter().find_map(|dash| {
        let after = rest.strip_prefix(dash)?;
        let text = after.trim_start();
        (text.len() < after.len() && !text.is_empty()).then(|| start..start + dash.len())
    })
}

/// "Oct. 5, 2025" → "2025-10-05"; `None` without a year, where the day alone says too
/// little to anchor anything.
fn iso_date(s: &str) -> Option<String> {
    let mut words = s.split([' ', ',']).filter(|w| !w.is_empty());
    let month = words.next()?.trim_end_matches('.').to_lowercase();
    let (month, _) = crate::figures::month_word(&month)?;
    let day: u32 = words.next()?.parse().ok()?;
    let year: i32 = words.next()?.parse().ok()?;
    (1..=31)
        .contains(&day)
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// Lines repeating another: exact repeats after the first, and near-verbatim copies of
/// a body paragraph (a teaser above the dateline is the copy; otherwise the later one).
fn mark_duplicates(text: &str, lines: &[Span], roles: &mut [Role], dateline_line: Option<usize>) {
    // Hashes of each line's lower-cased words, computed once for both checks.
    let keys: Vec<Vec<u64>> = lines
        .iter()
        .map(|s| s.of(text).split_whitespace().map(word_hash).collect())
        .collect();
    let mut seen = crate::hashing::FastSet::default();
    for (i, key) in keys.iter().enumerate() {
        if !seen.insert(key) && roles[i] == Role::Body {
            roles[i] = Role::Duplicate;
        }
    }
    // Near duplicates: word-bigram containment. Quadratic in lines, so only for articles
    // of ordinary length.
    const MAX_LINES: usize = 400;
    let body: Vec<usize> = (0..lines.len())
        .filter(|&i| roles[i] == Role::Body)
        .collect();
    if body.len() > MAX_LINES {
        return;
    }
    // Each line's word pairs as sorted hashes, so comparing two lines is one merge.
    let bigrams: Vec<Vec<u64>> = body
        .iter()
        .map(|&i| {
            let mut hashes: Vec<u64> = keys[i]
                .windows(2)
                .map(|w| {
                    hash_of(|h| {
                        h.write_u64(w[0]);
                        h.write_u64(w[1]);
                    })
                })
                .collect();
            hashes.sort_unstable();
            hashes.dedup();
            hashes
        })
        .collect();
    for a in 0..body.len() {
        for b in a + 1..body.len() {
            let (x, y) = (&bigrams[a], &bigrams[b]);
            let shorter = x.len().min(y.len());
            if shorter >= 8 && share_at_least(x, y, (shorter * 7).div_ceil(10)) {
                let copy = if dateline_line.is_some_and(|d| body[a] < d) {
                    body[a]
                } else {
                    body[b]
                };
                roles[copy] = Role::Duplicate;
            }
        }
    }
}

fn hash_of(feed: impl FnOnce(&mut FastHasher)) -> u64 {
    let mut h = FastHasher::default();
    feed(&mut h);
    h.finish()
}

/// A word's hash, ignoring case.
fn word_hash(word: &str) -> u64 {
    hash_of(|h| {
        if word.is_ascii() {
            // The same values as below, without Unicode case tables.
            for b in word.bytes() {
                h.write_u32(b.to_ascii_lowercase() as u32);
            }
        } else {
            for c in word.chars().flat_map(char::to_lowercase) {
                h.write_u32(c as u32);
            }
        }
    })
}

/// Whether two sorted, deduplicated lists have at least `needed` elements in common. Most
/// pairs of lines share few, so the merge stops once what is left cannot make up the
/// difference.
fn share_at_least(x: &[u64], y: &[u64], needed: usize) -> bool {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while n < needed && n + (x.len() - i).min(y.len() - j) >= needed {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n >= needed
}

/// Where " — VNA/VNS" starts at the end of a line: the space before the dash.
fn signature_start(line: &str) -> Option<usize> {
    let line = line.trim_end();
    let (dash, _) = line.rmatch_indices(['—', '–', '-']).next()?;
    if !is_agency_code(
        line[dash..]
            .trim_start_matches(['—', '–', '-'])
            .trim_start(),
    ) {
        return None;
    }
    let space = line[..dash]
        .chars()
        .next_back()
        .filter(|c| c.is_whitespace())?;
    Some(dash - space.len_utf8())
}

/// Inline fragments at the end of a body line: an agency signature ("— VNA/VNS") and an
/// end marker ("/."), in text order.
fn inline_tail(text: &str, line: Span) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut end = line.end;
    let s = &text[line.start..end];
    if s.ends_with("/.") && s.len() > 2 {
        out.push(Paragraph {
            span: Span::new(end - 2, end),
            role: Role::EndMarker,
        });
        end -= 2;
    }
    if let Some(at) = signature_start(&text[line.start..end]) {
        let start = next_non_space(text, line.start + at);
        out.insert(
            0,
            Paragraph {
                span: Span::new(start, end),
                role: Role::Byline,
            },
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_input_maps_to_itself() {
        let (text, map) = normalise("Bùi Thanh Sơn");
        assert_eq!(text, "Bùi Thanh Sơn");
        assert_eq!(map.to_input(Span::new(4, 9)), (4, 9));
    }

    #[test]
    fn decomposed_input_is_composed_and_spans_map_back() {
        // "Sơn" in NFD: o + combining horn (U+031B).
        let input = "Mr So\u{031B}n left";
        let (text, map) = normalise(input);
        assert_eq!(text, "Mr Sơn left");
        let son = Span::new(3, 3 + "Sơn".len());
        let (s, e) = map.to_input(son);
        assert_eq!(&input[s..e], "So\u{031B}n");
        let left = Span::new(text.find("left").unwrap(), text.len());
        let (s, e) = map.to_input(left);
        assert_eq!(&input[s..e], "left");
    }

    #[test]
    fn character_references_become_characters_and_map_back() {
        let input = "His fianc&#233;e met Pel&#xE9; at M&amp;S &#1; &bogus; AT&T & co";
        let (text, map) = normalise(input);
        assert_eq!(text, "His fiancée met Pelé at M&S &#1; &bogus; AT&T & co");
        let pele = text.find("Pelé").unwrap();
        let (s, e) = map.to_input(Span::new(pele, pele + "Pelé".len()));
        assert_eq!(&input[s..e], "Pel&#xE9;");
        let rest = text.find("AT&T").unwrap();
        let (s, e) = map.to_input(Span::new(rest, text.len()));
        assert_eq!(&input[s..e], "AT&T & co");
    }

    fn roles(input: &str) -> Vec<(String, Role)> {
        let c = clean(input, &[]);
        c.paragraphs
            .iter()
            .map(|p| (p.span.of(&c.text).to_string(), p.role))
            .collect()
    }

    macro_rules! case {
        ($input:expr, [$(($text:expr, $role:ident)),* $(,)?]) => {
            let want: Vec<(String, Role)> = vec![$(($text.to_string(), Role::$role)),*];
            assert_eq!(roles($input), want, "roles of {:?}", $input);
        };
    }

    #[test]
    fn paragraph_roles() {
        case!(
            "Talks end in deal\n\nMOSCOW — Leaders met. They agreed.",
            [
                ("Talks end in deal", Title),
                ("MOSCOW —", Dateline),
                ("Leaders met. They agreed.", Body)
            ]
        );
        case!(
            "Hanoi (VNA) – Energy is core.\nMore text here.",
            [
                ("Hanoi (VNA) –", Dateline),
                ("Energy is core.", Body),
                ("More text here.", Body)
            ]
        );
        case!(
            "He spoke.\nThe minister (Photo: VNA)\nfield-13.jpg\nEnd of story. — VNA/VNS",
            [
                ("He spoke.", Body),
                ("The minister (Photo: VNA)", Caption),
                ("field-13.jpg", ImageName),
                ("End of story.", Body),
                ("— VNA/VNS", Byline)
            ]
        );
        case!(
            "It grew.\nIn the architecture./.\nVNA\nSee more\nOther story\nIts teaser.",
            [
                ("It grew.", Body),
                ("In the architecture.", Body),
                ("/.", EndMarker),
                ("VNA", Byline),
                ("See more", Related),
                ("Other story", Related),
                ("Its teaser.", Related)
            ]
        );
        case!(
            "A.\nBy Jane Doe\nShare this article\nB.",
            [
                ("A.", Body),
                ("By Jane Doe", Byline),
                ("Share this article", Promo),
                ("B.", Body)
            ]
        );
        // A repeated caption stays a caption; a repeated body line is a duplicate.
        case!(
            "X spoke (Photo: AP)\nX spoke (Photo: AP)\nSame line.\nSame line.",
            [
                ("X spoke (Photo: AP)", Caption),
                ("X spoke (Photo: AP)", Caption),
                ("Same line.", Body),
                ("Same line.", Duplicate)
            ]
        );
    }

    #[test]
    fn line_shapes() {
        assert!(is_image_name("DSC_0042.JPG"));
        assert!(!is_image_name("See photo.jpg"));
        assert!(!is_image_name(".png"));
        assert!(is_byline("By Nguyễn Văn An, Hanoi"));
        assert!(is_byline("BY JOHN O’NEILL"));
        assert!(!is_byline("Bypass Roads Open"));
        assert!(!is_byline("By the way"));
        assert!(!is_byline("By J, X"));
        assert!(is_agency_code("AFP / VNS"));
        assert!(!is_agency_code("A/VNS"));
        assert!(!is_agency_code("VNA1"));
        assert_eq!(signature_start("It ended. — VNA/VNS "), Some(9));
        assert_eq!(signature_start("It ended - Vna"), None);
        assert_eq!(signature_start("It ended—VNA"), None);
        assert!(is_caption("Leaders at the talks (PHOTO: VNA)."));
        assert!(is_caption("Pictured : the new bridge"));
        assert!(!is_caption("Exports rose (photography sector)"));
        assert!(!is_caption("He spoke (Photo: VNA) and left"));
        assert!(is_promo("Share on Facebook"));
        assert!(is_promo("12 Comments"));
        assert!(is_promo("Loading..."));
        assert!(is_promo("Sign up for our newsletter:"));
        assert!(!is_promo("Share prices fell"));
        assert!(is_related_marker("Read more:"));
        assert!(is_related_marker("More from Việt Nam News"));
        assert!(!is_related_marker("More from the minister, later"));
        assert!(!is_related_marker("Trending upwards"));
    }

    #[test]
    fn a_teaser_above_the_dateline_that_repeats_a_paragraph_is_the_duplicate() {
        let teaser = "On the occasion of the official visit to the capital the country wishes to express its respect for the contributions.";
        let body = "The minister said that on the occasion of the official visit to the capital the country wishes to express its respect for the contributions.";
        let got = roles(&format!(
            "Headline here\n{teaser}\nLONDON (AP) — Opening.\n{body}"
        ));
        let roles: Vec<Role> = got.iter().map(|r| r.1).collect();
        assert_eq!(
            roles,
            [
                Role::Title,
                Role::Duplicate,
                Role::Dateline,
                Role::Body,
                Role::Body
            ]
        );
    }

    #[test]
    fn shared_elements_are_counted_up_to_what_is_needed() {
        let (x, y) = ([1, 3, 5, 7, 9], [2, 3, 4, 5, 9, 10]);
        assert!(share_at_least(&x, &y, 3));
        assert!(!share_at_least(&x, &y, 4));
        assert!(share_at_least(&x, &x, 5));
        assert!(!share_at_least(&x, &[], 1));
        assert!(!share_at_least(&[1, 2, 3], &[4, 5, 6], 1));
    }

    #[test]
    fn dateline_dates() {
        let c = clean("HANOI, January 14, 2026 (VNA) – Talks opened.", &[]);
        let d = c.dateline.unwrap();
        assert_eq!(
            (d.place.as_str(), d.date.as_deref()),
            ("HANOI (VNA)", Some("2026-01-14"))
        );
        let c = clean("WASHINGTON, Oct. 5 (Reuters) - Talks opened.", &[]);
        let d = c.dateline.unwrap();
        assert_eq!((d.place.as_str(), d.date), ("WASHINGTON (Reuters)", None));
    }

    #[test]
    fn dateline_readings() {
        let read = |line: &str| {
            dateline_parts(line).map(|p| {
                let part = |r: Option<Range<usize>>| r.map(|r| line[r].to_string());
                (
                    line[..p.place_end].to_string(),
                    part(p.date),
                    part(p.agency),
                    line[p.dash].to_string(),
                )
            })
        };
        let some = |s: &str| Some(s.to_string());
        // The place's words give way to the date, as the longest reading fails.
        assert_eq!(
            read("WASHINGTON, Oct. 5, 2025 (Reuters) - Talks"),
            Some((
                "WASHINGTON".into(),
                some("Oct. 5, 2025"),
                some(" (Reuters)"),
                "-".into()
            ))
        );
        assert_eq!(
            read("Đà Nẵng, Việt Nam — Rain"),
            Some(("Đà Nẵng, Việt Nam".into(), None, None, "—".into()))
        );
        assert_eq!(
            read("HANOI-- Talks"),
            Some(("HANOI-".into(), None, None, "-".into()))
        );
        assert_eq!(read("One Two Three Four Five — Rain"), None);
        assert_eq!(read("HANOI —"), None);
        assert_eq!(read("hanoi — Rain"), None);
    }

    #[test]
    fn ordinary_prose_has_no_dateline_or_title() {
        case!(
            "Energy is a core area - he said.\nSecond line.",
            [
                ("Energy is a core area - he said.", Body),
                ("Second line.", Body)
            ]
        );
        // An aside in brackets is no news agency.
        case!(
            "Schools' Factual (primary) - Thinking Skills won.\nSecond line.",
            [
                ("Schools' Factual (primary) - Thinking Skills won.", Body),
                ("Second line.", Body)
            ]
        );
        // A headline in capitals has no dateline.
        let c = clean("Body.\nSOCCER - JAPAN GET LUCKY WIN.\nMore body here.", &[]);
        assert!(c.dateline.is_none(), "{:?}", c.dateline);
    }

    #[test]
    fn included_paragraphs_become_body() {
        let c = clean("Body.\nA caption (Photo: AP)", &[1]);
        assert_eq!(c.paragraphs[1].role, Role::Body);
    }

    #[test]
    fn paragraphs_are_non_blank_lines() {
        let c = clean("One.\r\n\r\n  Two.  \n", &[]);
        let got: Vec<&str> = c.paragraphs.iter().map(|p| p.span.of(&c.text)).collect();
        assert_eq!(got, ["One.", "Two."]);
    }
}
