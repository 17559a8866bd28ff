//! Machine-readable outputs: `sitemap.xml`, the Atom feeds (`model::feeds` decides which
//! there are and what is in them) and `robots.txt`. Text is escaped by `markup::escape`, the
//! same escaping as everything else.
//!
//! Dates: the sitemap writes a date at its precision (`2025`, `2025-03`, `2025-03-01`, which
//! W3C datetime allows). Atom demands a full RFC 3339 timestamp in `updated`, so an entry gets
//! the first moment of its date's period there (and in `published`): `2025` is
//! `2025-01-01T00:00:00Z`. The date as the source gives it is in the entry's `dc:date` (Dublin
//! Core allows a year or a month).

use std::fmt::Write as _;

use crate::markup::escape;
use crate::model::feeds::{Feed, Subject};
use crate::model::{Site, routes};

use super::browse::lower_first;
use super::views::absolute;

/// `sitemap.xml`: every page of the site but the search page (and the 404 page, which is a
/// file, not a page), with the date of the content where it has one.
pub(crate) fn sitemap(site: &Site<'_>) -> String {
    let config = site.config;
    let dated: std::collections::BTreeMap<&str, String> = site
        .entries()
        .into_iter()
        .filter_map(|c| c.date.map(|d| (c.url.as_str(), d.iso())))
        .collect();
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for url in site.routes.page_urls().filter(|u| *u != routes::SEARCH) {
        let _ = write!(out, "  <url><loc>{}</loc>", escape(&absolute(config, url)));
        if let Some(date) = dated.get(url) {
            let _ = write!(out, "<lastmod>{date}</lastmod>");
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

/// The title of a feed.
pub(crate) fn feed_title(site: &Site<'_>, feed: &Feed<'_>) -> String {
    let title = &site.config.title;
    match feed.subject {
        Subject::Site => format!("Rapporten van {title}"),
        Subject::Audience(a) => format!("Aanbevelingen {} · {title}", lower_first(&a.label)),
        Subject::Theme(t) => format!("Thema {} · {title}", t.name),
    }
}

/// One Atom feed (RFC 4287), newest entry first; every URL absolute.
pub(crate) fn atom(site: &Site<'_>, feed: &Feed<'_>) -> String {
    let config = site.config;
    let page = absolute(config, &feed.page);
    let self_url = absolute(config, &routes::file_url(&feed.path));
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xml:lang=\"nl\">\n",
    );
    let _ = writeln!(out, "  <title>{}</title>", escape(&feed_title(site, feed)));
    if let Some(subtitle) = match feed.subject {
        Subject::Site => None,
        Subject::Audience(a) => Some(format!(
            "Rapporten met aanbevelingen {}, met die aanbevelingen.",
            lower_first(&a.label)
        )),
        Subject::Theme(t) => Some(format!(
            "Rapporten met aanbevelingen over {}, met die aanbevelingen.",
            t.name
        )),
    } {
        let _ = writeln!(out, "  <subtitle>{}</subtitle>", escape(&subtitle));
    }
    let _ = writeln!(out, "  <id>{}</id>", escape(&self_url));
    let _ = writeln!(
        out,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        escape(&page)
    );
    let _ = writeln!(
        out,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        escape(&self_url)
    );
    let _ = writeln!(
        out,
        "  <updated>{}</updated>",
        feed.updated().start_timestamp()
    );
    let _ = writeln!(
        out,
        "  <author><name>{}</name><uri>{}</uri></author>",
        escape(&config.title),
        escape(&config.base_url)
    );
    for entry in &feed.entries {
        let report = entry.report;
        let link = absolute(config, &report.common.url);
        let id = match feed.subject {
            Subject::Site => link.clone(),
            Subject::Audience(a) => format!("{link}#aanbevelingen-{}", a.slug),
            Subject::Theme(t) => format!("{link}#thema-{}", t.slug),
        };
        let when = entry.date.start_timestamp();
        out.push_str("  <entry>\n");
        let _ = writeln!(out, "    <title>{}</title>", escape(&report.common.title));
        let _ = writeln!(out, "    <id>{}</id>", escape(&id));
        let _ = writeln!(
            out,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            escape(&link)
        );
        let _ = writeln!(out, "    <published>{when}</published>");
        let _ = writeln!(out, "    <updated>{when}</updated>");
        let _ = writeln!(out, "    <dc:date>{}</dc:date>", entry.date.iso());
        let names: Vec<String> = if report.authors.is_empty() {
            vec![
                report
                    .publisher
                    .as_deref()
                    .unwrap_or(&config.title)
                    .to_string(),
            ]
        } else {
            report.authors.iter().map(|a| a.name()).collect()
        };
        for name in names {
            let _ = writeln!(out, "    <author><name>{}</name></author>", escape(&name));
        }
        if let Some(summary) = &report.common.summary {
            let _ = writeln!(out, "    <summary>{}</summary>", escape(summary));
        }
        if !entry.recommendations.is_empty() {
            // The summary and the recommendations as HTML, escaped once for HTML and once
            // more for XML.
            let mut html = String::new();
            if let Some(summary) = &report.common.summary {
                let _ = write!(html, "<p>{}</p>", escape(summary));
            }
            let heading = match feed.subject {
                Subject::Audience(a) => format!("Aanbevelingen {}:", lower_first(&a.label)),
                Subject::Theme(t) => format!("Aanbevelingen over {}:", t.name),
                Subject::Site => "Aanbevelingen:".to_string(),
            };
            let _ = write!(html, "<p>{}</p><ul>", escape(&heading));
            for rec in &entry.recommendations {
                let _ = write!(
                    html,
                    "<li><a href=\"{}\">{}</a></li>",
                    escape(&absolute(config, &rec.url)),
                    escape(rec.text)
                );
            }
            html.push_str("</ul>");
            let _ = writeln!(
                out,
                "    <content type=\"html\">{}</content>",
                escape(&html)
            );
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
