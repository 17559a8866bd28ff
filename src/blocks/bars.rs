//! `bars`: grouped horizontal bars for respondent tables (Tabel 1 and 2 of Al doende leren,
//! Tabel 1 of Ruimte om van betekenis te zijn).

use serde::Deserialize;

use super::Problem;
use super::values::{Count, Text};
use crate::markup::Element;
use crate::palette::Palette;
use crate::svg::Drawing;

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
    /// Caption (e.g. the source).
    pub(crate) caption: Option<String>,
    /// Unit of the values (e.g. "respondenten").
    pub(crate) unit: Option<Text>,
    /// The total the values of each group are part of; no group may exceed it.
    pub(crate) total: Option<Count>,
    /// The groups.
    pub(crate) groups: Vec<Group>,
}

/// Placeholder checks.
pub(crate) fn validate(spec: &Spec) -> Vec<Problem> {
    super::values::check_len("`groups`", spec.groups.len())
        .into_iter()
        .collect()
}

/// Placeholder layout.
pub(crate) fn layout(_spec: &Spec, _palette: &Palette) -> Drawing {
    unimplemented!("bars layout")
}

/// Placeholder table.
pub(crate) fn table(_spec: &Spec) -> Element {
    unimplemented!("bars table")
}
