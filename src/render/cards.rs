//! Social cards: a 1200×630 PNG per report (site, title, edition and a key figure) for
//! OpenGraph and Twitter, and the escaping that keeps JSON safe inside a `<script>` (the
//! report's JSON-LD is written by `cite`).

use crate::blocks::Block;
use crate::font::Weight;
#[cfg(test)]
use crate::markup::Element;
use crate::model::Report;
use crate::palette::Paint;
#[cfg(test)]
use crate::palette::Palette;
use crate::raster::{self, RasterError};
use crate::svg::{self, TextStyle};

mod encode;
mod paint;

pub(crate) use paint::CardPainter;

/// Card width in pixels.
pub(crate) const WIDTH: f64 = 1200.0;
/// Card height in pixels.
pub(crate) const HEIGHT: f64 = 630.0;

/// What differs from card to card: the texts of one report. Everything else on a card (the
/// site's title, the colours, the shapes) is the same for every report of a site.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct CardText {
    /// The report's title.
    pub(crate) title: String,
    /// Series and edition, joined with " · " (empty when it has neither).
    pub(crate) detail: String,
    /// The first key figure: its value as shown and its label.
    pub(crate) figure: Option<(String, String)>,
    /// The report's summary.
    pub(crate) summary: Option<String>,
}

impl CardText {
    /// The texts of `report`'s card.
    pub(crate) fn of(report: &Report) -> CardText {
        CardText {
            title: report.common.title.clone(),
            detail: [report.series.as_deref(), report.edition.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · "),
            figure: key_figure(report),
            summary: report.common.summary.clone(),
        }
    }
}

/// The first key figure of a report: the first item of its first `figures` block.
fn key_figure(report: &Report) -> Option<(String, String)> {
    report
        .common
        .body
        .figures
        .iter()
        .find_map(|f| match &f.block {
            Block::Figures(spec) => spec
                .items
                .first()
                .map(|item| (crate::blocks::figures::shown(item), item.label.to_string())),
            _ => None,
        })
}

/// Lines of `text` that fit `width`, at most `max` of them (the last one shortened with "…").
fn fit(text: &str, width: f64, style: &TextStyle, max: usize) -> Vec<String> {
    let mut lines = svg::wrap(text, width, style).lines;
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            // Drop whole words until the ellipsis fits.
            while crate::font::measure(&format!("{last} …"), style.size, style.weight) > width {
                match last.rsplit_once(' ') {
                    Some((head, _)) => *last = head.to_string(),
                    None => {
                        last.pop();
                    }
                }
                if last.is_empty() {
                    break;
                }
            }
            last.push_str(" …");
        }
    }
    lines
}

/// The colour roles text on a card is drawn in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum TextColour {
    Primary,
    Ink,
    Muted,
}

impl TextColour {
    /// The colour role of the palette this text is drawn in.
    #[cfg(test)]
    pub(crate) fn paint(self) -> Paint {
        match self {
            TextColour::Primary => Paint::Primary,
            TextColour::Ink => Paint::Ink,
            TextColour::Muted => Paint::Muted,
        }
    }
}

/// One line of text on a card, placed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    /// Where the line starts, or its middle for a centred line.
    pub(crate) x: f64,
    /// The baseline.
    pub(crate) y: f64,
    pub(crate) size: f64,
    pub(crate) weight: Weight,
    pub(crate) colour: TextColour,
    /// Centred on `x` (else it starts there).
    pub(crate) centred: bool,
    pub(crate) text: String,
}

/// The top bar: a full-width band of the primary colour, this tall.
pub(crate) const BAR: f64 = 18.0;

/// The tile of the key figure (x, y, width, height, corner radius), in the tint colour.
pub(crate) const TILE: (f64, f64, f64, f64, f64) = (WIDTH - PAD - 290.0, 150.0, 290.0, 330.0, 16.0);

/// Margin left and right.
const PAD: f64 = 72.0;

/// Lines of `text` for `style`, one under the other, the first line's box at `top`.
fn lines(x: f64, top: f64, texts: Vec<String>, style: &TextStyle, colour: TextColour) -> Vec<Line> {
    let lh = svg::line_height(style.size);
    // As `svg::text` places a baseline in a line box.
    let first = top + style.size * 0.95 + (lh - style.size) / 2.0 - style.size * 0.1;
    texts
        .into_iter()
        .enumerate()
        .map(|(i, text)| Line {
            x,
            y: first + i as f64 * lh,
            size: style.size,
            weight: style.weight,
            colour,
            centred: style.anchor == svg::Anchor::Middle,
            text,
        })
        .collect()
}

/// The line of a site's title, the same on every card of the site.
pub(crate) fn site_line(site_title: &str) -> Line {
    let style = TextStyle::new(30.0, Paint::Primary).bold();
    let texts = fit(site_title, WIDTH - 2.0 * PAD, &style, 1);
    lines(PAD, 70.0, texts, &style, TextColour::Primary).remove(0)
}

/// Where every text of `card` goes. The site's title goes above them (`site_line`), and the
/// tile of the key figure (`TILE`) behind the figure's lines when `card.figure` is there.
pub(crate) fn layout(card: &CardText) -> Vec<Line> {
    let inner = WIDTH - 2.0 * PAD;
    let mut out = Vec::new();
    let mut y = 132.0;
    let title_width = if card.figure.is_some() {
        inner - 330.0
    } else {
        inner
    };
    let title_style = TextStyle::new(68.0, Paint::Ink).bold();
    let title = fit(&card.title, title_width, &title_style, 3);
    y += title.len() as f64 * svg::line_height(68.0) + 16.0;
    out.extend(lines(PAD, 132.0, title, &title_style, TextColour::Ink));
    if !card.detail.is_empty() {
        let style = TextStyle::new(32.0, Paint::Muted);
        let texts = fit(&card.detail, title_width, &style, 2);
        out.extend(lines(PAD, y, texts, &style, TextColour::Muted));
    }
    if let Some((value, label)) = &card.figure {
        let middle = TILE.0 + TILE.2 / 2.0;
        let value_style = TextStyle::new(96.0, Paint::Primary)
            .bold()
            .anchor(svg::Anchor::Middle);
        let texts = fit(value, 260.0, &value_style, 1);
        out.extend(lines(
            middle,
            185.0,
            texts,
            &value_style,
            TextColour::Primary,
        ));
        let label_style = TextStyle::new(30.0, Paint::Primary).anchor(svg::Anchor::Middle);
        let texts = fit(label, 250.0, &label_style, 4);
        out.extend(lines(middle, 320.0, texts, &label_style, TextColour::Ink));
    }
    if let Some(summary) = &card.summary {
        let style = TextStyle::new(26.0, Paint::Muted);
        let texts = fit(summary, inner, &style, 2);
        out.extend(lines(PAD, 500.0, texts, &style, TextColour::Muted));
    }
    out
}

/// The card as an SVG drawing, for resvg: the form the card had before it was painted
/// directly, kept to check the painter against.
#[cfg(test)]
pub(crate) fn drawing(card: &CardText, site_title: &str) -> svg::Drawing {
    let mut body = vec![svg::rect(0.0, 0.0, WIDTH, BAR, Paint::Primary)];
    if card.figure.is_some() {
        let (x, y, w, h, r) = TILE;
        body.push(
            Element::new("rect")
                .num("x", x)
                .num("y", y)
                .num("width", w)
                .num("height", h)
                .num("rx", r)
                .paint("fill", Paint::Tint),
        );
    }
    for line in std::iter::once(site_line(site_title)).chain(layout(card)) {
        let mut el = Element::new("text")
            .num("x", line.x)
            .num("y", line.y)
            .num("font-size", line.size)
            .paint("fill", line.colour.paint());
        if line.weight == Weight::Bold {
            el = el.attr("font-weight", "700");
        }
        if line.centred {
            el = el.attr("text-anchor", "middle");
        }
        body.push(el.text(line.text.clone()));
    }
    svg::Drawing {
        width: WIDTH,
        height: HEIGHT,
        title: card.title.clone(),
        desc: card.title.clone(),
        body,
    }
}

/// The PNG of `card`, from the caches of `raster` or painted by `painter`.
pub(crate) fn png(
    painter: &CardPainter,
    card: &CardText,
    cache: &raster::Cache,
) -> Result<raster::Png, RasterError> {
    cache.cached(painter.key(card), || {
        painter
            .paint(card)
            .map_err(|e| RasterError::Encode(e.to_string()))
    })
}

/// Escapes the characters that could end a script element or start a comment in it, and the
/// two line separators that old JavaScript parsers take for line breaks inside a string.
pub(crate) fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::refimage;

    /// The palette of the built-in theme `name`.
    fn theme_palette(name: &str) -> Palette {
        #[derive(serde::Deserialize)]
        struct Theme {
            palette: Palette,
        }
        let path = format!("{}/themes/{name}/theme.yaml", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).unwrap();
        serde_yaml::from_str::<Theme>(&text).unwrap().palette
    }

    /// A card with every part, its title and summary cut; and one with a title and summary only.
    fn samples() -> [(&'static str, CardText); 2] {
        [
            (
                "",
                CardText {
                    title: "Ruimte om van betekenis te zijn: wat jeugdprofessionals nodig hebben om het vak vol te houden".into(),
                    detail: "Professional-ervaringsonderzoek · meting eind 2024/begin 2025".into(),
                    figure: Some(("78".into(), "startende professionals".into())),
                    summary: Some("Jeugdhulpprofessionals vinden dat hun opleiding een goede basis biedt, maar het vak leren ze vooral in de praktijk. Ze leren van zelfreflectie, van collega's en van ouders.".into()),
                },
            ),
            (
                "-plain",
                CardText {
                    title: "Al doende leren".into(),
                    detail: String::new(),
                    figure: None,
                    summary: Some("Wat startende jeugdprofessionals leren in hun eerste jaar.".into()),
                },
            ),
        ]
    }

    const SITES: [(&str, &str); 2] = [
        ("kennisnetwerk", "Kennisnetwerk Jeugd Haaglanden"),
        ("platform", "Platform Jeugdhulpprofessionals Haaglanden"),
    ];

    /// The reference images are resvg's render of the card as SVG (`MAKE_REF=1` writes them);
    /// the painter's cards must look the same.
    #[test]
    fn painted_cards_match_the_references_of_each_theme() {
        for (theme, site_title) in SITES {
            let palette = theme_palette(theme);
            let painter = CardPainter::new(site_title, &palette);
            for (suffix, card) in samples() {
                let name = format!("card-{theme}{suffix}");
                let svg = drawing(&card, site_title).to_svg("kaart", &palette);
                let reference = raster::rasterize(&svg, 1.0).unwrap();
                refimage::check(&name, &reference);
                let painted = painter.paint(&card).unwrap();
                let got = refimage::compare(&name, &painted);
                assert_eq!((got.width(), got.height()), (1200, 630));
            }
        }
    }

    /// A painter paints each card in the buffer of one it painted before: what that card drew
    /// must be gone, whichever background either had.
    #[test]
    fn a_card_painted_after_others_is_the_card_painted_first() {
        let palette = theme_palette("kennisnetwerk");
        let site_title = "Kennisnetwerk Jeugd Haaglanden";
        let [(_, full), (_, plain)] = samples();
        let mut short = full.clone();
        short.title = "Kort".into();
        short.summary = None;
        let fresh = |card: &CardText| CardPainter::new(site_title, &palette).paint(card).unwrap();
        let painter = CardPainter::new(site_title, &palette);
        for card in [&full, &short, &plain, &full, &plain, &short] {
            assert!(
                painter.paint(card).unwrap() == fresh(card),
                "{}",
                card.title
            );
        }
    }

    #[test]
    fn a_card_is_a_small_palette_png() {
        let palette = theme_palette("kennisnetwerk");
        let painter = CardPainter::new("Kennisnetwerk Jeugd Haaglanden", &palette);
        let png = painter.paint(&samples()[0].1).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(&png));
        let reader = decoder.read_info().unwrap();
        let info = reader.info();
        assert_eq!(info.color_type, png::ColorType::Indexed);
        let entries = info.palette.as_ref().unwrap().len() / 3;
        assert!(entries <= 256, "{entries}");
        assert!(png.len() < 80_000, "{} bytes", png.len());
    }

    #[test]
    fn the_key_follows_every_text_and_the_site() {
        let palette = theme_palette("kennisnetwerk");
        let painter = CardPainter::new("Kennisnetwerk Jeugd Haaglanden", &palette);
        let other_site = CardPainter::new("Platform Jeugdhulpprofessionals Haaglanden", &palette);
        let card = samples()[0].1.clone();
        let mut keys = vec![painter.key(&card), other_site.key(&card)];
        let mut changed = card.clone();
        changed.title.push('!');
        keys.push(painter.key(&changed));
        let mut changed = card.clone();
        changed.figure = Some(("79".into(), "startende professionals".into()));
        keys.push(painter.key(&changed));
        let mut changed = card.clone();
        changed.summary = None;
        keys.push(painter.key(&changed));
        let mut changed = card.clone();
        changed.detail.clear();
        keys.push(painter.key(&changed));
        let count = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), count);
        assert_eq!(painter.key(&card), painter.key(&samples()[0].1));
    }

    #[test]
    fn long_text_is_cut_at_a_word_with_an_ellipsis() {
        let style = TextStyle::new(26.0, Paint::Ink);
        let text = "Jeugdhulpprofessionals vinden dat hun opleiding een goede basis biedt, maar het vak leren ze vooral in de praktijk van alledag met collega's en ouders.";
        let lines = fit(text, 400.0, &style, 2);
        assert_eq!(lines.len(), 2);
        let last = &lines[1];
        assert!(last.ends_with(" …"), "{last}");
        let words = last.trim_end_matches(" …");
        assert!(
            text.contains(&format!("{words} ")),
            "cut inside a word: {last}"
        );
        assert!(crate::font::measure(last, 26.0, style.weight) <= 400.0);
    }

    #[test]
    fn json_inside_a_script_cannot_close_it() {
        let safe = script_safe(r#"{"name":"</script><script>alert(1)</script>"}"#);
        assert!(!safe.contains("</script"));
        assert!(!safe.contains('<'));
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["name"], "</script><script>alert(1)</script>");
        let separators = script_safe("{\"name\":\"a\u{2028}b\u{2029}<!--\"}");
        assert_eq!(separators, "{\"name\":\"a\\u2028b\\u2029\\u003c!--\"}");
        let back: serde_json::Value = serde_json::from_str(&separators).unwrap();
        assert_eq!(back["name"], "a\u{2028}b\u{2029}<!--");
    }
}
