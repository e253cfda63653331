//! The sidecar manifest that makes incremental runs cheap.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

/// Format version of the manifest file; a file with another version is ignored
/// (which only costs a full conversion).
const VERSION: u32 = 1;

/// The manifest file: relative input path → what its last conversion was.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    pub version: u32,
    pub entries: BTreeMap<String, ManifestEntry>,
}

/// The record of one input's last successful conversion (or converter skip).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManifestEntry {
    pub sha256: String,
    pub fingerprint: String,
    /// Output path relative to the output folder, `/`-separated; `None` when
    /// the converter skipped the file.
    #[serde(default)]
    pub output: Option<String>,
    #[serde(default)]
    pub format: Option<String>,
    #[serde(default)]
    pub pages: Option<u32>,
    #[serde(default)]
    pub warnings: Vec<String>,
    /// The converter's reason when it skipped the file.
    #[serde(default)]
    pub skipped: Option<String>,
}

/// Reads every manifest in `out_dir` (the unsharded one and those of shards),
/// merging them so that the most recently written file wins for a path.
/// Unreadable or foreign manifests are skipped and named in the returned notes.
pub fn load_all(out_dir: &Path) -> (BTreeMap<String, ManifestEntry>, Vec<String>) {
    let mut notes = Vec::new();
    let mut files: Vec<(SystemTime, std::path::PathBuf)> = Vec::new();
    if let Ok(read) = fs::read_dir(out_dir) {
        for entry in read.filter_map(|e| e.ok()) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(".minutes-manifest") && name.ends_with(".json") {
                let modified = entry
                    .metadata()
                    .and_then(|m| m.modified())
                    .unwrap_or(SystemTime::UNIX_EPOCH);
                files.push((modified, entry.path()));
            }
        }
    }
    files.sort();
    let mut merged = BTreeMap::new();
    for (_, path) in files {
        let parsed = fs::read(&path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                serde_json::from_slice::<Manifest>(&bytes).map_err(|e| e.to_string())
            });
        match parsed {
            Ok(m) if m.version == VERSION => merged.extend(m.entries),
            Ok(m) => notes.push(format!(
                "ignored manifest {} of version {}",
                path.display(),
                m.version
            )),
            Err(e) => notes.push(format!(
                "ignored unreadable manifest {}: {e}",
                path.display()
            )),
        }
    }
    (merged, notes)
}

/// The manifest file's bytes for `entries` (compact: it is for machines, and
/// it is rewritten every few seconds during a run).
pub fn to_bytes(entries: &BTreeMap<String, ManifestEntry>) -> Vec<u8> {
    #[derive(Serialize)]
    struct Borrowed<'a> {
        version: u32,
        entries: &'a BTreeMap<String, ManifestEntry>,
    }
    serde_json::to_vec(&Borrowed {
        version: VERSION,
        entries,
    })
    .unwrap_or_default()
}
