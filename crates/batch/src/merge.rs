//! The archive's report from its shards' reports.
//!
//! Shards of one archive (a Kubernetes Indexed Job, a Slurm job array) run
//! into one output folder, each writing `report.shard-K-of-N.json`; what
//! comes after (`minutes export`, `minutes index`, the night's exit status)
//! wants one report of the whole archive. [`merge_reports`] makes it.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::fsutil::write_atomic_with;
use crate::report::{Report, RunInfo, Totals};
use crate::{Error, Options};

/// The archive's report merged from the shard reports in an output folder.
#[derive(Debug, Clone)]
pub struct Merged {
    /// The merged report: every shard's files (sorted by path), totals over
    /// them, the shards' notes, collisions and pruned outputs.
    pub report: Report,
    /// N, when the folder holds shard reports.
    pub shards: Option<u32>,
    /// The shards K of N without a report (not run yet, or stopped before
    /// writing one): the merged report is then not the whole archive.
    pub missing: Vec<u32>,
    /// The shards whose run still holds its lock.
    pub running: Vec<u32>,
}

impl Merged {
    /// Whether the report covers the archive: every shard reported, none is
    /// running.
    pub fn is_complete(&self) -> bool {
        self.missing.is_empty() && self.running.is_empty()
    }
}

/// `report.shard-K-of-N.json` → (K, N).
fn shard_of_name(name: &str) -> Option<(u32, u32)> {
    let middle = name.strip_prefix("report.shard-")?.strip_suffix(".json")?;
    let (k, n) = middle.split_once("-of-")?;
    let (k, n) = (k.parse().ok()?, n.parse().ok()?);
    (k >= 1 && k <= n).then_some((k, n))
}

/// Reads the run reports in `out_dir` and merges them: the reports of the
/// shards of the most recent sharding (the N of the newest shard report;
/// reports of another N are left out, with a note), or, when there are no
/// shard reports, `report.json` itself. A path reported by two reports is
/// taken from the newer one. Totals are counted afresh over the files;
/// `seconds` is the longest shard's (shards run side by side).
pub fn merge_reports(out_dir: &Path) -> Result<Merged, Error> {
    let read = fs::read_dir(out_dir).map_err(|e| Error::Report {
        path: out_dir.to_path_buf(),
        message: e.to_string(),
    })?;
    let mut shard_reports: Vec<(SystemTime, u32, u32, PathBuf)> = Vec::new();
    for entry in read.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some((k, n)) = shard_of_name(&name) {
            let modified = entry
                .metadata()
                .and_then(|m| m.modified())
                .unwrap_or(SystemTime::UNIX_EPOCH);
            shard_reports.push((modified, k, n, entry.path()));
        }
    }
    shard_reports.sort();
    let Some(&(_, _, n, _)) = shard_reports.last() else {
        let path = out_dir.join("report.json");
        let report = read_report(&path)?;
        return Ok(Merged {
            report,
            shards: None,
            missing: Vec::new(),
            running: Vec::new(),
        });
    };

    let mut notes = Vec::new();
    let mut files = BTreeMap::new();
    let mut collisions = Vec::new();
    let mut pruned = Vec::new();
    let mut seconds: f64 = 0.0;
    let mut first: Option<RunInfo> = None;
    let mut reported = Vec::new();
    for (_, k, this_n, path) in &shard_reports {
        if *this_n != n {
            notes.push(format!(
                "left out {}: of an earlier sharding into {this_n}",
                path.display()
            ));
            continue;
        }
        let report = read_report(path)?;
        reported.push(*k);
        seconds = seconds.max(report.totals.seconds);
        if let Some(run) = &first
            && run.fingerprint != report.run.fingerprint
        {
            notes.push(format!(
                "shard {k}/{n} was converted with another version or rules ({})",
                report.run.fingerprint
            ));
        }
        notes.extend(
            report
                .notes
                .into_iter()
                .map(|note| format!("shard {k}/{n}: {note}")),
        );
        collisions.extend(report.collisions);
        pruned.extend(report.pruned);
        // Newer reports come later: their entry for a path wins.
        files.extend(report.files.into_iter().map(|f| (f.path.clone(), f)));
        first.get_or_insert(report.run);
    }
    reported.sort_unstable();
    reported.dedup();
    let missing: Vec<u32> = (1..=n)
        .filter(|k| reported.binary_search(k).is_err())
        .collect();
    let running: Vec<u32> = (1..=n)
        .filter(|&k| {
            let mut opts = Options::new(out_dir);
            opts.shard = Some((k, n));
            crate::fsutil::lock_is_held(&opts.lock_path())
        })
        .collect();
    for k in &missing {
        notes.push(format!(
            "no report from shard {k}/{n}: not run yet, or stopped before its report"
        ));
    }
    for k in &running {
        notes.push(format!("shard {k}/{n} is still running"));
    }
    notes.push(format!(
        "merged from {} of {n} shard report(s)",
        reported.len()
    ));

    let mut totals = Totals::default();
    for f in files.values() {
        totals.add(f);
    }
    totals.finish(seconds);
    pruned.sort();
    let mut run = first.unwrap_or_default();
    run.shard = None;
    Ok(Merged {
        report: Report {
            run,
            totals,
            collisions,
            notes,
            pruned,
            files: files.into_values().collect(),
        },
        shards: Some(n),
        missing,
        running,
    })
}

/// Writes a merged report as `OUT/report.json` (atomically), where
/// `minutes index`, `track` and `report` read the archive.
pub fn write_merged(out_dir: &Path, merged: &Merged) -> Result<PathBuf, Error> {
    let path = out_dir.join("report.json");
    write_atomic_with(&path, |w| {
        serde_json::to_writer_pretty(w, &merged.report).map_err(std::io::Error::from)
    })
    .map_err(|source| Error::Write {
        path: path.clone(),
        source,
    })?;
    Ok(path)
}

fn read_report(path: &Path) -> Result<Report, Error> {
    let bytes = fs::read(path).map_err(|e| Error::Report {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    serde_json::from_slice(&bytes).map_err(|e| Error::Report {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_report_names() {
        assert_eq!(shard_of_name("report.shard-3-of-8.json"), Some((3, 8)));
        assert_eq!(shard_of_name("report.shard-9-of-8.json"), None);
        assert_eq!(shard_of_name("report.shard-0-of-8.json"), None);
        assert_eq!(shard_of_name("report.json"), None);
        assert_eq!(shard_of_name("report.shard-x-of-8.json"), None);
    }
}
