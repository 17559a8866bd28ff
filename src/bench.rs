//! What `benches/graphics.rs` times: the sample of every block kind
//! (`src/blocks/samples/<block>.yaml`) parsed once, then laid out and serialized as SVG, and
//! rasterized as the 2× PNG, the way a build makes a figure's files.
//!
//! Nothing here is used by a build.

use crate::blocks::{self, Block, Origin, Problem, REGISTRY, Resolve, persona, route, values};
use crate::palette::Palette;
use crate::source::SourceFile;

/// One block kind's sample, parsed.
pub struct Sample {
    /// The block's name (`bars`).
    pub name: &'static str,
    block: Block,
    palette: Palette,
}

/// Nora, for the `persona` sample.
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

/// Every block kind's sample, in registry order. Panics when a sample does not parse: the
/// samples are part of the source tree and a unit test keeps them valid.
pub fn samples() -> Vec<Sample> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/blocks/samples");
    REGISTRY
        .iter()
        .map(|(name, kind)| {
            let yaml = std::fs::read_to_string(format!("{dir}/{name}.yaml"))
                .unwrap_or_else(|e| panic!("sample {name}: {e}"));
            let file = SourceFile::new("bench.md", format!("```{name}\n{yaml}```\n"));
            let origin = Origin {
                file: &file,
                body_offset: file.line_start(2),
                fence_offset: 0,
            };
            let audiences = blocks::recommendations::builtin();
            let resolve = Resolve {
                personas: &nora,
                audiences: &audiences,
            };
            let block = blocks::parse(*kind, &yaml, origin, &resolve)
                .unwrap_or_else(|e| panic!("sample {name}: {e:?}"));
            Sample {
                name,
                block,
                palette: Palette {
                    paper: "#ffffff".into(),
                    ink: "#17212b".into(),
                    muted: "#4a5866".into(),
                    primary: "#0b4f71".into(),
                    secondary: "#a3410f".into(),
                    tint: "#e8f1f7".into(),
                    line: "#6f7f8e".into(),
                },
            }
        })
        .collect()
}

impl Sample {
    /// Lays the sample out and serializes it as the `.svg` file.
    pub fn svg(&self) -> String {
        self.block.layout().to_svg("bench", &self.palette)
    }

    /// Rasterizes `svg` as the 2× PNG, without a cache.
    pub fn png(svg: &str) -> Vec<u8> {
        crate::raster::rasterize(svg, 2.0).unwrap_or_else(|e| panic!("rasterize: {e}"))
    }
}
