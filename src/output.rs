//! Writing the built site, atomically and only what changed.
//!
//! Each site keeps two generations: `output/<site>/` (the current one) and
//! `output/.kennis-prev-<site>/` (the one before), each with a manifest of its files and their
//! hashes. A build renames the previous generation to `.kennis-staging-<site>`, brings it up to
//! date by writing only the files whose hash differs and removing the files that are gone, and
//! then swaps it with the current one in a single rename (`RENAME_EXCHANGE` on Linux; three
//! renames elsewhere, undone by the next build if interrupted). The replaced generation becomes
//! the next build's starting point. So a rebuild writes what changed since two builds ago,
//! nothing is deleted wholesale, and a failed or killed build never touches `output/<site>/`.
//! A build that fails while writing (a full disk) removes its staging folders, so that it
//! leaves nothing behind and frees what it took; the next one starts from nothing.
//! Output paths are checked to stay inside the output folder.
//!
//! One build at a time writes to an output folder: `lock` holds `output/.kennis-lock` (an
//! advisory lock of the operating system, `flock` on Unix and `LockFileEx` on Windows, released
//! when the process ends however it ends), and a second build waits for it.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;
use xxhash_rust::xxh3::xxh3_128;

use crate::messages::{self, Text};
use crate::render::{Data, Output};

/// Prefix of the folder a build writes into.
const STAGING: &str = ".kennis-staging-";
/// Prefix of the previous generation, the next build's starting point.
const PREV: &str = ".kennis-prev-";
/// Prefix of a current generation moved aside by the three-rename swap.
const OLD: &str = ".kennis-old-";
/// The manifest in each generation: what it holds, by hash.
const MANIFEST: &str = ".kennis-manifest";
/// First line of a manifest; its last line is `end`, so a cut-off one is never trusted.
const MANIFEST_HEADER: &str = "kennis-manifest 1";
/// The lock file in the output folder. It stays (an empty file): removing it would let a third
/// build lock a new file while the second still waits on the old one.
const LOCK: &str = ".kennis-lock";

/// Why an output could not be written.
#[derive(Debug)]
pub(crate) enum OutputError {
    /// An output path would leave the output folder (a bug, or hostile content).
    Escapes(String),
    /// Two outputs of one site have the same path, so one would silently replace the other
    /// (the model should have refused the content that makes them).
    Twice(String),
    /// The disk said no to writing (or removing, renaming) this output path.
    Io(PathBuf, io::Error),
    /// A file of the content could not be read to be copied.
    Read(PathBuf, io::Error),
    /// A file of the content could not be copied to this output path.
    Copy {
        from: PathBuf,
        to: PathBuf,
        error: io::Error,
    },
}

/// Whether an error means that the disk (or the user's share of it) is full.
fn disk_full(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded | io::ErrorKind::FileTooLarge
    )
}

impl OutputError {
    /// What to do about it, for the failures that an editor can fix.
    pub(crate) fn hint(&self) -> Option<Text> {
        match self {
            OutputError::Io(_, e) | OutputError::Copy { error: e, .. } if disk_full(e) => {
                Some(messages::output_disk_full_hint())
            }
            _ => None,
        }
    }

    /// What went wrong, in the language of the run.
    pub(crate) fn message(&self) -> Text {
        match self {
            OutputError::Escapes(p) => messages::output_outside_folder(p),
            OutputError::Twice(p) => messages::output_written_twice(p),
            OutputError::Io(p, e)
            | OutputError::Copy {
                to: p, error: e, ..
            } if disk_full(e) => messages::output_disk_full(p.display(), e),
            OutputError::Io(p, e) => messages::output_cannot_write(p.display(), e),
            OutputError::Read(p, e) => messages::output_cannot_read(p.display(), e),
            OutputError::Copy { from, to, error } => {
                messages::output_cannot_copy(from.display(), to.display(), error)
            }
        }
    }

    /// The same error with paths inside the staging folder shown where they go in the site.
    fn in_site(self, staging: &Path, site: &Path) -> OutputError {
        let shown = |path: PathBuf| match path.strip_prefix(staging) {
            Ok(rest) => site.join(rest),
            Err(_) => path,
        };
        match self {
            OutputError::Io(path, e) => OutputError::Io(shown(path), e),
            OutputError::Copy { from, to, error } => OutputError::Copy {
                from,
                to: shown(to),
                error,
            },
            other => other,
        }
    }
}

impl std::fmt::Display for OutputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.message())
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

/// The hold of one build on an output folder; dropping it lets the next build in.
#[derive(Debug)]
pub(crate) struct OutputLock {
    _file: fs::File,
}

/// Takes the lock on `out_dir`, creating the folder. When another build holds it, `say` gets
/// one line saying so and the call waits until that build is done. Where the file system has
/// no locks, `say` gets a warning and the build goes on without.
pub(crate) fn lock(out_dir: &Path, say: impl Fn(&str)) -> Result<OutputLock, OutputError> {
    fs::create_dir_all(out_dir).map_err(io_err(out_dir))?;
    let path = out_dir.join(LOCK);
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(io_err(&path))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(fs::TryLockError::WouldBlock) => {
            say(messages::output_waiting_for_lock(out_dir.display()).as_str());
            if let Err(e) = file.lock() {
                say(&no_lock(&path, &e));
            }
        }
        Err(fs::TryLockError::Error(e)) => say(&no_lock(&path, &e)),
    }
    Ok(OutputLock { _file: file })
}

/// The warning that the folder cannot be locked, with its label.
fn no_lock(path: &Path, e: &io::Error) -> String {
    format!(
        "{}: {}",
        messages::warning_label(),
        messages::output_cannot_lock(path.display(), e)
    )
}

/// Writes every site's outputs into `out_dir/<site>/`, atomically per build. Call it holding
/// the folder's `lock`.
pub(crate) fn commit(sites: &[(String, Vec<Output>)], out_dir: &Path) -> Result<(), OutputError> {
    fs::create_dir_all(out_dir).map_err(io_err(out_dir))?;
    for (name, _) in sites {
        restore_interrupted(out_dir, name)?;
    }
    let written = stage_and_swap(sites, out_dir);
    if written.is_err() {
        // Nothing half-written stays behind (on a full disk, it holds the space needed next).
        for (name, _) in sites {
            let staging = out_dir.join(format!("{STAGING}{name}"));
            if staging.exists() {
                let _ = fs::remove_dir_all(&staging);
            }
            let _ = restore_interrupted(out_dir, name);
        }
    }
    written?;
    remove_leftovers(out_dir, sites);
    Ok(())
}

fn stage_and_swap(sites: &[(String, Vec<Output>)], out_dir: &Path) -> Result<(), OutputError> {
    let mut staged = Vec::new();
    for (name, outputs) in sites {
        let staging = out_dir.join(format!("{STAGING}{name}"));
        stage(out_dir, name, &staging, outputs)
            .map_err(|e| e.in_site(&staging, &out_dir.join(name)))?;
        staged.push((name.clone(), staging));
    }
    for (name, staging) in staged {
        swap_in(out_dir, &name, &staging)?;
    }
    Ok(())
}

/// A generation's files: path → hash of the contents.
type Manifest = HashMap<String, u128>;

/// Brings `staging` up to `outputs`, starting from the previous generation if its manifest
/// can be trusted, else from nothing.
fn stage(
    out_dir: &Path,
    name: &str,
    staging: &Path,
    outputs: &[Output],
) -> Result<(), OutputError> {
    let mut seen = HashSet::new();
    for output in outputs {
        if !seen.insert(output.path.as_str()) {
            return Err(OutputError::Twice(output.path.clone()));
        }
        safe_join(staging, &output.path)?;
    }
    let hashes: Vec<u128> = outputs
        .par_iter()
        .map(|o| match &o.data {
            Data::Bytes(bytes) => Ok(xxh3_128(bytes)),
            Data::Copy(from) => fs::read(from)
                .map(|b| xxh3_128(&b))
                .map_err(|e| OutputError::Read(from.clone(), e)),
            Data::Cached(_, hash) => Ok(*hash),
        })
        .collect::<Result<_, _>>()?;

    // The starting point: a staging folder of an interrupted build if its manifest is whole
    // (it is then a complete generation), else the previous generation.
    let prev = out_dir.join(format!("{PREV}{name}"));
    let mut old: Option<Manifest> = read_manifest(staging);
    if old.is_none() {
        if staging.exists() {
            fs::remove_dir_all(staging).map_err(io_err(staging))?;
        }
        if let Some(manifest) = read_manifest(&prev) {
            fs::rename(&prev, staging).map_err(io_err(staging))?;
            old = Some(manifest);
        } else if prev.exists() {
            fs::remove_dir_all(&prev).map_err(io_err(&prev))?;
        }
    }
    let old = match old {
        Some(manifest) => manifest,
        None => {
            fs::create_dir_all(staging).map_err(io_err(staging))?;
            Manifest::new()
        }
    };
    // From here on the folder is in between: without a manifest, no later build trusts it.
    let manifest_path = staging.join(MANIFEST);
    if manifest_path.exists() {
        fs::remove_file(&manifest_path).map_err(io_err(&manifest_path))?;
    }

    // Remove what is gone, then the folders it leaves empty (deepest first).
    let mut emptied = BTreeSet::new();
    for path in old.keys() {
        if !seen.contains(path.as_str()) {
            let full = safe_join(staging, path)?;
            match fs::remove_file(&full) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(OutputError::Io(full, e)),
            }
            let mut dir = Path::new(path.as_str()).parent();
            while let Some(d) = dir.filter(|d| !d.as_os_str().is_empty()) {
                emptied.insert(d.to_path_buf());
                dir = d.parent();
            }
        }
    }
    let mut emptied: Vec<PathBuf> = emptied.into_iter().collect();
    emptied.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
    for dir in emptied {
        let _ = fs::remove_dir(staging.join(dir));
    }

    // Write what is new or changed: copied files (attachments, the largest) one by one first,
    // so that when one does not fit on the disk, the error names it and not a page written
    // beside it into the space it took; then the rest in parallel.
    let changed = |(o, hash): &(&Output, &u128)| old.get(&o.path) != Some(*hash);
    let is_copy = |o: &Output| matches!(o.data, Data::Copy(_));
    let write = |output: &Output| write_one(staging, output, old.contains_key(&output.path));
    outputs
        .iter()
        .zip(&hashes)
        .filter(|pair| changed(pair) && is_copy(pair.0))
        .try_for_each(|(output, _)| write(output))?;
    outputs
        .par_iter()
        .zip(&hashes)
        .filter(|pair| changed(pair) && !is_copy(pair.0))
        .try_for_each(|(output, _)| write(output))?;

    let mut text = String::with_capacity(outputs.len() * 64);
    text.push_str(MANIFEST_HEADER);
    text.push('\n');
    for (output, hash) in outputs.iter().zip(&hashes) {
        text.push_str(&format!("{hash:032x} {}\n", output.path));
    }
    text.push_str("end\n");
    let tmp = staging.join(format!("{MANIFEST}.tmp"));
    fs::write(&tmp, text).map_err(io_err(&tmp))?;
    fs::rename(&tmp, &manifest_path).map_err(io_err(&manifest_path))?;
    Ok(())
}

/// Writes one output, replacing whatever is at its path (`existed`: the generation has a file
/// there). A file of a cache is hard-linked, not copied, when the two folders are on one disk:
/// a card or a search file is then written once, not twice. So a file that is there may be
/// such a link; it is removed, never written into, or the write would change the cache's copy
/// (and the other generation's) too.
fn write_one(staging: &Path, output: &Output, existed: bool) -> Result<(), OutputError> {
    let path = safe_join(staging, &output.path)?;
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(io_err(parent))?;
    }
    if path.is_dir() {
        // A folder where a file goes now: the content changed shape.
        fs::remove_dir_all(&path).map_err(io_err(&path))?;
    } else if existed {
        match fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(OutputError::Io(path, e)),
        }
    }
    let copy_error = |from: &Path, error| OutputError::Copy {
        from: from.to_path_buf(),
        to: path.clone(),
        error,
    };
    match &output.data {
        Data::Bytes(bytes) => fs::write(&path, bytes).map_err(io_err(&path))?,
        Data::Copy(from) => {
            fs::copy(from, &path).map_err(|e| copy_error(from, e))?;
        }
        Data::Cached(from, _) => {
            if fs::hard_link(from, &path).is_err() {
                // Another disk, or a file system without links: a copy does the same.
                fs::copy(from, &path).map_err(|e| copy_error(from, e))?;
            }
        }
    }
    Ok(())
}

fn read_manifest(dir: &Path) -> Option<Manifest> {
    let text = fs::read_to_string(dir.join(MANIFEST)).ok()?;
    let mut lines = text.lines();
    if lines.next()? != MANIFEST_HEADER {
        return None;
    }
    let mut manifest = Manifest::new();
    for line in lines {
        if line == "end" {
            return Some(manifest);
        }
        let (hash, path) = line.split_once(' ')?;
        manifest.insert(path.to_string(), u128::from_str_radix(hash, 16).ok()?);
    }
    None
}

/// Puts the staged generation in place of `out_dir/<name>`; the replaced one becomes the
/// previous generation.
fn swap_in(out_dir: &Path, name: &str, staging: &Path) -> Result<(), OutputError> {
    let target = out_dir.join(name);
    let prev = out_dir.join(format!("{PREV}{name}"));
    if !target.exists() {
        return fs::rename(staging, &target).map_err(io_err(&target));
    }
    if exchange(staging, &target).is_ok() {
        return fs::rename(staging, &prev).map_err(io_err(&prev));
    }
    let old = out_dir.join(format!("{OLD}{name}-{}", std::process::id()));
    fs::rename(&target, &old).map_err(io_err(&target))?;
    fs::rename(staging, &target).map_err(io_err(&target))?;
    fs::rename(&old, &prev).map_err(io_err(&prev))
}

/// Swaps two folders in one step.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// A build killed between the renames of the fallback swap (`<site>` → old, staging →
/// `<site>`) leaves no `<site>` but the current generation under the old name: put it back
/// before anything else.
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

/// Removes what interrupted builds left: old generations, and staging folders and previous
/// generations of sites that were not built now but have no current generation either.
fn remove_leftovers(out_dir: &Path, sites: &[(String, Vec<Output>)]) {
    let Ok(entries) = fs::read_dir(out_dir) else {
        return;
    };
    let built: HashSet<&str> = sites.iter().map(|(n, _)| n.as_str()).collect();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let stale = if name.starts_with(OLD) {
            true
        } else if let Some(site) = name.strip_prefix(STAGING) {
            built.contains(site) || !out_dir.join(site).exists()
        } else if let Some(site) = name.strip_prefix(PREV) {
            !out_dir.join(site).exists()
        } else {
            false
        };
        if stale {
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
        let first = vec![
            Output {
                path: "index.html".into(),
                data: Data::Bytes(b"one".to_vec()),
            },
            Output {
                path: "old.html".into(),
                data: Data::Bytes(b"x".to_vec()),
            },
        ];
        commit(&[("s".into(), first)], &dir).unwrap();
        let two = vec![Output {
            path: "index.html".into(),
            data: Data::Bytes(b"two".to_vec()),
        }];
        commit(&[("s".into(), two)], &dir).unwrap();
        assert_eq!(fs::read(dir.join("s/index.html")).unwrap(), b"two");
        assert!(!dir.join("s/old.html").exists());
        // The replaced generation is kept as the next build's starting point, nothing else.
        assert_eq!(names(&dir), [".kennis-prev-s", "s"]);
        assert_eq!(fs::read(dir.join(".kennis-prev-s/old.html")).unwrap(), b"x");
        // The third build starts from it: the stale file goes, the changed one is rewritten.
        commit(&[("s".into(), one("index.html", "three"))], &dir).unwrap();
        assert_eq!(fs::read(dir.join("s/index.html")).unwrap(), b"three");
        assert!(!dir.join("s/old.html").exists());
        assert_eq!(
            fs::read(dir.join(".kennis-prev-s/index.html")).unwrap(),
            b"two"
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[cfg(unix)]
    fn inode(path: &Path) -> u64 {
        use std::os::unix::fs::MetadataExt;
        fs::metadata(path).unwrap().ino()
    }

    /// Two builds from now, an unchanged file is the same file on disk (not rewritten), a
    /// changed one is new, and empty folders of removed pages go.
    #[cfg(unix)]
    #[test]
    fn only_changed_files_are_written() {
        let dir = std::env::temp_dir().join(format!("kennis-output-inc-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let site = |changed: &str, extra: bool| {
            let mut outputs = one("same/index.html", "same");
            outputs.extend(one("changed/index.html", changed));
            if extra {
                outputs.extend(one("gone/deep/index.html", "weg"));
            }
            vec![("s".to_string(), outputs)]
        };
        commit(&site("1", true), &dir).unwrap();
        commit(&site("2", true), &dir).unwrap();
        let same = inode(&dir.join("s/same/index.html"));
        let prev_same = inode(&dir.join(".kennis-prev-s/same/index.html"));
        commit(&site("3", false), &dir).unwrap();
        // The generation of build 1 came back with build 3: its unchanged file stayed put.
        assert_eq!(inode(&dir.join("s/same/index.html")), prev_same);
        assert_eq!(fs::read(dir.join("s/changed/index.html")).unwrap(), b"3");
        assert!(!dir.join("s/gone").exists(), "empty folders stay behind");
        commit(&site("4", false), &dir).unwrap();
        assert_eq!(inode(&dir.join("s/same/index.html")), same);
        assert_eq!(fs::read(dir.join("s/changed/index.html")).unwrap(), b"4");
        fs::remove_dir_all(&dir).unwrap();
    }

    /// A previous generation without a whole manifest (a build died while updating it) is not
    /// trusted: the build starts over and the result is still exactly the new outputs.
    #[test]
    fn a_generation_without_its_manifest_is_rebuilt_from_nothing() {
        let dir = std::env::temp_dir().join(format!("kennis-output-nomf-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        commit(&[("s".into(), one("a.html", "1"))], &dir).unwrap();
        commit(&[("s".into(), one("a.html", "2"))], &dir).unwrap();
        // Damage the previous generation: a stray file, a wrong file, a cut-off manifest.
        fs::write(dir.join(".kennis-prev-s/stray.html"), "stray").unwrap();
        fs::write(dir.join(".kennis-prev-s/a.html"), "wrong").unwrap();
        let manifest = dir.join(".kennis-prev-s").join(MANIFEST);
        let text = fs::read_to_string(&manifest).unwrap();
        fs::write(&manifest, text.trim_end().trim_end_matches("end")).unwrap();
        let mut outputs = one("a.html", "1");
        outputs.extend(one("b.html", "b"));
        commit(&[("s".into(), outputs)], &dir).unwrap();
        assert_eq!(fs::read(dir.join("s/a.html")).unwrap(), b"1");
        assert!(!dir.join("s/stray.html").exists());
        fs::remove_dir_all(&dir).unwrap();
    }

    fn one(path: &str, text: &str) -> Vec<Output> {
        vec![Output {
            path: path.into(),
            data: Data::Bytes(text.as_bytes().to_vec()),
        }]
    }

    /// A file of a cache is linked into the output, and whatever later takes its place in a
    /// generation (a changed card, a page where the card was, a copy) never writes into the
    /// cache's file.
    #[cfg(unix)]
    #[test]
    fn cached_files_are_linked_and_never_written_through() {
        let dir = std::env::temp_dir().join(format!("kennis-output-link-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let cache = dir.join("cache");
        fs::create_dir_all(&cache).unwrap();
        for (name, text) in [
            ("a.png", "card a"),
            ("b.png", "card b"),
            ("c.pdf", "source"),
        ] {
            fs::write(cache.join(name), text).unwrap();
        }
        let out = dir.join("out");
        let cached = |name: &str, id: u128| Output {
            path: "social.png".into(),
            data: Data::Cached(cache.join(name), id),
        };
        let site = |output: Output| vec![("s".to_string(), vec![output])];
        commit(&site(cached("a.png", 1)), &out).unwrap();
        assert_eq!(
            inode(&out.join("s/social.png")),
            inode(&cache.join("a.png"))
        );
        commit(&site(cached("a.png", 1)), &out).unwrap();
        // Both generations now hold a link to a.png; each of them is replaced in turn.
        commit(&site(cached("b.png", 2)), &out).unwrap();
        assert_eq!(fs::read(out.join("s/social.png")).unwrap(), b"card b");
        commit(&site(one("social.png", "page").remove(0)), &out).unwrap();
        assert_eq!(fs::read(out.join("s/social.png")).unwrap(), b"page");
        let copy = Output {
            path: "social.png".into(),
            data: Data::Copy(cache.join("c.pdf")),
        };
        commit(&site(copy), &out).unwrap();
        assert_eq!(fs::read(out.join("s/social.png")).unwrap(), b"source");
        assert_eq!(fs::read(cache.join("a.png")).unwrap(), b"card a");
        assert_eq!(fs::read(cache.join("b.png")).unwrap(), b"card b");
        // The cache may drop its file: the output keeps its own link to the contents.
        commit(&site(cached("a.png", 1)), &out).unwrap();
        fs::remove_file(cache.join("a.png")).unwrap();
        assert_eq!(fs::read(out.join("s/social.png")).unwrap(), b"card a");
        fs::remove_dir_all(&dir).unwrap();
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
        assert_eq!(names(&dir), [".kennis-prev-s", "s"]);
        assert_eq!(
            fs::read(dir.join(".kennis-prev-s/index.html")).unwrap(),
            b"good"
        );
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
    fn a_write_that_fails_midway_leaves_no_staging_and_names_the_output_path() {
        let dir = std::env::temp_dir().join(format!("kennis-output-midway-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        commit(&[("s".into(), one("index.html", "good"))], &dir).unwrap();
        let mut outputs = one("index.html", "new");
        outputs.push(Output {
            path: "bijlagen/verdwenen.pdf".into(),
            data: Data::Cached(dir.join("not-there.pdf"), 7),
        });
        let e = commit(&[("s".into(), outputs)], &dir).unwrap_err();
        assert!(
            matches!(&e, OutputError::Copy { to, .. } if *to == dir.join("s/bijlagen/verdwenen.pdf")),
            "{e:?}"
        );
        assert_eq!(fs::read(dir.join("s/index.html")).unwrap(), b"good");
        assert_eq!(names(&dir), ["s"]);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_full_disk_is_said_in_plain_words_with_what_to_do() {
        let e = OutputError::Io(
            "output/s/index.html".into(),
            io::Error::from(io::ErrorKind::StorageFull),
        );
        assert!(
            e.to_string()
                .starts_with("kan output/s/index.html niet schrijven: de schijf is vol"),
            "{e}"
        );
        assert!(
            e.hint()
                .unwrap()
                .as_str()
                .contains("maak ruimte vrij op die schijf")
        );
        let english = messages::speaking(messages::Language::English, || e.message());
        assert!(
            english
                .as_str()
                .starts_with("cannot write output/s/index.html: the disk is full"),
            "{english}"
        );
        let other = OutputError::Io("x".into(), io::Error::from(io::ErrorKind::PermissionDenied));
        assert!(other.hint().is_none());
    }

    #[test]
    fn a_second_lock_waits_for_the_first_and_says_so() {
        let dir = std::env::temp_dir().join(format!("kennis-output-lock-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let first = lock(&dir, |line| panic!("the first lock waited: {line}")).unwrap();
        let (said, heard) = std::sync::mpsc::channel();
        let (locked, got) = std::sync::mpsc::channel();
        let waiting = {
            let dir = dir.clone();
            std::thread::spawn(move || {
                let second = lock(&dir, |line| said.send(line.to_string()).unwrap()).unwrap();
                locked.send(()).unwrap();
                drop(second);
            })
        };
        let line = heard
            .recv_timeout(std::time::Duration::from_secs(30))
            .unwrap();
        assert!(
            line.starts_with("even wachten: een andere kennis-build"),
            "{line}"
        );
        assert!(
            got.recv_timeout(std::time::Duration::from_millis(300))
                .is_err()
        );
        drop(first);
        got.recv_timeout(std::time::Duration::from_secs(30))
            .unwrap();
        waiting.join().unwrap();
        assert_eq!(names(&dir), [LOCK]);
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
