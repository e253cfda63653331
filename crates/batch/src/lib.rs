//! Parallel, resumable batch runs of a per-file converter, with a run report.
//!
//! # Design
//!
//! **A generic converter.** This crate knows nothing about document formats or
//! about meeting minutes. The caller supplies two functions: one that tells
//! which files are worth reading ([`discover`]'s `is_supported`, returning a
//! format name) and one that turns an [`Input`] (path, relative path, bytes,
//! sha256) into an [`Outcome`] (JSON bytes plus warnings, or a reason to skip).
//! Keeping formats out of here keeps the batch logic (discovery, sharding,
//! incremental runs, atomic writes, time budgets, panics, reporting) testable
//! with a fake converter and reusable from a benchmark.
//!
//! **Finding the inputs.** [`discover`] walks folders with the `ignore`
//! crate, ripgrep's walker: `.gitignore` and `.ignore` files honoured,
//! hidden files and symbolic links left alone unless asked
//! ([`Options::hidden`], [`Options::no_ignore`], [`Options::follow`]), and
//! the include and exclude globs with gitignore's semantics.
//!
//! **Output paths.** An input's output mirrors its path relative to the folder
//! given on the command line (a file given directly is relative to its own
//! folder), with `.json` appended to the stem: `a/b/x.docx` → `OUT/a/b/x.json`
//! ([`Naming::Stem`]), or, with [`Naming::KeepExtension`], to the whole name:
//! `OUT/a/b/x.docx.json`. When several inputs map to the same output (`x.txt`
//! and `x.docx`), the first in sorted order keeps `x.json` and the others get
//! their full name plus `.json` (`x.txt.json`); comparison is case-insensitive
//! because archives live on case-insensitive file systems too. Names do not
//! drift between runs: an input that the previous manifest lists keeps the
//! output it had there (while that is still one of its own names and no
//! other input kept it first), whether or not the run is incremental; the
//! outputs it gives inputs this run does not convert (outside the globs, in
//! another shard) are given to no one else; and only new inputs are named by
//! the rule above. An output that an input no
//! longer has (after a change of [`Options::naming`]) is removed once its
//! new one is written. Each input whose output is not its plain name is
//! listed in [`Report::collisions`].
//!
//! **Nothing half-written.** Every file this crate writes (outputs, the
//! manifest, the report) is first written to a temporary file in the same
//! folder, named `.<name>.tmp-<pid>-<n>`, and then renamed into place; a rename
//! within one folder is atomic, so a reader (or a rerun) sees either the old
//! complete file or the new complete file. The run's journal (below) is such a
//! temporary file too, deleted when the run ends. Temporary files left by a
//! killed run are removed at the start of the next run when their process is
//! gone (or, where that cannot be checked, when they are older than a minute),
//! so that two shards writing into one folder at the same time do not remove
//! each other's files. Being hidden (a leading dot), none of them is ever
//! discovered as an input, even when the output folder lies inside an input
//! folder.
//!
//! **Durable in groups.** After a crash or a power cut, too, a name holds
//! the old or the new content, never a truncated one: a file's data reaches
//! the disk before the rename that makes it the file. The manifest and the
//! report are fsynced one by one before their rename. The outputs are
//! synced in groups, which costs a fraction of one fsync each (a fsync
//! waits for the disk every time): a converted file's output goes to its
//! temporary file at once, and a thread of the run's own commits them in
//! groups, so that no conversion waits for the disk: when 256 outputs are
//! waiting, or a second has passed, one `syncfs` per file system (Linux;
//! elsewhere each output is fsynced as it is written) makes the whole group
//! durable, then each is renamed into place, and only then is the file
//! recorded as done (progress, journal). (Should the syncs fall behind by
//! 1,024 outputs, conversions wait for them.) Before each manifest save
//! (on the same thread, and at the end of the run) every waiting output is
//! placed and the renames themselves are synced (`syncfs` again; elsewhere
//! each folder renamed into is fsynced), so a manifest never names an
//! output whose rename a crash could still undo. (A `syncfs` writes out
//! whatever else is waiting to be written on that file system too.) What
//! a crash leaves, by when it comes:
//! - before a group's sync: its outputs only as temporary files (perhaps
//!   empty or cut short), which the next run removes; their names hold what
//!   they held before; the manifest does not list them, so an incremental
//!   run converts those inputs again;
//! - during the renames: each name holds its old content or its complete
//!   new one;
//! - after the renames, before the next manifest save: the outputs are
//!   complete and in place; the manifest on disk still describes the
//!   inputs as they were at its last save, so a changed input is converted
//!   again (an entry validates against the input's hash), and an unchanged
//!   one keeps an output made from the same bytes.
//!
//! An output therefore appears in the folder up to a group later than its
//! conversion ends (at most about a second in a steady run).
//!
//! **One run at a time.** A run holds a lock file in the output folder
//! (`.minutes.lock`, per shard `.minutes.shard-K-of-N.lock`) holding its pid;
//! a second run into the folder stops with [`Error::Locked`] naming the
//! holder. A lock left by a killed run (its process gone) is taken over.
//!
//! **Incremental runs and the sidecar manifest.** Whether an output is up to
//! date is decided by a manifest, `OUT/.minutes-manifest.json`, holding the
//! caller's fingerprint (tool version + rules hash) once and mapping each
//! input's relative path to the sha256 of its bytes and the output it produced
//! (plus the format, pages, warnings or skip reason the report repeats for an
//! up-to-date file). A rerun only has to hash each input (streaming, without
//! holding it in memory), look it up and check that the output still exists:
//! it never parses an output. The manifest is rewritten atomically every two
//! seconds or so during a run (less often when it is big) and at its end, so a
//! killed run loses at most the last few seconds of bookkeeping (those files
//! are simply converted again). A sharded run writes its own manifest
//! (`.minutes-manifest.shard-K-of-N.json`) and report (`report.shard-K-of-N.json`)
//! so that shards running at the same time into one folder never race on a
//! file; every run reads all manifests in the folder, the newest winning for a
//! path. Entries validate themselves (hash, fingerprint, output name and the
//! output's existence must all match), so a stale entry can only cause a
//! needless conversion, never a skipped one. Entries made with another
//! fingerprint are not written again. Manifests of the previous format
//! (version 1, a fingerprint in every entry) are still read. After the
//! shards, [`merge_reports`] makes the archive's report of theirs.
//!
//! **Time budget.** With a budget, each rayon worker hands its conversions to a
//! conversion thread of its own, long-lived so that what a conversion warms up
//! per thread (regex caches) is reused from file to file, and waits on a
//! channel with a timeout. A conversion that overruns is reported as failed and
//! abandoned, and the worker starts a fresh conversion thread: Rust
//! cannot kill a thread, so it keeps running (and using a core) until it ends by
//! itself, and its late result is dropped. The run itself never waits for it,
//! so a hung file cannot hang the run. The limits: an abandoned conversion
//! still consumes CPU and memory until it returns (if it never returns, until
//! the process exits), and [`Report::notes`] says how many were still running
//! when the run ended. Without a budget (`time_budget: None`) conversions run
//! directly on the rayon workers, which is marginally cheaper.
//!
//! **Worker processes.** With [`Options::workers`], conversions run in
//! long-lived child processes (the model is Apache Tika's forked parser): the
//! caller's own binary with a hidden subcommand that calls [`serve`]. Each
//! child has an address-space limit (`RLIMIT_AS`) and converts one file after
//! another; a run has at most `jobs` of them. An abort, a stack overflow or
//! a failed allocation ends only the child: its file is failed with the
//! cause ("out of memory", "crashed: stack overflow", "crashed: signal 6"),
//! and the next file gets a new child. The time budget is enforced by killing
//! the child ("killed after 120 s"), so nothing overruns past `jobs`. Inputs
//! and outputs cross a pipe, which costs little next to parsing.
//!
//! **Panics.** Each conversion runs inside `catch_unwind`, so a panic becomes
//! that file's failure with the panic message and location. During a run a
//! panic hook silences the default "thread panicked" message for conversion
//! threads only (it would scribble over the progress bar); panics elsewhere go
//! to the previous hook, which is restored when the last concurrent run ends.
//!
//! **Memory.** A run's memory does not grow with the number of files, past
//! the discovered entries themselves (a path, a relative path and a format
//! name each), a 16-byte slot per file and, in an incremental run, the
//! previous manifest. Each output is written by the worker as soon as it is
//! converted. Each file's report entry, and what it changes in the manifest,
//! is appended to a journal, a JSON-lines temporary file beside the report
//! (`.report.json.entries.tmp-<pid>-<n>`), as the file completes; the slot
//! says where. Only counts and the failed entries stay in memory. The manifest
//! saves merge the previous manifest with the changes read back from the
//! journal, and `report.json` is streamed from it at the end, one entry at a
//! time, in discovery order (sorted by path) whatever the scheduling. Hence
//! the [`Report`] that [`run`] returns lists only the failed files;
//! `report.json` lists them all.
//!
//! **What the output folder holds.** After a run, each input's output is
//! the result of this run, an up-to-date one from an earlier run, or, when
//! the input failed this time, the earlier output kept as it was: a failure
//! (a full disk, an unreadable file, an overrun) never destroys a good
//! output. Such a file is `failed` in the report with `stale: true` and the
//! kept output named; its manifest entry stays, naming the content the output
//! was made from. An input that the converter now skips, or that is gone,
//! loses its old output (it no longer describes the input). With
//! [`Options::prune`], outputs of inputs deleted from the archive since an
//! earlier run are removed too (found through the manifest, listed in
//! [`Report::pruned`]); pruning assumes the run is given the same folders as
//! the runs before it.
//!
//! **Limits.** In process (without workers), a stack overflow or an abort
//! in a converter ends the whole process (Rust cannot catch those); worker
//! and conversion threads get 8 MiB stacks to make deep recursion less
//! likely to hit that. `catch_unwind` does
//! nothing in a build with `panic = "abort"`.
//!
//! # Example
//!
//! ```no_run
//! use std::path::{Path, PathBuf};
//! use minutes_batch::{Input, Options, Outcome, Progress, discover, run};
//!
//! let mut opts = Options::new("out");
//! opts.incremental = true;
//! opts.progress = Progress::auto();
//! opts.fingerprint = "minutes 0.1.0 rules:0123abcd".to_string();
//! let supported = |path: &Path| match path.extension()?.to_str()? {
//!     "txt" | "md" => Some("txt".to_string()),
//!     "docx" => Some("docx".to_string()),
//!     "pdf" => Some("pdf".to_string()),
//!     _ => None,
//! };
//! let found = discover(&[PathBuf::from("arkiv")], &opts, &supported)?;
//! // The converter must be 'static: share configuration through an Arc.
//! let report = run(&found, &opts, |input: &Input| {
//!     Ok(Outcome::Converted {
//!         json: b"{}".to_vec(),
//!         warnings: Vec::new(),
//!         pages: None,
//!         format: input.format.clone(),
//!     })
//! })?;
//! eprintln!("{}", report.summary());
//! std::process::exit(report.exit_code());
//! # Ok::<(), minutes_batch::Error>(())
//! ```

#![deny(missing_docs)]

mod allow;
mod discover;
mod fsutil;
mod journal;
mod manifest;
mod merge;
mod naming;
mod outputs;
mod panics;
mod progress;
mod report;
mod run;
mod worker;

use std::path::PathBuf;
use std::time::Duration;

pub use allow::AllowList;
pub use discover::{Discovery, Entry, EntryKind, discover};
pub use merge::{Merged, merge_reports, write_merged};
pub use naming::Naming;
pub use progress::Progress;
pub use report::{Collision, FileReport, Report, RunInfo, Status, Totals, warning_kind};
pub use run::run;
pub use worker::{WorkerCommand, serve};

/// Converts one input as a run does, outside a run (a single file's
/// conversion, `minutes convert FILE -o FILE.json`): a panic in the
/// converter becomes an error with its message and location.
pub fn convert_one<C>(input: &Input, converter: C) -> Result<Outcome, String>
where
    C: Fn(&Input) -> Result<Outcome, String>,
{
    let _hook = panics::HookGuard::install();
    panics::catch(|| converter(input)).and_then(|r| r)
}

/// Writes `bytes` to `path` through a temporary file in the same folder,
/// fsynced and renamed into place, so that `path` is never seen
/// half-written, even after a crash (a run does the same for its outputs,
/// syncing them in groups). Creates the parent folders.
pub fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    fsutil::write_atomic(path, bytes)
}

/// Name of the manifest file (for an unsharded run) inside the output folder.
pub const MANIFEST_NAME: &str = ".minutes-manifest.json";

/// Settings of one batch run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Folder that receives the outputs, the manifest and the report.
    pub out_dir: PathBuf,
    /// Number of worker threads; `None` uses all cores. A rayon pool with that
    /// many threads is built for each run, so runs do not share the global pool.
    pub jobs: Option<usize>,
    /// Skip inputs whose output is up to date (same input sha256, same
    /// fingerprint, output still present).
    pub incremental: bool,
    /// `(K, N)` with `1 <= K <= N`: process only the inputs whose relative path
    /// hashes into slice K of N. The hash is of the path, not of the order, so
    /// a file stays in its shard when others are added.
    pub shard: Option<(u32, u32)>,
    /// Globs with gitignore's semantics on the path relative to the folder
    /// given (`protokoll.*` matches that name at any depth, `2024/**` the
    /// files under a top folder); when not empty, only matching files are
    /// considered. Matching ignores case.
    pub include: Vec<String>,
    /// Globs as for `include`; matching files and folders are left out
    /// entirely (not even reported): `node_modules` leaves out every folder
    /// of that name.
    pub exclude: Vec<String>,
    /// Walk hidden files and folders too (names starting with `.`).
    pub hidden: bool,
    /// Do not honour `.gitignore` and `.ignore` files.
    pub no_ignore: bool,
    /// Follow symbolic links while walking folders.
    pub follow: bool,
    /// Failures that are known and accepted: reported as usual, but not
    /// counted by [`Report::exit_code`] (see [`AllowList`]).
    pub allow_failed: Option<AllowList>,
    /// Inputs larger than this fail with a clear error and are not read.
    pub max_file_bytes: u64,
    /// Per-file time budget; a conversion running past it is reported as
    /// failed and abandoned (see the crate docs). `None` means no budget.
    pub time_budget: Option<Duration>,
    /// How progress is shown on stderr.
    pub progress: Progress,
    /// Tool version plus rules hash, supplied by the caller; an output made
    /// with another fingerprint is never up to date.
    pub fingerprint: String,
    /// Set (by the caller's signal handler) to end the run early: files not
    /// started yet are reported as skipped, those under way finish, and the
    /// manifest and the report are written as usual.
    pub interrupt: Option<&'static std::sync::atomic::AtomicBool>,
    /// Remove the outputs (and manifest entries) of inputs that are gone
    /// since an earlier run; they are listed in [`Report::pruned`].
    pub prune: bool,
    /// Run conversions in worker processes started with this command (see
    /// [`serve`] and the crate docs); `None` runs them in this process.
    pub workers: Option<WorkerCommand>,
    /// How outputs are named (see the crate docs on output paths).
    pub naming: Naming,
}

impl Options {
    /// Options with defaults: all cores, not incremental, no shard, no globs,
    /// 100 MiB per file, 120 s per file, quiet, empty fingerprint, in
    /// process.
    pub fn new(out_dir: impl Into<PathBuf>) -> Self {
        Options {
            out_dir: out_dir.into(),
            jobs: None,
            incremental: false,
            shard: None,
            include: Vec::new(),
            exclude: Vec::new(),
            hidden: false,
            no_ignore: false,
            follow: false,
            allow_failed: None,
            max_file_bytes: 100 * 1024 * 1024,
            time_budget: Some(Duration::from_secs(120)),
            progress: Progress::Quiet,
            fingerprint: String::new(),
            prune: false,
            interrupt: None,
            workers: None,
            naming: Naming::Stem,
        }
    }

    /// Where this run's report is written: `report.json`, or
    /// `report.shard-K-of-N.json` for a sharded run.
    pub fn report_path(&self) -> PathBuf {
        self.out_dir.join(match self.shard {
            Some((k, n)) => format!("report.shard-{k}-of-{n}.json"),
            None => "report.json".to_string(),
        })
    }

    /// The lock file that keeps a second run (of the same shard) out of the
    /// output folder: `.minutes.lock` or `.minutes.shard-K-of-N.lock`.
    pub fn lock_path(&self) -> PathBuf {
        self.out_dir.join(match self.shard {
            Some((k, n)) => format!(".minutes.shard-{k}-of-{n}.lock"),
            None => ".minutes.lock".to_string(),
        })
    }

    /// Where this run's manifest is written: [`MANIFEST_NAME`], or
    /// `.minutes-manifest.shard-K-of-N.json` for a sharded run.
    pub fn manifest_path(&self) -> PathBuf {
        self.out_dir.join(match self.shard {
            Some((k, n)) => format!(".minutes-manifest.shard-{k}-of-{n}.json"),
            None => MANIFEST_NAME.to_string(),
        })
    }
}

/// One file handed to the converter. Owned, because with a time budget the
/// conversion runs on a thread that may outlive the wait for it.
#[derive(Debug, Clone)]
pub struct Input {
    /// The path as found on disk (joined to what was given on the command line).
    pub path: PathBuf,
    /// The path relative to the folder given on the command line, with `/`
    /// separators; for a file given directly, its file name.
    pub rel: String,
    /// The format name `is_supported` returned for this file.
    pub format: String,
    /// The whole file.
    pub bytes: Vec<u8>,
    /// Lowercase hex sha256 of `bytes` (already computed: reuse it).
    pub sha256: String,
}

/// What the converter made of one input.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// A JSON document, written as given.
    Converted {
        /// The output bytes (the batch runner does not look inside).
        json: Vec<u8>,
        /// Warnings for the report.
        warnings: Vec<String>,
        /// Number of pages, when the format has them.
        pages: Option<u32>,
        /// Format name for the report (e.g. "docx").
        format: String,
    },
    /// Nothing to write, e.g. the file is not meeting minutes after all.
    Skipped {
        /// Why, for the report.
        reason: String,
    },
}

/// The converter: a function of one input. `'static` because with a time
/// budget it may still be running after [`run`] returned.
pub trait Converter: Fn(&Input) -> Result<Outcome, String> + Send + Sync + 'static {}
impl<F> Converter for F where F: Fn(&Input) -> Result<Outcome, String> + Send + Sync + 'static {}

/// Why a run (or a discovery) could not proceed at all. Problems with single
/// files never end up here: they are failed entries in the [`Report`].
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The output folder could not be created.
    #[error("cannot create output folder {path}: {source}")]
    OutDir {
        /// The folder.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// An include or exclude pattern is not a valid glob.
    #[error("invalid glob pattern {pattern:?}: {message}")]
    Glob {
        /// The pattern.
        pattern: String,
        /// The parser's complaint.
        message: String,
    },
    /// A list of failures to allow (`--allow-failed`) cannot be read or has
    /// a bad line.
    #[error("{}{}: {message}", .path.display(), if *.line > 0 { format!(", line {line}") } else { String::new() })]
    AllowList {
        /// The list.
        path: PathBuf,
        /// The line (1-based), 0 for the whole file.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The shard is not `1 <= K <= N`.
    #[error("invalid shard {k}/{n}: need 1 <= K <= N")]
    Shard {
        /// K.
        k: u32,
        /// N.
        n: u32,
    },
    /// `jobs` was zero.
    #[error("jobs must be at least 1")]
    Jobs,
    /// The worker pool could not be started.
    #[error("cannot start worker threads: {0}")]
    Pool(String),
    /// Another run is writing into the same output folder (same shard).
    #[error(
        "another minutes run (pid {pid}) is writing into {}; wait for it to end (or remove {} if no such run exists)",
        .dir.display(), .lock.display()
    )]
    Locked {
        /// The output folder.
        dir: PathBuf,
        /// The lock file.
        lock: PathBuf,
        /// The process holding it.
        pid: u32,
    },
    /// A run report could not be read.
    #[error("cannot read report {}: {message}", .path.display())]
    Report {
        /// The report.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The report could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}
