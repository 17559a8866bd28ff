//! kennis: a static site generator for research summaries and accessible infographics.
//!
//! The pipeline runs one way: `config` and `load` read the site, `model` checks and resolves it,
//! `render` turns it into files, `output` writes them atomically. `cmd` holds the glue per
//! command; this file parses the command line and maps results to exit codes 0/1/2.

mod blocks;
mod cmd;
mod config;
mod diag;
mod font;
mod load;
mod markup;
mod model;
mod output;
mod palette;
mod raster;
mod render;
mod source;
mod svg;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Static site generator for research summaries and accessible infographics.
///
/// Editors write Markdown with YAML front matter and infographic blocks in content/;
/// kennis builds every site of site.yaml into output/<site>/.
#[derive(Debug, Parser)]
#[command(name = "kennis", version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build every site in site.yaml (or one) into output/<site>/.
    ///
    /// Exit code 0 on success, 1 when the content has errors (all are listed) or the output
    /// cannot be written, 2 on usage errors. A failed build leaves the previous output as it was.
    Build {
        /// Folder that holds site.yaml, content/ and themes/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output folder [default: ROOT/output].
        #[arg(long)]
        out: Option<PathBuf>,
        /// Build only this site.
        #[arg(long)]
        site: Option<String>,
        /// Use this base URL instead of the one in site.yaml (e.g. for a preview host).
        #[arg(long)]
        base_url: Option<String>,
        /// Include entries marked `draft: true`.
        #[arg(long)]
        drafts: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            root,
            out,
            site,
            base_url,
            drafts,
        } => cmd::build::run(&cmd::build::BuildOptions {
            root,
            out,
            overrides: config::Overrides { site, base_url },
            drafts,
        }),
    }
}
