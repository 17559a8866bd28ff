//! `figures`: key numbers at a glance, e.g. "12 diepte-interviews" and "78 startende
//! professionals" (Methoden, Al doende leren).

use serde::Deserialize;

use super::Problem;
use super::values::{Count, Text};
use crate::markup::Element;
use crate::palette::Palette;
use crate::svg::Drawing;

/// One key number.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Item {
    /// The number.
    pub(crate) value: Count,
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
            caption: None,
            items,
        }
    }
}

/// TODO(layout): checks.
pub(crate) fn validate(spec: &Spec) -> Vec<Problem> {
    super::values::check_len("`items`", spec.items.len())
        .into_iter()
        .collect()
}

/// Placeholder layout.
pub(crate) fn layout(_spec: &Spec, _palette: &Palette) -> Drawing {
    unimplemented!("figures layout")
}

/// Placeholder table.
pub(crate) fn table(_spec: &Spec) -> Element {
    unimplemented!("figures table")
}
