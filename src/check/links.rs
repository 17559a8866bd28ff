//! Rules `links` and `alt-text`: every link and image of a page (as the model read them) points
//! at a page or file of every site that shows the page, and its `#anchor` at an id on it; every
//! image has alt text.

use crate::diag::{Diagnostic, Rule, suggest};
use crate::model::Site;
use crate::model::body::LinkKind;
use crate::model::links::{Target, resolve};

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
