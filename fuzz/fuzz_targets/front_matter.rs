//! Front matter: any text as a content file through `source::split_front_matter` and
//! `model::entry::read_head`, then the date check. Nothing may panic, and every diagnostic has
//! a position inside the file.

#![no_main]
#![allow(
    dead_code,
    unused_imports,
    reason = "only the front matter path of these modules is used here"
)]

#[path = "../../src/blocks/mod.rs"]
mod blocks;
#[path = "../../src/diag.rs"]
mod diag;
#[path = "../../src/font.rs"]
mod font;
#[path = "../../src/markup.rs"]
mod markup;
#[path = "../../src/palette.rs"]
mod palette;
#[path = "../../src/source.rs"]
mod source;
#[path = "../../src/svg.rs"]
mod svg;

#[path = "../../src/model/body.rs"]
mod body;
#[path = "../../src/model/entry.rs"]
mod entry;

/// The part of `kennis::model` compiled here, under the paths kennis uses: entries and bodies.
/// (Compiled at the top and re-exported: `#[path]` inside an inline module would look in a
/// folder `fuzz_targets/model/` that does not exist.)
mod model {
    pub(crate) use super::{body, entry};
    pub(crate) use body::{Body, Figure, recommendation_prefix};
}

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let file = source::SourceFile::new("content/rapporten/x/index.md", text.to_string());
    let check = |d: &diag::Diagnostic| {
        if let Some(span) = &d.span {
            assert!(span.line >= 1 && span.col >= 1, "{d:?}");
            assert!(span.line <= file.position(text.len()).0, "{d:?}");
        }
        assert!(d.hint.is_some(), "an error without a hint: {d:?}");
        let _ = d.render();
    };
    match model::entry::read_head(&file) {
        Ok(head) => {
            assert!(head.body_start <= text.len());
            if let Err(d) = model::entry::check_date(&head, &file) {
                check(&d);
            }
            assert!(head.location.url.starts_with('/') && head.location.url.ends_with('/'));
        }
        Err(errors) => errors.iter().for_each(check),
    }
});
