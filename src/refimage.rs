//! Reference images for tests: a PNG is compared with `tests/refs/<name>.png` pixel by pixel,
//! with a tolerance for anti-aliasing; on a mismatch the render and a diff image (differing
//! pixels red) go to `tests/diffs/`. `MAKE_REF=1` writes the references instead.

use std::path::Path;

use resvg::tiny_skia::Pixmap;

/// Largest difference of a channel (0 to 255) that still counts as the same colour.
const CHANNEL: i32 = 40;
/// Share of pixels that may differ by more.
const SHARE: f64 = 0.002;

/// Share of pixels whose colour differs by more than `CHANNEL`, and a diff image.
fn differing_share(a: &Pixmap, b: &Pixmap) -> (f64, Vec<u8>) {
    let mut diff = Vec::with_capacity(a.data().len());
    let mut differing = 0usize;
    for (pa, pb) in a.pixels().iter().zip(b.pixels()) {
        let d = (i32::from(pa.red()) - i32::from(pb.red()))
            .abs()
            .max((i32::from(pa.green()) - i32::from(pb.green())).abs())
            .max((i32::from(pa.blue()) - i32::from(pb.blue())).abs())
            .max((i32::from(pa.alpha()) - i32::from(pb.alpha())).abs());
        if d > CHANNEL {
            differing += 1;
            diff.extend_from_slice(&[255, 0, 0, 255]);
        } else {
            diff.extend_from_slice(&[
                pa.red() / 3 + 170,
                pa.green() / 3 + 170,
                pa.blue() / 3 + 170,
                255,
            ]);
        }
    }
    (differing as f64 / a.pixels().len().max(1) as f64, diff)
}

/// Checks `png` against the reference `name` (or writes it with `MAKE_REF`); returns the
/// decoded render. Panics with the share of differing pixels when they are too many.
pub(crate) fn check(name: &str, png: &[u8]) -> Pixmap {
    if std::env::var_os("MAKE_REF").is_some() {
        let refs = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/refs");
        std::fs::create_dir_all(&refs).unwrap();
        std::fs::write(refs.join(format!("{name}.png")), png).unwrap();
        return Pixmap::decode_png(png).expect("the render is a PNG");
    }
    compare(name, png)
}

/// Like `check`, but never writes the reference: for a second render that must look like
/// the first.
pub(crate) fn compare(name: &str, png: &[u8]) -> Pixmap {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let refs = root.join("tests/refs");
    let diffs = root.join("tests/diffs");
    let got = Pixmap::decode_png(png).expect("the render is a PNG");
    let reference = refs.join(format!("{name}.png"));
    let expected = std::fs::read(&reference)
        .unwrap_or_else(|_| panic!("{} is missing: run with MAKE_REF=1", reference.display()));
    let want = Pixmap::decode_png(&expected).unwrap();
    let same_size = (got.width(), got.height()) == (want.width(), want.height());
    let (share, diff) = if same_size {
        differing_share(&got, &want)
    } else {
        (1.0, Vec::new())
    };
    if share > SHARE {
        std::fs::create_dir_all(&diffs).unwrap();
        std::fs::write(diffs.join(format!("{name}.png")), png).unwrap();
        if same_size {
            let mut img = Pixmap::new(got.width(), got.height()).unwrap();
            img.data_mut().copy_from_slice(&diff);
            img.save_png(diffs.join(format!("{name}.diff.png")))
                .unwrap();
        }
        panic!(
            "{name}: {:.2}% of pixels differ from {} (sizes {}x{} vs {}x{}); see tests/diffs/",
            share * 100.0,
            reference.display(),
            got.width(),
            got.height(),
            want.width(),
            want.height()
        );
    }
    got
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shifted_image_is_told_apart_and_a_faint_change_is_not() {
        let mut a = Pixmap::new(100, 100).unwrap();
        a.fill(resvg::tiny_skia::Color::WHITE);
        let mut faint = a.clone();
        let mut other = a.clone();
        for (i, p) in faint.pixels_mut().iter_mut().enumerate() {
            if i % 3 == 0 {
                *p = resvg::tiny_skia::ColorU8::from_rgba(230, 230, 230, 255).premultiply();
            }
        }
        for p in other.pixels_mut()[..100].iter_mut() {
            *p = resvg::tiny_skia::ColorU8::from_rgba(0, 0, 0, 255).premultiply();
        }
        assert_eq!(differing_share(&a, &faint).0, 0.0);
        assert!((differing_share(&a, &other).0 - 0.01).abs() < 1e-9);
    }
}
