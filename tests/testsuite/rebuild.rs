//! Archives and rebuilds: a site on the built-in theme with sections of its own, the PNG cache
//! between builds, and output written only where it changed.

use std::path::{Path, PathBuf};

use crate::SiteTest;

fn report(title: &str, date: &str, value: u32) -> String {
    format!(
        "---\ntitle: {title}\ntype: report\ndate: {date}\nsummary: Over {title}.\nthemes: [leren]\n---\n\
         Tekst.\n\n```figures\n- {{value: {value}, label: gesprekken}}\n```\n"
    )
}

/// A site without `themes/`, two sections of reports, no personas and no about page.
fn archive() -> SiteTest {
    let mut t = SiteTest::from_dir("rebuild/archive");
    std::fs::remove_dir_all(t.root().join("themes")).unwrap();
    t.write(
        "content/rapporten-01/_index.md",
        "---\ntitle: Jeugdbescherming\n---\nNieuwste eerst.\n",
    );
    t.write(
        "content/rapporten-02/_index.md",
        "---\ntitle: Wijkteams\n---\n",
    );
    t.write(
        "content/rapporten-01/een.md",
        &report("Eerste rapport", "2024-01-01", 12),
    );
    t.write(
        "content/rapporten-01/twee.md",
        &report("Tweede rapport", "2025-01-01", 7),
    );
    t.write(
        "content/rapporten-02/drie.md",
        &report("Derde rapport", "2023-01-01", 3),
    );
    t
}

#[test]
fn a_site_without_themes_uses_the_built_in_theme_and_lists_each_section() {
    let mut t = archive();
    t.build(&[]).success();
    let section = t.read("archief/rapporten-01/index.html");
    let first = section
        .find("Tweede rapport")
        .expect("newest report listed");
    let second = section.find("Eerste rapport").expect("older report listed");
    assert!(first < second, "the section lists its reports newest first");
    assert!(
        !section.contains("Derde rapport"),
        "another section's report"
    );
    assert!(
        t.read("archief/rapporten-02/index.html")
            .contains("Derde rapport")
    );
    // The home page leads to both sections.
    let home = t.read("archief/index.html");
    assert!(
        home.contains(
            "href=\"/rapporten-01/\">Jeugdbescherming <span class=\"tag-count\">(2 rapporten)"
        ),
        "{home}"
    );
    assert!(
        home.contains("href=\"/rapporten-02/\">Wijkteams <span class=\"tag-count\">(1 rapport)"),
        "{home}"
    );
    // The built-in theme's navigation and footer link only to pages this site has.
    assert!(home.contains("href=\"/aanbevelingen/\""), "{home}");
    for missing in [
        "/personas/",
        "/paginas/over/",
        "/paginas/toegankelijkheid/",
        "/rapporten/\"",
    ] {
        assert!(!home.contains(&format!("href=\"{missing}")), "{missing}");
    }
    assert!(!t.stderr().contains("warning"), "{}", t.stderr());
}

fn cache_entries(root: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(root.join(".kennis-cache/png"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    entries
}

#[test]
fn a_graphic_is_rasterized_once_and_then_read_from_the_cache() {
    let mut t = archive();
    t.build(&[]).success();
    // Three figures and three social cards.
    let entries = cache_entries(t.root());
    assert_eq!(entries.len(), 6, "{entries:?}");
    let png = |t: &SiteTest| {
        std::fs::read(
            t.root()
                .join("output/archief/rapporten-01/een/figuur-1.png"),
        )
        .unwrap()
    };
    let original = png(&t);
    let entry = entries
        .iter()
        .find(|e| std::fs::read(e).unwrap() == original)
        .expect("the figure's PNG is in the cache")
        .clone();
    // Put another valid PNG in its place: a build that reads the cache publishes it as it is.
    let other = entries.iter().find(|e| **e != entry).unwrap();
    std::fs::copy(other, &entry).unwrap();
    t.build(&[]).success();
    assert_eq!(
        png(&t),
        std::fs::read(other).unwrap(),
        "the graphic was rasterized again"
    );
    // Changed data makes a new entry; the entry nobody uses any more is removed.
    t.write(
        "content/rapporten-01/een.md",
        &report("Eerste rapport", "2024-01-01", 13),
    );
    t.build(&[]).success();
    assert_ne!(png(&t), original);
    assert!(!entry.exists(), "an unused cache entry was kept");
    assert_eq!(cache_entries(t.root()).len(), 6);
}

#[cfg(unix)]
#[test]
fn a_rebuild_writes_only_what_changed() {
    use std::os::unix::fs::MetadataExt;
    let mut t = archive();
    let inode = |t: &SiteTest, path: &str| {
        std::fs::metadata(t.root().join("output/archief").join(path))
            .unwrap()
            .ino()
    };
    t.build(&[]).success();
    let first = inode(&t, "rapporten-02/drie/index.html");
    t.build(&[]).success();
    t.write(
        "content/rapporten-01/een.md",
        &report("Eerste rapport, herzien", "2024-01-01", 12),
    );
    t.build(&[]).success();
    // The third build started from the first one's files: the unchanged page is that file.
    assert_eq!(inode(&t, "rapporten-02/drie/index.html"), first);
    assert!(
        t.read("archief/rapporten-01/een/index.html")
            .contains("Eerste rapport, herzien")
    );
    assert!(
        t.read("archief/rapporten-01/index.html")
            .contains("Eerste rapport, herzien"),
        "the section page was not brought up to date"
    );
    // Removing a report removes its page and its folder.
    std::fs::remove_file(t.root().join("content/rapporten-02/drie.md")).unwrap();
    t.build(&[]).success();
    t.build(&[]).success();
    assert!(!t.exists("archief/rapporten-02/drie"));
}
