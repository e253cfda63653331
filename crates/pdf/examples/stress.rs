//! Debug: time a synthetic page with very many lines and rules.
use lopdf::{Document, Object, Stream, dictionary};
fn main() {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(
        dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" },
    );
    let mut c = Vec::new();
    for i in 0..60_000 {
        let y = 800.0 - (i % 4000) as f32 * 0.2;
        c.extend_from_slice(
            format!(
                "BT /F1 {} Tf {} {} Td (ab{}) Tj ET 10 {} 500 0.3 re f 10 {} 0.3 500 re f\n",
                4 + i % 9,
                (i * 7) % 500,
                y,
                i,
                y,
                (i % 300) as f32
            )
            .as_bytes(),
        );
    }
    let content_id = doc.add_object(Stream::new(dictionary! {}, c));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
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
    let _ = doc.save_to(&mut out);
    let t = std::time::Instant::now();
    let r = minutes_pdf::read(&out, &Default::default());
    println!(
        "{:?} {}",
        t.elapsed(),
        r.map(|d| d.plain_text().len()).unwrap_or(0)
    );
}
