//! `bars`: grouped horizontal bars for respondent tables (Tabel 1 and 2 of Al doende leren,
//! Tabel 1 of Ruimte om van betekenis te zijn).
//!
//! Every bar is labelled above and carries its value as text, so nothing is told by length or
//! colour alone. Bars are measured against the `total` when there is one (then a light track
//! shows the whole), and against the largest value of the block otherwise.

use std::collections::BTreeSet;

use serde::Deserialize;

use super::Problem;
use super::values::{Count, Text, check_len};
use crate::csv::{Cell, Csv};
use crate::font::{self, Weight};
use crate::markup::{Element, fmt_num};
use crate::messages;
use crate::palette::Paint;
use crate::svg::{self, Anchor, Drawing, PAD, SMALL, TEXT, TITLE, TextStyle, WIDTH, line_height};

/// One bar.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Item {
    /// What the bar stands for.
    pub(crate) label: Text,
    /// Its value.
    pub(crate) value: Count,
}

/// A group of bars under one heading.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Group {
    /// Heading of the group.
    pub(crate) label: Text,
    /// The bars.
    pub(crate) items: Vec<Item>,
}

/// What the editor writes.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Spec {
    /// Heading of the graphic.
    pub(crate) title: Text,
    /// The source's label (`Tabel 1`).
    pub(crate) label: Option<Text>,
    /// Caption (e.g. the source).
    pub(crate) caption: Option<String>,
    /// Unit of the values (e.g. "respondenten").
    pub(crate) unit: Option<Text>,
    /// The total the values of each group are part of; no group may exceed it.
    pub(crate) total: Option<Count>,
    /// The groups.
    pub(crate) groups: Vec<Group>,
}

/// Thickness of a bar.
const BAR: f64 = 20.0;
/// Width of the marker that keeps a zero (or nearly zero) bar visible.
const MARKER: f64 = 3.0;
/// Room between a bar's end and its value, and inside a bar around its value.
const GAP: f64 = 6.0;
/// Widest unit that is repeated beside every value.
const UNIT_BESIDE: f64 = 110.0;

/// Group sizes, duplicate labels and the `total`.
pub(crate) fn validate(spec: &Spec) -> Vec<Problem> {
    let mut problems: Vec<Problem> = check_len("`groups`", spec.groups.len())
        .into_iter()
        .collect();
    for group in &spec.groups {
        let name = &group.label;
        problems.extend(check_len(
            messages::bars_group_items(name),
            group.items.len(),
        ));
        let mut seen = BTreeSet::new();
        let mut twice = BTreeSet::new();
        for item in &group.items {
            if !seen.insert(item.label.as_str()) {
                twice.insert(item.label.as_str());
            }
        }
        for label in twice {
            problems.push(Problem::new(
                messages::bars_label_twice(name, label),
                messages::bars_label_twice_hint(),
            ));
        }
        if let Some(total) = spec.total {
            let sum = group_sum(group);
            // A little slack, so that shares written as decimals (33.3 + 66.7) still add up.
            if sum > total.get() + 1e-9 * total.get().max(1.0) {
                problems.push(Problem::new(
                    messages::bars_group_over_total(name, fmt_num(sum), fmt_num(total.get())),
                    messages::bars_group_over_total_hint(fmt_num(total.get())),
                ));
            }
        }
    }
    problems
}

fn group_sum(group: &Group) -> f64 {
    group.items.iter().map(|i| i.value.get()).sum()
}

/// The value a full-width bar stands for: the total, or the largest value of the block.
fn scale(spec: &Spec) -> f64 {
    match spec.total {
        Some(total) => total.get(),
        None => spec
            .groups
            .iter()
            .flat_map(|g| &g.items)
            .map(|i| i.value.get())
            .fold(0.0, f64::max),
    }
}

/// A value as a share of the total, the Dutch way: "29%", "0,4%", "<0,1%", ">99,9%".
fn share(value: f64, total: f64) -> String {
    if total <= 0.0 || value <= 0.0 {
        return "0%".to_string();
    }
    let percent = value / total * 100.0;
    if percent < 0.05 {
        "<0,1%".to_string()
    } else if percent > 99.95 && value < total {
        // Never call a part the whole.
        ">99,9%".to_string()
    } else if percent < 1.0 {
        format!("{}%", crate::prose::number(percent))
    } else {
        format!("{}%", crate::prose::number(percent.round()))
    }
}

/// The unit written after every value, if it is short enough to go beside a bar; a longer
/// unit is named once under the title instead.
fn unit_per_bar(spec: &Spec) -> Option<&Text> {
    match (&spec.unit, spec.total) {
        (Some(unit), None) if font::measure(unit.as_str(), TEXT, Weight::Bold) <= UNIT_BESIDE => {
            Some(unit)
        }
        _ => None,
    }
}

/// The text beside a bar: "23 (29%)" with a total, "23 respondenten" with a short unit, else
/// "23".
fn value_text(spec: &Spec, value: f64) -> String {
    let number = crate::prose::number(value);
    match (spec.total, unit_per_bar(spec)) {
        (Some(total), _) => format!("{number} ({})", share(value, total.get())),
        (None, Some(unit)) => format!("{number} {unit}"),
        (None, None) => number,
    }
}

/// A line under the title saying what the numbers are, when the bars alone cannot.
fn scale_note(spec: &Spec) -> Option<String> {
    match (spec.total, &spec.unit) {
        (Some(total), Some(unit)) => Some(format!(
            "Aantal {unit} en aandeel in het totaal van {}",
            crate::prose::number(total.get())
        )),
        (Some(total), None) => Some(format!(
            "Aantal en aandeel in het totaal van {}",
            crate::prose::number(total.get())
        )),
        (None, Some(unit)) if unit_per_bar(spec).is_none() => Some(format!("Aantal {unit}")),
        (None, _) => None,
    }
}

/// A heading, then per group a bold group heading and its bars, each labelled above.
pub(crate) fn layout(spec: &Spec) -> Drawing {
    let inner = WIDTH - 2.0 * PAD;
    let mut body = Vec::new();
    let title_style = TextStyle::new(TITLE, Paint::Ink).bold();
    let heading = svg::wrap(spec.title.as_str(), inner, &title_style);
    body.push(svg::text(PAD, PAD, &heading.lines, &title_style));
    let mut y = PAD + heading.height;
    if let Some(note) = scale_note(spec) {
        let style = TextStyle::new(SMALL, Paint::Muted);
        let note = svg::wrap(&note, inner, &style);
        body.push(svg::text(PAD, y + 2.0, &note.lines, &style));
        y += note.height + 2.0;
    }
    let scale = scale(spec);
    let group_style = TextStyle::new(TEXT + 1.0, Paint::Ink).bold();
    let label_style = TextStyle::new(TEXT, Paint::Ink);
    for group in &spec.groups {
        y += 14.0;
        let heading = svg::wrap(group.label.as_str(), inner, &group_style);
        body.push(svg::text(PAD, y, &heading.lines, &group_style));
        y += heading.height + 3.0;
        body.push(svg::line(PAD, y, WIDTH - PAD, y, Paint::Line, 1.0));
        y += 6.0;
        for item in &group.items {
            let label = svg::wrap(item.label.as_str(), inner, &label_style);
            body.push(svg::text(PAD, y, &label.lines, &label_style));
            y += label.height + 2.0;
            y = bar(spec, item.value.get(), scale, y, &mut body);
            y += 8.0;
        }
    }
    Drawing {
        width: WIDTH,
        height: y + PAD - 4.0,
        title: spec.title.to_string(),
        desc: desc(spec),
        body,
    }
}

/// Draws one bar with its value at `top`; returns the bottom of what was drawn.
fn bar(spec: &Spec, value: f64, scale: f64, top: f64, body: &mut Vec<Element>) -> f64 {
    let inner = WIDTH - 2.0 * PAD;
    let length = if scale > 0.0 {
        (value / scale).clamp(0.0, 1.0) * inner
    } else {
        0.0
    };
    if spec.total.is_some() {
        // The whole the bar is a part of.
        body.push(svg::rect(PAD, top, inner, BAR, Paint::Tint));
    }
    // A bar shorter than the marker (zero, or tiny against a huge maximum) still shows where
    // it starts, so that its value label has something to belong to.
    body.push(svg::rect(PAD, top, length.max(MARKER), BAR, Paint::Primary));
    let text = value_text(spec, value);
    let style = TextStyle::new(TEXT, Paint::Ink).bold();
    let text_width = font::measure(&text, style.size, Weight::Bold);
    let text_top = top + (BAR - line_height(style.size)) / 2.0;
    let bar_end = PAD + length.max(MARKER);
    if bar_end + GAP + text_width <= WIDTH - PAD {
        body.push(svg::text(bar_end + GAP, text_top, &[text], &style));
        top + BAR
    } else if text_width + 2.0 * GAP <= length {
        let style = TextStyle::new(TEXT, Paint::Paper)
            .bold()
            .anchor(Anchor::End);
        body.push(svg::text(bar_end - GAP, text_top, &[text], &style));
        top + BAR
    } else {
        // Neither beside nor inside: the value goes on its own line(s) under the bar.
        let lines = svg::wrap(&text, inner, &style);
        body.push(svg::text(PAD, top + BAR + 2.0, &lines.lines, &style));
        top + BAR + 2.0 + lines.height
    }
}

/// "Staafdiagram met 2 groepen (Functie en Organisatie). Grootste groep: HBO Pedagogiek met
/// 61 respondenten (78%)."
fn desc(spec: &Spec) -> String {
    let n = spec.groups.len();
    let mut out = if n == 1 {
        format!("Staafdiagram met 1 groep ({})", spec.groups[0].label)
    } else if n <= 4 {
        let names: Vec<String> = spec.groups.iter().map(|g| g.label.to_string()).collect();
        format!(
            "Staafdiagram met {n} groepen ({})",
            crate::prose::list(&names)
        )
    } else {
        format!("Staafdiagram met {n} groepen")
    };
    if let Some(total) = spec.total {
        out.push_str(&format!(
            ", als deel van een totaal van {}",
            crate::prose::number(total.get())
        ));
    }
    out.push('.');
    let largest = spec
        .groups
        .iter()
        .flat_map(|g| &g.items)
        .fold(None::<&Item>, |best, item| match best {
            Some(b) if b.value.get() >= item.value.get() => Some(b),
            _ => Some(item),
        });
    match largest {
        Some(item) if item.value.get() > 0.0 => {
            let number = crate::prose::number(item.value.get());
            let amount = match &spec.unit {
                Some(unit) => format!("{number} {unit}"),
                None => number,
            };
            let share = spec
                .total
                .map(|t| format!(" ({})", share(item.value.get(), t.get())))
                .unwrap_or_default();
            out.push_str(&format!(
                " Grootste groep: {} met {amount}{share}.",
                item.label
            ));
        }
        Some(_) => out.push_str(" Alle waarden zijn 0."),
        None => {}
    }
    out
}

/// One table: group, category, number and (with a total) share; a `<tbody>` per group whose
/// first cell heads the group's rows.
pub(crate) fn table(spec: &Spec) -> Element {
    let amount = match &spec.unit {
        Some(unit) => format!("Aantal {unit}"),
        None => "Aantal".to_string(),
    };
    let col = |text: String| Element::new("th").attr("scope", "col").text(text);
    let mut head = Element::new("tr")
        .child(col("Groep".into()))
        .child(col("Categorie".into()))
        .child(col(amount));
    if let Some(total) = spec.total {
        head.push(col(format!(
            "Aandeel (van {})",
            crate::prose::number(total.get())
        )));
    }
    let mut table = Element::new("table")
        .child(Element::new("caption").text(spec.title.to_string()))
        .child(Element::new("thead").child(head));
    for group in &spec.groups {
        let mut tbody = Element::new("tbody");
        for (i, item) in group.items.iter().enumerate() {
            let mut row = Element::new("tr");
            if i == 0 {
                row.push(
                    Element::new("th")
                        .attr("scope", "rowgroup")
                        .attr("rowspan", group.items.len().to_string())
                        .text(group.label.to_string()),
                );
            }
            row.push(
                Element::new("th")
                    .attr("scope", "row")
                    .text(item.label.to_string()),
            );
            row.push(Element::new("td").text(crate::prose::number(item.value.get())));
            if let Some(total) = spec.total {
                row.push(Element::new("td").text(share(item.value.get(), total.get())));
            }
            tbody.push(row);
        }
        table.push(tbody);
    }
    table
}

/// Width (of 100) of the bar of a zero value, so that it still shows as a mark.
const ZERO_MARK: f64 = 0.75;

/// The bars on the page: per group its name and a list of bars, each with its label and value
/// as text and the bar itself as the only drawn part (hidden from screen readers, which read
/// the text).
pub(crate) fn html(spec: &Spec) -> Element {
    let scale = scale(spec);
    let mut out = Element::new("div").attr("class", "bars");
    if let Some(note) = scale_note(spec) {
        out.push(Element::new("p").attr("class", "bars-scale").text(note));
    }
    for group in &spec.groups {
        let items = group.items.iter().map(|item| {
            let value = item.value.get();
            let length = if scale > 0.0 {
                (value / scale * 100.0).clamp(0.0, 100.0)
            } else {
                0.0
            };
            let mut bar = Element::new("svg")
                .attr("class", "bar")
                .attr("viewBox", "0 0 100 1")
                .attr("preserveAspectRatio", "none")
                .attr("aria-hidden", "true")
                .attr("focusable", "false");
            if spec.total.is_some() {
                bar.push(
                    Element::new("rect")
                        .attr("class", "bar-track")
                        .num("width", 100.0)
                        .num("height", 1.0),
                );
            }
            bar.push(
                Element::new("rect")
                    .attr("class", "bar-fill")
                    .num("width", length.max(ZERO_MARK))
                    .num("height", 1.0),
            );
            Element::new("li")
                .attr("class", "bar-item")
                .child(
                    Element::new("span")
                        .attr("class", "bar-label")
                        .text(item.label.to_string()),
                )
                .text(" ")
                .child(
                    Element::new("span")
                        .attr("class", "bar-value")
                        .text(value_text(spec, value)),
                )
                .child(bar)
        });
        out.push(
            Element::new("div")
                .attr("class", "bars-group")
                .child(
                    Element::new("p")
                        .attr("class", "bars-group-label")
                        .text(group.label.to_string()),
                )
                .child(
                    Element::new("ul")
                        .attr("class", "bars-list")
                        .children(items),
                ),
        );
    }
    out
}

/// The bars as CSV: group, category, number and (with a total) the share in percent.
pub(crate) fn csv(spec: &Spec) -> Csv {
    let amount = match &spec.unit {
        Some(unit) => format!("Aantal {unit}"),
        None => "Aantal".to_string(),
    };
    let mut header = vec!["Groep".to_string(), "Categorie".to_string(), amount];
    if let Some(total) = spec.total {
        header.push(format!(
            "Aandeel in procenten (van {})",
            crate::markup::fmt_num(total.get())
        ));
    }
    let mut csv = Csv::new(header);
    for group in &spec.groups {
        for item in &group.items {
            let mut row = vec![
                Cell::Text(group.label.to_string()),
                Cell::Text(item.label.to_string()),
                Cell::Number(item.value.get()),
            ];
            if let Some(total) = spec.total {
                let share = if total.get() > 0.0 {
                    (item.value.get() / total.get() * 1000.0).round() / 10.0
                } else {
                    0.0
                };
                row.push(Cell::Number(share));
            }
            csv.row(row);
        }
    }
    csv
}

/// `bars`: see the module doc.
pub(crate) struct Bars;

impl super::BlockType for Bars {
    type Raw = Spec;
    type Spec = Spec;
    const NUMBERING: super::Numbering = super::Numbering::Table;

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
    use crate::blocks::tests::parse_yaml_block;
    use crate::blocks::{Block, Kind};

    fn spec(yaml: &str) -> Spec {
        serde_yaml::from_str(yaml).expect("test YAML parses")
    }

    const SAMPLE: &str = "
title: Respondenten per functie
unit: respondenten
total: 78
groups:
  - label: Functie
    items:
      - {label: Jeugdbeschermer, value: 23}
      - {label: Gedragswetenschapper, value: 11}
      - {label: Ambulant hulpverlener, value: 0}
";

    /// The primary-coloured rectangles (bars and zero markers), in order.
    fn bars(drawing: &Drawing) -> Vec<(f64, f64)> {
        let mut out = Vec::new();
        for e in &drawing.body {
            if e.name() == "rect" && e.get_paint("fill") == Some(Paint::Primary) {
                let x: f64 = e.get("x").unwrap().parse().unwrap();
                let w: f64 = e.get("width").unwrap().parse().unwrap();
                out.push((x, w));
            }
        }
        out
    }

    fn texts(drawing: &Drawing) -> Vec<String> {
        let mut out = Vec::new();
        for e in &drawing.body {
            e.walk(&mut |e| {
                if e.name() == "text" || e.name() == "tspan" {
                    out.push(e.own_text());
                }
            });
        }
        out
    }

    #[test]
    fn a_valid_spec_has_no_problems() {
        assert_eq!(validate(&spec(SAMPLE)), vec![]);
    }

    #[test]
    fn empty_groups_and_empty_group_items_are_problems() {
        let p = validate(&spec("title: x\ngroups: []\n"));
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].message.as_str(), "`groups` is leeg");
        assert_eq!(p[0].hint.as_str(), "zet minstens één onderdeel in `groups`");
        let p = validate(&spec("title: x\ngroups: [{label: Functie, items: []}]\n"));
        assert_eq!(p.len(), 1);
        assert_eq!(
            p[0].message.as_str(),
            "de `items` van groep `Functie` is leeg"
        );
    }

    #[test]
    fn more_than_thirty_bars_in_a_group_is_a_problem() {
        let items: Vec<String> = (0..31)
            .map(|i| format!("{{label: b{i}, value: 1}}"))
            .collect();
        let yaml = format!(
            "title: x\ngroups: [{{label: Veel, items: [{}]}}]\n",
            items.join(", ")
        );
        let p = validate(&spec(&yaml));
        assert_eq!(p.len(), 1);
        assert!(p[0].message.as_str().contains("31 onderdelen"), "{p:?}");
    }

    #[test]
    fn a_group_over_the_total_names_the_group_and_both_numbers() {
        let yaml = "title: x\ntotal: 30\ngroups:\n  - {label: Functie, items: [{label: a, value: 20}, {label: b, value: 12.5}]}\n  - {label: Leeftijd, items: [{label: a, value: 30}]}\n";
        let p = validate(&spec(yaml));
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(
            p[0].message.as_str(),
            "de waarden van groep `Functie` tellen op tot 32.5, meer dan het `total` van 30"
        );
        assert!(p[0].hint.as_str().contains("hoogstens 30"), "{}", p[0].hint);
        let p =
            crate::messages::speaking(crate::messages::Language::English, || validate(&spec(yaml)));
        assert_eq!(
            p[0].message.as_str(),
            "the values of group `Functie` add up to 32.5, more than the `total` of 30"
        );
        assert!(p[0].hint.as_str().contains("at most"), "{}", p[0].hint);
    }

    #[test]
    fn decimal_shares_that_add_up_to_the_total_are_accepted() {
        let yaml = "title: x\ntotal: 100\ngroups: [{label: g, items: [{label: a, value: 33.3}, {label: b, value: 33.3}, {label: c, value: 33.4}]}]\n";
        assert_eq!(validate(&spec(yaml)), vec![]);
    }

    #[test]
    fn duplicate_labels_in_a_group_are_reported_once() {
        let yaml = "title: x\ngroups:\n  - {label: Functie, items: [{label: a, value: 1}, {label: a, value: 2}, {label: a, value: 3}]}\n  - {label: Ander, items: [{label: a, value: 1}]}\n";
        let p = validate(&spec(yaml));
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(
            p[0].message.as_str(),
            "groep `Functie` heeft meer dan één staaf met het label `a`"
        );
    }

    #[test]
    fn problems_reach_the_editor_through_parse() {
        let e = parse_yaml_block(
            Kind::Bars,
            "title: x\ntotal: 1\ngroups: [{label: g, items: [{label: a, value: 2}]}]\n",
        )
        .unwrap_err();
        assert!(
            e[0].message.starts_with(
                "blok `bars`: de waarden van groep `g` tellen op tot 2, meer dan het `total`"
            ),
            "{}",
            e[0].message
        );
        assert!(matches!(
            parse_yaml_block(Kind::Bars, SAMPLE.trim_start()),
            Ok(Block::Bars(_))
        ));
    }

    #[test]
    fn the_longest_bar_spans_the_width_without_a_total() {
        let s = spec(
            "title: x\ngroups: [{label: g, items: [{label: a, value: 10}, {label: b, value: 5}]}]\n",
        );
        let b = bars(&layout(&s));
        assert_eq!(b.len(), 2);
        assert_eq!(b[0], (PAD, WIDTH - 2.0 * PAD));
        assert!((b[1].1 - (WIDTH - 2.0 * PAD) / 2.0).abs() < 0.01, "{b:?}");
    }

    #[test]
    fn bars_are_measured_against_the_total_and_show_percentages() {
        let d = layout(&spec(SAMPLE));
        let b = bars(&d);
        let expected = 23.0 / 78.0 * (WIDTH - 2.0 * PAD);
        assert!((b[0].1 - expected).abs() < 0.01, "{b:?}");
        let t = texts(&d);
        assert!(t.contains(&"23 (29%)".to_string()), "{t:?}");
        assert!(t.contains(&"11 (14%)".to_string()), "{t:?}");
        assert!(t.contains(&"0 (0%)".to_string()), "{t:?}");
    }

    #[test]
    fn a_zero_value_still_gets_a_visible_marker_and_a_label() {
        let s = spec("title: x\ngroups: [{label: g, items: [{label: a, value: 0}]}]\n");
        let d = layout(&s);
        assert_eq!(bars(&d), vec![(PAD, MARKER)]);
        assert!(texts(&d).contains(&"0".to_string()));
    }

    #[test]
    fn a_value_that_fits_neither_beside_nor_inside_goes_under_the_bar() {
        let s = spec(
            "title: x\nunit: respondenten\ngroups: [{label: g, items: [{label: a, value: 1000000000000}, {label: b, value: 500000000000}]}]\n",
        );
        let d = layout(&s);
        let value = d
            .body
            .iter()
            .find(|e| e.own_text() == "500.000.000.000 respondenten")
            .expect("the value is drawn");
        let second_bar = d.body.iter().filter(|e| e.name() == "rect").nth(1).unwrap();
        let number = |e: &Element, attr: &str| -> f64 { e.get(attr).unwrap().parse().unwrap() };
        assert!(number(value, "y") > number(second_bar, "y") + BAR);
        assert_eq!(value.get("x"), Some("12"));
    }

    #[test]
    fn a_long_unit_is_named_once_instead_of_beside_every_bar() {
        let s = spec(
            "title: x\nunit: respondenten uit de gemeentelijke toegang\ngroups: [{label: g, items: [{label: a, value: 12}]}]\n",
        );
        let t = texts(&layout(&s));
        assert!(
            t.contains(&"Aantal respondenten uit de gemeentelijke toegang".to_string()),
            "{t:?}"
        );
        assert!(t.contains(&"12".to_string()), "{t:?}");
        let s = spec(
            "title: x\nunit: respondenten\ngroups: [{label: g, items: [{label: a, value: 12}]}]\n",
        );
        assert!(texts(&layout(&s)).contains(&"12 respondenten".to_string()));
    }

    #[test]
    fn shares_are_rounded_the_dutch_way() {
        assert_eq!(share(23.0, 78.0), "29%");
        assert_eq!(share(1.0, 250.0), "0,4%");
        assert_eq!(share(1.0, 1e12), "<0,1%");
        assert_eq!(share(0.0, 0.0), "0%");
        assert_eq!(share(78.0, 78.0), "100%");
        assert_eq!(share(999_999.0, 1e6), ">99,9%");
    }

    #[test]
    fn the_description_names_the_largest_group() {
        let d = desc(&spec(SAMPLE));
        assert_eq!(
            d,
            "Staafdiagram met 1 groep (Functie), als deel van een totaal van 78. Grootste groep: Jeugdbeschermer met 23 respondenten (29%)."
        );
        let zero = spec(
            "title: x\ngroups: [{label: a, items: [{label: b, value: 0}]}, {label: c, items: [{label: d, value: 0}]}]\n",
        );
        assert_eq!(
            desc(&zero),
            "Staafdiagram met 2 groepen (a en c). Alle waarden zijn 0."
        );
    }

    #[test]
    fn the_table_has_headers_for_columns_rows_and_groups() {
        let t = table(&spec(SAMPLE)).to_markup();
        assert!(
            t.starts_with("<table><caption>Respondenten per functie</caption>"),
            "{t}"
        );
        assert!(
            t.contains(
                "<th scope=\"col\">Aantal respondenten</th><th scope=\"col\">Aandeel (van 78)</th>"
            ),
            "{t}"
        );
        assert!(t.contains("<tr><th scope=\"rowgroup\" rowspan=\"3\">Functie</th><th scope=\"row\">Jeugdbeschermer</th><td>23</td><td>29%</td></tr>"), "{t}");
    }
}
