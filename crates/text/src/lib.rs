//! Reads text and markdown minutes into the `minutes` document model.
//!
//! Text minutes are mostly renderings of Word or PDF files, and they carry
//! that origin's layout in plain characters:
//! - markdown headings (`# …`), emphasis (`**bold**`, `~~struck~~`, `*italic*`),
//!   bullets (`- …`) and links (`[name](target)`);
//! - tables as tab-separated lines, whose cells may hold HTML (`<p>`, `<b>`,
//!   `<ul><li>`, `<a href>`), parsed with `scraper`;
//! - artefacts of pages: a table row split at a page break (its first cell
//!   empty, or its first cell a lower-case fragment of the row before), and
//!   PDF text whose lines were hard-wrapped, even mid-sentence.
//!
//! The reader turns each of these into neutral model facts: one paragraph per
//! source paragraph (wrapped lines joined), one table row per row, styles on
//! runs. It decides nothing about meetings or agenda items.
//!
//! Org-mode files ([`read_org`]) are read here too: org is text with other
//! markup (stars for headings, `*bold*`, `+strike+`, `[[link][text]]`, `|`
//! tables), and it shares this reader's decoding, line model and joining of
//! hard-wrapped lines — a crate of its own would have to copy them.
#![deny(missing_docs)]

mod decode;
mod inline;
mod org;
mod tex;

pub use org::read as read_org;
pub use tex::read as read_tex;

use inline::{html_blocks, looks_like_html, push_markdown, trim_paragraph};
use minutes_model::{
    Block, BlockKind, Cell, Document, Format, List, ListItem, Paragraph, Role, Row, Span, Style,
    Table,
};
use std::borrow::Cow;

/// Why a text file could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file has no bytes.
    #[error("the file is empty")]
    Empty,
    /// The file has bytes but no visible text.
    #[error("the file holds no text (only white space or control characters)")]
    NoText,
    /// Binary data, not text.
    #[error("not a text file: it contains binary data (NUL bytes)")]
    Binary,
}

/// Bytes that are no text: zero bytes in the first 8 KiB, unless they are
/// UTF-16's (with its byte-order mark or without).
pub fn is_binary(bytes: &[u8]) -> bool {
    decode::utf16_encoding(bytes).is_none() && bytes.iter().take(8192).any(|&b| b == 0)
}

/// The text of a file's bytes, for every reader of this crate: an empty
/// file and binary data are errors, anything else decodes.
fn decoded(bytes: &[u8]) -> Result<decode::Decoded, Error> {
    if bytes.is_empty() {
        return Err(Error::Empty);
    }
    if is_binary(bytes) {
        return Err(Error::Binary);
    }
    Ok(decode::decode(bytes))
}

/// Read a text or markdown file's bytes into a [`Document`].
pub fn read(bytes: &[u8], _opts: &minutes_model::ReadOptions) -> Result<Document, Error> {
    let decoded = decoded(bytes)?;
    if decoded.text.trim().is_empty() {
        return Err(Error::NoText);
    }
    let mut doc = Document::default();
    doc.source.format = Some(Format::Txt);
    doc.diagnostics.extend(decoded.diagnostic);
    let (body, furniture, pages) = split_furniture(&decoded.text);
    doc.blocks = parse(&body);
    doc.furniture = furniture;
    if pages > 0 {
        doc.source.pages = Some(pages + 1);
    }
    doc.normalize();
    Ok(doc)
}

/// Page furniture in text exports of paged documents: page numbers ("3 (100)",
/// "Sida 2 av 41", "- 4 -") and the running header lines that repeat after
/// them; a page number with the page's running header on its line ("2
/// Sammanträdesprotokoll Socialnämnden 2016-06-09" on every page); and a
/// page's number of pages glued to its first line ("2(13) Närvarolista",
/// "3(13) Ärendelista"), of which only the number goes. They are blanked in
/// the body (so line numbers and offsets still point into the source) and
/// returned apart, with the number of page breaks seen.
fn split_furniture(text: &str) -> (String, Vec<Block>, u32) {
    let lines: Vec<&str> = text.split('\n').collect();
    let is_page_number = |l: &str| PAGE_NUMBER.iter().any(|re| re.is_match(l.trim()));
    let (first_header, numbered_headers) = numbered_running_headers(&lines);
    let glued = glued_page_numbers(&lines);
    let page_lines: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            is_page_number(lines[i])
                || numbered_headers.binary_search(&i).is_ok()
                || glued.iter().any(|(g, _)| *g == i)
        })
        .collect();
    // The first page's running header stays the document's header, its
    // number blanked.
    let glued: Vec<(usize, usize)> = glued.into_iter().chain(first_header).collect();
    if page_lines.len() + usize::from(first_header.is_some()) < 2 {
        return (text.to_string(), Vec::new(), 0);
    }
    // Lines that repeat right after page numbers are the running header.
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for (k, &p) in page_lines.iter().enumerate() {
        // The lines of this page only: a short page's window would count
        // the next page's lines too.
        let next = page_lines.get(k + 1).copied().unwrap_or(lines.len());
        for l in lines.iter().take(next).skip(p + 1).take(6) {
            let t = l.trim();
            if !t.is_empty() && t.chars().count() <= 80 {
                *counts.entry(t).or_default() += 1;
            }
        }
    }
    let header: std::collections::BTreeSet<&str> = counts
        .into_iter()
        .filter(|(_, n)| *n * 2 >= page_lines.len() && *n >= 2)
        .map(|(t, _)| t)
        .collect();
    let mut furniture = Vec::new();
    let mut out: Vec<std::borrow::Cow<'_, str>> = Vec::with_capacity(lines.len());
    let mut offset = 0u64;
    let mut after_page = false;
    let mut page = 1u32;
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim();
        let span = Span {
            page: Some(page),
            line: Some(i as u32 + 1),
            start: Some(offset),
            end: Some(offset + l.len() as u64),
            ..Span::default()
        };
        offset += l.len() as u64 + 1;
        // "2(13) Närvarolista": the number goes, the line stays, the
        // number's bytes blanked.
        if let Some((_, end)) = glued.iter().find(|(g, _)| *g == i) {
            if first_header.is_none_or(|(f, _)| f != i) {
                page += 1;
            }
            after_page = false;
            let mut p = Paragraph::new(Role::Body);
            p.push(l[..*end].trim(), Style::NONE, None);
            furniture.push(Block::paragraph(p, span));
            out.push(std::borrow::Cow::Owned(format!(
                "{}{}",
                " ".repeat(*end),
                &l[*end..]
            )));
            continue;
        }
        let furniture_line = if page_lines.binary_search(&i).is_ok() {
            after_page = true;
            page += 1;
            true
        } else if after_page && header.contains(t) {
            true
        } else {
            if !t.is_empty() {
                after_page = false;
            }
            false
        };
        if furniture_line {
            let mut p = Paragraph::new(Role::Body);
            p.push(t, Style::NONE, None);
            furniture.push(Block::paragraph(p, span));
            out.push(std::borrow::Cow::Borrowed(""));
        } else {
            out.push(std::borrow::Cow::Borrowed(l));
        }
    }
    (out.join("\n"), furniture, page_lines.len() as u32)
}

/// "1 Sammanträdesprotokoll Socialnämnden 2016-06-09" … "2
/// Sammanträdesprotokoll Socialnämnden 2016-06-09": lines that open with a
/// number and are otherwise the same, the numbers rising and no two alike
/// (an agenda repeated above the minutes numbers its points alike). The
/// first such line with its number's end, when it opens the document's
/// first lines, and the indices of the others, in order.
fn numbered_running_headers(lines: &[&str]) -> (Option<(usize, usize)>, Vec<usize>) {
    let mut by_text: std::collections::HashMap<&str, Vec<(usize, u32)>> = Default::default();
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim();
        if t.len() > 100 {
            continue;
        }
        if let Some(c) = NUMBERED_LINE.captures(t)
            && let (Some(n), Some(rest)) = (c.get(1), c.get(2))
            && let Ok(n) = n.as_str().parse::<u32>()
        {
            by_text.entry(rest.as_str()).or_default().push((i, n));
        }
    }
    let mut out: Vec<usize> = by_text
        .into_values()
        .filter(|seen| seen.len() >= 2 && seen.windows(2).all(|w| w[1].1 > w[0].1))
        .flatten()
        .map(|(i, _)| i)
        .collect();
    out.sort_unstable();
    let first = out
        .first()
        .copied()
        .filter(|&i| lines[..i].iter().filter(|l| !l.trim().is_empty()).count() <= 3)
        .and_then(|i| {
            let l = lines[i];
            let end = l.len() - l.trim_start().len() + l.trim_start().find(' ')?;
            Some((i, end))
        });
    if first.is_some() {
        out.remove(0);
    }
    (first, out)
}

/// "2(13) Närvarolista", "3(13) Ärendelista 17. …": a page's number and
/// its number of pages glued before the page's first line, on two lines
/// or more with the same count and rising numbers within it. Each line's
/// index and the number's end.
fn glued_page_numbers(lines: &[&str]) -> Vec<(usize, usize)> {
    let mut found: Vec<(usize, usize, u32, u32)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if let Some(c) = GLUED_PAGE_NUMBER.captures(l)
            && let (Some(m), Some(n), Some(of)) = (c.get(0), c.get(1), c.get(2))
            && let (Ok(n), Ok(of)) = (n.as_str().parse::<u32>(), of.as_str().parse::<u32>())
            && n <= of
        {
            found.push((i, m.end(), n, of));
        }
    }
    let rising = found.len() >= 2
        && found
            .windows(2)
            .all(|w| w[1].3 == w[0].3 && w[1].2 > w[0].2);
    if !rising {
        return Vec::new();
    }
    found.into_iter().map(|(i, end, _, _)| (i, end)).collect()
}

/// A number, then the rest of a line (a running header after its page's
/// number).
static NUMBERED_LINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^(\d{1,4})\s+(\p{L}.{2,})$").expect("valid regex")
});

/// "2(13) ": a page's number and the count of pages before a line's text.
static GLUED_PAGE_NUMBER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^\s*(\d{1,4})\s*\((\d{1,4})\)\s+").expect("valid regex")
});

/// An HTML line break inside a markdown table cell ("<br>", "<br/>").
static LINE_BREAK_TAG: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"(?i)<br\s*/?>").expect("valid regex"));

static PAGE_NUMBER: std::sync::LazyLock<Vec<regex::Regex>> = std::sync::LazyLock::new(|| {
    [
        r"^\d{1,4}\s*\(\d{1,4}\)$",
        r"(?i)^sid(?:a|an)?\s+\d{1,4}\s*(?:av|\(|/)\s*\d{1,4}\)?$",
        r"^-\s*\d{1,4}\s*-$",
        r"^\d{1,4}\s*/\s*\d{1,4}$",
        r"(?i)^page\s+\d{1,4}\s+of\s+\d{1,4}$",
    ]
    .iter()
    .filter_map(|p| regex::Regex::new(p).ok())
    .collect()
});

/// One source line with its position.
struct Line<'a> {
    text: &'a str,
    span: Span,
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut offset = 0u64;
    for (i, raw) in text.split('\n').enumerate() {
        let len = raw.len() as u64;
        out.push(Line {
            text: raw,
            span: Span {
                line: Some(i as u32 + 1),
                start: Some(offset),
                end: Some(offset + len),
                ..Span::default()
            },
        });
        offset += len + 1;
    }
    out
}

/// Parse decoded text into blocks.
fn parse(text: &str) -> Vec<Block> {
    let lines = lines(text);
    let wrap = wrap_width(&lines);
    let mut blocks: Vec<Block> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        let t = line.text;
        // "```" and "~~~" fence a block of markdown that minutes use for
        // lists (a röstlängd): the fence is no text, what it holds is read
        // as lines.
        if t.trim().is_empty() || is_fence(t) {
            i += 1;
            continue;
        }
        // "1.⇥Mötets öppnande" between lines without tabs: a numbered
        // line whose number a word processor set apart with a tab, not a
        // table of one row.
        // Tabs only at the end of the line ("### Resultaträkning⇥⇥") set
        // apart no cells.
        let tabbed = t.trim_end_matches(['\t', ' ', '\r']).contains('\t');
        if tabbed && marker_then_tab(&lines, i) {
            blocks.push(line_block(&t.replacen('\t', " ", 1), line.span));
            i += 1;
            continue;
        }
        if tabbed && !t.trim().is_empty() {
            let (table, next) = parse_table(&lines, i);
            blocks.push(table);
            i = next;
            continue;
        }
        // A markdown (GFM) table: a row of cells between pipes, then a
        // delimiter row ("|---|:--:|").
        if is_pipe_row(t) && lines.get(i + 1).is_some_and(|l| is_delimiter_row(l.text)) {
            let (table, next) = parse_pipe_table(&lines, i);
            blocks.push(table);
            i = next;
            continue;
        }
        // "Ekonomi" over "=======": a heading underlined as markdown's
        // setext headings and plain-text minutes write them.
        // Dashes underline the level below, as in markdown.
        let level = lines.get(i + 1).and_then(|u| {
            if underlines(u.text) {
                Some(1)
            } else {
                dashes_under(t, u.text).then_some(2)
            }
        });
        if let Some(level) = level
            && !t.trim().is_empty()
            && t.trim().chars().count() <= 120
            && bullet(t).is_none()
            && !underlines(t)
        {
            let mut p = Paragraph::new(Role::Heading(level));
            push_markdown(&mut p, t.trim(), Style::NONE);
            trim_paragraph(&mut p);
            blocks.push(Block::paragraph(p, line.span.cover(lines[i + 1].span)));
            i += 2;
            continue;
        }
        if let Some(item) = bullet(t) {
            // Consecutive bullets (blank lines between allowed) form one list.
            let mut items = vec![list_item(item, line.span)];
            let mut span = line.span;
            let mut j = i + 1;
            loop {
                let mut k = j;
                while k < lines.len() && lines[k].text.trim().is_empty() {
                    k += 1;
                }
                match lines
                    .get(k)
                    .and_then(|l| bullet(l.text).map(|b| (b, l.span)))
                {
                    Some((b, s)) if k - j <= 1 => {
                        items.push(list_item(b, s));
                        span = span.cover(s);
                        j = k + 1;
                    }
                    _ => break,
                }
            }
            blocks.push(Block {
                kind: BlockKind::List(List {
                    ordered: false,
                    items,
                }),
                span,
            });
            i = j;
            continue;
        }
        let block = line_block(t, line.span);
        // A line starting in lower case right after a table continues the
        // last cell across a page break.
        if starts_lower(t)
            && let Some(Block {
                kind: BlockKind::Table(tab),
                ..
            }) = blocks.last_mut()
            && append_to_last_cell(tab, &block)
        {
            i += 1;
            continue;
        }
        blocks.push(block);
        i += 1;
    }
    unwrap_paragraphs(blocks, wrap, text)
}

/// A line of three or more "=" and nothing else: the underline of the
/// heading above it. (A line of "-" is as often a rule between parts, or
/// the end of a file's front matter, as an underline: it is left alone.)
fn underlines(t: &str) -> bool {
    let t = t.trim();
    t.chars().count() >= 3 && t.chars().all(|c| c == '=')
}

/// A markdown code fence: three backticks or tildes, perhaps with a
/// language name.
fn is_fence(t: &str) -> bool {
    let t = t.trim();
    (t.starts_with("```") || t.starts_with("~~~"))
        && t[3..]
            .chars()
            .all(|c| c.is_alphanumeric() || c == '`' || c == '~' || c == '-')
}

/// Labels of a signature block, lower case, which a line to sign on may
/// follow.
const SIGNATURE_LABELS: &[&str] = &[
    "vid protokollet",
    "justeras",
    "justerat",
    "ordförande",
    "sekreterare",
    "justerare",
    "mötesordförande",
    "mötessekreterare",
    "ort och datum",
    "underskrift",
    "namnförtydligande",
];

/// "Ekonomi" over "-------": a line of dashes as long as the line above it
/// (give or take two) underlines it as a heading; so does a short rule of
/// dashes (up to 24) under a title shorter than it that is no sentence and
/// no field ("Ekonomi" over a rule of twenty, as typed by hand). A rule
/// between parts is as long as the page, not as its title, and is left
/// alone.
fn dashes_under(title: &str, under: &str) -> bool {
    let (title, under) = (title.trim(), under.trim());
    let (n, m) = (title.chars().count(), under.chars().count());
    // Asked only of a line of dashes (this runs for every line of a text):
    // a signature block's labels over the line to sign on ("Vid
    // protokollet" over a rule, then the name) are no headings.
    let typed_rule = || {
        m > n
            && m <= 24
            && !title.ends_with(['.', ':', ';', ',', '!', '?'])
            && !title.contains([':', '\t'])
            && !SIGNATURE_LABELS.contains(&title.to_lowercase().as_str())
    };
    m >= 3
        && n <= 60
        && under.chars().all(|c| c == '-')
        && (n.abs_diff(m) <= 2 || typed_rule())
        && !title.chars().all(|c| c == '-')
}

/// The block for one non-table, non-bullet line.
fn line_block(t: &str, span: Span) -> Block {
    let trimmed = t.trim();
    if looks_like_html(trimmed) {
        let mut bs = html_blocks(trimmed, span);
        if bs.len() == 1 {
            return bs.remove(0);
        }
        // Several HTML blocks on one line: keep them together as one paragraph
        // sequence by returning the first and chaining the rest is not
        // possible in one Block, so flatten into a paragraph with line breaks.
        let mut p = Paragraph::new(Role::Body);
        for (n, b) in bs.iter().enumerate() {
            if n > 0 {
                p.push("\n", Style::NONE, None);
            }
            for q in b.paragraphs() {
                for r in &q.runs {
                    p.push(&r.text, r.style, r.link.as_deref());
                }
            }
        }
        return Block::paragraph(p, span);
    }
    let (role, body) = match heading(trimmed) {
        Some((level, rest)) => (Role::Heading(level), rest),
        None => (Role::Body, trimmed),
    };
    let mut p = Paragraph::new(role);
    push_markdown(&mut p, body, Style::NONE);
    trim_paragraph(&mut p);
    Block::paragraph(p, span)
}

/// `# Heading` → (level, text). Hand-written markdown often leaves out the
/// space after two or more hashes ("####4. Val av ordförande"); a single
/// `#` glued to a word is a hashtag, not a heading.
fn heading(t: &str) -> Option<(u8, &str)> {
    if let Some(wiki) = wiki_heading(t) {
        return Some(wiki);
    }
    let hashes = t.chars().take_while(|&c| c == '#').count();
    let rest = &t[hashes..];
    let spaced = rest.starts_with(' ');
    let glued = hashes >= 2 && rest.starts_with(|c: char| c.is_alphanumeric() || c == '§');
    if (1..=6).contains(&hashes) && (spaced || glued) {
        Some((hashes as u8, rest.trim()))
    } else {
        None
    }
}

/// "== Ekonomi ==" → (2, "Ekonomi"): MediaWiki's heading, which minutes kept
/// on an association's wiki bring along when they are saved as text. The
/// same number of "=" on both sides, two to six.
fn wiki_heading(t: &str) -> Option<(u8, &str)> {
    let t = t.trim();
    let open = t.chars().take_while(|&c| c == '=').count();
    let close = t.chars().rev().take_while(|&c| c == '=').count();
    if !(2..=6).contains(&open) || open != close || t.len() <= 2 * open {
        return None;
    }
    let inner = t[open..t.len() - close].trim();
    (!inner.is_empty() && !inner.contains('=')).then_some((open as u8, inner))
}

/// A bullet line: (nesting level, text after the bullet).
fn bullet(t: &str) -> Option<(u8, &str)> {
    let indent = t.len() - t.trim_start().len();
    let s = t.trim_start();
    // Word's bullets as a text export leaves them, Symbol and Wingdings
    // glyphs of the private use area included. Arrows are left out: they
    // mark a task or an outcome ("→ Anna bokar lokal"), not a list.
    for b in [
        "- ",
        "* ",
        "+ ",
        "• ",
        "\u{f0b7} ",
        "● ",
        "– ",
        "▪ ",
        "■ ",
        "○ ",
        "◦ ",
        "➢ ",
        "· ",
        "\u{f0a7} ",
        "\u{f076} ",
        "\u{f0d8} ",
    ] {
        if let Some(rest) = s.strip_prefix(b) {
            // "- [ ] task" checkboxes and "* *" emphasis are still bullets;
            // a lone "-" is not.
            if rest.trim().is_empty() {
                return None;
            }
            return Some(((indent / 2).min(8) as u8, rest));
        }
    }
    None
}

fn list_item((level, text): (u8, &str), span: Span) -> ListItem {
    let block = line_block(text, span);
    ListItem {
        label: Some("•".to_string()),
        level,
        blocks: vec![block],
    }
}

/// Line `i` is a list marker, a tab and a title ("1.⇥Ekonomi", "§ 3⇥Val",
/// "b)⇥Bokslut"), and the lines around it (blank lines aside) have no tab:
/// a numbered line, not a row of a table.
fn marker_then_tab(lines: &[Line<'_>], i: usize) -> bool {
    let cells: Vec<&str> = lines[i].text.split('\t').map(str::trim).collect();
    let [marker, title] = cells.as_slice() else {
        return false;
    };
    let is_marker = {
        let m = marker.strip_prefix('§').map_or(*marker, str::trim_start);
        let digits = m.trim_end_matches(['.', ')', ':']);
        (m.len() > digits.len() || marker.starts_with('§'))
            && (1..=3).contains(&digits.len())
            && digits.chars().all(|c| c.is_ascii_digit())
            || m.chars().count() == 2
                && m.starts_with(|c: char| c.is_alphabetic())
                && m.ends_with([')', '.'])
    };
    let no_tab = |l: Option<&Line<'_>>| l.is_none_or(|l| !l.text.contains('\t'));
    let prev = lines[..i].iter().rev().find(|l| !l.text.trim().is_empty());
    let next = lines[i + 1..].iter().find(|l| !l.text.trim().is_empty());
    // "5.⇥<p>…</p>": cells written in HTML are a table's, as exported.
    is_marker && !title.is_empty() && !title.starts_with('<') && no_tab(prev) && no_tab(next)
}

/// Parse consecutive tab-separated lines (blank lines between them allowed)
/// into one table; returns the table and the index of the next line.
fn parse_table(lines: &[Line<'_>], start: usize) -> (Block, usize) {
    let mut rows: Vec<Row> = Vec::new();
    let mut span = lines[start].span;
    let mut i = start;
    while i < lines.len() {
        let t = lines[i].text;
        if t.trim().is_empty() {
            // Continue only if another tab line follows the blank ones.
            let mut k = i;
            while k < lines.len() && lines[k].text.trim().is_empty() {
                k += 1;
            }
            if k < lines.len() && lines[k].text.contains('\t') {
                i = k;
                continue;
            }
            break;
        }
        if !t.contains('\t') {
            break;
        }
        let s = lines[i].span;
        span = span.cover(s);
        let cells: Vec<Cell> = t
            .trim_end_matches(['\r', ' '])
            .split('\t')
            .map(|c| Cell::new(cell_blocks(c, s)))
            .collect();
        let row = Row {
            cells,
            header: false,
        };
        // A ruler row ("---\t--") is decoration, not content.
        if !row
            .cells
            .iter()
            .any(|c| c.plain_text().chars().any(char::is_alphanumeric))
        {
            i += 1;
            continue;
        }
        match rows.last_mut() {
            Some(prev) if continues_row(prev, &row) => merge_rows(prev, row),
            _ => rows.push(row),
        }
        i += 1;
    }
    (
        Block {
            kind: BlockKind::Table(Table { rows }),
            span,
        },
        i,
    )
}

fn is_pipe_row(t: &str) -> bool {
    let t = t.trim();
    t.starts_with('|') || t.matches('|').count() >= 2
}

fn is_delimiter_row(t: &str) -> bool {
    let cells = pipe_cells(t);
    !cells.is_empty()
        && cells.iter().all(|c| {
            let c = c.trim();
            let inner = c.trim_start_matches(':').trim_end_matches(':');
            inner.len() >= 3 && inner.chars().all(|ch| ch == '-')
        })
}

/// The cells of a pipe row: split at pipes that are not escaped ("\|"),
/// without the outer pipes.
fn pipe_cells(t: &str) -> Vec<String> {
    let t = t.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = t
        .strip_suffix('|')
        .filter(|r| !r.ends_with('\\'))
        .unwrap_or(t);
    let mut cells = vec![String::new()];
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                chars.next();
                if let Some(s) = cells.last_mut() {
                    s.push('|');
                }
            }
            '|' => cells.push(String::new()),
            _ => {
                if let Some(s) = cells.last_mut() {
                    s.push(c);
                }
            }
        }
    }
    cells
}

/// A GFM table from its header row at `start` to the last pipe row.
fn parse_pipe_table(lines: &[Line<'_>], start: usize) -> (Block, usize) {
    let mut rows: Vec<Row> = Vec::new();
    let mut span = lines[start].span;
    let mut i = start;
    while i < lines.len() && is_pipe_row(lines[i].text) {
        let s = lines[i].span;
        span = span.cover(s);
        if i == start + 1 {
            // The delimiter row.
            i += 1;
            continue;
        }
        let cells = pipe_cells(lines[i].text)
            .iter()
            .map(|c| Cell::new(cell_blocks(c, s)))
            .collect();
        rows.push(Row {
            cells,
            header: i == start,
        });
        i += 1;
    }
    (
        Block {
            kind: BlockKind::Table(Table { rows }),
            span,
        },
        i,
    )
}

fn cell_blocks(cell: &str, span: Span) -> Vec<Block> {
    let c = cell.trim();
    if c.is_empty() {
        return Vec::new();
    }
    // "**Ekonomi**<br>Budgeten godkändes.": a markdown cell whose only tags
    // are line breaks keeps its markdown (bold titles, links).
    let broken = LINE_BREAK_TAG.replace_all(c, "\n");
    if looks_like_html(&broken) {
        return html_blocks(c, span);
    }
    let mut p = Paragraph::new(Role::Body);
    push_markdown(&mut p, &broken, Style::NONE);
    trim_paragraph(&mut p);
    vec![Block::paragraph(p, span)]
}

/// A row continues the one before across a page break when its first cell is
/// empty, or when its first cell is a lower-case fragment of the previous
/// first cell's unfinished text.
fn continues_row(prev: &Row, row: &Row) -> bool {
    let first = row.cells.first();
    let empty_first = first.is_none_or(|c| c.plain_text().trim().is_empty());
    if empty_first {
        // "⇥Bo Ek⇥sekreterare" under "Närvarande⇥Anna Berg⇥ordförande": a
        // record of its own under a label that spans rows (a merged cell in
        // Word), not the wrapped end of the row above. It fills two or more
        // of the cells the row above filled, and opens with a capital.
        let filled: Vec<usize> = (1..row.cells.len())
            .filter(|&k| !row.cells[k].plain_text().trim().is_empty())
            .collect();
        let own_record = filled.len() >= 2
            && filled.iter().all(|&k| {
                prev.cells
                    .get(k)
                    .is_some_and(|c| !c.plain_text().trim().is_empty())
            })
            && filled.first().is_some_and(|&k| {
                row.cells[k]
                    .plain_text()
                    .trim_start()
                    .starts_with(char::is_uppercase)
            });
        return !own_record && row.cells.iter().any(|c| !c.blocks.is_empty());
    }
    let first_text = first.map(Cell::plain_text).unwrap_or_default();
    let prev_text = prev.cells.first().map(Cell::plain_text).unwrap_or_default();
    starts_lower(&first_text) && !ends_sentence(&prev_text) && !prev_text.trim().is_empty()
}

/// Append `row`'s cells to `prev`'s, joining a paragraph split by the break.
fn merge_rows(prev: &mut Row, row: Row) {
    for (idx, cell) in row.cells.into_iter().enumerate() {
        if cell.blocks.is_empty() {
            continue;
        }
        if idx >= prev.cells.len() {
            prev.cells.push(cell);
            continue;
        }
        let target = &mut prev.cells[idx];
        let mut incoming = cell.blocks.into_iter();
        if let Some(first) = incoming.next()
            && !join_into_last(&mut target.blocks, &first)
        {
            target.blocks.push(first);
        }
        target.blocks.extend(incoming);
    }
}

/// Join `block` onto the last paragraph of `blocks` when that paragraph ends
/// mid-sentence and `block` is a paragraph starting in lower case.
fn join_into_last(blocks: &mut [Block], block: &Block) -> bool {
    let BlockKind::Paragraph(next) = &block.kind else {
        return false;
    };
    let next_text = next.text();
    if !starts_lower(&next_text) {
        return false;
    }
    let Some(Block {
        kind: BlockKind::Paragraph(last),
        span,
    }) = blocks.last_mut()
    else {
        return false;
    };
    if ends_sentence(&text_ends(last).1) {
        return false;
    }
    join_paragraphs(last, next);
    *span = span.cover(block.span);
    true
}

/// Put a line that fell out of the table back into its last non-empty cell.
fn append_to_last_cell(table: &mut Table, block: &Block) -> bool {
    let Some(row) = table.rows.last_mut() else {
        return false;
    };
    let Some(cell) = row.cells.iter_mut().rev().find(|c| !c.blocks.is_empty()) else {
        return false;
    };
    join_into_last(&mut cell.blocks, block)
}

/// Characters of each end of a paragraph that joining looks at: enough for
/// its tests (four words, the wrap width, the last word). A paragraph that
/// grows line by line is never rebuilt whole: that was quadratic (1 MB of
/// lines joined into one paragraph took 9 s, 50 MB did not finish).
const JOIN_VIEW: usize = 512;

/// The first and the last [`JOIN_VIEW`] characters of a paragraph's text;
/// for a shorter paragraph, its whole text twice. Borrowed from a
/// paragraph of one run (most are): the ends are asked of the paragraph
/// that grows as lines are joined to it, once per line.
fn text_ends(p: &Paragraph) -> (Cow<'_, str>, Cow<'_, str>) {
    if let [run] = p.runs.as_slice() {
        return (
            Cow::Borrowed(first_chars(&run.text, JOIN_VIEW)),
            Cow::Borrowed(last_chars(&run.text, JOIN_VIEW)),
        );
    }
    let mut head = String::new();
    let mut left = JOIN_VIEW;
    for r in &p.runs {
        if left == 0 {
            break;
        }
        let part = first_chars(&r.text, left);
        left -= part.chars().count();
        head.push_str(part);
    }
    let mut parts = Vec::new();
    let mut left = JOIN_VIEW;
    for r in p.runs.iter().rev() {
        if left == 0 {
            break;
        }
        let part = last_chars(&r.text, left);
        left -= part.chars().count();
        parts.push(part);
    }
    let tail: String = parts.into_iter().rev().collect();
    (Cow::Owned(head), Cow::Owned(tail))
}

/// The first `n` characters of `text` (all of it when shorter).
fn first_chars(text: &str, n: usize) -> &str {
    match text.char_indices().nth(n) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

/// The last `n` characters of `text` (all of it when shorter).
fn last_chars(text: &str, n: usize) -> &str {
    match n
        .checked_sub(1)
        .and_then(|k| text.char_indices().rev().nth(k))
    {
        Some((at, _)) => &text[at..],
        None if n == 0 => "",
        None => text,
    }
}

fn join_paragraphs(a: &mut Paragraph, b: &Paragraph) {
    let a_text = text_ends(a).1;
    let hyphen_break = a_text.ends_with('-')
        && a_text
            .chars()
            .rev()
            .nth(1)
            .is_some_and(|c| c.is_alphanumeric())
        && !b
            .text()
            .split_whitespace()
            .next()
            .is_some_and(|w| ["och", "eller", "samt", "till"].contains(&w));
    if !hyphen_break {
        if let Some(last) = a.runs.last_mut() {
            let kept = last.text.trim_end().len();
            last.text.truncate(kept);
        }
        a.push(" ", Style::NONE, None);
    }
    for r in &b.runs {
        a.push(&r.text, r.style, r.link.as_deref());
    }
}

fn starts_lower(t: &str) -> bool {
    t.trim_start()
        .trim_start_matches(['*', '_', '~'])
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase())
}

/// Does the text end a sentence (or a label)?
fn ends_sentence(t: &str) -> bool {
    let t = t
        .trim_end()
        .trim_end_matches(['*', '_', '~', ')', '"', '”']);
    t.ends_with(['.', '!', '?', ':', ';'])
}

/// The width text was hard-wrapped at, when it was (PDF renderings): many
/// lines end close to one maximum length.
fn wrap_width(lines: &[Line<'_>]) -> Option<usize> {
    let mut lens: Vec<usize> = lines
        .iter()
        .filter(|l| !l.text.trim().is_empty() && !l.text.contains('\t'))
        .map(|l| l.text.trim().chars().count())
        .collect();
    if lens.len() < 10 {
        return None;
    }
    lens.sort_unstable();
    let w = lens[lens.len() * 9 / 10];
    if !(50..=140).contains(&w) {
        return None;
    }
    let near = lens
        .iter()
        .filter(|&&l| l * 100 >= w * 75 && l <= w + 10)
        .count();
    (near * 100 >= lens.len() * 35).then_some(w)
}

/// "Ola Rydh (KD), tjänstgjorde från § 49": a name and a party's
/// abbreviation in brackets open a row of a members' list, never the rest of
/// a wrapped sentence.
fn member_row(t: &str) -> bool {
    static MEMBER_ROW: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^\p{Lu}\p{Ll}+(?:[ -]\p{Lu}[\p{Ll}'’-]+){1,3} \((?:\p{Lu}{1,4}|\p{Lu}\p{Ll}{1,2})\)(?:[,;]|$)")
            .expect("valid regex")
    });
    MEMBER_ROW.is_match(t)
}

/// Does a line start something new (an item number, a bullet, a heading)?
fn starts_block(t: &str) -> bool {
    let t = t.trim_start();
    if t.starts_with(['#', '§', '-', '•', '*', '●']) {
        return true;
    }
    let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && digits <= 3 {
        let rest = &t[digits..];
        let rest = rest.strip_prefix('.').unwrap_or(rest);
        let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
        if rest.starts_with(' ')
            && rest
                .trim_start()
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        {
            return true;
        }
    }
    if member_row(t) {
        return true;
    }
    let mut cs = t.chars();
    match (cs.next(), cs.next()) {
        (Some(c), Some(')')) if c.is_ascii_lowercase() => true,
        // "b. Ekonomi": a lettered point, not a wrapped sentence.
        (Some(c), Some('.')) if c.is_ascii_lowercase() => {
            let rest = cs.as_str().strip_prefix(')').unwrap_or(cs.as_str());
            rest.starts_with(' ') && rest.trim_start().starts_with(char::is_uppercase)
        }
        _ => false,
    }
}

/// Does a line open with a short label and its colon ("Date: 14 March",
/// "Närvarande: Anna Berg", "Plats och tid: …")? Such a line starts a field
/// of its own, even when the line above reaches the wrap width.
fn starts_label(t: &str) -> bool {
    let t = t.trim_start();
    let Some((head, rest)) = t.split_once(':') else {
        return false;
    };
    // One or two words, or two joined by "och"/"and" ("Plats och tid"): a
    // longer head is a sentence leading into a list ("Styrelsen beslutade
    // följande:").
    let words: Vec<&str> = head.split_whitespace().collect();
    let joined = words.len() == 3 && matches!(words[1], "och" | "and" | "&");
    (words.len() <= 2 || joined)
        && !words.is_empty()
        && head.chars().count() <= 30
        && head.chars().next().is_some_and(char::is_uppercase)
        && head
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '.')
        && (rest.is_empty() || rest.starts_with([' ', '\t']))
}

/// Does a line open with a short label and a gap that sets its value in a
/// column ("ersättare        Aho, Linnea (L)", "närvarande⇥Kent Sjöberg")?
/// It is a row of a label column, whose label a narrow column may have
/// wrapped from the line above, not the rest of that line's sentence.
fn starts_column_row(t: &str) -> bool {
    let t = t.trim_start();
    let gap = t.find('\t').or_else(|| t.find("    "));
    gap.is_some_and(|at| {
        let label = &t[..at];
        at > 0
            && label.chars().count() <= 30
            && label.split_whitespace().count() <= 3
            && label
                .chars()
                .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '.')
            && !t[at..].trim().is_empty()
    })
}

/// Join paragraphs that a hard wrap split: the first does not end a sentence
/// and either the next starts in lower case, or the last line joined to the
/// first reached the wrap width of a hard-wrapped text. Where blank lines
/// part paragraphs, a line after one starts a paragraph, unless a full line
/// precedes it and it starts in lower case (a sentence broken by a page's
/// furniture, which the reader blanked out).
fn unwrap_paragraphs(blocks: Vec<Block>, wrap: Option<usize>, source: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    let blank_breaks = blank_lines_part_paragraphs(source);
    // Whether the last paragraph of `out` holds a line break: kept as it
    // grows rather than searched for again at every line.
    let mut last_breaks = false;
    // How long the last line joined to it is: a line that ran to the wrap
    // width was wrapped, whatever the lines before it in the paragraph.
    let mut last_line = 0;
    for b in blocks {
        if let (
            Some(Block {
                kind: BlockKind::Paragraph(prev),
                span,
            }),
            BlockKind::Paragraph(next),
        ) = (out.last_mut(), &b.kind)
            && prev.role == Role::Body
            && next.role == Role::Body
            && !last_breaks
        {
            let next_text = next.text();
            let (head, tail) = text_ends(prev);
            if should_join(&head, &tail, last_line, &next_text, wrap)
                && !column_continuation(source, *span, b.span)
                && !(blank_breaks
                    && blank_line_between(source, *span, b.span)
                    // A sentence that a page's furniture (blanked by the
                    // reader) broke: a full line, then one in lower case.
                    && !(starts_lower(&next_text)
                        && wrap.is_some_and(|w| last_line * 100 >= w * 75)))
            {
                last_breaks = next_text.contains('\n');
                last_line = next_text.trim().chars().count();
                join_paragraphs(prev, next);
                *span = span.cover(b.span);
                continue;
            }
        }
        (last_breaks, last_line) = match &b.kind {
            BlockKind::Paragraph(p) => {
                let text = p.text();
                (text.contains('\n'), text.trim().chars().count())
            }
            _ => (false, 0),
        };
        out.push(b);
    }
    out
}

/// Do blank lines part paragraphs in this text? Not in a text whose every
/// line stands apart (an export that doubled its line breaks): there a
/// blank line says nothing. At least one line in four follows the line
/// above it directly.
fn blank_lines_part_paragraphs(source: &str) -> bool {
    let mut lines = 0;
    let mut direct = 0;
    let mut prev_filled = false;
    for l in source.lines() {
        let filled = !l.trim().is_empty();
        if filled {
            lines += 1;
            if prev_filled {
                direct += 1;
            }
        }
        prev_filled = filled;
    }
    direct * 4 >= lines
}

/// Does a blank line stand between the blocks at `above` and `below`?
fn blank_line_between(source: &str, above: Span, below: Span) -> bool {
    let (Some(end), Some(start)) = (above.end, below.start) else {
        return false;
    };
    // The gap runs from the end of the line above to the start of the line
    // below: two line breaks in it leave a blank line between.
    source
        .get(end as usize..start as usize)
        .is_some_and(|gap| gap.matches('\n').count() >= 2)
}

/// "Beslutande       Lindqvist, Eva (S)" over "                 Dahl, Mira
/// (M)": a line indented to the value column of the line above, whose label
/// and value a gap of spaces sets apart, is the next row of that column,
/// not the rest of a wrapped sentence. `above` and `below` are the blocks'
/// spans in `source`.
fn column_continuation(source: &str, above: Span, below: Span) -> bool {
    let line_at = |at: usize| -> Option<&str> {
        let from = source.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
        let rest = source.get(from..)?;
        Some(rest.split('\n').next().unwrap_or(rest))
    };
    let (Some(end), Some(start)) = (above.end, below.start) else {
        return false;
    };
    let (Some(last), Some(next)) = (
        line_at((end as usize).saturating_sub(1)),
        line_at(start as usize),
    ) else {
        return false;
    };
    let indent = next.len() - next.trim_start_matches(' ').len();
    // The gap after the label, counted from the line's own start.
    let gap = last.trim_end().find(|c: char| c != ' ').and_then(|lead| {
        last.get(lead..)
            .and_then(|l| l.find("    "))
            .map(|g| lead + g)
    });
    indent >= 4 && gap.is_some_and(|g| indent > g)
}

/// Should paragraph `a` (given by its two ends, see [`text_ends`], and the
/// length of its last line; it holds no line break) take `b` in?
fn should_join(
    a_head: &str,
    a_tail: &str,
    a_last_line: usize,
    b: &str,
    wrap: Option<usize>,
) -> bool {
    if b.trim().is_empty()
        || ends_sentence(a_tail)
        || starts_block(b)
        || starts_label(b)
        || starts_column_row(b)
    {
        return false;
    }
    if starts_lower(b) && a_head.split_whitespace().count() >= 4 {
        return true;
    }
    match wrap {
        Some(w) => a_last_line * 100 >= w * 75,
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_underlined_line_is_a_heading() {
        let blocks = parse("Ekonomi\n=======\nKassan är god.\n\nÖvrigt\n=====\nInget.\n");
        let roles: Vec<Option<Role>> = blocks
            .iter()
            .map(|b| match &b.kind {
                BlockKind::Paragraph(p) => Some(p.role),
                _ => None,
            })
            .collect();
        assert_eq!(
            roles,
            [
                Some(Role::Heading(1)),
                Some(Role::Body),
                Some(Role::Heading(1)),
                Some(Role::Body)
            ]
        );
        // A rule of dashes under a line stays what it was.
        assert_eq!(parse("Protokoll\n---\nText.\n").len(), 3);
    }

    fn roles_and_texts(blocks: &[Block]) -> Vec<(Role, String)> {
        blocks
            .iter()
            .filter_map(|b| match &b.kind {
                BlockKind::Paragraph(p) => Some((p.role, p.text())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn dashes_as_long_as_the_line_above_underline_a_heading() {
        let blocks = parse("Ekonomi\n-------\nKassan är god.\n\nÖvrigt\n--------\nInget.\n");
        assert_eq!(
            roles_and_texts(&blocks),
            [
                (Role::Heading(2), "Ekonomi".to_string()),
                (Role::Body, "Kassan är god.".to_string()),
                (Role::Heading(2), "Övrigt".to_string()),
                (Role::Body, "Inget.".to_string()),
            ]
        );
        // A page-wide rule under a short line is a rule.
        assert_eq!(
            parse("Ekonomi\n------------------------------\nText.\n").len(),
            3
        );
        // A short rule typed under a title underlines it; under a sentence
        // or a field it is a rule.
        assert_eq!(
            roles_and_texts(&parse("Sommarfesten\n-------------------\nText.\n"))[0],
            (Role::Heading(2), "Sommarfesten".to_string())
        );
        for line in ["Mötet öppnades.", "Plats: Hos Bo", "Vid protokollet"] {
            let blocks = parse(&format!("{line}\n-------------------\nText.\n"));
            assert_eq!(roles_and_texts(&blocks)[0], (Role::Body, line.to_string()));
        }
    }

    #[test]
    fn tabs_at_the_end_of_a_heading_make_no_table() {
        let blocks = parse("### Resultaträkning 2022\t\t\nIntäkterna ökade.\n");
        assert_eq!(
            roles_and_texts(&blocks)[0],
            (Role::Heading(3), "Resultaträkning 2022".to_string())
        );
    }

    #[test]
    fn a_code_fence_is_no_text_and_what_it_holds_is_read() {
        let blocks = parse("Närvarande:\n```\nAnna Berg\nBo Ek\n```\n");
        let texts: Vec<String> = roles_and_texts(&blocks)
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        assert!(texts.iter().all(|t| !t.contains("```")), "{texts:?}");
        assert!(texts.iter().any(|t| t.contains("Anna Berg")));
    }

    #[test]
    fn mediawiki_headings_and_bold_are_read() {
        let blocks = parse(
            "== Ekonomi ==\nKassan är god.\n\n=== Beslut ===\n'''Beslut:''' Budgeten godkändes.\n",
        );
        let got = roles_and_texts(&blocks);
        assert_eq!(got[0], (Role::Heading(2), "Ekonomi".to_string()));
        assert_eq!(got[2], (Role::Heading(3), "Beslut".to_string()));
        assert_eq!(got[3].1, "Beslut: Budgeten godkändes.");
        let BlockKind::Paragraph(p) = &blocks[3].kind else {
            panic!("a paragraph")
        };
        assert!(p.runs[0].style.contains(Style::BOLD) && p.runs[0].text == "Beslut:");
        assert!(!p.runs[1].style.contains(Style::BOLD));
        // Unequal or lone runs of "=" are text; an apostrophe run with no
        // closing one stays as written.
        assert_eq!(heading("== Ekonomi ="), None);
        assert_eq!(heading("===="), None);
        assert_eq!(
            roles_and_texts(&parse("Det '''var bra.\n"))[0].1,
            "Det '''var bra."
        );
    }

    #[test]
    fn a_line_indented_to_the_value_column_is_the_next_row() {
        let text = "Kultur- och fritidsnämnden       Sammanträdesdatum 2026-02-17\n\nBeslutande       Lindqvist, Eva (S), ordförande\n                 Dahl, Mira (M)\n";
        let blocks = parse(text);
        let texts: Vec<String> = blocks.iter().map(|b| b.plain_text()).collect();
        assert_eq!(
            texts[1..],
            [
                "Beslutande       Lindqvist, Eva (S), ordförande",
                "Dahl, Mira (M)"
            ]
        );
        // A wrapped sentence's next line is joined as before.
        let prose = "Styrelsen diskuterade frågan om den nya lokalen och\nkom fram till att den är för dyr.\n";
        assert_eq!(parse(prose).len(), 1);
    }

    /// Three lines hard-wrapped at about sixty characters: a text of a few
    /// of them is read with a wrap width.
    const WRAPPED: &str = "Styrelsen diskuterade hur föreningen ska arbeta med frågan\n\
                           om nya medlemmar under våren och kom fram till att det\n\
                           behövs fler aktiviteter för barn och unga i området.\n";

    /// The texts of a text file's paragraphs, in order.
    fn paragraph_texts(text: &str) -> Vec<String> {
        read_str(text)
            .blocks
            .iter()
            .filter_map(|b| match &b.kind {
                BlockKind::Paragraph(p) => Some(p.text()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_wrapped_paragraph_takes_a_line_only_after_one_that_ran_to_the_width() {
        // Twelve lines wrapped at about sixty characters, then a header
        // whose short lines must stay apart however long the first was.
        let mut text = String::from(
            "Tid och plats: kl. 17.30–20.40, Fontin, Kungälv\n\nLedamöter\nEmma Rydberg (S), ordförande\nHenrik Ahlström (M)\n\n",
        );
        for _ in 0..4 {
            text.push_str(WRAPPED);
            text.push('\n');
        }
        let paras = paragraph_texts(&text);
        assert_eq!(paras[0], "Tid och plats: kl. 17.30–20.40, Fontin, Kungälv");
        assert_eq!(paras[1], "Ledamöter");
        assert_eq!(paras[2], "Emma Rydberg (S), ordförande");
        assert_eq!(paras[3], "Henrik Ahlström (M)");
        assert!(paras[4].starts_with("Styrelsen diskuterade") && paras[4].ends_with("i området."));
    }

    #[test]
    fn a_sentence_broken_by_a_blank_line_after_a_full_line_is_joined() {
        // A page's furniture, blanked by the reader, leaves a blank line in
        // the middle of a sentence.
        let mut text = String::from("PROTOKOLL\n\nfört vid årsmöte med Ekbackens byalag\n\n");
        for _ in 0..3 {
            text.push_str(WRAPPED);
            text.push('\n');
        }
        text.push_str("Styrelsen diskuterade hur föreningen ska arbeta med frågan\n\nom nya medlemmar under våren.\n");
        let paras = paragraph_texts(&text);
        assert_eq!(paras[0], "PROTOKOLL");
        assert_eq!(paras[1], "fört vid årsmöte med Ekbackens byalag");
        assert!(
            paras
                .last()
                .is_some_and(|p| p.ends_with("frågan om nya medlemmar under våren.")),
            "{paras:?}"
        );
    }

    #[test]
    fn page_numbers_with_a_running_header_or_glued_to_a_line_are_furniture() {
        // The running header after its page's number: the first stays the
        // document's header (its number blanked), the others go.
        let text = "1 Protokoll Socialnämnden 2016-06-09\n§ 65 Budget\nText.\n\
                    2 Protokoll Socialnämnden 2016-06-09\n§ 66 Plan\nText.\n";
        let (body, furniture, pages) = split_furniture(text);
        let lines: Vec<&str> = body.lines().collect();
        assert_eq!(lines[0], "  Protokoll Socialnämnden 2016-06-09");
        assert_eq!(lines[3], "");
        assert_eq!((furniture.len(), pages), (2, 1));
        assert_eq!(
            body.lines().count(),
            text.lines().count(),
            "lines still point into the source"
        );
        // An agenda repeated above the minutes numbers its points alike.
        let text = "1 Mötets öppnande\n2 Budget\n\n1 Mötets öppnande\nText.\n";
        assert_eq!(split_furniture(text).0, text);
        // "2(13) Närvarolista": the number goes, the line stays.
        let text = "Protokoll\n2(13) Närvarolista\nAnna\n3(13) Ärendelista\n";
        let (body, _, pages) = split_furniture(text);
        assert_eq!(
            body,
            "Protokoll\n      Närvarolista\nAnna\n      Ärendelista\n"
        );
        assert_eq!(pages, 2);
        // "Sidan 2(30)" alone on its line; a short page counts only its own
        // lines for the running header.
        let text =
            "Sidan 1(30)\nProtokoll\n\nSidan 2(30)\n§ 226 Info\nText.\nSidan 3(30)\n§ 227 Budget\n";
        let (body, _, _) = split_furniture(text);
        assert!(
            body.contains("§ 226 Info") && body.contains("§ 227 Budget"),
            "{body}"
        );
    }

    #[test]
    fn a_members_row_starts_a_block() {
        assert!(starts_block("Ola Rydh (KD), tjänstgjorde från § 49"));
        assert!(starts_block("Karolina Dahl Engström (L)"));
        assert!(!starts_block("Anna Berg informerade om budgeten."));
        assert!(!starts_block("Region Stockholm (RS) har svarat"));
    }

    #[test]
    fn blank_lines_part_paragraphs_unless_every_line_stands_apart() {
        assert!(blank_lines_part_paragraphs("a\nb\n\nc\nd\n"));
        assert!(!blank_lines_part_paragraphs("a\n\nb\n\nc\n\nd\n\ne\n"));
    }

    #[test]
    fn a_label_columns_row_is_no_wrapped_sentence() {
        assert!(starts_column_row("ersättare        Aho, Linnea (L)"));
        assert!(starts_column_row("närvarande\tKent Sjöberg"));
        assert!(!starts_column_row("och sedan vidare till nästa"));
        assert!(!starts_column_row("summan 12    400 kr"));
        assert!(!should_join(
            "Ej tjänstgörande Berglund, Tore (S)",
            "Ej tjänstgörande Berglund, Tore (S)",
            35,
            "ersättare        Aho, Linnea (L)",
            None
        ));
    }

    #[test]
    fn lettered_points_start_blocks_and_wrapped_words_do_not() {
        assert!(starts_block("b) Ekonomi"));
        assert!(starts_block("b. Ekonomi"));
        assert!(starts_block("c.) Informationstavla"));
        assert!(!starts_block("e. kr. räknat"));
        assert!(!starts_block("och sedan vidare"));
    }

    #[test]
    fn a_paragraphs_ends_are_its_first_and_last_characters() {
        // As the characters collected one by one, over one run or many.
        let naive = |p: &Paragraph| {
            let all: Vec<char> = p.runs.iter().flat_map(|r| r.text.chars()).collect();
            let head: String = all.iter().take(JOIN_VIEW).collect();
            let tail: String = all[all.len().saturating_sub(JOIN_VIEW)..].iter().collect();
            (head, tail)
        };
        let long = "Årsmötet öppnades – ".repeat(40);
        for runs in [
            vec![""],
            vec!["kort"],
            vec![long.as_str()],
            vec![long.as_str(), "**", long.as_str()],
            vec!["ä", long.as_str(), "", "ö"],
        ] {
            let mut p = Paragraph::new(Role::Body);
            for (i, r) in runs.iter().enumerate() {
                let style = if i % 2 == 0 { Style::NONE } else { Style::BOLD };
                p.push(r, style, None);
            }
            let (head, tail) = text_ends(&p);
            let (h, t) = naive(&p);
            assert_eq!((head.as_ref(), tail.as_ref()), (h.as_str(), t.as_str()));
        }
    }

    #[test]
    fn a_label_line_is_not_the_wrapped_end_of_the_line_above() {
        assert!(starts_label("Date: 14 March 2024"));
        assert!(starts_label("Plats och tid: Stadshuset"));
        assert!(starts_label("Närvarande:"));
        assert!(!starts_label("kl. 13:00 i stadshuset"));
        assert!(!starts_label(
            "Styrelsen beslutade följande: att höja avgiften"
        ));
        assert!(!should_join(
            "Minutes of the board meeting of Stockholm Chess Club",
            "Minutes of the board meeting of Stockholm Chess Club",
            52,
            "Date: 14 March 2024",
            Some(52)
        ));
    }

    #[test]
    fn headings_with_or_without_the_space_after_two_hashes() {
        assert_eq!(heading("## Sedan sist"), Some((2, "Sedan sist")));
        assert_eq!(
            heading("####4. Val av ordförande"),
            Some((4, "4. Val av ordförande"))
        );
        assert_eq!(heading("#hashtag"), None);
        assert_eq!(heading("##"), None);
    }

    fn read_str(s: &str) -> Document {
        read(s.as_bytes(), &Default::default()).expect("reads")
    }

    #[test]
    fn empty_and_binary_files_are_errors() {
        assert!(matches!(read(b"", &Default::default()), Err(Error::Empty)));
        assert!(matches!(
            read(b"  \n\n ", &Default::default()),
            Err(Error::NoText)
        ));
        assert!(matches!(
            read(b"PK\x03\x04\x00\x00", &Default::default()),
            Err(Error::Binary)
        ));
    }

    #[test]
    fn markdown_pipe_tables_have_a_header_row_and_cells() {
        let doc = read_str(
            "Intro\n\n| Nr | Punkt | Ansvar |\n|---|:---|---:|\n| 1 | Öppnande | AB |\n| 2 | Budget \\| plan | <b>CD</b> |\n\nEfter\n",
        );
        let BlockKind::Table(t) = &doc.blocks[1].kind else {
            panic!("a table: {:?}", doc.blocks);
        };
        assert_eq!(t.rows.len(), 3);
        assert!(t.rows[0].header && !t.rows[1].header);
        let cells: Vec<String> = t.rows[2].cells.iter().map(Cell::plain_text).collect();
        assert_eq!(cells, ["2", "Budget | plan", "CD"]);
        assert!(matches!(doc.blocks[2].kind, BlockKind::Paragraph(_)));
        // Pipes without a delimiter row are text.
        let doc = read_str("a | b | c\n");
        assert!(matches!(doc.blocks[0].kind, BlockKind::Paragraph(_)));
        // A cell whose only tags are line breaks keeps its markdown.
        let doc = read_str("| | |\n|---|---|\n| § 1 | **Ekonomi**<br>Budgeten godkändes. |\n");
        let BlockKind::Table(t) = &doc.blocks[0].kind else {
            panic!("a table: {:?}", doc.blocks);
        };
        let BlockKind::Paragraph(p) = &t.rows[1].cells[1].blocks[0].kind else {
            panic!("a paragraph");
        };
        assert_eq!(p.runs[0].text, "Ekonomi");
        assert!(p.runs[0].style.contains(Style::BOLD));
        assert_eq!(p.text(), "Ekonomi\nBudgeten godkändes.");
    }

    #[test]
    fn tab_lines_form_a_table_with_html_cells() {
        let doc = read_str(
            "Mötespunkt\tAnteckning\n1.\t<p>Godkännande</p> <p>Anteckningarna godkändes.</p>\n\n\t<p>fortsätter här.</p>\n2.\t<p>Nästa</p>\nSlut",
        );
        let BlockKind::Table(t) = &doc.blocks[0].kind else {
            panic!("{:?}", doc.blocks[0])
        };
        assert_eq!(t.rows.len(), 3, "the empty-first-cell row is merged");
        assert_eq!(t.rows[1].cells[1].blocks.len(), 3);
        assert_eq!(doc.blocks[1].plain_text(), "Slut");
    }

    #[test]
    fn a_number_set_apart_by_a_tab_between_plain_lines_is_a_numbered_line() {
        let doc = read_str("1.\tMötets öppnande\nMötet öppnades.\n§ 2\tEkonomi\nRapport.\n");
        let texts: Vec<String> = doc.blocks.iter().map(|b| b.plain_text()).collect();
        assert_eq!(
            texts,
            [
                "1. Mötets öppnande",
                "Mötet öppnades.",
                "§ 2 Ekonomi",
                "Rapport."
            ]
        );
        // Among other tab lines it stays a table's row.
        let doc = read_str("1.\tÖppnande\n2.\tEkonomi\n");
        assert!(matches!(doc.blocks[0].kind, BlockKind::Table(_)));
    }

    #[test]
    fn a_label_spanning_rows_keeps_one_record_a_row() {
        // "Närvarande" heads three people, each with a role: three rows,
        // not one row whose cells ran together ("ordförande sekreterare").
        let doc = read_str(
            "Närvarande\tAnna Berg\tordförande\n\tBo Ek\tsekreterare\n\tCecilia Lund\tkassör\nPlats\tStadshuset, sal 3,\n\tvåning 2\n",
        );
        let BlockKind::Table(t) = &doc.blocks[0].kind else {
            panic!("{:?}", doc.blocks[0])
        };
        let rows: Vec<Vec<String>> = t
            .rows
            .iter()
            .map(|r| r.cells.iter().map(Cell::plain_text).collect())
            .collect();
        assert_eq!(
            rows,
            [
                vec!["Närvarande", "Anna Berg", "ordförande"],
                vec!["", "Bo Ek", "sekreterare"],
                vec!["", "Cecilia Lund", "kassör"],
                // One wrapped cell still continues its row.
                vec!["Plats", "Stadshuset, sal 3, våning 2"],
            ]
        );
    }

    #[test]
    fn lowercase_first_cell_continues_previous_row() {
        let doc = read_str(
            "1.\t<p>A</p>\n<p><b>Action:</b> Karin bjuder in Johanna för att berätta om</p>\t<p>x</p>\nprocessen vid ordnad överföring.\t\n<b>Extra punkt</b>\t<p>y</p>",
        );
        let BlockKind::Table(t) = &doc.blocks[0].kind else {
            panic!()
        };
        assert_eq!(t.rows.len(), 3);
        assert_eq!(
            t.rows[1].cells[0].plain_text(),
            "Action: Karin bjuder in Johanna för att berätta om processen vid ordnad överföring."
        );
    }

    #[test]
    fn line_after_table_continuing_a_cell_is_joined() {
        let doc = read_str(
            "5.\t<p>Fokus ligger på att patienten ska få bästa</p>\n\nmöjliga omhändertagande.\n\nNästa stycke.",
        );
        let BlockKind::Table(t) = &doc.blocks[0].kind else {
            panic!()
        };
        assert_eq!(
            t.rows[0].cells[1].plain_text(),
            "Fokus ligger på att patienten ska få bästa möjliga omhändertagande."
        );
        assert_eq!(doc.blocks.len(), 2);
    }

    #[test]
    fn hard_wrapped_pdf_text_is_joined_but_headings_are_not() {
        let long =
            "Överenskommelse 2024: Ansvariga personer har utsetts för att lämna underlag till ";
        let mut s = String::from("2. Aktuellt från au \na) Aktuellt \n\n");
        for _ in 0..12 {
            s.push_str(long);
            s.push_str("\n\nÖverenskommelse 2024. Förslag till överenskommelsen ska vara klar till nästa möte \n\nden 30 november och för beslut i SVN den 8 december. \n\n");
        }
        s.push_str("Beslut  \nRSL beslutar att skapa en kanslifunktion för det nya 6-\n\nåriga programmet. \n");
        let doc = read_str(&s);
        let texts: Vec<String> = doc.blocks.iter().map(|b| b.plain_text()).collect();
        assert_eq!(texts[0], "2. Aktuellt från au");
        assert_eq!(texts[1], "a) Aktuellt");
        assert!(texts[2].starts_with("Överenskommelse 2024: Ansvariga"));
        assert!(
            texts[2].ends_with("för beslut i SVN den 8 december."),
            "{}",
            texts[2]
        );
        assert_eq!(texts[texts.len() - 2], "Beslut");
        assert!(texts.last().unwrap().contains("nya 6-åriga programmet."));
    }

    #[test]
    fn bullets_headings_and_strike() {
        let doc = read_str(
            "## **Deltagare**\n\n~~Roman Galeev-Förhinder~~\n\n- Kvarstående frågor\n- Diskussion\n",
        );
        let BlockKind::Paragraph(h) = &doc.blocks[0].kind else {
            panic!()
        };
        assert_eq!(h.role, Role::Heading(2));
        let BlockKind::Paragraph(p) = &doc.blocks[1].kind else {
            panic!()
        };
        assert!(p.runs[0].style.contains(Style::STRIKE));
        let BlockKind::List(l) = &doc.blocks[2].kind else {
            panic!()
        };
        assert_eq!(l.items.len(), 2);
    }

    #[test]
    fn word_bullets_of_a_text_export_are_lists_and_arrows_are_not() {
        let doc = read_str("▪ Ekonomi\n▪ Hemsidan\n\n\u{f0a7} Lokal\n\n→ Anna bokar lokal.\n");
        let kinds: Vec<bool> = doc
            .blocks
            .iter()
            .map(|b| matches!(b.kind, BlockKind::List(_)))
            .collect();
        assert_eq!(kinds, [true, false]);
        let BlockKind::List(l) = &doc.blocks[0].kind else {
            panic!()
        };
        assert_eq!(l.items.len(), 3);
    }

    #[test]
    fn thousands_of_lines_joined_into_one_paragraph_keep_every_line() {
        // Hard-wrapped to one width, and past 999 a numbered line no longer
        // starts a block, so these join into one growing paragraph: rebuilding it at every line was
        // quadratic (50 MB did not finish).
        let text: String = (1..=20_000)
            .map(|n| format!("{n}. Beslut om punkt {n} enligt förslag från styrelsen\n"))
            .collect();
        let d = read_str(&text);
        let all: String = d.blocks.iter().map(Block::plain_text).collect();
        assert!(
            all.contains(
                "styrelsen 1000. Beslut om punkt 1000 enligt förslag från styrelsen 1001."
            )
        );
        assert!(all.ends_with("20000. Beslut om punkt 20000 enligt förslag från styrelsen"));
    }
}
