//! `kennis check`: what build validates plus links, anchors, alt text, data and readability;
//! text and JSON output, the HTML report, and the bundled content.

use std::path::Path;

use crate::SiteTest;

/// Runs `kennis check --root ROOT ARGS`: (exit code, stdout, stderr).
fn check(root: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = crate::kennis()
        .arg("check")
        .arg("--root")
        .arg(root)
        .args(args)
        .output()
        .expect("run kennis check");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_clean_site_passes_with_its_links_anchors_and_images_checked() {
    let t = SiteTest::from_dir("check/clean");
    let (code, _, stderr) = check(t.root(), &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stderr.contains("error:"), "{stderr}");
    assert!(
        stderr.contains("links: 6 internal checked, 0 broken"),
        "{stderr}"
    );
    assert!(stderr.contains("images: 1, 0 without alt text"), "{stderr}");
    assert!(
        stderr.contains("contrast of theme `test` (site test): 9 of 9 colour pairs meet WCAG AA"),
        "{stderr}"
    );
    assert!(!t.root().join("output").exists(), "check wrote output");
}

#[test]
fn a_broken_link_a_missing_alt_text_and_a_wrong_anchor_are_errors_with_their_line() {
    let t = SiteTest::from_dir("check/broken");
    let (code, _, stderr) = check(t.root(), &[]);
    assert_eq!(code, Some(1), "{stderr}");
    for part in [
        "error: the link `../../paginas/toelichtingen/` points at /paginas/toelichtingen/, which is not a page of site `test`",
        "--> content/rapporten/onderzoek/index.md:10:8",
        "did you mean /paginas/toelichting/?",
        "error: the image `grafiek.png` has no alt text",
        "--> content/rapporten/onderzoek/index.md:12:1",
        "error: the link `#methodes`: /rapporten/onderzoek/ has no heading or figure with the id `methodes`",
        "--> content/rapporten/onderzoek/index.md:14:10",
        "did you mean `#methode`?",
        ": 3 errors, ",
    ] {
        assert!(stderr.contains(part), "stderr lacks {part:?}:\n{stderr}");
    }
}

#[test]
fn json_output_is_an_array_of_findings() {
    let t = SiteTest::from_dir("check/broken");
    let (code, stdout, _) = check(t.root(), &["--format", "json"]);
    assert_eq!(code, Some(1));
    let all: serde_json::Value = serde_json::from_str(&stdout).expect("stdout is JSON");
    let all = all.as_array().expect("an array");
    let alt = all
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("no alt text"))
        .expect("the missing alt text");
    assert_eq!(alt["severity"], "error");
    assert_eq!(alt["rule"], "alt-text");
    assert_eq!(alt["file"], "content/rapporten/onderzoek/index.md");
    assert_eq!(alt["line"], 12);
    assert_eq!(alt["column"], 1);
    assert!(
        alt["hint"]
            .as_str()
            .unwrap()
            .contains("between the brackets")
    );
    for d in all {
        let keys: Vec<&str> = d.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys.len(),
            7,
            "rule, severity, file, line, column, message, hint: {keys:?}"
        );
    }
}

#[test]
fn data_and_readability_findings_are_warnings() {
    let t = SiteTest::from_dir("check/data");
    let (code, _, stderr) = check(t.root(), &[]);
    assert_eq!(code, Some(0), "warnings only:\n{stderr}");
    for part in [
        "warning: `bars` block: the values of group `Fase` add up to 69, less than the `total` of 78",
        "warning: `matrix` block: two rows are labelled `Zelfzorg`",
        "--> content/rapporten/cijfers/index.md:16:12",
        "--> content/rapporten/cijfers/index.md:28:13",
        // max_sentence_words: 8 in this site's site.yaml.
        "warning: long sentence: 14 words (advice: at most 8)",
        "--> content/rapporten/cijfers/index.md:9:23",
        ": 0 errors, ",
    ] {
        assert!(stderr.contains(part), "stderr lacks {part:?}:\n{stderr}");
    }
}

#[test]
fn build_errors_are_check_errors() {
    let t = SiteTest::from_dir("errors/field_typo");
    let (code, _, stderr) = check(t.root(), &[]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("unknown field"), "{stderr}");
}

#[test]
fn the_report_lists_what_was_checked_per_page_and_escapes_content() {
    let mut t = SiteTest::from_dir("check/clean");
    t.write(
        "content/paginas/toelichting.md",
        "---\ntitle: \"Uitleg <script>alert(1)</script>\"\n---\n## Uitleg\n\nTerug naar [het onderzoek](/rapporten/onderzoek/).\n",
    );
    let (code, _, stderr) = check(t.root(), &["--report"]);
    assert_eq!(code, Some(0), "{stderr}");
    let path = t.root().join("output/kennis-check-report.html");
    let html = std::fs::read_to_string(&path).expect("the report at its default place");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    for part in [
        "Accessibility and quality report",
        "What was checked",
        "1.1.1 Non-text Content",
        "Per page",
        "content/rapporten/onderzoek/index.md",
        "/paginas/toelichting/",
        "Uitleg &lt;script&gt;alert(1)&lt;/script&gt;",
        " UTC",
    ] {
        assert!(html.contains(part), "report lacks {part:?}");
    }
    assert!(!html.contains("<script>alert"), "unescaped content");

    let custom = t.root().join("elders/rapport.html");
    let (code, _, _) = check(t.root(), &["--report", custom.to_str().unwrap()]);
    assert_eq!(code, Some(0));
    assert!(custom.is_file());
}

/// The bundled site passes (warnings allowed), and its readability advice stays sensible: a
/// score per long page, within the range of real Dutch text, and one warning per page at most
/// for long sentences.
#[test]
fn the_bundled_content_passes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (code, _, stderr) = check(root, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stderr.contains("\nerror"), "{stderr}");
    let scores = stderr
        .lines()
        .find(|l| l.contains("readability (Flesch-Douma"))
        .expect("a readability summary");
    for part in scores.split(": ").nth(1).unwrap().split(", ") {
        let score: f64 = part.rsplit(' ').next().unwrap().parse().unwrap();
        assert!((20.0..=90.0).contains(&score), "{part}");
    }
    let long = stderr.matches("warning: long sentence").count();
    assert!(long <= 12, "{long} long-sentence warnings:\n{stderr}");
}
