//! Writing the output under stress: two builds into one folder at the same moment, and a disk
//! that fills up. The result is always exactly one whole build, the previous site survives a
//! failed write, and nothing is left behind.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use crate::SiteTest;

/// How long a build may take before a test gives up on it (debug builds on a busy machine).
const PATIENCE: Duration = Duration::from_secs(120);

/// Every file of a built site, relative path → contents.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if entry.file_type().unwrap().is_dir() {
                walk(base, &path, out);
            } else {
                let rel = path.strip_prefix(base).unwrap();
                out.insert(
                    rel.to_string_lossy().into_owned(),
                    std::fs::read(&path).unwrap(),
                );
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// The names in an output folder, sorted.
fn names(out: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(out)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// What a build leaves in an output folder besides the sites, the generation before the
/// current one and the lock file: the folders of a build still going on or cut off.
fn leftovers(out: &Path) -> Vec<String> {
    names(out)
        .into_iter()
        .filter(|n| n.starts_with(".kennis-") && !n.starts_with(".kennis-prev-"))
        .filter(|n| n != ".kennis-lock")
        .collect()
}

/// Starts `kennis build` on `root` with `args`; its stderr lines arrive on the receiver.
fn spawn_build(root: &Path, args: &[&str]) -> (Child, mpsc::Receiver<String>) {
    let mut child = crate::kennis()
        .arg("build")
        .arg("--root")
        .arg(root)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run kennis");
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    (child, rx)
}

/// Waits for a build to end: its exit code and everything it printed.
fn finish(mut child: Child, lines: &mpsc::Receiver<String>) -> (Option<i32>, String) {
    let status = child.wait().expect("wait for kennis");
    let mut stderr = String::new();
    while let Ok(line) = lines.recv_timeout(Duration::from_secs(5)) {
        stderr.push_str(&line);
        stderr.push('\n');
    }
    (status.code(), stderr)
}

/// A site with enough pages that writing it takes a while.
fn site_with_pages(count: usize) -> SiteTest {
    let mut t = SiteTest::from_dir("build/basic");
    for n in 0..count {
        t.write(
            &format!("content/paginas/p{n}.md"),
            &format!(
                "---\ntitle: Pagina {n}\n---\n## Cijfers\n\nTekst {n}.\n\n```bars\ntitle: Pagina {n}\ngroups:\n  - label: Groep\n    items:\n      - {{label: A, value: {n}}}\n      - {{label: B, value: 3}}\n```\n"
            ),
        );
    }
    t
}

// See: reliability, second round, "two builds at once into one output folder": the second
// build now waits for the lock of the first.
#[test]
fn a_build_waits_while_another_holds_the_output_folder() {
    let mut t = SiteTest::from_dir("build/basic");
    t.build(&[]).success();
    let out = t.root().join("output");
    let before = files(&out.join("test"));
    // Hold the output folder as a build writing there does.
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(out.join(".kennis-lock"))
        .unwrap();
    lock.lock().unwrap();
    t.write(
        "content/paginas/nieuw.md",
        "---\ntitle: Nieuw\n---\nGeschreven terwijl een andere build bezig was.\n",
    );
    let (mut child, lines) = spawn_build(t.root(), &[]);
    let line = lines.recv_timeout(PATIENCE).unwrap_or_else(|_| {
        panic!(
            "the build printed nothing and did not wait: {:?}",
            child.wait()
        )
    });
    assert!(
        line.starts_with("waiting: another kennis build is writing to ")
            && line.contains(&out.display().to_string()),
        "not a line about waiting: {line}"
    );
    // It stays waiting, and writes nothing, while the folder is held.
    std::thread::sleep(Duration::from_millis(500));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the build did not wait"
    );
    assert!(
        files(&out.join("test")) == before,
        "the waiting build wrote"
    );
    assert!(!t.exists("test/paginas/nieuw/index.html"));
    drop(lock);
    let (status, stderr) = finish(child, &lines);
    assert_eq!(status, Some(0), "{stderr}");
    assert!(
        t.read("test/paginas/nieuw/index.html")
            .contains("terwijl een andere build")
    );
    assert_eq!(leftovers(&out), Vec::<String>::new());
}

// See: reliability, second round, "two builds at once into one output folder": both exited 0,
// and in one of six tries the site held files of both builds.
#[test]
fn two_builds_at_once_leave_exactly_one_whole_build() {
    let t = site_with_pages(150);
    let root = t.root();
    // What each build makes on its own (they differ in every page's addresses).
    let alone = |base: &str, out: &str| {
        let out = root.join(out);
        let (child, lines) =
            spawn_build(root, &["--base-url", base, "--out", out.to_str().unwrap()]);
        let (status, stderr) = finish(child, &lines);
        assert_eq!(status, Some(0), "{stderr}");
        files(&out.join("test"))
    };
    let a = alone("https://a.example/", "alleen-a");
    let b = alone("https://b.example/", "alleen-b");
    assert!(a != b);
    let out = root.join("output");
    for round in 0..4 {
        let first = spawn_build(root, &["--base-url", "https://a.example/"]);
        let second = spawn_build(root, &["--base-url", "https://b.example/"]);
        let (status_a, stderr_a) = finish(first.0, &first.1);
        let (status_b, stderr_b) = finish(second.0, &second.1);
        assert_eq!(status_a, Some(0), "round {round}:\n{stderr_a}");
        assert_eq!(status_b, Some(0), "round {round}:\n{stderr_b}");
        let site = files(&out.join("test"));
        assert!(
            site == a || site == b,
            "round {round}: the site is neither build alone; differing from a: {:?}",
            site.keys()
                .filter(|k| a.get(*k) != site.get(*k))
                .take(10)
                .collect::<Vec<_>>()
        );
        assert_eq!(leftovers(&out), Vec::<String>::new(), "round {round}");
        // One of the two waited for the other, and said so.
        assert!(
            format!("{stderr_a}{stderr_b}").contains("waiting: another kennis build"),
            "round {round}: neither build waited:\n{stderr_a}\n{stderr_b}"
        );
    }
}

/// A small tmpfs, mounted for the test and unmounted when dropped: a disk that really fills.
struct SmallDisk {
    path: PathBuf,
}

impl SmallDisk {
    /// Mounts a tmpfs of `size` (as `mount -o size=` takes it) at `path`. Fails the test when it
    /// cannot: mounting needs root, as on CI.
    fn mount(path: PathBuf, size: &str) -> SmallDisk {
        std::fs::create_dir_all(&path).unwrap();
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "kennis-test"])
            .arg(&path)
            .output();
        match out {
            Ok(out) if out.status.success() => SmallDisk { path },
            other => panic!(
                "this test fills a disk for real: it mounts a {size} tmpfs at {}, which needs root \
                 (CI runs the tests as root); run it as root, or leave it out with \
                 `--skip writing::a_full_disk`. mount said: {other:?}",
                path.display()
            ),
        }
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.path).status();
    }
}

/// Fills the disk at `dir` with a file until it is full, then frees `leave` bytes of it.
fn fill(dir: &Path, leave: u64) -> PathBuf {
    let path = dir.join("vulling");
    let mut file = std::fs::File::create(&path).unwrap();
    let chunk = vec![0u8; 64 * 1024];
    while file.write_all(&chunk).is_ok() {}
    let _ = file.flush();
    let len = file.metadata().unwrap().len();
    file.set_len(len.saturating_sub(leave)).unwrap();
    path
}

// See: reliability, second round, "a full disk": the half-written staging folder stayed on the
// full disk, and the message named the source file instead of the output it could not write.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_fails_the_build_cleanly_and_the_next_build_succeeds() {
    let mut t = SiteTest::from_dir("build/basic");
    // Declared after `t`, so unmounted before its folder is removed.
    let disk = SmallDisk::mount(t.root().join("schijf"), "4m");
    let out = disk.path.join("output");
    let out_arg = out.to_str().unwrap().to_string();
    t.build(&["--out", &out_arg]).success();
    let before = files(&out.join("test"));

    // An attachment larger than the disk: its copy fails.
    let big = "content/rapporten/onderzoek/bijlage.pdf";
    t.write(big, &"%PDF-1.7 ".repeat(1024 * 1024));
    t.build(&["--out", &out_arg]).failure().stderr_contains(&[
        &format!(
            "error: cannot write {}: the disk is full",
            out.join("test/rapporten/onderzoek/bijlage.pdf").display()
        ),
        "help: free space on that disk, or build into a folder on another disk with `--out`",
        "the previous output is unchanged",
    ]);
    assert!(
        !t.stderr().contains(big),
        "names the source:\n{}",
        t.stderr()
    );
    assert!(!t.stderr().contains(".kennis-staging"), "{}", t.stderr());
    assert!(
        files(&out.join("test")) == before,
        "the previous site changed"
    );
    assert_eq!(names(&out), [".kennis-lock", "test"], "something was left");

    // A disk filled by something else: the pages themselves no longer fit.
    std::fs::remove_file(t.root().join(big)).unwrap();
    t.write(
        "content/paginas/nieuw.md",
        "---\ntitle: Nieuw\n---\nEen nieuwe pagina.\n",
    );
    let filler = fill(&disk.path, 64 * 1024);
    t.build(&["--out", &out_arg])
        .failure()
        .stderr_contains(&["the disk is full", "help: free space on that disk"]);
    assert!(
        t.stderr()
            .contains(&format!("cannot write {}", out.join("test").display())),
        "{}",
        t.stderr()
    );
    assert!(
        files(&out.join("test")) == before,
        "the previous site changed"
    );
    assert_eq!(names(&out), [".kennis-lock", "test"], "something was left");

    // Space freed: the next build succeeds.
    std::fs::remove_file(filler).unwrap();
    t.build(&["--out", &out_arg]).success();
    assert!(
        std::fs::read_to_string(out.join("test/paginas/nieuw/index.html"))
            .unwrap()
            .contains("Een nieuwe pagina.")
    );
    assert_eq!(leftovers(&out), Vec::<String>::new());
}
