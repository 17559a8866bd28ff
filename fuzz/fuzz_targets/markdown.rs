//! Markdown: any text as a page body; see `kennis::fuzzing::markdown`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Err(broken) = kennis::fuzzing::markdown(text)
    {
        panic!("{broken}");
    }
});
