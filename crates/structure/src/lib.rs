//! Finds the structure of a set of minutes in a [`minutes_model::Document`]:
//! the meeting (organisation, body, date, time, place), the participants, the
//! agenda items in order with their text and attachments, and the coming
//! meetings.
//!
//! It reads only the format-neutral model — paragraphs with styled runs,
//! lists, tables — so it works the same on text, Word and PDF minutes. What
//! counts as what follows `ANNOTATION.md`; the words it looks for are in
//! [`lexicon`].
//!
//! The finder walks the blocks once with a small state machine: the header
//! (before anything else), attendance lists (opened by headings such as
//! "Deltagare" or "Frånvarande"), the agenda (numbered paragraphs, "§ 45",
//! rows of an agenda table) and lists of coming meetings.
#![deny(missing_docs)]

pub mod dates;
mod elections;
mod flat_table;
mod flattened;
pub mod layout;
pub mod lexicon;
mod meeting;
mod ocr_numbers;
mod participants;
mod roll;

use dates::{Date, DateContext, Time, find_dates, find_time_range};
use layout::{
    LayoutChoice, LineKey, Outline, OutlineLine, PlannedStart, Proposal, Scheme, TitleCut,
};
use minutes_gate::Gated;
use minutes_model::{Block, BlockKind, Diagnostic, Document, Paragraph, Role, Row, Span, Style};
use regex::Regex;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::LazyLock;

pub use meeting::Meeting;
pub use participants::Participant;

/// Does `t` read as a person's name ("Lasse Nilsson", "Anna-Karin af
/// Berg"): two to five capitalised words, not an organisation's
/// ("Region Skåne", "Sveriges Lärare")?
pub fn is_person_name(t: &str) -> bool {
    participants::is_name(t)
}

/// Everything the structure finder found in one document.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Structured {
    /// The meeting.
    pub meeting: Meeting,
    /// The people in the attendance lists.
    pub participants: Vec<Participant>,
    /// Agenda items, flat, in document order.
    pub items: Vec<AgendaItem>,
    /// Coming meetings listed in the minutes.
    pub next_meetings: Vec<NextMeeting>,
    /// What could not be made sense of.
    pub warnings: Vec<Diagnostic>,
    /// For minutes that carry no date at all: the year their day-and-month
    /// dates most likely fall in, inferred from the years the text names.
    #[serde(skip)]
    pub year_hint: Option<i32>,
    /// For minutes whose text gives no date: the day in the file's name
    /// ("protokoll-2013-09-17.txt"), which day-and-month dates count from.
    /// Not the meeting's date, which only the minutes' own words give.
    #[serde(skip)]
    pub reference_date: Option<Date>,
    /// Which layout scheme found the items, and how the others scored.
    #[serde(skip)]
    pub layout: LayoutChoice,
}

/// One agenda item.
#[derive(Debug, Clone, Default, Serialize)]
pub struct AgendaItem {
    /// Stable identifier within the document ("item-3").
    pub id: String,
    /// The number as printed, normalised: "3", "8.1", "2a", "45"; None for
    /// unnumbered items.
    pub number: Option<String>,
    /// The heading text only.
    pub title: String,
    /// The enclosing item's number for sub-items.
    pub parent: Option<String>,
    /// Scheduled time, when the agenda gives one.
    pub time: Option<TimeSpan>,
    /// The item's content in reading order: paragraphs, list entries and
    /// table cells, each a unit of its own for the rules.
    pub units: Vec<Unit>,
    /// Documents the item refers to.
    pub attachments: Vec<Attachment>,
    /// Where the item starts (and ends) in the source.
    pub span: ItemSpan,
    /// Who answers for the item, from an agenda table's "Ansvar" column:
    /// the rules give its unowned tasks to them.
    pub responsible: Option<String>,
    /// When the item's tasks are due, as an agenda table's "Klart" column
    /// writes it (a site meeting's "Punkt | Noteringar | Ansv | Klart").
    pub due: Option<String>,
}

impl AgendaItem {
    /// What stood on the heading line besides the title: its links become
    /// attachments and its other text the first unit.
    fn add_heading_rest(
        &mut self,
        rest: &str,
        attachments: Vec<Attachment>,
        block: usize,
        span: Span,
    ) {
        self.attachments.extend(attachments);
        if !rest.is_empty() {
            self.units
                .push(unit(rest, UnitKind::Heading, false, block, span));
        }
    }

    /// The item's text: its units joined by newlines.
    pub fn text(&self) -> String {
        self.units
            .iter()
            .map(|u| u.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// A time range on the agenda.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TimeSpan {
    /// "HH:MM".
    #[serde(serialize_with = "ser_time")]
    pub start: Time,
    /// "HH:MM".
    #[serde(serialize_with = "ser_time")]
    pub end: Time,
}

fn ser_time<S: serde::Serializer>(t: &Time, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(t)
}

/// Where an item stands: the page, the index of its first top-level block,
/// and the source range it covers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct ItemSpan {
    /// 1-based page, when known.
    pub page: Option<u32>,
    /// Index of the top-level block where the item starts.
    pub block: usize,
    /// 1-based source line (text) or paragraph ordinal (DOCX).
    pub line: Option<u32>,
    /// Byte offset in the source where the item starts, when known.
    pub start: Option<u64>,
    /// Byte offset where it ends, when known.
    pub end: Option<u64>,
}

/// What kind of unit of text a [`Unit`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// A paragraph (or one line of a paragraph with hard breaks).
    Paragraph,
    /// An entry of a list.
    ListItem,
    /// Text from the heading cell or line of the item besides its title.
    Heading,
}

/// A unit of item text: the rules split it into sentences, and every
/// extraction points back to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unit {
    /// Plain text (markup removed).
    pub text: String,
    /// What it is.
    pub kind: UnitKind,
    /// True when the whole unit is bold (a sub-heading or a label line).
    pub bold: bool,
    /// Index of the top-level block it is in.
    pub block: usize,
    /// Its block's position in the source.
    pub span: Span,
    /// A row of a task table ("Åtgärd | Ansvarig | Klart"): who does it
    /// and by when, as the row's cells say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task: Option<TaskRow>,
}

/// The owner and date cells of a task table's row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaskRow {
    /// The responsible column's text ("Anna Berg", "BL, KS").
    pub owner: Option<String>,
    /// The date column's text ("2023-05-20", "v. 23").
    pub due: Option<String>,
}

/// A document an item refers to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attachment {
    /// The name as written.
    pub name: String,
    /// The link target, when there is a usable one.
    pub link: Option<String>,
}

/// A coming meeting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NextMeeting {
    /// The date.
    pub date: Date,
    /// Topics listed for it.
    pub topics: Vec<String>,
    /// Anything else written with the date (time, place, "heldag").
    pub note: Option<String>,
}

/// Find the structure of `doc`.
///
/// The finder's numbered walk scans the document into an outline and
/// proposes its items; when it finds none, a second walk takes headings as
/// items. The layout schemes ([`layout`]) propose theirs from the outline,
/// the best proposal wins, and a scheme other than the walks is assembled by
/// one more walk that starts items where its plan says.
pub fn find(doc: &Document) -> Structured {
    let relabelled = with_wrapped_headings(doc);
    let doc = relabelled.as_ref().unwrap_or(doc);
    let pages = with_flattened_points_apart(doc);
    let doc = pages.as_ref().unwrap_or(doc);
    let split = with_inline_items_apart(doc);
    let doc = split.as_ref().unwrap_or(doc);
    let labelled = with_header_labels_apart(doc);
    let doc = labelled.as_ref().unwrap_or(doc);
    let rejoined = with_cut_names_joined(doc);
    let doc = rejoined.as_ref().unwrap_or(doc);
    let ocr = doc.diagnostics.iter().any(|d| d.code == "ocr");
    let mut walk = Finder {
        record: true,
        ocr,
        ..Finder::default()
    };
    walk.run(doc);
    let outline = Outline {
        lines: std::mem::take(&mut walk.outline),
        agenda_table: walk.agenda_table_seen,
        ocr,
    };
    let mut walks = vec![walk];
    if walks[0].items.is_empty() {
        // No numbered items: read again, taking headings as items.
        let mut f = Finder {
            unnumbered: true,
            ocr,
            ..Finder::default()
        };
        f.run(doc);
        walks.push(f);
    }
    let mut proposals: Vec<Proposal> = walks.iter().map(Finder::proposal).collect();
    let sections = proposals
        .first()
        .and_then(|walk| layout::numbered_then_sections(&outline, walk));
    proposals.extend(sections);
    proposals.extend(layout::propose(&outline));
    let (mut winner, mut choice) = layout::choose(&outline, &proposals);
    // No scheme found an item: each paragraph is one, rather than none (the
    // rules would read nothing).
    if winner.is_none()
        && let Some(p) = layout::paragraphs(&outline)
    {
        choice = layout::LayoutChoice {
            scheme: Some(p.scheme),
            scores: vec![layout::SchemeScore {
                scheme: p.scheme,
                score: 0.0,
                items: p.starts.len(),
            }],
        };
        proposals.push(p);
        winner = Some(proposals.len() - 1);
    }
    let mut finder = match winner {
        Some(i) if i >= walks.len() => {
            let plan = proposals
                .swap_remove(i)
                .starts
                .into_iter()
                .map(|s| (s.key, s))
                .collect();
            let mut f = Finder {
                plan: Some(plan),
                ocr,
                ..Finder::default()
            };
            f.run(doc);
            f
        }
        Some(i) => walks.swap_remove(i),
        None => walks.swap_remove(walks.len() - 1),
    };
    finder.flattened_rosters(doc);
    let mut structured = finder.finish(doc);
    structured.layout = choice;
    structured
}

/// The document with each attendance heading a narrow label column wrapped
/// onto two rows joined again on the first (see
/// [`participants::wrapped_heading`]); None when it has none, which is
/// nearly always.
fn with_wrapped_headings(doc: &Document) -> Option<Document> {
    let mut joined = Vec::new();
    let mut prev: Option<String> = None;
    for (i, b) in doc.blocks.iter().enumerate() {
        let text = body_text(b);
        if let (Some(first), Some(second)) = (&prev, &text)
            && second.len() <= 300
            && let Some(pair) = participants::wrapped_heading(first, second)
        {
            joined.push((i - 1, pair));
        }
        prev = text;
    }
    if joined.is_empty() {
        return None;
    }
    let mut doc = doc.clone();
    for (i, (first, second)) in joined {
        for (at, text) in [(i, first), (i + 1, second)] {
            if let Some(b) = doc.blocks.get_mut(at) {
                *b = plain_block(&text, b.span);
            }
        }
    }
    Some(doc)
}

/// The text of a body paragraph without a label: what the flattened-page
/// pre-passes look at; None for any other block.
fn body_text(b: &Block) -> Option<String> {
    body_paragraph(b).map(Paragraph::text)
}

/// The block as a body paragraph without a label (see [`body_text`]).
fn body_paragraph(b: &Block) -> Option<&Paragraph> {
    match &b.kind {
        BlockKind::Paragraph(p) if p.role == Role::Body && p.label.is_none() => Some(p),
        _ => None,
    }
}

/// A plain body paragraph of `text` at `span`, as a pre-pass writes it.
fn plain_block(text: &str, span: Span) -> Block {
    let mut p = Paragraph::new(Role::Body);
    p.push(text, Style::NONE, None);
    Block::paragraph(p, span)
}

/// The document with its pages cut at the points they number, when its
/// paragraphs are pages whose line breaks were lost (see [`flattened`]):
/// each point a paragraph from its number on, each page's own number
/// dropped. None for any other document, which is nearly all.
fn with_flattened_points_apart(doc: &Document) -> Option<Document> {
    let paragraphs = || {
        doc.blocks
            .iter()
            .enumerate()
            .filter_map(|(i, b)| match &b.kind {
                BlockKind::Paragraph(p) => Some((i, p)),
                _ => None,
            })
    };
    // Measured before any text is copied: nearly every document stops here.
    let lengths: Vec<usize> = paragraphs()
        .map(|(_, p)| p.runs.iter().map(|r| r.text.len()).sum())
        .collect();
    if !flattened::is_flattened(&lengths) {
        return None;
    }
    let paragraphs: Vec<(usize, String)> = paragraphs().map(|(i, p)| (i, p.text())).collect();
    let texts: Vec<&str> = paragraphs.iter().map(|(_, t)| t.as_str()).collect();
    let (starts, skip) = flattened::points_and_pages(&texts);
    // In short minutes, points that a sentence leads in with a colon
    // ("… beslutade styrelsen följande: 1. Hyran höjs. 2. …") are that
    // sentence's list, not the agenda.
    let total: usize = lengths.iter().sum();
    let led_in = starts.first().is_some_and(|s| {
        texts
            .get(s.paragraph)
            .and_then(|t| t.get(..s.at))
            .is_some_and(|before| before.trim_end().ends_with(':'))
    });
    if starts.is_empty() || total < 1_000 && led_in {
        return None;
    }
    // The points of each paragraph, in order (the points are).
    let mut by_paragraph: Vec<Vec<usize>> = vec![Vec::new(); paragraphs.len()];
    let letters = flattened::lettered_starts(&texts, &starts);
    for (paragraph, at) in starts.iter().map(|s| (s.paragraph, s.at)).chain(letters) {
        if let Some(here) = by_paragraph.get_mut(paragraph) {
            here.push(at);
        }
    }
    for here in &mut by_paragraph {
        here.sort_unstable();
    }
    let mut cuts = Vec::new();
    for (k, (i, text)) in paragraphs.iter().enumerate() {
        let from = skip.get(k).copied().unwrap_or(0);
        let here: Vec<usize> = by_paragraph
            .get(k)
            .map(|h| h.iter().map(|at| at - from).collect())
            .unwrap_or_default();
        let Some(rest) = text.get(from..) else {
            continue;
        };
        if doc.blocks.get(*i).and_then(body_paragraph).is_none() {
            continue;
        }
        // A page's number left before its first point ("2 1 Mötets
        // öppnande") is not text of the page.
        // Before the first point, the header: its fields apart
        // ("PROTOKOLL Datum: … Tid: … Närvarande: …").
        let first_point = starts.first().map(|s| (s.paragraph, s.at));
        let header_end = match first_point {
            Some((p, at)) if p == k => Some(at - from),
            Some((p, _)) if p > k => Some(rest.len()),
            _ => None,
        };
        let mut here = here;
        if let Some(end) = header_end
            && let Some(head) = rest.get(..end)
        {
            let mut fields = meeting::label_starts_anywhere(head);
            fields.extend(meeting::bare_label_starts(head));
            fields.sort_unstable();
            fields.dedup();
            here.splice(0..0, fields);
        }
        if here.is_empty() && from == 0 {
            continue;
        }
        let (rest, here) = match here.first() {
            Some(&first) if rest[..first].trim().bytes().all(|b| b.is_ascii_digit()) => {
                (&rest[first..], here.iter().map(|&at| at - first).collect())
            }
            Some(_) => (rest, here),
            None => (rest, vec![0]),
        };
        cuts.push((*i, rest.to_string(), here));
    }
    (!cuts.is_empty()).then(|| paragraphs_cut(doc, cuts))
}

/// The document with each paragraph that runs several numbered points
/// together ("§1 Mötets öppnande … §2 Val av justerare …", a page whose
/// line breaks were flattened) cut into one paragraph per point (see
/// [`layout::inline_item_starts`]); None when no paragraph does, which is
/// nearly always, or when other lines are numbered (the points are then
/// a list inside an item's text).
fn with_inline_items_apart(doc: &Document) -> Option<Document> {
    let mut cuts: Vec<(usize, String, Vec<usize>)> = Vec::new();
    // "§2 Dagordningen fastställs §3 Val av justerare …": § points run
    // together are cut whatever else is numbered (a § numbers items, not a
    // list inside one).
    let mut sign_cuts: Vec<(usize, String, Vec<usize>)> = Vec::new();
    // The number of the last numbered line (none: no line is numbered):
    // points run together that go on from it ("2. Val av justerare …" over
    // "3. Ekonomi … 4. … 5. …", the rest of the page run together) are the
    // items going on, not a list inside one (which counts from 1).
    let mut last_top: Option<u32> = None;
    for (i, b) in doc.blocks.iter().enumerate() {
        let BlockKind::Paragraph(p) = &b.kind else {
            continue;
        };
        let Some(text) = body_text(b) else {
            if let Some(n) = parse_number(p.text().trim()) {
                last_top = Some(n.top);
            }
            continue;
        };
        let starts = layout::inline_item_starts(&text);
        if starts.len() >= 3 {
            let goes_on = last_top.is_some_and(|top| {
                parse_number(text.trim()).is_some_and(|n| n.sub.is_none() && n.top == top + 1)
            });
            if text.trim_start().starts_with('§') || goes_on {
                sign_cuts.push((i, text, starts));
            } else {
                cuts.push((i, text, starts));
            }
            continue;
        }
        let signs = layout::inline_sign_starts(&text);
        if signs.len() >= 2 {
            sign_cuts.push((i, text, signs));
        } else if let Some(n) = parse_number(text.trim()) {
            last_top = Some(n.top);
        }
    }
    if last_top.is_some() {
        cuts.clear();
    }
    cuts.extend(sign_cuts);
    if cuts.is_empty() {
        return None;
    }
    cuts.sort_by_key(|c| c.0);
    Some(paragraphs_cut(doc, cuts))
}

/// The document with each paragraph that runs several header fields
/// together ("Datum: 2016-05-15 Plats: Klubbstugan Närvarande: Anna Berg,
/// Bo Ek", a page whose line breaks were flattened) cut into one paragraph
/// per field (see [`meeting::label_starts`]); None when no paragraph does.
fn with_header_labels_apart(doc: &Document) -> Option<Document> {
    let first_paragraph = doc
        .blocks
        .iter()
        .position(|b| matches!(b.kind, BlockKind::Paragraph(_)));
    let cuts: Vec<(usize, String, Vec<usize>)> = doc
        .blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| {
            let text = body_text(b)?;
            let mut starts = meeting::label_starts(&text);
            // "Protokoll styrelsemöte Ekbackens IF Datum: 2024-03-12 Plats:
            // … Närvarande: …": the document's first paragraph, a title line
            // with its fields run on after it; the title is kept as a
            // paragraph of its own.
            if starts.is_empty() && Some(i) == first_paragraph {
                starts = meeting::label_starts_anywhere(&text);
                if starts.first().is_some_and(|&at| at > 120 || at == 0) {
                    starts.clear();
                }
            }
            (starts.len() >= 2).then_some((i, text, starts))
        })
        .collect();
    (!cuts.is_empty()).then(|| paragraphs_cut(doc, cuts))
}

/// The document with each attendance list whose line's end cut a name
/// ("Närvarande: Anna Berg, Bo Ek, Cecilia" / "Lund, David Holm") or the
/// brackets after it ("… Cecilia Lund" / "(sekr.), David Holm") joined to
/// the line that completes it, as one paragraph; None when no list is cut
/// so (nearly every document: the readers of PDF and Word join a
/// paragraph's lines, plain text and mail keep its hard breaks).
fn with_cut_names_joined(doc: &Document) -> Option<Document> {
    // (first block, last block, joined text) of each run to join.
    let mut joins: Vec<(usize, usize, String)> = Vec::new();
    // The open list: its first block and its text so far.
    let mut open: Option<(usize, String)> = None;
    for (i, b) in doc.blocks.iter().enumerate() {
        let Some(text) = body_text(b).filter(|t| !t.contains('\n')) else {
            open = None;
            continue;
        };
        if let Some((first, so_far)) = open.take() {
            let last_line = so_far.as_str();
            let cut =
                participants::name_cut_at_end(last_line) && participants::completes_cut_name(&text);
            let described = !last_line.trim_end().ends_with(',')
                && participants::continues_with_description(&text);
            if cut || described {
                let joined = format!("{} {}", so_far.trim_end(), text.trim_start());
                match joins.last_mut() {
                    Some(j) if j.0 == first => {
                        j.1 = i;
                        j.2.clone_from(&joined);
                    }
                    _ => joins.push((first, i, joined.clone())),
                }
                open = Some((first, joined));
                continue;
            }
            // A list that goes on after a comma at the line's end.
            if last_line.trim_end().ends_with(',') {
                open = Some((i, text));
                continue;
            }
        }
        // Only a list line that ends open (a comma, a cut name, brackets
        // on the next line) is asked whether a heading leads it: most
        // paragraphs are prose, and the heading's test is the dearer one.
        let next_opens_bracket = || {
            doc.blocks
                .get(i + 1)
                .and_then(body_paragraph)
                .and_then(|p| p.runs.first())
                .is_some_and(|r| r.text.trim_start().starts_with('('))
        };
        let ends_open = text.contains(',')
            && (text.trim_end().ends_with(',')
                || participants::name_cut_at_end(&text)
                || next_opens_bracket());
        if ends_open
            && participants::attendance_heading(&text).is_some_and(|(_, rest)| rest.contains(','))
        {
            open = Some((i, text));
        }
    }
    if joins.is_empty() {
        return None;
    }
    let mut doc = doc.clone();
    for (first, last, text) in joins.into_iter().rev() {
        let Some(span) = doc.blocks.get(first).map(|b| b.span) else {
            continue;
        };
        doc.blocks.splice(first..=last, [plain_block(&text, span)]);
    }
    Some(doc)
}

/// `doc` with each paragraph of `cuts` (its block, its text and where its
/// parts start) replaced by one plain paragraph per part, the text before
/// the first part (if any) kept as a paragraph of its own. The mark that
/// parted two parts ("… Bo Ek – Frånvarande: …") is neither's.
fn paragraphs_cut(doc: &Document, cuts: Vec<(usize, String, Vec<usize>)>) -> Document {
    let mut doc = doc.clone();
    // From the last, so that the earlier blocks' indices hold.
    for (i, text, starts) in cuts.into_iter().rev() {
        let Some(span) = doc.blocks.get(i).map(|b| b.span) else {
            continue;
        };
        let mut bounds = starts.clone();
        bounds.push(text.len());
        let head = text.get(..starts[0]).map(str::trim).unwrap_or("");
        let parts = (!head.is_empty()).then_some(head).into_iter().chain(
            bounds
                .windows(2)
                .filter_map(|w| text.get(w[0]..w[1]))
                .map(|part| {
                    part.trim()
                        .trim_end_matches(['–', '—', '-', '|', ';', ',', '·'])
                        .trim()
                }),
        );
        let blocks: Vec<Block> = parts.map(|part| plain_block(part, span)).collect();
        doc.blocks.splice(i..=i, blocks);
    }
    doc
}

/// The section of the document the walk is in.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Section {
    Header,
    Attendance(usize),
    Agenda,
    NextMeetings,
}

#[derive(Default)]
struct Finder {
    header: meeting::HeaderLines,
    participants: Vec<Participant>,
    items: Vec<AgendaItem>,
    next_lines: Vec<(String, bool)>,
    next_heading_year: Option<i32>,
    section: Option<Section>,
    /// Last accepted top-level number, for sequence checks.
    last_top: Option<u32>,
    last_sub: Option<(u32, u32)>,
    last_subsub: Option<(u32, u32, u32)>,
    last_letter: Option<char>,
    /// The item whose title is still to come on the next line.
    title_pending: bool,
    /// The item whose title came on the line after its number, and how many
    /// units it had then: the short lines after such a title, up to the
    /// case's "Beslut", may be the title wrapped.
    title_tail: Option<(usize, usize)>,
    /// The column labels of an attendance table flattened to lines with
    /// tabs ("Namn⇥Organisation"), while its rows follow.
    line_columns: Option<Vec<(String, bool)>>,
    /// Attendance lists side by side under headings on one line with tabs
    /// ("Ledamöter⇥Ersättare"): the heading of each column.
    side_lists: Option<Vec<usize>>,
    /// The open attendance list's heading had its names on its own line
    /// ("Antecknare: Camilla Dahl"): a numbered line after it is an item,
    /// not the list going on ("1. Föregående APT").
    attendance_inline: bool,
    /// The open attendance list's heading says its people joined from afar
    /// ("Deltagare (digitalt):", "Närvarande via Teams:").
    attendance_remote: bool,
    /// The sentences after an attendance list are being read one by one:
    /// they are not split again (one level, whatever the line holds).
    attendance_sentences: bool,
    /// A list of the present spoke of everyone ("Närvarande: samtliga utom
    /// Rebecka Strid"): the called who are not named absent came.
    everyone_present: bool,
    /// The first word of the last header line's label when that line
    /// listed people by their group ("Åk" of "Åk 1: Ciara, Elias &
    /// Talia"): the next group so labelled may have one person ("Åk 2:
    /// Fiona").
    group_label_before: Option<String>,
    /// A heading that says who was there ("Närvarande:", "Present:") has
    /// been read: the document records a meeting held, whatever its title.
    presence_recorded: bool,
    /// The task, owner and date columns of a task table flattened to lines
    /// with tabs ("Uppgift⇥Ansvarig⇥Klart"), while its rows follow.
    task_line_columns: Option<(usize, usize, Option<usize>)>,
    /// Second pass: the document numbers no items, so headings are items.
    unnumbered: bool,
    /// Whether the accepted items are numbered with "§".
    sign_scheme: Option<bool>,
    seen_title: bool,
    /// The level of the last heading that started an unnumbered item.
    item_heading_level: Option<u8>,
    warnings: Vec<Diagnostic>,
    /// Where the walk is: the key of the line it reads.
    cur: LineKey,
    /// Record the outline (the first walk does).
    record: bool,
    /// The text was read by OCR (a scan): numbers may have been lost.
    ocr: bool,
    /// The last agenda table: its block and number of columns.
    last_agenda_table: Option<(usize, usize)>,
    outline: Vec<OutlineLine>,
    agenda_table_seen: bool,
    /// The keys at which this walk started its items.
    item_keys: Vec<LineKey>,
    /// A layout scheme's plan: items start exactly at these lines.
    plan: Option<HashMap<LineKey, PlannedStart>>,
}

/// A number at the start of a heading line.
#[derive(Debug, Clone, PartialEq)]
struct Numbered {
    number: String,
    parent: Option<String>,
    top: u32,
    sub: Option<u32>,
    /// The third level ("9.1.5").
    subsub: Option<u32>,
    letter: Option<char>,
    paragraph_sign: bool,
    time: Option<TimeSpan>,
    /// Byte offset where the rest (the title) starts.
    rest: usize,
    /// The last § of a range ("§§ 21-23").
    until: Option<u32>,
}

impl Numbered {
    /// "2. Godkännande av dagordning" then "§3. Föregående protokoll": a
    /// top-level § that goes on with the very next number after a plain
    /// numbered plan (`scheme`: whether the plan's numbers carry a §),
    /// which switches the plan to §. The other way round, a plain number
    /// after § items is a list inside the last of them.
    fn switches_to_paragraph_sign(&self, scheme: Option<bool>, last_top: Option<u32>) -> bool {
        self.paragraph_sign
            && self.sub.is_none()
            && scheme == Some(false)
            && last_top.is_some_and(|t| self.top == t + 1)
    }

    /// A top-level number ("3", "§ 45") whose title starts at `rest`.
    fn top(n: u32, paragraph_sign: bool, rest: usize) -> Numbered {
        Numbered {
            number: n.to_string(),
            parent: None,
            top: n,
            sub: None,
            subsub: None,
            letter: None,
            paragraph_sign,
            time: None,
            rest,
            until: None,
        }
    }
}

static TOP_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    // "3", "3.", "3)", "3:", "8.1", "9.1.5", "3 – Ekonomi"; a capital right
    // after needs a dot.
    Regex::new(
        r"^(\d{1,3})(?:\.(\d{1,2}))?(?:\.(\d{1,2}))?([.):/]?)(?:\s*[-–—]\s+(\p{L})|\s+|$|(\p{Lu}))",
    )
    .expect("valid regex")
});
static TIME_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    // "1..09:00-09:10": a doubled dot, as a scan or a slip gives it.
    Regex::new(r"^(\d{1,3})\.\.?\s*(\d{1,2}[:.]\d{2}\s*[-–]\s*\d{1,2}[:.]\d{2})")
        .expect("valid regex")
});
static PARAGRAPH_SIGN: LazyLock<Regex> = LazyLock::new(|| {
    // "§ 1/ Mötet öppnas": a slash may close the number as a dot does.
    Regex::new(r"^(?:§§\s*(\d{1,4})\s*[-–]\s*(\d{1,4})|§\s*(\d{1,4})|(\d{1,4})\s*§)(?:\s+|$|[.:/])")
        .expect("valid regex")
});
static GLUED_PARAGRAPH_SIGN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^§\s*(\d{1,4})\p{Lu}\p{Ll}").expect("valid regex"));
static TOC_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\.\s?){5,}\s*\d{1,4}$|…{2,}\s*\d{1,4}$|\t\d{1,4}$").expect("valid regex")
});
static CHECKBOX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\[([ xX✓✔]?)\]\s*(.+)$").expect("valid regex"));
/// "Dnr KS 2024/55", "Ärendenummer SLK-2025-00041": a case number, which
/// stands between a § and its title.
pub(crate) fn is_case_number(t: &str) -> bool {
    CASE_NUMBER.is_match(t.trim())
}

/// A case number and a title after it: "Dnr KS 2024/0112 Val av
/// justerare", "Diarienummer 2023-145 Budget".
static CASE_THEN_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^((?i:ärendenummer|ärende\s*nr|dnr\.?|diarienummer|diarienr)\s*:?\s*(?:\p{Lu}{1,6}[\s-]?)?\d[\w./:-]*)\s+(\p{Lu}.*)$",
    )
    .expect("valid regex")
});
static CASE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:ärendenummer|ärende\s*nr|dnr|diarienummer|diarienr|dnr\.)\b")
        .expect("valid regex")
});
/// "1. b) Banan": a list's number, then a letter with its bracket.
static LIST_NUMBER_BEFORE_LETTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,2}\.\s+([a-z]\))").expect("valid regex"));
static LETTER: LazyLock<Regex> =
    // "b) Val av revisorer", "B) Fasadrenovering", "c. Motioner", "d.)
    // Informationstavla", and glued to its title's capital ("c.Övrigt",
    // "a)Kansli"); not "A." (an initial).
    LazyLock::new(|| {
        Regex::new(r"^(?:([a-zA-Z])\.?\)|([a-z])\.)(?:\s+|(\p{Lu}))").expect("valid regex")
    });
/// "2a. Val av sekreterare", "13b) Revisorer", "2.b Cecilia Lund valdes
/// …": a sub-point lettered under the number it names.
static NUMBER_LETTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,3})\.?([a-h])(?:\.\)|[.)])?\s+\p{Lu}").expect("valid regex")
});
static LEADING_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:kl\.?\s*)?\d{1,2}[:.]\d{2}\s*[-–]\s*\d{1,2}[:.]\d{2}\s*")
        .expect("valid regex")
});

/// "IV. Ekonomi": a Roman numeral up to XXXIX, a dot, and a capital.
static ROMAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(X{0,3}(?:IX|IV|V?I{0,3}))\.\s+(\p{Lu})").expect("valid regex"));

/// The value of a Roman numeral the ROMAN pattern accepted.
fn roman_value(numeral: &str) -> Option<u32> {
    let digit = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        _ => None,
    };
    let values: Vec<u32> = numeral.chars().map(digit).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, v) in values.iter().enumerate() {
        match values.get(i + 1) {
            Some(next) if next > v => total -= *v as i64,
            _ => total += *v as i64,
        }
    }
    u32::try_from(total).ok().filter(|&n| n > 0)
}

/// "Punkt 3 Ekonomi", "Ärende 4: Budget", "Agenda item 2 – Finances", "P1.
/// Ekonomi": a word or mark for an item, its number, then a capitalised
/// title or nothing; after a mark ("P") the number must close with a dot,
/// colon or bracket ("P12 Tränare" is a youth team, not item 12).
static WORD_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    let words = lexicon::alternation(lexicon::ITEM_NUMBER_WORDS);
    let prefixes = lexicon::alternation(lexicon::ITEM_NUMBER_PREFIXES);
    Regex::new(&format!(
        r"(?i)^(?:(?:{words})\.?\s+(\d{{1,3}})(?:\s*[.:)–-])?|(?:{prefixes})\s?(\d{{1,3}})[.:)])(?:\s+|$)(?P<title>(?-i:\p{{Lu}})|$)"
    ))
    .expect("valid regex")
});

/// Parse the number at the start of `text`.
fn parse_number(text: &str) -> Option<Numbered> {
    let t = text.trim_start();
    // "AU § 15  Föregående protokoll", "KSAU §12", "BUN § 3": a body's
    // abbreviation in capitals before the §.
    if let Some(after) = after_body_abbreviation(t) {
        let mut n = parse_number(after)?;
        if !n.paragraph_sign {
            return None;
        }
        n.rest += text.len() - after.len();
        return Some(n);
    }
    if t.starts_with(char::is_alphabetic)
        && let Some(c) = WORD_NUMBER.captures(t)
    {
        let n: u32 = c.get(1).or_else(|| c.get(2))?.as_str().parse().ok()?;
        // The title starts at the capital the pattern looked at.
        let end = c.name("title")?.start();
        // "Punkt 3: Anna Berg, Bo Ek, Cilla Ny" names the guests of an
        // item: a list, not a title.
        if t[end..].matches(',').count() >= 2 {
            return None;
        }
        let lead = text.len() - t.len();
        return Some(with_time(Numbered::top(n, false, lead + end), text));
    }
    // "II. Ekonomi": a Roman numeral with its dot, then a capitalised title.
    if t.starts_with(['I', 'V', 'X'])
        && let Some(c) = ROMAN.captures(t)
        && let Some(numeral) = c.get(1).filter(|m| !m.as_str().is_empty())
        && let Some(value) = roman_value(numeral.as_str())
    {
        let lead = text.len() - t.len();
        let mut n = Numbered::top(value, false, lead + c.get(2)?.start());
        n.number = numeral.as_str().to_string();
        return Some(n);
    }
    // Cheap first look: numbers start with a digit, "§" or "a)".
    let mut cs = t.chars();
    match (cs.next(), cs.next()) {
        (Some(c), _) if c.is_ascii_digit() || c == '§' => {}
        (Some(c), Some(')' | '.')) if c.is_ascii_alphabetic() => {}
        _ => return None,
    }
    let lead = text.len() - t.len();
    // "1 (6) Plats och tid …": a page's number and the count of pages, a
    // form's letterhead run into its first line, numbers no point.
    if page_of_pages(t).is_some() {
        return None;
    }
    // "§2.1 Medlemskap", "§ 4.0.1 Röstning": a § before a dotted number
    // numbers a sub-point as the dotted number alone does.
    if let Some(after_sign) = t.strip_prefix('§').map(str::trim_start)
        && after_sign.starts_with(|c: char| c.is_ascii_digit())
        && TOP_NUMBER
            .captures(after_sign)
            .is_some_and(|c| c.get(2).is_some())
        && let Some(mut n) = parse_number(after_sign)
    {
        n.paragraph_sign = true;
        n.rest += text.len() - after_sign.len();
        return Some(n);
    }
    if let Some(c) = PARAGRAPH_SIGN.captures(t) {
        let end = c.get(0)?.end();
        // "§§ 21-23 Delegationsbeslut": one item for several §.
        if let (Some(a), Some(b)) = (c.get(1), c.get(2)) {
            let (a, b): (u32, u32) = (a.as_str().parse().ok()?, b.as_str().parse().ok()?);
            if b > a && b - a <= 50 {
                let mut n = Numbered::top(a, true, lead + end);
                n.number = format!("{a}-{b}");
                n.until = Some(b);
                return Some(with_time(n, text));
            }
            return None;
        }
        let n: u32 = c.get(3).or(c.get(4))?.as_str().parse().ok()?;
        return Some(with_time(Numbered::top(n, true, lead + end), text));
    }
    // "§1Mötets öppnande": the sign's number glued to its title's capital
    // (a page whose markup set them apart).
    if let Some(c) = GLUED_PARAGRAPH_SIGN.captures(t) {
        let n: u32 = c.get(1)?.as_str().parse().ok()?;
        let end = c.get(1)?.end();
        return Some(with_time(Numbered::top(n, true, lead + end), text));
    }
    if let Some(c) = TIME_FIRST.captures(t) {
        let n: u32 = c.get(1)?.as_str().parse().ok()?;
        let end = c.get(2)?.start();
        return Some(with_time(Numbered::top(n, false, lead + end), text));
    }
    if let Some(c) = NUMBER_LETTER.captures(t) {
        let top: u32 = c.get(1)?.as_str().parse().ok()?;
        let letter = c.get(2)?.as_str().chars().next()?;
        // The title starts at the capital the pattern looked at.
        let end = c.get(0)?.end() - c.get(0)?.as_str().chars().last()?.len_utf8();
        return Some(Numbered {
            number: format!("{top}{letter}"),
            parent: Some(top.to_string()),
            top,
            sub: None,
            subsub: None,
            letter: Some(letter),
            paragraph_sign: false,
            time: None,
            rest: lead + end,
            until: None,
        });
    }
    // "1. b) Banan": a word processor's list number before a lettered
    // sub-point typed after it; the letter numbers the point.
    if let Some(c) = LIST_NUMBER_BEFORE_LETTER.captures(t)
        && let Some(marker) = c.get(1)
        && let Some(mut n) = parse_number(&t[marker.start()..])
        && n.letter.is_some()
        && n.number.is_empty()
    {
        n.rest += lead + marker.start();
        return Some(n);
    }
    if let Some(c) = TOP_NUMBER.captures(t) {
        let top: u32 = c.get(1)?.as_str().parse().ok()?;
        let sub: Option<u32> = c.get(2).and_then(|s| s.as_str().parse().ok());
        let subsub: Option<u32> = c.get(3).and_then(|s| s.as_str().parse().ok());
        // "7.Uppföljning": the capital letter belongs to the title; but
        // "3D-skrivare" is a word, not item 3 (a number glued to a capital
        // is a number only when a dot ends it).
        let dotted = c.get(4).is_some_and(|m| !m.as_str().is_empty()) || sub.is_some();
        // "3 juni, 16 september och 2 december": a day and its month, not
        // item 3.
        if !dotted
            && t[c.get(0)?.end()..]
                .split(|ch: char| !ch.is_alphabetic())
                .next()
                .is_some_and(|w| dates::month_number(&w.to_lowercase()).is_some())
        {
            return None;
        }
        let end = match (c.get(5), c.get(6)) {
            // "3 – Ekonomi": the title starts after the dash.
            (Some(m), _) => m.start(),
            (None, Some(_)) if !dotted => return None,
            (None, Some(m)) => m.start(),
            (None, None) => c.get(0)?.end(),
        };
        // "2.0 Ekonomi": a top number written with a zero after its dot.
        let sub = sub.filter(|&s| !(s == 0 && subsub.is_none()));
        let (number, parent) = match (sub, subsub) {
            (Some(s), Some(ss)) => (format!("{top}.{s}.{ss}"), Some(format!("{top}.{s}"))),
            (Some(s), None) => (format!("{top}.{s}"), Some(top.to_string())),
            _ => (top.to_string(), None),
        };
        return Some(with_time(
            Numbered {
                number,
                parent,
                top,
                sub,
                subsub,
                letter: None,
                paragraph_sign: false,
                time: None,
                rest: lead + end,
                until: None,
            },
            text,
        ));
    }
    if let Some(c) = LETTER.captures(t) {
        // The title starts after the marker's space, or at the capital
        // glued to it.
        let end = c.get(3).map_or(c.get(0)?.end(), |m| m.start());
        // "a. en enkel modell": with a dot, only a capitalised title makes
        // a sub-point (lower case is a list of options in the text).
        if c.get(2).is_some() && !t[end..].starts_with(char::is_uppercase) {
            return None;
        }
        let letter = c
            .get(1)
            .or(c.get(2))?
            .as_str()
            .chars()
            .next()?
            .to_ascii_lowercase();
        return Some(Numbered {
            number: String::new(),
            parent: None,
            top: 0,
            sub: None,
            subsub: None,
            letter: Some(letter),
            paragraph_sign: false,
            time: None,
            rest: lead + end,
            until: None,
        });
    }
    None
}

/// "1 (6)", "2(12)" at the start of a line: a page's number and the count
/// of pages (the first at most the second); the length of the marker.
pub(crate) fn page_of_pages(t: &str) -> Option<usize> {
    let c = PAGE_OF_PAGES.captures(t)?;
    let page: u32 = c.get(1)?.as_str().parse().ok()?;
    let pages: u32 = c.get(2)?.as_str().parse().ok()?;
    (page >= 1 && page <= pages).then(|| c.get(0).map_or(0, |m| m.end()))
}

static PAGE_OF_PAGES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,3})\s*\(\s*(\d{1,3})\s*\)(?:\s+|$)").expect("valid regex")
});

/// Read a time range right after the number ("2. 09:10-09:20 Title").
fn with_time(mut n: Numbered, text: &str) -> Numbered {
    let rest = &text[n.rest..];
    if let Some(m) = LEADING_TIME.find(rest)
        && let Some((_, a, b)) = find_time_range(m.as_str())
    {
        n.time = Some(TimeSpan { start: a, end: b });
        n.rest += m.end();
    }
    n
}

/// Split a paragraph into its title and the rest, skipping `skip` bytes of
/// number: a leading bold stretch is the title; otherwise the text up to the
/// first link or title-ending label.
fn split_title(p: &Paragraph, skip: usize) -> (String, String, Vec<Attachment>) {
    let mut segs: Vec<(String, Style, Option<String>)> = Vec::new();
    let mut pos = 0;
    for r in &p.runs {
        let len = r.text.len();
        if pos + len <= skip {
            pos += len;
            continue;
        }
        let from = skip.saturating_sub(pos);
        let text = r.text.get(from..).unwrap_or("").to_string();
        pos += len;
        segs.push((text, r.style, r.link.clone()));
    }
    // Drop leading white space.
    while let Some(first) = segs.first_mut() {
        let t = first.0.trim_start().to_string();
        if t.is_empty() {
            segs.remove(0);
        } else {
            first.0 = t;
            break;
        }
    }
    let attachments = links_of(&segs);
    let all: String = segs.iter().map(|s| s.0.as_str()).collect();
    let first_bold = segs
        .first()
        .is_some_and(|s| s.1.contains(Style::BOLD) && s.2.is_none());
    let n_bold = segs
        .iter()
        .take_while(|s| s.1.contains(Style::BOLD) && s.2.is_none())
        .count();
    let rest_has_text = segs[n_bold..].iter().any(|s| !s.0.trim().is_empty());
    let (title, rest) = if first_bold && rest_has_text {
        let n = n_bold;
        let title: String = segs[..n].iter().map(|s| s.0.as_str()).collect();
        let rest: String = segs[n..].iter().map(|s| s.0.as_str()).collect();
        (title, rest)
    } else if let Some(li) = segs.iter().position(|s| s.2.is_some()).filter(|&i| i > 0) {
        let title: String = segs[..li].iter().map(|s| s.0.as_str()).collect();
        let rest: String = segs[li..].iter().map(|s| s.0.as_str()).collect();
        (title, rest)
    } else {
        (all, String::new())
    };
    // Two spaces inside a bold heading separate the title from what follows.
    let (title, rest) = match title.trim().split_once("  ") {
        Some((t, more)) if !t.trim().is_empty() => (
            t.to_string(),
            format!("{} {rest}", more.trim()).trim().to_string(),
        ),
        _ => (title, rest),
    };
    let (title, cut) = cut_title(&title);
    let rest = if cut.is_empty() {
        rest
    } else {
        format!("{cut} {rest}")
    };
    (clean_title(&title), rest.trim().to_string(), attachments)
}

/// Cut a title at a label that starts other matter ("… Gäster: A, B").
fn cut_title(title: &str) -> (String, String) {
    for label in lexicon::TITLE_CUT_LABELS {
        if let Some(i) = title.find(label)
            && i > 0
        {
            return (title[..i].to_string(), title[i..].to_string());
        }
    }
    (title.to_string(), String::new())
}

/// Tidy a title: no trailing dot or colon, no stray markup, single spaces.
fn clean_title(t: &str) -> String {
    let t = t.replace(['\n', '\t'], " ");
    let t: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
    let t = t.trim_matches(|c: char| c == '*' || c == '_' || c == '|' || c.is_whitespace());
    let t = t.trim_end_matches(['.', ':', ';', ',']);
    t.trim().to_string()
}

/// Attachments from the links of segments; adjacent links to the same target
/// separated only by white space are one attachment ("2025-03-05" + "Möte.docx").
fn links_of(segs: &[(String, Style, Option<String>)]) -> Vec<Attachment> {
    let mut out: Vec<Attachment> = Vec::new();
    let mut last_link: Option<(String, bool)> = None; // (target, still adjacent)
    for (text, _, link) in segs {
        match link {
            Some(target) => {
                let name = text.trim();
                let adjacent = matches!(&last_link, Some((t, true)) if t == target);
                if adjacent && let Some(a) = out.last_mut() {
                    a.name = format!("{} {}", a.name, name).trim().to_string();
                } else if !name.is_empty() {
                    out.push(Attachment {
                        name: name.to_string(),
                        link: usable_link(target),
                    });
                }
                last_link = Some((target.clone(), true));
            }
            None => {
                if !text.trim().is_empty() {
                    last_link = None;
                }
            }
        }
    }
    for a in &mut out {
        a.name = clean_title(&a.name);
    }
    out.retain(|a| !a.name.is_empty());
    out
}

fn usable_link(target: &str) -> Option<String> {
    let t = target.trim();
    (!t.is_empty() && t != "#").then(|| t.to_string())
}

static BARE_URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"https?://[^\s<>()]+[^\s<>().,;]").expect("valid regex"));
/// Gated (see [`minutes_gate`]): asked of every unit.
static BILAGA: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(?:finns i|se|enligt|i)\s+(bilaga(?:\s+\d+)?)\b").expect("valid regex")
});

/// Attachments mentioned in plain text: bare URLs and "(se|finns i) bilaga".
fn text_attachments(text: &str) -> Vec<Attachment> {
    let mut out = Vec::new();
    for m in BARE_URL.find_iter(text) {
        out.push(Attachment {
            name: m.as_str().to_string(),
            link: Some(m.as_str().to_string()),
        });
    }
    for c in BILAGA.captures_iter(text) {
        if let Some(m) = c.get(1) {
            out.push(Attachment {
                name: m.as_str().to_lowercase(),
                link: None,
            });
        }
    }
    out
}

/// Lower-case key of a heading line: markup, numbering and trailing colon off.
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

/// The first letters of the next-meeting headings and of the words for
/// what is coming: a heading key that starts with none of them is neither.
static NEXT_MEETING_FIRST_LETTERS: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut first: Vec<char> = lexicon::NEXT_MEETING_HEADINGS
        .iter()
        .chain(lexicon::COMING_WORDS)
        .filter_map(|w| w.chars().next())
        .collect();
    first.sort_unstable();
    first.dedup();
    first
});

fn next_meetings_heading(text: &str) -> bool {
    if text.len() > 200 {
        return false;
    }
    // Asked of every paragraph: most start with a letter no heading starts
    // with, and are turned away before they are lower-cased. (The key's
    // first character is the first one's lower case; a capital sigma's,
    // which depends on its neighbours, starts no heading either way.)
    let t = heading_text(text);
    if !t
        .chars()
        .next()
        .and_then(|c| c.to_lowercase().next())
        .is_some_and(|c| NEXT_MEETING_FIRST_LETTERS.contains(&c))
    {
        return false;
    }
    let key = t.to_lowercase();
    key.len() < 80
        && (lexicon::NEXT_MEETING_HEADINGS.iter().any(|h| {
            key.strip_prefix(h)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ':']))
        }) || names_next_meetings_by_kind(&key))
}

/// "Nästa stormöte", "Kommande träffar", "Next board meeting": a word for
/// what is coming, then at most one more word, then a meeting of any kind
/// (a compound ending in a meeting word).
fn names_next_meetings_by_kind(key: &str) -> bool {
    let words: Vec<&str> = key
        .split_whitespace()
        .map(|w| w.trim_end_matches(':'))
        .collect();
    let Some((first, rest)) = words.split_first() else {
        return false;
    };
    if !lexicon::COMING_WORDS.contains(first) {
        return false;
    }
    rest.iter()
        .take(2)
        .any(|w| lexicon::MEETING_NOUN_ENDINGS.iter().any(|e| w.ends_with(e)))
}

/// Where a signature block closing the minutes starts among an item's
/// lines: a person's name alone on its line, then at most a place (no
/// field's label), then a date alone, and nothing after it.
fn signature_block_start(lines: &[(String, bool)]) -> Option<usize> {
    let last = lines.len().checked_sub(1)?;
    if !dates::date_only(&lines[last].0) {
        return None;
    }
    (last.saturating_sub(2)..last).find(|&i| {
        participants::is_name(lines[i].0.trim())
            && lines.get(i + 1..last).is_some_and(|between| {
                between.iter().all(|(t, _)| {
                    let t = t.trim();
                    t.split_whitespace().count() <= 2
                        && t.starts_with(char::is_uppercase)
                        && !t.ends_with(':')
                        && !meeting::bare_field_label(t)
                })
            })
    })
}

/// An item title that names the coming meetings anywhere in it
/// ("Förslag till sammanträdesdagar för kommunfullmäktige år 2024").
fn names_coming_meetings(title: &str) -> bool {
    if title.len() > 200 {
        return false;
    }
    let key = heading_key(title);
    let standalone = |i: usize, end: usize| {
        let before = key[..i].chars().next_back();
        let after = key[end..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    };
    // Every heading's occurrences as `match_indices` gives them (leftmost
    // first, each next one after the last's end), found in one pass over
    // the key instead of one searcher built per heading.
    let Some(ac) = &*NEXT_MEETING_HEADINGS_AC else {
        return lexicon::NEXT_MEETING_HEADINGS.iter().any(|h| {
            key.match_indices(h)
                .any(|(i, _)| standalone(i, i + h.len()))
        });
    };
    let mut free_from = [0usize; 64];
    ac.find_overlapping_iter(key.as_str()).any(|m| {
        let Some(free) = free_from.get_mut(m.pattern().as_usize()) else {
            return false;
        };
        if m.start() < *free {
            return false;
        }
        *free = m.end();
        standalone(m.start(), m.end())
    })
}

/// [`lexicon::NEXT_MEETING_HEADINGS`] as one automaton, for
/// [`names_coming_meetings`]; `None` (each heading searched on its own)
/// when a heading is empty or there are too many to track.
static NEXT_MEETING_HEADINGS_AC: LazyLock<Option<aho_corasick::AhoCorasick>> =
    LazyLock::new(|| {
        let headings = lexicon::NEXT_MEETING_HEADINGS;
        if headings.len() > 64 || headings.iter().any(|h| h.is_empty()) {
            return None;
        }
        aho_corasick::AhoCorasick::new(headings).ok()
    });

/// A numbered line that is a paragraph rather than a heading: it ends a
/// sentence ("Mötet valde N.N. till ordförande."), or a short head is
/// followed by a colon and a sentence ("Ekonomi: Kassören redovisade att …").
/// Gives the title and the text the item keeps.
fn headless_paragraph(line: &str) -> Option<(String, String)> {
    let t = line.trim();
    // "Övning Vinterstorm 2026⏎Länsstyrelsen planerar …": a short first
    // line ended by a line break inside the paragraph (Word's Shift+Enter
    // in a numbered list) heads the text under it.
    if let Some((head, body)) = t.split_once('\n')
        && head.trim().chars().count() <= 80
        && head.chars().any(char::is_alphabetic)
        && !head.trim().ends_with(['.', ',', ';'])
        && body.split_whitespace().count() >= 3
    {
        return Some((head.trim().to_string(), body.trim().to_string()));
    }
    if let Some((head, body)) = t.split_once(": ")
        && head.chars().count() <= 60
        && !head.contains(['.', '?', '!'])
    {
        let words = body.split_whitespace().count();
        if words >= 3 {
            return Some((head.trim().to_string(), body.trim().to_string()));
        }
        // "3. Val av justerare: Fredrik Gustavsson": a head and its short
        // answer; the whole line stays the text, where an election reads.
        if words >= 1 && body.trim_start().starts_with(char::is_uppercase) {
            return Some((head.trim().to_string(), t.to_string()));
        }
    }
    // "Mötets öppnande – Ordföranden öppnade mötet.": a head, a spaced
    // dash, then the point's sentence.
    if let Some((head, body)) = t.split_once(" – ").or_else(|| t.split_once(" - "))
        && head.chars().count() <= 60
        && !head.contains(['.', '?', '!', ':'])
        && body.split_whitespace().count() >= 2
        && body.trim_end().ends_with(['.', '!'])
        && body.starts_with(char::is_uppercase)
    {
        return Some((head.trim().to_string(), t.to_string()));
    }
    if let Some((head, body)) = run_in_head(t) {
        return Some((head.to_string(), body.to_string()));
    }
    // A sentence that reports what was done ("öppnades", "valde", "lades
    // till handlingarna"), not an agenda line with a full stop ("Planera
    // nästkommande möte, boka också.").
    let reports = t.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
        (w.chars().count() > 3 && lexicon::PAST_TENSE_ENDINGS.iter().any(|e| w.ends_with(e)))
            || lexicon::FINITE_STATE_VERBS.contains(&w.as_str())
    });
    if t.ends_with(['.', '!']) && t.split_whitespace().count() >= 4 && reports {
        return Some((layout::first_sentence(t).to_string(), t.to_string()));
    }
    // "Dagordning godkänns.": a short sentence whose verb reports the
    // point's outcome in the present passive.
    let outcome = t.split_whitespace().skip(1).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
        lexicon::PRESENT_PASSIVE_OUTCOMES.contains(&w.as_str())
    });
    if t.ends_with(['.', '!']) && t.split_whitespace().count() >= 2 && outcome {
        return Some((layout::first_sentence(t).to_string(), t.to_string()));
    }
    // "Till justerare valdes Henry", "Föredragningslistan kompletterades
    // och godkändes": a report in the passive or past without its full stop.
    let passive = t.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
        // "Val av mötes ordförande": a meeting noun's genitive is no verb.
        let genitive = w.strip_suffix('s').is_some_and(|stem| {
            lexicon::MEETING_NOUN_ENDINGS
                .iter()
                .any(|e| stem.ends_with(e))
        });
        w.chars().count() > 4
            && !genitive
            && lexicon::PASSIVE_PAST_ENDINGS.iter().any(|e| w.ends_with(e))
    });
    // ("Dagordningen godkändes": two words do, when the first is the
    // subject in its definite form.)
    let words = t.split_whitespace().count();
    if passive
        && !t.ends_with(['.', '!', '?', ':', ';'])
        && (words >= 4 || words >= 2 && opens_with_definite_subject(t))
        && words <= 12
        && t.starts_with(char::is_uppercase)
    {
        return Some((t.to_string(), t.to_string()));
    }
    // "5. Årsmötet. Årsmötet hålls den 27 februari. Sten beställer …",
    // "6. Nästa möte. Torsdagen den 20 mars kl. 10.00.": a short head closed
    // by a full stop, then the point's sentences.
    let head = layout::first_sentence(t);
    let after = t.get(head.len()..).unwrap_or_default().trim();
    if head.len() < t.len()
        && head.split_whitespace().count() <= 6
        && head.chars().count() <= 60
        && head.starts_with(char::is_uppercase)
        && after.split_whitespace().count() >= 3
    {
        return Some((head.to_string(), t.to_string()));
    }
    None
}

/// The words of `t` between single spaces, each with the byte where it
/// starts: where a word found by its neighbours cuts the text.
pub(crate) fn words_at(t: &str) -> impl Iterator<Item = (usize, &str)> {
    t.split(' ')
        .scan(0usize, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
}

/// A heading run into its point's text by a page that flattened a table
/// of two columns (heading | what was done): "Föredragningslista
/// Föredragningslistan kompletterades …", "Upprop Upprop Närvarande …"
/// (the text opens by repeating the heading's first word), "Val av
/// sekreterare välja Anna Berg att föra protokoll" (the decision column's
/// clause opens with its infinitive in lower case). The heading and the
/// text.
fn run_in_head(t: &str) -> Option<(&str, &str)> {
    let mut words = words_at(t);
    let (_, first) = words.next()?;
    if !first.starts_with(char::is_uppercase) {
        return None;
    }
    // ("Val av …": a short word repeated is no heading's echo.)
    let echoed = first.chars().count() >= 4;
    let first = first.to_lowercase();
    let words: Vec<(usize, &str)> = words.take(10).collect();
    let verbish = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
        (w.chars().count() > 4
            && lexicon::REPORTING_VERB_ENDINGS
                .iter()
                .any(|e| w.ends_with(e)))
            || lexicon::FINITE_STATE_VERBS.contains(&w.as_str())
            || lexicon::REPORTING_VERBS.contains(&w.as_str())
    };
    let mut before = first.as_str();
    for (k, &(at, w)) in words.iter().take(8).enumerate() {
        let key = w.trim_end_matches([',', '.', ':']).to_lowercase();
        // ("beslut att utse …", "beslöt att bordlägga …": an infinitive
        // its sentence governs.)
        let governed = ["att", "om", "och", "samt", "för", "till", "som", "eller"]
            .contains(&before.to_lowercase().as_str());
        before = w;
        let repeats = echoed
            && w.starts_with(char::is_uppercase)
            && key
                .strip_prefix(first.as_str())
                .is_some_and(|end| ["", "n", "en", "et", "na", "er", "ar"].contains(&end));
        let clause = k >= 1
            && !governed
            && w.starts_with(char::is_lowercase)
            && lexicon::DECISION_INFINITIVES.contains(&key.as_str());
        // "Val av ordförande Mötet beslutade att …", "Val av justerare Bo
        // Ek valdes …": a capitalised word whose clause's verb follows
        // within three words opens the text; the heading before it has no
        // verb of its own and does not end wanting more ("Protokollet från
        // Anna Berg godkändes" is one sentence).
        let head = t[..at].trim();
        // (Asked of a capital only: the rest is looked at once one opens.)
        let subject = w.starts_with(char::is_uppercase) && {
            let last = head.split_whitespace().last();
            // A heading of one word before a subject in its definite form
            // ("Ekonomi Kassören redogjorde"; not "Anna Berg valdes", a
            // name, nor "Göteborgs Stad ska", a genitive).
            let one_word_head = k == 0 && !head.ends_with('s') && definite_subject(w);
            let closes_lower = last.is_some_and(|l| l.starts_with(char::is_lowercase));
            ((k >= 1 && closes_lower) || one_word_head)
                && last.is_some_and(|l| {
                    !lexicon::WORDS_NO_HEADING_ENDS_WITH.contains(&l.to_lowercase().as_str())
                })
                // The verb in the subject's sentence.
                && words[k..]
                    .iter()
                    .take(4)
                    .take_while(|(_, v)| !v.ends_with(['.', '!', '?', ';']))
                    .skip(1)
                    .chain(
                        words[k..]
                            .iter()
                            .take(4)
                            .skip(1)
                            .find(|(_, v)| v.ends_with('.')),
                    )
                    .any(|(_, v)| verbish(v))
                // A heading is a few words with no clause in it
                // ("Föregående protokoll kunde inte justeras då Göran …" is a
                // sentence), and it does not end in a name the capital goes
                // on with ("…, Anita Manskog och Marie Louise Humble valdes
                // om").
                && head.split_whitespace().count() <= 6
                && !head.contains(['.', '!', '?', ':', ';', ','])
                && !head.split_whitespace().any(|h| {
                    verbish(h) || lexicon::CLAUSE_WORDS.contains(&h.to_lowercase().as_str())
                })
        };
        if repeats || clause || subject {
            let body = t[at..].trim();
            return (body.split_whitespace().count() >= 2).then_some((head, body));
        }
    }
    None
}

/// "Kassören", "Ordföranden", "Styrelsen", "Mötet": the subject of a
/// point's first sentence in its definite form, a post or a body.
fn definite_subject(w: &str) -> bool {
    let key = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
    let post = ["en", "n"].iter().any(|end| {
        key.strip_suffix(end).is_some_and(|stem| {
            lexicon::ROLES.iter().any(|(r, _)| *r == stem) || lexicon::BOARD_POSTS.contains(&stem)
        })
    });
    post || key == "mötet" || meeting::names_body(&key)
}

/// A numbered line (from `skip` on) read as a paragraph without a heading:
/// the title it gives, when not the whole line, and the text the item
/// keeps. None for a heading.
fn headless_reading(p: &Paragraph, skip: usize) -> Option<(Option<String>, String)> {
    if p.role != Role::Body || is_bold(p) {
        return None;
    }
    let whole = p.text();
    let t = whole.get(skip..).unwrap_or_default();
    if let Some((head, text)) = headless_paragraph(t) {
        // "7. Verksamhetsberättelsen gicks igenom och lades till
        // handlingarna." / "5. Ekonomi: Kassören redovisade …": a numbered
        // paragraph without a heading. Its title is its first sentence (or
        // the words before the colon), and what it says stays the item's
        // text, where the rules read it.
        return Some((Some(clean_title(&head)), text));
    }
    let t = t.trim();
    if t.ends_with('.') && t.split_whitespace().count() >= 2 && opens_with_definite_subject(t) {
        // "a) Mötet godkände dagordningen.": a short sentence is the title
        // and stays the item's text.
        return Some((None, t.to_string()));
    }
    if t.ends_with(['.', '!']) && layout::first_sentence(t).len() < t.len() {
        // "7.1 Motion from Kim Bäcklund to move the forum. After discussion
        // the meeting decided to reject the motion.": a headless point of
        // several sentences; its title is the first.
        return Some((Some(clean_title(layout::first_sentence(t))), t.to_string()));
    }
    None
}

/// The text from the § on, when `t` opens with a body's abbreviation of
/// two to six letters, at least two of them capitals ("AU", "KSAU",
/// "BUN"), before it: a word ("Enligt § 5") is no abbreviation.
fn after_body_abbreviation(t: &str) -> Option<&str> {
    let end = t.find(|c: char| !c.is_alphabetic())?;
    let abbr = &t[..end];
    let n = abbr.chars().count();
    let capitals = abbr.chars().filter(|c| c.is_uppercase()).count();
    if !(2..=6).contains(&n) || capitals < 2 || !abbr.starts_with(char::is_uppercase) {
        return None;
    }
    let after = t[end..].trim_start();
    after.starts_with('§').then_some(after)
}

/// A sentence that opens with a noun in the definite form, its subject
/// ("Mötet godkände …", "Dagordningen fastställdes."): a report of what was
/// done, not an agenda line ("Planera nästa möte, boka också.").
fn opens_with_definite_subject(t: &str) -> bool {
    let first = t.split_whitespace().next().unwrap_or("").to_lowercase();
    first.chars().count() >= 5
        && first.chars().all(char::is_alphabetic)
        && ["et", "en", "an", "na"].iter().any(|e| first.ends_with(e))
}

/// A numbered point's text that opens with a short head closed by a full
/// stop or a colon ("Ekonomi. Inga-Lill redogjorde …"): the head is its
/// title, however long the text after it.
fn short_headed(t: &str) -> bool {
    headless_paragraph(t).is_some_and(|(head, _)| head.split_whitespace().count() <= 6)
}

/// A unit that ends with a verb of deciding or proposing ("Styrelsen
/// beslutade", "Mötet beslöt:"), perhaps followed by "att" clauses
/// already: the next "att" clause continues it.
fn awaits_att_clauses(text: &str) -> bool {
    let lower = text.to_lowercase();
    lexicon::ATT_CLAUSE_LEAD_VERBS.iter().any(|v| {
        lower.match_indices(v).any(|(i, _)| {
            let before_ok = lower[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let after = lower[i + v.len()..].trim_start_matches(':').trim();
            before_ok && (after.is_empty() || after.starts_with("att "))
        })
    })
}

fn is_bold(p: &Paragraph) -> bool {
    let visible: Vec<_> = p
        .runs
        .iter()
        .filter(|r| !r.text.trim().is_empty())
        .collect();
    !visible.is_empty() && visible.iter().all(|r| r.style.contains(Style::BOLD))
}

fn is_struck(p: &Paragraph) -> bool {
    let visible: Vec<_> = p
        .runs
        .iter()
        .filter(|r| !r.text.trim().is_empty())
        .collect();
    !visible.is_empty() && visible.iter().all(|r| r.style.contains(Style::STRIKE))
}

fn para_text(p: &Paragraph) -> String {
    match &p.label {
        Some(l) => format!("{l} {}", p.text()),
        None => p.text(),
    }
}

impl Finder {
    fn run(&mut self, doc: &Document) {
        for (bi, block) in doc.blocks.iter().enumerate() {
            self.cur = LineKey {
                block: bi as u32,
                ..LineKey::default()
            };
            // "Appendix A - Stadgar", "Bilagor" as a top heading after the
            // items: what follows is attached, not minutes (statutes list an
            // annual meeting's standard agenda, which is not this meeting's).
            if let BlockKind::Paragraph(p) = &block.kind
                && matches!(p.role, Role::Heading(1 | 2))
                && !self.items.is_empty()
                && APPENDIX.is_match(para_text(p).trim())
            {
                // "Bilaga 1 Röstlängd": an attached attendance list is read
                // for the people in its tables, and nothing else after it.
                let heading = para_text(p).to_lowercase();
                if lexicon::ATTENDANCE_APPENDIX_WORDS
                    .iter()
                    .any(|w| heading.contains(w))
                {
                    for b in doc.blocks.iter().skip(bi + 1) {
                        match &b.kind {
                            BlockKind::Paragraph(q) if matches!(q.role, Role::Heading(1 | 2)) => {
                                break;
                            }
                            BlockKind::Table(t) => {
                                let rows: Vec<Vec<(String, bool)>> = t
                                    .rows
                                    .iter()
                                    .map(|r| {
                                        r.cells.iter().map(|c| (c.plain_text(), false)).collect()
                                    })
                                    .collect();
                                self.participants.extend(
                                    participants::listed_table(&rows).into_iter().flatten(),
                                );
                            }
                            _ => {}
                        }
                    }
                }
                break;
            }
            match &block.kind {
                BlockKind::Paragraph(p) => self.paragraph(p, bi, block.span),
                BlockKind::List(l) => {
                    for (li, item) in l.items.iter().enumerate() {
                        self.cur.entry = li as u32 + 1;
                        self.cur.part = 0;
                        // Loose notes without numbers: a top-level bullet
                        // with bullets under it is a topic of the meeting.
                        let topic_shaped = self.unnumbered
                            && item.level == 0
                            && l.items.get(li + 1).is_some_and(|n| n.level > 0);
                        // Right after an attendance line, a topic that names
                        // no one ends the list of people.
                        let first_text =
                            |it: &minutes_model::ListItem| match it.blocks.first().map(|b| &b.kind)
                            {
                                Some(BlockKind::Paragraph(q)) => Some(q.text()),
                                _ => None,
                            };
                        if topic_shaped
                            && matches!(self.section(), Section::Attendance(_))
                            && first_text(item).is_some_and(|t| !participants::is_name(t.trim()))
                            && l.items.get(li + 1).is_some_and(|n| {
                                first_text(n).is_none_or(|t| !participants::is_name(t.trim()))
                            })
                        {
                            self.leave_attendance();
                        }
                        let topic = topic_shaped
                            && matches!(self.section(), Section::Agenda | Section::Header);
                        if topic
                            && let Some(Block {
                                kind: BlockKind::Paragraph(p),
                                span,
                            }) = item.blocks.first()
                        {
                            let (title, rest, atts) = split_title(p, 0);
                            self.start_item(None, None, None, title, bi, *span);
                            if let Some(it) = self.items.last_mut() {
                                it.add_heading_rest(&rest, atts, bi, *span);
                            }
                            continue;
                        }
                        for (pi, b) in item.blocks.iter().enumerate() {
                            self.cur.part = pi as u32;
                            self.cur.line = 0;
                            if let BlockKind::Paragraph(p) = &b.kind {
                                // A numbered entry ("4." + "09:50-10:00 Paus")
                                // carries its number in the list label.
                                // Only a title-length entry that does not
                                // spell its number out again: a numbered
                                // list of long points is content.
                                // A long entry whose short head closes with
                                // a full stop or a colon ("4. Ekonomi.
                                // Inga-Lill redogjorde …") is a numbered
                                // point with its text, as a paragraph is.
                                let titled = |t: &str| {
                                    t.chars().count() <= 80
                                        || t.chars().count() <= 600 && short_headed(t)
                                };
                                let numbered = pi == 0
                                    && p.label.is_none()
                                    && titled(&p.text())
                                    && item.label.as_deref().is_some_and(|l| {
                                        l.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
                                            && !p
                                                .text()
                                                .trim_start()
                                                .starts_with(l.trim_end_matches(['.', ')']))
                                    });
                                if numbered {
                                    let mut q = p.clone();
                                    q.label = item.label.clone();
                                    self.list_entry(&q, item.level, bi, b.span);
                                } else {
                                    self.list_entry(p, item.level, bi, b.span);
                                }
                            } else {
                                self.other_block(b, bi);
                            }
                        }
                    }
                }
                BlockKind::Table(t) => self.table(&t.rows, bi, block.span),
                BlockKind::PageBreak => {
                    // A page break keeps an agenda table "just before".
                    if let Some((b, c)) = self.last_agenda_table
                        && b + 1 == bi
                    {
                        self.last_agenda_table = Some((bi, c));
                    }
                }
            }
        }
    }

    /// No attendance list read: a roster that a form's page ran into one
    /// paragraph with its other fields, wherever the walk put that
    /// paragraph (the header, or an item a page number seemed to start).
    /// So is a roll call run into one paragraph with its marks ([`roll`]);
    /// a transcript of a council's protocol may hold both, its guests on
    /// the first page and the roll on the next. Read once, for the walk
    /// that won.
    fn flattened_rosters(&mut self, doc: &Document) {
        if !self.participants.is_empty() {
            return;
        }
        for b in &doc.blocks {
            // A list is a page at most, not a document.
            let Some(text) = body_text(b).filter(|t| t.len() <= 20_000) else {
                continue;
            };
            self.roster_in_page(&text);
            if let Some(people) = roll::read(&text) {
                self.participants.extend(people);
            }
        }
    }

    fn section(&self) -> Section {
        self.section.unwrap_or(Section::Header)
    }

    fn paragraph(&mut self, p: &Paragraph, bi: usize, span: Span) {
        let text = para_text(p);
        if text.trim().is_empty() {
            return;
        }
        // A table of contents lists items but is not them.
        if text.trim_end().ends_with(|c: char| c.is_ascii_digit())
            && TOC_LINE.is_match(text.trim_end())
        {
            return;
        }
        // "[X] Haverinen Emilia, ordförande": a checkbox attendance list.
        if let Some(c) = text
            .trim_start()
            .starts_with('[')
            .then(|| CHECKBOX.captures(&text))
            .flatten()
            && self.items.is_empty()
        {
            let h = match self.section() {
                Section::Attendance(h) => h,
                _ => 0,
            };
            let heading = &lexicon::ATTENDANCE_HEADINGS[h];
            let parsed: Option<Vec<Vec<Participant>>> =
                participants::checkbox_records(c.get(0).map_or("", |m| m.as_str()))
                    .iter()
                    .map(|(ticked, rest)| participants::parse_line(rest, !ticked, heading))
                    .collect();
            if let Some(ps) = parsed {
                self.participants.extend(ps.into_iter().flatten());
                return;
            }
        }
        // Lines of a paragraph with hard breaks are read one by one.
        if text.contains('\n') && p.label.is_none() {
            for (i, line) in split_lines(p).iter().enumerate() {
                self.cur.line = i as u32;
                self.paragraph(line, bi, span);
            }
            self.cur.line = 0;
            return;
        }
        if self.record {
            self.record_line(p, &text, None);
        }
        // "Ledamöter⇥Ersättare" over "Anna Berg (S)⇥Bo Ek (M)": lists side
        // by side, each column under its heading.
        if text.contains('\t') && self.items.is_empty() {
            let cells: Vec<&str> = text
                .split('\t')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect();
            if let Some(hs) = participants::column_headings(&cells) {
                self.mark_recorded(|l| l.attendance = true);
                self.section = Some(Section::Attendance(hs[0]));
                self.title_pending = false;
                self.side_lists = Some(hs);
                return;
            }
            if let Some(hs) = self.side_lists.clone()
                && matches!(self.section(), Section::Attendance(_))
            {
                let cells: Vec<&str> = text.split('\t').map(str::trim).collect();
                if cells.len() <= hs.len() {
                    self.mark_recorded(|l| l.attendance = true);
                    for (c, h) in cells.iter().zip(&hs) {
                        if !c.is_empty() {
                            self.attendance_text(c, false, *h);
                        }
                    }
                    self.section = Some(Section::Attendance(hs[0]));
                    return;
                }
            }
        }
        // "## Mötessekreterare" over "Inget att rapportera." among the
        // reports: a role's heading alone, after the items have begun, is
        // a section of the minutes, not the role's label.
        let role_section = matches!(p.role, Role::Heading(_)) && !self.items.is_empty();
        if let Some((h, rest)) = participants::attendance_heading(&text)
            && !(role_section
                && rest.trim().is_empty()
                && lexicon::ATTENDANCE_HEADINGS[h].role.is_some())
        {
            self.side_lists = None;
            self.mark_recorded(|l| l.attendance = true);
            let before = self.section;
            self.open_attendance(h);
            self.title_pending = false;
            let (value, _) = participants::second_heading(&rest);
            self.attendance_inline = !value.trim().is_empty();
            self.attendance_remote = participants::heading_says_remote(&text, &rest);
            // "Present: A, B. Absent: C.": attendance_text reads the second
            // list on the line too.
            // "Justerare⇥Dahl, Mira" in minutes that write every name
            // surname first: one person, not two first names.
            let one_surname_first = self
                .surnames_first()
                .then(|| {
                    participants::surname_first(
                        &rest,
                        false,
                        &lexicon::ATTENDANCE_HEADINGS[h],
                        true,
                    )
                })
                .flatten();
            if let Some(person) = one_surname_first {
                self.participants.push(person);
            } else if !rest.trim().is_empty() {
                self.attendance_text(&rest, false, h);
                // "Sekreterare Bo Ek" among the lines under "Närvarande":
                // a role's label names its one person on its own line; the
                // lines after are the list's again.
                if let Some(Section::Attendance(list)) = before
                    && lexicon::ATTENDANCE_HEADINGS
                        .get(h)
                        .is_some_and(|heading| heading.role.is_some())
                {
                    self.section = Some(Section::Attendance(list));
                }
            }
            return;
        }
        // "Namn⇥Organisation" / "Anna Berg⇥Skatteverket": an attendance
        // table that a PDF gives as lines with tabs (or a text export as
        // columns aligned with spaces), read by its columns.
        let columns = participants::space_columns_as_tabs(&text);
        if columns.contains('\t')
            && matches!(self.section(), Section::Header | Section::Attendance(_))
        {
            let cells: Vec<(String, bool)> = columns
                .split('\t')
                .map(|c| (c.trim().to_string(), false))
                .collect();
            let texts: Vec<String> = cells.iter().map(|(t, _)| t.clone()).collect();
            if participants::is_column_header(&texts) {
                self.mark_recorded(|l| l.attendance = true);
                self.line_columns = Some(cells);
                if self.section() == Section::Header {
                    self.section = Some(Section::Attendance(participants::plain_heading()));
                }
                return;
            }
            if let Some(header) = &self.line_columns {
                let row = vec![header.clone(), cells];
                if let Some(ps) = participants::column_table(&row)
                    && !ps.is_empty()
                {
                    self.mark_recorded(|l| l.attendance = true);
                    self.participants.extend(ps);
                    return;
                }
            }
        }
        self.line_columns = None;
        // "Uppgift⇥Ansvarig⇥Klart" / "Boka lokal⇥Bo⇥1 april": a task table
        // given as lines with tabs; each row one task of the item.
        if text.contains('\t') && self.section() == Section::Agenda {
            let cells: Vec<String> = text.split('\t').map(|c| c.trim().to_string()).collect();
            if let Some(columns) = task_columns(&cells) {
                self.task_line_columns = Some(columns);
                return;
            }
            if let Some(columns) = self.task_line_columns
                && let Some(item) = self.items.last_mut()
                && let Some(u) = task_row_unit(
                    |i| cells.get(i).filter(|t| !t.is_empty()).cloned(),
                    columns,
                    bi,
                    span,
                )
            {
                item.units.push(u);
                return;
            }
        }
        // "Ny tidplan från" / "entreprenören": a task cell wrapped onto the
        // next line of a flattened task table goes on in lower case; the
        // table goes on after it.
        if self.task_line_columns.is_some()
            && !text.contains('\t')
            && starts_lower(&text)
            && text.chars().count() <= 60
            && let Some(u) = self
                .items
                .last_mut()
                .and_then(|i| i.units.last_mut())
                .filter(|u| u.task.is_some())
        {
            u.text = format!("{} {}", u.text, text.trim());
            return;
        }
        self.task_line_columns = None;
        // "Nästkommande möten", "Nästa möte Torsdag 27 januari 12:15": a
        // heading (short, or styled as one), not a sentence about the next
        // meeting, which is read as a line of the list.
        let heading_like = matches!(p.role, Role::Heading(_) | Role::Title)
            || is_bold(p)
            || text.trim().chars().count() <= 40;
        // "Mötesdatum: 2024-02-01" above the first item is the meeting's
        // own date, not a list of coming ones.
        let header_field = self.items.is_empty()
            && self.section() == Section::Header
            && meeting::dated_header_field(&text);
        // "Nästa möte 12/3." among an item's plain lines: the date is a
        // coming meeting, and the item's text goes on below it.
        let dated_line_in_item = self.section() == Section::Agenda
            && !self.title_pending
            && p.role == Role::Body
            && !is_bold(p)
            && next_meetings_heading(&text)
            && find_dates(&text, &DateContext::default())
                .iter()
                .any(|d| d.range.start < 60);
        if dated_line_in_item {
            self.next_lines.push((text.trim().to_string(), false));
            self.push_unit(p, UnitKind::Paragraph, bi, span);
            return;
        }
        if heading_like && next_meetings_heading(&text) && !header_field {
            self.mark_recorded(|l| l.next_meetings = true);
            // Among the minutes' titled sections, "Nästa möte" is an item
            // too; its dates still go to the coming meetings.
            if !self.items.is_empty() && (matches!(p.role, Role::Heading(_)) || is_bold(p)) {
                self.try_start_item(p, &text, bi, span);
            }
            // "§ 10" / "Nästa möte": the heading is the title the item waits
            // for.
            if self.title_pending
                && self.section() == Section::Agenda
                && let Some(item) = self.items.last_mut()
                && item.title.is_empty()
            {
                item.title = clean_title(text.trim());
            }
            self.section = Some(Section::NextMeetings);
            self.title_pending = false;
            self.next_heading_year = find_year(&text);
            // "Nästa möte 9-12 måndag den 14:e": a day without month is
            // resolved later, against the meeting date.
            if find_dates(&text, &DateContext::default())
                .iter()
                .any(|d| d.range.start < 60)
                || DAY_OF_MONTH.is_match(&text)
            {
                self.next_lines.push((text.trim().to_string(), false));
            }
            return;
        }
        // "Kommande möten: 12 oktober, 9 november och 7 december." in an
        // item's text: its dates are the coming meetings, and the line
        // stays the item's text.
        // After other sentences too ("Inget. Kommande möten: …"): the
        // label opens the last sentence before the colon.
        if self.section() == Section::Agenda
            && !heading_like
            && let Some((head, rest)) = text.split_once(':')
            && let label_at = head.rfind(". ").map_or(0, |i| i + 2)
            && next_meetings_heading(&head[label_at..])
            && find_dates(rest, &DateContext::default())
                .iter()
                .any(|d| d.date.is_some() || d.range.start < 20)
        {
            self.next_lines
                .push((text[label_at..].trim().to_string(), false));
        }
        if next_meetings_heading(&text) && self.section() == Section::NextMeetings {
            self.next_lines.push((text.trim().to_string(), false));
            return;
        }
        // In an attendance list, "Punkt 3: Anna Berg" names an item's
        // guests; it starts no item.
        let guests = matches!(self.section(), Section::Attendance(_))
            && participants::item_guests_line(&text);
        // "Röstlängd" / "1. Anna Berg" / "2. Bo Ek": a numbered list of
        // people is the list, not items.
        if let Section::Attendance(h) = self.section()
            && !self.attendance_inline
            && !guests
            && let Some(n) = parse_number(&text)
            && n.parent.is_none()
        {
            let name = text.get(n.rest..).unwrap_or("").trim();
            // "2. Bo Ek, kassör", "3. Cecilia Lund (S)": a name, then what
            // describes the person.
            let head = name.split([',', '(', '\t']).next().unwrap_or("").trim();
            if participants::is_name(head) && self.attendance_text(name, is_struck(p), h) {
                return;
            }
        }
        if !guests && self.try_start_item(p, &text, bi, span) {
            return;
        }
        match self.section() {
            Section::Attendance(h) => {
                // "Berg, Anna" on a line of its own: one person, surname
                // first, kept as written.
                if let Some(person) = participants::surname_first(
                    &text,
                    is_struck(p),
                    &lexicon::ATTENDANCE_HEADINGS[h],
                    self.surnames_first(),
                ) {
                    self.participants.push(person);
                    return;
                }
                if !self.attendance_text(&text, is_struck(p), h) {
                    self.leave_attendance();
                    self.paragraph(p, bi, span);
                }
            }
            Section::NextMeetings => self.next_lines.push((text, false)),
            Section::Header => {
                if self.items.is_empty() {
                    let group_label_before = self.group_label_before.take();
                    // "Ordförande: Hanna Lund" above the attendance list.
                    if let Some(person) = participants::header_role_line(&text) {
                        self.participants.push(person);
                        return;
                    }
                    // "Ordförande Ulf Henricson, Sekreterare Lars Karlsson,
                    // Kassör Roger Björkelöv.": posts and names in a row.
                    let posts = participants::posts_with_names(&text);
                    if !posts.is_empty() {
                        self.participants.extend(posts);
                        return;
                    }
                    // "Åk 1: Ciara, Elias & Talia": people listed by group.
                    let label_word = text.split_whitespace().next().unwrap_or_default();
                    let in_a_run = group_label_before.as_deref() == Some(label_word);
                    let grouped = participants::group_label_list(&text, in_a_run);
                    if !grouped.is_empty() {
                        self.group_label_before = Some(label_word.to_string());
                        self.participants.extend(grouped);
                        return;
                    }
                    self.header.push(p, &text);
                }
            }
            Section::Agenda => {
                if self.title_pending
                    && let Some(item) = self.items.last_mut()
                {
                    // "§ 24" / "Ärendenummer BUN-2025-00012" / "Skolplan":
                    // the case number comes between the § and its title.
                    if CASE_NUMBER.is_match(text.trim()) {
                        item.add_heading_rest(text.trim(), Vec::new(), bi, span);
                        return;
                    }
                    // A page header between the § and its title ("Protokoll
                    // nr 9", "Sammanträdesdatum: 2023-10-12") is not the title.
                    if page_header_line(text.trim()) {
                        return;
                    }
                    let (title, rest, atts) = split_title(p, 0);
                    item.title = title;
                    item.add_heading_rest(&rest, atts, bi, span);
                    // "6." / "Nästa möte: Mötet är bestämt till den 13
                    // januari": the title line read as a numbered one is.
                    if rest.is_empty()
                        && let Some((head, said)) = headless_reading(p, 0)
                    {
                        if let Some(head) = head {
                            item.title = head;
                        }
                        item.units
                            .push(unit(&said, UnitKind::Paragraph, false, bi, span));
                    }
                    self.title_pending = false;
                    self.title_tail = rest.is_empty().then(|| {
                        (
                            self.items.len() - 1,
                            self.items.last().map_or(0, |i| i.units.len()),
                        )
                    });
                    return;
                }
                self.push_unit(p, UnitKind::Paragraph, bi, span);
            }
        }
    }

    fn leave_attendance(&mut self) {
        // The line that ended the list is not part of it.
        self.mark_recorded(|l| l.attendance = false);
        self.section = Some(if self.items.is_empty() {
            Section::Header
        } else {
            Section::Agenda
        });
    }

    fn list_entry(&mut self, p: &Paragraph, level: u8, bi: usize, span: Span) {
        let text = para_text(p);
        if TOC_LINE.is_match(text.trim_end()) {
            return;
        }
        if self.record {
            self.record_line(p, &text, Some(level));
        }
        if self
            .plan
            .as_ref()
            .is_some_and(|plan| plan.contains_key(&self.cur))
        {
            self.try_start_item(p, &text, bi, span);
            return;
        }
        match self.section() {
            Section::Attendance(h) => {
                // "- Gäster: Cilla Ny", "- Styrelsen" over its members: an
                // entry that heads the people after it.
                if let Some((h2, rest)) = participants::attendance_heading(&text) {
                    // "- Sekreterare: Bo Ek": a role's one person; the
                    // entries after are the list's again.
                    self.attendance_entry(p, h2, &rest, Section::Attendance(h));
                    return;
                }
                let bare = text.trim().trim_end_matches(':').to_lowercase();
                if lexicon::BODY_LABELS_BEFORE_NAMES.contains(&bare.as_str()) {
                    return;
                }
                if !self.attendance_text(&text, is_struck(p), h) {
                    self.leave_attendance();
                    self.list_entry(p, level, bi, span);
                }
            }
            Section::NextMeetings => self.next_lines.push((text, true)),
            Section::Header => {
                // "- Ordförande: Lena Berg" / "- Närvarande: Anna Ek, Bo
                // Holm": the header's fields written as a list.
                if let Some((h, rest)) = participants::attendance_heading(&text)
                    && !rest.trim().is_empty()
                {
                    // A role's one person: the header goes on.
                    self.attendance_entry(p, h, &rest, Section::Header);
                    return;
                }
                // "- Ordförande: Lena Berg" first: a post of the header,
                // as the same line is outside a list.
                if self.items.is_empty()
                    && let Some(person) = participants::header_role_line(&text)
                {
                    self.mark_recorded(|l| l.attendance = true);
                    self.participants.push(person);
                    return;
                }
                if p.label.is_some() {
                    self.try_start_item(p, &text, bi, span);
                }
            }
            Section::Agenda => {
                if !self.try_start_item(p, &text, bi, span) {
                    self.push_unit(p, UnitKind::ListItem, bi, span);
                }
            }
        }
    }

    /// A list entry that heads people ("- Gäster: Cilla Ny", "- Närvarande:
    /// Anna Ek, Bo Holm"), in the header or an attendance list: they are
    /// read under it. A role's one person ("- Sekreterare: Bo Ek") leaves
    /// the section as `back_to`.
    fn attendance_entry(&mut self, p: &Paragraph, h: usize, rest: &str, back_to: Section) {
        self.mark_recorded(|l| l.attendance = true);
        self.open_attendance(h);
        if !rest.is_empty() {
            self.attendance_text(rest, is_struck(p), h);
            if lexicon::ATTENDANCE_HEADINGS
                .get(h)
                .is_some_and(|heading| heading.role.is_some())
            {
                self.section = Some(back_to);
            }
        }
    }

    fn other_block(&mut self, b: &Block, bi: usize) {
        for p in b.paragraphs() {
            if self.section() == Section::Agenda {
                self.push_unit(p, UnitKind::Paragraph, bi, b.span);
            }
        }
    }

    /// Add a paragraph to the current item as a unit, with its links.
    fn push_unit(&mut self, p: &Paragraph, kind: UnitKind, bi: usize, span: Span) {
        if let Some((index, from)) = self.title_tail.take()
            && index + 1 == self.items.len()
            && let Some(item) = self.items.last_mut()
        {
            if layout::section_heading(&para_text(p), lexicon::CASE_SECTION_HEADINGS) {
                fold_wrapped_title(item, from);
            } else if item.units.len() <= from + 3 && kind == UnitKind::Paragraph {
                self.title_tail = Some((index, from));
            }
        }
        let Some(item) = self.items.last_mut() else {
            return;
        };
        let segs: Vec<(String, Style, Option<String>)> = p
            .runs
            .iter()
            .map(|r| (r.text.clone(), r.style, r.link.clone()))
            .collect();
        item.attachments.extend(links_of(&segs));
        let text = para_text(p);
        item.attachments.extend(text_attachments(&text));
        for line in text.split('\n') {
            if line.trim().is_empty() {
                continue;
            }
            // A sentence cut by a page or column break goes on in lower case:
            // join it to the unit it continues.
            // So does a wrapped line that starts with a date or an amount
            // ("… upprättad" / "2023-09-29, antas.") after a long line.
            let wrapped_number = |last: &Unit| {
                line.trim_start().starts_with(|c: char| c.is_ascii_digit())
                    && parse_number(line).is_none()
                    && last.text.chars().count() >= 40
            };
            // "Styrelsen beslutade" / "- att festen hålls 14 juni," / "- att
            // budgeten blir 5 000 kr": the clauses of one decision.
            if line.trim_start().starts_with("att ")
                && let Some(last) = item.units.last_mut()
                && awaits_att_clauses(&last.text)
            {
                last.text = format!("{} {}", last.text, line.trim());
                continue;
            }
            if kind == UnitKind::Paragraph
                && let Some(last) = item.units.last_mut()
                && (starts_lower(line) || wrapped_number(last))
                && last.kind == UnitKind::Paragraph
                && !last.bold
                && !ends_sentence(&last.text)
            {
                last.text = format!("{} {}", last.text, line.trim());
                continue;
            }
            item.units.push(unit(line, kind, is_bold(p), bi, span));
        }
    }

    /// Does this paragraph start a new item? If so, start it.
    fn try_start_item(&mut self, p: &Paragraph, text: &str, bi: usize, span: Span) -> bool {
        if let Some(plan) = &self.plan {
            return match plan.get(&self.cur).cloned() {
                Some(start) => {
                    self.start_planned(p, text, start, bi, span);
                    true
                }
                None => false,
            };
        }
        let Some(n) = parse_number(text) else {
            return self.try_unnumbered_heading(p, text, bi, span);
        };
        let rest = text[n.rest.min(text.len())..].trim();
        // "a) Göteborgs Stad ska teckna avtal med …": lettered statements
        // inside a decision are its content, not sub-items.
        // A sub-point with a head of its own ("b) Kassör: Ella meddelar att
        // …") is one, however long.
        // A letter that follows sub-points already taken as items ("a.)
        // Utbilda domare", "b.) Informationstavla", "c.) Plats för …") is
        // one of them, however long.
        // (Not a list of statements whose first were short: "a) Staden
        // tecknar avtal." / "b) … ;" are a decision's content.)
        let continues_sub_points = n
            .letter
            .zip(self.last_letter)
            .is_some_and(|(l, prev)| l as u32 == prev as u32 + 1)
            && self.items.last().is_some_and(|i| {
                i.parent.is_some() && !i.title.trim_end().ends_with(['.', ';', ':'])
            })
            && !rest.trim_end().ends_with(';');
        // A title is short; a numbered sentence in the notes is not an item,
        // but a point whose short head closes with a full stop or a colon
        // ("§ 5 Slåtter och höstarbete. Slåttern blev försenad …") is, and
        // so is the next of the sub-points taken.
        let long =
            rest.chars().count() > 150 && !(rest.chars().count() <= 600 && short_headed(rest));
        if (long && !continues_sub_points) || p.role == Role::Body && rest.ends_with(['!', '?']) {
            return false;
        }
        // "2a. Då Göran ej är närvarande, valdes Christina till sekr.": a
        // letter under the number it names is a point however long.
        if n.letter.is_some()
            && n.parent.is_none()
            && !continues_sub_points
            && (rest.chars().count() > 80
                || rest.ends_with(['.', ';']) && rest.split_whitespace().count() > 8)
            && !(rest.chars().count() <= 600 && short_headed(rest))
        {
            return false;
        }
        let skip = match &p.label {
            Some(l) => n.rest.saturating_sub(l.len() + 1),
            None => n.rest,
        };
        if !self.accept_number(&n) {
            return false;
        }
        let mut n = n;
        if let Some(letter) = n.letter
            && n.parent.is_none()
        {
            let parent = self.last_top.map(|t| t.to_string()).unwrap_or_default();
            n.number = format!("{parent}{letter}");
            n.parent = Some(parent);
        }
        self.open_item(
            p,
            skip,
            Some(n.number.clone()),
            n.parent.clone(),
            n.time,
            bi,
            span,
        );
        true
    }

    /// Start an item at a heading line: its title, what else stands on the
    /// line, and whether the title is still to come on the next line.
    #[allow(clippy::too_many_arguments)]
    fn open_item(
        &mut self,
        p: &Paragraph,
        skip: usize,
        number: Option<String>,
        parent: Option<String>,
        time: Option<TimeSpan>,
        bi: usize,
        span: Span,
    ) {
        let (mut title, mut rest, atts) = split_title(p, skip);
        let mut said = String::new();
        // "§ 127 Ärendenummer SLK-2025-00041": the case number, then the
        // title on the next line.
        if let Some(c) = CASE_THEN_TITLE.captures(&title) {
            // "§ 45 Dnr KS 2024/0112 Val av justerare": the case number,
            // then the title on the same line.
            let case = c.get(1).map_or("", |m| m.as_str()).trim().to_string();
            title = c.get(2).map_or("", |m| m.as_str()).trim().to_string();
            rest = format!("{case} {rest}").trim().to_string();
        } else if CASE_NUMBER.is_match(&title) {
            rest = format!("{title} {rest}").trim().to_string();
            title = String::new();
        } else if rest.is_empty()
            && let Some((head, text)) = headless_reading(p, skip)
        {
            if let Some(head) = head {
                title = head;
            }
            said = text;
        } else if rest.is_empty() && self.said_by_a_participant(p, skip) {
            // "6. Henry köper in saft och kakor till besökare.": a sentence
            // about someone present is read, not a heading.
            said = p.text().get(skip..).unwrap_or_default().trim().to_string();
        }
        self.start_item(number, parent, time, title, bi, span);
        self.title_pending = self.items.last().is_some_and(|i| i.title.is_empty());
        if let Some(item) = self.items.last_mut() {
            item.add_heading_rest(&rest, atts, bi, span);
            if !said.is_empty() {
                item.units
                    .push(unit(&said, UnitKind::Paragraph, false, bi, span));
            }
        }
    }

    /// A numbered line (from `skip` on) that is a sentence whose subject is
    /// someone of the attendance list, by full or first name, with a verb
    /// after it ("Henry köper in saft och kakor.").
    fn said_by_a_participant(&self, p: &Paragraph, skip: usize) -> bool {
        if p.role != Role::Body || is_bold(p) {
            return false;
        }
        let whole = p.text();
        let t = whole.get(skip..).unwrap_or_default().trim();
        if !t.ends_with(['.', '!']) || t.split_whitespace().count() < 4 {
            return false;
        }
        self.participants.iter().any(|person| {
            let first = person.name.split_whitespace().next().unwrap_or("");
            [person.name.as_str(), first].iter().any(|n| {
                !n.is_empty()
                    && t.strip_prefix(n)
                        .and_then(|r| r.strip_prefix(' '))
                        .is_some_and(|r| r.starts_with(char::is_lowercase))
            })
        })
    }

    /// Sequence checks that keep a wrapped "2024." or a numbered list in the
    /// notes from becoming an item.
    fn accept_number(&mut self, n: &Numbered) -> bool {
        if let Some(letter) = n.letter {
            let expected = match self.last_letter {
                Some(l) => (l as u8 + 1) as char,
                None => 'a',
            };
            // "2a." names its parent: it must be the last number.
            let parent_ok = n.parent.is_none() || self.last_top == Some(n.top);
            if self.last_top.is_some() && parent_ok && letter == expected {
                self.last_letter = Some(letter);
                return true;
            }
            return false;
        }
        if let (Some(sub), Some(ss)) = (n.sub, n.subsub) {
            // "9.1.5" under 9.1: the third level follows its parent.
            let ok_parent = self.last_top == Some(n.top)
                && self.last_sub.is_some_and(|(t, s)| t == n.top && s == sub);
            let ok_seq = match self.last_subsub {
                Some((t, s, x)) if t == n.top && s == sub => ss > x && ss <= x + 2,
                _ => ss <= 2,
            };
            if ok_parent && ok_seq {
                self.last_subsub = Some((n.top, sub, ss));
                return true;
            }
            return false;
        }
        if let Some(sub) = n.sub {
            let ok_parent = self.last_top == Some(n.top);
            let ok_seq = match self.last_sub {
                Some((t, s)) if t == n.top => sub > s && sub <= s + 2,
                _ => sub <= 2,
            };
            if ok_parent && ok_seq {
                self.last_sub = Some((n.top, sub));
                return true;
            }
            return false;
        }
        // Minutes number their items one way: once items are "§ 4", a
        // numbered list inside an item ("5. …") is content, and the other
        // way round.
        if !n.switches_to_paragraph_sign(self.sign_scheme, self.last_top)
            && self
                .sign_scheme
                .is_some_and(|sign| sign != n.paragraph_sign)
        {
            return false;
        }
        let ok = match self.last_top {
            None => n.paragraph_sign || n.top <= 3,
            Some(l) => n.top > l && n.top <= l + if n.paragraph_sign { 10 } else { 3 },
        };
        if ok {
            self.last_top = Some(n.until.unwrap_or(n.top));
            self.last_letter = None;
            self.sign_scheme = Some(n.paragraph_sign);
        }
        ok
    }

    /// Headings without numbers are items only in documents that number
    /// none (a second pass sets `unnumbered`): markdown sections, bold
    /// one-line headings ("Mötets öppnande").
    fn try_unnumbered_heading(&mut self, p: &Paragraph, text: &str, bi: usize, span: Span) -> bool {
        if !self.unnumbered {
            return false;
        }
        let t = text.trim();
        let heading = match p.role {
            Role::Heading(level) => level >= 2 || self.seen_title,
            Role::Title => false,
            Role::Body => is_bold(p) && t.chars().count() <= 80 && !t.ends_with(['.', ',']),
        };
        if matches!(p.role, Role::Heading(1) | Role::Title) {
            self.seen_title = true;
        }
        if !heading || !t.chars().any(char::is_alphabetic) {
            return false;
        }
        // A heading that is only a date belongs to the header.
        let date_only = find_dates(t, &DateContext::default())
            .first()
            .is_some_and(|d| {
                t[..d.range.start].trim().is_empty() && t[d.range.end..].trim().chars().count() < 3
            });
        // "### Beslut", "### Förslag" below a case's "## Val av justerare":
        // the parts of one case, as the heading outline reads them (a
        // "## Beslut" beside "## Sedan sist" is a section of its own).
        let case_part = matches!((p.role, self.item_heading_level),
            (Role::Heading(l), Some(item)) if l > item)
            && layout::section_heading(t, lexicon::CASE_SECTION_HEADINGS);
        if date_only || (self.items.is_empty() && header_heading_is_body(t)) || case_part {
            return false;
        }
        if let Role::Heading(l) = p.role {
            self.item_heading_level = Some(l);
        }
        let (title, rest, atts) = split_title(p, 0);
        self.start_item(None, None, None, title, bi, span);
        if let Some(item) = self.items.last_mut() {
            item.add_heading_rest(&rest, atts, bi, span);
        }
        true
    }

    /// Start the item a layout scheme planned at this line.
    fn start_planned(&mut self, p: &Paragraph, text: &str, s: PlannedStart, bi: usize, span: Span) {
        let skip = match &p.label {
            Some(l) => s.skip.saturating_sub(l.len() + 1),
            None => s.skip,
        };
        match s.cut {
            TitleCut::Heading => {
                let time = parse_number(text).and_then(|n| n.time);
                self.open_item(p, skip, s.number, s.parent, time, bi, span);
            }
            TitleCut::SentenceThenRest | TitleCut::TopicThenRest | TitleCut::HeadingThenRest => {
                let topic = s.cut == TitleCut::TopicThenRest;
                let line = text.get(s.skip..).unwrap_or(text).trim();
                // A statutory heading run together with its outcome: the
                // outcome after it.
                let after_heading = (s.cut == TitleCut::HeadingThenRest)
                    .then(|| line.strip_prefix(s.title.as_str()))
                    .flatten();
                self.start_item(s.number, s.parent, None, s.title, bi, span);
                self.title_pending = false;
                let rest = if topic {
                    layout::topic_split(line).map_or("", |(_, r)| r).trim()
                } else if let Some(after) = after_heading {
                    after.trim()
                } else {
                    let first = layout::first_sentence(line);
                    line.get(first.len()..).unwrap_or_default().trim()
                };
                let segs: Vec<(String, Style, Option<String>)> = p
                    .runs
                    .iter()
                    .map(|r| (r.text.clone(), r.style, r.link.clone()))
                    .collect();
                if let Some(item) = self.items.last_mut() {
                    item.add_heading_rest(rest, links_of(&segs), bi, span);
                }
            }
            TitleCut::FirstSentence => {
                // "7. Verksamhetsberättelsen gicks igenom och lades till
                // handlingarna.": the first sentence is the title, and the
                // whole paragraph stays the item's text for the rules.
                self.start_item(s.number, s.parent, None, s.title, bi, span);
                self.title_pending = false;
                let whole = text.get(s.skip..).unwrap_or(text).trim();
                let segs: Vec<(String, Style, Option<String>)> = p
                    .runs
                    .iter()
                    .map(|r| (r.text.clone(), r.style, r.link.clone()))
                    .collect();
                if let Some(item) = self.items.last_mut() {
                    item.attachments.extend(links_of(&segs));
                    if !whole.is_empty() {
                        item.units
                            .push(unit(whole, UnitKind::Paragraph, false, bi, span));
                    }
                }
            }
        }
    }

    /// Record a line of the outline. Whether it opens an attendance list or
    /// the coming meetings is marked by the branch that finds out
    /// ([`Finder::mark_recorded`]), so no line is classified twice.
    fn record_line(&mut self, p: &Paragraph, text: &str, list_level: Option<u8>) {
        // A line read again after leaving an attendance list is one line.
        if self.outline.last().is_some_and(|l| l.key == self.cur) {
            return;
        }
        self.outline.push(OutlineLine {
            key: self.cur,
            text: text.to_string(),
            role: p.role,
            bold: is_bold(p),
            list_level,
            number: parse_number(text),
            attendance: matches!(self.section(), Section::Attendance(_)),
            next_meetings: false,
        });
    }

    /// Mark the line just recorded (when this walk records one).
    fn mark_recorded(&mut self, mark: impl FnOnce(&mut OutlineLine)) {
        if self.record
            && let Some(l) = self.outline.last_mut()
            && l.key == self.cur
        {
            mark(l);
        }
    }

    /// This walk's items as a layout proposal.
    fn proposal(&self) -> Proposal {
        Proposal {
            scheme: if self.unnumbered {
                Scheme::Headings
            } else {
                Scheme::Numbered
            },
            starts: self
                .items
                .iter()
                .zip(&self.item_keys)
                .map(|(item, key)| PlannedStart {
                    key: *key,
                    number: item.number.clone(),
                    parent: item.parent.clone(),
                    skip: 0,
                    cut: TitleCut::Heading,
                    title: item.title.clone(),
                })
                .collect(),
        }
    }

    fn start_item(
        &mut self,
        number: Option<String>,
        parent: Option<String>,
        time: Option<TimeSpan>,
        title: String,
        bi: usize,
        span: Span,
    ) {
        self.section = Some(Section::Agenda);
        // The line that starts an item ends an attendance list before it:
        // it was recorded while the list was open.
        self.mark_recorded(|l| l.attendance = false);
        self.item_keys.push(self.cur);
        let id = format!("item-{}", self.items.len() + 1);
        self.items.push(AgendaItem {
            id,
            number,
            title,
            parent,
            time,
            units: Vec::new(),
            attachments: Vec::new(),
            responsible: None,
            due: None,
            span: ItemSpan {
                page: span.page,
                block: bi,
                line: span.line,
                start: span.start,
                end: span.end,
            },
        });
    }

    /// Parse an attendance line; false when it is not one.
    /// Open the attendance list under heading `h` (an index of
    /// [`lexicon::ATTENDANCE_HEADINGS`]), noting whether it says who was
    /// there.
    fn open_attendance(&mut self, h: usize) {
        self.section = Some(Section::Attendance(h));
        self.presence_recorded |= lexicon::ATTENDANCE_HEADINGS.get(h).is_some_and(|heading| {
            lexicon::PRESENCE_HEADING_LEADS
                .iter()
                .any(|l| heading.text.starts_with(l))
        });
    }

    fn attendance_text(&mut self, text: &str, struck: bool, heading: usize) -> bool {
        let text = &*participants::list_separators_as_commas(text);
        // "ANNA BERG, BO EK": a list typed in capitals reads as names do;
        // the names keep the capitals they were written in.
        if let Some(titled) = participants::capitals_list(text) {
            let before = self.participants.len();
            let read = self.attendance_records(&titled, struck, heading);
            if let Some(read_now) = self.participants.get_mut(before..) {
                participants::names_as_written(read_now, text);
            }
            return read;
        }
        self.attendance_records(text, struck, heading)
    }

    /// The people of a roster run into a long paragraph of a form's page
    /// ([`participants::flattened_roster`]) under one of its attendance
    /// labels ("Närvarande", "Beslutande", "Övriga deltagande").
    fn roster_in_page(&mut self, text: &str) {
        if text.len() < 150 {
            return;
        }
        let Some(h) = text
            .split_whitespace()
            .take(200)
            .find_map(|w| participants::attendance_heading(w).map(|(h, _)| h))
        else {
            return;
        };
        let Some(records) = participants::flattened_roster(text) else {
            return;
        };
        let heading = &lexicon::ATTENDANCE_HEADINGS[h];
        let people: Option<Vec<Vec<Participant>>> = records
            .iter()
            .map(|r| participants::parse_line(r, false, heading))
            .collect();
        if let Some(people) = people {
            self.participants.extend(people.into_iter().flatten());
        }
    }

    /// Whether the people read so far are written surname first ("Berg,
    /// Anna"), as a list of first names ("Anna, Bo") never is.
    fn surnames_first(&self) -> bool {
        self.participants.iter().any(|p| p.name.contains(", "))
    }

    /// The people one attendance line lists, under `heading`.
    fn attendance_records(&mut self, text: &str, struck: bool, heading: usize) -> bool {
        // "Percy Olausson, Lena Svensson. Inbjuden: Christina Ekström
        // Karlsson.": a second list on the line, under its own heading.
        if let (value, Some(next)) = participants::second_heading(text)
            && let Some((h2, rest2)) = participants::attendance_heading(next)
        {
            let first = value.trim().is_empty() || self.attendance_text(value, struck, heading);
            self.open_attendance(h2);
            let second = self.attendance_text(rest2.trim_end_matches('.'), struck, h2);
            return first || second;
        }
        // "Anna Berg Bo Ek Förhindrade Dan Öst": the next list's heading
        // inside the line, its colon lost.
        if let Some((at, h2, names_at)) = participants::heading_inside(text) {
            let first = self.attendance_text(&text[..at], struck, heading);
            self.open_attendance(h2);
            let second = self.attendance_text(&text[names_at..], struck, h2);
            return first || second;
        }
        if lexicon::ATTENDANCE_HEADINGS[heading].attendance == "present"
            && participants::speaks_of_everyone(text)
        {
            self.everyone_present = true;
        }
        // A list is a line, not a document: a long text is left whole.
        if !self.attendance_sentences && text.len() <= 4_000 {
            let ends = participants::sentence_ends(text);
            if !ends.is_empty() && self.list_before_a_sentence(text, &ends, struck, heading) {
                return true;
            }
        }
        let h = &lexicon::ATTENDANCE_HEADINGS[heading];
        // "Tomas Berglund" / "Region Jämtland Härjedalen": an organisation
        // on the line after a person is theirs, though it reads as a name.
        if !text.contains([',', '\t', '(', ':'])
            && meeting::organisation_named(text.trim())
            && let Some(last) = self.participants.last_mut()
            && participants::post_line(last, text, h)
        {
            return true;
        }
        let records = participants::split_records(text);
        let mut all = Vec::new();
        for r in &records {
            match participants::parse_line(r, struck, h) {
                Some(ps) => all.extend(ps),
                None if records.len() == 1 => {
                    // "Anmält förhinder: Marie" after "Närvarande: Inga,
                    // Jonny, …": one first name, in minutes that name people
                    // by first names.
                    let by_first_names = self
                        .participants
                        .iter()
                        .filter(|p| !p.name.contains(' '))
                        .count()
                        >= 2;
                    if by_first_names && let Some(p) = participants::lone_first_name(r, struck, h) {
                        self.participants.push(p);
                        return true;
                    }
                    // "Anna Berg" / "Ordförande" (or "ordförande"): a
                    // flattened table gives each person's post on the line
                    // after.
                    // "Anna Berg" / "Skatteverket" / "Bo Ek" / "Digg": in
                    // the rhythm of a flattened table of names and their
                    // organisations, a short capitalised line that is no
                    // name is the last person's organisation, known to the
                    // lexicon or not.
                    let rhythm = self.participants.len() >= 2
                        && self
                            .participants
                            .get(self.participants.len() - 2)
                            .is_some_and(|p| p.affiliation.is_some());
                    let Some(last) = self.participants.last_mut() else {
                        return false;
                    };
                    if participants::post_line(last, text, h) {
                        return true;
                    }
                    if rhythm && participants::affiliation_in_rhythm(last, text) {
                        return true;
                    }
                    // A wrapped cell ("… avviker" / "14:00") continues the
                    // last person's line.
                    if participants::is_continuation(text) {
                        participants::continue_note(last, text);
                        return true;
                    }
                    return false;
                }
                None => return false,
            }
        }
        if self.attendance_remote {
            for p in all.iter_mut().filter(|p| p.attendance != "absent") {
                p.remote = true;
            }
        }
        self.participants.extend(all);
        true
    }

    /// "Anna Berg, Bo Ek, Cilla Ny. Dessutom deltog Dan Ås som adjungerad.",
    /// "Anna Berg ordf. Bo Ek sekr. Cilla Ny": a list closed by a full stop,
    /// then more. The first stretch up to a sentence's end whose records
    /// are all people (or a body's name over them: "Styrelsen.") is read;
    /// what follows is read again on its own: more people, a second list
    /// under its heading ("Frånvarande Cilla Ny"), or prose left alone.
    fn list_before_a_sentence(
        &mut self,
        text: &str,
        ends: &[usize],
        struck: bool,
        heading: usize,
    ) -> bool {
        let h = &lexicon::ATTENDANCE_HEADINGS[heading];
        // The list ends at one of the first few stops (`ends`, from
        // [`participants::sentence_ends`]), or this is no list closed by a
        // stop: each try parses the stretch before it again.
        for &end in ends.iter().take(4) {
            let (list, rest) = text.split_at(end);
            let body_label =
                lexicon::BODY_LABELS_BEFORE_NAMES.contains(&list.trim().to_lowercase().as_str());
            let people: Option<Vec<_>> = if body_label {
                Some(Vec::new())
            } else {
                participants::split_records(list)
                    .iter()
                    .map(|r| participants::parse_line(r, struck, h))
                    .collect::<Option<Vec<_>>>()
                    .filter(|p| !p.is_empty())
            };
            let Some(people) = people else {
                continue;
            };
            self.participants.extend(people.into_iter().flatten());
            let rest = rest.trim_start_matches('.').trim();
            // One word after the stop ("leg. Sjuksköterska") describes the
            // last person; it names no one.
            if !rest.contains(' ') {
                return true;
            }
            // Each sentence after the list on its own: "Lars Moberg hade
            // meddelat förhinder. Petra Kvist var adjungerad."
            let mut heading = heading;
            self.attendance_sentences = true;
            for sentence in participants::attendance_sentences(rest) {
                match participants::attendance_heading(sentence) {
                    Some((h2, value)) if !value.is_empty() => {
                        self.open_attendance(h2);
                        heading = h2;
                        self.attendance_text(value.trim_end_matches('.'), struck, h2);
                    }
                    _ => {
                        self.attendance_records(sentence, struck, heading);
                    }
                }
            }
            self.attendance_sentences = false;
            return true;
        }
        false
    }

    fn table(&mut self, rows: &[Row], bi: usize, span: Span) {
        let cols = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
        // The rest of an agenda table after a page break, its header and
        // numbers left on the page before (or, in a scan, lost by OCR):
        // the same columns, right after it.
        let continues_agenda = self
            .last_agenda_table
            .is_some_and(|(b, c)| c == cols && bi == b + 1);
        if continues_agenda {
            self.last_agenda_table = Some((bi, cols));
            self.agenda_table(rows, bi, span);
            return;
        }
        if is_agenda_table(rows) {
            self.agenda_table_seen = true;
            self.last_agenda_table = Some((bi, cols));
        }
        // "Närvarande | Organisation | Mötesroll": people by column (the
        // cells are read only when the first row names such columns).
        let header: Vec<String> = rows
            .first()
            .map(|r| r.cells.iter().map(|c| c.plain_text()).collect())
            .unwrap_or_default();
        let cells: Vec<Vec<(String, bool)>> = if !participants::is_column_header(&header) {
            Vec::new()
        } else {
            rows.iter()
                .map(|r| {
                    r.cells
                        .iter()
                        .map(|c| {
                            let struck = c
                                .blocks
                                .iter()
                                .any(|b| b.paragraphs().iter().any(|p| is_struck(p)));
                            (c.plain_text(), struck)
                        })
                        .collect()
                })
                .collect()
        };
        // "Deltagare | Närvarande | Frånvarande" over names and marks ("X"):
        // one table of people whose columns say who was there, not lists
        // side by side.
        let marks_beside_names = rows.len() >= 2
            && rows.iter().skip(1).all(|r| {
                r.cells.iter().skip(1).all(|c| {
                    let t = c.plain_text();
                    let t = t.trim();
                    t.chars().count() <= 3
                        || lexicon::NOT_PRESENT_MARKS.contains(&t.to_lowercase().as_str())
                })
            });
        if self.items.is_empty()
            && marks_beside_names
            && let Some(ps) = participants::column_table(&cells)
            && !ps.is_empty()
        {
            self.mark_recorded(|l| l.attendance = true);
            self.participants.extend(ps);
            return;
        }
        // "Ledamöter | Suppleanter | Övriga" over cells of people: lists
        // side by side, each column under its heading.
        if self.items.is_empty()
            && let Some(hs) = participants::column_headings(&header)
        {
            for row in rows.iter().skip(1) {
                for (cell, h) in row.cells.iter().zip(&hs) {
                    for block in &cell.blocks {
                        for p in block.paragraphs() {
                            for line in p.text().lines() {
                                if !line.trim().is_empty() {
                                    self.attendance_text(line, is_struck(p), *h);
                                }
                            }
                        }
                    }
                }
            }
            self.section = Some(Section::Attendance(hs[0]));
            return;
        }
        if let Some(ps) = participants::column_table(&cells) {
            self.participants.extend(ps);
            return;
        }
        if let Section::Attendance(h) = self.section()
            && !is_agenda_table(rows)
        {
            for row in rows {
                let cells: Vec<String> = row.cells.iter().map(|c| c.plain_text()).collect();
                let struck = row.cells.first().is_some_and(|c| {
                    c.blocks
                        .iter()
                        .any(|b| b.paragraphs().iter().any(|p| is_struck(p)))
                });
                let line = cells.join("\t");
                if !self.attendance_text(&line, struck, h) {
                    // A table that is not people ends the list.
                    self.leave_attendance();
                    break;
                }
            }
            if matches!(self.section(), Section::Attendance(_)) {
                return;
            }
        }
        if is_agenda_table(rows) {
            self.agenda_table(rows, bi, span);
            return;
        }
        // Before the agenda, a table is a header laid out in columns
        // ("Organ | Stadsstyrelsen", "Tid | 16:30"): read its rows as lines.
        // "Datum | Tid | Plats" over "2025-08-26 | 18.30 | Styrelserummet":
        // labels in a row of their own over their values; each value is read
        // as its labelled line.
        if self.section() == Section::Header
            && let Some(labels) = label_row(rows)
        {
            for (ri, row) in rows.iter().enumerate().skip(1) {
                self.cur.entry = ri as u32 + 1;
                for (ci, (label, cell)) in labels.iter().zip(&row.cells).enumerate() {
                    let value = cell.plain_text();
                    let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
                    if value.is_empty() {
                        continue;
                    }
                    self.cur.line = ci as u32;
                    let mut line = Paragraph::new(Role::Body);
                    line.push(&format!("{label}: {value}"), Style::NONE, None);
                    self.paragraph(&line, bi, span);
                }
                self.cur.line = 0;
            }
            return;
        }
        if self.section() == Section::Header {
            for (ri, row) in rows.iter().enumerate() {
                self.cur.entry = ri as u32 + 1;
                // "Närvarande | Anna Berg¶Bo Ek¶Cilla Ny": a label cell
                // over one person per paragraph of the next cells.
                if let Some(first) = row.cells.first()
                    && row.cells.len() >= 2
                    && participants::attendance_heading(&first.plain_text())
                        .is_some_and(|(_, rest)| rest.is_empty())
                    && row.cells[1..]
                        .iter()
                        .any(|c| c.blocks.iter().flat_map(|b| b.paragraphs()).count() >= 2)
                {
                    let label: Vec<&Paragraph> =
                        first.blocks.iter().flat_map(|b| b.paragraphs()).collect();
                    let people = row.cells[1..]
                        .iter()
                        .flat_map(|c| c.blocks.iter().flat_map(|b| b.paragraphs()));
                    for (li, q) in label.into_iter().chain(people).enumerate() {
                        self.cur.line = li as u32;
                        self.paragraph(q, bi, span);
                    }
                    self.cur.line = 0;
                    continue;
                }
                let mut line = Paragraph::new(Role::Body);
                for (ci, cell) in row.cells.iter().enumerate() {
                    if ci > 0 {
                        line.push("\t", Style::NONE, None);
                    }
                    for (pi, q) in cell.blocks.iter().flat_map(|b| b.paragraphs()).enumerate() {
                        if pi > 0 {
                            line.push(" ", Style::NONE, None);
                        }
                        for r in &q.runs {
                            line.push(&r.text, r.style, r.link.as_deref());
                        }
                    }
                }
                self.paragraph(&line, bi, span);
            }
            return;
        }
        // A decision table in an item ("Nr | Beslut | Ansvarig"): each
        // row's decision cell is a decision, labelled as the rules read a
        // "Beslut:" paragraph. (A task row is read only as an action, so
        // the owner column is not made a task.)
        if self.section() == Section::Agenda
            && let Some(decision) = decision_columns(&header)
        {
            for row in rows.iter().skip(1) {
                let Some(text) = row_cell_text(row, decision) else {
                    continue;
                };
                let span = row_cell_span(row, decision, span);
                if let Some(item) = self.items.last_mut() {
                    item.units.push(unit(
                        &format!("{}: {text}", lexicon::DECISION_LABEL),
                        UnitKind::Paragraph,
                        false,
                        bi,
                        span,
                    ));
                }
            }
            return;
        }
        // A task table in an item: each row one task, with its owner and
        // date from their columns.
        if self.section() == Section::Agenda
            && let Some(columns) = task_columns(&header)
        {
            for row in rows.iter().skip(1) {
                let span = row_cell_span(row, columns.0, span);
                if let Some(item) = self.items.last_mut()
                    && let Some(u) = task_row_unit(|i| row_cell_text(row, i), columns, bi, span)
                {
                    item.units.push(u);
                }
            }
            return;
        }
        // Any other table is content of the current item.
        if self.section() == Section::Agenda {
            for row in rows {
                for cell in &row.cells {
                    for b in &cell.blocks {
                        self.cell_block(b, bi);
                    }
                }
            }
        }
    }

    fn cell_block(&mut self, b: &Block, bi: usize) {
        match &b.kind {
            BlockKind::Paragraph(p) => {
                let text = para_text(p);
                if !self.try_start_sub_item(p, &text, bi, b.span) {
                    self.push_unit(p, UnitKind::Paragraph, bi, b.span);
                }
            }
            BlockKind::List(l) => {
                for item in &l.items {
                    for ib in &item.blocks {
                        if let BlockKind::Paragraph(p) = &ib.kind {
                            self.push_unit(p, UnitKind::ListItem, bi, ib.span);
                        } else {
                            self.cell_block(ib, bi);
                        }
                    }
                }
            }
            BlockKind::Table(t) => {
                for row in &t.rows {
                    for cell in &row.cells {
                        for cb in &cell.blocks {
                            self.cell_block(cb, bi);
                        }
                    }
                }
            }
            BlockKind::PageBreak => {}
        }
    }

    /// A "8.1. Title" paragraph inside item 8's notes starts a sub-item.
    fn try_start_sub_item(&mut self, p: &Paragraph, text: &str, bi: usize, span: Span) -> bool {
        match parse_number(text) {
            Some(n) if n.sub.is_some() && !n.paragraph_sign => {
                self.try_start_item(p, text, bi, span)
            }
            _ => false,
        }
    }

    fn agenda_table(&mut self, rows: &[Row], bi: usize, span: Span) {
        // "Ansvar", "Föredragande/Ansvar": the column naming who acts on
        // the row's matter (a presenter alone does not).
        let header = rows.first().filter(|r| {
            r.header
                || r.cells
                    .first()
                    .is_some_and(|c| is_agenda_header(&c.plain_text()))
        });
        let header_texts: Vec<String> = header
            .map(|r| r.cells.iter().map(|c| c.plain_text()).collect())
            .unwrap_or_default();
        let responsible_col = header.and_then(|r| {
            r.cells
                .iter()
                .position(|c| RESPONSIBLE_HEADER.is_match(c.plain_text().trim()))
                .or_else(|| column_named(&header_texts, lexicon::OWNER_COLUMNS))
        });
        let due_col = column_named(&header_texts, lexicon::ROW_DUE_COLUMNS);
        for (ri, row) in rows.iter().enumerate() {
            let Some(first) = row.cells.first() else {
                continue;
            };
            let first_text = first.plain_text();
            if ri == 0 && (is_agenda_header(&first_text) || header.is_some()) {
                continue;
            }
            let head = first.blocks.iter().find_map(|b| match &b.kind {
                BlockKind::Paragraph(p) if !p.is_blank() => Some(p),
                _ => None,
            });
            // A row split by a page break: no first cell, or a first cell
            // without a number while the notes go on in lower case.
            let notes_continue = row
                .cells
                .get(1)
                .and_then(|c| {
                    c.blocks
                        .iter()
                        .flat_map(|b| b.paragraphs())
                        .next()
                        .map(para_text)
                })
                .is_some_and(|t| starts_lower(&t));
            // …and a first cell that cannot be a title: a fragment in lower
            // case, or only a link (an attachment that ran over the break).
            let no_title = head.is_some_and(|p| {
                starts_lower(&para_text(p))
                    || p.runs
                        .iter()
                        .all(|r| r.link.is_some() || r.text.trim().is_empty())
                    // A scan has no link targets: a link is underlined text.
                    || (self.ocr
                        && p.runs.iter().all(|r| {
                            r.style.contains(Style::UNDERLINE) || r.text.trim().is_empty()
                        }))
            });
            let row_span = row
                .cells
                .iter()
                .flat_map(|c| c.blocks.iter())
                .next()
                .map(|b| b.span)
                .unwrap_or(span);
            // A scan's number column often comes back empty: Tesseract drops
            // a lone "5." in a ruled cell. A row whose notes open with a
            // title (not a sentence, not lower case: those continue the row
            // before across a page) is the next item, numbered on.
            let lost_number = head.is_none()
                && self.ocr
                && self.last_top.is_some()
                && row
                    .cells
                    .get(1)
                    .and_then(|c| c.blocks.iter().flat_map(|b| b.paragraphs()).next())
                    .is_some_and(|p| is_title_shaped(&para_text(p)));
            let continuation = !self.items.is_empty()
                && !lost_number
                && (head.is_none() || (notes_continue && no_title));
            if continuation {
                for cell in &row.cells {
                    for b in &cell.blocks {
                        self.cell_block(b, bi);
                    }
                }
                continue;
            }
            // A new row: the first cell's first paragraph gives number, time
            // and title; the rest of the cell and the other cells are notes.
            let mut consumed_notes_title = false;
            match head {
                Some(p) => {
                    let text = para_text(p);
                    let n = parse_number(&text)
                        .or_else(|| self.ocr_misread_number(&text))
                        .filter(|n| n.letter.is_none());
                    let skip = n.as_ref().map(|n| match &p.label {
                        Some(l) => n.rest.saturating_sub(l.len() + 1),
                        None => n.rest,
                    });
                    let (mut title, mut rest, mut atts) = split_title(p, skip.unwrap_or(0));
                    if title.is_empty()
                        // "1. 09:00-09:10" alone: the title is the notes' first paragraph.
                        && let Some(tp) = notes_head(row)
                    {
                        let (t, r2, a2) = split_title(tp, 0);
                        title = t;
                        rest = r2;
                        atts.extend(a2);
                        consumed_notes_title = true;
                        // "3.1 | Stomresning försenad en vecka. Reviderad
                        // tidplan skickas till beställaren. | AG": the notes
                        // of a site meeting's row are the point's text; its
                        // title is their first sentence or head.
                        if rest.is_empty()
                            && let Some((Some(head), text)) = headless_reading(tp, 0)
                        {
                            title = head;
                            rest = text;
                        }
                    }
                    let (num, parent, time) = number_parts(n.as_ref());
                    self.accept_table_number(n.as_ref());
                    self.start_item(num, parent, time, title, bi, row_span);
                    if let Some(item) = self.items.last_mut() {
                        item.add_heading_rest(&rest, atts, bi, row_span);
                        item.responsible = responsible_col
                            .and_then(|ci| row.cells.get(ci))
                            .map(|c| c.plain_text().trim().to_string())
                            .filter(|t| !t.is_empty());
                        item.due = due_col
                            .and_then(|ci| row.cells.get(ci))
                            .map(|c| c.plain_text().trim().to_string())
                            .filter(|t| !t.is_empty());
                    }
                    self.title_pending = false;
                    // The rest of the first cell.
                    let mut seen_head = false;
                    for b in &first.blocks {
                        if !seen_head
                            && let BlockKind::Paragraph(q) = &b.kind
                            && std::ptr::eq(q, p)
                        {
                            seen_head = true;
                            continue;
                        }
                        self.cell_block(b, bi);
                    }
                }
                None if lost_number => {
                    // The number OCR lost, from the sequence; the title from
                    // the notes' first paragraph.
                    let top = self.last_top.map(|t| t + 1);
                    self.last_top = top;
                    self.last_sub = None;
                    let tp = notes_head(row);
                    let (title, rest, atts) = tp.map(|p| split_title(p, 0)).unwrap_or_default();
                    consumed_notes_title = tp.is_some();
                    self.start_item(top.map(|t| t.to_string()), None, None, title, bi, row_span);
                    if let Some(item) = self.items.last_mut() {
                        item.add_heading_rest(&rest, atts, bi, row_span);
                    }
                    self.title_pending = false;
                }
                None => {
                    // A first row without a first cell: an item without title.
                    self.start_item(None, None, None, String::new(), bi, row_span);
                }
            }
            for (ci, cell) in row.cells.iter().enumerate().skip(1) {
                let mut skipped = false;
                for b in &cell.blocks {
                    if ci == 1
                        && consumed_notes_title
                        && !skipped
                        && matches!(&b.kind, BlockKind::Paragraph(p) if !p.is_blank())
                    {
                        skipped = true;
                        continue;
                    }
                    self.cell_block(b, bi);
                }
            }
        }
        self.section = Some(Section::Agenda);
    }

    /// In a scan, "3:" or "3," alone in the number column is the "3." the
    /// sequence expects, its dot misread.
    fn ocr_misread_number(&self, text: &str) -> Option<Numbered> {
        if !self.ocr {
            return None;
        }
        let t = text.trim();
        let digits = t.strip_suffix([':', ',', ';'])?.trim_end();
        let n: u32 = digits.parse().ok()?;
        (Some(n) == self.last_top.map(|t| t + 1)).then(|| parse_number(&format!("{n}.")))?
    }

    fn accept_table_number(&mut self, n: Option<&Numbered>) {
        if let Some(n) = n {
            if n.sub.is_some() {
                self.last_sub = Some((n.top, n.sub.unwrap_or(0)));
            } else {
                self.last_top = Some(n.top);
                self.last_sub = None;
                self.last_letter = None;
            }
        }
    }

    fn finish(mut self, doc: &Document) -> Structured {
        let mut meeting = self.header.meeting();
        // "Sprintmöte 2024-03-12" / "Deltagare: …" / "Agenda" / "1. …": an
        // agenda word over the points of minutes that say who attended
        // heads a section; the document is the minutes.
        // "Dagordning Styrelsemöte 19/7 -20" over "Närvarande: Anne, Ida, …":
        // an agenda's title on minutes that say who was there.
        if meeting.document_type.as_deref() == Some("agenda")
            && (self.header.agenda_word_heads_a_section() || self.presence_recorded)
            && self
                .participants
                .iter()
                .any(|p| matches!(p.attendance.as_str(), "present" | "partial"))
        {
            meeting.document_type = Some("minutes".to_string());
        }
        // "## Plats" over "Styrelserummet": a place's label as a heading of
        // its own, the one short line under it the place.
        if meeting.location.is_none() {
            meeting.location = self.items.iter().find_map(|it| {
                let texts: Vec<&str> = it.units.iter().map(|u| u.text.as_str()).collect();
                meeting::place_under_label(&it.title, &texts)
            });
        }
        meeting::fill_from_furniture(&mut meeting, doc);
        if meeting.date.is_none() && meeting.document_date.is_none() {
            meeting.date = meeting::date_of_first_line(doc).map(|d| d.to_string());
        }
        // Minutes without a full header: look for what is missing in the
        // whole text (built only then).
        let no_date = meeting.date.is_none() && meeting.document_date.is_none();
        let year_hint = if no_date
            || meeting.body.is_none()
            || meeting.organization.is_none()
            || meeting.location.is_none()
            || meeting.start_time.is_none()
            || meeting.end_time.is_none()
        {
            let all = doc.plain_text();
            meeting::fill_from_text(&mut meeting, &all);
            // "Tid: Måndag 4 mars" in "styrelsemöte-2024-03-04.docx": the
            // header's day and month, in the year of the date in the
            // file's name (that date alone is never the meeting's: it may
            // be when the file was scanned or sent).
            if meeting.date.is_none()
                && meeting.document_date.is_none()
                && let Some(reference) = dates::date_in_file_name(&doc.source.path)
            {
                let ctx = DateContext {
                    reference: Some(reference),
                    year: None,
                };
                meeting.date = self.header.meeting_in(&ctx).date;
            }
            let year = no_date.then(|| dates::infer_year(&all)).flatten();
            // "Årsmöte 2025" over "Protokoll fört söndagen den 9 februari":
            // the header's day and month, in the year the minutes name.
            if meeting.date.is_none()
                && meeting.document_date.is_none()
                && let Some(year) = year
            {
                let ctx = DateContext {
                    reference: None,
                    year: Some(year),
                };
                meeting.date = self.header.meeting_in(&ctx).date;
            }
            year
        } else {
            None
        };
        meeting::holder_from_body(&mut meeting);
        meeting::office_from_organisation(&mut meeting);
        let reference_date = (meeting.date.is_none() && meeting.document_date.is_none())
            .then(|| dates::date_in_file_name(&doc.source.path))
            .flatten();
        let ctx = DateContext {
            reference: meeting
                .date
                .as_deref()
                .and_then(Date::parse_iso)
                .or(reference_date),
            year: year_hint,
        };
        self.participants = participants::complete(
            std::mem::take(&mut self.participants),
            doc,
            &self.items,
            self.everyone_present,
        );
        // Everyone joined by Teams when the meeting was held there.
        if meeting.location.as_deref() == Some("Teams") {
            for p in &mut self.participants {
                if p.attendance != "absent" {
                    p.remote = true;
                }
            }
        }
        let mut next = parse_next_meetings(&self.next_lines, &ctx, self.next_heading_year);
        for line in self.header.next_meeting_lines() {
            next.extend(next_meeting_in_sentence(&line, &ctx));
        }
        // Items that are themselves about the coming meetings ("### Nästa
        // möte" + "25:e september klockan 19:00."), and sentences elsewhere
        // that name the next meeting's date.
        for (at, item) in self.items.iter().enumerate() {
            if next_meetings_heading(&item.title) || names_coming_meetings(&item.title) {
                let year = find_year(&item.title);
                let mut lines: Vec<(String, bool)> = item
                    .units
                    .iter()
                    .filter(|u| matches!(u.kind, UnitKind::ListItem | UnitKind::Paragraph))
                    .map(|u| (u.text.clone(), false))
                    .collect();
                // "Eva Lind" / "Norrköping" / "2023-03-4": the signer's
                // name, town and day closing the minutes under the last
                // item are no coming meeting.
                if at + 1 == self.items.len()
                    && let Some(cut) = signature_block_start(&lines)
                {
                    lines.truncate(cut);
                }
                next.extend(parse_next_meetings(&lines, &ctx, year));
                // "§8 Nästa möte hålls 12 februari kl. 19.30.": the title is
                // the sentence that gives the date.
                if lines.is_empty() {
                    next.extend(next_meeting_in_sentence(&item.title, &ctx));
                }
            } else {
                for u in &item.units {
                    next.extend(next_meeting_in_sentence(&u.text, &ctx));
                }
            }
            // "Därefter möts gruppen den 8 oktober 2026.": the meeting after
            // the next one; "Årsmötet blir söndag 12 februari": a coming
            // meeting named by its kind.
            for u in &item.units {
                next.extend(meeting_after_that(&u.text, &ctx));
                next.extend(named_meeting_set(&u.text, &ctx));
                next.extend(meeting_on_a_date(&u.text, &ctx));
            }
        }
        // Coming meetings come after this one (a line repeating the
        // meeting's own date is not one).
        if let Some(r) = ctx.reference {
            next.retain(|m| m.date > r);
        }
        next.sort_by_key(|m| m.date);
        next.dedup_by_key(|m| m.date);
        for item in &mut self.items {
            dedup_attachments(&mut item.attachments);
            if let Some(last) = item.units.last()
                && let Some(e) = last.span.end
            {
                item.span.end = Some(e.max(item.span.end.unwrap_or(0)));
            }
        }
        let mut warnings = self.warnings;
        warnings.extend(meeting::warnings(&meeting));
        if self.items.is_empty() {
            warnings.push(Diagnostic::warning(
                "structure.no-items",
                "no agenda items found: no numbered headings, § items or agenda table",
            ));
        }
        Structured {
            meeting,
            participants: self.participants,
            items: self.items,
            next_meetings: next,
            warnings,
            year_hint,
            reference_date,
            layout: LayoutChoice::default(),
        }
    }
}

/// A first heading naming a council is the body, not an item; one that
/// names the document and what it records ("Protokoll från styrelsemöte
/// 2025-02-19") is its title.
fn header_heading_is_body(t: &str) -> bool {
    let key = t.to_lowercase();
    let key = key.trim().trim_start_matches(['#', '*', ' ']);
    // The type alone ("## Agenda", "## Anteckningar") may head a part of
    // the notes; the type with what it records is the document's title.
    let names_document = lexicon::DOCUMENT_TYPES.iter().any(|(w, _)| {
        key.strip_prefix(w)
            .is_some_and(|r| r.starts_with([' ', ':']) && r.trim_matches([' ', ':']).len() > 2)
    });
    names_document
        || key
            .split_whitespace()
            .any(|w| lexicon::BODY_WORDS.iter().any(|b| w.ends_with(b)))
            && !key.starts_with("val ")
}

fn starts_lower(t: &str) -> bool {
    t.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

fn ends_sentence(t: &str) -> bool {
    t.trim_end()
        .trim_end_matches(['*', ')', '"', '”'])
        .ends_with(['.', '!', '?', ':', ';'])
}

/// The first paragraph with text in an agenda row's notes cell (the
/// second), where a row without its own title has it.
fn notes_head(row: &Row) -> Option<&Paragraph> {
    row.cells.get(1)?.blocks.iter().find_map(|b| match &b.kind {
        BlockKind::Paragraph(p) if !p.is_blank() => Some(p),
        _ => None,
    })
}

/// A line that can be an item's title: begins with a capital, a few words,
/// not a sentence.
fn is_title_shaped(text: &str) -> bool {
    let t = text.trim();
    t.chars().next().is_some_and(char::is_uppercase)
        && (1..=12).contains(&t.split_whitespace().count())
        && !t.ends_with(['.', ':', ',', ';'])
}

fn number_parts(n: Option<&Numbered>) -> (Option<String>, Option<String>, Option<TimeSpan>) {
    match n {
        Some(n) => (Some(n.number.clone()), n.parent.clone(), n.time),
        None => (None, None, None),
    }
}

fn dedup_attachments(a: &mut Vec<Attachment>) {
    let mut seen = std::collections::BTreeSet::new();
    a.retain(|x| seen.insert((x.name.clone(), x.link.clone())));
}

fn unit(text: &str, kind: UnitKind, bold: bool, block: usize, span: Span) -> Unit {
    Unit {
        text: text.trim().to_string(),
        kind,
        bold,
        block,
        span,
        task: None,
    }
}

/// One row of a task table, real or flattened to a line with tabs, as a
/// unit of its item: the task cell's text, with the owner and date cells
/// (`columns`: task, owner, date). None when the task cell is empty.
fn task_row_unit(
    cell: impl Fn(usize) -> Option<String>,
    (task, owner, due): (usize, usize, Option<usize>),
    block: usize,
    span: Span,
) -> Option<Unit> {
    let mut u = unit(&cell(task)?, UnitKind::Paragraph, false, block, span);
    u.task = Some(TaskRow {
        owner: cell(owner),
        due: due.and_then(&cell),
    });
    Some(u)
}

/// The labels of a header table laid out in columns: its first row is
/// two or more meeting fields' labels only ("Datum | Tid | Plats", "Date |
/// Time | Location"), with a row of values below.
fn label_row(rows: &[Row]) -> Option<Vec<String>> {
    let first = rows.first()?;
    if rows.len() < 2 || first.cells.len() < 2 {
        return None;
    }
    let labels: Vec<String> = first
        .cells
        .iter()
        .map(|c| {
            c.plain_text()
                .trim()
                .trim_end_matches(':')
                .trim()
                .to_string()
        })
        .collect();
    labels
        .iter()
        .all(|l| lexicon::MEETING_FIELD_LABELS.contains(&l.to_lowercase().as_str()))
        .then_some(labels)
}

/// Where a task table keeps its task, owner and date: its header row
/// names a task column and a responsible column ("Åtgärd | Ansvarig |
/// Klart", "Vad | Vem | När", "Action | Owner | Due"), or a matter column
/// beside a status column ("När | Ärende | Vem | Status").
fn task_columns(header: &[String]) -> Option<(usize, usize, Option<usize>)> {
    let task = column_named(header, lexicon::TASK_COLUMNS).or_else(|| {
        column_named(header, lexicon::STATUS_COLUMNS)?;
        column_named(header, lexicon::MATTER_COLUMNS)
    })?;
    let owner = column_named(header, lexicon::OWNER_COLUMNS)?;
    let due = column_named(header, lexicon::DUE_COLUMNS);
    (task != owner).then_some((task, owner, due))
}

/// Where a decision table keeps its decisions: its header row names a
/// decision column ("Nr | Beslut | Ansvarig", "Decision | Owner").
fn decision_columns(header: &[String]) -> Option<usize> {
    column_named(header, lexicon::DECISION_COLUMNS)
}

/// The first header cell that is one of `labels` (lower case, a colon
/// after it allowed).
fn column_named(header: &[String], labels: &[&str]) -> Option<usize> {
    header.iter().position(|cell| {
        let c = cell.trim().trim_end_matches(':').trim().to_lowercase();
        labels.contains(&c.as_str())
    })
}

/// A table row's cell `i` as one line of text, when it has any.
fn row_cell_text(row: &Row, i: usize) -> Option<String> {
    row.cells
        .get(i)
        .map(|c| {
            c.plain_text()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|t| !t.is_empty())
}

/// Where a row's cell `i` stands in the source (the table's own span when
/// the cell has no block).
fn row_cell_span(row: &Row, i: usize, table: Span) -> Span {
    row.cells
        .get(i)
        .and_then(|c| c.blocks.first())
        .map_or(table, |b| b.span)
}

/// Split a paragraph with hard line breaks into one paragraph per line,
/// keeping styles and links.
/// "Reviderad förbundsordning för kommunalförbundet" / "Tolkförmedlingen
/// Väst" / "Beslut": the short lines between a long title and the case's
/// first part continue the title. `from` is where they start in the units.
fn fold_wrapped_title(item: &mut AgendaItem, from: usize) {
    let tail = item.units.get(from..).unwrap_or(&[]);
    let fits = (1..=3).contains(&tail.len())
        && item.title.chars().count() >= 35
        && tail.iter().all(|u| {
            u.kind == UnitKind::Paragraph
                && u.text.chars().count() <= 120
                && !u.text.contains(": ")
                && !ends_sentence(&u.text)
        });
    if fits {
        for u in tail {
            item.title.push(' ');
            item.title.push_str(u.text.trim());
        }
        item.units.truncate(from);
    }
}

fn split_lines(p: &Paragraph) -> Vec<Paragraph> {
    let mut out = vec![Paragraph::new(p.role)];
    for r in &p.runs {
        for (i, part) in r.text.split('\n').enumerate() {
            if i > 0 {
                out.push(Paragraph::new(p.role));
            }
            if let Some(last) = out.last_mut() {
                last.push(part, r.style, r.link.as_deref());
            }
        }
    }
    out.retain(|q| !q.is_blank());
    out
}

static APPENDIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:[A-Z]\.?\s+)?(?:appendix|bilaga|bilagor|bilagsförteckning)\b")
        .expect("valid regex")
});
static RESPONSIBLE_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:ansvar|ansvarig|ansvariga|responsible|owner|who)\b").expect("valid regex")
});

fn is_agenda_header(text: &str) -> bool {
    let key = heading_key(text);
    lexicon::AGENDA_TABLE_HEADERS.contains(&key.as_str())
}

/// An agenda table: a "Mötespunkt" header, or numbered first cells.
fn is_agenda_table(rows: &[Row]) -> bool {
    if rows.iter().all(|r| r.cells.len() < 2) {
        return false;
    }
    // "Nr | Beslut | Ansvarig", "Nr | Åtgärd | Ansvarig": numbered rows of
    // decisions or tasks, not of the agenda.
    let header: Vec<String> = rows
        .first()
        .map(|r| r.cells.iter().map(|c| c.plain_text()).collect())
        .unwrap_or_default();
    // "§ | Ärende | Beslut": a column naming the matter makes the rows the
    // agenda's, with each one's decision beside it.
    let names_matter = header
        .iter()
        .skip(1)
        .any(|h| lexicon::MATTER_COLUMN_LABELS.contains(&h.trim().to_lowercase().as_str()));
    if (decision_columns(&header).is_some() && !names_matter) || task_columns(&header).is_some() {
        return false;
    }
    if rows
        .first()
        .and_then(|r| r.cells.first())
        .is_some_and(|c| is_agenda_header(&c.plain_text()))
    {
        return true;
    }
    let numbered = rows
        .iter()
        .filter(|r| {
            r.cells
                .first()
                .is_some_and(|c| parse_number(&c.plain_text()).is_some_and(|n| n.letter.is_none()))
        })
        .count();
    numbered >= 2 && numbered * 2 >= rows.len()
}

/// Gated (see [`minutes_gate`]): asked of every unit of every item.
static NEXT_MEETING_CUE: LazyLock<Gated> =
    LazyLock::new(|| Gated::new(lexicon::NEXT_MEETING_CUE).expect("valid regex"));

/// "Nästa möte hålls på tisdag den 17:e (10.00 till 12.00)": the first
/// date after a next-meeting cue in a sentence, a day without month
/// included (it follows the meeting date).
fn next_meeting_in_sentence(text: &str, ctx: &DateContext) -> Option<NextMeeting> {
    if text.len() > 400 {
        return None;
    }
    let cue = NEXT_MEETING_CUE.find(text)?;
    let after = &text[cue.end()..];
    let date = find_dates(after, ctx)
        .into_iter()
        .find_map(|d| d.date)
        .or_else(|| dates::find_day_only(after, ctx).map(|(_, d)| d))?;
    Some(NextMeeting {
        date,
        topics: Vec::new(),
        note: None,
    })
}

/// "Därefter möts gruppen den 8 oktober", "After that we meet on 3 May":
/// a meeting after the next one, dated in the same sentence.
fn meeting_after_that(text: &str, ctx: &DateContext) -> Option<NextMeeting> {
    if text.len() > 2_000 {
        return None;
    }
    dated_after(text, THEN_MEETING.find(text)?.end(), ctx)
}

/// "Årsmötet blir söndag 12 februari kl. 15.00", "Datum för årsmöte är
/// satt till den 7:e mars": a meeting of some kind set for a date, in the
/// same sentence (the phrases: lexicon MEETING_SET_FOR).
fn named_meeting_set(text: &str, ctx: &DateContext) -> Vec<NextMeeting> {
    if text.len() > 2_000 {
        return Vec::new();
    }
    // Each sentence may set one ("… blir 2 april. Höstmötet blir …").
    MEETING_SET_FOR
        .captures_iter(text)
        .filter_map(|c| dated_after(text, c.get(0)?.end(), ctx))
        .collect()
}

/// "Valupptaktsträff tisdag 19/11 kl. 18.30 på Hotell Station", "… till
/// ett informationsmöte tisdag den 28 december kl. 18.00": a meeting of
/// some kind, named without its article (a new one, not "mötet den 8
/// december" of another body or an earlier day), with its day right after
/// it, and either opening the sentence or with its hour. A day and month
/// keep the year nearest the meeting: only days after it count (the caller
/// keeps those), so a past one is none.
fn meeting_on_a_date(text: &str, ctx: &DateContext) -> Vec<NextMeeting> {
    if text.len() > 2_000 {
        return Vec::new();
    }
    MEETING_ON_A_DATE
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let rest = text.get(whole.end()..)?;
            // The date must stand right there, not later in the sentence.
            let first = find_dates(rest, ctx).into_iter().next()?;
            (first.range.start == 0).then_some(())?;
            let before = text[..whole.start()].trim_end();
            let opens = c.name("lead").is_none()
                && (before.is_empty() || before.ends_with(['.', ':', '!', '?']));
            let after = rest.get(first.range.end..).unwrap_or("");
            let timed = CLOCK_AFTER_DATE.is_match(after);
            (opens || timed).then_some(())?;
            Some(NextMeeting {
                date: first.date?,
                topics: Vec::new(),
                note: None,
            })
        })
        .collect()
}

/// A meeting noun in its indefinite form, alone or after its article or
/// "nytt"/"extra" (`lead`), then perhaps a weekday and "den".
static MEETING_ON_A_DATE: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(&format!(
        r"(?i)(?:\b(?P<lead>ett|en|nytt|extra)\s+)?\p{{L}}*(?:möte|sammanträde|träff|stämma)\s+(?:(?:{})(?:en)?\s+)?(?:den\s+)?",
        dates::WEEKDAYS.join("|")
    ))
    .expect("valid regex")
});

/// An hour just after a date ("… 19/11 kl. 18.30", ", 18:00").
static CLOCK_AFTER_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*,?\s*(?:kl\.?|klockan)?\s*(?:[01]?\d|2[0-3])[.:][0-5]\d\b")
        .expect("valid regex")
});

/// The meeting dated in the rest of the sentence after a cue ending at
/// `cue_end`.
fn dated_after(text: &str, cue_end: usize, ctx: &DateContext) -> Option<NextMeeting> {
    let after = text.get(cue_end..)?;
    let sentence = after.split(". ").next().unwrap_or(after);
    // A coming meeting: a day and month before this one is next year's.
    let date = find_dates(sentence, ctx)
        .into_iter()
        .find_map(|d| d.ahead_of(ctx.reference))?;
    Some(NextMeeting {
        date,
        topics: Vec::new(),
        note: None,
    })
}

static MEETING_SET_FOR: LazyLock<Gated> = LazyLock::new(|| {
    // "Planeringsmöte inför sommaren blir 2 april": a few words may stand
    // between the meeting and what sets it.
    Gated::new(&format!(
        r"(?i)(?:{})(?:\s+\p{{L}}+){{0,3}}?\s+(?:{})\b",
        lexicon::alternation(lexicon::MEETING_NOUN_ENDINGS),
        lexicon::alternation(lexicon::MEETING_SET_FOR)
    ))
    .expect("valid regex")
});

static THEN_MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:därefter|sedan|därpå|then|after\s+that|thereafter)\s+(?:\p{L}+\s+){0,2}?(?:möts|ses|träffas|sammanträder|sammanträde|möte|meets|meet|meeting)\b",
    )
    .expect("valid regex")
});

static DAY_OF_MONTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bden\s+\d{1,2}:?e\b").expect("valid regex"));

/// A line of a page header: the document type with its number ("Protokoll
/// nr 9") or a labelled date ("Sammanträdesdatum: 2023-10-12").
fn page_header_line(t: &str) -> bool {
    if t.chars().count() > 60 {
        return false;
    }
    let key = t.to_lowercase();
    let typed = lexicon::DOCUMENT_TYPES.iter().any(|(w, _)| {
        key.strip_prefix(w).is_some_and(|r| {
            let r = r.trim_start();
            r.is_empty()
                || r.strip_prefix("nr")
                    .is_some_and(|n| n.trim().chars().all(|c| c.is_ascii_digit()))
        })
    });
    let dated = t.split_once(':').is_some_and(|(label, value)| {
        label.chars().all(|c| c.is_alphabetic() || c == ' ')
            && find_dates(value, &DateContext::default())
                .first()
                .is_some_and(|d| value[d.range.end..].trim().is_empty())
    });
    typed || dated
}

/// A word for a meeting, compounds included ("styrelsemöte", "årsmötet").
/// A coming meeting's date: a day and month without a year that the
/// nearest year puts before the meeting ("16 september" in a March
/// meeting) is the next such day.
/// Under a heading that gives the year ("Kommande möten 2025"), a day
/// and month is in that year.
fn coming(d: &dates::FoundDate, reference: Option<Date>, year: Option<i32>) -> Option<Date> {
    match (year, d.date) {
        (Some(y), Some(date)) if d.precision == dates::Precision::DayMonth => {
            Date::new(y, date.month, date.day)
        }
        _ => d.ahead_of(reference),
    }
}

/// The dates of a line that is a list of them: before the first only a
/// word or two (a kind of meeting), between them only separators ("och",
/// commas) or a kind of meeting. Empty otherwise.
fn dates_in_a_list(
    t: &str,
    found: &[dates::FoundDate],
    reference: Option<Date>,
    year: Option<i32>,
) -> Vec<Date> {
    let mut out = Vec::new();
    let mut end = 0;
    for (i, d) in found.iter().enumerate() {
        let gap = t.get(end..d.range.start).unwrap_or("");
        // What comes after the list ("…, samtliga kl 13.30") is its note.
        let Some(date) = coming(d, reference, year) else {
            break;
        };
        let words: Vec<String> = gap
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '.' | ':'))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        // Between listed dates: conjunctions, weekdays and clock times
        // ("30 september kl. 18:30. Budgetmöte tisdag 21 oktober").
        let separator = |w: &String| {
            matches!(w.as_str(), "och" | "and" | "samt" | "&")
                || lexicon::DATE_LEFTOVER_WORDS.contains(&w.as_str())
                || w.chars()
                    .all(|c| c.is_ascii_digit() || c == '–' || c == '-')
        };
        let meeting_word =
            |w: &String| lexicon::MEETING_NOUN_ENDINGS.iter().any(|m| w.ends_with(m));
        let ok = if i == 0 {
            words.len() <= 2 && words.iter().all(|w| meeting_word(w) || separator(w))
        } else {
            words.len() <= 6 && words.iter().all(|w| separator(w) || meeting_word(w))
        };
        if !ok {
            // A date after the list's note belongs to a sentence, not the
            // list; a list it never became is none.
            if out.len() >= 2 && i > 0 {
                break;
            }
            return Vec::new();
        }
        out.push(date);
        end = d.range.end;
    }
    out
}

static MEETING_WORD: LazyLock<Regex> = LazyLock::new(|| {
    // "… nästa gång den 10 juni", "Vi ses …", "Styrelsen träffas …": words
    // that say the date is a meeting's.
    Regex::new(
        r"(?i)(?:möte[t]?|sammanträde[t]?|meeting|träff(?:en)?|nästa\s+gång|\bses|träffas)\b",
    )
    .expect("valid regex")
});

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b((?:19|20)\d\d)\b").expect("valid regex"));

fn find_year(text: &str) -> Option<i32> {
    YEAR.captures(text)
        .and_then(|c| c.get(1))
        .and_then(|m| m.as_str().parse().ok())
}

/// Lines of a coming-meetings list → meetings with topics.
fn parse_next_meetings(
    lines: &[(String, bool)],
    ctx: &DateContext,
    heading_year: Option<i32>,
) -> Vec<NextMeeting> {
    let meeting_date = ctx.reference;
    let mut ctx = *ctx;
    if ctx.reference.is_none() {
        ctx.year = heading_year;
    } else if let (Some(y), Some(r)) = (heading_year, ctx.reference)
        && y != r.year
    {
        // "Möten för hösten 2026" written in a December 2025 meeting.
        ctx.reference = Date::new(y, 6, 30);
    }
    let mut out: Vec<NextMeeting> = Vec::new();
    for (line, _) in lines {
        let t = line.trim();
        // "Kommande möten: 12/4, 10/5 och 7/6": a heading with its dates
        // listed on one line, each a coming meeting.
        if let Some((head, list)) = t.split_once(':')
            && (next_meetings_heading(head) || names_coming_meetings(head))
        {
            // A day and month without a year is the next such day after
            // the meeting ("9 december" in May: this December).
            let listed: Vec<Date> = find_dates(list, &ctx)
                .iter()
                .filter_map(|d| coming(d, meeting_date, heading_year))
                .collect();
            if listed.len() >= 2 {
                out.extend(listed.into_iter().map(|date| NextMeeting {
                    date,
                    topics: Vec::new(),
                    note: None,
                }));
                continue;
            }
        }
        let found = find_dates(t, &ctx);
        // "3 juni, 16 september och 2 december", "Styrelsemöten 14 januari
        // 2026 och 11 februari 2026. Årsmöte 4 mars 2026.": a line that
        // lists dates, each a coming meeting.
        let listed = dates_in_a_list(t, &found, meeting_date, heading_year);
        if listed.len() >= 2 {
            out.extend(listed.into_iter().map(|date| NextMeeting {
                date,
                topics: Vec::new(),
                note: None,
            }));
            continue;
        }
        // A date at the start of the line ("2026-03-16", "Fredag 12
        // september"), or a sentence about the next meeting that names one
        // ("Next meeting set up for Wednesday January 28").
        let lead = found.first().filter(|d| {
            let before = &t[..d.range.start];
            before.trim().is_empty()
                || before.split_whitespace().count() <= 1
                || MEETING_WORD.is_match(before)
                // "Nästa APT: 21 maj": the heading's own label.
                || next_meetings_heading(before.trim().trim_end_matches(':'))
        });
        match lead {
            Some(d) if coming(d, meeting_date, heading_year).is_some() => {
                let rest = t[d.range.end..]
                    .trim_start_matches([' ', ',', '–', '-', '—', ':'])
                    .trim();
                out.push(NextMeeting {
                    date: coming(d, meeting_date, heading_year).unwrap_or(Date {
                        year: 1970,
                        month: 1,
                        day: 1,
                    }),
                    topics: Vec::new(),
                    note: rest
                        .chars()
                        .any(char::is_alphanumeric)
                        .then(|| rest.to_string()),
                });
            }
            _ => {
                // "Måndag den 14:e": a day of the month that follows the
                // meeting date.
                let day = found
                    .iter()
                    .all(|d| d.date.is_none())
                    .then(|| dates::find_day_only(t, &ctx))
                    .flatten()
                    .filter(|(r, _)| {
                        let before = &t[..r.start];
                        before.split_whitespace().count() <= 2 || MEETING_WORD.is_match(before)
                    });
                if let Some((_, date)) = day {
                    out.push(NextMeeting {
                        date,
                        topics: Vec::new(),
                        note: None,
                    });
                } else if let Some(m) = out.last_mut()
                    && t.chars().count() <= 200
                {
                    m.topics.push(t.to_string());
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod coming_meetings_tests {
    use super::*;

    /// One automaton answers as each heading's own `match_indices` did.
    #[test]
    fn names_coming_meetings_as_one_search_per_heading() {
        let by_heading = |title: &str| {
            let key = heading_key(title);
            lexicon::NEXT_MEETING_HEADINGS.iter().any(|h| {
                key.match_indices(h).any(|(i, _)| {
                    let before = key[..i].chars().next_back();
                    let after = key[i + h.len()..].chars().next();
                    !before.is_some_and(char::is_alphanumeric)
                        && !after.is_some_and(char::is_alphanumeric)
                })
            })
        };
        let mut titles: Vec<String> = vec![
            "Nästa möte".into(),
            "§ 12 Nästa möte och kommande möten".into(),
            "Nästa mötesplan".into(),
            "xnästa möte".into(),
            "Övriga frågor".into(),
            "Mötesplanering 2024: kommande sammanträden".into(),
        ];
        for h in lexicon::NEXT_MEETING_HEADINGS {
            titles.push(format!("**{h}**"));
            titles.push(format!("a{h}"));
            titles.push(format!("{h}{h} {h}"));
            titles.push(format!("Om {h}:"));
        }
        for t in &titles {
            assert_eq!(names_coming_meetings(t), by_heading(t), "{t}");
        }
    }
}
