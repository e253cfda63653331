//! `minutes index`, `minutes track`, `minutes report`: the archive register
//! (crates/register) over an output folder.

use anyhow::{Context, Result};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

/// `minutes index OUT/ [--db FILE]`.
#[derive(Args, Debug)]
pub struct IndexArgs {
    /// The output folder of `minutes convert` (with its report.json).
    out: PathBuf,
    /// The database file [default: OUT/register.sqlite].
    #[arg(long)]
    db: Option<PathBuf>,
}

/// `minutes track OUT/ [--db FILE]`.
#[derive(Args, Debug)]
pub struct TrackArgs {
    /// The output folder of `minutes convert` (with its report.json).
    out: PathBuf,
    /// The register database to write the links into [default: OUT/register.sqlite, when it exists].
    #[arg(long)]
    db: Option<PathBuf>,
}

/// `minutes report OUT/ --html DIR`.
#[derive(Args, Debug)]
pub struct ReportArgs {
    /// The output folder of `minutes convert` (with its report.json).
    out: PathBuf,
    /// The folder to write the report into (index.html and its files).
    #[arg(long)]
    html: PathBuf,
}

fn db_path(out: &std::path::Path, db: Option<PathBuf>) -> PathBuf {
    db.unwrap_or_else(|| out.join(minutes_register::DEFAULT_DB))
}

/// Loads the documents of OUT into the database.
pub fn index(a: IndexArgs) -> Result<ExitCode> {
    crate::merge::refresh(&a.out)?;
    let db = db_path(&a.out, a.db);
    let s = minutes_register::index(&a.out, &db)
        .with_context(|| format!("{}: cannot index", a.out.display()))?;
    for f in &s.failed {
        eprintln!("failed  {f}");
    }
    eprintln!(
        "{} documents: {} added, {} updated, {} unchanged, {} removed, {} failed -> {}",
        s.documents,
        s.added,
        s.updated,
        s.unchanged,
        s.removed,
        s.failed.len(),
        db.display()
    );
    Ok(if s.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}

/// Follows every deferral and action; writes OUT/tracking.json and the links into the database.
pub fn track(a: TrackArgs) -> Result<ExitCode> {
    crate::merge::refresh(&a.out)?;
    let t = minutes_register::track::track_and_write(&a.out)
        .with_context(|| format!("{}: cannot track", a.out.display()))?;
    let mut counts = std::collections::BTreeMap::new();
    for l in &t.links {
        *counts.entry(l.outcome.as_str()).or_insert(0usize) += 1;
    }
    let summary: Vec<String> = counts.iter().map(|(k, v)| format!("{v} {k}")).collect();
    eprintln!(
        "{} links ({}) -> {}",
        t.links.len(),
        summary.join(", "),
        a.out.join(minutes_register::track::TRACKING_FILE).display()
    );
    let explicit = a.db.is_some();
    let db = db_path(&a.out, a.db);
    if explicit || db.exists() {
        let missing = minutes_register::index::store_links(&db, &t)
            .with_context(|| format!("{}: cannot store the links", db.display()))?;
        if missing > 0 {
            eprintln!(
                "{missing} links name documents the database does not hold: run `minutes index` first"
            );
        }
        eprintln!("links stored in {}", db.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes the offline HTML report of OUT into DIR.
pub fn report(a: ReportArgs) -> Result<ExitCode> {
    crate::merge::refresh(&a.out)?;
    let s = minutes_register::html::report(&a.out, &a.html)
        .with_context(|| format!("{}: cannot write the report", a.out.display()))?;
    eprintln!(
        "{} series, {} documents, {} links -> {}",
        s.series,
        s.documents,
        s.links,
        a.html.join("index.html").display()
    );
    Ok(ExitCode::SUCCESS)
}
