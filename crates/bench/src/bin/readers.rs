//! `minutes-readers-bench`: `minutes convert` against the tools a reader is
//! measured by, on generated archives of one format each (see README.md):
//!
//! - .docx: `pandoc -t plain` (two workers), and the floor of any .docx
//!   reader: unzipping the parts `minutes` reads and pull-parsing them with
//!   quick-xml, nothing else (two threads, in this process);
//! - .pdf: `pdftotext` (two workers), in pages per second;
//! - .txt: documents per second alone.
//!
//! Every tool runs once per round, the rounds alternate the tools, and the
//! medians of three rounds are reported, both by wall clock and by CPU time
//! (documents per CPU second times two, what the run reaches on two idle
//! cores): on a shared machine the CPU figure is the steady one.

#[path = "../archive.rs"]
#[allow(dead_code)]
mod archive;
#[path = "../measure.rs"]
#[allow(dead_code)]
mod measure;

use anyhow::{Context, Result, bail};
use archive::{Kind, Mix, Sources};
use clap::Parser;
use serde::Serialize;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

#[derive(Parser, Debug)]
#[command(
    name = "minutes-readers-bench",
    about = "minutes convert against pandoc, pdftotext and a bare unzip + XML-parse floor"
)]
struct Cli {
    /// .docx documents converted by `minutes` and by the floor.
    #[arg(long, default_value_t = 1000)]
    docx: usize,
    /// .docx documents given to pandoc (the first of the archive; pandoc is slow).
    #[arg(long, default_value_t = 120)]
    pandoc: usize,
    /// .pdf documents.
    #[arg(long, default_value_t = 400)]
    pdf: usize,
    /// .txt documents.
    #[arg(long, default_value_t = 2000)]
    txt: usize,
    /// Rounds (medians are reported).
    #[arg(long, default_value_t = 3)]
    rounds: usize,
    /// Workers for every tool.
    #[arg(long, default_value_t = 2)]
    jobs: usize,
    /// Working folder (default: target/minutes-readers-bench next to this binary).
    #[arg(long)]
    work: Option<PathBuf>,
    /// The `minutes` binary (default: `minutes` beside this binary).
    #[arg(long)]
    bin: Option<PathBuf>,
    /// Another `minutes` binary (e.g. the build of the previous commit) run
    /// alongside, round by round, as `baseline`.
    #[arg(long)]
    baseline: Option<PathBuf>,
    /// The fixtures folder to copy documents from.
    #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures"))]
    fixtures: PathBuf,
    /// Skip tools that are not installed instead of failing.
    #[arg(long)]
    skip_missing: bool,
}

/// One tool's run over one archive.
#[derive(Debug, Clone, Serialize)]
struct Run {
    round: usize,
    tool: String,
    docs: usize,
    pages: usize,
    wall: f64,
    cpu: f64,
}

/// CPU time (user + system) of this process and of its reaped children.
fn cpu_now() -> (f64, f64) {
    let get = |who| {
        // SAFETY: rusage is plain old data; getrusage fills it.
        let mut u: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: a valid `who` and a pointer to a live local.
        unsafe { libc::getrusage(who, &mut u) };
        let s = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
        s(u.ru_utime) + s(u.ru_stime)
    };
    (get(libc::RUSAGE_SELF), get(libc::RUSAGE_CHILDREN))
}

/// Runs `per_file` over `files` on `jobs` threads, each taking every
/// `jobs`-th file; wall time and CPU time (this process and its children).
fn pool<F>(files: &[PathBuf], jobs: usize, per_file: F) -> Result<(f64, f64)>
where
    F: Fn(&Path) -> Result<()> + Sync,
{
    let (self0, kids0) = cpu_now();
    let started = Instant::now();
    std::thread::scope(|s| -> Result<()> {
        let handles: Vec<_> = (0..jobs)
            .map(|t| {
                let per_file = &per_file;
                s.spawn(move || -> Result<()> {
                    for f in files.iter().skip(t).step_by(jobs) {
                        per_file(f)?;
                    }
                    Ok(())
                })
            })
            .collect();
        for h in handles {
            h.join()
                .map_err(|_| anyhow::anyhow!("a worker panicked"))??;
        }
        Ok(())
    })?;
    let wall = started.elapsed().as_secs_f64();
    let (self1, kids1) = cpu_now();
    Ok((wall, (self1 - self0) + (kids1 - kids0)))
}

/// Runs an external command on one file, output discarded.
fn tool(program: &str, args: &[&str], file: &Path, tail: &[&str]) -> Result<()> {
    let status = Command::new(program)
        .args(args)
        .arg(file)
        .args(tail)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .with_context(|| format!("cannot run {program}"))?;
    if !status.success() {
        bail!("{program} failed on {}", file.display());
    }
    Ok(())
}

/// The parts of a .docx that `minutes` reads: package and document
/// relationships, the main document, styles, numbering, headers, footers,
/// footnotes and endnotes.
fn read_by_minutes(name: &str) -> bool {
    name == "_rels/.rels"
        || name == "[Content_Types].xml"
        || (name.starts_with("word/")
            && name.ends_with(".xml")
            && [
                "document",
                "styles",
                "numbering",
                "header",
                "footer",
                "footnotes",
                "endnotes",
            ]
            .iter()
            .any(|p| name[5..].starts_with(p)))
        || name == "word/_rels/document.xml.rels"
}

/// The floor: read the file, unzip the parts `minutes` reads and pull-parse
/// them, touching every event and nothing more. Returns the events seen.
fn floor_one(path: &Path) -> Result<usize> {
    let bytes = std::fs::read(path)?;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..]))?;
    let mut events = 0usize;
    let mut xml = Vec::new();
    let mut buf = Vec::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i)?;
        if !entry.name().is_ok_and(|n| read_by_minutes(&n)) {
            continue;
        }
        xml.clear();
        entry.read_to_end(&mut xml)?;
        let mut r = quick_xml::Reader::from_reader(&xml[..]);
        loop {
            buf.clear();
            match r.read_event_into(&mut buf)? {
                quick_xml::events::Event::Eof => break,
                ev => {
                    events += 1;
                    std::hint::black_box(&ev);
                }
            }
        }
    }
    Ok(events)
}

/// `minutes convert DIR --out OUT`: wall and CPU time, and pages from its report.
fn minutes(bin: &Path, dir: &Path, out: &Path, jobs: usize) -> Result<(f64, f64, usize, usize)> {
    if out.exists() {
        std::fs::remove_dir_all(out)?;
    }
    let m = measure::run(
        Command::new(bin)
            .arg("convert")
            .arg(dir)
            .arg("--out")
            .arg(out)
            .args(["--ocr", "never", "--quiet", "--jobs", &jobs.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null()),
    )?;
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("report.json"))?)?;
    let totals = &report["totals"];
    let ok = totals["ok"].as_u64().unwrap_or(0) as usize;
    let failed = totals["failed"].as_u64().unwrap_or(0);
    if failed > 0 {
        eprintln!("warning: {failed} failed in {}", dir.display());
    }
    let pages = totals["pages"].as_u64().unwrap_or(0) as usize;
    std::fs::remove_dir_all(out)?;
    Ok((m.wall, m.user + m.sys, ok, pages))
}

fn files_of(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d)? {
            let p = e?.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn installed(program: &str) -> bool {
    Command::new(program)
        .arg("-v")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    let here = std::env::current_exe()?;
    let bin = cli
        .bin
        .clone()
        .unwrap_or_else(|| here.with_file_name("minutes"));
    let work = cli.work.clone().unwrap_or_else(|| {
        here.parent()
            .and_then(Path::parent)
            .unwrap_or(Path::new("."))
            .join("minutes-readers-bench")
    });
    std::fs::create_dir_all(&work)?;
    let sources = Sources::from_fixtures(&cli.fixtures)?;
    let mut archives = Vec::new();
    for (kind, n) in [
        (Kind::Docx, cli.docx),
        (Kind::Pdf, cli.pdf),
        (Kind::Txt, cli.txt),
    ] {
        if n == 0 {
            continue;
        }
        let dir = work.join(kind.name());
        let mix = Mix(vec![(kind, 1)]);
        archive::generate(&dir, n, &mix, &sources)?;
        archives.push((kind, dir.clone(), files_of(&dir)?));
    }
    let have_pandoc = installed("pandoc");
    let have_pdftotext = installed("pdftotext");
    for (have, name) in [(have_pandoc, "pandoc"), (have_pdftotext, "pdftotext")] {
        if !have && !cli.skip_missing {
            bail!(
                "{name} is not installed (apt-get install pandoc poppler-utils), or pass --skip-missing"
            );
        }
    }
    let jobs = cli.jobs.max(1);
    let mut runs: Vec<Run> = Vec::new();
    let mut pdf_pages = 0usize;
    for round in 0..cli.rounds {
        for (kind, dir, files) in &archives {
            let out = work.join(format!("out-{}", kind.name()));
            let (wall, cpu, ok, pages) = minutes(&bin, dir, &out, jobs)?;
            if *kind == Kind::Pdf {
                pdf_pages = pages;
            }
            runs.push(Run {
                round,
                tool: format!("minutes {}", kind.name()),
                docs: ok,
                pages,
                wall,
                cpu,
            });
            if let Some(base) = &cli.baseline {
                let (wall, cpu, ok, pages) = minutes(base, dir, &out, jobs)?;
                runs.push(Run {
                    round,
                    tool: format!("baseline {}", kind.name()),
                    docs: ok,
                    pages,
                    wall,
                    cpu,
                });
            }
            match kind {
                Kind::Docx => {
                    let (wall, cpu) = pool(files, jobs, |f| floor_one(f).map(|_| ()))?;
                    runs.push(Run {
                        round,
                        tool: "floor docx".into(),
                        docs: files.len(),
                        pages: 0,
                        wall,
                        cpu,
                    });
                    if have_pandoc {
                        let some = &files[..cli.pandoc.min(files.len())];
                        let (wall, cpu) =
                            pool(some, jobs, |f| tool("pandoc", &["-t", "plain"], f, &[]))?;
                        runs.push(Run {
                            round,
                            tool: "pandoc docx".into(),
                            docs: some.len(),
                            pages: 0,
                            wall,
                            cpu,
                        });
                    }
                }
                Kind::Pdf if have_pdftotext => {
                    let (wall, cpu) = pool(files, jobs, |f| tool("pdftotext", &["-q"], f, &["-"]))?;
                    runs.push(Run {
                        round,
                        tool: "pdftotext pdf".into(),
                        docs: files.len(),
                        pages: pdf_pages,
                        wall,
                        cpu,
                    });
                }
                _ => {}
            }
        }
    }
    // Medians per tool: documents (pages) per second by wall clock and by CPU.
    let mut tools: Vec<String> = runs.iter().map(|r| r.tool.clone()).collect();
    tools.dedup();
    tools.sort();
    tools.dedup();
    let cores = jobs as f64;
    let rate = |tool: &str, pages: bool, cpu: bool| -> f64 {
        median(
            runs.iter()
                .filter(|r| r.tool == tool)
                .map(|r| {
                    let n = if pages { r.pages } else { r.docs } as f64;
                    if cpu { n * cores / r.cpu } else { n / r.wall }
                })
                .collect(),
        )
    };
    println!(
        "{:<16} {:>6} {:>6} {:>10} {:>10} {:>11} {:>11}",
        "tool", "docs", "pages", "docs/s", "CPU docs/s", "pages/s", "CPU pages/s"
    );
    for t in &tools {
        let r = runs.iter().find(|r| &r.tool == t).context("a tool ran")?;
        println!(
            "{:<16} {:>6} {:>6} {:>10.0} {:>10.0} {:>11.0} {:>11.0}",
            t,
            r.docs,
            r.pages,
            rate(t, false, false),
            rate(t, false, true),
            rate(t, true, false),
            rate(t, true, true)
        );
    }
    let ratio =
        |a: &str, b: &str, pages: bool, cpu: bool| rate(a, pages, cpu) / rate(b, pages, cpu);
    let mut ratios = serde_json::Map::new();
    for (name, a, b, pages) in [
        (
            "docx: minutes / pandoc",
            "minutes docx",
            "pandoc docx",
            false,
        ),
        ("docx: floor / minutes", "floor docx", "minutes docx", false),
        (
            "pdf: minutes / pdftotext (pages)",
            "minutes pdf",
            "pdftotext pdf",
            true,
        ),
        (
            "docx: minutes / baseline",
            "minutes docx",
            "baseline docx",
            false,
        ),
        (
            "pdf: minutes / baseline",
            "minutes pdf",
            "baseline pdf",
            false,
        ),
        (
            "txt: minutes / baseline",
            "minutes txt",
            "baseline txt",
            false,
        ),
    ] {
        if !tools.iter().any(|t| t == a) || !tools.iter().any(|t| t == b) {
            continue;
        }
        let (w, c) = (ratio(a, b, pages, false), ratio(a, b, pages, true));
        println!("{name:<34} {w:>6.2}x wall clock, {c:>6.2}x CPU");
        ratios.insert(name.into(), serde_json::json!({ "wall": w, "cpu": c }));
    }
    let json = serde_json::json!({ "runs": runs, "ratios": ratios });
    std::fs::write(work.join("readers.json"), serde_json::to_vec_pretty(&json)?)?;
    for (kind, dir, _) in &archives {
        let _ = kind;
        std::fs::remove_dir_all(dir)?;
    }
    Ok(())
}
