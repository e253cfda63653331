//! A roll call that a PDF-to-text export ran into one paragraph: each
//! member's name, whom they represent and the mark of the presence column
//! ("… Ledamöter Närv (N), Frånv (F) Hans Andersson SON N Berit Jansson KS N
//! Olof Schillström PRO:s samo Gabriella Wiberg PRO:s samo N … Ersättare
//! Håkan Jonsson SON N …"). The records are read back from their rhythm: a
//! name of two capitalised words, the words of what they represent, then a
//! mark. A member without a mark, or with "F" or "Frånvaro anmäld", was
//! absent; those after "Ersättare" are substitutes.
//!
//! Scanning the words ([`records`]) is kept apart from deciding whether
//! they make a roll and who was there ([`read`]).

use crate::lexicon;
use crate::participants::{self, Participant};

/// One record of the roll, as scanned.
#[derive(Debug, Clone, PartialEq)]
struct Record {
    name: String,
    /// What the person represents ("SON", "PRO:s samo", "Finska föreningen").
    represents: Option<String>,
    /// The presence column's mark: Some(true) present, Some(false) absent.
    mark: Option<bool>,
    /// "Frånvaro anmäld" after the record.
    absence_reported: bool,
    /// Listed after "Ersättare".
    substitute: bool,
}

/// A word that can be part of a person's name in the roll
/// ([`participants::word_of_a_run_name`]), and no word of its headings or
/// legend.
fn name_word(w: &str) -> bool {
    participants::word_of_a_run_name(w) && !lexicon::ROLL_WORDS.contains(&w)
}

/// The presence column's mark: "N" or "X" present, "F" absent.
fn mark(w: &str) -> Option<bool> {
    match w {
        "N" | "X" | "x" => Some(true),
        "F" => Some(false),
        _ => None,
    }
}

/// The records of a roll in `text`, in order, with the substitutes'
/// heading applied; empty when the words hold none.
fn records(text: &str) -> Vec<Record> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::new();
    let mut substitute = false;
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        if lexicon::ROLL_SUBSTITUTE_HEADINGS.contains(&w) {
            substitute = true;
            i += 1;
            continue;
        }
        if lexicon::ROLL_MEMBER_HEADINGS.contains(&w) {
            substitute = false;
            i += 1;
            continue;
        }
        let pair = |k: usize| k + 1 < words.len() && name_word(words[k]) && name_word(words[k + 1]);
        if !pair(i) {
            i += 1;
            continue;
        }
        let name = format!("{} {}", words[i], words[i + 1]);
        let mut j = i + 2;
        let mut represents: Vec<&str> = Vec::new();
        // What the person represents runs to the mark, the next name or
        // a heading; a long run is no record's.
        while j < words.len()
            && mark(words[j]).is_none()
            && !pair(j)
            && !lexicon::ROLL_SUBSTITUTE_HEADINGS.contains(&words[j])
            && !lexicon::ROLL_MEMBER_HEADINGS.contains(&words[j])
            && !words[j..].starts_with(&["Frånvaro", "anmäld"])
            && !lexicon::ROLL_WORDS.contains(&words[j])
            && represents.len() < 4
        {
            represents.push(words[j]);
            j += 1;
        }
        let mark_here = words.get(j).and_then(|w| mark(w));
        if mark_here.is_some() {
            j += 1;
        }
        let absence_reported = words[j..].starts_with(&["Frånvaro", "anmäld"]);
        if absence_reported {
            j += 2;
        }
        let represents = represents.join(" ");
        // "Bmn:", "(S)": the party or body without its marks.
        let represents = represents
            .trim_end_matches([':', ','])
            .trim_start_matches('(')
            .trim_end_matches(')')
            .trim();
        out.push(Record {
            name,
            represents: (!represents.is_empty()).then(|| represents.to_string()),
            mark: mark_here,
            absence_reported,
            substitute,
        });
        i = j.max(i + 2);
    }
    out
}

/// The people of a roll call run into `text`, when it holds one: four
/// marked records at least, most records marked, each name a person's.
/// The roll starts at its first marked record (the words before it are
/// the list's headings and legend).
pub(crate) fn read(text: &str) -> Option<Vec<Participant>> {
    let all = records(text);
    let first = all.iter().position(|r| r.mark.is_some())?;
    let roll = &all[first..];
    let marked = roll.iter().filter(|r| r.mark.is_some()).count();
    if marked < 4 || marked * 3 < roll.len() * 2 {
        return None;
    }
    if !roll.iter().all(|r| participants::is_name(&r.name)) {
        return None;
    }
    Some(
        roll.iter()
            .map(|r| {
                let present = r.mark == Some(true) && !r.absence_reported;
                Participant {
                    name: r.name.clone(),
                    role: None,
                    title: r.substitute.then(|| "ersättare".to_string()),
                    affiliation: r.represents.clone(),
                    group: if r.substitute { "adjunct" } else { "member" }.to_string(),
                    attendance: if present { "present" } else { "absent" }.to_string(),
                    remote: false,
                    note: r.absence_reported.then(|| "Frånvaro anmäld".to_string()),
                }
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROLL: &str = "2 20 maj (23) Närvarolista /Omröstningslista Kommunala Pensionärsrådet Ledamöter Närv (N), Frånv (F) Ja Nej Ja Nej Hans Andersson SON N Berit Jansson KS N Svante Norström Bmn: N Olof Schillström PRO:s samo Gabriella Wiberg PRO:s samo N Carl-Ingvar Göransson SPF Frånvaro anmäld Jussi Böök Finska föreningen N Ersättare Håkan Jonsson SON N Gunnar Marstorp PRO:s samo Vakant SPRF V Astrid Persson SKPF N";

    #[test]
    fn a_roll_call_run_into_a_paragraph_is_read_by_its_marks() {
        let people = read(ROLL).expect("a roll");
        let got: Vec<(&str, Option<&str>, &str, &str)> = people
            .iter()
            .map(|p| {
                (
                    p.name.as_str(),
                    p.affiliation.as_deref(),
                    p.group.as_str(),
                    p.attendance.as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Hans Andersson", Some("SON"), "member", "present"),
                ("Berit Jansson", Some("KS"), "member", "present"),
                ("Svante Norström", Some("Bmn"), "member", "present"),
                ("Olof Schillström", Some("PRO:s samo"), "member", "absent"),
                ("Gabriella Wiberg", Some("PRO:s samo"), "member", "present"),
                ("Carl-Ingvar Göransson", Some("SPF"), "member", "absent"),
                ("Jussi Böök", Some("Finska föreningen"), "member", "present"),
                ("Håkan Jonsson", Some("SON"), "adjunct", "present"),
                ("Gunnar Marstorp", Some("PRO:s samo"), "adjunct", "absent"),
                ("Astrid Persson", Some("SKPF"), "adjunct", "present"),
            ]
        );
    }

    #[test]
    fn a_council_roll_with_parties_in_brackets_and_crosses() {
        let people = read("Närvarolista Ledamöter Anna Berg (S) X Bo Ek (M) X Cecilia Lund (C) David Holm (V) X Eva Nilsson (L) X Ersättare Gustav Ek (S) X").expect("a roll");
        let got: Vec<(&str, Option<&str>, &str)> = people
            .iter()
            .map(|p| {
                (
                    p.name.as_str(),
                    p.affiliation.as_deref(),
                    p.attendance.as_str(),
                )
            })
            .collect();
        assert_eq!(got[0], ("Anna Berg", Some("S"), "present"));
        assert_eq!(got[2], ("Cecilia Lund", Some("C"), "absent"));
        assert_eq!(people[5].group, "adjunct");
    }

    #[test]
    fn prose_and_lists_without_marks_are_no_roll() {
        assert!(
            read("Anna Berg och Bo Ek berättade om resan till Norrby. Cilla Ny var sjuk.")
                .is_none()
        );
        assert!(read("Närvarande: Anna Berg, Bo Ek, Cilla Ny, Dan Ås, Eva Holm").is_none());
        // Three marks are too few to tell a roll.
        assert!(read("Anna Berg S N Bo Ek M N Cilla Ny C N").is_none());
    }
}
