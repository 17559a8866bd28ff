//! The learning route of a persona (De leerroute van Nora, Al doende leren): numbered stops
//! along a path, formal and informal learning told apart by shape and label.
//!
//! Shared by the persona page and the `persona` block. Drawn top to bottom: a legend (circle =
//! informeel leren, square = formeel leren), then a vertical path with one numbered marker per
//! stop and, beside it, the stop's title, its kind in words and its text.

use serde::Deserialize;

use super::values::Text;
use crate::markup::Element;
use crate::palette::Paint;
use crate::svg::{self, Anchor, PAD, SMALL, TEXT, TextStyle, WIDTH};

/// Formal (courses, training) or informal (in the daily work) learning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum LearningKind {
    /// Training, courses.
    Formeel,
    /// Learning in the daily work.
    Informeel,
}

impl LearningKind {
    /// Dutch label.
    pub(crate) fn label(self) -> &'static str {
        match self {
            LearningKind::Formeel => "formeel leren",
            LearningKind::Informeel => "informeel leren",
        }
    }
}

/// One stop of the route.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Stop {
    /// Name of the stop.
    pub(crate) title: Text,
    /// Formal or informal.
    pub(crate) kind: LearningKind,
    /// What the persona learns there.
    pub(crate) text: Option<Text>,
}

/// The heading of `name`'s route: "De leerroute van Nora".
pub(crate) fn title(name: &str) -> String {
    format!("De leerroute van {name}")
}

/// Half the size of a stop's marker.
const MARKER: f64 = 15.0;
/// Centre of the markers, and so of the path.
const PATH_X: f64 = PAD + MARKER + 1.0;
/// Left edge of the stops' text.
const TEXT_LEFT: f64 = PAD + 2.0 * MARKER + 14.0;
/// Space between two stops.
const STOP_GAP: f64 = 14.0;

/// The marker of a stop: a circle for informal learning, a square for formal learning, so that
/// the kind shows by shape as well as by colour.
fn marker(kind: LearningKind, cx: f64, cy: f64, half: f64) -> Element {
    match kind {
        LearningKind::Informeel => svg::circle(cx, cy, half, Paint::Primary),
        LearningKind::Formeel => svg::rect(
            cx - half,
            cy - half,
            2.0 * half,
            2.0 * half,
            Paint::Secondary,
        )
        .num("rx", 2.0),
    }
}

/// Draws the legend and the stops from `top` down. Returns the shapes and their bottom edge.
pub(crate) fn draw(stops: &[Stop], top: f64) -> (Vec<Element>, f64) {
    let mut body = Vec::new();
    let legend_style = TextStyle::new(SMALL, Paint::Ink);
    if stops.is_empty() {
        let style = TextStyle::new(TEXT, Paint::Muted);
        let none = svg::wrap("Nog geen leerroute beschreven.", WIDTH - 2.0 * PAD, &style);
        body.push(svg::text(PAD, top, &none.lines, &style));
        return (body, top + none.height);
    }

    // Legend: both kinds on one line; the labels are fixed and short, so they always fit.
    let row = svg::line_height(SMALL);
    let mut x = PAD;
    for kind in [LearningKind::Informeel, LearningKind::Formeel] {
        body.push(marker(kind, x + 7.0, top + row / 2.0, 7.0));
        x += 20.0;
        body.push(svg::text(
            x,
            top,
            &[kind.label().to_string()],
            &legend_style,
        ));
        x += crate::font::measure(kind.label(), SMALL, crate::font::Weight::Regular) + 24.0;
    }
    let mut y = top + row + 16.0;

    let title_style = TextStyle::new(TEXT, Paint::Ink).bold();
    let kind_style = TextStyle::new(SMALL, Paint::Muted);
    let text_style = TextStyle::new(TEXT, Paint::Ink);
    let number_style = TextStyle::new(TEXT, Paint::Paper)
        .bold()
        .anchor(Anchor::Middle);
    let width = WIDTH - PAD - TEXT_LEFT;
    let mut markers = Vec::new();
    let mut centres = Vec::new();
    for (i, stop) in stops.iter().enumerate() {
        let cy = y + MARKER;
        centres.push(cy);
        markers.push(marker(stop.kind, PATH_X, cy, MARKER));
        markers.push(svg::text(
            PATH_X,
            cy - svg::line_height(TEXT) / 2.0,
            &[(i + 1).to_string()],
            &number_style,
        ));
        // The first line of the title is centred on the marker.
        let mut text_top = cy - svg::line_height(TEXT) / 2.0;
        let title = svg::wrap(stop.title.as_str(), width, &title_style);
        body.push(svg::text(TEXT_LEFT, text_top, &title.lines, &title_style));
        text_top += title.height;
        body.push(svg::text(
            TEXT_LEFT,
            text_top,
            &[stop.kind.label().to_string()],
            &kind_style,
        ));
        text_top += svg::line_height(SMALL) + 2.0;
        if let Some(text) = &stop.text {
            let text = svg::wrap(text.as_str(), width, &text_style);
            body.push(svg::text(TEXT_LEFT, text_top, &text.lines, &text_style));
            text_top += text.height;
        }
        y = text_top.max(y + 2.0 * MARKER) + STOP_GAP;
    }
    // The path runs behind the markers, from the first to the last.
    if let (Some(first), Some(last)) = (centres.first(), centres.last())
        && centres.len() > 1
    {
        body.push(svg::line(PATH_X, *first, PATH_X, *last, Paint::Line, 3.0));
    }
    body.extend(markers);
    (body, y - STOP_GAP)
}

/// "Leerroute met 5 stappen, 4 informeel en 1 formeel: 1. Zelfreflectie, 2. ...".
pub(crate) fn describe(stops: &[Stop]) -> String {
    if stops.is_empty() {
        return "Een leerroute zonder stappen.".to_string();
    }
    let informal = stops
        .iter()
        .filter(|s| s.kind == LearningKind::Informeel)
        .count();
    let names: Vec<String> = stops
        .iter()
        .enumerate()
        .map(|(i, s)| format!("{}. {}", i + 1, s.title))
        .collect();
    format!(
        "Leerroute met {}, {informal} informeel en {} formeel: {}.",
        crate::prose::count(stops.len(), "stap", "stappen"),
        stops.len() - informal,
        names.join(", ")
    )
}

/// The route on the page: an ordered list along a drawn path, each stop with a marker whose
/// shape (a circle for informal, a square for formal learning) and word tell the kinds apart.
pub(crate) fn html(stops: &[Stop]) -> Element {
    Element::new("ol")
        .attr("class", "route")
        .children(stops.iter().map(|stop| {
            let kind = match stop.kind {
                LearningKind::Formeel => "route-stop route-formeel",
                LearningKind::Informeel => "route-stop route-informeel",
            };
            let item = Element::new("li")
                .attr("class", kind)
                .child(
                    Element::new("span")
                        .attr("class", "route-marker")
                        .attr("aria-hidden", "true"),
                )
                .child(
                    Element::new("strong")
                        .attr("class", "route-title")
                        .text(stop.title.to_string()),
                )
                .text(" ")
                .child(
                    Element::new("span")
                        .attr("class", "route-kind")
                        .text(format!("({})", stop.kind.label())),
                );
            match &stop.text {
                Some(text) => item.child(
                    Element::new("span")
                        .attr("class", "route-text")
                        .text(text.to_string()),
                ),
                None => item,
            }
        }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::palette::test_palette as palette;
    use crate::svg::Drawing;

    /// The route alone, as the persona card would draw it below the profile.
    fn layout(name: &str, stops: &[Stop]) -> Drawing {
        let title = title(name);
        let (heading, top) = svg::heading(&title);
        let (shapes, bottom) = draw(stops, top + 10.0);
        let mut body = vec![heading];
        body.extend(shapes);
        Drawing {
            width: WIDTH,
            height: bottom + PAD,
            title,
            desc: describe(stops),
            body,
        }
    }

    fn stop(title: &str, kind: LearningKind) -> Stop {
        Stop {
            title: Text(title.into()),
            kind,
            text: Some(Text("Wat zij daar leert.".into())),
        }
    }

    fn nora() -> Vec<Stop> {
        vec![
            stop("Zelfreflectie", LearningKind::Informeel),
            stop("Leren van ouders", LearningKind::Informeel),
            stop("Leren van en met collega's", LearningKind::Informeel),
            stop("Leren in het grijze gebied", LearningKind::Informeel),
            stop("Scholing organisatie", LearningKind::Formeel),
        ]
    }

    #[test]
    fn formal_and_informal_stops_differ_in_shape() {
        let drawing = layout("Nora", &nora());
        // Markers of stops are the large shapes; the legend's are small.
        let circles = drawing
            .body
            .iter()
            .filter(|e| e.name() == "circle" && e.get("r") == Some("15"))
            .count();
        let squares = drawing
            .body
            .iter()
            .filter(|e| e.name() == "rect" && e.get("width") == Some("30"))
            .count();
        assert_eq!((circles, squares), (4, 1));
        let square = drawing
            .body
            .iter()
            .find(|e| e.name() == "rect" && e.get("width") == Some("30"))
            .unwrap();
        assert_eq!(square.get_paint("fill"), Some(Paint::Secondary));
    }

    #[test]
    fn the_legend_explains_both_shapes() {
        let svg = layout("Nora", &nora()).to_svg("r", &palette());
        let legend = svg.find(">informeel leren<").unwrap();
        let first_stop = svg.find(">Zelfreflectie<").unwrap();
        assert!(legend < first_stop);
        assert!(svg.contains(">formeel leren<"));
    }

    #[test]
    fn stops_are_numbered_along_one_path() {
        let drawing = layout("Nora", &nora());
        let lines = drawing.body.iter().filter(|e| e.name() == "line").count();
        assert_eq!(lines, 1);
        let svg = drawing.to_svg("r", &palette());
        for n in 1..=5 {
            assert!(svg.contains(&format!(">{n}</text>")), "{n}");
        }
    }

    #[test]
    fn the_description_counts_kinds_and_names_stops() {
        assert_eq!(
            describe(&nora()),
            "Leerroute met 5 stappen, 4 informeel en 1 formeel: 1. Zelfreflectie, 2. Leren van ouders, 3. Leren van en met collega's, 4. Leren in het grijze gebied, 5. Scholing organisatie."
        );
    }

    #[test]
    fn the_list_says_the_kind_in_words() {
        let html = html(&nora()[4..]).to_markup();
        assert_eq!(
            html,
            "<ol class=\"route\"><li class=\"route-stop route-formeel\"><span class=\"route-marker\" aria-hidden=\"true\"></span><strong class=\"route-title\">Scholing organisatie</strong> <span class=\"route-kind\">(formeel leren)</span><span class=\"route-text\">Wat zij daar leert.</span></li></ol>"
        );
    }

    #[test]
    fn an_empty_route_still_draws() {
        let drawing = layout("Nora", &[]);
        assert!(drawing.height > 40.0);
        assert_eq!(drawing.title, "De leerroute van Nora");
    }
}
