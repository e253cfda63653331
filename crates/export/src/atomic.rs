//! Files that appear complete or not at all: written to a temporary file in
//! the target's folder (a rename across file systems would not be atomic),
//! fsynced, then renamed over the target. A failed or interrupted export
//! leaves the previous file in place; the temporary file is removed when the
//! writer is dropped without [`AtomicFile::commit`].

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::Error;

/// A file being written in place of `path`.
pub(crate) struct AtomicFile {
    path: PathBuf,
    out: BufWriter<NamedTempFile>,
}

impl AtomicFile {
    /// Starts writing `path` (its folder is created).
    pub(crate) fn create(path: &Path) -> Result<Self, Error> {
        let write_err = |source| Error::Write {
            path: path.to_path_buf(),
            source,
        };
        let dir = parent(path);
        fs::create_dir_all(dir).map_err(write_err)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // Hidden, so that a killed export's leftover is not read as a table
        // or a document.
        let prefix = format!(".{name}.");
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".tmp");
        // A temporary file is private (0600) by default; the tables are for
        // others to read, like any file we create (0666 less the umask).
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(fs::Permissions::from_mode(0o666));
        }
        let temp = builder.tempfile_in(dir).map_err(write_err)?;
        Ok(AtomicFile {
            path: path.to_path_buf(),
            out: BufWriter::new(temp),
        })
    }

    /// The file being replaced.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// Flushes, fsyncs and renames the file into place, then fsyncs the
    /// folder so that the rename itself survives a crash.
    pub(crate) fn commit(self) -> Result<PathBuf, Error> {
        let path = self.path;
        let write_err = |source| Error::Write {
            path: path.clone(),
            source,
        };
        let temp = self
            .out
            .into_inner()
            .map_err(|e| write_err(e.into_error()))?;
        temp.as_file().sync_all().map_err(write_err)?;
        temp.persist(&path).map_err(|e| write_err(e.error))?;
        sync_dir(parent(&path)).map_err(write_err)?;
        Ok(path)
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.out.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// The folder a file is in (`.` for a bare name).
fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_appears_only_when_committed() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("sub/t.csv");
        let mut f = AtomicFile::create(&path).unwrap();
        f.write_all(b"a,b\r\n").unwrap();
        assert!(!path.exists());
        f.commit().unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"a,b\r\n");
        // Readable by others, as a file made with File::create (the umask
        // permitting).
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let probe = tmp.path().join("probe");
            File::create(&probe).unwrap();
            let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&path), mode(&probe));
        }

        // Dropped without commit: the earlier file stays, no leftovers.
        let mut f = AtomicFile::create(&path).unwrap();
        f.write_all(b"half").unwrap();
        drop(f);
        assert_eq!(fs::read(&path).unwrap(), b"a,b\r\n");
        assert_eq!(fs::read_dir(path.parent().unwrap()).unwrap().count(), 1);
    }
}
