//! Fonts: from a font dictionary to "code → text" and "code → advance width".
//!
//! ToUnicode takes precedence over `/Encoding` (lopdf's own `get_font_encoding`
//! does it the other way round, which garbles subset fonts with custom
//! encodings). Simple fonts use WinAnsi, MacRoman or Standard encoding with
//! `/Differences` decoded through the Adobe glyph list; Type0 fonts use their
//! codespace (2 bytes for Identity-H) and `/W` widths; the standard-14 fonts
//! without `/Widths` get their AFM widths; Type3 fonts are scaled by their
//! `/FontMatrix`.

use crate::cmap::{self, CMap, CodeMap, CodeRange};
use crate::inflate::Inflater;
use crate::tables;
use lopdf::{Dictionary, Document, Object};

/// Largest decompressed size of a font's CMap stream.
const MAX_CMAP_BYTES: usize = 8 * 1024 * 1024;

/// A font ready for decoding.
#[derive(Debug)]
pub struct Font {
    /// The base font name without subset prefix.
    pub name: String,
    /// Bold by name, weight, or flags.
    pub bold: bool,
    /// Italic by name, angle, or flags.
    pub italic: bool,
    /// Type0 (multi-byte codes).
    cid: bool,
    /// Codespace ranges for multi-byte fonts; empty means 2 bytes per code.
    codespace: Vec<CodeRange>,
    /// Simple fonts: the text of every code, one after the other (one
    /// string rather than 256 small ones).
    simple_text: String,
    /// Simple fonts: where each code's text is in `simple_text`.
    simple_spans: Vec<(u32, u32)>,
    /// Simple fonts: each code's [`plain_char`], when its text is one
    /// character (most are).
    simple_plain: Vec<Option<char>>,
    /// Simple fonts: advance for each code, in text space units per unit of font size.
    simple_width: Vec<f32>,
    /// Type0: ToUnicode map.
    cid_text: CodeMap<String>,
    /// Type0: code → CID from an embedded CMap (identity when empty).
    code_to_cid: CodeMap<u32>,
    /// Type0: CID → width (already scaled to 1 unit of font size).
    cid_width: CodeMap<f32>,
    /// Type0: default width.
    dw: f32,
    /// Type0: width and [`plain_char`] of each code whose text is one
    /// character: one lookup per glyph instead of three.
    cid_plain: CodeMap<(f32, char)>,
    /// Vertical extent factor (Type3 FontMatrix), 1 for others.
    pub size_scale: f32,
}

fn num(o: &Object) -> f32 {
    match o {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        _ => 0.0,
    }
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map(|x| x.1).unwrap_or(o)
}

/// Unicode text of a glyph name: the Adobe glyph list, `uniXXXX`, `uXXXX`,
/// and names with a suffix (`a.sc`, `f_i`).
pub fn glyph_name_to_text(name: &str) -> Option<String> {
    if let Ok(i) = tables::GLYPH_NAMES.binary_search_by(|(n, _)| (*n).cmp(name)) {
        return char::from_u32(u32::from(tables::GLYPH_NAMES[i].1)).map(String::from);
    }
    if let Some(hex) = name.strip_prefix("uni")
        && hex.len() >= 4
        && hex.len() % 4 == 0
        && hex.bytes().all(|b| b.is_ascii_hexdigit())
    {
        let units: Vec<u16> = (0..hex.len() / 4)
            .filter_map(|k| u16::from_str_radix(&hex[k * 4..k * 4 + 4], 16).ok())
            .collect();
        return Some(
            char::decode_utf16(units)
                .map(|r| r.unwrap_or('\u{FFFD}'))
                .collect(),
        );
    }
    if let Some(hex) = name.strip_prefix('u')
        && (4..=6).contains(&hex.len())
        && let Ok(v) = u32::from_str_radix(hex, 16)
    {
        return char::from_u32(v).map(String::from);
    }
    if let Some((base, _)) = name.split_once('.')
        && !base.is_empty()
    {
        return glyph_name_to_text(base);
    }
    if name.contains('_') {
        let parts: Option<String> = name.split('_').map(glyph_name_to_text).collect();
        return parts;
    }
    None
}

/// A glyph name that is only a prefix and a number ("g37", "cid12", "a5").
fn is_opaque_name(name: &str) -> bool {
    let digits = name.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let prefix = name.len() - digits.len();
    prefix <= 5 && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// The character a base encoding gives a code (none for 0 or a surrogate).
fn table_char(table: &[u16; 256], code: usize) -> Option<char> {
    match table[code] {
        0 => None,
        u => char::from_u32(u32::from(u)),
    }
}

fn base_table(name: &[u8]) -> Option<&'static [u16; 256]> {
    match name {
        b"WinAnsiEncoding" => Some(&tables::WIN_ANSI),
        b"MacRomanEncoding" => Some(&tables::MAC_ROMAN),
        b"StandardEncoding" => Some(&tables::STANDARD),
        // MacExpert and others: close enough to fall back on Standard.
        _ => None,
    }
}

/// Standard-14 (and metric-compatible) widths by Unicode scalar.
fn standard_widths(name: &str) -> Option<&'static [(u16, u16)]> {
    let l = name.to_ascii_lowercase();
    let bold = l.contains("bold");
    let italic = l.contains("italic") || l.contains("oblique");
    if l.starts_with("helvetica") || l.starts_with("arial") {
        return Some(if bold {
            tables::HELVETICA_BOLD
        } else {
            tables::HELVETICA
        });
    }
    if l.starts_with("times") {
        return Some(match (bold, italic) {
            (true, true) => tables::TIMES_BOLD_ITALIC,
            (true, false) => tables::TIMES_BOLD,
            (false, true) => tables::TIMES_ITALIC,
            (false, false) => tables::TIMES_ROMAN,
        });
    }
    None
}

fn afm_width(table: &[(u16, u16)], text: &str) -> Option<f32> {
    let c = text.chars().next()?;
    let u = u16::try_from(u32::from(c)).ok()?;
    table
        .binary_search_by_key(&u, |(k, _)| *k)
        .ok()
        .map(|i| f32::from(table[i].1))
}

fn stream_bytes(doc: &Document, o: &Object, inflater: &mut Inflater) -> Option<Vec<u8>> {
    let s = deref(doc, o).as_stream().ok()?;
    if s.dict.get(b"Filter").is_ok() {
        inflater.decode(s, MAX_CMAP_BYTES).ok()
    } else {
        Some(s.content.clone())
    }
}

fn style_from(name: &str, fd: Option<&Dictionary>, doc: &Document) -> (bool, bool) {
    let l = name.to_ascii_lowercase();
    let mut bold = [
        "bold", "black", "heavy", "semibold", "demi", "cmbx", "cmb1", ",bold",
    ]
    .iter()
    .any(|k| l.contains(k));
    let mut italic = ["italic", "oblique", "cmti", "cmsl", "kursiv"]
        .iter()
        .any(|k| l.contains(k))
        || l.ends_with("-it")
        || l.ends_with("-boldit");
    if let Some(fd) = fd {
        let get = |k: &[u8]| fd.get(k).map(|o| num(deref(doc, o))).unwrap_or(0.0);
        if get(b"FontWeight") >= 600.0 || (get(b"Flags") as i64) & (1 << 18) != 0 {
            bold = true;
        }
        // Flag 7 is Italic; a non-zero angle means slanted.
        if get(b"ItalicAngle").abs() > 0.5 || (get(b"Flags") as i64) & (1 << 6) != 0 {
            italic = true;
        }
    }
    (bold, italic)
}

/// Ligatures from Chromium/Skia and others, expanded to letters.
pub(crate) fn expand(ch: char) -> Option<&'static str> {
    Some(match ch {
        '\u{FB00}' => "ff",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB03}' => "ffi",
        '\u{FB04}' => "ffl",
        '\u{FB05}' | '\u{FB06}' => "st",
        _ => return None,
    })
}

/// Symbol-font private-use characters that stand for list bullets.
pub(crate) fn map_private(ch: char) -> char {
    match ch {
        '\u{F0B7}' | '\u{F06C}' => '•',
        '\u{F0A7}' | '\u{F0FC}' | '\u{F0D8}' => '▪',
        '\u{F02D}' => '-',
        '\u{A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' => ' ',
        c => c,
    }
}

/// The character a glyph of text `c` is drawn as when nothing more is
/// needed (no ligature to expand, no control character to drop): what
/// [`Font::glyph`] gives, so that the interpreter pushes it as it is.
fn plain_char(c: char) -> Option<char> {
    (expand(c).is_none() && !c.is_control()).then(|| map_private(c))
}

/// The text when it is exactly one character.
fn one_char(text: &str) -> Option<char> {
    let mut cs = text.chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

impl Font {
    /// Load a font dictionary; never fails (unknown parts decode to nothing).
    pub fn load(doc: &Document, d: &Dictionary) -> Font {
        Font::load_with(doc, d, &mut Inflater::default())
    }

    /// [`Font::load`], decoding its streams with `inflater`.
    pub fn load_with(doc: &Document, d: &Dictionary, inflater: &mut Inflater) -> Font {
        let raw_name = d
            .get(b"BaseFont")
            .or_else(|_| d.get(b"Name"))
            .and_then(Object::as_name)
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default();
        let name = match raw_name.split_once('+') {
            Some((pre, rest)) if pre.len() == 6 => rest.to_string(),
            _ => raw_name.clone(),
        };
        let subtype = d.get(b"Subtype").and_then(Object::as_name).unwrap_or(b"");
        let to_unicode: Option<CMap> = d
            .get(b"ToUnicode")
            .ok()
            .and_then(|o| stream_bytes(doc, o, inflater))
            .map(|b| cmap::parse(&b));
        let mut font = Font {
            name,
            bold: false,
            italic: false,
            cid: subtype == b"Type0",
            codespace: Vec::new(),
            simple_text: String::new(),
            simple_spans: Vec::new(),
            simple_plain: Vec::new(),
            simple_width: Vec::new(),
            cid_text: CodeMap::default(),
            code_to_cid: CodeMap::default(),
            cid_width: CodeMap::default(),
            dw: 1.0,
            cid_plain: CodeMap::default(),
            size_scale: 1.0,
        };
        let fd_of = |dict: &Dictionary| -> Option<Dictionary> {
            dict.get(b"FontDescriptor")
                .ok()
                .and_then(|o| deref(doc, o).as_dict().ok())
                .cloned()
        };
        let fd;
        if font.cid {
            let desc = d
                .get(b"DescendantFonts")
                .ok()
                .and_then(|o| deref(doc, o).as_array().ok())
                .and_then(|a| a.first())
                .and_then(|o| deref(doc, o).as_dict().ok());
            fd = desc.and_then(fd_of);
            if let Some(df) = desc {
                font.load_cid_widths(doc, df);
            }
            // Encoding: Identity-H/V (2 bytes, CID = code) or an embedded CMap.
            if let Ok(enc) = d.get(b"Encoding")
                && let Some(bytes) = stream_bytes(doc, enc, inflater)
            {
                let cm = cmap::parse(&bytes);
                font.codespace = cm.codespace;
                font.code_to_cid = cm.cid;
            }
            if let Some(tu) = to_unicode {
                if font.codespace.is_empty() {
                    font.codespace = tu.codespace;
                }
                font.cid_text = tu.unicode;
            }
            font.cid_plain = font.plain_codes();
            // Codespaces with 1-byte ranges only make sense for embedded CMaps; keep them.
        } else {
            fd = fd_of(d);
            font.load_simple(doc, d, fd.as_ref(), to_unicode);
        }
        let (bold, italic) = style_from(&font.name, fd.as_ref(), doc);
        font.bold = bold;
        font.italic = italic;
        font
    }

    fn load_cid_widths(&mut self, doc: &Document, df: &Dictionary) {
        self.dw = df.get(b"DW").map(|o| num(deref(doc, o))).unwrap_or(1000.0) / 1000.0;
        let Ok(w) = df.get(b"W").and_then(|o| deref(doc, o).as_array()) else {
            return;
        };
        let mut i = 0;
        let mut budget = 200_000usize;
        while i + 1 < w.len() && budget > 0 {
            let c0 = num(deref(doc, &w[i])).max(0.0) as u32;
            match deref(doc, &w[i + 1]) {
                Object::Array(ws) => {
                    for (k, x) in ws.iter().enumerate() {
                        self.cid_width
                            .insert(c0 + k as u32, num(deref(doc, x)) / 1000.0);
                        budget = budget.saturating_sub(1);
                    }
                    i += 2;
                }
                o => {
                    if i + 2 < w.len() {
                        let c1 = num(o).max(0.0) as u32;
                        let wv = num(deref(doc, &w[i + 2])) / 1000.0;
                        for c in c0..=c1.min(c0.saturating_add(65_535)) {
                            self.cid_width.insert(c, wv);
                            budget = budget.saturating_sub(1);
                        }
                    }
                    i += 3;
                }
            }
        }
    }

    fn load_simple(
        &mut self,
        doc: &Document,
        d: &Dictionary,
        fd: Option<&Dictionary>,
        tu: Option<CMap>,
    ) {
        let subtype = d.get(b"Subtype").and_then(Object::as_name).unwrap_or(b"");
        let type3 = subtype == b"Type3";
        // Type3 glyph space → text space; others are 1/1000.
        let (mut wscale, mut vscale) = (0.001f32, 1.0f32);
        if type3
            && let Ok(m) = d.get(b"FontMatrix").and_then(|o| deref(doc, o).as_array())
            && m.len() == 6
        {
            wscale = num(deref(doc, &m[0])).abs();
            // The glyphs' height in text space stands for the em: FontBBox
            // height through the matrix (1 when there is no usable box).
            let bbox_h = d
                .get(b"FontBBox")
                .and_then(|o| deref(doc, o).as_array())
                .ok()
                .filter(|b| b.len() == 4)
                .map(|b| (num(deref(doc, &b[3])) - num(deref(doc, &b[1]))).abs())
                .unwrap_or(0.0);
            let v = bbox_h * num(deref(doc, &m[3])).abs();
            if v.is_finite() && (0.2..=5.0).contains(&v) {
                vscale = v;
            }
            if !(wscale > 0.0 && wscale.is_finite()) {
                wscale = 0.001;
            }
        }
        self.size_scale = vscale;
        // Base encoding: the named one, else Standard (the spec's default for
        // non-symbolic fonts; also right for ASCII in TrueType fonts).
        let enc = d.get(b"Encoding").map(|o| deref(doc, o)).ok();
        let mut base: &[u16; 256] = &tables::STANDARD;
        let mut diffs: Vec<(usize, String)> = Vec::new();
        match enc {
            Some(Object::Name(n)) => base = base_table(n).unwrap_or(base),
            Some(Object::Dictionary(ed)) => {
                if let Ok(n) = ed.get(b"BaseEncoding").and_then(Object::as_name) {
                    base = base_table(n).unwrap_or(base);
                }
                if let Ok(arr) = ed
                    .get(b"Differences")
                    .and_then(|o| deref(doc, o).as_array())
                {
                    let mut code = 0usize;
                    for o in arr {
                        match deref(doc, o) {
                            Object::Integer(i) => code = (*i).clamp(0, 255) as usize,
                            Object::Name(n) => {
                                if code < 256 {
                                    diffs.push((code, String::from_utf8_lossy(n).into_owned()));
                                }
                                code += 1;
                            }
                            _ => {}
                        }
                    }
                }
            }
            _ => {}
        }
        // The base encoding's character, unless Differences or ToUnicode
        // say otherwise.
        let mut over: Vec<Option<String>> = vec![None; 256];
        for (code, name) in &diffs {
            match glyph_name_to_text(name) {
                Some(t) => over[*code] = Some(t),
                // Subset names like "g37" or "a12" say nothing about the
                // character: better U+FFFD (and a garbled-text warning) than
                // the base encoding's letter at that code.
                None if is_opaque_name(name) => over[*code] = Some("\u{FFFD}".into()),
                None => {}
            }
        }
        if let Some(tu) = tu {
            for (code, t) in tu.unicode {
                if let Some(slot) = over.get_mut(code as usize) {
                    *slot = Some(t);
                }
            }
        }
        let mut all = String::new();
        let mut spans = Vec::with_capacity(256);
        for (code, t) in over.iter().enumerate() {
            let start = all.len() as u32;
            match t {
                Some(t) => all.push_str(t),
                None => {
                    if let Some(c) = table_char(base, code) {
                        all.push(c);
                    }
                }
            }
            spans.push((start, all.len() as u32));
        }
        let text = |code: usize| -> &str {
            let (a, b) = spans[code];
            &all[a as usize..b as usize]
        };
        // Widths: /Widths, else standard-14 AFM widths, else MissingWidth or 0.5 em.
        let first = d
            .get(b"FirstChar")
            .map(|o| num(deref(doc, o)))
            .unwrap_or(0.0)
            .max(0.0) as usize;
        let widths: Vec<f32> = d
            .get(b"Widths")
            .and_then(|o| deref(doc, o).as_array())
            .map(|a| a.iter().map(|o| num(deref(doc, o))).collect())
            .unwrap_or_default();
        let missing = fd
            .and_then(|f| f.get(b"MissingWidth").ok())
            .map(|o| num(deref(doc, o)))
            .filter(|w| *w > 0.0);
        let courier = self.name.to_ascii_lowercase().starts_with("courier");
        let afm = standard_widths(&self.name);
        let mut sw = vec![0f32; 256];
        for (code, slot) in sw.iter_mut().enumerate() {
            let w = code
                .checked_sub(first)
                .and_then(|i| widths.get(i))
                .copied()
                .filter(|_| !widths.is_empty());
            let w = match w {
                Some(w) => w * wscale,
                None if courier => 0.6,
                None => match afm.and_then(|t| afm_width(t, text(code))) {
                    Some(w) => w / 1000.0,
                    None => missing.map(|m| m * wscale).unwrap_or(if widths.is_empty() {
                        0.5
                    } else {
                        0.0
                    }),
                },
            };
            *slot = if w.is_finite() { w } else { 0.0 };
        }
        self.simple_plain = (0..spans.len())
            .map(|code| one_char(text(code)).and_then(plain_char))
            .collect();
        self.simple_text = all;
        self.simple_spans = spans;
        self.simple_width = sw;
    }

    /// Split a string operand into codes, calling `f(code, byte_len)` for each.
    #[inline]
    pub fn for_each_code(&self, bytes: &[u8], mut f: impl FnMut(u32, usize)) {
        for (code, len) in self.codes(bytes) {
            f(code, len);
        }
    }

    /// The codes of a string operand with their byte lengths.
    #[inline]
    pub fn codes<'s>(&'s self, bytes: &'s [u8]) -> Codes<'s> {
        Codes {
            font: self,
            bytes,
            i: 0,
        }
    }

    /// The text of a code ("" when the font cannot say; U+FFFD for a Type0
    /// code with no ToUnicode entry).
    #[inline]
    pub fn text(&self, code: u32) -> &str {
        if self.cid {
            match self.cid_text.get(&code) {
                Some(t) => t,
                None => "\u{FFFD}",
            }
        } else {
            self.simple_spans
                .get(code as usize)
                .and_then(|&(a, b)| self.simple_text.get(a as usize..b as usize))
                .unwrap_or("")
        }
    }

    /// A code's advance width ([`Font::width`]) and, when its text is one
    /// character that is drawn as it is (no ligature to expand, no control
    /// character; private-use bullets already mapped), that character;
    /// `None` says nothing about the text: ask [`Font::text`].
    #[inline(always)]
    pub fn glyph(&self, code: u32) -> (f32, Option<char>) {
        if self.cid {
            match self.cid_plain.get(&code) {
                Some(&(w, c)) => (w, Some(c)),
                None => (self.width(code), None),
            }
        } else {
            let c = self.simple_plain.get(code as usize).copied().flatten();
            (self.width(code), c)
        }
    }

    /// Type0: [`Font::glyph`]'s table, from the ToUnicode entries of one
    /// character (the widths and maps are complete by then).
    fn plain_codes(&self) -> CodeMap<(f32, char)> {
        self.cid_text
            .iter()
            .filter_map(|(&code, t)| {
                let c = one_char(t).and_then(plain_char)?;
                Some((code, (self.width(code), c)))
            })
            .collect()
    }

    /// One byte per code, widths and characters by table (not Type0).
    pub fn is_simple(&self) -> bool {
        !self.cid
    }

    /// Advance width of a code per unit of font size.
    #[inline(always)]
    pub fn width(&self, code: u32) -> f32 {
        if self.cid {
            let cid = self.code_to_cid.get(&code).copied().unwrap_or(code);
            self.cid_width.get(&cid).copied().unwrap_or(self.dw)
        } else {
            self.simple_width.get(code as usize).copied().unwrap_or(0.0)
        }
    }

    /// Whether word spacing (Tw) applies: single-byte code 32 only.
    #[inline]
    pub fn is_word_space(&self, code: u32, len: usize) -> bool {
        code == 32 && len == 1
    }
}

/// The codes of a string operand: see [`Font::codes`].
pub struct Codes<'s> {
    font: &'s Font,
    bytes: &'s [u8],
    i: usize,
}

impl Iterator for Codes<'_> {
    /// The code and its length in bytes.
    type Item = (u32, usize);

    #[inline]
    fn next(&mut self) -> Option<(u32, usize)> {
        let (bytes, i) = (self.bytes, self.i);
        if i >= bytes.len() {
            return None;
        }
        let font = self.font;
        // Simple fonts: one byte per code.
        if !font.cid {
            self.i = i + 1;
            return Some((u32::from(bytes[i]), 1));
        }
        // No codespace: two bytes per code.
        if font.codespace.is_empty() {
            let end = (i + 2).min(bytes.len());
            self.i = end;
            let code = bytes[i..end]
                .iter()
                .fold(0u32, |a, b| (a << 8) | u32::from(*b));
            return Some((code, end - i));
        }
        // The shortest code that a range of its length holds: each longer
        // code is the shorter one and one more byte.
        let mut matched = 0usize;
        let mut code = 0u32;
        for len in 1..=4usize {
            let Some(&b) = bytes.get(i + len - 1) else {
                break;
            };
            code = (code << 8) | u32::from(b);
            if font
                .codespace
                .iter()
                .any(|r| r.len as usize == len && code >= r.lo && code <= r.hi)
            {
                matched = len;
                break;
            }
        }
        if matched > 0 {
            self.i = i + matched;
            return Some((code, matched));
        }
        // No range matched: take the shortest declared length and move on.
        let len = font
            .codespace
            .iter()
            .map(|r| r.len as usize)
            .min()
            .unwrap_or(2)
            .max(1);
        let end = (i + len).min(bytes.len());
        let code = bytes[i..end]
            .iter()
            .fold(0u32, |a, b| (a << 8) | u32::from(*b));
        self.i = end;
        Some((code, end - i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_names_decode() {
        assert_eq!(glyph_name_to_text("aring").as_deref(), Some("å"));
        assert_eq!(glyph_name_to_text("Odieresis").as_deref(), Some("Ö"));
        assert_eq!(glyph_name_to_text("fi").as_deref(), Some("\u{FB01}"));
        assert_eq!(glyph_name_to_text("uni00E4").as_deref(), Some("ä"));
        assert_eq!(glyph_name_to_text("u1F600").as_deref(), Some("😀"));
        assert_eq!(glyph_name_to_text("a.sc").as_deref(), Some("a"));
        assert_eq!(glyph_name_to_text("T_h").as_deref(), Some("Th"));
        assert_eq!(
            glyph_name_to_text("quotedblleft").as_deref(),
            Some("\u{201C}")
        );
        assert_eq!(glyph_name_to_text("endash").as_deref(), Some("–"));
        assert_eq!(glyph_name_to_text("g123"), None);
    }

    #[test]
    fn standard_widths_exist() {
        let t = standard_widths("Helvetica").unwrap_or(&[]);
        assert_eq!(afm_width(t, "a"), Some(556.0));
        assert_eq!(afm_width(t, "å"), Some(556.0));
        let t = standard_widths("Times-Roman").unwrap_or(&[]);
        assert_eq!(afm_width(t, " "), Some(250.0));
    }
}
