//! Hostile input (see `hostile/README.md`): content that editors get wrong and content that
//! anyone on the team could turn against the site. kennis never panics, lists every error with
//! `path:line:col` and a hint, never lets content put script into a page, never writes outside
//! its output folder, survives huge and deeply nested pages, and a build killed with SIGKILL
//! leaves the previous output as it was.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Output, Stdio};
use std::time::{Duration, Instant};

use crate::SiteTest;

/// The hostile string of `hostile/strings`, as the YAML there decodes it.
const HOSTILE: &str =
    "</script><script>alert(1)</script> \"'><img src=x onerror=alert(1)> ]]> <!-- \u{2028} x";

/// Runs kennis in `root` and waits at most `limit`: a hang or a runaway build fails the test
/// instead of stalling the suite. This is a guard, not a performance assertion.
fn kennis(root: &Path, args: &[&str], limit: Duration) -> Output {
    let mut child = crate::kennis()
        .args(args)
        .arg("--root")
        .arg(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run kennis");
    let started = Instant::now();
    while child.try_wait().expect("wait for kennis").is_none() {
        if started.elapsed() > limit {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!(
                "kennis {args:?} took longer than {limit:?}:\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("kennis output")
}

/// The diagnostics in kennis's stderr: blocks starting with `error:` or `warning:` that have a
/// location line.
fn diagnostics(stderr: &str) -> Vec<&str> {
    stderr
        .split("\n\n")
        .map(str::trim)
        .filter(|block| block.contains("\n") && block.contains(" --> "))
        .collect()
}

/// Asserts that one diagnostic is at `position` and says `message`.
fn assert_diagnostic(stderr: &str, position: &str, message: &str) {
    assert!(
        diagnostics(stderr)
            .iter()
            .any(|d| d.contains(&format!("--> {position}\n")) && d.contains(message)),
        "no diagnostic at {position} saying {message:?} in:\n{stderr}"
    );
}

// --- (a) every kind of bad input: exit 1, `path:line:col` and a hint, all in one run -----------

/// Where each error of `hostile/errors` is, and what it says.
const ERRORS: &[(&str, &str)] = &[
    // Malformed YAML.
    (
        "content/rapporten/yaml-kapot/index.md:2:13",
        "mapping values are not allowed",
    ),
    // Wrong types.
    (
        "content/rapporten/typen/index.md:6:8",
        "draft: invalid type: string \"misschien\", expected a boolean",
    ),
    (
        "content/personas/zonder-rapport.md:4:6",
        "age: invalid type: integer `-3`",
    ),
    (
        "content/rapporten/blokken/index.md:75:8",
        "items: invalid type: string \"geen lijst\", expected a sequence",
    ),
    // Unknown fields, in front matter and in a block.
    (
        "content/rapporten/velden/index.md:6:1",
        "unknown field `auteur`",
    ),
    (
        "content/rapporten/blokken/index.md:66:1",
        "unknown field `wie`",
    ),
    // An impossible date.
    (
        "content/rapporten/blokken/index.md:4:1",
        "`2025-02-30` is not a valid date",
    ),
    // Missing references: a persona (in front matter and in a block) and a report.
    (
        "content/rapporten/blokken/index.md:6:1",
        "there is no persona `niemand`",
    ),
    (
        "content/rapporten/blokken/index.md:69:1",
        "`persona` block: there is no persona `niemand`",
    ),
    (
        "content/personas/fout-rapport.md:4:1",
        "there is no report `geen-rapport`",
    ),
    // Two files claiming one URL.
    (
        "content/paginas/dubbel.md:1:1",
        "both make the page /paginas/dubbel/",
    ),
    // A URL that kennis makes itself.
    (
        "content/zoeken.md:1:1",
        "would make the page /zoeken/, but kennis makes the pages under /zoeken/ itself",
    ),
    // Near-miss block names.
    (
        "content/rapporten/blokken/index.md:10:1",
        "`barz` is not an infographic block",
    ),
    (
        "content/rapporten/blokken/index.md:14:1",
        "`Bars` is not an infographic block",
    ),
    // Negative, non-finite and too large numbers.
    (
        "content/rapporten/blokken/index.md:25:27",
        "the value -5 is negative",
    ),
    (
        "content/rapporten/blokken/index.md:33:27",
        "the value NaN is not a finite number",
    ),
    (
        "content/rapporten/blokken/index.md:41:27",
        "the value inf is not a finite number",
    ),
    (
        "content/rapporten/blokken/index.md:49:27",
        "the value 1e300 is larger than the largest value a graphic accepts",
    ),
    // Empty data.
    (
        "content/rapporten/blokken/index.md:54:1",
        "the `figures` block is empty",
    ),
    (
        "content/rapporten/blokken/index.md:57:1",
        "`groups` is empty",
    ),
];

#[test]
fn every_kind_of_bad_input_is_an_error_with_position_and_hint() {
    let mut t = SiteTest::from_dir("hostile/errors");
    t.build(&[]).failure();
    let stderr = t.stderr().to_string();
    assert!(!stderr.contains("panicked"), "{stderr}");
    for (position, message) in ERRORS {
        assert_diagnostic(&stderr, position, message);
    }
    let errors: Vec<&str> = diagnostics(&stderr)
        .into_iter()
        .filter(|d| d.starts_with("error:"))
        .collect();
    assert_eq!(errors.len(), ERRORS.len(), "{stderr}");
    for d in &errors {
        assert!(
            d.contains("\n  = help: ") || d.contains("\n   = help: "),
            "no hint:\n{d}"
        );
    }
    assert!(
        stderr.contains(&format!("failed with {} error(s)", ERRORS.len())),
        "{stderr}"
    );
    assert!(!t.exists("test"), "a failed build must not write a site");
}

#[test]
fn check_adds_the_broken_internal_link_to_the_same_errors() {
    let t = SiteTest::from_dir("hostile/errors");
    let out = kennis(t.root(), &["check"], Duration::from_secs(120));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_diagnostic(
        &stderr,
        "content/paginas/links.md:4:5",
        "the link `/paginas/bestaat-niet/` points at /paginas/bestaat-niet/",
    );
    for (position, message) in ERRORS {
        assert_diagnostic(&stderr, position, message);
    }
}

// --- (b) hostile strings in every field of every content type -------------------------------

/// Every file under `dir`, relative path → bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if entry.file_type().unwrap().is_dir() {
                walk(base, &path, out);
            } else {
                let rel = path
                    .strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    if dir.exists() {
        walk(dir, dir, &mut out);
    }
    out
}

/// The values of every `href="…"` and `src="…"` in the tags of `html` (text escapes `<`, so
/// every `<` opens a tag; attribute values escape `>`, so the first `>` closes it).
fn addresses(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for (start, _) in html.match_indices('<') {
        let tag = &html[start..html[start..].find('>').map_or(html.len(), |e| start + e)];
        for attr in [" href=\"", " src=\""] {
            for (i, _) in tag.match_indices(attr) {
                out.push(tag[i + attr.len()..].split('"').next().unwrap_or(""));
            }
        }
    }
    out
}

/// Whether a written address could run script: any scheme but http(s), mailto and tel.
fn runs_script(address: &str) -> bool {
    let cleaned: String = address
        .replace("&amp;", "&")
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    match cleaned.find([':', '/', '?', '#']) {
        Some(i) if cleaned[i..].starts_with(':') => {
            !["http", "https", "mailto", "tel"].contains(&&cleaned[..i])
        }
        _ => false,
    }
}

#[test]
fn hostile_strings_in_every_field_are_escaped_everywhere() {
    let mut t = SiteTest::from_dir("hostile/strings");
    // A file name is content too.
    t.write(
        "content/paginas/\"><img src=x onerror=alert(1)>.md",
        "---\ntitle: Bestandsnaam\n---\nTekst.\n",
    );
    t.build(&[]).success();
    let out = t.root().join("output/test");
    let all = files(&out);
    assert!(all.contains_key("paginas/img-src-x-onerror-alert-1/index.html"));
    let mut checked = 0;
    for (path, bytes) in &all {
        // PNGs, fonts and Pagefind's compressed index are not text; CSV is data for
        // spreadsheets, not markup (checked below).
        let Ok(text) = std::str::from_utf8(bytes) else {
            continue;
        };
        if path.ends_with(".csv") {
            // A spreadsheet reads every field as data: none starts a formula.
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
            for record in reader.records() {
                let record = record.unwrap_or_else(|e| panic!("{path} is not CSV: {e}"));
                for field in &record {
                    assert!(
                        !field.starts_with(['=', '+', '@']),
                        "{path}: a field a spreadsheet runs: {field}"
                    );
                }
            }
            checked += 1;
            continue;
        }
        // The citation downloads hold the text as written, as BibTeX and RIS demand: they
        // are read by reference managers, not by browsers, and are checked below with a
        // BibTeX and an RIS parser.
        if path.ends_with(".bib") || path.ends_with(".ris") {
            continue;
        }
        checked += 1;
        for bad in [
            "<script>alert",
            "<img src=x",
            "onerror=alert(1)\"",
            "onclick=",
        ] {
            assert!(!text.contains(bad), "{path} holds {bad:?}");
        }
        // The only script elements are the theme's own.
        for (i, _) in text.match_indices("<script") {
            let tag = &text[i..text[i..].find('>').map_or(text.len(), |e| i + e + 1)];
            assert!(
                tag == "<script type=\"application/ld+json\">"
                    || (tag.starts_with("<script src=\"/assets/") && tag.ends_with("\" defer>")),
                "{path}: unexpected {tag}"
            );
        }
        if path.ends_with(".html") || path.ends_with(".svg") || path.ends_with(".xml") {
            assert!(
                !text.contains("<!--"),
                "{path} holds a comment from content"
            );
            for address in addresses(text) {
                assert!(!runs_script(address), "{path}: address {address}");
            }
        }
        if path.ends_with(".xml") || path.ends_with(".svg") {
            let doc = roxmltree::Document::parse(text)
                .unwrap_or_else(|e| panic!("{path} is not well-formed XML: {e}"));
            if path.ends_with(".svg") {
                let title = doc.descendants().find(|n| n.has_tag_name("title"));
                assert!(title.is_some(), "{path} has no title");
            }
        }
        if path.ends_with(".json") {
            serde_json::from_str::<serde_json::Value>(text)
                .unwrap_or_else(|e| panic!("{path} is not JSON: {e}"));
        }
    }
    assert!(checked > 20, "only {checked} text files");

    // Every `javascript:` link lost its address and kept its text.
    let report = t.read("test/rapporten/gevaarlijk/index.html");
    for text in ["js", "JS", "tab", "spatie", "data", "vb", "ref", "genest"] {
        assert!(report.contains(text), "link text {text} lost");
    }
    assert!(report.contains("<a href=\"mailto:iemand@example.org\">mail</a>"));
    assert!(report.contains("<a href=\"https://example.org/a?b=1&amp;c=2\">web</a>"));
    assert!(report.contains("<h3 id=\"eigen-id\" class=\"klasse\">"));

    // JSON-LD: parses, and holds the title exactly.
    let start = report
        .find("<script type=\"application/ld+json\">")
        .expect("JSON-LD")
        + "<script type=\"application/ld+json\">".len();
    let json = &report[start..start + report[start..].find("</script>").unwrap()];
    assert!(!json.contains(['<', '\u{2028}']), "{json}");
    let ld: serde_json::Value = serde_json::from_str(json).expect("JSON-LD parses");
    assert_eq!(ld["name"], HOSTILE);
    assert_eq!(ld["publisher"]["name"], HOSTILE);

    // The feed and the sitemap parse and hold the text exactly.
    let atom = t.read("test/atom.xml");
    let feed = roxmltree::Document::parse(&atom).unwrap();
    let entry = feed
        .descendants()
        .find(|n| n.has_tag_name("entry"))
        .unwrap();
    let child_text = |name: &str| {
        entry
            .children()
            .find(|n| n.has_tag_name(name))
            .and_then(|n| n.text())
            .map(str::to_string)
    };
    assert_eq!(child_text("title").as_deref(), Some(HOSTILE));
    assert_eq!(child_text("summary").as_deref(), Some(HOSTILE));
    // Citing: the meta tags, BibTeX and RIS hold the text exactly, on one line (U+2028 is a
    // line break, which none of them may hold in a value).
    let line = HOSTILE.replace(" \u{2028} ", " ");
    let title = format!("{line}: {line}");
    let person = format!("{line}, {line}");
    let organisation = "{\\} and % & # ~ _ ^ $ @ \\end{x} x";
    assert_eq!(
        crate::research::meta(&report, "citation_title"),
        [title.as_str()]
    );
    assert_eq!(
        crate::research::meta(&report, "citation_author"),
        [person.as_str(), organisation]
    );
    assert_eq!(
        crate::research::meta(&report, "citation_technical_report_number"),
        [line.as_str()]
    );
    let dir = t.root().join("output/test/rapporten/gevaarlijk");
    let files = [dir.join("gevaarlijk.bib"), dir.join("gevaarlijk.ris")];
    let all = crate::research::parse_citations(&files);
    let bib = crate::research::parsed(&all, &files[0]);
    assert_eq!(bib["text"]["title"], title);
    assert_eq!(bib["text"]["institution"], line);
    assert_eq!(bib["text"]["number"], line);
    assert_eq!(bib["authors"], serde_json::json!([person, organisation]));
    let ris = crate::research::parsed(&all, &files[1]);
    assert_eq!(ris["title"], title);
    assert_eq!(ris["publisher"], line);
    assert_eq!(ris["authors"], serde_json::json!([person, organisation]));

    let sitemap = t.read("test/sitemap.xml");
    let urls = roxmltree::Document::parse(&sitemap)
        .unwrap()
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .count();
    assert!(urls >= 5, "{sitemap}");
}

// --- (c) paths: clean URLs from any file name, nothing read or written outside ---------------

/// Every path under `dir` except the output folder, for "nothing else changed".
/// Every path below `dir` but the output folder and the build's cache (`.kennis-cache`, which
/// holds PNGs and search indexes named by hashes, never by content).
fn tree_outside_output(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.file_name() != "output" && e.file_name() != ".kennis-cache")
        .flatten()
        .map(|e| e.path().to_path_buf())
        .collect()
}

#[test]
fn folder_and_file_names_with_spaces_accents_and_emoji_give_clean_urls() {
    let mut t = SiteTest::from_dir("hostile/paths");
    t.write(
        "content/Mijn Café 🙂 map/Één pagina.md",
        "---\ntitle: Één pagina\n---\nZie de [bijlage](Bijlage%20één.txt).\n",
    );
    t.write("content/Mijn Café 🙂 map/Bijlage één.txt", "bijlage\n");
    t.build(&[]).success();
    assert!(t.exists("test/mijn-cafe-map/een-pagina/index.html"));
    assert!(t.exists("test/mijn-cafe-map/Bijlage één.txt"));
    assert!(
        t.read("test/sitemap.xml")
            .contains("<loc>https://test.example.nl/mijn-cafe-map/een-pagina/</loc>")
    );
}

#[cfg(unix)]
#[test]
fn symbolic_links_in_content_are_not_followed_and_nothing_is_written_outside() {
    use std::os::unix::fs::symlink;
    let mut t = SiteTest::from_dir("hostile/paths");
    let outside = t.root().parent().unwrap().join("buiten");
    std::fs::create_dir_all(outside.join("map")).unwrap();
    std::fs::write(
        outside.join("geheim.md"),
        "---\ntitle: Geheim\n---\nNiet publiceren.\n",
    )
    .unwrap();
    std::fs::write(outside.join("map/ook-geheim.md"), "---\ntitle: Ook\n---\n").unwrap();
    symlink(
        outside.join("geheim.md"),
        t.root().join("content/geheim.md"),
    )
    .unwrap();
    symlink(outside.join("map"), t.root().join("content/map")).unwrap();
    symlink("/etc/passwd", t.root().join("content/passwd.txt")).unwrap();
    // Ids that become folders: theme names are slugged, whatever they say.
    t.write(
        "content/rapporten/r/index.md",
        "---\ntitle: R\ntype: report\ndate: 2025-01-01\nsummary: S.\nthemes: [\"../../../buiten\", /etc/passwd, \"C:\\\\Windows\"]\n---\nTekst.\n",
    );
    let before = tree_outside_output(t.root().parent().unwrap());
    let outside_before = files(&outside);
    t.build(&[]).success().stderr_contains(&[
        "warning: content/geheim.md is a symbolic link, which kennis does not follow",
        "warning: content/map is a symbolic link",
        "warning: content/passwd.txt is a symbolic link",
    ]);
    let built = files(&t.root().join("output"));
    assert!(
        !built
            .keys()
            .any(|p| p.contains("geheim") || p.ends_with("passwd.txt")),
        "{:?}",
        built.keys().collect::<Vec<_>>()
    );
    assert!(
        !built
            .values()
            .any(|b| String::from_utf8_lossy(b).contains("Niet publiceren")),
        "the linked file's text was published"
    );
    for theme in ["buiten", "etc-passwd", "c-windows"] {
        assert!(
            t.exists(&format!("test/themas/{theme}/index.html")),
            "{theme}"
        );
    }
    assert_eq!(tree_outside_output(t.root().parent().unwrap()), before);
    assert_eq!(files(&outside), outside_before);
}

// --- (d) limits: huge and deep pages, extreme numbers -----------------------------------------

#[test]
fn huge_and_deeply_nested_pages_build_without_overflow() {
    let mut t = SiteTest::from_dir("hostile/limits");
    let paragraph =
        "Een alinea met *nadruk*, `code` en een [link](https://example.org/). ".repeat(12);
    let mut big = String::from("---\ntitle: Vijf megabyte\n---\n");
    while big.len() < 5 * 1024 * 1024 {
        big.push_str(&paragraph);
        big.push_str("\n\n");
    }
    t.write("content/paginas/groot.md", &big);
    // Nesting up to the limit of 100 levels builds.
    t.write(
        "content/paginas/citaten.md",
        &format!("---\ntitle: Citaten\n---\n{} diep\n", ">".repeat(100)),
    );
    let list: String = (0..100)
        .map(|depth| format!("{}- punt\n", "  ".repeat(depth)))
        .collect();
    t.write(
        "content/paginas/lijst.md",
        &format!("---\ntitle: Lijst\n---\n{list}"),
    );
    t.write(
        "content/paginas/lijst-kort.md",
        &format!("---\ntitle: Lijst kort\n---\n{}punt\n", "- ".repeat(100)),
    );
    // The largest value a graphic takes, next to zero and a tiny one: finite geometry.
    t.write(
        "content/paginas/getallen.md",
        "---\ntitle: Getallen\n---\n```bars\ntitle: Uitersten\ngroups:\n  - label: G\n    items:\n      - {label: groot, value: 1e12}\n      - {label: nul, value: 0}\n      - {label: klein, value: 1e-300}\n```\n\n```figures\n- {value: 1e12, label: groot}\n- {value: 0.000001, label: klein}\n```\n",
    );
    let out = kennis(t.root(), &["build"], Duration::from_secs(300));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let quotes = t.read("test/paginas/citaten/index.html");
    assert_eq!(quotes.matches("<blockquote>").count(), 100);
    for page in ["lijst", "lijst-kort"] {
        let html = t.read(&format!("test/paginas/{page}/index.html"));
        assert!(html.matches("<ul>").count() >= 100, "{page}");
    }
    assert!(t.read("test/paginas/groot/index.html").len() > 5 * 1024 * 1024);
    for svg in ["tabel-1.svg", "figuur-1.svg"] {
        let text = t.read(&format!("test/paginas/getallen/{svg}"));
        assert!(
            !text.contains("NaN") && !text.contains("inf"),
            "{svg}: {text}"
        );
    }

    // A value beyond the limit is an error at its line, not a crash.
    t.write(
        "content/paginas/getallen.md",
        "---\ntitle: Getallen\n---\n```bars\ntitle: Te groot\ngroups:\n  - label: G\n    items:\n      - {label: groot, value: 1e300}\n```\n",
    );
    let out = kennis(t.root(), &["build"], Duration::from_secs(300));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_diagnostic(
        &stderr,
        "content/paginas/getallen.md:9:31",
        "the value 1e300 is larger than the largest value a graphic accepts (10^12)",
    );
}

// See: reliability, second round, "quadratic time on deep nesting". YAML brackets 100,000
// deep took more than a minute to parse, and Markdown nested as deep made the search index
// take seconds, growing with the square of the depth.
#[test]
fn nesting_deeper_than_the_limit_is_an_error_where_it_is_crossed() {
    let mut t = SiteTest::from_dir("hostile/limits");
    let deep = 100_000;
    let brackets = format!("{}{}", "[".repeat(deep), "]".repeat(deep));
    let braces = format!("{}{}", "{a: ".repeat(deep), "}".repeat(deep));
    let cases: Vec<(&str, String, &str, &str)> = vec![
        (
            "content/paginas/blok.md",
            format!("---\ntitle: Blok\n---\n```bars\ntitle: {brackets}\ngroups: []\n```\n"),
            "content/paginas/blok.md:5:108",
            "`bars` block: brackets are nested more than 100 deep here",
        ),
        (
            "content/paginas/blok-open.md",
            format!(
                "---\ntitle: Blok\n---\n```quote\ntext: {}\n```\n",
                "[".repeat(deep)
            ),
            "content/paginas/blok-open.md:5:107",
            "`quote` block: brackets are nested more than 100 deep here",
        ),
        (
            "content/paginas/voorkant.md",
            format!("---\ntitle: Voorkant\nsites: {braces}\n---\nTekst.\n"),
            "content/paginas/voorkant.md:3:408",
            "front matter: brackets are nested more than 100 deep here",
        ),
        (
            "content/paginas/citaten.md",
            format!(
                "---\ntitle: Citaten\n---\nTekst.\n\n{} diep\n",
                ">".repeat(deep)
            ),
            "content/paginas/citaten.md:6:101",
            "block quotes, lists and emphasis are nested more than 100 deep here",
        ),
        (
            "content/paginas/lijst.md",
            format!("---\ntitle: Lijst\n---\n{}punt\n", "- ".repeat(deep)),
            "content/paginas/lijst.md:4:201",
            "nested more than 100 deep",
        ),
        (
            "content/paginas/citaatlijst.md",
            format!(
                "---\ntitle: Citaatlijst\n---\n{}punt\n",
                "> - ".repeat(deep)
            ),
            "content/paginas/citaatlijst.md:4:201",
            "nested more than 100 deep",
        ),
        (
            "content/paginas/nadruk.md",
            format!(
                "---\ntitle: Nadruk\n---\n{}a{}\n",
                "**a ".repeat(deep),
                " b**".repeat(deep)
            ),
            "content/paginas/nadruk.md:4:401",
            "nested more than 100 deep",
        ),
    ];
    for (path, text, _, _) in &cases {
        t.write(path, text);
    }
    let started = Instant::now();
    let out = kennis(t.root(), &["build"], Duration::from_secs(60));
    eprintln!("build with deep nesting: {:?}", started.elapsed());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    for (_, _, position, message) in &cases {
        assert_diagnostic(&stderr, position, message);
    }
    assert!(
        stderr.contains(&format!("failed with {} error(s)", cases.len())),
        "{stderr}"
    );
}

// --- (e) a build killed with SIGKILL leaves the previous output intact ------------------------

/// Writes `count` pages with an infographic each: a site that takes a moment to write.
fn many_pages(t: &mut SiteTest, count: usize, round: usize) {
    for n in 0..count {
        t.write(
            &format!("content/paginas/p{n}.md"),
            &format!(
                "---\ntitle: Pagina {n} ronde {round}\n---\n## Cijfers\n\nTekst {n}.\n\n```bars\ntitle: Ronde {round}\ngroups:\n  - label: Groep\n    items:\n      - {{label: A, value: {n}}}\n      - {{label: B, value: 3}}\n```\n"
            ),
        );
    }
}

/// Names in the output folder that a build uses while it writes.
fn staging_names(out: &Path) -> Vec<String> {
    std::fs::read_dir(out)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with(".kennis-") && n != ".kennis-lock")
                .collect()
        })
        .unwrap_or_default()
}

/// Starts a build, waits until it is writing its staging folder and kills it with SIGKILL.
/// `None` when the build finished before it could be caught.
#[cfg(unix)]
fn kill_while_writing(root: &Path) -> Option<std::process::ExitStatus> {
    use std::os::unix::process::ExitStatusExt;
    let out = root.join("output");
    let mut child: Child = crate::kennis()
        .arg("build")
        .arg("--root")
        .arg(root)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        if staging_names(&out)
            .iter()
            .any(|n| n.starts_with(".kennis-staging-"))
        {
            // `Child::kill` is SIGKILL on Unix: no handler runs, nothing is cleaned up.
            child.kill().unwrap();
            let status = child.wait().unwrap();
            return (status.signal() == Some(9)).then_some(status);
        }
        if child.try_wait().unwrap().is_some() {
            return None;
        }
        assert!(
            started.elapsed() < Duration::from_secs(300),
            "the build did not start writing"
        );
        std::thread::yield_now();
    }
}

/// A hash of every file of a built site, by path.
fn fingerprint(site: &Path) -> BTreeMap<String, u64> {
    use std::hash::{DefaultHasher, Hash, Hasher};
    files(site)
        .into_iter()
        .map(|(path, bytes)| {
            let mut hasher = DefaultHasher::new();
            bytes.hash(&mut hasher);
            (path, hasher.finish())
        })
        .collect()
}

#[cfg(unix)]
#[test]
fn a_build_killed_with_sigkill_leaves_the_previous_output_intact() {
    let mut t = SiteTest::from_dir("build/basic");
    t.build(&[]).success();
    let out = t.root().join("output");
    for round in 0..5 {
        let before = fingerprint(&out.join("test"));
        many_pages(&mut t, 300, round);
        if kill_while_writing(t.root()).is_none() {
            // Finished before it was caught: that output is the previous one for the next try.
            continue;
        }
        let after = fingerprint(&out.join("test"));
        let changed: Vec<&String> = before
            .keys()
            .chain(after.keys())
            .filter(|p| before.get(*p) != after.get(*p))
            .collect();
        assert!(
            changed.is_empty(),
            "the killed build changed the previous output: {changed:?}"
        );
        assert!(
            staging_names(&out)
                .iter()
                .any(|n| n.starts_with(".kennis-staging-")),
            "the build was killed while writing, so its staging folder is left"
        );
        // The next build succeeds, replaces the site and removes what the killed one left;
        // the generation it replaced stays as the starting point of the build after it.
        t.build(&[]).success();
        assert!(
            t.read("test/paginas/p299/index.html")
                .contains(&format!("ronde {round}"))
        );
        assert_eq!(staging_names(&out), [".kennis-prev-test"]);
        assert!(
            fingerprint(&out.join(".kennis-prev-test")) == before,
            "the previous generation is not the output before the killed build"
        );
        return;
    }
    panic!("five builds finished before they could be killed while writing");
}

// --- (f) content files that would run script on the site's address --------------------------

// See: reliability, second round: HTML, SVG and JavaScript files in content/ were copied as
// they are. A page or script from content/ runs on the site's own address, so HTML and
// JavaScript are refused; an SVG image is a figure and is published unless it holds script.
#[test]
fn html_javascript_and_scripted_svg_in_content_are_refused() {
    let mut t = SiteTest::from_dir("build/basic");
    let dir = "content/rapporten/onderzoek";
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">";
    let plain = format!("{svg}\n<rect width=\"10\" height=\"5\" fill=\"#0b4f71\"/></svg>\n");
    t.write(&format!("{dir}/grafiek.svg"), &plain);
    t.write(
        &format!("{dir}/oud.html"),
        "<!doctype html><script>alert(1)</script>",
    );
    t.write(&format!("{dir}/Extra.JS"), "alert(1)");
    t.write(
        &format!("{dir}/met-script.svg"),
        &format!("{svg}\n<script>alert(document.domain)</script></svg>\n"),
    );
    t.write(
        &format!("{dir}/met-handler.svg"),
        &format!("{svg}\n<rect width=\"1\" height=\"1\" onclick=\"alert(1)\"/></svg>\n"),
    );
    let out = kennis(t.root(), &["build"], Duration::from_secs(300));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_diagnostic(
        &stderr,
        &format!("{dir}/oud.html:1:1"),
        "is an HTML page, which kennis does not publish",
    );
    assert_diagnostic(
        &stderr,
        &format!("{dir}/Extra.JS:1:1"),
        "is a JavaScript file, which kennis does not publish",
    );
    assert_diagnostic(
        &stderr,
        &format!("{dir}/met-script.svg:2:1"),
        "this SVG image holds a `<script>` element, which would run on the site's own address",
    );
    assert_diagnostic(
        &stderr,
        &format!("{dir}/met-handler.svg:2:28"),
        "holds an event handler (`onclick`)",
    );
    assert!(stderr.contains("failed with 4 error(s)"), "{stderr}");
    assert!(!t.exists("test"), "a failed build must not write a site");

    // Without them the site builds, and the plain SVG is published exactly as it was.
    for name in ["oud.html", "Extra.JS", "met-script.svg", "met-handler.svg"] {
        std::fs::remove_file(t.root().join(dir).join(name)).unwrap();
    }
    let out = kennis(t.root(), &["build"], Duration::from_secs(300));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(t.read("test/rapporten/onderzoek/grafiek.svg"), plain);
}
