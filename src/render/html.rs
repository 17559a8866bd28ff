//! Body Markdown → HTML: pulldown-cmark's events with the model's heading ids, each
//! infographic block replaced by its `<figure>`, tables made scrollable, and raw HTML from
//! content escaped (content never puts markup or script into a page).

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Parser, Tag, TagEnd, html};

use crate::blocks::{self, Block, Kind, Lookup};
use crate::markup::{Element, Node};
use crate::model::body::options;
use crate::model::{Body, Figure, recommendation_prefix};
use crate::palette::Palette;

/// Renders a body to HTML.
pub(crate) fn body_html(body: &Body, palette: &Palette) -> String {
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut headings = body.headings.iter();
    let mut figures = body.figures.iter();
    let mut in_block = false;
    // Scrollable regions must be focusable and named (axe: scrollable-region-focusable).
    let mut tables = 0;
    for event in Parser::new_ext(&body.markdown, options()) {
        if in_block {
            if let Event::End(TagEnd::CodeBlock) = event {
                in_block = false;
            }
            continue;
        }
        match event {
            Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) => {
                let id = headings.next().map(|h| CowStr::from(h.id.clone()));
                events.push(Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }));
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(ref info)))
                if matches!(blocks::lookup(info), Lookup::Block(_)) =>
            {
                in_block = true;
                if let Some(figure) = figures.next() {
                    events.push(Event::Html(CowStr::from(figure_html(figure, palette))));
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
pub(crate) fn figure_html(figure: &Figure, palette: &Palette) -> String {
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
