//! The pipeline that `kennis build` and `kennis serve` run: load → model → render, in memory,
//! and the same on fewer inputs when files change under `serve`. Writing (`output::commit`),
//! printing and watching are the commands' own.
//!
//! - `analyse`: load and model, every diagnostic a build would report before rendering (also
//!   what `kennis check` reads);
//! - `build`: `analyse`, then every site resolved (`Content::site`) and rendered;
//! - `apply`: a burst of saved files applied to the last good model, when they change one
//!   report's body alone; the new model and that report's files, or "build everything".

use std::path::PathBuf;
use std::time::Instant;

use rayon::prelude::*;

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::Sources;
use crate::messages::{self, Text, counted};
use crate::model::Content;
use crate::model::reparse::{Change, reparse};
use crate::render::{self, Context, Output};
use crate::{load, model, raster};

/// Where builds keep what they can reuse (PNGs and search indexes), below the site root.
pub(crate) const CACHE_DIR: &str = ".kennis-cache";

/// The caches of a build, made by the command and pruned by it once the output is written.
#[derive(Debug)]
pub(crate) struct Caches {
    /// Rendered PNGs.
    pub(crate) pngs: raster::Cache,
    /// Search index shards.
    pub(crate) search: render::search::Cache,
}

impl Caches {
    /// The caches in `root/.kennis-cache/`. Without a folder there, PNGs are kept in memory
    /// when `memory` is set (for a long-running command) and not at all otherwise; with
    /// `memory`, the search index is read from its cache into memory.
    pub(crate) fn in_root(root: &std::path::Path, memory: bool) -> Caches {
        let dir = root.join(CACHE_DIR);
        let pngs = match raster::Cache::on_disk(dir.join("png")) {
            Some(cache) => cache,
            None if memory => raster::Cache::in_memory(),
            None => raster::Cache::none(),
        };
        Caches {
            pngs,
            search: render::search::Cache::in_dir(dir.join("search"), memory),
        }
    }

    /// Removes what the builds since the caches were made did not use. Call it only after
    /// every site was built and written.
    pub(crate) fn prune(&self, sites: &[&str]) {
        self.pngs.prune();
        self.search.prune(sites);
    }
}

/// What a build read and made of it, which `serve` keeps to apply changes to.
#[derive(Debug, Clone)]
pub(crate) struct Model {
    pub(crate) sources: Sources,
    pub(crate) content: Content,
}

/// Every site of a successful build, in memory.
#[derive(Debug)]
pub(crate) struct Built {
    /// Per site (in `config.sites` order): its name and its files.
    pub(crate) sites: Vec<(String, Vec<Output>)>,
    /// Warnings of the content (the build has no errors).
    pub(crate) warnings: Diagnostics,
    /// Per site: what it holds ("3 reports, one persona, 2 pages, 29 graphics").
    pub(crate) summary: Vec<Text>,
}

/// Reads the content and builds the model: every diagnostic that `build` would report before
/// rendering, the errors of every site's routes included. The `Content` is complete even when
/// there are errors (entries with errors are left out of it).
pub(crate) fn analyse(config: &Config, drafts: bool) -> (Sources, Content, Diagnostics) {
    let started = Instant::now();
    let (sources, mut diags) = load::load(&config.root);
    render::timing("reading", started);
    diags.extend(config.warnings.iter().cloned());
    let (content, model_diags) = model::build(config, &sources, drafts);
    diags.extend(model_diags.sorted().into_iter().cloned());
    for site in &config.sites {
        let (_, route_diags) = content.site(site, config);
        diags.extend(route_diags);
    }
    (sources, content, diags)
}

/// Loads, checks and renders every site of `config` in memory, and returns the sites with the
/// model they came from; `Err` holds the diagnostics when the content has errors or a site
/// cannot be rendered. Writes nothing but cache entries. `step` is told what starts.
pub(crate) fn build(
    config: &Config,
    drafts: bool,
    caches: &Caches,
    preview: bool,
    step: &dyn Fn(Text),
) -> Result<(Built, Model), Diagnostics> {
    step(messages::progress_loading_content());
    let started = Instant::now();
    let (sources, content, diags) = analyse(config, drafts);
    render::timing("load and model", started);
    if diags.has_errors() {
        return Err(diags);
    }
    let context = Context {
        language: &config.language,
        pngs: &caches.pngs,
        search: &caches.search,
        preview,
    };
    step(messages::progress_rendering());
    // The sites in parallel: each has its own pages, graphics and search index.
    let rendered: Vec<_> = config
        .sites
        .par_iter()
        .map(|site_config| {
            let (site, _) = content.site(site_config, config);
            let outputs = render::render(&site, &context);
            let counts = (site.reports.len(), site.personas.len(), site.pages.len());
            (site_config, outputs, counts)
        })
        .collect();
    let mut sites = Vec::new();
    let mut summary = Vec::new();
    for (site_config, result, (reports, personas, pages)) in rendered {
        let name = &site_config.name;
        step(messages::progress_rendered(name));
        match result {
            Ok(outputs) => {
                let graphics = outputs.iter().filter(|o| o.path.ends_with(".png")).count();
                summary.push(contents(reports, personas, pages, graphics));
                sites.push((name.clone(), outputs));
            }
            Err(e) => {
                let mut all = Diagnostics::default();
                all.push(
                    Diagnostic::error(messages::site_render_failed(name, e))
                        .with_hint(messages::site_render_failed_hint()),
                );
                return Err(all);
            }
        }
    }
    let built = Built {
        sites,
        warnings: diags,
        summary,
    };
    Ok((built, Model { sources, content }))
}

/// What a site holds, counted: "3 reports, one persona, 2 pages, 29 graphics".
fn contents(reports: usize, personas: usize, pages: usize, graphics: usize) -> Text {
    messages::site_contents(
        counted(reports, messages::count_report_one, messages::count_reports),
        counted(
            personas,
            messages::count_persona_one,
            messages::count_personas,
        ),
        counted(pages, messages::count_page_one, messages::count_pages),
        counted(
            graphics,
            messages::count_graphic_one,
            messages::count_graphics,
        ),
    )
}

/// What a burst of saves does.
#[derive(Debug)]
pub(crate) enum Applied {
    /// No file reads differently.
    Unchanged,
    /// Only report bodies changed: the new model, and per site that shows one of them its
    /// new files and the paths of files that are gone.
    Pages {
        model: Box<Model>,
        sites: Vec<SiteChange>,
    },
    /// Build everything again.
    Rebuild,
}

/// The files of one site that a change replaces or removes.
#[derive(Debug)]
pub(crate) struct SiteChange {
    /// The site's name.
    pub(crate) site: String,
    /// New or changed files.
    pub(crate) outputs: Vec<Output>,
    /// Paths of files that are gone.
    pub(crate) gone: Vec<String>,
}

/// Applies the saved files `changed` (relative to the root, with their new text) to `model`
/// when each changes a report's body alone (see `model::reparse`), and renders that report's
/// page, card and graphics on every site that shows it. `model` is not changed.
pub(crate) fn apply(
    config: &Config,
    model: &Model,
    changed: Vec<(PathBuf, String)>,
    caches: &Caches,
    preview: bool,
) -> Applied {
    let mut next = model.clone();
    let mut reports = Vec::new();
    for (path, text) in changed {
        match reparse(config, &next.sources, &next.content, &path, text) {
            Change::Unchanged => {}
            Change::ReportBody {
                sources,
                content,
                index,
                gone,
            } => {
                next = Model {
                    sources: *sources,
                    content: *content,
                };
                reports.push((index, gone));
            }
            Change::Everything => return Applied::Rebuild,
        }
    }
    if reports.is_empty() {
        return Applied::Unchanged;
    }
    let context = Context {
        language: &config.language,
        pngs: &caches.pngs,
        search: &caches.search,
        preview,
    };
    let mut sites = Vec::new();
    for site_config in &config.sites {
        let (site, _) = next.content.site(site_config, config);
        let mut outputs = Vec::new();
        let mut gone_paths = Vec::new();
        for (index, gone) in &reports {
            let report = &next.content.reports[*index];
            if !site.reports.iter().any(|r| std::ptr::eq(*r, &**report)) {
                continue;
            }
            match render::report_outputs(&site, &context, report) {
                Ok(files) => outputs.extend(files),
                Err(_) => return Applied::Rebuild,
            }
            gone_paths.extend(gone.iter().cloned());
        }
        if !outputs.is_empty() {
            sites.push(SiteChange {
                site: site_config.name.clone(),
                outputs,
                gone: gone_paths,
            });
        }
    }
    Applied::Pages {
        model: Box::new(next),
        sites,
    }
}

/// The search index of a site over `files` (its pages by path), for `serve`, whose search
/// index follows an applied change on a thread of its own.
pub(crate) fn search_index<'a>(
    site: &str,
    language: &str,
    files: impl Iterator<Item = (&'a str, &'a render::Data)>,
    caches: &Caches,
) -> Result<Vec<Output>, render::RenderError> {
    let pages = render::search::indexed_pages(files);
    render::search::shards(site, language, pages, &caches.search).map(|(index, _)| index)
}

#[cfg(test)]
mod tests {
    use super::contents;
    use crate::messages::{Language, speaking};

    #[test]
    fn the_contents_of_a_site_are_counted_in_the_language_of_the_run() {
        assert_eq!(
            contents(3, 1, 2, 29).as_str(),
            "3 rapporten, één persona, 2 pagina's, 29 afbeeldingen"
        );
        assert_eq!(
            contents(1, 0, 1, 1).as_str(),
            "één rapport, 0 persona's, één pagina, één afbeelding"
        );
        let english = speaking(Language::English, || contents(3, 1, 2, 29));
        assert_eq!(
            english.as_str(),
            "3 reports, one persona, 2 pages, 29 graphics"
        );
    }
}
