//! Machine-readable outputs: `sitemap.xml`, the Atom feed of reports and `robots.txt`. Text is
//! escaped by `markup::escape`, the same escaping as everything else.

use std::fmt::Write as _;

use crate::markup::escape;
use crate::model::Site;

use super::views::absolute;

/// `sitemap.xml`: every page, with its date where it has one.
pub(crate) fn sitemap(site: &Site<'_>) -> String {
    let config = site.config;
    let mut entries: Vec<(String, Option<String>)> = vec![("/".to_string(), None)];
    entries.extend(
        site.reports
            .iter()
            .map(|r| (r.common.url.clone(), r.common.date.map(|d| d.iso()))),
    );
    entries.extend(
        site.personas
            .iter()
            .map(|p| (p.common.url.clone(), p.common.date.map(|d| d.iso()))),
    );
    entries.extend(
        site.pages
            .iter()
            .map(|p| (p.common.url.clone(), p.common.date.map(|d| d.iso()))),
    );
    entries.extend(site.sections.iter().map(|s| (s.common.url.clone(), None)));
    entries.sort();
    entries.dedup();
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (url, lastmod) in entries {
        let _ = write!(out, "  <url><loc>{}</loc>", escape(&absolute(config, &url)));
        if let Some(date) = lastmod {
            let _ = write!(out, "<lastmod>{date}</lastmod>");
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

/// Reports in the feed: the newest, as feed readers only look at recent entries.
pub(crate) const FEED_ENTRIES: usize = 50;

/// The Atom feed of the site's newest reports, newest first.
pub(crate) fn atom(site: &Site<'_>) -> String {
    let config = site.config;
    let updated = site
        .reports
        .iter()
        .filter_map(|r| r.common.date)
        .max()
        .map(|d| d.iso())
        .unwrap_or_else(|| "2025-01-01".to_string());
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"nl\">\n",
    );
    let _ = writeln!(out, "  <title>{}</title>", escape(&config.title));
    let _ = writeln!(out, "  <id>{}</id>", escape(&config.base_url));
    let _ = writeln!(out, "  <link href=\"{}\"/>", escape(&config.base_url));
    let _ = writeln!(
        out,
        "  <link rel=\"self\" href=\"{}\"/>",
        escape(&absolute(config, "/atom.xml"))
    );
    let _ = writeln!(out, "  <updated>{updated}T00:00:00Z</updated>");
    for report in site.reports.iter().take(FEED_ENTRIES) {
        let link = absolute(config, &report.common.url);
        let date = report
            .common
            .date
            .map(|d| d.iso())
            .unwrap_or_else(|| updated.clone());
        out.push_str("  <entry>\n");
        let _ = writeln!(out, "    <title>{}</title>", escape(&report.common.title));
        let _ = writeln!(out, "    <id>{}</id>", escape(&link));
        let _ = writeln!(out, "    <link href=\"{}\"/>", escape(&link));
        let _ = writeln!(out, "    <updated>{date}T00:00:00Z</updated>");
        let author = report.publisher.as_deref().unwrap_or(&config.title);
        let _ = writeln!(out, "    <author><name>{}</name></author>", escape(author));
        if let Some(summary) = &report.common.summary {
            let _ = writeln!(out, "    <summary>{}</summary>", escape(summary));
        }
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// `robots.txt`: everything may be indexed; points at the sitemap.
pub(crate) fn robots(site: &Site<'_>) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        absolute(site.config, "/sitemap.xml")
    )
}
