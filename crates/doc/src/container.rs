//! The OLE2 compound file around a Word document: recognising what the bytes
//! are and reading the streams within the size budget.
//!
//! The `cfb` crate does the container. It refuses FAT chains that point into
//! a sector twice (so a chain cannot loop), sectors beyond the file and a
//! FAT larger than the file; what it holds in memory is bounded by the file's
//! size. We add a budget: a stream larger than the file or than
//! [`minutes_model::ReadOptions::max_inflated_bytes`] is refused before it
//! is read.

use crate::Error;
use std::io::{Cursor, Read};

pub(crate) const OLE2_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Say what a file that is not a compound file is, from its first bytes.
fn sniff_not_ole2(bytes: &[u8]) -> Error {
    if bytes.is_empty() {
        return Error::Empty;
    }
    let what = if bytes.starts_with(b"PK") {
        "a zip package (perhaps a .docx or .odt)"
    } else if bytes.starts_with(b"%PDF") {
        "a PDF file"
    } else if bytes.starts_with(b"{\\rtf") {
        "an RTF file (Word can save those with a .doc name)"
    } else if bytes.starts_with(&[0xDB, 0xA5]) {
        "a Word 2.0 file, older than this reader supports"
    } else if bytes.starts_with(b"<") || bytes.starts_with(b"\xEF\xBB\xBF<") {
        "an XML or HTML file (Word can save those with a .doc name)"
    } else {
        "no OLE2 compound-file signature"
    };
    Error::NotDoc { what }
}

/// The streams of a Word document.
pub(crate) struct Streams {
    /// `WordDocument`: the FIB, the text and the formatting pages.
    pub word: Vec<u8>,
    /// `0Table` or `1Table`, whichever the FIB names.
    pub table: Vec<u8>,
}

pub(crate) struct Container<'a> {
    cfb: cfb::CompoundFile<Cursor<&'a [u8]>>,
    file_len: u64,
    used: u64,
    limit: u64,
}

impl<'a> Container<'a> {
    pub fn open(bytes: &'a [u8], limit: u64) -> Result<Self, Error> {
        if !bytes.starts_with(&OLE2_MAGIC) {
            return Err(sniff_not_ole2(bytes));
        }
        let cfb = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|e| Error::Container {
            detail: e.to_string(),
        })?;
        Ok(Container {
            cfb,
            file_len: bytes.len() as u64,
            used: 0,
            limit,
        })
    }

    pub fn has(&self, name: &str) -> bool {
        self.cfb.is_stream(name)
    }

    /// What the compound file is when it holds no `WordDocument` stream.
    pub fn what_instead(&self) -> String {
        if self.has("/EncryptedPackage") {
            return "an encrypted Office 2007+ package".to_string();
        }
        for (stream, what) in [
            ("/Workbook", "an Excel workbook (.xls)"),
            ("/Book", "an Excel 5/95 workbook (.xls)"),
            ("/PowerPoint Document", "a PowerPoint presentation (.ppt)"),
            ("/__properties_version1.0", "an Outlook message (.msg)"),
        ] {
            if self.has(stream) {
                return what.to_string();
            }
        }
        "a compound file without a WordDocument stream".to_string()
    }

    /// Read a whole stream, refusing it when it claims more bytes than the
    /// file has or than the budget leaves.
    pub fn read(&mut self, name: &str) -> Result<Vec<u8>, Error> {
        let len = self
            .cfb
            .entry(name)
            .map_err(|e| Error::Container {
                detail: format!("{name}: {e}"),
            })?
            .len();
        let remaining = self.limit.saturating_sub(self.used);
        if len > self.file_len || len > remaining {
            return Err(Error::TooLarge {
                stream: name.trim_start_matches('/').to_string(),
                size: len,
                limit: remaining.min(self.file_len),
            });
        }
        let stream = self.cfb.open_stream(name).map_err(|e| Error::Container {
            detail: format!("{name}: {e}"),
        })?;
        let mut buf = Vec::with_capacity(len as usize);
        stream
            .take(len)
            .read_to_end(&mut buf)
            .map_err(|e| Error::Container {
                detail: format!("{name}: {e}"),
            })?;
        self.used = self.used.saturating_add(buf.len() as u64);
        Ok(buf)
    }
}

/// Open the container and read the two streams a Word document needs. The
/// table stream's name is in the FIB, so `table_name` is asked of the
/// `WordDocument` stream.
pub(crate) fn streams(
    bytes: &[u8],
    limit: u64,
    table_name: impl FnOnce(&[u8]) -> Result<&'static str, Error>,
) -> Result<Streams, Error> {
    let mut c = Container::open(bytes, limit)?;
    if !c.has("/WordDocument") {
        return Err(Error::NotWord {
            what: c.what_instead(),
        });
    }
    let word = c.read("/WordDocument")?;
    let name = table_name(&word)?;
    if !c.has(name) {
        return Err(Error::Corrupt {
            what: format!(
                "the FIB names the table stream {}, which the file lacks",
                name.trim_start_matches('/')
            ),
        });
    }
    let table = c.read(name)?;
    Ok(Streams { word, table })
}
