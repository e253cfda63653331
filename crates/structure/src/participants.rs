//! Participants: one line of an attendance list → people with role, title,
//! affiliation, attendance and whether they joined remotely.

use crate::elections;
use crate::lexicon::{self, AttendanceHeading};
use minutes_model::Document;
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

/// Where sentences end in an attendance line: a full stop after a
/// capitalised word of two letters or more (a surname, a body's name; not
/// an honorific), then a space and a capital ("… Cilla Ny. Dessutom deltog …"). An initial ("A. Berg") ends
/// none, nor does a stop inside brackets. Byte offsets of the stops, in
/// order.
pub(crate) fn sentence_ends(text: &str) -> Vec<usize> {
    stops(text, true)
}

/// The stops (". " before a capital) that end a stretch of an attendance
/// line, scanned once: after a name or a person's closing bracket
/// (`names_only`), or also after any word of four letters or more
/// ("… hade meddelat förhinder. Petra Kvist …"). None inside brackets.
fn stops(text: &str, names_only: bool) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut depth: i32 = 0;
    let mut counted = 0;
    for (i, _) in text.match_indices(". ") {
        for c in text[counted..i].chars() {
            match c {
                '(' => depth += 1,
                ')' => depth = (depth - 1).max(0),
                _ => {}
            }
        }
        counted = i;
        let before = &text[..i];
        let after = text[i + 2..].trim_start().chars().next();
        if depth > 0 || !after.is_some_and(char::is_uppercase) {
            continue;
        }
        let word_start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map_or(i, |(k, _)| k);
        let word = &before[word_start..];
        // "… och Stina Frost (sekr.). Lars Moberg …": a bracket closes the
        // last person, and the stop after it the sentence.
        let closes_a_bracket = before.ends_with(')');
        // The stop closes a surname or a body's name ("… Cilla Ny.",
        // "Styrelsen."), not an abbreviation ("exkl.", "Ordf.", "Dr.").
        let closes_a_name = word.chars().count() >= 2
            && word.starts_with(char::is_uppercase)
            && word.ends_with(char::is_lowercase)
            && !lexicon::HONORIFICS
                .iter()
                .any(|h| h.trim_end_matches('.') == word)
            && !lexicon::ROLES
                .iter()
                .any(|(w, _)| w.eq_ignore_ascii_case(word));
        let closes_a_word = !names_only && word.chars().count() >= 4;
        if closes_a_bracket || closes_a_name || closes_a_word {
            ends.push(i);
        }
    }
    ends
}

/// Split a line that holds several "Name⇥description" records run together
/// (a borderless table read as text): each tab after the first starts a new
/// record at the capitalised name just before it.
pub(crate) fn split_records(line: &str) -> Vec<String> {
    let tabs: Vec<usize> = line.match_indices('\t').map(|(i, _)| i).collect();
    if tabs.len() < 2 {
        return vec![line.to_string()];
    }
    // Each record opens with its name: "Vice ordförande⇥Bo Ek⇥Ja" is one
    // row of a post, a name and a mark.
    if !line[..tabs[0]].trim().is_empty() && !is_name(line[..tabs[0]].trim()) {
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

/// "• Anna Berg • Bo Ek • Cilla Ny", "Anna Berg (ordf.) Bo Ek (sekr.)
/// Cilla Ny": names parted by bullets, or only by the brackets after each,
/// on one line (a list a web page or a PDF ran together), parted by commas
/// instead.
pub(crate) fn list_separators_as_commas(line: &str) -> std::borrow::Cow<'_, str> {
    const BULLETS: [char; 4] = ['•', '·', '▪', '◦'];
    if line.contains(BULLETS) {
        let parts: Vec<&str> = line
            .split(BULLETS)
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        return std::borrow::Cow::Owned(parts.join(", "));
    }
    // A bracket closed before a capital, twice or more, with no comma,
    // semicolon or tab anywhere on the line.
    let closed_before_name = line
        .match_indices(") ")
        .filter(|(i, _)| line[i + 2..].starts_with(char::is_uppercase))
        .count();
    if closed_before_name < 2 || line.contains([',', ';', '\t']) {
        return std::borrow::Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len() + 8);
    let mut rest = line;
    while let Some(i) = rest.find(") ") {
        let (head, tail) = rest.split_at(i + 1);
        out.push_str(head);
        if tail[1..].starts_with(char::is_uppercase) {
            out.push(',');
        }
        rest = tail;
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// "ANNA BERG, BO EK (S)": a list of two or more typed in capitals, in the
/// case names are read in ("Anna Berg, Bo Ek (S)"; what stands in brackets,
/// a party's letters, is kept). `None` for any other line, and for one
/// that the change leaves as it was (no letter to lower).
pub(crate) fn capitals_list(line: &str) -> Option<String> {
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    if line.chars().any(char::is_lowercase) || letters < 4 || !line.contains([',', ';']) {
        return None;
    }
    let mut out = String::with_capacity(line.len());
    let (mut depth, mut in_word) = (0usize, false);
    for c in line.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if c.is_alphabetic() && depth == 0 {
            if in_word {
                out.extend(c.to_lowercase());
            } else {
                out.push(c);
            }
            in_word = true;
        } else {
            out.push(c);
            in_word = false;
        }
    }
    (out != line).then_some(out)
}

/// The names of `people` (read from [`capitals_list`]'s line) as `line`
/// writes them ("ANNA BERG" for "Anna Berg"), each found after the one
/// before it: the line is lower-cased and searched once.
pub(crate) fn names_as_written(people: &mut [Participant], line: &str) {
    let lower_line = line.to_lowercase();
    // Lower-casing must keep the byte offsets for a span of one to be the
    // same span of the other.
    if lower_line.len() != line.len() {
        return;
    }
    let mut from = 0;
    for p in people {
        let lower_name = p.name.to_lowercase();
        let Some(at) = lower_line
            .get(from..)
            .and_then(|rest| rest.find(&lower_name))
            .map(|i| from + i)
        else {
            continue;
        };
        if let Some(written) = line.get(at..at + lower_name.len()) {
            p.name = written.to_string();
            from = at + lower_name.len();
        }
    }
}

/// "Närvarande: Anna Berg, Bo Ek, Cecilia": a list of names whose last name
/// the line's end cut after the given name (a PDF's or a mail's wrapping):
/// the records before it are names of two words or more, the last is one
/// capitalised word that can be a given name.
pub(crate) fn name_cut_at_end(line: &str) -> bool {
    let t = line.trim_end();
    if t.ends_with([',', '.', ';', ':', ')']) {
        return false;
    }
    let parts: Vec<&str> = t.split(',').map(str::trim).collect();
    let Some((last, before)) = parts.split_last() else {
        return false;
    };
    let last_word_alone = !last.contains(' ')
        && given_name_alone(last)
        && lexicon::SURNAME_ENDINGS
            .iter()
            .all(|e| !last.to_lowercase().ends_with(e));
    // The first record after its heading's colon, if any.
    let unlabelled = |(i, p): (usize, &&str)| {
        let p = if i == 0 {
            p.rsplit(':').next().unwrap_or(p)
        } else {
            p
        };
        is_name(&strip_parens(p))
    };
    last_word_alone && !before.is_empty() && before.iter().enumerate().all(unlabelled)
}

/// The line after a cut name that completes it: it opens with one
/// capitalised word that is no post and no heading ("Lund, David Holm",
/// "Lund (sekr.), …", "Lund"), or with the brackets that describe the last
/// person ("(sekr.), David Holm").
pub(crate) fn completes_cut_name(next: &str) -> bool {
    let t = next.trim_start();
    let end = t.find([',', '(', ' ', '\t']).unwrap_or(t.len());
    let (word, after) = t.split_at(end);
    let after = after.trim_start();
    !word.is_empty()
        && elections::name_word_shaped(word)
        && !post_word(word)
        && attendance_heading(word).is_none()
        && (after.is_empty()
            || after.starts_with([',', '('])
            || after.starts_with("och ")
            || after.starts_with("samt "))
}

/// The line after a list that ends with a full name, opening with the
/// brackets that describe that person ("(sekr.), David Holm, …"): it
/// belongs to the line before.
pub(crate) fn continues_with_description(next: &str) -> bool {
    let t = next.trim_start();
    t.starts_with('(')
        && t.find(')')
            .is_some_and(|close| close <= 40 && t[close + 1..].trim_start().starts_with([',', ';']))
}

/// A word that can be part of a name in a run of records that a page's
/// flattening ran together ([`flattened_roster`], [`crate::roll`]):
/// capitalised, some lower case, letters and hyphens only, no list heading.
pub(crate) fn word_of_a_run_name(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().any(char::is_lowercase)
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
        && attendance_heading(w).is_none()
}

/// A roster a page's flattening ran into one paragraph with the form's
/// other fields ("… kl Närvarande Övriga Ann-Britth Fröjd, SN, ordförande
/// Ingvar Håkansson, SBN Ragnar Sandberg, BN … Peter Falk, sekreterare,
/// socialförvaltningen Underskrift …"): each record a name closed by a
/// comma, then what describes the person, up to the next name. The
/// records, each as "Name, description, …", when at least four stand in
/// one run; the run ends at a form's next label
/// ([`lexicon::ROSTER_STOP_LABELS`]) or a sentence's end.
pub(crate) fn flattened_roster(text: &str) -> Option<Vec<String>> {
    let words: Vec<&str> = text.split_whitespace().collect();
    // Where each name starts and ends (word indices, end exclusive): the
    // capitalised name-shaped words just before a comma, two (three for
    // the run's first, a double surname), not a word right after a comma
    // (the last record's description).
    let name_word = |w: &str| {
        let w = w.trim_end_matches(',');
        word_of_a_run_name(w) && !post_word(w)
    };
    let mut names: Vec<(usize, usize)> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if !w.ends_with(',') || !name_word(w) {
            continue;
        }
        let mut start = i;
        while start > 0
            && i + 1 - start < 3
            && name_word(words[start - 1])
            && !words[start - 1].ends_with(',')
            && !(start >= 2 && words[start - 2].ends_with(','))
        {
            start -= 1;
        }
        if i + 1 - start < 2 {
            continue;
        }
        // Three words only for the run's first record.
        if i + 1 - start == 3 && !names.is_empty() {
            start += 1;
        }
        if is_name(&words[start..=i].join(" ").replace(',', "")) {
            names.push((start, i + 1));
        }
    }
    // The run: records whose descriptions are short and hold no sentence's
    // end.
    let mut best: Vec<String> = Vec::new();
    let mut run: Vec<String> = Vec::new();
    for (k, &(start, _)) in names.iter().enumerate() {
        let next = names.get(k + 1).map_or(words.len(), |n| n.0);
        let mut record: Vec<&str> = Vec::new();
        let mut stopped = false;
        for (j, w) in words.iter().enumerate().take(next).skip(start) {
            // A label's words at this word ("Utses att justera", "Paragrafer:"),
            // compared word by word: joining the rest of a long paragraph at
            // each word would be quadratic.
            let label_here = |label: &str| {
                let mut at = j;
                label.split(' ').all(|lw| {
                    let hit = words
                        .get(at)
                        .is_some_and(|w| w.strip_suffix(':').unwrap_or(w) == lw);
                    at += 1;
                    hit
                })
            };
            if j > start + 1 && lexicon::ROSTER_STOP_LABELS.iter().any(|l| label_here(l)) {
                stopped = true;
                break;
            }
            record.push(w);
        }
        let joined = record.join(" ");
        let describes = record.len() <= 2 + 6 && !joined.trim_end_matches(',').contains(". ");
        if describes {
            run.push(joined.trim_end_matches(',').to_string());
        }
        if !describes || stopped || k + 1 == names.len() {
            if run.len() > best.len() {
                best = std::mem::take(&mut run);
            }
            run.clear();
        }
    }
    (best.len() >= 4).then_some(best)
}

/// A short line that continues the previous person's description.
pub(crate) fn is_continuation(text: &str) -> bool {
    let t = text.trim();
    // A line that is only a date ("2013-01-08") is the meeting's, not a note;
    // a numbered title ("1. Mötets öppnande", an ordered list's first entry
    // right under the list) is the first point's.
    !crate::dates::date_only(t)
        && !numbered_title(t)
        && t.chars().count() <= 40
        && !t.contains('\t')
        && t.chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() || c == '(')
}

/// "1. Mötets öppnande", "§ 2 Val av justerare", "3) Ekonomi": a number,
/// its mark and a capitalised word.
fn numbered_title(t: &str) -> bool {
    let t = t.trim_start_matches('§').trim_start();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    let rest = &t[digits..];
    let rest = rest.strip_prefix(['.', ')']).unwrap_or(rest);
    digits > 0
        && digits <= 3
        && rest.starts_with(' ')
        && rest.trim_start().starts_with(char::is_uppercase)
}

/// "Berg, Anna": a line that is a surname, a comma and a given name (each
/// one capitalised word), read as one person named as written; what
/// describes them may follow after a comma, in lower case ("Hallberg,
/// Ulrika, förvaltningschef"), when the minutes write names so (`written_so`:
/// "Anna, Bo, sekreterare" is otherwise two first names).
pub(crate) fn surname_first(
    text: &str,
    struck: bool,
    heading: &AttendanceHeading,
    written_so: bool,
) -> Option<Participant> {
    let (surname, rest) = text.trim().split_once(", ")?;
    let (given, about) = match rest.split_once(", ") {
        Some((given, about)) if written_so && about.starts_with(char::is_lowercase) => {
            (given, Some(about))
        }
        Some(_) => return None,
        None => (rest, None),
    };
    let word = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().count() >= 2
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
    };
    if !word(surname) || !word(given) {
        return None;
    }
    let line = match about {
        Some(about) => format!("{given} {surname}, {about}"),
        None => format!("{given} {surname}"),
    };
    let mut ps = parse_line(&line, struck, heading)?;
    let mut p = ps.pop().filter(|_| ps.is_empty())?;
    p.name = format!("{surname}, {given}");
    Some(p)
}

/// A line that is only the post of the person on the line before
/// ("Ordförande", "Kassör", "Ledamot"): it fills their role or title and is
/// true; any other line is false.
pub(crate) fn post_line(last: &mut Participant, text: &str, heading: &AttendanceHeading) -> bool {
    let t = text.trim();
    let words = t.split_whitespace().count();
    // "Gun Grysell" / "Ja": the presence column of a flattened table.
    if let Some((_, attendance)) = lexicon::PRESENCE_MARKS
        .iter()
        .find(|(w, _)| t.eq_ignore_ascii_case(w))
    {
        if matches!(last.attendance.as_str(), "present" | "called") {
            last.attendance = attendance.to_string();
        }
        return true;
    }
    // "Marie Olsson" / "Östersunds kommun": a flattened table gives each
    // person's organisation on the line after.
    if last.affiliation.is_none()
        && (1..=6).contains(&words)
        && crate::meeting::organisation_named(t)
    {
        last.affiliation = Some(t.to_string());
        return true;
    }
    // Only a bare name takes a post from the next line, and only a word or
    // two that is no heading and no party letter.
    if !(1..=2).contains(&words)
        || t.chars().filter(|c| c.is_alphabetic()).count() < 4
        || t.chars().count() > 30
        || !t
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '.')
        || last.role.is_some()
        || last.title.is_some()
        || last.affiliation.is_some()
        || last.note.is_some()
        || t.split_whitespace()
            .any(|w| attendance_heading(w).is_some())
    {
        return false;
    }
    // A post: a role of the meeting or a title word ("kassör", "ledamot"),
    // not a vote ("Avstår") or a remark.
    let lower = t.to_lowercase();
    let post = lexicon::ROLES.iter().any(|(w, _)| lower == *w)
        || lexicon::TITLE_SUFFIXES.iter().any(|s| lower.ends_with(s));
    if !post {
        return false;
    }
    // Read "Anna Berg, ordförande" as a line of the list would be.
    let line = format!("{}, {}", last.name, t.to_lowercase());
    let Some(mut ps) = parse_line(&line, false, heading) else {
        return false;
    };
    match ps.pop() {
        Some(p)
            if ps.is_empty()
                && p.name == last.name
                && p.role.is_some() != p.title.is_some()
                && p.affiliation.is_none() =>
        {
            last.role = p.role;
            last.title = p.title;
            true
        }
        _ => false,
    }
}

/// A line of one to four words that opens with a capital and is no name,
/// no heading and no post ("Digg", "Sveriges Kommuner och Regioner"): the
/// organisation of `last`, who has none yet. The caller has seen the
/// person before `last` given theirs the same way.
pub(crate) fn affiliation_in_rhythm(last: &mut Participant, text: &str) -> bool {
    let t = text.trim();
    let words = t.split_whitespace().count();
    let fits = last.affiliation.is_none()
        && last.role.is_none()
        && last.title.is_none()
        && (1..=4).contains(&words)
        && t.chars().count() <= 50
        && t.starts_with(char::is_uppercase)
        && !t.contains([',', ':', '.', '(', '\t'])
        && !is_name(t)
        && attendance_heading(t).is_none()
        && role_of(t).is_none();
    if fits {
        last.affiliation = Some(t.to_string());
    }
    fits
}

/// Append a continuation to a person's note and re-read the cues.
pub(crate) fn continue_note(p: &mut Participant, text: &str) {
    let t = text.trim();
    let note = match p.note.take() {
        Some(n) => format!("{n} {t}"),
        None => t.to_string(),
    };
    if p.attendance == "present" && (partial_note(&note) || TIMEISH.is_match(&note)) {
        p.attendance = "partial".into();
    }
    p.note = Some(note);
}

static ELECTION: LazyLock<Regex> = LazyLock::new(|| {
    // "Val av justerare", "Anmälan av styrelsens val av protokollförare"
    // (an annual meeting told whom the board chose), or the post alone as
    // the item's title
    // ("Protokolljusterare", "Mötessekreterare"); in English "Election of
    // chairman", "Election of two persons to verify the minutes".
    Regex::new(r"(?i)^\s*(?:(?:anmälan\s+av\s+(?:styrelsens\s+)?)?val\s+av\s+(?:en\s+|två\s+)?(?:personer\s+att\s+.*justera.*|(mötesordförande|ordförande\s+för\s+mötet|ordförande|mötessekreterare|sekreterare|protokollförare|(?:protokoll)?justerare|justeringsm[aä]n|justeringspersoner|rösträknare).*)|(mötesordförande|mötessekreterare|(?:protokoll)?justerare|justeringsm[aä]n|justeringspersoner)\s*:?|election\s+of\s+(?:an?\s+|the\s+|two\s+)?(?:meeting\s+)?(chair(?:man|person)?|secretary|adjusters?|minutes?\s+checkers?|(?:persons?|people)\s+to\s+(?:verify|check|adjust|approve|sign)\s+the\s+minutes)(?:\s+(?:of|for)\s+the\s+meeting)?)$")
        .expect("valid regex")
});
static ELECTED_VERB: LazyLock<Regex> = LazyLock::new(|| {
    // "Lukas är protokolljusterare": the names before "är" and the post.
    Regex::new(r"\s+(?:utses|utsågs|valdes|väljs|valdes\s+till|är\s+vald[a]?|är\s+(?:mötes|protokoll)?(?:justerare|sekreterare|ordförande))\b")
        .expect("valid regex")
});
/// The meeting role an election item fills ("Val av mötesordförande").
fn elected_role(title: &str) -> Option<&'static str> {
    let c = ELECTION.captures(title)?;
    // "Election of chairman": the English post's role as the lexicon's
    // serving roles give it (those who verify the minutes otherwise).
    if let Some(post) = c.get(3) {
        return Some(elections::role_of(post.as_str()).map_or("justerare", |(role, _)| role));
    }
    let what = c
        .get(1)
        .or_else(|| c.get(2))
        .map_or("justerare", |m| m.as_str())
        .to_lowercase();
    Some(if what.contains("ordförande") {
        "ordförande"
    } else if what.contains("sekreterare") || what.contains("protokollförare") {
        "sekreterare"
    } else if what.contains("rösträknare") {
        return None;
    } else {
        "justerare"
    })
}

/// "Val av mötesordförande: Fredrik Håård", "Till justerare valdes Kim
/// Lind": the people an association's meeting elects to run it get that
/// role in this meeting (the chair's role wins over being a justerare
/// too); someone elected who is not in the attendance lists was there, and
/// is added.
pub(crate) fn apply_elections(ps: &mut Vec<Participant>, items: &[crate::AgendaItem]) {
    let officers = serving_officers(items);
    if officers.is_empty() {
        return;
    }
    let mut keys: Vec<Vec<String>> = ps.iter().map(|p| person_key(&p.name)).collect();
    for served in officers {
        let key = person_key(&served.name);
        // "Bo" or "Bo E" on the list, "Bo Ek valdes att justera": the one
        // listed person the full name shortens to.
        // (Only someone present, and not for an adjunct, who is someone
        // else joining.)
        let found = keys.iter().position(|k| *k == key).or_else(|| {
            if served.role == elections::ADJUNCT {
                return None;
            }
            let mut short = ps.iter().enumerate().filter(|(_, p)| {
                matches!(p.attendance.as_str(), "present" | "partial")
                    && written_short_for(&p.name, &served.name)
            });
            match (short.next(), short.next()) {
                (Some((i, _)), None) => Some(i),
                _ => None,
            }
        });
        match found.and_then(|i| ps.get_mut(i)) {
            // Someone adjoined whom the lists name keeps what they say.
            Some(_) if served.role == elections::ADJUNCT => {}
            None if served.role == elections::ADJUNCT => {
                keys.push(key);
                ps.push(Participant {
                    name: served.name,
                    role: None,
                    title: None,
                    affiliation: served.affiliation,
                    group: "adjunct".into(),
                    attendance: "present".into(),
                    remote: false,
                    note: None,
                });
            }
            Some(p) if served.known_only => {
                p.role.get_or_insert_with(|| served.role.to_string());
            }
            None if served.known_only => {}
            Some(p) => {
                let keep = matches!(p.role.as_deref(), Some("ordförande" | "vice ordförande"));
                if !keep {
                    p.role = Some(served.role.to_string());
                }
                if p.affiliation.is_none() {
                    p.affiliation = served.affiliation;
                }
            }
            None => {
                keys.push(key);
                ps.push(Participant {
                    name: served.name,
                    role: Some(served.role.to_string()),
                    title: None,
                    affiliation: served.affiliation,
                    group: group_for(served.role).into(),
                    attendance: "present".into(),
                    remote: false,
                    note: None,
                });
            }
        }
    }
}

/// `written` ("Bo", "Bo E", "Bo E.") is `full` ("Bo Ek") shortened as a
/// list of a small group writes its people: the same first name, then at
/// most the initials of the names after it.
fn written_short_for(written: &str, full: &str) -> bool {
    let w: Vec<&str> = written.split_whitespace().collect();
    let f: Vec<&str> = full.split_whitespace().collect();
    !w.is_empty()
        && w.len() <= f.len()
        && f.len() >= 2
        && w[0].chars().count() >= 2
        && w[0].to_lowercase() == f[0].to_lowercase()
        && w[1..].iter().zip(&f[1..]).all(|(a, b)| {
            let a = a.trim_end_matches('.');
            a.chars().count() == 1
                && a.chars().all(char::is_alphabetic)
                && b.to_lowercase().starts_with(&a.to_lowercase())
                && b.len() > a.len()
        })
}

/// How many of the first items count as the meeting's opening, where a
/// plain "ordförande" elected is the meeting's chair.
const OPENING_ITEMS: usize = 8;

/// The officers the items elect: from an election item's title and its
/// outcome ("Val av justerare" / "Haneen Mohialdeen"), or from sentences
/// that name the role ("Bertil Berg valdes till justerare").
fn serving_officers(items: &[crate::AgendaItem]) -> Vec<elections::Served> {
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let early = i < OPENING_ITEMS;
        let mut found = Vec::new();
        let text = item
            .units
            .iter()
            .map(|u| u.text.trim())
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        for sentence in sentences(&text) {
            found.extend(elections::serving(&sentence, early));
        }
        // The title's post filled by no sentence ("Mötesordförande" over
        // "Bo Ek. Mötessekreterare: Cecilia Lund."): its outcome's names.
        if let Some(role) = elected_role(&item.title)
            && !found.iter().any(|f| f.role == role)
            && let Some(names) = outcome_names(item)
        {
            found.extend(names.into_iter().map(|name| elections::Served {
                name: name.to_string(),
                role,
                affiliation: None,
                // "Ida och Sandra": first names alone name only people the
                // attendance lists.
                known_only: !is_name(name),
            }));
        }
        out.extend(found);
    }
    out
}

/// An election item's outcome when it is only names: the names after its
/// title's colon ("Val av en justeringsman: Fredrik Gustavsson"), or the
/// first short text that is (after a "Beslut" line, when there is one).
fn outcome_names(item: &crate::AgendaItem) -> Option<Vec<&str>> {
    item.title
        .split_once(':')
        .and_then(|(_, names)| names_of_outcome(names))
        .or_else(|| {
            item.units.iter().take(3).find_map(|u| {
                // "Val av mötesordförande: Erik Lund" kept whole as the
                // item's text: the names after the election's colon.
                let after_election = u
                    .text
                    .split_once(':')
                    .filter(|(head, _)| ELECTION.is_match(head))
                    .map(|(_, names)| names);
                let text = after_election.unwrap_or(&u.text);
                // "Bo Ek. Mötessekreterare: Cecilia Lund.": the names are
                // the first sentence, another post's after it.
                names_of_outcome(text).or_else(|| {
                    text.split_once(". ")
                        .and_then(|(first, _)| names_of_outcome(first))
                })
            })
        })
}

/// The names an election's outcome `text` is, if it is only names.
fn names_of_outcome(text: &str) -> Option<Vec<&str>> {
    // "– Ida och Sandra": a dash or bullet before the names; "Att: Lukas
    // är justerare": a motion's label.
    let text = text
        .trim()
        .trim_start_matches(['-', '–', '•', '*'])
        .trim()
        .trim_end_matches('.');
    let text = ["Att:", "att:", "Förslag:", "Beslut:"]
        .iter()
        .find_map(|l| text.strip_prefix(l))
        .map_or(text, str::trim);
    // "Bertil Berg utses att justera protokollet": the names before the verb.
    let text = ELECTED_VERB
        .find(text)
        .map_or(text, |m| text[..m.start()].trim());
    if text.is_empty() || text.chars().count() > 80 {
        return None;
    }
    let names: Vec<&str> = elections::SPLIT.split(text).map(str::trim).collect();
    // A lone word may be a first name, but not a label ("Beslut").
    let lone_name = |n: &str| {
        let lower = n.to_lowercase();
        elections::first_name_shaped(n)
            && !lexicon::DECISION_COLUMNS.contains(&lower.as_str())
            && !lexicon::HEADER_LABEL_WORDS.contains(&lower.as_str())
    };
    names
        .iter()
        .all(|n| is_name(n) || lone_name(n))
        .then_some(names)
}

/// An item's text as sentences: a line break ends one only after a short
/// line (a label such as "Beslut") or a full stop; otherwise the sentence
/// was wrapped.
fn sentences(text: &str) -> Vec<String> {
    let mut joined = String::new();
    let mut prev: Option<&str> = None;
    for line in text.lines() {
        let l = line.trim();
        if l.is_empty() {
            continue;
        }
        if let Some(p) = prev {
            let prev_short = p.split_whitespace().count() <= 2;
            joined.push(if prev_short || ends_sentence(p) {
                '\n'
            } else {
                ' '
            });
        }
        joined.push_str(l);
        prev = Some(l);
    }
    let mut out = Vec::new();
    for para in joined.split('\n') {
        let mut start = 0;
        let mut it = para.char_indices();
        for (i, c) in it.by_ref() {
            if !matches!(c, '.' | '!' | '?') {
                continue;
            }
            // ". " followed by a capital letter ends a sentence.
            let mut ahead = para[i + c.len_utf8()..].chars();
            if ahead.next().is_some_and(char::is_whitespace)
                && ahead.next().is_some_and(char::is_uppercase)
            {
                out.push(para[start..=i].trim().to_string());
                start = i + 1;
            }
        }
        out.push(para[start..].trim().to_string());
    }
    out.retain(|s| !s.is_empty());
    out
}

fn ends_sentence(t: &str) -> bool {
    t.trim_end().ends_with(['.', '!', '?', ':'])
}

/// One entry per person: a name listed twice (as secretary and among those
/// present, or on two pages, or once as "Akbas, Aslan" and once as "Aslan
/// Akbas") is merged, the first entry's facts winning and the later ones
/// filling gaps.
pub(crate) fn merge_duplicates(ps: Vec<Participant>) -> Vec<Participant> {
    let mut out: Vec<Participant> = Vec::with_capacity(ps.len());
    // Each person's key and where they stand in `out`: looked up, not
    // searched for (a list of thousands of names stays linear).
    let mut keys: std::collections::HashMap<Vec<String>, usize> =
        std::collections::HashMap::with_capacity(ps.len());
    for p in ps {
        let key = person_key(&p.name);
        let found = keys.get(&key).copied();
        match found.and_then(|i| out.get_mut(i)) {
            Some(q) => {
                q.role = q.role.take().or(p.role);
                q.title = q.title.take().or(p.title);
                q.affiliation = q.affiliation.take().or(p.affiliation);
                q.note = q.note.take().or(p.note);
                q.remote |= p.remote;
                if q.attendance == "called"
                    || q.attendance == "present"
                        && p.attendance != "present"
                        && p.attendance != "called"
                {
                    q.attendance = p.attendance;
                }
            }
            None => {
                keys.insert(key, out.len());
                out.push(p);
            }
        }
    }
    out
}

/// A name's identity whatever its order and punctuation: "Akbas, Aslan"
/// and "Aslan Akbas" are one person.
pub(crate) fn person_key(name: &str) -> Vec<String> {
    let mut w: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    w.sort();
    w
}

/// A gap of two or more spaces: a column boundary in a text export.
static SPACE_GAP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r" {2,}").expect("valid regex"));

/// "Namn                 Organisation": a line of columns a text export
/// aligned with runs of three spaces or more, its gaps made tabs; a line
/// with tabs, or with no such gap after its first word, as it is.
pub(crate) fn space_columns_as_tabs(line: &str) -> std::borrow::Cow<'_, str> {
    let t = line.trim();
    if line.contains('\t') || !t.contains("   ") {
        return std::borrow::Cow::Borrowed(line);
    }
    std::borrow::Cow::Owned(COLUMN_GAP.replace_all(t, "\t").into_owned())
}

static COLUMN_GAP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r" {3,}").expect("valid regex"));

/// The heading an attendance line opens, and what follows it on the same
/// line ("Närvarande: Anna A, Bertil B", "Närvarande⇥Anna A" from a label
/// column). A heading misspelt by one letter ("Ersätare") still counts.
pub(crate) fn attendance_heading(text: &str) -> Option<(usize, String)> {
    // "Återbud; Karin Movin", "Följande deltog på mötet; Johan Strand
    // (ordförande), …": a semicolon where a colon labels the names.
    if let Some((label, value)) = text.split_once(';')
        && !label.contains([':', ',', '\t', '('])
        && label.split_whitespace().count() <= 5
        && value.trim_start().starts_with(char::is_uppercase)
    {
        let relabelled = format!("{}: {}", label.trim_end(), value.trim_start());
        if let Some(found) = attendance_heading(&relabelled) {
            return Some(found);
        }
    }
    // "Mötets sekreterare: Bo Ek" labels as "Sekreterare: Bo Ek" does.
    let own = meeting_role_label(text.trim());
    let t = own.as_deref().unwrap_or(text.trim());
    // Headings are short; a line of text is looked at only for a heading
    // that leads it ("Närvarande: Anna A, …").
    let key = if t.len() <= 48 {
        heading_key(t)
    } else {
        String::new()
    };
    if key.is_empty() && t.len() <= 48 {
        return None;
    }
    let headings = lexicon::ATTENDANCE_HEADINGS;
    if let Some(i) = headings.iter().position(|h| key == h.text) {
        return Some((i, String::new()));
    }
    if let Some(i) = headings.iter().position(|h| {
        h.text.len() >= 8
            && (key.len() + 1 == h.text.len() || key.len() + 2 == h.text.len())
            && one_letter_dropped(&key, h.text)
    }) {
        return Some((i, String::new()));
    }
    // "Styrelsen: Anna Berg, Bo Ek": a body's name labelling the names of
    // its members present; alone on a line it is no heading.
    if let Some((label, value)) = t.split_once(':')
        && lexicon::BODY_LABELS_BEFORE_NAMES.contains(&label.trim().to_lowercase().as_str())
        && is_name(value.split([',', '(', '.']).next().unwrap_or("").trim())
    {
        return Some((plain_heading(), value.trim().to_string()));
    }
    // "Vid mötet deltog Anna Berg, Bo Ek och Cilla Ny."
    let lower = minutes_gate::lowercase(t);
    if let Some((rest, heading)) = lexicon::ATTENDANCE_SENTENCE_LEADS
        .iter()
        .find_map(|(l, heading)| {
            let rest = lower.strip_prefix(l)?;
            // "Följande personer var närvarande: Anna Berg, …".
            let rest = rest.strip_prefix(':').unwrap_or(rest).strip_prefix(' ')?;
            Some((rest, *heading))
        })
        .or_else(|| attended_after_a_phrase(&lower, t).map(|rest| (rest, "närvarande")))
        && let Some(i) = headings.iter().position(|h| h.text == heading)
    {
        let value = t.get(t.len() - rest.len()..).unwrap_or("");
        // "Följande var närvarande vid mötet och var röstberättigade:
        // Anna Berg, …": the rest of the lead's sentence before a colon.
        let value = match value.split_once(':') {
            Some((lead, names))
                if (1..=8).contains(&lead.split_whitespace().count())
                    && !lead.chars().any(char::is_uppercase) =>
            {
                names
            }
            _ => value,
        };
        // The list is the sentence's: what follows its full stop ("Fredrik
        // Ahonen deltog digitalt.") is another sentence.
        return Some((i, value.trim().trim_end_matches('.').to_string()));
    }
    // "Anna Berg, Bo Ek och Cilla Ny var närvarande.": the names first, a
    // person's name opening them.
    let sentence = lower.trim_end().trim_end_matches('.');
    if lower.len() == t.len()
        && let Some((len, heading)) = lexicon::ATTENDANCE_SENTENCE_TAILS
            .iter()
            .find_map(|(tail, heading)| sentence.strip_suffix(tail).map(|r| (r.len(), *heading)))
        && let Some(value) = t.get(..len)
        && is_name(strip_parens(crate::elections::SPLIT.split(value).next().unwrap_or("")).trim())
        && let Some(i) = headings.iter().position(|h| h.text == heading)
    {
        return Some((i, value.trim().to_string()));
    }
    // "Från Myndigheten", "Från DIGG:" on a line of its own: the people
    // below came from that organisation.
    if let Some(org) = t
        .strip_prefix("Från ")
        .or_else(|| t.strip_prefix("From "))
        .map(|o| o.trim().trim_end_matches(':').trim())
        && org.starts_with(char::is_uppercase)
        && (1..=5).contains(&org.split_whitespace().count())
        && !org.contains([',', '.', ';', ':'])
    {
        return Some((plain_heading(), String::new()));
    }
    // "Från Trafikverket: Ronny Thörn (projektledare), Paula Jaakkola": the
    // organisation and its people on one line, with no heading above.
    if let Some((org, names)) = t
        .strip_prefix("Från ")
        .or_else(|| t.strip_prefix("From "))
        .and_then(|r| r.split_once(':'))
        && org.trim().starts_with(char::is_uppercase)
        && (1..=6).contains(&org.split_whitespace().count())
        && !org.contains([',', '.', ';'])
        && is_name(strip_parens(names.split([',', ';']).next().unwrap_or("")).trim())
    {
        return Some((plain_heading(), t.trim().to_string()));
    }
    // Only a line with a label separator can lead with a heading: a colon,
    // a tab, or a gap of spaces aligning the values in a column
    // ("Ledamöter        Eva Holm (S)").
    // "Övriga närvarande Annika Malm, direktör": a heading of several
    // words whose label cell a PDF joined to its value with one space. The
    // longest heading that fits ("Beslutande ledamöter Anna Berg, …" is
    // not "Beslutande" over "Ledamöter Anna").
    if let Some((i, rest)) = headings
        .iter()
        .enumerate()
        .filter_map(|(i, h)| {
            let rest = lower.strip_prefix(h.text)?.strip_prefix(' ')?;
            let whole = t.get(t.len() - rest.len()..)?;
            // "Närvarande Anna Berg Bo Ek Förhindrade Dan Öst": the list
            // is what comes before the next list's heading.
            let value = heading_inside(whole).map_or(whole, |(at, _, _)| whole[..at].trim_end());
            let head = value.split([',', '(']).next().unwrap_or("").trim();
            // One word joined to a name by one space ("Närvarande Klas Jacobson
            // KJ") heads a list when the line holds no more than the name.
            let lone_name = value.chars().count() <= 40
                && !value.starts_with(' ')
                && !value.contains("  ")
                && is_name(without_own_initials(value));
            // "Närvarande Göran Johansson, ordf. Lars-Åke Sigfridsson, Jan
            // Karlsson, …": or a list of names.
            // (Read only when asked: most lines are no such list.)
            let pairs = || names_in_pairs(value).is_some_and(|n| n.len() >= 2);
            let list = !value.starts_with(' ') && (value.matches(',').count() >= 2 || pairs());
            // ("Anna Berg Bo Ek Cia Ny": a list of pairs opens with no one
            // name before a comma.)
            ((is_name(head) || (!value.contains(',') && pairs()))
                && (h.text.contains(' ') || lone_name || list))
                .then_some((i, whole))
        })
        .max_by_key(|&(i, _)| headings[i].text.len())
    {
        return Some((i, rest.trim().to_string()));
    }
    // "Directors present:", "Trustees present": who they are, then
    // "present".
    let label = t
        .split_once(':')
        .map_or(t, |(l, _)| l)
        .trim()
        .to_lowercase();
    if label.len() <= 40
        && let Some(who) = label.strip_suffix(" present")
        && (1..=2).contains(&who.split_whitespace().count())
        && who.ends_with('s')
        && who.chars().all(|c| c.is_alphabetic() || c == ' ')
        && let Some(i) = headings.iter().position(|h| h.text == "present")
    {
        let value = t.split_once(':').map_or("", |(_, v)| v.trim());
        return Some((i, value.to_string()));
    }
    // "Deltagare på plats", "Närvarande via Teams", "Närvarande revisorer":
    // a heading and how its people attended or who they are (a plural
    // noun), alone on a line.
    // The words as written: a name ("Närvarande Peter") is no plural noun.
    let plural_group = |h: &str| {
        let words: Vec<&str> = t
            .split_whitespace()
            .skip(h.split_whitespace().count())
            .collect();
        (1..=2).contains(&words.len())
            && words
                .iter()
                .all(|w| w.chars().all(|c| c.is_alphabetic() && c.is_lowercase()))
            && words.last().is_some_and(|w| {
                w.chars().count() >= 5
                    && lexicon::PLURAL_GROUP_ENDINGS.iter().any(|e| w.ends_with(e))
            })
    };
    if t.len() <= 48
        && !t.contains([':', '\t'])
        && let Some(i) = headings.iter().position(|h| {
            h.attendance == "present"
                && lower
                    .strip_prefix(h.text)
                    .and_then(|r| r.strip_prefix(' '))
                    .is_some_and(|q| {
                        lexicon::HEADING_QUALIFIERS.contains(&q.trim())
                            || ["närvarande", "deltagare"].contains(&h.text) && plural_group(h.text)
                    })
        })
    {
        return Some((i, String::new()));
    }
    if !t.contains([':', '\t']) && !t.contains("  ") {
        return None;
    }
    for (i, h) in headings.iter().enumerate() {
        if let Some(rest) = lower.strip_prefix(h.text) {
            // "Deltagare från DIGG: Anna Berg, Bo Ek": the organisation
            // heads the names, as in "DIGG: Anna Berg, Bo Ek".
            if let Some(org) = from_organisation(rest, t) {
                return Some((i, org));
            }
            let label_end = rest
                .strip_prefix(':')
                .map(|r| r.strip_prefix('\t').unwrap_or(r))
                .or_else(|| rest.strip_prefix('\t'))
                .or_else(|| rest.starts_with("  ").then(|| rest.trim_start()));
            if let Some(after) = label_end {
                let cut = t.len() - after.len();
                let value = t.get(cut..).unwrap_or("").trim();
                // Columns aligned with spaces are cells, as tabs are.
                let value = if value.contains("  ") {
                    SPACE_GAP.replace_all(value, "\t").into_owned()
                } else {
                    value.to_string()
                };
                return Some((i, value));
            }
        }
    }
    // "Deltagare på plats: …", "Närvarande (digitalt): …", "Närvarande
    // styrelse: …": a heading with a short qualifier before its colon.
    // "Övriga frågor: Frågan om …" is a point of the agenda, not the others
    // present.
    if lexicon::STATUTORY_HEADING_OPENINGS
        .iter()
        .any(|o| lower.starts_with(o))
    {
        return None;
    }
    for (i, h) in headings.iter().enumerate() {
        let Some(rest) = lower.strip_prefix(h.text) else {
            continue;
        };
        let Some(colon) = rest
            .find(':')
            .filter(|&c| c <= 30 || c <= 48 && rest[..c].ends_with(')'))
        else {
            continue;
        };
        let qualifier = rest[..colon].trim();
        // "Deltog fysiskt (Malmö, Folkets park):": words, then where in
        // brackets.
        let (qualifier, place) = match qualifier.split_once(" (") {
            Some((q, p)) if p.ends_with(')') => (q.trim(), true),
            _ => (qualifier, false),
        };
        let words: Vec<&str> = qualifier.split_whitespace().collect();
        let bracketed =
            place && qualifier.is_empty() || qualifier.starts_with('(') && qualifier.ends_with(')');
        // "Närvarande : Anna Berg": a space before the colon, no qualifier.
        let plain = rest.starts_with(' ')
            && (0..=3).contains(&words.len())
            && words.iter().all(|w| w.chars().all(char::is_alphabetic));
        if bracketed || plain {
            let cut = t.len() - rest.len() + colon + 1;
            return Some((i, t.get(cut..).unwrap_or("").trim().to_string()));
        }
    }
    None
}

/// "Ej tjänstgörande Berglund, Tore (S)" over "ersättare        Aho, Linnea
/// (L)": a label column too narrow for its heading wraps the heading's last
/// word onto the next row, in lower case. Gives the first line with the
/// whole heading as its label ("Ej tjänstgörande ersättare⇥Berglund, Tore
/// (S)") and the second line's value alone; None when the lines are no
/// such pair.
pub(crate) fn wrapped_heading(first: &str, second: &str) -> Option<(String, String)> {
    let second = second.trim_start();
    if !second.starts_with(char::is_lowercase) {
        return None;
    }
    let at = second.find('\t').or_else(|| second.find("  "))?;
    let (tail, value) = (second[..at].trim(), second[at..].trim());
    let words = tail.split_whitespace().count();
    if value.is_empty()
        || !(1..=2).contains(&words)
        || !tail.chars().all(|c| c.is_alphabetic() || c == ' ')
    {
        return None;
    }
    let first = first.trim_start();
    // The head of the heading: the first one to three words of the line,
    // the longest that, with the wrapped tail, is a heading.
    let ends: Vec<usize> = first
        .split_whitespace()
        .take(3)
        .map(|w| w.as_ptr() as usize - first.as_ptr() as usize + w.len())
        .collect();
    ends.iter().rev().find_map(|&end| {
        let head = &first[..end];
        let rest = first[end..].trim();
        let words_only = head.chars().all(|c| c.is_alphabetic() || c == ' ');
        let key = format!("{} {tail}", head.to_lowercase());
        (words_only
            && !rest.is_empty()
            && lexicon::ATTENDANCE_HEADINGS.iter().any(|h| h.text == key))
        .then(|| (format!("{head} {tail}\t{rest}"), value.to_string()))
    })
}

/// "Ledamöter⇥Ersättare", "Ledamöter | Suppleanter | Övriga": two or more
/// cells that are each an attendance heading alone, the headings of lists
/// side by side. Gives each column's heading.
pub(crate) fn column_headings(cells: &[impl AsRef<str>]) -> Option<Vec<usize>> {
    if cells.len() < 2 {
        return None;
    }
    cells
        .iter()
        .map(|c| {
            attendance_heading(c.as_ref())
                .filter(|(_, rest)| rest.trim().is_empty())
                .map(|(h, _)| h)
        })
        .collect()
}

/// "Från Försäkringskassan deltog Cecilia Torstensson (avdelningschef), …",
/// "Dessutom deltog Anna Berg", "Från kommunen kom även Bo Ek och Cilla
/// Ny": a short phrase, a verb of attending, then
/// the people (`lower` is `t` lower-cased). Gives the lower-cased rest.
fn attended_after_a_phrase<'a>(lower: &'a str, t: &str) -> Option<&'a str> {
    let c = ATTENDED_AFTER_PHRASE.captures(lower)?;
    let rest = &lower[c.get(0)?.end()..];
    let value = t.get(t.len() - rest.len()..)?;
    let head = value.split([',', '(']).next().unwrap_or("");
    let head = head.split(" och ").next().unwrap_or("").trim();
    // A list of people, not one person's note inside an item.
    let list = value.contains(',') || value.contains(" och ");
    (is_name(head) && list).then_some(rest)
}

static ATTENDED_AFTER_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[\p{L}-]+\s+){1,4}?(?:deltog|närvarade|medverkade|deltar|närvarar|kom)\s+(?:även\s+|också\s+|dessutom\s+)?",
    )
        .expect("valid regex")
});

/// The heading of an attendance line (`line` less its value `rest`) says
/// its people joined from afar: "Deltagare (digitalt):", "Närvarande via
/// Teams:". A remote word in the names' own notes is [`person`]'s.
pub(crate) fn heading_says_remote(line: &str, rest: &str) -> bool {
    let head = line
        .trim()
        .strip_suffix(rest.trim())
        .unwrap_or(if rest.trim().is_empty() { line } else { "" });
    // "Deltagare på plats och via Teams:" is both.
    has_cue(head, lexicon::REMOTE_CUES) && !head.to_lowercase().contains("på plats")
}

/// The sentences of a text about who attended ("Lars Moberg hade meddelat
/// förhinder. Ungdomsansvarig Petra Kvist var adjungerad."), each without
/// its closing stop: cut at every stop [`stops`] finds.
pub(crate) fn attendance_sentences(t: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    for end in stops(t, false) {
        let piece = t[from..end].trim().trim_end_matches('.').trim();
        if !piece.is_empty() {
            out.push(piece);
        }
        from = end + 1;
    }
    let last = t[from..].trim().trim_end_matches('.').trim();
    if !last.is_empty() {
        out.push(last);
    }
    out
}

/// "Anna Berg, Bo Ek. Absent: Cilla Ny.": the value of one attendance
/// heading, and the line a second heading on the same line opens.
pub(crate) fn second_heading(value: &str) -> (&str, Option<&str>) {
    // A list is a line, not a document: a long value is left whole, and
    // only a label close after the stop is looked at.
    if value.len() > 2_000 {
        return (value, None);
    }
    // "… Cilla Ny – Frånvarande: Dan Ås": a dash or a bar set off by
    // spaces parts two lists as a stop does.
    for (i, c) in value.char_indices() {
        let end = i + c.len_utf8();
        let stop = match c {
            '.' | ';' => true,
            '–' | '—' | '|' | '-' => value[..i].ends_with(' ') && value[end..].starts_with(' '),
            _ => false,
        };
        if !stop {
            continue;
        }
        let after = value[end..].trim_start();
        if after.len() < value.len() - end
            && after.chars().take(40).any(|c| c == ':')
            && attendance_heading(after).is_some_and(|(_, rest)| !rest.is_empty())
        {
            return (value[..i].trim(), Some(after));
        }
    }
    // "Anna Berg Bo Ek Frånvarande: Cilla Ny": a list whose stops were
    // lost; a heading's own word and its colon part the lists. Each colon
    // is looked back from once, over the few words a heading has.
    for (colon, _) in value.match_indices(':') {
        if value[colon + 1..].trim().is_empty() {
            continue;
        }
        let before = &value[..colon];
        let from = before
            .char_indices()
            .rev()
            .take(40)
            .last()
            .map_or(0, |(i, _)| i);
        for (i, _) in before[from..]
            .match_indices(' ')
            .map(|(i, s)| (i + from, s))
        {
            let label = &before[i + 1..];
            let key = label.trim().to_lowercase();
            if label.starts_with(char::is_uppercase)
                && label.split_whitespace().count() <= 3
                && lexicon::ATTENDANCE_HEADINGS.iter().any(|h| h.text == key)
            {
                return (value[..i].trim(), Some(&value[i + 1..]));
            }
        }
    }
    (value, None)
}

/// "Anna Berg Bo Ek Cia Ny Förhindrade Dan Öst Eva Lind", "…, kassör Bo
/// Ek Adjungerade Gabriella Rehn Ej närvarande Dan Öst": a list whose stops
/// and colons a page lost, and inside it the heading of another list (one
/// to three capitalised words, of absence or of another group, not a
/// post's), before a capitalised word. Where the heading starts, which
/// heading it is, and where its names start.
pub(crate) fn heading_inside(value: &str) -> Option<(usize, usize, usize)> {
    if value.len() > 2_000 {
        return None;
    }
    let words: Vec<(usize, &str)> = crate::words_at(value).collect();
    for k in 1..words.len() {
        let (start, first) = words[k];
        if !first.starts_with(char::is_uppercase) {
            continue;
        }
        for len in (1..=3).rev() {
            let Some(next) = words.get(k + len) else {
                continue;
            };
            let key = words[k..k + len]
                .iter()
                .map(|(_, w)| w.to_lowercase())
                .collect::<Vec<_>>()
                .join(" ");
            // (Not a post's heading: "Ordförande Bo Ek" inside a list is
            // the post written before a name.)
            let another_list = |h: &lexicon::AttendanceHeading| {
                h.text == key
                    && h.role.is_none()
                    && (h.group != "member" || h.attendance != "present")
            };
            if next.1.starts_with(char::is_uppercase)
                && let Some(h) = lexicon::ATTENDANCE_HEADINGS.iter().position(another_list)
            {
                return Some((start, h, next.0));
            }
        }
    }
    None
}

/// "<heading> från X: names" (`rest` is the lower-cased text after the
/// heading, `t` the line): "X: names", in the line's own case.
fn from_organisation(rest: &str, t: &str) -> Option<String> {
    let after = rest
        .strip_prefix(" från ")
        .or_else(|| rest.strip_prefix(" from "))?;
    let colon = after.find(':')?;
    let org_len = after[..colon].trim().chars().count();
    let start = t.len() - after.len();
    let value = t.get(start..)?.trim();
    // "Närvarande från styrelsen:", "från förvaltningen:": a group of the
    // meeting or of its own organisation, no organisation named.
    if org_len == 0
        || org_len > 40
        || after[..colon].contains(',')
        || value.starts_with(char::is_lowercase)
        || crate::meeting::names_body(after[..colon].trim())
    {
        return None;
    }
    Some(value.to_string())
}

/// Lower-case key of a heading line: markup and trailing colon off.
fn heading_key(text: &str) -> String {
    heading_text(text).to_lowercase()
}

/// What [`heading_key`] lower-cases: the text without its markup and
/// closing colon.
fn heading_text(text: &str) -> &str {
    let t = text
        .trim()
        .trim_matches(|c: char| c == '*' || c == '#' || c == '_');
    t.trim().trim_end_matches(':').trim()
}

/// The most characters an attendance column's name has.
static LONGEST_COLUMN: LazyLock<usize> = LazyLock::new(|| {
    lexicon::ATTENDANCE_COLUMNS
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0)
});

/// `typo` is `word` with one letter left out.
fn one_letter_dropped(typo: &str, word: &str) -> bool {
    // The common start, then the rest of the word less one letter.
    let same = typo
        .char_indices()
        .zip(word.chars())
        .find(|((_, a), b)| a != b)
        .map_or(typo.len(), |((i, _), _)| i);
    let mut rest = word.get(same..).unwrap_or("").chars();
    rest.next().is_some() && typo.get(same..) == Some(rest.as_str())
}

/// "[X] Haverinen Emilia, ordförande, distans⇥[X] Sjöström William [ ] Nystedt
/// Elias": the records of a checkbox list and whether each is ticked.
pub(crate) fn checkbox_records(line: &str) -> Vec<(bool, String)> {
    let mut out: Vec<(bool, String)> = Vec::new();
    let mut rest = line.trim_start();
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']').map(|c| open + c) else {
            break;
        };
        let mark = rest[open + 1..close].trim();
        if mark.chars().count() > 1 {
            break;
        }
        if let Some(last) = out.last_mut() {
            last.1 = format!("{} {}", last.1, &rest[..open]).trim().to_string();
        }
        let ticked = !mark.is_empty();
        rest = &rest[close + 1..];
        let next = rest.find('[').unwrap_or(rest.len());
        out.push((ticked, rest[..next].trim().to_string()));
        rest = &rest[next..];
    }
    out
}

static EVERYONE: LazyLock<Regex> = LazyLock::new(|| {
    let alt = |ws: &[&str]| {
        let mut ws = ws.to_vec();
        ws.sort_by_key(|w| std::cmp::Reverse(w.len()));
        ws.iter()
            .map(|w| regex::escape(w))
            .collect::<Vec<_>>()
            .join("|")
    };
    Regex::new(&format!(
        r"(?i)^(?:{})(?:\s*\(\s*|\s+)(?:(?:{})\s+(.+?))?\s*\)?$",
        alt(lexicon::EVERYONE_WORDS),
        alt(lexicon::EXCEPT_WORDS)
    ))
    .expect("valid regex")
});

/// Does an attendance line speak of everyone ("Samtliga utom Rebecka
/// Strid", "Alla")?
pub(crate) fn speaks_of_everyone(line: &str) -> bool {
    everyone_except(line).is_some()
}

/// "Alla (förutom Jamal)" → the people named as exceptions; "Samtliga
/// medlemmar" → none. None when the line does not speak of everyone.
fn everyone_except(line: &str) -> Option<Vec<String>> {
    let t = line.trim();
    let lower = t.to_lowercase();
    if lexicon::EVERYONE_WORDS.contains(&lower.as_str()) {
        return Some(Vec::new());
    }
    if !lexicon::EVERYONE_WORDS.iter().any(|w| {
        lower.starts_with(w)
            && lower
                .get(w.len()..)
                .is_some_and(|r| r.starts_with([' ', '(']))
    }) {
        return None;
    }
    let c = EVERYONE.captures(t)?;
    let Some(names) = c.get(1) else {
        return Some(Vec::new());
    };
    Some(
        elections::SPLIT
            .split(names.as_str())
            .map(|n| n.trim().trim_end_matches(')').trim().to_string())
            .filter(|n| {
                n.split_whitespace().count() <= 4
                    && n.chars().next().is_some_and(char::is_uppercase)
            })
            .collect(),
    )
}

/// "DIGG: …": an organisation (a capital and at most 60 more characters,
/// see [`org_label`]) heading a run of names.
static ORG_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(\p{Lu}[\p{L}\d&.\- ]*?)\s*:\s*(.+)$").expect("valid regex"));

/// [`ORG_LABEL`]'s match, when its organisation is at most 61 characters.
/// The limit is checked here rather than written `{0,60}?` in the pattern:
/// that compiled sixty copies of the Unicode letter class (the dearest
/// pattern of the crate to compile, and a large state set for every
/// search). The same matches: the organisation cannot run past the first
/// colon, so the shortest one that the rest of the line allows is the only
/// candidate either way.
fn org_label(part: &str) -> Option<regex::Captures<'_>> {
    ORG_LABEL
        .captures(part)
        .filter(|c| c.get(1).is_some_and(|m| m.as_str().chars().count() <= 61))
}

/// "DIGG: Anna Berg, Bertil Ek, Skatteverket: Cecilia Dahl": names in runs,
/// each run headed by its organisation. None unless every part is a name
/// and at least one organisation heads a run.
fn org_runs(line: &str, heading: &AttendanceHeading, struck: bool) -> Option<Vec<Participant>> {
    // "Vetlanda kommun – Gunilla Fagerström (ordförande)": the organisation
    // and a dash before the name, as before a colon.
    let dashed;
    let line = match crate::meeting::split_at_dash(line).map(|(o, r)| (o.trim(), r.trim())) {
        Some((org, rest))
            if !line.contains(':')
                && org.starts_with(char::is_uppercase)
                && !is_name(org)
                && !post_word(org)
                && role_of(org).is_none()
                && is_name(strip_parens(rest.split(',').next().unwrap_or("")).trim()) =>
        {
            dashed = format!("{org}: {rest}");
            dashed.as_str()
        }
        _ => line,
    };
    if !line.contains(':') || line.contains('\t') {
        return None;
    }
    let mut org: Option<String> = None;
    let mut out = Vec::new();
    let mut orgs = 0;
    // "Falköpings kommun: Adam Johansson (M), ordförande; Sara Ekelund (S)":
    // semicolons part the people, and a comma a person from their role.
    let parts = if line.contains("; ") {
        line.split(';').map(|p| p.trim().to_string()).collect()
    } else {
        split_commas(line)
    };
    for part in parts {
        let name_part = match org_label(&part) {
            Some(c) => {
                // "Från Skatteverket: Cilla Ny" names the organisation too.
                let o = c.get(1).map_or("", |m| m.as_str()).trim();
                let o = ["Från ", "från ", "From ", "from "]
                    .iter()
                    .find_map(|w| o.strip_prefix(w))
                    .unwrap_or(o)
                    .to_string();
                // "Plats: Hos Anna", "Tid: …": a field of the meeting, not
                // an organisation.
                let key = o.to_lowercase();
                if is_name(&o)
                    || lexicon::ATTENDANCE_HEADINGS.iter().any(|h| h.text == key)
                    || lexicon::MEETING_FIELD_LABELS.contains(&key.as_str())
                {
                    return None;
                }
                org = Some(o);
                orgs += 1;
                c.get(2).map_or("", |m| m.as_str()).trim().to_string()
            }
            None => part.clone(),
        };
        let lead = if line.contains("; ") {
            name_part.split(',').next().unwrap_or("")
        } else {
            name_part.as_str()
        };
        if !is_name(strip_parens(lead).trim()) {
            return None;
        }
        let mut p = person(&name_part, heading, struck)?;
        if p.affiliation.is_none() {
            p.affiliation.clone_from(&org);
        }
        out.push(p);
    }
    (orgs >= 1 && !out.is_empty()).then_some(out)
}

/// What each header cell of an attendance table labels.
fn column_kinds(header: &[String]) -> Vec<Option<lexicon::AttendanceColumn>> {
    use lexicon::AttendanceColumn as C;
    let mut kinds: Vec<Option<C>> = header
        .iter()
        .map(|t| {
            let key = heading_key(t);
            // "Närvarand e": a label broken inside a narrow PDF column.
            let joined: String = key.split_whitespace().collect();
            lexicon::ATTENDANCE_COLUMNS
                .iter()
                .find(|(k, _)| *k == key)
                .or_else(|| {
                    lexicon::ATTENDANCE_COLUMNS
                        .iter()
                        .find(|(k, _)| *k == joined)
                })
                .map(|(_, c)| *c)
        })
        .collect();
    // "Namn | Funktion | Närvarande": beside a column of names, a
    // "Närvarande" column says who was there.
    if let Some(first) = kinds.iter().position(|k| *k == Some(C::Name)) {
        for (i, k) in kinds.iter_mut().enumerate().skip(first + 1) {
            let key = header.get(i).map(|t| heading_key(t)).unwrap_or_default();
            let key: String = key.split_whitespace().collect();
            if *k == Some(C::Name) && lexicon::PRESENCE_AS_NAME_LABELS.contains(&key.as_str()) {
                *k = Some(C::Presence);
            }
        }
    }
    kinds
}

/// "Parti Tjänstgörande ersättare" → "Parti", "Tjänstgörande ersättare":
/// a header cell that holds two column labels, their gap too narrow for the
/// reader to see a column break, as the two cells it stands for.
fn split_merged_labels(header: &[String]) -> Vec<String> {
    let known = |t: &str| {
        // Lower-casing never makes fewer characters, so a label longer than
        // every column's name is none of them: most of the halves tried
        // below are turned away without a lower-cased copy.
        if heading_text(t).chars().nth(*LONGEST_COLUMN).is_some() {
            return false;
        }
        let key = heading_key(t);
        lexicon::ATTENDANCE_COLUMNS.iter().any(|(k, _)| *k == key)
    };
    let mut out = Vec::with_capacity(header.len());
    for cell in header {
        let split = (!known(cell))
            .then(|| {
                cell.match_indices(' ')
                    .map(|(i, _)| i)
                    .find(|&i| known(&cell[..i]) && known(&cell[i + 1..]))
            })
            .flatten();
        match split {
            Some(i) => {
                out.push(cell[..i].to_string());
                out.push(cell[i + 1..].to_string());
            }
            None => out.push(cell.clone()),
        }
    }
    out
}

/// A table's first row labels an attendance table: a column of names and
/// at least one other known column.
pub(crate) fn is_column_header(header: &[String]) -> bool {
    let header = split_merged_labels(header);
    let kinds = column_kinds(&header);
    header.len() >= 2
        && kinds.contains(&Some(lexicon::AttendanceColumn::Name))
        && kinds.iter().flatten().count() >= 2
}

/// "Närvarande | Organisation | Mötesroll" over rows of people: an
/// attendance table read by its columns. Each row is its cells' text and
/// whether the row's name is struck through. None unless the first row
/// names a column of names and at least one other known column.
pub(crate) fn column_table(rows: &[Vec<(String, bool)>]) -> Option<Vec<Participant>> {
    let header: Vec<String> = rows.first()?.iter().map(|(t, _)| t.clone()).collect();
    if !is_column_header(&header) {
        return None;
    }
    read_columns(rows)
}

/// A table known to be the attendance list (an appendix "Röstlängd"): a
/// column of names is enough ("Lgh nr | Namn | Röst").
pub(crate) fn listed_table(rows: &[Vec<(String, bool)>]) -> Option<Vec<Participant>> {
    let header: Vec<String> = rows.first()?.iter().map(|(t, _)| t.clone()).collect();
    let kinds = column_kinds(&split_merged_labels(&header));
    if !kinds.contains(&Some(lexicon::AttendanceColumn::Name)) {
        return None;
    }
    read_columns(rows)
}

/// The people of an attendance table whose first row labels its columns.
fn read_columns(rows: &[Vec<(String, bool)>]) -> Option<Vec<Participant>> {
    use lexicon::AttendanceColumn as C;
    let header = rows.first()?;
    let texts: Vec<String> = header.iter().map(|(t, _)| t.clone()).collect();
    let texts = split_merged_labels(&texts);
    let columns = column_kinds(&texts);
    // "Ledamöter | Närvarande | Ersättare | Närvarande": tables side by
    // side, each from its column of names to the next; each read alone.
    let name_cols: Vec<usize> = columns
        .iter()
        .enumerate()
        .filter(|(_, c)| **c == Some(C::Name))
        .map(|(i, _)| i)
        .collect();
    if name_cols.len() >= 2 && texts.len() == header.len() {
        let mut out = Vec::new();
        for (k, &start) in name_cols.iter().enumerate() {
            let end = name_cols.get(k + 1).copied().unwrap_or(texts.len());
            let block: Vec<Vec<(String, bool)>> = rows
                .iter()
                .map(|r| r.get(start..end.min(r.len())).unwrap_or_default().to_vec())
                .collect();
            if let Some(ps) = read_columns_one(&block) {
                out.extend(ps);
            }
        }
        return (!out.is_empty()).then_some(out);
    }
    read_columns_one(rows)
}

/// One attendance table: a column of names and the columns about them.
fn read_columns_one(rows: &[Vec<(String, bool)>]) -> Option<Vec<Participant>> {
    use lexicon::AttendanceColumn as C;
    let (header, body) = rows.split_first()?;
    let texts: Vec<String> = header.iter().map(|(t, _)| t.clone()).collect();
    let texts = split_merged_labels(&texts);
    let columns = column_kinds(&texts);
    let name_col = columns.iter().position(|c| *c == Some(C::Name))?;
    // The name column's label may be an attendance heading ("Frånvarande").
    let heading_text = heading_key(texts.get(name_col)?);
    let heading = lexicon::ATTENDANCE_HEADINGS
        .iter()
        .find(|h| h.text == heading_text)
        .or_else(|| lexicon::ATTENDANCE_HEADINGS.get(plain_heading()))?;
    let mut out = Vec::new();
    for row in body {
        let cell = |c: C| {
            columns
                .iter()
                .position(|x| *x == Some(c))
                .and_then(|i| row.get(i))
                .map(|(t, _)| t.trim().to_string())
                .filter(|t| !t.is_empty())
        };
        let Some((name_text, struck)) = row.get(name_col) else {
            continue;
        };
        // "Bo Ek, Cecilia Ny": two people of one organisation in a cell.
        let name_text = clean(name_text);
        let several = people_on_one_line(&name_text);
        let names = if several.len() >= 2 {
            several
        } else {
            vec![name_text]
        };
        for name in names {
            let Some(mut p) = person(&name, heading, *struck) else {
                continue;
            };
            if let Some(a) = cell(C::Affiliation) {
                // "Myndigheten för digital förvaltning (mötesledare)": the
                // person's role or title in brackets after the organisation.
                match a.strip_suffix(')').and_then(|x| x.rsplit_once('(')) {
                    Some((org, what)) if !org.trim().is_empty() => {
                        match role_of(what.trim()) {
                            Some(role) => p.role = Some(role.to_string()),
                            None if what.starts_with(char::is_lowercase) => {
                                p.title = Some(what.trim().to_string())
                            }
                            None => {}
                        }
                        p.affiliation = Some(org.trim().to_string());
                    }
                    _ => p.affiliation = Some(a),
                }
            }
            if let Some(t) = cell(C::Title) {
                p.title = Some(t);
            }
            if let Some(r) = cell(C::Role) {
                match role_of(&r) {
                    Some(role) => p.role = Some(role.to_string()),
                    None if p.title.is_none() => p.title = Some(r),
                    None => {}
                }
            }
            let presence = columns
                .iter()
                .position(|x| *x == Some(C::Presence))
                .and_then(|i| row.get(i))
                .map(|(t, _)| t.trim().to_lowercase());
            let note = cell(C::Note);
            let cues = [
                presence.clone().unwrap_or_default(),
                note.clone().unwrap_or_default(),
            ]
            .join(" ");
            // "Frånvarande": "X" marks the absent.
            let marked_absent = cell(C::Absence)
                .is_some_and(|v| !lexicon::NOT_PRESENT_MARKS.contains(&v.to_lowercase().as_str()));
            if marked_absent
                // "No (sick)": the mark before a note in brackets.
                || presence
                    .as_deref()
                    .is_some_and(|v| {
                        // "(via Teams)" alone is a note, not an empty mark.
                        let mark = strip_parens(v);
                        let mark = if mark.trim().is_empty() { v } else { mark.trim() };
                        lexicon::NOT_PRESENT_MARKS.contains(&mark)
                    })
                || has_cue(&cues, lexicon::ABSENT_CUES)
            {
                p.attendance = "absent".into();
            } else if partial_note(&cues)
                // "Late (10:25)", "Sen": the presence mark itself.
                || presence.as_deref().is_some_and(|v| {
                    lexicon::LATE_MARKS
                        .iter()
                        .any(|m| v == *m || v.strip_prefix(m).is_some_and(|r| r.starts_with([' ', '('])))
                })
            {
                p.attendance = "partial".into();
            }
            if p.attendance != "absent" && has_cue(&cues, lexicon::REMOTE_CUES) {
                p.remote = true;
            }
            if note.is_some() {
                p.note = note;
            }
            // "Jessica Nylund | SD | Bo Hansson (SD)": the substitute served
            // and the member was absent.
            let substitute = cell(C::Substitute).and_then(|s| person(&clean(&s), heading, false));
            if let Some(mut sub) = substitute {
                p.attendance = "absent".into();
                p.note = Some(format!("ersatt av {}", sub.name));
                sub.note = Some(format!("ersätter {}", p.name));
                out.push(p);
                out.push(sub);
                continue;
            }
            out.push(p);
        }
    }
    (!out.is_empty()).then_some(out)
}

fn is_attendance_title(title: &str) -> bool {
    let key = heading_key(title);
    lexicon::ATTENDANCE_ITEM_TITLES.contains(&key.as_str())
}

/// The people listed as an item's content when the item is the attendance
/// list ("2 Närvarolista", "Fastställande av röstlängd"): only when most of
/// its lines are people, so that a sentence about the röstlängd names no one.
fn from_attendance_item(item: &crate::AgendaItem) -> Vec<Participant> {
    let Some(h) = lexicon::ATTENDANCE_HEADINGS
        .iter()
        .find(|h| h.text == "närvarande")
    else {
        return Vec::new();
    };
    let lines: Vec<&str> = item
        .units
        .iter()
        .map(|u| u.text.trim())
        .filter(|t| !t.is_empty())
        .collect();
    let mut out = Vec::new();
    let mut people_lines = 0;
    let mut loose: Vec<&str> = Vec::new();
    for l in &lines {
        match parse_line(l, false, h) {
            Some(ps) if !ps.is_empty() => {
                people_lines += 1;
                out.extend(ps);
            }
            _ => loose.push(l),
        }
    }
    if people_lines == 0 || people_lines * 2 < lines.len() {
        return Vec::new();
    }
    // Names as written: "Fartun jama" in a list of names is a name too.
    for l in loose {
        let words: Vec<&str> = l.split_whitespace().collect();
        if words.len() == 2
            && words[0].chars().next().is_some_and(char::is_uppercase)
            && words.iter().all(|w| w.chars().all(char::is_alphabetic))
        {
            out.push(Participant {
                name: l.to_string(),
                role: None,
                title: None,
                affiliation: None,
                group: h.group.to_string(),
                attendance: h.attendance.to_string(),
                remote: false,
                note: None,
            });
        }
    }
    out
}

/// Everyone the minutes name as attending, from every form: the lists the
/// walk read (`found`), items that are the attendance list, a flattened
/// attendance table, and the officers the meeting elected. Those only
/// summoned ("Kallade") were absent when others are listed as present,
/// unless the list of the present spoke of everyone (`everyone_present`).
pub(crate) fn complete(
    found: Vec<Participant>,
    doc: &Document,
    items: &[crate::AgendaItem],
    everyone_present: bool,
) -> Vec<Participant> {
    let mut ps = found;
    for item in items.iter().filter(|i| is_attendance_title(&i.title)) {
        ps.extend(from_attendance_item(item));
    }
    // The flattened table's member column stands alone on a line: the
    // whole text is built only for documents that have one.
    let has_member_column = doc.blocks.iter().any(|b| match &b.kind {
        minutes_model::BlockKind::Paragraph(p) => p
            .runs
            .iter()
            .any(|r| crate::flat_table::opens_table(&r.text)),
        _ => false,
    });
    if has_member_column {
        ps.extend(crate::flat_table::read(&doc.plain_text()));
    }
    // "Närvarande: AB, CL" with "AB = Anna Berglund (ordförande), CL = …"
    // below: the names the initials stand for.
    if ps.iter().any(|p| is_initials(&p.name)) {
        let legend = initials_legend(&doc.plain_text());
        for p in &mut ps {
            if let Some(e) = legend.iter().find(|e| e.initials == p.name) {
                p.name = e.name.clone();
                if p.role.is_none() {
                    p.role = e.role.map(str::to_string);
                }
            }
        }
        // "ER = Emil Rask (frånvaro)": one the legend names as away, and
        // the list leaves out, was absent.
        for e in legend.iter().filter(|e| e.absent) {
            if !ps.iter().any(|p| p.name == e.name) {
                ps.push(Participant {
                    name: e.name.clone(),
                    role: e.role.map(str::to_string),
                    title: None,
                    affiliation: None,
                    group: "member".into(),
                    attendance: "absent".into(),
                    remote: false,
                    note: None,
                });
            }
        }
    }
    if let Some(last) = items.last() {
        apply_signatures(&mut ps, signatures(&tail_lines(doc, last.span.block, 24)));
    }
    // "Kallade: Jonna Lilja, …" and "Närvarande: Jonna, …": a first name
    // is the one listed person who has it.
    let mut ps = first_names_to_full(merge_duplicates(ps));
    // The members a serving substitute replaced were absent.
    let replaced = replaced_members(&ps);
    ps.extend(replaced);
    // Called people missing from a list of those present were absent; with
    // no such list ("Kallade: …" and "Frånvarande: …" only), the called
    // who are not listed absent came.
    let anyone_present = !everyone_present && ps.iter().any(|p| p.attendance == "present");
    for p in &mut ps {
        if p.attendance == "called" {
            p.attendance = if anyone_present { "absent" } else { "present" }.into();
        }
    }
    apply_elections(&mut ps, items);
    ps
}

/// The index in [`lexicon::ATTENDANCE_HEADINGS`] of the plain heading that
/// people listed without one are read under.
pub(crate) fn plain_heading() -> usize {
    lexicon::ATTENDANCE_HEADINGS
        .iter()
        .position(|h| h.text == lexicon::PLAIN_ATTENDANCE_HEADING)
        .unwrap_or(0)
}

/// The last lines of the document's body from block `from` on (the last
/// item's), where its signatures stand.
fn tail_lines(doc: &Document, from: usize, n: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for b in doc.blocks.get(from..).unwrap_or_default().iter().rev() {
        let text = b.plain_text();
        let mut lines: Vec<String> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && l.chars().any(char::is_alphabetic))
            .map(str::to_string)
            .collect();
        lines.append(&mut out);
        out = lines;
        if out.len() >= n {
            break;
        }
    }
    let skip = out.len().saturating_sub(n);
    out.split_off(skip)
}

/// The cells of a line laid out in columns (tabs or gaps of two or more
/// spaces), trimmed, empty ones dropped.
fn column_cells(line: &str) -> Vec<String> {
    SPACE_GAP
        .split(&line.replace('\t', "  "))
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .collect()
}

/// The roles of a line of signature role words, side by side or alone
/// ("Ordförande      Sekreterare", "Ordförande Sekreterare", "Justerare:").
fn signature_roles(line: &str) -> Option<Vec<&'static str>> {
    let role = signature_role;
    let cells = column_cells(line);
    if let Some(roles) = cells.iter().map(|c| role(c)).collect::<Option<Vec<_>>>() {
        return Some(roles);
    }
    // "Protokollet skrivet av: Godkännes av ordförande:": phrases side by
    // side, each closed by its colon.
    let phrases: Vec<&str> = line
        .split_inclusive(':')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if phrases.len() >= 2
        && phrases.iter().all(|p| p.ends_with(':'))
        && let Some(roles) = phrases.iter().map(|p| role(p)).collect::<Option<Vec<_>>>()
    {
        return Some(roles);
    }
    // "Ordförande Sekreterare": single words, each a role.
    line.split_whitespace()
        .map(role)
        .collect::<Option<Vec<_>>>()
        .filter(|r| r.len() >= 2)
}

/// `n` names side by side on a line ("Kurth Wikström      Elisabeth
/// Wikström", or "Bengt Ljungberg Roger Nilsson": first and last names in
/// pairs), or None.
fn names_side_by_side(line: &str, n: usize) -> Option<Vec<String>> {
    let cells = column_cells(line);
    if cells.len() == n && cells.iter().all(|c| is_name(c)) {
        return Some(cells);
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    if n >= 2 && cells.len() == 1 && words.len() == 2 * n {
        let names: Vec<String> = words.chunks(2).map(|w| w.join(" ")).collect();
        if names.iter().all(|c| is_name(c)) {
            return Some(names);
        }
    }
    None
}

/// The people who sign the minutes, with the roles written over or under
/// their names at the end ("Ordförande      Sekreterare" over "Kurth
/// Wikström      Elisabeth Wikström"; "Lisa Bengtsson" over "Justerare").
/// Whether roles stand over or under the names is read once for the block,
/// from its first role line.
pub(crate) fn signatures(lines: &[String]) -> Vec<Participant> {
    let roles: Vec<(usize, Vec<&'static str>)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| signature_roles(l).map(|r| (i, r)))
        .collect();
    let names_at = |i: Option<usize>, n: usize| {
        i.and_then(|i| lines.get(i))
            .filter(|l| signature_roles(l).is_none())
            .and_then(|l| names_side_by_side(l, n))
    };
    let mut signers: Vec<(String, &'static str)> =
        lines.iter().flat_map(|l| signed_cells(l)).collect();
    // "Ordförande / Justerare / Carola Lindekrans / Margareta Sundqvist":
    // a run of single roles, then as many names in the same order.
    let mut run = 0;
    while run < roles.len() {
        let start = roles[run].0;
        let mut end = run;
        while end + 1 < roles.len()
            && roles[end + 1].0 == roles[end].0 + 1
            && roles[end + 1].1.len() == 1
            && roles[run].1.len() == 1
        {
            end += 1;
        }
        let k = end - run + 1;
        if k >= 2 {
            let names: Option<Vec<String>> = (0..k)
                .map(|j| names_at(Some(start + k + j), 1).and_then(|mut v| v.pop()))
                .collect();
            if let Some(names) = names {
                for (name, (_, r)) in names.into_iter().zip(&roles[run..=end]) {
                    signers.push((name, r[0]));
                }
                return to_signers(signers);
            }
        }
        run = end + 1;
    }
    // Whether names stand over or under their roles, read from the first
    // role line that has names on one side only.
    let mut names_above = None;
    for (i, rs) in &roles {
        let n = rs.len();
        let below = names_at(Some(i + 1), n).is_some();
        let above = names_at(i.checked_sub(1), n).is_some();
        names_above = match (above, below) {
            (true, false) => Some(true),
            (false, true) => Some(false),
            // "Anna Berg / Ordförande / Bo Ek / Sekreterare": a block that
            // ends with a role has its names over the roles.
            (true, true) => Some(roles.last().is_some_and(|(j, _)| *j + 1 == lines.len())),
            (false, false) => continue,
        };
        break;
    }
    let Some(names_above) = names_above else {
        return to_signers(signers);
    };
    for (i, rs) in &roles {
        let at = if names_above {
            i.checked_sub(1)
        } else {
            Some(i + 1)
        };
        if let Some(names) = names_at(at, rs.len()) {
            signers.extend(names.into_iter().zip(rs.iter().copied()));
        }
    }
    to_signers(signers)
}

/// The role of a signature's role phrase ("Ordförande", "justerare:",
/// "Vid protokollet"): a signing role only.
fn signature_role(t: &str) -> Option<&'static str> {
    let t = t.trim().trim_end_matches(':').trim().to_lowercase();
    lexicon::SIGNATURE_PHRASES
        .iter()
        .find(|(w, _)| *w == t)
        .map(|(_, r)| *r)
        .or_else(|| role_of(&t).filter(|r| lexicon::SIGNING_ROLES.contains(r)))
        .or_else(|| {
            // "Godkännes av ordförande": the signer's role closes it.
            let (verb, rest) = t.split_once(' ')?;
            let role = rest.strip_prefix("av ")?;
            lexicon::SIGNED_BY_VERBS
                .contains(&verb)
                .then(|| role_of(role))
                .flatten()
                .filter(|r| lexicon::SIGNING_ROLES.contains(r))
        })
}

/// The attendance group of someone serving in a role: the one who keeps
/// the minutes is the secretary, the others members.
fn group_for(role: &str) -> &'static str {
    if role == "sekreterare" {
        "secretary"
    } else {
        "member"
    }
}

/// Names written with their signature role on a signature line, alone or
/// side by side: "Marianne Johansson, ordförande      Lena Frisell,
/// sekreterare", "Ordförande Göran Ström".
fn signed_cells(line: &str) -> Vec<(String, &'static str)> {
    column_cells(line)
        .iter()
        .flat_map(|c| {
            if let Some((name, role)) = c.rsplit_once(',')
                && let Some(r) = signature_role(role)
                && is_name(name.trim())
            {
                return vec![(name.trim().to_string(), r)];
            }
            if let Some(signed) = phrase_then_names(c) {
                return signed;
            }
            let Some((first, rest)) = c.split_once(' ') else {
                return Vec::new();
            };
            let Some(r) = signature_role(first) else {
                return Vec::new();
            };
            // "Ordförande: Mira": a first name alone, for someone listed.
            let rest = rest.trim();
            if is_name(rest) || first.ends_with(':') && elections::first_name_shaped(rest) {
                vec![(rest.to_string(), r)]
            } else {
                Vec::new()
            }
        })
        .collect()
}

/// "Justerat av Fredrik Gustavsson och ordf Karin Andersson": the signers
/// of a cell that opens with a signature phrase of several words, each
/// perhaps led by a role of its own, or None.
fn phrase_then_names(cell: &str) -> Option<Vec<(String, &'static str)>> {
    // "Justerat av Anna Berg", "Justerat av: Anna Berg": the phrase as
    // written in any case, then a space or a colon.
    let (phrase, role) = lexicon::SIGNATURE_PHRASES
        .iter()
        .filter(|(w, _)| {
            w.contains(' ')
                && cell
                    .get(..w.len())
                    .is_some_and(|head| lowercases_to(head, w))
                && cell
                    .get(w.len()..)
                    .is_some_and(|r| r.starts_with([' ', ':']))
        })
        .max_by_key(|(w, _)| w.len())?;
    let rest = cell
        .get(phrase.len()..)?
        .trim_start_matches([' ', ':'])
        .trim();
    let mut out = Vec::new();
    for part in elections::SPLIT.split(rest.trim_end_matches('.')) {
        let part = part.trim();
        let (r, name) = match role_then_name(part) {
            Some((r, name)) => (role_of(r)?, name),
            None => (*role, part),
        };
        if !is_name(name) {
            return None;
        }
        out.push((name.to_string(), r));
    }
    (!out.is_empty()).then_some(out)
}

fn to_signers(signers: Vec<(String, &'static str)>) -> Vec<Participant> {
    signers
        .into_iter()
        .map(|(name, role)| Participant {
            name,
            role: Some(role.to_string()),
            title: None,
            affiliation: None,
            group: group_for(role).into(),
            attendance: "present".into(),
            remote: false,
            note: None,
        })
        .collect()
}

/// Signers take the role their signature gives them over one an
/// attendance heading gave ("Vid protokollet" over both names of a
/// signature line), not over a post ("vice ordförande") nor the chair's
/// over "Justeras"; the others are added.
fn apply_signatures(ps: &mut Vec<Participant>, signers: Vec<Participant>) {
    for s in signers {
        let key = person_key(&s.name);
        match ps.iter_mut().find(|p| person_key(&p.name) == key) {
            // A post of its own ("vice ordförande") stays; a signature
            // role replaces another signing role or none, except that the
            // chair who signs "Justeras" stays the chair.
            Some(p)
                if p.role.as_deref().is_none_or(|r| {
                    lexicon::SIGNING_ROLES.contains(&r)
                        && !(r == "ordförande" && s.role.as_deref() == Some("justerare"))
                }) =>
            {
                p.role = s.role;
                let role = p.role.as_deref().unwrap_or("");
                if role == "sekreterare" || p.group == "secretary" {
                    p.group = group_for(role).into();
                }
            }
            Some(_) => {}
            // A first name alone names only someone the lists name.
            None if !is_name(&s.name) => {}
            None => ps.push(s),
        }
    }
}

static COUNT_THEN_NAMES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\d{{1,3}}\s*(?:{})\.?\s*(?:\((.+)\)|[:,–-]\s*(.+))\s*\.?$",
        lexicon::alternation(lexicon::HEAD_COUNT_WORDS)
    ))
    .expect("valid regex")
});

/// "Alla (Anna Berg, Bo Ek)", "All group members (Anna, Bo)": everyone,
/// then their names in brackets (exceptions in brackets are
/// [`everyone_except`]'s).
static EVERYONE_THEN_NAMES: LazyLock<Regex> = LazyLock::new(|| {
    let mut words = lexicon::EVERYONE_WORDS.to_vec();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    Regex::new(&format!(
        r"(?i)^(?:{})\s*\(\s*((?-i:\p{{Lu}})[^()]+)\)\s*\.?$",
        lexicon::alternation(&words)
    ))
    .expect("valid regex")
});

static ITEM_GUESTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:punkt|p\.|§)\s*(\d+(?:\.\d+)?)\s*:\s*(.+)$").expect("valid regex")
});

/// "Punkt 5: Anna Berg, Bo Ek": the guests of one item, as an attendance
/// list writes them.
pub(crate) fn item_guests_line(text: &str) -> bool {
    ITEM_GUESTS.is_match(text)
}

/// Parse one attendance line. None when the line is not about people (the
/// list has ended).
pub(crate) fn parse_line(
    text: &str,
    struck: bool,
    heading: &AttendanceHeading,
) -> Option<Vec<Participant>> {
    // "Även Mikael Karlsson, vice ordförande i BSK": also there, not a
    // word of the name.
    let text = text.trim();
    let text = after_leading_phrase(text, lexicon::ADVERBS_BEFORE_NAMES, |rest| {
        rest.strip_prefix(' ')
            .filter(|r| r.starts_with(char::is_uppercase))
    })
    .unwrap_or(text);
    // "Närvarande: Ange ev. nedan Ordförande Barbro Olsson …": a form's
    // template text left before the names it asked for.
    let unfilled = after_leading_phrase(text, lexicon::PLACEHOLDERS, Some);
    let text = unfilled.map_or(text, str::trim_start);
    if unfilled.is_some() && text.is_empty() {
        // Only the template's words: no one, and the list goes on.
        return Some(Vec::new());
    }
    // "Lindqvist, Eva (S), ordförande; Östman, Per (C)": people written
    // surname first before their party are read in the usual order and
    // keep their names as written.
    let (turned, written) = surnames_first_turned(text);
    if written.is_empty() {
        return parse_line_as_written(text, struck, heading);
    }
    let mut people = parse_line_as_written(&turned, struck, heading)?;
    for p in &mut people {
        for (usual, as_written) in &written {
            if p.name == *usual {
                p.name = as_written.clone();
            }
            // "tjänstgörande ersättare för Nilsson, Ann (V)": the member
            // replaced, named in the note, keeps the written form too.
            if let Some(note) = p.note.as_mut().filter(|n| n.contains(usual.as_str())) {
                *note = note.replace(usual.as_str(), as_written);
            }
        }
    }
    Some(people)
}

/// What follows the first of `phrases` (lower case) that opens `text` in
/// any case and for whose rest `then` gives a value: that value.
fn after_leading_phrase<'a>(
    text: &'a str,
    phrases: &[&str],
    then: impl Fn(&'a str) -> Option<&'a str>,
) -> Option<&'a str> {
    phrases.iter().find_map(|p| {
        let rest = text.get(p.len()..)?;
        (text[..p.len()].to_lowercase() == *p)
            .then_some(rest)
            .and_then(&then)
    })
}

/// "Lindqvist, Eva (S)": a surname, a comma and a given name, each one
/// word (or hyphenated), before a party's or an organisation's bracket,
/// at the start of the line or of a record, or after "för" (the member a
/// substitute serves for).
static SURNAME_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[;,]\s*|\t|\b(?:för|for)\s+)(?P<sur>\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?),\s*(?P<given>\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?)\s*\((?P<party>\p{Lu}[\p{L}]{0,3})\)",
    )
    .expect("valid regex")
});

/// The line with each surname-first name before a party's bracket turned
/// to the usual order ("Eva Lindqvist (S)"), and each turned name with its
/// written form. Nothing is turned unless every bracket of the line follows
/// such a name, which a list of first names ("Anna, Bo (M)") seldom does.
fn surnames_first_turned(text: &str) -> (String, Vec<(String, String)>) {
    let found: Vec<regex::Captures> = SURNAME_FIRST.captures_iter(text).collect();
    let brackets = text.matches('(').count();
    if found.is_empty() || found.len() < brackets {
        return (text.to_string(), Vec::new());
    }
    let mut out = String::with_capacity(text.len());
    let mut written = Vec::new();
    let mut last = 0;
    for c in &found {
        let (Some(sur), Some(given)) = (c.name("sur"), c.name("given")) else {
            continue;
        };
        out.push_str(&text[last..sur.start()]);
        let usual = format!("{} {}", given.as_str(), sur.as_str());
        out.push_str(&usual);
        written.push((usual, format!("{}, {}", sur.as_str(), given.as_str())));
        last = given.end();
    }
    out.push_str(&text[last..]);
    (out, written)
}

fn parse_line_as_written(
    text: &str,
    struck: bool,
    heading: &AttendanceHeading,
) -> Option<Vec<Participant>> {
    // "Cilla Dahl X, ej § 5-7": a presence mark before the line's notes.
    let text = MARK_BEFORE_NOTES.replace(text, "$name$rest");
    let (text, remote) = trailing_remote_mark(&text);
    let (text, marked) = trailing_presence_mark(text);
    let mut people = parse_line_unmarked(text, struck, heading)?;
    if let [one] = people.as_mut_slice() {
        if let Some(attendance) = marked
            && matches!(one.attendance.as_str(), "present" | "called")
        {
            one.attendance = attendance.to_string();
        }
        if remote && one.attendance != "absent" {
            one.remote = true;
        }
    }
    Some(people)
}

fn parse_line_unmarked(
    text: &str,
    struck: bool,
    heading: &AttendanceHeading,
) -> Option<Vec<Participant>> {
    // "~~Anna Berg~~": struck through in markdown.
    let struck = struck
        || text
            .trim()
            .trim_start_matches(['-', '*', ' '])
            .starts_with("~~");
    // "Dan Brostedt      Leif Andersson": columns of a text export, set
    // apart by runs of spaces, as by tabs.
    let line = WIDE_GAP.replace_all(&clean(text), "\t").into_owned();
    if line.is_empty() || lexicon::ATTENDANCE_SUBLABELS.contains(&line.to_lowercase().as_str()) {
        return Some(Vec::new());
    }
    // "ett tjugotal bybor, bl.a. Gertrud Ekdahl (ordf), Stig Olsson": a
    // count of the present, then those named among them.
    let line = match lexicon::AMONG_THEM
        .iter()
        .find_map(|m| line.find(m).map(|i| i + m.len()))
    {
        Some(at) if line[..at].chars().any(char::is_lowercase) => {
            line[at..].trim_start_matches([':', ',']).trim().to_string()
        }
        _ => line,
    };
    // "5 st (Anna Berg, Bo Ek, …)", "12 personer: Anna Berg, …": a count of
    // the present, then their names.
    let line = match COUNT_THEN_NAMES
        .captures(&line)
        .and_then(|c| c.get(1).or_else(|| c.get(2)))
    {
        Some(names) => names.as_str().trim().to_string(),
        None => line,
    };
    // "Alla (Anna Berg, Bo Ek)": everyone, named in brackets.
    let line = match EVERYONE_THEN_NAMES.captures(&line).and_then(|c| c.get(1)) {
        Some(names)
            if !lexicon::EXCEPT_WORDS.iter().any(|w| {
                let lower = names.as_str().to_lowercase();
                lower
                    .strip_prefix(w)
                    .is_some_and(|r| r.starts_with(char::is_whitespace))
            }) =>
        {
            names.as_str().trim().to_string()
        }
        _ => line,
    };
    // "Alla (förutom Jamal)", "Samtliga förutom Vegard": the exceptions
    // were absent; "Samtliga medlemmar" names no one.
    if let Some(absent) = everyone_except(&line) {
        return Some(
            absent
                .into_iter()
                .map(|name| Participant {
                    name,
                    role: None,
                    title: None,
                    affiliation: None,
                    group: heading.group.to_string(),
                    attendance: "absent".into(),
                    remote: false,
                    note: None,
                })
                .collect(),
        );
    }
    // "Evelina Sundvik⇥Tindra Wingren": names side by side in columns.
    if line.contains('\t') {
        let cells: Vec<&str> = line
            .split('\t')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        // "Ingrid Svanberg, ordf⇥Maria Lönn, kyrkoherde": each column a
        // person with what describes them.
        let person_cell = |c: &str| {
            is_name(c)
                || c.split_once(',').is_some_and(|(name, _)| {
                    // "VD Nötkärnan, avviker 14" is a title and a firm.
                    let title = name
                        .split_whitespace()
                        .next()
                        .is_some_and(|w| w.chars().all(char::is_uppercase));
                    is_name(name.trim()) && !title
                })
        };
        if cells.len() >= 2 && cells.iter().all(|c| person_cell(c)) {
            return Some(
                cells
                    .iter()
                    .filter_map(|c| person(c, heading, struck))
                    .collect(),
            );
        }
    }
    // "Ordförande⇥Anna Berg⇥Paragrafer 1–5": a role in the label column
    // and the person beside it (a signature block or a header table).
    if let Some(p) = role_label_line(&line, heading, struck) {
        return Some(vec![p]);
    }
    // "Anna, Bo, Cilla och David": first names or handles alone, as small
    // groups write them; kept as written.
    if let Some(names) = first_names_only(&line) {
        return Some(
            names
                .into_iter()
                .map(|n| n.listed(heading, struck))
                .collect(),
        );
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
        // "Punkt 1: Uppföljning" names no one: it is the first item, and the
        // list has ended.
        return (!out.is_empty()).then_some(out);
    }
    // "DIGG: Anna Berg, Bertil Ek, Skatteverket: Cecilia Dahl": each
    // organisation heads the names after it.
    if let Some(ps) = org_runs(&line, heading, struck) {
        return Some(ps);
    }
    // Several people on one line, separated by commas or "och"/"and" (or
    // by ";"), each a name with what describes it after it: "Anna Berg (S),
    // ordförande, Karl Svensson (M), Lisa Ek (C)".
    let people = if line.contains('\t') {
        Vec::new()
    } else {
        people_on_one_line(&line)
    };
    if people.len() >= 2 {
        let ps: Vec<Participant> = people
            .iter()
            .filter_map(|p| {
                person(p, heading, struck).or_else(|| {
                    // "Anna Berg, Pelle, Bo Ek": one known by first name
                    // only, kept as written.
                    given_name_alone(p).then(|| FirstName::bare(p).listed(heading, struck))
                })
            })
            .collect();
        return (!ps.is_empty()).then_some(ps);
    }
    if let Some(pairs) = names_in_pairs(&line) {
        return Some(
            pairs
                .iter()
                .filter_map(|n| person(n, heading, struck))
                .collect(),
        );
    }
    person(&line, heading, struck).map(|p| vec![p])
}

/// "Anna Maria Berg Bo Ekström Cilla Lindqvist": names that lost their
/// separators, one of three words, cut after each word that ends as a
/// Swedish surname does (lexicon `SURNAME_ENDINGS`); None unless every name
/// so cut has two or three words.
fn cut_after_surnames(run: &[&str]) -> Option<Vec<String>> {
    let mut names = Vec::new();
    let mut from = 0;
    for (i, w) in run.iter().enumerate() {
        if i > from && surname_shaped(w) {
            if !(2..=3).contains(&(i + 1 - from)) {
                return None;
            }
            names.push(run[from..=i].join(" "));
            from = i + 1;
        }
    }
    (from == run.len() && !names.is_empty()).then_some(names)
}

/// Whether `w` ends as a Swedish surname does (lexicon `SURNAME_ENDINGS`).
fn surname_shaped(w: &str) -> bool {
    let lower = w.to_lowercase();
    lexicon::SURNAME_ENDINGS
        .iter()
        // ("Berg", "Holm": an ending of four letters or more is a surname
        // by itself.)
        .any(|e| lower.ends_with(e) && (lower.len() > e.len() || e.chars().count() >= 4))
}

/// "Anna Gruvesäter Karin Jacobsson Mauritzson Bo Merking": names of two
/// words but one, whose separators were lost, the one of three words a
/// given name and two surnames ([`surname_shaped`] both); None unless the
/// pairs leave exactly one place for it.
fn pairs_and_one_double_surname(run: &[&str]) -> Option<Vec<String>> {
    if run.len() < 3 || run.len().is_multiple_of(2) {
        return None;
    }
    let mut places = (0..run.len() - 2)
        .step_by(2)
        .filter(|&k| surname_shaped(run[k + 1]) && surname_shaped(run[k + 2]));
    let k = places.next()?;
    if places.next().is_some() {
        return None;
    }
    let names = run[..k]
        .chunks(2)
        .map(|pair| pair.join(" "))
        .chain([run[k..k + 3].join(" ")])
        .chain(run[k + 3..].chunks(2).map(|pair| pair.join(" ")))
        .collect();
    Some(names)
}

/// "Anna Berg Bo Ek Cilla Ny", "Anna Berg Bo Ek (sekr) Cilla Ny", "Anna
/// Berg ordf Bo Ek sekr Cilla Ny": a list whose separators were lost (a
/// page's line breaks flattened), each name a given name and a surname,
/// what describes one (in brackets, or a role in lower case) after it. Read
/// as pairs only when the names' words are four or more, every one
/// capitalised as a name is, and each run of them between descriptions is
/// even in number; None otherwise.
fn names_in_pairs(line: &str) -> Option<Vec<String>> {
    // Thirty names' words and their notes: a longer line is no such list.
    if line.len() > 1_000 {
        return None;
    }
    // ("VD", "IT": a title's or a field's abbreviation is no name's word;
    // "PO", "KG" as a given name are.)
    // A post in capitals ("Kassör", "President") is none either.
    let name_word = |w: &str| {
        given_name_alone(w) && !lexicon::TITLE_ABBREVIATIONS.contains(&w) && !post_word(w)
    };
    let mut people: Vec<String> = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let mut words = 0;
    // The names of a run, in pairs (or, where a name has three words, cut
    // after each surname), then what describes the last of them.
    let mut close_run = |run: &mut Vec<&str>, about: Option<&str>| -> Option<()> {
        if run.is_empty() {
            return None;
        }
        let names: Vec<String> = if run.len().is_multiple_of(2) {
            run.chunks(2).map(|pair| pair.join(" ")).collect()
        } else {
            cut_after_surnames(run).or_else(|| pairs_and_one_double_surname(run))?
        };
        words += run.len();
        people.extend(names);
        run.clear();
        if let (Some(about), Some(last)) = (about, people.last_mut()) {
            last.push_str(if about.starts_with('(') { " " } else { ", " });
            last.push_str(about);
        }
        Some(())
    };
    // "… Per Gertow * * = Deltagit ca halva tiden": the legend of the marks
    // after names ends the list.
    // (The marks may have been cleaned away before: an "=" standing alone
    // is a legend's too.)
    let line = match line.find('=') {
        Some(at) if line[..at].trim_end().ends_with('*') || line[at..].starts_with("= ") => {
            &line[..at]
        }
        _ => line,
    };
    let mut rest = line.trim();
    // "Ordförande Barbro Olsson Lennart Larsson (UG Bruks) …": a post
    // written before the first name, which it describes.
    let mut post_before: Option<&str> = None;
    let mut first_word = true;
    while let Some(w) = rest.split_whitespace().next() {
        let at = rest.find(w).unwrap_or(0);
        if w.starts_with('(') {
            let close = rest.find(')')?;
            close_run(&mut run, Some(&rest[at..=close]))?;
            rest = rest[close + 1..].trim_start();
            first_word = false;
            continue;
        }
        // "Fredrik Linnarsson * Per Gertow *": a mark (explained in a
        // legend) after a name ends it, as a description would.
        let raw = w;
        let marked = w.len() > 1 && w.ends_with('*') && !w.starts_with('*');
        let w = if marked { w.trim_end_matches('*') } else { w };
        if w.bytes().all(|b| b == b'*') {
            if !run.is_empty() {
                close_run(&mut run, None)?;
            }
        } else if first_word && w.starts_with(char::is_uppercase) && role_of(w).is_some() {
            post_before = Some(w);
        } else if w.starts_with(char::is_lowercase)
            && (role_of(w).is_some()
                || lexicon::BOARD_POSTS.contains(&w.trim_end_matches([',', ';', '.'])))
        {
            // "Anna Berg ordförande Bo Ek kassör …": a role or a post.
            close_run(&mut run, Some(w))?;
        } else if !first_word
            && !run.is_empty()
            && w.len() > 2
            && w.ends_with('.')
            && role_of(&w.to_lowercase()).is_some()
        {
            // "Bo Ek Sekr. Cecilia Lund": a role abbreviated in capitals
            // parts two names; whose it is, the one before or the one
            // after, the line does not say.
            close_run(&mut run, None)?;
        } else if name_word(w) {
            run.push(w);
            if marked {
                close_run(&mut run, None)?;
            }
        } else {
            return None;
        }
        rest = rest[at + raw.len()..].trim_start();
        first_word = false;
    }
    if !run.is_empty() {
        close_run(&mut run, None)?;
    }
    if let Some(post) = post_before
        && let Some(first) = people.first_mut()
    {
        first.push_str(", ");
        first.push_str(&post.to_lowercase());
    }
    (4..=30).contains(&words).then_some(people)
}

static WIDE_GAP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[ \u{a0}]{4,}").expect("valid regex"));

/// Two to four capitals: initials standing for a name ("AB").
fn is_initials(t: &str) -> bool {
    (2..=4).contains(&t.chars().count()) && t.chars().all(char::is_uppercase)
}

/// "AB = Anna Berglund (ordförande), CL = Carl Lind": initials and the
/// names (and roles) they stand for, from lines that pair at least two.
fn initials_legend(text: &str) -> Vec<LegendEntry> {
    let mut out = Vec::new();
    for line in text.lines().filter(|l| l.contains('=') || l.contains(':')) {
        let pairs: Vec<_> = INITIALS_PAIR
            .captures_iter(line)
            .filter_map(|c| {
                let initials = c.get(1)?.as_str().to_string();
                let name = c.get(2)?.as_str().trim().to_string();
                let said = c.get(3).map_or("", |r| r.as_str());
                let role = said.split(',').find_map(|w| role_of(w.trim()));
                let absent =
                    has_cue(said, lexicon::ABSENT_CUES) || said.to_lowercase().contains("frånvaro");
                is_name(&name).then_some(LegendEntry {
                    initials,
                    name,
                    role,
                    absent,
                })
            })
            .collect();
        if pairs.len() >= 2 {
            out.extend(pairs);
        }
    }
    out
}

/// One entry of an initials legend ("ER = Emil Rask (frånvaro)").
struct LegendEntry {
    initials: String,
    name: String,
    /// The role the brackets give.
    role: Option<&'static str>,
    /// The brackets say they were away.
    absent: bool,
}

/// "AB = Anna Berglund (ordförande)": initials, their name, and what the
/// brackets after it say.
static INITIALS_PAIR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\p{Lu}{2,4})\s*[=:]\s*(\p{Lu}[\p{L}\x27’-]+(?:\s+\p{Lu}[\p{L}\x27’-]+){1,3})(?:\s*\(([^)]*)\))?")
        .expect("valid regex")
});

/// Participants listed by first name alone ("Jonna") merged into the one
/// participant listed in full with that first name ("Jonna Lilja"): the
/// full name stays, with the presence, role and notes the first-name
/// entry adds (one called and then listed as present was there).
fn first_names_to_full(mut ps: Vec<Participant>) -> Vec<Participant> {
    let mut merged = vec![false; ps.len()];
    for i in 0..ps.len() {
        let first = &ps[i].name;
        if first.contains(' ') || !first.starts_with(char::is_uppercase) || is_initials(first) {
            continue;
        }
        let prefix = format!("{first} ");
        let full: Vec<usize> = (0..ps.len())
            .filter(|&j| j != i && ps[j].name.starts_with(&prefix))
            .collect();
        if let [j] = full[..] {
            let short = ps[i].clone();
            let p = &mut ps[j];
            if p.attendance == "called" || short.attendance != "present" {
                p.attendance = short.attendance;
            }
            p.role = p.role.take().or(short.role);
            p.title = p.title.take().or(short.title);
            p.remote |= short.remote;
            p.note = p.note.take().or(short.note);
            merged[i] = true;
        }
    }
    ps.into_iter()
        .zip(merged)
        .filter_map(|(p, m)| (!m).then_some(p))
        .collect()
}

/// The members the substitutes of `ps` stand in for ("ersätter Håkan Lif
/// (S)"), as absent members with a note, when they are not listed.
pub(crate) fn replaced_members(ps: &[Participant]) -> Vec<Participant> {
    let keys: Vec<Vec<String>> = ps.iter().map(|p| person_key(&p.name)).collect();
    let mut out: Vec<Participant> = Vec::new();
    for p in ps {
        let Some(whom) = p.note.as_deref().and_then(|n| n.split("ersätter ").nth(1)) else {
            continue;
        };
        // "Nilsson, Ann (V)": surname first, as the list writes its names.
        let written = SURNAME_FIRST
            .captures(whom)
            .filter(|c| c.get(0).is_some_and(|m| m.start() == 0))
            .and_then(|c| {
                let (sur, given) = (c.name("sur")?, c.name("given")?);
                let name = format!("{}, {}", sur.as_str(), given.as_str());
                Some((name, whom[given.end()..].to_string()))
            });
        let Some((name, desc)) =
            written.or_else(|| split_name(whom.split(',').next().unwrap_or(whom).trim()))
        else {
            continue;
        };
        let key = person_key(&name);
        if keys.contains(&key) || out.iter().any(|q| person_key(&q.name) == key) {
            continue;
        }
        let party = desc
            .trim()
            .strip_prefix('(')
            .and_then(|d| d.split_once(')'))
            .map(|(a, _)| a.trim().to_string())
            .filter(|a| !a.is_empty());
        out.push(Participant {
            name,
            role: None,
            title: None,
            affiliation: party,
            group: "member".into(),
            attendance: "absent".into(),
            remote: false,
            note: Some(format!("ersatt av {}", p.name)),
        });
    }
    out
}

/// The people of a line that lists several, each with its description:
/// a name starts a person, and the parts after it that are no name (a
/// role, a title, a note) describe it. Empty when a part can be neither.
/// "rektor Anneli Forsberg", "biträdande rektor Jamal Osman": one to
/// three words of a title in lower case, then a name.
fn titled_name(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    words
        .iter()
        .position(|w| w.starts_with(char::is_uppercase))
        .filter(|k| (1..=3).contains(k))
        .is_some_and(|k| {
            words[..k]
                .iter()
                .all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
                && !words[..k]
                    .iter()
                    .any(|w| PARTICLES.contains(w) || lexicon::NAME_CONNECTORS.contains(w))
                && is_name(&words[k..].join(" "))
        })
}

fn people_on_one_line(line: &str) -> Vec<String> {
    // A part names a person when it is a name, or a name with its role
    // after it: "Bo Ek (M) vice ordf", "Anna Berg/ordförande", "Bo Ek -
    // kassör".
    let bare_name_of = |p: &str| {
        let bare = strip_parens(p);
        let bare = bare.trim();
        // A role closing the part counts after a party or affiliation in
        // brackets ("Bo Ek (M) vice ordf"); without one, "Sahlgrenska
        // Universitetssjukhus ordförande" is an affiliation with a role.
        is_name(bare)
            || titled_name(bare)
            || p.contains('(') && trailing_role(bare).is_some_and(|(_, keep)| is_name(keep.trim()))
            // "Anna Berg ordf.", "Bo Ek sekr.": an abbreviated role closing
            // the name is no organisation's word.
            || abbreviated_role_after(bare).is_some()
            // "Lena Karlsson (S) tjänstgörande ersättare för Håkan Lif (S)".
            || names_a_substitute(p)
            || bare
                .split_once(['/', '–'])
                .or_else(|| bare.split_once(" - "))
                .is_some_and(|(name, what)| {
                    is_name(name.trim()) && (describes(what.trim()) || affiliation_part(what.trim()))
                })
    };
    // "Jan Persson (Söderhamns kommun) som deltog under förmiddagen": a
    // relative clause after the person says how they attended.
    // "Cecilia Lund via Teams": how they took part; "Pelle Ström från
    // kommunen": whom they came from.
    let name_of = |p: &str| {
        bare_name_of(p)
            || [" som ", " via ", " från "].iter().any(|sep| {
                p.split_once(sep)
                    .is_some_and(|(head, _)| bare_name_of(head.trim()))
            })
    };
    // "Per Holm, kommundirektör; Eva Lund, sekreterare": ";" between people.
    let semis = split_outside_parens(line, ';');
    if semis.len() >= 2 {
        return if semis
            .iter()
            .all(|p| name_of(split_commas(p).first().map_or("", String::as_str)))
        {
            semis
        } else {
            Vec::new()
        };
    }
    // "Milton & Loke Gustav": first names joined to a full name, each a
    // person however few the names of the line.
    let mut joined_first_names: std::collections::HashSet<String> =
        std::collections::HashSet::new();
    let parts: Vec<String> = split_commas(line)
        .iter()
        .flat_map(|p| {
            // "…, samt Dan Ås": the joining word opens the list's last part
            // ("…, samt 12 medlemmar" stays what describes the last person).
            let p = ["samt ", "och ", "and ", "& "]
                .iter()
                .find_map(|w| p.strip_prefix(w))
                .filter(|rest| rest.starts_with(char::is_uppercase))
                .unwrap_or(p);
            // "Anna Berg och Karl Svensson": two names; "ordförande och
            // sekreterare" stays one description.
            // "Bo Ek Cilla Ny": names whose comma was lost, in pairs.
            let names: Vec<String> = p
                .split(" och ")
                .flat_map(|q| q.split(" samt "))
                .flat_map(|q| q.split(" and "))
                .flat_map(|q| q.split(" & "))
                .flat_map(|q| names_in_pairs(q).unwrap_or_else(|| vec![q.trim().to_string()]))
                .collect();
            // "Anna Berg/Bo Ek/Cecilia Lund", "Anna Berg - Bo Ek": slashes
            // or spaced dashes between names only.
            let between: Vec<String> = p
                .split(['/', '–'])
                .flat_map(|q| q.split(" - "))
                .map(|q| q.trim().to_string())
                .collect();
            // A pair read with the post written before it ("Ordförande Bo
            // Ek Cilla Ny (UG Drag)" → "Bo Ek, ordförande") is a name too.
            let named = |n: &str| name_of(n.split_once(", ").map_or(n, |(name, _)| name));
            if names.len() >= 2 && names.iter().all(|n| named(n)) {
                names
            } else if names.len() >= 2
                && names.iter().any(|n| named(n))
                && names.iter().all(|n| named(n) || given_name_alone(n))
            {
                joined_first_names.extend(names.iter().filter(|n| !named(n)).cloned());
                names
            } else if between.len() >= 2 && between.iter().all(|n| is_name(n)) {
                between
            } else {
                vec![p.trim().to_string()]
            }
        })
        .filter(|p| !p.is_empty())
        .collect();
    // "Ingrid Malmberg, ordförande Dejan Petrović, vice ordförande Hussein
    // Ali, sekreterare": lines of "Name, role" joined into one; each role
    // belongs to the name before it, not to the one after.
    let parts = rejoined_name_role_lines(parts);
    // "Fredrik Hansson (C), ordförande Hans Forsberg (M) Lisa Andersson
    // (M)": one line per member joined, each name closed by its party.
    // ("Tommy Johansson (S), ordf. kommunstyrelsen Rune Stenén (C), …":
    // commas after each role too; more people by their markers than parts
    // that open with a name.)
    if let Some(people) = people_by_party(line)
        && (people.len() > parts.len()
            || people.len() > parts.iter().filter(|p| name_of(p)).count() + 1)
    {
        return people;
    }
    // "Göran Johansson, ordf. Lars-Åke Sigfridsson, Jan Karlsson": when the
    // first person's part is a bare name, roles follow names, and a role
    // before a name closes the person before it.
    let roles_follow = parts.first().is_some_and(|p| is_name(p));
    // Three names or more make the line a list of people, not one person
    // and what describes them ("Tobias Lund, IT-arkitekt").
    let list_of_names = parts.iter().filter(|p| name_of(p)).count() >= 3;
    // "Anna Berg ordf, Bo Ek sekr, Cilla Ny": in a list of three people or
    // more, a role closes a name without its full stop.
    // "Anna Berg ordförande, Bo Ek sekreterare, Cilla Ny kassör": a post
    // closes a name as a role does.
    fn closed(p: &str) -> Option<(&str, &str)> {
        role_closing_name(p).or_else(|| post_closing_name(p))
    }
    let roles_closing = parts
        .iter()
        .filter(|p| name_of(p) || closed(p).is_some())
        .count()
        >= 3;
    // "ordf. Anna Berg, v. ordf. Bo Ek, kassör Cilla Ny": every part a
    // role or a post, then the name.
    if parts.len() >= 2 && parts.iter().all(|p| post_then_name(p).is_some()) {
        return parts
            .iter()
            .filter_map(|p| post_then_name(p))
            .map(|(post, name)| format!("{name}, {post}"))
            .collect();
    }
    let mut people: Vec<String> = Vec::new();
    for part in parts {
        if let Some((name, role)) =
            abbreviated_role_after(&part).or_else(|| roles_closing.then(|| closed(&part)).flatten())
        {
            people.push(format!("{name}, {role}"));
        } else if let Some(last) = people.last_mut()
            && substitution(&part).is_some_and(|(at, _)| at == 0)
        {
            // "Birgitta Bolin, s, ersätter Åke Nylén, s": whom the person
            // before stands in for, not a person present.
            last.push_str(", ");
            last.push_str(&part);
        } else if name_of(&part)
            || joined_first_names.contains(&part)
            // "Bo Ek, ordförande": a pair read with its post before it.
            || part.split_once(", ").is_some_and(|(name, post)| {
                name_of(name) && lexicon::ROLES.iter().any(|(_, r)| *r == post)
            })
        {
            people.push(part);
        } else if roles_follow
            && let Some((role, name)) = role_then_name(&part)
            && let Some(last) = people.last_mut()
        {
            last.push_str(", ");
            last.push_str(role);
            people.push(name.to_string());
        } else if let Some(last) = people.last_mut()
            && (describes(&part) || affiliation_part(&part))
        {
            // "Pelle Ström, Vattenfall AB": where the person before is from.
            last.push_str(", ");
            last.push_str(&part);
        } else if list_of_names && (leading_name(&part).is_some() || given_name_alone(&part)) {
            // "Pelle Ström fr.o.m. § 4", "Pelle Ström jr", "Pelle": a name
            // with a note no recogniser knows, or a first name alone, in a
            // list of names; [`person`] parts a name from its note.
            people.push(part);
        } else {
            return Vec::new();
        }
    }
    people
}

/// The name a part of a list opens with: two to four capitalised words
/// that are a name, followed by words that are not capitalised ("Pelle
/// Ström kom 18.30", "Pelle Ström m.fl."). None when a capitalised word
/// follows the name: that may be more of it, or an organisation.
fn leading_name(part: &str) -> Option<&str> {
    let words: Vec<&str> = part.split_whitespace().collect();
    let lead = words
        .iter()
        .take_while(|w| w.starts_with(char::is_uppercase) || PARTICLES.contains(w))
        .count();
    if !(2..=4).contains(&lead) || lead == words.len() {
        return None;
    }
    let end = words[lead - 1].as_ptr() as usize - part.as_ptr() as usize + words[lead - 1].len();
    let name = part.get(..end)?;
    let rest = &words[lead..];
    (is_name(name) && rest.iter().all(|w| !w.starts_with(char::is_uppercase))).then_some(name)
}

/// A part of a list that names an organisation, not a person ("Kommunen",
/// "Vattenfall AB", "Region Halland"): the person before it is from there.
fn affiliation_part(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 5
        && part.starts_with(char::is_uppercase)
        && (names_organisation(&words) || crate::meeting::organisation_named(part))
}

/// People of a line whose "Name (Party), role" lines were joined into one,
/// found by their party markers: the capitalised words before each marker
/// are a name, what follows up to the next name describes that person.
/// None unless every stretch between markers is such a name and note.
fn people_by_party(line: &str) -> Option<Vec<String>> {
    let markers: Vec<(usize, usize)> = PARTY_MARKER
        .find_iter(line)
        .map(|m| (m.start(), m.end()))
        .collect();
    // "Jan Borg (KD) för Maria Gren (KD)": one serving for another.
    if markers.len() < 2 || substitution(line).is_some() {
        return None;
    }
    let mut out: Vec<String> = Vec::new();
    let mut from = 0;
    for (k, &(start, end)) in markers.iter().enumerate() {
        let before = line.get(from..start)?;
        // The name: the last two to four capitalised words before the marker.
        let words: Vec<&str> = before.split_whitespace().collect();
        let mut n = 0;
        while n < words.len().min(4) && words[words.len() - 1 - n].starts_with(char::is_uppercase) {
            n += 1;
        }
        if n < 2 {
            return None;
        }
        let name = words[words.len() - n..].join(" ");
        if !is_name(&name) {
            return None;
        }
        let note = words[..words.len() - n].join(" ");
        let note = note.trim().trim_matches(',').trim();
        if note == "för" || note.ends_with(" för") {
            return None;
        }
        if k == 0 {
            if !note.is_empty() {
                return None;
            }
        } else if let Some(last) = out.last_mut()
            && !note.is_empty()
        {
            last.push_str(", ");
            last.push_str(note);
        }
        out.push(format!("{name} {}", &line[start..end]));
        from = end;
    }
    let tail = line.get(from..)?.trim().trim_matches(',').trim();
    if !tail.is_empty() {
        if tail.starts_with(char::is_uppercase) && is_name(tail) {
            return None;
        }
        if let Some(last) = out.last_mut() {
            last.push_str(", ");
            last.push_str(tail);
        }
    }
    Some(out)
}

static PARTY_MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\((?:\p{Lu}{1,4}|\p{Lu}\p{Ll}{0,3})\)").expect("valid regex"));

/// Parts of a list whose "Name, role" lines were joined: a bare name first,
/// a bare description last, and between them parts that open with the
/// previous person's role before the next name. Regrouped as "Name, role".
fn rejoined_name_role_lines(parts: Vec<String>) -> Vec<String> {
    let n = parts.len();
    let shaped = n >= 3
        && is_name(&parts[0])
        && describes(&parts[n - 1])
        && !is_name(&parts[n - 1])
        && parts[1..n - 1].iter().all(|p| titled_name(p));
    if !shaped {
        return parts;
    }
    let mut out = vec![parts[0].clone()];
    for p in &parts[1..n - 1] {
        let words: Vec<&str> = p.split_whitespace().collect();
        let k = words
            .iter()
            .position(|w| w.starts_with(char::is_uppercase))
            .unwrap_or(0);
        out.push(words[..k].join(" "));
        out.push(words[k..].join(" "));
    }
    out.push(parts[n - 1].clone());
    out
}

/// A part that describes the person before it: a role, or a title or
/// note in lower case ("ordförande", "kommundirektör", "deltar på punkt 3").
fn describes(part: &str) -> bool {
    role_of(part).is_some()
        || part.chars().next().is_some_and(char::is_lowercase)
        || part.starts_with('(')
}

/// Split on `sep` outside parentheses.
fn split_outside_parens(t: &str, sep: char) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    for c in t.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if c == sep && depth <= 0 {
            out.push(cur.trim().to_string());
            cur.clear();
        } else {
            cur.push(c);
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_string());
    }
    out.retain(|p| !p.is_empty());
    out
}

/// "Pelle o Mona": "o", as "och" is written in haste, between two
/// capitalised words.
static NAMES_WITH_O: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?P<a>\p{Lu}\p{Ll}+) o (?P<b>\p{Lu})").expect("valid regex"));

/// "Cilla Dahl X, ej § 5-7": a presence column's "X" after a name, before
/// the notes on the line.
static MARK_BEFORE_NOTES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<name>\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)+) [Xx](?P<rest>,\s)")
        .expect("valid regex")
});

/// "Bo Ek via Skype", "Anna Berg på distans": a name with a mark of taking
/// part from afar after it. Gives the line without the mark, and whether
/// one was there.
fn trailing_remote_mark(text: &str) -> (&str, bool) {
    let t = text.trim_end().trim_end_matches(')').trim_end();
    let lower = t.to_lowercase();
    if lower.len() != t.len() {
        return (text, false);
    }
    let service_after_via = lexicon::VIDEO_MEETING_SERVICES
        .iter()
        .map(|s| format!("via {}", s.to_lowercase()))
        .find(|m| lower.ends_with(m.as_str()));
    let mark = service_after_via.or_else(|| {
        lexicon::TRAILING_REMOTE_MARKS
            .iter()
            .find(|m| lower.ends_with(*m))
            .map(|m| m.to_string())
    });
    let Some(mark) = mark else {
        return (text, false);
    };
    let Some(head) = t.get(..t.len() - mark.len()) else {
        return (text, false);
    };
    let head = head.trim_end().trim_end_matches(['(', ',']).trim_end();
    if is_name(head) {
        (head, true)
    } else {
        (text, false)
    }
}

/// "Ida Burlin X", "Jörgen Qwist Anmält förhinder": a name with a mark of
/// whether the person came after it. Gives the line without the mark, and
/// the attendance it gives.
fn trailing_presence_mark(text: &str) -> (&str, Option<&'static str>) {
    let t = text.trim_end();
    let lower = t.to_lowercase();
    if lower.len() != t.len() {
        return (text, None);
    }
    lexicon::TRAILING_PRESENCE_MARKS
        .iter()
        .find_map(|(mark, attendance)| {
            let head = lower.strip_suffix(mark)?.strip_suffix(' ')?;
            let name = t.get(..head.len())?.trim_end();
            is_name(name).then_some((name, Some(*attendance)))
        })
        .unwrap_or((text, None))
}

/// Remove markdown emphasis, checkbox marks and bullets; the brackets of a
/// bracketed list, a doubt's "?", "o" for "och".
fn clean(t: &str) -> String {
    let t = t.replace("**", "").replace("~~", "").replace('*', "");
    let t = t.trim();
    let t = t
        .trim_start_matches("[X]")
        .trim_start_matches("[x]")
        .trim_start_matches("[ ]")
        .trim_start_matches(['-', '•', '●'])
        .trim();
    let t = t.trim_end_matches('.').trim();
    // "[Desirée, Leo och Sali]": a list in brackets.
    let t = t
        .strip_prefix('[')
        .and_then(|r| r.strip_suffix(']'))
        .map_or(t, str::trim);
    // "Kalle Andersson?": a doubt about someone's coming is no part of the
    // name; "Pelle o Mona Sigvardsson": "o" written for "och".
    let t = t.replace("?,", ",").replace("? ", " ");
    let t = NAMES_WITH_O.replace_all(t.trim_end_matches('?'), "$a och $b");
    let t = t.trim();
    // "Anna Berg, Bo Ek m.fl.": "and others" closes a list, naming no one.
    let lower = t.to_lowercase();
    // (Only where lower-casing kept the byte lengths, so that a cut in the
    // lower-case text is one in the text.)
    let t = lexicon::AND_OTHERS
        .iter()
        .filter(|_| lower.len() == t.len())
        .find_map(|w| {
            lower
                .strip_suffix(w)
                .filter(|head| head.ends_with([' ', ',']))
                .and_then(|head| t.get(..head.len()))
                .map(|head| head.trim_end_matches([' ', ',']))
        })
        .unwrap_or(t);
    t.trim().to_string()
}

/// Split on commas that are not inside parentheses.
fn split_commas(t: &str) -> Vec<String> {
    split_outside_parens(t, ',')
}

/// The text without what stands in round brackets ("Per-Anders Bergman
/// (Karlstads kommun)" → "Per-Anders Bergman ").
pub(crate) fn strip_parens(t: &str) -> String {
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
        && !names_organisation(&words)
}

/// "Sveriges Lärare", "Region Sörmland", "Svenskt Demenscentrum", "Norrby
/// IF": words that name an organisation, not a person.
fn names_organisation(words: &[&str]) -> bool {
    // "Norrby IF", "IK Sirius", "Brf Bronsyxan": a club's letters or an
    // association's head word.
    words.iter().any(|w| lexicon::SPORTS_CLUB_HEADS.contains(w))
        || words
            .first()
            .is_some_and(|w| lexicon::ORGANIZATION_HEADS.contains(&w.to_lowercase().as_str()))
        || words.iter().any(|w| {
            let w = w.to_lowercase();
            lexicon::ORGANISATION_NAME_WORDS.contains(&w.as_str())
                || lexicon::ORGANISATION_NAME_ENDINGS
                    .iter()
                    .any(|e| w.ends_with(e))
        })
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
    for sep in [",", " (", " – ", " - ", " — ", ":", "/"] {
        if let Some(i) = line.find(sep) {
            end = end.min(i);
        }
    }
    // "Katarina Järbur VD Nötkärnan, avviker 14": a title word ends the name.
    let end = title_word_at(&line[..end]).unwrap_or(end);
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
    if !is_name(&name) {
        // "Aslak Iversen regionområdeschef Regionhälsan (ordförande)": the
        // name is the capitalised words before the first lower-case one.
        let words: Vec<&str> = line.split_whitespace().collect();
        let lead = words
            .iter()
            .take_while(|w| {
                w.chars().next().is_some_and(char::is_uppercase) || PARTICLES.contains(w)
            })
            .count();
        let rest_words = words.len().saturating_sub(lead);
        if (2..=4).contains(&lead) && rest_words <= 10 && !line.trim_end().ends_with('.') {
            let candidate = words[..lead].join(" ");
            if is_name(&candidate) {
                let rest = match words.get(lead) {
                    Some(w) => &line[w.as_ptr() as usize - line.as_ptr() as usize..],
                    None => "",
                };
                return Some((candidate, rest.trim().to_string()));
            }
        }
    }
    // "Ordförande Hanna Sjöstrand", "Kassör Björn Palm": the post before
    // the name.
    if let Some((post, person)) = name.split_once(' ')
        && post_word(post)
        && is_name(person)
    {
        let rest = rest.trim();
        let desc = if rest.is_empty() {
            post.to_lowercase()
        } else {
            format!(
                "{}, {}",
                post.to_lowercase(),
                rest.trim_start_matches(',').trim()
            )
        };
        return Some((person.to_string(), format!(", {desc}")));
    }
    // "rektor Anneli Forsberg", "biträdande rektor Jamal Osman": a title in
    // lower case before the name, as a sentence lists people.
    let words: Vec<&str> = name.split_whitespace().collect();
    if titled_name(&name)
        && let Some(k) = words.iter().position(|w| w.starts_with(char::is_uppercase))
    {
        let title = words[..k].join(" ");
        let rest = rest.trim().trim_start_matches(',').trim();
        let desc = if rest.is_empty() {
            title
        } else {
            format!("{title}, {rest}")
        };
        return Some((words[k..].join(" "), format!(", {desc}")));
    }
    is_name(&name).then(|| (name, rest.trim().to_string()))
}

/// A post or job title as one word ("Ordförande", "Kassör",
/// "Förskolechef"): a role of the meeting or a title's ending.
fn post_word(w: &str) -> bool {
    let lower = w.to_lowercase();
    role_of(&lower).is_some() || lexicon::TITLE_SUFFIXES.iter().any(|s| lower.ends_with(s))
}

/// A capitalised post that opens a person's line before their full name
/// ("Ungdomsansvarig Petra Kvist …", "Verksamhetschef Lotta Sund …"): the
/// post and the rest of the line.
fn leading_post(line: &str) -> (Option<&str>, &str) {
    let line = line.trim_start();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let titled = |w: &str| {
        let lower = w.to_lowercase();
        w.chars().all(char::is_alphabetic)
            && lexicon::TITLE_SUFFIXES.iter().any(|s| lower.ends_with(s))
    };
    // "Biträdande rektor Tomas Eriksson": a post of two words, the second
    // in lower case.
    let mut two = line.split_whitespace();
    if let (Some(first), Some(second), Some(a), Some(b)) =
        (two.next(), two.next(), two.next(), two.next())
        && capital(first)
        && first.chars().all(char::is_alphabetic)
        && second.starts_with(char::is_lowercase)
        && titled(second)
        && capital(a)
        && is_name(&format!("{a} {}", b.trim_end_matches([',', '.'])))
        && let Some(at) = line
            .get(first.len()..)
            .and_then(|r| r.find(second))
            .map(|i| i + first.len())
    {
        let end = at + second.len();
        return (Some(&line[..end]), line[end..].trim_start());
    }
    let mut words = line.split_whitespace();
    let (Some(first), Some(a), Some(b)) = (words.next(), words.next(), words.next()) else {
        return (None, line);
    };
    let lower = first.to_lowercase();
    let post = capital(first)
        && first.chars().all(char::is_alphabetic)
        && (lexicon::TITLE_SUFFIXES.iter().any(|s| lower.ends_with(s))
            // "Kassören Gunnar Lindqvist": a post in its definite form.
            || definite_post(&lower))
        && capital(a)
        && capital(b.trim_end_matches([',', '.', ')']))
        && is_name(&format!("{a} {}", b.trim_end_matches([',', '.'])));
    if !post {
        return (None, line);
    }
    (Some(first), line[first.len()..].trim_start())
}

/// Where a title starts inside the capitalised words that lead a line:
/// the byte offset of the first word after two that is a job title
/// ("Regionområdeschef"), an organisation ("Försäkringskassan") or an
/// abbreviation ("VD") followed by more words.
fn title_word_at(head: &str) -> Option<usize> {
    let words: Vec<&str> = head.split_whitespace().collect();
    if words.len() < 3 {
        return None;
    }
    let at = words.iter().enumerate().skip(2).find_map(|(k, w)| {
        let lower = w.to_lowercase();
        let title = lexicon::TITLE_SUFFIXES.iter().any(|s| lower.ends_with(s))
            // "Per Holm Försäkringskassan": where the person comes from.
            || (w.chars().next().is_some_and(char::is_uppercase)
                && lexicon::AFFILIATION_ENDINGS.iter().any(|s| lower.ends_with(s)))
            || (k + 1 < words.len()
                && w.chars().count() <= 4
                && w.chars().all(|c| c.is_uppercase()))
            // "Per Nilsson DIGG": an organisation's acronym closes the line.
            || (k + 1 == words.len()
                && (2..=6).contains(&w.chars().count())
                && w.chars().all(|c| c.is_uppercase()));
        title.then_some(*w)
    })?;
    Some(at.as_ptr() as usize - head.as_ptr() as usize)
}

/// "Anna, Bo, Cilla och David": two or more single capitalised words
/// separated by commas or "och"/"and", none a word for a group or a body.
/// One first name alone on an attendance line ("Marie"), as a person under
/// the heading; the caller knows the minutes name people so.
pub(crate) fn lone_first_name(
    line: &str,
    struck: bool,
    heading: &AttendanceHeading,
) -> Option<Participant> {
    let t = line.trim().trim_end_matches('.');
    let lower = t.to_lowercase();
    // A heading below the list ("Likabehandlingsplanen") is a noun in its
    // definite form, and longer than a first name.
    let definite_noun =
        t.chars().count() > 7 && ["en", "et", "na"].iter().any(|e| lower.ends_with(e));
    let ok = t.chars().count() <= 12
        && !definite_noun
        && elections::first_name_shaped(t)
        && role_of(t).is_none()
        && attendance_heading(t).is_none()
        && !lexicon::EVERYONE_WORDS.contains(&lower.as_str());
    if !ok {
        return None;
    }
    // Read as a name of two words would be, then named as written.
    let mut p = person(&format!("{t} X"), heading, struck)?;
    p.name = t.to_string();
    Some(p)
}

fn first_names_only(line: &str) -> Option<Vec<FirstName>> {
    let parts: Vec<String> = split_outside_parens(line, ',')
        .iter()
        .flat_map(|p| {
            p.split(" och ")
                .flat_map(|p| p.split(" samt "))
                .flat_map(|p| p.split(" and "))
                .flat_map(|p| p.split(" & "))
                .map(|p| p.trim().to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    // "Frånvarande: Hugo 7C": one name alone needs its code or its
    // brackets to be read as a person.
    if parts.is_empty()
        || parts.len() == 1
            && !parts[0].contains(|c: char| c == '(' || c.is_ascii_digit())
            && !is_initials(&parts[0])
    {
        return None;
    }
    // Three or more parts, each a name or a handle, and at least one a
    // handle: a list of people who go by their handles.
    let handles = parts.len() >= 3
        && parts.iter().any(|p| handle_shaped(p))
        && parts
            .iter()
            .all(|p| handle_shaped(p) || given_name_alone(p));
    // "Alva 9A (ordförande)", "Rasmus (P12)", "Linda (ungdomsansvarig,
    // ordf.)": the name, perhaps a class or team code, perhaps what
    // describes the person in brackets.
    let read = |p: &str| -> Option<FirstName> {
        let (head, inner) = match p.split_once('(') {
            Some((h, i)) => (h.trim(), Some(i.trim_end_matches(')').trim())),
            None => (p.trim(), None),
        };
        let mut words = head.split_whitespace();
        let name = words.next()?;
        // "bjarni, davidk, vol, zeltophil": handles in lower case, as a
        // hacker club lists its members, kept as written.
        if handles && handle_shaped(name) && words.next().is_none() && inner.is_none() {
            return Some(FirstName::bare(name));
        }
        let code = words.next();
        let code_ok = code.is_none_or(|c| {
            c.chars().count() <= 4
                && c.chars().any(|ch| ch.is_ascii_digit())
                && c.chars().all(char::is_alphanumeric)
        });
        if !given_name_alone(name) || !code_ok || words.next().is_some() {
            return None;
        }
        let mut role = None;
        let mut about = Vec::new();
        for d in inner.into_iter().flat_map(|i| i.split(',')).map(str::trim) {
            match role_of(d) {
                Some(r) if role.is_none() => role = Some(r),
                _ if !d.is_empty() => about.push(d.to_string()),
                _ => {}
            }
        }
        let (title, affiliation) = match about.first() {
            Some(a) if a.starts_with(char::is_lowercase) => {
                (Some(a.clone()), code.map(str::to_string))
            }
            Some(a) => (None, Some(a.clone())),
            None => (None, code.map(str::to_string)),
        };
        Some(FirstName {
            name: name.to_string(),
            role,
            title,
            affiliation,
        })
    };
    parts.iter().map(|p| read(p)).collect()
}

/// "Pelle", "Anne-Marie": one word shaped like a first name, and no
/// word for everyone, a body or a role.
fn given_name_alone(w: &str) -> bool {
    let lower = w.to_lowercase();
    elections::name_word_shaped(w)
        && !lexicon::EVERYONE_WORDS.contains(&lower.as_str())
        && !lexicon::BODY_WORDS.iter().any(|b| lower.ends_with(b))
        && role_of(w).is_none()
}

/// "davidk", "zeltophil", "vol_2": a handle in lower case, letters of the
/// English alphabet and digits (Swedish words have å, ä, ö often enough,
/// and words of the lexicons are no handles).
fn handle_shaped(w: &str) -> bool {
    (2..=20).contains(&w.chars().count())
        && w.starts_with(|c: char| c.is_ascii_lowercase())
        && w.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
        && !lexicon::EVERYONE_WORDS.contains(&w)
        && !lexicon::BODY_WORDS.iter().any(|b| w.ends_with(b))
        && role_of(w).is_none()
        && !lexicon::HANDLE_STOPWORDS.contains(&w)
}

/// A person named by first name alone, as small groups write them.
struct FirstName {
    name: String,
    role: Option<&'static str>,
    title: Option<String>,
    affiliation: Option<String>,
}

impl FirstName {
    /// The name alone, nothing said of the person.
    fn bare(name: &str) -> FirstName {
        FirstName {
            name: name.to_string(),
            role: None,
            title: None,
            affiliation: None,
        }
    }

    /// The person as listed under `heading` (a struck name was absent).
    fn listed(self, heading: &AttendanceHeading, struck: bool) -> Participant {
        Participant {
            name: self.name,
            role: heading.role.or(self.role).map(str::to_string),
            title: self.title,
            affiliation: self.affiliation,
            group: heading.group.to_string(),
            attendance: if struck { "absent" } else { heading.attendance }.to_string(),
            remote: false,
            note: None,
        }
    }
}

/// "Ordförande: Hanna Lund" among the header's lines, outside any list:
/// the person serving in that role, present. Without the colon, the role
/// is one word and the name all the rest ("Ordförande Hanna Lund").
pub(crate) fn header_role_line(line: &str) -> Option<Participant> {
    let (label, value) = line.split_once(':').or_else(|| {
        line.trim()
            .split_once(' ')
            .filter(|(w, _)| role_of(w).is_some())
    })?;
    // "Sekreterare: Bo Ek", "Minutes taken by: Bo Ek".
    if label.split_whitespace().count() > 3 || !is_name(value.trim().trim_end_matches('.')) {
        return None;
    }
    let heading = lexicon::ATTENDANCE_HEADINGS.get(plain_heading())?;
    role_label_line(line.trim().trim_end_matches('.'), heading, false)
}

/// "Åk 1: Ciara, Elias & Talia": a header line whose label is a group of
/// the meeting (a class, a team, a party) and whose value lists two or
/// more people; the people, present. After such a line (`in_a_run`) the
/// next group may name one person ("Åk 2: Fiona"). Empty for any other
/// line (a field's label, a value that is no list of names).
pub(crate) fn group_label_list(line: &str, in_a_run: bool) -> Vec<Participant> {
    let Some((label, value)) = line.split_once(':') else {
        return Vec::new();
    };
    let label_key = label.trim().to_lowercase();
    let plain = !label.trim().is_empty()
        && label.split_whitespace().count() <= 3
        && label.chars().count() <= 20
        && !lexicon::MEETING_FIELD_LABELS.contains(&label_key.as_str())
        && !lexicon::HEADER_LABEL_WORDS.contains(&label_key.as_str())
        && role_of(&label_key).is_none();
    let listed = value.matches([',', '&']).count() + value.matches(" och ").count() >= 1;
    if !plain || !(listed || in_a_run) || value.len() > 300 {
        return Vec::new();
    }
    let heading = &lexicon::ATTENDANCE_HEADINGS[plain_heading()];
    let value = value.trim().trim_end_matches('.');
    let read = match lone_first_name(value, false, heading) {
        Some(p) if in_a_run && !listed => Some(vec![p]),
        _ => parse_line(value, false, heading),
    };
    match read {
        Some(ps)
            if (ps.len() >= 2 || in_a_run)
                && ps
                    .iter()
                    .all(|p| p.role.is_none() && p.affiliation.is_none()) =>
        {
            ps
        }
        _ => Vec::new(),
    }
}

/// "Ordförande Ulf Henricson, Sekreterare Lars Karlsson, Kassör Roger
/// Björkelöv.": a header line of two or more posts, each written before a
/// name; the people serving in them, present. Empty for any other line.
pub(crate) fn posts_with_names(line: &str) -> Vec<Participant> {
    let t = line.trim().trim_end_matches('.');
    let parts: Vec<&str> = t.split(',').map(str::trim).collect();
    if parts.len() < 2 || t.len() > 300 {
        return Vec::new();
    }
    let Some(heading) = lexicon::ATTENDANCE_HEADINGS.get(plain_heading()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for part in parts {
        let Some((post, name)) = part.split_once(' ') else {
            return Vec::new();
        };
        let lower = post.to_lowercase();
        let known =
            role_of(post).is_some() || lexicon::TITLE_SUFFIXES.iter().any(|s| lower.ends_with(s));
        if !known || !is_name(name.trim()) {
            return Vec::new();
        }
        // Read "Roger Björkelöv, kassör" as a line of a list would be.
        let Some(mut ps) = parse_line(&format!("{}, {lower}", name.trim()), false, heading) else {
            return Vec::new();
        };
        match ps.pop() {
            Some(p) if ps.is_empty() && (p.role.is_some() || p.title.is_some()) => out.push(p),
            _ => return Vec::new(),
        }
    }
    out
}

/// "Ordförande⇥Anna Berg", "Justerare: Dan Ås": a role word as a label,
/// and the name in the cell after it; later cells ("Paragrafer 1–5") are
/// not about the person.
fn role_label_line(line: &str, heading: &AttendanceHeading, struck: bool) -> Option<Participant> {
    let line = SPACE_GAP.replace_all(line, "\t");
    // "Protokolljusterare Fredrik Hansson": one word of role before a name
    // also labels it.
    // "Chair – Erik Sahlin (CIO)", "Ordförande – Anna Berg": a role and a
    // dash before the name.
    let dashed =
        || crate::meeting::split_at_dash(&line).filter(|(w, _)| role_of(w.trim()).is_some());
    let by_dash = !line.contains(['\t', ':']) && dashed().is_some();
    let (label, rest) = line
        .split_once('\t')
        .or_else(|| line.split_once(':'))
        .or_else(dashed)
        .or_else(|| line.split_once(' ').filter(|(w, _)| role_of(w).is_some()))?;
    // "Antecknat av: Bo Ek", "Minutes taken by: Bo Ek": a phrase of who
    // kept or checked the minutes labels them too.
    let role = role_of(label).or_else(|| signature_role(label));
    // "Kassör: Cecilia Lund": a post that is no role of the meeting labels
    // the name with its title, and ends the role a heading above gave.
    let title = (role.is_none() && label.split_whitespace().count() == 1 && post_word(label))
        .then(|| label.trim().to_lowercase());
    if role.is_none() && title.is_none() {
        return None;
    }
    let mut cells = rest.split('\t').map(str::trim).filter(|c| !c.is_empty());
    let name = cells.next()?;
    // "Chair – Erik Sahlin (CIO)": a note in brackets after the name.
    if !is_name(name) && (!by_dash || !is_name(&strip_parens(name))) {
        return None;
    }
    let mut p = person(name, heading, struck)?;
    p.role = role.map(str::to_string);
    if let Some(role) = role {
        // "Mötets ordförande: Anna Berg" under "Frånvarande: …" or
        // "Protokollförare: Bo Ek": a role of this meeting is served by
        // someone present, in the group of that role, not of the list above.
        if p.attendance == "absent" && !struck {
            p.attendance = "present".into();
        }
        if p.group == "secretary" && role != "sekreterare" {
            p.group = "member".into();
        }
    }
    // "Kassör⇥Bo Ek⇥Nej", "…⇥Ja på länk": the cells after the name say
    // whether and how they attended.
    let marks = cells.collect::<Vec<_>>().join(" ");
    if marks.chars().count() <= 30 && !marks.is_empty() {
        let lower = marks.to_lowercase();
        if lexicon::NOT_PRESENT_MARKS.contains(&lower.as_str())
            || has_cue(&marks, lexicon::ABSENT_CUES)
        {
            p.attendance = "absent".into();
        } else if has_cue(&marks, lexicon::REMOTE_CUES) {
            p.remote = true;
        }
    }
    if title.is_some() {
        p.title = title;
        // Not the secretary a heading "Sekreterare:" above made of them.
        if p.group == "secretary" {
            p.group = "member".into();
        }
    }
    Some(p)
}

/// "Mötets sekreterare: Bo Ek", "Sekreterare för mötet⇥Bo Ek": the line
/// with its label made the plain role ("sekreterare: Bo Ek"), when the
/// label says the role is the meeting's own.
fn meeting_role_label(t: &str) -> Option<String> {
    let (label, rest) = t.split_once([':', '\t'])?;
    let sep = t.get(label.len()..)?.chars().next()?;
    let lower = label.trim().to_lowercase();
    let core = own_role_core(&lower)?;
    role_of(core)?;
    Some(format!("{core}{sep}{rest}"))
}

/// "mötets ordförande" → "ordförande", "sekreterare för mötet" →
/// "sekreterare": the role in words that say it is the meeting's.
fn own_role_core(lower: &str) -> Option<&str> {
    lexicon::OF_THE_MEETING_BEFORE
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .or_else(|| {
            lexicon::OF_THE_MEETING_AFTER
                .iter()
                .find_map(|s| lower.strip_suffix(s))
        })
        .map(str::trim)
}

fn role_of(word: &str) -> Option<&'static str> {
    let w = word.trim().to_lowercase();
    let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != ' ' && c != '.');
    let role = |w: &str| {
        lexicon::ROLES
            .iter()
            .find(|(k, _)| *k == w)
            .map(|(_, v)| *v)
    };
    // "Mötets ordförande", "Sekreterare för mötet": a role the words say
    // is the meeting's own.
    role(w).or_else(|| role(own_role_core(w)?))
}

/// "kassören", "ordföranden", "sekreteraren": a post (a role of the
/// lexicon or a word ending as a title does) in its definite form, lower
/// case.
fn definite_post(word: &str) -> bool {
    ["en", "n"].iter().any(|end| {
        word.strip_suffix(end).is_some_and(|stem| {
            lexicon::ROLES.iter().any(|(k, _)| *k == stem)
                || lexicon::TITLE_SUFFIXES.iter().any(|s| stem.ends_with(s))
        })
    })
}

/// "Anna Berg ordf.": a name and an abbreviated role after it, without a
/// comma between; the name and the role as written.
/// "Anna Berg ordf", "Bo Ek sekreterare": a name of two or three words and
/// a role of the meeting after it, without a full stop.
fn role_closing_name(part: &str) -> Option<(&str, &str)> {
    name_then_role(part).filter(|(name, _)| (2..=3).contains(&name.split_whitespace().count()))
}

fn abbreviated_role_after(part: &str) -> Option<(&str, &str)> {
    name_then_role(part).filter(|_| part.trim().ends_with('.'))
}

/// A name and a role of the meeting as the part's last word, without
/// brackets: what [`role_closing_name`] and [`abbreviated_role_after`]
/// each narrow.
fn name_then_role(part: &str) -> Option<(&str, &str)> {
    name_then(part, |role| role_of(role).is_some())
}

/// "Cilla Ny kassör": a name of two or three words and a post in lower
/// case after it, without a comma.
fn post_closing_name(part: &str) -> Option<(&str, &str)> {
    name_then(part, |post| {
        post.starts_with(char::is_lowercase) && post_word(post)
    })
    .filter(|(name, _)| (2..=3).contains(&name.split_whitespace().count()))
}

/// A name, then as the part's last word what `describes` accepts, without
/// brackets.
fn name_then(part: &str, describes: impl Fn(&str) -> bool) -> Option<(&str, &str)> {
    let part = part.trim();
    if part.contains('(') {
        return None;
    }
    let (name, about) = part.rsplit_once(' ')?;
    let name = name.trim();
    (describes(about) && is_name(name)).then_some((name, about))
}

/// "v. ordf. Bo Ek", "kassör Cilla Ny": a role, or a post of one word in
/// lower case, then a full name.
fn post_then_name(part: &str) -> Option<(&str, &str)> {
    let at = part.find(|c: char| c.is_uppercase())?;
    let (post, name) = (part[..at].trim(), part[at..].trim());
    let known = role_of(post).is_some()
        || !post.contains(' ') && post.starts_with(char::is_lowercase) && post_word(post);
    (known && is_name(name)).then_some((post, name))
}

/// A role in lower case, then a name: "ordf. Lars-Åke Sigfridsson".
fn role_then_name(part: &str) -> Option<(&str, &str)> {
    post_then_name(part).filter(|(role, _)| role_of(role).is_some())
}

/// A role word closing a part: "Sahlgrenska Universitetssjukhus ordförande".
fn trailing_role(part: &str) -> Option<(&'static str, String)> {
    // Lower-cased once, not once per role.
    let lower = part.to_lowercase();
    for (k, v) in lexicon::ROLES {
        if let Some(stripped) = lower.strip_suffix(k)
            && (stripped.is_empty() || stripped.ends_with(' '))
        {
            let keep = part[..stripped.len()].trim().to_string();
            return Some((v, keep));
        }
    }
    None
}

/// `head.to_lowercase() == word`, without building the lower-cased string
/// (asked of every phrase of a lexicon for every cell). A capital sigma,
/// which `to_lowercase` lower-cases by its neighbours, is left to it.
fn lowercases_to(head: &str, word: &str) -> bool {
    if head.contains('Σ') {
        return head.to_lowercase() == word;
    }
    head.chars().flat_map(char::to_lowercase).eq(word.chars())
}

fn has_cue(text: &str, cues: &[&str]) -> bool {
    let l = text.to_lowercase();
    cues.iter().any(|c| l.contains(c))
}

/// A note that says someone attended part of the meeting: a cue of
/// [`lexicon::PARTIAL_CUES`], or a time they came or went at.
fn partial_note(text: &str) -> bool {
    has_cue(text, lexicon::PARTIAL_CUES) || came_or_went_at(text)
}

/// "10:15", "9.30", "11", "14)": a clock time, as a note writes it.
static CLOCK_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?[),.]?$").expect("valid regex")
});

/// A note that says someone came or went at a clock time ("kom 10:15",
/// "arrived 9.30", "left 11"): they attended part of the meeting.
fn came_or_went_at(note: &str) -> bool {
    let l = note.to_lowercase();
    let words: Vec<&str> = l
        .split_whitespace()
        .filter(|w| !lexicon::CLOCK_LEAD_WORDS.contains(w))
        .collect();
    words
        .windows(2)
        .any(|w| lexicon::CAME_OR_WENT_WORDS.contains(&w[0]) && CLOCK_TIME.is_match(w[1]))
}

static TIMEISH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)(?:[–-]\s?\d{1,2}\b|\d{1,2}[:.]\d{2}|kl\.?\s*\d)").expect("valid regex")
});

/// Parse one person's line.
/// "(S), tjänstgörande ersättare för Fredrik Falk (S)", "ersätter Helena
/// Holm (L)": a substitute and whom they stand in for.
static SUBSTITUTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[,;]?\s*(?:tjänstgörande\s+)?(?:ersättare\s+för|ersätter|i\s*stället\s+för)\s+(\p{Lu}.*?)\s*$")
        .expect("valid regex")
});

/// "(KD) för Maria Gren (KD)": a party, then "för" and whom the person
/// stands in for.
static PARTY_THEN_FOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\s*\([^)]*\))\s*,?\s*för\s+(\p{Lu}.*?)\s*$").expect("valid regex")
});

/// Where the substitution clause of a person's description starts, and
/// whom it names.
fn substitution(desc: &str) -> Option<(usize, String)> {
    if let Some(c) = SUBSTITUTE.captures(desc) {
        let at = c.get(0).map_or(desc.len(), |m| m.start());
        let whom = c.get(1).map_or("", |m| m.as_str()).to_string();
        return Some((at, whom));
    }
    let c = PARTY_THEN_FOR.captures(desc)?;
    let at = c.get(1)?.end();
    Some((at, c.get(2)?.as_str().to_string()))
}

/// "Lena Karlsson (S) tjänstgörande ersättare för Håkan Lif (S)": a
/// person standing in for another.
fn names_a_substitute(part: &str) -> bool {
    split_name(part.trim())
        .is_some_and(|(name, desc)| is_name(&name) && substitution(&desc).is_some())
}

/// "Klas Jacobson KJ", "Sven-Åke Thorsén SÅT": a name followed by its own
/// initials (the ones the minutes use for the person) is the name.
fn without_own_initials(line: &str) -> &str {
    let Some((head, last)) = line.trim_end().rsplit_once(' ') else {
        return line;
    };
    let is_caps = (2..=4).contains(&last.chars().count()) && last.chars().all(char::is_uppercase);
    let initials: String = head
        .split([' ', '-'])
        .filter_map(|w| w.chars().next())
        .collect();
    if is_caps && initials == last && is_name(head) {
        head.trim_end()
    } else {
        line
    }
}

fn person(line: &str, heading: &AttendanceHeading, struck: bool) -> Option<Participant> {
    // "Dr. Helen Moore": the honorific is no part of the name.
    let line = line.trim();
    let line = lexicon::HONORIFICS
        .iter()
        .find_map(|h| {
            line.strip_prefix(h)
                .filter(|r| r.starts_with(' '))
                .map(str::trim_start)
        })
        .unwrap_or(line);
    let line = without_own_initials(line);
    // "Ungdomsansvarig Petra Kvist var adjungerad", "Förvaltare Thomas Ek
    // (Riksbyggen)": a post before the name is their title.
    let (post, line) = leading_post(line);
    let (name, desc) = split_name(line)?;
    // A substitute: the member they replace is a note, not their title or
    // affiliation; the person keeps the heading's group (a serving
    // substitute under "Beslutande" is a member).
    let (desc, replaces) = match substitution(&desc) {
        Some((at, whom)) => (desc[..at].to_string(), Some(whom)),
        None => (desc, None),
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
    if let Some(post) = post {
        match role_of(post) {
            Some(r) if heading.role.is_none() && lexicon::SIGNING_ROLES.contains(&r) => {
                p.role = Some(r.to_string())
            }
            _ => p.title = Some(post.to_lowercase()),
        }
    }
    // "Petra Kvist var adjungerad": adjoined, not deciding.
    if desc.to_lowercase().contains("adjungera") {
        p.group = "adjunct".into();
    }
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
    // "(suppleant, ej beslutande)": each part of a bracket on its own.
    let inners: Vec<String> = inners
        .iter()
        .flat_map(|i| {
            if i.contains(',') && has_cue(i, lexicon::NOT_DECIDING_CUES) {
                i.split(',').map(|x| x.trim().to_string()).collect()
            } else {
                vec![i.clone()]
            }
        })
        .collect();
    for i in inners {
        if has_cue(&i, lexicon::NOT_DECIDING_CUES) {
            p.group = "adjunct".into();
        } else if let Some(r) = role_of(&i) {
            role = Some(r);
        } else if has_cue(&i, lexicon::ABSENT_CUES)
            || partial_note(&i)
            || has_cue(&i, lexicon::REMOTE_CUES)
        {
            notes.push(i);
        } else if p.title.is_none()
            && i.split_whitespace().count() <= 3
            && i.chars().all(|c| c.is_lowercase() || c == ' ' || c == '-')
        {
            // "Bo Ek (kassör)": a post in lower case is the person's title;
            // "(S)", "(Region Halland)" say where they come from.
            p.title = Some(i);
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
            || partial_note(&part)
            || has_cue(&part, lexicon::REMOTE_CUES)
            || TIMEISH.is_match(&part)
            || part.to_lowercase().starts_with("deltar")
            || part.to_lowercase().contains("adjungera");
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
        // "från kommunen", "från Region Halland": whom the person came from.
        if let Some(from) = part.strip_prefix("från ")
            && p.affiliation.is_none()
        {
            p.affiliation = Some(from.trim().to_string());
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
        // A post before the name ("Ordförande Hanna Sjöstrand") stands: a
        // role after it may be the next person's ("Ordförande Anna Berg,
        // sekreterare Bo Ek").
        p.role = p.role.take().or(role.map(str::to_string));
    } else if p.title.is_none() {
        // Under "Mötessekreterare" a written role is the person's title.
        p.title = role.map(str::to_string);
    }
    let note_text = notes.join(", ");
    if struck || has_cue(&note_text, lexicon::ABSENT_CUES) {
        p.attendance = "absent".into();
    } else if partial_note(&note_text)
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
        // Standing in for a member is serving, whatever the list's heading
        // ("Ersättare: Jan Borg (KD) för Maria Gren (KD)").
        p.group = "member".into();
        p.title
            .get_or_insert_with(|| "tjänstgörande ersättare".to_string());
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
    fn a_name_cut_by_the_line_end_and_the_line_that_completes_it() {
        assert!(name_cut_at_end("Närvarande: Anna Berg, Bo Ek, Cecilia"));
        assert!(name_cut_at_end("Närvarande: Anna Berg, David"));
        assert!(name_cut_at_end("Cecilia Lund, David Holm, Eva"));
        // A list that ends whole, or after a comma, is not cut.
        assert!(!name_cut_at_end("Närvarande: Anna Berg, Bo Ek"));
        assert!(!name_cut_at_end("Närvarande: Anna Berg, Bo Ek,"));
        // First names only: one word each is the list's way.
        assert!(!name_cut_at_end("Närvarande: Anna, Bo, Cecilia"));
        // A post after a name is no cut name.
        assert!(!name_cut_at_end("Närvarande: Anna Berg, Bo Ek, Ordförande"));
        assert!(completes_cut_name("Lund, David Holm"));
        assert!(completes_cut_name("Lund (sekr.), David Holm"));
        assert!(completes_cut_name("Lund"));
        assert!(!completes_cut_name("Frånvarande: Leif Ström"));
        assert!(!completes_cut_name("1. Mötets öppnande"));
        assert!(!completes_cut_name("Ordförande"));
        assert!(!completes_cut_name("Mötet öppnades kl. 19."));
        assert!(continues_with_description(
            "(sekr.), David Holm, Leif Ström"
        ));
        assert!(!continues_with_description("(Bilaga 1)"));
        assert!(!is_continuation("1. Mötets öppnande"));
        assert!(!is_continuation("§ 3 Ekonomi"));
        assert!(is_continuation("14:00–16:00"));
        assert!(is_continuation("(ersättare)"));
    }

    #[test]
    fn a_roster_run_into_a_form_page_is_read_record_by_record() {
        let page = "1 1 (6) Plats och tid Museet, Hunneberg Måndag den 20 april 2009, kl Närvarande Övriga Ann-Britth Fröjd, SN, ordförande Ingvar Håkansson, SBN Ragnar Sandberg, BN Per-Olof Blixt, Hälso- och sjukvårdsnämnden i Trestad Mia Harri, handikappkonsulent, socialförvaltningen Lennart Blomberg, Forum Vänersborgs Stad Peter Falk, sekreterare, socialförvaltningen Underskrift Sekreterare Peter Falk";
        let records = flattened_roster(page).expect("a roster");
        assert_eq!(
            records,
            [
                "Ann-Britth Fröjd, SN, ordförande",
                "Ingvar Håkansson, SBN",
                "Ragnar Sandberg, BN",
                "Per-Olof Blixt, Hälso- och sjukvårdsnämnden i Trestad",
                "Mia Harri, handikappkonsulent, socialförvaltningen",
                "Lennart Blomberg, Forum Vänersborgs Stad",
                "Peter Falk, sekreterare, socialförvaltningen",
            ]
        );
        let first = "Beslutande Övriga deltagande Norrtäljesalen, Estunavägen 14, Norrtälje Tisdag, 20 maj, 2014 kl enligt bifogad närvarolista Susanne Bergendahl Glas, Vårdbolaget TioHundra AB Anna Johansson, Attendo Kerstin Söderqvist, Norrtälje kommun Bo Ek, kassör Utses att justera Lennart Edbom";
        let records = flattened_roster(first).expect("a roster");
        assert_eq!(
            records[0],
            "Susanne Bergendahl Glas, Vårdbolaget TioHundra AB"
        );
        assert_eq!(records[2], "Kerstin Söderqvist, Norrtälje kommun");
        assert_eq!(records.len(), 4);
        // Prose that names a few people is no roster.
        assert_eq!(
            flattened_roster("Anna Berg, Bo Ek och Cilla Ny berättade om resan. Sedan åt vi."),
            None
        );
    }

    #[test]
    fn merged_column_labels_are_split_and_long_cells_kept() {
        let header = ["**Namn Organisation:**", "Närvarande", &"Namn ".repeat(20)];
        let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
        let split = split_merged_labels(&header);
        assert_eq!(split[..2], ["**Namn", "Organisation:**"]);
        assert_eq!(split[2..], header[1..]);
    }

    #[test]
    fn lowercases_to_answers_as_to_lowercase() {
        let words = ["justerat av", "σας", "i̇stanbul", "kelvin k", ""];
        let heads = [
            "Justerat av",
            "JUSTERAT AV",
            "justerat Av",
            "ΣΑΣ",
            "ΣΑΣ ",
            "σας",
            "İstanbul",
            "Kelvin \u{212A}",
            "",
            "Justerat",
            "Justerat av ",
        ];
        for h in heads {
            for w in words {
                assert_eq!(lowercases_to(h, w), h.to_lowercase() == w, "{h} {w}");
            }
        }
    }

    #[test]
    fn sentences_of_an_attendance_line_end_after_names_not_abbreviations() {
        let t = "Anna Berg, Cilla Ny. Dessutom deltog Dan Ås.";
        assert_eq!(sentence_ends(t), [t.find(". D").unwrap()]);
        assert!(sentence_ends("Ordf. Anna Berg, Sekr. Bo Ek").is_empty());
        assert!(sentence_ends("Dr. Helen Moore, A. Berg").is_empty());
        assert!(sentence_ends("styrelsen exkl. Yusuf Ali").is_empty());
        assert!(sentence_ends("Anna Berg (leg. Sjuksköterska Region X. Bo), Bo Ek").is_empty());
    }

    #[test]
    fn a_name_keeps_its_own_initials_out_and_a_lone_heading_word_leads_it() {
        assert_eq!(without_own_initials("Klas Jacobson KJ"), "Klas Jacobson");
        assert_eq!(
            without_own_initials("Sven-Åke Thorsén SÅT"),
            "Sven-Åke Thorsén"
        );
        assert_eq!(without_own_initials("Klas Jacobson IT"), "Klas Jacobson IT");
        let (_, rest) = attendance_heading("Närvarande Klas Jacobson KJ").expect("heading");
        assert_eq!(rest, "Klas Jacobson KJ");
        assert!(attendance_heading("Närvarande Anna Berg meddelade att hon flyttar").is_none());
        let (_, rest) =
            attendance_heading("Närvarande Göran Johansson, ordf. Lars Ek, Jan Karlsson och Bo Ek")
                .expect("a list after one heading word");
        assert!(rest.starts_with("Göran Johansson, ordf."));
    }

    #[test]
    fn roles_closing_names_in_a_list_and_a_body_labelling_its_members() {
        assert_eq!(
            people_on_one_line("Anna Berg ordf, Bo Ek sekr, Cilla Ny"),
            ["Anna Berg, ordf", "Bo Ek, sekr", "Cilla Ny"]
        );
        // Two parts are no list: the role may close an organisation's name.
        assert!(role_closing_name("Anna Berg ordförande").is_some());
        let (_, rest) = attendance_heading("Styrelsen: Anna Berg, Bo Ek").expect("a label");
        assert_eq!(rest, "Anna Berg, Bo Ek");
        assert!(attendance_heading("Styrelsen").is_none());
        assert!(attendance_heading("Styrelsen: beslutade att").is_none());
    }

    #[test]
    fn and_others_closing_a_list_names_no_one() {
        assert_eq!(
            clean("Anna Berg, Bo Ek, Cilla Ny m.fl."),
            "Anna Berg, Bo Ek, Cilla Ny"
        );
        assert_eq!(clean("Anna Berg med flera"), "Anna Berg");
        assert_eq!(clean("Bo Metcalfe"), "Bo Metcalfe");
    }

    #[test]
    fn a_row_of_a_post_a_name_and_a_mark_is_one_record() {
        assert_eq!(
            split_records("Vice ordförande\tBo Ek\tJa"),
            ["Vice ordförande\tBo Ek\tJa"]
        );
        let heading = &lexicon::ATTENDANCE_HEADINGS[plain_heading()];
        let p = role_label_line("Kassör\tCarl Holm\tNej", heading, false).expect("a person");
        assert_eq!(
            (p.name.as_str(), p.attendance.as_str()),
            ("Carl Holm", "absent")
        );
        let p = role_label_line("Kassör\tCarl Holm\tJa på länk", heading, false).expect("a person");
        assert!(p.remote);
    }

    #[test]
    fn a_heading_may_say_how_its_people_attended() {
        assert!(attendance_heading("Deltagare på plats").is_some());
        assert!(attendance_heading("Närvarande via Teams").is_some());
        assert!(attendance_heading("Deltagare i arbetsgruppen").is_none());
        assert!(attendance_heading("Närvarande revisorer").is_some());
        assert!(attendance_heading("Övriga frågor").is_none());
        assert!(attendance_heading("Directors present:").is_some());
        let (_, value) =
            attendance_heading("Directors present: Anna Berg, Bo Ek").expect("a heading");
        assert_eq!(value, "Anna Berg, Bo Ek");
        assert!(attendance_heading("Närvarande Peter").is_none());
        assert!(attendance_heading("Deltog fysiskt (Malmö, Folkets park):").is_some());
        let (_, value) =
            attendance_heading("Från Trafikverket: Ronny Thörn (projektledare), Paula Jaakkola")
                .expect("a heading of its own");
        assert!(value.starts_with("Från Trafikverket:"));
    }

    #[test]
    fn an_organisation_a_dash_and_the_name() {
        let heading = &lexicon::ATTENDANCE_HEADINGS[plain_heading()];
        let ps = org_runs(
            "Vetlanda kommun – Gunilla Fagerström (ordförande)",
            heading,
            false,
        )
        .expect("a person");
        assert_eq!(ps[0].name, "Gunilla Fagerström");
        assert_eq!(ps[0].affiliation.as_deref(), Some("Vetlanda kommun"));
        let ps = org_runs(
            "Falköpings kommun: Adam Johansson (M), ordförande; Sara Ekelund (S)",
            heading,
            false,
        )
        .expect("two people");
        let names: Vec<&str> = ps.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Adam Johansson", "Sara Ekelund"]);
        assert_eq!(ps[0].role.as_deref(), Some("ordförande"));
        // A role before the dash is no organisation; nor is a name.
        assert!(org_runs("Ordförande – Gunilla Fagerström", heading, false).is_none());
        assert!(org_runs("Gunilla Fagerström – Vetlanda kommun", heading, false).is_none());
    }

    #[test]
    fn a_role_a_dash_and_the_name() {
        let heading = &lexicon::ATTENDANCE_HEADINGS[plain_heading()];
        let p = role_label_line("Chair – Erik Sahlin (CIO)", heading, false).expect("a person");
        assert_eq!(
            (p.name.as_str(), p.role.as_deref()),
            ("Erik Sahlin", Some("ordförande"))
        );
        let p = role_label_line("Sekreterare – Johan Lidström", heading, false).expect("a person");
        assert_eq!(p.role.as_deref(), Some("sekreterare"));
        assert!(role_label_line("Budget – Johan Lidström", heading, false).is_none());
    }

    #[test]
    fn a_post_of_one_or_two_words_before_the_name() {
        assert_eq!(
            leading_post("Biträdande rektor Tomas Eriksson"),
            (Some("Biträdande rektor"), "Tomas Eriksson")
        );
        assert_eq!(
            leading_post("Vårdnadshavare Robin Ekman, åk 4"),
            (Some("Vårdnadshavare"), "Robin Ekman, åk 4")
        );
        assert_eq!(leading_post("Anna Berg Lund"), (None, "Anna Berg Lund"));
        // A post in its definite form.
        assert_eq!(
            leading_post("Kassören Gunnar Lindqvist"),
            (Some("Kassören"), "Gunnar Lindqvist")
        );
        assert!(definite_post("ordföranden") && definite_post("sekreteraren"));
        assert!(!definite_post("lindqvisten") && !definite_post("kassör"));
    }

    #[test]
    fn people_listed_by_group_on_header_lines() {
        let names = |l: &str| {
            group_label_list(l, false)
                .into_iter()
                .map(|p| p.name)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names("Åk 1: Ciara, Elias & Talia"),
            ["Ciara", "Elias", "Talia"]
        );
        assert!(names("Plats: Jotun, Göteborg").is_empty());
        assert!(names("Kopia: Styrelse FFEF – ADM grupp – Finansgrupp").is_empty());
        assert!(names("Ordförande: Anna Berg").is_empty());
    }

    #[test]
    fn whom_a_person_stands_in_for_is_no_one_present() {
        assert_eq!(
            people_on_one_line("Sten Dal, s, ordförande, Birgitta Bolin, s, ersätter Åke Nylén, s"),
            [
                "Sten Dal, s, ordförande",
                "Birgitta Bolin, s, ersätter Åke Nylén, s"
            ]
        );
    }

    #[test]
    fn names_parted_by_slashes_or_spaced_dashes() {
        assert_eq!(
            people_on_one_line("Anna Berg/Bo Ek/Cecilia Lund"),
            ["Anna Berg", "Bo Ek", "Cecilia Lund"]
        );
        assert_eq!(
            people_on_one_line("Anna Berg - Bo Ek – Cecilia Lund"),
            ["Anna Berg", "Bo Ek", "Cecilia Lund"]
        );
        // An abbreviated role after a name without a comma.
        assert_eq!(
            people_on_one_line("Anna Berg ordf., Bo Ek sekr., Cecilia Lund"),
            ["Anna Berg, ordf.", "Bo Ek, sekr.", "Cecilia Lund"]
        );
        // A role after the slash describes the name before it.
        assert_eq!(
            people_on_one_line("Anna Berg/ordförande"),
            ["Anna Berg/ordförande"]
        );
    }

    #[test]
    fn a_role_between_two_names_closes_the_first_when_roles_follow_names() {
        assert_eq!(
            people_on_one_line(
                "Göran Johansson, ordf. Lars-Åke Sigfridsson, Jan Karlsson och Monica Johansson"
            ),
            [
                "Göran Johansson, ordf.",
                "Lars-Åke Sigfridsson",
                "Jan Karlsson",
                "Monica Johansson"
            ]
        );
    }

    #[test]
    fn posts_written_before_names_in_a_row() {
        let got: Vec<_> = posts_with_names(
            "Ordförande Ulf Henricson, Sekreterare Lars Karlsson, Kassör Roger Björkelöv.",
        )
        .into_iter()
        .map(|p| (p.name, p.role, p.title))
        .collect();
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].1.as_deref(), Some("ordförande"));
        assert_eq!(got[1].1.as_deref(), Some("sekreterare"));
        assert_eq!(got[2].0, "Roger Björkelöv");
        assert!(got[2].1.is_some() || got[2].2.is_some());
        assert!(posts_with_names("Ordförande Ulf Henricson, som öppnade mötet").is_empty());
    }

    #[test]
    fn a_chair_who_signs_as_justerare_stays_the_chair_and_a_post_stays() {
        let p = |name: &str, role: Option<&str>| Participant {
            name: name.into(),
            role: role.map(str::to_string),
            title: None,
            affiliation: None,
            group: "member".into(),
            attendance: "present".into(),
            remote: false,
            note: None,
        };
        let mut ps = vec![
            p("Anna Berg", Some("ordförande")),
            p("Bo Ek", Some("sekreterare")),
            p("Cilla Ny", Some("vice ordförande")),
        ];
        let signers = vec![
            p("Anna Berg", Some("justerare")),
            p("Bo Ek", Some("justerare")),
            p("Cilla Ny", Some("justerare")),
            p("Dan Ås", Some("sekreterare")),
        ];
        apply_signatures(&mut ps, signers);
        let roles: Vec<_> = ps.iter().map(|p| p.role.as_deref().unwrap_or("")).collect();
        assert_eq!(
            roles,
            ["ordförande", "justerare", "vice ordförande", "sekreterare"]
        );
    }

    #[test]
    fn a_presence_mark_on_the_line_after_a_name_is_its_attendance() {
        let h = &lexicon::ATTENDANCE_HEADINGS[0];
        let mut p = person("Anne-Charlotte Svensson", h, false).expect("a person");
        assert!(post_line(&mut p, "Nej", h));
        assert_eq!(p.attendance, "absent");
    }

    #[test]
    fn signatures_pair_roles_with_the_names_over_or_under_them() {
        let lines = |t: &[&str]| t.iter().map(|l| l.to_string()).collect::<Vec<_>>();
        let got = |ps: Vec<Participant>| {
            ps.into_iter()
                .map(|p| (p.name, p.role.unwrap_or_default()))
                .collect::<Vec<_>>()
        };
        // Roles over names, in columns.
        let over = lines(&[
            "7. Övrigt: Nästa möte blir den 1 september.",
            "Ordförande                      Sekreterare",
            "Kurth Wikström                  Elisabeth Wikström",
        ]);
        assert_eq!(
            got(signatures(&over)),
            [
                ("Kurth Wikström".to_string(), "ordförande".to_string()),
                ("Elisabeth Wikström".to_string(), "sekreterare".to_string())
            ]
        );
        // Names over roles, run together with single spaces.
        let under = lines(&[
            "Ordföranden tackar och avslutar mötet.",
            "Bengt Ljungberg Roger Nilsson",
            "Ordförande Sekreterare",
            "Lisa Bengtsson",
            "Justerare",
        ]);
        assert_eq!(
            got(signatures(&under)),
            [
                ("Bengt Ljungberg".to_string(), "ordförande".to_string()),
                ("Roger Nilsson".to_string(), "sekreterare".to_string()),
                ("Lisa Bengtsson".to_string(), "justerare".to_string())
            ]
        );
        // A run of roles, then the names in the same order.
        let run = lines(&[
            "Ordföranden avslutar mötet",
            "Ordförande",
            "Justerare",
            "Carola Lindekrans",
            "Krister Esping",
        ]);
        assert_eq!(
            got(signatures(&run)),
            [
                ("Carola Lindekrans".to_string(), "ordförande".to_string()),
                ("Krister Esping".to_string(), "justerare".to_string())
            ]
        );
        // Names with their roles, side by side.
        let signed = lines(&[
            "Marianne Johansson, ordförande          Lena Frisell, sekreterare",
            "Vid tangentbordet          Ordförande Göran Ström",
        ]);
        assert_eq!(
            got(signatures(&signed)),
            [
                ("Marianne Johansson".to_string(), "ordförande".to_string()),
                ("Lena Frisell".to_string(), "sekreterare".to_string()),
                ("Göran Ström".to_string(), "ordförande".to_string())
            ]
        );
        // A role word in a sentence signs nothing.
        assert!(signatures(&lines(&["Ordförande tackar alla.", "Anna Berg"])).is_empty());
        // Phrases side by side, each closed by its colon, over names of
        // two words each.
        assert_eq!(
            got(signatures(&lines(&[
                "Protokollet skrivet av: Godkännes av ordförande:",
                "Niklas Wåhlander Evi Andersson",
            ]))),
            [
                ("Niklas Wåhlander".to_string(), "sekreterare".to_string()),
                ("Evi Andersson".to_string(), "ordförande".to_string())
            ]
        );
        // A phrase of several words, then the names, one with its own role.
        assert_eq!(
            got(signatures(&lines(&[
                "Justerat av Fredrik Gustavsson och ordf Karin Andersson"
            ]))),
            [
                ("Fredrik Gustavsson".to_string(), "justerare".to_string()),
                ("Karin Andersson".to_string(), "ordförande".to_string())
            ]
        );
        assert_eq!(
            got(signatures(&lines(&["Justerat av: Fredrik Gustavsson"]))),
            [("Fredrik Gustavsson".to_string(), "justerare".to_string())]
        );
        // A first name alone after a role's colon: kept for someone listed.
        assert_eq!(
            got(signatures(&lines(&[
                "Ordförande: Mira",
                "Sekreterare: Liam"
            ]))),
            [
                ("Mira".to_string(), "ordförande".to_string()),
                ("Liam".to_string(), "sekreterare".to_string())
            ]
        );
        assert!(signatures(&lines(&["Ordförande tackar alla."])).is_empty());
    }

    #[test]
    fn the_organisation_label_is_at_most_61_characters_as_before() {
        let bounded = Regex::new(r"^\s*(\p{Lu}[\p{L}\d&.\- ]{0,60}?)\s*:\s*(.+)$").unwrap();
        let spans = |c: Option<regex::Captures<'_>>| {
            c.map(|c| {
                c.iter()
                    .map(|m| m.map(|m| (m.start(), m.end())))
                    .collect::<Vec<_>>()
            })
        };
        let long = "Å".repeat(60);
        for part in [
            "DIGG: Anna Berg".to_string(),
            "  Skatteverket  :  Cecilia Dahl".to_string(),
            format!("A{long}: Anna Berg"),
            format!("AB{long}: Anna Berg"),
            format!("A{long} : Anna Berg"),
            "digg: Anna".to_string(),
            "Anna Berg".to_string(),
            "Region Skåne: ".to_string(),
        ] {
            assert_eq!(
                spans(org_label(&part)),
                spans(bounded.captures(&part)),
                "{part}"
            );
        }
    }

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

    #[test]
    fn first_names_joined_to_full_names_and_posts_around_names() {
        let names = |line: &str| -> Vec<(String, Option<String>)> {
            let h = &lexicon::ATTENDANCE_HEADINGS[plain_heading()];
            parse_line(line, false, h)
                .unwrap_or_default()
                .into_iter()
                .map(|p| (p.name, p.role.or(p.title)))
                .collect()
        };
        let bare = |ns: &[&str]| -> Vec<(String, Option<String>)> {
            ns.iter().map(|n| (n.to_string(), None)).collect()
        };
        assert_eq!(
            names("Anna Berg, Bo Ek och Pelle"),
            bare(&["Anna Berg", "Bo Ek", "Pelle"])
        );
        assert_eq!(names("Anna Berg & Bo Ek"), bare(&["Anna Berg", "Bo Ek"]));
        // A form's template text before the names, a post before the first
        // name and every name closed by its group in brackets.
        let got = names(
            "Ange ev. nedan Ordförande Anna Berg Bo Ek (UG Bruks) Cilla Ny (UG Drag) Dan Ås (UG Lydnad)",
        );
        assert_eq!(
            got.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
            ["Anna Berg", "Bo Ek", "Cilla Ny", "Dan Ås"]
        );
        assert_eq!(got[0].1.as_deref(), Some("ordförande"));
        assert!(names("Ange ev. nedan").is_empty());
        let h = &lexicon::ATTENDANCE_HEADINGS[plain_heading()];
        assert_eq!(
            parse_line("Ange ev. nedan", false, h).map(|p| p.len()),
            Some(0)
        );
        assert_eq!(
            names("Milton & Loke Gustav"),
            bare(&["Milton", "Loke Gustav"])
        );
        assert_eq!(
            names("Anna Berg, Bo Ek, samt Dan Ås från revisorerna"),
            bare(&["Anna Berg", "Bo Ek", "Dan Ås"])
        );
        // A count after "samt" names no one more.
        assert_eq!(
            names("Anna Berg, Bo Ek, Cilla Ny, samt 12 medlemmar").len(),
            3
        );
        let posts = [
            ("Anna Berg".to_string(), Some("ordförande".to_string())),
            ("Bo Ek".to_string(), Some("sekreterare".to_string())),
            ("Cilla Ny".to_string(), Some("kassör".to_string())),
        ];
        assert_eq!(
            names("Anna Berg ordförande, Bo Ek sekreterare, Cilla Ny kassör"),
            posts
        );
        assert_eq!(
            names("ordf. Anna Berg, sekr. Bo Ek, kassör Cilla Ny"),
            posts
        );
        assert_eq!(
            names("ordf. Anna Berg, v. ordf. Bo Ek")[1],
            ("Bo Ek".to_string(), Some("vice ordförande".to_string()))
        );
    }

    #[test]
    fn names_whose_separators_were_lost_are_read_in_pairs() {
        // A post before the first name describes it.
        assert_eq!(
            names_in_pairs("Ordförande Anna Berg Bo Ek (UG Bruks) Cilla Ny"),
            Some(vec![
                "Anna Berg, ordförande".to_string(),
                "Bo Ek (UG Bruks)".to_string(),
                "Cilla Ny".to_string()
            ])
        );
        assert_eq!(
            names_in_pairs("Anna Berg Bo Ek Cilla Ny"),
            Some(vec![
                "Anna Berg".to_string(),
                "Bo Ek".into(),
                "Cilla Ny".into()
            ])
        );
        // Marks after names, and the legend that explains them, whether
        // the marks are there or were cleaned away.
        let four = Some(vec![
            "Anna Berg".to_string(),
            "Bo Ek".to_string(),
            "Cilla Ny".to_string(),
            "Dan Ås".to_string(),
        ]);
        assert_eq!(
            names_in_pairs("Anna Berg Bo Ek * Cilla Ny* Dan Ås * * = Deltog på distans."),
            four
        );
        assert_eq!(
            names_in_pairs("Anna Berg Bo Ek  Cilla Ny Dan Ås   = Deltog på distans."),
            four
        );
        // One name of three words, a given name and two surnames.
        assert_eq!(
            names_in_pairs("Anna Gruvesäter Karin Jacobsson Mauritzson Bo Merking"),
            Some(vec![
                "Anna Gruvesäter".to_string(),
                "Karin Jacobsson Mauritzson".to_string(),
                "Bo Merking".to_string()
            ])
        );
        // Two places a name of three words could stand: no reading.
        assert_eq!(
            names_in_pairs("Anna Jacobsson Mauritzson Holmberg Lindqvist"),
            None
        );
        // Odd in number, a role among them, or fewer than four words.
        assert_eq!(names_in_pairs("Anna Berg Ordförande Ek"), None);
        assert_eq!(names_in_pairs("Anna Berg"), None);
        assert_eq!(names_in_pairs("Anna Berg bo ek"), None);
        assert_eq!(
            names_in_pairs("Anna Berg Bo Ek (sekr) Cilla Ny"),
            Some(vec![
                "Anna Berg".to_string(),
                "Bo Ek (sekr)".into(),
                "Cilla Ny".into()
            ])
        );
        assert_eq!(names_in_pairs("Anna Berg (ordf) Bo (sekr)"), None);
        assert_eq!(names_in_pairs("Katarina Järbur VD Nötkärnan"), None);
        assert_eq!(
            names_in_pairs("Anna Maria Lindberg Bo Ekström Cilla Karlsson"),
            Some(vec![
                "Anna Maria Lindberg".to_string(),
                "Bo Ekström".into(),
                "Cilla Karlsson".into()
            ])
        );
        // A word that ends no name as a surname does leaves it unread.
        assert_eq!(names_in_pairs("Anna Maria Berg Bo Ek"), None);
        assert_eq!(
            names_in_pairs("Anna Maria Berg Bo Holm").map(|n| n.len()),
            Some(2)
        );
        assert_eq!(
            names_in_pairs("PO Larsson Bo Ek"),
            Some(vec!["PO Larsson".to_string(), "Bo Ek".into()])
        );
        // A heading's word and colon part two lists whose stop was lost.
        assert_eq!(
            second_heading("Anna Berg Bo Ek Frånvarande: Cilla Ny"),
            ("Anna Berg Bo Ek", Some("Frånvarande: Cilla Ny"))
        );
        assert_eq!(
            second_heading("Anna Berg, Bo Ek"),
            ("Anna Berg, Bo Ek", None)
        );
        assert_eq!(
            names_in_pairs("Anna Berg ordf Bo Ek sekr Cilla Ny"),
            Some(vec![
                "Anna Berg, ordf".to_string(),
                "Bo Ek, sekr".into(),
                "Cilla Ny".into()
            ])
        );
    }

    #[test]
    fn a_heading_wrapped_in_its_label_column_is_joined_again() {
        assert_eq!(
            wrapped_heading(
                "Ej tjänstgörande Berglund, Tore (S)",
                "ersättare        Aho, Linnea (L)"
            ),
            Some((
                "Ej tjänstgörande ersättare\tBerglund, Tore (S)".to_string(),
                "Aho, Linnea (L)".to_string()
            ))
        );
        assert_eq!(
            wrapped_heading(
                "Övriga           Hallberg, Ulrika",
                "närvarande\tSjöberg, Kent"
            )
            .map(|(first, _)| first),
            Some("Övriga närvarande\tHallberg, Ulrika".to_string())
        );
        // A sentence going on, or a tail that makes no heading.
        assert_eq!(
            wrapped_heading("Övriga frågor togs upp", "närvarande var alla"),
            None
        );
        assert_eq!(
            wrapped_heading("Kassören Anna Berg", "redovisade  kassan"),
            None
        );
    }

    #[test]
    fn surname_first_with_a_post_when_the_minutes_write_names_so() {
        let h = &lexicon::ATTENDANCE_HEADINGS[plain_heading()];
        let p =
            surname_first("Hallberg, Ulrika, förvaltningschef", false, h, true).expect("a person");
        assert_eq!(
            (p.name.as_str(), p.title.as_deref()),
            ("Hallberg, Ulrika", Some("förvaltningschef"))
        );
        // Otherwise "Anna, Bo, sekreterare" is two first names.
        assert!(surname_first("Anna, Bo, sekreterare", false, h, false).is_none());
        assert_eq!(
            surname_first("Berg, Anna", false, h, false).map(|p| p.name),
            Some("Berg, Anna".to_string())
        );
    }

    #[test]
    fn a_group_of_one_after_a_group_list_and_people_from_a_group_in_lower_case() {
        assert_eq!(group_label_list("Åk 2: Fiona", false).len(), 0);
        let one = group_label_list("Åk 2: Fiona", true);
        assert_eq!(
            one.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
            ["Fiona"]
        );
        assert!(group_label_list("Tid: 18.00", true).is_empty());
        assert!(group_label_list("Plats: Kansliet", true).is_empty());
        let (_, value) = attendance_heading("Närvarande från förvaltningen: Cilla Ny, Dan Ås")
            .expect("a heading");
        assert_eq!(value, "Cilla Ny, Dan Ås");
        let (_, value) =
            attendance_heading("Från kommunen kom även Anna Berg och Bo Ek.").expect("a heading");
        assert_eq!(value, "Anna Berg och Bo Ek");
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
    fn an_adverb_before_a_name_is_no_word_of_it() {
        assert_eq!(
            one("Även Mikael Karlsson, vice ordförande i BSK.", "närvarande").name,
            "Mikael Karlsson"
        );
        assert_eq!(one("Dessutom Anna Berg", "närvarande").name, "Anna Berg");
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
    fn names_followed_by_their_title_without_a_tab() {
        let p = one(
            "Aslak Iversen regionområdeschef Regionhälsan (ordförande)",
            "deltagare",
        );
        assert_eq!(
            (p.name.as_str(), p.role.as_deref(), p.title.as_deref()),
            (
                "Aslak Iversen",
                Some("ordförande"),
                Some("regionområdeschef")
            )
        );
        let p = one(
            "Henrik von Sydow verksamhetschef Västerläkarna, avviker 14",
            "deltagare",
        );
        assert_eq!(
            (p.name.as_str(), p.attendance.as_str()),
            ("Henrik von Sydow", "partial")
        );
        let p = one("Katarina Järbur VD Nötkärnan, avviker 14", "deltagare");
        assert_eq!(p.name, "Katarina Järbur");
        let p = one(
            "Alessio Degl'innocenti Regionområdeschef, Regionhälsan, ansluter 9:30",
            "deltagare",
        );
        assert_eq!(p.name, "Alessio Degl'innocenti");
        let p = one("Lena Ek strateg Koncernkontoret, återbud", "deltagare");
        assert_eq!(
            (p.name.as_str(), p.attendance.as_str()),
            ("Lena Ek", "absent")
        );
    }

    #[test]
    fn everyone_but_the_named() {
        let h = lexicon::ATTENDANCE_HEADINGS
            .iter()
            .find(|h| h.text == "participants")
            .expect("heading");
        let ps = parse_line("Alla (Förutom Jamal)", false, h).expect("a line about people");
        assert_eq!(ps.len(), 1);
        assert_eq!(
            (ps[0].name.as_str(), ps[0].attendance.as_str()),
            ("Jamal", "absent")
        );
        let ps = parse_line("Samtliga förutom Vegard och Anna", false, h).expect("people");
        let names: Vec<&str> = ps.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Vegard", "Anna"]);
        assert!(parse_line("Samtliga medlemmar", false, h).is_some_and(|ps| ps.is_empty()));
        // Everyone, then their names in brackets.
        for line in [
            "Alla (Anna Berg, Bo Ek)",
            "All group members (Anna Berg and Bo Ek)",
        ] {
            let ps = parse_line(line, false, h).expect("people");
            let names: Vec<(&str, &str)> = ps
                .iter()
                .map(|p| (p.name.as_str(), p.attendance.as_str()))
                .collect();
            assert_eq!(
                names,
                [("Anna Berg", "present"), ("Bo Ek", "present")],
                "{line}"
            );
        }
    }

    #[test]
    fn a_time_someone_came_or_went_at_is_partial_attendance() {
        for note in ["kom 10:15", "arrived 9.30", "left kl 11", "gick 14"] {
            assert!(partial_note(note), "{note}");
        }
        for note in ["Kalmar kommun", "left-wing party", "kom överens"] {
            assert!(!partial_note(note), "{note}");
        }
    }

    #[test]
    fn organisations_heading_runs_of_names() {
        let h = &lexicon::ATTENDANCE_HEADINGS[0];
        let ps = parse_line(
            "DIGG: Anna Berg, Bertil Ek, Skatteverket: Cecilia Dahl",
            false,
            h,
        )
        .expect("people");
        let got: Vec<(&str, Option<&str>)> = ps
            .iter()
            .map(|p| (p.name.as_str(), p.affiliation.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("Anna Berg", Some("DIGG")),
                ("Bertil Ek", Some("DIGG")),
                ("Cecilia Dahl", Some("Skatteverket"))
            ]
        );
    }

    #[test]
    fn checkboxes_struck_names_and_sublabels() {
        let recs = checkbox_records(
            "[X] Haverinen Emilia, ordförande, distans\t[X] Sjöström William [ ] Nystedt Elias",
        );
        assert_eq!(
            recs,
            [
                (true, "Haverinen Emilia, ordförande, distans".to_string()),
                (true, "Sjöström William".to_string()),
                (false, "Nystedt Elias".to_string())
            ]
        );
        let p = one("~~Bo Ek~~", "deltagare");
        assert_eq!(p.attendance, "absent");
        let h = &lexicon::ATTENDANCE_HEADINGS[0];
        assert!(parse_line("ordinarie", false, h).is_some_and(|ps| ps.is_empty()));
        let ps = parse_line("Evelina Sundvik\tTindra Wingren", false, h).expect("two");
        assert_eq!(ps.len(), 2);
    }

    #[test]
    fn a_serving_substitute_column_and_two_labels_in_one_cell() {
        let header = vec![
            "Ledamot".to_string(),
            "Parti Tjänstgörande ersättare".to_string(),
        ];
        assert_eq!(
            split_merged_labels(&header),
            ["Ledamot", "Parti", "Tjänstgörande ersättare"]
        );
        assert!(is_column_header(&header));
        let row = |cells: &[&str]| -> Vec<(String, bool)> {
            cells.iter().map(|c| (c.to_string(), false)).collect()
        };
        let ps = column_table(&[
            header.iter().map(|h| (h.clone(), false)).collect(),
            row(&["Roger Björk, ordförande", "S"]),
            row(&["Jessica Nylund", "SD", "Bo Hansson (SD)"]),
        ])
        .expect("a table");
        let got: Vec<_> = ps
            .iter()
            .map(|p| {
                (
                    p.name.as_str(),
                    p.attendance.as_str(),
                    p.affiliation.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Roger Björk", "present", Some("S")),
                ("Jessica Nylund", "absent", Some("SD")),
                ("Bo Hansson", "present", Some("SD")),
            ]
        );
    }

    #[test]
    fn names_with_marks_of_doubt_presence_or_haste() {
        let h = &lexicon::ATTENDANCE_HEADINGS[0];
        let people = |l: &str| {
            parse_line(l, false, h)
                .unwrap_or_default()
                .into_iter()
                .map(|p| (p.name, p.attendance))
                .collect::<Vec<_>>()
        };
        let present = |n: &str| (n.to_string(), "present".to_string());
        assert_eq!(
            people("[Anna Berg, Bo Ek och Cilla Dahl]"),
            [
                present("Anna Berg"),
                present("Bo Ek"),
                present("Cilla Dahl")
            ]
        );
        assert_eq!(
            people("Anna Berg, Bo Ek?, Cilla Dahl"),
            [
                present("Anna Berg"),
                present("Bo Ek"),
                present("Cilla Dahl")
            ]
        );
        assert_eq!(
            people("Pelle o Mona Ek, Anna Berg"),
            [present("Pelle"), present("Mona Ek"), present("Anna Berg")]
        );
        assert_eq!(people("Ida Burlin X"), [present("Ida Burlin")]);
        assert_eq!(
            people("Jörgen Qwist Anmält förhinder"),
            [("Jörgen Qwist".to_string(), "absent".to_string())]
        );
        // Taking part from afar, and not for some items.
        let one = |l: &str| {
            parse_line(l, false, h)
                .and_then(|ps| ps.into_iter().next())
                .expect(l)
        };
        let bo = one("Bo Ek via Skype");
        assert_eq!(
            (bo.name.as_str(), bo.remote, bo.title),
            ("Bo Ek", true, None)
        );
        assert!(one("Anna Berg (på distans)").remote);
        let cilla = one("Cilla Dahl X, ej § 5-7");
        assert_eq!(
            (
                cilla.name.as_str(),
                cilla.attendance.as_str(),
                cilla.note.as_deref()
            ),
            ("Cilla Dahl", "partial", Some("ej § 5-7"))
        );
    }

    /// The names an attendance line under the first heading lists.
    fn names_listed(line: &str) -> Vec<String> {
        parse_line(line, false, &lexicon::ATTENDANCE_HEADINGS[0])
            .unwrap_or_default()
            .into_iter()
            .map(|p| p.name)
            .collect()
    }

    #[test]
    fn a_list_that_lost_its_commas_is_cut_at_the_posts_after_names() {
        let names = names_listed;
        assert_eq!(
            names("Anna Berg ordförande Bo Ek sekreterare Cecilia Lund kassör David Holm ledamot"),
            ["Anna Berg", "Bo Ek", "Cecilia Lund", "David Holm"]
        );
        assert_eq!(
            names("Anna Berg, Bo Ek Sekr. Cecilia Lund, David Holm."),
            ["Anna Berg", "Bo Ek", "Cecilia Lund", "David Holm"]
        );
        // A job title before its employer is no post that ends a name, and
        // a post in capitals is no name.
        assert_eq!(
            names("Martin Jensen verksamhetschef Capio Gårda"),
            ["Martin Jensen"]
        );
        assert_eq!(
            names("Anna Berg ledamot. Bo Ek ledamot. Cecilia Lund"),
            ["Anna Berg", "Bo Ek", "Cecilia Lund"]
        );
    }

    #[test]
    fn a_list_names_people_short_as_a_small_group_writes_them() {
        assert!(written_short_for("Bo", "Bo Ek"));
        assert!(written_short_for("Bo E", "Bo Ek"));
        assert!(written_short_for("bo e.", "Bo Ek"));
        // The whole name, another first name, a surname of its own.
        assert!(!written_short_for("Bo Ek", "Bo Ek"));
        assert!(!written_short_for("Bosse", "Bo Ek"));
        assert!(!written_short_for("Bo Ek", "Bo Ekman"));
        assert!(!written_short_for("Bo", "Bo"));
    }

    #[test]
    fn attendance_headings_in_any_form() {
        let text = |i: usize| lexicon::ATTENDANCE_HEADINGS[i].text;
        let (i, rest) = attendance_heading("Närvarande:\tAnna Berg, Bo Ek").expect("heading");
        assert_eq!((text(i), rest.as_str()), ("närvarande", "Anna Berg, Bo Ek"));
        let (i, rest) = attendance_heading("Närvarande\tAnna Berg").expect("heading");
        assert_eq!((text(i), rest.as_str()), ("närvarande", "Anna Berg"));
        // A space before the colon; a group of the meeting after "från";
        // a sentence that leads its list with a colon.
        for line in [
            "Närvarande : Anna Berg, Bo Ek",
            "Närvarande från styrelsen: Anna Berg, Bo Ek",
            "Följande personer var närvarande: Anna Berg, Bo Ek",
            // The names first, and English minutes' sentences.
            "Anna Berg, Bo Ek var närvarande.",
            "Present were Anna Berg, Bo Ek.",
            "Anna Berg, Bo Ek were present.",
        ] {
            let (i, rest) = attendance_heading(line).expect(line);
            assert!(text(i).starts_with("närvarande"), "{line}");
            assert_eq!(rest.as_str(), "Anna Berg, Bo Ek", "{line}");
        }
        let (i, rest) =
            attendance_heading("Följande medlemmar närvarade med rösträtt: Anna Berg, Bo Ek.")
                .expect("a lead with its own words before the colon");
        assert_eq!((text(i), rest.as_str()), ("närvarande", "Anna Berg, Bo Ek"));
        assert!(attendance_heading("Attendants:").is_some());
        assert!(attendance_heading("Attendance list").is_some());
        let (i, rest) = attendance_heading("Dan Fors and Eva Ek were absent.").expect("absent");
        assert_eq!(
            (text(i), rest.as_str()),
            ("frånvarande", "Dan Fors and Eva Ek")
        );
        // What was present that is no one: a thing, or a sentence's subject.
        assert!(attendance_heading("Alla handlingar var närvarande.").is_none());
        assert!(attendance_heading("The documents were present.").is_none());
        // A point of the agenda with its text is not the others present.
        assert!(attendance_heading("Övriga frågor: Frågan om tröjor bordlades.").is_none());
        assert!(attendance_heading("Övriga: Anna Berg").is_some());
        // A list of pairs whose stops and colons a page lost, and the next
        // list's heading inside it.
        let (i, rest) = attendance_heading("Närvarande Anna Berg Bo Ek Förhindrade Dan Öst")
            .expect("pairs before an inner heading");
        assert_eq!(
            (text(i), rest.as_str()),
            ("närvarande", "Anna Berg Bo Ek Förhindrade Dan Öst")
        );
        let (at, h, names) = heading_inside(&rest).expect("inner heading");
        assert_eq!(
            (&rest[..at], text(h), &rest[names..]),
            ("Anna Berg Bo Ek ", "förhindrade", "Dan Öst")
        );
        let (_, h, _) =
            heading_inside("Anna Berg, Bo Ek Ej närvarande Dan Öst").expect("two words");
        assert_eq!(text(h), "ej närvarande");
        // A post written before a name is no other list.
        assert!(heading_inside("Anna Berg Ordförande Bo Ek").is_none());
        // A semicolon where a colon labels; not the one between records.
        let (i, rest) =
            attendance_heading("Följande deltog på mötet; Anna Berg (ordförande), Bo Ek")
                .expect("semicolon after a lead");
        assert_eq!(
            (text(i), rest.as_str()),
            ("närvarande", "Anna Berg (ordförande), Bo Ek")
        );
        let (i, rest) = attendance_heading("Återbud; Cia Ny").expect("semicolon after a heading");
        assert_eq!((text(i), rest.as_str()), ("återbud", "Cia Ny"));
        let (i, rest) =
            attendance_heading("Beslutande\tAnna Berg, ordförande; Bo Ek").expect("tab label");
        assert_eq!(
            (text(i), rest.as_str()),
            ("beslutande", "Anna Berg, ordförande; Bo Ek")
        );
        let h = &lexicon::ATTENDANCE_HEADINGS[0];
        let role = |l: &str| {
            parse_line(l, false, h)
                .and_then(|ps| ps.into_iter().next())
                .map(|p| (p.name, p.role))
        };
        assert_eq!(
            role("Ordförande    Anna Berg"),
            Some(("Anna Berg".into(), Some("ordförande".into())))
        );
        assert_eq!(
            role("Protokolljusterare\tDan Ås\tParagrafer 1-5"),
            Some(("Dan Ås".into(), Some("justerare".into())))
        );
        let names = |l: &str| {
            parse_line(l, false, h).map(|ps| ps.into_iter().map(|p| p.name).collect::<Vec<_>>())
        };
        assert_eq!(
            names("Anna, Bo, Cilla och David"),
            Some(vec![
                "Anna".into(),
                "Bo".into(),
                "Cilla".into(),
                "David".into()
            ])
        );
        assert_ne!(
            names("Styrelsen, Valberedningen"),
            Some(vec!["Styrelsen".into(), "Valberedningen".into()])
        );
        let roles = |l: &str| {
            parse_line(l, false, h)
                .map(|ps| ps.into_iter().map(|p| (p.name, p.role)).collect::<Vec<_>>())
        };
        for line in [
            "Anna Berg (S) ordf, Bo Ek (M) vice ordf, Cilla Ny (C)",
            "Anna Berg/ordförande, Bo Ek/vice ordförande, Cilla Ny",
            "Anna Berg - ordförande, Bo Ek - vice ordförande, Cilla Ny",
        ] {
            assert_eq!(
                roles(line),
                Some(vec![
                    ("Anna Berg".into(), Some("ordförande".into())),
                    ("Bo Ek".into(), Some("vice ordförande".into())),
                    ("Cilla Ny".into(), None)
                ]),
                "{line}"
            );
        }
        assert_eq!(
            role("Protokolljusterare Fredrik Holm"),
            Some(("Fredrik Holm".into(), Some("justerare".into())))
        );
        // A label column aligned with spaces, as a text export writes it.
        let (i, rest) =
            attendance_heading("Ledamöter        Eva Holm (S), ordförande").expect("heading");
        assert_eq!(lexicon::ATTENDANCE_HEADINGS[i].text, "ledamöter");
        assert_eq!(rest, "Eva Holm (S), ordförande");
        let (_, rest) = attendance_heading("Närvarande   Eva Holm    Bo Ek").expect("heading");
        assert_eq!(rest, "Eva Holm\tBo Ek");
        // One space is not a gap: "Närvarande ledamöter" is a heading of
        // its own, and a sentence is no label.
        assert!(attendance_heading("Närvarande ansåg att  Bo ska").is_none());
        // A heading with a short qualifier before its colon.
        for (line, value) in [
            ("Deltagare på plats: Anna Berg, Bo Ek", "Anna Berg, Bo Ek"),
            ("Närvarande (digitalt): Cilla Ny", "Cilla Ny"),
            ("Närvarande styrelse: Anna Berg", "Anna Berg"),
        ] {
            let (_, rest) = attendance_heading(line).expect(line);
            assert_eq!(rest, value, "{line}");
        }
        assert!(attendance_heading("Deltagarna diskuterade: budgeten").is_none());
        // The heading's qualifier may say they joined from afar.
        for (line, remote) in [
            ("Deltagare (digitalt): Anna Berg, Bo Ek", true),
            ("Närvarande via Teams:", true),
            ("Deltagare på plats: Anna Berg", false),
            ("Närvarande: Anna Berg (distans), Bo Ek", false),
        ] {
            let (_, rest) = attendance_heading(line).expect(line);
            assert_eq!(heading_says_remote(line, &rest), remote, "{line}");
        }
        assert!(!heading_says_remote(
            "Deltagare på plats och via Teams:",
            ""
        ));
        // A sentence that opens the list is read as one.
        let (_, rest) = attendance_heading("Närvarande var alla utom Bo.").expect("lead");
        assert_eq!(rest, "alla utom Bo");
        for (heading, attendance) in [
            ("Närvaro:", "present"),
            ("Närvarande styrelseledamöter", "present"),
            ("Attendance", "present"),
            ("Ej närvarande:", "absent"),
            ("Frånvarande ledamöter", "absent"),
        ] {
            let (i, _) = attendance_heading(heading).expect(heading);
            assert_eq!(
                lexicon::ATTENDANCE_HEADINGS[i].attendance,
                attendance,
                "{heading}"
            );
        }
        let (i, _) = attendance_heading("Ersätare").expect("a one-letter slip");
        assert_eq!(text(i), "ersättare");
        assert!(attendance_heading("Ersättningar").is_none());
    }

    #[test]
    fn the_called_who_are_not_listed_present_were_absent() {
        let called = lexicon::ATTENDANCE_HEADINGS
            .iter()
            .find(|h| h.text == "kallade")
            .expect("heading");
        let present = lexicon::ATTENDANCE_HEADINGS
            .iter()
            .find(|h| h.text == "närvarande")
            .expect("heading");
        let mut ps = parse_line("Anna Berg, Bo Ek", false, called).expect("people");
        ps.extend(parse_line("Anna Berg", false, present).expect("people"));
        let doc = Document::default();
        let ps = complete(ps, &doc, &[], false);
        let got: Vec<(&str, &str)> = ps
            .iter()
            .map(|p| (p.name.as_str(), p.attendance.as_str()))
            .collect();
        assert_eq!(got, [("Anna Berg", "present"), ("Bo Ek", "absent")]);
        // Only a list of those called: they came.
        let ps = complete(
            parse_line("Anna Berg, Bo Ek", false, called).expect("people"),
            &doc,
            &[],
            false,
        );
        assert!(ps.iter().all(|p| p.attendance == "present"));
    }

    #[test]
    fn attendance_tables_by_their_columns() {
        let row = |cells: &[&str]| -> Vec<(String, bool)> {
            cells.iter().map(|c| (c.to_string(), false)).collect()
        };
        let ps = column_table(&[
            row(&["Närvarande", "Organisation", "Mötesroll"]),
            row(&["Anna Berg", "DIGG", "Ordförande"]),
            row(&["Bo Ek", "Skatteverket", "Sekreterare"]),
            row(&["Cecilia Dahl", "Lantmäteriet", ""]),
        ])
        .expect("an attendance table");
        let got: Vec<(&str, Option<&str>, Option<&str>)> = ps
            .iter()
            .map(|p| (p.name.as_str(), p.affiliation.as_deref(), p.role.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("Anna Berg", Some("DIGG"), Some("ordförande")),
                ("Bo Ek", Some("Skatteverket"), Some("sekreterare")),
                ("Cecilia Dahl", Some("Lantmäteriet"), None)
            ]
        );
        let ps = column_table(&[
            row(&["Namn", "Närvaro"]),
            row(&["Anna Berg", "X"]),
            row(&["Bo Ek", ""]),
        ])
        .expect("a presence table");
        assert_eq!(ps[0].attendance, "present");
        assert_eq!(ps[1].attendance, "absent");
        // Two tables side by side, the label of one broken in its column.
        let ps = column_table(&[
            row(&["Ledamöter", "Närvarand e", "Ersättare", "Närvarande"]),
            row(&["Lotta Hermansson (S)", "X", "Karin Dahlberg (S)", "X"]),
            row(&["Helén Bark (C)", "–", "Gösta Alfredsson (SD)", ""]),
        ])
        .expect("two attendance tables");
        let got: Vec<(&str, &str, &str)> = ps
            .iter()
            .map(|p| (p.name.as_str(), p.group.as_str(), p.attendance.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("Lotta Hermansson", "member", "present"),
                ("Helén Bark", "member", "absent"),
                ("Karin Dahlberg", "adjunct", "present"),
                ("Gösta Alfredsson", "adjunct", "absent"),
            ]
        );
        assert!(
            column_table(&[row(&["Mötespunkt", "Anteckning"]), row(&["1.", "Text"])]).is_none()
        );
    }

    #[test]
    fn an_organisation_after_a_name_is_the_affiliation() {
        let h = &lexicon::ATTENDANCE_HEADINGS[0];
        for (line, org) in [
            ("Anneli Backman, Sveriges Lärare", "Sveriges Lärare"),
            ("Fredrik Nordin, Region Sörmland", "Region Sörmland"),
            ("Eva Ek, Svenskt Demenscentrum", "Svenskt Demenscentrum"),
        ] {
            let ps = parse_line(line, false, h).unwrap_or_default();
            assert_eq!(ps.len(), 1, "{line}");
            assert_eq!(ps[0].affiliation.as_deref(), Some(org), "{line}");
        }
        assert!(is_name("Mats Hedlund"));
        assert!(!is_name("Autism Sverige"));
    }

    #[test]
    fn members_joined_on_one_line_are_parted_by_their_parties() {
        let h = &lexicon::ATTENDANCE_HEADINGS[0];
        let got: Vec<(String, Option<String>, Option<String>)> = parse_line(
            "Fredrik Hansson (C), ordförande Hans Forsberg (M), 1:e vice ordförande Lisa Andersson (M) Carita Boulwén (SD)",
            false,
            h,
        )
        .unwrap_or_default()
        .into_iter()
        .map(|p| (p.name, p.role, p.affiliation))
        .collect();
        let want = |n: &str, r: Option<&str>, a: &str| {
            (n.to_string(), r.map(str::to_string), Some(a.to_string()))
        };
        assert_eq!(
            got,
            [
                want("Fredrik Hansson", Some("ordförande"), "C"),
                want("Hans Forsberg", Some("vice ordförande"), "M"),
                want("Lisa Andersson", None, "M"),
                want("Carita Boulwén", None, "SD"),
            ]
        );
        // One serving for another stays one line's pair.
        assert_eq!(people_by_party("Jan Borg (KD) för Maria Gren (KD)"), None);
    }

    #[test]
    fn people_side_by_side_in_columns_of_spaces() {
        let names = names_listed;
        assert_eq!(
            names("Ingrid Svanberg, ordf             Maria Lönn, kyrkoherde"),
            ["Ingrid Svanberg", "Maria Lönn"]
        );
        assert_eq!(
            names("Dan Brostedt                   Leif Andersson"),
            ["Dan Brostedt", "Leif Andersson"]
        );
        // A title and a firm beside a name describe that one person.
        assert_eq!(
            names("Katarina Järbur\tVD Nötkärnan, avviker 14"),
            ["Katarina Järbur"]
        );
    }

    #[test]
    fn names_parted_only_by_bullets_or_by_their_brackets() {
        assert_eq!(
            list_separators_as_commas("• Anna Berg • Bo Ek"),
            "Anna Berg, Bo Ek"
        );
        assert_eq!(
            list_separators_as_commas("Anna Berg (ordf.) Bo Ek (sekr.) Cilla Ny"),
            "Anna Berg (ordf.), Bo Ek (sekr.), Cilla Ny"
        );
        // One bracket, or a list with commas, is left as it is.
        assert_eq!(
            list_separators_as_commas("Anna Berg (ordf.) Bo Ek"),
            "Anna Berg (ordf.) Bo Ek"
        );
        assert_eq!(
            list_separators_as_commas("Anna Berg (M) Bo Ek (S), Cilla Ny"),
            "Anna Berg (M) Bo Ek (S), Cilla Ny"
        );
    }

    #[test]
    fn a_list_in_capitals_in_the_case_names_are_read_in() {
        assert_eq!(
            capitals_list("ANNA BERG, BO EK-LUND (S)").as_deref(),
            Some("Anna Berg, Bo Ek-Lund (S)")
        );
        assert_eq!(capitals_list("MÖTETS ÖPPNANDE"), None);
        assert_eq!(capitals_list("Anna Berg, Bo Ek"), None);
        let heading = &lexicon::ATTENDANCE_HEADINGS[plain_heading()];
        let mut people: Vec<Participant> = ["Åsa Ek", "Bo Li"]
            .iter()
            .filter_map(|n| person(n, heading, false))
            .collect();
        names_as_written(&mut people, "ÅSA EK, BO LI");
        let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["ÅSA EK", "BO LI"]);
        // Letters only in brackets, or none to lower: left alone.
        assert_eq!(capitals_list("(SD), (KD)"), None);
        assert_eq!(capitals_list("A B, C D"), None);
    }

    #[test]
    fn prose_is_not_a_participant() {
        let h = &lexicon::ATTENDANCE_HEADINGS[0];
        assert!(parse_line("Rådet diskuterade uppstarten av en arbetsgrupp.", false, h).is_none());
        assert!(parse_line("Mötespunkt\tAnteckning", false, h).is_none());
    }
}
