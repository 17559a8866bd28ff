//! Whole sites: any bytes as a tree of files built in process; see `kennis::fuzzing::site`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = kennis::fuzzing::site(data) {
        panic!("{broken}");
    }
});
