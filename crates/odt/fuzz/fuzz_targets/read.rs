//! Any bytes through the .odt/.fodt reader: an error or a document, never
//! a panic, hang or runaway allocation. Seed the corpus with the fixtures
//! (the flat .fodt files let the fuzzer reach the XML directly):
//!
//! ```sh
//! cd crates/odt && mkdir -p fuzz/corpus/read
//! cp ../../fixtures/seeds-odt/* ../../fixtures/seeds-fodt/* ../../fixtures/testdocs/office/features.*odt fuzz/corpus/read/
//! cargo +nightly fuzz run read -- -max_total_time=600 -rss_limit_mb=1024
//! ```
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = minutes_model::ReadOptions {
        max_inflated_bytes: 16 * 1024 * 1024,
        ..minutes_model::ReadOptions::default()
    };
    let _ = minutes_odt::read(data, &opts);
});
