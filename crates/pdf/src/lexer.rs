//! A content-stream lexer: operators with their operands, borrowed from the
//! stream where possible. lopdf's parser builds an owned `Object` tree for
//! every operand and took half of the reading time; this one only allocates
//! for escaped strings and arrays. Malformed input never panics: unknown bytes
//! are skipped, and an unterminated construct ends the stream.

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

/// Most nested arrays kept (deeper content is flattened away).
const MAX_DEPTH: usize = 32;

/// Streams operators out of content bytes.
pub struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0c' | b'\0')
}

fn is_delim(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
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
        Lexer { data, pos: 0 }
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
        while self.pos < self.data.len()
            && !is_ws(self.data[self.pos])
            && !is_delim(self.data[self.pos])
        {
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
        let mut out = Vec::with_capacity(raw.len());
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

    fn hex(&mut self) -> Cow<'a, [u8]> {
        // At '<' (not '<<').
        self.pos += 1;
        let mut out = Vec::new();
        let mut half: Option<u8> = None;
        while self.pos < self.data.len() && self.data[self.pos] != b'>' {
            if let Some(v) = (self.data[self.pos] as char).to_digit(16) {
                match half.take() {
                    Some(h) => out.push(h * 16 + v as u8),
                    None => half = Some(v as u8),
                }
            }
            self.pos += 1;
        }
        if let Some(h) = half {
            out.push(h * 16);
        }
        self.pos = (self.pos + 1).min(self.data.len());
        Cow::Owned(out)
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

    /// One operand, or `None` at an operator or the end (position unchanged then).
    fn operand(&mut self, depth: usize) -> Option<Tok<'a>> {
        self.skip_ws();
        let b = *self.data.get(self.pos)?;
        Some(match b {
            b'/' => Tok::Name(self.name()),
            b'(' => Tok::Str(self.literal()),
            b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                self.skip_dict();
                Tok::Other
            }
            b'<' => Tok::Str(self.hex()),
            b'[' if depth >= MAX_DEPTH => {
                // Deeper nesting is garbage: do not recurse further.
                self.pos += 1;
                Tok::Other
            }
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_ws();
                    match self.data.get(self.pos) {
                        None => break,
                        Some(b']') => {
                            self.pos += 1;
                            break;
                        }
                        Some(_) => match self.operand(depth + 1) {
                            Some(t) => {
                                if items.len() < 100_000 {
                                    items.push(t);
                                }
                            }
                            None => {
                                // An operator inside an array: malformed, skip the word.
                                let w = self.regular();
                                if w.is_empty() {
                                    self.pos += 1;
                                }
                            }
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
                let save = self.pos;
                let w = self.regular();
                match w {
                    b"true" | b"false" | b"null" => Tok::Other,
                    _ => {
                        self.pos = save;
                        return None;
                    }
                }
            }
        })
    }

    /// The next operator, with its operands in `ops` (cleared first).
    pub fn next_op(&mut self, ops: &mut Vec<Tok<'a>>) -> Option<&'a [u8]> {
        ops.clear();
        loop {
            if let Some(t) = self.operand(0) {
                if ops.len() < 64 {
                    ops.push(t);
                }
                continue;
            }
            self.skip_ws();
            if self.pos >= self.data.len() {
                return None;
            }
            let op = self.regular();
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
        assert_eq!(a[2], Tok::Str(Cow::Owned(vec![0, 0x41, 0, 0x42])));
        assert_eq!(r[4].1[0], Tok::Str(Cow::Owned(b"xA\n".to_vec())));
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
