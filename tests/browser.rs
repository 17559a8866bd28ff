//! Browser tests: builds the bundled sites into a temporary folder and runs
//! `tests/browser/*.test.mjs` (node's test runner + playwright-core + Debian's chromium) on the
//! kennisnetwerk site: search finds reports and personas, the recommendation filters work
//! with and without JavaScript, and the page does not move when the web fonts arrive late. A generated site of 1,100 pages checks search over an index in
//! several shards.
//!
//! Needs Debian's `/usr/bin/chromium` and `tests/browser/node_modules`. On a fresh machine the
//! test installs them itself (`npm ci`, and `apt-get install chromium` when run as root, as the
//! site-audit tool does); when that is not possible it fails and says what to install, rather
//! than passing without having run.

use std::path::Path;
use std::process::Command;

const CHROMIUM: &str = "/usr/bin/chromium";

#[test]
fn search_and_filters_work_in_headless_chromium() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tests = repo.join("tests/browser");
    install_dependencies(&tests);
    assert!(
        Path::new(CHROMIUM).exists(),
        "{CHROMIUM} is missing: install it with `apt-get update && apt-get install -y chromium`"
    );
    assert!(
        tests.join("node_modules/playwright-core").exists(),
        "tests/browser/node_modules is missing: run `npm ci --prefix tests/browser`"
    );

    let out = tempfile::tempdir().unwrap();
    let build = Command::new(env!("CARGO_BIN_EXE_kennis"))
        .arg("build")
        .arg("--root")
        .arg(repo)
        .arg("--out")
        .arg(out.path())
        .arg("--site")
        .arg("kennisnetwerk")
        .output()
        .expect("run kennis build");
    assert!(
        build.status.success(),
        "kennis build of the bundled site failed:\n{}",
        String::from_utf8_lossy(&build.stderr)
    );

    let sharded = sharded_site();

    let run = Command::new("node")
        .arg("--test")
        .arg("--test-reporter=spec")
        .arg(&tests)
        .env("KENNIS_SITE", out.path().join("kennisnetwerk"))
        .env("KENNIS_SHARDED_SITE", sharded.path().join("output/archief"))
        .current_dir(repo)
        .output()
        .expect("run node (is Node.js 20 or newer installed?)");
    assert!(
        run.status.success(),
        "browser tests failed:\n{}\n{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    let report = String::from_utf8_lossy(&run.stdout);
    assert!(
        report.contains("one search finds the pages of every shard")
            && report.contains("no page scrolls sideways at 320 px")
            && report.contains("no layout shift when the web fonts arrive")
            && report.contains("skipped 0"),
        "a browser test did not run:\n{report}"
    );
}

/// Builds a site of 1,100 plain pages (more than one search index shard holds), each with the
/// word "slotsom", on the built-in theme.
fn sharded_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("site.yaml"),
        "language: nl\nsites:\n  archief:\n    title: Archief\n    base_url: https://archief.example.nl/\n    theme: kennisnetwerk\n",
    )
    .unwrap();
    let pages = root.join("content/paginas");
    std::fs::create_dir_all(&pages).unwrap();
    std::fs::write(
        root.join("content/_index.md"),
        "---\ntitle: Archief\n---\nEen groot archief.\n",
    )
    .unwrap();
    for i in 0..1100 {
        std::fs::write(
            pages.join(format!("p{i}.md")),
            format!("---\ntitle: Pagina {i}\n---\nDe slotsom van onderzoek {i} over jeugdhulp.\n"),
        )
        .unwrap();
    }
    let build = Command::new(env!("CARGO_BIN_EXE_kennis"))
        .arg("build")
        .arg("--root")
        .arg(root)
        .output()
        .expect("run kennis build");
    assert!(
        build.status.success(),
        "kennis build of the 1,100-page site failed:\n{}",
        String::from_utf8_lossy(&build.stderr)
    );
    dir
}

/// Installs playwright-core (npm registry) and, as root, Debian's chromium when they are missing.
fn install_dependencies(tests: &Path) {
    if !tests.join("node_modules/playwright-core").exists() {
        let status = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(tests)
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
            .status();
        eprintln!("npm ci in tests/browser: {status:?}");
    }
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    if !Path::new(CHROMIUM).exists() && root {
        let status = Command::new("sh")
            .args(["-c", "apt-get update && apt-get install -y chromium"])
            .env("DEBIAN_FRONTEND", "noninteractive")
            .status();
        eprintln!("apt-get install chromium: {status:?}");
    }
}
