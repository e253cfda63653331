//! Emacs org-mode minutes. Org is text with its own markup, so it shares the
//! text reader's decoding, line model and hard-wrap joining, and only
//! recognises org's shapes:
//!
//! - headings by their stars (`** § 3 Val av justerare` is a level-2
//!   heading; a TODO keyword stays text, `:tags:` at the end are dropped);
//! - `#+TITLE:` is the document title; `#+DATE:`, `#+AUTHOR:` and other
//!   keywords with a value people read become a "Key: value" paragraph;
//!   other `#+` lines (options, block delimiters) and `# comments` are not
//!   content; `:PROPERTIES:` … `:END:` drawers and `#+BEGIN_COMMENT` blocks
//!   are skipped;
//! - lists: `-`, `+` and (indented) `*` bullets, `1.` / `1)` numbers, nested
//!   by indentation, continuation lines joined into their entry;
//! - tables: `|`-rows, `|---+---|` rules (the rows above the first rule are
//!   header rows);
//! - inline: `*bold*`, `/italic/`, `_underline_`, `+strike+`, `=verbatim=`,
//!   `~code~`, `[[target][description]]` and `[[target]]` links.
//!
//! Like the text reader, each line is a paragraph of its own (minutes are
//! typed line by line: "Datum: …", a name per line) unless the lines were
//! hard-wrapped, which the text reader's joining undoes.

use crate::inline::trim_paragraph;
use crate::{Error, Line, lines, unwrap_paragraphs, wrap_width};
use minutes_model::{
    Block, BlockKind, Cell, Document, Format, List, ListItem, Paragraph, Role, Row, Span, Style,
    Table,
};

/// Read an org-mode file's bytes into a [`Document`].
pub fn read(bytes: &[u8], _opts: &minutes_model::ReadOptions) -> Result<Document, Error> {
    let decoded = crate::decoded(bytes)?;
    let mut doc = Document::default();
    doc.source.format = Some(Format::Org);
    doc.diagnostics.extend(decoded.diagnostic);
    let lines = lines(&decoded.text);
    let wrap = wrap_width(&lines);
    doc.blocks = unwrap_paragraphs(parse(&lines), wrap, &decoded.text);
    doc.normalize();
    if doc.blocks.is_empty() {
        return Err(Error::NoText);
    }
    Ok(doc)
}

/// What one line of org is.
#[derive(Debug, PartialEq)]
enum Shape<'a> {
    Blank,
    /// Not content: comments, options, block delimiters, drawer lines.
    Hidden,
    Heading(u8, &'a str),
    /// `#+KEY: value`.
    Keyword(&'a str, &'a str),
    /// A list entry: indentation, label, text.
    Item(usize, String, &'a str),
    TableRow(&'a str),
    Text(&'a str),
}

/// Recognise the shape of a line.
fn shape(line: &str) -> Shape<'_> {
    let t = line.trim();
    if t.is_empty() {
        return Shape::Blank;
    }
    if let Some(h) = heading(line) {
        return h;
    }
    if let Some(rest) = t.strip_prefix("#+") {
        return match rest.split_once(':') {
            Some((key, value)) if !key.contains(' ') && !key.is_empty() => {
                Shape::Keyword(key, value.trim())
            }
            _ => Shape::Hidden,
        };
    }
    if t == "#" || t.starts_with("# ") {
        return Shape::Hidden;
    }
    if t.starts_with('|') {
        return Shape::TableRow(t);
    }
    let indent = line.len() - line.trim_start().len();
    if let Some(item) = list_item(t, indent) {
        return item;
    }
    Shape::Text(t)
}

fn heading(line: &str) -> Option<Shape<'_>> {
    let stars = line.bytes().take_while(|&b| b == b'*').count();
    if stars == 0 || line.as_bytes().get(stars) != Some(&b' ') {
        return None;
    }
    let text = line.get(stars..)?.trim();
    Some(Shape::Heading(stars.min(9) as u8, strip_tags(text)))
}

/// A heading's text without trailing `:tag1:tag2:`.
fn strip_tags(text: &str) -> &str {
    if let Some((head, tags)) = text.rsplit_once(char::is_whitespace)
        && tags.len() > 2
        && tags.starts_with(':')
        && tags.ends_with(':')
        && !tags.contains(' ')
        && tags
            .trim_matches(':')
            .split(':')
            .all(|t| !t.is_empty() && t.chars().all(|c| c.is_alphanumeric() || "_@#%".contains(c)))
    {
        return head.trim_end();
    }
    text
}

fn list_item(t: &str, indent: usize) -> Option<Shape<'_>> {
    for b in ["- ", "+ "] {
        if let Some(rest) = t.strip_prefix(b) {
            return Some(Shape::Item(indent, "•".into(), rest.trim()));
        }
    }
    // A star bullet must be indented, or it is a heading.
    if indent > 0
        && let Some(rest) = t.strip_prefix("* ")
    {
        return Some(Shape::Item(indent, "•".into(), rest.trim()));
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let after = t.get(digits..)?;
        for d in [". ", ") "] {
            if let Some(rest) = after.strip_prefix(d) {
                return Some(Shape::Item(
                    indent,
                    format!("{}{}", t.get(..digits)?, d.trim()),
                    rest.trim(),
                ));
            }
        }
    }
    None
}

/// Keywords whose value is part of what a reader of the minutes sees.
const SHOWN_KEYWORDS: &[&str] = &["DATE", "AUTHOR", "SUBTITLE", "EMAIL", "DESCRIPTION"];

fn parse(lines: &[Line<'_>]) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut i = 0;
    let mut in_drawer = false;
    let mut skip_block: Option<String> = None;
    while let Some(line) = lines.get(i) {
        let t = line.text.trim();
        // Skipped regions: drawers and comment blocks.
        if let Some(end) = &skip_block {
            if t.eq_ignore_ascii_case(end) {
                skip_block = None;
            }
            i += 1;
            continue;
        }
        if in_drawer {
            in_drawer = !t.eq_ignore_ascii_case(":END:");
            i += 1;
            continue;
        }
        if is_drawer_start(t) {
            in_drawer = true;
            i += 1;
            continue;
        }
        let upper = t.to_ascii_uppercase();
        if upper.starts_with("#+BEGIN_COMMENT") {
            skip_block = Some("#+END_COMMENT".into());
            i += 1;
            continue;
        }
        match shape(line.text) {
            Shape::Blank | Shape::Hidden => i += 1,
            Shape::Heading(level, text) => {
                blocks.push(paragraph(Role::Heading(level), text, line.span));
                i += 1;
            }
            Shape::Keyword(key, value) => {
                let key_upper = key.to_ascii_uppercase();
                if value.is_empty() {
                    // A keyword without a value shows nothing.
                } else if key_upper == "TITLE" {
                    blocks.push(paragraph(Role::Title, value, line.span));
                } else if SHOWN_KEYWORDS.contains(&key_upper.as_str()) {
                    let mut k = key.to_ascii_lowercase();
                    if let Some(first) = k.get_mut(..1) {
                        first.make_ascii_uppercase();
                    }
                    blocks.push(paragraph(Role::Body, &format!("{k}: {value}"), line.span));
                }
                i += 1;
            }
            Shape::TableRow(_) => {
                let (table, next) = table(lines, i);
                blocks.push(table);
                i = next;
            }
            Shape::Item(..) => {
                let (list, next) = list(lines, i);
                blocks.push(list);
                i = next;
            }
            Shape::Text(text) => {
                blocks.push(paragraph(Role::Body, text, line.span));
                i += 1;
            }
        }
    }
    blocks
}

fn is_drawer_start(t: &str) -> bool {
    t.len() > 2
        && t.starts_with(':')
        && t.ends_with(':')
        && !t.eq_ignore_ascii_case(":END:")
        && t.trim_matches(':')
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

fn paragraph(role: Role, text: &str, span: Span) -> Block {
    let mut p = Paragraph::new(role);
    push_org(&mut p, text, Style::NONE, None);
    trim_paragraph(&mut p);
    Block::paragraph(p, span)
}

/// Consecutive list entries (blank lines between them allowed, continuation
/// lines indented under an entry joined into it) into one list.
fn list(lines: &[Line<'_>], start: usize) -> (Block, usize) {
    let mut items: Vec<(usize, String, String, Span)> = Vec::new();
    let mut i = start;
    let mut blank_run = 0;
    while let Some(line) = lines.get(i) {
        match shape(line.text) {
            Shape::Item(indent, label, text) => {
                items.push((indent, label, text.to_string(), line.span));
                blank_run = 0;
            }
            Shape::Blank => {
                blank_run += 1;
                if blank_run > 1 {
                    break;
                }
            }
            Shape::Text(text)
                if blank_run == 0
                    && items.last().is_some_and(|(indent, ..)| {
                        line.text.len() - line.text.trim_start().len() > *indent
                    }) =>
            {
                if let Some((_, _, t, span)) = items.last_mut() {
                    t.push(' ');
                    t.push_str(text);
                    *span = span.cover(line.span);
                }
            }
            _ => break,
        }
        i += 1;
    }
    // Levels: each distinct indentation deeper than the one before nests.
    let mut indents: Vec<usize> = Vec::new();
    let mut out = Vec::with_capacity(items.len());
    let mut span = lines.get(start).map(|l| l.span).unwrap_or_default();
    let ordered = items
        .first()
        .is_some_and(|(_, l, _, _)| l.starts_with(|c: char| c.is_ascii_digit()));
    for (indent, label, text, s) in items {
        while indents.last().is_some_and(|&d| d > indent) {
            indents.pop();
        }
        if indents.last() != Some(&indent) {
            indents.push(indent);
        }
        span = span.cover(s);
        out.push(ListItem {
            label: Some(label),
            level: (indents.len().saturating_sub(1)).min(8) as u8,
            blocks: vec![paragraph(Role::Body, &text, s)],
        });
    }
    // Let the caller go on after the last entry, not past trailing blanks.
    let mut next = i;
    while next > start
        && lines
            .get(next - 1)
            .is_some_and(|l| l.text.trim().is_empty())
    {
        next -= 1;
    }
    (
        Block {
            kind: BlockKind::List(List {
                ordered,
                items: out,
            }),
            span,
        },
        next.max(start + 1),
    )
}

fn is_rule(t: &str) -> bool {
    t.starts_with("|-") || t.starts_with("|=")
}

/// Consecutive `|` rows into one table.
fn table(lines: &[Line<'_>], start: usize) -> (Block, usize) {
    let mut rows: Vec<Row> = Vec::new();
    let mut span = lines.get(start).map(|l| l.span).unwrap_or_default();
    let mut i = start;
    let mut rule_seen = false;
    while let Some(line) = lines.get(i) {
        let t = line.text.trim();
        if !t.starts_with('|') {
            break;
        }
        span = span.cover(line.span);
        i += 1;
        if is_rule(t) {
            if !rule_seen {
                for r in &mut rows {
                    r.header = true;
                }
            }
            rule_seen = true;
            continue;
        }
        let inner = t.strip_prefix('|').unwrap_or(t);
        let inner = inner.strip_suffix('|').unwrap_or(inner);
        let cells = inner
            .split('|')
            .map(|c| {
                let c = c.trim();
                if c.is_empty() {
                    Cell::new(Vec::new())
                } else {
                    Cell::new(vec![paragraph(Role::Body, c, line.span)])
                }
            })
            .collect();
        rows.push(Row {
            cells,
            header: false,
        });
    }
    (
        Block {
            kind: BlockKind::Table(Table { rows }),
            span,
        },
        i,
    )
}

/// Longest emphasis or link, in characters: a marker or bracket farther
/// from its closer is plain text.
const MAX_EMPHASIS: usize = 500;
const MAX_LINK: usize = 4096;

/// Org's emphasis markers and the style each gives.
const MARKERS: [(char, Style); 6] = [
    ('*', Style::BOLD),
    ('/', Style::ITALIC),
    ('_', Style::UNDERLINE),
    ('+', Style::STRIKE),
    ('=', Style::NONE),
    ('~', Style::NONE),
];

/// Parse org inline markup into `p`.
fn push_org(p: &mut Paragraph, text: &str, base: Style, link: Option<&str>) {
    let chars: Vec<char> = text.chars().collect();
    let mut closers = Closers::default();
    let mut buf = String::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c == '['
            && chars.get(i + 1) == Some(&'[')
            && let Some((target, desc, end)) = org_link(&chars, i, &mut closers)
        {
            p.push(&buf, base, link);
            buf.clear();
            let shown = desc.unwrap_or_else(|| target.clone());
            push_org(p, &shown, base, Some(&target));
            i = end;
            continue;
        }
        if let Some(k) = MARKERS.iter().position(|(m, _)| *m == c)
            && let Some(end) = emphasis_end(&chars, i, &mut closers.emphasis[k])
        {
            let style = MARKERS.get(k).map_or(Style::NONE, |&(_, s)| s);
            p.push(&buf, base, link);
            buf.clear();
            let inner: String = chars.get(i + 1..end).unwrap_or_default().iter().collect();
            if style.is_empty() {
                // Verbatim and code: the text as it is.
                p.push(&inner, base, link);
            } else {
                push_org(p, &inner, base.with(style), link);
            }
            i = end + 1;
            continue;
        }
        buf.push(c);
        i += 1;
    }
    p.push(&buf, base, link);
}

/// Where the closers of links and emphasis stand in one text, remembered
/// between the openers [`push_org`] meets left to right: a line of openers
/// without closers (50,000 `[`) then costs one scan, not one per opener.
#[derive(Default)]
struct Closers {
    /// `]`, closing a link's target.
    bracket: NextWhere,
    /// `]]`, closing a link's description.
    double_bracket: NextWhere,
    /// A closing marker, per entry of [`MARKERS`].
    emphasis: [NextWhere; MARKERS.len()],
}

/// The first position at or after a given one where a shape stands, for
/// queries whose start never decreases: what was scanned is not scanned
/// again. One instance serves one shape (`is_at` must not change).
#[derive(Default)]
struct NextWhere {
    /// The last position found.
    found: Option<usize>,
    /// Everything before this has been looked at.
    scanned: usize,
}

impl NextWhere {
    fn find(&mut self, len: usize, from: usize, is_at: impl Fn(usize) -> bool) -> Option<usize> {
        if let Some(f) = self.found
            && f >= from
        {
            return Some(f);
        }
        let start = from.max(self.scanned);
        self.found = (start..len).find(|&j| is_at(j));
        self.scanned = self.found.map_or(len, |f| f + 1);
        self.found
    }
}

/// The index of the marker closing an emphasis opened at `i`, following
/// org's rules: the opener follows a start, white space or `-({'"`, the
/// content neither starts nor ends with white space, the closer is followed
/// by an end, white space or punctuation. Emphasis stays on one line and
/// within [`MAX_EMPHASIS`]. `closers` is this marker's.
fn emphasis_end(chars: &[char], i: usize, closers: &mut NextWhere) -> Option<usize> {
    let m = *chars.get(i)?;
    let before_ok = i == 0
        || chars
            .get(i - 1)
            .is_some_and(|&b| b.is_whitespace() || "-({'\"".contains(b));
    if !before_ok {
        return None;
    }
    let first = *chars.get(i + 1)?;
    if first.is_whitespace() || first == m {
        return None;
    }
    // A closer: the marker after a character that is not white space,
    // before an end, white space or punctuation.
    let closes = |j: usize| {
        chars.get(j) == Some(&m)
            && chars
                .get(j.wrapping_sub(1))
                .is_some_and(|p| !p.is_whitespace())
            && chars
                .get(j + 1)
                .is_none_or(|&a| a.is_whitespace() || "-.,;:!?'\")}[".contains(a))
    };
    // A one-character emphasis ("*x*") is not one: the closer comes two on.
    let j = closers.find(chars.len(), i + 2, closes)?;
    (j <= i.saturating_add(MAX_EMPHASIS)).then_some(j)
}

/// `[[target][description]]` or `[[target]]` at `i`: (target, description,
/// index after the link). Neither part reaches past [`MAX_LINK`].
fn org_link(
    chars: &[char],
    i: usize,
    closers: &mut Closers,
) -> Option<(String, Option<String>, usize)> {
    let start = i + 2;
    let stop = chars.len().min(i.saturating_add(MAX_LINK));
    let close = closers
        .bracket
        .find(chars.len(), start, |j| chars.get(j) == Some(&']'))
        .filter(|&j| j < stop)?;
    let target: String = chars.get(start..close)?.iter().collect();
    match chars.get(close + 1) {
        Some(']') => Some((target.trim().to_string(), None, close + 2)),
        Some('[') => {
            let dstart = close + 2;
            let dclose = closers
                .double_bracket
                .find(chars.len(), dstart, |j| {
                    chars.get(j) == Some(&']') && chars.get(j + 1) == Some(&']')
                })
                .filter(|&j| j < stop.saturating_sub(1))?;
            let desc: String = chars.get(dstart..dclose)?.iter().collect();
            Some((target.trim().to_string(), Some(desc), dclose + 2))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use minutes_model::ReadOptions;

    fn read_str(s: &str) -> Document {
        read(s.as_bytes(), &ReadOptions::default()).expect("reads")
    }

    fn para(b: &Block) -> &Paragraph {
        match &b.kind {
            BlockKind::Paragraph(p) => p,
            other => panic!("not a paragraph: {other:?}"),
        }
    }

    #[test]
    fn headings_keywords_and_hidden_lines() {
        let doc = read_str(
            "#+TITLE: Styrelsemöte\n#+OPTIONS: toc:nil\n#+DATE: 2019-02-22\n# en kommentar\n* Protokoll :möte:\n:PROPERTIES:\n:ID: 1\n:END:\n** § 1 Mötets öppnande\nMötet öppnades.\n#+BEGIN_COMMENT\ndolt\n#+END_COMMENT\n",
        );
        let texts: Vec<String> = doc.blocks.iter().map(Block::plain_text).collect();
        assert_eq!(
            texts,
            [
                "Styrelsemöte",
                "Date: 2019-02-22",
                "Protokoll",
                "§ 1 Mötets öppnande",
                "Mötet öppnades."
            ]
        );
        assert_eq!(para(&doc.blocks[0]).role, Role::Title);
        assert_eq!(para(&doc.blocks[2]).role, Role::Heading(1));
        assert_eq!(para(&doc.blocks[3]).role, Role::Heading(2));
    }

    #[test]
    fn inline_markup_and_links() {
        let doc = read_str(
            "*Beslut:* +Anna+ /kursiv/ =kod= [[https://x.se/a][bilagan]] [[https://y.se]] 5*3 a+b a/b/c\n",
        );
        let p = para(&doc.blocks[0]);
        let styled = |s: Style| -> Vec<&str> {
            p.runs
                .iter()
                .filter(|r| r.style.contains(s) && !s.is_empty())
                .map(|r| r.text.as_str())
                .collect()
        };
        assert_eq!(styled(Style::BOLD), ["Beslut:"]);
        assert_eq!(styled(Style::STRIKE), ["Anna"]);
        assert_eq!(styled(Style::ITALIC), ["kursiv"]);
        assert_eq!(
            p.text(),
            "Beslut: Anna kursiv kod bilagan https://y.se 5*3 a+b a/b/c"
        );
        let links: Vec<&str> = p.runs.iter().filter_map(|r| r.link.as_deref()).collect();
        assert_eq!(links, ["https://x.se/a", "https://y.se"]);
    }

    #[test]
    fn lists_nest_by_indentation_and_tables_have_header_rows() {
        let doc = read_str(
            "Förslag:\n  - Förslag 1: codecademy\n    fortsättning\n  - Förslag 2\n    1. under\n\n  + Förslag 3\nEfter\n| Nr | Punkt |\n|----+-------|\n| 1 | *Öppnande* |\n| 2 |  |\n",
        );
        let BlockKind::List(l) = &doc.blocks[1].kind else {
            panic!("{:?}", doc.blocks)
        };
        assert_eq!(l.items.len(), 4);
        assert_eq!(
            l.items[0].blocks[0].plain_text(),
            "Förslag 1: codecademy fortsättning"
        );
        assert_eq!(l.items[2].level, 1);
        assert_eq!(l.items[2].label.as_deref(), Some("1."));
        assert_eq!(l.items[3].level, 0);
        assert_eq!(doc.blocks[2].plain_text(), "Efter");
        let BlockKind::Table(t) = &doc.blocks[3].kind else {
            panic!("{:?}", doc.blocks)
        };
        assert_eq!(t.rows.len(), 3);
        assert!(t.rows[0].header && !t.rows[1].header);
        assert_eq!(t.rows[1].cells[1].plain_text(), "Öppnande");
        assert!(t.rows[2].cells[1].blocks.is_empty());
    }

    #[test]
    fn hostile_org_does_not_panic() {
        let o = ReadOptions::default();
        assert!(matches!(read(b"", &o), Err(Error::Empty)));
        assert!(matches!(
            read(b"#+OPTIONS: x\n# c\n", &o),
            Err(Error::NoText)
        ));
        assert!(matches!(read(b"* a\x00", &o), Err(Error::Binary)));
        for s in [
            "*",
            "* ",
            "[[",
            "[[x]",
            "[[x][y",
            "*a",
            "+",
            "|",
            "|-",
            "  - ",
            "1.",
            ":A:\n",
            "\u{feff}* R\u{e4}",
            "*a*b*c*",
            "#+:",
            "#+TITLE:",
        ] {
            let _ = read(s.as_bytes(), &o);
        }
        let deep = "*".repeat(100_000) + " djup\n";
        assert_eq!(read_str(&deep).plain_text(), "djup");
        let long = "+a ".repeat(50_000);
        assert!(!read_str(&long).blocks.is_empty());
        // Openers without closers (the fuzzer's line of 50,000 `[` took
        // over 10 s when each looked up to 4,096 characters ahead): one
        // scan per kind of closer, the text kept.
        for opener in ["[", "[[x][", " *a", " /a", "[[x]["] {
            let line = opener.repeat(40_000);
            assert_eq!(read_str(&line).plain_text(), line.trim());
        }
        // Links and emphasis past the reach of a long run of openers are
        // still found.
        let text = "[".repeat(10_000) + &" x".repeat(2_500) + " [[https://x.se][*a*]] /b/";
        let doc = read_str(&text);
        let runs = &para(&doc.blocks[0]).runs;
        assert!(
            runs.iter()
                .any(|r| r.link.as_deref() == Some("https://x.se")
                    && r.text == "a"
                    && r.style.contains(Style::BOLD))
        );
        assert!(
            runs.iter()
                .any(|r| r.text == "b" && r.style.contains(Style::ITALIC))
        );
        // Windows-1252 bytes are decoded, with a warning.
        let doc = read(b"* M\xf6te\n", &o).expect("reads");
        assert_eq!(doc.plain_text(), "Möte");
        assert!(!doc.diagnostics.is_empty());
    }
}
