//! The meeting: organisation, office, body, dates, time and place, read from
//! the lines before the first agenda item.

use crate::dates::{Date, DateContext, find_dates, find_time_range};
use crate::lexicon;
use minutes_model::{Paragraph, Role, Style};
use regex::Regex;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// What the minutes say about the meeting itself.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Meeting {
    /// The authority that owns the minutes.
    pub organization: Option<String>,
    /// The office under it.
    pub department: Option<String>,
    /// The council, board or committee that met.
    pub body: Option<String>,
    /// `minutes`, `agenda` or `notice`.
    pub document_type: Option<String>,
    /// The day the meeting was held (ISO 8601).
    pub date: Option<String>,
    /// A second date: when the notes were written or sent.
    pub document_date: Option<String>,
    /// "HH:MM".
    pub start_time: Option<String>,
    /// "HH:MM".
    pub end_time: Option<String>,
    /// The place, or "Teams".
    pub location: Option<String>,
}

/// A header line as the structure finder saw it.
struct HeaderLine {
    text: String,
    heading: bool,
    placeholder: bool,
}

/// The header lines collected before the agenda.
#[derive(Default)]
pub(crate) struct HeaderLines {
    lines: Vec<HeaderLine>,
}

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(datum|mötesdatum|sammanträdesdatum|sammanträdestid|date|tid|tidpunkt|tid och plats|plats och tid|plats och tidpunkt|plats|lokal|location|place|time|mötestid|mötesplats|sammanträdesplats|organ)\s*(?::|\t)\s*(.*)$")
        .expect("valid regex")
});

impl HeaderLines {
    pub(crate) fn push(&mut self, p: &Paragraph, text: &str) {
        let placeholder =
            p.runs.iter().any(|r| r.style.contains(Style::PLACEHOLDER)) || is_placeholder(text);
        self.lines.push(HeaderLine {
            text: text.trim().to_string(),
            heading: matches!(p.role, Role::Heading(_) | Role::Title),
            placeholder,
        });
    }

    pub(crate) fn meeting(&self) -> Meeting {
        let mut m = Meeting::default();
        let mut dates: Vec<(Date, bool)> = Vec::new(); // (date, labelled as meeting date)
        let mut body_candidates: Vec<(String, bool)> = Vec::new();
        let mut organ: Option<String> = None;
        let mut meeting_kind: Option<String> = None;
        for (i, line) in self.lines.iter().enumerate() {
            let t = strip_markup(&line.text);
            if t.is_empty() {
                continue;
            }
            if line.placeholder {
                continue;
            }
            // Labels are matched before white space is folded: a tab may be
            // their only separator ("Organ⇥Stadsstyrelsen").
            let raw = line
                .text
                .trim()
                .trim_matches(|c: char| c == '*' || c == '#' || c == '_');
            if let Some(c) = LABEL.captures(raw.trim()) {
                let label = c
                    .get(1)
                    .map(|x| x.as_str().to_lowercase())
                    .unwrap_or_default();
                let value = c.get(2).map(|x| x.as_str().trim()).unwrap_or("");
                match label.as_str() {
                    "organ" => {
                        // The last "Organ" label wins: cover pages, where the
                        // first one stands, are the pages most often garbled.
                        if !value.is_empty() {
                            organ = Some(value.to_string());
                        }
                    }
                    "tid och plats" | "plats och tid" | "plats och tidpunkt" => {
                        // "Kommunhuset, Sessionssalen, tisdagen den 8 april
                        // 2025 kl. 13:00–16:30": date, times and the place.
                        for d in find_dates(value, &DateContext::default()) {
                            if let Some(date) = d.date {
                                dates.push((date, true));
                            }
                        }
                        set_times(&mut m, value);
                        if m.location.is_none()
                            && let Some(place) = place_beside_time(value)
                        {
                            m.location = Some(normalize_location(&place));
                        }
                    }
                    "plats" | "lokal" | "location" | "place" | "mötesplats"
                    | "sammanträdesplats" => {
                        let value = value.trim_end_matches('_').trim();
                        if m.location.is_none() && !value.is_empty() && !is_placeholder(value) {
                            m.location = Some(normalize_location(value));
                        }
                    }
                    _ => {
                        let meeting_label = label.contains("möte") || label.contains("sammanträde");
                        for d in find_dates(value, &DateContext::default()) {
                            if let Some(date) = d.date {
                                dates.push((date, meeting_label));
                            }
                        }
                        set_times(&mut m, value);
                    }
                }
                continue;
            }
            // An unlabelled line with a date and time ("2026-02-26, fysiskt möte 09:00-15:00").
            let found = find_dates(&t, &DateContext::default());
            if let Some(d) = found.first().and_then(|d| d.date)
                && t.chars().count() < 80
            {
                dates.push((d, false));
                set_times(&mut m, &t);
                continue;
            }
            if m.start_time.is_none() && find_time_range(&t).is_some() && t.chars().count() < 80 {
                set_times(&mut m, &t);
                continue;
            }
            let key = t.to_lowercase();
            // "Årsmöte - Python Sverige", "Python Sverige board meeting":
            // the kind of meeting names the body, the rest the association.
            if (line.heading || i <= 1)
                && meeting_kind.is_none()
                && let Some((body, org)) = meeting_kind_heading(&t)
            {
                meeting_kind = Some(body);
                // "Protokoll styrelsemöte": the type, not an association.
                if let Some((_, ty)) = document_type_word(&key) {
                    m.document_type.get_or_insert_with(|| ty.to_string());
                }
                if m.organization.is_none() {
                    m.organization =
                        org.filter(|o| document_type_word(&o.to_lowercase()).is_none());
                }
                set_times(&mut m, &t);
                for d in find_dates(&t, &DateContext::default()) {
                    if let Some(date) = d.date {
                        dates.push((date, false));
                    }
                }
                continue;
            }
            if let Some((w, ty)) = document_type_word(&key) {
                m.document_type.get_or_insert_with(|| ty.to_string());
                // "Mötesprotokoll LiTHe kod": a type and a body in one heading.
                let rest = t[w.len().min(t.len())..].trim();
                if line.heading && rest.chars().any(char::is_alphabetic) && !rest.starts_with("nr")
                {
                    // "Protokoll Kommunstyrelsen" names the body; "Mötesprotokoll
                    // LiTHe kod", with no council word, the association.
                    if !any_word_ends(&rest.to_lowercase(), lexicon::BODY_WORDS)
                        && m.organization.is_none()
                        && find_dates(rest, &DateContext::default()).is_empty()
                    {
                        m.organization = Some(rest.to_string());
                    } else {
                        body_candidates.push((rest.to_string(), true));
                    }
                }
                continue;
            }
            let words = t.split_whitespace().count();
            if words == 0 || words > 8 || t.ends_with('.') {
                continue;
            }
            if m.organization.is_none()
                && i <= 2
                && ends_with_any(&key, lexicon::ORGANIZATION_WORDS)
            {
                m.organization = Some(t.clone());
                continue;
            }
            if m.department.is_none() && any_word_ends(&key, lexicon::DEPARTMENT_WORDS) {
                m.department = Some(t.clone());
                continue;
            }
            if any_word_ends(&key, lexicon::BODY_WORDS) || line.heading {
                body_candidates.push((t.clone(), line.heading));
                continue;
            }
            if m.organization.is_none() && i == 0 && words <= 5 {
                m.organization = Some(t.clone());
            }
        }
        // The body: a heading naming a council wins over a plain line.
        let body = body_candidates
            .iter()
            .find(|(t, h)| *h && any_word_ends(&t.to_lowercase(), lexicon::BODY_WORDS))
            .or_else(|| {
                body_candidates
                    .iter()
                    .find(|(t, _)| any_word_ends(&t.to_lowercase(), lexicon::BODY_WORDS))
            })
            .or_else(|| body_candidates.first());
        m.body = organ
            .or(meeting_kind)
            .or_else(|| body.map(|(t, _)| t.clone()));
        // Two dates: the meeting is the labelled one, else the earlier (notes
        // are written after the meeting).
        dates.sort();
        dates.dedup_by_key(|d| d.0);
        if let Some(labelled) = dates.iter().find(|d| d.1) {
            m.date = Some(labelled.0.to_string());
            m.document_date = dates
                .iter()
                .find(|d| d.0 != labelled.0)
                .map(|d| d.0.to_string());
        } else if let Some(first) = dates.first() {
            m.date = Some(first.0.to_string());
            m.document_date = dates.get(1).map(|d| d.0.to_string());
        }
        m
    }
}

static START_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:kl\.?|klockan)\s*(\d{1,2})[:.](\d{2})\b").expect("valid regex")
});

fn set_times(m: &mut Meeting, text: &str) {
    if m.start_time.is_some() {
        return;
    }
    if let Some((_, a, b)) = find_time_range(text) {
        m.start_time = Some(a.to_string());
        m.end_time = Some(b.to_string());
    } else if let Some(c) = START_TIME.captures(text) {
        // "26.09.2022 kl. 16:30": a start without an end.
        let h: u32 = c.get(1).and_then(|x| x.as_str().parse().ok()).unwrap_or(99);
        let min: u32 = c.get(2).and_then(|x| x.as_str().parse().ok()).unwrap_or(99);
        if h < 24 && min < 60 {
            m.start_time = Some(format!("{h:02}:{min:02}"));
        }
    }
}

fn strip_markup(t: &str) -> String {
    let t = t
        .trim()
        .trim_matches(|c: char| c == '*' || c == '#' || c == '_')
        .trim();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(crate) fn is_placeholder(t: &str) -> bool {
    let l = t.to_lowercase();
    lexicon::PLACEHOLDERS.iter().any(|p| l.contains(p))
}

fn ends_with_any(key: &str, words: &[&str]) -> bool {
    key.split_whitespace()
        .last()
        .is_some_and(|w| words.iter().any(|s| w.ends_with(s)))
}

fn any_word_ends(key: &str, words: &[&str]) -> bool {
    key.split_whitespace().any(|w| {
        words
            .iter()
            .any(|s| w.trim_matches(|c: char| !c.is_alphanumeric()).ends_with(s))
    })
}

/// "Via teams", "Teams-möte", "Microsoft Teams" → "Teams".
/// The document type a line (lower case) starts with: ("protokoll",
/// "minutes") for "protokoll styrelsemöte".
fn document_type_word(key: &str) -> Option<(&'static str, &'static str)> {
    lexicon::DOCUMENT_TYPES
        .iter()
        .find(|(w, _)| key == *w || key.strip_prefix(w).is_some_and(|r| r.starts_with(' ')))
        .copied()
}

static KIND_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(extra\s+årsmöte|årsmöte|årsstämma|föreningsstämma|medlemsmöte|styrelsemöte|styrelsesammanträde|board\s+meeting|annual\s+(?:general\s+)?meeting)\s*(?:[-–—:,]\s*|\s(?:för|i|med)\s+)(\p{Lu}[^\d]*?)\s*(?:\d.*)?$")
        .expect("valid regex")
});
static KIND_LAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(\p{Lu}[^\d]*?)\s+(extra\s+årsmöte|årsmöte|årsstämma|föreningsstämma|medlemsmöte|styrelsemöte|board\s+meeting|annual\s+(?:general\s+)?meeting)\b[^\p{L}]*$")
        .expect("valid regex")
});

/// A heading naming the kind of meeting and the association: the body
/// ("Styrelsen" for a board meeting) and the organisation.
fn meeting_kind_heading(line: &str) -> Option<(String, Option<String>)> {
    let (kind, org) = if let Some(c) = KIND_FIRST.captures(line) {
        (c.get(1)?.as_str(), c.get(2).map(|m| m.as_str()))
    } else if let Some(c) = KIND_LAST.captures(line) {
        (c.get(2)?.as_str(), c.get(1).map(|m| m.as_str()))
    } else if let Some(c) = KIND_ALONE.captures(line) {
        (c.get(1)?.as_str(), None)
    } else {
        return None;
    };
    let kind = kind.split_whitespace().collect::<Vec<_>>().join(" ");
    let body = match kind.to_lowercase().as_str() {
        "styrelsemöte" | "styrelsesammanträde" => "Styrelsen".to_string(),
        "board meeting" => "board".to_string(),
        k => {
            let mut c = k.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        }
    };
    let org = org
        .map(|o| {
            o.trim()
                .trim_end_matches([',', '-', '–'])
                .trim()
                .to_string()
        })
        .filter(|o| o.chars().any(char::is_alphabetic));
    Some((body, org))
}

static KIND_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(extra\s+årsmöte|årsmöte|årsstämma|föreningsstämma|medlemsmöte|styrelsemöte)[^\p{L}]*$")
        .expect("valid regex")
});

static WHEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?|den\s+\d|kl\.?|klockan|\d{1,2}[:.]\d{2}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+\p{L}+\s+\d{4})")
        .expect("valid regex")
});

/// The place in a "Plats och tid" value: the text before the date and time,
/// or after them when the place comes last.
fn place_beside_time(value: &str) -> Option<String> {
    let clean = |s: &str| {
        let s = s.trim().trim_matches([',', ';', '-', '–', ' ']).trim();
        s.chars().any(char::is_alphabetic).then(|| s.to_string())
    };
    let first = WHEN.find(value)?;
    if let Some(before) = clean(&value[..first.start()]) {
        return Some(before);
    }
    let after = find_time_range(value).map_or(first.end(), |(r, _, _)| r.end);
    clean(&value[after..])
}

fn normalize_location(v: &str) -> String {
    let l = v.to_lowercase();
    let l = l.trim().trim_end_matches('.');
    if [
        "teams",
        "via teams",
        "på teams",
        "teams-möte",
        "teamsmöte",
        "microsoft teams",
        "digitalt via teams",
    ]
    .contains(&l)
    {
        "Teams".to_string()
    } else {
        v.trim().to_string()
    }
}

static ORG_IN_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b((?:\p{Lu}\p{Ll}+\s+)?\p{L}*(?:sjukvårdsregionen|regionen|kommun|stad|landsting))s?\b",
    )
    .expect("valid regex")
});
static BODY_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\p{Lu}{2,6}(?:\s+au)?)\s+(?:beslutar|beslutade|beslöt|tackar|föreslår|står bakom|fastställer)\b")
        .expect("valid regex")
});
static WELCOME_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:välkommen|välkomna|hälsar välkommen)\s+till\s+(?:mötet\s+)?(?:på|i)\s+(\p{Lu}\p{L}+(?:\s+\p{Ll}+)?)")
        .expect("valid regex")
});

/// Fill what the header lacked from the text: minutes without a header
/// still name their body as the subject of its decisions ("RSL beslutar"),
/// their organisation in passing and their place in the welcome.
pub(crate) fn fill_from_text(m: &mut Meeting, all: &str) {
    // The regexes run only on lines that hold their keyword: whole documents
    // are long, and Unicode word boundaries make the regex engine slow on them.
    // Lower-cased once: lower-casing never adds or removes a line break, so
    // the lines of the two texts pair up.
    let lower_all = all.to_lowercase();
    let lines_with = |words: &'static [&'static str]| {
        all.lines()
            .zip(lower_all.lines())
            .filter(move |(_, lower)| words.iter().any(|w| lower.contains(w)))
            .map(|(l, _)| l)
    };
    if m.body.is_none() {
        m.body = most_frequent(
            lines_with(&[
                "beslut",
                "beslöt",
                "tackar",
                "föreslår",
                "står bakom",
                "fastställer",
            ])
            .flat_map(|l| {
                BODY_SUBJECT
                    .captures_iter(l)
                    .filter_map(|c| c.get(1))
                    .map(|x| x.as_str().to_string())
                    .collect::<Vec<_>>()
            }),
            3,
        );
    }
    if m.organization.is_none() {
        m.organization = most_frequent(
            lines_with(&["regionen", "kommun", "stad", "landsting"])
                .flat_map(|l| {
                    ORG_IN_TEXT
                        .captures_iter(l)
                        .filter_map(|c| c.get(1))
                        .map(|x| x.as_str().to_string())
                        .collect::<Vec<_>>()
                })
                .filter(|s| s.chars().next().is_some_and(char::is_uppercase)),
            1,
        );
    }
    // "Mötet förklarades öppnat 14:00", "Mötet avslutas 12:50": the times
    // an association's minutes give in their opening and closing items.
    if m.start_time.is_none() {
        m.start_time = lines_with(&["öppna", "opened"])
            .find_map(|l| OPENED.captures(l).and_then(|c| clock(c.get(1)?.as_str())));
    }
    if m.end_time.is_none() {
        m.end_time = lines_with(&["avslut", "closed", "adjourned"])
            .find_map(|l| CLOSED.captures(l).and_then(|c| clock(c.get(1)?.as_str())));
    }
    if m.location.is_none() {
        m.location = lines_with(&["välkom"]).find_map(|l| {
            WELCOME_PLACE
                .captures(l)
                .and_then(|c| c.get(1))
                .map(|x| x.as_str().trim().to_string())
        });
    }
}

static OPENED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:mötet|sammanträdet|årsmötet|stämman|meeting)\s+(?:\p{L}+\s+){0,2}(?:öppnades|öppnas|öppnat|opened)\s+(?:kl\.?\s*|klockan\s+|at\s+)?(\d{1,2}[:.]\d{2})\b")
        .expect("valid regex")
});
static CLOSED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:mötet|sammanträdet|årsmötet|stämman|meeting)\s+(?:\p{L}+\s+){0,2}(?:avslutades|avslutas|avslutat|closed|adjourned)\s+(?:kl\.?\s*|klockan\s+|at\s+)?(\d{1,2}[:.]\d{2})\b")
        .expect("valid regex")
});

/// "14.00" or "14:00" as "14:00", when it is a time of day.
fn clock(t: &str) -> Option<String> {
    let (h, m) = t.split_once([':', '.'])?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then(|| format!("{h:02}:{m:02}"))
}

fn most_frequent(it: impl Iterator<Item = String>, min: usize) -> Option<String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for s in it {
        *counts.entry(s).or_default() += 1;
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= min)
        .max_by_key(|(_, n)| *n)
        .map(|(s, _)| s)
}

#[cfg(test)]
mod tests {
    use super::place_beside_time;

    #[test]
    fn a_kind_of_meeting_names_the_body_and_the_association() {
        use super::meeting_kind_heading as k;
        let pair = |b: &str, o: Option<&str>| Some((b.to_string(), o.map(str::to_string)));
        assert_eq!(
            k("Årsmöte - Python Sverige"),
            pair("Årsmöte", Some("Python Sverige"))
        );
        assert_eq!(
            k("Styrelsemöte - Python Sverige"),
            pair("Styrelsen", Some("Python Sverige"))
        );
        assert_eq!(
            k("Python Sverige board meeting 2015-01-21"),
            pair("board", Some("Python Sverige"))
        );
        assert_eq!(k("Årsmöte 2024"), pair("Årsmöte", None));
        assert_eq!(k("Årsmötet beslutade att välja styrelsen."), None);
    }

    #[test]
    fn opening_and_closing_times_from_the_text() {
        let mut m = super::Meeting::default();
        super::fill_from_text(
            &mut m,
            "1 Mötets öppnande\nMötet förklarades öppnat 14:00.\n\nMötet avslutas 16.05\n",
        );
        assert_eq!(m.start_time.as_deref(), Some("14:00"));
        assert_eq!(m.end_time.as_deref(), Some("16:05"));
    }

    #[test]
    fn the_place_beside_the_date_and_time() {
        assert_eq!(
            place_beside_time(
                "Kommunhuset, Sessionssalen, tisdagen den 8 april 2025 kl. 13:00–16:30"
            )
            .as_deref(),
            Some("Kommunhuset, Sessionssalen")
        );
        assert_eq!(
            place_beside_time("2025-04-08 kl. 13:00-16:30, Stadshuset").as_deref(),
            Some("Stadshuset")
        );
        assert_eq!(place_beside_time("2025-04-08 kl. 13:00-16:30"), None);
    }
}
