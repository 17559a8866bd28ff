//! Body Markdown → HTML: pulldown-cmark's events with the model's heading ids, each
//! infographic block replaced by its `<figure>`, tables made scrollable, and raw HTML from
//! content escaped (content never puts markup or script into a page): links and images whose
//! address has a scheme other than `model::body::SAFE_SCHEMES` (`javascript:`) are dropped with
//! their text kept, and heading attributes other than `{#id .class}` are left out.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Parser, Tag, TagEnd, html};

use crate::blocks::{self, Block, Kind, Lookup};
use crate::markup::{Element, Node};
use crate::model::body::{is_safe_url, options};
use crate::model::{Body, Figure, recommendation_prefix};
use crate::palette::Palette;

/// Renders a body to HTML for a site whose URLs start with `base_path` (`/` or `/sub/`).
pub(crate) fn body_html(body: &Body, palette: &Palette, base_path: &str) -> String {
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut headings = body.headings.iter();
    let mut figures = body.figures.iter();
    let mut in_block = false;
    // Scrollable regions must be focusable and named (axe: scrollable-region-focusable).
    let mut tables = 0;
    // Per open link or image: whether it was dropped (its end tag is dropped too). Images may
    // sit inside links and inside other images' descriptions, so this is a stack.
    let mut dropped: Vec<bool> = Vec::new();
    for event in Parser::new_ext(&body.markdown, options()) {
        if in_block {
            if let Event::End(TagEnd::CodeBlock) = event {
                in_block = false;
            }
            continue;
        }
        match event {
            Event::Start(Tag::Heading { level, classes, .. }) => {
                let id = headings.next().map(|h| CowStr::from(h.id.clone()));
                // Other attributes (`{onclick=…}`) could carry script: never written.
                events.push(Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs: Vec::new(),
                }));
            }
            Event::Start(Tag::Link { ref dest_url, .. } | Tag::Image { ref dest_url, .. }) => {
                let safe = is_safe_url(dest_url);
                dropped.push(!safe);
                if safe {
                    events.push(event);
                }
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if !dropped.pop().unwrap_or(false) {
                    events.push(event);
                }
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(ref info)))
                if matches!(blocks::lookup(info), Lookup::Block(_)) =>
            {
                in_block = true;
                if let Some(figure) = figures.next() {
                    events.push(Event::Html(CowStr::from(figure_html(
                        figure, palette, base_path,
                    ))));
                }
            }
            Event::Start(Tag::Table(_)) => {
                tables += 1;
                events.push(Event::Html(CowStr::from(format!(
                    "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Tabel {tables}\">"
                ))));
                events.push(event);
            }
            Event::End(TagEnd::Table) => {
                events.push(event);
                events.push(Event::Html(CowStr::from("</div>")));
            }
            Event::Html(raw) | Event::InlineHtml(raw) => events.push(Event::Text(raw)),
            other => events.push(other),
        }
    }
    let mut out = String::with_capacity(body.markdown.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    out
}

/// The `<figure>` of an infographic: inline SVG, caption, the data as a table or list behind a
/// disclosure, and download links to the SVG and PNG files beside the page.
pub(crate) fn figure_html(figure: &Figure, palette: &Palette, base_path: &str) -> String {
    let drawing = figure.block.layout(palette);
    let svg = drawing.to_svg(&figure.id, palette);
    let kind = figure.block.kind();
    let summary = match kind {
        Kind::Bars | Kind::Matrix | Kind::Quadrant => "Bekijk als tabel",
        _ => "Bekijk als tekst",
    };
    let mut caption = Element::new("figcaption")
        .child(
            Element::new("span")
                .attr("class", "graphic-number")
                .text(format!("Figuur {}", figure.number)),
        )
        .text(format!(" {}", drawing.title));
    if let Some(text) = figure.block.caption() {
        caption = caption.text(" ").child(
            Element::new("span")
                .attr("class", "graphic-source")
                .text(text.to_string()),
        );
    }
    let table = match &figure.block {
        Block::Recommendations(spec) => {
            blocks::recommendations::table_with_prefix(spec, &recommendation_prefix(&figure.id))
        }
        // The card's link is site-relative in the model; the site's base path goes in front.
        Block::Persona(card) => blocks::persona::table(&blocks::persona::Card {
            url: format!("{base_path}{}", card.url.trim_start_matches('/')),
            ..card.clone()
        }),
        other => other.table(),
    };
    let download = |ext: &str, label: &str| {
        Element::new("a")
            .attr("href", format!("{}.{ext}", figure.id))
            .attr("download", "")
            .text(label.to_string())
            .child(
                Element::new("span")
                    .attr("class", "visually-hidden")
                    .text(format!(" van figuur {}", figure.number)),
            )
    };
    Element::new("figure")
        .attr("class", format!("graphic graphic-{}", kind.name()))
        .attr("id", figure.id.clone())
        .child(
            Element::new("div")
                .attr("class", "graphic-image")
                .node(Node::Trusted(svg)),
        )
        .child(caption)
        .child(
            Element::new("details")
                .attr("class", "graphic-data")
                .child(Element::new("summary").text(summary))
                .child(
                    Element::new("div")
                        .attr("class", "table-scroll")
                        .child(table),
                ),
        )
        .child(
            Element::new("p")
                .attr("class", "graphic-downloads")
                .text("Download: ")
                .child(download("svg", "SVG"))
                .text(" · ")
                .child(download("png", "PNG")),
        )
        .to_markup()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::recommendations::AUDIENCES;
    use crate::blocks::{Problem, Resolve, persona::Card};
    use crate::source::SourceFile;

    fn palette() -> Palette {
        Palette {
            paper: "#ffffff".into(),
            ink: "#1a1a1a".into(),
            muted: "#555555".into(),
            primary: "#0b5394".into(),
            secondary: "#7a3e00".into(),
            tint: "#eef3f8".into(),
            line: "#767676".into(),
        }
    }

    fn html(md: &str) -> String {
        let file = SourceFile::new("content/x.md", md.to_string());
        let none = |id: &str| -> Result<Card, Problem> { Err(Problem::new(id, "")) };
        let resolve = Resolve {
            personas: &none,
            audiences: AUDIENCES,
        };
        let (body, _) = crate::model::body::parse(&file, 0..md.len(), &resolve);
        body_html(&body, &palette(), "/")
    }

    // See: the hardening issue, "never let content put script into a page".
    #[test]
    fn javascript_links_lose_their_address_and_keep_their_text() {
        let out = html(
            "[a](javascript:alert(1)) [b](JAVASCRIPT:x) [c](java&#x09;script:x) \
             <javascript:alert(1)> ![d](data:text/html,x) [![e](javascript:x)](javascript:y) \
             [r][r]\n\n[r]: vbscript:x\n",
        );
        // The autolink's text is its address, shown as text: no attribute holds one.
        assert!(!out.contains("href") && !out.contains("src"), "{out}");
        for text in ["a", "b", "c", "d", "e", "r"] {
            assert!(out.contains(text), "{text} lost: {out}");
        }
        assert!(!out.contains("<a") && !out.contains("<img"), "{out}");
    }

    #[test]
    fn safe_links_and_images_stay() {
        let out = html("[a](https://x.nl/) [b](mailto:a@b.nl) [c](../) ![d](foto.png)\n");
        assert!(out.contains("<a href=\"https://x.nl/\">a</a>"), "{out}");
        assert!(out.contains("<a href=\"mailto:a@b.nl\">b</a>"), "{out}");
        assert!(out.contains("<a href=\"../\">c</a>"), "{out}");
        assert!(out.contains("<img src=\"foto.png\" alt=\"d\""), "{out}");
    }

    #[test]
    fn heading_attributes_cannot_add_event_handlers() {
        let out = html("## Kop {#eigen .klasse onclick=alert(1) style=x}\n");
        assert!(
            out.starts_with("<h2 id=\"eigen\" class=\"klasse\">Kop</h2>"),
            "{out}"
        );
    }
}
