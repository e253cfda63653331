//! The meeting: organisation, office, body, dates, time and place, read from
//! the lines before the first agenda item.

use crate::dates::{Date, DateContext, find_dates, find_time_range};
use crate::lexicon;
use minutes_model::{Document, Paragraph, Role, Style};
use regex::Regex;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::LazyLock;

mod title;
pub(crate) use title::organisation_named;
use title::{compound_document_type, meeting_kind_heading, name_then_type};

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
#[derive(Clone)]
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

/// The meeting fields' labels as an alternation, longest first ("tid och
/// plats" before "tid").
fn field_labels_alternation() -> String {
    let mut labels: Vec<&str> = lexicon::MEETING_FIELD_LABELS.to_vec();
    labels.sort_by_key(|l| std::cmp::Reverse(l.len()));
    lexicon::alternation(&labels)
}

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let alternation = field_labels_alternation();
    // A colon, a tab, or a gap of spaces that aligns the values in a
    // column ("Plats och tid    Stadshuset").
    Regex::new(&format!(
        r"(?i)^\s*({alternation})\s*(?::|\t|\s{{2,}}|\s*$)\s*(.*)$"
    ))
    .expect("valid regex")
});

/// "Tid och plats Måndagen den 11 september …": a label of two words or
/// more and its value after one space, a form's columns joined; the value
/// opens with a capital or a digit.
static BARE_MULTIWORD_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let mut labels: Vec<&str> = lexicon::MEETING_FIELD_LABELS
        .iter()
        .copied()
        .filter(|l| l.contains(' '))
        .collect();
    labels.sort_by_key(|l| std::cmp::Reverse(l.len()));
    let alternation = lexicon::alternation(&labels);
    Regex::new(&format!(r"(?i)^\s*({alternation}) ((?-i:[\p{{Lu}}\d]).*)$")).expect("valid regex")
});

/// A header line's field: its label, lower case, and its value ("Plats:
/// Stadshuset", "Plats och tid⇥Stadshuset", "Tid och plats Måndagen …").
fn field_of(line: &str) -> Option<(String, &str)> {
    // "Plats / Place: Skolan": a label in two languages, the first ours.
    // "Datum/tid:", "Plats/tid:": the slash an "och", one field of ours.
    if let Some((label, value)) = line.split_once(':')
        && let Some((first, second)) = label.split_once('/')
        && label.chars().count() <= 40
    {
        let key = first.trim().to_lowercase();
        let both = format!("{key} och {}", second.trim().to_lowercase());
        if lexicon::MEETING_FIELD_LABELS.contains(&both.as_str()) {
            return Some((both, value.trim()));
        }
        if lexicon::MEETING_FIELD_LABELS.contains(&key.as_str()) {
            return Some((key, value.trim()));
        }
    }
    let c = LABEL
        .captures(line)
        .or_else(|| BARE_MULTIWORD_LABEL.captures(line))?;
    let label = c.get(1)?.as_str().to_lowercase();
    let value = c.get(2).map(|x| x.as_str().trim()).unwrap_or("");
    Some((label, value))
}

/// A header line that is only a field's label ("Plats och tid",
/// "Datum:"): a two-column header flattened to one cell per line puts the
/// value on the next line.
pub(crate) fn bare_field_label(t: &str) -> bool {
    let key = t.trim().trim_end_matches(':').trim().to_lowercase();
    lexicon::MEETING_FIELD_LABELS.contains(&key.as_str())
}

/// A line that is only the label of the meeting's date, time or place
/// ("Plats och tid", "Datum:"), not of who holds it ("Organisation").
pub(crate) fn bare_when_or_where_label(t: &str) -> bool {
    let key = t.trim().trim_end_matches(':').trim().to_lowercase();
    bare_field_label(t)
        && (lexicon::PLACE_FIELD_LABELS.contains(&key.as_str())
            || lexicon::WHEN_LABEL_STEMS.iter().any(|w| key.contains(w)))
}

/// The header lines with each bare label joined to the value on the line
/// after it ("Plats och tid" / "Kommunhuset, kl. 08.30" → "Plats och tid:
/// Kommunhuset, kl. 08.30"), unless that line is a label too.
fn label_values_joined(lines: &[HeaderLine]) -> Vec<HeaderLine> {
    let lines = header_cells(lines);
    let mut out: Vec<HeaderLine> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        let next = lines.get(i + 1);
        // "Protokoll fört vid styrelsemöte med" / "Håns Byalag i Byahuset":
        // a title broken after the word that leads to its holder.
        if let Some(next) = next
            && title_breaks_after_lead(&line.text)
            && next.text.trim().starts_with(char::is_uppercase)
            && (1..=10).contains(&next.text.split_whitespace().count())
            && !bare_field_label(&next.text)
            && !LABEL.is_match(next.text.trim())
        {
            out.push(HeaderLine {
                text: format!("{} {}", line.text.trim(), next.text.trim()),
                heading: line.heading,
                placeholder: false,
            });
            i += 2;
            continue;
        }
        if bare_field_label(&line.text)
            && let Some(next) = next
            && !next.placeholder
            && !bare_field_label(&next.text)
            && !LABEL.is_match(next.text.trim())
            && !next.text.trim().is_empty()
        {
            out.push(HeaderLine {
                text: format!(
                    "{}: {}",
                    line.text.trim().trim_end_matches(':'),
                    next.text.trim()
                ),
                heading: line.heading,
                placeholder: false,
            });
            i += 2;
            continue;
        }
        out.push(line.clone());
        i += 1;
    }
    out
}

/// A title line that ends with the word leading to its holder ("Protokoll
/// fört vid styrelsemöte med"): its name is on the next line.
fn title_breaks_after_lead(t: &str) -> bool {
    let t = t.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    (3..=8).contains(&words.len())
        && document_type_word(&t.to_lowercase()).is_some()
        && words
            .last()
            .is_some_and(|w| lexicon::TITLE_BREAK_WORDS.contains(w))
}

/// A council named in one word, in the definite form ("elevråd" →
/// "elevrådet"); other words as they are.
/// The two sides of the first dash set apart by spaces ("IF Nordstjärnan –
/// Fotboll", "Board — Anna"): the kinds of dash are tried in turn, as every
/// reader of "name – rest" lines here does.
pub(crate) fn split_at_dash(t: &str) -> Option<(&str, &str)> {
    [" – ", " — ", " - "].iter().find_map(|d| t.split_once(d))
}

/// A name without the abbreviation in brackets that closes it
/// ("Arbetsmiljökommittén (AMK)" → "Arbetsmiljökommittén").
fn without_bracketed_tail(x: &str) -> &str {
    x.strip_suffix(')')
        .and_then(|r| r.rsplit_once(" ("))
        .map_or(x, |(name, _)| name.trim())
}

pub(crate) fn definite_council(word: &str) -> String {
    if word.split_whitespace().count() == 1 {
        for (ending, definite) in lexicon::DEFINITE_BODY_ENDINGS {
            if let Some(stem) = word.strip_suffix(ending) {
                return format!("{stem}{definite}");
            }
            if let Some(stem) = word.strip_suffix(&*ending.to_uppercase()) {
                return format!("{stem}{}", definite.to_uppercase());
            }
        }
    }
    word.to_string()
}

/// "13/5 2024, Klubbstugan", "13 maj 2024 i Klubbstugan": a place after a
/// full date with no time, set off by a comma or "i"/"på", named with a
/// capital (or a definite noun after "i": "i bygdegården").
fn place_after_date(t: &str) -> Option<String> {
    let date = find_dates(t, &DateContext::default())
        .into_iter()
        .rfind(|d| d.precision == crate::dates::Precision::Full)?;
    let rest = t.get(date.range.end..)?;
    let (rest, preposition) = if let Some(r) = rest.trim_start().strip_prefix(", ") {
        (r, false)
    } else if let Some(r) = rest
        .strip_prefix(" i ")
        .or_else(|| rest.strip_prefix(" på "))
        .or_else(|| rest.strip_prefix(", i "))
        .or_else(|| rest.strip_prefix(", på "))
    {
        (r, true)
    } else {
        return None;
    };
    place_named(rest, preposition)
}

/// `rest` (what follows a date, or comes between a date and its hour)
/// names a place: a capitalised name, someone's home ("hos Cissi"), or,
/// after a preposition (`preposition`), a noun in its definite form ("i
/// församlingshemmet"). Gives the place.
fn place_named(rest: &str, preposition: bool) -> Option<String> {
    let rest = rest.trim().trim_end_matches('.').trim();
    let words = rest.split_whitespace().count();
    // "2025-03-26, hos Cissi": at someone's home, which the word says.
    let at_home = rest
        .strip_prefix("hos ")
        .is_some_and(|who| who.starts_with(char::is_uppercase));
    let named = at_home
        || rest.starts_with(char::is_uppercase)
        || preposition
            && rest.split_whitespace().next().is_some_and(|w| {
                w.starts_with(char::is_lowercase)
                    && ["et", "en", "an", "on", "un", "na"]
                        .iter()
                        .any(|e| w.ends_with(e))
            });
    ((1..=6).contains(&words)
        && named
        && find_dates(rest, &DateContext::default()).is_empty()
        && document_type_word(&rest.to_lowercase()).is_none()
        && !lexicon::BODY_WORDS
            .iter()
            .any(|b| rest.to_lowercase().ends_with(b)))
    .then(|| rest.to_string())
}

/// "Mötet hölls i Folkets hus", "Vi träffades hemma hos Bo Ek": where a
/// sentence says the meeting was held.
fn held_at(t: &str) -> Option<String> {
    let c = HELD_AT.captures(t)?;
    let prep = c.get(1)?.as_str().to_lowercase();
    let place = c.get(2)?.as_str().trim().trim_end_matches(['.', ',']);
    if place.is_empty() || place.split_whitespace().count() > 8 {
        return None;
    }
    let key = place.to_lowercase();
    if lexicon::BODY_WORDS.iter().any(|b| key.ends_with(b)) {
        return None;
    }
    Some(if prep.contains("hos") {
        format!("{prep} {place}")
    } else {
        place.to_string()
    })
}

static HELD_AT: LazyLock<Regex> = LazyLock::new(|| {
    let mut verbs = lexicon::HELD_VERBS.to_vec();
    verbs.sort_by_key(|v| std::cmp::Reverse(v.len()));
    Regex::new(&format!(
        r"(?i)\b(?:{})(?:,?\s+som)?\s+(?:{})\s+(?:(?:digitalt|fysiskt|denna\s+gång)\s+)?(hemma\s+hos|hos|i|på|via|till)\s+([^.;:]+?)(?:\s+(?:den|kl\.?|klockan|och|där)\b|[.;:]|,\s+\p{{Ll}}|$)",
        lexicon::alternation(lexicon::HELD_SUBJECTS),
        lexicon::alternation(&verbs)
    ))
    .expect("valid regex")
});

/// "Held on 12 March 2024 at 18:00 in the Community Hall": the capitalised
/// name after "in" or "at" (an hour after "at" is none) within a short
/// stretch after "held" or "took place".
static HELD_AT_EN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:\b(?:held|took\s+place)\b)[^.;]{0,60}?\b(?i:in|at)\s+(?i:the\s+)?(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,4})")
        .expect("valid regex")
});

/// "Held on 12 March 2024 at 18:00": the hour after "at".
static HELD_AT_HOUR_EN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:held|took\s+place)\b[^.;]{0,60}?\bat\s+(\d{1,2}[:.]\d{2})\b")
        .expect("valid regex")
});

/// "Ordföranden öppnade mötet i Klubbstugan", "Mötet öppnades kl. 19.00
/// i Församlingshemmet": the place the meeting was opened in, after the
/// words that open it (and perhaps the hour).
static OPENED_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:öppnade\s+mötet|öppnades|förklarade\s+mötet\s+öppnat)(?:\s+(?:kl\.?|klockan)\s*\d{1,2}(?:[.:]\d{2})?)?\s+(?:i|på)\s+([^.;:,]+?)(?:\s+(?:den|kl\.?|klockan|och|där|av|med)\b|[.;:,]|$)")
        .expect("valid regex")
});

/// "välkomna till Bygdegården", "… till klubbstugan": a welcome to a
/// building (its name ends as a building's does: lexicon
/// VENUE_NAME_ENDINGS), written as a name or in lower case.
static WELCOME_TO_VENUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:välkommen|välkomna)\s+till\s+(\p{L}[\p{L}\-]+(?:\s+\p{L}+)?)")
        .expect("valid regex")
});

/// A place named in a sentence about the meeting: a building's name in
/// its own words ("Klubbstugan", "Folkets hus", "restaurang Kulan"), or,
/// when `names` allows, a capitalised name of one or two words ("öppnade
/// mötet i Norrby") — not "öppnade mötet i tid" nor "i Anna Bergs
/// frånvaro". A welcome is to a building only: "välkomna till Norrby IF"
/// names who holds the meeting.
fn venue_named(place: &str, names: bool) -> bool {
    let key = place.to_lowercase();
    let words: Vec<&str> = place.split_whitespace().collect();
    let building = ends_with_any(&key, lexicon::VENUE_NAME_ENDINGS)
        || words
            .first()
            .is_some_and(|w| lexicon::VENUE_NAME_ENDINGS.contains(&w.to_lowercase().as_str()));
    let name = (1..=2).contains(&words.len())
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && !words.iter().any(|w| w.ends_with('s'));
    (1..=5).contains(&words.len()) && (building || names && name)
}

/// "2024-03-12 kl 18:30", "Tisdag 12 mars 2024, 18.30–20.00": a line of a
/// date and its hours only.
fn date_and_hour_only(t: &str) -> bool {
    if find_dates(t, &DateContext::default()).is_empty() {
        return false;
    }
    let undated = without_dates(t);
    let rest = CLOCK_IN_VALUE.replace_all(&undated, "");
    rest.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| {
            let w = w.to_lowercase();
            ["kl", "klockan", "tid"].contains(&w.as_str()) || w.chars().all(|c| c.is_ascii_digit())
        })
}

/// "Digitalt möte via Zoom", "Möte på Teams": a short line naming the
/// service a meeting was held over, as a whole word after a preposition.
fn video_service(t: &str) -> Option<&'static str> {
    video_service_within(t, 60)
}

/// [`video_service`] in a line of up to `max` characters (a title may be
/// longer than a field's line: "Anteckningar från arbetsmöte i gruppen
/// genomfört över Zoom").
fn video_service_within(t: &str, max: usize) -> Option<&'static str> {
    if t.chars().count() > max {
        return None;
    }
    let key = t.to_lowercase();
    lexicon::VIDEO_MEETING_SERVICES
        .iter()
        .rev()
        .find(|s| {
            let s = s.to_lowercase();
            ["via ", "på ", "över ", "i "].iter().any(|p| {
                key.split(&format!("{p}{s}"))
                    .nth(1)
                    .is_some_and(|after| !after.starts_with(char::is_alphanumeric))
            })
        })
        .copied()
}

/// "https://sunet.zoom.us/my/fresia" (a meeting's link alone on its line),
/// "2020-03-13 Zoom" (a date and the service alone): the service the
/// meeting was held in.
fn service_line(t: &str) -> Option<&'static str> {
    let t = t.trim();
    if !t.contains(char::is_whitespace) && (t.starts_with("http://") || t.starts_with("https://")) {
        let host = t.split('/').nth(2)?.to_lowercase();
        return lexicon::VIDEO_MEETING_DOMAINS
            .iter()
            .find(|(domain, _)| host == *domain || host.ends_with(&format!(".{domain}")))
            .map(|(_, service)| *service);
    }
    // The dates are looked for (again, as the header's loop does) only in
    // a line that names a service at all.
    let lower = t.to_ascii_lowercase();
    if !lexicon::VIDEO_MEETING_SERVICES
        .iter()
        .any(|s| lower.contains(&s.to_ascii_lowercase()))
    {
        return None;
    }
    let rest = without_dates(t);
    let rest = rest.trim().trim_matches([',', '.', '-', '–', ':']).trim();
    lexicon::VIDEO_MEETING_SERVICES
        .iter()
        .find(|s| s.eq_ignore_ascii_case(rest))
        .copied()
        .filter(|_| rest.len() < t.len())
}

/// "digitalt (Teams)", "Zoom": the meeting service a value names, as a
/// word of its own (the longest name when one holds another).
fn service_named(value: &str) -> Option<&'static str> {
    let key = value.to_lowercase();
    lexicon::VIDEO_MEETING_SERVICES
        .iter()
        .filter(|s| {
            let s = s.to_lowercase();
            key.match_indices(&s).any(|(i, _)| {
                let before = key[..i].chars().next_back();
                let after = key[i + s.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        })
        .max_by_key(|s| s.len())
        .copied()
}

/// The place an item titled by a place's label gives ("Plats" over the
/// one line "Styrelserummet").
pub(crate) fn place_under_label(title: &str, texts: &[&str]) -> Option<String> {
    let key = title.trim().trim_end_matches(':').trim().to_lowercase();
    if !lexicon::PLACE_FIELD_LABELS.contains(&key.as_str()) {
        return None;
    }
    let [line] = texts else { return None };
    let line = line.trim();
    let words = line.split_whitespace().count();
    ((1..=6).contains(&words)
        && !line.ends_with(['.', '!', '?'])
        && (line.starts_with(char::is_uppercase) || line.starts_with("hos ")))
    .then(|| normalize_location(line))
}

/// A line of a web page's furniture: a search box, a menu, a breadcrumb
/// trail of two steps or more.
fn web_chrome(t: &str) -> bool {
    let key = t.trim().trim_end_matches([':', '.']).trim().to_lowercase();
    lexicon::WEB_CHROME_LINES.contains(&key.as_str())
        || lexicon::BREADCRUMB_MARKS
            .iter()
            .any(|m| key.matches(m).count() >= 2 && key.chars().count() <= 120)
}

/// A field's label inside a line, after a space and before its colon
/// ("… Tid: 18.30 Plats: …"), or an attendance list's ("… Plats: Stadshuset
/// Närvarande: …"), which ends the field before it.
static INNER_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let mut labels: Vec<&str> = lexicon::MEETING_FIELD_LABELS.to_vec();
    labels.extend(lexicon::ATTENDANCE_HEADINGS.iter().map(|h| h.text));
    labels.sort_by_key(|l| std::cmp::Reverse(l.len()));
    let alternation = lexicon::alternation(&labels);
    Regex::new(&format!(r"(?i)\s(?:{alternation}):\s")).expect("valid regex")
});

/// "Datum: 2025-04-08 Tid: 18.30 Plats: Ridhusets cafeteria": several
/// labelled fields on one line, each a line of its own. A label inside the
/// line starts with a capital, as a field's label does.
fn fields_split(t: &str) -> Vec<&str> {
    // "PROTOKOLL Ärende: Styrelsemöte Datum: 2017-09-11 Tid: 13:30-16:30
    // Plats: …": a header that a text export ran into one line opens with
    // something else, but holds two fields or more.
    if !t.contains(':') || !(LABEL.is_match(t) || INNER_LABEL.find_iter(t).nth(1).is_some()) {
        return vec![t];
    }
    // "Plats: Stationshuset. Lokal: Tågvärden": a room inside the place's
    // value stays with it.
    let place_label = |seg: &str| {
        let label = seg.split(':').next().unwrap_or("").trim().to_lowercase();
        lexicon::PLACE_FIELD_LABELS.contains(&label.as_str())
    };
    let mut out = Vec::new();
    let mut start = 0;
    for m in INNER_LABEL.find_iter(t) {
        // The label starts after the white space the match opens with, which
        // may be a no-break space of two bytes.
        let at = m.start() + t[m.start()..].chars().next().map_or(1, char::len_utf8);
        if t[at..].starts_with(char::is_uppercase)
            && at > start
            && !(place_label(&t[start..at]) && place_label(&t[at..]))
        {
            out.push(t[start..at].trim());
            start = at;
        }
    }
    out.push(t[start..].trim());
    out
}

/// "STYRELSEN FÖR ÖSTBY VÄGSAMFÄLLIGHET" → "Styrelsen för Östby
/// Vägsamfällighet": a line in capitals read as if written in the usual
/// case, since the header's readers tell names, connectors and document
/// types apart by their capitals. A word of three letters or fewer is an
/// abbreviation and keeps them ("HSB", "KTH"), unless it is a connector
/// ("FÖR", "I") or a word of dates and times ("DEN", "KL."); longer words,
/// month names too, get a capital and lower case ("9 Juni"). Any other line
/// is returned as it is.
fn decapitalised(t: &str) -> Cow<'_, str> {
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 4 || t.chars().any(char::is_lowercase) {
        return Cow::Borrowed(t);
    }
    let mut out = String::with_capacity(t.len());
    for (i, piece) in t.split_inclusive(char::is_whitespace).enumerate() {
        let word = piece.trim_end();
        let lower = word.to_lowercase();
        let bare = lower.trim_end_matches(['.', ',', ':']);
        let short = word.chars().filter(|c| c.is_alphabetic()).count() <= 3;
        if lexicon::NAME_CONNECTORS.contains(&bare)
            || lexicon::CAPITALS_FUNCTION_WORDS.contains(&bare)
        {
            if i == 0 {
                out.push_str(&capitalised(&lower));
            } else {
                out.push_str(&lower);
            }
        } else if short {
            out.push_str(word);
        } else {
            out.push_str(&capitalised(&lower));
        }
        out.push_str(&piece[word.len()..]);
    }
    Cow::Owned(out)
}

/// The header lines with each line that a letterhead or a text export laid
/// out in columns ("LUNDS KOMMUN⇥SAMMANTRÄDESPROTOKOLL⇥1 (6)", or the same
/// with gaps of spaces) split into its cells, page numbers dropped. A line
/// that starts with a field's label keeps its value beside it.
/// Lines in capitals are read [`decapitalised`].
fn header_cells(lines: &[HeaderLine]) -> Vec<HeaderLine> {
    let lines: Vec<HeaderLine> = lines
        .iter()
        .map(|l| HeaderLine {
            text: decapitalised(&l.text).into_owned(),
            ..l.clone()
        })
        .collect();
    let lines = lines.as_slice();
    let mut out = Vec::with_capacity(lines.len());
    let split: Vec<HeaderLine> = lines
        .iter()
        .flat_map(|line| {
            let labelled = place_and_time_labelled(line.text.trim());
            labelled
                .iter()
                .flat_map(|t| fields_split(t))
                .collect::<Vec<_>>()
                .into_iter()
                .map(|t| HeaderLine {
                    text: t.to_string(),
                    heading: line.heading,
                    placeholder: line.placeholder,
                })
                .collect::<Vec<_>>()
        })
        .collect();
    for line in &split {
        let t = line.text.trim();
        let columned = t.contains('\t') || t.contains("  ");
        // "Justeringens plats och tid⇥Regionhuset, 2026-03-25": a label of
        // a day after the meeting keeps its value, whose date is not the
        // meeting's.
        let after_meeting = t.split_whitespace().next().is_some_and(|f| {
            let f = f.to_lowercase();
            lexicon::AFTER_MEETING_LABEL_STEMS
                .iter()
                .any(|w| f.starts_with(w))
        });
        if !columned || after_meeting || LABEL.is_match(t) || is_label_word(t) {
            out.push(line.clone());
            continue;
        }
        for cell in CELL_GAP.split(t).map(str::trim).filter(|c| !c.is_empty()) {
            if PAGE_NUMBER.is_match(cell) {
                continue;
            }
            out.push(HeaderLine {
                text: cell.to_string(),
                heading: line.heading,
                placeholder: line.placeholder,
            });
        }
    }
    out
}

/// "Plats Restaurang Tvåkanten kl. 12.00", "Plats, Lainio kapell 230501 kl
/// 14.00": a place label set off by a space or a comma, its value holding
/// the hour, as the lines "Plats: …" (and "Datum: …" for a date written
/// ÅÅMMDD in it) the header reads. Other lines stay as they are.
fn place_and_time_labelled(t: &str) -> Vec<String> {
    let Some(c) = PLACE_THEN_TIME.captures(t) else {
        return vec![t.to_string()];
    };
    if LABEL.is_match(t) {
        return vec![t.to_string()];
    }
    let (label, value) = (&c[1], c[2].trim());
    let mut out = Vec::new();
    let mut value = value.to_string();
    let six = SIX_DIGIT_DATE
        .find(&value)
        .and_then(|m| short_year_date(m.as_str()).map(|d| (m.as_str().to_string(), d)));
    if let Some((digits, date)) = six {
        out.push(format!("Datum: {date}"));
        value = value
            .replacen(&digits, "", 1)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
    }
    out.push(format!("{label}: {value}"));
    out
}

/// A line that labels the place with a space or a comma before a value
/// holding the hour ("Plats Restaurang Tvåkanten kl. 12.00").
pub(crate) fn place_and_time_line(t: &str) -> bool {
    PLACE_THEN_TIME.is_match(t) && !LABEL.is_match(t)
}

static PLACE_THEN_TIME: LazyLock<Regex> = LazyLock::new(|| {
    let labels = lexicon::alternation(lexicon::PLACE_FIELD_LABELS);
    Regex::new(&format!(
        r"(?i)^\s*((?:{labels})(?:\s+och\s+tid)?)\s*,?\s+((?-i:\p{{Lu}})[^:]*\bkl(?:\.|ockan)?\s*\d{{1,2}}(?:[:.]\d{{2}})?.*)$"
    ))
    .expect("valid regex")
});

/// A date with a letter right after it, which a scraped page ran together.
static GLUED_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b((?:19|20)\d\d-\d\d-\d\d)(\p{L})").expect("valid regex"));

/// "230501": a date written ÅÅMMDD (this century), standing alone.
static SIX_DIGIT_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b\d{6}\b").expect("valid regex"));

/// A tab or a gap of two or more spaces between the cells of a line.
static CELL_GAP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\t+| {2,}").expect("valid regex"));
/// "1 (6)", "Sida 2 av 5", "3(12)": a page number in a letterhead.
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:sida\s+)?\d{1,3}\s*(?:\(\s*\d{1,3}\s*\)|(?:av|/)\s*\d{1,3})$")
        .expect("valid regex")
});

/// A header line that labels a field with exactly one date ("Mötesdatum:
/// 2024-02-01"): the meeting's own date, not a list of coming meetings.
pub(crate) fn dated_header_field(t: &str) -> bool {
    LABEL
        .captures(t.trim())
        .and_then(|c| c.get(2))
        .is_some_and(|v| find_dates(v.as_str(), &DateContext::default()).len() == 1)
}

/// "14-04-27", "140427", "14.04.27": a whole value that is a date with a
/// two-digit year ([`Date::full_year`]), year first as Swedish dates are; also
/// "20140427", the same date run together with its whole year.
fn short_year_date(value: &str) -> Option<Date> {
    let c = SHORT_YEAR_DATE.captures(value.trim())?;
    let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let (y, m, d) = (n(1)?, n(2)?, n(3)?);
    let year = i32::try_from(y).ok()?;
    Date::new(if y < 100 { Date::full_year(year) } else { year }, m, d)
}

static SHORT_YEAR_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{2}|(?:19|20)\d{2})[-.]?(\d{2})[-.]?(\d{2})$").expect("valid regex")
});

/// A line that opens by naming the next meeting ("Nästa möte: …", "Next
/// meeting 12 May").
fn names_next_meeting(t: &str) -> bool {
    NEXT_MEETING_LEAD.is_match(t)
}

static NEXT_MEETING_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("^(?:{})", lexicon::NEXT_MEETING_CUE)).expect("valid regex")
});

impl HeaderLines {
    /// The header's lines that name the next meeting ("Nästa möte: Sön
    /// 4/5-2014, kl 19.00"): not the meeting's own date, but a coming one.
    pub(crate) fn next_meeting_lines(&self) -> impl Iterator<Item = String> + '_ {
        self.lines
            .iter()
            .map(|l| strip_markup(&l.text))
            .filter(|t| names_next_meeting(t))
    }

    pub(crate) fn push(&mut self, p: &Paragraph, text: &str) {
        let placeholder =
            p.runs.iter().any(|r| r.style.contains(Style::PLACEHOLDER)) || is_placeholder(text);
        // "2010-09-21PROTOKOLL": a date run into the next word on a scraped
        // page.
        let text = text.trim();
        // "1 (6) Plats och tid …": the page's number in a form's letterhead
        // run into the line is none of its fields.
        let text = crate::page_of_pages(text).map_or(text, |end| &text[end..]);
        let text = GLUED_DATE.replace_all(text, "$1 $2");
        self.lines.push(HeaderLine {
            text: text.into_owned(),
            heading: matches!(p.role, Role::Heading(_) | Role::Title),
            placeholder,
        });
    }

    /// The only agenda word of the header stands alone on a line below the
    /// first ("Agenda", "Dagordning"): it may head the list of points of
    /// minutes rather than name the document.
    pub(crate) fn agenda_word_heads_a_section(&self) -> bool {
        let agenda = |t: &str| {
            let key = strip_markup(t).to_lowercase();
            document_type_word(&key).is_some_and(|(_, ty)| ty == "agenda")
        };
        let bare = |t: &str| {
            let key = strip_markup(t).trim_end_matches(':').trim().to_lowercase();
            lexicon::DOCUMENT_TYPES
                .iter()
                .any(|(w, ty)| *ty == "agenda" && key == *w)
        };
        let mut seen_bare = false;
        for (i, l) in self.lines.iter().enumerate() {
            if !agenda(&l.text) {
                continue;
            }
            if i == 0 || !bare(&l.text) {
                return false;
            }
            seen_bare = true;
        }
        seen_bare
    }

    pub(crate) fn meeting(&self) -> Meeting {
        self.meeting_in(&DateContext::default())
    }

    /// The meeting as [`Self::meeting`] reads it, with days and months
    /// written without a year placed by `ctx` ("Tid: Måndag 4 mars" in a
    /// file named "…-2024-03-04.docx").
    pub(crate) fn meeting_in(&self, ctx: &DateContext) -> Meeting {
        let mut m = Meeting::default();
        let mut dates: Vec<(Date, bool)> = Vec::new(); // (date, labelled as meeting date)
        let mut body_candidates: Vec<(String, bool)> = Vec::new();
        let mut organ: Option<String> = None;
        let mut meeting_kind: Option<String> = None;
        // A title line has named the document, the meeting and its holder.
        let mut full_title_seen = false;
        // The organisation is only the first line, taken as a last resort.
        let mut org_is_first_line = false;
        // Front matter: the post's date and title, its category a body.
        let (skip, fields) = front_matter(&self.lines);
        // A scraped page's furniture ("Skriv in din sökning här", "Start >
        // Protokoll") stands where a title would, and is none.
        let lines: Vec<HeaderLine> = label_values_joined(&self.lines)
            .into_iter()
            .filter(|l| !web_chrome(&strip_markup(&l.text)))
            .collect();
        for (k, v) in &fields {
            match k.as_str() {
                "date" => {
                    // "2017-04-24T19:00:00+02:00": the day of the timestamp.
                    let day = v.get(..10).and_then(Date::parse_iso).or_else(|| {
                        find_dates(v, &DateContext::default())
                            .first()
                            .and_then(|d| d.date)
                    });
                    if let Some(d) = day {
                        dates.push((d, true));
                    }
                }
                "title" => {
                    if let Some(tp) = title::read_title(v) {
                        meeting_kind = meeting_kind.or(tp.body);
                        m.organization = m.organization.take().or(tp.organization);
                    }
                }
                "categories" | "category" => {
                    let c = v.trim();
                    if names_body(&c.to_lowercase()) {
                        body_candidates.push((c.to_string(), true));
                    }
                }
                _ => {}
            }
        }
        // Whether a label gave the place ("Plats: …"), which a later guess
        // must not replace.
        let mut place_labelled = false;
        for (i, line) in lines.iter().enumerate().skip(skip) {
            let i = i - skip;
            let t = strip_markup(&line.text);
            if t.is_empty() {
                continue;
            }
            if line.placeholder {
                continue;
            }
            if m.location.is_none()
                && let Some(service) = service_line(&t)
            {
                m.location = Some(service.to_string());
            }
            // Labels are matched before white space is folded: a tab may be
            // their only separator ("Organ⇥Stadsstyrelsen").
            let raw = line
                .text
                .trim()
                .trim_matches(|c: char| c == '*' || c == '#' || c == '_');
            if let Some((label, value)) = field_of(raw.trim()) {
                match label.as_str() {
                    "group" | "grupp" | "organisation" | "organization" | "förening"
                    | "föreningen" | "company" | "företag" | "bolag" | "arrangör" | "värd"
                    | "organiser" | "organizer" | "host" => {
                        if m.organization.is_none() && !value.is_empty() && !is_placeholder(value) {
                            // "Region Jämtland Härjedalen, Digitaliseringsenheten":
                            // the organisation and its office.
                            if let Some((org, office)) = organisation_and_office(value) {
                                m.organization = Some(org.to_string());
                                m.department.get_or_insert_with(|| office.to_string());
                            } else {
                                m.organization = Some(without_alias(value).to_string());
                            }
                        }
                    }
                    l if lexicon::DEPARTMENT_FIELD_LABELS.contains(&l) => {
                        if m.department.is_none() && !value.is_empty() && !is_placeholder(value) {
                            m.department = Some(value.to_string());
                        }
                    }
                    // "Möte: 2024-03-12, kl. 19.00": when, not who.
                    l if lexicon::BODY_FIELD_LABELS.contains(&l)
                        && value.trim_start().starts_with(|c: char| c.is_ascii_digit()) =>
                    {
                        dates.extend(line_dates(value, ctx, true));
                        set_times(&mut m, value);
                    }
                    l if lexicon::BODY_FIELD_LABELS.contains(&l) => {
                        if !value.is_empty() && !is_placeholder(value) {
                            // "Möte: Styrelsemöte Norrby Hembygdsförening":
                            // a title as the value names the kind of
                            // meeting and who holds it.
                            match title::read_title(value) {
                                Some(tp) if tp.body.is_some() && tp.organization.is_some() => {
                                    meeting_kind = meeting_kind.or(tp.body);
                                    m.organization = m.organization.take().or(tp.organization);
                                }
                                _ => body_candidates.push((value.to_string(), true)),
                            }
                        }
                    }
                    l if lexicon::MEETING_FORM_LABELS.contains(&l) => {
                        if m.location.is_none() {
                            m.location = service_named(value).map(str::to_string);
                        }
                    }
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
                        dates.extend(line_dates(value, ctx, true));
                        set_times(&mut m, value);
                        if m.location.is_none()
                            && let Some(place) = place_beside_time(value)
                        {
                            m.location = Some(normalize_location(&place));
                        }
                    }
                    l if lexicon::PLACE_FIELD_LABELS.contains(&l) => {
                        let value = before_next_label(value).trim_end_matches('_').trim();
                        // "Folkets hus, kl 18": the time beside the place.
                        set_times(&mut m, value);
                        let place = without_dates(value);
                        let place = TRAILING_CLOCK.replace(&place, "");
                        let value = place.trim().trim_end_matches([',', ';']).trim();
                        // A place its label names wins over one a title
                        // line's words suggested ("årsstämma i …").
                        if !place_labelled && !value.is_empty() && !is_placeholder(value) {
                            m.location = Some(normalize_location(value));
                            place_labelled = true;
                        }
                    }
                    l if lexicon::END_TIME_LABELS.contains(&l) => {
                        // "Slut: 20.15": when the meeting ended.
                        if m.end_time.is_none() {
                            m.end_time = labelled_clock(value);
                        }
                    }
                    _ => {
                        let meeting_label = label.contains("möte") || label.contains("sammanträde");
                        dates.extend(line_dates(value, ctx, meeting_label));
                        // "Datum: 14-04-27", "Datum: 140427": a date with a
                        // two-digit year, under a date's own label only.
                        if (label.contains("datum") || label == "date")
                            && let Some(date) = short_year_date(value)
                        {
                            dates.push((date, true));
                        }
                        // "Tid: 18-20": whole hours under a time label.
                        if (label.contains("tid") || label == "time")
                            && value.trim().starts_with(|c: char| c.is_ascii_digit())
                            && find_dates(value, &DateContext::default()).is_empty()
                        {
                            set_times(&mut m, &format!("kl {}", value.trim()));
                        }
                        set_times(&mut m, value);
                        // "Datum: 2026-03-15, kl 18:00–19:30, klubbhuset":
                        // the place after the date and time of the value.
                        if m.location.is_none()
                            && (label.contains("datum") || label == "date")
                            && let Some(place) = place_after_time(value)
                        {
                            m.location = Some(normalize_location(&place));
                        }
                        // "Tid: 17:15": a start alone.
                        if m.start_time.is_none() && label.contains("tid")
                            || label == "time"
                            || label == "when"
                            || label == "när"
                            || label == "start"
                        {
                            m.start_time = m.start_time.take().or_else(|| {
                                labelled_clock(value).or_else(|| {
                                    let undated = without_dates(value);
                                    let c = CLOCK_IN_VALUE.captures(&undated)?;
                                    clock(c.get(0)?.as_str())
                                })
                            });
                        }
                    }
                }
                continue;
            }
            // A label without its value ("Mötesform", "Ärenden⇥1 – 9 §")
            // is never a value itself.
            if is_label_word(raw) {
                continue;
            }
            // A second title line ("Protokoll för styrelsemöte 2 juni 2014" /
            // "Protokoll fört vid styrelsemöte med Springets Båtförening …")
            // may still name who holds the meeting.
            // Further down, a line is a title only when it names both the
            // document and the meeting ("…PROTOKOLL KONSTITUERANDE
            // STYRELSEMÖTE 2010-09-21" under a scraped page's lists).
            // Such a full title outranks what lines without the document's
            // type said before it (a scraped page's "13/5 Vårmöte i klubben").
            let typed = t
                .split_whitespace()
                .any(|w| document_type_of_word(w).is_some());
            // "Protokoll från HFF’s årsmöte" over "Protokoll årsmöte
            // Höglandsskolans föräldraförening": a second title may spell
            // out the abbreviation the first named the holder by.
            let abbreviated = m
                .organization
                .as_deref()
                .filter(|o| {
                    (2..=6).contains(&o.chars().count()) && o.chars().all(char::is_uppercase)
                })
                .map(str::to_string);
            if (line.heading || i <= 2 || typed)
                && (meeting_kind.is_none()
                    || m.organization.is_none()
                    || typed && (!full_title_seen || abbreviated.is_some()))
                && let Some(tp) = title::read_title(&t)
                && let full =
                    (tp.document_type.is_some() && tp.body.is_some() && tp.organization.is_some())
                && (line.heading || i <= 2 || full)
                && (meeting_kind.is_none() || tp.organization.is_some())
            {
                if full && !full_title_seen {
                    full_title_seen = true;
                    meeting_kind = tp.body.clone().or(meeting_kind);
                    // Only a first line taken as a last resort gives way.
                    if org_is_first_line {
                        m.organization = tp.organization.clone().or(m.organization.take());
                    }
                }
                meeting_kind = meeting_kind.or(tp.body);
                if let Some(ty) = tp
                    .document_type
                    .or_else(|| document_type_word(&t.to_lowercase()).map(|(_, ty)| ty))
                {
                    m.document_type.get_or_insert_with(|| ty.to_string());
                }
                let spelled_out = abbreviated
                    .as_deref()
                    .zip(tp.organization.as_deref())
                    .is_some_and(|(short, long)| {
                        organisation_shaped(long) && short.chars().next() == long.chars().next()
                    });
                if m.organization.is_none() || spelled_out {
                    m.organization = tp.organization;
                }
                if m.department.is_none() {
                    m.department = tp.department;
                }
                set_times(&mut m, &t);
                if m.location.is_none() {
                    // "Årsmöte i församlingshemmet": the place after the kind;
                    // "… 2026-03-05 kl. 17.30, Stadsbiblioteket": after the
                    // date and the hour.
                    m.location = tp
                        .location
                        .map(|l| normalize_location(&l))
                        .or_else(|| place_in_line(&t))
                        .or_else(|| place_after_hour(&t).map(|p| normalize_location(&p)))
                        .or_else(|| video_service_within(&t, 120).map(str::to_string));
                }
                dates.extend(line_dates(&t, ctx, false));
                continue;
            }
            // "Brf Bronsyxan, 716406-9671": the association and its
            // organisation number.
            if m.organization.is_none()
                && i <= 2
                && let Some(c) = ORG_NUMBER_LINE.captures(&t)
                && let Some(org) = c.get(1)
            {
                // "Org.nr 789200-3344" alone: the number's label names no one.
                if !org_number_label(org.as_str()) {
                    m.organization = Some(org.as_str().trim().to_string());
                }
                continue;
            }
            // "Kista" / "2017-03-22": a lone place name over the date.
            if m.location.is_none()
                && i <= 1
                && t.split_whitespace().count() == 1
                && t.chars().all(|c| c.is_alphabetic() || c == '-')
                && t.chars().next().is_some_and(char::is_uppercase)
                && !bare_field_label(&t)
                && !lexicon::BODY_WORDS.iter().any(|b| key_ends(&t, b))
                && document_type_word(&t.to_lowercase()).is_none()
                && lines
                    .get(i + skip + 1)
                    .is_some_and(|n| crate::dates::date_only(&n.text))
            {
                m.location = Some(t.clone());
                continue;
            }
            // "2024-03-12 kl 18:30" / "Bygdegården, Norrby": a building
            // named on the line under the date (and hour) of a title block.
            if m.location.is_none()
                && i <= 6
                && (i + skip)
                    .checked_sub(1)
                    .and_then(|prev| lines.get(prev))
                    .is_some_and(|prev| date_and_hour_only(&strip_markup(&prev.text)))
                && t.chars().count() <= 60
                && !t.contains(':')
                && venue_named(t.split(',').next().unwrap_or(&t).trim(), false)
            {
                m.location = Some(normalize_location(&t));
                continue;
            }
            // "Hos Anna Berg", "Årsmöte i församlingshemmet": the place.
            if m.location.is_none()
                && let Some(place) = place_in_line(&t)
            {
                m.location = Some(place);
            }
            // "Digitalt möte via Zoom": a meeting held over a service.
            if m.location.is_none()
                && let Some(service) = video_service(&t)
            {
                m.location = Some(normalize_location(service));
            }
            // "Plats Klubbstugan", "Lokal Klubbstugan, Sjövägen 3": a
            // place's label without its colon, before a name.
            if m.location.is_none()
                && let Some(c) = BARE_PLACE_LABEL.captures(&t)
                && let Some(place) = c.get(1)
            {
                m.location = Some(normalize_location(place.as_str()));
                continue;
            }
            let key = t.to_lowercase();
            // "Årsmöte - Python Sverige", "Python Sverige board meeting":
            // the kind of meeting names the body, the rest the association.
            // Before the dated-line case below: such a heading often carries
            // the date ("Board meeting, 28 May 2020").
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
                dates.extend(line_dates(&t, ctx, false));
                continue;
            }
            // "STYRELSEPROTOKOLL nr 4/2023": the type fused to the kind of
            // meeting it records.
            if (line.heading || i <= 2)
                && let Some((ty, kind)) = compound_document_type(&key)
            {
                m.document_type.get_or_insert_with(|| ty.to_string());
                if meeting_kind.is_none() {
                    meeting_kind = kind;
                }
                dates.extend(line_dates(&t, ctx, false));
                set_times(&mut m, &t);
                continue;
            }
            // "Group 11 - Meeting minutes", "Styrgruppen – protokoll": the
            // name, then the document type after a dash.
            if (line.heading || i == 0)
                && let Some((name, ty)) = name_then_type(&t)
            {
                m.document_type.get_or_insert_with(|| ty.to_string());
                // "Python Sverige Annual General Meeting 2020 – Minutes":
                // the name itself names the kind and the association.
                if let Some((body, org)) = meeting_kind_heading(name) {
                    meeting_kind.get_or_insert(body);
                    if m.organization.is_none() {
                        m.organization = org;
                    }
                } else if names_body(&name.to_lowercase()) {
                    body_candidates.push((name.to_string(), true));
                } else if m.organization.is_none() {
                    m.organization = Some(name.to_string());
                }
                dates.extend(line_dates(&t, ctx, false));
                continue;
            }
            if let Some((w, ty)) = document_type_word(&key) {
                m.document_type.get_or_insert_with(|| ty.to_string());
                // "Mötesprotokoll LiTHe kod": a type and a body in one heading.
                // Before the dated-line case: such a title often carries the
                // date.
                let after = t
                    .get(w.len().min(t.len())..)
                    .unwrap_or("")
                    .trim_start_matches(':')
                    .trim();
                // "Protokoll nr 3/2023 Ekbackens hembygdsförening": the
                // minutes' number before the name.
                let after = LEADING_SEQUENCE_NUMBER
                    .find(after)
                    .map_or(after, |m| &after[m.end()..]);
                let rest = without_dates(strip_title_lead(after));
                // "Minnesanteckningar · Referensgruppen för …": a separator
                // between the type and the rest.
                let rest = rest
                    .trim_start_matches(['·', '•', '|', '-', '–', '—', ':', ' '])
                    .trim();
                // "Protokoll kommunstyrelsen 2024-03-12": the date is the
                // meeting's.
                dates.extend(line_dates(&t, ctx, false));
                set_times(&mut m, &t);
                // The title line: a heading, the first line, or one of the
                // next that opens with the type ("Myndigheten för digital
                // förvaltning" / "Minnesanteckningar referensgrupp PID").
                // Such a later line names a group, not a meeting with its
                // time and place ("Anteckningar från jaktlagsmöte … hos
                // Anna i Norrbyn").
                // "Protokoll kyrkorådet 2026-05-13, kl. 18.30–20.45,
                // Församlingshemmet": with the hour on the line, the rest up
                // to its first comma; the place follows the hour.
                let rest = if gives_hour(&t) {
                    rest.split(',').next().unwrap_or(rest).trim()
                } else {
                    rest
                };
                if m.location.is_none() {
                    m.location = place_after_hour(&t).map(|p| normalize_location(&p));
                }
                let names_a_meeting =
                    any_word_ends(&rest.to_lowercase(), lexicon::MEETING_WORD_ENDINGS);
                let opens_with_type = key.starts_with(w)
                    && i <= 2
                    && rest.split_whitespace().count() <= 4
                    && !rest.contains([',', '('])
                    && !names_a_meeting
                    && place_in_line(&t).is_none();
                // "Agenda & mötesanteckningar": what follows a joiner is a
                // second type, no name.
                // "Protokoll bifogas.": in lower case and closed by a full
                // stop, words that name neither a meeting nor a body are
                // the rest of a sentence.
                let lower_word_of_a_sentence = rest.starts_with(char::is_lowercase)
                    && rest.ends_with('.')
                    && !closes_with_legal_form(rest)
                    && !names_a_meeting
                    && !names_body(&rest.to_lowercase());
                if (line.heading || i == 0 || opens_with_type)
                    && rest.starts_with(char::is_alphanumeric)
                    && rest.chars().any(char::is_alphabetic)
                    && !rest.starts_with("nr")
                    && !lower_word_of_a_sentence
                {
                    // "Protokoll Kommunstyrelsen" names the body; "Mötesprotokoll
                    // LiTHe kod", with no council word, the association.
                    // "Minnesanteckningar referensgruppsmöte e-tjänster":
                    // a meeting in lower case names the body, not an
                    // association.
                    let names_meeting = rest.starts_with(char::is_lowercase) || names_a_meeting;
                    if !names_body(&rest.to_lowercase())
                        && !names_meeting
                        && m.organization.is_none()
                    {
                        m.organization = Some(rest.to_string());
                    } else {
                        body_candidates.push((capitalised(rest), true));
                    }
                }
                continue;
            }
            // "Justeringsdatum: 2026-03-02", "Justeringens plats och tid
            // Stadskontoret 2026-01-23", "Anslaget": a day after the meeting,
            // never its date.
            let lead = t
                .split([':', '\t'])
                .next()
                .unwrap_or("")
                .split_whitespace()
                .take(4)
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            if lexicon::AFTER_MEETING_LABEL_STEMS.iter().any(|w| {
                lead.split_whitespace()
                    .next()
                    .is_some_and(|f| f.starts_with(w))
            }) {
                continue;
            }
            // "Nästa möte: Sön 4/5-2014, kl 19.00 hos BÅL": the next
            // meeting's date and place, read with the coming meetings.
            if names_next_meeting(&t) {
                continue;
            }
            // An unlabelled line with a date and time ("2026-02-26, fysiskt möte 09:00-15:00").
            let found = find_dates(&t, ctx);
            if let Some(d) = found.first().and_then(|d| d.date)
                && t.chars().count() < 80
            {
                dates.push((d, false));
                set_times(&mut m, &t);
                if m.location.is_none() {
                    m.location = place_after_time(&t).map(|p| normalize_location(&p));
                }
                // "Kommunstyrelsens arbetsutskott, 2024-03-12": the body
                // before the date.
                if let Some(first) = found.first()
                    && let Some(head) = t.get(..first.range.start)
                {
                    let head = head.trim().trim_end_matches([',', '-', '–']).trim();
                    // "Lokala Hyresgästföreningen den 18 oktober 2018".
                    let head = head.strip_suffix(" den").unwrap_or(head).trim_end();
                    // "Nr 4 Kommunala ungdomsrådet 2017-09-11": the
                    // minutes' number before the body.
                    let head = match LEADING_SEQUENCE_NUMBER.find(head) {
                        Some(n) => &head[n.end()..],
                        None => head,
                    };
                    if head.starts_with(char::is_uppercase)
                        && (1..=6).contains(&head.split_whitespace().count())
                        && names_body(&head.to_lowercase())
                    {
                        body_candidates.push((head.to_string(), false));
                    } else if m.organization.is_none() && i <= 3 && organisation_shaped(head) {
                        // "Borås Skytteförening 2020-03-04": the
                        // organisation before the date.
                        m.organization = Some(head.to_string());
                    }
                }
                continue;
            }
            if m.start_time.is_none() && find_time_range(&t).is_some() && t.chars().count() < 80 {
                set_times(&mut m, &t);
                continue;
            }
            // "Klockan 19.00", "Tid 18:00": a short line of the time alone,
            // its label without a colon.
            if m.start_time.is_none() && t.chars().count() < 40 {
                let bare = TIME_WORD_LEAD.replace(&t, "kl $1");
                if START_TIME.find(&bare).is_some_and(|c| c.start() == 0) {
                    set_times(&mut m, &bare);
                    continue;
                }
            }
            // "Uppsala Student Union – Board of Directors": the organisation,
            // then its group (a name with its abbreviation may run past
            // the eight words a header line has below).
            if m.organization.is_none()
                && i <= 3
                && let Some((org, group)) = organisation_then_group(&t)
            {
                m.organization = Some(org.to_string());
                body_candidates.push((group.to_string(), false));
                continue;
            }
            let words = t.split_whitespace().count();
            // A full stop ends a sentence, not the period of a legal form
            // ("Ekenäs Schackklubb r.f.").
            if words == 0 || words > 8 || t.ends_with('.') && !closes_with_legal_form(&t) {
                continue;
            }
            // "Nätverket för kvalitetsutvecklare, Region Kronoberg": a group
            // and its organisation.
            if m.organization.is_none()
                && i <= 3
                && let Some((org, group)) = group_and_organisation(&t)
            {
                m.organization = Some(org.to_string());
                if let Some(group) = group {
                    body_candidates.push((group.to_string(), false));
                }
                continue;
            }
            // "Region Jämtland Härjedalen, Digitaliseringsenheten",
            // "Socialförvaltningen, Kungsbacka kommun": the organisation and
            // an office under it on one line, in either order.
            if m.organization.is_none()
                && i <= 3
                && let Some((org, office)) = organisation_and_office(&t)
            {
                m.organization = Some(org.to_string());
                m.department.get_or_insert_with(|| office.to_string());
                continue;
            }
            // "IF Nordstjärnan – Fotboll och innebandy", "Ridklubben Hästen –
            // Lidköping", "Riksbyggen Brf Ekbacken nr 2, Örebro": the
            // organisation before what it does or where it is.
            if m.organization.is_none()
                && i <= 3
                && let Some(org) = organisation_before_descriptor(&t)
            {
                m.organization = Some(org.to_string());
                continue;
            }
            // "Protokoll Vägföreningens årsmöte" / "Norrby Ekeby
            // samfällighetsförening": an organisation named on its own line
            // under a title that only called it by its kind.
            let generic = m.organization.as_deref().is_some_and(generic_organisation);
            if (m.organization.is_none() || generic)
                && i <= 3
                && organisation_shaped(&t)
                && !generic_organisation(&t)
            {
                m.organization = Some(t.clone());
                continue;
            }
            if m.department.is_none() && any_word_ends(&key, lexicon::DEPARTMENT_WORDS) {
                // "IT-avdelningen – veckomöte v. 10", "Veckomöte –
                // Kommunikationsavdelningen": the office is the part of the
                // line that names it.
                let office = split_at_dash(&t)
                    .and_then(|(a, b)| {
                        let names = |x: &str| {
                            x.starts_with(char::is_uppercase)
                                && ends_with_any(&x.to_lowercase(), lexicon::DEPARTMENT_WORDS)
                        };
                        match (names(a.trim()), names(b.trim())) {
                            (true, false) => Some(a.trim()),
                            (false, true) => Some(b.trim()),
                            _ => None,
                        }
                    })
                    .unwrap_or(&t);
                m.department = Some(office.to_string());
                continue;
            }
            // "Möte med kund", "Retrospektivemöte 3": a line naming a meeting.
            let names_meeting = words <= 5
                && key
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| w.ends_with("möte"));
            if names_body(&key) || line.heading || names_meeting {
                // "Svenska Brukshundklubbens utskott för prov och tävling":
                // the organisation, then its body.
                if let Some((owner, body)) = title::owner_then_body(&t) {
                    if m.organization.is_none() {
                        m.organization = Some(owner.to_string());
                    }
                    body_candidates.push((capitalised(body), line.heading));
                    continue;
                }
                body_candidates.push((t.clone(), line.heading));
                continue;
            }
            // The first line, as a last resort: a name, not a web page's
            // link ("tillbaka") or a list heading ("Kommande tävlingar").
            if m.organization.is_none()
                && i == 0
                && words <= 5
                && t.starts_with(char::is_uppercase)
                && !key
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| lexicon::COMING_WORDS.contains(&w))
            {
                m.organization = Some(t.clone());
                org_is_first_line = true;
            }
        }
        // The body: a heading naming a council wins over a plain line.
        let body = body_candidates
            .iter()
            .find(|(t, h)| *h && names_body(&t.to_lowercase()))
            .or_else(|| {
                body_candidates
                    .iter()
                    .find(|(t, _)| names_body(&t.to_lowercase()))
            })
            .or_else(|| body_candidates.first());
        // "Minnesanteckningar referensgruppsmöte" over "Referensgruppen för
        // digitala nationella prov": the line that names the group of that
        // kind in full is the body, not the kind alone.
        let meeting_kind = meeting_kind.map(|kind| {
            let stem = kind.to_lowercase();
            body_candidates
                .iter()
                .map(|(t, _)| t)
                .find(|t| {
                    t.to_lowercase().starts_with(&stem)
                        && t.split_whitespace().count() >= 3
                        && !t.contains(':')
                })
                .map(|t| capitalised(&without_sequence_number(t)))
                .unwrap_or(kind)
        });
        m.body = organ
            .or(meeting_kind)
            // A council is a name: "Protokoll kommunstyrelsen" → "Kommunstyrelsen".
            .or_else(|| {
                body.map(|(t, _)| {
                    // "Sammanträde med socialnämnden" → "Socialnämnden"; "Möte
                    // med kund" names no council and stays whole.
                    let held_with = strip_meeting_lead(t);
                    let t = if names_body(&held_with.to_lowercase()) {
                        held_with
                    } else {
                        t.as_str()
                    };
                    definite_council(&capitalised(&without_sequence_number(t)))
                })
            });
        holder_from_body(&mut m);
        // "Styrelsemöte 20-06-15": with no other date, one of two-digit
        // year in the title lines.
        if dates.is_empty() {
            dates.extend(
                lines
                    .iter()
                    .skip(skip)
                    .take(4)
                    .filter_map(|l| dashed_short_year_dates(&strip_markup(&l.text)).next())
                    .map(|(_, d)| (d, false))
                    .take(1),
            );
        }
        // "Härmed kallas medlemmarna till årsmöte lördagen den 23 februari
        // 2013 kl. 13.00 i Folkets hus": with no date of its own, the header
        // gives the day in a sentence, with the hour beside it.
        if dates.is_empty() {
            for line in lines.iter().skip(skip) {
                let t = strip_markup(&line.text);
                if t.chars().count() > 300 || !START_TIME.is_match(&t) {
                    continue;
                }
                if let Some(d) = find_dates(&t, ctx).into_iter().find_map(|d| d.date) {
                    dates.push((d, false));
                    set_times(&mut m, &t);
                    if m.location.is_none() {
                        m.location = place_in_line(&t);
                    }
                    break;
                }
            }
        }
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
        m.body = m
            .body
            .map(|b| group_of_meeting_compound(TRAILING_MONTH_OR_DATE.replace(&b, "").trim()));
        // A name or a body runs to a few words, a place with its address
        // and room to a few more: a longer value is a line that a text
        // export ran on (a title, an attendance list and the first item in
        // one), no name.
        for (field, most) in [
            (&mut m.organization, 100),
            (&mut m.department, 100),
            (&mut m.body, 100),
            (&mut m.location, 160),
        ] {
            if field.as_ref().is_some_and(|v| v.chars().count() > most) {
                *field = None;
            }
        }
        // "ÅNGE KOMMUN ANSLAG/BEVIS": a municipal protocol's section label
        // after the organisation on its page's head.
        if let Some(org) = m.organization.as_mut() {
            let lower = org.to_lowercase();
            if let Some(label) = lexicon::SECTION_LABELS_AFTER_ORGANISATION
                .iter()
                .find(|l| lower.ends_with(*l))
                && let Some(name) = org.get(..org.len() - label.len())
                && organisation_shaped(name.trim())
            {
                *org = name.trim().to_string();
            }
        }
        // "Styrelsemöte Norrby Fältrittklubb" (a title that named its kind
        // twice): the kind of meeting is no part of the organisation's
        // name.
        if let Some(org) = m.organization.as_mut()
            && let Some((first, rest)) = org.split_once(' ')
            && lexicon::MEETING_KINDS
                .iter()
                .any(|(k, _)| *k == first.to_lowercase())
            && organisation_shaped(rest.trim())
        {
            *org = rest.trim().to_string();
        }
        // A name read from a line in capitals is given as printed
        // ("KUNGSBACKA KOMMUN", not "Kungsbacka Kommun").
        let printed = PrintedLines::of(&self.lines);
        for field in [&mut m.organization, &mut m.department, &mut m.location] {
            if let Some(v) = field.as_mut() {
                printed.restore(v);
            }
        }
        // A body is a kind as much as a name ("Årsmöte", "Styrelsen"): from
        // a line in capitals it is written with one capital, abbreviations
        // kept ("KOMMUNSTYRELSENS AU" → "Kommunstyrelsens AU").
        if let Some(body) = m.body.as_mut() {
            let mut as_printed = body.clone();
            printed.restore(&mut as_printed);
            if as_printed != *body {
                *body = body
                    .split(' ')
                    .enumerate()
                    .map(|(i, w)| {
                        if i > 0 && w.chars().count() > 3 {
                            w.to_lowercase()
                        } else {
                            w.to_string()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
            }
        }
        m
    }
}

/// The header's lines as [`decapitalised`] read them, each decapitalised
/// once: those it changed (in capitals) beside their print, the rest as
/// written.
struct PrintedLines<'a> {
    /// (as read, as printed), where reading changed the case but no length
    /// (the offsets of one are the other's).
    capitals: Vec<(String, &'a str)>,
    /// Lines in the usual case.
    usual: Vec<&'a str>,
}

impl<'a> PrintedLines<'a> {
    fn of(lines: &'a [HeaderLine]) -> PrintedLines<'a> {
        let mut printed = PrintedLines {
            capitals: Vec::new(),
            usual: Vec::new(),
        };
        for l in lines {
            match decapitalised(&l.text) {
                Cow::Borrowed(_) => printed.usual.push(&l.text),
                Cow::Owned(read) if read.len() == l.text.len() => {
                    printed.capitals.push((read, &l.text));
                }
                Cow::Owned(_) => {}
            }
        }
        printed
    }

    /// `value`, read from a line in capitals, as that line prints it.
    fn restore(&self, value: &mut String) {
        // Written so in a line of the usual case: it stays.
        if self.capitals.is_empty() || self.usual.iter().any(|l| l.contains(value.as_str())) {
            return;
        }
        let word_edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        for (read, print) in &self.capitals {
            // Whole words only ("STADSHUSET", not a part of "STADSHUSETS").
            let found = read.match_indices(value.as_str()).find(|(at, _)| {
                word_edge(read[..*at].chars().next_back())
                    && word_edge(read[at + value.len()..].chars().next())
            });
            if let Some((at, _)) = found
                && let Some(printed) = print.get(at..at + value.len())
            {
                *value = printed.to_string();
                return;
            }
        }
    }
}

/// "Ledarmöte – Scoutkåren Tranan", "Styrelsen, Ekbackens vägförening": a
/// body that also names who holds the meeting, after a dash or a comma,
/// when no organisation is known yet; the holder is the organisation. Read
/// where the header's body is settled (before the text is searched for an
/// organisation) and again where the structure settles it.
/// "Department of Biology, Lund University" as the organisation: the
/// organisation and the office under it, apart, when no office is known.
pub(crate) fn office_from_organisation(m: &mut Meeting) {
    if m.department.is_none()
        && let Some((org, office)) = m.organization.as_deref().and_then(organisation_and_office)
    {
        let (org, office) = (org.to_string(), office.to_string());
        m.organization = Some(org);
        m.department = Some(office);
    }
}

pub(crate) fn holder_from_body(m: &mut Meeting) {
    if m.organization.is_none()
        && let Some((body, org)) = m
            .body
            .as_deref()
            .and_then(|b| body_then_organisation(b).or_else(|| organisation_then_body(b)))
    {
        m.organization = Some(org);
        m.body = Some(body);
    }
}

/// "Veckomöte Ekonomi – Nordvik Logistik AB" → ("Veckomöte Ekonomi",
/// "Nordvik Logistik AB"): a body and, after a dash or the last comma, a
/// name in an organisation's words. `None` when the part after names no
/// organisation or the part before would be left empty.
fn body_then_organisation(line: &str) -> Option<(String, String)> {
    // "Styrelsen Ekbackens Pensionärsförening": a body in one word, then
    // the association's name.
    let word_then_name = || {
        let (word, rest) = line.trim().split_once(' ')?;
        lexicon::BODY_WORDS
            .contains(&word.to_lowercase().as_str())
            .then_some((word, rest))
    };
    // "Norrby Schackklubb styrelse": the association's name, then its
    // board in lower case.
    if let Some((name, board)) = line.trim().rsplit_once(' ')
        && lexicon::BOARD_WORDS.contains(&board)
        && title::organisation_named(name.trim())
        && name.starts_with(char::is_uppercase)
    {
        return Some(("Styrelsen".to_string(), name.trim().to_string()));
    }
    let (body, org) = split_at_dash(line)
        .or_else(|| line.rsplit_once(", "))
        .or_else(word_then_name)?;
    let (body, org) = (body.trim(), org.trim());
    (!body.is_empty()
        && org.starts_with(char::is_uppercase)
        && title::organisation_named(org)
        && !title::organisation_named(body))
    .then(|| (body.to_string(), org.to_string()))
}

/// "styrelsen", "Kyrkorådet", "valberedningen": a body's name in at most
/// three words, the last a body's word (lexicon BODY_WORDS) or its
/// definite form.
fn body_named(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    let Some(last) = words.last() else {
        return false;
    };
    let last = last.to_lowercase();
    words.len() <= 3
        && lexicon::BODY_WORDS
            .iter()
            .any(|b| last.ends_with(b) || last.strip_suffix("en").is_some_and(|s| s.ends_with(b)))
}

/// "Norrby IF, styrelsen", "Norrby Hembygdsförening / Styrelsen",
/// "Valberedningen i Norrby IF": who holds the meeting and its body in the
/// orders [`body_then_organisation`] does not read, as (body, organisation).
fn organisation_then_body(line: &str) -> Option<(String, String)> {
    let line = line.trim();
    let parted = line
        .split_once(", ")
        .or_else(|| line.split_once(" / "))
        .or_else(|| split_at_dash(line));
    if let Some((org, body)) = parted
        && body_named(body.trim())
        && !body_named(org.trim())
        && title::organisation_named(org.trim())
    {
        return Some((capitalised(body.trim()), org.trim().to_string()));
    }
    // "Valberedningen i Norrby IF", "Kyrkorådet för Norrby församling".
    let (body, rest) = line.split_once(' ')?;
    let org = ["i ", "för ", "inom "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .unwrap_or(rest)
        .trim();
    (body.starts_with(char::is_uppercase)
        && body_named(body)
        && org.starts_with(char::is_uppercase)
        && title::organisation_named(org))
    .then(|| (body.to_string(), org.to_string()))
}

/// The dates a header line gives, each marked whether a label gave it as
/// the meeting's (`labelled`).
fn line_dates(t: &str, ctx: &DateContext, labelled: bool) -> impl Iterator<Item = (Date, bool)> {
    find_dates(t, ctx)
        .into_iter()
        .filter_map(|d| d.date)
        .map(move |d| (d, labelled))
}

fn key_ends(t: &str, ending: &str) -> bool {
    t.to_lowercase().ends_with(ending)
}

/// "Org.nr", "Org. nr:", "Organisationsnummer": the label of an
/// organisation number.
fn org_number_label(t: &str) -> bool {
    let key: String = t
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    key == "orgnr" || key == "organisationsnummer" || key == "organisationsnr"
}

static ORG_NUMBER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\p{Lu}[^,]{1,60}?),?\s+(?:org\.?\s*nr\.?:?\s*)?\d{6}-\d{4}$")
        .expect("valid regex")
});
/// A place in a header line: "hos" and a name of at most 61 characters,
/// a place after a meeting word, or after a clock time ("kl 18 i
/// Folkets hus", a name of at most 41 characters). The limits are checked
/// by [`place_captures`] rather than written as bounded repetitions here
/// ([`PLACE_IN_LINE_BOUNDED`]), which compiled sixty and forty copies of
/// their classes (the Unicode letters, case-folded) in every process.
static PLACE_IN_LINE: LazyLock<Regex> = LazyLock::new(|| {
    // The place after the hour ends at a comma, a full stop or the line's
    // end, which need no word boundary after them.
    Regex::new(r"(?i)^(?:hos\s+(\p{Lu}.+)\b|.*\b(?:möte|årsmöte|sammanträde|stämma|årsstämma|föreningsstämma|medlemsmöte|styrelsemöte)\s+(?:i|på)\s+((?-i:\p{Ll})\p{L}+(?:et|en|an|on|un|na))\b|.*\b(?:kl\.?|klockan)\s*\d{1,2}(?:[:.]\d{2})?(?:\s*[-–]\s*\d{1,2}(?:[:.]\d{2})?)?,?\s+(?:i|på)\s+((?-i:\p{Ll})\p{L}+(?:et|en|an|on|un|na)\b|(?-i:\p{Lu})[\p{L}\- ]+?)\s*(?:[,.]|$))")
        .expect("valid regex")
});
/// [`PLACE_IN_LINE`] with its limits written in: used only for a line
/// where the unlimited pattern's match exceeds them.
static PLACE_IN_LINE_BOUNDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:hos\s+(\p{Lu}.{1,60})\b|.*\b(?:möte|årsmöte|sammanträde|stämma|årsstämma|föreningsstämma|medlemsmöte|styrelsemöte)\s+(?:i|på)\s+((?-i:\p{Ll})\p{L}+(?:et|en|an|on|un|na))\b|.*\b(?:kl\.?|klockan)\s*\d{1,2}(?:[:.]\d{2})?(?:\s*[-–]\s*\d{1,2}(?:[:.]\d{2})?)?,?\s+(?:i|på)\s+((?-i:\p{Ll})\p{L}+(?:et|en|an|on|un|na)\b|(?-i:\p{Lu})[\p{L}\- ]{1,40}?)\s*(?:[,.]|$))")
        .expect("valid regex")
});

/// The place pattern's captures on `t`, as [`PLACE_IN_LINE_BOUNDED`] gives
/// them. Every match of the bounded pattern is one of the unlimited
/// pattern's, in the same order of preference, so when the unlimited
/// pattern's match keeps within the limits it is the bounded pattern's
/// match too; when it does not, the bounded pattern decides.
fn place_captures(t: &str) -> Option<regex::Captures<'_>> {
    let c = PLACE_IN_LINE.captures(t)?;
    let longer = |group: usize, max: usize| {
        c.get(group)
            .is_some_and(|m| m.as_str().chars().count() > max)
    };
    if longer(1, 61) || longer(3, 41) {
        return PLACE_IN_LINE_BOUNDED.captures(t);
    }
    Some(c)
}

/// "Hos Anna Berg" → "Anna Berg"; "Årsmöte i församlingshemmet" →
/// "församlingshemmet": a place named in a header line.
fn place_in_line(t: &str) -> Option<String> {
    let lower = t.to_lowercase();
    if !(lower.starts_with("hos ") || lower.contains(" i ") || lower.contains(" på ")) {
        return None;
    }
    let c = place_captures(t)?;
    let found = c.get(1).or(c.get(2)).or(c.get(3))?;
    let place = found
        .as_str()
        .trim()
        .trim_end_matches(['.', ','])
        .to_string();
    // "… kl. 19.00 i Ekbackens fritidslokal, Ekbacksvägen 22": the street
    // address after the place's comma is part of it.
    let place = match t.get(found.end()..).and_then(address_after) {
        Some(address) => format!("{place}, {address}"),
        None => place,
    };
    // "Möte i nätverket", "möte i styrelsen": a group met, not a place.
    let key = place.to_lowercase();
    let group = lexicon::BODY_WORDS.iter().any(|b| key.ends_with(b))
        || lexicon::ORGANIZATION_HEADS.iter().any(|h| key.ends_with(h));
    (!group).then_some(place)
}

/// ", Klarabergsviadukten 63, Stockholm." after a place: a street and its
/// number ([`title::street_and_number`]), and the town after it when the
/// sentence ends there.
fn address_after(rest: &str) -> Option<&str> {
    let c = ADDRESS_AFTER.captures(rest)?;
    let street = c.name("street")?;
    if !title::street_and_number(street.as_str()) {
        return None;
    }
    let end = c.name("town").map_or(street.end(), |m| m.end());
    Some(rest[street.start()..end].trim())
}

static ADDRESS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*,\s*(?P<street>\p{Lu}[\p{L}-]+\s+\d{1,4}(?:\s?[A-Za-z]\b)?)(?:\s*,\s*(?P<town>\p{Lu}\p{L}+)\s*(?:\.|$))?")
        .expect("valid regex")
});

/// "Nätverksträff folkhälsa, Kalmar län" → "Nätverk folkhälsa, Kalmar
/// län", "Referensgruppsmöte för PID" → "Referensgrupp för PID": a group's
/// meeting named by the group and the meeting word in one, with what the
/// group is for after it, names the group (lexicon GROUP_MEETING_STEMS).
fn group_of_meeting_compound(body: &str) -> String {
    let Some((first, rest)) = body.split_once(' ') else {
        return body.to_string();
    };
    // "Kommunstyrelsens sammanträde": the body in the genitive before its
    // meeting is the body.
    if ["sammanträde", "sammanträdet", "möte", "mötet"].contains(&rest.to_lowercase().as_str())
        && let Some(owner) = first.strip_suffix('s')
        && names_body(&owner.to_lowercase())
    {
        return owner.to_string();
    }
    let lower = first.to_lowercase();
    for ending in ["sträff", "smöte", "träff", "möte"] {
        if let Some(stem) = lower.strip_suffix(ending)
            && stem.chars().count() >= 4
            && lexicon::GROUP_MEETING_STEMS
                .iter()
                .any(|g| stem.ends_with(g))
        {
            let kept: String = first.chars().take(stem.chars().count()).collect();
            return format!("{kept} {rest}");
        }
    }
    body.to_string()
}

/// "Elevråd 2017-03", "Hjortjakts möte 22,9 2019": a month or a date the
/// date reader does not take, left at the end of a body's name.
static TRAILING_MONTH_OR_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\s+(?:(?:19|20)\d{2}-(?:0[1-9]|1[0-2])|\d{1,2}[,.]\d{1,2}[,.]?\s*(?:19|20)\d{2})\s*$",
    )
    .expect("valid regex")
});

/// "Retrospektivemöte 3": the body without the meeting's sequence number.
fn without_sequence_number(t: &str) -> String {
    match t.rsplit_once(' ') {
        // "Group 11", "Grupp 7": the number names the group.
        Some((head, n))
            if n.len() <= 3
                && n.chars().all(|c| c.is_ascii_digit())
                && head.chars().any(char::is_alphabetic)
                && !any_word_ends(&head.to_lowercase(), &["group", "grupp", "gruppen", "team"]) =>
        {
            head.trim().to_string()
        }
        _ => t.to_string(),
    }
}

/// "för IT-Gården" → "IT-Gården": the words that lead from a document type
/// to what it records.
fn strip_title_lead(rest: &str) -> &str {
    // "Anteckningar – Styrgruppsmöte 3": a dash between type and title.
    let rest = rest.trim_start_matches(['-', '–', '—', ':', ' ']);
    let lower = rest.to_lowercase();
    let mut out = rest;
    for lead in lexicon::TITLE_LEADS {
        if let Some(after) = lower.strip_prefix(lead)
            && after.starts_with(' ')
        {
            out = rest.get(lead.len()..).unwrap_or(rest).trim();
            break;
        }
    }
    strip_meeting_lead(out)
}

/// "möte med samverkansgruppen" → "samverkansgruppen", "sammanträde med
/// kommunstyrelsens arbetsutskott" → "kommunstyrelsens arbetsutskott": a
/// plain word for a meeting before whom it was held with.
fn strip_meeting_lead(rest: &str) -> &str {
    match MEETING_LEAD.find(rest) {
        Some(m) if rest[m.end()..].chars().any(char::is_alphabetic) => rest[m.end()..].trim(),
        _ => rest,
    }
}

static MEETING_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:möte|mötet|sammanträde|sammanträdet|meeting)\s+(?:med|i|hos|with|of)\s+")
        .expect("valid regex")
});

/// A line that is only a label ("Mötesform", "Mötesform:"), or a label
/// word with its value in the next cell ("Ärenden⇥1 – 9 §").
fn is_label_word(raw: &str) -> bool {
    let head = raw.split(['\t', ':']).next().unwrap_or(raw);
    let key = head.trim().trim_end_matches(':').trim().to_lowercase();
    lexicon::HEADER_LABEL_WORDS.contains(&key.as_str())
}

/// "Stadshuset, Topeliusesplanaden 7 och som e-möte Ärenden⇥1 – 9 §": a
/// value that runs into the next label ends before it.
fn before_next_label(value: &str) -> &str {
    match value.split_once('\t') {
        Some((head, _)) => match head.trim_end().rsplit_once(' ') {
            Some((kept, _)) => kept.trim_end(),
            None => head,
        },
        None => value,
    }
}

/// `key = "value"` (TOML) or `key: value` (YAML) fields of the front
/// matter between "+++" or "---" lines at the top of a markdown post; a
/// reader may have joined its lines into one.
fn front_matter(lines: &[HeaderLine]) -> (usize, Vec<(String, String)>) {
    let Some(first) = lines.first() else {
        return (0, Vec::new());
    };
    let delim = first.text.trim();
    if delim != "+++" && delim != "---" {
        return (0, Vec::new());
    }
    let Some(close) = lines.iter().skip(1).position(|l| l.text.trim() == delim) else {
        return (0, Vec::new());
    };
    let mut out = Vec::new();
    for l in &lines[1..=close] {
        let t = l.text.trim();
        let toml: Vec<(String, String)> = TOML_FIELD
            .captures_iter(t)
            .filter_map(|c| {
                let k = c.get(1)?.as_str().to_lowercase();
                let v = c.get(2).or(c.get(3)).or(c.get(4))?.as_str();
                Some((k, v.trim().trim_matches(['"', ' ']).to_string()))
            })
            .collect();
        if !toml.is_empty() {
            out.extend(toml);
        } else if let Some((k, v)) = t.split_once(": ") {
            out.push((
                k.trim().to_lowercase(),
                v.trim().trim_matches(['"', '\'']).to_string(),
            ));
        }
    }
    (close + 2, out)
}

static TOML_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(\w+)\s*=\s*(?:"([^"]*)"|\[([^\]]*)\]|(\S+))"#).expect("valid regex")
});

static START_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        // "kl 18.30", "kl. 18.30", "kl:19.00".
        r"(?i)\b(?:kl[.:]?|klockan)\s*(\d{1,2})(?:[:.](\d{2}))?\b(?:\s*[-–]\s*(\d{1,2})(?:[:.](\d{2}))?\b)?",
    )
    .expect("valid regex")
});
/// "kl 0900-1530", "kl. 1900": a clock time of four digits without its
/// stop, as START_TIME's groups.
static START_TIME_DIGITS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:kl[.:]?|klockan)\s*([01]\d|2[0-3])([0-5]\d)\b(?:\s*[-–]\s*([01]\d|2[0-3])([0-5]\d)\b)?",
    )
    .expect("valid regex")
});
/// A place's label without its colon before a name ("Plats Klubbstugan").
static BARE_PLACE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:plats|lokal|mötesplats|möteslokal)\s+(\p{Lu}[^:]{1,60})$")
        .expect("valid regex")
});
/// A time's label without its colon before a clock time ("Tid 18:00").
static TIME_WORD_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:tid|tidpunkt|mötestid|time|klockan)\s*:?\s+(?:kl\.?\s*)?(\d{1,2}[:.]\d{2})",
    )
    .expect("valid regex")
});
/// "18.00", ", 19:30": a clock time opening what follows a full date, on
/// the same line, and closing it or followed by a range's dash, a comma or
/// a place.
static TIME_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[ \t]*,?[ \t]+(\d{1,2}[:.]\d{2})(?:[ \t]*$|[ \t]*[-–,]|[ \t]+(?i:till|i|på|hos|via)\b)",
    )
    .expect("valid regex")
});
/// A clock time closing a place's value ("Folkets hus, kl 18").
static TRAILING_CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[,\s]*\b(?:kl\.?|klockan)\s*\d{1,2}(?:[:.]\d{2})?(?:\s*[-–]\s*\d{1,2}(?:[:.]\d{2})?)?\s*$")
        .expect("valid regex")
});
/// A time of day alone in a time label's value ("When: Tuesday 10 March
/// 2020, 18:00"), its date taken out.
static CLOCK_IN_VALUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})[:.](\d{2})\b").expect("valid regex"));

/// "13.00-14.30, ajournering 14.30-14.45, 14.45-16.15": a sitting broken
/// by breaks ends where its last range ends, each range starting no earlier
/// than the one before ended and following it closely. A range a break's
/// word introduces ([`lexicon::SITTING_BREAK_WORDS`]) is the break, not
/// the sitting: "därefter fika 15.00-15.30" after the last range leaves the
/// end as it was.
fn last_end_of_sittings(
    text: &str,
    mut from: usize,
    mut end: crate::dates::Time,
) -> crate::dates::Time {
    let mut last = end;
    while let Some(rest) = text.get(from..)
        && let Some((r, a, b)) = find_time_range(rest)
        && r.start <= 40
        && a >= last
        && b > a
    {
        let between = rest.get(..r.start).unwrap_or("").to_lowercase();
        let a_break = between.split(|c: char| !c.is_alphabetic()).any(|w| {
            lexicon::SITTING_BREAK_WORDS
                .iter()
                .any(|k| w.starts_with(k))
        });
        if !a_break {
            end = b;
        }
        last = b;
        from += r.end;
    }
    end
}

fn set_times(m: &mut Meeting, text: &str) {
    if m.start_time.is_some() {
        return;
    }
    if let Some((r, a, b)) = find_time_range(text) {
        m.start_time = Some(a.to_string());
        m.end_time = Some(last_end_of_sittings(text, r.end, b).to_string());
    } else if let Some(c) = START_TIME
        .captures(text)
        .or_else(|| START_TIME_DIGITS.captures(text))
    {
        // "26.09.2022 kl. 16:30": a start without an end.
        let h: u32 = c.get(1).and_then(|x| x.as_str().parse().ok()).unwrap_or(99);
        // "kl 18": a whole hour.
        let min: u32 = c
            .get(2)
            .map_or(Some(0), |x| x.as_str().parse().ok())
            .unwrap_or(99);
        if h < 24 && min < 60 {
            m.start_time = Some(format!("{h:02}:{min:02}"));
            // "kl. 9.30-12": an end in whole hours after the start.
            let end_h: Option<u32> = c.get(3).and_then(|x| x.as_str().parse().ok());
            let end_min: u32 = c
                .get(4)
                .map_or(Some(0), |x| x.as_str().parse().ok())
                .unwrap_or(99);
            if let Some(eh) = end_h
                && eh < 24
                && end_min < 60
                && (eh, end_min) > (h, min)
            {
                m.end_time = Some(format!("{eh:02}:{end_min:02}"));
            }
        }
    } else {
        // "2023-05-01 18.00", "1 maj 2023, 19:30": right after a full date,
        // a clock time without "kl.".
        m.start_time = find_dates(text, &DateContext::default())
            .into_iter()
            .filter(|d| d.precision == crate::dates::Precision::Full)
            .find_map(|d| {
                let after = text.get(d.range.end..)?;
                let line = after.lines().next().unwrap_or("");
                clock(TIME_OPENING.captures(line)?.get(1)?.as_str())
            });
    }
}

fn strip_markup(t: &str) -> String {
    let t = t
        .trim()
        .trim_matches(|c: char| c == '*' || c == '#' || c == '_')
        .trim();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A name closed by a legal form that ends in a period ("Hammarby
/// Bygdegårdsförening ek. för.", "Ekenäs Schackklubb r.f."): that full stop
/// ends no sentence.
fn closes_with_legal_form(t: &str) -> bool {
    let lower = t.to_lowercase();
    lexicon::LEGAL_FORM_SUFFIXES
        .iter()
        .any(|f| f.ends_with('.') && lower.ends_with(f))
}

pub(crate) fn is_placeholder(t: &str) -> bool {
    let l = t.to_lowercase();
    lexicon::PLACEHOLDERS.iter().any(|p| l.contains(p))
}

/// The last word of `key` (lower case) ends with one of `words`.
fn ends_with_any(key: &str, words: &[&str]) -> bool {
    key.split_whitespace()
        .last()
        .is_some_and(|w| words.iter().any(|s| w.ends_with(s)))
}

/// A line (lower case) with a word naming a body ("styrelsen",
/// "arbetsutskott"); an agency named as a board ("Socialstyrelsen") is none.
pub(crate) fn names_body(key: &str) -> bool {
    key.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        lexicon::BODY_WORDS.iter().any(|s| w.ends_with(s))
            && !lexicon::AGENCIES_NAMED_AS_BOARDS.contains(&w)
    })
}

fn any_word_ends(key: &str, words: &[&str]) -> bool {
    key.split_whitespace().any(|w| {
        words
            .iter()
            .any(|s| w.trim_matches(|c: char| !c.is_alphanumeric()).ends_with(s))
    })
}

/// The type one word names on its own ("Protokoll" → "minutes"), in any
/// case.
fn document_type_of_word(word: &str) -> Option<&'static str> {
    let w = word.to_lowercase();
    lexicon::DOCUMENT_TYPES
        .iter()
        .find(|(d, _)| *d == w)
        .map(|(_, ty)| *ty)
}

/// The document type a line (lower case) starts with: ("protokoll",
/// "minutes") for "protokoll styrelsemöte".
fn document_type_word(key: &str) -> Option<(&'static str, &'static str)> {
    lexicon::DOCUMENT_TYPES
        .iter()
        // "Protokoll styrelsen", "Mötesanteckningar: Samverkansplattform ÖP".
        .find(|(w, _)| {
            key == *w
                || key.strip_prefix(w).is_some_and(|r| {
                    r.starts_with(' ') || r.starts_with(": ") || r.starts_with(", ")
                })
        })
        .copied()
}

/// The text with its first letter in upper case.
fn capitalised(t: &str) -> String {
    let mut c = t.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// "Styrelsemöte 20-06-15", "Protokoll 200615", "Styrelsemöte 20200615":
/// dates written with dashes and a two-digit year, or as one run of
/// digits, which the dates module leaves alone (they read as spans of
/// numbers or as numbers in running text) but a header line gives as the
/// meeting's.
fn dashed_short_year_dates(
    line: &str,
) -> impl Iterator<Item = (std::ops::Range<usize>, Date)> + '_ {
    DASHED_SHORT_YEAR
        .captures_iter(line)
        .filter_map(|c| c.get(1))
        .filter_map(|m| Some((m.range(), short_year_date(m.as_str())?)))
}

static DASHED_SHORT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    // "20-06-15", and "200615" or "20200615" standing alone (not part of
    // a longer number or an organisation number's "556677-").
    Regex::new(r"(?:^|[^\d-])(\d{2}-\d{2}-\d{2}|(?:19|20)?\d{6})(?:$|[^\d-])").expect("valid regex")
});

/// The line with its dates and times taken out ("Annual meeting, 28 May
/// 2020, 18:00" → "Annual meeting"): a title's date, in a language whose
/// month names are capitalised, must not read as a name.
fn without_dates(line: &str) -> String {
    without_dates_put(line, None)
}

/// The line without its dates and times; a date followed by a word in
/// lower case ("… den 12 mars 2024 hemma hos Anna", "… 2024-03-12 på Café
/// Kulan") is put in place by `part`, a segment's break that keeps apart
/// what stood before and after it. Before a capital the date is taken out
/// alone ("Sundsvallsbridgen 2010-09-21PROTOKOLL …").
fn without_dates_put(line: &str, part: Option<&str>) -> String {
    let mut out = line.to_string();
    let mut ranges: Vec<std::ops::Range<usize>> = find_dates(line, &DateContext::default())
        .into_iter()
        .map(|d| d.range)
        .collect();
    if let Some((r, _, _)) = find_time_range(line) {
        ranges.push(r);
    }
    ranges.extend(dashed_short_year_dates(line).map(|(r, _)| r));
    ranges.sort_by_key(|r| std::cmp::Reverse(r.start));
    for r in ranges {
        if out.is_char_boundary(r.start) && out.is_char_boundary(r.end) && r.end <= out.len() {
            let before_lower = out[r.end..].trim_start().starts_with(char::is_lowercase);
            let put = part.filter(|_| before_lower && r.start > 0).unwrap_or("");
            out.replace_range(r, put);
        }
    }
    let t = out
        .trim()
        .trim_end_matches([',', ';', '-', '–', ' '])
        .trim();
    if t.len() == out.len() {
        out
    } else {
        t.to_string()
    }
}

static WHEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?|den\s+\d|kl(?:\.|\b)|klockan\b|\d{1,2}[:.]\d{2}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+\p{L}+\s+\d{4})")
        .expect("valid regex")
});

/// "Beslutande Övriga deltagande Norrtäljesalen, …" → "Norrtäljesalen, …":
/// a form's row of labels flattened before the row of their values; the
/// labels (of attendance or of the meeting's fields) taken off the front.
fn without_leading_labels(value: &str) -> &str {
    let mut rest = value.trim_start();
    // A form has few labels in a row; the bound keeps the loop short.
    for _ in 0..6 {
        let label = lexicon::ATTENDANCE_HEADINGS
            .iter()
            .map(|h| h.text)
            .chain(lexicon::MEETING_FIELD_LABELS.iter().copied())
            .filter(|l| {
                rest.get(..l.len()).is_some_and(|p| p.to_lowercase() == *l)
                    && rest[l.len()..].starts_with(' ')
            })
            .max_by_key(|l| l.len());
        match label {
            Some(l) => rest = rest[l.len()..].trim_start(),
            None => break,
        }
    }
    rest
}

/// The place in a "Plats och tid" value: the text before the date and time,
/// or after them when the place comes last.
fn place_beside_time(value: &str) -> Option<String> {
    let clean = |s: &str| {
        let s = s.trim().trim_matches([',', ';', '-', '–', ' ']).trim();
        s.chars().any(char::is_alphabetic).then(|| s.to_string())
    };
    let first = WHEN.find(value)?;
    if let Some(before) = clean(without_leading_labels(&value[..first.start()])) {
        return Some(before);
    }
    // "Torsdagen den 6 februari 2025 kl. 10.00, Träffpunkten", "… kl.
    // 13.00-16.15 i Stadshuset": the place after the last piece of the date
    // and time, without its preposition.
    let after = clean(value.get(end_of_date_and_time(value)?..)?)?;
    Some(
        lexicon::PLACE_PREPOSITIONS
            .iter()
            // "hos Emma": at someone's home, which the place keeps saying.
            .filter(|p| **p != "hos")
            .find_map(|p| after.strip_prefix(p)?.strip_prefix(' '))
            .map(|rest| rest.trim().to_string())
            .unwrap_or(after),
    )
}

/// Where the last piece of a line's date and time ends (a weekday, "den
/// 6", a date, "kl.", a clock time or a time range): what follows is the
/// place, when a line gives one. `None` when the line has none of them.
fn end_of_date_and_time(t: &str) -> Option<usize> {
    let last = WHEN.find_iter(t).map(|m| m.end()).max()?;
    // "kl 18": the hour after its word, which WHEN ends before.
    let last = START_TIME
        .find_iter(t)
        .map(|m| m.end())
        .fold(last, usize::max);
    Some(find_time_range(t).map_or(last, |(r, _, _)| r.end.max(last)))
}

/// "Lördagen den 5 april 2025, Hede bygdegård, kl. 13.00–15.10", "lördag
/// 16 augusti 2025 hos Anna i Norrbyn, kl. 14–16": the place between a
/// line's date and its hour.
fn place_before_hour(t: &str) -> Option<String> {
    let hour = START_TIME
        .find(t)
        .map(|m| m.start())
        .or_else(|| find_time_range(t).map(|(r, _, _)| r.start))?;
    let date = find_dates(t, &DateContext::default())
        .into_iter()
        .rfind(|d| d.precision == crate::dates::Precision::Full && d.range.end <= hour)?;
    let between = t.get(date.range.end..hour)?.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | '·' | '|' | '-' | '–' | '—')
    });
    let (rest, preposition) = match between
        .strip_prefix("i ")
        .or_else(|| between.strip_prefix("på "))
    {
        Some(r) => (r, true),
        None => (between, false),
    };
    place_named(rest, preposition)
}

/// The line gives an hour: a start ("kl. 18", "18.00") or a span of hours.
fn gives_hour(t: &str) -> bool {
    START_TIME.is_match(t) || find_time_range(t).is_some()
}

/// The place after a line's hour ("… kl. 17.30, Stadsbiblioteket"); none
/// for a line without an hour (where [`place_after_time`] would look after
/// the date instead).
fn place_after_hour(t: &str) -> Option<String> {
    gives_hour(t).then(|| place_after_time(t)).flatten()
}

/// "Tisdag 18 mars 2025 kl 13.15–15.00, Kulturhuset", "… klockan 19–20.30
/// i skolans matsal", "… 09:00 – 09:30 · Microsoft Teams-möte": the place
/// after a line's date and clock time. Only with a clock time: what
/// follows a bare date is as often the body or a title.
fn place_after_time(t: &str) -> Option<String> {
    if !gives_hour(t) {
        return place_after_date(t);
    }
    let rest = t
        .get(end_of_date_and_time(t)?..)?
        .trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | '·' | '|' | '-' | '–' | '—')
        });
    let rest = rest
        .strip_prefix("i ")
        .or_else(|| rest.strip_prefix("på "))
        .or_else(|| rest.strip_prefix("vid "))
        .unwrap_or(rest)
        .trim()
        .trim_end_matches('.');
    // "…, Region Västmanland, Regionhuset rum Mälaren / Teams": the
    // organisation before a place that would be too long with it (a short
    // one may be the building: "Länsstyrelsen, sal B").
    let rest = match rest.split_once(", ") {
        Some((org, place))
            if rest.split_whitespace().count() > 6
                && organisation_shaped(org.trim())
                && !place.trim().is_empty() =>
        {
            place.trim()
        }
        _ => rest,
    };
    if rest.is_empty() {
        return place_before_hour(t);
    }
    let words = rest.split_whitespace().count();
    // "… kl. 15.00 i" / "klubbstugan vid Hallsta": a title wrapped after
    // its preposition names no place on this line.
    let lone_preposition = lexicon::PLACE_PREPOSITIONS.contains(&rest);
    ((1..=6).contains(&words)
        && !lone_preposition
        && rest.chars().any(char::is_alphabetic)
        && find_dates(rest, &DateContext::default()).is_empty()
        && document_type_word(&rest.to_lowercase()).is_none())
    .then(|| rest.to_string())
}

/// "Via teams", "Teams-möte", "Microsoft Teams" → "Teams"; a place
/// otherwise as written, without a sentence's closing full stop.
fn normalize_location(v: &str) -> String {
    let l = v.to_lowercase();
    let l = l.trim().trim_end_matches('.');
    // "Microsoft Teams-möte", "Teamsmöte": a meeting held in Teams.
    let l = l
        .strip_suffix("-möte")
        .or_else(|| l.strip_suffix("möte"))
        .unwrap_or(l);
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
        // "hos GD, humletorp.": the sentence's full stop, not an
        // abbreviation's ("S:t Eriks v."); ". Degerbygården" after "kl.
        // 21.30": the stop that ended the hour.
        let v = v.trim().trim_start_matches(['.', ',', ';']).trim_start();
        let last = v.rsplit([' ', ',']).next().unwrap_or(v);
        match v.strip_suffix('.') {
            Some(bare) if last.chars().count() > 3 && !last[..last.len() - 1].contains('.') => {
                bare.to_string()
            }
            _ => v.to_string(),
        }
    }
}

/// "Västra Götalandsregionen", "Kungsbacka kommun", "Borås Stad": a region
/// in one word, a municipality as a name and its word ("Halmstad" and
/// "Karlstad" are towns, not the municipality's organisation).
static ORG_IN_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b((?:\p{Lu}\p{Ll}+\s+)?\p{L}*(?:sjukvårdsregionen|regionen)|\p{Lu}\p{L}+\s+(?:kommun|stad|Stad|landsting))s?\b",
    )
    .expect("valid regex")
});
/// "Python Sveriges stadgar", "LiTHe kods styrelse": an association named
/// in the genitive before what belongs to it.
static ORG_GENITIVE_IN_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(\p{{Lu}}[\p{{L}}\-&]*(?:\s+(?:\p{{Lu}}[\p{{L}}\-&]*|\p{{Ll}}{{2,4}}))?)(?::s|s)\s+(?:{})\b",
        lexicon::ASSOCIATION_BELONGINGS
            .iter()
            .map(|w| regex::escape(w))
            .collect::<Vec<_>>()
            .join("|")
    ))
    .expect("valid regex")
});
/// "Ekbackens Byalags styrelsemöte", "IF Vindens årsmöte": an association
/// in the genitive before a kind of meeting.
static ORG_BEFORE_MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\p{Lu}[\p{L}\-&]*(?:\s+\p{Lu}[\p{L}\-&]*){1,3})(?::s|s)\s+((?i:styrelsemöte|årsmöte|årsstämma|föreningsstämma|medlemsmöte|höstmöte|vårmöte|extra\s+årsmöte))\b")
        .expect("valid regex")
});
/// "Protokoll fört vid", "protokoll förd på": the lead of a title
/// sentence, wherever it stands in a line.
static PROTOCOL_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bprotokoll\s+för[dt]\s+(?:vid|på|i)\b").expect("valid regex")
});
static ACRONYM_BOARD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\p{Lu}{2,6})\s+[Ss]tyrelse(?:n)?\s+\p{Ll}").expect("valid regex")
});
static BODY_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\p{Lu}{2,6}(?:\s+au)?)\s+(?:beslutar|beslutade|beslöt|tackar|föreslår|står bakom|fastställer)\b")
        .expect("valid regex")
});
static WELCOME_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:välkommen|välkomna|hälsar välkommen)\s+till\s+(?:mötet\s+)?(?:på|i)\s+(\p{Lu}\p{L}+(?:\s+\p{Ll}+)?)")
        .expect("valid regex")
});

/// Running headers, footers and the letterhead (the reader's page
/// furniture) name the organisation more often than the body does: every
/// page of "Sektionen för Medieteknik ⇥ Stockholm 2020-04-04" or "Kungsbacka
/// kommun". Only what the body's header left open is filled: the most
/// repeated cell of an organisation's shape, and the letterhead's date as
/// the date the document was written when the meeting's date is another.
pub(crate) fn fill_from_furniture(m: &mut Meeting, doc: &Document) {
    if doc.furniture.is_empty() {
        return;
    }
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new(); // cell -> (count, first seen)
    let mut letterhead_date: Option<Date> = None;
    // A date alone in a cell of the pages' header ("Hälso- och
    // sjukvårdsnämnden⇥2026-03-19" on every page): the meeting's, when
    // the body's header left it out.
    let mut date_cells: BTreeMap<Date, usize> = BTreeMap::new();
    // "Kultur- och fritidsnämnden⇥2026-02-24⇥1": the body in the pages'
    // header, when the body's own header names none.
    let mut body_cells: BTreeMap<String, usize> = BTreeMap::new();
    for (i, block) in doc.furniture.iter().enumerate() {
        let text = block.plain_text();
        for cell in text.split(['\t', '\n']) {
            let cell = strip_markup(cell);
            let cell = cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{200b}');
            if cell.is_empty() {
                continue;
            }
            if i == 0
                && block.span.page.unwrap_or(1) == 1
                && letterhead_date.is_none()
                && let Some(d) = find_dates(cell, &DateContext::default())
                    .first()
                    .filter(|d| d.range.end + 1 >= cell.len())
                    .and_then(|d| d.date)
            {
                letterhead_date = Some(d);
            }
            if let Some(d) = find_dates(cell, &DateContext::default())
                .first()
                .filter(|d| d.range.start == 0 && d.range.end + 1 >= cell.len())
                .and_then(|d| d.date)
            {
                *date_cells.entry(d).or_default() += 1;
            }
            if cell.starts_with(char::is_uppercase)
                && (1..=6).contains(&cell.split_whitespace().count())
                && names_body(&cell.to_lowercase())
                && !organisation_shaped(cell)
            {
                *body_cells.entry(cell.to_string()).or_default() += 1;
            }
            if organisation_shaped(cell) {
                let n = counts.len();
                let e = counts.entry(cell.to_string()).or_insert((0, n));
                e.0 += 1;
            }
        }
    }
    if m.organization.is_none()
        && let Some((org, _)) = counts
            .iter()
            .max_by_key(|(_, (n, first))| (*n, std::cmp::Reverse(*first)))
    {
        m.organization = Some(org.clone());
    }
    if m.body.is_none()
        && let Some((b, _)) = body_cells.iter().max_by_key(|(_, n)| **n)
    {
        m.body = Some(b.clone());
    }
    if m.date.is_none()
        && let Some((d, _)) = date_cells
            .iter()
            .filter(|(_, n)| **n >= 2)
            .max_by_key(|(d, n)| (**n, std::cmp::Reverse(**d)))
    {
        m.date = Some(d.to_string());
    }
    if m.document_date.is_none()
        && let (Some(d), Some(date)) = (letterhead_date, m.date.as_deref())
        && d.to_string() != date
    {
        m.document_date = Some(d.to_string());
    }
}

/// A cell that reads as an organisation's name: a few words, no digits or
/// addresses, and either a word that ends like one ("… kommun", "…
/// förening") or a first word that starts one ("Sektionen för …").
/// "Region Jämtland Härjedalen, Digitaliseringsenheten": an organisation
/// and an office under it (a department word closing it), in either order.
fn organisation_and_office(t: &str) -> Option<(&str, &str)> {
    let (a, b) = t.split_once(", ")?;
    let (a, b) = (a.trim(), b.trim());
    // "Digitaliseringsenheten", "Department of Biology": a department
    // word closing the name, or opening it before what it is for.
    // "Institutionen för ekologi, miljö och geovetenskap": what an office
    // opened by its head word is for may run longer, commas and all.
    let office = |x: &str| {
        let key = x.to_lowercase();
        let words = x.split_whitespace().count();
        x.starts_with(char::is_uppercase)
            && (words <= 4 && ends_with_any(&key, lexicon::DEPARTMENT_WORDS)
                || words <= 8
                    && lexicon::DEPARTMENT_HEADS
                        .iter()
                        .any(|h| key.strip_prefix(h).is_some_and(|r| r.starts_with(' '))))
    };
    if organisation_shaped(a) && office(b) && !office(a) {
        Some((a, b))
    } else if organisation_shaped(b) && office(a) && !office(b) {
        Some((b, a))
    } else {
        None
    }
}

/// "Datum: 2016-05-15 Plats: Klubbstugan Närvarande: Anna Berg, Bo Ek",
/// "Ordförande: Anna Berg Sekreterare: Bo Ek": where each field starts in a
/// line that runs two or more header fields together, the first at its
/// start. A field is a capitalised label of the header, of attendance or
/// of a role (one to three words) and its colon. Empty for any other line.
pub(crate) fn label_starts(text: &str) -> Vec<usize> {
    if text.len() > 600 || text.matches(':').count() < 2 || !labelled_at(text, 0) {
        return Vec::new();
    }
    labels_in(text)
}

/// "PROTOKOLL Ärende: Styrelsemöte Datum: 2017-09-11 Tid: 13:30 Närvarande:
/// …": where each field starts in the head of a page whose line breaks were
/// lost, the first wherever it stands (the title before it is a part of
/// its own). Two fields at least; empty otherwise.
pub(crate) fn label_starts_anywhere(text: &str) -> Vec<usize> {
    if text.len() > 20_000 || text.matches(':').count() < 2 {
        return Vec::new();
    }
    let mut starts = labels_in(text);
    if starts.first() == Some(&0) && !labelled_at(text, 0) {
        starts.remove(0);
    }
    if starts.len() >= 2 {
        starts
    } else {
        Vec::new()
    }
}

/// "… 1(7) Tid och plats Måndagen den 11 september … Beslutande Ledamöter
/// Karolina Wessman, ordförande …": where each field starts in the head of
/// a page whose line breaks were lost and whose labels, a form's left
/// column, have no colon. A label here is an attendance heading or a
/// header label of two words or more (a lone "Tid" or "Plats" is too often
/// a word of the text), capitalised, the longest that fits, with a
/// capitalised word or a digit after it.
pub(crate) fn bare_label_starts(text: &str) -> Vec<usize> {
    if text.len() > 20_000 {
        return Vec::new();
    }
    let mut starts = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        let after_label = rest
            .starts_with(char::is_uppercase)
            .then(|| bare_label_len(rest))
            .flatten();
        if let Some(len) = after_label {
            starts.push(at);
            at += len;
        }
        // On to the next word.
        match text[at..].find(' ') {
            Some(space) => at += space + 1,
            None => break,
        }
    }
    starts
}

/// The length of the colon-less label `rest` starts with (see
/// [`bare_label_starts`]), when a capitalised word or a number follows it.
fn bare_label_len(rest: &str) -> Option<usize> {
    let mut end = rest.len().min(60);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    let lower = rest[..end].to_lowercase();
    let labels = lexicon::ATTENDANCE_HEADINGS.iter().map(|h| h.text).chain(
        lexicon::MEETING_FIELD_LABELS
            .iter()
            .copied()
            .filter(|l| l.contains(' ')),
    );
    // (The lower-cased head has the label's bytes where it matches: the
    // capitals of Swedish letters are as long in UTF-8.)
    labels
        .filter(|l| {
            lower.starts_with(l)
                && rest.get(l.len()..).is_some_and(|after| {
                    after.starts_with(' ')
                        && after[1..].starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                })
        })
        .map(str::len)
        .max()
}

/// A capitalised label of the header, of attendance or of a role (one to
/// three words) and its colon starts at byte `at` of `text`.
fn labelled_at(text: &str, at: usize) -> bool {
    let Some(rest) = text.get(at..) else {
        return false;
    };
    // The capital first, and the colon looked for only as far as a label of
    // three words reaches: this runs at every space of a long line.
    if !rest.starts_with(char::is_uppercase) {
        return false;
    }
    let Some(colon) = rest
        .char_indices()
        .take_while(|&(i, _)| i <= LABEL_REACH)
        .find_map(|(i, c)| (c == ':').then_some(i))
    else {
        return false;
    };
    let label = &rest[..colon];
    let key = label.trim().to_lowercase();
    (1..=3).contains(&label.split_whitespace().count())
        && (lexicon::MEETING_FIELD_LABELS.contains(&key.as_str())
            || lexicon::ATTENDANCE_HEADINGS.iter().any(|h| h.text == key)
            || lexicon::ROLES.iter().any(|(role, _)| *role == key))
}

/// How far into a line a label's colon may stand (three words).
const LABEL_REACH: usize = 48;

/// The start of `text` (0) and each field's after it: see
/// [`label_starts`]. Empty when that makes fewer than two.
fn labels_in(text: &str) -> Vec<usize> {
    let labelled_at = |at: usize| labelled_at(text, at);
    let place = |at: usize| {
        let label = text[at..]
            .split(':')
            .next()
            .unwrap_or("")
            .trim()
            .to_lowercase();
        lexicon::PLACE_FIELD_LABELS.contains(&label.as_str())
    };
    let mut starts = vec![0];
    // Whether the field last started is a place's: asked at each label.
    let mut last_is_place = labelled_at(0) && place(0);
    for (i, _) in text.match_indices(' ') {
        let at = i + 1;
        if at >= text.len() || !labelled_at(at) || text[..i].trim_end().ends_with(':') {
            continue;
        }
        // "Plats: Stationshuset Göteborg. Lokal: Tågvärden": the room is
        // more of the place.
        let is_place = place(at);
        if last_is_place && is_place {
            continue;
        }
        starts.push(at);
        last_is_place = is_place;
    }
    if starts.len() >= 2 {
        starts
    } else {
        Vec::new()
    }
}

/// "SweNet Developers Association (Föreningen SweNet)": a name with another
/// name of two words or more in brackets after it; the name. An
/// abbreviation in brackets is part of how the name is written
/// ("Myndigheten för digital förvaltning (Digg)"), and any other text
/// stays as it is.
fn without_alias(value: &str) -> &str {
    let t = value.trim();
    match t.strip_suffix(')').and_then(|rest| rest.rsplit_once(" (")) {
        Some((name, alias))
            if name.split_whitespace().count() >= 2
                && alias.split_whitespace().count() >= 2
                && alias.starts_with(char::is_uppercase)
                && !alias.contains(['(', ')']) =>
        {
            name.trim()
        }
        _ => t,
    }
}

/// "Nätverket för kvalitetsutvecklare, Region Kronoberg", "Veckomöte
/// Kansliet – Svenska Seglarförbundet", "Byamöte Rörviks byalag": a group
/// of an organisation (or the kind of meeting) and the organisation, on one
/// line. Gives the organisation and the group, if one is named.
fn group_and_organisation(t: &str) -> Option<(&str, Option<&str>)> {
    // The kind of meeting a word names ("Byamöte", "Veckomöte") opens it.
    fn without_kind(x: &str) -> Option<&str> {
        let (first, rest) = x.trim().split_once(' ')?;
        let lower = first.to_lowercase();
        let kind = lexicon::MEETING_NOUN_ENDINGS
            .iter()
            .any(|e| lower.ends_with(e));
        kind.then_some(rest.trim())
    }
    let sides = [" – ", " — ", " - ", ", "]
        .iter()
        .find_map(|sep| t.split_once(sep));
    let Some((a, b)) = sides else {
        let org = without_kind(t)?;
        return (organisation_shaped(org) && !names_body(&org.to_lowercase()))
            .then_some((org, None));
    };
    let (a, b) = (a.trim(), b.trim());
    let groupish = |x: &str| {
        // "Arbetsmiljökommittén (AMK)": the group without its abbreviation.
        let key = without_bracketed_tail(x).to_lowercase();
        let first = key.split_whitespace().next().unwrap_or("");
        names_body(&key)
            || lexicon::GROUP_MEETING_STEMS
                .iter()
                .any(|s| first.starts_with(s) || first.ends_with(&format!("{s}et")))
    };
    let strong = |x: &str| organisation_shaped(x) && !groupish(x) && !x.contains([',', '–', '—']);
    // "Veckomöte Kansliet": the office meeting is the group; "Veckomöte
    // Ekonomi" names the meeting whole.
    let office = |x: &str| ends_with_any(&x.to_lowercase(), lexicon::DEPARTMENT_WORDS);
    let group = without_kind(a)
        .filter(|g| groupish(g) || office(g))
        .unwrap_or(a);
    (strong(b) && !group.is_empty() && (groupish(group) || without_kind(a).is_some()))
        .then_some((b, Some(group)))
}

/// "Uppsala Student Union – Board of Directors", "Nordic Network for Adult
/// Learning (NVL) – Swedish coordination group": an organisation, a dash
/// and a group or board of it, named without a date. Gives both.
fn organisation_then_group(t: &str) -> Option<(&str, &str)> {
    let (org, group) = split_at_dash(t)?;
    let (org, group) = (org.trim(), group.trim());
    let name = without_bracketed_tail(without_alias(org));
    let group_key = group.to_lowercase();
    let groupish = group.starts_with(char::is_uppercase)
        && (1..=5).contains(&group.split_whitespace().count())
        && !group.chars().any(|c| c.is_ascii_digit())
        && document_type_word(&group_key).is_none()
        && names_body(&group_key);
    (groupish && organisation_shaped(name) && !names_body(&name.to_lowercase()))
        .then_some((org, group))
}

/// "IF Nordstjärnan – Fotboll och innebandy", "Ridklubben Hästen –
/// Lidköping", "Brf Ekbacken nr 2, Örebro": an organisation's name, then a
/// dash or comma and a short descriptor or place that names no meeting, no
/// body and no date. Gives the name.
fn organisation_before_descriptor(t: &str) -> Option<&str> {
    let (name, rest) = [" – ", " — ", " - ", ", "]
        .iter()
        .find_map(|sep| t.split_once(sep))?;
    let (name, rest) = (name.trim(), rest.trim());
    let key = rest.to_lowercase();
    let words = rest.split_whitespace().count();
    let descriptor = (1..=4).contains(&words)
        && rest.starts_with(char::is_uppercase)
        && !rest.chars().any(|c| c.is_ascii_digit() || c == ':')
        && !names_body(&key)
        && document_type_word(&key).is_none()
        && !key
            .split_whitespace()
            .any(|w| lexicon::MEETING_NOUN_ENDINGS.iter().any(|e| w.ends_with(e)))
        && !ends_with_any(&key, lexicon::DEPARTMENT_WORDS)
        && !organisation_shaped(rest);
    (descriptor && organisation_shaped(name) && !names_body(&name.to_lowercase())).then_some(name)
}

/// "63:ans", "3:s": a number in the genitive, which opens some names
/// ("63:ans samfällighetsförening"); an ordinal ("2:a", "3:e") is none.
fn number_in_genitive(w: &str) -> bool {
    w.split_once(':').is_some_and(|(n, end)| {
        !n.is_empty()
            && n.chars().all(|c| c.is_ascii_digit())
            && end.ends_with('s')
            && end.chars().all(char::is_alphabetic)
    })
}

fn organisation_shaped(cell: &str) -> bool {
    // "Hammarby Bygdegårdsförening ek. för.": the name before its legal form.
    let lower = cell.to_lowercase();
    if let Some(suffix) = lexicon::LEGAL_FORM_SUFFIXES
        .iter()
        .find(|s| lower.ends_with(*s))
        && let Some(name) = cell.get(..cell.len() - suffix.len())
        && name.split_whitespace().count() >= 2
    {
        return organisation_shaped(name.trim_end_matches(','));
    }
    let words: Vec<&str> = cell.split_whitespace().collect();
    if !(1..=6).contains(&content_words(&words))
        || words.len() > 9
        || cell.chars().count() > 60
        || cell.contains('@')
        // A colon is a label's, unless it is a number's genitive ("63:ans").
        || (cell.contains(':') && !words.iter().any(|w| number_in_genitive(w)))
        || !(cell.chars().next().is_some_and(char::is_uppercase)
            || words.first().is_some_and(|w| number_in_genitive(w)))
        || is_label_word(cell)
        || is_placeholder(cell)
    {
        return false;
    }
    let key = cell.to_lowercase();
    if key.contains("www.") || key.contains("http") || document_type_word(&key).is_some() {
        return false;
    }
    // Digits only as the name's closing number ("Brf Lönnen 12", "Brf
    // Ekbacken nr 2").
    let digits_at = |w: &str| w.chars().any(|c| c.is_ascii_digit());
    let closing_number = |w: &str| w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit());
    // "Riksbyggen Brf Vingen 3 i Eskilstuna": the number closes the name
    // before the town it is in.
    let town_at = words
        .len()
        .checked_sub(2)
        .filter(|&k| {
            k >= 2
                && matches!(words[k], "i" | "på")
                && words[k + 1].starts_with(char::is_uppercase)
                && closing_number(words[k - 1])
        })
        .map_or(words.len(), |k| k - 1);
    let numbered = words
        .iter()
        .take(town_at)
        .rev()
        .skip(1)
        .any(|w| digits_at(w) && !number_in_genitive(w))
        || words
            .get(town_at.saturating_sub(1))
            .is_some_and(|w| digits_at(w) && !closing_number(w));
    // "nr", "No.": the word before a name's closing number.
    let number_word = |w: &str| matches!(w.to_lowercase().as_str(), "nr" | "nr." | "no" | "no.");
    let numbered_name = words.len() >= 3
        && words.last().is_some_and(|w| closing_number(w))
        && words.get(words.len() - 2).is_some_and(|w| number_word(w));
    if numbered {
        return false;
    }
    let first = key.split_whitespace().next().unwrap_or("");
    // "Hyresgästföreningen Björkhagen", "Studentkåren i Sundsvall", "IF
    // Nordstjärnan": a head word, alone or closing a compound, then a name;
    // also after an owner's name ("HSB Bostadsrättsförening Solrosen i
    // Malmö", "Riksbyggen Brf Ekbacken").
    let head_word = |w: &str| {
        let lw = w.to_lowercase();
        lexicon::ORGANIZATION_HEADS
            .iter()
            .any(|h| lw == *h || (h.chars().count() >= 5 && lw.ends_with(h)))
            || lexicon::SPORTS_CLUB_HEADS.contains(&w)
    };
    // The word before the head word is an owner or a name's first word
    // ("HSB", "Riksbyggen", "Nordic Network"), not a post, a meeting or a
    // document's type ("Kassör IF Nordstjärnan", "Styrelsemöte Brf Lönnen").
    let owner = |w: &str| {
        let lw = w.to_lowercase();
        !lexicon::ROLES.iter().any(|(r, _)| *r == lw)
            && !lexicon::TITLE_SUFFIXES.iter().any(|t| lw.ends_with(t))
            && !lexicon::MEETING_NOUN_ENDINGS
                .iter()
                .any(|e| lw.ends_with(e))
            && !names_body(&lw)
            && document_type_of_word(&lw).is_none()
    };
    let head_at = words
        .iter()
        .take(2)
        .position(|w| head_word(w))
        .filter(|&k| k == 0 || owner(words[0]));
    let headed = head_at.is_some();
    let after_head = head_at.map_or(1, |k| k + 1);
    let name_follows = words.iter().skip(after_head).enumerate().all(|(k, w)| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || lexicon::NAME_CONNECTORS.contains(&w.to_lowercase().as_str())
            || (after_head + k + 1 == words.len() && lexicon::NAME_CLOSING_WORDS.contains(w))
            || numbered_name && number_word(w)
    }) && words
        .iter()
        .skip(after_head)
        .any(|w| w.chars().next().is_some_and(char::is_uppercase));
    // "Myndigheten för digital förvaltning", "Stiftelsen för strategisk
    // forskning": a head word, then what the body is for.
    let head_for_purpose = lexicon::ORGANIZATION_HEADS.contains(&first)
        && words.len() >= 3
        && words.get(1) == Some(&"för");
    // "Nordvik Logistik AB": a name closed by its company form.
    let company = words.len() >= 2
        && ![" – ", " — ", " - ", ","].iter().any(|d| cell.contains(d))
        && key
            .split_whitespace()
            .last()
            .is_some_and(|w| lexicon::COMPANY_FORMS.contains(&w.trim_end_matches('.')));
    // "Ekbackens samfällighetsförening i Storvreta": the town it is in
    // closes the name.
    let before_town = key
        .rsplit_once(" i ")
        .filter(|(_, town)| {
            (1..=2).contains(&town.split_whitespace().count())
                && cell
                    .rsplit_once(" i ")
                    .is_some_and(|(_, t)| t.starts_with(char::is_uppercase))
        })
        .map_or("", |(name, _)| name);
    company
        || (!words.last().is_some_and(|w| digits_at(w))
            && (ends_with_any(&key, lexicon::ORGANIZATION_WORDS)
                || ends_with_any(before_town, lexicon::ORGANIZATION_WORDS)))
        || (words.len() > after_head && headed && name_follows)
        || head_for_purpose
}

/// The words of a name less those that join its parts ("Föreningen Hem
/// och Skola vid Norrby skola" has five): how long a name is.
pub(crate) fn content_words(words: &[&str]) -> usize {
    words
        .iter()
        .filter(|w| {
            // A dash parts a line into a name and something else; it counts.
            !(w.chars().all(char::is_alphabetic)
                && lexicon::NAME_CONNECTORS.contains(&w.to_lowercase().as_str()))
        })
        .count()
}

/// "Vägföreningen", "Föreningen", "Samfälligheten": an association called
/// by its kind alone, one word in the definite form (an agency's name,
/// "Energimyndigheten", is a name).
fn generic_organisation(o: &str) -> bool {
    let key = o.trim().to_lowercase();
    !key.contains(' ')
        && lexicon::GENERIC_ASSOCIATION_ENDINGS
            .iter()
            .any(|w| key.ends_with(w))
}

/// "nr 3/2023, ", "#12 ": a minutes' sequence number leading a title's rest.
static LEADING_SEQUENCE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:nr\.?\s*|#)\d+(?:\s*[/-]\s*\d+)?\s*[,:–-]?\s*").expect("valid regex")
});

/// Fill what the header lacked from the text: minutes without a header
/// still name their body as the subject of its decisions ("RSL beslutar"),
/// their organisation in passing and their place in the welcome.
pub(crate) fn fill_from_text(m: &mut Meeting, all: &str) {
    // The regexes run only on lines that hold their keyword: whole documents
    // are long, and Unicode word boundaries make the regex engine slow on them.
    // Lower-cased once: lower-casing never adds or removes a line break, so
    // the lines of the two texts pair up.
    let lower_all = minutes_gate::lowercase(all);
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
    // "Ungdomsfullmäktiges beslut:": the label over each decision names
    // the body that decides.
    if m.body.is_none() {
        m.body = most_frequent(
            lines_with(&["s beslut"]).filter_map(|l| {
                let c = BODY_DECIDES.captures(l.trim())?;
                let body = c.get(1)?.as_str();
                names_body(&body.to_lowercase()).then(|| body.to_string())
            }),
            2,
        );
    }
    if m.organization.is_none()
        && let Some((org, dept)) = most_frequent(
            lines_with(&["protokoll", "anteckningar"])
                .filter_map(|l| running_header(l.trim()))
                .map(|(o, d)| format!("{o}\t{d}")),
            2,
        )
        .and_then(|s| {
            s.split_once('\t')
                .map(|(o, d)| (o.to_string(), d.to_string()))
        })
    {
        m.organization = Some(org);
        m.department = m.department.take().or(Some(dept));
    }
    if m.organization.is_none() {
        m.organization = most_frequent(
            lines_with(&["regionen", "kommun", "stad", "landsting"])
                .flat_map(|l| {
                    // "Per-Anders Bergman (Karlstads kommun)": in brackets,
                    // someone's affiliation, not the minutes' owner.
                    let outside = crate::participants::strip_parens(l);
                    ORG_IN_TEXT
                        .captures_iter(&outside)
                        .filter_map(|c| c.get(1))
                        .map(|x| x.as_str().to_string())
                        .collect::<Vec<_>>()
                })
                .filter(|s| s.chars().next().is_some_and(char::is_uppercase)),
            1,
        );
    }
    // An association's minutes name it in the genitive ("Python Sveriges
    // stadgar", "LiTHe kods styrelse"); at least twice, so that one mention
    // of another association does not count.
    if m.organization.is_none() {
        m.organization = most_frequent(
            lines_with(lexicon::ASSOCIATION_BELONGINGS).flat_map(|l| {
                ORG_GENITIVE_IN_TEXT
                    .captures_iter(l)
                    .filter_map(|c| c.get(1))
                    .map(|x| x.as_str().to_string())
                    .filter(|o| genitive_names_association(o))
                    .collect::<Vec<_>>()
            }),
            2,
        );
    }
    // "Ordföranden hälsade välkommen till Ekbackens Byalags styrelsemöte":
    // an association named in the genitive before this meeting, once.
    if m.organization.is_none()
        && let Some((org, kind)) = all
            .lines()
            .filter(|l| !l.trim().is_empty())
            .take(20)
            .flat_map(|l| ORG_BEFORE_MEETING.captures_iter(l))
            .filter_map(|c| {
                let org = without_document_type(c.get(1)?.as_str());
                Some((org.to_string(), c.get(2)?.as_str().to_string()))
            })
            .find(|(o, _)| genitive_names_association(o))
    {
        m.organization = Some(org);
        // "Hemföreningens styrelsemöte": the kind names the body too.
        if m.body.is_none() {
            m.body = Some(title::body_of_kind(&kind));
        }
    }
    // "1.1 Mötets öppnande Protokoll fört vid: Sektionen för Teknisk Fysiks
    // sektionsmöte Måndagen den 25/11 2013, kl 17:29 …": minutes run
    // together into their first point still say, after "Protokoll fört
    // vid", whose meeting it was and when (read as a title up to its date).
    if m.date.is_none() && m.document_date.is_none() || m.organization.is_none() {
        let led = all
            .lines()
            .filter(|l| !l.trim().is_empty())
            .take(30)
            .find_map(|l| PROTOCOL_LEAD.find(l).map(|at| &l[at.start()..]));
        if let Some(led) = led
            && let Some(date) = find_dates(led, &DateContext::default())
                .into_iter()
                .find(|d| d.precision == crate::dates::Precision::Full)
            && let Some(title) = led.get(..date.range.end)
            && date.range.end <= 200
        {
            if let Some(parts) = title::read_title(title) {
                m.organization = m.organization.take().or(parts.organization);
                m.body = m.body.take().or(parts.body);
            }
            if m.date.is_none() && m.document_date.is_none() {
                m.date = date.date.map(|d| d.to_string());
                // The hour written right after the date.
                let after = &led[date.range.end..];
                let near = after
                    .char_indices()
                    .nth(20)
                    .map_or(after, |(i, _)| &after[..i]);
                set_times(m, near);
            }
        }
    }
    // "Styrelsemöte fört med för. ”Vår Bygd 1891” den 28 mars 2005.": an
    // association named in quotation marks in a line about the meeting,
    // near the top.
    if m.organization.is_none() {
        m.organization = all
            .lines()
            .filter(|l| !l.trim().is_empty())
            .take(12)
            .filter(|l| {
                let key = l.to_lowercase();
                lexicon::MEETING_NOUN_ENDINGS
                    .iter()
                    .any(|w| key.contains(w))
            })
            .find_map(title::quoted_organisation)
            .map(str::to_string);
    }
    // "Norrby Idrottsförening" over "Box 12, 123 45 Norrby", "Norrby
    // Schackklubb · Storgatan 1 · …": an association's name in its own
    // words on a line of its own among the last lines (a signature's or a
    // footer's), before its address.
    if m.organization.is_none() {
        m.organization = all
            .lines()
            .rev()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .take(8)
            .find_map(|l| {
                let name = l.split(['·', '|', '•']).next()?.trim();
                (name.starts_with(char::is_uppercase)
                && (2..=6).contains(&name.split_whitespace().count())
                && !name.ends_with('.')
                // A table's cells aligned by spaces are no name.
                && !name.contains("  ")
                && !name.contains('\t')
                && organisation_shaped(name))
                .then(|| name.to_string())
            });
    }
    // "IX Styrelse hade denna dag sitt första styrelsemöte": an acronym
    // that opens a sentence with its board names the association.
    if m.organization.is_none() {
        m.organization = all
            .lines()
            .filter(|l| !l.trim().is_empty())
            .take(12)
            .find_map(|l| ACRONYM_BOARD.captures(l.trim()))
            .and_then(|c| c.get(1))
            .map(|x| x.as_str().to_string());
    }
    // "Ordföranden öppnade mötet den 17 januari 2013", "hälsade välkommen
    // till styrelsemötet 2013-01-17": the opening sentence's one date is
    // the meeting's, when no header gave one.
    if m.date.is_none() && m.document_date.is_none() {
        m.date = lines_with(&["öppna", "välkom"])
            .find_map(opening_date)
            .map(|d| d.to_string());
    }
    // "Mötet förklarades öppnat 14:00", "Mötet avslutas 12:50": the times
    // an association's minutes give in their opening and closing items
    // (a date between verb and hour set aside: "öppnade mötet den 17
    // januari 2013 kl. 19.00").
    if m.start_time.is_none() {
        m.start_time = lines_with(&[
            "öppna", "opened", "start", "började", "inleddes", "began", "to order",
        ])
        .find_map(|l| {
            let l = dates_cut(l);
            OPENED
                .captures(&l)
                .or_else(|| OPENS.captures(&l))
                .and_then(|c| afternoon_clock(&l, &c))
        });
    }
    // "Sammanträdet, som pågick kl. 13.00 – 15.00, förklaras avslutat.":
    // the span the meeting lasted, said when it closes.
    if m.start_time.is_none()
        && let Some(l) = lines_with(&["pågick", "varade"]).find(|l| find_time_range(l).is_some())
    {
        set_times(m, l);
    }
    if m.end_time.is_none() {
        m.end_time =
            lines_with(&["avslut", "closed", "adjourned", "slutade", "ended"]).find_map(|l| {
                CLOSED
                    .captures(l)
                    .or_else(|| CLOSES.captures(l))
                    .and_then(|c| afternoon_clock(l, &c))
            });
    }
    if m.location.is_none() {
        m.location = lines_with(&["välkom"]).find_map(|l| {
            WELCOME_PLACE
                .captures(l)
                .and_then(|c| c.get(1))
                .map(|x| x.as_str().trim().to_string())
        });
    }
    // "Mötet hölls i Folkets hus", "Vi träffades hemma hos Bo Ek",
    // "Styrelsen sammanträdde i Klubbstugan".
    if m.location.is_none() {
        m.location = lines_with(lexicon::HELD_VERBS)
            .find_map(held_at)
            .map(|p| normalize_location(&p));
    }
    // "Held on 12 March 2024 at 18:00 in the Community Hall", "The meeting
    // was held at the Community Hall": the English minutes of Swedish
    // groups; the place is the capitalised name after "in" or "at".
    if m.location.is_none() {
        m.location = lines_with(&["held", "took place"]).find_map(|l| {
            let l = dates_cut(l);
            HELD_AT_EN
                .captures(&l)
                .and_then(|c| c.get(1))
                .map(|p| p.as_str().trim())
                // "held in March", "held on Monday": a time, not a place.
                .filter(|p| {
                    let first = p.split_whitespace().next().unwrap_or("").to_lowercase();
                    crate::dates::month_number(&first).is_none()
                        && !lexicon::WEEKDAYS_EN.contains(&first.as_str())
                })
                .map(normalize_location)
        });
    }
    if m.start_time.is_none() {
        m.start_time = lines_with(&["held", "took place"]).find_map(|l| {
            let c = HELD_AT_HOUR_EN.captures(l)?;
            clock(c.get(1)?.as_str())
        });
    }
    // "Ordföranden öppnade mötet i Klubbstugan", "… hälsade alla välkomna
    // till Bygdegården".
    if m.location.is_none() {
        m.location = lines_with(&["öppna", "välkom"]).find_map(|l| {
            let (c, names) = match OPENED_AT.captures(l) {
                Some(c) => (c, true),
                None => (WELCOME_TO_VENUE.captures(l)?, false),
            };
            c.get(1)
                .map(|x| x.as_str().trim())
                // "till Bygdegården och öppnade …": a small word after the
                // name is the sentence's, unless it is a building's word
                // ("Folkets hus").
                .map(|p| match p.rsplit_once(' ') {
                    Some((head, last))
                        if last.starts_with(char::is_lowercase)
                            && !ends_with_any(last, lexicon::VENUE_NAME_ENDINGS) =>
                    {
                        head
                    }
                    _ => p,
                })
                .filter(|p| venue_named(p, names))
                .map(str::to_string)
        });
    }
}

/// The date written right after the words that open the meeting or
/// welcome to it ("öppnade mötet den 17 januari 2013", "välkommen till
/// styrelsemötet 2013-01-17"): not a date later in the sentence ("…
/// påminde om årsstämman 2013-03-20").
fn opening_date(line: &str) -> Option<Date> {
    OPENING_WORDS.find_iter(line).find_map(|m| {
        let rest = line.get(m.end()..)?.trim_start();
        let rest = rest.strip_prefix("den ").unwrap_or(rest);
        let first = find_dates(rest, &DateContext::default())
            .into_iter()
            .next()?;
        (first.range.start == 0).then_some(first.date).flatten()
    })
}

static OPENING_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:öppna(?:de|des|r|s)|förklara(?:de|r)|välkom(?:men|na|nade|nar))\s+(?:till\s+)?(?:\p{{L}}+\s+){{0,2}}?\p{{L}}*(?:{})\b",
        lexicon::alternation(lexicon::MEETING_NOUN_ENDINGS)
    ))
    .expect("valid regex")
});

/// The line with its dates taken out, and a "den" left before them, so
/// that the words around a date read as if it were not there.
fn dates_cut(line: &str) -> std::borrow::Cow<'_, str> {
    let found = find_dates(line, &DateContext::default());
    if found.is_empty() {
        return std::borrow::Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut at = 0;
    for d in found {
        let Some(before) = line.get(at..d.range.start) else {
            return std::borrow::Cow::Borrowed(line);
        };
        let trimmed = before.trim_end();
        let before = trimmed
            .strip_suffix(" den")
            .filter(|_| trimmed.len() < before.len())
            .unwrap_or(before);
        out.push_str(before);
        at = d.range.end;
    }
    out.push_str(line.get(at..).unwrap_or(""));
    std::borrow::Cow::Owned(out)
}

static BODY_DECIDES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\p{Lu}\p{L}+)s\s+beslut\s*:?$").expect("valid regex"));
static OPENED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b(?:mötet|sammanträdet|årsmötet|stämman|meeting)\s+(?:\p{{L}}+\s+){{0,2}}(?:öppnades|öppnas|öppnat|startade|började|inleddes|opened|started|began)\s+{AT_CLOCK}"))
        .expect("valid regex")
});
static CLOSED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b(?:mötet|sammanträdet|årsmötet|stämman|meeting)\s+(?:\p{{L}}+\s+){{0,2}}(?:avslutades|avslutas|avslutat|slutade|closed|adjourned|ended)\s+{AT_CLOCK}"))
        .expect("valid regex")
});

/// "Elis Hirwing öppnar mötet 19:08", "Ordföranden förklarade mötet öppnat
/// kl. 18.05": someone opening the meeting.
static OPENS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b(?:öppnar|öppnade|förklarar|förklarade)\s+(?:mötet|sammanträdet|årsmötet|stämman)(?:\s+(?:för\s+)?öppna[dt])?\s+{AT_CLOCK}|^\s*{AT_CLOCK_FIRST}\s+(?:öppnar|öppnade|öppnades|förklarade|startade|började)\b|\bcalled\s+(?:the\s+meeting\s+)?to\s+order\s+{AT_CLOCK}|\b(?:start\s+of\s+(?:the\s+)?meeting|mötets\s+(?:start|början)|(?:mötets\s+)?öppnande)\s+{AT_CLOCK}"))
        .expect("valid regex")
});
static CLOSES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b(?:avslutar|avslutade|förklarar|förklarade)\s+(?:mötet|sammanträdet|årsmötet|stämman)(?:\s+(?:för\s+)?avsluta[dt])?\s+{AT_CLOCK}|^\s*{AT_CLOCK_FIRST}\s+(?:avslutar|avslutade|avslutades|förklarade)\b"))
        .expect("valid regex")
});

/// The time after an opening or closing verb: "kl. 19.05", "ca 21.30",
/// "klockan 19" (a whole hour only after "kl"), captured as one group.
const AT_CLOCK: &str = r"(?:(?:ca\.?|cirka|omkring|ungefär)\s+)?(?:(?:kl\.?\s*|klockan\s+|at\s+)?(\d{1,2}[:.]\d{2})\b|(?:kl\.?\s*|klockan\s+)(\d{1,2})\b(?:[^:.\d]|\.(?:\s|$)|$))";
/// The time opening the sentence ("Kl. 18.30 öppnade ordföranden mötet").
const AT_CLOCK_FIRST: &str = r"(?:kl\.?\s*|klockan\s+)(\d{1,2}[:.]\d{2})";

/// The clock time of an opening or closing sentence: the first group that
/// took part, a whole hour made "19:00".
fn captured_clock(c: &regex::Captures<'_>) -> Option<String> {
    let t = c.iter().skip(1).flatten().next()?.as_str();
    if t.contains([':', '.']) {
        clock(t)
    } else {
        clock(&format!("{t}:00"))
    }
}

/// The clock time of an opening or closing sentence ([`captured_clock`]),
/// twelve hours on when "pm" follows it ("called to order at 7:05 pm").
fn afternoon_clock(line: &str, c: &regex::Captures<'_>) -> Option<String> {
    let t = captured_clock(c)?;
    let after = line.get(c.get(0)?.end()..)?.trim_start().to_lowercase();
    if !(after.starts_with("pm") || after.starts_with("p.m.")) {
        return Some(t);
    }
    let (h, min) = t.split_once(':')?;
    let h: u32 = h.parse().ok()?;
    (h < 12).then(|| format!("{:02}:{min}", h + 12)).or(Some(t))
}

/// A time label's value that is a clock time, "kl." before it or not
/// ("Tid: kl. 17:15", "Slut: 20.15").
fn labelled_clock(value: &str) -> Option<String> {
    clock(
        value
            .trim()
            .trim_start_matches("kl.")
            .trim_start_matches("kl")
            .trim(),
    )
}

/// "14.00" or "14:00" as "14:00", when it is a time of day.
fn clock(t: &str) -> Option<String> {
    let (h, m) = t.split_once([':', '.'])?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then(|| format!("{h:02}:{m:02}"))
}

/// The owner in "X:s styrelse" is an association, not the meeting, a body
/// or a sentence's first word ("Mötets ordförande", "Kommunstyrelsens
/// ledamöter", "Årets budget").
fn genitive_names_association(owner: &str) -> bool {
    let key = owner.to_lowercase();
    let first = key.split_whitespace().next().unwrap_or("");
    !(lexicon::BODY_WORDS.iter().any(|b| first.ends_with(b))
        || lexicon::MEETING_KINDS.iter().any(|(k, _)| {
            // "årsmöte" in "årsmötets"; an abbreviation ("agm") only whole.
            let head = k.split(' ').next().unwrap_or(k);
            if head.chars().count() >= 4 {
                first.starts_with(head)
            } else {
                first.trim_end_matches('s') == head
            }
        })
        || lexicon::GENITIVE_NOT_ASSOCIATION
            .iter()
            .any(|w| first.starts_with(w))
        || lexicon::ORGANIZATION_HEADS.contains(&first))
}

/// "Protokoll Hemföreningen" → "Hemföreningen": a name taken with the
/// document's type written before it ("Protokoll Hemföreningens
/// styrelsemöte …" run on in one line).
fn without_document_type(name: &str) -> &str {
    match name.split_once(char::is_whitespace) {
        Some((first, rest)) if document_type_of_word(first).is_some() => rest.trim_start(),
        _ => name,
    }
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
mod place_pattern_tests {
    use super::*;

    /// The spans of all groups of a match, to compare two patterns' answers.
    fn spans(c: Option<regex::Captures<'_>>) -> Option<Vec<Option<(usize, usize)>>> {
        c.map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
    }

    #[test]
    fn the_unlimited_place_pattern_answers_as_the_bounded_one() {
        let long = "Ö".repeat(70);
        let lines = [
            "Hos Anna Berg".to_string(),
            "hos anna".to_string(),
            format!("Hos Anna {long} Berg"),
            format!("Hos {long}"),
            "Årsmöte i församlingshemmet".to_string(),
            "Styrelsemöte på kontoret, kl 18".to_string(),
            "Måndag kl. 18.00–20.00 i Folkets hus, Lund".to_string(),
            "Tisdag klockan 9 på Kulturhuset.".to_string(),
            format!("Onsdag kl 10 i Stora {long} salen, Lund"),
            format!("Onsdag kl 10 i Stora salen {long}"),
            format!("Möte i {long}et"),
            "Protokoll fört vid möte i styrelsen".to_string(),
            "Inget här".to_string(),
        ];
        for line in &lines {
            assert_eq!(
                spans(place_captures(line)),
                spans(PLACE_IN_LINE_BOUNDED.captures(line)),
                "{line}"
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{bare_label_starts, field_of, place_beside_time};

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
    fn a_groups_meeting_named_in_one_word_names_the_group() {
        use super::group_of_meeting_compound as g;
        assert_eq!(
            g("Nätverksträff folkhälsa, Kalmar län"),
            "Nätverk folkhälsa, Kalmar län"
        );
        assert_eq!(g("Referensgruppsmöte för PID"), "Referensgrupp för PID");
        assert_eq!(g("Styrelsemöte Bokcirkeln"), "Styrelsemöte Bokcirkeln");
        assert_eq!(g("Nätverksträff"), "Nätverksträff");
        assert_eq!(g("Kommunstyrelsens sammanträde"), "Kommunstyrelsen");
        assert_eq!(g("Vårens sammanträde"), "Vårens sammanträde");
    }

    #[test]
    fn the_pages_header_gives_a_date_and_body_the_header_left_out() {
        use super::{Meeting, fill_from_furniture};
        use minutes_model::{Block, BlockKind, Document, Paragraph, Role, Span, Style};
        let cell = |text: &str, page: u32| {
            let mut p = Paragraph::new(Role::Body);
            p.push(text, Style::NONE, None);
            Block {
                kind: BlockKind::Paragraph(p),
                span: Span {
                    page: Some(page),
                    ..Span::default()
                },
            }
        };
        let doc = Document {
            furniture: vec![
                cell("KIRUNA KOMMUN\tPROTOKOLL\tSida", 1),
                cell("Kultur- och fritidsnämnden\t2026-02-24\t1", 1),
                cell("Kultur- och fritidsnämnden\t2026-02-24\t2", 2),
            ],
            ..Document::default()
        };
        let mut m = Meeting::default();
        fill_from_furniture(&mut m, &doc);
        assert_eq!(m.date.as_deref(), Some("2026-02-24"));
        assert_eq!(m.body.as_deref(), Some("Kultur- och fritidsnämnden"));
        assert_eq!(m.organization.as_deref(), Some("KIRUNA KOMMUN"));
        // A header that gave its own date keeps it.
        let mut m = Meeting {
            date: Some("2026-02-20".into()),
            ..Meeting::default()
        };
        fill_from_furniture(&mut m, &doc);
        assert_eq!(m.date.as_deref(), Some("2026-02-20"));
    }

    #[test]
    fn a_web_pages_furniture_is_no_header_line() {
        use super::{definite_council, web_chrome};
        assert!(web_chrome("Skriv in din sökning här"));
        assert!(web_chrome("User Tools"));
        assert!(web_chrome("Startsida > Protokoll > 2024"));
        assert!(!web_chrome("Ekbackens Vägförening"));
        assert!(!web_chrome("Protokoll styrelsemöte 2024-05-13"));
        assert_eq!(definite_council("Elevråd"), "Elevrådet");
        assert_eq!(definite_council("Styrelsen"), "Styrelsen");
        assert_eq!(definite_council("Sektionsstyrelse"), "Sektionsstyrelsen");
        assert_eq!(definite_council("Referensgrupp"), "Referensgrupp");
    }

    #[test]
    fn fields_on_one_line_are_split_but_a_room_stays_with_its_place() {
        assert_eq!(
            super::fields_split("Datum: 2025-04-08 Tid: 18.30 Plats: Ridhusets cafeteria"),
            [
                "Datum: 2025-04-08",
                "Tid: 18.30",
                "Plats: Ridhusets cafeteria"
            ]
        );
        assert_eq!(
            super::fields_split("Plats: Stationshuset Göteborg. Lokal: Tågvärden"),
            ["Plats: Stationshuset Göteborg. Lokal: Tågvärden"]
        );
        assert_eq!(
            super::fields_split("Ekonomi: tid: 3 timmar"),
            ["Ekonomi: tid: 3 timmar"]
        );
        // A header run into one line behind something else; an attendance
        // list ends the place before it.
        assert_eq!(
            super::fields_split(
                "PROTOKOLL Ärende: Styrelsemöte Datum: 2017-09-11 Tid: 13:30-16:30 \
                 Plats: Stadshuset, plan 5 Närvarande: Anna Berg"
            ),
            [
                "PROTOKOLL Ärende: Styrelsemöte",
                "Datum: 2017-09-11",
                "Tid: 13:30-16:30",
                "Plats: Stadshuset, plan 5",
                "Närvarande: Anna Berg"
            ]
        );
        // A no-break space before a label.
        assert_eq!(
            super::fields_split("PROTOKOLL\u{a0}Datum: 2017-09-11\u{a0}Tid: 13:30"),
            ["PROTOKOLL", "Datum: 2017-09-11", "Tid: 13:30"]
        );
        // One field inside a sentence is no header.
        assert_eq!(
            super::fields_split("Vi ses i Hallen. Tid: 18.30"),
            ["Vi ses i Hallen. Tid: 18.30"]
        );
    }

    #[test]
    fn the_place_between_the_date_and_the_hour_of_a_line() {
        let p = |t: &str| super::place_after_time(t);
        assert_eq!(
            p("Lördagen den 5 april 2025, Hede bygdegård, kl. 13.00–15.10").as_deref(),
            Some("Hede bygdegård")
        );
        assert_eq!(
            p("Anteckningar från jaktlagsmöte lördag 16 augusti 2025 hos Anna i Norrbyn, kl. 14–16")
                .as_deref(),
            Some("hos Anna i Norrbyn")
        );
        assert_eq!(
            p("Tisdag 2 april 2025 i Församlingshemmet kl. 18.00–20.00").as_deref(),
            Some("Församlingshemmet")
        );
        // The hour's number is no part of the place after it.
        assert_eq!(
            p("2 april 2025 kl 18 hos Bosse").as_deref(),
            Some("hos Bosse")
        );
        // The organisation before a place too long with it.
        assert_eq!(
            p("2026-03-17 kl. 09.00–11.30, Region Västmanland, Regionhuset rum Mälaren / Teams")
                .as_deref(),
            Some("Regionhuset rum Mälaren / Teams")
        );
        assert_eq!(p("Tisdag 2 april 2025 kl. 18.00").as_deref(), None);
    }

    #[test]
    fn the_place_after_the_date_and_time_of_a_line() {
        let p = |t: &str| super::place_after_time(t);
        assert_eq!(
            p("Tisdag 18 mars 2025 kl 13.15–15.00, Kulturhuset Tjärna Ängar").as_deref(),
            Some("Kulturhuset Tjärna Ängar")
        );
        assert_eq!(
            p("Möte 4 november 2024, klockan 19–20.30 i skolans matsal").as_deref(),
            Some("skolans matsal")
        );
        assert_eq!(
            p("tisdag 4 februari 2025 09:00 – 09:30 · Microsoft Teams-möte").as_deref(),
            Some("Microsoft Teams-möte")
        );
        assert_eq!(super::normalize_location("Microsoft Teams-möte"), "Teams");
        // A month or a date the date reader leaves at a body's end.
        let cut = |b: &str| super::TRAILING_MONTH_OR_DATE.replace(b, "").to_string();
        assert_eq!(cut("Elevråd 2017-03"), "Elevråd");
        assert_eq!(cut("Hjortjakts möte 22,9 2019"), "Hjortjakts möte");
        assert_eq!(cut("Arbetsgrupp 2030"), "Arbetsgrupp 2030");
        // "Kl" opening a name is no clock.
        assert_eq!(
            p("Onsdag 2 april 2025, 19.00–21.15, Klubbstugan").as_deref(),
            Some("Klubbstugan")
        );
        // A bare date says nothing of the place.
        assert_eq!(p("Kommunstyrelsens arbetsutskott, 2024-03-12"), None);
        assert_eq!(
            super::place_beside_time(
                "Torsdagen den 6 februari 2025 kl. 10.00, Träffpunkten, Sävsjö"
            )
            .as_deref(),
            Some("Träffpunkten, Sävsjö")
        );
    }

    #[test]
    fn an_organisation_and_its_office_on_one_line() {
        use super::organisation_and_office as o;
        assert_eq!(
            o("Region Jämtland Härjedalen, Digitaliseringsenheten"),
            Some(("Region Jämtland Härjedalen", "Digitaliseringsenheten"))
        );
        assert_eq!(
            o("Socialförvaltningen, Kungsbacka kommun"),
            Some(("Kungsbacka kommun", "Socialförvaltningen"))
        );
        assert_eq!(o("Kommunhuset, Mölnlycke"), None);
        assert_eq!(
            o("Department of Biology, Lund University"),
            Some(("Lund University", "Department of Biology"))
        );
    }

    #[test]
    fn a_group_or_a_kind_of_meeting_beside_its_organisation() {
        use super::group_and_organisation as g;
        assert_eq!(
            g("Nätverket för kvalitetsutvecklare, Region Kronoberg"),
            Some((
                "Region Kronoberg",
                Some("Nätverket för kvalitetsutvecklare")
            ))
        );
        assert_eq!(
            g("Veckomöte Kansliet – Svenska Seglarförbundet"),
            Some(("Svenska Seglarförbundet", Some("Kansliet")))
        );
        // The meeting named whole when what follows its kind is no office.
        assert_eq!(
            g("Veckomöte Ekonomi – Nordvik Logistik AB"),
            Some(("Nordvik Logistik AB", Some("Veckomöte Ekonomi")))
        );
        assert_eq!(g("Byamöte Rörviks byalag"), Some(("Rörviks byalag", None)));
        assert_eq!(g("Kommunhuset, Mölnlycke"), None);
        assert_eq!(g("Styrelsemöte 4"), None);
    }

    #[test]
    fn a_label_of_two_words_needs_no_colon_before_a_capital() {
        assert_eq!(
            field_of("Tid och plats Måndagen den 11 september 2017"),
            Some((
                "tid och plats".to_string(),
                "Måndagen den 11 september 2017"
            ))
        );
        assert_eq!(
            field_of("Plats: Stadshuset"),
            Some(("plats".to_string(), "Stadshuset"))
        );
        // A label in two languages.
        assert_eq!(
            field_of("Plats / Place: Skolans bibliotek"),
            Some(("plats".to_string(), "Skolans bibliotek"))
        );
        assert_eq!(field_of("Kaffe/te: Anna"), None);
        assert_eq!(
            field_of("Plats/tid: Stadshuset 18.00"),
            Some(("plats och tid".to_string(), "Stadshuset 18.00"))
        );
        // One word, or a value in lower case: text, not a field.
        assert_eq!(field_of("Plats Stadshuset"), None);
        assert_eq!(field_of("Tid och plats bestäms senare"), None);
    }

    #[test]
    fn an_organisation_in_the_genitive_before_its_body() {
        use super::title::owner_then_body as o;
        assert_eq!(
            o("Svenska Brukshundklubbens Utskott för prov och tävling"),
            Some(("Svenska Brukshundklubben", "Utskott för prov och tävling"))
        );
        assert_eq!(
            o("Region Skånes regionstyrelse"),
            Some(("Region Skåne", "regionstyrelse"))
        );
        // A body in the genitive before its own part is no organisation,
        // nor is a bare word for one.
        assert_eq!(o("Kommunstyrelsens arbetsutskott"), None);
        assert_eq!(o("Föreningens styrelse"), None);
        assert_eq!(o("Styrelsens protokoll"), None);
    }

    #[test]
    fn fields_without_colons_in_a_flattened_page_start_at_their_labels() {
        let t = "Nr 4 Rådet 2017-09-11 1(7) Tid och plats Måndagen den 11 september Beslutande ledamöter Karolina Wessman, ordförande Övriga närvarande Tjänstemän Petter Olsson";
        let parts: Vec<&str> = bare_label_starts(t)
            .iter()
            .map(|&at| t[at..].split(' ').next().unwrap_or(""))
            .collect();
        assert_eq!(parts, ["Tid", "Beslutande", "Övriga", "Tjänstemän"]);
    }

    #[test]
    fn header_fields_run_together_on_one_line_start_at_their_labels() {
        let t = "Datum: 2016-05-15 Plats: Klubbstugan Närvarande: Anna Berg, Bo Ek";
        let parts: Vec<&str> = {
            let s = super::label_starts(t);
            let mut ends = s[1..].to_vec();
            ends.push(t.len());
            s.iter().zip(ends).map(|(&a, b)| t[a..b].trim()).collect()
        };
        assert_eq!(
            parts,
            [
                "Datum: 2016-05-15",
                "Plats: Klubbstugan",
                "Närvarande: Anna Berg, Bo Ek"
            ]
        );
        assert_eq!(
            super::label_starts("Ordförande: Anna Berg Sekreterare: Bo Ek").len(),
            2
        );
        // The room is more of the place; a time's colon is no label; the
        // first field must open the line.
        assert!(super::label_starts("Plats: Stationshuset Göteborg. Lokal: Tågvärden").is_empty());
        assert!(super::label_starts("Tid: 18:00").is_empty());
        assert!(super::label_starts("Nästa möte: Tid: 18.00 Plats: Klubbstugan").is_empty());
    }

    #[test]
    fn a_longer_name_in_brackets_after_an_organisation_is_left_out() {
        use super::without_alias as w;
        assert_eq!(
            w("SweNet Developers Association (Föreningen SweNet)"),
            "SweNet Developers Association"
        );
        assert_eq!(
            w("Myndigheten för digital förvaltning (Digg)"),
            "Myndigheten för digital förvaltning (Digg)"
        );
    }

    #[test]
    fn a_town_in_the_text_is_no_organisation() {
        let mut m = super::Meeting::default();
        super::fill_from_text(&mut m, "Laget åker på träningsläger i Halmstad i maj.\n");
        assert_eq!(m.organization, None);
        // Someone's affiliation in brackets is not the minutes' owner.
        super::fill_from_text(
            &mut m,
            "Deltagare: Karin Granström (Karlstads universitet), Per-Anders Bergman (Karlstads kommun)\n",
        );
        assert_eq!(m.organization, None);
        super::fill_from_text(&mut m, "Kungsbacka kommun har fått svar.\n");
        assert_eq!(m.organization.as_deref(), Some("Kungsbacka kommun"));
    }

    #[test]
    fn opening_and_closing_sentences_in_more_words() {
        let times = |t: &str| {
            let mut m = super::Meeting::default();
            super::fill_from_text(&mut m, t);
            (m.start_time, m.end_time)
        };
        let some = |s: &str| Some(s.to_string());
        // A whole hour closing the sentence; a meeting of the common gender.
        assert_eq!(
            times("Ordföranden öppnade mötet klockan 19.").0,
            some("19:00")
        );
        assert_eq!(
            times(
                "Anna förklarade stämman öppnad kl 19.00.\nAnna förklarade stämman avslutad klockan 20.30.\n"
            ),
            (some("19:00"), some("20:30"))
        );
        assert_eq!(
            times("The chair called the meeting to order at 18:05.").0,
            some("18:05")
        );
        assert_eq!(
            times("Start of the meeting at 17.10.\nMeeting adjourned at 18.05.\n"),
            (some("17:10"), some("18:05"))
        );
    }

    #[test]
    fn the_place_after_a_titles_hour_or_at_someones_home_after_a_date() {
        let m = super::header_tests::header(&[
            "Protokoll från styrelsemöte 2026-03-05 kl. 17.30, Stadsbiblioteket, grupprum 4",
        ]);
        assert_eq!(m.location.as_deref(), Some("Stadsbiblioteket, grupprum 4"));
        let m = super::header_tests::header(&["Styrelsemöte", "2025-03-26, hos Cissi"]);
        assert_eq!(m.location.as_deref(), Some("hos Cissi"));
        // The title under the organisation's line: its body before the
        // comma, the place after the hour.
        let m = super::header_tests::header(&[
            "ALINGSÅS FÖRSAMLING",
            "Protokoll kyrkorådet 2026-05-13, kl. 18.30–20.45, Församlingshemmet",
        ]);
        assert_eq!(m.body.as_deref(), Some("Kyrkorådet"));
        assert_eq!(m.location.as_deref(), Some("Församlingshemmet"));
        // A span of hours without "kl".
        let m =
            super::header_tests::header(&["Styrelsemöte 5 mars 2024, 18:00-20:00, Klubbstugan"]);
        assert_eq!(m.location.as_deref(), Some("Klubbstugan"));
    }

    #[test]
    fn a_labels_or_a_separators_leftovers_are_no_values() {
        // An organisation number's label is no organisation.
        let m = super::header_tests::header(&["Org.nr 789200-3344", "Protokoll årsmöte"]);
        assert_eq!(m.organization, None);
        // A title wrapped after its preposition names no place on its line.
        let m = super::header_tests::header(&[
            "Protokoll fört vid årsmöte söndagen den 16 mars 2025 kl. 15.00 i",
        ]);
        assert_eq!(m.location, None);
        // A middle dot between the type and the group.
        let m = super::header_tests::header(&[
            "Minnesanteckningar · Referensgruppen för viltförvaltning",
        ]);
        assert_eq!(
            m.body.as_deref(),
            Some("Referensgruppen för viltförvaltning")
        );
    }

    #[test]
    fn organisation_then_body_in_the_orders_headers_write_them() {
        let split = |t: &str| super::organisation_then_body(t);
        assert_eq!(
            split("Norrby IF, styrelsen"),
            Some(("Styrelsen".to_string(), "Norrby IF".to_string()))
        );
        assert_eq!(
            split("Norrby Hembygdsförening / Styrelsen"),
            Some((
                "Styrelsen".to_string(),
                "Norrby Hembygdsförening".to_string()
            ))
        );
        assert_eq!(
            split("Kyrkorådet Norrby församling"),
            Some(("Kyrkorådet".to_string(), "Norrby församling".to_string()))
        );
        assert_eq!(
            split("Valberedningen i Norrby IF"),
            Some(("Valberedningen".to_string(), "Norrby IF".to_string()))
        );
        assert_eq!(split("Anna Berg, ordförande"), None);
        assert_eq!(split("Styrelsen, arbetsutskottet"), None);
    }

    #[test]
    fn a_welcome_to_a_building_in_lower_case_names_the_place() {
        let mut m = super::Meeting::default();
        super::fill_from_text(
            &mut m,
            "1. Mötets öppnande\nAnna hälsade alla välkomna till klubbstugan.",
        );
        assert_eq!(m.location.as_deref(), Some("klubbstugan"));
        let mut m = super::Meeting::default();
        super::fill_from_text(&mut m, "Anna hälsade alla välkomna till mötet.");
        assert_eq!(m.location, None);
    }

    #[test]
    fn english_minutes_say_where_and_when_they_were_held() {
        let mut m = super::Meeting::default();
        super::fill_from_text(
            &mut m,
            "Minutes\nHeld on 12 March 2024 at 18:00 in the Community Hall\n1. Opening",
        );
        assert_eq!(m.location.as_deref(), Some("Community Hall"));
        assert_eq!(m.start_time.as_deref(), Some("18:00"));
        let mut m = super::Meeting::default();
        super::fill_from_text(
            &mut m,
            "The elections were held in March.\nThe vote took place on Monday.",
        );
        assert_eq!(m.location, None);
    }

    #[test]
    fn an_account_of_a_meeting_is_minutes_and_names_who_held_it() {
        let m = super::header_tests::header(&[
            "Referat från medlemsmöte i Norrby Byalag",
            "2024-03-13",
        ]);
        assert_eq!(m.organization.as_deref(), Some("Norrby Byalag"));
        assert_eq!(m.document_type.as_deref(), Some("minutes"));
    }

    #[test]
    fn a_building_under_the_date_of_a_title_block_is_the_place() {
        let m = super::header_tests::header(&[
            "Protokoll",
            "Styrelsemöte",
            "Norrby Hembygdsförening",
            "2024-03-12 kl 18:30",
            "Bygdegården, Norrby",
        ]);
        assert_eq!(m.location.as_deref(), Some("Bygdegården, Norrby"));
        assert_eq!(m.start_time.as_deref(), Some("18:30"));
        // A name under the date is no place.
        let m = super::header_tests::header(&["Protokoll styrelsemöte", "2024-03-12", "Anna Berg"]);
        assert_eq!(m.location, None);
        assert!(super::date_and_hour_only(
            "Tisdag 12 mars 2024, kl. 18.30–20.00"
        ));
        assert!(!super::date_and_hour_only("2024-03-12 i Bygdegården"));
    }

    #[test]
    fn a_meeting_field_whose_value_is_a_title_gives_body_and_organisation() {
        let m = super::header_tests::header(&[
            "Protokoll",
            "Möte: Styrelsemöte Norrby Hembygdsförening",
            "Datum: 2024-03-12",
        ]);
        assert_eq!(m.organization.as_deref(), Some("Norrby Hembygdsförening"));
        assert_eq!(m.body.as_deref(), Some("Styrelsen"));
        // A date as the value is when the meeting was held.
        let m = super::header_tests::header(&["Protokoll", "Möte: 2024-03-12, kl. 19.00"]);
        assert_eq!(m.body, None);
        assert_eq!(m.date.as_deref(), Some("2024-03-12"));
        assert_eq!(m.start_time.as_deref(), Some("19:00"));
        // A body alone stays the body.
        let m = super::header_tests::header(&[
            "Protokoll",
            "Möte: Ledningsgruppen",
            "Datum: 2024-03-12",
        ]);
        assert_eq!(m.body.as_deref(), Some("Ledningsgruppen"));
    }

    #[test]
    fn the_service_a_meetings_form_names_is_where_it_was_held() {
        let m = super::header_tests::header(&["Minnesanteckningar", "Mötesform: digitalt (Teams)"]);
        assert_eq!(m.location.as_deref(), Some("Teams"));
        let m = super::header_tests::header(&["Protokoll", "Mötesform: Microsoft Teams"]);
        assert_eq!(m.location.as_deref(), Some("Microsoft Teams"));
        // A form without a service names no place.
        let m = super::header_tests::header(&["Protokoll", "Mötesform: fysiskt möte"]);
        assert_eq!(m.location, None);
    }

    #[test]
    fn a_body_line_that_names_its_holder_after_a_dash_or_a_comma() {
        let split = |t: &str| super::body_then_organisation(t);
        let pair = |b: &str, o: &str| Some((b.to_string(), o.to_string()));
        assert_eq!(
            split("Ledarmöte – Scoutkåren Tranan"),
            pair("Ledarmöte", "Scoutkåren Tranan")
        );
        assert_eq!(
            split("Veckomöte Ekonomi – Nordvik Logistik AB"),
            pair("Veckomöte Ekonomi", "Nordvik Logistik AB")
        );
        assert_eq!(
            split("Styrelsen, Ekbackens vägförening"),
            pair("Styrelsen", "Ekbackens vägförening")
        );
        assert_eq!(
            split("Styrelsen Ekbackens Pensionärsförening"),
            pair("Styrelsen", "Ekbackens Pensionärsförening")
        );
        // The association's name, then its board in lower case.
        assert_eq!(
            split("Norrby Schackklubb styrelse"),
            pair("Styrelsen", "Norrby Schackklubb")
        );
        assert_eq!(split("Nya styrelse"), None);
        // A part after the dash that names no organisation stays the body's.
        assert_eq!(split("Styrgrupp – vecka 12"), None);
        assert_eq!(split("Styrelsen Ekonomi"), None);
    }

    #[test]
    fn an_agency_over_the_title_line_that_names_its_group() {
        let m = super::header_tests::header(&[
            "Myndigheten för digital förvaltning",
            "Minnesanteckningar referensgrupp PID 2023-08-29",
        ]);
        assert_eq!(
            m.organization.as_deref(),
            Some("Myndigheten för digital förvaltning")
        );
        assert_eq!(m.body.as_deref(), Some("Referensgrupp PID"));
        // A later line naming a meeting with its place is no group's name.
        let m = super::header_tests::header(&[
            "Norrbyns jaktlag",
            "Anteckningar från jaktlagsmöte 16 augusti 2025 hos Anna i Norrbyn",
        ]);
        assert_eq!(m.organization.as_deref(), Some("Norrbyns jaktlag"));
        assert_eq!(m.body, None);
    }

    #[test]
    fn the_date_and_hour_of_the_sentence_that_opens_the_meeting() {
        let filled = |t: &str| {
            let mut m = super::Meeting::default();
            super::fill_from_text(&mut m, t);
            (m.date, m.start_time)
        };
        assert_eq!(
            filled(
                "1. Mötets öppnande\nOrdföranden öppnade mötet den 17 januari 2013 kl. 19.00.\n"
            ),
            (Some("2013-01-17".to_string()), Some("19:00".to_string()))
        );
        assert_eq!(
            filled("§1 Anna hälsade välkommen till styrelsemötet 2013-01-17.\n")
                .0
                .as_deref(),
            Some("2013-01-17")
        );
        // A welcome that names the coming meeting's day gives no date.
        assert_eq!(
            filled("Anna hälsade välkommen och sa att nästa möte blir 2013-02-14.\n").0,
            None
        );
    }

    #[test]
    fn a_clock_time_right_after_a_full_date_on_its_line() {
        let start = |t: &str| {
            let mut m = super::Meeting::default();
            super::set_times(&mut m, t);
            m.start_time
        };
        assert_eq!(
            start("Datum och tid: 2023-05-01 18.00").as_deref(),
            Some("18:00")
        );
        assert_eq!(
            start("Styrelsemöte 1 maj 2023, 19:30 i Bygdegården").as_deref(),
            Some("19:30")
        );
        // An item's number on the next line, a decimal in a sentence.
        assert_eq!(start("Protokoll 2023-05-01\n1.15 Mötets öppnande"), None);
        assert_eq!(start("Budget 2023-05-01 3.50 miljoner kronor"), None);
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

/// What a title line says about the meeting.
#[derive(Debug, Default, PartialEq)]
struct TitleParts {
    /// The document's type, when the title gives it ("minutes").
    document_type: Option<&'static str>,
    /// The body the kind of meeting names ("Styrelsen", "Årsmöte").
    body: Option<String>,
    organization: Option<String>,
    /// An office under the organisation, given as a segment of its own.
    department: Option<String>,
    location: Option<String>,
}

/// "Göteborgs Stad Stadsledningskontoret protokoll": a running page header
/// naming the organisation and its office.
fn running_header(line: &str) -> Option<(String, String)> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let (last, head) = words.split_last()?;
    if document_type_word(&last.to_lowercase()).is_none() || head.len() < 2 || head.len() > 6 {
        return None;
    }
    if !head
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return None;
    }
    let org_end = head.iter().position(|w| {
        let l = w.to_lowercase();
        lexicon::ORGANIZATION_WORDS.iter().any(|o| l.ends_with(o))
    })?;
    let dept = &head[org_end + 1..];
    let dept_ok = dept.last().is_some_and(|w| {
        let l = w.to_lowercase();
        lexicon::DEPARTMENT_WORDS.iter().any(|d| l.ends_with(d))
    });
    dept_ok.then(|| (head[..=org_end].join(" "), dept.join(" ")))
}

/// The date of the document's first line when it is short and holds a
/// full date ("# Möte 2023-02-07", "Styrelsemöte 12 mars 2024"): minutes
/// whose title a heading outline made an item have no header to give it.
pub(crate) fn date_of_first_line(doc: &Document) -> Option<Date> {
    let text = doc
        .blocks
        .iter()
        .map(|b| b.plain_text())
        .find(|t| !t.trim().is_empty())?;
    let line = text.lines().find(|l| !l.trim().is_empty())?.trim();
    if line.chars().count() > 80 {
        return None;
    }
    find_dates(line, &DateContext::default())
        .into_iter()
        .find(|d| d.precision == crate::dates::Precision::Full)
        .and_then(|d| d.date)
}

/// A warning for minutes whose meeting date was not found.
pub(crate) fn warnings(m: &Meeting) -> Vec<minutes_model::Diagnostic> {
    if m.date.is_some() {
        return Vec::new();
    }
    vec![minutes_model::Diagnostic::warning(
        "structure.no-date",
        "no meeting date found: the header names no date (set it by hand or check the header)",
    )]
}

#[cfg(test)]
mod running_header_tests {
    #[test]
    fn the_office_in_the_running_header() {
        let mut m = super::Meeting::default();
        let page =
            "Göteborgs Stad Stadsledningskontoret protokoll\n\n3 (68)\n\nKommunfullmäktige\n";
        let text = format!("{page}text i Göteborgs kommun\n{page}{page}");
        super::fill_from_text(&mut m, &text);
        assert_eq!(m.organization.as_deref(), Some("Göteborgs Stad"));
        assert_eq!(m.department.as_deref(), Some("Stadsledningskontoret"));
    }
}

#[cfg(test)]
mod header_tests {
    use super::*;

    /// The meeting read from header lines given as plain text.
    pub(super) fn header(lines: &[&str]) -> Meeting {
        HeaderLines {
            lines: lines
                .iter()
                .map(|t| HeaderLine {
                    text: t.to_string(),
                    heading: false,
                    placeholder: false,
                })
                .collect(),
        }
        .meeting()
    }

    #[test]
    fn a_header_in_capitals_is_read_as_written_in_the_usual_case() {
        assert_eq!(
            super::decapitalised("STYRELSEN FÖR ÖSTBY VÄGSAMFÄLLIGHET"),
            "Styrelsen för Östby Vägsamfällighet"
        );
        assert_eq!(
            super::decapitalised("PROTOKOLL HSB BRF LÖNNEN DEN 9 JUNI KL. 18"),
            "Protokoll HSB BRF Lönnen den 9 Juni kl. 18"
        );
        assert_eq!(super::decapitalised("Styrelsen FÖR"), "Styrelsen FÖR");
        // An abbreviation's genitive with an apostrophe; a choir before
        // its date; a hunting area's own word.
        let m = header(&["Protokoll från HFF’s årsmöte"]);
        assert_eq!(m.organization.as_deref(), Some("HFF"));
        let m = header(&["Långbrodalskören 2024-02-07"]);
        assert_eq!(m.organization.as_deref(), Some("Långbrodalskören"));
        let m = header(&["Styrelsemöte i Norra Älgskötselområdet"]);
        assert_eq!(m.organization.as_deref(), Some("Norra Älgskötselområdet"));
        // A title, its attendance list and more run into one line give no
        // body of a hundred characters.
        let m = header(&[
            "Protokoll styrelsemöte Föräldraföreningens styrelse Närvarande Anna Berg vice ordförande Bo Ek sekreterare Cilla Ny Dan Ås Eva Öst Fia Lund Gun Ek ledamot Page 1 of 9",
        ]);
        assert_eq!(m.body, None);
        assert_eq!(m.document_type.as_deref(), Some("minutes"));
        // "kl:" before the hour; "vid" before the place.
        let m = header(&[
            "Protokoll",
            "Hjortjaktmöte: 22.9.2019 kl:19.00 vid sportstugan",
        ]);
        assert_eq!(m.start_time.as_deref(), Some("19:00"));
        assert_eq!(m.location.as_deref(), Some("sportstugan"));
        // Four digits without their stop; "febr."; a start labelled by the
        // meeting's verb.
        let m = header(&[
            "Ordinarie årsmöte 2019 Norrby IF",
            "Tid: onsdagen den 27 febr. kl. 1900",
        ]);
        assert_eq!(m.start_time.as_deref(), Some("19:00"));
        assert_eq!(crate::dates::month_number("febr."), Some(2));
        let m = header(&["Styrelsemöte Norrby IF 2023-01-25 kl 0900-1530"]);
        assert_eq!(
            (m.start_time.as_deref(), m.end_time.as_deref()),
            (Some("09:00"), Some("15:30"))
        );
        let m = header(&[
            "Styrelsemöte Norrby IF 2019-03-02",
            "Mötet börjar: Kl 11.55",
        ]);
        assert_eq!(m.start_time.as_deref(), Some("11:55"));
        // A title that names its kind twice: the kind is no part of the
        // organisation's name.
        let m = header(&[
            "Protokoll styrelsemöte Styrelsemöte Norrby Fältrittklubb 8 februari 2017 i konferensrummet",
        ]);
        assert_eq!(m.organization.as_deref(), Some("Norrby Fältrittklubb"));
        // A municipal protocol's section label after the organisation; the
        // year before the meeting's number.
        let m = header(&[
            "NORRBY KOMMUN ANSLAG/BEVIS",
            "Protokoll kommunstyrelsen 2019-03-06",
        ]);
        assert_eq!(m.organization.as_deref(), Some("NORRBY KOMMUN"));
        let m = header(&["Protokoll styrelsemöte 2016/5 Norrby Ridklubb 2016-05-11"]);
        assert_eq!(m.organization.as_deref(), Some("Norrby Ridklubb"));
        // The title calls it by its kind; the next line names it.
        let m = header(&[
            "Protokoll Vägföreningens årsmöte 25 augusti 2018",
            "Norrby Ekeby samfällighetsförening",
        ]);
        assert_eq!(
            m.organization.as_deref(),
            Some("Norrby Ekeby samfällighetsförening")
        );
        // The board's meeting in the genitive names the body.
        let m = header(&[
            "Protokoll fört vid styrelsens konstituerande sammanträde i Ekby fiskevårdsförening den 3 maj 2021",
        ]);
        assert_eq!(m.body.as_deref(), Some("Styrelsen"));
        assert_eq!(m.organization.as_deref(), Some("Ekby fiskevårdsförening"));
        // The names it gives are as printed.
        let m = header(&["PROTOKOLL", "STYRELSEN FÖR ÖSTBY VÄGSAMFÄLLIGHET"]);
        assert_eq!(m.organization.as_deref(), Some("ÖSTBY VÄGSAMFÄLLIGHET"));
        assert_eq!(m.body.as_deref(), Some("Styrelsen"));
        let m = header(&["KUNGSBACKA KOMMUN", "KOMMUNSTYRELSENS ARBETSUTSKOTT"]);
        assert_eq!(m.body.as_deref(), Some("Kommunstyrelsens arbetsutskott"));
        // Only whole words, and not when a line in the usual case writes
        // the name so.
        let m = header(&["STADSHUSETS KANSLI", "Protokoll", "Plats: Stadshuset"]);
        assert_eq!(m.location.as_deref(), Some("Stadshuset"));
    }

    #[test]
    fn a_second_document_type_after_a_joiner_names_no_organisation() {
        let m = header(&["Agenda & mötesanteckningar 20201210"]);
        assert_eq!(m.organization, None);
    }

    #[test]
    fn a_meeting_link_or_a_date_and_a_service_alone_gives_the_place() {
        assert_eq!(
            service_line("https://sunet.zoom.us/my/fresia"),
            Some("Zoom")
        );
        assert_eq!(
            service_line("https://meet.google.com/abc-defg-hij"),
            Some("Google Meet")
        );
        assert_eq!(service_line("2020-03-13 Zoom"), Some("Zoom"));
        assert_eq!(service_line("Zoom"), None);
        assert_eq!(service_line("https://example.org/zoom"), None);
        assert_eq!(service_line("2020-03-13 Zoom och kaffe"), None);
    }

    #[test]
    fn titles_of_associations_written_as_their_secretaries_write_them() {
        let m = header(&["Möte i Norrby föräldraförening 12/3 2025"]);
        assert_eq!(m.organization.as_deref(), Some("Norrby föräldraförening"));
        // A title broken after "med": the holder and the place on the next line.
        let m = header(&[
            "Protokoll fört vid styrelsemöte med",
            "Norrby Byalag i Byastugan",
            "2025-03-12",
        ]);
        assert_eq!(m.organization.as_deref(), Some("Norrby Byalag"));
        assert_eq!(m.location.as_deref(), Some("Byastugan"));
        // The year reported on is no place; the labelled place wins.
        let m = header(&[
            "Protokoll från årsstämma i Norrby vägsamfällighet för verksamhetsåret 2024 – 2025",
            "Tid: Lördagen den 12 mars 2025, kl. 10.00",
            "Plats: Föreningslokalen i Norrby",
        ]);
        assert_eq!(m.organization.as_deref(), Some("Norrby vägsamfällighet"));
        assert_eq!(m.location.as_deref(), Some("Föreningslokalen i Norrby"));
        // The kind of meeting capitalised after an owner in the genitive.
        let m = header(&["Protokoll fört vid Norrby Bygdegårdsförenings Årsmöte 2025-03-12"]);
        assert_eq!(m.organization.as_deref(), Some("Norrby Bygdegårdsförening"));
        // A town closing the name, as written.
        assert!(organisation_shaped(
            "Alby samfällighetsförening i Storvreta"
        ));
        assert!(organisation_shaped("Svenska kyrkan i Alingsås församling"));
        assert!(!organisation_shaped("Styrelsemöte i Storvreta"));
        assert!(organisation_shaped("63:ans samfällighetsförening"));
    }

    #[test]
    fn an_organisation_is_read_from_its_name_however_it_is_headed() {
        let org = |lines: &[&str]| header(lines).organization;
        // An owner's name before the head word; a sports club's abbreviation.
        assert_eq!(
            org(&["HSB Bostadsrättsförening Solrosen i Malmö", "Protokoll"]).as_deref(),
            Some("HSB Bostadsrättsförening Solrosen i Malmö")
        );
        assert_eq!(
            org(&[
                "IF Nordstjärnan – Fotboll och innebandy",
                "Styrelsemöte 2025-09-08"
            ])
            .as_deref(),
            Some("IF Nordstjärnan")
        );
        // A place after a dash or comma is no part of the name; "nr 2" is.
        assert_eq!(
            org(&["Ridklubben Hästen – Lidköping", "Styrelsemöte 2025-03-04"]).as_deref(),
            Some("Ridklubben Hästen")
        );
        assert_eq!(
            org(&["Riksbyggen Brf Ekbacken nr 2, Örebro", "Protokoll"]).as_deref(),
            Some("Riksbyggen Brf Ekbacken nr 2")
        );
        // A legal form closes the name, its period kept.
        assert_eq!(
            org(&[
                "PROTOKOLL",
                "fört vid ordinarie föreningsstämma med Hammarby Bygdegårdsförening ek. för."
            ])
            .as_deref(),
            Some("Hammarby Bygdegårdsförening ek. för.")
        );
        // A committee named in the definite form is the group.
        let m = header(&[
            "Arbetsmiljökommittén – Gävle Energi AB",
            "Minnesanteckningar",
        ]);
        assert_eq!(m.organization.as_deref(), Some("Gävle Energi AB"));
        assert_eq!(m.body.as_deref(), Some("Arbetsmiljökommittén"));
        // A meeting or a body after the dash is not a descriptor.
        assert_eq!(
            organisation_before_descriptor("Östersunds Skidklubb – Årsmöte"),
            None
        );
        assert_eq!(
            organisation_before_descriptor("Brf Lönnen – Styrelsen"),
            None
        );
    }

    #[test]
    fn an_organisation_then_its_group_or_office() {
        let m = header(&[
            "Uppsala Student Union – Board of Directors",
            "Minutes, meeting 7/2024",
        ]);
        assert_eq!(m.organization.as_deref(), Some("Uppsala Student Union"));
        assert_eq!(m.body.as_deref(), Some("Board of Directors"));
        assert_eq!(m.document_type.as_deref(), Some("minutes"));
        let m = header(&["Nordic Network for Adult Learning (NVL) – Swedish coordination group"]);
        assert_eq!(
            m.organization.as_deref(),
            Some("Nordic Network for Adult Learning (NVL)")
        );
        let m = header(&[
            "Projektmöte",
            "Umeå universitet, Institutionen för ekologi, miljö och geovetenskap",
        ]);
        assert_eq!(m.organization.as_deref(), Some("Umeå universitet"));
        assert_eq!(
            m.department.as_deref(),
            Some("Institutionen för ekologi, miljö och geovetenskap")
        );
        let m = header(&[
            "Riksbyggen Brf Vingen 3 i Eskilstuna",
            "Protokoll fört vid styrelsemöte",
        ]);
        assert_eq!(
            m.organization.as_deref(),
            Some("Riksbyggen Brf Vingen 3 i Eskilstuna")
        );
        assert!(!organisation_shaped("Kassör IF Nordstjärnan"));
        assert!(!organisation_shaped("Styrelsemöte Brf Lönnen"));
        // A county's name closes with "län".
        assert!(organisation_shaped("Region Örebro län"));
        assert!(!organisation_shaped("Region län Örebro"));
        let m = header(&["Arbetsgrupp e-hälsa, Region Örebro län – anteckningar 2025-09-30"]);
        assert_eq!(m.organization.as_deref(), Some("Region Örebro län"));
        let m = header(&["Sektionsmöte 3 – Maskinsektionen inom THS"]);
        assert_eq!(m.organization.as_deref(), Some("Maskinsektionen inom THS"));
    }

    #[test]
    fn a_second_title_line_names_who_holds_the_meeting() {
        let m = header(&[
            "Protokoll för styrelsemöte 2 juni 2014",
            "Protokoll fört vid styrelsemöte med Springets Båtförening den 2 juni 2014",
        ]);
        assert_eq!(m.body.as_deref(), Some("Styrelsen"));
        assert_eq!(m.organization.as_deref(), Some("Springets Båtförening"));
    }

    #[test]
    fn a_two_digit_year_under_a_date_label_and_the_next_meeting_is_not_the_date() {
        let m = header(&[
            "Protokoll, styrelsemöte, Fröskog Ek. Fiberförening, #46",
            "Datum: 14-04-27",
            "Nästa möte: Sön 4/5-2014, kl 19.00 hos BÅL.",
        ]);
        assert_eq!(m.date.as_deref(), Some("2014-04-27"));
        // The whole year run into the date.
        let m = header(&["Protokoll", "Datum: 20140427"]);
        assert_eq!(m.date.as_deref(), Some("2014-04-27"));
        // A title's date as one run of digits; an organisation number is
        // none.
        for (title, date) in [
            ("Styrelsemöte 20140427", Some("2014-04-27")),
            ("Protokoll 140427", Some("2014-04-27")),
            ("Styrelsemötesprotokoll 950912", Some("1995-09-12")),
            ("Brf Lönnen 769612-3456", None),
        ] {
            assert_eq!(header(&[title]).date.as_deref(), date, "{title}");
        }
        let m = header(&["Protokoll", "Nästa möte: 4/5-2014"]);
        assert_eq!(m.date, None);
    }

    #[test]
    fn a_place_label_set_off_by_a_space_or_a_comma_before_the_hour() {
        let m = header(&["Protokoll", "Plats Restaurang Tvåkanten kl. 12.00"]);
        assert_eq!(m.location.as_deref(), Some("Restaurang Tvåkanten"));
        assert_eq!(m.start_time.as_deref(), Some("12:00"));
        let m = header(&[
            "Protokoll årsstämma",
            "Plats, Lainio kapell 230501 kl 14.00",
        ]);
        assert_eq!(m.location.as_deref(), Some("Lainio kapell"));
        assert_eq!(m.date.as_deref(), Some("2023-05-01"));
        // A sentence about the place is no label.
        let m = header(&["Protokoll", "Platsen var bokad sedan länge"]);
        assert_eq!(m.location, None);
    }

    #[test]
    fn a_web_pages_link_or_list_heading_over_the_minutes_is_no_organisation() {
        for first in ["tillbaka", "Kommande tävlingar"] {
            let m = header(&[first, "Protokoll fört vid styrelsemöte 2012-02-05"]);
            assert_eq!(m.organization, None, "{first}");
        }
    }

    #[test]
    fn a_place_after_the_time_of_a_place_and_time_label_loses_its_preposition() {
        let m = header(&[
            "Kommunstyrelsen",
            "Tid och plats: Tisdagen den 25 augusti 2026 klockan 13.00-16.15 i Stadshuset, Kungsbackasalen",
        ]);
        assert_eq!(m.location.as_deref(), Some("Stadshuset, Kungsbackasalen"));
        assert_eq!(m.start_time.as_deref(), Some("13:00"));
    }

    #[test]
    fn a_sitting_broken_by_adjournments_ends_with_its_last_range() {
        let m = header(&[
            "Kommunstyrelsen 2026-08-25",
            "Plats och tid: Stadshuset, 13.00-14.30, ajournering 14.30-14.45, 14.45-16.15",
        ]);
        assert_eq!(m.start_time.as_deref(), Some("13:00"));
        assert_eq!(m.end_time.as_deref(), Some("16:15"));
        // A later range that starts before the first ended is no sitting of it.
        let m = header(&[
            "Styrelsen 2026-08-25",
            "Tid: 13.00-14.30, 10.00-11.00 lunch",
        ]);
        assert_eq!(m.end_time.as_deref(), Some("14:30"));
        // A break with no sitting after it leaves the end as it was.
        let m = header(&[
            "Styrelsen 2026-08-25",
            "Tid: Kl. 13.00-15.00, därefter fika 15.00-15.30",
        ]);
        assert_eq!(m.end_time.as_deref(), Some("15:00"));
    }

    #[test]
    fn a_date_label_over_its_date_is_no_place() {
        let m = header(&[
            "PROTOKOLL",
            "Sammanträdesdatum",
            "2024-03-12",
            "Kommunstyrelsens arbetsutskott",
        ]);
        assert_eq!(m.date.as_deref(), Some("2024-03-12"));
        assert_eq!(m.location, None);
    }

    #[test]
    fn labels_with_their_values_on_the_next_line() {
        let m = header(&[
            "Kommunstyrelsen",
            "SAMMANTRÄDESPROTOKOLL",
            "Sammanträdesdatum",
            "2024-03-12",
            "Plats och tid",
            "Kommunhuset, sammanträdesrum Ljusnan, kl. 08.30–12.00",
        ]);
        assert_eq!(m.date.as_deref(), Some("2024-03-12"));
        assert_eq!(
            m.location.as_deref(),
            Some("Kommunhuset, sammanträdesrum Ljusnan")
        );
        assert_eq!(m.start_time.as_deref(), Some("08:30"));
        assert_eq!(m.end_time.as_deref(), Some("12:00"));
    }

    #[test]
    fn a_document_type_with_a_colon_before_the_body() {
        let m = header(&["Mötesanteckningar: Samverkansplattform ÖP 21 mars 2025"]);
        assert_eq!(m.body.as_deref(), Some("Samverkansplattform ÖP"));
        assert_eq!(m.date.as_deref(), Some("2025-03-21"));
        assert_eq!(m.document_type.as_deref(), Some("minutes"));
        let m = header(&["Protokoll: Styrelsen 2024-03-02"]);
        assert_eq!(m.body.as_deref(), Some("Styrelsen"));
        // A meeting in lower case is the body, not an association; the
        // group's meeting names the group.
        let m = header(&["Minnesanteckningar referensgruppsmöte e-tjänster"]);
        assert_eq!(m.body.as_deref(), Some("Referensgrupp e-tjänster"));
        assert_eq!(m.organization, None);
    }

    #[test]
    fn an_invitation_gives_the_day_hour_and_place_in_a_sentence() {
        let m = header(&[
            "Kallelse till årsmöte i Västbygdens spelmansförbund",
            "Härmed kallas medlemmarna till årsmöte lördagen den 23 februari 2013 kl. 13.00 i Folkets hus, Alingsås.",
        ]);
        assert_eq!(m.date.as_deref(), Some("2013-02-23"));
        assert_eq!(m.start_time.as_deref(), Some("13:00"));
        assert_eq!(m.location.as_deref(), Some("Folkets hus"));
    }

    #[test]
    fn a_name_then_the_document_type_after_a_dash() {
        let m = header(&["Group 11 - Meeting minutes", "Date: 2015-05-13"]);
        assert_eq!(m.body.as_deref(), Some("Group 11"));
        assert_eq!(m.document_type.as_deref(), Some("minutes"));
        assert_eq!(m.organization, None);
        let m = header(&["Sjöviks båtklubb – protokoll"]);
        assert_eq!(m.organization.as_deref(), Some("Sjöviks båtklubb"));
        // A comma sets the type off as a dash does.
        let m = header(&["Ekonomigruppen, protokoll", "Datum: 2025-09-30"]);
        assert_eq!(m.body.as_deref(), Some("Ekonomigruppen"));
        assert_eq!(m.document_type.as_deref(), Some("minutes"));
        // The article is no part of the name after "of".
        let m = header(&["Minutes of the AGM of the Swedish Chess Federation"]);
        assert_eq!(m.organization.as_deref(), Some("Swedish Chess Federation"));
        assert_eq!(m.body.as_deref(), Some("AGM"));
        let m = header(&["Board meeting minutes, Python Sverige"]);
        assert_eq!(m.organization.as_deref(), Some("Python Sverige"));
        assert_eq!(m.body.as_deref(), Some("board"));
        let m = header(&["Python Sverige Annual General Meeting 2020 – Minutes"]);
        assert_eq!(m.organization.as_deref(), Some("Python Sverige"));
        assert_eq!(m.body.as_deref(), Some("Annual general meeting"));
    }

    #[test]
    fn a_body_before_the_date_on_one_line() {
        let m = header(&["Protokoll", "Kommunstyrelsens arbetsutskott, 2024-03-12"]);
        assert_eq!(m.body.as_deref(), Some("Kommunstyrelsens arbetsutskott"));
        assert_eq!(m.date.as_deref(), Some("2024-03-12"));
    }

    #[test]
    fn labels_aligned_with_spaces() {
        let m = header(&[
            "PROTOKOLL",
            "Plats och tid    Stadshuset, rum Hilda, klockan 17.30-19.45",
            "Datum    2023-11-21",
        ]);
        assert_eq!(m.location.as_deref(), Some("Stadshuset, rum Hilda"));
        assert_eq!(m.date.as_deref(), Some("2023-11-21"));
        // One space is not a label's gap.
        let m = header(&["Protokoll", "Plats för nya idéer"]);
        assert_eq!(m.location, None);
    }

    #[test]
    fn a_letterhead_in_columns_is_read_cell_by_cell() {
        for lines in [
            &[
                "LUNDS KOMMUN\tSAMMANTRÄDESPROTOKOLL\t1 (6)",
                "Kommunstyrelsen\tDatum 2024-03-12",
            ][..],
            &[
                "LUNDS KOMMUN                  SAMMANTRÄDESPROTOKOLL           1 (6)",
                "Kommunstyrelsen               Datum 2024-03-12",
            ],
        ] {
            let m = header(lines);
            assert_eq!(m.organization.as_deref(), Some("LUNDS KOMMUN"));
            assert_eq!(m.body.as_deref(), Some("Kommunstyrelsen"));
            assert_eq!(m.document_type.as_deref(), Some("minutes"));
            assert_eq!(m.date.as_deref(), Some("2024-03-12"));
        }
    }

    #[test]
    fn whole_hours_under_a_time_label() {
        let m = header(&["Protokoll", "Tid: 18-20"]);
        assert_eq!(
            (m.start_time.as_deref(), m.end_time.as_deref()),
            (Some("18:00"), Some("20:00"))
        );
        let m = header(&["Protokoll", "Tid: 18.30–20.00"]);
        assert_eq!(
            (m.start_time.as_deref(), m.end_time.as_deref()),
            (Some("18:30"), Some("20:00"))
        );
    }

    #[test]
    fn a_meeting_date_label_is_the_meetings_date() {
        assert!(dated_header_field("Mötesdatum: 2024-02-01"));
        assert!(!dated_header_field("Mötesdatum: 2024-02-01, 2024-03-07"));
        let m = header(&[
            "Mötesprotokoll",
            "Mötesdatum: 2024-02-01",
            "Mötesplats: Rum A",
        ]);
        assert_eq!(m.date.as_deref(), Some("2024-02-01"));
        assert_eq!(m.location.as_deref(), Some("Rum A"));
    }
}

#[cfg(test)]
mod organisation_line_tests {
    use super::header_tests::header;
    use super::*;

    #[test]
    fn an_organisation_named_on_its_own_line() {
        let m = header(&["Protokoll styrelsemöte", "Hyresgästföreningen Björkhagen"]);
        assert_eq!(
            m.organization.as_deref(),
            Some("Hyresgästföreningen Björkhagen")
        );
        assert_eq!(m.body.as_deref(), Some("Styrelsen"));
        let m = header(&[
            "PROTOKOLL 1 (3)",
            "Styrelsemöte 2022-10-18",
            "Brf Lönnen 12",
        ]);
        assert_eq!(m.organization.as_deref(), Some("Brf Lönnen 12"));
        let m = header(&["Protokoll", "Studentkåren i Sundsvall"]);
        assert_eq!(m.organization.as_deref(), Some("Studentkåren i Sundsvall"));
        // A sentence that starts with a head word is no name.
        let m = header(&["Protokoll", "Föreningen har haft ett bra år"]);
        assert_eq!(m.organization, None);
        // The school it belongs to closes the name, and the small words
        // that join its parts do not make it too long; a registered
        // association's "rf." stays as written.
        let m = header(&[
            "Föreningen Hem och Skola vid Norrby skola rf.",
            "Årsmöte 11.9.2012",
        ]);
        assert_eq!(
            m.organization.as_deref(),
            Some("Föreningen Hem och Skola vid Norrby skola rf.")
        );
        // A line parted by a dash is no one name.
        let m = header(&["PhD Council – Department of Biology, Lund University"]);
        assert_ne!(
            m.organization.as_deref(),
            Some("PhD Council – Department of Biology, Lund University")
        );
    }

    #[test]
    fn a_place_after_the_hour_a_path_and_a_name_in_quotation_marks() {
        // The full stop after the hour ends the name before it.
        let m = header(&[
            "Protokoll fört vid styrelsens konstituerande sammanträde Skogsbyns Fiskevårdsområde onsdagen den 14/8 2013 kl. 19.30. Bygdegården",
        ]);
        assert_eq!(
            m.organization.as_deref(),
            Some("Skogsbyns Fiskevårdsområde")
        );
        assert_eq!(m.location.as_deref(), Some("Bygdegården"));
        // A web page's path over the minutes names no one.
        let m = header(&[
            "Nyhetsbrev/Årsmöte",
            "Protokoll fört vid styrelsemöte i Norrbyns Skytteförening den 4 april 2023",
        ]);
        assert_eq!(m.organization.as_deref(), Some("Norrbyns Skytteförening"));
        for line in [
            "Protokoll fört vid styrelsemöte med föreningen ”Vår Gård 1901” den 28 mars 2005.",
            "Protokoll från styrelsemöte i föreningen \"Vår Gård 1901\" 2005-03-28",
            "Protokoll fört vid årsmöte i Byalaget ’Vår Gård 1901’ den 28 mars 2005.",
        ] {
            let m = header(&[line]);
            assert_eq!(m.organization.as_deref(), Some("Vår Gård 1901"), "{line}");
        }
        // Quoted, a name may hold a small word; without an association's
        // word before it, a quotation names no one.
        let m = header(&["Protokoll från årsmöte i Föreningen ”Vänner till Parken” 2005-03-28"]);
        assert_eq!(m.organization.as_deref(), Some("Vänner till Parken"));
        assert_eq!(
            super::title::quoted_organisation("årsmöte med ”Vår Gård”"),
            None
        );
        assert_eq!(
            super::title::quoted_organisation("fört med för. ”Vår Bygd 1891” den"),
            Some("Vår Bygd 1891")
        );
    }

    #[test]
    fn a_place_after_the_date_a_page_number_and_a_row_of_labels() {
        let m = header(&[
            "Protokoll från styrelsemöte i Norrby IF den 12 mars 2024 hemma hos Anna Berg",
        ]);
        assert_eq!(m.organization.as_deref(), Some("Norrby IF"));
        assert_eq!(m.location.as_deref(), Some("hemma hos Anna Berg"));
        let m = header(&["Protokoll från Norrby IF:s styrelsemöte 12 mars 2024 på Café Kulan"]);
        assert_eq!(m.location.as_deref(), Some("Café Kulan"));
        // Before a capital the date is only taken out.
        let m = header(&[
            "Sundsvallsbridgen 2010-09-21 PROTOKOLL KONSTITUERANDE STYRELSEMÖTE 2010-09-21",
        ]);
        assert_eq!(m.organization.as_deref(), Some("Sundsvallsbridgen"));
        let m = header(&[
            "Plats och tid Beslutande Övriga deltagande Norrtäljesalen, Estunavägen 14, Norrtälje Tisdag, 20 maj, 2014 kl 13.00-16.00",
        ]);
        assert_eq!(
            m.location.as_deref(),
            Some("Norrtäljesalen, Estunavägen 14, Norrtälje")
        );
        assert_eq!(
            super::without_leading_labels("Beslutande Övriga Stadshuset"),
            "Stadshuset"
        );
        assert_eq!(
            super::without_leading_labels("Stadshuset, sal A"),
            "Stadshuset, sal A"
        );
    }

    #[test]
    fn an_opening_called_to_order_in_the_afternoon_or_headed_with_its_hour() {
        let start = |t: &str| {
            let mut m = super::Meeting::default();
            super::fill_from_text(&mut m, t);
            m.start_time
        };
        assert_eq!(
            start("Meeting called to order at 7:05 pm.\n").as_deref(),
            Some("19:05")
        );
        assert_eq!(
            start("Meeting called to order at 9:30 am.\n").as_deref(),
            Some("09:30")
        );
        assert_eq!(start("1. Öppnande kl. 18.10\n").as_deref(), Some("18:10"));
        assert_eq!(
            start("Mötets öppnande kl 19.00\n").as_deref(),
            Some("19:00")
        );
        let m = header(&["Protokoll styrelsemöte 2024-03-12", "Klockan: 19:00"]);
        assert_eq!(m.start_time.as_deref(), Some("19:00"));
    }

    #[test]
    fn an_association_named_in_the_footer_or_signature() {
        let org = |t: &str| {
            let mut m = super::Meeting::default();
            super::fill_from_text(&mut m, t);
            m.organization
        };
        assert_eq!(
            org("1. Ekonomi\nRapporten lades till handlingarna.\n\nVid protokollet\nBo Ek, sekreterare\n\nNorrby Idrottsförening\nBox 12, 123 45 Norrby\n").as_deref(),
            Some("Norrby Idrottsförening")
        );
        assert_eq!(
            org("1. Ekonomi\nRapporten lades till handlingarna.\nNorrby Schackklubb · Storgatan 1 · 123 45 Norrby\n").as_deref(),
            Some("Norrby Schackklubb")
        );
        // Named in a sentence, an association is no footer.
        assert_eq!(
            org("1. Ekonomi\nVi fick bidrag från Svenska Schackförbundet.\n"),
            None
        );
    }

    #[test]
    fn the_span_a_meeting_lasted_said_when_it_closes() {
        let mut m = super::Meeting::default();
        super::fill_from_text(
            &mut m,
            "§ 10 Sammanträdet, som pågick kl. 13.00 – 15.00, förklaras avslutat.\n",
        );
        assert_eq!(m.start_time.as_deref(), Some("13:00"));
        assert_eq!(m.end_time.as_deref(), Some("15:00"));
    }

    #[test]
    fn the_title_sentence_inside_a_first_point_gives_date_hour_and_holder() {
        let mut m = super::Meeting::default();
        super::fill_from_text(
            &mut m,
            "1 Formalia 1.1 Mötets öppnande Protokoll fört vid: Sektionen för Teknisk Fysiks sektionsmöte Måndagen den 25/11 2013, kl 17:30 i Sektionslokalen Ordföranden Sven Ek öppnar mötet 17.36.\n",
        );
        assert_eq!(m.date.as_deref(), Some("2013-11-25"));
        assert_eq!(m.start_time.as_deref(), Some("17:30"));
        assert_eq!(
            m.organization.as_deref(),
            Some("Sektionen för Teknisk Fysik")
        );
        assert_eq!(m.body.as_deref(), Some("Sektionsmöte"));
        // The genitive owner before a kind of meeting names the body too.
        let mut m = super::Meeting::default();
        super::fill_from_text(
            &mut m,
            "Protokoll Hemföreningens styrelsemöte 2015-11-05 Notes\n",
        );
        assert_eq!(m.body.as_deref(), Some("Styrelsen"));
    }

    #[test]
    fn a_second_title_spells_out_the_abbreviation_of_the_first() {
        let m = header(&[
            "Protokoll från HFF’s årsmöte",
            "Protokoll årsmöte Höglandsskolans föräldraförening",
        ]);
        assert_eq!(
            m.organization.as_deref(),
            Some("Höglandsskolans föräldraförening")
        );
        // Another association's name is no spelling out.
        let m = header(&[
            "Protokoll från HFF’s årsmöte",
            "Protokoll årsmöte Norrby Idrottsförening",
        ]);
        assert_eq!(m.organization.as_deref(), Some("HFF"));
    }

    #[test]
    fn a_sentence_after_the_type_names_no_body_and_an_abbreviations_meeting_does() {
        let m = header(&["Protokoll för möte 23/11 2005", "Protokoll bifogas."]);
        assert_eq!(m.body, None);
        let m = header(&["Protokoll UK-möte 22/11-11"]);
        assert_eq!(m.body.as_deref(), Some("UK"));
        // In lower case, a name without a full stop is still read.
        let m = header(&["Anteckningar föräldraföreningen Ekbackens skola"]);
        assert_eq!(
            m.body.as_deref(),
            Some("Föräldraföreningen Ekbackens skola")
        );
    }

    #[test]
    fn the_place_a_sentence_opens_or_holds_the_meeting_in() {
        let place = |t: &str| {
            let mut m = super::Meeting::default();
            super::fill_from_text(&mut m, t);
            m.location
        };
        for (text, want) in [
            ("Ordföranden öppnade mötet i Klubbstugan.", "Klubbstugan"),
            (
                "Mötet öppnades kl. 19.00 i Församlingshemmet av Anna.",
                "Församlingshemmet",
            ),
            (
                "Anna hälsade alla välkomna till Bygdegården och öppnade mötet.",
                "Bygdegården",
            ),
            ("Mötet var förlagt till Folkets hus.", "Folkets hus"),
            ("Styrelsen sammanträdde i Klubbstugan.", "Klubbstugan"),
            (
                "Anna hälsade välkommen till mötet som hölls på Café Kulan.",
                "Café Kulan",
            ),
            (
                "Styrelsen träffades på restaurang Kulan.",
                "restaurang Kulan",
            ),
            (
                "§ 1 Sammanträdet, som äger rum i Finansdepartementets lokal Stora Björn i Stockholm, öppnas.",
                "Finansdepartementets lokal Stora Björn i Stockholm",
            ),
        ] {
            assert_eq!(place(text).as_deref(), Some(want), "{text}");
        }
        for text in [
            "Ordföranden öppnade mötet i tid.",
            "Bo öppnade mötet i Anna Bergs frånvaro.",
            "Ordföranden hälsade alla välkomna till årsmötet.",
            "Anna hälsade alla välkomna till Norrby IF:s årsmöte.",
        ] {
            assert_eq!(place(text), None, "{text}");
        }
    }

    #[test]
    fn an_association_in_quotation_marks_or_run_on_after_the_type() {
        let filled = |t: &str| {
            let mut m = super::Meeting::default();
            super::fill_from_text(&mut m, t);
            m.organization
        };
        assert_eq!(
            filled("Styrelsemöte 2005-03-28\n\nStyrelsemöte fört med för. ”Vår Bygd 1891” den 28 mars 2005.\n").as_deref(),
            Some("Vår Bygd 1891")
        );
        // Quoted in a line that is not about the meeting: no one.
        assert_eq!(
            filled("Vi läste boken ”Gamla Gården” i föreningen ”Läsarna”.\n"),
            None
        );
        assert_eq!(
            filled("Protokoll Hemföreningens styrelsemöte 2015-11-05 Notes Home Association board meeting\n").as_deref(),
            Some("Hemföreningen")
        );
    }

    #[test]
    fn a_document_type_fused_to_the_kind_of_meeting() {
        assert_eq!(
            compound_document_type("styrelseprotokoll nr 4/2023"),
            Some(("minutes", Some("Styrelsen".to_string())))
        );
        assert_eq!(
            compound_document_type("årsmötesprotokoll"),
            Some(("minutes", Some("Årsmöte".to_string())))
        );
        assert_eq!(compound_document_type("mötesanteckningar lithe kod"), None);
        let m = header(&[
            "STYRELSEPROTOKOLL nr 4/2023",
            "Föreningen Svenska Fågelskådare",
            "Datum: 12 april 2023, kl 18.30",
        ]);
        assert_eq!(
            m.organization.as_deref(),
            Some("Föreningen Svenska Fågelskådare")
        );
        assert_eq!(m.body.as_deref(), Some("Styrelsen"));
        assert_eq!(m.document_type.as_deref(), Some("minutes"));
    }

    #[test]
    fn the_place_after_the_hour() {
        let m = header(&[
            "Protokoll",
            "Årsmöte för IFK Stensjö",
            "Söndagen den 5 mars 2023 kl. 15.00 i klubbstugan",
        ]);
        assert_eq!(m.location.as_deref(), Some("klubbstugan"));
        assert_eq!(
            place_in_line("Tisdag 4 april kl 18.00 på Café Blom").as_deref(),
            Some("Café Blom")
        );
    }

    #[test]
    fn a_meeting_held_with_a_council_names_the_council() {
        let body = |l: &str| header(&[l, "Datum: 2024-01-01"]).body;
        assert_eq!(
            body("Protokoll från möte med samverkansgruppen").as_deref(),
            Some("Samverkansgruppen")
        );
        assert_eq!(
            body("Protokoll fört vid sammanträde med kommunstyrelsens arbetsutskott").as_deref(),
            Some("Kommunstyrelsens arbetsutskott")
        );
        assert_eq!(
            body("Sammanträde med socialnämnden").as_deref(),
            Some("Socialnämnden")
        );
        // No council named: the line stays whole.
        assert_eq!(body("Möte med kund").as_deref(), Some("Möte med kund"));
        let m = header(&["Anteckningar från möte i nätverket för öppna data 2023-08-29"]);
        assert_eq!(m.location, None, "a group met, not a place");
        let m = header(&["Årsmöte i församlingshemmet"]);
        assert_eq!(m.location.as_deref(), Some("församlingshemmet"));
        let m = header(&["Minutes from the steering group meeting"]);
        assert_ne!(m.organization.as_deref(), Some("steering"));
    }

    #[test]
    fn a_meeting_label_names_the_body() {
        let m = header(&["Minnesanteckningar", "Möte: Arbetsgrupp digitalisering"]);
        assert_eq!(m.body.as_deref(), Some("Arbetsgrupp digitalisering"));
    }
}

#[cfg(test)]
mod title_tests {
    use super::*;

    fn parts(body: &str, org: Option<&str>, place: Option<&str>) -> Option<TitleParts> {
        Some(TitleParts {
            body: Some(body.to_string()),
            organization: org.map(str::to_string),
            location: place.map(str::to_string),
            ..TitleParts::default()
        })
    }

    /// The title's body, holder and place, its document type aside.
    fn read(line: &str) -> Option<TitleParts> {
        title::read_title(line).map(|t| TitleParts {
            document_type: None,
            ..t
        })
    }

    #[test]
    fn title_lines_name_the_body_and_the_association() {
        // The meeting's number or week after its kind; a council "i" its
        // organisation.
        assert_eq!(
            read("Styrelsemöte 7, Geosektionen vid Uppsala Naturvetarkår"),
            parts(
                "Styrelsen",
                Some("Geosektionen vid Uppsala Naturvetarkår"),
                None
            )
        );
        assert_eq!(
            read("Protokoll Valnämnden i Orsa kommun"),
            parts("Valnämnden", Some("Orsa kommun"), None)
        );
        // A board "för" its organisation, named in capitals.
        assert_eq!(
            read("Styrelsen för Ekbackens IF"),
            parts("Styrelsen", Some("Ekbackens IF"), None)
        );
        // A clock time left by the date is no part of the name; a building
        // after "i" is the place, not who holds the meeting.
        assert_eq!(
            read("Protokoll fört vid styrelsemöte i Brf Solgläntan 2024-03-12 kl. 18.30"),
            parts("Styrelsen", Some("Brf Solgläntan"), None)
        );
        assert_eq!(
            read("Protokoll fört vid medlemsmöte 12 mars 2024 i Folkets Hus"),
            parts("Medlemsmöte", None, Some("Folkets Hus"))
        );
        // An organisation number is no part of the name; a title sentence
        // opening with the document's type may end with a full stop.
        assert_eq!(
            read(
                "Protokoll fört vid årsstämma i Norrland Solenergi AB, org.nr 556123-4567, den 20 mars 2025 kl. 15.00."
            ),
            parts("Årsstämma", Some("Norrland Solenergi AB"), None)
        );
        // An English group before "meeting" is the body; a board of a
        // named association is the association's.
        assert_eq!(
            read("Steering Group Meeting – Nordic Data Network"),
            parts("Steering Group", Some("Nordic Data Network"), None)
        );
        assert_eq!(
            read("Reference group meeting 3"),
            parts("Reference group", None, None)
        );
        // The place with its address or room, and "hos" kept.
        assert_eq!(
            read("Styrelsemöte 2025-08-19 kl 19-21, hos Anna Lövgren, Vikavägen 7"),
            parts("Styrelsen", None, Some("hos Anna Lövgren, Vikavägen 7"))
        );
        assert_eq!(
            read("Styrelsemöte 12 februari 2025, kl. 15.00, i Stadshuset, rum Silvret"),
            parts("Styrelsen", None, Some("Stadshuset, rum Silvret"))
        );
        assert_eq!(
            read("Protokoll för Ekbackens hembygdsförenings årsmöte"),
            parts("Årsmöte", Some("Ekbackens hembygdsförening"), None)
        );
        assert_eq!(
            read("Protokoll fört vid Sällskapet Nordstjärnans höstmöte 2019"),
            parts("Höstmöte", Some("Sällskapet Nordstjärnan"), None)
        );
        assert_eq!(
            read("Protokoll fört vid IF Kamraternas:s vårmöte"),
            parts("Vårmöte", Some("IF Kamraternas"), None)
        );
        assert_eq!(read("Styrelsemöte nr 4"), parts("Styrelsen", None, None));
        assert_eq!(
            read("Konstituerande styrelsemöte för 2017"),
            parts("Styrelsen", None, None)
        );
        assert_eq!(
            read("IX Årsmötesprotokoll 2021"),
            parts("Årsmöte", Some("IX"), None)
        );
        assert_eq!(
            read("Digital föreningsstämma via Percap och Microsoft Teams samt poströstning"),
            parts("Föreningsstämma", None, Some("Percap och Microsoft Teams"))
        );
        assert_eq!(
            read("Styrelsemöte Brf Lönnen 12"),
            parts("Styrelsen", Some("Brf Lönnen 12"), None)
        );
        assert_eq!(
            read("Protokoll konstituerande styrelsemöte för Sportklubben Vind"),
            parts("Styrelsen", Some("Sportklubben Vind"), None)
        );
        assert_eq!(
            read("Protokoll vid ordinarie föreningsstämma med Bostadsrättsföreningen Lärkan"),
            parts(
                "Föreningsstämma",
                Some("Bostadsrättsföreningen Lärkan"),
                None
            )
        );
        // A place after the kind is no organisation.
        assert_eq!(
            read("Årsmöte i Bygdegården"),
            parts("Årsmöte", None, Some("Bygdegården"))
        );
        assert_eq!(read("Årsmötet beslutade att välja styrelsen."), None);
    }

    #[test]
    fn a_running_header_names_organisation_and_office() {
        assert_eq!(
            running_header("Göteborgs Stad Stadsledningskontoret protokoll"),
            Some((
                "Göteborgs Stad".to_string(),
                "Stadsledningskontoret".to_string()
            ))
        );
        assert_eq!(running_header("Protokoll nr 9"), None);
    }
}
