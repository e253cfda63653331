//! The intermediate document model of `minutes`.
//!
//! Every format reader (text, DOCX, PDF) turns its input into a [`Document`]: a
//! list of [`Block`]s — paragraphs of styled [`Run`]s, lists, tables and page
//! breaks — each with a [`Span`] saying where it stands in the source. The
//! structure finder and the rules only ever see this model, so they never know
//! which format a document came from (the idea of pandoc's AST).
//!
//! Readers state format quirks as neutral facts: a struck-through name is a run
//! with [`Style::STRIKE`], a Word template placeholder is [`Style::PLACEHOLDER`],
//! a hyperlink is [`Run::link`], a page header is in [`Document::furniture`].
//!
//! ```
//! use minutes_model::{Block, Paragraph, Role, Span, Style};
//! let mut p = Paragraph::new(Role::Body);
//! p.push("Beslut", Style::BOLD, None);
//! p.push(": godkänns", Style::NONE, None);
//! let block = Block::paragraph(p, Span::default());
//! assert_eq!(block.plain_text(), "Beslut: godkänns");
//! ```
#![deny(missing_docs)]

pub mod fields;
pub mod list_labels;

use serde::{Deserialize, Serialize};
use std::fmt;
use unicode_normalization::UnicodeNormalization;

/// The formats `minutes` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text or markdown (`.txt`, `.md`).
    Txt,
    /// Office Open XML word processing (`.docx`).
    Docx,
    /// Portable Document Format.
    Pdf,
    /// Word 97-2003 binary document (`.doc`).
    Doc,
    /// OpenDocument text (`.odt`, flat `.fodt`).
    Odt,
    /// Rich Text Format (`.rtf`).
    Rtf,
    /// An HTML page (`.html`, `.htm`).
    Html,
    /// Emacs org-mode (`.org`).
    Org,
    /// LaTeX source (`.tex`).
    Tex,
}

impl Format {
    /// Every format, in declaration order.
    pub const ALL: [Format; 9] = [
        Format::Txt,
        Format::Docx,
        Format::Pdf,
        Format::Doc,
        Format::Odt,
        Format::Rtf,
        Format::Html,
        Format::Org,
        Format::Tex,
    ];

    /// The name used in the JSON output and the run report.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
            Format::Doc => "doc",
            Format::Odt => "odt",
            Format::Rtf => "rtf",
            Format::Html => "html",
            Format::Org => "org",
            Format::Tex => "tex",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Facts about the source file. Readers fill `format` and `pages`; the
/// pipeline fills the rest (readers do no I/O and know no paths).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceMeta {
    /// Path as given to the tool (relative to the input root in batch runs).
    pub path: String,
    /// The format the document was read as.
    pub format: Option<Format>,
    /// Hex SHA-256 of the file's bytes.
    pub sha256: String,
    /// Size of the file in bytes.
    pub bytes: u64,
    /// Number of pages, when the format knows pages.
    pub pages: Option<u32>,
}

/// Limits and switches shared by all readers. A limit that is exceeded gives
/// an error, never unbounded memory or time.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadOptions {
    /// Largest total inflated size of the parts read from a zip package (DOCX).
    pub max_inflated_bytes: u64,
    /// Largest number of pages read from a PDF.
    pub max_pages: u32,
    /// Largest number of objects in a PDF.
    pub max_objects: u32,
    /// Keep page headers and footers in [`Document::furniture`].
    pub keep_furniture: bool,
    /// Which pages of a PDF are read by OCR.
    pub ocr: OcrMode,
}

/// Which PDF pages are read by OCR (`--ocr`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OcrMode {
    /// Pages without usable text: no text layer, or a page scan whose text
    /// layer decodes to garbage (which confident OCR then replaces).
    #[default]
    Auto,
    /// Every page, whatever its text layer.
    Always,
    /// None: a scan without a text layer is an error.
    Never,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_inflated_bytes: 256 * 1024 * 1024,
            max_pages: 2_000,
            max_objects: 2_000_000,
            keep_furniture: true,
            ocr: OcrMode::Auto,
        }
    }
}

/// A document as read from one file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Where the document came from.
    pub source: SourceMeta,
    /// The body, in reading order.
    pub blocks: Vec<Block>,
    /// Running headers and footers, page numbers, signature lines: set apart
    /// from the body because they carry no agenda items.
    pub furniture: Vec<Block>,
    /// Footnotes and endnotes, referenced from runs by [`Run::note`].
    pub notes: Vec<Note>,
    /// What the reader could not make sense of, but read past.
    pub diagnostics: Vec<Diagnostic>,
}

/// A footnote or endnote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    /// The identifier runs refer to.
    pub id: String,
    /// The note's content.
    pub blocks: Vec<Block>,
}

/// One block of the document with its position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Where it stands in the source.
    pub span: Span,
}

/// The kinds of block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BlockKind {
    /// A paragraph of runs. Hard line breaks inside it are `'\n'` in run text.
    Paragraph(Paragraph),
    /// A bulleted or numbered list.
    List(List),
    /// A table.
    Table(Table),
    /// A page (or section) break in the flow.
    PageBreak,
}

/// A paragraph: styled runs with a role and, for numbered paragraphs whose
/// number is not part of the text (Word numbering), the printed label.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Body text or a heading.
    pub role: Role,
    /// The number as printed ("3.", "8.1", "a)") when it comes from automatic
    /// numbering rather than from the text itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The text, in runs of uniform style.
    pub runs: Vec<Run>,
}

/// The role of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Ordinary text.
    Body,
    /// A heading of the given level (1 is the highest).
    Heading(u8),
    /// The document title.
    Title,
}

/// A list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct List {
    /// Numbered (true) or bulleted.
    pub ordered: bool,
    /// The entries, in order; nesting is given by [`ListItem::level`].
    pub items: Vec<ListItem>,
}

/// Blocks as a reader emits them, each with its bullet level when it is a
/// bullet paragraph. [`BulletBlocks::finish`] gathers consecutive bullet
/// paragraphs into one [`List`] and drops blank ones: the Word, Word 97 and
/// OpenDocument readers share it.
#[derive(Debug, Clone, Default)]
pub struct BulletBlocks {
    blocks: Vec<Block>,
    bullet: Vec<Option<u8>>,
}

impl BulletBlocks {
    /// Add a block; `bullet` is its level when it is a bullet paragraph.
    /// A paragraph whose writer typed the bullet ("- Licensen är …") is a
    /// bullet paragraph too, as the text reader reads it.
    pub fn push(&mut self, mut block: Block, bullet: Option<u8>) {
        let bullet = bullet.or_else(|| typed_bullet(&mut block));
        self.blocks.push(block);
        self.bullet.push(bullet);
    }

    /// Nothing pushed yet.
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    /// The blocks with their bullet levels, as pushed.
    pub fn into_parts(self) -> impl Iterator<Item = (Block, Option<u8>)> {
        self.blocks.into_iter().zip(self.bullet)
    }

    /// Consecutive bullet paragraphs become one list; blank ones are dropped.
    pub fn finish(self) -> Vec<Block> {
        let mut out: Vec<Block> = Vec::with_capacity(self.blocks.len());
        let mut list: Option<(List, Span)> = None;
        for (mut block, bullet) in self.blocks.into_iter().zip(self.bullet) {
            match (bullet, &mut block.kind) {
                (Some(level), BlockKind::Paragraph(p)) => {
                    if p.is_blank() {
                        continue;
                    }
                    let label = p.label.take();
                    let span = block.span;
                    let item = ListItem {
                        label,
                        level,
                        blocks: vec![block],
                    };
                    match list.as_mut() {
                        Some((l, s)) => {
                            l.items.push(item);
                            *s = s.cover(span);
                        }
                        None => {
                            list = Some((
                                List {
                                    ordered: false,
                                    items: vec![item],
                                },
                                span,
                            ))
                        }
                    }
                }
                _ => {
                    if let Some((l, span)) = list.take() {
                        out.push(Block {
                            kind: BlockKind::List(l),
                            span,
                        });
                    }
                    out.push(block);
                }
            }
        }
        if let Some((l, span)) = list.take() {
            out.push(Block {
                kind: BlockKind::List(l),
                span,
            });
        }
        out
    }
}

/// "- Licensen är 3 vuxna": a body paragraph that opens with a typed bullet
/// and a space. The bullet becomes the paragraph's label and its level 0.
fn typed_bullet(block: &mut Block) -> Option<u8> {
    let BlockKind::Paragraph(p) = &mut block.kind else {
        return None;
    };
    if p.role != Role::Body || p.label.is_some() {
        return None;
    }
    let first = p.runs.first_mut()?;
    let text = first.text.trim_start();
    let marker = ["- ", "– ", "• ", "* ", "· "]
        .iter()
        .find(|m| text.starts_with(**m))?;
    let rest = text[marker.len()..].trim_start().to_string();
    if rest.is_empty() {
        return None;
    }
    first.text = rest;
    p.label = Some(marker.trim().to_string());
    Some(0)
}

/// One entry of a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListItem {
    /// The label as printed ("•", "1.", "a)"), when known.
    pub label: Option<String>,
    /// Nesting level, 0 at the top.
    pub level: u8,
    /// The entry's content.
    pub blocks: Vec<Block>,
}

/// A table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// The rows, in order. A row that ran across a page break is one row.
    pub rows: Vec<Row>,
}

/// A table row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// The cells, left to right; merged cells appear once.
    pub cells: Vec<Cell>,
    /// A header row (repeated on each page in the source).
    pub header: bool,
}

/// A table cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    /// The cell's content.
    pub blocks: Vec<Block>,
    /// Number of grid columns the cell spans.
    pub col_span: u32,
    /// Number of rows the cell spans (vertical merge).
    pub row_span: u32,
}

impl Cell {
    /// A one-by-one cell.
    pub fn new(blocks: Vec<Block>) -> Self {
        Cell {
            blocks,
            col_span: 1,
            row_span: 1,
        }
    }

    /// The cell's text, blocks separated by newlines.
    pub fn plain_text(&self) -> String {
        join_blocks(&self.blocks)
    }
}

/// A stretch of text with one style and link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Run {
    /// The text (NFC). `'\n'` is a hard line break, `'\t'` a tab.
    pub text: String,
    /// Character formatting.
    pub style: Style,
    /// Target of a hyperlink around the run ("#" when the source had a link
    /// without a usable target).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// A footnote reference: the [`Note::id`] the run points to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Character formatting as a set of flags.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Style(u16);

impl Style {
    /// No formatting.
    pub const NONE: Style = Style(0);
    /// Bold.
    pub const BOLD: Style = Style(1);
    /// Italic.
    pub const ITALIC: Style = Style(1 << 1);
    /// Underlined.
    pub const UNDERLINE: Style = Style(1 << 2);
    /// Struck through (single or double).
    pub const STRIKE: Style = Style(1 << 3);
    /// Superscript.
    pub const SUPERSCRIPT: Style = Style(1 << 4);
    /// Subscript.
    pub const SUBSCRIPT: Style = Style(1 << 5);
    /// Template placeholder text that was never filled in.
    pub const PLACEHOLDER: Style = Style(1 << 6);

    const NAMES: [(Style, &'static str); 7] = [
        (Style::BOLD, "bold"),
        (Style::ITALIC, "italic"),
        (Style::UNDERLINE, "underline"),
        (Style::STRIKE, "strike"),
        (Style::SUPERSCRIPT, "superscript"),
        (Style::SUBSCRIPT, "subscript"),
        (Style::PLACEHOLDER, "placeholder"),
    ];

    /// True when every flag of `other` is set.
    pub fn contains(self, other: Style) -> bool {
        self.0 & other.0 == other.0
    }

    /// The union of two styles.
    pub fn with(self, other: Style) -> Style {
        Style(self.0 | other.0)
    }

    /// This style without the flags of `other`.
    pub fn without(self, other: Style) -> Style {
        Style(self.0 & !other.0)
    }

    /// Set or clear the flags of `other`.
    pub fn set(&mut self, other: Style, on: bool) {
        *self = if on {
            self.with(other)
        } else {
            self.without(other)
        };
    }

    /// True when no flag is set.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The flag names, for dumps and JSON.
    pub fn names(self) -> Vec<&'static str> {
        Style::NAMES
            .iter()
            .filter(|(s, _)| self.contains(*s))
            .map(|(_, n)| *n)
            .collect()
    }
}

impl std::ops::BitOr for Style {
    type Output = Style;
    fn bitor(self, rhs: Style) -> Style {
        self.with(rhs)
    }
}

impl Serialize for Style {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.names().serialize(s)
    }
}

impl<'de> Deserialize<'de> for Style {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let names = Vec::<String>::deserialize(d)?;
        let mut style = Style::NONE;
        for n in names {
            match Style::NAMES.iter().find(|(_, name)| *name == n) {
                Some((s, _)) => style = style.with(*s),
                None => return Err(serde::de::Error::custom(format!("unknown style {n:?}"))),
            }
        }
        Ok(style)
    }
}

/// Where a block stands in the source. Later stages treat it as opaque, use
/// it for document order and `page`, and print it for people.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Span {
    /// 1-based page, when the format knows pages (PDF; DOCX after an explicit
    /// page break).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// 1-based line in a text file; paragraph ordinal in a DOCX part; line on
    /// the page in a PDF.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// Byte offset where the block starts in the source (text files) or in the
    /// XML part (DOCX).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<u64>,
    /// Byte offset just past the block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<u64>,
    /// Bounding box on the page in PDF points: x0, y0, x1, y1 (y grows down).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bbox: Option<[f32; 4]>,
}

impl Span {
    /// A span covering both `self` and `other` (same page or the first).
    pub fn cover(self, other: Span) -> Span {
        Span {
            page: self.page.or(other.page),
            line: match (self.line, other.line) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            },
            start: match (self.start, other.start) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            },
            end: match (self.end, other.end) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            },
            bbox: self.bbox.or(other.bbox),
        }
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(p) = self.page {
            parts.push(format!("page {p}"));
        }
        if let Some(l) = self.line {
            parts.push(format!("line {l}"));
        }
        if let (Some(s), Some(e)) = (self.start, self.end) {
            parts.push(format!("bytes {s}..{e}"));
        }
        if parts.is_empty() {
            f.write_str("?")
        } else {
            f.write_str(&parts.join(", "))
        }
    }
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Worth knowing; the output is complete.
    Info,
    /// Something was skipped or guessed; the output may be incomplete.
    Warning,
}

/// Something a stage could not make sense of but read past.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Stable machine-readable code, e.g. `"text.encoding.windows-1252"`.
    pub code: String,
    /// How serious it is.
    pub level: Level,
    /// A sentence for people.
    pub message: String,
    /// Where, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

impl Diagnostic {
    /// A warning without position.
    pub fn warning(code: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            code: code.into(),
            level: Level::Warning,
            message: message.into(),
            span: None,
        }
    }

    /// The same diagnostic with a position.
    pub fn at(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }
}

impl Paragraph {
    /// An empty paragraph with a role.
    pub fn new(role: Role) -> Self {
        Paragraph {
            role,
            label: None,
            runs: Vec::new(),
        }
    }

    /// Append text; merged into the last run when style and link agree, and
    /// dropped when empty. This keeps the invariant "no empty runs, no two
    /// adjacent runs alike" that golden tests and the structure finder rely on.
    pub fn push(&mut self, text: &str, style: Style, link: Option<&str>) {
        if text.is_empty() {
            return;
        }
        if let Some(last) = self.runs.last_mut()
            && last.style == style
            && last.link.as_deref() == link
            && last.note.is_none()
        {
            last.text.push_str(text);
            return;
        }
        self.runs.push(Run {
            text: text.to_string(),
            style,
            link: link.map(str::to_string),
            note: None,
        });
    }

    /// The paragraph's text without its label.
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }

    /// True when there is no visible text.
    pub fn is_blank(&self) -> bool {
        self.runs.iter().all(|r| r.text.trim().is_empty())
    }
}

impl Block {
    /// A paragraph block.
    pub fn paragraph(p: Paragraph, span: Span) -> Self {
        Block {
            kind: BlockKind::Paragraph(p),
            span,
        }
    }

    /// The block's text: a paragraph's text (with its label), list entries and
    /// table cells on lines of their own, cells separated by tabs.
    pub fn plain_text(&self) -> String {
        match &self.kind {
            BlockKind::Paragraph(p) => match &p.label {
                Some(l) => format!("{l} {}", p.text()),
                None => p.text(),
            },
            BlockKind::List(l) => l
                .items
                .iter()
                .map(|i| {
                    let body = join_blocks(&i.blocks);
                    match &i.label {
                        Some(lab) => format!("{lab} {body}"),
                        None => body,
                    }
                })
                .collect::<Vec<_>>()
                .join("\n"),
            BlockKind::Table(t) => t
                .rows
                .iter()
                .map(|r| {
                    r.cells
                        .iter()
                        .map(|c| c.plain_text().replace('\n', " "))
                        .collect::<Vec<_>>()
                        .join("\t")
                })
                .collect::<Vec<_>>()
                .join("\n"),
            BlockKind::PageBreak => String::new(),
        }
    }

    /// Every paragraph in this block, depth first (list entries and cells
    /// included), in reading order.
    pub fn paragraphs(&self) -> Vec<&Paragraph> {
        let mut out = Vec::new();
        collect_paragraphs(std::slice::from_ref(self), &mut out);
        out
    }
}

fn collect_paragraphs<'a>(blocks: &'a [Block], out: &mut Vec<&'a Paragraph>) {
    for b in blocks {
        match &b.kind {
            BlockKind::Paragraph(p) => out.push(p),
            BlockKind::List(l) => {
                for i in &l.items {
                    collect_paragraphs(&i.blocks, out);
                }
            }
            BlockKind::Table(t) => {
                for r in &t.rows {
                    for c in &r.cells {
                        collect_paragraphs(&c.blocks, out);
                    }
                }
            }
            BlockKind::PageBreak => {}
        }
    }
}

fn join_blocks(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(Block::plain_text)
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

impl Document {
    /// The whole body as text, a block per line group: for golden tests and
    /// quick looks.
    pub fn plain_text(&self) -> String {
        join_blocks(&self.blocks)
    }

    /// Bring the document to the model's invariants, whatever the reader did:
    /// text in NFC, no empty runs, adjacent alike runs merged, no paragraphs
    /// without text outside table cells (an empty cell keeps its place).
    pub fn normalize(&mut self) {
        normalize_blocks(&mut self.blocks, false);
        normalize_blocks(&mut self.furniture, false);
        for n in &mut self.notes {
            normalize_blocks(&mut n.blocks, false);
        }
    }

    /// A readable dump of the model for golden tests: one line per paragraph
    /// with its role and styled runs, lists and tables indented.
    pub fn dump(&self) -> String {
        let mut out = String::new();
        dump_blocks(&self.blocks, 0, &mut out);
        if !self.furniture.is_empty() {
            out.push_str("--- furniture\n");
            dump_blocks(&self.furniture, 0, &mut out);
        }
        for n in &self.notes {
            out.push_str(&format!("--- note {}\n", n.id));
            dump_blocks(&n.blocks, 1, &mut out);
        }
        out
    }
}

fn normalize_blocks(blocks: &mut Vec<Block>, in_cell: bool) {
    for b in blocks.iter_mut() {
        match &mut b.kind {
            BlockKind::Paragraph(p) => {
                let runs = std::mem::take(&mut p.runs);
                for r in runs {
                    // Most text is already NFC: check before rebuilding it.
                    let text: String = if unicode_normalization::is_nfc_quick(r.text.chars())
                        == unicode_normalization::IsNormalized::Yes
                    {
                        r.text
                    } else {
                        r.text.nfc().collect()
                    };
                    if text.is_empty() {
                        continue;
                    }
                    if r.note.is_some() {
                        p.runs.push(Run { text, ..r });
                    } else {
                        p.push(&text, r.style, r.link.as_deref());
                    }
                }
            }
            BlockKind::List(l) => {
                for i in &mut l.items {
                    normalize_blocks(&mut i.blocks, true);
                }
            }
            BlockKind::Table(t) => {
                for r in &mut t.rows {
                    for c in &mut r.cells {
                        normalize_blocks(&mut c.blocks, true);
                    }
                }
            }
            BlockKind::PageBreak => {}
        }
    }
    if !in_cell {
        blocks.retain(|b| match &b.kind {
            BlockKind::Paragraph(p) => !p.runs.is_empty() || p.label.is_some(),
            _ => true,
        });
    }
}

fn dump_blocks(blocks: &[Block], depth: usize, out: &mut String) {
    let pad = "  ".repeat(depth);
    for b in blocks {
        match &b.kind {
            BlockKind::Paragraph(p) => {
                let role = match p.role {
                    Role::Body => "p".to_string(),
                    Role::Heading(l) => format!("h{l}"),
                    Role::Title => "title".to_string(),
                };
                out.push_str(&format!("{pad}{role}"));
                if let Some(l) = &p.label {
                    out.push_str(&format!(" [{l}]"));
                }
                out.push(':');
                for r in &p.runs {
                    let mut marks = r.style.names().join(",");
                    if let Some(link) = &r.link {
                        if !marks.is_empty() {
                            marks.push(',');
                        }
                        marks.push_str(&format!("link={link}"));
                    }
                    if let Some(n) = &r.note {
                        if !marks.is_empty() {
                            marks.push(',');
                        }
                        marks.push_str(&format!("note={n}"));
                    }
                    let text = r.text.replace('\n', "⏎").replace('\t', "⇥");
                    if marks.is_empty() {
                        out.push_str(&format!(" «{text}»"));
                    } else {
                        out.push_str(&format!(" «{text}»{{{marks}}}"));
                    }
                }
                out.push('\n');
            }
            BlockKind::List(l) => {
                out.push_str(&format!(
                    "{pad}list{}\n",
                    if l.ordered { " ordered" } else { "" }
                ));
                for i in &l.items {
                    out.push_str(&format!(
                        "{pad}  - level {} {}\n",
                        i.level,
                        i.label.as_deref().unwrap_or("")
                    ));
                    dump_blocks(&i.blocks, depth + 2, out);
                }
            }
            BlockKind::Table(t) => {
                out.push_str(&format!("{pad}table\n"));
                for (ri, r) in t.rows.iter().enumerate() {
                    out.push_str(&format!(
                        "{pad}  row {ri}{}\n",
                        if r.header { " header" } else { "" }
                    ));
                    for (ci, c) in r.cells.iter().enumerate() {
                        let spans = if c.col_span > 1 || c.row_span > 1 {
                            format!(" span {}x{}", c.col_span, c.row_span)
                        } else {
                            String::new()
                        };
                        out.push_str(&format!("{pad}    cell {ci}{spans}\n"));
                        dump_blocks(&c.blocks, depth + 3, out);
                    }
                }
            }
            BlockKind::PageBreak => out.push_str(&format!("{pad}page-break\n")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_bullet_makes_a_list_entry() {
        let para = |t: &str| {
            let mut p = Paragraph::new(Role::Body);
            p.push(t, Style::NONE, None);
            Block::paragraph(p, Span::default())
        };
        let mut out = BulletBlocks::default();
        out.push(para("Tilldelning älg 2025"), None);
        out.push(para("- Licensen är 3 vuxna."), None);
        out.push(para("– Samma som i fjol."), None);
        out.push(para("-5 grader"), None);
        let blocks = out.finish();
        assert_eq!(blocks.len(), 3);
        let BlockKind::List(l) = &blocks[1].kind else {
            panic!("a list: {:?}", blocks[1]);
        };
        let entries: Vec<(Option<&str>, String)> = l
            .items
            .iter()
            .map(|i| (i.label.as_deref(), i.blocks[0].paragraphs()[0].text()))
            .collect();
        assert_eq!(
            entries,
            [
                (Some("-"), "Licensen är 3 vuxna.".to_string()),
                (Some("–"), "Samma som i fjol.".to_string())
            ]
        );
    }

    #[test]
    fn push_merges_alike_runs_and_drops_empty() {
        let mut p = Paragraph::new(Role::Body);
        p.push("Bes", Style::BOLD, None);
        p.push("", Style::NONE, None);
        p.push("lut", Style::BOLD, None);
        p.push(" text", Style::NONE, None);
        assert_eq!(p.runs.len(), 2);
        assert_eq!(p.runs[0].text, "Beslut");
    }

    #[test]
    fn normalize_gives_nfc_and_drops_empty_paragraphs() {
        let mut p = Paragraph::new(Role::Body);
        p.runs.push(Run {
            text: "Mo\u{0308}te".into(),
            style: Style::NONE,
            link: None,
            note: None,
        });
        let mut doc = Document {
            blocks: vec![
                Block::paragraph(p, Span::default()),
                Block::paragraph(Paragraph::new(Role::Body), Span::default()),
            ],
            ..Default::default()
        };
        doc.normalize();
        assert_eq!(doc.blocks.len(), 1);
        assert_eq!(doc.plain_text(), "Möte");
    }

    #[test]
    fn format_names_are_their_json_names() {
        for f in Format::ALL {
            let j = serde_json::to_string(&f).unwrap();
            assert_eq!(j, format!("\"{}\"", f.as_str()));
            assert_eq!(serde_json::from_str::<Format>(&j).unwrap(), f);
        }
    }

    #[test]
    fn style_round_trips_through_json() {
        let s = Style::BOLD | Style::STRIKE;
        let j = serde_json::to_string(&s).unwrap();
        assert_eq!(j, r#"["bold","strike"]"#);
        let back: Style = serde_json::from_str(&j).unwrap();
        assert_eq!(back, s);
        assert!(serde_json::from_str::<Style>(r#"["blink"]"#).is_err());
    }

    #[test]
    fn table_text_separates_cells_by_tabs() {
        let cell = |t: &str| {
            let mut p = Paragraph::new(Role::Body);
            p.push(t, Style::NONE, None);
            Cell::new(vec![Block::paragraph(p, Span::default())])
        };
        let t = Block {
            kind: BlockKind::Table(Table {
                rows: vec![Row {
                    cells: vec![cell("1."), cell("Inledning")],
                    header: false,
                }],
            }),
            span: Span::default(),
        };
        assert_eq!(t.plain_text(), "1.\tInledning");
        assert_eq!(t.paragraphs().len(), 2);
    }
}
