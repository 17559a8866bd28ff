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
    let mut leftovers: Vec<_> = std::fs::read_dir(t.root().join("output"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    leftovers.sort();
    // The lock file stays; it is empty and only ever locked.
    assert_eq!(
        leftovers,
        [".kennis-lock", "test"],
        "staging folders left behind"
    );
}

#[test]
fn broken_front_matter_names_file_and_line() {
    previous_output_survives(
        "errors/front_matter_broken",
        &[
            "content/rapporten/x/index.md:5:10",
            "front matter: the `\"` opened here is never closed",
            "for example `summary: \"niet gesloten\"`",
        ],
    );
}

// See: reliability, second round, "errors that point at the symptom": `date: [2025-01-01` was
// reported on the next line, which is fine, with "check the indentation and quoting".
#[test]
fn an_unclosed_bracket_or_quote_is_named_where_it_was_opened() {
    let mut t = SiteTest::from_dir("errors/unclosed");
    t.build(&[]).failure().stderr_contains(&[
        "content/rapporten/x/index.md:4:7",
        "front matter: the `[` opened here is never closed",
        "close it with `]`, for example `date: [2025-01-01]`",
        // A block inside a list item, whose lines the Markdown parser indents.
        "content/paginas/lijst.md:7:9",
        "`quote` block: the `\"` opened here is never closed",
        "for example `text: \"Niet gesloten\"`",
        "failed with 2 error(s)",
    ]);
}

#[test]
fn a_duplicate_key_points_at_the_second_and_names_the_first() {
    previous_output_survives(
        "errors/duplicate_key",
        &[
            "content/rapporten/x/index.md:12:1",
            "`quote` block: `text` is given twice; it is already on line 10",
            "remove one of the two `text:` lines",
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
            "a report needs the field `summary`",
            "add a line `summary: ...`",
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
    let out = crate::kennis()
        .args(["build", "--no-such-flag"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
