//! fixtures/testdocs/office/features.doc: LibreOffice's Word 97 rendering
//! of a hand-written document with one of each thing the reader claims.

use minutes_model::ReadOptions;

/// The model dump, as the .odt reader gives it for the same document (only
/// the footnote reference is superscript here, as Word formats it).
const WANT: &str = "\
h1: «Protokoll styrelsemöte»{bold}
p: «Närvarande: » «Anna Andersson»{bold} « (ordförande), » «Bertil Berg»{italic} «, » «Cecilia Carlsson»{strike} «, » «David Dahl»{underline} «.»
p: «Mötet hölls i föreningslokalen på kvällen.»
p [1.]: «Mötets öppnande»
p [2.]: «Ekonomi» «[1]»{superscript,note=fn1}
p [a)]: «Budget»
p [b)]: «Bokslut»
p [3.]: «Mötets avslutande»
list
  - level 0 •
    p: «första punkten»
  - level 0 •
    p: «andra punkten»
p: «Handlingar finns på » «föreningens webbplats»{underline,link=https://example.org/handlingar} «.»
table
  row 0 header
    cell 0
      p: «Punkt»
    cell 1
      p: «Beslut»
    cell 2
      p: «Ansvarig»
  row 1
    cell 0 span 1x2
      p: «Ekonomi»
    cell 1
      p: «Budgeten fastställs»
    cell 2
      p: «Kassören»
  row 2
    cell 0
      p: «Bokslutet godkänns»
    cell 1
      p: «Kassören»
  row 3
    cell 0 span 3x1
      p: «Nästa möte 12 mars»
p: «Se rutan.»
p: «Rutan: bilaga 1 delas ut.»
page-break
p: «Vid protokollet: Eva Ek»
--- furniture
p: «Föreningen Exempel – styrelseprotokoll»
p: «Justeras: ________»
--- note fn1
  p: «Enligt kassörens rapport.»
";

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
    assert_eq!(d.dump(), WANT);
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
