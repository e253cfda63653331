//! The `minutes` pipeline for one document:
//!
//! ```text
//! bytes ─sniff→ format ─reader→ Document ─structure→ Structured ─rules→ Findings ─output→ JSON
//! ```
//!
//! Readers form a table ([`read_document`]) keyed by the sniffed format, as
//! pandoc's reader list does: the bytes decide, not the extension (a `.docx`
//! that is really a Word 97 file, an `.xlsx` named `.docx`), and adding a
//! format is one row. Nothing here does I/O: the caller hands in bytes, so the
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
    /// A Word 97-2003 binary file.
    #[error(
        "a Word 97-2003 .doc file (OLE2), not .docx: convert it first, e.g. `libreoffice --headless --convert-to docx FILE`"
    )]
    LegacyWord,
    /// The text reader failed.
    #[error("{0}")]
    Text(#[from] minutes_text::Error),
    /// The Word reader failed.
    #[error("{0}")]
    Docx(#[from] minutes_docx::Error),
    /// The PDF reader failed.
    #[error("{0}")]
    Pdf(#[from] minutes_pdf::Error),
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

const OLE2: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Which reader a file goes to. `%PDF-` is PDF; a zip is DOCX only when it
/// holds `word/document.xml` (an .xlsx is a zip too); OLE2 is a legacy Word
/// file (converted with an error that says so); `.txt`/`.md` and files
/// without a binary signature are text.
pub fn sniff(name: &str, bytes: &[u8]) -> Sniffed {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Sniffed::Read(Format::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        if ext == "docx" || ext == "docm" || ext == "dotx" || contains(bytes, b"word/document.xml")
        {
            return Sniffed::Read(Format::Docx);
        }
        return Sniffed::Skip(format!(
            "a zip package that is not a Word document (.{ext})"
        ));
    }
    if bytes.starts_with(&OLE2) {
        if ext == "doc" || ext == "docx" || ext == "dot" {
            // Read (and fail with a clear message) rather than skip: the
            // user meant this to be converted.
            return Sniffed::Read(Format::Docx);
        }
        return Sniffed::Skip(format!("an OLE2 (old Office) file (.{ext})"));
    }
    match ext.as_str() {
        "txt" | "md" | "markdown" | "text" => Sniffed::Read(Format::Txt),
        "docx" => Sniffed::Read(Format::Docx),
        "pdf" => Sniffed::Read(Format::Pdf),
        "doc" => Sniffed::Read(Format::Docx),
        "" => Sniffed::Skip("no file extension".into()),
        other => Sniffed::Skip(format!("not a minutes format: .{other}")),
    }
}

/// Is this a file name the tool reads (before looking at its bytes)?
pub fn is_candidate(name: &str) -> Option<Format> {
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "md" | "markdown" | "text" => Some(Format::Txt),
        "docx" | "docm" | "doc" => Some(Format::Docx),
        "pdf" => Some(Format::Pdf),
        _ => None,
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Read bytes of a known format into a document.
pub fn read_document(bytes: &[u8], format: Format, opts: &ReadOptions) -> Result<Document, Error> {
    match format {
        Format::Txt => Ok(minutes_text::read(bytes, opts)?),
        Format::Docx => {
            if bytes.starts_with(&OLE2) {
                return Err(Error::LegacyWord);
            }
            Ok(minutes_docx::read(bytes, opts)?)
        }
        // Scanned pages go to Tesseract as `opts.ocr` says.
        Format::Pdf => Ok(minutes_pdf::read_with(
            bytes,
            opts,
            Some(minutes_ocr::engine()),
        )?),
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
        assert_eq!(sniff("gammal.doc", &ole), Sniffed::Read(Format::Docx));
        let config = Config::new(RuleSet::default_rules().unwrap());
        let e = convert("gammal.doc", &ole, &config)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("Word 97-2003") && e.contains("libreoffice"),
            "{e}"
        );
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
