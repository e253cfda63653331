//! Any bytes through the HTML reader: an error or a document, never a
//! panic, hang or runaway allocation (deep nesting, odd charsets, broken
//! tables). Seed the corpus with the fixtures:
//!
//! ```sh
//! cd crates/html && mkdir -p fuzz/corpus/read
//! cp ../../fixtures/seeds-html/*.html ../../fixtures/testdocs/generators/*.html fuzz/corpus/read/
//! cargo +nightly fuzz run read -- -max_total_time=600 -rss_limit_mb=2048 -timeout=10
//! ```
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = minutes_model::ReadOptions {
        // A budget small enough that libFuzzer's memory limit is never the
        // first to notice a runaway.
        max_inflated_bytes: 16 * 1024 * 1024,
        ..minutes_model::ReadOptions::default()
    };
    let _ = minutes_html::read(data, &opts);
});
