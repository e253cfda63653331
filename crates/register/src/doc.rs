//! The converted documents as the register reads them: the JSON contract
//! (README "The JSON contract"), read leniently. Fields may be added to the
//! contract and older outputs may lack some: every field has a default, and
//! unknown fields are ignored, so a document from another version still loads.

use serde::Deserialize;

/// One converted document (`OUT/…/x.json`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Document {
    /// The input file.
    pub source: Source,
    /// The meeting the minutes are of.
    pub meeting: Meeting,
    /// The participant list.
    pub participants: Vec<Participant>,
    /// Agenda items in document order.
    pub items: Vec<Item>,
    /// Coming meetings the minutes announce.
    pub next_meetings: Vec<NextMeeting>,
    /// What made the document.
    pub generator: Generator,
}

/// `source`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Source {
    /// The input's path as the converter saw it.
    pub path: String,
    /// txt, docx or pdf.
    pub format: Option<String>,
    /// SHA-256 of the input bytes.
    pub sha256: String,
    /// Size of the input.
    pub bytes: Option<i64>,
    /// Page count when the format has pages.
    pub pages: Option<i64>,
}

/// `meeting`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Meeting {
    /// Organisation (kommun, region, förening).
    pub organization: Option<String>,
    /// Office or department.
    pub department: Option<String>,
    /// The body that met (kommunfullmäktige, styrelse…).
    pub body: Option<String>,
    /// minutes, agenda or notice.
    pub document_type: Option<String>,
    /// Meeting date, ISO.
    pub date: Option<String>,
    /// Date of the document itself, ISO.
    pub document_date: Option<String>,
    /// "HH:MM".
    pub start_time: Option<String>,
    /// "HH:MM".
    pub end_time: Option<String>,
    /// Where.
    pub location: Option<String>,
}

/// `participants[]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Participant {
    /// Full name as written.
    pub name: String,
    /// ordförande, sekreterare, justerare…
    pub role: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Party, unit or employer.
    pub affiliation: Option<String>,
    /// member, adjunct, guest, secretary.
    pub group: Option<String>,
    /// present, absent, partial.
    pub attendance: Option<String>,
    /// Took part remotely.
    pub remote: Option<bool>,
    /// Free note.
    pub note: Option<String>,
}

/// `items[]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Item {
    /// The item's id within the document ("item-3").
    pub id: String,
    /// Normalized number ("45", "2a"), when numbered.
    pub number: Option<String>,
    /// Title.
    pub title: String,
    /// The enclosing item's number.
    pub parent: Option<String>,
    /// The item's text.
    pub text: String,
    /// An agenda's Ansvar column.
    pub responsible: Option<String>,
    /// Attachments.
    pub attachments: Vec<Attachment>,
    /// Decisions.
    pub decisions: Vec<Extraction>,
    /// Actions.
    pub actions: Vec<Extraction>,
    /// Deferrals.
    pub deferrals: Vec<Extraction>,
    /// Where the item stands.
    pub span: Span,
}

impl Item {
    /// How the item is named in links: its number, or its title when it has none.
    pub fn label(&self) -> &str {
        match self.number.as_deref() {
            Some(n) if !n.trim().is_empty() => n,
            _ => &self.title,
        }
    }
}

/// `attachments[]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Attachment {
    /// Name as written.
    pub name: String,
    /// A link, when the minutes give one.
    pub link: Option<String>,
}

/// A decision, action or deferral: the fields of all three, those that do
/// not apply left empty.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Extraction {
    /// The sentence or labelled block.
    pub text: String,
    /// The id of the rule that found it.
    pub rule: String,
    /// Where it stands.
    pub span: Span,
    /// Actions: who.
    pub assignees: Vec<String>,
    /// Actions: by when, ISO.
    pub due: Option<String>,
    /// Deferrals: to when, ISO.
    pub target_date: Option<String>,
    /// Deferrals: why.
    pub reason: Option<String>,
    /// Deferrals: bordläggning, återremiss, uppskjuten, utgår.
    #[serde(rename = "type")]
    pub deferral_type: Option<String>,
}

/// A source span (only what the register uses).
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(default)]
pub struct Span {
    /// Page, when the format has pages.
    pub page: Option<i64>,
    /// Line, when known.
    pub line: Option<i64>,
}

/// `next_meetings[]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct NextMeeting {
    /// ISO date.
    pub date: Option<String>,
    /// Topics announced.
    pub topics: Vec<String>,
    /// Free note.
    pub note: Option<String>,
}

/// `generator`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Generator {
    /// "minutes".
    pub name: String,
    /// The converter's version.
    pub version: String,
    /// SHA-256 of the rules file used.
    pub rules: String,
}

impl Generator {
    /// What decides whether the same input would convert differently: the
    /// converter's version and its rules.
    pub fn fingerprint(&self) -> String {
        format!("{} {} {}", self.name, self.version, self.rules)
    }
}
