//! Block YAML: any text as the YAML of every block kind; see `kennis::fuzzing::block_yaml`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Err(broken) = kennis::fuzzing::block_yaml(text)
    {
        panic!("{broken}");
    }
});
