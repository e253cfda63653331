//! Print the model dump and diagnostics of PDFs: `cargo run -p minutes-pdf --example dump_pdf -- FILE...`.
fn main() {
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        println!("==== {path}");
        match minutes_pdf::read(&bytes, &minutes_model::ReadOptions::default()) {
            Ok(doc) => {
                print!("{}", doc.dump());
                for d in &doc.diagnostics {
                    println!("!! {} {:?}: {}", d.code, d.level, d.message);
                }
            }
            Err(e) => println!("ERROR: {e}"),
        }
    }
}
