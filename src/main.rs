//! The `kennis` command line: parses the arguments (clap), runs the command and turns its
//! outcome into the exit code (`diag::Outcome`). Everything else is in the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use kennis::{cmd, config, messages};

/// A build allocates many small strings from two threads; mimalloc does that faster than the
/// system allocator (a full build of 10,000 pages spent about a fifth of its time in malloc).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Static site generator for research summaries and accessible infographics.
///
/// Editors write Markdown with YAML front matter and infographic blocks in content/;
/// kennis builds every site of site.yaml into output/<site>/.
#[derive(Debug, Parser)]
#[command(name = "kennis", version, about, long_about)]
struct Cli {
    /// The language of every message: nl or en [default: KENNIS_LANG, else the language of
    /// site.yaml, else nl].
    #[arg(long, global = true, value_name = "LANG", value_parser = cmd::parse_language)]
    lang: Option<messages::Language>,
    #[command(subcommand)]
    command: Command,
}

/// The language of the messages of the command line itself, before it is parsed (the checks of
/// `--title`, `SLUG`, ...): a `--lang` among the arguments, else `KENNIS_LANG`, else the
/// site.yaml of `--root` (or of the current folder), else Dutch.
fn language_before_parsing() -> messages::Language {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |name: &str| -> Option<&str> {
        let with_equals = format!("{name}=");
        args.iter().enumerate().find_map(|(i, a)| {
            if a == name {
                args.get(i + 1).map(String::as_str)
            } else {
                a.strip_prefix(&with_equals)
            }
        })
    };
    let flag = value("--lang").and_then(messages::Language::from_code);
    let root = if args.iter().any(|a| a == "init") && value("--root").is_none() {
        None
    } else {
        Some(PathBuf::from(value("--root").unwrap_or(".")))
    };
    messages::choose(flag, root.as_deref())
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
    /// Build and serve the sites on 127.0.0.1, rebuilding and reloading the page on every save.
    ///
    /// Watches content/, themes/ and site.yaml. Each site gets its own port: the first gets
    /// --port, the next --port + 1, and so on (0 picks free ports); the addresses are printed.
    /// Nothing is written to output/: the sites are served from memory. A save that changes
    /// only a report's body re-renders that report alone (the search index follows a few
    /// seconds later); other changes rebuild everything. When a change has an error, the pages
    /// show it and the last good build is still served. Ctrl-C stops.
    Serve {
        /// Folder that holds site.yaml, content/ and themes/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Serve only this site.
        #[arg(long)]
        site: Option<String>,
        /// Port of the first site.
        #[arg(long, default_value_t = 3000)]
        port: u16,
    },
    /// Check the content without building: everything build checks, plus links, anchors,
    /// image alt text, theme contrast, infographic data and readability.
    ///
    /// Exit code 0 when there are no errors (warnings are advice), 1 when there are errors,
    /// 2 on usage errors. Nothing is written unless --report is given.
    Check {
        /// Folder that holds site.yaml, content/ and themes/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// How to print the findings: text (on stderr) or json (an array on stdout, with
        /// rule, severity, file, line, column, message and hint).
        #[arg(long, value_enum, default_value_t = cmd::check::Format::Text)]
        format: cmd::check::Format,
        /// Also write an HTML report of what was checked, per page [default FILE:
        /// ROOT/output/kennis-check-report.html].
        #[arg(long, value_name = "FILE")]
        report: Option<Option<PathBuf>>,
        /// Also check entries marked `draft: true`.
        #[arg(long)]
        drafts: bool,
    },
    /// Start a new site in DIR: site.yaml, content with an example of every infographic, a
    /// persona, an about page, an accessibility statement to fill in, .gitignore and a GitHub
    /// Pages workflow.
    ///
    /// The site builds and passes `kennis check` as it is. DIR must be new or empty; anything
    /// else is refused (exit 1) and nothing is changed. Without --title or --base-url, kennis
    /// asks for them on a terminal; otherwise it writes placeholders that `kennis check` warns
    /// about until they are replaced in site.yaml. The site's name in site.yaml (and its folder
    /// in output/) is the name of DIR.
    Init {
        /// The folder to create the site in (new or empty).
        dir: PathBuf,
        /// The site's name, at the top of every page.
        #[arg(long, value_parser = cmd::init::parse_title)]
        title: Option<String>,
        /// The address the site will be published at, e.g. https://www.example.nl/.
        #[arg(long, value_parser = cmd::init::parse_base_url)]
        base_url: Option<String>,
        /// A built-in theme: kennisnetwerk or platform.
        #[arg(long, default_value = "kennisnetwerk", value_parser = cmd::init::parse_theme)]
        theme: String,
    },
    /// Write a commented starter file for a new report, persona or page.
    ///
    /// report → content/rapporten/SLUG/index.md, persona → content/personas/SLUG.md,
    /// page → content/paginas/SLUG.md. The starter builds as it is. An existing file is never
    /// overwritten (exit 1). A SLUG that is not lower-case letters, digits and `-` is a usage
    /// error (exit 2).
    New {
        /// What to start.
        #[arg(value_enum)]
        kind: cmd::new::Kind,
        /// The name in the URL: lower-case letters, digits and `-` (e.g. `al-doende-leren`).
        #[arg(value_parser = cmd::new::parse_slug)]
        slug: String,
        /// Folder that holds site.yaml, content/ and themes/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

fn main() -> ExitCode {
    messages::set(language_before_parsing());
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // A value kennis refused (a slug, a title, a base URL): said in the run's language.
        // Clap's own errors (an unknown option) and --help stay English.
        Err(e) if e.kind() == clap::error::ErrorKind::ValueValidation => {
            let context = |kind| e.get(kind).map(ToString::to_string).unwrap_or_default();
            let reason = std::error::Error::source(&e)
                .map(ToString::to_string)
                .unwrap_or_default();
            cmd::print_invalid_value(
                &context(clap::error::ContextKind::InvalidValue),
                &context(clap::error::ContextKind::InvalidArg),
                &reason,
            );
            return ExitCode::from(2);
        }
        Err(e) => e.exit(),
    };
    let root = match &cli.command {
        Command::Build { root, .. }
        | Command::Serve { root, .. }
        | Command::Check { root, .. }
        | Command::New { root, .. } => Some(root.as_path()),
        Command::Init { .. } => None,
    };
    messages::set(messages::choose(cli.lang, root));
    let outcome = match cli.command {
        Command::Build {
            root,
            out,
            site,
            base_url,
            drafts,
        } => cmd::build::run(&cmd::build::BuildOptions {
            root,
            out,
            overrides: config::Overrides {
                site,
                base_url,
                ..config::Overrides::default()
            },
            drafts,
        }),
        Command::Serve { root, site, port } => {
            cmd::serve::run(&cmd::serve::ServeOptions { root, site, port })
        }
        Command::Check {
            root,
            format,
            report,
            drafts,
        } => {
            let report =
                report.map(|file| file.unwrap_or_else(|| cmd::check::default_report_path(&root)));
            cmd::check::run(&cmd::check::CheckOptions {
                root,
                format,
                report,
                drafts,
            })
        }
        Command::Init {
            dir,
            title,
            base_url,
            theme,
        } => cmd::init::run(&cmd::init::InitOptions {
            dir,
            title,
            base_url,
            theme,
        }),
        Command::New { kind, slug, root } => {
            cmd::new::run(&cmd::new::NewOptions { root, kind, slug })
        }
    };
    ExitCode::from(outcome.exit_code())
}
