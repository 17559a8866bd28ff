//! The data flows one way: load → model → render → output. This test fails when a module
//! reaches back up the pipeline.

use std::path::Path;

fn sources_under(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(sources_under(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((
                path.display().to_string(),
                std::fs::read_to_string(&path).unwrap(),
            ));
        }
    }
    out
}

fn assert_no_use(dir: &str, forbidden: &[&str]) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir);
    for (path, text) in sources_under(&root) {
        for f in forbidden {
            assert!(!text.contains(f), "{path} uses {f}");
        }
    }
}

#[test]
fn model_does_not_know_render_output_or_commands() {
    assert_no_use("model", &["crate::render", "crate::output", "crate::cmd"]);
}

#[test]
fn render_does_not_load_or_run_commands() {
    assert_no_use(
        "render",
        &["crate::load::load", "crate::cmd", "crate::output"],
    );
}

#[test]
fn blocks_know_nothing_of_pages() {
    assert_no_use(
        "blocks",
        &[
            "crate::model",
            "crate::render",
            "crate::output",
            "crate::cmd",
            "crate::config",
        ],
    );
}
