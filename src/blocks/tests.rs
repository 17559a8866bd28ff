//! Tests over every block kind at once: golden SVG snapshots, PNG renders against reference
//! images, and geometry checks on samples and edge cases.
//!
//! Fixtures live in `src/blocks/samples/`: `<block>.yaml` is the sample that is snapshotted and
//! rendered; `<block>.edge.yaml` holds edge cases as YAML documents separated by `---` lines
//! (empty groups that must be rejected are tested in the block modules). Run with `MAKE_REF=1`
//! to rewrite the reference PNGs in `tests/refs/`; a failing comparison writes the render and a
//! diff image to `tests/diffs/`. Snapshots are updated with `INSTA_UPDATE=always` (review them).

use std::path::{Path, PathBuf};

use super::*;
use crate::font::{self, Weight};
use crate::markup::Element;
use crate::palette::test_palette as palette;
use crate::source::SourceFile;
use crate::svg::line_height;

/// The persona every `persona` sample refers to.
pub(super) fn test_personas(id: &str) -> Result<persona::Card, Problem> {
    if id != "nora" {
        return Err(Problem::new(
            crate::messages::persona_unknown(id),
            crate::messages::persona_add_file(),
        ));
    }
    let stop = |title: &str, kind, text: &str| route::Stop {
        title: values::Text(title.into()),
        kind,
        text: Some(values::Text(text.into())),
    };
    Ok(persona::Card {
        id: "nora".into(),
        name: "Nora".into(),
        age: Some(27),
        education: vec![
            "MBO Sociaal Pedagogisch Werk (voltijd)".into(),
            "HBO Social Work (deeltijd)".into(),
        ],
        experience: Some("Werkervaring (7 jaar): gestart in de specialistische jeugdhulp, werkt nu in de jeugdbescherming.".into()),
        url: "/personas/nora/".into(),
        route: vec![
            stop("Zelfreflectie", route::LearningKind::Informeel, "Ontdekte dat luisteren en doorvragen haar goed liggen."),
            stop("Leren van ouders", route::LearningKind::Informeel, "Vraagt ouders hoe zij de ondersteuning ervaren."),
            stop("Leren van en met collega's", route::LearningKind::Informeel, "Loopt mee met ervaren collega's."),
            stop("Leren in het grijze gebied", route::LearningKind::Informeel, "Stemt haar aanpak af op gezinnen."),
            stop("Scholing organisatie", route::LearningKind::Formeel, "Volgde een interne opleiding en een cursus over complexe scheidingen."),
        ],
    })
}

/// The page context of the block tests: figure `figuur-1`, URLs as they are.
pub(super) fn test_page() -> PageContext<'static> {
    PageContext {
        id: "figuur-1",
        href: &|u: &str| u.to_string(),
    }
}

fn samples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/blocks/samples")
}

/// Parses YAML as the body of a block of `kind` in a one-block Markdown file.
pub(super) fn parse_yaml_block(
    kind: Kind,
    yaml: &str,
) -> Result<Block, Vec<crate::diag::Diagnostic>> {
    let text = format!("```{}\n{yaml}```\n", kind.name());
    let file = SourceFile::new("test.md", text);
    let body_offset = file.line_start(2);
    let origin = Origin {
        file: &file,
        body_offset,
        fence_offset: 0,
    };
    let audiences = recommendations::builtin();
    let resolve = Resolve {
        personas: &test_personas,
        audiences: &audiences,
    };
    parse(kind, yaml, origin, &resolve)
}

fn sample(kind: Kind) -> Option<Block> {
    let path = samples_dir().join(format!("{}.yaml", kind.name()));
    let yaml = std::fs::read_to_string(&path).ok()?;
    match parse_yaml_block(kind, &yaml) {
        Ok(block) => Some(block),
        Err(e) => panic!("sample {} does not parse: {e:?}", path.display()),
    }
}

fn edge_cases(kind: Kind) -> Vec<(String, Block)> {
    let path = samples_dir().join(format!("{}.edge.yaml", kind.name()));
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Vec::new();
    };
    text.split("\n---\n")
        .filter(|doc| !doc.trim().is_empty())
        .map(|doc| {
            let doc = format!("{}\n", doc.trim_end());
            match parse_yaml_block(kind, &doc) {
                Ok(block) => (doc, block),
                Err(e) => panic!("edge case of {} does not parse:\n{doc}\n{e:?}", kind.name()),
            }
        })
        .collect()
}

/// Every coordinate is finite and inside the drawing; every text line fits horizontally.
fn check_geometry(what: &str, drawing: &crate::svg::Drawing) {
    assert!(
        drawing.width.is_finite() && drawing.width > 0.0,
        "{what}: width"
    );
    assert!(
        drawing.height.is_finite() && drawing.height > 0.0,
        "{what}: height"
    );
    assert!(
        drawing.height < 20_000.0,
        "{what}: height {}",
        drawing.height
    );
    assert!(!drawing.desc.trim().is_empty(), "{what}: empty desc");
    assert!(!drawing.title.trim().is_empty(), "{what}: empty title");
    let (w, h) = (drawing.width + 0.5, drawing.height + 0.5);
    for root in &drawing.body {
        root.walk(&mut |e: &Element| {
            for attr in [
                "x",
                "y",
                "width",
                "height",
                "cx",
                "cy",
                "r",
                "x1",
                "x2",
                "y1",
                "y2",
                "dy",
                "font-size",
            ] {
                if let Some(v) = e.get(attr) {
                    let n: f64 = v
                        .parse()
                        .unwrap_or_else(|_| panic!("{what}: {attr}={v} on <{}>", e.name()));
                    assert!(n.is_finite(), "{what}: {attr}={v}");
                    if matches!(attr, "x" | "cx" | "x1" | "x2") {
                        assert!((-0.5..=w).contains(&n), "{what}: {attr}={v} outside 0..{w}");
                    }
                    if matches!(attr, "y" | "cy" | "y1" | "y2") {
                        assert!((-0.5..=h).contains(&n), "{what}: {attr}={v} outside 0..{h}");
                    }
                }
            }
            if let Some(points) = e.get("points").or(e.get("d")) {
                assert!(
                    !points.contains("NaN") && !points.contains("inf"),
                    "{what}: {points}"
                );
            }
            if e.name() == "text" {
                check_text(what, e, drawing.width);
            }
        });
    }
}

fn check_text(what: &str, text: &Element, width: f64) {
    let size: f64 = text
        .get("font-size")
        .and_then(|s| s.parse().ok())
        .unwrap_or(16.0);
    let weight = if text.get("font-weight") == Some("700") {
        Weight::Bold
    } else {
        Weight::Regular
    };
    let anchor = text.get("text-anchor").unwrap_or("start");
    let x: f64 = text.get("x").and_then(|s| s.parse().ok()).unwrap_or(0.0);
    let mut lines = vec![text.own_text()];
    text.walk(&mut |e: &Element| {
        if e.name() == "tspan" {
            lines.push(e.own_text());
        }
    });
    for line in lines.iter().filter(|l| !l.is_empty()) {
        let len = font::measure(line, size, weight);
        let (left, right) = match anchor {
            "middle" => (x - len / 2.0, x + len / 2.0),
            "end" => (x - len, x),
            _ => (x, x + len),
        };
        assert!(
            left >= -0.5 && right <= width + 0.5,
            "{what}: text {line:?} spans {left:.1}..{right:.1}, outside 0..{width}"
        );
    }
    let _ = line_height(size);
}

#[test]
fn every_block_kind_has_a_sample() {
    for (name, kind) in REGISTRY {
        assert!(
            sample(*kind).is_some(),
            "src/blocks/samples/{name}.yaml is missing"
        );
    }
}

/// Both renderings of every block's sample: the HTML on the page (and its table, where it has
/// one) and the SVG for download.
#[test]
fn golden_html_and_svg_per_block() {
    for (name, kind) in REGISTRY {
        let Some(block) = sample(*kind) else { continue };
        let svg = block.layout().to_svg(&format!("sample-{name}"), &palette());
        insta::assert_snapshot!(format!("{name}_svg"), svg);
        let html = block.html(&test_page()).to_markup();
        insta::assert_snapshot!(format!("{name}_html"), html);
        if let Some(table) = block.table() {
            insta::assert_snapshot!(format!("{name}_table"), table.to_markup());
        }
    }
}

#[test]
fn samples_and_edge_cases_have_sound_geometry() {
    for (name, kind) in REGISTRY {
        if let Some(block) = sample(*kind) {
            check_geometry(&format!("{name} sample"), &block.layout());
        }
        for (doc, block) in edge_cases(*kind) {
            let drawing = block.layout();
            check_geometry(&format!("{name} edge case\n{doc}"), &drawing);
            let svg = drawing.to_svg("edge", &palette());
            assert!(
                !svg.contains("NaN") && !svg.contains("inf\""),
                "{name}: {doc}"
            );
            assert!(
                !svg.contains("<script"),
                "{name}: unescaped markup in\n{svg}"
            );
            let mut html = block.html(&test_page()).to_markup();
            if let Some(table) = block.table() {
                html.push_str(&table.to_markup());
            }
            assert!(
                !html.contains("<script"),
                "{name}: unescaped markup in the HTML\n{html}"
            );
        }
    }
}

#[test]
fn png_renders_match_the_references() {
    for (name, kind) in REGISTRY {
        let Some(block) = sample(*kind) else { continue };
        let svg = block.layout().to_svg("ref", &palette());
        let png = crate::raster::rasterize(&svg, 2.0).expect("rasterize");
        let got = crate::refimage::check(name, &png);
        // The render is not blank: some pixels are dark text.
        let dark = got
            .pixels()
            .iter()
            .filter(|p| p.red() < 100 && p.green() < 100)
            .count();
        assert!(dark > 200, "{name}: only {dark} dark pixels");
    }
}

#[test]
fn near_miss_block_names_get_a_suggestion() {
    assert_eq!(lookup("barz"), Lookup::NearMiss("bars"));
    assert_eq!(
        lookup("recomendations"),
        Lookup::NearMiss("recommendations")
    );
    assert_eq!(lookup("Bars"), Lookup::NearMiss("bars"));
    assert_eq!(lookup("bars"), Lookup::Block(Kind::Bars));
    assert_eq!(lookup("yaml"), Lookup::Code);
    assert_eq!(lookup("rust"), Lookup::Code);
    assert_eq!(lookup(""), Lookup::Code);
}

#[test]
fn block_yaml_errors_point_into_the_markdown_file() {
    let e = crate::messages::speaking(crate::messages::Language::Dutch, || {
        parse_yaml_block(Kind::Quote, "text: Hallo\nwho: Jeugdbeschermer\nwie: x\n").unwrap_err()
    });
    let span = e[0].span.clone().unwrap();
    // The fence is line 1, so YAML line 3 is file line 4.
    assert_eq!((span.line, span.col), (4, 1));
    assert!(
        e[0].message.contains("onbekend veld `wie`"),
        "{}",
        e[0].message
    );
}

#[test]
fn unknown_persona_is_an_error_at_the_fence() {
    let e = parse_yaml_block(Kind::Persona, "id: norah\n").unwrap_err();
    assert_eq!(e[0].span.as_ref().unwrap().line, 1);
    assert_eq!(e[0].message, "blok `persona`: er is geen persona `norah`");
    assert_eq!(
        e[0].hint.as_deref(),
        Some("maak de persona aan als content/personas/<id>.md")
    );
}
