//! Every route a site writes, decided here and nowhere else: the pages (content pages and the
//! pages kennis makes itself), the feeds, the figures' files, the social cards, the stylesheet,
//! fonts and scripts, and the content's own files. `Routes` is the one list of them per site:
//! the renderer takes every path from here, the model refuses two things at one path, and
//! `kennis check` looks links up in it.

use std::collections::BTreeMap;
use std::path::PathBuf;

/// The home page.
pub(crate) const HOME: &str = "/";
/// The recommendations browser.
pub(crate) const RECOMMENDATIONS: &str = "/aanbevelingen/";
/// The list of themes.
pub(crate) const THEMES: &str = "/themas/";
/// The list of series.
pub(crate) const SERIES: &str = "/reeksen/";
/// The search page.
pub(crate) const SEARCH: &str = "/zoeken/";
/// The page a host shows for a missing address.
pub(crate) const NOT_FOUND: &str = "404.html";
/// For search engines.
pub(crate) const SITEMAP: &str = "sitemap.xml";
/// The feed of the newest reports; the feeds of an audience or a theme have the same name in
/// the folder of its page.
pub(crate) const FEED: &str = "atom.xml";
/// For crawlers.
pub(crate) const ROBOTS: &str = "robots.txt";
/// The site's icon, as SVG.
pub(crate) const ICON_SVG: &str = "favicon.svg";
/// The site's icon for browsers that ask `/favicon.ico`.
pub(crate) const ICON_ICO: &str = "favicon.ico";
/// The site's icon for a phone's home screen.
pub(crate) const TOUCH_ICON: &str = "apple-touch-icon.png";
/// The stylesheet.
pub(crate) const STYLE: &str = "assets/style.css";
/// The folder of the web fonts.
pub(crate) const FONTS: &str = "assets/fonts/";
/// The instant filters of the recommendations browser.
pub(crate) const RECOMMENDATIONS_SCRIPT: &str = "assets/aanbevelingen.js";
/// The copy button of the "Citeer dit rapport" box.
pub(crate) const CITE_SCRIPT: &str = "assets/citeer.js";
/// The search page's script.
pub(crate) const SEARCH_SCRIPT: &str = "assets/zoeken.js";
/// The folder of the search index.
pub(crate) const SEARCH_INDEX: &str = "pagefind/";

/// Folders whose pages and files kennis makes itself: no content file may have a URL in one,
/// or one of the two would silently replace the other.
pub(crate) const GENERATED: &[&str] = &[
    RECOMMENDATIONS,
    THEMES,
    SERIES,
    SEARCH,
    "/assets/",
    "/pagefind/",
];

/// The page of the recommendations for the audience with slug `slug`.
pub(crate) fn audience_url(slug: &str) -> String {
    format!("{RECOMMENDATIONS}{slug}/")
}

/// The page of the theme with slug `slug`.
pub(crate) fn theme_url(slug: &str) -> String {
    format!("{THEMES}{slug}/")
}

/// The page of the series with slug `slug`.
pub(crate) fn series_url(slug: &str) -> String {
    format!("{SERIES}{slug}/")
}

/// The Atom feed that follows the page at `url`: `atom.xml` in the page's folder.
pub(crate) fn feed_file(url: &str) -> String {
    format!("{}{FEED}", folder(url))
}

/// The Atom feed of the recommendations for the audience with slug `slug`.
pub(crate) fn audience_feed(slug: &str) -> String {
    feed_file(&audience_url(slug))
}

/// The Atom feed of the recommendations on the theme with slug `slug`.
pub(crate) fn theme_feed(slug: &str) -> String {
    feed_file(&theme_url(slug))
}

/// The file of the page at the site-relative `url`: `/` is `index.html`, `/a/b/` is
/// `a/b/index.html`.
pub(crate) fn page_file(url: &str) -> String {
    let dir = url.trim_matches('/');
    if dir.is_empty() {
        "index.html".to_string()
    } else {
        format!("{dir}/index.html")
    }
}

/// The folder of the page at `url` as a path prefix (`a/b/`, or `` for the home page).
fn folder(url: &str) -> String {
    let dir = url.trim_matches('/');
    if dir.is_empty() {
        String::new()
    } else {
        format!("{dir}/")
    }
}

/// The `.svg` and `.png` of the figure `id` on the page at `url`, beside the page.
pub(crate) fn figure_files(url: &str, id: &str) -> [String; 2] {
    let prefix = folder(url);
    [format!("{prefix}{id}.svg"), format!("{prefix}{id}.png")]
}

/// The data (`.csv`) of the figure `id` on the page at `url`, beside the page.
pub(crate) fn figure_data(url: &str, id: &str) -> String {
    format!("{}{id}.csv", folder(url))
}

/// Every file of `figure` on the page at `url`: its graphic (SVG and PNG) and its data (CSV),
/// where it has them.
pub(crate) fn files_of_figure(url: &str, figure: &super::Figure) -> Vec<String> {
    let mut paths = Vec::new();
    if figure.drawing.is_some() {
        paths.extend(figure_files(url, &figure.id));
    }
    if figure.block.csv().is_some() {
        paths.push(figure_data(url, &figure.id));
    }
    paths
}

/// The BibTeX and RIS files of the report with slug `slug` at `url`, beside its page.
pub(crate) fn citation_files(url: &str, slug: &str) -> [String; 2] {
    let prefix = folder(url);
    [format!("{prefix}{slug}.bib"), format!("{prefix}{slug}.ris")]
}

/// The social card of the report at `url`.
pub(crate) fn card_file(url: &str) -> String {
    format!("{}social.png", folder(url))
}

/// Where a content file (`rel`, relative to `content/`) is copied: its folders slugged like
/// page URLs, its name kept.
pub(crate) fn asset_file(rel: &str) -> String {
    let parts: Vec<&str> = rel.split('/').collect();
    let (name, folders) = parts
        .split_last()
        .map(|(n, f)| (*n, f))
        .unwrap_or((rel, &[]));
    let mut out: Vec<String> = folders.iter().map(|f| crate::slug::slugify(f)).collect();
    out.push(name.to_string());
    out.join("/")
}

/// The site-relative URL of the file at `path`.
pub(crate) fn file_url(path: &str) -> String {
    format!("/{path}")
}

/// What a route is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Route {
    /// A content page, made from a file.
    Content(PathBuf),
    /// A page kennis makes itself (home, recommendations, themes, search, 404).
    Generated,
    /// A figure's `.svg` or `.png`, on the page made from a file.
    Figure(PathBuf),
    /// A report's social card.
    Card(PathBuf),
    /// A report's BibTeX or RIS file.
    Citation(PathBuf),
    /// A content file copied as it is.
    Asset(PathBuf),
    /// An Atom feed.
    Feed,
    /// The sitemap, robots.txt, the stylesheet, a font or a script.
    Support,
}

impl Route {
    /// The content file behind the route, if there is one.
    pub(crate) fn source(&self) -> Option<&PathBuf> {
        match self {
            Route::Content(p)
            | Route::Figure(p)
            | Route::Card(p)
            | Route::Citation(p)
            | Route::Asset(p) => Some(p),
            Route::Generated | Route::Feed | Route::Support => None,
        }
    }
}

/// Every file of one site, by path relative to the site's output folder (`/` separators), and
/// the pages among them by site-relative URL.
#[derive(Debug, Default, Clone)]
pub(crate) struct Routes {
    files: BTreeMap<String, Route>,
    pages: BTreeMap<String, String>,
}

/// Two routes at one path: the one already there and the one refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Clash {
    /// The path.
    pub(crate) path: String,
    /// What was there first.
    pub(crate) first: Route,
    /// What wanted the path too.
    pub(crate) second: Route,
}

impl Routes {
    /// Adds the page at the site-relative `url`.
    pub(crate) fn page(&mut self, url: &str, route: Route) -> Result<(), Clash> {
        let path = page_file(url);
        self.file(&path, route)?;
        self.pages.insert(url.to_string(), path);
        Ok(())
    }

    /// Adds the file at `path`.
    pub(crate) fn file(&mut self, path: &str, route: Route) -> Result<(), Clash> {
        match self.files.get(path) {
            Some(first) => Err(Clash {
                path: path.to_string(),
                first: first.clone(),
                second: route,
            }),
            None => {
                self.files.insert(path.to_string(), route);
                Ok(())
            }
        }
    }

    /// Whether the site has a page at the site-relative `url` (`/rapporten/x/`).
    pub(crate) fn has_page(&self, url: &str) -> bool {
        self.pages.contains_key(url)
    }

    /// Whether the site has a file at the site-relative `url` (`/rapporten/x/figuur-1.png`):
    /// one of the list, or one in a folder kennis fills itself (the search index).
    pub(crate) fn has_file(&self, url: &str) -> bool {
        let path = url.trim_start_matches('/');
        self.files.contains_key(path) || path.starts_with(SEARCH_INDEX)
    }

    /// Whether `path` is a feed.
    pub(crate) fn is_feed(&self, path: &str) -> bool {
        self.files.get(path) == Some(&Route::Feed)
    }

    /// The site-relative URLs of every page, in order.
    pub(crate) fn page_urls(&self) -> impl Iterator<Item = &str> {
        self.pages.keys().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_follow_the_urls() {
        assert_eq!(page_file("/"), "index.html");
        assert_eq!(page_file("/rapporten/x/"), "rapporten/x/index.html");
        assert_eq!(
            figure_files("/rapporten/x/", "figuur-2"),
            ["rapporten/x/figuur-2.svg", "rapporten/x/figuur-2.png"]
        );
        assert_eq!(figure_files("/", "figuur-1")[0], "figuur-1.svg");
        assert_eq!(card_file("/rapporten/x/"), "rapporten/x/social.png");
        assert_eq!(
            citation_files("/rapporten/x/", "x"),
            ["rapporten/x/x.bib", "rapporten/x/x.ris"]
        );
        assert_eq!(
            asset_file("Mijn Map/Bijlage 1.pdf"),
            "mijn-map/Bijlage 1.pdf"
        );
        assert_eq!(
            audience_url("jeugd-en-gezin"),
            "/aanbevelingen/jeugd-en-gezin/"
        );
        assert_eq!(
            audience_feed("jeugd-en-gezin"),
            "aanbevelingen/jeugd-en-gezin/atom.xml"
        );
        assert_eq!(theme_feed("leren"), "themas/leren/atom.xml");
    }

    #[test]
    fn a_path_is_taken_once() {
        let mut routes = Routes::default();
        routes
            .page("/a/", Route::Content("content/a.md".into()))
            .unwrap();
        let clash = routes
            .file("a/index.html", Route::Asset("content/a/index.html".into()))
            .unwrap_err();
        assert_eq!(clash.first, Route::Content("content/a.md".into()));
        assert!(routes.has_page("/a/") && routes.has_file("/a/index.html"));
        assert!(routes.has_file("/pagefind/pagefind.js"));
        assert!(!routes.has_file("/b.png"));
    }
}
