//! Splitting Swedish text into sentences.
//!
//! A sentence ends at ".", "!" or "?" followed by white space and a capital
//! letter, a digit or a quote — unless the word before the full stop is an
//! abbreviation ("t.ex.", "bl.a.", "m.fl.", "kl.", "resp.", …; one that
//! closes a list, "etc.", "osv.", ends it before a capital), and the text
//! ends at every line break (list items and table cells are units of their
//! own before they get here) and at a bullet between spaces inside a line,
//! a list whose line breaks a text export lost, unless a lead-in ("Beslut:",
//! "… att") holds it.

use std::ops::Range;

/// Abbreviations that do not end a sentence, lower case, with their dots.
const ABBREVIATIONS: &[&str] = &[
    "t.ex.", "bl.a.", "m.fl.", "ev.", "resp.", "kl.", "ca.", "ca", "nr.", "nr", "s.k.", "fr.o.m.",
    "t.o.m.", "dvs.", "d.v.s.", "osv.", "o.s.v.", "etc.", "jfr.", "st.", "tel.", "p.g.a.", "pga.",
    "m.m.", "mm.", "inkl.", "exkl.", "ang.", "enl.", "f.d.", "fr.", "t.", "s.", "obs.", "resp",
    "vs.", "mfl.", "tex.", "o.", "d.", "e.", "p.", "u.", "ff.", "kap.", "prop.", "bil.",
    // Titles before a name ("Dr. Sofia Carlberg will check …"), and a
    // league's division ("FCSF:s div. 2").
    "dr.", "prof.", "mr.", "mrs.", "ms.", "div.",
];

/// Abbreviations that close a list ("… förnyelser etc."): before a capital
/// they end the sentence too ("… etc. Karin kontaktar SSFF").
const LIST_CLOSERS: &[&str] = &["etc.", "osv.", "o.s.v.", "m.m.", "mm."];

/// Byte ranges of the sentences of `text`, trimmed, in order.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'\n' {
            push(&mut out, text, start, i);
            start = i + 1;
        } else if c == 0xE2 && inline_bullet(text, i) {
            // "A) Årsmöte • Blommor skall inköpas • Mikrofon ska finnas":
            // a list whose line breaks a text export lost.
            push(&mut out, text, start, i);
            start = i + '•'.len_utf8();
            i = start;
            continue;
        } else if matches!(c, b'.' | b'!' | b'?') {
            // Include closing quotes/brackets and repeated marks.
            let mut end = i + 1;
            while end < bytes.len()
                && matches!(bytes[end], b'.' | b'!' | b'?' | b')' | b'"' | b'\'')
            {
                end += 1;
            }
            if ends_here(text, start, i, end) {
                push(&mut out, text, start, end);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    push(&mut out, text, start, text.len());
    out
}

/// A bullet ("•") between spaces inside a line: a list item's start. Not
/// after a lead-in ("Beslut: • …", "Beslutades att • …"), whose list the
/// bullets complete.
fn inline_bullet(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    // What stands before the line's first bullet.
    let first = text[line_start..at]
        .find("• ")
        .map_or(at, |b| line_start + b);
    let head = text[line_start..first].trim_end();
    let lead_in = head.ends_with(':')
        || head
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| LEAD_IN_WORDS.contains(&w.to_lowercase().as_str()));
    text[at..].starts_with("• ")
        && text[..at].ends_with(|c: char| c.is_whitespace())
        && !head.is_empty()
        && !lead_in
}

/// The rest of a line is one outcome word and perhaps its full stop
/// ("Beviljades", "Godkänd.").
fn bare_outcome(after: &str) -> bool {
    let rest = after.split('\n').next().unwrap_or("").trim();
    let word = rest.trim_end_matches(['.', '!']);
    // One word, checked before it is lower-cased: most full stops are
    // followed by a sentence.
    !word.is_empty()
        && !word.contains(char::is_whitespace)
        && minutes_structure::lexicon::BARE_OUTCOMES.contains(&word.to_lowercase().as_str())
}

/// "Styrelsen föreslår att avgiften fastställes till 200 kr.": a proposal,
/// whose outcome ("Bifölls.") is a sentence of its own.
fn proposes(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    minutes_structure::lexicon::PROPOSING_VERBS
        .iter()
        .any(|w| lower.split(|c: char| !c.is_alphabetic()).any(|x| x == *w))
}

/// Words that lead in what follows them: a list after them belongs to the
/// sentence.
const LEAD_IN_WORDS: &[&str] = &["att", "om", "följande", "av", "för", "med", "och", "samt"];

fn push(out: &mut Vec<Range<usize>>, text: &str, start: usize, end: usize) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if s.trim().is_empty() {
        return;
    }
    out.push(start + lead..end - trail);
}

fn ends_here(text: &str, start: usize, dot: usize, end: usize) -> bool {
    let after = &text[end..];
    // Must be followed by white space and then a sentence start.
    if !after.starts_with([' ', '\t', '\u{a0}']) {
        return after.is_empty();
    }
    // "Släntröjning av vägarna, högst 30 000 kr. Beviljades": an outcome
    // alone after the matter it answers is that matter's sentence.
    if bare_outcome(after) && !proposes(&text[start..dot]) {
        return false;
    }
    let next = after.trim_start().chars().next();
    let starts_sentence =
        next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"”»(•-–".contains(c));
    if !starts_sentence {
        return false;
    }
    if text.as_bytes()[dot] != b'.' {
        return true;
    }
    // "1. Alla uppdaterar …", "a. Punkt": an enumerator, not a sentence.
    let head = text[start..dot].trim();
    if !head.is_empty()
        && head.len() <= 3
        && (head.chars().all(|c| c.is_ascii_digit())
            || head.chars().all(|c| c.is_ascii_lowercase()))
    {
        return false;
    }
    // The word before the dot, with its own dots ("bl.a.").
    let before = &text[start..end];
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("")
        .to_lowercase();
    let word = word.trim_end_matches(['"', '\'', ')']);
    if ABBREVIATIONS.contains(&word) {
        return LIST_CLOSERS.contains(&word) && next.is_some_and(char::is_uppercase);
    }
    // A single capital and dot is an initial ("Mona P. sa").
    let letters: Vec<char> = word.trim_end_matches('.').chars().collect();
    if letters.len() == 1 && letters[0].is_alphabetic() {
        return false;
    }
    // "2. Punkt" inside a sentence: a number and dot followed by text is an
    // ordinal only at the very start.
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(t: &str) -> Vec<&str> {
        split(t).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn a_bullet_inside_a_line_starts_a_sentence() {
        assert_eq!(
            sentences("A) Årsmöte • Blommor skall inköpas • Mikrofon ska finnas"),
            ["A) Årsmöte", "Blommor skall inköpas", "Mikrofon ska finnas"]
        );
        assert_eq!(
            sentences("• Blommor skall inköpas"),
            ["• Blommor skall inköpas"]
        );
        assert_eq!(
            sentences("Rubrik\n• Blommor skall inköpas"),
            ["Rubrik", "• Blommor skall inköpas"]
        );
        // A lead-in keeps its list.
        assert_eq!(
            sentences("Beslut: • Föreningen köper en gräsklippare • Budgeten antas"),
            ["Beslut: • Föreningen köper en gräsklippare • Budgeten antas"]
        );
        assert_eq!(
            sentences("Beslutades att • Anna bokar lokalen"),
            ["Beslutades att • Anna bokar lokalen"]
        );
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences(
                "Det gäller bl.a. ST-tjänster, t.ex. allergologi. SE stämmer av kl. 14 med Lisa m.fl. Klart."
            ),
            [
                "Det gäller bl.a. ST-tjänster, t.ex. allergologi.",
                "SE stämmer av kl. 14 med Lisa m.fl. Klart."
            ]
        );
        // A list's closing abbreviation before a capital ends it.
        assert_eq!(
            sentences("Styrelsen ber SSFF sköta förnyelser etc. Karin kontaktar SSFF."),
            [
                "Styrelsen ber SSFF sköta förnyelser etc.",
                "Karin kontaktar SSFF."
            ]
        );
        assert_eq!(
            sentences("Vi köper bord, stolar m.m. till lokalen."),
            ["Vi köper bord, stolar m.m. till lokalen."]
        );
        assert_eq!(
            sentences("Frågan bordläggs fr.o.m. idag. Beslut vid nästa möte."),
            ["Frågan bordläggs fr.o.m. idag.", "Beslut vid nästa möte."]
        );
    }

    #[test]
    fn lines_are_boundaries_and_lowercase_continues() {
        assert_eq!(
            sentences("Beslut\nRSL beslutar. Ok"),
            ["Beslut", "RSL beslutar.", "Ok"]
        );
        assert_eq!(sentences("ca. 20 st. deltog"), ["ca. 20 st. deltog"]);
        assert_eq!(
            sentences("1. Alla uppdaterar. Klart."),
            ["1. Alla uppdaterar.", "Klart."]
        );
        assert_eq!(
            sentences("Kontakt tas med Mona P. Beslut vid nästa möte."),
            ["Kontakt tas med Mona P. Beslut vid nästa möte."]
        );
    }

    #[test]
    fn an_outcome_alone_ends_the_sentence_of_its_matter() {
        assert_eq!(
            sentences("Nya skyltar, ca 20 000 kr. Beviljades\nÅrsstämman flyttas."),
            [
                "Nya skyltar, ca 20 000 kr. Beviljades",
                "Årsstämman flyttas."
            ]
        );
        assert_eq!(
            sentences("Fastställande av dagordning. Godkänd."),
            ["Fastställande av dagordning. Godkänd."]
        );
        // After a proposal the outcome stays a sentence of its own.
        assert_eq!(
            sentences("Styrelsen föreslår att avgiften fastställes till 200 kr. Bifölls."),
            [
                "Styrelsen föreslår att avgiften fastställes till 200 kr.",
                "Bifölls."
            ]
        );
        // More than the one word is a sentence of its own.
        assert_eq!(
            sentences("Budgeten lades fram. Godkänd med ändringar."),
            ["Budgeten lades fram.", "Godkänd med ändringar."]
        );
    }
}
