//! Outputs made durable in groups: each converted file's output is written
//! to a temporary file at once, and renamed into place only after a group
//! of them has been synced with one `syncfs` (see the crate docs, "Nothing
//! half-written"). One sync per group costs a fraction of one fsync per
//! file, which waits for the disk every time.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use crate::report::FileReport;

/// A group is synced and renamed once it holds this many outputs...
const GROUP_FILES: usize = 256;
/// ... or once its oldest output has waited this long, so that outputs
/// appear in the folder soon after they are converted even in a slow run.
const GROUP_WAIT: Duration = Duration::from_secs(1);

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
    /// Held while a group is synced, renamed and recorded, so that whoever
    /// needs every output so far in place (a manifest save) waits for a
    /// group under way.
    committing: Mutex<()>,
}

#[derive(Default)]
struct Group {
    staged: Vec<Staged>,
    /// When the oldest of `staged` was added.
    since: Option<Instant>,
}

impl Pending {
    pub fn new() -> Self {
        Pending {
            group: Mutex::new(Group::default()),
            committing: Mutex::new(()),
        }
    }

    fn group(&self) -> MutexGuard<'_, Group> {
        self.group.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Adds an output to the group; true when the group is due.
    pub fn add(&self, staged: Staged) -> bool {
        let mut group = self.group();
        group.since.get_or_insert_with(Instant::now);
        group.staged.push(staged);
        group.staged.len() >= GROUP_FILES
    }

    /// Whether the group is due: full, or its oldest output has waited
    /// [`GROUP_WAIT`].
    pub fn due(&self) -> bool {
        let group = self.group();
        group.staged.len() >= GROUP_FILES
            || group
                .since
                .is_some_and(|since| since.elapsed() >= GROUP_WAIT)
    }

    /// Takes the group to commit, with the lock that says a commit is under
    /// way: waiting for one under way when `wait`, else `None` if one is.
    pub fn take(&self, wait: bool) -> Option<(MutexGuard<'_, ()>, Vec<Staged>)> {
        let guard = if wait {
            self.committing
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
        } else {
            match self.committing.try_lock() {
                Ok(guard) => guard,
                Err(std::sync::TryLockError::Poisoned(e)) => e.into_inner(),
                Err(std::sync::TryLockError::WouldBlock) => return None,
            }
        };
        let mut group = self.group();
        group.since = None;
        let staged = std::mem::take(&mut group.staged);
        Some((guard, staged))
    }
}
