//! Finding the inputs: walking folders, filtering, sharding.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use sha2::{Digest, Sha256};

use crate::{Error, Options};

/// What a run will do with each file, in sorted relative-path order.
#[derive(Debug, Clone, Default)]
pub struct Discovery {
    /// The files, sorted by relative path (then by path), deduplicated.
    pub entries: Vec<Entry>,
    /// The folders among the inputs, each with the prefix its files' relative
    /// paths carry (empty when only one input was given): where pruning looks
    /// for an input that is gone.
    pub roots: Vec<(String, PathBuf)>,
}

impl Discovery {
    /// Number of entries (files to convert, skip, or report as unreadable).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing was found.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Number of entries that will be handed to the converter.
    pub fn convertible(&self) -> usize {
        self.entries
            .iter()
            .filter(|e| matches!(e.kind, EntryKind::Convert { .. }))
            .count()
    }
}

/// One discovered file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The path on disk.
    pub path: PathBuf,
    /// The path relative to the folder given on the command line, `/`-separated
    /// (for a file given directly: its file name). Key of the report and manifest.
    pub rel: String,
    /// What to do with it.
    pub kind: EntryKind,
}

/// What to do with a discovered file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryKind {
    /// Hand it to the converter; `format` is what `is_supported` said.
    Convert {
        /// Format name.
        format: String,
    },
    /// Do not read it; reported as skipped.
    Skip {
        /// Why, e.g. "not a minutes format: .xlsx".
        reason: String,
    },
    /// It could not be examined (missing input, unreadable folder); reported
    /// as failed.
    Error {
        /// What went wrong.
        message: String,
    },
}

/// Finds the files under `inputs` (files and folders; folders recursively, in
/// sorted order, following symbolic links but never entering a folder twice, so
/// symlink loops end), applies `opts.include`, `opts.exclude` and `opts.shard`,
/// and classifies each file with `is_supported` (which returns the format name
/// of files worth reading). Hidden files and folders (name starting with `.`)
/// inside folders are ignored, and so is `opts.out_dir` if it lies inside an
/// input folder, so a rerun does not discover its own outputs.
pub fn discover(
    inputs: &[PathBuf],
    opts: &Options,
    is_supported: &dyn Fn(&Path) -> Option<String>,
) -> Result<Discovery, Error> {
    let include = globset(&opts.include)?;
    let exclude = globset(&opts.exclude)?;
    if let Some((k, n)) = opts.shard
        && (k == 0 || k > n)
    {
        return Err(Error::Shard { k, n });
    }
    let out_dir = fs::canonicalize(&opts.out_dir).ok();

    let mut found: Vec<(PathBuf, String, Option<String>)> = Vec::new();
    let mut visited: HashSet<PathBuf> = HashSet::new();
    let mut roots: Vec<(String, PathBuf)> = Vec::new();
    let folders = inputs.iter().filter(|i| i.is_dir()).count();
    for input in inputs {
        match fs::metadata(input) {
            Ok(meta) if meta.is_dir() => {
                // With several folders, each folder's files live under its
                // own name, so that two archives with the same file names
                // give distinct keys (`source.path`) and outputs.
                let prefix = if folders > 1 {
                    root_prefix(input, &roots)
                } else {
                    String::new()
                };
                roots.push((prefix.clone(), input.clone()));
                if let Ok(canon) = fs::canonicalize(input) {
                    visited.insert(canon);
                }
                let from = found.len();
                walk(input, input, &mut visited, out_dir.as_deref(), &mut found);
                if !prefix.is_empty() {
                    for (_, rel, _) in found.iter_mut().skip(from) {
                        *rel = format!("{prefix}/{rel}");
                    }
                }
            }
            Ok(_) => {
                let rel = input
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| input.to_string_lossy().into_owned());
                found.push((input.clone(), rel, None));
            }
            Err(e) => {
                let rel = input.to_string_lossy().into_owned();
                found.push((input.clone(), rel, Some(format!("cannot read input: {e}"))));
            }
        }
    }

    // The same file named twice (a file and a folder containing it) is
    // converted once. Canonicalising costs a few syscalls per file, so only do
    // it when there is more than one input and hence a chance of overlap.
    if inputs.len() > 1 {
        let mut seen = HashSet::new();
        found.retain(|(path, _, _)| {
            let key = fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            seen.insert(key)
        });
    }

    let mut entries: Vec<Entry> = found
        .into_iter()
        .filter(|(_, rel, _)| {
            (include.is_none() || include.as_ref().is_some_and(|g| g.is_match(rel)))
                && !exclude.as_ref().is_some_and(|g| g.is_match(rel))
        })
        .filter(|(_, rel, _)| match opts.shard {
            Some((k, n)) => shard_of(rel, n) == k,
            None => true,
        })
        .map(|(path, rel, error)| {
            let kind = match error {
                Some(message) => EntryKind::Error { message },
                None => classify(&path, is_supported),
            };
            Entry { path, rel, kind }
        })
        .collect();
    entries.sort_by(|a, b| a.rel.cmp(&b.rel).then_with(|| a.path.cmp(&b.path)));
    // Collected through filters, the vector grew by doubling; it is kept for
    // the whole run.
    entries.shrink_to_fit();
    Ok(Discovery { entries, roots })
}

/// The shard (1-based) a relative path belongs to among `n`: the first eight
/// bytes of its sha256, modulo `n`. A cryptographic hash is overkill but is
/// stable across Rust versions and platforms, unlike `DefaultHasher`.
pub fn shard_of(rel: &str, n: u32) -> u32 {
    let digest = Sha256::digest(rel.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    (u64::from_be_bytes(first) % u64::from(n.max(1))) as u32 + 1
}

fn classify(path: &Path, is_supported: &dyn Fn(&Path) -> Option<String>) -> EntryKind {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name.starts_with("~$") {
        // Word and Excel leave these lock files next to open documents.
        return EntryKind::Skip {
            reason: "Office lock file".to_string(),
        };
    }
    match is_supported(path) {
        Some(format) => EntryKind::Convert { format },
        None => {
            let reason = match path.extension() {
                Some(ext) => format!(
                    "not a minutes format: .{}",
                    ext.to_string_lossy().to_lowercase()
                ),
                None => "not a minutes format: no file extension".to_string(),
            };
            EntryKind::Skip { reason }
        }
    }
}

pub(crate) fn globset(patterns: &[String]) -> Result<Option<GlobSet>, Error> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        // Case-insensitive: archives mix `.DOCX` and `.docx`, and the file
        // systems they come from often do not distinguish them either.
        let glob = GlobBuilder::new(pattern)
            .case_insensitive(true)
            .build()
            .map_err(|e| Error::Glob {
                pattern: pattern.clone(),
                message: e.kind().to_string(),
            })?;
        builder.add(glob);
    }
    builder.build().map(Some).map_err(|e| Error::Glob {
        pattern: patterns.join(", "),
        message: e.to_string(),
    })
}

fn walk(
    root: &Path,
    dir: &Path,
    visited: &mut HashSet<PathBuf>,
    out_dir: Option<&Path>,
    found: &mut Vec<(PathBuf, String, Option<String>)>,
) {
    let read = match fs::read_dir(dir) {
        Ok(read) => read,
        Err(e) => {
            found.push((
                dir.to_path_buf(),
                rel_of(root, dir),
                Some(format!("cannot read folder: {e}")),
            ));
            return;
        }
    };
    let mut children: Vec<(String, PathBuf)> = read
        .filter_map(|e| e.ok())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .filter(|(name, _)| !name.starts_with('.'))
        .collect();
    children.sort();
    for (_, path) in children {
        // fs::metadata follows symbolic links: a link to a folder is walked
        // (guarded by `visited`), a broken link is reported.
        match fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => {
                let Ok(canon) = fs::canonicalize(&path) else {
                    continue;
                };
                if out_dir == Some(canon.as_path()) || !visited.insert(canon) {
                    continue;
                }
                walk(root, &path, visited, out_dir, found);
            }
            Ok(meta) if meta.is_file() => {
                found.push((path.clone(), rel_of(root, &path), None));
            }
            Ok(_) => {} // sockets, fifos, devices: not documents
            Err(e) => {
                let rel = rel_of(root, &path);
                found.push((path, rel, Some(format!("cannot read file: {e}"))));
            }
        }
    }
}

/// The sub-folder name of an input folder among several: its own name (of
/// its canonical path, so `.` has one too), made unique with `-2`, `-3`.
fn root_prefix(root: &Path, taken: &[(String, PathBuf)]) -> String {
    let name = fs::canonicalize(root)
        .ok()
        .and_then(|c| c.file_name().map(|n| n.to_string_lossy().into_owned()))
        .or_else(|| root.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "root".to_string());
    let free = |candidate: &str| !taken.iter().any(|(p, _)| p.eq_ignore_ascii_case(candidate));
    if free(&name) {
        return name;
    }
    (2..)
        .map(|n| format!("{name}-{n}"))
        .find(|c| free(c))
        .unwrap_or(name)
}

fn rel_of(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.is_empty() {
        path.to_string_lossy().into_owned()
    } else {
        parts.join("/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_is_in_range_and_stable() {
        for n in 1..6 {
            for name in ["a.txt", "b/c.docx", "å/ä.pdf"] {
                let k = shard_of(name, n);
                assert!((1..=n).contains(&k));
                assert_eq!(k, shard_of(name, n));
            }
        }
    }
}
