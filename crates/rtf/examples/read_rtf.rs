//! Read files and print what came out and how long it took (the hostile-input
//! checks of the README): `cargo run --release -p minutes-rtf --example read_rtf -- FILE...`

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                println!("{path}: {e}");
                continue;
            }
        };
        let start = std::time::Instant::now();
        let result = minutes_rtf::read(&bytes, &minutes_model::ReadOptions::default());
        let elapsed = start.elapsed();
        match result {
            Ok(doc) => println!(
                "{path}: {} bytes, {} blocks, {} paragraphs, {} diagnostics in {:.3} s",
                bytes.len(),
                doc.blocks.len(),
                doc.blocks
                    .iter()
                    .map(|b| b.paragraphs().len())
                    .sum::<usize>(),
                doc.diagnostics.len(),
                elapsed.as_secs_f64()
            ),
            Err(e) => println!("{path}: error after {:.3} s: {e}", elapsed.as_secs_f64()),
        }
    }
}
