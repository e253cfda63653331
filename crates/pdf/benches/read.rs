//! Pages per second reading the LibreOffice PDFs (docx2pdf, html2pdf), with
//! and without JSON output: `cargo bench -p minutes-pdf`.
//!
//! `BENCH_FIXED=N` instead reads the PDFs given as arguments (else the
//! same files as minutes-bench's .pdf archive: docx2pdf, html2pdf,
//! chromium and cairo's seedlike.pdf and fixtures/seeds-pdf) N times each
//! and prints nothing, for instruction counts under
//! `valgrind --tool=callgrind` that the machine's load does not disturb.
use minutes_model::ReadOptions;
use std::path::Path;
use std::time::Instant;

/// Read each file `n` times (see the module docs).
fn fixed(n: u32) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut paths: Vec<std::path::PathBuf> = std::env::args()
        .skip(1)
        .filter(|a| a.ends_with(".pdf"))
        .map(Into::into)
        .collect();
    if paths.is_empty() {
        for dir in [
            "testdocs/docx2pdf",
            "testdocs/html2pdf",
            "testdocs/chromium",
            "testdocs/cairo",
            "seeds-pdf",
        ] {
            if let Ok(rd) = std::fs::read_dir(root.join(dir)) {
                paths.extend(
                    rd.flatten()
                        .map(|e| e.path())
                        .filter(|p| p.extension().is_some_and(|x| x == "pdf")),
                );
            }
        }
        paths.sort();
    }
    let opts = ReadOptions::default();
    let files: Vec<Vec<u8>> = paths.iter().filter_map(|p| std::fs::read(p).ok()).collect();
    for _ in 0..n {
        for b in &files {
            let _ = std::hint::black_box(minutes_pdf::read(std::hint::black_box(b), &opts));
        }
    }
}

fn main() {
    if let Some(n) = std::env::var("BENCH_FIXED")
        .ok()
        .and_then(|v| v.parse::<u32>().ok())
    {
        fixed(n);
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/testdocs");
    let mut files = Vec::new();
    for dir in ["docx2pdf", "html2pdf"] {
        let Ok(rd) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for e in rd.flatten() {
            if e.path().extension().is_some_and(|x| x == "pdf")
                && let Ok(b) = std::fs::read(e.path())
            {
                files.push((e.path(), b));
            }
        }
    }
    files.sort();
    let opts = ReadOptions::default();
    let rounds = std::env::var("ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(20u32);
    for json in [false, true] {
        let mut pages = 0u64;
        let start = Instant::now();
        for _ in 0..rounds {
            for (_, b) in &files {
                if let Ok(d) = minutes_pdf::read(b, &opts) {
                    pages += u64::from(d.source.pages.unwrap_or(0));
                    if json {
                        let s = serde_json::to_string(&d).unwrap_or_default();
                        std::hint::black_box(s);
                    }
                }
            }
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "all docx2pdf+html2pdf{}: {pages} pages in {secs:.3} s = {:.0} pages/s (one thread)",
            if json { " + JSON" } else { "" },
            pages as f64 / secs
        );
    }
    // Two threads, as on the target machine, each reading every file.
    let start = Instant::now();
    let pages: u64 = std::thread::scope(|sc| {
        let hs: Vec<_> = (0..2)
            .map(|_| {
                sc.spawn(|| {
                    let mut pages = 0u64;
                    for _ in 0..rounds {
                        for (_, b) in &files {
                            if let Ok(d) = minutes_pdf::read(b, &opts) {
                                pages += u64::from(d.source.pages.unwrap_or(0));
                                std::hint::black_box(serde_json::to_string(&d).unwrap_or_default());
                            }
                        }
                    }
                    pages
                })
            })
            .collect();
        hs.into_iter().map(|h| h.join().unwrap_or(0)).sum()
    });
    let secs = start.elapsed().as_secs_f64();
    println!(
        "all docx2pdf+html2pdf + JSON, 2 threads: {pages} pages in {secs:.3} s = {:.0} pages/s",
        pages as f64 / secs
    );
    for (path, b) in &files {
        let start = Instant::now();
        let mut pages = 0u64;
        for _ in 0..rounds {
            if let Ok(d) = minutes_pdf::read(b, &opts) {
                pages += u64::from(d.source.pages.unwrap_or(0));
            }
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{:40} {:.3} ms/page",
            path.file_name().and_then(|n| n.to_str()).unwrap_or(""),
            secs * 1000.0 / pages.max(1) as f64
        );
    }
}
