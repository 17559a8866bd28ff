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
        return Err(Problem::new(
            crate::messages::persona_unknown(id),
            crate::messages::persona_add_file(),
        ));
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
        crate::messages::persona_unknown(id),
        crate::messages::persona_add_file(),
    ))
}

/// `text` as a page body, parsed and rendered to HTML. The HTML holds no element that runs or
/// embeds script or style, no event handler, no style attribute but a table cell's alignment,
/// and no link or image address with a scheme other than http(s), mailto and tel.
pub fn markdown(text: &str) -> Result<(), String> {
    let file = std::sync::Arc::new(SourceFile::new("content/x.md", text.to_string()));
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

/// Numbers the sites `site` builds, so that runs on several threads never share a folder.
static NEXT_SITE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// The `site.yaml` files a fuzzed site starts from: one site, two sites where one includes a
/// series, an audience of its own, a base path.
const SITE_YAMLS: &[&str] = &[
    "language: nl\nsites:\n  a:\n    title: A\n    base_url: https://a.example.nl/\n    theme: kennisnetwerk\n",
    "language: nl\nsites:\n  a:\n    title: A\n    base_url: https://a.example.nl/\n    theme: kennisnetwerk\n  b:\n    title: B\n    base_url: https://b.example.nl/sub/\n    theme: platform\n    include:\n      series: [Reeks]\n",
    "language: nl\naudiences: [\"Jeugd en gezin\", {name: bestuurders, label: \"Voor bestuur\"}]\nsites:\n  a:\n    title: \"A <b>&\"\n    base_url: https://a.example.nl/x/\n    theme: platform\n",
];

/// Where a file of a fuzzed site goes, by its first byte; `{}` is a name from the input.
const PATHS: &[&str] = &[
    "content/_index.md",
    "content/rapporten/{}/index.md",
    "content/rapporten/{}.md",
    "content/personas/{}.md",
    "content/paginas/{}.md",
    "content/{}/_index.md",
    "content/rapporten/{}/bijlage.pdf",
    "content/{}/{}.md",
];

/// Front matter a fuzzed file starts with, by its second byte; `{}` is text from the input.
const FRONT: &[&str] = &[
    "---\ntitle: {}\ntype: report\ndate: 2025-03-01\nsummary: {}\nseries: Reeks\nthemes: [{}, leren]\npersonas: [nora]\n---\n",
    "---\ntitle: {}\ntype: report\ndate: {}\nsummary: s\n---\n",
    "---\ntype: persona\nname: {}\nreport: {}\nroute:\n  - {title: {}, kind: informeel}\n---\n",
    "---\ntitle: {}\n---\n",
    "---\n{}\n---\n",
    "",
];

/// `data` as a whole site: `site.yaml` chosen by its first byte, then files separated by 0xFF
/// bytes, each made of a path, front matter and a body of Markdown and infographic blocks
/// from the input. The site is built in this process into a folder of its own and written.
/// Nothing may panic; an error names a place inside a file of the site; what is written holds
/// no script from the input and stays inside the output folder.
pub fn site(data: &[u8]) -> Result<(), String> {
    let Some((&first, rest)) = data.split_first() else {
        return Ok(());
    };
    let n = NEXT_SITE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let root = std::env::temp_dir().join(format!("kennis-fuzz-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let result = build_site(&root, first, rest);
    let _ = std::fs::remove_dir_all(&root);
    result.map(|_| ())
}

/// A name from the input that stays one plain path segment.
fn segment(bytes: &[u8]) -> String {
    let text: String = String::from_utf8_lossy(bytes)
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | '\0') {
                '_'
            } else {
                c
            }
        })
        .take(24)
        .collect();
    match text.trim() {
        "" | "." | ".." => "x".to_string(),
        _ => text,
    }
}

/// Writes and builds the site; the number of pages it wrote, when it built.
fn build_site(root: &std::path::Path, first: u8, rest: &[u8]) -> Result<usize, String> {
    let fail = |e: std::io::Error| format!("could not write the fuzzed site: {e}");
    std::fs::create_dir_all(root.join("content/personas")).map_err(fail)?;
    let yaml = SITE_YAMLS[usize::from(first) % SITE_YAMLS.len()];
    std::fs::write(root.join("site.yaml"), yaml).map_err(fail)?;
    // A persona that the templates refer to.
    std::fs::write(
        root.join("content/personas/nora.md"),
        "---\ntype: persona\nname: Nora\nroute:\n  - {title: Leren, kind: formeel}\n---\nNora.\n",
    )
    .map_err(fail)?;
    for piece in rest.split(|b| *b == 0xFF).take(12) {
        let [path_byte, front_byte, tail @ ..] = piece else {
            continue;
        };
        let (name, tail) = tail.split_at(tail.len().min(8));
        let template = PATHS[usize::from(*path_byte) % PATHS.len()];
        let rel = template
            .replacen("{}", &segment(name), 1)
            .replacen("{}", "y", 1);
        let text = String::from_utf8_lossy(tail);
        let mut parts = text.splitn(4, '\u{1}');
        let mut next = || parts.next().unwrap_or("").to_string();
        let mut file = FRONT[usize::from(*front_byte) % FRONT.len()].to_string();
        while file.contains("{}") {
            file = file.replacen("{}", &next(), 1);
        }
        // The body: the rest of the text, with a block of each kind the input names by byte.
        let body = next();
        let kind = REGISTRY[usize::from(*front_byte / 8) % REGISTRY.len()].0;
        file.push_str(&format!("{body}\n\n```{kind}\n{body}\n```\n"));
        let path = root.join(&rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(fail)?;
        }
        std::fs::write(&path, file).map_err(fail)?;
    }

    let config = match crate::config::load(root, &crate::config::Overrides::default()) {
        Ok(config) => config,
        Err(diags) => return placed(root, &diags).map(|_| 0),
    };
    let caches = crate::pipeline::Caches {
        pngs: crate::raster::Cache::none(),
        search: crate::render::search::Cache::none(),
    };
    let built = match crate::pipeline::build(&config, false, &caches, false, &|_| {}) {
        Ok((built, _)) => built,
        Err(diags) => {
            if std::env::var_os("KENNIS_FUZZ_SAY").is_some() {
                for d in diags.sorted() {
                    eprintln!("{}", d.render());
                }
            }
            return placed(root, &diags).map(|_| 0);
        }
    };
    placed(root, &built.warnings)?;
    let out = root.join("output");
    crate::output::commit(&built.sites, &out).map_err(|e| format!("writing failed: {e}"))?;
    for (_, outputs) in &built.sites {
        for output in outputs {
            let crate::render::Data::Bytes(bytes) = &output.data else {
                continue;
            };
            if !output.path.ends_with(".html") {
                continue;
            }
            let html = String::from_utf8_lossy(bytes);
            for (i, _) in html.match_indices("<script") {
                let tag = &html[i..html[i..].find('>').map_or(html.len(), |e| i + e + 1)];
                let ours = tag == "<script type=\"application/ld+json\">"
                    || (tag.starts_with("<script src=\"") && tag.ends_with("\" defer>"));
                if !ours {
                    return Err(format!("{}: a script from the input: {tag}", output.path));
                }
            }
            for (name, value) in attributes(&html) {
                if name.starts_with("on") {
                    return Err(format!("{}: an event handler {name}", output.path));
                }
                if (name == "href" || name == "src")
                    && !crate::model::body::is_safe_url(&value.replace("&amp;", "&"))
                {
                    return Err(format!("{}: the address {value}", output.path));
                }
            }
        }
    }
    Ok(built
        .sites
        .iter()
        .flat_map(|(_, o)| o)
        .filter(|o| o.path.ends_with("index.html"))
        .count())
}

/// Every diagnostic with a place points inside a file of the site, at a line it has.
fn placed(root: &std::path::Path, diags: &crate::diag::Diagnostics) -> Result<(), String> {
    for d in diags.sorted() {
        let _ = d.render();
        let Some(span) = &d.span else { continue };
        let Ok(text) = std::fs::read_to_string(root.join(&span.file)) else {
            // A file that is not text (a PDF) is named without reading it.
            if root.join(&span.file).exists() {
                continue;
            }
            return Err(format!(
                "a diagnostic names a file that is not there: {d:?}"
            ));
        };
        let lines = crate::source::SourceFile::new(span.file.clone(), text)
            .position(usize::MAX)
            .0;
        if span.line < 1 || span.col < 1 || span.line > lines.max(1) {
            return Err(format!(
                "a diagnostic outside its file ({lines} lines): {d:?}"
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The decoder makes sites that build: a report with a block, on one site and on two.
    #[test]
    fn a_fuzzed_site_builds_and_its_errors_have_places() {
        let dir = std::env::temp_dir().join(format!("kennis-fuzz-test-{}", std::process::id()));
        // Path 1 (a report folder), front matter 0 (a report), the name, then the title,
        // summary, theme and body; the block kind is 0 / 8, `figures`.
        let report = b"\x01\x00onderzoeEen rapport\x01Een samenvatting\x01leren\x01- {value: 3, label: dingen}";
        let pages = build_site(&dir, 0, report).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        assert!(pages >= 5, "{pages} pages");
        let pages = build_site(&dir, 1, report).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        assert!(pages >= 10, "two sites: {pages} pages");
        // An error of the content is accepted when it names its place.
        let broken = b"\x01\x04onderzoetitle: [open\n\x01x\x01y";
        assert_eq!(build_site(&dir, 0, broken), Ok(0));
        let _ = std::fs::remove_dir_all(&dir);
    }

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
