//! The rules of `kennis check` beyond what `build` validates: internal links and anchors, image
//! alt text, infographic data sanity and plain-language (B1) readability, plus the contrast
//! summary of every theme.
//!
//! `run(&Config, &Sources, &Content) -> Checked` reads the model that `build` makes and returns
//! diagnostics and per-page statistics; it writes nothing. `RULES` lists every rule for the
//! report and the documentation, the way a linter's registry does. Each rule is one function
//! below, over one page's Markdown (with pulldown-cmark's offsets, so that every finding has the
//! file's line) or over the config.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use pulldown_cmark::{CodeBlockKind, Event, LinkType, Parser, Tag, TagEnd};

use crate::blocks::{self, Block, Kind, Lookup, Origin, Problem, Resolve, persona::Card};
use crate::config::{Config, Readability};
use crate::diag::{Diagnostic, suggest};
use crate::load::Sources;
use crate::model::body::options;
use crate::model::entry::slugify;
use crate::model::{Common, Content, recommendation_prefix};
use crate::palette::contrast;
use crate::source::SourceFile;

/// One rule of `kennis check`, for the report and the documentation.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rule {
    /// Short name.
    pub(crate) name: &'static str,
    /// What it checks.
    pub(crate) what: &'static str,
    /// The WCAG 2.2 success criterion it supports, if any.
    pub(crate) wcag: Option<&'static str>,
    /// Whether it finds errors (exit 1) or gives advice (warnings).
    pub(crate) errors: bool,
}

/// Every rule: what `build` validates, then what only `check` does.
pub(crate) const RULES: &[Rule] = &[
    Rule {
        name: "content",
        what: "site.yaml, themes, front matter, dates, references to personas and reports, and the YAML of every infographic block (what `kennis build` checks)",
        wcag: None,
        errors: true,
    },
    Rule {
        name: "headings",
        what: "one level-1 heading per page (the title) and no skipped heading levels",
        wcag: Some("1.3.1 Info and Relationships"),
        errors: true,
    },
    Rule {
        name: "contrast",
        what: "contrast of every colour pair of each theme palette: text 4.5:1, graphics and borders 3:1",
        wcag: Some("1.4.3 Contrast (Minimum), 1.4.11 Non-text Contrast"),
        errors: true,
    },
    Rule {
        name: "links",
        what: "internal links (starting with `/`, `../` or `#`, or relative) point at a page or file of every site that shows the page, and their `#anchor` at a heading or figure there",
        wcag: Some("2.4.4 Link Purpose"),
        errors: true,
    },
    Rule {
        name: "alt-text",
        what: "every image in Markdown has alt text (`![what it shows](file.png)`)",
        wcag: Some("1.1.1 Non-text Content"),
        errors: true,
    },
    Rule {
        name: "data",
        what: "infographic data: duplicate row or column labels in a `matrix`, and `bars` groups that add up to less than their `total` (advice)",
        wcag: None,
        errors: false,
    },
    Rule {
        name: "readability",
        what: "plain language (B1): sentences longer than `readability.max_sentence_words` and pages whose Flesch-Douma score is below `readability.min_score` (advice)",
        wcag: Some("3.1.5 Reading Level (AAA, advice)"),
        errors: false,
    },
];

/// What `check` found.
#[derive(Debug, Default)]
pub(crate) struct Checked {
    /// Findings of the rules in this module (the model's own come separately).
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// Statistics per content file, in file order.
    pub(crate) pages: Vec<PageStats>,
    /// The contrast of each site's theme.
    pub(crate) contrast: Vec<ThemeContrast>,
}

/// What was checked on one page.
#[derive(Debug, Clone, Default)]
pub(crate) struct PageStats {
    /// The content file.
    pub(crate) file: PathBuf,
    /// Site-relative URL.
    pub(crate) url: String,
    pub(crate) title: String,
    /// report, persona, page or section.
    pub(crate) kind: &'static str,
    /// The sites that show the page.
    pub(crate) sites: Vec<String>,
    pub(crate) headings: usize,
    pub(crate) figures: usize,
    /// Internal links and images checked, and how many of them are broken.
    pub(crate) internal_links: usize,
    pub(crate) broken_links: usize,
    /// External links (not followed).
    pub(crate) external_links: usize,
    pub(crate) images: usize,
    pub(crate) images_without_alt: usize,
    /// Prose: words, sentences and syllables.
    pub(crate) words: usize,
    pub(crate) sentences: usize,
    pub(crate) syllables: usize,
    pub(crate) long_sentences: usize,
    /// (line, words) of each long sentence.
    pub(crate) long_sentence_lines: Vec<(usize, usize)>,
}

impl PageStats {
    /// Flesch-Douma score of the page's prose, if it has enough words to say anything.
    pub(crate) fn score(&self) -> Option<f64> {
        (self.words >= MIN_WORDS_FOR_SCORE)
            .then(|| flesch_douma(self.words, self.sentences, self.syllables))
    }
}

/// The contrast of one theme's palette.
#[derive(Debug, Clone)]
pub(crate) struct ThemeContrast {
    pub(crate) site: String,
    pub(crate) theme: String,
    /// (what, foreground, background, ratio, minimum).
    pub(crate) pairs: Vec<(&'static str, String, String, f64, f64)>,
}

impl ThemeContrast {
    /// The pair with the least margin over its minimum.
    pub(crate) fn weakest(&self) -> Option<&(&'static str, String, String, f64, f64)> {
        self.pairs
            .iter()
            .min_by(|a, b| (a.3 / a.4).total_cmp(&(b.3 / b.4)))
    }
}

/// Fewer words than this and a readability score says nothing.
const MIN_WORDS_FOR_SCORE: usize = 100;

/// Runs every rule over the model.
pub(crate) fn run(config: &Config, sources: &Sources, content: &Content) -> Checked {
    let indexes: Vec<SiteIndex<'_>> = config
        .sites
        .iter()
        .map(|s| SiteIndex::new(content, s))
        .collect();
    let mut checked = Checked {
        contrast: config
            .sites
            .iter()
            .map(|s| ThemeContrast {
                site: s.name.clone(),
                theme: s.theme.name.clone(),
                pairs: s
                    .theme
                    .palette
                    .requirements()
                    .into_iter()
                    .map(|(what, fg, bg, min)| {
                        (
                            what,
                            fg.to_string(),
                            bg.to_string(),
                            contrast(fg, bg).unwrap_or(0.0),
                            min,
                        )
                    })
                    .collect(),
            })
            .collect(),
        ..Checked::default()
    };
    let mut entries: Vec<(usize, &Common, &'static str)> = Vec::new();
    let mut used = BTreeSet::new();
    for (common, kind) in all_entries(content) {
        if let Some(i) = source_of(sources, common, &used) {
            used.insert(i);
            entries.push((i, common, kind));
        }
    }
    entries.sort_by_key(|(i, _, _)| *i);
    for (i, common, kind) in entries {
        let file = &sources.pages[i];
        let on: Vec<&SiteIndex<'_>> = indexes
            .iter()
            .filter(|i| i.members.contains(&address(common)))
            .collect();
        let mut stats = PageStats {
            file: file.path.clone(),
            url: common.url.clone(),
            title: common.title.clone(),
            kind,
            sites: on.iter().map(|i| i.name.to_string()).collect(),
            headings: common.body.headings.len(),
            figures: common.body.figures.len(),
            ..PageStats::default()
        };
        let page = Page {
            file,
            common,
            base: file.text.len() - common.body.markdown.len(),
        };
        checked
            .diagnostics
            .extend(links_and_images(&page, &on, &indexes, &mut stats));
        checked.diagnostics.extend(data(&page));
        checked
            .diagnostics
            .extend(readability(&page, &config.readability, &mut stats));
        checked.pages.push(stats);
    }
    checked
}

/// One page's Markdown and where it is in its file.
struct Page<'a> {
    file: &'a SourceFile,
    common: &'a Common,
    /// Byte offset of the body in the file.
    base: usize,
}

impl Page<'_> {
    fn markdown(&self) -> &str {
        &self.common.body.markdown
    }
}

/// The file an entry was read from: the one at its URL whose text ends with its body.
fn source_of(sources: &Sources, common: &Common, used: &BTreeSet<usize>) -> Option<usize> {
    sources.pages.iter().enumerate().position(|(i, file)| {
        !used.contains(&i)
            && file.text.ends_with(common.body.markdown.as_str())
            && crate::model::entry::locate(file).url == common.url
    })
}

/// Identity of an entry, for "is this entry on that site".
fn address(common: &Common) -> usize {
    std::ptr::from_ref(common) as usize
}

fn all_entries(content: &Content) -> Vec<(&Common, &'static str)> {
    let mut out: Vec<(&Common, &'static str)> = Vec::new();
    out.extend(content.reports.iter().map(|r| (&r.common, "report")));
    out.extend(content.personas.iter().map(|p| (&p.common, "persona")));
    out.extend(content.pages.iter().map(|p| (&p.common, "page")));
    out.extend(content.sections.iter().map(|s| (&s.common, "section")));
    out
}

// ---------------------------------------------------------------------------------------------
// Rule `links` and `alt-text`.

/// What one site holds: its pages (with the ids on them) and files.
struct SiteIndex<'a> {
    name: &'a str,
    /// Content pages by URL.
    pages: BTreeMap<String, &'a Common>,
    /// Pages kennis makes itself (home, recommendations, themes, search).
    generated: BTreeSet<String>,
    /// Files by site-relative URL (graphics, assets, feeds).
    files: BTreeSet<String>,
    /// The entries on the site (by `address`).
    members: BTreeSet<usize>,
}

/// Folders whose every file kennis writes itself (stylesheet, fonts, scripts, search index).
const GENERATED_FOLDERS: &[&str] = &["/assets/", "/pagefind/"];
/// Ids that the templates put on pages, besides headings and figures.
const TEMPLATE_IDS: &[&str] = &["inhoud", "top", "themas-label", "personas-in-rapport"];

impl<'a> SiteIndex<'a> {
    fn new(content: &'a Content, config: &'a crate::config::SiteConfig) -> Self {
        let site = content.site(config);
        let mut pages = BTreeMap::new();
        let mut files: BTreeSet<String> = ["/sitemap.xml", "/atom.xml", "/robots.txt", "/404.html"]
            .into_iter()
            .map(str::to_string)
            .collect();
        let mut members = BTreeSet::new();
        let mut add = |c: &'a Common| {
            for figure in &c.body.figures {
                files.insert(format!("{}{}.svg", c.url, figure.id));
                files.insert(format!("{}{}.png", c.url, figure.id));
            }
            members.insert(address(c));
            pages.insert(c.url.clone(), c);
        };
        for r in &site.reports {
            add(&r.common);
        }
        for p in &site.personas {
            add(&p.common);
        }
        for p in &site.pages {
            add(&p.common);
        }
        for s in &site.sections {
            add(&s.common);
        }
        if let Some(home) = site.home {
            add(&home.common);
        }
        for r in &site.reports {
            files.insert(format!("{}social.png", r.common.url));
        }
        for p in &site.personas {
            files.insert(format!("{}leerroute.svg", p.common.url));
            files.insert(format!("{}leerroute.png", p.common.url));
        }
        for asset in site.assets {
            files.insert(format!("/{}", asset_url(&asset.rel)));
        }
        let mut generated: BTreeSet<String> = ["/", "/aanbevelingen/", "/themas/", "/zoeken/"]
            .into_iter()
            .map(str::to_string)
            .collect();
        for theme in site.themes() {
            generated.insert(format!("/themas/{}/", theme.slug));
        }
        SiteIndex {
            name: &config.name,
            pages,
            generated,
            files,
            members,
        }
    }

    fn has_page(&self, url: &str) -> bool {
        self.pages.contains_key(url) || self.generated.contains(url)
    }

    fn has_file(&self, url: &str) -> bool {
        self.files.contains(url) || GENERATED_FOLDERS.iter().any(|f| url.starts_with(f))
    }

    fn all_urls(&self) -> Vec<&str> {
        self.pages
            .keys()
            .chain(&self.generated)
            .map(String::as_str)
            .collect()
    }
}

/// Where a content file is copied: folders slugged like page URLs, the name kept (as
/// `render` does).
fn asset_url(rel: &str) -> String {
    let mut parts: Vec<String> = rel.split('/').map(str::to_string).collect();
    let name = parts.pop().unwrap_or_default();
    let mut out: Vec<String> = parts.iter().map(|f| slugify(f)).collect();
    out.push(name);
    out.join("/")
}

/// Where a link goes.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Target {
    /// Another host or scheme (`https:`, `mailto:`); not followed.
    External,
    /// A page of the site (URL ending in `/`), with the anchor.
    Page(String, Option<String>),
    /// A file of the site.
    File(String),
    /// Above the site's root (`../../..` from a shallow page).
    Outside,
}

/// Resolves the link `dest` on the page at `page_url` (site-relative, ending in `/`).
pub(crate) fn resolve(page_url: &str, dest: &str) -> Target {
    let dest = dest.trim();
    let is_scheme = dest.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
    });
    if is_scheme || dest.starts_with("//") {
        return Target::External;
    }
    let (rest, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(percent_decode(f))),
        None => (dest, None),
    };
    let path = rest.split('?').next().unwrap_or("");
    let path = percent_decode(path);
    let mut segments: Vec<String> = if path.starts_with('/') {
        Vec::new()
    } else {
        page_url
            .split('/')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    };
    if path.is_empty() {
        return Target::Page(page_url.to_string(), fragment);
    }
    let parts: Vec<&str> = path.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        match *part {
            "" | "." => {}
            ".." => {
                if segments.pop().is_none() {
                    return Target::Outside;
                }
            }
            other => {
                let last = i + 1 == parts.len();
                if last && other == "index.html" {
                    break;
                }
                segments.push(other.to_string());
            }
        }
    }
    let joined = segments.join("/");
    let last_is_file = !path.ends_with('/')
        && !path.ends_with("index.html")
        && segments.last().is_some_and(|s| s.contains('.'));
    if last_is_file {
        Target::File(format!("/{joined}"))
    } else if joined.is_empty() {
        Target::Page("/".to_string(), fragment)
    } else {
        Target::Page(format!("/{joined}/"), fragment)
    }
}

/// Decodes `%xx` escapes; invalid ones stay as written.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Some(b) = std::str::from_utf8(&bytes[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Ids on a content page that an anchor may name.
fn page_ids(common: &Common) -> BTreeSet<String> {
    let mut ids: BTreeSet<String> = TEMPLATE_IDS.iter().map(|s| s.to_string()).collect();
    ids.extend(common.body.headings.iter().map(|h| h.id.clone()));
    for figure in &common.body.figures {
        ids.insert(figure.id.clone());
        if let Block::Recommendations(spec) = &figure.block {
            let prefix = recommendation_prefix(&figure.id);
            for group in &spec.groups {
                for n in 1..=group.items.len() {
                    ids.insert(format!("{prefix}-{}-{n}", group.audience.as_str()));
                }
            }
        }
    }
    // Footnotes: pulldown-cmark gives a definition the id of its label.
    for event in Parser::new_ext(&common.body.markdown, options()) {
        if let Event::Start(Tag::FootnoteDefinition(label)) = event {
            ids.insert(label.to_string());
        }
    }
    ids
}

/// Checks every link and image of a page against every site that shows it.
fn links_and_images(
    page: &Page<'_>,
    on: &[&SiteIndex<'_>],
    all: &[SiteIndex<'_>],
    stats: &mut PageStats,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // A page on no site is not published; check its links against every site.
    let sites: Vec<&SiteIndex<'_>> = if on.is_empty() {
        all.iter().collect()
    } else {
        on.to_vec()
    };
    // An image being read: (destination, offset, alt text so far).
    let mut image: Option<(String, usize, String)> = None;
    let mut in_block = false;
    for (event, span) in Parser::new_ext(page.markdown(), options()).into_offset_iter() {
        let at = page.base + span.start;
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => in_block = true,
            Event::End(TagEnd::CodeBlock) => in_block = false,
            _ if in_block => {}
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                if matches!(link_type, LinkType::Email) {
                    stats.external_links += 1;
                    continue;
                }
                if let Some(d) = check_link(page, &sites, &dest_url, at, false, stats) {
                    out.push(d);
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                image = Some((dest_url.to_string(), at, String::new()));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, alt)) = image.as_mut() {
                    alt.push_str(&t);
                }
            }
            Event::End(TagEnd::Image) => {
                let Some((dest, offset, alt)) = image.take() else {
                    continue;
                };
                stats.images += 1;
                if alt.trim().is_empty() {
                    stats.images_without_alt += 1;
                    out.push(
                        page.file
                            .error_at(offset, format!("the image `{dest}` has no alt text"))
                            .with_hint(format!(
                                "write what the image shows between the brackets, e.g. `![Grafiek: aantal respondenten per functie]({dest})`; screen readers read it aloud"
                            )),
                    );
                }
                if let Some(d) = check_link(page, &sites, &dest, offset, true, stats) {
                    out.push(d);
                }
            }
            _ => {}
        }
    }
    out
}

/// Checks one link; `None` when it is fine or external.
fn check_link(
    page: &Page<'_>,
    sites: &[&SiteIndex<'_>],
    dest: &str,
    offset: usize,
    image: bool,
    stats: &mut PageStats,
) -> Option<Diagnostic> {
    let what = if image { "image" } else { "link" };
    let target = resolve(&page.common.url, dest);
    if target == Target::External {
        stats.external_links += 1;
        return None;
    }
    stats.internal_links += 1;
    let mut broken = |message: String, hint: String| {
        stats.broken_links += 1;
        Some(page.file.error_at(offset, message).with_hint(hint))
    };
    match target {
        Target::External => None,
        Target::Outside => broken(
            format!("the {what} `{dest}` goes above the site's root folder"),
            format!(
                "this page is at {}; count the `../`: each one goes up one folder",
                page.common.url
            ),
        ),
        Target::File(url) => {
            let missing: Vec<&str> = sites
                .iter()
                .filter(|s| !s.has_file(&url))
                .map(|s| s.name)
                .collect();
            if missing.is_empty() {
                return None;
            }
            broken(
                format!(
                    "the {what} `{dest}` points at {url}, which is not a file of {}",
                    site_list(&missing, sites.len())
                ),
                format!(
                    "this page is at {}; files beside a page's index.md (content/rapporten/<slug>/) are copied next to the page. Check the name (it is case-sensitive) and the `../`",
                    page.common.url
                ),
            )
        }
        Target::Page(url, fragment) => {
            let missing: Vec<&&SiteIndex<'_>> =
                sites.iter().filter(|s| !s.has_page(&url)).collect();
            if !missing.is_empty() {
                let names: Vec<&str> = missing.iter().map(|s| s.name).collect();
                let candidates = missing[0].all_urls();
                let hint = match suggest(&url, &candidates) {
                    Some(s) => format!(
                        "did you mean {s}? Write it relative to this page ({}) or from the site's root, starting with `/`",
                        page.common.url
                    ),
                    None => format!(
                        "check the address; this page is at {}, so `../` goes up to {}",
                        page.common.url,
                        parent_of(&page.common.url)
                    ),
                };
                return broken(
                    format!(
                        "the {what} `{dest}` points at {url}, which is not a page of {}",
                        site_list(&names, sites.len())
                    ),
                    hint,
                );
            }
            let fragment = fragment.filter(|f| !f.is_empty())?;
            // Anchors are checked on content pages; kennis's own pages are not.
            let target_page = sites.iter().find_map(|s| s.pages.get(&url))?;
            let ids = page_ids(target_page);
            if ids.contains(&fragment) {
                return None;
            }
            let list: Vec<&str> = target_page
                .body
                .headings
                .iter()
                .map(|h| h.id.as_str())
                .chain(target_page.body.figures.iter().map(|f| f.id.as_str()))
                .collect();
            let hint = match suggest(&fragment, &list) {
                Some(s) => format!("did you mean `#{s}`?"),
                None if list.is_empty() => format!("{url} has no headings or figures to link to"),
                None => format!(
                    "anchors on {url} are the ids of its headings and figures: {}",
                    list.iter()
                        .take(12)
                        .map(|s| format!("#{s}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            broken(
                format!(
                    "the {what} `{dest}`: {url} has no heading or figure with the id `{fragment}`"
                ),
                hint,
            )
        }
    }
}

fn site_list(names: &[&str], of: usize) -> String {
    if names.len() == of && of > 1 {
        "any site".to_string()
    } else {
        let quoted: Vec<String> = names.iter().map(|n| format!("site `{n}`")).collect();
        quoted.join(" or ")
    }
}

fn parent_of(url: &str) -> String {
    let trimmed = url.trim_end_matches('/');
    match trimmed.rfind('/') {
        Some(i) => trimmed[..=i].to_string(),
        None => "/".to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// Rule `data`.

fn no_personas(id: &str) -> Result<Card, Problem> {
    Err(Problem::new(format!("persona `{id}`"), ""))
}

/// Advice on the data of `bars` and `matrix` blocks that parse (those that do not are already
/// errors of the model).
fn data(page: &Page<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut block: Option<(Kind, usize, Option<usize>, String)> = None;
    for (event, span) in Parser::new_ext(page.markdown(), options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                if let Lookup::Block(kind @ (Kind::Bars | Kind::Matrix)) = blocks::lookup(&info) {
                    block = Some((kind, page.base + span.start, None, String::new()));
                }
            }
            Event::Text(text) => {
                if let Some((_, _, first, yaml)) = block.as_mut() {
                    first.get_or_insert(page.base + span.start);
                    yaml.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                let Some((kind, fence, first, yaml)) = block.take() else {
                    continue;
                };
                let body_offset = first.unwrap_or(fence);
                let origin = Origin {
                    file: page.file,
                    body_offset,
                    fence_offset: fence,
                };
                let resolve = Resolve {
                    personas: &no_personas,
                    audiences: &[],
                };
                let Ok(parsed) = blocks::parse(kind, &yaml, origin, &resolve) else {
                    continue;
                };
                let at = |needle: &str, nth: usize| -> usize {
                    yaml.match_indices(needle)
                        .nth(nth)
                        .map_or(fence, |(i, _)| body_offset + i)
                };
                match parsed {
                    Block::Bars(spec) => {
                        let Some(total) = spec.total else { continue };
                        for group in &spec.groups {
                            let sum: f64 = group.items.iter().map(|i| i.value.get()).sum();
                            if sum + 1e-9 < total.get() {
                                let label = group.label.as_str();
                                out.push(
                                    page.file
                                        .error_at(
                                            at(label, 0),
                                            format!(
                                                "`bars` block: the values of group `{label}` add up to {}, less than the `total` of {}",
                                                crate::markup::fmt_num(sum),
                                                crate::markup::fmt_num(total.get())
                                            ),
                                        )
                                        .with_hint("this is fine when not everyone answered (say so in the caption); otherwise check the values")
                                        .into_warning(),
                                );
                            }
                        }
                    }
                    Block::Matrix(spec) => {
                        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
                        for row in &spec.rows {
                            let label = row.label.as_str();
                            let n = seen.entry(label).or_insert(0);
                            *n += 1;
                            if *n == 2 {
                                out.push(
                                    page.file
                                        .error_at(
                                            at(label, 1),
                                            format!(
                                                "`matrix` block: two rows are labelled `{label}`"
                                            ),
                                        )
                                        .with_hint(
                                            "give every row its own label, or merge the rows",
                                        )
                                        .into_warning(),
                                );
                            }
                        }
                        let mut columns = BTreeSet::new();
                        for column in &spec.columns {
                            if !columns.insert(column.as_str()) {
                                out.push(
                                    page.file
                                        .error_at(
                                            at("columns", 0),
                                            format!(
                                                "`matrix` block: two columns are labelled `{}`",
                                                column.as_str()
                                            ),
                                        )
                                        .with_hint("give every column its own heading")
                                        .into_warning(),
                                );
                            }
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Rule `readability`.

/// Flesch-Douma reading ease of Dutch text: 206.84 − 0.77 × syllables per 100 words − 0.93 ×
/// words per sentence. About 60 and up reads easily (B1); research reports score 30 to 45.
pub(crate) fn flesch_douma(words: usize, sentences: usize, syllables: usize) -> f64 {
    if words == 0 || sentences == 0 {
        return 100.0;
    }
    let words_f = words as f64;
    206.84 - 0.77 * (syllables as f64 * 100.0 / words_f) - 0.93 * (words_f / sentences as f64)
}

/// Vowel clusters that are one syllable in Dutch, longest first.
const CLUSTERS: &[&str] = &[
    "aai", "ooi", "oei", "eeu", "ieu", "ij", "ei", "oe", "ou", "au", "eu", "ie", "ui", "aa", "ee",
    "oo", "uu",
];

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'y'
            | 'á'
            | 'à'
            | 'â'
            | 'é'
            | 'è'
            | 'ê'
            | 'í'
            | 'ì'
            | 'î'
            | 'ó'
            | 'ò'
            | 'ô'
            | 'ú'
            | 'ù'
            | 'û'
            | 'ý'
    ) || has_diaeresis(c)
}

/// ë, ï, ö, ü, ä: the mark says a new syllable starts here.
fn has_diaeresis(c: char) -> bool {
    matches!(c, 'ä' | 'ë' | 'ï' | 'ö' | 'ü' | 'ÿ')
}

/// Syllables of a Dutch word, counted as vowel groups where `ij`, `ei`, `oe`, `ou`, `au`,
/// `eu`, `ie`, `ui`, `aa`, `ee`, `oo`, `uu` (and `aai`, `ooi`, `oei`, `eeu`, `ieu`) are one
/// sound and other vowels side by side are two (`ide-aal`). At least one per word; a number
/// counts as two.
pub(crate) fn syllables(word: &str) -> usize {
    let chars: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
    if !chars.iter().any(|c| c.is_alphabetic()) {
        return if chars.iter().any(char::is_ascii_digit) {
            2
        } else {
            0
        };
    }
    let mut count = 0;
    let mut i = 0;
    while i < chars.len() {
        if !is_vowel(chars[i]) {
            i += 1;
            continue;
        }
        if has_diaeresis(chars[i]) {
            count += 1;
            i += 1;
            continue;
        }
        let cluster = CLUSTERS.iter().find(|cl| {
            let n = cl.chars().count();
            i + n <= chars.len() && chars[i..i + n].iter().copied().eq(cl.chars())
        });
        // An `i` between c, s or t and another vowel is a glide: so-ciaal, profes-sio-neel.
        if cluster.is_none()
            && chars[i] == 'i'
            && i > 0
            && matches!(chars[i - 1], 'c' | 's' | 't')
            && chars
                .get(i + 1)
                .is_some_and(|&c| is_vowel(c) && !has_diaeresis(c))
        {
            i += 1;
            continue;
        }
        count += 1;
        i += cluster.map_or(1, |cl| cl.chars().count());
    }
    count.max(1)
}

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "bijv", "bv", "o.a", "d.w.z", "m.b.t", "e.d", "enz", "etc", "ca", "nr", "blz", "p", "zgn",
    "resp", "t.o.v", "i.p.v", "m.n", "incl", "excl", "dr", "mr", "prof", "drs", "ir", "ing", "jl",
    "vs", "evt", "i.s.m", "a.d.h.v", "z.g.a.n", "vgl", "mevr", "dhr", "t.a.v", "n.a.v",
];

/// One sentence: where it starts in its block, and its words and syllables.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Sentence {
    /// Byte index of its first character in the block text.
    pub(crate) start: usize,
    pub(crate) words: usize,
    pub(crate) syllables: usize,
}

/// Splits a block of prose (a paragraph or list item) into sentences. A `.`, `!`, `?` or `…`
/// followed by a space (and not the stop of an abbreviation or initial) ends one; so does the
/// end of the block.
pub(crate) fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut words = 0;
    let mut syll = 0;
    let mut tokens = text.split_inclusive(char::is_whitespace).peekable();
    let mut pos = 0;
    while let Some(raw) = tokens.next() {
        let at = pos;
        pos += raw.len();
        let token = raw.trim();
        if token.is_empty() {
            continue;
        }
        let core = token.trim_matches(|c: char| !c.is_alphanumeric());
        if !core.is_empty() {
            start.get_or_insert(at);
            words += 1;
            syll += syllables(core);
        }
        let ends = token
            .trim_end_matches(['"', '\'', ')', ']', '”', '’', '*', '_'])
            .chars()
            .last()
            .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…'));
        if !ends {
            continue;
        }
        let lower = core.to_lowercase();
        let bare = token
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .trim_end_matches(['"', '\'', ')', ']', '”', '’', '*', '_'])
            .trim_end_matches('.')
            .to_lowercase();
        let abbreviation = token.ends_with('.')
            && (ABBREVIATIONS.contains(&bare.as_str())
                || (lower.chars().count() == 1 && lower.chars().all(char::is_alphabetic)));
        let next_lower = tokens
            .peek()
            .and_then(|t| t.trim_start().chars().next())
            .is_some_and(char::is_lowercase);
        if abbreviation || (token.ends_with('.') && next_lower) {
            continue;
        }
        if let Some(s) = start.take() {
            out.push(Sentence {
                start: s,
                words,
                syllables: syll,
            });
        }
        words = 0;
        syll = 0;
    }
    if let Some(s) = start {
        out.push(Sentence {
            start: s,
            words,
            syllables: syll,
        });
    }
    out
}

/// A block of prose with the file offset of each piece of its text.
#[derive(Default)]
struct ProseBlock {
    text: String,
    /// (index in `text`, offset in the file).
    map: Vec<(usize, usize)>,
}

impl ProseBlock {
    fn push(&mut self, text: &str, offset: usize) {
        self.map.push((self.text.len(), offset));
        self.text.push_str(text);
    }

    fn offset_of(&self, index: usize) -> usize {
        let i = self
            .map
            .partition_point(|(at, _)| *at <= index)
            .saturating_sub(1);
        self.map
            .get(i)
            .map_or(0, |(at, offset)| offset + index.saturating_sub(*at))
    }
}

/// The prose of a page: paragraphs, list items, quotes and footnotes; not headings, tables or
/// code, and not the infographic blocks.
fn prose_blocks(page: &Page<'_>) -> Vec<ProseBlock> {
    let mut blocks = Vec::new();
    let mut current = ProseBlock::default();
    let mut skip = 0usize;
    let flush = |current: &mut ProseBlock, blocks: &mut Vec<ProseBlock>| {
        if !current.text.trim().is_empty() {
            blocks.push(std::mem::take(current));
        } else {
            *current = ProseBlock::default();
        }
    };
    for (event, span) in Parser::new_ext(page.markdown(), options()).into_offset_iter() {
        let at = page.base + span.start;
        match event {
            Event::Start(Tag::Heading { .. } | Tag::CodeBlock(_) | Tag::Table(_)) => skip += 1,
            Event::End(TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::Table) => {
                skip = skip.saturating_sub(1)
            }
            _ if skip > 0 => {}
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
            ) => flush(&mut current, &mut blocks),
            Event::Text(t) | Event::Code(t) => current.push(&t, at),
            Event::SoftBreak | Event::HardBreak => current.push(" ", at),
            _ => {}
        }
    }
    flush(&mut current, &mut blocks);
    blocks
}

/// Long sentences (one warning per page, at the first, listing every line) and a page whose
/// prose scores below the threshold.
fn readability(page: &Page<'_>, limits: &Readability, stats: &mut PageStats) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut first_prose: Option<usize> = None;
    let mut long: Vec<(usize, usize)> = Vec::new();
    for block in prose_blocks(page) {
        for sentence in sentences(&block.text) {
            let offset = block.offset_of(sentence.start);
            first_prose.get_or_insert(offset);
            stats.words += sentence.words;
            stats.sentences += 1;
            stats.syllables += sentence.syllables;
            if sentence.words > limits.max_sentence_words {
                long.push((offset, sentence.words));
            }
        }
    }
    stats.long_sentences = long.len();
    stats.long_sentence_lines = long
        .iter()
        .map(|(offset, words)| (page.file.position(*offset).0, *words))
        .collect();
    if let Some((first, _)) = long.first() {
        let listed: Vec<String> = stats
            .long_sentence_lines
            .iter()
            .take(20)
            .map(|(line, words)| format!("{line} ({words})"))
            .collect();
        let more = match long.len().saturating_sub(20) {
            0 => String::new(),
            n => format!(" en nog {n}"),
        };
        let (message, lines) = if long.len() == 1 {
            (
                format!(
                    "lange zin: {} woorden (advies: hoogstens {})",
                    long[0].1, limits.max_sentence_words
                ),
                String::new(),
            )
        } else {
            (
                format!(
                    "lange zinnen: {} van de {} zinnen hebben meer dan {} woorden",
                    long.len(),
                    stats.sentences,
                    limits.max_sentence_words
                ),
                format!("regel (woorden): {}{more}; ", listed.join(", ")),
            )
        };
        out.push(
            page.file
                .error_at(*first, message)
                .with_hint(format!(
                    "{lines}splits zo'n zin in tweeën, of zet een opsomming in een lijst; advies, geen oordeel (drempel: readability.max_sentence_words in site.yaml)"
                ))
                .into_warning(),
        );
    }
    if let Some(score) = stats.score()
        && score < limits.min_score
    {
        let per_sentence = stats.words as f64 / stats.sentences.max(1) as f64;
        let per_hundred = stats.syllables as f64 * 100.0 / stats.words.max(1) as f64;
        let cause = match (per_sentence > 15.0, per_hundred > 160.0) {
            (true, true) => "lange zinnen en lange woorden maken de tekst moeilijker",
            (false, true) => "lange woorden maken de tekst moeilijker",
            _ => "lange zinnen maken de tekst moeilijker",
        };
        out.push(
            page.file
                .error_at(
                    first_prose.unwrap_or(page.base),
                    format!(
                        "leesbaarheid (Flesch-Douma) {score:.0}: {cause}; advies, geen oordeel"
                    ),
                )
                .with_hint(format!(
                    "gemiddeld {} woorden per zin en {per_hundred:.0} lettergrepen per 100 woorden; tekst op B1-niveau scoort meestal 60 of meer (drempel: readability.min_score in site.yaml, nu {})",
                    format!("{per_sentence:.1}").replace('.', ","),
                    limits.min_score
                ))
                .into_warning(),
        );
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The report page.

/// What the report shows.
pub(crate) struct ReportInput<'a> {
    /// The site root that was checked.
    pub(crate) root: &'a std::path::Path,
    /// (name, title) of every site.
    pub(crate) sites: &'a [(String, String)],
    /// When the check ran, as text.
    pub(crate) when: &'a str,
    pub(crate) checked: &'a Checked,
    /// Every diagnostic: the model's and the rules'.
    pub(crate) diagnostics: &'a [&'a Diagnostic],
    pub(crate) readability: &'a Readability,
}

const REPORT_CSS: &str = "body{font-family:system-ui,sans-serif;line-height:1.5;margin:0;color:#1b1b1b;background:#fff}\
main{max-width:72rem;margin:0 auto;padding:1rem 1.5rem 3rem}\
table{border-collapse:collapse;margin:1rem 0;width:100%}\
th,td{border:1px solid #6b6b6b;padding:.3rem .5rem;text-align:left;vertical-align:top}\
th{background:#eaf1f7}\
td.n{text-align:right;font-variant-numeric:tabular-nums}\
.fout{color:#a4000f;font-weight:bold}.advies{color:#6b4a00;font-weight:bold}.goed{color:#1e6b2f;font-weight:bold}\
code,pre{font-family:ui-monospace,monospace;font-size:.9em}\
pre{background:#f4f4f4;padding:.4rem;overflow-x:auto;white-space:pre-wrap}\
.scroll{overflow-x:auto}\
li{margin-bottom:.8rem}\
a:focus,td:focus,div:focus{outline:3px solid #1d5a8c;outline-offset:2px}";

/// Messages of the rules that speak Dutch; the others are English and marked so.
fn is_dutch(message: &str) -> bool {
    message.starts_with("lange zin") || message.starts_with("leesbaarheid")
}

fn cell(text: impl Into<String>) -> crate::markup::Element {
    crate::markup::Element::new("td").text(text)
}

fn num_cell(n: impl ToString) -> crate::markup::Element {
    crate::markup::Element::new("td")
        .attr("class", "n")
        .text(n.to_string())
}

fn header_row(names: &[&str]) -> crate::markup::Element {
    use crate::markup::Element;
    Element::new("thead").child(
        Element::new("tr").children(
            names
                .iter()
                .map(|n| Element::new("th").attr("scope", "col").text(n.to_string())),
        ),
    )
}

fn scroll(label: &str, table: crate::markup::Element) -> crate::markup::Element {
    crate::markup::Element::new("div")
        .attr("class", "scroll")
        .attr("tabindex", "0")
        .attr("role", "region")
        .attr("aria-label", label.to_string())
        .child(table)
}

/// The accessibility and quality report: what was checked, when, per page, with every
/// finding. All text goes through the markup serializer, which escapes it.
pub(crate) fn report_html(input: &ReportInput<'_>) -> String {
    use crate::markup::{Element, escape};
    let checked = input.checked;
    let errors = input
        .diagnostics
        .iter()
        .filter(|d| d.severity == crate::diag::Severity::Error)
        .count();
    let warnings = input.diagnostics.len() - errors;
    let pages = &checked.pages;
    let total = |f: fn(&PageStats) -> usize| pages.iter().map(f).sum::<usize>();

    let mut main = Element::new("main").attr("id", "inhoud");
    main.push(Element::new("h1").text("Toegankelijkheids- en kwaliteitsrapport"));
    let site_names: Vec<String> = input
        .sites
        .iter()
        .map(|(name, title)| format!("{title} ({name})"))
        .collect();
    main.push(
        Element::new("p")
            .text("Gemaakt met ")
            .child(Element::new("code").text("kennis check"))
            .text(format!(
                " op {}, over de inhoud in {}. Sites: {}.",
                input.when,
                input.root.display(),
                site_names.join(", ")
            )),
    );
    let verdict = if errors == 0 {
        Element::new("p").attr("class", "goed").text(format!(
            "Geen fouten gevonden; {warnings} adviezen (waarschuwingen)."
        ))
    } else {
        Element::new("p").attr("class", "fout").text(format!(
            "{errors} fouten en {warnings} adviezen (waarschuwingen) gevonden. Los de fouten op voor publicatie."
        ))
    };
    main.push(verdict);
    main.push(Element::new("ul").children([
        Element::new("li").text(format!("{} pagina's gecontroleerd", pages.len())),
        Element::new("li").text(format!(
            "{} interne links en afbeeldingen gevolgd, {} kapot; {} externe links (niet gevolgd)",
            total(|p| p.internal_links),
            total(|p| p.broken_links),
            total(|p| p.external_links)
        )),
        Element::new("li").text(format!(
            "{} afbeeldingen in de tekst, {} zonder alternatieve tekst",
            total(|p| p.images),
            total(|p| p.images_without_alt)
        )),
        Element::new("li").text(format!(
            "{} koppen en {} infographics (elk met tekstalternatief en tabel)",
            total(|p| p.headings),
            total(|p| p.figures)
        )),
        Element::new("li").text(format!(
            "{} van {} zinnen langer dan {} woorden",
            total(|p| p.long_sentences),
            total(|p| p.sentences),
            input.readability.max_sentence_words
        )),
    ]));

    // What was checked.
    main.push(Element::new("h2").text("Wat is gecontroleerd"));
    let rules = Element::new("table")
        .child(Element::new("caption").text("De regels van kennis check"))
        .child(header_row(&["Regel", "Wat", "WCAG 2.2", "Soort"]))
        .child(Element::new("tbody").children(RULES.iter().map(|r| {
            Element::new("tr")
                .child(Element::new("td").child(Element::new("code").text(r.name)))
                .child(cell(r.what).attr("lang", "en"))
                .child(cell(r.wcag.unwrap_or("–")).attr("lang", "en"))
                .child(cell(if r.errors { "fout" } else { "advies" }))
        })));
    main.push(scroll("Regels", rules));
    main.push(Element::new("p").text(
        "Daarnaast maakt kennis elke pagina met één h1, een skiplink, landmarks, een taalattribuut, en bij elke infographic een toegankelijke naam, beschrijving en tabel met dezelfde gegevens. \
         Een automatische controle dekt maar een deel van WCAG: toetsenbordbediening, schermlezers, zoomen tot 200 % en de betekenis van teksten vragen een handmatige controle.",
    ));

    // Contrast.
    main.push(Element::new("h2").text("Contrast van de kleurpaletten"));
    for theme in &checked.contrast {
        let table = Element::new("table")
            .child(
                Element::new("caption")
                    .text(format!("Thema {} (site {})", theme.theme, theme.site)),
            )
            .child(header_row(&[
                "Kleurpaar",
                "Voorgrond",
                "Achtergrond",
                "Contrast",
                "Minimum",
                "Resultaat",
            ]))
            .child(Element::new("tbody").children(theme.pairs.iter().map(
                |(what, fg, bg, ratio, min)| {
                    let ok = ratio >= min;
                    Element::new("tr")
                        .child(cell(*what).attr("lang", "en"))
                        .child(Element::new("td").child(Element::new("code").text(fg.clone())))
                        .child(Element::new("td").child(Element::new("code").text(bg.clone())))
                        .child(num_cell(format!("{ratio:.2}:1")))
                        .child(num_cell(format!("{min}:1")))
                        .child(
                            Element::new("td")
                                .attr("class", if ok { "goed" } else { "fout" })
                                .text(if ok { "voldoet" } else { "voldoet niet" }),
                        )
                },
            )));
        main.push(scroll(&format!("Contrast thema {}", theme.theme), table));
    }

    // Per page.
    main.push(Element::new("h2").text("Per pagina"));
    let count_for = |file: &std::path::Path, severity: crate::diag::Severity| {
        input
            .diagnostics
            .iter()
            .filter(|d| d.severity == severity && d.span.as_ref().is_some_and(|s| s.file == file))
            .count()
    };
    let rows = pages.iter().map(|p| {
        Element::new("tr")
            .child(
                Element::new("th")
                    .attr("scope", "row")
                    .text(p.title.clone())
                    .child(Element::new("br"))
                    .child(Element::new("code").text(p.url.clone())),
            )
            .child(
                Element::new("td")
                    .child(Element::new("code").text(p.file.to_string_lossy().replace('\\', "/"))),
            )
            .child(cell(p.kind))
            .child(cell(if p.sites.is_empty() {
                "geen".to_string()
            } else {
                p.sites.join(", ")
            }))
            .child(num_cell(p.headings))
            .child(num_cell(p.figures))
            .child(num_cell(format!(
                "{} / {}",
                p.internal_links, p.broken_links
            )))
            .child(num_cell(format!("{} / {}", p.images, p.images_without_alt)))
            .child(num_cell(p.words))
            .child(num_cell(
                p.score().map_or("–".to_string(), |s| format!("{s:.0}")),
            ))
            .child(num_cell(p.long_sentences))
            .child(num_cell(count_for(&p.file, crate::diag::Severity::Error)))
            .child(num_cell(count_for(&p.file, crate::diag::Severity::Warning)))
    });
    let table = Element::new("table")
        .child(Element::new("caption").text(format!(
            "Per pagina: links als gevolgd / kapot, afbeeldingen als totaal / zonder alt-tekst; Flesch-Douma (hoger is makkelijker, advies vanaf {})",
            input.readability.min_score
        )))
        .child(header_row(&[
            "Pagina",
            "Bestand",
            "Soort",
            "Sites",
            "Koppen",
            "Infographics",
            "Interne links",
            "Afbeeldingen",
            "Woorden",
            "Flesch-Douma",
            "Lange zinnen",
            "Fouten",
            "Adviezen",
        ]))
        .child(Element::new("tbody").children(rows));
    main.push(scroll("Per pagina", table));

    // Findings.
    main.push(Element::new("h2").text("Bevindingen"));
    if input.diagnostics.is_empty() {
        main.push(Element::new("p").text("Geen."));
    } else {
        let items = input.diagnostics.iter().map(|d| {
            let error = d.severity == crate::diag::Severity::Error;
            let mut message = Element::new("span").text(d.message.clone());
            if !is_dutch(&d.message) {
                message = message.attr("lang", "en");
            }
            let mut li = Element::new("li")
                .child(
                    Element::new("span")
                        .attr("class", if error { "fout" } else { "advies" })
                        .text(if error { "Fout" } else { "Advies" }),
                )
                .text(" ");
            if let Some(span) = &d.span {
                li = li
                    .child(Element::new("code").text(span.to_string()))
                    .text(": ");
            }
            li = li.child(message);
            if let Some(line) = d.source_line.as_ref().filter(|l| !l.trim().is_empty()) {
                li = li.child(Element::new("pre").text(line.clone()));
            }
            if let Some(hint) = &d.hint {
                let mut p = Element::new("p").text(hint.clone());
                if !is_dutch(&d.message) {
                    p = p.attr("lang", "en");
                }
                li = li.child(p);
            }
            li
        });
        main.push(Element::new("ol").children(items));
    }

    format!(
        "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{REPORT_CSS}</style>\n</head>\n<body>\n{}\n</body>\n</html>\n",
        escape(&format!(
            "Controlerapport {} – {}",
            site_names.join(", "),
            input.when
        )),
        main.to_markup()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_resolve_against_the_page() {
        let page = "/personas/nora/";
        assert_eq!(
            resolve(page, "../../rapporten/al-doende-leren/"),
            Target::Page("/rapporten/al-doende-leren/".into(), None)
        );
        assert_eq!(
            resolve(page, "/rapporten/x#aanleiding"),
            Target::Page("/rapporten/x/".into(), Some("aanleiding".into()))
        );
        assert_eq!(
            resolve(page, "#top"),
            Target::Page(page.into(), Some("top".into()))
        );
        assert_eq!(resolve(page, "../../../../x/"), Target::Outside);
        assert_eq!(resolve(page, "https://nji.nl/"), Target::External);
        assert_eq!(resolve(page, "mailto:a@b.nl"), Target::External);
        assert_eq!(resolve(page, "//cdn.example/x.js"), Target::External);
        assert_eq!(
            resolve(page, "leerroute.png"),
            Target::File("/personas/nora/leerroute.png".into())
        );
        assert_eq!(
            resolve(page, "../index.html"),
            Target::Page("/personas/".into(), None)
        );
        assert_eq!(
            resolve("/", "rapporten/mijn%20rapport/"),
            Target::Page("/rapporten/mijn rapport/".into(), None)
        );
    }

    #[test]
    fn dutch_syllables_follow_vowel_groups() {
        for (word, n) in [
            ("dit", 1),
            ("korte", 2),
            ("ideaal", 3),
            ("moeilijk", 2),
            ("nieuw", 1),
            ("mooie", 2),
            ("situatie", 4),
            ("beïnvloeden", 4),
            ("geïnformeerd", 4),
            ("jeugdhulpprofessionals", 6),
            ("uitkomsten", 3),
            ("sociaal", 2),
            ("professionals", 4),
            ("radio", 3),
            ("patiënt", 3),
            ("78", 2),
        ] {
            assert_eq!(syllables(word), n, "{word}");
        }
    }

    #[test]
    fn sentences_split_on_full_stops_but_not_abbreviations() {
        let text = "Dit is een zin. Dit is bijv. een tweede zin, o.a. met afkortingen! En 3.5 is een getal? Ja";
        let found = sentences(text);
        let words: Vec<usize> = found.iter().map(|s| s.words).collect();
        assert_eq!(words, [4, 9, 5, 1], "{found:?}");
        assert_eq!(&text[found[1].start..found[1].start + 3], "Dit");
    }

    #[test]
    fn the_score_falls_with_longer_sentences_and_words() {
        let easy = flesch_douma(100, 10, 140);
        let hard = flesch_douma(100, 3, 190);
        assert!(easy > 60.0 && hard < 40.0, "{easy} {hard}");
        assert!((flesch_douma(100, 5, 150) - (206.84 - 115.5 - 18.6)).abs() < 1e-9);
    }
}
