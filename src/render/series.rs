//! The series pages: `/reeksen/`, the list of the site's series, and `/reeksen/<slug>/`, one
//! series: what it is (its text, or its name alone), every edition newest first with its
//! edition label, date and summary, and the key figures (`figures` blocks) of the editions in
//! one table, a column per edition, where figures with the same label share a row.

use serde::Serialize;

use crate::blocks::Block;
use crate::model::{Report, Series, Site, routes};

use super::views::{EditionView, url};
use super::{Context, Output, RenderError, base_context, html, page_output, render_template};

/// A series in the list of series.
#[derive(Serialize)]
struct SeriesItem<'a> {
    name: &'a str,
    url: String,
    count: usize,
    summary: Option<String>,
}

/// The key figures of a series: a column per edition, oldest first, and a row per label.
#[derive(Serialize, Debug, PartialEq)]
pub(crate) struct FiguresTable {
    /// Column headings: each edition's label (or title) and date.
    pub(crate) columns: Vec<String>,
    pub(crate) rows: Vec<FigureRow>,
    /// How many rows hold a figure of more than one edition.
    pub(crate) shared: usize,
}

/// One label and its value in each edition (`None`: not in that edition).
#[derive(Serialize, Debug, PartialEq)]
pub(crate) struct FigureRow {
    pub(crate) label: String,
    pub(crate) values: Vec<Option<String>>,
}

/// The key figures of `editions` (newest first, as the series lists them) side by side;
/// `None` when no edition has any.
pub(crate) fn figures_table(editions: &[&Report]) -> Option<FiguresTable> {
    let columns: Vec<&Report> = editions.iter().rev().copied().collect();
    // (key, label as written first, value per column)
    let mut rows: Vec<(String, String, Vec<Option<String>>)> = Vec::new();
    for (col, report) in columns.iter().enumerate() {
        for figure in &report.common.body.figures {
            let Block::Figures(spec) = &figure.block else {
                continue;
            };
            for item in &spec.items {
                let label = super::cite::one_line(item.label.as_str());
                let key = label.to_lowercase();
                let value = crate::prose::number(item.value.get());
                let row = match rows.iter().position(|r| r.0 == key) {
                    Some(i) => i,
                    None => {
                        rows.push((key, label, vec![None; columns.len()]));
                        rows.len() - 1
                    }
                };
                // A label twice in one edition: its first value counts.
                rows[row].2[col].get_or_insert(value);
            }
        }
    }
    if rows.is_empty() {
        return None;
    }
    let in_several = |values: &Vec<Option<String>>| values.iter().flatten().count() > 1;
    // Shared labels first, each group in the order the figures first appear.
    let (mut shared, single): (Vec<_>, Vec<_>) = rows.into_iter().partition(|r| in_several(&r.2));
    let count = shared.len();
    shared.extend(single);
    Some(FiguresTable {
        columns: columns
            .iter()
            .map(|r| {
                let name = r.edition.as_deref().unwrap_or(&r.common.title);
                match r.common.date {
                    Some(d) => format!("{name} ({})", d.dutch()),
                    None => name.to_string(),
                }
            })
            .collect(),
        rows: shared
            .into_iter()
            .map(|(_, label, values)| FigureRow { label, values })
            .collect(),
        shared: count,
    })
}

/// `/reeksen/` and a page per series.
pub(crate) fn render(site: &Site<'_>, context: &Context<'_>) -> Result<Vec<Output>, RenderError> {
    let config = site.config;
    let href = |u: &str| url(config, u);
    let mut outputs = Vec::new();
    if site.series.is_empty() {
        return Ok(outputs);
    }
    let items: Vec<SeriesItem<'_>> = site
        .series
        .iter()
        .map(|s| SeriesItem {
            name: s.name,
            url: url(config, &s.url),
            count: s.reports.len(),
            summary: s.intro.and_then(|i| i.common.description()),
        })
        .collect();
    let (title, intro_html, description) = match site.series_text {
        Some(text) => (
            text.common.title.as_str(),
            html::body_html(&text.common.body, &href),
            text.common.description(),
        ),
        None => ("Reeksen", String::new(), None),
    };
    let description = description.unwrap_or_else(|| {
        format!(
            "De onderzoeksreeksen van {}, elk met al zijn metingen.",
            config.title
        )
    });
    let mut ctx = base_context(
        site,
        context,
        routes::SERIES,
        title,
        Some(&description),
        "series-list",
    )?;
    ctx.insert("intro_html", &intro_html);
    ctx.insert("series", &items);
    outputs.push(page_output(
        routes::SERIES,
        render_template(config, "reeksen.html", &ctx)?,
    ));
    for series in &site.series {
        outputs.push(series_page(site, context, series)?);
    }
    Ok(outputs)
}

fn series_page(
    site: &Site<'_>,
    context: &Context<'_>,
    series: &Series<'_>,
) -> Result<Output, RenderError> {
    let config = site.config;
    let href = |u: &str| url(config, u);
    let (title, intro_html, description) = match series.intro {
        Some(text) => (
            text.common.title.as_str(),
            html::body_html(&text.common.body, &href),
            text.common.description(),
        ),
        None => (series.name, String::new(), None),
    };
    let n = series.reports.len();
    let description = description.unwrap_or_else(|| {
        format!(
            "De reeks {}: {n} {} met hun kerncijfers naast elkaar.",
            series.name,
            if n == 1 { "meting" } else { "metingen" }
        )
    });
    let mut ctx = base_context(
        site,
        context,
        &series.url,
        title,
        Some(&description),
        "series",
    )?;
    ctx.insert("name", series.name);
    ctx.insert("intro_html", &intro_html);
    let editions: Vec<EditionView<'_>> = series
        .reports
        .iter()
        .map(|r| EditionView::of(config, r))
        .collect();
    ctx.insert("editions", &editions);
    ctx.insert("figures", &figures_table(&series.reports));
    Ok(page_output(
        &series.url,
        render_template(config, "reeks.html", &ctx)?,
    ))
}
