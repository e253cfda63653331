//! `minutes-export-bench [--docs 1000,10000,30000] [--to xlsx,csv,jsonl]`:
//! peak memory and time of `minutes export` as the archive grows (issue 16:
//! flat from 1k to 30k documents, under 150 MB).
//!
//! It converts the text seeds and the real minutes once (`--ocr never`) to
//! get real output documents, then for each size writes an output folder of
//! that many copies (each with its own `source.path`, as a batch run would
//! leave them, with a manifest listing them) and runs `minutes export` on it
//! in each format, measuring the child's peak resident set from `wait4`.
//! The folders are deleted afterwards unless `--keep`.

// Shared with minutes-bench, which uses all of it.
#[allow(dead_code)]
#[path = "../measure.rs"]
mod measure;

use anyhow::{Context, Result, bail};
use clap::Parser;
use serde_json::{Value, json};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(Parser, Debug)]
#[command(
    name = "minutes-export-bench",
    about = "Peak memory of `minutes export` over generated output folders"
)]
struct Cli {
    /// Archive sizes, in documents.
    #[arg(long, value_delimiter = ',', default_value = "1000,10000")]
    docs: Vec<usize>,
    /// Export formats to measure.
    #[arg(long, value_delimiter = ',', default_value = "xlsx,csv,jsonl")]
    to: Vec<String>,
    /// The `minutes` binary (default: the one beside this one).
    #[arg(long)]
    bin: Option<PathBuf>,
    /// Work folder (default: target/minutes-export-bench).
    #[arg(long)]
    work: Option<PathBuf>,
    /// The fixtures folder.
    #[arg(long, default_value = "fixtures")]
    fixtures: PathBuf,
    /// Keep the generated folders.
    #[arg(long)]
    keep: bool,
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    let bin = match &cli.bin {
        Some(b) => b.clone(),
        None => std::env::current_exe()?
            .with_file_name("minutes")
            .canonicalize()
            .context("no `minutes` beside this binary; build it or pass --bin")?,
    };
    let work = cli
        .work
        .clone()
        .unwrap_or_else(|| PathBuf::from("target/minutes-export-bench"));
    if work.exists() {
        fs::remove_dir_all(&work).with_context(|| format!("{}", work.display()))?;
    }
    fs::create_dir_all(&work)?;

    let sources = source_documents(&bin, &cli.fixtures, &work.join("sources"))?;
    eprintln!("{} source documents", sources.len());

    let mut results = Vec::new();
    println!("| documents | format | peak RSS (MB) | wall (s) | CPU (s) |");
    println!("|---|---|---|---|---|");
    for &n in &cli.docs {
        let out = work.join(format!("out-{n}"));
        generate(&sources, n, &out)?;
        for format in &cli.to {
            let target = match format.as_str() {
                "csv" => work.join(format!("tables-{n}")),
                "xlsx" => work.join(format!("minutes-{n}.xlsx")),
                "jsonl" => work.join(format!("minutes-{n}.jsonl")),
                other => bail!("unknown format {other}"),
            };
            let m = measure::run(
                Command::new(&bin)
                    .arg("export")
                    .arg(&out)
                    .args(["--to", format, "--delimiter", ";", "-o"])
                    .arg(&target),
            )?;
            if m.exit != 0 {
                bail!(
                    "minutes export {format} over {n} documents exited {}",
                    m.exit
                );
            }
            let mb = m.max_rss_kib as f64 / 1024.0;
            println!(
                "| {n} | {format} | {mb:.0} | {:.1} | {:.1} |",
                m.wall,
                m.user + m.sys
            );
            results.push(json!({
                "documents": n, "format": format, "max_rss_kib": m.max_rss_kib,
                "wall": m.wall, "user": m.user, "sys": m.sys,
            }));
            if target.is_dir() {
                fs::remove_dir_all(&target)?;
            } else {
                fs::remove_file(&target)?;
            }
        }
        if !cli.keep {
            fs::remove_dir_all(&out)?;
        }
    }
    fs::write(
        work.join("export-bench.json"),
        serde_json::to_vec_pretty(&json!({ "bin": bin, "results": results }))?,
    )?;
    if !cli.keep {
        fs::remove_dir_all(work.join("sources"))?;
    }
    Ok(())
}

/// Real output documents: the text seeds and the real minutes, converted.
fn source_documents(bin: &Path, fixtures: &Path, out: &Path) -> Result<Vec<Value>> {
    let status = Command::new(bin)
        .arg("convert")
        .arg(fixtures.join("seeds"))
        .arg(fixtures.join("real"))
        .arg("--out")
        .arg(out)
        .args(["--ocr", "never", "--quiet"])
        .status()?;
    // 2: some files failed (a scan without OCR); the others are there.
    if !matches!(status.code(), Some(0 | 2)) {
        bail!("converting the fixtures failed: {status}");
    }
    let mut docs = Vec::new();
    let mut stack = vec![out.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir)? {
            let path = entry?.path();
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            if path.is_dir() {
                stack.push(path);
            } else if name.ends_with(".json") && !name.starts_with('.') && name != "report.json" {
                let doc: Value = serde_json::from_slice(&fs::read(&path)?)
                    .with_context(|| format!("{}", path.display()))?;
                docs.push((path, doc));
            }
        }
    }
    docs.sort_by(|a, b| a.0.cmp(&b.0));
    if docs.is_empty() {
        bail!("no documents converted from {}", fixtures.display());
    }
    Ok(docs.into_iter().map(|(_, d)| d).collect())
}

/// `n` copies of the sources, round-robin, in `year/month` folders, each
/// keyed by its own `source.path`, and the manifest that lists them. The
/// manifest is written entry by entry: this process must stay small, since a
/// child's peak resident set (`ru_maxrss`) starts at the parent's when it is
/// spawned (Linux carries the old address space's high-water mark over
/// `exec`), and a map of 30,000 entries held here would show up as the
/// export's memory.
fn generate(sources: &[Value], n: usize, out: &Path) -> Result<()> {
    fs::create_dir_all(out)?;
    let mut manifest =
        std::io::BufWriter::new(fs::File::create(out.join(".minutes-manifest.json"))?);
    write!(
        manifest,
        r#"{{"version":2,"fingerprint":"bench","entries":{{"#
    )?;
    for i in 0..n {
        let mut doc = sources[i % sources.len()].clone();
        let rel = format!("{}/{:02}/doc-{i:06}", 2015 + i % 10, 1 + (i / 10) % 12);
        let input = format!("{rel}.txt");
        if let Some(source) = doc.get_mut("source").and_then(Value::as_object_mut) {
            source.insert("path".into(), Value::String(input.clone()));
        }
        let output = format!("{rel}.json");
        let path = out.join(&output);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&path, serde_json::to_vec_pretty(&doc)?)?;
        let entry = json!({"sha256": format!("{i:064x}"), "output": output});
        let comma = if i == 0 { "" } else { "," };
        write!(manifest, "{comma}{}:{entry}", Value::String(input))?;
    }
    write!(manifest, "}}}}")?;
    manifest.flush()?;
    Ok(())
}
