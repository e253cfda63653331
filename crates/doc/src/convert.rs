//! From characters and their properties to the model: paragraphs split at
//! paragraph and cell marks, runs of one style, fields, note references,
//! list labels and tables.

use crate::lists::Lists;
use crate::props::{Chp, FormatRun, Merge, Pap, Tap, run_at};
use crate::styles::{STI_TITLE, Styles};
use crate::text::Chars;
use minutes_model::fields::FieldStack;
use minutes_model::{
    Block, BlockKind, Cell, Diagnostic, Paragraph, Role, Row, Run, Span, Style, Table,
};
use std::collections::{HashMap, HashSet};

// Characters with a meaning of their own in Word's text stream.
const PARA_END: u16 = 0x0D;
const CELL_END: u16 = 0x07;
const PAGE_BREAK: u16 = 0x0C;
const LINE_BREAK: u16 = 0x0B;
const TAB: u16 = 0x09;
const FIELD_BEGIN: u16 = 0x13;
const FIELD_SEPARATE: u16 = 0x14;
const FIELD_END: u16 = 0x15;
const NOTE_REF: u16 = 0x02;
const NON_BREAKING_HYPHEN: u16 = 0x1E;
const PICTURE: u16 = 0x01;
const DRAWN_OBJECT: u16 = 0x08;

/// Everything a story is converted with.
pub(crate) struct Formatting {
    pub chpx: Vec<FormatRun>,
    pub papx: Vec<FormatRun>,
    pub styles: Styles,
    pub lists: Lists,
}

/// Which kind of note a reference points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NoteKind {
    Footnote,
    Endnote,
}

impl NoteKind {
    pub fn id(self, n: usize) -> String {
        match self {
            NoteKind::Footnote => format!("fn{n}"),
            NoteKind::Endnote => format!("en{n}"),
        }
    }
}

/// Blocks with their bullet levels, gathered into lists at the end.
type Out = minutes_model::BulletBlocks;

/// A table being gathered: finished rows, the cells of the open row, the
/// blocks of the open cell.
#[derive(Default)]
struct OpenTable {
    rows: Vec<Row>,
    cells: Vec<Cell>,
    cell: Out,
    span: Option<Span>,
    /// Open vertical merges: cell position -> (row, index) of the first
    /// cell of the merge.
    open: HashMap<usize, (usize, usize)>,
    /// Per row, for column spans on the table's grid.
    grid: Vec<RowGrid>,
}

/// A row's cell edges (twips) and, per kept cell, the first and last cell
/// definition it covers.
type RowGrid = (Vec<i16>, Vec<(usize, usize)>);

impl OpenTable {
    fn is_empty(&self) -> bool {
        self.rows.is_empty() && self.cells.is_empty() && self.cell.is_empty()
    }

    fn end_cell(&mut self) {
        let blocks = std::mem::take(&mut self.cell).finish();
        self.cells.push(Cell::new(blocks));
    }

    /// Column spans from the cell edges: a cell spans the columns of the
    /// table's grid (all rows' edges) between its own edges. Rows without
    /// usable edges keep the spans the merges gave them.
    fn spans_on_grid(&mut self) {
        let mut grid: Vec<i16> = self
            .grid
            .iter()
            .flat_map(|(edges, _)| edges.iter().copied())
            .collect();
        grid.sort_unstable();
        grid.dedup();
        let column = |x: i16| grid.partition_point(|&g| g < x);
        for (row, (edges, covers)) in self.rows.iter_mut().zip(&self.grid) {
            if covers.len() != row.cells.len() {
                continue;
            }
            for (cell, &(first, last)) in row.cells.iter_mut().zip(covers) {
                if let (Some(&l), Some(&r)) = (edges.get(first), edges.get(last + 1))
                    && r > l
                {
                    cell.col_span = u32::try_from(column(r) - column(l)).unwrap_or(1).max(1);
                }
            }
        }
    }

    /// End the row, folding merged cells into the cell they continue (as
    /// the .docx reader does: a merged cell appears once, with its spans).
    fn end_row(&mut self, tap: &Tap) {
        if !self.cell.is_empty() {
            self.end_cell();
        }
        let raw = std::mem::take(&mut self.cells);
        if raw.is_empty() {
            return;
        }
        let row = self.rows.len();
        let mut cells: Vec<Cell> = Vec::with_capacity(raw.len());
        let mut covers: Vec<(usize, usize)> = Vec::with_capacity(raw.len());
        for (i, cell) in raw.into_iter().enumerate() {
            let (horizontal, vertical) = tap.cells.get(i).copied().unwrap_or_default();
            if horizontal == Merge::Continue
                && let (Some(left), Some(cover)) = (cells.last_mut(), covers.last_mut())
            {
                left.col_span = left.col_span.saturating_add(1);
                left.blocks.extend(cell.blocks.into_iter().filter(has_text));
                cover.1 = i;
                continue;
            }
            match vertical {
                Merge::Continue => {
                    let above = self
                        .open
                        .get(&i)
                        .and_then(|&(r, c)| self.rows.get_mut(r)?.cells.get_mut(c));
                    if let Some(above) = above {
                        above.row_span = above.row_span.saturating_add(1);
                        above
                            .blocks
                            .extend(cell.blocks.into_iter().filter(has_text));
                        continue;
                    }
                }
                Merge::Restart => {
                    self.open.insert(i, (row, cells.len()));
                }
                Merge::None => {
                    self.open.remove(&i);
                }
            }
            cells.push(cell);
            covers.push((i, i));
        }
        self.grid.push((tap.edges.clone(), covers));
        self.rows.push(Row {
            cells,
            header: tap.header,
        });
    }

    fn take(&mut self) -> Option<Block> {
        if self.is_empty() {
            return None;
        }
        self.end_row(&Tap::default());
        self.spans_on_grid();
        let t = std::mem::take(self);
        Some(Block {
            kind: BlockKind::Table(Table { rows: t.rows }),
            span: t.span.unwrap_or_default(),
        })
    }
}

fn has_text(b: &Block) -> bool {
    !b.plain_text().trim().is_empty()
}

pub(crate) struct Converter<'f> {
    fmt: &'f mut Formatting,
    fields: FieldStack,
    /// Current page (1-based) in paged stories.
    page: Option<u32>,
    /// Character formatting by (CHPX run, paragraph style).
    chp_cache: HashMap<(usize, u16), Chp>,
    pub diags: Vec<Diagnostic>,
    pub hidden_runs: u32,
    /// Text boxes by the CP of their anchor in the main text, converted.
    pub text_boxes: HashMap<u32, Vec<Block>>,
    /// Pictures and drawn objects met (their text, if any, is not read).
    pub images: u32,
    /// CPs of footnote and endnote references in the main text.
    pub note_refs: HashMap<u32, (NoteKind, usize)>,
    pub notes_seen: HashSet<String>,
}

impl<'f> Converter<'f> {
    pub fn new(fmt: &'f mut Formatting) -> Self {
        Converter {
            fmt,
            fields: FieldStack::default(),
            page: None,
            chp_cache: HashMap::new(),
            diags: Vec::new(),
            hidden_runs: 0,
            images: 0,
            text_boxes: HashMap::new(),
            note_refs: HashMap::new(),
            notes_seen: HashSet::new(),
        }
    }

    pub fn pages(&self) -> Option<u32> {
        self.page
    }

    /// The paragraph properties at the paragraph mark at stream offset `fc`.
    fn pap_at(&self, fc: u32) -> Pap {
        let Some(run) = run_at(&self.fmt.papx, fc) else {
            return self.fmt.styles.get(0).map(|s| s.pap).unwrap_or_default();
        };
        let mut pap = self
            .fmt
            .styles
            .get(run.istd)
            .map(|s| s.pap)
            .unwrap_or_default();
        pap.istd = run.istd;
        pap.apply(&run.grpprl);
        pap
    }

    /// The character formatting at stream offset `fc` in a paragraph of
    /// style `istd`, and the stretch `[start, end)` of the stream it holds
    /// for (so that the next characters need no lookup).
    fn chp_at(&mut self, fc: u32, istd: u16) -> (Chp, u32, u32) {
        let para = self.fmt.styles.get(istd).map(|s| s.chp).unwrap_or_default();
        let i = self.fmt.chpx.partition_point(|r| r.start <= fc);
        let Some(idx) = i
            .checked_sub(1)
            .filter(|&k| self.fmt.chpx.get(k).is_some_and(|r| fc < r.end))
        else {
            // Between runs: the paragraph style's formatting up to the next run.
            let end = self.fmt.chpx.get(i).map_or(u32::MAX, |r| r.start);
            return (
                Chp { istd: None, ..para },
                fc,
                end.max(fc.saturating_add(1)),
            );
        };
        let Some(run) = self.fmt.chpx.get(idx) else {
            return (para, fc, fc.saturating_add(1));
        };
        let (start, end) = (run.start, run.end);
        if let Some(c) = self.chp_cache.get(&(idx, istd)) {
            return (*c, start, end);
        }
        // A character style first (its toggles reverse the paragraph
        // style's, as Word paints them), then direct formatting.
        let mut probe = Chp::default();
        probe.apply(&run.grpprl, &Chp::default());
        let mut base = para;
        if let Some(cs) = probe.istd.and_then(|i| self.fmt.styles.get(i)) {
            let c = cs.chp;
            base.bold ^= c.bold;
            base.italic ^= c.italic;
            base.strike ^= c.strike;
            base.dstrike |= c.dstrike;
            base.underline |= c.underline;
            base.superscript |= c.superscript;
            base.subscript |= c.subscript;
            base.hidden |= c.hidden;
        }
        let mut chp = base;
        chp.apply(&run.grpprl, &base);
        self.chp_cache.insert((idx, istd), chp);
        (chp, start, end)
    }

    fn role(&self, pap: &Pap) -> Role {
        if let Some(o) = pap.outline.filter(|&o| o < 9) {
            return Role::Heading(o + 1);
        }
        match self.fmt.styles.get(pap.istd).map(|s| s.sti) {
            Some(sti @ 1..=9) => Role::Heading(sti as u8),
            Some(STI_TITLE) => Role::Title,
            _ => Role::Body,
        }
    }

    /// Convert the characters of one story (the main text, a header, a
    /// note) starting at CP `cp_start`.
    pub fn story(&mut self, chars: &Chars, cp_start: u32, paged: bool) -> Vec<Block> {
        self.fields = FieldStack::default();
        self.page = paged.then_some(1);
        let mut out = Out::default();
        let mut table = OpenTable::default();
        let mut ordinal = 0u32;
        let n = chars.units.len();
        let mut start = 0usize;
        while start < n {
            // A paragraph runs to its mark (or the end of the story).
            let end = chars.units[start..]
                .iter()
                .position(|&u| u == PARA_END || u == CELL_END)
                .map(|p| start + p);
            let (last, mark) = match end {
                Some(e) => (e, chars.units.get(e).copied()),
                None => (n, None),
            };
            ordinal += 1;
            let pap = match mark.and_then(|_| chars.fcs.get(last)) {
                Some(&fc) => self.pap_at(fc),
                None => Pap::default(),
            };
            let depth = pap.depth();
            let span = Span {
                page: self.page,
                line: Some(ordinal),
                start: Some(u64::from(cp_start) + start as u64),
                end: Some(u64::from(cp_start) + last as u64 + 1),
                bbox: None,
            };
            let mut pieces: Vec<(Block, Option<u8>)> = Vec::new();
            // The table row-end mark carries no text.
            let row_end = depth == 1 && pap.ttp && mark == Some(CELL_END);
            let inner_row_end = depth > 1 && pap.inner_ttp;
            if !row_end && !inner_row_end {
                self.paragraph(chars, start, last, cp_start, &pap, span, &mut pieces);
            }
            if depth == 0 {
                if let Some(t) = table.take() {
                    out.push(t, None);
                }
                for (b, bullet) in pieces {
                    out.push(b, bullet);
                }
            } else {
                table.span = Some(table.span.map_or(span, |s| s.cover(span)));
                for (b, bullet) in pieces {
                    table.cell.push(b, bullet);
                }
                if row_end {
                    let tap = chars
                        .fcs
                        .get(last)
                        .and_then(|&fc| run_at(&self.fmt.papx, fc))
                        .map(|r| Tap::parse(&r.grpprl))
                        .unwrap_or_default();
                    table.end_row(&tap);
                } else if depth == 1 && mark == Some(CELL_END) {
                    table.end_cell();
                }
            }
            start = last + 1;
        }
        if let Some(t) = table.take() {
            out.push(t, None);
        }
        if self.fields.open() > 0 {
            self.diags.push(Diagnostic::warning(
                "doc.field.unclosed",
                format!("{} field(s) have no end mark", self.fields.open()),
            ));
        }
        out.finish()
    }

    /// One paragraph: characters `start..last` (the mark excluded). A page
    /// break inside ends it: the text before, a page break, then the rest
    /// as a paragraph of the same role.
    #[allow(clippy::too_many_arguments)]
    fn paragraph(
        &mut self,
        chars: &Chars,
        start: usize,
        last: usize,
        cp_start: u32,
        pap: &Pap,
        span: Span,
        out: &mut Vec<(Block, Option<u8>)>,
    ) {
        let role = self.role(pap);
        let mut label = None;
        let mut bullet = None;
        if pap.ilfo != 0
            && pap.ilfo < 0x0800
            && let Some(l) = self.fmt.lists.next(pap.ilfo, pap.ilvl)
        {
            if l.bullet {
                bullet = Some(pap.ilvl);
            }
            label = Some(l.text);
        }
        let mut span = span;
        if pap.page_break_before
            && let Some(p) = self.page.as_mut()
        {
            out.push((
                Block {
                    kind: BlockKind::PageBreak,
                    span,
                },
                None,
            ));
            *p = p.saturating_add(1);
            span.page = self.page;
        }
        let mut para = Paragraph::new(role);
        para.label = label;
        let mut text: Vec<u16> = Vec::new();
        let mut text_style = Style::NONE;
        let mut text_link: Option<String> = None;
        let mut hidden_seen = false;
        // Text boxes anchored here follow the paragraph, as in the .docx
        // reader.
        let mut boxes: Vec<Block> = Vec::new();
        let flush =
            |para: &mut Paragraph, text: &mut Vec<u16>, style: Style, link: &Option<String>| {
                if !text.is_empty() {
                    para.push(&String::from_utf16_lossy(text), style, link.as_deref());
                    text.clear();
                }
            };
        // The formatting of the last lookup and the stretch it holds for.
        let mut held: Option<(Chp, u32, u32)> = None;
        let units = chars.units.get(start..last).unwrap_or(&[]);
        let fcs = chars.fcs.get(start..last).unwrap_or(&[]);
        for (k, (&u, &fc)) in units.iter().zip(fcs).enumerate() {
            match u {
                FIELD_BEGIN => {
                    self.fields.begin();
                    continue;
                }
                FIELD_SEPARATE => {
                    self.fields.separate();
                    continue;
                }
                FIELD_END => {
                    if !self.fields.end() {
                        self.diags.push(Diagnostic::warning(
                            "doc.field.unbalanced",
                            "a field end mark without a field begin: ignored",
                        ));
                    }
                    continue;
                }
                _ => {}
            }
            if self.fields.in_instruction() {
                if u >= 0x20
                    && let Some(c) = char::from_u32(u32::from(u))
                {
                    self.fields.instruction(c.encode_utf8(&mut [0u8; 4]));
                }
                continue;
            }
            let chp = match held {
                Some((c, s, e)) if s <= fc && fc < e => c,
                _ => {
                    let h = self.chp_at(fc, pap.istd);
                    held = Some(h);
                    h.0
                }
            };
            if chp.deleted {
                continue;
            }
            if chp.hidden {
                hidden_seen |= u > 0x20;
                continue;
            }
            let mut style = Style::NONE;
            style.set(Style::BOLD, chp.bold);
            style.set(Style::ITALIC, chp.italic);
            style.set(Style::STRIKE, chp.strike || chp.dstrike);
            style.set(Style::UNDERLINE, chp.underline);
            style.set(Style::SUPERSCRIPT, chp.superscript);
            style.set(Style::SUBSCRIPT, chp.subscript);
            let unit = match u {
                PAGE_BREAK => {
                    flush(&mut para, &mut text, text_style, &text_link);
                    let rest = Paragraph::new(para.role);
                    let done = std::mem::replace(&mut para, rest);
                    out.push((Block::paragraph(done, span), bullet.take()));
                    out.push((
                        Block {
                            kind: BlockKind::PageBreak,
                            span,
                        },
                        None,
                    ));
                    if let Some(p) = self.page.as_mut() {
                        *p = p.saturating_add(1);
                    }
                    span.page = self.page;
                    continue;
                }
                NOTE_REF if chp.special => {
                    let cp = cp_start.saturating_add((start + k) as u32);
                    if let Some(&(kind, n)) = self.note_refs.get(&cp) {
                        flush(&mut para, &mut text, text_style, &text_link);
                        let id = kind.id(n);
                        self.notes_seen.insert(id.clone());
                        para.runs.push(Run {
                            text: format!("[{n}]"),
                            style,
                            link: None,
                            note: Some(id),
                        });
                    }
                    continue;
                }
                LINE_BREAK => u16::from(b'\n'),
                TAB => u,
                NON_BREAKING_HYPHEN => u16::from(b'-'),
                // Other control characters: pictures, drawn objects,
                // annotation marks, soft hyphens, column breaks.
                DRAWN_OBJECT if chp.special => {
                    let cp = cp_start.saturating_add((start + k) as u32);
                    match self.text_boxes.remove(&cp) {
                        Some(blocks) => boxes.extend(blocks),
                        None => self.images += 1,
                    }
                    continue;
                }
                PICTURE if chp.special => {
                    self.images += 1;
                    continue;
                }
                0..=0x1F => continue,
                _ => u,
            };
            let link = self.fields.link();
            if style != text_style || link != text_link.as_deref() {
                let link = link.map(str::to_string);
                flush(&mut para, &mut text, text_style, &text_link);
                text_style = style;
                text_link = link;
            }
            text.push(unit);
        }
        flush(&mut para, &mut text, text_style, &text_link);
        if hidden_seen {
            self.hidden_runs += 1;
        }
        out.push((Block::paragraph(para, span), bullet));
        out.extend(boxes.into_iter().map(|b| (b, None)));
    }
}
