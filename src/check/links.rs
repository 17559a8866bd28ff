//! Rules `links` and `alt-text`: every link and image of a page (as the model read them) points
//! at a page or file of every site that shows the page, and its `#anchor` at an id on it; every
//! image has alt text.

use crate::diag::{Diagnostic, Rule, suggest};
use crate::model::Site;
use crate::model::body::LinkKind;

use super::{Page, PageStats};

/// Checks every link and image of `page` against `sites`.
pub(super) fn check(
    page: &Page<'_>,
    sites: &[&Site<'_>],
    stats: &mut PageStats,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for link in &page.common.body.links {
        match &link.kind {
            LinkKind::Email => stats.external_links += 1,
            LinkKind::Link => out.extend(check_link(
                page,
                sites,
                &link.dest,
                link.offset,
                false,
                stats,
            )),
            LinkKind::Image(alt) => {
                stats.images += 1;
                if alt.trim().is_empty() {
                    stats.images_without_alt += 1;
                    let dest = &link.dest;
                    out.push(
                        page.file
                            .error_at(link.offset, format!("the image `{dest}` has no alt text"))
                            .with_hint(format!(
                                "write what the image shows between the brackets, e.g. `![Grafiek: aantal respondenten per functie]({dest})`; screen readers read it aloud"
                            ))
                            .with_rule(Rule::AltText),
                    );
                }
                out.extend(check_link(
                    page,
                    sites,
                    &link.dest,
                    link.offset,
                    true,
                    stats,
                ));
            }
        }
    }
    out
}

/// Where a link goes.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Target {
    /// Another host or scheme (`https:`, `mailto:`); not followed.
    External,
    /// A page of the site (URL ending in `/`), with the anchor.
    Page(String, Option<String>),
    /// A file of the site.
    File(String),
    /// Above the site's root (`../../..` from a shallow page).
    Outside,
}

/// Resolves the link `dest` on the page at `page_url` (site-relative, ending in `/`).
pub(crate) fn resolve(page_url: &str, dest: &str) -> Target {
    let dest = dest.trim();
    let is_scheme = dest.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
    });
    if is_scheme || dest.starts_with("//") {
        return Target::External;
    }
    let (rest, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(percent_decode(f))),
        None => (dest, None),
    };
    let path = rest.split('?').next().unwrap_or("");
    let path = percent_decode(path);
    let mut segments: Vec<String> = if path.starts_with('/') {
        Vec::new()
    } else {
        page_url
            .split('/')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    };
    if path.is_empty() {
        return Target::Page(page_url.to_string(), fragment);
    }
    let parts: Vec<&str> = path.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        match *part {
            "" | "." => {}
            ".." => {
                if segments.pop().is_none() {
                    return Target::Outside;
                }
            }
            other => {
                let last = i + 1 == parts.len();
                if last && other == "index.html" {
                    break;
                }
                segments.push(other.to_string());
            }
        }
    }
    let joined = segments.join("/");
    let last_is_file = !path.ends_with('/')
        && !path.ends_with("index.html")
        && segments.last().is_some_and(|s| s.contains('.'));
    if last_is_file {
        Target::File(format!("/{joined}"))
    } else if joined.is_empty() {
        Target::Page("/".to_string(), fragment)
    } else {
        Target::Page(format!("/{joined}/"), fragment)
    }
}

/// Decodes `%xx` escapes; invalid ones stay as written.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Some(b) = std::str::from_utf8(&bytes[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Checks one link; `None` when it is fine or external.
fn check_link(
    page: &Page<'_>,
    sites: &[&Site<'_>],
    dest: &str,
    offset: usize,
    image: bool,
    stats: &mut PageStats,
) -> Option<Diagnostic> {
    let what = if image { "image" } else { "link" };
    let target = resolve(&page.common.url, dest);
    if target == Target::External {
        stats.external_links += 1;
        return None;
    }
    stats.internal_links += 1;
    let mut broken = |message: String, hint: String| {
        stats.broken_links += 1;
        Some(
            page.file
                .error_at(offset, message)
                .with_hint(hint)
                .with_rule(Rule::Links),
        )
    };
    match target {
        Target::External => None,
        Target::Outside => broken(
            format!("the {what} `{dest}` goes above the site's root folder"),
            format!(
                "this page is at {}; count the `../`: each one goes up one folder",
                page.common.url
            ),
        ),
        Target::File(url) => {
            let missing: Vec<&str> = sites
                .iter()
                .filter(|s| !s.routes.has_file(&url))
                .map(|s| s.config.name.as_str())
                .collect();
            if missing.is_empty() {
                return None;
            }
            broken(
                format!(
                    "the {what} `{dest}` points at {url}, which is not a file of {}",
                    site_list(&missing, sites.len())
                ),
                format!(
                    "this page is at {}; files beside a page's index.md (content/rapporten/<slug>/) are copied next to the page. Check the name (it is case-sensitive) and the `../`",
                    page.common.url
                ),
            )
        }
        Target::Page(url, fragment) => {
            let missing: Vec<&&Site<'_>> =
                sites.iter().filter(|s| !s.routes.has_page(&url)).collect();
            if !missing.is_empty() {
                let names: Vec<&str> = missing.iter().map(|s| s.config.name.as_str()).collect();
                let candidates: Vec<&str> = missing[0].routes.page_urls().collect();
                let hint = match suggest(&url, &candidates) {
                    Some(s) => format!(
                        "did you mean {s}? Write it relative to this page ({}) or from the site's root, starting with `/`",
                        page.common.url
                    ),
                    None => format!(
                        "check the address; this page is at {}, so `../` goes up to {}",
                        page.common.url,
                        parent_of(&page.common.url)
                    ),
                };
                return broken(
                    format!(
                        "the {what} `{dest}` points at {url}, which is not a page of {}",
                        site_list(&names, sites.len())
                    ),
                    hint,
                );
            }
            let fragment = fragment.filter(|f| !f.is_empty())?;
            // Anchors are checked on content pages; kennis's own pages are not.
            let target_page = sites
                .iter()
                .find_map(|s| s.entries().into_iter().find(|c| c.url == url))?;
            if fragment == "top" || target_page.body.ids.contains(&fragment) {
                return None;
            }
            let list: Vec<&str> = target_page
                .body
                .headings
                .iter()
                .map(|h| h.id.as_str())
                .chain(target_page.body.figures.iter().map(|f| f.id.as_str()))
                .collect();
            let hint = match suggest(&fragment, &list) {
                Some(s) => format!("did you mean `#{s}`?"),
                None if list.is_empty() => format!("{url} has no headings or figures to link to"),
                None => format!(
                    "anchors on {url} are the ids of its headings and figures: {}",
                    list.iter()
                        .take(12)
                        .map(|s| format!("#{s}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            broken(
                format!(
                    "the {what} `{dest}`: {url} has no heading or figure with the id `{fragment}`"
                ),
                hint,
            )
        }
    }
}

fn site_list(names: &[&str], of: usize) -> String {
    if names.len() == of && of > 1 {
        "any site".to_string()
    } else {
        let quoted: Vec<String> = names.iter().map(|n| format!("site `{n}`")).collect();
        quoted.join(" or ")
    }
}

fn parent_of(url: &str) -> String {
    let trimmed = url.trim_end_matches('/');
    match trimmed.rfind('/') {
        Some(i) => trimmed[..=i].to_string(),
        None => "/".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_resolve_against_the_page() {
        let page = "/personas/nora/";
        assert_eq!(
            resolve(page, "../../rapporten/al-doende-leren/"),
            Target::Page("/rapporten/al-doende-leren/".into(), None)
        );
        assert_eq!(
            resolve(page, "/rapporten/x#aanleiding"),
            Target::Page("/rapporten/x/".into(), Some("aanleiding".into()))
        );
        assert_eq!(
            resolve(page, "#top"),
            Target::Page(page.into(), Some("top".into()))
        );
        assert_eq!(resolve(page, "../../../../x/"), Target::Outside);
        assert_eq!(resolve(page, "https://nji.nl/"), Target::External);
        assert_eq!(resolve(page, "mailto:a@b.nl"), Target::External);
        assert_eq!(resolve(page, "//cdn.example/x.js"), Target::External);
        assert_eq!(
            resolve(page, "leerroute.png"),
            Target::File("/personas/nora/leerroute.png".into())
        );
        assert_eq!(
            resolve(page, "../index.html"),
            Target::Page("/personas/".into(), None)
        );
        assert_eq!(
            resolve("/", "rapporten/mijn%20rapport/"),
            Target::Page("/rapporten/mijn rapport/".into(), None)
        );
    }
}
