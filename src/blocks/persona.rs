//! `persona`: embeds a persona's profile card and learning route in a report, e.g. "De
//! leerroute van Nora" in Al doende leren. The persona itself is a content file; the block only
//! names it, and the model resolves the name to a `Card` when the block is parsed.

use serde::Deserialize;

use super::route::{self, Stop};
use super::values::Text;
use crate::markup::Element;
use crate::palette::Palette;
use crate::svg::Drawing;

/// What the editor writes.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Spec {
    /// The persona's slug (its file name, e.g. `nora`).
    pub(crate) id: String,
}

/// Everything the card shows, taken from the persona's front matter.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Card {
    /// Slug.
    pub(crate) id: String,
    /// Name.
    pub(crate) name: String,
    /// Age.
    pub(crate) age: Option<u32>,
    /// Education, in order.
    pub(crate) education: Vec<String>,
    /// Work experience.
    pub(crate) experience: Option<String>,
    /// Site-relative URL of the persona page.
    pub(crate) url: String,
    /// The learning route.
    pub(crate) route: Vec<Stop>,
}

/// Placeholder layout: the route graphic with the profile above it.
pub(crate) fn layout(card: &Card, palette: &Palette) -> Drawing {
    route::layout(&card.name, &card.route, palette)
}

/// Placeholder: the profile and the route as HTML.
pub(crate) fn table(card: &Card) -> Element {
    let _ = Text(card.name.clone());
    route::list(&card.route)
}
