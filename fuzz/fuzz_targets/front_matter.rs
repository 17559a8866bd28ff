//! Front matter: any text as a content file; see `kennis::fuzzing::front_matter`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Err(broken) = kennis::fuzzing::front_matter(text)
    {
        panic!("{broken}");
    }
});
