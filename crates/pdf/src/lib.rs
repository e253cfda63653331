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
//!    runs sideways, so that reading order is right. Content, form and font
//!    streams are inflated by [`inflate`] with one reused state (lopdf's own
//!    decoder for any other filter and for damaged data).
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
//! 5. Pages without usable text (no text layer, or a garbled one) go to an
//!    OCR engine through [`ocr::Ocr`] when [`read_with`] is given one; its
//!    words come back positioned and are laid out by [`layout`] like any
//!    other page ([`ocr::content_from_words`]).
//!
//! Why not lopdf's `extract_text`: it gives no positions (so no tables, no
//! strike-through, no headers and footers), breaks lines at every text object
//! and ignores text in form XObjects. Why not pdf-extract: it drops text drawn
//! with the `'` operator and gives no layout either.
//!
//! Not implemented: tables without any vertical rule, endnotes, multi-column
//! page layout, tagged-PDF structure, vertical writing, Type3 glyphs without
//! a text mapping.
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
pub mod inflate;
pub mod interp;
pub mod layout;
pub mod lexer;
pub mod ocr;
mod pages;
pub mod quality;
mod tables;

use minutes_model::{Diagnostic, Document, Format, Level, OcrMode, ReadOptions, Span};

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
    /// No page has text and OCR could not read any.
    #[error("no text layer, and OCR failed: {0}")]
    Ocr(String),
}

/// Fewest letters or digits that make a page's text usable.
const MIN_PAGE_CHARS: usize = 3;
/// Mean OCR confidence (0–100) below which a page is named as doubtful.
const LOW_OCR_CONFIDENCE: f32 = 60.;

/// Read a PDF into a [`Document`], without OCR: a scan is an
/// [`Error::NoTextLayer`].
///
/// Never panics on bad input: a panic inside the PDF parser (a bug we do not
/// control) is turned into [`Error::Parse`].
pub fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Document, Error> {
    read_with(bytes, opts, None)
}

/// Read a PDF into a [`Document`], reading pages by OCR as
/// [`ReadOptions::ocr`] says: pages without usable text (no text layer, or
/// a page scan whose text layer the [`quality`] check rejects, which
/// confident OCR text then replaces), or every page.
pub fn read_with(
    bytes: &[u8],
    opts: &ReadOptions,
    ocr: Option<&dyn ocr::Ocr>,
) -> Result<Document, Error> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_inner(bytes, opts, ocr)
    }))
    .unwrap_or_else(|_| Err(Error::Parse("the PDF parser failed on this file".into())))
}

fn read_inner(
    bytes: &[u8],
    opts: &ReadOptions,
    ocr: Option<&dyn ocr::Ocr>,
) -> Result<Document, Error> {
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
    let ocr = ocr.filter(|_| opts.ocr != OcrMode::Never);

    let mut it = interp::Interp::new(&pdf);
    let mut contents = Vec::with_capacity(pages.len());
    let mut truncated = Vec::new();
    for (k, id) in pages.iter().enumerate() {
        let page_no = k as u32 + 1;
        let content = it.page(*id);
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
        contents.push(content);
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
    // Pages to read by OCR: scans first; text layers that decode to
    // garbage are known only after layout.
    let mut scans: Vec<usize> = (0..contents.len())
        .filter(|&k| match opts.ocr {
            OcrMode::Always => true,
            OcrMode::Never => false,
            OcrMode::Auto => !has_text(&contents[k]) && contents[k].images > 0,
        })
        .collect();
    let mut laid = lay_out(&contents);
    let garbled = quality::garbled_pages(&laid.texts);
    if ocr.is_some() && opts.ocr == OcrMode::Auto {
        // Only a garbled layer over a page scan (an earlier, bad OCR) is
        // replaced: on born-digital pages the check has false alarms, and
        // OCR of drawn text loses more than it mends.
        scans.extend(
            garbled
                .iter()
                .map(|p| *p as usize - 1)
                .filter(|&k| contents.get(k).is_some_and(ocr::is_scanned)),
        );
        scans.sort_unstable();
        scans.dedup();
    }
    let mut replaced = Vec::new();
    // Why OCR read nothing, and whether the engine could not run at all.
    let mut ocr_failure = None;
    let mut unavailable = None;
    if let Some(engine) = ocr
        && !scans.is_empty()
    {
        match engine.available() {
            Err(why) => unavailable = Some(why),
            Ok(()) => {
                let asked: Vec<ocr::ScanPage> = scans
                    .iter()
                    .map(|&k| ocr::ScanPage {
                        number: k as u32 + 1,
                        source: ocr::page_source(&pdf, &contents[k]),
                    })
                    .collect();
                let mut read = Vec::new();
                let mut failed = Vec::new();
                for (page, result) in asked.iter().zip(engine.recognise(bytes, &asked)) {
                    let k = page.number as usize - 1;
                    match result {
                        // A text layer, even a doubtful one, beats OCR that
                        // is itself unsure.
                        Ok(p) if has_text(&contents[k]) && p.confidence < LOW_OCR_CONFIDENCE => {
                            doc.diagnostics.push(
                                Diagnostic::warning(
                                    "ocr.page.kept-text",
                                    format!(
                                        "page {}: OCR confidence {:.0} is low: the text layer is kept",
                                        page.number, p.confidence
                                    ),
                                )
                                .at(page_span(page.number)),
                            );
                        }
                        Ok(p) => {
                            read.push((page.number, p.confidence));
                            contents[k] =
                                ocr::content_from_words(p.width, p.height, &p.words, &p.rules);
                            replaced.push(page.number);
                        }
                        Err(why) => {
                            doc.diagnostics.push(
                                Diagnostic::warning(
                                    "ocr.page.failed",
                                    format!("page {}: OCR failed: {why}", page.number),
                                )
                                .at(page_span(page.number)),
                            );
                            failed.push(why);
                        }
                    }
                }
                if !read.is_empty() {
                    doc.diagnostics.push(ocr_warning(&read));
                    laid = lay_out(&contents);
                }
                ocr_failure = Some(match failed.into_iter().next() {
                    Some(why) if read.is_empty() => why,
                    _ => "no text found on the page images".to_string(),
                });
            }
        }
    }
    let usable_pages = contents.iter().filter(|c| has_text(c)).count();
    if usable_pages == 0 {
        return Err(match unavailable.or(ocr_failure) {
            Some(why) => Error::Ocr(why),
            None => Error::NoTextLayer,
        });
    }
    if let Some(why) = &unavailable {
        doc.diagnostics.push(Diagnostic::warning(
            "ocr.unavailable",
            format!("pages that need OCR were read from their text layer: {why}"),
        ));
    }
    for (k, c) in contents.iter().enumerate() {
        let page_no = k as u32 + 1;
        if !has_text(c) && c.images > 0 && !replaced.contains(&page_no) {
            doc.diagnostics.push(
                Diagnostic::warning(
                    "pdf.page.no-text",
                    format!("page {page_no} has images but no text: a scan, OCR needed"),
                )
                .at(page_span(page_no)),
            );
        }
    }
    let garbled: Vec<u32> = garbled
        .into_iter()
        .filter(|p| !replaced.contains(p))
        .collect();
    if !garbled.is_empty() {
        doc.diagnostics.push(Diagnostic::warning(
            "pdf.text.garbled",
            format!(
                "the text layer of page(s) {} looks garbled (broken font encoding)",
                join_pages(&garbled)
            ),
        ));
    }
    let roles = layout::Roles::new(&laid.layouts);
    doc.blocks = layout::assemble(&laid.layouts, &roles);
    doc.notes = layout::attach_notes(&laid.layouts, &mut doc.blocks);
    if opts.keep_furniture {
        doc.furniture = laid.furniture;
    }
    doc.normalize();
    Ok(doc)
}

/// Does the page have enough letters or digits to be read as text?
fn has_text(content: &interp::PageContent) -> bool {
    // Only whether there are enough matters: stop counting there.
    content
        .glyphs
        .iter()
        .filter(|g| g.ch.is_alphanumeric())
        .take(MIN_PAGE_CHARS)
        .count()
        >= MIN_PAGE_CHARS
}

/// The pages laid out, their furniture set apart, and their text.
struct Laid {
    layouts: Vec<layout::PageLayout>,
    furniture: Vec<minutes_model::Block>,
    texts: Vec<String>,
}

fn lay_out(contents: &[interp::PageContent]) -> Laid {
    let mut scratch = layout::Scratch::default();
    let mut prepared: Vec<layout::Prepared> = contents
        .iter()
        .map(|c| layout::prepare_with(c, &mut scratch))
        .collect();
    let furniture = layout::split_furniture(&mut prepared);
    let layouts: Vec<layout::PageLayout> = prepared.into_iter().map(layout::finish).collect();
    let texts = layouts.iter().map(layout::page_text).collect();
    Laid {
        layouts,
        furniture,
        texts,
    }
}

/// The `ocr` warning: which pages were read by OCR, with the engine's mean
/// confidence per page, naming the doubtful ones.
fn ocr_warning(read: &[(u32, f32)]) -> Diagnostic {
    let per_page: Vec<String> = read
        .iter()
        .map(|(p, c)| format!("page {p}: {c:.0}"))
        .collect();
    let low: Vec<u32> = read
        .iter()
        .filter(|(_, c)| *c < LOW_OCR_CONFIDENCE)
        .map(|(p, _)| *p)
        .collect();
    let mut message = format!(
        "read by OCR (Tesseract), mean confidence {}",
        per_page.join(", ")
    );
    if !low.is_empty() {
        message.push_str(&format!(
            "; low confidence on page(s) {}: check the text",
            join_pages(&low)
        ));
    }
    Diagnostic::warning("ocr", message)
}

fn page_span(page: u32) -> Span {
    Span {
        page: Some(page),
        ..Span::default()
    }
}

fn join_pages(p: &[u32]) -> String {
    p.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")
}
