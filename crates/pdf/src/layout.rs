//! From glyphs to blocks: decorations (strike-through, underline, links) per
//! glyph, lines by baseline, words by gaps, paragraphs by spacing,
//! indentation and "would the next word have fitted", lists by their labels,
//! tables from grids, and running headers and footers set apart.

use crate::grid::{Grid, find_grids};
use crate::interp::{Glyph, PageContent};
use minutes_model::{
    Block, BlockKind, Cell, List, ListItem, Paragraph, Role, Row, Span, Style, Table,
};
use std::collections::HashMap;

/// A glyph with its decorations.
#[derive(Debug, Clone, Copy)]
struct G {
    g: Glyph,
    style: Style,
    link: Option<u16>,
    /// The glyph starts a table cell whose column lines below and above
    /// share: a tab goes before it, however narrow the gap.
    cell_start: bool,
}

/// One line of text.
#[derive(Debug, Clone)]
struct Line {
    chars: Vec<(char, Style, Option<u16>)>,
    x0: f32,
    x1: f32,
    y: f32,
    top: f32,
    bottom: f32,
    size: f32,
    /// x where the text after a list label starts.
    body_x: f32,
    /// Width of the first word.
    first_word: f32,
    /// Where the second word starts (NaN when there is none).
    second_x: f32,
    /// Where the text after the first column gap starts (NaN when none).
    cell_x: f32,
    bold: bool,
}

/// A paragraph before roles are assigned.
#[derive(Debug, Clone)]
pub struct Para {
    chars: Vec<(char, Style, Option<u16>)>,
    /// Dominant font size.
    pub size: f32,
    bbox: [f32; 4],
    line: u32,
    label: Option<(String, bool)>,
    label_style: Style,
    indent: f32,
}

/// A block before roles are assigned.
#[derive(Debug, Clone)]
pub enum Item {
    /// A paragraph.
    Para(Para),
    /// A table: rows of cells of items.
    Table(PTable),
}

/// A table on one page.
#[derive(Debug, Clone)]
pub struct PTable {
    /// Rows of cells; each cell is a list of paragraphs.
    pub rows: Vec<Vec<(Vec<Para>, u32)>>,
    /// Column boundaries, to match continuations on the next page.
    pub xs: Vec<f32>,
    bbox: [f32; 4],
    line: u32,
    /// Rows with all their text bold.
    pub bold_rows: Vec<bool>,
    /// Starts inside a row begun on the previous page.
    pub open_top: bool,
    /// Ends inside a row that goes on to the next page.
    pub open_bottom: bool,
}

/// A page after layout.
#[derive(Debug, Default)]
pub struct PageLayout {
    /// Body items in reading order.
    pub items: Vec<Item>,
    /// Link targets, indexed by `Run` link ids.
    pub links: Vec<String>,
    /// Page height.
    pub height: f32,
    /// Footnotes: marker and text.
    pub notes: Vec<(String, Para)>,
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// `c.is_alphanumeric()`, without the Unicode tables for ASCII and the
/// Latin-1 letters (asked of every glyph; Swedish text is nearly all those).
fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{C0}'..='\u{FF}').contains(&c) {
        c != '×' && c != '÷'
    } else {
        c.is_alphanumeric()
    }
}

/// Mark strike-through, underline and links on glyphs, into `out`.
fn decorate(page: &PageContent, used: &[bool], out: &mut Vec<G>) {
    let mut hr: Vec<(f32, f32, f32, f32)> = page
        .rules
        .iter()
        .zip(used)
        .filter(|(r, u)| !**u && r.is_horizontal() && r.y1 - r.y0 <= 2.5)
        .map(|(r, _)| ((r.y0 + r.y1) / 2., r.x0, r.x1, r.y1 - r.y0))
        .collect();
    hr.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Link areas grown by a point, as y0, y1, x0, x1: computed once, not per
    // glyph.
    let links: Vec<[f32; 4]> = page
        .links
        .iter()
        .map(|l| {
            [
                l.rect[1] - 1.,
                l.rect[3] + 1.,
                l.rect[0] - 1.,
                l.rect[2] + 1.,
            ]
        })
        .collect();
    // The links whose rows hold a height, for the last height asked about:
    // glyphs come line by line, so the list is made once a line and each
    // glyph is only tested against the links on its line (the first of
    // them that holds it is the first of all links that does).
    let mut on_row: Vec<usize> = Vec::new();
    let mut row: Option<u32> = None;
    out.clear();
    out.extend(page.glyphs.iter().map(|g| {
        let mut style = Style::NONE;
        if g.bold {
            style = style.with(Style::BOLD);
        }
        if g.italic {
            style = style.with(Style::ITALIC);
        }
        let cx = (g.x0 + g.x1) / 2.;
        let lo = g.y - 0.6 * g.size;
        let start = hr.partition_point(|r| r.0 < lo);
        for r in &hr[start..] {
            if r.0 > g.y + 0.3 * g.size {
                break;
            }
            if cx < r.1 || cx > r.2 || r.3 > 0.2 * g.size {
                continue;
            }
            let d = g.y - r.0; // above the baseline is positive
            if d > 0.12 * g.size && d < 0.5 * g.size {
                style = style.with(Style::STRIKE);
            } else if d <= 0.02 * g.size && d > -0.22 * g.size && r.2 - r.1 < 0.6 * page.width {
                // A rule across most of the page is a separator, not an underline.
                style = style.with(Style::UNDERLINE);
            }
        }
        let cy = g.y - 0.3 * g.size;
        if row != Some(cy.to_bits()) {
            row = Some(cy.to_bits());
            on_row.clear();
            on_row.extend((0..links.len()).filter(|&i| cy >= links[i][0] && cy <= links[i][1]));
        }
        let link = on_row
            .iter()
            .copied()
            .find(|&i| cx >= links[i][2] && cx <= links[i][3])
            .map(|i| i as u16);
        G {
            g: *g,
            style,
            link,
            cell_start: false,
        }
    }));
}

/// Group glyphs into lines.
/// Lines of the glyphs in `gs` (left retained and sorted: the buffer is the
/// caller's to reuse).
fn build_lines(gs: &mut Vec<G>) -> Vec<Line> {
    gs.retain(|g| g.g.x1.is_finite() && g.g.y.is_finite());
    gs.sort_by(|a, b| a.g.y.total_cmp(&b.g.y));
    // Lines as ranges of `gs`, by baseline.
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < gs.len() {
        let base = gs[i].g.y;
        let tol = 0.35 * gs[i].g.size.max(1.);
        let mut j = i + 1;
        while j < gs.len()
            && gs[j].g.y - base <= tol.min(0.35 * gs[j].g.size.max(1.)).max(0.2 * tol)
        {
            j += 1;
        }
        ranges.push((i, j));
        i = j;
    }
    let mut scratch = LineScratch::default();
    // Quadratic in the worst case: skip on absurd pages.
    let scripts = ranges.len() <= 5_000 && has_scripts(gs, &ranges);
    if !scripts {
        // The usual page: no group moves, so each line is its own range
        // of `gs`, sorted in place (a copy of each line was most of the
        // cost of a table's small cells).
        for &(i, j) in &ranges {
            if let Some(line) = gs.get_mut(i..j) {
                line.sort_by(|a, b| a.g.x0.total_cmp(&b.g.x0));
            }
        }
        mark_columns(gs, &ranges);
        return ranges
            .into_iter()
            .filter_map(|(i, j)| make_line(gs.get(i..j)?, &mut scratch))
            .collect();
    }
    let mut groups: Vec<Vec<G>> = ranges.iter().map(|&(i, j)| gs[i..j].to_vec()).collect();
    attach_scripts(&mut groups);
    groups
        .into_iter()
        .filter_map(|mut line| {
            line.sort_by(|a, b| a.g.x0.total_cmp(&b.g.x0));
            make_line(&line, &mut scratch)
        })
        .collect()
}

/// A gap wider than this many font sizes may part two cells of a table row,
/// if the column it opens is shared by the lines around it.
const CELL_GAP: f32 = 0.8;

/// Where a line's words start after a gap wider than [`CELL_GAP`]: the x
/// and the glyph's index, appended to `out`. The lines are sorted by x.
fn gap_starts(gs: &[G], (i, j): (usize, usize), out: &mut Vec<(f32, usize)>) {
    let mut prev: Option<&G> = None;
    for k in i..j {
        let Some(g) = gs.get(k) else { break };
        if is_space(g.g.ch) {
            continue;
        }
        if let Some(p) = prev
            && g.g.x0 - p.g.x1 > CELL_GAP * g.g.size.max(p.g.size).max(1.)
        {
            out.push((g.g.x0, k));
        }
        prev = Some(g);
    }
}

/// A table without ruling whose cells are close ("Anna Berg  Skatteverket"
/// in a narrow column): a gap that starts a word at the same x as gaps in
/// two more of the four lines on either side is a column, and the word
/// starts a cell. Word gaps of justified text are narrower and do not line
/// up.
fn mark_columns(gs: &mut [G], ranges: &[(usize, usize)]) {
    // Pages of absurd size are left as they are (the look is per line pair).
    if ranges.len() > 5_000 {
        return;
    }
    // All lines' starts in one list, line `l`'s at `all[ends[l]..ends[l + 1]]`
    // (one allocation per page, not per line).
    let mut all: Vec<(f32, usize)> = Vec::new();
    let mut ends: Vec<usize> = Vec::with_capacity(ranges.len() + 1);
    ends.push(0);
    for &r in ranges {
        gap_starts(gs, r, &mut all);
        ends.push(all.len());
    }
    let starts = |l: usize| all.get(ends[l]..ends[l + 1]).unwrap_or_default();
    for li in 0..ranges.len() {
        let lo = li.saturating_sub(4);
        let hi = (li + 5).min(ranges.len());
        for &(x, k) in starts(li) {
            let tol = 0.5 * gs[k].g.size.max(1.);
            let shared = (lo..hi)
                .filter(|&o| o != li && starts(o).iter().any(|&(x2, _)| (x2 - x).abs() <= tol))
                .count();
            if shared >= 2 {
                gs[k].cell_start = true;
            }
        }
    }
}

/// Largest size of a group, the baseline of its first glyph of that size,
/// and its horizontal extent.
fn group_box(g: &[G]) -> (f32, f32, f32, f32) {
    // One pass: asked of every line of every page. A new largest size is
    // first met at the glyph that `find` below would return.
    let (mut size, mut y) = (0f32, None);
    let (mut x0, mut x1) = (f32::MAX, f32::MIN);
    for x in g {
        if x.g.size > size {
            size = x.g.size;
            y = Some(x.g.y);
        }
        x0 = x0.min(x.g.x0);
        x1 = x1.max(x.g.x1);
    }
    // No size above 0: the first glyph of size 0, as the general rule says.
    let y = y
        .or_else(|| g.iter().find(|x| x.g.size >= size).map(|x| x.g.y))
        .unwrap_or(0.);
    (size, y, x0, x1)
}

/// Move groups of small raised or lowered glyphs (footnote marks, "m²"
/// drawn as a small "2") into the line they belong to, marked as
/// superscript or subscript.
fn attach_scripts(groups: &mut Vec<Vec<G>>) {
    // Each group's box, kept up to date as groups merge: computing them
    // afresh for every comparison was most of this function's time.
    let mut boxes: Vec<(f32, f32, f32, f32)> = groups.iter().map(|g| group_box(g)).collect();
    let mut k = 0;
    while k < groups.len() {
        match script_target(&boxes, k, || is_short(&groups[k])) {
            Some((n, style)) => {
                let mut moved = groups.remove(k);
                boxes.remove(k);
                for g in &mut moved {
                    g.style = g.style.with(style);
                }
                let n = if n > k { n - 1 } else { n };
                if let Some(t) = groups.get_mut(n) {
                    t.extend(moved);
                    boxes[n] = group_box(t);
                }
                k = k.saturating_sub(1);
            }
            None => k += 1,
        }
    }
}

/// Whether [`attach_scripts`] would move any of the groups `ranges` of
/// `gs`: it moves none unless one of them, as first found, is a mark of a
/// neighbour.
fn has_scripts(gs: &[G], ranges: &[(usize, usize)]) -> bool {
    let groups = || ranges.iter().map(|&(i, j)| gs.get(i..j).unwrap_or(&[]));
    let boxes: Vec<(f32, f32, f32, f32)> = groups().map(group_box).collect();
    groups()
        .enumerate()
        .any(|(k, g)| script_target(&boxes, k, || is_short(g)).is_some())
}

/// Marks are short; OCR layers size every word differently.
fn is_short(g: &[G]) -> bool {
    g.iter().filter(|g| !is_space(g.g.ch)).count() <= 3
}

/// The neighbour group `k` is a raised or lowered mark of, if any, and
/// whether it is a superscript or a subscript there. Only a short group
/// is a mark; `short` is asked last (it reads the glyphs, the boxes are at
/// hand), when a neighbour is found.
fn script_target(
    boxes: &[(f32, f32, f32, f32)],
    k: usize,
    short: impl FnOnce() -> bool,
) -> Option<(usize, Style)> {
    let &(size, y, x0, x1) = boxes.get(k)?;
    for n in [k + 1, k.wrapping_sub(1)] {
        let Some(&(os, oy, ox0, ox1)) = boxes.get(n) else {
            continue;
        };
        let dy = y - oy; // negative: raised
        if size < 0.85 * os
            && dy > -0.6 * os
            && dy < 0.35 * os
            && x0 >= ox0 - os
            && x1 <= ox1 + 3. * os
        {
            let style = if dy < 0. {
                Style::SUPERSCRIPT
            } else {
                Style::SUBSCRIPT
            };
            return short().then_some((n, style));
        }
    }
    None
}

/// Buffers [`make_line`] reuses from one line to the next.
#[derive(Default)]
struct LineScratch {
    /// Font sizes: size, characters, baseline of the first.
    counts: Vec<(f32, usize, f32)>,
    /// Positions of spaces drawn in a regular (not bold) font.
    regular_spaces: Vec<usize>,
}

fn make_line(gs: &[G], scratch: &mut LineScratch) -> Option<Line> {
    // Dominant size and baseline: of the most characters.
    let mut size = 0f32;
    let mut y = 0f32;
    let mut best = 0usize;
    let counts = &mut scratch.counts;
    counts.clear();
    for g in gs {
        if is_space(g.g.ch) {
            continue;
        }
        match counts.iter_mut().find(|c| (c.0 - g.g.size).abs() < 0.5) {
            Some(c) => c.1 += 1,
            None => counts.push((g.g.size, 1, g.g.y)),
        }
    }
    for c in counts.iter() {
        if c.1 > best {
            best = c.1;
            size = c.0;
            y = c.2;
        }
    }
    if best == 0 {
        return None;
    }
    let mut chars: Vec<(char, Style, Option<u16>)> = Vec::with_capacity(gs.len() + 8);
    let mut prev: Option<&G> = None;
    let mut x0 = f32::MAX;
    let mut x1 = f32::MIN;
    let mut first_word_end: Option<f32> = None;
    let mut second_x = f32::NAN;
    let mut cell_x = f32::NAN;
    let mut bold_all = true;
    let regular_spaces = &mut scratch.regular_spaces;
    regular_spaces.clear();
    for g in gs {
        let c = g.g.ch;
        if is_space(c) {
            if let Some(p) = prev
                && !chars.last().is_some_and(|l| is_space(l.0))
                && !chars.is_empty()
            {
                let _ = p;
                // A drawn space keeps its own weight: a regular space
                // between two bold stretches separates them ("Remisser" and
                // the bold instruction after it).
                if !g.style.contains(Style::BOLD) {
                    regular_spaces.push(chars.len());
                }
                chars.push((' ', Style::NONE, None));
            }
            continue;
        }
        if let Some(p) = prev {
            // Same character drawn twice at the same place: fake bold or shadow.
            if p.g.ch == c
                && (g.g.x0 - p.g.x0).abs() < 0.1 * size
                && (g.g.y - p.g.y).abs() < 0.1 * size
            {
                continue;
            }
            let gap = g.g.x0 - p.g.x1;
            if gap > 2.5 * size || g.cell_start {
                while chars.last().is_some_and(|l| is_space(l.0)) {
                    chars.pop();
                }
                chars.push(('\t', Style::NONE, None));
                if cell_x.is_nan() {
                    cell_x = g.g.x0;
                }
            } else if gap
                > size.min(g.g.size.max(p.g.size))
                    // After punctuation a smaller gap is a space ("1.1.\tText").
                    * if matches!(p.g.ch, '.' | ',' | ';' | ':' | ')') && c.is_alphabetic() {
                        0.08
                    } else {
                        0.15
                    }
                && !chars.last().is_some_and(|l| is_space(l.0))
            {
                chars.push((' ', Style::NONE, None));
            }
        }
        if first_word_end.is_none() && chars.last().is_some_and(|l| is_space(l.0)) {
            first_word_end = prev.map(|p| p.g.x1);
            second_x = g.g.x0;
        }
        if !g.style.contains(Style::BOLD) && is_alnum(c) {
            bold_all = false;
        }
        x0 = x0.min(g.g.x0);
        x1 = x1.max(g.g.x1);
        chars.push((c, g.style, g.link));
        prev = Some(g);
    }
    while chars.last().is_some_and(|l| is_space(l.0)) {
        chars.pop();
    }
    // Spaces take the decorations their neighbours share, so a struck name
    // or a link stays one run.
    for k in 1..chars.len().saturating_sub(1) {
        if is_space(chars[k].0) {
            let (a, b) = (chars[k - 1], chars[k + 1]);
            let mut shared = [Style::STRIKE, Style::UNDERLINE, Style::BOLD, Style::ITALIC]
                .iter()
                .filter(|s| a.1.contains(**s) && b.1.contains(**s))
                .fold(Style::NONE, |acc, s| acc.with(*s));
            if regular_spaces.binary_search(&k).is_ok() {
                shared = shared.without(Style::BOLD);
            }
            chars[k].1 = shared;
            if a.2 == b.2 {
                chars[k].2 = a.2;
            }
        }
    }
    let first_word = first_word_end.unwrap_or(x1) - x0;
    let (label, _) = detect_label(&chars);
    let body_x = match label {
        Some(n) => {
            // x of the first glyph after the label and its space.
            gs.iter()
                .filter(|g| !is_space(g.g.ch))
                .nth(n)
                .map(|g| g.g.x0)
                .unwrap_or(x0)
        }
        None => x0,
    };
    Some(Line {
        chars,
        x0,
        x1,
        y,
        top: y - 0.8 * size,
        bottom: y + 0.25 * size,
        size,
        body_x,
        first_word,
        second_x,
        cell_x,
        bold: bold_all,
    })
}

const BULLETS: &[char] = &[
    '•', '●', '▪', '■', '◦', '○', '–', '-', '*', '·', '➢', '►', '▶', '✓', '□', '❖', '⁃',
];

/// A list label at the start: returns the number of non-space characters it
/// has and whether it is numbered.
fn detect_label(chars: &[(char, Style, Option<u16>)]) -> (Option<usize>, bool) {
    let mut it = chars.iter().map(|c| c.0);
    let first = it.next();
    let second = it.next();
    match (first, second) {
        (Some(c), Some(s)) if BULLETS.contains(&c) && is_space(s) => return (Some(1), false),
        _ => {}
    }
    // "1." "12)" "a)" "iv." followed by a space: the first word, up to six
    // characters (in an array: this runs for every line).
    let mut word = ['\0'; 6];
    let mut n = 0;
    for c in chars
        .iter()
        .map(|c| c.0)
        .take_while(|c| !is_space(*c))
        .take(6)
    {
        word[n] = c;
        n += 1;
    }
    if n >= 2 && chars.get(n).is_some_and(|c| is_space(c.0)) && chars.len() > n + 1 {
        let (body, last) = (&word[..n - 1], word[n - 1]);
        // Every accepted body is ASCII, so counting characters is counting bytes.
        if (last == '.' || last == ')')
            && (body.iter().all(|c| c.is_ascii_digit())
                || (body.len() == 1 && body[0].is_ascii_lowercase())
                || (!body.is_empty()
                    && body.iter().all(|c| matches!(c, 'i' | 'v' | 'x'))
                    && last == ')'))
            && body.len() <= 3
        {
            return (Some(n), true);
        }
    }
    (None, false)
}

/// Baseline distances relative to font size between consecutive lines of one size.
fn spacing_samples<'l>(lines: impl IntoIterator<Item = &'l Line>, out: &mut Vec<f32>) {
    let mut prev: Option<&Line> = None;
    for l in lines {
        if let Some(p) = prev
            && (p.size - l.size).abs() <= 0.5
        {
            let r = (l.y - p.y) / p.size.max(1.);
            if (0.9..2.6).contains(&r) {
                out.push(r);
            }
        }
        prev = Some(l);
    }
}

/// The line spacing inside paragraphs: a low percentile of the samples, since
/// paragraph gaps only ever add to it.
fn typical_spacing(mut samples: Vec<f32>) -> f32 {
    if samples.is_empty() {
        return 1.2;
    }
    samples.sort_by(f32::total_cmp);
    samples[samples.len() / 4].clamp(1.0, 2.5)
}

const KEEP_DASH_BEFORE: &[&str] = &[
    "och",
    "eller",
    "samt",
    "till",
    "respektive",
    "resp.",
    "and",
    "or",
];

/// Join a line onto a paragraph's text, handling end-of-line hyphens.
fn join(chars: &mut Vec<(char, Style, Option<u16>)>, next: &[(char, Style, Option<u16>)]) {
    let next_word: String = next
        .iter()
        .map(|c| c.0)
        .take_while(|c| !is_space(*c))
        .collect();
    let last = chars.last().map(|c| c.0);
    match last {
        Some('\u{AD}') => {
            chars.pop();
        }
        Some('-') | Some('\u{2010}') => {
            let before: String = {
                let mut w: Vec<char> = chars
                    .iter()
                    .rev()
                    .skip(1)
                    .map(|c| c.0)
                    .take_while(|c| !is_space(*c))
                    .collect();
                w.reverse();
                w.into_iter().collect()
            };
            let next_lower = next_word.chars().next().is_some_and(char::is_lowercase);
            let trimmed = next_word.trim_end_matches(|c: char| !c.is_alphanumeric());
            if before.is_empty() || KEEP_DASH_BEFORE.contains(&trimmed) {
                // "hälso- och sjukvård", or a dash standing alone.
                chars.push((' ', Style::NONE, None));
            } else if next_lower && {
                // A lower-case or capitalised word fragment ("sjuk-", "Väl-");
                // not an abbreviation in capitals ("NU-").
                let mut cs = before.chars();
                before.chars().count() >= 2
                    && cs.next().is_some_and(char::is_alphabetic)
                    && cs.all(char::is_lowercase)
            } {
                // A word broken across lines: drop the hyphen.
                chars.pop();
            }
            // Otherwise a real hyphen ("NU-sjukvården"): keep it, no space.
        }
        _ => {
            let a = chars.last().map(|c| c.1).unwrap_or(Style::NONE);
            let b = next.first().map(|c| c.1).unwrap_or(Style::NONE);
            let shared = [Style::STRIKE, Style::UNDERLINE, Style::BOLD, Style::ITALIC]
                .iter()
                .filter(|s| a.contains(**s) && b.contains(**s))
                .fold(Style::NONE, |acc, s| acc.with(*s));
            let la = chars.last().and_then(|c| c.2);
            let lb = next.first().and_then(|c| c.2);
            chars.push((' ', shared, if la == lb { la } else { None }));
        }
    }
    chars.extend_from_slice(next);
}

/// Does a line hold a gap between columns (a tab the line builder put
/// there)? The gap after a leading number ("4⇥Val av två personer att …",
/// a hanging indent) is not one: such a heading wraps like prose.
fn has_column_gap(chars: &[(char, Style, Option<u16>)]) -> bool {
    let mut tabs = chars.iter().enumerate().filter(|(_, c)| c.0 == '\t');
    let Some((first, _)) = tabs.next() else {
        return false;
    };
    let head = &chars[..first];
    // "4", "1.2", "§ 12", "a)": short, one space at most.
    let number = head.len() <= 6
        && head.iter().filter(|c| is_space(c.0)).count() <= 1
        && head
            .iter()
            .any(|c| c.0.is_ascii_digit() || c.0 == '§' || c.0 == ')');
    !number || tabs.next().is_some()
}

/// Does a line open with a short label and its colon ("Frånvarande: Bo
/// Ek", "Plats och tid:")? A field starts a line of its own: after a short
/// line above it whose end did not reach the margin, or after a long one
/// (a page of short notes gives no margin to measure a wrap against).
fn opens_with_field_label(chars: &[(char, Style, Option<u16>)]) -> bool {
    let head: String = chars.iter().take(32).map(|c| c.0).collect();
    let Some((label, rest)) = head.split_once(':') else {
        return false;
    };
    let words: Vec<&str> = label.split_whitespace().collect();
    let joined = words.len() == 3 && matches!(words[1], "och" | "and" | "&");
    ((1..=2).contains(&words.len()) || joined)
        && label.chars().next().is_some_and(char::is_uppercase)
        && label
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '.')
        && (rest.is_empty() || rest.starts_with(char::is_whitespace))
}

/// A table-of-contents line: dot leaders and a page number at the end.
fn ends_with_leader(chars: &[(char, Style, Option<u16>)]) -> bool {
    let mut it = chars
        .iter()
        .rev()
        .map(|c| c.0)
        .skip_while(|c| c.is_ascii_digit() || is_space(*c));
    (0..4).all(|_| it.next() == Some('.'))
}

/// Lines (in order, one column) into paragraphs.
/// `right` is the right edge of the text column: a line that ends well
/// before it, when the next line's first word would have fitted, ended
/// with a hard break.
fn paragraphs(lines: &[Line], first_line: u32, right: f32, spacing: f32) -> Vec<Para> {
    let mut out: Vec<Para> = Vec::new();
    if lines.is_empty() {
        return out;
    }
    let right = lines.iter().map(|l| l.x1).fold(right, f32::max);
    let mut cur: Option<(Para, usize)> = None;
    for (k, l) in lines.iter().enumerate() {
        let (label_n, numbered) = detect_label(&l.chars);
        let start_new = match &cur {
            None => true,
            Some((p, pk)) => {
                let prev = &lines[*pk];
                let ratio = (l.y - prev.y) / prev.size.max(1.);
                // A word broken with a hyphen is a wrap, whatever the width.
                let broken = prev.chars.len() >= 2 && {
                    let n = prev.chars.len();
                    prev.chars[n - 1].0 == '-' && prev.chars[n - 2].0.is_alphabetic()
                };
                // The next line's first word would have fitted after this
                // line: the writer broke the line, it did not wrap. The
                // slack (half an em) covers measured widths, not more:
                // a to-do list's long line ("… per User Story" / "Introduktion
                // i RAD (Jesper)") ends a few points short of the margin.
                let fits = !broken && prev.x1 + 0.25 * l.size + l.first_word < right - 0.5 * l.size;
                let is_item = p.label.is_some();
                let line_in_columns = has_column_gap(&l.chars);
                // (cell_x is NaN, and the test false, when prev has no gap.)
                let wraps_second_cell = !fits
                    && (l.x0 - prev.cell_x).abs() < 0.8 * l.size
                    && !line_in_columns
                    && prev.chars.iter().filter(|c| c.0 == '\t').count() == 1;
                let indent_ok = if is_item {
                    (l.x0 - prev.body_x).abs() < 0.8 * l.size
                        || (l.x0 - prev.x0).abs() < 0.8 * l.size
                } else {
                    // A hanging indent after a number ("13 Val av …").
                    let hanging = prev.chars.first().is_some_and(|c| c.0.is_ascii_digit())
                        && (l.x0 - prev.second_x).abs() < 0.8 * l.size;
                    l.x0 <= prev.x0 + 0.8 * l.size || hanging || wraps_second_cell
                };
                label_n.is_some()
                    || opens_with_field_label(&l.chars)
                    // A line in columns is a row of its own: rows are not
                    // wrapped prose; but a line of one column that starts
                    // where the row's second cell did ("Beslut⇥Nämnden
                    // beslutar att …" / "… och att …") wraps that cell.
                    || (has_column_gap(&prev.chars) && !wraps_second_cell)
                    || line_in_columns
                    || ends_with_leader(&prev.chars)
                    || ratio > spacing + 0.3
                    || ratio < 0.5
                    || (l.size - prev.size).abs() > 0.15 * prev.size
                    || (prev.bold && !l.bold)
                    || fits
                    || !indent_ok
            }
        };
        if start_new {
            if let Some((p, _)) = cur.take() {
                out.push(p);
            }
            let label_style = l.chars.first().map(|c| c.1).unwrap_or(Style::NONE);
            let (chars, label) = match label_n {
                Some(n) => {
                    let lab: String = l.chars.iter().take(n).map(|c| c.0).collect();
                    let rest = l
                        .chars
                        .iter()
                        .skip(n)
                        .skip_while(|c| is_space(c.0))
                        .copied()
                        .collect();
                    (rest, Some((lab, numbered)))
                }
                None => (l.chars.clone(), None),
            };
            cur = Some((
                Para {
                    chars,
                    size: l.size,
                    bbox: [l.x0, l.top, l.x1, l.bottom],
                    line: first_line + k as u32,
                    label,
                    label_style,
                    indent: l.x0,
                },
                k,
            ));
        } else if let Some((p, pk)) = cur.as_mut() {
            join(&mut p.chars, &l.chars);
            p.bbox = [
                p.bbox[0].min(l.x0),
                p.bbox[1],
                p.bbox[2].max(l.x1),
                l.bottom,
            ];
            *pk = k;
        }
    }
    if let Some((p, _)) = cur {
        out.push(p);
    }
    out
}

/// A page cut into lines and tables, before furniture is set apart.
pub struct Prepared {
    /// Free lines (outside tables) with their 1-based number on the page.
    lines: Vec<(u32, Line)>,
    tables: Vec<TableLines>,
    width: f32,
    height: f32,
    links: Vec<String>,
    /// Short rules in the lower half, left-aligned: footnote separators.
    separators: Vec<f32>,
}

/// Buffers the layout reuses from one page to the next (see
/// [`prepare_with`]): a page's glyphs pass through several lists, and
/// allocating them afresh for every page showed in profiles.
#[derive(Default)]
pub struct Scratch {
    glyphs: Vec<G>,
    places: Vec<Option<(usize, usize)>>,
    free: Vec<G>,
    cells: Vec<Vec<(usize, G)>>,
    cell: Vec<G>,
}

/// First step of a page's layout: decorations, grids, lines.
pub fn prepare(page: &PageContent) -> Prepared {
    prepare_with(page, &mut Scratch::default())
}

/// [`prepare`] with buffers kept from earlier pages.
pub fn prepare_with(page: &PageContent, ws: &mut Scratch) -> Prepared {
    let (grids, used) = find_grids(&page.rules);
    decorate(page, &used, &mut ws.glyphs);
    let gs = &mut ws.glyphs;
    // Split glyphs into grid cells and free text. Each grid's glyphs are
    // kept with their cell's number (row-major) and sorted into cells later:
    // cheaper than a map from cell to glyphs, which hashed every glyph. The
    // cells are found first and counted, so that the lists are allocated
    // once at their size rather than grown.
    let places = &mut ws.places;
    places.clear();
    places.extend(gs.iter().map(|g| {
        let cx = (g.g.x0 + g.g.x1) / 2.;
        let cy = g.g.y - 0.3 * g.g.size;
        grids
            .iter()
            .enumerate()
            .find_map(|(i, gr)| gr.cell_at(cx, cy).map(|(r, c)| (i, r * gr.cols() + c)))
    }));
    let mut counts = vec![0usize; grids.len()];
    for &(i, _) in places.iter().flatten() {
        counts[i] += 1;
    }
    let in_grids: usize = counts.iter().sum();
    let free = &mut ws.free;
    free.clear();
    free.reserve(gs.len() - in_grids);
    let cells = &mut ws.cells;
    if cells.len() < grids.len() {
        cells.resize_with(grids.len(), Vec::new);
    }
    for (cell, &n) in cells.iter_mut().zip(&counts) {
        cell.clear();
        cell.reserve(n);
    }
    // By reference: moving the pairs out by value went through a stack
    // copy that stalled on its own fresh stores.
    for (g, place) in gs.iter().zip(places.iter()) {
        match *place {
            Some((i, key)) => cells[i].push((key, *g)),
            None => free.push(*g),
        }
    }
    let lines = build_lines(free)
        .into_iter()
        .enumerate()
        .map(|(k, l)| (k as u32 + 1, l))
        .collect();
    let cell = &mut ws.cell;
    let tables = grids
        .into_iter()
        .zip(cells.iter_mut())
        .map(|(g, c)| table_lines(g, c, cell))
        .collect();
    let h = page.height.max(1.);
    let separators = page
        .rules
        .iter()
        .zip(&used)
        .filter(|(r, u)| {
            !**u && r.is_horizontal()
                && r.y1 - r.y0 <= 2.
                && (30.0..0.45 * page.width).contains(&(r.x1 - r.x0))
                && r.y0 > 0.5 * h
        })
        .map(|(r, _)| (r.y0 + r.y1) / 2.)
        .collect();
    Prepared {
        lines,
        tables,
        width: page.width,
        height: h,
        links: page.links.iter().map(|l| l.uri.clone()).collect(),
        separators,
    }
}

/// The text of a footnote marker at the start of a line: superscript digits
/// or symbols.
fn note_marker(l: &Line) -> Option<String> {
    let m: String = l
        .chars
        .iter()
        .take_while(|c| c.1.contains(Style::SUPERSCRIPT) && !is_space(c.0))
        .map(|c| c.0)
        .collect();
    (!m.is_empty()
        && m.chars().count() <= 3
        && m.chars()
            .all(|c| c.is_ascii_alphanumeric() || "*†‡".contains(c)))
    .then_some(m)
}

/// Footnotes: the lines below a short separator rule, each note starting
/// with a superscript marker. Removes them from `lines`.
fn take_notes(lines: &mut Vec<(u32, Line)>, separators: &[f32]) -> Vec<(String, Para)> {
    let mut out = Vec::new();
    let Some(sep) = separators
        .iter()
        .copied()
        .filter(|y| {
            lines
                .iter()
                .find(|(_, l)| l.top > *y)
                .is_some_and(|(_, l)| note_marker(l).is_some())
                // Not an underline: no text sits right on it.
                && !lines.iter().any(|(_, l)| l.y <= *y && l.y > *y - 0.4 * l.size)
        })
        .fold(None, |acc: Option<f32>, y| {
            Some(acc.map_or(y, |a| a.min(y)))
        })
    else {
        return out;
    };
    let (below, above): (Vec<_>, Vec<_>) = std::mem::take(lines)
        .into_iter()
        .partition(|(_, l)| l.top > sep);
    *lines = above;
    for (no, l) in below {
        match note_marker(&l) {
            Some(m) => {
                let chars = l
                    .chars
                    .iter()
                    .skip(m.chars().count())
                    .skip_while(|c| is_space(c.0))
                    .copied()
                    .collect();
                out.push((
                    m,
                    Para {
                        chars,
                        size: l.size,
                        bbox: [l.x0, l.top, l.x1, l.bottom],
                        line: no,
                        label: None,
                        label_style: Style::NONE,
                        indent: l.x0,
                    },
                ));
            }
            None => match out.last_mut() {
                Some((_, p)) => {
                    join(&mut p.chars, &l.chars);
                    p.bbox = [
                        p.bbox[0].min(l.x0),
                        p.bbox[1],
                        p.bbox[2].max(l.x1),
                        l.bottom,
                    ];
                }
                // Text between the rule and the first marker: not notes after all.
                None => lines.push((no, l)),
            },
        }
    }
    lines.sort_by_key(|(no, _)| *no);
    out
}

/// Last step of a page's layout: paragraphs and tables in reading order.
pub fn finish(prep: Prepared) -> PageLayout {
    let Prepared {
        lines: mut body_lines,
        tables,
        width,
        height,
        links,
        separators,
    } = prep;
    let notes = take_notes(&mut body_lines, &separators);
    // The column's right edge: the longest line when there are enough lines
    // to have filled it, else the left margin mirrored.
    let min_x0 = body_lines
        .iter()
        .map(|(_, l)| l.x0)
        .fold(f32::MAX, f32::min);
    let max_x1 = body_lines.iter().map(|(_, l)| l.x1).fold(0., f32::max);
    let right = if body_lines.len() >= 8 {
        max_x1
    } else {
        max_x1.max(width - min_x0)
    };
    // The line spacing of the page from all its lines.
    let mut samples = Vec::new();
    spacing_samples(body_lines.iter().map(|(_, l)| l), &mut samples);
    for t in &tables {
        for row in &t.rows {
            for (lines, _, _) in row {
                spacing_samples(lines, &mut samples);
            }
        }
    }
    let spacing = typical_spacing(samples);
    // Interleave text and tables by vertical position (grids are sorted by top).
    let mut tables: Vec<Option<TableLines>> = tables.into_iter().map(Some).collect();
    let mut items: Vec<Item> = Vec::new();
    let mut run: Vec<Line> = Vec::new();
    let mut run_first = 1u32;
    let mut ti = 0;
    let flush = |run: &mut Vec<Line>, first: u32, items: &mut Vec<Item>| {
        for p in paragraphs(run, first, right, spacing) {
            items.push(Item::Para(p));
        }
        run.clear();
    };
    let mut last_line = 0u32;
    for (no, l) in body_lines {
        while ti < tables.len() && tables[ti].as_ref().is_some_and(|t| t.grid.bbox()[1] < l.y) {
            flush(&mut run, run_first, &mut items);
            if let Some(t) = tables[ti].take() {
                items.push(Item::Table(make_table(t, last_line + 1, spacing)));
            }
            ti += 1;
        }
        // A gap in line numbers means furniture was taken out here: do not
        // join across it.
        if !run.is_empty() && no != last_line + 1 {
            flush(&mut run, run_first, &mut items);
        }
        if run.is_empty() {
            run_first = no;
        }
        last_line = no;
        run.push(l);
    }
    flush(&mut run, run_first, &mut items);
    for t in tables.iter_mut().skip(ti) {
        if let Some(t) = t.take() {
            items.push(Item::Table(make_table(t, last_line + 1, spacing)));
        }
    }
    PageLayout {
        items,
        links,
        height,
        notes,
    }
}

/// A table's cells as lines, before paragraphs.
struct TableLines {
    grid: Grid,
    rows: Vec<Vec<(Vec<Line>, u32, f32)>>,
    bold_rows: Vec<bool>,
}

/// `cells`: a grid's glyphs in drawing order, each with its cell's number
/// (row-major); `glyphs`: a buffer for one cell's.
fn table_lines(grid: Grid, cells: &mut [(usize, G)], glyphs: &mut Vec<G>) -> TableLines {
    // Glyphs by cell, in drawing order within each cell (the sort is stable).
    cells.sort_by_key(|c| c.0);
    let mut next = 0;
    // Append the glyphs of cell `key` to `out`; cells are taken in order.
    let mut take = |key: usize, out: &mut Vec<G>| {
        while next < cells.len() && cells[next].0 < key {
            next += 1;
        }
        let start = next;
        while next < cells.len() && cells[next].0 == key {
            next += 1;
        }
        out.extend(cells[start..next].iter().map(|c| c.1));
    };
    let cols = grid.cols();
    let mut rows = Vec::new();
    let mut bold_rows = Vec::new();
    for r in 0..grid.rows() {
        let mut row = Vec::new();
        let mut c = 0;
        let mut all_bold = true;
        let mut any = false;
        while c < cols {
            // Merge cells across missing dividers.
            let mut span = 1;
            glyphs.clear();
            take(r * cols + c, glyphs);
            while c + span < cols && !grid.has_divider(r, c + span) {
                take(r * cols + c + span, glyphs);
                span += 1;
            }
            for g in glyphs.iter() {
                if is_alnum(g.g.ch) {
                    any = true;
                    if !g.style.contains(Style::BOLD) {
                        all_bold = false;
                    }
                }
            }
            let right = grid.xs.get(c + span).copied().unwrap_or(0.) - 3.;
            row.push((build_lines(glyphs), span as u32, right));
            c += span;
        }
        rows.push(row);
        bold_rows.push(any && all_bold);
    }
    TableLines {
        grid,
        rows,
        bold_rows,
    }
}

fn make_table(mut t: TableLines, line: u32, spacing: f32) -> PTable {
    // An open row without text is the table box running on past a row that
    // moved to the next page (Chromium): not a row.
    let empty = |row: &Vec<(Vec<Line>, u32, f32)>| row.iter().all(|(lines, _, _)| lines.is_empty());
    if t.grid.open_bottom && t.rows.last().is_some_and(empty) {
        t.rows.pop();
        t.bold_rows.pop();
        t.grid.open_bottom = false;
    }
    if t.grid.open_top && t.rows.first().is_some_and(empty) {
        t.rows.remove(0);
        t.bold_rows.remove(0);
        t.grid.open_top = false;
    }
    let rows = t
        .rows
        .into_iter()
        .map(|row| {
            row.into_iter()
                .map(|(lines, span, right)| (paragraphs(&lines, line, right, spacing), span))
                .collect()
        })
        .collect();
    PTable {
        rows,
        xs: t.grid.xs.clone(),
        bbox: t.grid.bbox(),
        line,
        bold_rows: t.bold_rows,
        open_top: t.grid.open_top,
        open_bottom: t.grid.open_bottom,
    }
}

/// Turn a paragraph into a model paragraph with links resolved.
fn model_para(p: &Para, role: Role, links: &[String]) -> Paragraph {
    let mut out = Paragraph::new(role);
    // One run's text at a time: sized once for the longest (all of it).
    let mut buf = String::with_capacity(p.chars.len());
    let mut cur: Option<(Style, Option<u16>)> = None;
    for &(c, s, l) in &p.chars {
        if cur != Some((s, l)) {
            if let Some((cs, cl)) = cur {
                out.push(
                    &buf,
                    cs,
                    cl.and_then(|i| links.get(i as usize)).map(String::as_str),
                );
            }
            buf.clear();
            cur = Some((s, l));
        }
        buf.push(c);
    }
    if let Some((cs, cl)) = cur {
        out.push(
            &buf,
            cs,
            cl.and_then(|i| links.get(i as usize)).map(String::as_str),
        );
    }
    out
}

/// Sizes that mark headings: distinct sizes clearly above the body size,
/// largest first.
pub struct Roles {
    body: f32,
    heading_sizes: Vec<f32>,
}

impl Roles {
    /// Derive from the paragraphs of all pages.
    pub fn new(pages: &[PageLayout]) -> Roles {
        let mut hist: HashMap<i32, usize> = HashMap::new();
        let mut visit =
            |p: &Para| *hist.entry((p.size * 2.).round() as i32).or_default() += p.chars.len();
        for pg in pages {
            for it in &pg.items {
                match it {
                    Item::Para(p) => visit(p),
                    Item::Table(t) => {
                        for row in &t.rows {
                            for (cell, _) in row {
                                cell.iter().for_each(&mut visit);
                            }
                        }
                    }
                }
            }
        }
        let body = hist
            .iter()
            .max_by_key(|(k, v)| (**v, -**k))
            .map(|(k, _)| *k as f32 / 2.)
            .unwrap_or(12.);
        let mut heading_sizes: Vec<f32> = hist
            .keys()
            .map(|k| *k as f32 / 2.)
            .filter(|s| *s >= body * 1.15)
            .collect();
        heading_sizes.sort_by(|a, b| b.total_cmp(a));
        heading_sizes.truncate(6);
        Roles {
            body,
            heading_sizes,
        }
    }

    fn role(&self, p: &Para) -> Role {
        if p.size >= self.body * 1.15 && p.chars.len() <= 200 {
            let s = (p.size * 2.).round() / 2.;
            let level = self
                .heading_sizes
                .iter()
                .position(|h| (h - s).abs() < 0.3)
                .unwrap_or(self.heading_sizes.len());
            Role::Heading((level + 1).min(6) as u8)
        } else {
            Role::Body
        }
    }
}

fn span(page: u32, line: u32, b: [f32; 4]) -> Span {
    Span {
        page: Some(page),
        line: Some(line),
        bbox: Some(b),
        ..Span::default()
    }
}

/// Paragraphs into blocks, gathering consecutive labelled ones into lists.
fn blocks_of(paras: &[Para], roles: &Roles, page: u32, links: &[String]) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut i = 0;
    while i < paras.len() {
        let p = &paras[i];
        let role = roles.role(p);
        if let (Some((_, numbered)), Role::Body) = (&p.label, role) {
            // Bullets always make a list; numbers only when two or more follow each other.
            let mut j = i;
            while j < paras.len() && paras[j].label.is_some() && roles.role(&paras[j]) == Role::Body
            {
                j += 1;
            }
            if !*numbered || j - i >= 2 {
                // Levels are the ranks of the distinct indents.
                let mut indents: Vec<f32> = Vec::new();
                let mut xs: Vec<f32> = paras[i..j].iter().map(|q| q.indent).collect();
                xs.sort_by(f32::total_cmp);
                for x in xs {
                    if indents.last().is_none_or(|l| x - l > 0.5 * p.size.max(1.)) {
                        indents.push(x);
                    }
                }
                let mut items = Vec::new();
                let mut bbox = p.bbox;
                for q in &paras[i..j] {
                    let level = indents
                        .iter()
                        .rposition(|x| q.indent >= x - 0.5 * q.size.max(1.))
                        .unwrap_or(0)
                        .min(8) as u8;
                    bbox = [
                        bbox[0].min(q.bbox[0]),
                        bbox[1].min(q.bbox[1]),
                        bbox[2].max(q.bbox[2]),
                        bbox[3].max(q.bbox[3]),
                    ];
                    items.push(ListItem {
                        label: q.label.as_ref().map(|l| l.0.clone()),
                        level,
                        blocks: vec![Block::paragraph(
                            model_para(q, Role::Body, links),
                            span(page, q.line, q.bbox),
                        )],
                    });
                }
                let ordered = paras[i..j]
                    .iter()
                    .any(|q| q.label.as_ref().is_some_and(|l| l.1));
                out.push(Block {
                    kind: BlockKind::List(List { ordered, items }),
                    span: span(page, p.line, bbox),
                });
                i = j;
                continue;
            }
        }
        let mut mp = model_para(p, role, links);
        if let Some((lab, _)) = &p.label {
            // A lone numbered paragraph keeps its number in the text.
            let mut with = Paragraph::new(role);
            with.push(lab, p.label_style, None);
            with.push(" ", p.label_style, None);
            for r in &mp.runs {
                with.push(&r.text, r.style, r.link.as_deref());
            }
            mp = with;
        }
        out.push(Block::paragraph(mp, span(page, p.line, p.bbox)));
        i += 1;
    }
    out
}

/// A table in model form, with its column boundaries for continuation.
pub struct MTable {
    /// The table.
    pub table: Table,
    /// Column boundaries on its last page.
    pub xs: Vec<f32>,
}

fn cell_text(c: &Cell) -> String {
    c.plain_text()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Build the body of the whole document: pages of items into blocks, with
/// page breaks, and tables merged across pages.
pub fn assemble(pages: &[PageLayout], roles: &Roles) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    // Index into `out` of the last table and its column boundaries, if the
    // last thing on the previous page was that table.
    // The last table of the previous page: index in `out`, column
    // boundaries, ends inside a row, is the last thing on its page.
    let mut open_table: Option<(usize, Vec<f32>, bool, bool)> = None;
    for (pi, pg) in pages.iter().enumerate() {
        let page_no = pi as u32 + 1;
        if pi > 0 {
            out.push(Block {
                kind: BlockKind::PageBreak,
                span: Span {
                    page: Some(page_no),
                    ..Span::default()
                },
            });
        }
        let carried = open_table.take();
        let mut pending: Vec<Para> = Vec::new();
        let last_idx = pg.items.len().saturating_sub(1);
        for (ii, it) in pg.items.iter().enumerate() {
            match it {
                Item::Para(p) => pending.push(p.clone()),
                Item::Table(t) => {
                    out.extend(blocks_of(&pending, roles, page_no, &pg.links));
                    let first_on_page = pending.is_empty() && ii == 0;
                    pending.clear();
                    let mut rows: Vec<Row> = t
                        .rows
                        .iter()
                        .zip(&t.bold_rows)
                        .map(|(r, bold)| Row {
                            cells: r
                                .iter()
                                .map(|(paras, span_n)| {
                                    let mut c =
                                        Cell::new(blocks_of(paras, roles, page_no, &pg.links));
                                    c.col_span = *span_n;
                                    c
                                })
                                .collect(),
                            header: *bold,
                        })
                        .collect();
                    let same_cols = |xs: &[f32]| {
                        xs.len() == t.xs.len()
                            && xs.iter().zip(&t.xs).all(|(a, b)| (a - b).abs() < 4.)
                    };
                    // A repeated header row proves a continuation even when
                    // notes or a text box came between.
                    let header_repeats = |idx: usize| match (out.get(idx), rows.first()) {
                        (
                            Some(Block {
                                kind: BlockKind::Table(prev),
                                ..
                            }),
                            Some(first),
                        ) => prev.rows.first().is_some_and(|h| {
                            h.cells.len() == first.cells.len()
                                && h.cells
                                    .iter()
                                    .zip(&first.cells)
                                    .all(|(a, b)| cell_text(a) == cell_text(b))
                                && !h.cells.iter().all(|c| cell_text(c).is_empty())
                        }),
                        _ => false,
                    };
                    let (cont, open_bottom) = match &carried {
                        Some((idx, xs, open, last))
                            if first_on_page
                                && same_cols(xs)
                                && (*last || header_repeats(*idx)) =>
                        {
                            (Some(*idx), *open && *last)
                        }
                        _ => (None, false),
                    };
                    if let Some(idx) = cont
                        && let Some(Block {
                            kind: BlockKind::Table(prev),
                            ..
                        }) = out.get_mut(idx)
                    {
                        // A repeated header row is dropped.
                        if let (Some(h), Some(first)) = (prev.rows.first_mut(), rows.first())
                            && h.cells.len() == first.cells.len()
                            && h.cells
                                .iter()
                                .zip(&first.cells)
                                .all(|(a, b)| cell_text(a) == cell_text(b))
                        {
                            h.header = true;
                            rows.remove(0);
                        }
                        // A row that ran over the page break: the page ended inside
                        // it, or its first cell is empty here.
                        if let (Some(last), Some(first)) = (prev.rows.last_mut(), rows.first())
                            && (open_bottom
                                || t.open_top
                                || first.cells.first().is_some_and(|c| cell_text(c).is_empty()))
                            && last.cells.len() == first.cells.len()
                        {
                            let first = rows.remove(0);
                            for (a, b) in last.cells.iter_mut().zip(first.cells) {
                                a.blocks.extend(b.blocks);
                            }
                        }
                        for r in rows.iter_mut() {
                            r.header = false;
                        }
                        prev.rows.extend(rows);
                    } else {
                        // Only the first row can be a header.
                        for r in rows.iter_mut().skip(1) {
                            r.header = false;
                        }
                        out.push(Block {
                            kind: BlockKind::Table(Table { rows }),
                            span: span(page_no, t.line, t.bbox),
                        });
                    }
                    let idx = out
                        .iter()
                        .rposition(|b| matches!(b.kind, BlockKind::Table(_)))
                        .unwrap_or(0);
                    open_table = Some((idx, t.xs.clone(), t.open_bottom, ii == last_idx));
                }
            }
        }
        if !pending.is_empty()
            && let Some(t) = open_table.as_mut()
        {
            t.3 = false;
        }
        out.extend(blocks_of(&pending, roles, page_no, &pg.links));
    }
    out
}

/// Footnotes of all pages as model notes, and the references to them: runs
/// in superscript whose text is a marker of a note on the same page.
pub fn attach_notes(pages: &[PageLayout], blocks: &mut [Block]) -> Vec<minutes_model::Note> {
    let mut notes = Vec::new();
    let mut ids: HashMap<(u32, String), String> = HashMap::new();
    for (pi, pg) in pages.iter().enumerate() {
        let page_no = pi as u32 + 1;
        for (m, p) in &pg.notes {
            let mut id = format!("fn{m}");
            if notes.iter().any(|n: &minutes_model::Note| n.id == id) {
                id = format!("fn{m}-p{page_no}");
            }
            ids.insert((page_no, m.clone()), id.clone());
            notes.push(minutes_model::Note {
                id,
                blocks: vec![Block::paragraph(
                    model_para(p, Role::Body, &pg.links),
                    span(page_no, p.line, p.bbox),
                )],
            });
        }
    }
    if !ids.is_empty() {
        mark_refs(blocks, &ids, None);
    }
    notes
}

fn mark_refs(blocks: &mut [Block], ids: &HashMap<(u32, String), String>, page: Option<u32>) {
    for b in blocks {
        let page = b.span.page.or(page);
        match &mut b.kind {
            BlockKind::Paragraph(p) => {
                let Some(pg) = page else { continue };
                for r in &mut p.runs {
                    if r.style.contains(Style::SUPERSCRIPT)
                        && let Some(id) = ids.get(&(pg, r.text.trim().to_string()))
                    {
                        r.note = Some(id.clone());
                    }
                }
            }
            BlockKind::List(l) => {
                for i in &mut l.items {
                    mark_refs(&mut i.blocks, ids, page);
                }
            }
            BlockKind::Table(t) => {
                for r in &mut t.rows {
                    for c in &mut r.cells {
                        mark_refs(&mut c.blocks, ids, page);
                    }
                }
            }
            BlockKind::PageBreak => {}
        }
    }
}

/// Normalised key of a margin line: digits collapsed, case folded.
fn margin_key(t: &str) -> String {
    let mut k = String::new();
    for c in t.chars() {
        if c.is_ascii_digit() {
            if !k.ends_with('#') {
                k.push('#');
            }
        } else if !c.is_whitespace() {
            k.extend(c.to_lowercase());
        }
    }
    k
}

/// "3 (108)", "Sida 1 (41)", "1/5", "- 2 -", "Page 2 of 9", "2 av 5".
pub fn is_page_number(t: &str) -> bool {
    let l = t.to_lowercase();
    let mut rest = l.as_str().trim();
    for w in ["sida", "sid.", "s.", "page", "p."] {
        if let Some(r) = rest.strip_prefix(w) {
            rest = r.trim_start();
            break;
        }
    }
    if !rest.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let stripped = rest.replace(" av ", "/").replace(" of ", "/");
    // Digit runs (at most 4 long) become 'N'; the shape must be a known one.
    let mut shape = String::new();
    let mut run = 0;
    for c in stripped.chars().filter(|c| !c.is_whitespace()) {
        if c.is_ascii_digit() {
            run += 1;
            if run > 4 {
                return false;
            }
            if run == 1 {
                shape.push('N');
            }
        } else {
            run = 0;
            shape.push(if c == '–' || c == '—' { '-' } else { c });
        }
    }
    matches!(
        shape.as_str(),
        "N" | "N(N)" | "N/N" | "-N-" | "[N]" | "N." | "(N)"
    )
}

fn is_signature_line(chars: &[(char, Style, Option<u16>)]) -> bool {
    ["justerandes sign", "utdragsbestyrkande", "justerarnas sign"]
        .iter()
        .any(|p| lower_starts_with(chars.iter().map(|c| c.0), p))
}

/// `t.to_lowercase().starts_with(prefix)` for an ASCII `prefix`, without
/// lower-casing (and allocating) all of `t`: this is asked of every line.
/// Characters are lower-cased one by one; the one that depends on its
/// neighbours, capital sigma, never lower-cases to ASCII.
fn lower_starts_with(t: impl Iterator<Item = char>, prefix: &str) -> bool {
    let mut want = prefix.chars();
    for c in t {
        for l in c.to_lowercase() {
            match want.next() {
                None => return true,
                Some(w) if w == l => {}
                Some(_) => return false,
            }
        }
    }
    want.next().is_none()
}

/// Set apart page furniture: lines near the top or bottom of the page that
/// repeat at the same place on most pages (digits aside), page numbers in
/// the margins, and signature captions anywhere.
pub fn split_furniture(pages: &mut [Prepared]) -> Vec<Block> {
    let n = pages.len();
    let in_margin = |l: &Line, h: f32| l.y < 0.15 * h || l.top > 0.85 * h;
    let key = |l: &Line| -> String {
        let t: String = l.chars.iter().map(|c| c.0).collect();
        format!("{}@{}", margin_key(&t), (l.y / 4.).round() as i32)
    };
    let mut counts: HashMap<String, usize> = HashMap::new();
    for pg in pages.iter() {
        let mut seen: Vec<String> = pg
            .lines
            .iter()
            .filter(|(_, l)| in_margin(l, pg.height))
            .map(|(_, l)| key(l))
            .collect();
        seen.sort();
        seen.dedup();
        for k in seen {
            *counts.entry(k).or_default() += 1;
        }
    }
    // A quarter of the pages: documents with appendices change headers.
    let threshold = (n / 4).max(2);
    let mut furniture = Vec::new();
    for (pi, pg) in pages.iter_mut().enumerate() {
        let page_no = pi as u32 + 1;
        let h = pg.height;
        let lines = std::mem::take(&mut pg.lines);
        for (no, l) in lines {
            let margin = in_margin(&l, h);
            let repeated = margin && counts.get(&key(&l)).copied().unwrap_or(0) >= threshold;
            let page_number = (l.y < 0.15 * h || l.top > 0.8 * h)
                && is_page_number(&l.chars.iter().map(|c| c.0).collect::<String>());
            if repeated || page_number || is_signature_line(&l.chars) {
                let p = Para {
                    chars: l.chars.clone(),
                    size: l.size,
                    bbox: [l.x0, l.top, l.x1, l.bottom],
                    line: no,
                    label: None,
                    label_style: Style::NONE,
                    indent: l.x0,
                };
                furniture.push(Block::paragraph(
                    model_para(&p, Role::Body, &pg.links),
                    span(page_no, no, p.bbox),
                ));
            } else {
                pg.lines.push((no, l));
            }
        }
    }
    furniture
}

/// All text of a page's layout, for quality checks.
pub fn page_text(pg: &PageLayout) -> String {
    let mut s = String::new();
    for it in &pg.items {
        match it {
            Item::Para(p) => {
                s.extend(p.chars.iter().map(|c| c.0));
                s.push('\n');
            }
            Item::Table(t) => {
                for row in &t.rows {
                    for (cell, _) in row {
                        for p in cell {
                            s.extend(p.chars.iter().map(|c| c.0));
                            s.push('\n');
                        }
                    }
                }
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<(char, Style, Option<u16>)> {
        s.chars().map(|c| (c, Style::NONE, None)).collect()
    }

    /// A line of 10-point text at `y` from `x0` to `x1`, its second cell
    /// (after a tab) starting at `cell_x`.
    fn text_line(t: &str, x0: f32, x1: f32, y: f32, cell_x: f32) -> Line {
        Line {
            chars: chars(t),
            x0,
            x1,
            y,
            top: y - 8.,
            bottom: y + 2.5,
            size: 10.,
            body_x: x0,
            first_word: 40.,
            second_x: x0 + 45.,
            cell_x,
            bold: false,
        }
    }

    #[test]
    fn a_wrapped_second_cell_continues_its_row() {
        let lines = [
            text_line(
                "Beslutande\tAnna Berg (S), ordförande, Bo Ek (M),",
                50.,
                500.,
                100.,
                200.,
            ),
            text_line("Cilla Ny (C)", 200., 260., 112., f32::NAN),
            text_line("Ersättare\tDan Ek (S)", 50., 260., 124., 200.),
        ];
        let texts: Vec<String> = paragraphs(&lines, 1, 500., 1.2)
            .iter()
            .map(|p| p.chars.iter().map(|c| c.0).collect())
            .collect();
        assert_eq!(
            texts,
            [
                "Beslutande\tAnna Berg (S), ordförande, Bo Ek (M), Cilla Ny (C)",
                "Ersättare\tDan Ek (S)"
            ]
        );
    }

    fn joined(a: &str, b: &str) -> String {
        let mut c = chars(a);
        join(&mut c, &chars(b));
        c.iter().map(|x| x.0).collect()
    }

    #[test]
    fn hyphens_at_line_ends() {
        assert_eq!(joined("en sjuk-", "vård som"), "en sjukvård som");
        assert_eq!(joined("inom NU-", "sjukvården"), "inom NU-sjukvården");
        assert_eq!(joined("för CF-", "patienter"), "för CF-patienter");
        assert_eq!(joined("hälso-", "och sjukvård"), "hälso- och sjukvård");
        assert_eq!(joined("inom Väl-", "färdsområdet"), "inom Välfärdsområdet");
        assert_eq!(joined("via e-", "post"), "via e-post");
        assert_eq!(joined("Synpunkter -", "nästa"), "Synpunkter - nästa");
        assert_eq!(joined("vanlig", "rad"), "vanlig rad");
    }

    #[test]
    fn a_field_label_opens_a_line_of_its_own() {
        for t in [
            "Frånvarande: Ulrika Stål",
            "Plats och tid: Kommunhuset",
            "Ansv.:",
            "AP: Jonas",
        ] {
            assert!(opens_with_field_label(&chars(t)), "{t}");
        }
        for t in [
            "kommunen: se bilaga",
            "Styrelsen beslutade följande: att",
            "kl. 18:30 i klubbstugan",
            "Vård och omsorg i Umeå: ny plan",
        ] {
            assert!(!opens_with_field_label(&chars(t)), "{t}");
        }
    }

    #[test]
    fn a_row_in_columns_is_no_wrapped_prose_but_a_hanging_number_is() {
        assert!(has_column_gap(&chars(
            "Jessica Nylund\tSD\tBo Hansson (SD)"
        )));
        assert!(has_column_gap(&chars("Utses att justera\tErik Holmström")));
        assert!(!has_column_gap(&chars(
            "4\tVal av två personer att jämte mötesordföran-"
        )));
        assert!(!has_column_gap(&chars("§ 4\tVal av justerare")));
        assert!(has_column_gap(&chars("§ 4\tVal av justerare\tBeslut")));
        assert!(has_column_gap(&chars("Ek\tSD")));
        assert!(!has_column_gap(&chars("Roger Björk, ordförande")));
    }

    #[test]
    fn alphanumeric_shortcut_matches_the_standard_library() {
        for c in (0..0x400).filter_map(char::from_u32) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn signature_captions() {
        for t in [
            "Justerandes signatur",
            "JUSTERARNAS SIGN",
            "Utdragsbestyrkande",
            "utdragsbestyr\u{212A}ande",
            "justerandes sign",
            "justerandes sig",
            "Justerande",
            "ΣJusterandes sign",
            "",
        ] {
            assert_eq!(
                is_signature_line(&chars(t)),
                t.to_lowercase().starts_with("justerandes sign")
                    || t.to_lowercase().starts_with("utdragsbestyrkande")
                    || t.to_lowercase().starts_with("justerarnas sign"),
                "{t}"
            );
        }
    }

    #[test]
    fn page_numbers() {
        for t in [
            "3 (108)",
            "Sida 1 (41)",
            "1/5",
            "- 2 -",
            "Page 2 of 9",
            "2 av 5",
            "7",
        ] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["2026-02-16 Beslut", "2026-02-16", "Protokoll", "§ 12"] {
            assert!(!is_page_number(t), "{t}");
        }
    }

    #[test]
    fn labels() {
        assert_eq!(detect_label(&chars("• Punkt")), (Some(1), false));
        assert_eq!(detect_label(&chars("12. Punkt")), (Some(3), true));
        assert_eq!(detect_label(&chars("a) Punkt")), (Some(2), true));
        assert_eq!(detect_label(&chars("2026. Punkt")), (None, false));
        assert_eq!(detect_label(&chars("Punkt 1.")), (None, false));
    }
}

#[cfg(test)]
mod column_tests {
    use super::*;

    /// Glyphs of `cells` on one baseline, each cell starting at its x, in a
    /// 10-point font with 5-point advances.
    fn row(y: f32, cells: &[(f32, &str)]) -> Vec<G> {
        let mut out = Vec::new();
        for (x, text) in cells {
            for (i, ch) in text.chars().enumerate() {
                let x0 = x + 5. * i as f32;
                out.push(G {
                    g: Glyph {
                        x0,
                        x1: x0 + 5.,
                        y,
                        size: 10.,
                        ch,
                        bold: false,
                        italic: false,
                    },
                    style: Style::NONE,
                    link: None,
                    cell_start: false,
                });
            }
        }
        out
    }

    fn texts(mut gs: Vec<G>) -> Vec<String> {
        build_lines(&mut gs)
            .iter()
            .map(|l| l.chars.iter().map(|c| c.0).collect())
            .collect()
    }

    #[test]
    fn close_cells_that_line_up_down_the_rows_are_parted_by_tabs() {
        // The second column starts 12 points (1.2 sizes) after the longest
        // name: too close for a tab on its own, but the same x in each row.
        let mut gs = Vec::new();
        gs.extend(row(100., &[(50., "Namn"), (112., "Org")]));
        gs.extend(row(114., &[(50., "Anna Berg"), (112., "SKV")]));
        gs.extend(row(128., &[(50., "Bo Ek"), (112., "LM")]));
        assert_eq!(texts(gs), ["Namn\tOrg", "Anna Berg\tSKV", "Bo Ek\tLM"]);
        // One such gap alone is a wide word space.
        let gs = row(100., &[(50., "Anna Berg"), (112., "SKV")]);
        assert_eq!(texts(gs), ["Anna Berg SKV"]);
    }
}
