//! Interpreting tokens: group state (character and paragraph properties,
//! the destination text goes to), code pages, `\u` with its fallback, fields.
//! What the text *is* (paragraph, list entry, table cell) is decided by
//! [`crate::build::Builder`], which this module feeds.

use crate::build::{Builder, CellDef, Para, Target};
use crate::lex::{Lexer, Token};
use encoding_rs::Encoding;
use minutes_model::{Diagnostic, Role, Style};
use std::collections::HashMap;

/// Deepest group nesting kept as a state of its own. Real documents stay
/// below ~20; deeper groups share the state of the deepest kept one, so a
/// hostile file nested 100,000 deep costs neither stack nor memory.
const MAX_DEPTH: usize = 256;

/// Where the text of a group goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dest {
    /// The document body (or a field result).
    Body,
    /// Running headers and footers.
    Furniture,
    /// Not shown: pictures, document info, tables of colours, `\*` groups…
    Skip,
    /// The font table: `\fN` numbers and their `\fcharsetN`.
    FontTable,
    /// The style sheet: `\sN` numbers and their names.
    StyleSheet,
    /// A field's instruction (`HYPERLINK "…"`).
    FieldInstruction,
    /// The printed label of a list paragraph (`\listtext`, `\pntext`).
    ListText,
}

/// The properties a group carries and restores when it closes.
#[derive(Debug, Clone, Copy)]
struct State {
    style: Style,
    hidden: bool,
    /// Fallback characters after `\uN` (`\ucN`).
    uc: u16,
    dest: Dest,
    font: i32,
    /// Index into [`Interp::links`] of the hyperlink around the text.
    link: Option<usize>,
    para: Para,
}

/// Destinations whose text is never shown.
const SKIPPED: &[&str] = &[
    "aftncn",
    "aftnsep",
    "aftnsepc",
    "annotation",
    "atnauthor",
    "atndate",
    "atnid",
    "atnparent",
    "atnref",
    "atntime",
    "author",
    "bkmkend",
    "bkmkstart",
    "buptim",
    "category",
    "colortbl",
    "comment",
    "company",
    "creatim",
    "datafield",
    "datastore",
    "do",
    "doccomm",
    "docvar",
    "falt",
    "fchars",
    "ftncn",
    "ftnsep",
    "ftnsepc",
    "footnote",
    "generator",
    "info",
    "keywords",
    "latentstyles",
    "lchars",
    "listoverridetable",
    "listpicture",
    "listtable",
    "manager",
    "mmathPr",
    "nonshppict",
    "object",
    "operator",
    "panose",
    "pgdsctbl",
    "pict",
    "pn",
    "pnseclvl",
    "pntxta",
    "pntxtb",
    "printim",
    "private",
    "protusertbl",
    "revtbl",
    "revtim",
    "rsidtbl",
    "shpinst",
    "sp",
    "subject",
    "template",
    "themedata",
    "colorschememapping",
    "title",
    "tc",
    "txe",
    "rxe",
    "userprops",
    "wgrffmtfilter",
    "xe",
    "xmlnstbl",
    "xmlopen",
    "filetbl",
    "passwordhash",
    "fontemb",
    "fontfile",
    "objdata",
    "blipuid",
    "hlinkbase",
];

const FURNITURE: &[&str] = &[
    "header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf",
];

/// The interpreter's state over one document.
pub struct Interp {
    builder: Builder,
    stack: Vec<State>,
    /// Groups opened beyond [`MAX_DEPTH`] and not yet closed.
    overflow: usize,
    doc_codepage: u32,
    default_font: Option<i32>,
    /// Code page of each font of the font table.
    font_codepages: HashMap<i32, u32>,
    /// Bytes waiting to be decoded in the code page they were written in.
    pending: Vec<u8>,
    pending_encoding: &'static Encoding,
    /// Fallback characters still to skip after `\uN`.
    skip: u16,
    high_surrogate: Option<u16>,
    /// The next control word follows `\*`.
    ignorable: bool,
    field_instruction: String,
    links: Vec<String>,
    label: String,
    style_number: i32,
    style_name: String,
    heading_styles: HashMap<i32, Role>,
    keep_furniture: bool,
    diagnostics: Vec<Diagnostic>,
    pos: usize,
}

/// What reading produced.
pub struct Output {
    /// The assembled blocks.
    pub builder: Builder,
    /// Warnings.
    pub diagnostics: Vec<Diagnostic>,
}

impl Interp {
    fn new(keep_furniture: bool) -> Self {
        Interp {
            builder: Builder::default(),
            stack: vec![State {
                style: Style::NONE,
                hidden: false,
                uc: 1,
                dest: Dest::Body,
                font: -1,
                link: None,
                para: Para::default(),
            }],
            overflow: 0,
            doc_codepage: 1252,
            default_font: None,
            font_codepages: HashMap::new(),
            pending: Vec::new(),
            pending_encoding: encoding_rs::WINDOWS_1252,
            skip: 0,
            high_surrogate: None,
            ignorable: false,
            field_instruction: String::new(),
            links: Vec::new(),
            label: String::new(),
            style_number: 0,
            style_name: String::new(),
            heading_styles: HashMap::new(),
            keep_furniture,
            diagnostics: Vec::new(),
            pos: 0,
        }
    }

    fn state(&self) -> State {
        // The stack always holds the document's state at the bottom.
        self.stack.last().copied().unwrap_or(State {
            style: Style::NONE,
            hidden: false,
            uc: 1,
            dest: Dest::Body,
            font: -1,
            link: None,
            para: Para::default(),
        })
    }

    fn state_mut(&mut self) -> Option<&mut State> {
        self.stack.last_mut()
    }

    /// The code page text in the current font is written in.
    fn codepage(&self) -> u32 {
        let font = self.state().font;
        let font = if font < 0 {
            self.default_font.unwrap_or(-1)
        } else {
            font
        };
        self.font_codepages
            .get(&font)
            .copied()
            .unwrap_or(self.doc_codepage)
    }

    /// Read every token of `bytes`.
    pub fn run(bytes: &[u8], keep_furniture: bool) -> Output {
        let mut it = Interp::new(keep_furniture);
        let mut lexer = Lexer::new(bytes);
        while let Some((pos, token)) = lexer.next_token() {
            it.pos = pos;
            it.token(token);
        }
        it.pos = lexer.pos();
        it.flush_bytes();
        let open = it.stack.len() - 1 + it.overflow;
        if open > 0 {
            it.diagnostics.push(Diagnostic::warning(
                "rtf.truncated",
                format!("the file ends with {open} groups still open: it may be truncated"),
            ));
        }
        it.builder.end_paragraph(it.pos as u64, Target::Body, None);
        it.builder.finish_table();
        Output {
            builder: it.builder,
            diagnostics: it.diagnostics,
        }
    }

    fn token(&mut self, token: Token<'_>) {
        if !matches!(token, Token::Byte(_) | Token::Text(_)) {
            self.flush_bytes();
        }
        match token {
            Token::Open => {
                self.skip = 0;
                self.ignorable = false;
                if self.stack.len() >= MAX_DEPTH {
                    if self.overflow == 0 {
                        self.diagnostics.push(Diagnostic::warning(
                            "rtf.deep-groups",
                            format!(
                                "groups nested deeper than {MAX_DEPTH}: the deeper ones are read with the properties of their parent"
                            ),
                        ));
                    }
                    self.overflow += 1;
                } else {
                    let s = self.state();
                    self.stack.push(s);
                    if s.dest == Dest::StyleSheet {
                        self.style_number = 0;
                        self.style_name.clear();
                    }
                }
            }
            Token::Close => {
                self.skip = 0;
                self.ignorable = false;
                if self.overflow > 0 {
                    self.overflow -= 1;
                } else if self.stack.len() > 1 {
                    let closed = self.state();
                    self.stack.pop();
                    if closed.dest == Dest::ListText && self.state().dest != Dest::ListText {
                        self.builder.set_label(std::mem::take(&mut self.label));
                    }
                }
            }
            Token::Binary(_) => {
                if self.skip > 0 {
                    self.skip -= 1;
                }
            }
            Token::Byte(b) => {
                if self.skip > 0 {
                    self.skip -= 1;
                    return;
                }
                self.push_bytes(&[b]);
            }
            Token::Text(t) => {
                // `\*` applies to the control word that follows it.
                if !t.iter().all(u8::is_ascii_whitespace) {
                    self.ignorable = false;
                }
                let n = usize::from(self.skip).min(t.len());
                self.skip -= n as u16;
                self.push_bytes(t.get(n..).unwrap_or_default());
            }
            Token::Symbol(c) => {
                if self.skip > 0 && c != b'*' {
                    self.skip -= 1;
                    return;
                }
                match c {
                    b'*' => self.ignorable = true,
                    b'~' => self.text("\u{a0}"),
                    b'_' => self.text("-"),
                    b'\n' => self.paragraph_end(),
                    b'\\' => self.text("\\"),
                    b'{' => self.text("{"),
                    b'}' => self.text("}"),
                    _ => {}
                }
            }
            Token::Word(w, p) => {
                if self.skip > 0 {
                    self.skip -= 1;
                    return;
                }
                let ignorable = std::mem::replace(&mut self.ignorable, false);
                self.word(w, p, ignorable);
            }
        }
    }

    fn push_bytes(&mut self, bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        let enc = encoding_for(self.codepage());
        if enc != self.pending_encoding {
            self.flush_bytes();
            self.pending_encoding = enc;
        }
        self.pending.extend_from_slice(bytes);
    }

    fn flush_bytes(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let bytes = std::mem::take(&mut self.pending);
        let symbol = self
            .font_codepages
            .get(&self.state().font)
            .is_some_and(|&cp| cp == SYMBOL);
        if symbol {
            let text: String = bytes.iter().map(|&b| symbol_char(b)).collect();
            self.text(&text);
        } else {
            let (text, _, _) = self.pending_encoding.decode(&bytes);
            self.text(&text);
        }
        // Keep the buffer's capacity for the next run of bytes.
        self.pending = bytes;
        self.pending.clear();
    }

    /// Text in the current destination.
    fn text(&mut self, text: &str) {
        let s = self.state();
        match s.dest {
            Dest::Body | Dest::Furniture => {
                if s.hidden {
                    return;
                }
                let target = if s.dest == Dest::Body {
                    Target::Body
                } else {
                    Target::Furniture
                };
                let link = s.link.and_then(|i| self.links.get(i)).map(String::as_str);
                self.builder
                    .text(text, s.style, link, target, self.pos as u64);
            }
            Dest::ListText => self.label.push_str(text),
            Dest::FieldInstruction => self.field_instruction.push_str(text),
            Dest::StyleSheet => {
                for c in text.chars() {
                    if c == ';' {
                        self.end_style_name();
                    } else {
                        self.style_name.push(c);
                    }
                }
            }
            Dest::FontTable | Dest::Skip => {}
        }
    }

    fn end_style_name(&mut self) {
        let name = std::mem::take(&mut self.style_name);
        if let Some(role) = heading_role(&name) {
            self.heading_styles.insert(self.style_number, role);
        }
    }

    fn set_dest(&mut self, dest: Dest) {
        if let Some(s) = self.state_mut() {
            s.dest = dest;
        }
    }

    fn paragraph_end(&mut self) {
        let s = self.state();
        match s.dest {
            Dest::Body => {
                let role = self.para_role(s.para);
                self.builder
                    .end_paragraph_with(self.pos as u64, s.para, role, Target::Body);
            }
            Dest::Furniture => {
                self.builder
                    .end_paragraph(self.pos as u64, Target::Furniture, None);
            }
            _ => {}
        }
    }

    fn para_role(&self, para: Para) -> Role {
        if let Some(level) = para.outline {
            return Role::Heading(level.saturating_add(1).min(9));
        }
        self.heading_styles
            .get(&para.style)
            .copied()
            .unwrap_or(Role::Body)
    }

    fn word(&mut self, w: &str, p: Option<i32>, ignorable: bool) {
        let on = p != Some(0);
        let dest = self.state().dest;
        // Destinations first: they decide where the group's text goes.
        match w {
            "fonttbl" => return self.set_dest(Dest::FontTable),
            "stylesheet" => return self.set_dest(Dest::StyleSheet),
            "field" => {
                self.field_instruction.clear();
                return;
            }
            "fldinst" => {
                self.field_instruction.clear();
                return self.set_dest(Dest::FieldInstruction);
            }
            "fldrslt" => {
                let link = hyperlink_target(&self.field_instruction);
                let index = link.map(|l| {
                    self.links.push(l);
                    self.links.len() - 1
                });
                if let Some(s) = self.state_mut() {
                    s.dest = if dest == Dest::Furniture {
                        Dest::Furniture
                    } else {
                        Dest::Body
                    };
                    if index.is_some() {
                        s.link = index;
                    }
                }
                return;
            }
            "listtext" | "pntext" => {
                self.label.clear();
                return self.set_dest(Dest::ListText);
            }
            _ => {}
        }
        if FURNITURE.contains(&w) {
            let d = if self.keep_furniture {
                Dest::Furniture
            } else {
                Dest::Skip
            };
            if dest == Dest::Body {
                self.builder
                    .end_paragraph(self.pos as u64, Target::Furniture, None);
            }
            return self.set_dest(d);
        }
        if SKIPPED.contains(&w) || (ignorable && dest != Dest::Skip) {
            return self.set_dest(Dest::Skip);
        }
        if dest == Dest::Skip {
            return;
        }
        if dest == Dest::FontTable {
            match (w, p) {
                ("f", Some(n)) => {
                    if let Some(s) = self.state_mut() {
                        s.font = n;
                    }
                }
                ("fcharset", Some(c)) => {
                    let font = self.state().font;
                    if let Some(cp) = charset_codepage(c, self.doc_codepage) {
                        self.font_codepages.insert(font, cp);
                    }
                }
                ("cpg", Some(cp)) if cp > 0 => {
                    let font = self.state().font;
                    self.font_codepages.insert(font, cp as u32);
                }
                _ => {}
            }
            return;
        }
        if dest == Dest::StyleSheet {
            match (w, p) {
                ("s", Some(n)) => self.style_number = n,
                ("cs" | "ds" | "ts" | "tsrowd", _) => self.style_number = -1,
                _ => {}
            }
            return;
        }
        match (w, p) {
            ("ansicpg", Some(cp)) if cp > 0 => self.doc_codepage = cp as u32,
            ("mac", _) => self.doc_codepage = 10000,
            ("pc", _) => self.doc_codepage = 437,
            ("pca", _) => self.doc_codepage = 850,
            ("deff", Some(f)) => self.default_font = Some(f),
            ("uc", Some(n)) => {
                if let Some(s) = self.state_mut() {
                    s.uc = n.clamp(0, 16) as u16;
                }
            }
            ("u", Some(n)) => {
                let unit = if n < 0 { n + 65536 } else { n } as u32;
                self.unicode(unit);
                self.skip = self.state().uc;
            }
            ("par", _) => self.paragraph_end(),
            ("sect", _) => self.paragraph_end(),
            ("line", _) => self.text("\n"),
            ("tab", _) => self.text("\t"),
            ("page", _) => {
                self.paragraph_end();
                if dest == Dest::Body {
                    self.builder.page_break(self.pos as u64);
                }
            }
            ("cell", _) if dest == Dest::Body => {
                let para = Para {
                    in_table: true,
                    ..self.state().para
                };
                self.builder.end_cell(self.pos as u64, para);
            }
            ("nestcell", _) => self.paragraph_end(),
            ("row", _) if dest == Dest::Body => self.builder.end_row(self.pos as u64),
            ("trowd", _) => self.builder.row_definition(),
            ("trhdr", _) => self.builder.header_row(),
            ("cellx", _) => self.builder.cell_definition_end(),
            ("clmgf", _) => self.builder.cell_definition(CellDef::MergeFirst),
            ("clmrg", _) => self.builder.cell_definition(CellDef::MergeContinue),
            ("clvmgf", _) => self.builder.cell_definition(CellDef::VerticalFirst),
            ("clvmrg", _) => self.builder.cell_definition(CellDef::VerticalContinue),
            ("pard", _) => {
                if let Some(s) = self.state_mut() {
                    s.para = Para::default();
                }
            }
            ("intbl", _) => self.para(|p| p.in_table = on),
            ("ls", Some(n)) => self.para(|p| p.list = n > 0),
            ("ilvl", Some(n)) => self.para(|p| p.level = n.clamp(0, 8) as u8),
            ("outlinelevel", Some(n)) => {
                self.para(|p| p.outline = (0..9).contains(&n).then_some(n as u8))
            }
            ("s", Some(n)) => self.para(|p| p.style = n),
            ("plain", _) => {
                if let Some(s) = self.state_mut() {
                    s.style = Style::NONE;
                    s.hidden = false;
                    s.font = -1;
                }
            }
            ("f", Some(n)) => {
                if let Some(s) = self.state_mut() {
                    s.font = n;
                }
            }
            ("b", _) => self.style(Style::BOLD, on),
            ("i", _) => self.style(Style::ITALIC, on),
            ("strike" | "striked", _) => self.style(Style::STRIKE, on),
            ("ul" | "uld" | "uldb" | "uldash" | "ulw" | "ulwave" | "ulth" | "uldashd", _) => {
                self.style(Style::UNDERLINE, on)
            }
            ("ulnone", _) => self.style(Style::UNDERLINE, false),
            ("super", _) => self.style(Style::SUPERSCRIPT, on),
            ("sub", _) => self.style(Style::SUBSCRIPT, on),
            ("nosupersub", _) => {
                self.style(Style::SUPERSCRIPT, false);
                self.style(Style::SUBSCRIPT, false);
            }
            // Hidden text and tracked deletions are not what the reader sees.
            ("v" | "deleted", _) => {
                if let Some(s) = self.state_mut() {
                    s.hidden = on;
                }
            }
            ("emdash", _) => self.text("\u{2014}"),
            ("endash", _) => self.text("\u{2013}"),
            ("lquote", _) => self.text("\u{2018}"),
            ("rquote", _) => self.text("\u{2019}"),
            ("ldblquote", _) => self.text("\u{201c}"),
            ("rdblquote", _) => self.text("\u{201d}"),
            ("bullet", _) => self.text("\u{2022}"),
            ("emspace" | "enspace" | "qmspace", _) => self.text(" "),
            _ => {}
        }
    }

    fn para(&mut self, f: impl FnOnce(&mut Para)) {
        if let Some(s) = self.state_mut() {
            f(&mut s.para);
        }
    }

    fn style(&mut self, flag: Style, on: bool) {
        if let Some(s) = self.state_mut() {
            s.style.set(flag, on);
        }
    }

    /// A UTF-16 code unit from `\uN`, pairing surrogates.
    fn unicode(&mut self, unit: u32) {
        let c = match unit {
            0xD800..=0xDBFF => {
                self.high_surrogate = Some(unit as u16);
                return;
            }
            0xDC00..=0xDFFF => match self.high_surrogate.take() {
                Some(high) => {
                    let v = 0x10000 + ((u32::from(high) - 0xD800) << 10) + (unit - 0xDC00);
                    char::from_u32(v)
                }
                None => None,
            },
            _ => char::from_u32(unit),
        };
        self.high_surrogate = None;
        if let Some(c) = c {
            let mut buf = [0u8; 4];
            self.text(c.encode_utf8(&mut buf));
        }
    }
}

/// A pseudo code page for fonts with the symbol character set.
const SYMBOL: u32 = 2;

/// The code page of an `\fcharsetN`.
fn charset_codepage(charset: i32, ansi: u32) -> Option<u32> {
    Some(match charset {
        0 | 1 => ansi,
        2 => SYMBOL,
        77 => 10000,
        128 => 932,
        129 => 949,
        134 => 936,
        136 => 950,
        161 => 1253,
        162 => 1254,
        163 => 1258,
        177 => 1255,
        178 => 1256,
        186 => 1257,
        204 => 1251,
        222 => 874,
        238 => 1250,
        _ => return None,
    })
}

/// The decoder of a Windows code page number; Windows-1252 for those
/// encoding_rs does not know (the DOS code pages 437 and 850 among them).
fn encoding_for(codepage: u32) -> &'static Encoding {
    match codepage {
        65001 => encoding_rs::UTF_8,
        932 => encoding_rs::SHIFT_JIS,
        936 => encoding_rs::GBK,
        949 => encoding_rs::EUC_KR,
        950 => encoding_rs::BIG5,
        866 => encoding_rs::IBM866,
        10000 => encoding_rs::MACINTOSH,
        874 | 1250..=1258 => Encoding::for_label(format!("windows-{codepage}").as_bytes())
            .unwrap_or(encoding_rs::WINDOWS_1252),
        _ => encoding_rs::WINDOWS_1252,
    }
}

/// The Symbol font's bullets as Unicode; other bytes as Windows-1252.
fn symbol_char(b: u8) -> char {
    match b {
        0xB7 => '\u{2022}',
        0xA7 => '\u{25aa}',
        0x2D => '\u{2212}',
        _ => {
            let byte = [b];
            let (t, _, _) = encoding_rs::WINDOWS_1252.decode(&byte);
            t.chars().next().unwrap_or('?')
        }
    }
}

/// A style name that marks headings: "heading 2" → level 2.
fn heading_role(name: &str) -> Option<Role> {
    let name = name.trim().to_lowercase();
    if name == "title" {
        return Some(Role::Title);
    }
    let rest = name
        .strip_prefix("heading")
        .or_else(|| name.strip_prefix("rubrik"))?;
    let level: u8 = rest.trim().parse().ok()?;
    (1..=9).contains(&level).then_some(Role::Heading(level))
}

/// The target of a `HYPERLINK "url"` (or `HYPERLINK \l "anchor"`) field.
fn hyperlink_target(instruction: &str) -> Option<String> {
    let rest = instruction.trim_start().strip_prefix("HYPERLINK")?;
    let mut url = None;
    let mut anchor = None;
    let mut words = rest.split_whitespace().peekable();
    let quoted_after =
        |first: &str, words: &mut std::iter::Peekable<std::str::SplitWhitespace<'_>>| {
            let mut s = first.to_string();
            if s.starts_with('"') {
                while !(s.len() > 1 && s.ends_with('"')) {
                    match words.next() {
                        Some(w) => {
                            s.push(' ');
                            s.push_str(w);
                        }
                        None => break,
                    }
                }
            }
            s.trim_matches('"').to_string()
        };
    while let Some(w) = words.next() {
        if w == "\\l" {
            if let Some(a) = words.next() {
                anchor = Some(quoted_after(a, &mut words));
            }
        } else if w.starts_with('\\') {
            // Other switches (\o "tip", \t "frame") take an argument.
            if let Some(a) = words.next() {
                quoted_after(a, &mut words);
            }
        } else if url.is_none() {
            url = Some(quoted_after(w, &mut words));
        }
    }
    match (url, anchor) {
        (Some(u), Some(a)) if !u.is_empty() => Some(format!("{u}#{a}")),
        (Some(u), _) if !u.is_empty() => Some(u),
        (_, Some(a)) => Some(format!("#{a}")),
        _ => Some("#".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyperlink_instructions() {
        assert_eq!(
            hyperlink_target(" HYPERLINK \"https://x.se/a b\" ").as_deref(),
            Some("https://x.se/a b")
        );
        assert_eq!(
            hyperlink_target("HYPERLINK \\l \"bilaga\"").as_deref(),
            Some("#bilaga")
        );
        assert_eq!(hyperlink_target("PAGE"), None);
    }

    #[test]
    fn heading_styles_by_name() {
        assert_eq!(heading_role("heading 2"), Some(Role::Heading(2)));
        assert_eq!(heading_role("Rubrik 1"), Some(Role::Heading(1)));
        assert_eq!(heading_role("Normal"), None);
    }
}
