//! Markdown bodies: finds the headings (with their ids, for the table of contents) and the
//! infographic blocks (parsed and validated, with errors at their line in the file), and warns
//! about what the renderer leaves out: link and image addresses that could run script
//! (`is_safe_url`) and heading attributes other than `{#id .class}`.
//!
//! The Markdown itself is kept as text; `render::html` replays the same parser and replaces
//! each block and heading with what was decided here, in the same order.

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::blocks::{self, Block, Lookup, Origin, Resolve};
use crate::diag::Diagnostic;
use crate::source::SourceFile;

use super::entry::slugify;

/// The Markdown extensions kennis uses, the same for the model and the renderer.
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
}

/// A parsed body.
#[derive(Debug, Default)]
pub(crate) struct Body {
    /// The Markdown text.
    pub(crate) markdown: String,
    /// Headings in order, with the ids they get.
    pub(crate) headings: Vec<Heading>,
    /// Infographic blocks in order.
    pub(crate) figures: Vec<Figure>,
}

/// A heading of the body.
#[derive(Debug, Clone)]
pub(crate) struct Heading {
    /// 2 to 6.
    pub(crate) level: u8,
    /// Unique id on the page.
    pub(crate) id: String,
    /// Plain text.
    pub(crate) text: String,
}

/// An infographic in a body.
#[derive(Debug, Clone)]
pub(crate) struct Figure {
    /// 1-based number on the page.
    pub(crate) number: usize,
    /// Id on the page (`figuur-1`), also the file name of its SVG and PNG.
    pub(crate) id: String,
    /// The block.
    pub(crate) block: Block,
}

/// The id prefix of the recommendation list items of a figure; each item's id is
/// `{prefix}-{audience}-{n}`, so `/aanbevelingen/` can link straight to it.
pub(crate) fn recommendation_prefix(figure_id: &str) -> String {
    format!("{figure_id}-aanbeveling")
}

/// Ids that the page template uses itself.
const RESERVED_IDS: &[&str] = &["inhoud", "top"];

/// Parses the body of `file` in `range`; `resolve` answers what blocks refer to.
pub(crate) fn parse(
    file: &SourceFile,
    range: Range<usize>,
    resolve: &Resolve<'_>,
) -> (Body, Vec<Diagnostic>) {
    let markdown = &file.text[range.clone()];
    let base = range.start;
    let mut diags = Vec::new();
    let mut body = Body {
        markdown: markdown.to_string(),
        ..Body::default()
    };
    let mut used_ids: HashSet<String> = RESERVED_IDS.iter().map(|s| s.to_string()).collect();
    let mut heading: Option<(u8, Option<String>, String, usize)> = None;
    let mut block: Option<(blocks::Kind, usize, Option<usize>, String)> = None;
    let mut previous_level = 1u8;

    for (event, span) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading {
                level, id, attrs, ..
            }) => {
                if !attrs.is_empty() {
                    diags.push(
                        file.error_at(
                            base + span.start,
                            "this heading has attributes other than an `#id` and `.class`",
                        )
                        .with_hint("remove them: only `{#id}` and `{.class}` are used, the rest is left out of the page")
                        .into_warning(),
                    );
                }
                heading = Some((
                    level_number(level),
                    id.map(|i| i.to_string()),
                    String::new(),
                    span.start,
                ));
            }
            Event::End(TagEnd::Heading(_)) => {
                let Some((level, explicit, text, start)) = heading.take() else {
                    continue;
                };
                let text = text.trim().to_string();
                if level == 1 {
                    diags.push(
                        file.error_at(base + start, "a heading of level 1 (`# `) in the body; the page title is the only level-1 heading")
                            .with_hint("start the body's headings at `## `"),
                    );
                } else if level > previous_level + 1 {
                    diags.push(
                        file.error_at(base + start, format!("heading level {level} follows level {previous_level}, skipping a level"))
                            .with_hint(format!("use `{} ` here, or add the heading level in between", "#".repeat(usize::from(previous_level) + 1))),
                    );
                }
                previous_level = level;
                let wanted = explicit.unwrap_or_else(|| slugify(&text));
                let id = unique_id(&wanted, &mut used_ids);
                body.headings.push(Heading { level, id, text });
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                match blocks::lookup(&info) {
                    Lookup::Block(kind) => {
                        block = Some((kind, base + span.start, None, String::new()))
                    }
                    Lookup::NearMiss(name) => {
                        let written = info.split_whitespace().next().unwrap_or("").to_string();
                        diags.push(
                            file.error_at(
                                base + span.start,
                                format!("`{written}` is not an infographic block"),
                            )
                            .with_hint(format!(
                                "did you mean `{name}`? Blocks are: {}",
                                block_names()
                            )),
                        );
                    }
                    Lookup::Code => {}
                }
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if !is_safe_url(&dest_url) =>
            {
                let shown: String = dest_url
                    .chars()
                    .take(60)
                    .map(|c| if c.is_control() { '\u{fffd}' } else { c })
                    .collect();
                diags.push(
                    file.error_at(
                        base + span.start,
                        format!("the address `{shown}` is not a web, e-mail or phone address"),
                    )
                    .with_hint(format!(
                        "use an address starting with {}, or one within the site; this link is shown as plain text",
                        SAFE_SCHEMES.join(":, ") + ":"
                    ))
                    .into_warning(),
                );
            }
            Event::Text(text) => {
                if let Some((_, _, first, yaml)) = block.as_mut() {
                    first.get_or_insert(base + span.start);
                    yaml.push_str(&text);
                } else if let Some((_, _, t, _)) = heading.as_mut() {
                    t.push_str(&text);
                }
            }
            Event::Code(text) => {
                if let Some((_, _, t, _)) = heading.as_mut() {
                    t.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                let Some((kind, fence, first, yaml)) = block.take() else {
                    continue;
                };
                let body_offset =
                    first.unwrap_or_else(|| file.line_start(file.position(fence).0 + 1));
                let origin = Origin {
                    file,
                    body_offset,
                    fence_offset: fence,
                };
                if yaml.trim().is_empty() {
                    diags.push(
                        file.error_at(fence, format!("the `{}` block is empty", kind.name()))
                            .with_hint("write the block's data as YAML between the fences"),
                    );
                    continue;
                }
                match blocks::parse(kind, &yaml, origin, resolve) {
                    Ok(parsed) => {
                        let number = body.figures.len() + 1;
                        let id = unique_id(&format!("figuur-{number}"), &mut used_ids);
                        body.figures.push(Figure {
                            number,
                            id,
                            block: parsed,
                        });
                    }
                    Err(errors) => diags.extend(errors),
                }
            }
            _ => {}
        }
    }
    (body, diags)
}

/// The schemes a link or image address from content may have.
pub(crate) const SAFE_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// Whether a link or image address from content may become an `href` or `src`: one of
/// `SAFE_SCHEMES`, or an address without a scheme (`page/`, `/x/`, `#id`, `//host/`). Any other
/// scheme (`javascript:`, `data:`, `vbscript:`, `file:`) could run script in the page, so the
/// renderer drops such a link or image and keeps its text.
pub(crate) fn is_safe_url(url: &str) -> bool {
    // Browsers strip leading and trailing controls and spaces, and tabs and newlines anywhere,
    // before they look for the scheme (WHATWG URL parsing); so does this check.
    let cleaned: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    match cleaned.find([':', '/', '?', '#']) {
        // A `:` before any `/`, `?` or `#` ends a scheme; it must be a known safe one. (Text
        // that is not a valid scheme, such as `a b:`, is refused too rather than guessed at.)
        Some(i) if cleaned[i..].starts_with(':') => {
            SAFE_SCHEMES.contains(&cleaned[..i].to_ascii_lowercase().as_str())
        }
        _ => true,
    }
}

fn block_names() -> String {
    blocks::REGISTRY
        .iter()
        .map(|(n, _)| *n)
        .collect::<Vec<_>>()
        .join(", ")
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn unique_id(wanted: &str, used: &mut HashSet<String>) -> String {
    let wanted = if wanted.is_empty() { "kop" } else { wanted };
    let mut id = wanted.to_string();
    let mut n = 2;
    while used.contains(&id) {
        id = format!("{wanted}-{n}");
        n += 1;
    }
    used.insert(id.clone());
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::{Problem, persona::Card, recommendations::AUDIENCES};

    fn no_personas(id: &str) -> Result<Card, Problem> {
        Err(Problem::new(
            format!("there is no persona `{id}`"),
            "add it",
        ))
    }

    fn parse_text(md: &str) -> (Body, Vec<Diagnostic>) {
        let file = SourceFile::new("content/x.md", md.to_string());
        let resolve = Resolve {
            personas: &no_personas,
            audiences: AUDIENCES,
        };
        parse(&file, 0..md.len(), &resolve)
    }

    #[test]
    fn headings_get_unique_ids() {
        let (body, diags) = parse_text("## Aanleiding\n\n## Aanleiding\n\n### Eigen {#mijn-id}\n");
        assert!(diags.is_empty(), "{diags:?}");
        let ids: Vec<&str> = body.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["aanleiding", "aanleiding-2", "mijn-id"]);
    }

    #[test]
    fn skipped_levels_and_body_h1_are_errors() {
        let (_, diags) = parse_text("# Titel\n\n## A\n\n#### B\n");
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert_eq!(diags[0].span.as_ref().unwrap().line, 1);
        assert_eq!(diags[1].span.as_ref().unwrap().line, 5);
    }

    #[test]
    fn blocks_are_parsed_and_numbered_and_code_stays_code() {
        let md = "Tekst\n\n```quote\ntext: Hallo\n```\n\n```yaml\na: 1\n```\n\n```quote\ntext: Twee\n```\n";
        let (body, diags) = parse_text(md);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(body.figures.len(), 2);
        assert_eq!(body.figures[1].id, "figuur-2");
    }

    #[test]
    fn only_web_mail_phone_and_site_addresses_are_safe() {
        for safe in [
            "https://example.org/a?b=c:d",
            "http://x.nl",
            "MAILTO:a@b.nl",
            "tel:+31701234567",
            "../",
            "/paginas/over/",
            "#kop",
            "bijlage.pdf",
            "map/bestand:2.pdf",
            "?q=a:b",
            "//example.org/",
            "",
        ] {
            assert!(is_safe_url(safe), "{safe}");
        }
        for unsafe_url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "vbscript:msgbox",
            "file:///etc/passwd",
            "c:\\windows",
        ] {
            assert!(!is_safe_url(unsafe_url), "{unsafe_url:?}");
        }
    }

    #[test]
    fn dangerous_links_and_heading_attributes_are_warnings() {
        let md = "## Kop {onclick=alert(1)}\n\n[x](javascript:alert(1)) ![y](data:x)\n";
        let (_, diags) = parse_text(md);
        assert_eq!(diags.len(), 3, "{diags:?}");
        assert!(
            diags
                .iter()
                .all(|d| d.severity == crate::diag::Severity::Warning)
        );
        assert!(diags[1].message.contains("`javascript:alert(1)`"));
        assert_eq!(diags[1].span.as_ref().unwrap().col, 1);
    }

    #[test]
    fn near_miss_names_and_bad_yaml_point_at_the_file_line() {
        let md = "Intro\n\n```qoute\ntext: x\n```\n\n```quote\ntext: a\nwho: [\n```\n";
        let (_, diags) = parse_text(md);
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert_eq!(diags[0].span.as_ref().unwrap().line, 3);
        assert!(
            diags[0]
                .hint
                .as_ref()
                .unwrap()
                .contains("did you mean `quote`")
        );
        assert!(diags[1].span.as_ref().unwrap().line >= 8, "{:?}", diags[1]);
    }
}
