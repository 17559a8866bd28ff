//! Finding things: the recommendations browser (`/aanbevelingen/`, one page per audience) and
//! the theme pages (`/themas/`, `/themas/<theme>/`). Filtering works without JavaScript through
//! these pages and anchors; `assets/aanbevelingen.js` adds instant filters on top.

use rayon::prelude::*;
use serde::Serialize;

use crate::blocks::recommendations::Audience;
use crate::model::{Recommendation, Site, Theme, routes};

use super::views::{CardView, url};
use super::{Context, Output, RenderError, base_context, page_output, render_template};

/// One recommendation as the templates see it.
#[derive(Serialize)]
struct RecView<'a> {
    text: &'a str,
    /// The audience's slug, for the script's filter.
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

/// A theme to filter on, with the number of recommendations about it.
#[derive(Serialize)]
struct ThemeFilter<'a> {
    name: &'a str,
    slug: &'a str,
    url: String,
    count: usize,
}

/// Recommendations for one audience.
#[derive(Serialize)]
struct GroupView<'a> {
    audience: &'a str,
    label: &'a str,
    /// Id of the group's heading on the overview page.
    id: &'a str,
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

fn theme_links<'a>(site: &Site<'a>, themes: &'a [Theme<'a>], names: &[&str]) -> Vec<ThemeLink<'a>> {
    themes
        .iter()
        .filter(|t| names.contains(&t.name))
        .map(|t| ThemeLink {
            name: t.name,
            slug: &t.slug,
            url: url(site.config, &t.url),
        })
        .collect()
}

/// `recs` grouped by audience, in the order of the site's audiences.
fn group<'a>(site: &'a Site<'a>, recs: &[&Recommendation<'a>]) -> Vec<GroupView<'a>> {
    site.audiences
        .iter()
        .filter(|a| recs.iter().any(|r| r.audience.name == a.name))
        .map(|audience| GroupView {
            audience: &audience.slug,
            label: &audience.label,
            id: &audience.slug,
            url: url(site.config, &routes::audience_url(&audience.slug)),
            items: recs
                .iter()
                .filter(|r| r.audience.name == audience.name)
                .map(|r| {
                    let links = theme_links(site, &site.themes, &r.themes);
                    RecView {
                        text: r.text,
                        audience: &audience.slug,
                        report_title: &r.report.common.title,
                        url: url(site.config, &r.url),
                        theme_slugs: links.iter().map(|t| t.slug).collect::<Vec<_>>().join(" "),
                        themes: links,
                    }
                })
                .collect(),
        })
        .collect()
}

/// `Voor organisaties` → `voor organisaties`.
pub(crate) fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `/aanbevelingen/`, `/aanbevelingen/<audience>/`, `/themas/` and `/themas/<theme>/`.
pub(crate) fn render(site: &Site<'_>, context: &Context<'_>) -> Result<Vec<Output>, RenderError> {
    let config = site.config;
    let recs = &site.recommendations;
    let all: Vec<&Recommendation<'_>> = recs.iter().collect();
    let mut outputs = Vec::new();

    let filters = |current: Option<&Audience>| -> Vec<FilterView> {
        let mut list = vec![FilterView {
            label: "Alle doelgroepen".to_string(),
            value: String::new(),
            url: url(config, routes::RECOMMENDATIONS),
            count: recs.len(),
            current: current.is_none(),
        }];
        list.extend(site.audiences.iter().map(|a| FilterView {
            label: a.label.clone(),
            value: a.slug.clone(),
            url: url(config, &routes::audience_url(&a.slug)),
            count: recs.iter().filter(|r| r.audience.name == a.name).count(),
            current: current.is_some_and(|c| c.name == a.name),
        }));
        list
    };
    // Only themes that recommendations are about: any other would filter to nothing.
    let theme_filters: Vec<ThemeFilter<'_>> = site
        .themes
        .iter()
        .filter(|t| t.recommendations > 0)
        .map(|t| ThemeFilter {
            name: t.name,
            slug: &t.slug,
            url: url(config, &t.url),
            count: t.recommendations,
        })
        .collect();

    // The overview and one page per audience.
    let mut pages: Vec<(String, Option<&Audience>)> =
        vec![(routes::RECOMMENDATIONS.to_string(), None)];
    pages.extend(
        site.audiences
            .iter()
            .map(|a| (routes::audience_url(&a.slug), Some(*a))),
    );
    for (page_url, audience) in pages {
        let selected: Vec<&Recommendation<'_>> = all
            .iter()
            .copied()
            .filter(|r| audience.is_none_or(|a| r.audience.name == a.name))
            .collect();
        let title = match audience {
            None => "Aanbevelingen".to_string(),
            Some(a) => format!("Aanbevelingen {}", a.label.to_lowercase()),
        };
        let description = match audience {
            None => format!(
                "Alle {} aanbevelingen uit de rapporten van {}, per doelgroep.",
                selected.len(),
                config.title
            ),
            Some(a) => format!(
                "{} aanbevelingen {} uit de rapporten van {}.",
                selected.len(),
                lower_first(&a.label),
                config.title
            ),
        };
        let mut ctx = base_context(
            site,
            context,
            &page_url,
            &title,
            Some(&description),
            "recommendations",
        )?;
        ctx.insert("groups", &group(site, &selected));
        ctx.insert("filters", &filters(audience));
        ctx.insert("theme_filters", &theme_filters);
        ctx.insert("total", &selected.len());
        if let Some(a) = audience {
            ctx.insert("feed_subject", &lower_first(&a.label));
        }
        ctx.insert(
            "script",
            &url(config, &routes::file_url(routes::RECOMMENDATIONS_SCRIPT)),
        );
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
    let items: Vec<ThemeItem<'_>> = site
        .themes
        .iter()
        .map(|t| ThemeItem {
            name: t.name,
            url: url(config, &t.url),
            count: t.reports.len(),
        })
        .collect();
    let mut ctx = base_context(
        site,
        context,
        routes::THEMES,
        "Thema's",
        Some("De thema's van de rapporten."),
        "themes",
    )?;
    ctx.insert("themes", &items);
    outputs.push(page_output(
        routes::THEMES,
        render_template(config, "themas.html", &ctx)?,
    ));
    // One page per theme, in parallel: a big archive has hundreds of reports per theme.
    let theme_pages: Vec<Result<Output, RenderError>> = site
        .themes
        .par_iter()
        .map(|theme| {
            let on_theme: Vec<&Recommendation<'_>> = all
                .iter()
                .copied()
                .filter(|r| r.themes.contains(&theme.name))
                .collect();
            let title = format!("Thema: {}", theme.name);
            let description = format!("Rapporten en aanbevelingen over {}.", theme.name);
            let mut ctx = base_context(
                site,
                context,
                &theme.url,
                &title,
                Some(&description),
                "theme",
            )?;
            ctx.insert("theme", &theme.name);
            ctx.insert("feed_subject", &format!("over {}", theme.name));
            ctx.insert(
                "reports",
                &theme
                    .reports
                    .iter()
                    .map(|r| CardView::report(config, r))
                    .collect::<Vec<_>>(),
            );
            ctx.insert("groups", &group(site, &on_theme));
            Ok(page_output(
                &theme.url,
                render_template(config, "thema.html", &ctx)?,
            ))
        })
        .collect();
    for page in theme_pages {
        outputs.push(page?);
    }
    Ok(outputs)
}
