//! Dump goldens: `Document::dump()` of fixture documents compared with
//! `tests/golden/*.dump.txt`; set MINUTES_BLESS=1 to rewrite them.

use minutes_model::ReadOptions;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn check(fixture: &str, golden: &str) {
    let path = root().join("../../fixtures").join(fixture);
    let bytes = std::fs::read(&path).unwrap();
    let doc = minutes_docx::read(&bytes, &ReadOptions::default()).unwrap();
    let mut got = doc.dump();
    got.push_str("--- diagnostics\n");
    for d in &doc.diagnostics {
        got.push_str(&format!("{:?} {}: {}\n", d.level, d.code, d.message));
    }
    got.push_str(&format!("--- pages {:?}\n", doc.source.pages));
    let gpath = root().join("tests/golden").join(golden);
    if std::env::var_os("MINUTES_BLESS").is_some() {
        std::fs::write(&gpath, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&gpath)
        .unwrap_or_else(|_| panic!("no golden {golden}: run with MINUTES_BLESS=1"));
    if got != want {
        let first = got
            .lines()
            .zip(want.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        panic!(
            "{fixture}: dump differs from {golden} from line {}:\n got: {:?}\nwant: {:?}\n(MINUTES_BLESS=1 to accept)",
            first + 1,
            got.lines().nth(first),
            want.lines().nth(first)
        );
    }
}

#[test]
fn wordlike_dump() {
    check("testdocs/wordlike.docx", "wordlike.dump.txt");
}

#[test]
fn seedlike_dump() {
    check("testdocs/seedlike.docx", "seedlike.dump.txt");
}

#[test]
fn numbered_dump() {
    check("testdocs/numbered.docx", "numbered.dump.txt");
}
