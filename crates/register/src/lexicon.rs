//! The Swedish the register reads, as data: the cue words that say a matter
//! was dealt with earlier, which items a sentence points at, how a task was
//! reported, and the labels of case numbers. Every matcher in
//! [`crate::matching`] reads its words from here.

/// Month names (and their usual abbreviations), 1-based by position.
pub const MONTHS: &[&[&str]] = &[
    &["januari", "jan"],
    &["februari", "feb"],
    &["mars", "mar"],
    &["april", "apr"],
    &["maj"],
    &["juni", "jun"],
    &["juli", "jul"],
    &["augusti", "aug"],
    &["september", "sep", "sept"],
    &["oktober", "okt"],
    &["november", "nov"],
    &["december", "dec"],
];

/// Words that open an account of how a matter was handled before
/// ("Tidigare behandling: Bordlagt den 12 oktober 2023, § 22").
pub const EARLIER_TREATMENT: &[&str] = &[
    "tidigare behandling",
    "bordlagt den",
    "bordlades den",
    "bordlagd den",
    "återremitterat den",
    "återremitterad den",
    "återremitterades den",
    "behandlat den",
    "behandlades den",
];

/// Words before the item numbers a sentence points at
/// ("Motionerna under paragraferna 26–29 bordläggs").
pub const ITEM_REFERENCES: &[&str] = &["paragraferna", "paragraf", "punkterna", "punkt", "§§"];

/// Labels of a case number (diarienummer).
pub const CASE_NUMBER_LABELS: &[&str] = &[
    "ärendenummer",
    "ärendenr",
    "diarienummer",
    "diarienr",
    "dnr",
];

/// A later item reports the task done.
pub const DONE: &[&str] = &[
    "är beställd",
    "är beställda",
    "är beställt",
    "har beställts",
    "är klar",
    "är klart",
    "är klara",
    "är gjort",
    "är gjord",
    "har gjorts",
    "är genomförd",
    "är genomfört",
    "har genomförts",
    "är löst",
    "är fixad",
    "är fixat",
    "är köpt",
    "har köpts",
    "är inköpt",
    "vi har köpt",
    "vi har en ny",
    "vi har fått",
    "har mailat",
    "har mejlat",
    "har skickat",
    "har skickats",
    "är skickad",
    "förklaras fullgjort",
    "förklaras fullgjord",
    "är avklarad",
    "är avklarat",
    "är på plats",
];

/// A later item takes a decision on the matter.
pub const DECIDED: &[&str] = &[
    "vi bestämmer",
    "vi beslutar",
    "beslutar",
    "beslutades",
    "beslöts",
    "bestämdes",
    "besvarar interpellationen",
    "besvarade interpellationen",
    "antas",
    "avslås",
    "bifalles",
    "bifalls",
    "godkänns",
    "fastställs",
    "antecknas",
];

/// A later item puts the matter off again (besides its extracted deferrals).
pub const DEFERRED: &[&str] = &[
    "bordläggs",
    "återremitteras",
    "skjuts upp",
    "flyttas till nästa möte",
    "tas upp på nästa möte",
];

/// Words that say nothing about which matter a text is about: left out when
/// the words of a task are compared with a later item's.
pub const STOP_WORDS: &[&str] = &[
    "alla", "allt", "andra", "att", "av", "blir", "bör", "dem", "den", "denna", "der", "det",
    "detta", "dom", "efter", "eller", "ett", "finns", "från", "för", "göra", "han", "hans", "har",
    "hen", "hon", "hur", "inför", "inom", "inte", "kan", "kommer", "man", "med", "mellan", "mot",
    "måste", "nya", "när", "nästa", "och", "också", "ska", "skall", "som", "sedan", "till",
    "under", "upp", "ut", "var", "vara", "vi", "vid", "vill", "vår", "våra", "även", "över", "får",
    "uppdrag", "ärendet", "gång", "någon", "några", "mer", "mycket",
];

/// How an assignee may name the chair.
pub const CHAIR: &[&str] = &[
    "ordf",
    "ordf.",
    "ordförande",
    "ordföranden",
    "mötesordförande",
];

/// The participant role of the chair.
pub const CHAIR_ROLE: &str = "ordförande";

/// Assignees that are everyone, not a person.
pub const EVERYONE: &[&str] = &["all", "alla", "vi", "samtliga"];
