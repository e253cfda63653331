//! The readable report: score.py's per-document lines and summary table,
//! with each document's differences grouped under their items.

use crate::differences::{Difference, Finding, ItemRef, Place, Subject};
use crate::tally::Metric;
use crate::{DocumentScore, Scorecard};
use std::fmt::Write;

/// Longest value shown in full; longer ones are cut with an ellipsis.
const SHOWN_CHARS: usize = 110;

/// A value in quotes, cut when long; "nothing" when absent.
fn quoted(v: Option<&str>) -> String {
    match v {
        None => "nothing".to_string(),
        Some(s) if s.chars().count() > SHOWN_CHARS => {
            let cut: String = s.chars().take(SHOWN_CHARS).collect();
            format!("\"{}…\"", cut.trim_end())
        }
        Some(s) => format!("\"{s}\""),
    }
}

/// `3 "Val av ordförande"`, `"Övrigt"`, `3`.
fn item_label(item: &ItemRef) -> String {
    match (&item.number, &item.title) {
        (Some(n), Some(t)) if !t.trim().is_empty() => format!("{n} {}", quoted(Some(t))),
        (Some(n), _) => n.clone(),
        (None, Some(t)) if !t.trim().is_empty() => quoted(Some(t)),
        (None, _) => "(no number, no title)".to_string(),
    }
}

/// The heading a difference stands under.
#[derive(Debug, Clone, PartialEq)]
enum Group {
    Document,
    GoldItem(ItemRef),
    FoundItem(ItemRef),
    DocumentLevel,
}

fn group_of(d: &Difference) -> Group {
    match (&d.item, &d.found_item, d.subject) {
        (Some(i), _, _) => Group::GoldItem(i.clone()),
        (None, Some(i), _) => Group::FoundItem(i.clone()),
        (None, None, Subject::Extraction(_)) => Group::DocumentLevel,
        _ => Group::Document,
    }
}

/// One difference as a line (without indentation); `None` for the item
/// differences, which are shown as their group's heading.
fn line(d: &Difference) -> Option<String> {
    let finding = format!("{:6}", d.finding.as_str());
    let subject = d.subject.name();
    let text = match (d.finding, d.subject) {
        (_, Subject::Item) => return None,
        (Finding::Wrong, _) => {
            let of =
                d.of.as_deref()
                    .map(|o| format!(" of {}", quoted(Some(o))))
                    .unwrap_or_default();
            format!(
                "{finding} {subject}{of}: gold {}, found {}",
                quoted(d.gold.as_deref()),
                quoted(d.found.as_deref())
            )
        }
        (Finding::Missed, _) => {
            let elsewhere = match &d.found_under {
                Some(Place::Item(i)) => format!(" (found under item {})", item_label(i)),
                Some(Place::Document) => " (found at document level)".to_string(),
                None => String::new(),
            };
            format!(
                "{finding} {subject} {}{elsewhere}",
                quoted(d.gold.as_deref())
            )
        }
        (Finding::Extra, _) => format!("{finding} {subject} {}", quoted(d.found.as_deref())),
    };
    Some(text)
}

/// A group's heading.
fn heading(group: &Group, diffs: &[Difference]) -> Option<String> {
    let item_finding = diffs
        .iter()
        .find(|d| d.subject == Subject::Item && group_of(d) == *group)
        .map(|d| d.finding);
    match group {
        Group::Document => None,
        Group::DocumentLevel => Some("document level".to_string()),
        Group::GoldItem(i) => Some(match item_finding {
            Some(Finding::Missed) => {
                format!("item {}: missed", item_label(i))
            }
            _ => format!("item {}", item_label(i)),
        }),
        Group::FoundItem(i) => Some(match item_finding {
            Some(Finding::Extra) => format!("found item {}: extra", item_label(i)),
            _ => format!("found item {}", item_label(i)),
        }),
    }
}

fn render_document(out: &mut String, d: &DocumentScore) {
    if d.found {
        let _ = writeln!(out, "{}", d.document);
    } else {
        let _ = writeln!(out, "{} (no output)", d.document);
    }
    for (k, v) in [
        ("meeting", &d.meeting),
        ("items", &d.items),
        ("decisions", &d.decisions),
        ("actions", &d.actions),
        ("deferrals", &d.deferrals),
    ] {
        let _ = writeln!(out, "  {k:10} {v}");
    }
    let Some(diffs) = &d.differences else { return };
    let mut current: Option<Group> = None;
    for diff in diffs {
        let group = group_of(diff);
        let indent = if group == Group::Document {
            "    "
        } else {
            "      "
        };
        if current.as_ref() != Some(&group) {
            if let Some(h) = heading(&group, diffs) {
                let _ = writeln!(out, "    {h}");
            }
            current = Some(group);
        }
        if let Some(l) = line(diff) {
            let _ = writeln!(out, "{indent}{l}");
        }
    }
}

impl Scorecard {
    /// The report as score.py prints it without `--json`: each document's
    /// counts, then the summary table. Unless `brief`, each document's
    /// differences follow its counts, grouped by item, and a blank line
    /// separates the documents.
    pub fn render_text(&self, brief: bool) -> String {
        let mut out = String::new();
        for (i, d) in self.documents.iter().enumerate() {
            if brief || d.differences.is_none() {
                let mut d = d.clone();
                d.differences = None;
                render_document(&mut out, &d);
            } else {
                if i > 0 {
                    out.push('\n');
                }
                render_document(&mut out, d);
            }
        }
        out.push('\n');
        let _ = writeln!(
            out,
            "{:26} {:>6} {:>6} {:>6}   tp/fp/fn",
            "metric", "P", "R", "F1"
        );
        for (name, m) in &self.summary.0 {
            if let Metric::Found {
                precision,
                recall,
                f1,
                tp,
                fp,
                fn_,
            } = m
            {
                let _ = writeln!(
                    out,
                    "{name:26} {precision:6.3} {recall:6.3} {f1:6.3}   {tp}/{fp}/{fn_}"
                );
            }
        }
        for (name, m) in &self.summary.0 {
            if let Metric::Accuracy { accuracy, n } = m {
                let shown = match accuracy {
                    Some(a) => format!("{a:6.3}"),
                    None => "   n/a".to_string(),
                };
                let label = format!("{name} accuracy");
                let _ = writeln!(out, "{label:26} {shown}   (n={n})");
            }
        }
        out
    }
}
