//! `quadrant`: 2×2 models, e.g. the NJi model "Elementen van vakmanschap" (inhoud/ontwikkeling
//! × specifiek/generiek).

use serde::Deserialize;

use super::Problem;
use super::values::Text;
use crate::markup::Element;
use crate::palette::Palette;
use crate::svg::Drawing;

/// One quadrant.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Cell {
    /// Name of the element.
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
    /// Labels of the left and right column.
    pub(crate) x: [Text; 2],
    /// Labels of the top and bottom row.
    pub(crate) y: [Text; 2],
    /// Four cells, row by row: top-left, top-right, bottom-left, bottom-right.
    pub(crate) cells: Vec<Cell>,
}

/// Placeholder checks.
pub(crate) fn validate(_spec: &Spec) -> Vec<Problem> {
    Vec::new()
}

/// Placeholder layout.
pub(crate) fn layout(_spec: &Spec, _palette: &Palette) -> Drawing {
    unimplemented!("quadrant layout")
}

/// Placeholder table.
pub(crate) fn table(_spec: &Spec) -> Element {
    unimplemented!("quadrant table")
}
