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

fn write_all(staging: &Path, outputs: &[Output]) -> Result<(), OutputError> {
    for output in outputs {
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

/// Removes generations left by builds that were killed before they could clean up.
fn remove_leftovers(out_dir: &Path) {
    let Ok(entries) = fs::read_dir(out_dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(OLD) {
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
