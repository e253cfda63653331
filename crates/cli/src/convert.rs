//! `minutes convert INPUT... --out DIR` and `minutes export DIR --to FORMAT`.
//!
//! The batch runner (`minutes-batch`) knows nothing of formats: this module
//! hands it a converter closure that runs the pipeline on one file's bytes.

use anyhow::{Context, Result, bail};
use clap::Args;
use minutes::Config;
use minutes_batch::{Naming, Options, Outcome, Progress, WorkerCommand};
use minutes_export::{ExportFormat, ExportOptions};
use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

#[derive(Args, Debug)]
pub(crate) struct ConvertArgs {
    /// Files and folders to convert (folders recursively), or - for standard input.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Where to write: a folder (default `output`) for the JSON (mirroring
    /// the inputs' relative paths) and report.json; for one input file, a
    /// FILE.json or - (standard output) for its JSON alone.
    #[arg(long, short)]
    out: Option<PathBuf>,
    /// A rules file instead of the built-in rules.
    #[arg(long)]
    rules: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long, short)]
    jobs: Option<usize>,
    /// Skip inputs whose output is up to date (same content, version and rules).
    #[arg(long)]
    incremental: bool,
    /// Remove outputs whose input is gone since an earlier run (the default
    /// with --incremental).
    #[arg(long)]
    prune: bool,
    /// Keep outputs whose input is gone.
    #[arg(long, conflicts_with = "prune")]
    no_prune: bool,
    /// Name each output after the input's whole file name
    /// (`protokoll.pdf.json`), which depends only on the input's own path,
    /// instead of its stem (`protokoll.json`, which the scoring tools match).
    #[arg(long)]
    keep_extension: bool,
    /// Process a stable 1/N of the inputs: K/N, e.g. 2/8 for the second of eight.
    #[arg(long, value_parser = parse_shard)]
    shard: Option<(u32, u32)>,
    /// Only files matching this glob, with .gitignore's rules: `protokoll.*`
    /// at any depth, `2024/**` under a folder (repeatable; case ignored).
    #[arg(long, short = 'g')]
    include: Vec<String>,
    /// Leave out files and folders matching this glob, with .gitignore's
    /// rules: `node_modules` wherever it is (repeatable).
    #[arg(long)]
    exclude: Vec<String>,
    /// Also walk hidden files and folders (names starting with a dot).
    #[arg(long)]
    hidden: bool,
    /// Do not honour .gitignore and .ignore files in the input folders.
    #[arg(long)]
    no_ignore: bool,
    /// Follow symbolic links in the input folders.
    #[arg(long, short = 'L')]
    follow: bool,
    /// Known failures: a file of paths or globs (one per line, `#` comments),
    /// relative to the folder given, whose failures are reported but do not
    /// make the exit status 2.
    #[arg(long, value_name = "FILE")]
    allow_failed: Option<PathBuf>,
    /// Largest input file in MB; larger ones fail with an error.
    #[arg(long, default_value_t = 200)]
    max_file_mb: u64,
    /// Largest inflated size of a .docx package in MB.
    #[arg(long, default_value_t = 256)]
    max_docx_mb: u64,
    /// Most pages read from a PDF.
    #[arg(long, default_value_t = 2000)]
    max_pages: u32,
    /// Most objects in a PDF.
    #[arg(long, default_value_t = 2_000_000)]
    max_objects: u32,
    /// Which PDF pages to read by OCR (Tesseract): auto (pages without usable
    /// text), always, never.
    #[arg(long, value_enum, default_value_t = Ocr::Auto)]
    ocr: Ocr,
    /// Seconds one file may take; its worker process is then killed and the
    /// file reported as failed.
    #[arg(long, default_value_t = 120)]
    time_budget: u64,
    /// Address-space limit of each worker process (e.g. 1G, 512M; a plain
    /// number is MiB). A file that needs more fails with "out of memory".
    #[arg(long, default_value = "1G", value_parser = parse_size)]
    max_memory: u64,
    /// Convert in this process instead of in worker processes: no memory
    /// limit, and a crash on one file ends the whole run.
    #[arg(long)]
    in_process: bool,
    /// Print nothing but errors and the summary.
    #[arg(long, short)]
    quiet: bool,
    /// Also export the tables: csv, xlsx or jsonl (into the output folder).
    /// Not with --shard: export once after all shards.
    #[arg(long, conflicts_with = "shard")]
    export: Option<ExportFormat>,
    /// Field delimiter for CSV: ';', which Excel in a Swedish locale splits
    /// on (',' for other tools).
    #[arg(long, default_value = ";")]
    delimiter: char,
}

/// `--ocr`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Ocr {
    Auto,
    Always,
    Never,
}

impl Ocr {
    /// The value as written on the command line (for the worker's).
    fn name(self) -> &'static str {
        match self {
            Ocr::Auto => "auto",
            Ocr::Always => "always",
            Ocr::Never => "never",
        }
    }
}

impl From<Ocr> for minutes_model::OcrMode {
    fn from(o: Ocr) -> Self {
        match o {
            Ocr::Auto => Self::Auto,
            Ocr::Always => Self::Always,
            Ocr::Never => Self::Never,
        }
    }
}

/// Each failed file on stderr, one line each, with its cause; known
/// failures (`--allow-failed`) are marked.
pub(crate) fn print_failures(report: &minutes_batch::Report) {
    for f in report.failures() {
        eprintln!(
            "failed{} {}: {}",
            if f.allowed { " (allowed)" } else { "" },
            f.path,
            f.error.as_deref().unwrap_or("unknown error")
        );
    }
}

fn parse_shard(s: &str) -> Result<(u32, u32), String> {
    let (k, n) = s.split_once('/').ok_or("expected K/N, e.g. 2/8")?;
    let k: u32 = k.trim().parse().map_err(|_| format!("bad K in {s:?}"))?;
    let n: u32 = n.trim().parse().map_err(|_| format!("bad N in {s:?}"))?;
    if n == 0 || k == 0 || k > n {
        return Err(format!("{s:?}: need 1 <= K <= N"));
    }
    Ok((k, n))
}

/// `1G`, `512M`, `64K` or a plain number of MiB, in bytes.
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (digits, unit) = match t.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((at, _)) => t.split_at(at),
        None => (t, "M"),
    };
    let shift = match unit
        .trim()
        .to_ascii_uppercase()
        .trim_end_matches(['B', 'I'])
    {
        "K" => 10,
        "M" => 20,
        "G" => 30,
        _ => return Err(format!("{s:?}: expected a size such as 1G or 512M")),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("{s:?}: expected a size such as 1G or 512M"))?;
    n.checked_mul(1 << shift)
        .filter(|&b| b > 0)
        .ok_or_else(|| format!("{s:?}: not a usable size"))
}

/// What a worker process needs to convert exactly as its parent would.
#[derive(Args, Debug)]
pub(crate) struct WorkerArgs {
    /// A rules file instead of the built-in rules.
    #[arg(long)]
    rules: Option<PathBuf>,
    #[arg(long)]
    max_file_mb: u64,
    #[arg(long)]
    max_docx_mb: u64,
    #[arg(long)]
    max_pages: u32,
    #[arg(long)]
    max_objects: u32,
    #[arg(long, value_enum, default_value_t = Ocr::Auto)]
    ocr: Ocr,
}

fn config_of(
    rules: Option<&Path>,
    max_file_mb: u64,
    max_docx_mb: u64,
    max_pages: u32,
    max_objects: u32,
) -> Result<Config> {
    let mut config = Config::new(crate::load_rules(rules)?);
    config.max_file_bytes = max_file_mb.saturating_mul(1024 * 1024);
    config.read.max_inflated_bytes = max_docx_mb.saturating_mul(1024 * 1024);
    config.read.max_pages = max_pages;
    config.read.max_objects = max_objects;
    Ok(config)
}

/// The hidden `minutes worker`: converts the files its parent sends until
/// the parent closes the pipe (see `minutes_batch::serve`).
pub(crate) fn worker(a: WorkerArgs) -> Result<ExitCode> {
    let mut config = config_of(
        a.rules.as_deref(),
        a.max_file_mb,
        a.max_docx_mb,
        a.max_pages,
        a.max_objects,
    )?;
    config.read.ocr = a.ocr.into();
    let convert = converter(Arc::new(config));
    // A debug build's way to make a real crash for the tests: the worker
    // aborts on the file named here. Release builds do not look.
    #[cfg(debug_assertions)]
    let convert = {
        let crash_on = std::env::var("MINUTES_DEBUG_WORKER_ABORT").ok();
        move |input: &minutes_batch::Input| {
            if crash_on
                .as_deref()
                .is_some_and(|name| input.rel.ends_with(name))
            {
                std::process::abort();
            }
            convert(input)
        }
    };
    minutes_batch::serve(convert).context("worker: the pipe to the parent failed")?;
    Ok(ExitCode::SUCCESS)
}

/// The worker command line that converts as `a` says.
fn worker_command(a: &ConvertArgs) -> Result<WorkerCommand> {
    let program = std::env::current_exe().context("cannot find the minutes binary")?;
    let mut args: Vec<OsString> = vec!["worker".into()];
    if let Some(rules) = &a.rules {
        args.push("--rules".into());
        args.push(std::path::absolute(rules)?.into());
    }
    for (flag, value) in [
        ("--max-file-mb", a.max_file_mb.to_string()),
        ("--max-docx-mb", a.max_docx_mb.to_string()),
        ("--max-pages", a.max_pages.to_string()),
        ("--max-objects", a.max_objects.to_string()),
        ("--ocr", a.ocr.name().to_string()),
    ] {
        args.push(flag.into());
        args.push(value.into());
    }
    Ok(WorkerCommand {
        program,
        args,
        max_memory: Some(a.max_memory),
    })
}

/// The skip reason of a document that is plainly not minutes.
const NOT_MINUTES: &str =
    "not minutes: no agenda items and no meeting cues (date, participants, minutes heading)";

/// Whether a converted document is plainly not minutes (a shopping list, a
/// README): no agenda item, and none of the cues a meeting leaves (a date,
/// a time, a document-type word such as "protokoll", participants, coming
/// meetings). The body is no cue: a document's first heading is taken for
/// one when nothing better is there. A page read by OCR keeps a scan from
/// this verdict: a poor scan of real minutes can look empty.
fn is_not_minutes(c: &minutes::Converted) -> bool {
    let s = &c.structured;
    let m = &s.meeting;
    let cues = [&m.date, &m.document_date, &m.start_time, &m.document_type];
    s.items.is_empty()
        && s.participants.is_empty()
        && s.next_meetings.is_empty()
        && cues.iter().all(|cue| cue.is_none())
        && !c
            .document
            .diagnostics
            .iter()
            .any(|d| d.code.starts_with("ocr"))
}

/// The pipeline on one file, as the batch runner calls it.
fn converter(
    config: Arc<Config>,
) -> impl Fn(&minutes_batch::Input) -> Result<Outcome, String> + Send + Sync + 'static {
    move |input: &minutes_batch::Input| match minutes::convert_hashed(
        &input.rel,
        &input.bytes,
        &input.sha256,
        &config,
    ) {
        Ok(c) if is_not_minutes(&c) => Ok(Outcome::Skipped {
            reason: NOT_MINUTES.to_string(),
        }),
        Ok(c) => Ok(Outcome::Converted {
            warnings: c
                .document
                .diagnostics
                .iter()
                .chain(&c.structured.warnings)
                .map(|d| format!("{}: {}", d.code, d.message))
                .collect(),
            pages: c.document.source.pages,
            format: c
                .document
                .source
                .format
                .map(|f| f.to_string())
                .unwrap_or_default(),
            json: c.json,
        }),
        Err(minutes::Error::Unsupported(why)) => Ok(Outcome::Skipped { reason: why }),
        Err(e) => Err(e.to_string()),
    }
}

/// Set by SIGINT or SIGTERM: the run stops taking files and writes its
/// report (see `minutes_batch::Options::interrupt`).
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

#[cfg(unix)]
extern "C" fn on_signal(_: libc::c_int) {
    if INTERRUPTED.swap(true, Ordering::SeqCst) {
        // The second signal: the user does not want to wait.
        // SAFETY: _exit is async-signal-safe.
        unsafe { libc::_exit(130) };
    }
}

/// Routes SIGINT and SIGTERM to [`INTERRUPTED`].
fn catch_interrupts() {
    #[cfg(unix)]
    // SAFETY: the handler only touches an atomic and calls _exit, both
    // async-signal-safe.
    unsafe {
        let handler = on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
        libc::signal(libc::SIGINT, handler);
        libc::signal(libc::SIGTERM, handler);
    }
}

/// Where `convert` writes, from its inputs and `--out`.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    /// A folder of outputs with a report: the batch run.
    Folder(PathBuf),
    /// One input's JSON alone, to this file.
    File(PathBuf),
    /// One input's JSON alone, to standard output.
    Stdout,
}

/// `-` as a path: standard input or output.
fn is_dash(p: &Path) -> bool {
    p.as_os_str() == "-"
}

/// The single-file mode applies to one input that is a file (or `-`) with
/// an output that is a `.json` file or `-`; `-` as input writes to standard
/// output unless told otherwise. Anything else is a folder run.
fn target_of(inputs: &[PathBuf], out: Option<&Path>) -> Result<Target> {
    let stdin = inputs.iter().any(|p| is_dash(p));
    if stdin && inputs.len() > 1 {
        bail!("- (standard input) cannot be given with other inputs");
    }
    let one_file = stdin || (inputs.len() == 1 && inputs.iter().all(|p| p.is_file()));
    match out {
        Some(o) if is_dash(o) => {
            if !one_file {
                bail!("-o - writes one document to standard output: give one input file");
            }
            Ok(Target::Stdout)
        }
        Some(o)
            if one_file
                && o.extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("json"))
                && !o.is_dir() =>
        {
            Ok(Target::File(o.to_path_buf()))
        }
        None if stdin => Ok(Target::Stdout),
        Some(_) if stdin => {
            bail!("reading standard input, write to a FILE.json or to - (standard output)")
        }
        Some(o) => Ok(Target::Folder(o.to_path_buf())),
        None => Ok(Target::Folder(PathBuf::from("output"))),
    }
}

pub(crate) fn run(a: ConvertArgs) -> Result<ExitCode> {
    let target = target_of(&a.inputs, a.out.as_deref())?;
    let mut config = config_of(
        a.rules.as_deref(),
        a.max_file_mb,
        a.max_docx_mb,
        a.max_pages,
        a.max_objects,
    )?;
    config.read.ocr = a.ocr.into();
    let allow_failed = match &a.allow_failed {
        Some(path) => Some(minutes_batch::AllowList::read(path)?),
        None => None,
    };
    let out = match target {
        Target::Folder(out) => out,
        single => return convert_single(&a, config, single, allow_failed.as_ref()),
    };
    let mut opts = Options::new(&out);
    if !a.in_process {
        opts.workers = Some(worker_command(&a)?);
    }
    opts.jobs = a.jobs;
    opts.incremental = a.incremental;
    opts.prune = (a.prune || a.incremental) && !a.no_prune;
    opts.naming = if a.keep_extension {
        Naming::KeepExtension
    } else {
        Naming::Stem
    };
    opts.interrupt = Some(&INTERRUPTED);
    catch_interrupts();
    opts.shard = a.shard;
    opts.include = a.include.clone();
    opts.exclude = a.exclude.clone();
    opts.hidden = a.hidden;
    opts.no_ignore = a.no_ignore;
    opts.follow = a.follow;
    opts.allow_failed = allow_failed;
    opts.max_file_bytes = config.max_file_bytes;
    opts.time_budget = Some(Duration::from_secs(a.time_budget.max(1)));
    opts.progress = if a.quiet {
        Progress::Quiet
    } else {
        Progress::auto()
    };
    opts.fingerprint = config.fingerprint();

    let discovery = minutes_batch::discover(&a.inputs, &opts, &|p: &Path| {
        minutes::is_candidate(&p.to_string_lossy()).map(|f| f.to_string())
    })
    .context("cannot list the inputs")?;
    for note in &discovery.notes {
        eprintln!("minutes: {note}");
    }
    if let Some(why) = found_nothing(&discovery, &a.inputs) {
        bail!(why);
    }
    let report = minutes_batch::run(&discovery, &opts, converter(Arc::new(config)))
        .context("the run could not proceed")?;
    print_failures(&report);
    eprintln!("{}", report.summary());
    if let Some(warnings) = report.warnings_summary() {
        eprintln!("{warnings}");
    }
    if INTERRUPTED.load(Ordering::SeqCst) {
        eprintln!(
            "minutes: interrupted; the report of the files done is in {}",
            opts.report_path().display()
        );
        return Ok(ExitCode::from(130));
    }
    let t = &report.totals;
    if t.ok == 0 && t.failed == 0 && discovery.other_shards == 0 {
        bail!(
            "nothing converted: none of the {} file(s) found is minutes (see {})",
            t.files,
            opts.report_path().display()
        );
    }
    if let Some(format) = a.export {
        export_tables(&out, format, None, a.delimiter, a.quiet)?;
    }
    Ok(ExitCode::from(report.exit_code().clamp(0, 255) as u8))
}

/// Why a run has nothing to convert, when it has not: no file in the
/// inputs (in any shard), or none in a minutes format. A shard that got no
/// file while others did has nothing wrong with it.
fn found_nothing(discovery: &minutes_batch::Discovery, inputs: &[PathBuf]) -> Option<String> {
    if discovery.convertible() > 0 || discovery.other_shards > 0 {
        return None;
    }
    let given = inputs
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let mut unreadable = discovery.entries.iter().filter_map(|e| match &e.kind {
        minutes_batch::EntryKind::Error { message } => Some(format!("{}: {message}", e.rel)),
        _ => None,
    });
    Some(match (discovery.len(), unreadable.next()) {
        (0, _) => format!("no input files found in {given}"),
        (_, Some(first)) => format!("no input files found in {given} ({first})"),
        (n, None) => format!(
            "no minutes files found in {given}: {n} file(s), none in a format minutes reads"
        ),
    })
}

/// `minutes convert FILE -o FILE.json` (or `-`): one document, in this
/// process, with no report. Exit status as for a run of one file.
fn convert_single(
    a: &ConvertArgs,
    config: Config,
    target: Target,
    allow_failed: Option<&minutes_batch::AllowList>,
) -> Result<ExitCode> {
    let (name, bytes) = match a.inputs.first() {
        Some(p) if is_dash(p) => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .take(config.max_file_bytes.saturating_add(1))
                .read_to_end(&mut bytes)
                .context("cannot read standard input")?;
            ("-".to_string(), bytes)
        }
        Some(p) => {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string());
            let size = std::fs::metadata(p)
                .with_context(|| format!("{}: cannot read", p.display()))?
                .len();
            if size > config.max_file_bytes {
                return single_failed(
                    &name,
                    &format!(
                        "file is {size} bytes, larger than the limit of {} bytes (not read)",
                        config.max_file_bytes
                    ),
                    allow_failed,
                );
            }
            let bytes =
                std::fs::read(p).with_context(|| format!("{}: cannot read", p.display()))?;
            (name, bytes)
        }
        None => bail!("no input given"),
    };
    let input = minutes_batch::Input {
        path: PathBuf::from(&name),
        rel: name.clone(),
        format: String::new(),
        sha256: minutes::sha256_hex(&bytes),
        bytes,
    };
    match minutes_batch::convert_one(&input, converter(Arc::new(config))) {
        Ok(Outcome::Converted { json, warnings, .. }) => {
            if !a.quiet {
                for w in &warnings {
                    eprintln!("warning {name}: {w}");
                }
            }
            match &target {
                Target::File(path) => minutes_batch::write_atomically(path, &json)
                    .with_context(|| format!("cannot write {}", path.display()))?,
                _ => {
                    let mut stdout = std::io::stdout().lock();
                    stdout.write_all(&json)?;
                    stdout.write_all(b"\n")?;
                    stdout.flush()?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Ok(Outcome::Skipped { reason }) => {
            bail!("nothing converted: {name}: {reason}")
        }
        Err(message) => single_failed(&name, &message, allow_failed),
    }
}

/// A single file failed: exit status 2, or 0 when the list of known
/// failures names it.
fn single_failed(
    name: &str,
    message: &str,
    allow_failed: Option<&minutes_batch::AllowList>,
) -> Result<ExitCode> {
    let allowed = allow_failed.is_some_and(|l| l.allows(name));
    eprintln!(
        "failed{} {name}: {message}",
        if allowed { " (allowed)" } else { "" }
    );
    Ok(ExitCode::from(if allowed { 0 } else { 2 }))
}

#[derive(Args, Debug)]
pub(crate) struct ExportArgs {
    /// A folder of minutes JSON (the output of `minutes convert`).
    dir: PathBuf,
    /// csv (a file per table), xlsx (a sheet per table) or jsonl (a document per line).
    #[arg(long)]
    to: ExportFormat,
    /// Where to write: a folder for csv, a file for xlsx, a file or - for jsonl
    /// (default: DIR/tables for csv, DIR/minutes.xlsx, standard output for jsonl).
    #[arg(long, short)]
    out: Option<PathBuf>,
    /// Field delimiter for CSV: ';', which Excel in a Swedish locale splits
    /// on (',' for other tools).
    #[arg(long, default_value = ";")]
    delimiter: char,
}

pub(crate) fn export(a: ExportArgs) -> Result<ExitCode> {
    export_tables(&a.dir, a.to, a.out, a.delimiter, false)?;
    Ok(ExitCode::SUCCESS)
}

fn export_tables(
    dir: &Path,
    format: ExportFormat,
    out: Option<PathBuf>,
    delimiter: char,
    quiet: bool,
) -> Result<()> {
    if !delimiter.is_ascii() {
        bail!("the CSV delimiter must be one ASCII character, not {delimiter:?}");
    }
    let target = out.unwrap_or_else(|| match format {
        ExportFormat::Csv => dir.join("tables"),
        ExportFormat::Xlsx => dir.join("minutes.xlsx"),
        ExportFormat::Jsonl => PathBuf::from("-"),
    });
    let summary = minutes_export::export(
        dir,
        format,
        &target,
        &ExportOptions {
            delimiter: delimiter as u8,
        },
    )
    .with_context(|| format!("{}: cannot export", dir.display()))?;
    if !quiet {
        let rows: Vec<String> = summary
            .rows
            .iter()
            .map(|(t, n)| format!("{t} {n}"))
            .collect();
        eprintln!(
            "exported {} documents as {format} to {}{}",
            summary.documents,
            target.display(),
            if rows.is_empty() {
                String::new()
            } else {
                format!(" ({})", rows.join(", "))
            }
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(p: &[&str]) -> Vec<PathBuf> {
        p.iter().map(PathBuf::from).collect()
    }

    #[test]
    fn where_convert_writes() {
        let dir = std::env::temp_dir().join(format!("minutes-target-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("protokoll.docx");
        std::fs::write(&file, b"x").unwrap();
        let one = vec![file.clone()];
        let out = |o: &str| Some(PathBuf::from(o));
        let target = |inputs: &[PathBuf], o: Option<PathBuf>| target_of(inputs, o.as_deref());

        // One file: FILE.json (any case) or - is that file; else a folder.
        assert_eq!(
            target(&one, out("ut/p.json")).unwrap(),
            Target::File(PathBuf::from("ut/p.json"))
        );
        assert_eq!(
            target(&one, out("P.JSON")).unwrap(),
            Target::File(PathBuf::from("P.JSON"))
        );
        assert_eq!(target(&one, out("-")).unwrap(), Target::Stdout);
        assert_eq!(
            target(&one, out("ut")).unwrap(),
            Target::Folder(PathBuf::from("ut"))
        );
        assert_eq!(
            target(&one, None).unwrap(),
            Target::Folder(PathBuf::from("output"))
        );
        // A folder, or several inputs: always a folder; never stdout.
        let folder = vec![dir.clone()];
        assert_eq!(
            target(&folder, out("x.json")).unwrap(),
            Target::Folder(PathBuf::from("x.json"))
        );
        assert!(target(&folder, out("-")).is_err());
        assert!(target(&[file.clone(), file.clone()], out("-")).is_err());
        // Standard input: to stdout unless a FILE.json is named.
        assert_eq!(target(&paths(&["-"]), None).unwrap(), Target::Stdout);
        assert_eq!(
            target(&paths(&["-"]), out("a.json")).unwrap(),
            Target::File(PathBuf::from("a.json"))
        );
        assert!(target(&paths(&["-"]), out("ut")).is_err());
        assert!(target(&[PathBuf::from("-"), file], None).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn sizes_and_shards_parse() {
        assert_eq!(parse_size("1G"), Ok(1 << 30));
        assert_eq!(parse_size("512"), Ok(512 << 20));
        assert!(parse_size("0").is_err());
        assert_eq!(parse_shard("3/8"), Ok((3, 8)));
        assert!(parse_shard("0/8").is_err());
        assert!(parse_shard("9/8").is_err());
    }

    fn converted(text: &str) -> minutes::Converted {
        let config = Config::new(crate::load_rules(None).unwrap());
        minutes::convert("x.txt", text.as_bytes(), &config).unwrap()
    }

    #[test]
    fn plain_lists_are_not_minutes_but_dateless_minutes_are() {
        assert!(is_not_minutes(&converted("Mjölk\nÄgg\nSmör\n")));
        assert!(!is_not_minutes(&converted(
            "Protokoll\n\nStyrelsen diskuterade läget.\n"
        )));
        assert!(!is_not_minutes(&converted(
            "Möte 2024-03-12\n\nVi pratade om läget.\n"
        )));
        assert!(!is_not_minutes(&converted(
            "1. Mötets öppnande\nOrdföranden öppnade mötet.\n\n2. Budget\nBudgeten antogs.\n"
        )));
    }
}
