//! A small element tree for the markup kennis generates itself (SVG graphics, figure wrappers,
//! data tables), and the only serializer for it.
//!
//! Everything that comes from content reaches the output through `Node::Text` or an attribute
//! value, and both are escaped here and nowhere else. There is no way to put unescaped text into
//! this tree.

use std::fmt::Write as _;

use crate::palette::{Paint, Palette};

/// One node of generated markup.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    /// An element with attributes and children.
    Element(Element),
    /// Text, escaped when written.
    Text(String),
}

/// An attribute's value: text, or a colour role that the palette decides when written.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Text(String),
    Paint(Paint),
}

/// An element: a name, attributes in the order they were added, and children.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Element {
    name: &'static str,
    attrs: Vec<(&'static str, Value)>,
    children: Vec<Node>,
}

impl Element {
    /// A new, empty element.
    pub(crate) fn new(name: &'static str) -> Self {
        Element {
            name,
            attrs: Vec::new(),
            children: Vec::new(),
        }
    }

    /// Adds an attribute.
    pub(crate) fn attr(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.attrs.push((name, Value::Text(value.into())));
        self
    }

    /// Adds a colour attribute (`fill`, `stroke`) by its palette role.
    pub(crate) fn paint(mut self, name: &'static str, paint: Paint) -> Self {
        self.attrs.push((name, Value::Paint(paint)));
        self
    }

    /// Adds a numeric attribute, written with at most two decimals.
    pub(crate) fn num(self, name: &'static str, value: f64) -> Self {
        self.attr(name, fmt_num(value))
    }

    /// Adds a child element.
    pub(crate) fn child(mut self, child: Element) -> Self {
        self.children.push(Node::Element(child));
        self
    }

    /// Adds children.
    pub(crate) fn children(mut self, children: impl IntoIterator<Item = Element>) -> Self {
        self.children
            .extend(children.into_iter().map(Node::Element));
        self
    }

    /// Adds a text child.
    pub(crate) fn text(mut self, text: impl Into<String>) -> Self {
        self.children.push(Node::Text(text.into()));
        self
    }

    /// Adds a child in place.
    pub(crate) fn push(&mut self, child: Element) {
        self.children.push(Node::Element(child));
    }

    /// The element's name.
    #[cfg(test)]
    pub(crate) fn name(&self) -> &'static str {
        self.name
    }

    /// The value of an attribute.
    #[cfg(test)]
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| *n == name)
            .and_then(|(_, v)| match v {
                Value::Text(t) => Some(t.as_str()),
                Value::Paint(_) => None,
            })
    }

    /// The colour role of an attribute.
    #[cfg(test)]
    pub(crate) fn get_paint(&self, name: &str) -> Option<Paint> {
        self.attrs
            .iter()
            .find(|(n, _)| *n == name)
            .and_then(|(_, v)| match v {
                Value::Paint(p) => Some(*p),
                Value::Text(_) => None,
            })
    }

    /// The element's own text children, concatenated.
    #[cfg(test)]
    pub(crate) fn own_text(&self) -> String {
        self.children
            .iter()
            .filter_map(|c| match c {
                Node::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect()
    }

    /// Visits this element and every element below it, depth first.
    #[cfg(test)]
    pub(crate) fn walk<'a>(&'a self, visit: &mut dyn FnMut(&'a Element)) {
        visit(self);
        for child in &self.children {
            if let Node::Element(e) = child {
                e.walk(visit);
            }
        }
    }

    /// Serializes the element. SVG elements without children are self-closed; HTML elements
    /// always get an end tag except the void ones.
    pub(crate) fn to_markup(&self) -> String {
        let mut out = String::new();
        write_element(self, None, &mut out);
        out
    }

    /// `to_markup`, with every colour role written as `palette`'s colour. (Without a palette a
    /// role is written as `currentColor`, the colour of the surrounding text.)
    pub(crate) fn to_markup_painted(&self, palette: &Palette) -> String {
        let mut out = String::new();
        write_element(self, Some(palette), &mut out);
        out
    }
}

impl From<Element> for Node {
    fn from(e: Element) -> Self {
        Node::Element(e)
    }
}

const HTML_VOID: &[&str] = &["br", "img", "meta", "link", "hr", "input", "source"];
const HTML_ELEMENTS: &[&str] = &[
    "a",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "caption",
    "ul",
    "ol",
    "li",
    "p",
    "div",
    "span",
    "details",
    "summary",
    "blockquote",
    "footer",
    "cite",
    "strong",
    "em",
    "dl",
    "dt",
    "dd",
    "h2",
    "h3",
    "h4",
    "section",
    "article",
    "abbr",
    "small",
];

fn write_element(e: &Element, palette: Option<&Palette>, out: &mut String) {
    out.push('<');
    out.push_str(e.name);
    for (name, value) in &e.attrs {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        match value {
            Value::Text(text) => escape_into(text, true, out),
            Value::Paint(paint) => match palette {
                Some(p) => escape_into(p.colour(*paint), true, out),
                None => out.push_str("currentColor"),
            },
        }
        out.push('"');
    }
    if e.children.is_empty() && !HTML_ELEMENTS.contains(&e.name) {
        out.push_str(if HTML_VOID.contains(&e.name) {
            ">"
        } else {
            "/>"
        });
        return;
    }
    out.push('>');
    for child in &e.children {
        match child {
            Node::Element(c) => write_element(c, palette, out),
            Node::Text(t) => escape_into(t, false, out),
        }
    }
    let _ = write!(out, "</{}>", e.name);
}

/// Escapes text for HTML, SVG and XML; in attributes quotes are escaped too.
pub(crate) fn escape_into(text: &str, attribute: bool, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\'' if attribute => out.push_str("&#39;"),
            // Control characters and the non-characters U+FFFE and U+FFFF are not allowed in
            // XML 1.0 (the feed and the sitemap would not parse); drop them.
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' && c != '\r' => {}
            '\u{fffe}' | '\u{ffff}' => {}
            c => out.push(c),
        }
    }
}

/// Escapes text; see `escape_into`.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(text, true, &mut out);
    out
}

/// Formats a coordinate: at most two decimals, no trailing zeros. Non-finite values are written
/// as they are (`NaN`, `inf`) so that tests over generated markup catch them.
pub(crate) fn fmt_num(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let rounded = (value * 100.0).round() / 100.0;
    let mut s = format!("{rounded:.2}");
    while s.ends_with('0') {
        s.pop();
    }
    if s.ends_with('.') {
        s.pop();
    }
    if s == "-0" { "0".into() } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let e = Element::new("text")
            .attr("data-x", "a\"b'<c>&")
            .text("</svg><script>alert(1)</script>");
        assert_eq!(
            e.to_markup(),
            "<text data-x=\"a&quot;b&#39;&lt;c&gt;&amp;\">&lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt;</text>"
        );
    }

    #[test]
    fn svg_elements_self_close_and_html_elements_do_not() {
        assert_eq!(
            Element::new("rect").num("x", 1.0).to_markup(),
            "<rect x=\"1\"/>"
        );
        assert_eq!(Element::new("td").to_markup(), "<td></td>");
        assert_eq!(Element::new("br").to_markup(), "<br>");
    }

    #[test]
    fn numbers_are_short_and_non_finite_ones_stay_visible() {
        assert_eq!(fmt_num(12.0), "12");
        assert_eq!(fmt_num(12.345), "12.35");
        assert_eq!(fmt_num(-0.001), "0");
        assert_eq!(fmt_num(f64::NAN), "NaN");
    }

    #[test]
    fn control_characters_are_dropped() {
        assert_eq!(escape("a\u{1}b"), "ab");
        assert_eq!(escape("a\u{fffe}b\u{ffff}c"), "abc");
    }

    // See: the hardening issue, "escaping wherever content goes".
    #[test]
    fn hostile_text_cannot_open_markup_in_text_or_attributes() {
        let hostile =
            "</script><script>alert(1)</script> \"'><img src=x onerror=alert(1)> ]]> <!--";
        for out in [
            escape(hostile),
            Element::new("p").text(hostile).to_markup(),
            Element::new("a").attr("title", hostile).to_markup(),
        ] {
            assert!(!out.contains("<script") && !out.contains("<img"), "{out}");
            assert!(!out.contains("]]>") && !out.contains("<!--"), "{out}");
        }
        assert!(!escape(hostile).contains(['"', '\'']));
    }
}
