//! Integration tests: the real `kennis` binary on small fixture sites (see README.md here).

mod blocks;
mod build;
mod bundled;
mod check;
mod errors;
mod hostile;
mod init;
mod language;
mod new;
mod rebuild;
mod regressions;
mod research;
mod serve;
mod writing;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The kennis binary, speaking English: the assertions of these tests are on the English
/// messages (`language.rs` runs the fixtures in both languages).
pub fn kennis() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kennis"));
    command.env("KENNIS_LANG", "en");
    command
}

/// A fixture site copied into a temporary folder, and the result of running kennis on it.
pub struct SiteTest {
    _dir: tempfile::TempDir,
    root: PathBuf,
    status: Option<i32>,
    stderr: String,
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

impl SiteTest {
    /// Copies `tests/testsuite/<case>` with the shared templates and the test theme.
    pub fn from_dir(case: &str) -> SiteTest {
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        copy_dir(&manifest.join("tests/testsuite").join(case), &root);
        if !root.join("themes/_shared").exists() {
            copy_dir(
                &manifest.join("themes/_shared"),
                &root.join("themes/_shared"),
            );
        }
        if !root.join("themes/test").exists() {
            copy_dir(
                &manifest.join("tests/testsuite/_theme"),
                &root.join("themes/test"),
            );
        }
        SiteTest {
            _dir: dir,
            root,
            status: None,
            stderr: String::new(),
        }
    }

    /// The site's root folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Runs `kennis build` with extra arguments.
    pub fn build(&mut self, args: &[&str]) -> &mut Self {
        let out = crate::kennis()
            .arg("build")
            .arg("--root")
            .arg(&self.root)
            .args(args)
            .output()
            .expect("run kennis");
        self.status = out.status.code();
        self.stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        self
    }

    /// Asserts exit code 0.
    pub fn success(&mut self) -> &mut Self {
        assert_eq!(self.status, Some(0), "kennis failed:\n{}", self.stderr);
        self
    }

    /// Asserts exit code 1 (content errors).
    pub fn failure(&mut self) -> &mut Self {
        assert_eq!(
            self.status,
            Some(1),
            "expected exit 1, got {:?}:\n{}",
            self.status,
            self.stderr
        );
        self
    }

    /// What kennis printed on stderr.
    pub fn stderr(&self) -> &str {
        &self.stderr
    }

    /// Asserts that stderr contains every one of `parts`.
    pub fn stderr_contains(&mut self, parts: &[&str]) -> &mut Self {
        for part in parts {
            assert!(
                self.stderr.contains(part),
                "stderr lacks {part:?}:\n{}",
                self.stderr
            );
        }
        self
    }

    /// Reads a file of the output.
    pub fn read(&self, path: &str) -> String {
        let full = self.root.join("output").join(path);
        std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
    }

    /// Whether an output file exists.
    pub fn exists(&self, path: &str) -> bool {
        self.root.join("output").join(path).exists()
    }

    /// Replaces a file of the site (relative to its root).
    pub fn write(&mut self, path: &str, text: &str) -> &mut Self {
        let full = self.root.join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, text).unwrap();
        self
    }
}
