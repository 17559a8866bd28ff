//! Series and their editions: the reports that share a `series`, newest first, with the text
//! that says what the series is, and each report's previous and next edition.
//!
//! A series' text is the section `content/reeksen/<slug>/_index.md`, where `<slug>` is the
//! series name as it is in the series page's URL (`Professional-ervaringsonderzoek` →
//! `professional-ervaringsonderzoek`); `content/reeksen/_index.md` is the text of the list of
//! series. Without one the page shows the series name alone. These sections are not pages of
//! their own: the series pages, which kennis makes, show them.

use std::collections::{BTreeMap, BTreeSet};

use super::entry::Section;
use super::{Report, Site, routes};

/// The folder of series texts, relative to `content/`.
pub(crate) const FOLDER: &str = "reeksen";

/// A series on a site.
#[derive(Debug)]
pub(crate) struct Series<'a> {
    /// As the reports write it.
    pub(crate) name: &'a str,
    /// Site-relative URL of its page (its slug is unique among the site's series).
    pub(crate) url: String,
    /// The editions, newest first (as the site lists reports).
    pub(crate) reports: Vec<&'a Report>,
    /// What the series is: `content/reeksen/<slug>/_index.md`, if there is one.
    pub(crate) intro: Option<&'a Section>,
}

/// A report's place in its series.
#[derive(Debug)]
pub(crate) struct Editions<'s, 'a> {
    pub(crate) series: &'s Series<'a>,
    /// The edition before it (older).
    pub(crate) previous: Option<&'a Report>,
    /// The edition after it (newer).
    pub(crate) next: Option<&'a Report>,
}

/// Whether the section in `folder` (relative to `content/`) is the text of a series or of
/// the list of series rather than a page.
pub(crate) fn is_series_text(folder: &str) -> bool {
    folder == FOLDER
        || folder
            .strip_prefix(FOLDER)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// The slug of the series whose text is the section in `folder`, if it is one
/// (`reeksen/<slug>`); `None` for the list's own text and for deeper folders.
pub(crate) fn text_slug(folder: &str) -> Option<String> {
    let rest = folder.strip_prefix(FOLDER)?.strip_prefix('/')?;
    (!rest.is_empty() && !rest.contains('/')).then(|| crate::slug::slugify(rest))
}

/// The series of `reports` (newest first), by name, with their texts from `texts` (the
/// sections under `content/reeksen/`); slugs are unique.
pub(crate) fn series_of<'a>(reports: &[&'a Report], texts: &[&'a Section]) -> Vec<Series<'a>> {
    let mut by_name: BTreeMap<&'a str, Vec<&'a Report>> = BTreeMap::new();
    for report in reports {
        if let Some(name) = report.series.as_deref().map(str::trim)
            && !name.is_empty()
        {
            by_name.entry(name).or_default().push(report);
        }
    }
    let mut used = BTreeSet::new();
    by_name
        .into_iter()
        .map(|(name, reports)| {
            let slug = crate::slug::unique_slug(name, &mut used);
            let intro = texts
                .iter()
                .copied()
                .find(|s| text_slug(&s.folder).as_deref() == Some(slug.as_str()));
            Series {
                name,
                url: routes::series_url(&slug),
                reports,
                intro,
            }
        })
        .collect()
}

impl<'a> Site<'a> {
    /// The series of `report` on this site and its editions around it.
    pub(crate) fn editions(&self, report: &Report) -> Option<Editions<'_, 'a>> {
        let name = report.series.as_deref()?.trim();
        let series = self.series.iter().find(|s| s.name == name)?;
        let at = series
            .reports
            .iter()
            .position(|r| std::ptr::eq(*r, report))?;
        Some(Editions {
            series,
            previous: series.reports.get(at + 1).copied(),
            next: at.checked_sub(1).map(|i| series.reports[i]),
        })
    }

    /// Whether a series on the site has more than one edition: the navigation then links to
    /// the series.
    pub(crate) fn has_editions(&self) -> bool {
        self.series.iter().any(|s| s.reports.len() > 1)
    }
}
