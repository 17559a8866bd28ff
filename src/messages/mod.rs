//! Every sentence kennis says to an editor, in Dutch and in English: errors, warnings, hints,
//! progress and the output of the commands.
//!
//! A message is a function of this module, declared once with both texts by `catalogue!`
//! (the submodules group them by where they come from). It returns a `Text` in the language
//! of the run, chosen once by `main` (`choose`): `--lang`, else `KENNIS_LANG`, else the
//! `language` of site.yaml, else Dutch. `Text` can only be made here, so a sentence that is
//! not in the catalogue cannot reach a `Diagnostic` or the terminal; `ENTRIES` lists every
//! message for the tests that compare the two languages and recognise printed lines.

use std::fmt;
use std::path::Path;
use std::sync::atomic::{AtomicU8, Ordering};

mod blocks;
mod check;
mod commands;
mod content;
mod site;
mod yaml;

pub(crate) use blocks::*;

pub(crate) use check::*;
pub(crate) use commands::*;

pub(crate) use content::*;

pub(crate) use site::*;

pub(crate) use yaml::*;

/// The language kennis speaks to the editor in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    /// Nederlands: the default, and what a site with `language: nl` gets.
    Dutch,
    /// English: `--lang en`, `KENNIS_LANG=en`, or a site in another language.
    English,
}

impl Language {
    /// `nl` or `en`, as `--lang` and `KENNIS_LANG` write it; `None` for anything else.
    pub fn from_code(code: &str) -> Option<Language> {
        match code.trim().to_ascii_lowercase().as_str() {
            "nl" => Some(Language::Dutch),
            "en" => Some(Language::English),
            _ => None,
        }
    }

    /// The language's code for a `lang` attribute.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Language::Dutch => "nl",
            Language::English => "en",
        }
    }
}

/// The language of this run: 0 Dutch, 1 English.
static LANGUAGE: AtomicU8 = AtomicU8::new(0);

/// Sets the language of every message from here on.
pub fn set(language: Language) {
    LANGUAGE.store(language as u8, Ordering::Relaxed);
}

/// The language of the run.
pub(crate) fn language() -> Language {
    #[cfg(test)]
    if let Some(l) = OVERRIDE.get() {
        return l;
    }
    if LANGUAGE.load(Ordering::Relaxed) == Language::English as u8 {
        Language::English
    } else {
        Language::Dutch
    }
}

#[cfg(test)]
thread_local! {
    static OVERRIDE: std::cell::Cell<Option<Language>> = const { std::cell::Cell::new(None) };
}

/// Runs `f` with the messages of this thread in `language` (tests run in parallel threads, so
/// they do not touch the run's language).
#[cfg(test)]
pub(crate) fn speaking<R>(language: Language, f: impl FnOnce() -> R) -> R {
    let before = OVERRIDE.replace(Some(language));
    let out = f();
    OVERRIDE.set(before);
    out
}

/// The environment variable that chooses the language when `--lang` is not given.
pub const ENV: &str = "KENNIS_LANG";

/// The language of a run: `flag` (`--lang`), else `KENNIS_LANG`, else the `language:` of
/// `root/site.yaml` (`nl` is Dutch, any other language English), else Dutch. An unknown code in
/// `KENNIS_LANG` is passed over.
pub fn choose(flag: Option<Language>, root: Option<&Path>) -> Language {
    if let Some(l) = flag {
        return l;
    }
    if let Some(l) = std::env::var(ENV)
        .ok()
        .and_then(|v| Language::from_code(&v))
    {
        return l;
    }
    root.and_then(|r| std::fs::read_to_string(r.join("site.yaml")).ok())
        .and_then(|text| site_language(&text))
        .map_or(Language::Dutch, |code| {
            Language::from_code(&code).unwrap_or(Language::English)
        })
}

/// The value of the top-level `language:` line of a site.yaml, read line by line so that a
/// file with a YAML error still gives its language.
fn site_language(text: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let value = line.strip_prefix("language:")?;
        let value = value.split(" #").next().unwrap_or("").trim();
        let value = value.trim_matches(|c| c == '"' || c == '\'');
        (!value.is_empty()).then(|| value.to_string())
    })
}

/// A sentence for the editor, in the language of the run. Only the catalogue makes one.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(String);

impl Text {
    /// The sentence.
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<Text> for String {
    fn from(text: Text) -> String {
        text.0
    }
}

/// One message of the catalogue: its name and its two texts, with `{name}` where a value goes.
#[derive(Debug)]
pub(crate) struct Entry {
    #[cfg_attr(
        not(test),
        allow(dead_code, reason = "the tests name the message they check")
    )]
    pub(crate) name: &'static str,
    pub(crate) dutch: &'static str,
    pub(crate) english: &'static str,
}

/// Declares messages: each becomes a function of its arguments (anything `Display`) that
/// returns the `Text` in the run's language, and an `Entry` in the module's `ENTRIES`.
macro_rules! catalogue {
    ($(
        $(#[$doc:meta])*
        fn $name:ident($($arg:ident),* $(,)?) {
            nl: $nl:literal,
            en: $en:literal $(,)?
        }
    )*) => {
        $(
            $(#[$doc])*
            pub(crate) fn $name($($arg: impl std::fmt::Display),*) -> $crate::messages::Text {
                $crate::messages::Text(match $crate::messages::language() {
                    $crate::messages::Language::Dutch => format!($nl),
                    $crate::messages::Language::English => format!($en),
                })
            }
        )*

        /// Every message of this module.
        #[allow(dead_code)]
        pub(crate) const ENTRIES: &[$crate::messages::Entry] = &[
            $($crate::messages::Entry { name: stringify!($name), dutch: $nl, english: $en }),*
        ];
    };
}
pub(crate) use catalogue;

/// Every message of the catalogue.
pub(crate) fn entries() -> impl Iterator<Item = &'static Entry> {
    [
        blocks::ENTRIES,
        check::ENTRIES,
        commands::ENTRIES,
        content::ENTRIES,
        site::ENTRIES,
        yaml::ENTRIES,
    ]
    .into_iter()
    .flatten()
}

/// Items joined for a message: `a, b, c`.
pub(crate) fn join<T: fmt::Display>(items: impl IntoIterator<Item = T>) -> String {
    items
        .into_iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A piece of a template: text, or a place for a value.
#[derive(Debug, PartialEq, Eq)]
enum Piece<'a> {
    Literal(String),
    Value(&'a str),
}

/// A template split into its literal text (with `{{` and `}}` undone) and its `{value}`s.
fn pieces(template: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut literal = String::new();
    let mut rest = template;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("{{") || rest.starts_with("}}") {
            literal.push(c);
            rest = &rest[2..];
        } else if c == '{' {
            let end = rest.find('}').unwrap_or(rest.len() - 1);
            let name = rest[1..end].split(':').next().unwrap_or("");
            if !literal.is_empty() {
                out.push(Piece::Literal(std::mem::take(&mut literal)));
            }
            out.push(Piece::Value(name));
            rest = &rest[end + 1..];
        } else {
            literal.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    if !literal.is_empty() {
        out.push(Piece::Literal(literal));
    }
    out
}

/// The names of the values a template takes, sorted.
#[cfg(test)]
pub(crate) fn values(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = pieces(template)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Value(n) => Some(n),
            Piece::Literal(_) => None,
        })
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// Whether `line` is `template` with some text in every place for a value.
#[cfg(test)]
pub(crate) fn fits(template: &str, line: &str) -> bool {
    let pieces = pieces(template);
    let starts_open = matches!(pieces.first(), Some(Piece::Value(_)));
    let ends_open = matches!(pieces.last(), Some(Piece::Value(_)));
    fits_pieces(&pieces, line, starts_open, ends_open)
}

/// `fits`, where the line may have text before the template (`starts_open`) or after it
/// (`ends_open`).
fn fits_pieces(pieces: &[Piece<'_>], line: &str, starts_open: bool, ends_open: bool) -> bool {
    let literals: Vec<&str> = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Literal(l) => Some(l.as_str()),
            Piece::Value(_) => None,
        })
        .collect();
    if literals.is_empty() {
        return starts_open || line.is_empty();
    }
    let mut rest = line;
    for (i, lit) in literals.iter().enumerate() {
        let last = i == literals.len() - 1;
        if i == 0 && !starts_open {
            match rest.strip_prefix(lit) {
                Some(r) => rest = r,
                None => return false,
            }
            if last {
                return ends_open || rest.is_empty();
            }
            continue;
        }
        if last && !ends_open {
            return rest.len() >= lit.len() && rest.ends_with(lit);
        }
        match rest.find(lit) {
            Some(at) => rest = &rest[at + lit.len()..],
            None => return false,
        }
    }
    true
}

/// How many letters a template has outside its values and its `code`: how much of a line it
/// says.
fn letters(template: &str) -> usize {
    pieces(template)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Literal(l) => Some(l),
            Piece::Value(_) => None,
        })
        .collect::<String>()
        .split('`')
        .step_by(2)
        .flat_map(str::chars)
        .filter(|c| c.is_alphabetic())
        .count()
}

/// The language of a printed sentence: that of the message of the catalogue that says the most
/// of it (a message that holds another is recognised by the longer one). `None` when no message
/// with a few words of its own is in the line.
pub fn recognise(line: &str) -> Option<Language> {
    let mut best: Option<(usize, Language)> = None;
    for e in entries() {
        for (template, language) in [(e.dutch, Language::Dutch), (e.english, Language::English)] {
            let n = letters(template);
            if n < 4 || best.is_some_and(|(b, _)| b >= n) {
                continue;
            }
            if fits_pieces(&pieces(template), line, true, true) {
                best = Some((n, language));
            }
        }
    }
    best.map(|(_, l)| l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_takes_the_same_values_in_both_languages() {
        let mut names = std::collections::HashSet::new();
        for e in entries() {
            assert!(names.insert(e.name), "`{}` is declared twice", e.name);
            assert_eq!(
                values(e.dutch),
                values(e.english),
                "`{}` takes other values in Dutch than in English",
                e.name
            );
            assert!(
                !e.dutch.trim().is_empty() && !e.english.trim().is_empty(),
                "{}",
                e.name
            );
        }
        assert!(names.len() > 500, "only {} messages", names.len());
    }

    #[test]
    fn every_message_is_translated() {
        // A message whose two texts are the same in more than values and code is one that was
        // not translated. The apostrophe counts: Dutch "persona's" is English "personas".
        let words = |t: &str| -> String {
            pieces(t)
                .into_iter()
                .filter_map(|p| match p {
                    Piece::Literal(l) => Some(l),
                    Piece::Value(_) => None,
                })
                .collect::<String>()
                .split('`')
                .step_by(2)
                .collect::<String>()
                .chars()
                .filter(|c| c.is_alphabetic() || *c == '\'')
                .collect()
        };
        for e in entries() {
            let (nl, en) = (words(e.dutch), words(e.english));
            assert!(
                nl.is_empty() || nl != en,
                "`{}` says the same in both languages: {:?}",
                e.name,
                e.dutch
            );
        }
    }

    #[test]
    fn a_line_fits_the_template_it_was_made_from() {
        let t = "the `{kind}` block has {n:.1} rows, more than {max}";
        assert!(fits(t, "the `bars` block has 3.0 rows, more than 2"));
        assert!(fits(t, "the `` block has  rows, more than "));
        assert!(!fits(t, "the `bars` block has 3 rows, fewer than 2"));
        assert!(!fits(t, "xthe `bars` block has 3 rows, more than 2"));
        assert!(fits("{what}: {message}", "a: b"));
        assert!(!fits("{what}: {message}", "a b"));
        assert!(fits("add `{{#{id}}}`", "add `{#x}`"));
        assert!(fits("done", "done"));
        assert!(!fits("done", "done!"));
        assert_eq!(values("a {b} {c:.2} {{d}} {b}"), vec!["b", "c"]);
    }

    #[test]
    fn the_language_comes_from_the_flag_then_the_environment_then_site_yaml() {
        assert_eq!(
            site_language("# x\nlanguage: en # English\nsites: {}\n"),
            Some("en".into())
        );
        assert_eq!(site_language("sites:\n  a:\n    language: en\n"), None);
        assert_eq!(
            choose(Some(Language::English), None),
            Language::English,
            "the flag wins"
        );
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("site.yaml"), "language: de\n").unwrap();
        if std::env::var_os(ENV).is_none() {
            assert_eq!(choose(None, Some(dir.path())), Language::English);
            std::fs::write(dir.path().join("site.yaml"), "language: 'nl'\n").unwrap();
            assert_eq!(choose(None, Some(dir.path())), Language::Dutch);
            assert_eq!(choose(None, None), Language::Dutch);
        }
    }

    #[test]
    fn a_message_speaks_the_language_it_is_asked_for() {
        let nl = speaking(Language::Dutch, || build_failed(2));
        let en = speaking(Language::English, || build_failed(2));
        assert_ne!(nl, en);
        assert_eq!(recognise(nl.as_str()), Some(Language::Dutch));
        assert_eq!(recognise(en.as_str()), Some(Language::English));
        assert_eq!(recognise("something no message says"), None);
    }
}
