//! The site model: every content file parsed, checked and resolved into read-only entries, and
//! the per-site selection of them with everything the renderer and `kennis check` read:
//! themes with their slugs, recommendations with their audience, anchor and URL, persona and
//! report links, and the list of every route the site writes (`routes`).
//!
//! `build(&Config, &Sources, drafts) -> (Content, Diagnostics)` parses everything once;
//! `Content::site(&SiteConfig) -> (Site, Diagnostics)` picks what one site shows, newest reports
//! first, and decides its routes. Renderers only read what is built here.

pub(crate) mod body;
pub(crate) mod entry;
pub(crate) mod feeds;
pub(crate) mod ids;
pub(crate) mod links;
pub(crate) mod reparse;
pub(crate) mod routes;
pub(crate) mod series;

use crate::messages::{self, Text};
use crate::source::SourceFile;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use crate::blocks::recommendations::Audience;
use crate::blocks::{Block, Problem, persona::Card};
use crate::config::{Config, SiteConfig};
use crate::diag::{Diagnostic, Diagnostics, Span, suggest};
use crate::load::{Asset, Sources};

pub(crate) use body::{Body, Figure};
pub(crate) use entry::{Author, Common, Page, Persona, Report, Section};
use entry::{EntryKind, Head, Parsed};
use routes::{Route, Routes};
pub(crate) use series::Series;

/// All content, parsed once for every site. Cloning it is cheap: the entries are shared, so a
/// changed file makes a new `Content` that shares every other entry with the old one.
#[derive(Debug, Default, Clone)]
pub(crate) struct Content {
    pub(crate) reports: Vec<Arc<Report>>,
    pub(crate) personas: Vec<Arc<Persona>>,
    pub(crate) pages: Vec<Arc<Page>>,
    pub(crate) sections: Vec<Arc<Section>>,
    /// Files copied as they are.
    pub(crate) assets: Vec<Asset>,
    /// The persona cards by id, for `persona` blocks.
    cards: BTreeMap<String, Card>,
}

/// What one site shows, resolved.
#[derive(Debug)]
pub(crate) struct Site<'a> {
    pub(crate) config: &'a SiteConfig,
    /// The home page text, if there is one for this site.
    pub(crate) home: Option<&'a Section>,
    /// Reports, newest first.
    pub(crate) reports: Vec<&'a Report>,
    /// Personas, by name.
    pub(crate) personas: Vec<&'a Persona>,
    pub(crate) pages: Vec<&'a Page>,
    /// Section indexes other than the home page and the texts of series.
    pub(crate) sections: Vec<&'a Section>,
    /// The series of the site's reports, by name, each with its editions and its text.
    pub(crate) series: Vec<Series<'a>>,
    /// The text of the list of series (`content/reeksen/_index.md`), if there is one.
    pub(crate) series_text: Option<&'a Section>,
    pub(crate) assets: &'a [Asset],
    /// The themes of the site's reports, by name.
    pub(crate) themes: Vec<Theme<'a>>,
    /// Every recommendation of every report on the site, in report order and list order.
    pub(crate) recommendations: Vec<Recommendation<'a>>,
    /// The audiences that have recommendations on the site, in the order of `site.yaml`.
    pub(crate) audiences: Vec<&'a Audience>,
    /// Every file the site writes.
    pub(crate) routes: Routes,
    /// Year of the newest dated report; `None` when no report has a date.
    pub(crate) year: Option<u16>,
}

/// One recommendation of a report on a site.
#[derive(Debug)]
pub(crate) struct Recommendation<'a> {
    pub(crate) report: &'a Report,
    /// One of the site's audiences.
    pub(crate) audience: &'a Audience,
    pub(crate) text: &'a str,
    /// The themes it is about: its own, or else its report's.
    pub(crate) themes: Vec<&'a str>,
    /// Site-relative URL of the list item on the report page (`…#aanbevelingen-organisaties-2`).
    pub(crate) url: String,
}

/// A theme of reports or recommendations, with its page.
#[derive(Debug)]
pub(crate) struct Theme<'a> {
    pub(crate) name: &'a str,
    /// Unique among the site's themes.
    pub(crate) slug: String,
    /// Site-relative URL of its page.
    pub(crate) url: String,
    /// Reports on the theme (by their front matter), newest first.
    pub(crate) reports: Vec<&'a Report>,
    /// How many of the site's recommendations are about it.
    pub(crate) recommendations: usize,
}

/// Parses and checks all content.
pub(crate) fn build(config: &Config, sources: &Sources, drafts: bool) -> (Content, Diagnostics) {
    let mut diags = Diagnostics::default();
    let site_names: Vec<&str> = config.sites.iter().map(|s| s.name.as_str()).collect();

    // 1. Front matter of every file.
    let mut heads: Vec<(usize, Head)> = Vec::new();
    let read: Vec<_> = sources
        .pages
        .par_iter()
        .map(|file| entry::read_head(file))
        .collect();
    for (i, result) in read.into_iter().enumerate() {
        match result {
            Ok(head) => heads.push((i, head)),
            Err(errors) => diags.extend(errors),
        }
    }

    // 2. Persona cards, needed by `persona` blocks anywhere.
    let mut cards: BTreeMap<String, Card> = BTreeMap::new();
    for (i, head) in &heads {
        if head.kind != EntryKind::Persona {
            continue;
        }
        let file = &sources.pages[*i];
        let card = head.persona_card();
        if let Some(other) = cards.get(&card.id) {
            diags.push(
                file.error_at_start(messages::persona_id_twice(&card.id))
                    .with_hint(messages::persona_id_twice_hint(&other.url)),
            );
            continue;
        }
        cards.insert(card.id.clone(), card);
    }
    let resolve = |id: &str| resolve_persona(&cards, id);
    let block_refs = crate::blocks::Resolve {
        personas: &resolve,
        audiences: &config.audiences,
    };
    let report_slugs: BTreeSet<String> = heads
        .iter()
        .filter(|(_, h)| h.kind == EntryKind::Report)
        .map(|(_, h)| h.location.slug.clone())
        .collect();

    // 3. Bodies and cross references.
    let mut content = Content {
        assets: sources.assets.clone(),
        ..Content::default()
    };
    // The bodies first, in parallel: they are most of the work.
    let bodies: Vec<_> = heads
        .par_iter()
        .map(|(i, head)| {
            let file = &sources.pages[*i];
            body::parse(file, head.body_start..file.text.len(), &block_refs)
        })
        .collect();
    for ((i, head), (parsed_body, body_diags)) in heads.into_iter().zip(bodies) {
        let file = &sources.pages[i];
        let date = match entry::check_date(&head, file) {
            Ok(d) => d,
            Err(d) => {
                diags.push(d);
                None
            }
        };
        diags.extend(entry::missing_date(&head, file));
        for site in entry::sites_of(&head).unwrap_or_default() {
            if !site_names.contains(&site.as_str()) && config.sites.len() > 1 {
                let hint = match suggest(&site, &site_names) {
                    Some(s) => messages::entry_site_did_you_mean(s),
                    None => messages::entry_site_known(site_names.join(", ")),
                };
                diags.push(
                    head.error_at_key(file, "sites", messages::entry_site_unknown(&site))
                        .with_hint(hint),
                );
            }
        }
        for persona in head.persona_refs() {
            if !cards.contains_key(persona.as_str()) {
                let (message, hint) = unknown_persona(&cards, persona);
                diags.push(head.error_at_key(file, "personas", message).with_hint(hint));
            }
        }
        if let Some(report) = head.report_ref()
            && !report_slugs.contains(report)
        {
            let slugs: Vec<&str> = report_slugs.iter().map(String::as_str).collect();
            diags.push(
                head.error_at_key(file, "report", messages::persona_report_unknown(report))
                    .with_hint(match suggest(report, &slugs) {
                        Some(s) => messages::persona_report_did_you_mean(s),
                        None => messages::persona_report_known(slugs.join(", ")),
                    }),
            );
        }
        let image = match head.image_ref() {
            Some(name) => match report_image(file, &head, name, &sources.assets) {
                Ok(rel) => Some(rel),
                Err(d) => {
                    diags.push(*d);
                    None
                }
            },
            None => None,
        };
        diags.extend(body_diags);
        let common = entry::common(file, &head, date, parsed_body);
        if common.draft && !drafts {
            continue;
        }
        match entry::finish(head, common, file) {
            Ok(Parsed::Report(mut r)) => {
                r.image = image;
                content.reports.push(Arc::from(r));
            }
            Ok(Parsed::Persona(p)) => content.personas.push(Arc::from(p)),
            Ok(Parsed::Page(p)) => content.pages.push(Arc::new(p)),
            Ok(Parsed::Section(s)) => content.sections.push(Arc::new(s)),
            Err(d) => diags.push(d),
        }
    }

    diags.extend(unmatched_series_texts(&content));
    content
        .reports
        .sort_by(|a, b| (b.common.date, &a.common.url).cmp(&(a.common.date, &b.common.url)));
    content.personas.sort_by(|a, b| a.name.cmp(&b.name));
    // Kept for `reparse`, which resolves the persona blocks of a changed file.
    content.cards = cards;
    (content, diags)
}

/// The file a report names as its image, as the path of an asset relative to `content/`: a
/// PNG, JPEG or WebP beside the report's `index.md`.
fn report_image(
    file: &SourceFile,
    head: &entry::Head,
    name: &str,
    assets: &[Asset],
) -> Result<String, Box<Diagnostic>> {
    let name = name.trim();
    let error = |message, hint| Box::new(head.error_at_key(file, "image", message).with_hint(hint));
    if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
        return Err(error(
            messages::report_image_not_beside(name),
            messages::report_image_not_beside_hint(),
        ));
    }
    let in_content = file.path.strip_prefix("content").unwrap_or(&file.path);
    if in_content.file_name().is_none_or(|f| f != "index.md") {
        let slug = in_content
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        return Err(error(
            messages::report_image_without_folder(),
            messages::report_image_without_folder_hint(slug),
        ));
    }
    let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    if !matches!(extension.as_deref(), Some("png" | "jpg" | "jpeg" | "webp")) {
        return Err(error(
            messages::report_image_format(name),
            messages::report_image_format_hint(),
        ));
    }
    let folder = in_content
        .parent()
        .map(|p| {
            p.components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/")
        })
        .unwrap_or_default();
    let rel = if folder.is_empty() {
        name.to_string()
    } else {
        format!("{folder}/{name}")
    };
    if assets.iter().any(|a| a.rel == rel) {
        return Ok(rel);
    }
    let beside: Vec<&str> = assets
        .iter()
        .filter_map(|a| a.rel.strip_prefix(&format!("{folder}/")))
        .filter(|n| !n.contains('/'))
        .collect();
    let hint = if beside.is_empty() {
        messages::report_image_missing_none_hint()
    } else {
        messages::report_image_missing_hint(messages::join(beside))
    };
    Err(error(
        messages::report_image_missing(name, format!("content/{folder}/")),
        hint,
    ))
}

/// Warnings for the series texts (`content/reeksen/<slug>/_index.md`) of no report's series:
/// no page shows them.
fn unmatched_series_texts(content: &Content) -> Vec<Diagnostic> {
    let names: BTreeSet<&str> = content
        .reports
        .iter()
        .filter_map(|r| r.series.as_deref().map(str::trim))
        .filter(|n| !n.is_empty())
        .collect();
    let slugs: BTreeSet<String> = names.iter().map(|n| crate::slug::slugify(n)).collect();
    content
        .sections
        .iter()
        .filter(|s| series::is_series_text(&s.folder) && s.folder != series::FOLDER)
        .filter(|s| series::text_slug(&s.folder).is_none_or(|slug| !slugs.contains(&slug)))
        .map(|s| {
            let known: Vec<String> = names
                .iter()
                .map(|n| format!("{}/{}/", series::FOLDER, crate::slug::slugify(n)))
                .collect();
            at_file(
                &s.common.source,
                messages::series_text_unused(series::FOLDER),
                if known.is_empty() {
                    messages::series_text_unused_no_series()
                } else {
                    messages::series_text_unused_folders(known.join(", "))
                },
            )
            .into_warning()
        })
        .collect()
}

/// The card of persona `id`, or what is wrong with the id.
fn resolve_persona(cards: &BTreeMap<String, Card>, id: &str) -> Result<Card, Problem> {
    cards.get(id).cloned().ok_or_else(|| {
        let (message, hint) = unknown_persona(cards, id);
        Problem::new(message, hint)
    })
}

/// What is wrong with persona `id`, which has no card, and what would be right.
fn unknown_persona(cards: &BTreeMap<String, Card>, id: &str) -> (Text, Text) {
    let ids: Vec<&str> = cards.keys().map(String::as_str).collect();
    let hint = match suggest(id, &ids) {
        Some(s) => messages::persona_did_you_mean(s),
        None if ids.is_empty() => messages::persona_add_file(),
        None => messages::persona_known(ids.join(", ")),
    };
    (messages::persona_unknown(id), hint)
}

fn on_site(common: &Common, site: &str) -> bool {
    common
        .sites
        .as_ref()
        .is_none_or(|s| s.iter().any(|x| x == site))
}

impl Content {
    /// What `config`'s site shows, and the errors of its routes: two files that would make the
    /// same page or file, or a content page where kennis makes its own.
    pub(crate) fn site<'a>(
        &'a self,
        config: &'a SiteConfig,
        all: &'a Config,
    ) -> (Site<'a>, Vec<Diagnostic>) {
        let name = config.name.as_str();
        let reports: Vec<&Report> = self
            .reports
            .iter()
            .map(Arc::as_ref)
            .filter(|r| on_site(&r.common, name))
            .filter(|r| match &config.include_series {
                None => true,
                Some(series) => r.series.as_ref().is_some_and(|s| series.contains(s)),
            })
            .collect();
        let sections: Vec<&Section> = self
            .sections
            .iter()
            .map(Arc::as_ref)
            .filter(|s| on_site(&s.common, name))
            .collect();
        let personas: Vec<&Persona> = self
            .personas
            .iter()
            .map(Arc::as_ref)
            .filter(|p| on_site(&p.common, name))
            .collect();
        let pages: Vec<&Page> = self
            .pages
            .iter()
            .map(Arc::as_ref)
            .filter(|p| on_site(&p.common, name))
            .collect();
        let mut homes = sections.iter().copied().filter(|s| s.folder.is_empty());
        let home = homes.next();
        let mut diags: Vec<Diagnostic> = homes
            .map(|second| {
                at_file(
                    &second.common.source,
                    messages::two_files_one_page(
                        home.map_or(String::new(), |h| h.common.source.display().to_string()),
                        "",
                    ),
                    messages::two_files_one_page_hint(),
                )
            })
            .collect();
        let (series_texts, sections): (Vec<&Section>, Vec<&Section>) = sections
            .into_iter()
            .filter(|s| !s.folder.is_empty())
            .partition(|s| series::is_series_text(&s.folder));
        let year = reports
            .iter()
            .filter_map(|r| r.common.date)
            .map(|d| d.year)
            .max();
        let series_list = series::series_of(&reports, &series_texts);
        let series_text = series_texts
            .iter()
            .copied()
            .find(|s| s.folder == series::FOLDER);
        let recommendations = recommendations_of(&reports);
        let themes = themes_of(&reports, &recommendations);
        let audiences: Vec<&Audience> = all
            .audiences
            .iter()
            .filter(|a| recommendations.iter().any(|r| r.audience.name == a.name))
            .collect();
        let mut site = Site {
            config,
            home,
            reports,
            personas,
            pages,
            sections,
            series: series_list,
            series_text,
            assets: &self.assets,
            themes,
            recommendations,
            audiences,
            routes: Routes::default(),
            year,
        };
        let (routes, route_diags) = site.decide_routes();
        site.routes = routes;
        diags.extend(route_diags);
        (site, diags)
    }
}

/// The themes of `reports` and of their recommendations, by name; slugs are unique.
fn themes_of<'a>(reports: &[&'a Report], recommendations: &[Recommendation<'a>]) -> Vec<Theme<'a>> {
    let mut by_name: BTreeMap<&'a str, Vec<&'a Report>> = BTreeMap::new();
    for report in reports {
        for theme in &report.themes {
            by_name.entry(theme.as_str()).or_default().push(report);
        }
    }
    for r in recommendations {
        for theme in &r.themes {
            by_name.entry(theme).or_default();
        }
    }
    let mut used = BTreeSet::new();
    by_name
        .into_iter()
        .map(|(name, reports)| {
            let slug = crate::slug::unique_slug(name, &mut used);
            Theme {
                name,
                url: routes::theme_url(&slug),
                slug,
                reports,
                recommendations: recommendations
                    .iter()
                    .filter(|r| r.themes.contains(&name))
                    .count(),
            }
        })
        .collect()
}

/// Every recommendation of `reports`, in report order and list order.
fn recommendations_of<'a>(reports: &[&'a Report]) -> Vec<Recommendation<'a>> {
    let mut out = Vec::new();
    for report in reports {
        for figure in &report.common.body.figures {
            let Block::Recommendations(spec) = &figure.block else {
                continue;
            };
            for group in &spec.groups {
                for (n, item) in group.items.iter().enumerate() {
                    let anchor = crate::blocks::recommendations::item_id(
                        &figure.id,
                        &group.audience.slug,
                        n + 1,
                    );
                    let themes = match &item.themes {
                        Some(own) => own.iter().map(String::as_str).collect(),
                        None => report.themes.iter().map(String::as_str).collect(),
                    };
                    out.push(Recommendation {
                        report,
                        audience: &group.audience,
                        text: item.as_str(),
                        themes,
                        url: format!("{}#{anchor}", report.common.url),
                    });
                }
            }
        }
    }
    out
}

/// An error at the start of `file`.
fn at_file(file: &Path, message: impl Into<Text>, hint: impl Into<Text>) -> Diagnostic {
    let mut d = Diagnostic::error(message).with_hint(hint);
    d.span = Some(Span {
        file: file.to_path_buf(),
        line: 1,
        col: 1,
    });
    d
}

impl<'a> Site<'a> {
    /// Whether the site has a page at `url` (site-relative).
    pub(crate) fn has_url(&self, url: &str) -> bool {
        self.routes.has_page(url)
    }

    /// The file of the Atom feed that follows the page at `url` (site-relative), if it has
    /// one.
    pub(crate) fn feed_of(&self, url: &str) -> Option<String> {
        let path = routes::feed_file(url);
        self.routes.is_feed(&path).then_some(path)
    }

    /// The persona with slug `slug` on this site.
    pub(crate) fn persona(&self, slug: &str) -> Option<&'a Persona> {
        self.personas
            .iter()
            .copied()
            .find(|p| p.common.slug == slug)
    }

    /// The report with slug `slug` on this site.
    pub(crate) fn report(&self, slug: &str) -> Option<&'a Report> {
        self.reports.iter().copied().find(|r| r.common.slug == slug)
    }

    /// The theme called `name` on this site.
    pub(crate) fn theme(&self, name: &str) -> Option<&Theme<'a>> {
        self.themes.iter().find(|t| t.name == name)
    }

    /// Every content entry of the site with its kind of page: reports, personas, pages,
    /// sections, home.
    pub(crate) fn entries(&self) -> Vec<&'a Common> {
        let mut out: Vec<&'a Common> = Vec::new();
        out.extend(self.reports.iter().map(|r| &r.common));
        out.extend(self.personas.iter().map(|p| &p.common));
        out.extend(self.pages.iter().map(|p| &p.common));
        out.extend(self.sections.iter().map(|s| &s.common));
        out.extend(self.home.map(|h| &h.common));
        out.extend(self.series_texts());
        out
    }

    /// The texts of the site's series and of their list: shown on the series pages that
    /// kennis makes, not pages of their own.
    fn series_texts(&self) -> impl Iterator<Item = &'a Common> {
        self.series
            .iter()
            .filter_map(|s| s.intro)
            .chain(self.series_text)
            .map(|s| &s.common)
    }

    /// The URL of the PDF that `report` links to, if it links to one that is a file of the
    /// site (site-relative, decoded).
    pub(crate) fn pdf_of(&self, report: &Report) -> Option<String> {
        report
            .common
            .body
            .links
            .iter()
            .filter(|l| l.kind == body::LinkKind::Link)
            .find_map(|l| match links::resolve(&report.common.url, &l.dest) {
                links::Target::File(url)
                    if url.to_ascii_lowercase().ends_with(".pdf") && self.routes.has_file(&url) =>
                {
                    Some(url)
                }
                _ => None,
            })
    }

    /// Every route of the site, and the errors of two things at one path.
    fn decide_routes(&self) -> (Routes, Vec<Diagnostic>) {
        let mut routes = Routes::default();
        let mut clashes = Vec::new();
        let mut diags = Vec::new();
        let mut add = |result: Result<(), routes::Clash>| {
            if let Err(clash) = result {
                clashes.push(clash);
            }
        };
        // kennis's own pages and files first: content may not take their place.
        add(routes.page(routes::HOME, Route::Generated));
        add(routes.page(routes::RECOMMENDATIONS, Route::Generated));
        for audience in &self.audiences {
            add(routes.page(&routes::audience_url(&audience.slug), Route::Generated));
        }
        add(routes.page(routes::THEMES, Route::Generated));
        for theme in &self.themes {
            add(routes.page(&theme.url, Route::Generated));
        }
        if !self.series.is_empty() {
            add(routes.page(routes::SERIES, Route::Generated));
        }
        for series in &self.series {
            add(routes.page(&series.url, Route::Generated));
        }
        if self.config.search {
            add(routes.page(routes::SEARCH, Route::Generated));
        }
        add(routes.file(routes::NOT_FOUND, Route::Generated));
        for feed in self.feeds() {
            add(routes.file(&feed.path, Route::Feed));
        }
        for path in [
            routes::SITEMAP,
            routes::ROBOTS,
            routes::ICON_SVG,
            routes::ICON_ICO,
            routes::TOUCH_ICON,
            routes::STYLE,
            routes::RECOMMENDATIONS_SCRIPT,
            routes::SEARCH_SCRIPT,
            routes::CITE_SCRIPT,
        ] {
            add(routes.file(path, Route::Support));
        }
        for (font, _) in crate::font::WEB_FONTS {
            add(routes.file(&format!("{}{font}", routes::FONTS), Route::Support));
        }
        add(routes.file(&format!("{}OFL.txt", routes::FONTS), Route::Support));
        if let Some(logo) = &self.config.logo {
            add(routes.file(&logo.path, Route::Support));
        }

        let texts: Vec<&Common> = self.series_texts().collect();
        for common in self.entries() {
            let source = &common.source;
            // A series' text is on the series page, which kennis makes; its figures are files
            // of that page.
            if texts.iter().any(|t| std::ptr::eq(*t, common)) {
                for figure in &common.body.figures {
                    for path in routes::files_of_figure(&common.url, figure) {
                        add(routes.file(&path, Route::Figure(source.clone())));
                    }
                }
                continue;
            }
            if common.url != routes::HOME
                && let Some(folder) = routes::GENERATED
                    .iter()
                    .find(|g| common.url.starts_with(*g))
            {
                diags.push(at_file(
                    source,
                    messages::page_in_generated_folder(&common.url, folder),
                    messages::page_in_generated_folder_hint(routes::GENERATED.join(", ")),
                ));
                continue;
            }
            // The home text is the home page, which kennis makes with it.
            if common.url != routes::HOME {
                add(routes.page(&common.url, Route::Content(source.clone())));
            }
            for figure in &common.body.figures {
                for path in routes::files_of_figure(&common.url, figure) {
                    add(routes.file(&path, Route::Figure(source.clone())));
                }
            }
        }
        for report in &self.reports {
            if report.card(self.config) {
                add(routes.file(
                    &routes::card_file(&report.common.url),
                    Route::Card(report.common.source.clone()),
                ));
            }
            for path in routes::citation_files(&report.common.url, &report.common.slug) {
                add(routes.file(&path, Route::Citation(report.common.source.clone())));
            }
        }
        for persona in &self.personas {
            for path in routes::files_of_figure(&persona.common.url, &persona.card) {
                add(routes.file(&path, Route::Figure(persona.common.source.clone())));
            }
        }
        for asset in self.assets {
            let source = Path::new("content").join(&asset.rel);
            add(routes.file(&routes::asset_file(&asset.rel), Route::Asset(source)));
        }
        diags.extend(clashes.iter().map(clash_error));
        (routes, diags)
    }

    /// Warns of navigation links of the theme that point at no page of this site; the
    /// rendered navigation leaves them out.
    pub(crate) fn check_nav(&self) -> Vec<Diagnostic> {
        self.config
            .theme
            .nav
            .iter()
            .filter(|item| !self.has_url(&item.url))
            // A link to the search page is dropped without a word when search is off.
            .filter(|item| item.url != routes::SEARCH || self.config.search)
            .map(|item| {
                Diagnostic::error(messages::nav_link_to_no_page(
                    &self.config.theme.name,
                    &item.url,
                    &self.config.name,
                ))
                .with_hint(messages::nav_link_to_no_page_hint())
                .into_warning()
            })
            .collect()
    }
}

/// The error of two routes at one path, at the file of the second.
fn clash_error(clash: &routes::Clash) -> Diagnostic {
    let what = |route: &Route| match route {
        Route::Content(p) => messages::clash_page_of(p.display()),
        Route::Figure(p) => messages::clash_graphic_of(p.display()),
        Route::Card(p) => messages::clash_card_of(p.display()),
        Route::Citation(p) => messages::clash_citation_of(p.display()),
        Route::Asset(p) => messages::clash_file(p.display()),
        Route::Generated | Route::Feed | Route::Support => messages::clash_kennis_itself(),
    };
    let message = match (&clash.first, &clash.second) {
        (Route::Content(_), Route::Content(_)) => messages::two_files_one_page(
            clash
                .first
                .source()
                .map_or(String::new(), |p| p.display().to_string()),
            clash.path.trim_end_matches("index.html"),
        ),
        _ => messages::two_files_one_path(what(&clash.first), &clash.path),
    };
    let hint = match &clash.second {
        Route::Content(_) => messages::two_files_one_page_hint(),
        _ => messages::two_files_one_path_hint(),
    };
    match clash.second.source() {
        Some(source) => at_file(source, message, hint),
        None => Diagnostic::error(message).with_hint(hint),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn two_routes_at_one_path_are_an_error_at_the_second_file() {
        let clash = routes::Clash {
            path: "paginas/over/index.html".to_string(),
            first: Route::Content(PathBuf::from("content/paginas/over.md")),
            second: Route::Content(PathBuf::from("content/paginas/over/index.md")),
        };
        let d = clash_error(&clash);
        assert_eq!(
            d.message,
            "dit bestand en content/paginas/over.md maken allebei de pagina /paginas/over/"
        );
        assert_eq!(
            d.span.as_ref().unwrap().file,
            PathBuf::from("content/paginas/over/index.md")
        );
        let clash = routes::Clash {
            path: "rapporten/a/social.png".to_string(),
            first: Route::Card(PathBuf::from("content/rapporten/a/index.md")),
            second: Route::Asset(PathBuf::from("content/rapporten/a/social.png")),
        };
        let d = clash_error(&clash);
        assert_eq!(
            d.message,
            "dit bestand en de afbeelding voor sociale media van content/rapporten/a/index.md \
             zouden allebei naar rapporten/a/social.png geschreven worden"
        );
        assert_eq!(
            d.hint.as_deref(),
            Some("geef een van de twee bestanden een andere naam")
        );
        let d = messages::speaking(messages::Language::English, || clash_error(&clash));
        assert_eq!(
            d.message,
            "this file and the social card of content/rapporten/a/index.md would both be written \
             to rapporten/a/social.png"
        );
    }
}
