//! What the fuzz targets (`fuzz/`) and the seed-corpus test (`tests/fuzz_seeds.rs`) run: each
//! function takes any text as an editor could write it, sends it down the same path as a build,
//! and says which property was broken, if one was. A panic inside is a crash the fuzzer finds.
//!
//! Nothing here is used by a build.

use crate::blocks::{self, Origin, Problem, REGISTRY, Resolve, persona, recommendations, route};
use crate::diag::Diagnostic;
use crate::palette::Palette;
use crate::source::SourceFile;

/// A palette with the roles of the built-in themes.
fn palette() -> Palette {
    Palette {
        paper: "#ffffff".into(),
        ink: "#17212b".into(),
        muted: "#4a5866".into(),
        primary: "#0b4f71".into(),
        secondary: "#a3410f".into(),
        tint: "#e8f1f7".into(),
        line: "#6f7f8e".into(),
    }
}

/// `text` as a content file: front matter read and checked, then the date. Every diagnostic
/// has a position inside the file and a hint; a head that reads has a URL of the form `/…/`.
pub fn front_matter(text: &str) -> Result<(), String> {
    let file = SourceFile::new("content/rapporten/x/index.md", text.to_string());
    let check = |d: &Diagnostic| -> Result<(), String> {
        if let Some(span) = &d.span
            && (span.line < 1 || span.col < 1 || span.line > file.position(text.len()).0)
        {
            return Err(format!("a position outside the file: {d:?}"));
        }
        if d.hint.is_none() {
            return Err(format!("an error without a hint: {d:?}"));
        }
        let _ = d.render();
        Ok(())
    };
    match crate::model::entry::read_head(&file) {
        Ok(head) => {
            if head.body_start > text.len() {
                return Err("the body starts after the end of the file".into());
            }
            if let Err(d) = crate::model::entry::check_date(&head, &file) {
                check(&d)?;
            }
            let url = &head.location.url;
            if !url.starts_with('/') || !url.ends_with('/') {
                return Err(format!("the URL {url:?} is not of the form /…/"));
            }
            Ok(())
        }
        Err(errors) => errors.iter().try_for_each(check),
    }
}

/// Every persona id but the empty one resolves, to a card with a route, so that `persona`
/// blocks are laid out too.
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
fn finite_geometry(svg: &str) -> Result<(), String> {
    for attr in NUMERIC {
        let pattern = format!(" {attr}=\"");
        for (i, _) in svg.match_indices(&pattern) {
            let value = svg[i + pattern.len()..].split('"').next().unwrap_or("");
            for number in value.split_whitespace() {
                match number.parse::<f64>() {
                    Ok(n) if n.is_finite() => {}
                    _ => return Err(format!("{attr}=\"{value}\" is not a finite number")),
                }
            }
        }
    }
    Ok(())
}

/// `text` as the YAML of every block kind. What parses is laid out, serialized as SVG and as
/// its table, with finite coordinates, no `NaN` the input did not write and no script; what
/// does not parse gives errors with a position and a hint.
pub fn block_yaml(text: &str) -> Result<(), String> {
    let palette = palette();
    let audiences = recommendations::builtin();
    let resolve = Resolve {
        personas: &any_persona,
        audiences: &audiences,
    };
    for (name, kind) in REGISTRY {
        let file = SourceFile::new("content/x.md", format!("```{name}\n{text}\n```\n"));
        let origin = Origin {
            file: &file,
            body_offset: file.line_start(2),
            fence_offset: 0,
        };
        match blocks::parse(*kind, text, origin, &resolve) {
            Ok(block) => {
                let drawing = block.layout();
                if !drawing.width.is_finite() || !drawing.height.is_finite() {
                    return Err(format!("{name}: the drawing's size is not finite"));
                }
                let svg = drawing.to_svg("figuur-1", &palette);
                finite_geometry(&svg).map_err(|e| format!("{name}: {e}"))?;
                let href = |u: &str| u.to_string();
                let page = blocks::PageContext {
                    id: "figuur-1",
                    href: &href,
                };
                let mut table = block.html(&page).to_markup();
                if let Some(t) = block.table() {
                    table.push_str(&t.to_markup());
                }
                if let Some(csv) = block.csv() {
                    table.push_str(&String::from_utf8_lossy(&csv.to_bytes()));
                }
                if !text.to_ascii_lowercase().contains("nan") && table.contains("NaN") {
                    return Err(format!("{name}: NaN in {table}"));
                }
                for out in [&svg, &table] {
                    if out.contains("<script") {
                        return Err(format!("{name}: a script in {out}"));
                    }
                }
            }
            Err(errors) => {
                for d in &errors {
                    if d.span.is_none() || d.hint.is_none() {
                        return Err(format!("an error without a position or hint: {d:?}"));
                    }
                    let _ = d.render();
                }
            }
        }
    }
    Ok(())
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

/// Persona ids never resolve in a body on its own.
fn no_persona(id: &str) -> Result<persona::Card, Problem> {
    Err(Problem::new(
        format!("there is no persona `{id}`"),
        "add it",
    ))
}

/// `text` as a page body, parsed and rendered to HTML. The HTML holds no element that runs or
/// embeds script or style, no event handler, no style attribute but a table cell's alignment,
/// and no link or image address with a scheme other than http(s), mailto and tel.
pub fn markdown(text: &str) -> Result<(), String> {
    let file = SourceFile::new("content/x.md", text.to_string());
    let audiences = recommendations::builtin();
    let resolve = Resolve {
        personas: &no_persona,
        audiences: &audiences,
    };
    let (body, diags) = crate::model::body::parse(&file, 0..text.len(), &resolve);
    for d in &diags {
        let _ = d.render();
    }
    let html = crate::render::html::body_html(&body, &|u: &str| u.to_string());
    let lower = html.to_ascii_lowercase();
    for tag in [
        "<script",
        "<iframe",
        "<object",
        "<embed",
        "<style",
        "<svg onload",
    ] {
        if lower.contains(tag) {
            return Err(format!("{tag} in {html}"));
        }
    }
    // pulldown-cmark writes table column alignment as a style; nothing else may.
    let alignment = ["left", "center", "right"].map(|a| format!("text-align: {a}"));
    for (name, value) in attributes(&html) {
        if name.starts_with("on") {
            return Err(format!("event handler {name} in {html}"));
        }
        if name == "style" && !alignment.contains(&value) {
            return Err(format!("style attribute in {html}"));
        }
        if (name == "href" || name == "src")
            && !crate::model::body::is_safe_url(&value.replace("&amp;", "&"))
        {
            return Err(format!("unsafe address {value} in {html}"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_property_is_reported() {
        assert!(finite_geometry("<rect x=\"NaN\"/>").is_err());
        assert!(finite_geometry("<rect x=\"1.5\" width=\"3\"/>").is_ok());
        assert_eq!(
            attributes("<a href=\"x\" onclick=\"y\">"),
            [("href".into(), "x".into()), ("onclick".into(), "y".into())]
        );
    }
}
