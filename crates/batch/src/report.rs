//! The run report.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// What happened to one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Converted in this run, or up to date from an earlier one.
    Ok,
    /// Could not be converted (see `error`).
    Failed,
    /// Not converted on purpose (see `reason`).
    Skipped,
}

/// One file's entry in the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileReport {
    /// Relative path of the input (`/`-separated); the report is in
    /// discovery order, which is sorted by it.
    pub path: String,
    /// The input's path on disk.
    pub source: String,
    /// Output path relative to the output folder (`/`-separated), when one
    /// was written or is up to date.
    pub output: Option<String>,
    /// Format name.
    pub format: Option<String>,
    /// ok, failed or skipped.
    pub status: Status,
    /// Why it failed.
    pub error: Option<String>,
    /// Why it was skipped.
    pub reason: Option<String>,
    /// The converter's warnings.
    pub warnings: Vec<String>,
    /// Page count, when the format has pages.
    pub pages: Option<u32>,
    /// Wall time spent on this file, in milliseconds.
    pub millis: u64,
    /// True when the file was not converted again because its output was up
    /// to date (incremental runs).
    #[serde(default)]
    pub up_to_date: bool,
    /// True when the file failed but an output of an earlier run was kept
    /// (named in `output`): it describes the input as it was then, not as
    /// it is now. A failure never destroys a good output.
    #[serde(default)]
    pub stale: bool,
    /// True when the file failed and the `--allow-failed` list names it: a
    /// known failure, reported but not failing the run.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub allowed: bool,
}

impl FileReport {
    /// The kinds of its warnings (see [`warning_kind`]), each once.
    fn warning_kinds(&self) -> impl Iterator<Item = &str> {
        let mut kinds: Vec<&str> = self.warnings.iter().map(|w| warning_kind(w)).collect();
        kinds.sort_unstable();
        kinds.dedup();
        kinds.into_iter()
    }
}

/// The kind of a warning written `code: message` (e.g.
/// `pdf.garbled-text: …` → `pdf.garbled-text`); a warning without such a
/// code is of kind `other`.
pub fn warning_kind(warning: &str) -> &str {
    match warning.split_once(": ") {
        Some((code, _)) if !code.is_empty() && !code.contains(char::is_whitespace) => code,
        _ => "other",
    }
}

/// Counts over the whole run.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    /// All files in the report.
    pub files: usize,
    /// Converted plus up to date.
    pub ok: usize,
    /// Converted in this run.
    pub converted: usize,
    /// Left alone because their output was up to date.
    pub up_to_date: usize,
    /// Failed.
    pub failed: usize,
    /// Skipped (not a minutes format, or skipped by the converter).
    pub skipped: usize,
    /// Failed files whose earlier output was kept (see [`FileReport::stale`]).
    #[serde(default)]
    pub stale: usize,
    /// Failed files that the `--allow-failed` list names (counted in
    /// `failed` too; they do not make the exit status 2).
    #[serde(default)]
    pub allowed_failures: usize,
    /// Files per kind of warning (`pdf.garbled-text`, `text.encoding`,
    /// `structure.no-items`, `ocr`, …), among the files converted or up to
    /// date.
    #[serde(default)]
    pub warnings: BTreeMap<String, usize>,
    /// Sum of page counts of the ok files.
    pub pages: u64,
    /// Wall time of the run.
    pub seconds: f64,
    /// Files per second over the run.
    pub docs_per_second: f64,
}

/// How the run was made.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RunInfo {
    /// The caller's fingerprint (tool version + rules hash).
    pub fingerprint: String,
    /// Version of this crate.
    pub batch_version: String,
    /// Start of the run, RFC 3339 UTC.
    pub started: String,
    /// Worker threads.
    pub jobs: usize,
    /// `"K/N"` for a sharded run.
    pub shard: Option<String>,
    /// Whether up-to-date outputs were skipped.
    pub incremental: bool,
    /// Per-file time budget in seconds, if any.
    pub time_budget_seconds: Option<f64>,
    /// The output folder, as given.
    pub out_dir: String,
}

/// An input whose output is not the name it would have on its own: two or
/// more inputs would have had the same output, in this run or in an earlier
/// one whose names are kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Collision {
    /// The input that was given a disambiguated output name.
    pub path: String,
    /// The output it was given instead.
    pub output: String,
    /// The output it would have had.
    pub wanted: String,
    /// Who holds `wanted` in this run: another input, or `(the run
    /// report)`. `None` when nobody does: then `output` is a name given in
    /// an earlier run, kept (see `kept_from_earlier_run`).
    pub kept_by: Option<String>,
    /// True when `output` is the name this input had in the previous run's
    /// manifest, kept so that its key does not change from one run to the
    /// next, rather than one given in this run.
    #[serde(default)]
    pub kept_from_earlier_run: bool,
}

/// The result of a run, also written as `report.json` in the output folder.
///
/// `report.json` lists every file. The `Report` that [`crate::run`] returns
/// has the same run information, totals, collisions and notes, but only the
/// failed files in `files`: the entries of the others were streamed to disk
/// as they were made, so that a run's memory does not grow with the archive.
/// Read `report.json` (it deserializes into this type) for all of them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// How the run was made.
    pub run: RunInfo,
    /// Counts.
    pub totals: Totals,
    /// Output names changed to avoid overwriting another input's output.
    pub collisions: Vec<Collision>,
    /// Run-level remarks (stale temp files removed, manifests ignored,
    /// conversions still running past their budget at the end).
    pub notes: Vec<String>,
    /// Outputs removed because their input is gone (`--prune`), as paths
    /// relative to the output folder.
    #[serde(default)]
    pub pruned: Vec<String>,
    /// One entry per file, in discovery order (sorted by path). In the
    /// report returned by [`crate::run`]: the failed files only.
    pub files: Vec<FileReport>,
}

/// The report's fields by reference, with `files` of any serializable kind:
/// how `report.json` is written, streaming the entries from the run's
/// journal. Same fields in the same order as [`Report`], so the file reads
/// back as one.
#[derive(Serialize)]
pub(crate) struct ReportView<'a, F: Serialize> {
    pub run: &'a RunInfo,
    pub totals: &'a Totals,
    pub collisions: &'a [Collision],
    pub notes: &'a [String],
    pub pruned: &'a [String],
    pub files: F,
}

impl Report {
    /// Process exit status for a CLI: 0 when nothing failed (skips are fine),
    /// 2 when some file failed.
    pub fn exit_code(&self) -> i32 {
        if self.totals.failed > self.totals.allowed_failures {
            2
        } else {
            0
        }
    }

    /// The warnings by kind, most frequent first, e.g. `warnings: 12
    /// structure.no-date, 3 pdf.garbled-text` (files per kind); `None` when
    /// no file has a warning.
    pub fn warnings_summary(&self) -> Option<String> {
        if self.totals.warnings.is_empty() {
            return None;
        }
        let mut kinds: Vec<(&String, &usize)> = self.totals.warnings.iter().collect();
        kinds.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
        let parts: Vec<String> = kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
        Some(format!("warnings (files per kind): {}", parts.join(", ")))
    }

    /// One line, e.g. `1204 files: 1198 converted, 4 failed, 2 skipped in 3.2 s (376 files/s)`.
    pub fn summary(&self) -> String {
        let t = &self.totals;
        let mut parts = vec![format!("{} converted", t.converted)];
        if t.up_to_date > 0 {
            parts.push(format!("{} up to date", t.up_to_date));
        }
        let mut failed = format!("{} failed", t.failed);
        let mut asides = Vec::new();
        if t.allowed_failures > 0 {
            asides.push(format!("{} allowed", t.allowed_failures));
        }
        if t.stale > 0 {
            asides.push(format!("{} earlier output(s) kept", t.stale));
        }
        if !asides.is_empty() {
            failed.push_str(&format!(" ({})", asides.join(", ")));
        }
        parts.push(failed);
        parts.push(format!("{} skipped", t.skipped));
        if !self.pruned.is_empty() {
            parts.push(format!("{} pruned", self.pruned.len()));
        }
        format!(
            "{} files: {} in {:.1} s ({:.0} files/s)",
            t.files,
            parts.join(", "),
            t.seconds,
            t.docs_per_second
        )
    }

    /// The failed entries, for printing after the summary.
    pub fn failures(&self) -> impl Iterator<Item = &FileReport> {
        self.files.iter().filter(|f| f.status == Status::Failed)
    }
}

impl Totals {
    /// Counts one more file.
    pub(crate) fn add(&mut self, f: &FileReport) {
        self.files += 1;
        match f.status {
            Status::Ok => {
                self.ok += 1;
                if f.up_to_date {
                    self.up_to_date += 1;
                } else {
                    self.converted += 1;
                }
                self.pages += u64::from(f.pages.unwrap_or(0));
                for kind in f.warning_kinds() {
                    *self.warnings.entry(kind.to_string()).or_default() += 1;
                }
            }
            Status::Failed => {
                self.failed += 1;
                if f.stale {
                    self.stale += 1;
                }
                if f.allowed {
                    self.allowed_failures += 1;
                }
            }
            Status::Skipped => self.skipped += 1,
        }
    }

    /// Sets the run's wall time and the rate.
    pub(crate) fn finish(&mut self, seconds: f64) {
        self.seconds = seconds;
        self.docs_per_second = if seconds > 0.0 {
            self.files as f64 / seconds
        } else {
            0.0
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_view_serializes_as_the_report() {
        let file = FileReport {
            path: "a.txt".to_string(),
            source: "in/a.txt".to_string(),
            output: Some("a.json".to_string()),
            format: Some("txt".to_string()),
            status: Status::Ok,
            error: None,
            reason: None,
            warnings: vec!["w".to_string()],
            pages: Some(1),
            millis: 2,
            up_to_date: true,
            stale: false,
            allowed: false,
        };
        let mut report = Report {
            run: RunInfo {
                fingerprint: "fp".to_string(),
                shard: Some("1/2".to_string()),
                ..RunInfo::default()
            },
            collisions: vec![Collision {
                path: "x.txt".to_string(),
                output: "x.txt.json".to_string(),
                wanted: "x.json".to_string(),
                kept_by: Some("X.pdf".to_string()),
                kept_from_earlier_run: false,
            }],
            notes: vec!["note".to_string()],
            files: vec![file.clone(), file],
            ..Report::default()
        };
        for f in &report.files {
            report.totals.add(f);
        }
        report.totals.finish(0.5);
        assert_eq!((report.totals.up_to_date, report.totals.pages), (2, 2));
        assert_eq!(report.totals.docs_per_second, 4.0);
        let view = ReportView {
            run: &report.run,
            totals: &report.totals,
            collisions: &report.collisions,
            notes: &report.notes,
            pruned: &report.pruned,
            files: &report.files,
        };
        assert_eq!(
            serde_json::to_string_pretty(&view).unwrap(),
            serde_json::to_string_pretty(&report).unwrap()
        );
    }
}
