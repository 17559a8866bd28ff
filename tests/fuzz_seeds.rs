//! The fuzz targets' inputs as ordinary tests: every file in `fuzz/seeds/<target>/` (inputs that
//! once crashed a target), the fixture sites and the block samples go through the same
//! functions as `cargo fuzz` runs (`kennis::fuzzing`), so a regression shows in `cargo test`
//! without a nightly compiler.

use std::path::{Path, PathBuf};

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// The files of `dirs` (relative to the crate), sorted.
fn files(dirs: &[&str]) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    for dir in dirs {
        files_under(&root.join(dir), &mut paths);
    }
    paths.sort();
    paths
}

/// The text files of `dirs` (relative to the crate), sorted.
fn inputs(dirs: &[&str]) -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    for dir in dirs {
        files_under(&root.join(dir), &mut paths);
    }
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| {
            let bytes = std::fs::read(&p).ok()?;
            String::from_utf8(bytes).ok().map(|text| (p, text))
        })
        .collect()
}

fn run(target: &str, dirs: &[&str], f: fn(&str) -> Result<(), String>) {
    let inputs = inputs(dirs);
    assert!(inputs.len() > 3, "{target}: hardly any inputs in {dirs:?}");
    for (path, text) in inputs {
        if let Err(broken) = f(&text) {
            panic!("{target} on {}: {broken}", path.display());
        }
    }
}

#[test]
fn front_matter_seeds_and_fixtures() {
    run(
        "front_matter",
        &["fuzz/seeds/front_matter", "tests/testsuite"],
        kennis::fuzzing::front_matter,
    );
}

#[test]
fn block_yaml_seeds_and_samples() {
    run(
        "block_yaml",
        &["fuzz/seeds/block_yaml", "src/blocks/samples"],
        kennis::fuzzing::block_yaml,
    );
}

#[test]
fn markdown_seeds_and_fixtures() {
    run(
        "markdown",
        &["fuzz/seeds/markdown", "tests/testsuite"],
        kennis::fuzzing::markdown,
    );
}

#[test]
fn site_seeds() {
    let seeds = files(&["fuzz/seeds/site"]);
    assert!(seeds.len() >= 4, "{seeds:?}");
    for path in seeds {
        let bytes = std::fs::read(&path).unwrap();
        if let Err(broken) = kennis::fuzzing::site(&bytes) {
            panic!("site on {}: {broken}", path.display());
        }
    }
}
