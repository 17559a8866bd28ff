//! One language at a time: every line kennis prints for the editor is a message of its
//! catalogue in the language of the run, Dutch for a site in Dutch and English with `--lang en`,
//! never a sentence of the other language or one that is in no catalogue.

use kennis::messages::{Language, recognise};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The kennis binary with no language chosen by the environment.
fn kennis_unset() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kennis"));
    command.env_remove("KENNIS_LANG");
    command.env("NO_COLOR", "1");
    command
}

/// The fixture sites that have a site.yaml, with the bundled one first.
fn sites() -> Vec<PathBuf> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = vec![manifest.to_path_buf()];
    for group in ["errors", "check", "hostile", "build", "blocks", "research"] {
        let dir = manifest.join("tests/testsuite").join(group);
        let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.join("site.yaml").is_file())
            .collect();
        found.sort();
        out.extend(found);
    }
    out
}

/// The lines of a run's output that carry a sentence: the header and help of each diagnostic,
/// and every line of its own (progress, summaries), without the location, the quoted source
/// line and its marker.
fn sentences(output: &str) -> Vec<String> {
    output
        .lines()
        .map(str::trim_end)
        .filter(|line| !line.trim().is_empty())
        .filter(|line| !line.trim_start().starts_with("-->"))
        .filter(|line| {
            // The gutter of a quoted source line: `12 | text`, `   |   ^`.
            let t = line.trim_start();
            let gutter = t.trim_start_matches(|c: char| c.is_ascii_digit());
            !(gutter.starts_with(" |") || gutter.starts_with('|'))
        })
        .map(|line| {
            let line = line.trim_start();
            line.strip_prefix("= ").unwrap_or(line).to_string()
        })
        .collect()
}

/// The label of a diagnostic line and its language, and the rest of the line: the label is
/// one short word that would fit any line, so the message is recognised without it.
fn label(line: &str) -> (Option<Language>, &str) {
    for (word, language) in [
        ("fout: ", Language::Dutch),
        ("waarschuwing: ", Language::Dutch),
        ("tip: ", Language::Dutch),
        ("error: ", Language::English),
        ("warning: ", Language::English),
        ("help: ", Language::English),
    ] {
        if let Some(rest) = line.strip_prefix(word) {
            return (Some(language), rest);
        }
    }
    (None, line)
}

/// The language of a printed line: its label's and its message's, which must agree.
fn language_of(line: &str) -> Option<Language> {
    let (labelled, rest) = label(line);
    let message = recognise(rest);
    match labelled {
        Some(l) if message != Some(l) => None,
        _ => message,
    }
}

/// Runs `args` on `root` and checks the language of every sentence it prints.
fn speaks(root: &Path, args: &[&str], language: Language, failures: &mut Vec<String>) -> usize {
    // A copy, so that the build's cache and output stay out of the repository.
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    std::fs::create_dir(&site).unwrap();
    for entry in std::fs::read_dir(root).unwrap().flatten() {
        let name = entry.file_name();
        let path = entry.path();
        if path.is_dir() && ["content", "themes"].contains(&name.to_str().unwrap()) {
            crate::copy_dir(&path, &site.join(&name));
        } else if path.is_file() {
            std::fs::copy(&path, site.join(&name)).unwrap();
        }
    }
    let mut command = kennis_unset();
    command.args(args).arg("--root").arg(&site);
    let output = command.output().unwrap();
    let text = format!(
        "{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let lines = sentences(&text);
    for line in &lines {
        let heard = language_of(line);
        if heard != Some(language) {
            failures.push(format!(
                "{} {}: {:?} is {}",
                root.strip_prefix(env!("CARGO_MANIFEST_DIR"))
                    .unwrap_or(root)
                    .display(),
                args.join(" "),
                line,
                match heard {
                    Some(other) => format!("in {other:?}, not {language:?}"),
                    None => "no message of the catalogue".to_string(),
                }
            ));
        }
    }
    lines.len()
}

/// `build` and `check` on the bundled content and every fixture site, in Dutch (`--lang nl`)
/// and in English (`--lang en`): each printed sentence is a catalogue message of that language.
#[test]
fn build_and_check_speak_one_language_throughout() {
    let mut failures = Vec::new();
    let mut heard = 0;
    for root in sites() {
        for (code, language) in [("nl", Language::Dutch), ("en", Language::English)] {
            for command in ["build", "check"] {
                heard += speaks(&root, &[command, "--lang", code], language, &mut failures);
            }
        }
    }
    assert!(heard > 200, "only {heard} lines were printed in all");
    assert!(
        failures.is_empty(),
        "{} lines in the wrong language or in none:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Without `--lang`, the bundled site (`language: nl`) gets Dutch, and `KENNIS_LANG=en`
/// English.
#[test]
fn the_language_follows_the_site_unless_the_editor_chooses() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut failures = Vec::new();
    assert!(speaks(root, &["check"], Language::Dutch, &mut failures) > 0);
    let output = kennis_unset()
        .env("KENNIS_LANG", "en")
        .args(["check", "--root"])
        .arg(root)
        .output()
        .unwrap();
    for line in sentences(&String::from_utf8_lossy(&output.stderr))
        .iter()
        .chain(&sentences(&String::from_utf8_lossy(&output.stdout)))
    {
        if language_of(line) != Some(Language::English) {
            failures.push(format!("KENNIS_LANG=en: {line:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `init` and `new` speak one language too, and so do their refusals.
#[test]
fn init_and_new_speak_one_language() {
    let mut failures = Vec::new();
    let mut heard = 0;
    for (code, language) in [("nl", Language::Dutch), ("en", Language::English)] {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        let runs: [Vec<&str>; 4] = [
            vec![
                "init",
                "--title",
                "Kennisnetwerk Test",
                "--base-url",
                "https://t.example.nl/",
            ],
            // The folder is no longer empty.
            vec![
                "init",
                "--title",
                "Kennisnetwerk Test",
                "--base-url",
                "https://t.example.nl/",
            ],
            vec!["new", "report", "nieuw-rapport"],
            vec!["new", "report", "Geen Slug!"],
        ];
        for args in runs {
            let mut command = kennis_unset();
            command.args(&args).arg("--lang").arg(code);
            if args[0] == "init" {
                command.arg(&site);
            } else {
                command.arg("--root").arg(&site);
            }
            let output = command.output().unwrap();
            let text = format!(
                "{}\n{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            );
            for line in sentences(&text) {
                heard += 1;
                if language_of(&line) != Some(language) {
                    failures.push(format!("{} --lang {code}: {line:?}", args.join(" ")));
                }
            }
        }
    }
    assert!(heard > 8, "only {heard} lines were printed");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The messages the editor's guide quotes (the `fout:`, `waarschuwing:` and `= tip:` lines of its
/// examples) are messages of the Dutch catalogue, so the guide shows what kennis says.
#[test]
fn the_guide_quotes_the_dutch_messages() {
    let guide = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/editors-guide.md"),
    )
    .unwrap();
    let mut quoted = 0;
    let mut failures = Vec::new();
    let mut in_code = false;
    for (n, line) in guide.lines().enumerate() {
        if line.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        let t = line.trim_start();
        let t = t.strip_prefix("= ").unwrap_or(t);
        if !in_code
            || !["fout: ", "waarschuwing: ", "tip: "]
                .iter()
                .any(|l| t.starts_with(l))
        {
            continue;
        }
        quoted += 1;
        if language_of(t) != Some(Language::Dutch) {
            failures.push(format!("docs/editors-guide.md:{}: {t}", n + 1));
        }
    }
    assert!(quoted > 20, "the guide quotes only {quoted} messages");
    assert!(
        failures.is_empty(),
        "not a message of the Dutch catalogue:\n{}",
        failures.join("\n")
    );
}
