//! LaTeX minutes (`.tex`). Student unions and associations keep their
//! minutes as LaTeX sources written against a house class ("\section{Val av
//! justerare}", "\begin{attsatser} \item …"). LaTeX is text with markup, so,
//! as org-mode does, it shares the text reader's line model and joining of
//! hard-wrapped lines: the source is translated into the text reader's
//! markdown dialect line for line, parsed, and the spans are mapped back to
//! the source's bytes.
//!
//! What the translation knows:
//! - sectioning (`\section`, `\subsection`, `\subsubsection`, starred or
//!   not) as headings of levels 1–3, `\paragraph` as a bold lead;
//! - lists: every environment holding `\item` (itemize, enumerate,
//!   description and a class's own, such as `attsatser`), nested by depth,
//!   `enumerate` numbered "1.", "2.";
//! - tables: `tabular`-like environments, `&` between cells and `\\`
//!   ending rows, as tab-separated rows;
//! - `\title{…}` as the first line, `\date{…}` as "Datum: …" (and
//!   `\csname @date\endcsname`, `\@date` as that date), `\author` dropped;
//! - inline: `\textbf` bold, `\emph`/`\textit` italic, `\sout` struck,
//!   `\href{url}{text}` its text, `\footnote` in brackets, accents
//!   (`\"a`, `\aa`), `~`, `--`, `---`, quotes, escaped specials, `\S`;
//! - a command of the document's class with several arguments on its own
//!   ("\förtroendevald{Ordförande}{Samuel Hammersberg}{Ja}") as a row of
//!   cells, one with one argument as its text, one without as nothing;
//! - comments, the preamble and layout commands (`\usepackage`,
//!   `\vspace{…}`, `\includegraphics`) are not content.
//!
//! Bounded: one pass over the characters; groups nested deeper than
//! [`MAX_DEPTH`] are read as plain text, so no input costs stack.

use crate::{Error, lines, parse};
use minutes_model::{Block, BlockKind, Document, Format, Span};

/// Groups nested deeper than this are read flat.
const MAX_DEPTH: usize = 64;
/// Lists nested deeper than this are indented as this deep.
const MAX_LIST_DEPTH: usize = 8;

/// Read a LaTeX file's bytes into a [`Document`].
pub fn read(bytes: &[u8], _opts: &minutes_model::ReadOptions) -> Result<Document, Error> {
    let decoded = crate::decoded(bytes)?;
    let markdown = to_markdown(&decoded.text);
    if markdown.trim().is_empty() {
        return Err(Error::NoText);
    }
    let mut doc = Document::default();
    doc.source.format = Some(Format::Tex);
    doc.diagnostics.extend(decoded.diagnostic);
    let map = OffsetMap::new(&decoded.text, &markdown);
    doc.blocks = parse(&markdown);
    for b in &mut doc.blocks {
        map.remap(b);
    }
    doc.normalize();
    if doc.blocks.is_empty() {
        return Err(Error::NoText);
    }
    Ok(doc)
}

/// Translate LaTeX into the text reader's markdown, one output line per
/// source line.
pub(crate) fn to_markdown(src: &str) -> String {
    let chars: Vec<char> = src.chars().collect();
    let in_document = !src.contains("\\begin{document}");
    let mut t = Translator {
        chars,
        pos: 0,
        depth: 0,
        in_document,
        lists: Vec::new(),
        tables: 0,
        date: date_of(src),
    };
    t.run(false)
}

/// The value of `\date{…}`, for `\csname @date\endcsname`.
fn date_of(src: &str) -> Option<String> {
    let at = src.find("\\date{")? + "\\date{".len();
    let rest = &src[at..];
    let end = rest.find('}')?;
    let d = rest[..end].trim();
    (!d.is_empty() && !d.contains('\\')).then(|| d.to_string())
}

/// A list environment open around the text.
enum ListKind {
    Bullets,
    Numbered(u32),
}

struct Translator {
    chars: Vec<char>,
    pos: usize,
    depth: usize,
    /// Past `\begin{document}` (or there is none): text is content.
    in_document: bool,
    lists: Vec<ListKind>,
    /// Table environments open.
    tables: usize,
    date: Option<String>,
}

/// Environments that hold the rows of a table.
const TABLE_ENVIRONMENTS: &[&str] = &[
    "tabular",
    "tabular*",
    "tabularx",
    "longtable",
    "tabulary",
    "array",
];
/// Environments whose arguments are layout, not content.
const LAYOUT_ENVIRONMENTS: &[&str] = &[
    "minipage",
    "multicols",
    "figure",
    "table",
    "center",
    "flushleft",
    "flushright",
    "wrapfigure",
];
/// Environments whose content is not read at all.
const SKIPPED_ENVIRONMENTS: &[&str] = &["comment", "tikzpicture", "filecontents"];
/// Environments whose content is kept as written.
const VERBATIM_ENVIRONMENTS: &[&str] = &["verbatim", "lstlisting", "minted"];
/// Commands whose arguments are layout or metadata, dropped with them.
const DROPPED_COMMANDS: &[&str] = &[
    "documentclass",
    "usepackage",
    "RequirePackage",
    "KOMAoptions",
    "setlength",
    "setcounter",
    "addtolength",
    "renewcommand",
    "newcommand",
    "providecommand",
    "newenvironment",
    "renewenvironment",
    "def",
    "author",
    "subtitle",
    "vspace",
    "hspace",
    "includegraphics",
    "input",
    "include",
    "label",
    "pagestyle",
    "thispagestyle",
    "geometry",
    "hypersetup",
    "bibliography",
    "bibliographystyle",
    "color",
    "definecolor",
    "selectlanguage",
    "pdfbookmark",
    "phantomsection",
    "addcontentsline",
    "cline",
];
/// Commands whose one argument is shown as plain text (bold, italic and
/// struck text keep their style in their own arms of `command`).
const PLAIN_ARGUMENT_COMMANDS: &[&str] = &[
    "underline",
    "uline",
    "texttt",
    "textrm",
    "textsf",
    "textsc",
    "textup",
    "textmd",
    "textnormal",
    "mbox",
    "hbox",
    "text",
    "url",
];

impl Translator {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, n: usize) -> Option<char> {
        self.chars.get(self.pos + n).copied()
    }

    /// Translate until the end, or until the `}` closing the group this
    /// call was opened for (consumed) when `in_group`.
    fn run(&mut self, in_group: bool) -> String {
        let mut out = String::new();
        while let Some(c) = self.peek() {
            match c {
                '%' => {
                    // A comment runs to the end of the line; the newline stays.
                    while self.peek().is_some_and(|c| c != '\n') {
                        self.pos += 1;
                    }
                }
                '\n' => {
                    out.push('\n');
                    self.pos += 1;
                }
                '}' => {
                    self.pos += 1;
                    if in_group {
                        return out;
                    }
                }
                '{' => {
                    self.pos += 1;
                    if self.depth < MAX_DEPTH {
                        self.depth += 1;
                        let inner = self.run(true);
                        self.depth -= 1;
                        out.push_str(&inner);
                    }
                }
                '\\' => self.command(&mut out),
                '~' => {
                    self.pos += 1;
                    self.emit(&mut out, " ");
                }
                '&' if self.tables > 0 => {
                    self.pos += 1;
                    out.push('\t');
                }
                '$' => self.pos += 1,
                '-' if self.peek_at(1) == Some('-') => {
                    let three = self.peek_at(2) == Some('-');
                    self.pos += if three { 3 } else { 2 };
                    self.emit(&mut out, if three { "—" } else { "–" });
                }
                '`' | '\'' if self.peek_at(1) == Some(c) => {
                    self.pos += 2;
                    self.emit(&mut out, "\"");
                }
                _ => {
                    self.pos += 1;
                    if self.in_document {
                        out.push(c);
                    }
                }
            }
        }
        out
    }

    fn emit(&self, out: &mut String, s: &str) {
        if self.in_document {
            out.push_str(s);
        }
    }

    /// A command at `\`: its name, then what it does.
    fn command(&mut self, out: &mut String) {
        self.pos += 1;
        let Some(c) = self.peek() else { return };
        if !(c.is_alphabetic() || c == '@') {
            self.pos += 1;
            self.symbol(c, out);
            return;
        }
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_alphabetic() || c == '@') {
            self.pos += 1;
        }
        let mut name: String = self.chars[start..self.pos].iter().collect();
        if self.peek() == Some('*') {
            self.pos += 1;
            name.push('*');
        }
        let bare = name.trim_end_matches('*');
        match bare {
            "begin" => self.begin(out),
            "end" => self.end(),
            "item" => self.item(out),
            "part" | "chapter" | "section" | "subsection" | "subsubsection" => {
                let level = match bare {
                    "subsection" => 2,
                    "subsubsection" => 3,
                    _ => 1,
                };
                self.skip_optional(out);
                let title = self.argument().unwrap_or_default();
                self.emit(out, &format!("{} {}", "#".repeat(level), one_line(&title)));
                newlines_of(&title, out);
            }
            "paragraph" | "subparagraph" => {
                self.skip_optional(out);
                let title = self.argument().unwrap_or_default();
                self.emit(out, &format!("**{}** ", one_line(&title)));
                newlines_of(&title, out);
            }
            "title" => {
                // The title shows even when it stands in the preamble.
                self.skip_optional(out);
                let title = self.argument().unwrap_or_default();
                out.push_str(&one_line(&title));
                newlines_of(&title, out);
            }
            "date" => {
                let date = self.argument().unwrap_or_default();
                if !date.trim().is_empty() {
                    out.push_str(&format!("Datum: {}", one_line(&date)));
                }
                newlines_of(&date, out);
            }
            "csname" => {
                // "\csname @date\endcsname": the date the class prints.
                let rest: String = self.chars[self.pos..].iter().take(64).collect();
                if let Some(end) = rest.find("\\endcsname") {
                    let inner = rest[..end].trim().to_string();
                    self.pos += rest[..end].chars().count() + "\\endcsname".len();
                    if inner == "@date"
                        && let Some(d) = self.date.clone()
                    {
                        self.emit(out, &d);
                    }
                }
            }
            "@date" | "thedate" => {
                if let Some(d) = self.date.clone() {
                    self.emit(out, &d);
                }
            }
            "textbf" => {
                let text = self.argument().unwrap_or_default();
                self.wrap(out, "**", &text);
            }
            "emph" | "textit" | "textsl" => {
                let text = self.argument().unwrap_or_default();
                self.wrap(out, "*", &text);
            }
            "sout" | "st" | "xout" => {
                let text = self.argument().unwrap_or_default();
                self.wrap(out, "~~", &text);
            }
            "href" => {
                let _url = self.raw_argument();
                let text = self.argument().unwrap_or_default();
                self.emit(out, &text);
            }
            "footnote" => {
                let text = self.argument().unwrap_or_default();
                self.emit(out, &format!(" ({})", one_line(&text)));
                newlines_of(&text, out);
            }
            "S" => self.emit(out, "§"),
            "r" => {
                // "\r{a}": a ring over the letter.
                let text = self.argument().unwrap_or_default();
                let ringed = match text.as_str() {
                    "a" => "å".to_string(),
                    "A" => "Å".to_string(),
                    other => other.to_string(),
                };
                self.emit(out, &ringed);
            }
            "ldots" | "dots" | "textellipsis" => self.emit(out, "…"),
            "aa" => self.emit(out, "å"),
            "AA" => self.emit(out, "Å"),
            "o" => self.emit(out, "ø"),
            "O" => self.emit(out, "Ø"),
            "ae" => self.emit(out, "æ"),
            "AE" => self.emit(out, "Æ"),
            "ss" => self.emit(out, "ß"),
            "LaTeX" => self.emit(out, "LaTeX"),
            "TeX" => self.emit(out, "TeX"),
            "quad" | "qquad" | "space" | "enspace" | "thinspace" | "newline" | "linebreak" => {
                self.emit(out, " ")
            }
            "newpage" | "clearpage" | "pagebreak" | "maketitle" | "tableofcontents"
            | "noindent" | "centering" | "hline" | "toprule" | "midrule" | "bottomrule"
            | "vfill" | "hfill" | "smallskip" | "medskip" | "bigskip" | "par" | "raggedright"
            | "small" | "footnotesize" | "large" | "Large" | "LARGE" | "huge" | "normalsize"
            | "bf" | "bfseries" | "itshape" | "normalfont" => {}
            _ if DROPPED_COMMANDS.contains(&bare) => {
                self.skip_optional(out);
                let mut args = Vec::new();
                while let Some(a) = self.raw_argument() {
                    args.push(a);
                }
                for a in &args {
                    newlines_of(a, out);
                }
            }
            _ if PLAIN_ARGUMENT_COMMANDS.contains(&bare) => {
                let text = self.argument().unwrap_or_default();
                self.emit(out, &text);
            }
            _ => {
                // A command of the document's own class: its arguments,
                // several as a row of cells ("Ordförande⇥Samuel
                // Hammersberg⇥Ja"), one as its text.
                self.skip_optional(out);
                let mut args = Vec::new();
                while let Some(a) = self.argument() {
                    args.push(a);
                    self.skip_optional(out);
                }
                let shown: Vec<String> = args.iter().map(|a| one_line(a)).collect();
                self.emit(out, &shown.join("\t"));
                for a in &args {
                    newlines_of(a, out);
                }
            }
        }
    }

    fn wrap(&self, out: &mut String, mark: &str, text: &str) {
        let inner = one_line(text);
        if !inner.trim().is_empty() {
            self.emit(out, &format!("{mark}{}{mark}", inner.trim()));
        }
        newlines_of(text, out);
    }

    /// A control symbol: an escaped special, an accent, a spacing mark.
    fn symbol(&mut self, c: char, out: &mut String) {
        match c {
            '\\' => {
                // A line break; in a table, the row's end.
                self.skip_optional(out);
            }
            '%' | '&' | '$' | '#' | '_' | '{' | '}' => self.emit(out, &c.to_string()),
            ',' | ';' | ':' | '!' | ' ' => self.emit(out, " "),
            '"' | '\'' | '`' | '^' | '~' | '=' | '.' => {
                // "\"a", "\"{o}": an accent on the next letter.
                let braced = self.peek() == Some('{');
                if braced {
                    self.pos += 1;
                }
                let Some(letter) = self.peek() else { return };
                self.pos += 1;
                if braced && self.peek() == Some('}') {
                    self.pos += 1;
                }
                let accented = accent(c, letter).unwrap_or(letter);
                self.emit(out, &accented.to_string());
            }
            _ => {}
        }
    }

    /// `\begin{env}`.
    fn begin(&mut self, out: &mut String) {
        let env = self.raw_argument().unwrap_or_default();
        let env = env.trim();
        if env == "document" {
            self.in_document = true;
            return;
        }
        if env == "itemize" || env == "description" {
            self.lists.push(ListKind::Bullets);
        } else if env == "enumerate" {
            self.lists.push(ListKind::Numbered(0));
        } else if TABLE_ENVIRONMENTS.contains(&env) {
            self.tables += 1;
            self.skip_optional(out);
            // The column specification (and tabularx's width).
            let _ = self.raw_argument();
            if env != "tabular" && env != "array" && env != "longtable" {
                let _ = self.raw_argument();
            }
        } else if LAYOUT_ENVIRONMENTS.contains(&env) {
            self.skip_optional(out);
            let _ = self.raw_argument();
        } else if SKIPPED_ENVIRONMENTS.contains(&env) || VERBATIM_ENVIRONMENTS.contains(&env) {
            let close: Vec<char> = format!("\\end{{{env}}}").chars().collect();
            let end = self.find_seq(&close);
            let body: String = self.chars[self.pos..end.unwrap_or(self.chars.len())]
                .iter()
                .collect();
            if VERBATIM_ENVIRONMENTS.contains(&env) {
                self.emit(out, &body);
            } else {
                newlines_of(&body, out);
            }
            self.pos = end.map_or(self.chars.len(), |e| e + close.len());
        } else {
            // A class's own environment: a list when it holds items, else
            // its content as it is.
            self.lists.push(ListKind::Bullets);
        }
    }

    /// `\end{env}`.
    fn end(&mut self) {
        let env = self.raw_argument().unwrap_or_default();
        let env = env.trim();
        if TABLE_ENVIRONMENTS.contains(&env) {
            self.tables = self.tables.saturating_sub(1);
        } else if env == "document" {
            self.in_document = false;
        } else if !LAYOUT_ENVIRONMENTS.contains(&env) {
            self.lists.pop();
        }
    }

    /// `\item` or `\item[label]`: a list entry's marker, indented by depth.
    fn item(&mut self, out: &mut String) {
        let label = self.optional();
        // Nesting deeper than a few levels is written as the deepest kept:
        // indentation must not grow with a hostile file's depth.
        let depth = self.lists.len().saturating_sub(1).min(MAX_LIST_DEPTH);
        let marker = match (label, self.lists.last_mut()) {
            (Some(l), _) => format!("- **{}**", one_line(&l).trim()),
            (None, Some(ListKind::Numbered(n))) => {
                *n += 1;
                format!("{n}.")
            }
            _ => "-".to_string(),
        };
        // The source's indentation before "\item" is not the entry's level.
        while out.ends_with([' ', '\t']) {
            out.pop();
        }
        // The entry's text follows on the same line in the source.
        while self.peek().is_some_and(|c| c == ' ' || c == '\t') {
            self.pos += 1;
        }
        self.emit(out, &format!("{}{marker} ", "  ".repeat(depth)));
    }

    /// Where `pat` next starts at or after the cursor.
    fn find_seq(&self, pat: &[char]) -> Option<usize> {
        if pat.is_empty() {
            return None;
        }
        (self.pos..self.chars.len().saturating_sub(pat.len() - 1))
            .find(|&i| self.chars[i..].starts_with(pat))
    }

    /// Skip white space (one newline at most) before an argument.
    fn skip_space(&mut self) -> usize {
        let save = self.pos;
        let mut newlines = 0;
        while let Some(c) = self.peek() {
            if c == '\n' {
                newlines += 1;
                if newlines > 1 {
                    break;
                }
            } else if !c.is_whitespace() {
                break;
            }
            self.pos += 1;
        }
        if !matches!(self.peek(), Some('{') | Some('[')) {
            self.pos = save;
            return 0;
        }
        newlines
    }

    /// The cursor moved to the `{` of an argument, and the newlines skipped
    /// before it; the cursor unmoved and None when no argument follows.
    fn at_argument(&mut self) -> Option<usize> {
        let save = self.pos;
        let newlines = self.skip_space();
        if self.peek() != Some('{') {
            self.pos = save;
            return None;
        }
        Some(newlines)
    }

    /// A `{…}` argument, translated.
    fn argument(&mut self) -> Option<String> {
        let newlines = self.at_argument()?;
        self.pos += 1;
        if self.depth >= MAX_DEPTH {
            return Some(String::new());
        }
        self.depth += 1;
        let was = self.in_document;
        self.in_document = true;
        let inner = self.run(true);
        self.in_document = was;
        self.depth -= 1;
        Some(format!("{}{inner}", "\n".repeat(newlines)))
    }

    /// A `{…}` argument as written, braces balanced.
    fn raw_argument(&mut self) -> Option<String> {
        let newlines = self.at_argument()?;
        Some(format!(
            "{}{}",
            "\n".repeat(newlines),
            self.balanced('{', '}')
        ))
    }

    /// `[…]` if one follows, as written.
    fn optional(&mut self) -> Option<String> {
        if self.peek() != Some('[') {
            return None;
        }
        Some(self.balanced('[', ']'))
    }

    /// Skip an optional argument, keeping its newlines.
    fn skip_optional(&mut self, out: &mut String) {
        while self.peek() == Some('[') {
            let skipped = self.balanced('[', ']');
            newlines_of(&skipped, out);
        }
    }

    /// The text between `open` (at the cursor) and its matching `close`.
    fn balanced(&mut self, open: char, close: char) -> String {
        self.pos += 1;
        let start = self.pos;
        let mut depth = 1usize;
        while let Some(c) = self.peek() {
            if c == '\\' {
                self.pos += 2;
                continue;
            }
            if c == open {
                depth += 1;
            } else if c == close {
                depth -= 1;
                if depth == 0 {
                    let text: String = self.chars[start..self.pos].iter().collect();
                    self.pos += 1;
                    return text;
                }
            }
            self.pos += 1;
        }
        self.pos = self.pos.min(self.chars.len());
        self.chars[start.min(self.chars.len())..].iter().collect()
    }
}

/// The text on one line: newlines inside an argument become spaces (they
/// are given back after it, so that lines keep their numbers).
fn one_line(t: &str) -> String {
    t.replace('\n', " ").trim().to_string()
}

/// Give back the newlines an argument spanned.
fn newlines_of(t: &str, out: &mut String) {
    for _ in t.matches('\n') {
        out.push('\n');
    }
}

/// A letter with a TeX accent.
fn accent(mark: char, letter: char) -> Option<char> {
    let table: &[(char, char, char)] = &[
        ('"', 'a', 'ä'),
        ('"', 'o', 'ö'),
        ('"', 'u', 'ü'),
        ('"', 'A', 'Ä'),
        ('"', 'O', 'Ö'),
        ('"', 'U', 'Ü'),
        ('\'', 'e', 'é'),
        ('\'', 'E', 'É'),
        ('\'', 'a', 'á'),
        ('`', 'e', 'è'),
        ('`', 'a', 'à'),
        ('^', 'e', 'ê'),
        ('~', 'n', 'ñ'),
        ('r', 'a', 'å'),
    ];
    table
        .iter()
        .find(|(m, l, _)| *m == mark && *l == letter)
        .map(|(_, _, a)| *a)
}

/// Byte offsets of the markdown mapped back to the LaTeX source: both have
/// the same lines, so an offset's line and column find the source's byte.
struct OffsetMap {
    /// Start of each source line, and its length.
    source: Vec<(u64, u64)>,
    /// Start of each markdown line.
    markdown: Vec<u64>,
}

impl OffsetMap {
    fn new(source: &str, markdown: &str) -> Self {
        OffsetMap {
            source: lines(source)
                .iter()
                .map(|l| {
                    let s = l.span.start.unwrap_or(0);
                    (s, l.span.end.unwrap_or(s) - s)
                })
                .collect(),
            markdown: lines(markdown)
                .iter()
                .map(|l| l.span.start.unwrap_or(0))
                .collect(),
        }
    }

    fn offset(&self, at: u64) -> u64 {
        let line = self
            .markdown
            .partition_point(|&s| s <= at)
            .saturating_sub(1);
        let column = at - self.markdown.get(line).copied().unwrap_or(0);
        match self.source.get(line) {
            Some(&(start, len)) => start + column.min(len),
            None => self.source.last().map_or(0, |&(s, l)| s + l),
        }
    }

    fn span(&self, span: &mut Span) {
        span.start = span.start.map(|s| self.offset(s));
        span.end = span.end.map(|e| self.offset(e));
    }

    fn remap(&self, block: &mut Block) {
        self.span(&mut block.span);
        match &mut block.kind {
            BlockKind::List(list) => {
                for item in &mut list.items {
                    for b in &mut item.blocks {
                        self.remap(b);
                    }
                }
            }
            BlockKind::Table(table) => {
                for row in &mut table.rows {
                    for cell in &mut row.cells {
                        for b in &mut cell.blocks {
                            self.remap(b);
                        }
                    }
                }
            }
            BlockKind::Paragraph(_) | BlockKind::PageBreak => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_their_numbers() {
        let src = "\\documentclass{x}\n\\usepackage{y}\n\\begin{document}\n\\section{Val}\nText här.\n\\end{document}\n";
        let md = to_markdown(src);
        assert_eq!(md.lines().count(), src.lines().count());
        assert_eq!(md.lines().nth(3), Some("# Val"));
        assert_eq!(md.lines().nth(4), Some("Text här."));
    }

    #[test]
    fn sections_lists_dates_and_class_commands() {
        let src = "\\title{Styrelsemöte 4}\n\\date{2024-03-04}\n\\begin{document}\n\
\\textbf{Datum:} \\csname @date\\endcsname\\\\\n\
\\begin{närvarande}\n    \\förtroendevald{Ordförande}{Samuel Hammersberg}{Ja}\n\\end{närvarande}\n\
\\subsection{Val av justerare}\n\\begin{attsatser}\n    \\item förslaget till beslut bifalles\n\\end{attsatser}\n\
\\begin{enumerate}\n\\item Ett\n\\item Två\n\\end{enumerate}\n\\end{document}\n";
        let md = to_markdown(src);
        let lines: Vec<&str> = md.lines().collect();
        assert_eq!(lines[0], "Styrelsemöte 4");
        assert_eq!(lines[1], "Datum: 2024-03-04");
        assert_eq!(lines[3], "**Datum:** 2024-03-04");
        assert_eq!(lines[5].trim(), "Ordförande\tSamuel Hammersberg\tJa");
        assert_eq!(lines[7], "## Val av justerare");
        assert_eq!(lines[9].trim(), "- förslaget till beslut bifalles");
        assert_eq!(lines[12], "1. Ett");
        assert_eq!(lines[13], "2. Två");
    }

    #[test]
    fn accents_specials_and_comments() {
        let md = to_markdown("Sm\\aa{}land, K\\\"{o}ping 50\\% -- \\S~3 % en kommentar\n");
        assert_eq!(md.trim_end(), "Småland, Köping 50% – § 3");
    }

    #[test]
    fn deep_or_unbalanced_groups_cost_nothing() {
        let deep = format!("{}x{}", "{".repeat(100_000), "}".repeat(10));
        assert!(to_markdown(&deep).contains('x'));
        let open = format!("\\section{{{}", "a".repeat(1000));
        assert!(!to_markdown(&open).is_empty());
        // Indentation does not grow with the depth of nested lists.
        let lists = "\\begin{itemize}\\item a\n".repeat(10_000);
        assert!(to_markdown(&lists).len() < 40 * 10_000);
    }

    #[test]
    fn a_document_reads_with_spans_in_the_source() {
        let src = "\\begin{document}\n\\section{Öppnande}\nMötet öppnades.\n\\end{document}\n";
        let doc = read(src.as_bytes(), &Default::default()).expect("reads");
        let first = &doc.blocks[0];
        assert_eq!(first.span.line, Some(2));
        assert_eq!(
            first.span.start,
            Some(src.find("\\section").unwrap_or(0) as u64)
        );
    }
}
