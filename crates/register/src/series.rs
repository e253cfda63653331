//! Which series of meetings (one body, one folder of the archive) a document belongs to, and when it met: small
//! pure functions over what the converter found, with the input's file name
//! as the fallback archives give (`ks-protokoll-2024-03-12.pdf`).

use crate::doc::Document;

/// One meeting's place in its series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    /// The series' key: the body that met, folded, or the file name's family.
    pub series: String,
    /// The meeting's date, ISO, when known.
    pub date: Option<String>,
}

/// Places a document: its body and date, else what its file name says.
pub fn place(doc: &Document, input: &str) -> Placement {
    let name = input.rsplit(['/', '\\']).next().unwrap_or(input);
    let folder = input.rsplit_once(['/', '\\']).map(|(f, _)| f).unwrap_or("");
    // The body as the minutes name it; the folder keeps apart the same
    // body of two organisations (every municipality has a kommunfullmäktige),
    // since the organisation's name is written too differently to key on.
    let body = match doc.meeting.body.as_deref().map(fold_name) {
        Some(b) if !b.is_empty() => b,
        _ => file_family(name),
    };
    let series = if folder.is_empty() {
        body
    } else {
        format!("{folder}/{body}")
    };
    let date = doc
        .meeting
        .date
        .clone()
        .filter(|d| is_iso_date(d))
        .or_else(|| iso_date_in(name))
        .or_else(|| doc.meeting.document_date.clone().filter(|d| is_iso_date(d)));
    Placement { series, date }
}

/// A name folded for comparison: lower case, single spaces.
pub fn fold_name(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// What is left of a file name without extension, dates, numbers and
/// separators at the ends: the name its series shares
/// (`259_ix-styrelse-2017-03-17.md` → `ix-styrelse`).
pub fn file_family(name: &str) -> String {
    let stem = name.split('.').next().unwrap_or(name);
    let words: Vec<&str> = stem
        .split(['-', '_', ' '])
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    words.join("-").to_lowercase()
}

/// `YYYY-MM-DD` with a plausible month and day.
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
    matches!((num(0..4), num(5..7), num(8..10)), (Some(_), Some(m), Some(d)) if (1..=12).contains(&m) && (1..=31).contains(&d))
}

/// The first ISO date written in a text (a file name).
pub fn iso_date_in(s: &str) -> Option<String> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    for (k, &(i, _)) in chars.iter().enumerate() {
        let before_digit = k > 0 && chars.get(k - 1).is_some_and(|(_, c)| c.is_ascii_digit());
        if before_digit {
            continue;
        }
        if let Some(cand) = s.get(i..i + 10)
            && is_iso_date(cand)
            && !s
                .get(i + 10..i + 11)
                .is_some_and(|c| c.chars().all(|c| c.is_ascii_digit()))
        {
            return Some(cand.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_family_drops_numbers_and_dates() {
        assert_eq!(file_family("259_ix-styrelse-2017-03-17.md"), "ix-styrelse");
        assert_eq!(file_family("KS protokoll 2024-03-12.pdf"), "ks-protokoll");
    }

    #[test]
    fn dates_in_file_names() {
        assert_eq!(
            iso_date_in("259_ix-styrelse-2017-03-17.md").as_deref(),
            Some("2017-03-17")
        );
        assert_eq!(iso_date_in("x-2017-13-01.md"), None);
        assert_eq!(iso_date_in("no date"), None);
        assert_eq!(iso_date_in("ö-2020-05-04"), Some("2020-05-04".into()));
    }

    #[test]
    fn the_body_places_a_meeting_before_the_file_name() {
        let mut d = Document::default();
        d.meeting.body = Some("Kommunfullmäktige".into());
        d.meeting.date = Some("2023-10-12".into());
        let p = place(&d, "arkiv/kf-2023.txt");
        assert_eq!(p.series, "arkiv/kommunfullmäktige");
        assert_eq!(p.date.as_deref(), Some("2023-10-12"));
        let p = place(&Document::default(), "ix/259_ix-styrelse-2017-03-17.md");
        assert_eq!(p.series, "ix/ix-styrelse");
        assert_eq!(p.date.as_deref(), Some("2017-03-17"));
    }
}
