//! Content discovery: walks `content/` with walkdir and reads every file. Decides nothing about
//! what a file means; that is `model`'s job.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diag::{Diagnostic, Diagnostics};
use crate::source::SourceFile;

/// Everything read from `content/`. Cloning it is cheap: the files are shared.
#[derive(Debug, Default, Clone)]
pub(crate) struct Sources {
    /// The Markdown files, sorted by path; paths relative to the site root.
    pub(crate) pages: Vec<Arc<SourceFile>>,
    /// Other files (images, PDFs), copied with their page.
    pub(crate) assets: Vec<Asset>,
}

/// A file that is copied as it is.
#[derive(Debug, Clone)]
pub(crate) struct Asset {
    /// Path relative to `content/`, with `/` separators.
    pub(crate) rel: String,
    /// Where it is on disk.
    pub(crate) path: PathBuf,
}

/// Reads `root/content/`. Hidden files and folders (`.git`, `.DS_Store`) are skipped, and so are
/// symbolic links, which could point outside the content folder.
pub(crate) fn load(root: &Path) -> (Sources, Diagnostics) {
    let mut diags = Diagnostics::default();
    let mut sources = Sources::default();
    let content = root.join("content");
    if !content.is_dir() {
        diags.push(
            Diagnostic::error(format!(
                "there is no content folder at {}",
                content.display()
            ))
            .with_hint("create content/ with at least content/_index.md"),
        );
        return (sources, diags);
    }
    let walker = WalkDir::new(&content)
        .sort_by_file_name()
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    let mut pages: Vec<(PathBuf, PathBuf)> = Vec::new();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                diags.push(Diagnostic::error(format!(
                    "cannot read the content folder: {e}"
                )));
                continue;
            }
        };
        let Ok(rel) = entry.path().strip_prefix(&content) else {
            continue;
        };
        let rel_str = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        if entry.path_is_symlink() {
            diags.push(
                Diagnostic::error(format!(
                    "content/{rel_str} is a symbolic link, which kennis does not follow"
                ))
                .with_hint("copy the file into content/ instead of linking to it")
                .into_warning(),
            );
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let shown = Path::new("content").join(rel);
        if rel_str.ends_with(".md") {
            pages.push((shown, entry.path().to_path_buf()));
        } else {
            sources.assets.push(Asset {
                rel: rel_str,
                path: entry.path().to_path_buf(),
            });
        }
    }
    // Read in parallel, kept in walk order.
    let read: Vec<Result<SourceFile, Diagnostic>> = pages
        .into_par_iter()
        .map(|(shown, path)| match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => Ok(SourceFile::new(shown, text)),
                Err(_) => Err(Diagnostic::error(format!(
                    "{} is not valid UTF-8 text",
                    shown.display()
                ))
                .with_hint("save the file as UTF-8")),
            },
            Err(e) => Err(Diagnostic::error(format!(
                "cannot read {}: {e}",
                shown.display()
            ))),
        })
        .collect();
    for result in read {
        match result {
            Ok(file) => sources.pages.push(Arc::new(file)),
            Err(d) => diags.push(d),
        }
    }
    (sources, diags)
}
