#![no_main]
//! cargo-fuzz target `segment`: see fuzz/checks.rs and docs/fuzzing.md.

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::segment(data));
