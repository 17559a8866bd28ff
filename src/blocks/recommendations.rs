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
use crate::messages;
use crate::palette::Paint;
use crate::svg::{self, Anchor, Drawing, PAD, SMALL, TEXT, TextStyle, WIDTH};

/// The audiences every site knows, with their headings. Sites may declare more in
/// `site.yaml`, and give any audience another heading there.
pub(crate) const AUDIENCES: &[(&str, &str)] = &[
    ("organisaties", "Voor organisaties"),
    ("opleidingen", "Voor opleidingen"),
    ("professionals", "Voor professionals"),
    ("bestuurders", "Voor bestuurders en beleidsmakers"),
];

/// An audience of recommendations as the site knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Audience {
    /// What editors write in a block (`organisaties`).
    pub(crate) name: String,
    /// Its form in URLs and ids (`organisaties`, `jeugd-en-gezin`).
    pub(crate) slug: String,
    /// Its heading ("Voor organisaties").
    pub(crate) label: String,
}

impl Audience {
    /// The audience `name`, headed `label` ("Voor <name>" when there is none).
    pub(crate) fn new(name: &str, label: Option<&str>) -> Audience {
        Audience {
            name: name.to_string(),
            slug: crate::slug::slugify(name),
            label: label.map_or_else(|| format!("Voor {name}"), str::to_string),
        }
    }

    /// Who they are, as the words after "voor": "Voor bestuurders en beleidsmakers" →
    /// "bestuurders en beleidsmakers".
    pub(crate) fn who(&self) -> &str {
        self.label
            .strip_prefix("Voor ")
            .or_else(|| self.label.strip_prefix("voor "))
            .unwrap_or(&self.label)
    }
}

/// The built-in audiences.
pub(crate) fn builtin() -> Vec<Audience> {
    AUDIENCES
        .iter()
        .map(|(name, label)| Audience::new(name, Some(label)))
        .collect()
}

/// Most audiences in one block.
const MAX_GROUPS: usize = 8;

/// The heading used when the editor wrote none.
const DEFAULT_TITLE: &str = "Aanbevelingen";

/// The recommendations for one audience, as written.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawGroup {
    /// Who they are for (the name of an audience of the site).
    pub(crate) audience: Text,
    /// The recommendations, in order.
    pub(crate) items: Vec<RawItem>,
}

/// One recommendation as written: its text alone (it is then on its report's themes), or its
/// text with the themes it is about.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub(crate) enum RawItem {
    /// The text.
    Text(Text),
    /// The text and its own themes.
    Themed(ThemedItem),
}

/// A recommendation with its own themes.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ThemedItem {
    /// The text.
    pub(crate) text: Text,
    /// The themes it is about.
    pub(crate) themes: Vec<Text>,
}

/// One recommendation, checked.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Item {
    /// The text.
    pub(crate) text: Text,
    /// The themes it is about; `None`: its report's themes.
    pub(crate) themes: Option<Vec<String>>,
}

impl Item {
    /// The text.
    pub(crate) fn as_str(&self) -> &str {
        self.text.as_str()
    }
}

impl std::fmt::Display for Item {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.text.fmt(f)
    }
}

/// What the editor writes: a bare list of groups, or a map with a title.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSpec {
    /// Heading of the graphic (default "Aanbevelingen").
    pub(crate) title: Option<Text>,
    /// Caption.
    pub(crate) caption: Option<String>,
    /// The groups.
    pub(crate) groups: Vec<RawGroup>,
}

impl RawSpec {
    /// The bare-list form.
    pub(crate) fn from_groups(groups: Vec<RawGroup>) -> RawSpec {
        RawSpec {
            title: None,
            caption: None,
            groups,
        }
    }
}

/// The recommendations for one audience, checked.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Group {
    /// Who they are for.
    pub(crate) audience: Audience,
    /// The recommendations, in order.
    pub(crate) items: Vec<Item>,
}

/// A checked block, each group's audience resolved.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Spec {
    /// Heading of the graphic (default "Aanbevelingen").
    pub(crate) title: Option<Text>,
    /// Caption.
    pub(crate) caption: Option<String>,
    /// The groups.
    pub(crate) groups: Vec<Group>,
}

impl Spec {
    /// The heading: the editor's title or "Aanbevelingen".
    fn title(&self) -> &str {
        self.title.as_ref().map_or(DEFAULT_TITLE, Text::as_str)
    }
}

/// 1 to 8 of the site's `audiences`, each once and with 1 to 30 recommendations; the spec with
/// its audiences resolved, or what is wrong.
pub(crate) fn check(raw: RawSpec, known: &[Audience]) -> Result<Spec, Vec<Problem>> {
    let names: Vec<&str> = known.iter().map(|a| a.name.as_str()).collect();
    let problems = validate(&raw, &names);
    if !problems.is_empty() {
        return Err(problems);
    }
    let groups = raw
        .groups
        .into_iter()
        .filter_map(|g| {
            let audience = known.iter().find(|a| a.name == g.audience.as_str())?;
            Some(Group {
                audience: audience.clone(),
                items: g
                    .items
                    .into_iter()
                    .map(|item| match item {
                        RawItem::Text(text) => Item { text, themes: None },
                        RawItem::Themed(t) => Item {
                            text: t.text,
                            themes: Some(
                                t.themes
                                    .iter()
                                    .map(|t| t.as_str().trim().to_string())
                                    .filter(|t| !t.is_empty())
                                    .collect(),
                            ),
                        },
                    })
                    .collect(),
            })
        })
        .collect();
    Ok(Spec {
        title: raw.title,
        caption: raw.caption,
        groups,
    })
}

/// The problems of `spec` against the names of the site's `audiences`.
fn validate(spec: &RawSpec, audiences: &[&str]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let count = spec.groups.len();
    if count == 0 {
        problems.push(Problem::new(
            messages::recommendations_no_audiences(),
            messages::recommendations_no_audiences_hint(messages::join(audiences)),
        ));
    } else if count > MAX_GROUPS {
        problems.push(Problem::new(
            messages::recommendations_too_many_audiences(count, MAX_GROUPS),
            messages::recommendations_too_many_audiences_hint(),
        ));
    }
    let mut seen = HashSet::new();
    for group in &spec.groups {
        let audience = group.audience.as_str();
        if !audiences.contains(&audience) {
            let hint = match suggest(&audience.to_lowercase(), audiences) {
                Some(near) => {
                    messages::recommendations_unknown_audience_near(near, messages::join(audiences))
                }
                None => messages::recommendations_unknown_audience_hint(messages::join(audiences)),
            };
            problems.push(Problem::new(
                messages::recommendations_unknown_audience(audience),
                hint,
            ));
        }
        if !seen.insert(audience) {
            problems.push(Problem::new(
                messages::recommendations_audience_twice(audience),
                messages::recommendations_audience_twice_hint(audience),
            ));
        }
        let items = group.items.len();
        if items == 0 {
            problems.push(Problem::new(
                messages::recommendations_empty(audience),
                messages::recommendations_empty_hint(),
            ));
        } else if items > MAX_ITEMS {
            problems.push(Problem::new(
                messages::recommendations_too_many(audience, items, MAX_ITEMS),
                messages::recommendations_too_many_hint(),
            ));
        }
    }
    problems
}

/// Inner padding of the bands.
const INSET: f64 = 10.0;
/// Radius of the number circles.
const RADIUS: f64 = 11.0;

/// One section per audience: a band with its name, then the numbered recommendations.
pub(crate) fn layout(spec: &Spec) -> Drawing {
    let inner = WIDTH - 2.0 * PAD;
    let (heading, mut y) = svg::heading(spec.title());
    let mut body = vec![heading];
    y += 10.0;
    let band_style = TextStyle::new(TEXT, Paint::Paper).bold();
    let number_style = TextStyle::new(SMALL, Paint::Paper)
        .bold()
        .anchor(Anchor::Middle);
    let item_style = TextStyle::new(TEXT, Paint::Ink);
    let text_left = PAD + 2.0 * RADIUS + 10.0;
    let text_width = WIDTH - PAD - text_left;
    let line = svg::line_height(TEXT);
    for (g, group) in spec.groups.iter().enumerate() {
        if g > 0 {
            y += 8.0;
        }
        let label = svg::wrap(&group.audience.label, inner - 2.0 * INSET, &band_style);
        let band = label.height + 12.0;
        body.push(svg::rect(PAD, y, inner, band, Paint::Primary).num("rx", 4.0));
        body.push(svg::text(PAD + INSET, y + 6.0, &label.lines, &band_style));
        y += band + 10.0;
        for (i, item) in group.items.iter().enumerate() {
            let text = svg::wrap(item.as_str(), text_width, &item_style);
            // The circle is centred on the first line of the text.
            let cy = y + line / 2.0;
            body.push(svg::circle(PAD + RADIUS, cy, RADIUS, Paint::Primary));
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
    let parts: Vec<String> = if spec.groups.len() == 1 {
        vec![spec.groups[0].audience.who().to_string()]
    } else {
        spec.groups
            .iter()
            .map(|g| format!("{} ({})", g.audience.who(), g.items.len()))
            .collect()
    };
    let list = crate::prose::list(&parts);
    format!(
        "{} voor {list}.",
        crate::prose::count(total, "aanbeveling", "aanbevelingen")
    )
}

/// The id of the `n`th (from 1) recommendation for the audience with slug `audience` in the
/// block with id `block` (`aanbevelingen-organisaties-2`): the list item's id on the report
/// page, and the anchor other pages link to. Made here and nowhere else.
pub(crate) fn item_id(block: &str, audience: &str, n: usize) -> String {
    format!("{block}-{audience}-{n}")
}

/// The recommendations on the page: per audience its heading and an ordered list, each item
/// with its `item_id`, so that other pages can link to it.
pub(crate) fn html(spec: &Spec, page: &super::PageContext<'_>) -> Element {
    Element::new("div")
        .attr("class", "recommendations")
        .children(spec.groups.iter().map(|group| {
            let items = group.items.iter().enumerate().map(|(i, item)| {
                Element::new("li")
                    .attr("id", item_id(page.id, &group.audience.slug, i + 1))
                    .text(item.to_string())
            });
            Element::new("div")
                .attr("class", "recommendations-group")
                .child(
                    Element::new("p")
                        .attr("class", "recommendations-audience")
                        .child(Element::new("strong").text(group.audience.label.clone())),
                )
                .child(Element::new("ol").children(items))
        }))
}

/// `recommendations`: see the module doc.
pub(crate) struct Recommendations;

impl super::BlockType for Recommendations {
    type Raw = RawSpec;
    type Spec = Spec;
    const NUMBERING: super::Numbering = super::Numbering::None;

    fn read(
        yaml: &str,
        file: &crate::source::SourceFile,
        at: usize,
        what: &str,
    ) -> Result<RawSpec, crate::diag::Diagnostic> {
        super::read_map_or_list(yaml, file, at, what, RawSpec::from_groups)
    }

    fn check(raw: RawSpec, resolve: &super::Resolve<'_>) -> Result<Spec, Vec<Problem>> {
        check(raw, resolve.audiences)
    }

    fn title(spec: &Spec) -> String {
        spec.title().to_string()
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

    fn group(audience: &str, items: usize) -> RawGroup {
        RawGroup {
            audience: Text(audience.into()),
            items: (1..=items)
                .map(|i| RawItem::Text(Text(format!("Aanbeveling {i}"))))
                .collect(),
        }
    }

    fn checked(groups: Vec<RawGroup>) -> Result<Spec, Vec<Problem>> {
        check(RawSpec::from_groups(groups), &builtin())
    }

    fn messages(groups: Vec<RawGroup>) -> Vec<String> {
        checked(groups)
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|p| format!("{} | {}", p.message, p.hint))
            .collect()
    }

    #[test]
    fn a_valid_block_has_no_problems() {
        let spec = checked(vec![group("organisaties", 4), group("professionals", 30)]).unwrap();
        assert_eq!(spec.groups[1].audience.label, "Voor professionals");
    }

    #[test]
    fn groups_must_number_one_to_eight() {
        let none = messages(vec![]);
        assert_eq!(none.len(), 1);
        assert_eq!(
            none[0],
            "het blok heeft geen doelgroepen | voeg een groep toe met een `audience` (een van organisaties, opleidingen, professionals, bestuurders) en de `items` ervan"
        );
        let nine: Vec<RawGroup> = (0..9).map(|_| group("organisaties", 1)).collect();
        let many = messages(nine);
        assert!(many[0].contains("9 doelgroepen"), "{many:?}");
    }

    #[test]
    fn each_group_needs_one_to_thirty_items() {
        let m = messages(vec![group("organisaties", 0), group("opleidingen", 31)]);
        assert_eq!(m.len(), 2, "{m:?}");
        assert!(
            m[0].contains("geen aanbevelingen bij `organisaties`"),
            "{m:?}"
        );
        assert!(
            m[1].contains("`opleidingen` heeft 31 aanbevelingen"),
            "{m:?}"
        );
    }

    #[test]
    fn an_unknown_audience_gets_the_closest_one_suggested() {
        let m = messages(vec![group("organisatie", 1)]);
        assert_eq!(m.len(), 1);
        assert!(
            m[0].contains("`organisatie` is geen bekende doelgroep"),
            "{m:?}"
        );
        assert!(m[0].contains("bedoel je `organisaties`?"), "{m:?}");
        let far = messages(vec![group("ouders", 1)]);
        assert!(
            far[0].contains("gebruik een van deze: organisaties"),
            "{far:?}"
        );
        let far = crate::messages::speaking(crate::messages::Language::English, || {
            messages(vec![group("ouders", 1)])
        });
        assert!(far[0].contains("use one of: organisaties"), "{far:?}");
    }

    #[test]
    fn an_audience_declared_by_the_site_is_accepted() {
        assert_eq!(messages(vec![group("gemeenten", 1)]).len(), 1);
        let mut known = builtin();
        known.push(Audience::new("gemeenten", None));
        let spec = check(RawSpec::from_groups(vec![group("gemeenten", 1)]), &known).unwrap();
        assert_eq!(spec.groups[0].audience.label, "Voor gemeenten");
    }

    #[test]
    fn an_audience_may_appear_only_once() {
        let m = messages(vec![
            group("organisaties", 1),
            group("professionals", 1),
            group("organisaties", 2),
        ]);
        assert_eq!(m.len(), 1);
        assert!(
            m[0].contains("de doelgroep `organisaties` staat meer dan eens"),
            "{m:?}"
        );
    }

    #[test]
    fn audiences_have_a_slug_a_heading_and_a_who() {
        let bestuurders = &builtin()[3];
        assert_eq!(bestuurders.label, "Voor bestuurders en beleidsmakers");
        assert_eq!(bestuurders.who(), "bestuurders en beleidsmakers");
        let own = Audience::new("Jeugd en gezin", None);
        assert_eq!(own.slug, "jeugd-en-gezin");
        assert_eq!(own.label, "Voor Jeugd en gezin");
    }

    #[test]
    fn the_description_counts_per_audience() {
        let spec = checked(vec![
            group("organisaties", 4),
            group("opleidingen", 4),
            group("professionals", 3),
        ])
        .unwrap();
        assert_eq!(
            describe(&spec),
            "11 aanbevelingen voor organisaties (4), opleidingen (4) en professionals (3)."
        );
        let one = checked(vec![group("bestuurders", 1)]).unwrap();
        assert_eq!(
            describe(&one),
            "1 aanbeveling voor bestuurders en beleidsmakers."
        );
    }

    #[test]
    fn items_get_ids_for_deep_links() {
        let spec = checked(vec![group("organisaties", 2), group("professionals", 1)]).unwrap();
        let href = |u: &str| u.to_string();
        let page = super::super::PageContext {
            id: "aanbevelingen",
            href: &href,
        };
        let html = html(&spec, &page).to_markup();
        assert_eq!(
            html,
            "<div class=\"recommendations\"><div class=\"recommendations-group\"><p class=\"recommendations-audience\"><strong>Voor organisaties</strong></p><ol><li id=\"aanbevelingen-organisaties-1\">Aanbeveling 1</li><li id=\"aanbevelingen-organisaties-2\">Aanbeveling 2</li></ol></div><div class=\"recommendations-group\"><p class=\"recommendations-audience\"><strong>Voor professionals</strong></p><ol><li id=\"aanbevelingen-professionals-1\">Aanbeveling 1</li></ol></div></div>"
        );
    }

    #[test]
    fn a_recommendation_may_name_its_own_themes() {
        let Ok(Block::Recommendations(s)) = parse_yaml_block(
            Kind::Recommendations,
            "- audience: organisaties\n  items:\n    - Eerst.\n    - text: Tweede.\n      themes: [leren, ' zelfzorg ']\n",
        ) else {
            panic!("does not parse")
        };
        let items = &s.groups[0].items;
        assert_eq!(items[0].themes, None);
        assert_eq!(
            items[1].themes,
            Some(vec!["leren".into(), "zelfzorg".into()])
        );
        assert_eq!(items[1].as_str(), "Tweede.");
    }

    #[test]
    fn the_title_defaults_to_aanbevelingen() {
        let Ok(Block::Recommendations(s)) = parse_yaml_block(
            Kind::Recommendations,
            "- audience: organisaties\n  items: [Stimuleer een lerende cultuur.]\n",
        ) else {
            panic!("does not parse")
        };
        let d = layout(&s);
        assert_eq!(d.title, "Aanbevelingen");
        let circles = d.body.iter().filter(|e| e.name() == "circle").count();
        assert_eq!(circles, 1);
    }
}
