//! Which Atom feeds a site has and what is in each: the newest reports of the site
//! (`atom.xml`), and per audience and per theme the reports with recommendations for it, each
//! with those recommendations (`/aanbevelingen/<audience>/atom.xml`, `/themas/<theme>/atom.xml`).
//!
//! Atom demands a full date and time for every entry, so only dated reports are entries: a
//! report without a date has none to give, and kennis does not make one up. A feed without any
//! entry is not written. Recommendations are taken from `Site::recommendations`, with the
//! themes each one has there.

use crate::blocks::recommendations::Audience;

use super::entry::Date;
use super::{Recommendation, Report, Site, Theme, routes};

/// Entries in a feed at most: feed readers look at the recent ones only.
pub(crate) const MAX_ENTRIES: usize = 50;

/// What a feed follows.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Subject<'s> {
    /// Every report of the site.
    Site,
    /// The recommendations for one audience.
    Audience(&'s Audience),
    /// The recommendations on one theme.
    Theme(&'s Theme<'s>),
}

/// One feed of a site.
#[derive(Debug)]
pub(crate) struct Feed<'s> {
    pub(crate) subject: Subject<'s>,
    /// The file, relative to the site's output folder.
    pub(crate) path: String,
    /// Site-relative URL of the page the feed follows.
    pub(crate) page: String,
    /// Newest first, at most `MAX_ENTRIES`; never empty.
    pub(crate) entries: Vec<Entry<'s>>,
}

/// A report in a feed.
#[derive(Debug)]
pub(crate) struct Entry<'s> {
    pub(crate) report: &'s Report,
    pub(crate) date: Date,
    /// The report's recommendations for the feed's audience or theme (none in the site feed).
    pub(crate) recommendations: Vec<&'s Recommendation<'s>>,
}

impl<'s> Feed<'s> {
    /// The newest entry's date: when the feed last changed.
    pub(crate) fn updated(&self) -> Date {
        self.entries
            .iter()
            .map(|e| e.date)
            .max()
            .expect("a feed has an entry")
    }
}

impl<'a> Site<'a> {
    /// Every feed of the site that has an entry: the site's, then one per audience and per
    /// theme with recommendations of a dated report.
    pub(crate) fn feeds(&self) -> Vec<Feed<'_>> {
        let mut out = Vec::new();
        let site_entries: Vec<Entry<'_>> = self
            .reports
            .iter()
            .filter_map(|r| {
                r.common.date.map(|date| Entry {
                    report: r,
                    date,
                    recommendations: Vec::new(),
                })
            })
            .take(MAX_ENTRIES)
            .collect();
        out.push(Feed {
            subject: Subject::Site,
            path: routes::FEED.to_string(),
            page: routes::HOME.to_string(),
            entries: site_entries,
        });
        for audience in &self.audiences {
            out.push(Feed {
                subject: Subject::Audience(audience),
                path: routes::audience_feed(&audience.slug),
                page: routes::audience_url(&audience.slug),
                entries: self.entries_of(|r| r.audience.name == audience.name),
            });
        }
        for theme in &self.themes {
            out.push(Feed {
                subject: Subject::Theme(theme),
                path: routes::theme_feed(&theme.slug),
                page: theme.url.clone(),
                entries: self.entries_of(|r| r.themes.contains(&theme.name)),
            });
        }
        out.retain(|f| !f.entries.is_empty());
        out
    }

    /// The dated reports with recommendations that `wanted` picks, newest first, each with
    /// those recommendations.
    fn entries_of(&self, wanted: impl Fn(&Recommendation<'a>) -> bool) -> Vec<Entry<'_>> {
        let mut out: Vec<Entry<'_>> = Vec::new();
        // The recommendations are in report order: one run per report.
        for run in self
            .recommendations
            .chunk_by(|a, b| std::ptr::eq(a.report, b.report))
        {
            let report = run[0].report;
            let Some(date) = report.common.date else {
                continue;
            };
            let recommendations: Vec<&Recommendation<'a>> =
                run.iter().filter(|r| wanted(r)).collect();
            if !recommendations.is_empty() {
                out.push(Entry {
                    report,
                    date,
                    recommendations,
                });
                if out.len() == MAX_ENTRIES {
                    break;
                }
            }
        }
        out
    }
}
