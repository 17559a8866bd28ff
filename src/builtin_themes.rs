//! The themes in `themes/`, compiled into the binary: a site without its own `themes/<name>/`
//! gets the built-in theme of that name, so `kennis` works on any folder with a `site.yaml`.

/// (path relative to `themes/`, contents) of every built-in theme file.
pub(crate) const FILES: &[(&str, &str)] = &[
    (
        "_shared/css/10-base.css",
        include_str!("../themes/_shared/css/10-base.css"),
    ),
    (
        "_shared/css/20-layout.css",
        include_str!("../themes/_shared/css/20-layout.css"),
    ),
    (
        "_shared/css/30-content.css",
        include_str!("../themes/_shared/css/30-content.css"),
    ),
    (
        "_shared/css/35-search.css",
        include_str!("../themes/_shared/css/35-search.css"),
    ),
    (
        "_shared/css/40-graphics.css",
        include_str!("../themes/_shared/css/40-graphics.css"),
    ),
    (
        "_shared/css/90-print.css",
        include_str!("../themes/_shared/css/90-print.css"),
    ),
    (
        "_shared/templates/404.html",
        include_str!("../themes/_shared/templates/404.html"),
    ),
    (
        "_shared/templates/_card.html",
        include_str!("../themes/_shared/templates/_card.html"),
    ),
    (
        "_shared/templates/aanbevelingen.html",
        include_str!("../themes/_shared/templates/aanbevelingen.html"),
    ),
    (
        "_shared/templates/base.html",
        include_str!("../themes/_shared/templates/base.html"),
    ),
    (
        "_shared/templates/index.html",
        include_str!("../themes/_shared/templates/index.html"),
    ),
    (
        "_shared/templates/page.html",
        include_str!("../themes/_shared/templates/page.html"),
    ),
    (
        "_shared/templates/persona.html",
        include_str!("../themes/_shared/templates/persona.html"),
    ),
    (
        "_shared/templates/reeks.html",
        include_str!("../themes/_shared/templates/reeks.html"),
    ),
    (
        "_shared/templates/reeksen.html",
        include_str!("../themes/_shared/templates/reeksen.html"),
    ),
    (
        "_shared/templates/report.html",
        include_str!("../themes/_shared/templates/report.html"),
    ),
    (
        "_shared/templates/section.html",
        include_str!("../themes/_shared/templates/section.html"),
    ),
    (
        "_shared/templates/thema.html",
        include_str!("../themes/_shared/templates/thema.html"),
    ),
    (
        "_shared/templates/themas.html",
        include_str!("../themes/_shared/templates/themas.html"),
    ),
    (
        "_shared/templates/zoeken.html",
        include_str!("../themes/_shared/templates/zoeken.html"),
    ),
    (
        "kennisnetwerk/css/50-theme.css",
        include_str!("../themes/kennisnetwerk/css/50-theme.css"),
    ),
    (
        "kennisnetwerk/theme.yaml",
        include_str!("../themes/kennisnetwerk/theme.yaml"),
    ),
    (
        "platform/css/50-theme.css",
        include_str!("../themes/platform/css/50-theme.css"),
    ),
    (
        "platform/theme.yaml",
        include_str!("../themes/platform/theme.yaml"),
    ),
];

/// The built-in file at `rel` (relative to `themes/`).
pub(crate) fn file(rel: &str) -> Option<&'static str> {
    FILES.iter().find(|(p, _)| *p == rel).map(|(_, t)| *t)
}

/// Built-in files below `dir` (e.g. `kennisnetwerk/css`), as (path relative to `dir`, text),
/// sorted by path.
pub(crate) fn files_under(dir: &str) -> Vec<(String, &'static str)> {
    let prefix = format!("{dir}/");
    let mut out: Vec<(String, &'static str)> = FILES
        .iter()
        .filter_map(|(p, t)| Some((p.strip_prefix(&prefix)?.to_string(), *t)))
        .collect();
    out.sort();
    out
}

/// Names of the built-in themes.
pub(crate) fn names() -> Vec<&'static str> {
    FILES
        .iter()
        .filter_map(|(p, _)| p.strip_suffix("/theme.yaml"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file of `themes/` (but its README) is built in, so a new template or stylesheet
    /// cannot be forgotten in the list above.
    #[test]
    fn the_list_matches_the_themes_folder() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes");
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
            .filter(|p| p != "README.md")
            .collect();
        on_disk.sort();
        let built_in: Vec<String> = FILES.iter().map(|(p, _)| p.to_string()).collect();
        assert_eq!(built_in, on_disk);
        assert_eq!(names(), ["kennisnetwerk", "platform"]);
        assert!(file("_shared/templates/base.html").is_some());
        assert_eq!(files_under("kennisnetwerk/css").len(), 1);
    }
}
