//! The structure stage on its own: `cargo bench -p minutes-structure`
//! prints the time `minutes_structure::find` takes per document over the
//! text seeds and the real markdown minutes, read once beforehand (plain
//! timing, as in the rules' and readers' benches).
//!
//! `BENCH_FIXED=N` instead runs it N times over every document, for
//! instruction counts under `valgrind --tool=callgrind` that the machine's
//! load does not disturb (the difference between two values of N is the
//! steady cost; N=1 includes compiling the crate's regexes).

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut paths = Vec::new();
    for (dir, ext) in [("seeds", "txt"), ("real", "md")] {
        let Ok(rd) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        paths.extend(
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == ext)),
        );
    }
    paths.sort();
    let docs: Vec<_> = paths
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .filter_map(|b| minutes_text::read(&b, &Default::default()).ok())
        .collect();
    if let Some(n) = std::env::var("BENCH_FIXED")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    {
        for _ in 0..n {
            for d in &docs {
                black_box(minutes_structure::find(d));
            }
        }
        return;
    }
    // The first round compiles the regexes and warms their caches.
    for d in &docs {
        black_box(minutes_structure::find(d));
    }
    let rounds = std::env::var("ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(50usize);
    let start = Instant::now();
    for _ in 0..rounds {
        for d in &docs {
            black_box(minutes_structure::find(d));
        }
    }
    let n = rounds * docs.len();
    println!(
        "structure over {} documents x {rounds}: {:.1} µs per document",
        docs.len(),
        start.elapsed().as_secs_f64() * 1e6 / n.max(1) as f64
    );
}
