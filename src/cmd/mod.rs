//! Commands: glue between the command line and the pipeline. No build logic lives here.

pub(crate) mod build;
