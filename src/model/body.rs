//! Markdown bodies, read once: the headings (with their ids, for the table of contents), the
//! infographic blocks (parsed, checked and laid out, with errors at their line in the file),
//! the footnotes, every link and image, and the prose that `kennis check` reads for
//! readability. It warns about what the renderer leaves out: link and image addresses that
//! could run script (`is_safe_url`) and heading attributes other than `{#id .class}`.
//!
//! Every id on the page is decided here (`ids::Ids`): the templates' own, the figures' and what
//! is inside them, the footnotes' and the headings'. An id the author wrote that is taken is an
//! error at its heading.
//!
//! The Markdown itself is kept as text; `render::html` replays the same parser and replaces
//! each block, heading and footnote with what was decided here, in the same order.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::Arc;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use crate::blocks::{self, Block, Lookup, Origin, Resolve};
use crate::diag::{Diagnostic, Rule};
use crate::messages;
use crate::source::SourceFile;
use crate::svg::{DOWNLOAD_SCALE, Drawing, MAX_SIDE};

use super::ids::Ids;
use crate::slug::slugify;

/// The Markdown extensions kennis uses, the same for the model and the renderer.
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
}

/// The Markdown of a body: a part of its file's text, which the body shares with the file
/// rather than holding a copy (at 10,000 pages the copies were 60 MB).
#[derive(Clone, Default)]
pub(crate) struct Markdown {
    file: Option<Arc<SourceFile>>,
    range: Range<usize>,
}

impl Markdown {
    /// Bytes `range` of `file`'s text.
    fn of(file: &Arc<SourceFile>, range: Range<usize>) -> Markdown {
        Markdown {
            file: Some(Arc::clone(file)),
            range,
        }
    }
}

impl std::ops::Deref for Markdown {
    type Target = str;

    fn deref(&self) -> &str {
        self.file
            .as_ref()
            .and_then(|f| f.text.get(self.range.clone()))
            .unwrap_or("")
    }
}

impl std::fmt::Debug for Markdown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self, f)
    }
}

/// A parsed body.
#[derive(Debug, Default, Clone)]
pub(crate) struct Body {
    /// The Markdown text.
    pub(crate) markdown: Markdown,
    /// Byte offset of the Markdown in its file.
    pub(crate) offset: usize,
    /// Headings in order, with the ids they get.
    pub(crate) headings: Vec<Heading>,
    /// Infographic blocks in order.
    pub(crate) figures: Vec<Figure>,
    /// Footnotes by label, with their ids and numbers.
    pub(crate) footnotes: BTreeMap<String, Footnote>,
    /// Links and images, in order.
    pub(crate) links: Vec<Link>,
    /// Paragraphs, list items, quotes and footnotes as plain text.
    pub(crate) prose: Vec<Prose>,
    /// Every id on the page: the templates', the figures' (and inside them), the footnotes'
    /// and the headings'.
    pub(crate) ids: BTreeSet<String>,
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

/// A footnote: its id on the page and its number (in the order footnotes first appear).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Footnote {
    /// Id of the note (`voetnoot-1`).
    pub(crate) id: String,
    /// The number shown.
    pub(crate) number: usize,
}

/// A link or image of the body, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Link {
    /// The address.
    pub(crate) dest: String,
    /// Byte offset in the file.
    pub(crate) offset: usize,
    /// What it is.
    pub(crate) kind: LinkKind,
}

/// Kinds of `Link`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LinkKind {
    /// A link.
    Link,
    /// An e-mail autolink (`<a@b.nl>`).
    Email,
    /// An image, with its alt text.
    Image(String),
}

/// A block of prose (a paragraph, list item, quote or footnote), as the pieces of its text. A
/// piece that is the Markdown's own text is kept as its place in the Markdown, so the model does
/// not hold the text twice; the text the parser made is kept in one string per block. Pieces
/// that follow on from each other are one piece (at 10,000 pages the pieces were 44 MB).
#[derive(Debug, Clone, Default)]
pub(crate) struct Prose {
    pieces: Vec<Piece>,
    /// The text the parser made (typographic quotes, entities, a space for a line break).
    made: String,
}

/// A piece of prose: bytes `start..end` of the body's Markdown or of the prose's `made`, and
/// the byte offset in the file where it starts. Offsets are 32 bits: a file of more than 4 GiB
/// would lose the prose past that point (a check's hints and a description come from prose).
#[derive(Debug, Clone, Copy)]
struct Piece {
    at: u32,
    start: u32,
    end: u32,
    made: bool,
}

/// `n` as a piece's offset.
fn offset(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A block of prose as text, with where each byte of it is in the file.
#[derive(Debug, Clone, Default)]
pub(crate) struct ProseText {
    /// The text.
    pub(crate) text: String,
    /// (index in `text`, offset in the file).
    map: Vec<(usize, usize)>,
}

impl Prose {
    /// Adds `text`, found at `at` in the file; `markdown` is the body's Markdown.
    fn push(&mut self, text: &str, at: usize, markdown: &str) {
        let start = (text.as_ptr() as usize).wrapping_sub(markdown.as_ptr() as usize);
        let piece = if start <= markdown.len() && start + text.len() <= markdown.len() {
            Piece {
                at: offset(at),
                start: offset(start),
                end: offset(start + text.len()),
                made: false,
            }
        } else {
            let start = self.made.len();
            self.made.push_str(text);
            Piece {
                at: offset(at),
                start: offset(start),
                end: offset(self.made.len()),
                made: true,
            }
        };
        match self.pieces.last_mut() {
            Some(last)
                if last.made == piece.made
                    && last.end == piece.start
                    && u64::from(last.at) + u64::from(last.end - last.start)
                        == u64::from(piece.at) =>
            {
                last.end = piece.end;
            }
            _ => self.pieces.push(piece),
        }
    }

    /// The text of `piece`.
    fn of<'a>(&'a self, piece: &Piece, markdown: &'a str) -> &'a str {
        let from = if piece.made { &self.made } else { markdown };
        from.get(piece.start as usize..piece.end as usize)
            .unwrap_or("")
    }

    /// Whether there is no text but white space.
    fn is_blank(&self, markdown: &str) -> bool {
        self.pieces
            .iter()
            .all(|p| self.of(p, markdown).trim().is_empty())
    }

    /// The text of the prose of the body whose Markdown is `markdown`.
    pub(crate) fn text(&self, markdown: &str) -> ProseText {
        let mut out = ProseText::default();
        for piece in &self.pieces {
            out.map.push((out.text.len(), piece.at as usize));
            out.text.push_str(self.of(piece, markdown));
        }
        out
    }
}

impl ProseText {
    /// The file offset of byte `index` of the text.
    pub(crate) fn offset_of(&self, index: usize) -> usize {
        let i = self
            .map
            .partition_point(|(at, _)| *at <= index)
            .saturating_sub(1);
        self.map
            .get(i)
            .map_or(0, |(at, offset)| offset + index.saturating_sub(*at))
    }
}

/// An infographic in a body.
#[derive(Debug, Clone)]
pub(crate) struct Figure {
    /// Id on the page: from its label (`tabel-3`, `figuur-1`), or `citaat-2`, `aanbevelingen`;
    /// also the name of its files (`tabel-3.svg`, `.png`, `.csv`).
    pub(crate) id: String,
    /// The label shown with its title: the source's (`Tabel 3`), or the number kennis gives it
    /// in its sequence; `None` for quotes and recommendation lists, which are not numbered.
    pub(crate) label: Option<String>,
    /// The block.
    pub(crate) block: Block,
    /// The graphic for download, laid out once (the `.svg` and the PNG come from it); `None`
    /// for a block without one (a quote).
    pub(crate) drawing: Option<Drawing>,
    /// Byte offset of the opening fence in the file.
    pub(crate) fence: usize,
    /// Byte range of the block's YAML in the file.
    pub(crate) yaml: Range<usize>,
}

impl Figure {
    /// Lays out `block` as the figure `id` labelled `label`; an error (at `fence` in `file`)
    /// when its PNG would be larger than a PNG can be made.
    pub(crate) fn lay_out(
        block: Block,
        id: String,
        label: Option<String>,
        file: &SourceFile,
        fence: usize,
        yaml: Range<usize>,
    ) -> Result<Figure, Diagnostic> {
        let drawing = block.kind().has_image().then(|| block.layout());
        if let Some(drawing) = &drawing {
            let (width, height) = drawing.pixels(DOWNLOAD_SCALE);
            if width > MAX_SIDE || height > MAX_SIDE {
                let name = block.kind().name();
                return Err(file
                    .error_at(
                        fence,
                        messages::block_graphic_too_large(name, width, height, MAX_SIDE),
                    )
                    .with_hint(messages::block_graphic_too_large_hint(name)));
            }
        }
        Ok(Figure {
            id,
            label,
            block,
            drawing,
            fence,
            yaml,
        })
    }

    /// The ids inside the figure on the page: its title's, and each recommendation's list item.
    pub(crate) fn inner_ids(&self) -> Vec<String> {
        let mut ids = vec![title_id(&self.id)];
        if let Block::Recommendations(spec) = &self.block {
            for group in &spec.groups {
                let audience = &group.audience.slug;
                for n in 1..=group.items.len() {
                    ids.push(blocks::recommendations::item_id(&self.id, audience, n));
                }
            }
        }
        ids
    }
}

/// The id of a figure's title on the page, which names its tables and regions.
pub(crate) fn title_id(figure: &str) -> String {
    format!("{figure}-titel")
}

/// A block read from the body, before its id and label are decided.
struct PendingBlock {
    block: Block,
    fence: usize,
    yaml: Range<usize>,
}

/// Decides the ids and labels of the blocks of a page and lays them out: labels the author
/// wrote first (two blocks with one label is an error at the second), then the numbers of the
/// others in their sequence, skipping the numbers the author's labels take.
fn figures_of(
    pending: Vec<PendingBlock>,
    file: &SourceFile,
    ids: &mut Ids,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Figure> {
    let key = |label: &str| slugify(label);
    let written: Vec<Option<String>> = pending
        .iter()
        .map(|p| p.block.label().map(|l| l.trim().to_string()))
        .collect();
    let taken: BTreeSet<String> = written.iter().flatten().map(|l| key(l)).collect();
    let mut decided: Vec<(String, Option<String>)> = Vec::with_capacity(pending.len());
    for (p, label) in pending.iter().zip(&written) {
        match label {
            Some(label) => {
                let id = key(label);
                if !ids.claim(&id) {
                    diags.push(
                        file.error_at(p.fence, messages::block_label_twice(label, &id))
                            .with_hint(messages::block_label_twice_hint()),
                    );
                    decided.push((ids.unique(&id), Some(label.clone())));
                } else {
                    decided.push((id, Some(label.clone())));
                }
            }
            // Numbered or not: decided in order below.
            None => decided.push((String::new(), None)),
        }
    }
    let mut next: BTreeMap<&str, usize> = BTreeMap::new();
    let mut quotes = 0;
    for (p, (id, label)) in pending.iter().zip(decided.iter_mut()) {
        if !id.is_empty() {
            continue;
        }
        match p.block.kind().numbering().word() {
            Some(word) => {
                let n = next.entry(word).or_insert(1);
                while taken.contains(&key(&format!("{word} {n}"))) {
                    *n += 1;
                }
                let text = format!("{word} {n}");
                *n += 1;
                *id = ids.unique(&key(&text));
                *label = Some(text);
            }
            None if p.block.kind() == blocks::Kind::Quote => {
                quotes += 1;
                *id = ids.unique(&format!("citaat-{quotes}"));
            }
            None => *id = ids.unique("aanbevelingen"),
        }
    }
    let mut figures = Vec::new();
    for (p, (id, label)) in pending.into_iter().zip(decided) {
        match Figure::lay_out(p.block, id, label, file, p.fence, p.yaml) {
            Ok(figure) => {
                for inner in figure.inner_ids() {
                    ids.claim(&inner);
                }
                figures.push(figure);
            }
            Err(d) => diags.push(d),
        }
    }
    figures
}

/// A heading while the body is read: its id is decided at the end, when every id the page
/// makes itself is known.
struct PendingHeading {
    level: u8,
    explicit: Option<String>,
    text: String,
    start: usize,
}

/// Parses the body of `file` in `range`; `resolve` answers what blocks refer to.
pub(crate) fn parse(
    file: &Arc<SourceFile>,
    range: Range<usize>,
    resolve: &Resolve<'_>,
) -> (Body, Vec<Diagnostic>) {
    if let Err(d) = crate::source::check_markdown_nesting(file, range.clone(), options()) {
        return (Body::default(), vec![d]);
    }
    let markdown = &file.text[range.clone()];
    let base = range.start;
    let mut diags = Vec::new();
    let mut body = Body {
        markdown: Markdown::of(file, range.clone()),
        offset: base,
        ..Body::default()
    };
    let mut ids = Ids::default();
    let mut headings: Vec<PendingHeading> = Vec::new();
    let mut heading: Option<PendingHeading> = None;
    let mut block: Option<(blocks::Kind, usize, Option<usize>, String)> = None;
    let mut previous_level = 1u8;
    let mut footnote_labels: Vec<String> = Vec::new();
    // An image being read: (destination, offset, alt text so far).
    let mut image: Option<(String, usize, String)> = None;
    let mut prose = Prose::default();
    let mut pending: Vec<PendingBlock> = Vec::new();
    // Inside a heading, code block or table, text is not prose.
    let mut not_prose = 0usize;
    let flush = |prose: &mut Prose, all: &mut Vec<Prose>| {
        let done = std::mem::take(prose);
        if !done.is_blank(markdown) {
            all.push(done);
        }
    };

    for (event, span) in Parser::new_ext(markdown, options()).into_offset_iter() {
        let at = base + span.start;
        match &event {
            Event::Start(Tag::Heading { .. } | Tag::CodeBlock(_) | Tag::Table(_)) => not_prose += 1,
            Event::End(TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::Table) => {
                not_prose = not_prose.saturating_sub(1)
            }
            Event::Start(
                Tag::Paragraph
                | Tag::Item
                | Tag::List(_)
                | Tag::BlockQuote(_)
                | Tag::FootnoteDefinition(_),
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::List(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::FootnoteDefinition,
            ) if not_prose == 0 => flush(&mut prose, &mut body.prose),
            Event::Text(t) | Event::Code(t) if not_prose == 0 => prose.push(t, at, markdown),
            Event::SoftBreak | Event::HardBreak if not_prose == 0 => prose.push(" ", at, markdown),
            _ => {}
        }
        match event {
            Event::Start(Tag::Heading {
                level, id, attrs, ..
            }) => {
                if !attrs.is_empty() {
                    diags.push(
                        file.error_at(at, messages::heading_other_attributes())
                            .with_hint(messages::heading_other_attributes_hint())
                            .into_warning(),
                    );
                }
                heading = Some(PendingHeading {
                    level: level_number(level),
                    explicit: id.map(|i| i.to_string()),
                    text: String::new(),
                    start: at,
                });
            }
            Event::End(TagEnd::Heading(_)) => {
                let Some(mut h) = heading.take() else {
                    continue;
                };
                h.text = h.text.trim().to_string();
                if h.level == 1 {
                    diags.push(
                        file.error_at(h.start, messages::heading_level_one_in_body())
                            .with_hint(messages::heading_level_one_in_body_hint())
                            .with_rule(Rule::Headings),
                    );
                } else if h.level > previous_level + 1 {
                    diags.push(
                        file.error_at(
                            h.start,
                            messages::heading_level_skipped(h.level, previous_level),
                        )
                        .with_hint(messages::heading_level_skipped_hint(
                            "#".repeat(usize::from(previous_level) + 1),
                        ))
                        .with_rule(Rule::Headings),
                    );
                }
                previous_level = h.level;
                headings.push(h);
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                match blocks::lookup(&info) {
                    Lookup::Block(kind) => block = Some((kind, at, None, String::new())),
                    Lookup::NearMiss(name) => {
                        let written = info.split_whitespace().next().unwrap_or("").to_string();
                        diags.push(
                            file.error_at(at, messages::not_an_infographic_block(&written))
                                .with_hint(messages::not_an_infographic_block_hint(
                                    name,
                                    block_names(),
                                )),
                        );
                    }
                    Lookup::Code => {}
                }
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                if !is_safe_url(&dest_url) {
                    diags.push(unsafe_address(file, at, &dest_url));
                }
                body.links.push(Link {
                    dest: dest_url.to_string(),
                    offset: at,
                    kind: if link_type == LinkType::Email {
                        LinkKind::Email
                    } else {
                        LinkKind::Link
                    },
                });
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                if !is_safe_url(&dest_url) {
                    diags.push(unsafe_address(file, at, &dest_url));
                }
                image = Some((dest_url.to_string(), at, String::new()));
            }
            Event::End(TagEnd::Image) => {
                if let Some((dest, offset, alt)) = image.take() {
                    body.links.push(Link {
                        dest,
                        offset,
                        kind: LinkKind::Image(alt),
                    });
                }
            }
            Event::FootnoteReference(label) | Event::Start(Tag::FootnoteDefinition(label))
                if !footnote_labels.iter().any(|l| l == label.as_ref()) =>
            {
                footnote_labels.push(label.to_string());
            }
            Event::Text(text) => {
                if let Some((_, _, alt)) = image.as_mut() {
                    alt.push_str(&text);
                }
                if let Some((_, _, first, yaml)) = block.as_mut() {
                    first.get_or_insert(at);
                    yaml.push_str(&text);
                } else if let Some(h) = heading.as_mut() {
                    h.text.push_str(&text);
                }
            }
            Event::Code(text) => {
                if let Some((_, _, alt)) = image.as_mut() {
                    alt.push_str(&text);
                }
                if let Some(h) = heading.as_mut() {
                    h.text.push_str(&text);
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
                        file.error_at(fence, messages::block_empty(kind.name()))
                            .with_hint(messages::block_empty_hint()),
                    );
                    continue;
                }
                match blocks::parse(kind, &yaml, origin, resolve) {
                    Ok(block) => pending.push(PendingBlock {
                        block,
                        fence,
                        yaml: body_offset..body_offset + yaml.len(),
                    }),
                    Err(errors) => diags.extend(errors),
                }
            }
            _ => {}
        }
    }
    flush(&mut prose, &mut body.prose);
    body.figures = figures_of(pending, file, &mut ids, &mut diags);

    // The ids the author wrote, then the footnotes', then the headings' that kennis makes.
    let mut chosen: Vec<Option<String>> = Vec::with_capacity(headings.len());
    for h in &headings {
        chosen.push(match &h.explicit {
            Some(id) if ids.claim(id) => Some(id.clone()),
            Some(id) => {
                let whose = if super::ids::TEMPLATE_IDS.contains(&id.as_str()) {
                    messages::heading_id_taken_by_page()
                } else if body
                    .figures
                    .iter()
                    .any(|f| f.id == *id || f.inner_ids().contains(id))
                {
                    messages::heading_id_taken_by_figure()
                } else {
                    messages::heading_id_taken_by_heading()
                };
                diags.push(
                    file.error_at(h.start, messages::heading_id_taken(id, whose))
                        .with_hint(messages::heading_id_taken_hint(id))
                        .with_rule(Rule::Headings),
                );
                Some(ids.unique(id))
            }
            None => None,
        });
    }
    for (n, label) in footnote_labels.into_iter().enumerate() {
        let id = ids.unique(&format!("voetnoot-{}", slugify(&label)));
        body.footnotes.insert(label, Footnote { id, number: n + 1 });
    }
    for (h, id) in headings.into_iter().zip(chosen) {
        let id = id.unwrap_or_else(|| ids.unique(&slugify(&h.text)));
        body.headings.push(Heading {
            level: h.level,
            id,
            text: h.text,
        });
    }
    body.ids = ids.all().clone();
    (body, diags)
}

/// The warning for a link or image whose address could run script.
fn unsafe_address(file: &SourceFile, at: usize, dest: &str) -> Diagnostic {
    let shown: String = dest
        .chars()
        .take(60)
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect();
    file.error_at(at, messages::unsafe_address(shown))
        .with_hint(messages::unsafe_address_hint(
            SAFE_SCHEMES.join(":, ") + ":",
        ))
        .into_warning()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::{Problem, persona::Card, recommendations::builtin};

    fn no_personas(id: &str) -> Result<Card, Problem> {
        Err(Problem::new(
            crate::messages::persona_unknown(id),
            crate::messages::persona_add_file(),
        ))
    }

    fn parse_text(md: &str) -> (Body, Vec<Diagnostic>) {
        let file = Arc::new(SourceFile::new("content/x.md", md.to_string()));
        let resolve = Resolve {
            personas: &no_personas,
            audiences: &builtin(),
        };
        parse(&file, 0..md.len(), &resolve)
    }

    #[test]
    fn prose_is_its_text_with_the_file_offset_of_every_byte() {
        let md =
            "Voor \"Nora\" is het **zwaar** &amp; nieuw,\nzegt ze * los [haken] zonder link.\n";
        let (body, diags) = parse_text(md);
        assert!(diags.is_empty(), "{diags:?}");
        let [prose] = body.prose.as_slice() else {
            panic!("{:?}", body.prose)
        };
        let text = prose.text(&body.markdown);
        assert_eq!(
            text.text,
            "Voor \u{201c}Nora\u{201d} is het zwaar & nieuw, zegt ze * los [haken] zonder link."
        );
        for word in [
            "Voor", "Nora", "zwaar", "nieuw", "zegt", "los", "haken", "zonder",
        ] {
            assert_eq!(
                text.offset_of(text.text.find(word).unwrap()),
                md.find(word).unwrap(),
                "{word}"
            );
        }
        // The text after the line break is one piece, though the parser cut it in five at
        // `*`, `[` and `]`.
        let after = prose
            .pieces
            .iter()
            .filter(|p| !p.made && p.at as usize >= md.find("zegt").unwrap())
            .count();
        assert_eq!(after, 1, "{:?}", prose.pieces);
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
    fn blocks_are_parsed_and_code_stays_code() {
        let md = "Tekst\n\n```quote\ntext: Hallo\n```\n\n```yaml\na: 1\n```\n\n```quote\ntext: Twee\n```\n";
        let (body, diags) = parse_text(md);
        assert!(diags.is_empty(), "{diags:?}");
        let ids: Vec<&str> = body.figures.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["citaat-1", "citaat-2"]);
        assert!(
            body.figures
                .iter()
                .all(|f| f.label.is_none() && f.drawing.is_none())
        );
    }

    /// Tables and graphics are numbered in sequences of their own, around the labels the source
    /// gives; quotes and recommendation lists are not numbered.
    #[test]
    fn blocks_get_the_source_labels_and_numbers_in_their_own_sequences() {
        let bars = |label: &str| {
            format!(
                "```bars\ntitle: B\n{label}groups: [{{label: G, items: [{{label: a, value: 1}}]}}]\n```\n\n"
            )
        };
        let steps = "```steps\ntitle: S\nitems: [{title: a}]\n```\n\n";
        let recs = "```recommendations\n- audience: organisaties\n  items: [Doe het.]\n```\n\n";
        let md = format!(
            "{}{}{steps}{}{recs}```quote\ntext: Q\n```\n\nZie [de tweede tabel](#tabel-2).\n",
            bars(""),
            bars("label: Tabel 2\n"),
            bars("")
        );
        let (body, diags) = parse_text(&md);
        assert!(diags.is_empty(), "{diags:?}");
        let got: Vec<(&str, Option<&str>)> = body
            .figures
            .iter()
            .map(|f| (f.id.as_str(), f.label.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("tabel-1", Some("Tabel 1")),
                ("tabel-2", Some("Tabel 2")),
                ("figuur-1", Some("Figuur 1")),
                ("tabel-3", Some("Tabel 3")),
                ("aanbevelingen", None),
                ("citaat-1", None),
            ]
        );
        assert!(body.ids.contains("tabel-2") && body.ids.contains("aanbevelingen-organisaties-1"));
        let (_, diags) = parse_text(&format!(
            "{}{}",
            bars("label: Tabel 1\n"),
            bars("label: Tabel 1\n")
        ));
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(
            diags[0]
                .message
                .contains("een tweede blok met het label `Tabel 1`")
        );
        assert_eq!(diags[0].span.as_ref().unwrap().line, 7);
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
                .contains("bedoel je `quote`")
        );
        assert!(diags[1].span.as_ref().unwrap().line >= 8, "{:?}", diags[1]);
    }
}
