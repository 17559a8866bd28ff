//! `recommendations`: recommendation lists per audience, e.g. "Voor organisaties", "Voor
//! opleidingen", "Voor professionals" in the summary of Al doende leren.
//!
//! Drawn as one section per audience: a band with "Voor organisaties" and below it the
//! recommendations, each with its number in a circle.

use std::collections::HashSet;

use serde::Deserialize;

use super::Problem;
use super::values::{MAX_ITEMS, Text};
use crate::diag::suggest;
use crate::markup::Element;
use crate::palette::Palette;
use crate::svg::{self, Anchor, Drawing, PAD, SMALL, TEXT, TextStyle, WIDTH};

/// The audiences every site knows. Sites may declare more in `site.yaml`.
pub(crate) const AUDIENCES: &[&str] = &[
    "organisaties",
    "opleidingen",
    "professionals",
    "bestuurders",
];

/// Most audiences in one block.
const MAX_GROUPS: usize = 8;

/// The heading used when the editor wrote none.
const DEFAULT_TITLE: &str = "Aanbevelingen";

/// The recommendations for one audience.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Group {
    /// Who they are for (one of `AUDIENCES`).
    pub(crate) audience: Text,
    /// The recommendations, in order.
    pub(crate) items: Vec<Text>,
}

/// What the editor writes: a bare list of groups, or a map with a title.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Spec {
    /// Heading of the graphic (default "Aanbevelingen").
    pub(crate) title: Option<Text>,
    /// Caption.
    pub(crate) caption: Option<String>,
    /// The groups.
    pub(crate) groups: Vec<Group>,
}

impl Spec {
    /// The bare-list form.
    pub(crate) fn from_groups(groups: Vec<Group>) -> Spec {
        Spec {
            title: None,
            caption: None,
            groups,
        }
    }

    /// The heading: the editor's title or "Aanbevelingen".
    fn title(&self) -> &str {
        self.title.as_ref().map_or(DEFAULT_TITLE, Text::as_str)
    }
}

/// 1 to 8 audiences from `AUDIENCES`, each once and with 1 to 30 recommendations. Builds use
/// `validate_for` with the site's audiences; this is the check against the built-in ones.
#[cfg(test)]
pub(crate) fn validate(spec: &Spec) -> Vec<Problem> {
    validate_for(spec, AUDIENCES)
}

/// `validate` against a site's own list of audiences (`AUDIENCES` plus those declared in
/// `site.yaml`), for a caller that knows the site.
pub(crate) fn validate_for(spec: &Spec, audiences: &[&str]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let count = spec.groups.len();
    if count == 0 {
        problems.push(Problem::new(
            "the block has no audiences",
            format!(
                "add a group with an `audience` (one of {}) and its `items`",
                audiences.join(", ")
            ),
        ));
    } else if count > MAX_GROUPS {
        problems.push(Problem::new(
            format!("the block has {count} audiences, more than the {MAX_GROUPS} that fit in one graphic"),
            "split the recommendations over two blocks",
        ));
    }
    let mut seen = HashSet::new();
    for group in &spec.groups {
        let audience = group.audience.as_str();
        if !audiences.contains(&audience) {
            let hint = match suggest(&audience.to_lowercase(), audiences) {
                Some(near) => format!(
                    "did you mean `{near}`? The audiences are: {}",
                    audiences.join(", ")
                ),
                None => format!(
                    "use one of: {}, or declare the audience under `audiences` in site.yaml",
                    audiences.join(", ")
                ),
            };
            problems.push(Problem::new(
                format!("`{audience}` is not a known audience"),
                hint,
            ));
        }
        if !seen.insert(audience) {
            problems.push(Problem::new(
                format!("the audience `{audience}` appears more than once in this block"),
                format!("put all recommendations for {audience} in one list"),
            ));
        }
        let items = group.items.len();
        if items == 0 {
            problems.push(Problem::new(
                format!("the recommendations for `{audience}` are empty"),
                "add at least one recommendation under `items`, or remove the audience",
            ));
        } else if items > MAX_ITEMS {
            problems.push(Problem::new(
                format!("`{audience}` has {items} recommendations, more than the {MAX_ITEMS} a graphic can show"),
                "split them over two blocks",
            ));
        }
    }
    problems
}

/// Who an audience is, as the words after "voor": "bestuurders" → "bestuurders en
/// beleidsmakers".
fn audience_name(audience: &str) -> &str {
    match audience {
        "bestuurders" => "bestuurders en beleidsmakers",
        other => other,
    }
}

/// The heading of an audience's recommendations: "organisaties" → "Voor organisaties".
pub(crate) fn audience_label(audience: &str) -> String {
    format!("Voor {}", audience_name(audience))
}

/// Inner padding of the bands.
const INSET: f64 = 10.0;
/// Radius of the number circles.
const RADIUS: f64 = 11.0;

/// One section per audience: a band with its name, then the numbered recommendations.
pub(crate) fn layout(spec: &Spec, palette: &Palette) -> Drawing {
    let inner = WIDTH - 2.0 * PAD;
    let (heading, mut y) = svg::heading(spec.title(), palette);
    let mut body = vec![heading];
    y += 10.0;
    let band_style = TextStyle::new(TEXT, &palette.paper).bold();
    let number_style = TextStyle::new(SMALL, &palette.paper)
        .bold()
        .anchor(Anchor::Middle);
    let item_style = TextStyle::new(TEXT, &palette.ink);
    let text_left = PAD + 2.0 * RADIUS + 10.0;
    let text_width = WIDTH - PAD - text_left;
    let line = svg::line_height(TEXT);
    for (g, group) in spec.groups.iter().enumerate() {
        if g > 0 {
            y += 8.0;
        }
        let label = svg::wrap(
            &audience_label(group.audience.as_str()),
            inner - 2.0 * INSET,
            &band_style,
        );
        let band = label.height + 12.0;
        body.push(svg::rect(PAD, y, inner, band, &palette.primary).num("rx", 4.0));
        body.push(svg::text(PAD + INSET, y + 6.0, &label.lines, &band_style));
        y += band + 10.0;
        for (i, item) in group.items.iter().enumerate() {
            let text = svg::wrap(item.as_str(), text_width, &item_style);
            // The circle is centred on the first line of the text.
            let cy = y + line / 2.0;
            body.push(svg::circle(PAD + RADIUS, cy, RADIUS, &palette.primary));
            body.push(svg::text(
                PAD + RADIUS,
                cy - svg::line_height(SMALL) / 2.0,
                &[(i + 1).to_string()],
                &number_style,
            ));
            body.push(svg::text(text_left, y, &text.lines, &item_style));
            y += text.height.max(2.0 * RADIUS) + 8.0;
        }
    }
    Drawing {
        width: WIDTH,
        height: y - 8.0 + PAD,
        title: spec.title().to_string(),
        desc: describe(spec),
        body,
    }
}

/// "11 aanbevelingen voor organisaties (4), opleidingen (4) en professionals (3)."
fn describe(spec: &Spec) -> String {
    let total: usize = spec.groups.iter().map(|g| g.items.len()).sum();
    let noun = if total == 1 {
        "aanbeveling"
    } else {
        "aanbevelingen"
    };
    let parts: Vec<String> = if spec.groups.len() == 1 {
        vec![audience_name(spec.groups[0].audience.as_str()).to_string()]
    } else {
        spec.groups
            .iter()
            .map(|g| format!("{} ({})", audience_name(g.audience.as_str()), g.items.len()))
            .collect()
    };
    let list = match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} en {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    };
    format!("{total} {noun} voor {list}.")
}

/// The recommendations as HTML, each with the id `aanbeveling-{audience}-{n}`.
pub(crate) fn table(spec: &Spec) -> Element {
    table_with_prefix(spec, "aanbeveling")
}

/// The recommendations as HTML: per audience a `<div>` with its heading and an `<ol>`, each item
/// with the id `{prefix}-{audience}-{n}` (n from 1) so that other pages can link to it.
///
/// Ids must be unique on a page. `table` uses the prefix "aanbeveling", which is right for a page
/// with one recommendations block; a renderer that places more than one on a page should give
/// each its own prefix (e.g. "figuur-3-aanbeveling").
pub(crate) fn table_with_prefix(spec: &Spec, prefix: &str) -> Element {
    Element::new("div")
        .attr("class", "recommendations")
        .children(spec.groups.iter().map(|group| {
            let audience = slug(group.audience.as_str());
            let items = group.items.iter().enumerate().map(|(i, item)| {
                Element::new("li")
                    .attr("id", format!("{prefix}-{audience}-{}", i + 1))
                    .text(item.to_string())
            });
            Element::new("div")
                .child(
                    Element::new("p").child(
                        Element::new("strong").text(audience_label(group.audience.as_str())),
                    ),
                )
                .child(Element::new("ol").children(items))
        }))
}

/// An audience as it may appear in an id: lower case letters and digits, other characters
/// turned into single hyphens.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "groep".to_string()
    } else {
        trimmed.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::tests::parse_yaml_block;
    use crate::blocks::{Block, Kind};
    use crate::palette::test_palette as palette;

    fn group(audience: &str, items: usize) -> Group {
        Group {
            audience: Text(audience.into()),
            items: (1..=items)
                .map(|i| Text(format!("Aanbeveling {i}")))
                .collect(),
        }
    }

    fn messages(spec: &Spec) -> Vec<String> {
        validate(spec)
            .into_iter()
            .map(|p| format!("{} | {}", p.message, p.hint))
            .collect()
    }

    #[test]
    fn a_valid_block_has_no_problems() {
        let spec = Spec::from_groups(vec![group("organisaties", 4), group("professionals", 30)]);
        assert!(validate(&spec).is_empty());
    }

    #[test]
    fn groups_must_number_one_to_eight() {
        let none = messages(&Spec::from_groups(vec![]));
        assert_eq!(none.len(), 1);
        assert!(none[0].contains("no audiences"), "{none:?}");
        let nine: Vec<Group> = (0..9).map(|_| group("organisaties", 1)).collect();
        let many = messages(&Spec::from_groups(nine));
        assert!(many[0].contains("9 audiences"), "{many:?}");
    }

    #[test]
    fn each_group_needs_one_to_thirty_items() {
        let m = messages(&Spec::from_groups(vec![
            group("organisaties", 0),
            group("opleidingen", 31),
        ]));
        assert_eq!(m.len(), 2, "{m:?}");
        assert!(m[0].contains("recommendations for `organisaties` are empty"));
        assert!(m[1].contains("`opleidingen` has 31 recommendations"));
    }

    #[test]
    fn an_unknown_audience_gets_the_closest_one_suggested() {
        let m = messages(&Spec::from_groups(vec![group("organisatie", 1)]));
        assert_eq!(m.len(), 1);
        assert!(
            m[0].contains("`organisatie` is not a known audience"),
            "{m:?}"
        );
        assert!(m[0].contains("did you mean `organisaties`?"), "{m:?}");
        let far = messages(&Spec::from_groups(vec![group("ouders", 1)]));
        assert!(far[0].contains("use one of: organisaties"), "{far:?}");
    }

    #[test]
    fn an_audience_declared_by_the_site_is_accepted() {
        let spec = Spec::from_groups(vec![group("gemeenten", 1)]);
        assert_eq!(validate(&spec).len(), 1);
        assert!(validate_for(&spec, &["organisaties", "gemeenten"]).is_empty());
    }

    #[test]
    fn an_audience_may_appear_only_once() {
        let m = messages(&Spec::from_groups(vec![
            group("organisaties", 1),
            group("professionals", 1),
            group("organisaties", 2),
        ]));
        assert_eq!(m.len(), 1);
        assert!(
            m[0].contains("`organisaties` appears more than once"),
            "{m:?}"
        );
    }

    #[test]
    fn labels_name_the_audience() {
        assert_eq!(audience_label("organisaties"), "Voor organisaties");
        assert_eq!(
            audience_label("bestuurders"),
            "Voor bestuurders en beleidsmakers"
        );
        assert_eq!(audience_label("gemeenten"), "Voor gemeenten");
    }

    #[test]
    fn the_description_counts_per_audience() {
        let spec = Spec::from_groups(vec![
            group("organisaties", 4),
            group("opleidingen", 4),
            group("professionals", 3),
        ]);
        assert_eq!(
            describe(&spec),
            "11 aanbevelingen voor organisaties (4), opleidingen (4) en professionals (3)."
        );
        let one = Spec::from_groups(vec![group("bestuurders", 1)]);
        assert_eq!(
            describe(&one),
            "1 aanbeveling voor bestuurders en beleidsmakers."
        );
    }

    #[test]
    fn items_get_ids_for_deep_links() {
        let spec = Spec::from_groups(vec![group("organisaties", 2), group("professionals", 1)]);
        let html = table(&spec).to_markup();
        assert_eq!(
            html,
            "<div class=\"recommendations\"><div><p><strong>Voor organisaties</strong></p><ol><li id=\"aanbeveling-organisaties-1\">Aanbeveling 1</li><li id=\"aanbeveling-organisaties-2\">Aanbeveling 2</li></ol></div><div><p><strong>Voor professionals</strong></p><ol><li id=\"aanbeveling-professionals-1\">Aanbeveling 1</li></ol></div></div>"
        );
        let other = table_with_prefix(&spec, "figuur-2-aanbeveling").to_markup();
        assert!(other.contains("id=\"figuur-2-aanbeveling-organisaties-1\""));
    }

    #[test]
    fn ids_are_safe_for_any_declared_audience() {
        assert_eq!(slug("Jeugd & Gezin"), "jeugd-gezin");
        assert_eq!(slug("<>"), "groep");
        assert_eq!(slug("Ouders/verzorgers"), "ouders-verzorgers");
    }

    #[test]
    fn the_title_defaults_to_aanbevelingen() {
        let Ok(Block::Recommendations(s)) = parse_yaml_block(
            Kind::Recommendations,
            "- audience: organisaties\n  items: [Stimuleer een lerende cultuur.]\n",
        ) else {
            panic!("does not parse")
        };
        let d = layout(&s, &palette());
        assert_eq!(d.title, "Aanbevelingen");
        let circles = d.body.iter().filter(|e| e.name() == "circle").count();
        assert_eq!(circles, 1);
    }
}
