//! Reads Word documents (`.docx`, Office Open XML WordprocessingML) into the
//! [`minutes_model::Document`] model.
//!
//! ```no_run
//! let bytes = std::fs::read("protokoll.docx").unwrap();
//! let doc = minutes_docx::read(&bytes, &minutes_model::ReadOptions::default()).unwrap();
//! println!("{}", doc.plain_text());
//! ```
//!
//! # How
//!
//! Like pandoc's Docx reader, in two stages: stage one (`parse.rs`) streams
//! each XML part with quick-xml into types close to the format, and stage
//! two (`convert.rs`) resolves styles, numbering, fields, notes and table
//! merges into the model. Elements are matched by namespace URI and local
//! name, never by prefix, so `ns0:`-prefixed and Strict OOXML
//! (`http://purl.oclc.org/ooxml/wordprocessingml/main`) documents read like
//! ordinary Transitional ones; namespaces are resolved by a small cache of
//! our own (`xml.rs`) because quick-xml's `NsReader` doubled the parse time.
//! Each part is inflated once, counting bytes as they come against
//! [`ReadOptions::max_inflated_bytes`] (a zip bomb cannot lie its way past
//! the limit with a small header size). Tables, text boxes and other
//! recursive structures nested deeper than 48 levels are refused with
//! [`Error::TooDeep`] rather than risk the stack.
//!
//! # Why not docx-rs's reader
//!
//! Measured in the project's spike (`shared/spikes/docx`): docx-rs 0.4.22
//! panics (index out of bounds) on a numbering level text without attribute,
//! never returns on an `.xlsx`, drops footnotes, non-breaking hyphens and
//! links in simple fields, decodes a literal `&lt;` twice, keeps only the last
//! section's header and footer, reads nothing from a non-`w:` prefix and
//! loses styles and numbering in Strict documents; and it is 2.5-4x slower.
//! docx-rs stays the project's tool for *writing* Word files in tests.
//!
//! # Representation choices
//!
//! - **Numbered paragraphs** stay [`BlockKind::Paragraph`]s with
//!   [`Paragraph::label`] set to the label as printed ("3.", "8.1", "a)"):
//!   agenda numbers often exist only as Word numbering, and a paragraph keeps
//!   its role (a numbered heading is still a heading).
//! - **Bulleted paragraphs** (numFmt `bullet`) that follow each other become
//!   one [`BlockKind::List`] (`ordered: false`) with a [`ListItem`] per
//!   paragraph, labelled with the bullet as printed ("•", "o", "–"); symbol
//!   font bullets (U+F0B7 and kin) are mapped to Unicode. Blank bullet
//!   paragraphs are dropped.
//! - A page break inside a paragraph ends it: the text before, a
//!   [`BlockKind::PageBreak`], then the rest as a paragraph of the same role.
//! - Footnote and endnote references become a run with text `[n]` (n counted
//!   in reference order, as Word prints them) and [`Run::note`] set to
//!   `fn<id>` / `en<id>`, the id of the [`Note`] in [`Document::notes`].
//! - Text boxes: their paragraphs follow the paragraph holding the anchor.
//! - [`Span`]: `line` is the paragraph ordinal in its part (1-based, counting
//!   every `w:p` read, in cells and text boxes too), `start`/`end` the byte
//!   offsets of the `w:p` (or `w:tbl`) in the inflated part, `page` is 1 +
//!   the page breaks seen before it (explicit breaks and Word's
//!   `w:lastRenderedPageBreak`, the latter not counted twice after an explicit
//!   one). Furniture and notes have no page.
//! - Character formatting: direct formatting wins; within a style's basedOn
//!   chain the nearest declaration wins. Across style levels the toggle
//!   properties (`w:b`, `w:i`, `w:strike`, `w:vanish`) combine as Word
//!   paints them (ECMA-376 §17.7.3): a character style's "on" reverses the
//!   paragraph style's, so a Strong run in a bold heading is not bold; an
//!   explicit "off" in a style sets it off; docDefaults count when no style
//!   says anything. Other properties (`w:u`, `w:dstrike`, `w:vertAlign`)
//!   take the character style, then the paragraph style, then docDefaults.
//! - Numbering counters belong to the abstract numbering, as in Word: nums
//!   sharing an abstractNum continue each other unless one restarts a level
//!   with `w:startOverride` (or overrides the level), applied where that num
//!   is first used. A higher level resets the lower ones.
//!
//! # OOXML coverage
//!
//! Implemented:
//! - [x] package: `_rels/.rels` main part (fallback `word/document.xml`),
//!   part relationships, relative/absolute targets; UTF-8 with or without
//!   BOM, UTF-16 with BOM
//! - [x] `w:p`, `w:r`, `w:t` (entity and character references decoded once),
//!   runs split by rsid merged
//! - [x] `w:pPr`: `w:pStyle`, `w:numPr` (`w:numId`, `w:ilvl`), `w:outlineLvl`,
//!   `w:pageBreakBefore`; `w:sectPr` header/footer references and section
//!   breaks (a section of type nextPage/oddPage/evenPage, the default, starts
//!   with a [`BlockKind::PageBreak`]; continuous and nextColumn do not)
//! - [x] `w:rPr`: `w:b`, `w:i`, `w:u`, `w:strike`, `w:dstrike` (both → strike),
//!   `w:vanish` (hidden text dropped), `w:vertAlign`, `w:rStyle`; toggles with
//!   `w:val="0"/"false"/"off"`
//! - [x] styles: `w:basedOn` chains, `w:docDefaults`, default paragraph
//!   style, paragraph styles carrying numbering or outline level, heading
//!   styles by name ("heading N", "Rubrik N") or id, Title, "Placeholder Text"
//! - [x] numbering: `w:abstractNum`, `w:num`, `w:lvl` (`w:start`, `w:numFmt`
//!   decimal/decimalZero/lowerLetter/upperLetter/lowerRoman/upperRoman/
//!   bullet/none, `w:lvlText` with %1..%9, `w:isLgl`, `w:pStyle`),
//!   `w:lvlOverride` (`w:startOverride`, `w:lvl`), `w:numStyleLink`; numId 0
//!   means not numbered
//! - [x] tables: `w:tbl`, `w:tr`, `w:tc`, several blocks per cell, nested
//!   tables, `w:gridSpan`, `w:vMerge`, legacy `w:hMerge`, `w:gridBefore`,
//!   `w:tblHeader`
//! - [x] content controls `w:sdt` (block, inline, row, cell) with
//!   `w:showingPlcHdr` → [`Style::PLACEHOLDER`]
//! - [x] tracked changes: `w:ins`, `w:moveTo` kept; `w:del`, `w:delText`,
//!   `w:moveFrom`, `w:rPrChange`, `w:pPrChange` and kin dropped
//! - [x] hyperlinks: `w:hyperlink` (`r:id`, `w:anchor`), `w:fldSimple` and
//!   complex fields (`w:fldChar`, `w:instrText`) with `HYPERLINK`; only field
//!   results are text, nested fields too
//! - [x] `mc:AlternateContent` (first `mc:Choice`, never `mc:Fallback`),
//!   text boxes (`w:txbxContent` in DrawingML or VML)
//! - [x] `w:br` (line; `type="page"` → page break), `w:cr`, `w:tab`,
//!   `w:ptab`, `w:noBreakHyphen` → "-", `w:softHyphen` → nothing, `w:sym`,
//!   `w:lastRenderedPageBreak` (page count)
//! - [x] headers and footers → [`Document::furniture`] (all sections,
//!   default/first/even, each part once); footnotes and endnotes →
//!   [`Document::notes`]
//! - [x] looked through: `w:smartTag`, `w:customXml`, `w:sdtContent`,
//!   `w:dir`, `w:bdo`, ruby base text (`w:rt` annotation dropped)
//! - [x] ignored: bookmarks, `w:proofErr`, comments and their ranges,
//!   permissions, paragraph-mark run properties
//!
//! Not implemented: pictures (`a:blip`/`v:imagedata` are counted in an
//! info diagnostic that quotes their alternative text, `wp:docPr/@descr`;
//! no text is taken from them), math (`m:oMath` text is dropped),
//! comments' content, glossary documents, table style conditional formatting
//! (bold header rows from a table style),
//! footnote numbering formats and restarts,
//! `w:customMarkFollows` marks, `w:altChunk` content (embedded HTML/RTF: a
//! warning says it is missing), deleted paragraph marks (the paragraphs stay
//! apart), right-to-left and East Asian layout properties.
//!
//! # Errors and diagnostics
//!
//! [`read`] fails with an [`Error`] saying what the bytes are when they are
//! not a usable Word document. Oddities it can read past become
//! [`Diagnostic`]s with codes under `docx.` (for
//! example `docx.numbering.missing-level`, `docx.link.missing-rel`,
//! `docx.styles.malformed`). The reader does not panic on any input, prints
//! nothing and does no I/O.
#![deny(missing_docs)]

mod convert;
mod numbering;
mod package;
mod parse;
mod styles;
mod xml;

#[cfg(doc)]
use minutes_model::{BlockKind, ListItem, Paragraph, Run, Span, Style};
use minutes_model::{Diagnostic, Document, Format, Level, Note, ReadOptions};
use package::{Package, Rels, resolve_target};
use parse::{NoteKind, ParseError, Parser};

/// Why a file could not be read as a Word document. The messages name the
/// problem; the caller prefixes the file name.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Zero bytes.
    #[error("an empty file, not a .docx")]
    Empty,
    /// An OLE2 compound file: the old binary Word format.
    #[error(
        "a Word 97-2003 .doc file (OLE2), not .docx: convert it with `libreoffice --headless --convert-to docx FILE`"
    )]
    LegacyDoc,
    /// An OLE2 compound file holding an encrypted package.
    #[error(
        "a password-protected (encrypted) Word document: open it in Word, remove the password and save it again"
    )]
    Encrypted,
    /// Not a zip file at all.
    #[error("not a .docx file (which is a zip package): {what}")]
    NotZip {
        /// What the bytes look like instead.
        what: &'static str,
    },
    /// A zip file whose directory cannot be read (truncated or damaged).
    #[error("a damaged or truncated .docx (zip) file: {detail}")]
    CorruptZip {
        /// The zip reader's message.
        detail: String,
    },
    /// A zip package without a Word document in it.
    #[error("a zip package but not a Word document: {what}")]
    NotWord {
        /// What is missing, or what the package is instead.
        what: String,
    },
    /// A part inflates beyond [`ReadOptions::max_inflated_bytes`].
    #[error(
        "the parts inflate beyond the limit of {limit} bytes at {part} (a zip bomb, or a document too large to read)"
    )]
    TooLarge {
        /// The part being read when the limit was passed.
        part: String,
        /// The limit in bytes.
        limit: u64,
    },
    /// A part stored in a way this reader cannot inflate.
    #[error("{part} uses an unsupported zip feature: {detail}")]
    Unsupported {
        /// The part.
        part: String,
        /// The zip reader's message.
        detail: String,
    },
    /// A part whose compressed data is damaged.
    #[error("{part} is damaged in the zip file: {detail}")]
    CorruptPart {
        /// The part.
        part: String,
        /// The zip reader's message.
        detail: String,
    },
    /// A part that is not text in a known encoding.
    #[error("{part} is not readable text: {detail}")]
    Encoding {
        /// The part.
        part: String,
        /// What is wrong.
        detail: String,
    },
    /// The main document part is not well-formed XML.
    #[error("malformed XML in {part} at byte {position}: {detail}")]
    Xml {
        /// The part.
        part: String,
        /// Byte offset in the inflated part.
        position: u64,
        /// The XML parser's message.
        detail: String,
    },
    /// Tables or text boxes nested beyond reason.
    #[error("tables or text boxes in {part} are nested more than {max} deep")]
    TooDeep {
        /// The part.
        part: String,
        /// The nesting limit.
        max: u32,
    },
    /// More table cells than any minutes have: a table bomb.
    #[error(
        "{part} has more than {max} table cells (a table bomb, or a document too large to read)"
    )]
    TooManyCells {
        /// The part.
        part: String,
        /// The limit.
        max: usize,
    },
}

fn parse_error(part: &str, e: ParseError) -> Error {
    match e {
        ParseError::Xml(x) => Error::Xml {
            part: part.to_string(),
            position: x.position,
            detail: x.detail,
        },
        ParseError::TooDeep => Error::TooDeep {
            part: part.to_string(),
            max: parse::MAX_NESTING,
        },
        ParseError::TooManyCells => Error::TooManyCells {
            part: part.to_string(),
            max: parse::MAX_TABLE_CELLS,
        },
        ParseError::WrongRoot(root) => Error::NotWord {
            what: format!("its main part {part} is <{root}>, not a WordprocessingML document"),
        },
    }
}

fn dir_of(part: &str) -> &str {
    match part.rfind('/') {
        Some(i) => &part[..i + 1],
        None => "",
    }
}

/// The part a relationship of `kind` points to, else `fallback` if present.
fn related_part(
    pkg: &Package<'_>,
    rels: &Rels,
    base: &str,
    kind: &str,
    fallback: &str,
) -> Option<String> {
    let mut found: Vec<String> = rels
        .values()
        .filter(|r| r.kind == kind && !r.external)
        .map(|r| resolve_target(base, &r.target))
        .collect();
    found.sort();
    found
        .into_iter()
        .find(|n| pkg.has(n))
        .or_else(|| pkg.has(fallback).then(|| fallback.to_string()))
}

/// Read a part's rels, turning a malformed rels file into a diagnostic.
fn rels_or_diag(
    pkg: &mut Package<'_>,
    part: &str,
    diags: &mut Vec<Diagnostic>,
) -> Result<Rels, Error> {
    Ok(match pkg.rels_of(part)? {
        Ok(r) => r,
        Err(e) => {
            diags.push(Diagnostic::warning(
                "docx.rels.malformed",
                format!("the relationships of {part} are malformed ({e}): its links are lost"),
            ));
            Rels::new()
        }
    })
}

/// Read a `.docx` file's bytes into a [`Document`].
///
/// `doc.source.format` is set to DOCX and `doc.source.pages` to 1 + the page
/// breaks seen; the other source fields are the caller's. The document is
/// normalized ([`Document::normalize`]) before it is returned.
pub fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Document, Error> {
    let mut pkg = Package::open(bytes, opts.max_inflated_bytes)?;
    let main = pkg.main_part()?;
    let Some(main_xml) = pkg.read(&main)? else {
        return Err(Error::NotWord {
            what: format!("no {main}"),
        });
    };
    let mut diags: Vec<Diagnostic> = Vec::new();
    let base = dir_of(&main).to_string();
    let rels = rels_or_diag(&mut pkg, &main, &mut diags)?;

    let styles = match related_part(&pkg, &rels, &base, "styles", "word/styles.xml") {
        Some(name) => match pkg.read(&name)? {
            Some(text) => styles::Styles::parse(&text).unwrap_or_else(|e| {
                diags.push(Diagnostic::warning(
                    "docx.styles.malformed",
                    format!(
                        "{name} is malformed at byte {} ({}): styles are ignored",
                        e.position, e.detail
                    ),
                ));
                styles::Styles::default()
            }),
            None => styles::Styles::default(),
        },
        None => styles::Styles::default(),
    };
    let numbering = match related_part(&pkg, &rels, &base, "numbering", "word/numbering.xml") {
        Some(name) => match pkg.read(&name)? {
            Some(text) => numbering::Numbering::parse(&text).unwrap_or_else(|e| {
                diags.push(Diagnostic::warning(
                    "docx.numbering.malformed",
                    format!(
                        "{name} is malformed at byte {} ({}): list labels are lost",
                        e.position, e.detail
                    ),
                ));
                numbering::Numbering::default()
            }),
            None => numbering::Numbering::default(),
        },
        None => numbering::Numbering::default(),
    };

    // The body.
    let mut parser = Parser::new(&main_xml, &rels);
    let items = parser.story().map_err(|e| parse_error(&main, e))?;
    let furniture_refs = std::mem::take(&mut parser.furniture_refs);
    let section_starts_page = std::mem::take(&mut parser.section_starts_page);
    let mut missing_rels = std::mem::take(&mut parser.missing_rels);
    let mut images = parser.images;
    let alt_texts = std::mem::take(&mut parser.alt_texts);
    if parser.alt_chunks > 0 {
        diags.push(Diagnostic::warning(
            "docx.altchunk",
            format!(
                "{} embedded document(s) (w:altChunk: HTML, RTF or another .docx) not read: their text is missing",
                parser.alt_chunks
            ),
        ));
    }
    drop(parser);

    let mut conv = convert::Converter::new(&styles, &numbering, true);
    conv.section_starts_page = section_starts_page;
    let mut doc = Document {
        blocks: conv.items(items),
        ..Document::default()
    };
    conv.end_part(&main);
    doc.source.format = Some(Format::Docx);
    doc.source.pages = conv.pages();

    // Headers and footers, in section order, each part once.
    if opts.keep_furniture {
        let mut parts: Vec<String> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for id in &furniture_refs {
            if let Some(rel) = rels.get(id)
                && !rel.external
            {
                let name = resolve_target(&base, &rel.target);
                if seen.insert(name.clone()) {
                    parts.push(name);
                }
            }
        }
        for name in parts {
            let Some(text) = pkg.read(&name)? else {
                diags.push(Diagnostic::warning(
                    "docx.part.missing",
                    format!("the document refers to {name}, which the package lacks"),
                ));
                continue;
            };
            let part_rels = rels_or_diag(&mut pkg, &name, &mut diags)?;
            let mut p = Parser::new(&text, &part_rels);
            match p.story() {
                Ok(items) => {
                    missing_rels.append(&mut p.missing_rels);
                    images += p.images;
                    conv.reset_part(false);
                    let blocks = conv.items(items);
                    conv.end_part(&name);
                    doc.furniture.extend(blocks);
                }
                Err(e) => diags.push(part_diag(&name, e)),
            }
        }
    }

    // Footnotes and endnotes.
    for (kind, rel_kind, fallback) in [
        (NoteKind::Footnote, "footnotes", "word/footnotes.xml"),
        (NoteKind::Endnote, "endnotes", "word/endnotes.xml"),
    ] {
        let Some(name) = related_part(&pkg, &rels, &base, rel_kind, fallback) else {
            continue;
        };
        let Some(text) = pkg.read(&name)? else {
            continue;
        };
        let part_rels = rels_or_diag(&mut pkg, &name, &mut diags)?;
        let mut p = Parser::new(&text, &part_rels);
        match p.notes() {
            Ok(notes) => {
                missing_rels.append(&mut p.missing_rels);
                images += p.images;
                conv.reset_part(false);
                for (id, items) in notes {
                    let mut blocks = conv.items(items);
                    trim_note_start(&mut blocks);
                    doc.notes.push(Note {
                        id: convert::note_id(kind, &id),
                        blocks,
                    });
                }
                conv.end_part(&name);
            }
            Err(e) => diags.push(part_diag(&name, e)),
        }
    }

    if !missing_rels.is_empty() {
        missing_rels.sort();
        missing_rels.dedup();
        diags.push(Diagnostic::warning(
            "docx.link.missing-rel",
            format!(
                "hyperlinks refer to relationships that do not exist ({}): their target is \"#\"",
                missing_rels.join(", ")
            ),
        ));
    }
    if conv.hidden_runs > 0 {
        diags.push(info(
            "docx.hidden-text",
            format!(
                "{} run(s) of hidden text (w:vanish) left out",
                conv.hidden_runs
            ),
        ));
    }
    if images > 0 {
        let mut message = format!("{images} picture(s) skipped: no text is taken from images");
        if !alt_texts.is_empty() {
            let shown: Vec<String> = alt_texts
                .iter()
                .take(5)
                .map(|a| format!("\u{ab}{}\u{bb}", a.chars().take(80).collect::<String>()))
                .collect();
            message.push_str(&format!(
                " (alternative text in the body: {})",
                shown.join(", ")
            ));
        }
        diags.push(info("docx.image", message));
    }
    diags.append(&mut conv.diags);
    doc.diagnostics = dedup(diags);
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

fn part_diag(name: &str, e: ParseError) -> Diagnostic {
    let message = match e {
        ParseError::Xml(x) => format!(
            "{name} is malformed at byte {} ({}): its content is left out",
            x.position, x.detail
        ),
        ParseError::TooDeep => format!("{name} nests tables too deeply: its content is left out"),
        ParseError::TooManyCells => format!(
            "{name} has more than {} table cells: its content is left out",
            parse::MAX_TABLE_CELLS
        ),
        ParseError::WrongRoot(root) => {
            format!("{name} is <{root}>, not WordprocessingML: its content is left out")
        }
    };
    Diagnostic::warning("docx.part.malformed", message)
}

/// Identical diagnostics once, with a count when repeated.
fn dedup(diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut out: Vec<(Diagnostic, u32)> = Vec::new();
    let mut index: std::collections::HashMap<(String, String), usize> =
        std::collections::HashMap::new();
    for d in diags {
        // Diagnostics here carry no span, so code and message identify them.
        let key = (d.code.clone(), d.message.clone());
        match index.get(&key).and_then(|&i| out.get_mut(i)) {
            Some((_, n)) => *n += 1,
            None => {
                index.insert(key, out.len());
                out.push((d, 1));
            }
        }
    }
    out.into_iter()
        .map(|(mut d, n)| {
            if n > 1 {
                d.message.push_str(&format!(" ({n} times)"));
            }
            d
        })
        .collect()
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
