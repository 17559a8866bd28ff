//! Browser tests: builds the bundled sites into a temporary folder and runs
//! `tests/browser/*.test.mjs` (node's test runner + playwright-core + Debian's chromium) on the
//! kennisnetwerk site: search finds reports and personas, and the recommendation filters work
//! with and without JavaScript.
//!
//! Needs `/usr/bin/chromium` and `npm ci --prefix tests/browser`; without them this test fails
//! and says what to install, rather than passing without having run.

use std::path::Path;
use std::process::Command;

const CHROMIUM: &str = "/usr/bin/chromium";

#[test]
fn search_and_filters_work_in_headless_chromium() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tests = repo.join("tests/browser");
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

    let run = Command::new("node")
        .arg("--test")
        .arg("--test-reporter=spec")
        .arg(&tests)
        .env("KENNIS_SITE", out.path().join("kennisnetwerk"))
        .current_dir(repo)
        .output()
        .expect("run node (is Node.js 20 or newer installed?)");
    assert!(
        run.status.success(),
        "browser tests failed:\n{}\n{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
}
