//! `recommendations`: recommendation lists per audience, e.g. "Voor organisaties", "Voor
//! opleidingen", "Voor professionals" in the summary of Al doende leren.

use serde::Deserialize;

use super::Problem;
use super::values::Text;
use crate::markup::Element;
use crate::palette::Palette;
use crate::svg::Drawing;

/// The audiences every site knows. Sites may declare more in `site.yaml`.
pub(crate) const AUDIENCES: &[&str] = &[
    "organisaties",
    "opleidingen",
    "professionals",
    "bestuurders",
];

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
}

/// Placeholder checks.
pub(crate) fn validate(spec: &Spec) -> Vec<Problem> {
    super::values::check_len("the list of audiences", spec.groups.len())
        .into_iter()
        .collect()
}

/// Placeholder layout.
pub(crate) fn layout(_spec: &Spec, _palette: &Palette) -> Drawing {
    unimplemented!("recommendations layout")
}

/// Placeholder table.
pub(crate) fn table(_spec: &Spec) -> Element {
    unimplemented!("recommendations table")
}
