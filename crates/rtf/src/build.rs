//! Deciding: paragraphs with their properties become model blocks — a body
//! paragraph, a numbered paragraph with its printed label, an entry of a
//! bullet list, a table cell — the way the Word reader does.

use minutes_model::{
    Block, BlockKind, Cell, List, ListItem, Paragraph, Role, Row, Span, Style, Table,
};

/// Paragraph properties (`\pard` resets them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Para {
    /// `\intbl`: the paragraph is in a table cell.
    pub in_table: bool,
    /// `\lsN`: the paragraph belongs to a list.
    pub list: bool,
    /// `\ilvlN`: the list level.
    pub level: u8,
    /// `\outlinelevelN`: a heading (0 is the highest).
    pub outline: Option<u8>,
    /// `\sN`: the paragraph style.
    pub style: i32,
}

/// Where a paragraph goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The body.
    Body,
    /// Page headers and footers.
    Furniture,
}

/// A cell's merge flags in a row definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellDef {
    /// `\clmgf`: first of horizontally merged cells.
    MergeFirst,
    /// `\clmrg`: continues the cell to its left.
    MergeContinue,
    /// `\clvmgf`: first of vertically merged cells.
    VerticalFirst,
    /// `\clvmrg`: continues the cell above.
    VerticalContinue,
}

#[derive(Debug, Clone, Copy, Default)]
struct CellFlags {
    merge_continue: bool,
    vertical_continue: bool,
}

#[derive(Debug, Default)]
struct TableBuild {
    rows: Vec<Row>,
    span: Option<Span>,
    /// Which cell (row, index) owns each grid column, for vertical merges.
    owners: Vec<Option<(usize, usize)>>,
}

/// Collects paragraphs into blocks.
#[derive(Debug, Default)]
pub struct Builder {
    blocks: Vec<Block>,
    furniture: Vec<Block>,
    para: Option<Paragraph>,
    para_start: Option<u64>,
    furniture_para: Option<Paragraph>,
    furniture_start: Option<u64>,
    label: Option<String>,
    list: Option<(List, Span)>,
    table: Option<TableBuild>,
    cell_blocks: Vec<Block>,
    cell_list: Option<(List, Span)>,
    row_cells: Vec<Cell>,
    row_span: Option<Span>,
    defs: Vec<CellFlags>,
    def: CellFlags,
    header: bool,
    page_breaks: u32,
    ordinal: u32,
}

impl Builder {
    /// Append text to the paragraph being built.
    pub fn text(&mut self, text: &str, style: Style, link: Option<&str>, target: Target, pos: u64) {
        let (para, start) = match target {
            Target::Body => (&mut self.para, &mut self.para_start),
            Target::Furniture => (&mut self.furniture_para, &mut self.furniture_start),
        };
        start.get_or_insert(pos);
        para.get_or_insert_with(|| Paragraph::new(Role::Body))
            .push(text, style, link);
    }

    /// The printed label of the paragraph being built (`\listtext`).
    pub fn set_label(&mut self, label: String) {
        let l: String = label
            .trim()
            .chars()
            .map(|c| symbol_bullet(c).unwrap_or(c))
            .collect();
        self.label = (!l.is_empty()).then_some(l);
    }

    fn span(&mut self, start: Option<u64>, end: u64) -> Span {
        self.ordinal += 1;
        Span {
            page: Some(self.page_breaks + 1),
            line: Some(self.ordinal),
            start: Some(start.unwrap_or(end)),
            end: Some(end),
            bbox: None,
        }
    }

    /// End a paragraph without paragraph properties (furniture, the end of
    /// the file).
    pub fn end_paragraph(&mut self, pos: u64, target: Target, role: Option<Role>) {
        match target {
            Target::Body => self.end_paragraph_with(
                pos,
                Para::default(),
                role.unwrap_or(Role::Body),
                Target::Body,
            ),
            Target::Furniture => {
                let start = self.furniture_start.take();
                if let Some(mut p) = self.furniture_para.take()
                    && !p.is_blank()
                {
                    trim(&mut p);
                    let span = self.span(start, pos);
                    self.furniture.push(Block::paragraph(p, span));
                }
            }
        }
    }

    /// End the body paragraph being built (`\par`).
    pub fn end_paragraph_with(&mut self, pos: u64, props: Para, role: Role, target: Target) {
        if target == Target::Furniture {
            return self.end_paragraph(pos, target, None);
        }
        let start = self.para_start.take();
        let mut p = self.para.take().unwrap_or_else(|| Paragraph::new(role));
        p.role = role;
        trim(&mut p);
        let label = self.label.take();
        if props.in_table {
            if !p.is_blank() {
                let span = self.span(start, pos);
                place(
                    &mut self.cell_blocks,
                    &mut self.cell_list,
                    p,
                    label,
                    props,
                    span,
                );
            }
            return;
        }
        if p.is_blank() {
            // An empty line: neither content nor the end of a list.
            return;
        }
        self.finish_table();
        let span = self.span(start, pos);
        place(&mut self.blocks, &mut self.list, p, label, props, span);
    }

    /// A page break in the body.
    pub fn page_break(&mut self, pos: u64) {
        self.finish_table();
        self.finish_list();
        let span = self.span(Some(pos), pos);
        self.blocks.push(Block {
            kind: BlockKind::PageBreak,
            span,
        });
        self.page_breaks = self.page_breaks.saturating_add(1);
    }

    /// `\cell`: the paragraph being built is the cell's last.
    pub fn end_cell(&mut self, pos: u64, props: Para) {
        let start = self.para_start;
        self.end_paragraph_with(pos, props, Role::Body, Target::Body);
        let span = Span {
            start: start.or(Some(pos)),
            end: Some(pos),
            page: Some(self.page_breaks + 1),
            ..Span::default()
        };
        self.row_span = Some(match self.row_span {
            Some(s) => s.cover(span),
            None => span,
        });
        finish_list(&mut self.cell_blocks, &mut self.cell_list);
        self.row_cells
            .push(Cell::new(std::mem::take(&mut self.cell_blocks)));
    }

    /// `\trowd`: a new row definition.
    pub fn row_definition(&mut self) {
        self.defs.clear();
        self.def = CellFlags::default();
        self.header = false;
    }

    /// `\trhdr`: the row repeats as a header.
    pub fn header_row(&mut self) {
        self.header = true;
    }

    /// A merge flag of the cell being defined.
    pub fn cell_definition(&mut self, def: CellDef) {
        match def {
            CellDef::MergeContinue => self.def.merge_continue = true,
            CellDef::VerticalContinue => self.def.vertical_continue = true,
            CellDef::MergeFirst | CellDef::VerticalFirst => {}
        }
    }

    /// `\cellxN`: the cell being defined is complete.
    pub fn cell_definition_end(&mut self) {
        self.defs.push(self.def);
        self.def = CellFlags::default();
    }

    /// `\row`: the row is complete.
    pub fn end_row(&mut self, pos: u64) {
        if !self.cell_blocks.is_empty()
            || self.cell_list.is_some()
            || self.para.as_ref().is_some_and(|p| !p.is_blank())
        {
            // Content after the last `\cell`: a cell of its own.
            self.end_cell(
                pos,
                Para {
                    in_table: true,
                    ..Para::default()
                },
            );
        }
        let cells = std::mem::take(&mut self.row_cells);
        if cells.is_empty() {
            return;
        }
        self.finish_list();
        let table = self.table.get_or_insert_with(TableBuild::default);
        let r = table.rows.len();
        let mut row = Row {
            cells: Vec::with_capacity(cells.len()),
            header: self.header,
        };
        for (grid, cell) in cells.into_iter().enumerate() {
            let flags = self.defs.get(grid).copied().unwrap_or_default();
            if flags.merge_continue
                && let Some(prev) = row.cells.last_mut()
            {
                prev.col_span = prev.col_span.saturating_add(1);
                prev.blocks.extend(cell.blocks);
                continue;
            }
            if flags.vertical_continue
                && let Some(Some((rr, cc))) = table.owners.get(grid).copied()
                && let Some(above) = table.rows.get_mut(rr).and_then(|x| x.cells.get_mut(cc))
            {
                above.row_span = above.row_span.saturating_add(1);
                above.blocks.extend(cell.blocks);
                continue;
            }
            if table.owners.len() <= grid {
                table.owners.resize(grid + 1, None);
            }
            if let Some(o) = table.owners.get_mut(grid) {
                *o = Some((r, row.cells.len()));
            }
            row.cells.push(cell);
        }
        table.rows.push(row);
        let row_span = self.row_span.take().unwrap_or_default();
        table.span = Some(match table.span {
            Some(s) => s.cover(row_span),
            None => row_span,
        });
    }

    /// Close an open table.
    pub fn finish_table(&mut self) {
        if let Some(t) = self.table.take()
            && !t.rows.is_empty()
        {
            self.blocks.push(Block {
                kind: BlockKind::Table(Table { rows: t.rows }),
                span: t.span.unwrap_or_default(),
            });
        }
    }

    fn finish_list(&mut self) {
        finish_list(&mut self.blocks, &mut self.list);
    }

    /// The body and furniture blocks.
    pub fn finish(mut self) -> (Vec<Block>, Vec<Block>) {
        // Cells never closed by `\row` (a truncated file) still count.
        if !self.row_cells.is_empty() || !self.cell_blocks.is_empty() || self.cell_list.is_some() {
            self.end_row(self.para_start.unwrap_or_default());
        }
        self.finish_table();
        self.finish_list();
        (self.blocks, self.furniture)
    }
}

/// Remove white space (spaces and tabs of the layout) at both ends of a
/// paragraph.
fn trim(p: &mut Paragraph) {
    while let Some(first) = p.runs.first_mut() {
        let t = first.text.trim_start();
        if t.is_empty() {
            p.runs.remove(0);
        } else {
            first.text = t.to_string();
            break;
        }
    }
    while let Some(last) = p.runs.last_mut() {
        let t = last.text.trim_end();
        if t.is_empty() {
            p.runs.pop();
        } else {
            last.text = t.to_string();
            break;
        }
    }
}

/// Put a paragraph into `blocks`: an entry of the open bullet list when its
/// label is a bullet (or it is in a list without label), else a paragraph
/// keeping its number as label, after the open list.
fn place(
    blocks: &mut Vec<Block>,
    list: &mut Option<(List, Span)>,
    mut p: Paragraph,
    label: Option<String>,
    props: Para,
    span: Span,
) {
    let bullet = match &label {
        Some(l) => !l.chars().any(char::is_alphanumeric),
        None => props.list,
    };
    if bullet {
        let item = ListItem {
            label,
            level: props.level,
            blocks: vec![Block::paragraph(p, span)],
        };
        match list.as_mut() {
            Some((l, s)) => {
                l.items.push(item);
                *s = s.cover(span);
            }
            None => {
                *list = Some((
                    List {
                        ordered: false,
                        items: vec![item],
                    },
                    span,
                ))
            }
        }
        return;
    }
    finish_list(blocks, list);
    p.label = label;
    blocks.push(Block::paragraph(p, span));
}

fn finish_list(blocks: &mut Vec<Block>, list: &mut Option<(List, Span)>) {
    if let Some((l, span)) = list.take() {
        blocks.push(Block {
            kind: BlockKind::List(l),
            span,
        });
    }
}

/// Bullets written in a symbol font's private-use area (as `\uN` or a
/// Symbol/Wingdings byte), as the Unicode character they show; the same
/// table as the Word reader's.
fn symbol_bullet(c: char) -> Option<char> {
    Some(match c as u32 {
        0xF0B7 | 0xF095 => '•',
        0xF0A7 | 0xF06E => '▪',
        0xF06C => '●',
        0xF0D8 => '➢',
        0xF0FC => '✓',
        0xF0FB => '✗',
        0xF076 => '❖',
        0xF071 => '❑',
        0xF0A8 => '□',
        0xF0E8 => '➔',
        0xF02D => '-',
        _ => return None,
    })
}
