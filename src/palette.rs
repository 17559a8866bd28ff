//! Colours of a theme as the graphics use them, and WCAG contrast arithmetic.
//!
//! A `Palette` is read from `themes/<name>/theme.yaml`; `config` checks its contrast when the
//! theme is loaded, so every graphic drawn with it meets 3:1 for shapes and 4.5:1 for text.

use serde::Deserialize;

/// The colour roles an infographic may use. All values are `#rrggbb`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Palette {
    /// Page and graphic background.
    pub(crate) paper: String,
    /// Main text.
    pub(crate) ink: String,
    /// Secondary text (notes, units); at least 4.5:1 on `paper` and `tint`.
    pub(crate) muted: String,
    /// The strong colour: bars, markers, numbers; at least 3:1 on `paper`, and `paper` text on it
    /// at least 4.5:1.
    pub(crate) primary: String,
    /// A second strong colour, told apart from `primary` by shape and label as well.
    pub(crate) secondary: String,
    /// A light fill for cards and tiles; `ink` on it at least 4.5:1.
    pub(crate) tint: String,
    /// Borders and axis lines; at least 3:1 on `paper`.
    pub(crate) line: String,
}

/// A colour role of the palette, as layouts name their colours. The colour itself is chosen
/// when a graphic is written (`Palette::colour`), so one layout serves every theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Paint {
    /// `paper`.
    Paper,
    /// `ink`.
    Ink,
    /// `muted`.
    Muted,
    /// `primary`.
    Primary,
    /// `secondary`.
    Secondary,
    /// `tint`.
    Tint,
    /// `line`.
    Line,
}

impl Palette {
    /// The colour of a role.
    pub(crate) fn colour(&self, paint: Paint) -> &str {
        match paint {
            Paint::Paper => &self.paper,
            Paint::Ink => &self.ink,
            Paint::Muted => &self.muted,
            Paint::Primary => &self.primary,
            Paint::Secondary => &self.secondary,
            Paint::Tint => &self.tint,
            Paint::Line => &self.line,
        }
    }

    /// The contrast requirements of this palette: (what, foreground, background, minimum).
    pub(crate) fn requirements(&self) -> Vec<(&'static str, &str, &str, f64)> {
        vec![
            ("ink on paper", &self.ink, &self.paper, 4.5),
            ("ink on tint", &self.ink, &self.tint, 4.5),
            ("muted on paper", &self.muted, &self.paper, 4.5),
            ("muted on tint", &self.muted, &self.tint, 4.5),
            ("primary on paper", &self.primary, &self.paper, 4.5),
            ("paper on primary", &self.paper, &self.primary, 4.5),
            ("secondary on paper", &self.secondary, &self.paper, 4.5),
            ("paper on secondary", &self.paper, &self.secondary, 4.5),
            ("line on paper", &self.line, &self.paper, 3.0),
        ]
    }
}

/// Parses `#rrggbb` (or `#rgb`).
pub(crate) fn parse_hex(colour: &str) -> Option<(u8, u8, u8)> {
    let hex = colour.strip_prefix('#')?;
    let expand = |s: &str| u8::from_str_radix(s, 16).ok();
    match hex.len() {
        6 => Some((
            expand(&hex[0..2])?,
            expand(&hex[2..4])?,
            expand(&hex[4..6])?,
        )),
        3 => {
            let d: Vec<u8> = hex
                .chars()
                .map(|c| expand(&format!("{c}{c}")))
                .collect::<Option<_>>()?;
            Some((d[0], d[1], d[2]))
        }
        _ => None,
    }
}

fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let channel = |v: u8| {
        let c = f64::from(v) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// WCAG 2 contrast ratio of two colours, or `None` if either is not a hex colour.
pub(crate) fn contrast(a: &str, b: &str) -> Option<f64> {
    let (la, lb) = (luminance(parse_hex(a)?), luminance(parse_hex(b)?));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    Some((hi + 0.05) / (lo + 0.05))
}

/// The palette of unit tests and golden files (the test theme's colours).
#[cfg(test)]
pub(crate) fn test_palette() -> Palette {
    Palette {
        paper: "#ffffff".into(),
        ink: "#1b1b1b".into(),
        muted: "#4f4f4f".into(),
        primary: "#1d5a8c".into(),
        secondary: "#8a4500".into(),
        tint: "#eaf1f7".into(),
        line: "#6b6b6b".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_known_values() {
        assert!((contrast("#000000", "#ffffff").unwrap() - 21.0).abs() < 1e-9);
        assert!((contrast("#fff", "#fff").unwrap() - 1.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1.
        let c = contrast("#767676", "#ffffff").unwrap();
        assert!((c - 4.54).abs() < 0.01, "{c}");
        assert_eq!(contrast("red", "#fff"), None);
    }
}
