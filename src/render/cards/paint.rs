//! Paints social cards straight into the pixels of a palette PNG, without an SVG in between.
//!
//! Every card of a site is the same design with other texts, so a `CardPainter` does the shared
//! work once per site and theme: the background (paper, the top bar, the site's title, with and
//! without the tile of the key figure) and the palette. A card is then a copy of a background
//! with the report's lines drawn on it, glyph by glyph, from alpha masks that the painter
//! rasterizes once per face, size, glyph and subpixel offset and keeps.
//!
//! Pixels are palette indices from the start. The palette holds the theme's colours and, for
//! every text colour over every background colour, `LEVELS - 2` steps between the two; drawing
//! a glyph pixel is one table lookup (what index does colour C at coverage L over index P
//! give). The anti-aliasing keeps 33 coverage steps where resvg has 256, a difference of at most
//! 1/64 of the distance between two colours, which nobody sees.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};

use rustc_hash::FxHashMap;

use resvg::tiny_skia::{FillRule, Mask, Path, PathBuilder, Transform};
use skrifa::MetadataProvider;

use xxhash_rust::xxh3::Xxh3;

use super::encode;
use super::{BAR, CardText, HEIGHT, Line, TILE, TextColour, WIDTH};
use crate::font::{self, Weight};
use crate::palette::{Palette, parse_hex};

/// Coverage steps of a glyph edge, 0 (background) to `LEVELS - 1` (the text colour).
const LEVELS: usize = 33;
/// Subpixel positions a glyph is rasterized at, per pixel, across and down. tiny-skia rounds
/// edges to a quarter pixel, so a glyph placed a little off where resvg places it can gain or
/// lose a quarter of an edge pixel; fine steps keep that rare. Baselines are fixed by the design
/// (steps of 0.2 px), so down there are few positions whatever the number of steps.
const SUB_X: f64 = 16.0;
const SUB_Y: f64 = 64.0;

const W: usize = WIDTH as usize;
const H: usize = HEIGHT as usize;

/// The colours drawn over the background, by slot in the `over` table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Paint {
    Primary = 0,
    Ink = 1,
    Muted = 2,
    Tint = 3,
}

impl From<TextColour> for Paint {
    fn from(colour: TextColour) -> Paint {
        match colour {
            TextColour::Primary => Paint::Primary,
            TextColour::Ink => Paint::Ink,
            TextColour::Muted => Paint::Muted,
        }
    }
}

/// The pure colours, by palette index: paper, tint, then the paints' own.
const PAPER: u8 = 0;
const TINT: u8 = 1;
/// Palette index of each paint at full coverage.
const PURE: [u8; 4] = [2, 3, 4, TINT];

/// What a palette entry is: one of the pure colours, or a step between a paint and a pure
/// background colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Pure,
    Mix { paint: u8, bg: u8, level: u8 },
}

/// The palette of every card of one theme and the table that composites a paint over an index.
#[derive(Debug)]
struct Colours {
    rgb: Vec<[u8; 3]>,
    /// `over[paint * 256 + index][level]`: the index of `paint` at `level` over `index`.
    over: Vec<[u8; LEVELS]>,
}

impl Colours {
    fn new(palette: &Palette) -> Colours {
        let rgb_of = |hex: &str| {
            let (r, g, b) = parse_hex(hex).unwrap_or((0, 0, 0));
            [r, g, b]
        };
        let paints = [
            rgb_of(&palette.primary),
            rgb_of(&palette.ink),
            rgb_of(&palette.muted),
            rgb_of(&palette.tint),
        ];
        let mut rgb = vec![rgb_of(&palette.paper), paints[3]];
        rgb.extend_from_slice(&paints[..3]);
        let mut entries = vec![Entry::Pure; rgb.len()];
        let mut mix = HashMap::new();
        let top = (LEVELS - 1) as f64;
        for (paint, colour) in paints.iter().enumerate() {
            for bg in [PAPER, TINT] {
                if PURE[paint] == bg {
                    continue;
                }
                for level in 1..LEVELS - 1 {
                    mix.insert((paint as u8, bg, level as u8), rgb.len() as u8);
                    rgb.push(blend(rgb[bg as usize], *colour, level as f64 / top));
                    entries.push(Entry::Mix {
                        paint: paint as u8,
                        bg,
                        level: level as u8,
                    });
                }
            }
        }
        debug_assert!(rgb.len() <= 256);
        let mut over = vec![[0u8; LEVELS]; 4 * 256];
        for (paint, colour) in paints.iter().enumerate() {
            for (index, entry) in entries.iter().enumerate() {
                let row = &mut over[paint * 256 + index];
                for (level, out) in row.iter_mut().enumerate() {
                    // Where the result lies on a (paint, background) line of the palette.
                    let on_line = match *entry {
                        _ if level == 0 => Some(index as u8),
                        Entry::Pure if index as u8 == PURE[paint] => Some(index as u8),
                        Entry::Pure if level == LEVELS - 1 => Some(PURE[paint]),
                        Entry::Pure => mix.get(&(paint as u8, index as u8, level as u8)).copied(),
                        Entry::Mix {
                            paint: p,
                            bg,
                            level: l,
                        } if p as usize == paint => {
                            // a + b(1 - a), in steps.
                            let (a, b) = (f64::from(l) / top, level as f64 / top);
                            let combined = ((a + b - a * b) * top).round() as usize;
                            if combined >= LEVELS - 1 {
                                Some(PURE[paint])
                            } else {
                                mix.get(&(p, bg, combined as u8)).copied()
                            }
                        }
                        Entry::Mix { .. } => None,
                    };
                    *out = on_line.unwrap_or_else(|| {
                        nearest(&rgb, blend(rgb[index], *colour, level as f64 / top))
                    });
                }
            }
        }
        Colours { rgb, over }
    }

    /// Draws `paint` through `mask` (coverage levels) at (`x`, `y`) on `pixels`, clipped, and
    /// gives the rows it may have changed.
    fn draw(
        &self,
        pixels: &mut [u8],
        paint: Paint,
        mask: &Glyph,
        x: i32,
        y: i32,
    ) -> std::ops::Range<usize> {
        let table = &self.over[paint as usize * 256..paint as usize * 256 + 256];
        let (x0, y0) = (x + mask.left, y + mask.top);
        let cols = (0.max(-x0) as usize)..(mask.width.min((W as i32 - x0).max(0) as usize));
        if cols.is_empty() {
            return 0..0;
        }
        let rows = (y0.clamp(0, H as i32) as usize)
            ..((y0 + mask.height as i32).clamp(0, H as i32) as usize);
        for row in 0..mask.height {
            let py = y0 + row as i32;
            if py < 0 || py >= H as i32 {
                continue;
            }
            let inked = &mask.rows[row];
            let cols = inked.start.max(cols.start)..inked.end.min(cols.end);
            if cols.is_empty() {
                continue;
            }
            let src = &mask.levels[row * mask.width..][cols.clone()];
            let start = py as usize * W + (x0 + cols.start as i32) as usize;
            let dst = &mut pixels[start..start + src.len()];
            for (d, &level) in dst.iter_mut().zip(src) {
                *d = table[*d as usize][level as usize];
            }
        }
        rows
    }
}

/// The smallest range of rows that holds both `a` and `b` (either may be empty).
fn union(a: std::ops::Range<usize>, b: std::ops::Range<usize>) -> std::ops::Range<usize> {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b,
        (_, true) => a,
        _ => a.start.min(b.start)..a.end.max(b.end),
    }
}

/// Per row of `pixels`, whether it is the row above it again.
fn same_as_above(pixels: &[u8]) -> Vec<bool> {
    let rows: Vec<&[u8]> = pixels.chunks_exact(W).collect();
    (0..rows.len())
        .map(|y| y > 0 && rows[y] == rows[y - 1])
        .collect()
}

/// `fg` over `bg` at coverage `a` (0 to 1).
fn blend(bg: [u8; 3], fg: [u8; 3], a: f64) -> [u8; 3] {
    std::array::from_fn(|i| {
        (f64::from(bg[i]) + (f64::from(fg[i]) - f64::from(bg[i])) * a).round() as u8
    })
}

/// The index of the palette colour closest to `c`.
fn nearest(rgb: &[[u8; 3]], c: [u8; 3]) -> u8 {
    let distance = |p: &[u8; 3]| -> i32 {
        (0..3)
            .map(|i| (i32::from(p[i]) - i32::from(c[i])).pow(2))
            .sum()
    };
    (0..rgb.len())
        .min_by_key(|&i| distance(&rgb[i]))
        .unwrap_or(0) as u8
}

/// A rasterized glyph: coverage levels in a box relative to its pen position, and per row the
/// columns that are not empty.
#[derive(Debug)]
struct Glyph {
    left: i32,
    top: i32,
    width: usize,
    height: usize,
    levels: Vec<u8>,
    rows: Vec<std::ops::Range<usize>>,
}

/// Which glyph, at which size and subpixel offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct GlyphKey {
    bold: bool,
    size: u32,
    id: u32,
    sub_x: u8,
    sub_y: u8,
}

/// One bundled face: its data and what shaping it needs.
struct Face {
    data: &'static [u8],
    shaper: harfrust::ShaperData,
    /// The plan for left-to-right Latin text, made once: making it is most of the cost of
    /// shaping a short line.
    plan: harfrust::ShapePlan,
    units_per_em: f32,
}

impl Face {
    fn new(data: &'static [u8]) -> Face {
        let font = harfrust::FontRef::new(data).expect("the bundled font parses");
        let units_per_em = skrifa::FontRef::new(data)
            .ok()
            .and_then(|f| {
                use skrifa::raw::TableProvider;
                f.head().ok().map(|h| f32::from(h.units_per_em()))
            })
            .unwrap_or(1000.0);
        let shaper = harfrust::ShaperData::new(&font);
        let plan = harfrust::ShapePlan::new(
            &shaper.shaper(&font).build(),
            harfrust::Direction::LeftToRight,
            Some(harfrust::script::LATIN),
            None,
            &[],
        );
        Face {
            data,
            shaper,
            plan,
            units_per_em,
        }
    }

    /// The glyphs of `text`, as (glyph id, x offset, y offset, advance) in font units, with
    /// kerning, as resvg places them.
    fn shape(&self, text: &str) -> Vec<(u32, i32, i32, i32)> {
        let Ok(font) = harfrust::FontRef::new(self.data) else {
            return Vec::new();
        };
        let shaper = self.shaper.shaper(&font).build();
        let mut buffer = harfrust::UnicodeBuffer::new();
        buffer.push_str(text);
        // What the plan is for (the texts of a card are Dutch).
        buffer.set_direction(harfrust::Direction::LeftToRight);
        buffer.set_script(harfrust::script::LATIN);
        let glyphs = shaper.shape(buffer, harfrust::ShapeOptions::new().plan(Some(&self.plan)));
        glyphs
            .glyph_infos()
            .iter()
            .zip(glyphs.glyph_positions())
            .map(|(info, pos)| (info.glyph_id, pos.x_offset, pos.y_offset, pos.x_advance))
            .collect()
    }

    /// The outline of glyph `id` in font units (y up), or `None` for an empty glyph.
    fn outline(&self, id: u32) -> Option<Path> {
        struct Pen(PathBuilder);
        impl skrifa::outline::OutlinePen for Pen {
            fn move_to(&mut self, x: f32, y: f32) {
                self.0.move_to(x, y);
            }
            fn line_to(&mut self, x: f32, y: f32) {
                self.0.line_to(x, y);
            }
            fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
                self.0.quad_to(cx0, cy0, x, y);
            }
            fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
                self.0.cubic_to(cx0, cy0, cx1, cy1, x, y);
            }
            fn close(&mut self) {
                self.0.close();
            }
        }
        let font = skrifa::FontRef::new(self.data).ok()?;
        let glyph = font.outline_glyphs().get(skrifa::GlyphId::new(id))?;
        let mut pen = Pen(PathBuilder::new());
        let settings = skrifa::outline::DrawSettings::unhinted(
            skrifa::instance::Size::unscaled(),
            skrifa::instance::LocationRef::default(),
        );
        glyph.draw(settings, &mut pen).ok()?;
        pen.0.finish()
    }
}

/// Paints the social cards of one site: made once per site (and theme), then `paint` for each
/// card, from any number of threads.
pub(crate) struct CardPainter {
    colours: Colours,
    /// The background of a card without a key figure, and with its tile.
    plain: Vec<u8>,
    tiled: Vec<u8>,
    regular: Face,
    bold: Face,
    glyphs: RwLock<FxHashMap<GlyphKey, Arc<Glyph>>>,
    /// Per row of `plain` and of `tiled`, whether it is the row above it again.
    plain_same: Vec<bool>,
    tiled_same: Vec<bool>,
    /// Pixel buffers of finished cards, to paint the next ones in: a fresh 756 KB buffer per
    /// card costs more in page faults than painting it.
    buffers: Mutex<Vec<Buffer>>,
    /// A hash of what decides the pixels besides a card's texts.
    identity: u128,
}

/// The pixels of a finished card, what they were painted on, and the rows drawn on since: to
/// paint the next card, only those rows are made background again.
struct Buffer {
    pixels: Vec<u8>,
    tiled: bool,
    drawn: std::ops::Range<usize>,
    /// Per row, whether it is known to be the row above again (for the encoder).
    same: Vec<bool>,
    scratch: encode::Scratch,
}

impl std::fmt::Debug for CardPainter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CardPainter").finish_non_exhaustive()
    }
}

impl CardPainter {
    /// The painter of the cards of site `site_title` in the colours of `palette`.
    pub(crate) fn new(site_title: &str, palette: &Palette) -> CardPainter {
        let mut painter = CardPainter {
            colours: Colours::new(palette),
            plain: vec![PAPER; W * H],
            tiled: Vec::new(),
            plain_same: Vec::new(),
            tiled_same: Vec::new(),
            regular: Face::new(font::REGULAR),
            bold: Face::new(font::BOLD),
            glyphs: RwLock::new(FxHashMap::default()),
            buffers: Mutex::new(Vec::new()),
            identity: identity(site_title, palette),
        };
        let mut plain = std::mem::take(&mut painter.plain);
        plain[..W * BAR as usize].fill(PURE[Paint::Primary as usize]);
        painter.draw_line(&mut plain, &super::site_line(site_title));
        let mut tiled = plain.clone();
        let (x, y, w, h, r) = TILE;
        if let Some(tile) = rounded_rect(x as f32, y as f32, w as f32, h as f32, r as f32) {
            let glyph = rasterize(&tile, Transform::identity());
            painter.colours.draw(&mut tiled, Paint::Tint, &glyph, 0, 0);
        }
        painter.plain_same = same_as_above(&plain);
        painter.tiled_same = same_as_above(&tiled);
        painter.plain = plain;
        painter.tiled = tiled;
        painter
    }

    /// Identifies the PNG that `paint` makes of `card`: its texts, this site's title and
    /// colours, and this build of kennis (its fonts and version).
    pub(crate) fn key(&self, card: &CardText) -> u128 {
        let mut h = Xxh3::new();
        h.update(&self.identity.to_le_bytes());
        for part in [card.title.as_str(), card.detail.as_str()]
            .into_iter()
            .chain(
                card.figure
                    .iter()
                    .flat_map(|(v, l)| [v.as_str(), l.as_str()]),
            )
            .chain(card.summary.as_deref())
        {
            h.update(&(part.len() as u64).to_le_bytes());
            h.update(part.as_bytes());
        }
        h.update(&[
            u8::from(card.figure.is_some()),
            u8::from(card.summary.is_some()),
        ]);
        h.digest128()
    }

    /// The card with `card`'s texts on a card of this painter's site, as PNG bytes.
    pub(crate) fn paint(&self, card: &CardText) -> std::io::Result<Vec<u8>> {
        let tiled = card.figure.is_some();
        let (background, background_same) = if tiled {
            (&self.tiled, &self.tiled_same)
        } else {
            (&self.plain, &self.plain_same)
        };
        let mut buffer = match self.buffers.lock().ok().and_then(|mut b| b.pop()) {
            Some(mut buffer) => {
                if buffer.tiled == tiled {
                    let rows = buffer.drawn.start * W..buffer.drawn.end * W;
                    buffer.pixels[rows.clone()].copy_from_slice(&background[rows]);
                } else {
                    buffer.pixels.copy_from_slice(background);
                }
                buffer
            }
            None => Buffer {
                pixels: background.clone(),
                tiled,
                drawn: 0..0,
                same: Vec::new(),
                scratch: encode::Scratch::default(),
            },
        };
        buffer.tiled = tiled;
        buffer.drawn = 0..0;
        for line in &super::layout(card) {
            let rows = self.draw_line(&mut buffer.pixels, line);
            buffer.drawn = union(buffer.drawn.clone(), rows);
        }
        // A row of the background that is the row above again still is where neither was drawn
        // on.
        let drawn = buffer.drawn.clone();
        buffer.same.clear();
        buffer.same.extend(
            background_same
                .iter()
                .enumerate()
                .map(|(y, &same)| same && !drawn.contains(&y) && !drawn.contains(&(y.max(1) - 1))),
        );
        // A card's PNG is 30 to 60 KB; one allocation of about that size, not a doubling series.
        let mut png = Vec::with_capacity(64 * 1024);
        let written = encode::png(
            &buffer.pixels,
            W,
            &self.colours.rgb,
            &buffer.same,
            &mut png,
            &mut buffer.scratch,
        );
        if let Ok(mut buffers) = self.buffers.lock() {
            buffers.push(buffer);
        }
        written.map(|()| png)
    }

    fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// Draws one line of text, shaped and placed as resvg would, and gives the rows it may have
    /// changed.
    fn draw_line(&self, pixels: &mut [u8], line: &Line) -> std::ops::Range<usize> {
        let mut drawn = 0..0;
        let face = self.face(line.weight);
        let glyphs = face.shape(&line.text);
        let scale = line.size / f64::from(face.units_per_em);
        let width: f64 = glyphs.iter().map(|g| f64::from(g.3)).sum::<f64>() * scale;
        let mut pen = if line.centred {
            line.x - width / 2.0
        } else {
            line.x
        };
        for (id, dx, dy, advance) in glyphs {
            let gx = pen + f64::from(dx) * scale;
            let gy = line.y - f64::from(dy) * scale;
            pen += f64::from(advance) * scale;
            let (ix, sub_x) = split(gx, SUB_X);
            let (iy, sub_y) = split(gy, SUB_Y);
            let key = GlyphKey {
                bold: line.weight == Weight::Bold,
                size: (line.size as f32).to_bits(),
                id,
                sub_x,
                sub_y,
            };
            if let Some(glyph) = self.glyph(key, face, scale) {
                let rows = self
                    .colours
                    .draw(pixels, line.colour.into(), &glyph, ix, iy);
                drawn = union(drawn, rows);
            }
        }
        drawn
    }

    /// The mask of a glyph, rasterized on first use.
    fn glyph(&self, key: GlyphKey, face: &Face, scale: f64) -> Option<Arc<Glyph>> {
        if let Some(glyph) = self.glyphs.read().ok()?.get(&key) {
            return Some(glyph.clone());
        }
        let outline = face.outline(key.id)?;
        let (sx, sy) = (f64::from(key.sub_x) / SUB_X, f64::from(key.sub_y) / SUB_Y);
        let transform =
            Transform::from_row(scale as f32, 0.0, 0.0, -scale as f32, sx as f32, sy as f32);
        let glyph = Arc::new(rasterize(&outline, transform));
        self.glyphs.write().ok()?.insert(key, glyph.clone());
        Some(glyph)
    }
}

/// A hash of the site's title, its colours and what else decides a card's pixels.
fn identity(site_title: &str, palette: &Palette) -> u128 {
    let mut h = Xxh3::new();
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    h.update(b"card painter 2");
    for face in [font::REGULAR, font::BOLD] {
        h.update(face);
    }
    for part in [
        site_title,
        &palette.paper,
        &palette.tint,
        &palette.primary,
        &palette.ink,
        &palette.muted,
    ] {
        h.update(&(part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    h.digest128()
}

/// A position as a whole pixel and a subpixel step (0 to `sub - 1`).
fn split(v: f64, sub: f64) -> (i32, u8) {
    let steps = (v * sub).round();
    let whole = (steps / sub).floor();
    (whole as i32, (steps - whole * sub) as u8)
}

/// Rasterizes `path` under `transform` into coverage levels, in the smallest box around it.
fn rasterize(path: &Path, transform: Transform) -> Glyph {
    let empty = Glyph {
        left: 0,
        top: 0,
        width: 0,
        height: 0,
        levels: Vec::new(),
        rows: Vec::new(),
    };
    let Some(bounds) = path.bounds().transform(transform) else {
        return empty;
    };
    let left = bounds.left().floor() as i32 - 1;
    let top = bounds.top().floor() as i32 - 1;
    let width = (bounds.right().ceil() as i32 + 1 - left).max(1) as u32;
    let height = (bounds.bottom().ceil() as i32 + 1 - top).max(1) as u32;
    let Some(mut mask) = Mask::new(width, height) else {
        return empty;
    };
    let shifted = transform.post_translate(-left as f32, -top as f32);
    mask.fill_path(path, FillRule::Winding, true, shifted);
    let top_level = (LEVELS - 1) as u32;
    let levels: Vec<u8> = mask
        .data()
        .iter()
        .map(|&a| ((u32::from(a) * top_level + 127) / 255) as u8)
        .collect();
    let rows = levels
        .chunks(width as usize)
        .map(|row| {
            let first = row.iter().position(|&l| l > 0).unwrap_or(row.len());
            let end = row.iter().rposition(|&l| l > 0).map_or(first, |i| i + 1);
            first..end
        })
        .collect();
    Glyph {
        left,
        top,
        width: width as usize,
        height: height as usize,
        levels,
        rows,
    }
}

/// A rectangle with round corners of radius `r` (quarter circles as cubic curves).
fn rounded_rect(x: f32, y: f32, w: f32, h: f32, r: f32) -> Option<Path> {
    // Distance of a control point from its corner's end point for a quarter circle.
    let k = r * (1.0 - 0.552_284_8);
    let (right, bottom) = (x + w, y + h);
    let mut pb = PathBuilder::new();
    pb.move_to(x + r, y);
    pb.line_to(right - r, y);
    pb.cubic_to(right - k, y, right, y + k, right, y + r);
    pb.line_to(right, bottom - r);
    pb.cubic_to(right, bottom - k, right - k, bottom, right - r, bottom);
    pb.line_to(x + r, bottom);
    pb.cubic_to(x + k, bottom, x, bottom - k, x, bottom - r);
    pb.line_to(x, y + r);
    pb.cubic_to(x, y + k, x + k, y, x + r, y);
    pb.close();
    pb.finish()
}
