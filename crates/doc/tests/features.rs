//! fixtures/testdocs/office/features.doc: LibreOffice's Word 97 rendering
//! of a hand-written document with one of each thing the reader claims.

use minutes_model::ReadOptions;

/// The model of the hand-written document, as its .fodt reads (the .odt
/// reader's test holds it to that).
const WANT: &str = include_str!("../../../fixtures/testdocs/office/features.dump");

fn read(opts: &ReadOptions) -> minutes_model::Document {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/testdocs/office/features.doc"
    ))
    .unwrap();
    minutes_doc::read(&bytes, opts).unwrap()
}

#[test]
fn every_feature_comes_through() {
    let d = read(&ReadOptions::default());
    // Word formats the footnote reference as superscript, and LibreOffice's
    // Word export underlines the link.
    let want = WANT
        .replace("«[1]»{note=fn1}", "«[1]»{superscript,note=fn1}")
        .replace("{link=", "{underline,link=");
    assert_eq!(d.dump(), want);
    // The tracked deletion ("Borttagen mening.") is left out.
    assert!(!d.plain_text().contains("Borttagen"));
    assert_eq!(d.source.pages, Some(2));
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
}

#[test]
fn furniture_can_be_left_out() {
    let d = read(&ReadOptions {
        keep_furniture: false,
        ..ReadOptions::default()
    });
    assert!(d.furniture.is_empty());
    assert_eq!(d.notes.len(), 1);
}
