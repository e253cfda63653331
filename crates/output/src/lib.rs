//! The JSON that `minutes` writes for each document: a versioned contract
//! that downstream tools depend on. Field names are fixed; fields may be added
//! but none renamed. The contract is published as a JSON Schema
//! ([`SCHEMA`], `crates/output/schema/minutes.schema.json`) and every output
//! is tested against it.
//!
//! ```text
//! schema_version   "1"
//! source           {path, format: "txt"|"docx"|"pdf", sha256, bytes, pages}
//! meeting          {organization, department, body, document_type, date, document_date,
//!                   start_time, end_time, location}
//! participants[]   {name, role, title, affiliation, group, attendance, remote, note}
//! items[]          {id, number, title, parent, time: {start, end} | null, text,
//!                   attachments[] {name, link}, responsible (when known),
//!                   decisions[], actions[], deferrals[], span}
//! next_meetings[]  {date, topics[], note}
//! warnings[]       {code, level, message, span?}
//! generator        {name, version, rules}
//! ```
//! Serialization is deterministic: struct fields in declaration order, no maps
//! with unordered keys, so the same input, version and rules give the same
//! bytes.
#![deny(missing_docs)]

use minutes_model::{Diagnostic, Document, Format};
use minutes_rules::{Action, Decision, Deferral, Findings};
use minutes_structure::dates::Date;
use minutes_structure::{
    Attachment, ItemSpan, Meeting, NextMeeting, Participant, Structured, TimeSpan,
};
use serde::Serialize;

/// The contract's version.
pub const SCHEMA_VERSION: &str = "1";

/// The JSON Schema of the contract.
pub const SCHEMA: &str = include_str!("../schema/minutes.schema.json");

/// One output document.
#[derive(Debug, Serialize)]
pub struct Output<'a> {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: &'static str,
    /// The source file.
    pub source: Source<'a>,
    /// The meeting.
    pub meeting: &'a Meeting,
    /// The participants.
    pub participants: &'a [Participant],
    /// The agenda items with what the rules found in them.
    pub items: Vec<Item<'a>>,
    /// Coming meetings.
    pub next_meetings: Vec<NextMeeting>,
    /// What the reader or the structure finder could not make sense of.
    pub warnings: Vec<&'a Diagnostic>,
    /// What made this output.
    pub generator: Generator<'a>,
}

/// The source file's facts.
#[derive(Debug, Serialize)]
pub struct Source<'a> {
    /// Path as given.
    pub path: &'a str,
    /// txt, docx or pdf.
    pub format: Option<Format>,
    /// Hex SHA-256 of the bytes.
    pub sha256: &'a str,
    /// Size in bytes.
    pub bytes: u64,
    /// Pages, when known.
    pub pages: Option<u32>,
}

/// One agenda item in the output.
#[derive(Debug, Serialize)]
pub struct Item<'a> {
    /// Identifier within the document.
    pub id: &'a str,
    /// Number as printed, normalised.
    pub number: Option<&'a str>,
    /// Heading text.
    pub title: &'a str,
    /// Enclosing item's number.
    pub parent: Option<&'a str>,
    /// Scheduled time.
    pub time: Option<TimeSpan>,
    /// The item's text.
    pub text: String,
    /// Referenced documents.
    pub attachments: &'a [Attachment],
    /// Who answers for the item (an agenda table's "Ansvar" column), when
    /// the minutes say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub responsible: Option<&'a str>,
    /// Decisions.
    pub decisions: &'a [Decision],
    /// Actions.
    pub actions: &'a [Action],
    /// Deferrals.
    pub deferrals: &'a [Deferral],
    /// Where it stands in the source.
    pub span: ItemSpan,
}

/// Provenance of the output.
#[derive(Debug, Serialize)]
pub struct Generator<'a> {
    /// "minutes".
    pub name: &'static str,
    /// The tool's version.
    pub version: &'static str,
    /// SHA-256 of the rules file used.
    pub rules: &'a str,
}

/// Assemble the output of one document.
pub fn build<'a>(
    doc: &'a Document,
    s: &'a Structured,
    f: &'a Findings,
    rules_hash: &'a str,
) -> Output<'a> {
    let items = s
        .items
        .iter()
        .enumerate()
        .map(|(i, it)| {
            let (decisions, actions, deferrals): (&[Decision], &[Action], &[Deferral]) =
                match f.items.get(i) {
                    Some(x) => (&x.decisions, &x.actions, &x.deferrals),
                    None => (&[], &[], &[]),
                };
            Item {
                id: &it.id,
                number: it.number.as_deref(),
                title: &it.title,
                parent: it.parent.as_deref(),
                time: it.time,
                text: it.text(),
                attachments: &it.attachments,
                responsible: it.responsible.as_deref(),
                decisions,
                actions,
                deferrals,
                span: it.span,
            }
        })
        .collect();
    Output {
        schema_version: SCHEMA_VERSION,
        source: Source {
            path: &doc.source.path,
            format: doc.source.format,
            sha256: &doc.source.sha256,
            bytes: doc.source.bytes,
            pages: doc.source.pages,
        },
        meeting: &s.meeting,
        participants: &s.participants,
        items,
        next_meetings: merge_meetings(&s.next_meetings, &f.mentioned_meetings),
        warnings: doc.diagnostics.iter().chain(&s.warnings).collect(),
        generator: Generator {
            name: "minutes",
            version: env!("CARGO_PKG_VERSION"),
            rules: rules_hash,
        },
    }
}

/// The minutes' own list of coming meetings, plus meetings named in the
/// text ("åter nästa möte 16 mars", "bordlagd till mötet den 7 maj") that
/// fall outside the span the list covers: within its span the list is taken
/// as complete, and a date that contradicts it is more likely a slip than an
/// extra meeting.
pub fn merge_meetings(listed: &[NextMeeting], mentioned: &[Date]) -> Vec<NextMeeting> {
    let mut out: Vec<NextMeeting> = listed.to_vec();
    let first = listed.iter().map(|m| m.date).min();
    let last = listed.iter().map(|m| m.date).max();
    for d in mentioned {
        let inside = matches!((first, last), (Some(a), Some(b)) if *d >= a && *d <= b);
        if !inside && !out.iter().any(|m| m.date == *d) {
            out.push(NextMeeting {
                date: *d,
                topics: Vec::new(),
                note: None,
            });
        }
    }
    out.sort_by_key(|m| m.date);
    out
}

/// Serialize to pretty JSON with a final newline.
pub fn to_json(out: &Output<'_>) -> Vec<u8> {
    let mut v = serde_json::to_vec_pretty(out).unwrap_or_else(|e| {
        // Serializing plain structs of strings and numbers cannot fail; if it
        // ever does, say so in the output rather than panic.
        format!("{{\"schema_version\":\"1\",\"error\":\"{e}\"}}").into_bytes()
    });
    v.push(b'\n');
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn output_of(text: &str) -> serde_json::Value {
        let mut doc = minutes_text::read(text.as_bytes(), &Default::default()).unwrap();
        doc.source.path = "x.txt".into();
        let s = minutes_structure::find(&doc);
        let set = minutes_rules::ruleset::RuleSet::default_rules().unwrap();
        let f = minutes_rules::apply(&set, &s);
        let out = build(&doc, &s, &f, &set.hash);
        serde_json::from_slice(&to_json(&out)).unwrap()
    }

    #[test]
    fn output_validates_against_the_published_schema() {
        let schema: serde_json::Value = serde_json::from_str(SCHEMA).unwrap();
        let validator = jsonschema::validator_for(&schema).expect("schema compiles");
        let v = output_of(
            "Datum: 2026-02-16\n\n## Deltagare\n\nBjörn Lindkvist (SU)\n\nMötespunkt\tAnteckning\n1. 09:00-09:10\t<p>Inledning</p> <p>Anteckningarna godkändes. BL återkopplar. Frågan bordläggs.</p> <p><a href=\"#\">bilaga.pdf</a></p>\n\n## Nästkommande möten\n\n2026-03-16\n",
        );
        let errors: Vec<String> = validator
            .iter_errors(&v)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        assert_eq!(v["items"][0]["time"]["start"], "09:00");
        assert_eq!(v["items"][0]["decisions"][0]["rule"], "decision.approved");
        assert_eq!(v["next_meetings"][0]["date"], "2026-03-16");
        // A document that is not valid against the schema is caught.
        let mut broken = v.clone();
        broken["schema_version"] = serde_json::json!(2);
        assert!(!validator.is_valid(&broken));
    }

    #[test]
    fn schema_lists_every_source_format() {
        let schema: serde_json::Value = serde_json::from_str(SCHEMA).unwrap();
        let listed = &schema["properties"]["source"]["properties"]["format"]["enum"];
        let names: Vec<&str> = minutes_model::Format::ALL
            .iter()
            .map(|f| f.as_str())
            .collect();
        assert_eq!(listed, &serde_json::json!(names));
    }

    #[test]
    fn mentioned_meetings_outside_the_list_are_added() {
        let d = |s: &str| Date::parse_iso(s).unwrap();
        let listed = vec![
            NextMeeting {
                date: d("2025-09-12"),
                topics: vec![],
                note: None,
            },
            NextMeeting {
                date: d("2025-12-12"),
                topics: vec![],
                note: None,
            },
        ];
        let merged = merge_meetings(&listed, &[d("2025-05-07"), d("2025-10-20")]);
        let dates: Vec<String> = merged.iter().map(|m| m.date.to_string()).collect();
        assert_eq!(dates, ["2025-05-07", "2025-09-12", "2025-12-12"]);
    }
}
