//! Any bytes through the .docx reader: an error or a document, never a
//! panic, hang or runaway allocation (broken zips, zip bombs, deep or
//! huge XML, dangling numbering and style references). Seed the corpus with
//! the Word fixtures, whose zips and XML the mutations then break:
//!
//! ```sh
//! cd crates/docx && mkdir -p fuzz/corpus/read
//! cp ../../fixtures/seeds-docx/*.docx ../../fixtures/corpus/*.docx ../../fixtures/testdocs/*.docx fuzz/corpus/read/
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
    let _ = minutes_docx::read(data, &opts);
});
