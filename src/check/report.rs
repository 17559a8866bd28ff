//! The HTML report of `kennis check --report`: what was checked, when, per page, with every
//! finding (each as `diag` writes it). All text goes through the markup serializer, which
//! escapes it.

use crate::config::Readability;
use crate::diag::Diagnostic;
use crate::messages::{self, Language, Text, counted};

use super::{Checked, PageStats, RULES};

/// What the report shows.
pub(crate) struct ReportInput<'a> {
    /// The site root that was checked.
    pub(crate) root: &'a std::path::Path,
    /// (name, title) of every site.
    pub(crate) sites: &'a [(String, String)],
    /// When the check ran, as text.
    pub(crate) when: &'a str,
    pub(crate) checked: &'a Checked,
    /// Every diagnostic: the model's and the rules'.
    pub(crate) diagnostics: &'a [&'a Diagnostic],
    pub(crate) readability: &'a Readability,
}

const REPORT_CSS: &str = "body{font-family:system-ui,sans-serif;line-height:1.5;margin:0;color:#1b1b1b;background:#fff}\
main{max-width:72rem;margin:0 auto;padding:1rem 1.5rem 3rem}\
table{border-collapse:collapse;margin:1rem 0;width:100%}\
th,td{border:1px solid #6b6b6b;padding:.3rem .5rem;text-align:left;vertical-align:top}\
th{background:#eaf1f7}\
td.n{text-align:right;font-variant-numeric:tabular-nums}\
.fout{color:#a4000f;font-weight:bold}.advies{color:#6b4a00;font-weight:bold}.goed{color:#1e6b2f;font-weight:bold}\
code,pre{font-family:ui-monospace,monospace;font-size:.9em}\
pre{background:#f4f4f4;padding:.4rem;overflow-x:auto;white-space:pre-wrap}\
.scroll{overflow-x:auto}\
li{margin-bottom:.8rem}\
a:focus,td:focus,div:focus{outline:3px solid #1d5a8c;outline-offset:2px}";

fn cell(text: impl Into<String>) -> crate::markup::Element {
    crate::markup::Element::new("td").text(text)
}

fn num_cell(n: impl ToString) -> crate::markup::Element {
    crate::markup::Element::new("td")
        .attr("class", "n")
        .text(n.to_string())
}

/// The header row of a table, from the column names between `|`.
fn header_row(names: &Text) -> crate::markup::Element {
    use crate::markup::Element;
    Element::new("thead").child(
        Element::new("tr").children(
            names
                .as_str()
                .split('|')
                .map(|n| Element::new("th").attr("scope", "col").text(n)),
        ),
    )
}

fn scroll(label: &Text, table: crate::markup::Element) -> crate::markup::Element {
    crate::markup::Element::new("div")
        .attr("class", "scroll")
        .attr("tabindex", "0")
        .attr("role", "region")
        .attr("aria-label", label.to_string())
        .child(table)
}

/// The accessibility and quality report: what was checked, when, per page, with every
/// finding, in the language of the run (its `lang`). Text that stays English whatever the run
/// speaks (the names of WCAG's criteria) is marked so. All
/// text goes through the markup serializer, which escapes it.
pub(crate) fn report_html(input: &ReportInput<'_>) -> String {
    use crate::markup::{Element, escape};
    let language = messages::language();
    // Marks text that is English in a report that is not.
    let english = |e: Element| {
        if language == Language::English {
            e
        } else {
            e.attr("lang", "en")
        }
    };
    let checked = input.checked;
    let errors = input
        .diagnostics
        .iter()
        .filter(|d| d.severity == crate::diag::Severity::Error)
        .count();
    let warnings = input.diagnostics.len() - errors;
    let pages = &checked.pages;
    let total = |f: fn(&PageStats) -> usize| pages.iter().map(f).sum::<usize>();

    let mut main = Element::new("main").attr("id", "inhoud");
    main.push(Element::new("h1").text(messages::report_heading()));
    let site_names: Vec<String> = input
        .sites
        .iter()
        .map(|(name, title)| format!("{title} ({name})"))
        .collect();
    // The sentence with the command as code in it: the text on either side of the command.
    const COMMAND: &str = "\u{E000}";
    let made_with = messages::report_made_with(
        COMMAND,
        input.when,
        input.root.display(),
        site_names.join(", "),
    );
    let (before, after) = made_with
        .as_str()
        .split_once(COMMAND)
        .unwrap_or((made_with.as_str(), ""));
    main.push(
        Element::new("p")
            .text(before)
            .child(Element::new("code").text("kennis check"))
            .text(after),
    );
    let advice = counted(
        warnings,
        messages::count_advice_one,
        messages::count_advices,
    );
    let verdict = if errors == 0 {
        Element::new("p")
            .attr("class", "goed")
            .text(messages::report_verdict_clean(advice))
    } else {
        let errors = counted(errors, messages::count_error_one, messages::count_errors);
        Element::new("p")
            .attr("class", "fout")
            .text(messages::report_verdict_errors(errors, advice))
    };
    main.push(verdict);
    main.push(Element::new("ul").children([
        Element::new("li").text(messages::report_pages_checked(counted(
            pages.len(),
            messages::count_page_one,
            messages::count_pages,
        ))),
        Element::new("li").text(messages::report_links(
            total(|p| p.internal_links),
            total(|p| p.broken_links),
            total(|p| p.external_links),
        )),
        Element::new("li").text(messages::report_images(
            total(|p| p.images),
            total(|p| p.images_without_alt),
        )),
        Element::new("li").text(messages::report_headings(
            total(|p| p.headings),
            total(|p| p.figures),
        )),
        Element::new("li").text(messages::report_long_sentences(
            total(|p| p.long_sentences),
            total(|p| p.sentences),
            input.readability.max_sentence_words,
        )),
    ]));

    // What was checked.
    main.push(Element::new("h2").text(messages::report_what_was_checked()));
    let rules = Element::new("table")
        .child(Element::new("caption").text(messages::report_rules_caption()))
        .child(header_row(&messages::report_rules_columns()))
        .child(Element::new("tbody").children(RULES.iter().map(|r| {
            let kind = if r.errors {
                messages::report_kind_error()
            } else {
                messages::report_kind_advice()
            };
            Element::new("tr")
                .child(Element::new("td").child(Element::new("code").text(r.rule.id())))
                .child(cell((r.what)()))
                .child(english(cell(r.wcag.unwrap_or("–"))))
                .child(cell(kind))
        })));
    main.push(scroll(&messages::report_rules_region(), rules));
    main.push(Element::new("p").text(messages::report_beyond_the_rules()));

    // Contrast.
    main.push(Element::new("h2").text(messages::report_contrast_heading()));
    for theme in &checked.contrast {
        let table = Element::new("table")
            .child(
                Element::new("caption")
                    .text(messages::report_theme_caption(&theme.theme, &theme.site)),
            )
            .child(header_row(&messages::report_contrast_columns()))
            .child(Element::new("tbody").children(theme.pairs.iter().map(
                |(what, fg, bg, ratio, min)| {
                    let ok = ratio >= min;
                    let result = if ok {
                        messages::report_contrast_passes()
                    } else {
                        messages::report_contrast_fails()
                    };
                    Element::new("tr")
                        .child(cell(what.clone()))
                        .child(Element::new("td").child(Element::new("code").text(fg.clone())))
                        .child(Element::new("td").child(Element::new("code").text(bg.clone())))
                        .child(num_cell(format!("{ratio:.2}:1")))
                        .child(num_cell(format!("{min}:1")))
                        .child(
                            Element::new("td")
                                .attr("class", if ok { "goed" } else { "fout" })
                                .text(result),
                        )
                },
            )));
        main.push(scroll(
            &messages::report_contrast_region(&theme.theme),
            table,
        ));
    }

    // Per page.
    main.push(Element::new("h2").text(messages::report_per_page()));
    let count_for = |file: &std::path::Path, severity: crate::diag::Severity| {
        input
            .diagnostics
            .iter()
            .filter(|d| d.severity == severity && d.span.as_ref().is_some_and(|s| s.file == file))
            .count()
    };
    let rows = pages.iter().map(|p| {
        Element::new("tr")
            .child(
                Element::new("th")
                    .attr("scope", "row")
                    .text(p.title.clone())
                    .child(Element::new("br"))
                    .child(Element::new("code").text(p.url.clone())),
            )
            .child(
                Element::new("td")
                    .child(Element::new("code").text(p.file.to_string_lossy().replace('\\', "/"))),
            )
            // The `type:` of the front matter, as the editor writes it.
            .child(Element::new("td").child(Element::new("code").text(p.kind)))
            .child(if p.sites.is_empty() {
                cell(messages::report_on_no_site())
            } else {
                cell(p.sites.join(", "))
            })
            .child(num_cell(p.headings))
            .child(num_cell(p.figures))
            .child(num_cell(format!(
                "{} / {}",
                p.internal_links, p.broken_links
            )))
            .child(num_cell(format!("{} / {}", p.images, p.images_without_alt)))
            .child(num_cell(p.words))
            .child(num_cell(
                p.score().map_or("–".to_string(), |s| format!("{s:.0}")),
            ))
            .child(num_cell(p.long_sentences))
            .child(num_cell(count_for(&p.file, crate::diag::Severity::Error)))
            .child(num_cell(count_for(&p.file, crate::diag::Severity::Warning)))
    });
    let table = Element::new("table")
        .child(
            Element::new("caption").text(messages::report_per_page_caption(
                input.readability.min_score,
            )),
        )
        .child(header_row(&messages::report_page_columns()))
        .child(Element::new("tbody").children(rows));
    main.push(scroll(&messages::report_per_page(), table));

    // Findings.
    main.push(Element::new("h2").text(messages::report_findings()));
    if input.diagnostics.is_empty() {
        main.push(Element::new("p").text(messages::report_no_findings()));
    } else {
        let items = input
            .diagnostics
            .iter()
            .map(|d| crate::diag::report_item(d));
        main.push(Element::new("ol").children(items));
    }

    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{REPORT_CSS}</style>\n</head>\n<body>\n{}\n</body>\n</html>\n",
        language.code(),
        escape(messages::report_title(site_names.join(", "), input.when).as_str()),
        main.to_markup()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::speaking;

    fn report() -> String {
        let checked = Checked::default();
        report_html(&ReportInput {
            root: std::path::Path::new("/site"),
            sites: &[("test".to_string(), "Testsite".to_string())],
            when: "2025-03-01 10:00 UTC",
            checked: &checked,
            diagnostics: &[],
            readability: &Readability::default(),
        })
    }

    #[test]
    fn the_report_is_in_the_language_of_the_run_and_says_so() {
        let dutch = report();
        assert!(
            dutch.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"),
            "{dutch}"
        );
        for part in [
            "<h1>Toegankelijkheids- en kwaliteitsrapport</h1>",
            "<p>Gemaakt met <code>kennis check</code> op 2025-03-01 10:00 UTC, over de inhoud in /site. Sites: Testsite (test).</p>",
            "Geen fouten gevonden; 0 adviezen (waarschuwingen).",
            "<th scope=\"col\">Regel</th>",
            "<td lang=\"en\">1.1.1 Non-text Content</td>",
        ] {
            assert!(dutch.contains(part), "{part}: {dutch}");
        }
        let english = speaking(Language::English, report);
        assert!(
            english.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"),
            "{english}"
        );
        assert!(english.contains("<h1>Accessibility and quality report</h1>"));
        assert!(
            english.contains("<td>1.1.1 Non-text Content</td>"),
            "{english}"
        );
    }
}
