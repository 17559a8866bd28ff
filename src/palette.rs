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
    pub(crate) fn requirements(&self) -> Vec<((&'static str, &'static str), &str, &str, f64)> {
        vec![
            (("ink", "paper"), &self.ink, &self.paper, 4.5),
            (("ink", "tint"), &self.ink, &self.tint, 4.5),
            (("muted", "paper"), &self.muted, &self.paper, 4.5),
            (("muted", "tint"), &self.muted, &self.tint, 4.5),
            (("primary", "paper"), &self.primary, &self.paper, 4.5),
            (("paper", "primary"), &self.paper, &self.primary, 4.5),
            (("secondary", "paper"), &self.secondary, &self.paper, 4.5),
            (("paper", "secondary"), &self.paper, &self.secondary, 4.5),
            (("line", "paper"), &self.line, &self.paper, 3.0),
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

/// `#rrggbb` of an RGB colour.
pub(crate) fn to_hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Hue (0..360), saturation and lightness (0..1) of an RGB colour.
fn to_hsl((r, g, b): (u8, u8, u8)) -> (f64, f64, f64) {
    let [r, g, b] = [r, g, b].map(|v| f64::from(v) / 255.0);
    let max = r.max(g).max(b);
    let min = r.min(g).min(b);
    let l = (max + min) / 2.0;
    let d = max - min;
    if d == 0.0 {
        return (0.0, 0.0, l);
    }
    let s = d / (1.0 - (2.0 * l - 1.0).abs());
    let h = if max == r {
        60.0 * ((g - b) / d).rem_euclid(6.0)
    } else if max == g {
        60.0 * ((b - r) / d + 2.0)
    } else {
        60.0 * ((r - g) / d + 4.0)
    };
    (h, s, l)
}

/// The RGB colour of a hue, saturation and lightness.
fn from_hsl(h: f64, s: f64, l: f64) -> (u8, u8, u8) {
    let c = (1.0 - (2.0 * l - 1.0).abs()) * s;
    let x = c * (1.0 - ((h / 60.0).rem_euclid(2.0) - 1.0).abs());
    let m = l - c / 2.0;
    let (r, g, b) = match (h / 60.0) as u32 {
        0 => (c, x, 0.0),
        1 => (x, c, 0.0),
        2 => (0.0, c, x),
        3 => (0.0, x, c),
        4 => (x, 0.0, c),
        _ => (c, 0.0, x),
    };
    let channel = |v: f64| ((v + m) * 255.0).round().clamp(0.0, 255.0) as u8;
    (channel(r), channel(g), channel(b))
}

/// The shade of `colour` nearest to it that has at least `min`:1 contrast on every one of
/// `backgrounds`: the same hue and saturation, the lightness moved as little as it takes.
/// `None` when `colour` is not a hex colour or no lightness passes (backgrounds far apart).
pub(crate) fn nearest_passing(colour: &str, backgrounds: &[&str], min: f64) -> Option<String> {
    let (h, s, l) = to_hsl(parse_hex(colour)?);
    let passes = |hex: &str| {
        backgrounds
            .iter()
            .all(|bg| contrast(hex, bg).is_some_and(|ratio| ratio >= min))
    };
    // Steps of 1/1000 in lightness are finer than the 256 levels of a channel.
    for step in 0..=1000 {
        let delta = f64::from(step) / 1000.0;
        for candidate in [l - delta, l + delta] {
            if !(0.0..=1.0).contains(&candidate) {
                continue;
            }
            let hex = to_hex(from_hsl(h, s, candidate));
            if passes(&hex) {
                return Some(hex);
            }
        }
    }
    None
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

    #[test]
    fn hsl_round_trips() {
        for hex in [
            "#0b4f71", "#a3410f", "#ffffff", "#000000", "#5a2450", "#2d6135",
        ] {
            let rgb = parse_hex(hex).unwrap();
            let (h, s, l) = to_hsl(rgb);
            assert_eq!(to_hex(from_hsl(h, s, l)), hex);
        }
    }

    #[test]
    fn the_nearest_passing_shade_keeps_the_hue_and_just_passes() {
        // A light blue on white (about 2.2:1): darker until 4.5:1.
        let shade = nearest_passing("#6fa8dc", &["#ffffff", "#e8f1f7"], 4.5).unwrap();
        for bg in ["#ffffff", "#e8f1f7"] {
            assert!(contrast(&shade, bg).unwrap() >= 4.5, "{shade} on {bg}");
        }
        let (h0, s0, l0) = to_hsl(parse_hex("#6fa8dc").unwrap());
        let (h1, s1, l1) = to_hsl(parse_hex(&shade).unwrap());
        assert!((h0 - h1).abs() < 2.0, "hue {h0} → {h1}");
        assert!((s0 - s1).abs() < 0.03, "saturation {s0} → {s1}");
        assert!(l1 < l0);
        // One step lighter than the answer does not pass: it is the nearest.
        let lighter = to_hex(from_hsl(h1, s1, l1 + 0.01));
        assert!(contrast(&lighter, "#e8f1f7").unwrap() < 4.5, "{lighter}");
        // A colour that passes is its own nearest shade.
        assert_eq!(
            nearest_passing("#0b4f71", &["#ffffff"], 4.5).as_deref(),
            Some("#0b4f71")
        );
        // On a dark background the shade gets lighter.
        let light = nearest_passing("#3a3a8c", &["#111111"], 4.5).unwrap();
        assert!(contrast(&light, "#111111").unwrap() >= 4.5);
        assert!(to_hsl(parse_hex(&light).unwrap()).2 > to_hsl(parse_hex("#3a3a8c").unwrap()).2);
        // No lightness passes on both white and black at 10:1.
        assert_eq!(
            nearest_passing("#808080", &["#ffffff", "#000000"], 10.0),
            None
        );
        assert_eq!(nearest_passing("blue", &["#ffffff"], 4.5), None);
    }
}
