//! Configuration: `site.yaml` as written (`SiteYaml`) resolved into a `Config`, with each site's
//! theme loaded: palette (contrast-checked), navigation, templates and the bundled stylesheet.
//!
//! Reads `site.yaml` and `themes/`; never content. Unknown keys are errors with their line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use walkdir::WalkDir;

use crate::diag::{Diagnostic, Diagnostics};
use crate::palette::{Palette, contrast};
use crate::source::{SourceFile, parse_yaml};

/// `site.yaml` exactly as the user wrote it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteYaml {
    language: Option<String>,
    sites: BTreeMap<String, SiteEntry>,
    /// Audiences of recommendations beyond the built-in four.
    audiences: Option<Vec<String>>,
    /// Thresholds of the plain-language advice of `kennis check`.
    #[serde(default)]
    readability: Readability,
    /// Whether reports get a social card (`social.png`); every site's default.
    social_cards: Option<bool>,
    /// Whether sites get `/zoeken/` and a search index; every site's default.
    search: Option<bool>,
}

/// Thresholds of the plain-language (B1) advice of `kennis check`, from `readability:` in
/// `site.yaml`. Both are advice: pages past them get a warning, never an error.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct Readability {
    /// Lowest Flesch-Douma score of a page's prose before `check` advises shorter sentences
    /// and words (about 60 and up reads as B1; 30 to 45 is the level of a research report).
    pub(crate) min_score: f64,
    /// Longest sentence, in words, before `check` points it out.
    pub(crate) max_sentence_words: usize,
}

impl Default for Readability {
    fn default() -> Self {
        Readability {
            min_score: 40.0,
            max_sentence_words: 25,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteEntry {
    title: String,
    base_url: String,
    theme: String,
    include: Option<IncludeYaml>,
    social_cards: Option<bool>,
    search: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IncludeYaml {
    series: Vec<String>,
}

/// `theme.yaml` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeYaml {
    name: String,
    palette: Palette,
    nav: Vec<NavItem>,
}

/// One entry of a site's main navigation.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NavItem {
    /// Link text.
    pub(crate) title: String,
    /// Site-relative URL (`/rapporten/`).
    pub(crate) url: String,
}

/// The resolved configuration of a whole build.
#[derive(Debug)]
pub(crate) struct Config {
    /// The site root (folder of `site.yaml`).
    pub(crate) root: PathBuf,
    /// Interface language (`nl`).
    pub(crate) language: String,
    /// The sites to build, in name order.
    pub(crate) sites: Vec<SiteConfig>,
    /// Audiences recommendations may name.
    pub(crate) audiences: Vec<String>,
    /// Thresholds of `kennis check`'s readability advice.
    pub(crate) readability: Readability,
}

/// One site.
#[derive(Debug)]
pub(crate) struct SiteConfig {
    /// Key in `site.yaml`, and the output folder name.
    pub(crate) name: String,
    /// Title.
    pub(crate) title: String,
    /// Absolute base URL, ending in `/`.
    pub(crate) base_url: String,
    /// Path part of the base URL (`/` or `/sub/`), prefixed to every site-relative URL.
    pub(crate) base_path: String,
    /// The report series this site includes; `None` includes every report.
    pub(crate) include_series: Option<Vec<String>>,
    /// The theme.
    pub(crate) theme: Theme,
    /// Whether each report gets a social card (`social.png`, for `og:image`).
    pub(crate) social_cards: bool,
    /// Whether the site gets the search page and its index.
    pub(crate) search: bool,
}

/// A loaded theme.
#[derive(Debug)]
pub(crate) struct Theme {
    /// Folder name.
    pub(crate) name: String,
    /// Colours for the graphics.
    pub(crate) palette: Palette,
    /// Main navigation.
    pub(crate) nav: Vec<NavItem>,
    /// The parsed templates, shared ones overridden by the theme's own.
    pub(crate) tera: tera::Tera,
    /// The bundled, minified stylesheet.
    pub(crate) css: String,
}

/// Overrides from the command line.
#[derive(Debug, Default, Clone)]
pub(crate) struct Overrides {
    /// Build only this site.
    pub(crate) site: Option<String>,
    /// Use this base URL for every site built.
    pub(crate) base_url: Option<String>,
}

/// Reads and resolves `root/site.yaml` and the themes it names.
pub(crate) fn load(root: &Path, overrides: &Overrides) -> Result<Config, Diagnostics> {
    let mut diags = Diagnostics::default();
    let path = root.join("site.yaml");
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            diags.push(
                Diagnostic::error(format!("cannot read {}: {e}", path.display()))
                    .with_hint("run kennis in the folder that holds site.yaml, or pass --root DIR"),
            );
            return Err(diags);
        }
    };
    let file = SourceFile::new("site.yaml", text);
    let raw: SiteYaml = match parse_yaml(&file, 0, &file.text, "site.yaml") {
        Ok(raw) => raw,
        Err(d) => {
            diags.push(d);
            return Err(diags);
        }
    };
    let mut audiences: Vec<String> = crate::blocks::recommendations::AUDIENCES
        .iter()
        .map(|s| s.to_string())
        .collect();
    audiences.extend(raw.audiences.unwrap_or_default());

    if let Some(only) = &overrides.site
        && !raw.sites.contains_key(only)
    {
        let names: Vec<&str> = raw.sites.keys().map(String::as_str).collect();
        diags.push(
            Diagnostic::error(format!("there is no site `{only}` in site.yaml"))
                .with_hint(format!("choose one of: {}", names.join(", "))),
        );
        return Err(diags);
    }

    let mut sites = Vec::new();
    for (name, entry) in raw.sites {
        if overrides.site.as_ref().is_some_and(|only| *only != name) {
            continue;
        }
        let key_offset = find_key(&file, &name);
        if !is_slug(&name) {
            diags.push(
                file.error_at(
                    key_offset,
                    format!("the site name `{name}` cannot be a folder name"),
                )
                .with_hint("use lower-case letters, digits and `-` only"),
            );
            continue;
        }
        let base_url = overrides.base_url.clone().unwrap_or(entry.base_url);
        let Some(base_path) = base_path_of(&base_url) else {
            diags.push(
                file.error_at(
                    key_offset,
                    format!(
                        "the base_url `{base_url}` of site `{name}` is not an absolute http(s) URL"
                    ),
                )
                .with_hint("write it like https://www.example.nl/"),
            );
            continue;
        };
        let base_url = if base_url.ends_with('/') {
            base_url
        } else {
            format!("{base_url}/")
        };
        match load_theme(root, &entry.theme) {
            Ok(theme) => sites.push(SiteConfig {
                name,
                title: entry.title,
                base_url,
                base_path,
                include_series: entry.include.map(|i| i.series),
                theme,
                social_cards: entry.social_cards.or(raw.social_cards).unwrap_or(true),
                search: entry.search.or(raw.search).unwrap_or(true),
            }),
            Err(mut d) => {
                if d.iter().all(|d| d.span.is_none()) {
                    for one in &mut d {
                        one.span = Some(file.span_at(key_offset));
                        one.source_line =
                            Some(file.line_text(file.position(key_offset).0).to_string());
                    }
                }
                diags.extend(d);
            }
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(Config {
        root: root.to_path_buf(),
        language: raw.language.unwrap_or_else(|| "nl".to_string()),
        sites,
        audiences,
        readability: raw.readability,
    })
}

/// Byte offset of the line `  key:` in a YAML file, or 0.
fn find_key(file: &SourceFile, key: &str) -> usize {
    let mut offset = 0;
    for line in file.text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with(&format!("{key}:")) {
            return offset + (line.len() - trimmed.len());
        }
        offset += line.len();
    }
    0
}

/// Whether `s` is a safe folder name.
pub(crate) fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// The path of an absolute http(s) URL, always starting and ending with `/`.
fn base_path_of(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    if host.is_empty() || host.contains(['<', '>', '"', ' ']) {
        return None;
    }
    let path = path.trim_end_matches('/');
    Some(format!("{path}/"))
}

/// A theme file's text and the name it is shown under in errors.
struct ThemeFile {
    shown: String,
    text: String,
}

/// Where a theme's files come from: the site's own `themes/` folder, or the built-in copy.
enum ThemeSource {
    Disk(PathBuf),
    BuiltIn,
}

impl ThemeSource {
    /// The site's own theme if it has one, else the built-in theme of that name.
    fn find(root: &Path, name: &str) -> Option<ThemeSource> {
        let themes = root.join("themes");
        if themes.join(name).join("theme.yaml").is_file() {
            Some(ThemeSource::Disk(themes))
        } else if crate::builtin_themes::names().contains(&name) {
            Some(ThemeSource::BuiltIn)
        } else {
            None
        }
    }

    /// `theme.yaml` of theme `name`.
    fn theme_yaml(&self, name: &str) -> Option<String> {
        match self {
            ThemeSource::Disk(themes) => {
                std::fs::read_to_string(themes.join(name).join("theme.yaml")).ok()
            }
            ThemeSource::BuiltIn => {
                crate::builtin_themes::file(&format!("{name}/theme.yaml")).map(str::to_string)
            }
        }
    }

    /// The files below `<dir>/<kind>` (`kind` is `templates` or `css`) as (path relative to
    /// it, file), sorted. A site theme without `themes/_shared` shares the built-in one.
    fn files(
        &self,
        root: &Path,
        dir: &str,
        kind: &str,
        problems: &mut Vec<Diagnostic>,
    ) -> Vec<(String, ThemeFile)> {
        let built_in = || {
            crate::builtin_themes::files_under(&format!("{dir}/{kind}"))
                .into_iter()
                .map(|(rel, text)| {
                    let shown = format!("(built-in) themes/{dir}/{kind}/{rel}");
                    (
                        rel,
                        ThemeFile {
                            shown,
                            text: text.to_string(),
                        },
                    )
                })
                .collect()
        };
        match self {
            ThemeSource::Disk(themes) if themes.join(dir).is_dir() => {
                let base = themes.join(dir).join(kind);
                let mut out = Vec::new();
                for (rel, path) in files_under(&base) {
                    match std::fs::read_to_string(&path) {
                        Ok(text) => {
                            let shown = path
                                .strip_prefix(root)
                                .unwrap_or(&path)
                                .display()
                                .to_string();
                            out.push((rel, ThemeFile { shown, text }));
                        }
                        Err(e) => problems.push(Diagnostic::error(format!(
                            "cannot read {}: {e}",
                            path.display()
                        ))),
                    }
                }
                out
            }
            ThemeSource::Disk(_) if dir == "_shared" => built_in(),
            ThemeSource::Disk(_) => Vec::new(),
            ThemeSource::BuiltIn => built_in(),
        }
    }
}

fn load_theme(root: &Path, name: &str) -> Result<Theme, Vec<Diagnostic>> {
    if !is_slug(name) {
        return Err(vec![
            Diagnostic::error(format!("the theme name `{name}` is not a folder name"))
                .with_hint("name a folder in themes/, e.g. `kennisnetwerk`"),
        ]);
    }
    let Some((source, text)) = ThemeSource::find(root, name)
        .and_then(|source| source.theme_yaml(name).map(|text| (source, text)))
    else {
        let available = list_themes(root);
        return Err(vec![
            Diagnostic::error(format!(
                "there is no theme `{name}` (themes/{name}/theme.yaml, or a built-in theme)"
            ))
            .with_hint(
                match crate::diag::suggest(
                    name,
                    &available.iter().map(String::as_str).collect::<Vec<_>>(),
                ) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("available themes: {}", available.join(", ")),
                },
            ),
        ]);
    };
    let file = SourceFile::new(format!("themes/{name}/theme.yaml"), text);
    let raw: ThemeYaml = parse_yaml(&file, 0, &file.text, "theme.yaml").map_err(|d| vec![d])?;
    let mut problems = Vec::new();
    let palette_offset = find_key(&file, "palette");
    for (what, fg, bg, min) in raw.palette.requirements() {
        match contrast(fg, bg) {
            Some(ratio) if ratio >= min => {}
            Some(ratio) => problems.push(
                file.error_at(
                    palette_offset,
                    format!("palette contrast of {what} is {ratio:.2}:1, below {min}:1"),
                )
                .with_hint("darken the foreground or lighten the background colour"),
            ),
            None => problems.push(
                file.error_at(
                    palette_offset,
                    format!("palette colours for {what} must be written as #rrggbb"),
                )
                .with_hint("e.g. \"#1d5a8c\" (in quotes)"),
            ),
        }
    }
    let _ = raw.name;
    let mut templates: BTreeMap<String, String> = BTreeMap::new();
    let mut css_files: Vec<ThemeFile> = Vec::new();
    for dir in ["_shared", name] {
        for (rel, file) in source.files(root, dir, "templates", &mut problems) {
            templates.insert(rel, file.text);
        }
        css_files.extend(
            source
                .files(root, dir, "css", &mut problems)
                .into_iter()
                .filter(|(rel, _)| rel.ends_with(".css"))
                .map(|(_, file)| file),
        );
    }
    for required in [
        "base.html",
        "index.html",
        "section.html",
        "report.html",
        "persona.html",
        "page.html",
        "404.html",
    ] {
        if !templates.contains_key(required) {
            problems.push(Diagnostic::error(format!("theme `{name}` has no template {required}"))
                .with_hint(format!("add themes/_shared/templates/{required} or themes/{name}/templates/{required}")));
        }
    }
    let mut tera = tera::Tera::default();
    tera.autoescape_on(vec![".html", ".xml"]);
    // Templates escape with the same function as generated markup.
    tera.set_escape_fn(crate::markup::escape);
    if let Err(e) = tera.add_raw_templates(templates.iter().map(|(n, t)| (n.as_str(), t.as_str())))
    {
        problems.push(
            Diagnostic::error(format!(
                "a template of theme `{name}` does not parse: {}",
                error_chain(&e)
            ))
            .with_hint("fix the template syntax (Tera)"),
        );
    }
    let css = match bundle_css(&css_files) {
        Ok(css) => css,
        Err(d) => {
            problems.push(d);
            String::new()
        }
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Theme {
        name: name.to_string(),
        palette: raw.palette,
        nav: raw.nav,
        tera,
        css,
    })
}

/// An error and its causes on one line.
pub(crate) fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

fn list_themes(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root.join("themes"))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().join("theme.yaml").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .chain(
            crate::builtin_themes::names()
                .into_iter()
                .map(str::to_string),
        )
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Files below `dir` as (path relative to `dir` with `/`, full path), sorted.
fn files_under(dir: &Path) -> Vec<(String, PathBuf)> {
    WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = e.path().strip_prefix(dir).ok()?;
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            Some((rel, e.path().to_path_buf()))
        })
        .collect()
}

/// Concatenates the stylesheets and minifies them with lightningcss.
fn bundle_css(files: &[ThemeFile]) -> Result<String, Diagnostic> {
    use lightningcss::printer::PrinterOptions;
    use lightningcss::stylesheet::{MinifyOptions, ParserOptions, StyleSheet};
    use lightningcss::targets::{Browsers, Targets};

    let mut all = String::new();
    for ThemeFile { shown, text } in files {
        // Each file is parsed alone first, so an error names the right file and line.
        if let Err(e) = StyleSheet::parse(
            text,
            ParserOptions {
                filename: shown.clone(),
                ..ParserOptions::default()
            },
        ) {
            let file = SourceFile::new(shown, text.clone());
            return Err(match &e.loc {
                Some(loc) => file.error_at_line(
                    loc.line as usize + 1,
                    loc.column as usize,
                    format!("CSS: {}", e.kind),
                ),
                None => file.error_at_start(format!("CSS: {}", e.kind)),
            }
            .with_hint("fix the stylesheet; the theme's CSS must parse"));
        }
        all.push_str(text);
        all.push('\n');
    }
    let targets = Targets::from(Browsers {
        chrome: Some(100 << 16),
        firefox: Some(100 << 16),
        safari: Some(15 << 16),
        ..Browsers::default()
    });
    let mut sheet = StyleSheet::parse(&all, ParserOptions::default())
        .map_err(|e| Diagnostic::error(format!("CSS: {e}")))?;
    sheet
        .minify(MinifyOptions {
            targets,
            ..MinifyOptions::default()
        })
        .map_err(|e| Diagnostic::error(format!("CSS: {e}")))?;
    let out = sheet
        .to_css(PrinterOptions {
            minify: true,
            targets,
            ..PrinterOptions::default()
        })
        .map_err(|e| Diagnostic::error(format!("CSS: {e}")))?;
    Ok(out.code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_paths_are_taken_from_urls() {
        assert_eq!(
            base_path_of("https://www.example.nl/").as_deref(),
            Some("/")
        );
        assert_eq!(base_path_of("https://www.example.nl").as_deref(), Some("/"));
        assert_eq!(
            base_path_of("http://x.nl/sub/dir").as_deref(),
            Some("/sub/dir/")
        );
        assert_eq!(base_path_of("www.example.nl"), None);
        assert_eq!(base_path_of("https:///x"), None);
    }

    #[test]
    fn unknown_keys_in_site_yaml_are_errors_with_their_line() {
        let dir = std::env::temp_dir().join(format!("kennis-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("site.yaml"), "language: nl\nsites:\n  a:\n    title: A\n    base_url: https://a.nl/\n    theme: t\n    thema: x\n").unwrap();
        let err = load(&dir, &Overrides::default()).unwrap_err();
        let all = err.sorted();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].span.as_ref().unwrap().line, 7);
        assert!(
            all[0].message.contains("unknown field `thema`"),
            "{}",
            all[0].message
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
