//! Turning bytes into text: UTF-8, UTF-16 (with a byte-order mark or
//! without, told by its zero bytes), and the 8-bit code pages of old
//! Swedish text files: Windows-1252, DOS's code page 850 and Mac Roman.

use minutes_model::Diagnostic;

/// The decoded text and what the decoding had to guess.
pub struct Decoded {
    /// The text, without byte-order mark, line ends normalised to `\n`.
    pub text: String,
    /// A warning when the bytes were not UTF-8.
    pub diagnostic: Option<Diagnostic>,
}

/// The UTF-16 the bytes are written in: by the byte-order mark, or, without
/// one, by the zero high bytes of Latin text (a Windows "Unicode" export
/// without its mark); `None` for anything else.
pub fn utf16_encoding(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Some(encoding_rs::UTF_16LE);
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Some(encoding_rs::UTF_16BE);
    }
    let head = &bytes[..bytes.len().min(8192) & !1];
    let pairs = head.len() / 2;
    if pairs < 8 {
        return None;
    }
    let (mut even_zero, mut odd_zero) = (0, 0);
    for pair in head.chunks_exact(2) {
        even_zero += usize::from(pair[0] == 0);
        odd_zero += usize::from(pair[1] == 0);
    }
    // Most characters of Swedish text are below U+0100: one byte of each
    // pair is zero, the other almost never.
    let mostly = |n: usize| n * 10 >= pairs * 7;
    let rarely = |n: usize| n * 20 <= pairs;
    if mostly(odd_zero) && rarely(even_zero) {
        Some(encoding_rs::UTF_16LE)
    } else if mostly(even_zero) && rarely(odd_zero) {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// An 8-bit code page an old text file may be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CodePage {
    Windows1252,
    /// DOS's Western European code page (Swedish text files from DOS).
    Ibm850,
    /// Mac Roman (classic Mac OS).
    Macintosh,
}

impl CodePage {
    fn decode(self, bytes: &[u8]) -> String {
        match self {
            CodePage::Windows1252 => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
            CodePage::Macintosh => encoding_rs::MACINTOSH.decode(bytes).0.into_owned(),
            CodePage::Ibm850 => oem_cp::decode_string_complete_table(
                bytes,
                &oem_cp::code_table::DECODING_TABLE_CP850,
            ),
        }
    }

    fn code(self) -> &'static str {
        match self {
            CodePage::Windows1252 => "text.encoding.windows-1252",
            CodePage::Ibm850 => "text.encoding.ibm850",
            CodePage::Macintosh => "text.encoding.macintosh",
        }
    }

    fn name(self) -> &'static str {
        match self {
            CodePage::Windows1252 => "Windows-1252",
            CodePage::Ibm850 => "code page 850 (DOS)",
            CodePage::Macintosh => "Mac Roman",
        }
    }
}

/// How Swedish a decoding reads. A Swedish letter counts for it inside a
/// word, closing one, or opening one before a small letter; a symbol or a
/// foreign letter inside a word counts against it ("Styrelsem”te" is code
/// page 850 read as Windows-1252, "Styrelsem÷te" the other way round).
/// A quotation mark at a word's edge ("”Eken”") counts for nothing: code
/// page 850 reads Windows-1252's ” as "ö", but "öEkenö" opens with it
/// before a capital.
fn swedish_score(text: &str) -> i64 {
    const SWEDISH: &str = "åäöÅÄÖ";
    // Latin letters a Swedish text may hold count for nothing (code page
    // 850 reads Mac Roman's "ö" as "Ü").
    const LATIN: &str = "éÉèüÜæøÆØáàëï";
    let chars: Vec<char> = text.chars().collect();
    let mut score = 0;
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii() {
            continue;
        }
        let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let after = chars.get(i + 1).copied();
        let letter_before = before.is_some_and(char::is_alphabetic);
        let letter_after = after.is_some_and(char::is_alphabetic);
        if SWEDISH.contains(c) {
            if letter_before || after.is_some_and(char::is_lowercase) {
                score += 3;
            }
        } else if LATIN.contains(c) {
            continue;
        } else if letter_before && letter_after {
            score -= if c.is_alphabetic() { 1 } else { 2 };
        }
    }
    score
}

/// Decode `bytes`. Never fails: bytes that are not UTF-8 are read in the
/// 8-bit code page that reads most like Swedish (Windows-1252 on a tie:
/// every byte maps to a character), with a warning naming it.
pub fn decode(bytes: &[u8]) -> Decoded {
    let (text, diagnostic) = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        (String::from_utf8_lossy(rest).into_owned(), None)
    } else if let Some(enc) = utf16_encoding(bytes) {
        // decode() drops a byte-order mark that matches.
        let (t, _, _) = enc.decode(bytes);
        (t.into_owned(), None)
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_string(), None),
            Err(e) => {
                let mut best: Option<(i64, CodePage, String)> = None;
                for page in [CodePage::Windows1252, CodePage::Ibm850, CodePage::Macintosh] {
                    let text = page.decode(bytes);
                    let score = swedish_score(&text);
                    if best.as_ref().is_none_or(|(b, _, _)| score > *b) {
                        best = Some((score, page, text));
                    }
                }
                let (_, page, text) = best.unwrap_or_else(|| {
                    let page = CodePage::Windows1252;
                    (0, page, page.decode(bytes))
                });
                let d = Diagnostic::warning(
                    page.code(),
                    format!(
                        "not valid UTF-8 (first bad byte at offset {}): decoded as {}",
                        e.valid_up_to(),
                        page.name()
                    ),
                );
                (text, Some(d))
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

    #[test]
    fn utf16_without_its_byte_order_mark() {
        for big_endian in [false, true] {
            let mut bytes = Vec::new();
            for u in "Protokoll styrelsemöte\nBeslut: Avgiften höjs.".encode_utf16() {
                bytes.extend_from_slice(&if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                });
            }
            assert_eq!(
                decode(&bytes).text,
                "Protokoll styrelsemöte\nBeslut: Avgiften höjs."
            );
        }
        // Binary data with zero bytes here and there is no UTF-16.
        assert!(
            utf16_encoding(&[0u8, 1, 2, 0, 0, 0, 7, 8, 9, 0, 0, 1, 2, 3, 0, 0, 5, 6]).is_none()
        );
    }

    #[test]
    fn dos_and_mac_code_pages_are_told_from_windows_1252() {
        // "Styrelsemöte i Åre, Örjan är där" in code page 850 and Mac Roman.
        let cp850 = b"Styrelsem\x94te i \x8fre, \x99rjan \x84r d\x84r";
        let d = decode(cp850);
        assert_eq!(d.text, "Styrelsemöte i Åre, Örjan är där");
        assert_eq!(
            d.diagnostic.map(|d| d.code),
            Some("text.encoding.ibm850".to_string())
        );
        let mac = b"Styrelsem\x9ate i \x81re, \x85rjan \x8ar d\x8ar";
        let d = decode(mac);
        assert_eq!(d.text, "Styrelsemöte i Åre, Örjan är där");
        assert_eq!(
            d.diagnostic.map(|d| d.code),
            Some("text.encoding.macintosh".to_string())
        );
    }

    #[test]
    fn windows_1252_quotation_marks_are_no_dos_letters() {
        // "Protokoll ”Styrelsemöte” för BRF ”Eken”." as Word saves it.
        let d = decode(b"Protokoll \x94Styrelsem\xf6te\x94 f\xf6r BRF \x94Eken\x94.");
        assert_eq!(d.text, "Protokoll ”Styrelsemöte” för BRF ”Eken”.");
        assert_eq!(
            d.diagnostic.map(|d| d.code),
            Some("text.encoding.windows-1252".to_string())
        );
    }
}
