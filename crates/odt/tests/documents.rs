//! Hand-made OpenDocument files: each feature the reader claims, and
//! hostile or damaged packages giving errors that name the problem.

use minutes_model::{BlockKind, Document, ReadOptions, Role, Style};
use minutes_odt::{Error, read};
use std::io::Write;

const NS: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink""#;

fn content(styles: &str, body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS}><office:automatic-styles>{styles}</office:automatic-styles><office:body><office:text>{body}</office:text></office:body></office:document-content>"#
    )
}

fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in parts {
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn odt(content: &str) -> Vec<u8> {
    zip_of(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("content.xml", content.as_bytes()),
    ])
}

fn opts() -> ReadOptions {
    ReadOptions::default()
}

const STYLES: &str = r#"
<style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="S" style:family="text"><style:text-properties style:text-line-through-style="solid"/></style:style>
<style:style style:name="H" style:family="text"><style:text-properties text:display="none"/></style:style>
<style:style style:name="PB" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style>
<text:list-style style:name="N">
  <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>
  <text:list-level-style-number text:level="2" style:num-format="a" style:num-suffix=")"/>
</text:list-style>
<text:list-style style:name="L"><text:list-level-style-bullet text:level="1" text:bullet-char="&#xF0B7;"/></text:list-style>"#;

fn sample() -> Document {
    let body = r#"
<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>struck out long ago</text:p></text:deletion></text:changed-region></text:tracked-changes>
<text:h text:outline-level="1"><text:number>1.</text:number>Inledning</text:h>
<text:p>Närvarande: <text:span text:style-name="B">Anna</text:span>,   <text:span text:style-name="S">Bo</text:span><text:span text:style-name="H">dold</text:span><text:s text:c="2"/>Cecilia<text:change text:change-id="c1"/><text:change-start text:change-id="c2"/> (tillagd)<text:change-end text:change-id="c2"/></text:p>
<text:list text:style-name="N">
  <text:list-item><text:p>Val av ordförande</text:p>
    <text:list><text:list-item><text:p>Förslag</text:p></text:list-item><text:list-item><text:p>Beslut</text:p></text:list-item></text:list>
  </text:list-item>
  <text:list-item><text:p>Ekonomi<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Se bilaga.</text:p></text:note-body></text:note></text:p></text:list-item>
</text:list>
<text:list text:style-name="L"><text:list-item><text:p>punkt ett</text:p></text:list-item><text:list-item><text:p>punkt två</text:p></text:list-item></text:list>
<text:p text:style-name="PB">Se <text:a xlink:href="https://example.org/x">protokollet</text:a>.</text:p>
<table:table><table:table-header-rows><table:table-row><table:table-cell><text:p>Punkt</text:p></table:table-cell><table:table-cell><text:p>Beslut</text:p></table:table-cell></table:table-row></table:table-header-rows>
<table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>Godkänd</text:p></table:table-cell><table:covered-table-cell/></table:table-row></table:table>"#;
    read(&odt(&content(STYLES, body)), &opts()).unwrap()
}

#[test]
fn headings_runs_and_tracked_changes() {
    let d = sample();
    let text = d.plain_text();
    assert!(!text.contains("struck out"), "deleted text kept: {text}");
    let BlockKind::Paragraph(h) = &d.blocks[0].kind else {
        panic!("{:?}", d.blocks[0])
    };
    assert_eq!(h.role, Role::Heading(1));
    assert_eq!(h.label.as_deref(), Some("1."));
    assert_eq!(h.text(), "Inledning");
    let BlockKind::Paragraph(p) = &d.blocks[1].kind else {
        panic!()
    };
    assert_eq!(p.text(), "Närvarande: Anna, Bo  Cecilia (tillagd)");
    assert!(
        p.runs
            .iter()
            .any(|r| r.text == "Anna" && r.style == Style::BOLD)
    );
    assert!(
        p.runs
            .iter()
            .any(|r| r.text == "Bo" && r.style == Style::STRIKE)
    );
    assert_eq!(d.diagnostics.len(), 1, "{:?}", d.diagnostics);
}

#[test]
fn numbered_and_bulleted_lists() {
    let d = sample();
    let labels: Vec<(Option<String>, String)> = d
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Paragraph(p) if p.label.is_some() && p.role == Role::Body => {
                Some((p.label.clone(), p.text()))
            }
            _ => None,
        })
        .collect();
    let want = [
        ("1.", "Val av ordförande"),
        ("a)", "Förslag"),
        ("b)", "Beslut"),
        ("2.", "Ekonomi[1]"),
    ];
    assert_eq!(labels.len(), want.len(), "{labels:?}");
    for ((l, t), (wl, wt)) in labels.iter().zip(want) {
        assert_eq!(l.as_deref(), Some(wl));
        assert_eq!(t, wt);
    }
    let list = d
        .blocks
        .iter()
        .find_map(|b| match &b.kind {
            BlockKind::List(l) => Some(l),
            _ => None,
        })
        .unwrap();
    assert_eq!(list.items.len(), 2);
    assert_eq!(list.items[0].label.as_deref(), Some("•"));
    assert_eq!(d.notes.len(), 1);
    assert_eq!(d.notes[0].id, "fn1");
    assert_eq!(d.notes[0].blocks[0].plain_text(), "Se bilaga.");
}

#[test]
fn links_page_breaks_and_tables() {
    let d = sample();
    let i = d
        .blocks
        .iter()
        .position(|b| matches!(b.kind, BlockKind::PageBreak))
        .expect("a page break");
    let BlockKind::Paragraph(p) = &d.blocks[i + 1].kind else {
        panic!()
    };
    assert_eq!(p.runs[1].link.as_deref(), Some("https://example.org/x"));
    assert_eq!(d.blocks[i + 1].span.page, Some(2));
    let BlockKind::Table(t) = &d.blocks[i + 2].kind else {
        panic!()
    };
    assert!(t.rows[0].header && !t.rows[1].header);
    assert_eq!(t.rows[1].cells.len(), 1);
    assert_eq!(t.rows[1].cells[0].col_span, 2);
}

#[test]
fn not_odt_inputs_are_named() {
    assert!(matches!(read(b"", &opts()), Err(Error::Empty)));
    let e = read(b"%PDF-1.4", &opts()).unwrap_err();
    assert!(matches!(e, Error::NotOdt { .. }), "{e}");
    let ods = zip_of(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("content.xml", b"<x/>"),
    ]);
    let e = read(&ods, &opts()).unwrap_err();
    assert!(e.to_string().contains("spreadsheet"), "{e}");
    let docx = zip_of(&[("word/document.xml", b"<w/>")]);
    assert!(matches!(read(&docx, &opts()), Err(Error::NotText { .. })));
    let e = read(b"<html><body>x</body></html>", &opts()).unwrap_err();
    assert!(matches!(e, Error::NotText { .. }), "{e}");
}

#[test]
fn encrypted_packages_are_named() {
    let pkg = zip_of(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("content.xml", &[0x8F, 0x00, 0xC3, 0x28, 0xFF]),
        (
            "META-INF/manifest.xml",
            b"<manifest:manifest><manifest:file-entry><manifest:encryption-data/></manifest:file-entry></manifest:manifest>",
        ),
    ]);
    let e = read(&pkg, &opts()).unwrap_err();
    assert!(matches!(e, Error::Encrypted), "{e}");
}

#[test]
fn a_zip_bomb_is_refused() {
    // 4 MB of spaces inside a paragraph inflate from a few KB; the budget
    // is 1 MB.
    let mut big = content("", "<text:p>").into_bytes();
    big.truncate(big.len() - "</office:text></office:body></office:document-content>".len());
    big.extend(std::iter::repeat_n(b' ', 4 << 20));
    let bomb = odt(std::str::from_utf8(&big).unwrap());
    assert!(bomb.len() < 20_000, "{}", bomb.len());
    let small = ReadOptions {
        max_inflated_bytes: 1 << 20,
        ..ReadOptions::default()
    };
    let e = read(&bomb, &small).unwrap_err();
    assert!(matches!(e, Error::TooLarge { .. }), "{e}");
    // A flat document beyond the budget too.
    let e = read(&big, &small).unwrap_err();
    assert!(matches!(e, Error::TooLarge { .. }), "{e}");
}

#[test]
fn truncated_and_malformed_files() {
    let whole = std::fs::read(
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures/seeds-odt/002_cc484d1eaf08b371.odt"),
    )
    .unwrap();
    for cut in (0..whole.len()).step_by(997) {
        let r = read(&whole[..cut], &opts());
        assert!(r.is_err(), "cut at {cut} read");
    }
    let e = read(&odt("<office:document-content"), &opts()).unwrap_err();
    assert!(matches!(e, Error::Xml { .. }), "{e}");
    let deep = content("", &"<text:span>".repeat(10_000));
    let e = read(&odt(&deep), &opts()).unwrap_err();
    assert!(matches!(e, Error::TooDeep { .. }), "{e}");
}

#[test]
fn nesting_just_under_the_limit_reads_without_exhausting_the_stack() {
    // Just under the 100-element limit, with the root and body elements:
    // spans, lists and tables each as deep as allowed.
    let spans = format!(
        "<text:p>{}x{}</text:p>",
        "<text:span>".repeat(90),
        "</text:span>".repeat(90)
    );
    let lists = format!(
        "{}<text:p>x</text:p>{}",
        "<text:list><text:list-item>".repeat(45),
        "</text:list-item></text:list>".repeat(45)
    );
    let tables = format!(
        "{}<text:p>x</text:p>{}",
        "<table:table><table:table-row><table:table-cell>".repeat(30),
        "</table:table-cell></table:table-row></table:table>".repeat(30)
    );
    for body in [spans, lists, tables] {
        let d = read(&odt(&content("", &body)), &opts()).unwrap();
        assert!(d.plain_text().contains('x'));
    }
}
