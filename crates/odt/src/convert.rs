//! The element tree of an OpenDocument text into the model: paragraphs and
//! headings with styled runs, lists with labels, tables, notes, links.

use crate::styles::{ListLevel, Styles};
use crate::tree::{Elem, Node, Ns};
use minutes_model::{Block, BlockKind, Cell, Note, Paragraph, Role, Row, Run, Span, Table};
use std::collections::HashMap;

/// Blocks with their bullet levels, gathered into lists at the end (as
/// the .docx reader does).
pub(crate) type Out = minutes_model::BulletBlocks;

/// Where a paragraph stands in a list.
struct ListCtx<'a> {
    style: Option<&'a str>,
    level: u8,
    /// The first paragraph of an item (it carries the label).
    first: bool,
    /// A `text:list-header`: an item without label.
    header: bool,
}

/// The run style and link in effect inside a paragraph.
#[derive(Clone, Default)]
struct Inline<'a> {
    spans: Vec<&'a str>,
    link: Option<&'a str>,
}

pub(crate) struct Converter<'s> {
    styles: &'s Styles,
    /// Current page in paged parts (the body).
    page: Option<u32>,
    ordinal: u32,
    /// Numbering counters per list style.
    counters: HashMap<String, Vec<u32>>,
    footnotes: u32,
    endnotes: u32,
    pub notes: Vec<Note>,
    pub hidden_runs: u32,
    pub images: u32,
}

/// Symbol-font bullets (private use area) as the Unicode they show.
fn bullet_char(s: &str) -> String {
    s.chars()
        .map(|c| match c as u32 {
            0xF0B7 | 0xF0A7 | 0xF06C => '•',
            0xF0A8 | 0xF0FC => '▪',
            0xF06F => 'o',
            0xF0D8 | 0xF0E8 => '➢',
            0xF02D => '–',
            _ => c,
        })
        .collect()
}

fn format_number(n: u32, format: &str) -> String {
    use minutes_model::list_labels::{letters, roman};
    match format {
        "a" => letters(n),
        "A" => letters(n).to_uppercase(),
        "i" => roman(n),
        "I" => roman(n).to_uppercase(),
        _ => n.to_string(),
    }
}

/// Collapse white space as ODF does (§6.1.2): runs of space, tab and
/// newline in the XML are one space, none at the start of a paragraph.
fn collapse(text: &str, last_space: &mut bool, out: &mut String) {
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r') {
            if !*last_space {
                out.push(' ');
                *last_space = true;
            }
        } else {
            out.push(c);
            *last_space = false;
        }
    }
}

impl<'s> Converter<'s> {
    pub fn new(styles: &'s Styles, paged: bool) -> Self {
        Converter {
            styles,
            page: paged.then_some(1),
            ordinal: 0,
            counters: HashMap::new(),
            footnotes: 0,
            endnotes: 0,
            notes: Vec::new(),
            hidden_runs: 0,
            images: 0,
        }
    }

    pub fn pages(&self) -> Option<u32> {
        self.page
    }

    fn new_page(&mut self) {
        if let Some(p) = self.page.as_mut() {
            *p = p.saturating_add(1);
        }
    }

    fn span(&self, e: &Elem) -> Span {
        Span {
            page: self.page,
            line: Some(self.ordinal),
            start: Some(e.start),
            end: Some(e.end),
            bbox: None,
        }
    }

    /// The block-level content of `parent`.
    pub fn blocks(&mut self, parent: &Elem, out: &mut Out) {
        for e in parent.elems() {
            self.block(e, out);
        }
    }

    fn block(&mut self, e: &Elem, out: &mut Out) {
        match (e.ns, e.local.as_str()) {
            (Some(Ns::Text), "p" | "h") => self.paragraph(e, None, out),
            (Some(Ns::Text), "list") => self.list(e, 0, None, out),
            (Some(Ns::Table), "table") => {
                let b = self.table(e);
                out.push(b, None);
            }
            (Some(Ns::Text), "soft-page-break") => self.new_page(),
            // Deleted text of tracked changes lives here: left out.
            (Some(Ns::Text), "tracked-changes")
            | (Some(Ns::Text), "sequence-decls" | "variable-decls" | "user-field-decls")
            | (Some(Ns::Office), "forms" | "annotation") => {}
            // An index's template, not its text.
            (_, local) if local.ends_with("-source") => {}
            // Sections, index bodies, frames and anything else: look through.
            _ => self.blocks(e, out),
        }
    }

    /// A `text:list` at nesting `level`; a nested list without a style
    /// name continues its parent's list style.
    fn list(&mut self, e: &Elem, level: u8, inherited: Option<String>, out: &mut Out) {
        let style = e
            .attr(Ns::Text, "style-name")
            .map(str::to_string)
            .or(inherited);
        // A new top-level list restarts its numbering unless it says it
        // continues.
        if level == 0
            && let Some(s) = &style
            && e.attr(Ns::Text, "continue-numbering") != Some("true")
            && e.attr(Ns::Text, "continue-list").is_none()
        {
            self.counters.remove(s);
        }
        for item in e.elems() {
            let header = item.is(Ns::Text, "list-header");
            if !header && !item.is(Ns::Text, "list-item") {
                continue;
            }
            if let (Some(s), Some(v)) = (
                &style,
                item.attr(Ns::Text, "start-value")
                    .and_then(|v| v.parse::<u32>().ok()),
            ) {
                let c = self.counters.entry(s.clone()).or_default();
                if c.len() <= level as usize {
                    c.resize(level as usize + 1, 0);
                }
                if let Some(slot) = c.get_mut(level as usize) {
                    *slot = v.saturating_sub(1);
                }
            }
            let mut first = true;
            for child in item.elems() {
                if child.is(Ns::Text, "p") || child.is(Ns::Text, "h") {
                    let ctx = ListCtx {
                        style: style.as_deref(),
                        level,
                        first,
                        header,
                    };
                    self.paragraph(child, Some(ctx), out);
                    first = false;
                } else if child.is(Ns::Text, "list") {
                    self.list(child, level.saturating_add(1), style.clone(), out);
                } else {
                    self.block(child, out);
                }
            }
        }
    }

    /// The label of a list paragraph, and its bullet level when bulleted.
    fn label(&mut self, ctx: &ListCtx<'_>, pstyle: Option<&str>) -> (Option<String>, Option<u8>) {
        if !ctx.first || ctx.header {
            return (None, None);
        }
        // The list's style, else the one the paragraph style carries.
        let styles = self.styles;
        let Some(style) = ctx.style.or_else(|| styles.paragraph_list_style(pstyle)) else {
            return (None, None);
        };
        let Some(levels) = self.styles.list(style) else {
            return (None, None);
        };
        let lvl = ctx.level as usize;
        let Some(def) = levels.get(lvl.min(levels.len().saturating_sub(1))) else {
            return (None, None);
        };
        if let Some(b) = &def.bullet {
            let b = bullet_char(b);
            return (
                (!b.trim().is_empty()).then(|| b.trim().to_string()),
                Some(ctx.level),
            );
        }
        let counters = self.counters.entry(style.to_string()).or_default();
        if counters.len() <= lvl {
            counters.resize(lvl + 1, 0);
            for (i, c) in counters.iter_mut().enumerate() {
                if *c == 0 {
                    *c = levels
                        .get(i)
                        .map(|l| l.start)
                        .unwrap_or(1)
                        .saturating_sub(1);
                }
            }
        }
        if let Some(c) = counters.get_mut(lvl) {
            *c = c.saturating_add(1);
        }
        counters.truncate(lvl + 1);
        if def.format.is_empty() {
            return (None, None);
        }
        let shown = (def.display_levels.max(1) as usize).min(lvl + 1);
        let numbers: Vec<String> = (lvl + 1 - shown..=lvl)
            .map(|i| {
                let f = levels
                    .get(i)
                    .map(|l: &ListLevel| l.format.as_str())
                    .unwrap_or("1");
                format_number(counters.get(i).copied().unwrap_or(1), f)
            })
            .collect();
        let label = format!("{}{}{}", def.prefix, numbers.join("."), def.suffix);
        (Some(label.trim().to_string()), None)
    }

    fn paragraph(&mut self, e: &Elem, list: Option<ListCtx<'_>>, out: &mut Out) {
        self.ordinal += 1;
        let pstyle = e.attr(Ns::Text, "style-name");
        let role = if e.is(Ns::Text, "h") {
            let level = e
                .attr(Ns::Text, "outline-level")
                .and_then(|v| v.parse::<u8>().ok())
                .unwrap_or(1)
                .clamp(1, 9);
            Role::Heading(level)
        } else if let Some(level) = self.styles.heading_level(pstyle) {
            Role::Heading(level)
        } else if self.styles.is_title(pstyle) {
            Role::Title
        } else {
            Role::Body
        };
        if self.styles.page_break_before(pstyle) && self.page.is_some() {
            out.push(
                Block {
                    kind: BlockKind::PageBreak,
                    span: self.span(e),
                },
                None,
            );
            self.new_page();
        }
        let (mut label, mut bullet) = match &list {
            Some(ctx) => self.label(ctx, pstyle),
            None => {
                // A paragraph whose style carries a list style but that is
                // not in a text:list is not numbered (ODF numbers lists).
                (None, None)
            }
        };
        // A heading's printed number (text:number) is its label.
        if let Some(n) = e.child(Ns::Text, "number") {
            let t = text_of(n);
            if !t.trim().is_empty() {
                label = Some(t.trim().to_string());
                bullet = None;
            }
        }
        let span = self.span(e);
        let mut para = Paragraph::new(role);
        para.label = label;
        let mut boxes = Out::default();
        let mut last_space = true;
        let mut hidden = false;
        self.inline(
            e,
            pstyle,
            &Inline::default(),
            &mut para,
            &mut last_space,
            &mut boxes,
            &mut hidden,
        );
        if hidden {
            self.hidden_runs += 1;
        }
        out.push(Block::paragraph(para, span), bullet);
        for (b, bl) in boxes.into_parts() {
            out.push(b, bl);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn inline<'t>(
        &mut self,
        e: &'t Elem,
        pstyle: Option<&str>,
        ctx: &Inline<'t>,
        para: &mut Paragraph,
        last_space: &mut bool,
        boxes: &mut Out,
        hidden: &mut bool,
    ) {
        let push =
            |s: &Styles, para: &mut Paragraph, text: &str, ctx: &Inline<'_>, hidden: &mut bool| {
                let (style, is_hidden) = s.text_style(pstyle, &ctx.spans);
                if is_hidden {
                    *hidden |= !text.trim().is_empty();
                    return;
                }
                para.push(text, style, ctx.link);
            };
        for child in &e.children {
            let el = match child {
                Node::Text(t) => {
                    let mut s = String::new();
                    collapse(t, last_space, &mut s);
                    push(self.styles, para, &s, ctx, hidden);
                    continue;
                }
                Node::Elem(el) => el,
            };
            match (el.ns, el.local.as_str()) {
                (Some(Ns::Text), "span") => {
                    let mut inner = ctx.clone();
                    if let Some(s) = el.attr(Ns::Text, "style-name") {
                        inner.spans.push(s);
                    }
                    self.inline(el, pstyle, &inner, para, last_space, boxes, hidden);
                }
                (Some(Ns::Text), "a") => {
                    let mut inner = ctx.clone();
                    inner.link = Some(el.attr(Ns::Xlink, "href").unwrap_or("#"));
                    if let Some(s) = el.attr(Ns::Text, "style-name") {
                        inner.spans.push(s);
                    }
                    self.inline(el, pstyle, &inner, para, last_space, boxes, hidden);
                }
                (Some(Ns::Text), "s") => {
                    let n = el
                        .attr(Ns::Text, "c")
                        .and_then(|v| v.parse::<usize>().ok())
                        .unwrap_or(1)
                        .clamp(1, 1000);
                    push(self.styles, para, &" ".repeat(n), ctx, hidden);
                    *last_space = true;
                }
                (Some(Ns::Text), "tab") => {
                    push(self.styles, para, "\t", ctx, hidden);
                    *last_space = true;
                }
                (Some(Ns::Text), "line-break") => {
                    push(self.styles, para, "\n", ctx, hidden);
                    *last_space = true;
                }
                (Some(Ns::Text), "soft-page-break") => self.new_page(),
                (Some(Ns::Text), "note") => {
                    let endnote = el.attr(Ns::Text, "note-class") == Some("endnote");
                    let n = if endnote {
                        self.endnotes += 1;
                        self.endnotes
                    } else {
                        self.footnotes += 1;
                        self.footnotes
                    };
                    let id = if endnote {
                        format!("en{n}")
                    } else {
                        format!("fn{n}")
                    };
                    let (style, _) = self.styles.text_style(pstyle, &ctx.spans);
                    para.runs.push(Run {
                        text: format!("[{n}]"),
                        style,
                        link: None,
                        note: Some(id.clone()),
                    });
                    if let Some(body) = el.child(Ns::Text, "note-body") {
                        let page = self.page.take();
                        let mut o = Out::default();
                        self.blocks(body, &mut o);
                        self.page = page;
                        self.notes.push(Note {
                            id,
                            blocks: o.finish(),
                        });
                    }
                    *last_space = false;
                }
                (Some(Ns::Draw), "frame") => {
                    if el.child(Ns::Draw, "image").is_some() {
                        self.images += 1;
                    }
                    if let Some(tb) = el.child(Ns::Draw, "text-box") {
                        self.blocks(tb, boxes);
                    }
                }
                (Some(Ns::Text), "ruby") => {
                    if let Some(base) = el.child(Ns::Text, "ruby-base") {
                        self.inline(base, pstyle, ctx, para, last_space, boxes, hidden);
                    }
                }
                // Label (read by the paragraph), changes, bookmarks,
                // annotations, index marks: no text of the paragraph.
                (
                    Some(Ns::Text),
                    "number" | "tracked-changes" | "change" | "change-start" | "change-end",
                )
                | (Some(Ns::Office), "annotation" | "annotation-end") => {}
                (Some(Ns::Text), local)
                    if local.starts_with("bookmark")
                        || local.starts_with("reference-mark")
                        || local.ends_with("-mark")
                        || local.ends_with("-mark-start")
                        || local.ends_with("-mark-end") => {}
                // Fields (date, page number, sequence…), meta, others: their
                // text is what is shown.
                _ => self.inline(el, pstyle, ctx, para, last_space, boxes, hidden),
            }
        }
    }

    fn table(&mut self, e: &Elem) -> Block {
        self.ordinal += 1;
        let span = self.span(e);
        let mut rows = Vec::new();
        self.rows(e, false, &mut rows);
        Block {
            kind: BlockKind::Table(Table { rows }),
            span,
        }
    }

    fn rows(&mut self, e: &Elem, header: bool, rows: &mut Vec<Row>) {
        for r in e.elems() {
            match (r.ns, r.local.as_str()) {
                (Some(Ns::Table), "table-row") => {
                    let mut cells = Vec::new();
                    for c in r.elems() {
                        if !c.is(Ns::Table, "table-cell") {
                            // Covered cells are the merged-away part of a span.
                            if c.is(Ns::Text, "soft-page-break") {
                                self.new_page();
                            }
                            continue;
                        }
                        let mut out = Out::default();
                        self.blocks(c, &mut out);
                        let num = |n: &str| {
                            c.attr(Ns::Table, n)
                                .and_then(|v| v.parse::<u32>().ok())
                                .unwrap_or(1)
                                .max(1)
                        };
                        cells.push(Cell {
                            blocks: out.finish(),
                            col_span: num("number-columns-spanned"),
                            row_span: num("number-rows-spanned"),
                        });
                    }
                    rows.push(Row { cells, header });
                }
                (Some(Ns::Table), "table-header-rows") => self.rows(r, true, rows),
                (Some(Ns::Table), "table-rows" | "table-row-group") => self.rows(r, header, rows),
                (Some(Ns::Text), "soft-page-break") => self.new_page(),
                _ => {}
            }
        }
    }
}

/// All text inside an element, as is.
fn text_of(e: &Elem) -> String {
    let mut s = String::new();
    for c in &e.children {
        match c {
            Node::Text(t) => s.push_str(t),
            Node::Elem(el) => s.push_str(&text_of(el)),
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn white_space_collapses() {
        let mut s = String::new();
        let mut last = true;
        collapse("  a \n\t b ", &mut last, &mut s);
        collapse(" c", &mut last, &mut s);
        assert_eq!(s, "a b c");
    }

    #[test]
    fn numbers() {
        assert_eq!(format_number(4, "I"), "IV");
        assert_eq!(format_number(2, "a"), "b");
        assert_eq!(format_number(12, "1"), "12");
        assert_eq!(bullet_char("\u{F0B7}"), "•");
    }
}
