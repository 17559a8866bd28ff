//! Infographic blocks: the registry of block kinds, parsing a fenced block's YAML into a typed
//! `Block`, and the common shape every block module has.
//!
//! Each block module (`figures`, `bars`, ...) implements `BlockType`:
//! - `Raw`: what the editor writes (serde, unknown fields rejected) and `read` for its YAML;
//! - `check(Raw) -> Spec`: the checks serde cannot express (totals, counts) and what the block
//!   refers to (personas, audiences), resolved;
//! - `html(&Spec) -> markup::Element`: the block on the page, as HTML text styled by the theme
//!   (lists, tables, a quotation), with SVG only for shapes that carry no text;
//! - `layout(&Spec) -> svg::Drawing`: the fixed graphic for download (SVG and PNG), with title
//!   and description, in colour roles;
//! - `table` and `csv`: the same data as a table and as CSV, for blocks where that adds
//!   something;
//! - `NUMBERING` and `label`: how the block is numbered on its page (Tabel n, Figuur n, or not),
//!   and the source's own label when the editor writes one.
//!
//! `registry!` below is the one list of blocks: the `Kind` and `Block` enums, the info strings
//! and the dispatch over them are generated from it. This module must not know about pages or
//! output files.

pub(crate) mod bars;
pub(crate) mod figures;
pub(crate) mod flow;
pub(crate) mod matrix;
pub(crate) mod persona;
pub(crate) mod quadrant;
pub(crate) mod quote;
pub(crate) mod recommendations;
pub(crate) mod route;
pub(crate) mod steps;
pub(crate) mod values;

#[cfg(test)]
mod tests;

use crate::messages::Text;
use serde::de::DeserializeOwned;

use crate::csv::Csv;
use crate::diag::{Diagnostic, suggest};
use crate::markup::Element;
use crate::source::{SourceFile, parse_yaml};
use crate::svg::Drawing;

/// The shape every block module has.
pub(crate) trait BlockType {
    /// What the editor writes, as serde reads it.
    type Raw: DeserializeOwned;
    /// The checked block, with everything it refers to resolved.
    type Spec: std::fmt::Debug + Clone + PartialEq;
    /// How the block is numbered on its page.
    const NUMBERING: Numbering;
    /// Whether the block has a graphic to download (SVG and PNG).
    const IMAGE: bool = true;

    /// Reads the block's YAML; `what` names the block in errors.
    fn read(yaml: &str, file: &SourceFile, at: usize, what: &str) -> Result<Self::Raw, Diagnostic> {
        parse_yaml(file, at, yaml, what)
    }

    /// The checks serde cannot express, and what the block refers to resolved.
    fn check(raw: Self::Raw, resolve: &Resolve<'_>) -> Result<Self::Spec, Vec<Problem>>;

    /// The block's title, as its caption and its graphic show it.
    fn title(spec: &Self::Spec) -> String;

    /// The label the source gives it (`Tabel 3`), if the editor wrote one.
    fn label(_spec: &Self::Spec) -> Option<&str> {
        None
    }

    /// The caption the editor wrote, if any.
    fn caption(spec: &Self::Spec) -> Option<&str>;

    /// The graphic for download, laid out once; the theme's colours are chosen when it is
    /// written.
    fn layout(spec: &Self::Spec) -> Drawing;

    /// The block on the page: HTML text in lists and tables, styled by the theme, with SVG only
    /// for shapes that carry no text.
    fn html(spec: &Self::Spec, page: &PageContext<'_>) -> Element;

    /// The same data as a table, where a table adds something the page does not show.
    fn table(_spec: &Self::Spec) -> Option<Element> {
        None
    }

    /// The block's data as CSV, for blocks that hold data.
    fn csv(_spec: &Self::Spec) -> Option<Csv> {
        None
    }
}

/// How blocks are numbered on a page: tables and graphics in sequences of their own, quotes and
/// recommendation lists not at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Numbering {
    /// "Tabel 1", "Tabel 2", …
    Table,
    /// "Figuur 1", "Figuur 2", …
    Figure,
    /// Not numbered.
    None,
}

impl Numbering {
    /// The word before the number.
    pub(crate) fn word(self) -> Option<&'static str> {
        match self {
            Numbering::Table => Some("Tabel"),
            Numbering::Figure => Some("Figuur"),
            Numbering::None => None,
        }
    }
}

/// What a block's HTML needs to know of the page it is on.
pub(crate) struct PageContext<'a> {
    /// The figure's id on the page (`tabel-3`); ids inside the figure start with it.
    pub(crate) id: &'a str,
    /// The address of a site-relative URL on this site (the base path put before it).
    pub(crate) href: &'a dyn Fn(&str) -> String,
}

/// Generates the block kinds, the registry of info strings and the dispatch from one list:
/// `"info string" => Variant(module::Type)`.
macro_rules! registry {
    ($($name:literal => $variant:ident($module:ident :: $ty:ident)),+ $(,)?) => {
        /// The kinds of infographic block, one per module.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub(crate) enum Kind {
            $(#[doc = concat!("`", $name, "`: see `", stringify!($module), "`.")] $variant,)+
        }

        /// Every block: its info string and kind. The one list of blocks.
        pub(crate) const REGISTRY: &[(&str, Kind)] = &[$(($name, Kind::$variant),)+];

        /// A parsed, checked infographic block.
        #[derive(Debug, Clone, PartialEq)]
        pub(crate) enum Block {
            $(#[doc = concat!("See `", stringify!($module), "`.")]
            $variant(<$module::$ty as BlockType>::Spec),)+
        }

        /// Reads and checks the YAML of a block of `kind`.
        fn parse_kind(
            kind: Kind,
            yaml: &str,
            file: &SourceFile,
            at: usize,
            what: &str,
            resolve: &Resolve<'_>,
        ) -> Result<Block, Failure> {
            match kind {
                $(Kind::$variant => {
                    let raw = <$module::$ty as BlockType>::read(yaml, file, at, what)
                        .map_err(Failure::Yaml)?;
                    <$module::$ty as BlockType>::check(raw, resolve)
                        .map(Block::$variant)
                        .map_err(Failure::Problems)
                })+
            }
        }

        impl Kind {
            /// How blocks of this kind are numbered.
            pub(crate) fn numbering(self) -> Numbering {
                match self {
                    $(Kind::$variant => <$module::$ty as BlockType>::NUMBERING,)+
                }
            }

            /// Whether blocks of this kind have a graphic to download.
            pub(crate) fn has_image(self) -> bool {
                match self {
                    $(Kind::$variant => <$module::$ty as BlockType>::IMAGE,)+
                }
            }
        }

        impl Block {
            /// The block's kind.
            pub(crate) fn kind(&self) -> Kind {
                match self {
                    $(Block::$variant(_) => Kind::$variant,)+
                }
            }

            /// The block's title.
            pub(crate) fn title(&self) -> String {
                match self {
                    $(Block::$variant(s) => <$module::$ty as BlockType>::title(s),)+
                }
            }

            /// The source's label the editor wrote, if any.
            pub(crate) fn label(&self) -> Option<&str> {
                match self {
                    $(Block::$variant(s) => <$module::$ty as BlockType>::label(s),)+
                }
            }

            /// The caption the editor wrote, if any.
            pub(crate) fn caption(&self) -> Option<&str> {
                match self {
                    $(Block::$variant(s) => <$module::$ty as BlockType>::caption(s),)+
                }
            }

            /// Lays out the graphic for download.
            pub(crate) fn layout(&self) -> Drawing {
                match self {
                    $(Block::$variant(s) => <$module::$ty as BlockType>::layout(s),)+
                }
            }

            /// The block on the page.
            pub(crate) fn html(&self, page: &PageContext<'_>) -> Element {
                match self {
                    $(Block::$variant(s) => <$module::$ty as BlockType>::html(s, page),)+
                }
            }

            /// The same data as a table, where that adds something.
            pub(crate) fn table(&self) -> Option<Element> {
                match self {
                    $(Block::$variant(s) => <$module::$ty as BlockType>::table(s),)+
                }
            }

            /// The data as CSV, for blocks that hold data.
            pub(crate) fn csv(&self) -> Option<Csv> {
                match self {
                    $(Block::$variant(s) => <$module::$ty as BlockType>::csv(s),)+
                }
            }
        }
    };
}

registry! {
    "figures" => Figures(figures::Figures),
    "bars" => Bars(bars::Bars),
    "matrix" => Matrix(matrix::Matrix),
    "flow" => Flow(flow::Flow),
    "quadrant" => Quadrant(quadrant::Quadrant),
    "steps" => Steps(steps::Steps),
    "recommendations" => Recommendations(recommendations::Recommendations),
    "quote" => Quote(quote::Quote),
    "persona" => Persona(persona::Persona),
}

impl Kind {
    /// The info string that names this block.
    pub(crate) fn name(self) -> &'static str {
        REGISTRY
            .iter()
            .find(|(_, k)| *k == self)
            .map(|(n, _)| *n)
            .unwrap_or("block")
    }
}

/// Why a block did not parse.
enum Failure {
    /// The YAML does not read as the block's fields.
    Yaml(Diagnostic),
    /// It reads, but `check` found problems.
    Problems(Vec<Problem>),
}

/// What an info string of a fenced code block means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lookup {
    /// A block kind.
    Block(Kind),
    /// Not a block, but so close to one that it is almost certainly a typo.
    NearMiss(&'static str),
    /// An ordinary code block.
    Code,
}

/// Code-block languages that are never taken for a misspelt block name.
const KNOWN_LANGUAGES: &[&str] = &[
    "yaml", "yml", "json", "toml", "rust", "rs", "bash", "sh", "html", "css", "js", "text", "txt",
    "md", "markdown", "python", "py", "xml", "svg", "sql", "diff", "shell", "console", "mermaid",
];

/// Looks up the first word of an info string.
pub(crate) fn lookup(info: &str) -> Lookup {
    let word = info.split_whitespace().next().unwrap_or("");
    if word.is_empty() {
        return Lookup::Code;
    }
    if let Some((_, kind)) = REGISTRY.iter().find(|(n, _)| *n == word) {
        return Lookup::Block(*kind);
    }
    if KNOWN_LANGUAGES.contains(&word.to_ascii_lowercase().as_str()) {
        return Lookup::Code;
    }
    let names: Vec<&'static str> = REGISTRY.iter().map(|(n, _)| *n).collect();
    let lower = word.to_lowercase();
    if let Some((_, kind)) = REGISTRY.iter().find(|(n, _)| *n == lower) {
        return Lookup::NearMiss(kind.name());
    }
    match suggest(&lower, &names) {
        Some(name) => Lookup::NearMiss(name),
        None => Lookup::Code,
    }
}

/// A problem found by a block's `validate`, placed at the block's fence by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    /// What is wrong.
    pub(crate) message: Text,
    /// What would be right.
    pub(crate) hint: Text,
}

impl Problem {
    /// A new problem.
    pub(crate) fn new(message: impl Into<Text>, hint: impl Into<Text>) -> Self {
        Problem {
            message: message.into(),
            hint: hint.into(),
        }
    }
}

/// Where a block's YAML sits in its file, for diagnostics.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Origin<'a> {
    /// The Markdown file.
    pub(crate) file: &'a SourceFile,
    /// Byte offset of the first line of the YAML body.
    pub(crate) body_offset: usize,
    /// Byte offset of the opening fence, where whole-block problems are reported.
    pub(crate) fence_offset: usize,
}

/// Whether a YAML body is written as a bare list (first content line starts with `-`).
pub(crate) fn is_bare_list(yaml: &str) -> bool {
    yaml.lines()
        .map(str::trim_start)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .is_some_and(|l| l.starts_with('-'))
}

/// What a block may refer to outside itself, resolved by the model.
pub(crate) struct Resolve<'a> {
    /// Resolves a persona id to its card.
    pub(crate) personas: &'a (dyn Fn(&str) -> Result<persona::Card, Problem> + Sync),
    /// The audiences recommendations may name (built-in plus those declared in `site.yaml`).
    pub(crate) audiences: &'a [recommendations::Audience],
}

/// Parses and checks a block's YAML; problems of the whole block are reported at its fence.
pub(crate) fn parse(
    kind: Kind,
    yaml: &str,
    origin: Origin<'_>,
    resolve: &Resolve<'_>,
) -> Result<Block, Vec<Diagnostic>> {
    let what = crate::messages::block_named(kind.name());
    let file = origin.file;
    parse_kind(kind, yaml, file, origin.body_offset, what.as_str(), resolve).map_err(|failure| {
        match failure {
            Failure::Yaml(d) => vec![d],
            Failure::Problems(problems) => problems
                .into_iter()
                .map(|p| {
                    file.error_at(
                        origin.fence_offset,
                        crate::messages::block_problem(&what, &p.message),
                    )
                    .with_hint(p.hint)
                })
                .collect(),
        }
    })
}

/// `spec` when `problems` is empty, else the problems.
pub(crate) fn problems_or<T>(problems: Vec<Problem>, spec: T) -> Result<T, Vec<Problem>> {
    if problems.is_empty() {
        Ok(spec)
    } else {
        Err(problems)
    }
}

/// Reads a block's YAML as `T`, or, when it is written as a bare list, as a list of `Item`
/// turned into `T` by `from_list`.
pub(crate) fn read_map_or_list<T: DeserializeOwned, Item: DeserializeOwned>(
    yaml: &str,
    file: &SourceFile,
    at: usize,
    what: &str,
    from_list: fn(Vec<Item>) -> T,
) -> Result<T, Diagnostic> {
    if is_bare_list(yaml) {
        parse_yaml(file, at, yaml, what).map(from_list)
    } else {
        parse_yaml(file, at, yaml, what)
    }
}
