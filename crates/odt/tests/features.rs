//! fixtures/testdocs/office/features.fodt (written by hand, one of each
//! thing the reader claims) and LibreOffice's .odt of it read alike.

use minutes_model::ReadOptions;

const WANT: &str = "\
h1: «Protokoll styrelsemöte»{bold}
p: «Närvarande: » «Anna Andersson»{bold} « (ordförande), » «Bertil Berg»{italic} «, » «Cecilia Carlsson»{strike} «, » «David Dahl»{underline} «.»
p: «Mötet hölls i föreningslokalen på kvällen.»
p [1.]: «Mötets öppnande»
p [2.]: «Ekonomi» «[1]»{note=fn1}
p [a)]: «Budget»
p [b)]: «Bokslut»
p [3.]: «Mötets avslutande»
list
  - level 0 •
    p: «första punkten»
  - level 0 •
    p: «andra punkten»
p: «Handlingar finns på » «föreningens webbplats»{LINK} «.»
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
    let want = WANT.replace("LINK", "link=https://example.org/handlingar");
    assert_eq!(d.dump(), want);
    assert!(!d.plain_text().contains("Borttagen"));
    assert_eq!(d.source.pages, Some(2));
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
}

#[test]
fn libreoffice_s_odt_of_it() {
    // LibreOffice gives links its "Internet link" style, underlined.
    let d = read("features.odt");
    let want = WANT.replace("LINK", "underline,link=https://example.org/handlingar");
    assert_eq!(d.dump(), want);
}
