//! kennis: a static site generator for research summaries and accessible infographics.
mod blocks;
mod diag;
mod font;
mod markup;
mod palette;
mod raster;
mod source;
mod svg;

use std::process::ExitCode;
fn main() -> ExitCode {
    ExitCode::SUCCESS
}
