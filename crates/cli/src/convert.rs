//! `minutes convert INPUT... --out DIR`.

use anyhow::{Context, Result};
use clap::Args;
use minutes::Config;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(crate) struct ConvertArgs {
    /// Files and folders to convert (folders recursively).
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Where to write the JSON (mirrors the inputs' relative paths).
    #[arg(long, short, default_value = "output")]
    out: PathBuf,
    /// A rules file instead of the built-in rules.
    #[arg(long)]
    rules: Option<PathBuf>,
    /// Print nothing but errors.
    #[arg(long, short)]
    quiet: bool,
}

pub(crate) fn run(a: ConvertArgs) -> Result<ExitCode> {
    let config = Config::new(crate::load_rules(a.rules.as_deref())?);
    std::fs::create_dir_all(&a.out)
        .with_context(|| format!("{}: cannot create output folder", a.out.display()))?;
    let mut files: Vec<(PathBuf, PathBuf)> = Vec::new();
    for input in &a.inputs {
        if input.is_dir() {
            walk(input, input, &mut files)?;
        } else {
            let rel = PathBuf::from(input.file_name().unwrap_or(input.as_os_str()));
            files.push((input.clone(), rel));
        }
    }
    files.sort();
    let mut failed = 0;
    for (path, rel) in &files {
        let name = path.display().to_string();
        if minutes::is_candidate(&name).is_none() {
            continue;
        }
        let result = std::fs::read(path)
            .map_err(|e| anyhow::anyhow!("cannot read: {e}"))
            .and_then(|bytes| {
                minutes::convert(&rel.display().to_string(), &bytes, &config)
                    .map_err(anyhow::Error::from)
            });
        match result {
            Ok(c) => {
                let target = a.out.join(rel).with_extension("json");
                write_atomic(&target, &c.json)?;
                if !a.quiet {
                    eprintln!("ok      {name}");
                }
            }
            Err(e) => {
                failed += 1;
                eprintln!("failed  {name}: {e:#}");
            }
        }
    }
    Ok(if failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<(PathBuf, PathBuf)>) -> Result<()> {
    for entry in
        std::fs::read_dir(dir).with_context(|| format!("{}: cannot list", dir.display()))?
    {
        let p = entry?.path();
        if p.is_dir() {
            walk(root, &p, out)?;
        } else {
            let rel = p.strip_prefix(root).unwrap_or(&p).to_path_buf();
            out.push((p, rel));
        }
    }
    Ok(())
}

/// Write to a temporary file beside the target and rename it into place, so
/// no half-written output is ever left behind.
fn write_atomic(target: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let tmp = target.with_extension(format!("json.tmp-{}", std::process::id()));
    std::fs::write(&tmp, bytes).with_context(|| format!("{}: cannot write", tmp.display()))?;
    std::fs::rename(&tmp, target)
        .with_context(|| format!("{}: cannot rename into place", target.display()))?;
    Ok(())
}
