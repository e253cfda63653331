//! The rules stage on its own: `cargo bench -p minutes-rules` prints the
//! time to load the built-in rules, the first pass over the documents with
//! fresh rules (which compiles the patterns they reach: paid once per
//! worker process), and the time the engine takes per document over the
//! text seeds and the real markdown minutes, structured once beforehand
//! (plain timing rather than criterion keeps the dev-dependencies small,
//! as in the readers' benches).
//!
//! `BENCH_FIXED=N` instead loads the rules once and applies them N times
//! to every document, for instruction counts under
//! `valgrind --tool=callgrind` that the machine's load does not disturb:
//! `BENCH_FIXED=0` measures the loading alone, `BENCH_FIXED=1` adds the
//! first pass (compiling included), and the difference between two counts
//! gives the steady cost of a pass.

use minutes_rules::ruleset::RuleSet;
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
        .map(|d| minutes_structure::find(&d))
        .collect();
    if let Some(n) = std::env::var("BENCH_FIXED")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    {
        let Ok(set) = RuleSet::default_rules() else {
            eprintln!("the built-in rules do not load");
            return;
        };
        for _ in 0..n {
            for s in &docs {
                black_box(minutes_rules::apply(&set, s));
            }
        }
        return;
    }
    let start = Instant::now();
    let rounds = 5;
    let mut set = None;
    for _ in 0..rounds {
        set = RuleSet::default_rules().ok();
    }
    println!(
        "loading the built-in rules (patterns compiled when first used): {:.1} ms",
        start.elapsed().as_secs_f64() * 1000.0 / f64::from(rounds)
    );
    let Some(set) = set else {
        eprintln!("the built-in rules do not load");
        return;
    };
    // The first pass over the documents with fresh rules: the patterns the
    // documents need are compiled on the way (and their lazy DFAs learn
    // their first states), which is what a worker process pays once.
    let mut first = f64::MAX;
    for _ in 0..5 {
        let Ok(fresh) = RuleSet::default_rules() else {
            return;
        };
        let start = Instant::now();
        for s in &docs {
            black_box(minutes_rules::apply(&fresh, s));
        }
        first = first.min(start.elapsed().as_secs_f64() * 1000.0);
    }
    println!(
        "first pass over {} documents with fresh rules (compiling as they go): {first:.1} ms",
        docs.len()
    );
    let rounds = std::env::var("ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(50usize);
    let start = Instant::now();
    for _ in 0..rounds {
        for s in &docs {
            black_box(minutes_rules::apply(&set, s));
        }
    }
    let n = rounds * docs.len();
    println!(
        "rules over {} documents x {rounds}: {:.1} µs per document",
        docs.len(),
        start.elapsed().as_secs_f64() * 1e6 / n.max(1) as f64
    );
}
