//! fixtures/testdocs/office/features.fodt (written by hand, one of each
//! thing the reader claims) and LibreOffice's .odt of it read alike.

use minutes_model::ReadOptions;

/// The model of the hand-written document, as its .fodt reads.
const WANT: &str = include_str!("../../../fixtures/testdocs/office/features.dump");

fn read(name: &str) -> minutes_model::Document {
    let path = format!(
        "{}/../../fixtures/testdocs/office/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    minutes_odt::read(&std::fs::read(path).unwrap(), &ReadOptions::default()).unwrap()
}

#[test]
fn the_hand_written_flat_document() {
    let d = read("features.fodt");
    assert_eq!(d.dump(), WANT);
    assert!(!d.plain_text().contains("Borttagen"));
    assert_eq!(d.source.pages, Some(2));
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
}

#[test]
fn libreoffice_s_odt_of_it() {
    // LibreOffice gives links its "Internet link" style, underlined.
    let d = read("features.odt");
    let want = WANT.replace("{link=", "{underline,link=");
    assert_eq!(d.dump(), want);
}
