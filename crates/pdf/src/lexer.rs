//! A content-stream lexer: operators with their operands, borrowed from the
//! stream. lopdf's parser builds an owned `Object` tree for every operand
//! and took half of the reading time; this one allocates nothing per
//! operand: strings, names and hex strings stay as written until used
//! ([`decode_literal`], [`decode_name`], [`decode_hex`]; LibreOffice writes
//! every line as a `TJ` array of many short hex strings), and an operator's
//! arrays keep their items in one buffer of the lexer, so that a token is
//! `Copy` and the operands of one operator are dropped by a `clear`, not
//! item by item. Malformed input never panics: unknown bytes are skipped,
//! and an unterminated construct ends the stream.

use std::borrow::Cow;

/// One operand.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tok<'a> {
    /// A number (integers too).
    Num(f32),
    /// A name without its slash, as written ([`decode_name`] decodes its
    /// `#xx` escapes).
    Name(&'a [u8]),
    /// A literal string without escapes: its bytes between the parentheses.
    Str(&'a [u8]),
    /// A literal string with backslash escapes, as written between its
    /// parentheses: [`decode_literal`] gives its bytes.
    Esc(&'a [u8]),
    /// A hex string as written, between `<` and `>`: [`decode_hex`] gives
    /// its bytes.
    Hex(&'a [u8]),
    /// An array of the operator: its items are [`Lexer::items`]`(start, end)`.
    /// (An array inside an array is one [`Tok::Other`] item.)
    Arr(u32, u32),
    /// Anything else: dictionaries, booleans, null.
    Other,
}

impl<'a> Tok<'a> {
    /// The number, or 0.
    pub fn num(&self) -> f32 {
        match self {
            Tok::Num(n) => *n,
            _ => 0.0,
        }
    }

    /// The name's bytes, escapes decoded.
    pub fn name(&self) -> Option<Cow<'a, [u8]>> {
        match self {
            Tok::Name(n) => Some(decode_name(n)),
            _ => None,
        }
    }
}

/// A name's bytes (`raw` as in [`Tok::Name`]) with its `#xx` escapes
/// decoded; borrowed when it has none (nearly always).
pub fn decode_name(raw: &[u8]) -> Cow<'_, [u8]> {
    if !raw.contains(&b'#') {
        return Cow::Borrowed(raw);
    }
    let mut out = Vec::with_capacity(raw.len());
    let mut k = 0;
    while k < raw.len() {
        if raw[k] == b'#'
            && k + 2 < raw.len()
            && let (Some(a), Some(b)) = (
                (raw[k + 1] as char).to_digit(16),
                (raw[k + 2] as char).to_digit(16),
            )
        {
            out.push((a * 16 + b) as u8);
            k += 3;
        } else {
            out.push(raw[k]);
            k += 1;
        }
    }
    Cow::Owned(out)
}

/// The bytes of a literal string with escapes (`raw` as in [`Tok::Esc`]),
/// appended to `out`.
pub fn decode_literal(raw: &[u8], out: &mut Vec<u8>) {
    out.reserve(raw.len());
    let mut k = 0;
    while k < raw.len() {
        let b = raw[k];
        if b != b'\\' {
            out.push(b);
            k += 1;
            continue;
        }
        k += 1;
        let Some(&e) = raw.get(k) else { break };
        k += 1;
        match e {
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'\r' => {
                if raw.get(k) == Some(&b'\n') {
                    k += 1;
                }
            }
            b'\n' => {}
            b'0'..=b'7' => {
                let mut v = u32::from(e - b'0');
                for _ in 0..2 {
                    match raw.get(k) {
                        Some(d @ b'0'..=b'7') => {
                            v = v * 8 + u32::from(d - b'0');
                            k += 1;
                        }
                        _ => break,
                    }
                }
                out.push((v & 0xFF) as u8);
            }
            other => out.push(other),
        }
    }
}

/// The bytes of a hex string's digits (`raw` as in [`Tok::Hex`]), appended
/// to `out`: characters other than hex digits are skipped, and an odd last
/// digit counts as if followed by 0.
pub fn decode_hex(raw: &[u8], out: &mut Vec<u8>) {
    out.reserve(raw.len() / 2 + 1);
    // Usually nothing but digits, two by two: those without the general
    // loop's bookkeeping, up to the first byte that is no digit.
    let mut i = 0;
    while let (Some(&a), Some(&b)) = (raw.get(i), raw.get(i + 1)) {
        let (a, b) = (HEX[a as usize], HEX[b as usize]);
        if a > 15 || b > 15 {
            break;
        }
        out.push(a * 16 + b);
        i += 2;
    }
    let mut half: Option<u8> = None;
    for &b in raw.get(i..).unwrap_or_default() {
        let v = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => b - b'a' + 10,
            b'A'..=b'F' => b - b'A' + 10,
            _ => continue,
        };
        match half.take() {
            Some(h) => out.push(h * 16 + v),
            None => half = Some(v),
        }
    }
    if let Some(h) = half {
        out.push(h * 16);
    }
}

/// The bytes of a hex string's digits one by one, as [`decode_hex`] gives
/// them, without a buffer: characters other than hex digits are skipped,
/// and an odd last digit counts as if followed by 0.
pub fn hex_bytes(raw: &[u8]) -> HexBytes<'_> {
    HexBytes { raw, i: 0 }
}

/// See [`hex_bytes`].
pub struct HexBytes<'a> {
    raw: &'a [u8],
    i: usize,
}

impl HexBytes<'_> {
    /// The next digit's value, if any is left.
    #[inline]
    fn digit(&mut self) -> Option<u8> {
        while let Some(&b) = self.raw.get(self.i) {
            self.i += 1;
            let v = HEX[b as usize];
            if v < 16 {
                return Some(v);
            }
        }
        None
    }
}

impl Iterator for HexBytes<'_> {
    type Item = u8;

    #[inline]
    fn next(&mut self) -> Option<u8> {
        let hi = self.digit()?;
        Some(hi * 16 + self.digit().unwrap_or(0))
    }
}

/// The value of each hex digit; 255 for other bytes.
static HEX: [u8; 256] = {
    let mut t = [255u8; 256];
    let mut i = 0;
    while i < 10 {
        t[b'0' as usize + i] = i as u8;
        i += 1;
    }
    let mut i = 0;
    while i < 6 {
        t[b'a' as usize + i] = 10 + i as u8;
        t[b'A' as usize + i] = 10 + i as u8;
        i += 1;
    }
    t
};

/// Most nested arrays kept (deeper content is flattened away).
const MAX_DEPTH: usize = 32;

/// Most operands kept of one operator.
const OPERANDS_CAP: usize = 64;

/// Most items kept of one array.
const ARRAY_CAP: usize = 100_000;

/// Streams operators out of content bytes.
pub struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
    /// The operands of the last operator.
    ops: Vec<Tok<'a>>,
    /// The items of its arrays, one range each.
    items: Vec<Tok<'a>>,
}

/// Byte classes, looked up once per byte: scanning words and whitespace is
/// most of the lexer's work.
const WHITE: u8 = 1;
const DELIM: u8 = 2;
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let white = b" \n\r\t\x0c\0";
    let mut i = 0;
    while i < white.len() {
        t[white[i] as usize] = WHITE;
        i += 1;
    }
    let delim = b"()<>[]{}/%";
    let mut i = 0;
    while i < delim.len() {
        t[delim[i] as usize] = DELIM;
        i += 1;
    }
    t
};

fn is_ws(b: u8) -> bool {
    CLASS[b as usize] == WHITE
}

/// Does a number start with this byte?
fn starts_number(b: u8) -> bool {
    matches!(b, b'+' | b'-' | b'.' | b'0'..=b'9')
}

impl<'a> Lexer<'a> {
    /// A lexer over decompressed content.
    pub fn new(data: &'a [u8]) -> Self {
        Lexer {
            data,
            pos: 0,
            ops: Vec::new(),
            items: Vec::new(),
        }
    }

    /// The operands of the operator [`Lexer::next_op`] returned last.
    pub fn operands(&self) -> &[Tok<'a>] {
        &self.ops
    }

    /// The items of one of its arrays ([`Tok::Arr`]'s range).
    pub fn items(&self, start: u32, end: u32) -> &[Tok<'a>] {
        self.items
            .get(start as usize..end as usize)
            .unwrap_or_default()
    }

    fn skip_ws(&mut self) {
        while self.pos < self.data.len() {
            let b = self.data[self.pos];
            if is_ws(b) {
                self.pos += 1;
            } else if b == b'%' {
                while self.pos < self.data.len()
                    && self.data[self.pos] != b'\n'
                    && self.data[self.pos] != b'\r'
                {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    #[inline(always)]
    fn regular(&mut self) -> &'a [u8] {
        let start = self.pos;
        while self.pos < self.data.len() && CLASS[self.data[self.pos] as usize] == 0 {
            self.pos += 1;
        }
        &self.data[start..self.pos]
    }

    /// A number, read as it is scanned: signs, digits, a point and digits;
    /// whatever else its word holds is skipped. No digits is no number.
    #[inline(always)]
    fn number(&mut self) -> Tok<'a> {
        let s = self.data;
        let mut i = self.pos;
        let mut v: f64 = 0.0;
        let mut neg = false;
        while i < s.len() && (s[i] == b'-' || s[i] == b'+') {
            neg ^= s[i] == b'-';
            i += 1;
        }
        let mut digits = 0;
        while i < s.len() && s[i].is_ascii_digit() {
            v = v * 10.0 + f64::from(s[i] - b'0');
            i += 1;
            digits += 1;
        }
        if i < s.len() && s[i] == b'.' {
            i += 1;
            let mut scale = 0.1;
            while i < s.len() && s[i].is_ascii_digit() {
                v += f64::from(s[i] - b'0') * scale;
                scale *= 0.1;
                i += 1;
                digits += 1;
            }
        }
        // Signs, digits and the point are regular bytes: the rest of the
        // word, if any ("1.2.3", "5abc"), is left out of the value.
        self.pos = i;
        self.regular();
        if digits == 0 {
            return Tok::Other;
        }
        let v = if neg { -v } else { v };
        let v = v as f32;
        if v.is_finite() {
            Tok::Num(v)
        } else {
            Tok::Other
        }
    }

    fn literal(&mut self) -> Tok<'a> {
        // At '('.
        self.pos += 1;
        let start = self.pos;
        let mut depth = 1usize;
        let mut plain = true;
        let mut i = self.pos;
        while i < self.data.len() {
            match self.data[i] {
                b'\\' => {
                    plain = false;
                    i += 1;
                }
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
        let end = i.min(self.data.len());
        self.pos = (end + 1).min(self.data.len());
        let raw = &self.data[start..end];
        if plain { Tok::Str(raw) } else { Tok::Esc(raw) }
    }

    fn hex(&mut self) -> &'a [u8] {
        // At '<' (not '<<'): up to '>' or the end.
        let start = self.pos + 1;
        let end = self.data[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(self.data.len(), |k| start + k);
        self.pos = (end + 1).min(self.data.len());
        &self.data[start..end]
    }

    fn skip_dict(&mut self) {
        // At '<<': skip to the matching '>>', strings included.
        let mut depth = 0usize;
        while self.pos < self.data.len() {
            match self.data[self.pos] {
                b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                    depth += 1;
                    self.pos += 2;
                }
                b'>' if self.data.get(self.pos + 1) == Some(&b'>') => {
                    self.pos += 2;
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return;
                    }
                }
                b'(' => {
                    self.literal();
                }
                _ => self.pos += 1,
            }
        }
    }

    fn name(&mut self) -> &'a [u8] {
        self.pos += 1;
        self.regular()
    }

    /// An array at `depth` (0 for an operand), at '['. The items of an
    /// operand's array go to `items`; a nested array is lexed the same way
    /// but kept as one [`Tok::Other`] (no operator reads one).
    fn array(&mut self, depth: usize) -> Tok<'a> {
        if depth >= MAX_DEPTH {
            // Deeper nesting is garbage: do not recurse further.
            self.pos += 1;
            return Tok::Other;
        }
        self.pos += 1;
        let start = self.items.len();
        loop {
            self.skip_ws();
            let Some(&b) = self.data.get(self.pos) else {
                break;
            };
            if b == b']' {
                self.pos += 1;
                break;
            }
            // Numbers and hex strings, a text array's usual items, without
            // the call.
            let item = if starts_number(b) {
                Ok(self.number())
            } else if b == b'<' && self.data.get(self.pos + 1) != Some(&b'<') {
                Ok(Tok::Hex(self.hex()))
            } else {
                self.operand(b, depth + 1)
            };
            match item {
                Ok(t) => {
                    if depth == 0 && self.items.len() - start < ARRAY_CAP {
                        self.items.push(t);
                    }
                }
                // An operator inside an array: malformed, skip the word.
                Err(w) => {
                    if w.is_empty() {
                        self.pos += 1;
                    }
                }
            }
        }
        if depth == 0 {
            Tok::Arr(start as u32, self.items.len() as u32)
        } else {
            Tok::Other
        }
    }

    /// The operand starting with byte `b` (at `pos`, past whitespace), or
    /// the word that is no operand: an operator.
    fn operand(&mut self, b: u8, depth: usize) -> Result<Tok<'a>, &'a [u8]> {
        Ok(match b {
            // Numbers first: the most frequent operands.
            _ if starts_number(b) => self.number(),
            b'<' if self.data.get(self.pos + 1) != Some(&b'<') => Tok::Hex(self.hex()),
            b'<' => {
                self.skip_dict();
                Tok::Other
            }
            b'/' => Tok::Name(self.name()),
            b'(' => self.literal(),
            b'[' => self.array(depth),
            b']' | b')' | b'>' | b'{' | b'}' => {
                self.pos += 1;
                Tok::Other
            }
            _ => return self.word(),
        })
    }

    /// A word of regular bytes: a keyword operand, or else an operator.
    #[inline(always)]
    fn word(&mut self) -> Result<Tok<'a>, &'a [u8]> {
        match self.regular() {
            b"true" | b"false" | b"null" => Ok(Tok::Other),
            w => Err(w),
        }
    }

    /// The next operator, its operands then in [`Lexer::operands`].
    pub fn next_op(&mut self) -> Option<&'a [u8]> {
        // Tokens own nothing: the last operator's are dropped at once.
        self.ops.clear();
        self.items.clear();
        loop {
            self.skip_ws();
            let &b = self.data.get(self.pos)?;
            // Numbers, the most frequent operands, and the operator's own
            // word without the call.
            let operand = if starts_number(b) {
                Ok(self.number())
            } else if CLASS[b as usize] == 0 {
                self.word()
            } else {
                self.operand(b, 0)
            };
            match operand {
                Ok(t) if self.ops.len() < OPERANDS_CAP => self.ops.push(t),
                // Dropped past the cap, with its items if an array.
                Ok(t) => {
                    if let Tok::Arr(start, _) = t {
                        self.items.truncate(start as usize);
                    }
                }
                Err(op) => {
                    if op.is_empty() {
                        self.pos += 1;
                        continue;
                    }
                    if op == b"BI" {
                        self.skip_inline_image();
                    }
                    return Some(op);
                }
            }
        }
    }

    fn skip_inline_image(&mut self) {
        // Skip the image dictionary up to ID, then the data up to a
        // whitespace-delimited EI.
        while self.pos + 1 < self.data.len() {
            if &self.data[self.pos..self.pos + 2] == b"ID"
                && (self.pos == 0 || is_ws(self.data[self.pos - 1]))
                && self.data.get(self.pos + 2).is_none_or(|b| is_ws(*b))
            {
                self.pos += 3;
                break;
            }
            self.pos += 1;
        }
        while self.pos + 1 < self.data.len() {
            if &self.data[self.pos..self.pos + 2] == b"EI"
                && self.pos > 0
                && is_ws(self.data[self.pos - 1])
                && self.data.get(self.pos + 2).is_none_or(|b| is_ws(*b))
            {
                self.pos += 2;
                return;
            }
            self.pos += 1;
        }
        self.pos = self.data.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each operator with its operands and the items of its arrays.
    type Op<'a> = (String, Vec<Tok<'a>>, Vec<Vec<Tok<'a>>>);

    fn all(src: &[u8]) -> Vec<Op<'_>> {
        let mut lx = Lexer::new(src);
        let mut out = Vec::new();
        while let Some(op) = lx.next_op() {
            let arrays = lx
                .operands()
                .iter()
                .filter_map(|t| match *t {
                    Tok::Arr(a, b) => Some(lx.items(a, b).to_vec()),
                    _ => None,
                })
                .collect();
            let name = String::from_utf8_lossy(op).into_owned();
            out.push((name, lx.operands().to_vec(), arrays));
        }
        out
    }

    fn literal(raw: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        decode_literal(raw, &mut out);
        out
    }

    #[test]
    fn operators_and_operands() {
        let r = all(b"BT /F1 12 Tf 1 0 0 1 50.5 -.5 Tm [(A\\(b\\)) -250 <00410042> (c)] TJ (x\\101\\n) ' ET % c\nq");
        let ops: Vec<&str> = r.iter().map(|(o, _, _)| o.as_str()).collect();
        assert_eq!(ops, ["BT", "Tf", "Tm", "TJ", "'", "ET", "q"]);
        assert_eq!(r[1].1[0], Tok::Name(b"F1"));
        assert_eq!(r[2].1[5], Tok::Num(-0.5));
        let a = &r[3].2[0];
        assert_eq!(a[0], Tok::Esc(b"A\\(b\\)"));
        assert_eq!(literal(b"A\\(b\\)"), b"A(b)");
        assert_eq!(a[1], Tok::Num(-250.));
        assert_eq!(a[2], Tok::Hex(b"00410042"));
        assert_eq!(a[3], Tok::Str(b"c"));
        assert_eq!(r[4].1[0], Tok::Esc(b"x\\101\\n"));
        assert_eq!(literal(b"x\\101\\n"), b"xA\n");
        assert_eq!(literal(b"a\\\r\nb\\7\\0101\\q\\"), b"ab\x07\x081q");
    }

    #[test]
    fn numbers_names_and_nested_arrays() {
        let r = all(b"1.2.3 5abc --5 +-5 - . 1e5 /A#42c#4 /B [1 [2 [3]] /N (s) true] x");
        let (op, o, arrays) = &r[0];
        assert_eq!(op, "x");
        let want = [
            Tok::Num(1.2),
            Tok::Num(5.),
            Tok::Num(5.),
            Tok::Num(-5.),
            Tok::Other,
            Tok::Other,
            Tok::Num(1.),
        ];
        assert_eq!(&o[..7], want);
        assert_eq!(o[7].name().as_deref(), Some(&b"ABc#4"[..]));
        assert_eq!(o[8].name().as_deref(), Some(&b"B"[..]));
        assert!(matches!(o[9], Tok::Arr(..)));
        let items = [
            Tok::Num(1.),
            Tok::Other,
            Tok::Name(b"N"),
            Tok::Str(b"s"),
            Tok::Other,
        ];
        assert_eq!(arrays[0], items);
        // Past the operand cap, arrays are dropped with their items.
        let many = format!("{} x", "[1 2] ".repeat(100));
        let r = all(many.as_bytes());
        assert_eq!(r[0].1.len(), OPERANDS_CAP);
        assert!(r[0].2.iter().all(|a| a == &[Tok::Num(1.), Tok::Num(2.)]));
    }

    #[test]
    fn hex_strings_decode() {
        let mut out = Vec::new();
        decode_hex(b"00 41\n0a4Bz7", &mut out);
        assert_eq!(out, [0, 0x41, 0x0A, 0x4B, 0x70]);
        // Pairs, then the general way from the first byte that is no digit.
        for (raw, want) in [
            (&b"0041fF"[..], &[0x00, 0x41, 0xFF][..]),
            (b"004", &[0x00, 0x40]),
            (b"0 041", &[0x00, 0x41]),
            (b"00x4142", &[0x00, 0x41, 0x42]),
            (b"", &[]),
        ] {
            let mut out = Vec::new();
            decode_hex(raw, &mut out);
            assert_eq!(out, want, "{raw:?}");
        }
        // Byte by byte, the same.
        for raw in [
            &b"00 41\n0a4Bz7"[..],
            b"0041fF",
            b"004",
            b"0 041",
            b"00x4142",
            b"",
            b"z",
            b"4",
        ] {
            let mut want = Vec::new();
            decode_hex(raw, &mut want);
            assert_eq!(hex_bytes(raw).collect::<Vec<u8>>(), want, "{raw:?}");
        }
        let r = all(b"<41> Tj <4> Tj <4 Tj");
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].1, [Tok::Hex(b"41")]);
        assert_eq!(r[1].1, [Tok::Hex(b"4")]);
    }

    #[test]
    fn inline_images_dicts_and_garbage() {
        let r = all(b"/P <</MCID 3 /A (x>>)>> BDC BI /W 2 /H 2 ID \x00EI\xff\n EI Q");
        let ops: Vec<&str> = r.iter().map(|(o, _, _)| o.as_str()).collect();
        assert_eq!(ops, ["BDC", "BI", "Q"]);
        // Unterminated constructs end quietly.
        let _ = all(b"[ (abc");
        let _ = all(b"<< /A [");
        let _ = all(b")))]]]>>>{}");
        let _ = all(&[0xff; 100]);
        // Deep nesting must not overflow the stack.
        let _ = all(&[b'['; 200_000]);
        let _ = all(&[b'('; 200_000]);
        let _ = all(&[b'<'; 200_000]);
    }
}
