//! Regression tests, each named after what a user saw: persona links that left the base path,
//! audiences with spaces, duplicate ids on a page, and a valid block that failed the build.

use std::collections::BTreeMap;

use crate::SiteTest;

/// Every value of `attr="…"` in `html`.
fn values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let pattern = format!(" {attr}=\"");
    html.match_indices(&pattern)
        .map(|(i, _)| {
            let rest = &html[i + pattern.len()..];
            &rest[..rest.find('"').unwrap_or(rest.len())]
        })
        .collect()
}

/// The ids that occur more than once in `html`.
fn duplicate_ids(html: &str) -> Vec<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for id in values(html, "id") {
        *counts.entry(id).or_default() += 1;
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n > 1)
        .map(|(id, _)| id.to_string())
        .collect()
}

const PERSONA_BLOCK: &str = "\n```persona\nid: sam\n```\n";

// See: persona block links to /personas/<id>/ outside the base path.
#[test]
fn the_persona_card_in_a_report_links_under_the_base_path() {
    let mut t = SiteTest::from_dir("build/basic");
    let report = "content/rapporten/onderzoek/index.md";
    let text = std::fs::read_to_string(t.root().join(report)).unwrap();
    t.write(report, &format!("{text}{PERSONA_BLOCK}"));
    t.build(&["--base-url", "https://example.nl/sub/"])
        .success();
    let html = t.read("test/rapporten/onderzoek/index.html");
    let rooted: Vec<&str> = values(&html, "href")
        .into_iter()
        .filter(|h| h.starts_with('/'))
        .collect();
    assert!(!rooted.is_empty());
    for href in &rooted {
        assert!(href.starts_with("/sub/"), "{href} is outside /sub/");
    }
    assert!(rooted.contains(&"/sub/personas/sam/"), "{rooted:?}");
}

// See: an audience with a space or a capital in site.yaml.
#[test]
fn an_audience_with_spaces_and_capitals_has_one_slug_for_its_page_and_anchors() {
    let mut t = SiteTest::from_dir("build/basic");
    t.write(
        "site.yaml",
        "language: nl\naudiences: [\"Jeugd en gezin\"]\nsites:\n  test:\n    title: Testsite\n    base_url: https://test.example.nl/\n    theme: test\n",
    );
    let report = "content/rapporten/onderzoek/index.md";
    let text = std::fs::read_to_string(t.root().join(report)).unwrap();
    t.write(
        report,
        &format!(
            "{text}\n```recommendations\n- audience: Jeugd en gezin\n  items: [Betrek gezinnen bij het leren.]\n```\n"
        ),
    );
    t.build(&[]).success();
    assert!(t.exists("test/aanbevelingen/jeugd-en-gezin/index.html"));
    assert!(!t.exists("test/aanbevelingen/Jeugd en gezin"));
    let page = t.read("test/rapporten/onderzoek/index.html");
    let ids = values(&page, "id");
    let overview = t.read("test/aanbevelingen/index.html");
    let links: Vec<&str> = values(&overview, "href")
        .into_iter()
        .filter(|h| h.starts_with("/rapporten/onderzoek/#"))
        .collect();
    assert!(!links.is_empty(), "no deep link on the overview");
    for link in links {
        let anchor = link.split('#').nth(1).unwrap();
        assert!(!anchor.contains(' '), "{anchor}");
        assert!(
            ids.contains(&anchor),
            "{anchor} is not an id of the report page"
        );
    }
}

// See: `## Personas in rapport` and footnote ids that equal heading ids.
#[test]
fn headings_and_footnotes_never_share_an_id_with_the_page() {
    let mut t = SiteTest::from_dir("build/basic");
    let report = "content/rapporten/onderzoek/index.md";
    let text = std::fs::read_to_string(t.root().join(report)).unwrap();
    t.write(
        report,
        &format!(
            "{text}\n## Personas in rapport\n\nZie de noot.[^1]\n\n## Noten {{#1}}\n\n[^1]: Een bron.\n"
        ),
    );
    t.build(&[]).success();
    let html = t.read("test/rapporten/onderzoek/index.html");
    assert!(
        html.contains("id=\"personas-in-rapport\""),
        "the template's own id"
    );
    assert_eq!(duplicate_ids(&html), Vec::<String>::new());
    // The footnote's reference still reaches its note.
    let note = values(&html, "href")
        .into_iter()
        .find(|h| h.starts_with("#voetnoot"))
        .expect("a footnote reference");
    assert!(values(&html, "id").contains(&&note[1..]), "{note}");
}

// See: a heading id the author wrote that the page already uses.
#[test]
fn a_heading_id_the_page_already_uses_is_an_error_at_its_line() {
    let mut t = SiteTest::from_dir("build/basic");
    t.write(
        "content/paginas/over.md",
        "---\ntitle: Over\n---\nTekst.\n\n## Inhoud {#inhoud}\n",
    );
    t.build(&[]).failure().stderr_contains(&[
        "content/paginas/over.md:6:1",
        "the heading id `#inhoud` is taken",
    ]);
}

// See: a `bars` block within every list limit failed the build while rasterizing.
#[test]
fn a_bars_block_too_large_to_draw_is_an_error_at_its_fence() {
    let mut t = SiteTest::from_dir("build/basic");
    let mut block = String::from("```bars\ntitle: Heel veel balken\ngroups:\n");
    for g in 0..30 {
        block.push_str(&format!("  - label: Groep {g}\n    items:\n"));
        for i in 0..30 {
            block.push_str(&format!("      - {{label: Balk {i}, value: {i}}}\n"));
        }
    }
    block.push_str("```\n");
    t.write(
        "content/rapporten/groot/index.md",
        &format!("---\ntitle: Groot\ntype: report\ndate: 2025-01-01\nsummary: Veel.\n---\nTekst.\n\n{block}"),
    );
    t.build(&[]).failure().stderr_contains(&[
        "content/rapporten/groot/index.md:9:1",
        "the `bars` block makes a graphic of",
        "split it into two or more `bars` blocks",
    ]);
    assert!(!t.stderr().contains("cannot be rendered"), "{}", t.stderr());
}
