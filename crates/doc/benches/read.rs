//! Reading speed: `cargo bench -p minutes-doc` reads each seed as .doc and,
//! for comparison, the same seed as .docx (with minutes-docx), and prints
//! the time per document (plain timing, as minutes-docx's bench). More
//! `.doc` files may be given as absolute paths.

use minutes_model::ReadOptions;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Milliseconds per read of `bytes` with `read`.
fn time<T, E>(bytes: &[u8], read: impl Fn(&[u8]) -> Result<T, E>) -> f64 {
    // Warm up for 200 ms, then time about a second's worth of reads.
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
    let mut files: Vec<(String, Option<String>)> = std::fs::read_dir(format!("{root}seeds-doc"))
        .map(|d| {
            d.flatten()
                .map(|e| e.path().to_string_lossy().into_owned())
                .filter(|p| p.ends_with(".doc"))
                .collect::<Vec<String>>()
        })
        .unwrap_or_default()
        .into_iter()
        .map(|p| {
            let stem = p.rsplit('/').next().unwrap_or("").trim_end_matches(".doc");
            let docx = format!("{root}seeds-docx/{stem}.docx");
            (p, Some(docx))
        })
        .collect();
    files.sort();
    files.push((
        format!("{root}corpus/303_vsf-arsmote-kallelse-2013-02-23.doc"),
        None,
    ));
    files.extend(
        std::env::args()
            .skip(1)
            .filter(|a| a.ends_with(".doc"))
            .map(|a| (a, None)),
    );
    for (path, docx) in files {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let per = time(&bytes, |b| minutes_doc::read(b, &opts));
        let name = path.rsplit('/').next().unwrap_or(&path);
        let mut line = format!(
            "{name:<44} {:>8} bytes  {per:>8.3} ms/doc  {:>7.0} docs/s",
            bytes.len(),
            1000.0 / per
        );
        if let Some(x) = docx.and_then(|p| std::fs::read(p).ok()) {
            let per_x = time(&x, |b| minutes_docx::read(b, &opts));
            line.push_str(&format!("   (.docx {per_x:>7.3} ms/doc)"));
        }
        println!("{line}");
    }
}
