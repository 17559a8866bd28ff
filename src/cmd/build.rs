//! `kennis build`: load → model → render → commit, and the exit code.
//!
//! The stages are also offered one level up for the other commands: `analyse` (config is
//! already loaded; load + model, no rendering) for `check`, `build_sites` (analyse + render, in
//! memory) for `serve`. `Progress` is the progress bar every long command shows on a terminal.

use std::borrow::Cow;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::config::{self, Config, Overrides};
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::Sources;
use crate::model::Content;
use crate::render::Output;
use crate::{load, model, output, render};

/// Where builds keep what they can reuse (the PNGs of the graphics), below the site root.
pub(crate) const CACHE_DIR: &str = ".kennis-cache";

/// Options of `kennis build`, resolved.
#[derive(Debug, Clone)]
pub(crate) struct BuildOptions {
    pub(crate) root: PathBuf,
    pub(crate) out: Option<PathBuf>,
    pub(crate) overrides: Overrides,
    pub(crate) drafts: bool,
}

/// Whether diagnostics on stderr may be coloured: stderr is a terminal and `NO_COLOR` is unset.
pub(crate) fn colour() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Prints diagnostics to stderr, errors and warnings alike.
pub(crate) fn report(diags: &Diagnostics) {
    let colour = colour();
    for d in diags.sorted() {
        if colour {
            eprint!("{}", d.render_styled(true));
        } else {
            eprint!("{}", d.render());
        }
        eprintln!();
    }
}

/// The steps of a long command on a progress bar on stderr. It stays hidden when stderr is not
/// a terminal, and appears only once the command has run for a second, so quick builds print
/// nothing extra.
#[derive(Debug, Clone)]
pub(crate) struct Progress {
    bar: ProgressBar,
}

impl Progress {
    /// A bar of `steps` steps, shown after a second if stderr is a terminal.
    pub(crate) fn start(steps: u64) -> Progress {
        let bar = ProgressBar::with_draw_target(Some(steps), ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("{spinner} [{bar:24}] {pos}/{len} {msg}") {
            bar.set_style(style.progress_chars("=> "));
        }
        if std::io::stderr().is_terminal() {
            let later = bar.clone();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_secs(1));
                if !later.is_finished() {
                    later.set_draw_target(ProgressDrawTarget::stderr());
                    later.enable_steady_tick(Duration::from_millis(120));
                }
            });
        }
        Progress { bar }
    }

    /// A bar that is never drawn.
    pub(crate) fn hidden() -> Progress {
        Progress {
            bar: ProgressBar::hidden(),
        }
    }

    /// Starts the next step, named `what` ("rendering kennisnetwerk").
    pub(crate) fn step(&self, what: impl Into<Cow<'static, str>>) {
        if self.bar.position() > 0 || !self.bar.message().is_empty() {
            self.bar.inc(1);
        }
        self.bar.set_message(what);
    }

    /// Sets the number of steps once it is known.
    pub(crate) fn set_steps(&self, steps: u64) {
        self.bar.set_length(steps);
    }

    /// Removes the bar, before the command prints its result.
    pub(crate) fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// Reads the content and builds the model: every diagnostic that `build` would report before
/// rendering. The `Content` is complete even when there are errors (entries with errors are
/// left out of it).
pub(crate) fn analyse(config: &Config, drafts: bool) -> (Sources, Content, Diagnostics) {
    let (sources, mut diags) = load::load(&config.root);
    diags.extend(config.warnings.iter().cloned());
    let (content, model_diags) = model::build(config, &sources, drafts);
    diags.extend(model_diags.sorted().into_iter().cloned());
    (sources, content, diags)
}

/// Every site of a successful build, in memory.
#[derive(Debug)]
pub(crate) struct Built {
    /// Per site (in `config.sites` order): its name and its files.
    pub(crate) sites: Vec<(String, Vec<Output>)>,
    /// Warnings of the content (the build has no errors).
    pub(crate) warnings: Diagnostics,
    /// One line per site: what it holds.
    pub(crate) summary: Vec<String>,
}

/// What a build read and made of it, which `serve` keeps to update file by file.
#[derive(Debug)]
pub(crate) struct Model {
    pub(crate) sources: Sources,
    pub(crate) content: Content,
}

/// Loads, checks and renders every site of `config` in memory, and returns the sites with the
/// model they came from; `Err` holds the diagnostics when the content has errors or a site
/// cannot be rendered. Writes nothing.
pub(crate) fn build_sites(
    config: &Config,
    drafts: bool,
    progress: &Progress,
) -> Result<(Built, Model), Diagnostics> {
    progress.step("loading content");
    let started = Instant::now();
    let (sources, content, diags) = analyse(config, drafts);
    render::timing("load and model", started);
    if diags.has_errors() {
        return Err(diags);
    }
    let mut sites = Vec::new();
    let mut summary = Vec::new();
    // The sites in parallel: each has its own pages, graphics and search index.
    progress.step("rendering");
    let rendered: Vec<_> = config
        .sites
        .par_iter()
        .map(|site_config| {
            let site = content.site(site_config);
            let outputs = render::render(&site, &config.language);
            let counts = (site.reports.len(), site.personas.len(), site.pages.len());
            (site_config, outputs, counts)
        })
        .collect();
    for (site_config, result, (reports, personas, pages)) in rendered {
        let name = &site_config.name;
        progress.step(format!("rendered {name}"));
        match result {
            Ok(outputs) => {
                let graphics = outputs.iter().filter(|o| o.path.ends_with(".png")).count();
                summary.push(format!(
                    "{name}: {reports} reports, {personas} personas, {pages} pages, {graphics} graphics",
                ));
                sites.push((name.clone(), outputs));
            }
            Err(e) => {
                let mut all = Diagnostics::default();
                all.push(Diagnostic::error(format!("site `{name}`: {e}")).with_hint(
                    "this is a problem of the theme's templates or of kennis, not of the content",
                ));
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

fn failed(diags: &Diagnostics) -> ExitCode {
    report(diags);
    eprintln!(
        "error: the build failed with {} error(s); the previous output is unchanged",
        diags.error_count()
    );
    ExitCode::from(1)
}

/// Runs a build; exit 0 on success, 1 on content errors or a failed write.
pub(crate) fn run(options: &BuildOptions) -> ExitCode {
    let started = Instant::now();
    let progress = Progress::start(4);
    progress.step("reading site.yaml and themes");
    let config = match config::load(&options.root, &options.overrides) {
        Ok(c) => c,
        Err(diags) => {
            progress.finish();
            return failed(&diags);
        }
    };
    // Config, content, rendering, one step per site, writing.
    progress.set_steps(4 + config.sites.len() as u64);
    let _ = crate::raster::use_disk_cache(config.root.join(CACHE_DIR).join("png"));
    render::search::use_cache(config.root.join(CACHE_DIR).join("search"));
    let built = match build_sites(&config, options.drafts, &progress) {
        // The model is dropped here, before the files are written.
        Ok((built, _)) => built,
        Err(diags) => {
            progress.finish();
            return failed(&diags);
        }
    };
    let out_dir = options
        .out
        .clone()
        .unwrap_or_else(|| config.root.join("output"));
    progress.step("writing");
    let writing = Instant::now();
    let written = output::commit(&built.sites, &out_dir);
    render::timing("writing", writing);
    progress.finish();
    if !built.warnings.is_empty() {
        report(&built.warnings);
    }
    if options.overrides.site.is_none() {
        // Every site was built, so every graphic still in use was asked for.
        crate::raster::prune_disk_cache();
    }
    if let Err(e) = written {
        eprintln!("error: {e}");
        eprintln!("error: the build failed; the previous output is unchanged");
        return ExitCode::from(1);
    }
    for ((name, _), line) in built.sites.iter().zip(&built.summary) {
        eprintln!("built {line} → {}", out_dir.join(name).display());
    }
    eprintln!("done in {} ms", started.elapsed().as_millis());
    ExitCode::SUCCESS
}
