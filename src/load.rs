//! Content discovery: walks `content/` with walkdir and reads every file. Decides nothing about
//! what a Markdown file means; that is `model`'s job.
//!
//! It does decide which other files may be published as they are. HTML pages and JavaScript
//! are refused, and so are SVG images that hold script (a `<script>`, an event handler, a
//! `javascript:` address, an embedded page): a browser that opens such a file runs its script
//! on the site's own address, outside everything kennis escapes and checks. An SVG without
//! script is an ordinary figure and is copied as it is.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diag::{Diagnostic, Diagnostics};
use crate::messages::{self as m, Text};
use crate::source::SourceFile;

/// Everything read from `content/`. Cloning it is cheap: the files are shared.
#[derive(Debug, Default, Clone)]
pub(crate) struct Sources {
    /// The Markdown files, sorted by path; paths relative to the site root.
    pub(crate) pages: Vec<Arc<SourceFile>>,
    /// Other files (images, PDFs), copied with their page.
    pub(crate) assets: Vec<Asset>,
}

/// A file that is copied as it is.
#[derive(Debug, Clone)]
pub(crate) struct Asset {
    /// Path relative to `content/`, with `/` separators.
    pub(crate) rel: String,
    /// Where it is on disk.
    pub(crate) path: PathBuf,
}

/// Reads `root/content/`. Hidden files and folders (`.git`, `.DS_Store`) are skipped, and so are
/// symbolic links, which could point outside the content folder.
pub(crate) fn load(root: &Path) -> (Sources, Diagnostics) {
    let mut diags = Diagnostics::default();
    let mut sources = Sources::default();
    let content = root.join("content");
    if !content.is_dir() {
        diags.push(
            Diagnostic::error(m::content_folder_missing(content.display()))
                .with_hint(m::content_folder_missing_hint()),
        );
        return (sources, diags);
    }
    let walker = WalkDir::new(&content)
        .sort_by_file_name()
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    let mut pages: Vec<(PathBuf, PathBuf)> = Vec::new();
    let mut svgs: Vec<(PathBuf, PathBuf)> = Vec::new();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                diags.push(Diagnostic::error(m::content_folder_unreadable(e)));
                continue;
            }
        };
        let Ok(rel) = entry.path().strip_prefix(&content) else {
            continue;
        };
        let rel_str = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        if entry.path_is_symlink() {
            diags.push(
                Diagnostic::error(m::content_symbolic_link(&rel_str))
                    .with_hint(m::content_symbolic_link_hint())
                    .into_warning(),
            );
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let shown = Path::new("content").join(rel);
        let extension = rel_str
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        if rel_str.ends_with(".md") {
            pages.push((shown, entry.path().to_path_buf()));
        } else if let Some(refused) = refuse_by_kind(&shown, &extension) {
            diags.push(refused);
        } else {
            if extension == "svg" {
                svgs.push((shown, entry.path().to_path_buf()));
            }
            sources.assets.push(Asset {
                rel: rel_str,
                path: entry.path().to_path_buf(),
            });
        }
    }
    // Read in parallel, kept in walk order.
    let read: Vec<Result<SourceFile, Diagnostic>> = pages
        .into_par_iter()
        .map(|(shown, path)| match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => Ok(SourceFile::new(shown, text)),
                Err(_) => Err(Diagnostic::error(m::content_not_utf8(shown.display()))
                    .with_hint(m::content_not_utf8_hint())),
            },
            Err(e) => Err(Diagnostic::error(m::site_file_unreadable(
                shown.display(),
                e,
            ))),
        })
        .collect();
    for result in read {
        match result {
            Ok(file) => sources.pages.push(Arc::new(file)),
            Err(d) => diags.push(d),
        }
    }
    let refused: Vec<(PathBuf, Diagnostic)> = svgs
        .into_par_iter()
        .filter_map(|(shown, path)| check_svg(&shown, &path).err().map(|d| (path, d)))
        .collect();
    for (path, d) in refused {
        sources.assets.retain(|asset| asset.path != path);
        diags.push(d);
    }
    (sources, diags)
}

/// The error for a file that is refused by its kind alone: an HTML page or a script.
fn refuse_by_kind(shown: &Path, extension: &str) -> Option<Diagnostic> {
    let (what, hint) = match extension {
        "html" | "htm" | "xhtml" | "xht" | "shtml" => {
            (m::content_kind_html(), m::content_kind_html_hint())
        }
        "js" | "mjs" | "cjs" => (m::content_kind_script(), m::content_kind_script_hint()),
        "svgz" => (m::content_kind_svgz(), m::content_kind_svgz_hint()),
        _ => return None,
    };
    let mut d = Diagnostic::error(m::content_refused_kind(shown.display(), what)).with_hint(hint);
    d.span = Some(crate::diag::Span {
        file: shown.to_path_buf(),
        line: 1,
        col: 1,
    });
    Some(d)
}

/// Checks that an SVG image holds nothing that runs: no script or element that embeds a page
/// (in SVG, or in HTML inside a `<foreignObject>`), no event handler, no `javascript:` address,
/// no XSLT. Entities and character references are read as a browser reads them
/// (`&#x6a;avascript:`). Illustrator's private data, embedded PNGs and styles are fine.
fn check_svg(shown: &Path, path: &Path) -> Result<(), Diagnostic> {
    let bytes = std::fs::read(path)
        .map_err(|e| Diagnostic::error(m::site_file_unreadable(shown.display(), e)))?;
    let Ok(text) = String::from_utf8(bytes) else {
        return Err(
            Diagnostic::error(m::svg_not_utf8(shown.display())).with_hint(m::svg_not_utf8_hint())
        );
    };
    check_svg_text(&SourceFile::new(shown, text))
}

/// `check_svg` on the text of the image.
fn check_svg_text(file: &SourceFile) -> Result<(), Diagnostic> {
    let shown = &file.path;
    let options = usvg::roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = usvg::roxmltree::Document::parse_with_options(&file.text, options).map_err(|e| {
        let pos = e.pos();
        file.error_at_line(
            pos.row as usize,
            pos.col as usize,
            m::svg_not_well_formed(shown.display(), e),
        )
        .with_hint(m::svg_not_well_formed_hint())
    })?;
    let refuse = |at: usize, what: Text| {
        Err(file
            .error_at(at, m::svg_holds_script(what))
            .with_hint(m::svg_holds_script_hint()))
    };
    for node in doc.descendants() {
        if let Some(pi) = node.pi()
            && pi.target == "xml-stylesheet"
        {
            return refuse(node.range().start, m::svg_part_stylesheet());
        }
        if !node.is_element() {
            continue;
        }
        let name = node.tag_name().name().to_ascii_lowercase();
        // Whatever namespace they are in (SVG, or HTML inside a `<foreignObject>`).
        if matches!(
            name.as_str(),
            "script" | "handler" | "iframe" | "frame" | "embed" | "object" | "applet" | "portal"
        ) {
            return refuse(
                node.range().start,
                m::svg_part_element(node.tag_name().name()),
            );
        }
        for attr in node.attributes() {
            let attr_name = attr.name().to_ascii_lowercase();
            if attr_name.starts_with("on") {
                return refuse(attr.range().start, m::svg_part_event_handler(attr.name()));
            }
            // Browsers drop spaces and control characters in addresses.
            let value: String = attr
                .value()
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect::<String>()
                .to_ascii_lowercase();
            let runs = ["javascript:", "vbscript:"]
                .into_iter()
                .find(|scheme| value.contains(scheme));
            if let Some(scheme) = runs {
                return refuse(attr.range().start, m::svg_part_script_address(scheme));
            }
            if attr_name == "attributename" && value.starts_with("on") {
                return refuse(attr.range().start, m::svg_part_animated_event_handler());
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The error for an SVG image, in English.
    fn check(svg: &str) -> Result<(), (usize, usize, String)> {
        crate::messages::speaking(crate::messages::Language::English, || check_dutch(svg))
    }

    /// The error for an SVG image, in Dutch.
    fn check_dutch(svg: &str) -> Result<(), (usize, usize, String)> {
        check_svg_text(&SourceFile::new("content/x/grafiek.svg", svg.to_string())).map_err(|d| {
            let span = d.span.unwrap();
            (span.line, span.col, d.message)
        })
    }

    const SVG: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\">";

    #[test]
    fn an_svg_image_without_script_is_published() {
        // As Illustrator writes them: entities in a DOCTYPE, its private data in a
        // `<foreignObject>`, a style sheet, an embedded PNG and a link.
        let illustrator = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n<!ENTITY ns_svg \"http://www.w3.org/2000/svg\">\n<!ENTITY ns_ai \"http://ns.adobe.com/AdobeIllustrator/10.0/\">\n]>\n<svg xmlns=\"&ns_svg;\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:i=\"&ns_ai;\">\n<style>.a{fill:#0b4f71}</style>\n<switch><foreignObject requiredExtensions=\"&ns_ai;\" width=\"1\" height=\"1\"><i:pgfRef xlink:href=\"#pgf\"/></foreignObject>\n<g><image width=\"1\" height=\"1\" xlink:href=\"data:image/png;base64,iVBORw0KGgo=\"/><a href=\"https://example.org/\"><text class=\"a\" opacity=\"0.5\">onderzoek = 12</text></a></g></switch>\n</svg>\n";
        assert_eq!(check(illustrator), Ok(()));
    }

    #[test]
    fn an_svg_image_with_script_is_refused_where_the_script_is() {
        let cases = [
            (
                format!("{SVG}\n<script>alert(1)</script></svg>"),
                2,
                1,
                "a `<script>` element",
            ),
            (
                format!("{SVG}\n<circle r=\"1\" ONLOAD=\"alert(1)\"/></svg>"),
                2,
                15,
                "an event handler (`ONLOAD`)",
            ),
            (
                format!(
                    "{SVG}\n<a xlink:href=\"jav&#x61;&#9;script:alert(1)\"><text>x</text></a></svg>"
                ),
                2,
                4,
                "a `javascript:` address",
            ),
            (
                format!(
                    "{SVG}<foreignObject><body xmlns=\"http://www.w3.org/1999/xhtml\"><iframe src=\"x\"/></body></foreignObject></svg>"
                ),
                1,
                162,
                "a `<iframe>` element",
            ),
            (
                format!("{SVG}<a><set attributeName=\"onclick\" to=\"alert(1)\"/></a></svg>"),
                1,
                112,
                "an animated event handler",
            ),
            (
                format!("<?xml-stylesheet type=\"text/xsl\" href=\"x.xsl\"?>\n{SVG}</svg>"),
                1,
                1,
                "a stylesheet instruction",
            ),
        ];
        for (svg, line, col, what) in cases {
            let (l, c, message) = check(&svg).unwrap_err();
            assert!(message.contains(what), "{svg}: {message}");
            assert!(
                message.contains("would run on the site's own address"),
                "{message}"
            );
            assert_eq!((l, c), (line, col), "{svg}: {message}");
        }
        let (_, _, message) = check_dutch(&format!("{SVG}\n<script>x</script></svg>")).unwrap_err();
        assert_eq!(
            message,
            "deze SVG-afbeelding bevat een element `<script>`, en dat zou draaien op het eigen adres van de site als de afbeelding geopend wordt"
        );
        let (l, _, message) = check(&format!("{SVG}\n<g></svg>")).unwrap_err();
        assert!(message.contains("not a well-formed SVG image"), "{message}");
        assert_eq!(l, 2);
    }
}
