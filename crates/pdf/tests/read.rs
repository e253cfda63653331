//! Reads the fixture PDFs and checks what the structure finder relies on.

use minutes_model::{Block, BlockKind, Document, Format, ReadOptions, Style};
use minutes_pdf::{Error, read};
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

fn load(rel: &str) -> Result<Document, Error> {
    let bytes = std::fs::read(fixtures().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    read(&bytes, &ReadOptions::default())
}

fn doc(rel: &str) -> Document {
    load(rel).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn all_pdfs() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in [
        "testdocs/html2pdf",
        "testdocs/docx2pdf",
        "testdocs/chromium",
        "testdocs/cairo",
        "testdocs/crafted",
        "real",
    ] {
        let Ok(rd) = std::fs::read_dir(fixtures().join(dir)) else {
            continue;
        };
        for e in rd.flatten() {
            if e.path().extension().is_some_and(|x| x == "pdf") {
                out.push(e.path());
            }
        }
    }
    out.sort();
    out
}

fn tables(d: &Document) -> Vec<&minutes_model::Table> {
    d.blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

/// Every run in the body, cells and lists included.
fn runs(d: &Document) -> Vec<minutes_model::Run> {
    d.blocks
        .iter()
        .flat_map(Block::paragraphs)
        .flat_map(|p| p.runs.clone())
        .collect()
}

fn body_text(d: &Document) -> String {
    d.blocks
        .iter()
        .flat_map(Block::paragraphs)
        .map(|p| p.text())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_fixture_reads_or_fails_cleanly() {
    let pdfs = all_pdfs();
    assert!(pdfs.len() >= 20, "fixtures missing: {}", pdfs.len());
    for p in pdfs {
        let bytes = std::fs::read(&p).expect("read fixture");
        let name = p
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        match read(&bytes, &ReadOptions::default()) {
            Ok(d) => {
                assert!(
                    !name.starts_with("010_"),
                    "{name} should have no text layer"
                );
                assert_eq!(d.source.format, Some(Format::Pdf));
                assert!(d.source.pages.unwrap_or(0) >= 1, "{name}");
                assert!(!d.blocks.is_empty(), "{name}: empty body");
                for b in &d.blocks {
                    if !matches!(b.kind, BlockKind::PageBreak) {
                        assert!(
                            b.span.page.is_some() && b.span.bbox.is_some(),
                            "{name}: block without span"
                        );
                    }
                }
            }
            Err(e) => {
                assert!(name.starts_with("010_"), "{name}: {e}");
                assert!(matches!(e, Error::NoTextLayer), "{name}: {e}");
                assert_eq!(e.to_string(), "no text layer: scanned document, OCR needed");
            }
        }
    }
}

#[test]
fn ocr_layer_is_read() {
    let d = doc("real/009_stenaldern-styrelse-2022-11-23-ocr.pdf");
    assert!(body_text(&d).len() > 500);
}

#[test]
fn not_a_pdf_and_truncated() {
    let e = read(b"hello world", &ReadOptions::default()).err();
    assert!(matches!(e, Some(Error::NotPdf)));
    let bytes = std::fs::read(fixtures().join("testdocs/docx2pdf/seedlike.pdf")).expect("fixture");
    for cut in [20, 1000, bytes.len() / 2] {
        // Must not panic; lopdf may still recover pages.
        let _ = read(&bytes[..cut], &ReadOptions::default());
    }
}

#[test]
fn limits_are_enforced() {
    let bytes = std::fs::read(fixtures().join("testdocs/docx2pdf/seedlike.pdf")).expect("fixture");
    let opts = ReadOptions {
        max_pages: 1,
        ..ReadOptions::default()
    };
    assert!(matches!(
        read(&bytes, &opts),
        Err(Error::TooManyPages { .. })
    ));
    let opts = ReadOptions {
        max_objects: 5,
        ..ReadOptions::default()
    };
    assert!(matches!(
        read(&bytes, &opts),
        Err(Error::TooManyObjects { .. })
    ));
}

const PRODUCERS: [&str; 4] = ["docx2pdf", "html2pdf", "chromium", "cairo"];

#[test]
fn seedlike_agenda_table_has_thirteen_numbered_rows() {
    for prod in PRODUCERS {
        let d = doc(&format!("testdocs/{prod}/seedlike.pdf"));
        let ts = tables(&d);
        assert_eq!(ts.len(), 1, "{prod}: one table across pages");
        let t = ts[0];
        assert!(t.rows[0].header, "{prod}: header row");
        assert_eq!(t.rows[0].cells[0].plain_text(), "Mötespunkt", "{prod}");
        let numbers: Vec<String> = t
            .rows
            .iter()
            .skip(1)
            .map(|r| r.cells[0].plain_text())
            .collect();
        let want: Vec<String> = (1..=13).map(|i| format!("{i}.")).collect();
        assert_eq!(numbers, want, "{prod}");
        assert!(t.rows.iter().skip(1).all(|r| !r.header), "{prod}");
        let r13 = t.rows[13].cells[1].plain_text();
        assert!(r13.starts_with("Övriga frågor"), "{prod}: {r13}");
    }
}

#[test]
fn seedlike_big_rows_survive_page_breaks() {
    for prod in ["docx2pdf", "html2pdf", "chromium"] {
        let d = doc(&format!("testdocs/{prod}/seedlike_big.pdf"));
        let ts = tables(&d);
        assert_eq!(ts.len(), 1, "{prod}: one table");
        let numbers: Vec<String> = ts[0]
            .rows
            .iter()
            .skip(1)
            .map(|r| r.cells[0].plain_text())
            .collect();
        let want: Vec<String> = (1..=numbers.len()).map(|i| format!("{i}.")).collect();
        assert_eq!(numbers, want, "{prod}");
        assert!(numbers.len() >= 100, "{prod}: {} rows", numbers.len());
        assert_eq!(
            ts[0].rows.iter().filter(|r| r.header).count(),
            1,
            "{prod}: header once"
        );
    }
}

#[test]
fn struck_through_name_is_strike() {
    for prod in PRODUCERS {
        let d = doc(&format!("testdocs/{prod}/seedlike.pdf"));
        let rs = runs(&d);
        let zamac = rs.iter().find(|r| r.text.contains("Katarina Zamac"));
        assert!(
            zamac.is_some_and(|r| r.style.contains(Style::STRIKE)),
            "{prod}: {zamac:?}"
        );
        // Only the struck names, not their neighbours.
        let ekdahl = rs.iter().find(|r| r.text.contains("Sofia Ekdahl"));
        assert!(
            ekdahl.is_some_and(|r| !r.style.contains(Style::STRIKE)),
            "{prod}"
        );
    }
}

#[test]
fn links_bold_and_hyphens() {
    for prod in PRODUCERS {
        let d = doc(&format!("testdocs/{prod}/seedlike.pdf"));
        let rs = runs(&d);
        let link = rs
            .iter()
            .find(|r| r.text.contains("260216 PKS Slutenvård.pptx"));
        // pdftocairo drops link annotations.
        if prod == "cairo" {
            assert!(link.is_some(), "{prod}");
        } else {
            assert_eq!(
                link.and_then(|r| r.link.as_deref()),
                Some("https://example.se/bilagor/PKS.pptx"),
                "{prod}"
            );
        }
        assert!(
            rs.iter().any(|r| r.text.contains("Beslut vid nästa möte.") && r.style.contains(Style::BOLD)),
            "{prod}"
        );
        let text = body_text(&d);
        for w in [
            "ST-tjänster",
            "SÄS-Siv",
            "SOR-möte",
            "Lung-allergi",
            "könsdysfori-Nominering",
        ] {
            assert!(text.contains(w), "{prod}: {w}");
        }
        assert!(
            !text.chars().any(|c| ('\u{FB00}'..='\u{FB06}').contains(&c)),
            "{prod}: ligature left"
        );
        assert!(text.contains("ÅÄÖ åäö é ü"), "{prod}");
    }
}

#[test]
fn crafted_encodings_decode() {
    let d = doc("testdocs/crafted/encodings.pdf");
    let text = d.plain_text();
    for want in [
        "Västra Götalandsregionen ÅÄÖ",
        "Mötespunkt Mäo ÅÄÖ",
        "Kort avstånd",
        "Kolumn2",
        "Ord med ordmellanrum",
        "Rad A",
        "Rad B",
        "Rad C",
    ] {
        assert!(text.contains(want), "{want} in {text}");
    }
    let rs = runs(&d);
    assert!(
        rs.iter()
            .any(|r| r.text.contains("Åäö bold") && r.style.contains(Style::BOLD))
    );
    // TJ gap of 8 em is a column gap, not a space inside a word.
    assert!(!text.contains("avståndKolumn2"));
}

#[test]
fn furniture_is_set_apart() {
    let d = doc("real/029_nykarleby-stadsstyrelsen-foredragningsli.pdf");
    assert!(!d.furniture.is_empty());
    let body = body_text(&d);
    assert!(
        !body.contains("Föredragningslista\t189 §"),
        "running header in body"
    );
    assert!(!body.lines().any(|l| l == "1/19"), "page number in body");
    assert!(d.furniture.iter().all(|b| b.span.page.is_some()));
    let d = doc("real/001_nykarleby-rff-2023-05.pdf");
    let body = body_text(&d);
    assert!(!body.contains("Protokoll\t10 §\t24.05.2023\tSida"));
    let garbled = d.diagnostics.iter().find(|x| x.code == "pdf.text.garbled");
    assert!(
        garbled.is_some_and(|g| g.message.contains("page(s) 1")),
        "{:?}",
        d.diagnostics
    );
}

#[test]
fn page_breaks_and_spans() {
    let d = doc("testdocs/docx2pdf/seedlike.pdf");
    let pages = d.source.pages.unwrap_or(0);
    let breaks = d
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::PageBreak))
        .count();
    assert_eq!(breaks as u32, pages - 1);
    let first = &d.blocks[0];
    assert_eq!(first.span.page, Some(1));
    assert_eq!(first.span.line, Some(1));
    let bbox = first.span.bbox.unwrap_or_default();
    assert!(
        bbox[0] < bbox[2] && bbox[1] < bbox[3] && bbox[1] < 100.0,
        "{bbox:?}"
    );
}

#[test]
fn golden_dump() {
    let d = doc("testdocs/docx2pdf/numbered.pdf");
    let got = d.dump();
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/docx2pdf_numbered.dump.txt");
    if std::env::var_os("MINUTES_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, &got).expect("write golden");
    }
    let want = std::fs::read_to_string(&path).expect("golden file: run with MINUTES_BLESS=1");
    assert_eq!(got, want);
}

#[test]
fn owner_password_only_is_read_user_password_is_refused() {
    use lopdf::{EncryptionState, EncryptionVersion, Permissions};
    let bytes = std::fs::read(fixtures().join("testdocs/crafted/encodings.pdf")).expect("fixture");
    for (user, readable) in [("", true), ("hemligt", false)] {
        let mut pdf = lopdf::Document::load_mem(&bytes).expect("load");
        pdf.trailer.set(
            "ID",
            lopdf::Object::Array(vec![
                lopdf::Object::string_literal(b"0123456789abcdef".to_vec()),
                lopdf::Object::string_literal(b"0123456789abcdef".to_vec()),
            ]),
        );
        let version = EncryptionVersion::V2 {
            document: &pdf,
            owner_password: "ägare",
            user_password: user,
            key_length: 128,
            permissions: Permissions::all(),
        };
        let state = EncryptionState::try_from(version).expect("state");
        pdf.encrypt(&state).expect("encrypt");
        let mut out = Vec::new();
        pdf.save_to(&mut out).expect("save");
        let res = read(&out, &ReadOptions::default());
        if readable {
            let d = res.expect("owner-only encryption must be read");
            assert!(d.plain_text().contains("Västra Götalandsregionen"));
        } else {
            let e = res.expect_err("needs a password");
            assert_eq!(e.to_string(), "encrypted: a password is needed to open it");
        }
    }
}

/// The crafted PDF with its page changed by `f`.
fn crafted_with(f: impl Fn(&mut lopdf::Document, lopdf::ObjectId)) -> Vec<u8> {
    let bytes = std::fs::read(fixtures().join("testdocs/crafted/encodings.pdf")).expect("fixture");
    let mut pdf = lopdf::Document::load_mem(&bytes).expect("load");
    let page = *pdf.get_pages().values().next().expect("page");
    f(&mut pdf, page);
    let mut out = Vec::new();
    pdf.save_to(&mut out).expect("save");
    out
}

#[test]
fn rotated_pages_read_in_order() {
    let plain = doc("testdocs/crafted/encodings.pdf").plain_text();
    for rot in [90, 180, 270] {
        let bytes = crafted_with(|pdf, page| {
            if let Ok(d) = pdf.get_dictionary_mut(page) {
                d.set("Rotate", rot);
            }
        });
        let d = read(&bytes, &ReadOptions::default()).expect("rotated");
        assert_eq!(d.plain_text(), plain, "Rotate {rot}");
    }
    // Content turned with cm and no /Rotate: the page is turned back.
    let bytes = crafted_with(|pdf, page| {
        let content = pdf.get_page_content(page);
        let mut turned = b"q 0 1 -1 0 842 0 cm\n".to_vec();
        turned.extend_from_slice(&content);
        turned.extend_from_slice(b"\nQ");
        let ids = pdf.get_page_contents(page);
        if let Some(id) = ids.first()
            && let Ok(s) = pdf
                .get_object_mut(*id)
                .and_then(lopdf::Object::as_stream_mut)
        {
            s.set_plain_content(turned);
        }
    });
    let d = read(&bytes, &ReadOptions::default()).expect("turned");
    assert!(
        d.plain_text().contains("Västra Götalandsregionen ÅÄÖ"),
        "{}",
        d.plain_text()
    );
}

#[test]
fn hostile_inputs_do_not_panic() {
    // Deep form recursion, a self-referencing form, huge operand counts and
    // garbage operators.
    let bytes = crafted_with(|pdf, page| {
        let mut form = lopdf::Stream::new(
            lopdf::dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 10.into(), 10.into()] },
            b"/X0 Do BT /F1 12 Tf (loop) Tj ET".to_vec(),
        );
        form.dict.set("Resources", lopdf::dictionary! {});
        let id = pdf.add_object(form);
        if let Ok(lopdf::Object::Stream(s)) = pdf.get_object_mut(id) {
            s.dict.set(
                "Resources",
                lopdf::dictionary! { "XObject" => lopdf::dictionary! { "X0" => id } },
            );
        }
        let mut content =
            b"q q q q q /X0 Do Q Q Q Q Q [ [ [ ( ) ] TJ 1 2 3 4 5 6 7 8 9 0 cm BT ] ] Tf ET "
                .to_vec();
        content.extend(std::iter::repeat_n(b'q', 5000).flat_map(|q| [q, b' ']));
        content.extend_from_slice(b"BT /F1 1e30 Tf 1e30 0 0 1e30 0 0 Tm (x) Tj ET");
        let cid = pdf.add_object(lopdf::Stream::new(lopdf::dictionary! {}, content));
        if let Ok(d) = pdf.get_dictionary_mut(page) {
            let mut contents = match d.get(b"Contents") {
                Ok(lopdf::Object::Reference(r)) => vec![lopdf::Object::Reference(*r)],
                _ => Vec::new(),
            };
            contents.push(cid.into());
            d.set("Contents", contents);
            if let Ok(lopdf::Object::Dictionary(res)) = d.get_mut(b"Resources") {
                res.set("XObject", lopdf::dictionary! { "X0" => id });
            }
        }
    });
    let d = read(&bytes, &ReadOptions::default()).expect("still readable");
    assert!(d.plain_text().contains("Västra Götalandsregionen"));
    // Byte flips all over a real file.
    let orig = std::fs::read(fixtures().join("testdocs/chromium/seedlike.pdf")).expect("fixture");
    let mut seed = 0x2545F491u32;
    for _ in 0..40 {
        let mut b = orig.clone();
        for _ in 0..20 {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            let i = seed as usize % b.len();
            b[i] = (seed >> 8) as u8;
        }
        let _ = read(&b, &ReadOptions::default());
    }
}

#[test]
fn word_tables_with_inside_borders_only() {
    // Word's table style draws no outer verticals; merged rows split the
    // vertical rule; the header row repeats on each page.
    let d = doc("testdocs/docx2pdf/wordlike_big.pdf");
    let ts = tables(&d);
    assert_eq!(ts.len(), 1);
    let t = ts[0];
    assert!(t.rows[0].header);
    assert_eq!(t.rows.iter().filter(|r| r.header).count(), 1);
    let numbers: Vec<String> = t
        .rows
        .iter()
        .filter(|r| r.cells.len() == 2)
        .map(|r| r.cells[0].plain_text())
        .filter(|n| !n.is_empty() && n != "Mötespunkt")
        .collect();
    let want: Vec<String> = (1..=numbers.len()).map(|i| format!("{i}.")).collect();
    assert_eq!(numbers, want);
    assert!(numbers.len() >= 40);
    let spanning = t
        .rows
        .iter()
        .find(|r| r.cells.len() == 1)
        .expect("a merged row");
    assert_eq!(spanning.cells[0].col_span, 2);
    assert!(spanning.cells[0].plain_text().starts_with("Övriga frågor"));
}

#[test]
fn footnotes_become_notes() {
    let d = doc("testdocs/docx2pdf/wordlike.pdf");
    assert_eq!(d.notes.len(), 1, "{:?}", d.notes);
    let n = &d.notes[0];
    assert_eq!(n.id, "fn1");
    assert!(n.blocks[0].plain_text().starts_with("FOTNOT: Beslut i SVN"));
    let rs = runs(&d);
    let r = rs
        .iter()
        .find(|r| r.note.is_some())
        .expect("a note reference");
    assert_eq!(r.note.as_deref(), Some("fn1"));
    assert!(r.style.contains(Style::SUPERSCRIPT));
    assert!(!body_text(&d).contains("FOTNOT"));
}

/// A PDF of `pages` pages, each with the content `f(page)` in Helvetica.
fn pdf_pages(pages: u32, f: impl Fn(u32) -> String) -> Vec<u8> {
    use lopdf::{Object, Stream, dictionary};
    let mut doc = lopdf::Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding" });
    let mut kids = Vec::new();
    for p in 1..=pages {
        let content = doc.add_object(Stream::new(dictionary! {}, f(p).into_bytes()));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
            "Contents" => content,
        });
        kids.push(Object::Reference(page));
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => pages }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("save");
    out
}

#[test]
fn headers_footers_and_signature_captions_are_furniture() {
    let topics = ["budgeten", "lokalerna", "valet"];
    let bytes = pdf_pages(3, |p| {
        let topic = topics[(p as usize - 1) % 3];
        format!(
            "BT /F1 10 Tf 56 800 Td (Kommunstyrelsen  Protokoll {p}/2026) Tj ET \
             BT /F1 12 Tf 56 700 Td (Paragraf {p} handlar om {topic} och beslutet.) Tj ET \
             BT /F1 12 Tf 56 680 Td (Beslut: godk\\344nns.) Tj ET \
             BT /F1 9 Tf 56 90 Td (Justerandes sign) Tj 200 0 Td (Utdragsbestyrkande) Tj ET \
             BT /F1 9 Tf 280 40 Td (Sida {p} \\(3\\)) Tj ET"
        )
    });
    let d = read(&bytes, &ReadOptions::default()).expect("read");
    let body = body_text(&d);
    for gone in [
        "Kommunstyrelsen",
        "Justerandes",
        "Utdragsbestyrkande",
        "Sida",
    ] {
        assert!(!body.contains(gone), "{gone} in body: {body}");
    }
    assert!(body.contains("Paragraf 2 handlar om lokalerna"));
    let furn: Vec<String> = d.furniture.iter().map(Block::plain_text).collect();
    assert!(furn.iter().any(|t| t.starts_with("Sida 3")), "{furn:?}");
    assert!(
        furn.iter().any(|t| t.contains("Justerandes sign")),
        "{furn:?}"
    );
    assert_eq!(
        d.furniture
            .iter()
            .filter(|b| b.span.page == Some(2))
            .count(),
        3,
        "{furn:?}"
    );
    assert!(!d.diagnostics.iter().any(|x| x.code == "pdf.text.garbled"));
    // Without furniture when asked.
    let opts = ReadOptions {
        keep_furniture: false,
        ..ReadOptions::default()
    };
    assert!(read(&bytes, &opts).expect("read").furniture.is_empty());
}

#[test]
fn image_only_pages_are_reported() {
    let bytes = pdf_pages(2, |p| {
        if p == 1 {
            "BT /F1 12 Tf 56 700 Td (Protokoll fr\\345n styrelsem\\366tet) Tj ET".to_string()
        } else {
            "q 500 0 0 700 40 60 cm BI /W 1 /H 1 /BPC 8 /CS /G ID x EI Q".to_string()
        }
    });
    let d = read(&bytes, &ReadOptions::default()).expect("read");
    assert!(d.plain_text().contains("Protokoll från styrelsemötet"));
    let diag = d
        .diagnostics
        .iter()
        .find(|x| x.code == "pdf.page.no-text")
        .expect("diagnostic");
    assert!(diag.message.contains("page 2"), "{}", diag.message);
    assert_eq!(diag.span.and_then(|s| s.page), Some(2));
    // Only images: no text layer at all.
    let bytes = pdf_pages(1, |_| {
        "q 500 0 0 700 40 60 cm BI /W 1 /H 1 /BPC 8 /CS /G ID x EI Q".to_string()
    });
    assert!(matches!(
        read(&bytes, &ReadOptions::default()),
        Err(Error::NoTextLayer)
    ));
}

#[test]
fn a_page_tree_claiming_two_billion_pages_is_read_without_trusting_its_count() {
    // 685 bytes whose empty subtree says /Count 2147483647: lopdf's
    // `get_pages` reserved 25 GB for it and aborted the process.
    let d = doc("testdocs/crashes/pagetree-count-2e31.pdf");
    assert_eq!(d.source.pages, Some(1));
    assert!(body_text(&d).contains("Protokoll"));
}
