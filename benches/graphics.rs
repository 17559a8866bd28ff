//! Time per infographic: layout + SVG serialization, and PNG rasterization at 2×, for the
//! sample of every block kind (`src/blocks/samples/<block>.yaml`).
//!
//! Run with `cargo bench --bench graphics`. It prints a table of medians; absolute times drift on
//! shared machines, so compare rows of one run rather than runs.
//!
//! The bench compiles the block, SVG, font and raster modules of the crate directly (the crate
//! is a binary), with the same `crate::` paths they use inside kennis.

#![allow(
    dead_code,
    unused_imports,
    reason = "only the graphics path of these modules is used here; their unit tests are not run"
)]

#[path = "../src/blocks/mod.rs"]
mod blocks;
#[path = "../src/diag.rs"]
mod diag;
#[path = "../src/font.rs"]
mod font;
#[path = "../src/markup.rs"]
mod markup;
#[path = "../src/palette.rs"]
mod palette;
#[path = "../src/raster.rs"]
mod raster;
#[path = "../src/source.rs"]
mod source;
#[path = "../src/svg.rs"]
mod svg;

use std::hint::black_box;
use std::time::{Duration, Instant};

use blocks::{Kind, Origin, Problem, REGISTRY, Resolve, persona, route, values};

fn palette() -> palette::Palette {
    palette::Palette {
        paper: "#ffffff".into(),
        ink: "#17212b".into(),
        muted: "#4a5866".into(),
        primary: "#0b4f71".into(),
        secondary: "#a3410f".into(),
        tint: "#e8f1f7".into(),
        line: "#6f7f8e".into(),
    }
}

fn nora(id: &str) -> Result<persona::Card, Problem> {
    let stop = |title: &str, kind| route::Stop {
        title: values::Text(title.into()),
        kind,
        text: Some(values::Text(
            "Nora leert veel door mee te lopen met ervaren collega's in de jeugdbescherming."
                .into(),
        )),
    };
    Ok(persona::Card {
        id: id.into(),
        name: "Nora".into(),
        age: Some(27),
        education: vec![
            "MBO Sociaal Pedagogisch Werk".into(),
            "HBO Social Work".into(),
        ],
        experience: Some("Werkervaring (7 jaar)".into()),
        url: "/personas/nora/".into(),
        route: vec![
            stop("Zelfreflectie", route::LearningKind::Informeel),
            stop("Leren van ouders", route::LearningKind::Informeel),
            stop("Leren van en met collega's", route::LearningKind::Informeel),
            stop("Leren in het grijze gebied", route::LearningKind::Informeel),
            stop("Scholing organisatie", route::LearningKind::Formeel),
        ],
    })
}

fn parse(kind: Kind, yaml: &str) -> blocks::Block {
    let file = source::SourceFile::new("bench.md", format!("```{}\n{yaml}```\n", kind.name()));
    let origin = Origin {
        file: &file,
        body_offset: file.line_start(2),
        fence_offset: 0,
    };
    let resolve = Resolve {
        personas: &nora,
        audiences: blocks::recommendations::AUDIENCES,
    };
    blocks::parse(kind, yaml, origin, &resolve).expect("sample parses")
}

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
    let samples = concat!(env!("CARGO_MANIFEST_DIR"), "/src/blocks/samples");
    let palette = palette();
    println!(
        "{:<16} {:>12} {:>12} {:>12}",
        "block", "SVG (µs)", "PNG (ms)", "PNG size"
    );
    let (mut svg_total, mut png_total) = (Duration::ZERO, Duration::ZERO);
    for (name, kind) in REGISTRY {
        let yaml = std::fs::read_to_string(format!("{samples}/{name}.yaml")).expect("sample");
        let block = parse(*kind, &yaml);
        let svg_time = median(15, 40, || {
            black_box(block.layout(&palette).to_svg("bench", &palette));
        });
        let svg = block.layout(&palette).to_svg("bench", &palette);
        let png_time = median(7, 3, || {
            black_box(raster::rasterize(&svg, 2.0).expect("rasterize"));
        });
        let size = raster::rasterize(&svg, 2.0).expect("rasterize").len();
        svg_total += svg_time;
        png_total += png_time;
        println!(
            "{:<16} {:>12.1} {:>12.2} {:>10} B",
            name,
            svg_time.as_secs_f64() * 1e6,
            png_time.as_secs_f64() * 1e3,
            size
        );
    }
    let n = REGISTRY.len() as u32;
    println!(
        "{:<16} {:>12.1} {:>12.2}",
        "mean",
        (svg_total / n).as_secs_f64() * 1e6,
        (png_total / n).as_secs_f64() * 1e3
    );
}
