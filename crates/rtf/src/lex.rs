//! Scanning: RTF bytes into tokens. Knows the syntax (groups, control words,
//! control symbols, hex escapes, `\binN` data) and nothing of their meaning.

/// One token of RTF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token<'a> {
    /// `{`
    Open,
    /// `}`
    Close,
    /// `\word` or `\wordN` (the parameter, when there is one).
    Word(&'a str, Option<i32>),
    /// A control symbol: `\~`, `\-`, `\_`, `\*`, `\{`, `\}`, `\\`, and `\`
    /// before a line end (a paragraph mark in old writers).
    Symbol(u8),
    /// `\'xx`: one byte in the document's code page.
    Byte(u8),
    /// Literal text bytes (no line ends, no specials).
    Text(&'a [u8]),
    /// Binary data after `\binN`.
    Binary(&'a [u8]),
}

/// A token with the byte offset where it starts.
pub struct Lexer<'a> {
    bytes: &'a [u8],
    pos: usize,
}

/// Longest control word the RTF specification allows, and longest parameter.
const MAX_WORD: usize = 32;
const MAX_PARAM_DIGITS: usize = 10;

impl<'a> Lexer<'a> {
    /// A lexer at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Lexer { bytes, pos: 0 }
    }

    /// Byte offset of the next token.
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// The next token and its offset, `None` at the end.
    pub fn next_token(&mut self) -> Option<(usize, Token<'a>)> {
        loop {
            let start = self.pos;
            let b = *self.bytes.get(self.pos)?;
            match b {
                b'{' => {
                    self.pos += 1;
                    return Some((start, Token::Open));
                }
                b'}' => {
                    self.pos += 1;
                    return Some((start, Token::Close));
                }
                b'\\' => return Some((start, self.control())),
                // Line ends in RTF text are not content.
                b'\r' | b'\n' | 0 => self.pos += 1,
                _ => {
                    let rest = self.bytes.get(self.pos..).unwrap_or_default();
                    let len = rest
                        .iter()
                        .position(|&c| matches!(c, b'{' | b'}' | b'\\' | b'\r' | b'\n' | 0))
                        .unwrap_or(rest.len());
                    self.pos += len;
                    return Some((start, Token::Text(rest.get(..len).unwrap_or_default())));
                }
            }
        }
    }

    /// After a backslash.
    fn control(&mut self) -> Token<'a> {
        self.pos += 1;
        let Some(&c) = self.bytes.get(self.pos) else {
            return Token::Symbol(b'\\');
        };
        if !c.is_ascii_alphabetic() {
            self.pos += 1;
            if c == b'\'' {
                let hex = self.bytes.get(self.pos..self.pos + 2);
                if let Some(v) = hex
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                {
                    self.pos += 2;
                    return Token::Byte(v);
                }
                // A broken escape: read past the quote.
                return Token::Text(b"");
            }
            let sym = if c == b'\r' || c == b'\n' { b'\n' } else { c };
            return Token::Symbol(sym);
        }
        let rest = self.bytes.get(self.pos..).unwrap_or_default();
        let letters = rest
            .iter()
            .take(MAX_WORD)
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        let word = std::str::from_utf8(rest.get(..letters).unwrap_or_default()).unwrap_or("");
        self.pos += letters;
        // Letters past the limit are not part of the word: skip them.
        while self
            .bytes
            .get(self.pos)
            .is_some_and(u8::is_ascii_alphabetic)
        {
            self.pos += 1;
        }
        let mut param = None;
        let negative = self.bytes.get(self.pos) == Some(&b'-')
            && self.bytes.get(self.pos + 1).is_some_and(u8::is_ascii_digit);
        if negative {
            self.pos += 1;
        }
        let digits_start = self.pos;
        while self.bytes.get(self.pos).is_some_and(u8::is_ascii_digit) {
            self.pos += 1;
        }
        if self.pos > digits_start {
            let digits = self
                .bytes
                .get(digits_start..self.pos.min(digits_start + MAX_PARAM_DIGITS))
                .and_then(|d| std::str::from_utf8(d).ok())
                .and_then(|d| d.parse::<i64>().ok())
                .unwrap_or(0);
            let v = if negative { -digits } else { digits };
            param = Some(v.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32);
        }
        // One space after a control word is its delimiter.
        if self.bytes.get(self.pos) == Some(&b' ') {
            self.pos += 1;
        }
        if word == "bin" {
            let n = param.unwrap_or(0).max(0) as usize;
            let end = self.pos.saturating_add(n).min(self.bytes.len());
            let data = self.bytes.get(self.pos..end).unwrap_or_default();
            self.pos = end;
            return Token::Binary(data);
        }
        Token::Word(word, param)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(s: &[u8]) -> Vec<Token<'_>> {
        let mut l = Lexer::new(s);
        std::iter::from_fn(|| l.next_token().map(|(_, t)| t)).collect()
    }

    #[test]
    fn words_symbols_hex_and_text() {
        let t = tokens(b"{\\rtf1\\b0 Hej \\'f6\\~x\\u-3913?\r\n\\*\\bin2 {}y}");
        assert_eq!(
            t,
            vec![
                Token::Open,
                Token::Word("rtf", Some(1)),
                Token::Word("b", Some(0)),
                Token::Text(b"Hej "),
                Token::Byte(0xf6),
                Token::Symbol(b'~'),
                Token::Text(b"x"),
                Token::Word("u", Some(-3913)),
                Token::Text(b"?"),
                Token::Symbol(b'*'),
                Token::Binary(b"{}"),
                Token::Text(b"y"),
                Token::Close,
            ]
        );
    }

    #[test]
    fn truncated_escapes_do_not_panic() {
        for s in [&b"\\"[..], b"\\'", b"\\'4", b"\\bin99", b"\\u-", b"\\abc-"] {
            let _ = tokens(s);
        }
        assert_eq!(
            tokens(b"\\b99999999999999"),
            vec![Token::Word("b", Some(i32::MAX))]
        );
    }
}
