//! `matrix`: tick tables, e.g. Tabel 3 and 4 of Al doende leren (knowledge used and missed by
//! experienced and starting professionals) and Tabel 2 of Ruimte om van betekenis te zijn.

use serde::Deserialize;

use super::Problem;
use super::values::Text;
use crate::markup::Element;
use crate::palette::Palette;
use crate::svg::Drawing;

/// A cell: a tick (`true`), an empty cell (`false`) or a short text.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub(crate) enum Cell {
    /// `true` or `false`.
    Tick(bool),
    /// A text.
    Text(Text),
}

/// One row.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Row {
    /// Row heading.
    pub(crate) label: Text,
    /// One cell per column.
    pub(crate) cells: Vec<Cell>,
}

/// What the editor writes.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Spec {
    /// Heading of the graphic.
    pub(crate) title: Text,
    /// Caption (e.g. the source).
    pub(crate) caption: Option<String>,
    /// Column headings.
    pub(crate) columns: Vec<Text>,
    /// The rows.
    pub(crate) rows: Vec<Row>,
}

/// Placeholder checks.
pub(crate) fn validate(spec: &Spec) -> Vec<Problem> {
    super::values::check_len("`rows`", spec.rows.len())
        .into_iter()
        .collect()
}

/// Placeholder layout.
pub(crate) fn layout(_spec: &Spec, _palette: &Palette) -> Drawing {
    unimplemented!("matrix layout")
}

/// Placeholder table.
pub(crate) fn table(_spec: &Spec) -> Element {
    unimplemented!("matrix table")
}
