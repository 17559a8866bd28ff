//! Front matter → typed entries. `RawFrontMatter` is what the editor wrote; `Report`,
//! `Persona`, `Page` and `Section` are what the rest of kennis reads. Slugs and URLs are decided
//! here and nowhere else.

use crate::messages::{self, Text};
use serde::Deserialize;

use crate::blocks::persona::Card;
use crate::blocks::route::Stop;
use crate::diag::{Diagnostic, suggest};
use crate::source::{SourceFile, parse_yaml, split_front_matter};

use super::body::Body;
pub(crate) use crate::slug::slugify;

/// Front matter exactly as written; every field optional so that each type can say which it
/// needs, and unknown fields rejected by serde with their line.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFrontMatter {
    title: Option<String>,
    subtitle: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    series: Option<String>,
    edition: Option<String>,
    date: Option<DateValue>,
    publisher: Option<String>,
    authors: Option<Vec<String>>,
    number: Option<DateValue>,
    themes: Option<Vec<String>>,
    summary: Option<String>,
    personas: Option<Vec<String>>,
    image: Option<String>,
    sites: Option<Vec<String>>,
    draft: Option<bool>,
    name: Option<String>,
    age: Option<u32>,
    education: Option<Vec<String>>,
    experience: Option<String>,
    report: Option<String>,
    route: Option<Vec<Stop>>,
}

/// A date or report number as written: YAML reads `2025-03` as text and `2025` as a number.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum DateValue {
    Text(String),
    Number(i64),
}

const REPORT_FIELDS: &[&str] = &[
    "title",
    "subtitle",
    "type",
    "series",
    "edition",
    "date",
    "publisher",
    "authors",
    "number",
    "themes",
    "summary",
    "personas",
    "image",
    "sites",
    "draft",
];
const PERSONA_FIELDS: &[&str] = &[
    "type",
    "name",
    "title",
    "age",
    "education",
    "experience",
    "report",
    "summary",
    "route",
    "sites",
    "draft",
    "date",
];
const PAGE_FIELDS: &[&str] = &["title", "type", "summary", "sites", "draft", "date"];
const TYPES: &[&str] = &["report", "persona", "page"];

/// A date at the precision the source gives: a year (`2025`), a month (`2025-03`) or a day
/// (`2025-03-01`). A day implies a month.
///
/// Dates sort by the first day of their period, and on a tie the less precise one first: `2025`
/// comes before `2025-01` and `2025-01-01`, all before `2025-01-02`. So in a newest-first list a
/// report dated `2025` comes after every report of 2025 with a known month or day: kennis does
/// not know that it is newer, so it does not put it first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Date {
    pub(crate) year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// Month abbreviations of BibTeX (its macros `jan` … `dec`).
const BIBTEX_MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

impl Date {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the month and day exist.
    pub(crate) fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        let digits = |range: std::ops::Range<usize>| {
            b[range.clone()]
                .iter()
                .all(u8::is_ascii_digit)
                .then(|| &text[range])
        };
        let year: u16 = match b.len() {
            4 | 7 | 10 => digits(0..4)?.parse().ok()?,
            _ => return None,
        };
        if year < 1000 {
            return None;
        }
        if b.len() == 4 {
            return Some(Date {
                year,
                month: None,
                day: None,
            });
        }
        if b[4] != b'-' {
            return None;
        }
        let month: u8 = digits(5..7)?.parse().ok()?;
        if !(1..=12).contains(&month) {
            return None;
        }
        if b.len() == 7 {
            return Some(Date {
                year,
                month: Some(month),
                day: None,
            });
        }
        if b[7] != b'-' {
            return None;
        }
        let day: u8 = digits(8..10)?.parse().ok()?;
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => 31,
        };
        (1..=days).contains(&day).then_some(Date {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    /// ISO 8601 at the date's precision: `2025`, `2025-03` or `2025-03-01`. Valid in
    /// `<time datetime>`, JSON-LD and sitemaps (W3C datetime).
    pub(crate) fn iso(&self) -> String {
        self.joined("-", false)
    }

    /// With `/` between the parts (`2025/03/01`, `2025/03`, `2025`), as Highwire
    /// `citation_publication_date` and RIS `DA` write it; `ris` adds RIS's empty parts and
    /// closing slash (`2025///`, `2025/03//`, `2025/03/01/`).
    pub(crate) fn slashed(&self, ris: bool) -> String {
        self.joined("/", ris)
    }

    fn joined(&self, sep: &str, ris: bool) -> String {
        let mut out = format!("{:04}", self.year);
        for part in [self.month, self.day] {
            match part {
                Some(n) => out.push_str(&format!("{sep}{n:02}")),
                None if ris => out.push_str(sep),
                None => {}
            }
        }
        if ris {
            out.push('/');
        }
        out
    }

    /// In Dutch at the date's precision: `2025`, `maart 2025` or `1 maart 2025`.
    pub(crate) fn dutch(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", MONTHS[usize::from(m - 1)], self.year),
            (Some(m), None) => format!("{} {}", MONTHS[usize::from(m - 1)], self.year),
            _ => self.year.to_string(),
        }
    }

    /// As APA 7 writes it in Dutch, between the parentheses after the author: `2025`,
    /// `2025, maart` or `2025, 1 maart`.
    pub(crate) fn apa(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{}, {d} {}", self.year, MONTHS[usize::from(m - 1)]),
            (Some(m), None) => format!("{}, {}", self.year, MONTHS[usize::from(m - 1)]),
            _ => self.year.to_string(),
        }
    }

    /// The BibTeX month macro (`mar`), if the month is known.
    pub(crate) fn bibtex_month(&self) -> Option<&'static str> {
        self.month.map(|m| BIBTEX_MONTHS[usize::from(m - 1)])
    }

    /// The first moment of the date's period as an RFC 3339 timestamp (`2025-01-01T00:00:00Z`
    /// for `2025`), for formats that demand a full date and time (Atom).
    pub(crate) fn start_timestamp(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}T00:00:00Z",
            self.year,
            self.month.unwrap_or(1),
            self.day.unwrap_or(1)
        )
    }
}

/// What every entry has.
#[derive(Debug, Clone)]
pub(crate) struct Common {
    /// The content file it was read from (relative to the site root).
    pub(crate) source: std::path::PathBuf,
    /// Slug (last URL segment; the persona id for personas).
    pub(crate) slug: String,
    /// Site-relative URL, starting and ending with `/`.
    pub(crate) url: String,
    /// Title.
    pub(crate) title: String,
    /// One or two sentences for lists, feeds and meta tags.
    pub(crate) summary: Option<String>,
    /// Publication date.
    pub(crate) date: Option<Date>,
    /// Sites it appears on; `None` means every site that includes it.
    pub(crate) sites: Option<Vec<String>>,
    /// Whether it is a draft.
    pub(crate) draft: bool,
    /// The body.
    pub(crate) body: Body,
}

/// Most characters of a description made from the text of a page: what search engines show.
const DESCRIPTION_CHARS: usize = 160;

impl Common {
    /// One or two sentences about the page for `<meta name="description">`: its summary, or
    /// else the start of its first paragraph (cut at a word, with "…"); `None` when it has
    /// neither.
    pub(crate) fn description(&self) -> Option<String> {
        if let Some(summary) = &self.summary {
            return Some(summary.clone());
        }
        let first = self
            .body
            .prose
            .iter()
            .map(|p| collapse(&p.text(&self.body.markdown).text))
            .find(|t| !t.is_empty())?;
        if first.chars().count() <= DESCRIPTION_CHARS {
            return Some(first);
        }
        let mut cut = String::new();
        for word in first.split(' ') {
            if cut.chars().count() + word.chars().count() + 2 > DESCRIPTION_CHARS {
                break;
            }
            if !cut.is_empty() {
                cut.push(' ');
            }
            cut.push_str(word);
        }
        cut.push_str(" …");
        Some(cut)
    }
}

/// A research report.
#[derive(Debug, Clone)]
pub(crate) struct Report {
    pub(crate) common: Common,
    pub(crate) subtitle: Option<String>,
    pub(crate) series: Option<String>,
    pub(crate) edition: Option<String>,
    pub(crate) publisher: Option<String>,
    /// The authors, as the front matter names them; empty when it names none (the publisher
    /// is then the author, as an organisation).
    pub(crate) authors: Vec<Author>,
    /// The report's number in its publisher's series of reports, if it has one.
    pub(crate) number: Option<String>,
    pub(crate) themes: Vec<String>,
    /// Persona slugs, checked to exist.
    pub(crate) personas: Vec<String>,
    /// The image that stands for the report where it is shared (`image:`), as the path of a
    /// file beside its `index.md` relative to `content/`, checked to exist; `None` gives it
    /// the painted social card, if the site makes them.
    pub(crate) image: Option<String>,
}

impl Report {
    /// Whether kennis paints the report's social card: on a site that makes them, for a
    /// report without an image of its own.
    pub(crate) fn card(&self, config: &crate::config::SiteConfig) -> bool {
        config.social_cards && self.image.is_none()
    }

    /// The site-relative URL of the image that stands for the report where it is shared: its
    /// own, else its social card, else none.
    pub(crate) fn social_image(&self, config: &crate::config::SiteConfig) -> Option<String> {
        match &self.image {
            Some(rel) => Some(super::routes::file_url(&super::routes::asset_file(rel))),
            None => self
                .card(config)
                .then(|| super::routes::file_url(&super::routes::card_file(&self.common.url))),
        }
    }
}

/// An author of a report: a person, written `Achternaam, Voornamen` (`de Vries, Marieke`), or
/// an organisation, written without a comma.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Author {
    Person {
        /// The family name with its particles as the author writes them (`de Vries`).
        family: String,
        /// The given names (`Marieke Anna`).
        given: String,
    },
    Organisation(String),
}

impl Author {
    /// Reads one entry of `authors:`; `None` when it is empty on either side of the comma.
    fn parse(text: &str) -> Option<Author> {
        let text = collapse(text);
        match text.split_once(',') {
            Some((family, given)) => {
                let (family, given) = (family.trim(), given.trim());
                (!family.is_empty() && !given.is_empty()).then(|| Author::Person {
                    family: family.to_string(),
                    given: given.to_string(),
                })
            }
            None => (!text.is_empty()).then_some(Author::Organisation(text)),
        }
    }

    /// The name as it is read: `Marieke de Vries`, or the organisation.
    pub(crate) fn name(&self) -> String {
        match self {
            Author::Person { family, given } => format!("{given} {family}"),
            Author::Organisation(name) => name.clone(),
        }
    }
}

/// `text` on one line: every run of white space (line breaks included) is one space.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A persona.
#[derive(Debug, Clone)]
pub(crate) struct Persona {
    pub(crate) common: Common,
    /// The profile card and learning route on the persona's page (figure `leerroute`).
    pub(crate) card: super::body::Figure,
    pub(crate) name: String,
    /// Slug of the report it comes from, checked to exist.
    pub(crate) report: Option<String>,
}

/// A plain page.
#[derive(Debug, Clone)]
pub(crate) struct Page {
    pub(crate) common: Common,
}

/// A section index (`_index.md` of a folder) or the home page (`content/_index.md`).
#[derive(Debug, Clone)]
pub(crate) struct Section {
    pub(crate) common: Common,
    /// The folder, relative to `content/` (`""` for the home page).
    pub(crate) folder: String,
}

/// The front matter of one file, parsed and checked, with its type decided.
pub(crate) enum Parsed {
    Report(Box<Report>),
    Persona(Box<Persona>),
    Page(Page),
    Section(Section),
}

/// Where a file is and what URL it gets.
pub(crate) struct Location {
    /// Slug of the entry.
    pub(crate) slug: String,
    /// Site-relative URL.
    pub(crate) url: String,
    /// For `_index*.md`: the folder, relative to `content/`.
    pub(crate) section: Option<String>,
}

/// Decides slug and URL from the file's path: `content/rapporten/x/index.md` and
/// `content/rapporten/x.md` are `/rapporten/x/`; `content/rapporten/_index.md` is the section
/// `/rapporten/`; `_index.<anything>.md` is an alternative section index (e.g. per site).
pub(crate) fn locate(file: &SourceFile) -> Location {
    let parts: Vec<String> = file
        .path
        .components()
        .skip(1) // "content"
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let (folders, name) = parts.split_at(parts.len().saturating_sub(1));
    let name = name.first().map(String::as_str).unwrap_or("");
    let stem = name.strip_suffix(".md").unwrap_or(name);
    let folder_slugs: Vec<String> = folders.iter().map(|f| slugify(f)).collect();
    if stem == "_index" || stem.starts_with("_index.") {
        let url = if folder_slugs.is_empty() {
            "/".to_string()
        } else {
            format!("/{}/", folder_slugs.join("/"))
        };
        return Location {
            slug: folder_slugs.last().cloned().unwrap_or_default(),
            url,
            section: Some(folders.join("/")),
        };
    }
    let mut segments = folder_slugs.clone();
    if stem != "index" {
        segments.push(slugify(stem));
    }
    let slug = segments
        .last()
        .cloned()
        .unwrap_or_else(|| "index".to_string());
    Location {
        slug,
        url: format!("/{}/", segments.join("/")).replace("//", "/"),
        section: None,
    }
}

/// Byte offset of a top-level front matter key, for errors about its value.
fn key_offset(file: &SourceFile, yaml_start: usize, yaml_end: usize, key: &str) -> usize {
    let mut offset = yaml_start;
    for line in file.text[yaml_start..yaml_end].split_inclusive('\n') {
        if line.starts_with(&format!("{key}:")) {
            return offset;
        }
        offset += line.len();
    }
    yaml_start.saturating_sub(4)
}

/// Front matter that has been read but whose body is not parsed yet.
pub(crate) struct Head {
    pub(crate) raw: RawFrontMatter,
    pub(crate) kind: EntryKind,
    pub(crate) location: Location,
    pub(crate) body_start: usize,
    yaml_start: usize,
    yaml_end: usize,
}

/// The type of an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EntryKind {
    Report,
    Persona,
    Page,
    Section,
}

impl Head {
    /// An error at the line of `key`.
    pub(crate) fn error_at_key(
        &self,
        file: &SourceFile,
        key: &str,
        message: impl Into<Text>,
    ) -> Diagnostic {
        file.error_at(
            key_offset(file, self.yaml_start, self.yaml_end, key),
            message,
        )
    }

    /// The persona slugs the entry names, with the offset of the `personas` line.
    pub(crate) fn persona_refs(&self) -> &[String] {
        self.raw.personas.as_deref().unwrap_or(&[])
    }

    /// The persona's name, if this is a persona.
    pub(crate) fn persona_name(&self) -> Option<&str> {
        self.raw.name.as_deref()
    }

    /// A persona's route.
    pub(crate) fn persona_route(&self) -> &[Stop] {
        self.raw.route.as_deref().unwrap_or(&[])
    }

    /// A persona's profile fields.
    pub(crate) fn persona_profile(&self) -> (Option<u32>, &[String], Option<&str>) {
        (
            self.raw.age,
            self.raw.education.as_deref().unwrap_or(&[]),
            self.raw.experience.as_deref(),
        )
    }

    /// A persona's card: what its front matter says, and where its page is.
    pub(crate) fn persona_card(&self) -> Card {
        let (age, education, experience) = self.persona_profile();
        Card {
            id: self.location.slug.clone(),
            name: self.persona_name().unwrap_or_default().to_string(),
            age,
            education: education.to_vec(),
            experience: experience.map(str::to_string),
            url: self.location.url.clone(),
            route: self.persona_route().to_vec(),
        }
    }

    /// The report a persona belongs to.
    pub(crate) fn report_ref(&self) -> Option<&str> {
        self.raw.report.as_deref()
    }

    /// The file a report names as its image (`image:`), as written.
    pub(crate) fn image_ref(&self) -> Option<&str> {
        self.raw.image.as_deref()
    }
}

/// Reads and checks the front matter of `file`; the type decides which fields are allowed and
/// required.
pub(crate) fn read_head(file: &SourceFile) -> Result<Head, Vec<Diagnostic>> {
    let parts = split_front_matter(file).map_err(|d| vec![d])?;
    let yaml = &file.text[parts.front_matter.clone()];
    let raw: RawFrontMatter = if yaml.trim().is_empty() {
        RawFrontMatter::default()
    } else {
        parse_yaml(
            file,
            parts.front_matter.start,
            yaml,
            messages::front_matter_label().as_str(),
        )
        .map_err(|d| vec![explain_unknown_field(d, yaml)])?
    };
    let location = locate(file);
    let mut head = Head {
        raw,
        kind: EntryKind::Page,
        location,
        body_start: parts.body.start,
        yaml_start: parts.front_matter.start,
        yaml_end: parts.front_matter.end,
    };
    let mut errors = Vec::new();
    head.kind = match head.raw.kind.as_deref() {
        None | Some("page") if head.location.section.is_some() => EntryKind::Section,
        None | Some("page") => EntryKind::Page,
        Some("report") => EntryKind::Report,
        Some("persona") => EntryKind::Persona,
        Some(other) => {
            let hint = match suggest(other, TYPES) {
                Some(s) => messages::entry_type_did_you_mean(s),
                None => messages::entry_type_one_of(),
            };
            errors.push(
                head.error_at_key(file, "type", messages::entry_type_unknown(other))
                    .with_hint(hint),
            );
            EntryKind::Page
        }
    };
    if head.location.section.is_some() && head.kind != EntryKind::Section {
        errors.push(
            head.error_at_key(file, "type", messages::section_index_with_type())
                .with_hint(messages::section_index_with_type_hint()),
        );
    }
    let (allowed, what): (&[&str], Text) = match head.kind {
        EntryKind::Report => (REPORT_FIELDS, messages::entry_kind_report()),
        EntryKind::Persona => (PERSONA_FIELDS, messages::entry_kind_persona()),
        EntryKind::Page | EntryKind::Section => (PAGE_FIELDS, messages::entry_kind_page()),
    };
    for field in present_fields(&head.raw) {
        if !allowed.contains(&field) {
            errors.push(
                head.error_at_key(
                    file,
                    field,
                    messages::front_matter_field_not_used(field, &what),
                )
                .with_hint(messages::front_matter_field_remove(
                    &what,
                    allowed.join(", "),
                )),
            );
        }
    }
    let required: &[&str] = match head.kind {
        EntryKind::Report => &["title", "summary"],
        EntryKind::Persona => &["name", "route"],
        EntryKind::Page | EntryKind::Section => &["title"],
    };
    let present = present_fields(&head.raw);
    for field in required {
        if !present.contains(field) {
            let closing = file.position(parts.front_matter.end).0;
            errors.push(
                file.error_at_line(
                    closing,
                    1,
                    messages::front_matter_field_missing(&what, field),
                )
                .with_hint(messages::front_matter_field_missing_hint(field)),
            );
        }
    }
    for author in head.raw.authors.iter().flatten() {
        if Author::parse(author).is_none() {
            errors.push(
                head.error_at_key(file, "authors", messages::author_empty_name(author))
                    .with_hint(messages::author_empty_name_hint()),
            );
        }
    }
    if let Some(DateValue::Text(number)) = &head.raw.number
        && number.trim().is_empty()
    {
        errors.push(
            head.error_at_key(file, "number", messages::report_number_empty())
                .with_hint(messages::report_number_empty_hint()),
        );
    }
    if let Some(title) = &head.raw.title
        && title.trim().is_empty()
    {
        errors.push(
            head.error_at_key(file, "title", messages::entry_title_empty())
                .with_hint(messages::entry_title_empty_hint()),
        );
    }
    if errors.is_empty() {
        Ok(head)
    } else {
        Err(errors)
    }
}

/// serde lists every field of every type for an unknown field; say instead what the file's own
/// type (read from its `type:` line) allows. The error is one of an unknown field when its line
/// starts with a key that no type has, and its message names that key.
fn explain_unknown_field(mut d: Diagnostic, yaml: &str) -> Diagnostic {
    let Some(field) = d.source_line.as_deref().and_then(unknown_key) else {
        return d;
    };
    if !d.message.contains(&format!("`{field}`")) {
        return d;
    }
    let kind = yaml
        .lines()
        .find_map(|l| l.strip_prefix("type:"))
        .map(|t| t.trim().trim_matches(['"', '\'']).to_string());
    let (allowed, what) = match kind.as_deref() {
        Some("report") => (REPORT_FIELDS, messages::entry_kind_report()),
        Some("persona") => (PERSONA_FIELDS, messages::entry_kind_persona()),
        _ => (PAGE_FIELDS, messages::entry_kind_page()),
    };
    d.message = messages::front_matter_unknown_field(&field).into();
    let hint = match suggest(&field, allowed) {
        Some(s) => messages::front_matter_field_did_you_mean(s, &what, allowed.join(", ")),
        None => messages::front_matter_field_remove(&what, allowed.join(", ")),
    };
    d.hint = Some(hint.into());
    d
}

/// The key a front matter line starts with, when it is a top-level key that no type of entry
/// has.
fn unknown_key(line: &str) -> Option<String> {
    if line.starts_with(|c: char| c.is_whitespace() || c == '-' || c == '#') {
        return None;
    }
    let (key, _) = line.split_once(':')?;
    let key = key.trim().trim_matches(['"', '\'']);
    let known = [REPORT_FIELDS, PERSONA_FIELDS, PAGE_FIELDS]
        .iter()
        .any(|fields| fields.contains(&key));
    (!key.is_empty() && !known).then(|| key.to_string())
}

fn present_fields(raw: &RawFrontMatter) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut add = |present: bool, name: &'static str| {
        if present {
            out.push(name);
        }
    };
    add(raw.title.is_some(), "title");
    add(raw.subtitle.is_some(), "subtitle");
    add(raw.kind.is_some(), "type");
    add(raw.series.is_some(), "series");
    add(raw.edition.is_some(), "edition");
    add(raw.date.is_some(), "date");
    add(raw.publisher.is_some(), "publisher");
    add(raw.authors.is_some(), "authors");
    add(raw.number.is_some(), "number");
    add(raw.themes.is_some(), "themes");
    add(raw.summary.is_some(), "summary");
    add(raw.personas.is_some(), "personas");
    add(raw.image.is_some(), "image");
    add(raw.sites.is_some(), "sites");
    add(raw.draft.is_some(), "draft");
    add(raw.name.is_some(), "name");
    add(raw.age.is_some(), "age");
    add(raw.education.is_some(), "education");
    add(raw.experience.is_some(), "experience");
    add(raw.report.is_some(), "report");
    add(raw.route.is_some(), "route");
    out
}

/// Checks the date field; `Ok(None)` when there is none.
pub(crate) fn check_date(head: &Head, file: &SourceFile) -> Result<Option<Date>, Diagnostic> {
    let text = match &head.raw.date {
        None => return Ok(None),
        Some(DateValue::Text(t)) => t.trim().to_string(),
        Some(DateValue::Number(n)) => n.to_string(),
    };
    Date::parse(&text).map(Some).ok_or_else(|| {
        head.error_at_key(file, "date", messages::entry_date_invalid(&text))
            .with_hint(messages::entry_date_invalid_hint())
    })
}

/// The warning for a report without a date, at the end of its front matter; `None` for every
/// other entry, and for a report with a date.
pub(crate) fn missing_date(head: &Head, file: &SourceFile) -> Option<Diagnostic> {
    if head.kind != EntryKind::Report || head.raw.date.is_some() {
        return None;
    }
    let closing = file.position(head.yaml_end).0;
    Some(
        file.error_at_line(closing, 1, messages::report_without_date())
            .with_hint(messages::report_without_date_hint())
            .into_warning(),
    )
}

/// Builds the common part once the body is parsed.
pub(crate) fn common(file: &SourceFile, head: &Head, date: Option<Date>, body: Body) -> Common {
    let raw = &head.raw;
    let title = match head.kind {
        EntryKind::Persona => raw
            .title
            .clone()
            .or_else(|| raw.name.clone())
            .unwrap_or_default(),
        _ => raw.title.clone().unwrap_or_default(),
    };
    Common {
        source: file.path.clone(),
        slug: head.location.slug.clone(),
        url: head.location.url.clone(),
        title: title.trim().to_string(),
        summary: raw.summary.as_ref().map(|s| s.trim().to_string()),
        date,
        sites: raw.sites.clone(),
        draft: raw.draft.unwrap_or(false),
        body,
    }
}

/// Turns a checked head and its parsed body into an entry; an error when a persona's card
/// cannot be drawn.
pub(crate) fn finish(head: Head, common: Common, file: &SourceFile) -> Result<Parsed, Diagnostic> {
    if head.kind == EntryKind::Persona {
        let card = super::body::Figure::lay_out(
            crate::blocks::Block::Persona(head.persona_card()),
            PERSONA_CARD.to_string(),
            None,
            file,
            key_offset(file, head.yaml_start, head.yaml_end, "route"),
            0..0,
        )?;
        let raw = head.raw;
        return Ok(Parsed::Persona(Box::new(Persona {
            common,
            card,
            name: raw.name.unwrap_or_default(),
            report: raw.report,
        })));
    }
    let raw = head.raw;
    Ok(match head.kind {
        EntryKind::Report => Parsed::Report(Box::new(Report {
            common,
            subtitle: raw.subtitle,
            series: raw.series,
            edition: raw.edition,
            publisher: raw.publisher,
            authors: raw
                .authors
                .unwrap_or_default()
                .iter()
                .filter_map(|a| Author::parse(a))
                .collect(),
            number: raw.number.map(|n| match n {
                DateValue::Text(t) => collapse(&t),
                DateValue::Number(n) => n.to_string(),
            }),
            themes: raw
                .themes
                .unwrap_or_default()
                .into_iter()
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
                .collect(),
            personas: raw.personas.unwrap_or_default(),
            // Set by the model once the file is found beside the report.
            image: None,
        })),
        // Personas are finished above, with their card.
        EntryKind::Page | EntryKind::Persona => Parsed::Page(Page { common }),
        EntryKind::Section => Parsed::Section(Section {
            common,
            folder: head.location.section.unwrap_or_default(),
        }),
    })
}

/// The id of a persona's card on its page, and the name of its files.
pub(crate) const PERSONA_CARD: &str = "leerroute";

/// The `sites` list of a head, as written.
pub(crate) fn sites_of(head: &Head) -> Option<Vec<String>> {
    head.raw.sites.clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked_for_existence() {
        assert_eq!(Date::parse("2025-03-01").unwrap().dutch(), "1 maart 2025");
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2025-02-29").is_none());
        assert!(Date::parse("2025-13-01").is_none());
        assert!(Date::parse("2025-13").is_none());
        assert!(Date::parse("2025-00").is_none());
        assert!(Date::parse("1-3-2025").is_none());
        assert!(Date::parse("0999").is_none());
        assert!(Date::parse("2025-3").is_none());
        assert!(Date::parse("2025/03").is_none());
        assert!(Date::parse("+025").is_none());
        assert!(Date::parse("2025-03-1").is_none());
    }

    #[test]
    fn a_date_keeps_its_precision_in_every_form() {
        let year = Date::parse("2025").unwrap();
        let month = Date::parse("2025-03").unwrap();
        let day = Date::parse("2025-03-01").unwrap();
        assert_eq!(
            [year.dutch(), month.dutch(), day.dutch()],
            ["2025", "maart 2025", "1 maart 2025"]
        );
        assert_eq!(
            [year.iso(), month.iso(), day.iso()],
            ["2025", "2025-03", "2025-03-01"]
        );
        assert_eq!(
            [year.apa(), month.apa(), day.apa()],
            ["2025", "2025, maart", "2025, 1 maart"]
        );
        assert_eq!(
            [
                year.slashed(false),
                month.slashed(false),
                day.slashed(false)
            ],
            ["2025", "2025/03", "2025/03/01"]
        );
        assert_eq!(
            [year.slashed(true), month.slashed(true), day.slashed(true)],
            ["2025///", "2025/03//", "2025/03/01/"]
        );
        assert_eq!(
            [year.bibtex_month(), month.bibtex_month()],
            [None, Some("mar")]
        );
        // Atom's full timestamp: the first moment of the period.
        assert_eq!(year.start_timestamp(), "2025-01-01T00:00:00Z");
        assert_eq!(month.start_timestamp(), "2025-03-01T00:00:00Z");
    }

    #[test]
    fn partial_dates_sort_by_the_start_of_their_period_less_precise_first() {
        let d = |t: &str| Date::parse(t).unwrap();
        let mut dates = [
            d("2025-01-02"),
            d("2024-12-31"),
            d("2025"),
            d("2025-02"),
            d("2025-01-01"),
            d("2025-01"),
            d("2024"),
        ];
        dates.sort();
        let iso: Vec<String> = dates.iter().map(Date::iso).collect();
        assert_eq!(
            iso,
            [
                "2024",
                "2024-12-31",
                "2025",
                "2025-01",
                "2025-01-01",
                "2025-01-02",
                "2025-02"
            ]
        );
    }

    #[test]
    fn a_date_may_be_a_year_a_month_or_a_day_as_yaml_reads_them() {
        for (written, iso) in [
            ("2025", "2025"),
            ("\"2025\"", "2025"),
            ("2025-03", "2025-03"),
            ("2025-03-01", "2025-03-01"),
        ] {
            let text = format!("---\ntype: report\ntitle: X\ndate: {written}\nsummary: S\n---\n");
            let file = SourceFile::new("content/rapporten/x/index.md", text);
            let head = read_head(&file).ok().unwrap();
            let date = check_date(&head, &file).unwrap().unwrap();
            assert_eq!(date.iso(), iso, "{written}");
        }
        let text = "---\ntype: report\ntitle: X\ndate: 2025-3\nsummary: S\n---\n";
        let file = SourceFile::new("content/rapporten/x/index.md", text.to_string());
        let error = check_date(&read_head(&file).ok().unwrap(), &file).unwrap_err();
        assert_eq!(error.span.as_ref().unwrap().line, 4);
        assert_eq!(error.message, "`2025-3` is geen geldige datum");
        assert!(error.hint.unwrap().contains("JJJJ-MM"));
    }

    #[test]
    fn a_report_without_a_date_is_a_warning_at_its_front_matter() {
        let text = "---\ntype: report\ntitle: X\nsummary: S\n---\nTekst.\n";
        let file = SourceFile::new("content/rapporten/x/index.md", text.to_string());
        let Ok(head) = read_head(&file) else {
            panic!("no date is not an error");
        };
        let warning = missing_date(&head, &file).expect("a warning");
        assert_eq!(warning.severity, crate::diag::Severity::Warning);
        assert_eq!(warning.span.as_ref().unwrap().line, 5);
        assert!(warning.hint.unwrap().contains("date: 2025-03"));
        // A page needs no date, and a dated report gets no warning.
        let page = SourceFile::new("content/paginas/x.md", "---\ntitle: X\n---\n".to_string());
        assert!(missing_date(&read_head(&page).ok().unwrap(), &page).is_none());
        let dated = SourceFile::new(
            "content/rapporten/x/index.md",
            "---\ntype: report\ntitle: X\ndate: 2025\nsummary: S\n---\n".to_string(),
        );
        assert!(missing_date(&read_head(&dated).ok().unwrap(), &dated).is_none());
    }

    #[test]
    fn urls_follow_the_folders() {
        let loc = |p: &str| locate(&SourceFile::new(p, String::new()));
        assert_eq!(
            loc("content/rapporten/al-doende-leren/index.md").url,
            "/rapporten/al-doende-leren/"
        );
        assert_eq!(loc("content/personas/nora.md").url, "/personas/nora/");
        assert_eq!(loc("content/personas/nora.md").slug, "nora");
        assert_eq!(loc("content/_index.md").url, "/");
        assert_eq!(
            loc("content/_index.platform.md").section.as_deref(),
            Some("")
        );
        assert_eq!(loc("content/rapporten/_index.md").url, "/rapporten/");
        assert_eq!(
            loc("content/Mijn Café 🙂/Één pagina.md").url,
            "/mijn-cafe/een-pagina/"
        );
    }

    #[test]
    fn slugs_are_clean() {
        assert_eq!(
            slugify("Leren in het grijze gebied"),
            "leren-in-het-grijze-gebied"
        );
        assert_eq!(slugify("../../etc"), "etc");
        assert_eq!(slugify("🙂"), "pagina");
    }

    fn head(text: &str) -> Result<Head, Vec<Diagnostic>> {
        read_head(&SourceFile::new(
            "content/rapporten/x/index.md",
            text.to_string(),
        ))
    }

    #[test]
    fn a_report_needs_title_and_summary() {
        let errors = head("---\ntype: report\n---\n").err().unwrap();
        let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[0].contains("`title`") && messages[1].contains("`summary`"));
        assert_eq!(errors[0].span.as_ref().unwrap().line, 3);
    }

    #[test]
    fn fields_of_another_type_are_errors_at_their_line() {
        let errors =
            head("---\ntype: report\ntitle: X\ndate: 2025-01-01\nsummary: S\nroute: []\n---\n")
                .err()
                .unwrap();
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0]
                .message
                .contains("het veld `route` wordt niet gebruikt door een rapport")
        );
        assert_eq!(errors[0].span.as_ref().unwrap().line, 6);
    }

    #[test]
    fn an_unknown_type_gets_a_suggestion() {
        let errors = head("---\ntype: rapport\ntitle: X\n---\n").err().unwrap();
        assert!(
            errors[0].hint.as_ref().unwrap().contains("`report`"),
            "{:?}",
            errors[0]
        );
    }

    #[test]
    fn an_unknown_field_is_explained_by_the_fields_of_the_files_type() {
        let text = "---
type: persona
name: Nora
rapport: x
---
";
        let errors = head(text).err().unwrap();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(
            errors[0].message,
            "de front matter: onbekend veld `rapport`"
        );
        assert!(
            errors[0]
                .hint
                .as_ref()
                .unwrap()
                .starts_with("bedoel je `report`? een persona heeft de velden type, name"),
            "{:?}",
            errors[0].hint
        );
        let errors = crate::messages::speaking(crate::messages::Language::English, || {
            head(text).err().unwrap()
        });
        assert_eq!(errors[0].message, "front matter: unknown field `rapport`");
        assert!(
            errors[0]
                .hint
                .as_ref()
                .unwrap()
                .starts_with("did you mean `report`? a persona has the fields type, name")
        );
        // A key of a field's own value is no field of the front matter.
        assert_eq!(unknown_key("  wie: x"), None);
        assert_eq!(unknown_key("title: x"), None);
        assert_eq!(unknown_key("\"datum\": 2025"), Some("datum".to_string()));
    }
}
