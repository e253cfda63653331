//! Debug: print rules and grids of one page: `cargo run --example rules -- FILE PAGE`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(path), Some(page)) = (args.get(1), args.get(2).and_then(|p| p.parse::<u32>().ok()))
    else {
        return;
    };
    let Ok(bytes) = std::fs::read(path) else {
        return;
    };
    let Ok(doc) = lopdf::Document::load_mem(&bytes) else {
        return;
    };
    let pages = doc.get_pages();
    let Some(id) = pages.get(&page) else { return };
    let mut it = minutes_pdf::interp::Interp::new(&doc);
    let pc = it.page(*id);
    println!(
        "size {}x{} glyphs {} images {}",
        pc.width,
        pc.height,
        pc.glyphs.len(),
        pc.images
    );
    for r in &pc.rules {
        println!("rule {:.1} {:.1} {:.1} {:.1}", r.x0, r.y0, r.x1, r.y1);
    }
    let (grids, _) = minutes_pdf::grid::find_grids(&pc.rules);
    for g in grids {
        println!("grid xs {:?} ys {:?}", g.xs, g.ys);
    }
    for g in pc.glyphs.iter() {
        println!("{:?}", g);
    }
}
