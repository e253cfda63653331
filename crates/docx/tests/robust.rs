//! Robustness: every fixture reads or fails with a named problem, never a
//! panic; hostile packages built in memory give the right errors.

use minutes_docx::{Error, read};
use minutes_model::ReadOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

fn files(dir: &Path, pred: impl Fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && pred(p))
        .collect();
    v.sort();
    v
}

fn is_docx(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "docx")
}

fn read_file(p: &Path) -> Result<minutes_model::Document, Error> {
    read(&std::fs::read(p).unwrap(), &ReadOptions::default())
}

#[test]
fn every_fixture_reads_or_names_its_problem() {
    let root = fixtures();
    let mut all = files(&root.join("testdocs"), is_docx);
    all.extend(files(&root.join("testdocs/robust"), |_| true));
    all.extend(files(&root.join("real"), is_docx));
    assert!(all.len() >= 15, "fixtures missing: {all:?}");
    for p in &all {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        match read_file(p) {
            Ok(doc) => {
                assert!(!doc.blocks.is_empty(), "{name}: no blocks");
                assert_eq!(doc.source.format, Some(minutes_model::Format::Docx));
            }
            Err(e) => {
                let msg = e.to_string();
                assert!(
                    name == "truncated.docx" || name == "notadocx.xlsx",
                    "{name}: unexpected error {msg}"
                );
                assert!(!msg.is_empty());
            }
        }
    }
}

fn wordlike() -> minutes_model::Document {
    read_file(&fixtures().join("testdocs/wordlike.docx")).unwrap()
}

#[test]
fn prefix_strict_bom_variants_read_like_the_original() {
    let want = wordlike().plain_text();
    for name in [
        "prefix_ns0.docx",
        "strict_ns.docx",
        "bom_pretty.docx",
        "lvltext_attr_order.docx",
    ] {
        let doc = read_file(&fixtures().join("testdocs/robust").join(name)).unwrap();
        assert_eq!(doc.plain_text(), want, "{name}");
    }
}

#[test]
fn prefix_and_strict_keep_styles_numbering_links_and_notes() {
    let want = wordlike();
    for name in ["prefix_ns0.docx", "strict_ns.docx"] {
        let doc = read_file(&fixtures().join("testdocs/robust").join(name)).unwrap();
        assert_eq!(doc.dump(), want.dump(), "{name}");
    }
}

#[test]
fn level_text_without_attribute_guesses_and_says_so() {
    let doc = read_file(&fixtures().join("testdocs/robust/lvltext_noattr.docx")).unwrap();
    let labels: Vec<String> = doc
        .blocks
        .iter()
        .flat_map(|b| b.paragraphs())
        .filter_map(|p| p.label.clone())
        .collect();
    assert!(labels.contains(&"1.1".to_string()), "{labels:?}");
    assert!(
        doc.diagnostics
            .iter()
            .any(|d| d.code == "docx.numbering.missing-level-text")
    );
}

#[test]
fn truncated_zip_is_a_damaged_zip() {
    let e = read_file(&fixtures().join("testdocs/robust/truncated.docx")).unwrap_err();
    assert!(matches!(e, Error::CorruptZip { .. }), "{e}");
    assert!(e.to_string().contains("truncated"), "{e}");
}

#[test]
fn xlsx_is_not_a_word_document() {
    let e = read_file(&fixtures().join("testdocs/robust/notadocx.xlsx")).unwrap_err();
    assert!(matches!(e, Error::NotWord { .. }), "{e}");
    assert!(e.to_string().contains(".xlsx"), "{e}");
}

#[test]
fn ole2_is_the_legacy_doc_error() {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(4096, 0);
    let e = read(&bytes, &ReadOptions::default()).unwrap_err();
    assert!(matches!(e, Error::LegacyDoc), "{e}");
    let msg = e.to_string();
    assert!(msg.contains("Word 97-2003 .doc"), "{msg}");
    assert!(
        msg.contains("libreoffice --headless --convert-to docx"),
        "{msg}"
    );
}

#[test]
fn encrypted_ole2_is_named() {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(1024, 0);
    bytes.extend(
        "EncryptedPackage"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes()),
    );
    let e = read(&bytes, &ReadOptions::default()).unwrap_err();
    assert!(matches!(e, Error::Encrypted), "{e}");
}

#[test]
fn other_files_are_not_zips() {
    for (bytes, what) in [
        (&b"%PDF-1.7\n..."[..], "PDF"),
        (&b"{\\rtf1\\ansi hello}"[..], "RTF"),
        (&b"hello world"[..], "no zip signature"),
    ] {
        let e = read(bytes, &ReadOptions::default()).unwrap_err();
        assert!(matches!(e, Error::NotZip { .. }), "{e}");
        assert!(e.to_string().contains(what), "{e}");
    }
    let e = read(b"", &ReadOptions::default()).unwrap_err();
    assert!(matches!(e, Error::Empty), "{e}");
    // A zip signature and nothing else.
    let e = read(b"PK\x03\x04garbage", &ReadOptions::default()).unwrap_err();
    assert!(matches!(e, Error::CorruptZip { .. }), "{e}");
}

/// A zip with the given (name, content) parts, deflated.
fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in parts {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

fn doc_xml(body: &str) -> Vec<u8> {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>"#
    )
    .into_bytes()
}

#[test]
fn zip_bomb_is_stopped_by_counting() {
    // 2 MB of one repeated paragraph deflates to a few kilobytes.
    let para = "<w:p><w:r><w:t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</w:t></w:r></w:p>";
    let body = para.repeat(2 * 1024 * 1024 / para.len());
    let bytes = zip_of(&[("word/document.xml", &doc_xml(&body))]);
    assert!(bytes.len() < 200_000, "{}", bytes.len());
    let opts = ReadOptions {
        max_inflated_bytes: 512 * 1024,
        ..ReadOptions::default()
    };
    let e = read(&bytes, &opts).unwrap_err();
    assert!(matches!(e, Error::TooLarge { .. }), "{e}");
    assert!(e.to_string().contains("word/document.xml"), "{e}");
    // Within the default limit it reads.
    assert!(read(&bytes, &ReadOptions::default()).is_ok());
}

#[test]
fn malformed_document_xml_is_an_error() {
    for body in [
        "<w:p><w:r><w:t>open</w:r></w:p>",
        "<w:p><w:r><w:t>never closed",
    ] {
        let bytes = zip_of(&[("word/document.xml", &doc_xml(body))]);
        let e = read(&bytes, &ReadOptions::default()).unwrap_err();
        assert!(matches!(e, Error::Xml { .. }), "{body}: {e}");
        assert!(e.to_string().contains("word/document.xml"), "{e}");
    }
}

#[test]
fn zip_without_document_is_not_word() {
    let bytes = zip_of(&[("hello.txt", b"hi")]);
    let e = read(&bytes, &ReadOptions::default()).unwrap_err();
    assert!(matches!(e, Error::NotWord { .. }), "{e}");
}

#[test]
fn deep_nesting_is_refused_not_a_stack_overflow() {
    let depth = 5000;
    let mut body = String::new();
    for _ in 0..depth {
        body.push_str("<w:tbl><w:tr><w:tc>");
    }
    body.push_str("<w:p><w:r><w:t>deep</w:t></w:r></w:p>");
    for _ in 0..depth {
        body.push_str("</w:tc></w:tr></w:tbl>");
    }
    let bytes = zip_of(&[("word/document.xml", &doc_xml(&body))]);
    let e = read(&bytes, &ReadOptions::default()).unwrap_err();
    assert!(matches!(e, Error::TooDeep { .. }), "{e}");
    // Moderate nesting reads, with the text in the innermost cell.
    let mut body = String::new();
    for _ in 0..10 {
        body.push_str("<w:tbl><w:tr><w:tc>");
    }
    body.push_str("<w:p><w:r><w:t>deep</w:t></w:r></w:p>");
    for _ in 0..10 {
        body.push_str("</w:tc></w:tr></w:tbl>");
    }
    let bytes = zip_of(&[("word/document.xml", &doc_xml(&body))]);
    let doc = read(&bytes, &ReadOptions::default()).unwrap();
    assert_eq!(doc.plain_text(), "deep");
    // Paragraphs in paragraphs and runs in runs are bounded too.
    for (open, close) in [("<w:p>", "</w:p>"), ("<w:r>", "</w:r>")] {
        let body = format!(
            "<w:p>{}<w:r><w:t>x</w:t></w:r>{}</w:p>",
            open.repeat(20_000),
            close.repeat(20_000)
        );
        let bytes = zip_of(&[("word/document.xml", &doc_xml(&body))]);
        let e = read(&bytes, &ReadOptions::default()).unwrap_err();
        assert!(matches!(e, Error::TooDeep { .. }), "{e}");
    }
    // A huge gridSpan or gridBefore does not allocate a huge grid.
    let body = r#"<w:tbl><w:tr><w:trPr><w:gridBefore w:val="4000000000"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="999999999"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>wide</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#;
    let bytes = zip_of(&[("word/document.xml", &doc_xml(body))]);
    let doc = read(&bytes, &ReadOptions::default()).unwrap();
    assert_eq!(doc.plain_text(), "wide");
    // Many rows of very wide merged cells stay cheap, and merge correctly.
    let row = r#"<w:tr><w:tc><w:tcPr><w:gridSpan w:val="1000"/><w:vMerge w:val="restart"/></w:tcPr><w:p/></w:tc><w:tc><w:tcPr><w:gridSpan w:val="1000"/></w:tcPr><w:p/></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:gridSpan w:val="1000"/><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:tcPr><w:gridSpan w:val="1000"/></w:tcPr><w:p/></w:tc></w:tr>"#;
    let body = format!("<w:tbl>{}</w:tbl>", row.repeat(5_000));
    let bytes = zip_of(&[("word/document.xml", &doc_xml(&body))]);
    let doc = read(&bytes, &ReadOptions::default()).unwrap();
    let minutes_model::BlockKind::Table(t) = &doc.blocks[0].kind else {
        panic!("no table")
    };
    assert_eq!(t.rows.len(), 10_000);
    assert_eq!(t.rows[0].cells[0].row_span, 2);
    assert_eq!(t.rows[1].cells.len(), 1);
}

#[test]
fn malformed_side_parts_are_diagnostics() {
    let bytes = zip_of(&[
        (
            "word/document.xml",
            &doc_xml(
                r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>"#,
            ),
        ),
        ("word/styles.xml", b"<w:styles><w:style"),
        ("word/numbering.xml", b"<a></b>"),
    ]);
    let doc = read(&bytes, &ReadOptions::default()).unwrap();
    assert_eq!(doc.plain_text(), "x");
    let codes: Vec<&str> = doc.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(codes.contains(&"docx.styles.malformed"), "{codes:?}");
    assert!(codes.contains(&"docx.numbering.malformed"), "{codes:?}");
    assert!(codes.contains(&"docx.numbering.missing-num"), "{codes:?}");
}

#[test]
fn garbage_inside_a_valid_zip_never_panics() {
    // Cut-off documents at every few bytes.
    let good = String::from_utf8(doc_xml(
        r#"<w:p><w:hyperlink r:id="x"><w:r><w:fldChar w:fldCharType="end"/><w:t>a&amp;b&#x41;&unknown;</w:t></w:r></w:hyperlink></w:p>"#,
    ))
    .unwrap();
    for cut in (0..good.len()).step_by(3) {
        if !good.is_char_boundary(cut) {
            continue;
        }
        let bytes = zip_of(&[("word/document.xml", &good.as_bytes()[..cut])]);
        let _ = read(&bytes, &ReadOptions::default());
    }
    let bytes = zip_of(&[("word/document.xml", good.as_bytes())]);
    let doc = read(&bytes, &ReadOptions::default()).unwrap();
    assert_eq!(doc.plain_text(), "a&bA&unknown;");
    let codes: Vec<&str> = doc.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(codes.contains(&"docx.link.missing-rel"), "{codes:?}");
    assert!(codes.contains(&"docx.field.unbalanced"), "{codes:?}");
    // Broken UTF-16 and invalid UTF-8.
    let bytes = zip_of(&[("word/document.xml", &[0xff, 0xfe, 0x00, 0xd8, 0x41])]);
    let _ = read(&bytes, &ReadOptions::default());
    let bytes = zip_of(&[("word/document.xml", &[0xc3, 0x28, 0x41])]);
    let e = read(&bytes, &ReadOptions::default()).unwrap_err();
    assert!(matches!(e, Error::Encoding { .. }), "{e}");
}

#[test]
fn utf16_document_with_bom_reads() {
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-16" standalone="yes"?><w:document {W}><w:body><w:p><w:r><w:t>Möte</w:t></w:r></w:p></w:body></w:document>"#
    );
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(xml.encode_utf16().flat_map(|u| u.to_le_bytes()))
        .collect();
    let doc = read(
        &zip_of(&[("word/document.xml", &bytes)]),
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(doc.plain_text(), "Möte");
}

#[test]
fn stored_parts_and_absolute_targets_read() {
    // Main part found through _rels/.rels with an absolute target, stored
    // (not deflated), in a folder other than word/.
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    w.start_file("_rels/.rels", stored).unwrap();
    w.write_all(br#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/doc/main.xml"/></Relationships>"#).unwrap();
    w.start_file("doc/main.xml", stored).unwrap();
    w.write_all(&doc_xml(
        r#"<w:p><w:hyperlink r:id="l1"><w:r><w:t>länk</w:t></w:r></w:hyperlink></w:p>"#,
    ))
    .unwrap();
    w.start_file("doc/_rels/main.xml.rels", stored).unwrap();
    w.write_all(br#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="l1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.se/?a=1&amp;b=2" TargetMode="External"/></Relationships>"#).unwrap();
    let bytes = w.finish().unwrap().into_inner();
    let doc = read(&bytes, &ReadOptions::default()).unwrap();
    assert_eq!(doc.dump(), "p: «länk»{link=https://example.se/?a=1&b=2}\n");
}

/// Parts of a package, by name.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().unwrap().to_string(), data)
        })
        .collect()
}

#[test]
fn mutated_parts_never_panic() {
    let original = unzip(&std::fs::read(fixtures().join("testdocs/wordlike.docx")).unwrap());
    // A small linear congruential generator: reproducible, no dependency.
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move |n: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((seed >> 33) as usize) % n.max(1)
    };
    let noise: &[u8] = b"<>/=\"'&;:#x0 wpr\xC3\xA5\xFF";
    let targets = [
        "word/document.xml",
        "word/styles.xml",
        "word/numbering.xml",
        "word/footnotes.xml",
        "word/_rels/document.xml.rels",
    ];
    let mut ok = 0;
    for round in 0..400 {
        let target = targets[round % targets.len()];
        let parts: Vec<(String, Vec<u8>)> = original
            .iter()
            .map(|(name, data)| {
                let mut data = data.clone();
                if name == target {
                    for _ in 0..1 + next(4) {
                        let at = next(data.len());
                        match next(3) {
                            0 => data[at] = noise[next(noise.len())],
                            1 => data.insert(at, noise[next(noise.len())]),
                            _ => {
                                let end = (at + next(40)).min(data.len());
                                data.drain(at..end);
                            }
                        }
                    }
                }
                (name.clone(), data)
            })
            .collect();
        let refs: Vec<(&str, &[u8])> = parts
            .iter()
            .map(|(n, d)| (n.as_str(), d.as_slice()))
            .collect();
        if read(&zip_of(&refs), &ReadOptions::default()).is_ok() {
            ok += 1;
        }
    }
    // Most mutations still read (side parts degrade to diagnostics).
    assert!(ok > 100, "only {ok} of 400 mutated documents read");
}

#[test]
fn mutated_zip_bytes_never_panic() {
    let original = std::fs::read(fixtures().join("testdocs/wordlike.docx")).unwrap();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((seed >> 33) as usize) % n.max(1)
    };
    for _ in 0..300 {
        let mut bytes = original.clone();
        for _ in 0..1 + next(3) {
            let at = next(bytes.len());
            bytes[at] = next(256) as u8;
        }
        // Either way is fine; a panic or a hang is not.
        let _ = read(&bytes, &ReadOptions::default());
    }
    // Cut anywhere.
    for cut in (0..original.len()).step_by(97) {
        let _ = read(&original[..cut], &ReadOptions::default());
    }
}

#[test]
fn namespaces_are_resolved_by_scope_not_prefix() {
    // Default namespace, a rebound `w` prefix inside (not WordprocessingML
    // there), and the real namespace under another prefix.
    let xml = r#"<document xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><body>
<p><r><t>Standard</t></r></p>
<p xmlns:w="urn:other"><w:r><w:t>Inte Word</w:t></w:r><r><t>Word</t></r></p>
<x:p xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:r><x:t>Prefix x</x:t></x:r></x:p>
</body></document>"#;
    let doc = read(
        &zip_of(&[("word/document.xml", xml.as_bytes())]),
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(doc.plain_text(), "Standard\nWord\nPrefix x");
}

#[test]
fn many_nested_declarations_stay_linear() {
    // 30 000 nested unknown elements each declaring a namespace: must not
    // turn prefix lookups quadratic (this finishes in well under a second).
    let n = 30_000;
    let mut body = String::with_capacity(n * 40);
    for i in 0..n {
        body.push_str(&format!(
            r#"<a:x xmlns:a="urn:{}" xmlns:b{i}="urn:b">"#,
            i % 7
        ));
    }
    body.push_str("<w:p><w:r><w:t>inne</w:t></w:r></w:p>");
    for _ in 0..n {
        body.push_str("</a:x>");
    }
    let bytes = zip_of(&[("word/document.xml", &doc_xml(&body))]);
    let doc = read(&bytes, &ReadOptions::default()).unwrap();
    assert_eq!(doc.plain_text(), "inne");
}

#[test]
fn deeply_nested_fields_and_content_controls_stay_linear() {
    let n = 20_000;
    let mut body = String::from("<w:p>");
    for _ in 0..n {
        body.push_str(r#"<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"#);
    }
    for _ in 0..n {
        body.push_str(
            r#"<w:r><w:fldChar w:fldCharType="begin"/><w:instrText>HYPERLINK "x"</w:instrText><w:fldChar w:fldCharType="separate"/><w:t>a</w:t></w:r>"#,
        );
    }
    for _ in 0..n {
        body.push_str("</w:sdtContent></w:sdt>");
    }
    body.push_str("</w:p>");
    let bytes = zip_of(&[("word/document.xml", &doc_xml(&body))]);
    let doc = read(&bytes, &ReadOptions::default()).unwrap();
    assert_eq!(doc.plain_text().len(), n);
    assert!(
        doc.diagnostics
            .iter()
            .any(|d| d.code == "docx.field.unclosed")
    );
}

#[test]
fn a_table_bomb_is_refused_with_its_memory_bounded() {
    // The shape of the 851 KB package whose rows inflated to 250 MB (5 GB
    // of model): rows of empty cells, here just past the cell limit.
    let row = format!("<w:tr>{}</w:tr>", "<w:tc/>".repeat(100));
    let body = format!("<w:tbl>{}</w:tbl>", row.repeat(2_001));
    let bytes = zip_of(&[("word/document.xml", &doc_xml(&body))]);
    assert!(bytes.len() < 100_000, "{}", bytes.len());
    let e = read(&bytes, &ReadOptions::default()).unwrap_err();
    assert!(matches!(e, Error::TooManyCells { max: 200_000, .. }), "{e}");
    assert!(e.to_string().contains("word/document.xml"), "{e}");
    // A large real table is far below it.
    let body = format!("<w:tbl>{}</w:tbl>", row.repeat(100));
    assert!(
        read(
            &zip_of(&[("word/document.xml", &doc_xml(&body))]),
            &ReadOptions::default()
        )
        .is_ok()
    );
}
