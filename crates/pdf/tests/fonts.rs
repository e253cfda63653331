//! Font decoding on PDFs built in the test: Identity-H with ToUnicode and
//! `/W`, ToUnicode taking precedence over `/Differences`, Type3 fonts.

use lopdf::{Document, Object, Stream, dictionary};
use minutes_model::{ReadOptions, Style};

fn pdf_with(
    build: impl FnOnce(&mut Document) -> Vec<(&'static str, lopdf::Dictionary)>,
    content: &[u8],
) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let fonts = build(&mut doc);
    let mut font_res = lopdf::Dictionary::new();
    for (name, f) in fonts {
        let id = doc.add_object(f);
        font_res.set(name, id);
    }
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.to_vec()));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Resources" => dictionary! { "Font" => font_res },
        "Contents" => content_id,
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("save");
    out
}

fn cmap(body: &str) -> Stream {
    let src = format!(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n{body}\nendcmap CMapName currentdict /CMap defineresource pop end end"
    );
    Stream::new(dictionary! {}, src.into_bytes())
}

#[test]
fn identity_h_with_tounicode_and_widths() {
    // Codes 1..=5 are "Möte" plus a space, as Chromium and LibreOffice subset them.
    let tu = cmap(
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
         2 beginbfrange <0001> <0002> <004D> <0003> <0004> [<00F6> <0074>] endbfrange\n\
         2 beginbfchar <0005> <0065> <0006> <0020> endbfchar",
    );
    // <0001>..<0002> map to M, N; the array form gives ö, t.
    let bytes = pdf_with(
        |doc| {
            let tu_id = doc.add_object(tu);
            let descendant = dictionary! {
                "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "ABCDEF+Carlito-Bold",
                "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
                "DW" => 1000,
                "W" => vec![1.into(), vec![800.into(), 700.into(), 550.into(), 350.into(), 500.into(), 250.into()].into()],
            };
            let font = dictionary! {
                "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "ABCDEF+Carlito-Bold", "Encoding" => "Identity-H",
                "DescendantFonts" => vec![descendant.into()],
                "ToUnicode" => tu_id,
            };
            vec![("F1", font)]
        },
        b"BT /F1 12 Tf 50 700 Td <0001000300040005> Tj [<0006>] TJ <00010003> Tj ET",
    );
    let d = minutes_pdf::read(&bytes, &ReadOptions::default()).expect("read");
    let p = &d.blocks[0].paragraphs()[0].runs;
    assert_eq!(p[0].text, "Möte Mö");
    assert!(p[0].style.contains(Style::BOLD));
}

#[test]
fn tounicode_wins_over_differences_and_type3_scales() {
    let tu = cmap(
        "1 begincodespacerange <00> <FF> endcodespacerange\n1 beginbfchar <41> <00C5> endbfchar",
    );
    let simple = |tu_id: lopdf::ObjectId| {
        dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
            "Encoding" => dictionary! { "Type" => "Encoding", "BaseEncoding" => "WinAnsiEncoding", "Differences" => vec![65.into(), Object::Name(b"Z".to_vec()), Object::Name(b"odieresis".to_vec())] },
            "ToUnicode" => tu_id,
        }
    };
    let type3 = dictionary! {
        "Type" => "Font", "Subtype" => "Type3",
        "FontMatrix" => vec![0.01.into(), 0.into(), 0.into(), 0.01.into(), 0.into(), 0.into()],
        "FontBBox" => vec![0.into(), 0.into(), 100.into(), 100.into()],
        "FirstChar" => 1, "LastChar" => 3,
        "Widths" => vec![50.into(), 50.into(), 25.into()],
        "Encoding" => dictionary! { "Type" => "Encoding", "Differences" => vec![1.into(), Object::Name(b"a".to_vec()), Object::Name(b"aring".to_vec()), Object::Name(b"space".to_vec())] },
        "CharProcs" => dictionary! {},
        "Resources" => dictionary! {},
    };
    let bytes = pdf_with(
        move |doc| {
            let tu_id = doc.add_object(tu);
            vec![("F1", simple(tu_id)), ("T3", type3)]
        },
        b"BT /F1 12 Tf 50 700 Td (AB) Tj ET BT /T3 12 Tf 50 650 Td (\\001\\002\\003\\001\\002) Tj ET",
    );
    let d = minutes_pdf::read(&bytes, &ReadOptions::default()).expect("read");
    let text = d.plain_text();
    // A through ToUnicode (Å), B through Differences (ö).
    assert!(text.contains("Åö"), "{text}");
    // Type3 advances are 0.5 em: the words are not run together or split.
    assert!(text.contains("aå aå"), "{text}");
}
