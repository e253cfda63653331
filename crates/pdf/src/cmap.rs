//! A small CMap parser: enough of ToUnicode CMaps (`bfchar`, `bfrange` in both
//! forms, `codespacerange`) and embedded CID CMaps (`cidchar`, `cidrange`) to
//! decode text. Bounded: ranges are capped so a hostile CMap cannot allocate
//! without limit.

use crate::lexer::decode_hex;
use std::ops::Range;

/// A map from character codes: looked up for every character drawn in a
/// CID font, so hashed with FxHash rather than SipHash (codes come from the
/// file, but a map holds at most [`MAX_ENTRIES`]).
pub type CodeMap<V> = rustc_hash::FxHashMap<u32, V>;

/// Most mappings one CMap may define; real ones have a few thousand.
const MAX_ENTRIES: usize = 200_000;

/// A codespace range: codes of `len` bytes from `lo` to `hi`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CodeRange {
    /// Byte length of codes in this range.
    pub len: u8,
    /// First code.
    pub lo: u32,
    /// Last code.
    pub hi: u32,
}

/// What a CMap stream says.
#[derive(Debug, Default)]
pub struct CMap {
    /// Codespace ranges, in the order given.
    pub codespace: Vec<CodeRange>,
    /// Code → Unicode text (ToUnicode).
    pub unicode: CodeMap<String>,
    /// Code → CID (embedded encoding CMaps).
    pub cid: CodeMap<u32>,
}

#[derive(Debug, PartialEq)]
enum Tok<'a> {
    /// A hex string: its bytes' place in the buffer [`tokens`] returns.
    Hex(Range<usize>),
    Int(i64),
    Word(&'a [u8]),
    Open,
    Close,
}

/// The tokens, and the bytes of all hex strings (one buffer rather than an
/// allocation per string: a CMap is mostly hex strings).
fn tokens(data: &[u8]) -> (Vec<Tok<'_>>, Vec<u8>) {
    // Sized for a ToUnicode map (a token every ten bytes or so, half the
    // bytes hex digits), so that they rarely grow.
    let mut out = Vec::with_capacity(data.len() / 8);
    let mut hex = Vec::with_capacity(data.len() / 4);
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        match c {
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if data.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                let start = i + 1;
                let end = data[start..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(data.len(), |k| start + k);
                let at = hex.len();
                decode_hex(&data[start..end], &mut hex);
                out.push(Tok::Hex(at..hex.len()));
                i = end + 1;
            }
            b'[' => {
                out.push(Tok::Open);
                i += 1;
            }
            b']' => {
                out.push(Tok::Close);
                i += 1;
            }
            b'(' => {
                // Literal strings appear in headers only (Registry etc.); skip them.
                let mut depth = 0;
                while i < data.len() {
                    match data[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
            }
            c if c.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                while i < data.len()
                    && !data[i].is_ascii_whitespace()
                    && !b"<>[]()%/".contains(&data[i])
                {
                    i += 1;
                }
                if i == start {
                    // A lone '/' or other delimiter: a name follows; skip the slash.
                    i += 1;
                    continue;
                }
                let w = &data[start..i];
                match std::str::from_utf8(w)
                    .ok()
                    .and_then(|s| s.parse::<i64>().ok())
                {
                    Some(n) => out.push(Tok::Int(n)),
                    None => out.push(Tok::Word(w)),
                }
            }
        }
    }
    (out, hex)
}

fn code_of(b: &[u8]) -> u32 {
    b.iter().take(4).fold(0u32, |a, x| (a << 8) | u32::from(*x))
}

/// UTF-16BE bytes to a string; lone surrogates become U+FFFD.
pub fn utf16be(b: &[u8]) -> String {
    let units = b.chunks(2).map(|c| {
        if c.len() == 2 {
            u16::from_be_bytes([c[0], c[1]])
        } else {
            u16::from(c[0])
        }
    });
    char::decode_utf16(units)
        .map(|r| r.unwrap_or('\u{FFFD}'))
        .collect()
}

/// Destination bytes plus an offset added to the last UTF-16 unit (bfrange).
fn dst_plus(dst: &[u8], k: u32) -> String {
    if k == 0 || dst.len() < 2 {
        return utf16be(dst);
    }
    let mut d = dst.to_vec();
    let n = d.len();
    let last = u32::from(u16::from_be_bytes([d[n - 2], d[n - 1]])) + k;
    let bytes = ((last & 0xFFFF) as u16).to_be_bytes();
    d[n - 2] = bytes[0];
    d[n - 1] = bytes[1];
    utf16be(&d)
}

/// Parse a CMap stream's (decompressed) bytes.
pub fn parse(data: &[u8]) -> CMap {
    let (toks, hex) = tokens(data);
    let h = |r: &Range<usize>| &hex[r.clone()];
    let mut cm = CMap::default();
    let mut i = 0;
    let mut entries = 0usize;
    while i < toks.len() {
        let Tok::Word(w) = toks[i] else {
            i += 1;
            continue;
        };
        i += 1;
        match w {
            b"begincodespacerange" => {
                while let (Some(Tok::Hex(lo)), Some(Tok::Hex(hi))) = (toks.get(i), toks.get(i + 1))
                {
                    let len = h(lo).len().clamp(1, 4) as u8;
                    cm.codespace.push(CodeRange {
                        len,
                        lo: code_of(h(lo)),
                        hi: code_of(h(hi)),
                    });
                    i += 2;
                }
            }
            b"beginbfchar" => {
                while let (Some(Tok::Hex(src)), Some(dst)) = (toks.get(i), toks.get(i + 1)) {
                    let text = match dst {
                        Tok::Hex(d) => utf16be(h(d)),
                        _ => String::new(),
                    };
                    if entries < MAX_ENTRIES {
                        cm.unicode.insert(code_of(h(src)), text);
                        entries += 1;
                    }
                    i += 2;
                }
            }
            b"beginbfrange" => {
                while let (Some(Tok::Hex(lo)), Some(Tok::Hex(hi))) = (toks.get(i), toks.get(i + 1))
                {
                    let (lo, hi) = (code_of(h(lo)), code_of(h(hi)));
                    i += 2;
                    match toks.get(i) {
                        Some(Tok::Hex(dst)) => {
                            i += 1;
                            if hi >= lo {
                                for (k, code) in (lo..=hi).enumerate() {
                                    if entries >= MAX_ENTRIES {
                                        break;
                                    }
                                    cm.unicode.insert(code, dst_plus(h(dst), k as u32));
                                    entries += 1;
                                }
                            }
                        }
                        Some(Tok::Open) => {
                            i += 1;
                            let mut code = lo;
                            while let Some(Tok::Hex(d)) = toks.get(i) {
                                if entries < MAX_ENTRIES && code <= hi {
                                    cm.unicode.insert(code, utf16be(h(d)));
                                    entries += 1;
                                }
                                code = code.saturating_add(1);
                                i += 1;
                            }
                            if toks.get(i) == Some(&Tok::Close) {
                                i += 1;
                            }
                        }
                        _ => break,
                    }
                }
            }
            b"begincidrange" => {
                while let (Some(Tok::Hex(lo)), Some(Tok::Hex(hi)), Some(Tok::Int(cid))) =
                    (toks.get(i), toks.get(i + 1), toks.get(i + 2))
                {
                    let (lo, hi) = (code_of(h(lo)), code_of(h(hi)));
                    if hi >= lo {
                        for (k, code) in (lo..=hi).enumerate() {
                            if entries >= MAX_ENTRIES {
                                break;
                            }
                            cm.cid.insert(code, (*cid as u32).wrapping_add(k as u32));
                            entries += 1;
                        }
                    }
                    i += 3;
                }
            }
            b"begincidchar" => {
                while let (Some(Tok::Hex(src)), Some(Tok::Int(cid))) =
                    (toks.get(i), toks.get(i + 1))
                {
                    if entries < MAX_ENTRIES {
                        cm.cid.insert(code_of(h(src)), *cid as u32);
                        entries += 1;
                    }
                    i += 2;
                }
            }
            _ => {}
        }
    }
    cm
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_bfchar_bfrange_and_codespace() {
        let src = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0003> <0020> <0011> <00E5> endbfchar
2 beginbfrange <0020> <0022> <0041> <0030> <0031> [<00C5> <00660069>] endbfrange
endcmap";
        let cm = parse(src);
        assert_eq!(
            cm.codespace,
            vec![CodeRange {
                len: 2,
                lo: 0,
                hi: 0xFFFF
            }]
        );
        assert_eq!(cm.unicode[&3], " ");
        assert_eq!(cm.unicode[&0x11], "å");
        assert_eq!(cm.unicode[&0x22], "C");
        assert_eq!(cm.unicode[&0x30], "Å");
        assert_eq!(cm.unicode[&0x31], "fi");
    }

    #[test]
    fn hostile_ranges_are_capped() {
        let src = b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange";
        let cm = parse(src);
        assert!(cm.unicode.len() <= MAX_ENTRIES);
    }
}
