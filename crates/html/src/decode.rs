//! Bytes into text: the encoding from a byte-order mark, else from a
//! `<meta charset>` (or `http-equiv` content type) in the first kilobyte,
//! else UTF-8 when the bytes are valid UTF-8, else Windows-1252 (with a
//! warning), as browsers do for old Swedish pages.

use encoding_rs::Encoding;
use minutes_model::Diagnostic;

/// The decoded page and what decoding had to guess.
pub struct Decoded {
    /// The text.
    pub text: String,
    /// A warning when the encoding was guessed or the bytes were invalid.
    pub diagnostic: Option<Diagnostic>,
}

/// Decode an HTML page.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom..).unwrap_or_default();
        let (text, had_errors) = enc.decode_without_bom_handling(rest);
        return Decoded {
            text: text.into_owned(),
            diagnostic: had_errors.then(|| invalid(enc)),
        };
    }
    if let Some(enc) = meta_charset(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        return Decoded {
            text: text.into_owned(),
            diagnostic: had_errors.then(|| invalid(enc)),
        };
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded {
            text: s.to_string(),
            diagnostic: None,
        },
        Err(e) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            Decoded {
                text: text.into_owned(),
                diagnostic: Some(Diagnostic::warning(
                    "html.encoding.windows-1252",
                    format!(
                        "no charset declared and not valid UTF-8 (first bad byte at offset {}): decoded as Windows-1252",
                        e.valid_up_to()
                    ),
                )),
            }
        }
    }
}

fn invalid(enc: &'static Encoding) -> Diagnostic {
    Diagnostic::warning(
        "html.encoding.invalid",
        format!(
            "bytes that are not valid {}: replaced by U+FFFD",
            enc.name()
        ),
    )
}

/// The encoding a `<meta>` tag in the first kilobyte declares.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..bytes.len().min(1024)).unwrap_or_default();
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find(lower.get(from..)?, b"<meta") {
        let tag_start = from + at;
        let tag_end = find(lower.get(tag_start..)?, b">").map_or(lower.len(), |e| tag_start + e);
        let tag = lower.get(tag_start..tag_end)?;
        if let Some(label) = charset_label(tag)
            && let Some(enc) = Encoding::for_label(label)
        {
            // A page cannot declare itself UTF-16 in ASCII: the HTML
            // standard reads such a declaration as UTF-8.
            return Some(
                if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                    encoding_rs::UTF_8
                } else {
                    enc
                },
            );
        }
        from = tag_end;
    }
    None
}

/// The value after `charset=` in a tag.
fn charset_label(tag: &[u8]) -> Option<&[u8]> {
    let at = find(tag, b"charset")?;
    let rest = tag.get(at + 7..)?;
    let rest = rest.get(rest.iter().position(|c| !c.is_ascii_whitespace())?..)?;
    let rest = rest.strip_prefix(b"=")?;
    let start = rest
        .iter()
        .position(|c| !c.is_ascii_whitespace() && *c != b'"' && *c != b'\'')?;
    let rest = rest.get(start..)?;
    let len = rest
        .iter()
        .position(|c| !(c.is_ascii_alphanumeric() || b"-_.:".contains(c)))
        .unwrap_or(rest.len());
    rest.get(..len).filter(|l| !l.is_empty())
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_then_meta_then_utf8_then_windows_1252() {
        assert_eq!(decode(b"\xef\xbb\xbf<p>M\xc3\xb6te").text, "<p>Möte");
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("<p>Möte".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&utf16).text, "<p>Möte");
        let d = decode(b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><p>M\xf6te");
        assert!(d.text.ends_with("Möte") && d.diagnostic.is_none());
        let d = decode(b"<META CHARSET='windows-1251'><p>\xcf");
        assert!(d.text.ends_with('П'));
        assert!(decode("<p>Möte".as_bytes()).diagnostic.is_none());
        let d = decode(b"<p>M\xf6te");
        assert_eq!(d.text, "<p>Möte");
        assert!(d.diagnostic.is_some());
        // Declared UTF-8 but not: replacement characters and a warning.
        let d = decode(b"<meta charset=utf-8><p>M\xf6te");
        assert!(d.text.contains('\u{fffd}') && d.diagnostic.is_some());
        // A declaration of UTF-16 in an ASCII page is UTF-8.
        assert_eq!(
            decode("<meta charset=utf-16><p>Möte".as_bytes()).text,
            "<meta charset=utf-16><p>Möte"
        );
    }
}
