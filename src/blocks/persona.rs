//! `persona`: embeds a persona's profile card and learning route in a report, e.g. "De
//! leerroute van Nora" in Al doende leren. The persona itself is a content file; the block only
//! names it, and the model resolves the name to a `Card` when the block is parsed.
//!
//! Drawn as the profile on a light card (name, age, education, experience) with the route of
//! `route` below it.

use serde::Deserialize;

use super::route::{self, Stop};
use crate::markup::Element;
use crate::palette::Paint;
use crate::svg::{self, Drawing, PAD, SMALL, TEXT, TextStyle, WIDTH};

/// What the editor writes.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Spec {
    /// The persona's slug (its file name, e.g. `nora`).
    pub(crate) id: String,
}

/// Everything the card shows, taken from the persona's front matter.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Card {
    /// Slug.
    pub(crate) id: String,
    /// Name.
    pub(crate) name: String,
    /// Age.
    pub(crate) age: Option<u32>,
    /// Education, in order.
    pub(crate) education: Vec<String>,
    /// Work experience.
    pub(crate) experience: Option<String>,
    /// Site-relative URL of the persona page.
    pub(crate) url: String,
    /// The learning route.
    pub(crate) route: Vec<Stop>,
}

/// One line of the profile: a label and one or more values.
struct Fact {
    label: String,
    values: Vec<String>,
}

/// The profile's facts in order; absent ones are left out.
fn facts(card: &Card) -> Vec<Fact> {
    let mut facts = Vec::new();
    if let Some(age) = card.age {
        facts.push(Fact {
            label: "Leeftijd".into(),
            values: vec![format!("{age} jaar")],
        });
    }
    if !card.education.is_empty() {
        facts.push(Fact {
            label: "Opleiding".into(),
            values: card.education.clone(),
        });
    }
    if let Some(experience) = &card.experience {
        let (label, text) = split_experience(experience);
        facts.push(Fact {
            label,
            values: vec![text],
        });
    }
    facts
}

/// Splits "Werkervaring (7 jaar): gestart in ..." into the label "Werkervaring (7 jaar)" and the
/// text "Gestart in ...", as the source layout shows it. Text that does not start with its own
/// label gets the label "Werkervaring".
fn split_experience(experience: &str) -> (String, String) {
    let plain = || ("Werkervaring".to_string(), experience.to_string());
    if !experience.to_lowercase().starts_with("werkervaring") {
        return plain();
    }
    let Some((at, sep)) = [":", "—", "–", " - "]
        .iter()
        .filter_map(|sep| experience.find(sep).map(|at| (at, *sep)))
        .min_by_key(|(at, _)| *at)
    else {
        return plain();
    };
    let label = experience[..at].trim();
    let text = experience[at + sep.len()..].trim();
    if text.is_empty() || label.chars().count() > 40 {
        return plain();
    }
    let mut chars = text.chars();
    let text = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    };
    (label.to_string(), text)
}

/// Inner padding of the profile card.
const INSET: f64 = 12.0;

/// The profile card at the top, the route below it.
pub(crate) fn layout(card: &Card) -> Drawing {
    let title = route::title(&card.name);
    let (heading, mut y) = svg::heading(&title);
    let mut body = vec![heading];
    y += 10.0;

    let inner = WIDTH - 2.0 * PAD - 2.0 * INSET;
    let left = PAD + INSET;
    let name_style = TextStyle::new(TEXT + 2.0, Paint::Ink).bold();
    let label_style = TextStyle::new(SMALL, Paint::Muted).bold();
    let value_style = TextStyle::new(TEXT, Paint::Ink);
    let bullet = 12.0;
    let mut profile = Vec::new();
    let card_top = y;
    y += INSET;
    let name = svg::wrap(&card.name, inner, &name_style);
    profile.push(svg::text(left, y, &name.lines, &name_style));
    y += name.height + 4.0;
    for fact in facts(card) {
        let label = svg::wrap(&fact.label, inner, &label_style);
        profile.push(svg::text(left, y + 2.0, &label.lines, &label_style));
        y += label.height + 2.0;
        // More than one value is a list: each gets a bullet and wraps beside it.
        let listed = fact.values.len() > 1;
        for value in &fact.values {
            let (x, width) = if listed {
                (left + bullet, inner - bullet)
            } else {
                (left, inner)
            };
            let lines = svg::wrap(value, width, &value_style);
            if listed {
                profile.push(svg::text(left, y, &["•".to_string()], &value_style));
            }
            profile.push(svg::text(x, y, &lines.lines, &value_style));
            y += lines.height;
        }
        y += 4.0;
    }
    y += INSET - 4.0;
    body.push(
        svg::rect(PAD, card_top, WIDTH - 2.0 * PAD, y - card_top, Paint::Tint).num("rx", 6.0),
    );
    body.extend(profile);

    let (route, bottom) = route::draw(&card.route, y + 16.0);
    body.extend(route);
    Drawing {
        width: WIDTH,
        height: bottom + PAD,
        title,
        desc: describe(card),
        body,
    }
}

/// "Profiel van Nora (27 jaar) en haar leerroute: ...".
fn describe(card: &Card) -> String {
    let age = card.age.map(|a| format!(" ({a} jaar)")).unwrap_or_default();
    format!(
        "Profiel van {}{age}. {}",
        card.name,
        route::describe(&card.route)
    )
}

/// The card on the page: the profile as a definition list, the route as an ordered list along
/// its path, and a link to the persona's page (none when the card has no URL: on the persona's
/// own page).
pub(crate) fn html(card: &Card, page: &super::PageContext<'_>) -> Element {
    let mut profile = Element::new("dl")
        .attr("class", "persona-profile")
        .child(Element::new("dt").text("Naam"))
        .child(Element::new("dd").text(card.name.clone()));
    for fact in facts(card) {
        profile = profile
            .child(Element::new("dt").text(fact.label))
            .children(fact.values.into_iter().map(|v| Element::new("dd").text(v)));
    }
    let mut div = Element::new("div").attr("class", "persona").child(profile);
    if !card.route.is_empty() {
        div = div.child(route::html(&card.route));
    }
    if card.url.is_empty() {
        return div;
    }
    div.child(
        Element::new("p").attr("class", "persona-link").child(
            Element::new("a")
                .attr("href", (page.href)(&card.url))
                .text(format!("Lees het verhaal van {}", card.name)),
        ),
    )
}

/// `persona`: see the module doc.
pub(crate) struct Persona;

impl super::BlockType for Persona {
    type Raw = Spec;
    type Spec = Card;
    const NUMBERING: super::Numbering = super::Numbering::Figure;

    /// The id resolved to the persona's card.
    fn check(raw: Spec, resolve: &super::Resolve<'_>) -> Result<Card, Vec<super::Problem>> {
        (resolve.personas)(&raw.id).map_err(|problem| vec![problem])
    }

    fn title(card: &Card) -> String {
        route::title(&card.name)
    }

    fn caption(_: &Card) -> Option<&str> {
        None
    }

    fn layout(card: &Card) -> Drawing {
        layout(card)
    }

    fn html(card: &Card, page: &super::PageContext<'_>) -> Element {
        html(card, page)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::tests::{parse_yaml_block, test_page, test_personas};
    use crate::blocks::values::Text;
    use crate::blocks::{Block, Kind};
    use crate::palette::test_palette as palette;

    fn nora() -> Card {
        test_personas("nora").unwrap()
    }

    #[test]
    fn the_block_resolves_the_persona() {
        let Ok(Block::Persona(card)) = parse_yaml_block(Kind::Persona, "id: nora\n") else {
            panic!("does not resolve")
        };
        assert_eq!(card.name, "Nora");
    }

    #[test]
    fn experience_with_its_own_label_is_split() {
        assert_eq!(
            split_experience("Werkervaring (7 jaar): gestart in de jeugdhulp."),
            (
                "Werkervaring (7 jaar)".into(),
                "Gestart in de jeugdhulp.".into()
            )
        );
        assert_eq!(
            split_experience("Werkervaring (7 jaar) — gestart in de jeugdhulp."),
            (
                "Werkervaring (7 jaar)".into(),
                "Gestart in de jeugdhulp.".into()
            )
        );
        assert_eq!(
            split_experience("Zeven jaar in de jeugdhulp."),
            ("Werkervaring".into(), "Zeven jaar in de jeugdhulp.".into())
        );
    }

    #[test]
    fn the_table_has_profile_route_and_link() {
        let html = html(&nora(), &test_page()).to_markup();
        assert!(html.starts_with("<div class=\"persona\"><dl class=\"persona-profile\"><dt>Naam</dt><dd>Nora</dd><dt>Leeftijd</dt><dd>27 jaar</dd><dt>Opleiding</dt><dd>MBO Sociaal Pedagogisch Werk (voltijd)</dd><dd>HBO Social Work (deeltijd)</dd><dt>Werkervaring (7 jaar)</dt><dd>Gestart"), "{html}");
        assert!(html.contains("<ol class=\"route\"><li class=\"route-stop route-informeel\"><span class=\"route-marker\" aria-hidden=\"true\"></span><strong class=\"route-title\">Zelfreflectie</strong> <span class=\"route-kind\">(informeel leren)</span>"), "{html}");
        assert!(
            html.ends_with(
                "<p class=\"persona-link\"><a href=\"/personas/nora/\">Lees het verhaal van Nora</a></p></div>"
            ),
            "{html}"
        );
    }

    #[test]
    fn the_card_sits_above_the_route() {
        let drawing = layout(&nora());
        assert_eq!(drawing.title, "De leerroute van Nora");
        let card = drawing
            .body
            .iter()
            .find(|e| e.name() == "rect" && e.get_paint("fill") == Some(Paint::Tint))
            .unwrap();
        let card_bottom: f64 = card.get("y").unwrap().parse::<f64>().unwrap()
            + card.get("height").unwrap().parse::<f64>().unwrap();
        let path = drawing.body.iter().find(|e| e.name() == "line").unwrap();
        assert!(path.get("y1").unwrap().parse::<f64>().unwrap() > card_bottom);
        assert!(drawing.desc.starts_with(
            "Profiel van Nora (27 jaar). Leerroute met 5 stappen, 4 informeel en 1 formeel"
        ));
    }

    #[test]
    fn an_empty_profile_still_draws() {
        let card = Card {
            id: "x".into(),
            name: "X".into(),
            age: None,
            education: Vec::new(),
            experience: None,
            url: "/personas/x/".into(),
            route: Vec::new(),
        };
        let drawing = layout(&card);
        assert!(drawing.height.is_finite() && drawing.height > 50.0);
        assert_eq!(
            html(&card, &test_page()).to_markup(),
            "<div class=\"persona\"><dl class=\"persona-profile\"><dt>Naam</dt><dd>X</dd></dl><p class=\"persona-link\"><a href=\"/personas/x/\">Lees het verhaal van X</a></p></div>"
        );
        // On the persona's own page the card has no URL, and so no link.
        let own = Card {
            url: String::new(),
            ..card
        };
        assert_eq!(
            html(&own, &test_page()).to_markup(),
            "<div class=\"persona\"><dl class=\"persona-profile\"><dt>Naam</dt><dd>X</dd></dl></div>"
        );
    }

    /// A persona with everything at its limits: long and hostile texts, unbroken compounds,
    /// unicode and 30 stops.
    fn extreme() -> Card {
        let long = "Jeugdhulpprofessionalsopleidingsinstituutsmedewerkersvertegenwoordiging";
        let stop = |i: usize| Stop {
            title: Text(match i % 3 {
                0 => "</svg><script>alert(1)</script>".to_string(),
                1 => format!("{long} {long}"),
                _ => "Leren 🙂 in het grijze gebied: café, naïef, Ωμέγα".to_string(),
            }),
            kind: if i.is_multiple_of(2) {
                route::LearningKind::Formeel
            } else {
                route::LearningKind::Informeel
            },
            text: (i % 4 != 3).then(|| Text(format!("\"'&<> {} {long}", "woord ".repeat(i * 3)))),
        };
        Card {
            id: "x".into(),
            name: format!("{long} <b>&amp;</b>"),
            age: Some(4_000_000_000),
            education: vec![long.into(), "\"'&<>".into(), "MBO ".repeat(40)],
            experience: Some(format!("Werkervaring ({long}): {long}")),
            url: "\"><script>alert(1)</script>".into(),
            route: (0..30).map(stop).collect(),
        }
    }

    /// Every text line of a drawing fits between the left and right edge.
    fn assert_text_fits(drawing: &Drawing) {
        use crate::font::{Weight, measure};
        for root in &drawing.body {
            root.walk(&mut |e: &Element| {
                if e.name() != "text" {
                    return;
                }
                let num = |a: &str| e.get(a).and_then(|v| v.parse::<f64>().ok());
                let size = num("font-size").unwrap();
                let weight = if e.get("font-weight") == Some("700") {
                    Weight::Bold
                } else {
                    Weight::Regular
                };
                let x = num("x").unwrap();
                let mut lines = vec![e.own_text()];
                e.walk(&mut |t: &Element| {
                    if t.name() == "tspan" {
                        lines.push(t.own_text());
                    }
                });
                for line in lines {
                    let w = measure(&line, size, weight);
                    let (left, right) = match e.get("text-anchor") {
                        Some("middle") => (x - w / 2.0, x + w / 2.0),
                        _ => (x, x + w),
                    };
                    assert!(
                        left >= 0.0 && right <= drawing.width,
                        "{line:?}: {left}..{right}"
                    );
                }
                let y = num("y").unwrap();
                assert!(y > 0.0 && y < drawing.height, "{y}");
            });
        }
    }

    #[test]
    fn an_extreme_persona_fits_and_is_escaped() {
        let card = extreme();
        let drawing = layout(&card);
        assert_text_fits(&drawing);
        assert!(drawing.height < 20_000.0, "{}", drawing.height);
        let svg = drawing.to_svg("p", &palette());
        assert!(!svg.contains("<script") && !svg.contains("<b>"));
        let html = html(&card, &test_page()).to_markup();
        assert!(!html.contains("<script") && !html.contains("<b>"), "{html}");
        assert!(html.contains("href=\"&quot;&gt;&lt;script&gt;"), "{html}");
    }
}
