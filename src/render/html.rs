//! Body Markdown → HTML: pulldown-cmark's events with the model's heading ids, each
//! infographic block replaced by its `<figure>`, tables made scrollable, and raw HTML from
//! content escaped (content never puts markup or script into a page): links and images whose
//! address has a scheme other than `model::body::SAFE_SCHEMES` (`javascript:`) are dropped with
//! their text kept, and heading attributes other than `{#id .class}` are left out.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Parser, Tag, TagEnd, html};

use crate::blocks::{self, Kind, Lookup, PageContext};
use crate::markup::{Element, escape};
use crate::model::body::title_id;
use crate::model::body::{is_safe_url, options};
use crate::model::{Body, Figure, routes};

/// Renders a body to HTML; `href` turns a site-relative URL into its address on the site.
pub(crate) fn body_html(body: &Body, href: &dyn Fn(&str) -> String) -> String {
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
                    events.push(Event::Html(CowStr::from(figure_html(figure, href))));
                }
            }
            Event::Start(Tag::Table(_)) => {
                tables += 1;
                events.push(Event::Html(CowStr::from(format!(
                    "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Tabel in de tekst, {tables}\">"
                ))));
                events.push(event);
            }
            Event::End(TagEnd::Table) => {
                events.push(event);
                events.push(Event::Html(CowStr::from("</div>")));
            }
            // Footnotes get the ids the model gave them, so that no heading can share one.
            Event::FootnoteReference(ref label) => match body.footnotes.get(label.as_ref()) {
                Some(note) => events.push(Event::Html(CowStr::from(format!(
                    "<sup class=\"footnote-reference\"><a href=\"#{}\">{}</a></sup>",
                    escape(&note.id),
                    note.number
                )))),
                None => events.push(event),
            },
            Event::Start(Tag::FootnoteDefinition(ref label)) => {
                if let Some(note) = body.footnotes.get(label.as_ref()) {
                    events.push(Event::Html(CowStr::from(format!(
                        "\n<div class=\"footnote-definition\" id=\"{}\"><sup class=\"footnote-definition-label\">{}</sup>",
                        escape(&note.id),
                        note.number
                    ))));
                }
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                events.push(Event::Html(CowStr::from("</div>\n")));
            }
            Event::Html(raw) | Event::InlineHtml(raw) => events.push(Event::Text(raw)),
            other => events.push(other),
        }
    }
    let mut out = String::with_capacity(body.markdown.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    out
}

/// The `<figure>` of an infographic on its page: its caption first (label, title, source), the
/// block as HTML, the same data as a table behind a disclosure where that adds something, and
/// the downloads (the fixed graphic as SVG and PNG, the data as CSV) beside the page. A quote
/// is its own `<figure>` with the attribution as caption, and is not numbered.
pub(crate) fn figure_html(figure: &Figure, href: &dyn Fn(&str) -> String) -> String {
    let page = PageContext {
        id: &figure.id,
        href,
    };
    let block = &figure.block;
    let kind = block.kind();
    let body = block.html(&page);
    if kind == Kind::Quote {
        return body.attr("id", figure.id.clone()).to_markup();
    }
    let title = block.title();
    let mut caption = Element::new("figcaption").attr("class", "block-caption");
    if let Some(label) = &figure.label {
        caption = caption
            .child(
                Element::new("span")
                    .attr("class", "block-label")
                    .text(label.clone()),
            )
            .text(" ");
    }
    caption = caption.child(
        Element::new("span")
            .attr("class", "block-title")
            .attr("id", title_id(&figure.id))
            .text(title.clone()),
    );
    if let Some(text) = block.caption() {
        caption = caption.text(" ").child(
            Element::new("span")
                .attr("class", "block-source")
                .text(text.to_string()),
        );
    }
    let mut out = Element::new("figure")
        .attr("class", format!("block block-{}", kind.name()))
        .attr("id", figure.id.clone())
        .child(caption)
        .child(body);
    if let Some(table) = block.table() {
        out.push(
            Element::new("details")
                .attr("class", "block-data")
                .child(Element::new("summary").text("Bekijk als tabel"))
                .child(
                    Element::new("div")
                        .attr("class", "table-scroll")
                        .attr("tabindex", "0")
                        .attr("role", "region")
                        .attr("aria-label", format!("Tabel: {title}"))
                        .child(table),
                ),
        );
    }
    // Each link says whose file it is, for a list of the page's links.
    let whose = figure.label.clone().unwrap_or(title);
    let download = |file: String, text: &str| {
        Element::new("a")
            .attr("href", file)
            .attr("download", "")
            .text(text.to_string())
            .child(
                Element::new("span")
                    .attr("class", "visually-hidden")
                    .text(format!(" van {whose}")),
            )
    };
    let mut links: Vec<Element> = Vec::new();
    if figure.drawing.is_some() {
        let [svg, png] = routes::figure_files("/", &figure.id);
        links.push(download(svg, "afbeelding (SVG)"));
        links.push(download(png, "afbeelding (PNG)"));
    }
    if block.csv().is_some() {
        links.push(download(
            routes::figure_data("/", &figure.id),
            "gegevens (CSV)",
        ));
    }
    if !links.is_empty() {
        let mut p = Element::new("p")
            .attr("class", "block-downloads")
            .text("Download: ");
        for (i, link) in links.into_iter().enumerate() {
            if i > 0 {
                p = p.text(" · ");
            }
            p.push(link);
        }
        out.push(p);
    }
    out.to_markup()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::recommendations::builtin;
    use crate::blocks::{Problem, Resolve, persona::Card};
    use crate::source::SourceFile;

    fn html(md: &str) -> String {
        let file = std::sync::Arc::new(SourceFile::new("content/x.md", md.to_string()));
        let none = |id: &str| -> Result<Card, Problem> {
            Err(Problem::new(
                crate::messages::persona_unknown(id),
                crate::messages::persona_add_file(),
            ))
        };
        let audiences = builtin();
        let resolve = Resolve {
            personas: &none,
            audiences: &audiences,
        };
        let (body, _) = crate::model::body::parse(&file, 0..md.len(), &resolve);
        body_html(&body, &|u: &str| u.to_string())
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
