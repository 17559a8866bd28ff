//! `quadrant`: 2×2 models, e.g. the NJi model "Elementen van vakmanschap" (its rows: inhoud and
//! ontwikkeling). A model names one distinction, two, or none: `x` (the columns) and `y` (the
//! rows) are each optional, so no axis is drawn that the source does not name.
//!
//! Drawn as a grid that still reads on a phone: the two column labels as header bars above the
//! columns, each row label as a band across the width above its row, and the four cells as cards
//! on a light fill. The two cells of a row are as tall as the taller of them.

use serde::Deserialize;

use super::Problem;
use super::values::Text;
use crate::font::{self, Weight};
use crate::markup::Element;
use crate::messages;
use crate::palette::Paint;
use crate::svg::{self, Anchor, Drawing, PAD, SMALL, TEXT, TextStyle, WIDTH};

/// One quadrant.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Cell {
    /// Name of the element.
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
    /// Labels of the left and right column, when the model names that distinction.
    pub(crate) x: Option<[Text; 2]>,
    /// Labels of the top and bottom row, when the model names that distinction.
    pub(crate) y: Option<[Text; 2]>,
    /// Four cells, row by row: top-left, top-right, bottom-left, bottom-right.
    pub(crate) cells: Vec<Cell>,
}

/// Exactly four cells.
pub(crate) fn validate(spec: &Spec) -> Vec<Problem> {
    let count = spec.cells.len();
    if count == 4 {
        return Vec::new();
    }
    let message = if count == 1 {
        messages::quadrant_one_cell()
    } else {
        messages::quadrant_cells(count)
    };
    vec![Problem::new(message, messages::quadrant_cells_hint())]
}

/// Space between the two columns and between rows.
const GAP: f64 = 6.0;
/// Inner padding of bars and cells.
const INSET: f64 = 6.0;

/// The largest of `sizes` at which the longest word of every text fits in `width`, so that a
/// long compound ("Samenwerkingsopgaven") is not cut; the smallest if none does.
fn fitting_size<'a>(
    texts: impl Iterator<Item = &'a str> + Clone,
    width: f64,
    sizes: &[f64],
    weight: Weight,
) -> f64 {
    let fits = |size: f64| {
        texts
            .clone()
            .flat_map(str::split_whitespace)
            .all(|word| font::measure(word, size, weight) <= width)
    };
    sizes
        .iter()
        .copied()
        .find(|size| fits(*size))
        .or(sizes.last().copied())
        .unwrap_or(TEXT)
}

/// The header bars, row bands and cells.
pub(crate) fn layout(spec: &Spec) -> Drawing {
    let inner = WIDTH - 2.0 * PAD;
    let column = (inner - GAP) / 2.0;
    let left = |c: usize| PAD + c as f64 * (column + GAP);
    let (heading, mut y) = svg::heading(spec.title.as_str());
    let mut body = vec![heading];
    y += 10.0;

    // Column labels: both bars as tall as the taller label.
    if let Some(x) = &spec.x {
        let column_style = TextStyle::new(TEXT, Paint::Paper)
            .bold()
            .anchor(Anchor::Middle);
        let labels = x
            .each_ref()
            .map(|x| svg::wrap(x.as_str(), column - 2.0 * INSET, &column_style));
        let bar = labels[0].height.max(labels[1].height) + 10.0;
        for (c, label) in labels.iter().enumerate() {
            body.push(svg::rect(left(c), y, column, bar, Paint::Primary).num("rx", 4.0));
            let top = y + (bar - label.height) / 2.0;
            body.push(svg::text(
                left(c) + column / 2.0,
                top,
                &label.lines,
                &column_style,
            ));
        }
        y += bar + GAP;
    }

    let row_style = TextStyle::new(SMALL, Paint::Paper).bold();
    // One size for all titles and one for all texts, so that the cells look alike.
    let width = column - 2.0 * INSET;
    let titles = spec.cells.iter().map(|c| c.title.as_str());
    let texts = spec
        .cells
        .iter()
        .filter_map(|c| c.text.as_ref())
        .map(Text::as_str);
    let title_size = fitting_size(titles, width, &[TEXT, TEXT - 1.0], Weight::Bold);
    let text_size = fitting_size(texts, width, &[SMALL, SMALL - 0.5], Weight::Regular);
    let title_style = TextStyle::new(title_size, Paint::Ink).bold();
    let text_style = TextStyle::new(text_size, Paint::Ink);
    for r in 0..2 {
        if let Some(row_label) = spec.y.as_ref().map(|y| &y[r]) {
            let label = svg::wrap(row_label.as_str(), inner - 2.0 * INSET, &row_style);
            let band = label.height + 6.0;
            body.push(svg::rect(PAD, y, inner, band, Paint::Secondary).num("rx", 4.0));
            body.push(svg::text(PAD + INSET, y + 3.0, &label.lines, &row_style));
            y += band + 4.0;
        }

        let cells: Vec<(svg::Block, Option<svg::Block>)> = (0..2)
            .filter_map(|c| spec.cells.get(r * 2 + c))
            .map(|cell| {
                let title = svg::wrap(cell.title.as_str(), width, &title_style);
                let text = cell
                    .text
                    .as_ref()
                    .map(|t| svg::wrap(t.as_str(), width, &text_style));
                (title, text)
            })
            .collect();
        let height = cells
            .iter()
            .map(|(title, text)| title.height + text.as_ref().map_or(0.0, |t| t.height + 4.0))
            .fold(0.0, f64::max)
            + 2.0 * INSET;
        for (c, (title, text)) in cells.iter().enumerate() {
            body.push(svg::rect(left(c), y, column, height, Paint::Tint).num("rx", 4.0));
            body.push(svg::text(
                left(c) + INSET,
                y + INSET,
                &title.lines,
                &title_style,
            ));
            if let Some(text) = text {
                body.push(svg::text(
                    left(c) + INSET,
                    y + INSET + title.height + 4.0,
                    &text.lines,
                    &text_style,
                ));
            }
        }
        y += height + GAP;
    }
    Drawing {
        width: WIDTH,
        height: y - GAP + PAD,
        title: spec.title.to_string(),
        desc: describe(spec),
        body,
    }
}

/// Names the axes the model has and the four elements with their place.
fn describe(spec: &Spec) -> String {
    let places = ["linksboven", "rechtsboven", "linksonder", "rechtsonder"];
    let cells: Vec<String> = spec
        .cells
        .iter()
        .zip(places)
        .map(|(cell, place)| format!("{place} {}", cell.title))
        .collect();
    let mut axes = Vec::new();
    if let Some(x) = &spec.x {
        axes.push(format!("de kolommen {} en {}", x[0], x[1]));
    }
    if let Some(y) = &spec.y {
        axes.push(format!("de rijen {} en {}", y[0], y[1]));
    }
    let with = if axes.is_empty() {
        String::new()
    } else {
        format!(" met {}", axes.join(" en "))
    };
    format!("Model van 2 bij 2{with}: {}.", cells.join(", "))
}

/// The model on the page: a 2×2 table with the column labels (`x`) over it and the row labels
/// (`y`) beside it, where the model has them. The theme's CSS shows it as a grid, and where the
/// column is narrow, as the cells under each other, each then showing its column's label
/// (`quadrant-place`) since the column headings are hidden.
pub(crate) fn html(spec: &Spec, page: &super::PageContext<'_>) -> Element {
    let mut table = Element::new("table")
        .attr("class", "quadrant")
        .attr("aria-labelledby", format!("{}-titel", page.id));
    if let Some(x) = &spec.x {
        let mut head = Element::new("tr");
        if spec.y.is_some() {
            head.push(Element::new("td"));
        }
        for label in x {
            head.push(
                Element::new("th")
                    .attr("scope", "col")
                    .text(label.to_string()),
            );
        }
        table.push(Element::new("thead").child(head));
    }
    let rows = (0..2).map(|r| {
        let mut tr = Element::new("tr");
        if let Some(y) = &spec.y {
            tr.push(
                Element::new("th")
                    .attr("scope", "row")
                    .text(y[r].to_string()),
            );
        }
        for c in 0..2 {
            let Some(cell) = spec.cells.get(r * 2 + c) else {
                continue;
            };
            let mut td = Element::new("td").attr("class", "quadrant-cell");
            if let Some(x) = &spec.x {
                td.push(
                    Element::new("span")
                        .attr("class", "quadrant-place")
                        .attr("aria-hidden", "true")
                        .text(x[c].to_string()),
                );
            }
            td.push(
                Element::new("strong")
                    .attr("class", "quadrant-title")
                    .text(cell.title.to_string()),
            );
            if let Some(text) = &cell.text {
                td.push(
                    Element::new("span")
                        .attr("class", "quadrant-text")
                        .text(text.to_string()),
                );
            }
            tr.push(td);
        }
        tr
    });
    table.child(Element::new("tbody").children(rows))
}

/// `quadrant`: see the module doc.
pub(crate) struct Quadrant;

impl super::BlockType for Quadrant {
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

    fn html(spec: &Spec, page: &super::PageContext<'_>) -> Element {
        html(spec, page)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::tests::parse_yaml_block;
    use crate::blocks::{Block, Kind};

    fn spec(cells: usize) -> Spec {
        let text = |s: &str| Text(s.into());
        Spec {
            title: text("Elementen van vakmanschap"),
            caption: None,
            label: None,
            x: Some([text("Specifiek"), text("Generiek")]),
            y: Some([text("Inhoud"), text("Ontwikkeling")]),
            cells: [
                "Specifieke kennis",
                "Generieke kennis",
                "Persoonlijke opgaven",
                "Samenwerkingsopgaven",
            ]
            .iter()
            .cycle()
            .take(cells)
            .map(|t| Cell {
                title: text(t),
                text: None,
            })
            .collect(),
        }
    }

    #[test]
    fn exactly_four_cells_are_needed() {
        assert!(validate(&spec(4)).is_empty());
        for count in [0, 1, 3, 5] {
            let problems = validate(&spec(count));
            assert_eq!(problems.len(), 1);
            assert!(
                problems[0]
                    .message
                    .as_str()
                    .contains(&format!("heeft {count} cel")),
                "{problems:?}"
            );
            assert!(
                problems[0]
                    .hint
                    .as_str()
                    .contains("linksboven, rechtsboven, linksonder, rechtsonder")
            );
        }
    }

    #[test]
    fn the_description_names_axes_and_elements() {
        assert_eq!(
            describe(&spec(4)),
            "Model van 2 bij 2 met de kolommen Specifiek en Generiek en de rijen Inhoud en Ontwikkeling: linksboven Specifieke kennis, rechtsboven Generieke kennis, linksonder Persoonlijke opgaven, rechtsonder Samenwerkingsopgaven."
        );
    }

    #[test]
    fn the_cells_of_a_row_share_its_height() {
        let mut s = spec(4);
        s.cells[0].text = Some(Text(
            "Een lange uitleg die over veel regels loopt. ".repeat(4),
        ));
        s.cells[3].text = Some(Text("Kort.".into()));
        let drawing = layout(&s);
        let cells: Vec<(f64, f64)> = drawing
            .body
            .iter()
            .filter(|e| e.name() == "rect" && e.get_paint("fill") == Some(Paint::Tint))
            .map(|e| {
                let num = |a: &str| e.get(a).unwrap().parse::<f64>().unwrap();
                (num("y"), num("height"))
            })
            .collect();
        assert_eq!(cells.len(), 4);
        assert_eq!(cells[0], cells[1]);
        assert_eq!(cells[2], cells[3]);
        assert!(
            cells[0].1 > cells[2].1,
            "the long text makes the top row taller"
        );
    }

    #[test]
    fn the_table_has_row_and_column_headers() {
        let yaml = "title: Model\nx: [Specifiek, Generiek]\ny: [Inhoud, Ontwikkeling]\ncells:\n  - {title: A, text: a}\n  - {title: B}\n  - {title: C}\n  - {title: D}\n";
        let Ok(Block::Quadrant(s)) = parse_yaml_block(Kind::Quadrant, yaml) else {
            panic!("does not parse")
        };
        let html = html(&s, &crate::blocks::tests::test_page()).to_markup();
        assert!(html.starts_with("<table class=\"quadrant\" aria-labelledby=\"figuur-1-titel\"><thead><tr><td></td><th scope=\"col\">Specifiek</th>"), "{html}");
        assert!(html.contains("<tr><th scope=\"row\">Inhoud</th><td class=\"quadrant-cell\"><span class=\"quadrant-place\" aria-hidden=\"true\">Specifiek</span><strong class=\"quadrant-title\">A</strong><span class=\"quadrant-text\">a</span></td>"), "{html}");
    }

    #[test]
    fn a_model_with_one_named_distinction_draws_no_other_axis() {
        let yaml = "title: Model\ny: [Inhoud, Ontwikkeling]\ncells:\n  - {title: A}\n  - {title: B}\n  - {title: C}\n  - {title: D}\n";
        let Ok(Block::Quadrant(s)) = parse_yaml_block(Kind::Quadrant, yaml) else {
            panic!("does not parse")
        };
        let html = html(&s, &crate::blocks::tests::test_page()).to_markup();
        assert!(
            !html.contains("<thead>") && !html.contains("scope=\"col\""),
            "{html}"
        );
        assert!(!html.contains("quadrant-place"), "{html}");
        assert!(
            html.contains("<th scope=\"row\">Ontwikkeling</th>"),
            "{html}"
        );
        let d = layout(&s);
        assert_eq!(
            d.desc,
            "Model van 2 bij 2 met de rijen Inhoud en Ontwikkeling: linksboven A, rechtsboven B, linksonder C, rechtsonder D."
        );
        // No column bars: the only primary shapes would be the column headers.
        assert!(
            !d.body
                .iter()
                .any(|e| e.get_paint("fill") == Some(Paint::Primary))
        );
    }

    #[test]
    fn three_cells_are_reported_through_the_block_parser() {
        let yaml = "title: Model\nx: [a, b]\ny: [c, d]\ncells:\n  - {title: A}\n  - {title: B}\n  - {title: C}\n";
        let e = parse_yaml_block(Kind::Quadrant, yaml).unwrap_err();
        assert!(e[0].message.contains("heeft 3 cellen"), "{}", e[0].message);
    }
}
