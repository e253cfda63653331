//! `minutes score --gold DIR OUT`: the outputs in OUT against the gold files
//! in DIR, with the numbers of `fixtures/eval/score.py` and, per document
//! and item, what was missed, extra or wrong.

use anyhow::{Context, Result};
use clap::Args;
use minutes_score::{Floor, score_folders};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(crate) struct ScoreArgs {
    /// The folder of gold files (<stem>.gold.json; see fixtures/gold/README.md).
    #[arg(long, value_name = "DIR")]
    gold: PathBuf,
    /// The folder of outputs (<stem>.json, searched recursively), as written by `convert --out`.
    out: PathBuf,
    /// Print the score as JSON: score.py's `--json` shape, each document with its differences.
    #[arg(long)]
    json: bool,
    /// Only the counts, without each document's differences.
    #[arg(long)]
    brief: bool,
    /// Exit 1 when a metric is below a floor, e.g. decisions.f1=0.9 or titles.accuracy=0.95 (repeatable).
    #[arg(long = "min", value_name = "METRIC=VALUE")]
    floors: Vec<Floor>,
}

pub(crate) fn run(a: ScoreArgs) -> Result<ExitCode> {
    let mut card = score_folders(&a.gold, &a.out)?;
    // Both slips score without complaint in score.py (an empty tally is a
    // perfect one; a wrong OUT is all missed): say so where it cannot be missed.
    if card.documents.is_empty() {
        eprintln!(
            "minutes: {}: no gold files (<stem>.gold.json)",
            a.gold.display()
        );
    } else if card.documents.iter().all(|d| !d.found) {
        eprintln!(
            "minutes: {}: no output for any of the {} gold documents",
            a.out.display(),
            card.documents.len()
        );
    }
    if a.brief {
        card = card.without_differences();
    }
    if a.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&card).context("the score as JSON")?
        );
    } else {
        print!("{}", card.render_text(false));
    }
    let below: Vec<String> = a
        .floors
        .iter()
        .filter_map(|f| f.check(&card.summary))
        .collect();
    if below.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        println!("below floor: {}", below.join("; "));
        Ok(ExitCode::from(1))
    }
}
