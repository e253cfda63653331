//! Print the plain text (body, then furniture) of a PDF: `cargo run --example text -- FILE`.
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        return;
    };
    let Ok(bytes) = std::fs::read(&path) else {
        return;
    };
    if let Ok(doc) = minutes_pdf::read(&bytes, &minutes_model::ReadOptions::default()) {
        println!("{}", doc.plain_text());
        for b in doc
            .furniture
            .iter()
            .chain(doc.notes.iter().flat_map(|n| &n.blocks))
        {
            println!("{}", b.plain_text());
        }
    }
}
