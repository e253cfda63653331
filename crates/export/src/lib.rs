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
//! small relational database. Rows are sorted by document, then in document
//! order. Arrays in a cell (assignees, topics, warnings) are joined with
//! [`LIST_SEPARATOR`], `" | "` (not `"; "`, the field separator of CSV in a
//! Swedish locale).
//!
//! Every column has one [`ColumnType`] ([`schema`]), the same for a column
//! name in every table; the writers type cells by it, never by guessing.
//!
//! Writers: [`write_csv`] (one UTF-8 file per table through the `csv` crate,
//! with a byte-order mark so Excel detects the encoding, a configurable
//! delimiter since Excel in a Swedish locale splits at `;`, RFC 4180
//! quoting, and text that a spreadsheet would take for a formula — `=`,
//! `+`, `-`, `@`, tab or carriage return first — prefixed with `'` as OWASP
//! advises), [`write_xlsx`] (one sheet per table in rust_xlsxwriter's
//! constant-memory mode: bold frozen header, autofilter, column widths from
//! the content, typed cells — numbers, dates and times with a date format,
//! booleans, text; text never becomes a formula, and formula-looking text
//! carries Excel's quote prefix; a fixed creation date, so reruns are
//! byte-identical) and [`write_jsonl`] (one compact document per line, for
//! pipes). Every file is written to a temporary file beside it, fsynced and
//! renamed into place. [`export`] ties reading and writing together for the
//! CLI, one document at a time, so memory stays flat however large the
//! archive.
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
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde_json::Value;

mod atomic;
mod csv_out;
mod flatten;
pub mod schema;
mod xlsx_out;

use atomic::AtomicFile;
use csv_out::CsvSink;
use flatten::{append_rows, document_key, empty_tables, links_rows};
pub use schema::{Column, ColumnType, LIST_SEPARATOR};
use xlsx_out::XlsxSink;

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
    /// Column headers and types (see [`schema`]).
    pub columns: &'static [Column],
    /// Rows, each as long as `columns`: each cell's text as in the JSON
    /// (empty for null or missing), lists joined with [`LIST_SEPARATOR`].
    /// The writers type the cells by column.
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
        let manifest: ManifestProbe =
            serde_json::from_slice(&bytes).map_err(|source| Error::Parse {
                path: path.clone(),
                source,
            })?;
        let Some(ManifestOutputs(entries)) = manifest.entries else {
            continue;
        };
        any = true;
        for output in entries {
            // Only plain relative paths: a manifest names files inside `dir`.
            if !output.is_empty()
                && !output.starts_with('/')
                && !output.split(['/', '\\']).any(|part| part == "..")
            {
                outputs.insert(output);
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

/// Of a batch manifest, only what export needs: each entry's `output`.
/// Parsing into this skips the rest (input paths, hashes) without building
/// it, so a manifest of 30,000 entries costs 30,000 short strings rather
/// than a tree of [`Value`]s ten times its size.
#[derive(serde::Deserialize)]
struct ManifestProbe {
    #[serde(default)]
    entries: Option<ManifestOutputs>,
}

/// The `output` of each entry of a manifest's `entries` map, in file order.
struct ManifestOutputs(Vec<String>);

/// One manifest entry; a skipped or failed input has no `output`.
#[derive(serde::Deserialize)]
struct EntryProbe {
    #[serde(default)]
    output: Option<String>,
}

impl<'de> serde::Deserialize<'de> for ManifestOutputs {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> serde::de::Visitor<'de> for Entries {
            type Value = ManifestOutputs;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map of manifest entries")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<ManifestOutputs, A::Error> {
                let mut outputs = Vec::new();
                while let Some((serde::de::IgnoredAny, entry)) =
                    map.next_entry::<serde::de::IgnoredAny, EntryProbe>()?
                {
                    outputs.extend(entry.output);
                }
                Ok(ManifestOutputs(outputs))
            }
        }
        deserializer.deserialize_map(Entries)
    }
}

/// `report.json` or `report.shard-K-of-N.json`, the batch run's reports, and
/// `tracking.json`, the links `minutes track` writes: not documents.
fn is_report_name(name: &str) -> bool {
    name == "report.json"
        || name == "tracking.json"
        || (name.starts_with("report.shard-") && name.ends_with(".json"))
}

/// Flattens documents into the seven tables (always all seven, possibly
/// empty, always in the order meetings, participants, items, decisions,
/// actions, deferrals, next_meetings). Rows are sorted by document key (the
/// document's `source.path`; a document without one falls back to a top-level
/// `document` field, then to `#<position>`), then in document order.
///
/// This holds every row in memory; [`export`] streams instead.
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

/// `OUT/tracking.json`, the links `minutes track` follows from every deferral
/// and action to where it ends, as the rows of the `links` table (`None` when
/// there is no such file): the same links as in the register's database.
fn links(dir: &Path) -> Result<Option<Vec<Vec<String>>>, Error> {
    let path = dir.join("tracking.json");
    if !path.is_file() {
        return Ok(None);
    }
    Ok(Some(links_rows(&read_doc(&path)?)))
}

/// The names and columns of `tables`.
fn layout(tables: &[Table]) -> Vec<(&'static str, &'static [Column])> {
    tables.iter().map(|t| (t.name, t.columns)).collect()
}

/// Writes `<dir>/<table>.csv` for each table: UTF-8 with a byte-order mark,
/// CRLF line ends, fields quoted when they contain the delimiter, a quote or
/// a line break (quotes doubled), text that looks like a formula (`=`, `+`,
/// `-`, `@`, tab or carriage return first) prefixed with `'`. Each file
/// replaces an earlier one atomically. Creates `dir`. Returns the files
/// written.
pub fn write_csv(dir: &Path, tables: &[Table], delimiter: u8) -> Result<Vec<PathBuf>, Error> {
    let mut sink = CsvSink::create(dir, &layout(tables), delimiter)?;
    sink.append(tables)?;
    sink.finish()
}

/// Writes one workbook with a sheet per table: bold header row frozen at the
/// top, an autofilter over the data, cells typed by column (numbers, dates,
/// times, booleans, text; see [`schema`]), column widths from the longest
/// line in each column (capped at 60 characters). Text longer than Excel's
/// cell limit (32,767 characters) is cut and ends with "…". The same tables
/// give a byte-identical file; it replaces an earlier one atomically.
pub fn write_xlsx(path: &Path, tables: &[Table]) -> Result<(), Error> {
    let mut sink = XlsxSink::create(path, &layout(tables))?;
    sink.append(tables)?;
    sink.finish().map(drop)
}

/// Writes each document as one line of compact JSON.
pub fn write_jsonl(writer: &mut dyn Write, docs: &[Value]) -> io::Result<()> {
    for doc in docs {
        serde_json::to_writer(&mut *writer, doc)?;
        writer.write_all(b"\n")?;
    }
    writer.flush()
}

/// Where the tables of [`export`] go, row by row.
enum Sink {
    Csv(CsvSink),
    Xlsx(Box<XlsxSink>),
}

impl Sink {
    fn append(&mut self, tables: &[Table]) -> Result<(), Error> {
        match self {
            Sink::Csv(s) => s.append(tables),
            Sink::Xlsx(s) => s.append(tables),
        }
    }

    fn append_to(&mut self, index: usize, rows: &[Vec<String>]) -> Result<(), Error> {
        match self {
            Sink::Csv(s) => s.append_to(index, rows),
            Sink::Xlsx(s) => s.append_to(index, rows),
        }
    }

    fn finish(self) -> Result<Vec<PathBuf>, Error> {
        match self {
            Sink::Csv(s) => s.finish(),
            Sink::Xlsx(s) => Ok(vec![s.finish()?]),
        }
    }
}

/// Exports the documents under `input_dir` (see [`load`] for which files)
/// in `format` to `target`: for CSV a folder (one file per table), for XLSX
/// the workbook file, for JSONL a file, or `-` for stdout.
///
/// Streams: documents are read one at a time and their rows appended to
/// every table's writer (XLSX in rust_xlsxwriter's constant-memory mode), so
/// memory does not grow with the archive. For CSV and XLSX each file is
/// parsed twice: once for its sort key, once for its rows. Every file is
/// written beside its target and renamed into place when complete, so a
/// failed export leaves the earlier files as they were.
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
        summary.written = export_jsonl(&files, target)?;
        return Ok(summary);
    }

    // Sort by document key first, reading only the key of each file.
    let mut keyed = Vec::with_capacity(files.len());
    for path in files {
        keyed.push((probe_key(input_dir, &path)?, path));
    }
    keyed.sort_by(|a, b| a.0.cmp(&b.0));

    let mut tables = empty_tables();
    let mut names = layout(&tables);
    // The links `minutes track` wrote, when it has: one more table.
    let links = links(input_dir)?;
    if links.is_some() {
        names.push(("links", schema::LINKS));
    }
    let mut sink = match format {
        ExportFormat::Csv => Sink::Csv(CsvSink::create(target, &names, options.delimiter)?),
        _ => Sink::Xlsx(Box::new(XlsxSink::create(target, &names)?)),
    };
    let mut counts = vec![0usize; names.len()];
    if let Some(rows) = links {
        sink.append_to(tables.len(), &rows)?;
        if let Some(count) = counts.last_mut() {
            *count = rows.len();
        }
    }
    for (key, path) in &keyed {
        let doc = read_doc(path)?;
        append_rows(&mut tables, key, &doc);
        sink.append(&tables)?;
        for (count, table) in counts.iter_mut().zip(tables.iter_mut()) {
            *count += table.rows.len();
            table.rows.clear();
        }
    }
    summary.written = sink.finish()?;
    summary.rows = names.iter().map(|(name, _)| *name).zip(counts).collect();
    Ok(summary)
}

/// JSONL, a document per line, read and written one at a time: to stdout
/// for `-`, else to a file replaced atomically.
fn export_jsonl(files: &[PathBuf], target: &Path) -> Result<Vec<PathBuf>, Error> {
    if target == Path::new("-") {
        let write_err = |source| Error::Write {
            path: PathBuf::from("<stdout>"),
            source,
        };
        let mut out = BufWriter::new(io::stdout().lock());
        for path in files {
            let doc = read_doc(path)?;
            write_jsonl(&mut out, std::slice::from_ref(&doc)).map_err(write_err)?;
        }
        out.flush().map_err(write_err)?;
        return Ok(Vec::new());
    }
    let mut out = AtomicFile::create(target)?;
    for path in files {
        let doc = read_doc(path)?;
        write_jsonl(&mut out, std::slice::from_ref(&doc)).map_err(|source| Error::Write {
            path: target.to_path_buf(),
            source,
        })?;
    }
    Ok(vec![out.commit()?])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quoting_and_neutralising() {
        let tmp = tempfile::tempdir().unwrap();
        static COLUMNS: &[Column] = &[
            Column {
                name: "a",
                kind: ColumnType::Text,
            },
            Column {
                name: "b",
                kind: ColumnType::Text,
            },
            Column {
                name: "c",
                kind: ColumnType::Text,
            },
            Column {
                name: "d",
                kind: ColumnType::Text,
            },
            Column {
                name: "n",
                kind: ColumnType::Integer,
            },
        ];
        let table = Table {
            name: "t",
            columns: COLUMNS,
            rows: vec![vec![
                "a;b".to_string(),
                "sa \"hej\"".to_string(),
                "rad\nrad".to_string(),
                "=SUM(1)".to_string(),
                "-3".to_string(),
            ]],
        };
        write_csv(tmp.path(), &[table], b';').unwrap();
        assert_eq!(
            fs::read_to_string(tmp.path().join("t.csv")).unwrap(),
            "\u{FEFF}a;b;c;d;n\r\n\"a;b\";\"sa \"\"hej\"\"\";\"rad\nrad\";'=SUM(1);-3\r\n"
        );
    }
}
