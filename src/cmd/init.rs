//! `kennis init DIR`: writes a new site that builds as it is: `site.yaml` with one site, the
//! content skeleton (home, reports with an example of every infographic, a persona, an about
//! page and an accessibility statement), `.gitignore` and a GitHub Pages workflow.
//!
//! The files come from `starter/` in the repository, compiled in; `@NAME@` markers in them are
//! filled in here. It writes only into a folder that is new or empty, and leaves nothing behind
//! when a write fails.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::config::{PLACEHOLDER_BASE_URL, PLACEHOLDER_TITLE};
use crate::diag::Outcome;
use crate::messages::{self, Text};

/// The starter site: (path in the new site, text with `@NAME@` markers).
const STARTER: &[(&str, &str)] = &[
    (
        ".github/workflows/publiceren.yml",
        include_str!("../../starter/.github/workflows/publiceren.yml"),
    ),
    (".gitignore", include_str!("../../starter/.gitignore")),
    ("LEESMIJ.md", include_str!("../../starter/LEESMIJ.md")),
    (
        "content/_index.md",
        include_str!("../../starter/content/_index.md"),
    ),
    (
        "content/paginas/over.md",
        include_str!("../../starter/content/paginas/over.md"),
    ),
    (
        "content/paginas/toegankelijkheid.md",
        include_str!("../../starter/content/paginas/toegankelijkheid.md"),
    ),
    (
        "content/personas/_index.md",
        include_str!("../../starter/content/personas/_index.md"),
    ),
    (
        "content/personas/sam.md",
        include_str!("../../starter/content/personas/sam.md"),
    ),
    (
        "content/rapporten/_index.md",
        include_str!("../../starter/content/rapporten/_index.md"),
    ),
    (
        "content/rapporten/voorbeeldrapport/index.md",
        include_str!("../../starter/content/rapporten/voorbeeldrapport/index.md"),
    ),
    ("site.yaml", include_str!("../../starter/site.yaml")),
];

/// Where the publishing workflow gets kennis from when the crate names no repository: a
/// placeholder that the workflow itself refuses with a message.
const PLACEHOLDER_GIT: &str = "https://example.org/kennis.git";

/// Options of `kennis init`, resolved.
#[derive(Debug, Clone)]
pub struct InitOptions {
    /// The folder to write the site into; new or empty.
    pub dir: PathBuf,
    /// The site's title; asked for on a terminal when `None`, else a placeholder.
    pub title: Option<String>,
    /// The site's address; asked for on a terminal when `None`, else a placeholder.
    pub base_url: Option<String>,
    /// A built-in theme.
    pub theme: String,
}

/// Checks `--title`: one line of text.
pub fn parse_title(text: &str) -> Result<String, String> {
    let title = text.trim();
    if title.is_empty() {
        Err(messages::init_title_empty().into())
    } else if title.chars().any(char::is_control) {
        Err(messages::init_title_not_one_line().into())
    } else if title.chars().count() > 120 {
        Err(messages::init_title_too_long().into())
    } else {
        Ok(title.to_string())
    }
}

/// Checks `--base-url`: an absolute http(s) URL; it gets a final `/`.
pub fn parse_base_url(text: &str) -> Result<String, String> {
    let url = text.trim();
    if crate::config::base_path_of(url).is_none() || url.contains(char::is_whitespace) {
        return Err(messages::init_base_url_invalid(url).into());
    }
    Ok(if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    })
}

/// Checks `--theme`: one of the built-in themes.
pub fn parse_theme(text: &str) -> Result<String, String> {
    let names = crate::builtin_themes::names();
    if names.contains(&text) {
        Ok(text.to_string())
    } else {
        Err(messages::init_unknown_theme(text, names.join(", ")).into())
    }
}

/// What goes into the markers of the starter files.
#[derive(Debug, Clone)]
struct Values {
    /// The site's key in `site.yaml` and its output folder.
    site: String,
    title: String,
    base_url: String,
    theme: String,
    /// The example report's date, `YYYY-MM-DD`.
    date: String,
    /// Git address of kennis for the publishing workflow.
    kennis_git: String,
}

/// The starter files with their markers filled in, as (path, text).
fn starter_files(values: &Values) -> Vec<(&'static str, String)> {
    STARTER
        .iter()
        .map(|(path, text)| {
            let text = text
                .replace("@SITE@", &values.site)
                .replace("@TITLE@", &yaml_string(&values.title))
                .replace("@BASE_URL@", &yaml_string(&values.base_url))
                .replace("@THEME@", &values.theme)
                .replace("@DATE@", &values.date)
                .replace("@KENNIS_GIT@", &values.kennis_git);
            (*path, text)
        })
        .collect()
}

/// A YAML double-quoted string: any text stays text (`: `, `#`, quotes).
fn yaml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The site key for a folder: its name as a slug, or `site`.
fn site_name(dir: &Path) -> String {
    let name = std::path::absolute(dir)
        .ok()
        .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_default();
    let slug = crate::model::entry::slugify(&name);
    if name.is_empty() || slug == "pagina" && !name.eq_ignore_ascii_case("pagina") {
        "site".to_string()
    } else {
        slug
    }
}

/// Why `dir` cannot take a new site, if it cannot: it is not a folder, or not empty.
fn refusal(dir: &Path) -> Option<(Text, Text)> {
    let shown = dir.display();
    match std::fs::read_dir(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(_) if !dir.is_dir() => Some((
            messages::init_not_a_folder(shown),
            messages::init_choose_new_folder(),
        )),
        Err(e) => Some((
            messages::init_cannot_read_folder(shown, e),
            messages::init_choose_writable_folder(),
        )),
        Ok(entries) => {
            let mut names: Vec<String> = entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect();
            if names.is_empty() {
                return None;
            }
            names.sort();
            let count = names.len();
            names.truncate(3);
            let more = if count > 3 { ", …" } else { "" };
            Some((
                messages::init_folder_not_empty(
                    shown,
                    count,
                    format!("{}{more}", names.join(", ")),
                ),
                messages::init_choose_new_folder(),
            ))
        }
    }
}

/// Asks `question` on `output` until the answer passes `check`; an empty answer keeps
/// `placeholder` (the answer `None`). End of input also keeps it.
fn ask(
    input: &mut impl BufRead,
    output: &mut impl Write,
    question: &Text,
    placeholder: &str,
    check: fn(&str) -> Result<String, String>,
) -> Option<String> {
    loop {
        let _ = write!(output, "{}", messages::init_question(question, placeholder));
        let _ = output.flush();
        let mut line = String::new();
        match input.read_line(&mut line) {
            Ok(0) | Err(_) => {
                let _ = writeln!(output);
                return None;
            }
            Ok(_) => {}
        }
        if line.trim().is_empty() {
            return None;
        }
        match check(&line) {
            Ok(answer) => return Some(answer),
            Err(why) => {
                let _ = writeln!(output, "  {why}");
            }
        }
    }
}

/// What was written, so a failed init can take it away again.
#[derive(Default)]
struct Written {
    files: Vec<PathBuf>,
    dirs: Vec<PathBuf>,
}

impl Written {
    /// Creates `dir` and the folders above it that do not exist yet, remembering them.
    fn create_dir(&mut self, dir: &Path) -> std::io::Result<()> {
        let mut missing = Vec::new();
        let mut at = Some(dir);
        while let Some(d) = at {
            if d.as_os_str().is_empty() || d.exists() {
                break;
            }
            missing.push(d.to_path_buf());
            at = d.parent();
        }
        for d in missing.into_iter().rev() {
            std::fs::create_dir(&d)?;
            self.dirs.push(d);
        }
        Ok(())
    }

    /// Writes a new file (never over an existing one).
    fn write(&mut self, path: &Path, text: &str) -> std::io::Result<()> {
        if let Some(parent) = path.parent() {
            self.create_dir(parent)?;
        }
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)?;
        self.files.push(path.to_path_buf());
        file.write_all(text.as_bytes())
    }

    /// Removes everything written, newest first.
    fn undo(self) {
        for file in self.files.iter().rev() {
            let _ = std::fs::remove_file(file);
        }
        for dir in self.dirs.iter().rev() {
            let _ = std::fs::remove_dir(dir);
        }
    }
}

/// Writes the new site; exit 1 when the folder is not empty or a file cannot be written.
pub fn run(options: &InitOptions) -> Outcome {
    let dir = &options.dir;
    if let Some((message, hint)) = refusal(dir) {
        super::print_error(message, Some(hint));
        return Outcome::Failed;
    }
    let (mut title, mut base_url) = (options.title.clone(), options.base_url.clone());
    if (title.is_none() || base_url.is_none())
        && std::io::stdin().is_terminal()
        && std::io::stderr().is_terminal()
    {
        let mut input = std::io::stdin().lock();
        let mut output = std::io::stderr();
        if title.is_none() {
            title = ask(
                &mut input,
                &mut output,
                &messages::init_ask_title(),
                PLACEHOLDER_TITLE,
                parse_title,
            );
        }
        if base_url.is_none() {
            base_url = ask(
                &mut input,
                &mut output,
                &messages::init_ask_base_url(),
                PLACEHOLDER_BASE_URL,
                parse_base_url,
            );
        }
    }
    let placeholders = title.is_none() || base_url.is_none();
    let repository = env!("CARGO_PKG_REPOSITORY");
    let values = Values {
        site: site_name(dir),
        title: title.unwrap_or_else(|| PLACEHOLDER_TITLE.to_string()),
        base_url: base_url.unwrap_or_else(|| PLACEHOLDER_BASE_URL.to_string()),
        theme: options.theme.clone(),
        date: today(),
        kennis_git: if repository.is_empty() {
            PLACEHOLDER_GIT.to_string()
        } else {
            repository.to_string()
        },
    };
    let files = starter_files(&values);
    let mut written = Written::default();
    let result = written.create_dir(dir).and_then(|()| {
        files
            .iter()
            .try_for_each(|(rel, text)| written.write(&dir.join(rel), text))
    });
    if let Err(e) = result {
        written.undo();
        super::print_error(messages::init_cannot_write(dir.display(), e), None);
        return Outcome::Failed;
    }
    let shown = dir.display();
    eprintln!(
        "{}",
        messages::init_wrote(&shown, &values.site, &values.theme, files.len())
    );
    eprintln!("  {}", messages::init_next(&shown, &values.site));
    if placeholders {
        eprintln!("  {}", messages::init_fill_in_placeholders());
    }
    eprintln!("  {}", messages::init_fill_in_accessibility());
    if values.kennis_git == PLACEHOLDER_GIT {
        eprintln!("  {}", messages::init_publish_set_git());
    } else {
        eprintln!("  {}", messages::init_publish());
    }
    Outcome::Success
}

fn today() -> String {
    let (y, m, d, _, _) = super::now_utc();
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file of `starter/` is in the list above, so none can be forgotten.
    #[test]
    fn the_list_matches_the_starter_folder() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("starter");
        let mut on_disk: Vec<String> = walkdir::WalkDir::new(&root)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                e.path()
                    .strip_prefix(&root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        on_disk.sort();
        let listed: Vec<&str> = STARTER.iter().map(|(p, _)| *p).collect();
        assert_eq!(listed, on_disk);
    }

    #[test]
    fn every_marker_is_filled_in_and_titles_stay_yaml_text() {
        let values = Values {
            site: "mijn-site".into(),
            title: "Netwerk: \"Jeugd\" # Haaglanden".into(),
            base_url: "https://example.nl/sub/".into(),
            theme: "platform".into(),
            date: "2025-03-01".into(),
            kennis_git: "https://example.org/k.git".into(),
        };
        let is_marker = |word: &str| {
            word.len() > 2
                && word.starts_with('@')
                && word.ends_with('@')
                && word[1..word.len() - 1]
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c == '_')
        };
        for (path, text) in starter_files(&values) {
            let left: Vec<&str> = text
                .split(|c: char| !(c == '@' || c == '_' || c.is_ascii_alphanumeric()))
                .filter(|w| is_marker(w))
                .collect();
            assert!(left.is_empty(), "{path} keeps {left:?}");
        }
        // The raw starter does have markers, so the check above can fail.
        assert!(
            STARTER
                .iter()
                .any(|(_, t)| t.split(' ').any(|w| is_marker(w.trim())))
        );
        let files = starter_files(&values);
        let site_yaml = &files.iter().find(|(p, _)| *p == "site.yaml").unwrap().1;
        let parsed: serde_yaml::Value = serde_yaml::from_str(site_yaml).unwrap();
        let site = &parsed["sites"]["mijn-site"];
        assert_eq!(
            site["title"].as_str(),
            Some("Netwerk: \"Jeugd\" # Haaglanden")
        );
        assert_eq!(site["base_url"].as_str(), Some("https://example.nl/sub/"));
        assert_eq!(site["theme"].as_str(), Some("platform"));
    }

    #[test]
    fn arguments_are_checked() {
        assert_eq!(
            parse_base_url("https://x.github.io/p").as_deref(),
            Ok("https://x.github.io/p/")
        );
        assert!(parse_base_url("x.github.io").is_err());
        assert!(parse_base_url("https://a b/").is_err());
        assert!(parse_title("  ").is_err());
        assert!(parse_title("a\nb").is_err());
        assert_eq!(parse_title(" Netwerk ").as_deref(), Ok("Netwerk"));
        assert!(parse_theme("kennisnetwerk").is_ok());
        assert!(
            parse_theme("blauw")
                .unwrap_err()
                .contains("kennisnetwerk, platform")
        );
    }

    #[test]
    fn site_names_come_from_the_folder() {
        assert_eq!(site_name(Path::new("/tmp/Mijn Netwerk")), "mijn-netwerk");
        assert_eq!(site_name(Path::new("/tmp/___")), "site");
        assert_eq!(site_name(Path::new("/tmp/pagina")), "pagina");
    }

    #[test]
    fn questions_are_asked_until_the_answer_is_right() {
        let mut input = std::io::Cursor::new("geen-url\nhttps://www.netwerk.nl\n");
        let mut output = Vec::new();
        let question = messages::init_ask_base_url();
        let answer = ask(&mut input, &mut output, &question, "x", parse_base_url);
        assert_eq!(answer.as_deref(), Some("https://www.netwerk.nl/"));
        let shown = String::from_utf8(output).unwrap();
        assert_eq!(
            shown
                .matches("Adres waarop de site komt te staan [met Enter blijft het `x`")
                .count(),
            2,
            "{shown}"
        );
        assert!(
            shown.contains("`geen-url` is geen volledig webadres"),
            "{shown}"
        );
        // An empty answer, or none at all, keeps the placeholder.
        for typed in ["\n", ""] {
            let mut input = std::io::Cursor::new(typed);
            assert_eq!(
                ask(
                    &mut input,
                    &mut Vec::new(),
                    &messages::init_ask_title(),
                    "x",
                    parse_title
                ),
                None
            );
        }
    }
}
