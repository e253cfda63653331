//! The run: a rayon pool over the discovered files.

use std::collections::{BTreeMap, HashMap};
use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

use rayon::prelude::*;

use crate::discover::{Discovery, Entry, EntryKind};
use crate::fsutil::{clean_stale_temps, rfc3339, sha256_file, sha256_hex, write_atomic};
use crate::manifest::{self, ManifestEntry};
use crate::panics::{self, HookGuard};
use crate::progress::Reporter;
use crate::report::{Collision, FileReport, Report, RunInfo, Status};
use crate::{Error, Input, Options, Outcome};

/// Stack for worker and conversion threads: parsers of nested documents can
/// recurse deeply, and the 2 MiB default of spawned threads is small.
const STACK_BYTES: usize = 8 * 1024 * 1024;

/// How often, at least, the manifest is saved during a run, so a killed run
/// loses little. For big manifests the interval grows to 20 times the time a
/// save takes, so saving never costs more than about 5 % of one core.
const FLUSH_EVERY: Duration = Duration::from_secs(2);

/// States of a conversion thread, shared with the worker waiting for it.
const RUNNING: u8 = 0;
const DONE: u8 = 1;
const ABANDONED: u8 = 2;

type SharedConverter = Arc<dyn Fn(&Input) -> Result<Outcome, String> + Send + Sync>;

/// Converts every entry of `discovery` (which should come from [`crate::discover`]
/// with the same `opts`), writing each output as soon as it is ready, then the
/// manifest and the report. Returns the report; fails only when the run
/// itself cannot proceed (output folder, worker pool, report file). Per-file
/// problems are failed entries of the report.
pub fn run<C>(discovery: &Discovery, opts: &Options, converter: C) -> Result<Report, Error>
where
    // Spelled out rather than `C: Converter` so closures infer their
    // argument type.
    C: Fn(&Input) -> Result<Outcome, String> + Send + Sync + 'static,
{
    if let Some((k, n)) = opts.shard
        && (k == 0 || k > n)
    {
        return Err(Error::Shard { k, n });
    }
    let jobs = match opts.jobs {
        Some(0) => return Err(Error::Jobs),
        Some(jobs) => jobs,
        None => thread::available_parallelism().map_or(1, |n| n.get()),
    };
    fs::create_dir_all(&opts.out_dir).map_err(|source| Error::OutDir {
        path: opts.out_dir.clone(),
        source,
    })?;
    let started = SystemTime::now();
    let clock = Instant::now();

    let mut notes = Vec::new();
    let removed = clean_stale_temps(&opts.out_dir);
    if removed > 0 {
        notes.push(format!(
            "removed {removed} temporary file(s) left by an interrupted run"
        ));
    }
    let (previous, manifest_notes) = manifest::load_all(&opts.out_dir);
    notes.extend(manifest_notes);
    let (outputs, collisions) = assign_outputs(&discovery.entries, opts);

    let ctx = Ctx {
        opts,
        converter: Arc::new(converter) as SharedConverter,
        current: Mutex::new(previous.clone()),
        previous,
        last_flush: Mutex::new((Instant::now(), FLUSH_EVERY)),
        manifest_path: opts.manifest_path(),
        reporter: Reporter::new(opts.progress, discovery.entries.len() as u64),
        abandoned: Arc::new(AtomicUsize::new(0)),
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("minutes-worker-{i}"))
        .stack_size(STACK_BYTES)
        .build()
        .map_err(|e| Error::Pool(e.to_string()))?;

    let files: Vec<FileReport> = {
        let _hook = HookGuard::install();
        pool.install(|| {
            discovery
                .entries
                .par_iter()
                .zip(outputs.par_iter())
                .map(|(entry, output)| {
                    let report = ctx.process(entry, output.as_deref());
                    ctx.reporter.tick(report.status == Status::Failed);
                    ctx.maybe_flush();
                    report
                })
                .collect()
        })
    };
    ctx.reporter.finish();

    let still_running = ctx.abandoned.load(Ordering::Acquire);
    if still_running > 0 {
        notes.push(format!(
            "{still_running} conversion(s) that overran the time budget were still running when the run ended"
        ));
    }
    let entries = ctx
        .current
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner);
    if let Err(e) = write_atomic(&ctx.manifest_path, &manifest::to_bytes(&entries)) {
        // Not fatal: the outputs are fine, the next incremental run just
        // converts more than it needs to.
        notes.push(format!(
            "cannot write manifest {}: {e}",
            ctx.manifest_path.display()
        ));
    }

    let mut report = Report {
        run: RunInfo {
            fingerprint: opts.fingerprint.clone(),
            batch_version: env!("CARGO_PKG_VERSION").to_string(),
            started: rfc3339(started),
            jobs,
            shard: opts.shard.map(|(k, n)| format!("{k}/{n}")),
            incremental: opts.incremental,
            time_budget_seconds: opts.time_budget.map(|d| d.as_secs_f64()),
            out_dir: opts.out_dir.display().to_string(),
        },
        totals: Default::default(),
        collisions,
        notes,
        files,
    };
    report.compute_totals(clock.elapsed().as_secs_f64());
    let path = opts.report_path();
    let bytes = serde_json::to_vec_pretty(&report).map_err(|e| Error::Write {
        path: path.clone(),
        source: std::io::Error::other(e),
    })?;
    write_atomic(&path, &bytes).map_err(|source| Error::Write { path, source })?;
    Ok(report)
}

/// State shared by the workers of one run.
struct Ctx<'a> {
    opts: &'a Options,
    converter: SharedConverter,
    /// Manifest as it was at the start (read-only: the up-to-date check).
    previous: BTreeMap<String, ManifestEntry>,
    /// Manifest being built (saved periodically and at the end).
    current: Mutex<BTreeMap<String, ManifestEntry>>,
    /// When the manifest was last saved, and the wait until the next save.
    last_flush: Mutex<(Instant, Duration)>,
    manifest_path: PathBuf,
    reporter: Reporter,
    /// Conversions that overran their budget and have not returned yet.
    abandoned: Arc<AtomicUsize>,
}

impl Ctx<'_> {
    fn process(&self, entry: &Entry, output: Option<&str>) -> FileReport {
        let start = Instant::now();
        let mut report = FileReport {
            path: entry.rel.clone(),
            source: entry.path.display().to_string(),
            output: None,
            format: None,
            status: Status::Skipped,
            error: None,
            reason: None,
            warnings: Vec::new(),
            pages: None,
            millis: 0,
            up_to_date: false,
        };
        match &entry.kind {
            EntryKind::Skip { reason } => report.reason = Some(reason.clone()),
            EntryKind::Error { message } => {
                report.status = Status::Failed;
                report.error = Some(message.clone());
            }
            EntryKind::Convert { format } => {
                report.format = Some(format.clone());
                let output = output
                    .map(str::to_string)
                    .unwrap_or_else(|| plain_output(&entry.rel));
                self.convert(entry, format, &output, &mut report);
            }
        }
        report.millis = start.elapsed().as_millis() as u64;
        report
    }

    fn convert(&self, entry: &Entry, format: &str, output: &str, report: &mut FileReport) {
        let out_path = self.opts.out_dir.join(output);
        let size = match fs::metadata(&entry.path) {
            Ok(meta) => meta.len(),
            Err(e) => return self.fail(report, format!("cannot read file: {e}"), output),
        };
        let limit = self.opts.max_file_bytes;
        if size > limit {
            let message =
                format!("file is {size} bytes, larger than the limit of {limit} bytes (not read)");
            return self.fail(report, message, output);
        }

        if self.opts.incremental && self.up_to_date(entry, output, &out_path, report) {
            return;
        }

        let bytes = match read_limited(&entry.path, limit) {
            Ok(bytes) => bytes,
            Err(message) => return self.fail(report, message, output),
        };
        let sha256 = sha256_hex(&bytes);
        let input = Input {
            path: entry.path.clone(),
            rel: entry.rel.clone(),
            format: format.to_string(),
            bytes,
            sha256: sha256.clone(),
        };
        match self.call(input) {
            Ok(Ok(Outcome::Converted {
                json,
                warnings,
                pages,
                format,
            })) => {
                if let Err(e) = write_atomic(&out_path, &json) {
                    let message = format!("cannot write output {}: {e}", out_path.display());
                    return self.fail(report, message, output);
                }
                report.status = Status::Ok;
                report.output = Some(output.to_string());
                report.format = Some(format.clone());
                report.pages = pages;
                report.warnings = warnings.clone();
                self.record(
                    &entry.rel,
                    ManifestEntry {
                        sha256,
                        fingerprint: self.opts.fingerprint.clone(),
                        output: Some(output.to_string()),
                        format: Some(format),
                        pages,
                        warnings,
                        skipped: None,
                    },
                );
            }
            Ok(Ok(Outcome::Skipped { reason })) => {
                self.remove_previous_output(&entry.rel, output);
                report.status = Status::Skipped;
                report.reason = Some(reason.clone());
                self.record(
                    &entry.rel,
                    ManifestEntry {
                        sha256,
                        fingerprint: self.opts.fingerprint.clone(),
                        output: None,
                        format: Some(format.to_string()),
                        pages: None,
                        warnings: Vec::new(),
                        skipped: Some(reason),
                    },
                );
            }
            Ok(Err(message)) | Err(message) => self.fail(report, message, output),
        }
    }

    /// The incremental check: fills `report` and returns true when the
    /// manifest says this exact content was converted with this fingerprint to
    /// this output, and the output is still there. Costs one streaming hash.
    fn up_to_date(
        &self,
        entry: &Entry,
        output: &str,
        out_path: &Path,
        report: &mut FileReport,
    ) -> bool {
        let Some(prev) = self.previous.get(&entry.rel) else {
            return false;
        };
        if prev.fingerprint != self.opts.fingerprint {
            return false;
        }
        let output_ok = match (&prev.output, &prev.skipped) {
            (Some(o), _) => o == output && out_path.is_file(),
            (None, Some(_)) => true,
            (None, None) => false,
        };
        if !output_ok {
            return false;
        }
        match sha256_file(&entry.path) {
            Ok(sha) if sha == prev.sha256 => {}
            _ => return false,
        }
        report.up_to_date = true;
        report.warnings = prev.warnings.clone();
        report.pages = prev.pages;
        if let Some(format) = &prev.format {
            report.format = Some(format.clone());
        }
        match &prev.skipped {
            Some(reason) if prev.output.is_none() => {
                report.status = Status::Skipped;
                report.reason = Some(reason.clone());
            }
            _ => {
                report.status = Status::Ok;
                report.output = Some(output.to_string());
            }
        }
        true
    }

    /// Runs the converter, catching panics and, with a budget, on the
    /// worker's conversion thread so that an overrun can be abandoned (see
    /// the crate docs). The outer `Err` is a failure of the harness: panic,
    /// overrun, no thread.
    fn call(&self, input: Input) -> Result<Result<Outcome, String>, String> {
        let Some(budget) = self.opts.time_budget else {
            return panics::catch(|| (self.converter)(&input));
        };
        let (tx, rx) = mpsc::sync_channel(1);
        let state = Arc::new(AtomicU8::new(RUNNING));
        let converter = Arc::clone(&self.converter);
        let thread_state = Arc::clone(&state);
        let abandoned = Arc::clone(&self.abandoned);
        let job: Job = Box::new(move || {
            let result = panics::catch(|| converter(&input));
            drop(input);
            // Whoever moves the state first decides: DONE means the worker
            // will take the result, ABANDONED means nobody will.
            if thread_state
                .compare_exchange(RUNNING, DONE, Ordering::AcqRel, Ordering::Acquire)
                .is_ok()
            {
                let _ = tx.send(result);
            } else {
                abandoned.fetch_sub(1, Ordering::AcqRel);
            }
        });
        if let Err(e) = CONVERTER_THREAD.with(|t| submit(t, job)) {
            return Err(format!("cannot start a conversion thread: {e}"));
        }
        match rx.recv_timeout(budget) {
            Ok(result) => result,
            Err(RecvTimeoutError::Timeout) => {
                // Count first, so the thread's decrement can never precede it.
                self.abandoned.fetch_add(1, Ordering::AcqRel);
                if state
                    .compare_exchange(RUNNING, ABANDONED, Ordering::AcqRel, Ordering::Acquire)
                    .is_ok()
                {
                    // The conversion thread is busy for good: let it go (it
                    // ends when its job does) and start a fresh one next time.
                    CONVERTER_THREAD.with(|t| t.borrow_mut().take());
                    Err(format!(
                        "exceeded the time budget of {:.1} s (conversion abandoned)",
                        budget.as_secs_f64()
                    ))
                } else {
                    // It finished just now: its result is on the way.
                    self.abandoned.fetch_sub(1, Ordering::AcqRel);
                    rx.recv()
                        .unwrap_or_else(|_| Err("conversion ended without a result".to_string()))
                }
            }
            Err(RecvTimeoutError::Disconnected) => {
                Err("conversion ended without a result".to_string())
            }
        }
    }

    fn fail(&self, report: &mut FileReport, message: String, output: &str) {
        report.status = Status::Failed;
        report.error = Some(message);
        self.remove_previous_output(&report.path, output);
        self.forget(&report.path);
    }

    /// When an input no longer converts, its old output (if it is at the
    /// path this input would write, so certainly its own) describes content
    /// that no longer exists: remove it so the folder mirrors this run.
    fn remove_previous_output(&self, rel: &str, output: &str) {
        if let Some(prev) = self.previous.get(rel)
            && prev.output.as_deref() == Some(output)
        {
            let _ = fs::remove_file(self.opts.out_dir.join(output));
        }
    }

    fn record(&self, rel: &str, entry: ManifestEntry) {
        self.current
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(rel.to_string(), entry);
    }

    fn forget(&self, rel: &str) {
        self.current
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(rel);
    }

    /// Saves the manifest when the wait since the last save is over (see
    /// [`FLUSH_EVERY`]). One worker does it while the others carry on
    /// (`try_lock`).
    fn maybe_flush(&self) {
        let Ok(mut last) = self.last_flush.try_lock() else {
            return;
        };
        if last.0.elapsed() < last.1 {
            return;
        }
        let started = Instant::now();
        let bytes = {
            let current = self.current.lock().unwrap_or_else(PoisonError::into_inner);
            manifest::to_bytes(&current)
        };
        let _ = write_atomic(&self.manifest_path, &bytes);
        let now = Instant::now();
        *last = (now, FLUSH_EVERY.max((now - started) * 20));
    }
}

/// Reads at most `limit` bytes; a file that grew past the limit since it was
/// measured fails rather than being read whole.
fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let file = File::open(path).map_err(|e| format!("cannot read file: {e}"))?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read file: {e}"))?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "file is larger than the limit of {limit} bytes (not read)"
        ));
    }
    Ok(bytes)
}

/// `a/b/x.docx` → `a/b/x.json`.
fn plain_output(rel: &str) -> String {
    let (dir, name) = match rel.rsplit_once('/') {
        Some((dir, name)) => (Some(dir), name),
        None => (None, rel),
    };
    let stem = Path::new(name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.to_string());
    match dir {
        Some(dir) => format!("{dir}/{stem}.json"),
        None => format!("{stem}.json"),
    }
}

/// Output path for each entry (None for entries not converted), in entry
/// order. The first input in sorted order keeps the plain name; later ones
/// that would collide get `<full name>.json` (then `<full name>.<n>.json`).
/// Names are compared case-insensitively, and the run's own report name is
/// reserved.
fn assign_outputs(entries: &[Entry], opts: &Options) -> (Vec<Option<String>>, Vec<Collision>) {
    let mut taken: HashMap<String, String> = HashMap::new();
    for reserved in ["report.json".to_string(), report_name(opts)] {
        taken.insert(reserved.to_lowercase(), "(the run report)".to_string());
    }
    let mut outputs = Vec::with_capacity(entries.len());
    let mut collisions = Vec::new();
    for entry in entries {
        if !matches!(entry.kind, EntryKind::Convert { .. }) {
            outputs.push(None);
            continue;
        }
        let wanted = plain_output(&entry.rel);
        if let Some(holder) = taken.get(&wanted.to_lowercase()).cloned() {
            let mut candidate = format!("{}.json", entry.rel);
            let mut n = 2;
            while taken.contains_key(&candidate.to_lowercase()) {
                candidate = format!("{}.{n}.json", entry.rel);
                n += 1;
            }
            taken.insert(candidate.to_lowercase(), entry.rel.clone());
            collisions.push(Collision {
                path: entry.rel.clone(),
                output: candidate.clone(),
                wanted,
                kept_by: holder,
            });
            outputs.push(Some(candidate));
        } else {
            taken.insert(wanted.to_lowercase(), entry.rel.clone());
            outputs.push(Some(wanted));
        }
    }
    (outputs, collisions)
}

fn report_name(opts: &Options) -> String {
    opts.report_path()
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A conversion to run on a worker's conversion thread.
type Job = Box<dyn FnOnce() + Send + 'static>;

thread_local! {
    /// Each worker's long-lived conversion thread. Reusing it (instead of a
    /// thread per file) keeps what a conversion warms up per thread, such as
    /// regex caches, and saves a thread start per file; it is replaced only
    /// after a conversion overran its budget.
    static CONVERTER_THREAD: std::cell::RefCell<Option<mpsc::Sender<Job>>> =
        const { std::cell::RefCell::new(None) };
}

/// Hand a job to this worker's conversion thread, starting one if needed.
fn submit(slot: &std::cell::RefCell<Option<mpsc::Sender<Job>>>, job: Job) -> std::io::Result<()> {
    let mut slot = slot.borrow_mut();
    let job = match slot.as_ref() {
        Some(tx) => match tx.send(job) {
            Ok(()) => return Ok(()),
            // The thread is gone (it cannot be, short of an abort): start anew.
            Err(mpsc::SendError(job)) => job,
        },
        None => job,
    };
    let (tx, rx) = mpsc::channel::<Job>();
    thread::Builder::new()
        .name("minutes-convert".to_string())
        .stack_size(STACK_BYTES)
        .spawn(move || {
            // Ends when the worker drops its sender: at the end of the run, or
            // when it abandons this thread after an overrun.
            while let Ok(job) = rx.recv() {
                job();
            }
        })?;
    let _ = tx.send(job);
    *slot = Some(tx);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_outputs() {
        assert_eq!(
            plain_output("a/b/2024-01-01 protokoll.docx"),
            "a/b/2024-01-01 protokoll.json"
        );
        assert_eq!(plain_output("x.txt"), "x.json");
        assert_eq!(plain_output("noext"), "noext.json");
        assert_eq!(plain_output("a/x.tar.gz"), "a/x.tar.json");
    }
}
