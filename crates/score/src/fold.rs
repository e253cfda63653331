//! Folding text for comparison, exactly as score.py's `fold`, `tokens`,
//! `similar` and `norm_number` do.
//!
//! Python's regular expressions differ from Rust's in two places that
//! matter here, so both are spelled out: `\s` also matches the separators
//! U+001C–U+001F (Python's `str.isspace`), and `\w` is letters, numbers and
//! `_` only (Rust's also takes combining marks and connector punctuation).

use crate::pyvalue::py_str;
use regex::Regex;
use serde_json::Value;
use std::collections::HashSet;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

/// An HTML or XML tag, as score.py strips them: `<[^>]+>`.
static TAG: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"<[^>]+>").ok());

/// Python's `\s+` (characters for which `str.isspace` holds).
static SPACE: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"[\s\x1C-\x1F]+").ok());

/// Python's `\w+`: letters, numbers (any Unicode number) and `_`.
static WORD: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"[\p{L}\p{N}_]+").ok());

/// Python's `str.isspace`, which `str.strip()` strips.
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// score.py's `fold`: NFC, tags and `**`/`~~` markup to spaces, no-break
/// space to space, en and em dash to hyphen, runs of white space to one
/// space, trimmed, then case-folded as Python's `str.casefold` (full Unicode
/// case folding: `ß` → `ss`, `ﬁ` → `fi`, final sigma → sigma).
pub fn fold(s: &str) -> String {
    let s: String = s.nfc().collect();
    let s = match TAG.as_ref() {
        Some(re) => re.replace_all(&s, " ").into_owned(),
        None => s,
    };
    let s = s
        .replace("**", " ")
        .replace("~~", " ")
        .replace(['\u{a0}'], " ")
        .replace(['\u{2013}', '\u{2014}'], "-");
    let s = match SPACE.as_ref() {
        Some(re) => re.replace_all(&s, " ").into_owned(),
        None => s,
    };
    caseless::default_case_fold_str(s.trim_matches(is_py_space))
}

/// `fold(v)` of a JSON value: `None`/`null` fold to the empty string, other
/// values to their Python `str()`.
pub fn fold_value(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(v) => fold(&py_str(v)),
    }
}

/// score.py's `tokens`: the set of words of the folded text.
pub fn tokens(v: Option<&Value>) -> HashSet<String> {
    let folded = fold_value(v);
    match WORD.as_ref() {
        Some(re) => re
            .find_iter(&folded)
            .map(|m| m.as_str().to_string())
            .collect(),
        None => HashSet::new(),
    }
}

/// score.py's `similar` on two token sets: Jaccard overlap, 1 when both are
/// empty, 0 when one is.
pub fn similar(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.intersection(b).count();
    let all = a.union(b).count();
    shared as f64 / all as f64
}

/// score.py's `norm_number`: folded, without `§` and spaces, trailing
/// `.`, `)` and `:` dropped; `None` when nothing is left.
pub fn norm_number(v: Option<&Value>) -> Option<String> {
    match v {
        None | Some(Value::Null) => None,
        Some(_) => {
            let s = fold_value(v).replace(['§', ' '], "");
            let s = s.trim_end_matches(['.', ')', ':']);
            (!s.is_empty()).then(|| s.to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn toks(s: &str) -> HashSet<String> {
        tokens(Some(&json!(s)))
    }

    #[test]
    fn fold_strips_markup_and_white_space_and_folds_case() {
        assert_eq!(
            fold("  **Beslut**:\u{a0}Styrelsen  <b>beslutade</b> "),
            "beslut : styrelsen beslutade"
        );
        assert_eq!(
            fold("Mötet – ajournerades — åter"),
            "mötet - ajournerades - åter"
        );
        assert_eq!(fold("~~struken~~ text"), "struken text");
        assert_eq!(fold("a\u{1c}b\tc\n\nd"), "a b c d");
    }

    #[test]
    fn fold_case_folds_as_python_casefold() {
        assert_eq!(fold("STRASSE Straße ẞ"), "strasse strasse ss");
        assert_eq!(fold("ÅÄÖ Ü É"), "åäö ü é");
        assert_eq!(fold("ﬁnansiering"), "finansiering");
        assert_eq!(fold("ΣΟΦΙΑ σοφίας"), "σοφια σοφίασ");
        assert_eq!(fold("10 µg"), "10 μg");
    }

    #[test]
    fn fold_composes_decomposed_letters() {
        // "ö" as o + combining diaeresis, as some PDF text layers give it.
        assert_eq!(fold("Mo\u{308}te"), "möte");
    }

    #[test]
    fn fold_of_values_follows_python_str() {
        assert_eq!(fold_value(None), "");
        assert_eq!(fold_value(Some(&json!(null))), "");
        assert_eq!(fold_value(Some(&json!(3))), "3");
        assert_eq!(fold_value(Some(&json!(false))), "false");
    }

    #[test]
    fn tokens_are_letters_numbers_and_underscores() {
        let want: HashSet<String> = ["val", "av", "2", "revisorer_x"].map(String::from).into();
        assert_eq!(toks("Val av 2 revisorer_x!"), want);
        // A combining mark that does not compose splits a word, as Python's \w does.
        assert_eq!(toks("a\u{301}\u{301}b").len(), 2);
    }

    #[test]
    fn similarity_is_token_overlap() {
        assert_eq!(
            similar(&toks("Val av ordförande"), &toks("val av ordförande")),
            1.0
        );
        assert_eq!(
            similar(&toks("Val av ordförande"), &toks("Val av sekreterare")),
            0.5
        );
        assert_eq!(similar(&toks(""), &toks("")), 1.0);
        assert_eq!(similar(&toks(""), &toks("x")), 0.0);
    }

    #[test]
    fn numbers_lose_paragraph_signs_and_trailing_punctuation() {
        assert_eq!(norm_number(Some(&json!("§ 12."))).as_deref(), Some("12"));
        assert_eq!(norm_number(Some(&json!("b)"))).as_deref(), Some("b"));
        assert_eq!(norm_number(Some(&json!("2.1:"))).as_deref(), Some("2.1"));
        assert_eq!(norm_number(Some(&json!(4))).as_deref(), Some("4"));
        assert_eq!(norm_number(Some(&json!("§"))), None);
        assert_eq!(norm_number(Some(&json!(null))), None);
        assert_eq!(norm_number(None), None);
    }
}
