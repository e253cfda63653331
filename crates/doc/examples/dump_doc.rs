//! Print the model dump of .doc files: `cargo run -p minutes-doc --example dump_doc -- FILE...`

fn main() {
    for path in std::env::args().skip(1) {
        println!("=== {path}");
        match std::fs::read(&path) {
            Ok(bytes) => match minutes_doc::read(&bytes, &minutes_model::ReadOptions::default()) {
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
