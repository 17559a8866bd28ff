//! The data flows one way: load → model → render → output, with `cmd` and `pipeline` as glue on
//! top. This test fails when a module reaches back up the pipeline, when the renderer keeps
//! global state, when `check` parses content itself, when a command builds pages or paths,
//! and when modules import each other in a circle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// (path relative to `src/`, text) of every source file under `src/dir` (or all of `src/`).
fn sources_under(dir: &str) -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    let mut todo = vec![src.join(dir)];
    while let Some(path) = todo.pop() {
        if path.is_dir() {
            for entry in std::fs::read_dir(&path).unwrap().flatten() {
                todo.push(entry.path());
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path
                .strip_prefix(&src)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, std::fs::read_to_string(&path).unwrap()));
        }
    }
    out.sort();
    out
}

/// The code of a file without its comments and its `#[cfg(test)] mod tests`.
fn code(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => text,
    };
    text.lines()
        .map(|l| match l.trim_start().starts_with("//") {
            true => "",
            false => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn assert_no_use(dir: &str, forbidden: &[&str]) {
    let files = sources_under(dir);
    assert!(!files.is_empty(), "no sources under src/{dir}");
    for (path, text) in files {
        let code = code(&text);
        for f in forbidden {
            assert!(!code.contains(f), "src/{path} uses {f}");
        }
    }
}

#[test]
fn model_does_not_know_render_output_or_commands() {
    assert_no_use(
        "model",
        &[
            "crate::render",
            "crate::output",
            "crate::cmd",
            "crate::pipeline",
        ],
    );
}

#[test]
fn render_does_not_load_write_or_run_commands() {
    assert_no_use(
        "render",
        &[
            "crate::load::load",
            "crate::cmd",
            "crate::output",
            "crate::pipeline",
        ],
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

/// Render is a pure function of the model and the caches it is given: no statics (beyond
/// constants), no lazily made globals, no thread-locals.
#[test]
fn render_holds_no_global_state() {
    for (path, text) in sources_under("render") {
        for (n, line) in code(&text).lines().enumerate() {
            let line = line.trim_start();
            let declares_static = ["static ", "pub static ", "pub(crate) static "]
                .iter()
                .any(|p| line.starts_with(p));
            for bad in [
                "OnceLock",
                "LazyLock",
                "lazy_static",
                "thread_local!",
                "OnceCell",
            ] {
                assert!(!line.contains(bad), "src/{path}:{}: {bad}", n + 1);
            }
            assert!(!declares_static, "src/{path}:{}: a static: {line}", n + 1);
        }
    }
}

/// `kennis check` reads the model; it parses no Markdown or YAML of its own.
#[test]
fn check_parses_nothing_itself() {
    assert_no_use(
        "check",
        &[
            "pulldown_cmark",
            "serde_yaml",
            "parse_yaml",
            "crate::load::load",
            "read_head",
        ],
    );
}

/// Commands are glue: they neither render pages nor decide paths.
#[test]
fn commands_build_no_pages_or_paths() {
    assert_no_use(
        "cmd",
        &[
            "render::render(",
            "report_outputs",
            "model::build(",
            "load::load(",
            "tera::",
            "\"index.html\"",
            "/index.html",
            "figure_files(",
            "card_file(",
            "social.png",
        ],
    );
}

/// The module of a source file (`model/body.rs` → `model::body`, `model/mod.rs` → `model`).
fn module_of(path: &str) -> String {
    let trimmed = path
        .trim_end_matches(".rs")
        .trim_end_matches("/mod")
        .replace('/', "::");
    if trimmed == "lib" || trimmed == "main" {
        String::new()
    } else {
        trimmed
    }
}

/// The unit an edge is counted between: a top-level module, or a file inside a folder module
/// for edges between siblings.
#[test]
fn no_modules_import_each_other_in_a_circle() {
    let files = sources_under("");
    let modules: BTreeSet<String> = files.iter().map(|(p, _)| module_of(p)).collect();
    // Edges between top-level modules, and between sibling files of one folder.
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, text) in &files {
        let from = module_of(path);
        if from.is_empty() {
            continue;
        }
        let code = code(text);
        let parent = from.rsplit_once("::").map(|(p, _)| p.to_string());
        let mut add = |to: String| {
            if to != from && !to.is_empty() {
                edges.entry(from.clone()).or_default().insert(to);
            }
        };
        for (i, _) in code.match_indices("crate::") {
            let rest = &code[i + 7..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            // The longest module the path names.
            let mut target = String::new();
            let mut prefix = String::new();
            for part in name.split("::").filter(|p| !p.is_empty()) {
                prefix = if prefix.is_empty() {
                    part.to_string()
                } else {
                    format!("{prefix}::{part}")
                };
                if modules.contains(&prefix) {
                    target = prefix.clone();
                }
            }
            // Across top-level modules, the top-level one counts; inside one, the file.
            let top = |m: &str| m.split("::").next().unwrap_or("").to_string();
            if top(&target) != top(&from) {
                add(top(&target));
            } else {
                add(target);
            }
        }
        if let Some(parent) = &parent {
            for (i, _) in code.match_indices("super::") {
                let rest = &code[i + 7..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                let sibling = format!("{parent}::{name}");
                if modules.contains(&sibling) {
                    add(sibling);
                }
            }
        }
    }
    // Top-level modules stand for all their files.
    let top_edges: BTreeMap<String, BTreeSet<String>> = {
        let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (from, tos) in &edges {
            for to in tos {
                let (f, t) = (
                    from.split("::").next().unwrap(),
                    to.split("::").next().unwrap(),
                );
                if f != t {
                    out.entry(f.to_string()).or_default().insert(t.to_string());
                } else {
                    out.entry(from.clone()).or_default().insert(to.clone());
                }
            }
        }
        out
    };
    // Depth-first search for a path back to where it started.
    fn circle(
        graph: &BTreeMap<String, BTreeSet<String>>,
        start: &str,
        at: &str,
        path: &mut Vec<String>,
        seen: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        for next in graph.get(at).into_iter().flatten() {
            if next == start {
                let mut found = path.clone();
                found.push(next.clone());
                return Some(found);
            }
            if seen.insert(next.clone()) {
                path.push(next.clone());
                if let Some(found) = circle(graph, start, next, path, seen) {
                    return Some(found);
                }
                path.pop();
            }
        }
        None
    }
    assert!(top_edges.contains_key("render"), "{top_edges:?}");
    for start in top_edges.keys() {
        let found = circle(
            &top_edges,
            start,
            start,
            &mut vec![start.clone()],
            &mut BTreeSet::new(),
        );
        assert!(
            found.is_none(),
            "import circle: {}",
            found.unwrap().join(" → ")
        );
    }
}
