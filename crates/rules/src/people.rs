//! Resolving who an action is for, and the phrases that point at coming
//! meetings.
//!
//! Assignees are written as initials ("BL"), first names ("Karin"), a first
//! name and an initial ("Josefin R"), a role ("Ordförande"), everyone
//! ("Alla") or a group ("SOR", "RSL au"). They become full names when the
//! participant list makes that unambiguous, "all" for everyone, and stay as
//! written otherwise (ANNOTATION.md, Actions).

use minutes_gate::{Exact, Gated};
use minutes_structure::Participant;
use regex::Regex;
use std::sync::LazyLock;

/// The participants, indexed for resolving assignees.
pub struct People<'a> {
    participants: &'a [Participant],
    body: Option<&'a str>,
}

const EVERYONE: &[&str] = &[
    "alla",
    "samtliga",
    "var och en",
    "everyone",
    "all",
    "alla deltagare",
    // The group writing the minutes: "Det beslutades att vi ser över …".
    "vi",
    "we",
];
const CHAIR: &[&str] = &["ordförande", "ordföranden", "ordf", "ordf."];
const SECRETARY: &[&str] = &["sekreterare", "sekreteraren", "mötessekreteraren"];

/// Posts written before a person's name ("Ordföranden Anna Berg",
/// "Kassören Cecilia Lund"), lower case: the name is the assignee.
const POSTS_BEFORE_NAME: &[&str] = &[
    "ordföranden",
    "ordförande",
    "ordf.",
    "ordf",
    "vice ordförande",
    "kassören",
    "kassör",
    "sekreteraren",
    "sekreterare",
    "ledamoten",
    "ledamot",
    "suppleanten",
    "revisorn",
    "vicevärden",
    "förvaltaren",
];

fn initials(name: &str) -> String {
    name.split([' ', '-'])
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect()
}

impl<'a> People<'a> {
    /// Index the participants of a meeting of `body`.
    pub fn new(participants: &'a [Participant], body: Option<&'a str>) -> Self {
        People { participants, body }
    }

    /// The people of the meeting a sentence names, in full or by first
    /// name, each once: whom a "han" or "hon" in the next sentence means.
    pub fn mentioned(&self, sentence: &str) -> Vec<String> {
        let words: Vec<&str> = sentence
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| !w.is_empty())
            .collect();
        let mut out: Vec<String> = Vec::new();
        for p in self.participants {
            let mut parts = p.name.split_whitespace();
            let Some(first) = parts.next() else { continue };
            let named = words.contains(&first)
                || p.name.contains(' ') && sentence.contains(p.name.as_str());
            if named && !out.contains(&p.name) {
                out.push(p.name.clone());
            }
        }
        out
    }

    /// Resolve one written name to a full name, "all", or itself.
    pub fn resolve(&self, written: &str) -> String {
        let w = written
            .trim()
            .trim_matches(|c: char| c == ',' || c == '.' || c == ':' || c.is_whitespace());
        // "Dr. Sofia Carlberg": a title of address is no part of the name.
        let w = ["Dr. ", "Dr ", "Prof. ", "Mr. ", "Mrs. ", "Ms. "]
            .iter()
            .find_map(|t| w.strip_prefix(t))
            .unwrap_or(w)
            .trim();
        // "Anna (ordf)": what the brackets say of the person is no part of
        // the name.
        let w = match w.split_once(" (") {
            Some((name, rest)) if rest.ends_with(')') && !name.is_empty() => name.trim(),
            _ => w,
        };
        // 'Lars "Lacka" Eriksson': a nickname in quotes between the names
        // resolves as the listed name without it.
        let without_nickname;
        let w = match w.split_once(' ').and_then(|(first, rest)| {
            let (nick, last) = rest.split_once(' ')?;
            let quoted = nick.chars().count() > 2
                && nick.starts_with(['"', '“', '”'])
                && nick.ends_with(['"', '“', '”']);
            quoted.then(|| format!("{first} {last}"))
        }) {
            Some(plain)
                if self
                    .participants
                    .iter()
                    .any(|p| p.name.eq_ignore_ascii_case(&plain)) =>
            {
                without_nickname = plain;
                without_nickname.as_str()
            }
            _ => w,
        };
        // "Ordföranden Anna Berg": the post before the name.
        let w = POSTS_BEFORE_NAME
            .iter()
            .find_map(|post| {
                let head = w.get(..post.len())?;
                let rest = w.get(post.len()..)?.strip_prefix(' ')?;
                (head.to_lowercase() == *post && rest.starts_with(char::is_uppercase))
                    .then_some(rest)
            })
            .unwrap_or(w);
        let lower = w.to_lowercase();
        // "Rådets medlemmar", "styrelsens ledamöter": the whole body.
        if EVERYONE.contains(&lower.as_str())
            || lower.ends_with("s medlemmar")
            || lower.ends_with("s ledamöter")
        {
            return "all".to_string();
        }
        let by_role = |role: &str| {
            self.participants
                .iter()
                .filter(|p| p.role.as_deref() == Some(role))
                .map(|p| p.name.clone())
                .collect::<Vec<_>>()
        };
        if CHAIR.contains(&lower.as_str()) {
            let chairs = by_role("ordförande");
            if chairs.len() == 1 {
                return chairs[0].clone();
            }
        }
        if SECRETARY.contains(&lower.as_str()) {
            let s = by_role("sekreterare");
            if s.len() == 1 {
                return s[0].clone();
            }
        }
        if lower == "au"
            && let Some(b) = self.body
        {
            return format!("{b} au");
        }
        // Full name written out.
        if let Some(p) = self
            .participants
            .iter()
            .find(|p| p.name.eq_ignore_ascii_case(w))
        {
            return p.name.clone();
        }
        // Initials: "BL", "AM".
        if (2..=3).contains(&w.chars().count()) && w.chars().all(char::is_uppercase) {
            let m: Vec<&Participant> = self
                .participants
                .iter()
                .filter(|p| initials(&p.name) == w)
                .collect();
            if m.len() == 1 {
                return m[0].name.clone();
            }
            return w.to_string();
        }
        let words: Vec<&str> = w.split_whitespace().collect();
        match words.as_slice() {
            // A unique first name: "Karin" → Karin Andersson.
            [first] => {
                let m: Vec<&Participant> = self
                    .participants
                    .iter()
                    .filter(|p| p.name.split_whitespace().next() == Some(*first))
                    .collect();
                if m.len() == 1 {
                    return m[0].name.clone();
                }
                w.to_string()
            }
            // "Josefin R", "Lisa B", "Karin A": first name and initial.
            [first, initial]
                if initial.trim_end_matches('.').chars().count() == 1
                    && initial.chars().next().is_some_and(char::is_uppercase) =>
            {
                let ini = initial.chars().next().unwrap_or(' ');
                let m: Vec<&Participant> = self
                    .participants
                    .iter()
                    .filter(|p| {
                        let mut ws = p.name.split_whitespace();
                        let f = ws.next().unwrap_or("");
                        let last = ws.last().unwrap_or("");
                        (f == *first || (first.chars().count() >= 5 && f.starts_with(*first)))
                            && last.starts_with(ini)
                    })
                    .collect();
                if m.len() == 1 {
                    return m[0].name.clone();
                }
                w.to_string()
            }
            _ => w.to_string(),
        }
    }

    /// Resolve a written list "Karin och Joanna", "RPO akut vård och RPO
    /// perioperativ vård, intensivvård och transplantation". A list splits
    /// at "och", "&", "," and "/" only before a capitalised word, so a group
    /// name with lower-case parts stays whole.
    pub fn resolve_list(&self, written: &str) -> Vec<String> {
        let expanded = written.replace("resp.", "respektive");
        let mut out: Vec<String> = Vec::new();
        for part in split_list(&expanded) {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            let r = self.resolve(part);
            if !out.contains(&r) {
                out.push(r);
            }
        }
        out
    }

    /// Does a written list ("Hampus och Stig", "KL och JW") name people of
    /// the meeting: everyone of the attendance list (in full, by initials or
    /// by first name), or, two or more together, one of them and the others
    /// written as names? With no attendance list, only full names of people
    /// count.
    pub fn lists_all(&self, written: &str) -> bool {
        let parts = split_list(written);
        // Minutes without an attendance list: a full name ("Lasse Nilsson
        // reviderar prognosen"), not an organisation's, is someone of the
        // meeting. People known only as the meeting's officers (elected to
        // check the minutes, signing them) are no attendance list either.
        // (A list of officers alone is rare: their roles come from the
        // elections and signatures more often than from a list.)
        let no_list = self.participants.iter().all(|p| {
            p.role
                .as_deref()
                .is_some_and(|r| minutes_structure::lexicon::SIGNING_ROLES.contains(&r))
        });
        let listed = |part: &str| {
            let r = self.resolve(part);
            self.participants
                .iter()
                .any(|p| p.name == r || p.name.split_whitespace().next() == Some(part))
                || no_list && minutes_structure::is_person_name(part)
        };
        let parts: Vec<&str> = parts.iter().map(|p| p.trim()).collect();
        if parts.is_empty() || parts.iter().any(|p| p.is_empty()) {
            return false;
        }
        // Each part resolved once.
        let on_list: Vec<bool> = parts.iter().map(|p| listed(p)).collect();
        // Two or more who do a task together, someone of the meeting among
        // them: the others are people too when their names are written as
        // names ("Kerstin och Lena brygger kaffe", Lena a nickname the list
        // does not give, or someone from outside the meeting).
        on_list.iter().all(|&l| l)
            || parts.len() > 1
                && on_list.iter().any(|&l| l)
                && parts
                    .iter()
                    .zip(&on_list)
                    .all(|(p, &l)| l || name_shaped(p))
    }

    /// "Skicka ut info till medlemmarna, Cecilia": the people of the
    /// meeting named after a comma that closes an unowned task, resolved.
    /// None unless every name is someone of the attendance list.
    pub fn listed_after_comma(&self, sentence: &str) -> Option<Vec<String>> {
        let who = COMMA_OWNER.captures(sentence.trim())?.name("who")?.as_str();
        let listed = split_list(who).iter().all(|part| {
            let r = self.resolve(part.trim());
            self.participants.iter().any(|p| p.name == r)
        });
        listed.then(|| self.resolve_list(who))
    }

    /// The agent of a passive task: "… skickas vidare av sekreteraren",
    /// "… uppdateras av Bo senast 1 maj", "… tas fram av Bo och Cecilia".
    pub fn agent(&self, sentence: &str) -> Vec<String> {
        AGENT
            .captures(sentence)
            .and_then(|c| c.name("who"))
            .map(|m| self.resolve_list(m.as_str()))
            .unwrap_or_default()
    }

    /// The assignees at the start of a sentence: "Karin och Joanna
    /// rapporterar", "BL återkopplar", "Action: Helena kommer sammankalla".
    pub fn subject(&self, sentence: &str) -> Vec<String> {
        let s = LEAD.replace(sentence.trim(), "");
        // "Det beslutades att Tome ska …": the subject is after "att".
        let s = match IMPERSONAL.find(&s) {
            Some(m) => std::borrow::Cow::Owned(s[m.end()..].to_string()),
            None => s,
        };
        // "Eva: se över hemsidan", "Olle - ringa hyresvärden": the owner
        // leads a to-do written in the infinitive.
        if let Some(c) = OWNER_LEAD.captures(&s)
            && let Some(m) = c.name("who")
        {
            return self.resolve_list(m.as_str());
        }
        // "Ekonomisk resursfördelning: Ordförande kontaktar …": a topic lead.
        let s = match s.split_once(": ") {
            Some((lead, rest)) if lead.chars().count() <= 60 && !lead.contains(['.', '!', '?']) => {
                rest.to_string()
            }
            _ => s.to_string(),
        };
        if let Some(c) = SUBJECT.captures(&s)
            && let Some(m) = c.name("who")
        {
            // "Uppdatera medlemsregistret": a verb in the infinitive leads a
            // to-do, no one is named. A single unknown word is a subject
            // only before a verb that can follow one.
            let next = s[m.end()..].split_whitespace().next().unwrap_or("");
            let who = m.as_str();
            let unknown = !who.contains(char::is_whitespace)
                && !who.chars().all(char::is_uppercase)
                && self.resolve(who) == who;
            if !unknown || finite_verb_like(next) {
                return self.resolve_list(who);
            }
        }
        // "… som därefter återkopplar", "Niklas som skickar": the name before "som".
        if let Some(c) = SOM_SUBJECT.captures(sentence)
            && let Some(m) = c.name("who")
        {
            return self.resolve_list(m.as_str());
        }
        Vec::new()
    }
}

/// A built-in pattern with word boundaries, gated by its loose superset
/// (see [`minutes_gate`]).
fn gated(pattern: &str) -> Gated {
    Gated::new(pattern).expect("valid regex")
}

static SPLIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*(?:,|\boch\b|\bsamt\b|\band\b|&|/)\s*").expect("valid regex"));

/// A first name or a full name as written ("Lena", "Ann-Gret", "Lars
/// Berg"): capitalised words of letters, each with a lower-case rest.
fn name_shaped(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.split('-').all(|s| {
                let mut cs = s.chars();
                cs.next().is_some_and(char::is_uppercase)
                    && s.chars().count() > 1
                    && cs.all(char::is_lowercase)
            })
        })
}

/// Split at separators followed by a capital letter (the regex crate has no
/// look-ahead, so the check is done here).
fn split_list(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for m in SPLIT.find_iter(text) {
        if text[m.end()..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        {
            out.push(&text[start..m.start()]);
            start = m.end();
        }
    }
    out.push(&text[start..]);
    out
}

static IMPERSONAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Det|Vi|Man|Mötet|Styrelsen)\s+(?:\p{Ll}+\s+){1,3}?(?:om\s+)?att\s+")
        .expect("valid regex")
});

static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:Action|Åtgärd|Uppdrag|Uppgift|Ansvarig|Att göra|Todo|To do|TODO)\s*(?::|\s[-–])\s*|-\s*|•\s*)")
        .expect("valid regex")
});

/// An owner of a to-do as written: a first name, a full name or initials.
const OWNER_NAME: &str = r"(?:\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+)?|\p{Lu}{2,4})";

/// A name (or initials) alone before ":" or a dash, then a lower-case
/// word: the owner of the to-do after it. (This, `SUBJECT` and
/// `TRAILING_OWNER`, the dearest patterns here to compile, with many
/// Unicode letter classes, are [`Exact`] regexes: the same answers as
/// `regex::Regex`, compiled forward only, without the reverse automaton
/// and literal prefilter the regex crate builds in every worker process.)
static OWNER_LEAD: LazyLock<Exact> = LazyLock::new(|| {
    let name = OWNER_NAME;
    Exact::new(&format!(
        r"^(?P<who>{name}(?:\s*(?:,|och|and|&|/)\s*{name})*)\s*(?::|\s[-–])\s+\p{{Ll}}"
    ))
    .expect("valid regex")
});

/// "Anna: write unit tests", "David and Bo - prepare the slides": the owner
/// an unowned to-do names before its task. Field labels are no owners.
pub fn leading_owner(sentence: &str) -> Option<&str> {
    let c = OWNER_LEAD.captures(sentence.trim_start())?;
    let who = c.name("who")?.as_str();
    let label = who.to_lowercase();
    (!LEAD_LABELS.contains(&label.as_str())).then_some(who)
}

/// Words that lead a line as a label, not as its owner ("Beslut: boka
/// lokal", "Action: fix the build"), lower case.
const LEAD_LABELS: &[&str] = &[
    "beslut",
    "åtgärd",
    "action",
    "ansvarig",
    "ansvar",
    "datum",
    "tid",
    "plats",
    "info",
    "information",
    "uppdrag",
    "övrigt",
    "status",
    "not",
    "obs",
    "nästa",
    "todo",
    "att",
    "note",
    "notes",
    "decision",
    "next",
    "update",
    "fix",
    "task",
    "tasks",
];

/// "Kontakta banken – Per", "Boka revisor, ansvarig: Lisa", "Beställa fika
/// @Mikael": the owner an unowned to-do names after its task.
pub fn trailing_owner(sentence: &str) -> Option<&str> {
    let sentence = sentence.trim();
    if !may_name_trailing_owner(sentence) {
        return None;
    }
    let c = TRAILING_OWNER.captures(sentence)?;
    c.name("who")
        .or(c.name("resp"))
        .or(c.name("at"))
        .or(c.name("par"))
        .or(c.name("pardue"))
        .or(c
            .name("cell")
            .filter(|m| !STATUS_WORDS.contains(&m.as_str())))
        .map(|m| m.as_str())
}

/// A task table's status written in capitals ("OK", "KLAR", "EJ"): no
/// owner's initials.
const STATUS_WORDS: &[&str] = &[
    "OK", "KLAR", "KLART", "EJ", "JA", "NEJ", "PÅGÅR", "DONE", "TODO", "WIP", "NA", "TBD",
];

/// What every match of [`TRAILING_OWNER`] contains: a dash after white
/// space, "ansvar" in any case (an `s` may be a long `ſ`, which `(?i)`
/// folds to it), an `@`, a closing parenthesis or a tab (a table row's cells). Most sentences have
/// none, and the pattern's Unicode `\b` sends it to the regex crate's slow
/// engines over the whole sentence.
fn may_name_trailing_owner(sentence: &str) -> bool {
    if sentence.contains(['@', ')', '\t']) {
        return true;
    }
    let dash_after_space = sentence
        .chars()
        .zip(sentence.chars().skip(1))
        .any(|(a, b)| a.is_whitespace() && matches!(b, '-' | '–' | '—'));
    dash_after_space
        || sentence.contains('ſ')
        || sentence
            .as_bytes()
            .windows(6)
            .any(|w| w.eq_ignore_ascii_case(b"ansvar"))
}

static TRAILING_OWNER: LazyLock<Exact> = LazyLock::new(|| {
    let name = OWNER_NAME;
    // A table row's cell names its owner only in full or by initials: a
    // lone capitalised word there is as often a status ("Löpande", "Klart").
    let full = r"(?:\p{Lu}[\p{Ll}'’-]+\s+\p{Lu}[\p{Ll}'’-]+|\p{Lu}{2,4})";
    Exact::new(&format!(
        r"(?:\s[-–—]\s*(?P<who>{name}(?:\s*(?:,|och|&|/)\s*{name})*)(?:,\s*(?:senast|klart|till|by|before|due)\b[^,]*)?\s*\.?$|(?i:\bansvarig|\bansvar)\s*:?\s*(?-i:(?P<resp>{name}(?:\s*(?:,|och|&|/)\s*{name})*))\b|\s@(?P<at>{name}(?:\s*(?:,|och|&|/)\s*@?{name})*)\s*\.?$|\s\((?P<par>{name}(?:\s*(?:,|och|&|/)\s*{name})*)(?:,\s*(?:senast|klart|till|by|before|due)\b[^()]*)?\)\s*\.?$|\s\((?P<pardue>{name}(?:\s*(?:,|och|&|/)\s*{name})*)\)\s*,?\s*(?:senast|innan|före|till|by|before|due)\b[^()]*$|\t\s*(?P<cell>{full}(?:\s*(?:,|och|&|/)\s*{full})*)\s*(?:\t[^\t]*)?$)"
    ))
    .expect("valid regex")
});

/// Can `word` be the verb after a subject: a present ("kontaktar", "ser"),
/// a past ("kollade", "skrev" aside), a modal or an auxiliary? An
/// infinitive's object ("medlemsregistret", "en budget") cannot.
fn finite_verb_like(word: &str) -> bool {
    let w = word
        .trim_matches(|c: char| !c.is_alphabetic())
        .to_lowercase();
    w.ends_with('r') || w.ends_with("de") || w.ends_with("te") || FINITE_WORDS.contains(&w.as_str())
}

/// Modals, auxiliaries and common strong pasts that follow a subject.
const FINITE_WORDS: &[&str] = &[
    "ska", "skall", "kan", "bör", "måste", "vill", "tog", "gav", "såg", "gick", "fick", "bad",
    "skrev", "sa", "sade", "och", "samt", "will", "to", "is", "has", "was", "agreed",
];

/// Names, initials or groups before the verb, joined by "och" or commas.
static SUBJECT: LazyLock<Exact> = LazyLock::new(|| {
    let name =
        r"(?:\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}\b\.?|\s+\p{Lu}[\p{Ll}'’-]+)?|\p{Lu}{2,4}(?:\s+au)?)";
    // "Ordföranden Anna Berg ska …": a post before the name; "Anna (ordf)
    // ska …": a note in brackets after it.
    let posts = POSTS_BEFORE_NAME
        .iter()
        .map(|p| regex::escape(p))
        .collect::<Vec<_>>()
        .join("|");
    Exact::new(&format!(
        r"^(?:(?i:{posts})\s+)?(?P<who>{name}(?:\s*(?:,|och|samt|&)\s*{name})*)(?:\s*\([^()]{{0,40}}\))?(?:\s+|,\s*)\p{{Ll}}"
    ))
    .expect("valid regex")
});

/// Names after the last comma of a sentence, closing it.
static COMMA_OWNER: LazyLock<Regex> = LazyLock::new(|| {
    let name = OWNER_NAME;
    Regex::new(&format!(
        r",\s*(?P<who>{name}(?:\s*(?:,|och|&|/)\s*{name})*)\s*\.?$"
    ))
    .expect("valid regex")
});

static SOM_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:till\s+)?(?P<who>\p{Lu}[\p{Ll}]+)\s+som\s+(?:därefter\s+)?\p{Ll}")
        .expect("valid regex")
});

static AGENT: LazyLock<Gated> = LazyLock::new(|| {
    gated(
        r"\bav\s+(?P<who>sekreteraren|ordföranden|mötessekreteraren|\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?(?:\s+(?:och|samt)\s+\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)?)(?:\s+(?:senast|till|under|inför|innan|före|efter|i|på|nästa|snarast)\b[^.!?]{0,60})?\s*[.!]?$",
    )
});

static NEXT_MEETING: LazyLock<Gated> = LazyLock::new(|| {
    gated(
        r"(?i)\bnästa\s+(?:[\p{L}-]+-)?(?:möte|sammanträde|styrelsemöte|träff)\b|\bnästkommande\s+möte\b|\bnext\s+(?:board\s+)?meeting\b|\bnästa\s+gång\s*(?:[.!,;]|$)",
    )
});

/// The next meeting named by its kind or its group as well: "nästa
/// styrgruppsmöte", "nästa ledningsgrupp", "nästa APT". Such a meeting may
/// be another body's (a project group's "nästa handledarmöte"), so only a
/// matter deferred to it is taken to the minutes' own next meeting.
static NEXT_MEETING_OF_A_KIND: LazyLock<Gated> = LazyLock::new(|| {
    gated(
        r"(?i)\bnästa\s+(?:[\p{L}-]+-)?(?:\p{L}*(?:möte|sammanträde)|\p{L}*grupp(?:en)?)\b|\bnästa\s+gång\s*(?:[.!,;]|$)|\bnästa\s+(?-i:\p{Lu}{2,5})\b|\bnästkommande\s+\p{L}*möte\b|\bnext\s+(?:board\s+|team\s+|group\s+)?meeting\b",
    )
});

/// Does a deferral send its matter to the next meeting, named plainly or
/// by its kind or group ("nästa styrgruppsmöte", "nästa APT")?
pub fn defers_to_next_meeting(text: &str) -> bool {
    NEXT_MEETING_OF_A_KIND.is_match(text)
}

static DUE_CUE: LazyLock<Gated> = LazyLock::new(|| {
    gated(
        r"(?i)\b(?:senast|till|tills|inför|deadline|innan|före|by|due|before|klart|klar|färdigt|färdig|vid\s+mötet|på\s+mötet|vid\s+nästa|sista\s+dag(?:en)?)\b",
    )
});

static EVENT_DATE_CUE: LazyLock<Gated> = LazyLock::new(|| gated(r"(?i)\b(?:den|on)\s*$"));
static CLAUSE_OF_ITS_OWN: LazyLock<Gated> =
    LazyLock::new(|| gated(r"(?i)\b(?:som|under|där|när|which|that|during|when|where)\b"));

/// "Mikaela tar upp resultatet i ledningsgruppen den 12 mars", "Aylin will
/// present the results on 1 December": a date of the day the task is done,
/// in the task's own clause; in a clause of its own ("förslag som ska
/// diskuteras under dagen den 24 mars") it dates something else.
pub fn task_day_cue(before: &str) -> bool {
    // The clause the date stands in: after the last comma ("Anna, som är
    // kassör, betalar fakturan den 12 mars").
    let clause = before.rsplit(',').next().unwrap_or(before);
    EVENT_DATE_CUE.is_match(before) && !CLAUSE_OF_ITS_OWN.is_match(clause)
}

/// Does the text just before a date tie the date to a task?
pub fn due_cue(before: &str) -> bool {
    DUE_CUE.is_match(before)
}

static IN_TIME: LazyLock<Gated> = LazyLock::new(|| gated(r"(?i)\bi\s+(?:god\s+)?tid\b"));
static DEADLINE_CUE: LazyLock<Gated> = LazyLock::new(|| {
    gated(r"(?i)\b(?:deadline|senast|sista\s+dag(?:en)?|sista\s+datum)\b[^.]{0,15}$")
});

/// "i tid", "i god tid": the task has a deadline named elsewhere.
pub fn in_time(text: &str) -> bool {
    IN_TIME.is_match(text)
}

static RECIPIENT: LazyLock<Gated> =
    LazyLock::new(|| gated(r"\btill\s+(\p{Lu}\p{Ll}+)(?:\s+\p{Lu}\p{Ll}+)*\s*[.!]?\s*$"));

/// The first name a sentence ends by handing something to ("… återkopplar
/// till Roland", "senast 5/3 till Roland Olofsson Dolk").
pub fn recipient(sentence: &str) -> Option<&str> {
    RECIPIENT
        .captures(sentence)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str())
}

static EVERYONE_WORD: LazyLock<Gated> =
    LazyLock::new(|| gated(r"(?i)\b(?:alla|samtliga|everyone|vi|we|var\s+och\s+en|tillsammans)\b"));

static EVERYONE_OWNS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[(\[](?:alla|samtliga|everyone|all|hela\s+gruppen|the\s+whole\s+(?:team|group))[)\]]\s*[.!]?\s*$")
        .expect("valid regex")
});

/// "Finish the report (everyone)", "Läsa kapitel 3 (alla)": a task whose
/// owner, written after it in brackets, is everyone.
pub fn everyone_owns(sentence: &str) -> bool {
    sentence.contains([')', ']']) && EVERYONE_OWNS.is_match(sentence)
}

/// Does the sentence itself say everyone does it ("Alla …", "… tillsammans")?
pub fn names_everyone(sentence: &str) -> bool {
    EVERYONE_WORD.is_match(sentence)
}

/// Does the text right before a date make it a deadline?
pub fn deadline_cue(before: &str) -> bool {
    DEADLINE_CUE.is_match(before)
}

/// The date written right after "nästa möte" ("nästa möte med RSL den 30
/// november"), when it is after the meeting.
pub fn next_meeting_date(
    text: &str,
    ctx: &minutes_structure::dates::DateContext,
    meeting: Option<minutes_structure::dates::Date>,
) -> Option<minutes_structure::dates::Date> {
    let m = NEXT_MEETING.find(text)?;
    minutes_structure::dates::find_dates(text, ctx)
        .into_iter()
        .find(|d| d.range.start >= m.end() && d.range.start <= m.end() + 30)
        .and_then(|d| d.date)
        .filter(|d| meeting.is_none_or(|mt| *d > mt))
}

/// Does the text point at the next meeting ("nästa möte", "nästa SOR-möte",
/// "Vi tar det nästa gång.": "nästa gång" ending its clause; "nästa gång han
/// träffar dem" is no meeting)?
pub fn mentions_next_meeting(text: &str) -> bool {
    NEXT_MEETING.is_match(text)
}

static MONTH_MEETING: LazyLock<Gated> = LazyLock::new(|| {
    gated(
        r"(?i)\b(?:möte|mötet|sammanträde)\s+i\s+(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\b",
    )
});

/// "SOR möte i mars" → 3.
pub fn month_reference(text: &str) -> Option<u32> {
    let c = MONTH_MEETING.captures(text)?;
    minutes_structure::dates::month_number(c.get(1)?.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(name: &str, role: Option<&str>) -> Participant {
        Participant {
            name: name.into(),
            role: role.map(Into::into),
            title: None,
            affiliation: None,
            group: "member".into(),
            attendance: "present".into(),
            remote: false,
            note: None,
        }
    }

    #[test]
    fn owners_of_to_dos_before_or_after_the_task() {
        let ps = vec![p("Eva Lund", None)];
        let people = People::new(&ps, None);
        assert_eq!(people.subject("Eva: se över hemsidan"), ["Eva Lund"]);
        assert_eq!(people.subject("Olle - ringa hyresvärden"), ["Olle"]);
        // An infinitive leads a to-do: no one is named.
        assert!(people.subject("Uppdatera medlemsregistret").is_empty());
        assert_eq!(people.subject("Anna kontaktar banken"), ["Anna"]);
        assert_eq!(people.subject("Eva skickar ut kallelsen"), ["Eva Lund"]);
        assert_eq!(
            trailing_owner("Kontakta banken om nytt konto – Per"),
            Some("Per")
        );
        assert_eq!(
            trailing_owner("Skicka kallelse till årsmötet – Cecilia, senast 1 juni"),
            Some("Cecilia")
        );
        assert_eq!(
            trailing_owner("Boka revisor, ansvarig: Lisa, klart 1/3"),
            Some("Lisa")
        );
        // A mention, as digital notes write the owner.
        assert_eq!(trailing_owner("Beställa fika @Mikael"), Some("Mikael"));
        assert_eq!(
            trailing_owner("Laga grinden mot parkeringen (Kent Lindahl) innan 1 maj"),
            Some("Kent Lindahl")
        );
        assert_eq!(
            trailing_owner("Rensa medlemsregistret\tIngela Bråth\tLöpande"),
            Some("Ingela Bråth")
        );
        assert_eq!(trailing_owner("Rensa medlemsregistret\tLöpande"), None);
        assert_eq!(trailing_owner("Rensa medlemsregistret\tOK"), None);
        assert_eq!(
            trailing_owner("Sammanställa svaren – Eva och Ali"),
            Some("Eva och Ali")
        );
        assert_eq!(
            trailing_owner("Undersöka annonskostnader — KL/MB"),
            Some("KL/MB")
        );
        assert_eq!(trailing_owner("Mejla info@foreningen.se"), None);
        assert_eq!(trailing_owner("Inloggning (Anna)"), Some("Anna"));
        assert_eq!(
            trailing_owner("Boka container (Bo, senast 1 maj)."),
            Some("Bo")
        );
        assert_eq!(
            leading_owner("David and Bo: prepare the presentation"),
            Some("David and Bo")
        );
        assert_eq!(leading_owner("Action: fix the build"), None);
        assert_eq!(trailing_owner("Kontakta banken om nytt konto"), None);
        // The cheap look before the pattern lets every owner through.
        assert_eq!(trailing_owner("Boka revisor, ANSVARIG: Lisa"), Some("Lisa"));
        assert_eq!(trailing_owner("Boka revisor, anſvarig: Lisa"), Some("Lisa"));
        assert_eq!(trailing_owner("Kontakta banken\t- Per"), Some("Per"));
        assert!(!may_name_trailing_owner(
            "Kontakta IT-avdelningen om kontot"
        ));
        assert_eq!(trailing_owner("Läs rapporten – den är kort."), None);
    }

    #[test]
    fn resolves_initials_first_names_roles_and_everyone() {
        let ps = vec![
            p("Björn Lindkvist", None),
            p("Sofia Ekdahl", Some("ordförande")),
            p("Helena Lundahl", None),
            p("Helena Blomqvist", None),
            p("Josefine Roswall", None),
            p("Karin Andersson", None),
        ];
        let people = People::new(&ps, Some("RSL"));
        assert_eq!(people.resolve("BL"), "Björn Lindkvist");
        assert_eq!(people.resolve("Karin"), "Karin Andersson");
        assert_eq!(people.resolve("Dr. Karin Andersson"), "Karin Andersson");
        assert_eq!(
            people.resolve("Karin \"Kajsa\" Andersson"),
            "Karin Andersson"
        );
        // Unlisted, the nickname stays as written.
        assert_eq!(people.resolve("Lars \"Lacka\" Ek"), "Lars \"Lacka\" Ek");
        assert_eq!(people.resolve("Helena"), "Helena");
        assert_eq!(people.resolve("Ordförande"), "Sofia Ekdahl");
        assert_eq!(people.resolve("Alla"), "all");
        assert_eq!(people.resolve("au"), "RSL au");
        assert_eq!(people.resolve("Josefin R"), "Josefine Roswall");
        assert_eq!(people.resolve("SOR"), "SOR");
        assert_eq!(
            people.resolve_list(
                "RPO akut vård och RPO perioperativ vård, intensivvård och transplantation"
            ),
            [
                "RPO akut vård",
                "RPO perioperativ vård, intensivvård och transplantation"
            ]
        );
        assert_eq!(
            people.subject("Karin och BL rapporterar om nästa steg."),
            ["Karin Andersson", "Björn Lindkvist"]
        );
        assert_eq!(
            people.subject("Action: Helena kommer sammankalla till nytt möte."),
            ["Helena"]
        );
        // A post before the name, a note in brackets after it.
        assert_eq!(people.resolve("Ordföranden Sofia Ekdahl"), "Sofia Ekdahl");
        assert_eq!(people.resolve("Karin (kassör)"), "Karin Andersson");
        assert_eq!(
            people.subject("Kassören Karin Andersson ska betala fakturan."),
            ["Karin Andersson"]
        );
        assert_eq!(
            people.subject("Karin (kassör) ska betala fakturan."),
            ["Karin Andersson"]
        );
        assert_eq!(
            people.subject("Kassören ska betala fakturan."),
            ["Kassören"]
        );
        // Someone of the meeting after the comma that closes a task.
        assert_eq!(
            people.listed_after_comma("Skicka ut info till medlemmarna, Karin"),
            Some(vec!["Karin Andersson".to_string()])
        );
        assert_eq!(people.listed_after_comma("Boka lokal, Stadshuset"), None);
        // The agent of a passive, with what follows it.
        assert_eq!(
            people.agent("Hemsidan uppdateras av Karin senast 1 maj."),
            ["Karin Andersson"]
        );
        assert_eq!(
            people.agent("Ett förslag tas fram av Karin och BL till nästa möte."),
            ["Karin Andersson", "Björn Lindkvist"]
        );
    }

    #[test]
    fn next_meeting_phrases() {
        assert!(mentions_next_meeting(
            "Fortsatt diskussion vid nästa SOR-möte 16 mars"
        ));
        assert!(mentions_next_meeting("Beslut vid nästa möte."));
        assert!(mentions_next_meeting("Vi tar det nästa gång."));
        assert!(!mentions_next_meeting(
            "Inför nästa handledarmöte den 19:e:"
        ));
        assert!(defers_to_next_meeting(
            "Punkten skjuts upp till nästa styrgruppsmöte."
        ));
        assert!(defers_to_next_meeting(
            "Resultatet presenteras på nästa ledningsgrupp."
        ));
        assert!(defers_to_next_meeting(
            "Diskussionen fortsätter på nästa APT."
        ));
        assert!(!defers_to_next_meeting("Nästa steg är att skriva."));
        assert!(!mentions_next_meeting("Kommande möten"));
        assert!(mentions_next_meeting("Vi tar det nästa gång."));
        assert!(!mentions_next_meeting(
            "Dos frågar dem nästa gång han träffar dem."
        ));
        assert_eq!(month_reference("Uppföljning på SOR möte i mars."), Some(3));
    }

    #[test]
    fn without_an_attendance_list_a_full_name_is_someone_of_the_meeting() {
        let none = People::new(&[], None);
        assert!(none.lists_all("Lasse Nilsson"));
        assert!(none.lists_all("Kurth Wikström och Sylvia Karlsson"));
        assert!(!none.lists_all("Lasse"));
        assert!(!none.lists_all("Styrelsen"));
        assert!(!none.lists_all("Region Skåne"));
        // Only the meeting's officers known (elected to check the minutes,
        // signing them): still no attendance list.
        let ps = vec![p("Fredrik Gustavsson", Some("justerare"))];
        let officers = People::new(&ps, None);
        assert!(officers.lists_all("Lasse Nilsson"));
        assert!(officers.lists_all("Fredrik"));
        assert!(!officers.lists_all("Lasse"));
        let ps = vec![
            p("Fredrik Gustavsson", Some("justerare")),
            p("Eva Lund", None),
        ];
        assert!(!People::new(&ps, None).lists_all("Lasse Nilsson"));
        // One of the meeting with others named as people.
        let anna = [p("Anna Berg", None)];
        let with_anna = People::new(&anna, None);
        assert!(with_anna.lists_all("Anna och Lena"));
        assert!(with_anna.lists_all("Lena, Anna"));
        assert!(!with_anna.lists_all("Lena och Eva"));
        assert!(!with_anna.lists_all("Anna och SOR-gruppen"));
        assert!(!with_anna.lists_all("Lena"));
    }

    #[test]
    fn a_bracketed_everyone_after_a_task_owns_it() {
        assert!(everyone_owns("Finish the report (everyone)"));
        assert!(everyone_owns("Läsa kapitel 3 (alla)."));
        assert!(!everyone_owns("Alla (utom Bo) läser kapitel 3."));
        assert!(!everyone_owns("Boka lokal (Anna)"));
    }

    #[test]
    fn a_day_in_the_tasks_own_clause_dates_it() {
        assert!(task_day_cue(
            "Mikaela tar upp resultatet i ledningsgruppen den "
        ));
        assert!(task_day_cue("Aylin will present the full results on "));
        assert!(!task_day_cue(
            "Skicka in förslag på ämnen som ska diskuteras under den gemensamma dagen den "
        ));
        assert!(!task_day_cue("Anna bokar lokalen "));
        assert!(task_day_cue("Anna, som är kassör, betalar fakturan den "));
        assert!(mentions_next_meeting(
            "Björn tar fram ett förslag till nästa träff."
        ));
    }
}
