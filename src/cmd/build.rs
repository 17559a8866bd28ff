//! `kennis build`: config → `pipeline::build` → `output::commit` → cache pruning, and what is
//! printed. `Progress` is the progress bar every long command shows on a terminal.

use std::borrow::Cow;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::config::{self, Overrides};
use crate::diag::{self, Outcome};
use crate::messages::{self, Text};
use crate::pipeline::{self, Caches};
use crate::{output, render};

/// Options of `kennis build`, resolved.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Folder that holds site.yaml, content/ and themes/.
    pub root: PathBuf,
    /// Output folder; `None` is `root/output`.
    pub out: Option<PathBuf>,
    /// What the command line changes of site.yaml.
    pub overrides: Overrides,
    /// Whether entries marked `draft: true` are built.
    pub drafts: bool,
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

    /// Starts the next step, named `what` ("rendering kennisnetwerk").
    pub(crate) fn step(&self, what: Text) {
        if self.bar.position() > 0 || !self.bar.message().is_empty() {
            self.bar.inc(1);
        }
        self.bar.set_message(Cow::Owned(String::from(what)));
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

/// Prints why the output could not be written (with what to do, when the editor can fix it).
fn failed_writing(e: &output::OutputError) -> Outcome {
    let mut diags = diag::Diagnostics::default();
    let d = diag::Diagnostic::error(e.message());
    diags.push(match e.hint() {
        Some(hint) => d.with_hint(hint),
        None => d,
    });
    diag::print(&diags);
    eprintln!(
        "{}: {}",
        messages::error_label(),
        messages::build_failed_writing()
    );
    Outcome::Failed
}

/// Runs a build; exit 0 on success, 1 on content errors or a failed write.
pub fn run(options: &BuildOptions) -> Outcome {
    let started = Instant::now();
    let progress = Progress::start(4);
    progress.step(messages::progress_reading_config());
    let config = match config::load(&options.root, &options.overrides) {
        Ok(c) => c,
        Err(diags) => {
            progress.finish();
            return diag::failed_build(&diags);
        }
    };
    let out_dir = options
        .out
        .clone()
        .unwrap_or_else(|| config.root.join("output"));
    // One build at a time per output folder (a second one waits here), held to the end.
    let _lock = match output::lock(&out_dir, |line| eprintln!("{line}")) {
        Ok(lock) => lock,
        Err(e) => {
            progress.finish();
            return failed_writing(&e);
        }
    };
    // Config, content, rendering, one step per site, writing.
    progress.set_steps(4 + config.sites.len() as u64);
    let caches = Caches::in_root(&config.root, false);
    let step = |what: Text| progress.step(what);
    let built = match pipeline::build(&config, options.drafts, &caches, false, &step) {
        // The model is dropped here, before the files are written.
        Ok((built, _)) => built,
        Err(diags) => {
            progress.finish();
            return diag::failed_build(&diags);
        }
    };
    progress.step(messages::progress_writing());
    let writing = Instant::now();
    let written = output::commit(&built.sites, &out_dir);
    render::timing("writing", writing);
    progress.finish();
    diag::print(&built.warnings);
    if options.overrides.site.is_none() {
        // Every site was built, so every cache entry still in use was asked for.
        let names: Vec<&str> = built.sites.iter().map(|(n, _)| n.as_str()).collect();
        caches.prune(&names);
    }
    if let Err(e) = written {
        return failed_writing(&e);
    }
    for ((name, _), contents) in built.sites.iter().zip(&built.summary) {
        let folder = out_dir.join(name);
        eprintln!("{}", messages::built_site(name, contents, folder.display()));
    }
    eprintln!("{}", messages::done_in(started.elapsed().as_millis()));
    Outcome::Success
}

#[cfg(test)]
mod tests {
    use crate::messages::{self, Language, counted, speaking};

    #[test]
    fn the_summary_of_a_build_is_dutch_by_default() {
        let contents = messages::site_contents(
            counted(3, messages::count_report_one, messages::count_reports),
            counted(1, messages::count_persona_one, messages::count_personas),
            counted(2, messages::count_page_one, messages::count_pages),
            counted(29, messages::count_graphic_one, messages::count_graphics),
        );
        let line = messages::built_site("kennisnetwerk", &contents, "./output/kennisnetwerk");
        assert_eq!(
            line.as_str(),
            "kennisnetwerk gebouwd: 3 rapporten, één persona, 2 pagina's, 29 afbeeldingen → ./output/kennisnetwerk"
        );
        assert_eq!(messages::done_in(473).as_str(), "klaar in 473 ms");
        let english = speaking(Language::English, || messages::done_in(473));
        assert_eq!(english.as_str(), "done in 473 ms");
    }
}
