//! Participants: one line of an attendance list → people with role, title,
//! affiliation, attendance and whether they joined remotely.

use crate::lexicon::{self, AttendanceHeading};
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

/// A person named in an attendance list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Participant {
    /// The name as written, without role text.
    pub name: String,
    /// Role in this meeting: ordförande, vice ordförande, sekreterare,
    /// koordinator, justerare.
    pub role: Option<String>,
    /// Job title ("verksamhetschef").
    pub title: Option<String>,
    /// Organisation ("SU", "Region Halland").
    pub affiliation: Option<String>,
    /// member, adjunct, guest, secretary.
    pub group: String,
    /// present, absent, partial.
    pub attendance: String,
    /// Joined by Teams, telephone or video.
    pub remote: bool,
    /// What else the line says ("ansluter 9:30, avviker 14:00").
    pub note: Option<String>,
}

/// Split a line that holds several "Name⇥description" records run together
/// (a borderless table read as text): each tab after the first starts a new
/// record at the capitalised name just before it.
pub(crate) fn split_records(line: &str) -> Vec<String> {
    let tabs: Vec<usize> = line.match_indices('\t').map(|(i, _)| i).collect();
    if tabs.len() < 2 {
        return vec![line.to_string()];
    }
    let mut starts = vec![0];
    for &t in &tabs[1..] {
        let before = &line[..t];
        let words: Vec<(usize, &str)> = before
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - line.as_ptr() as usize, w))
            .collect();
        // The longest run of 2-4 name-like words ending at the tab.
        let mut start = None;
        for n in (2..=4).rev() {
            if words.len() < n {
                continue;
            }
            let cand = &words[words.len() - n..];
            let name: Vec<&str> = cand.iter().map(|(_, w)| *w).collect();
            if is_name(&name.join(" ")) {
                start = Some(cand[0].0);
                break;
            }
        }
        match start {
            Some(s) if s > *starts.last().unwrap_or(&0) => starts.push(s),
            _ => return vec![line.to_string()],
        }
    }
    starts.push(line.len());
    starts
        .windows(2)
        .map(|w| line[w[0]..w[1]].trim().trim_end_matches(',').to_string())
        .collect()
}

/// A short line that continues the previous person's description.
pub(crate) fn is_continuation(text: &str) -> bool {
    let t = text.trim();
    // A line that is only a date ("2013-01-08") is the meeting's, not a note.
    let date_only = crate::dates::find_dates(t, &Default::default())
        .first()
        .is_some_and(|d| d.range.start == 0 && d.range.end + 1 >= t.len());
    !date_only
        && t.chars().count() <= 40
        && !t.contains('\t')
        && t.chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() || c == '(')
}

/// Append a continuation to a person's note and re-read the cues.
pub(crate) fn continue_note(p: &mut Participant, text: &str) {
    let t = text.trim();
    let note = match p.note.take() {
        Some(n) => format!("{n} {t}"),
        None => t.to_string(),
    };
    if p.attendance == "present"
        && (has_cue(&note, lexicon::PARTIAL_CUES) || TIMEISH.is_match(&note))
    {
        p.attendance = "partial".into();
    }
    p.note = Some(note);
}

static ELECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*val\s+av\s+(?:en\s+|två\s+)?(?:personer\s+att\s+.*justera.*|(mötesordförande|ordförande\s+för\s+mötet|ordförande|mötessekreterare|sekreterare|(?:protokoll)?justerare|justeringsm[aä]n|justeringspersoner|rösträknare).*)$")
        .expect("valid regex")
});
static ELECTED_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s+(?:utses|utsågs|valdes|väljs|valdes\s+till|är\s+vald[a]?)\b")
        .expect("valid regex")
});
static NAME_SPLIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*(?:,|;|\boch\b|\bsamt\b|&)\s*").expect("valid regex"));

/// The meeting role an election item fills ("Val av mötesordförande").
fn elected_role(title: &str) -> Option<&'static str> {
    let c = ELECTION.captures(title)?;
    let what = c.get(1).map_or("justerare", |m| m.as_str()).to_lowercase();
    Some(if what.contains("ordförande") {
        "ordförande"
    } else if what.contains("sekreterare") {
        "sekreterare"
    } else if what.contains("rösträknare") {
        return None;
    } else {
        "justerare"
    })
}

/// "Val av mötesordförande: Fredrik Håård": the people an association's
/// meeting elects to run it get that role in this meeting (the chair's
/// role wins over being a justerare too); someone elected who is not in
/// the attendance lists was there, and is added.
pub(crate) fn apply_elections(ps: &mut Vec<Participant>, items: &[crate::AgendaItem]) {
    let key = |n: &str| {
        let mut w: Vec<String> = n.split_whitespace().map(str::to_lowercase).collect();
        w.sort();
        w
    };
    for item in items {
        let Some(role) = elected_role(&item.title) else {
            continue;
        };
        // The outcome is the item's first short text that is only names
        // (after a "Beslut" line, when there is one).
        let names: Option<Vec<&str>> = item.units.iter().take(3).find_map(|u| {
            let text = u.text.trim().trim_end_matches('.');
            // "Bertil Berg utses att justera protokollet": the names before the verb.
            let text = ELECTED_VERB
                .find(text)
                .map_or(text, |m| text[..m.start()].trim());
            if text.chars().count() > 80 {
                return None;
            }
            let names: Vec<&str> = NAME_SPLIT.split(text).map(str::trim).collect();
            (!names.is_empty() && names.iter().all(|n| is_name(n))).then_some(names)
        });
        let Some(names) = names else {
            continue;
        };
        for name in names {
            match ps.iter_mut().find(|p| key(&p.name) == key(name)) {
                Some(p) => {
                    let keep = matches!(p.role.as_deref(), Some("ordförande" | "vice ordförande"));
                    if !keep {
                        p.role = Some(role.to_string());
                    }
                }
                None => ps.push(Participant {
                    name: name.to_string(),
                    role: Some(role.to_string()),
                    title: None,
                    affiliation: None,
                    group: "member".into(),
                    attendance: "present".into(),
                    remote: false,
                    note: None,
                }),
            }
        }
    }
}

/// One entry per person: a name listed twice (as secretary and among those
/// present, or on two pages) is merged, the first entry's facts winning and
/// the later ones filling gaps.
pub(crate) fn merge_duplicates(ps: Vec<Participant>) -> Vec<Participant> {
    let mut out: Vec<Participant> = Vec::with_capacity(ps.len());
    for p in ps {
        match out.iter_mut().find(|q| q.name == p.name) {
            Some(q) => {
                q.role = q.role.take().or(p.role);
                q.title = q.title.take().or(p.title);
                q.affiliation = q.affiliation.take().or(p.affiliation);
                q.note = q.note.take().or(p.note);
                q.remote |= p.remote;
                if q.attendance == "present" && p.attendance != "present" {
                    q.attendance = p.attendance;
                }
            }
            None => out.push(p),
        }
    }
    out
}

static ITEM_GUESTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:punkt|p\.|§)\s*(\d+(?:\.\d+)?)\s*:\s*(.+)$").expect("valid regex")
});

/// Parse one attendance line. None when the line is not about people (the
/// list has ended).
pub(crate) fn parse_line(
    text: &str,
    struck: bool,
    heading: &AttendanceHeading,
) -> Option<Vec<Participant>> {
    let line = clean(text);
    if line.is_empty() {
        return Some(Vec::new());
    }
    // "Punkt 5: A, B (Region Örebro), C" — guests for one item.
    if let Some(c) = ITEM_GUESTS.captures(&line) {
        let item = c.get(1).map(|m| m.as_str()).unwrap_or("");
        let names = c.get(2).map(|m| m.as_str()).unwrap_or("");
        let mut out = Vec::new();
        for part in split_commas(names) {
            if let Some(mut p) = person(&part, heading, false) {
                p.group = "guest".into();
                if p.attendance == "present" {
                    p.attendance = "partial".into();
                }
                p.note = Some(format!("punkt {item}"));
                out.push(p);
            }
        }
        return Some(out);
    }
    // Several people on one line, separated by commas or "och"/"and",
    // each only a name.
    let parts: Vec<String> = split_commas(&line)
        .iter()
        .flat_map(|p| {
            p.split(" och ")
                .flat_map(|q| q.split(" and "))
                .map(|q| q.trim().to_string())
                .collect::<Vec<_>>()
        })
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() >= 2
        && !line.contains('\t')
        && parts.iter().all(|p| is_name(strip_parens(p).trim()))
    {
        let ps: Vec<Participant> = parts
            .iter()
            .filter_map(|p| person(p, heading, struck))
            .collect();
        return (!ps.is_empty()).then_some(ps);
    }
    person(&line, heading, struck).map(|p| vec![p])
}

/// Remove markdown emphasis, checkbox marks and bullets.
fn clean(t: &str) -> String {
    let t = t.replace("**", "").replace("~~", "").replace('*', "");
    let t = t.trim();
    let t = t
        .trim_start_matches("[X]")
        .trim_start_matches("[x]")
        .trim_start_matches("[ ]")
        .trim_start_matches(['-', '•', '●'])
        .trim();
    t.trim_end_matches('.').trim().to_string()
}

/// Split on commas that are not inside parentheses.
fn split_commas(t: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    for c in t.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if c == ',' && depth <= 0 {
            out.push(cur.trim().to_string());
            cur.clear();
        } else {
            cur.push(c);
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_string());
    }
    out
}

fn strip_parens(t: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in t.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

const PARTICLES: &[&str] = &[
    "von", "van", "de", "af", "der", "den", "la", "du", "di", "da", "le",
];

/// A person's name: two to five capitalised words (particles allowed).
pub(crate) fn is_name(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() < 2 || words.len() > 5 || t.chars().count() > 60 {
        return false;
    }
    let first_ok = words[0].chars().next().is_some_and(|c| c.is_uppercase());
    first_ok
        && words.iter().all(|w| {
            PARTICLES.contains(w)
                || w.chars().next().is_some_and(|c| c.is_uppercase())
                    && w.chars().all(|c| c.is_alphabetic() || "-'’.".contains(c))
                    && w.chars().filter(|c| c.is_uppercase()).count() <= 3
        })
        && !words
            .iter()
            .all(|w| w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()))
}

/// Split "Name<sep>description" into the name and the rest.
fn split_name(line: &str) -> Option<(String, String)> {
    if let Some((a, b)) = line.split_once('\t') {
        let name = a.trim();
        return is_name(name).then(|| (name.to_string(), b.trim().to_string()));
    }
    // The name ends at the first comma, parenthesis, dash with spaces, or a
    // hyphen after a full name ("Andreas Hallqvist-verksamhetschef").
    let mut end = line.len();
    for sep in [",", " (", " – ", " - ", " — ", ":"] {
        if let Some(i) = line.find(sep) {
            end = end.min(i);
        }
    }
    let head = &line[..end];
    let mut name = head.trim().to_string();
    let mut rest = line[end..].to_string();
    if !is_name(&name) || name.contains('-') {
        // Try a hyphen split: "Roman Galeev-Region Halland-Förhinder".
        let mut found = None;
        for (i, _) in head.match_indices('-') {
            let before = head[..i].trim();
            let after = &line[i + 1..];
            let after_word = after.split(['-', ',', ' ']).next().unwrap_or("");
            let starts_lower = after.chars().next().is_some_and(|c| c.is_lowercase());
            let complex = head[i + 1..].contains(' ') || head[i + 1..].contains('-');
            if before.split_whitespace().count() >= 2
                && is_name(before)
                && (starts_lower || complex || after_word.is_empty())
            {
                found = Some((before.to_string(), after.to_string()));
                break;
            }
        }
        if let Some((n, r)) = found {
            name = n;
            rest = r;
        }
    }
    is_name(&name).then(|| (name, rest.trim().to_string()))
}

fn role_of(word: &str) -> Option<&'static str> {
    let w = word.trim().to_lowercase();
    let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != ' ' && c != '.');
    lexicon::ROLES
        .iter()
        .find(|(k, _)| *k == w)
        .map(|(_, v)| *v)
}

/// A role word closing a part: "Sahlgrenska Universitetssjukhus ordförande".
fn trailing_role(part: &str) -> Option<(&'static str, String)> {
    for (k, v) in lexicon::ROLES {
        let lower = part.to_lowercase();
        if let Some(stripped) = lower.strip_suffix(k)
            && (stripped.is_empty() || stripped.ends_with(' '))
        {
            let keep = part[..stripped.len()].trim().to_string();
            return Some((v, keep));
        }
    }
    None
}

fn has_cue(text: &str, cues: &[&str]) -> bool {
    let l = text.to_lowercase();
    cues.iter().any(|c| l.contains(c))
}

static TIMEISH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)(?:[–-]\s?\d{1,2}\b|\d{1,2}[:.]\d{2}|kl\.?\s*\d)").expect("valid regex")
});

/// Parse one person's line.
/// "(S), tjänstgörande ersättare för Fredrik Falk (S)", "ersätter Helena
/// Holm (L)": a substitute and whom they stand in for.
static SUBSTITUTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[,;]?\s*(tjänstgörande\s+)?(?:ersättare\s+för|ersätter|i\s*stället\s+för)\s+(\p{Lu}.*?)\s*$")
        .expect("valid regex")
});

fn person(line: &str, heading: &AttendanceHeading, struck: bool) -> Option<Participant> {
    let (name, desc) = split_name(line.trim())?;
    // A substitute: the member they replace is a note, not their title or
    // affiliation; the person keeps the heading's group (a serving
    // substitute under "Beslutande" is a member).
    let (desc, replaces, serving) = match SUBSTITUTE.captures(&desc) {
        Some(c) => {
            let at = c.get(0).map_or(desc.len(), |m| m.start());
            let whom = c.get(2).map_or("", |m| m.as_str()).to_string();
            (desc[..at].to_string(), Some(whom), c.get(1).is_some())
        }
        None => (desc, None, false),
    };
    let mut p = Participant {
        name,
        role: heading.role.map(str::to_string),
        title: None,
        affiliation: None,
        group: heading.group.to_string(),
        attendance: heading.attendance.to_string(),
        remote: false,
        note: None,
    };
    let mut notes: Vec<String> = Vec::new();
    let mut role: Option<&str> = None;
    // Parenthesised parts: a role, a note or an affiliation.
    let mut outside = String::new();
    let mut depth = 0;
    let mut inner = String::new();
    let mut inners = Vec::new();
    for c in desc.chars() {
        match c {
            '(' => {
                depth += 1;
                if depth == 1 {
                    inner.clear();
                    continue;
                }
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    inners.push(inner.trim().to_string());
                    continue;
                }
            }
            _ => {}
        }
        if depth > 0 {
            inner.push(c);
        } else {
            outside.push(c);
        }
    }
    for i in inners {
        if let Some(r) = role_of(&i) {
            role = Some(r);
        } else if has_cue(&i, lexicon::ABSENT_CUES)
            || has_cue(&i, lexicon::PARTIAL_CUES)
            || has_cue(&i, lexicon::REMOTE_CUES)
        {
            notes.push(i);
        } else if p.affiliation.is_none() && !i.is_empty() {
            p.affiliation = Some(i);
        }
    }
    let outside = outside.replace(')', "");
    let parts: Vec<String> = outside
        .split([',', ';'])
        .flat_map(|s| s.split(" - "))
        .map(|s| {
            s.trim()
                .trim_start_matches(['-', '–', ':'])
                .trim()
                .to_string()
        })
        .filter(|s| !s.is_empty())
        .collect();
    let mut described = false;
    for part in parts {
        let is_note = has_cue(&part, lexicon::ABSENT_CUES)
            || has_cue(&part, lexicon::PARTIAL_CUES)
            || has_cue(&part, lexicon::REMOTE_CUES)
            || TIMEISH.is_match(&part)
            || part.to_lowercase().starts_with("deltar");
        if is_note {
            // "Region Halland-Förhinder": an affiliation glued to a note.
            if let Some((a, _)) = part.split_once('-')
                && p.affiliation.is_none()
                && a.chars().next().is_some_and(char::is_uppercase)
                && !has_cue(a, lexicon::ABSENT_CUES)
            {
                p.affiliation = Some(a.trim().to_string());
            }
            notes.push(part);
            continue;
        }
        if let Some(r) = role_of(&part) {
            role = role.or(Some(r));
            continue;
        }
        if let Some((r, keep)) = trailing_role(&part) {
            role = role.or(Some(r));
            if !keep.is_empty() && p.affiliation.is_none() {
                p.affiliation = Some(keep);
            }
            continue;
        }
        if !described {
            described = true;
            // "verksamhetschef Capio Gårda": lower-case words are the title,
            // the capitalised rest the organisation.
            let words: Vec<&str> = part.split_whitespace().collect();
            let n_lower = words
                .iter()
                .take_while(|w| {
                    w.chars().next().is_some_and(|c| c.is_lowercase()) || role_of(w).is_some()
                })
                .count();
            if n_lower > 0 {
                p.title = Some(words[..n_lower].join(" "));
                if n_lower < words.len() && p.affiliation.is_none() {
                    p.affiliation = Some(words[n_lower..].join(" "));
                }
            } else if words.len() == 1 && p.affiliation.is_none() {
                p.affiliation = Some(part.clone());
            } else if p.title.is_none()
                && words
                    .first()
                    .is_some_and(|w| w.chars().all(|c| c.is_uppercase()))
                && words.len() > 1
            {
                // "VD Nötkärnan"
                p.title = Some(words[0].to_string());
                p.affiliation = Some(words[1..].join(" "));
            } else if p.affiliation.is_none() {
                p.affiliation = Some(part.clone());
            }
        } else if p.affiliation.is_none() {
            p.affiliation = Some(part.clone());
        }
    }
    if heading.role.is_none() {
        p.role = role.map(str::to_string);
    } else if p.title.is_none() {
        // Under "Mötessekreterare" a written role is the person's title.
        p.title = role.map(str::to_string);
    }
    let note_text = notes.join(", ");
    if struck || has_cue(&note_text, lexicon::ABSENT_CUES) {
        p.attendance = "absent".into();
    } else if has_cue(&note_text, lexicon::PARTIAL_CUES)
        || TIMEISH.is_match(&note_text)
        || note_text.to_lowercase().contains("deltar på")
    {
        p.attendance = "partial".into();
    }
    if p.attendance != "absent" && has_cue(&note_text, lexicon::REMOTE_CUES) {
        p.remote = true;
    }
    p.note = (!note_text.is_empty()).then_some(note_text);
    if let Some(whom) = replaces {
        if serving || heading.text == "tjänstgörande ersättare" {
            p.title
                .get_or_insert_with(|| "tjänstgörande ersättare".to_string());
        }
        let sub = format!("ersätter {whom}");
        p.note = Some(match p.note.take() {
            Some(n) => format!("{n}, {sub}"),
            None => sub,
        });
    }
    Some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substitutes_name_whom_they_replace() {
        let beslutande = &lexicon::ATTENDANCE_HEADINGS[4];
        assert_eq!(beslutande.text, "beslutande");
        let p = person(
            "Erik Eriksson (S), tjänstgörande ersättare för Fredrik Falk (S)",
            beslutande,
            false,
        )
        .expect("a person");
        assert_eq!(p.name, "Erik Eriksson");
        assert_eq!(p.affiliation.as_deref(), Some("S"));
        assert_eq!(p.title.as_deref(), Some("tjänstgörande ersättare"));
        assert_eq!(p.note.as_deref(), Some("ersätter Fredrik Falk (S)"));
        assert_eq!(p.group, "member");
        let serving = lexicon::ATTENDANCE_HEADINGS
            .iter()
            .find(|h| h.text == "tjänstgörande ersättare")
            .expect("heading");
        let p = person(
            "Gunilla Gustafsson (L) ersätter Helena Holm (L)",
            serving,
            false,
        )
        .expect("a person");
        assert_eq!(p.name, "Gunilla Gustafsson");
        assert_eq!(p.title.as_deref(), Some("tjänstgörande ersättare"));
        assert_eq!(p.note.as_deref(), Some("ersätter Helena Holm (L)"));
    }

    fn one(line: &str, heading: &str) -> Participant {
        let h = lexicon::ATTENDANCE_HEADINGS
            .iter()
            .find(|h| h.text == heading)
            .expect("heading");
        let mut ps = parse_line(line, false, h).expect("a person");
        assert_eq!(ps.len(), 1, "{ps:?}");
        ps.remove(0)
    }

    #[test]
    fn roles_affiliations_and_cues() {
        let p = one("Sofia Ekdahl (SU), ordförande", "deltagare");
        assert_eq!(
            (p.name.as_str(), p.role.as_deref(), p.affiliation.as_deref()),
            ("Sofia Ekdahl", Some("ordförande"), Some("SU"))
        );
        let p = one(
            "Aslak Iversen\tregionområdeschef Regionhälsan (ordförande)",
            "deltagare",
        );
        assert_eq!(p.role.as_deref(), Some("ordförande"));
        assert_eq!(p.title.as_deref(), Some("regionområdeschef"));
        let p = one(
            "Tina Holmberg\tordförande primärvårdsrådet, deltar via Teams, medverkar ej 10-12",
            "adjungerade",
        );
        assert_eq!(p.role, None);
        assert_eq!(p.attendance, "partial");
        assert!(p.remote);
        let p = one(
            "Linda Lundahl\tmedicinsk sekreterare Regionhälsan (sekreterare), återbud",
            "deltagare",
        );
        assert_eq!(
            (p.role.as_deref(), p.attendance.as_str()),
            (Some("sekreterare"), "absent")
        );
        let p = one(
            "Andreas Hallqvist-verksamhetschef, Sahlgrenska Universitetssjukhus ordförande",
            "deltagare",
        );
        assert_eq!(
            (p.name.as_str(), p.role.as_deref()),
            ("Andreas Hallqvist", Some("ordförande"))
        );
        let p = one("Roman Galeev-Region Halland-Förhinder", "deltagare");
        assert_eq!(
            (p.name.as_str(), p.attendance.as_str()),
            ("Roman Galeev", "absent")
        );
        let p = one(
            "Malin Lindén-koordinator Koncernkontoret",
            "mötessekreterare",
        );
        assert_eq!(
            (p.role.as_deref(), p.group.as_str()),
            (Some("sekreterare"), "secretary")
        );
        let p = one("Jenny Linder, *deltar på punkt 2*", "deltagare");
        assert_eq!(p.attendance, "partial");
        let p = one(
            "Helen Jarl\tprimärvårdschef Närhälsan, Teams –10, 13:30-15:00",
            "deltagare",
        );
        assert_eq!(p.attendance, "partial");
        let p = one("Carl-Peter Anderberg", "deltagare");
        assert_eq!(p.name, "Carl-Peter Anderberg");
    }

    #[test]
    fn item_guest_lines() {
        let h = &lexicon::ATTENDANCE_HEADINGS[0];
        let ps = parse_line(
            "Punkt 5: Charlotta Sundin Andersson, Jenny Jansson (Region Örebro), Samordningsgrupp primärvårdsråd (återbud).",
            false,
            h,
        )
        .unwrap();
        let names: Vec<&str> = ps.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Charlotta Sundin Andersson", "Jenny Jansson"]);
        assert!(
            ps.iter()
                .all(|p| p.group == "guest" && p.attendance == "partial")
        );
        assert_eq!(ps[1].affiliation.as_deref(), Some("Region Örebro"));
    }

    #[test]
    fn prose_is_not_a_participant() {
        let h = &lexicon::ATTENDANCE_HEADINGS[0];
        assert!(parse_line("Rådet diskuterade uppstarten av en arbetsgrupp.", false, h).is_none());
        assert!(parse_line("Mötespunkt\tAnteckning", false, h).is_none());
    }
}
