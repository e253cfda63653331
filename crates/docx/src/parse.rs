//! Stage one: WordprocessingML parts into types close to the format.
//!
//! What is dropped here is what Word does not show: deleted and moved-away
//! text, `mc:Fallback` copies, property-change history, field-free noise
//! (bookmarks, proof marks, comments' ranges). Wrappers that only group
//! content (`w:sdt`, `w:smartTag`, `w:customXml`, `w:ins`, `w:moveTo`) are
//! looked through. Fields stay as begin/instruction/separate/end markers so
//! that stage two can handle simple and complex fields alike, even across
//! paragraphs.

use crate::package::Rels;
use crate::styles::{NumRef, RProps, read_rpr};
use crate::xml::{Ev, Ns, Tag, XResult, Xml, XmlError};
use quick_xml::events::BytesStart;

/// How deep tables and text boxes may nest before we give up (a guard
/// against hostile input exhausting the stack).
pub(crate) const MAX_NESTING: u32 = 48;

/// Most table cells read from one part. Real minutes have hundreds; an
/// 851 KB package whose rows inflate to 250 MB made millions of them (5 GB
/// of model), so past this the part is refused, with its memory bounded.
pub(crate) const MAX_TABLE_CELLS: usize = 200_000;

#[derive(Debug)]
pub(crate) enum Item {
    Para(Para),
    Table(Table),
}

#[derive(Debug, Default)]
pub(crate) struct PProps {
    pub style: Option<String>,
    pub num: Option<NumRef>,
    pub outline: Option<u8>,
    pub page_break_before: bool,
    /// The paragraph ends section number n (0-based): its `w:pPr` holds
    /// that section's `w:sectPr`.
    pub section_end: Option<usize>,
}

#[derive(Debug, Default)]
pub(crate) struct Para {
    pub props: PProps,
    pub runs: Vec<Run>,
    /// 1-based ordinal of the `w:p` in its part.
    pub ordinal: u32,
    pub start: u64,
    pub end: u64,
}

#[derive(Debug, Default)]
pub(crate) struct Run {
    pub rpr: RProps,
    pub link: Option<String>,
    pub placeholder: bool,
    pub content: Vec<RunItem>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NoteKind {
    Footnote,
    Endnote,
}

#[derive(Debug)]
pub(crate) enum RunItem {
    Text(String),
    PageBreak,
    RenderedPageBreak,
    FieldBegin,
    FieldInstr(String),
    FieldSeparate,
    FieldEnd,
    NoteRef(NoteKind, String),
    /// `w:footnoteRef`: the number printed at the start of a note.
    NoteMark,
    TextBox(Vec<Item>),
}

#[derive(Debug, Default)]
pub(crate) struct Table {
    pub rows: Vec<TRow>,
    pub start: u64,
    pub end: u64,
}

#[derive(Debug, Default)]
pub(crate) struct TRow {
    pub header: bool,
    pub deleted: bool,
    pub grid_before: u32,
    pub cells: Vec<TCell>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Merge {
    Restart,
    Continue,
}

#[derive(Debug, Default)]
pub(crate) struct TCell {
    pub span: u32,
    pub vmerge: Option<Merge>,
    pub hmerge: Option<Merge>,
    pub items: Vec<Item>,
}

/// Errors of stage one.
#[derive(Debug)]
pub(crate) enum ParseError {
    Xml(XmlError),
    TooDeep,
    /// More than [`MAX_TABLE_CELLS`] table cells.
    TooManyCells,
    /// The part's root element is not WordprocessingML (its local name).
    WrongRoot(String),
}

impl From<XmlError> for ParseError {
    fn from(e: XmlError) -> Self {
        ParseError::Xml(e)
    }
}

type PResult<T> = Result<T, ParseError>;

pub(crate) struct Parser<'a, 'r> {
    x: Xml<'a>,
    rels: &'r Rels,
    links: Vec<Option<String>>,
    /// One flag per open `w:sdt`: showing its placeholder.
    sdt: Vec<bool>,
    /// How many of `sdt` are true (kept so a run's check is O(1)).
    placeholders: usize,
    /// One flag per open `mc:AlternateContent`: a Choice was taken.
    alt: Vec<bool>,
    nesting: u32,
    /// Table cells read so far (see [`MAX_TABLE_CELLS`]).
    cells: usize,
    ordinal: u32,
    /// `r:id`s of headers and footers, in section order.
    pub furniture_refs: Vec<String>,
    /// Hyperlink `r:id`s missing from the relationships.
    pub missing_rels: Vec<String>,
    pub images: u32,
    /// Alternative texts of drawings (`wp:docPr/@descr`), non-empty ones.
    pub alt_texts: Vec<String>,
    /// `w:altChunk`s (embedded HTML/RTF/docx) left unread.
    pub alt_chunks: u32,
    /// For each `w:sectPr` in order: does its section start on a new page?
    pub section_starts_page: Vec<bool>,
}

impl<'a, 'r> Parser<'a, 'r> {
    pub fn new(text: &'a str, rels: &'r Rels) -> Self {
        Parser {
            x: Xml::new(text),
            rels,
            links: Vec::new(),
            sdt: Vec::new(),
            placeholders: 0,
            alt: Vec::new(),
            nesting: 0,
            cells: 0,
            ordinal: 0,
            furniture_refs: Vec::new(),
            missing_rels: Vec::new(),
            images: 0,
            alt_texts: Vec::new(),
            alt_chunks: 0,
            section_starts_page: Vec::new(),
        }
    }

    fn placeholder(&self) -> bool {
        self.placeholders > 0
    }

    fn link(&self) -> Option<String> {
        self.links.iter().rev().flatten().next().cloned()
    }

    /// A whole story part (`w:document`, `w:hdr`, `w:ftr`): its blocks.
    pub fn story(&mut self) -> PResult<Vec<Item>> {
        let mut out = Vec::new();
        let mut root_seen = false;
        loop {
            match self.x.next()? {
                Ev::Start(Tag::Document | Tag::Body | Tag::Hdr | Tag::Ftr, _) => {
                    root_seen = true;
                    self.blocks(&mut out)?;
                }
                Ev::Start(_, e) => {
                    if !root_seen {
                        let name = e.name().as_ref().to_string();
                        return Err(ParseError::WrongRoot(name));
                    }
                    self.x.skip()?;
                }
                Ev::Eof => return Ok(out),
                _ => {}
            }
        }
    }

    /// `w:footnotes` / `w:endnotes`: (id, blocks) of each real note.
    pub fn notes(&mut self) -> PResult<Vec<(String, Vec<Item>)>> {
        let mut out = Vec::new();
        loop {
            match self.x.next()? {
                Ev::Start(Tag::Footnote | Tag::Endnote, e) => {
                    let id = self.x.attr(&e, Ns::W, "id").map(|v| v.into_owned());
                    let kind = self.x.attr(&e, Ns::W, "type");
                    // Separators are layout, not notes.
                    let real = kind.is_none() || kind.as_deref() == Some("normal");
                    match id {
                        Some(id) if real => {
                            let mut blocks = Vec::new();
                            self.blocks(&mut blocks)?;
                            out.push((id, blocks));
                        }
                        _ => self.x.skip()?,
                    }
                }
                Ev::Eof => return Ok(out),
                _ => {}
            }
        }
    }

    /// Block content until the end of the element whose Start was just read.
    fn blocks(&mut self, out: &mut Vec<Item>) -> PResult<()> {
        let mut depth = 0u32;
        loop {
            match self.x.next()? {
                Ev::Start(tag, _) => match tag {
                    Tag::P => {
                        let p = self.para()?;
                        out.push(Item::Para(p));
                    }
                    Tag::Tbl => {
                        let t = self.table()?;
                        out.push(Item::Table(t));
                    }
                    Tag::SectPr => self.sect_pr()?,
                    _ => {
                        if self.container_start(tag)? {
                            depth += 1;
                        }
                    }
                },
                Ev::End(tag) => {
                    if depth == 0 {
                        return Ok(());
                    }
                    depth -= 1;
                    self.container_end(tag);
                }
                Ev::Eof => return Err(self.x.unexpected_eof().into()),
                _ => {}
            }
        }
    }

    /// Elements that may wrap content at any level. Returns true when the
    /// element stays open (its children follow), false when it was consumed.
    fn container_start(&mut self, tag: Tag) -> PResult<bool> {
        match tag {
            Tag::Sdt => self.sdt.push(false),
            Tag::SdtPr => {
                self.sdt_pr()?;
                return Ok(false);
            }
            Tag::AlternateContent => self.alt.push(false),
            Tag::AltChunk => {
                self.alt_chunks += 1;
                self.x.skip()?;
                return Ok(false);
            }
            Tag::Choice => {
                // Take the first Choice only; the others say the same again.
                match self.alt.last_mut() {
                    Some(taken) if *taken => {
                        self.x.skip()?;
                        return Ok(false);
                    }
                    Some(taken) => *taken = true,
                    None => {}
                }
            }
            // Deleted or moved-away content and the fallback copy of a text
            // box are not shown; property and history records carry no text.
            Tag::Fallback
            | Tag::Del
            | Tag::MoveFrom
            | Tag::SdtEndPr
            | Tag::SmartTagPr
            | Tag::CustomXmlPr
            | Tag::PPr
            | Tag::RPr
            | Tag::TblPr
            | Tag::TblGrid
            | Tag::TrPr
            | Tag::TcPr
            | Tag::TblPrEx => {
                self.x.skip()?;
                return Ok(false);
            }
            _ => {}
        }
        Ok(true)
    }

    fn container_end(&mut self, tag: Tag) {
        if tag == Tag::Sdt && self.sdt.pop() == Some(true) {
            self.placeholders -= 1;
        } else if tag == Tag::AlternateContent {
            self.alt.pop();
        }
    }

    fn sdt_pr(&mut self) -> XResult<()> {
        let mut depth = 0u32;
        loop {
            match self.x.next()? {
                Ev::Start(tag, _) => {
                    if tag == Tag::ShowingPlcHdr
                        && let Some(top) = self.sdt.last_mut()
                        && !*top
                    {
                        *top = true;
                        self.placeholders += 1;
                    }
                    depth += 1;
                }
                Ev::End(_) => {
                    if depth == 0 {
                        return Ok(());
                    }
                    depth -= 1;
                }
                Ev::Eof => return Err(self.x.unexpected_eof()),
                _ => {}
            }
        }
    }

    /// A `w:sectPr`: header/footer references and whether the section
    /// starts on a new page (recorded in `section_breaks`).
    fn sect_pr(&mut self) -> XResult<()> {
        let mut depth = 0u32;
        // nextPage unless said otherwise.
        let mut new_page = true;
        loop {
            match self.x.next()? {
                Ev::Start(tag, e) => {
                    match tag {
                        Tag::HeaderReference | Tag::FooterReference => {
                            if let Some(id) = self.x.attr(&e, Ns::R, "id") {
                                self.furniture_refs.push(id.into_owned());
                            }
                        }
                        Tag::Type if depth == 0 => {
                            new_page = !matches!(
                                self.x.val(&e).as_deref(),
                                Some("continuous" | "nextColumn")
                            );
                        }
                        Tag::SectPrChange => {
                            self.x.skip()?;
                            continue;
                        }
                        _ => {}
                    }
                    depth += 1;
                }
                Ev::End(_) => {
                    if depth == 0 {
                        self.section_starts_page.push(new_page);
                        return Ok(());
                    }
                    depth -= 1;
                }
                Ev::Eof => return Err(self.x.unexpected_eof()),
                _ => {}
            }
        }
    }

    fn enter(&mut self) -> PResult<()> {
        self.nesting += 1;
        if self.nesting > MAX_NESTING {
            return Err(ParseError::TooDeep);
        }
        Ok(())
    }

    fn table(&mut self) -> PResult<Table> {
        self.enter()?;
        let mut t = Table {
            start: self.x.event_start(),
            ..Table::default()
        };
        let mut depth = 0u32;
        loop {
            match self.x.next()? {
                Ev::Start(tag, _) => match tag {
                    Tag::Tr => {
                        let row = self.row()?;
                        t.rows.push(row);
                    }
                    _ => {
                        if self.container_start(tag)? {
                            depth += 1;
                        }
                    }
                },
                Ev::End(tag) => {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                    self.container_end(tag);
                }
                Ev::Eof => return Err(self.x.unexpected_eof().into()),
                _ => {}
            }
        }
        t.end = self.x.position();
        self.nesting -= 1;
        Ok(t)
    }

    fn row(&mut self) -> PResult<TRow> {
        let mut row = TRow::default();
        let mut depth = 0u32;
        loop {
            match self.x.next()? {
                Ev::Start(tag, _) => match tag {
                    Tag::Tc => {
                        self.cells += 1;
                        if self.cells > MAX_TABLE_CELLS {
                            return Err(ParseError::TooManyCells);
                        }
                        let cell = self.cell()?;
                        row.cells.push(cell);
                    }
                    Tag::TrPr => self.tr_pr(&mut row)?,
                    _ => {
                        if self.container_start(tag)? {
                            depth += 1;
                        }
                    }
                },
                Ev::End(tag) => {
                    if depth == 0 {
                        return Ok(row);
                    }
                    depth -= 1;
                    self.container_end(tag);
                }
                Ev::Eof => return Err(self.x.unexpected_eof().into()),
                _ => {}
            }
        }
    }

    fn tr_pr(&mut self, row: &mut TRow) -> XResult<()> {
        let mut depth = 0u32;
        loop {
            match self.x.next()? {
                Ev::Start(tag, e) => {
                    match tag {
                        Tag::TblHeader => row.header = self.x.toggle(&e),
                        Tag::GridBefore => {
                            row.grid_before = self.x.val_num::<u32>(&e).unwrap_or(0).min(1000)
                        }
                        // A row deleted with tracked changes.
                        Tag::Del => row.deleted = true,
                        Tag::TrPrChange => {
                            self.x.skip()?;
                            continue;
                        }
                        _ => {}
                    }
                    depth += 1;
                }
                Ev::End(_) => {
                    if depth == 0 {
                        return Ok(());
                    }
                    depth -= 1;
                }
                Ev::Eof => return Err(self.x.unexpected_eof()),
                _ => {}
            }
        }
    }

    fn cell(&mut self) -> PResult<TCell> {
        let mut cell = TCell {
            span: 1,
            ..TCell::default()
        };
        let mut depth = 0u32;
        loop {
            match self.x.next()? {
                Ev::Start(tag, _) => match tag {
                    Tag::P => {
                        let p = self.para()?;
                        cell.items.push(Item::Para(p));
                    }
                    Tag::Tbl => {
                        let t = self.table()?;
                        cell.items.push(Item::Table(t));
                    }
                    Tag::TcPr => self.tc_pr(&mut cell)?,
                    _ => {
                        if self.container_start(tag)? {
                            depth += 1;
                        }
                    }
                },
                Ev::End(tag) => {
                    if depth == 0 {
                        return Ok(cell);
                    }
                    depth -= 1;
                    self.container_end(tag);
                }
                Ev::Eof => return Err(self.x.unexpected_eof().into()),
                _ => {}
            }
        }
    }

    fn tc_pr(&mut self, cell: &mut TCell) -> XResult<()> {
        let merge = |v: Option<&str>| match v {
            Some("restart") => Merge::Restart,
            _ => Merge::Continue,
        };
        let mut depth = 0u32;
        loop {
            match self.x.next()? {
                Ev::Start(tag, e) => {
                    match tag {
                        Tag::GridSpan => {
                            cell.span = self.x.val_num::<u32>(&e).unwrap_or(1).clamp(1, 1000)
                        }
                        Tag::VMerge => cell.vmerge = Some(merge(self.x.val(&e).as_deref())),
                        Tag::HMerge => cell.hmerge = Some(merge(self.x.val(&e).as_deref())),
                        Tag::TcPrChange => {
                            self.x.skip()?;
                            continue;
                        }
                        _ => {}
                    }
                    depth += 1;
                }
                Ev::End(_) => {
                    if depth == 0 {
                        return Ok(());
                    }
                    depth -= 1;
                }
                Ev::Eof => return Err(self.x.unexpected_eof()),
                _ => {}
            }
        }
    }

    fn p_pr(&mut self, props: &mut PProps) -> XResult<()> {
        let mut depth = 0u32;
        loop {
            match self.x.next()? {
                Ev::Start(tag, e) => {
                    match tag {
                        Tag::PStyle => props.style = self.x.val(&e).map(|v| v.into_owned()),
                        Tag::NumPr => {
                            props.num.get_or_insert_default();
                        }
                        Tag::Ilvl => {
                            props.num.get_or_insert_default().ilvl =
                                self.x.val_num::<u8>(&e).map(|l| l.min(8));
                        }
                        Tag::NumId => {
                            props.num.get_or_insert_default().num_id = self.x.val_num(&e);
                        }
                        Tag::OutlineLvl => props.outline = self.x.val_num(&e),
                        Tag::PageBreakBefore => props.page_break_before = self.x.toggle(&e),
                        Tag::SectPr => {
                            props.section_end = Some(self.section_starts_page.len());
                            self.sect_pr()?;
                            continue;
                        }
                        // The paragraph mark's formatting and change history
                        // say nothing about the text.
                        Tag::RPr | Tag::PPrChange | Tag::NumberingChange => {
                            self.x.skip()?;
                            continue;
                        }
                        _ => {}
                    }
                    depth += 1;
                }
                Ev::End(_) => {
                    if depth == 0 {
                        return Ok(());
                    }
                    depth -= 1;
                }
                Ev::Eof => return Err(self.x.unexpected_eof()),
                _ => {}
            }
        }
    }

    fn para(&mut self) -> PResult<Para> {
        self.ordinal += 1;
        let mut p = Para {
            ordinal: self.ordinal,
            start: self.x.event_start(),
            ..Para::default()
        };
        let mut depth = 0u32;
        loop {
            match self.x.next()? {
                Ev::Start(tag, e) => match tag {
                    Tag::PPr => self.p_pr(&mut p.props)?,
                    Tag::R => {
                        let run = self.run(&mut p.runs)?;
                        p.runs.push(run);
                    }
                    Tag::Hyperlink => {
                        let link = self.hyperlink_target(&e);
                        self.links.push(Some(link));
                        depth += 1;
                    }
                    Tag::FldSimple => {
                        // Unrolled into the markers a complex field has.
                        let instr = self
                            .x
                            .attr(&e, Ns::W, "instr")
                            .map(|v| v.into_owned())
                            .unwrap_or_default();
                        p.runs.push(Run {
                            content: vec![
                                RunItem::FieldBegin,
                                RunItem::FieldInstr(instr),
                                RunItem::FieldSeparate,
                            ],
                            ..Run::default()
                        });
                        depth += 1;
                    }
                    // Ruby annotation text is small print above the base text.
                    Tag::Rt => self.x.skip()?,
                    Tag::P => {
                        // A paragraph inside a paragraph is not valid; read it
                        // as following content rather than lose it.
                        self.enter()?;
                        let inner = self.para()?;
                        self.nesting -= 1;
                        p.runs.extend(inner.runs);
                    }
                    _ => {
                        if self.container_start(tag)? {
                            depth += 1;
                        }
                    }
                },
                Ev::End(tag) => {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                    match tag {
                        Tag::Hyperlink => {
                            self.links.pop();
                        }
                        Tag::FldSimple => p.runs.push(Run {
                            content: vec![RunItem::FieldEnd],
                            ..Run::default()
                        }),
                        _ => self.container_end(tag),
                    }
                }
                Ev::Eof => return Err(self.x.unexpected_eof().into()),
                _ => {}
            }
        }
        p.end = self.x.position();
        Ok(p)
    }

    fn hyperlink_target(&mut self, e: &BytesStart<'_>) -> String {
        let mut target = String::new();
        if let Some(id) = self.x.attr(e, Ns::R, "id") {
            match self.rels.get(id.as_ref()) {
                Some(rel) => target.push_str(&rel.target),
                None => self.missing_rels.push(id.into_owned()),
            }
        }
        if let Some(anchor) = self.x.attr(e, Ns::W, "anchor") {
            target.push('#');
            target.push_str(&anchor);
        }
        if target.is_empty() {
            target.push('#');
        }
        target
    }

    /// A `w:r`. Runs nested in it (ruby base) are flattened into `siblings`.
    fn run(&mut self, siblings: &mut Vec<Run>) -> PResult<Run> {
        let mut run = Run {
            link: self.link(),
            placeholder: self.placeholder(),
            ..Run::default()
        };
        let mut depth = 0u32;
        loop {
            match self.x.next()? {
                Ev::Start(tag, e) => {
                    match tag {
                        Tag::RPr => {
                            read_rpr(&mut self.x, &mut run.rpr)?;
                            continue;
                        }
                        Tag::T => {
                            self.text(&mut run)?;
                            continue;
                        }
                        Tag::InstrText => {
                            let mut instr = String::new();
                            self.collect_text(&mut instr)?;
                            run.content.push(RunItem::FieldInstr(instr));
                            continue;
                        }
                        Tag::Tab | Tag::PTab => push_text(&mut run, "\t"),
                        Tag::Br => match self.x.attr(&e, Ns::W, "type").as_deref() {
                            Some("page") => run.content.push(RunItem::PageBreak),
                            _ => push_text(&mut run, "\n"),
                        },
                        Tag::Cr => push_text(&mut run, "\n"),
                        // A non-breaking hyphen prints as a hyphen; "-" keeps
                        // words like "ST-tjänster" searchable.
                        Tag::NoBreakHyphen => push_text(&mut run, "-"),
                        Tag::SoftHyphen => {}
                        Tag::Sym => {
                            let symbol_font = self
                                .x
                                .attr(&e, Ns::W, "font")
                                .is_some_and(|f| f.eq_ignore_ascii_case("Symbol"));
                            let c = self
                                .x
                                .attr(&e, Ns::W, "char")
                                .and_then(|c| u32::from_str_radix(c.trim(), 16).ok())
                                // Symbol font codes may be written without the F0 page.
                                .map(|c| {
                                    if symbol_font && c < 0x100 {
                                        c | 0xF000
                                    } else {
                                        c
                                    }
                                })
                                .and_then(char::from_u32);
                            if let Some(c) = c {
                                let mut buf = [0u8; 4];
                                let s = crate::numbering::symbol_char(c)
                                    .unwrap_or_else(|| c.encode_utf8(&mut buf));
                                push_text(&mut run, s);
                            }
                        }
                        Tag::FldChar => {
                            match self.x.attr(&e, Ns::W, "fldCharType").as_deref() {
                                Some("begin") => run.content.push(RunItem::FieldBegin),
                                Some("separate") => run.content.push(RunItem::FieldSeparate),
                                Some("end") => run.content.push(RunItem::FieldEnd),
                                _ => {}
                            }
                            // Form field data inside carries no shown text.
                            self.x.skip()?;
                            continue;
                        }
                        Tag::FootnoteReference | Tag::EndnoteReference => {
                            let kind = if tag == Tag::FootnoteReference {
                                NoteKind::Footnote
                            } else {
                                NoteKind::Endnote
                            };
                            if let Some(id) = self.x.attr(&e, Ns::W, "id") {
                                run.content.push(RunItem::NoteRef(kind, id.into_owned()));
                            }
                        }
                        Tag::FootnoteRef | Tag::EndnoteRef => run.content.push(RunItem::NoteMark),
                        Tag::LastRenderedPageBreak => run.content.push(RunItem::RenderedPageBreak),
                        Tag::TxbxContent => {
                            self.enter()?;
                            let mut items = Vec::new();
                            self.blocks(&mut items)?;
                            self.nesting -= 1;
                            run.content.push(RunItem::TextBox(items));
                            continue;
                        }
                        Tag::Picture => self.images += 1,
                        Tag::DocPr => {
                            if let Some(alt) = self.x.attr(&e, Ns::None, "descr")
                                && !alt.trim().is_empty()
                            {
                                self.alt_texts.push(alt.trim().to_string());
                            }
                        }
                        Tag::DelText | Tag::DelInstrText | Tag::Rt => {
                            self.x.skip()?;
                            continue;
                        }
                        Tag::R => {
                            // Ruby base: a run inside a run.
                            self.enter()?;
                            let inner = self.run(siblings)?;
                            self.nesting -= 1;
                            let rest = Run {
                                rpr: run.rpr.clone(),
                                link: run.link.clone(),
                                placeholder: run.placeholder,
                                content: Vec::new(),
                            };
                            siblings.push(std::mem::replace(&mut run, rest));
                            siblings.push(inner);
                            continue;
                        }
                        _ => {
                            if !self.container_start(tag)? {
                                continue;
                            }
                        }
                    }
                    depth += 1;
                }
                Ev::End(tag) => {
                    if depth == 0 {
                        return Ok(run);
                    }
                    depth -= 1;
                    self.container_end(tag);
                }
                Ev::Eof => return Err(self.x.unexpected_eof().into()),
                _ => {}
            }
        }
    }

    /// The content of a `w:t` into the run, appended to its last text.
    fn text(&mut self, run: &mut Run) -> XResult<()> {
        if !matches!(run.content.last(), Some(RunItem::Text(_))) {
            run.content.push(RunItem::Text(String::new()));
        }
        if let Some(RunItem::Text(s)) = run.content.last_mut() {
            self.collect_text(s)?;
        }
        Ok(())
    }

    /// Character data up to the end of the current element.
    fn collect_text(&mut self, out: &mut String) -> XResult<()> {
        loop {
            match self.x.next()? {
                Ev::Text(t) => out.push_str(&t),
                Ev::Ref(r) => out.push_str(&r),
                Ev::Start(..) => self.x.skip()?,
                Ev::End(_) => return Ok(()),
                Ev::Eof => return Err(self.x.unexpected_eof()),
            }
        }
    }
}

fn push_text(run: &mut Run, s: &str) {
    match run.content.last_mut() {
        Some(RunItem::Text(t)) => t.push_str(s),
        _ => run.content.push(RunItem::Text(s.to_string())),
    }
}
