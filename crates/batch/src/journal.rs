//! The run's journal: each file's report entry, and what it changes in the
//! manifest, appended to a temporary file as soon as the file is done, so
//! that a run holds no per-file state in memory but a 16-byte slot per file.
//!
//! The journal is a JSON-lines file, one record per finished file in the
//! order they finish: `{"index":N,"manifest":…,"report":{…}}`. The slot of
//! entry N tells where its record is, so the report can be written in
//! discovery order and the manifest in path order without ever holding all
//! records. It lives next to the report, as `.report.json.entries.tmp-PID-N`
//! (hidden, so discovery skips it; a temp name, so the next run removes it if
//! this one is killed), and it is deleted when the run ends.

use std::cell::RefCell;
use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use serde::ser::{Error as _, SerializeSeq};
use serde::{Deserialize, Serialize, Serializer};

use crate::fsutil::{create_file, temp_path};
use crate::manifest::ManifestEntry;
use crate::report::{FileReport, Status, Totals};

/// What finishing a file does to its manifest entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// Leave it as the previous run left it (up to date, or not handed to
    /// the converter).
    Keep,
    /// Drop it (the file failed).
    Remove,
    /// Replace it (converted, or skipped by the converter).
    Set(ManifestEntry),
}

/// Where one entry's record is in the journal; `len == 0` while the entry is
/// not done.
#[derive(Debug, Clone, Copy, Default)]
pub struct Slot {
    offset: u64,
    len: u32,
}

impl Slot {
    pub fn is_written(self) -> bool {
        self.len > 0
    }
}

#[derive(Serialize)]
struct RecordOut<'a> {
    index: usize,
    manifest: &'a Change,
    report: &'a FileReport,
}

#[derive(Deserialize)]
struct RecordReport {
    index: usize,
    report: FileReport,
}

#[derive(Deserialize)]
struct RecordChange {
    index: usize,
    manifest: Change,
}

/// What the journal gathered over the run.
pub struct Finished {
    /// Where each entry's record is.
    pub slots: Vec<Slot>,
    /// Counts over the finished files (`seconds` not set).
    pub totals: Totals,
    /// The failed files' entries, in entry order.
    pub failures: Vec<FileReport>,
    /// The first write error: records after it are missing.
    pub error: Option<io::Error>,
}

struct State {
    writer: BufWriter<File>,
    /// Bytes appended so far (written or still in the buffer).
    end: u64,
    slots: Vec<Slot>,
    totals: Totals,
    failures: Vec<(usize, FileReport)>,
    /// The first write error; nothing is appended after it.
    error: Option<(io::ErrorKind, String)>,
}

/// The journal of one run. Workers append to it through [`Journal::push`];
/// one reader at a time reads records back.
pub struct Journal {
    state: Mutex<State>,
    reader: Mutex<File>,
    /// Declared last so it runs after both handles are closed.
    _file: RemoveOnDrop,
}

/// Deletes the journal when the run ends, however it ends.
struct RemoveOnDrop(PathBuf);

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
    }
}

impl Journal {
    /// A new, empty journal for `entries` files beside `report_path` (whose
    /// folder must exist).
    pub fn create(report_path: &Path, entries: usize) -> io::Result<Journal> {
        let path = temp_path(report_path, ".entries");
        let file = create_file(&path)?;
        let remove = RemoveOnDrop(path);
        let reader = File::open(&remove.0)?;
        Ok(Journal {
            state: Mutex::new(State {
                writer: BufWriter::with_capacity(64 * 1024, file),
                end: 0,
                slots: vec![Slot::default(); entries],
                totals: Totals::default(),
                failures: Vec::new(),
                error: None,
            }),
            reader: Mutex::new(reader),
            _file: remove,
        })
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Records that entry `index` is done. The record is serialized before
    /// the lock is taken; under it there is only a copy into the buffer.
    pub fn push(&self, index: usize, report: FileReport, change: &Change) {
        let record = RecordOut {
            index,
            manifest: change,
            report: &report,
        };
        let line = serde_json::to_vec(&record).map(|mut line| {
            line.push(b'\n');
            line
        });
        let mut state = self.state();
        state.totals.add(&report);
        if report.status == Status::Failed {
            state.failures.push((index, report));
        }
        if state.error.is_some() {
            return;
        }
        let written = line.map_err(io::Error::from).and_then(|line| {
            let len = u32::try_from(line.len())
                .map_err(|_| io::Error::other("a report entry of more than 4 GiB"))?;
            state.writer.write_all(&line)?;
            Ok(len)
        });
        match written {
            Ok(len) => {
                let offset = state.end;
                state.end += u64::from(len);
                if let Some(slot) = state.slots.get_mut(index) {
                    *slot = Slot { offset, len };
                }
            }
            Err(e) => state.error = Some((e.kind(), e.to_string())),
        }
    }

    /// Makes every record pushed so far readable and returns the slots (a
    /// copy: 16 bytes per entry).
    pub fn snapshot(&self) -> io::Result<Vec<Slot>> {
        let mut state = self.state();
        if let Some((kind, message)) = &state.error {
            return Err(io::Error::new(*kind, message.clone()));
        }
        state.writer.flush()?;
        Ok(state.slots.clone())
    }

    /// Ends the writing: flushes, and hands over the slots, the counts and the
    /// failed entries. Records stay readable until the journal is dropped.
    pub fn finish(&self) -> Finished {
        let mut state = self.state();
        if state.error.is_none()
            && let Err(e) = state.writer.flush()
        {
            state.error = Some((e.kind(), e.to_string()));
        }
        let mut failures = std::mem::take(&mut state.failures);
        failures.sort_by_key(|(index, _)| *index);
        Finished {
            slots: std::mem::take(&mut state.slots),
            totals: std::mem::take(&mut state.totals),
            failures: failures.into_iter().map(|(_, report)| report).collect(),
            error: state
                .error
                .as_ref()
                .map(|(kind, message)| io::Error::new(*kind, message.clone())),
        }
    }

    /// The reader (one at a time: the manifest saver or the report writer).
    pub fn reader(&self) -> Reader<'_> {
        Reader {
            file: self.reader.lock().unwrap_or_else(PoisonError::into_inner),
            line: Vec::new(),
        }
    }
}

/// Reads records back by slot.
pub struct Reader<'a> {
    file: MutexGuard<'a, File>,
    line: Vec<u8>,
}

impl Reader<'_> {
    fn line(&mut self, slot: Slot) -> io::Result<&[u8]> {
        self.line.resize(slot.len as usize, 0);
        self.file.seek(SeekFrom::Start(slot.offset))?;
        self.file.read_exact(&mut self.line)?;
        Ok(&self.line)
    }

    /// The manifest change recorded for entry `index`.
    pub fn change(&mut self, index: usize, slot: Slot) -> io::Result<Change> {
        let record: RecordChange = serde_json::from_slice(self.line(slot)?)?;
        check(index, record.index)?;
        Ok(record.manifest)
    }

    /// The report entry recorded for entry `index`.
    pub fn report(&mut self, index: usize, slot: Slot) -> io::Result<FileReport> {
        let record: RecordReport = serde_json::from_slice(self.line(slot)?)?;
        check(index, record.index)?;
        Ok(record.report)
    }
}

fn check(wanted: usize, found: usize) -> io::Result<()> {
    if wanted == found {
        Ok(())
    } else {
        Err(io::Error::other(format!(
            "journal record {found} found where record {wanted} should be"
        )))
    }
}

/// The `files` of the report, serialized straight from the journal in entry
/// order, one entry in memory at a time.
pub struct StreamedFiles<'a> {
    reader: RefCell<Reader<'a>>,
    slots: &'a [Slot],
}

impl<'a> StreamedFiles<'a> {
    pub fn new(reader: Reader<'a>, slots: &'a [Slot]) -> Self {
        StreamedFiles {
            reader: RefCell::new(reader),
            slots,
        }
    }
}

impl Serialize for StreamedFiles<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut reader = self.reader.borrow_mut();
        let mut seq = serializer.serialize_seq(Some(self.slots.len()))?;
        for (index, slot) in self.slots.iter().enumerate() {
            if !slot.is_written() {
                return Err(S::Error::custom(format!(
                    "no report entry for file {index}"
                )));
            }
            let report = reader.report(index, *slot).map_err(S::Error::custom)?;
            seq.serialize_element(&report)?;
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(path: &str, status: Status) -> FileReport {
        FileReport {
            path: path.to_string(),
            source: format!("in/{path}"),
            output: None,
            format: Some("txt".to_string()),
            status,
            error: (status == Status::Failed).then(|| "bad\n\"input\"".to_string()),
            reason: None,
            warnings: vec!["å".to_string()],
            pages: Some(2),
            millis: 3,
            up_to_date: false,
            stale: false,
            allowed: false,
        }
    }

    #[test]
    fn records_come_back_by_index_and_the_file_goes() {
        let tmp = tempfile::tempdir().unwrap();
        let journal = Journal::create(&tmp.path().join("report.json"), 3).unwrap();
        let files: Vec<_> = fs::read_dir(tmp.path()).unwrap().collect();
        assert_eq!(files.len(), 1);
        // Out of order, as workers finish.
        journal.push(2, report("c", Status::Ok), &Change::Keep);
        journal.push(0, report("a", Status::Failed), &Change::Remove);
        let mid = journal.snapshot().unwrap();
        assert!(mid[0].is_written() && !mid[1].is_written() && mid[2].is_written());
        assert_eq!(journal.reader().change(0, mid[0]).unwrap(), Change::Remove);
        journal.push(1, report("b", Status::Skipped), &Change::Keep);
        let done = journal.finish();
        assert!(done.error.is_none());
        assert_eq!(done.totals.files, 3);
        assert_eq!(done.totals.failed, 1);
        assert_eq!(done.failures, [report("a", Status::Failed)]);
        let mut reader = journal.reader();
        for (i, name) in ["a", "b", "c"].iter().enumerate() {
            assert_eq!(reader.report(i, done.slots[i]).unwrap().path, *name);
        }
        assert!(reader.report(1, done.slots[0]).is_err());
        let json = serde_json::to_value(StreamedFiles::new(reader, &done.slots)).unwrap();
        assert_eq!(json[2]["path"], "c");
        drop(journal);
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 0);
    }
}
