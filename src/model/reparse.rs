//! The model after one file changed, for `kennis serve`. A change that can only show on its
//! own page (a report's body, under the same front matter and with the same recommendations)
//! replaces that report's body in place; anything else asks for the whole model again, which
//! is also what finds and reports every error.

use std::path::Path;

use super::{Body, Content, body, entry, resolve_persona};
use crate::blocks::{Block, Resolve, recommendations};
use crate::config::Config;
use crate::load::Sources;
use crate::source::SourceFile;

/// What a changed file means for the site.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Change {
    /// The file reads as it did.
    Unchanged,
    /// Only the body of `Content::reports[index]` changed, so only that report's page, its
    /// social card and its graphics can differ. `gone` are the ids of graphics it no longer has.
    ReportBody { index: usize, gone: Vec<String> },
    /// Anything else: build the model again.
    Everything,
}

/// Applies the new `text` of the content file at `path` (relative to the site root, as in
/// `Sources`) to `sources` and `content` when the change stays on its own page. Returns
/// `Change::Everything`, and changes nothing, for a new file, front matter that changed, an
/// entry other than a report, recommendations that changed (the recommendation pages list
/// them) and any diagnostic.
pub(crate) fn reparse(
    config: &Config,
    sources: &mut Sources,
    content: &mut Content,
    path: &Path,
    text: String,
) -> Change {
    let Some(slot) = sources.pages.iter().position(|f| f.path == path) else {
        return Change::Everything;
    };
    let old = &sources.pages[slot];
    if old.text == text {
        return Change::Unchanged;
    }
    let file = SourceFile::new(path.to_path_buf(), text);
    let (Ok(old_head), Ok(head)) = (entry::read_head(old), entry::read_head(&file)) else {
        return Change::Everything;
    };
    let same_front_matter = old.text[..old_head.body_start] == file.text[..head.body_start];
    if !same_front_matter || head.kind != entry::EntryKind::Report {
        return Change::Everything;
    }
    // Two files may share a URL when their `sites:` differ; drafts are not in the model.
    let Some(index) = content.reports.iter().position(|r| {
        r.common.url == head.location.url && r.common.sites == entry::sites_of(&head)
    }) else {
        return Change::Everything;
    };
    let audiences: Vec<&str> = config.audiences.iter().map(String::as_str).collect();
    let resolve = |id: &str| resolve_persona(&content.cards, id);
    let refs = Resolve {
        personas: &resolve,
        audiences: &audiences,
    };
    let (new_body, diags) = body::parse(&file, head.body_start..file.text.len(), &refs);
    let old_body = &content.reports[index].common.body;
    if !diags.is_empty() || recommendation_lists(old_body) != recommendation_lists(&new_body) {
        return Change::Everything;
    }
    let gone = old_body
        .figures
        .iter()
        .filter(|f| !new_body.figures.iter().any(|n| n.id == f.id))
        .map(|f| f.id.clone())
        .collect();
    content.reports[index].common.body = new_body;
    sources.pages[slot] = file;
    Change::ReportBody { index, gone }
}

/// The recommendation blocks of a body with their ids: what the recommendation pages show of
/// a report besides its front matter.
fn recommendation_lists(body: &Body) -> Vec<(&str, &recommendations::Spec)> {
    body.figures
        .iter()
        .filter_map(|f| match &f.block {
            Block::Recommendations(spec) => Some((f.id.as_str(), spec)),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Overrides;

    const REPORT: &str = "content/rapporten/r/index.md";
    const FRONT: &str =
        "---\ntitle: Een rapport\ntype: report\ndate: 2025-03-01\nsummary: Over leren.\n---\n";
    const PERSONA: &str = "---\ntype: persona\nname: Nora\nage: 27\nroute:\n  - title: Zelfreflectie\n    kind: informeel\n    text: Nora kijkt terug.\n---\nNora leert.\n";
    const RECS: &str = "```recommendations\ngroups:\n  - audience: organisaties\n    items:\n      - Maak tijd voor intervisie.\n```\n";

    /// A site with one report and one persona; the config, the sources and the model.
    fn site(body: &str) -> (tempfile::TempDir, Config, Sources, Content) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(
            root.join("site.yaml"),
            "language: nl\nsites:\n  k:\n    title: K\n    base_url: https://k.example.nl/\n    theme: kennisnetwerk\n",
        )
        .unwrap();
        std::fs::create_dir_all(root.join("content/rapporten/r")).unwrap();
        std::fs::create_dir_all(root.join("content/personas")).unwrap();
        std::fs::write(root.join("content/_index.md"), "---\ntitle: Start\n---\n").unwrap();
        std::fs::write(root.join("content/personas/nora.md"), PERSONA).unwrap();
        std::fs::write(root.join(REPORT), format!("{FRONT}{body}")).unwrap();
        let config = crate::config::load(root, &Overrides::default()).unwrap();
        let (sources, diags) = crate::load::load(root);
        assert!(diags.is_empty(), "{diags:?}");
        let (content, diags) = super::super::build(&config, &sources, false);
        assert!(!diags.has_errors(), "{:?}", diags.sorted());
        (dir, config, sources, content)
    }

    fn change(body: &str, new: &str) -> (Change, Content) {
        let (_dir, config, mut sources, mut content) = site(body);
        let result = reparse(
            &config,
            &mut sources,
            &mut content,
            Path::new(REPORT),
            new.to_string(),
        );
        (result, content)
    }

    #[test]
    fn a_new_body_replaces_the_old_one_in_place() {
        let (result, content) = change(
            "## Aanleiding\n\nEerst.\n",
            &format!("{FRONT}## Aanleiding\n\nDaarna.\n"),
        );
        assert_eq!(
            result,
            Change::ReportBody {
                index: 0,
                gone: Vec::new()
            }
        );
        assert!(content.reports[0].common.body.markdown.contains("Daarna."));
    }

    #[test]
    fn graphics_that_are_gone_are_named() {
        let two = "```quote\ntext: Leren doe je samen.\nwho: Deelnemer\n```\n\n```quote\ntext: Tijd helpt.\nwho: Deelnemer\n```\n";
        let one = "```quote\ntext: Leren doe je samen.\nwho: Deelnemer\n```\n";
        let (result, content) = change(two, &format!("{FRONT}{one}"));
        assert_eq!(
            result,
            Change::ReportBody {
                index: 0,
                gone: vec!["figuur-2".to_string()]
            }
        );
        assert_eq!(content.reports[0].common.body.figures.len(), 1);
    }

    #[test]
    fn the_same_text_is_no_change() {
        let (result, _) = change("Tekst.\n", &format!("{FRONT}Tekst.\n"));
        assert_eq!(result, Change::Unchanged);
    }

    #[test]
    fn changes_that_reach_other_pages_ask_for_everything() {
        let cases = [
            // Front matter: listings, feeds and theme pages show it.
            format!(
                "{}Tekst.\n",
                FRONT.replace("Een rapport", "Een ander rapport")
            ),
            // Recommendations: the recommendation pages list them.
            format!(
                "{FRONT}Tekst.\n\n{}",
                RECS.replace("intervisie", "supervisie")
            ),
            // An error: the whole build reports it with its place.
            format!("{FRONT}```bars\ntitle: x\n```\n"),
            // No front matter at all.
            "Tekst.\n".to_string(),
        ];
        for new in cases {
            let (result, content) = change(&format!("Tekst.\n\n{RECS}"), &new);
            assert_eq!(result, Change::Everything, "{new}");
            assert!(
                content.reports[0]
                    .common
                    .body
                    .markdown
                    .contains("intervisie"),
                "the model is left as it was for {new}"
            );
        }
    }

    #[test]
    fn a_body_with_the_same_recommendations_stays_on_its_page() {
        let (result, _) = change(
            &format!("Tekst.\n\n{RECS}"),
            &format!("{FRONT}Andere tekst.\n\n{RECS}"),
        );
        assert!(matches!(result, Change::ReportBody { .. }), "{result:?}");
    }

    #[test]
    fn other_files_ask_for_everything() {
        let (_dir, config, mut sources, mut content) = site("Tekst.\n");
        for (path, text) in [
            ("content/personas/nora.md", PERSONA.replace("27", "28")),
            (
                "content/_index.md",
                "---\ntitle: Start\n---\nWelkom.\n".to_string(),
            ),
            (
                "content/rapporten/nieuw.md",
                "---\ntitle: Nieuw\ntype: report\nsummary: Nieuw.\n---\n".to_string(),
            ),
        ] {
            let result = reparse(&config, &mut sources, &mut content, Path::new(path), text);
            assert_eq!(result, Change::Everything, "{path}");
        }
    }
}
