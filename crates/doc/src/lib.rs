//! Reads Word 97-2003 binary documents (`.doc`) into the
//! [`minutes_model::Document`] model.
//!
//! ```no_run
//! let bytes = std::fs::read("protokoll.doc").unwrap();
//! let doc = minutes_doc::read(&bytes, &minutes_model::ReadOptions::default()).unwrap();
//! println!("{}", doc.plain_text());
//! ```
//!
//! # How
//!
//! A `.doc` is an OLE2 compound file (read with the `cfb` crate,
//! `container.rs`) holding a `WordDocument` stream and a table stream
//! (`0Table`/`1Table`). The File Information Block at the start of
//! `WordDocument` (`fib.rs`) says where everything is:
//!
//! 1. the piece table (CLX, `text.rs`) maps character positions (CPs) to
//!    bytes of `WordDocument`, 8-bit Windows-1252 or UTF-16LE per piece;
//! 2. the text is one run of CPs: the main text, then the footnotes, the
//!    headers and footers, annotations, endnotes and text boxes, each as
//!    long as the FIB's `ccp*` counts say: so headers and footers
//!    ([`Document::furniture`]) and notes ([`Document::notes`]) are kept
//!    apart from the body;
//! 3. character and paragraph properties come from the formatted disk
//!    pages (FKPs) named by the PlcBteChpx/PlcBtePapx (`props.rs`), over
//!    the style sheet (`styles.rs`), and list labels from the list tables
//!    (`lists.rs`);
//! 4. `convert.rs` walks the characters: 0x0D ends a paragraph, 0x07 a
//!    table cell (or, on a row-end paragraph, the row), 0x0C is a page
//!    break, 0x13/0x14/0x15 delimit fields (only results are text; a
//!    HYPERLINK field links its result).
//!
//! # Representation choices (as the .docx reader)
//!
//! - Numbered paragraphs keep their role with [`Paragraph::label`] set to
//!   the label as printed; consecutive bullet paragraphs become a
//!   [`BlockKind::List`].
//! - Headings: paragraph style Heading 1-9 (by built-in identifier, so any
//!   language's style names) or an outline level; Title.
//! - Bold, italic, strike-through (single or double), underline,
//!   super/subscript: direct formatting over character style over
//!   paragraph style, Word's toggle rules. Hidden text and tracked
//!   deletions are left out; tracked insertions are kept.
//! - Footnote and endnote references are runs `[n]` with [`Run::note`]
//!   `fn<n>`/`en<n>`.
//! - [`Span`]: `line` is the paragraph ordinal in its story, `start`/`end`
//!   are character positions (CPs), `page` is 1 + the page breaks before.
//! - `doc.source.format` is left `None`: the model has no `.doc` format
//!   yet, and the pipeline sets it.
//!
//! - Text boxes of the body: their paragraphs follow the paragraph holding
//!   the shape's anchor (PlcSpaMom's FSPA names the shape, PlcftxbxTxt's
//!   FTXBXS its story).
//! - Tables: a row ends at the row-end mark; header rows (sprmTTableHeader)
//!   are marked; merged cells (TC80 flags, sprmTVertMerge) appear once with
//!   their spans; column spans are counted on the grid of all rows' cell
//!   edges.
//!
//! Not read: pictures and drawn objects (counted in a diagnostic), text
//! boxes in headers, comments, nested tables beyond the first level (their
//! paragraphs join the outer cell), property modifiers stored in the piece
//! table (Prm, written only by fast saves).
//!
//! # Hostile input
//!
//! Every offset read from the file is checked (`bin.rs` returns `None`
//! past the end); counts are capped by the bytes that could hold them; a
//! stream is refused before it is read when it claims more than the file
//! or [`ReadOptions::max_inflated_bytes`]. The `cfb` crate refuses FAT
//! chains that loop and FATs larger than the file.
#![deny(missing_docs)]

mod bin;
mod container;
mod convert;
mod fib;
mod lists;
mod props;
mod styles;
mod text;

#[cfg(doc)]
use minutes_model::{BlockKind, Paragraph, Run, Span};
use minutes_model::{Diagnostic, Document, Level, Note, ReadOptions};

use convert::{Converter, Formatting, NoteKind};
use fib::{Fib, Part};
use props::{FkpKind, format_runs};

/// Why a file could not be read as a Word 97-2003 document. The messages
/// name the problem; the caller prefixes the file name.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Zero bytes.
    #[error("an empty file, not a .doc")]
    Empty,
    /// Not an OLE2 compound file at all.
    #[error("not a Word 97-2003 .doc file (an OLE2 compound file): {what}")]
    NotDoc {
        /// What the bytes look like instead.
        what: &'static str,
    },
    /// The compound file's structure is damaged (truncated, chains that
    /// loop or point outside the file).
    #[error("a damaged or truncated .doc (OLE2 compound file): {detail}")]
    Container {
        /// The container reader's message.
        detail: String,
    },
    /// A compound file that is not a Word document.
    #[error("an OLE2 compound file but not a Word document: {what}")]
    NotWord {
        /// What it is instead, or what is missing.
        what: String,
    },
    /// A password-protected (encrypted or obfuscated) document.
    #[error(
        "a password-protected (encrypted) Word document: open it in Word, remove the password and save it again"
    )]
    Encrypted,
    /// Word 6.0 or Word 95, whose binary layout differs.
    #[error(
        "a {version} document, older than Word 97: convert it with `libreoffice --headless --convert-to docx FILE`"
    )]
    OldWord {
        /// "Word 6.0", "Word 95".
        version: &'static str,
    },
    /// A stream larger than the file or the size budget.
    #[error(
        "the {stream} stream claims {size} bytes, more than the {limit} bytes allowed (a damaged or hostile file)"
    )]
    TooLarge {
        /// The stream.
        stream: String,
        /// Its size as the directory says.
        size: u64,
        /// What was allowed.
        limit: u64,
    },
    /// The Word structures inside are inconsistent.
    #[error("a damaged Word document: {what}")]
    Corrupt {
        /// What is wrong.
        what: String,
    },
}

/// Read a `.doc` file's bytes into a [`Document`].
///
/// `doc.source.pages` is set to 1 + the page breaks seen in the body; the
/// other source fields (and `format`) are the caller's. The document is
/// normalized ([`Document::normalize`]) before it is returned.
pub fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Document, Error> {
    let streams = container::streams(bytes, opts.max_inflated_bytes, |word| {
        Fib::parse(word).map(|f| f.table_stream())
    })?;
    let word = &streams.word;
    let table = &streams.table;
    let fib = Fib::parse(word)?;
    // Every character takes at least a byte of the stream.
    if fib.ccp.total() > word.len() as u64 {
        return Err(Error::Corrupt {
            what: format!(
                "the FIB counts {} characters, more than the {} bytes of the WordDocument stream",
                fib.ccp.total(),
                word.len()
            ),
        });
    }
    let clx = fib
        .part_bytes(table, Part::Clx)
        .ok_or_else(|| Error::Corrupt {
            what: "the piece table (CLX) is missing or lies outside the table stream".to_string(),
        })?;
    let pieces = text::PieceTable::parse(clx)?;
    let mut diags: Vec<Diagnostic> = Vec::new();

    let mut fmt = Formatting {
        chpx: fib
            .part_bytes(table, Part::PlcfBteChpx)
            .map(|b| format_runs(word, b, FkpKind::Chpx))
            .unwrap_or_default(),
        papx: fib
            .part_bytes(table, Part::PlcfBtePapx)
            .map(|b| format_runs(word, b, FkpKind::Papx))
            .unwrap_or_default(),
        styles: fib
            .part_bytes(table, Part::Stshf)
            .map(styles::Styles::parse)
            .unwrap_or_default(),
        // The LVLs follow the PlfLst outside its counted length.
        lists: lists::Lists::parse(
            fib.part(Part::PlfLst)
                .and_then(|(fc, _)| table.get(fc as usize..)),
            fib.part_bytes(table, Part::PlfLfo),
        ),
    };
    let mut missing = 0u32;
    let mut chars = |start: u32, end: u32| {
        let (c, m) = pieces.chars(word, start, end.min(pieces.cp_end()));
        missing = missing.saturating_add(m);
        c
    };

    // Note references in the main text, by CP.
    let ccp = fib.ccp;
    let mut note_texts: Vec<(NoteKind, Vec<u32>, u32)> = Vec::new();
    let mut conv_refs = std::collections::HashMap::new();
    for (kind, refs, texts, base) in [
        (
            NoteKind::Footnote,
            Part::PlcffndRef,
            Part::PlcffndTxt,
            ccp.ftn_start(),
        ),
        (
            NoteKind::Endnote,
            Part::PlcfendRef,
            Part::PlcfendTxt,
            ccp.edn_start(),
        ),
    ] {
        let Some((ref_cps, _)) = fib.part_bytes(table, refs).and_then(|b| bin::plc(b, 2)) else {
            continue;
        };
        // The last position closes the array; the others are references.
        for (i, &cp) in ref_cps.iter().take(ref_cps.len() - 1).enumerate() {
            conv_refs.insert(cp, (kind, i + 1));
        }
        if let Some((txt_cps, _)) = fib.part_bytes(table, texts).and_then(|b| bin::plc(b, 0)) {
            note_texts.push((kind, txt_cps, base));
        }
    }

    let body_chars = chars(0, ccp.text);
    let mut conv = Converter::new(&mut fmt);

    // Text boxes of the main text: the shape anchored at a CP (PlcSpaMom,
    // FSPA spid) names its story (PlcftxbxTxt, FTXBXS lid).
    let mut boxes_read = 0u32;
    if ccp.txbx > 1
        && let (Some((anchors, fspa)), Some((stories, ftxbxs))) = (
            fib.part_bytes(table, Part::PlcSpaMom)
                .and_then(|b| bin::plc(b, 26)),
            fib.part_bytes(table, Part::PlcftxbxTxt)
                .and_then(|b| bin::plc(b, 22)),
        )
    {
        let story_of: std::collections::HashMap<u32, usize> = (0..stories.len().saturating_sub(1))
            .filter_map(|i| Some((bin::u32_at(ftxbxs, i * 22 + 14)?, i)))
            .collect();
        let base = ccp.txbx_start();
        for (i, &cp) in anchors.iter().take(anchors.len() - 1).enumerate() {
            let Some(&story) = bin::u32_at(fspa, i * 26).and_then(|spid| story_of.get(&spid))
            else {
                continue;
            };
            let (Some(&s), Some(&e)) = (stories.get(story), stories.get(story + 1)) else {
                continue;
            };
            let (s, e) = (s.min(ccp.txbx), e.min(ccp.txbx));
            if e <= s {
                continue;
            }
            let c = chars(base.saturating_add(s), base.saturating_add(e));
            let blocks = conv.story(&c, base.saturating_add(s), false);
            boxes_read = boxes_read.saturating_add(e - s);
            conv.text_boxes.insert(cp, blocks);
        }
    }
    conv.note_refs = conv_refs;
    let mut doc = Document {
        blocks: conv.story(&body_chars, 0, true),
        ..Document::default()
    };
    doc.source.pages = conv.pages();
    conv.note_refs.clear();
    // Boxes whose anchor character was not met go after the body.
    let mut leftover: Vec<(u32, Vec<minutes_model::Block>)> = conv.text_boxes.drain().collect();
    if !leftover.is_empty() {
        leftover.sort_by_key(|(cp, _)| *cp);
        diags.push(Diagnostic::warning(
            "doc.textbox.unanchored",
            format!(
                "{} text box(es) anchored where the text has no shape mark: put after the body",
                leftover.len()
            ),
        ));
        doc.blocks.extend(leftover.into_iter().flat_map(|(_, b)| b));
    }

    // Headers and footers: the stories after the six note separators, each
    // text once.
    if opts.keep_furniture
        && ccp.hdd > 0
        && let Some((cps, _)) = fib
            .part_bytes(table, Part::PlcfHdd)
            .and_then(|b| bin::plc(b, 0))
    {
        let base = ccp.hdd_start();
        let mut seen = std::collections::HashSet::new();
        for w in cps.windows(2).skip(6) {
            let (s, e) = (w[0].min(ccp.hdd), w[1].min(ccp.hdd));
            if e <= s {
                continue;
            }
            let c = chars(base.saturating_add(s), base.saturating_add(e));
            let blocks = conv.story(&c, base.saturating_add(s), false);
            let text: String = blocks.iter().map(|b| b.plain_text()).collect();
            if !text.trim().is_empty() && seen.insert(text) {
                doc.furniture.extend(blocks);
            }
        }
    }

    // Footnotes and endnotes: note n is the n-th text range.
    for (kind, cps, base) in &note_texts {
        let len = match kind {
            NoteKind::Footnote => ccp.ftn,
            NoteKind::Endnote => ccp.edn,
        };
        for (i, w) in cps.windows(2).enumerate() {
            let id = kind.id(i + 1);
            if !conv.notes_seen.contains(&id) {
                continue;
            }
            let (s, e) = (w[0].min(len), w[1].min(len));
            let c = chars(base.saturating_add(s), base.saturating_add(e));
            let mut blocks = conv.story(&c, base.saturating_add(s), false);
            trim_note_start(&mut blocks);
            doc.notes.push(Note { id, blocks });
        }
    }

    if missing > 0 {
        diags.push(Diagnostic::warning(
            "doc.text.missing",
            format!(
                "{missing} character(s) lie outside the WordDocument stream (a damaged file): left out"
            ),
        ));
    }
    if conv.hidden_runs > 0 {
        diags.push(Diagnostic {
            code: "doc.hidden-text".to_string(),
            level: Level::Info,
            message: format!(
                "{} paragraph(s) with hidden text left out of the text",
                conv.hidden_runs
            ),
            span: None,
        });
    }
    if conv.images > 0 {
        diags.push(Diagnostic {
            code: "doc.image".to_string(),
            level: Level::Info,
            message: format!(
                "{} picture(s) or drawn object(s) skipped: no text is taken from them",
                conv.images
            ),
            span: None,
        });
    }
    // The text box story ends with a mark of its own: more is text.
    if ccp.txbx > 1 && boxes_read == 0 {
        diags.push(Diagnostic::warning(
            "doc.textbox",
            format!(
                "text boxes hold {} character(s) that are not read (no shape in the body names them)",
                ccp.txbx - 1
            ),
        ));
    }
    diags.append(&mut conv.diags);
    diags.dedup_by(|a, b| a.code == b.code && a.message == b.message);
    doc.diagnostics = diags;
    doc.normalize();
    Ok(doc)
}

/// A note's text starts after Word's note number, usually with a space.
fn trim_note_start(blocks: &mut [minutes_model::Block]) {
    if let Some(minutes_model::Block {
        kind: minutes_model::BlockKind::Paragraph(p),
        ..
    }) = blocks.first_mut()
    {
        while let Some(first) = p.runs.first_mut() {
            let trimmed = first.text.trim_start();
            if trimmed.len() == first.text.len() {
                break;
            }
            if trimmed.is_empty() {
                p.runs.remove(0);
            } else {
                first.text = trimmed.to_string();
                break;
            }
        }
    }
}
