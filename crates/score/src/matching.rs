//! Pairing gold with found: items by number then title, extractions by key
//! contained in text. Both are score.py's greedy one-to-one matchings, kept
//! in the same order so that ties fall the same way.

use crate::fold::similar;
use std::collections::HashSet;

/// An item as the matcher sees it: its normalised number and title words.
#[derive(Debug, Clone, Default)]
pub struct ItemKey {
    /// `norm_number` of the item's number.
    pub number: Option<String>,
    /// `tokens` of the item's title.
    pub title: HashSet<String>,
}

/// score.py's `match_items`: for each gold item (in order), the found item
/// it is paired with. First every numbered gold item takes, among the unused
/// found items with the same number, the one whose title is most similar
/// (the first of equals); then every gold item still unpaired takes the
/// unused found item with the most similar title, at least 0.5 (the last of
/// equals).
pub fn match_items(gold: &[ItemKey], found: &[ItemKey]) -> Vec<Option<usize>> {
    let mut used = vec![false; found.len()];
    let mut mapping: Vec<Option<usize>> = vec![None; gold.len()];
    for (gi, g) in gold.iter().enumerate() {
        let Some(number) = &g.number else { continue };
        let mut best: Option<(usize, f64)> = None;
        for (pi, p) in found.iter().enumerate() {
            if used[pi] || p.number.as_ref() != Some(number) {
                continue;
            }
            let s = similar(&g.title, &p.title);
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((pi, s));
            }
        }
        if let Some((pi, _)) = best {
            mapping[gi] = Some(pi);
            used[pi] = true;
        }
    }
    for (gi, g) in gold.iter().enumerate() {
        if mapping[gi].is_some() {
            continue;
        }
        let mut best: Option<usize> = None;
        let mut best_s = 0.5;
        for (pi, p) in found.iter().enumerate() {
            if used[pi] {
                continue;
            }
            let s = similar(&g.title, &p.title);
            if s >= best_s {
                best = Some(pi);
                best_s = s;
            }
        }
        if let Some(pi) = best {
            mapping[gi] = Some(pi);
            used[pi] = true;
        }
    }
    mapping
}

/// Where a gold extraction may be found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Only in the found item its gold item was paired with; `None` when the
    /// gold item was paired with none, so that nothing can match it.
    Item(Option<usize>),
    /// In any found item or at document level (the `*_anywhere` metrics).
    Anywhere,
}

/// A gold decision, action or deferral: its folded key and where it may be found.
#[derive(Debug, Clone)]
pub struct GoldKey {
    /// Where it may be found.
    pub scope: Scope,
    /// The folded `key`; empty keys match nothing.
    pub key: String,
}

/// A found decision, action or deferral: its folded text and its item.
#[derive(Debug, Clone)]
pub struct FoundText {
    /// The found item it stands under; `None` at document level.
    pub item: Option<usize>,
    /// The folded `text`.
    pub text: String,
}

impl FoundText {
    /// A found text under `item`, folded text `text`.
    pub fn new(item: Option<usize>, text: String) -> Self {
        FoundText { item, text }
    }
}

/// score.py's `match_extractions`: each gold key in order takes, among the
/// unused found texts in its scope that contain it, the shortest (the first
/// of equals, lengths counted in characters as Python does). Returns the
/// pairs (gold index, found index) in gold order.
pub fn match_extractions(gold: &[GoldKey], found: &[FoundText]) -> Vec<(usize, usize)> {
    let lengths: Vec<usize> = found.iter().map(|f| f.text.chars().count()).collect();
    let mut used = vec![false; found.len()];
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        if g.key.is_empty() {
            continue;
        }
        let mut best: Option<usize> = None;
        for (pi, p) in found.iter().enumerate() {
            if used[pi] {
                continue;
            }
            let in_scope = match g.scope {
                Scope::Anywhere => true,
                Scope::Item(item) => item.is_some() && item == p.item,
            };
            if !in_scope || !p.text.contains(g.key.as_str()) {
                continue;
            }
            if best.is_none_or(|b| lengths[pi] < lengths[b]) {
                best = Some(pi);
            }
        }
        if let Some(pi) = best {
            used[pi] = true;
            pairs.push((gi, pi));
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::{norm_number, tokens};
    use serde_json::json;

    fn item(number: Option<&str>, title: &str) -> ItemKey {
        ItemKey {
            number: norm_number(number.map(|n| json!(n)).as_ref()),
            title: tokens(Some(&json!(title))),
        }
    }

    #[test]
    fn items_pair_by_number_first() {
        let gold = [
            item(Some("§ 3"), "Val av ordförande"),
            item(Some("4"), "Övrigt"),
        ];
        let found = [
            item(Some("4."), "Övriga frågor"),
            item(Some("3"), "Ordförande"),
        ];
        assert_eq!(match_items(&gold, &found), [Some(1), Some(0)]);
    }

    #[test]
    fn among_equal_numbers_the_closest_title_wins() {
        let gold = [item(Some("2"), "Budget 2024")];
        let found = [
            item(Some("2"), "Rapporter"),
            item(Some("2"), "Budget för 2024"),
        ];
        assert_eq!(match_items(&gold, &found), [Some(1)]);
    }

    #[test]
    fn unnumbered_items_pair_by_title_at_half_overlap_last_of_equals() {
        let gold = [item(None, "Val av revisorer"), item(None, "Helt annat")];
        let found = [
            item(None, "Val av revisor"),
            item(None, "Val av revisorer nu"),
            item(None, "revisorer val av x"),
        ];
        // 0.75 for both the second and third: the later one wins, as `>=` in score.py.
        assert_eq!(match_items(&gold, &found), [Some(2), None]);
    }

    #[test]
    fn a_numbered_gold_item_without_its_number_falls_back_to_its_title() {
        let gold = [item(Some("7"), "Mötets avslutande")];
        let found = [item(Some("8"), "Mötets avslutande")];
        assert_eq!(match_items(&gold, &found), [Some(0)]);
    }

    fn key(scope: Scope, k: &str) -> GoldKey {
        GoldKey {
            scope,
            key: k.to_string(),
        }
    }

    #[test]
    fn a_key_matches_the_shortest_containing_text_in_its_item() {
        let found = [
            FoundText::new(
                Some(0),
                "styrelsen beslutade att anta budgeten i sin helhet".into(),
            ),
            FoundText::new(Some(0), "beslutade att anta budgeten".into()),
            FoundText::new(Some(1), "anta budgeten".into()),
        ];
        let gold = [key(Scope::Item(Some(0)), "anta budgeten")];
        assert_eq!(match_extractions(&gold, &found), [(0, 1)]);
        let gold = [key(Scope::Anywhere, "anta budgeten")];
        assert_eq!(match_extractions(&gold, &found), [(0, 2)]);
    }

    #[test]
    fn matching_is_one_to_one_and_empty_keys_match_nothing() {
        let found = [FoundText::new(Some(0), "mötet öppnades".into())];
        let gold = [
            key(Scope::Item(Some(0)), ""),
            key(Scope::Item(Some(0)), "öppnades"),
            key(Scope::Item(Some(0)), "mötet"),
        ];
        assert_eq!(match_extractions(&gold, &found), [(1, 0)]);
    }

    #[test]
    fn an_unpaired_gold_item_matches_nothing_not_even_document_level_text() {
        let found = [FoundText::new(None, "mötet öppnades".into())];
        let gold = [key(Scope::Item(None), "öppnades")];
        assert!(match_extractions(&gold, &found).is_empty());
    }

    #[test]
    fn lengths_count_characters_not_bytes() {
        // "ööö x" is 5 characters but 8 bytes; "xxxxxx x" is 8 characters.
        let found = [
            FoundText::new(Some(0), "xxxxxx x".into()),
            FoundText::new(Some(0), "ööö x".into()),
        ];
        let gold = [key(Scope::Item(Some(0)), "x")];
        assert_eq!(match_extractions(&gold, &found), [(0, 1)]);
    }
}
