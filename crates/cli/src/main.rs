//! `minutes`: turn archived meeting minutes into data.
//!
//! The binary is thin, as in ripgrep: clap parses the flags into [`Args`],
//! they become a ready [`minutes::Config`] (rules compiled and checked once),
//! and each subcommand runs on it. Errors are printed once with their chain;
//! the exit statuses are [`EXIT_STATUSES`].

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use minutes::Config;
use minutes_rules::ruleset::RuleSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod convert;
mod explain;
mod merge;
mod register;
mod score;

/// The exit statuses, as `--help` shows them (and README.md).
const EXIT_STATUSES: &str = "\
Exit status:
  0    every file converted (or skipped on purpose); known failures (--allow-failed) allowed
  1    the run could not proceed: no input found, nothing converted, rules file,
       output folder, another run in the folder (same shard)
  2    some files failed (the report lists them)
  64   usage error: an unknown flag or a bad value (EX_USAGE of sysexits.h)
  130  interrupted by SIGINT/SIGTERM (the report covers the files done)";

/// Exit status of a usage error: apart from 1 and 2, so that a script can
/// tell a typo in its command line from a broken night.
const EXIT_USAGE: u8 = 64;

#[derive(Parser, Debug)]
#[command(
    name = "minutes",
    version,
    about = "Turn meeting minutes (.docx, .pdf, .txt/.md, .rtf, .html, .org, .tex) into structured JSON",
    after_help = EXIT_STATUSES
)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Convert files and folders (recursively) into one JSON document each; files without extension are sniffed.
    #[command(after_help = EXIT_STATUSES)]
    Convert(convert::ConvertArgs),
    /// Show, per item and sentence, which rules fired and which were vetoed.
    Explain {
        /// The document to explain.
        file: PathBuf,
        /// A rules file instead of the built-in rules.
        #[arg(long)]
        rules: Option<PathBuf>,
        /// Only sentences where this rule fired or was vetoed.
        #[arg(long)]
        rule: Option<String>,
    },
    /// Print the intermediate document model a reader makes of a file.
    Dump {
        /// The document.
        file: PathBuf,
        /// As JSON instead of the readable dump.
        #[arg(long)]
        json: bool,
    },
    /// Flatten a folder of JSON outputs into tables: csv, xlsx or jsonl.
    Export(convert::ExportArgs),
    /// Print the built-in rules file (a starting point for --rules).
    Rules,
    /// Score a folder of outputs against gold files: P/R/F1, and per item what was missed and extra.
    Score(score::ScoreArgs),
    /// Load the converted documents of an output folder into a SQLite database.
    Index(register::IndexArgs),
    /// Follow every deferral and action to a later meeting: OUT/tracking.json.
    Track(register::TrackArgs),
    /// Write an offline HTML report of an output folder (--html DIR).
    Report(register::ReportArgs),
    /// Merge the reports of the shards (--shard K/N) in an output folder into OUT/report.json: the archive's totals.
    ReportMerge(merge::ReportMergeArgs),
    /// A conversion worker process, started by `convert` (not for people).
    #[command(hide = true)]
    Worker(convert::WorkerArgs),
}

fn main() -> ExitCode {
    // Like other Unix tools, end quietly when the reader of our output goes
    // away (`minutes explain … | head`) instead of panicking on the pipe.
    #[cfg(unix)]
    // SAFETY: restores the default disposition of one signal at start-up.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let args = match Args::try_parse() {
        Ok(args) => args,
        // Usage errors have their own status, apart from 1 (the run could
        // not proceed) and 2 (some files failed); help and version exit 0.
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_USAGE } else { 0 });
        }
    };
    match run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("minutes: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn run(args: Args) -> Result<ExitCode> {
    match args.command {
        Command::Convert(a) => convert::run(a),
        Command::Export(a) => convert::export(a),
        Command::Score(a) => score::run(a),
        Command::Index(a) => register::index(a),
        Command::Track(a) => register::track(a),
        Command::Report(a) => register::report(a),
        Command::ReportMerge(a) => merge::run(a),
        Command::Worker(a) => convert::worker(a),
        Command::Explain { file, rules, rule } => {
            let config = Config::new(load_rules(rules.as_deref())?);
            explain::run(&file, &config, rule.as_deref())
        }
        Command::Dump { file, json } => {
            let bytes =
                std::fs::read(&file).with_context(|| format!("{}: cannot read", file.display()))?;
            let name = file.display().to_string();
            let format = match minutes::sniff(&name, &bytes) {
                minutes::Sniffed::Read(f) => f,
                minutes::Sniffed::Skip(why) => anyhow::bail!("{name}: {why}"),
            };
            let doc = minutes::read_document(&bytes, format, &Default::default())
                .with_context(|| format!("{name}: cannot be read"))?;
            if json {
                println!("{}", serde_json::to_string_pretty(&doc)?);
            } else {
                print!("{}", doc.dump());
                for d in &doc.diagnostics {
                    eprintln!("{name}: {}: {}", d.code, d.message);
                }
                // Which layout scheme the structure finder chooses for it.
                eprintln!("{name}: {}", minutes_structure::find(&doc).layout);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules => {
            print!("{}", minutes_rules::DEFAULT_RULES);
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The rules to run with: a file, or the built-in ones. Every problem in a
/// rules file is reported here, before any document is read.
pub(crate) fn load_rules(path: Option<&Path>) -> Result<RuleSet> {
    match path {
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .with_context(|| format!("{}: cannot read rules file", p.display()))?;
            RuleSet::parse(&text).with_context(|| format!("{}: bad rules file", p.display()))
        }
        None => RuleSet::default_rules().context("the built-in rules are broken"),
    }
}
