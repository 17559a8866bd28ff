//! `kennis check`: config → load → model (as `build`, without rendering or writing) → the rules
//! of `crate::check`; prints every diagnostic as text or JSON, a summary, and on request the
//! HTML report. Exit 1 on errors, 0 with warnings only.

use std::path::PathBuf;

use super::build::Progress;
use crate::check::{self, Checked};
use crate::config::{self, Overrides};
use crate::diag::{self, Diagnostics, Outcome, Severity};
use crate::messages::{self, Text, counted};
use crate::pipeline::analyse;

/// How diagnostics are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// As the compiler-style text of `build`, on stderr.
    Text,
    /// One JSON array of `{severity, file, line, column, message, hint}` on stdout.
    Json,
}

/// Options of `kennis check`, resolved.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Folder that holds site.yaml, content/ and themes/.
    pub root: PathBuf,
    /// How the findings are printed.
    pub format: Format,
    /// Where to write the HTML report, if one is asked for.
    pub report: Option<PathBuf>,
    /// Whether entries marked `draft: true` are checked.
    pub drafts: bool,
}

/// The default place of the report: beside the sites, not in one.
pub fn default_report_path(root: &std::path::Path) -> PathBuf {
    root.join("output").join("kennis-check-report.html")
}

/// Runs the checks.
pub fn run(options: &CheckOptions) -> Outcome {
    let progress = Progress::start(3);
    progress.step(messages::progress_reading_config());
    let config = match config::load(&options.root, &Overrides::default()) {
        Ok(c) => c,
        Err(diags) => {
            progress.finish();
            print(&diags, options.format);
            super::print_error(
                messages::check_stopped_at_config(errors(diags.error_count())),
                None,
            );
            return Outcome::Failed;
        }
    };
    progress.step(messages::progress_loading_content());
    let (sources, content, mut diags) = analyse(&config, options.drafts);
    let sites: Vec<_> = config
        .sites
        .iter()
        .map(|site| content.site(site, &config).0)
        .collect();
    for site in &sites {
        diags.extend(site.check_nav());
    }
    progress.step(messages::progress_checking());
    let checked = check::run(&config, &sources, &content, &sites);
    diags.extend(checked.diagnostics.iter().cloned());
    progress.finish();

    print(&diags, options.format);
    let summary = summary(&checked, &diags, &config.readability);
    for line in &summary {
        eprintln!("{line}");
    }
    if let Some(path) = &options.report {
        let sites: Vec<(String, String)> = config
            .sites
            .iter()
            .map(|s| (s.name.clone(), s.title.clone()))
            .collect();
        let (y, mo, d, h, mi) = super::now_utc();
        let when = format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02} UTC");
        let root = std::path::absolute(&config.root).unwrap_or_else(|_| config.root.clone());
        let html = check::report_html(&check::ReportInput {
            root: &root,
            sites: &sites,
            when: &when,
            checked: &checked,
            diagnostics: &diags.sorted(),
            readability: &config.readability,
        });
        if let Some(parent) = path.parent()
            && !parent.as_os_str().is_empty()
            && let Err(e) = std::fs::create_dir_all(parent)
        {
            super::print_error(messages::cannot_create_folder(parent.display(), e), None);
            return Outcome::Failed;
        }
        match std::fs::write(path, html) {
            Ok(()) => eprintln!("{}", messages::check_report_written(path.display())),
            Err(e) => {
                super::print_error(messages::check_report_cannot_write(path.display(), e), None);
                return Outcome::Failed;
            }
        }
    }
    Outcome::of(&diags)
}

fn print(diags: &Diagnostics, format: Format) {
    match format {
        Format::Text => diag::print(diags),
        Format::Json => println!("{}", diag::to_json(diags)),
    }
}

/// `n` errors, counted.
fn errors(n: usize) -> Text {
    counted(n, messages::count_error_one, messages::count_errors)
}

/// The closing lines: what was checked and how it went.
fn summary(checked: &Checked, diags: &Diagnostics, limits: &config::Readability) -> Vec<String> {
    let pages = &checked.pages;
    let sum = |f: fn(&check::PageStats) -> usize| pages.iter().map(f).sum::<usize>();
    let all = diags.sorted();
    let errors = all.iter().filter(|d| d.severity == Severity::Error).count();
    let warnings = all.len() - errors;
    let counted_pages = counted(pages.len(), messages::count_page_one, messages::count_pages);
    let errors = self::errors(errors);
    let warnings = counted(
        warnings,
        messages::count_warning_one,
        messages::count_warnings,
    );
    let first = match checked.contrast.len() {
        1 => messages::check_summary_one_site(counted_pages, errors, warnings),
        sites => messages::check_summary_sites(counted_pages, sites, errors, warnings),
    };
    let mut lines = vec![
        first.to_string(),
        format!(
            "  {}",
            messages::check_summary_links(
                sum(|p| p.internal_links),
                sum(|p| p.broken_links),
                sum(|p| p.external_links)
            )
        ),
        format!(
            "  {}",
            messages::check_summary_images(
                sum(|p| p.images),
                sum(|p| p.images_without_alt),
                sum(|p| p.headings),
                sum(|p| p.figures)
            )
        ),
    ];
    for theme in &checked.contrast {
        let failing = theme.pairs.iter().filter(|p| p.3 < p.4).count();
        let weakest = theme
            .weakest()
            .map(|(what, _, _, ratio, min)| {
                messages::check_summary_weakest(what, ratio, min).to_string()
            })
            .unwrap_or_default();
        lines.push(format!(
            "  {}",
            messages::check_summary_contrast(
                &theme.theme,
                &theme.site,
                theme.pairs.len() - failing,
                theme.pairs.len(),
                weakest
            )
        ));
    }
    let mut scored: Vec<(f64, &check::PageStats)> = pages
        .iter()
        .filter_map(|p| p.score().map(|s| (s, p)))
        .collect();
    scored.sort_by(|a, b| a.0.total_cmp(&b.0));
    if !scored.is_empty() {
        let list: Vec<String> = scored
            .iter()
            .map(|(s, p)| format!("{} {s:.0}", p.file.display()))
            .collect();
        lines.push(format!(
            "  {}",
            messages::check_summary_readability(limits.min_score, list.join(", "))
        ));
        lines.push(format!(
            "  {}",
            messages::check_summary_long_sentences(
                limits.max_sentence_words,
                sum(|p| p.long_sentences),
                sum(|p| p.sentences)
            )
        ));
    }
    lines
}
