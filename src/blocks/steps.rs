//! `steps`: numbered tiles, e.g. the five things that make the work attractive (summary of
//! Ruimte om van betekenis te zijn).

use serde::Deserialize;

use super::Problem;
use super::values::Text;
use crate::markup::Element;
use crate::palette::Palette;
use crate::svg::Drawing;

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
    /// Caption.
    pub(crate) caption: Option<String>,
    /// The tiles in order.
    pub(crate) items: Vec<Item>,
}

/// Placeholder checks.
pub(crate) fn validate(spec: &Spec) -> Vec<Problem> {
    super::values::check_len("`items`", spec.items.len())
        .into_iter()
        .collect()
}

/// Placeholder layout.
pub(crate) fn layout(_spec: &Spec, _palette: &Palette) -> Drawing {
    unimplemented!("steps layout")
}

/// Placeholder table.
pub(crate) fn table(_spec: &Spec) -> Element {
    unimplemented!("steps table")
}
