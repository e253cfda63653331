//! Flattens minutes JSON outputs into tables for analysts: CSV, XLSX, JSONL.
//!
//! # Design
//!
//! The exporter reads a folder of output documents (as written by a batch
//! run) and knows nothing about how they were made. Documents are read as
//! [`serde_json::Value`] rather than typed structs, so the exporter keeps
//! working when the contract grows: unknown fields are ignored, missing
//! fields become empty cells, and a wrong type in one field (a number where a
//! string was expected) is rendered rather than rejected.
//!
//! [`export`] adds an eighth table, `links`, when the folder holds the
//! `tracking.json` that `minutes track` writes.
//!
//! [`tables`] flattens the documents into seven tables, one per kind of thing:
//! `meetings`, `participants`, `items`, `decisions`, `actions`, `deferrals`
//! and `next_meetings`. Every row starts with `document` (the document's
//! `source.path`), and the rows that belong to an agenda item carry its
//! `item_index` (1-based position in the document: always present, unlike
//! ids and numbers), `item_id` and `item_number`, so the tables join like a
//! small relational database. Rows are sorted by document, then in document order. Arrays in a
//! cell (assignees, topics) are joined with `"; "`.
//!
//! Writers: [`write_csv`] (one UTF-8 file per table with a byte-order mark so
//! Excel detects the encoding, a configurable delimiter since Excel in a
//! Swedish locale expects `;`, RFC 4180 quoting), [`write_xlsx`] (one sheet per
//! table, bold frozen header, autofilter, column widths from the content) and
//! [`write_jsonl`] (one compact document per line, for pipes). [`export`] ties
//! loading and writing together for the CLI.
//!
//! # Example
//!
//! ```no_run
//! use std::path::Path;
//! use minutes_export::{ExportFormat, ExportOptions, export};
//!
//! // Excel in a Swedish locale wants ';'.
//! let options = ExportOptions { delimiter: b';' };
//! let summary = export(Path::new("out"), ExportFormat::Csv, Path::new("tabeller"), &options)?;
//! eprintln!("{} documents exported", summary.documents);
//! // JSONL to stdout:
//! export(Path::new("out"), ExportFormat::Jsonl, Path::new("-"), &options)?;
//! # Ok::<(), minutes_export::Error>(())
//! ```

#![deny(missing_docs)]

use std::fmt;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde_json::Value;

/// What can go wrong; every variant names the file concerned.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input folder or a file in it could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file or folder.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// A file is not valid JSON.
    #[error("malformed JSON in {path}: {source}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// The parser's complaint.
        source: serde_json::Error,
    },
    /// A file is valid JSON but not an object, so not a minutes document.
    #[error("{path} is not a minutes document (not a JSON object)")]
    NotADocument {
        /// The file.
        path: PathBuf,
    },
    /// An output could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// The XLSX workbook could not be built or saved.
    #[error("cannot write {path}: {message}")]
    Xlsx {
        /// The workbook.
        path: PathBuf,
        /// rust_xlsxwriter's complaint.
        message: String,
    },
}

/// One flat table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Table name: file stem for CSV, sheet name for XLSX.
    pub name: &'static str,
    /// Column headers.
    pub columns: Vec<&'static str>,
    /// Rows, each as long as `columns`.
    pub rows: Vec<Vec<String>>,
}

/// Output format of [`export`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// One CSV file per table in a folder.
    Csv,
    /// One workbook with a sheet per table.
    Xlsx,
    /// One document per line.
    Jsonl,
}

impl FromStr for ExportFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "csv" => Ok(ExportFormat::Csv),
            "xlsx" | "excel" => Ok(ExportFormat::Xlsx),
            "jsonl" | "ndjson" => Ok(ExportFormat::Jsonl),
            other => Err(format!(
                "unknown export format {other:?} (csv, xlsx, jsonl)"
            )),
        }
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Xlsx => "xlsx",
            ExportFormat::Jsonl => "jsonl",
        })
    }
}

/// Settings of [`export`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    /// CSV field delimiter; `b','` by default, `b';'` for Excel in a Swedish
    /// locale, `b'\t'` for TSV.
    pub delimiter: u8,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions { delimiter: b',' }
    }
}

/// What [`export`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportSummary {
    /// Number of documents read.
    pub documents: usize,
    /// Rows per table (table name, rows); empty for JSONL.
    pub rows: Vec<(&'static str, usize)>,
    /// Files written (none when JSONL went to stdout).
    pub written: Vec<PathBuf>,
}

/// Reads the documents of `dir`, sorted by relative path: in an output
/// folder of `minutes convert`, those its manifests list (never a stray
/// `package.json`, nor the output of an input since pruned); in any other
/// folder every `*.json` under it, recursively, but for hidden files and
/// folders and the run reports (`report.json`, `report.shard-K-of-N.json`)
/// at its top. A malformed file is an error naming it.
pub fn load(dir: &Path) -> Result<Vec<Value>, Error> {
    document_files(dir)?.iter().map(|p| read_doc(p)).collect()
}

/// The document files under `dir` that [`load`] reads, sorted by relative
/// path.
pub fn document_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    if let Some(listed) = manifest_outputs(dir)? {
        return Ok(listed);
    }
    let mut files = Vec::new();
    collect(dir, dir, &mut files)?;
    files.sort();
    Ok(files.into_iter().map(|(_, path)| path).collect())
}

/// Reads and parses one document.
fn read_doc(path: &Path) -> Result<Value, Error> {
    let bytes = fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let value: Value = serde_json::from_slice(&bytes).map_err(|source| Error::Parse {
        path: path.to_path_buf(),
        source,
    })?;
    if !value.is_object() {
        return Err(Error::NotADocument {
            path: path.to_path_buf(),
        });
    }
    Ok(value)
}

/// Just the parts of a document that decide its place in the tables; parsing
/// into this skips the rest without building it.
#[derive(serde::Deserialize)]
struct KeyProbe {
    #[serde(default)]
    source: Value,
    #[serde(default)]
    document: Value,
}

/// The table key of the document in `path`: `source.path`, else `document`,
/// else the file's path relative to `root`.
fn probe_key(root: &Path, path: &Path) -> Result<String, Error> {
    let bytes = fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let probe: KeyProbe = serde_json::from_slice(&bytes).map_err(|source| {
        if source.is_data() {
            Error::NotADocument {
                path: path.to_path_buf(),
            }
        } else {
            Error::Parse {
                path: path.to_path_buf(),
                source,
            }
        }
    })?;
    Ok(
        document_key(&probe.source, &probe.document).unwrap_or_else(|| {
            path.strip_prefix(root)
                .unwrap_or(path)
                .to_string_lossy()
                .replace('\\', "/")
        }),
    )
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) -> Result<(), Error> {
    let read = fs::read_dir(dir).map_err(|source| Error::Read {
        path: dir.to_path_buf(),
        source,
    })?;
    for entry in read {
        let entry = entry.map_err(|source| Error::Read {
            path: dir.to_path_buf(),
            source,
        })?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        // Symbolic links are not followed: an output folder has none, and
        // not following them rules out loops.
        let file_type = entry.file_type().map_err(|source| Error::Read {
            path: path.clone(),
            source,
        })?;
        if file_type.is_dir() {
            collect(root, &path, out)?;
        } else if file_type.is_file() && name.to_ascii_lowercase().ends_with(".json") {
            if dir == root && is_report_name(&name) {
                continue;
            }
            let rel = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            out.push((rel, path));
        }
    }
    Ok(())
}

/// The outputs that the batch manifests at the top of `dir`
/// (`.minutes-manifest.json`, `.minutes-manifest.shard-K-of-N.json`) list and
/// that exist, sorted; `None` when there is no manifest with entries.
fn manifest_outputs(dir: &Path) -> Result<Option<Vec<PathBuf>>, Error> {
    let read = fs::read_dir(dir).map_err(|source| Error::Read {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut any = false;
    let mut outputs = std::collections::BTreeSet::new();
    for entry in read.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !(name.starts_with(".minutes-manifest") && name.ends_with(".json")) {
            continue;
        }
        let path = entry.path();
        let bytes = fs::read(&path).map_err(|source| Error::Read {
            path: path.clone(),
            source,
        })?;
        let manifest: Value = serde_json::from_slice(&bytes).map_err(|source| Error::Parse {
            path: path.clone(),
            source,
        })?;
        let Some(entries) = manifest.get("entries").and_then(Value::as_object) else {
            continue;
        };
        any = true;
        for e in entries.values() {
            // Only plain relative paths: a manifest names files inside `dir`.
            if let Some(output) = e.get("output").and_then(Value::as_str)
                && !output.is_empty()
                && !output.starts_with('/')
                && !output.split(['/', '\\']).any(|part| part == "..")
            {
                outputs.insert(output.to_string());
            }
        }
    }
    if !any {
        return Ok(None);
    }
    Ok(Some(
        outputs
            .into_iter()
            .map(|o| dir.join(o))
            .filter(|p| p.is_file())
            .collect(),
    ))
}

/// `report.json` or `report.shard-K-of-N.json`, the batch run's reports, and
/// `tracking.json`, the links `minutes track` writes: not documents.
fn is_report_name(name: &str) -> bool {
    name == "report.json"
        || name == "tracking.json"
        || (name.starts_with("report.shard-") && name.ends_with(".json"))
}

/// Columns of each table, in output order.
const MEETINGS: &[&str] = &[
    "document",
    "format",
    "sha256",
    "bytes",
    "pages",
    "organization",
    "department",
    "body",
    "document_type",
    "date",
    "document_date",
    "start_time",
    "end_time",
    "location",
    "participants",
    "items",
    "decisions",
    "actions",
    "deferrals",
    "next_meetings",
    "warnings",
];
const PARTICIPANTS: &[&str] = &[
    "document",
    "index",
    "name",
    "role",
    "title",
    "affiliation",
    "group",
    "attendance",
    "remote",
    "note",
];
const ITEMS: &[&str] = &[
    "document",
    "item_index",
    "item_id",
    "item_number",
    "title",
    "parent",
    "time_start",
    "time_end",
    "text",
    "attachments",
    "attachment_links",
    "responsible",
    "decisions",
    "actions",
    "deferrals",
    "page",
    "line",
];
const DECISIONS: &[&str] = &[
    "document",
    "item_index",
    "item_id",
    "item_number",
    "index",
    "text",
    "rule",
    "page",
    "line",
];
const ACTIONS: &[&str] = &[
    "document",
    "item_index",
    "item_id",
    "item_number",
    "index",
    "text",
    "assignees",
    "due",
    "rule",
    "page",
    "line",
];
const DEFERRALS: &[&str] = &[
    "document",
    "item_index",
    "item_id",
    "item_number",
    "index",
    "text",
    "target_date",
    "reason",
    "type",
    "rule",
    "page",
    "line",
];
const NEXT_MEETINGS: &[&str] = &["document", "index", "date", "topics", "note"];

/// Flattens documents into the seven tables (always all seven, possibly
/// empty, always in the order meetings, participants, items, decisions,
/// actions, deferrals, next_meetings). Rows are sorted by document key (the
/// document's `source.path`; a document without one falls back to a top-level
/// `document` field, then to `#<position>`), then in document order.
pub fn tables(docs: &[Value]) -> Vec<Table> {
    let mut order: Vec<(String, &Value)> = docs
        .iter()
        .enumerate()
        .map(|(i, doc)| {
            let key = document_key(&doc["source"], &doc["document"])
                .unwrap_or_else(|| format!("#{}", i + 1));
            (key, doc)
        })
        .collect();
    // Stable: documents with the same key keep their load order.
    order.sort_by(|a, b| a.0.cmp(&b.0));
    let mut tables = empty_tables();
    for (key, doc) in &order {
        append_rows(&mut tables, key, doc);
    }
    tables
}

const LINKS: &[&str] = &[
    "document",
    "item",
    "kind",
    "text",
    "assignees",
    "to_document",
    "to_item",
    "outcome",
    "evidence",
];

/// `OUT/tracking.json`, the links `minutes track` follows from every deferral
/// and action to where it ends, as a table (`None` when there is no such
/// file): the same links as in the register's database.
fn links_table(dir: &Path) -> Result<Option<Table>, Error> {
    let path = dir.join("tracking.json");
    if !path.is_file() {
        return Ok(None);
    }
    let tracking = read_doc(&path)?;
    let rows = array(&tracking["links"])
        .iter()
        .map(|l| {
            let (from, to) = (&l["from"], &l["to"]);
            vec![
                cell(&from["document"]),
                cell(&from["item"]),
                cell(&from["kind"]),
                cell(&from["text"]),
                cell(&from["assignees"]),
                cell(&to["document"]),
                cell(&to["item"]),
                cell(&l["outcome"]),
                cell(&l["evidence"]),
            ]
        })
        .collect();
    Ok(Some(Table {
        name: "links",
        columns: LINKS.to_vec(),
        rows,
    }))
}

/// The seven tables with their columns and no rows.
fn empty_tables() -> Vec<Table> {
    let table = |name, columns: &[&'static str]| Table {
        name,
        columns: columns.to_vec(),
        rows: Vec::new(),
    };
    vec![
        table("meetings", MEETINGS),
        table("participants", PARTICIPANTS),
        table("items", ITEMS),
        table("decisions", DECISIONS),
        table("actions", ACTIONS),
        table("deferrals", DEFERRALS),
        table("next_meetings", NEXT_MEETINGS),
    ]
}

/// Appends one document's rows to tables made by [`empty_tables`].
fn append_rows(tables: &mut [Table], key: &str, doc: &Value) {
    let [
        meetings,
        participants,
        items,
        decisions,
        actions,
        deferrals,
        next_meetings,
    ] = tables
    else {
        return;
    };
    let (meetings, participants, items, decisions, actions, deferrals, next_meetings) = (
        &mut meetings.rows,
        &mut participants.rows,
        &mut items.rows,
        &mut decisions.rows,
        &mut actions.rows,
        &mut deferrals.rows,
        &mut next_meetings.rows,
    );
    let key = key.to_string();
    let source = &doc["source"];
    let meeting = &doc["meeting"];
    let doc_items = array(&doc["items"]);
    let count_in_items =
        |field: &str| -> usize { doc_items.iter().map(|i| array(&i[field]).len()).sum() };
    meetings.push(vec![
        key.clone(),
        cell(&source["format"]),
        cell(&source["sha256"]),
        cell(&source["bytes"]),
        cell(&source["pages"]),
        cell(&meeting["organization"]),
        cell(&meeting["department"]),
        cell(&meeting["body"]),
        cell(&meeting["document_type"]),
        cell(&meeting["date"]),
        cell(&meeting["document_date"]),
        cell(&meeting["start_time"]),
        cell(&meeting["end_time"]),
        cell(&meeting["location"]),
        array(&doc["participants"]).len().to_string(),
        doc_items.len().to_string(),
        count_in_items("decisions").to_string(),
        count_in_items("actions").to_string(),
        count_in_items("deferrals").to_string(),
        array(&doc["next_meetings"]).len().to_string(),
        join(array(&doc["warnings"]).iter().map(warning_text)),
    ]);

    for (i, p) in array(&doc["participants"]).iter().enumerate() {
        participants.push(vec![
            key.clone(),
            (i + 1).to_string(),
            cell(&p["name"]),
            cell(&p["role"]),
            cell(&p["title"]),
            cell(&p["affiliation"]),
            cell(&p["group"]),
            cell(&p["attendance"]),
            cell(&p["remote"]),
            cell(&p["note"]),
        ]);
    }

    for (i, item) in doc_items.iter().enumerate() {
        let id = cell(&item["id"]);
        let number = cell(&item["number"]);
        let attachments = array(&item["attachments"]);
        items.push(vec![
            key.clone(),
            (i + 1).to_string(),
            id.clone(),
            number.clone(),
            cell(&item["title"]),
            cell(&item["parent"]),
            cell(&item["time"]["start"]),
            cell(&item["time"]["end"]),
            cell(&item["text"]),
            join(attachments.iter().map(|a| cell(&a["name"]))),
            join(attachments.iter().map(|a| cell(&a["link"]))),
            cell(&item["responsible"]),
            array(&item["decisions"]).len().to_string(),
            array(&item["actions"]).len().to_string(),
            array(&item["deferrals"]).len().to_string(),
            cell(&item["span"]["page"]),
            cell(&item["span"]["line"]),
        ]);
        let lead = |j: usize| {
            vec![
                key.clone(),
                (i + 1).to_string(),
                id.clone(),
                number.clone(),
                (j + 1).to_string(),
            ]
        };
        for (j, d) in array(&item["decisions"]).iter().enumerate() {
            let mut row = lead(j);
            row.extend([
                cell(&d["text"]),
                cell(&d["rule"]),
                cell(&d["span"]["page"]),
                cell(&d["span"]["line"]),
            ]);
            decisions.push(row);
        }
        for (j, a) in array(&item["actions"]).iter().enumerate() {
            let mut row = lead(j);
            row.extend([
                cell(&a["text"]),
                cell(&a["assignees"]),
                cell(&a["due"]),
                cell(&a["rule"]),
                cell(&a["span"]["page"]),
                cell(&a["span"]["line"]),
            ]);
            actions.push(row);
        }
        for (j, d) in array(&item["deferrals"]).iter().enumerate() {
            let mut row = lead(j);
            row.extend([
                cell(&d["text"]),
                cell(&d["target_date"]),
                cell(&d["reason"]),
                cell(&d["type"]),
                cell(&d["rule"]),
                cell(&d["span"]["page"]),
                cell(&d["span"]["line"]),
            ]);
            deferrals.push(row);
        }
    }

    for (i, m) in array(&doc["next_meetings"]).iter().enumerate() {
        next_meetings.push(vec![
            key.clone(),
            (i + 1).to_string(),
            cell(&m["date"]),
            cell(&m["topics"]),
            cell(&m["note"]),
        ]);
    }
}

/// A document's key: `source.path`, else a top-level `document` string.
fn document_key(source: &Value, document: &Value) -> Option<String> {
    match (&source["path"], document) {
        (Value::String(s), _) | (_, Value::String(s)) => Some(s.clone()),
        _ => None,
    }
}

/// The elements of an array; anything else (missing, null) is empty.
fn array(value: &Value) -> &[Value] {
    match value {
        Value::Array(items) => items,
        _ => &[],
    }
}

/// A value as a cell: null and missing are empty, strings as they are,
/// arrays joined with "; ", objects as compact JSON (nothing is lost).
fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => join(items.iter().map(cell)),
        Value::Object(_) => value.to_string(),
    }
}

/// A warning is a string or an object; an object's `message` is the readable
/// part.
fn warning_text(value: &Value) -> String {
    match &value["message"] {
        Value::String(message) => message.clone(),
        _ => cell(value),
    }
}

fn join(parts: impl Iterator<Item = String>) -> String {
    parts
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Writes `<dir>/<table>.csv` for each table: UTF-8 with a byte-order mark,
/// CRLF line ends, fields quoted when they contain the delimiter, a quote or
/// a line break (quotes doubled). Creates `dir`. Returns the files written.
pub fn write_csv(dir: &Path, tables: &[Table], delimiter: u8) -> Result<Vec<PathBuf>, Error> {
    let mut sink = CsvSink::create(dir, tables, delimiter)?;
    sink.append(tables)?;
    sink.finish()
}

/// One open CSV file per table, so rows can be written document by document.
struct CsvSink {
    files: Vec<(PathBuf, BufWriter<File>)>,
    delimiter: u8,
}

impl CsvSink {
    /// Creates the files (BOM and header row) for the tables' names and columns.
    fn create(dir: &Path, tables: &[Table], delimiter: u8) -> Result<Self, Error> {
        fs::create_dir_all(dir).map_err(|source| Error::Write {
            path: dir.to_path_buf(),
            source,
        })?;
        let mut files = Vec::new();
        for table in tables {
            let path = dir.join(format!("{}.csv", table.name));
            let opened = (|| -> io::Result<BufWriter<File>> {
                let mut out = BufWriter::new(File::create(&path)?);
                out.write_all("\u{FEFF}".as_bytes())?;
                let header: Vec<String> = table.columns.iter().map(|c| c.to_string()).collect();
                write_csv_row(&mut out, &header, delimiter)?;
                Ok(out)
            })();
            let out = opened.map_err(|source| Error::Write {
                path: path.clone(),
                source,
            })?;
            files.push((path, out));
        }
        Ok(CsvSink { files, delimiter })
    }

    /// Writes the rows of `tables` (same order as at creation).
    fn append(&mut self, tables: &[Table]) -> Result<(), Error> {
        for ((path, out), table) in self.files.iter_mut().zip(tables) {
            for row in &table.rows {
                write_csv_row(out, row, self.delimiter).map_err(|source| Error::Write {
                    path: path.clone(),
                    source,
                })?;
            }
        }
        Ok(())
    }

    fn finish(self) -> Result<Vec<PathBuf>, Error> {
        let mut written = Vec::new();
        for (path, mut out) in self.files {
            out.flush().map_err(|source| Error::Write {
                path: path.clone(),
                source,
            })?;
            written.push(path);
        }
        Ok(written)
    }
}

fn write_csv_row(out: &mut impl Write, row: &[String], delimiter: u8) -> io::Result<()> {
    let delim = char::from(delimiter);
    for (i, field) in row.iter().enumerate() {
        if i > 0 {
            out.write_all(&[delimiter])?;
        }
        if field.contains([delim, '"', '\n', '\r']) {
            out.write_all(b"\"")?;
            out.write_all(field.replace('"', "\"\"").as_bytes())?;
            out.write_all(b"\"")?;
        } else {
            out.write_all(field.as_bytes())?;
        }
    }
    out.write_all(b"\r\n")
}

/// Excel's limit on a cell's text, in UTF-16 code units.
const XLSX_MAX_CELL: usize = 32_767;
/// Column width cap, in characters.
const XLSX_MAX_WIDTH: usize = 60;

/// Writes one workbook with a sheet per table: bold header row frozen at the
/// top, an autofilter over the data, and column widths from the longest line
/// in each column (capped at 60 characters). Text longer than Excel's cell
/// limit (32,767 characters) is cut and ends with "…".
pub fn write_xlsx(path: &Path, tables: &[Table]) -> Result<(), Error> {
    use rust_xlsxwriter::{Format, Workbook};
    let xlsx_err = |e: rust_xlsxwriter::XlsxError| Error::Xlsx {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    for table in tables {
        let sheet = workbook.add_worksheet();
        sheet.set_name(table.name).map_err(xlsx_err)?;
        let mut widths: Vec<usize> = table.columns.iter().map(|c| c.chars().count()).collect();
        for (col, name) in table.columns.iter().enumerate() {
            sheet
                .write_string_with_format(0, col as u16, *name, &bold)
                .map_err(xlsx_err)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).map_err(|_| Error::Xlsx {
                path: path.to_path_buf(),
                message: format!("table {} has too many rows for Excel", table.name),
            })?;
            for (col, value) in row.iter().enumerate() {
                if value.is_empty() {
                    continue;
                }
                let text = fit_cell(value);
                sheet
                    .write_string(r, col as u16, text.as_ref())
                    .map_err(xlsx_err)?;
                if let Some(w) = widths.get_mut(col) {
                    let longest = value.lines().map(|l| l.chars().count()).max().unwrap_or(0);
                    *w = (*w).max(longest.min(XLSX_MAX_WIDTH));
                }
            }
        }
        for (col, width) in widths.iter().enumerate() {
            sheet
                .set_column_width(col as u16, (*width + 2) as f64)
                .map_err(xlsx_err)?;
        }
        sheet.set_freeze_panes(1, 0).map_err(xlsx_err)?;
        let last_row = u32::try_from(table.rows.len()).unwrap_or(u32::MAX);
        let last_col = table.columns.len().saturating_sub(1) as u16;
        sheet
            .autofilter(0, 0, last_row, last_col)
            .map_err(xlsx_err)?;
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(|source| Error::Write {
            path: parent.to_path_buf(),
            source,
        })?;
    }
    workbook.save(path).map_err(xlsx_err)
}

/// Cuts text to Excel's cell limit, at a character boundary.
fn fit_cell(value: &str) -> std::borrow::Cow<'_, str> {
    if value.len() <= XLSX_MAX_CELL {
        // UTF-16 units never exceed UTF-8 bytes.
        return value.into();
    }
    let mut units = 0;
    let mut cut = String::new();
    for c in value.chars() {
        units += c.len_utf16();
        if units > XLSX_MAX_CELL - 1 {
            break;
        }
        cut.push(c);
    }
    if cut.len() == value.len() {
        return value.into();
    }
    cut.push('…');
    cut.into()
}

/// Writes each document as one line of compact JSON.
pub fn write_jsonl(writer: &mut dyn Write, docs: &[Value]) -> io::Result<()> {
    for doc in docs {
        serde_json::to_writer(&mut *writer, doc)?;
        writer.write_all(b"\n")?;
    }
    writer.flush()
}

/// Exports the documents under `input_dir` (see [`load`] for which files)
/// in `format` to `target`: for CSV a folder (one file per table), for XLSX
/// the workbook file, for JSONL a file, or `-` for stdout.
///
/// Documents are read one at a time, so memory does not grow with the
/// archive for CSV and JSONL (each file is parsed twice for CSV and XLSX:
/// once for its sort key, once for its rows). An XLSX workbook is built in
/// memory, as rust_xlsxwriter does, from the flat rows.
pub fn export(
    input_dir: &Path,
    format: ExportFormat,
    target: &Path,
    options: &ExportOptions,
) -> Result<ExportSummary, Error> {
    let files = document_files(input_dir)?;
    let mut summary = ExportSummary {
        documents: files.len(),
        rows: Vec::new(),
        written: Vec::new(),
    };
    if format == ExportFormat::Jsonl {
        let stdout = target == Path::new("-");
        let shown = if stdout {
            PathBuf::from("<stdout>")
        } else {
            target.to_path_buf()
        };
        let write_err = |source| Error::Write {
            path: shown.clone(),
            source,
        };
        let mut out: Box<dyn Write> = if stdout {
            Box::new(io::stdout().lock())
        } else {
            Box::new(BufWriter::new(File::create(target).map_err(write_err)?))
        };
        for path in &files {
            let doc = read_doc(path)?;
            write_jsonl(&mut out, std::slice::from_ref(&doc)).map_err(write_err)?;
        }
        out.flush().map_err(write_err)?;
        if !stdout {
            summary.written.push(target.to_path_buf());
        }
        return Ok(summary);
    }

    // Sort by document key first, reading only the key of each file.
    let mut keyed = Vec::with_capacity(files.len());
    for path in files {
        keyed.push((probe_key(input_dir, &path)?, path));
    }
    keyed.sort_by(|a, b| a.0.cmp(&b.0));

    let mut tables = empty_tables();
    // The links `minutes track` wrote, when it has: one more table.
    if let Some(links) = links_table(input_dir)? {
        tables.push(links);
    }
    let mut counts = vec![0usize; tables.len()];
    let mut sink = match format {
        ExportFormat::Csv => Some(CsvSink::create(target, &tables, options.delimiter)?),
        _ => None,
    };
    for (key, path) in &keyed {
        let doc = read_doc(path)?;
        append_rows(&mut tables[..7], key, &doc);
        if let Some(sink) = sink.as_mut() {
            sink.append(&tables)?;
            for (count, table) in counts.iter_mut().zip(tables.iter_mut()) {
                *count += table.rows.len();
                table.rows.clear();
            }
        }
    }
    match sink {
        Some(sink) => summary.written = sink.finish()?,
        None => {
            for (count, table) in counts.iter_mut().zip(&tables) {
                *count = table.rows.len();
            }
            write_xlsx(target, &tables)?;
            summary.written.push(target.to_path_buf());
        }
    }
    summary.rows = tables.iter().map(|t| t.name).zip(counts).collect();
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn cells() {
        assert_eq!(cell(&Value::Null), "");
        assert_eq!(cell(&json!(["a", "b", null, 3])), "a; b; 3");
        assert_eq!(cell(&json!(false)), "false");
        assert_eq!(cell(&json!({"a": 1})), "{\"a\":1}");
        assert_eq!(
            warning_text(&json!({"level": "warning", "message": "m"})),
            "m"
        );
    }

    #[test]
    fn long_cells_are_cut() {
        let long = "å".repeat(40_000);
        let cut = fit_cell(&long);
        assert_eq!(cut.chars().count(), XLSX_MAX_CELL);
        assert!(cut.ends_with('…'));
        assert_eq!(fit_cell("kort"), "kort");
    }

    #[test]
    fn csv_quoting() {
        let mut out = Vec::new();
        let row = vec![
            "a;b".to_string(),
            "sa \"hej\"".to_string(),
            "rad\nrad".to_string(),
            "a,b".to_string(),
        ];
        write_csv_row(&mut out, &row, b';').unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\"a;b\";\"sa \"\"hej\"\"\";\"rad\nrad\";a,b\r\n"
        );
    }
}
