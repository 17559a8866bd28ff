//! `kennis check`: the rules beyond what `build` validates, over the model that `build` makes
//! (its links, prose, figures and every site's routes): internal links and anchors, image alt
//! text, infographic data sanity and plain-language (B1) readability, plus the contrast
//! summary of every theme. It parses nothing itself: no Markdown, no YAML.
//!
//! `run(&Config, &Sources, &Content, &[Site]) -> Checked` returns diagnostics and per-page
//! statistics; it writes nothing. `RULES` lists every rule for the report and the
//! documentation, the way a linter's registry does. One module per family of rules: `links`
//! (links, anchors and alt text), `data`, `readability`; `report` is the HTML report.

mod data;
mod links;
mod readability;
mod report;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::diag::{Diagnostic, Rule};
use crate::load::Sources;
use crate::messages::{self, Text};
use crate::model::{Common, Content, Site};
use crate::palette::contrast;
use crate::source::SourceFile;

pub(crate) use readability::flesch_douma;
pub(crate) use report::{ReportInput, report_html};

/// One rule of `kennis check`, for the report and the documentation.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RuleDoc {
    /// The rule its diagnostics carry; its id is the rule's name.
    pub(crate) rule: Rule,
    /// What it checks, in the language of the run.
    pub(crate) what: fn() -> Text,
    /// The WCAG 2.2 success criterion it supports, if any.
    pub(crate) wcag: Option<&'static str>,
    /// Whether it finds errors (exit 1) or gives advice (warnings).
    pub(crate) errors: bool,
}

/// Every rule: what `build` validates, then what only `check` does.
pub(crate) const RULES: &[RuleDoc] = &[
    RuleDoc {
        rule: Rule::Content,
        what: messages::rule_content,
        wcag: None,
        errors: true,
    },
    RuleDoc {
        rule: Rule::Headings,
        what: messages::rule_headings,
        wcag: Some("1.3.1 Info and Relationships"),
        errors: true,
    },
    RuleDoc {
        rule: Rule::Contrast,
        what: messages::rule_contrast,
        wcag: Some("1.4.3 Contrast (Minimum), 1.4.11 Non-text Contrast"),
        errors: true,
    },
    RuleDoc {
        rule: Rule::Links,
        what: messages::rule_links,
        wcag: Some("2.4.4 Link Purpose"),
        errors: true,
    },
    RuleDoc {
        rule: Rule::AltText,
        what: messages::rule_alt_text,
        wcag: Some("1.1.1 Non-text Content"),
        errors: true,
    },
    RuleDoc {
        rule: Rule::Data,
        what: messages::rule_data,
        wcag: None,
        errors: false,
    },
    RuleDoc {
        rule: Rule::Readability,
        what: messages::rule_readability,
        wcag: Some("3.1.5 Reading Level (AAA, advice)"),
        errors: false,
    },
];

/// What `check` found.
#[derive(Debug, Default)]
pub(crate) struct Checked {
    /// Findings of the rules in this module (the model's own come separately).
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// Statistics per content file, in file order.
    pub(crate) pages: Vec<PageStats>,
    /// The contrast of each site's theme.
    pub(crate) contrast: Vec<ThemeContrast>,
}

/// What was checked on one page.
#[derive(Debug, Clone, Default)]
pub(crate) struct PageStats {
    /// The content file.
    pub(crate) file: PathBuf,
    /// Site-relative URL.
    pub(crate) url: String,
    pub(crate) title: String,
    /// report, persona, page or section.
    pub(crate) kind: &'static str,
    /// The sites that show the page.
    pub(crate) sites: Vec<String>,
    pub(crate) headings: usize,
    pub(crate) figures: usize,
    /// Internal links and images checked, and how many of them are broken.
    pub(crate) internal_links: usize,
    pub(crate) broken_links: usize,
    /// External links (not followed).
    pub(crate) external_links: usize,
    pub(crate) images: usize,
    pub(crate) images_without_alt: usize,
    /// Prose: words, sentences and syllables.
    pub(crate) words: usize,
    pub(crate) sentences: usize,
    pub(crate) syllables: usize,
    pub(crate) long_sentences: usize,
    /// (line, words) of each long sentence.
    pub(crate) long_sentence_lines: Vec<(usize, usize)>,
}

impl PageStats {
    /// Flesch-Douma score of the page's prose, if it has enough words to say anything.
    pub(crate) fn score(&self) -> Option<f64> {
        (self.words >= MIN_WORDS_FOR_SCORE)
            .then(|| flesch_douma(self.words, self.sentences, self.syllables))
    }
}

/// The contrast of one theme's palette.
#[derive(Debug, Clone)]
pub(crate) struct ThemeContrast {
    pub(crate) site: String,
    pub(crate) theme: String,
    /// (what, foreground, background, ratio, minimum).
    pub(crate) pairs: Vec<(Text, String, String, f64, f64)>,
}

impl ThemeContrast {
    /// The pair with the least margin over its minimum.
    pub(crate) fn weakest(&self) -> Option<&(Text, String, String, f64, f64)> {
        self.pairs
            .iter()
            .min_by(|a, b| (a.3 / a.4).total_cmp(&(b.3 / b.4)))
    }
}

/// Fewer words than this and a readability score says nothing.
const MIN_WORDS_FOR_SCORE: usize = 100;

/// Runs every rule over the model; `sites` are the sites of `config`, resolved.
pub(crate) fn run(
    config: &Config,
    sources: &Sources,
    content: &Content,
    sites: &[Site<'_>],
) -> Checked {
    let mut checked = Checked {
        contrast: config
            .sites
            .iter()
            .map(|s| ThemeContrast {
                site: s.name.clone(),
                theme: s.theme.name.clone(),
                pairs: s
                    .theme
                    .palette
                    .requirements()
                    .into_iter()
                    .map(|((fg_role, bg_role), fg, bg, min)| {
                        (
                            messages::colour_pair(fg_role, bg_role),
                            fg.to_string(),
                            bg.to_string(),
                            contrast(fg, bg).unwrap_or(0.0),
                            min,
                        )
                    })
                    .collect(),
            })
            .collect(),
        ..Checked::default()
    };
    let files: BTreeMap<&Path, &SourceFile> = sources
        .pages
        .iter()
        .map(|f| (f.path.as_path(), f.as_ref()))
        .collect();
    let mut entries = all_entries(content);
    entries.sort_by(|a, b| a.0.source.cmp(&b.0.source));
    for (common, kind) in entries {
        let Some(file) = files.get(common.source.as_path()) else {
            continue;
        };
        let on: Vec<&Site<'_>> = sites
            .iter()
            .filter(|s| s.entries().iter().any(|e| std::ptr::eq(*e, common)))
            .collect();
        let mut stats = PageStats {
            file: file.path.clone(),
            url: common.url.clone(),
            title: common.title.clone(),
            kind,
            sites: on.iter().map(|s| s.config.name.clone()).collect(),
            headings: common.body.headings.len(),
            figures: common.body.figures.len(),
            ..PageStats::default()
        };
        let page = Page { file, common };
        // A page on no site is not published; its links are checked against every site.
        let against: Vec<&Site<'_>> = if on.is_empty() {
            sites.iter().collect()
        } else {
            on
        };
        checked
            .diagnostics
            .extend(links::check(&page, &against, &mut stats));
        checked.diagnostics.extend(data::check(&page));
        checked
            .diagnostics
            .extend(readability::check(&page, &config.readability, &mut stats));
        checked.pages.push(stats);
    }
    checked
}

/// One content page and the file it was read from.
struct Page<'a> {
    file: &'a SourceFile,
    common: &'a Common,
}

fn all_entries(content: &Content) -> Vec<(&Common, &'static str)> {
    let mut out: Vec<(&Common, &'static str)> = Vec::new();
    out.extend(content.reports.iter().map(|r| (&r.common, "report")));
    out.extend(content.personas.iter().map(|p| (&p.common, "persona")));
    out.extend(content.pages.iter().map(|p| (&p.common, "page")));
    out.extend(content.sections.iter().map(|s| (&s.common, "section")));
    out
}

#[cfg(test)]
mod tests {
    use crate::config::{self, Overrides};
    use crate::messages::{Language, speaking};

    /// The messages of a small site's check, as (message, hint).
    fn findings(language: Language) -> Vec<(String, String)> {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content/rapporten/cijfers")).unwrap();
        std::fs::write(
            root.join("site.yaml"),
            "language: nl\nsites:\n  test:\n    title: Testsite\n    base_url: https://test.example.nl/\n    theme: kennisnetwerk\nreadability:\n  max_sentence_words: 8\n",
        )
        .unwrap();
        std::fs::write(
            root.join("content/_index.md"),
            "---\ntitle: Home\n---\nWelkom.\n",
        )
        .unwrap();
        std::fs::write(
            root.join("content/rapporten/cijfers/index.md"),
            "---\ntitle: Cijfers\ntype: report\ndate: 2025-03-01\nsummary: De cijfers.\n---\n## Respondenten\n\nDeze zin is met opzet veel te lang voor de drempel van acht woorden.\n\n```matrix\ntitle: Gemist\ncolumns: [Ervaren, Startend]\nrows:\n  - {label: Zelfzorg, cells: [true, false]}\n  - {label: Zelfzorg, cells: [false, true]}\n```\n\nZie [de bijlage](bijlage.pdf).\n",
        )
        .unwrap();
        speaking(language, || {
            let config = config::load(root, &Overrides::default()).unwrap();
            let (sources, content, diags) = crate::pipeline::analyse(&config, false);
            assert!(!diags.has_errors(), "{diags:?}");
            let sites: Vec<_> = config
                .sites
                .iter()
                .map(|site| content.site(site, &config).0)
                .collect();
            super::run(&config, &sources, &content, &sites)
                .diagnostics
                .into_iter()
                .map(|d| (d.message, d.hint.unwrap_or_default()))
                .collect()
        })
    }

    #[test]
    fn the_findings_of_check_are_dutch_by_default_and_english_when_asked() {
        let dutch = findings(Language::Dutch);
        let has = |all: &[(String, String)], message: &str, hint: &str| {
            all.iter()
                .any(|(m, h)| m.starts_with(message) && h.contains(hint))
        };
        assert!(
            has(
                &dutch,
                "lange zin: 14 woorden (advies: hoogstens 8)",
                "splits zo'n zin in tweeën"
            ),
            "{dutch:?}"
        );
        assert!(
            has(
                &dutch,
                "`matrix`-blok: twee rijen heten `Zelfzorg`",
                "geef elke rij een eigen naam"
            ),
            "{dutch:?}"
        );
        assert!(
            has(
                &dutch,
                "de link `bijlage.pdf` wijst naar /rapporten/cijfers/bijlage.pdf, maar dat is geen bestand van de site `test`",
                "deze pagina staat op /rapporten/cijfers/"
            ),
            "{dutch:?}"
        );
        let english = findings(Language::English);
        assert!(
            has(
                &english,
                "long sentence: 14 words (advice: at most 8)",
                "split such a sentence in two"
            ),
            "{english:?}"
        );
        assert!(
            has(
                &english,
                "the link `bijlage.pdf` points at /rapporten/cijfers/bijlage.pdf, which is not a file of site `test`",
                "this page is at /rapporten/cijfers/"
            ),
            "{english:?}"
        );
    }
}
