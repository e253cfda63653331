//! `minutes-throughput FILE... [--repeat N] [--jobs J]`: how many documents
//! (and pages) per second the pipeline converts from bytes in memory through
//! to JSON — reading, structure, rules and serialization, without the file
//! system. The issues' reader targets ("1,500 documents/s for
//! seedlike.docx-sized minutes", "1,500 pages/s for LibreOffice-exported
//! minutes", on 2 cores) are measured with it; `minutes-bench` measures whole
//! `minutes convert` runs over an archive.

use anyhow::{Context, Result};
use clap::Parser;
use minutes::Config;
use minutes_rules::ruleset::RuleSet;
use std::path::PathBuf;
use std::time::Instant;

#[derive(Parser, Debug)]
#[command(
    name = "minutes-throughput",
    about = "Pipeline throughput from bytes to JSON, in memory"
)]
struct Cli {
    /// The documents to convert, round-robin.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Conversions in all.
    #[arg(long, default_value_t = 4000)]
    repeat: usize,
    /// Threads.
    #[arg(long, default_value_t = 2)]
    jobs: usize,
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    let docs: Vec<(String, Vec<u8>)> = cli
        .files
        .iter()
        .map(|p| {
            std::fs::read(p)
                .with_context(|| format!("{}: cannot read", p.display()))
                .map(|b| (p.display().to_string(), b))
        })
        .collect::<Result<_>>()?;
    let config = Config::new(RuleSet::default_rules()?);
    // One conversion of each first: errors show, caches warm.
    let mut pages_per_doc = Vec::new();
    for (name, bytes) in &docs {
        let c = minutes::convert(name, bytes, &config)
            .with_context(|| format!("{name}: cannot convert"))?;
        pages_per_doc.push(c.document.source.pages.unwrap_or(1) as usize);
    }
    let jobs = cli.jobs.max(1);
    let started = Instant::now();
    let (count, pages, bytes_out) = std::thread::scope(|s| {
        let handles: Vec<_> = (0..jobs)
            .map(|t| {
                let (docs, config, pages_per_doc) = (&docs, &config, &pages_per_doc);
                s.spawn(move || {
                    let (mut n, mut pages, mut out) = (0usize, 0usize, 0usize);
                    for i in (t..cli.repeat).step_by(jobs) {
                        let k = i % docs.len();
                        let (name, bytes) = &docs[k];
                        if let Ok(c) = minutes::convert(name, bytes, config) {
                            n += 1;
                            pages += pages_per_doc[k];
                            out += c.json.len();
                        }
                    }
                    (n, pages, out)
                })
            })
            .collect();
        handles
            .into_iter()
            .filter_map(|h| h.join().ok())
            .fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2))
    });
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{count} conversions of {} file(s) on {jobs} thread(s) in {secs:.2} s: {:.0} documents/s, {:.0} pages/s, {:.1} ms per document per thread, {:.1} MB of JSON",
        docs.len(),
        count as f64 / secs,
        pages as f64 / secs,
        secs * 1000.0 * jobs as f64 / count.max(1) as f64,
        bytes_out as f64 / 1e6
    );
    Ok(())
}
