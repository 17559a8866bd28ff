//! Markdown: any text as a page body through `model::body::parse` (headings, blocks, links)
//! and `render::html::body_html`. Nothing may panic, and the HTML may hold no element or
//! address that runs script, whatever the text.

#![no_main]
#![allow(
    dead_code,
    unused_imports,
    reason = "only the body path of these modules is used here"
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

#[path = "../../src/model/body.rs"]
mod body;
#[path = "../../src/model/entry.rs"]
mod entry;

/// The part of `kennis::model` compiled here, under the paths kennis uses: entries and bodies.
/// (Compiled at the top and re-exported: `#[path]` inside an inline module would look in a
/// folder `fuzz_targets/model/` that does not exist.)
mod model {
    pub(crate) use super::{body, entry};
    pub(crate) use body::{Body, Figure, recommendation_prefix};
}

#[path = "../../src/render/html.rs"]
mod html;

/// The part of `kennis::render` compiled here: the body renderer.
mod render {
    pub(crate) use super::html;
}

use blocks::{Problem, Resolve, persona, recommendations::AUDIENCES};
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

fn no_persona(id: &str) -> Result<persona::Card, Problem> {
    Err(Problem::new(
        format!("there is no persona `{id}`"),
        "add it",
    ))
}

/// The attributes (lower-cased name, value) of every tag in `html`. Text escapes `<`, so every
/// `<` opens a tag; attribute values are quoted and escape `"` and `>`.
fn attributes(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (start, _) in html.match_indices('<') {
        let tag = &html[start + 1..html[start..].find('>').map_or(html.len(), |e| start + e)];
        // Skip the element name, then read `name` or `name="value"` pairs.
        let mut rest = tag.trim_start_matches(|c: char| !c.is_whitespace());
        loop {
            rest = rest.trim_start();
            let name_end = rest
                .find(|c: char| c == '=' || c.is_whitespace())
                .unwrap_or(rest.len());
            if name_end == 0 {
                break;
            }
            let name = rest[..name_end].to_ascii_lowercase();
            rest = &rest[name_end..];
            let mut value = String::new();
            if let Some(quoted) = rest.strip_prefix("=\"") {
                let end = quoted.find('"').unwrap_or(quoted.len());
                value = quoted[..end].to_string();
                rest = quoted.get(end + 1..).unwrap_or("");
            }
            out.push((name, value));
        }
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let Ok(md) = std::str::from_utf8(data) else {
        return;
    };
    let file = source::SourceFile::new("content/x.md", md.to_string());
    let resolve = Resolve {
        personas: &no_persona,
        audiences: AUDIENCES,
    };
    let (body, diags) = model::body::parse(&file, 0..md.len(), &resolve);
    for d in &diags {
        let _ = d.render();
    }
    let html = render::html::body_html(&body, &palette());
    let lower = html.to_ascii_lowercase();
    for tag in [
        "<script",
        "<iframe",
        "<object",
        "<embed",
        "<style",
        "<svg onload",
    ] {
        assert!(!lower.contains(tag), "{tag} in {html}");
    }
    for (name, value) in attributes(&html) {
        assert!(!name.starts_with("on"), "event handler {name} in {html}");
        // pulldown-cmark writes table column alignment as a style; nothing else may.
        let alignment = ["left", "center", "right"].map(|a| format!("text-align: {a}"));
        assert!(
            name != "style" || alignment.contains(&value),
            "style attribute in {html}"
        );
        if name == "href" || name == "src" {
            assert!(
                model::body::is_safe_url(&value.replace("&amp;", "&")),
                "unsafe address {value} in {html}"
            );
        }
    }
});
