//! Print the model dump of .docx files: `cargo run -p minutes-docx --example dump_docx -- FILE...`

fn main() {
    for path in std::env::args().skip(1) {
        println!("=== {path}");
        match std::fs::read(&path) {
            Ok(bytes) => match minutes_docx::read(&bytes, &minutes_model::ReadOptions::default()) {
                Ok(doc) => {
                    print!("{}", doc.dump());
                    for d in &doc.diagnostics {
                        println!("! {} {}", d.code, d.message);
                    }
                    println!("pages: {:?}", doc.source.pages);
                }
                Err(e) => println!("error: {e}"),
            },
            Err(e) => println!("error: {e}"),
        }
    }
}
