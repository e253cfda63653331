//! `minutes track`: every deferral and assigned action, followed to where it
//! comes back in a later meeting of the same series, with how it ended.
//!
//! The archive is read twice, one document at a time: once to place every
//! meeting in its series, then series by series, so memory holds one series.
//! For each deferral (fanned out to the items it names: "Motionerna under
//! paragraferna 26–29 bordläggs" is four matters) and each action with an
//! assignee, [`follow`] scores every item of the later meetings with the
//! matchers of [`crate::matching`] and picks one; [`outcome_of`] reads what
//! became of it.

use crate::Error;
use crate::archive::Archive;
use crate::doc::{Document, Extraction, Item};
use crate::lexicon;
use crate::matching::{self, TitleMatch};
use crate::people::{self, Person};
use crate::series;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// The file `minutes track` writes into the output folder.
pub const TRACKING_FILE: &str = "tracking.json";

/// Every link of an archive.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Tracking {
    /// One per followed deferral or action (a deferral naming several items gives one each).
    pub links: Vec<Link>,
}

/// Deferral or action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A deferral (bordläggning, återremiss…).
    Deferral,
    /// An action with an assignee.
    Action,
}

impl Kind {
    /// The name in JSON and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Deferral => "deferral",
            Kind::Action => "action",
        }
    }
}

/// How a deferral or action ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// A later meeting decided the matter.
    Decided,
    /// A later meeting put it off again.
    DeferredAgain,
    /// A later meeting reports the task done.
    ReportedDone,
    /// It comes back unfinished, or was due back at a meeting where it is not.
    StillOpen,
    /// It does not come back in the meetings of the series the archive holds.
    NotInSeries,
}

impl Outcome {
    /// The name in JSON and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Decided => "decided",
            Outcome::DeferredAgain => "deferred-again",
            Outcome::ReportedDone => "reported-done",
            Outcome::StillOpen => "still-open",
            Outcome::NotInSeries => "not-in-series",
        }
    }
}

/// Where a link starts.
#[derive(Debug, Clone, Serialize)]
pub struct From {
    /// The input file's name.
    pub document: String,
    /// The item's number, or its title when it has none.
    pub item: String,
    /// Deferral or action.
    pub kind: Kind,
    /// The deferral's or action's text.
    pub text: String,
    /// Actions: the assignees, resolved to full names where the series' participant lists allow.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub assignees: Vec<String>,
}

/// Where a matter comes back.
#[derive(Debug, Clone, Serialize)]
pub struct To {
    /// The input file's name.
    pub document: String,
    /// The item's number, or its title when it has none.
    pub item: String,
}

/// Positions of a link in the archive, for the database and the report.
#[derive(Debug, Clone, Default)]
pub struct Place {
    /// The series.
    pub series: String,
    /// The starting document's output path (its key).
    pub from_output: String,
    /// The starting meeting's date.
    pub from_date: Option<String>,
    /// Index of the starting item in its document.
    pub from_item: usize,
    /// Index of the item that holds the deferral or action (the starting
    /// item, unless a deferral named other items).
    pub holder_item: usize,
    /// Index of the deferral or action in the holding item.
    pub extraction: usize,
    /// The target document's output path.
    pub to_output: Option<String>,
    /// The target meeting's date.
    pub to_date: Option<String>,
    /// Index of the target item.
    pub to_item: Option<usize>,
}

/// One followed deferral or action.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    /// Where it starts.
    pub from: From,
    /// Where it comes back, if it does.
    pub to: Option<To>,
    /// How it ended.
    pub outcome: Outcome,
    /// Why the tracker says so: how the items were matched, and the sentence that tells the outcome.
    pub evidence: String,
    /// Positions (not in the JSON).
    #[serde(skip)]
    pub place: Place,
}

/// One meeting of a series, as the tracker reads it.
#[derive(Debug, Clone)]
pub struct Meeting {
    /// The input file's name.
    pub file_name: String,
    /// The output path (key).
    pub output: String,
    /// The series.
    pub series: String,
    /// Date, ISO.
    pub date: Option<String>,
    /// The document.
    pub doc: Document,
}

/// The meetings of an archive by series: for each series, its members'
/// dates and indexes into [`Archive::entries`], in date order (undated last).
pub type SeriesIndex = BTreeMap<String, Vec<(Option<String>, usize)>>;

/// Places every meeting of an archive in its series, reading one document
/// at a time and keeping only where it is.
pub fn series_index(archive: &Archive) -> SeriesIndex {
    let mut by_series: SeriesIndex = BTreeMap::new();
    for (k, entry) in archive.entries.iter().enumerate() {
        let Ok(doc) = archive.read(entry) else {
            continue;
        };
        let p = series::place(&doc, &entry.input);
        by_series.entry(p.series).or_default().push((p.date, k));
    }
    for members in by_series.values_mut() {
        // Dated meetings in order, then the undated ones.
        members.sort_by(|a, b| (a.0.is_none(), &a.0, a.1).cmp(&(b.0.is_none(), &b.0, b.1)));
    }
    by_series
}

/// Reads the meetings of one series.
pub fn load_series(
    archive: &Archive,
    series: &str,
    members: &[(Option<String>, usize)],
) -> Vec<Meeting> {
    let mut meetings = Vec::with_capacity(members.len());
    for (date, k) in members {
        let Some(entry) = archive.entries.get(*k) else {
            continue;
        };
        let Ok(doc) = archive.read(entry) else {
            continue;
        };
        meetings.push(Meeting {
            file_name: entry.file_name().to_string(),
            output: entry.output.clone(),
            series: series.to_string(),
            date: date.clone(),
            doc,
        });
    }
    meetings
}

/// Follows every deferral and action of the archive in `out`.
pub fn track(out: &Path) -> Result<Tracking, Error> {
    let archive = Archive::open(out)?;
    let mut links = Vec::new();
    for (series, members) in series_index(&archive) {
        let meetings = load_series(&archive, &series, &members);
        links.extend(follow_series(&meetings));
    }
    Ok(Tracking { links })
}

/// Writes `OUT/tracking.json` (through a temporary file, so a reader never sees half of it).
pub fn write_tracking(out: &Path, tracking: &Tracking) -> Result<(), Error> {
    let path = out.join(TRACKING_FILE);
    let tmp = out.join(format!(".{TRACKING_FILE}.tmp"));
    let write = |source| Error::Write {
        path: path.clone(),
        source,
    };
    let json = serde_json::to_vec_pretty(tracking).map_err(|e| write(std::io::Error::other(e)))?;
    std::fs::write(&tmp, json).map_err(write)?;
    std::fs::rename(&tmp, &path).map_err(write)
}

/// Everyone of a series' participant lists, each name once.
fn series_people(meetings: &[Meeting]) -> Vec<Person> {
    let mut out: Vec<Person> = Vec::new();
    for m in meetings {
        for p in &m.doc.participants {
            if !out.iter().any(|q| q.name == p.name) {
                out.push(Person {
                    name: p.name.clone(),
                    role: p.role.clone(),
                });
            }
        }
    }
    out
}

/// Resolves an action's assignees: the meeting's own list first, then the series'.
fn resolve_assignees(written: &[String], meeting: &Meeting, everyone: &[Person]) -> Vec<String> {
    let own: Vec<Person> = meeting
        .doc
        .participants
        .iter()
        .map(|p| Person {
            name: p.name.clone(),
            role: p.role.clone(),
        })
        .collect();
    written
        .iter()
        .map(|w| {
            people::resolve(w, &own)
                .or_else(|| people::resolve(w, everyone))
                .map(|p| p.name.clone())
                .unwrap_or_else(|| w.clone())
        })
        .collect()
}

/// The links of one series, its meetings in date order.
pub fn follow_series(meetings: &[Meeting]) -> Vec<Link> {
    let everyone = series_people(meetings);
    let lookup = Lookup::of(meetings);
    let mut links = Vec::new();
    for (k, m) in meetings.iter().enumerate() {
        // Only meetings known to be later can be where a matter comes back
        // (the series is in date order, undated meetings last).
        let later: Vec<usize> = match &m.date {
            Some(d) => (k + 1..meetings.len())
                .filter(|&j| {
                    meetings
                        .get(j)
                        .and_then(|l| l.date.as_ref())
                        .is_some_and(|ld| ld > d)
                })
                .collect(),
            None => Vec::new(),
        };
        for (ii, item) in m.doc.items.iter().enumerate() {
            for (xi, d) in item.deferrals.iter().enumerate() {
                let followed: Vec<Link> = deferred_items(&m.doc, ii, d)
                    .into_iter()
                    .map(|subject| {
                        let source = Source {
                            meeting: m,
                            meeting_index: k,
                            item: subject,
                            holder: ii,
                            extraction: xi,
                            kind: Kind::Deferral,
                            x: d,
                            assignees: Vec::new(),
                            people: Vec::new(),
                        };
                        follow(&source, meetings, &lookup, &later)
                    })
                    .collect();
                links.extend(merge_unreturned(followed));
            }
            for (xi, a) in item.actions.iter().enumerate() {
                if a.assignees.is_empty() {
                    continue;
                }
                let source = Source {
                    meeting: m,
                    meeting_index: k,
                    item: ii,
                    holder: ii,
                    extraction: xi,
                    kind: Kind::Action,
                    x: a,
                    assignees: resolve_assignees(&a.assignees, m, &everyone),
                    people: a
                        .assignees
                        .iter()
                        .filter_map(|w| people::resolve(w, &everyone).map(|p| p.name.clone()))
                        .collect(),
                };
                links.push(follow(&source, meetings, &lookup, &later));
            }
        }
    }
    links
}

/// The links of one deferral that named several items: one per item that
/// comes back, and one for all that do not (they share one fate: the
/// sentence that put them off is all the register has of them).
fn merge_unreturned(links: Vec<Link>) -> Vec<Link> {
    if links.len() < 2 {
        return links;
    }
    let (mut back, gone): (Vec<Link>, Vec<Link>) = links.into_iter().partition(|l| l.to.is_some());
    if let Some(first) = gone.first() {
        let mut merged = first.clone();
        if let Some(outcome) = gone
            .iter()
            .map(|l| l.outcome)
            .find(|o| *o == Outcome::StillOpen)
        {
            merged.outcome = outcome;
        }
        merged.place.from_item = merged.place.holder_item;
        back.push(merged);
    }
    back
}

/// The items a deferral puts off: those its sentence names by number
/// ("paragraferna 26–29"), else its own item.
fn deferred_items(doc: &Document, own: usize, d: &Extraction) -> Vec<usize> {
    let named: Vec<usize> = matching::referenced_items(&d.text)
        .iter()
        .filter_map(|n| {
            doc.items
                .iter()
                .position(|it| it.number.as_deref() == Some(n.as_str()))
        })
        .filter(|&i| i != own)
        .collect();
    if named.is_empty() { vec![own] } else { named }
}

/// What is being followed.
struct Source<'a> {
    meeting: &'a Meeting,
    /// Its index in the series.
    meeting_index: usize,
    item: usize,
    holder: usize,
    extraction: usize,
    kind: Kind,
    x: &'a Extraction,
    assignees: Vec<String>,
    /// The assignees that are participants of the series.
    people: Vec<String>,
}

/// A score at or above this is a match that outranks any weaker one in an earlier meeting.
const STRONG: u32 = 70;
/// The least score that is a match at all.
const WEAK: u32 = 40;

/// What the matchers read of an item, worked out once per series.
#[derive(Debug, Clone, Default)]
pub struct Features {
    /// Accounts of earlier treatment in its text.
    pub refs: Vec<matching::EarlierRef>,
    /// Case numbers in its text.
    pub cases: Vec<String>,
    /// Its title, folded.
    pub title: String,
    /// The raw title, for the weaker title comparison.
    pub raw_title: String,
    /// Its title and sentences, for the words of a task.
    pub sentences: Vec<String>,
}

impl Features {
    /// Reads an item.
    pub fn of(item: &Item) -> Features {
        Features {
            refs: matching::earlier_references(&item.text),
            cases: matching::case_numbers(&item.text),
            title: matching::title_key(&item.title),
            raw_title: item.title.clone(),
            sentences: std::iter::once(item.title.as_str())
                .chain(item.text.split(['\n', '.', '!', '?']))
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
        }
    }
}

/// How well a later item answers the source, and why.
pub fn score_match(
    source_date: Option<&str>,
    source_item: &Item,
    task: Option<(&str, &[String])>,
    later: &Item,
) -> Option<(u32, String)> {
    score_features(
        source_date,
        source_item.number.as_deref(),
        &Features::of(source_item),
        task,
        &Features::of(later),
    )
}

/// [`score_match`] on features read beforehand.
pub fn score_features(
    source_date: Option<&str>,
    source_number: Option<&str>,
    source: &Features,
    task: Option<(&str, &[String])>,
    later: &Features,
) -> Option<(u32, String)> {
    let mut best: Option<(u32, String)> = None;
    let mut offer = |score: u32, why: String| {
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, why));
        }
    };
    if let (Some(date), Some(number)) = (source_date, source_number)
        && later
            .refs
            .iter()
            .any(|r| r.date == date && r.number == number)
    {
        offer(100, format!("earlier treatment names § {number} of {date}"));
    }
    if let Some(c) = later.cases.iter().find(|c| source.cases.contains(c)) {
        offer(90, format!("same case number {c}"));
    }
    match matching::compare_titles(&source.raw_title, &later.raw_title) {
        TitleMatch::Same => offer(80, "same title".into()),
        TitleMatch::Prefix => offer(70, "same title (one cut short)".into()),
        TitleMatch::Contained => offer(WEAK, "title words".into()),
        TitleMatch::None => {}
    }
    if let Some((task, assignees)) = task {
        // The words of a task come back together, in one sentence of the
        // later item; a long item shares words with any task.
        let own = matching::content_words(task).len();
        for sentence in &later.sentences {
            let shared = matching::shared_words(task, sentence);
            if shared >= 2 && shared * 3 >= own * 2 {
                offer(WEAK, format!("{shared} words of the task"));
            }
            if shared >= 1 && assignees.iter().any(|a| mentions(sentence, a)) {
                offer(WEAK + 5, "the assignee and words of the task".into());
            }
        }
    }
    best
}

/// Where to look in a series: every item's features, and the items by what
/// the strong matchers compare, so that they need no scan.
struct Lookup {
    features: Vec<Vec<Features>>,
    by_ref: HashMap<(String, String), Vec<(usize, usize)>>,
    by_case: HashMap<String, Vec<(usize, usize)>>,
    by_title: HashMap<String, Vec<(usize, usize)>>,
}

impl Lookup {
    fn of(meetings: &[Meeting]) -> Lookup {
        let mut l = Lookup {
            features: Vec::with_capacity(meetings.len()),
            by_ref: HashMap::new(),
            by_case: HashMap::new(),
            by_title: HashMap::new(),
        };
        for (mi, m) in meetings.iter().enumerate() {
            let fs: Vec<Features> = m.doc.items.iter().map(Features::of).collect();
            for (li, f) in fs.iter().enumerate() {
                for r in &f.refs {
                    l.by_ref
                        .entry((r.date.clone(), r.number.clone()))
                        .or_default()
                        .push((mi, li));
                }
                for c in &f.cases {
                    l.by_case.entry(c.clone()).or_default().push((mi, li));
                }
                if !f.title.is_empty() {
                    l.by_title
                        .entry(f.title.clone())
                        .or_default()
                        .push((mi, li));
                }
            }
            l.features.push(fs);
        }
        l
    }
}

/// Weak matches (title words, the words of a task) are looked for in this
/// many later meetings; strong ones (earlier treatment, case number, title)
/// in all. Keeps following linear in the length of a series.
const WEAK_WINDOW: usize = 12;

/// Whether a text names a person: full name, first name or initials, as words.
fn mentions(text: &str, person: &str) -> bool {
    let first = people::first_name(person);
    let initials = people::initials(person);
    let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
    (person.contains(' ') && text.contains(person))
        || (first.chars().count() >= 3 && words.iter().any(|w| w.eq_ignore_ascii_case(first)))
        || (person.contains(' ')
            && initials.chars().count() >= 2
            && words.contains(&initials.as_str()))
}

/// Finds where a source comes back and how it ended.
fn follow(source: &Source, meetings: &[Meeting], lookup: &Lookup, later: &[usize]) -> Link {
    let m = source.meeting;
    let item = m.doc.items.get(source.item);
    let task = match source.kind {
        Kind::Action => Some((source.x.text.as_str(), source.people.as_slice())),
        Kind::Deferral => None,
    };
    // Candidates: what the strong matchers find anywhere later, and every
    // item of the next few meetings.
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    let own = lookup
        .features
        .get(source.meeting_index)
        .and_then(|f| f.get(source.item));
    if let (Some(item), Some(own)) = (item, own) {
        if let (Some(d), Some(n)) = (&m.date, &item.number)
            && let Some(v) = lookup.by_ref.get(&(d.clone(), n.clone()))
        {
            candidates.extend(v);
        }
        for c in &own.cases {
            candidates.extend(lookup.by_case.get(c).into_iter().flatten());
        }
        candidates.extend(lookup.by_title.get(&own.title).into_iter().flatten());
        for &mi in later.iter().take(WEAK_WINDOW) {
            let n = lookup.features.get(mi).map_or(0, Vec::len);
            candidates.extend((0..n).map(|li| (mi, li)));
        }
    }
    // `later` is a run of consecutive indexes.
    let (lo, hi) = (
        later.first().copied().unwrap_or(1),
        later.last().copied().unwrap_or(0),
    );
    candidates.retain(|(mi, _)| (lo..=hi).contains(mi));
    candidates.sort_unstable();
    candidates.dedup();
    // Scores: (score, meeting index, item index, why).
    let mut scored: Vec<(u32, usize, usize, String)> = Vec::new();
    if let (Some(item), Some(own)) = (item, own) {
        for (mi, li) in candidates {
            let Some(f) = lookup.features.get(mi).and_then(|f| f.get(li)) else {
                continue;
            };
            if let Some((s, why)) =
                score_features(m.date.as_deref(), item.number.as_deref(), own, task, f)
            {
                scored.push((s, mi, li, why));
            }
        }
    }
    let pick = |floor: u32| {
        let first = scored.iter().filter(|c| c.0 >= floor).map(|c| c.1).min()?;
        scored
            .iter()
            .filter(|c| c.0 >= floor && c.1 == first)
            .max_by_key(|c| (c.0, std::cmp::Reverse(c.2)))
    };
    let chosen = pick(STRONG).or_else(|| pick(WEAK));
    let label = |it: Option<&Item>| it.map(|i| i.label().to_string()).unwrap_or_default();
    let mut link = Link {
        from: From {
            document: m.file_name.clone(),
            // Where the sentence stands, also when it defers other items.
            item: label(m.doc.items.get(source.holder)),
            kind: source.kind,
            text: source.x.text.clone(),
            assignees: source.assignees.clone(),
        },
        to: None,
        outcome: Outcome::NotInSeries,
        evidence: String::new(),
        place: Place {
            series: m.series.clone(),
            from_output: m.output.clone(),
            from_date: m.date.clone(),
            from_item: source.item,
            holder_item: source.holder,
            extraction: source.extraction,
            ..Default::default()
        },
    };
    match chosen.and_then(|c| {
        Some((
            c,
            meetings.get(c.1)?,
            meetings.get(c.1)?.doc.items.get(c.2)?,
        ))
    }) {
        Some(((_, _, li, why), lm, litem)) => {
            let (outcome, sentence) = outcome_of(source.kind, litem);
            link.to = Some(To {
                document: lm.file_name.clone(),
                item: litem.label().to_string(),
            });
            link.outcome = outcome;
            link.evidence = format!("{why}; {}: {sentence}", lm.date.as_deref().unwrap_or(""));
            link.place.to_output = Some(lm.output.clone());
            link.place.to_date = lm.date.clone();
            link.place.to_item = Some(*li);
        }
        None => {
            let due = match source.kind {
                Kind::Deferral => source.x.target_date.as_deref(),
                Kind::Action => source.x.due.as_deref(),
            };
            let last = later
                .last()
                .and_then(|&j| meetings.get(j))
                .and_then(|l| l.date.as_deref());
            let (outcome, evidence) = unmatched(due, later.len(), last);
            link.outcome = outcome;
            link.evidence = evidence;
        }
    }
    link
}

/// How a matter that came back ended, and the sentence that says so.
pub fn outcome_of(kind: Kind, later: &Item) -> (Outcome, String) {
    let first_line = || {
        later
            .text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or(later.title.as_str())
            .to_string()
    };
    let deferred = later
        .deferrals
        .first()
        .map(|d| d.text.clone())
        .or_else(|| matching::cue_sentence(&later.text, lexicon::DEFERRED).map(str::to_string));
    match kind {
        Kind::Deferral => match deferred {
            Some(s) => (Outcome::DeferredAgain, s),
            None => {
                let s = later
                    .decisions
                    .iter()
                    .map(|d| d.text.as_str())
                    .rfind(|t| !t.trim_end().ends_with(':'))
                    .map(str::to_string)
                    .or_else(|| {
                        matching::cue_sentence(&later.text, lexicon::DECIDED).map(str::to_string)
                    })
                    .unwrap_or_else(first_line);
                (Outcome::Decided, s)
            }
        },
        Kind::Action => {
            if let Some(s) = matching::cue_sentence(&later.text, lexicon::DONE) {
                return (Outcome::ReportedDone, s.to_string());
            }
            if let Some(s) = deferred {
                return (Outcome::DeferredAgain, s);
            }
            if let Some(s) = later.decisions.first().map(|d| d.text.clone()).or_else(|| {
                matching::cue_sentence(&later.text, lexicon::DECIDED).map(str::to_string)
            }) {
                return (Outcome::Decided, s);
            }
            (Outcome::StillOpen, first_line())
        }
    }
}

/// A matter that does not come back: still open when a later meeting was
/// held by the date it was due back, else beyond the archive's series.
pub fn unmatched(due: Option<&str>, later: usize, last: Option<&str>) -> (Outcome, String) {
    match (due, last) {
        (Some(due), Some(last)) if last >= due => (
            Outcome::StillOpen,
            format!(
                "due back by {due}; not among the items of the {} later meetings (to {last})",
                later
            ),
        ),
        (_, Some(last)) => (
            Outcome::NotInSeries,
            format!(
                "not among the items of the {} later meetings (to {last}){}",
                later,
                due.map(|d| format!("; due back {d}, after them"))
                    .unwrap_or_default()
            ),
        ),
        (_, None) => (
            Outcome::NotInSeries,
            "no later meeting of the series in the archive".into(),
        ),
    }
}

/// Tracks `out`, writes `OUT/tracking.json`, and returns the links. Refuses
/// when a converted document's output is itself `OUT/tracking.json` (an
/// input named `tracking.*` at the top of the archive), rather than overwrite it.
pub fn track_and_write(out: &Path) -> Result<Tracking, Error> {
    let archive = Archive::open(out)?;
    if let Some(e) = archive.entries.iter().find(|e| e.output == TRACKING_FILE) {
        return Err(Error::Write {
            path: out.join(TRACKING_FILE),
            source: std::io::Error::other(format!(
                "it is the converted output of {}; convert into another folder or rename that input",
                e.input
            )),
        });
    }
    let t = track(out)?;
    write_tracking(out, &t)?;
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Extraction, Item, Participant};

    fn item(number: Option<&str>, title: &str, text: &str) -> Item {
        Item {
            id: format!("item-{title}"),
            number: number.map(Into::into),
            title: title.into(),
            text: text.into(),
            ..Default::default()
        }
    }

    fn x(text: &str) -> Extraction {
        Extraction {
            text: text.into(),
            ..Default::default()
        }
    }

    fn meeting(name: &str, date: &str, items: Vec<Item>) -> Meeting {
        Meeting {
            file_name: name.into(),
            output: name.into(),
            series: "s".into(),
            date: Some(date.into()),
            doc: Document {
                items,
                ..Default::default()
            },
        }
    }

    #[test]
    fn a_tabled_motion_is_followed_by_its_earlier_treatment() {
        let mut order = item(Some("21"), "Ordningsfråga", "");
        order
            .deferrals
            .push(x("Motionerna under paragraferna 26–27 bordläggs."));
        let mut m26 = item(Some("26"), "Motion om fritidshem", "");
        m26.deferrals.push(Extraction {
            target_date: Some("2023-11-23".into()),
            ..x("Ärendet bordläggs till sammanträdet den 23 november 2023.")
        });
        let m27 = item(Some("27"), "Motion om säkerhet", "");
        let first = meeting("a.txt", "2023-10-12", vec![order, m26, m27]);
        let mut later26 = item(
            Some("63"),
            "Motion om fritidshem för alla barn",
            "Tidigare behandling\nBordlagt den 12 oktober 2023, § 26.",
        );
        later26.deferrals.push(x(
            "Ärendet bordläggs till sammanträdet den 7 december 2023.",
        ));
        let mut later27 = item(Some("64"), "Motion om säkerhet", "Beslut\nMotionen avslås.");
        later27.decisions.push(x("Motionen avslås."));
        let second = meeting("b.txt", "2023-11-23", vec![later26, later27]);

        let links = follow_series(&[first, second]);
        let found: Vec<(String, String, Option<String>, Outcome)> = links
            .iter()
            .map(|l| {
                (
                    l.from.item.clone(),
                    l.from.text.chars().take(10).collect(),
                    l.to.as_ref().map(|t| t.item.clone()),
                    l.outcome,
                )
            })
            .collect();
        assert_eq!(
            found,
            vec![
                (
                    "21".into(),
                    "Motionerna".into(),
                    Some("63".into()),
                    Outcome::DeferredAgain
                ),
                (
                    "21".into(),
                    "Motionerna".into(),
                    Some("64".into()),
                    Outcome::Decided
                ),
                (
                    "26".into(),
                    "Ärendet bo".into(),
                    Some("63".into()),
                    Outcome::DeferredAgain
                ),
                // Deferred again at the last meeting: nothing later to look in.
                ("63".into(), "Ärendet bo".into(), None, Outcome::NotInSeries),
            ]
        );
        assert!(
            links[0].evidence.contains("§ 26 of 2023-10-12"),
            "{}",
            links[0].evidence
        );
        assert!(
            links[1].evidence.contains("Motionen avslås"),
            "{}",
            links[1].evidence
        );
    }

    #[test]
    fn a_task_comes_back_reported_done_by_its_words() {
        let mut own = item(None, "Skyltar", "Anna beställer nya skyltar.");
        own.actions.push(Extraction {
            assignees: vec!["Anna".into()],
            ..x("Anna beställer nya skyltar.")
        });
        let mut first = meeting("a.txt", "2024-03-01", vec![own]);
        first.doc.participants.push(Participant {
            name: "Anna Berg".into(),
            ..Default::default()
        });
        let second = meeting(
            "b.txt",
            "2024-04-01",
            vec![item(
                None,
                "Övrigt",
                "Skyltarna är beställda och kommer i maj.",
            )],
        );
        let links = follow_series(&[first, second]);
        assert_eq!(links.len(), 1);
        let l = &links[0];
        assert_eq!(l.from.assignees, ["Anna Berg"]);
        assert_eq!(l.to.as_ref().map(|t| t.item.as_str()), Some("Övrigt"));
        assert_eq!(l.outcome, Outcome::ReportedDone);
    }

    #[test]
    fn what_does_not_come_back() {
        let mut own = item(Some("5"), "Lokaler", "");
        own.deferrals.push(Extraction {
            target_date: Some("2024-04-01".into()),
            ..x("Ärendet bordläggs.")
        });
        own.actions.push(Extraction {
            assignees: vec!["Kommunstyrelsen".into()],
            ..x("Kommunstyrelsen får i uppdrag att utreda lokalerna.")
        });
        let first = meeting("a.txt", "2024-03-01", vec![own.clone()]);
        let second = meeting(
            "b.txt",
            "2024-04-01",
            vec![item(Some("1"), "Budget", "Budgeten antas.")],
        );
        let links = follow_series(&[first.clone(), second]);
        let outcomes: Vec<Outcome> = links.iter().map(|l| l.outcome).collect();
        // Due back on 2024-04-01, and that meeting does not take it up; the task had no date.
        assert_eq!(outcomes, [Outcome::StillOpen, Outcome::NotInSeries]);
        // The last meeting of a series: nothing later to look in.
        let alone = follow_series(&[first]);
        assert!(
            alone
                .iter()
                .all(|l| l.outcome == Outcome::NotInSeries && l.to.is_none())
        );
    }

    #[test]
    fn outcomes_of_a_later_item() {
        let mut again = item(Some("9"), "T", "");
        again.deferrals.push(x("Ärendet bordläggs igen."));
        assert_eq!(outcome_of(Kind::Deferral, &again).0, Outcome::DeferredAgain);
        let answered = item(Some("9"), "T", "Ordföranden besvarar interpellationen.");
        assert_eq!(outcome_of(Kind::Deferral, &answered).0, Outcome::Decided);
        let done = item(None, "T", "Vi har en ny 3D-skrivare!");
        assert_eq!(outcome_of(Kind::Action, &done).0, Outcome::ReportedDone);
        let decided = item(None, "T", "Vi bestämmer att Martin beställer.");
        assert_eq!(outcome_of(Kind::Action, &decided).0, Outcome::Decided);
        let open = item(None, "T", "Vi påminner Aku igen.");
        assert_eq!(outcome_of(Kind::Action, &open).0, Outcome::StillOpen);
    }
}
