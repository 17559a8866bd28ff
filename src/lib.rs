//! kennis: a static site generator for research summaries and accessible infographics.
//!
//! The pipeline runs one way, each stage a value:
//!
//! 1. `config::load` reads `site.yaml` and the themes into a `Config`;
//! 2. `load::load` reads `content/` into `Sources` (bytes and paths, nothing decided);
//! 3. `model::build` checks and resolves everything into a read-only `Content`: entries with
//!    their URLs, bodies with their headings, ids and laid-out figures, and per site the
//!    `Site` with every route it will write (`model::routes`);
//! 4. `render::render` turns one `Site` into `Output`s, a pure function of the model and a
//!    `render::Context` that holds the caches;
//! 5. `output::commit` writes them atomically.
//!
//! `pipeline` strings the stages together for `build` and `serve`; `cmd` holds the glue per
//! command; `diag` owns every form of a diagnostic and the exit codes.
//!
//! Where things live: a block type is one module under `blocks/` listed in `blocks::REGISTRY`;
//! every URL and file path of a site is decided in `model` (`model::entry` for content pages,
//! `model::routes` for everything a site writes); every error and warning is a
//! `diag::Diagnostic`, printed by `diag` alone.

#![warn(missing_docs)]

pub mod bench;
mod blocks;
mod builtin_themes;
mod check;
pub mod cmd;
pub mod config;
mod csv;
pub mod diag;
mod font;
pub mod fuzzing;
mod load;
mod markup;
pub mod messages;
mod model;
mod output;
mod palette;
mod pipeline;
mod prose;
mod raster;
#[cfg(test)]
mod refimage;
mod render;
mod slug;
mod source;
mod svg;
