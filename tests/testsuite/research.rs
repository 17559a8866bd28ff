//! Research publishing: dates at the precision of the source, citing a report (APA, BibTeX,
//! RIS, Highwire meta tags, JSON-LD), series and their editions, Atom feeds per audience and
//! theme, and what makes every page findable (sitemap, descriptions, 404, icons).
//!
//! The `.bib` and `.ris` files are read with real parsers: Python's `bibtexparser` and `rispy`
//! from PyPI, which the tests install into a virtual environment in the target folder (see
//! `citation_parsers`), failing with instructions when they cannot.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::SiteTest;

// --- helpers ----------------------------------------------------------------------------------

/// The `href` of every `<a>` of `html` inside `<main>`, in order.
fn main_links(html: &str) -> Vec<String> {
    let main = &html[html.find("<main").unwrap()..html.find("</main>").unwrap()];
    main.split("<a href=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().to_string())
        .collect()
}

/// The JSON-LD of a page.
fn json_ld(html: &str) -> serde_json::Value {
    let open = "<script type=\"application/ld+json\">";
    let start = html.find(open).expect("JSON-LD") + open.len();
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).expect("JSON-LD parses")
}

/// HTML attribute text back to the text.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The contents of every `<meta name="NAME">` of `html`, unescaped.
pub fn meta(html: &str, name: &str) -> Vec<String> {
    let open = format!("<meta name=\"{name}\" content=\"");
    html.match_indices(&open)
        .map(|(i, _)| {
            let rest = &html[i + open.len()..];
            unescape(&rest[..rest.find('"').unwrap()])
        })
        .collect()
}

/// The text of the element of `html` whose opening tag starts with `open`, tags removed and
/// entities decoded.
fn element_text(html: &str, open: &str, close: &str) -> String {
    let start = html.find(open).unwrap_or_else(|| panic!("no {open}"));
    let inner = &html[start..];
    let inner = &inner[inner.find('>').unwrap() + 1..inner.find(close).unwrap()];
    let mut text = String::new();
    let mut in_tag = false;
    for c in inner.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    unescape(&text)
}

/// Whether `text` is an RFC 3339 date-time as Atom demands (`2025-01-01T00:00:00Z`).
fn is_rfc3339(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 20
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b'T',
            13 | 16 => *c == b':',
            19 => *c == b'Z',
            _ => c.is_ascii_digit(),
        })
}

/// Checks `text` (the feed at `path`) against RFC 4287: the Atom namespace; a feed id, title
/// and updated; an author for the feed or every entry; a self link and an alternate link;
/// every entry with a unique id, a title, an RFC 3339 updated and an alternate link; every
/// URL absolute. Returns the entries' titles.
pub fn assert_atom(path: &str, text: &str) -> Vec<String> {
    const ATOM: &str = "http://www.w3.org/2005/Atom";
    let doc = roxmltree::Document::parse(text)
        .unwrap_or_else(|e| panic!("{path} is not well-formed XML: {e}"));
    let feed = doc.root_element();
    assert!(
        feed.has_tag_name((ATOM, "feed")),
        "{path}: the root is not an Atom feed"
    );
    fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> Vec<roxmltree::Node<'a, 'i>> {
        node.children()
            .filter(|n| n.has_tag_name((ATOM, name)))
            .collect()
    }
    let one_text = |node: roxmltree::Node<'_, '_>, name: &str| -> String {
        let found = child(node, name);
        assert_eq!(found.len(), 1, "{path}: {} atom:{name}", found.len());
        found[0].text().unwrap_or("").trim().to_string()
    };
    let absolute = |url: &str| {
        assert!(
            url.starts_with("https://") || url.starts_with("http://"),
            "{path}: {url} is not absolute"
        );
    };
    let links = |node: roxmltree::Node<'_, '_>, rel: &str| -> Vec<String> {
        child(node, "link")
            .into_iter()
            .filter(|l| l.attribute("rel").unwrap_or("alternate") == rel)
            .map(|l| l.attribute("href").unwrap().to_string())
            .collect()
    };
    absolute(&one_text(feed, "id"));
    assert!(!one_text(feed, "title").is_empty(), "{path}: empty title");
    assert!(is_rfc3339(&one_text(feed, "updated")), "{path}: updated");
    let self_links = links(feed, "self");
    assert_eq!(self_links.len(), 1, "{path}: self link");
    assert!(
        self_links[0].ends_with(path.trim_start_matches("output/test")),
        "{path}: the self link is {}",
        self_links[0]
    );
    for url in self_links.iter().chain(&links(feed, "alternate")) {
        absolute(url);
    }
    let feed_author = !child(feed, "author").is_empty();
    let mut ids = BTreeSet::new();
    let mut titles = Vec::new();
    for entry in child(feed, "entry") {
        let id = one_text(entry, "id");
        absolute(&id);
        assert!(ids.insert(id.clone()), "{path}: the id {id} twice");
        titles.push(one_text(entry, "title"));
        assert!(is_rfc3339(&one_text(entry, "updated")), "{path}: {id}");
        let alternate = links(entry, "alternate");
        assert_eq!(alternate.len(), 1, "{path}: {id} has no alternate link");
        absolute(&alternate[0]);
        for author in child(entry, "author") {
            assert!(!one_text(author, "name").is_empty(), "{path}: author");
        }
        assert!(
            feed_author || !child(entry, "author").is_empty(),
            "{path}: {id} has no author"
        );
    }
    titles
}

/// Every Atom feed of the built site `site` (relative to the output folder): (path, text).
fn feeds(root: &Path, site: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut todo = vec![root.join("output").join(site)];
    while let Some(dir) = todo.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else if path.file_name().is_some_and(|n| n == "atom.xml") {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.push((rel, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// Runs `kennis check` on `root`: (exit code, stderr).
fn check(root: &Path) -> (Option<i32>, String) {
    let out = crate::kennis()
        .arg("check")
        .arg("--root")
        .arg(root)
        .output()
        .expect("run kennis check");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The Python of a virtual environment with `bibtexparser` and `rispy`, made in the target
/// folder on first use (`pip` from PyPI). Fails with what to install when it cannot.
fn citation_parsers() -> PathBuf {
    let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("research-parsers");
    let python = venv.join("bin/python");
    let ready = |python: &Path| {
        Command::new(python)
            .args(["-c", "import bibtexparser, rispy"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if ready(&python) {
        return python;
    }
    let run = |program: &Path, args: &[&str]| {
        Command::new(program)
            .args(args)
            .stdout(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    let _ = run(
        Path::new("python3"),
        &["-m", "venv", venv.to_str().unwrap()],
    );
    let _ = run(
        &venv.join("bin/pip"),
        &["install", "--quiet", "bibtexparser==2.1.0", "rispy==0.10.0"],
    );
    assert!(
        ready(&python),
        "the BibTeX and RIS parsers could not be installed into {}.\n\
         They need Python 3 with venv and pip (Debian: `apt-get install python3-venv`) and PyPI; \
         or make that folder a virtual environment yourself: \
         `python3 -m venv {0} && {0}/bin/pip install bibtexparser==2.1.0 rispy==0.10.0`.",
        venv.display()
    );
    python
}

/// What the parsers read from `files`: per file its entries (see parse_citations.py).
pub fn parse_citations(files: &[PathBuf]) -> serde_json::Value {
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/testsuite/research/parse_citations.py");
    let out = Command::new(citation_parsers())
        .arg(script)
        .args(files)
        .output()
        .expect("run the citation parsers");
    assert!(
        out.status.success(),
        "the parsers refused the files:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the parsers print JSON")
}

/// The one entry the parsers read from `file`.
pub fn parsed<'a>(all: &'a serde_json::Value, file: &Path) -> &'a serde_json::Value {
    let entries = all[file.to_str().unwrap()].as_array().expect("entries");
    assert_eq!(entries.len(), 1, "{}: {entries:?}", file.display());
    &entries[0]
}

// --- dates ------------------------------------------------------------------------------------

#[test]
fn dates_show_at_the_precision_the_front_matter_gives() {
    let mut t = SiteTest::from_dir("research/dates");
    t.build(&[]).success();
    for (slug, time) in [
        ("jaar", "<time datetime=\"2025\">2025</time>"),
        ("maand", "<time datetime=\"2025-03\">maart 2025</time>"),
        ("dag", "<time datetime=\"2025-03-01\">1 maart 2025</time>"),
    ] {
        let page = t.read(&format!("test/rapporten/{slug}/index.html"));
        assert!(page.contains(time), "{slug}: no {time}");
        // The list of reports shows the same.
        assert!(t.read("test/rapporten/index.html").contains(time));
    }
    let undated = t.read("test/rapporten/zonder/index.html");
    let main = &undated[undated.find("<main").unwrap()..];
    assert!(!main.contains("<time"), "an undated report shows a date");
}

#[test]
fn partial_dates_sort_by_the_start_of_their_period_and_undated_reports_last() {
    let mut t = SiteTest::from_dir("research/dates");
    t.build(&[]).success();
    let order: Vec<String> = main_links(&t.read("test/rapporten/index.html"))
        .into_iter()
        .filter(|l| l.starts_with("/rapporten/"))
        .collect();
    assert_eq!(
        order,
        [
            "/rapporten/dag/",
            "/rapporten/maand/",
            "/rapporten/jaar/",
            "/rapporten/ouder/",
            "/rapporten/zonder/"
        ]
    );
}

#[test]
fn json_ld_and_the_sitemap_write_the_date_at_its_precision_or_not_at_all() {
    let mut t = SiteTest::from_dir("research/dates");
    t.build(&[]).success();
    for (slug, date) in [
        ("jaar", "2025"),
        ("maand", "2025-03"),
        ("dag", "2025-03-01"),
    ] {
        let ld = json_ld(&t.read(&format!("test/rapporten/{slug}/index.html")));
        assert_eq!(ld["datePublished"], date, "{slug}");
    }
    let ld = json_ld(&t.read("test/rapporten/zonder/index.html"));
    assert!(ld.get("datePublished").is_none(), "{ld}");
    let sitemap = t.read("test/sitemap.xml");
    for (slug, date) in [
        ("jaar", "2025"),
        ("maand", "2025-03"),
        ("dag", "2025-03-01"),
    ] {
        assert!(
            sitemap.contains(&format!(
                "<loc>https://test.example.nl/rapporten/{slug}/</loc><lastmod>{date}</lastmod>"
            )),
            "{slug}:\n{sitemap}"
        );
    }
    assert!(
        sitemap.contains("<loc>https://test.example.nl/rapporten/zonder/</loc></url>"),
        "{sitemap}"
    );
}

#[test]
fn feeds_give_a_partial_date_its_first_moment_and_leave_undated_reports_out() {
    let mut t = SiteTest::from_dir("research/dates");
    t.build(&[]).success();
    let atom = t.read("test/atom.xml");
    let titles = assert_atom("output/test/atom.xml", &atom);
    assert_eq!(
        titles,
        [
            "Rapport van een dag",
            "Rapport uit een maand",
            "Rapport uit een jaar",
            "Ouder rapport"
        ]
    );
    let doc = roxmltree::Document::parse(&atom).unwrap();
    let entry = doc
        .descendants()
        .find(|n| {
            n.has_tag_name("entry")
                && n.children()
                    .any(|c| c.has_tag_name("title") && c.text() == Some("Rapport uit een jaar"))
        })
        .unwrap();
    let text = |name: &str| {
        entry
            .children()
            .find(|c| c.tag_name().name() == name)
            .and_then(|c| c.text())
            .unwrap()
    };
    assert_eq!(text("updated"), "2025-01-01T00:00:00Z");
    assert_eq!(text("date"), "2025", "dc:date keeps the precision");
    // The feed was last updated with its newest entry.
    assert!(atom.contains("  <updated>2025-03-01T00:00:00Z</updated>\n"));
    let professionals = t.read("test/aanbevelingen/professionals/atom.xml");
    assert_atom(
        "output/test/aanbevelingen/professionals/atom.xml",
        &professionals,
    );
    assert!(!professionals.contains("zonder datum"), "{professionals}");
}

#[test]
fn a_report_without_a_date_is_published_without_one_and_check_says_so() {
    let mut t = SiteTest::from_dir("research/dates");
    t.build(&[])
        .success()
        .stderr_contains(&["warning: this report has no `date`"]);
    let (code, stderr) = check(t.root());
    assert_eq!(code, Some(0), "a missing date is a warning:\n{stderr}");
    assert!(
        stderr.contains(
            "warning: this report has no `date`, so it is published without one\n --> content/rapporten/zonder/index.md:7:1"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("`date: 2025-03`"), "{stderr}");
    assert_eq!(stderr.matches("has no `date`").count(), 1, "{stderr}");
    // The footer's year is the newest report's.
    assert!(t.read("test/index.html").contains("© 2025"));
}

#[test]
fn a_site_whose_reports_have_no_date_invents_no_year_and_no_feed() {
    let mut t = SiteTest::from_dir("research/dates");
    for slug in ["jaar", "maand", "dag", "ouder"] {
        std::fs::remove_dir_all(t.root().join("content/rapporten").join(slug)).unwrap();
    }
    t.build(&[]).success();
    let home = t.read("test/index.html");
    assert!(!home.contains("©"), "a year was made up");
    assert!(!home.contains("atom.xml"), "a feed is linked");
    assert!(!t.exists("test/atom.xml"));
    assert!(!t.exists("test/aanbevelingen/professionals/atom.xml"));
    let report = t.read("test/rapporten/zonder/index.html");
    assert!(
        element_text(&report, "<p class=\"citation-reference\"", "</p>")
            .starts_with("Testnetwerk. (z.d.). Rapport zonder datum. Testsite. https://"),
        "{report}"
    );
}

// --- citing a report -----------------------------------------------------------------------------

#[test]
fn a_report_page_has_its_apa_reference_and_highwire_tags() {
    let mut t = SiteTest::from_dir("research/cite");
    t.build(&[]).success();
    let page = t.read("test/rapporten/met-auteurs/index.html");
    assert_eq!(
        element_text(&page, "<p class=\"citation-reference\"", "</p>"),
        "de Vries, M. A., Jansen-Smit, A.-M., & Nederlands Jeugdinstituut. (2025, maart). \
         Leren in de praktijk: Een onderzoek onder professionals (nr. 2025-07). Testnetwerk. \
         Testsite. https://test.example.nl/rapporten/met-auteurs/"
    );
    assert!(page.contains("<cite>Leren in de praktijk: Een onderzoek onder professionals</cite>"));
    // Without JavaScript there is no button, only the text; the script adds it.
    assert!(!page.contains("<button"));
    assert!(page.contains("<script src=\"/assets/citeer.js\" defer></script>"));
    assert!(
        t.read("test/assets/citeer.js")
            .contains("Kopieer de verwijzing")
    );
    assert!(page.contains("href=\"/rapporten/met-auteurs/met-auteurs.bib\" download"));
    assert!(page.contains("href=\"/rapporten/met-auteurs/met-auteurs.ris\" download"));

    assert_eq!(
        meta(&page, "citation_title"),
        ["Leren in de praktijk: Een onderzoek onder professionals"]
    );
    assert_eq!(
        meta(&page, "citation_author"),
        [
            "de Vries, Marieke Anna",
            "Jansen-Smit, Anne-Marie",
            "Nederlands Jeugdinstituut"
        ]
    );
    assert_eq!(meta(&page, "citation_publication_date"), ["2025/03"]);
    assert_eq!(meta(&page, "citation_technical_report_number"), ["2025-07"]);
    assert_eq!(
        meta(&page, "citation_technical_report_institution"),
        ["Testnetwerk"]
    );
    assert_eq!(
        meta(&page, "citation_pdf_url"),
        ["https://test.example.nl/rapporten/met-auteurs/rapport%20volledig.pdf"]
    );
    let ld = json_ld(&page);
    assert_eq!(ld["author"][0]["familyName"], "de Vries");
    assert_eq!(ld["author"][2]["@type"], "Organization");
    assert_eq!(ld["reportNumber"], "2025-07");
    assert_eq!(ld["datePublished"], "2025-03");
    assert_eq!(
        ld["encoding"]["contentUrl"],
        "https://test.example.nl/rapporten/met-auteurs/rapport%20volledig.pdf"
    );

    // No authors: the publisher is the author; no date: "z.d."; a title ending in "?" gets
    // no full stop; no PDF, no number: no such tags.
    let page = t.read("test/rapporten/zonder-datum/index.html");
    assert_eq!(
        element_text(&page, "<p class=\"citation-reference\"", "</p>"),
        "Testinstituut. (z.d.). Wat werkt? Testsite. https://test.example.nl/rapporten/zonder-datum/"
    );
    assert_eq!(meta(&page, "citation_author"), ["Testinstituut"]);
    assert!(meta(&page, "citation_publication_date").is_empty());
    assert!(meta(&page, "citation_pdf_url").is_empty());
    assert!(meta(&page, "citation_technical_report_number").is_empty());
}

#[test]
fn bibtex_and_ris_downloads_parse_with_the_title_publisher_and_year() {
    let mut t = SiteTest::from_dir("research/cite");
    t.build(&[]).success();
    let dir = t.root().join("output/test/rapporten");
    let files = [
        dir.join("met-auteurs/met-auteurs.bib"),
        dir.join("met-auteurs/met-auteurs.ris"),
        dir.join("zonder-datum/zonder-datum.bib"),
        dir.join("zonder-datum/zonder-datum.ris"),
    ];
    let all = parse_citations(&files);
    let bib = parsed(&all, &files[0]);
    assert_eq!(bib["type"], "techreport");
    assert_eq!(bib["key"], "met-auteurs-2025");
    assert_eq!(
        bib["text"]["title"],
        "Leren in de praktijk: Een onderzoek onder professionals"
    );
    assert_eq!(bib["text"]["institution"], "Testnetwerk");
    assert_eq!(bib["text"]["year"], "2025");
    assert_eq!(bib["raw"]["month"], "mar");
    assert_eq!(bib["text"]["date"], "2025-03");
    assert_eq!(bib["text"]["number"], "2025-07");
    assert_eq!(
        bib["authors"],
        serde_json::json!([
            "de Vries, Marieke Anna",
            "Jansen-Smit, Anne-Marie",
            "Nederlands Jeugdinstituut"
        ])
    );
    let ris = parsed(&all, &files[1]);
    assert_eq!(ris["type_of_reference"], "RPRT");
    assert_eq!(
        ris["title"],
        "Leren in de praktijk: Een onderzoek onder professionals"
    );
    assert_eq!(ris["publisher"], "Testnetwerk");
    assert_eq!(ris["year"], "2025");
    assert_eq!(ris["date"], "2025/03//");
    assert_eq!(ris["authors"][1], "Jansen-Smit, Anne-Marie");
    assert_eq!(
        ris["urls"],
        serde_json::json!(["https://test.example.nl/rapporten/met-auteurs/"])
    );
    assert_eq!(ris["keywords"], serde_json::json!(["leren", "werkplezier"]));

    // Undated: no year anywhere.
    let bib = parsed(&all, &files[2]);
    assert_eq!(bib["key"], "zonder-datum");
    assert!(bib["raw"].get("year").is_none(), "{bib}");
    assert_eq!(bib["authors"], serde_json::json!(["Testinstituut"]));
    let ris = parsed(&all, &files[3]);
    assert!(ris.get("year").is_none(), "{ris}");
    assert_eq!(ris["title"], "Wat werkt?");
}

#[test]
fn an_author_with_an_empty_name_is_an_error_at_its_line() {
    let mut t = SiteTest::from_dir("research/cite");
    t.write(
        "content/rapporten/zonder-datum/index.md",
        "---\ntitle: X\ntype: report\nauthors:\n  - \"Vries, \"\nsummary: S.\n---\nTekst.\n",
    );
    t.build(&[]).failure().stderr_contains(&[
        "content/rapporten/zonder-datum/index.md:4:1",
        "the author `Vries, ` has an empty name",
        "`Achternaam, Voornamen`",
    ]);
}

// --- series and editions ---------------------------------------------------------------------

#[test]
fn a_series_page_lists_every_edition_newest_first_with_the_figures_side_by_side() {
    let mut t = SiteTest::from_dir("research/series");
    t.build(&[]).success().stderr_contains(&[
        "warning: content/reeksen/ holds the texts of series, but no report has the series of this folder",
        "content/reeksen/bestaat-niet/_index.md:1:1",
        "reeksen/testreeks/",
    ]);
    let page = t.read("test/reeksen/testreeks/index.html");
    assert!(
        page.contains("<h1>De testreeks</h1>"),
        "the series' own title"
    );
    assert!(page.contains("De testreeks meet elk jaar hoe het gaat."));
    assert_eq!(
        meta(&page, "description"),
        ["Een reeks die elk jaar meet hoe het gaat."]
    );
    let editions: Vec<String> = main_links(&page)
        .into_iter()
        .filter(|l| l.starts_with("/rapporten/"))
        .collect();
    assert_eq!(
        editions,
        [
            "/rapporten/derde/",
            "/rapporten/tweede/",
            "/rapporten/eerste/"
        ]
    );
    for part in [
        "<p class=\"card-eyebrow\">meting 2024</p>",
        "<time datetime=\"2024-06\">juni 2024</time>",
        "De tweede meting van de testreeks.",
    ] {
        assert!(page.contains(part), "no {part}");
    }
    // The figures: a column per edition, oldest first; "interviews" (written once with a
    // capital) in all three on one row, "vragenlijsten" in two, the rest alone, after them.
    let table = &page[page.find("<table").unwrap()..page.find("</table>").unwrap()];
    let headers: Vec<String> = table
        .split("<th scope=\"col\">")
        .skip(1)
        .map(|c| c.split('<').next().unwrap().to_string())
        .collect();
    assert_eq!(
        headers,
        [
            "Kerncijfer",
            "meting 2023 (2023)",
            "meting 2024 (juni 2024)",
            "meting 2025 (2025)"
        ]
    );
    let rows: Vec<String> = table
        .split("<tr>")
        .skip(2)
        .map(|row| element_text(&format!("<tr>{row}"), "<tr", "</tr>"))
        .map(|row| row.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(
        rows,
        [
            "interviews 10 12 1.250",
            "vragenlijsten –niet in deze meting 30 40",
            "groepsgesprekken 5 –niet in deze meting –niet in deze meting",
            "werksessies –niet in deze meting –niet in deze meting 2",
        ]
    );
    assert!(
        page.contains(
            "<caption>Kerncijfers van Testreeks, per meting van oud naar nieuw</caption>"
        )
    );
    assert!(page.contains("<th scope=\"row\">interviews</th>"));

    // A series of one edition gets a page with its name alone.
    let single = t.read("test/reeksen/losse-reeks/index.html");
    assert!(single.contains("<h1>Losse reeks</h1>"));
    assert!(
        t.read("test/reeksen/index.html")
            .contains("href=\"/reeksen/testreeks/\"")
    );
}

#[test]
fn each_edition_links_to_the_previous_and_next_and_the_navigation_to_the_series() {
    let mut t = SiteTest::from_dir("research/series");
    t.build(&[]).success();
    let middle = t.read("test/rapporten/tweede/index.html");
    assert!(middle.contains("<a href=\"/rapporten/eerste/\" rel=\"prev\">Meting eerste</a>"));
    assert!(middle.contains("<a href=\"/rapporten/derde/\" rel=\"next\">Meting derde</a>"));
    assert!(
        middle.contains("<p class=\"eyebrow\"><a href=\"/reeksen/testreeks/\">Testreeks</a></p>")
    );
    let newest = t.read("test/rapporten/derde/index.html");
    assert!(newest.contains("rel=\"prev\"") && !newest.contains("rel=\"next\""));
    let oldest = t.read("test/rapporten/eerste/index.html");
    assert!(!oldest.contains("rel=\"prev\"") && oldest.contains("rel=\"next\""));
    let single = t.read("test/rapporten/los/index.html");
    assert!(
        !single.contains("Andere metingen"),
        "one edition has no others"
    );
    let ld = json_ld(&middle);
    assert_eq!(ld["isPartOf"]["name"], "Testreeks");
    assert_eq!(
        ld["isPartOf"]["url"],
        "https://test.example.nl/reeksen/testreeks/"
    );
    // The test theme's navigation is empty: the series are its only link.
    let nav = |html: &str| {
        let start = html.find("aria-label=\"Hoofdmenu\"").unwrap();
        html[start..start + html[start..].find("</nav>").unwrap()].to_string()
    };
    assert!(nav(&middle).contains("<a href=\"/reeksen/\">Reeksen</a>"));
    // Without a series of more than one edition the navigation does not name them.
    for slug in ["eerste", "tweede"] {
        std::fs::remove_dir_all(t.root().join("content/rapporten").join(slug)).unwrap();
    }
    t.build(&[]).success();
    assert!(!nav(&t.read("test/index.html")).contains("Reeksen"));
    assert!(t.exists("test/reeksen/testreeks/index.html"));
}

#[test]
fn the_series_text_folder_is_not_a_page_of_its_own() {
    let mut t = SiteTest::from_dir("research/series");
    t.write(
        "content/reeksen/losse-pagina.md",
        "---\ntitle: Los\n---\nTekst.\n",
    );
    t.build(&[]).failure().stderr_contains(&[
        "content/reeksen/losse-pagina.md:1:1",
        "kennis makes the pages under /reeksen/ itself",
    ]);
}

// --- following and being found ---------------------------------------------------------------

#[test]
fn audience_and_theme_pages_link_their_feeds_which_list_the_reports_with_recommendations() {
    let mut t = SiteTest::from_dir("research/dates");
    t.build(&[]).success();
    let page = t.read("test/aanbevelingen/professionals/index.html");
    assert!(page.contains(
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Aanbevelingen voor professionals · Testsite\" href=\"/aanbevelingen/professionals/atom.xml\">"
    ));
    assert!(page.contains("<a href=\"/aanbevelingen/professionals/atom.xml\">Nieuwe aanbevelingen voor professionals volgen met de Atom-feed</a>"));
    let theme = t.read("test/themas/leren/index.html");
    assert!(
        theme.contains("href=\"/themas/leren/atom.xml\">Nieuwe aanbevelingen over leren volgen")
    );
    let feed = t.read("test/themas/leren/atom.xml");
    let titles = assert_atom("output/test/themas/leren/atom.xml", &feed);
    assert_eq!(
        titles.len(),
        4,
        "the dated reports with recommendations on leren"
    );
    assert!(feed.contains("Aanbeveling uit Rapport uit een maand."));
    assert!(
        feed.contains("https://test.example.nl/rapporten/maand/#aanbevelingen-professionals-1")
    );
    // The overview has no feed of its own.
    assert!(
        !t.read("test/aanbevelingen/index.html")
            .contains("Atom-feed</a></p>")
    );
    for (path, text) in feeds(t.root(), "test") {
        assert_atom(&path, &text);
    }
}

#[test]
fn the_sitemap_lists_every_page_but_search_and_no_two_pages_share_a_description() {
    let mut t = SiteTest::from_dir("research/dates");
    t.build(&[]).success();
    let sitemap = t.read("test/sitemap.xml");
    let doc = roxmltree::Document::parse(&sitemap).unwrap();
    let listed: BTreeSet<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .map(|n| {
            n.text()
                .unwrap()
                .trim_start_matches("https://test.example.nl")
                .to_string()
        })
        .collect();
    let mut pages = BTreeSet::new();
    let mut descriptions = std::collections::BTreeMap::new();
    let out = t.root().join("output/test");
    let mut todo = vec![out.clone()];
    while let Some(dir) = todo.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                let rel = path
                    .strip_prefix(&out)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                let html = std::fs::read_to_string(&path).unwrap();
                let description = meta(&html, "description");
                assert_eq!(description.len(), 1, "{rel}");
                if let Some(other) = descriptions.insert(description[0].clone(), rel.clone()) {
                    panic!(
                        "{rel} and {other} share the description {:?}",
                        description[0]
                    );
                }
                if rel == "404.html" {
                    assert_eq!(meta(&html, "robots"), ["noindex"]);
                    assert!(!html.contains("rel=\"canonical\""));
                    continue;
                }
                assert!(html.contains("rel=\"canonical\""), "{rel}");
                pages.insert(format!("/{}", rel.trim_end_matches("index.html")));
            }
        }
    }
    pages.remove("/zoeken/");
    assert!(pages.contains("/aanbevelingen/professionals/") && pages.contains("/themas/leren/"));
    assert_eq!(listed, pages);
    assert!(!listed.contains("/zoeken/") && !listed.iter().any(|u| u.contains("404")));
}

#[test]
fn every_page_links_the_sites_icon_which_exists_also_at_favicon_ico() {
    let mut t = SiteTest::from_dir("research/dates");
    t.build(&["--base-url", "https://test.example.nl/sub/"])
        .success();
    let home = t.read("test/index.html");
    for link in [
        "<link rel=\"icon\" href=\"/sub/favicon.ico\" sizes=\"32x32\">",
        "<link rel=\"icon\" href=\"/sub/favicon.svg\" type=\"image/svg+xml\">",
        "<link rel=\"apple-touch-icon\" href=\"/sub/apple-touch-icon.png\">",
    ] {
        assert!(home.contains(link), "no {link}");
    }
    let ico = std::fs::read(t.root().join("output/test/favicon.ico")).unwrap();
    assert_eq!(&ico[0..4], &[0, 0, 1, 0], "an ICO file");
    assert_eq!(u16::from_le_bytes([ico[4], ico[5]]), 2, "two sizes");
    let offset = u32::from_le_bytes(ico[18..22].try_into().unwrap()) as usize;
    assert_eq!(&ico[offset + 1..offset + 4], b"PNG");
    let touch = std::fs::read(t.root().join("output/test/apple-touch-icon.png")).unwrap();
    assert_eq!(u32::from_be_bytes(touch[16..20].try_into().unwrap()), 180);
    roxmltree::Document::parse(&t.read("test/favicon.svg")).expect("the SVG icon parses");
}

#[test]
fn a_sites_svg_logo_is_its_icon() {
    let mut t = SiteTest::from_dir("research/dates");
    t.write(
        "logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"40\"><rect width=\"120\" height=\"40\" fill=\"#8a1538\"/></svg>",
    );
    t.write(
        "site.yaml",
        "language: nl\nsites:\n  test:\n    title: Testsite\n    base_url: https://test.example.nl/\n    theme: test\n    brand:\n      logo: logo.svg\n",
    );
    t.build(&[]).success();
    let icon = t.read("test/favicon.svg");
    assert!(icon.contains("href=\"data:image/svg+xml;base64,"), "{icon}");
}
