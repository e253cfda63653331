//! What one document's score is made of: every gold entry not found, every
//! found entry with no gold twin, and every attribute checked and wrong.
//! Each false negative, false positive and failed accuracy check of the
//! summary is one [`Difference`].

use serde::{Serialize, Serializer};

/// What kind of difference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Finding {
    /// In the gold, not found.
    Missed,
    /// Found, not in the gold.
    Extra,
    /// Found and paired, but an attribute differs.
    Wrong,
}

impl Finding {
    /// The word shown in the report.
    pub fn as_str(self) -> &'static str {
        match self {
            Finding::Missed => "missed",
            Finding::Extra => "extra",
            Finding::Wrong => "wrong",
        }
    }
}

/// The meeting fields score.py compares, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingField {
    /// `organization`.
    Organization,
    /// `department`.
    Department,
    /// `body`.
    Body,
    /// `date`.
    Date,
    /// `document_date`.
    DocumentDate,
    /// `start_time`.
    StartTime,
    /// `end_time`.
    EndTime,
    /// `location`.
    Location,
}

impl MeetingField {
    /// All of them, in score.py's order.
    pub const ALL: [MeetingField; 8] = [
        MeetingField::Organization,
        MeetingField::Department,
        MeetingField::Body,
        MeetingField::Date,
        MeetingField::DocumentDate,
        MeetingField::StartTime,
        MeetingField::EndTime,
        MeetingField::Location,
    ];

    /// The JSON key.
    pub fn key(self) -> &'static str {
        match self {
            MeetingField::Organization => "organization",
            MeetingField::Department => "department",
            MeetingField::Body => "body",
            MeetingField::Date => "date",
            MeetingField::DocumentDate => "document_date",
            MeetingField::StartTime => "start_time",
            MeetingField::EndTime => "end_time",
            MeetingField::Location => "location",
        }
    }
}

/// The kinds of extraction scored with a key contained in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A decision.
    Decision,
    /// An action.
    Action,
    /// A deferral.
    Deferral,
}

impl Kind {
    /// All of them, in score.py's order.
    pub const ALL: [Kind; 3] = [Kind::Decision, Kind::Action, Kind::Deferral];

    /// The JSON key of the list (`decisions`), also the metric's name.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Decision => "decisions",
            Kind::Action => "actions",
            Kind::Deferral => "deferrals",
        }
    }

    /// One of them (`decision`).
    pub fn singular(self) -> &'static str {
        match self {
            Kind::Decision => "decision",
            Kind::Action => "action",
            Kind::Deferral => "deferral",
        }
    }
}

/// What a difference is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// A meeting field.
    Meeting(MeetingField),
    /// A participant (by name).
    Participant,
    /// A paired participant's role.
    Role,
    /// A paired participant's attendance.
    Attendance,
    /// An agenda item.
    Item,
    /// A paired item's title (less than 0.8 similar).
    Title,
    /// A decision, action or deferral.
    Extraction(Kind),
    /// A paired action's assignees.
    Assignees,
    /// A paired action's due date.
    Due,
    /// A paired deferral's target date.
    TargetDate,
    /// A next meeting's date.
    NextMeeting,
}

impl Subject {
    /// The name shown in the report and in JSON (`meeting.date`, `decision`).
    pub fn name(self) -> String {
        match self {
            Subject::Meeting(f) => format!("meeting.{}", f.key()),
            Subject::Participant => "participant".into(),
            Subject::Role => "role".into(),
            Subject::Attendance => "attendance".into(),
            Subject::Item => "item".into(),
            Subject::Title => "title".into(),
            Subject::Extraction(k) => k.singular().into(),
            Subject::Assignees => "assignees".into(),
            Subject::Due => "due".into(),
            Subject::TargetDate => "target_date".into(),
            Subject::NextMeeting => "next_meeting".into(),
        }
    }
}

impl Serialize for Subject {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.name())
    }
}

/// An item as written, gold or found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ItemRef {
    /// Its number, if any.
    pub number: Option<String>,
    /// Its title, if any.
    pub title: Option<String>,
}

/// Where a found entry stands: under an item or at document level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Place {
    /// At document level, outside every item.
    Document,
    /// Under this found item.
    Item(ItemRef),
}

/// One difference between the gold and what was found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Difference {
    /// Missed, extra or wrong.
    pub finding: Finding,
    /// What it is about.
    #[serde(rename = "what")]
    pub subject: Subject,
    /// The gold item it belongs to (also for extras found under the found
    /// item paired with it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<ItemRef>,
    /// The found item it belongs to, when that item has no gold twin.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub found_item: Option<ItemRef>,
    /// Whose attribute (participant name, extraction key) for `wrong`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
    /// The gold value (key, name, field value).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gold: Option<String>,
    /// The found value (text, name, field value).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub found: Option<String>,
    /// For a missed decision, action or deferral: where it was found
    /// instead, when it was (it then counts for the `*_anywhere` metrics).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub found_under: Option<Place>,
}

impl Difference {
    /// A difference with nothing but its finding and subject set.
    pub fn new(finding: Finding, subject: Subject) -> Self {
        Difference {
            finding,
            subject,
            item: None,
            found_item: None,
            of: None,
            gold: None,
            found: None,
            found_under: None,
        }
    }
}
