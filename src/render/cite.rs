//! Citing a report: the facts of one report as a reference (`Citation`), and each form it is
//! written in, escaped for that form and no other:
//!
//! - the APA 7 reference for the page's "Citeer dit rapport" box (`apa`: text parts, the
//!   title marked, which Tera escapes for HTML);
//! - BibTeX (`bibtex`) and RIS (`ris`) for the downloads beside the page;
//! - Highwire Press `citation_*` meta tags (`meta_tags`), which Google Scholar and reference
//!   managers read;
//! - the report's JSON-LD (`json_ld`).
//!
//! The authors are those of `authors:` in the front matter; without them the publisher (or,
//! without a publisher, the site) is the author, as an organisation. The date keeps the
//! precision the front matter gives it; without one APA writes "z.d." and the other forms
//! leave the date out.

use crate::model::entry::Date;
use crate::model::{Author, Report, Site, routes};

use super::views::absolute;

/// Everything a reference to a report says.
#[derive(Debug, Clone)]
pub(crate) struct Citation {
    /// Persons and organisations, in order; never empty.
    pub(crate) authors: Vec<Author>,
    /// The report's title with its subtitle (`Titel: Ondertitel`).
    pub(crate) title: String,
    pub(crate) date: Option<Date>,
    /// The publisher, or the site when the report names none.
    pub(crate) publisher: String,
    /// The site's title.
    pub(crate) site: String,
    /// Absolute URL of the report's page.
    pub(crate) url: String,
    pub(crate) number: Option<String>,
    pub(crate) series: Option<String>,
    /// Absolute URL of the series' page.
    pub(crate) series_url: Option<String>,
    pub(crate) edition: Option<String>,
    /// Absolute URL of the PDF the report links to.
    pub(crate) pdf: Option<String>,
    pub(crate) summary: Option<String>,
    pub(crate) themes: Vec<String>,
    /// The BibTeX key: the report's slug and year.
    pub(crate) key: String,
}

/// A piece of the APA reference: text, the title (in italics) or the URL (a link).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub(crate) struct Part {
    pub(crate) text: String,
    pub(crate) title: bool,
    pub(crate) link: bool,
}

/// `citation` in report.html: the "Citeer dit rapport" box.
#[derive(serde::Serialize)]
pub(crate) struct CitationView {
    /// The APA reference in parts; `title` parts are the title, in italics.
    pub(crate) apa: Vec<Part>,
    /// URLs of the BibTeX and RIS downloads.
    pub(crate) bib: String,
    pub(crate) ris: String,
    /// URL of the script that adds the copy button.
    pub(crate) script: String,
}

impl Citation {
    /// The citation of `report` on `site`.
    pub(crate) fn of(site: &Site<'_>, report: &Report) -> Citation {
        let config = site.config;
        let c = &report.common;
        let publisher = report
            .publisher
            .as_deref()
            .map(one_line)
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| one_line(&config.title));
        let authors = if report.authors.is_empty() {
            vec![Author::Organisation(publisher.clone())]
        } else {
            report.authors.clone()
        };
        let editions = site.editions(report);
        Citation {
            authors,
            title: full_title(&c.title, report.subtitle.as_deref()),
            date: c.date,
            publisher,
            site: one_line(&config.title),
            url: absolute(config, &c.url),
            number: report.number.as_deref().map(one_line),
            series: editions.as_ref().map(|e| one_line(e.series.name)),
            series_url: editions.as_ref().map(|e| absolute(config, &e.series.url)),
            edition: report.edition.as_deref().map(one_line),
            pdf: site
                .pdf_of(report)
                .map(|u| absolute(config, &encode_path(&u))),
            summary: c.summary.as_deref().map(one_line),
            themes: report.themes.iter().map(|t| one_line(t)).collect(),
            key: match c.date {
                Some(d) => format!("{}-{}", c.slug, d.year),
                None => c.slug.clone(),
            },
        }
    }

    /// The APA 7 reference, in parts: `Auteur. (2025). `, the title, ` (reeks, editie).
    /// Uitgever. https://…`.
    pub(crate) fn apa(&self) -> Vec<Part> {
        let text = |t: String| Part {
            text: t,
            title: false,
            link: false,
        };
        let mut out = Vec::new();
        let authors = apa_authors(&self.authors);
        let date = self.date.map_or_else(|| "z.d.".to_string(), |d| d.apa());
        let after_authors = if authors.ends_with('.') { " " } else { ". " };
        out.push(text(format!("{authors}{after_authors}({date}). ")));
        out.push(Part {
            text: self.title.clone(),
            title: true,
            link: false,
        });
        let detail: Vec<String> = [
            self.series.clone(),
            self.edition.clone(),
            self.number.as_ref().map(|n| format!("nr. {n}")),
        ]
        .into_iter()
        .flatten()
        .collect();
        let mut rest = String::new();
        if !detail.is_empty() {
            rest.push_str(&format!(" ({})", detail.join(", ")));
        }
        if !(detail.is_empty() && ends_with_punctuation(&self.title)) {
            rest.push('.');
        }
        // The publisher, unless it is the author; the site, unless it is either.
        let sole_author = match self.authors.as_slice() {
            [Author::Organisation(name)] => Some(name.as_str()),
            _ => None,
        };
        let mut sources = Vec::new();
        if sole_author != Some(self.publisher.as_str()) {
            sources.push(&self.publisher);
        }
        if self.site != self.publisher && sole_author != Some(self.site.as_str()) {
            sources.push(&self.site);
        }
        for source in sources {
            rest.push(' ');
            rest.push_str(source);
            if !ends_with_punctuation(source) {
                rest.push('.');
            }
        }
        rest.push(' ');
        out.push(text(rest));
        out.push(Part {
            text: self.url.clone(),
            title: false,
            link: true,
        });
        out
    }

    /// A BibTeX `@techreport`; every value escaped for BibTeX and LaTeX.
    pub(crate) fn bibtex(&self) -> String {
        let mut fields: Vec<(&str, String)> = Vec::new();
        let authors: Vec<String> = self
            .authors
            .iter()
            .map(|a| match a {
                // Braced, so that BibTeX neither splits a name at an "and" in it nor reads
                // particles as parts of its own.
                Author::Person { family, given } => {
                    format!("{{{}}}, {{{}}}", bib(family), bib(given))
                }
                Author::Organisation(name) => format!("{{{}}}", bib(name)),
            })
            .collect();
        fields.push(("author", authors.join(" and ")));
        // Braced once more, so that styles keep the title's capitals.
        fields.push(("title", format!("{{{}}}", bib(&self.title))));
        fields.push(("institution", bib(&self.publisher)));
        fields.push(("type", "Rapport".to_string()));
        if let Some(number) = &self.number {
            fields.push(("number", bib(number)));
        }
        if let Some(series) = &self.series {
            fields.push(("series", bib(series)));
        }
        if let Some(edition) = &self.edition {
            fields.push(("note", bib(edition)));
        }
        if let Some(date) = self.date {
            fields.push(("year", date.year.to_string()));
            // BibLaTeX reads `date` at any precision; BibTeX reads `year` and `month`.
            fields.push(("date", date.iso()));
        }
        fields.push(("url", url_for_tex(&self.url)));
        if let Some(pdf) = &self.pdf {
            fields.push(("file", url_for_tex(pdf)));
        }
        fields.push(("langid", "dutch".to_string()));
        if !self.themes.is_empty() {
            fields.push(("keywords", bib(&self.themes.join(", "))));
        }
        if let Some(summary) = &self.summary {
            fields.push(("abstract", bib(summary)));
        }
        let mut out = format!("@techreport{{{},\n", self.key);
        for (name, value) in fields {
            out.push_str(&format!("  {name} = {{{value}}},\n"));
        }
        // The month as BibTeX's own macro (`mar`), which styles print in the document's
        // language.
        if let Some(month) = self.date.and_then(|d| d.bibtex_month()) {
            out.push_str(&format!("  month = {month},\n"));
        }
        out.push_str("}\n");
        out
    }

    /// An RIS record (`TY  - RPRT` … `ER  - `), one tag per line, CRLF line ends; no value
    /// holds a line break.
    pub(crate) fn ris(&self) -> String {
        let mut lines: Vec<(&str, String)> = vec![("TY", "RPRT".to_string())];
        for author in &self.authors {
            let name = match author {
                Author::Person { family, given } => format!("{family}, {given}"),
                Author::Organisation(name) => name.clone(),
            };
            lines.push(("AU", name));
        }
        lines.push(("TI", self.title.clone()));
        if let Some(series) = &self.series {
            lines.push(("T3", series.clone()));
        }
        if let Some(edition) = &self.edition {
            lines.push(("ET", edition.clone()));
        }
        if let Some(date) = self.date {
            lines.push(("PY", date.year.to_string()));
            lines.push(("DA", date.slashed(true)));
        }
        lines.push(("PB", self.publisher.clone()));
        if let Some(number) = &self.number {
            lines.push(("SN", number.clone()));
        }
        lines.push(("UR", self.url.clone()));
        if let Some(pdf) = &self.pdf {
            lines.push(("L1", pdf.clone()));
        }
        lines.push(("LA", "nl".to_string()));
        for theme in &self.themes {
            lines.push(("KW", theme.clone()));
        }
        if let Some(summary) = &self.summary {
            lines.push(("AB", summary.clone()));
        }
        let mut out = String::new();
        for (tag, value) in lines {
            out.push_str(&format!("{tag}  - {}\r\n", one_line(&value)));
        }
        out.push_str("ER  - \r\n");
        out
    }

    /// Highwire Press tags for `<head>`: (name, content); the template escapes the content.
    pub(crate) fn meta_tags(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![("citation_title", self.title.clone())];
        for author in &self.authors {
            out.push((
                "citation_author",
                match author {
                    Author::Person { family, given } => format!("{family}, {given}"),
                    Author::Organisation(name) => name.clone(),
                },
            ));
        }
        if let Some(date) = self.date {
            out.push(("citation_publication_date", date.slashed(false)));
        }
        out.push(("citation_publisher", self.publisher.clone()));
        out.push((
            "citation_technical_report_institution",
            self.publisher.clone(),
        ));
        if let Some(number) = &self.number {
            out.push(("citation_technical_report_number", number.clone()));
        }
        if let Some(pdf) = &self.pdf {
            out.push(("citation_pdf_url", pdf.clone()));
        }
        out.push(("citation_abstract_html_url", self.url.clone()));
        out.push(("citation_language", "nl".to_string()));
        if !self.themes.is_empty() {
            out.push(("citation_keywords", self.themes.join("; ")));
        }
        out
    }

    /// JSON-LD for `report` (whose citation this is), safe inside
    /// `<script type="application/ld+json">`. JSON holds any text, so the title, summary and
    /// publisher are the report's own, not put on one line.
    pub(crate) fn json_ld(&self, report: &Report, image_url: Option<&str>) -> String {
        let authors: Vec<serde_json::Value> = self
            .authors
            .iter()
            .map(|a| match a {
                Author::Person { family, given } => serde_json::json!({
                    "@type": "Person",
                    "name": a.name(),
                    "familyName": family,
                    "givenName": given,
                }),
                Author::Organisation(name) => {
                    serde_json::json!({"@type": "Organization", "name": name})
                }
            })
            .collect();
        let publisher = match report.publisher.as_deref() {
            Some(p) if !p.trim().is_empty() => p,
            _ => &self.publisher,
        };
        let mut value = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "Report",
            "name": report.common.title,
            "headline": report.common.title,
            "alternativeHeadline": report.subtitle,
            "description": report.common.summary,
            "author": authors,
            "publisher": {"@type": "Organization", "name": publisher},
            "inLanguage": "nl",
            "url": self.url,
            "keywords": report.themes.join(", "),
        });
        let map = value.as_object_mut().expect("an object");
        if let Some(image) = image_url {
            map.insert("image".into(), image.into());
        }
        if let Some(date) = self.date {
            map.insert("datePublished".into(), date.iso().into());
        }
        if let Some(number) = &self.number {
            map.insert("reportNumber".into(), number.clone().into());
        }
        if let Some(edition) = &self.edition {
            map.insert("version".into(), edition.clone().into());
        }
        if let Some(series) = &report.series
            && self.series.is_some()
        {
            map.insert(
                "isPartOf".into(),
                serde_json::json!({
                    "@type": "CreativeWorkSeries",
                    "name": series,
                    "url": self.series_url,
                }),
            );
        }
        if let Some(pdf) = &self.pdf {
            map.insert(
                "encoding".into(),
                serde_json::json!({
                    "@type": "MediaObject",
                    "contentUrl": pdf,
                    "encodingFormat": "application/pdf",
                }),
            );
        }
        super::cards::script_safe(&value.to_string())
    }
}

/// The files of the downloads of the report at `url`, beside its page: `.bib` and `.ris`.
pub(crate) fn files(report: &Report) -> [String; 2] {
    routes::citation_files(&report.common.url, &report.common.slug)
}

/// `Titel: Ondertitel`, the subtitle's first letter a capital (APA); a title that ends in
/// `?`, `!` or `:` is followed by a space only, and a full stop at the end is dropped (the
/// reference puts its own).
fn full_title(title: &str, subtitle: Option<&str>) -> String {
    let title = drop_full_stop(&one_line(title)).to_string();
    let joined = match subtitle.map(one_line).filter(|s| !s.is_empty()) {
        None => title,
        Some(sub) => {
            let mut chars = sub.chars();
            let sub: String = match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => sub,
            };
            if title.ends_with(['?', '!', ':']) {
                format!("{title} {sub}")
            } else {
                format!("{title}: {sub}")
            }
        }
    };
    drop_full_stop(&joined).to_string()
}

/// `text` without one full stop at its end; an ellipsis (`...`) stays.
fn drop_full_stop(text: &str) -> &str {
    match text.strip_suffix('.') {
        Some(rest) if !rest.ends_with('.') => rest,
        _ => text,
    }
}

fn ends_with_punctuation(text: &str) -> bool {
    text.ends_with(['?', '!', '.'])
}

/// APA 7 authors: `de Vries, M., & Jansen, P. A.`; from 21 authors on, the first 19, `…` and
/// the last.
fn apa_authors(authors: &[Author]) -> String {
    let names: Vec<String> = authors.iter().map(apa_name).collect();
    match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        2 => format!("{}, & {}", names[0], names[1]),
        n if n <= 20 => format!("{}, & {}", names[..n - 1].join(", "), names[n - 1]),
        n => format!("{}, … {}", names[..19].join(", "), names[n - 1]),
    }
}

/// `de Vries, M. A.` for a person (initials of the given names, `A.-M.` for `Anne-Marie`),
/// the name for an organisation.
fn apa_name(author: &Author) -> String {
    match author {
        Author::Organisation(name) => name.clone(),
        Author::Person { family, given } => {
            let initials: Vec<String> = given
                .split_whitespace()
                .map(|name| {
                    name.split('-')
                        .filter_map(|part| part.chars().find(|c| c.is_alphabetic()))
                        .map(|c| format!("{}.", c.to_uppercase()))
                        .collect::<Vec<_>>()
                        .join("-")
                })
                .filter(|i| !i.is_empty())
                .collect();
            if initials.is_empty() {
                family.clone()
            } else {
                format!("{family}, {}", initials.join(" "))
            }
        }
    }
}

/// `text` on one line: line breaks of any kind (also U+2028 and U+2029), tabs and other
/// control characters become spaces, runs of spaces one space.
pub(crate) fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || c.is_whitespace() {
                ' '
            } else {
                c
            }
        })
        .collect::<String>()
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text for a BibTeX value (inside braces): on one line, and every character that BibTeX or
/// LaTeX would read as markup written as the LaTeX command for it. Braces become
/// `\textbraceleft{}`/`\textbraceright{}` because BibTeX counts braces even after a
/// backslash.
fn bib(text: &str) -> String {
    let mut out = String::new();
    for c in one_line(text).chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' => out.push_str("\\textbraceleft{}"),
            '}' => out.push_str("\\textbraceright{}"),
            '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            c => out.push(c),
        }
    }
    out
}

/// A URL for a BibTeX `url` field, which LaTeX reads verbatim: braces, backslashes, spaces,
/// quotes, control characters and anything not ASCII percent-encoded (a URL kennis makes has
/// none of them; this keeps the field whole whatever `base_url` holds).
fn url_for_tex(url: &str) -> String {
    let mut out = String::new();
    for b in url.bytes() {
        match b {
            b'{' | b'}' | b'\\' | b' ' | b'"' => out.push_str(&format!("%{b:02X}")),
            b if !(0x20..0x7f).contains(&b) => out.push_str(&format!("%{b:02X}")),
            b => out.push(char::from(b)),
        }
    }
    out
}

/// A site-relative path with the characters a URL may not hold percent-encoded (a PDF named
/// `Bijlage 1.pdf`).
fn encode_path(path: &str) -> String {
    let mut out = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~!$&'()*+,;=:@".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(family: &str, given: &str) -> Author {
        Author::Person {
            family: family.into(),
            given: given.into(),
        }
    }

    fn citation() -> Citation {
        Citation {
            authors: vec![Author::Organisation("Testnetwerk".into())],
            title: "Leren".into(),
            date: Date::parse("2025"),
            publisher: "Testnetwerk".into(),
            site: "Testsite".into(),
            url: "https://test.example.nl/rapporten/leren/".into(),
            number: None,
            series: None,
            series_url: None,
            edition: None,
            pdf: None,
            summary: None,
            themes: Vec::new(),
            key: "leren-2025".into(),
        }
    }

    fn apa_text(c: &Citation) -> String {
        c.apa().into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn apa_names_authors_with_initials_and_an_ampersand() {
        let names = |authors: &[Author]| apa_authors(authors);
        assert_eq!(
            names(&[person("de Vries", "Marieke Anna")]),
            "de Vries, M. A."
        );
        assert_eq!(
            names(&[person("Jansen", "Anne-Marie"), person("Bakker", "P.")]),
            "Jansen, A.-M., & Bakker, P."
        );
        assert_eq!(
            names(&[
                person("A", "Bea"),
                person("C", "Dirk"),
                Author::Organisation("NJi".into())
            ]),
            "A, B., C, D., & NJi"
        );
        let many: Vec<Author> = (1..=22).map(|i| person(&format!("N{i}"), "X")).collect();
        let text = names(&many);
        assert!(text.starts_with("N1, X., N2, X.,") && text.contains("N19, X., … N22, X."));
        assert!(!text.contains("N20"), "{text}");
    }

    #[test]
    fn apa_omits_the_publisher_when_it_is_the_author_and_writes_z_d_without_a_date() {
        let mut c = citation();
        assert_eq!(
            apa_text(&c),
            "Testnetwerk. (2025). Leren. Testsite. https://test.example.nl/rapporten/leren/"
        );
        c.date = None;
        c.site = "Testnetwerk".into();
        assert_eq!(
            apa_text(&c),
            "Testnetwerk. (z.d.). Leren. https://test.example.nl/rapporten/leren/"
        );
        c.authors = vec![person("de Vries", "Marieke")];
        c.date = Date::parse("2025-03-01");
        c.series = Some("Reeks".into());
        c.number = Some("7".into());
        assert_eq!(
            apa_text(&c),
            "de Vries, M. (2025, 1 maart). Leren (Reeks, nr. 7). Testnetwerk. https://test.example.nl/rapporten/leren/"
        );
        let parts = c.apa();
        assert_eq!(parts.iter().filter(|p| p.title).count(), 1);
        assert_eq!(parts.iter().find(|p| p.title).unwrap().text, "Leren");
        assert!(parts.last().unwrap().link);
    }

    #[test]
    fn titles_join_their_subtitle_with_a_capital_and_lose_a_final_full_stop() {
        assert_eq!(
            full_title("Leren", Some("een onderzoek.")),
            "Leren: Een onderzoek"
        );
        assert_eq!(
            full_title("Wat werkt?", Some("een onderzoek")),
            "Wat werkt? Een onderzoek"
        );
        assert_eq!(full_title("Leren.", None), "Leren");
        assert_eq!(full_title("Enz...", None), "Enz...");
        assert_eq!(full_title("Twee\nregels", Some("  ")), "Twee regels");
    }

    #[test]
    fn bibtex_writes_every_special_character_as_a_latex_command_with_balanced_braces() {
        let hostile = "a{b}c\\d & 50% $x# y_z ~ ^ @ \"q\" \u{2028} end";
        let escaped = bib(hostile);
        assert_eq!(
            escaped,
            "a\\textbraceleft{}b\\textbraceright{}c\\textbackslash{}d \\& 50\\% \\$x\\# y\\_z \\textasciitilde{} \\textasciicircum{} @ \"q\" end"
        );
        // Every brace in the output is one that a command opens and closes.
        let mut depth = 0i32;
        for c in escaped.chars() {
            depth += match c {
                '{' => 1,
                '}' => -1,
                _ => 0,
            };
            assert!(depth >= 0);
        }
        assert_eq!(depth, 0);
        let mut c = citation();
        c.authors = vec![
            person("Smith and Sons", "Anna"),
            Author::Organisation("Kennis & Co".into()),
        ];
        c.title = hostile.into();
        c.date = Date::parse("2025-03");
        let text = c.bibtex();
        assert!(text.starts_with("@techreport{leren-2025,\n"));
        assert!(text.contains("  author = {{Smith and Sons}, {Anna} and {Kennis \\& Co}},\n"));
        assert!(text.contains("  year = {2025},\n  date = {2025-03},\n"));
        assert!(text.contains("  month = mar,\n"));
        assert!(text.ends_with("}\n"));
        assert_eq!(text.lines().count(), text.matches('\n').count());
    }

    #[test]
    fn ris_puts_one_tag_on_each_line_and_no_line_break_in_a_value() {
        let mut c = citation();
        c.title = "Twee\r\nregels\u{2028}en\u{85}meer\tER  - ".into();
        c.authors = vec![
            person("de Vries", "Marieke"),
            Author::Organisation("NJi".into()),
        ];
        c.date = Date::parse("2025-03");
        c.pdf = Some("https://test.example.nl/rapport.pdf".into());
        let text = c.ris();
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(lines.first(), Some(&"TY  - RPRT"));
        assert_eq!(lines[lines.len() - 2], "ER  - ");
        assert_eq!(lines.last(), Some(&""));
        for line in &lines[..lines.len() - 1] {
            assert!(
                !line.contains(['\n', '\r', '\u{2028}', '\u{85}']),
                "{line:?}"
            );
            assert_eq!(&line[2..6], "  - ", "{line:?}");
        }
        assert!(lines.contains(&"TI  - Twee regels en meer ER -"));
        assert!(lines.contains(&"AU  - de Vries, Marieke"));
        assert!(lines.contains(&"AU  - NJi"));
        assert!(lines.contains(&"DA  - 2025/03//"));
        assert!(lines.contains(&"L1  - https://test.example.nl/rapport.pdf"));
        assert_eq!(text.matches("ER  - ").count(), 1);
    }

    #[test]
    fn highwire_tags_and_json_ld_carry_the_date_at_its_precision() {
        let mut c = citation();
        c.date = Date::parse("2025-03");
        c.number = Some("12".into());
        let tags = c.meta_tags();
        let get = |name: &str| {
            tags.iter()
                .filter(|(n, _)| *n == name)
                .map(|(_, v)| v.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(get("citation_publication_date"), ["2025/03"]);
        assert_eq!(get("citation_technical_report_number"), ["12"]);
        assert_eq!(get("citation_author"), ["Testnetwerk"]);
        assert!(get("citation_pdf_url").is_empty());
        c.date = None;
        assert!(
            c.meta_tags()
                .iter()
                .all(|(n, _)| *n != "citation_publication_date")
        );
    }

    #[test]
    fn urls_in_bibtex_and_pdf_paths_are_encoded() {
        assert_eq!(
            url_for_tex("https://x.nl/a b{c}\\\"é"),
            "https://x.nl/a%20b%7Bc%7D%5C%22%C3%A9"
        );
        assert_eq!(
            encode_path("/rapporten/x/Bijlage 1.pdf"),
            "/rapporten/x/Bijlage%201.pdf"
        );
        assert_eq!(encode_path("/a/é#?.pdf"), "/a/%C3%A9%23%3F.pdf");
    }
}
