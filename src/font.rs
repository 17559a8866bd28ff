//! The bundled font: Atkinson Hyperlegible (SIL OFL 1.1, see `fonts/OFL.txt`), compiled into the
//! binary so that graphics measure and rasterize the same on every machine.
//!
//! Owns text measurement and line wrapping for infographic layout, and the font database that
//! usvg rasterizes with. It must not know about blocks or pages.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};

/// Family name that every generated SVG asks for.
pub(crate) const FAMILY: &str = "Atkinson Hyperlegible";
/// The CSS `font-family` value written into SVGs.
pub(crate) const FONT_STACK: &str = "'Atkinson Hyperlegible', Verdana, sans-serif";

/// Regular weight (TTF).
pub(crate) const REGULAR: &[u8] = include_bytes!("../fonts/AtkinsonHyperlegible-Regular.ttf");
/// Bold weight (TTF).
pub(crate) const BOLD: &[u8] = include_bytes!("../fonts/AtkinsonHyperlegible-Bold.ttf");
/// Italic (TTF), for quotes.
pub(crate) const ITALIC: &[u8] = include_bytes!("../fonts/AtkinsonHyperlegible-Italic.ttf");

/// The fonts served with every site (under `assets/fonts/`), for the pages and the inline
/// graphics: WOFF2, made from the TTFs above (`fonts/README.md`).
pub(crate) const WEB_FONTS: &[(&str, &[u8])] = &[
    (
        "AtkinsonHyperlegible-Regular.woff2",
        include_bytes!("../fonts/AtkinsonHyperlegible-Regular.woff2"),
    ),
    (
        "AtkinsonHyperlegible-Bold.woff2",
        include_bytes!("../fonts/AtkinsonHyperlegible-Bold.woff2"),
    ),
    (
        "AtkinsonHyperlegible-Italic.woff2",
        include_bytes!("../fonts/AtkinsonHyperlegible-Italic.woff2"),
    ),
];

/// Font weight used in a graphic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Weight {
    /// 400.
    Regular,
    /// 700.
    Bold,
}

/// Advance widths in em, per character, for one face.
struct Advances {
    /// Looked up for every character measured: a fast hash, not SipHash.
    widths: FxHashMap<char, f32>,
    fallback: f32,
}

impl Advances {
    fn from_font(data: &[u8]) -> Advances {
        let mut widths = FxHashMap::default();
        let Ok(font) = skrifa::FontRef::new(data) else {
            return Advances {
                widths,
                fallback: 0.6,
            };
        };
        let upem = f32::from(font.head().map(|h| h.units_per_em()).unwrap_or(1000));
        let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        for (codepoint, glyph) in font.charmap().mappings() {
            if let (Some(c), Some(w)) = (char::from_u32(codepoint), metrics.advance_width(glyph)) {
                widths.insert(c, w / upem);
            }
        }
        let fallback = widths.get(&'n').copied().unwrap_or(0.6);
        Advances { widths, fallback }
    }

    fn width(&self, c: char) -> f32 {
        self.widths.get(&c).copied().unwrap_or(self.fallback)
    }
}

use skrifa::raw::TableProvider as _;

fn advances(weight: Weight) -> &'static Advances {
    // Set once, read-only afterwards: parsed from the bundled font on first use.
    static REGULAR_ADV: OnceLock<Advances> = OnceLock::new();
    static BOLD_ADV: OnceLock<Advances> = OnceLock::new();
    match weight {
        Weight::Regular => REGULAR_ADV.get_or_init(|| Advances::from_font(REGULAR)),
        Weight::Bold => BOLD_ADV.get_or_init(|| Advances::from_font(BOLD)),
    }
}

/// Width of `text` in user units at font size `size`.
pub(crate) fn measure(text: &str, size: f64, weight: Weight) -> f64 {
    let adv = advances(weight);
    let em: f32 = text.chars().map(|c| adv.width(c)).sum();
    f64::from(em) * size
}

/// Breaks `text` into lines no wider than `max_width`, at spaces; a word wider than a whole
/// line (long Dutch compounds, URLs) is cut with a hyphen. Always returns at least one line.
pub(crate) fn wrap(text: &str, max_width: f64, size: f64, weight: Weight) -> Vec<String> {
    let max_width = max_width.max(size * 2.0);
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if measure(&candidate, size, weight) <= max_width {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        if measure(word, size, weight) <= max_width {
            current = word.to_string();
            continue;
        }
        // Cut an over-long word into pieces that fit, each but the last ending in a hyphen.
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if measure(&format!("{piece}-"), size, weight) > max_width && piece.chars().count() > 1
            {
                let last = piece.pop().unwrap_or(c);
                lines.push(format!("{piece}-"));
                piece = last.to_string();
            }
        }
        current = piece;
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

/// The font database for usvg: the bundled faces only, so rendering never depends on the fonts
/// of the machine. Built once per process.
pub(crate) fn database() -> std::sync::Arc<usvg::fontdb::Database> {
    static DB: OnceLock<std::sync::Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        for face in [REGULAR, BOLD, ITALIC] {
            db.load_font_data(face.to_vec());
        }
        db.set_sans_serif_family(FAMILY);
        std::sync::Arc::new(db)
    })
    .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_font_has_metrics() {
        let w = measure("Jeugdhulpprofessionals", 16.0, Weight::Regular);
        assert!(w > 100.0 && w < 300.0, "{w}");
        assert!(measure("abc", 16.0, Weight::Bold) > measure("abc", 16.0, Weight::Regular));
        assert_eq!(measure("", 16.0, Weight::Regular), 0.0);
    }

    #[test]
    fn wrapping_keeps_every_line_within_the_width() {
        let text = "Professionals leren voornamelijk informeel in de dagelijkse praktijk van de jeugdhulpverlening";
        let lines = wrap(text, 150.0, 14.0, Weight::Regular);
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(measure(l, 14.0, Weight::Regular) <= 150.0, "{l}");
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn over_long_words_are_cut_with_a_hyphen() {
        let lines = wrap(
            "jeugdhulpprofessionalsopleidingsinstituten",
            80.0,
            14.0,
            Weight::Bold,
        );
        assert!(lines.len() > 1);
        assert!(lines[0].ends_with('-'));
        for l in &lines {
            assert!(measure(l, 14.0, Weight::Bold) <= 80.0, "{l}");
        }
    }

    #[test]
    fn the_database_resolves_the_family() {
        let db = database();
        assert!(db.len() >= 3);
        let query = usvg::fontdb::Query {
            families: &[usvg::fontdb::Family::Name(FAMILY)],
            ..Default::default()
        };
        assert!(db.query(&query).is_some());
    }
}
