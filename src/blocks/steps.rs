//! `steps`: numbered tiles, e.g. the five things that make the work attractive (summary of
//! Ruimte om van betekenis te zijn).
//!
//! Tiles on the tint colour stacked top to bottom, each with its number in a circle on the left
//! and its title (bold) and text wrapped to the right of it.

use serde::Deserialize;

use super::Problem;
use super::values::{Text, check_len};
use crate::markup::Element;
use crate::palette::Paint;
use crate::svg::{self, Anchor, Drawing, PAD, TEXT, TITLE, TextStyle, WIDTH, line_height};

/// One tile.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Item {
    /// The point.
    pub(crate) title: Text,
    /// Explanation.
    pub(crate) text: Option<Text>,
}

/// What the editor writes.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Spec {
    /// Heading of the graphic.
    pub(crate) title: Text,
    /// The source's label (`Figuur 2`).
    pub(crate) label: Option<Text>,
    /// Caption.
    pub(crate) caption: Option<String>,
    /// The tiles in order.
    pub(crate) items: Vec<Item>,
}

/// Radius of a number's circle.
const RADIUS: f64 = 15.0;
/// Space inside a tile around its contents.
const INSET: f64 = 10.0;
/// Space between tiles.
const GAP: f64 = 8.0;

/// Between one and thirty tiles.
pub(crate) fn validate(spec: &Spec) -> Vec<Problem> {
    check_len("`items`", spec.items.len()).into_iter().collect()
}

/// A heading, then one tile per item.
pub(crate) fn layout(spec: &Spec) -> Drawing {
    let inner = WIDTH - 2.0 * PAD;
    let mut body = Vec::new();
    let title_style = TextStyle::new(TITLE, Paint::Ink).bold();
    let heading = svg::wrap(spec.title.as_str(), inner, &title_style);
    body.push(svg::text(PAD, PAD, &heading.lines, &title_style));
    let mut y = PAD + heading.height + 8.0;

    let text_x = PAD + INSET + 2.0 * RADIUS + INSET;
    let text_width = WIDTH - PAD - INSET - text_x;
    let item_title_style = TextStyle::new(TEXT + 1.0, Paint::Ink).bold();
    let item_text_style = TextStyle::new(TEXT, Paint::Ink);
    let number_style = TextStyle::new(TEXT, Paint::Paper)
        .bold()
        .anchor(Anchor::Middle);
    for (i, item) in spec.items.iter().enumerate() {
        let title = svg::wrap(item.title.as_str(), text_width, &item_title_style);
        let text = item
            .text
            .as_ref()
            .map(|t| svg::wrap(t.as_str(), text_width, &item_text_style));
        // The title's first line is centred on the circle; the rest of the words follow it.
        let title_line = line_height(item_title_style.size);
        let words_offset = (RADIUS - title_line / 2.0).max(0.0);
        let words = words_offset + title.height + text.as_ref().map_or(0.0, |t| t.height + 2.0);
        let height = 2.0 * INSET + words.max(2.0 * RADIUS);
        body.push(svg::rect(PAD, y, inner, height, Paint::Tint).num("rx", 6.0));
        let cx = PAD + INSET + RADIUS;
        let cy = y + INSET + RADIUS.max(title_line / 2.0);
        body.push(svg::circle(cx, cy, RADIUS, Paint::Primary));
        let number = (i + 1).to_string();
        let number_top = cy - line_height(number_style.size) / 2.0;
        body.push(svg::text(cx, number_top, &[number], &number_style));
        let mut top = cy - title_line / 2.0;
        body.push(svg::text(text_x, top, &title.lines, &item_title_style));
        top += title.height + 2.0;
        if let Some(text) = &text {
            body.push(svg::text(text_x, top, &text.lines, &item_text_style));
        }
        y += height + GAP;
    }
    Drawing {
        width: WIDTH,
        height: y - GAP + PAD,
        title: spec.title.to_string(),
        desc: desc(spec),
        body,
    }
}

/// "5 genummerde punten: 1. Werk dat ertoe doet, 2. ..., 5. Afwisselend werk."
fn desc(spec: &Spec) -> String {
    let n = spec.items.len();
    let list: Vec<String> = spec
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| format!("{}. {}", i + 1, item.title))
        .collect();
    format!(
        "{}: {}.",
        crate::prose::count(n, "genummerd punt", "genummerde punten"),
        list.join(", ")
    )
}

/// The tiles on the page: an ordered list whose numbers the theme draws large.
pub(crate) fn html(spec: &Spec) -> Element {
    Element::new("ol")
        .attr("class", "steps")
        .children(spec.items.iter().map(|item| {
            let li = Element::new("li").attr("class", "step").child(
                Element::new("strong")
                    .attr("class", "step-title")
                    .text(item.title.to_string()),
            );
            match &item.text {
                Some(text) => li.child(
                    Element::new("span")
                        .attr("class", "step-text")
                        .text(text.to_string()),
                ),
                None => li,
            }
        }))
}

/// `steps`: see the module doc.
pub(crate) struct Steps;

impl super::BlockType for Steps {
    type Raw = Spec;
    type Spec = Spec;
    const NUMBERING: super::Numbering = super::Numbering::Figure;

    fn check(raw: Spec, _: &super::Resolve<'_>) -> Result<Spec, Vec<Problem>> {
        super::problems_or(validate(&raw), raw)
    }

    fn title(spec: &Spec) -> String {
        spec.title.to_string()
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(titles: &[&str]) -> Spec {
        Spec {
            title: Text("Wat het werk aantrekkelijk maakt".into()),
            label: None,
            caption: None,
            items: titles
                .iter()
                .map(|t| Item {
                    title: Text((*t).into()),
                    text: None,
                })
                .collect(),
        }
    }

    #[test]
    fn one_to_thirty_items_are_valid() {
        assert_eq!(validate(&spec(&["a"])), vec![]);
        assert_eq!(validate(&spec(&["a"; 30])), vec![]);
        let p = validate(&spec(&[]));
        assert_eq!(p[0].message.as_str(), "`items` is leeg");
        let p = validate(&spec(&["a"; 31]));
        assert!(p[0].message.as_str().contains("31 onderdelen"), "{p:?}");
    }

    #[test]
    fn every_tile_has_a_numbered_primary_circle() {
        let d = layout(&spec(&["a", "b", "c"]));
        let circles: Vec<&Element> = d.body.iter().filter(|e| e.name() == "circle").collect();
        assert_eq!(circles.len(), 3);
        assert!(
            circles
                .iter()
                .all(|c| c.get_paint("fill") == Some(Paint::Primary))
        );
        let numbers: Vec<&Element> = d
            .body
            .iter()
            .filter(|e| e.get_paint("fill") == Some(Paint::Paper))
            .collect();
        let numbers: Vec<String> = numbers.iter().map(|e| e.own_text()).collect();
        assert_eq!(numbers, vec!["1", "2", "3"]);
    }

    #[test]
    fn a_tile_grows_with_its_text() {
        let mut s = spec(&["kort"]);
        let short = layout(&s).height;
        s.items[0].text = Some(Text("Een uitleg die over meerdere regels loopt omdat zij lang is, langer dan een regel breed is.".into()));
        let long = layout(&s).height;
        assert!(
            long > short + 2.0 * line_height(TEXT) - 1.0,
            "{short} {long}"
        );
    }

    #[test]
    fn the_description_numbers_the_points() {
        assert_eq!(
            desc(&spec(&["Werk dat ertoe doet", "Afwisselend werk"])),
            "2 genummerde punten: 1. Werk dat ertoe doet, 2. Afwisselend werk."
        );
        assert_eq!(desc(&spec(&["Zelfzorg"])), "1 genummerd punt: 1. Zelfzorg.");
    }

    #[test]
    fn the_list_is_ordered_with_bold_titles() {
        let mut s = spec(&["Zelfzorg", "Fijne collega's"]);
        s.items[0].text = Some(Text("Grenzen bewaken.".into()));
        assert_eq!(
            html(&s).to_markup(),
            "<ol class=\"steps\"><li class=\"step\"><strong class=\"step-title\">Zelfzorg</strong><span class=\"step-text\">Grenzen bewaken.</span></li><li class=\"step\"><strong class=\"step-title\">Fijne collega's</strong></li></ol>"
        );
    }
}
