//! The people a sentence names as serving this meeting: elected to chair
//! it, keep its minutes or check them ("Till ordförande valdes Anna Berg",
//! "Mötet väljer Kim Lind och Sara Karlsson till justerare", "Förste vice
//! ordföranden Håkan Eriksson (V) … justerar dagens protokoll tillsammans
//! med ordföranden Aslan Akbas (S)"). People elected to posts of the
//! association ("till styrelseordförande på 1 år") are not.

use crate::lexicon;
use crate::participants::is_name;
use minutes_gate::Gated;
use regex::Regex;
use std::sync::LazyLock;

/// A person named as serving the meeting.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Served {
    /// The name as written.
    pub name: String,
    /// ordförande, sekreterare or justerare.
    pub role: &'static str,
    /// "(V)", "från Bredablick Förvaltning".
    pub affiliation: Option<String>,
    /// Named only in passing ("Ordförande Anne öppnar mötet"): the role
    /// goes to someone the attendance lists, who is not added for it.
    pub known_only: bool,
}

fn role_alternation(always: bool) -> String {
    let mut words: Vec<&str> = lexicon::SERVING_ROLES
        .iter()
        .filter(|(_, _, a)| *a || !always)
        .map(|(w, _, _)| *w)
        .collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

const ELECTED: &str = r"(?:valdes|utsågs|väljs|utses|blev\s+vald[a]?|har\s+valts|är\s+vald[a]?)";
// The infinitives after "beslutade att" ("Mötet beslutade att välja Anna
// Berg till ordförande för mötet").
const ELECTS: &str = r"(?:valde|väljer|välja|utsåg|utser|utse|har\s+utsett|har\s+valt|valdes|väljs|utses|utsågs|anmälde|anmäler)";

/// Any of [`lexicon::ELECTION_CUES`], found in one pass over a sentence
/// (a search per cue had come to cost more than the patterns it spares).
static ELECTION_CUE: LazyLock<Regex> = LazyLock::new(|| {
    let cues: Vec<String> = lexicon::ELECTION_CUES
        .iter()
        .map(|c| regex::escape(c))
        .collect();
    Regex::new(&cues.join("|")).expect("valid regex")
});

/// Role first: "Till ordförande valdes Anna Berg".
static ROLE_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        // "Till justerare tillika rösträknare valdes …": a second post
        // after the role.
        // "Till sekreterare för stämman valdes …": the meeting the post
        // serves.
        r"(?i)^(?:till|som)\s+({})(?:\s+(?:tillika|och|samt)\s+\p{{L}}+)?(?:\s+(?:för|vid|på)\s+(?:{meetings}))?\s+{ELECTED}\s+(.+)$",
        role_alternation(false),
        meetings = lexicon::alternation(lexicon::SERVED_MEETING_NOUNS),
    ))
    .expect("valid regex")
});
/// "… och till sekreterare …" inside the names of [`ROLE_FIRST`]: where
/// the next post starts; also "… Hans Stenberg Till sekreterare valdes …",
/// two elections whose lines were joined without a full stop.
static NEXT_ROLE_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\s*(?:(?:,|\boch\b|\bsamt\b)\s+(?:till|som)|\s(?-i:Till|Som))\s+({})\s+(?:{ELECTED}\s+)?",
        role_alternation(false)
    ))
    .expect("valid regex")
});
/// Names first: "Anna Berg valdes till mötesordförande".
static NAMES_FIRST: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(&format!(
        r"(?i)^(.+?)\s+{ELECTED}\s+(?:(?:till|som|att\s+vara)\s+)?({})\b",
        role_alternation(false)
    ))
    .expect("valid regex")
});
/// In English minutes: "Anna Berg was elected chair of the meeting", "Bo
/// Ek and Cia Ny were appointed adjusters".
static NAMES_FIRST_EN: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(&format!(
        r"(?i)^(.+?)\s+(?:was|were|is|are)\s+(?:unanimously\s+)?(?:elected|appointed|chosen)\s+(?:as\s+)?(?:the\s+)?({})\b",
        role_alternation(false)
    ))
    .expect("valid regex")
});
/// In English, a subject electing: "The meeting elects Erik Lund as
/// meeting chair", "The meeting chose Bo Ek and Cia Ny as adjusters".
static SUBJECT_ELECTS_EN: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(&format!(
        r"(?i)\b(?:elects|elected|appoints|appointed|chooses|chose)\s+((?-i:\p{{Lu}}).+?)\s+(?:as|to\s+be)\s+(?:the\s+)?({})\b",
        role_alternation(false)
    ))
    .expect("valid regex")
});
/// A subject electing: "Stämman valde Jenny Lind och Pia Sund som justerare".
static SUBJECT_ELECTS: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(&format!(
        r"(?i)\b{ELECTS}\s+(.+?)\s+(?:till|som)\s+({})\b",
        role_alternation(false)
    ))
    .expect("valid regex")
});
/// The verb first, as a protocol's old style has it, and the post told by
/// what the elected are to do: "Valdes Bo Ek att föra dagens protokoll",
/// "Utsågs Cia Ny och Dan Öst att justera dagens protokoll"; or a decision
/// column's clause ("välja Karin Holm att föra protokoll"). ("Valdes Anna
/// Berg till ordförande" is [`SUBJECT_ELECTS`]'s.)
static ELECTED_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:{ELECTED}|välja|utse)\s+((?-i:\p{{Lu}}).+?)\s+att\s+(leda|föra|justera)\b"
    ))
    .expect("valid regex")
});
/// "… och Annika Persson till sekreterare": the next name and post after
/// a subject's election.
static AND_NEXT_POST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\s*(?:(?:för|vid)\s+(?:mötet|stämman|årsmötet|sammanträdet)\s*)?(?:,|och|samt)\s+((?-i:\p{{Lu}})[^,;]{{1,60}}?)\s+(?:till|som)\s+({})\b",
        role_alternation(false)
    ))
    .expect("valid regex")
});
/// "Till att jämte ordföranden justera dagens protokoll valdes X och Y".
static TO_CHECK_MINUTES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:till\s+)?att\s+(?:jämte\s+(?:mötes|stämmo)?ordföranden\s+)?justera\s+(?:dagens\s+|detta\s+|mötets\s+|stämmans\s+|årsmötets\s+)?protokoll(?:et)?(?:\s+\p{{L}}+){{0,3}}?\s+{ELECTED}\s+(.+)$"
    ))
    .expect("valid regex")
});
/// Roles, then who became them: "Val av ordförande och sekreterare blev
/// Ulf Henricson och Lars Karlsson", "Protokoll justerare blev X och Y".
static ROLES_BECAME: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(&format!(
        r"(?i)^(?:val\s+av\s+)?(?:protokoll\s*)?({r})(?:\s+(?:och|samt)\s+({r}))?\s+blev\s+(.+)$",
        r = role_alternation(false)
    ))
    .expect("valid regex")
});
/// "X och Y justerar dagens protokoll".
static CHECK_MINUTES: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)^(.+?)\s+justerar\s+(?:dagens\s+|detta\s+|mötets\s+)?protokoll(?:et)?\b")
        .expect("valid regex")
});
/// "… tillsammans med ordföranden Aslan Akbas (S)".
static WITH_CHAIR: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        r"(?i)\btillsammans\s+med\s+(?:tjänstgörande\s+)?(?:mötes)?ordföranden\s+(\p{Lu}[^,.;]*)",
    )
    .expect("valid regex")
});
/// "Ordförande Anne öppnar mötet", "Mötet öppnades av ordförande Lars
/// Berg": the chair who opens the meeting.
static OPENED_BY_CHAIR: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        r"(?i)(?:^(?:[-–•*]\s*)?(?:mötes)?ordförande(?:n)?\s+(?P<a>(?-i:\p{Lu})[\p{L}-]+(?:\s+(?-i:\p{Lu})[\p{L}-]+)?)\s+(?:öppnar|öppnade|förklarar|förklarade)\b|\böppnades\s+av\s+(?:mötes)?ordförande(?:n)?\s+(?P<b>(?-i:\p{Lu})[\p{L}-]+(?:\s+(?-i:\p{Lu})[\p{L}-]+)?))",
    )
    .expect("valid regex")
});
/// The meeting or its minutes as the subject of a passive that names who
/// served it: "Mötet leddes av Anna Berg" (chair), "Protokollet fördes av
/// Bo Ek" (secretary), "Protokollet justeras av Cia Ny och Dan Öst"
/// (checkers), "The meeting was chaired by …", "Minutes were taken by …".
static SERVED_BY: LazyLock<Gated> = LazyLock::new(|| {
    let alt = lexicon::alternation;
    Gated::new(&format!(
        r"(?i)^(?:(?:dagens|detta)\s+)?(?:(?P<chair>{meetings})\s+(?:{led})|(?P<minutes>{minutes})\s+(?:{kept})|(?P<check>protokollet)\s+(?:justerades|justeras))\s+(?:av|by)\s+(?P<n>(?-i:\p{{Lu}}).+)$",
        meetings = alt(lexicon::SERVED_MEETING_NOUNS),
        led = alt(lexicon::LED_BY_VERBS),
        minutes = alt(lexicon::MINUTES_NOUNS),
        kept = alt(lexicon::KEPT_BY_VERBS),
    ))
    .expect("valid regex")
});
/// Who served as the subject: "Anna Berg ledde mötet", "Bo Ek förde
/// protokollet", "Anna Berg chaired the meeting", "Bo Ek took the minutes".
/// The object ends the clause: "ledde mötet med kommunen", "skrev
/// protokollet från förra mötet" report another meeting.
static SERVES: LazyLock<Gated> = LazyLock::new(|| {
    let alt = lexicon::alternation;
    Gated::new(&format!(
        r"(?i)^(?P<n>(?-i:\p{{Lu}})[^,;:]+?)\s+(?:(?P<chair>{lead})\s+(?:dagens\s+|the\s+)?(?:{meetings})|(?P<minutes>{keep})\s+(?:the\s+)?(?:{minutes}))\s*(?:idag|i\s+dag|today)?\s*$",
        lead = alt(lexicon::LEADS_VERBS),
        meetings = alt(lexicon::SERVED_MEETING_NOUNS),
        keep = alt(lexicon::KEEPS_VERBS),
        minutes = alt(lexicon::MINUTES_NOUNS),
    ))
    .expect("valid regex")
});
/// Serving in a role: "Som sekreterare fungerade Bo Ek", "Bo Ek
/// tjänstgjorde som sekreterare", "Ordförande för mötet var Anna Berg".
static AS_ROLE: LazyLock<Gated> = LazyLock::new(|| {
    let roles = role_alternation(false);
    let serve = format!("(?:{})", lexicon::alternation(lexicon::SERVES_AS_VERBS));
    Gated::new(&format!(
        r"(?i)^(?:(?:som|as)\s+(?:the\s+)?(?P<r1>{roles})\s+{serve}\s+(?P<n1>(?-i:\p{{Lu}}).+)|(?P<n2>(?-i:\p{{Lu}})[^,;:]+?)\s+{serve}\s+(?:som|as)\s+(?:the\s+)?(?P<r2>{roles})\b.*|(?P<r3>{roles})\s+(?:var|är|blev|was|is)\s+(?P<n3>(?-i:\p{{Lu}}).+))$"
    ))
    .expect("valid regex")
});
/// The role given to someone the meeting adjoins (with the right to be
/// present and speak, not to vote): not one of the meeting's posts, but
/// present, in the group "adjunct".
pub(crate) const ADJUNCT: &str = "adjungerad";
/// "Mötet beslutade att adjungera Leo Strand med närvaro- och
/// yttranderätt", "Stormötet adjungerade Tilde Marklund och Omid Rahimi".
static ADJOINS: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        r"(?i)\badjunger(?:a|ade|ar)\s+((?-i:\p{Lu})[^.;:]{2,160}?)(?:\s+(?:med|som|under|till|för|i)\s.*)?$",
    )
    .expect("valid regex")
});
/// "Leo Strand och Anna Berg adjungerades."
static ADJOINED: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"^((?-i:\p{Lu})[^.;:]{2,120}?)\s+(?:adjungerades|adjungeras)\b")
        .expect("valid regex")
});
/// Where a list of names parts: commas, semicolons, "och", "samt", "and",
/// "&".
pub(crate) static SPLIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*(?:,|;|\boch\b|\bsamt\b|\band\b|&)\s*").expect("valid regex"));

/// The role a matched role word gives, and whether it is a role of the
/// meeting whatever the context ("mötesordförande") or only early in the
/// meeting ("ordförande" may be the association's chair).
pub(crate) fn role_of(word: &str) -> Option<(&'static str, bool)> {
    let w = word.to_lowercase();
    let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
    lexicon::SERVING_ROLES
        .iter()
        .find(|(k, _, _)| *k == w)
        .map(|(_, r, a)| (*r, *a))
}

/// The people `sentence` names as serving the meeting. `early` says the
/// sentence stands among the meeting's opening items, where a plain
/// "ordförande" or "sekreterare" is the meeting's.
pub(crate) fn serving(sentence: &str, early: bool) -> Vec<Served> {
    let s = sentence.trim().trim_end_matches('.');
    // Most sentences elect no one: a cheap look for the verbs (written in
    // lower case inside a sentence) keeps the Unicode-aware patterns off them.
    // "Mötessekreterare: Cecilia Lund" among an item's sentences: a post
    // labelling the names it went to.
    let labelled_post = s.split_once(':').filter(|(label, names)| {
        (1..=3).contains(&label.split_whitespace().count())
            && names.trim_start().starts_with(char::is_uppercase)
            // A post of the meeting's own ("Mötesordförande", "Justerare"):
            // "Ordförande: Anette Falk (omval 1 år)" elects the board's.
            && role_of(label.trim()).is_some_and(|(_, always)| always)
    });
    let cue = ELECTION_CUE.is_match(s);
    if !cue && !opens_with_role(s) && labelled_post.is_none() {
        return Vec::new();
    }
    let mut out = Vec::new();
    // The role a role word gives here: one of the meeting's whatever the
    // context, or a plain one among the opening items.
    let serving_role = |role_word: &str| {
        role_of(role_word)
            .filter(|(_, always)| *always || early)
            .map(|(role, _)| role)
    };
    let mut push = |names: &str, role_word: &str| {
        if let Some(role) = serving_role(role_word) {
            out.extend(names_in(names, role));
        }
    };
    if let Some(c) = ROLE_FIRST.captures(s) {
        if let (Some(r), Some(n)) = (c.get(1), c.get(2)) {
            // "Till ordförande valdes Anna Berg och till sekreterare Bo
            // Ek": each further post with the names after it.
            let (mut role, mut names) = (r.as_str(), n.as_str());
            while let Some(c) = NEXT_ROLE_FIRST.captures(names)
                && let (Some(all), Some(next)) = (c.get(0), c.get(1))
            {
                push(&names[..all.start()], role);
                role = next.as_str();
                names = &names[all.end()..];
            }
            push(names, role);
        }
    } else if let Some(c) = NAMES_FIRST
        .captures(s)
        .or_else(|| NAMES_FIRST_EN.captures(s))
        .or_else(|| SUBJECT_ELECTS.captures(s))
        .or_else(|| SUBJECT_ELECTS_EN.captures(s))
        && let (Some(n), Some(r)) = (c.get(1), c.get(2))
    {
        push(n.as_str(), r.as_str());
        // "… valde Gösta Wallin till ordförande och Annika Persson till
        // sekreterare", "Anna Berg valdes till ordförande för mötet och Bo
        // Ek till sekreterare": each further pair after "och" or a comma.
        let mut rest = s.get(r.end()..).unwrap_or("");
        while let Some(c) = AND_NEXT_POST.captures(rest)
            && let (Some(all), Some(n), Some(r)) = (c.get(0), c.get(1), c.get(2))
        {
            push(n.as_str(), r.as_str());
            rest = rest.get(all.end()..).unwrap_or("");
        }
    }
    if let Some(c) = ELECTED_FIRST.captures(s)
        && let (Some(n), Some(task)) = (c.get(1), c.get(2))
    {
        let role_word = match task.as_str().to_lowercase().as_str() {
            "leda" => "mötesordförande",
            "föra" => "protokollförare",
            _ => "justerare",
        };
        push(n.as_str(), role_word);
    }
    // (A verb of electing in it reads it the ways above.)
    if !cue && let Some((label, names)) = labelled_post {
        push(names, label.trim());
    }
    if let Some(c) = SERVED_BY.captures(s).or_else(|| SERVES.captures(s))
        && let Some(n) = c.name("n")
    {
        // Role words that give their role in any context.
        let role_word = if c.name("chair").is_some() {
            "mötesordförande"
        } else if c.name("minutes").is_some() {
            "protokollförare"
        } else {
            "justerare"
        };
        push(n.as_str(), role_word);
    }
    if let Some(c) = AS_ROLE.captures(s) {
        let pair = [("n1", "r1"), ("n2", "r2"), ("n3", "r3")]
            .iter()
            .find_map(|(n, r)| Some((c.name(n)?, c.name(r)?)));
        if let Some((n, r)) = pair {
            push(n.as_str(), r.as_str());
        }
    }
    if let Some(c) = ROLES_BECAME.captures(s)
        && let (Some(first), Some(n)) = (c.get(1), c.get(3))
    {
        match c.get(2) {
            // Two roles, two names: each in its order, with what
            // `names_in` found of them ("(S)").
            Some(second) => {
                let named = names_in(n.as_str(), "justerare");
                if named.len() == 2 {
                    for (mut who, r) in named.into_iter().zip([first, second]) {
                        if let Some(role) = serving_role(r.as_str()) {
                            who.role = role;
                            out.push(who);
                        }
                    }
                }
            }
            None => push(n.as_str(), first.as_str()),
        }
    }
    // The second pattern only where the first finds nothing.
    let checking = match CHECK_MINUTES.captures(s) {
        Some(c) => c.get(1).map(|n| n.as_str()),
        None => TO_CHECK_MINUTES
            .captures(s)
            .and_then(|c| c.get(1))
            .map(|n| n.as_str()),
    };
    if let Some(n) = checking {
        out.extend(names_in(n, "justerare"));
    }
    if let Some(c) = WITH_CHAIR.captures(s)
        && let Some(n) = c.get(1)
    {
        out.extend(names_in(n.as_str(), "ordförande").into_iter().take(1));
    }
    if let Some(c) = ADJOINS.captures(s).or_else(|| ADJOINED.captures(s))
        && let Some(n) = c.get(1)
    {
        out.extend(names_in(n.as_str(), ADJUNCT));
    }
    if early
        && let Some(c) = OPENED_BY_CHAIR.captures(s)
        && let Some(n) = c.name("a").or_else(|| c.name("b"))
        && (is_name(n.as_str()) || first_name_shaped(n.as_str()))
    {
        out.push(Served {
            name: n.as_str().to_string(),
            role: "ordförande",
            affiliation: None,
            known_only: true,
        });
    }
    out
}

/// "Ordförande för mötet var Anna Berg", "Som sekreterare fungerade …": a
/// sentence that opens with a serving role (or "som"/"as" and one), the
/// only place [`AS_ROLE`] looks for one without its verb among the cues.
fn opens_with_role(s: &str) -> bool {
    // Roles are written with a capital at a sentence's start, "som"/"as"
    // before them: anything else opens with none.
    s.starts_with(|c: char| c.is_uppercase()) && OPENS_WITH_ROLE.is_match(s)
}

/// A serving role opening a sentence, perhaps after "som"/"as", and a
/// space after it (one anchored search: no sentence is copied or
/// lower-cased for it).
static OPENS_WITH_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:som |as )?(?:{}) ",
        role_alternation(false)
    ))
    .expect("valid regex")
});

/// "Anne", "Lars-Göran": one capitalised word that may be a first name, for
/// roles given only to someone the attendance lists.
pub(crate) fn first_name_shaped(t: &str) -> bool {
    t.chars().count() <= 15 && name_word_shaped(t)
}

/// One capitalised word of two letters or more, letters and hyphens only,
/// with at most two capitals ("Anne", "Lars-Göran"; not "AB", "DIGG"), of
/// any length: the shape of a first name written alone.
pub(crate) fn name_word_shaped(t: &str) -> bool {
    t.chars().count() >= 2
        && t.chars().next().is_some_and(char::is_uppercase)
        && t.chars().all(|c| c.is_alphabetic() || c == '-')
        && t.chars().filter(|c| c.is_uppercase()).count() <= 2
}

/// "Förste vice ordföranden Håkan Eriksson (V), andre … och Lisbeth
/// Sundén Andersson (D)": each part's trailing run of capitalised words is
/// a name, a parenthesis or "från X" its affiliation.
pub(crate) fn names_in(text: &str, role: &'static str) -> Vec<Served> {
    let mut out = Vec::new();
    for part in SPLIT.split(text) {
        let (part, affiliation) = match part.split_once(" från ") {
            Some((a, b)) => (a, Some(b.trim().to_string())),
            None => (part, None),
        };
        let (part, affiliation) = match (part.find('('), part.rfind(')')) {
            (Some(a), Some(b)) if b > a => (
                part[..a].trim(),
                affiliation.or_else(|| Some(part[a + 1..b].trim().to_string())),
            ),
            _ => (part.trim(), affiliation),
        };
        // A name followed by lower-case words ("Anna Berg på Stadshuset")
        // ends at the first of them.
        let words: Vec<&str> = part.split_whitespace().collect();
        let lead = words
            .iter()
            .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count();
        let trail = words
            .iter()
            .rev()
            .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count();
        let tail = words[words.len() - trail..].join(" ");
        let name = if trail < 2 && lead >= 2 {
            words[..lead].join(" ")
        } else {
            tail
        };
        if is_name(&name) {
            out.push(Served {
                name,
                role,
                affiliation: affiliation.filter(|a| !a.is_empty()),
                known_only: false,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &str, early: bool) -> Vec<(String, &'static str)> {
        serving(s, early)
            .into_iter()
            .map(|x| (x.name, x.role))
            .collect()
    }

    #[test]
    fn english_minutes_elect_their_officers() {
        assert_eq!(
            names("Anna Berg was elected chair of the meeting.", true),
            vec![("Anna Berg".to_string(), "ordförande")]
        );
        assert_eq!(
            names("Bo Ek and Cia Ny were appointed adjusters.", false),
            vec![
                ("Bo Ek".to_string(), "justerare"),
                ("Cia Ny".to_string(), "justerare")
            ]
        );
        // The association's chair, later in the meeting, is no role here.
        assert!(names("Anna Berg was elected chair of the board.", false).is_empty());
        // The present tense, a subject electing, those who verify the minutes.
        assert_eq!(
            names("Maria Nilsson is elected meeting secretary.", false),
            vec![("Maria Nilsson".to_string(), "sekreterare")]
        );
        assert_eq!(
            names("The meeting elects Erik Lund as meeting chair.", false),
            vec![("Erik Lund".to_string(), "ordförande")]
        );
        assert_eq!(
            names(
                "Johan Ek and Lisa Holm were elected to verify the minutes.",
                false
            ),
            vec![
                ("Johan Ek".to_string(), "justerare"),
                ("Lisa Holm".to_string(), "justerare")
            ]
        );
    }

    #[test]
    fn those_who_led_the_meeting_or_kept_its_minutes() {
        let one = |s: &str, early: bool| names(s, early);
        let who = |n: &str, r: &'static str| vec![(n.to_string(), r)];
        assert_eq!(
            one("Mötet leddes av Anna Berg.", false),
            who("Anna Berg", "ordförande")
        );
        assert_eq!(
            one("Protokollet fördes av Bo Ek.", false),
            who("Bo Ek", "sekreterare")
        );
        assert_eq!(
            one("Anna Berg ledde mötet.", false),
            who("Anna Berg", "ordförande")
        );
        assert_eq!(
            one("Bo Ek förde protokollet.", false),
            who("Bo Ek", "sekreterare")
        );
        assert_eq!(
            one("Protokollet justeras av Cia Ny och Dan Öst.", false),
            vec![
                ("Cia Ny".to_string(), "justerare"),
                ("Dan Öst".to_string(), "justerare")
            ]
        );
        assert_eq!(
            one("The meeting was chaired by Anna Berg.", false),
            who("Anna Berg", "ordförande")
        );
        assert_eq!(
            one("Minutes were taken by Bo Ek.", false),
            who("Bo Ek", "sekreterare")
        );
        assert_eq!(
            one("Som sekreterare fungerade Bo Ek.", true),
            who("Bo Ek", "sekreterare")
        );
        assert_eq!(
            one("Bo Ek tjänstgjorde som sekreterare.", true),
            who("Bo Ek", "sekreterare")
        );
        assert_eq!(
            one("Ordförande för mötet var Anna Berg.", false),
            who("Anna Berg", "ordförande")
        );
        // A plain "ordförande" is the meeting's only among the opening items.
        assert!(one("Ordförande var Anna Berg.", false).is_empty());
        // Leading something else, or minutes of another meeting, is no role.
        assert!(one("Anna Berg ledde arbetet med budgeten.", true).is_empty());
        assert!(one("Bo Ek ledde mötet med kommunen i tisdags.", true).is_empty());
        assert!(one("Anna Berg skrev protokollet från förra mötet.", true).is_empty());
        assert!(one("Bo Ek förde protokollet från förra mötet.", true).is_empty());
        assert!(
            one(
                "Protokollet från förra mötet lades till handlingarna.",
                true
            )
            .is_empty()
        );
    }

    #[test]
    fn the_verb_first_or_in_the_infinitive() {
        let who = |n: &str, r: &'static str| vec![(n.to_string(), r)];
        assert_eq!(
            names("Valdes Anna Berg att leda årsmötesförhandlingarna.", true),
            who("Anna Berg", "ordförande")
        );
        assert_eq!(
            names("Valdes Bo Ek att föra dagens protokoll.", true),
            who("Bo Ek", "sekreterare")
        );
        assert_eq!(
            names(
                "Utsågs Cia Ny och Dan Öst att justera dagens protokoll, och tillika rösträknare.",
                true
            ),
            vec![
                ("Cia Ny".to_string(), "justerare"),
                ("Dan Öst".to_string(), "justerare")
            ]
        );
        assert_eq!(
            names(
                "Mötet beslutade att välja Anna Berg till ordförande för mötet.",
                true
            ),
            who("Anna Berg", "ordförande")
        );
    }

    #[test]
    fn several_posts_in_one_election() {
        assert_eq!(
            names(
                "Till mötesordförande valdes Hans Stenberg Till sekreterare valdes Therese Tiderman",
                true
            ),
            vec![
                ("Hans Stenberg".to_string(), "ordförande"),
                ("Therese Tiderman".to_string(), "sekreterare")
            ]
        );
        assert_eq!(
            names(
                "Till mötesordförande valdes Anna Berg och till sekreterare Bo Ek.",
                true
            ),
            vec![
                ("Anna Berg".to_string(), "ordförande"),
                ("Bo Ek".to_string(), "sekreterare")
            ]
        );
        assert_eq!(
            names(
                "Anna Berg valdes till ordförande för mötet och Bo Ek till sekreterare.",
                true
            ),
            vec![
                ("Anna Berg".to_string(), "ordförande"),
                ("Bo Ek".to_string(), "sekreterare")
            ]
        );
        assert_eq!(
            names(
                "Cilla Dahl och Dan Fors valdes att justera protokollet.",
                false
            ),
            vec![
                ("Cilla Dahl".to_string(), "justerare"),
                ("Dan Fors".to_string(), "justerare")
            ]
        );
    }

    #[test]
    fn the_people_a_meeting_adjoins() {
        let s = serving(
            "Mötet beslutade att adjungera Oskar Nyberg från Teknologkårens styrelse med närvaro- och yttranderätt.",
            false,
        );
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].name, "Oskar Nyberg");
        assert_eq!(s[0].role, ADJUNCT);
        assert_eq!(s[0].affiliation.as_deref(), Some("Teknologkårens styrelse"));
        assert_eq!(
            names(
                "Stormötet adjungerade Tilde Marklund och Omid Rahimi med yttranderätt.",
                false
            ),
            vec![
                ("Tilde Marklund".to_string(), ADJUNCT),
                ("Omid Rahimi".to_string(), ADJUNCT)
            ]
        );
        assert_eq!(
            names("Leo Strand adjungerades.", true),
            vec![("Leo Strand".to_string(), ADJUNCT)]
        );
        assert!(names("Inga som behöver adjungeras är på mötet.", true).is_empty());
    }

    #[test]
    fn roles_then_who_became_them() {
        assert_eq!(
            names(
                "Val av ordförande och sekreterare blev Ulf Henricson och Lars Karlsson.",
                true
            ),
            vec![
                ("Ulf Henricson".to_string(), "ordförande"),
                ("Lars Karlsson".to_string(), "sekreterare")
            ]
        );
        assert_eq!(
            names(
                "Protokoll justerare blev Stig Fagerbo och Thomas Eriksson.",
                false
            ),
            vec![
                ("Stig Fagerbo".to_string(), "justerare"),
                ("Thomas Eriksson".to_string(), "justerare")
            ]
        );
        // The association's chair, later in the meeting, is no role here.
        assert!(names("Ordförande blev Ulf Henricson.", false).is_empty());
        assert!(names("Val av revisor blev Ulrika Liikavainio.", true).is_empty());
    }

    #[test]
    fn the_chair_who_opens_the_meeting_is_named_only_in_passing() {
        for s in [
            "Ordförande Anne öppnar mötet",
            "– Ordförande Anne öppnar mötet.",
            "Mötet öppnades av ordförande Anne",
        ] {
            let got = serving(s, true);
            assert_eq!(got.len(), 1, "{s}");
            assert_eq!((got[0].name.as_str(), got[0].role), ("Anne", "ordförande"));
            assert!(got[0].known_only, "{s}");
        }
        assert_eq!(
            names("Mötet öppnades av ordföranden Lars Berg.", true),
            vec![("Lars Berg".to_string(), "ordförande")]
        );
        // Late in the meeting, or someone else opening it, names no chair.
        assert!(serving("Ordförande Anne öppnar mötet", false).is_empty());
        assert!(serving("Anne öppnar mötet", true).is_empty());
        assert!(serving("Ordföranden öppnade mötet", true).is_empty());
    }

    #[test]
    fn elections_of_the_meeting_s_officers() {
        let n = |s: &str| names(s, true);
        assert_eq!(
            n("Kristian Martinsson valdes till stämmoordförande."),
            [("Kristian Martinsson".to_string(), "ordförande")]
        );
        assert_eq!(
            n("Mötet väljer Kim Lind och Sara Karlsson till justerare och rösträknare."),
            [
                ("Kim Lind".to_string(), "justerare"),
                ("Sara Karlsson".to_string(), "justerare")
            ]
        );
        assert_eq!(
            n("Till ordförande valdes Anna Berg."),
            [("Anna Berg".to_string(), "ordförande")]
        );
        assert_eq!(
            n("Till sekreterare för stämman valdes Ulf Holm."),
            [("Ulf Holm".to_string(), "sekreterare")]
        );
        assert_eq!(
            n("Stämman valde Gösta Wallin till ordförande och Annika Persson till sekreterare."),
            [
                ("Gösta Wallin".to_string(), "ordförande"),
                ("Annika Persson".to_string(), "sekreterare")
            ]
        );
        let s = serving(
            "Stämmoordförande Kristian Martinsson valde Maria Lund från Bredablick Förvaltning till protokollförare.",
            true,
        );
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].name, "Maria Lund");
        assert_eq!(s[0].role, "sekreterare");
        assert_eq!(s[0].affiliation.as_deref(), Some("Bredablick Förvaltning"));
        assert_eq!(
            n("Erik Welander valdes till justeringsperson tillika rösträknare"),
            [("Erik Welander".to_string(), "justerare")]
        );
        assert_eq!(
            n("Till justerare tillika rösträknare valdes Dan Ås och Eva Öst."),
            [
                ("Dan Ås".to_string(), "justerare"),
                ("Eva Öst".to_string(), "justerare")
            ]
        );
    }

    #[test]
    fn posts_of_the_association_are_not_meeting_roles() {
        assert!(
            names(
                "Stämman valde Esteban Mayo till styrelseordförande på 1 år.",
                true
            )
            .is_empty()
        );
        assert!(names("Michael Stahre valdes till kassör.", true).is_empty());
        // Late in an annual meeting, "ordförande" is the association's chair.
        assert!(names("Till ordförande valdes Anna Berg.", false).is_empty());
        assert_eq!(
            names("Anna Berg valdes till mötesordförande.", false).len(),
            1
        );
    }

    #[test]
    fn who_is_elected_to_check_the_minutes_or_named_secretary() {
        assert_eq!(
            names(
                "Till att jämte ordföranden justera dagens protokoll valdes Cilla Ny och David Ås.",
                true
            ),
            [
                ("Cilla Ny".to_string(), "justerare"),
                ("David Ås".to_string(), "justerare")
            ]
        );
        assert_eq!(
            names("Ordföranden anmälde Bo Ek som protokollförare.", true),
            [("Bo Ek".to_string(), "sekreterare")]
        );
    }

    #[test]
    fn who_checks_the_minutes_with_the_chair() {
        let s = serving(
            "Beslut Förste vice ordföranden Håkan Eriksson (V), andre vice ordföranden Margareta Broang (M) och tredje vice ordföranden Lisbeth Sundén Andersson (D) justerar dagens protokoll tillsammans med ordföranden Aslan Akbas (S) på Stadshuset, Gustaf Adolfs Torg 1",
            false,
        );
        let got: Vec<(&str, &str, Option<&str>)> = s
            .iter()
            .map(|x| (x.name.as_str(), x.role, x.affiliation.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("Håkan Eriksson", "justerare", Some("V")),
                ("Margareta Broang", "justerare", Some("M")),
                ("Lisbeth Sundén Andersson", "justerare", Some("D")),
                ("Aslan Akbas", "ordförande", Some("S")),
            ]
        );
    }
}
