//! Any bytes through the PDF reader (without OCR): an error or a document,
//! never a panic, hang or runaway allocation (broken xref tables, page trees
//! that loop or claim billions of pages, deep content streams, hostile
//! fonts and images). Seed the corpus with the PDF fixtures:
//!
//! ```sh
//! cd crates/pdf && mkdir -p fuzz/corpus/read
//! cp ../../fixtures/seeds-pdf/*.pdf ../../fixtures/testdocs/crashes/*.pdf fuzz/corpus/read/
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
    let _ = minutes_pdf::read(data, &opts);
});
