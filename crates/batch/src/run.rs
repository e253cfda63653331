//! The run: a rayon pool over the discovered files.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

use rayon::prelude::*;

use crate::discover::{Discovery, Entry, EntryKind};
use crate::fsutil::{
    InputFile, LockError, RunLock, clean_stale_temps, hex, rfc3339, sha256, sync_file_systems,
    write_atomic_with, write_temp,
};
use crate::journal::{Change, Journal, Slot, StreamedFiles};
use crate::manifest::{self, ManifestEntry, ManifestWriter};
use crate::naming::{self, Holder};
use crate::outputs::{Pending, Staged};
use crate::panics::{self, HookGuard};
use crate::progress::Reporter;
use crate::report::{FileReport, Report, ReportView, RunInfo, Status};
use crate::worker;
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

/// The skip reason of files a run did not get to before it was interrupted.
const INTERRUPTED: &str = "not converted: the run was interrupted";

type SharedConverter = Arc<dyn Fn(&Input) -> Result<Outcome, String> + Send + Sync>;

/// Converts every entry of `discovery` (which should come from [`crate::discover`]
/// with the same `opts`), writing each output as soon as it is ready, then the
/// manifest and the report.
///
/// Each file's report entry is streamed to a journal in the output folder as
/// soon as the file is done, and `report.json` is written from it at the end,
/// so the memory a run needs does not grow with the number of files (beyond
/// `discovery` itself, a 16-byte slot per file and, for incremental runs, the
/// previous manifest). The returned report therefore lists only the failed
/// files (see [`Report`]); `report.json` lists them all.
///
/// Fails only when the run itself cannot proceed (output folder, worker pool,
/// report file). Per-file problems are failed entries of the report.
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
    let lock_path = opts.lock_path();
    let _lock = RunLock::acquire(&lock_path).map_err(|e| match e {
        LockError::Held(pid) => Error::Locked {
            dir: opts.out_dir.clone(),
            lock: lock_path.clone(),
            pid,
        },
        LockError::Io(source) => Error::Write {
            path: lock_path.clone(),
            source,
        },
    })?;
    // A whole run and shards of one folder would write the same outputs:
    // each keeps the other kind out.
    if let Some((lock, pid)) = other_kind_of_run(opts) {
        return Err(Error::Locked {
            dir: opts.out_dir.clone(),
            lock,
            pid,
        });
    }
    let started = SystemTime::now();
    let clock = Instant::now();

    let mut notes = Vec::new();
    let removed = clean_stale_temps(&opts.out_dir);
    if removed > 0 {
        notes.push(format!(
            "removed {removed} temporary file(s) left by an interrupted run"
        ));
    }
    let (mut previous, manifest_notes) = manifest::load_all(&opts.out_dir, &opts.fingerprint);
    notes.extend(manifest_notes);
    let entries = &discovery.entries;
    // The previous manifest names each input's output whenever it is there,
    // not only with `incremental`: a full reconversion (a new version, other
    // rules) must not rename the outputs that nightly tables key on.
    // Inputs gone since the last run leave the manifest first, so that
    // their names are free for this run's inputs.
    let gone = if opts.prune {
        take_gone(&mut previous, discovery, opts)?
    } else {
        Vec::new()
    };
    let names = naming::assign(entries, &previous, opts.naming, &reserved_names(opts));
    let pruned = remove_outputs_of_gone(gone, &names.taken, opts)?;
    let naming::Assignment {
        renamed,
        superseded,
        collisions,
        taken: _,
    } = names;
    let report_path = opts.report_path();
    let journal = Journal::create(&report_path, entries.len()).map_err(|source| Error::Write {
        path: report_path.clone(),
        source,
    })?;

    let ctx = Ctx {
        opts,
        converter: Arc::new(converter) as SharedConverter,
        entries,
        by_path: path_order(entries),
        renamed,
        superseded,
        previous,
        journal,
        last_flush: Mutex::new((Instant::now(), FLUSH_EVERY)),
        manifest_path: opts.manifest_path(),
        reporter: Reporter::new(opts.progress, entries.len() as u64),
        abandoned: Arc::new(AtomicUsize::new(0)),
        workers: opts.workers.clone().map(worker::Pool::new),
        pending: Pending::new(),
        unsynced_folders: Mutex::new(BTreeSet::new()),
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("minutes-worker-{i}"))
        .stack_size(STACK_BYTES)
        .build()
        .map_err(|e| Error::Pool(e.to_string()))?;

    // The conversions on the pool; the outputs' syncs and renames, and the
    // manifest saves, on a thread of their own (see [`crate::outputs`]).
    thread::scope(|scope| {
        let ctx = &ctx;
        let committer = scope.spawn(move || {
            loop {
                let closed = ctx.pending.wait();
                ctx.commit_outputs();
                ctx.maybe_flush();
                if closed {
                    break;
                }
            }
        });
        {
            let _hook = HookGuard::install();
            pool.install(|| {
                entries.par_iter().enumerate().for_each(|(index, entry)| {
                    match ctx.process(index, entry) {
                        Done::Finished(report, change) => ctx.record(index, report, &change),
                        Done::Staged(staged) => ctx.pending.add(staged),
                    }
                })
            });
        }
        ctx.pending.close();
        // Whatever the committer leaves (it cannot panic: if it did, the
        // outputs left waiting are committed below all the same).
        let _ = committer.join();
    });
    ctx.reporter.finish();
    drop(pool);
    if let Some(workers) = &ctx.workers {
        workers.shut_down();
    }

    if ctx.interrupted() {
        notes.push(format!(
            "the run was interrupted: files reported as \"{INTERRUPTED}\" were left as they were"
        ));
    }
    let still_running = ctx.abandoned.load(Ordering::Acquire);
    if still_running > 0 {
        notes.push(format!(
            "{still_running} conversion(s) that overran the time budget were still running when the run ended"
        ));
    }
    // Every output in place and durable before the manifest names it.
    let settled = ctx.settle_outputs();
    let finished = ctx.journal.finish();
    if let Err(e) = settled.and_then(|()| ctx.save_manifest(&finished.slots)) {
        // Not fatal: the outputs are fine, the next incremental run just
        // converts more than it needs to.
        notes.push(format!(
            "cannot write manifest {}: {e}",
            ctx.manifest_path.display()
        ));
    }
    if let Some(source) = finished.error {
        // Entries are missing from the journal: the report cannot be whole.
        return Err(Error::Write {
            path: report_path,
            source,
        });
    }

    let mut totals = finished.totals;
    totals.finish(clock.elapsed().as_secs_f64());
    let report = Report {
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
        totals,
        collisions,
        notes,
        pruned,
        files: finished.failures,
    };
    write_atomic_with(&report_path, |w| {
        let view = ReportView {
            run: &report.run,
            totals: &report.totals,
            collisions: &report.collisions,
            notes: &report.notes,
            pruned: &report.pruned,
            files: StreamedFiles::new(ctx.journal.reader(), &finished.slots),
        };
        serde_json::to_writer_pretty(w, &view).map_err(io::Error::from)
    })
    .map_err(|source| Error::Write {
        path: report_path,
        source,
    })?;
    // Dropping the context deletes the journal.
    drop(ctx);
    Ok(report)
}

/// A live run of the other kind in the output folder: for a sharded run
/// an unsharded one, for an unsharded run any shard. Its lock and pid.
fn other_kind_of_run(opts: &Options) -> Option<(PathBuf, u32)> {
    let held = |path: PathBuf| crate::fsutil::lock_holder(&path).map(|pid| (path, pid));
    if opts.shard.is_some() {
        return held(opts.out_dir.join(".minutes.lock"));
    }
    fs::read_dir(&opts.out_dir)
        .ok()?
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with(".minutes.shard-") && name.ends_with(".lock")
        })
        .find_map(|e| held(e.path()))
}

/// The entries' indices in path order, when discovery order is not already
/// that (it is, for a [`Discovery`] from [`crate::discover`]); the manifest
/// is written in path order.
fn path_order(entries: &[Entry]) -> Option<Vec<usize>> {
    if entries.windows(2).all(|w| w[0].rel <= w[1].rel) {
        return None;
    }
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by(|&a, &b| entries[a].rel.cmp(&entries[b].rel));
    Some(order)
}

/// State shared by the workers of one run. Nothing in it grows as files are
/// done (but for the failed files' entries): their report entries and
/// manifest changes go to the journal.
struct Ctx<'a> {
    opts: &'a Options,
    converter: SharedConverter,
    entries: &'a [Entry],
    /// See [`path_order`].
    by_path: Option<Vec<usize>>,
    /// Outputs that are not the plain name (collisions), by entry index.
    renamed: HashMap<usize, String>,
    /// Earlier outputs of inputs named otherwise in this run, by entry index
    /// (see [`naming::Assignment::superseded`]).
    superseded: HashMap<usize, String>,
    /// Manifest as it was at the start (read-only: the up-to-date check).
    previous: BTreeMap<String, ManifestEntry>,
    journal: Journal,
    /// When the manifest was last saved, and the wait until the next save.
    last_flush: Mutex<(Instant, Duration)>,
    manifest_path: PathBuf,
    reporter: Reporter,
    /// Conversions that overran their budget and have not returned yet.
    abandoned: Arc<AtomicUsize>,
    /// Worker processes, when conversions run out of process.
    workers: Option<worker::Pool>,
    /// Outputs written to temporary files, waiting for their group's sync
    /// and rename (see [`crate::outputs`]).
    pending: Pending,
    /// Folders that outputs were renamed into since the last sync: synced
    /// before a manifest save, so that the manifest never names an output
    /// whose rename a crash could still undo.
    unsynced_folders: Mutex<BTreeSet<PathBuf>>,
}

/// What became of one entry: done, or its output waiting in a group.
enum Done {
    Finished(FileReport, Change),
    Staged(Staged),
}

/// What the conversion of one input left to do.
enum Step {
    Finished(Change),
    /// The output is in a temporary file (see [`crate::outputs`]).
    Staged {
        temp: PathBuf,
        path: PathBuf,
        digest: crate::fsutil::Digest,
        format: String,
        pages: Option<u32>,
        warnings: Vec<String>,
    },
}

impl Ctx<'_> {
    fn process(&self, index: usize, entry: &Entry) -> Done {
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
            stale: false,
            allowed: false,
        };
        let change = match &entry.kind {
            _ if self.interrupted() => {
                report.reason = Some(INTERRUPTED.to_string());
                Change::Keep
            }
            EntryKind::Skip { reason } => {
                report.reason = Some(reason.clone());
                Change::Keep
            }
            EntryKind::Error { message } => {
                report.status = Status::Failed;
                report.error = Some(message.clone());
                Change::Keep
            }
            EntryKind::Convert { format } => {
                report.format = Some(format.clone());
                let output = match self.renamed.get(&index) {
                    Some(output) => Cow::Borrowed(output.as_str()),
                    None => Cow::Owned(self.opts.naming.output(&entry.rel)),
                };
                match self.convert(index, entry, format, &output, &mut report) {
                    Step::Finished(change) => change,
                    Step::Staged {
                        temp,
                        path,
                        digest,
                        format,
                        pages,
                        warnings,
                    } => {
                        report.millis = start.elapsed().as_millis() as u64;
                        return Done::Staged(Staged {
                            index,
                            temp,
                            path,
                            output: output.into_owned(),
                            report,
                            digest,
                            format,
                            pages,
                            warnings,
                        });
                    }
                }
            }
        };
        report.millis = start.elapsed().as_millis() as u64;
        Done::Finished(report, change)
    }

    /// Records a finished entry: progress, and its journal record.
    fn record(&self, index: usize, mut report: FileReport, change: &Change) {
        report.allowed = report.status == Status::Failed
            && self
                .opts
                .allow_failed
                .as_ref()
                .is_some_and(|list| list.allows(&report.path));
        self.reporter.tick(report.status == Status::Failed);
        self.journal.push(index, report, change);
    }

    /// Syncs the waiting group of outputs, renames each into place and
    /// records it, after waiting for a group under way (so that every
    /// output staged so far is in place on return).
    fn commit_outputs(&self) {
        let (_committing, group) = self.pending.take();
        if group.is_empty() {
            return;
        }
        let folders: BTreeSet<PathBuf> = group
            .iter()
            .filter_map(|s| s.path.parent().map(Path::to_path_buf))
            .collect();
        let synced = sync_file_systems(folders.iter().map(PathBuf::as_path));
        let mut renamed = false;
        for staged in group {
            let placed = match &synced {
                Ok(()) => fs::rename(&staged.temp, &staged.path),
                Err(e) => Err(io::Error::new(e.kind(), e.to_string())),
            };
            renamed |= placed.is_ok();
            let index = staged.index;
            let (report, change) = self.place(staged, placed);
            self.record(index, report, &change);
        }
        if renamed {
            self.unsynced_folders
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .extend(folders);
        }
    }

    /// The report and manifest change of a staged output, once its rename
    /// is done (or failed: then the file fails as a failed write does).
    fn place(&self, staged: Staged, placed: io::Result<()>) -> (FileReport, Change) {
        let Staged {
            index,
            temp,
            path,
            output,
            mut report,
            digest,
            format,
            pages,
            warnings,
        } = staged;
        if let Err(e) = placed {
            let _ = fs::remove_file(&temp);
            let message = format!("cannot write output {}: {e}", path.display());
            let change = self.fail(index, &self.entries[index], &mut report, message, &output);
            return (report, change);
        }
        self.remove_superseded(index);
        report.status = Status::Ok;
        report.output = Some(output.clone());
        report.format = Some(format.clone());
        report.pages = pages;
        report.warnings = warnings.clone();
        let change = Change::Set(ManifestEntry {
            sha256: digest,
            output: Some(output),
            format: Some(format),
            pages,
            warnings,
            skipped: None,
            fresh: true,
        });
        (report, change)
    }

    /// Puts every output staged so far in place and makes the renames
    /// durable: what must hold before a manifest that names them is saved.
    fn settle_outputs(&self) -> io::Result<()> {
        self.commit_outputs();
        let folders = std::mem::take(
            &mut *self
                .unsynced_folders
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        );
        if folders.is_empty() {
            return Ok(());
        }
        sync_file_systems(folders.iter().map(PathBuf::as_path))
    }

    fn convert(
        &self,
        index: usize,
        entry: &Entry,
        format: &str,
        output: &str,
        report: &mut FileReport,
    ) -> Step {
        let out_path = self.opts.out_dir.join(output);
        let mut file = match InputFile::open(&entry.path) {
            Ok(file) => file,
            Err(e) => {
                return Step::Finished(self.fail(
                    index,
                    entry,
                    report,
                    format!("cannot read file: {e}"),
                    output,
                ));
            }
        };
        let limit = self.opts.max_file_bytes;
        if file.size > limit {
            let message = format!(
                "file is {} bytes, larger than the limit of {limit} bytes (not read)",
                file.size
            );
            return Step::Finished(self.fail(index, entry, report, message, output));
        }

        if self.opts.incremental && self.up_to_date(entry, &mut file, output, &out_path, report) {
            return Step::Finished(Change::Keep);
        }

        let bytes = match file.read_all(limit) {
            Ok(bytes) => bytes,
            Err(message) => {
                return Step::Finished(self.fail(index, entry, report, message, output));
            }
        };
        drop(file);
        let digest = sha256(&bytes);
        let input = Input {
            path: entry.path.clone(),
            rel: entry.rel.clone(),
            format: format.to_string(),
            bytes,
            sha256: hex(&digest),
        };
        match self.call(input) {
            Ok(Ok(Outcome::Converted {
                json,
                warnings,
                pages,
                format,
            })) => match write_temp(&out_path, &json) {
                Ok(temp) => Step::Staged {
                    temp,
                    path: out_path,
                    digest,
                    format,
                    pages,
                    warnings,
                },
                Err(e) => {
                    let message = format!("cannot write output {}: {e}", out_path.display());
                    Step::Finished(self.fail(index, entry, report, message, output))
                }
            },
            Ok(Ok(Outcome::Skipped { reason })) => {
                self.remove_previous_output(index, &entry.rel, output);
                report.status = Status::Skipped;
                report.reason = Some(reason.clone());
                Step::Finished(Change::Set(ManifestEntry {
                    sha256: digest,
                    output: None,
                    format: Some(format.to_string()),
                    pages: None,
                    warnings: Vec::new(),
                    skipped: Some(reason),
                    fresh: true,
                }))
            }
            Ok(Err(message)) | Err(message) => {
                Step::Finished(self.fail(index, entry, report, message, output))
            }
        }
    }

    /// The incremental check: fills `report` and returns true when the
    /// manifest says this exact content was converted with this fingerprint to
    /// this output, and the output is still there. Costs one streaming hash.
    fn up_to_date(
        &self,
        entry: &Entry,
        file: &mut InputFile,
        output: &str,
        out_path: &Path,
        report: &mut FileReport,
    ) -> bool {
        let Some(prev) = self.previous.get(&entry.rel) else {
            return false;
        };
        if !prev.fresh {
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
        match file.sha256() {
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
        if let Some(workers) = &self.workers {
            return workers.convert(&input, self.opts.time_budget);
        }
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

    fn interrupted(&self) -> bool {
        self.opts
            .interrupt
            .is_some_and(|f| f.load(Ordering::Relaxed))
    }

    /// A failed file keeps its earlier output, when it has one: a full
    /// disk, a read error or an overrun says nothing against it. The report
    /// names it and marks it stale; its manifest entry stays, still naming
    /// the content it was made from, so a later incremental run converts the
    /// input again if it changed. Only when the input itself is gone is the
    /// output removed. (The earlier output keeps its name when this run
    /// gives the input another one: see [`Ctx::earlier_output`].)
    fn fail(
        &self,
        index: usize,
        entry: &Entry,
        report: &mut FileReport,
        message: String,
        output: &str,
    ) -> Change {
        report.status = Status::Failed;
        report.error = Some(message);
        let Some(earlier) = self.earlier_output(index, &report.path, output) else {
            return Change::Remove;
        };
        if input_gone(&entry.path) {
            self.remove_previous_output(index, &report.path, output);
            return Change::Remove;
        }
        if self.opts.out_dir.join(earlier).is_file() {
            report.output = Some(earlier.to_string());
            report.stale = true;
        }
        Change::Keep
    }

    /// The previous manifest's output of the input at `rel`, when it is
    /// certainly still this input's: at the path this input writes in this
    /// run, or superseded (a name of its own that no input of this run
    /// writes).
    fn earlier_output(&self, index: usize, rel: &str, output: &str) -> Option<&str> {
        let earlier = self.previous.get(rel)?.output.as_deref()?;
        (earlier == output || self.superseded.get(&index).is_some_and(|s| s == earlier))
            .then_some(earlier)
    }

    /// When an input is skipped by the converter or gone, its old output (if
    /// certainly its own, see [`Ctx::earlier_output`]) describes content
    /// that no longer exists: remove it so the folder mirrors the archive.
    fn remove_previous_output(&self, index: usize, rel: &str, output: &str) {
        if let Some(earlier) = self.earlier_output(index, rel, output) {
            let _ = fs::remove_file(self.opts.out_dir.join(earlier));
        }
    }

    /// After an input's output was written under its new name, its earlier
    /// output under another name (see [`naming::Assignment::superseded`])
    /// goes, so that the folder holds one output per input.
    fn remove_superseded(&self, index: usize) {
        if let Some(old) = self.superseded.get(&index) {
            let _ = fs::remove_file(self.opts.out_dir.join(old));
        }
    }

    /// Saves the manifest when the wait since the last save is over (see
    /// [`FLUSH_EVERY`]), on the thread that commits the outputs, after
    /// putting every output so far in place.
    fn maybe_flush(&self) {
        let Ok(mut last) = self.last_flush.try_lock() else {
            return;
        };
        if last.0.elapsed() < last.1 {
            return;
        }
        let started = Instant::now();
        if self.settle_outputs().is_ok()
            && let Ok(slots) = self.journal.snapshot()
        {
            let _ = self.save_manifest(&slots);
        }
        let now = Instant::now();
        *last = (now, FLUSH_EVERY.max((now - started) * 20));
    }

    /// Writes the manifest as of `slots`: the previous manifest's entries
    /// made with this fingerprint, with the changes of the files done so far
    /// applied. Streams a merge of the two (both in path order), reading the
    /// changes back from the journal one at a time.
    fn save_manifest(&self, slots: &[Slot]) -> io::Result<()> {
        let mut reader = self.journal.reader();
        let at = |k: usize| self.by_path.as_ref().map_or(k, |order| order[k]);
        write_atomic_with(&self.manifest_path, |w| {
            let mut out = ManifestWriter::begin(w, &self.opts.fingerprint)?;
            let mut prev = self.previous.iter().filter(|(_, e)| e.fresh).peekable();
            let n = self.entries.len();
            let mut k = 0;
            while k < n {
                let rel = self.entries[at(k)].rel.as_str();
                while let Some((key, e)) = prev.next_if(|(key, _)| key.as_str() < rel) {
                    out.entry(key, e)?;
                }
                let mut current = prev
                    .next_if(|(key, _)| key.as_str() == rel)
                    .map(|(_, e)| Cow::Borrowed(e));
                // Every entry with this path (two inputs can share one).
                while k < n && self.entries[at(k)].rel == rel {
                    let index = at(k);
                    if let Some(&slot) = slots.get(index).filter(|s| s.is_written()) {
                        match reader.change(index, slot)? {
                            Change::Keep => {}
                            Change::Remove => current = None,
                            Change::Set(e) => current = Some(Cow::Owned(e)),
                        }
                    }
                    k += 1;
                }
                if let Some(e) = current {
                    out.entry(rel, &e)?;
                }
            }
            for (key, e) in prev {
                out.entry(key, e)?;
            }
            out.end()?;
            Ok(())
        })
    }
}

/// Takes the manifest entries of inputs that are gone out of `previous`
/// and returns them (`--prune`). An input is gone when this run did not find
/// it, it belongs to this run's shard and globs, and nothing is at its path
/// under any folder given. Nothing is gone when no folder was given or
/// nothing was found to convert (a wrong or unmounted input path must not
/// empty the output folder).
fn take_gone(
    previous: &mut BTreeMap<String, ManifestEntry>,
    discovery: &Discovery,
    opts: &Options,
) -> Result<Vec<ManifestEntry>, Error> {
    if discovery.roots.is_empty() || discovery.convertible() == 0 {
        return Ok(Vec::new());
    }
    let filter = crate::discover::Filter::new(&opts.include, &opts.exclude)?;
    let found: std::collections::HashSet<&str> =
        discovery.entries.iter().map(|e| e.rel.as_str()).collect();
    let gone: Vec<String> = previous
        .keys()
        .filter(|rel| !found.contains(rel.as_str()))
        .filter(|rel| match opts.shard {
            Some((k, n)) => crate::discover::shard_of(rel, n) == k,
            None => true,
        })
        .filter(|rel| {
            // Gone from under every folder given, and a file this run's
            // globs would have taken (matched, as in the walk, relative to
            // its folder).
            discovery.roots.iter().all(|(prefix, root)| {
                let own = if prefix.is_empty() {
                    Some(rel.as_str())
                } else {
                    rel.strip_prefix(prefix.as_str())
                        .and_then(|r| r.strip_prefix('/'))
                };
                own.is_none_or(|own| filter.admits(own) && input_gone(&root.join(own)))
            })
        })
        .cloned()
        .collect();
    Ok(gone.iter().filter_map(|rel| previous.remove(rel)).collect())
}

/// Removes the outputs of the inputs that are gone (see [`take_gone`]) and
/// returns them, but for those that an input of this run writes.
fn remove_outputs_of_gone(
    gone: Vec<ManifestEntry>,
    taken: &HashMap<String, Holder>,
    opts: &Options,
) -> Result<Vec<String>, Error> {
    let mut removed = Vec::new();
    for entry in gone {
        if let Some(output) = entry.output
            && !taken.contains_key(&output.to_lowercase())
        {
            match fs::remove_file(opts.out_dir.join(&output)) {
                Ok(()) => removed.push(output),
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(source) => {
                    return Err(Error::Write {
                        path: opts.out_dir.join(&output),
                        source,
                    });
                }
            }
        }
    }
    Ok(removed)
}

/// True when nothing is at `path` any more (not even a dangling link).
fn input_gone(path: &Path) -> bool {
    matches!(fs::symlink_metadata(path), Err(e) if e.kind() == io::ErrorKind::NotFound)
}

/// Names no input's output may have: the run's reports (`report.json`,
/// and a shard's own).
fn reserved_names(opts: &Options) -> Vec<String> {
    let mut names = vec!["report.json".to_string()];
    if let Some(own) = opts.report_path().file_name() {
        names.push(own.to_string_lossy().into_owned());
    }
    names
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
