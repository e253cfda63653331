//! A content-stream lexer: operators with their operands, borrowed from the
//! stream where possible. lopdf's parser builds an owned `Object` tree for
//! every operand and took half of the reading time; this one only allocates
//! for escaped strings and arrays, and even those buffers are reused. Hex
//! strings stay undecoded until used ([`decode_hex`]): LibreOffice writes
//! every line as a `TJ` array of many short hex strings, and allocating their
//! bytes was a large share of the reading time. Malformed input never panics:
//! unknown bytes are skipped, and an unterminated construct ends the stream.

use std::borrow::Cow;

/// One operand.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok<'a> {
    /// A number (integers too).
    Num(f32),
    /// A name without its slash (`#xx` escapes decoded).
    Name(Cow<'a, [u8]>),
    /// A string's bytes (escapes decoded).
    Str(Cow<'a, [u8]>),
    /// A hex string as written, between `<` and `>`: [`decode_hex`] gives
    /// its bytes.
    Hex(&'a [u8]),
    /// An array.
    Arr(Vec<Tok<'a>>),
    /// Anything else: dictionaries, booleans, null.
    Other,
}

impl Tok<'_> {
    /// The number, or 0.
    pub fn num(&self) -> f32 {
        match self {
            Tok::Num(n) => *n,
            _ => 0.0,
        }
    }

    /// The name's bytes.
    pub fn name(&self) -> Option<&[u8]> {
        match self {
            Tok::Name(n) => Some(n),
            _ => None,
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

/// Most spare buffers kept for reuse, of each kind.
const POOL: usize = 256;
/// Largest buffer kept for reuse (bytes or tokens): a huge one is freed.
const POOL_CAPACITY: usize = 4096;

/// Streams operators out of content bytes.
pub struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
    /// Byte buffers of the previous operator's strings, for reuse.
    spare_bytes: Vec<Vec<u8>>,
    /// Token buffers of the previous operator's arrays, for reuse.
    spare_arrays: Vec<Vec<Tok<'a>>>,
}

/// What comes next in the stream.
enum Next<'a> {
    /// An operand (see [`Lexer::token`]).
    Operand,
    /// A word that is no operand: an operator (position after it).
    Word(&'a [u8]),
    /// The end of the data.
    End,
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

fn parse_num(s: &[u8]) -> Option<f32> {
    let mut v: f64 = 0.0;
    let mut neg = false;
    let mut i = 0;
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
    if digits == 0 {
        return None;
    }
    let v = if neg { -v } else { v };
    let v = v as f32;
    v.is_finite().then_some(v)
}

impl<'a> Lexer<'a> {
    /// A lexer over decompressed content.
    pub fn new(data: &'a [u8]) -> Self {
        Lexer {
            data,
            pos: 0,
            spare_bytes: Vec::new(),
            spare_arrays: Vec::new(),
        }
    }

    /// Keep a finished operand's buffers for the next operands.
    fn recycle(&mut self, t: Tok<'a>) {
        match t {
            Tok::Str(Cow::Owned(mut b)) | Tok::Name(Cow::Owned(mut b))
                if self.spare_bytes.len() < POOL && b.capacity() <= POOL_CAPACITY =>
            {
                b.clear();
                self.spare_bytes.push(b);
            }
            Tok::Arr(mut items) => {
                for t in items.drain(..) {
                    // Most items are numbers and hex strings: nothing to keep.
                    if matches!(
                        t,
                        Tok::Str(Cow::Owned(_)) | Tok::Name(Cow::Owned(_)) | Tok::Arr(_)
                    ) {
                        self.recycle(t);
                    }
                }
                if self.spare_arrays.len() < POOL && items.capacity() <= POOL_CAPACITY {
                    self.spare_arrays.push(items);
                }
            }
            _ => {}
        }
    }

    /// An empty byte buffer, reused when possible.
    fn bytes(&mut self) -> Vec<u8> {
        self.spare_bytes.pop().unwrap_or_default()
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

    fn regular(&mut self) -> &'a [u8] {
        let start = self.pos;
        while self.pos < self.data.len() && CLASS[self.data[self.pos] as usize] == 0 {
            self.pos += 1;
        }
        &self.data[start..self.pos]
    }

    fn literal(&mut self) -> Cow<'a, [u8]> {
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
        if plain {
            return Cow::Borrowed(raw);
        }
        let mut out = self.bytes();
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
        Cow::Owned(out)
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

    fn name(&mut self) -> Cow<'a, [u8]> {
        self.pos += 1;
        let raw = self.regular();
        if !raw.contains(&b'#') {
            return Cow::Borrowed(raw);
        }
        let mut out = self.bytes();
        out.reserve(raw.len());
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

    /// The next operand, pushed onto `out` (dropped when `out` holds `cap`
    /// already), or the operator word that ends the operands.
    fn token(&mut self, depth: usize, out: &mut Vec<Tok<'a>>, cap: usize) -> Next<'a> {
        self.skip_ws();
        let Some(&b) = self.data.get(self.pos) else {
            return Next::End;
        };
        let t = match b {
            b'/' => Tok::Name(self.name()),
            b'(' => Tok::Str(self.literal()),
            b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                self.skip_dict();
                Tok::Other
            }
            b'<' => Tok::Hex(self.hex()),
            b'[' if depth >= MAX_DEPTH => {
                // Deeper nesting is garbage: do not recurse further.
                self.pos += 1;
                Tok::Other
            }
            b'[' => {
                self.pos += 1;
                let mut items = self.spare_arrays.pop().unwrap_or_default();
                loop {
                    self.skip_ws();
                    match self.data.get(self.pos) {
                        None => break,
                        Some(b']') => {
                            self.pos += 1;
                            break;
                        }
                        // A text array's usual items, hex strings and
                        // numbers, as `token` reads them, without the call.
                        Some(b'<') if self.data.get(self.pos + 1) != Some(&b'<') => {
                            let t = Tok::Hex(self.hex());
                            if items.len() < ARRAY_CAP {
                                items.push(t);
                            }
                        }
                        Some(b'+' | b'-' | b'.' | b'0'..=b'9') => {
                            let t = match parse_num(self.regular()) {
                                Some(n) => Tok::Num(n),
                                None => Tok::Other,
                            };
                            if items.len() < ARRAY_CAP {
                                items.push(t);
                            }
                        }
                        Some(_) => match self.token(depth + 1, &mut items, ARRAY_CAP) {
                            Next::Operand => {}
                            // An operator inside an array: malformed, skip the word.
                            Next::Word(w) => {
                                if w.is_empty() {
                                    self.pos += 1;
                                }
                            }
                            Next::End => break,
                        },
                    }
                }
                Tok::Arr(items)
            }
            b']' | b')' | b'>' | b'{' | b'}' => {
                self.pos += 1;
                Tok::Other
            }
            b'+' | b'-' | b'.' | b'0'..=b'9' => {
                let w = self.regular();
                match parse_num(w) {
                    Some(n) => Tok::Num(n),
                    None => Tok::Other,
                }
            }
            _ => {
                let w = self.regular();
                match w {
                    b"true" | b"false" | b"null" => Tok::Other,
                    _ => return Next::Word(w),
                }
            }
        };
        if out.len() < cap {
            out.push(t);
        } else {
            self.recycle(t);
        }
        Next::Operand
    }

    /// The next operator, with its operands in `ops` (cleared first).
    pub fn next_op(&mut self, ops: &mut Vec<Tok<'a>>) -> Option<&'a [u8]> {
        for t in ops.drain(..) {
            if matches!(
                t,
                Tok::Str(Cow::Owned(_)) | Tok::Name(Cow::Owned(_)) | Tok::Arr(_)
            ) {
                self.recycle(t);
            }
        }
        loop {
            // Numbers, the most frequent operands, as `token` reads them.
            self.skip_ws();
            if let Some(b'+' | b'-' | b'.' | b'0'..=b'9') = self.data.get(self.pos) {
                let t = match parse_num(self.regular()) {
                    Some(n) => Tok::Num(n),
                    None => Tok::Other,
                };
                if ops.len() < OPERANDS_CAP {
                    ops.push(t);
                }
                continue;
            }
            match self.token(0, ops, OPERANDS_CAP) {
                Next::Operand => {}
                Next::End => return None,
                Next::Word(op) => {
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

    fn all(src: &[u8]) -> Vec<(String, Vec<Tok<'_>>)> {
        let mut lx = Lexer::new(src);
        let mut ops = Vec::new();
        let mut out = Vec::new();
        while let Some(op) = lx.next_op(&mut ops) {
            out.push((String::from_utf8_lossy(op).into_owned(), ops.clone()));
        }
        out
    }

    #[test]
    fn operators_and_operands() {
        let r = all(b"BT /F1 12 Tf 1 0 0 1 50.5 -.5 Tm [(A\\(b\\)) -250 <00410042>] TJ (x\\101\\n) ' ET % c\nq");
        let ops: Vec<&str> = r.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(ops, ["BT", "Tf", "Tm", "TJ", "'", "ET", "q"]);
        assert_eq!(r[1].1[0], Tok::Name(Cow::Borrowed(b"F1")));
        assert_eq!(r[2].1[5], Tok::Num(-0.5));
        let Tok::Arr(a) = &r[3].1[0] else {
            panic!("array")
        };
        assert_eq!(a[0], Tok::Str(Cow::Owned(b"A(b)".to_vec())));
        assert_eq!(a[1], Tok::Num(-250.));
        assert_eq!(a[2], Tok::Hex(b"00410042"));
        assert_eq!(r[4].1[0], Tok::Str(Cow::Owned(b"xA\n".to_vec())));
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
        let r = all(b"<41> Tj <4> Tj <4 Tj");
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].1, [Tok::Hex(b"41")]);
        assert_eq!(r[1].1, [Tok::Hex(b"4")]);
    }

    #[test]
    fn inline_images_dicts_and_garbage() {
        let r = all(b"/P <</MCID 3 /A (x>>)>> BDC BI /W 2 /H 2 ID \x00EI\xff\n EI Q");
        let ops: Vec<&str> = r.iter().map(|(o, _)| o.as_str()).collect();
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
