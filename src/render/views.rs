//! The template contract: borrowed view structs that Tera serializes (see themes/README.md).
//! Templates see these and nothing else; every URL in them is final.

use serde::Serialize;

use super::Context;
use crate::config::{NavItem, SiteConfig};
use crate::model::{Persona, Report, Site, routes};

/// The address of `kennis serve`'s preview script (served by the preview, never written).
pub(crate) const PREVIEW_SCRIPT: &str = "/__kennis/preview.js";

/// `site` in every template.
#[derive(Serialize)]
pub(crate) struct SiteView<'a> {
    pub(crate) name: &'a str,
    pub(crate) title: &'a str,
    pub(crate) lang: &'a str,
    pub(crate) nav: Vec<NavView<'a>>,
    pub(crate) css: String,
    /// URL of the folder of the web fonts, ending in `/`.
    pub(crate) fonts: String,
    pub(crate) home: String,
    pub(crate) feed: String,
    pub(crate) recommendations: String,
    pub(crate) themes: String,
    /// `None` when the site has no such page.
    pub(crate) accessibility: Option<String>,
    pub(crate) about: Option<String>,
    pub(crate) year: u16,
    /// Under `kennis serve`: the preview's script, which reloads the page after a rebuild and
    /// shows the errors of a failed one.
    pub(crate) preview: Option<&'static str>,
    /// The site's logo; `None` when it has none.
    pub(crate) logo: Option<LogoView<'a>>,
}

/// `site.logo`: the logo in the site header.
#[derive(Serialize)]
pub(crate) struct LogoView<'a> {
    pub(crate) url: String,
    pub(crate) alt: &'a str,
    pub(crate) width: u32,
    pub(crate) height: u32,
}

/// One navigation link.
#[derive(Serialize)]
pub(crate) struct NavView<'a> {
    pub(crate) title: &'a str,
    pub(crate) url: String,
    pub(crate) current: bool,
}

/// `page` in every template.
#[derive(Serialize)]
pub(crate) struct PageView<'a> {
    pub(crate) title: &'a str,
    pub(crate) description: &'a str,
    pub(crate) url: String,
    pub(crate) canonical: String,
    pub(crate) kind: &'static str,
}

/// A report in lists.
#[derive(Serialize)]
pub(crate) struct CardView<'a> {
    pub(crate) title: &'a str,
    pub(crate) url: String,
    pub(crate) subtitle: Option<&'a str>,
    pub(crate) summary: Option<&'a str>,
    pub(crate) edition: Option<&'a str>,
    pub(crate) series: Option<&'a str>,
    pub(crate) date_iso: Option<String>,
    pub(crate) date_display: Option<String>,
    pub(crate) themes: &'a [String],
}

/// A heading in the table of contents.
#[derive(Serialize)]
pub(crate) struct TocEntry<'a> {
    pub(crate) level: u8,
    pub(crate) id: &'a str,
    pub(crate) title: &'a str,
}

/// A link.
#[derive(Serialize)]
pub(crate) struct LinkView<'a> {
    pub(crate) name: &'a str,
    pub(crate) title: &'a str,
    pub(crate) url: String,
    pub(crate) summary: Option<&'a str>,
}

/// `report` in report.html.
#[derive(Serialize)]
pub(crate) struct ReportView<'a> {
    pub(crate) title: &'a str,
    pub(crate) subtitle: Option<&'a str>,
    pub(crate) edition: Option<&'a str>,
    pub(crate) series: Option<&'a str>,
    pub(crate) publisher: Option<&'a str>,
    pub(crate) date_iso: Option<String>,
    pub(crate) date_display: Option<String>,
    pub(crate) summary: Option<&'a str>,
    pub(crate) themes: &'a [String],
    pub(crate) toc: Vec<TocEntry<'a>>,
    pub(crate) body_html: String,
    pub(crate) personas: Vec<LinkView<'a>>,
}

/// `persona` in persona.html.
#[derive(Serialize)]
pub(crate) struct PersonaView<'a> {
    pub(crate) name: &'a str,
    pub(crate) title: &'a str,
    pub(crate) summary: Option<&'a str>,
    pub(crate) card_html: String,
    pub(crate) body_html: String,
    pub(crate) report: Option<LinkView<'a>>,
}

/// A theme with the number of reports on it.
#[derive(Serialize)]
pub(crate) struct ThemeCount<'a> {
    pub(crate) name: &'a str,
    pub(crate) count: usize,
    pub(crate) url: String,
}

/// A theme linked to its page.
#[derive(Serialize)]
pub(crate) struct ThemeLinkView<'a> {
    pub(crate) name: &'a str,
    pub(crate) url: String,
}

/// Joins the site's base path and a site-relative URL.
pub(crate) fn url(config: &SiteConfig, path: &str) -> String {
    format!("{}{}", config.base_path, path.trim_start_matches('/'))
}

/// The absolute URL of a site-relative one.
pub(crate) fn absolute(config: &SiteConfig, path: &str) -> String {
    format!("{}{}", config.base_url, path.trim_start_matches('/'))
}

impl<'a> SiteView<'a> {
    /// The `site` value for a page at `current` (site-relative).
    pub(crate) fn new(site: &'a Site<'a>, context: &Context<'a>, current: &str) -> Self {
        let config = site.config;
        let existing = |path: &str| site.has_url(path).then(|| url(config, path));
        SiteView {
            name: &config.name,
            title: &config.title,
            lang: context.language,
            nav: config
                .theme
                .nav
                .iter()
                .filter(|item| site.has_url(&item.url))
                .map(|item: &NavItem| NavView {
                    title: &item.title,
                    url: url(config, &item.url),
                    current: current == item.url
                        || (item.url != "/" && current.starts_with(&item.url)),
                })
                .collect(),
            css: url(config, &routes::file_url(routes::STYLE)),
            fonts: url(config, &routes::file_url(routes::FONTS)),
            home: url(config, routes::HOME),
            feed: url(config, &routes::file_url(routes::FEED)),
            recommendations: url(config, routes::RECOMMENDATIONS),
            themes: url(config, routes::THEMES),
            accessibility: existing("/paginas/toegankelijkheid/"),
            about: existing("/paginas/over/"),
            year: site.year,
            preview: context.preview.then_some(PREVIEW_SCRIPT),
            logo: config.logo.as_ref().map(|logo| LogoView {
                url: url(config, &logo.path),
                alt: &logo.alt,
                width: logo.width,
                height: logo.height,
            }),
        }
    }
}

impl<'a> CardView<'a> {
    /// A report as a card.
    pub(crate) fn report(config: &SiteConfig, r: &'a Report) -> Self {
        CardView {
            title: &r.common.title,
            url: url(config, &r.common.url),
            subtitle: r.subtitle.as_deref(),
            summary: r.common.summary.as_deref(),
            edition: r.edition.as_deref(),
            series: r.series.as_deref(),
            date_iso: r.common.date.map(|d| d.iso()),
            date_display: r.common.date.map(|d| d.dutch()),
            themes: &r.themes,
        }
    }

    /// A persona as a card.
    pub(crate) fn persona(config: &SiteConfig, p: &'a Persona) -> Self {
        CardView {
            title: &p.common.title,
            url: url(config, &p.common.url),
            subtitle: None,
            summary: p.common.summary.as_deref(),
            edition: None,
            series: None,
            date_iso: None,
            date_display: None,
            themes: &[],
        }
    }
}
