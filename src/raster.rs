//! SVG → PNG with usvg and resvg, using only the bundled font.
//!
//! Owns the check that every font a graphic asks for is there: usvg drops text silently when a
//! face is missing, so a graphic whose text would vanish is an error, not a blank PNG.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};

use xxhash_rust::xxh3::Xxh3;

use crate::font;
use crate::messages;

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
        let text = match self {
            RasterError::Parse(e) => messages::raster_svg_unreadable(e),
            RasterError::MissingFont(family) => messages::raster_font_not_bundled(family),
            RasterError::Size(w, h) => messages::raster_size_unrenderable(w, h),
            RasterError::Encode(e) => messages::raster_png_encoding_failed(e),
        };
        f.write_str(text.as_str())
    }
}

impl std::error::Error for RasterError {}

use crate::svg::MAX_SIDE;

/// Where PNGs are kept, within a build and between builds: a value the command makes and
/// passes to `render` (there is no global cache). `render` marks every entry it uses; the
/// command calls `prune` after a build of every site, so graphics that are gone from the
/// content do not pile up.
#[derive(Debug, Default)]
pub(crate) struct Cache {
    /// The folder of PNGs kept between builds (`<root>/.kennis-cache/png`).
    disk: Option<PathBuf>,
    /// PNGs kept in memory, for `serve` when there is no disk cache.
    memory: Option<Mutex<HashMap<u128, Vec<u8>>>>,
    /// The keys used since the cache was made.
    used: Mutex<HashSet<u128>>,
    /// Numbers the temporary files of entries being written.
    next: AtomicU64,
}

/// Entries kept in memory before that cache starts over (a long editing session makes many
/// versions).
const MEMORY_LIMIT: usize = 4096;

impl Cache {
    /// No cache: every PNG is rasterized.
    pub(crate) fn none() -> Cache {
        Cache::default()
    }

    /// PNGs in `dir`: a graphic whose SVG was rasterized by an earlier build is read back
    /// instead of rasterized again. Entries are named by a hash of the SVG, the scale and this
    /// build of kennis (its fonts and version), so a changed graphic never meets a stale PNG.
    /// `None` when the folder cannot be made (which only costs speed).
    pub(crate) fn on_disk(dir: PathBuf) -> Option<Cache> {
        fs::create_dir_all(&dir).ok()?;
        Some(Cache {
            disk: Some(dir),
            ..Cache::default()
        })
    }

    /// PNGs kept in memory, for a long-running command without a disk cache.
    pub(crate) fn in_memory() -> Cache {
        Cache {
            memory: Some(Mutex::new(HashMap::new())),
            ..Cache::default()
        }
    }

    /// The PNG of `svg` at `scale`: from the cache, or rasterized (and kept). A PNG that is (or
    /// now goes) in the disk cache comes back as that file, so a build of many graphics does
    /// not hold them all in memory. `rasterize` is a pure function of its input, so a cached
    /// PNG is the same PNG.
    pub(crate) fn render(&self, svg: &str, scale: f32) -> Result<Png, RasterError> {
        self.cached(key(svg, scale), || rasterize(svg, scale))
    }

    /// The PNG that `make` makes, identified by `key` (a hash of everything that decides its
    /// pixels): from the cache, or made and kept; as a file of the disk cache when there is
    /// one.
    pub(crate) fn cached(
        &self,
        key: u128,
        make: impl FnOnce() -> Result<Vec<u8>, RasterError>,
    ) -> Result<Png, RasterError> {
        if let Ok(mut used) = self.used.lock() {
            used.insert(key);
        }
        if let Some(dir) = &self.disk {
            let path = dir.join(format!("{key:032x}.png"));
            if is_png(&path) {
                return Ok(Png::Cached(path, key));
            }
            let png = make()?;
            let n = self.next.fetch_add(1, Ordering::Relaxed);
            return Ok(if store(&path, &png, n) {
                Png::Cached(path, key)
            } else {
                Png::Bytes(png)
            });
        }
        if let Some(memory) = &self.memory {
            if let Some(png) = memory.lock().ok().and_then(|m| m.get(&key).cloned()) {
                return Ok(Png::Bytes(png));
            }
            let png = make()?;
            if let Ok(mut map) = memory.lock() {
                if map.len() >= MEMORY_LIMIT {
                    map.clear();
                }
                map.insert(key, png.clone());
            }
            return Ok(Png::Bytes(png));
        }
        make().map(Png::Bytes)
    }

    /// Removes the PNGs of the disk cache that were not used since the cache was made. Call it
    /// only after a build of every site.
    pub(crate) fn prune(&self) {
        let (Some(dir), Ok(used)) = (&self.disk, self.used.lock()) else {
            return;
        };
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let in_use = name
                .to_str()
                .and_then(|n| n.strip_suffix(".png"))
                .and_then(|hex| u128::from_str_radix(hex, 16).ok())
                .is_some_and(|key| used.contains(&key));
            if !in_use {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}

/// Identifies a PNG: the SVG text, the scale, and what else decides the pixels (the bundled
/// fonts, the version of kennis and of its rasterizer).
fn key(svg: &str, scale: f32) -> u128 {
    /// The hash of what every PNG depends on besides its SVG; computed once, never changed.
    static SALT: OnceLock<u128> = OnceLock::new();
    let salt = *SALT.get_or_init(|| {
        let mut h = Xxh3::new();
        h.update(env!("CARGO_PKG_VERSION").as_bytes());
        h.update(b"resvg 0.49, png Fast");
        for face in [font::REGULAR, font::BOLD, font::ITALIC] {
            h.update(face);
        }
        h.digest128()
    });
    let mut h = Xxh3::new();
    h.update(&salt.to_le_bytes());
    h.update(&scale.to_bits().to_le_bytes());
    h.update(svg.as_bytes());
    h.digest128()
}

/// A rendered PNG: its bytes, or the disk cache's file holding them.
#[derive(Debug)]
pub(crate) enum Png {
    Bytes(Vec<u8>),
    /// A file of the disk cache and its key (which identifies the contents).
    Cached(PathBuf, u128),
}

/// Whether `path` starts like a PNG (a cache entry is renamed into place whole, so this only
/// guards against files put there by something else).
fn is_png(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 8];
    fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && head == *PNG_SIGNATURE
}

const PNG_SIGNATURE: &[u8; 8] = b"\x89PNG\r\n\x1a\n";

/// Writes a cache entry whole or not at all: into a temporary name (`n` numbers it within the
/// process), then renamed. Whether it is there.
fn store(path: &Path, png: &[u8], n: u64) -> bool {
    let tmp = path.with_extension(format!("tmp-{}-{n}", std::process::id()));
    if fs::write(&tmp, png).is_ok() {
        if fs::rename(&tmp, path).is_ok() {
            return true;
        }
        let _ = fs::remove_file(&tmp);
    }
    false
}

/// Renders `svg` at `scale` (2.0 for the downloads) into PNG bytes.
pub(crate) fn rasterize(svg: &str, scale: f32) -> Result<Vec<u8>, RasterError> {
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
    encode(pixmap)
}

/// Encodes losslessly and fast: the graphics are flat colours and anti-aliased edges, rarely
/// more than a hundred colours, so they go out as 8-bit palette images (a third of the data
/// of RGB, and smaller files); anything with more than 256 colours as RGB or RGBA. `png`'s
/// fast DEFLATE is several times faster than its default for files a little larger.
fn encode(pixmap: resvg::tiny_skia::Pixmap) -> Result<Vec<u8>, RasterError> {
    let (width, height) = (pixmap.width(), pixmap.height());
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let data = match indexed(&pixmap) {
        Some(Indexed {
            palette,
            alpha,
            indices,
        }) => {
            encoder.set_color(png::ColorType::Indexed);
            encoder.set_palette(palette);
            if let Some(alpha) = alpha {
                encoder.set_trns(alpha);
            }
            indices
        }
        None if pixmap.pixels().iter().all(|p| p.is_opaque()) => {
            encoder.set_color(png::ColorType::Rgb);
            pixmap
                .data()
                .chunks_exact(4)
                .flat_map(|p| [p[0], p[1], p[2]])
                .collect()
        }
        None => {
            encoder.set_color(png::ColorType::Rgba);
            pixmap.take_demultiplied()
        }
    };
    let fail = |e: png::EncodingError| RasterError::Encode(e.to_string());
    let mut writer = encoder.write_header().map_err(fail)?;
    writer.write_image_data(&data).map_err(fail)?;
    writer.finish().map_err(fail)?;
    Ok(out)
}

/// A palette image: RGB triples, their alpha (`None` when all are opaque), a byte per pixel.
struct Indexed {
    palette: Vec<u8>,
    alpha: Option<Vec<u8>>,
    indices: Vec<u8>,
}

/// The pixmap as a palette image, or `None` if it has more than 256 colours.
fn indexed(pixmap: &resvg::tiny_skia::Pixmap) -> Option<Indexed> {
    let mut palette = Palette::default();
    let data = pixmap.data();
    let mut indices = vec![0u8; data.len() / 4];
    // Neighbouring pixels are mostly the same colour: a repeat of the previous (premultiplied)
    // pixel is a compare and a store, without demultiplying or a lookup.
    let mut last_raw = None;
    let mut last_index = 0;
    let (pixels, _) = data.as_chunks::<4>();
    for (index, pixel) in indices.iter_mut().zip(pixels) {
        let raw = u32::from_ne_bytes(*pixel);
        if last_raw != Some(raw) {
            last_index = palette.index(pixel)?;
            last_raw = Some(raw);
        }
        *index = last_index;
    }
    let colours = palette.colours;
    let opaque = colours.iter().all(|c| c[3] == 255);
    Some(Indexed {
        palette: colours.iter().flat_map(|c| [c[0], c[1], c[2]]).collect(),
        alpha: (!opaque).then(|| colours.iter().map(|c| c[3]).collect()),
        indices,
    })
}

/// Up to 256 colours, each with its index: an open-addressing table of 1024 slots, one or two
/// probes per lookup, several times faster than a general hash map here.
struct Palette {
    keys: [u32; Palette::SLOTS],
    /// Index + 1; 0 is an empty slot.
    values: [u16; Palette::SLOTS],
    /// Demultiplied RGBA, in index order.
    colours: Vec<[u8; 4]>,
}

impl Default for Palette {
    fn default() -> Self {
        Palette {
            keys: [0; Palette::SLOTS],
            values: [0; Palette::SLOTS],
            colours: Vec::new(),
        }
    }
}

impl Palette {
    const SLOTS: usize = 1024;

    /// The index of a premultiplied RGBA pixel's colour, added if new; `None` once a 257th
    /// colour comes (or for a pixel that is not valid premultiplied RGBA).
    fn index(&mut self, pixel: &[u8; 4]) -> Option<u8> {
        let c = resvg::tiny_skia::PremultipliedColorU8::from_rgba(
            pixel[0], pixel[1], pixel[2], pixel[3],
        )?
        .demultiply();
        let rgba = [c.red(), c.green(), c.blue(), c.alpha()];
        let packed = u32::from_le_bytes(rgba);
        let mut slot = (packed.wrapping_mul(0x9E37_79B1) >> 22) as usize % Self::SLOTS;
        loop {
            if self.values[slot] == 0 {
                let i = u8::try_from(self.colours.len()).ok()?;
                self.keys[slot] = packed;
                self.values[slot] = u16::from(i) + 1;
                self.colours.push(rgba);
                return Some(i);
            }
            if self.keys[slot] == packed {
                return Some((self.values[slot] - 1) as u8);
            }
            slot = (slot + 1) % Self::SLOTS;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn why_a_graphic_cannot_be_rendered_is_said_in_the_run_s_language() {
        assert_eq!(
            RasterError::Size(0, 40).to_string(),
            "een afbeelding van 0×40 kan niet getekend worden"
        );
        assert_eq!(
            RasterError::MissingFont("Comic Sans".into()).to_string(),
            "de afbeelding vraagt om het lettertype `Comic Sans`, maar dat zit niet in kennis; \
             er zou tekst ontbreken in de PNG"
        );
        let english = crate::messages::speaking(crate::messages::Language::English, || {
            RasterError::Size(0, 40).to_string()
        });
        assert_eq!(english, "a 0×40 image cannot be rendered");
    }

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

    /// Palette or not, the PNG decodes to exactly the pixels rendered.
    #[test]
    fn encoding_is_lossless_with_and_without_a_palette() {
        use resvg::tiny_skia::{Color, Pixmap};
        let mut few = Pixmap::new(40, 30).unwrap();
        few.fill(Color::from_rgba8(20, 60, 110, 255));
        let mut many = Pixmap::new(40, 30).unwrap();
        let mut translucent = Pixmap::new(40, 30).unwrap();
        for (n, (p, q)) in many
            .pixels_mut()
            .iter_mut()
            .zip(translucent.pixels_mut().iter_mut())
            .enumerate()
        {
            let v = (n % 256) as u8;
            *p = Color::from_rgba8(v, 255 - v, (n / 256) as u8 * 40, 255)
                .premultiply()
                .to_color_u8();
            *q = Color::from_rgba8(200, 30, 30, if n % 2 == 0 { 255 } else { 128 })
                .premultiply()
                .to_color_u8();
        }
        assert!(indexed(&few).is_some());
        assert!(indexed(&many).is_none(), "1200 colours fit no palette");
        assert_eq!(indexed(&translucent).map(|i| i.alpha.is_some()), Some(true));
        for pixmap in [few, many, translucent] {
            let png = encode(pixmap.clone()).unwrap();
            let back = Pixmap::decode_png(&png).unwrap();
            assert_eq!(back.data(), pixmap.data());
        }
    }
}
