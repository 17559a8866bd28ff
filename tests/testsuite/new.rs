//! `kennis new`: commented starters that build as they are, never overwrite, and take only
//! clean slugs.

use std::path::Path;

use crate::SiteTest;

/// Runs `kennis ARGS --root ROOT`: (exit code, stderr).
fn kennis(root: &Path, args: &[&str]) -> (Option<i32>, String) {
    let out = crate::kennis()
        .args(args)
        .arg("--root")
        .arg(root)
        .output()
        .expect("run kennis");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn every_starter_builds_and_passes_check() {
    let mut t = SiteTest::from_dir("new/site");
    for (kind, slug, file) in [
        (
            "report",
            "nieuw-onderzoek",
            "content/rapporten/nieuw-onderzoek/index.md",
        ),
        ("persona", "sam", "content/personas/sam.md"),
        ("page", "colofon", "content/paginas/colofon.md"),
    ] {
        let (code, stderr) = kennis(t.root(), &["new", kind, slug]);
        assert_eq!(code, Some(0), "{stderr}");
        assert!(stderr.contains(&format!("wrote {file}")), "{stderr}");
        let text = std::fs::read_to_string(t.root().join(file)).unwrap();
        assert!(text.starts_with("---\n# "), "a commented starter: {text}");
    }
    let report =
        std::fs::read_to_string(t.root().join("content/rapporten/nieuw-onderzoek/index.md"))
            .unwrap();
    assert!(report.contains("```figures"), "an example infographic");
    assert!(report.contains("title: Nieuw onderzoek"));
    t.build(&[]).success();
    for page in [
        "test/rapporten/nieuw-onderzoek/index.html",
        "test/rapporten/nieuw-onderzoek/figuur-1.png",
        "test/personas/sam/index.html",
        "test/paginas/colofon/index.html",
    ] {
        assert!(t.exists(page), "{page} is missing");
    }
    let (code, stderr) = kennis(t.root(), &["check"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stderr.contains("error:"), "{stderr}");
}

#[test]
fn an_existing_file_is_never_overwritten() {
    let mut t = SiteTest::from_dir("new/site");
    t.write("content/paginas/colofon.md", "mijn eigen tekst\n");
    let (code, stderr) = kennis(t.root(), &["new", "page", "colofon"]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("content/paginas/colofon.md already exists"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(t.root().join("content/paginas/colofon.md")).unwrap(),
        "mijn eigen tekst\n"
    );
    // The other file that would make the same page counts too.
    t.write("content/rapporten/oud.md", "---\ntitle: Oud\n---\n");
    let (code, stderr) = kennis(t.root(), &["new", "report", "oud"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(!t.root().join("content/rapporten/oud/index.md").exists());
}

#[test]
fn a_slug_that_is_not_lower_case_words_is_a_usage_error() {
    let t = SiteTest::from_dir("new/site");
    for bad in ["Mijn Rapport", "../buiten", "a_b", "x-"] {
        let (code, stderr) = kennis(t.root(), &["new", "report", bad]);
        assert_eq!(code, Some(2), "{bad}: {stderr}");
        assert!(stderr.contains("is not a slug"), "{stderr}");
    }
    assert!(!t.root().join("content/rapporten").exists());
    assert!(!t.root().parent().unwrap().join("buiten").exists());
}

#[test]
fn new_needs_the_site_root() {
    let dir = tempfile::tempdir().unwrap();
    let (code, stderr) = kennis(dir.path(), &["new", "page", "x"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("there is no site.yaml"), "{stderr}");
}
