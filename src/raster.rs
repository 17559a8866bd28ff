//! SVG → PNG with usvg and resvg, using only the bundled font.
//!
//! Owns the check that every font a graphic asks for is there: usvg drops text silently when a
//! face is missing, so a graphic whose text would vanish is an error, not a blank PNG.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::font;

/// Why a graphic could not be rasterized.
#[derive(Debug)]
pub(crate) enum RasterError {
    /// usvg could not read the SVG (a bug in a layout, never content).
    Parse(String),
    /// The graphic asks for a font family that is not bundled.
    MissingFont(String),
    /// The size is zero or too large.
    Size(u32, u32),
    /// PNG encoding failed.
    Encode(String),
}

impl std::fmt::Display for RasterError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RasterError::Parse(e) => write!(f, "the SVG could not be read: {e}"),
            RasterError::MissingFont(family) => write!(
                f,
                "the graphic asks for the font `{family}`, which is not bundled; text would be missing from the PNG"
            ),
            RasterError::Size(w, h) => write!(f, "a {w}×{h} image cannot be rendered"),
            RasterError::Encode(e) => write!(f, "PNG encoding failed: {e}"),
        }
    }
}

impl std::error::Error for RasterError {}

/// Largest side of a rendered PNG, in pixels.
const MAX_SIDE: u32 = 8000;

/// PNGs already made, by SVG text and scale; `None` until a long-running command (`serve`)
/// turns it on with `keep_results`, so that a rebuild only rasterizes graphics that changed.
/// `rasterize` is a pure function of its input, so a cached PNG is the same PNG.
static CACHE: Mutex<Option<PngCache>> = Mutex::new(None);
/// PNG bytes by (SVG text, scale as bits).
type PngCache = HashMap<(String, u32), Vec<u8>>;
/// Entries kept before the cache starts over (a long editing session makes many versions).
const CACHE_LIMIT: usize = 4096;

/// Keeps every PNG made from now on, for `serve`'s rebuilds.
pub(crate) fn keep_results() {
    if let Ok(mut cache) = CACHE.lock() {
        cache.get_or_insert_with(HashMap::new);
    }
}

/// Renders `svg` at `scale` (2.0 for the downloads) into PNG bytes.
pub(crate) fn rasterize(svg: &str, scale: f32) -> Result<Vec<u8>, RasterError> {
    let key = (svg.to_string(), scale.to_bits());
    let enabled = match CACHE.lock() {
        Ok(cache) => match cache.as_ref() {
            Some(map) => match map.get(&key) {
                Some(png) => return Ok(png.clone()),
                None => true,
            },
            None => false,
        },
        Err(_) => false,
    };
    let png = rasterize_uncached(svg, scale)?;
    if enabled
        && let Ok(mut cache) = CACHE.lock()
        && let Some(map) = cache.as_mut()
    {
        if map.len() >= CACHE_LIMIT {
            map.clear();
        }
        map.insert(key, png.clone());
    }
    Ok(png)
}

fn rasterize_uncached(svg: &str, scale: f32) -> Result<Vec<u8>, RasterError> {
    // Families that resolved to no bundled face; usvg would silently drop their text.
    let missing = std::sync::Mutex::new(Vec::<String>::new());
    let default_selector = usvg::FontResolver::default_font_selector();
    let options = usvg::Options {
        fontdb: font::database(),
        font_family: font::FAMILY.to_string(),
        font_resolver: usvg::FontResolver {
            select_font: Box::new(|font, db| {
                let id = default_selector(font, db);
                if id.is_none() {
                    let families: Vec<String> =
                        font.families().iter().map(|f| f.to_string()).collect();
                    if let Ok(mut missing) = missing.lock() {
                        missing.push(families.join(", "));
                    }
                }
                id
            }),
            select_fallback: usvg::FontResolver::default_fallback_selector(),
        },
        ..usvg::Options::default()
    };
    let tree =
        usvg::Tree::from_str(svg, &options).map_err(|e| RasterError::Parse(e.to_string()))?;
    drop(options);
    if let Some(family) = missing.into_inner().ok().and_then(|m| m.into_iter().next()) {
        return Err(RasterError::MissingFont(family));
    }
    let size = tree
        .size()
        .to_int_size()
        .scale_by(scale)
        .ok_or(RasterError::Size(0, 0))?;
    if size.width() > MAX_SIDE || size.height() > MAX_SIDE {
        return Err(RasterError::Size(size.width(), size.height()));
    }
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or(RasterError::Size(size.width(), size.height()))?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| RasterError::Encode(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dark_pixels(png: &[u8]) -> usize {
        let pixmap = resvg::tiny_skia::Pixmap::decode_png(png).unwrap();
        pixmap
            .pixels()
            .iter()
            .filter(|p| p.alpha() > 0 && p.red() < 128)
            .count()
    }

    #[test]
    fn text_really_renders() {
        let with_text = r##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40" font-family="'Atkinson Hyperlegible', sans-serif"><rect width="200" height="40" fill="#fff"/><text x="5" y="28" font-size="24" fill="#000">Jeugdhulp</text></svg>"##;
        let png = rasterize(with_text, 2.0).unwrap();
        let pixmap = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
        assert_eq!((pixmap.width(), pixmap.height()), (400, 80));
        assert!(
            dark_pixels(&png) > 500,
            "text left {} dark pixels",
            dark_pixels(&png)
        );
    }

    #[test]
    fn a_missing_font_is_an_error() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="5" y="28" font-family="Comic Sans MS" font-size="24">x</text></svg>"#;
        assert!(matches!(
            rasterize(svg, 1.0),
            Err(RasterError::MissingFont(_))
        ));
    }
}
