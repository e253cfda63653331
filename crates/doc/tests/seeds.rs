//! The seed minutes rendered to .doc by LibreOffice (fixtures/seeds-doc, made
//! by fixtures/seeds-src/make_office.py) read like their .docx originals, and
//! the real corpus .doc reads.

use minutes_model::{BlockKind, Document, ReadOptions, Style};
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

fn doc(stem: &str) -> Document {
    let bytes = std::fs::read(fixtures().join(format!("seeds-doc/{stem}.doc"))).unwrap();
    minutes_doc::read(&bytes, &ReadOptions::default()).unwrap()
}

fn docx(stem: &str) -> Document {
    let bytes = std::fs::read(fixtures().join(format!("seeds-docx/{stem}.docx"))).unwrap();
    minutes_docx::read(&bytes, &ReadOptions::default()).unwrap()
}

/// Every paragraph's text, depth first, in reading order.
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
        let (d, x) = (doc(stem), docx(stem));
        let (dt, xt) = (paragraph_texts(&d), paragraph_texts(&x));
        assert!(dt.len() > 20, "{stem}: only {} paragraphs", dt.len());
        assert_eq!(dt, xt, "{stem}: paragraph texts differ");
        // Structure and styles too: the model dumps (roles, runs with
        // their styles and links, lists, tables) agree.
        assert_eq!(d.dump(), x.dump(), "{stem}: dumps differ");
        assert!(d.diagnostics.is_empty(), "{stem}: {:?}", d.diagnostics);
    }
}

fn runs_with(d: &Document, style: Style) -> Vec<String> {
    d.blocks
        .iter()
        .flat_map(|b| b.paragraphs())
        .flat_map(|p| p.runs.iter())
        .filter(|r| r.style.contains(style))
        .map(|r| r.text.clone())
        .collect()
}

#[test]
fn strike_bold_tables_lists_and_headings_come_through() {
    let d = doc("002_cc484d1eaf08b371");
    let struck = runs_with(&d, Style::STRIKE);
    assert_eq!(struck.len(), 2, "{struck:?}");
    assert!(struck[0].starts_with("Roman Galeev"));
    assert!(runs_with(&d, Style::BOLD).iter().any(|t| t == "Mötespunkt"));
    let table = d
        .blocks
        .iter()
        .find_map(|b| match &b.kind {
            BlockKind::Table(t) => Some(t),
            _ => None,
        })
        .expect("a table");
    assert!(table.rows.len() >= 6);
    assert!(table.rows.iter().all(|r| r.cells.len() == 2));
    assert!(d.blocks.iter().any(|b| matches!(
        &b.kind,
        BlockKind::Paragraph(p) if p.role == minutes_model::Role::Heading(1)
    )));

    let d = doc("004_70c241165b530b13");
    let lists: Vec<_> = d
        .blocks
        .iter()
        .flat_map(|b| match &b.kind {
            BlockKind::Table(t) => t
                .rows
                .iter()
                .flat_map(|r| r.cells.iter())
                .flat_map(|c| c.blocks.iter())
                .collect::<Vec<_>>(),
            _ => vec![b],
        })
        .filter_map(|b| match &b.kind {
            BlockKind::List(l) => Some(l),
            _ => None,
        })
        .collect();
    assert!(!lists.is_empty());
    assert!(
        lists
            .iter()
            .flat_map(|l| l.items.iter())
            .all(|i| i.label.as_deref() == Some("•"))
    );
}

#[test]
fn the_real_corpus_doc_reads() {
    let bytes =
        std::fs::read(fixtures().join("corpus/303_vsf-arsmote-kallelse-2013-02-23.doc")).unwrap();
    let d = minutes_doc::read(&bytes, &ReadOptions::default()).unwrap();
    let text = d.plain_text();
    assert!(text.starts_with(
        "Kallelse till årsmöte med Västergötlands Spelmansförbund lördagen den 23 februari 2013."
    ));
    assert!(text.contains("15:30 \t\tÅrsmötesförhandlingar"));
    // The author typed a no-break space in the number.
    assert!(text.contains("Telefon 033 – 240\u{a0}280 eller anita.widell@bornet.net"));
    assert!(text.trim_end().ends_with("http://kartor.eniro.se/m/nYwT5"));
    let links: Vec<_> = d
        .blocks
        .iter()
        .flat_map(|b| b.paragraphs())
        .flat_map(|p| p.runs.iter())
        .filter_map(|r| r.link.clone())
        .collect();
    assert_eq!(
        links,
        vec![
            "mailto:anita.widell@bornet.net".to_string(),
            "http://kartor.eniro.se/m/nYwT5".to_string()
        ]
    );
}
