//! Any bytes through both readers of this crate, text/markdown
//! (`minutes_text::read`) and org-mode (`minutes_text::read_org`): an error
//! or a document, never a panic, hang or runaway allocation (HTML nested
//! deep in table cells, unmatched brackets and emphasis, unclosed drawers
//! and blocks, deep headline levels, long tables). Seed the corpus with the
//! fixtures (the markdown and text minutes give it headings, lists and tables
//! to mutate, the crash inputs the shapes that once broke it):
//!
//! ```sh
//! cd crates/text && mkdir -p fuzz/corpus/read
//! cp ../../fixtures/corpus/*.org ../../fixtures/corpus/*.md ../../fixtures/corpus/*.txt ../../fixtures/testdocs/crashes/*.txt fuzz/corpus/read/
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
    // Both readers on every input: they share the decoding and line model,
    // and a shape one of them mishandles is as likely in either file type.
    let _ = minutes_text::read(data, &opts);
    let _ = minutes_text::read_org(data, &opts);
});
