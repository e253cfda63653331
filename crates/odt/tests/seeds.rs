//! The seed minutes rendered to .odt and .fodt by LibreOffice
//! (fixtures/seeds-odt, made by fixtures/seeds-src/make_office.py) read like
//! their .docx originals.

use minutes_model::{Document, ReadOptions, Style};
use std::path::PathBuf;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

const SEEDS: [&str; 5] = [
    "000_554d08a2b9ce75a5",
    "001_a1e443b3a316b07e",
    "002_cc484d1eaf08b371",
    "003_87122beba2117ed0",
    "004_70c241165b530b13",
];

fn read(path: &str) -> Document {
    let bytes = std::fs::read(fixtures().join(path)).unwrap();
    minutes_odt::read(&bytes, &ReadOptions::default()).unwrap()
}

fn docx(stem: &str) -> Document {
    let bytes = std::fs::read(fixtures().join(format!("seeds-docx/{stem}.docx"))).unwrap();
    minutes_docx::read(&bytes, &ReadOptions::default()).unwrap()
}

fn paragraph_texts(d: &Document) -> Vec<String> {
    d.blocks
        .iter()
        .flat_map(|b| b.paragraphs())
        .map(|p| p.text())
        .collect()
}

#[test]
fn seeds_read_like_their_docx_originals() {
    for stem in SEEDS {
        let x = docx(stem);
        for ext in ["odt", "fodt"] {
            let d = read(&format!("seeds-{ext}/{stem}.{ext}"));
            let (dt, xt) = (paragraph_texts(&d), paragraph_texts(&x));
            assert!(dt.len() > 20, "{stem}.{ext}: only {} paragraphs", dt.len());
            assert_eq!(dt, xt, "{stem}.{ext}: paragraph texts differ");
            // Roles, styled runs, links, lists and tables agree too.
            assert_eq!(d.dump(), x.dump(), "{stem}.{ext}: dumps differ");
            // LibreOffice recorded where its pages broke.
            assert!(d.source.pages.unwrap_or(0) >= 2, "{stem}.{ext}");
        }
    }
}

#[test]
fn strike_and_bold_come_through() {
    let d = read("seeds-odt/002_cc484d1eaf08b371.odt");
    let struck: Vec<String> = d
        .blocks
        .iter()
        .flat_map(|b| b.paragraphs())
        .flat_map(|p| p.runs.iter())
        .filter(|r| r.style.contains(Style::STRIKE))
        .map(|r| r.text.clone())
        .collect();
    assert_eq!(struck.len(), 2, "{struck:?}");
    assert!(struck[1].starts_with("Katarina Zamae"));
}
