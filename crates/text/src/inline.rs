//! Inline markup of text exports: markdown emphasis (`**bold**`, `*italic*`,
//! `~~struck~~`), links (`[text](target)`) and HTML fragments, which Word
//! exports put into table cells (`<p>`, `<b>`, `<ul><li>`, `<a href>`).

use minutes_model::{Block, BlockKind, List, ListItem, Paragraph, Role, Span, Style};
use scraper::{Html, Node};

/// True when a line or cell carries HTML that should be parsed as such.
pub fn looks_like_html(s: &str) -> bool {
    const TAGS: [&str; 16] = [
        "<p>", "<p ", "</p>", "<b>", "</b>", "<i>", "<u>", "<ul", "<ol", "<li", "<a ", "<br",
        "<strong>", "<em>", "<div", "<span",
    ];
    // Every tag starts with '<': most lines have none to lower-case for.
    if !s.contains('<') {
        return false;
    }
    let lower = s.to_ascii_lowercase();
    TAGS.iter().any(|t| lower.contains(t))
}

/// Parse markdown inline markup into `p`, with a base style.
pub fn push_markdown(p: &mut Paragraph, text: &str, base: Style) {
    // Only these characters start markup: a line without them is its text.
    if !text.contains(['\\', '*', '_', '~', '[']) && !text.contains("'''") {
        p.push(text, base, None);
        return;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut closers = LinkClosers::default();
    // "'''Beslut:''' …": MediaWiki's bold, as wiki pages of minutes are
    // exported. Where each run of three apostrophes starts, found once, so
    // that an opening looks ahead in constant time.
    let triples = triple_apostrophes(&chars);
    let mut next_triple = 0;
    let mut style = base;
    let mut buf = String::new();
    let mut i = 0;
    let flush = |p: &mut Paragraph, buf: &mut String, style: Style| {
        p.push(buf, style, None);
        buf.clear();
    };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '\\' && next.is_some_and(|n| "*_~[]()#\\".contains(n)) {
            buf.push(chars[i + 1]);
            i += 2;
            continue;
        }
        if ((c == '*' && next == Some('*')) || (c == '_' && next == Some('_')))
            && (style.contains(Style::BOLD) || has_closing(&chars, i + 2, c, 2))
        {
            flush(p, &mut buf, style);
            style.set(Style::BOLD, !style.contains(Style::BOLD));
            i += 2;
            continue;
        }
        // A link's label may have held a run the scan jumped over.
        while triples.get(next_triple).is_some_and(|&t| t < i) {
            next_triple += 1;
        }
        if c == '\'' && triples.get(next_triple) == Some(&i) {
            next_triple += 1;
            let closes_later = triples.get(next_triple).is_some();
            if style.contains(Style::BOLD) || closes_later {
                flush(p, &mut buf, style);
                style.set(Style::BOLD, !style.contains(Style::BOLD));
                i += 3;
                continue;
            }
        }
        if c == '~'
            && next == Some('~')
            && (style.contains(Style::STRIKE) || has_closing(&chars, i + 2, '~', 2))
        {
            flush(p, &mut buf, style);
            style.set(Style::STRIKE, !style.contains(Style::STRIKE));
            i += 2;
            continue;
        }
        if (c == '*' || c == '_') && next != Some(c) {
            // Single emphasis: only when it opens before a non-space and closes
            // after one, so "5 * 3" and snake_case stay text.
            let opens = !style.contains(Style::ITALIC)
                && next.is_some_and(|n| !n.is_whitespace())
                && (i == 0 || !chars[i - 1].is_alphanumeric())
                && has_closing(&chars, i + 1, c, 1);
            let closes = style.contains(Style::ITALIC)
                && i > 0
                && !chars[i - 1].is_whitespace()
                && next.is_none_or(|n| !n.is_alphanumeric());
            if opens || closes {
                flush(p, &mut buf, style);
                style.set(Style::ITALIC, opens);
                i += 1;
                continue;
            }
        }
        if c == '['
            && let Some((label_end, target, end)) = closers.link_at(&chars, i)
        {
            flush(p, &mut buf, style);
            let label: String = chars[i + 1..label_end].iter().collect();
            let mut inner = Paragraph::new(Role::Body);
            push_markdown(&mut inner, &label, style);
            for r in inner.runs {
                p.push(&r.text, r.style, Some(&target));
            }
            i = end;
            continue;
        }
        buf.push(c);
        i += 1;
    }
    flush(p, &mut buf, style);
}

/// Where each run of three apostrophes ("'''", MediaWiki's bold) starts,
/// left to right and not overlapping.
fn triple_apostrophes(chars: &[char]) -> Vec<usize> {
    let mut at = Vec::new();
    let mut i = 0;
    while i + 3 <= chars.len() {
        if chars[i..i + 3].iter().all(|&c| c == '\'') {
            at.push(i);
            i += 3;
        } else {
            i += 1;
        }
    }
    at
}

/// Is there a closing delimiter of `n` times `c` later on?
fn has_closing(chars: &[char], from: usize, c: char, n: usize) -> bool {
    let mut i = from;
    while i + n <= chars.len() {
        if chars[i..i + n].iter().all(|&x| x == c) && (n == 2 || i > from) {
            return i > from;
        }
        i += 1;
    }
    false
}

/// Where the `]` and `)` that could close a link are, for a scan that only
/// moves forward: each character is looked at once per delimiter, so a line
/// of unmatched `[` is linear (searching afresh from every `[` was quadratic:
/// hours for 3.8 MB).
#[derive(Default)]
struct LinkClosers {
    bracket: NextOf<']'>,
    paren: NextOf<')'>,
}

impl LinkClosers {
    /// `[label](target)` at `i`: (end of label, target, index after the link).
    /// Calls must come with non-decreasing `i`.
    fn link_at(&mut self, chars: &[char], i: usize) -> Option<(usize, String, usize)> {
        let close = self.bracket.find(chars, i + 1)?;
        if chars.get(close + 1) != Some(&'(') {
            return None;
        }
        let end = self.paren.find(chars, close + 2)?;
        let target: String = chars.get(close + 2..end)?.iter().collect();
        Some((close, target.trim().to_string(), end + 1))
    }
}

/// The next position of the character `C`, remembered between queries.
#[derive(Default)]
struct NextOf<const C: char> {
    /// The last position found.
    found: Option<usize>,
    /// Everything before this has been looked at.
    scanned: usize,
}

impl<const C: char> NextOf<C> {
    /// The first `C` at or after `from`; `from` must not decrease between calls.
    fn find(&mut self, chars: &[char], from: usize) -> Option<usize> {
        if let Some(f) = self.found
            && f >= from
        {
            return Some(f);
        }
        let start = from.max(self.scanned);
        let rest = chars.get(start..).unwrap_or_default();
        self.found = rest.iter().position(|&c| c == C).map(|k| start + k);
        self.scanned = self.found.map_or(chars.len(), |f| f + 1);
        self.found
    }
}

/// Most open elements an HTML fragment may nest before it is read as plain
/// text: the HTML parser's scope checks scan the open elements at every tag,
/// so deep nesting is quadratic there (20,000 nested `<div>` took minutes).
const MAX_HTML_OPEN: usize = 256;

/// Parse an HTML fragment (a table cell of a Word export) into blocks.
pub fn html_blocks(html: &str, span: Span) -> Vec<Block> {
    if open_elements_exceed(html, MAX_HTML_OPEN) {
        let mut p = Paragraph::new(Role::Body);
        push_text(&mut p, &collapse_ws(&strip_tags(html)), Style::NONE, None);
        trim_paragraph(&mut p);
        return if p.runs.is_empty() {
            Vec::new()
        } else {
            vec![Block::paragraph(p, span)]
        };
    }
    let frag = Html::parse_fragment(html);
    let mut cx = HtmlCx {
        blocks: Vec::new(),
        current: Paragraph::new(Role::Body),
        span,
    };
    let root = frag.root_element();
    for child in root.children() {
        walk(&mut cx, child, Style::NONE, None, 0);
    }
    cx.flush();
    cx.blocks
}

/// Elements that never have content, so never stay open.
const VOID_ELEMENTS: [&str; 9] = [
    "br", "img", "hr", "input", "meta", "link", "col", "wbr", "area",
];

/// Do more than `limit` elements stay open at some point? One linear pass
/// over the tags, an upper bound of the parser's nesting.
fn open_elements_exceed(html: &str, limit: usize) -> bool {
    let mut open = 0usize;
    for tag in html.split('<').skip(1) {
        if tag.starts_with('/') {
            open = open.saturating_sub(1);
            continue;
        }
        let name_len = tag
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(tag.len());
        let name = tag.get(..name_len).unwrap_or_default();
        if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let self_closing = tag.split('>').next().is_some_and(|t| t.ends_with('/'));
        let void = VOID_ELEMENTS.iter().any(|v| v.eq_ignore_ascii_case(name));
        if !self_closing && !void {
            open += 1;
            if open > limit {
                return true;
            }
        }
    }
    false
}

/// The text of an HTML fragment with its tags removed (entities stay as written).
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

struct HtmlCx {
    blocks: Vec<Block>,
    current: Paragraph,
    span: Span,
}

impl HtmlCx {
    fn flush(&mut self) {
        let mut p = std::mem::replace(&mut self.current, Paragraph::new(Role::Body));
        trim_paragraph(&mut p);
        if !p.runs.is_empty() {
            self.blocks.push(Block::paragraph(p, self.span));
        }
    }
}

/// Deepest element nesting that keeps its structure; real cells nest a few
/// levels. Below it the text is kept flat, so 20,000 nested `<div>` cannot
/// overflow the stack.
const MAX_HTML_DEPTH: usize = 48;

fn walk(
    cx: &mut HtmlCx,
    node: ego_tree::NodeRef<'_, Node>,
    style: Style,
    link: Option<&str>,
    depth: usize,
) {
    if depth >= MAX_HTML_DEPTH {
        // ego_tree's traversal is iterative.
        for d in node.descendants() {
            if let Node::Text(t) = d.value() {
                push_text(&mut cx.current, &collapse_ws(t), style, link);
            }
        }
        return;
    }
    let depth = depth + 1;
    match node.value() {
        Node::Text(t) => {
            let text = collapse_ws(t);
            push_text(&mut cx.current, &text, style, link);
        }
        Node::Element(e) => {
            let name = e.name();
            match name {
                "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                    cx.flush();
                    let st = if name.starts_with('h') {
                        style.with(Style::BOLD)
                    } else {
                        style
                    };
                    for c in node.children() {
                        walk(cx, c, st, link, depth);
                    }
                    cx.flush();
                }
                "br" => push_text(&mut cx.current, "\n", style, link),
                "ul" | "ol" => {
                    cx.flush();
                    let mut items = Vec::new();
                    for li in node.children() {
                        // Word exports sometimes put "• text" straight into
                        // the list, without <li>: each bullet is an entry.
                        if let Node::Text(t) = li.value() {
                            for part in t.split(['•', '\u{f0b7}']) {
                                let text = collapse_ws(part);
                                let text = text.trim();
                                if !text.is_empty() {
                                    let mut p = Paragraph::new(Role::Body);
                                    p.push(text, style, link);
                                    items.push(ListItem {
                                        label: Some("•".to_string()),
                                        level: 0,
                                        blocks: vec![Block::paragraph(p, cx.span)],
                                    });
                                }
                            }
                            continue;
                        }
                        if let Node::Element(le) = li.value()
                            && le.name() == "li"
                        {
                            let mut sub = HtmlCx {
                                blocks: Vec::new(),
                                current: Paragraph::new(Role::Body),
                                span: cx.span,
                            };
                            for c in li.children() {
                                walk(&mut sub, c, style, link, depth);
                            }
                            sub.flush();
                            let label = strip_bullet(&mut sub.blocks);
                            if !sub.blocks.is_empty() {
                                items.push(ListItem {
                                    label: label
                                        .or_else(|| (name == "ul").then(|| "•".to_string())),
                                    level: 0,
                                    blocks: sub.blocks,
                                });
                            }
                        }
                    }
                    if !items.is_empty() {
                        cx.blocks.push(Block {
                            kind: BlockKind::List(List {
                                ordered: name == "ol",
                                items,
                            }),
                            span: cx.span,
                        });
                    }
                }
                _ => {
                    let st = match name {
                        "b" | "strong" => style.with(Style::BOLD),
                        "i" | "em" => style.with(Style::ITALIC),
                        "u" | "ins" => style.with(Style::UNDERLINE),
                        "s" | "strike" | "del" => style.with(Style::STRIKE),
                        "sup" => style.with(Style::SUPERSCRIPT),
                        "sub" => style.with(Style::SUBSCRIPT),
                        _ => style,
                    };
                    let href = if name == "a" { e.attr("href") } else { None };
                    let l = href.or(link);
                    for c in node.children() {
                        walk(cx, c, st, l, depth);
                    }
                }
            }
        }
        _ => {}
    }
}

fn push_text(p: &mut Paragraph, text: &str, style: Style, link: Option<&str>) {
    if text.is_empty() {
        return;
    }
    // Avoid double spaces across element boundaries.
    let ends_space = p
        .runs
        .last()
        .is_some_and(|r| r.text.ends_with(' ') || r.text.ends_with('\n'));
    let t = if ends_space || p.runs.is_empty() {
        text.trim_start_matches(' ')
    } else {
        text
    };
    p.push(t, style, link);
}

/// Collapse HTML white space to single spaces.
fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// Remove leading and trailing white space of a paragraph's runs.
pub fn trim_paragraph(p: &mut Paragraph) {
    while let Some(first) = p.runs.first_mut() {
        let t = first.text.trim_start().to_string();
        if t.is_empty() {
            p.runs.remove(0);
        } else {
            first.text = t;
            break;
        }
    }
    while let Some(last) = p.runs.last_mut() {
        let t = last.text.trim_end().to_string();
        if t.is_empty() {
            p.runs.pop();
        } else {
            last.text = t;
            break;
        }
    }
}

/// A list entry written as "- text" or "• text" inside `<li>`: move the bullet
/// into the label.
fn strip_bullet(blocks: &mut [Block]) -> Option<String> {
    let Some(Block {
        kind: BlockKind::Paragraph(p),
        ..
    }) = blocks.first_mut()
    else {
        return None;
    };
    let first = p.runs.first_mut()?;
    for b in ["- ", "• ", "* ", "– ", "\u{f0b7} "] {
        if let Some(rest) = first.text.strip_prefix(b) {
            first.text = rest.trim_start().to_string();
            let label = b.trim().replace('\u{f0b7}', "•");
            if first.text.is_empty() {
                p.runs.remove(0);
            }
            return Some(label);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(s: &str) -> Paragraph {
        let mut p = Paragraph::new(Role::Body);
        push_markdown(&mut p, s, Style::NONE);
        p
    }

    #[test]
    fn markdown_emphasis_and_links() {
        let p = md("4. 09:50-10:00 **Paus** och ~~Roman~~ *teams* [Länk](http://x)");
        let styled: Vec<(String, Vec<&str>)> = p
            .runs
            .iter()
            .map(|r| (r.text.clone(), r.style.names()))
            .collect();
        assert_eq!(styled[1], ("Paus".to_string(), vec!["bold"]));
        assert_eq!(styled[3], ("Roman".to_string(), vec!["strike"]));
        assert_eq!(styled[5], ("teams".to_string(), vec!["italic"]));
        assert_eq!(p.runs.last().unwrap().link.as_deref(), Some("http://x"));
        assert_eq!(p.text(), "4. 09:50-10:00 Paus och Roman teams Länk");
    }

    #[test]
    fn lone_asterisks_and_underscores_stay_text() {
        assert_eq!(md("5 * 3 = 15").text(), "5 * 3 = 15");
        assert_eq!(md("snake_case_name").text(), "snake_case_name");
    }

    #[test]
    fn html_cell_gives_paragraphs_lists_and_links() {
        let blocks = html_blocks(
            r##"<p>Från föregående möte</p> <ul style="x"> <li>- Coagucheck</li> </ul> <p>Hur gör vi? <b>Beslut vid nästa möte.</b></p> <p><a href="#">260216 PKS.pptx</a></p>"##,
            Span::default(),
        );
        assert_eq!(blocks.len(), 4);
        assert_eq!(blocks[0].plain_text(), "Från föregående möte");
        match &blocks[1].kind {
            BlockKind::List(l) => {
                assert_eq!(l.items[0].label.as_deref(), Some("-"));
                assert_eq!(l.items[0].blocks[0].plain_text(), "Coagucheck");
            }
            other => panic!("expected a list, got {other:?}"),
        }
        let BlockKind::Paragraph(p) = &blocks[2].kind else {
            panic!()
        };
        assert_eq!(p.runs[1].text, "Beslut vid nästa möte.");
        assert!(p.runs[1].style.contains(Style::BOLD));
        let BlockKind::Paragraph(p) = &blocks[3].kind else {
            panic!()
        };
        assert_eq!(p.runs[0].link.as_deref(), Some("#"));
    }

    #[test]
    fn text_outside_paragraphs_is_kept() {
        let blocks = html_blocks(
            "Godkänns och <b>läggs</b> till handlingarna",
            Span::default(),
        );
        assert_eq!(blocks.len(), 1);
        assert_eq!(
            blocks[0].plain_text(),
            "Godkänns och läggs till handlingarna"
        );
    }

    #[test]
    fn links_after_unmatched_brackets_are_still_found() {
        let p = md("[a] [b](x) [c [d](y) e)");
        let links: Vec<(&str, Option<&str>)> = p
            .runs
            .iter()
            .map(|r| (r.text.as_str(), r.link.as_deref()))
            .collect();
        assert!(links.contains(&("b", Some("x"))), "{links:?}");
        // As before: a label runs from the first `[` to the first `]`.
        assert!(links.contains(&("c [d", Some("y"))), "{links:?}");
        assert_eq!(p.text(), "[a] b c [d e)");
    }

    #[test]
    fn a_line_of_unmatched_brackets_is_kept_as_text() {
        // 80,000 `[` without `]`: searching afresh from each was quadratic.
        let line = "[".repeat(80_000) + "] x";
        assert_eq!(md(&line).text(), line);
        let line = "[a](".repeat(20_000);
        assert_eq!(md(&line).text(), line);
    }

    #[test]
    fn html_nested_deeper_than_the_parser_handles_is_read_as_text() {
        // The shape of the 60 KB files that overflowed the stack.
        for open in ["<div>", "<i>"] {
            let close = open.replace('<', "</");
            let depth = 20_000;
            let html = format!("{}kärnan {}", open.repeat(depth), close.repeat(depth));
            let blocks = html_blocks(&html, Span::default());
            assert_eq!(blocks.len(), 1, "{open}");
            assert_eq!(blocks[0].plain_text(), "kärnan", "{open}");
        }
        assert!(!open_elements_exceed(&"<p>a</p><br>".repeat(1_000), 10));
        assert!(open_elements_exceed(&"<p>a<br/>".repeat(11), 10));
    }

    #[test]
    fn deeply_nested_html_keeps_its_text_without_overflowing_the_stack() {
        for (open, close) in [
            ("<div>", "</div>"),
            ("<i>", "</i>"),
            ("<ul><li>", "</li></ul>"),
        ] {
            // Within the parser's bound, beyond the walk's.
            let depth = MAX_HTML_OPEN / 2 - 1;
            let html = format!("{}kärnan{}", open.repeat(depth), close.repeat(depth));
            let blocks = html_blocks(&html, Span::default());
            let text: String = blocks.iter().map(Block::plain_text).collect();
            assert!(text.ends_with("kärnan"), "{open}: {text}");
        }
    }
}
