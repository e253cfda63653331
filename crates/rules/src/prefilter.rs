//! A cheap test that rules out most rules for most sentences before their
//! regex runs.
//!
//! Rules use Unicode word boundaries (`\b`) so that "återremitteras" and
//! "läggs" match as words; on non-ASCII text that makes the regex crate leave
//! its fast DFA for slower engines, and with some forty rules per sentence the
//! regexes dominated the run time. Most rules need a keyword ("beslut",
//! "bordl", "återkopp"), so from each rule's syntax tree we derive the
//! literals of which every match must contain at least one, and check the
//! lower-cased sentence for them first. A rule whose regex yields no such
//! literals (e.g. `\S`) always runs. The prefilter never changes a result: it
//! only skips regexes that cannot match.

use regex_syntax::hir::{Class, Hir, HirKind};

/// The pattern with its word-boundary assertions (`\b`) removed, when it has
/// any. Removing a zero-width assertion only drops a condition, so the
/// result matches wherever the original does.
pub fn without_word_boundaries(pattern: &str) -> Option<String> {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars().peekable();
    let mut removed = false;
    let mut in_class = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let next = chars.next()?;
                if next == 'b' && in_class == 0 {
                    removed = true;
                    // `\b{start}` and friends: drop the braces too.
                    if chars.peek() == Some(&'{') {
                        for x in chars.by_ref() {
                            if x == '}' {
                                break;
                            }
                        }
                    }
                } else {
                    out.push('\\');
                    out.push(next);
                }
            }
            '[' => {
                in_class += 1;
                out.push(c);
            }
            ']' if in_class > 0 => {
                in_class -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    removed.then_some(out)
}

/// Literals (lower case) one of which every match contains; `None` when the
/// regex gives no such guarantee.
pub fn required_literals(pattern: &str) -> Option<Vec<String>> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .ok()?;
    let set = required(&hir)?;
    // Short literals filter little and cost a scan each.
    if set.iter().any(|s| s.chars().count() < 3) {
        return None;
    }
    Some(set)
}

#[cfg(test)]
/// Does the lower-cased sentence contain one of the literals?
pub fn admits(literals: &[String], lower: &str) -> bool {
    literals.iter().any(|l| lower.contains(l.as_str()))
}

/// The required literal set of a node, choosing the most selective branch of
/// a concatenation.
fn required(h: &Hir) -> Option<Vec<String>> {
    match h.kind() {
        HirKind::Literal(lit) => {
            let s = String::from_utf8(lit.0.to_vec()).ok()?;
            Some(vec![s.to_lowercase()])
        }
        HirKind::Class(c) => single_char(c).map(|ch| vec![ch.to_string()]),
        HirKind::Capture(cap) => required(&cap.sub),
        HirKind::Repetition(rep) if rep.min >= 1 => required(&rep.sub),
        HirKind::Alternation(alts) => {
            let mut all = Vec::new();
            for a in alts {
                all.extend(required(a)?);
            }
            all.sort();
            all.dedup();
            Some(all)
        }
        HirKind::Concat(items) => {
            // Adjacent parts with an exact, small set of strings form words
            // ("bes" + ("lutar" | "löt")): join them by cross product; then
            // keep the most selective candidate (longest shortest literal).
            let mut best: Option<Vec<String>> = None;
            let mut run: Option<Vec<String>> = None;
            let consider = |cand: Vec<String>, best: &mut Option<Vec<String>>| {
                let score =
                    |v: &Vec<String>| v.iter().map(|s| s.chars().count()).min().unwrap_or(0);
                if best.as_ref().is_none_or(|b| score(&cand) > score(b)) {
                    *best = Some(cand);
                }
            };
            for it in items {
                match exact(it) {
                    Some(set) => {
                        run = Some(match run.take() {
                            None => set,
                            Some(prev) if prev.len() * set.len() <= 64 => prev
                                .iter()
                                .flat_map(|a| set.iter().map(move |b| format!("{a}{b}")))
                                .collect(),
                            Some(prev) => {
                                consider(prev, &mut best);
                                set
                            }
                        });
                    }
                    None => {
                        if let Some(r) = run.take() {
                            consider(r, &mut best);
                        }
                        if let Some(r) = required(it) {
                            consider(r, &mut best);
                        }
                    }
                }
            }
            if let Some(r) = run {
                consider(r, &mut best);
            }
            best
        }
        _ => None,
    }
}

/// The exact strings a node matches, when that is a small set of literals
/// (lower case).
fn exact(h: &Hir) -> Option<Vec<String>> {
    match h.kind() {
        HirKind::Literal(lit) => Some(vec![String::from_utf8(lit.0.to_vec()).ok()?.to_lowercase()]),
        HirKind::Class(c) => single_char(c).map(|ch| vec![ch.to_string()]),
        HirKind::Capture(cap) => exact(&cap.sub),
        HirKind::Alternation(alts) => {
            let mut all = Vec::new();
            for a in alts {
                all.extend(exact(a)?);
            }
            (all.len() <= 64).then_some(all)
        }
        HirKind::Concat(items) => {
            let mut acc = vec![String::new()];
            for it in items {
                let set = exact(it)?;
                if acc.len() * set.len() > 64 {
                    return None;
                }
                acc = acc
                    .iter()
                    .flat_map(|a| set.iter().map(move |b| format!("{a}{b}")))
                    .collect();
            }
            Some(acc)
        }
        _ => None,
    }
}

/// A class that is one character in its case variants ("[bB]", "[åÅ]"):
/// that character, lower case.
fn single_char(c: &Class) -> Option<char> {
    let chars: Vec<char> = match c {
        Class::Unicode(u) => {
            let mut v = Vec::new();
            for r in u.ranges() {
                let n = r.end() as u32 - r.start() as u32;
                if n > 3 {
                    return None;
                }
                for x in r.start() as u32..=r.end() as u32 {
                    v.push(char::from_u32(x)?);
                }
            }
            v
        }
        Class::Bytes(b) => {
            let mut v = Vec::new();
            for r in b.ranges() {
                if r.end() - r.start() > 3 {
                    return None;
                }
                for x in r.start()..=r.end() {
                    v.push(x as char);
                }
            }
            v
        }
    };
    // Case-insensitive classes hold the letter's case variants, and for a
    // few letters a sign that folds to them: long s, Kelvin, Ångström.
    let fold = |c: &char| match c {
        'ſ' => 's',
        '\u{212A}' => 'k',
        '\u{212B}' => 'å',
        c => c.to_lowercase().next().unwrap_or(*c),
    };
    let first = fold(chars.first()?);
    chars.iter().all(|c| fold(c) == first).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_are_derived_from_case_insensitive_alternations() {
        let lits = required_literals(r"(?i)\b(?:beslutar|beslöt|har\s+beslutat)\b").unwrap();
        assert!(
            lits.contains(&"beslutar".to_string()) && lits.contains(&"beslöt".to_string()),
            "{lits:?}"
        );
        assert!(admits(&lits, "rsl beslutar utse henrik"));
        assert!(!admits(&lits, "anteckningarna godkändes"));
        assert_eq!(required_literals(r"\S"), None);
        assert_eq!(
            required_literals(r"(?i)återremitter(?:as|ades)"),
            Some(vec![
                "återremitteras".to_string(),
                "återremitterades".to_string()
            ])
        );
    }

    #[test]
    fn loose_patterns_drop_word_boundaries_only() {
        assert_eq!(
            without_word_boundaries(r"(?i)\bbeslut\b[\b]\d").as_deref(),
            Some(r"(?i)beslut[\b]\d")
        );
        assert_eq!(without_word_boundaries(r"\d+"), None);
    }

    #[test]
    fn optional_parts_give_no_guarantee() {
        assert_eq!(required_literals(r"(?:beslut)?x"), None);
    }
}
