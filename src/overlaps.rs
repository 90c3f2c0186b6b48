//! Where a figure and a name cover the same words, decides which reading stands, so that
//! "Jamie Noon" is no time of day, "Euro 2004" no sum of money and the "A" of "A$6.35" no
//! name. Numbers inside names stay figures ("Chapter 11", "the Six Nations"), as the
//! annotation guidelines ask.

use crate::entities::Mention;
use crate::report::{EntityType, Figure, FigureKind, Span};

/// Drops the figures that are words of a name and the mentions that are words of a figure.
/// Both lists are in text order; mentions do not overlap one another.
pub fn resolve(text: &str, figures: &mut Vec<Figure>, mentions: &mut Vec<Mention>) {
    let mut drop_mention = vec![false; mentions.len()];
    figures.retain(|f| {
        // "by Sun." ends a sentence: the full stop is no part of the word.
        let fig = match f.text.strip_suffix('.') {
            Some(word) => Span::new(f.span.start, f.span.start + word.len()),
            None => f.span,
        };
        let first = mentions.partition_point(|m| m.span.end <= fig.start);
        let mut keep = true;
        for (i, m) in mentions.iter().enumerate().skip(first) {
            if m.span.start >= fig.end {
                break;
            }
            match judge(text, f, fig, m) {
                Verdict::Both => {}
                Verdict::Figure => drop_mention[i] = true,
                Verdict::Name => keep = false,
            }
        }
        keep
    });
    let mut i = 0;
    mentions.retain(|_| {
        i += 1;
        !drop_mention[i - 1]
    });
}

/// Which reading stands where figure `f` (its words at `fig`) and mention `m` overlap.
#[derive(Debug, PartialEq)]
enum Verdict {
    Both,
    Figure,
    Name,
}

fn judge(text: &str, f: &Figure, fig: Span, m: &Mention) -> Verdict {
    let name = m.span;
    let same = name == fig;
    let name_is_inside = fig.contains(name) && !same;
    let calendar_word = matches!(f.kind, FigureKind::Date | FigureKind::Time)
        && !f.text.bytes().any(|b| b.is_ascii_digit());
    if calendar_word && !name_is_inside {
        return calendar_word_in_name(text, fig, m);
    }
    if f.kind == FigureKind::Money {
        // "Euro 2004", "Million Dollar Baby": capitalised words of a figure that a name
        // covers and goes beyond, or is, make no sum of money.
        let shared = Span::new(name.start.max(fig.start), name.end.min(fig.end)).of(text);
        let first_word = shared.split_whitespace().next().unwrap_or("");
        let capitalised_word = first_word.starts_with(char::is_uppercase)
            && first_word.chars().all(char::is_alphabetic);
        if capitalised_word && !name_is_inside {
            return Verdict::Name;
        }
    }
    // "39C", "100m": a measure written as one word is no name.
    if same && f.kind == FigureKind::Quantity && f.text.starts_with(|c: char| c.is_ascii_digit()) {
        return Verdict::Figure;
    }
    // "A$6.35", "1300 GMT", "Under 23 hours": a name inside a figure is the figure's
    // currency, unit or qualifier. Dates keep theirs ("the Fourth of July"), and so does a
    // country's adjective before a currency word ("86.7bn Swiss francs").
    let adjective = || {
        text[name.end..fig.end]
            .strip_prefix(' ')
            .is_some_and(|rest| rest.starts_with(char::is_lowercase))
    };
    if name_is_inside && f.kind != FigureKind::Date && !adjective() {
        return Verdict::Figure;
    }
    Verdict::Both
}

/// A weekday, month, season or time word that a name covers: "Sunday Times", "Jamie Noon",
/// "Sheffield Wednesday", "the Sun".
fn calendar_word_in_name(text: &str, fig: Span, m: &Mention) -> Verdict {
    let word = fig.of(text);
    if m.span == fig {
        // "(Sat)" in a list of fixtures is the day; "the Sun", "the DEC" and "Ant and Dec"
        // are names, and so is a person called "May". A full word otherwise is the date
        // ("in the Spring"), unless it names a holiday as well.
        let parenthesised = text[..fig.start].ends_with('(') && text[fig.end..].starts_with(')');
        let abbreviated = word.chars().count() <= 3 || !word.chars().any(char::is_lowercase);
        return if parenthesised {
            Verdict::Figure
        } else if abbreviated || m.kind == EntityType::Person {
            Verdict::Name
        } else if m.kind == EntityType::Event {
            Verdict::Both
        } else {
            Verdict::Figure
        };
    }
    // "Commerce Department for November": a lower-case word before the date means the name
    // ran on into the sentence, so the date stands.
    let before = &text[m.span.start.min(fig.start)..fig.start];
    if before
        .split_whitespace()
        .any(|w| w.starts_with(char::is_lowercase))
    {
        Verdict::Both
    } else {
        Verdict::Name
    }
}

#[cfg(test)]
mod tests {
    use crate::report::{Analysis, EntityType, FigureKind};
    use crate::{analyse, Options};

    fn report(text: &str) -> Analysis {
        analyse(text, &Options::default()).unwrap()
    }

    fn figures(text: &str) -> Vec<(FigureKind, String)> {
        report(text)
            .figures
            .into_iter()
            .map(|f| (f.kind, f.text))
            .collect()
    }

    fn names(text: &str) -> Vec<(EntityType, String)> {
        report(text)
            .entities
            .into_iter()
            .map(|e| (e.kind, e.name))
            .collect()
    }

    fn has_figure(text: &str, kind: FigureKind, figure: &str) -> bool {
        figures(text).contains(&(kind, figure.to_string()))
    }

    fn has_name(text: &str, name: &str) -> bool {
        names(text).iter().any(|(_, n)| n == name)
    }

    #[test]
    fn a_calendar_word_inside_a_name_is_no_date() {
        for (text, word) in [
            ("Jamie Noon is another player on the list.", "Noon"),
            (
                "The inquiry began after the Sunday Times made the claims.",
                "Sunday",
            ),
            ("Leeds drew with Sheffield Wednesday at home.", "Wednesday"),
        ] {
            let found = figures(text);
            assert!(!found.iter().any(|(_, f)| f == word), "{text}: {found:?}");
        }
        // The date stays when the name runs on into the sentence.
        assert!(has_figure(
            "The figures from the Commerce Department for November were weak.",
            FigureKind::Date,
            "November"
        ));
    }

    #[test]
    fn an_abbreviated_day_is_a_date_in_parentheses_and_a_name_elsewhere() {
        let fixtures = "England v France (Sat)\n\nThe match starts at 1500 GMT at Twickenham.";
        assert!(has_figure(fixtures, FigureKind::Date, "Sat"));
        assert!(!has_name(fixtures, "Sat"));
        let paper = "He told the Sun that he would stay at the club.";
        assert!(!has_figure(paper, FigureKind::Date, "Sun"));
        assert!(has_name(paper, "Sun"));
    }

    #[test]
    fn a_currency_word_in_a_name_is_no_money() {
        let text = "Umbro said profits were lifted by Euro 2004 sales in the summer.";
        assert!(!figures(text).iter().any(|(k, _)| *k == FigureKind::Money));
        // Real money with a currency word keeps its figure.
        assert!(has_figure(
            "Tickets cost 12 Euro at the door.",
            FigureKind::Money,
            "12 Euro"
        ));
    }

    #[test]
    fn an_acronym_is_no_month_and_stays_a_name() {
        let text = "The money went to the Disasters Emergency Committee (DEC), which \
                    co-ordinates the appeal. The DEC said it was grateful.";
        assert!(!figures(text).iter().any(|(k, _)| *k == FigureKind::Date));
        let analysis = report(text);
        let dec = analysis
            .entities
            .iter()
            .find(|e| e.aliases.contains(&"DEC".to_string()));
        assert_eq!(
            dec.map(|e| (e.kind, e.name.as_str())),
            Some((EntityType::Organisation, "Disasters Emergency Committee"))
        );
    }

    #[test]
    fn a_name_inside_a_figure_is_dropped() {
        let text = "Analysts expected a figure closer to A$431m, and the match starts at \
                    1300 GMT on Sunday. Revenue dipped to 86.7bn Swiss francs.";
        assert!(has_figure(text, FigureKind::Money, "A$431m"));
        let found = names(text);
        assert!(
            !found.iter().any(|(_, n)| n == "A" || n == "GMT"),
            "{found:?}"
        );
        // A country's adjective before a currency word stays a name, as CoNLL has it.
        assert!(
            found.contains(&(EntityType::Misc, "Swiss".to_string())),
            "{found:?}"
        );
    }

    #[test]
    fn a_measure_in_one_word_is_no_name() {
        let text = "Météo-France placed 11 departments on red alert. Temperatures reached \
                    39C in Marignane.";
        assert!(has_figure(text, FigureKind::Quantity, "39C"));
        assert!(!has_name(text, "39C"), "{:?}", names(text));
    }
}
