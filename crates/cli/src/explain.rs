//! `minutes explain FILE`: per item and sentence, which rules fired and
//! which were vetoed, so an analyst can see why a sentence was or was not
//! taken.

use anyhow::{Context, Result};
use minutes::Config;
use std::path::Path;
use std::process::ExitCode;

pub(crate) fn run(file: &Path, config: &Config, only_rule: Option<&str>) -> Result<ExitCode> {
    let bytes = std::fs::read(file).with_context(|| format!("{}: cannot read", file.display()))?;
    let name = file.display().to_string();
    let c = minutes::convert_traced(&name, &bytes, config)
        .with_context(|| format!("{name}: cannot be converted"))?;
    let mut out = String::new();
    // Which layout scheme found the items, and how the others scored.
    out.push_str(&format!("{}\n", c.structured.layout));
    for (item, found) in c.trace.items.iter().zip(&c.findings.items) {
        let number = item.number.as_deref().unwrap_or("–");
        out.push_str(&format!(
            "\n== {number} {}  ({} decisions, {} actions, {} deferrals)\n",
            item.title,
            found.decisions.len(),
            found.actions.len(),
            found.deferrals.len()
        ));
        for s in &item.sentences {
            if let Some(r) = only_rule
                && !s.fired.iter().any(|(id, _)| id == r)
                && !s.vetoed.iter().any(|(id, _)| id == r)
            {
                continue;
            }
            let at = s
                .span
                .map(|sp| format!("unit {} chars {}..{}", sp.unit, sp.start, sp.end))
                .unwrap_or_default();
            out.push_str(&format!("  [{at}] {}\n", s.text));
            if let Some(l) = &s.label {
                out.push_str(&format!("      under label {l}\n"));
            }
            for (id, kind) in &s.fired {
                out.push_str(&format!("      + {kind:8} {id}\n"));
            }
            for (id, why) in &s.vetoed {
                out.push_str(&format!("      - vetoed   {id}: {why}\n"));
            }
        }
        for a in &found.actions {
            out.push_str(&format!(
                "  → action {:?} assignees {:?} due {}\n",
                a.text,
                a.assignees,
                a.due.as_deref().unwrap_or("–")
            ));
        }
        for d in &found.deferrals {
            out.push_str(&format!(
                "  → deferral {:?} to {} reason {}\n",
                d.text,
                d.target_date.as_deref().unwrap_or("–"),
                d.reason.as_deref().unwrap_or("–")
            ));
        }
    }
    print!("{out}");
    Ok(ExitCode::SUCCESS)
}
