//! OCR confusions in item numbers that the numbering itself makes evident.
//!
//! Tesseract reads "§1" as "81" or "31", "§6" as "36", "10" as "l0" or
//! "1O". A single label cannot tell "81" from a real 81; a sequence can:
//! after 5 comes 6, so "36" there was "§6". A label is repaired only when a
//! reading of it continues the numbering its neighbours set and the label as
//! read does not; everything else is kept as read.

/// How one label of a numbering was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// The number as read.
    AsRead(u32),
    /// The number the sequence shows was meant (the text read otherwise).
    Repaired(u32),
    /// Not a number, even allowing for OCR confusions.
    NotANumber,
}

impl Reading {
    /// The number, as read or repaired.
    pub fn number(self) -> Option<u32> {
        match self {
            Reading::AsRead(n) | Reading::Repaired(n) => Some(n),
            Reading::NotANumber => None,
        }
    }
}

/// Characters a paragraph sign is read as, at the start of a label.
fn is_misread_section_sign(c: char) -> bool {
    matches!(c, '8' | '3' | '$' | 'S' | '5')
}

/// A digit read as a letter: l, I and | for 1, O and o for 0.
fn as_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        'l' | 'I' | '|' => Some('1'),
        'O' | 'o' => Some('0'),
        _ => None,
    }
}

/// The label without a section sign, a trailing full stop or parenthesis.
fn core(label: &str) -> &str {
    let t = label.trim();
    let t = t.strip_prefix('§').unwrap_or(t).trim_start();
    t.trim_end_matches(['.', ')', ':'])
}

/// A number, letting letters stand for the digits they look like; and
/// whether any did.
fn digits(s: &str) -> Option<(u32, bool)> {
    if s.is_empty() || s.chars().count() > 6 {
        return None;
    }
    let mut mapped = false;
    let mut v = String::with_capacity(s.len());
    for c in s.chars() {
        let d = as_digit(c)?;
        mapped |= d != c;
        v.push(d);
    }
    Some((v.parse().ok()?, mapped))
}

/// The numbers a label may stand for: first as read (digits only), then
/// with letters taken as digits, then without a leading misread "§".
fn candidates(label: &str) -> Vec<Reading> {
    let s = core(label);
    let mut out = Vec::new();
    if let Some((n, mapped)) = digits(s) {
        out.push(if mapped {
            Reading::Repaired(n)
        } else {
            Reading::AsRead(n)
        });
    }
    let mut chars = s.chars();
    if chars.next().is_some_and(is_misread_section_sign)
        && let Some((n, _)) = digits(chars.as_str())
    {
        out.push(Reading::Repaired(n));
    }
    out
}

/// The readings of a numbering's labels, in order (item numbers of one
/// document as OCR read them).
pub fn repair_numbering(labels: &[&str]) -> Vec<Reading> {
    let cands: Vec<Vec<Reading>> = labels.iter().map(|l| candidates(l)).collect();
    let fits = |i: usize, n: u32| {
        cands
            .get(i)
            .is_some_and(|c| c.iter().any(|r| r.number() == Some(n)))
    };
    let mut out: Vec<Reading> = Vec::with_capacity(labels.len());
    // The last label with a number: where the sequence stands.
    let mut last: Option<(usize, u32)> = None;
    for (i, c) in cands.iter().enumerate() {
        let expected = last.and_then(|(j, n)| n.checked_add(u32::try_from(i - j).ok()?));
        // A reading that continues the sequence so far wins; else one that
        // the next label continues ("83., 84., 85." after "2." is 3, 4, 5,
        // though as read they continue each other too).
        let pick = c
            .iter()
            .copied()
            .find(|r| expected.is_some() && r.number() == expected)
            .or_else(|| {
                c.iter().copied().find(|r| {
                    r.number()
                        .and_then(|n| n.checked_add(1))
                        .is_some_and(|m| fits(i + 1, m))
                })
            })
            .or_else(|| c.iter().copied().find(|r| matches!(r, Reading::AsRead(_))))
            .unwrap_or(Reading::NotANumber);
        if let Some(n) = pick.number() {
            last = Some((i, n));
        }
        out.push(pick);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use Reading::*;

    #[test]
    fn a_run_of_misread_signs_follows_the_sequence_before_it() {
        let r = repair_numbering(&["$1.", "$2.", "83.", "84.", "85.", "$6."]);
        let numbers: Vec<_> = r.iter().map(|x| x.number()).collect();
        assert_eq!(
            numbers,
            [Some(1), Some(2), Some(3), Some(4), Some(5), Some(6)]
        );
    }

    #[test]
    fn section_signs_read_as_digits() {
        // Corpus 133: "§1 Mötets öppnande" came out "81.", "§6" "36.".
        let r = repair_numbering(&["81.", "2.", "3.", "4.", "5.", "36.", "7."]);
        assert_eq!(
            r,
            [
                Repaired(1),
                AsRead(2),
                AsRead(3),
                AsRead(4),
                AsRead(5),
                Repaired(6),
                AsRead(7)
            ]
        );
        assert_eq!(
            repair_numbering(&["§ 14", "$15", "S16"]),
            [AsRead(14), Repaired(15), Repaired(16)]
        );
    }

    #[test]
    fn letters_for_digits() {
        assert_eq!(
            repair_numbering(&["9", "l0", "1l", "12", "1З", "I4"]),
            [
                AsRead(9),
                Repaired(10),
                Repaired(11),
                AsRead(12),
                NotANumber,
                Repaired(14)
            ]
        );
    }

    #[test]
    fn what_the_sequence_does_not_show_is_kept() {
        // Real numbers that happen to start with 8 or 3.
        assert_eq!(
            repair_numbering(&["80", "81", "82"]),
            [AsRead(80), AsRead(81), AsRead(82)]
        );
        assert_eq!(repair_numbering(&["3", "35"]), [AsRead(3), AsRead(35)]);
        // A lone letter is no number; nor is a word.
        assert_eq!(repair_numbering(&["Ordet", "O"]), [NotANumber, NotANumber]);
        assert_eq!(repair_numbering(&[]), []);
    }
}
