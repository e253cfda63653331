//! Scores minutes output against gold files: the precision, recall and F1
//! of `fixtures/eval/score.py`, and per document and item what was missed,
//! what was extra and what was wrong.
//!
//! # Design
//!
//! This is a port of score.py that must agree with it number for number, so
//! it reads gold and output as [`serde_json::Value`] and follows Python's
//! rules where score.py leans on them ([`pyvalue`]): a value's `str()`,
//! truthiness, and what a loop over a non-list visits. Text is compared
//! after [`fold::fold`] (NFC, markup and white space, full Unicode case
//! folding as `str.casefold`). Items are paired by number, then by title
//! ([`matching::match_items`]); a gold decision, action or deferral is found
//! when a found text in the paired item contains its key
//! ([`matching::match_extractions`]), and once more anywhere in the document
//! for the `*_anywhere` metrics. Counts are summed over the documents
//! (micro-averaging, [`tally`]).
//!
//! [`Scorer::add_document`] is the one place that decides: it pairs, counts
//! and records every [`Difference`] — each false negative, false positive
//! and failed accuracy check — so that the report explains the numbers.
//!
//! Known differences from score.py, all on input minutes does not write:
//! where score.py stops with a Python exception, a malformed gold file is an
//! error naming it and a malformed part of an output counts as empty;
//! objects met where a list is expected are visited in sorted key order,
//! not file order; JSON with `NaN`, lone surrogates or integers beyond 64
//! bits does not parse; file names that are not UTF-8 are skipped; folders
//! are walked in name order (Python's is the file system's, which matters
//! only when one stem occurs twice); case folding follows Unicode 16
//! (Python 3.11 has 14).
//!
//! # Example
//!
//! ```no_run
//! let card = minutes_score::score_folders(
//!     std::path::Path::new("fixtures/gold"),
//!     std::path::Path::new("out"),
//! )?;
//! print!("{}", card.render_text(false));
//! # Ok::<(), minutes_score::ScoreError>(())
//! ```

#![deny(missing_docs)]

pub mod differences;
pub mod fold;
pub mod matching;
pub mod pyvalue;
mod report;
pub mod tally;

pub use differences::{Difference, Finding, ItemRef, Kind, MeetingField, Place, Subject};
pub use tally::{FieldValue, Metric, Ratio, Summary, Tally};

use fold::{fold_value, norm_number, similar, tokens};
use matching::{FoundText, GoldKey, ItemKey, Scope, match_extractions, match_items};
use pyvalue::{get, has, iter_like_python, py_str, truthy};
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Why scoring could not proceed.
#[derive(Debug, thiserror::Error)]
pub enum ScoreError {
    /// A folder or file could not be read.
    // The cause is in the message, so it is not also a `source` (which
    // anyhow would print a second time).
    #[error("{}: cannot read: {cause}", path.display())]
    Read {
        /// The folder or file.
        path: PathBuf,
        /// Why.
        cause: std::io::Error,
    },
    /// A gold file is not JSON.
    #[error("{}: not valid JSON: {cause}", path.display())]
    Json {
        /// The gold file.
        path: PathBuf,
        /// Why.
        cause: serde_json::Error,
    },
    /// A gold file is JSON but not shaped as gold (see fixtures/gold/README.md).
    #[error("{}: {what}", path.display())]
    Gold {
        /// The gold file.
        path: PathBuf,
        /// What is wrong.
        what: String,
    },
}

/// A gold file whose shape is wrong: what is wrong, without the file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldShapeError(pub String);

/// The score of one document: score.py's per-document line, and the
/// differences behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentScore {
    /// The gold file's stem.
    pub document: String,
    /// Whether an output with this stem was found.
    pub found: bool,
    /// Meeting fields right / compared.
    pub meeting: String,
    /// `paired/gold gold, found found` for items.
    pub items: String,
    /// The same for decisions.
    pub decisions: String,
    /// The same for actions.
    pub actions: String,
    /// The same for deferrals.
    pub deferrals: String,
    /// Every difference, in report order; `None` when left out (`--brief`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub differences: Option<Vec<Difference>>,
}

/// The whole score: the summary and every document, as score.py's `--json`
/// prints it (plus each document's differences).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scorecard {
    /// Every metric, in score.py's order.
    pub summary: Summary,
    /// Every gold document, in file name order.
    pub documents: Vec<DocumentScore>,
}

impl Scorecard {
    /// The same without the differences: exactly score.py's `--json` shape.
    pub fn without_differences(mut self) -> Self {
        for d in &mut self.documents {
            d.differences = None;
        }
        self
    }
}

/// A floor on one metric (`decisions.f1=0.9`), as score.py's `--min`.
#[derive(Debug, Clone, PartialEq)]
pub struct Floor {
    /// The metric as written (`decisions.f1`).
    pub metric: String,
    /// The floor as written (`0.9`).
    pub written: String,
    /// The floor.
    pub value: f64,
}

impl std::str::FromStr for Floor {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (metric, floor) = s
            .split_once('=')
            .ok_or_else(|| format!("{s:?}: expected METRIC=VALUE, e.g. decisions.f1=0.9"))?;
        let value: f64 = floor
            .trim()
            .parse()
            .map_err(|_| format!("{s:?}: {floor:?} is not a number"))?;
        Ok(Floor {
            metric: metric.to_string(),
            written: floor.to_string(),
            value,
        })
    }
}

impl Floor {
    /// `None` when the summary meets the floor, else score.py's message
    /// (`decisions.f1=0.553 < 0.9`). A metric or field that does not exist,
    /// or an accuracy with nothing checked, is below every floor.
    pub fn check(&self, summary: &Summary) -> Option<String> {
        let (name, field) = self.metric.split_once('.').unwrap_or((&self.metric, ""));
        let value = summary.get(name).and_then(|m| m.field(field));
        match value {
            Some(v) if v.as_f64() >= self.value || self.value.is_nan() => None,
            Some(v) => Some(format!("{}={v} < {}", self.metric, self.written)),
            None => Some(format!("{}=None < {}", self.metric, self.written)),
        }
    }
}

/// Scores every `<stem>.gold.json` of `gold_dir` against the `<stem>.json`
/// outputs found anywhere under `pred_dir`.
pub fn score_folders(gold_dir: &Path, pred_dir: &Path) -> Result<Scorecard, ScoreError> {
    let predictions = find_predictions(pred_dir)?;
    let mut scorer = Scorer::default();
    for (stem, path) in gold_files(gold_dir)? {
        let bytes = std::fs::read(&path).map_err(|cause| ScoreError::Read {
            path: path.clone(),
            cause,
        })?;
        let gold: Value = serde_json::from_slice(&bytes).map_err(|cause| ScoreError::Json {
            path: path.clone(),
            cause,
        })?;
        let pred = predictions.get(&stem).map(|p| read_prediction(p));
        scorer
            .add_document(&stem, &gold, pred.as_ref())
            .map_err(|GoldShapeError(what)| ScoreError::Gold { path, what })?;
    }
    Ok(scorer.finish())
}

/// The gold files of a folder, `(stem, path)`, in name order.
pub fn gold_files(dir: &Path) -> Result<Vec<(String, PathBuf)>, ScoreError> {
    let read_err = |cause| ScoreError::Read {
        path: dir.to_path_buf(),
        cause,
    };
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read_err)? {
        let entry = entry.map_err(read_err)?;
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        if let Some(stem) = name.strip_suffix(".gold.json") {
            out.push((stem.to_string(), entry.path()));
        }
    }
    out.sort();
    Ok(out)
}

/// Every `<stem>.json` under `dir` (not `.gold.json`), walked as Python's
/// `os.walk`: a folder's files before its subfolders, symbolic links to
/// folders not followed; the first file of a stem wins.
pub fn find_predictions(dir: &Path) -> Result<HashMap<String, PathBuf>, ScoreError> {
    let mut found = HashMap::new();
    walk(dir, &mut found, true)?;
    Ok(found)
}

fn walk(dir: &Path, found: &mut HashMap<String, PathBuf>, top: bool) -> Result<(), ScoreError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        // The folder asked for must exist; a subfolder that vanished or is
        // unreadable is passed over, as os.walk does.
        Err(cause) if top => {
            return Err(ScoreError::Read {
                path: dir.to_path_buf(),
                cause,
            });
        }
        Err(_) => return Ok(()),
    };
    let mut files = Vec::new();
    let mut dirs = Vec::new();
    for entry in entries.flatten() {
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        let path = entry.path();
        // `is_dir` follows links, as os.walk's classification does.
        if path.is_dir() {
            let is_link = entry.file_type().is_ok_and(|t| t.is_symlink());
            if !is_link {
                dirs.push(path);
            }
        } else {
            files.push((name, path));
        }
    }
    files.sort();
    dirs.sort();
    for (name, path) in files {
        if name.ends_with(".gold.json") {
            continue;
        }
        if let Some(stem) = name.strip_suffix(".json") {
            found.entry(stem.to_string()).or_insert(path);
        }
    }
    for d in dirs {
        walk(&d, found, false)?;
    }
    Ok(())
}

/// An output file as score.py reads it: unreadable or not JSON counts as an
/// empty output (but still as found).
fn read_prediction(path: &Path) -> Value {
    std::fs::read(path)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or(Value::Object(Default::default()))
}

/// Sums documents into a [`Scorecard`].
#[derive(Debug, Default)]
pub struct Scorer {
    items: Tally,
    participants: Tally,
    next_meetings: Tally,
    found: [Tally; 3],
    anywhere: [Tally; 3],
    titles: Ratio,
    meeting: Ratio,
    assignees: Ratio,
    due: Ratio,
    target_date: Ratio,
    role: Ratio,
    attendance: Ratio,
    documents: Vec<DocumentScore>,
}

/// Where a difference goes in a document's report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Section {
    Meeting,
    Participants,
    GoldItem(usize),
    FoundItem(usize),
    DocumentLevel,
    NextMeetings,
}

/// A found item with its raw fields.
fn item_ref(item: &Value) -> ItemRef {
    let text = |k| get(item, k).filter(|v| !v.is_null()).map(py_str);
    ItemRef {
        number: text("number"),
        title: text("title"),
    }
}

/// A value as written, for the report; `None` for missing or null.
fn shown(v: Option<&Value>) -> Option<String> {
    v.filter(|v| !v.is_null()).map(py_str)
}

/// score.py's `flatten_items`: found items and their `items`, `subitems`
/// and `children`, depth first.
fn flatten_items(items: Option<&Value>, out: &mut Vec<Value>) {
    for it in iter_like_python(items) {
        if !it.is_object() {
            continue;
        }
        let children: Vec<Value> = ["items", "subitems", "children"]
            .iter()
            .filter_map(|k| get(&it, k).filter(|v| v.is_array()).cloned())
            .collect();
        out.push(it);
        for c in &children {
            flatten_items(Some(c), out);
        }
    }
}

/// score.py's `texts_of`: an item's entries of one kind, a bare string
/// standing for `{"text": ...}`.
fn texts_of(item: &Value, kind: Kind) -> Vec<Value> {
    iter_like_python(get(item, kind.key()))
        .into_iter()
        .filter_map(|x| match x {
            Value::String(s) => Some(serde_json::json!({ "text": s })),
            Value::Object(_) => Some(x),
            _ => None,
        })
        .collect()
}

/// score.py's `norm_names`: folded names, "alla"/"everyone" as "all".
fn norm_names(v: Option<&Value>) -> HashSet<String> {
    iter_like_python(v)
        .iter()
        .map(|x| {
            let f = fold_value(Some(x));
            if matches!(f.as_str(), "alla" | "all" | "everyone") {
                "all".to_string()
            } else {
                f
            }
        })
        .collect()
}

/// Names or other list values as written, joined for the report.
fn shown_list(v: Option<&Value>) -> Option<String> {
    let xs: Vec<String> = iter_like_python(v).iter().map(py_str).collect();
    (!xs.is_empty()).then(|| xs.join(", "))
}

/// The gold's list under `key`, every entry an object, as score.py needs.
fn gold_objects(gold: &Value, key: &str) -> Result<Vec<Value>, GoldShapeError> {
    let xs = iter_like_python(get(gold, key).filter(|v| truthy(v)));
    for (i, x) in xs.iter().enumerate() {
        if !x.is_object() {
            return Err(GoldShapeError(format!(
                "{key}[{i}] is not an object but {x}"
            )));
        }
    }
    Ok(xs)
}

/// A next meeting's folded date (an entry may be an object or the date).
fn next_meeting_dates(v: Option<&Value>) -> BTreeSet<String> {
    iter_like_python(v)
        .iter()
        .map(|x| {
            if x.is_object() {
                fold_value(get(x, "date"))
            } else {
                fold_value(Some(x))
            }
        })
        .collect()
}

impl Scorer {
    /// Scores one document: its gold, and its output if one was found.
    pub fn add_document(
        &mut self,
        stem: &str,
        gold: &Value,
        pred: Option<&Value>,
    ) -> Result<(), GoldShapeError> {
        if !gold.is_object() {
            return Err(GoldShapeError("not a JSON object".into()));
        }
        let empty = Value::Object(Default::default());
        let found = pred.is_some();
        let pred = pred.filter(|p| p.is_object()).unwrap_or(&empty);
        let mut diffs: Vec<(Section, Difference)> = Vec::new();

        let meeting = self.score_meeting(gold, pred, &mut diffs);
        self.score_participants(gold, pred, &mut diffs)?;

        // Items.
        let gold_items = gold_objects(gold, "items")?;
        let mut pred_items = Vec::new();
        flatten_items(get(pred, "items"), &mut pred_items);
        let keys = |items: &[Value]| -> Vec<ItemKey> {
            items
                .iter()
                .map(|it| ItemKey {
                    number: norm_number(get(it, "number")),
                    title: tokens(get(it, "title")),
                })
                .collect()
        };
        let (gold_keys, pred_keys) = (keys(&gold_items), keys(&pred_items));
        let mapping = match_items(&gold_keys, &pred_keys);
        let paired = mapping.iter().flatten().count();
        self.items.add(paired, pred_items.len(), gold_items.len());
        let mut twin_of_found: Vec<Option<usize>> = vec![None; pred_items.len()];
        for (gi, m) in mapping.iter().enumerate() {
            let gold_ref = item_ref(&gold_items[gi]);
            match m {
                Some(pi) => {
                    twin_of_found[*pi] = Some(gi);
                    let ok = similar(&gold_keys[gi].title, &pred_keys[*pi].title) >= 0.8;
                    self.titles.add(ok);
                    if !ok {
                        let mut d = Difference::new(Finding::Wrong, Subject::Title);
                        d.gold = gold_ref.title.clone();
                        d.found = item_ref(&pred_items[*pi]).title;
                        d.item = Some(gold_ref);
                        diffs.push((Section::GoldItem(gi), d));
                    }
                }
                None => {
                    let mut d = Difference::new(Finding::Missed, Subject::Item);
                    d.item = Some(gold_ref);
                    diffs.push((Section::GoldItem(gi), d));
                }
            }
        }
        for (pi, twin) in twin_of_found.iter().enumerate() {
            if twin.is_none() {
                let mut d = Difference::new(Finding::Extra, Subject::Item);
                d.found_item = Some(item_ref(&pred_items[pi]));
                diffs.push((Section::FoundItem(pi), d));
            }
        }
        let items_line = format!(
            "{paired}/{} gold, {} found",
            gold_items.len(),
            pred_items.len()
        );

        // Decisions, actions, deferrals.
        let mut kind_lines = Vec::new();
        for (k, kind) in Kind::ALL.into_iter().enumerate() {
            // (gold item index, entry) and (found item index or document level, entry).
            let golds: Vec<(usize, Value)> = gold_items
                .iter()
                .enumerate()
                .flat_map(|(gi, g)| texts_of(g, kind).into_iter().map(move |x| (gi, x)))
                .collect();
            let mut founds: Vec<(Option<usize>, Value)> = pred_items
                .iter()
                .enumerate()
                .flat_map(|(pi, p)| texts_of(p, kind).into_iter().map(move |x| (Some(pi), x)))
                .collect();
            founds.extend(texts_of(pred, kind).into_iter().map(|x| (None, x)));

            let found_texts: Vec<FoundText> = founds
                .iter()
                .map(|(item, x)| FoundText::new(*item, fold_value(get(x, "text"))))
                .collect();
            let strict: Vec<GoldKey> = golds
                .iter()
                .map(|(gi, x)| GoldKey {
                    scope: Scope::Item(mapping[*gi]),
                    key: fold_value(get(x, "key")),
                })
                .collect();
            let loose: Vec<GoldKey> = strict
                .iter()
                .map(|g| GoldKey {
                    scope: Scope::Anywhere,
                    key: g.key.clone(),
                })
                .collect();
            let pairs = match_extractions(&strict, &found_texts);
            let loose_pairs = match_extractions(&loose, &found_texts);
            self.found[k].add(pairs.len(), founds.len(), golds.len());
            self.anywhere[k].add(loose_pairs.len(), founds.len(), golds.len());

            let mut gold_pair: Vec<Option<usize>> = vec![None; golds.len()];
            let mut found_pair: Vec<Option<usize>> = vec![None; founds.len()];
            for &(g, p) in &pairs {
                gold_pair[g] = Some(p);
                found_pair[p] = Some(g);
            }
            let loose_of: HashMap<usize, usize> = loose_pairs.iter().copied().collect();
            for (g, (gi, gx)) in golds.iter().enumerate() {
                let section = Section::GoldItem(*gi);
                let gold_ref = item_ref(&gold_items[*gi]);
                let key = shown(get(gx, "key"));
                let Some(p) = gold_pair[g] else {
                    let mut d = Difference::new(Finding::Missed, Subject::Extraction(kind));
                    d.item = Some(gold_ref);
                    d.gold = key;
                    d.found_under = loose_of.get(&g).map(|&p| match founds[p].0 {
                        Some(pi) => Place::Item(item_ref(&pred_items[pi])),
                        None => Place::Document,
                    });
                    diffs.push((section, d));
                    continue;
                };
                let px = &founds[p].1;
                let mut wrong = |subject: Subject, gold: Option<String>, found: Option<String>| {
                    let mut d = Difference::new(Finding::Wrong, subject);
                    d.item = Some(gold_ref.clone());
                    d.of = key.clone();
                    d.gold = gold;
                    d.found = found;
                    diffs.push((section, d));
                };
                // Attributes empty on both sides say nothing: counted only
                // when either side has one.
                match kind {
                    Kind::Action => {
                        let (ga, pa) = (
                            norm_names(get(gx, "assignees")),
                            norm_names(get(px, "assignees")),
                        );
                        if has(gx, "assignees") && (!ga.is_empty() || !pa.is_empty()) {
                            self.assignees.add(ga == pa);
                            if ga != pa {
                                wrong(
                                    Subject::Assignees,
                                    shown_list(get(gx, "assignees")),
                                    shown_list(get(px, "assignees")),
                                );
                            }
                        }
                        let (gd, pd) = (fold_value(get(gx, "due")), fold_value(get(px, "due")));
                        if has(gx, "due") && (!gd.is_empty() || !pd.is_empty()) {
                            self.due.add(gd == pd);
                            if gd != pd {
                                wrong(Subject::Due, shown(get(gx, "due")), shown(get(px, "due")));
                            }
                        }
                    }
                    Kind::Deferral => {
                        let (gt, pt) = (
                            fold_value(get(gx, "target_date")),
                            fold_value(get(px, "target_date")),
                        );
                        if has(gx, "target_date") && (!gt.is_empty() || !pt.is_empty()) {
                            self.target_date.add(gt == pt);
                            if gt != pt {
                                wrong(
                                    Subject::TargetDate,
                                    shown(get(gx, "target_date")),
                                    shown(get(px, "target_date")),
                                );
                            }
                        }
                    }
                    Kind::Decision => {}
                }
            }
            for (p, (item, px)) in founds.iter().enumerate() {
                if found_pair[p].is_some() {
                    continue;
                }
                let mut d = Difference::new(Finding::Extra, Subject::Extraction(kind));
                d.found = shown(get(px, "text"));
                let section = match item {
                    Some(pi) => match twin_of_found[*pi] {
                        Some(gi) => {
                            d.item = Some(item_ref(&gold_items[gi]));
                            Section::GoldItem(gi)
                        }
                        None => {
                            d.found_item = Some(item_ref(&pred_items[*pi]));
                            Section::FoundItem(*pi)
                        }
                    },
                    None => Section::DocumentLevel,
                };
                diffs.push((section, d));
            }
            kind_lines.push(format!(
                "{}/{} gold, {} found",
                pairs.len(),
                golds.len(),
                founds.len()
            ));
        }

        // Next meetings.
        let gd = next_meeting_dates(get(gold, "next_meetings").filter(|v| truthy(v)));
        let pd = next_meeting_dates(get(pred, "next_meetings").filter(|v| truthy(v)));
        self.next_meetings
            .add(gd.intersection(&pd).count(), pd.len(), gd.len());
        for date in gd.difference(&pd) {
            let mut d = Difference::new(Finding::Missed, Subject::NextMeeting);
            d.gold = Some(date.clone());
            diffs.push((Section::NextMeetings, d));
        }
        for date in pd.difference(&gd) {
            let mut d = Difference::new(Finding::Extra, Subject::NextMeeting);
            d.found = Some(date.clone());
            diffs.push((Section::NextMeetings, d));
        }

        diffs.sort_by_key(|(section, _)| *section);
        let [decisions, actions, deferrals] =
            <[String; 3]>::try_from(kind_lines).unwrap_or_default();
        self.documents.push(DocumentScore {
            document: stem.to_string(),
            found,
            meeting,
            items: items_line,
            decisions,
            actions,
            deferrals,
            differences: Some(diffs.into_iter().map(|(_, d)| d).collect()),
        });
        Ok(())
    }

    /// Meeting fields: a field is compared when the gold names it and either
    /// side has a value. Returns score.py's `right/compared`.
    fn score_meeting(
        &mut self,
        gold: &Value,
        pred: &Value,
        diffs: &mut Vec<(Section, Difference)>,
    ) -> String {
        let gm = get(gold, "meeting").filter(|v| truthy(v));
        let pm = get(pred, "meeting").filter(|v| truthy(v));
        let (mut ok_fields, mut n_fields) = (0, 0);
        for field in MeetingField::ALL {
            let key = field.key();
            if !gm.is_some_and(|m| has(m, key)) {
                continue;
            }
            let g = gm.and_then(|m| get(m, key));
            let p = pm.and_then(|m| get(m, key));
            let (gf, pf) = (fold_value(g), fold_value(p));
            if gf.is_empty() && pf.is_empty() {
                continue;
            }
            let ok = gf == pf;
            self.meeting.add(ok);
            n_fields += 1;
            if ok {
                ok_fields += 1;
            } else {
                let mut d = Difference::new(Finding::Wrong, Subject::Meeting(field));
                d.gold = shown(g);
                d.found = shown(p);
                diffs.push((Section::Meeting, d));
            }
        }
        format!("{ok_fields}/{n_fields}")
    }

    /// Participants, paired by folded name; role and attendance of the pairs.
    fn score_participants(
        &mut self,
        gold: &Value,
        pred: &Value,
        diffs: &mut Vec<(Section, Difference)>,
    ) -> Result<(), GoldShapeError> {
        let gp = gold_objects(gold, "participants")?;
        let pp: Vec<Value> = iter_like_python(get(pred, "participants").filter(|v| truthy(v)))
            .into_iter()
            .filter(|p| p.is_object())
            .collect();
        let mut by_name: HashMap<String, usize> = HashMap::new();
        for (i, p) in pp.iter().enumerate() {
            by_name.entry(fold_value(get(p, "name"))).or_insert(i);
        }
        let mut tp = 0;
        let mut used = vec![false; pp.len()];
        for g in &gp {
            let name = shown(get(g, "name"));
            let Some(&i) = by_name.get(&fold_value(get(g, "name"))) else {
                let mut d = Difference::new(Finding::Missed, Subject::Participant);
                d.gold = name;
                diffs.push((Section::Participants, d));
                continue;
            };
            tp += 1;
            used[i] = true;
            let p = &pp[i];
            for (key, subject) in [("role", Subject::Role), ("attendance", Subject::Attendance)] {
                if !has(g, key) {
                    continue;
                }
                let (gf, pf) = (fold_value(get(g, key)), fold_value(get(p, key)));
                // Role says nothing when empty on both sides; attendance always counts.
                if subject == Subject::Role && gf.is_empty() && pf.is_empty() {
                    continue;
                }
                let ratio = if subject == Subject::Role {
                    &mut self.role
                } else {
                    &mut self.attendance
                };
                ratio.add(gf == pf);
                if gf != pf {
                    let mut d = Difference::new(Finding::Wrong, subject);
                    d.of = name.clone();
                    d.gold = shown(get(g, key));
                    d.found = shown(get(p, key));
                    diffs.push((Section::Participants, d));
                }
            }
        }
        self.participants.add(tp, pp.len(), gp.len());
        for (i, p) in pp.iter().enumerate() {
            if !used[i] {
                let mut d = Difference::new(Finding::Extra, Subject::Participant);
                d.found = shown(get(p, "name"));
                diffs.push((Section::Participants, d));
            }
        }
        Ok(())
    }

    /// The summary over every document added, and the documents.
    pub fn finish(self) -> Scorecard {
        let mut metrics: Vec<(String, Metric)> = vec![
            ("items".into(), Metric::of_tally(&self.items)),
            ("participants".into(), Metric::of_tally(&self.participants)),
            (
                "next_meetings".into(),
                Metric::of_tally(&self.next_meetings),
            ),
        ];
        for (k, kind) in Kind::ALL.into_iter().enumerate() {
            metrics.push((kind.key().into(), Metric::of_tally(&self.found[k])));
        }
        for (k, kind) in Kind::ALL.into_iter().enumerate() {
            metrics.push((
                format!("{}_anywhere", kind.key()),
                Metric::of_tally(&self.anywhere[k]),
            ));
        }
        for (name, r) in [
            ("titles", &self.titles),
            ("meeting", &self.meeting),
            ("assignees", &self.assignees),
            ("due", &self.due),
            ("target_date", &self.target_date),
            ("role", &self.role),
            ("attendance", &self.attendance),
        ] {
            metrics.push((name.into(), Metric::of_ratio(r)));
        }
        Scorecard {
            summary: Summary(metrics),
            documents: self.documents,
        }
    }
}

#[cfg(test)]
mod tests;
