//! Writing the built site: every output is staged in a folder beside the target, and only when
//! all sites are staged is each swapped in for the old one. A failed or interrupted build leaves
//! the previous output as it was. Output paths are checked to stay inside the output folder.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use crate::render::{Data, Output};

/// Prefix of the staging folders (hidden, so a static host never serves them).
const STAGING: &str = ".kennis-staging-";
/// Prefix of replaced generations waiting to be removed.
const OLD: &str = ".kennis-old-";

/// Why an output could not be written.
#[derive(Debug)]
pub(crate) enum OutputError {
    /// An output path would leave the output folder (a bug, or hostile content).
    Escapes(String),
    /// Two outputs of one site have the same path, so one would silently replace the other
    /// (the model should have refused the content that makes them).
    Twice(String),
    /// The disk said no.
    Io(PathBuf, io::Error),
}

impl std::fmt::Display for OutputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OutputError::Escapes(p) => write!(
                f,
                "refusing to write `{p}`: it is outside the output folder"
            ),
            OutputError::Twice(p) => write!(
                f,
                "refusing to write `{p}` twice: two files of the site would have that path"
            ),
            OutputError::Io(p, e) => write!(f, "cannot write {}: {e}", p.display()),
        }
    }
}

fn io_err(path: &Path) -> impl Fn(io::Error) -> OutputError + '_ {
    move |e| OutputError::Io(path.to_path_buf(), e)
}

/// Checks that `rel` is a plain relative path (no `..`, no root, no drive) and joins it.
pub(crate) fn safe_join(base: &Path, rel: &str) -> Result<PathBuf, OutputError> {
    let path = Path::new(rel);
    if rel.is_empty() || !path.components().all(|c| matches!(c, Component::Normal(_))) {
        return Err(OutputError::Escapes(rel.to_string()));
    }
    Ok(base.join(path))
}

/// Writes every site's outputs into `out_dir/<site>/`, atomically per build.
pub(crate) fn commit(sites: &[(String, Vec<Output>)], out_dir: &Path) -> Result<(), OutputError> {
    fs::create_dir_all(out_dir).map_err(io_err(out_dir))?;
    for (name, _) in sites {
        restore_interrupted(out_dir, name)?;
    }
    let mut staged = Vec::new();
    for (name, outputs) in sites {
        let staging = out_dir.join(format!("{STAGING}{name}"));
        if staging.exists() {
            fs::remove_dir_all(&staging).map_err(io_err(&staging))?;
        }
        fs::create_dir_all(&staging).map_err(io_err(&staging))?;
        if let Err(e) = write_all(&staging, outputs) {
            let _ = fs::remove_dir_all(&staging);
            for (_, s) in &staged {
                let _ = fs::remove_dir_all(s);
            }
            return Err(e);
        }
        staged.push((name.clone(), staging));
    }
    for (name, staging) in staged {
        let target = out_dir.join(&name);
        let old = out_dir.join(format!("{OLD}{name}-{}", std::process::id()));
        if target.exists() {
            fs::rename(&target, &old).map_err(io_err(&target))?;
        }
        fs::rename(&staging, &target).map_err(io_err(&target))?;
        if old.exists() {
            fs::remove_dir_all(&old).map_err(io_err(&old))?;
        }
    }
    remove_leftovers(out_dir);
    Ok(())
}

/// A build killed between its two renames (`<site>` → old, staging → `<site>`) leaves no
/// `<site>` but the previous generation under the old name: put it back before anything else.
fn restore_interrupted(out_dir: &Path, name: &str) -> Result<(), OutputError> {
    let target = out_dir.join(name);
    if target.exists() {
        return Ok(());
    }
    let prefix = format!("{OLD}{name}-");
    let Ok(entries) = fs::read_dir(out_dir) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let is_pid = |rest: &str| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit());
        if file_name.strip_prefix(&prefix).is_some_and(is_pid) {
            return fs::rename(entry.path(), &target).map_err(io_err(&target));
        }
    }
    Ok(())
}

fn write_all(staging: &Path, outputs: &[Output]) -> Result<(), OutputError> {
    let mut written = std::collections::HashSet::new();
    for output in outputs {
        if !written.insert(output.path.as_str()) {
            return Err(OutputError::Twice(output.path.clone()));
        }
        let path = safe_join(staging, &output.path)?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(io_err(parent))?;
        }
        match &output.data {
            Data::Bytes(bytes) => fs::write(&path, bytes).map_err(io_err(&path))?,
            Data::Copy(from) => {
                fs::copy(from, &path).map_err(io_err(from))?;
            }
        }
    }
    Ok(())
}

/// Removes generations and staging folders left by builds that were killed before they could
/// clean up (this build's own staging folders have all been renamed by now).
fn remove_leftovers(out_dir: &Path) {
    let Ok(entries) = fs::read_dir(out_dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(OLD) || name.starts_with(STAGING) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_outside_the_output_are_refused() {
        let base = Path::new("/tmp/out");
        assert!(safe_join(base, "a/b.html").is_ok());
        for bad in ["../x", "/etc/passwd", "a/../../x", "", "./a"] {
            assert!(safe_join(base, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_commit_replaces_the_site_and_leaves_no_staging() {
        let dir = std::env::temp_dir().join(format!("kennis-output-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let one = vec![
            Output {
                path: "index.html".into(),
                data: Data::Bytes(b"one".to_vec()),
            },
            Output {
                path: "old.html".into(),
                data: Data::Bytes(b"x".to_vec()),
            },
        ];
        commit(&[("s".into(), one)], &dir).unwrap();
        let two = vec![Output {
            path: "index.html".into(),
            data: Data::Bytes(b"two".to_vec()),
        }];
        commit(&[("s".into(), two)], &dir).unwrap();
        assert_eq!(fs::read(dir.join("s/index.html")).unwrap(), b"two");
        assert!(!dir.join("s/old.html").exists());
        let names: Vec<String> = fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["s"]);
        fs::remove_dir_all(&dir).unwrap();
    }

    fn one(path: &str, text: &str) -> Vec<Output> {
        vec![Output {
            path: path.into(),
            data: Data::Bytes(text.as_bytes().to_vec()),
        }]
    }

    #[test]
    fn a_build_killed_between_its_renames_gets_its_previous_output_back() {
        let dir = std::env::temp_dir().join(format!("kennis-output-swap-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        commit(&[("s".into(), one("index.html", "good"))], &dir).unwrap();
        // As if killed after `s` → old and before staging → `s`, with a stale staging folder
        // of another site that is no longer built.
        fs::rename(dir.join("s"), dir.join(format!("{OLD}s-4242"))).unwrap();
        fs::create_dir_all(dir.join(format!("{STAGING}weg"))).unwrap();
        // A build that then fails keeps the previous output where it belongs.
        assert!(commit(&[("s".into(), one("../x", "bad"))], &dir).is_err());
        assert_eq!(fs::read(dir.join("s/index.html")).unwrap(), b"good");
        commit(&[("s".into(), one("index.html", "new"))], &dir).unwrap();
        assert_eq!(fs::read(dir.join("s/index.html")).unwrap(), b"new");
        let names: Vec<String> = fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["s"]);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn two_outputs_with_one_path_are_refused() {
        let dir = std::env::temp_dir().join(format!("kennis-output-twice-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let mut outputs = one("a/index.html", "page");
        outputs.extend(one("a/index.html", "asset"));
        let e = commit(&[("s".into(), outputs)], &dir).unwrap_err();
        assert!(
            matches!(e, OutputError::Twice(ref p) if p == "a/index.html"),
            "{e}"
        );
        assert!(!dir.join("s").exists());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_failed_write_keeps_the_previous_output() {
        let dir = std::env::temp_dir().join(format!("kennis-output-fail-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        commit(
            &[(
                "s".into(),
                vec![Output {
                    path: "index.html".into(),
                    data: Data::Bytes(b"good".to_vec()),
                }],
            )],
            &dir,
        )
        .unwrap();
        let bad = vec![Output {
            path: "../evil.html".into(),
            data: Data::Bytes(b"bad".to_vec()),
        }];
        assert!(commit(&[("s".into(), bad)], &dir).is_err());
        assert_eq!(fs::read(dir.join("s/index.html")).unwrap(), b"good");
        assert!(!dir.join("evil.html").exists());
        fs::remove_dir_all(&dir).unwrap();
    }
}
