//! Many labelled lines in one item: each is still taken for its label, and
//! the fallback no longer rescans every earlier finding per line (80,000
//! "Beslut:" lines took 28 s when it did; timing lives in the benchmarks).

use minutes_rules::{apply, ruleset::RuleSet};

#[test]
fn every_labelled_line_of_a_long_item_is_found() {
    let lines = 3_000;
    let mut text = String::from("Datum: 2026-02-16\n\n1. Ärenden\n\n");
    for n in 0..lines {
        text.push_str(&format!("Beslut: ärende {n} läggs till handlingarna\n\n"));
    }
    let doc = minutes_text::read(text.as_bytes(), &Default::default()).expect("reads");
    let s = minutes_structure::find(&doc);
    let set = RuleSet::default_rules().expect("rules");
    let f = apply(&set, &s);
    let decisions: usize = f.items.iter().map(|i| i.decisions.len()).sum();
    assert_eq!(decisions, lines);
}
