//! An output folder as a list of converted documents: `OUT/report.json` says
//! which inputs converted (`status: ok`) and where each one's JSON is
//! (`output`, relative to OUT). Stray JSON files in OUT are not documents.
//! Documents are read one at a time, so what reads the archive holds one
//! document in memory, whatever the archive's size.

use crate::Error;
use crate::doc::Document;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The report's name inside an output folder.
pub const REPORT: &str = "report.json";

/// One converted document of the archive, before it is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The input's path relative to the converted folders (`report.files[].path`).
    pub input: String,
    /// The output's path relative to OUT: unique in the archive, so it is the
    /// document's key.
    pub output: String,
}

impl Entry {
    /// The input file's name (the last component of its path), as links name documents.
    pub fn file_name(&self) -> &str {
        self.input.rsplit(['/', '\\']).next().unwrap_or(&self.input)
    }
}

#[derive(Deserialize)]
struct ReportFiles {
    #[serde(default)]
    files: Vec<ReportFile>,
}

#[derive(Deserialize)]
struct ReportFile {
    #[serde(default)]
    path: String,
    #[serde(default)]
    output: Option<String>,
    #[serde(default)]
    status: String,
}

/// An output folder and the documents its report lists as converted.
#[derive(Debug, Clone)]
pub struct Archive {
    /// The output folder.
    pub root: PathBuf,
    /// The converted documents, in the report's order (sorted by input path).
    pub entries: Vec<Entry>,
}

impl Archive {
    /// Reads `OUT/report.json`.
    pub fn open(root: &Path) -> Result<Archive, Error> {
        let report = root.join(REPORT);
        let text = std::fs::read_to_string(&report).map_err(|source| Error::Read {
            path: report.clone(),
            source,
        })?;
        let files: ReportFiles = serde_json::from_str(&text).map_err(|source| Error::Json {
            path: report.clone(),
            source,
        })?;
        let entries = files
            .files
            .into_iter()
            .filter(|f| f.status == "ok")
            .filter_map(|f| {
                let output = f.output?;
                Some(Entry {
                    input: f.path,
                    output,
                })
            })
            .filter(|e| is_inside(&e.output))
            .collect();
        Ok(Archive {
            root: root.to_path_buf(),
            entries,
        })
    }

    /// The JSON file of an entry.
    pub fn path_of(&self, entry: &Entry) -> PathBuf {
        self.root.join(&entry.output)
    }

    /// Reads and parses one entry's document.
    pub fn read(&self, entry: &Entry) -> Result<Document, Error> {
        let path = self.path_of(entry);
        let bytes = std::fs::read(&path).map_err(|source| Error::Read {
            path: path.clone(),
            source,
        })?;
        serde_json::from_slice(&bytes).map_err(|source| Error::Json { path, source })
    }
}

/// A report's output path stays inside OUT: relative, no `..`. A doctored
/// report must not make the register read files elsewhere.
fn is_inside(output: &str) -> bool {
    let p = Path::new(output);
    !output.is_empty()
        && p.is_relative()
        && p.components().all(|c| {
            matches!(
                c,
                std::path::Component::Normal(_) | std::path::Component::CurDir
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_outside_the_folder_are_refused() {
        assert!(is_inside("2024/ks.json"));
        assert!(is_inside("x.pdf.json"));
        assert!(!is_inside("../x.json"));
        assert!(!is_inside("/etc/passwd"));
        assert!(!is_inside(""));
    }

    #[test]
    fn only_ok_entries_with_an_output_are_documents() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(REPORT),
            r#"{"files": [
                {"path": "a/x.txt", "output": "a/x.json", "status": "ok"},
                {"path": "b/x.txt", "output": "b/x.txt.json", "status": "ok"},
                {"path": "c.txt", "output": null, "status": "failed"},
                {"path": "d.bin", "status": "skipped"}
            ]}"#,
        )
        .unwrap();
        let a = Archive::open(dir.path()).unwrap();
        let outs: Vec<_> = a.entries.iter().map(|e| e.output.as_str()).collect();
        assert_eq!(outs, ["a/x.json", "b/x.txt.json"]);
        assert_eq!(a.entries[0].file_name(), "x.txt");
    }

    #[test]
    fn a_missing_report_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let e = Archive::open(dir.path()).unwrap_err().to_string();
        assert!(e.contains("report.json"), "{e}");
    }
}
