//! `kennis build`: load → model → render → commit, and the exit code.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use crate::config::{self, Overrides};
use crate::diag::Diagnostics;
use crate::{load, model, output, render};

/// Options of `kennis build`, resolved.
#[derive(Debug, Clone)]
pub(crate) struct BuildOptions {
    pub(crate) root: PathBuf,
    pub(crate) out: Option<PathBuf>,
    pub(crate) overrides: Overrides,
    pub(crate) drafts: bool,
}

/// Prints diagnostics to stderr, errors and warnings alike.
pub(crate) fn report(diags: &Diagnostics) {
    for d in diags.sorted() {
        eprint!("{}", d.render());
        eprintln!();
    }
}

/// Runs a build; exit 0 on success, 1 on content errors or a failed write.
pub(crate) fn run(options: &BuildOptions) -> ExitCode {
    let started = Instant::now();
    let config = match config::load(&options.root, &options.overrides) {
        Ok(c) => c,
        Err(diags) => {
            report(&diags);
            eprintln!(
                "error: the build failed with {} error(s); the previous output is unchanged",
                diags.error_count()
            );
            return ExitCode::from(1);
        }
    };
    let (sources, mut diags) = load::load(&config.root);
    let (content, model_diags) = model::build(&config, &sources, options.drafts);
    diags.extend(model_diags.sorted().into_iter().cloned());
    let sites: Vec<model::Site<'_>> = config.sites.iter().map(|s| content.site(s)).collect();
    for site in &sites {
        diags.extend(site.check_nav());
    }
    if diags.has_errors() {
        report(&diags);
        eprintln!(
            "error: the build failed with {} error(s); the previous output is unchanged",
            diags.error_count()
        );
        return ExitCode::from(1);
    }
    if !diags.is_empty() {
        report(&diags);
    }
    let mut rendered = Vec::new();
    for site in &sites {
        match render::render(site, &config.language) {
            Ok(outputs) => rendered.push((site.config.name.clone(), outputs)),
            Err(e) => {
                eprintln!("error: site `{}`: {e}", site.config.name);
                eprintln!("error: the build failed; the previous output is unchanged");
                return ExitCode::from(1);
            }
        }
    }
    let out_dir = options
        .out
        .clone()
        .unwrap_or_else(|| config.root.join("output"));
    if let Err(e) = output::commit(&rendered, &out_dir) {
        eprintln!("error: {e}");
        eprintln!("error: the build failed; the previous output is unchanged");
        return ExitCode::from(1);
    }
    for (site, (name, outputs)) in sites.iter().zip(&rendered) {
        let graphics = outputs.iter().filter(|o| o.path.ends_with(".png")).count();
        eprintln!(
            "built {name}: {} reports, {} personas, {} pages, {graphics} graphics → {}",
            site.reports.len(),
            site.personas.len(),
            site.pages.len(),
            out_dir.join(name).display()
        );
    }
    eprintln!("done in {} ms", started.elapsed().as_millis());
    ExitCode::SUCCESS
}
