//! Outputs made durable in groups: each converted file's output is written
//! to a temporary file at once, and renamed into place only after a group
//! of them has been synced with one `syncfs` (see the crate docs, "Nothing
//! half-written"). One sync per group costs a fraction of one fsync per
//! file, which waits for the disk every time. The groups are committed by
//! a thread of their own, so no conversion waits for a sync (but when the
//! syncs fall far behind: see [`MOST_WAITING`]).

use std::path::PathBuf;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use crate::report::FileReport;

/// A group is committed once it holds this many outputs...
const GROUP_FILES: usize = 256;
/// ... or after this long, so that outputs appear in the folder soon after
/// they are converted even in a slow run.
pub const GROUP_WAIT: Duration = Duration::from_secs(1);
/// Converting stops to wait while this many outputs wait for their sync
/// (a disk far slower than the conversions): what waits is held in
/// memory and in temporary files, so it must stay bounded.
const MOST_WAITING: usize = 4 * GROUP_FILES;

/// An output written to its temporary file and waiting for the group's
/// sync and its rename, with what the file's report and manifest entry
/// need once it is in place.
pub struct Staged {
    /// The entry's index in the discovery.
    pub index: usize,
    /// The temporary file holding the output.
    pub temp: PathBuf,
    /// Where it goes.
    pub path: PathBuf,
    /// The output's name relative to the output folder.
    pub output: String,
    /// The report so far (status and output are set once it is in place).
    pub report: FileReport,
    /// The input's sha256.
    pub digest: crate::fsutil::Digest,
    /// The converter's format name.
    pub format: String,
    /// The converter's page count.
    pub pages: Option<u32>,
    /// The converter's warnings.
    pub warnings: Vec<String>,
}

/// The outputs waiting for their group's sync.
pub struct Pending {
    group: Mutex<Group>,
    /// Signalled when a group is full, when the run's conversions are over,
    /// and when a group was taken (for conversions waiting for room).
    changed: Condvar,
    /// Held while a group is synced, renamed and recorded, so that whoever
    /// needs every output so far in place (a manifest save) waits for a
    /// group under way.
    committing: Mutex<()>,
}

#[derive(Default)]
struct Group {
    staged: Vec<Staged>,
    /// No more outputs will come.
    closed: bool,
}

impl Pending {
    pub fn new() -> Self {
        Pending {
            group: Mutex::new(Group::default()),
            changed: Condvar::new(),
            committing: Mutex::new(()),
        }
    }

    fn group(&self) -> MutexGuard<'_, Group> {
        self.group.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Adds an output to the group, first waiting while [`MOST_WAITING`]
    /// outputs wait.
    pub fn add(&self, staged: Staged) {
        let mut group = self.group();
        while group.staged.len() >= MOST_WAITING && !group.closed {
            group = self
                .changed
                .wait(group)
                .unwrap_or_else(PoisonError::into_inner);
        }
        group.staged.push(staged);
        if group.staged.len() == GROUP_FILES {
            self.changed.notify_all();
        }
    }

    /// Says that no more outputs will come (the committer then commits
    /// what is left and ends).
    pub fn close(&self) {
        self.group().closed = true;
        self.changed.notify_all();
    }

    /// For the committer: waits until a group is full, or [`GROUP_WAIT`]
    /// has passed, or no more outputs will come; true in the last case.
    pub fn wait(&self) -> bool {
        let group = self.group();
        let (group, _) = self
            .changed
            .wait_timeout_while(group, GROUP_WAIT, |g| {
                g.staged.len() < GROUP_FILES && !g.closed
            })
            .unwrap_or_else(PoisonError::into_inner);
        group.closed
    }

    /// Takes the group to commit, with the lock that says a commit is under
    /// way (waiting for one under way first).
    pub fn take(&self) -> (MutexGuard<'_, ()>, Vec<Staged>) {
        let guard = self
            .committing
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let staged = std::mem::take(&mut self.group().staged);
        self.changed.notify_all();
        (guard, staged)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Status;
    use std::time::Instant;

    fn staged(index: usize) -> Staged {
        Staged {
            index,
            temp: PathBuf::from(format!(".{index}.json.tmp-1-{index}")),
            path: PathBuf::from(format!("{index}.json")),
            output: format!("{index}.json"),
            report: FileReport {
                path: format!("{index}.txt"),
                source: format!("{index}.txt"),
                output: None,
                format: None,
                status: Status::Skipped,
                error: None,
                reason: None,
                warnings: Vec::new(),
                pages: None,
                millis: 0,
                up_to_date: false,
                stale: false,
                allowed: false,
            },
            digest: [0; 32],
            format: "txt".to_string(),
            pages: None,
            warnings: Vec::new(),
        }
    }

    #[test]
    fn a_full_group_or_the_end_of_the_run_wakes_the_committer() {
        let pending = Pending::new();
        for i in 0..GROUP_FILES + 3 {
            pending.add(staged(i));
        }
        let started = Instant::now();
        assert!(!pending.wait(), "not closed");
        assert!(started.elapsed() < GROUP_WAIT, "a full group does not wait");
        let (_committing, group) = pending.take();
        assert_eq!(group.len(), GROUP_FILES + 3);
        let indices: Vec<usize> = group.iter().map(|s| s.index).collect();
        assert_eq!(indices, (0..GROUP_FILES + 3).collect::<Vec<_>>());
        drop(_committing);
        pending.add(staged(7));
        pending.close();
        assert!(pending.wait(), "closed");
        assert_eq!(pending.take().1.len(), 1);
    }
}
