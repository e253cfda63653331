//! Items as a choice among layouts.
//!
//! Minutes lay out their items in many ways: numbered headings, § paragraphs,
//! rows of an agenda table, a markdown outline whose lists are content, plain
//! lead-in lines each followed by a list, numbered paragraphs whose number
//! heads a whole sentence. Rather than one state machine with a branch per
//! layout, the finder works in three steps:
//!
//! 1. **Scan** ([`Outline`]): the walk over the document records every line
//!    it sees with its shape (number, heading level, bold, list level and
//!    label, the section it stands in).
//! 2. **Propose** ([`Scheme`]): each layout scheme says where items start.
//!    Two schemes are the finder's own walks (numbered items with agenda
//!    tables, and the walk that also takes headings as items); the others are
//!    small pure functions over the outline.
//! 3. **Choose** ([`choose`]): every proposal gets a score from the numbering's
//!    continuity, how much of the text it covers, and the shape of its titles;
//!    the best wins, the finder's numbered walk on a tie. The finder then
//!    assembles the winner into items.
//!
//! A new layout is one new scheme with its own unit tests on a hand-built
//! outline.

use crate::{Numbered, parse_number};
use minutes_model::Role;
use regex::Regex;
use serde::Serialize;
use std::fmt;
use std::sync::LazyLock;

/// Where a line stands in the document: its block, the list entry or table
/// row in that block (0 for none), the paragraph within the entry, and the
/// line within a paragraph with hard breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub(crate) struct LineKey {
    pub block: u32,
    pub entry: u32,
    pub part: u32,
    pub line: u32,
}

/// One line of the outline, with the shapes the schemes look at.
#[derive(Debug, Clone)]
pub(crate) struct OutlineLine {
    pub key: LineKey,
    pub text: String,
    pub role: Role,
    /// The whole line is bold.
    pub bold: bool,
    /// Nesting level when the line is a list entry.
    pub list_level: Option<u8>,
    /// The number the line starts with, if any.
    pub number: Option<Numbered>,
    /// The line stands in (or opens) an attendance list.
    pub attendance: bool,
    /// The line is a heading of the coming meetings.
    pub next_meetings: bool,
}

impl OutlineLine {
    fn chars(&self) -> usize {
        self.text.chars().count()
    }
}

/// The scan of a document: its lines in reading order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Outline {
    pub lines: Vec<OutlineLine>,
    /// The document holds an agenda table (its rows are items, which only
    /// the finder's own walk reads).
    pub agenda_table: bool,
    /// The text was read by OCR (its numbers may be misread).
    pub ocr: bool,
}

/// A layout scheme: one way minutes lay out their items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scheme {
    /// Numbered headings, § headings, lettered sub-points and agenda-table
    /// rows (the finder's numbered walk).
    Numbered,
    /// The finder's walk that also takes headings, bold lines and bullet
    /// topics as items (run when nothing is numbered).
    Headings,
    /// A heading outline (markdown `#`, Word heading styles): every heading
    /// below the title is an item, and lists under it are its content.
    HeadingOutline,
    /// Short plain lines each followed by a list ("Vad var bra" + bullets).
    LeadIns,
    /// Bold one-line headings in body text (Word and RTF minutes that set
    /// their items in bold rather than in heading styles).
    BoldHeadings,
    /// Numbered paragraphs, sentence-long ones included ("7. Verksamhets-
    /// berättelsen gicks igenom och lades till handlingarna.").
    NumberedParagraphs,
    /// A timed programme: lines that start with a clock time ("14:00
    /// Allspel …", "15:30 Årsmötesförhandlingar").
    TimedProgramme,
    /// Numbered headings of a scan whose numbers OCR misread ("81. Mötets
    /// öppnande" for "§1"), repaired where the numbering makes it evident.
    OcrNumbered,
    /// The agenda listed first ("Dagordning" 1. … 2. … 3. …), then the
    /// minutes of each point under its title again: the items start at the
    /// titles repeated, with the agenda's numbers.
    AgendaThenSections,
    /// The numbered walk's items, then sections after the last of them
    /// that no number starts ("Aktivitetslista" with its tasks, "Action
    /// items" after "3. Hiring"): the last item would swallow them.
    NumberedThenSections,
    /// Short plain lines each followed by the point's text ("Inskolning" /
    /// "Inskolningen i augusti planeras …"), in minutes that number and
    /// mark up nothing.
    PlainHeadings,
    /// Every point numbered "1." (a web page or export that made each point
    /// a list of its own): the points in order, each keeping its "1".
    RepeatedOnes,
    /// Paragraphs that each open with their topic and a colon ("Ekonomi:
    /// Kassan är god.", "Övrigt: Inget."), in minutes that number and mark
    /// up nothing: the topic is the item's title.
    TopicParagraphs,
    /// An association's meeting whose points are sentences opening with
    /// the statutory agenda ("Val av revisor blev …", "Ansvarsfrihet för
    /// styrelsen beviljades."), numbered and marked up nowhere: each such
    /// paragraph is an item, titled by its first sentence.
    StatutoryPoints,
    /// Points lettered in sequence instead of numbered ("A. Öppnande",
    /// "B. Ekonomi", "C. Övrigt", or "a) … b) … c) …"), in minutes that
    /// number nothing: each letter is an item.
    LetteredPoints,
    /// Points numbered after a hash ("#1 OFMÖ", "#2 Tid och sätt
    /// godkändes" …), one run from 1, in minutes that number no line
    /// otherwise: each is an item.
    HashNumbered,
    /// The last resort, when no other scheme finds an item: each paragraph
    /// of the minutes' body is an item, titled by its first sentence, so
    /// that the rules still read every point and say where it stands.
    Paragraphs,
}

impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Scheme::Numbered => "numbered",
            Scheme::Headings => "headings",
            Scheme::HeadingOutline => "heading-outline",
            Scheme::LeadIns => "lead-ins",
            Scheme::BoldHeadings => "bold-headings",
            Scheme::NumberedParagraphs => "numbered-paragraphs",
            Scheme::TimedProgramme => "timed-programme",
            Scheme::OcrNumbered => "ocr-numbered",
            Scheme::AgendaThenSections => "agenda-then-sections",
            Scheme::NumberedThenSections => "numbered-then-sections",
            Scheme::PlainHeadings => "plain-headings",
            Scheme::RepeatedOnes => "repeated-ones",
            Scheme::TopicParagraphs => "topic-paragraphs",
            Scheme::LetteredPoints => "lettered-points",
            Scheme::HashNumbered => "hash-numbered",
            Scheme::StatutoryPoints => "statutory-points",
            Scheme::Paragraphs => "paragraphs",
        })
    }
}

/// How a planned item's title is cut from its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TitleCut {
    /// The line is a heading: bold stretch or text up to a label ends it.
    Heading,
    /// The line is a sentence: the title is its first sentence, and the
    /// whole line stays the item's text.
    FirstSentence,
    /// The title is the first sentence, and what follows it on the line
    /// is the item's text.
    SentenceThenRest,
    /// The title is the topic before the line's first colon ("Övrigt:
    /// Inget."), and what follows it is the item's text.
    TopicThenRest,
    /// The title is a heading the scheme cut from the line's start ("Val
    /// av sekreterare" of "Val av sekreterare Ann-Gret skriver
    /// protokollet."), and what follows it is the item's text.
    HeadingThenRest,
}

/// Where a scheme has an item start.
#[derive(Debug, Clone)]
pub(crate) struct PlannedStart {
    pub key: LineKey,
    pub number: Option<String>,
    pub parent: Option<String>,
    /// Bytes of number to skip before the title.
    pub skip: usize,
    pub cut: TitleCut,
    /// The title as the scheme reads it (for scoring).
    pub title: String,
}

impl PlannedStart {
    /// A numbered or lettered point whose title is the `rest` of its line
    /// after `skip` bytes: the whole rest, or its first sentence when the
    /// number heads a `sentence`.
    fn point(
        key: LineKey,
        number: String,
        parent: Option<String>,
        skip: usize,
        rest: &str,
        sentence: bool,
    ) -> PlannedStart {
        let heading = if sentence {
            statutory_title_cut(rest)
        } else {
            None
        };
        PlannedStart {
            key,
            number: Some(number),
            parent,
            skip,
            cut: match (sentence, heading) {
                (true, Some(_)) => TitleCut::HeadingThenRest,
                (true, None) => TitleCut::FirstSentence,
                (false, _) => TitleCut::Heading,
            },
            title: match (sentence, heading) {
                (true, Some(title)) => title.to_string(),
                (true, None) => point_title(rest).to_string(),
                (false, _) => rest.to_string(),
            },
        }
    }

    /// A start without a number, its title wholly the line's (`skip` 0).
    fn unnumbered(key: LineKey, cut: TitleCut, title: String) -> PlannedStart {
        PlannedStart {
            key,
            number: None,
            parent: None,
            skip: 0,
            cut,
            title,
        }
    }
}

/// One scheme's proposal.
#[derive(Debug, Clone)]
pub(crate) struct Proposal {
    pub scheme: Scheme,
    pub starts: Vec<PlannedStart>,
}

/// Which scheme won, with every proposal's score: what `explain` shows.
#[derive(Debug, Clone, Default, Serialize)]
pub struct LayoutChoice {
    /// The winning scheme (None when no scheme found any item).
    pub scheme: Option<Scheme>,
    /// Each scheme that proposed items, with its score and item count, best
    /// first.
    pub scores: Vec<SchemeScore>,
}

/// One scheme's score.
#[derive(Debug, Clone, Serialize)]
pub struct SchemeScore {
    /// The scheme.
    pub scheme: Scheme,
    /// Its score, 0 to 1.
    pub score: f32,
    /// How many items it proposed.
    pub items: usize,
}

impl fmt::Display for LayoutChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.scheme {
            Some(s) => write!(f, "layout: {s}")?,
            None => write!(f, "layout: none")?,
        }
        for (i, s) in self.scores.iter().enumerate() {
            let sep = if i == 0 { " (" } else { ", " };
            write!(f, "{sep}{} {:.2} for {} items", s.scheme, s.score, s.items)?;
        }
        if !self.scores.is_empty() {
            f.write_str(")")?;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Scanners: small pure recognisers of line shapes.

/// A title-shaped line: short, with letters, not a sentence.
fn title_shaped(t: &str) -> bool {
    let t = t.trim();
    let n = t.chars().count();
    n > 0 && n <= 80 && t.chars().any(char::is_alphabetic) && !t.ends_with(['.', ',', ';'])
}

/// A line that is only a date or a place-and-date ("2017-03-22", "Kista").
fn header_like(t: &str) -> bool {
    let t = t.trim();
    t.chars().filter(|c| c.is_alphabetic()).count() < 3
        || crate::find_dates(t, &Default::default())
            .first()
            .is_some_and(|d| t[..d.range.start].trim().is_empty())
}

/// A header field's line: a meeting field's label and its value ("Plats
/// och tid: Kommunhuset, kl. 13.00", "Datum⇥2025-03-03").
fn header_field(t: &str) -> bool {
    let t = t.trim().trim_start_matches(['*', '_']);
    // "Sammanträdesdatum 2025-05-14", "Datum 14 maj": the label, a space
    // and a number.
    let spaced = t.split_once(' ').is_some_and(|(label, value)| {
        value.trim_start().starts_with(|c: char| c.is_ascii_digit())
            && crate::lexicon::MEETING_FIELD_LABELS.contains(&label.to_lowercase().as_str())
    });
    // "Plats, Lainio kapell 230501 kl 14.00": a place label set off by a
    // comma or a space before the hour.
    if spaced || crate::meeting::place_and_time_line(t) {
        return true;
    }
    let Some(cut) = t.find([':', '\t']) else {
        return false;
    };
    let label = t[..cut].trim().trim_end_matches(['*', '_']).to_lowercase();
    // "Justeringens plats och tid", "Paragrafer", "Underskrifter",
    // "Utses att justera": the protocol's own fields.
    crate::lexicon::MEETING_FIELD_LABELS
        .iter()
        .any(|l| label == *l || label.ends_with(&format!(" {l}")))
        || crate::lexicon::HEADER_LABEL_WORDS.contains(&label.as_str())
        || crate::participants::attendance_heading(&label).is_some()
}

/// Whether any line strictly between two lines is the minutes' own text:
/// a sentence or a long line, not bold, not a header field, an attendance
/// line or a date. A short plain line among bold title lines is one more
/// line of the header ("Svenska kyrkan i Alingsås församling").
fn content_between(outline: &Outline, from: LineKey, to: LineKey) -> bool {
    outline.lines.iter().any(|l| {
        let t = l.text.trim();
        l.key > from
            && l.key < to
            && !l.bold
            && !l.attendance
            && !header_field(t)
            && !header_like(t)
            && !dated_header_line(t)
            && content_line(t)
    })
}

/// "Minutes, 2025-06-02, 14:00–15:30, Chalmers Teknikpark, room Origo /
/// Teams": a line of the header that gives the meeting's date with its
/// time and place, not a sentence of the minutes.
fn dated_header_line(t: &str) -> bool {
    !t.ends_with(['.', '!', '?'])
        && t.split_whitespace().count() <= 14
        && crate::find_dates(t, &Default::default())
            .iter()
            .any(|d| d.date.is_some())
}

/// The title of a numbered point written as a sentence: the words before
/// a colon that heads it ("Rapporter: Svar till …" → "Rapporter"), else its
/// first sentence.
fn point_title(rest: &str) -> &str {
    if let Some((head, body)) = rest.split_once(": ")
        && head.chars().count() <= 60
        && !head.contains(['.', '?', '!'])
        && body.split_whitespace().count() >= 3
    {
        return head.trim();
    }
    first_sentence(rest)
}

/// "Val av sekreterare Ann-Gret skriver protokollet.", "Mötets öppnande
/// Ordförande Håkan hälsade välkommen.": a statutory point's heading
/// ([`crate::lexicon::STATUTORY_HEADING_OPENINGS`]) run together with its
/// outcome (a text export lost the line break). The heading ends before the
/// first capitalised word after it, when no more than four lower-case words
/// finish it and the outcome has two words or more.
pub(crate) fn statutory_title_cut(rest: &str) -> Option<&str> {
    let rest = rest.trim();
    let lower = rest.to_lowercase();
    let opening = crate::lexicon::STATUTORY_HEADING_OPENINGS
        .iter()
        .find(|o| lower.starts_with(*o))?;
    // Word starts after the opening (its bytes are the same in both cases
    // for these openings' letters).
    let mut at = rest.get(..opening.len()).map(|_| opening.len())?;
    let mut lower_words = 0;
    loop {
        let tail = rest.get(at..)?;
        let word_start = at + (tail.len() - tail.trim_start().len());
        let word = rest[word_start..].split_whitespace().next()?;
        if word.starts_with(char::is_uppercase) {
            let title = rest[..word_start].trim();
            let last = title.rsplit(' ').next().unwrap_or("").to_lowercase();
            let outcome_words = rest[word_start..].split_whitespace().count();
            let dangling = crate::lexicon::WORDS_NO_HEADING_ENDS_WITH.contains(&last.as_str());
            return (title.split_whitespace().count() >= 2 && !dangling && outcome_words >= 2)
                .then_some(title);
        }
        if !word
            .chars()
            .all(|c| c.is_lowercase() || c == '-' || c == '/')
            || lower_words == 4
        {
            return None;
        }
        lower_words += 1;
        at = word_start + word.len();
    }
}

/// The first sentence of a line (up to ". " followed by a capital, or all).
pub(crate) fn first_sentence(t: &str) -> &str {
    let t = t.trim();
    let b = t.as_bytes();
    for (i, c) in t.char_indices() {
        if matches!(c, '.' | '!' | '?')
            && b.get(i + 1) == Some(&b' ')
            && t[i + 2..].chars().next().is_some_and(char::is_uppercase)
            // "N.N." and "t.ex." are not ends of sentences; "(… mars).",
            // "son!!!" and "Val året 2014." are.
            && (t[..i].chars().rev().take_while(|c| c.is_alphabetic()).count() > 2
                || t[..i].ends_with([')', '"', '”', '!', '?'])
                || t[..i].chars().rev().take_while(char::is_ascii_digit).count() >= 2)
        {
            return &t[..=i];
        }
        // "Godkännande av byggändringarna.Lars Hedström informerade …": a
        // full stop that lost its space before the next sentence's capital
        // (not "www.Saxdalen.se", whose word goes on after a dot).
        if c == '.' && glued_sentence_end(t, i) {
            return &t[..=i];
        }
    }
    t
}

/// Does the full stop at byte `i` end a sentence whose next one follows
/// without a space: a lower-case word of four letters or more before it,
/// a capitalised word after it that ends at a space?
fn glued_sentence_end(t: &str, i: usize) -> bool {
    let before: Vec<char> = t[..i]
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect();
    let after = &t[i + 1..];
    let word_end = after
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(after.len());
    let word_chars = after[..word_end].chars().count();
    before.len() >= 4
        && before.iter().all(|c| c.is_lowercase())
        && after.starts_with(char::is_uppercase)
        && word_chars >= 2
        && after[word_end..].starts_with(' ')
}

// ---------------------------------------------------------------------------
// Schemes: each proposes where items start.

/// The walk's numbered items with the task-list sections after the last
/// of them: a short line that names a list of tasks ("Aktivitetslista",
/// "Åtgärder:", "Action items"), not a list entry, with no number.
pub(crate) fn numbered_then_sections(outline: &Outline, walk: &Proposal) -> Option<Proposal> {
    if walk.scheme != Scheme::Numbered {
        return None;
    }
    let last = walk.starts.iter().map(|s| s.key).max()?;
    let sections: Vec<PlannedStart> = outline
        .lines
        .iter()
        .filter(|l| {
            let t = l.text.trim().trim_matches(['*', '_', '#', ' ']);
            l.key > last
                && l.list_level.is_none()
                && !l.attendance
                && l.number.is_none()
                && title_shaped(t.trim_end_matches(':'))
                && section_heading(t, crate::lexicon::TASK_LIST_HEADINGS)
        })
        .map(|l| {
            PlannedStart::unnumbered(
                l.key,
                TitleCut::Heading,
                l.text
                    .trim()
                    .trim_matches(['*', '_', '#', ' '])
                    .trim_end_matches(':')
                    .to_string(),
            )
        })
        .collect();
    if sections.is_empty() {
        return None;
    }
    // The walk's starts as a plan: each title after its line's number, as
    // the walk read it ("1. Election of chair" → "Election of chair").
    let mut starts: Vec<PlannedStart> = walk
        .starts
        .iter()
        .map(|s| {
            let skip = outline
                .lines
                .iter()
                .find(|l| l.key == s.key)
                .and_then(|l| l.number.as_ref())
                .map_or(s.skip, |n| n.rest);
            PlannedStart { skip, ..s.clone() }
        })
        .collect();
    starts.extend(sections);
    Some(Proposal {
        scheme: Scheme::NumberedThenSections,
        starts,
    })
}

/// The new schemes' proposals for an outline (the finder's walks add theirs).
pub(crate) fn propose(outline: &Outline) -> Vec<Proposal> {
    if outline.agenda_table {
        return Vec::new();
    }
    [
        heading_outline(outline),
        lead_ins(outline),
        bold_headings(outline),
        numbered_paragraphs(outline),
        timed_programme(outline),
        ocr_numbered(outline),
        agenda_then_sections(outline),
        plain_headings(outline),
        repeated_ones(outline),
        topic_paragraphs(outline),
        lettered_points(outline),
        hash_numbered(outline),
        statutory_points(outline),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// A numbered line of an agenda list: a short title, not a sentence.
fn agenda_entry(l: &OutlineLine) -> Option<(&Numbered, &str)> {
    let n = l.number.as_ref()?;
    let title = l.text.get(n.rest..)?.trim();
    (n.letter.is_none() && !l.attendance && title_shaped(title) && title.chars().count() <= 60)
        .then_some((n, title))
}

/// A line's title without its number, for comparing: lower case, no colon.
fn title_key(l: &OutlineLine) -> String {
    let rest = l
        .number
        .as_ref()
        .and_then(|n| l.text.get(n.rest..))
        .unwrap_or(&l.text);
    rest.trim().trim_end_matches(':').trim().to_lowercase()
}

/// The first agenda list (two or more numbered titles in a row), then each
/// of its titles found again, in order, further down: the minutes of that
/// point start there. Most of the agenda must come back, with text between
/// the sections.
fn agenda_then_sections(outline: &Outline) -> Option<Proposal> {
    let lines = &outline.lines;
    let mut i = 0;
    let (first, end) = loop {
        let l = lines.get(i)?;
        if agenda_entry(l).is_none() {
            i += 1;
            continue;
        }
        // The list goes on while its numbers rise: "1." after "3." starts
        // the sections.
        let mut last = 0;
        let run = lines[i..]
            .iter()
            .take_while(|l| match agenda_entry(l) {
                Some((n, _)) if n.top >= last && (n.top > last || n.sub.is_some()) => {
                    last = n.top;
                    true
                }
                _ => false,
            })
            .count();
        if run >= 2 {
            break (i, i + run);
        }
        // An entry numbered 0 ("0. Inledning") starts no rising run: step
        // past it, or the scan would stand still on it.
        i += run.max(1);
    };
    // Where each title stands below the list: keyed once, so that a long
    // list over a long document stays linear.
    let mut places: std::collections::HashMap<String, Vec<usize>> =
        std::collections::HashMap::new();
    for (k, l) in lines.iter().enumerate().skip(end) {
        places.entry(title_key(l)).or_default().push(k);
    }
    let mut starts: Vec<PlannedStart> = Vec::new();
    let mut at = Vec::new();
    let mut from = end;
    for entry in &lines[first..end] {
        let Some((n, title)) = agenda_entry(entry) else {
            continue;
        };
        let Some(k) = places.get(&title_key(entry)).and_then(|ks| {
            let i = ks.partition_point(|&k| k < from);
            ks.get(i).copied()
        }) else {
            continue;
        };
        let again = &lines[k];
        starts.push(PlannedStart {
            key: again.key,
            number: Some(n.number.clone()),
            parent: n.parent.clone(),
            skip: again.number.as_ref().map_or(0, |m| m.rest),
            cut: TitleCut::Heading,
            title: title.to_string(),
        });
        at.push(k);
        from = k + 1;
    }
    // "## Åtgärder" after "### Övrigt", the last point's section: a
    // heading as high as the sections or higher, below them, is a section
    // of its own that the agenda did not list.
    if let Some(&last) = at.last()
        && let Some(section_level) = level(lines[last].role)
    {
        for l in &lines[last + 1..] {
            if l.list_level.is_none()
                && level(l.role).is_some_and(|h| h <= section_level)
                && !l.next_meetings
            {
                starts.push(PlannedStart::unnumbered(
                    l.key,
                    TitleCut::Heading,
                    l.text.trim().to_string(),
                ));
            }
        }
    }
    let listed = end - first;
    // Text between the sections: not the same list written twice.
    let apart = at.windows(2).filter(|w| w[1] > w[0] + 1).count();
    // Most of the agenda must come back (the unlisted sections after it do
    // not count).
    (at.len() >= 2 && at.len() * 5 >= listed * 3 && apart * 2 >= at.len() - 1).then_some(Proposal {
        scheme: Scheme::AgendaThenSections,
        starts,
    })
}

/// Every heading below the title that is not the header's own (a date, the
/// body) starts an item; lists and paragraphs under it are content.
fn heading_outline(outline: &Outline) -> Option<Proposal> {
    let headings: Vec<&OutlineLine> = outline
        .lines
        .iter()
        .filter(|l| matches!(l.role, Role::Heading(_)) && l.list_level.is_none())
        .collect();
    // The title is the single top heading when one heading is above all
    // others; the items are the headings below it.
    let top = headings.iter().filter_map(|l| level(l.role)).min()?;
    let at_top = headings
        .iter()
        .filter(|l| level(l.role) == Some(top))
        .count();
    let mut starts: Vec<PlannedStart> = Vec::new();
    // The last numbered start and its level: an unnumbered heading below it
    // is its sub-item ("*** micro:bits" under "** § 6 Material").
    let mut numbered: Option<(String, u8)> = None;
    // "## § 45" alone, then "### Val av justerare": the number's title is
    // the heading after it, which starts no item of its own.
    let mut title_to_come = false;
    for l in &headings {
        let t = l.text.trim();
        if std::mem::take(&mut title_to_come)
            && parse_number(t).is_none()
            && !section_heading(t, crate::lexicon::CASE_SECTION_HEADINGS)
            && let Some(last) = starts.last_mut()
        {
            last.title = t.to_string();
            continue;
        }
        let lv = level(l.role).unwrap_or(top);
        let below_numbered = numbered.as_ref().is_some_and(|(_, nl)| lv > *nl);
        if (at_top == 1 && lv == top && headings.len() > 1)
            || l.attendance
            || (header_like(t) && parse_number(t).is_none())
            || (starts.is_empty() && crate::header_heading_is_body(t))
            // "## Plats och tid" over "Stadshuset, kl. 13.00": a header's
            // label of the date, time or place made a heading, not the first
            // item ("## Organisation" may be a topic).
            || (starts.is_empty() && crate::meeting::bare_when_or_where_label(t))
            || section_heading(t, crate::lexicon::CASE_SECTION_HEADINGS)
            || (below_numbered && section_heading(t, crate::lexicon::TASK_LIST_HEADINGS))
        {
            continue;
        }
        let (number, parent, skip) = match parse_number(t) {
            Some(n) if n.letter.is_none() => {
                if n.parent.is_none() {
                    numbered = Some((n.number.clone(), lv));
                }
                (Some(n.number.clone()), n.parent.clone(), n.rest)
            }
            // "§ Mötets avslutande": a paragraph sign without its number.
            _ if t.starts_with('§') => {
                let skip = t.len() - t.trim_start_matches(['§', ' ']).len();
                (None, None, skip)
            }
            _ => (None, None, 0),
        };
        let parent = match (&number, &numbered) {
            (None, Some((n, nl))) if lv > *nl => Some(n.clone()),
            _ => parent,
        };
        let title = t.get(skip..).unwrap_or(t).trim().to_string();
        title_to_come = number.is_some() && (title.is_empty() || crate::is_case_number(&title));
        starts.push(PlannedStart {
            key: l.key,
            number,
            parent,
            skip,
            cut: TitleCut::Heading,
            title,
        });
    }
    (starts.len() >= 2).then_some(Proposal {
        scheme: Scheme::HeadingOutline,
        starts,
    })
}

/// A heading that is one of `labels` ("Beslut", "Åtgärder:").
pub(crate) fn section_heading(t: &str, labels: &[&str]) -> bool {
    let t = t.trim().trim_end_matches(':').trim().to_lowercase();
    labels.contains(&t.as_str())
}

fn level(r: Role) -> Option<u8> {
    match r {
        Role::Heading(l) => Some(l),
        _ => None,
    }
}

/// The last resort ([`Scheme::Paragraphs`]): each paragraph of the body, a
/// sentence or a long line (a top-level list entry too), is an item titled
/// by its first sentence; header fields, dates, attendance and
/// coming-meeting lines are not. None below two such paragraphs (one would
/// be a catch-all that no reader's item is).
pub(crate) fn paragraphs(outline: &Outline) -> Option<Proposal> {
    let starts: Vec<PlannedStart> = outline
        .lines
        .iter()
        .filter(|l| {
            let t = l.text.trim();
            l.role == Role::Body
                && l.list_level.is_none_or(|level| level == 0)
                && !l.attendance
                && !l.next_meetings
                && t.split_whitespace().count() >= 3
                && content_line(t)
                && !header_like(t)
                && !header_field(t)
        })
        .map(|l| {
            let title = first_sentence(&l.text).trim().trim_end_matches('.');
            PlannedStart::unnumbered(l.key, TitleCut::FirstSentence, title.to_string())
        })
        .collect();
    (starts.len() >= 2).then_some(Proposal {
        scheme: Scheme::Paragraphs,
        starts,
    })
}

/// A line of the point's own text: a sentence, or a long line.
fn content_line(t: &str) -> bool {
    let t = t.trim();
    let words = t.split_whitespace().count();
    // "Anna hälsade välkommen. Syftet med mötet:": a sentence leading
    // into a list (a label alone, "Beslut:", is not).
    t.ends_with(['.', '!', '?']) || words > 8 || (t.ends_with(':') && words >= 4)
}

/// A line outside lists is numbered: where one is, the numbers (perhaps
/// misread) are better evidence of items than any unnumbered scheme's.
fn numbers_a_line(outline: &Outline) -> bool {
    outline
        .lines
        .iter()
        .any(|l| l.list_level.is_none() && l.number.is_some())
}

/// "§1 Mötets öppnande Ordföranden öppnade mötet. §2 Val av justerare …",
/// "1. Öppnande. Mötet öppnades. 2. Val av justerare. …": where each
/// point starts in a paragraph that runs three or more numbered points
/// together, their numbers rising one by one from its start. A number
/// counts after the paragraph's start or a sentence's end (a "§" after any
/// space), before a capital. Empty for any other paragraph.
pub(crate) fn inline_item_starts(text: &str) -> Vec<usize> {
    // A list is a line, not a document: a long text is left whole.
    if text.len() > 20_000 || text.len() < 30 || !text.contains(|c: char| c.is_ascii_digit()) {
        return Vec::new();
    }
    let mut found: Vec<(usize, u32)> = Vec::new();
    for c in INLINE_POINT.captures_iter(text) {
        let (Some(m), Some(n)) = (
            c.get(0),
            c.get(1)
                .or_else(|| c.get(2))
                .and_then(|n| n.as_str().parse::<u32>().ok()),
        ) else {
            continue;
        };
        let before = text[..m.start()].trim_end();
        let sign = m.as_str().starts_with('§');
        let opens = before.is_empty() || before.ends_with(['.', '!', '?', ':']) || sign;
        let next = found.last().map_or(n, |&(_, last)| last + 1);
        if opens && n == next {
            found.push((m.start(), n));
        }
    }
    // From the paragraph's start (a list of points after a sentence that
    // leads in, "Styrelsen beslutade: 1. Att …", is the sentence's).
    let starts_here = found
        .first()
        .is_some_and(|&(at, _)| text[..at].trim().is_empty());
    if found.len() >= 3 && starts_here {
        found.into_iter().map(|(at, _)| at).collect()
    } else {
        Vec::new()
    }
}

/// "§2 Dagordningen fastställs §3 Val av justerare Martin och Marie
/// justerar": where each § point starts in a paragraph that opens with one
/// and runs the next ones on, their numbers rising one by one; the first
/// at 0. Empty unless two or more.
pub(crate) fn inline_sign_starts(text: &str) -> Vec<usize> {
    if text.len() > 20_000 || !text.starts_with('§') {
        return Vec::new();
    }
    let mut starts: Vec<usize> = Vec::new();
    let mut last: Option<u32> = None;
    for c in INLINE_SIGN.captures_iter(text) {
        let (Some(m), Some(n)) = (
            c.get(0),
            c.get(1).and_then(|n| n.as_str().parse::<u32>().ok()),
        ) else {
            continue;
        };
        let before = &text[..m.start()];
        // "… ändring av § 3 Stadgarna": a reference to a §, not one.
        let referred = before.split_whitespace().next_back().is_some_and(|w| {
            crate::lexicon::WORDS_BEFORE_A_REFERENCE.contains(&w.to_lowercase().as_str())
        });
        let spaced = m.start() == 0 || (before.ends_with(char::is_whitespace) && !referred);
        match last {
            None if m.start() == 0 => {}
            Some(l) if n == l + 1 && spaced => {}
            _ => continue,
        }
        starts.push(m.start());
        last = Some(n);
    }
    if starts.len() >= 2 {
        starts
    } else {
        Vec::new()
    }
}

static INLINE_SIGN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"§\s?(\d{1,3})\.?\s+\p{Lu}").expect("valid regex"));

static INLINE_POINT: LazyLock<Regex> = LazyLock::new(|| {
    // An ASCII word boundary: the number's digits are ASCII, and Unicode
    // boundaries would keep the search off the fast engines.
    Regex::new(r"(?:§\s?(\d{1,3})\.?|(?-u:\b)(\d{1,3})[.)])\s+\p{Lu}").expect("valid regex")
});

/// The outline's numbered lines all stand in short lists inside sections:
/// the first led in by a line ending with a colon ("Syftet med mötet:" over
/// "1. Gå igenom status", "2. Diskutera remissvar"), each later one led in
/// so or starting again at 1 ("Projektet går enligt plan." over "1. Fas
/// ett klar"). Numbered content of sections, not items.
fn numbers_only_led_lists(outline: &Outline) -> bool {
    const LEAD_IN_CHARS: usize = 300;
    let mut led = false;
    let mut in_run = false;
    let mut runs = 0;
    for l in &outline.lines {
        match (&l.number, l.list_level) {
            (Some(n), None) => {
                if !in_run {
                    let restarts = runs > 0 && n.top == 1 && n.sub.is_none();
                    if !(led || restarts) {
                        return false;
                    }
                    runs += 1;
                    in_run = true;
                }
            }
            _ => {
                in_run = false;
                // A sentence leads in, not a page run together that ends
                // with an empty field ("… Organisationsnummer:").
                led = l.text.trim_end().ends_with(':') && l.text.len() <= LEAD_IN_CHARS;
            }
        }
    }
    runs > 0
}

/// "Val av ordförande", "Fråga om ansvarsfrihet för styrelsen", "Föredragning
/// av styrelsens verksamhetsberättelse.": a line that heads a point of the
/// statutory agenda ([`crate::lexicon::STATUTORY_HEADING_OPENINGS`]), a
/// little longer than other titles and perhaps closed by a full stop; under
/// it an outcome that need not be a sentence ("Till ordförande valdes Erica
/// Olivius").
fn statutory_heading(t: &str) -> bool {
    (2..=12).contains(&t.split_whitespace().count())
        && title_shaped(t.trim_end_matches([':', '.']))
        && opens_with_any(t, crate::lexicon::STATUTORY_HEADING_OPENINGS)
        // "Beslut om inköp av nya bollar fattades.": an outcome that opens
        // like a heading.
        && !reads_as_outcome(t)
}

/// "Dagordningen fastställdes", "Beslut om inköp fattades.": a line that
/// reports what was done, with a verb after its first word in the past or
/// the passive ([`crate::lexicon::PAST_TENSE_ENDINGS`],
/// [`crate::lexicon::PRESENT_PASSIVE_OUTCOMES`]). A genitive in "-ets"
/// ("mötets") is no such verb.
fn reads_as_outcome(t: &str) -> bool {
    t.split_whitespace().skip(1).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
        w.chars().count() >= 5
            && !w.ends_with("ets")
            && (crate::lexicon::PAST_TENSE_ENDINGS
                .iter()
                .any(|e| w.ends_with(e))
                || crate::lexicon::PRESENT_PASSIVE_OUTCOMES.contains(&w.as_str()))
    })
}

fn plain_headings(outline: &Outline) -> Option<Proposal> {
    // Only minutes that number nothing but the lists a sentence leads in.
    if numbers_a_line(outline) && !numbers_only_led_lists(outline) {
        return None;
    }
    let mut starts = Vec::new();
    let mut last_start: Option<usize> = None;
    // Whether each line heads a statutory point: read once, asked of a line
    // and of the line after it.
    let statutory_lines: Vec<bool> = outline
        .lines
        .iter()
        .map(|l| statutory_heading(l.text.trim()))
        .collect();
    for (i, l) in outline.lines.iter().enumerate() {
        let Some(next) = outline.lines.get(i + 1) else {
            continue;
        };
        let t = l.text.trim();
        let statutory_line = statutory_lines[i];
        let after_break = i == 0
            || outline.lines.get(i - 1).is_some_and(|p| {
                let pt = p.text.trim();
                // A paragraph of its own, or after a sentence, a list or a
                // header line: not the wrapped middle of a sentence.
                p.key.block < l.key.block
                    || p.attendance
                    || p.list_level.is_some()
                    || pt.ends_with(['.', '!', '?', ':'])
                    || header_like(pt)
            });
        // "* Utflykt till Naturum" / "Sevda och Tove planerar …": a bullet
        // alone between paragraphs is a topic's heading, as a plain line is.
        let lone_bullet = l.list_level == Some(0)
            && i > 0
            && outline
                .lines
                .get(i - 1)
                .is_some_and(|p| p.list_level.is_none())
            && next.list_level.is_none();
        // "- Val av mötesfunktionärer" / "- Sekreterare:" / "Johan valdes
        // …": bullets that head the points of a meeting, each over its
        // outcome (or over the next such bullet), as a plain line would.
        let topic_bullet = |j: usize| {
            outline.lines.get(j).is_some_and(|b| {
                let bt = b.text.trim();
                // A point's heading may run to a dozen words ("Genomgång av
                // kansliets arbetsuppgifter och hur styrelsen samarbetar med
                // kansliet:").
                b.list_level == Some(0)
                    && (1..=12).contains(&bt.split_whitespace().count())
                    && bt.chars().count() <= 100
                    && !bt.trim_end_matches(':').ends_with(['.', ',', ';'])
                    && bt.starts_with(char::is_uppercase)
            })
        };
        // "- Kansliet" / "- Genomgång av kansliets arbetsuppgifter:" /
        // "Bo sköter …": a topic over its first sub-heading, which is over
        // text of its own.
        let over_sub_heading = topic_bullet(i + 1)
            && next.text.trim_end().ends_with(':')
            && outline.lines.get(i + 2).is_some_and(|n| {
                // Text, or a list of sentences ("- Anna rapporterar …").
                !n.attendance && (n.list_level.is_none() || content_line(&n.text))
            });
        // "- Konstituering av styrelsen" / "- Val av övriga roller:" / "-
        // Emil rapporterar …": the sub-heading right under a topic that
        // leads in a list of sentences heads a point of its own.
        let sub_heading_over_list = i > 0
            && last_start == Some(i - 1)
            && t.ends_with(':')
            && next.list_level == Some(0)
            && content_line(&next.text);
        // A bullet after a bullet that headed nothing is the rest of a list
        // (an agenda written as one: "Dagordning:" / "- Mötets öppnande" /
        // "- Val av ordförande" …), not a heading.
        let in_plain_list =
            i > 0 && outline.lines[i - 1].list_level.is_some() && last_start != Some(i - 1);
        let headed_bullet = topic_bullet(i)
            && !in_plain_list
            // "- Åtgärder:", "- Att göra:": a part of the item above.
            && !section_heading(t, crate::lexicon::ITEM_PART_LABELS)
            && (statutory_line || t.ends_with(':') || over_sub_heading)
            && (next.list_level.is_none() || over_sub_heading || sub_heading_over_list);
        let plain = (1..=6).contains(&t.split_whitespace().count())
            && title_shaped(t.trim_end_matches(':'))
            && content_line(&next.text)
            // "Fastställande av dagordningen" / "Dagordningen
            // fastställdes": the line under a statutory point's heading
            // that reports its outcome is no heading.
            // So is one that leads in a list under it ("Behandling av
            // propositioner" / "Förslag på ändring av stadgarna:" / "1. …").
            && !(i > 0
                && statutory_lines[i - 1]
                && (reads_as_outcome(t) || t.ends_with(':')));
        let statutory = statutory_line && next.role == Role::Body;
        // "- Sekreterare:" / "Johan valdes till sekreterare.": below the
        // first point, a field's label alone on a bullet over a sentence
        // heads a point (a header's label stands over a name, or has its
        // value beside it).
        let point_not_field = headed_bullet
            && last_start.is_some()
            && t.ends_with(':')
            && next.list_level.is_none()
            && content_line(&next.text);
        let heading = (l.list_level.is_none() || lone_bullet || headed_bullet)
            && l.role == Role::Body
            && !l.bold
            && !l.attendance
            && l.number.is_none()
            && (after_break || headed_bullet)
            && t.starts_with(char::is_uppercase)
            && !header_like(t)
            && (point_not_field || !header_field(t))
            && !section_heading(t, crate::lexicon::CASE_SECTION_HEADINGS)
            && (next.list_level.is_none() && !next.attendance && (plain || statutory)
                // "- Fastställande av närvarolista" / "Närvarande: …".
                || headed_bullet
                    && (statutory
                        || next.attendance
                        || over_sub_heading
                        || content_line(&next.text)
                        // "- Genomgång av …:" / "Beslut:": over its parts.
                        || section_heading(next.text.trim(), crate::lexicon::ITEM_PART_LABELS)
                        || section_heading(next.text.trim(), crate::lexicon::CASE_SECTION_HEADINGS)));
        if heading {
            last_start = Some(i);
            starts.push(PlannedStart::unnumbered(
                l.key,
                TitleCut::Heading,
                t.trim_end_matches([':', '.']).trim().to_string(),
            ));
        }
    }
    (starts.len() >= 2).then_some(Proposal {
        scheme: Scheme::PlainHeadings,
        starts,
    })
}

/// "Ekonomi: Kassan är god." / "Övrigt: Inget.": paragraphs that open
/// with a short topic and a colon, three or more in minutes that number
/// nothing. A part of a case ("Beslut:", "Ansvarig:"), a header field and
/// an attendance line are no topics.
fn topic_paragraphs(outline: &Outline) -> Option<Proposal> {
    if numbers_a_line(outline) {
        return None;
    }
    // "Anna: Jag tycker …": notes of who said what name people, not
    // topics; the names the attendance lines give are theirs.
    let attendance_words: std::collections::HashSet<&str> = outline
        .lines
        .iter()
        .filter(|l| l.attendance)
        .flat_map(|l| l.text.split(|c: char| !c.is_alphabetic()))
        .filter(|w| !w.is_empty())
        .collect();
    let speaker =
        |topic: &str| crate::participants::is_name(topic) || attendance_words.contains(topic);
    // "Kassören meddelade: …": a sentence's subject and verb.
    let verb_closes = |topic: &str| {
        topic.split_whitespace().count() >= 2
            && topic.split_whitespace().last().is_some_and(|w| {
                let w = w.to_lowercase();
                w.ends_with("ade")
                    || crate::lexicon::PAST_TENSE_ENDINGS
                        .iter()
                        .any(|e| w.ends_with(e))
            })
    };
    let starts: Vec<PlannedStart> = outline
        .lines
        .iter()
        .filter(|l| {
            // "- Ekonomi: Kassan är god.": a bullet of loose notes, as a
            // paragraph, opens with its topic.
            l.list_level.is_none_or(|level| level == 0)
                && l.role == Role::Body
                && !l.bold
                && !l.attendance
                && !l.next_meetings
                && l.number.is_none()
        })
        .filter_map(|l| {
            let t = l.text.trim();
            let (topic, text) = topic_split(t)?;
            let topic = topic.trim();
            let topic_shaped = topic.starts_with(char::is_uppercase)
                && (1..=4).contains(&topic.split_whitespace().count())
                && title_shaped(topic)
                && !topic.contains([',', '(', '"'])
                && !header_like(t)
                && !header_field(t)
                && !section_heading(topic, crate::lexicon::CASE_SECTION_HEADINGS)
                && !crate::lexicon::ITEM_PART_LABELS.contains(&topic.to_lowercase().as_str())
                && !speaker(topic)
                && !verb_closes(topic);
            // The topic's text is a sentence of its own on the line.
            let text = text.trim();
            (topic_shaped && text.starts_with(char::is_uppercase) && content_line(text)).then(
                || PlannedStart::unnumbered(l.key, TitleCut::TopicThenRest, topic.to_string()),
            )
        })
        .collect();
    (starts.len() >= 3).then_some(Proposal {
        scheme: Scheme::TopicParagraphs,
        starts,
    })
}

/// "Ekonomi: Kassan är god.", "Ekonomi – Kassan är god.": a paragraph's
/// topic and its text, split at the first colon or, with none before it,
/// at the first dash with a space on both sides. The topic's shape is the
/// caller's to judge.
pub(crate) fn topic_split(t: &str) -> Option<(&str, &str)> {
    let colon = t.find(':');
    let dash = [" - ", " – ", " — "]
        .iter()
        .filter_map(|d| t.find(d).map(|at| (at, d.len())))
        .min();
    match (colon, dash) {
        (Some(c), Some((d, n))) if d < c => Some((&t[..d], &t[d + n..])),
        (Some(c), _) => Some((&t[..c], &t[c + 1..])),
        (None, Some((d, n))) => Some((&t[..d], &t[d + n..])),
        (None, None) => None,
    }
}

/// A paragraph that opens with a point of the statutory agenda
/// ([`crate::lexicon::STATUTORY_POINT_OPENINGS`]).
fn opens_statutory_point(t: &str) -> bool {
    opens_with_any(t, crate::lexicon::STATUTORY_POINT_OPENINGS)
}

/// `t` opens with one of `openings` (lower case, a trailing space standing
/// for the word's end), or is one of them alone.
fn opens_with_any(t: &str, openings: &[&str]) -> bool {
    let lower = t.trim().to_lowercase();
    openings
        .iter()
        .any(|o| lower.starts_with(o) || lower == o.trim_end())
}

/// "Val av revisor blev Eva Ek." / "Ansvarsfrihet för styrelsen
/// beviljades.": in minutes that number nothing and have no headings, the
/// paragraphs that open with a point of the statutory agenda, each titled by
/// its first sentence; only when six or more do, and they are over a third
/// of the paragraphs.
fn statutory_points(outline: &Outline) -> Option<Proposal> {
    // Only minutes that number nothing and have no headings below a title.
    if numbers_a_line(outline)
        || outline
            .lines
            .iter()
            .skip(1)
            .any(|l| matches!(l.role, Role::Heading(_)) || l.bold)
    {
        return None;
    }
    let paragraphs: Vec<(usize, &OutlineLine)> = outline
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            l.role == Role::Body && l.list_level.is_none() && !l.attendance && !l.next_meetings
        })
        .collect();
    // "Dagordning:" over its list, and the outcome under a heading
    // ("Fastställande av dagordningen" / "Dagordningen fastställdes"), start
    // no point of their own.
    let heads_list_or_follows_heading = |at: usize, l: &OutlineLine| {
        let next_is_list = outline
            .lines
            .get(at + 1)
            .is_some_and(|n| n.list_level.is_some());
        let after_heading = at
            .checked_sub(1)
            .and_then(|i| outline.lines.get(i))
            .is_some_and(|p| {
                // A heading, not a point written as a sentence ("Val av
                // ordförande blev Ulf Berg.").
                statutory_heading(&p.text)
                    && !p.text.trim_end().ends_with('.')
                    && reads_as_outcome(&l.text)
            });
        (l.text.trim_end().ends_with(':') && next_is_list) || after_heading
    };
    let starts: Vec<PlannedStart> = paragraphs
        .iter()
        .filter(|&&(at, l)| {
            let t = l.text.trim();
            opens_statutory_point(t)
                && t.chars().count() <= 200
                && !header_field(t)
                && !heads_list_or_follows_heading(at, l)
        })
        .map(|&(_, l)| {
            let first = first_sentence(&l.text).trim_end_matches('.');
            PlannedStart::unnumbered(l.key, TitleCut::FirstSentence, first.to_string())
        })
        .collect();
    // Most of the meeting's points, not a sentence or two that happen to
    // open so.
    (starts.len() >= 6 && starts.len() * 20 >= paragraphs.len() * 7).then_some(Proposal {
        scheme: Scheme::StatutoryPoints,
        starts,
    })
}

fn lead_ins(outline: &Outline) -> Option<Proposal> {
    let mut starts = Vec::new();
    for (i, l) in outline.lines.iter().enumerate() {
        let Some(next) = outline.lines.get(i + 1) else {
            continue;
        };
        let t = l.text.trim();
        // The document's first line is its title ("Protokoll vecka 9"),
        // whatever list follows it.
        let lead = i > 0
            && l.list_level.is_none()
            && l.role == Role::Body
            && !l.attendance
            && !l.next_meetings
            && next.list_level == Some(0)
            && next.key.block == l.key.block + 1
            // "Elevråd 2017-03" over "- Ordförande: Lena Berg", "-
            // Närvarande: …": the header's fields as a list, no item's.
            && !next.attendance
            && title_shaped(t.trim_end_matches(':'))
            && !header_like(t)
            // "Tid: 19:30" over the list of points, "Beslut:" over the
            // decisions: a header's field and a part of a case lead in
            // nothing of their own.
            && !header_field(t)
            && !section_heading(t, crate::lexicon::CASE_SECTION_HEADINGS);
        if lead {
            starts.push(PlannedStart::unnumbered(
                l.key,
                TitleCut::Heading,
                t.trim_end_matches(':').trim().to_string(),
            ));
        }
    }
    (starts.len() >= 2).then_some(Proposal {
        scheme: Scheme::LeadIns,
        starts,
    })
}

/// Bold, title-shaped body lines (or top-level list entries) start items;
/// what follows is their content. A number on the line is kept only when
/// the numbers continue (a list restarted at "1." for every heading is a
/// quirk of the writer, not a numbering).
fn bold_headings(outline: &Outline) -> Option<Proposal> {
    let lines: Vec<&OutlineLine> = outline
        .lines
        .iter()
        .filter(|l| {
            let t = l.text.trim();
            l.bold
                && l.role == Role::Body
                && l.list_level.is_none_or(|lv| lv == 0)
                && !l.attendance
                && title_shaped(t.trim_end_matches(':'))
                && !header_like(t)
        })
        .collect();
    // Bold title lines over the header ("**Ovanåkers kommun**",
    // "**SAMMANTRÄDESPROTOKOLL**", "**Kommunstyrelsens arbetsutskott**",
    // then "Plats och tid: …"): leading bold lines with nothing but header
    // fields, attendance and dates below them are the header, not items.
    let header_lines = lines
        .iter()
        .zip(lines.iter().skip(1))
        .take_while(|(a, b)| !content_between(outline, a.key, b.key))
        .count();
    let lines = lines.get(header_lines..).unwrap_or_default().to_vec();
    let numbers: Vec<Option<u32>> = lines
        .iter()
        .map(|l| {
            l.number
                .as_ref()
                .filter(|n| n.letter.is_none() && n.sub.is_none())
                .map(|n| n.top)
        })
        .collect();
    let continuing = numbers.windows(2).all(|w| match (w[0], w[1]) {
        (Some(a), Some(b)) => b == a + 1,
        _ => true,
    });
    let starts: Vec<PlannedStart> = lines
        .iter()
        .map(|l| {
            let t = l.text.trim();
            let parsed = l.number.as_ref().filter(|n| n.letter.is_none());
            let skip = parsed.map_or(0, |n| n.rest);
            let n = parsed.filter(|_| continuing);
            PlannedStart {
                key: l.key,
                number: n.map(|n| n.number.clone()),
                parent: n.and_then(|n| n.parent.clone()),
                skip,
                cut: TitleCut::Heading,
                title: t
                    .get(skip..)
                    .unwrap_or(t)
                    .trim()
                    .trim_end_matches(':')
                    .to_string(),
            }
        })
        .collect();
    (starts.len() >= 2).then_some(Proposal {
        scheme: Scheme::BoldHeadings,
        starts,
    })
}

static CLOCK_START: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^(?:kl\.?\s*)?([01]?\d|2[0-3])[:.]([0-5]\d)(?:\s*[-–]\s*(?:[01]?\d|2[0-3])[:.][0-5]\d)?\s+\S")
        .expect("valid regex")
});

/// Where the text of a line starting with a clock time begins ("14:00\t
/// Allspel", "kl. 15.30-16.00 Fika"), when it does.
fn after_clock(t: &str) -> Option<usize> {
    let m = CLOCK_START.find(t)?;
    // The match ends on the text's first character.
    let end = m.end() - t[..m.end()].chars().next_back()?.len_utf8();
    Some(end)
}

/// Lines that start with a clock time, in increasing order of time: a
/// programme whose points are the items.
fn timed_programme(outline: &Outline) -> Option<Proposal> {
    let mut starts = Vec::new();
    let mut last: Option<(u32, u32)> = None;
    for l in &outline.lines {
        if l.attendance || l.list_level.is_some_and(|lv| lv > 0) {
            continue;
        }
        let t = l.text.trim();
        let Some(at) = after_clock(t) else { continue };
        let Some(c) = CLOCK_START.captures(t) else {
            continue;
        };
        let hm = (
            c.get(1).and_then(|m| m.as_str().parse().ok()).unwrap_or(0),
            c.get(2).and_then(|m| m.as_str().parse().ok()).unwrap_or(0),
        );
        if last.is_some_and(|p| hm <= p) {
            continue;
        }
        last = Some(hm);
        let rest = t[at..].trim();
        let lead = l.text.len() - l.text.trim_start().len();
        starts.push(PlannedStart {
            key: l.key,
            number: None,
            parent: None,
            skip: lead + at,
            cut: TitleCut::SentenceThenRest,
            title: first_sentence(rest)
                .trim_end_matches('.')
                .trim()
                .to_string(),
        });
    }
    (starts.len() >= 2).then_some(Proposal {
        scheme: Scheme::TimedProgramme,
        starts,
    })
}

/// The first word of a line when it may be an item number as OCR read it:
/// short, with a digit, or a paragraph sign or its look-alikes, and ending
/// as labels do ("81.", "$1.", "§6", "3:", "l0.").
fn ocr_label(t: &str) -> Option<&str> {
    let w = t.split_whitespace().next()?;
    let n = w.chars().count();
    let signed = w.starts_with(['§', '$']);
    let ends = w.ends_with(['.', ':', ')']);
    let digit = w.chars().any(|c| c.is_ascii_digit());
    (n <= 5 && (signed || (digit && ends))).then_some(w)
}

/// Numbered headings of a scan, their numbers read through OCR confusions
/// that the sequence makes evident (the text keeps what was read).
fn ocr_numbered(outline: &Outline) -> Option<Proposal> {
    if !outline.ocr {
        return None;
    }
    let cands: Vec<(&OutlineLine, &str)> = outline
        .lines
        .iter()
        .filter(|l| !l.attendance && l.list_level.is_none_or(|lv| lv == 0))
        .filter_map(|l| {
            let t = l.text.trim_start();
            let label = ocr_label(t)?;
            title_shaped(t[label.len()..].trim()).then_some((l, label))
        })
        .collect();
    let labels: Vec<&str> = cands.iter().map(|(_, label)| *label).collect();
    let readings = crate::ocr_numbers::repair_numbering(&labels);
    let mut starts = Vec::new();
    let mut last: Option<u32> = None;
    for ((l, label), reading) in cands.iter().zip(readings) {
        let Some(n) = reading.number() else { continue };
        let continues = match last {
            None => n <= 3,
            Some(p) => n > p && n <= p + 3,
        };
        if !continues {
            continue;
        }
        last = Some(n);
        let lead = l.text.len() - l.text.trim_start().len();
        let skip = lead + label.len();
        starts.push(PlannedStart {
            key: l.key,
            number: Some(n.to_string()),
            parent: None,
            skip,
            cut: TitleCut::Heading,
            title: l.text.get(skip..).unwrap_or_default().trim().to_string(),
        });
    }
    (starts.len() >= 2).then_some(Proposal {
        scheme: Scheme::OcrNumbered,
        starts,
    })
}

/// Points all numbered "1." ("1. Mötets öppnande." / "1. Fastställande av
/// dagordning." / …), at least three and no other number: each is an item.
fn repeated_ones(outline: &Outline) -> Option<Proposal> {
    let numbered: Vec<(&OutlineLine, &Numbered)> = outline
        .lines
        .iter()
        .filter(|l| !l.attendance && l.list_level.is_none_or(|lv| lv == 0))
        .filter_map(|l| l.number.as_ref().map(|n| (l, n)))
        .collect();
    let all_ones = numbered
        .iter()
        .all(|(_, n)| n.top == 1 && n.sub.is_none() && n.letter.is_none() && !n.paragraph_sign);
    if numbered.len() < 3 || !all_ones {
        return None;
    }
    let starts = numbered
        .iter()
        .map(|(l, n)| {
            let rest = l.text.get(n.rest..).unwrap_or("").trim();
            let sentence = !rest.is_empty() && !title_shaped(rest);
            PlannedStart::point(l.key, n.number.clone(), None, n.rest, rest, sentence)
        })
        .collect();
    Some(Proposal {
        scheme: Scheme::RepeatedOnes,
        starts,
    })
}

/// "A. Öppnande", "b) Ekonomi", "C) Övrigt": a letter, a dot or a closing
/// bracket, and a capitalised title. A capital with a dot alone is also an
/// initial ("A. Berg"); only a run of letters in sequence tells them apart.
/// A bracket typed twice ("B) ) GDPR") is still the point's; a word
/// processor's list number before a bracketed letter ("1. b) Banan") is
/// not.
static LETTER_POINT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^\s*(\d{1,2}\.\s+)?([A-Za-z])(\.\)|[.)])(\s*)(?:\)\s*)?(\p{Lu})")
        .expect("valid regex")
});

/// A line's letter point: the letter, its punctuation, and where the title
/// starts.
fn letter_point(t: &str) -> Option<(char, &str, usize)> {
    let c = LETTER_POINT.captures(t)?;
    let letter = c.get(2)?.as_str().chars().next()?;
    let punct = c.get(3)?;
    // "a)Kansli", "c.Övrigt": a bracket may touch its title, and a small
    // letter's dot; a capital's dot may not ("A.Berg", an initial).
    if c.get(4).is_some_and(|gap| gap.is_empty()) && punct.as_str() != ")" && letter.is_uppercase()
    {
        return None;
    }
    // The list number goes only before a small letter in brackets.
    if c.get(1).is_some() && (punct.as_str() != ")" || letter.is_uppercase()) {
        return None;
    }
    let title_at = c.get(5)?.start();
    Some((letter, punct.as_str(), title_at))
}

/// Points lettered A, B, C … (or a), b), c) …) in one sequence from the
/// first letter, written alike, at least three, in minutes that number no
/// line: each is an item, titled by its heading or first sentence.
fn lettered_points(outline: &Outline) -> Option<Proposal> {
    let digits = outline.lines.iter().any(|l| {
        l.list_level.is_none_or(|lv| lv == 0)
            && !l.attendance
            && l.number.as_ref().is_some_and(|n| n.letter.is_none())
    });
    if digits {
        return None;
    }
    let mut starts = Vec::new();
    // The first letter's case and punctuation: the rest must follow it.
    let mut style: Option<(bool, &str)> = None;
    let mut expected = 'a';
    // Lines between the points: an attendance list of initials in order
    // ("A. Berg" / "B. Ek" / "C. Ny") has none; points have their text.
    let mut between = 0;
    let mut since_start = 0;
    for l in &outline.lines {
        since_start += 1;
        // The attendance list may have taken the first point for a name
        // ("Närvarande: …" / "A. Öppnande"): the run decides.
        if l.list_level.is_some_and(|lv| lv > 0) {
            continue;
        }
        let Some((letter, punct, title_at)) = letter_point(&l.text) else {
            continue;
        };
        let this_style = (letter.is_uppercase(), punct);
        if letter.to_ascii_lowercase() != expected || style.is_some_and(|s| s != this_style) {
            continue;
        }
        style = Some(this_style);
        expected = (expected as u8 + 1) as char;
        if !starts.is_empty() && since_start > 1 {
            between += 1;
        }
        since_start = 0;
        let rest = l.text[title_at..].trim();
        let sentence = !title_shaped(rest);
        starts.push(PlannedStart::point(
            l.key,
            letter.to_ascii_uppercase().to_string(),
            None,
            title_at,
            rest,
            sentence,
        ));
    }
    (starts.len() >= 3 && between * 2 >= starts.len() - 1).then_some(Proposal {
        scheme: Scheme::LetteredPoints,
        starts,
    })
}

/// "#3 Inga adjungeringar": a number after a hash, and the title.
static HASH_POINT: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"^\s*#(\d{1,2})\s+(\S)").expect("valid regex"));

/// Points numbered after a hash in one run from "#1", at least four, each
/// the next number (one may be missing), in minutes that number no line
/// otherwise. A hash before a number also refers to an issue or a case
/// ("se #12", a list of "#412 Fixa …"); only a run from one that heads
/// the paragraphs is the minutes' own numbering.
fn hash_numbered(outline: &Outline) -> Option<Proposal> {
    if numbers_a_line(outline) {
        return None;
    }
    let mut starts = Vec::new();
    let mut last = 0u32;
    let mut gap_taken = false;
    for l in &outline.lines {
        if l.attendance || l.list_level.is_some() {
            continue;
        }
        let Some(c) = HASH_POINT.captures(&l.text) else {
            continue;
        };
        let Some(n) = c.get(1).and_then(|m| m.as_str().parse::<u32>().ok()) else {
            continue;
        };
        if !(n == last + 1 || last > 0 && n == last + 2 && !gap_taken) {
            continue;
        }
        gap_taken |= n == last + 2;
        last = n;
        let title_at = c.get(2).map_or(0, |m| m.start());
        let rest = l.text[title_at..].trim();
        starts.push(PlannedStart::point(
            l.key,
            n.to_string(),
            None,
            title_at,
            rest,
            !title_shaped(rest),
        ));
    }
    (starts.len() >= 4).then_some(Proposal {
        scheme: Scheme::HashNumbered,
        starts,
    })
}

/// Numbered paragraphs in one continuing sequence (1, 2, 3 … with small
/// gaps; sub-numbers under their parent), whether the number heads a title
/// or a whole sentence. Numbered list entries count only at the top level.
fn numbered_paragraphs(outline: &Outline) -> Option<Proposal> {
    let mut starts = Vec::new();
    let mut last_top: Option<u32> = None;
    let mut last_sub: Option<(u32, u32)> = None;
    let mut sign: Option<bool> = None;
    // The top-level numbers in order, to see whether a first number above
    // 3 starts a run ("5.", "6.", "7." of an extract from minutes).
    let tops: Vec<u32> = outline
        .lines
        .iter()
        .filter(|l| !l.attendance && l.list_level.is_none_or(|lv| lv == 0))
        .filter_map(|l| l.number.as_ref())
        .filter(|n| n.letter.is_none() && n.sub.is_none() && n.subsub.is_none())
        .map(|n| n.top)
        .collect();
    let run_starts: std::collections::HashSet<u32> = tops
        .windows(3)
        .filter(|w| w[1] == w[0] + 1 && w[2] == w[0] + 2)
        .map(|w| w[0])
        .collect();
    let starts_a_run = |top: u32| run_starts.contains(&top);
    // The letter the next lettered sub-point under the last number takes.
    let mut next_letter = 'a';
    // The line of the last lettered sub-point, where a missing letter may
    // have run in.
    let mut last_letter_line: Option<&str> = None;
    // The first point, a), stands right under its number's line ("§ 108
    // Ekonomi" / "a) Inget nytt …"); points after a sentence that leads them
    // in ("… antas efter följande justeringar." / "a. Insats …") are the
    // decision's, not items. Whether the last run started so decides for
    // its b), c) …
    let mut prev: Option<LineKey> = None;
    let mut last_top_key: Option<LineKey> = None;
    let mut in_led_points = false;
    for l in &outline.lines {
        let before = prev.replace(l.key);
        if let Some((letter, _, _)) = letter_point(&l.text)
            && letter.eq_ignore_ascii_case(&'a')
        {
            in_led_points = before != last_top_key;
        }
        if l.attendance || l.list_level.is_some_and(|lv| lv > 0) {
            continue;
        }
        // "5 Rapporter" / "a) Kansli" / "b) Banan": lettered sub-points in
        // sequence under the last number.
        // One letter may be missing where it ran into the point before it
        // ("… avser att delta.G) Skansenbiljetter").
        let ran_in = |missing: char| {
            last_letter_line.is_some_and(|t: &str| {
                [missing, missing.to_ascii_uppercase()]
                    .iter()
                    .any(|m| t.contains(&format!("{m})")) || t.contains(&format!(".{m}.")))
            })
        };
        if let (Some(top), Some((letter, _, title_at))) = (last_top, letter_point(&l.text))
            && (letter.to_ascii_lowercase() == next_letter
                || next_letter != 'a'
                    && letter.to_ascii_lowercase() as u32 == next_letter as u32 + 1
                    && ran_in(next_letter))
            && last_sub.is_none()
            // Not the points a sentence leads in ("… med följande
            // inriktning:" / "a) Göteborgs Stad ska teckna avtal …"): those
            // are the decision's, not items.
            && (next_letter != 'a' || before == last_top_key)
            && !(next_letter != 'a' && in_led_points)
        {
            next_letter = (letter.to_ascii_lowercase() as u8 + 1) as char;
            last_letter_line = Some(&l.text);
            let rest = l.text[title_at..].trim();
            let sentence = !title_shaped(rest);
            starts.push(PlannedStart::point(
                l.key,
                format!("{top}{next}", next = letter.to_ascii_lowercase()),
                Some(top.to_string()),
                title_at,
                rest,
                sentence,
            ));
            continue;
        }
        let Some(n) = &l.number else { continue };
        if n.letter.is_some()
            || n.subsub.is_some()
            || !n.switches_to_paragraph_sign(sign, last_top)
                && sign.is_some_and(|s| s != n.paragraph_sign)
        {
            continue;
        }
        let ok = match (n.sub, last_top) {
            (Some(s), Some(t)) => {
                t == n.top
                    && match last_sub {
                        Some((pt, ps)) if pt == t => s > ps && s <= ps + 2,
                        _ => s <= 2,
                    }
            }
            (Some(_), None) => false,
            (None, None) => n.paragraph_sign || n.top <= 3 || starts_a_run(n.top),
            (None, Some(t)) => n.top > t && n.top <= t + if n.paragraph_sign { 10 } else { 3 },
        };
        if !ok {
            continue;
        }
        match n.sub {
            Some(s) => last_sub = Some((n.top, s)),
            None => {
                last_top = Some(n.until.unwrap_or(n.top));
                last_sub = None;
                next_letter = 'a';
                last_top_key = Some(l.key);
            }
        }
        sign = Some(n.paragraph_sign);
        let rest = l.text.get(n.rest..).unwrap_or("").trim();
        // An empty rest: the title comes on the next line.
        let sentence = !rest.is_empty() && !title_shaped(rest);
        starts.push(PlannedStart::point(
            l.key,
            n.number.clone(),
            n.parent.clone(),
            n.rest,
            rest,
            sentence,
        ));
    }
    (starts.len() >= 2).then_some(Proposal {
        scheme: Scheme::NumberedParagraphs,
        starts,
    })
}

// ---------------------------------------------------------------------------
// Choosing: one place that scores the proposals and picks the winner.

/// How far a new scheme must beat the finder's numbered walk to win: a tie
/// keeps what the walk found.
const MARGIN: f32 = 0.05;

/// How close to the winner the agenda's repeated titles must score to take
/// its place: they leave the agenda list uncovered, which costs them
/// coverage, but the repetition itself is strong evidence.
const AGENDA_SECTIONS_KEEP: f32 = 0.5;

/// How close to a numbered winner an outline of headings that extends it
/// must score to take its place (its unnumbered headings cost it some
/// continuity).
const OUTLINE_KEEPS: f32 = 0.8;

/// Score a proposal, 0 to 1: continuity × coverage × title shape × size.
pub(crate) fn score(outline: &Outline, p: &Proposal) -> f32 {
    if p.starts.is_empty() {
        return 0.0;
    }
    let content: Vec<&OutlineLine> = outline.lines.iter().filter(|l| !l.attendance).collect();
    let total: usize = content.iter().map(|l| l.chars()).sum::<usize>().max(1);
    let first = p.starts.iter().map(|s| s.key).min().unwrap_or_default();
    let covered: usize = content
        .iter()
        .filter(|l| l.key >= first)
        .map(|l| l.chars())
        .sum();
    // The walk's agenda-table rows are not in the outline: count them as
    // covering everything.
    let coverage = if outline.agenda_table && p.scheme == Scheme::Numbered {
        1.0
    } else {
        (covered as f32 / total as f32).min(1.0)
    };
    // Repeated ones are the scheme's own evidence, not a broken sequence.
    let continuity = if p.scheme == Scheme::RepeatedOnes {
        1.0
    } else {
        continuity(p)
    };
    let shape = p
        .starts
        .iter()
        .filter(|s| {
            let n = s.title.chars().count();
            n > 0 && n <= 150
        })
        .count() as f32
        / p.starts.len() as f32;
    let size = if p.starts.len() >= 2 { 1.0 } else { 0.6 };
    // Numbered entries of one list under one heading, while the document
    // has an outline of headings: the list is that heading's content.
    let numbered = matches!(p.scheme, Scheme::Numbered | Scheme::NumberedParagraphs);
    let nested = if numbered && lists_under_one_heading(outline, p) {
        0.7
    } else {
        1.0
    };
    // Numbered items after which the document goes on in headings the
    // layout does not use: its last item would swallow them.
    let swallowing = if numbered && swallowed_headings(outline, p) >= p.starts.len().max(2) {
        0.5
    } else {
        1.0
    };
    continuity * coverage * (0.5 + 0.5 * shape) * size * nested * swallowing
}

/// The share of starts that continue the numbering (the first counts when it
/// is low or a §); unnumbered starts are weaker evidence of a layout.
fn continuity(p: &Proposal) -> f32 {
    let mut good = 0.0;
    let mut prev: Option<u32> = None;
    for s in &p.starts {
        let top = s
            .number
            .as_deref()
            .and_then(|n| n.split(['.', '-']).next())
            .and_then(|n| n.trim_end_matches(char::is_alphabetic).parse::<u32>().ok());
        good += match (top, prev, &s.parent) {
            (None, _, _) => 0.8,
            (Some(_), _, Some(_)) => 1.0,
            (Some(t), None, None) => {
                if t <= 3 {
                    1.0
                } else {
                    0.5
                }
            }
            (Some(t), Some(q), None) => {
                if t == q + 1 {
                    1.0
                } else if t > q && t <= q + 3 {
                    0.7
                } else {
                    0.3
                }
            }
        };
        if s.parent.is_none()
            && let Some(t) = top
        {
            prev = Some(t);
        }
    }
    good / p.starts.len() as f32
}

/// Headings after the first start that start no item of the proposal.
fn swallowed_headings(outline: &Outline, p: &Proposal) -> usize {
    let Some(first) = p.starts.iter().map(|s| s.key).min() else {
        return 0;
    };
    let starts: std::collections::HashSet<LineKey> = p.starts.iter().map(|s| s.key).collect();
    // "## § 101 Dnr KS 2024/55" / "### Detaljplan för Lilla Torg": the
    // heading right after a start is that item's title, not an outline the
    // items swallow.
    let titles: std::collections::HashSet<LineKey> = outline
        .lines
        .windows(2)
        .filter(|w| {
            p.starts.iter().any(|s| {
                s.key == w[0].key && !s.title.is_empty() && w[1].text.trim() == s.title.trim()
            })
        })
        .map(|w| w[1].key)
        .collect();
    outline
        .lines
        .iter()
        .filter(|l| {
            matches!(l.role, Role::Heading(_))
                && l.list_level.is_none()
                && !l.attendance
                && l.key > first
                && !starts.contains(&l.key)
                && !titles.contains(&l.key)
        })
        .count()
}

/// All starts are list entries that stand between the same two headings,
/// while the document has at least two headings.
fn lists_under_one_heading(outline: &Outline, p: &Proposal) -> bool {
    let headings: Vec<LineKey> = outline
        .lines
        .iter()
        .filter(|l| matches!(l.role, Role::Heading(_)) && l.list_level.is_none())
        .map(|l| l.key)
        .collect();
    if headings.len() < 2 {
        return false;
    }
    // The outline is in document order, so in key order.
    let in_list = |k: &LineKey| {
        outline
            .lines
            .binary_search_by_key(k, |l| l.key)
            .ok()
            .and_then(|i| outline.lines.get(i))
            .is_some_and(|l| l.list_level.is_some())
    };
    if !p.starts.iter().all(|s| in_list(&s.key)) {
        return false;
    }
    let section = |k: LineKey| headings.partition_point(|h| *h < k);
    let first = p.starts.first().map(|s| section(s.key));
    p.starts.iter().all(|s| Some(section(s.key)) == first)
}

/// `a` starts items at every line where `b` does, with the same numbers,
/// and at more lines besides.
fn extends(a: &Proposal, b: &Proposal) -> bool {
    a.starts.len() > b.starts.len()
        && b.starts.iter().all(|y| {
            a.starts
                .iter()
                .any(|x| x.key == y.key && x.number == y.number)
        })
}

/// Every start `a` has beyond `b`'s comes after `b`'s last start, and is
/// not a part of a case ("Beslut", "Yrkanden").
fn only_trailing_extra(a: &Proposal, b: &Proposal) -> bool {
    let Some(last) = b.starts.iter().map(|s| s.key).max() else {
        return false;
    };
    a.starts
        .iter()
        .filter(|x| !b.starts.iter().any(|y| y.key == x.key))
        .all(|x| {
            x.key > last
                && !section_heading(
                    x.title.trim_end_matches(':'),
                    crate::lexicon::CASE_SECTION_HEADINGS,
                )
        })
}

/// Every start `a` has beyond `b`'s stands before `b`'s last and goes on
/// from the numbered start before it in `a` ("1.4" after "1.3", "5" after
/// "4"): the walk passed over points of its own numbering ("1.1" to "1.3"
/// and "2" taken, the sentence-long "1.4" to "1.8" between them not), a
/// gap its top-level numbers do not show. With `past_end`, starts after
/// `b`'s last count too: the walk stopped before the last points ("7. Jul
/// café – söndag 9 december …" after "6.", up to "12. Mötet avslutas").
fn fills_runs(a: &Proposal, b: &Proposal, past_end: bool) -> bool {
    let Some(last_start) = b.starts.iter().max_by_key(|s| s.key) else {
        return false;
    };
    let last = last_start.key;
    // The sub-points of the walk's last point ("§4" / "A) Årsmöte" … "J)
    // Ansvarsfördelning") are a run of its own numbering too.
    let under_last = |x: &PlannedStart| {
        x.parent.is_some() && x.parent.as_deref() == last_start.number.as_deref()
    };
    let mut extra = 0;
    for (i, x) in a.starts.iter().enumerate() {
        if b.starts.iter().any(|y| y.key == x.key) {
            continue;
        }
        extra += 1;
        let prev = i.checked_sub(1).and_then(|p| a.starts.get(p));
        let goes_on = match (prev.and_then(|p| p.number.as_deref()), x.number.as_deref()) {
            (Some(p), Some(n)) => number_goes_on(p, n),
            _ => false,
        };
        if x.key > last && !past_end && !under_last(x) || !goes_on {
            return false;
        }
    }
    extra > 0
}

/// "1.3" → "1.4", "4" → "5", "1.8" → "2", "2" → "2.1": the second number
/// comes right after the first in a numbering of points and sub-points.
fn number_goes_on(prev: &str, next: &str) -> bool {
    let parts = |n: &str| -> Option<(u32, u32)> {
        // "4b": the second sub-point of 4, as "4.2" is.
        if let Some(letter) = n
            .strip_prefix(|c: char| c.is_ascii_digit())
            .and(n.chars().last())
            && letter.is_ascii_lowercase()
        {
            let top = n[..n.len() - 1].parse().ok()?;
            return Some((top, letter as u32 - 'a' as u32 + 1));
        }
        let mut it = n.split('.');
        let top = it.next()?.parse().ok()?;
        let sub = match it.next() {
            Some(s) => s.parse().ok()?,
            None => 0,
        };
        it.next().is_none().then_some((top, sub))
    };
    // A letter may be missing where a point ran into the one before it
    // ("… att delta.G) Skansenbiljetter"): "4f" goes on to "4h".
    let lettered = next.ends_with(|c: char| c.is_ascii_lowercase());
    match (parts(prev), parts(next)) {
        (Some((t, s)), Some(n)) => {
            n == (t, s + 1)
                || n == (t + 1, 0)
                || (s > 0 && n == (t + 1, 1))
                || (lettered && s > 0 && n == (t, s + 2))
        }
        _ => false,
    }
}

fn same_starts(a: &Proposal, b: &Proposal) -> bool {
    a.starts.len() == b.starts.len() && a.starts.iter().zip(&b.starts).all(|(x, y)| x.key == y.key)
}

/// How far below the walk's score the numbered paragraphs may fall and
/// still win by filling its gaps: the sentence the walk passed over is long
/// ("12. Till festkommittén omvaldes …" with eight names), which costs the
/// paragraphs a little of their titles' shape.
const GAP_FILL_KEEPS: f32 = 0.95;

/// How far below the walk's score the numbered paragraphs may fall and
/// still win when they fill runs of the walk's own numbering
/// ([`fills_runs`]): every point they add is the next number, so their
/// long titles (a page run together, "1.4 Val av rösträknare Herr Ledamot
/// …") cost their shape more.
const RUN_FILL_KEEPS: f32 = 0.75;

/// Pick the best proposal. Proposals come with the finder's numbered walk
/// first; a later one must beat the walk by [`MARGIN`].
pub(crate) fn choose(outline: &Outline, proposals: &[Proposal]) -> (Option<usize>, LayoutChoice) {
    let scored: Vec<(usize, f32)> = proposals
        .iter()
        .enumerate()
        .map(|(i, p)| (i, score(outline, p)))
        .collect();
    let mut best: Option<(usize, f32)> = None;
    for &(i, s) in &scored {
        // A scheme that starts items exactly where an earlier one does is
        // the same layout: the earlier (a walk) keeps it.
        let same_as_earlier = proposals[..i].iter().any(|q| same_starts(q, &proposals[i]));
        if s <= 0.0 || same_as_earlier {
            continue;
        }
        let walk = matches!(proposals[i].scheme, Scheme::Numbered | Scheme::Headings);
        best = match best {
            None => Some((i, s)),
            Some((_, b)) if !walk && s > b + MARGIN => Some((i, s)),
            Some((_, b)) if walk && s > b => Some((i, s)),
            keep => keep,
        };
    }
    // Numbered sentences that fill gaps in the walk's numbering ("2." and
    // "4." items around a "3." the walk left as a long sentence) are items
    // of the same list: the paragraphs' reading wins without a margin.
    if let Some((w, ws)) = best
        && proposals[w].scheme == Scheme::Numbered
        && let Some(&(i, s)) = scored.iter().find(|&&(i, s)| {
            proposals[i].scheme == Scheme::NumberedParagraphs
                && extends(&proposals[i], &proposals[w])
                && ((s >= ws * GAP_FILL_KEEPS
                    && continuity(&proposals[i]) > continuity(&proposals[w]))
                    || (s >= ws * RUN_FILL_KEEPS
                        && fills_runs(&proposals[i], &proposals[w], false))
                    || (s >= ws * GAP_FILL_KEEPS && fills_runs(&proposals[i], &proposals[w], true)))
        })
    {
        best = Some((i, s));
    }
    // Headings are items: an outline of headings that holds every start of
    // a numbered winner and more headings besides ("*** micro:bits" under
    // "** § 6 Material", "## Åtgärder" after "## 5. Nästa möte") is the same
    // layout, with the headings the numbers skip.
    if let Some((w, ws)) = best
        && matches!(
            proposals[w].scheme,
            Scheme::Numbered | Scheme::NumberedParagraphs
        )
        && let Some(&(i, s)) = scored.iter().find(|&&(i, s)| {
            proposals[i].scheme == Scheme::HeadingOutline
                && s >= ws * OUTLINE_KEEPS
                && extends(&proposals[i], &proposals[w])
        })
    {
        best = Some((i, s));
    }
    // Bold lines after the last numbered item ("**Action items**" after
    // "**3. Hiring**"): sections of their own that the last item would
    // swallow, when the bold lines hold every numbered start besides.
    if let Some((w, ws)) = best
        && matches!(
            proposals[w].scheme,
            Scheme::Numbered | Scheme::NumberedParagraphs
        )
        && let Some(&(i, s)) = scored.iter().find(|&&(i, s)| {
            matches!(
                proposals[i].scheme,
                Scheme::BoldHeadings | Scheme::NumberedThenSections
            ) && s >= ws * OUTLINE_KEEPS
                && extends(&proposals[i], &proposals[w])
                && only_trailing_extra(&proposals[i], &proposals[w])
        })
    {
        best = Some((i, s));
    }
    // The agenda's titles found again below it are where the minutes of each
    // point stand: the walk's items at the agenda list would be empty.
    if let Some((_, ws)) = best
        && let Some(&(i, s)) = scored.iter().find(|&&(i, s)| {
            proposals[i].scheme == Scheme::AgendaThenSections && s >= ws * AGENDA_SECTIONS_KEEP
        })
    {
        best = Some((i, s));
    }
    // Numbers only in short lists inside sections ("Syftet med mötet:"
    // over "1. Gå igenom status"): the plain headings around them are the
    // items, when they are as many.
    if let Some((w, _)) = best
        && matches!(
            proposals[w].scheme,
            Scheme::Numbered | Scheme::NumberedParagraphs
        )
        && numbers_only_led_lists(outline)
        && let Some(&(i, s)) = scored.iter().find(|&&(i, s)| {
            proposals[i].scheme == Scheme::PlainHeadings
                && s > 0.0
                && proposals[i].starts.len() >= proposals[w].starts.len()
        })
    {
        best = Some((i, s));
    }
    // A meeting's statutory points written as sentences, in minutes that
    // number and mark up nothing: each point is an item, when they are more
    // than any other unnumbered reading finds.
    if let Some(&(i, s)) = scored
        .iter()
        .find(|&&(i, s)| proposals[i].scheme == Scheme::StatutoryPoints && s > 0.0)
        && best.is_none_or(|(w, _)| {
            matches!(
                proposals[w].scheme,
                Scheme::PlainHeadings | Scheme::TopicParagraphs | Scheme::LeadIns
            ) && proposals[i].starts.len() >= 2 * proposals[w].starts.len()
        })
    {
        best = Some((i, s));
    }
    let mut scores: Vec<SchemeScore> = scored
        .iter()
        .map(|&(i, s)| SchemeScore {
            scheme: proposals[i].scheme,
            score: (s * 100.0).round() / 100.0,
            items: proposals[i].starts.len(),
        })
        .collect();
    scores.sort_by(|a, b| b.score.total_cmp(&a.score));
    let winner = best.map(|(i, _)| i);
    (
        winner,
        LayoutChoice {
            scheme: winner.map(|i| proposals[i].scheme),
            scores,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(block: u32, text: &str, role: Role, list_level: Option<u8>) -> OutlineLine {
        OutlineLine {
            key: LineKey {
                block,
                ..LineKey::default()
            },
            text: text.into(),
            role,
            bold: false,
            list_level,
            number: parse_number(text),
            attendance: false,
            next_meetings: false,
        }
    }

    /// An outline of body paragraphs, one a line, in order.
    fn body_lines<S: AsRef<str>>(texts: &[S]) -> Outline {
        outline(
            texts
                .iter()
                .enumerate()
                .map(|(i, t)| line(i as u32, t.as_ref(), Role::Body, None))
                .collect(),
        )
    }

    /// The titles a scheme's proposal plans, none without one.
    fn titles_of(p: Option<Proposal>) -> Vec<String> {
        p.map(|p| p.starts.iter().map(|s| s.title.clone()).collect())
            .unwrap_or_default()
    }

    fn outline(lines: Vec<OutlineLine>) -> Outline {
        Outline {
            lines,
            agenda_table: false,
            ocr: false,
        }
    }

    /// The finder's numbered walk, as a test sets it beside the schemes.
    fn numbered_walk(starts: impl IntoIterator<Item = PlannedStart>) -> Proposal {
        Proposal {
            scheme: Scheme::Numbered,
            starts: starts.into_iter().collect(),
        }
    }

    /// A start at `l` with its own number, `skip` bytes of number before
    /// `title`.
    fn start_at(l: &OutlineLine, skip: usize, title: &str) -> PlannedStart {
        PlannedStart {
            key: l.key,
            number: l.number.as_ref().map(|n| n.number.clone()),
            parent: None,
            skip,
            cut: TitleCut::Heading,
            title: title.to_string(),
        }
    }

    #[test]
    fn an_entry_numbered_zero_ends_the_scans_for_an_agenda() {
        // "0. Inledning" opens no rising run of numbers; the scan for the
        // agenda list stood still on it for ever.
        for lines in [
            vec!["0. Inledning"],
            vec!["0. Inledning", "0 For", "1. Budget", "2. Övrigt"],
        ] {
            let o = body_lines(&lines);
            let _ = agenda_then_sections(&o);
            let _ = propose(&o);
        }
    }

    #[test]
    fn a_heading_outline_takes_every_heading_below_the_title() {
        let o = outline(vec![
            line(0, "Styrelsemöte november", Role::Heading(1), None),
            line(1, "Blender", Role::Heading(3), None),
            line(2, "Aku ska hålla i en workshop.", Role::Body, None),
            line(3, "3D-Printer", Role::Heading(3), None),
            line(4, "Dos frågar Roos.", Role::Body, None),
            line(5, "Introduktion", Role::Heading(4), None),
        ]);
        let p = heading_outline(&o).expect("a proposal");
        let titles: Vec<_> = p.starts.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["Blender", "3D-Printer", "Introduktion"]);
        assert!(p.starts.iter().all(|s| s.number.is_none()));
    }

    #[test]
    fn statutory_points_written_as_sentences_are_the_items() {
        let texts = [
            "Protokoll årsstämma 2023",
            "Ärenden som behandlats:",
            "Fastställande av dagordning. Godkänd",
            "Val av ordförande blev Ulf Berg.",
            "Verksamhetsberättelsen lästes upp.",
            "Ansvarsfrihet för styrelsen beviljades.",
            "Inkomna motioner",
            "Inga inkomna motioner.",
            "Val av revisor blev Eva Ek.",
            "Mötet avslutades 15.00",
        ];
        let o = body_lines(&texts);
        let p = statutory_points(&o).expect("a proposal");
        let titles: Vec<_> = p.starts.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Fastställande av dagordning",
                "Val av ordförande blev Ulf Berg",
                "Verksamhetsberättelsen lästes upp",
                "Ansvarsfrihet för styrelsen beviljades",
                "Inkomna motioner",
                "Val av revisor blev Eva Ek",
                "Mötet avslutades 15.00"
            ]
        );
        // Six openings among twenty paragraphs are under a third: no list.
        let mut lines = vec![line(0, "Protokoll årsstämma 2023", Role::Body, None)];
        for (i, t) in texts[2..].iter().enumerate() {
            lines.push(line(1 + 3 * i as u32, t, Role::Body, None));
            lines.push(line(
                2 + 3 * i as u32,
                "Diskussion följde.",
                Role::Body,
                None,
            ));
            lines.push(line(3 + 3 * i as u32, "Inga frågor.", Role::Body, None));
        }
        assert!(statutory_points(&outline(lines)).is_none());
        // Loose notes with a sentence or two that open so are no such list.
        let o = outline(vec![
            line(0, "Styrelsemöte", Role::Heading(1), None),
            line(1, "Budget för hösten diskuterades.", Role::Body, None),
            line(2, "Anna bokar lokal.", Role::Body, None),
            line(3, "Bo ringer kommunen.", Role::Body, None),
        ]);
        assert!(statutory_points(&o).is_none());
    }

    #[test]
    fn bullets_that_head_the_points_over_their_outcomes_are_the_items() {
        let b = |k: u32, t: &str| line(k, t, Role::Body, Some(0));
        let p = |k: u32, t: &str| line(k, t, Role::Body, None);
        let o = outline(vec![
            p(0, "Protokoll styrelsemöte Ekby IF"),
            p(1, "Tid: 19:30"),
            b(2, "Mötets öppnande"),
            p(3, "Mötet öppnades av ordföranden."),
            b(4, "Val av mötesfunktionärer"),
            b(5, "Ekonomi:"),
            p(6, "Kassan är god."),
            b(7, "Kansliet"),
            b(8, "Genomgång av arbetsuppgifterna:"),
            p(9, "Bo sköter kansliet."),
            b(10, "Övrigt"),
            b(11, "Anna köper kaffe."),
            b(12, "Bo bokar lokal."),
        ]);
        let titles = titles_of(plain_headings(&o));
        assert_eq!(
            titles,
            [
                "Mötets öppnande",
                "Val av mötesfunktionärer",
                "Ekonomi",
                "Kansliet",
                "Genomgång av arbetsuppgifterna"
            ]
        );
        // The document's title leads in no list.
        let o2 = outline(vec![
            p(0, "Protokoll vecka 9"),
            b(1, "Närvarande: Stella, Linnea"),
            p(2, "Skutan 1:"),
            b(3, "Vill ha en klocka."),
            p(4, "Skutan 2:"),
            b(5, "Vill ha en bana."),
        ]);
        let titles = titles_of(lead_ins(&o2));
        assert_eq!(titles, ["Skutan 1", "Skutan 2"]);
        // The header's field above them leads in no list of its own.
        assert!(lead_ins(&o).is_none_or(|p| p.starts.iter().all(|s| s.title != "Tid: 19:30")));
    }

    #[test]
    fn sub_headings_under_a_bulleted_topic_head_points_of_their_own() {
        let b = |k: u32, t: &str| line(k, t, Role::Body, Some(0));
        let p = |k: u32, t: &str| line(k, t, Role::Body, None);
        let o = outline(vec![
            p(0, "Protokoll styrelsemöte Ekby IF"),
            p(1, "Sekreterare: Bo Ek"),
            b(2, "Mötets öppnande"),
            p(3, "Mötet öppnades av ordföranden."),
            // A field's label over a sentence, below the first point.
            b(4, "Val av mötesfunktionärer"),
            b(5, "Sekreterare:"),
            p(6, "Johan valdes till sekreterare."),
            // A sub-heading over a list of sentences.
            b(7, "Konstituering av styrelsen"),
            b(8, "Val av övriga roller:"),
            b(9, "Emil rapporterar för ungdomskommittén."),
            b(10, "Annique ansvarar för ekonomin."),
            p(11, "Beslut: Enligt ovanstående."),
            // A long sub-heading over a "Beslut:" label.
            b(12, "Kansliet"),
            b(
                13,
                "Genomgång av kansliets arbetsuppgifter och hur styrelsen samarbetar med kansliet:",
            ),
            p(14, "Beslut:"),
            b(15, "Boka separat möte om rutinerna."),
        ]);
        let titles = titles_of(plain_headings(&o));
        assert_eq!(
            titles,
            [
                "Mötets öppnande",
                "Val av mötesfunktionärer",
                "Sekreterare",
                "Konstituering av styrelsen",
                "Val av övriga roller",
                "Kansliet",
                "Genomgång av kansliets arbetsuppgifter och hur styrelsen samarbetar med kansliet"
            ]
        );
    }

    #[test]
    fn statutory_headings_over_outcomes_without_a_full_stop_are_the_items() {
        let texts = [
            "Protokoll årsmöte Ekbackens föräldraförening",
            "Val av ordförande",
            "Till ordförande valdes Karin Ström",
            "Fastställande av dagordningen",
            "Dagordningen fastställdes",
            "Föredragning av styrelsens verksamhetsberättelse.",
            "Fråga om ansvarsfrihet för styrelsen",
            "Styrelsen beviljades ansvarsfrihet",
            "Behandling av motioner från medlemmarna",
            "Inga motioner har kommit in.",
        ];
        let o = body_lines(&texts);
        let p = plain_headings(&o).expect("a proposal");
        let titles: Vec<_> = p.starts.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Val av ordförande",
                "Fastställande av dagordningen",
                "Föredragning av styrelsens verksamhetsberättelse",
                "Fråga om ansvarsfrihet för styrelsen",
                "Behandling av motioner från medlemmarna",
            ]
        );
        // An outcome that opens like a point is no heading of its own.
        assert!(!statutory_heading("Dagordningen fastställdes"));
        assert!(!statutory_heading("Val"));
    }

    #[test]
    fn a_header_label_made_a_heading_starts_no_item() {
        let o = outline(vec![
            line(0, "Kommunstyrelsen", Role::Heading(1), None),
            line(1, "Plats och tid", Role::Heading(2), None),
            line(2, "Stadshuset, kl. 13.00–16.15", Role::Body, None),
            line(3, "§ 179 Val av justerare", Role::Heading(2), None),
            line(4, "§ 180 Budget", Role::Heading(2), None),
        ]);
        let p = heading_outline(&o).expect("a proposal");
        let titles: Vec<_> = p.starts.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["Val av justerare", "Budget"]);
    }

    #[test]
    fn headings_between_numbered_headings_are_items_of_the_outline() {
        let o = outline(vec![
            line(0, "Styrelseprotokoll", Role::Heading(1), None),
            line(1, "§ 1 Öppnande", Role::Heading(2), None),
            line(2, "§ 2 Material", Role::Heading(2), None),
            line(3, "micro:bits", Role::Heading(3), None),
            line(4, "Anna köper in tio stycken.", Role::Body, None),
            line(5, "Beslut", Role::Heading(3), None),
            line(6, "Åtgärder", Role::Heading(3), None),
            line(7, "§ 3 Övrigt", Role::Heading(2), None),
            line(8, "§ Mötets avslutande", Role::Heading(2), None),
            line(9, "Åtgärder", Role::Heading(2), None),
        ]);
        let outline_p = heading_outline(&o).expect("a proposal");
        let got: Vec<_> = outline_p
            .starts
            .iter()
            .map(|s| (s.number.as_deref(), s.parent.as_deref(), s.title.as_str()))
            .collect();
        // A case's "Beslut" and a to-do heading below an item are content;
        // a to-do heading at the items' level is an item.
        assert_eq!(
            got,
            [
                (Some("1"), None, "Öppnande"),
                (Some("2"), None, "Material"),
                (None, Some("2"), "micro:bits"),
                (Some("3"), None, "Övrigt"),
                (None, None, "Mötets avslutande"),
                (None, None, "Åtgärder"),
            ]
        );
        // The numbered walk found the § headings only: the outline that
        // holds them and the headings between wins, though its unnumbered
        // starts score lower.
        let walk = numbered_walk(
            outline_p
                .starts
                .iter()
                .filter(|s| s.number.is_some())
                .cloned(),
        );
        let proposals = vec![walk, outline_p];
        let (winner, choice) = choose(&o, &proposals);
        assert_eq!(winner, Some(1), "{choice}");
    }

    #[test]
    fn an_agenda_listed_first_starts_its_items_where_its_titles_come_again() {
        let lines = [
            "Styrelsemöte 2024-03-12",
            "Dagordning",
            "1. Mötets öppnande",
            "2. Ekonomi",
            "3. Övrigt",
            "1. Mötets öppnande",
            "Anna öppnade mötet.",
            "Ekonomi:",
            "Budgeten godkändes.",
            "Övrigt",
            "Bo bokar lokal.",
        ];
        let o = body_lines(&lines);
        let p = agenda_then_sections(&o).expect("a proposal");
        let got: Vec<_> = p
            .starts
            .iter()
            .map(|s| (s.key.block, s.number.as_deref(), s.title.as_str()))
            .collect();
        // Numbered again or not, each title's second place starts its item,
        // with the agenda's number.
        assert_eq!(
            got,
            [
                (5, Some("1"), "Mötets öppnande"),
                (7, Some("2"), "Ekonomi"),
                (9, Some("3"), "Övrigt")
            ]
        );
        // The same list written twice, without text between, is no minutes.
        let twice = body_lines(&["1. Budget", "2. Val", "1. Budget", "2. Val"]);
        assert!(agenda_then_sections(&twice).is_none());
    }

    #[test]
    fn a_heading_after_the_agendas_sections_as_high_as_them_is_an_item() {
        let o = outline(vec![
            line(0, "Referensgrupp", Role::Heading(1), None),
            line(1, "Agenda", Role::Heading(2), None),
            line(2, "1. Inledning", Role::Body, None),
            line(3, "2. Status", Role::Body, None),
            line(4, "Inledning", Role::Heading(3), None),
            line(5, "Anna hälsade välkommen.", Role::Body, None),
            line(6, "Status", Role::Heading(3), None),
            line(7, "Projektet går enligt plan.", Role::Body, None),
            line(8, "Detaljer", Role::Heading(4), None),
            line(9, "Fas ett är klar.", Role::Body, None),
            line(10, "Åtgärder", Role::Heading(2), None),
            line(11, "Anna skickar ut presentationen.", Role::Body, None),
        ]);
        let p = agenda_then_sections(&o).expect("a proposal");
        let titles: Vec<_> = p.starts.iter().map(|s| s.title.as_str()).collect();
        // A lower heading stays in its section.
        assert_eq!(titles, ["Inledning", "Status", "Åtgärder"]);
    }

    #[test]
    fn a_paragraph_sign_heading_alone_takes_the_heading_after_it_as_its_title() {
        let o = outline(vec![
            line(0, "Protokoll", Role::Heading(1), None),
            line(1, "§ 45", Role::Heading(2), None),
            line(2, "Dnr KS 2024/0112", Role::Body, None),
            line(3, "Val av justerare", Role::Heading(3), None),
            line(4, "Beslut", Role::Heading(4), None),
            line(5, "§ 46", Role::Heading(2), None),
            line(6, "Budget 2025", Role::Heading(3), None),
        ]);
        let p = heading_outline(&o).expect("a proposal");
        let got: Vec<_> = p
            .starts
            .iter()
            .map(|s| (s.key.block, s.number.as_deref(), s.title.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (1, Some("45"), "Val av justerare"),
                (5, Some("46"), "Budget 2025")
            ]
        );
    }

    #[test]
    fn lead_in_lines_followed_by_lists_are_items() {
        let o = outline(vec![
            line(0, "2017-03-22", Role::Body, None),
            line(1, "Vad var bra", Role::Body, None),
            line(2, "Alla har gjort sitt", Role::Body, Some(0)),
            line(3, "Vad var mindre bra:", Role::Body, None),
            line(4, "Tidsplanering", Role::Body, Some(0)),
            line(5, "Dokumentation", Role::Body, Some(0)),
        ]);
        let p = lead_ins(&o).expect("a proposal");
        let titles: Vec<_> = p.starts.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["Vad var bra", "Vad var mindre bra"]);
    }

    #[test]
    fn a_bold_title_over_a_dated_header_line_is_no_item() {
        let mut title = line(0, "EnergyLab – Project steering group", Role::Body, None);
        title.bold = true;
        let dated = line(
            1,
            "Minutes, 2025-06-02, 14:00–15:30, Chalmers Teknikpark, room Origo / Teams",
            Role::Body,
            None,
        );
        let mut first = line(2, "1. Minutes of previous meeting", Role::Body, None);
        first.bold = true;
        let mut second = line(4, "2. Budget", Role::Body, None);
        second.bold = true;
        let body = line(3, "Approved without changes.", Role::Body, None);
        let o = outline(vec![title, dated, first, body, second]);
        let titles = titles_of(bold_headings(&o));
        assert_eq!(titles, ["Minutes of previous meeting", "Budget"]);
    }

    #[test]
    fn paragraphs_led_by_a_topic_and_a_dash_are_items() {
        let o = outline(vec![
            line(0, "Anna Berg - Ordförande", Role::Body, None),
            line(1, "Ekonomi - Kassören redovisade läget.", Role::Body, None),
            line(2, "Skolavslutning – Bo kontaktar skolan.", Role::Body, None),
            line(3, "Hemsidan - Cilla uppdaterar den.", Role::Body, None),
            line(4, "Lokalen - inget nytt.", Role::Body, None),
        ]);
        let titles = titles_of(topic_paragraphs(&o));
        assert_eq!(titles, ["Ekonomi", "Skolavslutning", "Hemsidan"]);
        assert_eq!(topic_split("Ekonomi: A - B"), Some(("Ekonomi", " A - B")));
        assert_eq!(topic_split("Ekonomi - A: B"), Some(("Ekonomi", "A: B")));
        assert_eq!(topic_split("Ekonomi"), None);
    }

    #[test]
    fn paragraphs_led_by_a_topic_and_a_colon_are_items() {
        let o = outline(vec![
            line(0, "Datum: 2024-03-05", Role::Body, None),
            line(1, "Öppnande: Anna hälsade alla välkomna.", Role::Body, None),
            line(2, "Ekonomi: Kassan är god.", Role::Body, None),
            line(3, "Ansvarig: Bo Ek.", Role::Body, None),
            line(4, "Övrigt: Inget.", Role::Body, None),
        ]);
        let p = topic_paragraphs(&o).expect("a proposal");
        let titles: Vec<_> = p.starts.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["Öppnande", "Ekonomi", "Övrigt"]);
        assert!(p.starts.iter().all(|s| s.cut == TitleCut::TopicThenRest));
        // Bullets of loose notes open with their topics as paragraphs do;
        // a sub-bullet does not.
        let o = outline(vec![
            line(
                1,
                "Öppnande: Anna hälsade alla välkomna.",
                Role::Body,
                Some(0),
            ),
            line(2, "Ekonomi: Kassan är god.", Role::Body, Some(0)),
            line(3, "Lokal: Hyran höjs.", Role::Body, Some(1)),
            line(4, "Övrigt: Inget.", Role::Body, Some(0)),
        ]);
        let titles = titles_of(topic_paragraphs(&o));
        assert_eq!(titles, ["Öppnande", "Ekonomi", "Övrigt"]);
        // Who said what is no topic.
        let mut present = line(
            0,
            "Närvarande: Anna Berg, Bo Ek, Cilla Ny",
            Role::Body,
            None,
        );
        present.attendance = true;
        let o = outline(vec![
            present,
            line(1, "Anna: Jag tycker att vi ska måla om.", Role::Body, None),
            line(2, "Bo: Det håller jag med om.", Role::Body, None),
            line(3, "Cilla Ny: Vi tar det nästa gång.", Role::Body, None),
            line(4, "Kassören meddelade: Kassan är god.", Role::Body, None),
        ]);
        assert!(topic_paragraphs(&o).is_none());
        // Two are too few; a numbered line leaves it to the numbers.
        let o = outline(vec![
            line(0, "Ekonomi: Kassan är god.", Role::Body, None),
            line(1, "Övrigt: Inget.", Role::Body, None),
        ]);
        assert!(topic_paragraphs(&o).is_none());
        let o = outline(vec![
            line(0, "1. Öppnande", Role::Body, None),
            line(1, "Ekonomi: Kassan är god.", Role::Body, None),
            line(2, "Lokal: Hyran höjs.", Role::Body, None),
            line(3, "Övrigt: Inget.", Role::Body, None),
        ]);
        assert!(topic_paragraphs(&o).is_none());
    }

    #[test]
    fn lettered_points_are_items_when_nothing_is_numbered() {
        let o = outline(vec![
            line(0, "Protokoll styrelsemöte 2024-03-05", Role::Title, None),
            line(1, "A. Öppnande", Role::Body, None),
            line(2, "Mötet öppnades.", Role::Body, None),
            line(3, "B. Ekonomi", Role::Body, None),
            line(4, "A. Berg redogjorde för kassan.", Role::Body, None),
            line(5, "C. Städdag", Role::Body, None),
            line(6, "D. Avslutning", Role::Body, None),
        ]);
        let p = lettered_points(&o).expect("a proposal");
        let got: Vec<(Option<&str>, &str)> = p
            .starts
            .iter()
            .map(|s| (s.number.as_deref(), s.title.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (Some("A"), "Öppnande"),
                (Some("B"), "Ekonomi"),
                (Some("C"), "Städdag"),
                (Some("D"), "Avslutning")
            ]
        );
        // Initials in order with nothing between them are names.
        let names = outline(vec![
            line(0, "A. Berg", Role::Body, None),
            line(1, "B. Ek", Role::Body, None),
            line(2, "C. Ny", Role::Body, None),
        ]);
        assert!(lettered_points(&names).is_none());
        // Two letters are no run.
        let two = outline(vec![
            line(0, "a) Öppnande", Role::Body, None),
            line(1, "b) Ekonomi", Role::Body, None),
        ]);
        assert!(lettered_points(&two).is_none());
    }

    #[test]
    fn a_statutory_heading_run_together_with_its_outcome_is_cut_before_it() {
        assert_eq!(
            statutory_title_cut("Val av sekreterare Ann-Gret skriver protokollet."),
            Some("Val av sekreterare")
        );
        assert_eq!(
            statutory_title_cut("Mötets öppnande Ordförande Håkan Ahlgren hälsade välkommen."),
            Some("Mötets öppnande")
        );
        // A name right after "Val av" is what is elected, not an outcome;
        // nor does a heading end in a preposition.
        assert_eq!(
            statutory_title_cut("Behandling av motion från Anna Berg om parkering."),
            None
        );
        assert_eq!(
            statutory_title_cut("Val av Anna Berg till ordförande."),
            None
        );
        // A heading alone, or one that does not open the statutory way.
        assert_eq!(statutory_title_cut("Val av justerare"), None);
        assert_eq!(statutory_title_cut("Kassören redovisade Ekonomin."), None);
        // More than four lower-case words is a sentence, not a heading.
        assert_eq!(
            statutory_title_cut("Fråga om det går att flytta mötet blev Anna tillfrågad."),
            None
        );
    }

    #[test]
    fn points_numbered_after_a_hash_in_a_run_from_one_are_items() {
        let p = |k: u32, t: &str| line(k, t, Role::Body, None);
        let o = outline(vec![
            p(0, "D-SEKTIONEN, STYRELSEMÖTESPROTOKOLL 950912"),
            p(1, "#1 OFMÖ"),
            p(2, "#2 Tid och sätt godkändes"),
            p(3, "#3 Inga adjungeringar"),
            p(4, "#5 Meddelanden"),
            p(5, "Anders ska undersöka saken, se #12."),
            p(6, "#6 Övrigt"),
        ]);
        let got: Vec<_> = hash_numbered(&o)
            .expect("a proposal")
            .starts
            .iter()
            .map(|s| (s.number.clone().unwrap_or_default(), s.title.clone()))
            .collect();
        let numbers: Vec<_> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(numbers, ["1", "2", "3", "5", "6"]);
        assert_eq!(got[0].1, "OFMÖ");
        // Issues referred to by number are no run from one.
        let issues = outline(vec![
            p(0, "Anteckningar"),
            p(1, "#412 Fixa inloggningen"),
            p(2, "#413 Byt server"),
            p(3, "#415 Uppdatera wikin"),
            p(4, "#416 Nya nycklar"),
        ]);
        assert!(hash_numbered(&issues).is_none());
        // Minutes that number their lines otherwise keep that numbering.
        let mut numbered = o.lines.clone();
        numbered.push(line(7, "1. Mötets öppnande", Role::Body, None));
        assert!(hash_numbered(&outline(numbered)).is_none());
    }

    #[test]
    fn lettered_points_right_under_a_number_are_its_sub_items() {
        let p = |k: u32, t: &str| line(k, t, Role::Body, None);
        let o = outline(vec![
            p(0, "1 Mötets öppnande"),
            p(1, "Ordföranden öppnade mötet."),
            p(2, "2 Rapporter"),
            p(3, "a)Kansli"),
            p(4, "Ekonomin är god."),
            p(5, "b) Inget nytt om banan."),
            p(6, "3 Beslut om avtal"),
            p(7, "Avtalet tecknas med följande villkor."),
            p(8, "a) Avtalet gäller till 2030."),
            p(9, "b) Priset höjs årligen."),
            p(10, "4 Avslutning"),
        ]);
        let got: Vec<_> = numbered_paragraphs(&o)
            .expect("a proposal")
            .starts
            .iter()
            .map(|s| (s.number.clone().unwrap_or_default(), s.parent.clone()))
            .collect();
        let n = |x: &str, p: Option<&str>| (x.to_string(), p.map(str::to_string));
        assert_eq!(
            got,
            [
                n("1", None),
                n("2", None),
                n("2a", Some("2")),
                n("2b", Some("2")),
                n("3", None),
                n("4", None)
            ]
        );
        // Capitals, a bracket typed twice and a letter run into the point
        // before it ("… delta.C) Biljetter") are the same sub-points.
        let o = outline(vec![
            p(0, "§1 Mötets öppnande"),
            p(1, "§2 Uppföljning"),
            p(2, "A) Årsmöte Blommor köps in."),
            p(3, "B) ) GDPR Punkten ajourneras."),
            p(
                4,
                "C) Skansen Någon avser att delta.D) Biljetter Tio fribiljetter.",
            ),
            p(5, "E) Status i D-huset Handfat behövs."),
        ]);
        let got: Vec<_> = numbered_paragraphs(&o)
            .expect("a proposal")
            .starts
            .iter()
            .map(|s| (s.number.clone().unwrap_or_default(), s.title.clone()))
            .collect();
        let numbers: Vec<_> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(numbers, ["1", "2", "2a", "2b", "2c", "2e"]);
        assert!(got[3].1.starts_with("GDPR"));
        assert_eq!(
            letter_point("B) ) GDPR").map(|(l, _, at)| (l, at)),
            Some(('B', 5))
        );
        // A small letter's dot touching its title; a list number before a
        // bracketed letter; not an initial, nor a number before a capital.
        assert_eq!(
            letter_point("c.Övrigt").map(|(l, _, at)| (l, at)),
            Some(('c', 2))
        );
        assert_eq!(
            letter_point("1. b) Banan").map(|(l, _, at)| (l, at)),
            Some(('b', 6))
        );
        assert_eq!(letter_point("A.Berg"), None);
        assert_eq!(letter_point("1. B. Berg"), None);
    }

    #[test]
    fn numbered_paragraphs_keep_sentence_long_ones_and_skip_a_restarted_list() {
        let o = outline(vec![
            line(0, "1. Mötets öppnande", Role::Body, None),
            line(
                1,
                "2. Verksamhetsberättelsen gicks igenom och lades till handlingarna. Den finns på hemsidan.",
                Role::Body,
                None,
            ),
            line(2, "1. En punkt i en lista", Role::Body, Some(0)),
            line(3, "3. Mötets avslutande", Role::Body, None),
        ]);
        let p = numbered_paragraphs(&o).expect("a proposal");
        let got: Vec<_> = p
            .starts
            .iter()
            .map(|s| {
                (
                    s.number.clone().unwrap_or_default(),
                    s.title.as_str(),
                    s.cut,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("1".to_string(), "Mötets öppnande", TitleCut::Heading),
                (
                    "2".to_string(),
                    "Verksamhetsberättelsen gicks igenom och lades till handlingarna.",
                    TitleCut::FirstSentence
                ),
                ("3".to_string(), "Mötets avslutande", TitleCut::Heading),
            ]
        );
    }

    #[test]
    fn the_choice_prefers_the_outline_over_a_numbered_list_under_one_heading() {
        let mut lines = vec![
            line(0, "Sedan sist", Role::Heading(2), None),
            line(
                1,
                "Vi har haft ett möte med myndigheten om arbetet.",
                Role::Body,
                None,
            ),
            line(2, "Att göra till nästa gång", Role::Heading(2), None),
        ];
        for (i, t) in [
            "1. Josef skriver utkast",
            "2. Anna bokar lokal",
            "3. Alla läser",
        ]
        .iter()
        .enumerate()
        {
            let mut l = line(3, t, Role::Body, Some(0));
            l.key.entry = i as u32 + 1;
            lines.push(l);
        }
        let o = outline(lines);
        let walk = numbered_walk(o.lines[3..].iter().map(|l| start_at(l, 0, &l.text)));
        let mut proposals = vec![walk];
        proposals.extend(propose(&o));
        let (winner, choice) = choose(&o, &proposals);
        assert_eq!(choice.scheme, Some(Scheme::HeadingOutline), "{choice}");
        assert_eq!(winner.map(|i| proposals[i].starts.len()), Some(2));
    }

    /// Bold lines (`*` before the text) and plain lines, one block each.
    fn bold_outline(texts: &[&str]) -> Outline {
        outline(
            texts
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let bold = t.starts_with('*');
                    let mut l = line(i as u32, t.trim_start_matches('*'), Role::Body, None);
                    l.bold = bold;
                    l
                })
                .collect(),
        )
    }

    #[test]
    fn bold_title_lines_over_the_header_are_no_items() {
        let o = bold_outline(&[
            "*Ovanåkers kommun",
            "*SAMMANTRÄDESPROTOKOLL",
            "Ovanåkers kommun",
            "*Kommunstyrelsens arbetsutskott",
            "Sammanträdesdatum 2025-03-03",
            "Plats och tid: Kommunhuset, tisdagen den 3 mars 2025 kl. 13.00–15.30",
            "Utses att justera: Anna Berg",
            "Justeringens plats och tid: Kommunhuset 2025-03-06",
            "Paragrafer: 22–23",
            "*§ 22 Godkännande av dagordning",
            "Dagordningen godkändes.",
            "*§ 23 Budget",
            "Arbetsutskottet beslutar att anta budgeten.",
        ]);
        let p = bold_headings(&o).expect("a proposal");
        let titles: Vec<_> = p.starts.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["Godkännande av dagordning", "Budget"]);
        // A bold heading with text of its own before the first § stays.
        let o = bold_outline(&[
            "*Inledning",
            "Ordföranden hälsade alla välkomna.",
            "*§ 1 Val av justerare",
            "Anna valdes.",
        ]);
        let p = bold_headings(&o).expect("a proposal");
        assert_eq!(p.starts.len(), 2);
    }

    #[test]
    fn a_task_list_after_the_last_numbered_item_is_a_section_of_its_own() {
        let o = bold_outline(&[
            "1) Genomgång",
            "Inga kommentarer.",
            "2) Planen",
            "Johanna visade ett utkast.",
            "Aktivitetslista",
            "Johanna: skicka ut utkastet",
        ]);
        let mut o = o;
        o.lines[5].list_level = Some(0);
        let walk = numbered_walk([0, 2].map(|b| start_at(&o.lines[b], 3, &o.lines[b].text[3..])));
        let sections = numbered_then_sections(&o, &walk).expect("a proposal");
        let titles: Vec<_> = sections.starts.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["Genomgång", "Planen", "Aktivitetslista"]);
        let (winner, choice) = choose(&o, &[walk, sections]);
        assert_eq!(winner, Some(1));
        assert_eq!(choice.scheme, Some(Scheme::NumberedThenSections));
        // A task list inside an item, with a numbered item after it, is
        // that item's.
        let o = bold_outline(&["1) Planen", "Att göra", "Boka lokal", "2) Övrigt"]);
        let walk = numbered_walk([0, 3].map(|b| start_at(&o.lines[b], 3, "")));
        assert!(numbered_then_sections(&o, &walk).is_none());
    }

    #[test]
    fn plain_lines_over_the_points_text_are_items_when_nothing_is_numbered() {
        let o = bold_outline(&[
            "Föräldraråd 2025-03-12",
            "Inskolning",
            "Inskolningen i augusti planeras som förra året.",
            "Utemiljön",
            "Bo kontaktar kommunen om sanden senast 1 april.",
        ]);
        let p = plain_headings(&o).expect("a proposal");
        let titles: Vec<_> = p.starts.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["Inskolning", "Utemiljön"]);
        // A numbered line anywhere: the numbers decide.
        let o = bold_outline(&[
            "1. Inskolning",
            "Inskolningen i augusti planeras som förra året.",
            "Utemiljön",
            "Bo kontaktar kommunen om sanden senast 1 april.",
            "Övrigt",
            "Inga övriga frågor fanns.",
        ]);
        assert!(plain_headings(&o).is_none());
    }

    #[test]
    fn points_run_together_in_one_paragraph_are_found_where_they_start() {
        let t = "§1 Mötets öppnande Mötet öppnades. §2 Val av justerare Bo valdes. §3 Avslutning Mötet avslutades.";
        let starts = inline_item_starts(t);
        let heads: Vec<&str> = starts
            .iter()
            .map(|&a| t[a..].split(' ').next().unwrap_or(""))
            .collect();
        assert_eq!(heads, ["§1", "§2", "§3"]);
        let t = "1. Öppnande. Mötet öppnades. 2. Val. Bo valdes. 3. Avslutning. Klart.";
        assert_eq!(inline_item_starts(t).len(), 3);
        // Numbers that do not rise one by one, too few, or not from the
        // paragraph's start.
        assert!(inline_item_starts("1. Öppnande. 3. Val. 5. Avslutning.").is_empty());
        assert!(inline_item_starts("1. Öppnande. 2. Val.").is_empty());
        assert!(inline_item_starts("Se punkt 1. Öppnande. 2. Val. 3. Avslutning.").is_empty());
        assert!(
            inline_item_starts("Styrelsen beslutade: 1. Att godkänna. 2. Att höja. 3. Att ge.")
                .is_empty()
        );
        assert!(inline_item_starts("Kostnaden blev 12. Sedan 13. Sist 14. Nej").is_empty());
    }

    #[test]
    fn numbered_lists_inside_plain_sections_leave_the_sections_the_items() {
        let o = bold_outline(&[
            "Referensgrupp 2025-02-24",
            "Inledning",
            "Anna hälsade välkommen. Syftet med mötet:",
            "1. Gå igenom status",
            "2. Diskutera remissvar",
            "Status i projektet",
            "Projektet går enligt plan.",
            "1. Fas ett klar",
            "2. Fas två påbörjad",
            "Övrigt",
            "Inget övrigt.",
        ]);
        assert!(numbers_only_led_lists(&o));
        let p = plain_headings(&o).expect("a proposal");
        let titles: Vec<_> = p.starts.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["Inledning", "Status i projektet", "Övrigt"]);
        let walk = numbered_walk([3, 4].map(|b| start_at(&o.lines[b], 3, "")));
        let (_, choice) = choose(&o, &[walk, p]);
        assert_eq!(choice.scheme, Some(Scheme::PlainHeadings));
        // Numbers no sentence leads in are items.
        let o = bold_outline(&[
            "1. Inskolning",
            "Inskolningen planeras som förra året.",
            "Utemiljön",
            "Bo kontaktar kommunen.",
            "1. Sandlådan",
        ]);
        assert!(!numbers_only_led_lists(&o));
    }

    #[test]
    fn a_bold_section_after_the_last_numbered_item_is_an_item() {
        let o = bold_outline(&[
            "*1. Sprint review",
            "Goals met.",
            "*2. Hiring",
            "Postponed.",
            "*Action items",
            "Write post-mortem (Mei Chen)",
        ]);
        let mut walk = bold_headings(&o).expect("a proposal");
        walk.scheme = Scheme::Numbered;
        walk.starts.truncate(2);
        let bold = bold_headings(&o).expect("a proposal");
        let (winner, _) = choose(&o, &[walk, bold]);
        assert_eq!(winner, Some(1));
    }

    #[test]
    fn bold_headings_restarted_at_one_lose_their_numbers() {
        let mut lines = Vec::new();
        for (i, t) in [
            "1. Status",
            "Vi har gjort mycket.",
            "1. Planering",
            "1. Övrigt",
        ]
        .iter()
        .enumerate()
        {
            let mut l = line(i as u32, t, Role::Body, (i != 1).then_some(0));
            l.bold = i != 1;
            lines.push(l);
        }
        let p = bold_headings(&outline(lines)).expect("a proposal");
        let got: Vec<_> = p
            .starts
            .iter()
            .map(|s| (s.number.clone(), s.title.as_str()))
            .collect();
        assert_eq!(
            got,
            [(None, "Status"), (None, "Planering"), (None, "Övrigt")]
        );
    }

    #[test]
    fn a_numbered_list_in_the_introduction_does_not_swallow_the_outline() {
        let mut lines = vec![line(
            0,
            "Introduktion till mötet och dess upplägg.",
            Role::Body,
            None,
        )];
        for (i, t) in ["1. Bakgrund", "2. Syfte", "3. Mål", "4. Tidsplan"]
            .iter()
            .enumerate()
        {
            let mut l = line(1, t, Role::Body, Some(0));
            l.key.entry = i as u32 + 1;
            lines.push(l);
        }
        for (i, t) in ["Inledning", "Diskussion", "Frågor", "Avslutning"]
            .iter()
            .enumerate()
        {
            lines.push(line(2 + 2 * i as u32, t, Role::Heading(2), None));
            lines.push(line(
                3 + 2 * i as u32,
                "Gruppen diskuterade förslaget och kom fram till att arbetet går vidare \
                 enligt plan, med några ändringar som sekretariatet tar fram.",
                Role::Body,
                None,
            ));
        }
        let o = outline(lines);
        let walk = numbered_walk(o.lines[1..5].iter().map(|l| start_at(l, 0, &l.text)));
        let mut proposals = vec![walk];
        proposals.extend(propose(&o));
        let (_, choice) = choose(&o, &proposals);
        assert_eq!(choice.scheme, Some(Scheme::HeadingOutline), "{choice}");
    }

    #[test]
    fn a_heading_that_titles_a_paragraph_sign_is_not_swallowed() {
        // "## § 101 Dnr KS 2024/55" / "### Detaljplan …" / text, three times.
        let mut lines = Vec::new();
        for (i, (sign, title)) in [
            ("§ 101 Dnr KS 2024/55", "Detaljplan för Lilla Torg"),
            ("§ 102 Dnr KS 2024/60", "Motion om papperskorgar"),
            ("§ 103", "Anmälan av delegationsbeslut"),
        ]
        .iter()
        .enumerate()
        {
            let k = 3 * i as u32;
            lines.push(line(k, sign, Role::Heading(2), None));
            lines.push(line(k + 1, title, Role::Heading(3), None));
            lines.push(line(
                k + 2,
                "Kommunstyrelsen godkänner förslaget och lägger redovisningen till handlingarna.",
                Role::Body,
                None,
            ));
        }
        let o = outline(lines);
        let walk = numbered_walk(
            [0, 3, 6]
                .into_iter()
                .zip([
                    "Detaljplan för Lilla Torg",
                    "Motion om papperskorgar",
                    "Anmälan av delegationsbeslut",
                ])
                .map(|(i, title)| start_at(&o.lines[i], 0, title)),
        );
        assert_eq!(swallowed_headings(&o, &walk), 0);
        let mut proposals = vec![walk];
        proposals.extend(propose(&o));
        let (_, choice) = choose(&o, &proposals);
        assert_eq!(choice.scheme, Some(Scheme::Numbered), "{choice}");
    }

    #[test]
    fn a_timed_programme_takes_its_points_as_items() {
        let o = outline(vec![
            line(0, "Program:", Role::Body, None),
            line(
                1,
                "14:00\tAllspel under ledning av Nils. Låtarna finns på hemsidan.",
                Role::Body,
                None,
            ),
            line(2, "15:30 \t\tÅrsmötesförhandlingar", Role::Body, None),
            line(3, "18:00\tDans till spelmanslaget.", Role::Body, None),
            line(4, "12:00 är en tid som redan passerats.", Role::Body, None),
        ]);
        let p = timed_programme(&o).expect("a proposal");
        let titles: Vec<_> = p.starts.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Allspel under ledning av Nils",
                "Årsmötesförhandlingar",
                "Dans till spelmanslaget"
            ]
        );
    }

    #[test]
    fn misread_numbers_of_a_scan_are_repaired_by_their_sequence() {
        let mut o = outline(vec![
            line(0, "81. Mötets öppnande", Role::Body, None),
            line(1, "2. Val av ordförande", Role::Body, None),
            line(2, "Mötet valde Anna.", Role::Body, None),
            line(3, "3. Val av sekreterare", Role::Body, None),
            line(4, "$4. Dagordning", Role::Body, None),
            line(5, "5. Avslutning", Role::Body, None),
        ]);
        assert!(ocr_numbered(&o).is_none(), "only for text read by OCR");
        o.ocr = true;
        let p = ocr_numbered(&o).expect("a proposal");
        let got: Vec<_> = p
            .starts
            .iter()
            .map(|s| (s.number.clone().unwrap_or_default(), s.title.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("1".to_string(), "Mötets öppnande"),
                ("2".to_string(), "Val av ordförande"),
                ("3".to_string(), "Val av sekreterare"),
                ("4".to_string(), "Dagordning"),
                ("5".to_string(), "Avslutning"),
            ]
        );
    }

    #[test]
    fn a_full_stop_that_lost_its_space_ends_a_sentence() {
        assert_eq!(
            first_sentence("Godkännande av byggändringarna.Lars Hedström informerade om bygget."),
            "Godkännande av byggändringarna."
        );
        assert_eq!(
            first_sentence("En länk läggs upp på www.Saxdalen.se där protokollen finns."),
            "En länk läggs upp på www.Saxdalen.se där protokollen finns."
        );
    }

    #[test]
    fn first_sentences_skip_initials_and_abbreviations() {
        assert_eq!(
            first_sentence("Mötet valde N.N. till ordförande. Han tackade."),
            "Mötet valde N.N. till ordförande."
        );
        assert_eq!(first_sentence("Inga frågor"), "Inga frågor");
        assert_eq!(
            first_sentence("Inför årsmötet (första delen av mars). Skall utskick göras."),
            "Inför årsmötet (första delen av mars)."
        );
        assert_eq!(
            first_sentence("Vi gratulerar Marie till sonen!!! Britt ordnar en present."),
            "Vi gratulerar Marie till sonen!!!"
        );
    }

    #[test]
    fn an_extract_numbered_from_five_on_is_a_run_of_points() {
        let o = body_lines(&[
            "Här följer ett utdrag från protokollet",
            "5. Vi ska planera in ett möte angående översiktsplanen i höst.",
            "6. Val året 2014. Vi är överens om att vi behöver synas.",
            "7. Studiecirkel ska planeras framöver.",
            "8. Rapporter: Svar till hyresgästföreningen från Fredrik. Svaret läggs till handlingarna.",
        ]);
        let p = numbered_paragraphs(&o).expect("a proposal");
        let got: Vec<_> = p
            .starts
            .iter()
            .map(|s| (s.number.clone().unwrap_or_default(), s.title.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "5".to_string(),
                    "Vi ska planera in ett möte angående översiktsplanen i höst."
                ),
                ("6".to_string(), "Val året 2014."),
                ("7".to_string(), "Studiecirkel ska planeras framöver."),
                ("8".to_string(), "Rapporter"),
            ]
        );
    }

    #[test]
    fn points_all_numbered_one_are_items_in_order() {
        let o = body_lines(&[
            "1. Mötets öppnande.",
            "Ordföranden hälsade välkommen.",
            "1. Fastställande av dagordning.",
            "Dagordningen fastställdes.",
            "1. Val av justeringsman.",
            "Christer utsågs att justera protokollet.",
            "1. Avslutning.",
        ]);
        let walk = numbered_walk(o.lines[..1].iter().map(|l| start_at(l, 0, &l.text)));
        let mut proposals = vec![walk];
        proposals.extend(propose(&o));
        let (winner, choice) = choose(&o, &proposals);
        assert_eq!(choice.scheme, Some(Scheme::RepeatedOnes), "{choice}");
        let w = &proposals[winner.expect("a winner")];
        let titles: Vec<_> = w.starts.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Mötets öppnande.",
                "Fastställande av dagordning.",
                "Val av justeringsman.",
                "Avslutning."
            ]
        );
    }

    #[test]
    fn numbered_sentences_that_fill_the_walks_gaps_win_over_it() {
        let long = "3. Gruppen försöker nu arbeta för en bättre sammanhållning mellan byarna i socknen. Ett möte ska hållas i augusti med alla byarnas representanter.";
        let o = body_lines(&[
            "1. Föregående protokoll godkändes.",
            "2. Dagordningen godkändes.",
            long,
            "4. Inköp av skrivare.",
            "5. Nästa möte.",
        ]);
        // The walk leaves the long "3." as a sentence of item 2.
        let walk = numbered_walk(
            o.lines
                .iter()
                .filter(|l| !l.text.starts_with("3."))
                .map(|l| start_at(l, 0, &l.text)),
        );
        let mut proposals = vec![walk];
        proposals.extend(propose(&o));
        let (winner, choice) = choose(&o, &proposals);
        assert_eq!(choice.scheme, Some(Scheme::NumberedParagraphs), "{choice}");
        assert_eq!(winner.map(|i| proposals[i].starts.len()), Some(5));
    }

    #[test]
    fn paragraph_signs_run_together_start_points_but_references_do_not() {
        let t = "§2 Dagordningen fastställs §3 Val av justerare Martin och Marie justerar";
        assert_eq!(inline_sign_starts(t), [0, t.find("§3").unwrap_or(0)]);
        assert!(
            inline_sign_starts("§ 2 Stadgarna Förslaget till ändring av § 3 Styrelsen antas.")
                .is_empty()
        );
        assert!(inline_sign_starts("§2 Dagordningen §4 Val av justerare").is_empty());
        assert!(inline_sign_starts("Mötet §2 Dagordningen §3 Val").is_empty());
    }

    #[test]
    fn sub_points_the_walk_passed_over_fill_its_runs() {
        // A page run together, cut at its points: the walk takes the short
        // "1.1", "1.2" and the "2" after them, not the long "1.3" and "1.4"
        // (which its numbers, 1.2 then 2, do not show as missing).
        let o = body_lines(&[
            "1 Formalia",
            "1.1 Mötets öppnande",
            "1.2 Val av ordförande",
            "1.3 Val av rösträknare Herr Ledamot Johan Suvanen anmäler sig frivilligt.",
            "1.4 Justering av röstlängd Rösträknarna sätts genast i arbete.",
            "2 Mötets behöriga utlysande",
            "3 Övriga frågor",
        ]);
        let all = || o.lines.iter().map(|l| start_at(l, 0, &l.text));
        let without = |left: &'static [&'static str]| {
            numbered_walk(all().filter(move |s| !left.contains(&s.number.as_deref().unwrap_or(""))))
        };
        let every = without(&[]);
        assert!(fills_runs(&every, &without(&["1.3", "1.4"]), false));
        // Points after the walk's last are not its gaps, but go on from
        // its numbering when asked for.
        assert!(!fills_runs(
            &every,
            &without(&["1.3", "1.4", "2", "3"]),
            false
        ));
        assert!(fills_runs(
            &every,
            &without(&["1.3", "1.4", "2", "3"]),
            true
        ));
        // Nor a number that does not go on from the one before it.
        assert!(!fills_runs(
            &without(&["1.3"]),
            &without(&["1.3", "1.4"]),
            false
        ));
        assert!(!fills_runs(&without(&["2"]), &without(&["2", "3"]), true));
        assert!(number_goes_on("1.8", "2") && number_goes_on("2", "2.1"));
        assert!(number_goes_on("4", "4a") && number_goes_on("4a", "4b"));
        assert!(number_goes_on("4j", "5") && number_goes_on("4f", "4h"));
        assert!(!number_goes_on("4a", "4d") && !number_goes_on("4", "4b"));
        assert!(!number_goes_on("1.2", "1.4") && !number_goes_on("3", "5"));
    }

    #[test]
    fn paragraphs_are_the_items_when_no_scheme_finds_any() {
        let o = outline(vec![
            line(0, "Datum: 2025-03-12", Role::Body, None),
            line(1, "Närvarande: Anna Berg, Bo Ek", Role::Body, None),
            line(
                2,
                "Kassören redovisade läget. Budgeten godkändes.",
                Role::Body,
                None,
            ),
            line(
                3,
                "Bo kontaktar skolan om datum för avslutningen.",
                Role::Body,
                None,
            ),
            line(4, "Ok", Role::Body, None),
        ]);
        let p = paragraphs(&o).expect("a proposal");
        let titles: Vec<&str> = p.starts.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Kassören redovisade läget",
                "Bo kontaktar skolan om datum för avslutningen"
            ]
        );
        assert!(p.starts.iter().all(|s| s.cut == TitleCut::FirstSentence));
        // One paragraph would be a catch-all, not an item.
        let o = outline(vec![line(
            0,
            "Kassören redovisade läget.",
            Role::Body,
            None,
        )]);
        assert!(paragraphs(&o).is_none());
    }

    #[test]
    fn a_long_list_of_names_in_the_gap_does_not_keep_the_walk() {
        // The sentence the walk passed over is a title longer than a title
        // may be: the paragraphs' reading scores a little lower, and still
        // wins by filling the gap.
        let long = "12. Till festkommittén omvaldes Hans Haraldsson, Jonas Bertilsson, Erik Samuelsson, Johan Bylin, Anders Westström, Jan-Olof Johannesson, Morgan Svensson och Sandra Svensson. Hans Haraldsson är sammankallande.";
        let lines: Vec<String> = (1..=11)
            .map(|n| format!("{n}. Punkt {n} godkändes."))
            .chain([
                long.to_string(),
                "13. Till valberedningen omvaldes Jan Ek.".to_string(),
            ])
            .collect();
        let o = body_lines(&lines);
        let walk = numbered_walk(
            o.lines
                .iter()
                .filter(|l| !l.text.starts_with("12."))
                .map(|l| start_at(l, 0, &l.text)),
        );
        let mut proposals = vec![walk];
        proposals.extend(propose(&o));
        let (winner, choice) = choose(&o, &proposals);
        assert_eq!(choice.scheme, Some(Scheme::NumberedParagraphs), "{choice}");
        assert_eq!(winner.map(|i| proposals[i].starts.len()), Some(13));
    }
}
