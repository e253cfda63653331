//! The zip package: recognising what the bytes are, reading parts within the
//! inflation budget, and relationships.

use crate::Error;
use crate::xml::{Ev, Ns, Tag, Xml};
use std::collections::HashMap;
use std::io::{Cursor, Read};

const OLE2_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Say what a file that is not a zip is, from its first bytes.
fn sniff_not_zip(bytes: &[u8]) -> Error {
    if bytes.is_empty() {
        return Error::Empty;
    }
    if bytes.starts_with(&OLE2_MAGIC) {
        // An encrypted .docx is an OLE2 container holding an "EncryptedPackage"
        // stream; its directory names it in UTF-16LE.
        let needle: Vec<u8> = "EncryptedPackage"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        if bytes.windows(needle.len()).any(|w| w == needle.as_slice()) {
            return Error::Encrypted;
        }
        return Error::LegacyDoc;
    }
    let what = if bytes.starts_with(b"%PDF") {
        "a PDF file"
    } else if bytes.starts_with(b"{\\rtf") {
        "an RTF file"
    } else if bytes.starts_with(b"<?xml") || bytes.starts_with(b"\xEF\xBB\xBF<?xml") {
        "an XML file (perhaps a Word 2003 XML or flat OPC document)"
    } else if bytes.iter().take(512).any(|&b| b == b'<')
        && bytes
            .windows(5)
            .take(1024)
            .any(|w| w.eq_ignore_ascii_case(b"<html"))
    {
        "an HTML file"
    } else {
        "no zip signature"
    };
    Error::NotZip { what }
}

/// A relationship of a part.
#[derive(Debug, Clone)]
pub(crate) struct Rel {
    /// Last segment of the relationship type URI ("hyperlink", "header").
    pub kind: String,
    /// Target as written (a URL for external targets).
    pub target: String,
    /// `TargetMode="External"`.
    pub external: bool,
}

/// Relationships of one part by id.
pub(crate) type Rels = HashMap<String, Rel>;

pub(crate) struct Package<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    /// Bytes inflated so far, against `limit`.
    used: u64,
    limit: u64,
}

impl<'a> Package<'a> {
    pub fn open(bytes: &'a [u8], limit: u64) -> Result<Self, Error> {
        if !bytes.starts_with(b"PK") {
            return Err(sniff_not_zip(bytes));
        }
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            let detail = e.to_string();
            let detail = if detail.contains("EOCD") {
                format!("{detail} (the directory at the end of the zip is missing: the file was probably cut off, e.g. by an interrupted download)")
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

    /// Read a part as text; `Ok(None)` when the package has no such part.
    /// Inflated bytes are counted as they come, so a lying header cannot
    /// get past the budget.
    pub fn read(&mut self, name: &str) -> Result<Option<String>, Error> {
        let Some(index) = self.zip.index_for_name(name) else {
            return Ok(None);
        };
        let file = self.zip.by_index(index).map_err(|e| match e {
            zip::result::ZipError::UnsupportedArchive(_)
            | zip::result::ZipError::CompressionMethodNotSupported(_) => Error::Unsupported {
                part: name.to_string(),
                detail: e.to_string(),
            },
            _ => Error::CorruptPart {
                part: name.to_string(),
                detail: e.to_string(),
            },
        })?;
        let remaining = self.limit.saturating_sub(self.used);
        // Trust the header only for the initial capacity, and cap that too.
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
        decode_text(buf)
            .map(Some)
            .map_err(|detail| Error::Encoding {
                part: name.to_string(),
                detail,
            })
    }

    /// The main document part, from `_rels/.rels`, else `word/document.xml`.
    pub fn main_part(&mut self) -> Result<String, Error> {
        let mut rels_error = None;
        if let Some(text) = self.read("_rels/.rels")? {
            match parse_rels(&text) {
                Ok(rels) => {
                    for rel in rels.values() {
                        if rel.kind == "officeDocument" && !rel.external {
                            let name = resolve_target("", &rel.target);
                            // Spreadsheets and presentations have main parts too.
                            let other = name.starts_with("xl/") || name.starts_with("ppt/");
                            if self.has(&name) && !other {
                                return Ok(name);
                            }
                        }
                    }
                }
                Err(e) => rels_error = Some(e),
            }
        }
        if self.has("word/document.xml") {
            return Ok("word/document.xml".to_string());
        }
        let what = if self.has("xl/workbook.xml") {
            "an Excel workbook (.xlsx), no word/document.xml".to_string()
        } else if self.has("ppt/presentation.xml") {
            "a PowerPoint presentation (.pptx), no word/document.xml".to_string()
        } else if self.has("content.xml") && self.has("mimetype") {
            "an OpenDocument file (.odt/.ods), no word/document.xml".to_string()
        } else if let Some(e) = rels_error {
            format!("no word/document.xml, and _rels/.rels is malformed ({e})")
        } else {
            "no word/document.xml".to_string()
        };
        Err(Error::NotWord { what })
    }

    /// Relationships of `part` (from `dir/_rels/name.rels`); empty when absent.
    pub fn rels_of(&mut self, part: &str) -> Result<Result<Rels, String>, Error> {
        let (dir, file) = match part.rfind('/') {
            Some(i) => (&part[..i + 1], &part[i + 1..]),
            None => ("", part),
        };
        let name = format!("{dir}_rels/{file}.rels");
        Ok(match self.read(&name)? {
            Some(text) => parse_rels(&text),
            None => Ok(Rels::new()),
        })
    }
}

/// Part bytes to text: UTF-8 (BOM dropped) or UTF-16 with a BOM.
fn decode_text(buf: Vec<u8>) -> Result<String, String> {
    if buf.starts_with(&[0xFF, 0xFE]) || buf.starts_with(&[0xFE, 0xFF]) {
        let le = buf[0] == 0xFF;
        let units = buf[2..].chunks_exact(2).map(|c| {
            if le {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        });
        let text: String = char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
        // The declaration still says UTF-16; quick-xml reads the text as UTF-8.
        return Ok(text);
    }
    let mut text = String::from_utf8(buf).map_err(|e| format!("not UTF-8 text ({e})"))?;
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    Ok(text)
}

/// The zip name a relationship target points to, relative to `base_dir`
/// (the folder of the source part, with a trailing slash, or "").
pub(crate) fn resolve_target(base_dir: &str, target: &str) -> String {
    let joined = if let Some(abs) = target.strip_prefix('/') {
        abs.to_string()
    } else {
        format!("{base_dir}{target}")
    };
    let mut out: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            s => out.push(s),
        }
    }
    out.join("/")
}

pub(crate) fn parse_rels(text: &str) -> Result<Rels, String> {
    let mut x = Xml::new(text);
    let mut rels = Rels::new();
    loop {
        match x
            .next()
            .map_err(|e| format!("{} at byte {}", e.detail, e.position))?
        {
            Ev::Start(Tag::Other, e) if e.local_name().as_ref() == "Relationship" => {
                let mut get = |n: &str| x.attr(&e, Ns::None, n).map(|v| v.into_owned());
                let (Some(id), Some(target)) = (get("Id"), get("Target")) else {
                    continue;
                };
                let kind = get("Type")
                    .and_then(|t| t.rsplit('/').next().map(str::to_string))
                    .unwrap_or_default();
                let external =
                    get("TargetMode").is_some_and(|m| m.eq_ignore_ascii_case("External"));
                rels.insert(
                    id,
                    Rel {
                        kind,
                        target,
                        external,
                    },
                );
            }
            Ev::Eof => break,
            _ => {}
        }
    }
    Ok(rels)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_against_the_source_folder() {
        assert_eq!(resolve_target("word/", "styles.xml"), "word/styles.xml");
        assert_eq!(
            resolve_target("word/", "/word/header1.xml"),
            "word/header1.xml"
        );
        assert_eq!(
            resolve_target("word/", "../customXml/item1.xml"),
            "customXml/item1.xml"
        );
        assert_eq!(resolve_target("", "word/document.xml"), "word/document.xml");
        assert_eq!(
            resolve_target("word/", "./media/../numbering.xml"),
            "word/numbering.xml"
        );
        assert_eq!(resolve_target("", "../../x"), "x");
    }

    #[test]
    fn text_decoding() {
        assert_eq!(decode_text(b"\xEF\xBB\xBF<a/>".to_vec()).unwrap(), "<a/>");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("<a>ö</a>".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode_text(utf16).unwrap(), "<a>ö</a>");
        assert!(decode_text(vec![0xC3, 0x28]).is_err());
    }
}
