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
        "test/rapporten/onderzoek/aanbevelingen.svg",
        "test/rapporten/onderzoek/aanbevelingen.png",
        "test/rapporten/onderzoek/bijlage.txt",
        "test/personas/sam/index.html",
        "test/personas/sam/leerroute.svg",
        "test/personas/sam/leerroute.png",
        "test/sitemap.xml",
        "test/atom.xml",
        "test/robots.txt",
        "test/404.html",
        "test/assets/style.css",
        "test/assets/fonts/AtkinsonHyperlegible-Regular.woff2",
        "test/assets/fonts/AtkinsonHyperlegible-Bold.woff2",
    ] {
        assert!(t.exists(path), "{path} is missing");
    }
    let png = std::fs::read(
        t.root()
            .join("output/test/rapporten/onderzoek/aanbevelingen.png"),
    )
    .unwrap();
    assert_eq!(&png[1..4], b"PNG");
}

#[test]
fn a_persona_page_shows_its_card_without_a_link_to_itself() {
    let mut t = SiteTest::from_dir("build/basic");
    t.build(&[]).success();
    let html = t.read("test/personas/sam/index.html");
    assert!(html.contains("class=\"block block-persona\""), "{html}");
    assert!(html.contains("<dd>Sam</dd>"), "{html}");
    assert!(!html.contains("Lees het verhaal van Sam"), "{html}");
    assert!(!html.contains("href=\"/personas/sam/\""), "{html}");
}

#[test]
fn the_report_page_matches_its_snapshot() {
    let mut t = SiteTest::from_dir("build/basic");
    t.build(&[]).success();
    insta::assert_snapshot!("report_page", t.read("test/rapporten/onderzoek/index.html"));
}

#[test]
fn the_contents_keep_the_numbers_a_report_gives_its_headings() {
    let mut t = SiteTest::from_dir("build/basic");
    t.write(
        "content/rapporten/genummerd/index.md",
        "---\ntitle: Genummerd\ntype: report\ndate: 2024-01-01\nsummary: Een verslag met genummerde hoofdstukken.\n---\n\
         ## Inleiding\n\nTekst.\n\n## 2 Resultaten\n\nTekst.\n",
    );
    t.build(&[]).success();
    let toc = |path: &str| {
        let html = t.read(path);
        let start = html.find("<nav class=\"toc").expect("a table of contents");
        html[start..start + 40].to_string()
    };
    assert!(
        !toc("test/rapporten/onderzoek/index.html").contains("toc-own-numbers"),
        "no heading of this report has a number of its own"
    );
    assert!(
        toc("test/rapporten/genummerd/index.html").contains("toc-own-numbers"),
        "a heading starts with its own number"
    );
}

#[test]
fn a_report_page_has_one_h1_an_accessible_graphic_and_escaped_html() {
    let mut t = SiteTest::from_dir("build/basic");
    t.build(&[]).success();
    let html = t.read("test/rapporten/onderzoek/index.html");
    assert_eq!(html.matches("<h1").count(), 1);
    assert!(html.contains("<html lang=\"nl\""));
    // Blocks are HTML: a figure named by its caption; a quote is a quotation, not numbered.
    assert!(html.contains("<figure class=\"block block-recommendations\" id=\"aanbevelingen\"><figcaption class=\"block-caption\"><span class=\"block-title\" id=\"aanbevelingen-titel\">"));
    assert!(html.contains("<figure class=\"quote\" id=\"citaat-1\"><blockquote>"));
    assert!(!html.contains("<svg"), "no drawing holds text on the page");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<script>alert(1)"));
    assert!(
        html.contains("<code class=\"language-yaml\">"),
        "ordinary code blocks stay code"
    );
    assert!(html.contains("href=\"aanbevelingen.png\""));
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

#[test]
fn recommendations_are_browsable_per_audience_and_deep_link_into_the_report() {
    let mut t = SiteTest::from_dir("build/basic");
    t.build(&[]).success();
    let all = t.read("test/aanbevelingen/index.html");
    let report = t.read("test/rapporten/onderzoek/index.html");
    for text in [
        "Organiseer leren vanuit de praktijk.",
        "Maak ruimte voor reflectie.",
        "Blijf nieuwsgierig.",
    ] {
        assert!(all.contains(text), "{text} missing from /aanbevelingen/");
    }
    // Every deep link points at an id that exists on the report page.
    let links: Vec<&str> = all
        .split("href=\"/rapporten/onderzoek/#")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap())
        .collect();
    assert_eq!(links.len(), 3, "{links:?}");
    for id in links {
        assert!(
            report.contains(&format!("id=\"{id}\"")),
            "no id {id} on the report page"
        );
    }
    // Without JavaScript: a page per audience holding only that audience.
    let professionals = t.read("test/aanbevelingen/professionals/index.html");
    assert!(
        professionals.contains("Blijf nieuwsgierig.")
            && !professionals.contains("Organiseer leren")
    );
    assert!(all.contains("href=\"/aanbevelingen/professionals/\""));
}

#[test]
fn theme_pages_list_reports_and_recommendations() {
    let mut t = SiteTest::from_dir("build/basic");
    t.build(&[]).success();
    let theme = t.read("test/themas/leren/index.html");
    assert!(theme.contains("href=\"/rapporten/onderzoek/\""));
    assert!(theme.contains("Maak ruimte voor reflectie."));
    assert!(
        t.read("test/themas/index.html")
            .contains("href=\"/themas/leren/\"")
    );
    assert!(
        t.read("test/rapporten/onderzoek/index.html")
            .contains("href=\"/themas/leren/\"")
    );
}

#[test]
fn every_report_has_a_social_card_and_json_ld() {
    let mut t = SiteTest::from_dir("build/basic");
    t.build(&[]).success();
    let html = t.read("test/rapporten/onderzoek/index.html");
    assert!(html.contains("<meta property=\"og:image\" content=\"https://test.example.nl/rapporten/onderzoek/social.png\">"));
    assert!(html.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
    let png = std::fs::read(t.root().join("output/test/rapporten/onderzoek/social.png")).unwrap();
    // PNG header: width and height are big-endian u32 at bytes 16..24.
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!((width, height), (1200, 630));
    let start = html
        .find("<script type=\"application/ld+json\">")
        .expect("json-ld")
        + 35;
    let end = start + html[start..].find("</script>").unwrap();
    let json: serde_json::Value = serde_json::from_str(&html[start..end]).expect("valid JSON-LD");
    assert_eq!(json["name"], "Een onderzoek");
    assert_eq!(json["datePublished"], "2025-03-01");
}

#[test]
fn social_cards_and_search_can_be_switched_off_per_site() {
    let mut t = SiteTest::from_dir("build/switches");
    t.build(&[]).success();
    assert!(
        !t.stderr().contains("zoeken"),
        "no warning about the search link: {}",
        t.stderr()
    );

    // Off by the top-level keys.
    let page = t.read("uit/rapporten/onderzoek/index.html");
    assert!(!t.exists("uit/rapporten/onderzoek/social.png"));
    assert!(!page.contains("og:image"), "{page}");
    assert!(!page.contains("social.png"), "{page}");
    assert!(!t.exists("uit/zoeken/index.html"));
    assert!(!t.exists("uit/pagefind/pagefind.js"));
    assert!(!t.exists("uit/assets/zoeken.js"));
    assert!(
        !page.contains("href=\"/zoeken/\""),
        "the navigation drops search: {page}"
    );
    assert!(page.contains("href=\"/rapporten/\""), "{page}");

    // On again for one site.
    let page = t.read("aan/rapporten/onderzoek/index.html");
    assert!(t.exists("aan/rapporten/onderzoek/social.png"));
    assert!(
        page.contains("content=\"https://aan.example.nl/rapporten/onderzoek/social.png\""),
        "{page}"
    );
    assert!(t.exists("aan/zoeken/index.html"));
    assert!(t.exists("aan/pagefind/pagefind.js"));
    assert!(page.contains("href=\"/zoeken/\""), "{page}");
}

/// A report may name an image of its own (`image:`, a PNG, JPEG or WebP beside its `index.md`):
/// it stands for the report where it is shared, on a site without social cards and instead of
/// the card on a site with them; a name that is not such a file is an error at its line.
#[test]
fn a_report_names_its_own_image_for_sharing() {
    let mut t = SiteTest::from_dir("build/switches");
    let report =
        std::fs::read_to_string(t.root().join("content/rapporten/onderzoek/index.md")).unwrap();
    let with_image = report.replacen("---\n", "---\nimage: omslag.png\n", 1);
    t.write("content/rapporten/onderzoek/index.md", &with_image);
    t.write(
        "content/rapporten/onderzoek/omslag.png",
        "not read, only copied",
    );
    t.build(&[]).success();
    for (site, host) in [("uit", "uit.example.nl"), ("aan", "aan.example.nl")] {
        let page = t.read(&format!("{site}/rapporten/onderzoek/index.html"));
        let url = format!("https://{host}/rapporten/onderzoek/omslag.png");
        assert!(
            page.contains(&format!("<meta property=\"og:image\" content=\"{url}\">")),
            "{site}: {page}"
        );
        assert!(
            !page.contains("og:image:width"),
            "{site}: the size of an own image is its own: {page}"
        );
        assert!(
            page.contains(&format!("\"image\":\"{url}\"")),
            "{site}: JSON-LD: {page}"
        );
        assert!(t.exists(&format!("{site}/rapporten/onderzoek/omslag.png")));
        assert!(
            !t.exists(&format!("{site}/rapporten/onderzoek/social.png")),
            "{site}: no card is painted for a report with its own image"
        );
    }

    for (value, expect) in [
        ("omslag.gif", "is not a PNG, JPEG or WebP image"),
        ("plaatjes/omslag.png", "is not a file beside the report"),
        (
            "kaft.png",
            "the image `kaft.png` is not in `content/rapporten/onderzoek/`",
        ),
    ] {
        t.write(
            "content/rapporten/onderzoek/index.md",
            &report.replacen("---\n", &format!("---\nimage: {value}\n"), 1),
        );
        t.build(&[])
            .failure()
            .stderr_contains(&["content/rapporten/onderzoek/index.md:2:1", expect]);
    }
    assert!(
        t.stderr().contains("omslag.png"),
        "the hint names the files there: {}",
        t.stderr()
    );
}
