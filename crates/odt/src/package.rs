//! The zip package of an `.odt`: recognising what the bytes are and reading
//! parts within the inflation budget (as the .docx reader does).

use crate::Error;
use std::io::{Cursor, Read};

pub(crate) struct Package<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    /// Bytes inflated so far, against `limit`.
    used: u64,
    limit: u64,
}

impl<'a> Package<'a> {
    pub fn open(bytes: &'a [u8], limit: u64) -> Result<Self, Error> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            let detail = e.to_string();
            let detail = if detail.contains("EOCD") {
                format!("{detail} (the directory at the end of the zip is missing: the file was probably cut off)")
            } else {
                detail
            };
            Error::CorruptZip { detail }
        })?;
        Ok(Package {
            zip,
            used: 0,
            limit,
        })
    }

    pub fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// Read a part's bytes; `Ok(None)` when the package has no such part.
    /// Inflated bytes are counted as they come, so a lying header cannot
    /// get past the budget.
    pub fn read_bytes(&mut self, name: &str) -> Result<Option<Vec<u8>>, Error> {
        let Some(index) = self.zip.index_for_name(name) else {
            return Ok(None);
        };
        let file = self.zip.by_index(index).map_err(|e| Error::CorruptPart {
            part: name.to_string(),
            detail: e.to_string(),
        })?;
        let remaining = self.limit.saturating_sub(self.used);
        let cap = file.size().min(remaining).min(64 * 1024 * 1024) as usize;
        let mut buf = Vec::with_capacity(cap);
        let read = file
            .take(remaining.saturating_add(1))
            .read_to_end(&mut buf)
            .map_err(|e| Error::CorruptPart {
                part: name.to_string(),
                detail: e.to_string(),
            })?;
        self.used = self.used.saturating_add(read as u64);
        if self.used > self.limit {
            return Err(Error::TooLarge {
                part: name.to_string(),
                limit: self.limit,
            });
        }
        Ok(Some(buf))
    }

    /// Read a part as UTF-8 text (a BOM dropped).
    pub fn read(&mut self, name: &str) -> Result<Option<String>, Error> {
        let Some(buf) = self.read_bytes(name)? else {
            return Ok(None);
        };
        let mut text = String::from_utf8(buf).map_err(|e| Error::Encoding {
            part: name.to_string(),
            detail: format!("not UTF-8 text ({e})"),
        })?;
        if text.starts_with('\u{feff}') {
            text.drain(..3);
        }
        Ok(Some(text))
    }
}
