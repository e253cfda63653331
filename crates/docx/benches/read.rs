//! Reading speed: `cargo bench -p minutes-docx` reads fixture documents
//! repeatedly and prints the time per document (plain timing rather than
//! criterion keeps the dev-dependencies small). More `.docx` files may be
//! given as absolute paths: `cargo bench -p minutes-docx -- /path/a.docx`.
//!
//! `BENCH_FIXED=N` instead reads one file (the first argument, else
//! seedlike.docx) exactly N times, for instruction counts under
//! `valgrind --tool=callgrind` that the machine's load does not disturb.

use minutes_model::ReadOptions;
use std::hint::black_box;
use std::time::{Duration, Instant};

fn main() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/testdocs/");
    let extra: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a.ends_with(".docx"))
        .collect();
    let mut files: Vec<String> = [
        "seedlike.docx",
        "wordlike.docx",
        "seedlike_big.docx",
        "wordlike_big.docx",
    ]
    .iter()
    .map(|f| format!("{root}{f}"))
    .collect();
    files.extend(extra.iter().cloned());
    let opts = ReadOptions::default();

    if let Some(n) = std::env::var("BENCH_FIXED")
        .ok()
        .and_then(|v| v.parse::<u32>().ok())
    {
        let path = extra.first().unwrap_or(&files[0]);
        let bytes = std::fs::read(path).unwrap_or_default();
        for _ in 0..n {
            let _ = black_box(minutes_docx::read(black_box(&bytes), &opts));
        }
        return;
    }

    for path in files {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        // Warm up for 200 ms, then time about a second's worth of reads.
        let mut n = 0u32;
        let start = Instant::now();
        while start.elapsed() < Duration::from_millis(200) {
            let _ = black_box(minutes_docx::read(black_box(&bytes), &opts));
            n += 1;
        }
        let runs = (n * 5).max(10);
        let start = Instant::now();
        for _ in 0..runs {
            let _ = black_box(minutes_docx::read(black_box(&bytes), &opts));
        }
        let per = start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
        let name = path.rsplit('/').next().unwrap_or(&path);
        println!(
            "{name:<24} {:>8} bytes  {per:>8.3} ms/doc  {:>7.0} docs/s (one thread)",
            bytes.len(),
            1000.0 / per
        );
    }
}
