//! The bundled content, built as it is: what it publishes about its sources.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The bundled site `site`, built into a temporary folder.
fn build_bundled(site: &str) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let status = crate::kennis()
        .args(["build", "--site", site, "--root"])
        .arg(root)
        .arg("--out")
        .arg(out.path())
        .status()
        .unwrap();
    assert!(status.success(), "the bundled {site} site does not build");
    out
}

/// Every `href="/rapporten/<report>/#<anchor>"` in `html`, as report → anchors.
fn recommendation_links(html: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for piece in html.split("href=\"/rapporten/").skip(1) {
        let link = &piece[..piece.find('"').unwrap()];
        if let Some((report, anchor)) = link.split_once("/#") {
            out.entry(report.to_string())
                .or_default()
                .insert(anchor.to_string());
        }
    }
    out
}

/// The recommendation anchors (`aanbevelingen-<audience>-<n>`) of a report page.
fn anchors_of_report(html: &str) -> BTreeSet<String> {
    html.split("id=\"aanbevelingen-")
        .skip(1)
        .map(|rest| format!("aanbevelingen-{}", &rest[..rest.find('"').unwrap()]))
        .filter(|id| id.rsplit('-').next().unwrap().parse::<u32>().is_ok())
        .collect()
}

/// The recommendations of `/aanbevelingen/` whose `data-themes` name `theme`, as report →
/// anchors.
fn filtered(html: &str, theme: &str) -> BTreeMap<String, BTreeSet<String>> {
    let items: Vec<&str> = html
        .split("<li class=\"recommendation\"")
        .skip(1)
        .map(|item| &item[..item.find("</li>").unwrap()])
        .collect();
    assert!(!items.is_empty(), "no recommendations on /aanbevelingen/");
    let chosen: String = items
        .iter()
        .filter(|item| {
            let start = item.find("data-themes=\"").expect("an item without themes") + 13;
            let themes = &item[start..start + item[start..].find('"').unwrap()];
            themes.split(' ').any(|t| t == theme)
        })
        .copied()
        .collect();
    recommendation_links(&chosen)
}

/// A theme lists the recommendations about it, chosen one by one: of each report that has any,
/// some and never all, on the theme page and in the theme filter of `/aanbevelingen/` alike,
/// and both from the two reports with recommendations.
#[test]
fn a_theme_lists_the_recommendations_about_it_not_whole_reports() {
    let out = build_bundled("kennisnetwerk");
    let read =
        |path: &str| std::fs::read_to_string(out.path().join("kennisnetwerk").join(path)).unwrap();
    let theme = "professionele-ruimte";
    let page = recommendation_links(&read(&format!("themas/{theme}/index.html")));
    let filter = filtered(&read("aanbevelingen/index.html"), theme);
    assert_eq!(
        page, filter,
        "the theme page and the theme filter list other recommendations"
    );
    let reports: Vec<&String> = page.keys().collect();
    assert_eq!(
        reports,
        ["al-doende-leren", "ruimte-om-van-betekenis-te-zijn"],
        "professionele ruimte is a theme of recommendations in both reports"
    );
    for (report, anchors) in &page {
        let all = anchors_of_report(&read(&format!("rapporten/{report}/index.html")));
        assert!(
            anchors.is_subset(&all),
            "{report}: the theme links to {:?}, which the report does not hold",
            anchors.difference(&all).collect::<Vec<_>>()
        );
        assert!(
            !anchors.is_empty() && anchors.len() < all.len(),
            "{report}: {} of its {} recommendations are about {theme}; a theme chosen per \
             recommendation takes some, not all",
            anchors.len(),
            all.len()
        );
    }
}

/// The filter offers only themes that have recommendations.
#[test]
fn the_theme_filter_offers_only_themes_with_recommendations() {
    let out = build_bundled("kennisnetwerk");
    let html =
        std::fs::read_to_string(out.path().join("kennisnetwerk/aanbevelingen/index.html")).unwrap();
    let start = html.find("name=\"thema\"").expect("no theme filter");
    let form = &html[start..start + html[start..].find("</select>").unwrap()];
    let offered: Vec<&str> = form
        .split("<option value=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .filter(|v| !v.is_empty())
        .collect();
    assert!(!offered.is_empty(), "the filter offers no theme: {form}");
    for theme in offered {
        assert!(
            !filtered(&html, theme).is_empty(),
            "the filter offers `{theme}`, which no recommendation has"
        );
    }
}
