//! Bad input: exit 1, every error with `path:line:col`, and the previous output untouched.

use crate::SiteTest;

/// Builds the good fixture, then breaks one file and builds again.
fn previous_output_survives(case: &str, expect: &[&str]) {
    let mut t = SiteTest::from_dir(case);
    // A good build first: replace the broken report with a valid one.
    let broken = std::fs::read_to_string(t.root().join("content/rapporten/x/index.md")).unwrap();
    t.write(
        "content/rapporten/x/index.md",
        "---\ntitle: Goed\ntype: report\ndate: 2025-01-01\nsummary: Goed.\n---\nGoed.\n",
    );
    t.build(&[]).success();
    let before = t.read("test/rapporten/x/index.html");
    t.write("content/rapporten/x/index.md", &broken);
    t.build(&[]).failure().stderr_contains(expect);
    assert_eq!(
        t.read("test/rapporten/x/index.html"),
        before,
        "the previous output changed"
    );
    let leftovers: Vec<_> = std::fs::read_dir(t.root().join("output"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(leftovers, ["test"], "staging folders left behind");
}

#[test]
fn broken_front_matter_names_file_and_line() {
    previous_output_survives(
        "errors/front_matter_broken",
        &[
            "content/rapporten/x/index.md:6:1",
            "front matter: found unexpected end of stream",
            "is never closed",
        ],
    );
}

#[test]
fn a_typo_in_a_field_is_named_with_a_suggestion() {
    previous_output_survives(
        "errors/field_typo",
        &[
            "content/rapporten/x/index.md:5:1",
            "unknown field `sumary`",
            "did you mean `summary`?",
            "5 | sumary: Een samenvatting.",
        ],
    );
}

#[test]
fn a_missing_required_field_is_named() {
    previous_output_survives(
        "errors/field_missing",
        &[
            "content/rapporten/x/index.md:5:1",
            "a report needs the field `date`",
            "YYYY-MM-DD",
        ],
    );
}

#[test]
fn every_error_is_listed_not_just_the_first() {
    let mut t = SiteTest::from_dir("errors/many");
    t.build(&[]).failure().stderr_contains(&[
        "content/paginas/over.md:2:1",
        "unknown field `titel`",
        "content/rapporten/x/index.md:4:1",
        "`2025-02-30` is not a valid date",
        "content/rapporten/x/index.md:6:1",
        "there is no persona `nora`",
        "content/rapporten/x/index.md:10:1",
        "did you mean `bars`?",
        "content/rapporten/x/index.md:16:1",
        "unknown field `wie`",
        "failed with 5 error(s)",
    ]);
    assert!(
        !t.exists("test"),
        "a failed first build must not write output"
    );
}

#[test]
fn usage_errors_exit_2() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kennis"))
        .args(["build", "--no-such-flag"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
