//! The sidecar manifest that makes incremental runs cheap.
//!
//! On disk (version 2):
//!
//! ```json
//! {"version":2,"fingerprint":"minutes 0.1.0 rules 26…","entries":{
//!   "2024/a.docx":{"sha256":"…","output":"2024/a.json","format":"docx","pages":3},
//!   "2024/b.txt":{"sha256":"…","format":"txt","skipped":"not minutes"}}}
//! ```
//!
//! The fingerprint (tool version + rules hash) is stored once per manifest,
//! and an entry holds only what the up-to-date check and the report of an
//! up-to-date file need; fields with their default value are left out.
//! Version 1 (a fingerprint in every entry) is still read.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Write};
use std::path::Path;
use std::time::SystemTime;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::fsutil::{Digest, hex, unhex};

/// Format version of the manifest files this crate writes. Version 1 (a
/// fingerprint per entry) is read too; a file with any other version is
/// ignored (which only costs a full conversion).
const VERSION: u32 = 2;

/// The record of one input's last successful conversion (or converter skip).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManifestEntry {
    /// sha256 of the input's bytes (hex on disk, 32 bytes in memory).
    #[serde(serialize_with = "digest_out", deserialize_with = "digest_in")]
    pub sha256: Digest,
    /// Output path relative to the output folder, `/`-separated; `None` when
    /// the converter skipped the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// The converter's reason when it skipped the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skipped: Option<String>,
    /// Made with the current fingerprint: only such entries can be up to date
    /// or be saved again. Entries of another fingerprint are kept while the
    /// run lasts because they still tell which output an input had.
    #[serde(skip)]
    pub fresh: bool,
}

/// A manifest file as read: version 1 has a fingerprint in each entry,
/// version 2 one for the file.
#[derive(Deserialize)]
struct ManifestFile {
    version: u32,
    #[serde(default)]
    fingerprint: Option<String>,
    #[serde(default)]
    entries: BTreeMap<String, StoredEntry>,
}

/// [`ManifestEntry`] as read from a file, where version 1 has a fingerprint
/// per entry. (Spelled out rather than `#[serde(flatten)]`, which makes
/// serde buffer every entry before parsing it.)
#[derive(Deserialize)]
struct StoredEntry {
    #[serde(deserialize_with = "digest_in")]
    sha256: Digest,
    /// Version 1 only.
    #[serde(default)]
    fingerprint: Option<String>,
    #[serde(default)]
    output: Option<String>,
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    pages: Option<u32>,
    #[serde(default)]
    warnings: Vec<String>,
    #[serde(default)]
    skipped: Option<String>,
}

#[derive(Deserialize)]
struct VersionOnly {
    version: u32,
}

fn digest_out<S: Serializer>(digest: &Digest, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&hex(digest))
}

fn digest_in<'de, D: Deserializer<'de>>(d: D) -> Result<Digest, D::Error> {
    let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
    unhex(&s).ok_or_else(|| serde::de::Error::custom("sha256 is not 64 hex digits"))
}

/// Reads every manifest in `out_dir` (the unsharded one and those of shards),
/// merging them so that the most recently written file wins for a path.
/// Entries made with another fingerprint than `fingerprint` are kept but not
/// [`ManifestEntry::fresh`]. Unreadable or foreign manifests are skipped and
/// named in the returned notes.
pub fn load_all(
    out_dir: &Path,
    fingerprint: &str,
) -> (BTreeMap<String, ManifestEntry>, Vec<String>) {
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
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) => {
                notes.push(format!(
                    "ignored unreadable manifest {}: {e}",
                    path.display()
                ));
                continue;
            }
        };
        match serde_json::from_slice::<ManifestFile>(&bytes) {
            Ok(m) if m.version == 1 || m.version == VERSION => {
                let whole = m.version == VERSION && m.fingerprint.as_deref() == Some(fingerprint);
                merged.extend(m.entries.into_iter().map(|(rel, stored)| {
                    let entry = ManifestEntry {
                        fresh: whole || stored.fingerprint.as_deref() == Some(fingerprint),
                        sha256: stored.sha256,
                        output: stored.output,
                        format: stored.format,
                        pages: stored.pages,
                        warnings: stored.warnings,
                        skipped: stored.skipped,
                    };
                    (rel, entry)
                }));
            }
            other => {
                // Name the version when there is one: a newer tool's manifest
                // need not parse as ours.
                match serde_json::from_slice::<VersionOnly>(&bytes) {
                    Ok(v) if v.version != 1 && v.version != VERSION => notes.push(format!(
                        "ignored manifest {} of version {}",
                        path.display(),
                        v.version
                    )),
                    _ => notes.push(format!(
                        "ignored unreadable manifest {}: {}",
                        path.display(),
                        other.err().map(|e| e.to_string()).unwrap_or_default()
                    )),
                }
            }
        }
    }
    (merged, notes)
}

/// Writes a manifest entry by entry (compact: it is for machines, and it is
/// rewritten every few seconds during a run). Keys must come in sorted order,
/// each once.
pub struct ManifestWriter<W: Write> {
    out: W,
    first: bool,
}

impl<W: Write> ManifestWriter<W> {
    pub fn begin(mut out: W, fingerprint: &str) -> io::Result<Self> {
        write!(out, "{{\"version\":{VERSION},\"fingerprint\":")?;
        serde_json::to_writer(&mut out, fingerprint)?;
        out.write_all(b",\"entries\":{")?;
        Ok(ManifestWriter { out, first: true })
    }

    pub fn entry(&mut self, rel: &str, entry: &ManifestEntry) -> io::Result<()> {
        if !self.first {
            self.out.write_all(b",")?;
        }
        self.first = false;
        serde_json::to_writer(&mut self.out, rel)?;
        self.out.write_all(b":")?;
        serde_json::to_writer(&mut self.out, entry)?;
        Ok(())
    }

    pub fn end(mut self) -> io::Result<W> {
        self.out.write_all(b"}}")?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fsutil::sha256;

    fn entry(output: &str) -> ManifestEntry {
        ManifestEntry {
            sha256: sha256(output.as_bytes()),
            output: Some(output.to_string()),
            format: Some("txt".to_string()),
            pages: None,
            warnings: Vec::new(),
            skipped: None,
            fresh: true,
        }
    }

    #[test]
    fn written_manifests_read_back() {
        let tmp = tempfile::tempdir().unwrap();
        let mut w = ManifestWriter::begin(Vec::new(), "fp \"1\"").unwrap();
        w.entry("a.txt", &entry("a.json")).unwrap();
        let mut b = entry("b.json");
        b.warnings = vec!["w".to_string()];
        b.pages = Some(2);
        w.entry("b/ö.txt", &b).unwrap();
        let bytes = w.end().unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(text.starts_with("{\"version\":2,\"fingerprint\":\"fp \\\"1\\\"\""));
        assert!(!text.contains("skipped"), "{text}");
        fs::write(tmp.path().join(".minutes-manifest.json"), &bytes).unwrap();

        let (m, notes) = load_all(tmp.path(), "fp \"1\"");
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(m.len(), 2);
        assert_eq!(m["a.txt"], entry("a.json"));
        assert_eq!(m["b/ö.txt"], b);

        let (m, _) = load_all(tmp.path(), "fp 2");
        assert!(m.values().all(|e| !e.fresh));
    }

    #[test]
    fn version_1_is_read_and_others_are_ignored() {
        let tmp = tempfile::tempdir().unwrap();
        let sha = hex(&sha256(b"x"));
        let v1 = format!(
            r#"{{"version":1,"entries":{{
              "a.txt":{{"sha256":"{sha}","fingerprint":"fp","output":"a.json","format":"txt","pages":null,"warnings":[],"skipped":null}},
              "b.txt":{{"sha256":"{sha}","fingerprint":"old","output":"b.json"}}}}}}"#
        );
        fs::write(tmp.path().join(".minutes-manifest.json"), v1).unwrap();
        fs::write(
            tmp.path().join(".minutes-manifest.shard-1-of-2.json"),
            r#"{"version":9,"entries":{"c.txt":17}}"#,
        )
        .unwrap();
        fs::write(
            tmp.path().join(".minutes-manifest.shard-2-of-2.json"),
            "{\"version\":2,",
        )
        .unwrap();
        let (m, notes) = load_all(tmp.path(), "fp");
        assert_eq!(m.len(), 2);
        assert!(m["a.txt"].fresh);
        assert_eq!(m["a.txt"].sha256, sha256(b"x"));
        assert!(!m["b.txt"].fresh);
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(
            notes.iter().any(|n| n.contains("of version 9")),
            "{notes:?}"
        );
        assert!(notes.iter().any(|n| n.contains("unreadable")), "{notes:?}");
    }
}
