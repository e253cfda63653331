//! Finding the inputs: walking folders, filtering, sharding.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use ignore::WalkBuilder;
use ignore::overrides::{Override, OverrideBuilder};
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
    /// Files found that belong to other shards (with `--shard`): a shard
    /// may be empty while the archive is not.
    pub other_shards: usize,
    /// Remarks on the walk, such as an ignore file with a bad line.
    pub notes: Vec<String>,
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

/// Finds the files under `inputs` (files and folders; folders recursively,
/// as ripgrep and fd walk them, with the `ignore` crate), applies
/// `opts.include`, `opts.exclude` and `opts.shard`, and classifies each file
/// with `is_supported` (which returns the format name of files worth
/// reading).
///
/// Inside folders: hidden files and folders (name starting with `.`) are
/// left out unless [`Options::hidden`]; `.gitignore` and `.ignore` files
/// are honoured (in any folder of the archive, whether or not it is a git
/// repository; not those above the folder given, so that an archive gives
/// the same files wherever it is mounted) unless [`Options::no_ignore`];
/// symbolic links are not followed unless [`Options::follow`] (then a loop
/// ends and a broken link is reported). `.git` folders and `opts.out_dir`
/// (if it lies inside an input folder) are never entered, so a rerun does not
/// discover its own outputs. Files named directly are always taken, but for
/// the include and exclude globs.
pub fn discover(
    inputs: &[PathBuf],
    opts: &Options,
    is_supported: &dyn Fn(&Path) -> Option<String>,
) -> Result<Discovery, Error> {
    if let Some((k, n)) = opts.shard
        && (k == 0 || k > n)
    {
        return Err(Error::Shard { k, n });
    }
    let filter = Filter::new(&opts.include, &opts.exclude)?;
    let out_dir = fs::canonicalize(&opts.out_dir).ok();

    let mut found: Vec<(PathBuf, String, Option<String>)> = Vec::new();
    let mut roots: Vec<(String, PathBuf)> = Vec::new();
    let mut notes = Vec::new();
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
                let from = found.len();
                walk(
                    input,
                    opts,
                    &filter,
                    out_dir.as_deref(),
                    &mut found,
                    &mut notes,
                )?;
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
                if filter.admits(&rel) {
                    found.push((input.clone(), rel, None));
                }
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

    let before_shard = found.len();
    let mut entries: Vec<Entry> = found
        .into_iter()
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
    let other_shards = before_shard - entries.len();
    entries.sort_by(|a, b| a.rel.cmp(&b.rel).then_with(|| a.path.cmp(&b.path)));
    // Collected through filters, the vector grew by doubling; it is kept for
    // the whole run.
    entries.shrink_to_fit();
    Ok(Discovery {
        entries,
        roots,
        other_shards,
        notes,
    })
}

/// `--include` and `--exclude`: globs with gitignore's semantics (a pattern
/// without `/` matches a name at any depth, `dir/**` a folder's files, a
/// leading `/` anchors at the folder given), matched without regard to case,
/// as archives mix `.DOCX` and `.docx`. An excluded folder is not entered.
#[derive(Clone)]
pub(crate) struct Filter {
    overrides: Override,
}

impl Filter {
    /// The filter of these globs; an invalid glob is an error naming it.
    pub(crate) fn new(include: &[String], exclude: &[String]) -> Result<Filter, Error> {
        // Matched against paths relative to the folder given; "." tells
        // the matcher not to strip any prefix from them.
        let mut builder = OverrideBuilder::new(".");
        let glob_error = |pattern: &str, e: ignore::Error| Error::Glob {
            pattern: pattern.to_string(),
            message: e.to_string(),
        };
        builder
            .case_insensitive(true)
            .map_err(|e| glob_error("", e))?;
        // In the override list a plain glob selects and a `!glob` leaves
        // out, whatever `.gitignore` says.
        for pattern in include {
            builder.add(pattern).map_err(|e| glob_error(pattern, e))?;
        }
        for pattern in exclude {
            builder
                .add(&format!("!{pattern}"))
                .map_err(|e| glob_error(pattern, e))?;
        }
        let overrides = builder
            .build()
            .map_err(|e| glob_error(&[include, exclude].concat().join(", "), e))?;
        Ok(Filter { overrides })
    }

    /// Whether the walk enters a folder or takes a file at `rel` (relative
    /// to the folder given, `/`-separated), its folders aside.
    fn admits_entry(&self, rel: &str, is_dir: bool) -> bool {
        !self.overrides.matched(rel, is_dir).is_ignore()
    }

    /// Whether a file at `rel` (relative to the folder given, `/`-separated)
    /// is taken: none of its folders is excluded, and the file itself is
    /// included (when there are includes) and not excluded.
    pub(crate) fn admits(&self, rel: &str) -> bool {
        if self.overrides.is_empty() {
            return true;
        }
        let mut folder = String::new();
        let mut parts = rel.split('/').peekable();
        while let Some(part) = parts.next() {
            if parts.peek().is_none() {
                break;
            }
            if !folder.is_empty() {
                folder.push('/');
            }
            folder.push_str(part);
            if !self.admits_entry(&folder, true) {
                return false;
            }
        }
        self.admits_entry(rel, false)
    }
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

/// Walks one input folder into `found` (path, relative path, error).
fn walk(
    root: &Path,
    opts: &Options,
    filter: &Filter,
    out_dir: Option<&Path>,
    found: &mut Vec<(PathBuf, String, Option<String>)>,
    notes: &mut Vec<String>,
) -> Result<(), Error> {
    let mut builder = WalkBuilder::new(root);
    builder
        .standard_filters(!opts.no_ignore)
        .hidden(!opts.hidden)
        // The archive's own ignore files only: the same folder gives the
        // same files wherever it lies, in a repository or not.
        .parents(false)
        .git_global(false)
        .require_git(false)
        .follow_links(opts.follow)
        .sort_by_file_name(|a, b| a.cmp(b));
    let out_dir = out_dir.map(Path::to_path_buf);
    let filter = filter.clone();
    let top = root.to_path_buf();
    builder.filter_entry(move |entry| {
        if entry.depth() == 0 {
            return true;
        }
        let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
        if is_dir && entry.file_name() == ".git" {
            return false;
        }
        if !filter.admits_entry(&rel_of(&top, entry.path()), is_dir) {
            return false;
        }
        !is_dir
            || out_dir
                .as_deref()
                .is_none_or(|out| fs::canonicalize(entry.path()).ok().as_deref() != Some(out))
    });
    for item in builder.build() {
        match item {
            Ok(entry) => {
                let kind = entry.file_type();
                if kind.is_some_and(|t| t.is_file()) {
                    let path = entry.into_path();
                    let rel = rel_of(root, &path);
                    found.push((path, rel, None));
                } else if opts.follow
                    && kind.is_some_and(|t| t.is_symlink())
                    && let Err(e) = fs::metadata(entry.path())
                {
                    // Followed, a link is still a link only when it is broken.
                    let path = entry.into_path();
                    let rel = rel_of(root, &path);
                    found.push((path, rel, Some(format!("cannot read file: {e}"))));
                }
                // Folders are walked; links not followed, sockets, fifos and
                // devices are not documents.
            }
            Err(e) => match walk_error(&e) {
                WalkError::Loop => {}
                WalkError::At(path, message) => {
                    let rel = rel_of(root, &path);
                    found.push((path, rel, Some(message)));
                }
                WalkError::Other => notes.push(format!("{}: {e}", root.display())),
            },
        }
    }
    Ok(())
}

/// What a walk error means for the run.
enum WalkError {
    /// A symbolic link back into its own ancestors: its files are found once.
    Loop,
    /// A file or folder that cannot be read: a failed entry.
    At(PathBuf, String),
    /// Anything else (a bad line in an ignore file): a note.
    Other,
}

fn walk_error(e: &ignore::Error) -> WalkError {
    /// The path an error names and whether it is one of input/output.
    fn parts(e: &ignore::Error) -> (Option<&Path>, bool, bool) {
        match e {
            ignore::Error::Loop { .. } => (None, false, true),
            ignore::Error::Io(_) => (None, true, false),
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                parts(err)
            }
            ignore::Error::WithPath { path, err } => {
                let (inner, io, is_loop) = parts(err);
                (inner.or(Some(path.as_path())), io, is_loop)
            }
            _ => (None, false, false),
        }
    }
    match parts(e) {
        (_, _, true) => WalkError::Loop,
        (Some(path), true, _) => {
            let what = if path.is_dir() { "folder" } else { "file" };
            let cause = match e.io_error() {
                Some(io) => io.to_string(),
                None => e.to_string(),
            };
            WalkError::At(path.to_path_buf(), format!("cannot read {what}: {cause}"))
        }
        _ => WalkError::Other,
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
