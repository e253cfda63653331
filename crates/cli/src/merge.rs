//! `minutes report-merge OUT/`: the archive's report from its shards'
//! reports (see `minutes_batch::merge_reports`), and the same merge before
//! the commands that read the archive (`index`, `track`, `report`).

use anyhow::{Context, Result};
use clap::Args;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `minutes report-merge OUT/`.
#[derive(Args, Debug)]
pub(crate) struct ReportMergeArgs {
    /// The output folder the shards wrote into.
    out: PathBuf,
    /// Print nothing but the summary.
    #[arg(long, short)]
    quiet: bool,
}

/// Merges the shard reports into OUT/report.json and prints the archive's
/// totals. Exit status: 1 when a shard has no report or is still running,
/// 2 when files failed (but for allowed ones), else 0.
pub(crate) fn run(a: ReportMergeArgs) -> Result<ExitCode> {
    let merged = minutes_batch::merge_reports(&a.out)
        .with_context(|| format!("{}: cannot merge the reports", a.out.display()))?;
    let written = minutes_batch::write_merged(&a.out, &merged)?;
    let report = &merged.report;
    if !a.quiet {
        crate::convert::print_failures(report);
        for note in &report.notes {
            eprintln!("note: {note}");
        }
    }
    eprintln!("{} -> {}", report.summary(), written.display());
    if let Some(warnings) = report.warnings_summary() {
        eprintln!("{warnings}");
    }
    if !merged.is_complete() {
        eprintln!(
            "minutes: the report is not the whole archive: {}",
            incomplete(&merged)
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::from(report.exit_code().clamp(0, 255) as u8))
}

fn incomplete(merged: &minutes_batch::Merged) -> String {
    let n = merged.shards.unwrap_or(0);
    let mut parts = Vec::new();
    if !merged.missing.is_empty() {
        let ks: Vec<String> = merged.missing.iter().map(|k| format!("{k}/{n}")).collect();
        parts.push(format!("no report from shard(s) {}", ks.join(", ")));
    }
    if !merged.running.is_empty() {
        let ks: Vec<String> = merged.running.iter().map(|k| format!("{k}/{n}")).collect();
        parts.push(format!("shard(s) {} still running", ks.join(", ")));
    }
    parts.join("; ")
}

/// Before reading an archive that shards wrote: merges their reports into
/// OUT/report.json, so that `index`, `track` and `report` see every shard's
/// documents. Does nothing in a folder without shard reports.
pub(crate) fn refresh(out: &Path) -> Result<()> {
    let has_shards = std::fs::read_dir(out).ok().is_some_and(|entries| {
        entries.flatten().any(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with("report.shard-") && name.ends_with(".json")
        })
    });
    if !has_shards {
        return Ok(());
    }
    let merged = minutes_batch::merge_reports(out)
        .with_context(|| format!("{}: cannot merge the shard reports", out.display()))?;
    if !merged.is_complete() {
        eprintln!("minutes: warning: {}", incomplete(&merged));
    }
    minutes_batch::write_merged(out, &merged)?;
    Ok(())
}
