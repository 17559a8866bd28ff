//! The site model: every content file parsed, checked and resolved into read-only entries, and
//! the per-site selection of them. Renderers only read what is built here.
//!
//! `build(&Config, &Sources, drafts) -> (Content, Diagnostics)` parses everything once;
//! `Content::site(&SiteConfig) -> Site` picks what one site shows, newest reports first.

pub(crate) mod body;
pub(crate) mod entry;
pub(crate) mod reparse;

use std::collections::{BTreeMap, BTreeSet, HashSet};

use rayon::prelude::*;

use crate::blocks::{Problem, persona::Card};
use crate::config::{Config, SiteConfig};
use crate::diag::{Diagnostic, Diagnostics, suggest};
use crate::load::{Asset, Sources};

pub(crate) use body::{Body, Figure, recommendation_prefix};
pub(crate) use entry::{Common, Page, Persona, Report, Section};
use entry::{EntryKind, Head, Parsed};

/// All content, parsed once for every site.
#[derive(Debug, Default)]
pub(crate) struct Content {
    pub(crate) reports: Vec<Report>,
    pub(crate) personas: Vec<Persona>,
    pub(crate) pages: Vec<Page>,
    pub(crate) sections: Vec<Section>,
    /// Files copied as they are.
    pub(crate) assets: Vec<Asset>,
    /// The persona cards by id, for `persona` blocks.
    cards: BTreeMap<String, Card>,
}

/// What one site shows.
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
    /// Section indexes other than the home page.
    pub(crate) sections: Vec<&'a Section>,
    pub(crate) assets: &'a [Asset],
    /// The URL of every page above, for `has_url`.
    urls: HashSet<&'a str>,
    /// Year of the newest report (this year's default when there is none).
    pub(crate) year: u16,
}

/// The URLs that the renderer makes itself (the recommendations browser, the theme pages,
/// search, the stylesheet and fonts, the search index): no content file may claim one of them
/// or a URL under one, or one of the two would silently replace the other.
pub(crate) const GENERATED: &[&str] = &[
    "/aanbevelingen/",
    "/themas/",
    "/zoeken/",
    "/assets/",
    "/pagefind/",
];

/// Parses and checks all content.
pub(crate) fn build(config: &Config, sources: &Sources, drafts: bool) -> (Content, Diagnostics) {
    let mut diags = Diagnostics::default();
    let site_names: Vec<&str> = config.sites.iter().map(|s| s.name.as_str()).collect();

    // 1. Front matter of every file.
    let mut heads: Vec<(usize, Head)> = Vec::new();
    let read: Vec<_> = sources.pages.par_iter().map(entry::read_head).collect();
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
        let (age, education, experience) = head.persona_profile();
        let slug = head.location.slug.clone();
        if let Some(other) = cards.get(&slug) {
            diags.push(
                file.error_at_start(format!("a second persona with the id `{slug}`"))
                    .with_hint(format!(
                        "rename one of the files; the other is at {}",
                        other.url
                    )),
            );
            continue;
        }
        cards.insert(
            slug.clone(),
            Card {
                id: slug,
                name: head.persona_name().unwrap_or_default().to_string(),
                age,
                education: education.to_vec(),
                experience: experience.map(str::to_string),
                url: head.location.url.clone(),
                route: head.persona_route().to_vec(),
            },
        );
    }
    let resolve = |id: &str| resolve_persona(&cards, id);
    let audiences: Vec<&str> = config.audiences.iter().map(String::as_str).collect();
    let block_refs = crate::blocks::Resolve {
        personas: &resolve,
        audiences: &audiences,
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

    // Which files claim which URL, with the sites they are on.
    type Claims = Vec<(usize, Option<Vec<String>>)>;
    let mut claimed: BTreeMap<String, Claims> = BTreeMap::new();
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
        for site in entry::sites_of(&head).unwrap_or_default() {
            if !site_names.contains(&site.as_str()) && config.sites.len() > 1 {
                let hint = match suggest(&site, &site_names) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("the sites are: {}", site_names.join(", ")),
                };
                diags.push(
                    head.error_at_key(file, "sites", format!("there is no site `{site}`"))
                        .with_hint(hint),
                );
            }
        }
        for persona in head.persona_refs() {
            if let Err(p) = resolve(persona) {
                diags.push(
                    head.error_at_key(file, "personas", p.message)
                        .with_hint(p.hint),
                );
            }
        }
        if let Some(report) = head.report_ref()
            && !report_slugs.contains(report)
        {
            let slugs: Vec<&str> = report_slugs.iter().map(String::as_str).collect();
            diags.push(
                head.error_at_key(file, "report", format!("there is no report `{report}`"))
                    .with_hint(match suggest(report, &slugs) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => format!("the reports are: {}", slugs.join(", ")),
                    }),
            );
        }
        diags.extend(body_diags);
        let common = entry::common(&head, date, parsed_body);
        if common.draft && !drafts {
            continue;
        }
        claimed
            .entry(common.url.clone())
            .or_default()
            .push((i, common.sites.clone()));
        match entry::finish(head, common) {
            Parsed::Report(r) => content.reports.push(*r),
            Parsed::Persona(p) => content.personas.push(*p),
            Parsed::Page(p) => content.pages.push(p),
            Parsed::Section(s) => content.sections.push(s),
        }
    }

    // 4. Two files may not claim one URL on the same site, nor a URL that kennis makes itself.
    for (url, claims) in &claimed {
        if let Some(generated) = GENERATED.iter().find(|g| url.starts_with(*g)) {
            for (i, _) in claims {
                diags.push(
                    sources.pages[*i]
                        .error_at_start(format!(
                            "this file would make the page {url}, but kennis makes the pages under {generated} itself"
                        ))
                        .with_hint(format!(
                            "rename the file or its folder; kennis itself makes {}",
                            GENERATED.join(", ")
                        )),
                );
            }
        }
        for (a, (ia, sa)) in claims.iter().enumerate() {
            for (ib, sb) in claims.iter().skip(a + 1) {
                let overlap = site_names.iter().any(|s| {
                    sa.as_ref().is_none_or(|l| l.iter().any(|x| x == s))
                        && sb.as_ref().is_none_or(|l| l.iter().any(|x| x == s))
                });
                if overlap {
                    let other = sources.pages[*ia].path.display().to_string();
                    diags.push(
                        sources.pages[*ib]
                            .error_at_start(format!(
                                "this file and {other} both make the page {url}"
                            ))
                            .with_hint(
                                "rename or remove one of them, or give each its own `sites:`",
                            ),
                    );
                }
            }
        }
    }

    content
        .reports
        .sort_by(|a, b| (b.common.date, &a.common.url).cmp(&(a.common.date, &b.common.url)));
    content.personas.sort_by(|a, b| a.name.cmp(&b.name));
    // Kept for `reparse`, which resolves the persona blocks of a changed file.
    content.cards = cards;
    (content, diags)
}

/// The card of persona `id`, or what is wrong with the id.
fn resolve_persona(cards: &BTreeMap<String, Card>, id: &str) -> Result<Card, Problem> {
    cards.get(id).cloned().ok_or_else(|| {
        let ids: Vec<&str> = cards.keys().map(String::as_str).collect();
        Problem::new(
            format!("there is no persona `{id}`"),
            match suggest(id, &ids) {
                Some(s) => format!("did you mean `{s}`?"),
                None if ids.is_empty() => "add the persona as content/personas/<id>.md".to_string(),
                None => format!("known personas: {}", ids.join(", ")),
            },
        )
    })
}

fn on_site(common: &Common, site: &str) -> bool {
    common
        .sites
        .as_ref()
        .is_none_or(|s| s.iter().any(|x| x == site))
}

impl Content {
    /// What `config`'s site shows.
    pub(crate) fn site<'a>(&'a self, config: &'a SiteConfig) -> Site<'a> {
        let name = config.name.as_str();
        let reports = self
            .reports
            .iter()
            .filter(|r| on_site(&r.common, name))
            .filter(|r| match &config.include_series {
                None => true,
                Some(series) => r.series.as_ref().is_some_and(|s| series.contains(s)),
            })
            .collect();
        let sections: Vec<&Section> = self
            .sections
            .iter()
            .filter(|s| on_site(&s.common, name))
            .collect();
        let reports: Vec<&Report> = reports;
        let personas: Vec<&Persona> = self
            .personas
            .iter()
            .filter(|p| on_site(&p.common, name))
            .collect();
        let pages: Vec<&Page> = self
            .pages
            .iter()
            .filter(|p| on_site(&p.common, name))
            .collect();
        let home = sections.iter().copied().find(|s| s.folder.is_empty());
        let sections: Vec<&Section> = sections
            .into_iter()
            .filter(|s| !s.folder.is_empty())
            .collect();
        let urls = reports
            .iter()
            .map(|r| &r.common)
            .chain(personas.iter().map(|p| &p.common))
            .chain(pages.iter().map(|p| &p.common))
            .chain(sections.iter().map(|s| &s.common))
            .map(|c| c.url.as_str())
            .collect();
        let year = reports
            .iter()
            .filter_map(|r| r.common.date)
            .map(|d| d.year)
            .max()
            .unwrap_or(2025);
        Site {
            config,
            home,
            reports,
            personas,
            pages,
            sections,
            assets: &self.assets,
            urls,
            year,
        }
    }
}

impl Site<'_> {
    /// Whether the site has a page at `url` (site-relative).
    pub(crate) fn has_url(&self, url: &str) -> bool {
        url == "/"
            || url == "/aanbevelingen/"
            || url == "/themas/"
            || (url == "/zoeken/" && self.config.search)
            || self.urls.contains(url)
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
            .filter(|item| item.url != "/zoeken/" || self.config.search)
            .map(|item| {
                Diagnostic::error(format!(
                    "the navigation of theme `{}` links to {}, which is not a page of site `{}`; the link is left out",
                    self.config.theme.name, item.url, self.config.name
                ))
                .with_hint("fix the `nav` url in the theme's theme.yaml, or add the page")
                .into_warning()
            })
            .collect()
    }
}

/// One recommendation of a report on a site.
#[derive(Debug)]
pub(crate) struct Recommendation<'a> {
    pub(crate) report: &'a Report,
    /// One of the site's audiences.
    pub(crate) audience: &'a str,
    pub(crate) text: &'a str,
    /// Id of the list item on the report page.
    pub(crate) anchor: String,
}

/// A theme shared by reports, with its page slug.
#[derive(Debug)]
pub(crate) struct Theme<'a> {
    pub(crate) name: &'a str,
    pub(crate) slug: String,
    /// Reports on the theme, newest first.
    pub(crate) reports: Vec<&'a Report>,
}

impl<'a> Site<'a> {
    /// Every recommendation of every report on the site, in report order (newest first) and
    /// list order.
    pub(crate) fn recommendations(&self) -> Vec<Recommendation<'a>> {
        let mut out = Vec::new();
        for report in &self.reports {
            for figure in &report.common.body.figures {
                let crate::blocks::Block::Recommendations(spec) = &figure.block else {
                    continue;
                };
                let prefix = recommendation_prefix(&figure.id);
                for group in &spec.groups {
                    for (n, item) in group.items.iter().enumerate() {
                        out.push(Recommendation {
                            report,
                            audience: group.audience.as_str(),
                            text: item.as_str(),
                            anchor: format!("{prefix}-{}-{}", group.audience.as_str(), n + 1),
                        });
                    }
                }
            }
        }
        out
    }

    /// The themes of the site's reports, by name; slugs are unique.
    pub(crate) fn themes(&self) -> Vec<Theme<'a>> {
        let mut by_name: BTreeMap<&'a str, Vec<&'a Report>> = BTreeMap::new();
        for report in &self.reports {
            for theme in &report.themes {
                by_name.entry(theme.as_str()).or_default().push(report);
            }
        }
        let mut used = BTreeSet::new();
        by_name
            .into_iter()
            .map(|(name, reports)| {
                let base = entry::slugify(name);
                let mut slug = base.clone();
                let mut n = 2;
                while !used.insert(slug.clone()) {
                    slug = format!("{base}-{n}");
                    n += 1;
                }
                Theme {
                    name,
                    slug,
                    reports,
                }
            })
            .collect()
    }
}
