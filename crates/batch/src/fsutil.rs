//! File-system helpers: atomic writes, stale temp cleanup, hashing, time.

use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sha2::{Digest as _, Sha256};

/// Distinguishes temp files of one process (several workers may write
/// siblings at once).
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Marker between the target's name and the pid in a temp file's name.
const TEMP_MARK: &str = ".tmp-";

/// A fresh temporary path next to `path`, named so that [`clean_stale_temps`]
/// recognises it: `.<name><tag>.tmp-<pid>-<n>`. Hidden (leading dot), so
/// discovery never takes it for an input, and without a `.json` ending, so
/// nothing takes it for an output.
pub fn temp_path(path: &Path, tag: &str) -> PathBuf {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(".{name}{tag}{TEMP_MARK}{}-{n}", std::process::id()))
}

/// Creates (truncating) `path`, creating its parent folders only when the
/// first attempt says they are missing: outputs mostly go to folders that
/// exist, and `create_dir_all` costs two system calls even then.
pub fn create_file(path: &Path) -> io::Result<File> {
    match File::create(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if let Some(dir) = path.parent() {
                fs::create_dir_all(dir)?;
            }
            File::create(path)
        }
        other => other,
    }
}

/// Writes `bytes` to `path` via a temp file in the same folder and a rename,
/// so `path` is never seen half-written. Creates the parent folders.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace_atomic(path, |mut file| file.write_all(bytes))
}

/// Like [`write_atomic`], but the content is streamed by `fill` through a
/// buffered writer, so it never has to be held in memory whole.
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut BufWriter<File>) -> io::Result<()>,
) -> io::Result<()> {
    replace_atomic(path, |file| {
        let mut writer = BufWriter::with_capacity(64 * 1024, file);
        fill(&mut writer)?;
        writer.flush()
    })
}

/// Creates a temp file beside `path`, lets `fill` write (and close) it, then
/// renames it into place; removes it on failure.
fn replace_atomic(path: &Path, fill: impl FnOnce(File) -> io::Result<()>) -> io::Result<()> {
    let temp = temp_path(path, "");
    // The data reaches the disk before the rename makes it the file: after
    // a crash or power cut the name holds the old or the new content, never
    // an empty file.
    let result = create_file(&temp)
        .and_then(|file| {
            let sync = file.try_clone()?;
            fill(file)?;
            sync.sync_all()
        })
        .and_then(|()| fs::rename(&temp, path));
    if result.is_err() {
        // Best effort: a leftover would be cleaned by the next run anyway.
        let _ = fs::remove_file(&temp);
    }
    result
}

/// Writes `bytes` to a fresh temporary file beside `path` (creating the
/// parent folders) and returns the temporary file's path, for a caller that
/// renames it into place later (see [`crate::outputs`]). On Linux the data
/// is not synced here: the caller syncs a whole group of files at once with
/// [`sync_file_systems`] before renaming them. Elsewhere, where there is no
/// `syncfs`, each file is synced here, as [`write_atomic`] does.
pub fn write_temp(path: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
    let temp = temp_path(path, "");
    let result = create_file(&temp).and_then(|mut file| {
        file.write_all(bytes)?;
        if !cfg!(target_os = "linux") {
            file.sync_all()?;
        }
        Ok(())
    });
    match result {
        Ok(()) => Ok(temp),
        Err(e) => {
            let _ = fs::remove_file(&temp);
            Err(e)
        }
    }
}

/// Makes everything written so far to the file systems that hold `folders`
/// durable: data, and metadata such as renames. On Linux one `syncfs` per
/// file system (folders on one device share it); elsewhere each folder is
/// fsynced, which makes the renames in it durable (the data of files written
/// by [`write_temp`] was synced as they were written).
pub fn sync_file_systems<'a>(folders: impl IntoIterator<Item = &'a Path>) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::MetadataExt as _;
        use std::os::unix::io::AsRawFd as _;
        let mut devices = Vec::new();
        for folder in folders {
            let dir = File::open(folder)?;
            let device = dir.metadata()?.dev();
            if devices.contains(&device) {
                continue;
            }
            devices.push(device);
            // SAFETY: `syncfs` only reads the descriptor, which `dir` keeps
            // open for the duration of the call.
            if unsafe { libc::syncfs(dir.as_raw_fd()) } != 0 {
                return Err(io::Error::last_os_error());
            }
        }
        Ok(())
    }
    #[cfg(not(target_os = "linux"))]
    {
        for folder in folders {
            // Windows cannot open a folder as a file; there renames are
            // made durable by the file system's own log.
            if let Ok(dir) = File::open(folder) {
                dir.sync_all()?;
            }
        }
        Ok(())
    }
}

/// The pid in a temp file name written by [`write_atomic`], if it is one.
fn temp_pid(name: &str) -> Option<u32> {
    if !name.starts_with('.') {
        return None;
    }
    let at = name.rfind(TEMP_MARK)?;
    let tail = &name[at + TEMP_MARK.len()..];
    let (pid, n) = tail.split_once('-')?;
    if pid.is_empty() || n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

/// Whether process `pid` is alive, when the platform lets us tell cheaply.
fn process_alive(pid: u32) -> Option<bool> {
    let proc_root = Path::new("/proc/self");
    if proc_root.exists() {
        Some(Path::new(&format!("/proc/{pid}")).exists())
    } else {
        None
    }
}

/// Removes temp files left under `dir` by killed runs: those of a dead process
/// (or, where liveness cannot be checked, older than a minute, far longer than
/// any single write takes). Temp files of live processes (a concurrent shard)
/// are left alone. Returns how many were removed.
pub fn clean_stale_temps(dir: &Path) -> usize {
    let me = std::process::id();
    let mut removed = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(read) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in read.filter_map(|e| e.ok()) {
            let Ok(file_type) = entry.file_type() else {
                continue;
            };
            // Symbolic links are not followed: we only clean what we made.
            if file_type.is_dir() {
                stack.push(entry.path());
                continue;
            }
            if !file_type.is_file() {
                continue;
            }
            let name = entry.file_name();
            let Some(pid) = temp_pid(&name.to_string_lossy()) else {
                continue;
            };
            if pid == me {
                continue;
            }
            let stale = match process_alive(pid) {
                Some(alive) => !alive,
                None => entry
                    .metadata()
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|age| age > Duration::from_secs(60)),
            };
            if stale && fs::remove_file(entry.path()).is_ok() {
                removed += 1;
            }
        }
    }
    removed
}

/// A lock on an output folder (per shard): a file holding the pid of the
/// run that holds it, created exclusively, removed when dropped. A lock
/// whose process is gone (a killed run) is taken over.
pub struct RunLock {
    path: PathBuf,
}

impl RunLock {
    /// Takes the lock at `path`, or says which live process holds it.
    pub fn acquire(path: &Path) -> Result<RunLock, LockError> {
        for _ in 0..3 {
            match fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)
            {
                Ok(mut file) => {
                    file.write_all(std::process::id().to_string().as_bytes())
                        .map_err(LockError::Io)?;
                    return Ok(RunLock {
                        path: path.to_path_buf(),
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    let holder = fs::read_to_string(path)
                        .ok()
                        .and_then(|t| t.trim().parse::<u32>().ok());
                    match holder {
                        Some(pid)
                            if pid != std::process::id() && process_alive(pid).unwrap_or(true) =>
                        {
                            return Err(LockError::Held(pid));
                        }
                        // Left by a killed run (or half-written this very
                        // moment, in which case the retry sees the winner).
                        _ => {
                            let _ = fs::remove_file(path);
                        }
                    }
                }
                Err(e) => return Err(LockError::Io(e)),
            }
        }
        Err(LockError::Io(io::Error::other(
            "the lock file keeps changing",
        )))
    }
}

impl Drop for RunLock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// The live process (other than this one) that holds the run lock at
/// `path`, if any.
pub fn lock_holder(path: &Path) -> Option<u32> {
    fs::read_to_string(path)
        .ok()
        .and_then(|t| t.trim().parse::<u32>().ok())
        .filter(|&pid| pid != std::process::id() && process_alive(pid).unwrap_or(true))
}

/// Whether a live process holds the run lock at `path`.
pub fn lock_is_held(path: &Path) -> bool {
    lock_holder(path).is_some()
}

/// Why a [`RunLock`] was not taken.
#[derive(Debug)]
pub enum LockError {
    /// Another live process holds it.
    Held(u32),
    /// The lock file could not be made.
    Io(io::Error),
}

/// A sha256 digest.
pub type Digest = [u8; 32];

/// The sha256 of a byte slice.
pub fn sha256(bytes: &[u8]) -> Digest {
    Sha256::digest(bytes).into()
}

/// Lowercase hex sha256 of a byte slice.
#[cfg(test)]
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&sha256(bytes))
}

/// The sha256 of what is left to read in `file`, read in 64 KiB chunks (the
/// file is never held in memory whole).
pub fn sha256_reader(file: &mut impl Read) -> io::Result<Digest> {
    let mut hasher = Sha256::new();
    let mut buf = [0u8; 64 * 1024];
    loop {
        let n = match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hasher.update(&buf[..n]);
    }
    Ok(hasher.finalize().into())
}

/// An input file, opened once: its size comes from the open file (no second
/// path lookup), and it can be hashed and then read from the start.
pub struct InputFile {
    file: File,
    /// Size in bytes when opened.
    pub size: u64,
}

impl InputFile {
    pub fn open(path: &Path) -> io::Result<Self> {
        let file = File::open(path)?;
        let size = file.metadata()?.len();
        Ok(InputFile { file, size })
    }

    /// The sha256 of the whole file, streamed.
    pub fn sha256(&mut self) -> io::Result<Digest> {
        self.file.seek(SeekFrom::Start(0))?;
        sha256_reader(&mut self.file)
    }

    /// The whole file, at most `limit` bytes: a file that grew past the limit
    /// since it was opened fails rather than being read whole.
    pub fn read_all(&mut self, limit: u64) -> Result<Vec<u8>, String> {
        let cannot = |e: io::Error| format!("cannot read file: {e}");
        self.file.seek(SeekFrom::Start(0)).map_err(cannot)?;
        // One more than the size, so that the read that finds the end needs
        // no reallocation.
        let expected = self.size.min(limit).saturating_add(1);
        let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
        (&mut self.file)
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(cannot)?;
        if bytes.len() as u64 > limit {
            return Err(format!(
                "file is larger than the limit of {limit} bytes (not read)"
            ));
        }
        Ok(bytes)
    }
}

/// Lowercase hex of bytes (a digest).
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 15)] as char);
    }
    s
}

/// The digest written by [`hex`], if `s` is one (either case).
pub fn unhex(s: &str) -> Option<Digest> {
    let s = s.as_bytes();
    if s.len() != 64 {
        return None;
    }
    let nibble = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let mut out = [0u8; 32];
    for (i, pair) in s.chunks_exact(2).enumerate() {
        out[i] = nibble(pair[0])? << 4 | nibble(pair[1])?;
    }
    Some(out)
}

/// RFC 3339 UTC timestamp with second precision, e.g. `2026-03-05T14:07:00Z`.
pub fn rfc3339(t: SystemTime) -> String {
    let secs = t
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    let rem = secs % 86_400;
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's
/// algorithm), to avoid a date-time dependency for one timestamp.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(rfc3339(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        let t = UNIX_EPOCH + Duration::from_secs(1_772_719_620);
        assert_eq!(rfc3339(t), "2026-03-05T14:07:00Z");
        let leap = UNIX_EPOCH + Duration::from_secs(951_782_400);
        assert_eq!(rfc3339(leap), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn temp_names() {
        assert_eq!(temp_pid(".x.json.tmp-123-4"), Some(123));
        assert_eq!(temp_pid("x.json.tmp-123-4"), None);
        assert_eq!(temp_pid(".x.json"), None);
        assert_eq!(temp_pid(".a.tmp-b.json"), None);
    }

    #[test]
    fn hashes() {
        let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assert_eq!(sha256_hex(b"abc"), abc);
        assert_eq!(unhex(abc), Some(sha256(b"abc")));
        assert_eq!(unhex(&abc.to_uppercase()), Some(sha256(b"abc")));
        assert_eq!(unhex(&abc[1..]), None);
        assert_eq!(unhex(&abc.replace('a', "g")), None);
        let mut cursor = std::io::Cursor::new(vec![7u8; 200_000]);
        assert_eq!(sha256_reader(&mut cursor).unwrap(), sha256(&[7u8; 200_000]));
    }

    #[test]
    fn atomic_writes_create_folders_and_leave_no_temp() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("a/b/x.json");
        write_atomic(&path, b"{}").unwrap();
        write_atomic_with(&path, |w| w.write_all(b"[1]")).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"[1]");
        let failed = write_atomic_with(&path, |w| {
            w.write_all(b"[2")?;
            Err(io::Error::other("stop"))
        });
        assert!(failed.is_err());
        assert_eq!(fs::read(&path).unwrap(), b"[1]");
        let names: Vec<_> = fs::read_dir(tmp.path().join("a/b"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["x.json"]);
    }

    #[test]
    fn input_files_hash_then_read() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("in.txt");
        fs::write(&path, b"abc").unwrap();
        let mut file = InputFile::open(&path).unwrap();
        assert_eq!(file.size, 3);
        assert_eq!(file.sha256().unwrap(), sha256(b"abc"));
        assert_eq!(file.read_all(10).unwrap(), b"abc");
        assert_eq!(file.sha256().unwrap(), sha256(b"abc"));
        assert!(
            file.read_all(2)
                .unwrap_err()
                .contains("larger than the limit")
        );
    }
}
