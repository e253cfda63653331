//! Reading speed: `cargo bench -p minutes-odt` reads each seed as .odt and
//! .fodt and, for comparison, as .docx (with minutes-docx), and prints the
//! time per document (plain timing, as minutes-docx's bench).

use minutes_model::ReadOptions;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Milliseconds per read of `bytes` with `read`.
fn time<T, E>(bytes: &[u8], read: impl Fn(&[u8]) -> Result<T, E>) -> f64 {
    let mut n = 0u32;
    let start = Instant::now();
    while start.elapsed() < Duration::from_millis(200) {
        let _ = black_box(read(black_box(bytes)));
        n += 1;
    }
    let runs = (n * 5).max(10);
    let start = Instant::now();
    for _ in 0..runs {
        let _ = black_box(read(black_box(bytes)));
    }
    start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs)
}

fn main() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/");
    let opts = ReadOptions::default();
    let mut stems: Vec<String> = std::fs::read_dir(format!("{root}seeds-docx"))
        .map(|d| {
            d.flatten()
                .filter_map(|e| {
                    let n = e.file_name().to_string_lossy().into_owned();
                    n.strip_suffix(".docx").map(str::to_string)
                })
                .collect()
        })
        .unwrap_or_default();
    stems.sort();
    for stem in stems {
        let mut line = format!("{stem:<24}");
        for ext in ["odt", "fodt"] {
            if let Ok(b) = std::fs::read(format!("{root}seeds-{ext}/{stem}.{ext}")) {
                let per = time(&b, |b| minutes_odt::read(b, &opts));
                line.push_str(&format!("  .{ext} {:>7} bytes {per:>7.3} ms", b.len()));
            }
        }
        if let Ok(b) = std::fs::read(format!("{root}seeds-docx/{stem}.docx")) {
            let per = time(&b, |b| minutes_docx::read(b, &opts));
            line.push_str(&format!("  (.docx {per:>7.3} ms)"));
        }
        println!("{line}");
    }
}
