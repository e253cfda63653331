//! The words that mark the parts of a set of minutes. Kept apart from the
//! code that uses them so that adding a synonym is a one-line change.

/// A heading that opens an attendance list, with the group and the
/// attendance its people get unless their line says otherwise.
pub struct AttendanceHeading {
    /// The heading, lower case, without trailing colon.
    pub text: &'static str,
    /// `member`, `adjunct`, `guest`, `secretary`.
    pub group: &'static str,
    /// `present` or `absent`; `called` for those summoned ("Kallade"),
    /// who were absent when the minutes also list who was present.
    pub attendance: &'static str,
    /// A role everyone listed gets (the secretary).
    pub role: Option<&'static str>,
}

const fn h(
    text: &'static str,
    group: &'static str,
    attendance: &'static str,
    role: Option<&'static str>,
) -> AttendanceHeading {
    AttendanceHeading {
        text,
        group,
        attendance,
        role,
    }
}

/// Attendance headings (ANNOTATION.md, Participants).
pub const ATTENDANCE_HEADINGS: &[AttendanceHeading] = &[
    h("deltagare", "member", "present", None),
    h("närvarande", "member", "present", None),
    h("närvarande ledamöter", "member", "present", None),
    h("ledamöter", "member", "present", None),
    h("beslutande", "member", "present", None),
    h("beslutande ledamöter", "member", "present", None),
    h("tjänstgörande ersättare", "member", "present", None),
    h("kallade", "member", "called", None),
    h("kallade ledamöter", "member", "called", None),
    h("närvarolista", "member", "present", None),
    h("röstlängd", "member", "present", None),
    h("chair", "member", "present", Some("ordförande")),
    h("present", "member", "present", None),
    h("attendees", "member", "present", None),
    h("participants", "member", "present", None),
    h("närvaro", "member", "present", None),
    h("frånvaro", "member", "absent", None),
    // "Närv.:", "Frånv.:": the headings abbreviated.
    h("närv.", "member", "present", None),
    h("närv", "member", "present", None),
    h("frånv.", "member", "absent", None),
    h("frånv", "member", "absent", None),
    h("attendance", "member", "present", None),
    h("attendance list", "member", "present", None),
    h("attendants", "member", "present", None),
    h("röstberättigade", "member", "present", None),
    h("närvarande röstberättigade", "member", "present", None),
    h("mötesdeltagare", "member", "present", None),
    h("deltog", "member", "present", None),
    h("deltagande", "member", "present", None),
    h("medverkande", "member", "present", None),
    h("styrelseledamöter", "member", "present", None),
    h("styrelsemedlemmar", "member", "present", None),
    h("närvarande styrelsemedlemmar", "member", "present", None),
    h("närvarande styrelseledamöter", "member", "present", None),
    h("närvarande från styrelsen", "member", "present", None),
    h("från styrelsen", "member", "present", None),
    h("närvarande medlemmar", "member", "present", None),
    h("ledamöter närvarande", "member", "present", None),
    h("ordinarie ledamöter", "member", "present", None),
    h("tjänstgörande ledamöter", "member", "present", None),
    h("beslutande ersättare", "member", "present", None),
    h("board members present", "member", "present", None),
    h("adjungerade", "adjunct", "present", None),
    h("närvarande ersättare", "adjunct", "present", None),
    h("närvarande tjänstemän", "guest", "present", None),
    h("tjänstepersoner", "guest", "present", None),
    h("närvarande tjänstepersoner", "guest", "present", None),
    h("also attending", "guest", "present", None),
    h("frånvarande ledamöter", "member", "absent", None),
    h("ej närvarande", "member", "absent", None),
    h("inte närvarande", "member", "absent", None),
    h("inte med", "member", "absent", None),
    h("ej med", "member", "absent", None),
    h("members absent", "member", "absent", None),
    h("adjungerad", "adjunct", "present", None),
    h("övriga deltagare", "guest", "present", None),
    h("övriga deltagande", "guest", "present", None),
    h(
        "övriga närvarande tjänstepersoner",
        "guest",
        "present",
        None,
    ),
    h("övriga närvarande", "guest", "present", None),
    h("övriga", "guest", "present", None),
    h("gäster", "guest", "present", None),
    h("gäst", "guest", "present", None),
    h("inbjudna", "guest", "present", None),
    h("inbjuden", "guest", "present", None),
    h("inbjudna gäster", "guest", "present", None),
    h("tjänstemän", "guest", "present", None),
    // Officials who present a matter to the body.
    h("föredragande", "guest", "present", None),
    h("föredragande tjänstepersoner", "guest", "present", None),
    h("föredragande tjänstemän", "guest", "present", None),
    // Substitutes present without a vote: of the body, but not deciding.
    h("ej tjänstgörande ersättare", "adjunct", "present", None),
    // "Ej tjänstgörande" / "ersättare": the label wrapped in its column.
    h("ej tjänstgörande", "adjunct", "present", None),
    h("icke tjänstgörande ersättare", "adjunct", "present", None),
    h("ersättare", "adjunct", "present", None),
    // A board's deputies (in a housing cooperative, a club).
    h("suppleanter", "adjunct", "present", None),
    h("närvarande suppleanter", "adjunct", "present", None),
    h("frånvarande", "member", "absent", None),
    h("anmält förhinder", "member", "absent", None),
    h("förhinder", "member", "absent", None),
    h("återbud", "member", "absent", None),
    h("förhindrade", "member", "absent", None),
    h("förhindrad", "member", "absent", None),
    h("tackade nej", "member", "absent", None),
    h("anmält frånvaro", "member", "absent", None),
    h("anmäld frånvaro", "member", "absent", None),
    h("anmälda förhinder", "member", "absent", None),
    h("ej deltagande", "member", "absent", None),
    h("deltog ej", "member", "absent", None),
    h("absent", "member", "absent", None),
    // English minutes of Swedish groups.
    h("apologies", "member", "absent", None),
    h("apologies for absence", "member", "absent", None),
    h("regrets", "member", "absent", None),
    h("excused", "member", "absent", None),
    h("not present", "member", "absent", None),
    h("members present", "member", "present", None),
    h("present members", "member", "present", None),
    h("attending", "member", "present", None),
    h("in attendance", "guest", "present", None),
    h("also present", "guest", "present", None),
    h("guests", "guest", "present", None),
    h("invited", "guest", "present", None),
    h("minute taker", "secretary", "present", Some("sekreterare")),
    h("minutes taker", "secretary", "present", Some("sekreterare")),
    h("secretary", "secretary", "present", Some("sekreterare")),
    h(
        "mötessekreterare",
        "secretary",
        "present",
        Some("sekreterare"),
    ),
    h("sekreterare", "secretary", "present", Some("sekreterare")),
    h(
        "protokollförare",
        "secretary",
        "present",
        Some("sekreterare"),
    ),
    h(
        "vid anteckningarna",
        "secretary",
        "present",
        Some("sekreterare"),
    ),
    h(
        "vid protokollet",
        "secretary",
        "present",
        Some("sekreterare"),
    ),
    h("antecknare", "secretary", "present", Some("sekreterare")),
    h("secretary", "secretary", "present", Some("sekreterare")),
    h("justerare", "member", "present", Some("justerare")),
    h("justeras", "member", "present", Some("justerare")),
    h("utses att justera", "member", "present", Some("justerare")),
    h("justeringsperson", "member", "present", Some("justerare")),
    h("justeringspersoner", "member", "present", Some("justerare")),
    h("reviewers", "member", "present", Some("justerare")),
];

/// The heading of [`ATTENDANCE_HEADINGS`] that people listed without a
/// heading of their own are read under (members, present).
pub const PLAIN_ATTENDANCE_HEADING: &str = "deltagare";

/// How attendance headings that say who was there begin (not who was
/// called or invited: "Närvarande ledamöter", "Present"): under one, people
/// were present at a meeting held.
pub const PRESENCE_HEADING_LEADS: &[&str] = &[
    "närvarande",
    "present",
    "members present",
    "attending",
    "in attendance",
];

/// Words after which an attendance line names some of the many present
/// ("ett tjugotal bybor, bl.a. Gertrud Ekdahl, Stig Olsson").
pub const AMONG_THEM: &[&str] = &[
    "bl.a.",
    "bl a",
    "bland annat",
    "däribland",
    "bland dem",
    "bland andra",
];

/// Honorifics written before a name ("Dr. Helen Moore"), as written.
pub const HONORIFICS: &[&str] = &[
    "Dr.",
    "Dr",
    "Prof.",
    "Professor",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Mr",
    "Mrs",
    "Ms",
];

/// Sentences that open a list of who attended ("Vid mötet deltog Anna Berg,
/// Bo Ek och Cilla Ny."), or of who did not, lower case → the attendance
/// heading ([`ATTENDANCE_HEADINGS`]) the line is read as.
pub const ATTENDANCE_SENTENCE_LEADS: &[(&str, &str)] = &[
    ("vid mötet deltog", "närvarande"),
    ("vid mötet närvarade", "närvarande"),
    ("närvarande vid mötet var", "närvarande"),
    ("närvarande var", "närvarande"),
    ("på mötet deltog", "närvarande"),
    ("i mötet deltog", "närvarande"),
    ("deltagare var", "närvarande"),
    ("följande personer var närvarande", "närvarande"),
    ("följande var närvarande", "närvarande"),
    ("följande personer deltog", "närvarande"),
    ("följande medlemmar närvarade", "närvarande"),
    ("följande ledamöter närvarade", "närvarande"),
    ("följande personer närvarade", "närvarande"),
    ("följande närvarade", "närvarande"),
    ("följande deltog på mötet", "närvarande"),
    ("följande deltog i mötet", "närvarande"),
    ("följande deltog", "närvarande"),
    ("närvarande på mötet var", "närvarande"),
    ("på mötet närvarade", "närvarande"),
    // "Frånvarande var Erik Sand och Fia Ström.": those who were not.
    ("frånvarande var", "frånvarande"),
    ("frånvarande vid mötet var", "frånvarande"),
    ("ej närvarande var", "frånvarande"),
    ("anmält förhinder hade", "frånvarande"),
    ("förhinder hade", "frånvarande"),
    // English minutes: "Present were Anna Berg, Bo Ek and Cia Ny."
    ("present were", "närvarande"),
    ("those present were", "närvarande"),
    ("present at the meeting were", "närvarande"),
    ("the following were present", "närvarande"),
    ("attending were", "närvarande"),
    ("absent were", "frånvarande"),
    ("apologies were received from", "frånvarande"),
];

/// Endings of a sentence that lists who attended before saying so ("Anna
/// Berg, Bo Ek och Cilla Ny var närvarande."), or who did not, lower case
/// → the attendance heading the line is read as.
pub const ATTENDANCE_SENTENCE_TAILS: &[(&str, &str)] = &[
    (" var närvarande", "närvarande"),
    (" var närvarande vid mötet", "närvarande"),
    (" närvarade", "närvarande"),
    (" were present", "närvarande"),
    (" were in attendance", "närvarande"),
    (" var frånvarande", "frånvarande"),
    (" hade anmält förhinder", "frånvarande"),
    (" were absent", "frånvarande"),
];

/// A word alone on the line after a name in an attendance list, from a
/// presence column a text export flattened ("Gun Grysell" / "Ja"), lower
/// case → the attendance.
pub const PRESENCE_MARKS: &[(&str, &str)] = &[
    ("ja", "present"),
    ("nej", "absent"),
    ("yes", "present"),
    ("no", "absent"),
    ("x", "present"),
];

/// Words after a name on its line that say whether the person came, from a
/// presence column a text export joined to the name ("Ida Burlin X",
/// "Jörgen Qwist Anmält förhinder"), lower case → the attendance.
pub const TRAILING_PRESENCE_MARKS: &[(&str, &str)] = &[
    ("x", "present"),
    ("anmält förhinder", "absent"),
    ("förhinder", "absent"),
    ("frånvarande", "absent"),
    ("ej närvarande", "absent"),
    ("återbud", "absent"),
];

/// Words after a name on its line that say the person took part from afar
/// ("Bo Ek via Skype", "Anna Berg på distans"), lower case; a "via" before
/// a meeting service ([`VIDEO_MEETING_SERVICES`]) says so too.
pub const TRAILING_REMOTE_MARKS: &[&str] = &[
    "på distans",
    "digitalt",
    "via länk",
    "via telefon",
    "per telefon",
    "via video",
];

/// Phrases under or over a signature at the end of minutes that name its
/// role without being a role word of [`ROLES`] ("Vid protokollet",
/// "Justeras"), lower case → the role.
pub const SIGNATURE_PHRASES: &[(&str, &str)] = &[
    ("vid protokollet", "sekreterare"),
    ("justeras", "justerare"),
    ("justeras av", "justerare"),
    ("justerat av", "justerare"),
    ("justerad av", "justerare"),
    ("justerades av", "justerare"),
    ("stämmoordförande", "ordförande"),
    ("vid pennan", "sekreterare"),
    ("protokollet skrivet av", "sekreterare"),
    ("protokoll skrivet av", "sekreterare"),
    ("protokollet fört av", "sekreterare"),
    ("protokoll fört av", "sekreterare"),
    ("protokollförd av", "sekreterare"),
    ("antecknat av", "sekreterare"),
    ("antecknad av", "sekreterare"),
    ("skrivet av", "sekreterare"),
    ("sekreterare/protokollförare", "sekreterare"),
    ("minutes taken by", "sekreterare"),
    ("minutes by", "sekreterare"),
    ("note taker", "sekreterare"),
    ("notetaker", "sekreterare"),
    ("minute taker", "sekreterare"),
];

/// Capitalised words of a roll call's headings and legend, run into its
/// records ("Närvarolista /Omröstningslista … Ledamöter Närv (N), Frånv (F)
/// Ja Nej"), that no name holds.
pub const ROLL_WORDS: &[&str] = &[
    "Närv",
    "Frånv",
    "Närvarande",
    "Frånvarande",
    "Ja",
    "Nej",
    "Avstår",
    "Närvarolista",
    "Omröstningslista",
    "Ledamöter",
    "Ledamot",
    "Ersättare",
    "Frånvaro",
    "Vakant",
    "Tjänstgörande",
    "Ordinarie",
];

/// Words of a roll call that head its substitutes ("… Ersättare Håkan
/// Jonsson SON N …"), as written.
pub const ROLL_SUBSTITUTE_HEADINGS: &[&str] = &["Ersättare", "Ersättare:", "ERSÄTTARE"];

/// Words of a roll call that head its members, as written.
pub const ROLL_MEMBER_HEADINGS: &[&str] = &["Ledamöter", "Ledamöter:", "LEDAMÖTER", "Ordinarie"];

/// Labels of a municipal form's fields that end a roster flattened into
/// running text ("… Kerstin Söderqvist, Norrtälje kommun Utses att
/// justera Lennart Edbom Paragrafer 7-13 …"), as written.
pub const ROSTER_STOP_LABELS: &[&str] = &[
    "Underskrift",
    "Underskrifter",
    "Utses att justera",
    "Justerare",
    "Justerande",
    "Justeringens",
    "Paragrafer",
    "Sekreterare",
    "Ordförande",
    "Ersättare",
    "Frånvarande",
];

/// Verbs of a signature phrase that ends with the signer's role
/// ("Godkännes av ordförande", "Justeras av justerare"), lower case.
pub const SIGNED_BY_VERBS: &[&str] = &[
    "godkännes",
    "godkänt",
    "godkänd",
    "justeras",
    "justerat",
    "justerad",
    "undertecknas",
];

/// The roles a signature gives ([`ROLES`] values): who chaired, kept and
/// checked the minutes.
pub const SIGNING_ROLES: &[&str] = &["ordförande", "sekreterare", "justerare"];

/// Roles a person can have in the meeting, as written → normalised. Longer
/// forms first, so "vice ordförande" wins over "ordförande".
pub const ROLES: &[(&str, &str)] = &[
    ("1:e vice ordförande", "vice ordförande"),
    ("2:e vice ordförande", "vice ordförande"),
    ("förste vice ordförande", "vice ordförande"),
    ("andre vice ordförande", "vice ordförande"),
    ("1:e vice ordf", "vice ordförande"),
    ("2:e vice ordf", "vice ordförande"),
    ("vice ordförande", "vice ordförande"),
    ("v. ordförande", "vice ordförande"),
    ("v. ordf.", "vice ordförande"),
    ("v. ordf", "vice ordförande"),
    ("v ordf", "vice ordförande"),
    ("vice ordf", "vice ordförande"),
    ("ordförande", "ordförande"),
    ("ordf.", "ordförande"),
    ("ordf", "ordförande"),
    ("mötesordförande", "ordförande"),
    ("mötessekreterare", "sekreterare"),
    ("sekreterare", "sekreterare"),
    ("protokollförare", "sekreterare"),
    ("prot.förare", "sekreterare"),
    ("prot. förare", "sekreterare"),
    ("koordinator", "koordinator"),
    ("sekr.", "sekreterare"),
    ("sekr", "sekreterare"),
    ("justerare", "justerare"),
    ("protokolljusterare", "justerare"),
    ("justeringsperson", "justerare"),
    ("justeringsman", "justerare"),
    ("chair", "ordförande"),
    ("secretary", "sekreterare"),
];

/// Words before a role that make it the meeting's own ("Mötets
/// ordförande: Anna Berg").
pub const OF_THE_MEETING_BEFORE: &[&str] = &[
    "mötets ",
    "årsmötets ",
    "stämmans ",
    "föreningsstämmans ",
    "årsstämmans ",
    "sammanträdets ",
    "meeting ",
];

/// Words after a role that make it the meeting's own ("Sekreterare för
/// mötet: Bo Ek").
pub const OF_THE_MEETING_AFTER: &[&str] = &[
    " för mötet",
    " vid mötet",
    " för årsmötet",
    " vid årsmötet",
    " för stämman",
    " vid stämman",
    " för dagens möte",
    " of the meeting",
];

/// Words in a participant's note meaning they were absent.
pub const ABSENT_CUES: &[&str] = &[
    "återbud",
    "förhinder",
    "frånvarande",
    "ej närvarande",
    "anmält frånvaro",
    "tackade nej",
    "förhindrad",
    "absent",
];

/// Words saying someone present does not take part in deciding ("Erik
/// Sand (suppleant, ej beslutande)"): an adjunct of the body (ANNOTATION.md,
/// Substitutes).
pub const NOT_DECIDING_CUES: &[&str] = &[
    "ej beslutande",
    "icke beslutande",
    "inte beslutande",
    "ej tjänstgörande",
    "icke tjänstgörande",
    "utan rösträtt",
    "ej rösträtt",
];

/// An association's elected posts written after a name in a list that lost
/// its commas ("Anna Berg ordförande Bo Ek kassör Cecilia Lund ledamot"),
/// lower case: posts that stand alone, where a job title is followed by
/// its employer ("verksamhetschef Capio Gårda").
pub const BOARD_POSTS: &[&str] = &[
    "kassör",
    "ledamot",
    "styrelseledamot",
    "suppleant",
    "ersättare",
    "revisor",
    "revisorssuppleant",
    "adjungerad",
    "valberedare",
];

/// Lower-case words of attendance lines that are no handle of a person
/// ("Närvarande: ordinarie, suppleanter, revisor"), lower case ASCII;
/// [`EVERYONE_WORDS`] are none either.
pub const HANDLE_STOPWORDS: &[&str] = &[
    "ordinarie",
    "suppleant",
    "suppleanter",
    "revisor",
    "revisorer",
    "kassor",
    "ledamot",
    "ledamoter",
    "medlem",
    "medlemmar",
    "gast",
    "gaster",
    "personal",
    "elever",
    "inga",
    "ingen",
    "se",
    "bilaga",
    "enligt",
    "lista",
    "nedan",
    "ovan",
    "och",
    "samt",
    "med",
    "via",
    "teams",
    "zoom",
    "plats",
    "digitalt",
    "on",
    "line",
    "online",
    "members",
    "guests",
    "staff",
    "none",
    "see",
    "below",
    "above",
    "list",
    "and",
];

/// Words meaning they attended only part of the meeting.
pub const PARTIAL_CUES: &[&str] = &[
    "ansluter",
    "avviker",
    "deltar på punkt",
    "deltar under punkt",
    "punkt ",
    "medverkar ej",
    "lämnar mötet",
    "går kl",
    "från kl",
    "till kl",
    // "Lina Ström, VA-chef, § 50", "§§ 12–14": there for those items.
    ", §",
    // "Madelaine Seidlitz, ej § 91-97": not there for those items.
    "ej §",
    "ej punkt",
    "§§",
    "deltar på",
    "del av mötet",
    "delvis",
    "under förmiddagen",
    "under eftermiddagen",
    "fram till lunch",
    "efter lunch",
    "kom sent",
    "kom senare",
    "anslöt kl",
    "anslöt efter",
    "lämnade mötet",
    // "på plats från och med §5", "lämnar efter §5", "fr o m del av § 46".
    "från och med §",
    "fr.o.m. §",
    "fr o m",
    "fr.o.m",
    "till och med §",
    "t.o.m. §",
    "lämnar efter",
    "lämnade efter",
    "efter §",
    "från §",
    "left at",
    "joined at",
    "arrived at",
    "left early",
    "arrived late",
    "from item",
    "for item",
];

/// Words that may stand between a word of coming or going and its clock
/// time ("kom kl. 10", "left at 11"), lower case.
pub const CLOCK_LEAD_WORDS: &[&str] = &["kl", "kl.", "klockan", "at"];

/// Words that say someone came or went at the clock time after them ("kom
/// 10:15", "gick 11.00", "arrived 10:15", "left 11:00"): attended part of
/// the meeting. Lower case.
pub const CAME_OR_WENT_WORDS: &[&str] = &[
    "kom", "gick", "anslöt", "lämnade", "avvek", "arrived", "joined", "left", "came",
];

/// An attendance table's presence marks for someone who came late ("Late
/// (10:25)", "Sen"), lower case: matched at the start of the cell.
pub const LATE_MARKS: &[&str] = &["late", "sen", "senare", "delvis"];

/// Prepositions before a place ("i Stadshuset", "på Folkets hus", "at
/// the library"), lower case.
pub const PLACE_PREPOSITIONS: &[&str] = &["i", "på", "hos", "vid", "in", "at"];

/// What parts a sitting into two ("13.00-14.30, ajournering 14.30-14.45,
/// 14.45-16.15"), lower case, as word starts.
pub const SITTING_BREAK_WORDS: &[&str] =
    &["ajourner", "paus", "uppehåll", "lunch", "fika", "break"];

/// Endings of street names: "Vikavägen 7", "Storgatan 3" after a place
/// is its address.
pub const STREET_ENDINGS: &[&str] = &[
    "gatan",
    "vägen",
    "gränd",
    "gränden",
    "torget",
    "torg",
    "plan",
    "backe",
    "backen",
    "stigen",
    "allén",
    "leden",
    "esplanaden",
    "parken",
    "kajen",
    "stråket",
    "viadukten",
    "platsen",
    "promenaden",
    "gata",
    "väg",
];

/// Words that name a room in a building: "rum Silvret", "sal Bergsmannen"
/// after a place is where in it.
pub const ROOM_WORDS: &[&str] = &[
    "rum",
    "sal",
    "salen",
    "lokal",
    "konferensrum",
    "konferensrummet",
    "sammanträdesrum",
    "sammanträdesrummet",
    "mötesrum",
    "room",
];

/// How the people under a heading attended, closing the heading alone on
/// its line ("Deltagare på plats", "Närvarande via Teams"), lower case.
pub const HEADING_QUALIFIERS: &[&str] = &[
    "på plats",
    "i lokalen",
    "fysiskt",
    "digitalt",
    "på distans",
    "via teams",
    "via zoom",
    "via länk",
    "på länk",
    "online",
    "in person",
    "remotely",
    "on site",
];

/// Endings of a plural noun naming who a heading's people are
/// ("Närvarande revisorer", "Närvarande ungdomsledamöter").
pub const PLURAL_GROUP_ENDINGS: &[&str] =
    &["ter", "rer", "ar", "or", "män", "erna", "arna", "orna"];

/// Words meaning they joined from afar.
pub const REMOTE_CUES: &[&str] = &[
    "teams",
    "telefon",
    "distans",
    "video",
    "zoom",
    "digitalt",
    "på länk",
    "via länk",
    "remote",
    "skype",
    "discord",
    "google meet",
    "jitsi",
];

/// Stems of header labels whose date comes after the meeting: its minutes
/// adjusted, posted, open to appeal ("Justeringsdatum", "Justeringens plats
/// och tid", "Anslaget", "Sista dag för överklagande").
pub const AFTER_MEETING_LABEL_STEMS: &[&str] = &["juster", "anslag", "överklag", "bestyrk"];

/// Headings of a list of coming meetings.
pub const NEXT_MEETING_HEADINGS: &[&str] = &[
    "nästkommande möten",
    "nästkommande möte",
    "kommande möten",
    "kommande mötesdatum",
    "nästa möten",
    "nästa möte",
    "nästa sammanträden",
    "nästa sammanträde",
    "kommande möte",
    "kommande sammanträden",
    "mötesplan",
    "mötesplanering",
    "nästa styrelsemöte",
    "nästa ordinarie möte",
    "nästa samråd",
    "nästa träff",
    "nästa apt",
    "nästa arbetsplatsträff",
    "möten för hösten",
    "möten för våren",
    "vårens möten",
    "höstens möten",
    "vårens sammanträden",
    "höstens sammanträden",
    "mötesdatum",
    "mötestider",
    "sammanträdesdagar",
    "sammanträdestider",
    "sammanträdesplan",
    "mötesschema",
    "next meeting",
    "next meetings",
    "upcoming meetings",
];

/// Whole lines of a web page's furniture that a saved or scraped page keeps
/// above the minutes: a search box, navigation, a wiki's tool menus. They
/// name nothing of the meeting.
pub const WEB_CHROME_LINES: &[&str] = &[
    "skriv in din sökning här",
    "sök",
    "sök på webbplatsen",
    "sök på sidan",
    "meny",
    "stäng meny",
    "visa meny",
    "huvudmeny",
    "hoppa till innehåll",
    "hoppa till huvudinnehåll",
    "gå till innehåll",
    "gå direkt till innehållet",
    "till innehållet",
    "logga in",
    "logga ut",
    "startsida",
    "tillbaka",
    "skriv ut",
    "lyssna",
    "dela",
    "skip to content",
    "skip to main content",
    "search",
    "menu",
    "main menu",
    "log in",
    "login",
    "sign in",
    "user tools",
    "site tools",
    "page tools",
    "toggle navigation",
    "print",
    "share",
    // A logotype's alternative text, left where the image stood.
    "logo",
    "logotyp",
    "logga",
    // An image's or an advertisement's placeholder, a link back.
    "bild",
    "image",
    "annons",
    "advertisement",
    "åter",
    "tillbaka till",
];

/// The marks between the steps of a page's breadcrumb trail ("Start >
/// Protokoll > 2024").
pub const BREADCRUMB_MARKS: &[&str] = &[" > ", " » ", " › "];

/// Words that open a heading of the meetings to come ("Nästa stormöte",
/// "Kommande träffar", "Next board meeting").
pub const COMING_WORDS: &[&str] = &[
    "nästa",
    "nästkommande",
    "kommande",
    "next",
    "upcoming",
    "future",
];

/// Endings of a word that names a meeting in a title's rest
/// ("jaktlagsmöte", "styrelsemötet").
pub const MEETING_WORD_ENDINGS: &[&str] = &["möte", "mötet"];

/// Endings of nouns naming a meeting, singular, plural and definite, alone
/// or closing a compound ("stormöte", "träffar", "sammanträden", "årsmötet",
/// "board meeting").
pub const MEETING_NOUN_ENDINGS: &[&str] = &[
    "möte",
    "möten",
    "mötet",
    "sammanträde",
    "sammanträden",
    "sammanträdet",
    "träff",
    "träffar",
    "träffen",
    "stämma",
    "stämmor",
    "stämman",
    "meeting",
    "meetings",
];

/// What sets a meeting of some kind for a date in a sentence ("Årsmötet
/// blir söndag 12 februari", "Datum för årsmöte är satt till den 7:e
/// mars"), lower case. "hålls" is left out: minutes mostly describe with it
/// an event they do not list as theirs.
pub const MEETING_SET_FOR: &[&str] = &[
    "blir",
    "är satt till",
    "är satt den",
    "är bestämt till",
    "är bestämd till",
    "är planerat till",
    "är planerad till",
    "är utlyst till",
    "är fastställt till",
    "är fastställd till",
    "planeras till",
];

/// A sentence about the next meeting anywhere in the minutes ("Nästa möte
/// hålls på tisdag den 17:e", "inför nästa handledarmöte den 19:e", "Vi
/// ses nästa gång den 12 april"): the dates after it are coming meetings.
pub const NEXT_MEETING_CUE: &str = r"(?i)\b(?:nästa|nästkommande|next)\s+\p{L}*?(?:möte|sammanträde|meeting|samråd|träff)\w*|\bnästa\s+(?-i:\p{Lu}{2,5})\s*:|\b(?:ses|träffas)\s+(?:igen\s+)?nästa\s+gång\b|\b(?:vi\s+)?(?:ses|träffas)\s+igen\b";

/// Header labels of an agenda table's first column.
pub const AGENDA_TABLE_HEADERS: &[&str] = &[
    "mötespunkt",
    "punkt",
    "ärende",
    "dagordning",
    "agenda",
    "nr",
    "§",
];

/// Labels of a table column that names each row's matter ("§ | Ärende |
/// Beslut"): beside a decision column, the rows are the agenda's.
pub const MATTER_COLUMN_LABELS: &[&str] = &[
    "ärende",
    "ärenden",
    "punkt",
    "mötespunkt",
    "dagordning",
    "agenda",
    "item",
];

/// Words naming the kind of document, → `document_type`.
pub const DOCUMENT_TYPES: &[(&str, &str)] = &[
    ("mötesanteckningar", "minutes"),
    ("mötesanteckning", "minutes"),
    ("minnesanteckningar", "minutes"),
    ("minnesanteckning", "minutes"),
    ("anteckningar", "minutes"),
    // "Referat från medlemsmöte i Norrby Byalag": an association's
    // account of a meeting.
    ("mötesreferat", "minutes"),
    ("referat", "minutes"),
    ("sammanträdesprotokoll", "minutes"),
    ("mötesprotokoll", "minutes"),
    ("protokoll", "minutes"),
    ("minutes", "minutes"),
    ("meeting minutes", "minutes"),
    ("meeting notes", "minutes"),
    ("föredragningslista", "agenda"),
    ("dagordning", "agenda"),
    ("kallelse", "agenda"),
    ("agenda", "agenda"),
    ("kungörelse", "notice"),
];

/// A board, which an organisation has one of ("Styrelsen för Ekbackens
/// IF"), lower case.
pub const BOARD_WORDS: &[&str] = &["styrelsen", "styrelse", "styrelsens"];

/// Bodies whose name, with a colon, labels the names of their members
/// present ("Styrelsen: Anna Berg, Bo Ek"), lower case. Alone on a line the
/// name is the body's, not a heading of people.
pub const BODY_LABELS_BEFORE_NAMES: &[&str] = &[
    "styrelsen",
    "styrelse",
    "ledningsgruppen",
    "arbetsgruppen",
    "projektgruppen",
    "gruppen",
    "board",
];

/// Words closing a list of people that name no one ("m.fl.", "med
/// flera"), lower case, without a final full stop.
pub const AND_OTHERS: &[&str] = &["m.fl", "m fl", "mfl", "med flera", "m.m", "etc", "med fler"];

/// Councils and boards that minutes name in the definite form, as the
/// annotation's bodies do ("Elevrådsmöte", "Elevråd 25/4" → "Elevrådet",
/// "Sektionsstyrelse" → "Sektionsstyrelsen"): the ending as written and the
/// definite ending that replaces it. ("grupp" → "gruppen" was tried: the
/// golds keep "Ledningsgrupp" as often as they define it.)
pub const DEFINITE_BODY_ENDINGS: &[(&str, &str)] = &[("råd", "rådet"), ("styrelse", "styrelsen")];

/// Endings of words that name a council, board or committee (the body).
pub const BODY_WORDS: &[&str] = &[
    "råd",
    "rådet",
    "styrelse",
    "styrelsen",
    "nämnd",
    "nämnden",
    "fullmäktige",
    "utskott",
    "utskottet",
    "presidium",
    "presidiet",
    "grupp",
    "gruppen",
    "kommitté",
    "kommittén",
    "beredning",
    "stämma",
    "årsmöte",
    "årsstämma",
    "referensgrupp",
    "ledningsgrupp",
    "board",
    "styrgrupp",
    "plattform",
    "plattformen",
    "forum",
    "forumet",
    "group",
    "committee",
];

/// Words that make a capitalised pair an organisation's name, not a
/// person's ("Sveriges Lärare", "Region Sörmland", "Autism Sverige"),
/// lower case, as whole words.
pub const ORGANISATION_NAME_WORDS: &[&str] = &[
    "sverige",
    "sveriges",
    "svensk",
    "svenska",
    "svenskt",
    "region",
    "regionen",
    "kommun",
    "kommunen",
    "kommuner",
    // "Vänersborgs Stad", "Göteborgs Stad".
    "stad",
    "landsting",
    "ab",
    "hb",
    "riksförbund",
    "riksförbundet",
    "förbund",
    "förbundet",
    "förening",
    "föreningen",
    "myndighet",
    "myndigheten",
    "universitet",
    "högskola",
    "högskolan",
    "institutet",
    "stiftelsen",
    "länsstyrelsen",
];

/// Endings of compounds that name an organisation ("Demenscentrum",
/// "Pensionärsförbund", "Elevkårer"), lower case.
pub const ORGANISATION_NAME_ENDINGS: &[&str] = &[
    "centrum",
    "förbund",
    "förbundet",
    "föreningen",
    "kårer",
    "myndigheten",
    "universitet",
    "kommun",
];

/// Agencies whose name ends in a body's word ("Socialstyrelsen",
/// "Länsstyrelsen i Dalarnas län"): organisations, not a board of one.
pub const AGENCIES_NAMED_AS_BOARDS: &[&str] = &[
    "socialstyrelsen",
    "länsstyrelsen",
    "transportstyrelsen",
    "rymdstyrelsen",
];

/// Endings of words that name an organisation.
pub const ORGANIZATION_WORDS: &[&str] = &[
    "regionen",
    "region",
    "kommun",
    "stad",
    "landsting",
    "förening",
    "föreningen",
    "förbund",
    "förbundet",
    "myndigheten",
    "verket",
    // Agencies named as a board (AGENCIES_NAMED_AS_BOARDS).
    "socialstyrelsen",
    "länsstyrelsen",
    "transportstyrelsen",
    "rymdstyrelsen",
    "inspektionen",
    "högskolan",
    "universitetet",
    "university",
    "samfällighet",
    "samfällighetsförening",
    "vägsamfällighet",
    "församling",
    "pastorat",
    "universitet",
    // Schools and student unions ("Björkhagens skola", "Kvarnbyskolan",
    // "Umeå studentkår").
    "skola",
    "skolan",
    "studentkår",
    "sjukvårdsregionen",
    "klubb",
    "klubben",
    "sällskapet",
    "sällskap",
    // Associations of villages, hunters and fishing waters.
    "byalag",
    "byalaget",
    "jaktlag",
    "jaktlaget",
    "vårdsområde",
    "vårdsområdet",
    "sockenråd",
    "sockenrådet",
    "skötselområde",
    "skötselområdet",
    // Choirs ("Långbrodalskören", "Kammarkören").
    "kören",
    // A party's or a federation's local branch ("Norrby Centerkrets",
    // "SPF-kretsen"), a village's association ("Norrby Byförening" has
    // "förening"; "Hembygdslaget", "Norrby Idrottslag").
    "krets",
    "kretsen",
    "hembygdslag",
    "idrottslag",
    "stiftelsen",
    "society",
    "union",
    "association",
    "club",
    "foundation",
    "federation",
    "league",
    "institute",
    // A student section named by its letter or programme ("D-sektionen",
    // "Data-sektionen"); a plain "sektionen" is an office (DEPARTMENT_WORDS).
    "-sektionen",
];

/// Company forms that close a firm's name ("Nordvik Logistik AB",
/// "Bygg & Måleri HB", "Acme Ltd"), lower case, as a whole last word.
pub const COMPANY_FORMS: &[&str] = &[
    "ab",
    "hb",
    "kb",
    "aktiebolag",
    "ltd",
    "inc",
    "gmbh",
    "oy",
    "oyj",
    "asa",
];

/// Legal forms written after an association's or cooperative's name
/// ("Hammarby Bygdegårdsförening ek. för.", "Fiskevårdsområdet u.p.a."),
/// lower case, as they close the name.
pub const LEGAL_FORM_SUFFIXES: &[&str] = &[
    " ek. för.",
    " ek.för.",
    " ek. för",
    " ek för",
    " ekonomisk förening",
    " ideell förening",
    " u.p.a.",
    " upa",
    // Finland's registered associations ("Ekenäs Schackklubb r.f.",
    // "Svenska kulturföreningen rf", Finnish "ry").
    " r.f.",
    " rf.",
    " rf",
    " r.y.",
    " ry.",
    " ry",
];

/// Abbreviations that head a sports club's name ("IF Nordstjärnan", "IK
/// Sirius", "BK Häcken"), matched as written (upper case).
pub const SPORTS_CLUB_HEADS: &[&str] = &["IF", "IK", "BK", "FK", "SK", "FF", "FC", "GIF", "IFK"];

/// First words of an organisation's name ("Sektionen för Medieteknik",
/// "Myndigheten för digital förvaltning", "Brf Bronsyxan"): a letterhead or
/// running header that starts with one names the organisation.
pub const ORGANIZATION_HEADS: &[&str] = &[
    "sektionen",
    "föreningen",
    "förbundet",
    "riksförbundet",
    "myndigheten",
    "länsstyrelsen",
    "stiftelsen",
    "brf",
    "bostadsrättsföreningen",
    "bostadsrättsförening",
    "samfälligheten",
    "kåren",
    "sällskapet",
    "nätverket",
    "network",
    "institutet",
    "region",
    "klubben",
    "idrottsklubben",
    "sportklubben",
    "förskolan",
    "skolan",
];

/// Abbreviations of an association's word written before its name in
/// quotation marks ("för. ”Vår Bygd 1891”"), lower case.
pub const ORGANIZATION_HEAD_ABBREVIATIONS: &[&str] = &["för.", "fören.", "fhf."];

/// Quotation marks an association's name may stand in ("”Vår Bygd”",
/// "\"Gamla Gården\"", "’Ekbacken’", "«Ekbacken»").
pub const NAME_QUOTES: &[char] = &['"', '”', '“', '„', '’', '‘', '\'', '«', '»'];

/// What an association has, named after it in the genitive ("Python
/// Sveriges stadgar", "LiTHe kods styrelse"): the owner is the association.
pub const ASSOCIATION_BELONGINGS: &[&str] = &[
    "stadgar",
    "stadgarna",
    "styrelse",
    "medlemmar",
    "verksamhetsberättelse",
    "verksamhetsplan",
    "revisorer",
    "valberedning",
];

/// First words of a genitive that owns a thing but is no association
/// ("Mötets", "Årets", "Föregående års").
pub const GENITIVE_NOT_ASSOCIATION: &[&str] = &[
    "möte",
    "år",
    "dag",
    "kväll",
    "förra",
    "föregående",
    "nästa",
    "nya",
    "gamla",
    "hela",
];

/// Endings of a word that names the organisation a participant comes from,
/// typed after the name without a separator ("Per Holm Försäkringskassan",
/// "Eva Lund Region Halland"). Endings common in surnames ("-stad") are
/// left out.
pub const AFFILIATION_ENDINGS: &[&str] = &[
    "kassan",
    "verket",
    "myndigheten",
    "kommun",
    "region",
    "regionen",
    "bolaget",
    "universitet",
    "universitetet",
    "sjukhus",
    "sjukhuset",
    "skolan",
    "institutet",
    "förbundet",
    "föreningen",
    "förvaltningen",
    "kontoret",
];

/// Header cells of a task table's task column ("Åtgärd | Ansvarig | Klart").
pub const TASK_COLUMNS: &[&str] = &[
    "åtgärd",
    "beskrivning",
    "vad ska göras",
    "åtgärder",
    "aktivitet",
    "aktiviteter",
    "uppgift",
    "uppgifter",
    "uppdrag",
    "att göra",
    "vad",
    "action",
    "actions",
    "action item",
    "action items",
    "task",
    "tasks",
    "to do",
    "todo",
    "what",
    // A sprint plan's work items, each with its owner.
    "story",
    "user story",
    "user stories",
    "issue",
    "ticket",
];

/// Header cells of a matter column that is a task column only beside a
/// status column ("När | Ärende | Vem | Status", a tracker of open tasks;
/// "Nr | Ärende | Ansvarig" alone is an agenda).
pub const MATTER_COLUMNS: &[&str] = &["ärende", "ärenden", "fråga", "frågor"];

/// Header cells of a task tracker's status column.
pub const STATUS_COLUMNS: &[&str] = &["status", "läge", "lägesstatus", "state"];

/// Header cells of a decision table's decision column ("Nr | Beslut |
/// Ansvarig"), lower case.
pub const DECISION_COLUMNS: &[&str] = &[
    "beslut",
    "beslutet",
    "decision",
    "decisions",
    "beslut som fattades",
];

/// The label a decision table's rows are given, as the rules read a
/// "Beslut:" paragraph.
pub const DECISION_LABEL: &str = "Beslut";

/// Header cells of a task table's responsible column.
pub const OWNER_COLUMNS: &[&str] = &[
    "ansvarig",
    "ansv",
    "ansv.",
    "ansvarig person",
    "utförare",
    "ansvariga",
    "ansvar",
    "vem",
    "who",
    "owner",
    "responsible",
];

/// Header cells of an agenda table's column of when its tasks are due:
/// [`DUE_COLUMNS`] less the words an agenda uses for the point's own date
/// or time ("Datum", "När").
pub const ROW_DUE_COLUMNS: &[&str] = &[
    "klart",
    "klart senast",
    "klart till",
    "senast",
    "deadline",
    "by when",
    "due",
    "due by",
    "due date",
];

/// Header cells of a task table's date column.
pub const DUE_COLUMNS: &[&str] = &[
    "klart",
    "klart senast",
    "klart till",
    "senast",
    "deadline",
    "datum",
    "när",
    "tidplan",
    "when",
    "by when",
    "due",
    "due by",
    "due date",
    "date",
    "färdigt",
    "slutdatum",
];

/// Endings of words that name an office under the organisation.
pub const DEPARTMENT_WORDS: &[&str] = &[
    "kontoret",
    "vården",
    "förvaltning",
    "förvaltningen",
    "avdelning",
    "avdelningen",
    "enhet",
    "enheten",
    "kansli",
    "kansliet",
    "sektion",
    "staben",
];

/// Words that open a department's name before what it is for
/// ("Department of Biology", "Institutionen för fysik"), lower case.
pub const DEPARTMENT_HEADS: &[&str] = &[
    "department of",
    "division of",
    "institutionen för",
    "avdelningen för",
    "enheten för",
    "sektionen för",
];

/// Template text that was never filled in: not a value.
pub const PLACEHOLDERS: &[&str] = &[
    "ange ev. nedan",
    "ange ev nedan",
    "ange eventuella nedan",
    "ange nedan",
    "fyll i",
    "klicka här",
    "skriv här",
    "ange text",
    "click here",
    "xxxx",
];

/// Labels that open a part of an item's text, not a topic of its own
/// ("Ansvarig: Bo", "Åtgärd: …", "Obs: …"): no item starts at them.
pub const ITEM_PART_LABELS: &[&str] = &[
    "ansvarig",
    "ansvariga",
    "ansvar",
    "åtgärd",
    "åtgärder",
    "uppdrag",
    "action",
    "actions",
    "deadline",
    "klart",
    "klart senast",
    "senast",
    "obs",
    "notera",
    "not",
    "kommentar",
    "kommentarer",
    "status",
    "diskussion",
    "discussion",
    "att göra",
    "todo",
    "nästa steg",
    "next steps",
    "tid",
    "plats",
    "datum",
];

/// Headings of the parts of one case ("### Beslut" under "## § 12 Budget"):
/// a heading outline never takes them as items. Lower case, without a colon.
pub const CASE_SECTION_HEADINGS: &[&str] = &[
    "beslut",
    "förslag",
    "förslag till beslut",
    "förslag till beslut på sammanträdet",
    "beslutsförslag",
    "beslutsunderlag",
    "underlag",
    "ärendet",
    "ärendebeskrivning",
    "ärendets beredning",
    "beskrivning av ärendet",
    "bakgrund",
    "sammanfattning",
    "sammanfattning av ärendet",
    "yrkande",
    "yrkanden",
    "propositionsordning",
    "beslutsgång",
    "omröstning",
    "reservation",
    "reservationer",
    "protokollsanteckning",
    "protokollsanteckningar",
    "särskilt yttrande",
    "expediering",
    "beslutet skickas till",
    "skickas till",
    "handlingar",
    "bilagor",
    "decision",
    "background",
];

/// Headings of a to-do list ("### Åtgärder" under "## 3. Ekonomi"): one level
/// below an item they label its tasks; at the items' own level they are an
/// item. Lower case, without a colon.
pub const TASK_LIST_HEADINGS: &[&str] = &[
    "åtgärder",
    "åtgärdslista",
    "åtgärdspunkter",
    "aktivitetslista",
    "aktiviteter",
    "uppföljningslista",
    "nästa steg",
    "att göra",
    "att göra till nästa gång",
    "uppgifter",
    "actions",
    "action points",
    "action items",
    "action list",
    "next steps",
    "to do",
    "todo",
    "to-do",
];

/// Labels that end a title written on one line with other matter
/// ("Regional planering Gäster: …").
pub const TITLE_CUT_LABELS: &[&str] = &[
    "Gäster:",
    "Gäst:",
    "Deltagare:",
    "Föredragande:",
    "Närvarande:",
    "Ansvarig:",
    "Tid:",
    "Bilaga:",
    "Bilagor:",
];

/// Endings of Swedish past-tense and passive verbs ("öppnades", "valde",
/// "godkändes", "utlysts"): a numbered line with one reports what the meeting
/// did, so it is a paragraph, not an agenda heading.
pub const PAST_TENSE_ENDINGS: &[&str] = &["ades", "des", "tes", "ts", "lde", "dde", "gicks"];
/// Endings of the passive past ("valdes", "godkändes", "fastställdes",
/// "beslutades"): a numbered line with one reports a decision even without
/// its full stop.
pub const PASSIVE_PAST_ENDINGS: &[&str] = &["ades", "des", "tes"];
/// Endings of the verbs that report what was done ("beslutade",
/// "öppnade", "valdes", "redogjorde", "ställde"): where a point's text
/// opens after its heading run into it.
pub const REPORTING_VERB_ENDINGS: &[&str] = &["ade", "des", "tes", "dde", "lde", "rde", "gicks"];
/// Words of a clause that a point's heading does not hold: conjunctions,
/// negations, modal verbs in the past ("… kunde inte justeras då …"); the
/// finite verbs of being and having are FINITE_STATE_VERBS, asked beside.
pub const CLAUSE_WORDS: &[&str] = &[
    "då", "när", "som", "att", "men", "eftersom", "därför", "pga", "pga.", "kunde", "skulle",
    "ville", "inte", "ej",
];
/// Short verbs of a report that no ending gives ("Anna tog upp …", "Bo
/// gick igenom …").
pub const REPORTING_VERBS: &[&str] = &[
    "gick", "tog", "sa", "sade", "valde", "fick", "gav", "kom", "fanns", "beslöt", "drog",
    "utsågs", "togs", "gavs", "drogs", "sågs",
];
/// Words a statutory point's heading does not end with, lower case: a
/// preposition or a conjunction wants the words after it ("Behandling av
/// motion från" / "Anna Berg om parkering").
pub const WORDS_NO_HEADING_ENDS_WITH: &[&str] = &[
    "av",
    "till",
    "för",
    "på",
    "om",
    "och",
    "i",
    "med",
    "från",
    "vid",
    "hos",
    "inom",
    "under",
    "gällande",
    "angående",
    "kring",
    "inför",
    "mot",
    "enligt",
];

/// An item's outcome in one word, lower case ("Beviljades", "Godkänd"): after
/// the sentence that states the matter, it is that sentence's end.
pub const BARE_OUTCOMES: &[&str] = &[
    "godkänd",
    "godkänt",
    "godkända",
    "godkändes",
    "beviljad",
    "beviljat",
    "beviljades",
    "bifölls",
    "antogs",
    "antagen",
    "antaget",
    "fastställd",
    "fastställt",
    "fastställdes",
    "klubbad",
    "klubbat",
    "klubbades",
    "avslogs",
];

/// Verbs of proposing, lower case: a sentence with one states a proposal
/// ("Styrelsen föreslår att avgiften fastställes till 200 kr."), after which
/// a bare outcome ("Bifölls.") is a sentence of its own.
pub const PROPOSING_VERBS: &[&str] = &["föreslår", "föreslog", "yrkar", "yrkade"];

/// Verbs in the present passive that report a point's outcome ("Dagordning
/// godkänns.", "Bokslutet fastställes."): a numbered line with one and a
/// full stop is a sentence to read, however short.
pub const PRESENT_PASSIVE_OUTCOMES: &[&str] = &[
    "godkänns",
    "godkännes",
    "fastställs",
    "fastställes",
    "antas",
    "antages",
    "väljs",
    "väljes",
    "omväljs",
    "omväljes",
    "tillstyrkes",
    "beviljes",
    "utses",
    "beviljas",
    "bifalls",
    "bifalles",
    "avslås",
    "bordläggs",
    "läggs",
    "noteras",
    "antecknas",
];
/// Finite verbs of being, becoming and having and the modal verbs: a
/// numbered line with one of them states something ("Nästa möte blir den 7
/// februari.", "Datum för årsmöte är satt till …"), so it is a sentence to
/// read, not an agenda heading.
pub const FINITE_STATE_VERBS: &[&str] = &[
    "är", "var", "blir", "blev", "har", "hade", "ska", "skall", "kommer", "kan", "bör", "måste",
    "behöver", "is", "was", "are", "were", "will", "has", "have",
];
/// Column labels of an attendance table (närvarolista) that a text export
/// flattened to one cell per line: "Plats", "Ledamot", "Ersättare", "Parti",
/// "Ankom", "Utgick".
pub const FLAT_ATTENDANCE_COLUMNS: &[&str] = &[
    "plats",
    "ledamot",
    "ledamöter",
    "ersättare",
    "parti",
    "ankom",
    "utgick",
    "avgick",
    "kl. in",
    "kl. ut",
];

/// Roles a person is elected to for this meeting, as written in an
/// election ("valdes till mötesordförande") → the role, and whether the
/// word always means this meeting's officer (true) or only among the
/// opening items ("ordförande", "sekreterare" may be the association's).
pub const SERVING_ROLES: &[(&str, &str, bool)] = &[
    ("mötesordförande", "ordförande", true),
    ("stämmoordförande", "ordförande", true),
    ("årsmötesordförande", "ordförande", true),
    ("ordförande för mötet", "ordförande", true),
    ("ordförande för årsmötet", "ordförande", true),
    ("ordförande för stämman", "ordförande", true),
    ("ordförande vid mötet", "ordförande", true),
    ("ordförande vid stämman", "ordförande", true),
    ("ordförande vid årsmötet", "ordförande", true),
    ("ordförande", "ordförande", false),
    ("mötesordf", "ordförande", true),
    ("mötessekreterare", "sekreterare", true),
    ("årsmötessekreterare", "sekreterare", true),
    ("stämmosekreterare", "sekreterare", true),
    ("sekreterare för mötet", "sekreterare", true),
    ("sekreterare vid mötet", "sekreterare", true),
    ("protokollförare", "sekreterare", true),
    ("sekreterare", "sekreterare", false),
    ("protokolljusterare", "justerare", true),
    ("justerare", "justerare", true),
    ("justeringsperson", "justerare", true),
    ("justeringspersoner", "justerare", true),
    ("justeringsman", "justerare", true),
    ("justeringsmän", "justerare", true),
    ("justeringsmännen", "justerare", true),
    ("att justera protokollet", "justerare", true),
    ("chair", "ordförande", false),
    ("chairman", "ordförande", false),
    ("chairperson", "ordförande", false),
    ("chair of the meeting", "ordförande", true),
    ("secretary", "sekreterare", false),
    ("secretary of the meeting", "sekreterare", true),
    ("minute taker", "sekreterare", true),
    ("minute-taker", "sekreterare", true),
    ("adjuster", "justerare", true),
    ("adjusters", "justerare", true),
    ("meeting chair", "ordförande", true),
    ("meeting chairman", "ordförande", true),
    ("meeting chairperson", "ordförande", true),
    ("chairman of the meeting", "ordförande", true),
    ("chairperson of the meeting", "ordförande", true),
    ("meeting secretary", "sekreterare", true),
    // Those who check and sign the minutes, as English minutes of Swedish
    // groups say "justerare".
    ("to verify the minutes", "justerare", true),
    ("to check the minutes", "justerare", true),
    ("to adjust the minutes", "justerare", true),
    ("to approve the minutes", "justerare", true),
    ("to sign the minutes", "justerare", true),
    ("minutes checker", "justerare", true),
    ("minutes checkers", "justerare", true),
    ("minute checker", "justerare", true),
    ("minute checkers", "justerare", true),
    ("minutes adjuster", "justerare", true),
    ("minutes adjusters", "justerare", true),
];

/// Words for everyone in the group ("Alla (förutom Jamal)",
/// "Samtliga förutom Vegard").
pub const EVERYONE_WORDS: &[&str] = &[
    "alla",
    "samtliga",
    "samtliga medlemmar",
    "alla medlemmar",
    "hela gruppen",
    "hela styrelsen",
    "everyone",
    "all",
    "all members",
    "all group members",
    "all team members",
    "all board members",
];

/// Words that introduce the exceptions to "everyone".
pub const EXCEPT_WORDS: &[&str] = &["förutom", "utom", "except", "utom för", "but"];

/// Lines inside an attendance list that only group it ("ordinarie"): they
/// neither name anyone nor end the list.
pub const ATTENDANCE_SUBLABELS: &[&str] =
    &["ordinarie", "ordinarie ledamöter", "ordinarie ledamot"];

/// Words in an appendix's heading that make it the attendance list
/// ("Bilaga 1 Röstlängd", "Appendix A: Attendance").
pub const ATTENDANCE_APPENDIX_WORDS: &[&str] = &[
    "röstlängd",
    "närvarolista",
    "närvaroförteckning",
    "deltagarförteckning",
    "deltagarlista",
    "attendance",
];

/// Item titles whose content is the attendance list ("2 Närvarolista",
/// "Fastställande av röstlängd").
pub const ATTENDANCE_ITEM_TITLES: &[&str] = &[
    "närvarolista",
    "närvarande",
    "närvaro",
    "deltagare",
    "närvarande ledamöter",
    "röstlängd",
    "fastställande av röstlängd",
    "fastställande av röstlängden",
    "justering av röstlängd",
    "justering av röstlängden",
    "upprättande av röstlängd",
    "upprättande av röstlängden",
    "godkännande av röstlängd",
    "godkännande av röstlängden",
    "val av röstlängd",
    "attendance",
    "attendees",
    "participants",
    "present",
];

/// Groups whose meeting is named by the group and the meeting word in one
/// ("Nätverksträff", "Referensgruppsmöte"), lower case.
pub const GROUP_MEETING_STEMS: &[&str] = &["nätverk", "grupp", "kommitté", "forum", "råd"];

/// Kinds of meeting a title line names, → the body that meets ("Styrelsemöte
/// nr 4" → "Styrelsen"); None keeps the kind itself as the body
/// ("Årsmöte", "Höstmöte").
pub const MEETING_KINDS: &[(&str, Option<&str>)] = &[
    ("extra årsmöte", None),
    ("årsmöte", None),
    ("årsstämma", None),
    ("föreningsstämma", None),
    ("extrastämma", None),
    // The meetings of a village association, of the owners of a joint
    // property or fishing water, and of a federation or district.
    ("byastämma", None),
    ("bystämma", None),
    ("delägarstämma", None),
    ("delägarmöte", None),
    ("förbundsstämma", None),
    ("distriktsstämma", None),
    ("föreningsmöte", None),
    ("terminsmöte", None),
    ("extra föreningsstämma", None),
    ("medlemsmöte", None),
    ("höstmöte", None),
    ("vårmöte", None),
    ("stormöte", None),
    ("arbetsplatsträff", None),
    // The workplace meeting by its common abbreviation ("APT Förskolan
    // Myran 2026-03-04").
    ("apt", None),
    ("sektionsmöte", None),
    ("styrelsemöte", Some("Styrelsen")),
    ("styrelsesammanträde", Some("Styrelsen")),
    ("board meeting", Some("board")),
    ("annual meeting", None),
    ("annual general meeting", None),
    // The annual and extraordinary general meetings by their abbreviations
    // ("Minutes of the AGM of …").
    ("agm", None),
    ("egm", None),
    ("extraordinary general meeting", None),
    ("general meeting", None),
    ("group meeting", None),
    ("team meeting", None),
    ("project meeting", None),
];

/// Infinitives a decision column's clause opens with when a page's
/// flattening ran it into its point's heading ("2 Val av sekreterare välja
/// Anna Berg att föra protokoll"): where the heading ends.
pub const DECISION_INFINITIVES: &[&str] = &[
    "välja",
    "omvälja",
    "utse",
    "godkänna",
    "fastställa",
    "anta",
    "bevilja",
    "avslå",
    "bifalla",
    "tillstyrka",
    "avstyrka",
    "bordlägga",
    "återremittera",
    "bemyndiga",
    "notera",
    "lägga",
];

/// How the points of an association's annual or members' meeting open when
/// they are written as sentences ("Val av revisor blev …", "Ansvarsfrihet för
/// styrelsen beviljades.", "Mötet avslutades 15.00"), lower case, matched at
/// a paragraph's start: the statutory agenda, whose numbering a text export
/// may have lost.
pub const STATUTORY_POINT_OPENINGS: &[&str] = &[
    "val av ",
    "val till ",
    "fastställande av ",
    "fastställelse av ",
    "godkännande av ",
    "mötets öppnande",
    "mötet öppnades",
    "mötets avslutande",
    "mötet avslutades",
    "mötets behöriga",
    "ansvarsfrihet",
    "verksamhetsberättelse",
    "revisionsberättelse",
    "revisorernas berättelse",
    "ekonomi ",
    "ekonomisk ",
    "inkomna motioner",
    "propositioner",
    "övriga frågor",
    "verksamhetsplan",
    "ersättning till ",
    "medlemsavgift",
    "årsavgift",
    "röstlängd",
    "dagordning",
    "protokolljusterare",
    "justering av ",
    "föregående protokoll",
    "resultat- och balansräkning",
    "stadgeändring",
    "fråga om ",
    "behandling av ",
    "föredragning av ",
    "redovisning av ",
];

/// How a point of the statutory agenda is headed: a verbal noun and what it
/// is of ("Val av ordförande", "Fråga om ansvarsfrihet för styrelsen",
/// "Behandling av motioner från medlemmarna"), lower case, matched at a
/// line's start. Its outcome is a clause with a verb ("Dagordningen
/// fastställdes"), which these never open.
pub const STATUTORY_HEADING_OPENINGS: &[&str] = &[
    "val av ",
    "val till ",
    "fastställande av ",
    "fastställelse av ",
    "godkännande av ",
    "fråga om ",
    "behandling av ",
    "föredragning av ",
    "redovisning av ",
    "justering av ",
    "beslut om ",
    "mötets öppnande",
    "mötets avslutande",
    "mötets behöriga",
    "mötets stadgeenliga",
    "övriga frågor",
];

/// Words printed before an item's number ("Punkt 3 Ekonomi", "Ärende 4:",
/// "Agenda item 2"), lower case.
pub const ITEM_NUMBER_WORDS: &[&str] = &[
    "punkt",
    "pkt",
    "mötespunkt",
    "dagordningspunkt",
    "ärende",
    "paragraf",
    "item",
    "agenda item",
];

/// Marks written right before an item's number, with or without a space
/// ("P1. Ekonomi", "P 2 Budget"), lower case. ("#3" was tried: in real
/// minutes it numbers issues and tickets more often than items.)
pub const ITEM_NUMBER_PREFIXES: &[&str] = &["p"];

/// Labels of the meeting's fields in a header ("Datum:", "Plats och tid",
/// "Mötesplats⇥…"), lower case. The label is followed by a colon, a tab,
/// an aligned gap of spaces, or stands alone over its value.
pub const MEETING_FIELD_LABELS: &[&str] = &[
    "mötesform",
    "mötestyp",
    "datum",
    "mötesdatum",
    "sammanträdesdatum",
    "sammanträdesdag",
    "datum och tid",
    "sammanträdestid",
    "date",
    "meeting date",
    "date and time",
    "tid",
    "tidpunkt",
    "tid och plats",
    "plats och tid",
    "plats och tidpunkt",
    "plats",
    "lokal",
    "location",
    "place",
    "venue",
    "where",
    "room",
    "rum",
    "mötesrum",
    "time",
    "when",
    "när",
    "var",
    "start",
    "starttid",
    "slut",
    "sluttid",
    // "Mötet börjar: Kl 11.55", "Mötet avslutas: 13.40".
    "mötet börjar",
    "mötet startar",
    "mötet slutar",
    "mötet avslutas",
    "mötesstart",
    "mötestid",
    "mötesplats",
    "möteslokal",
    "sammanträdesplats",
    "adress",
    "organ",
    "group",
    "grupp",
    "organisation",
    "organization",
    "förening",
    "föreningen",
    "company",
    "företag",
    "bolag",
    "arrangör",
    "värd",
    "organiser",
    "organizer",
    "host",
    "möte",
    "mötet",
    "meeting",
    "forum",
    "mötesforum",
    "avdelning",
    "enhet",
    "förvaltning",
    "department",
    "unit",
];

/// Parts of the labels of [`MEETING_FIELD_LABELS`] that give when the
/// meeting is ("Sammanträdesdatum", "Tid och plats", "Date and time"),
/// lower case.
pub const WHEN_LABEL_STEMS: &[&str] = &["tid", "datum", "date", "time"];

/// Labels of the office under the organisation that holds the meeting
/// ("Avdelning: Produktion, Bruk 2", "Förvaltning: Barn- och
/// utbildningsförvaltningen"), lower case.
pub const DEPARTMENT_FIELD_LABELS: &[&str] =
    &["avdelning", "enhet", "förvaltning", "department", "unit"];

/// Endings of a name that make it a building or a room, not who holds the
/// meeting ("i Folkets Hus", "i Bygdegården", "på Stadsbiblioteket"), lower
/// case.
pub const VENUE_NAME_ENDINGS: &[&str] = &[
    "hus",
    "huset",
    "gården",
    "gård",
    "stugan",
    "lokalen",
    "lokal",
    "salen",
    "sal",
    "hemmet",
    "kyrkan",
    "skolan",
    "biblioteket",
    "hallen",
    "hotell",
    "hotellet",
    "restaurang",
    "restaurangen",
    "kafé",
    "kaféet",
    "café",
    "caféet",
    "paviljongen",
    "rummet",
];

/// Verbs that say where a meeting was held ("Mötet hölls i …", "Styrelsen
/// sammanträdde i …", "Mötet var förlagt till …"), lower case; each is
/// followed by a preposition and the place.
pub const HELD_VERBS: &[&str] = &[
    "hölls",
    "ägde rum",
    // "Sammanträdet, som äger rum i …, öppnas.": the present of a
    // municipal protocol's opening (only after "som" or its subject).
    "äger rum",
    "genomfördes",
    "träffades",
    "samlades",
    "möttes",
    "sågs",
    "sammanträdde",
    "var förlagt",
    "var förlagd",
    "var förlagt till",
    "var förlagd till",
];

/// English weekdays, lower case ("held on Monday" names no place).
pub const WEEKDAYS_EN: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Who is said to be held or to meet somewhere ("Mötet hölls i …",
/// "Styrelsen träffades på …", "… mötet som hölls på …"), lower case.
pub const HELD_SUBJECTS: &[&str] = &[
    "mötet",
    "sammanträdet",
    "årsmötet",
    "stämman",
    "träffen",
    "vi",
    "styrelsen",
    "som",
];

/// The labels of [`MEETING_FIELD_LABELS`] that give the place, lower case.
pub const PLACE_FIELD_LABELS: &[&str] = &[
    "plats",
    "lokal",
    "location",
    "place",
    "venue",
    "where",
    "room",
    "rum",
    "mötesrum",
    "mötesplats",
    "möteslokal",
    "sammanträdesplats",
    "adress",
    "var",
];

/// Services a meeting is held over, as the minutes name them ("Möte via
/// Zoom"): the place of a meeting held online.
pub const VIDEO_MEETING_SERVICES: &[&str] = &[
    "Teams",
    "Microsoft Teams",
    "Zoom",
    "Google Meet",
    "Skype",
    "Discord",
    "Jitsi",
    "Whereby",
];

/// The hosts of meeting links → the service ("https://sunet.zoom.us/my/x"
/// is a Zoom meeting), lower case.
pub const VIDEO_MEETING_DOMAINS: &[(&str, &str)] = &[
    ("zoom.us", "Zoom"),
    ("teams.microsoft.com", "Teams"),
    ("teams.live.com", "Teams"),
    ("meet.google.com", "Google Meet"),
    ("whereby.com", "Whereby"),
    ("meet.jit.si", "Jitsi"),
    ("discord.gg", "Discord"),
];

/// Labels of how a meeting was held ("Mötesform: digitalt (Teams)"): a
/// meeting service named in the value is where it was held.
pub const MEETING_FORM_LABELS: &[&str] = &["mötesform", "mötestyp"];

/// Labels of the time a meeting ended ("Slut: 20.15"), lower case.
pub const END_TIME_LABELS: &[&str] = &["slut", "sluttid", "end", "ends"];

/// First words that name a council or a meeting after a label ("Möte:
/// Arbetsgrupp digitalisering"): the value is the body.
pub const BODY_FIELD_LABELS: &[&str] = &["möte", "mötet", "meeting", "forum", "mötesforum"];

/// Words that join the parts of an organisation's name ("Sektionen för
/// Medieteknik", "Studentkåren i Sundsvall").
pub const NAME_CONNECTORS: &[&str] = &[
    "för", "i", "av", "på", "vid", "inom", "och", "&", "-", "–", "of", "for",
];

/// Short words of a line in capitals that are no abbreviation: read in
/// lower case ("DEN" and "KL." of "DEN 9 JUNI KL. 18.00", "FRÅN" of
/// "PROTOKOLL FRÅN STYRELSEMÖTE").
pub const CAPITALS_FUNCTION_WORDS: &[&str] = &[
    "den", "kl", "nr", "med", "hos", "om", "från", "fört", "förd", "till", "the", "and",
];

/// Lower-case words that close an organisation's capitalised name: the
/// county, school, parish or municipality it belongs to ("Region Örebro
/// län", "Länsstyrelsen i Dalarnas län", "Föräldraföreningen vid Norrby
/// skola", "Kyrkorådet i Norrby församling").
pub const NAME_CLOSING_WORDS: &[&str] = &["län", "skola", "församling", "kommun", "socken"];

/// How a word that calls an association by its kind alone ends
/// ("Vägföreningen", "Samfälligheten", "Klubben"): no name, when a line
/// nearby gives one.
pub const GENERIC_ASSOCIATION_ENDINGS: &[&str] = &[
    "föreningen",
    "samfälligheten",
    "klubben",
    "laget",
    "sällskapet",
];

/// Labels of a municipal protocol's sections that a page's head may run
/// after the organisation's name ("ÅNGE KOMMUN ANSLAG/BEVIS"), lower case.
pub const SECTION_LABELS_AFTER_ORGANISATION: &[&str] = &[
    " anslag/bevis",
    " anslag / bevis",
    " justerandes sign",
    " justerandes signatur",
    " utdragsbestyrkande",
];

/// Words that label a header field: never a value themselves
/// ("Mötesform", "Ärenden").
pub const HEADER_LABEL_WORDS: &[&str] = &[
    "mötesform",
    "mötestyp",
    "typ av möte",
    "ärenden",
    "ärende",
    "paragrafer",
    "diarienummer",
    "dnr",
    "sida",
    "sekreterare",
    "ordförande",
    "justerare",
    "justerande",
    "underskrifter",
    "närvarande",
    "kallade",
    "organisationsnummer",
    "org.nr",
];

/// Words after a document type that lead to the organisation or meeting
/// it records ("Protokoll för …", "Protokoll fört vid …").
pub const TITLE_LEADS: &[&str] = &[
    "fört vid",
    "förd vid",
    "för",
    "från",
    "vid",
    "över",
    "till",
    "of the",
    "of",
    "from the",
    "for the",
];

/// Phrases of a title that name the year a meeting reports on ("årsstämma
/// i X för verksamhetsåret 2013–2014"), lower case: what follows them is no
/// holder or place.
pub const REPORTING_YEAR_PHRASES: &[&str] = &[
    "för verksamhetsåret",
    "för verksamhetsår",
    "för räkenskapsåret",
    "avseende verksamhetsåret",
    "avseende räkenskapsåret",
    "för året",
];

/// Participles after which a title says how or where the meeting was held
/// ("arbetsmöte i gruppen genomfört över Zoom", "årsmöte hållet i
/// bygdegården"), lower case.
pub const HELD_PARTICIPLES: &[&str] = &[
    "genomfört",
    "genomförd",
    "genomfördes",
    "hållet",
    "hållen",
    "hölls",
    "avhållet",
    "avhållen",
];

/// The meeting as the object or subject of who led it ("Mötet leddes av
/// …", "Anna Berg ledde stämman"), lower case; "the meeting" in English.
pub const SERVED_MEETING_NOUNS: &[&str] = &[
    "mötet",
    "stämman",
    "årsmötet",
    "föreningsstämman",
    "sammanträdet",
    "the meeting",
    "meeting",
];
/// The minutes as the object or subject of who kept them ("Protokollet
/// fördes av …", "Bo Ek förde protokollet"), lower case.
pub const MINUTES_NOUNS: &[&str] = &[
    "protokollet",
    "protokoll",
    "the minutes",
    "minutes",
    "anteckningarna",
];
/// The meeting led by someone, in the passive ("Mötet leddes av …").
pub const LED_BY_VERBS: &[&str] = &[
    "leddes",
    "leds",
    "har letts",
    "was chaired",
    "was led",
    "is chaired",
];
/// Someone leading the meeting ("Anna Berg ledde mötet").
pub const LEADS_VERBS: &[&str] = &["ledde", "leder", "chaired", "chairs", "led"];
/// The minutes kept by someone, in the passive ("Protokollet fördes av …").
pub const KEPT_BY_VERBS: &[&str] = &[
    "fördes",
    "förs",
    "skrevs",
    "skrivs",
    "was taken",
    "were taken",
    "was kept",
    "were kept",
    "was written",
    "were written",
];
/// Someone keeping the minutes ("Bo Ek förde protokollet", "took the
/// minutes").
pub const KEEPS_VERBS: &[&str] = &["förde", "för", "skrev", "took", "takes", "kept"];
/// Someone serving as a post ("Bo Ek tjänstgjorde som sekreterare", "Som
/// sekreterare fungerade Bo Ek").
pub const SERVES_AS_VERBS: &[&str] = &[
    "fungerade",
    "fungerar",
    "tjänstgjorde",
    "tjänstgör",
    "agerade",
    "agerar",
    "served",
    "acted",
    "serves",
    "acts",
];

/// Words that end a title line broken before its holder's name ("Protokoll
/// fört vid styrelsemöte med" / "Håns Byalag"), as written.
pub const TITLE_BREAK_WORDS: &[&str] = &["med", "för", "vid", "i", "inom", "hos"];

/// Plain words for a meeting, which name a body only with the group it is
/// held in ("möte i arbetsgruppen för cykelplanen", "sammanträde med
/// socialnämnden"), lower case.
pub const GENERIC_MEETING_WORDS: &[&str] =
    &["möte", "mötet", "sammanträde", "sammanträdet", "meeting"];

/// Words a date or a clock time leaves in a title when it is taken out
/// ("årsmöte den 12 mars 2024 kl. 18" → "årsmöte den kl."), lower case.
pub const DATE_LEFTOVER_WORDS: &[&str] = &[
    "den",
    "kl",
    "klockan",
    "måndagen",
    "tisdagen",
    "onsdagen",
    "torsdagen",
    "fredagen",
    "lördagen",
    "söndagen",
    "måndag",
    "tisdag",
    "onsdag",
    "torsdag",
    "fredag",
    "lördag",
    "söndag",
    "on",
    "at",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Verbs after which a decision or a proposal goes on in "att" clauses,
/// one per line or list entry ("Styrelsen beslutade" / "- att …" / "- att
/// …"), lower case.
pub const ATT_CLAUSE_LEAD_VERBS: &[&str] = &[
    "beslutade",
    "beslutar",
    "beslöt",
    "beslöts",
    "beslutades",
    "föreslår",
    "föreslog",
    "yrkar",
    "yrkade",
    "besluta",
];

/// Words that qualify a kind of meeting in a title ("Konstituerande
/// styrelsemöte", "Digital föreningsstämma").
pub const MEETING_KIND_MODIFIERS: &[&str] = &[
    "konstituerande",
    "ordinarie",
    "extra",
    "extrainsatt",
    "digital",
    "digitalt",
    "digitala",
    "fortsatt",
    "fysiskt",
];

/// How Swedish surnames end ("Karlsson", "Lindberg", "Ekström",
/// "Lindqvist"), lower case: where a name of three words ends in a list that
/// lost its separators ("Anna Maria Lindberg Bo Ekström").
pub const SURNAME_ENDINGS: &[&str] = &[
    "son", "sen", "berg", "ström", "lund", "qvist", "kvist", "quist", "gren", "dahl", "dal",
    "holm", "mark", "stedt", "stad", "blad", "bäck", "borg", "fors", "hed", "skog", "strand",
    "vall", "sjö", "löf", "löv", "ros", "bom", "ling", "lander", "ander", "ius", "éus",
];

/// Job titles and fields in capitals that stand beside names ("Katarina
/// Järbur VD Nötkärnan"), as written: no word of a name (unlike initials
/// used as a given name, "PO Larsson").
pub const TITLE_ABBREVIATIONS: &[&str] =
    &["VD", "IT", "HR", "PR", "EU", "CEO", "CFO", "CTO", "CIO"];

/// Endings of job titles ("Regionområdeschef", "VD" aside): where a name
/// typed with its title after a space ends ("Alessio Degl'innocenti
/// Regionområdeschef, Regionhälsan").
pub const TITLE_SUFFIXES: &[&str] = &[
    "chef",
    "ansvarig",
    "handläggare",
    "strateg",
    "samordnare",
    "sekreterare",
    "läkare",
    "direktör",
    "ordförande",
    "koordinator",
    "utvecklare",
    "specialist",
    "konsult",
    "rådgivare",
    "controller",
    "ekonom",
    "jurist",
    "kassör",
    "ledamot",
    "suppleant",
    "representant",
    "expert",
    "analytiker",
    "ledare",
    "assistent",
    "sjuksköterska",
    "revisor",
    "registrator",
    "sakkunnig",
    "utredare",
    "manager",
    "officer",
    "förvaltare",
    "rektor",
    "inspektor",
    "vårdnadshavare",
    "lärare",
];

/// What a column of an attendance table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttendanceColumn {
    /// The person's name.
    Name,
    /// Their organisation or party.
    Affiliation,
    /// Their role in the meeting ("Mötesroll").
    Role,
    /// Their job title.
    Title,
    /// Whether they attended ("X", "Ja", "Nej").
    Presence,
    /// Marked when they were absent ("Frånvarande": "X").
    Absence,
    /// Anything else said about them.
    Note,
    /// Who served in their place ("Tjänstgörande ersättare").
    Substitute,
}

/// Header labels of an attendance table's columns ("Närvarande |
/// Organisation | Mötesroll"), lower case.
pub const ATTENDANCE_COLUMNS: &[(&str, AttendanceColumn)] = &[
    ("namn", AttendanceColumn::Name),
    ("name", AttendanceColumn::Name),
    ("deltagare", AttendanceColumn::Name),
    ("närvarande", AttendanceColumn::Name),
    ("present", AttendanceColumn::Name),
    ("ledamot", AttendanceColumn::Name),
    ("ledamöter", AttendanceColumn::Name),
    // A column of deputies beside the members' ("Ledamöter | Närvarande |
    // Ersättare | Närvarande").
    ("ersättare", AttendanceColumn::Name),
    ("suppleanter", AttendanceColumn::Name),
    ("person", AttendanceColumn::Name),
    ("participant", AttendanceColumn::Name),
    ("participants", AttendanceColumn::Name),
    ("attendees", AttendanceColumn::Name),
    ("organisation", AttendanceColumn::Affiliation),
    ("organization", AttendanceColumn::Affiliation),
    ("myndighet", AttendanceColumn::Affiliation),
    ("företag", AttendanceColumn::Affiliation),
    ("förvaltning", AttendanceColumn::Affiliation),
    ("verksamhet", AttendanceColumn::Affiliation),
    ("representerar", AttendanceColumn::Affiliation),
    ("parti", AttendanceColumn::Affiliation),
    ("affiliation", AttendanceColumn::Affiliation),
    ("mötesroll", AttendanceColumn::Role),
    ("roll", AttendanceColumn::Role),
    ("role", AttendanceColumn::Role),
    ("funktion", AttendanceColumn::Role),
    ("uppdrag", AttendanceColumn::Role),
    ("titel", AttendanceColumn::Title),
    ("befattning", AttendanceColumn::Title),
    ("title", AttendanceColumn::Title),
    ("närvaro", AttendanceColumn::Presence),
    ("deltog", AttendanceColumn::Presence),
    ("närvarande (x)", AttendanceColumn::Presence),
    ("attended", AttendanceColumn::Presence),
    ("frånvarande", AttendanceColumn::Absence),
    ("frånvaro", AttendanceColumn::Absence),
    ("absent", AttendanceColumn::Absence),
    ("tjänstgörande ersättare", AttendanceColumn::Substitute),
    ("ersätts av", AttendanceColumn::Substitute),
    ("kommentar", AttendanceColumn::Note),
    ("anmärkning", AttendanceColumn::Note),
    ("notering", AttendanceColumn::Note),
    ("övrigt", AttendanceColumn::Note),
];

/// Name-column labels that, beside a column of names, say instead whether
/// each was there ("Namn | Funktion | Närvarande").
pub const PRESENCE_AS_NAME_LABELS: &[&str] = &["närvarande", "deltagare", "present"];

/// Cell values of a presence column that mean the person was not there.
pub const NOT_PRESENT_MARKS: &[&str] = &["", "-", "–", "nej", "no", "frånvarande", "ej närvarande"];

/// Stems that any sentence naming the meeting's officers contains ("valdes",
/// "väljer", "utsågs", "justerar", "ordföranden").
pub const ELECTION_CUES: &[&str] = &[
    "adjunger",
    "vald",
    // The verb first, as an old-style protocol has it ("Valdes Bo Ek att
    // föra dagens protokoll").
    "Valdes",
    "Utsågs",
    "valt",
    "välj",
    "utse",
    "utsåg",
    "justerar",
    "justera",
    "ordföranden",
    "anmäl",
    // "Ordförande Anne öppnar mötet": the chair who opens it.
    "öppna",
    // "Val av ordförande och sekreterare blev Ulf Henricson och Lars Karlsson".
    "blev",
    // "Anna Berg was elected chair of the meeting".
    "elected",
    "appointed",
    // "The meeting elects Erik Lund as chair", "Lisa is chosen as
    // secretary".
    "elects",
    "appoints",
    "chose",
    "choose",
    // "Mötet leddes av Anna Berg", "Bo Ek förde protokollet", "Som
    // sekreterare fungerade Bo Ek": the verb with the word after it ("ledde
    // till", "det fungerar bra" are everyday words); a role at a sentence's
    // start ("Ordförande för mötet var Anna Berg") is looked for apart.
    "leddes av",
    "leds av",
    "letts av",
    "ledde mötet",
    "ledde dagens",
    "ledde stämman",
    "ledde årsmötet",
    "ledde föreningsstämman",
    "ledde sammanträdet",
    "leder mötet",
    "leder dagens",
    "fördes av",
    "förs av",
    "skrevs av",
    "förde protokoll",
    "förde dagens",
    "förde anteckningar",
    "för protokoll",
    "skrev protokoll",
    "fungerade som",
    "fungerar som",
    "tjänstgjorde som",
    "tjänstgör som",
    "agerade som",
    "agerar som",
    "chaired",
    "chairs the",
    "led the meeting",
    "led by",
    "minutes were",
    "minutes was",
    "Minutes were",
    "Minutes was",
    "took the minutes",
    "took minutes",
    "takes the minutes",
    "kept the minutes",
    "served as",
    "acted as",
];

/// Words after a count of the present before their names ("5 st (Anna
/// Berg, …)", "12 personer: …"), lower case, longest first.
pub const HEAD_COUNT_WORDS: &[&str] = &[
    "stycken",
    "personer",
    "medlemmar",
    "deltagare",
    "pers",
    "st",
];

/// A regex alternation of words from this lexicon: each escaped, a space
/// inside a phrase matching any run of white space. Callers order the words
/// (longest first where one is the start of another).
pub(crate) fn alternation(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| regex::escape(w).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

/// Adverbs that may open a line naming someone present ("Även Mikael
/// Karlsson, vice ordförande i BSK"): no word of the name.
pub const ADVERBS_BEFORE_NAMES: &[&str] = &["även", "också", "dessutom"];

/// Words after which a "§ 3" refers to a paragraph of a law, a statute or
/// the minutes ("enligt § 3", "ändring av § 3") and starts no point.
pub const WORDS_BEFORE_A_REFERENCE: &[&str] = &[
    "enligt", "av", "i", "under", "till", "se", "jfr", "jfr.", "kap", "kap.", "och", "samt",
    "från", "om", "vid", "med", "på", "för", "mot", "även", "paragraf",
];
