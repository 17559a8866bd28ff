//! The learning route of a persona (De leerroute van Nora, Al doende leren): numbered stops
//! along a path, formal and informal learning told apart by shape and label.
//!
//! Shared by the persona page and the `persona` block.

use serde::Deserialize;

use super::values::Text;
use crate::markup::Element;
use crate::palette::Palette;
use crate::svg::Drawing;

/// Formal (courses, training) or informal (in the daily work) learning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum LearningKind {
    /// Training, courses.
    Formeel,
    /// Learning in the daily work.
    Informeel,
}

impl LearningKind {
    /// Dutch label.
    pub(crate) fn label(self) -> &'static str {
        match self {
            LearningKind::Formeel => "formeel leren",
            LearningKind::Informeel => "informeel leren",
        }
    }
}

/// One stop of the route.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Stop {
    /// Name of the stop.
    pub(crate) title: Text,
    /// Formal or informal.
    pub(crate) kind: LearningKind,
    /// What the persona learns there.
    pub(crate) text: Option<Text>,
}

/// Placeholder layout of `name`'s route.
pub(crate) fn layout(_name: &str, _stops: &[Stop], _palette: &Palette) -> Drawing {
    unimplemented!("route layout")
}

/// Placeholder list.
pub(crate) fn list(_stops: &[Stop]) -> Element {
    unimplemented!("route list")
}
