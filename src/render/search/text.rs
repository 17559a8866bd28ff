//! What the search index reads from a rendered page: the words of its `data-pagefind-body`
//! element in reading order, each with the weight of where it stands (a heading counts more),
//! the elements with an `id` inside it (a result can link to the section it was found in), and
//! the page's title.
//!
//! The rules are the ones `pagefind.js` expects an index to follow, so that its excerpts, its
//! links to sections and its ranking read this index as they would read Pagefind's own:
//! - Only the content of elements marked `data-pagefind-body` counts. Inside it, elements
//!   marked `data-pagefind-ignore` and `head`, `style`, `script`, `noscript`, `label`, `form`,
//!   `svg`, `footer`, `nav`, `iframe` and `template` are left out.
//! - A block (`h1`–`h6`, `p`, `td`, `div`, `ul`, `li`, `article`, `section`) is a word boundary,
//!   and ends with a full stop if its text ends in a letter, digit or closing quote, so
//!   excerpts read as sentences; `br` is a space.
//! - Words weigh 1 (stored as 24), a heading 7 (`h1`) down to 2 (`h6`) unless it is inside an
//!   element with `data-pagefind-weight`, which sets the weight of everything in it (0 to 10).
//! - The title is the text of the first `h1` of the page, else its `<title>`; the page's image
//!   is the first `img` after that `h1`.

use std::cell::RefCell;
use std::rc::Rc;

use lol_html::html_content::Element;
use lol_html::{HtmlRewriter, Settings, doc_text, element};

/// One piece of a page's indexed text, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Piece {
    /// Text as it stands in the HTML (entities not yet decoded).
    Text(String),
    /// The start of an element that sets the weight of its words: explicitly
    /// (`data-pagefind-weight`, its value as written), or a heading's own (`Auto`).
    Weight(Weight),
    /// The end of the innermost weighted element.
    EndWeight,
    /// The start of the element `anchors[n]`: its location is the number of words before it.
    Anchor(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Weight {
    Explicit(String),
    Auto(u8),
}

/// An element with an `id` inside the indexed part of a page.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Anchor {
    /// Its tag name.
    pub(super) element: String,
    /// Its `id`, without whitespace.
    pub(super) id: String,
    /// Its own text and that of the inline elements in it, as in the HTML.
    pub(super) text: String,
}

/// What the index takes from one page.
#[derive(Debug, Default)]
pub(super) struct PageText {
    pub(super) pieces: Vec<Piece>,
    pub(super) anchors: Vec<Anchor>,
    /// The text of the first non-empty `h1`, as in the HTML.
    pub(super) title: Option<String>,
    /// The text of the `<title>`, as in the HTML.
    pub(super) page_title: Option<String>,
    /// The `src` and `alt` of the first `img` after the title.
    pub(super) image: Option<(String, String)>,
    /// Whether the page has an element marked `data-pagefind-body`.
    pub(super) has_body: bool,
    /// Whether the page uses a Pagefind attribute that is not read here (filters, sort keys,
    /// metadata, indexed attributes, section titles, `data-pagefind-ignore="all"`).
    pub(super) unread_attributes: bool,
}

/// Pagefind attributes that this reader does not follow.
const UNREAD: &[&str] = &[
    "data-pagefind-filter",
    "data-pagefind-sort",
    "data-pagefind-meta",
    "data-pagefind-default-meta",
    "data-pagefind-index-attrs",
    "data-pagefind-title",
];

/// Blocks: word boundaries that end a sentence.
const BLOCKS: &[&str] = &[
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "td", "div", "ul", "li", "article", "section",
];
/// Elements whose text belongs to the anchor of the element around them.
const INLINE: &[&str] = &[
    "a", "abbr", "acronym", "b", "bdo", "big", "br", "button", "cite", "code", "dfn", "em", "i",
    "img", "input", "kbd", "label", "map", "object", "output", "q", "samp", "script", "select",
    "small", "span", "strong", "sub", "sup", "textarea", "time", "tt", "var",
];
/// Elements left out of the index with everything in them.
const LEFT_OUT: &[&str] = &[
    "head", "style", "script", "noscript", "label", "form", "svg", "footer", "nav", "iframe",
    "template",
];

/// An element that is open while the page is read.
#[derive(Debug)]
struct Open {
    name: String,
    /// Left out of the index, with everything in it.
    ignored: bool,
    /// The indexed body, or inside it.
    indexed: bool,
    /// How much had been indexed when its text started (for the sentence end of a block).
    start: usize,
    /// Left out by itself (not only as part of a left-out element).
    left_out: bool,
    /// Whether it started a weight (so its end closes it).
    weighted: bool,
    /// The anchors its text belongs to.
    anchors: Vec<usize>,
    /// Whether it is the first `h1` whose text is collected as the title.
    title: bool,
}

#[derive(Debug, Default)]
struct Reader {
    page: PageText,
    open: Vec<Open>,
    /// The text of the `h1` that may become the title, while it is read.
    title_text: Option<String>,
    /// Where in `open` the `h1` of `title_text` is.
    title_depth: usize,
    /// The text of the `<title>`, while it is read.
    page_title_text: Option<String>,
    /// How many pieces of text and markers were indexed so far.
    indexed: usize,
    /// The last character indexed, a marker counting as a space.
    last: Option<char>,
    /// Whether the page's HTML has the name of an attribute of `UNREAD` anywhere; where it has
    /// not, no element is asked for them.
    may_have_unread: bool,
}

impl Reader {
    fn top(&self) -> Option<&Open> {
        self.open.last()
    }

    fn indexing(&self) -> bool {
        self.top().is_some_and(|o| o.indexed && !o.ignored)
    }

    fn push_text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        self.indexed += 1;
        self.last = text.chars().last();
        if let Some(Piece::Text(last)) = self.page.pieces.last_mut() {
            last.push_str(text);
        } else {
            self.page.pieces.push(Piece::Text(text.to_string()));
        }
    }

    fn push_marker(&mut self, piece: Piece) {
        self.indexed += 1;
        self.last = Some(' ');
        self.page.pieces.push(piece);
    }

    fn start(&mut self, el: &Element<'_, '_>) -> bool {
        let name = el.tag_name();
        let parent_ignored = self.top().is_some_and(|o| o.ignored);
        let parent_indexed = self.top().is_some_and(|o| o.indexed);
        // Most elements have no attributes: then none is looked up.
        let attributes = !el.attributes().is_empty();
        let body = attributes && el.has_attribute("data-pagefind-body");
        if attributes
            && ((self.may_have_unread && UNREAD.iter().any(|a| el.has_attribute(a)))
                || el.get_attribute("data-pagefind-ignore").is_some_and(|v| {
                    !matches!(v.to_ascii_lowercase().as_str(), "" | "index" | "true")
                }))
        {
            self.page.unread_attributes = true;
        }
        if body {
            self.page.has_body = true;
        }
        let left_out = !body
            && (LEFT_OUT.contains(&name.as_str())
                || (attributes && el.has_attribute("data-pagefind-ignore")));
        let ignored = left_out || (!body && parent_ignored);
        let indexed = parent_indexed || body;
        let indexing = indexed && !ignored;

        // The element's anchor stands in its parent's text, so only inside the body.
        let mut anchors = Vec::new();
        if let Some(top) = self.top()
            && INLINE.contains(&name.as_str())
        {
            anchors.clone_from(&top.anchors);
        }
        if indexing
            && parent_indexed
            && !parent_ignored
            && attributes
            && let Some(id) = el.get_attribute("id")
        {
            let id: String = id.chars().filter(|c| !c.is_whitespace()).collect();
            self.page.anchors.push(Anchor {
                element: name.clone(),
                id,
                text: String::new(),
            });
            let n = self.page.anchors.len() - 1;
            self.push_marker(Piece::Anchor(n));
            anchors.push(n);
        }
        if indexing && name == "br" {
            self.push_text(" ");
        }
        let mut weighted = false;
        if indexing {
            let weight = attributes
                .then(|| el.get_attribute("data-pagefind-weight"))
                .flatten();
            if let Some(weight) = weight {
                self.push_marker(Piece::Weight(Weight::Explicit(weight)));
                weighted = true;
            } else if let Some(level) = heading_weight(&name) {
                self.push_marker(Piece::Weight(Weight::Auto(level)));
                weighted = true;
            }
            if BLOCKS.contains(&name.as_str()) {
                self.push_text(" ");
            }
        }
        let title = name == "h1" && self.page.title.is_none() && self.title_text.is_none();
        if title {
            self.title_text = Some(String::new());
            self.title_depth = self.open.len();
        }
        if name == "title" && self.page.page_title.is_none() {
            self.page_title_text = Some(String::new());
        }
        let start = self.indexed;
        self.open.push(Open {
            name,
            left_out,
            ignored,
            indexed,
            start,
            weighted,
            anchors,
            title,
        });
        indexing
    }

    fn end(&mut self) {
        let Some(open) = self.open.pop() else { return };
        let indexing = open.indexed && !open.ignored;
        if indexing && BLOCKS.contains(&open.name.as_str()) {
            // The text since the block's own leading space: a full stop if it ends a sentence.
            let ends_sentence = self.indexed > open.start && self.last.is_some_and(ends_sentence);
            self.push_text(if ends_sentence { ". " } else { " " });
        }
        if indexing && open.weighted {
            self.push_marker(Piece::EndWeight);
        }
        if open.title
            && let Some(text) = self.title_text.take()
            && !text.trim().is_empty()
        {
            self.page.title = Some(text);
        }
        if open.name == "title"
            && let Some(text) = self.page_title_text.take()
        {
            self.page.page_title = Some(text);
        }
    }

    fn text(&mut self, text: &str) {
        let ignored = self.top().is_none_or(|o| o.ignored);
        if self.indexing() {
            self.push_text(text);
        }
        // The title is the h1's text and that of the elements in it that are not left out, even
        // where the h1 itself is.
        if self.title_text.is_some()
            && self
                .open
                .get(self.title_depth + 1..)
                .is_some_and(|inner| inner.iter().all(|o| !o.left_out))
            && let Some(title) = &mut self.title_text
        {
            title.push_str(text);
        }
        if !ignored {
            let anchors = self.top().map(|o| o.anchors.clone()).unwrap_or_default();
            for n in anchors {
                self.page.anchors[n].text.push_str(text);
            }
        }
        if let Some(title) = &mut self.page_title_text {
            title.push_str(text);
        }
    }

    fn image(&mut self, el: &Element<'_, '_>) {
        if el.tag_name() == "img"
            && self.page.image.is_none()
            && self.page.title.is_some()
            && let Some(src) = el.get_attribute("src")
        {
            let alt = el.get_attribute("alt").unwrap_or_default();
            self.page.image = Some((src, alt));
        }
    }
}

/// Whether a block whose text ends in `c` ends a sentence that needs a full stop.
fn ends_sentence(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '\'' | '"' | ')' | '$' | '*') || unicode_word_extra(c)
}

/// Characters other than letters, digits and `_` that count as word characters: combining
/// marks and connector punctuation.
fn unicode_word_extra(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c) || crate_word_symbols(c)
}

fn crate_word_symbols(c: char) -> bool {
    super::words::WORD_SYMBOLS.contains(&c) || matches!(c, '\u{200C}' | '\u{200D}')
}

/// The weight of a heading's words, 7 for `h1` down to 2 for `h6`.
fn heading_weight(name: &str) -> Option<u8> {
    match name {
        "h1" => Some(7),
        "h2" => Some(6),
        "h3" => Some(5),
        "h4" => Some(4),
        "h5" => Some(3),
        "h6" => Some(2),
        _ => None,
    }
}

/// Whether `html` has the name of an attribute of `UNREAD` in it, in any case (attribute
/// names are never escaped, so an element cannot have one that the bytes do not show).
fn may_have_unread(html: &[u8]) -> bool {
    const PREFIX: &[u8] = b"data-pagefind-";
    memchr::memchr_iter(b'-', html).any(|i| {
        let Some(name) = i.checked_sub(4).and_then(|start| html.get(start..)) else {
            return false;
        };
        name.len() >= PREFIX.len()
            && name[..PREFIX.len()].eq_ignore_ascii_case(PREFIX)
            && UNREAD.iter().any(|a| {
                let suffix = &a.as_bytes()[PREFIX.len()..];
                name[PREFIX.len()..]
                    .get(..suffix.len())
                    .is_some_and(|s| s.eq_ignore_ascii_case(suffix))
            })
    })
}

/// Reads `html`.
pub(super) fn read(html: &[u8]) -> Result<PageText, String> {
    let reader = Rc::new(RefCell::new(Reader {
        may_have_unread: may_have_unread(html),
        ..Reader::default()
    }));
    {
        let on_element = Rc::clone(&reader);
        let on_text = Rc::clone(&reader);
        let mut rewriter = HtmlRewriter::new(
            Settings::new()
                .with_strict(false)
                .append_element_content_handler(element!("*", move |el| {
                    let mut r = on_element.borrow_mut();
                    r.start(el);
                    r.image(el);
                    let ends = Rc::clone(&on_element);
                    match el.end_tag_handlers() {
                        Some(handlers) => handlers.push(Box::new(move |_| {
                            ends.borrow_mut().end();
                            Ok(())
                        })),
                        // An element without an end tag (`img`, `br`) ends where it starts.
                        None => r.end(),
                    }
                    Ok(())
                }))
                .append_document_content_handler(doc_text!(move |t| {
                    on_text.borrow_mut().text(t.as_str());
                    Ok(())
                })),
            |_: &[u8]| {},
        );
        rewriter.write(html).map_err(|e| e.to_string())?;
        rewriter.end().map_err(|e| e.to_string())?;
    }
    let reader = Rc::try_unwrap(reader)
        .map_err(|_| "the page reader is still in use".to_string())?
        .into_inner();
    Ok(reader.page)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(page: &PageText) -> String {
        page.pieces
            .iter()
            .map(|p| match p {
                Piece::Text(t) => t.clone(),
                Piece::Weight(_) => "[w]".to_string(),
                Piece::EndWeight => "[/w]".to_string(),
                Piece::Anchor(n) => format!("[#{n}]"),
            })
            .collect()
    }

    #[test]
    fn only_the_body_is_read_and_ignored_parts_are_left_out() {
        let page = read(
            b"<html><head><title>T</title></head><body><nav>Menu</nav>\
              <main data-pagefind-body><p>Een <b>zin</b></p><nav>Inhoud</nav>\
              <div data-pagefind-ignore>weg</div><svg><text>as</text></svg></main>\
              <footer>Voet</footer></body></html>",
        )
        .unwrap();
        assert!(page.has_body);
        assert_eq!(texts(&page), " Een zin. ");
        assert_eq!(page.page_title.as_deref(), Some("T"));
    }

    #[test]
    fn headings_are_weighted_and_ids_become_anchors() {
        let page = read(
            b"<html><body><main data-pagefind-body id=\"inhoud\">\
              <h2 id=\"doel\">Het <em>doel</em></h2><p>Tekst</p></main></body></html>",
        )
        .unwrap();
        assert_eq!(texts(&page), "[#0][w] Het doel. [/w] Tekst. ");
        assert_eq!(page.anchors.len(), 1, "the body's own id is no anchor");
        assert_eq!(page.anchors[0].element, "h2");
        assert_eq!(page.anchors[0].text, "Het doel");
    }

    #[test]
    fn attributes_not_read_here_are_noticed() {
        let plain = read(b"<main data-pagefind-body><p data-pagefind-ignore>x</p></main>").unwrap();
        assert!(!plain.unread_attributes);
        for attr in [
            "data-pagefind-filter=\"soort\"",
            "DATA-PageFind-Sort=\"datum\"",
            "data-pagefind-ignore=\"all\"",
        ] {
            let html = format!("<main data-pagefind-body><p {attr}>x</p></main>");
            assert!(read(html.as_bytes()).unwrap().unread_attributes, "{attr}");
        }
    }

    #[test]
    fn only_pages_that_name_an_unread_attribute_may_have_one() {
        assert!(!may_have_unread(
            b"<main data-pagefind-body data-pagefind-weight=\"2\"><p>pagefind-filter</p>"
        ));
        assert!(may_have_unread(b"<p data-pagefind-meta=\"a\">"));
        assert!(may_have_unread(b"<p Data-Pagefind-Index-Attrs=\"a\">"));
        assert!(may_have_unread(b"data-pagefind-title"), "at the very end");
        assert!(!may_have_unread(b"data-pagefind-titl"));
        assert!(
            !may_have_unread(b"-pagefind-filter"),
            "a hyphen at the start"
        );
    }

    #[test]
    fn the_title_is_the_first_h1_and_the_image_comes_after_it() {
        let page = read(
            b"<html><body><img src=\"voor.png\"><main data-pagefind-body><h1>Nora</h1>\
              <img src=\"nora.png\" alt=\"Nora\"><h1>Tweede</h1></main></body></html>",
        )
        .unwrap();
        assert_eq!(page.title.as_deref(), Some("Nora"));
        assert_eq!(
            page.image,
            Some(("nora.png".to_string(), "Nora".to_string()))
        );
    }
}
