//! `minutes-bench`: throughput and peak memory of `minutes convert` over a
//! generated archive (see README.md in this crate).
//!
//! For each archive size it generates N documents from the fixtures, runs
//! `minutes convert ARCHIVE --out OUT --incremental --quiet` on an empty
//! output folder (the first, full run), then the same command again (the
//! incremental rerun, which should find everything up to date), and reports
//! documents/s, the child's peak RSS and CPU time, failures per format and
//! the rerun's speedup. Results go to stdout and WORK/bench.json.

mod archive;
mod measure;

use anyhow::{Context, Result, bail};
use archive::{Archive, Kind, Mix, Sources};
use clap::Parser;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

#[derive(Parser, Debug)]
#[command(
    name = "minutes-bench",
    about = "Throughput and peak memory of `minutes convert` over a generated archive"
)]
struct Cli {
    /// Documents in the generated archive.
    #[arg(long, default_value_t = 10_000)]
    docs: usize,
    /// Several archive sizes, e.g. 1000,10000 (overrides --docs), to show
    /// how peak memory grows with the archive.
    #[arg(long, value_delimiter = ',')]
    scale: Vec<usize>,
    /// Formats and their weights, e.g. txt=40,docx=40,pdf=20 or txt (also html, rtf, org).
    #[arg(long, default_value = "txt=40,docx=40,pdf=20", value_parser = Mix::parse)]
    mix: Mix,
    /// Working folder for the archive, outputs, logs and bench.json
    /// (default: target/minutes-bench next to this binary, else the temp dir).
    #[arg(long)]
    work: Option<PathBuf>,
    /// The `minutes` binary to measure (default: `minutes` beside this binary).
    #[arg(long)]
    bin: Option<PathBuf>,
    /// Passed to `minutes convert --jobs` (default: its own, all cores).
    #[arg(long)]
    jobs: Option<usize>,
    /// Keep the archives and outputs (by default only bench.json, the logs and
    /// the first runs' report.json copies stay).
    #[arg(long)]
    keep: bool,
    /// The fixtures folder to copy documents from.
    #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures"))]
    fixtures: PathBuf,
    /// Skip converting a sample of generated files against their originals.
    #[arg(long)]
    no_verify: bool,
}

/// One format's share of a run, from report.json.
#[derive(Debug, Clone, Default, Serialize)]
struct FormatStats {
    docs: usize,
    ok: usize,
    failed: usize,
    /// Mean per-file time the batch runner recorded (read + convert + write), ms.
    mean_ms: f64,
    /// Up to three distinct error messages.
    errors: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
struct RunResult {
    seconds: f64,
    docs_per_second: f64,
    /// Documents per second of CPU time (user + sys) times the cores: what
    /// the run would reach on otherwise idle cores with perfect scaling. On a
    /// shared machine this is the steadier figure.
    cpu_bound_docs_per_second: f64,
    /// 1-minute load average of the machine when the run started (from
    /// /proc/loadavg): above the core count, other work competed.
    load_before: f64,
    cpu_user_seconds: f64,
    cpu_sys_seconds: f64,
    peak_rss_mb: f64,
    exit_status: i32,
    /// From report.json.
    files: u64,
    ok: u64,
    converted: u64,
    up_to_date: u64,
    failed: u64,
    skipped: u64,
    /// The run's own wall time as report.json gives it (without process start-up and exit).
    report_seconds: f64,
    /// The tool version and rules hash the run reports.
    fingerprint: String,
    /// Resident set over the run, [seconds, MB], at most 20 evenly spaced samples.
    rss_mb_over_time: Vec<(f64, f64)>,
}

#[derive(Debug, Clone, Serialize)]
struct SizeResult {
    docs: usize,
    archive_bytes: u64,
    generate_seconds: f64,
    formats: BTreeMap<String, FormatStats>,
    first: RunResult,
    rerun: RunResult,
    /// first.seconds / rerun.seconds.
    incremental_speedup: f64,
}

#[derive(Debug, Clone, Serialize)]
struct Verification {
    /// Per fixture: (original status, generated copy status).
    files: Vec<(String, String, String)>,
    /// Formats this build could not read even from the original fixtures.
    unreadable_formats: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
struct Bench {
    date: String,
    machine: Machine,
    minutes_bin: String,
    /// When the measured binary was built (its modification time).
    minutes_bin_built: String,
    minutes_version: String,
    mix: String,
    jobs: Option<usize>,
    verification: Option<Verification>,
    sizes: Vec<SizeResult>,
    /// Peak RSS of the largest archive over that of the smallest (first runs).
    peak_rss_ratio: Option<f64>,
    /// The targets, checked against the largest archive.
    checks: Vec<Check>,
}

/// One of the targets.
#[derive(Debug, Clone, Serialize)]
struct Check {
    target: String,
    measured: String,
    met: bool,
}

/// The targets: on 2 cores at least 1,000 documents/s, peak memory
/// under 300 MB and flat as the archive grows (read here as: the largest
/// archive's peak at most 1.25 times the smallest's), the incremental rerun
/// at least 10x faster.
fn checks(sizes: &[SizeResult], ratio: Option<f64>) -> Vec<Check> {
    let Some(big) = sizes.iter().max_by_key(|s| s.docs) else {
        return Vec::new();
    };
    let mut out = vec![
        Check {
            target: "at least 1000 documents/s (wall clock)".into(),
            measured: format!("{:.0} docs/s", big.first.docs_per_second),
            met: big.first.docs_per_second >= 1000.0,
        },
        Check {
            target: "at least 1000 documents/s on idle cores (CPU-bound)".into(),
            measured: format!("{:.0} docs/s", big.first.cpu_bound_docs_per_second),
            met: big.first.cpu_bound_docs_per_second >= 1000.0,
        },
        Check {
            target: "peak memory under 300 MB".into(),
            measured: format!("{:.1} MB", big.first.peak_rss_mb),
            met: big.first.peak_rss_mb < 300.0,
        },
        Check {
            target: "incremental rerun at least 10x faster".into(),
            measured: format!("{:.1}x", big.incremental_speedup),
            met: big.incremental_speedup >= 10.0,
        },
        Check {
            target: "no document failed".into(),
            measured: format!("{} failed", big.first.failed),
            met: big.first.failed == 0,
        },
    ];
    if let Some(r) = ratio {
        out.push(Check {
            target: "peak memory flat: largest/smallest archive at most 1.25x".into(),
            measured: format!("{r:.2}x"),
            met: r <= 1.25,
        });
    }
    out
}

#[derive(Debug, Clone, Serialize)]
struct Machine {
    cores: usize,
    cpu: String,
    memory_mb: u64,
    os: String,
}

fn main() -> ExitCode {
    match real_main() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("minutes-bench: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn real_main() -> Result<()> {
    let cli = Cli::parse();
    let exe_dir = std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().map(Path::to_path_buf));
    let bin = match &cli.bin {
        Some(b) => b.clone(),
        None => exe_dir
            .as_ref()
            .map(|d| d.join(format!("minutes{}", std::env::consts::EXE_SUFFIX)))
            .context("cannot locate this binary's folder; pass --bin")?,
    };
    if !bin.is_file() {
        bail!(
            "{} not found: build it first (cargo build --release -p minutes-cli) or pass --bin",
            bin.display()
        );
    }
    let work = cli.work.clone().unwrap_or_else(|| default_work(exe_dir));
    fs::create_dir_all(&work).with_context(|| format!("cannot create {}", work.display()))?;
    // Measure a copy: on a shared machine `cargo build` may replace the binary
    // between the first run and the rerun, which changes the fingerprint and
    // makes the rerun convert everything again.
    let snapshot = work.join(format!(
        "minutes-under-test{}",
        std::env::consts::EXE_SUFFIX
    ));
    fs::copy(&bin, &snapshot)
        .with_context(|| format!("cannot copy {} to {}", bin.display(), snapshot.display()))?;
    let built = fs::metadata(&bin)
        .and_then(|m| m.modified())
        .map(utc)
        .unwrap_or_default();
    let original_bin = bin;
    let bin = snapshot;
    let mut sizes = if cli.scale.is_empty() {
        vec![cli.docs]
    } else {
        cli.scale.clone()
    };
    sizes.retain(|n| *n > 0);
    if sizes.is_empty() {
        bail!("no archive size above 0");
    }
    let sources = Sources::from_fixtures(&cli.fixtures)?;
    let version = minutes_version(&bin);
    let machine = machine();
    println!(
        "minutes-bench: {} ({}, built {}), {} cores, {}",
        original_bin.display(),
        version,
        built,
        machine.cores,
        machine.cpu
    );
    println!("mix: {}; work: {}", cli.mix, work.display());

    let verification = if cli.no_verify {
        None
    } else {
        Some(verify(&bin, &work, &cli.mix, &sources)?)
    };

    let mut results = Vec::new();
    let several = sizes.len() > 1;
    for &n in &sizes {
        let (archive_dir, out_dir) = if several {
            (
                work.join(format!("archive-{n}")),
                work.join(format!("out-{n}")),
            )
        } else {
            (work.join("archive"), work.join("out"))
        };
        let result = bench_size(&cli, &bin, &work, &archive_dir, &out_dir, n, &sources)?;
        if !cli.keep {
            let _ = fs::remove_dir_all(&archive_dir);
            let _ = fs::remove_dir_all(&out_dir);
        }
        results.push(result);
    }

    let peak_rss_ratio = match (results.first(), results.last()) {
        (Some(a), Some(b)) if results.len() > 1 && a.first.peak_rss_mb > 0.0 => {
            Some(b.first.peak_rss_mb / a.first.peak_rss_mb)
        }
        _ => None,
    };
    let bench = Bench {
        date: utc(SystemTime::now()),
        machine,
        minutes_bin: original_bin.display().to_string(),
        minutes_bin_built: built,
        minutes_version: version,
        mix: cli.mix.to_string(),
        jobs: cli.jobs,
        verification,
        checks: checks(&results, peak_rss_ratio),
        sizes: results,
        peak_rss_ratio,
    };
    print_table(&bench);
    if !cli.keep {
        let _ = fs::remove_file(&bin);
    }
    let json_path = work.join("bench.json");
    fs::write(&json_path, serde_json::to_vec_pretty(&bench)?)
        .with_context(|| format!("cannot write {}", json_path.display()))?;
    println!("\nwritten {}", json_path.display());
    Ok(())
}

/// `target/minutes-bench` when this binary lives in `target/<profile>/`,
/// else `minutes-bench` in the temp dir.
fn default_work(exe_dir: Option<PathBuf>) -> PathBuf {
    exe_dir
        .as_deref()
        .and_then(Path::parent)
        .filter(|t| t.join("CACHEDIR.TAG").exists() || t.ends_with("target"))
        .map(|t| t.join("minutes-bench"))
        .unwrap_or_else(|| std::env::temp_dir().join("minutes-bench"))
}

fn bench_size(
    cli: &Cli,
    bin: &Path,
    work: &Path,
    archive_dir: &Path,
    out_dir: &Path,
    n: usize,
    sources: &Sources,
) -> Result<SizeResult> {
    println!("\n== {n} documents");
    let clock = Instant::now();
    let archive = archive::generate(archive_dir, n, &cli.mix, sources)?;
    let generate_seconds = clock.elapsed().as_secs_f64();
    println!(
        "generated {} in {:.1} s: {} ({:.1} MB)",
        archive_dir.display(),
        generate_seconds,
        counts(&archive),
        archive.bytes as f64 / 1e6
    );
    if out_dir.exists() {
        fs::remove_dir_all(out_dir)
            .with_context(|| format!("cannot empty {}", out_dir.display()))?;
    }

    let (first, report) = convert(
        cli,
        bin,
        archive_dir,
        out_dir,
        &work.join(format!("run-{n}-first.log")),
    )?;
    println!(
        "first run:  {:.2} s, {:.0} docs/s ({:.0} CPU-bound), peak RSS {:.1} MB, CPU {:.1} s user + {:.1} s sys, {} converted, {} failed, load {:.1} before",
        first.seconds,
        first.docs_per_second,
        first.cpu_bound_docs_per_second,
        first.peak_rss_mb,
        first.cpu_user_seconds,
        first.cpu_sys_seconds,
        first.converted,
        first.failed,
        first.load_before
    );
    let formats = format_stats(&report);
    // The rerun overwrites report.json: keep the first run's, for per-file times.
    let kept = work.join(format!("report-{n}-first.json"));
    fs::copy(out_dir.join("report.json"), &kept)
        .with_context(|| format!("cannot write {}", kept.display()))?;
    let (rerun, _) = convert(
        cli,
        bin,
        archive_dir,
        out_dir,
        &work.join(format!("run-{n}-rerun.log")),
    )?;
    println!(
        "rerun:      {:.2} s, {} up to date, {} converted, {} failed, peak RSS {:.1} MB",
        rerun.seconds, rerun.up_to_date, rerun.converted, rerun.failed, rerun.peak_rss_mb
    );
    if rerun.fingerprint != first.fingerprint {
        println!(
            "warning: the rerun's fingerprint differs from the first run's ({} vs {}): \
             the binary changed in between, so the rerun converted everything again",
            rerun.fingerprint, first.fingerprint
        );
    }
    let curve: Vec<String> = first
        .rss_mb_over_time
        .iter()
        .map(|(t, mb)| format!("{t:.0}s {mb:.0}"))
        .collect();
    if !curve.is_empty() {
        println!("first run RSS (MB) over time: {}", curve.join(", "));
    }
    let incremental_speedup = if rerun.seconds > 0.0 {
        first.seconds / rerun.seconds
    } else {
        0.0
    };
    Ok(SizeResult {
        docs: n,
        archive_bytes: archive.bytes,
        generate_seconds,
        formats,
        first,
        rerun,
        incremental_speedup,
    })
}

fn counts(archive: &Archive) -> String {
    Kind::ALL
        .iter()
        .map(|k| (k, archive.count(*k)))
        .filter(|(_, c)| *c > 0)
        .map(|(k, c)| format!("{c} {k}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One measured `minutes convert --incremental --quiet` run and its report.
fn convert(
    cli: &Cli,
    bin: &Path,
    archive_dir: &Path,
    out_dir: &Path,
    log: &Path,
) -> Result<(RunResult, Value)> {
    let mut cmd = Command::new(bin);
    cmd.arg("convert")
        .arg(archive_dir)
        .arg("--out")
        .arg(out_dir)
        .args(["--incremental", "--quiet"]);
    if let Some(j) = cli.jobs {
        cmd.args(["--jobs", &j.to_string()]);
    }
    let log_file =
        fs::File::create(log).with_context(|| format!("cannot create {}", log.display()))?;
    cmd.stdin(Stdio::null())
        .stdout(log_file.try_clone()?)
        .stderr(log_file);
    let load_before = load_average();
    let m = measure::run(&mut cmd)?;
    if m.exit != 0 && m.exit != 2 {
        bail!(
            "{} exited with status {} (see {})",
            bin.display(),
            m.exit,
            log.display()
        );
    }
    let report_path = out_dir.join("report.json");
    let report: Value = serde_json::from_slice(
        &fs::read(&report_path)
            .with_context(|| format!("cannot read {}", report_path.display()))?,
    )
    .with_context(|| format!("{} is not JSON", report_path.display()))?;
    let t = &report["totals"];
    let step = m.rss.len().div_ceil(20).max(1);
    let mut rss_mb_over_time: Vec<(f64, f64)> = m
        .rss
        .iter()
        .step_by(step)
        .map(|(t, kib)| (*t, *kib as f64 / 1024.0))
        .collect();
    if let Some(&(t, kib)) = m.rss.last()
        && rss_mb_over_time.last().is_some_and(|(lt, _)| *lt < t)
    {
        rss_mb_over_time.push((t, kib as f64 / 1024.0));
    }
    let num = |k: &str| t[k].as_u64().unwrap_or(0);
    let files = num("files");
    Ok((
        RunResult {
            seconds: m.wall,
            docs_per_second: if m.wall > 0.0 {
                files as f64 / m.wall
            } else {
                0.0
            },
            cpu_bound_docs_per_second: {
                let cpu = (m.user + m.sys) / cores() as f64;
                if cpu > 0.0 { files as f64 / cpu } else { 0.0 }
            },
            load_before,
            cpu_user_seconds: m.user,
            cpu_sys_seconds: m.sys,
            peak_rss_mb: m.max_rss_kib as f64 / 1024.0,
            exit_status: m.exit,
            files,
            ok: num("ok"),
            converted: num("converted"),
            up_to_date: num("up_to_date"),
            failed: num("failed"),
            skipped: num("skipped"),
            report_seconds: t["seconds"].as_f64().unwrap_or(0.0),
            fingerprint: report["run"]["fingerprint"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
            rss_mb_over_time,
        },
        report,
    ))
}

/// Counts, failures and mean time per format, from a report's `files`.
/// A file counts under the format its extension names.
fn format_stats(report: &Value) -> BTreeMap<String, FormatStats> {
    let mut stats: BTreeMap<String, FormatStats> = BTreeMap::new();
    let mut millis: BTreeMap<String, u64> = BTreeMap::new();
    for f in report["files"].as_array().map(Vec::as_slice).unwrap_or(&[]) {
        let path = f["path"].as_str().unwrap_or("");
        let kind = match path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()) {
            Some(e) if e == "md" || e == "txt" => "txt".to_string(),
            Some(e) => e,
            None => "?".to_string(),
        };
        let s = stats.entry(kind.clone()).or_default();
        s.docs += 1;
        match f["status"].as_str() {
            Some("ok") => s.ok += 1,
            Some("failed") => {
                s.failed += 1;
                if let Some(e) = f["error"].as_str()
                    && s.errors.len() < 3
                    && !s.errors.iter().any(|x| x == e)
                {
                    s.errors.push(e.to_string());
                }
            }
            _ => {}
        }
        *millis.entry(kind).or_default() += f["millis"].as_u64().unwrap_or(0);
    }
    for (k, s) in stats.iter_mut() {
        if s.docs > 0 {
            s.mean_ms = millis[k] as f64 / s.docs as f64;
        }
    }
    stats
}

/// Converts each fixture and its first generated copy in one run: a copy
/// that fails where its original converts means the generator broke it.
fn verify(bin: &Path, work: &Path, mix: &Mix, sources: &Sources) -> Result<Verification> {
    let dir = work.join("verify");
    let _ = fs::remove_dir_all(&dir);
    let mut pairs = Vec::new();
    for (kind, _) in &mix.0 {
        for (i, source) in sources.of(*kind).iter().enumerate() {
            let name = source
                .file_name()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            // The folder keeps same-named fixtures from different generators apart.
            let group = source
                .parent()
                .and_then(Path::file_name)
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let rel = format!("{group}/{name}");
            let original = fs::read(source)?;
            let varied = archive::vary(*kind, &original, 1_000_000 + i)?;
            for (sub, bytes) in [("orig", &original), ("gen", &varied)] {
                let path = dir.join("in").join(sub).join(&rel);
                fs::create_dir_all(path.parent().unwrap_or(&dir))?;
                fs::write(&path, bytes)?;
            }
            pairs.push((*kind, rel));
        }
    }
    let out = dir.join("out");
    let status = Command::new(bin)
        .arg("convert")
        .arg(dir.join("in"))
        .arg("--out")
        .arg(&out)
        .arg("--quiet")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .with_context(|| format!("cannot start {}", bin.display()))?;
    if !matches!(status.code(), Some(0 | 2)) {
        bail!("verification run failed: {status}");
    }
    let report: Value = serde_json::from_slice(&fs::read(out.join("report.json"))?)?;
    let mut by_path: BTreeMap<String, String> = BTreeMap::new();
    for f in report["files"].as_array().map(Vec::as_slice).unwrap_or(&[]) {
        let status = f["status"].as_str().unwrap_or("?");
        let what = match f["error"].as_str() {
            Some(e) if status == "failed" => format!("failed: {e}"),
            _ => status.to_string(),
        };
        by_path.insert(f["path"].as_str().unwrap_or("").to_string(), what);
    }
    let mut files = Vec::new();
    let mut broken = Vec::new();
    let mut readable: BTreeMap<Kind, bool> = BTreeMap::new();
    let missing = || "missing".to_string();
    for (kind, rel) in pairs {
        let o = by_path
            .get(&format!("orig/{rel}"))
            .cloned()
            .unwrap_or_else(missing);
        let g = by_path
            .get(&format!("gen/{rel}"))
            .cloned()
            .unwrap_or_else(missing);
        *readable.entry(kind).or_default() |= o == "ok";
        if o == "ok" && g != "ok" {
            broken.push(format!("{rel}: {g}"));
        }
        files.push((rel, o, g));
    }
    let unreadable_formats: Vec<String> = readable
        .iter()
        .filter(|(_, ok)| !**ok)
        .map(|(k, _)| k.to_string())
        .collect();
    let ok = files
        .iter()
        .filter(|(_, o, g)| o == "ok" && g == "ok")
        .count();
    println!(
        "verified {} fixtures and a generated copy of each: {ok} both ok{}",
        files.len(),
        if unreadable_formats.is_empty() {
            String::new()
        } else {
            format!(
                "; this build cannot read {} (those documents will count as failed)",
                unreadable_formats.join(", ")
            )
        }
    );
    if !broken.is_empty() {
        bail!(
            "generated copies fail where their originals convert:\n  {}",
            broken.join("\n  ")
        );
    }
    let _ = fs::remove_dir_all(&dir);
    Ok(Verification {
        files,
        unreadable_formats,
    })
}

fn print_table(b: &Bench) {
    println!(
        "\n{:>7} | {:>9} | {:>7} | {:>8} | {:>8} | {:>6} | {:>6} | {:>8} | {:>7}",
        "docs",
        "first (s)",
        "docs/s",
        "CPU-b/s",
        "peak MB",
        "CPU s",
        "failed",
        "rerun(s)",
        "speedup"
    );
    println!("{}", "-".repeat(96));
    for s in &b.sizes {
        println!(
            "{:>7} | {:>9.2} | {:>7.0} | {:>8.0} | {:>8.1} | {:>6.1} | {:>6} | {:>8.3} | {:>6.1}x",
            s.docs,
            s.first.seconds,
            s.first.docs_per_second,
            s.first.cpu_bound_docs_per_second,
            s.first.peak_rss_mb,
            s.first.cpu_user_seconds + s.first.cpu_sys_seconds,
            s.first.failed,
            s.rerun.seconds,
            s.incremental_speedup
        );
    }
    println!(
        "(CPU-b/s: documents per second of CPU time x {} cores, the figure for idle cores)",
        b.machine.cores
    );
    println!("mix: {}", b.mix);
    if let Some(r) = b.peak_rss_ratio {
        println!("peak RSS, largest archive / smallest: {r:.2}x");
    }
    println!(
        "targets ({} docs):",
        b.sizes.iter().map(|s| s.docs).max().unwrap_or(0)
    );
    for c in &b.checks {
        println!(
            "  [{}] {}: {}",
            if c.met { "met" } else { "NOT met" },
            c.target,
            c.measured
        );
    }
    for s in &b.sizes {
        let per: Vec<String> = s
            .formats
            .iter()
            .map(|(k, f)| {
                format!(
                    "{k}: {} docs, {} ok, {} failed, {:.1} ms/doc",
                    f.docs, f.ok, f.failed, f.mean_ms
                )
            })
            .collect();
        println!("{} docs by format: {}", s.docs, per.join("; "));
        for (k, f) in &s.formats {
            for e in &f.errors {
                println!("  {k} error: {e}");
            }
        }
    }
}

fn minutes_version(bin: &Path) -> String {
    Command::new(bin)
        .arg("--version")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "unknown".to_string())
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// The 1-minute load average, 0 where /proc/loadavg is missing.
fn load_average() -> f64 {
    fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0.0)
}

fn machine() -> Machine {
    let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .and_then(|l| l.split_once(':'))
        .map(|(_, v)| v.trim().to_string())
        .unwrap_or_else(|| std::env::consts::ARCH.to_string());
    let meminfo = fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let memory_mb = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
        .map_or(0, |kib| kib / 1024);
    Machine {
        cores: cores(),
        cpu,
        memory_mb,
        os: std::env::consts::OS.to_string(),
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ`.
fn utc(time: SystemTime) -> String {
    let secs = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rem) = ((secs / 86_400) as i64, secs % 86_400);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn formats_utc_dates() {
        assert_eq!(utc(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        let t = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        assert_eq!(utc(t), "2023-11-14T22:13:20Z");
        let leap = UNIX_EPOCH + Duration::from_secs(951_782_400); // 2000-02-29
        assert_eq!(utc(leap), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn counts_formats_from_a_report() {
        let report = serde_json::json!({"files": [
            {"path": "a/1.txt", "status": "ok", "millis": 4},
            {"path": "a/2.md", "status": "ok", "millis": 2},
            {"path": "b/3.pdf", "status": "failed", "error": "no reader", "millis": 1},
            {"path": "b/4.pdf", "status": "failed", "error": "no reader", "millis": 1},
        ]});
        let stats = format_stats(&report);
        assert_eq!(stats["txt"].docs, 2);
        assert_eq!(stats["txt"].mean_ms, 3.0);
        assert_eq!(stats["pdf"].failed, 2);
        assert_eq!(stats["pdf"].errors, vec!["no reader".to_string()]);
    }
}
