//! Debug: time the phases of reading one PDF: `cargo run --release --example phases -- FILE`.
use std::time::Instant;
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        return;
    };
    let Ok(bytes) = std::fs::read(&path) else {
        return;
    };
    let n = 20;
    let t = Instant::now();
    for _ in 0..n {
        let _ = lopdf::Document::load_mem(&bytes);
    }
    println!("load      {:?}", t.elapsed() / n);
    let Ok(doc) = lopdf::Document::load_mem(&bytes) else {
        return;
    };
    let pages = doc.get_pages();
    let t = Instant::now();
    for _ in 0..n {
        for id in pages.values() {
            let _ = doc.get_page_content(*id);
        }
    }
    println!("content   {:?}", t.elapsed() / n);
    let t = Instant::now();
    for _ in 0..n {
        for id in pages.values() {
            let c = doc.get_page_content(*id);
            for op in lopdf::content::Content::decode_iter(&c) {
                std::hint::black_box(op.ok());
            }
        }
    }
    println!("+decode   {:?}", t.elapsed() / n);
    let t = Instant::now();
    let mut contents = Vec::new();
    for _ in 0..n {
        let mut it = minutes_pdf::interp::Interp::new(&doc);
        contents = pages.values().map(|id| it.page(*id)).collect::<Vec<_>>();
    }
    println!("interp    {:?}", t.elapsed() / n);
    let t = Instant::now();
    for _ in 0..n {
        for c in &contents {
            std::hint::black_box(minutes_pdf::layout::finish(minutes_pdf::layout::prepare(c)));
        }
    }
    println!("layout    {:?}", t.elapsed() / n);
    let layouts: Vec<_> = contents
        .iter()
        .map(|c| minutes_pdf::layout::finish(minutes_pdf::layout::prepare(c)))
        .collect();
    let texts: Vec<String> = layouts.iter().map(minutes_pdf::layout::page_text).collect();
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(minutes_pdf::quality::garbled_pages(&texts));
    }
    println!("garbled   {:?}", t.elapsed() / n);
    let roles = minutes_pdf::layout::Roles::new(&layouts);
    let t = Instant::now();
    for _ in 0..n {
        let mut d = minutes_model::Document {
            blocks: minutes_pdf::layout::assemble(&layouts, &roles),
            ..Default::default()
        };
        d.normalize();
        std::hint::black_box(d);
    }
    println!("assemble  {:?}", t.elapsed() / n);
    let t = Instant::now();
    for _ in 0..n {
        let _ = minutes_pdf::read(&bytes, &Default::default());
    }
    println!("total     {:?} for {} pages", t.elapsed() / n, pages.len());
}
