//! `flow`: process diagrams in stages, e.g. Figuur 1 of Al doende leren (Dataverzameling →
//! Analyse → Rapporteren).

use serde::Deserialize;

use super::Problem;
use super::values::{Count, Text};
use crate::markup::Element;
use crate::palette::Palette;
use crate::svg::Drawing;

/// One step of a stage.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Step {
    /// What happens.
    pub(crate) title: Text,
    /// More words.
    pub(crate) text: Option<Text>,
    /// A count (e.g. number of interviews).
    pub(crate) n: Option<Count>,
}

/// One stage.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Stage {
    /// Name of the stage.
    pub(crate) name: Text,
    /// Its steps.
    pub(crate) steps: Vec<Step>,
}

/// What the editor writes.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Spec {
    /// Heading of the graphic.
    pub(crate) title: Text,
    /// Caption.
    pub(crate) caption: Option<String>,
    /// The stages in order.
    pub(crate) stages: Vec<Stage>,
}

/// Placeholder checks.
pub(crate) fn validate(spec: &Spec) -> Vec<Problem> {
    super::values::check_len("`stages`", spec.stages.len())
        .into_iter()
        .collect()
}

/// Placeholder layout.
pub(crate) fn layout(_spec: &Spec, _palette: &Palette) -> Drawing {
    unimplemented!("flow layout")
}

/// Placeholder table.
pub(crate) fn table(_spec: &Spec) -> Element {
    unimplemented!("flow table")
}
