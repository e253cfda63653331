//! Output names: which file in the output folder each input's JSON goes to.
//!
//! Downstream tables key on these names, so they must not drift from one
//! run to the next. The rule, in the order it is applied:
//!
//! 1. The run's reports (`report.json`, a shard's own report) are never an
//!    output.
//! 2. An input that the previous manifest lists keeps the output it had
//!    there, as long as that name is still one of its own (its
//!    [`Naming::output`] or one of its clash names) and no input before it
//!    in path order has kept it already.
//! 3. The outputs the manifest gives inputs that this run does not convert
//!    (left out by the globs, in another shard, unreadable now, or gone
//!    without `--prune`) stay theirs: nobody overwrites them.
//! 4. Every other input, in path order, gets its [`Naming::output`], or,
//!    when that is taken, its first free clash name: `<full name>.json`,
//!    then `<full name>.2.json`, `.3.json`, ….
//!
//! Names are compared without regard to case, because archives live on
//! case-insensitive file systems too.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::discover::{Entry, EntryKind};
use crate::manifest::ManifestEntry;
use crate::report::Collision;

/// How an input's output is named when nothing else claims the name.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Naming {
    /// The stem plus `.json`: `a/protokoll.pdf` → `a/protokoll.json`. The
    /// default, because the evaluation tools and gold folders match
    /// predictions by `<stem>.json`.
    #[default]
    Stem,
    /// The whole file name plus `.json`: `a/protokoll.pdf` →
    /// `a/protokoll.pdf.json`, a name that depends only on the input's own
    /// path (two inputs can clash only in case).
    KeepExtension,
}

impl Naming {
    /// The output an input at `rel` gets under this rule when no other
    /// input claims it: `a/b/x.docx` → `a/b/x.json` ([`Naming::Stem`]) or
    /// `a/b/x.docx.json` ([`Naming::KeepExtension`]).
    pub fn output(self, rel: &str) -> String {
        match self {
            Naming::Stem => stem_output(rel),
            Naming::KeepExtension => clash_name(rel, 1),
        }
    }

    /// Whether `name` is one of the names an input at `rel` can have under
    /// this rule: its [`Naming::output`] or one of its clash names.
    fn is_own(self, name: &str, rel: &str) -> bool {
        name == self.output(rel) || clash_number(name, rel).is_some()
    }
}

/// Whether `name` is a name the input at `rel` can have had under any
/// rule: only such a name is ever removed as its earlier output (a manifest
/// could be hand-edited, or not ours).
fn could_have_been_own(name: &str, rel: &str) -> bool {
    // Every rule's names are among those of `Stem`: `KeepExtension`'s own
    // name is `Stem`'s first clash name.
    Naming::Stem.is_own(name, rel)
}

/// `a/b/x.docx` → `a/b/x.json`.
fn stem_output(rel: &str) -> String {
    let (dir, name) = match rel.rsplit_once('/') {
        Some((dir, name)) => (Some(dir), name),
        None => (None, rel),
    };
    let stem = std::path::Path::new(name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.to_string());
    match dir {
        Some(dir) => format!("{dir}/{stem}.json"),
        None => format!("{stem}.json"),
    }
}

/// The `n`th clash name of the input at `rel` (`n` from 1):
/// `x.txt.json`, `x.txt.2.json`, `x.txt.3.json`, ….
fn clash_name(rel: &str, n: u64) -> String {
    if n <= 1 {
        format!("{rel}.json")
    } else {
        format!("{rel}.{n}.json")
    }
}

/// Which clash name of the input at `rel` `name` is, if it is one (exactly
/// as [`clash_name`] writes it: no leading zeros, no `.1.json`).
fn clash_number(name: &str, rel: &str) -> Option<u64> {
    let middle = name.strip_prefix(rel)?.strip_suffix(".json")?;
    if middle.is_empty() {
        return Some(1);
    }
    let digits = middle.strip_prefix('.')?;
    let n: u64 = digits.parse().ok()?;
    (n >= 2 && clash_name(rel, n) == name).then_some(n)
}

/// Who holds a name in a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Holder {
    /// The run's report.
    Report,
    /// The entry with this index.
    Entry(usize),
    /// An input that the previous manifest lists and this run does not
    /// convert, by its path.
    Listed(String),
}

/// Every input's output name for one run.
#[derive(Debug, Default)]
pub(crate) struct Assignment {
    /// The outputs that are not the input's [`Naming::output`], by entry
    /// index (the others are cheap to recompute, so only these are kept).
    pub renamed: HashMap<usize, String>,
    /// By entry index: the earlier output of an input that gets another name
    /// in this run (its earlier name is no longer one of its own, or another
    /// input kept it first), when no input of this run writes it. It is
    /// removed once the new output is written, so that the folder holds one
    /// output per input.
    pub superseded: HashMap<usize, String>,
    /// The inputs whose output is not their [`Naming::output`], and why.
    pub collisions: Vec<Collision>,
    /// Every name given or reserved in this run, lowercased, and its holder.
    pub taken: HashMap<String, Holder>,
}

/// Gives each entry to convert its output name (see the module docs).
/// `previous` is the manifest as read at the start of the run; `reserved`
/// are names no input may have (the run's reports).
///
/// The previous manifest's names are used whenever it is there, not only
/// in incremental runs: a full reconversion (after an upgrade, or with
/// other rules) must not rename the outputs that tables downstream key on.
pub(crate) fn assign(
    entries: &[Entry],
    previous: &BTreeMap<String, ManifestEntry>,
    naming: Naming,
    reserved: &[String],
) -> Assignment {
    let mut taken: HashMap<String, Holder> = reserved
        .iter()
        .map(|name| (name.to_lowercase(), Holder::Report))
        .collect();
    let to_convert = || {
        entries
            .iter()
            .enumerate()
            .filter(|(_, e)| matches!(e.kind, EntryKind::Convert { .. }))
    };
    let earlier = |entry: &Entry| previous.get(&entry.rel).and_then(|p| p.output.as_deref());

    // Names from the previous run first, so that an input keeps its name
    // whatever was added beside it.
    let mut given: HashMap<usize, String> = HashMap::new();
    for (index, entry) in to_convert() {
        if let Some(name) = earlier(entry)
            && naming.is_own(name, &entry.rel)
            && !taken.contains_key(&name.to_lowercase())
        {
            taken.insert(name.to_lowercase(), Holder::Entry(index));
            given.insert(index, name.to_string());
        }
    }
    // The outputs of inputs this run leaves alone stay where they are.
    let converted: HashSet<&str> = to_convert().map(|(_, e)| e.rel.as_str()).collect();
    for (rel, earlier) in previous {
        if let Some(name) = &earlier.output
            && !converted.contains(rel.as_str())
        {
            taken
                .entry(name.to_lowercase())
                .or_insert_with(|| Holder::Listed(rel.clone()));
        }
    }
    drop(converted);
    // Then the rest, in path order: the input's own name, else its first
    // free clash name.
    for (index, entry) in to_convert() {
        if given.contains_key(&index) {
            continue;
        }
        let mut name = naming.output(&entry.rel);
        let mut n = 1;
        while taken.contains_key(&name.to_lowercase()) {
            name = clash_name(&entry.rel, n);
            n += 1;
        }
        taken.insert(name.to_lowercase(), Holder::Entry(index));
        given.insert(index, name);
    }

    let mut assignment = Assignment::default();
    let mut indices: Vec<usize> = given.keys().copied().collect();
    indices.sort_unstable();
    for index in indices {
        let (Some(entry), Some(name)) = (entries.get(index), given.remove(&index)) else {
            continue;
        };
        if let Some(old) = earlier(entry)
            && old != name
            && could_have_been_own(old, &entry.rel)
            && !taken.contains_key(&old.to_lowercase())
        {
            assignment.superseded.insert(index, old.to_string());
        }
        let wanted = naming.output(&entry.rel);
        if name == wanted {
            continue;
        }
        let kept_by = match taken.get(&wanted.to_lowercase()) {
            Some(Holder::Report) => Some("(the run report)".to_string()),
            Some(Holder::Entry(holder)) => entries.get(*holder).map(|e| e.rel.clone()),
            Some(Holder::Listed(rel)) => Some(rel.clone()),
            None => None,
        };
        assignment.collisions.push(Collision {
            path: entry.rel.clone(),
            output: name.clone(),
            wanted,
            kept_by,
            kept_from_earlier_run: earlier(entry) == Some(name.as_str()),
        });
        assignment.renamed.insert(index, name);
    }
    assignment.taken = taken;
    assignment
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn own_names() {
        let stem = Naming::Stem;
        assert_eq!(
            stem.output("a/b/2024-01-01 protokoll.docx"),
            "a/b/2024-01-01 protokoll.json"
        );
        assert_eq!(stem.output("x.txt"), "x.json");
        assert_eq!(stem.output("noext"), "noext.json");
        assert_eq!(stem.output("a/x.tar.gz"), "a/x.tar.json");
        let keep = Naming::KeepExtension;
        assert_eq!(keep.output("a/protokoll.pdf"), "a/protokoll.pdf.json");
        assert_eq!(keep.output("noext"), "noext.json");

        for name in [
            "a/x.json",
            "a/x.txt.json",
            "a/x.txt.2.json",
            "a/x.txt.17.json",
        ] {
            assert!(stem.is_own(name, "a/x.txt"), "{name}");
        }
        for name in [
            "x.json",
            "a/y.json",
            "a/x.txt.1.json",
            "a/x.txt.02.json",
            "a/x.txt.2.json.json",
            "a/x.txt.x.json",
            "a/X.json",
            "../a/x.json",
        ] {
            assert!(!stem.is_own(name, "a/x.txt"), "{name}");
        }
        assert!(keep.is_own("a/x.txt.json", "a/x.txt"));
        assert!(keep.is_own("a/x.txt.3.json", "a/x.txt"));
        assert!(!keep.is_own("a/x.json", "a/x.txt"));
    }

    fn entries(rels: &[&str]) -> Vec<Entry> {
        rels.iter()
            .map(|rel| Entry {
                path: PathBuf::from(rel),
                rel: rel.to_string(),
                kind: EntryKind::Convert {
                    format: "txt".to_string(),
                },
            })
            .collect()
    }

    fn manifest(pairs: &[(&str, &str)]) -> BTreeMap<String, ManifestEntry> {
        pairs
            .iter()
            .map(|(rel, output)| {
                let entry = ManifestEntry {
                    sha256: [0; 32],
                    output: Some(output.to_string()),
                    format: None,
                    pages: None,
                    warnings: Vec::new(),
                    skipped: None,
                    fresh: true,
                };
                (rel.to_string(), entry)
            })
            .collect()
    }

    /// Each entry's output, in entry order.
    fn names(entries: &[Entry], a: &Assignment, naming: Naming) -> Vec<String> {
        entries
            .iter()
            .enumerate()
            .map(|(k, e)| a.renamed.get(&k).cloned().unwrap_or(naming.output(&e.rel)))
            .collect()
    }

    fn reports() -> Vec<String> {
        vec!["report.json".to_string()]
    }

    #[test]
    fn without_history_the_first_in_path_order_keeps_the_stem() {
        let e = entries(&["X.pdf", "report.txt", "x.docx", "x.txt"]);
        let a = assign(&e, &BTreeMap::new(), Naming::Stem, &reports());
        assert_eq!(
            names(&e, &a, Naming::Stem),
            ["X.json", "report.txt.json", "x.docx.json", "x.txt.json"]
        );
        let kept_by: Vec<Option<&str>> =
            a.collisions.iter().map(|c| c.kept_by.as_deref()).collect();
        assert_eq!(
            kept_by,
            [Some("(the run report)"), Some("X.pdf"), Some("X.pdf")]
        );
        assert!(a.collisions.iter().all(|c| !c.kept_from_earlier_run));
        assert!(a.superseded.is_empty());
    }

    #[test]
    fn listed_inputs_keep_their_names_whatever_comes_beside_them() {
        // a.txt was alone; a.md is new and sorts before it.
        let e = entries(&["a.md", "a.txt"]);
        let a = assign(&e, &manifest(&[("a.txt", "a.json")]), Naming::Stem, &[]);
        assert_eq!(names(&e, &a, Naming::Stem), ["a.md.json", "a.json"]);
        assert_eq!(a.collisions.len(), 1);
        assert_eq!(a.collisions[0].path, "a.md");
        assert_eq!(a.collisions[0].kept_by.as_deref(), Some("a.txt"));

        // a.md is gone again: a.txt keeps its name, and nothing collides.
        let e = entries(&["a.txt"]);
        let a = assign(&e, &manifest(&[("a.txt", "a.json")]), Naming::Stem, &[]);
        assert!(a.renamed.is_empty() && a.collisions.is_empty());

        // A clash name outlives the clash (b.md is gone and pruned, its
        // entry out of the manifest); the report says why it is kept.
        let history = manifest(&[("b.txt", "b.txt.json")]);
        let e = entries(&["b.txt"]);
        let a = assign(&e, &history, Naming::Stem, &[]);
        assert_eq!(names(&e, &a, Naming::Stem), ["b.txt.json"]);
        let c = &a.collisions[0];
        assert_eq!((c.wanted.as_str(), c.kept_by.as_deref()), ("b.json", None));
        assert!(c.kept_from_earlier_run);
        // Not pruned, b.md still holds b.json.
        let listed = manifest(&[("b.md", "b.json"), ("b.txt", "b.txt.json")]);
        let a = assign(&e, &listed, Naming::Stem, &[]);
        assert_eq!(a.collisions[0].kept_by.as_deref(), Some("b.md"));
        // A new input takes the free stem name; b.txt still keeps its own.
        let e = entries(&["b.pdf", "b.txt"]);
        let a = assign(&e, &history, Naming::Stem, &[]);
        assert_eq!(names(&e, &a, Naming::Stem), ["b.json", "b.txt.json"]);
        assert_eq!(a.collisions[0].kept_by.as_deref(), Some("b.pdf"));
    }

    #[test]
    fn a_name_that_is_not_the_inputs_own_or_is_taken_is_not_kept() {
        let history = manifest(&[
            // Not a name c.txt could have (a hand-edited or hostile manifest).
            ("c.txt", "../elsewhere.json"),
            // Two inputs listed with one name (case differs): the first keeps it.
            ("D.txt", "D.json"),
            ("d.md", "d.json"),
        ]);
        let e = entries(&["D.txt", "c.txt", "d.md"]);
        let a = assign(&e, &history, Naming::Stem, &[]);
        assert_eq!(
            names(&e, &a, Naming::Stem),
            ["D.json", "c.json", "d.md.json"]
        );
        // c.txt's old name was never its own: not superseded (never removed).
        assert!(!a.superseded.contains_key(&1));
        assert!(!a.superseded.contains_key(&2), "d.json is D.txt's now");

        // Under --keep-extension the stem names are no longer own names:
        // they are superseded by the full names.
        let history = manifest(&[("p.pdf", "p.json"), ("p.md", "p.md.json")]);
        let e = entries(&["p.md", "p.pdf"]);
        let keep = Naming::KeepExtension;
        let a = assign(&e, &history, keep, &reports());
        assert_eq!(names(&e, &a, keep), ["p.md.json", "p.pdf.json"]);
        assert!(a.collisions.is_empty());
        assert_eq!(a.superseded.get(&1).map(String::as_str), Some("p.json"));
        assert!(!a.superseded.contains_key(&0));
    }

    #[test]
    fn outputs_of_inputs_this_run_leaves_alone_are_not_taken() {
        // a.txt is outside this run (a glob, another shard): a.md, new, must
        // not overwrite its output.
        let history = manifest(&[("a.txt", "a.json"), ("b.txt", "b.json")]);
        let mut e = entries(&["a.md", "b.txt"]);
        if let Some(b) = e.get_mut(1) {
            b.kind = EntryKind::Error {
                message: "unreadable".to_string(),
            };
        }
        let a = assign(&e, &history, Naming::Stem, &[]);
        assert_eq!(a.renamed.get(&0).map(String::as_str), Some("a.md.json"));
        assert_eq!(a.collisions[0].kept_by.as_deref(), Some("a.txt"));
        assert_eq!(
            a.taken.get("b.json"),
            Some(&Holder::Listed("b.txt".to_string()))
        );
    }

    #[test]
    fn keep_extension_names_depend_only_on_the_path() {
        let keep = Naming::KeepExtension;
        let e = entries(&["P.txt", "p.md", "p.txt", "report"]);
        let a = assign(&e, &BTreeMap::new(), keep, &reports());
        assert_eq!(
            names(&e, &a, keep),
            ["P.txt.json", "p.md.json", "p.txt.2.json", "report.2.json"]
        );
        assert_eq!(a.collisions.len(), 2);
    }
}
