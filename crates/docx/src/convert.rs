//! Stage two: the format-near items of [`crate::parse`] into the model, with
//! styles, numbering labels, fields, notes and table merges resolved.

use crate::numbering::{Counters, Numbering};
use crate::parse::{Item, Merge, NoteKind, Para, RunItem, Table};
use crate::styles::{RProps, Styles};
use minutes_model::fields::FieldStack;
use minutes_model::{
    Block, BlockKind, Cell, Diagnostic, Paragraph, Role, Row, Run, Span, Style, Table as MTable,
};
use std::collections::BTreeMap;

/// Blocks with their bullet levels, gathered into lists at the end.
type Out = minutes_model::BulletBlocks;

pub(crate) struct Converter<'s> {
    styles: &'s Styles,
    numbering: &'s Numbering,
    counters: Counters,
    pub diags: Vec<Diagnostic>,
    /// Current page (1-based); `None` in parts without pages.
    page: Option<u32>,
    /// An explicit page break was just seen: Word's next
    /// `lastRenderedPageBreak` marks the same page.
    after_break: bool,
    fields: FieldStack,
    footnotes: u32,
    endnotes: u32,
    pub hidden_runs: u32,
    /// Per section of the body: does it start on a new page?
    pub section_starts_page: Vec<bool>,
}

/// The note id used in the model.
pub(crate) fn note_id(kind: NoteKind, id: &str) -> String {
    match kind {
        NoteKind::Footnote => format!("fn{id}"),
        NoteKind::Endnote => format!("en{id}"),
    }
}

impl<'s> Converter<'s> {
    pub fn new(styles: &'s Styles, numbering: &'s Numbering, paged: bool) -> Self {
        Converter {
            styles,
            numbering,
            counters: Counters::default(),
            diags: Vec::new(),
            page: paged.then_some(1),
            after_break: false,
            fields: FieldStack::default(),
            footnotes: 0,
            endnotes: 0,
            hidden_runs: 0,
            section_starts_page: Vec::new(),
        }
    }

    /// Pages seen so far.
    pub fn pages(&self) -> Option<u32> {
        self.page
    }

    /// Start a new part (header, note): fresh numbering and fields.
    pub fn reset_part(&mut self, paged: bool) {
        self.counters = Counters::default();
        self.page = paged.then_some(1);
        self.fields = FieldStack::default();
        self.after_break = false;
    }

    /// Call at the end of a part: reports fields left open.
    pub fn end_part(&mut self, part: &str) {
        if self.fields.open() > 0 {
            self.diags.push(Diagnostic::warning(
                "docx.field.unclosed",
                format!("{} field(s) in {part} have no end mark", self.fields.open()),
            ));
            self.fields = FieldStack::default();
        }
    }

    pub fn items(&mut self, items: Vec<Item>) -> Vec<Block> {
        let mut out = Out::default();
        for item in items {
            match item {
                Item::Para(p) => self.para(p, &mut out),
                Item::Table(t) => self.table(t, &mut out),
            }
        }
        out.finish()
    }

    fn new_page(&mut self) {
        if let Some(p) = self.page.as_mut() {
            *p = p.saturating_add(1);
        }
    }

    fn style_of(&self, r: &RProps, pstyle: Option<&str>, placeholder: bool) -> (Style, bool) {
        let cs = self.styles.get(r.rstyle.as_deref());
        let ps = self.styles.get(pstyle);
        let d = &self.styles.defaults;
        let get = |f: fn(&RProps) -> Option<bool>| {
            f(r).or_else(|| cs.and_then(|s| f(&s.rpr)))
                .or_else(|| ps.and_then(|s| f(&s.rpr)))
                .or_else(|| f(d))
                .unwrap_or(false)
        };
        // Toggle properties (ECMA-376 §17.7.3, as Word paints them): direct
        // formatting is absolute; at style level a character style's "on"
        // reverses the paragraph style's state, so Strong inside a bold
        // heading is not bold. An explicit "off" in a style sets it off
        // (as LibreOffice and Word's own authoring do). docDefaults count
        // only when no style says anything.
        let toggle = |f: fn(&RProps) -> Option<bool>| {
            if let Some(v) = f(r) {
                return v;
            }
            let para = ps.and_then(|s| f(&s.rpr));
            match cs.and_then(|s| f(&s.rpr)) {
                Some(true) => para != Some(true),
                Some(false) => false,
                None => para.or_else(|| f(d)).unwrap_or(false),
            }
        };
        let mut s = Style::NONE;
        s.set(Style::BOLD, toggle(|p| p.bold));
        s.set(Style::ITALIC, toggle(|p| p.italic));
        s.set(Style::UNDERLINE, get(|p| p.underline));
        // dstrike is not a toggle property; strike is.
        s.set(Style::STRIKE, toggle(|p| p.strike) || get(|p| p.dstrike));
        s.set(Style::SUPERSCRIPT, get(|p| p.superscript));
        s.set(Style::SUBSCRIPT, get(|p| p.subscript));
        s.set(
            Style::PLACEHOLDER,
            placeholder || cs.is_some_and(|c| c.placeholder),
        );
        (s, toggle(|p| p.hidden))
    }

    /// Text here is shown: no open field is in its instruction part.
    fn visible(&self) -> bool {
        !self.fields.in_instruction()
    }

    fn field_link(&self) -> Option<&str> {
        self.fields.link()
    }

    fn para(&mut self, p: Para, out: &mut Out) {
        let styles = self.styles;
        let style_id = p
            .props
            .style
            .as_deref()
            .or(styles.default_paragraph.as_deref());
        let st = styles.get(style_id);
        let outline = p
            .props
            .outline
            .or_else(|| st.and_then(|s| s.outline))
            .filter(|&o| o < 9);
        let role = match (outline, st) {
            (Some(o), _) => Role::Heading(o + 1),
            (None, Some(s)) if s.title => Role::Title,
            (None, Some(s)) => s.heading.map(Role::Heading).unwrap_or(Role::Body),
            (None, None) => Role::Body,
        };

        // Numbering: the paragraph's own numPr, else its style's.
        let direct = p.props.num.unwrap_or_default();
        let from_style = st.map(|s| s.num).unwrap_or_default();
        let mut label = None;
        let mut bullet_level = None;
        if let Some(num_id) = direct.num_id.or(from_style.num_id)
            && num_id != 0
        {
            let styles_num = |s: &str| styles.get(Some(s)).and_then(|r| r.num.num_id);
            let ilvl = direct
                .ilvl
                .or(from_style.ilvl)
                .or_else(|| {
                    style_id.and_then(|s| self.numbering.level_for_style(num_id, s, styles_num))
                })
                .unwrap_or(0);
            if let Some(l) =
                self.counters
                    .next(self.numbering, num_id, ilvl, styles_num, &mut self.diags)
            {
                // numFmt "none" or an empty level text prints nothing.
                if !l.text.trim().is_empty() {
                    if l.bullet {
                        bullet_level = Some(ilvl);
                    }
                    label = Some(l.text.trim().to_string());
                }
            }
        }

        if p.props.page_break_before && self.page.is_some() {
            out.push(
                Block {
                    kind: BlockKind::PageBreak,
                    span: Span {
                        page: self.page,
                        line: Some(p.ordinal),
                        start: Some(p.start),
                        end: Some(p.start),
                        bbox: None,
                    },
                },
                None,
            );
            self.new_page();
            self.after_break = true;
        }

        let span_at = |page: Option<u32>| Span {
            page,
            line: Some(p.ordinal),
            start: Some(p.start),
            end: Some(p.end),
            bbox: None,
        };
        let mut para = Paragraph::new(role);
        para.label = label;
        let mut span = span_at(self.page);
        let mut boxes: Vec<Block> = Vec::new();

        for run in p.runs {
            let (style, hidden) = self.style_of(&run.rpr, style_id, run.placeholder);
            // Field markers in hidden runs still open and close fields.
            if hidden
                && run
                    .content
                    .iter()
                    .any(|i| matches!(i, RunItem::Text(t) if !t.trim().is_empty()))
            {
                self.hidden_runs += 1;
            }
            for item in run.content {
                match item {
                    RunItem::Text(t) => {
                        if hidden || !self.visible() {
                            continue;
                        }
                        let link = run.link.as_deref().or_else(|| self.field_link());
                        // Clone only when needed: the link borrow ends here.
                        let link = link.map(str::to_string);
                        para.push(&t, style, link.as_deref());
                        if !t.trim().is_empty() {
                            self.after_break = false;
                        }
                    }
                    RunItem::PageBreak => {
                        if !self.visible() {
                            continue;
                        }
                        // End the paragraph here; the rest continues after
                        // the break as a paragraph of the same role.
                        let rest = Paragraph::new(para.role);
                        let done = std::mem::replace(&mut para, rest);
                        out.push(Block::paragraph(done, span), bullet_level.take());
                        out.push(
                            Block {
                                kind: BlockKind::PageBreak,
                                span,
                            },
                            None,
                        );
                        self.new_page();
                        self.after_break = true;
                        span = span_at(self.page);
                    }
                    RunItem::RenderedPageBreak => {
                        if self.after_break {
                            self.after_break = false;
                        } else {
                            self.new_page();
                            if para.runs.is_empty() {
                                span.page = self.page;
                            }
                        }
                    }
                    RunItem::FieldBegin => self.fields.begin(),
                    RunItem::FieldInstr(s) => self.fields.instruction(&s),
                    RunItem::FieldSeparate => self.fields.separate(),
                    RunItem::FieldEnd => {
                        if !self.fields.end() {
                            self.diags.push(Diagnostic::warning(
                                "docx.field.unbalanced",
                                "a field end mark without a field begin: ignored",
                            ));
                        }
                    }
                    RunItem::NoteRef(kind, id) => {
                        if hidden || !self.visible() {
                            continue;
                        }
                        let n = match kind {
                            NoteKind::Footnote => {
                                self.footnotes += 1;
                                self.footnotes
                            }
                            NoteKind::Endnote => {
                                self.endnotes += 1;
                                self.endnotes
                            }
                        };
                        para.runs.push(Run {
                            text: format!("[{n}]"),
                            style,
                            link: None,
                            note: Some(note_id(kind, &id)),
                        });
                    }
                    RunItem::NoteMark => {}
                    RunItem::TextBox(items) => {
                        // Text box content joins the flow after its anchor's
                        // paragraph; its fields are its own.
                        let saved = std::mem::take(&mut self.fields);
                        let blocks = self.items(items);
                        self.fields = saved;
                        boxes.extend(blocks);
                    }
                }
            }
        }
        out.push(Block::paragraph(para, span), bullet_level);
        for b in boxes {
            out.push(b, None);
        }
        // A section break: the next section may start on a new page.
        if let Some(k) = p.props.section_end
            && self.page.is_some()
            && self
                .section_starts_page
                .get(k + 1)
                .copied()
                .unwrap_or(false)
        {
            out.push(
                Block {
                    kind: BlockKind::PageBreak,
                    span: Span {
                        start: Some(p.end),
                        ..span
                    },
                },
                None,
            );
            self.new_page();
            self.after_break = true;
        }
    }

    fn table(&mut self, t: Table, out: &mut Out) {
        let line = first_ordinal_in_rows(&t);
        let span = Span {
            page: self.page,
            line,
            start: Some(t.start),
            end: Some(t.end),
            bbox: None,
        };
        let mut rows: Vec<Row> = Vec::with_capacity(t.rows.len());
        // Open vertical merges: grid column -> (row, cell) of the restart
        // cell. A BTreeMap so that clearing a span of columns costs what it
        // removes, not the span's width (gridSpan comes from the input).
        let mut open: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
        let close = |open: &mut BTreeMap<usize, (usize, usize)>, from: usize, to: usize| {
            let keys: Vec<usize> = open.range(from..to).map(|(k, _)| *k).collect();
            for k in keys {
                open.remove(&k);
            }
        };
        for trow in t.rows {
            if trow.deleted {
                continue;
            }
            let mut cells: Vec<Cell> = Vec::with_capacity(trow.cells.len());
            let mut col = trow.grid_before as usize;
            let row_index = rows.len();
            for tc in trow.cells {
                let span_cols = tc.span.max(1) as usize;
                let next_col = col.saturating_add(span_cols);
                let blocks = self.items(tc.items);
                // Legacy horizontal merge: fold into the cell on the left.
                if tc.hmerge == Some(Merge::Continue)
                    && let Some(left) = cells.last_mut()
                {
                    left.col_span = left.col_span.saturating_add(span_cols as u32);
                    left.blocks.extend(blocks.into_iter().filter(has_text));
                    col = next_col;
                    continue;
                }
                match tc.vmerge {
                    Some(Merge::Continue) => {
                        let target = open.get(&col).and_then(|&(ri, ci)| {
                            rows.get_mut(ri).and_then(|r| r.cells.get_mut(ci))
                        });
                        if let Some(cell) = target {
                            cell.row_span = cell.row_span.saturating_add(1);
                            cell.blocks.extend(blocks.into_iter().filter(has_text));
                            col = next_col;
                            continue;
                        }
                        self.diags.push(Diagnostic::warning(
                            "docx.table.vmerge-orphan",
                            "a vertically merged table cell continues nothing above it: kept as a cell",
                        ));
                        close(&mut open, col, next_col);
                    }
                    Some(Merge::Restart) => {
                        close(&mut open, col, next_col);
                        open.insert(col, (row_index, cells.len()));
                    }
                    None => close(&mut open, col, next_col),
                }
                cells.push(Cell {
                    blocks,
                    col_span: span_cols as u32,
                    row_span: 1,
                });
                col = next_col;
            }
            rows.push(Row {
                cells,
                header: trow.header,
            });
        }
        out.push(
            Block {
                kind: BlockKind::Table(MTable { rows }),
                span,
            },
            None,
        );
    }
}

fn has_text(b: &Block) -> bool {
    !b.plain_text().trim().is_empty()
}

fn first_ordinal(items: &[Item]) -> Option<u32> {
    items.iter().find_map(|i| match i {
        Item::Para(p) => Some(p.ordinal),
        Item::Table(t) => first_ordinal_in_rows(t),
    })
}

fn first_ordinal_in_rows(t: &Table) -> Option<u32> {
    t.rows
        .iter()
        .flat_map(|r| r.cells.iter())
        .find_map(|c| first_ordinal(&c.items))
}
