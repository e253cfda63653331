//! Reads OpenDocument text (`.odt`, and flat `.fodt`) into the
//! [`minutes_model::Document`] model.
//!
//! ```no_run
//! let bytes = std::fs::read("protokoll.odt").unwrap();
//! let doc = minutes_odt::read(&bytes, &minutes_model::ReadOptions::default()).unwrap();
//! println!("{}", doc.plain_text());
//! ```
//!
//! # How
//!
//! An `.odt` is a zip package (`package.rs`, inflated within
//! [`ReadOptions::max_inflated_bytes`], counted as the bytes come so a zip
//! bomb cannot lie its way past) whose `content.xml` holds the body and
//! automatic styles and whose `styles.xml` holds the named styles and the
//! page headers and footers; a `.fodt` is the same in one XML document.
//! Each XML part is read into a small element tree with namespaces
//! resolved by URI (`tree.rs`), the styles are gathered (`styles.rs`), and
//! `convert.rs` walks the body.
//!
//! # Representation choices (as the .docx reader)
//!
//! - `text:h` is a heading of its `text:outline-level`; a paragraph of the
//!   Title style is the title. A heading's printed number (`text:number`)
//!   is its [`Paragraph::label`].
//! - Lists (`text:list`, nested by `text:list-item`): items of a bullet
//!   level become a [`BlockKind::List`] with the bullet as label; items of
//!   a numbered level stay paragraphs with the number as printed as label
//!   (prefix, display levels, suffix), counted per list style.
//! - Bold, italic, underline, strike-through, super/subscript come from the
//!   automatic and named styles (`fo:font-weight`, `fo:font-style`,
//!   `style:text-line-through-style`, …) of the spans and the paragraph,
//!   along `style:parent-style-name`; hidden text (`text:display="none"`)
//!   is left out.
//! - Tracked changes: insertions are in the text and kept; deletions live
//!   in `text:tracked-changes` and are left out.
//! - Links (`text:a`) set [`Run::link`]; notes (`text:note`) become a run
//!   `[n]` with [`Run::note`] `fn<n>`/`en<n>` and a [`Note`].
//! - Tables: rows (header rows marked), cells with their spans; covered
//!   cells are the merged-away parts and are left out.
//! - Headers and footers of the master pages go to
//!   [`Document::furniture`], each text once.
//! - [`Span`]: `line` is the paragraph ordinal, `start`/`end` the byte
//!   offsets of the element in its XML part, `page` is 1 + the page breaks
//!   before it (`text:soft-page-break`, `fo:break-before="page"`).
//! - `doc.source.format` is left `None`: the model has no ODT format yet,
//!   and the pipeline sets it.
//!
//! Elements nested deeper than 100 levels are refused with
//! [`Error::TooDeep`].
#![deny(missing_docs)]

mod convert;
mod package;
mod styles;
mod tree;

#[cfg(doc)]
use minutes_model::{BlockKind, Note, Paragraph, Run, Span};
use minutes_model::{Diagnostic, Document, Level, ReadOptions};
use tree::{Elem, Ns, TreeError};

/// Why a file could not be read as an OpenDocument text. The messages name
/// the problem; the caller prefixes the file name.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Zero bytes.
    #[error("an empty file, not an .odt")]
    Empty,
    /// Neither a zip package nor OpenDocument XML.
    #[error("not an OpenDocument text (.odt zip or .fodt XML): {what}")]
    NotOdt {
        /// What the bytes look like instead.
        what: &'static str,
    },
    /// A zip file whose directory cannot be read (truncated or damaged).
    #[error("a damaged or truncated .odt (zip) file: {detail}")]
    CorruptZip {
        /// The zip reader's message.
        detail: String,
    },
    /// An OpenDocument package or XML that is not a text document.
    #[error("not an OpenDocument text document: {what}")]
    NotText {
        /// What it is instead, or what is missing.
        what: String,
    },
    /// A password-protected document.
    #[error(
        "a password-protected (encrypted) OpenDocument file: open it in LibreOffice, remove the password and save it again"
    )]
    Encrypted,
    /// The parts inflate beyond [`ReadOptions::max_inflated_bytes`].
    #[error(
        "the parts inflate beyond the limit of {limit} bytes at {part} (a zip bomb, or a document too large to read)"
    )]
    TooLarge {
        /// The part being read when the limit was passed.
        part: String,
        /// The limit in bytes.
        limit: u64,
    },
    /// A part whose compressed data is damaged.
    #[error("{part} is damaged in the zip file: {detail}")]
    CorruptPart {
        /// The part.
        part: String,
        /// The zip reader's message.
        detail: String,
    },
    /// A part that is not UTF-8 text.
    #[error("{part} is not readable text: {detail}")]
    Encoding {
        /// The part.
        part: String,
        /// What is wrong.
        detail: String,
    },
    /// A part that is not well-formed XML.
    #[error("malformed XML in {part} at byte {position}: {detail}")]
    Xml {
        /// The part.
        part: String,
        /// Byte offset in the part.
        position: u64,
        /// The XML parser's message.
        detail: String,
    },
    /// Elements nested beyond reason.
    #[error("elements in {part} are nested more than {max} deep")]
    TooDeep {
        /// The part.
        part: String,
        /// The nesting limit.
        max: usize,
    },
}

const ODT_MIME: &str = "application/vnd.oasis.opendocument.text";

fn tree_of(part: &str, text: &str) -> Result<Elem, Error> {
    tree::parse(text).map_err(|e| match e {
        TreeError::Xml { position, detail } => Error::Xml {
            part: part.to_string(),
            position,
            detail,
        },
        TreeError::TooDeep => Error::TooDeep {
            part: part.to_string(),
            max: tree::MAX_DEPTH,
        },
    })
}

/// The parts of a document: the tree with the body and the tree with the
/// named styles and master pages (the same tree for a .fodt).
struct Parts {
    content: Elem,
    styles: Option<Elem>,
}

fn open_zip(bytes: &[u8], limit: u64) -> Result<Parts, Error> {
    let mut pkg = package::Package::open(bytes, limit)?;
    if let Some(mime) = pkg.read("mimetype")? {
        let mime = mime.trim();
        if !mime.starts_with(ODT_MIME) {
            return Err(Error::NotText {
                what: format!("its mimetype is {mime}"),
            });
        }
    }
    if !pkg.has("content.xml") {
        let what = if pkg.has("word/document.xml") {
            "a Word .docx package, no content.xml"
        } else {
            "a zip package without content.xml"
        };
        return Err(Error::NotText {
            what: what.to_string(),
        });
    }
    let manifest = pkg.read("META-INF/manifest.xml")?.unwrap_or_default();
    let encrypted = manifest.contains("encryption-data");
    let content = match pkg.read("content.xml") {
        Ok(Some(t)) => t,
        Ok(None) => String::new(),
        Err(Error::Encoding { .. }) if encrypted => return Err(Error::Encrypted),
        Err(e) => return Err(e),
    };
    if encrypted && !content.trim_start().starts_with('<') {
        return Err(Error::Encrypted);
    }
    let content = tree_of("content.xml", &content)?;
    let styles = match pkg.read("styles.xml") {
        Ok(Some(t)) => Some(tree_of("styles.xml", &t)?),
        Ok(None) | Err(Error::Encoding { .. }) => None,
        Err(e) => return Err(e),
    };
    Ok(Parts { content, styles })
}

fn open_flat(bytes: &[u8], limit: u64) -> Result<Parts, Error> {
    if bytes.len() as u64 > limit {
        return Err(Error::TooLarge {
            part: "the flat XML document".to_string(),
            limit,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| Error::Encoding {
        part: "the flat XML document".to_string(),
        detail: format!("not UTF-8 text ({e})"),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let root = tree_of("the flat XML document", text)?;
    if !root.is(Ns::Office, "document") {
        return Err(Error::NotText {
            what: format!(
                "an XML document whose root is <{}>, not office:document",
                root.local
            ),
        });
    }
    if let Some(m) = root.attr(Ns::Office, "mimetype")
        && !m.starts_with(ODT_MIME)
    {
        return Err(Error::NotText {
            what: format!("its mimetype is {m}"),
        });
    }
    Ok(Parts {
        content: root,
        styles: None,
    })
}

/// Read an `.odt` or `.fodt` file's bytes into a [`Document`].
///
/// `doc.source.pages` is set to 1 + the page breaks seen; the other source
/// fields (and `format`) are the caller's. The document is normalized
/// ([`Document::normalize`]) before it is returned.
pub fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Document, Error> {
    let limit = opts.max_inflated_bytes;
    let parts = if bytes.is_empty() {
        return Err(Error::Empty);
    } else if bytes.starts_with(b"PK") {
        open_zip(bytes, limit)?
    } else {
        let head = bytes.get(..bytes.len().min(512)).unwrap_or(bytes);
        let head = String::from_utf8_lossy(head);
        let head = head.trim_start_matches('\u{feff}').trim_start();
        if head.starts_with('<') {
            open_flat(bytes, limit)?
        } else {
            let what = if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
                "an OLE2 compound file (a Word .doc, or an encrypted Office file)"
            } else if bytes.starts_with(b"%PDF") {
                "a PDF file"
            } else if bytes.starts_with(b"{\\rtf") {
                "an RTF file"
            } else {
                "neither a zip package nor XML"
            };
            return Err(Error::NotOdt { what });
        }
    };

    // Named styles (styles.xml, or the flat document) are shared; automatic
    // styles are per part, and their names may repeat across parts.
    let styles_root = parts.styles.as_ref().unwrap_or(&parts.content);
    let mut common = styles::Styles::default();
    if let Some(s) = styles_root.child(Ns::Office, "styles") {
        common.add(s);
    }
    let mut body_styles = common.clone();
    if let Some(a) = parts.content.child(Ns::Office, "automatic-styles") {
        body_styles.add(a);
    }
    let mut furniture_styles = common;
    if let Some(a) = styles_root.child(Ns::Office, "automatic-styles") {
        furniture_styles.add(a);
    }

    let Some(text) = parts
        .content
        .child(Ns::Office, "body")
        .and_then(|b| b.child(Ns::Office, "text"))
    else {
        let what = match parts
            .content
            .child(Ns::Office, "body")
            .and_then(|b| b.elems().next())
        {
            Some(e) => format!("its body is office:{}, not office:text", e.local),
            None => "no office:body/office:text".to_string(),
        };
        return Err(Error::NotText { what });
    };

    let mut conv = convert::Converter::new(&body_styles, true);
    let mut out = convert::Out::default();
    conv.blocks(text, &mut out);
    let mut doc = Document {
        blocks: out.finish(),
        ..Document::default()
    };
    doc.source.pages = conv.pages();
    doc.notes = std::mem::take(&mut conv.notes);
    let mut diags = Vec::new();
    let (mut hidden, mut images) = (conv.hidden_runs, conv.images);

    if opts.keep_furniture
        && let Some(master) = styles_root.child(Ns::Office, "master-styles")
    {
        let mut fconv = convert::Converter::new(&furniture_styles, false);
        let mut seen = std::collections::HashSet::new();
        for page in master.elems().filter(|e| e.is(Ns::Style, "master-page")) {
            for part in page.elems() {
                if part.ns != Some(Ns::Style)
                    || !(part.local.starts_with("header") || part.local.starts_with("footer"))
                {
                    continue;
                }
                let mut o = convert::Out::default();
                fconv.blocks(part, &mut o);
                let blocks = o.finish();
                let t: String = blocks.iter().map(|b| b.plain_text()).collect();
                if !t.trim().is_empty() && seen.insert(t) {
                    doc.furniture.extend(blocks);
                }
            }
        }
        hidden += fconv.hidden_runs;
        images += fconv.images;
    }
    if hidden > 0 {
        diags.push(info(
            "odt.hidden-text",
            format!("{hidden} paragraph(s) with hidden text left out of the text"),
        ));
    }
    if images > 0 {
        diags.push(info(
            "odt.image",
            format!("{images} picture(s) skipped: no text is taken from images"),
        ));
    }
    doc.diagnostics = diags;
    doc.normalize();
    Ok(doc)
}

fn info(code: &str, message: String) -> Diagnostic {
    Diagnostic {
        code: code.to_string(),
        level: Level::Info,
        message,
        span: None,
    }
}
