//! `minutes convert INPUT... --out DIR` and `minutes export DIR --to FORMAT`.
//!
//! The batch runner (`minutes-batch`) knows nothing of formats: this module
//! hands it a converter closure that runs the pipeline on one file's bytes.

use anyhow::{Context, Result, bail};
use clap::Args;
use minutes::Config;
use minutes_batch::{Options, Outcome, Progress};
use minutes_export::{ExportFormat, ExportOptions};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

#[derive(Args, Debug)]
pub(crate) struct ConvertArgs {
    /// Files and folders to convert (folders recursively).
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Where to write the JSON (mirrors the inputs' relative paths) and report.json.
    #[arg(long, short, default_value = "output")]
    out: PathBuf,
    /// A rules file instead of the built-in rules.
    #[arg(long)]
    rules: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long, short)]
    jobs: Option<usize>,
    /// Skip inputs whose output is up to date (same content, version and rules).
    #[arg(long)]
    incremental: bool,
    /// Process a stable 1/N of the inputs: K/N, e.g. 2/8 for the second of eight.
    #[arg(long, value_parser = parse_shard)]
    shard: Option<(u32, u32)>,
    /// Only files whose relative path matches this glob (repeatable).
    #[arg(long)]
    include: Vec<String>,
    /// Leave out files whose relative path matches this glob (repeatable).
    #[arg(long)]
    exclude: Vec<String>,
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
    /// Seconds one file may take before it is reported as failed.
    #[arg(long, default_value_t = 120)]
    time_budget: u64,
    /// Print nothing but errors and the summary.
    #[arg(long, short)]
    quiet: bool,
    /// Also export the tables: csv, xlsx or jsonl (into the output folder).
    #[arg(long)]
    export: Option<ExportFormat>,
    /// Field delimiter for CSV (Excel in a Swedish locale wants ';').
    #[arg(long, default_value = ",")]
    delimiter: char,
}

/// `--ocr`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Ocr {
    Auto,
    Always,
    Never,
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

fn parse_shard(s: &str) -> Result<(u32, u32), String> {
    let (k, n) = s.split_once('/').ok_or("expected K/N, e.g. 2/8")?;
    let k: u32 = k.trim().parse().map_err(|_| format!("bad K in {s:?}"))?;
    let n: u32 = n.trim().parse().map_err(|_| format!("bad N in {s:?}"))?;
    if n == 0 || k == 0 || k > n {
        return Err(format!("{s:?}: need 1 <= K <= N"));
    }
    Ok((k, n))
}

pub(crate) fn run(a: ConvertArgs) -> Result<ExitCode> {
    let mut config = Config::new(crate::load_rules(a.rules.as_deref())?);
    config.max_file_bytes = a.max_file_mb.saturating_mul(1024 * 1024);
    config.read.max_inflated_bytes = a.max_docx_mb.saturating_mul(1024 * 1024);
    config.read.max_pages = a.max_pages;
    config.read.max_objects = a.max_objects;
    config.read.ocr = a.ocr.into();
    let mut opts = Options::new(&a.out);
    opts.jobs = a.jobs;
    opts.incremental = a.incremental;
    opts.shard = a.shard;
    opts.include = a.include.clone();
    opts.exclude = a.exclude.clone();
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
    let config = Arc::new(config);
    let cfg = Arc::clone(&config);
    let report = minutes_batch::run(&discovery, &opts, move |input: &minutes_batch::Input| {
        match minutes::convert_hashed(&input.rel, &input.bytes, &input.sha256, &cfg) {
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
    })
    .context("the run could not proceed")?;
    for f in report.failures() {
        eprintln!(
            "failed  {}: {}",
            f.path,
            f.error.as_deref().unwrap_or("unknown error")
        );
    }
    eprintln!("{}", report.summary());
    if let Some(format) = a.export {
        export_tables(&a.out, format, None, a.delimiter, a.quiet)?;
    }
    Ok(ExitCode::from(report.exit_code().clamp(0, 255) as u8))
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
    /// Field delimiter for CSV.
    #[arg(long, default_value = ",")]
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
