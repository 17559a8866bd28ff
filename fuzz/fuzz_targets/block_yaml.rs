//! Block YAML: any text as the YAML of every block kind through `blocks::parse`; what parses
//! is laid out, serialized as SVG and as its data table. Nothing may panic, and no coordinate
//! may be `NaN` or infinite.

#![no_main]
#![allow(
    dead_code,
    unused_imports,
    reason = "only the block path of these modules is used here"
)]

#[path = "../../src/blocks/mod.rs"]
mod blocks;
#[path = "../../src/diag.rs"]
mod diag;
#[path = "../../src/font.rs"]
mod font;
#[path = "../../src/markup.rs"]
mod markup;
#[path = "../../src/palette.rs"]
mod palette;
#[path = "../../src/source.rs"]
mod source;
#[path = "../../src/svg.rs"]
mod svg;

use blocks::{Origin, Problem, REGISTRY, Resolve, persona, recommendations::AUDIENCES, route};
use libfuzzer_sys::fuzz_target;

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

/// Every persona id resolves, to a card with a route, so that `persona` blocks are laid out.
fn any_persona(id: &str) -> Result<persona::Card, Problem> {
    if id.is_empty() {
        return Err(Problem::new("empty", "write an id"));
    }
    let stop = |kind| route::Stop {
        title: blocks::values::Text(id.to_string()),
        kind,
        text: Some(blocks::values::Text(id.repeat(3))),
    };
    Ok(persona::Card {
        id: id.to_string(),
        name: id.to_string(),
        age: Some(27),
        education: vec![id.to_string()],
        experience: Some(id.to_string()),
        url: "/personas/x/".into(),
        route: vec![
            stop(route::LearningKind::Informeel),
            stop(route::LearningKind::Formeel),
        ],
    })
}

/// The attributes of generated SVG that hold numbers.
const NUMERIC: &[&str] = &[
    "x",
    "y",
    "width",
    "height",
    "x1",
    "y1",
    "x2",
    "y2",
    "cx",
    "cy",
    "r",
    "rx",
    "dy",
    "font-size",
    "stroke-width",
    "viewBox",
];

/// Every number in a numeric attribute of `svg` is finite.
fn assert_finite_geometry(svg: &str) {
    for attr in NUMERIC {
        let pattern = format!(" {attr}=\"");
        for (i, _) in svg.match_indices(&pattern) {
            let value = svg[i + pattern.len()..].split('"').next().unwrap_or("");
            for number in value.split_whitespace() {
                let parsed: f64 = number
                    .parse()
                    .unwrap_or_else(|_| panic!("{attr}=\"{value}\" is not a number"));
                assert!(parsed.is_finite(), "{attr}=\"{value}\"");
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(yaml) = std::str::from_utf8(data) else {
        return;
    };
    let palette = palette();
    let resolve = Resolve {
        personas: &any_persona,
        audiences: AUDIENCES,
    };
    for (name, kind) in REGISTRY {
        let file = source::SourceFile::new("content/x.md", format!("```{name}\n{yaml}\n```\n"));
        let origin = Origin {
            file: &file,
            body_offset: file.line_start(2),
            fence_offset: 0,
        };
        match blocks::parse(*kind, yaml, origin, &resolve) {
            Ok(block) => {
                let drawing = block.layout(&palette);
                assert!(drawing.width.is_finite() && drawing.height.is_finite());
                let svg = drawing.to_svg("figuur-1", &palette);
                assert_finite_geometry(&svg);
                let table = block.table().to_markup();
                // A derived number (a share of a total of 0) must not show as NaN either,
                // unless the input wrote that text itself.
                if !yaml.to_ascii_lowercase().contains("nan") {
                    assert!(!table.contains("NaN"), "{name}: {table}");
                }
                for out in [&svg, &table] {
                    assert!(!out.contains("<script"), "{name}: {out}");
                }
            }
            Err(errors) => {
                for d in &errors {
                    assert!(d.span.is_some(), "an error without a position: {d:?}");
                    assert!(d.hint.is_some(), "an error without a hint: {d:?}");
                    let _ = d.render();
                }
            }
        }
    }
});
