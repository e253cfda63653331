//! An attendance table that a PDF-to-text export flattened to one cell per
//! line ("Bilaga 1 närvarolista": seat, member, substitute, party, time in,
//! time out). The table is read back from its rhythm: the column labels open
//! it, each line is classified as a cell (seat, name, party, clock time) or
//! page furniture, the cells are assembled into rows, and the rows decide
//! who was absent, partly present or serving as a substitute.
//!
//! Page ends print some cells apart from their rows; such names are kept
//! (every name is a participant) but decide nothing about attendance.

use crate::lexicon;
use crate::participants::Participant;
use std::collections::{BTreeMap, BTreeSet};

/// One line of the flattened table, classified.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    /// A seat number ("42").
    Seat(u32),
    /// "Surname, Given" as printed.
    Name(String),
    /// A party code ("S", "MP").
    Party(String),
    /// A clock time, in minutes after midnight.
    Time(u32),
}

/// A row assembled from consecutive cells.
#[derive(Debug, Default, Clone)]
struct Row {
    seat: Option<u32>,
    names: Vec<String>,
    party: Option<String>,
    times: Vec<u32>,
}

impl Row {
    /// A row with its names, party and both times: one that can be trusted.
    fn complete(&self) -> bool {
        !self.names.is_empty() && self.party.is_some() && self.times.len() == 2
    }
}

/// "Akbas, Aslan", "Hama , Zagros": a surname, a comma and given names.
fn is_listed_name(t: &str) -> bool {
    let Some((sur, given)) = t.split_once(',') else {
        return false;
    };
    capitalised_words(sur.trim()) && capitalised_words(given.trim())
}

/// One to four words, each starting with a capital letter and made of
/// letters and hyphens.
fn capitalised_words(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 4
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || "-'’".contains(c))
        })
        // An all-capitals line is a party or a heading, not a name.
        && !words.iter().all(|w| w.chars().all(char::is_uppercase))
}

/// "8:43" → minutes after midnight.
fn clock(t: &str) -> Option<u32> {
    let (h, m) = t.split_once([':', '.'])?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// Classify one line; None for anything else (page furniture, headings).
fn classify(line: &str) -> Option<Cell> {
    let t = line.trim();
    if t.is_empty() {
        return None;
    }
    if t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit()) {
        return t.parse().ok().map(Cell::Seat);
    }
    if let Some(m) = clock(t) {
        return Some(Cell::Time(m));
    }
    if t.chars().count() <= 3 && t.chars().all(char::is_uppercase) {
        return Some(Cell::Party(t.to_string()));
    }
    is_listed_name(t).then(|| Cell::Name(t.to_string()))
}

/// The label of an attendance column, when a line is one.
fn column_label(line: &str) -> Option<&'static str> {
    let key = line.trim().trim_end_matches(':');
    // Labels are short: most lines are rejected before lower-casing.
    if key.is_empty() || key.len() > 16 {
        return None;
    }
    let key = key.to_lowercase();
    lexicon::FLAT_ATTENDANCE_COLUMNS
        .iter()
        .find(|c| **c == key)
        .copied()
}

/// Where the table's header is: the index of its first label line and the
/// index just past its last one. A header names at least four columns,
/// among them a member column and a time column, within a few lines.
fn find_header(lines: &[&str]) -> Option<(usize, usize)> {
    const WINDOW: usize = 16;
    for (i, l) in lines.iter().enumerate() {
        if column_label(l).is_none() {
            continue;
        }
        let mut labels = BTreeSet::new();
        let mut last = i;
        for (j, m) in lines.iter().enumerate().skip(i).take(WINDOW) {
            if let Some(c) = column_label(m) {
                labels.insert(c);
                last = j;
            }
        }
        let has = |w: &str| labels.contains(w);
        if labels.len() >= 4
            && (has("ledamot") || has("ledamöter"))
            && (has("ankom") || has("utgick"))
        {
            return Some((i, last + 1));
        }
    }
    None
}

/// The cells of the table from its header on, with wrapped names joined
/// and page furniture (lines repeated on every page) dropped. The table
/// ends at the next appendix heading.
fn cells(lines: &[&str]) -> Vec<Cell> {
    let Some((start, body)) = find_header(lines) else {
        return Vec::new();
    };
    let end = lines[body..]
        .iter()
        .position(|l| {
            let l = l.trim().to_lowercase();
            l.starts_with("bilaga ") && l.len() < 40
        })
        .map_or(lines.len(), |p| body + p);
    let region: Vec<&str> = lines[start..end]
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty() && column_label(l).is_none())
        .collect();
    // Furniture repeats; a wrapped name's first half does not.
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for l in &region {
        *seen.entry(l).or_default() += 1;
    }
    let fragment = |l: &str| {
        seen.get(l).copied().unwrap_or(0) == 1 && classify(l).is_none() && capitalised_words(l)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < region.len() {
        let l = region[i];
        let next = region.get(i + 1).copied().unwrap_or("");
        // "Andersson" / "Hammarstrand, Robert": a surname wrapped in its cell.
        if fragment(l) && is_listed_name(next) {
            out.push(Cell::Name(format!("{l} {next}")));
            i += 2;
            continue;
        }
        // "Carlsson Hägglund," / "Sara": the given name wrapped.
        // The comma leaves no doubt: the next line completes the name even
        // when the same given name recurs.
        if l.ends_with(',')
            && capitalised_words(l.trim_end_matches(','))
            && capitalised_words(next)
            && classify(next).is_none()
        {
            out.push(Cell::Name(format!("{l} {next}")));
            i += 2;
            continue;
        }
        if let Some(c) = classify(l) {
            out.push(c);
        }
        i += 1;
    }
    out
}

/// Assemble cells into rows: a seat opens a row, then one or two names
/// (member, substitute), the party and two times. A cell out of that order
/// closes the row; a name after a closed row opens a row without a seat.
fn rows(cells: &[Cell]) -> Vec<Row> {
    let mut out: Vec<Row> = Vec::new();
    let mut cur: Option<Row> = None;
    for c in cells {
        match c {
            Cell::Seat(n) => {
                out.extend(cur.take());
                cur = Some(Row {
                    seat: Some(*n),
                    ..Row::default()
                });
            }
            Cell::Name(name) => match cur.as_mut() {
                Some(r) if r.party.is_none() && r.times.is_empty() && r.names.len() < 2 => {
                    r.names.push(name.clone());
                }
                _ => {
                    out.extend(cur.take());
                    cur = Some(Row {
                        names: vec![name.clone()],
                        ..Row::default()
                    });
                }
            },
            Cell::Party(p) => match cur.as_mut() {
                Some(r) if !r.names.is_empty() && r.party.is_none() && r.times.is_empty() => {
                    r.party = Some(p.clone());
                }
                _ => out.extend(cur.take()),
            },
            Cell::Time(t) => match cur.as_mut() {
                Some(r) if r.party.is_some() && r.times.len() < 2 => r.times.push(*t),
                _ => out.extend(cur.take()),
            },
        }
    }
    out.extend(cur);
    out
}

/// Whether a paragraph's text can open a flattened attendance table: one
/// of its lines is the member column's label.
pub(crate) fn opens_table(text: &str) -> bool {
    text.lines()
        .any(|l| matches!(column_label(l), Some("ledamot" | "ledamöter")))
}

/// The participants of a flattened attendance table in `text`, in the
/// order the table first names them; empty when there is no such table.
pub(crate) fn read(text: &str) -> Vec<Participant> {
    // Cheap first look: the member column's label must stand on a line.
    if !text
        .lines()
        .any(|l| matches!(column_label(l), Some("ledamot" | "ledamöter")))
    {
        return Vec::new();
    }
    let lines: Vec<&str> = text.lines().collect();
    let rows = rows(&cells(&lines));
    decide(&rows)
}

/// Who the rows say was there.
fn decide(rows: &[Row]) -> Vec<Participant> {
    let complete: Vec<&Row> = rows.iter().filter(|r| r.complete()).collect();
    let first = complete.iter().filter_map(|r| r.times.first()).min();
    let last = complete.iter().filter_map(|r| r.times.get(1)).max();
    // Everyone once, in order; the first row that names a person as member
    // (first name of a row with a seat) makes them a member.
    let mut order: Vec<String> = Vec::new();
    let mut members: BTreeSet<String> = BTreeSet::new();
    let mut party: BTreeMap<String, String> = BTreeMap::new();
    for r in rows {
        for (k, n) in r.names.iter().enumerate() {
            if !order.contains(n) {
                order.push(n.clone());
            }
            // A run of loose names at a page end is no row: only a seat, or
            // a whole row whose seat was printed elsewhere, names a member.
            let member = k == 0 && (r.seat.is_some() || r.names.len() == 2 && r.complete());
            if member {
                members.insert(n.clone());
            }
            if let Some(p) = &r.party
                && (r.complete() || r.names.len() == 1)
            {
                party.entry(n.clone()).or_insert_with(|| p.clone());
            }
        }
    }
    order
        .into_iter()
        .map(|name| {
            let is_member = members.contains(&name);
            let attendance = if is_member {
                member_attendance(&name, rows)
            } else {
                substitute_attendance(&name, rows, first.copied(), last.copied())
            };
            Participant {
                role: None,
                title: (!is_member).then(|| "ersättare".to_string()),
                affiliation: party.get(&name).cloned(),
                group: "member".into(),
                attendance: attendance.into(),
                remote: false,
                note: None,
                name,
            }
        })
        .collect()
}

/// A member is absent when every row of theirs shows a substitute, partly
/// present when some do; a row out of the table's rhythm leaves it open
/// (present).
fn member_attendance(name: &str, rows: &[Row]) -> &'static str {
    let mine: Vec<&Row> = rows
        .iter()
        .filter(|r| r.names.first().is_some_and(|n| n == name))
        .filter(|r| r.seat.is_some() || r.complete())
        .collect();
    if mine.iter().any(|r| !r.complete()) {
        return "present";
    }
    let substituted = mine.iter().filter(|r| r.names.len() == 2).count();
    match substituted {
        0 => "present",
        n if n == mine.len() => "absent",
        _ => "partial",
    }
}

/// A substitute serves the whole meeting when their rows span it and no
/// one else sits in their seat; otherwise part of it. Rows cut up at a page
/// end still show the seat; only whole rows show the times.
fn substitute_attendance(
    name: &str,
    rows: &[Row],
    first: Option<u32>,
    last: Option<u32>,
) -> &'static str {
    const SLACK: u32 = 30;
    let mine: Vec<&Row> = rows
        .iter()
        .filter(|r| {
            r.names.get(1).is_some_and(|n| n == name)
                || r.seat.is_none()
                    && r.names.len() == 1
                    && r.complete()
                    && r.names.first().is_some_and(|n| n == name)
        })
        .collect();
    if mine.is_empty() {
        return "present";
    }
    let timed: Vec<&&Row> = mine.iter().filter(|r| r.complete()).collect();
    let from = timed.iter().filter_map(|r| r.times.first()).min();
    let to = timed.iter().filter_map(|r| r.times.get(1)).max();
    let spans = match (from, to, first, last) {
        (Some(f), Some(t), Some(a), Some(b)) => *f <= a + SLACK && *t + 5 >= b,
        (None, None, _, _) => true,
        _ => false,
    };
    let seats: BTreeSet<u32> = mine.iter().filter_map(|r| r.seat).collect();
    let shared = rows.iter().any(|r| {
        r.seat.is_some_and(|s| seats.contains(&s))
            && !r.names.is_empty()
            && r.names.get(1).is_none_or(|n| n != name)
    });
    if spans && !shared {
        "present"
    } else {
        "partial"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(cells: &[&str]) -> String {
        cells.join("\n\n")
    }

    #[test]
    fn rows_are_read_back_from_their_rhythm() {
        let text = table(&[
            "Bilaga 1",
            "Plats",
            "Ledamot",
            "1",
            "Ersättare",
            "Parti",
            "Ankom",
            "Utgick",
            "Akbas, Aslan",
            "S",
            "8:43",
            "21:08",
            "22",
            "Andersson",
            "Hammarstrand, Robert",
            "S",
            "9:00",
            "21:08",
            "25",
            "Andersson, Anna",
            "S",
            "8:46",
            "15:40",
            "25",
            "Andersson, Anna",
            "Nesic, Tamara",
            "S",
            "15:45",
            "21:08",
            "62",
            "Carlsson Hägglund,",
            "Sara",
            "Tånghag, Frida",
            "V",
            "8:59",
            "21:08",
            "Göteborgs Stad protokoll",
            "12 (19)",
            "Norén Lallo, Kristina",
            "Göteborgs Stad protokoll",
            "13 (19)",
        ]);
        let ps = read(&text);
        let got: Vec<(&str, &str, Option<&str>)> = ps
            .iter()
            .map(|p| (p.name.as_str(), p.attendance.as_str(), p.title.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("Akbas, Aslan", "present", None),
                ("Andersson Hammarstrand, Robert", "present", None),
                ("Andersson, Anna", "partial", None),
                ("Nesic, Tamara", "partial", Some("ersättare")),
                ("Carlsson Hägglund, Sara", "absent", None),
                ("Tånghag, Frida", "present", Some("ersättare")),
                ("Norén Lallo, Kristina", "present", Some("ersättare")),
            ]
        );
        assert_eq!(ps[0].affiliation.as_deref(), Some("S"));
        assert_eq!(ps[5].affiliation.as_deref(), Some("V"));
        assert_eq!(ps[6].affiliation, None);
    }

    #[test]
    fn vote_lists_and_prose_are_not_attendance_tables() {
        // A vote list names no member column with times.
        let votes = table(&[
            "Namn",
            "Parti",
            "Plats",
            "Funktion",
            "Resultat",
            "Bentzer, Maja",
        ]);
        assert!(read(&votes).is_empty());
        assert!(read("Ledamot\n\nAkbas, Aslan är ordförande.").is_empty());
    }

    #[test]
    fn cells_are_classified() {
        assert_eq!(classify("42"), Some(Cell::Seat(42)));
        assert_eq!(classify("8:43"), Some(Cell::Time(523)));
        assert_eq!(classify("MP"), Some(Cell::Party("MP".into())));
        assert_eq!(
            classify("Hama , Zagros"),
            Some(Cell::Name("Hama , Zagros".into()))
        );
        assert_eq!(classify("Sammanträdesdatum: 2023-11-09"), None);
        assert_eq!(classify("Kommunfullmäktige"), None);
    }
}
