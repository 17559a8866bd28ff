//! Finding things: the recommendations browser (`/aanbevelingen/`, one page per audience) and
//! the theme pages (`/themas/`, `/themas/<theme>/`). Filtering works without JavaScript through
//! these pages and anchors; `assets/aanbevelingen.js` adds instant filters on top.

use rayon::prelude::*;
use serde::Serialize;

use crate::blocks::recommendations::audience_label;
use crate::model::{Recommendation, Site, Theme};

use super::views::{CardView, url};
use super::{Output, RenderError, base_context, page_output, render_template};

/// One recommendation as the templates see it.
#[derive(Serialize)]
struct RecView<'a> {
    text: &'a str,
    audience: &'a str,
    report_title: &'a str,
    /// Deep link into the report.
    url: String,
    themes: Vec<ThemeLink<'a>>,
    /// Space-separated theme slugs, for the script's filter.
    theme_slugs: String,
}

#[derive(Serialize, Clone)]
struct ThemeLink<'a> {
    name: &'a str,
    slug: &'a str,
    url: String,
}

/// Recommendations for one audience.
#[derive(Serialize)]
struct GroupView<'a> {
    audience: &'a str,
    label: String,
    /// Id of the group's heading on the overview page.
    id: String,
    /// The audience's own page.
    url: String,
    items: Vec<RecView<'a>>,
}

/// A filter link.
#[derive(Serialize)]
struct FilterView {
    label: String,
    value: String,
    url: String,
    count: usize,
    current: bool,
}

fn theme_links<'a>(
    site: &Site<'a>,
    themes: &'a [Theme<'a>],
    names: &[String],
) -> Vec<ThemeLink<'a>> {
    themes
        .iter()
        .filter(|t| names.iter().any(|n| n == t.name))
        .map(|t| ThemeLink {
            name: t.name,
            slug: &t.slug,
            url: url(site.config, &format!("/themas/{}/", t.slug)),
        })
        .collect()
}

fn group<'a>(
    site: &Site<'a>,
    themes: &'a [Theme<'a>],
    recs: &[&Recommendation<'a>],
) -> Vec<GroupView<'a>> {
    let mut audiences: Vec<&'a str> = Vec::new();
    for r in recs {
        if !audiences.contains(&r.audience) {
            audiences.push(r.audience);
        }
    }
    let order = crate::blocks::recommendations::AUDIENCES;
    audiences.sort_by_key(|a| order.iter().position(|o| o == a).unwrap_or(order.len()));
    audiences
        .into_iter()
        .map(|audience| GroupView {
            audience,
            label: audience_label(audience),
            id: audience.to_string(),
            url: url(site.config, &format!("/aanbevelingen/{audience}/")),
            items: recs
                .iter()
                .filter(|r| r.audience == audience)
                .map(|r| {
                    let links = theme_links(site, themes, &r.report.themes);
                    RecView {
                        text: r.text,
                        audience,
                        report_title: &r.report.common.title,
                        url: format!("{}#{}", url(site.config, &r.report.common.url), r.anchor),
                        theme_slugs: links.iter().map(|t| t.slug).collect::<Vec<_>>().join(" "),
                        themes: links,
                    }
                })
                .collect(),
        })
        .collect()
}

/// The URLs of the audience pages of a site.
pub(crate) fn audiences<'a>(recs: &[Recommendation<'a>]) -> Vec<&'a str> {
    let mut out: Vec<&'a str> = Vec::new();
    for r in recs {
        if !out.contains(&r.audience) {
            out.push(r.audience);
        }
    }
    out
}

/// `/aanbevelingen/`, `/aanbevelingen/<audience>/`, `/themas/` and `/themas/<theme>/`.
pub(crate) fn render(site: &Site<'_>, language: &str) -> Result<Vec<Output>, RenderError> {
    let config = site.config;
    let recs = site.recommendations();
    let themes = site.themes();
    let all: Vec<&Recommendation<'_>> = recs.iter().collect();
    let audience_list = audiences(&recs);
    let mut outputs = Vec::new();

    let filters = |current: Option<&str>| -> Vec<FilterView> {
        let mut list = vec![FilterView {
            label: "Alle doelgroepen".to_string(),
            value: String::new(),
            url: url(config, "/aanbevelingen/"),
            count: recs.len(),
            current: current.is_none(),
        }];
        list.extend(audience_list.iter().map(|a| FilterView {
            label: audience_label(a),
            value: a.to_string(),
            url: url(config, &format!("/aanbevelingen/{a}/")),
            count: recs.iter().filter(|r| r.audience == *a).count(),
            current: current == Some(*a),
        }));
        list
    };
    let theme_filters: Vec<ThemeLink<'_>> = themes
        .iter()
        .map(|t| ThemeLink {
            name: t.name,
            slug: &t.slug,
            url: url(config, &format!("/themas/{}/", t.slug)),
        })
        .collect();

    // The overview and one page per audience.
    let mut pages: Vec<(String, Option<&str>)> = vec![("/aanbevelingen/".to_string(), None)];
    pages.extend(
        audience_list
            .iter()
            .map(|a| (format!("/aanbevelingen/{a}/"), Some(*a))),
    );
    for (page_url, audience) in pages {
        let selected: Vec<&Recommendation<'_>> = all
            .iter()
            .copied()
            .filter(|r| audience.is_none_or(|a| r.audience == a))
            .collect();
        let title = match audience {
            None => "Aanbevelingen".to_string(),
            Some(a) => format!("Aanbevelingen {}", audience_label(a).to_lowercase()),
        };
        let description = format!(
            "{} aanbevelingen uit de rapporten van {}.",
            selected.len(),
            config.title
        );
        let mut ctx = base_context(
            site,
            language,
            &page_url,
            &title,
            Some(&description),
            "recommendations",
        )?;
        ctx.insert("groups", &group(site, &themes, &selected));
        ctx.insert("filters", &filters(audience));
        ctx.insert("theme_filters", &theme_filters);
        ctx.insert("total", &selected.len());
        ctx.insert("script", &url(config, "/assets/aanbevelingen.js"));
        outputs.push(page_output(
            &page_url,
            render_template(config, "aanbevelingen.html", &ctx)?,
        ));
    }

    // Themes.
    #[derive(Serialize)]
    struct ThemeItem<'a> {
        name: &'a str,
        url: String,
        count: usize,
    }
    let items: Vec<ThemeItem<'_>> = themes
        .iter()
        .map(|t| ThemeItem {
            name: t.name,
            url: url(config, &format!("/themas/{}/", t.slug)),
            count: t.reports.len(),
        })
        .collect();
    let mut ctx = base_context(
        site,
        language,
        "/themas/",
        "Thema's",
        Some("De thema's van de rapporten."),
        "themes",
    )?;
    ctx.insert("themes", &items);
    outputs.push(page_output(
        "/themas/",
        render_template(config, "themas.html", &ctx)?,
    ));
    // One page per theme, in parallel: a big archive has hundreds of reports per theme.
    let theme_pages: Vec<Result<Output, RenderError>> = themes
        .par_iter()
        .map(|theme| {
            let page_url = format!("/themas/{}/", theme.slug);
            let on_theme: Vec<&Recommendation<'_>> = all
                .iter()
                .copied()
                .filter(|r| r.report.themes.iter().any(|t| t == theme.name))
                .collect();
            let title = format!("Thema: {}", theme.name);
            let description = format!("Rapporten en aanbevelingen over {}.", theme.name);
            let mut ctx = base_context(
                site,
                language,
                &page_url,
                &title,
                Some(&description),
                "theme",
            )?;
            ctx.insert("theme", &theme.name);
            ctx.insert(
                "reports",
                &theme
                    .reports
                    .iter()
                    .map(|r| CardView::report(config, r))
                    .collect::<Vec<_>>(),
            );
            ctx.insert("groups", &group(site, &themes, &on_theme));
            Ok(page_output(
                &page_url,
                render_template(config, "thema.html", &ctx)?,
            ))
        })
        .collect();
    for page in theme_pages {
        outputs.push(page?);
    }
    Ok(outputs)
}
