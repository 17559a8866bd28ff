//! `figures`: key numbers at a glance, e.g. "12 diepte-interviews" and "78 startende
//! professionals" (Methoden, Al doende leren).
//!
//! Cards on the tint colour, each with a big number and its label under it, two to a row when
//! every label fits half the width and one to a row otherwise.

use serde::Deserialize;

use super::Problem;
use super::values::{Count, Text};
use crate::csv::{Cell, Csv};
use crate::font::{self, Weight};
use crate::markup::Element;
use crate::messages;
use crate::palette::Paint;
use crate::svg::{self, Block, Drawing, PAD, SMALL, TEXT, TITLE, TextStyle, WIDTH, line_height};

/// One key number.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Item {
    /// The number.
    pub(crate) value: Count,
    /// A word before the number, as the source has it ("ruim" 40).
    pub(crate) prefix: Option<Text>,
    /// What it counts.
    pub(crate) label: Text,
    /// A note in small print.
    pub(crate) note: Option<Text>,
}

/// What the editor writes: a bare list of items, or a map with a title.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Spec {
    /// Heading of the graphic (default "Kerncijfers").
    pub(crate) title: Option<Text>,
    /// The source's label (`Figuur 2`).
    pub(crate) label: Option<Text>,
    /// Caption below the graphic (e.g. the source).
    pub(crate) caption: Option<String>,
    /// The numbers.
    pub(crate) items: Vec<Item>,
}

impl Spec {
    /// The bare-list form.
    pub(crate) fn from_items(items: Vec<Item>) -> Spec {
        Spec {
            title: None,
            label: None,
            caption: None,
            items,
        }
    }
}

/// Most key numbers in one block: more are no longer "at a glance".
const MAX_FIGURES: usize = 12;
/// Size of the big numbers.
const NUMBER: f64 = 30.0;
/// Smallest size a number may shrink to before the cards go one to a row.
const NUMBER_MIN: f64 = 22.0;
/// Space between cards.
const GAP: f64 = 8.0;
/// Space inside a card around its text.
const INSET: f64 = 12.0;
/// Most lines a label may take in a half-width card.
const MAX_LABEL_LINES: usize = 3;

/// Between one and `MAX_FIGURES` numbers.
pub(crate) fn validate(spec: &Spec) -> Vec<Problem> {
    let n = spec.items.len();
    if n == 0 {
        vec![Problem::new(
            messages::figures_none(),
            messages::figures_none_hint(),
        )]
    } else if n > MAX_FIGURES {
        vec![Problem::new(
            messages::figures_too_many(n, MAX_FIGURES),
            messages::figures_too_many_hint(),
        )]
    } else {
        Vec::new()
    }
}

/// The heading: the editor's title or "Kerncijfers".
pub(crate) fn title(spec: &Spec) -> String {
    spec.title
        .as_ref()
        .map_or_else(|| "Kerncijfers".to_string(), Text::to_string)
}

/// A number as it is shown: "40", "ruim 40", "1.234".
pub(crate) fn shown(item: &Item) -> String {
    let number = crate::prose::number(item.value.get());
    match &item.prefix {
        Some(prefix) => format!("{prefix} {number}"),
        None => number,
    }
}

/// A card's text, wrapped for one width.
struct Card {
    number: Block,
    label: Block,
    note: Option<Block>,
}

impl Card {
    /// Height of the number: the digits' own height, plus a line for each line more.
    fn number_height(&self, size: f64) -> f64 {
        size + (self.number.lines.len() as f64 - 1.0) * line_height(size)
    }

    fn height(&self, size: f64) -> f64 {
        let note = self.note.as_ref().map_or(0.0, |n| n.height + 4.0);
        2.0 * INSET + self.number_height(size) + 4.0 + self.label.height + note
    }
}

/// The size at which every number fits `width` (at most `NUMBER`).
fn number_size(spec: &Spec, width: f64) -> f64 {
    spec.items
        .iter()
        .map(|item| {
            let at_one = font::measure(&shown(item), 1.0, Weight::Bold);
            if at_one > 0.0 { width / at_one } else { NUMBER }
        })
        .fold(NUMBER, f64::min)
}

/// Whether every label and note fits a card of text width `width`: no word cut, few lines.
fn labels_fit(spec: &Spec, width: f64) -> bool {
    let words_fit = |text: &str, size: f64| {
        text.split_whitespace()
            .all(|w| font::measure(w, size, Weight::Regular) <= width)
    };
    spec.items.iter().all(|item| {
        words_fit(item.label.as_str(), TEXT)
            && font::wrap(item.label.as_str(), width, TEXT, Weight::Regular).len()
                <= MAX_LABEL_LINES
            && item
                .note
                .as_ref()
                .is_none_or(|n| words_fit(n.as_str(), SMALL))
    })
}

/// A heading, then the cards in a grid of one or two columns.
pub(crate) fn layout(spec: &Spec) -> Drawing {
    let inner = WIDTH - 2.0 * PAD;
    let mut body = Vec::new();
    let title = title(spec);
    let title_style = TextStyle::new(TITLE, Paint::Ink).bold();
    let heading = svg::wrap(&title, inner, &title_style);
    body.push(svg::text(PAD, PAD, &heading.lines, &title_style));
    let mut y = PAD + heading.height + 8.0;

    let half = (inner - GAP) / 2.0;
    let two_columns = spec.items.len() > 1
        && labels_fit(spec, half - 2.0 * INSET)
        && number_size(spec, half - 2.0 * INSET) >= NUMBER_MIN;
    let columns = if two_columns { 2 } else { 1 };
    let size = if two_columns {
        number_size(spec, half - 2.0 * INSET)
    } else {
        number_size(spec, inner - 2.0 * INSET).max(TEXT)
    };
    let number_style = TextStyle::new(size, Paint::Primary).bold();
    let label_style = TextStyle::new(TEXT, Paint::Ink);
    let note_style = TextStyle::new(SMALL, Paint::Muted);

    for row in spec.items.chunks(columns) {
        // A lone card in the last row of a grid takes the whole width.
        let width = if row.len() == 1 { inner } else { half };
        let text_width = width - 2.0 * INSET;
        let cards: Vec<Card> = row
            .iter()
            .map(|item| Card {
                number: svg::wrap(&shown(item), text_width, &number_style),
                label: svg::wrap(item.label.as_str(), text_width, &label_style),
                note: item
                    .note
                    .as_ref()
                    .map(|n| svg::wrap(n.as_str(), text_width, &note_style)),
            })
            .collect();
        let row_height = cards.iter().map(|c| c.height(size)).fold(0.0, f64::max);
        for (i, card) in cards.iter().enumerate() {
            let x = PAD + i as f64 * (half + GAP);
            body.push(svg::rect(x, y, width, row_height, Paint::Tint).num("rx", 6.0));
            // A line box is 1.3 em with the baseline 1 em down; digits are about 0.7 em tall.
            // Lifting the box by 0.15 em puts the digits in the upper part of a 1 em band,
            // which leaves the card's inset looking even above the digits and below the label.
            let top = y + INSET - 0.15 * size;
            body.push(svg::text(x + INSET, top, &card.number.lines, &number_style));
            let mut top = y + INSET + card.number_height(size) + 4.0;
            body.push(svg::text(x + INSET, top, &card.label.lines, &label_style));
            top += card.label.height + 4.0;
            if let Some(note) = &card.note {
                body.push(svg::text(x + INSET, top, &note.lines, &note_style));
            }
        }
        y += row_height + GAP;
    }
    Drawing {
        width: WIDTH,
        height: y - GAP + PAD,
        desc: desc(spec),
        title,
        body,
    }
}

/// "Kerncijfers: 12 diepte-interviews, 78 startende professionals en 10 ervaren professionals."
fn desc(spec: &Spec) -> String {
    let parts: Vec<String> = spec
        .items
        .iter()
        .map(|i| format!("{} {}", shown(i), i.label))
        .collect();
    let list = crate::prose::list(&parts);
    format!("{}: {list}.", title(spec))
}

/// The numbers as a list: big number, what it counts, a note; styled as cards by the theme.
pub(crate) fn html(spec: &Spec) -> Element {
    Element::new("ul")
        .attr("class", "keyfigures")
        .children(spec.items.iter().map(|item| {
            let mut li = Element::new("li")
                .attr("class", "keyfigure")
                .child(
                    Element::new("span")
                        .attr("class", "keyfigure-value")
                        .text(shown(item)),
                )
                .text(" ")
                .child(
                    Element::new("span")
                        .attr("class", "keyfigure-label")
                        .text(item.label.to_string()),
                );
            if let Some(note) = &item.note {
                li = li.text(" ").child(
                    Element::new("span")
                        .attr("class", "keyfigure-note")
                        .text(note.to_string()),
                );
            }
            li
        }))
}

/// The numbers as a table: what is counted, the number, the note.
pub(crate) fn table(spec: &Spec) -> Element {
    let col = |t: &str| Element::new("th").attr("scope", "col").text(t.to_string());
    let rows = spec.items.iter().map(|item| {
        Element::new("tr")
            .child(
                Element::new("th")
                    .attr("scope", "row")
                    .text(item.label.to_string()),
            )
            .child(Element::new("td").attr("class", "num").text(shown(item)))
            .child(
                Element::new("td").text(item.note.as_ref().map_or(String::new(), Text::to_string)),
            )
    });
    Element::new("table")
        .child(Element::new("caption").text(title(spec)))
        .child(Element::new("thead").child(Element::new("tr").children([
            col("Omschrijving"),
            col("Aantal"),
            col("Toelichting"),
        ])))
        .child(Element::new("tbody").children(rows))
}

/// The numbers as CSV: what is counted, the word before the number (if any), the number and
/// the note.
pub(crate) fn csv(spec: &Spec) -> Csv {
    let prefixed = spec.items.iter().any(|i| i.prefix.is_some());
    let mut header = vec!["Omschrijving"];
    if prefixed {
        header.push("Voorvoegsel");
    }
    header.extend(["Aantal", "Toelichting"]);
    let mut csv = Csv::new(header);
    for item in &spec.items {
        let mut row = vec![Cell::Text(item.label.to_string())];
        if prefixed {
            row.push(Cell::Text(
                item.prefix.as_ref().map_or(String::new(), Text::to_string),
            ));
        }
        row.push(Cell::Number(item.value.get()));
        row.push(Cell::Text(
            item.note.as_ref().map_or(String::new(), Text::to_string),
        ));
        csv.row(row);
    }
    csv
}

/// `figures`: see the module doc.
pub(crate) struct Figures;

impl super::BlockType for Figures {
    type Raw = Spec;
    type Spec = Spec;
    const NUMBERING: super::Numbering = super::Numbering::Figure;

    fn read(
        yaml: &str,
        file: &crate::source::SourceFile,
        at: usize,
        what: &str,
    ) -> Result<Spec, crate::diag::Diagnostic> {
        super::read_map_or_list(yaml, file, at, what, Spec::from_items)
    }

    fn check(raw: Spec, _: &super::Resolve<'_>) -> Result<Spec, Vec<Problem>> {
        super::problems_or(validate(&raw), raw)
    }

    fn title(spec: &Spec) -> String {
        title(spec)
    }

    fn label(spec: &Spec) -> Option<&str> {
        spec.label.as_ref().map(Text::as_str)
    }

    fn caption(spec: &Spec) -> Option<&str> {
        spec.caption.as_deref()
    }

    fn layout(spec: &Spec) -> Drawing {
        layout(spec)
    }

    fn html(spec: &Spec, _: &super::PageContext<'_>) -> Element {
        html(spec)
    }

    fn table(spec: &Spec) -> Option<Element> {
        Some(table(spec))
    }

    fn csv(spec: &Spec) -> Option<Csv> {
        Some(csv(spec))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(value: f64, label: &str) -> Item {
        Item {
            value: Count(value),
            prefix: None,
            label: Text(label.into()),
            note: None,
        }
    }

    /// The x of every card.
    fn card_xs(d: &Drawing) -> Vec<String> {
        d.body
            .iter()
            .filter(|e| e.name() == "rect")
            .map(|e| e.get("x").unwrap().to_string())
            .collect()
    }

    #[test]
    fn one_to_twelve_numbers_are_valid() {
        assert_eq!(validate(&Spec::from_items(vec![item(1.0, "a")])), vec![]);
        let p = validate(&Spec::from_items(vec![]));
        assert_eq!(p[0].message.as_str(), "het blok heeft geen kerncijfers");
        assert_eq!(
            p[0].hint.as_str(),
            "zet er minstens één in, bijvoorbeeld `- {value: 12, label: diepte-interviews}`"
        );
        let p = validate(&Spec::from_items(vec![item(1.0, "a"); 13]));
        assert!(p[0].message.as_str().contains("13 kerncijfers"), "{p:?}");
        assert_eq!(
            validate(&Spec::from_items(vec![item(1.0, "a"); 12])),
            vec![]
        );
    }

    #[test]
    fn short_labels_go_two_to_a_row_and_a_lone_last_card_is_wide() {
        let spec = Spec::from_items(vec![
            item(12.0, "diepte-interviews"),
            item(78.0, "startende professionals"),
            item(10.0, "ervaren professionals"),
        ]);
        let d = layout(&spec);
        assert_eq!(card_xs(&d), vec!["12", "184", "12"]);
        let widths: Vec<&str> = d
            .body
            .iter()
            .filter(|e| e.name() == "rect")
            .map(|e| e.get("width").unwrap())
            .collect();
        assert_eq!(widths, vec!["164", "164", "336"]);
    }

    #[test]
    fn long_labels_or_huge_numbers_go_one_to_a_row() {
        let long = Spec::from_items(vec![
            item(12.0, "jeugdhulpprofessionalsopleidingsinstituten"),
            item(78.0, "startende professionals"),
        ]);
        assert_eq!(card_xs(&layout(&long)), vec!["12", "12"]);
        let huge = Spec::from_items(vec![item(1e12, "euro"), item(1.0, "jaar")]);
        assert_eq!(card_xs(&layout(&huge)), vec!["12", "12"]);
    }

    #[test]
    fn numbers_are_big_primary_and_dutch() {
        let d = layout(&Spec::from_items(vec![item(1234.5, "uur")]));
        let number = d.body.iter().find(|e| e.own_text() == "1.234,5").unwrap();
        assert_eq!(number.get_paint("fill"), Some(Paint::Primary));
        assert_eq!(number.get("font-weight"), Some("700"));
        assert_eq!(number.get("font-size"), Some("30"));
    }

    #[test]
    fn the_description_lists_the_numbers() {
        let mut spec = Spec::from_items(vec![
            item(12.0, "diepte-interviews"),
            item(78.0, "startende professionals"),
            item(0.0, "klachten"),
        ]);
        assert_eq!(
            desc(&spec),
            "Kerncijfers: 12 diepte-interviews, 78 startende professionals en 0 klachten."
        );
        spec.title = Some(Text("Onderzoek".into()));
        spec.items.truncate(1);
        assert_eq!(desc(&spec), "Onderzoek: 12 diepte-interviews.");
    }

    #[test]
    fn the_list_carries_value_label_and_note() {
        let mut spec = Spec::from_items(vec![item(78.0, "startende professionals")]);
        spec.items[0].note = Some(Text("2022-2023".into()));
        assert_eq!(
            html(&spec).to_markup(),
            "<ul class=\"keyfigures\"><li class=\"keyfigure\"><span class=\"keyfigure-value\">78</span> <span class=\"keyfigure-label\">startende professionals</span> <span class=\"keyfigure-note\">2022-2023</span></li></ul>"
        );
    }

    #[test]
    fn a_word_before_the_number_is_shown_everywhere() {
        let mut spec = Spec::from_items(vec![item(40.0, "jeugdprofessionals geïnterviewd")]);
        spec.items[0].prefix = Some(Text("ruim".into()));
        assert!(html(&spec).to_markup().contains(">ruim 40<"));
        assert!(table(&spec).to_markup().contains(">ruim 40<"));
        assert_eq!(
            desc(&spec),
            "Kerncijfers: ruim 40 jeugdprofessionals geïnterviewd."
        );
        let csv = String::from_utf8(csv(&spec).to_bytes()).unwrap();
        assert_eq!(
            csv,
            "\u{feff}Omschrijving,Voorvoegsel,Aantal,Toelichting\r\njeugdprofessionals geïnterviewd,ruim,40,\r\n"
        );
    }
}
