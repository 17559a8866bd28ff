//! The HTML report of `kennis check --report`: what was checked, when, per page, with every
//! finding (each as `diag` writes it). All text goes through the markup serializer, which
//! escapes it.

use crate::config::Readability;
use crate::diag::Diagnostic;

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

fn header_row(names: &[&str]) -> crate::markup::Element {
    use crate::markup::Element;
    Element::new("thead").child(
        Element::new("tr").children(
            names
                .iter()
                .map(|n| Element::new("th").attr("scope", "col").text(n.to_string())),
        ),
    )
}

fn scroll(label: &str, table: crate::markup::Element) -> crate::markup::Element {
    crate::markup::Element::new("div")
        .attr("class", "scroll")
        .attr("tabindex", "0")
        .attr("role", "region")
        .attr("aria-label", label.to_string())
        .child(table)
}

/// The accessibility and quality report: what was checked, when, per page, with every
/// finding. All text goes through the markup serializer, which escapes it.
pub(crate) fn report_html(input: &ReportInput<'_>) -> String {
    use crate::markup::{Element, escape};
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
    main.push(Element::new("h1").text("Toegankelijkheids- en kwaliteitsrapport"));
    let site_names: Vec<String> = input
        .sites
        .iter()
        .map(|(name, title)| format!("{title} ({name})"))
        .collect();
    main.push(
        Element::new("p")
            .text("Gemaakt met ")
            .child(Element::new("code").text("kennis check"))
            .text(format!(
                " op {}, over de inhoud in {}. Sites: {}.",
                input.when,
                input.root.display(),
                site_names.join(", ")
            )),
    );
    let verdict = if errors == 0 {
        Element::new("p").attr("class", "goed").text(format!(
            "Geen fouten gevonden; {warnings} adviezen (waarschuwingen)."
        ))
    } else {
        Element::new("p").attr("class", "fout").text(format!(
            "{errors} fouten en {warnings} adviezen (waarschuwingen) gevonden. Los de fouten op voor publicatie."
        ))
    };
    main.push(verdict);
    main.push(Element::new("ul").children([
        Element::new("li").text(format!("{} pagina's gecontroleerd", pages.len())),
        Element::new("li").text(format!(
            "{} interne links en afbeeldingen gevolgd, {} kapot; {} externe links (niet gevolgd)",
            total(|p| p.internal_links),
            total(|p| p.broken_links),
            total(|p| p.external_links)
        )),
        Element::new("li").text(format!(
            "{} afbeeldingen in de tekst, {} zonder alternatieve tekst",
            total(|p| p.images),
            total(|p| p.images_without_alt)
        )),
        Element::new("li").text(format!(
            "{} koppen en {} infographics (elk met tekstalternatief en tabel)",
            total(|p| p.headings),
            total(|p| p.figures)
        )),
        Element::new("li").text(format!(
            "{} van {} zinnen langer dan {} woorden",
            total(|p| p.long_sentences),
            total(|p| p.sentences),
            input.readability.max_sentence_words
        )),
    ]));

    // What was checked.
    main.push(Element::new("h2").text("Wat is gecontroleerd"));
    let rules = Element::new("table")
        .child(Element::new("caption").text("De regels van kennis check"))
        .child(header_row(&["Regel", "Wat", "WCAG 2.2", "Soort"]))
        .child(Element::new("tbody").children(RULES.iter().map(|r| {
            Element::new("tr")
                .child(Element::new("td").child(Element::new("code").text(r.rule.id())))
                .child(cell(r.what).attr("lang", "en"))
                .child(cell(r.wcag.unwrap_or("–")).attr("lang", "en"))
                .child(cell(if r.errors { "fout" } else { "advies" }))
        })));
    main.push(scroll("Regels", rules));
    main.push(Element::new("p").text(
        "Daarnaast maakt kennis elke pagina met één h1, een skiplink, landmarks, een taalattribuut, en bij elke infographic een toegankelijke naam, beschrijving en tabel met dezelfde gegevens. \
         Een automatische controle dekt maar een deel van WCAG: toetsenbordbediening, schermlezers, zoomen tot 200 % en de betekenis van teksten vragen een handmatige controle.",
    ));

    // Contrast.
    main.push(Element::new("h2").text("Contrast van de kleurpaletten"));
    for theme in &checked.contrast {
        let table = Element::new("table")
            .child(
                Element::new("caption")
                    .text(format!("Thema {} (site {})", theme.theme, theme.site)),
            )
            .child(header_row(&[
                "Kleurpaar",
                "Voorgrond",
                "Achtergrond",
                "Contrast",
                "Minimum",
                "Resultaat",
            ]))
            .child(Element::new("tbody").children(theme.pairs.iter().map(
                |(what, fg, bg, ratio, min)| {
                    let ok = ratio >= min;
                    Element::new("tr")
                        .child(cell(*what).attr("lang", "en"))
                        .child(Element::new("td").child(Element::new("code").text(fg.clone())))
                        .child(Element::new("td").child(Element::new("code").text(bg.clone())))
                        .child(num_cell(format!("{ratio:.2}:1")))
                        .child(num_cell(format!("{min}:1")))
                        .child(
                            Element::new("td")
                                .attr("class", if ok { "goed" } else { "fout" })
                                .text(if ok { "voldoet" } else { "voldoet niet" }),
                        )
                },
            )));
        main.push(scroll(&format!("Contrast thema {}", theme.theme), table));
    }

    // Per page.
    main.push(Element::new("h2").text("Per pagina"));
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
            .child(cell(p.kind))
            .child(cell(if p.sites.is_empty() {
                "geen".to_string()
            } else {
                p.sites.join(", ")
            }))
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
        .child(Element::new("caption").text(format!(
            "Per pagina: links als gevolgd / kapot, afbeeldingen als totaal / zonder alt-tekst; Flesch-Douma (hoger is makkelijker, advies vanaf {})",
            input.readability.min_score
        )))
        .child(header_row(&[
            "Pagina",
            "Bestand",
            "Soort",
            "Sites",
            "Koppen",
            "Infographics",
            "Interne links",
            "Afbeeldingen",
            "Woorden",
            "Flesch-Douma",
            "Lange zinnen",
            "Fouten",
            "Adviezen",
        ]))
        .child(Element::new("tbody").children(rows));
    main.push(scroll("Per pagina", table));

    // Findings.
    main.push(Element::new("h2").text("Bevindingen"));
    if input.diagnostics.is_empty() {
        main.push(Element::new("p").text("Geen."));
    } else {
        let items = input
            .diagnostics
            .iter()
            .map(|d| crate::diag::report_item(d));
        main.push(Element::new("ol").children(items));
    }

    format!(
        "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{REPORT_CSS}</style>\n</head>\n<body>\n{}\n</body>\n</html>\n",
        escape(&format!(
            "Controlerapport {} – {}",
            site_names.join(", "),
            input.when
        )),
        main.to_markup()
    )
}
