//! `quote`: an interview quote with its attribution, e.g. "Het is net als autorijden: ..."
//! (a professional quoted in the summary of Al doende leren).

use serde::Deserialize;

use super::Problem;
use super::values::Text;
use crate::markup::Element;
use crate::palette::Paint;
use crate::svg::{self, Drawing, PAD, SMALL, TEXT, TextStyle, WIDTH};

/// What the editor writes.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Spec {
    /// The quoted words, without quotation marks.
    pub(crate) text: Text,
    /// Who said it (a role, e.g. "Jeugdbeschermer").
    pub(crate) who: Option<Text>,
    /// Where or when it was said.
    pub(crate) context: Option<String>,
}

/// The accessible title.
pub(crate) fn title(spec: &Spec) -> String {
    match &spec.who {
        Some(who) => format!("Citaat: {who}"),
        None => "Citaat".to_string(),
    }
}

/// A card: a large quotation mark, the words in italics and the attribution.
pub(crate) fn layout(spec: &Spec) -> Drawing {
    let bar = 6.0;
    let left = PAD + bar + 14.0;
    let width = WIDTH - left - PAD;
    let body_style = TextStyle::new(TEXT + 2.0, Paint::Ink).italic();
    let words = svg::wrap(&format!("“{}”", spec.text), width, &body_style);
    let mut body = Vec::new();
    let mut y = PAD + 8.0;
    body.push(svg::text(left, y, &words.lines, &body_style));
    y += words.height + 6.0;
    if let Some(who) = &spec.who {
        let style = TextStyle::new(SMALL + 0.5, Paint::Muted).bold();
        let who = svg::wrap(&format!("— {who}"), width, &style);
        body.push(svg::text(left, y, &who.lines, &style));
        y += who.height;
    }
    let height = y + PAD + 4.0;
    body.insert(
        0,
        svg::rect(PAD, PAD, bar, height - 2.0 * PAD, Paint::Primary),
    );
    let desc = match &spec.who {
        Some(who) => format!("{who}: “{}”", spec.text),
        None => format!("“{}”", spec.text),
    };
    Drawing {
        width: WIDTH,
        height,
        title: title(spec),
        desc,
        body,
    }
}

/// The quote on the page: a `<figure>` with the words as a `<blockquote>` and who said it, and
/// where, as its `<figcaption>`. Not numbered.
pub(crate) fn html(spec: &Spec) -> Element {
    let quote = Element::new("blockquote")
        .child(Element::new("p").text(format!("\u{201c}{}\u{201d}", spec.text)));
    let attribution = match (&spec.who, &spec.context) {
        (Some(who), Some(context)) => Some(format!("\u{2014} {who}, {context}")),
        (Some(who), None) => Some(format!("\u{2014} {who}")),
        (None, Some(context)) => Some(format!("\u{2014} {context}")),
        (None, None) => None,
    };
    let figure = Element::new("figure").attr("class", "quote").child(quote);
    match attribution {
        Some(text) => figure.child(Element::new("figcaption").text(text)),
        None => figure,
    }
}

/// `quote`: see the module doc.
pub(crate) struct Quote;

impl super::BlockType for Quote {
    type Raw = Spec;
    type Spec = Spec;
    const NUMBERING: super::Numbering = super::Numbering::None;
    const IMAGE: bool = false;

    fn check(raw: Spec, _: &super::Resolve<'_>) -> Result<Spec, Vec<Problem>> {
        Ok(raw)
    }

    fn title(spec: &Spec) -> String {
        title(spec)
    }

    /// The context ("Interview, jeugdbeschermer") is the caption.
    fn caption(spec: &Spec) -> Option<&str> {
        spec.context.as_deref()
    }

    fn layout(spec: &Spec) -> Drawing {
        layout(spec)
    }

    fn html(spec: &Spec, _: &super::PageContext<'_>) -> Element {
        html(spec)
    }
}
