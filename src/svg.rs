//! SVG documents for infographics: the outer `<svg>` with its accessible name and description,
//! and helpers for the shapes and wrapped text that block layouts are made of.
//!
//! Built on `markup`, which does all escaping. Blocks produce a `Drawing`; the renderer turns it
//! into inline SVG, a standalone `.svg` file and (through `raster`) a PNG.

use crate::font::{self, FONT_STACK, Weight};
use crate::markup::{Element, fmt_num};
use crate::palette::{Paint, Palette};

/// Width of every infographic in user units. Graphics scale to the column; at this width text
/// of `TEXT` size stays readable on a 320 px screen.
pub(crate) const WIDTH: f64 = 360.0;
/// Outer margin.
pub(crate) const PAD: f64 = 12.0;
/// Size of the graphic's own title.
pub(crate) const TITLE: f64 = 17.0;
/// Size of body text.
pub(crate) const TEXT: f64 = 14.0;
/// Size of small print (notes, units).
pub(crate) const SMALL: f64 = 12.5;

/// Largest side of a rendered PNG, in pixels: a graphic whose PNG would be larger is a content
/// error of its block (the model checks it when the block is laid out).
pub(crate) const MAX_SIDE: u32 = 8000;
/// The scale of a graphic's PNG download: 2 pixels per user unit, sharp on slides and in print.
pub(crate) const DOWNLOAD_SCALE: f64 = 2.0;

/// Distance between baselines for a font size.
pub(crate) fn line_height(size: f64) -> f64 {
    size * 1.3
}

/// A laid-out graphic: its size, accessible title and description, and its shapes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Drawing {
    /// Width in user units.
    pub(crate) width: f64,
    /// Height in user units.
    pub(crate) height: f64,
    /// Accessible name (also drawn as the heading of the graphic by most layouts).
    pub(crate) title: String,
    /// One or two sentences saying what the graphic shows.
    pub(crate) desc: String,
    /// The shapes, drawn in order.
    pub(crate) body: Vec<Element>,
}

impl Drawing {
    /// Serializes the drawing as a complete SVG element in `palette`'s colours. `id` must be
    /// unique on the page; it prefixes the ids of `<title>` and `<desc>`, which
    /// `aria-labelledby` points at.
    pub(crate) fn to_svg(&self, id: &str, palette: &Palette) -> String {
        let [title_id, desc_id] = Drawing::label_ids(id);
        Element::new("svg")
            .attr("xmlns", "http://www.w3.org/2000/svg")
            .attr(
                "viewBox",
                format!("0 0 {} {}", fmt_num(self.width), fmt_num(self.height)),
            )
            .num("width", self.width)
            .num("height", self.height)
            .attr("role", "img")
            .attr("aria-labelledby", format!("{title_id} {desc_id}"))
            .attr("font-family", FONT_STACK)
            .attr("class", "graphic")
            .child(
                Element::new("title")
                    .attr("id", title_id)
                    .text(self.title.clone()),
            )
            .child(
                Element::new("desc")
                    .attr("id", desc_id)
                    .text(self.desc.clone()),
            )
            .child(
                Element::new("rect")
                    .num("width", self.width)
                    .num("height", self.height)
                    .paint("fill", Paint::Paper),
            )
            .children(self.body.iter().cloned())
            .to_markup_painted(palette)
    }

    /// The ids of the `<title>` and `<desc>` of the drawing with id `id`.
    pub(crate) fn label_ids(id: &str) -> [String; 2] {
        [format!("{id}-title"), format!("{id}-desc")]
    }

    /// The size of the drawing's PNG at `scale`, in whole pixels.
    pub(crate) fn pixels(&self, scale: f64) -> (u32, u32) {
        let px = |v: f64| (v * scale).ceil().clamp(0.0, f64::from(u32::MAX)) as u32;
        (px(self.width), px(self.height))
    }
}

/// Horizontal alignment of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// Left aligned at x.
    Start,
    /// Centred on x.
    Middle,
    /// Right aligned at x.
    End,
}

/// How a run of text looks.
#[derive(Debug, Clone)]
pub(crate) struct TextStyle {
    /// Font size in user units.
    pub(crate) size: f64,
    /// Weight.
    pub(crate) weight: Weight,
    /// Fill colour.
    pub(crate) fill: Paint,
    /// Alignment.
    pub(crate) anchor: Anchor,
    /// Italic (quotes).
    pub(crate) italic: bool,
}

impl TextStyle {
    /// Regular text of `size` in `fill`, left aligned.
    pub(crate) fn new(size: f64, fill: Paint) -> Self {
        TextStyle {
            size,
            weight: Weight::Regular,
            fill,
            anchor: Anchor::Start,
            italic: false,
        }
    }

    /// The same, bold.
    pub(crate) fn bold(mut self) -> Self {
        self.weight = Weight::Bold;
        self
    }

    /// The same, italic.
    pub(crate) fn italic(mut self) -> Self {
        self.italic = true;
        self
    }

    /// The same, with another alignment.
    pub(crate) fn anchor(mut self, anchor: Anchor) -> Self {
        self.anchor = anchor;
        self
    }
}

/// Text wrapped into `max_width`: the lines and the height they take.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    /// The lines after wrapping.
    pub(crate) lines: Vec<String>,
    /// Total height: one line height per line.
    pub(crate) height: f64,
}

/// Wraps `text` for `style` into `max_width`.
pub(crate) fn wrap(text: &str, max_width: f64, style: &TextStyle) -> Block {
    let lines = font::wrap(text, max_width, style.size, style.weight);
    let height = lines.len() as f64 * line_height(style.size);
    Block { lines, height }
}

/// A `<text>` element with one `<tspan>` per line; `top` is the top of the first line's box.
pub(crate) fn text(x: f64, top: f64, lines: &[String], style: &TextStyle) -> Element {
    let lh = line_height(style.size);
    // Baseline sits about 0.95 em below the top of a 1.3 em line box.
    let first_baseline = top + style.size * 0.95 + (lh - style.size) / 2.0 - style.size * 0.1;
    let mut el = Element::new("text")
        .num("x", x)
        .num("y", first_baseline)
        .num("font-size", style.size)
        .paint("fill", style.fill);
    if style.weight == Weight::Bold {
        el = el.attr("font-weight", "700");
    }
    if style.italic {
        el = el.attr("font-style", "italic");
    }
    match style.anchor {
        Anchor::Start => {}
        Anchor::Middle => el = el.attr("text-anchor", "middle"),
        Anchor::End => el = el.attr("text-anchor", "end"),
    }
    if lines.len() == 1 {
        return el.text(lines[0].clone());
    }
    for (i, line) in lines.iter().enumerate() {
        let span = Element::new("tspan").num("x", x);
        let span = if i == 0 { span } else { span.num("dy", lh) };
        el.push(span.text(line.clone()));
    }
    el
}

/// The graphic's title as its heading: bold, wrapped to the width, at the top left. Returns the
/// text and the y where the content below it starts.
pub(crate) fn heading(title: &str) -> (Element, f64) {
    let style = TextStyle::new(TITLE, Paint::Ink).bold();
    let lines = wrap(title, WIDTH - 2.0 * PAD, &style);
    (text(PAD, PAD, &lines.lines, &style), PAD + lines.height)
}

/// A rectangle.
pub(crate) fn rect(x: f64, y: f64, width: f64, height: f64, fill: Paint) -> Element {
    Element::new("rect")
        .num("x", x)
        .num("y", y)
        .num("width", width.max(0.0))
        .num("height", height.max(0.0))
        .paint("fill", fill)
}

/// A straight line.
pub(crate) fn line(x1: f64, y1: f64, x2: f64, y2: f64, stroke: Paint, width: f64) -> Element {
    Element::new("line")
        .num("x1", x1)
        .num("y1", y1)
        .num("x2", x2)
        .num("y2", y2)
        .paint("stroke", stroke)
        .num("stroke-width", width)
}

/// A circle.
pub(crate) fn circle(cx: f64, cy: f64, r: f64, fill: Paint) -> Element {
    Element::new("circle")
        .num("cx", cx)
        .num("cy", cy)
        .num("r", r.max(0.0))
        .paint("fill", fill)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn palette() -> Palette {
        Palette {
            paper: "#ffffff".into(),
            ink: "#1a1a1a".into(),
            muted: "#555555".into(),
            primary: "#0b5394".into(),
            secondary: "#7a3e00".into(),
            tint: "#eef3f8".into(),
            line: "#767676".into(),
        }
    }

    #[test]
    fn a_drawing_has_role_title_and_description() {
        let d = Drawing {
            width: 100.0,
            height: 50.0,
            title: "Respondenten <per> functie".into(),
            desc: "De grootste groep & meer".into(),
            body: vec![rect(0.0, 0.0, 10.0, 10.0, Paint::Ink)],
        };
        let svg = d.to_svg("fig-1", &palette());
        assert!(
            svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 50\"")
        );
        assert!(svg.contains("role=\"img\" aria-labelledby=\"fig-1-title fig-1-desc\""));
        assert!(svg.contains("<title id=\"fig-1-title\">Respondenten &lt;per&gt; functie</title>"));
        assert!(svg.contains("<desc id=\"fig-1-desc\">De grootste groep &amp; meer</desc>"));
    }

    #[test]
    fn multi_line_text_uses_tspans() {
        let style = TextStyle::new(14.0, Paint::Ink);
        let el = text(5.0, 0.0, &["een".into(), "twee".into()], &style).to_markup();
        assert!(
            el.contains("<tspan x=\"5\">een</tspan><tspan x=\"5\" dy=\"18.2\">twee</tspan>"),
            "{el}"
        );
    }
}
