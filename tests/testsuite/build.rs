//! A good site builds into every expected file.

use crate::SiteTest;

#[test]
fn a_site_builds_every_page_and_feed() {
    let mut t = SiteTest::from_dir("build/basic");
    t.build(&[]).success();
    for path in [
        "test/index.html",
        "test/rapporten/index.html",
        "test/rapporten/onderzoek/index.html",
        "test/rapporten/onderzoek/figuur-1.svg",
        "test/rapporten/onderzoek/figuur-1.png",
        "test/rapporten/onderzoek/bijlage.txt",
        "test/personas/sam/index.html",
        "test/personas/sam/leerroute.svg",
        "test/personas/sam/leerroute.png",
        "test/sitemap.xml",
        "test/atom.xml",
        "test/robots.txt",
        "test/404.html",
        "test/assets/style.css",
        "test/assets/fonts/AtkinsonHyperlegible-Regular.ttf",
    ] {
        assert!(t.exists(path), "{path} is missing");
    }
    let png = std::fs::read(
        t.root()
            .join("output/test/rapporten/onderzoek/figuur-1.png"),
    )
    .unwrap();
    assert_eq!(&png[1..4], b"PNG");
}

#[test]
fn the_report_page_matches_its_snapshot() {
    let mut t = SiteTest::from_dir("build/basic");
    t.build(&[]).success();
    insta::assert_snapshot!("report_page", t.read("test/rapporten/onderzoek/index.html"));
}

#[test]
fn a_report_page_has_one_h1_an_accessible_graphic_and_escaped_html() {
    let mut t = SiteTest::from_dir("build/basic");
    t.build(&[]).success();
    let html = t.read("test/rapporten/onderzoek/index.html");
    assert_eq!(html.matches("<h1").count(), 1);
    assert!(html.contains("<html lang=\"nl\""));
    assert!(html.contains("role=\"img\" aria-labelledby=\"figuur-1-title figuur-1-desc\""));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<script>alert(1)"));
    assert!(
        html.contains("<code class=\"language-yaml\">"),
        "ordinary code blocks stay code"
    );
    assert!(html.contains("href=\"figuur-1.png\""));
}

#[test]
fn feeds_list_the_report_with_absolute_urls() {
    let mut t = SiteTest::from_dir("build/basic");
    t.build(&[]).success();
    let sitemap = t.read("test/sitemap.xml");
    assert!(
        sitemap.contains(
            "<loc>https://test.example.nl/rapporten/onderzoek/</loc><lastmod>2025-03-01</lastmod>"
        ),
        "{sitemap}"
    );
    let atom = t.read("test/atom.xml");
    assert!(
        atom.contains("<summary>Professionals leren vooral in de praktijk.</summary>"),
        "{atom}"
    );
    assert!(
        t.read("test/robots.txt")
            .contains("Sitemap: https://test.example.nl/sitemap.xml")
    );
}

#[test]
fn base_url_override_prefixes_internal_links() {
    let mut t = SiteTest::from_dir("build/basic");
    t.build(&["--base-url", "https://preview.example.nl/sub/"])
        .success();
    let html = t.read("test/index.html");
    assert!(
        html.contains("href=\"/sub/rapporten/onderzoek/\""),
        "{html}"
    );
    assert!(html.contains("/sub/assets/style.css"));
}
