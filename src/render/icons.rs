//! The site's icon, in the three forms browsers ask for: `favicon.svg` (sharp at every size),
//! `favicon.ico` (16 and 32 pixels, for browsers that ask `/favicon.ico` whatever the page
//! says) and `apple-touch-icon.png` (180 pixels, opaque, for a phone's home screen).
//!
//! The icon is the site's logo (`brand.logo` in `site.yaml`) when that is an SVG, centred on a
//! square of the theme's paper colour; otherwise the theme's own: three bars of an infographic
//! in the paper colour on a square of the primary colour. A PNG logo is not used, because
//! kennis draws icons with its SVG rasterizer, which does not read PNGs.

use crate::config::Logo;
use crate::palette::Palette;
use crate::raster;

use super::RenderError;

/// Width and height of the icon's drawing, in its own units.
const SIZE: f64 = 64.0;

/// The icon of the site called `title` as SVG: from `logo` when it is an SVG, else from
/// `palette`.
pub(crate) fn svg(title: &str, palette: &Palette, logo: Option<&Logo>) -> String {
    let title = crate::markup::escape(title);
    match logo.and_then(|l| l.svg.as_ref().map(|s| (l, s))) {
        Some((logo, text)) => {
            // The logo, scaled to fit inside a margin and centred.
            let inner = SIZE - 8.0;
            let (w, h) = (f64::from(logo.width), f64::from(logo.height));
            let scale = inner / w.max(h);
            let (w, h) = (w * scale, h * scale);
            format!(
                concat!(
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{s}\" height=\"{s}\" viewBox=\"0 0 {s} {s}\"><title>{title}</title>",
                    "<rect width=\"{s}\" height=\"{s}\" rx=\"10\" fill=\"{paper}\"/>",
                    "<image x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" href=\"data:image/svg+xml;base64,{data}\"/>",
                    "</svg>\n"
                ),
                s = SIZE,
                paper = crate::markup::escape(&palette.paper),
                x = crate::markup::fmt_num((SIZE - w) / 2.0),
                y = crate::markup::fmt_num((SIZE - h) / 2.0),
                w = crate::markup::fmt_num(w),
                h = crate::markup::fmt_num(h),
                data = base64(text.as_bytes()),
                title = title,
            )
        }
        None => format!(
            concat!(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{s}\" height=\"{s}\" viewBox=\"0 0 {s} {s}\"><title>{title}</title>",
                "<rect width=\"{s}\" height=\"{s}\" rx=\"12\" fill=\"{primary}\"/>",
                "<rect x=\"12\" y=\"34\" width=\"10\" height=\"18\" rx=\"2\" fill=\"{paper}\"/>",
                "<rect x=\"27\" y=\"22\" width=\"10\" height=\"30\" rx=\"2\" fill=\"{paper}\"/>",
                "<rect x=\"42\" y=\"12\" width=\"10\" height=\"40\" rx=\"2\" fill=\"{paper}\"/>",
                "</svg>\n"
            ),
            s = SIZE,
            primary = crate::markup::escape(&palette.primary),
            paper = crate::markup::escape(&palette.paper),
            title = title,
        ),
    }
}

/// The icon as PNG, `pixels` wide and high.
pub(crate) fn png(svg: &str, pixels: u32) -> Result<Vec<u8>, RenderError> {
    raster::rasterize(svg, pixels as f32 / SIZE as f32)
        .map_err(|e| RenderError(crate::messages::render_site_icon_failed(e)))
}

/// `favicon.ico`: the icon at 16 and 32 pixels, each stored as a PNG (which ICO allows).
pub(crate) fn ico(svg: &str) -> Result<Vec<u8>, RenderError> {
    let images = [(16u8, png(svg, 16)?), (32u8, png(svg, 32)?)];
    Ok(ico_from_pngs(&images))
}

/// An ICO file holding `images` (size in pixels, PNG bytes).
fn ico_from_pngs(images: &[(u8, Vec<u8>)]) -> Vec<u8> {
    let count = images.len() as u16;
    let mut out = Vec::new();
    out.extend_from_slice(&0u16.to_le_bytes()); // reserved
    out.extend_from_slice(&1u16.to_le_bytes()); // 1: icon
    out.extend_from_slice(&count.to_le_bytes());
    let mut offset = 6 + 16 * u32::from(count);
    for (size, png) in images {
        out.extend_from_slice(&[*size, *size, 0, 0]); // width, height, colours, reserved
        out.extend_from_slice(&1u16.to_le_bytes()); // planes
        out.extend_from_slice(&32u16.to_le_bytes()); // bits per pixel
        out.extend_from_slice(&(png.len() as u32).to_le_bytes());
        out.extend_from_slice(&offset.to_le_bytes());
        offset += png.len() as u32;
    }
    for (_, png) in images {
        out.extend_from_slice(png);
    }
    out
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_examples() {
        // RFC 4648, section 10.
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
    }

    #[test]
    fn an_ico_lists_each_png_at_its_offset() {
        let ico = ico_from_pngs(&[(16, vec![1, 2, 3]), (32, vec![4, 5])]);
        assert_eq!(&ico[0..6], &[0, 0, 1, 0, 2, 0]);
        // Second directory entry: 32×32, 2 bytes at offset 6 + 32 + 3.
        let entry = &ico[22..38];
        assert_eq!(entry[0], 32);
        assert_eq!(u32::from_le_bytes(entry[8..12].try_into().unwrap()), 2);
        assert_eq!(u32::from_le_bytes(entry[12..16].try_into().unwrap()), 41);
        assert_eq!(&ico[38..41], &[1, 2, 3]);
        assert_eq!(&ico[41..], &[4, 5]);
    }

    #[test]
    fn the_icon_rasterizes_at_every_size() {
        let palette = crate::palette::test_palette();
        let logo = Logo {
            source: "logo.svg".into(),
            path: "assets/logo.svg".into(),
            alt: "Logo".into(),
            width: 200,
            height: 50,
            svg: Some("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"50\"><rect width=\"200\" height=\"50\" fill=\"#c00000\"/></svg>".into()),
        };
        for logo in [None, Some(&logo)] {
            let svg = svg("Site", &palette, logo);
            for pixels in [16, 32, 180] {
                let png = png(&svg, pixels).unwrap();
                let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
                assert_eq!(width, pixels);
            }
        }
        // The logo is drawn: the icon's middle is the logo's red, its corner the paper.
        let png = raster::rasterize(&svg("Site", &palette, Some(&logo)), 1.0).unwrap();
        let mut decoder = ::png::Decoder::new(std::io::Cursor::new(png));
        // The rasterizer writes indexed PNGs: expand them to colours.
        decoder.set_transformations(::png::Transformations::EXPAND);
        let mut reader = decoder.read_info().unwrap();
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut pixels).unwrap();
        let at = |x: usize, y: usize| {
            let channels = info.line_size / info.width as usize;
            let i = y * info.line_size + x * channels;
            (pixels[i], pixels[i + 1], pixels[i + 2])
        };
        assert_eq!(at(32, 32), (0xc0, 0, 0));
        assert_eq!(at(32, 5), (0xff, 0xff, 0xff), "{:?}", palette.paper);
    }
}
