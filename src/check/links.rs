//! Rules `links` and `alt-text`: every link and image of a page (as the model read them) points
//! at a page or file of every site that shows the page, and its `#anchor` at an id on it; every
//! image has alt text.

use crate::diag::{Diagnostic, Rule, suggest};
use crate::messages::{self, Text};
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
                            .error_at(link.offset, messages::image_without_alt(dest))
                            .with_hint(messages::image_without_alt_hint(dest))
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
    let what = if image {
        messages::broken_thing_image()
    } else {
        messages::broken_thing_link()
    };
    let target = resolve(&page.common.url, dest);
    if target == Target::External {
        stats.external_links += 1;
        return None;
    }
    stats.internal_links += 1;
    let mut broken = |message: Text, hint: Text| {
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
            messages::link_above_root(what, dest),
            messages::link_above_root_hint(&page.common.url),
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
            let message = if everywhere(&missing, sites.len()) {
                messages::link_not_a_file_anywhere(what, dest, &url)
            } else {
                messages::link_not_a_file(what, dest, &url, site_list(&missing))
            };
            broken(message, messages::link_not_a_file_hint(&page.common.url))
        }
        Target::Page(url, fragment) => {
            let missing: Vec<&&Site<'_>> =
                sites.iter().filter(|s| !s.routes.has_page(&url)).collect();
            if !missing.is_empty() {
                let names: Vec<&str> = missing.iter().map(|s| s.config.name.as_str()).collect();
                let candidates: Vec<&str> = missing[0].routes.page_urls().collect();
                let hint = match suggest(&url, &candidates) {
                    Some(s) => messages::link_did_you_mean_page(s, &page.common.url),
                    None => {
                        messages::link_check_address(&page.common.url, parent_of(&page.common.url))
                    }
                };
                let message = if everywhere(&names, sites.len()) {
                    messages::link_not_a_page_anywhere(what, dest, &url)
                } else {
                    messages::link_not_a_page(what, dest, &url, site_list(&names))
                };
                return broken(message, hint);
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
                Some(s) => messages::link_did_you_mean_anchor(s),
                None if list.is_empty() => messages::link_page_without_anchors(&url),
                None => messages::link_anchors_on_page(
                    &url,
                    messages::join(list.iter().take(12).map(|s| format!("#{s}"))),
                ),
            };
            broken(messages::link_no_anchor(what, dest, &url, &fragment), hint)
        }
    }
}

/// Whether a link is broken on every one of several sites.
fn everywhere(names: &[&str], of: usize) -> bool {
    names.len() == of && of > 1
}

/// The sites a link is broken on: "site `a`", "site `a` or site `b`".
fn site_list(names: &[&str]) -> Text {
    let mut sites: Vec<Text> = names.iter().map(messages::link_site).collect();
    let last = sites.pop().unwrap_or_else(|| messages::link_site(""));
    if sites.is_empty() {
        last
    } else {
        messages::link_sites_or(messages::join(sites), last)
    }
}

fn parent_of(url: &str) -> String {
    let trimmed = url.trim_end_matches('/');
    match trimmed.rfind('/') {
        Some(i) => trimmed[..=i].to_string(),
        None => "/".to_string(),
    }
}
