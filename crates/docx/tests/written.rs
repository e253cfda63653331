//! Documents written in the test (with docx-rs, the project's tool for
//! writing Word files, or as raw parts in a zip) and read back.

use docx_rs::{
    AbstractNumbering, BreakType, Docx, Footer, Header, Hyperlink, HyperlinkType, IndentLevel,
    Level, LevelJc, LevelText, NumberFormat, Numbering, NumberingId, Paragraph, Run, Start, Style,
    StyleType, Table, TableCell, TableRow, VMergeType,
};
use minutes_model::{Block, BlockKind, Document, ReadOptions, Role};
use std::io::Write;

fn pack(docx: Docx) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut buf).unwrap();
    buf.into_inner()
}

fn read(bytes: &[u8]) -> Document {
    minutes_docx::read(bytes, &ReadOptions::default()).unwrap()
}

fn para_text(p: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(p))
}

fn cell(p: &str) -> TableCell {
    TableCell::new().add_paragraph(para_text(p))
}

fn numbered_minutes() -> Docx {
    Docx::new()
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("heading 1")
                .outline_lvl(0)
                .bold(),
        )
        .add_style(Style::new("Title", StyleType::Paragraph).name("Title"))
        .add_abstract_numbering(
            AbstractNumbering::new(1)
                .add_level(Level::new(
                    0,
                    Start::new(1),
                    NumberFormat::new("decimal"),
                    LevelText::new("%1."),
                    LevelJc::new("left"),
                ))
                .add_level(Level::new(
                    1,
                    Start::new(1),
                    NumberFormat::new("lowerLetter"),
                    LevelText::new("%2)"),
                    LevelJc::new("left"),
                ))
                .add_level(Level::new(
                    2,
                    Start::new(1),
                    NumberFormat::new("upperRoman"),
                    LevelText::new("%1.%2.%3"),
                    LevelJc::new("left"),
                )),
        )
        .add_numbering(Numbering::new(2, 1))
        .add_paragraph(
            Paragraph::new()
                .style("Title")
                .add_run(Run::new().add_text("Protokoll")),
        )
        .add_paragraph(
            Paragraph::new()
                .style("Heading1")
                .add_run(Run::new().add_text("Styrelsemöte")),
        )
        .add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text("Beslut").bold())
                .add_run(Run::new().add_text(": godkänns. "))
                .add_run(Run::new().add_text("Per Persson").strike())
                .add_run(Run::new().add_text(" Kalle").dstrike()),
        )
        .add_paragraph(
            para_text("Mötets öppnande").numbering(NumberingId::new(2), IndentLevel::new(0)),
        )
        .add_paragraph(para_text("Förslag A").numbering(NumberingId::new(2), IndentLevel::new(1)))
        .add_paragraph(para_text("Förslag B").numbering(NumberingId::new(2), IndentLevel::new(1)))
        .add_paragraph(para_text("Djupt").numbering(NumberingId::new(2), IndentLevel::new(2)))
        .add_paragraph(
            para_text("Val av justerare").numbering(NumberingId::new(2), IndentLevel::new(0)),
        )
        .add_paragraph(para_text("Förslag C").numbering(NumberingId::new(2), IndentLevel::new(1)))
        .add_table(Table::new(vec![
            TableRow::new(vec![cell("1."), cell("Inledning")]),
            TableRow::new(vec![cell("2."), cell("Avslutning")]),
        ]))
}

#[test]
fn heading_styles_numbering_and_table_round_trip() {
    let doc = read(&pack(numbered_minutes()));
    let d = doc.dump();
    let expected = "\
title: «Protokoll»
h1: «Styrelsemöte»{bold}
p: «Beslut»{bold} «: godkänns. » «Per Persson Kalle»{strike}
p [1.]: «Mötets öppnande»
p [a)]: «Förslag A»
p [b)]: «Förslag B»
p [1.b.I]: «Djupt»
p [2.]: «Val av justerare»
p [a)]: «Förslag C»
table
  row 0
    cell 0
      p: «1.»
    cell 1
      p: «Inledning»
  row 1
    cell 0
      p: «2.»
    cell 1
      p: «Avslutning»
";
    assert_eq!(d, expected, "{d}");
    assert!(doc.diagnostics.is_empty(), "{:?}", doc.diagnostics);
    let BlockKind::Table(t) = &doc.blocks.last().unwrap().kind else {
        panic!("no table last")
    };
    assert_eq!(t.rows.len(), 2);
    assert_eq!(t.rows[1].cells[1].plain_text(), "Avslutning");
    let heading = &doc.blocks[1];
    assert!(matches!(&heading.kind, BlockKind::Paragraph(p) if p.role == Role::Heading(1)));
}

#[test]
fn merges_links_breaks_headers_and_footers() {
    let docx = Docx::new()
        .header(Header::new().add_paragraph(para_text("Sidhuvud")))
        .footer(Footer::new().add_paragraph(para_text("Sidfot")))
        .add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text("Före"))
                .add_run(Run::new().add_break(BreakType::Page))
                .add_run(Run::new().add_text("Efter")),
        )
        .add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text("Se "))
                .add_hyperlink(
                    Hyperlink::new("https://example.se/a b", HyperlinkType::External)
                        .add_run(Run::new().add_text("bilaga")),
                )
                .add_hyperlink(
                    Hyperlink::new("punkt3", HyperlinkType::Anchor)
                        .add_run(Run::new().add_text("punkt 3")),
                ),
        )
        .add_table(Table::new(vec![
            TableRow::new(vec![
                cell("A").vertical_merge(VMergeType::Restart),
                cell("B"),
                cell("C"),
            ]),
            TableRow::new(vec![
                TableCell::new()
                    .add_paragraph(Paragraph::new())
                    .vertical_merge(VMergeType::Continue),
                cell("BC").grid_span(2),
            ]),
        ]));
    let doc = read(&pack(docx));
    let kinds: Vec<&str> = doc
        .blocks
        .iter()
        .map(|b| match &b.kind {
            BlockKind::Paragraph(_) => "p",
            BlockKind::PageBreak => "break",
            BlockKind::Table(_) => "table",
            BlockKind::List(_) => "list",
        })
        .collect();
    assert_eq!(kinds, ["p", "break", "p", "p", "table"]);
    assert_eq!(doc.blocks[0].plain_text(), "Före");
    assert_eq!(doc.blocks[2].plain_text(), "Efter");
    assert_eq!(doc.blocks[0].span.page, Some(1));
    assert_eq!(doc.blocks[2].span.page, Some(2));
    assert_eq!(doc.source.pages, Some(2));
    let BlockKind::Paragraph(p) = &doc.blocks[3].kind else {
        panic!()
    };
    let links: Vec<Option<&str>> = p.runs.iter().map(|r| r.link.as_deref()).collect();
    assert_eq!(
        links,
        [None, Some("https://example.se/a b"), Some("#punkt3")]
    );
    let BlockKind::Table(t) = &doc.blocks[4].kind else {
        panic!()
    };
    assert_eq!(t.rows[0].cells.len(), 3);
    assert_eq!(t.rows[0].cells[0].row_span, 2);
    assert_eq!(t.rows[1].cells.len(), 1);
    assert_eq!(t.rows[1].cells[0].col_span, 2);
    assert_eq!(t.rows[1].cells[0].plain_text(), "BC");
    let furniture: Vec<String> = doc.furniture.iter().map(Block::plain_text).collect();
    assert_eq!(furniture, ["Sidhuvud", "Sidfot"]);
}

/// A package with a hand-written document.xml (and optional styles).
fn raw(document_body: &str, styles: &str) -> Vec<u8> {
    const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    w.start_file("word/document.xml", opts).unwrap();
    write!(
        w,
        r#"<?xml version="1.0"?><w:document {NS}><w:body>{document_body}</w:body></w:document>"#
    )
    .unwrap();
    if !styles.is_empty() {
        w.start_file("word/styles.xml", opts).unwrap();
        write!(w, r#"<w:styles {NS}>{styles}</w:styles>"#).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn placeholders_from_sdt_and_character_style() {
    let styles = r#"<w:style w:type="character" w:styleId="Platshllartext"><w:name w:val="Placeholder Text"/><w:rPr><w:color w:val="808080"/></w:rPr></w:style>"#;
    let body = r#"
<w:sdt><w:sdtPr><w:showingPlcHdr/><w:rPr><w:b/></w:rPr></w:sdtPr><w:sdtContent>
  <w:p><w:r><w:t>Klicka här för att ange text.</w:t></w:r></w:p>
</w:sdtContent></w:sdt>
<w:p><w:r><w:t>Ordförande: </w:t></w:r><w:r><w:rPr><w:rStyle w:val="Platshllartext"/></w:rPr><w:t>[Namn]</w:t></w:r></w:p>
<w:p><w:r><w:t>Sekreterare: </w:t></w:r><w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>Ange namn</w:t></w:r></w:sdtContent></w:sdt></w:p>
<w:tbl><w:tr><w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:tc><w:p><w:r><w:t>Cell</w:t></w:r></w:p></w:tc></w:sdtContent></w:sdt></w:tr></w:tbl>
<w:p><w:r><w:t>Ifylld</w:t></w:r></w:p>"#;
    let doc = read(&raw(body, styles));
    let d = doc.dump();
    assert_eq!(
        d,
        "\
p: «Klicka här för att ange text.»{placeholder}
p: «Ordförande: » «[Namn]»{placeholder}
p: «Sekreterare: » «Ange namn»{placeholder}
table
  row 0
    cell 0
      p: «Cell»{placeholder}
p: «Ifylld»
"
    );
}

#[test]
fn fields_nested_across_paragraphs_and_hidden_text() {
    let body = r#"
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>HYPERLINK \l "punkt_3" \o "tips"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Punkt 3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-3" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Innehåll</w:t></w:r></w:p>
<w:p><w:r><w:t>Rad i TOC</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc1 \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>Efter</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>dold</w:t></w:r></w:p>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>MERGEFIELD Namn</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>Utan resultat</w:t></w:r></w:p>"#;
    let doc = read(&raw(body, ""));
    assert_eq!(
        doc.dump(),
        "\
p: «Punkt 3»{link=#punkt_3}
p: «Innehåll»
p: «Rad i TOC2»
p: «Efter»
p: «Utan resultat»
"
    );
    assert!(doc.diagnostics.iter().any(|d| d.code == "docx.hidden-text"));
}

#[test]
fn headings_outline_levels_bullets_and_styles_inheritance() {
    let styles = r#"
<w:docDefaults><w:rPrDefault><w:rPr><w:i/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:i w:val="0"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Rubrik1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Bas"><w:name w:val="Bas"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:u w:val="single"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Arvd"><w:name w:val="Ärvd"/><w:basedOn w:val="Bas"/></w:style>
<w:style w:type="paragraph" w:styleId="Slinga"><w:name w:val="Slinga"/><w:basedOn w:val="Slinga"/></w:style>
<w:style w:type="character" w:styleId="Fet"><w:name w:val="Fet"/><w:basedOn w:val="Fet2"/></w:style>
<w:style w:type="character" w:styleId="Fet2"><w:name w:val="Fet2"/><w:rPr><w:b/><w:u w:val="none"/></w:rPr></w:style>"#;
    let body = r#"
<w:p><w:pPr><w:pStyle w:val="Rubrik1"/></w:pPr><w:r><w:t>Rubrik via namn</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Arvd"/></w:pPr><w:r><w:t>Nivå 3 ärvd</w:t></w:r><w:r><w:rPr><w:rStyle w:val="Fet"/></w:rPr><w:t> fet</w:t></w:r></w:p>
<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>Nivå 2 direkt</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Slinga"/></w:pPr><w:r><w:t>Slinga</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Saknas"/></w:pPr><w:r><w:t>Okänd stil</w:t></w:r></w:p>"#;
    let doc = read(&raw(body, styles));
    assert_eq!(
        doc.dump(),
        "\
h1: «Rubrik via namn»{bold}
h3: «Nivå 3 ärvd»{italic,underline} « fet»{bold,italic}
h2: «Nivå 2 direkt»
p: «Slinga»{italic}
p: «Okänd stil»{italic}
"
    );
}

#[test]
fn text_box_choice_read_fallback_skipped_and_vml_alone_read() {
    let body = r#"
<w:p><w:r><w:t>Ankare</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>I rutan</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Choice Requires="x"><w:txbxContent><w:p><w:r><w:t>Andra valet</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>I rutan</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
<w:p><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>Bara VML</w:t></w:r></w:p></w:txbxContent></w:pict></w:r></w:p>
<w:p><w:r><w:t>Slut</w:t></w:r></w:p>"#;
    let doc = read(&raw(body, ""));
    assert_eq!(
        doc.dump(),
        "\
p: «Ankare»
p: «I rutan»
p: «Bara VML»
p: «Slut»
"
    );
}

// The Symbol-font bullet is mapped to "•", and a paragraph opening with a
// typed bullet is a list entry (BulletBlocks).
#[test]
fn deleted_rows_and_symbols() {
    let body = r#"
<w:tbl>
<w:tr><w:tc><w:p><w:r><w:t>Kvar</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:trPr><w:del w:id="1" w:author="A" w:date="2026-01-01T00:00:00Z"/></w:trPr><w:tc><w:p><w:del w:id="2" w:author="A"><w:r><w:delText>Borttagen</w:delText></w:r></w:del></w:p></w:tc></w:tr>
</w:tbl>
<w:p><w:r><w:sym w:font="Symbol" w:char="B7"/><w:t xml:space="preserve"> punkt </w:t><w:sym w:font="Wingdings" w:char="F0FC"/><w:sym w:font="Arial" w:char="00E9"/></w:r></w:p>"#;
    let doc = read(&raw(body, ""));
    assert_eq!(
        doc.dump(),
        "\
table
  row 0
    cell 0
      p: «Kvar»
list
  - level 0 •
    p: «punkt ✓é»
"
    );
}

#[test]
fn alt_chunks_are_reported_missing() {
    let body = r#"<w:p><w:r><w:t>Före</w:t></w:r></w:p><w:altChunk r:id="htmlChunk"/><w:tbl><w:tr><w:tc><w:altChunk r:id="c2"/><w:p/></w:tc></w:tr></w:tbl>"#;
    let doc = read(&raw(body, ""));
    assert_eq!(doc.plain_text(), "Före");
    let d = doc
        .diagnostics
        .iter()
        .find(|d| d.code == "docx.altchunk")
        .unwrap();
    assert!(d.message.starts_with("2 embedded"), "{}", d.message);
}

#[test]
fn section_breaks_start_new_pages_unless_continuous() {
    let body = r#"
<w:p><w:pPr><w:sectPr><w:type w:val="nextPage"/></w:sectPr></w:pPr><w:r><w:t>Försättsblad</w:t></w:r></w:p>
<w:p><w:pPr><w:sectPr/></w:pPr><w:r><w:lastRenderedPageBreak/><w:t>Sida två</w:t></w:r></w:p>
<w:p><w:r><w:t>Fortfarande sida två</w:t></w:r></w:p>
<w:sectPr><w:type w:val="continuous"/></w:sectPr>"#;
    let doc = read(&raw(body, ""));
    assert_eq!(
        doc.dump(),
        "p: «Försättsblad»\npage-break\np: «Sida två»\np: «Fortfarande sida två»\n"
    );
    let pages: Vec<Option<u32>> = doc.blocks.iter().map(|b| b.span.page).collect();
    assert_eq!(pages, [Some(1), Some(1), Some(2), Some(2)]);
    assert_eq!(doc.source.pages, Some(2));
}

/// A package from (name, text) parts.
fn package(parts: &[(&str, String)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in parts {
        w.start_file(*name, opts).unwrap();
        w.write_all(text.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn rels(list: &[(&str, &str, &str, bool)]) -> String {
    let mut s = String::from(
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for (id, kind, target, external) in list {
        s.push_str(&format!(
            r#"<Relationship Id="{id}" Type="{REL}/{kind}" Target="{target}"{}/>"#,
            if *external {
                r#" TargetMode="External""#
            } else {
                ""
            }
        ));
    }
    s.push_str("</Relationships>");
    s
}

#[test]
fn sections_headers_endnotes_and_part_relationships() {
    let document = format!(
        r#"<w:document {NS}><w:body>
<w:p><w:pPr><w:sectPr><w:headerReference w:type="default" r:id="h1"/><w:headerReference w:type="first" r:id="h2"/><w:type w:val="continuous"/></w:sectPr></w:pPr><w:r><w:t>Första</w:t></w:r><w:r><w:endnoteReference w:id="2"/></w:r></w:p>
<w:p><w:r><w:t>Andra</w:t></w:r><w:r><w:footnoteReference w:id="5"/></w:r><w:r><w:endnoteReference w:id="3"/></w:r></w:p>
<w:sectPr><w:headerReference w:type="default" r:id="h1"/><w:footerReference w:type="default" r:id="f1"/><w:footerReference w:type="even" r:id="missing"/><w:type w:val="continuous"/></w:sectPr>
</w:body></w:document>"#
    );
    let header = |t: &str| {
        format!(
            r#"<w:hdr {NS}><w:p><w:hyperlink r:id="web"><w:r><w:t>{t}</w:t></w:r></w:hyperlink></w:p></w:hdr>"#
        )
    };
    let doc = read(&package(&[
        ("word/document.xml", document),
        (
            "word/_rels/document.xml.rels",
            rels(&[
                ("h1", "header", "header1.xml", false),
                ("h2", "header", "/word/header2.xml", false),
                ("f1", "footer", "footer1.xml", false),
                ("en", "endnotes", "endnotes.xml", false),
                ("fn", "footnotes", "footnotes.xml", false),
                ("web", "hyperlink", "https://fel.example", true),
            ]),
        ),
        ("word/header1.xml", header("Huvud")),
        ("word/header2.xml", header("Första sidans huvud")),
        (
            "word/_rels/header1.xml.rels",
            rels(&[("web", "hyperlink", "https://example.se/h1", true)]),
        ),
        (
            "word/footer1.xml",
            format!(r#"<w:ftr {NS}><w:p><w:r><w:t>Fot</w:t></w:r></w:p></w:ftr>"#),
        ),
        (
            "word/endnotes.xml",
            format!(
                r#"<w:endnotes {NS}><w:endnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:endnote><w:endnote w:id="2"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> Slutnot två</w:t></w:r></w:p></w:endnote><w:endnote w:id="3"><w:p><w:r><w:t>Slutnot tre</w:t></w:r></w:p></w:endnote></w:endnotes>"#
            ),
        ),
        (
            "word/footnotes.xml",
            format!(
                r#"<w:footnotes {NS}><w:footnote w:id="5"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>Fotnot</w:t></w:r></w:p></w:footnote></w:footnotes>"#
            ),
        ),
    ]));
    assert_eq!(
        doc.dump(),
        "\
p: «Första» «[1]»{note=en2}
p: «Andra» «[1]»{note=fn5} «[2]»{note=en3}
--- furniture
p: «Huvud»{link=https://example.se/h1}
p: «Första sidans huvud»{link=#}
p: «Fot»
--- note fn5
  p: «Fotnot»
--- note en2
  p: «Slutnot två»
--- note en3
  p: «Slutnot tre»
"
    );
    let codes: Vec<&str> = doc.diagnostics.iter().map(|d| d.code.as_str()).collect();
    // header2 has no rels of its own: its link has no target.
    assert_eq!(codes, ["docx.link.missing-rel"], "{:?}", doc.diagnostics);
    assert_eq!(doc.source.pages, Some(1));
}

#[test]
fn bullets_group_into_lists_and_style_levels_number() {
    let numbering = format!(
        r#"<w:numbering {NS}>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0B7;"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="§ %1"/><w:pStyle w:val="Paragraf"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:pStyle w:val="Underparagraf"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"#
    );
    let styles = format!(
        r#"<w:styles {NS}>
<w:style w:type="paragraph" w:styleId="Paragraf"><w:name w:val="Paragraf"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Underparagraf"><w:name w:val="Underparagraf"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
</w:styles>"#
    );
    let p = |style: &str, num: Option<(u32, u8)>, text: &str| {
        let mut ppr = String::new();
        if !style.is_empty() {
            ppr.push_str(&format!(r#"<w:pStyle w:val="{style}"/>"#));
        }
        if let Some((n, l)) = num {
            ppr.push_str(&format!(
                r#"<w:numPr><w:ilvl w:val="{l}"/><w:numId w:val="{n}"/></w:numPr>"#
            ));
        }
        format!(r#"<w:p><w:pPr>{ppr}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#)
    };
    let body = [
        p("Paragraf", None, "Mötets öppnande"),
        p("", Some((1, 0)), "Punkt ett"),
        p("", Some((1, 1)), "Underpunkt"),
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p>"#
            .to_string(),
        p("", Some((1, 0)), "Punkt två"),
        p("Underparagraf", None, "Första underparagraf"),
        p("Underparagraf", None, "Andra underparagraf"),
        p("Paragraf", None, "Nästa paragraf"),
        p("", Some((1, 0)), "Ensam punkt"),
    ]
    .concat();
    let doc = read(&package(&[
        (
            "word/document.xml",
            format!(r#"<w:document {NS}><w:body>{body}</w:body></w:document>"#),
        ),
        ("word/numbering.xml", numbering),
        ("word/styles.xml", styles),
    ]));
    assert_eq!(
        doc.dump(),
        "\
p [§ 1]: «Mötets öppnande»
list
  - level 0 •
    p: «Punkt ett»
  - level 1 o
    p: «Underpunkt»
  - level 0 •
    p: «Punkt två»
p [1.1]: «Första underparagraf»
p [1.2]: «Andra underparagraf»
p [§ 2]: «Nästa paragraf»
list
  - level 0 •
    p: «Ensam punkt»
"
    );
}

#[test]
fn pictures_are_reported_with_their_alternative_text() {
    let body = r#"<w:p><w:r><w:t>Karta:</w:t></w:r><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="1" name="Bild 1" descr="Karta över Alingsås"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><a:blip r:embed="rId9"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#;
    let doc = read(&raw(body, ""));
    assert_eq!(doc.plain_text(), "Karta:");
    let d = doc
        .diagnostics
        .iter()
        .find(|d| d.code == "docx.image")
        .unwrap();
    assert_eq!(d.level, minutes_model::Level::Info);
    assert!(d.message.contains("«Karta över Alingsås»"), "{}", d.message);
}

#[test]
fn toggle_properties_combine_across_style_levels() {
    let styles = r#"
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Tunn"><w:name w:val="Tunn"/><w:rPr><w:b w:val="0"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Struken"><w:name w:val="Struken"/><w:rPr><w:strike/><w:u w:val="single"/></w:rPr></w:style>"#;
    let body = r#"
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Rubrik </w:t></w:r><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>Strong i rubrik </w:t></w:r><w:r><w:rPr><w:rStyle w:val="Strong"/><w:b/></w:rPr><w:t>direkt fet </w:t></w:r><w:r><w:rPr><w:rStyle w:val="Tunn"/></w:rPr><w:t>tunn</w:t></w:r></w:p>
<w:p><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>Strong i brödtext</w:t></w:r><w:r><w:rPr><w:rStyle w:val="Struken"/></w:rPr><w:t> struken</w:t></w:r></w:p>"#;
    let doc = read(&raw(body, styles));
    assert_eq!(
        doc.dump(),
        "\
h1: «Rubrik »{bold} «Strong i rubrik » «direkt fet »{bold} «tunn»
p: «Strong i brödtext»{bold} « struken»{underline,strike}
"
    );
}
