//! Reads born-digital PDF minutes into the `minutes` document model.
//!
//! # Approach
//!
//! lopdf parses the file (objects, streams, decryption with an empty user
//! password); everything after that is ours:
//!
//! 1. [`lexer`] tokenises content streams without building lopdf objects
//!    (lopdf's parser took half the reading time), and [`interp`] runs them —
//!    graphics state, CTM, text and line matrices, `Tj TJ ' "`, `Tc Tw Tz TL
//!    Ts Tr`, `q Q cm`, form XObjects (depth- and cycle-guarded) — yielding one
//!    positioned glyph per character, thin ruling lines and rectangles, link
//!    annotations, list bullets drawn as shapes, and the count of images.
//!    Pages are turned by `/Rotate`, and turned again when most of their text
//!    runs sideways, so that reading order is right.
//! 2. [`font`] decodes codes to text: ToUnicode CMaps first ([`cmap`]: bfchar,
//!    bfrange in both forms, multi-byte codespaces), then `/Encoding` (WinAnsi,
//!    MacRoman, Standard, `/Differences` through the Adobe glyph list), for
//!    simple, Type0 (Identity-H or embedded CMaps, `/W` and `/DW` widths) and
//!    Type3 fonts (`/FontMatrix`); the standard-14 fonts without `/Widths` get
//!    their AFM widths. Bold and italic come from the font name, the font
//!    descriptor, or fill-then-stroke rendering.
//! 3. [`layout`] marks strike-through, underline and links on the glyphs they
//!    cover (so per word, not per run), groups glyphs into lines by baseline
//!    (small raised glyphs become superscripts) and words by gaps, lines into
//!    paragraphs (spacing, indentation and hanging indents, size and weight
//!    changes, list labels, "the next word would have fitted", dot leaders),
//!    joins wrapped lines (dropping a hyphen only inside a broken word, keeping
//!    "NU-sjukvården" and "hälso- och"), expands ligatures, gathers bullets and
//!    numbered runs into lists, assigns heading levels by font size, builds
//!    tables from [`grid`]s of rules (outer borders optional, merged cells,
//!    rows from the rules so a vertically centred item number lands in its
//!    row, rows continued across pages, repeated header rows dropped), and sets
//!    running headers, footers, page numbers and signature captions apart.
//!    Footnotes (below a short separator rule, each starting with a raised
//!    marker) become [`minutes_model::Note`]s, and the raised markers in the
//!    text refer to them.
//! 4. [`quality`] flags pages whose text layer decodes to garbage.
//!
//! Why not lopdf's `extract_text`: it gives no positions (so no tables, no
//! strike-through, no headers and footers), breaks lines at every text object
//! and ignores text in form XObjects. Why not pdf-extract: it drops text drawn
//! with the `'` operator and gives no layout either.
//!
//! Not implemented: tables without any vertical rule, endnotes, multi-column
//! page layout, tagged-PDF structure, vertical writing, Type3 glyphs without
//! a text mapping, OCR.
//!
//! Limits against hostile files: lopdf's per-stream decompression limit, 64
//! MiB of content per page, 2 million operators per page (forms included),
//! form nesting depth 12 with cycle detection, capped glyphs, rules, links,
//! CMap entries and widths; the caller's page and object limits, the page
//! tree walked by our `pages` module without trusting its `/Count`.
#![deny(missing_docs)]

pub mod cmap;
pub mod font;
pub mod grid;
pub mod interp;
pub mod layout;
pub mod lexer;
mod pages;
pub mod quality;
mod tables;

use minutes_model::{Diagnostic, Document, Format, Level, ReadOptions, Span};

/// Why a PDF could not be read.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The bytes are not a PDF at all.
    #[error("not a PDF: no %PDF header")]
    NotPdf,
    /// lopdf could not parse the file.
    #[error("unparseable PDF: {0}")]
    Parse(String),
    /// A user password is needed.
    #[error("encrypted: a password is needed to open it")]
    Encrypted,
    /// More pages than allowed (the walk stops at the limit, so the true
    /// count is not known).
    #[error("too many pages: more than {limit}")]
    TooManyPages {
        /// The limit.
        limit: u32,
    },
    /// More objects than allowed.
    #[error("too many objects: {objects} (limit {limit})")]
    TooManyObjects {
        /// Objects in the file.
        objects: usize,
        /// The limit.
        limit: u32,
    },
    /// No page has text.
    #[error("no text layer: scanned document, OCR needed")]
    NoTextLayer,
}

/// Fewest letters or digits that make a page's text usable.
const MIN_PAGE_CHARS: usize = 3;

/// Read a PDF into a [`Document`].
///
/// Never panics on bad input: a panic inside the PDF parser (a bug we do not
/// control) is turned into [`Error::Parse`].
pub fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Document, Error> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_inner(bytes, opts)))
        .unwrap_or_else(|_| Err(Error::Parse("the PDF parser failed on this file".into())))
}

fn read_inner(bytes: &[u8], opts: &ReadOptions) -> Result<Document, Error> {
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(Error::NotPdf);
    }
    let load = lopdf::LoadOptions {
        max_decompressed_size: Some(
            usize::try_from(opts.max_inflated_bytes)
                .unwrap_or(usize::MAX)
                .min(lopdf::DEFAULT_MAX_DECOMPRESSED_SIZE),
        ),
        ..lopdf::LoadOptions::default()
    };
    let pdf = lopdf::Document::load_mem_with_options(bytes, load).map_err(|e| match e {
        lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_) => Error::Encrypted,
        e => Error::Parse(e.to_string()),
    })?;
    // lopdf removes /Encrypt once it decrypted with the empty user password.
    if pdf.is_encrypted() {
        return Err(Error::Encrypted);
    }
    if pdf.objects.len() > opts.max_objects as usize {
        return Err(Error::TooManyObjects {
            objects: pdf.objects.len(),
            limit: opts.max_objects,
        });
    }
    let pages = pages::page_ids(&pdf, opts.max_pages).map_err(|e| match e {
        pages::TreeError::TooMany { limit } => Error::TooManyPages { limit },
        pages::TreeError::NoTree => Error::Parse("the catalog has no page tree".into()),
    })?;
    if pages.is_empty() {
        return Err(Error::Parse("the document has no pages".into()));
    }
    let mut doc = Document::default();
    doc.source.format = Some(Format::Pdf);
    doc.source.pages = Some(pages.len() as u32);

    let mut it = interp::Interp::new(&pdf);
    let mut scratch = layout::Scratch::default();
    let mut prepared = Vec::with_capacity(pages.len());
    let mut usable_pages = 0;
    let mut truncated = Vec::new();
    for (k, id) in pages.iter().enumerate() {
        let page_no = k as u32 + 1;
        let content = it.page(*id);
        // Only whether there are enough matters: stop counting there.
        let chars = content
            .glyphs
            .iter()
            .filter(|g| g.ch.is_alphanumeric())
            .take(MIN_PAGE_CHARS)
            .count();
        if chars >= MIN_PAGE_CHARS {
            usable_pages += 1;
        } else if content.images > 0 {
            doc.diagnostics.push(
                Diagnostic::warning(
                    "pdf.page.no-text",
                    format!("page {page_no} has images but no text: a scan, OCR needed"),
                )
                .at(Span {
                    page: Some(page_no),
                    ..Span::default()
                }),
            );
        }
        if content.truncated {
            truncated.push(page_no);
        }
        if content.rotated_glyphs > 0 && content.rotated_glyphs >= content.glyphs.len() {
            doc.diagnostics.push(Diagnostic {
                code: "pdf.page.rotated-text".into(),
                level: Level::Info,
                message: format!(
                    "page {page_no}: {} characters not upright were skipped",
                    content.rotated_glyphs
                ),
                span: Some(Span {
                    page: Some(page_no),
                    ..Span::default()
                }),
            });
        }
        prepared.push(layout::prepare_with(&content, &mut scratch));
        it.recycle(content);
    }
    if usable_pages == 0 {
        return Err(Error::NoTextLayer);
    }
    if !truncated.is_empty() {
        doc.diagnostics.push(Diagnostic::warning(
            "pdf.page.truncated",
            format!(
                "page(s) {} too large or too complex: read only in part",
                join_pages(&truncated)
            ),
        ));
    }
    let furniture = layout::split_furniture(&mut prepared);
    let layouts: Vec<layout::PageLayout> = prepared.into_iter().map(layout::finish).collect();
    let texts: Vec<String> = layouts.iter().map(layout::page_text).collect();
    let garbled = quality::garbled_pages(&texts);
    if !garbled.is_empty() {
        doc.diagnostics.push(Diagnostic::warning(
            "pdf.text.garbled",
            format!(
                "the text layer of page(s) {} looks garbled (broken font encoding)",
                join_pages(&garbled)
            ),
        ));
    }
    let roles = layout::Roles::new(&layouts);
    doc.blocks = layout::assemble(&layouts, &roles);
    doc.notes = layout::attach_notes(&layouts, &mut doc.blocks);
    if opts.keep_furniture {
        doc.furniture = furniture;
    }
    doc.normalize();
    Ok(doc)
}

fn join_pages(p: &[u32]) -> String {
    p.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")
}
