//! `kennis new report|persona|page SLUG`: writes a commented starter file that builds as it
//! is. The comments are in Dutch, for the editors; the starter never overwrites a file.

use crate::diag::Outcome;
use crate::messages;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// What to start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// A report: content/rapporten/SLUG/index.md.
    Report,
    /// A persona: content/personas/SLUG.md.
    Persona,
    /// A plain page: content/paginas/SLUG.md.
    Page,
}

/// Options of `kennis new`, resolved.
#[derive(Debug, Clone)]
pub struct NewOptions {
    /// Folder that holds site.yaml, content/ and themes/.
    pub root: PathBuf,
    /// What to start.
    pub kind: Kind,
    /// The name in the URL.
    pub slug: String,
}

/// Checks a SLUG on the command line: lower-case letters, digits and single `-` between them.
/// A wrong slug is a usage error (exit 2), reported by clap.
pub fn parse_slug(text: &str) -> Result<String, String> {
    let ok = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--");
    if ok {
        Ok(text.to_string())
    } else {
        let suggestion = crate::model::entry::slugify(text);
        Err(messages::slug_invalid(text, suggestion).into())
    }
}

impl Kind {
    /// Where the file goes, and the other places that would make the same page.
    fn paths(self, slug: &str) -> (String, [String; 1]) {
        match self {
            Kind::Report => (
                format!("content/rapporten/{slug}/index.md"),
                [format!("content/rapporten/{slug}.md")],
            ),
            Kind::Persona => (
                format!("content/personas/{slug}.md"),
                [format!("content/personas/{slug}/index.md")],
            ),
            Kind::Page => (
                format!("content/paginas/{slug}.md"),
                [format!("content/paginas/{slug}/index.md")],
            ),
        }
    }

    fn url(self, slug: &str) -> String {
        match self {
            Kind::Report => format!("/rapporten/{slug}/"),
            Kind::Persona => format!("/personas/{slug}/"),
            Kind::Page => format!("/paginas/{slug}/"),
        }
    }
}

/// Writes the starter; exit 1 when it exists or cannot be written.
pub fn run(options: &NewOptions) -> Outcome {
    let root = &options.root;
    if !root.join("site.yaml").is_file() {
        super::print_error(
            messages::new_no_site_yaml(root.display()),
            Some(messages::new_no_site_yaml_hint()),
        );
        return Outcome::Failed;
    }
    let slug = &options.slug;
    let (rel, others) = options.kind.paths(slug);
    for existing in std::iter::once(&rel).chain(&others) {
        if root.join(existing).exists() {
            super::print_error(
                messages::new_file_exists(existing),
                Some(messages::new_file_exists_hint(existing)),
            );
            return Outcome::Failed;
        }
    }
    let text = starter(options.kind, slug, &today());
    let path = root.join(&rel);
    if let Err(e) = write_new(&path, &text) {
        super::print_error(messages::new_cannot_write(&rel, e), None);
        return Outcome::Failed;
    }
    eprintln!("{}", messages::new_wrote(&rel, options.kind.url(slug)));
    eprintln!("  {}", messages::new_next());
    Outcome::Success
}

/// Creates `path` (and its folder) only if it does not exist yet.
fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(text.as_bytes())
}

fn today() -> String {
    let (y, m, d, _, _) = super::now_utc();
    format!("{y:04}-{m:02}-{d:02}")
}

/// The text of a starter.
pub(crate) fn starter(kind: Kind, slug: &str, date: &str) -> String {
    let title = title_of(slug);
    match kind {
        Kind::Report => REPORT.replace("{title}", &title).replace("{date}", date),
        Kind::Persona => PERSONA.replace("{name}", &title),
        Kind::Page => PAGE.replace("{title}", &title),
    }
}

/// `mijn-rapport` → `Mijn rapport`.
fn title_of(slug: &str) -> String {
    let words = slug.replace('-', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => words,
    }
}

const REPORT: &str = r#"---
# Een rapport. Alles na een # is uitleg en doet niets; je mag het weghalen.
# De titel van het rapport, zoals die boven de pagina staat.
title: {title}
# Eén zin onder de titel: waar gaat het onderzoek over? (mag weg)
subtitle: Een onderzoek naar ...
# Dit bestand is een rapport. Laat deze regel staan.
type: report
# De reeks waar het rapport bij hoort. Het Platform toont alleen rapporten uit de reeksen
# die in site.yaml onder include: staan (nu Professional-ervaringsonderzoek).
# Haal het hekje weg als het rapport bij die reeks hoort:
# series: Professional-ervaringsonderzoek
# Welke meting of editie. (mag weg)
edition: meting 2025
# Datum van publicatie, zo precies als de bron hem geeft: JJJJ, JJJJ-MM of JJJJ-MM-DD.
# De nieuwste rapporten staan bovenaan. Geen datum bekend? Haal de regel dan weg.
date: {date}
# Wie het rapport uitgeeft.
publisher: Kennisnetwerk Jeugd Haaglanden
# De auteurs, elk op een eigen regel: een persoon als Achternaam, Voornamen, een organisatie
# zonder komma. Zonder auteurs noemt "Citeer dit rapport" de uitgever als auteur.
# Haal de hekjes weg als het rapport auteurs noemt:
# authors:
#   - de Vries, Marieke
# Thema's, tussen [ ] en met komma's. Elk thema krijgt een eigen pagina.
themes: [leren]
# Eén of twee zinnen voor overzichten, de nieuwsfeed en sociale media.
summary: Schrijf hier in één of twee zinnen wat het onderzoek laat zien.
# Persona's bij dit rapport: de bestandsnaam zonder .md (content/personas/nora.md is nora).
# Haal het hekje weg als de persona al bestaat:
# personas: [nora]
# Op welke sites het rapport staat. Zonder deze regel: elke site die het rapport opneemt.
# sites: [kennisnetwerk, platform]
# true: nog niet publiceren. Met kennis build --drafts zie je het rapport wel.
draft: false
---

## Aanleiding

Schrijf hier waarom het onderzoek is gedaan. Gebruik korte zinnen. Koppen beginnen bij
twee hekjes: de titel is de enige kop van het hoogste niveau.

## Het onderzoek in cijfers

Een infographic is een blok tussen drie backticks met de naam van het blok erachter. In het
blok staan de gegevens. Alle blokken staan in docs/editors-guide.md.

```figures
title: Het onderzoek in cijfers
caption: "Bron: dit rapport"
items:
  - {value: 12, label: interviews, note: met professionals}
  - {value: 78, label: vragenlijsten}
```

## Conclusies

Schrijf hier wat het onderzoek laat zien.
"#;

const PERSONA: &str = r#"---
# Een persona: het verhaal van één professional, met een leerroute. Alles na een # is
# uitleg en doet niets; je mag het weghalen.
# Dit bestand is een persona. Laat deze regel staan.
type: persona
# De voornaam. De pagina heet "{name}" en de leerroute "De leerroute van {name}".
name: {name}
# Leeftijd in jaren. (mag weg)
age: 30
# Opleidingen, tussen [ ] en met komma's. (mag weg)
education: [HBO Social Work]
# Werkervaring in één zin. (mag weg)
experience: Werkt drie jaar in de jeugdhulp.
# Het rapport waar de persona uit komt: de mapnaam in content/rapporten/.
# Haal het hekje weg als dat rapport al bestaat:
# report: al-doende-leren
# Eén zin voor overzichten. (mag weg)
summary: Hoe {name} leert in de praktijk.
# De leerroute: de plekken waar de persona leert, in volgorde. Elke stop heeft een titel,
# een soort (formeel: scholing en cursussen; informeel: leren in het werk) en een tekst.
route:
  - title: Leren van collega's
    kind: informeel
    text: "{name} bespreekt moeilijke situaties met een collega."
  - title: Training
    kind: formeel
    text: "{name} volgt een training over gesprekken met ouders."
---

Schrijf hier het verhaal van {name}. Gebruik korte zinnen.
"#;

const PAGE: &str = r#"---
# Een gewone pagina, zoals de toegankelijkheidsverklaring. Alles na een # is uitleg en
# doet niets; je mag het weghalen.
# De titel van de pagina.
title: {title}
# Eén zin voor zoekmachines en overzichten. (mag weg)
summary: Waar deze pagina over gaat, in één zin.
# Op welke sites de pagina staat. Zonder deze regel: op elke site.
# sites: [kennisnetwerk]
---

## Eerste kop

Schrijf hier de tekst van de pagina. Koppen beginnen bij twee hekjes.
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lower_case_words_with_dashes() {
        assert!(parse_slug("mijn-rapport-2025").is_ok());
        for bad in [
            "Mijn", "a b", "../x", "", "-a", "a-", "a--b", "café", "a/b", "a_b",
        ] {
            assert!(parse_slug(bad).is_err(), "{bad}");
        }
        assert_eq!(
            parse_slug("Mijn Rapport").unwrap_err(),
            "`Mijn Rapport` is geen geldige slug: gebruik kleine letters, cijfers en `-` tussen woorden, bijvoorbeeld `mijn-rapport`"
        );
    }

    #[test]
    fn titles_come_from_the_slug() {
        assert_eq!(title_of("nieuw-rapport"), "Nieuw rapport");
        assert_eq!(title_of("sam"), "Sam");
    }
}
