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
    /// The site's Atom feed; `None` when no report has a date to put in one.
    pub(crate) feed: Option<String>,
    pub(crate) recommendations: String,
    pub(crate) themes: String,
    /// `None` when the site has no such page.
    pub(crate) accessibility: Option<String>,
    pub(crate) about: Option<String>,
    /// The year of the newest dated report; `None` when no report has a date.
    pub(crate) year: Option<u16>,
    /// Under `kennis serve`: the preview's script, which reloads the page after a rebuild and
    /// shows the errors of a failed one.
    pub(crate) preview: Option<&'static str>,
    /// The site's logo; `None` when it has none.
    pub(crate) logo: Option<LogoView<'a>>,
    /// The site's icon: `svg`, `ico` and `touch` (the 180-pixel PNG).
    pub(crate) icons: IconsView,
}

/// `site.icons`: the URLs of the site's icon.
#[derive(Serialize)]
pub(crate) struct IconsView {
    pub(crate) svg: String,
    pub(crate) ico: String,
    pub(crate) touch: String,
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
    /// Unique on the site: the page's summary or the start of its text, or else made from its
    /// title.
    pub(crate) description: String,
    pub(crate) url: String,
    pub(crate) canonical: String,
    pub(crate) kind: &'static str,
    /// The Atom feed that follows this page (an audience's or a theme's), if it has one.
    pub(crate) feed: Option<FeedLinkView>,
}

/// `page.feed`: a feed to link to.
#[derive(Serialize)]
pub(crate) struct FeedLinkView {
    pub(crate) url: String,
    pub(crate) title: String,
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
    /// Whether a heading of `toc` carries the source's own number ("1 Inleiding"): then the
    /// contents show only those numbers, not the list's own.
    pub(crate) toc_own_numbers: bool,
    pub(crate) body_html: String,
    pub(crate) personas: Vec<LinkView<'a>>,
}

/// One `<meta name content>` of `citation_meta`.
#[derive(Serialize)]
pub(crate) struct MetaView {
    pub(crate) name: &'static str,
    pub(crate) content: String,
}

/// `editions` in report.html: the report's series and the editions before and after it.
#[derive(Serialize)]
pub(crate) struct EditionsView<'a> {
    pub(crate) series: &'a str,
    /// The series' page.
    pub(crate) url: String,
    /// How many editions the series has on the site.
    pub(crate) count: usize,
    pub(crate) previous: Option<EditionView<'a>>,
    pub(crate) next: Option<EditionView<'a>>,
}

/// An edition of a series, linked.
#[derive(Serialize)]
pub(crate) struct EditionView<'a> {
    pub(crate) title: &'a str,
    pub(crate) url: String,
    pub(crate) edition: Option<&'a str>,
    pub(crate) date_iso: Option<String>,
    pub(crate) date_display: Option<String>,
    pub(crate) summary: Option<&'a str>,
}

impl<'a> EditionView<'a> {
    /// `r` as an edition.
    pub(crate) fn of(config: &SiteConfig, r: &'a Report) -> Self {
        EditionView {
            title: &r.common.title,
            url: url(config, &r.common.url),
            edition: r.edition.as_deref(),
            date_iso: r.common.date.map(|d| d.iso()),
            date_display: r.common.date.map(|d| d.dutch()),
            summary: r.common.summary.as_deref(),
        }
    }
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
            nav: nav(site, current),
            css: url(config, &routes::file_url(routes::STYLE)),
            fonts: url(config, &routes::file_url(routes::FONTS)),
            home: url(config, routes::HOME),
            feed: site
                .feed_of(routes::HOME)
                .map(|path| url(config, &routes::file_url(&path))),
            recommendations: url(config, routes::RECOMMENDATIONS),
            themes: url(config, routes::THEMES),
            accessibility: existing("/paginas/toegankelijkheid/"),
            about: existing("/paginas/over/"),
            year: site.year,
            preview: context.preview.then_some(PREVIEW_SCRIPT),
            icons: IconsView {
                svg: url(config, &routes::file_url(routes::ICON_SVG)),
                ico: url(config, &routes::file_url(routes::ICON_ICO)),
                touch: url(config, &routes::file_url(routes::TOUCH_ICON)),
            },
            logo: config.logo.as_ref().map(|logo| LogoView {
                url: url(config, &logo.path),
                alt: &logo.alt,
                width: logo.width,
                height: logo.height,
            }),
        }
    }
}

/// The navigation's title of the series, when the theme does not list them itself.
const SERIES_NAV_TITLE: &str = "Reeksen";

/// The main navigation on the page at `current`: the theme's links to pages the site has,
/// and, on a site with a series of more than one edition, a link to the series after the
/// reports (unless the theme places it itself).
fn nav<'a>(site: &'a Site<'a>, current: &str) -> Vec<NavView<'a>> {
    let config = site.config;
    let link = |title: &'a str, target: &str| NavView {
        title,
        url: url(config, target),
        current: current == target || (target != "/" && current.starts_with(target)),
    };
    let mut out: Vec<NavView<'a>> = Vec::new();
    let theme = &config.theme.nav;
    let add_series = site.has_editions() && !theme.iter().any(|i| i.url == routes::SERIES);
    let mut series_added = false;
    for item in theme.iter().filter(|item| site.has_url(&item.url)) {
        let item: &NavItem = item;
        out.push(link(&item.title, &item.url));
        if add_series && !series_added && item.url == REPORTS {
            out.push(link(SERIES_NAV_TITLE, routes::SERIES));
            series_added = true;
        }
    }
    if add_series && !series_added {
        out.push(link(SERIES_NAV_TITLE, routes::SERIES));
    }
    out
}

/// The section of the reports, after which the navigation links to the series.
const REPORTS: &str = "/rapporten/";

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
