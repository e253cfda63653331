//! The facts of fixtures/testdocs/wordlike.docx (see its generator,
//! fixtures/testdocs/generators/make_wordlike.py) as the reader must give them.

use minutes_model::{Block, BlockKind, Document, Paragraph, ReadOptions, Role, Run, Style};
use std::sync::OnceLock;

fn doc() -> &'static Document {
    static DOC: OnceLock<Document> = OnceLock::new();
    DOC.get_or_init(|| {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../fixtures/testdocs/wordlike.docx"
        );
        minutes_docx::read(&std::fs::read(path).unwrap(), &ReadOptions::default()).unwrap()
    })
}

fn paragraphs(blocks: &[Block]) -> Vec<&Paragraph> {
    blocks.iter().flat_map(|b| b.paragraphs()).collect()
}

/// The paragraph whose text contains `needle` (exactly one must).
fn para(needle: &str) -> &'static Paragraph {
    let found: Vec<&Paragraph> = paragraphs(&doc().blocks)
        .into_iter()
        .filter(|p| p.text().contains(needle))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "paragraphs containing {needle:?}: {found:#?}"
    );
    found[0]
}

fn run(needle: &str) -> &'static Run {
    para(needle)
        .runs
        .iter()
        .find(|r| r.text.contains(needle))
        .unwrap_or_else(|| panic!("no single run with {needle:?}"))
}

fn count(needle: &str) -> usize {
    let d = doc();
    let mut all = d.plain_text();
    for b in &d.furniture {
        all.push_str(&b.plain_text());
    }
    for n in &d.notes {
        for b in &n.blocks {
            all.push_str(&b.plain_text());
        }
    }
    all.matches(needle).count()
}

#[test]
fn runs_split_by_rsid_are_merged() {
    let p = para("Samordningsråd internmedicin");
    assert_eq!(p.runs.len(), 1);
    assert_eq!(p.role, Role::Heading(1));
    assert_eq!(para("Godkännande mötesanteckningar").runs.len(), 1);
}

#[test]
fn headings_and_title_roles() {
    assert_eq!(para("Deltagare").role, Role::Heading(2));
    assert_eq!(para("Nästkommande möten").role, Role::Heading(2));
    assert_eq!(para("Västra Götalandsregionen").role, Role::Body);
}

#[test]
fn character_formatting_direct_and_from_styles() {
    assert!(run("Katarina Zamac").style.contains(Style::STRIKE));
    // dstrike counts as strike.
    assert!(run("Monica Olsson").style.contains(Style::STRIKE));
    // Strike only through the character style "Struken".
    assert!(run("Roman Galeev").style.contains(Style::STRIKE));
    // w:strike w:val="0" switches it off.
    assert_eq!(run("Marie Gardtman").style, Style::NONE);
    // Bold through the character style Strong; b val=false is not bold.
    assert!(
        run("Fet via teckenformat Strong")
            .style
            .contains(Style::BOLD)
    );
    assert_eq!(run("Inte fet").style, Style::NONE);
    // Bold from the paragraph style Heading1.
    assert!(run("Samordningsråd").style.contains(Style::BOLD));
    assert!(run("kontakt tas med Mona P.").style.contains(Style::ITALIC));
}

#[test]
fn smart_tags_custom_xml_bookmarks_are_transparent() {
    assert_eq!(
        para("Anna Wågander").text(),
        "Anna Wågander, Siv (punkt 10) Alingsås"
    );
    assert_eq!(
        para("Nicoletta Glinatsi").text(),
        "Nicoletta Glinatsi, SkaS"
    );
}

#[test]
fn tracked_changes_insertion_kept_deletion_dropped() {
    assert_eq!(para("kl 15").text(), "Mötet avslutades kl 15.");
    assert_eq!(count("ajournerades"), 0);
}

#[test]
fn entities_are_decoded_once() {
    assert_eq!(
        para("Literal:").text(),
        "Literal: R&D <tagg> &lt; &nbsp; slut"
    );
}

#[test]
fn breaks_tabs_and_hyphens() {
    let t = para("Rad ett").text();
    assert!(
        t.starts_with("Rad ett\nRad två\tefter tab\nefter cr ST-tjänster samordning "),
        "{t:?}"
    );
    // The Wingdings symbol is kept as its character.
    assert!(t.ends_with('\u{F0E0}'), "{t:?}");
}

#[test]
fn numbering_labels_are_rebuilt() {
    let label = |needle: &str| para(needle).label.clone();
    assert_eq!(label("Mötets öppnande").as_deref(), Some("1."));
    assert_eq!(label("Val av justerare").as_deref(), Some("2."));
    assert_eq!(label("Föregående protokoll").as_deref(), Some("3."));
    assert_eq!(label("Aktuellt från au").as_deref(), Some("1."));
    assert_eq!(label("Överenskommelse 2024").as_deref(), Some("1.1."));
    assert_eq!(label("Nominering MTP-råd").as_deref(), Some("1.2."));
    assert_eq!(label("Designstudio").as_deref(), Some("2."));
    // The lower level restarts when the higher one advances.
    assert_eq!(label("Uppdragsbeskrivning").as_deref(), Some("2.1."));
    // Numbering from the paragraph style only continues numId 1.
    assert_eq!(label("Numrerad via formatmall").as_deref(), Some("4."));
    assert_eq!(label("Screening OPT").as_deref(), Some("5."));
    assert_eq!(label("Ej numrerad"), None);
}

#[test]
fn bullets_become_lists() {
    let cell_lists: Vec<&minutes_model::List> = doc()
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Table(t) => Some(t),
            _ => None,
        })
        .flat_map(|t| t.rows.iter().flat_map(|r| r.cells.iter()))
        .flat_map(|c| c.blocks.iter())
        .filter_map(|b| match &b.kind {
            BlockKind::List(l) => Some(l),
            _ => None,
        })
        .collect();
    assert_eq!(cell_lists.len(), 1);
    let l = cell_lists[0];
    assert!(!l.ordered);
    let texts: Vec<String> = l
        .items
        .iter()
        .map(|i| {
            format!(
                "{} {}",
                i.label.as_deref().unwrap_or(""),
                i.blocks[0].plain_text()
            )
        })
        .collect();
    assert_eq!(texts, ["• Representant NPO Lung Allergi", "• Coagucheck"]);
}

#[test]
fn fields_show_results_and_links() {
    assert_eq!(para("Sida").text(), "Sida 1 av 3");
    assert_eq!(count("PAGE"), 0);
    assert_eq!(count("HYPERLINK"), 0);
    assert_eq!(para("Utskrivet").text(), "Utskrivet 2026-02-19");
    let r = run("Bilaga 1.pdf");
    assert_eq!(
        r.link.as_deref(),
        Some("https://example.se/bilagor/Bilaga%201.pdf")
    );
    assert_eq!(run("Bilaga: ").link, None);
}

#[test]
fn hyperlinks_by_relationship_and_anchor() {
    assert_eq!(
        run("2026-01-19 Mötesanteckning").link.as_deref(),
        Some("https://example.se/bilagor/1/2026-01-19%20M%C3%B6tesanteckning.docx")
    );
    assert_eq!(
        run("260216 PKS").link.as_deref(),
        Some("https://example.se/bilagor/3/PKS%20Slutenv%C3%A5rd.pptx")
    );
    assert_eq!(run("Se bilder.").link, None);
    assert_eq!(run("Gå till Nicoletta").link.as_deref(), Some("#_Toc1"));
}

#[test]
fn footnote_in_notes_not_in_body() {
    let d = doc();
    assert_eq!(d.notes.len(), 1);
    let note = &d.notes[0];
    let text: String = note.blocks.iter().map(Block::plain_text).collect();
    assert_eq!(text, "FOTNOT: Beslut i SVN 8 december.");
    assert!(!d.plain_text().contains("FOTNOT"));
    let p = para("Enligt beslut");
    let r = p.runs.iter().find(|r| r.note.is_some()).unwrap();
    assert_eq!(r.note.as_deref(), Some(note.id.as_str()));
    assert_eq!(r.text, "[1]");
    assert_eq!(p.text(), "Enligt beslut[1] i SVN.");
}

#[test]
fn text_box_text_once_in_flow() {
    assert_eq!(count("TEXTRUTA: Utkast"), 1);
    // It follows the footnote paragraph, where its anchor is.
    let texts: Vec<String> = doc().blocks.iter().map(Block::plain_text).collect();
    let i = texts
        .iter()
        .position(|t| t.starts_with("Enligt beslut"))
        .unwrap();
    assert_eq!(texts[i + 1], "TEXTRUTA: Utkast");
}

#[test]
fn headers_and_footers_are_furniture() {
    let d = doc();
    let f: Vec<String> = d.furniture.iter().map(Block::plain_text).collect();
    assert_eq!(
        f,
        [
            "SIDHUVUD Västra Götalandsregionen – Koncernkontoret",
            "SIDFOT Sida 1"
        ]
    );
    assert!(!d.plain_text().contains("SIDHUVUD"));
    let no_furniture = minutes_docx::read(
        &std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../fixtures/testdocs/wordlike.docx"
        ))
        .unwrap(),
        &ReadOptions {
            keep_furniture: false,
            ..ReadOptions::default()
        },
    )
    .unwrap();
    assert!(no_furniture.furniture.is_empty());
}

#[test]
fn table_merges_header_and_content_controls() {
    let t = doc()
        .blocks
        .iter()
        .find_map(|b| match &b.kind {
            BlockKind::Table(t) => Some(t),
            _ => None,
        })
        .unwrap();
    assert_eq!(t.rows.len(), 7);
    assert!(t.rows[0].header);
    assert!(t.rows[1..].iter().all(|r| !r.header));
    // Item 3 spans two rows; the continuation row has only the notes cell.
    let item3 = &t.rows[3].cells[0];
    assert_eq!(item3.plain_text(), "3.");
    assert_eq!((item3.col_span, item3.row_span), (1, 2));
    assert_eq!(t.rows[4].cells.len(), 1);
    assert!(
        t.rows[4].cells[0]
            .plain_text()
            .starts_with("Metod framtagen")
    );
    // The section row spans both columns.
    assert_eq!(t.rows[5].cells.len(), 1);
    assert_eq!(t.rows[5].cells[0].col_span, 2);
    // Row and cell content controls keep their content.
    assert_eq!(t.rows[6].cells[0].plain_text(), "4.");
    assert_eq!(
        t.rows[6].cells[1].plain_text(),
        "Frågan bordläggs (text i content control i cell)."
    );
    // Several paragraphs per cell.
    assert_eq!(t.rows[1].cells[1].blocks.len(), 3);
}

#[test]
fn content_controls_block_and_inline() {
    assert_eq!(para("Datum:").text(), "Datum: 2026-02-16");
    assert!(!run("2026-02-16").style.contains(Style::PLACEHOLDER));
}

#[test]
fn spans_and_pages() {
    let d = doc();
    assert_eq!(d.source.pages, Some(2));
    let first = &d.blocks[0];
    assert_eq!(first.span.line, Some(1));
    assert_eq!(first.span.page, Some(1));
    assert!(first.span.start.unwrap() < first.span.end.unwrap());
    // The lastRenderedPageBreak in the Nicoletta paragraph starts page 2.
    let last = d.blocks.last().unwrap();
    assert_eq!(last.span.page, Some(2));
    // Lines grow with document order.
    let lines: Vec<u32> = d.blocks.iter().filter_map(|b| b.span.line).collect();
    assert!(lines.windows(2).all(|w| w[0] < w[1]), "{lines:?}");
}

#[test]
fn diagnostics_are_only_informational() {
    for d in &doc().diagnostics {
        assert_eq!(d.level, minutes_model::Level::Info, "{d:?}");
    }
}
