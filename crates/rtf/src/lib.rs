//! Reads Rich Text Format (`.rtf`) minutes into the `minutes` document model.
//!
//! Case-management systems export RTF, Word and LibreOffice save it, and
//! macOS TextEdit writes it by default (Cocoa RTF). The reader is in three
//! layers:
//!
//! - `lex`: bytes into tokens — groups, control words with their parameter,
//!   control symbols, `\'xx` bytes, text, `\binN` data;
//! - `interp`: tokens into text with properties. Each group saves and
//!   restores its state (bold `\b`, italic `\i`, strike-through `\strike`,
//!   underline, super/subscript, hidden `\v`, the font, `\ucN`, the paragraph
//!   properties). Text in `\'xx` and raw 8-bit bytes is decoded in the code
//!   page of the document (`\ansicpgN`, `\mac`) or of the current font
//!   (`\fcharsetN` in the font table), with encoding_rs; `\uN` is a UTF-16
//!   unit (surrogate pairs joined) followed by `\ucN` fallback characters
//!   that are skipped. Destinations that are not shown (the font, colour
//!   and style tables, `\info`, `\pict`, footnotes, every `{\*\…}` group the
//!   reader does not know) are skipped; headers and footers go to
//!   [`Document::furniture`]. Fields: the result is the text, and a
//!   `HYPERLINK "url"` instruction makes it a link ([`Run::link`]).
//! - `build`: paragraphs into blocks, the way the Word reader represents
//!   them: a paragraph whose printed list label (`\listtext`, `\pntext`)
//!   is a number ("1.", "a)") keeps the label in [`Paragraph::label`]; one
//!   whose label is a bullet ("•", "⁃") is an entry of a [`List`] (at its
//!   `\ilvlN` level); `\intbl` paragraphs go into cells, `\cell` ends a cell,
//!   `\row` a row, `\trowd…\cellxN` defines the row (`\clmrg` and `\clvmrg`
//!   merges, `\trhdr` header rows); `\outlinelevelN` or a "heading N" style
//!   makes a heading; `\line` is a line break in the paragraph and `\page` a
//!   [`BlockKind::PageBreak`].
//!
//! Bounded: the lexer and the interpreter loop over tokens without
//! recursion; groups nested deeper than 256 share their parent's state (a
//! warning), so 100,000 nested groups cost neither stack nor memory. A file
//! that ends inside groups (truncated) gives what was read and a warning.
//! [`Span`]s give the byte offsets of a paragraph in the file, `line` its
//! ordinal, `page` 1 + the `\page` breaks before it.
//!
//! [`Document::furniture`]: minutes_model::Document::furniture
//! [`Run::link`]: minutes_model::Run::link
//! [`Paragraph::label`]: minutes_model::Paragraph::label
//! [`List`]: minutes_model::List
//! [`BlockKind::PageBreak`]: minutes_model::BlockKind::PageBreak
//! [`Span`]: minutes_model::Span
#![deny(missing_docs)]

mod build;
mod interp;
mod lex;

use minutes_model::{Document, Format, ReadOptions};

/// Why an RTF file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file has no bytes.
    #[error("the file is empty")]
    Empty,
    /// The bytes do not start with `{\rtf`.
    #[error("not an RTF file: it does not start with {{\\rtf")]
    NotRtf,
    /// Nothing visible was found.
    #[error("the RTF file holds no text")]
    NoText,
}

/// True when `bytes` start like an RTF file (after white space or a UTF-8
/// byte-order mark).
pub fn is_rtf(bytes: &[u8]) -> bool {
    let b = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    b.get(start..).is_some_and(|r| r.starts_with(b"{\\rtf"))
}

/// Read an RTF file's bytes into a [`Document`].
pub fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Document, Error> {
    if bytes.is_empty() {
        return Err(Error::Empty);
    }
    if !is_rtf(bytes) {
        return Err(Error::NotRtf);
    }
    let out = interp::Interp::run(bytes, opts.keep_furniture);
    let (blocks, furniture) = out.builder.finish();
    let mut doc = Document {
        blocks,
        furniture,
        diagnostics: out.diagnostics,
        ..Document::default()
    };
    doc.source.format = Some(Format::Rtf);
    doc.normalize();
    if doc.blocks.is_empty() {
        return Err(Error::NoText);
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use minutes_model::{BlockKind, Role, Style};

    fn read_str(s: &str) -> Document {
        read(s.as_bytes(), &ReadOptions::default()).expect("reads")
    }

    #[test]
    fn paragraphs_styles_and_code_page() {
        let doc = read_str(
            "{\\rtf1\\ansi\\ansicpg1252{\\fonttbl\\f0\\fswiss Arial;}{\\colortbl;\\red0;}\n{\\info{\\title Hidden}}\\f0 M\\'f6te {\\b Beslut:} godk\\'e4nns.\\par\n{\\strike Anna} n\\'e4rvarande\\line rad 2\\par}",
        );
        let BlockKind::Paragraph(p) = &doc.blocks[0].kind else {
            panic!("{:?}", doc.blocks)
        };
        assert_eq!(p.text(), "Möte Beslut: godkänns.");
        assert_eq!(p.runs[1].text, "Beslut:");
        assert!(p.runs[1].style.contains(Style::BOLD));
        let BlockKind::Paragraph(p) = &doc.blocks[1].kind else {
            panic!()
        };
        assert!(p.runs[0].style.contains(Style::STRIKE));
        assert_eq!(p.text(), "Anna närvarande\nrad 2");
        assert_eq!(doc.blocks.len(), 2, "the info group is skipped");
    }

    #[test]
    fn unicode_with_fallback_and_other_code_pages() {
        let doc = read_str(
            "{\\rtf1\\ansi\\ansicpg1251\\uc1 \\'cf\\'f0\\u246?te {\\uc2\\u8364 EU}x \\u-10179?\\u-8704?\\par}",
        );
        assert_eq!(doc.plain_text(), "Пр\u{f6}te \u{20ac}x \u{1f600}");
    }

    #[test]
    fn hyperlink_fields_become_links() {
        let doc = read_str(
            "{\\rtf1 Se {\\field{\\*\\fldinst{HYPERLINK \"https://example.org/b.pdf\"}}{\\fldrslt{\\ul bilaga}}} h\\'e4r.\\par}",
        );
        let BlockKind::Paragraph(p) = &doc.blocks[0].kind else {
            panic!()
        };
        assert_eq!(p.text(), "Se bilaga här.");
        let link = p.runs.iter().find(|r| r.text == "bilaga").unwrap();
        assert_eq!(link.link.as_deref(), Some("https://example.org/b.pdf"));
    }

    #[test]
    fn tables_from_cells_and_rows() {
        let doc = read_str(
            "{\\rtf1 F\\'f6re\\par\\trowd\\trhdr\\cellx1000\\cellx5000\\pard\\intbl Nr\\cell Punkt\\cell\\row\\trowd\\cellx1000\\cellx5000\\pard\\intbl 1.\\cell \\'d6ppnande\\par Ordf\\'f6randen \\'f6ppnade.\\cell\\row\\pard Efter\\par}",
        );
        assert_eq!(doc.blocks.len(), 3);
        let BlockKind::Table(t) = &doc.blocks[1].kind else {
            panic!("{:?}", doc.blocks)
        };
        assert_eq!(t.rows.len(), 2);
        assert!(t.rows[0].header && !t.rows[1].header);
        assert_eq!(t.rows[1].cells[1].blocks.len(), 2);
        assert_eq!(
            doc.blocks[1].plain_text(),
            "Nr\tPunkt\n1.\tÖppnande Ordföranden öppnade."
        );
        assert_eq!(doc.blocks[2].plain_text(), "Efter");
    }

    #[test]
    fn merged_cells_appear_once() {
        let doc = read_str(
            "{\\rtf1\\trowd\\clmgf\\cellx1\\clmrg\\cellx2\\clvmgf\\cellx3\\intbl a\\cell\\cell b\\cell\\row\\trowd\\cellx1\\cellx2\\clvmrg\\cellx3\\intbl c\\cell d\\cell\\cell\\row}",
        );
        let BlockKind::Table(t) = &doc.blocks[0].kind else {
            panic!("{:?}", doc.blocks)
        };
        assert_eq!(t.rows[0].cells.len(), 2);
        assert_eq!(t.rows[0].cells[0].col_span, 2);
        assert_eq!(t.rows[0].cells[1].row_span, 2);
        assert_eq!(t.rows[1].cells.len(), 2);
    }

    #[test]
    fn list_labels_numbered_paragraphs_and_bullets() {
        // As macOS TextEdit writes them (Cocoa RTF).
        let doc = read_str(
            "{\\rtf1\\ansi\n\\pard\\ls1\\ilvl0\\b {\\listtext\t1.\t}Rapporter\\\n\\pard\\ls2\\ilvl1\\b0 {\\listtext\t\n\\f1 \\uc0\\u8259 \n\\f0 \t}Kort\\\n{\\listtext\t\\uc0\\u8259 \t}M\\'e5l\\\n\\pard Slut\\\n}",
        );
        let BlockKind::Paragraph(p) = &doc.blocks[0].kind else {
            panic!("{:?}", doc.blocks)
        };
        assert_eq!(p.label.as_deref(), Some("1."));
        assert_eq!(p.text(), "Rapporter");
        assert!(p.runs[0].style.contains(Style::BOLD));
        let BlockKind::List(l) = &doc.blocks[1].kind else {
            panic!("{:?}", doc.blocks)
        };
        assert_eq!(l.items.len(), 2);
        assert_eq!(l.items[0].label.as_deref(), Some("\u{2043}"));
        assert_eq!(l.items[0].level, 1);
        assert_eq!(l.items[1].blocks[0].plain_text(), "Mål");
        assert_eq!(doc.blocks[2].plain_text(), "Slut");
    }

    #[test]
    fn word_95_bullets_in_the_symbol_font() {
        let doc = read_str(
            "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0\\froman Times;}{\\f3\\fnil\\fcharset2 Symbol;}}{\\*\\pnseclvl1\\pnucrm}\n\\pard{\\pntext\\f3\\'b7\\tab}{\\*\\pn\\pnlvlblt{\\pntxtb\\'b7}}\\ls1 Kaffe\\par{\\pntext\\f3\\'b7\\tab}Kaka\\par\\pard {\\* \\bkmkstart x}Efter\\par}",
        );
        let BlockKind::List(l) = &doc.blocks[0].kind else {
            panic!("{:?}", doc.blocks)
        };
        assert_eq!(l.items.len(), 2);
        assert_eq!(l.items[0].label.as_deref(), Some("\u{2022}"));
        assert_eq!(doc.blocks[1].plain_text(), "Efter");
    }

    #[test]
    fn headings_by_outline_level_or_style_and_furniture() {
        let doc = read_str(
            "{\\rtf1{\\stylesheet{\\s0 Normal;}{\\s2\\outlinelevel1 heading 2;}}{\\header \\pard Sidhuvud\\par}\\pard\\s2 Beslut\\par\\pard\\outlinelevel0 Protokoll\\par\\pard Text\\par}",
        );
        let roles: Vec<Role> = doc
            .blocks
            .iter()
            .filter_map(|b| match &b.kind {
                BlockKind::Paragraph(p) => Some(p.role),
                _ => None,
            })
            .collect();
        assert_eq!(roles, [Role::Heading(2), Role::Heading(1), Role::Body]);
        assert_eq!(doc.furniture.len(), 1);
        assert_eq!(doc.furniture[0].plain_text(), "Sidhuvud");
    }

    #[test]
    fn not_rtf_empty_and_textless_files_are_errors() {
        let o = ReadOptions::default();
        assert!(matches!(read(b"", &o), Err(Error::Empty)));
        assert!(matches!(read(b"hello", &o), Err(Error::NotRtf)));
        assert!(matches!(
            read(b"{\\rtf1{\\fonttbl x;}}", &o),
            Err(Error::NoText)
        ));
    }

    #[test]
    fn truncated_files_give_what_was_read() {
        let full = "{\\rtf1\\ansi{\\fonttbl\\f0 Arial;}\\f0 M\\'f6te \\u246?x {\\b fet\\par}\\trowd\\cellx1\\intbl a\\cell\\row}";
        for end in 0..full.len() {
            let r = read(&full.as_bytes()[..end], &ReadOptions::default());
            if let Ok(doc) = r {
                assert!(!doc.blocks.is_empty());
            }
        }
        let doc = read_str("{\\rtf1 M\\'f6te {\\b fet");
        assert_eq!(doc.plain_text(), "Möte fet");
        assert!(doc.diagnostics.iter().any(|d| d.code == "rtf.truncated"));
    }

    #[test]
    fn groups_nested_100000_deep_are_read_flat() {
        let mut s = String::from("{\\rtf1 ");
        s.push_str(&"{\\b ".repeat(100_000));
        s.push_str("djup");
        s.push_str(&"}".repeat(100_000));
        s.push_str(" slut\\par}");
        let doc = read_str(&s);
        assert_eq!(doc.plain_text(), "djup slut");
        assert!(doc.diagnostics.iter().any(|d| d.code == "rtf.deep-groups"));
        // Unbalanced the other way: more closing braces than opening ones.
        let doc = read_str(&format!("{{\\rtf1 a{} b\\par}}", "}".repeat(100_000)));
        assert_eq!(doc.plain_text(), "a b");
    }

    #[test]
    fn mutated_real_files_read_or_fail_cleanly() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../fixtures/corpus/223_chalmers-tda367-projektgrupp-mote-2012-05-15-mixed-en.rtf"
        );
        let original = std::fs::read(path).expect("the corpus .rtf");
        let doc = read(&original, &ReadOptions::default()).expect("reads");
        assert!(doc.plain_text().contains("Isabelle Frölich"));
        // A small deterministic mutation loop: flipped, dropped and
        // duplicated bytes, and RTF's specials put anywhere.
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n.max(1) as u64) as usize
        };
        for _ in 0..300 {
            let mut bytes = original.clone();
            for _ in 0..1 + next(8) {
                let at = next(bytes.len());
                match next(4) {
                    0 => bytes[at] = next(256) as u8,
                    1 => {
                        bytes.remove(at);
                    }
                    2 => bytes.insert(at, b"{}\\'*"[next(5)]),
                    _ => bytes.truncate(at),
                }
                if bytes.is_empty() {
                    break;
                }
            }
            let _ = read(&bytes, &ReadOptions::default());
        }
    }

    #[test]
    fn invalid_bytes_and_escapes_do_not_panic() {
        let o = ReadOptions::default();
        let inputs: [&[u8]; 6] = [
            b"{\\rtf1\\ansicpg932 \\'82\\'a0\\'82\\par}",
            b"{\\rtf1 \xff\xfe\x00\x80 text\\par}",
            b"{\\rtf1\\ansicpg-5\\uc-3\\u99999999 x\\par}",
            b"{\\rtf1\\u-1\\u55296\\u56320 y\\'zz\\par}",
            b"{\\rtf1\\bin999999999 }",
            b"{\\rtf1\\trowd\\clvmrg\\cellx1\\clmrg\\cellx2\\intbl\\cell\\cell\\row z\\par}",
        ];
        for bytes in inputs {
            let _ = read(bytes, &o);
        }
        let doc = read(b"{\\rtf1\\ansicpg932 \\'82\\'a0x\\par}", &o).unwrap();
        assert_eq!(doc.plain_text(), "\u{3042}x");
    }
}
