//! The `minutes` pipeline for one document:
//!
//! ```text
//! bytes ─sniff→ format ─reader→ Document ─structure→ Structured ─rules→ Findings ─output→ JSON
//! ```
//!
//! Readers form one table (`READERS`): per format its signature (magic
//! bytes, or what a zip or OLE2 container holds), its extensions and its read
//! function, as pandoc's reader list does. [`sniff`], [`is_candidate`] and
//! [`read_document`] all look there: the bytes decide, not the extension (a
//! `.docx` that is really a Word 97 file, an `.xlsx` named `.docx`), a file
//! without extension is sniffed, and adding a format is one row. Nothing here does I/O: the caller hands in bytes, so the
//! batch runner, the CLI and the tests share one path.
#![deny(missing_docs)]

use minutes_model::{Document, Format, ReadOptions};
use minutes_rules::ruleset::RuleSet;
use minutes_rules::{Findings, Trace};
use minutes_structure::Structured;
use sha2::{Digest, Sha256};

pub use minutes_rules::RuleError;

/// Why a document could not be converted.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A format `minutes` does not read.
    #[error("not a minutes format: {0}")]
    Unsupported(String),
    /// The text (or org-mode) reader failed.
    #[error("{0}")]
    Text(#[from] minutes_text::Error),
    /// The Word reader failed.
    #[error("{0}")]
    Docx(#[from] minutes_docx::Error),
    /// The PDF reader failed.
    #[error("{0}")]
    Pdf(#[from] minutes_pdf::Error),
    /// The RTF reader failed.
    #[error("{0}")]
    Rtf(#[from] minutes_rtf::Error),
    /// The HTML reader failed.
    #[error("{0}")]
    Html(#[from] minutes_html::Error),
    /// The Word 97-2003 reader failed.
    #[error("{0}")]
    Doc(#[from] minutes_doc::Error),
    /// The OpenDocument reader failed.
    #[error("{0}")]
    Odt(#[from] minutes_odt::Error),
    /// The file is larger than allowed.
    #[error("the file is {size} bytes, more than the limit of {limit} bytes")]
    TooLarge {
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
}

/// Everything needed to convert documents, prepared once per run.
#[derive(Debug)]
pub struct Config {
    /// The rules.
    pub rules: RuleSet,
    /// Reader limits.
    pub read: ReadOptions,
    /// Largest input file accepted.
    pub max_file_bytes: u64,
}

impl Config {
    /// The default rules and limits.
    pub fn new(rules: RuleSet) -> Self {
        Config {
            rules,
            read: ReadOptions::default(),
            max_file_bytes: 200 * 1024 * 1024,
        }
    }

    /// Tool version and rules hash: what decides whether an output is up
    /// to date.
    pub fn fingerprint(&self) -> String {
        format!(
            "minutes {} rules {}",
            env!("CARGO_PKG_VERSION"),
            self.rules.hash
        )
    }
}

/// What to do with a file, decided from its bytes (and its name only for
/// text, which has no magic).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sniffed {
    /// Read it as this format.
    Read(Format),
    /// Do not read it: the reason.
    Skip(String),
}

/// How a format shows in its bytes.
#[derive(Debug, Clone, Copy)]
enum Signature {
    /// These bytes somewhere in the first kilobyte (PDF allows junk before
    /// `%PDF-`).
    InHead(&'static [u8]),
    /// A zip package holding this member name or `mimetype` content (member
    /// names and the stored `mimetype` are not compressed).
    Zip(&'static [u8]),
    /// An OLE2 compound file whose directory holds this stream name
    /// (UTF-16LE, as the directory stores it).
    Ole2(&'static str),
    /// A text format recognised by its start (after white space or a
    /// byte-order mark).
    Starts(&'static [&'static [u8]]),
    /// No signature: recognised by the name, or read as text.
    None,
}

/// One reader: the format, how its bytes and names look, and the function
/// that reads it.
struct Reader {
    format: Format,
    signature: Signature,
    /// Lower-case file name extensions.
    extensions: &'static [&'static str],
    read: fn(&[u8], &ReadOptions) -> Result<Document, Error>,
}

/// The one table of readers. Order matters where signatures overlap: the
/// first row whose signature matches wins, so binary containers come before
/// the text formats.
const READERS: &[Reader] = &[
    Reader {
        format: Format::Pdf,
        signature: Signature::InHead(b"%PDF-"),
        extensions: &["pdf"],
        // Scanned pages go to Tesseract as `o.ocr` says.
        read: |b, o| Ok(minutes_pdf::read_with(b, o, Some(minutes_ocr::engine()))?),
    },
    Reader {
        format: Format::Docx,
        signature: Signature::Zip(b"word/document.xml"),
        extensions: &["docx", "docm", "dotx", "dotm"],
        read: |b, o| Ok(minutes_docx::read(b, o)?),
    },
    Reader {
        format: Format::Odt,
        signature: Signature::Zip(b"application/vnd.oasis.opendocument.text"),
        extensions: &["odt", "ott", "fodt"],
        read: |b, o| Ok(minutes_odt::read(b, o)?),
    },
    Reader {
        format: Format::Doc,
        signature: Signature::Ole2("WordDocument"),
        extensions: &["doc", "dot"],
        read: |b, o| Ok(minutes_doc::read(b, o)?),
    },
    Reader {
        format: Format::Rtf,
        signature: Signature::Starts(&[b"{\\rtf"]),
        extensions: &["rtf"],
        read: |b, o| Ok(minutes_rtf::read(b, o)?),
    },
    Reader {
        format: Format::Html,
        signature: Signature::Starts(&[b"<!doctype html", b"<html", b"<!--", b"<?xml"]),
        extensions: &["html", "htm", "xhtml"],
        read: |b, o| Ok(minutes_html::read(b, o)?),
    },
    Reader {
        format: Format::Tex,
        signature: Signature::Starts(&[b"\\documentclass"]),
        extensions: &["tex", "ltx", "latex"],
        read: |b, o| Ok(minutes_text::read_tex(b, o)?),
    },
    Reader {
        format: Format::Org,
        signature: Signature::None,
        extensions: &["org"],
        read: |b, o| Ok(minutes_text::read_org(b, o)?),
    },
    Reader {
        format: Format::Txt,
        signature: Signature::None,
        extensions: &["txt", "md", "markdown", "text"],
        read: |b, o| Ok(minutes_text::read(b, o)?),
    },
];

const OLE2: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// The lower-case extension of a file name ("" when it has none). A
/// leading dot (`.profile`) does not start an extension, and neither does a
/// dot before digits or words with spaces: "Protokoll 2019.03.12" has none.
fn extension(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rsplit_once('.') {
        Some((stem, ext))
            if !stem.is_empty()
                && (1..=8).contains(&ext.len())
                && ext.bytes().all(|b| b.is_ascii_alphanumeric())
                && ext.bytes().any(|b| b.is_ascii_alphabetic()) =>
        {
            ext.to_ascii_lowercase()
        }
        _ => String::new(),
    }
}

/// The start of a text file, without byte-order mark and leading white
/// space, lower-cased, for text signatures.
fn text_head(bytes: &[u8]) -> Vec<u8> {
    let b = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let b = b.get(..b.len().min(256)).unwrap_or_default();
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    b.get(start..).unwrap_or_default().to_ascii_lowercase()
}

impl Signature {
    fn matches(self, bytes: &[u8], head: &[u8]) -> bool {
        match self {
            Signature::InHead(magic) => contains(&bytes[..bytes.len().min(1024)], magic),
            Signature::Zip(member) => is_zip(bytes) && contains(bytes, member),
            Signature::Ole2(stream) => {
                bytes.starts_with(&OLE2) && {
                    let utf16: Vec<u8> = stream.encode_utf16().flat_map(u16::to_le_bytes).collect();
                    contains(bytes, &utf16)
                }
            }
            Signature::Starts(starts) => starts.iter().any(|s| {
                head.starts_with(s)
                    // An XML or commented start is HTML only when it says so.
                    && (!s.starts_with(b"<?") && !s.starts_with(b"<!--")
                        || contains(head, b"<html"))
            }),
            Signature::None => false,
        }
    }
}

/// Which reader a file goes to. The bytes decide first: a signature (PDF,
/// a zip holding `word/document.xml` or an OpenDocument text, an OLE2 file
/// with a Word stream, `{\rtf`, an HTML start); a container no row claims is
/// skipped unless its name says it is meant for a reader (which then gives
/// a clear error). Without a signature the extension decides; a file
/// without an extension that is text is read as text.
pub fn sniff(name: &str, bytes: &[u8]) -> Sniffed {
    let ext = extension(name);
    let head = text_head(bytes);
    if let Some(r) = READERS.iter().find(|r| r.signature.matches(bytes, &head)) {
        return Sniffed::Read(r.format);
    }
    let by_name = READERS
        .iter()
        .find(|r| r.extensions.contains(&ext.as_str()));
    let container = if is_zip(bytes) {
        Some("a zip package that is not a Word or OpenDocument text")
    } else if bytes.starts_with(&OLE2) {
        Some("an OLE2 (old Office) file that is not a Word document")
    } else {
        None
    };
    if let Some(what) = container {
        // Read (and fail with a clear message) when a container reader's
        // name says so: the user meant this to be converted.
        return match by_name {
            Some(r) if !matches!(r.signature, Signature::None | Signature::Starts(_)) => {
                Sniffed::Read(r.format)
            }
            _ if ext.is_empty() => Sniffed::Skip(what.to_string()),
            _ => Sniffed::Skip(format!("{what} (.{ext})")),
        };
    }
    match by_name {
        Some(r) => Sniffed::Read(r.format),
        None if ext.is_empty() => {
            if looks_like_text(bytes) {
                Sniffed::Read(Format::Txt)
            } else {
                Sniffed::Skip("no file extension, and not text or a known format".into())
            }
        }
        None => Sniffed::Skip(format!("not a minutes format: .{ext}")),
    }
}

/// Text: not empty, and no NUL bytes in the first 8 KiB unless they are
/// UTF-16's.
fn looks_like_text(bytes: &[u8]) -> bool {
    !bytes.is_empty() && !minutes_text::is_binary(bytes)
}

/// A file the tool would take from a folder, before looking at its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Candidate {
    /// Its extension names this format (the bytes may still say otherwise).
    Format(Format),
    /// It has no extension: its bytes decide.
    Unknown,
}

impl std::fmt::Display for Candidate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Candidate::Format(format) => format.fmt(f),
            Candidate::Unknown => f.write_str("unknown"),
        }
    }
}

/// Is this a file name the tool reads (before looking at its bytes)? A name
/// without extension is a candidate whose bytes decide.
pub fn is_candidate(name: &str) -> Option<Candidate> {
    let ext = extension(name);
    if ext.is_empty() {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        // Hidden files (".DS_Store", ".gitignore") are not minutes.
        return (!base.starts_with('.') && !base.is_empty()).then_some(Candidate::Unknown);
    }
    READERS
        .iter()
        .find(|r| r.extensions.contains(&ext.as_str()))
        .map(|r| Candidate::Format(r.format))
}

/// Substring search (memchr's: sniffing looks through whole zip and OLE2
/// files, which can be tens of megabytes).
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && memchr::memmem::find(hay, needle).is_some()
}

/// Read bytes of a known format into a document.
pub fn read_document(bytes: &[u8], format: Format, opts: &ReadOptions) -> Result<Document, Error> {
    match READERS.iter().find(|r| r.format == format) {
        Some(r) => (r.read)(bytes, opts),
        None => Err(Error::Unsupported(format!("no reader for {format}"))),
    }
}

/// A converted document with every stage's result, for `explain` and tests.
#[derive(Debug)]
pub struct Converted {
    /// The read document.
    pub document: Document,
    /// Its structure.
    pub structured: Structured,
    /// What the rules found.
    pub findings: Findings,
    /// Why each sentence was or was not taken (empty unless traced).
    pub trace: Trace,
    /// The output JSON.
    pub json: Vec<u8>,
}

/// Convert one file's bytes. `path` is what the output names as the source.
pub fn convert(path: &str, bytes: &[u8], config: &Config) -> Result<Converted, Error> {
    convert_with(path, bytes, config, false, None)
}

/// [`convert`] for a caller that has hashed the bytes already (the batch
/// runner does, for incremental runs): the hash is not computed twice.
pub fn convert_hashed(
    path: &str,
    bytes: &[u8],
    sha256: &str,
    config: &Config,
) -> Result<Converted, Error> {
    convert_with(path, bytes, config, false, Some(sha256))
}

/// [`convert`], also recording why each sentence was or was not taken (for
/// `minutes explain`).
pub fn convert_traced(path: &str, bytes: &[u8], config: &Config) -> Result<Converted, Error> {
    convert_with(path, bytes, config, true, None)
}

fn convert_with(
    path: &str,
    bytes: &[u8],
    config: &Config,
    trace: bool,
    sha256: Option<&str>,
) -> Result<Converted, Error> {
    if bytes.len() as u64 > config.max_file_bytes {
        return Err(Error::TooLarge {
            size: bytes.len() as u64,
            limit: config.max_file_bytes,
        });
    }
    let format = match sniff(path, bytes) {
        Sniffed::Read(f) => f,
        Sniffed::Skip(why) => return Err(Error::Unsupported(why)),
    };
    let mut document = read_document(bytes, format, &config.read)?;
    document.source.path = path.to_string();
    document.source.format = Some(format);
    document.source.bytes = bytes.len() as u64;
    document.source.sha256 = match sha256 {
        Some(h) => h.to_string(),
        None => sha256_hex(bytes),
    };
    let structured = minutes_structure::find(&document);
    let (findings, trace) = if trace {
        minutes_rules::apply_traced(&config.rules, &structured)
    } else {
        (
            minutes_rules::apply(&config.rules, &structured),
            Trace::default(),
        )
    };
    let out = minutes_output::build(&document, &structured, &findings, &config.rules.hash);
    let json = minutes_output::to_json(&out);
    Ok(Converted {
        document,
        structured,
        findings,
        trace,
        json,
    })
}

/// Hex SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing_goes_by_bytes_first() {
        assert_eq!(sniff("a.txt", b"%PDF-1.7 ..."), Sniffed::Read(Format::Pdf));
        assert_eq!(
            sniff("a.docx", b"PK\x03\x04rest"),
            Sniffed::Read(Format::Docx)
        );
        assert!(matches!(
            sniff("a.xlsx", b"PK\x03\x04xl/workbook.xml"),
            Sniffed::Skip(_)
        ));
        assert_eq!(sniff("a.md", b"# Protokoll"), Sniffed::Read(Format::Txt));
        assert!(matches!(
            sniff("bild.jpg", b"\xff\xd8\xff"),
            Sniffed::Skip(_)
        ));
        let mut ole = OLE2.to_vec();
        ole.extend([0u8; 100]);
        assert_eq!(sniff("gammal.doc", &ole), Sniffed::Read(Format::Doc));
        assert!(matches!(sniff("blad.xls", &ole), Sniffed::Skip(_)));
        let config = Config::new(RuleSet::default_rules().unwrap());
        // An OLE2 file that is not a Word document fails with the reader's
        // own message, never a panic.
        let e = convert("gammal.doc", &ole, &config)
            .unwrap_err()
            .to_string();
        assert!(!e.is_empty());
    }

    #[test]
    fn every_row_is_found_by_its_bytes_or_its_name() {
        let mut word = OLE2.to_vec();
        word.extend([0u8; 64]);
        word.extend("WordDocument".encode_utf16().flat_map(u16::to_le_bytes));
        let odt = b"PK\x03\x04....mimetypeapplication/vnd.oasis.opendocument.textPK";
        let cases: [(&str, &[u8], Format); 11] = [
            ("arkiv/1997", &word, Format::Doc),
            ("protokoll.odt", odt, Format::Odt),
            ("namnlos", odt, Format::Odt),
            ("x.txt", b"{\\rtf1\\ansi Hej}", Format::Rtf),
            ("x", b"\xef\xbb\xbf  {\\rtf1 Hej}", Format::Rtf),
            ("sida", b"<!DOCTYPE html><html><body>x", Format::Html),
            ("sida.htm", b"<p>Protokoll</p>", Format::Html),
            ("m.org", b"* Protokoll", Format::Org),
            ("m.tex", b"% !TeX\n\\begin{document}", Format::Tex),
            ("m", b"\\documentclass{article}", Format::Tex),
            ("README", b"Protokoll\n", Format::Txt),
        ];
        for (name, bytes, format) in cases {
            assert_eq!(sniff(name, bytes), Sniffed::Read(format), "{name}");
        }
        for f in Format::ALL {
            let row = READERS.iter().filter(|r| r.format == f).count();
            assert_eq!(row, 1, "{f} has one row");
        }
        assert!(matches!(
            sniff("bild", b"\x89PNG\x00\x00"),
            Sniffed::Skip(_)
        ));
        // A fake .odt (no real zip behind the signature) is the reader's
        // error, not a panic.
        assert!(read_document(odt, Format::Odt, &ReadOptions::default()).is_err());
    }

    #[test]
    fn candidates_by_name_and_names_without_extension() {
        assert_eq!(
            is_candidate("a/b/Protokoll.RTF"),
            Some(Candidate::Format(Format::Rtf))
        );
        assert_eq!(
            is_candidate("sida.htm"),
            Some(Candidate::Format(Format::Html))
        );
        assert_eq!(is_candidate("m.org"), Some(Candidate::Format(Format::Org)));
        assert_eq!(
            is_candidate("gammal.doc"),
            Some(Candidate::Format(Format::Doc))
        );
        assert_eq!(
            is_candidate("arkiv/1997/protokoll"),
            Some(Candidate::Unknown)
        );
        assert_eq!(is_candidate("arkiv/.DS_Store"), None);
        assert_eq!(is_candidate("bild.jpg"), None);
        assert_eq!(Candidate::Unknown.to_string(), "unknown");
        assert_eq!(Candidate::Format(Format::Rtf).to_string(), "rtf");
    }

    #[test]
    fn converts_text_to_json_with_provenance() {
        let config = Config::new(RuleSet::default_rules().unwrap());
        let c = convert(
            "m.txt",
            "1. Inledning\n\nAnteckningarna godkändes.\n".as_bytes(),
            &config,
        )
        .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&c.json).unwrap();
        assert_eq!(v["source"]["format"], "txt");
        assert_eq!(v["source"]["sha256"].as_str().unwrap().len(), 64);
        assert_eq!(
            v["items"][0]["decisions"][0]["text"],
            "Anteckningarna godkändes."
        );
        let again = convert(
            "m.txt",
            "1. Inledning\n\nAnteckningarna godkändes.\n".as_bytes(),
            &config,
        )
        .unwrap();
        assert_eq!(c.json, again.json, "deterministic");
    }
}
