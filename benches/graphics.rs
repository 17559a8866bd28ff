//! Time per infographic: layout + SVG serialization, and PNG rasterization at 2×, for the
//! sample of every block kind (`src/blocks/samples/<block>.yaml`, see `kennis::bench`).
//!
//! Run with `cargo bench --bench graphics`. It prints a table of medians; absolute times drift on
//! shared machines, so compare rows of one run rather than runs.

use std::hint::black_box;
use std::time::{Duration, Instant};

use kennis::bench::{Sample, samples};

/// Median time of one call, over `rounds` rounds of `per_round` calls.
fn median(rounds: usize, per_round: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..per_round {
                f();
            }
            start.elapsed() / per_round as u32
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn main() {
    println!(
        "{:<16} {:>12} {:>12} {:>12}",
        "block", "SVG (µs)", "PNG (ms)", "PNG size"
    );
    let samples = samples();
    let (mut svg_total, mut png_total) = (Duration::ZERO, Duration::ZERO);
    for sample in &samples {
        let svg_time = median(15, 40, || {
            black_box(sample.svg());
        });
        let svg = sample.svg();
        let png_time = median(7, 3, || {
            black_box(Sample::png(&svg));
        });
        let size = Sample::png(&svg).len();
        svg_total += svg_time;
        png_total += png_time;
        println!(
            "{:<16} {:>12.1} {:>12.2} {:>10} B",
            sample.name,
            svg_time.as_secs_f64() * 1e6,
            png_time.as_secs_f64() * 1e3,
            size
        );
    }
    let n = samples.len() as u32;
    println!(
        "{:<16} {:>12.1} {:>12.2}",
        "mean",
        (svg_total / n).as_secs_f64() * 1e6,
        (png_total / n).as_secs_f64() * 1e3
    );
}
