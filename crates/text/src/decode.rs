//! Turning bytes into text: UTF-8, UTF-16 with a byte-order mark, and the
//! Windows-1252 of old Swedish text exports.

use minutes_model::Diagnostic;

/// The decoded text and what the decoding had to guess.
pub struct Decoded {
    /// The text, without byte-order mark, line ends normalised to `\n`.
    pub text: String,
    /// A warning when the bytes were not UTF-8.
    pub diagnostic: Option<Diagnostic>,
}

/// Decode `bytes`. Never fails: bytes that are not UTF-8 are read as
/// Windows-1252 (every byte maps to a character), with a warning, because
/// that is what Swedish text exports from older systems are.
pub fn decode(bytes: &[u8]) -> Decoded {
    let (text, diagnostic) = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        (String::from_utf8_lossy(rest).into_owned(), None)
    } else if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let enc = if bytes[0] == 0xFF {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (t, _, _) = enc.decode(bytes);
        (t.into_owned(), None)
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_string(), None),
            Err(e) => {
                let (t, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
                let d = Diagnostic::warning(
                    "text.encoding.windows-1252",
                    format!(
                        "not valid UTF-8 (first bad byte at offset {}): decoded as Windows-1252",
                        e.valid_up_to()
                    ),
                );
                (t.into_owned(), Some(d))
            }
        }
    };
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    Decoded { text, diagnostic }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through_and_bom_is_dropped() {
        let d = decode("\u{feff}Möte\r\nPlats".as_bytes());
        assert_eq!(d.text, "Möte\nPlats");
        assert!(d.diagnostic.is_none());
    }

    #[test]
    fn windows_1252_is_decoded_with_a_warning() {
        let d = decode(b"M\xf6tesanteckningar \x96 \xe5r");
        assert_eq!(d.text, "Mötesanteckningar – år");
        assert_eq!(
            d.diagnostic.map(|d| d.code),
            Some("text.encoding.windows-1252".to_string())
        );
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Beslut".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes).text, "Beslut");
    }
}
