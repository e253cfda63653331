//! Small pure functions that recognise how a later item points back at an
//! earlier one: an account of earlier treatment ("Bordlagt den 12 oktober
//! 2023, § 22"), a case number, the same title, the same words; and what a
//! later item says became of the matter. The words come from
//! [`crate::lexicon`]; [`crate::track()`] decides.

use crate::lexicon;
use crate::series::is_iso_date;

/// "§ 22 of the meeting of 2023-10-12": where a matter was handled before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EarlierRef {
    /// The earlier meeting's date, ISO.
    pub date: String,
    /// The item's number there.
    pub number: String,
}

/// Words of a text, lower case, with `§` as a word of its own.
fn words(text: &str) -> Vec<String> {
    text.replace('§', " § ")
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')'))
        .map(|w| w.trim_matches('.').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The month a word names, 1-based.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    lexicon::MONTHS
        .iter()
        .position(|names| names.contains(&w))
        .map(|i| i as u32 + 1)
}

/// Every (date, item number) named after a cue of earlier treatment:
/// "Tidigare behandling: Bordlagt den 12 oktober 2023, § 26 och den 23
/// november 2023, § 63" gives two.
pub fn earlier_references(text: &str) -> Vec<EarlierRef> {
    let lower = text.to_lowercase();
    let mut found = Vec::new();
    let mut from = 0;
    while let Some((at, cue)) = lexicon::EARLIER_TREATMENT
        .iter()
        .filter_map(|c| lower.get(from..)?.find(c).map(|i| (from + i, c.len())))
        .min()
    {
        let end = (at + cue + 240).min(lower.len());
        let end = (end..=lower.len())
            .find(|&i| lower.is_char_boundary(i))
            .unwrap_or(lower.len());
        let segment = lower.get(at..end).unwrap_or("");
        for r in refs_in(segment) {
            if !found.contains(&r) {
                found.push(r);
            }
        }
        from = end;
    }
    found
}

/// "12 oktober 2023 … § 22" pairs in one segment.
fn refs_in(segment: &str) -> Vec<EarlierRef> {
    let ws = words(segment);
    let mut out = Vec::new();
    let mut date: Option<String> = None;
    let mut i = 0;
    while i < ws.len() {
        let w = ws.get(i).map(String::as_str).unwrap_or("");
        let next = |k: usize| ws.get(i + k).map(String::as_str).unwrap_or("");
        if let (Ok(day), Some(month), Ok(year)) = (
            w.parse::<u32>(),
            month_number(next(1)),
            next(2).parse::<u32>(),
        ) && (1..=31).contains(&day)
            && (1000..=9999).contains(&year)
        {
            let d = format!("{year:04}-{month:02}-{day:02}");
            if is_iso_date(&d) {
                date = Some(d);
            }
            i += 3;
            continue;
        }
        if w == "§"
            && let Some(d) = &date
        {
            let n = next(1);
            if n.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                out.push(EarlierRef {
                    date: d.clone(),
                    number: n.to_string(),
                });
            }
        }
        i += 1;
    }
    out
}

/// The item numbers a sentence points at: "under paragraferna 26–29" gives
/// 26, 27, 28, 29; "paragraf 105" gives 105; "punkterna 3, 4 och 7" three.
pub fn referenced_items(text: &str) -> Vec<String> {
    let ws = words(&text.replace(['–', '—'], "-"));
    let mut out = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        if !lexicon::ITEM_REFERENCES.contains(&w.as_str()) {
            continue;
        }
        for n in ws.iter().skip(i + 1) {
            if n == "och" || n == "samt" {
                continue;
            }
            if let Some((a, b)) = n.split_once('-')
                && let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>())
            {
                // A range written in minutes is short; a long one is a misreading.
                if a <= b && b - a <= 100 {
                    out.extend((a..=b).map(|k| k.to_string()));
                }
                continue;
            }
            if n.parse::<u32>().is_ok() {
                out.push(n.clone());
                continue;
            }
            break;
        }
    }
    out.dedup();
    out
}

/// Case numbers after their label: "Ärendenummer SLK-2023-00263",
/// "Dnr KS 2023/0012". Upper case, so that spellings compare.
pub fn case_numbers(text: &str) -> Vec<String> {
    let ws: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        let label = w.trim_end_matches([':', '.']).to_lowercase();
        if !lexicon::CASE_NUMBER_LABELS.contains(&label.as_str()) {
            continue;
        }
        let Some(first) = ws.get(i + 1) else { continue };
        let first = first.trim_end_matches(['.', ')']);
        let number = if first.chars().any(|c| c.is_ascii_digit()) {
            first.to_string()
        } else {
            match ws.get(i + 2) {
                Some(second) if second.chars().any(|c| c.is_ascii_digit()) => {
                    format!("{first} {}", second.trim_end_matches(['.', ')']))
                }
                _ => continue,
            }
        };
        out.push(number.to_uppercase());
    }
    out
}

/// A title folded for comparison: lower-case words of letters and digits.
pub fn title_key(title: &str) -> String {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// How strongly two titles say they are the same matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TitleMatch {
    /// Nothing in common that counts.
    None,
    /// The shorter title's words are all in the longer one ("Emacs" in
    /// "Kontakta Emacs Meetup Stockholm").
    Contained,
    /// One is the other cut short (long titles are cut at a line end).
    Prefix,
    /// The same title.
    Same,
}

/// Compares two item titles.
pub fn compare_titles(a: &str, b: &str) -> TitleMatch {
    let (ka, kb) = (title_key(a), title_key(b));
    if ka.is_empty() || kb.is_empty() {
        return TitleMatch::None;
    }
    if ka == kb {
        return TitleMatch::Same;
    }
    let (short, long) = if ka.len() <= kb.len() {
        (&ka, &kb)
    } else {
        (&kb, &ka)
    };
    if short.len() >= 24 && long.starts_with(short.as_str()) {
        return TitleMatch::Prefix;
    }
    let long_words: Vec<&str> = long.split(' ').collect();
    let short_words: Vec<&str> = short.split(' ').collect();
    let telling = short_words
        .iter()
        .filter(|w| w.chars().count() >= 4 && !lexicon::STOP_WORDS.contains(w))
        .count();
    if telling > 0 && short_words.iter().all(|w| long_words.contains(w)) {
        return TitleMatch::Contained;
    }
    TitleMatch::None
}

/// The words of a text that say what it is about: four letters or more, not
/// stop words, lower case.
pub fn content_words(text: &str) -> Vec<String> {
    let mut ws: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 4 && !lexicon::STOP_WORDS.contains(&w.as_str()))
        .collect();
    ws.sort();
    ws.dedup();
    ws
}

/// How many content words a task and a later text share
/// ("Anna beställer nya skyltar" and "Skyltarna är beställda" share the
/// stems "skylt" and "beställ": words are compared on their first five letters).
pub fn shared_words(task: &str, later: &str) -> usize {
    let stem = |w: &String| w.chars().take(5).collect::<String>();
    let later: Vec<String> = content_words(later).iter().map(stem).collect();
    let mut task: Vec<String> = content_words(task).iter().map(stem).collect();
    task.dedup();
    task.iter().filter(|w| later.contains(w)).count()
}

/// The first cue of a lexicon list in a text, with the sentence it stands in.
pub fn cue_sentence<'a>(text: &'a str, cues: &[&str]) -> Option<&'a str> {
    text.split(['\n', '.', '!', '?']).map(str::trim).find(|s| {
        let l = s.to_lowercase();
        cues.iter().any(|c| contains_phrase(&l, c))
    })
}

/// A phrase in a text at word boundaries.
fn contains_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(i, m)| {
        let before = text.get(..i).and_then(|s| s.chars().last());
        let after = text.get(i + m.len()..).and_then(|s| s.chars().next());
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn earlier_treatment_with_two_dates() {
        let t = "Ärendenummer X\nTidigare behandling\nBordlagt den 12 oktober 2023, § 26 och den 23 november 2023, § 63.\nHandling\n2023 nr 161.";
        assert_eq!(
            earlier_references(t),
            vec![
                EarlierRef {
                    date: "2023-10-12".into(),
                    number: "26".into()
                },
                EarlierRef {
                    date: "2023-11-23".into(),
                    number: "63".into()
                },
            ]
        );
        assert!(earlier_references("Handling 2023 nr 161, § 4").is_empty());
    }

    #[test]
    fn items_a_sentence_points_at() {
        assert_eq!(
            referenced_items("Motionerna under paragraferna 26–29 bordläggs."),
            ["26", "27", "28", "29"]
        );
        assert_eq!(
            referenced_items("Interpellationen under paragraf 105 behandlas"),
            ["105"]
        );
        assert_eq!(
            referenced_items("punkterna 3, 4 och 7 utgår"),
            ["3", "4", "7"]
        );
        assert!(referenced_items("Ärendet bordläggs till den 7 december").is_empty());
    }

    #[test]
    fn case_numbers_after_labels() {
        assert_eq!(
            case_numbers("Ärendenummer SLK-2023-00263\nBeslut"),
            ["SLK-2023-00263"]
        );
        assert_eq!(case_numbers("Dnr: KS 2023/0012."), ["KS 2023/0012"]);
        assert!(case_numbers("dnr saknas").is_empty());
    }

    #[test]
    fn titles() {
        assert_eq!(
            compare_titles("Inköp av 3D-skrivare", "Inköp av 3D-Skrivare"),
            TitleMatch::Same
        );
        assert_eq!(
            compare_titles(
                "Motion av Martin Wannholt (D), Axel Josefson (M), Axel",
                "Motion av Martin Wannholt (D), Axel Josefson (M), Axel Darvik (L)"
            ),
            TitleMatch::Prefix
        );
        assert_eq!(
            compare_titles("Emacs", "Kontakta Emacs Meetup Stockholm"),
            TitleMatch::Contained
        );
        assert_eq!(compare_titles("Nya av", "Av nya"), TitleMatch::None);
        assert_eq!(compare_titles("Budget", "Lokaler"), TitleMatch::None);
    }

    #[test]
    fn words_of_a_task_come_back() {
        assert_eq!(
            shared_words("Anna beställer nya skyltar", "Skyltarna är beställda"),
            2
        );
        assert_eq!(
            shared_words("Anna beställer nya skyltar", "Budgeten antas"),
            0
        );
    }

    #[test]
    fn cues_at_word_boundaries() {
        assert_eq!(
            cue_sentence(
                "Printern fungerar. Vi har en ny 3D-skrivare!",
                lexicon::DONE
            ),
            Some("Vi har en ny 3D-skrivare")
        );
        assert_eq!(cue_sentence("Det är klarhet i frågan", lexicon::DONE), None);
    }
}
