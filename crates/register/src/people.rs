//! People across meetings: an assignee written as initials ("BL"), a first
//! name ("Björn"), a first name and an initial ("Mona P.") or the chair
//! ("Ordf") is resolved to one full name of the meeting's participant list,
//! or of the series' people when the meeting's own list does not settle it.

use crate::lexicon;

/// A participant as resolution needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Full name.
    pub name: String,
    /// Role in the meeting (ordförande…), when the list gives one.
    pub role: Option<String>,
}

/// The initials of a full name: "Björn Lindkvist" → "BL".
pub fn initials(name: &str) -> String {
    name.split([' ', '-'])
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect()
}

/// The first word of a name.
pub fn first_name(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or("")
}

/// Whether a written assignee looks like initials: 2–4 capitals.
fn is_initials(written: &str) -> bool {
    let n = written.chars().count();
    (2..=4).contains(&n) && written.chars().all(char::is_uppercase)
}

/// Resolves what the minutes wrote to one person of `people`: the same name,
/// the chair, unique initials, a unique first name, or a unique first name
/// with the family name's initial. `None` when nothing or more than one fits.
pub fn resolve<'a>(written: &str, people: &'a [Person]) -> Option<&'a Person> {
    let w = written.trim().trim_end_matches([',', ':']);
    if w.is_empty() {
        return None;
    }
    let lower = w.to_lowercase();
    if lexicon::EVERYONE.contains(&lower.as_str()) {
        return None;
    }
    if let Some(p) = people.iter().find(|p| p.name.to_lowercase() == lower) {
        return Some(p);
    }
    if lexicon::CHAIR.contains(&lower.as_str()) {
        return unique(
            people
                .iter()
                .filter(|p| p.role.as_deref() == Some(lexicon::CHAIR_ROLE)),
        );
    }
    if is_initials(w) {
        return unique(people.iter().filter(|p| initials(&p.name) == w));
    }
    let mut words = w.split_whitespace();
    let first = words.next().unwrap_or("").to_lowercase();
    match (words.next(), words.next()) {
        (None, _) => unique(
            people
                .iter()
                .filter(|p| first_name(&p.name).to_lowercase() == first),
        ),
        (Some(second), None) => {
            // "Mona P." — a first name and the family name's initial.
            let initial = second.trim_end_matches('.');
            if initial.chars().count() != 1 {
                return None;
            }
            unique(people.iter().filter(|p| {
                let mut ws = p.name.split_whitespace();
                ws.next().is_some_and(|f| f.to_lowercase() == first)
                    && ws.last().is_some_and(|l| l.starts_with(initial))
            }))
        }
        _ => None,
    }
}

fn unique<'a>(mut it: impl Iterator<Item = &'a Person>) -> Option<&'a Person> {
    let first = it.next()?;
    match it.find(|p| p.name != first.name) {
        Some(_) => None,
        None => Some(first),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people() -> Vec<Person> {
        let p = |n: &str, r: Option<&str>| Person {
            name: n.into(),
            role: r.map(Into::into),
        };
        vec![
            p("Björn Lindkvist", None),
            p("Mona Persson", None),
            p("Mona Berg", None),
            p("Sofia Ekdahl", Some("ordförande")),
        ]
    }

    #[test]
    fn initials_first_names_and_the_chair() {
        let ps = people();
        let name = |w: &str| resolve(w, &ps).map(|p| p.name.as_str());
        assert_eq!(name("BL"), Some("Björn Lindkvist"));
        assert_eq!(name("Björn"), Some("Björn Lindkvist"));
        assert_eq!(name("björn lindkvist"), Some("Björn Lindkvist"));
        assert_eq!(name("Mona P."), Some("Mona Persson"));
        assert_eq!(name("Ordf"), Some("Sofia Ekdahl"));
    }

    #[test]
    fn ambiguous_and_unknown_stay_unresolved() {
        let ps = people();
        assert_eq!(resolve("Mona", &ps), None);
        assert_eq!(resolve("KS", &ps), None);
        assert_eq!(resolve("Kommunstyrelsen", &ps), None);
        assert_eq!(resolve("all", &ps), None);
        assert_eq!(resolve("", &ps), None);
    }

    #[test]
    fn initials_of_names() {
        assert_eq!(initials("Björn Lindkvist"), "BL");
        assert_eq!(initials("Anna-Karin Öberg"), "AKÖ");
    }
}
