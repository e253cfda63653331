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

/// Literals (lower case) one of which every match contains; `None` when the
/// regex gives no such guarantee.
pub fn required_literals(pattern: &str) -> Option<Vec<String>> {
    let parse = |p: &str| regex_syntax::ParserBuilder::new().build().parse(p).ok();
    let hir = parse(&property_classes_as_digits(pattern)).or_else(|| parse(pattern))?;
    let set = required(&hir)?;
    // Short literals filter little and cost a scan each.
    if set.iter().any(|s| s.chars().count() < 3) {
        return None;
    }
    Some(set)
}

/// `pattern` with each Unicode property class (`\p{L}`, `\P{Lu}`, `\pL`)
/// replaced by `\d` (`\D` for a negated one), for deriving the literals
/// only: the literals never come from a class of many characters, whichever
/// it is, and translating `\p{L}` under `(?i)` (case-folding the whole
/// class) was most of the time spent deriving them. The pattern as written
/// when a class uses set operations or a flag group names `u`.
fn property_classes_as_digits(pattern: &str) -> String {
    let chars: Vec<char> = pattern.chars().collect();
    if minutes_gate::names_unicode_flag(&chars)
        || ["&&", "--", "~~"].iter().any(|op| pattern.contains(op))
    {
        return pattern.to_string();
    }
    let mut out = String::with_capacity(pattern.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let next = chars.get(i + 1).copied();
        match (c, next) {
            ('\\', Some(p @ ('p' | 'P'))) => {
                out.push_str(if p == 'p' { r"\d" } else { r"\D" });
                i += 2;
                if chars.get(i) == Some(&'{') {
                    while chars.get(i).is_some_and(|&x| x != '}') {
                        i += 1;
                    }
                }
                i += 1;
            }
            ('\\', Some(n)) => {
                out.push(c);
                out.push(n);
                i += 2;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
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
    fn the_widened_loose_patterns_match_wherever_the_rules_do() {
        // Every rule of the built-in set with a loose pattern, on sentences
        // with Swedish letters, capitals, digits and punctuation: where the
        // exact pattern matches, the loose one does too, starting no later.
        let set = crate::ruleset::RuleSet::parse(crate::DEFAULT_RULES).expect("valid");
        let sentences = [
            "Styrelsen beslutade att godkänna budgeten för 2024.",
            "Årsmötet valde Anna Öberg till ordförande för ett år.",
            "Ärendet bordläggs till nästa möte den 12 mars.",
            "Per Åström och Lisa Berg ska ta fram ett förslag till nästa möte.",
            "Kommunstyrelsen överlämnar ärendet till Socialnämnden Nordost.",
            "SOR beslutar att lämna synpunkter till förbundet.",
            "Mötet förklarades behörigt utlyst.",
            "Alla ombeds att läsa igenom underlaget – senast 5/3.",
            "Revisorerna tillstyrker att styrelsen beviljas ansvarsfrihet.",
            "Ärendet återremitteras till förvaltningen för komplettering.",
            "Åtgärd: Kim kontaktar banken (Kim Lind).",
            "Mötet ger Ordförande Åsa Öst i uppdrag att skriva till kommunen.",
        ];
        let mut matched = 0;
        for r in &set.rules {
            let Some(loose) = &r.loose else { continue };
            let loose = regex::Regex::new(loose.as_str()).expect("compiles");
            for s in sentences {
                if let Some(m) = r.regex.find(s) {
                    let l = loose.find(s);
                    assert!(l.is_some_and(|l| l.start() <= m.start()), "{}: {s}", r.id);
                    matched += 1;
                }
            }
        }
        assert!(
            matched >= 10,
            "only {matched} matches: the check checks little"
        );
    }

    #[test]
    fn literals_come_out_the_same_with_property_classes_as_digits() {
        assert_eq!(
            property_classes_as_digits(r"[\p{L}-]\pL\P{Lu}\\p{L}x"),
            r"[\d-]\d\D\\p{L}x"
        );
        assert_eq!(property_classes_as_digits(r"[\p{L}&&a]"), r"[\p{L}&&a]");
        // Every built-in rule's literals, derived from the pattern as written.
        let set = crate::ruleset::RuleSet::parse(crate::DEFAULT_RULES).expect("valid");
        for r in &set.rules {
            let p = r.regex.as_str();
            let as_written = regex_syntax::parse(p).ok().and_then(|h| required(&h));
            let as_written = as_written.filter(|set| set.iter().all(|s| s.chars().count() >= 3));
            assert_eq!(required_literals(p), as_written, "{}", r.id);
        }
    }

    #[test]
    fn optional_parts_give_no_guarantee() {
        assert_eq!(required_literals(r"(?:beslut)?x"), None);
    }
}
