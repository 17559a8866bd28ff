//! The model after files changed, for `kennis serve`. A change that can only show on its own
//! page (a report's body, under the same front matter and with the same recommendations) gives
//! a new model with that report's body replaced, sharing every other entry with the old one;
//! anything else asks for the whole model again, which is also what finds and reports every
//! error. The model it is given is never changed.

use std::path::Path;
use std::sync::Arc;

use super::{Body, Content, body, entry, resolve_persona};
use crate::blocks::{Block, Resolve, recommendations};
use crate::config::Config;
use crate::load::Sources;
use crate::source::SourceFile;

/// What a changed file means for the site.
#[derive(Debug)]
pub(crate) enum Change {
    /// The file reads as it did.
    Unchanged,
    /// Only the body of `Content::reports[index]` changed, so only that report's page, its
    /// social card and its graphics can differ: the sources and content with the new body,
    /// and the paths (in the site's output) of the figure files the report no longer has.
    ReportBody {
        sources: Box<Sources>,
        content: Box<Content>,
        index: usize,
        gone: Vec<String>,
    },
    /// Anything else: build the model again.
    Everything,
}

/// What the new `text` of the content file at `path` (relative to the site root, as in
/// `Sources`) does to `sources` and `content`. `Change::Everything` for a new file, front
/// matter that changed, an entry other than a report, recommendations that changed (the
/// recommendation pages list them) and any diagnostic.
pub(crate) fn reparse(
    config: &Config,
    sources: &Sources,
    content: &Content,
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
    let file = Arc::new(SourceFile::new(path.to_path_buf(), text));
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
    let resolve = |id: &str| resolve_persona(&content.cards, id);
    let refs = Resolve {
        personas: &resolve,
        audiences: &config.audiences,
    };
    let (new_body, diags) = body::parse(&file, head.body_start..file.text.len(), &refs);
    let old_body = &content.reports[index].common.body;
    if !diags.is_empty() || recommendation_lists(old_body) != recommendation_lists(&new_body) {
        return Change::Everything;
    }
    let files = |body: &Body| -> Vec<String> {
        let url = &content.reports[index].common.url;
        body.figures
            .iter()
            .flat_map(|f| super::routes::files_of_figure(url, f))
            .collect()
    };
    let kept = files(&new_body);
    let gone = files(old_body)
        .into_iter()
        .filter(|path| !kept.contains(path))
        .collect();
    let mut report = (*content.reports[index]).clone();
    report.common.body = new_body;
    let mut content = content.clone();
    content.reports[index] = Arc::new(report);
    let mut sources = sources.clone();
    sources.pages[slot] = file;
    Change::ReportBody {
        sources: Box::new(sources),
        content: Box::new(content),
        index,
        gone,
    }
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
        assert!(!diags.has_errors(), "{diags:?}");
        let (content, diags) = super::super::build(&config, &sources, false);
        assert!(!diags.has_errors(), "{:?}", diags.sorted());
        (dir, config, sources, content)
    }

    /// The change, and the content before it (which must be left as it was).
    fn change(body: &str, new: &str) -> (Change, Content) {
        let (_dir, config, sources, content) = site(body);
        let result = reparse(
            &config,
            &sources,
            &content,
            Path::new(REPORT),
            new.to_string(),
        );
        (result, content)
    }

    #[test]
    fn a_new_body_replaces_the_old_one_in_place() {
        let (result, before) = change(
            "## Aanleiding\n\nEerst.\n",
            &format!("{FRONT}## Aanleiding\n\nDaarna.\n"),
        );
        let Change::ReportBody {
            content,
            index: 0,
            gone,
            ..
        } = result
        else {
            panic!("{result:?}")
        };
        assert!(gone.is_empty());
        assert!(content.reports[0].common.body.markdown.contains("Daarna."));
        assert!(before.reports[0].common.body.markdown.contains("Eerst."));
        // Everything else is shared, not copied.
        assert!(Arc::ptr_eq(&content.personas[0], &before.personas[0]));
    }

    #[test]
    fn graphics_that_are_gone_are_named() {
        let steps = |title: &str| {
            format!("```steps\ntitle: {title}\nitems: [{{title: Samen leren}}]\n```\n\n")
        };
        let quote = "```quote\ntext: Tijd helpt.\nwho: Deelnemer\n```\n";
        let two = format!("{}{}{quote}", steps("Een"), steps("Twee"));
        let one = format!("{}{quote}", steps("Een"));
        let (result, _) = change(&two, &format!("{FRONT}{one}"));
        let Change::ReportBody { content, gone, .. } = result else {
            panic!("{result:?}")
        };
        assert_eq!(
            gone,
            ["rapporten/r/figuur-2.svg", "rapporten/r/figuur-2.png"]
        );
        assert_eq!(content.reports[0].common.body.figures.len(), 2);
    }

    #[test]
    fn the_same_text_is_no_change() {
        let (result, _) = change("Tekst.\n", &format!("{FRONT}Tekst.\n"));
        assert!(matches!(result, Change::Unchanged), "{result:?}");
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
            assert!(matches!(result, Change::Everything), "{new}");
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
        let (_dir, config, sources, content) = site("Tekst.\n");
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
            let result = reparse(&config, &sources, &content, Path::new(path), text);
            assert!(matches!(result, Change::Everything), "{path}");
        }
    }
}
