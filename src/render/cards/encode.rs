//! The PNG file of a card: an 8-bit palette image in one IDAT chunk, deflated by fdeflate.
//!
//! The png crate filters every row the same way; a card is better served row by row. Most rows
//! of a card are the row above them again (paper, the bar, the tile), and `Up` makes those all
//! zeros, which fdeflate writes as a few run symbols. The rows with text differ from the row
//! above wherever either has ink, so for them the filter with the fewest bytes that are not
//! zero is taken: usually `Sub` (a glyph's inside and the paper around it are runs), sometimes
//! `None` (text on paper, whose index is 0). Fewer bytes that are not zero make a smaller file
//! and less work for the compressor, which spends its time on those.

use std::io::Write;

/// The PNG filter types used here (RFC 2083, 6.1).
const NONE: u8 = 0;
const SUB: u8 = 1;
const UP: u8 = 2;

/// Writes the PNG of `pixels` (`width` palette indices per row) with palette `rgb` into `out`
/// (emptied first; its capacity is reused). `same[y]`, where given, says that row `y` is known
/// to be the row above again, so it is not compared. `scratch` holds the filtered rows.
pub(super) fn png(
    pixels: &[u8],
    width: usize,
    rgb: &[[u8; 3]],
    same: &[bool],
    out: &mut Vec<u8>,
    scratch: &mut Scratch,
) -> std::io::Result<()> {
    let height = pixels.len() / width;
    out.clear();
    out.extend_from_slice(b"\x89PNG\r\n\x1a\n");
    let mut header = Vec::with_capacity(13);
    header.extend_from_slice(&(width as u32).to_be_bytes());
    header.extend_from_slice(&(height as u32).to_be_bytes());
    // 8 bits per pixel, palette colour, deflate, the adaptive filters, not interlaced.
    header.extend_from_slice(&[8, 3, 0, 0, 0]);
    chunk(out, b"IHDR", |out| out.extend_from_slice(&header));
    chunk(out, b"PLTE", |out| {
        for colour in rgb {
            out.extend_from_slice(colour);
        }
    });
    let mut result = Ok(());
    chunk(out, b"IDAT", |out| {
        result = deflate(pixels, width, same, out, scratch)
    });
    result?;
    chunk(out, b"IEND", |_| {});
    Ok(())
}

/// Appends one chunk: its length, type, what `data` writes, and the CRC of type and data.
fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: impl FnOnce(&mut Vec<u8>)) {
    let start = out.len();
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(kind);
    data(out);
    let length = (out.len() - start - 8) as u32;
    out[start..start + 4].copy_from_slice(&length.to_be_bytes());
    let crc = crc32fast::hash(&out[start + 4..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

/// The rows a card is filtered into, kept between cards.
#[derive(Debug, Default)]
pub(super) struct Scratch {
    sub: Vec<u8>,
    none: Vec<u8>,
    up: Vec<u8>,
}

/// The zlib stream of the filtered rows of `pixels`.
fn deflate(
    pixels: &[u8],
    width: usize,
    known_same: &[bool],
    out: &mut Vec<u8>,
    scratch: &mut Scratch,
) -> std::io::Result<()> {
    let mut compressor = fdeflate::Compressor::new(&mut *out)?;
    let same = {
        let mut zeros = vec![0; width + 1];
        zeros[0] = UP;
        zeros
    };
    let mut previous: Option<&[u8]> = None;
    for (y, row) in pixels.chunks_exact(width).enumerate() {
        match previous {
            Some(_) if known_same.get(y) == Some(&true) => compressor.write_data(&same)?,
            Some(above) if above == row => compressor.write_data(&same)?,
            _ => compressor.write_data(filtered(row, previous, scratch))?,
        }
        previous = Some(row);
    }
    compressor.finish()?.flush()
}

/// `row` filtered with whichever of `None`, `Sub` and `Up` leaves the fewest bytes that are
/// not zero, its filter type first.
fn filtered<'a>(row: &[u8], above: Option<&[u8]>, scratch: &'a mut Scratch) -> &'a [u8] {
    let n = row.len();
    let Scratch { sub, none, up } = scratch;
    for buffer in [&mut *sub, &mut *none, &mut *up] {
        buffer.resize(n + 1, 0);
    }
    none[0] = NONE;
    none[1..].copy_from_slice(row);
    sub[0] = SUB;
    sub[1] = row[0];
    for (out, (b, a)) in sub[2..].iter_mut().zip(row[1..].iter().zip(row)) {
        *out = b.wrapping_sub(*a);
    }
    let mut best = (count(none), &*none);
    let sub_count = count(sub);
    if sub_count < best.0 {
        best = (sub_count, &*sub);
    }
    if let Some(above) = above {
        up[0] = UP;
        for (out, (b, a)) in up[1..].iter_mut().zip(row.iter().zip(above)) {
            *out = b.wrapping_sub(*a);
        }
        let up_count = count(up);
        if up_count < best.0 {
            best = (up_count, &*up);
        }
    }
    best.1
}

/// The bytes of a filtered row, its filter type left out, that are not zero.
fn count(filtered: &[u8]) -> usize {
    // Counted in bytes, 255 at a time, which the compiler does 16 at a time.
    filtered[1..]
        .chunks(255)
        .map(|chunk| usize::from(chunk.iter().fold(0u8, |n, &b| n + u8::from(b != 0))))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The image decodes (with the png crate) to the same indices and palette.
    #[test]
    fn the_file_decodes_to_the_pixels() {
        let (width, height) = (37, 23);
        let mut pixels = vec![0u8; width * height];
        for (i, p) in pixels.iter_mut().enumerate() {
            let (x, y) = (i % width, i / width);
            // Rows equal to the one above, runs, ramps and noise, so each filter is chosen.
            *p = match y {
                0..=4 => 2,
                5..=9 => (x * 3) as u8,
                10..=14 => ((x * 7919 + y * 104_729) % 251) as u8,
                _ if x < 20 => 0,
                _ => 1,
            };
        }
        let rgb: Vec<[u8; 3]> = (0..=255u8).map(|i| [i, 255 - i, i / 2]).collect();
        let mut out = vec![1, 2, 3];
        png(&pixels, width, &rgb, &[], &mut out, &mut Scratch::default()).unwrap();

        let decoder = ::png::Decoder::new(std::io::Cursor::new(&out));
        let mut reader = decoder.read_info().unwrap();
        let mut decoded = vec![0; reader.output_buffer_size().unwrap()];
        let frame = reader.next_frame(&mut decoded).unwrap();
        assert_eq!((frame.width, frame.height), (width as u32, height as u32));
        assert_eq!(frame.color_type, ::png::ColorType::Indexed);
        assert_eq!(&decoded[..frame.buffer_size()], &pixels[..]);
        let palette = reader.info().palette.as_deref().unwrap();
        assert_eq!(palette, rgb.concat().as_slice());
    }

    /// Rows said to be the row above again are written as such without being compared: the
    /// file is the one made without the hint.
    #[test]
    fn rows_known_to_repeat_give_the_same_file() {
        let (width, height) = (16, 6);
        let mut pixels = vec![3u8; width * height];
        pixels[2 * width + 5] = 7;
        let rgb = vec![[0, 0, 0]; 8];
        let encode = |same: &[bool]| {
            let mut out = Vec::new();
            png(
                &pixels,
                width,
                &rgb,
                same,
                &mut out,
                &mut Scratch::default(),
            )
            .unwrap();
            out
        };
        let plain = encode(&[]);
        assert_eq!(encode(&[false, true, false, false, true, true]), plain);
        // The hint is taken as given: a row said to repeat is written as the row above.
        assert_ne!(encode(&[false, false, true, false, false, false]), plain);
    }

    /// Each filter is taken where it leaves the fewest bytes that are not zero.
    #[test]
    fn each_row_gets_the_filter_that_leaves_most_zeros() {
        let mut scratch = Scratch::default();
        let paper_with_ink = [0, 0, 0, 9, 0, 0, 0, 0];
        assert_eq!(filtered(&paper_with_ink, None, &mut scratch)[0], NONE);
        let runs = [5, 5, 5, 5, 7, 7, 7, 7];
        assert_eq!(filtered(&runs, Some(&paper_with_ink), &mut scratch)[0], SUB);
        let like_above = [5, 5, 5, 5, 7, 7, 8, 7];
        let row = filtered(&like_above, Some(&runs), &mut scratch);
        assert_eq!(row, [UP, 0, 0, 0, 0, 0, 0, 1, 0]);
    }
}
