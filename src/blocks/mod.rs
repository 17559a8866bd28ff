//! Infographic blocks: the registry of block kinds, parsing a fenced block's YAML into a typed
//! `Block`, and the common shape every block module has.
//!
//! Each block module (`figures`, `bars`, ...) has the same parts:
//! - `Spec`: what the editor writes (serde, unknown fields rejected);
//! - `validate(&Spec) -> Vec<Problem>`: the checks serde cannot express (totals, counts);
//! - `layout(&Spec, &Palette) -> svg::Drawing`: the graphic, with title and description;
//! - `table(&Spec) -> markup::Element`: the same data as an HTML table or list.
//!
//! This module must not know about pages or output files.

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

use crate::diag::{Diagnostic, suggest};
use crate::markup::Element;
use crate::palette::Palette;
use crate::source::{SourceFile, parse_yaml};
use crate::svg::Drawing;

/// The kinds of infographic block, one per module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Kind {
    /// Key numbers.
    Figures,
    /// Grouped horizontal bars (respondent tables).
    Bars,
    /// Tick tables.
    Matrix,
    /// Process diagrams.
    Flow,
    /// 2×2 models.
    Quadrant,
    /// Numbered tiles.
    Steps,
    /// Recommendation lists per audience.
    Recommendations,
    /// An interview quote.
    Quote,
    /// A persona's card and learning route.
    Persona,
}

/// Every block: its info string and kind. The one list of blocks.
pub(crate) const REGISTRY: &[(&str, Kind)] = &[
    ("figures", Kind::Figures),
    ("bars", Kind::Bars),
    ("matrix", Kind::Matrix),
    ("flow", Kind::Flow),
    ("quadrant", Kind::Quadrant),
    ("steps", Kind::Steps),
    ("recommendations", Kind::Recommendations),
    ("quote", Kind::Quote),
    ("persona", Kind::Persona),
];

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
    pub(crate) message: String,
    /// What would be right.
    pub(crate) hint: String,
}

impl Problem {
    /// A new problem.
    pub(crate) fn new(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Problem {
            message: message.into(),
            hint: hint.into(),
        }
    }
}

/// A parsed, validated infographic block.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    /// See `figures`.
    Figures(figures::Spec),
    /// See `bars`.
    Bars(bars::Spec),
    /// See `matrix`.
    Matrix(matrix::Spec),
    /// See `flow`.
    Flow(flow::Spec),
    /// See `quadrant`.
    Quadrant(quadrant::Spec),
    /// See `steps`.
    Steps(steps::Spec),
    /// See `recommendations`.
    Recommendations(recommendations::Spec),
    /// See `quote`.
    Quote(quote::Spec),
    /// See `persona`: the persona is resolved when the block is parsed.
    Persona(persona::Card),
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
    pub(crate) audiences: &'a [&'a str],
}

/// Parses and validates a block's YAML.
pub(crate) fn parse(
    kind: Kind,
    yaml: &str,
    origin: Origin<'_>,
    resolve: &Resolve<'_>,
) -> Result<Block, Vec<Diagnostic>> {
    let what = format!("`{}` block", kind.name());
    let one = |d: Diagnostic| vec![d];
    let file = origin.file;
    let at = origin.body_offset;
    let (block, problems) = match kind {
        Kind::Figures => {
            let spec: figures::Spec = if is_bare_list(yaml) {
                figures::Spec::from_items(parse_yaml(file, at, yaml, &what).map_err(one)?)
            } else {
                parse_yaml(file, at, yaml, &what).map_err(one)?
            };
            let p = figures::validate(&spec);
            (Block::Figures(spec), p)
        }
        Kind::Bars => {
            let spec: bars::Spec = parse_yaml(file, at, yaml, &what).map_err(one)?;
            let p = bars::validate(&spec);
            (Block::Bars(spec), p)
        }
        Kind::Matrix => {
            let spec: matrix::Spec = parse_yaml(file, at, yaml, &what).map_err(one)?;
            let p = matrix::validate(&spec);
            (Block::Matrix(spec), p)
        }
        Kind::Flow => {
            let spec: flow::Spec = parse_yaml(file, at, yaml, &what).map_err(one)?;
            let p = flow::validate(&spec);
            (Block::Flow(spec), p)
        }
        Kind::Quadrant => {
            let spec: quadrant::Spec = parse_yaml(file, at, yaml, &what).map_err(one)?;
            let p = quadrant::validate(&spec);
            (Block::Quadrant(spec), p)
        }
        Kind::Steps => {
            let spec: steps::Spec = parse_yaml(file, at, yaml, &what).map_err(one)?;
            let p = steps::validate(&spec);
            (Block::Steps(spec), p)
        }
        Kind::Recommendations => {
            let spec: recommendations::Spec = if is_bare_list(yaml) {
                recommendations::Spec::from_groups(parse_yaml(file, at, yaml, &what).map_err(one)?)
            } else {
                parse_yaml(file, at, yaml, &what).map_err(one)?
            };
            let p = recommendations::validate_for(&spec, resolve.audiences);
            (Block::Recommendations(spec), p)
        }
        Kind::Quote => {
            let spec: quote::Spec = parse_yaml(file, at, yaml, &what).map_err(one)?;
            let p = quote::validate(&spec);
            (Block::Quote(spec), p)
        }
        Kind::Persona => {
            let spec: persona::Spec = parse_yaml(file, at, yaml, &what).map_err(one)?;
            match (resolve.personas)(&spec.id) {
                Ok(card) => (Block::Persona(card), Vec::new()),
                Err(problem) => (Block::Quote(quote::Spec::placeholder()), vec![problem]),
            }
        }
    };
    if problems.is_empty() {
        Ok(block)
    } else {
        Err(problems
            .into_iter()
            .map(|p| {
                file.error_at(origin.fence_offset, format!("{what}: {}", p.message))
                    .with_hint(p.hint)
            })
            .collect())
    }
}

impl Block {
    /// The block's kind.
    pub(crate) fn kind(&self) -> Kind {
        match self {
            Block::Figures(_) => Kind::Figures,
            Block::Bars(_) => Kind::Bars,
            Block::Matrix(_) => Kind::Matrix,
            Block::Flow(_) => Kind::Flow,
            Block::Quadrant(_) => Kind::Quadrant,
            Block::Steps(_) => Kind::Steps,
            Block::Recommendations(_) => Kind::Recommendations,
            Block::Quote(_) => Kind::Quote,
            Block::Persona(_) => Kind::Persona,
        }
    }

    /// The caption the editor wrote, if any.
    pub(crate) fn caption(&self) -> Option<&str> {
        match self {
            Block::Figures(s) => s.caption.as_deref(),
            Block::Bars(s) => s.caption.as_deref(),
            Block::Matrix(s) => s.caption.as_deref(),
            Block::Flow(s) => s.caption.as_deref(),
            Block::Quadrant(s) => s.caption.as_deref(),
            Block::Steps(s) => s.caption.as_deref(),
            Block::Recommendations(s) => s.caption.as_deref(),
            Block::Quote(s) => s.context.as_deref(),
            Block::Persona(_) => None,
        }
    }

    /// Lays out the graphic.
    pub(crate) fn layout(&self, palette: &Palette) -> Drawing {
        match self {
            Block::Figures(s) => figures::layout(s, palette),
            Block::Bars(s) => bars::layout(s, palette),
            Block::Matrix(s) => matrix::layout(s, palette),
            Block::Flow(s) => flow::layout(s, palette),
            Block::Quadrant(s) => quadrant::layout(s, palette),
            Block::Steps(s) => steps::layout(s, palette),
            Block::Recommendations(s) => recommendations::layout(s, palette),
            Block::Quote(s) => quote::layout(s, palette),
            Block::Persona(c) => persona::layout(c, palette),
        }
    }

    /// The same data as HTML: a table, a list or a quotation.
    pub(crate) fn table(&self) -> Element {
        match self {
            Block::Figures(s) => figures::table(s),
            Block::Bars(s) => bars::table(s),
            Block::Matrix(s) => matrix::table(s),
            Block::Flow(s) => flow::table(s),
            Block::Quadrant(s) => quadrant::table(s),
            Block::Steps(s) => steps::table(s),
            Block::Recommendations(s) => recommendations::table(s),
            Block::Quote(s) => quote::table(s),
            Block::Persona(c) => persona::table(c),
        }
    }
}
