//! Structure tests on small documents read with the text reader.

use super::*;

#[test]
fn people_by_their_party_markers_when_a_comma_closes_each_role_too() {
    let s = board_minutes(
        "Övriga\nTommy Johansson (S), ordf. kommunstyrelsen Rune Stenén (C), ordf. kultur- och utbildningsnämnden Kenneth Gustavsson (C), Norra hälso- och sjukvårdsnämnden",
    );
    let names: Vec<&str> = s.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        ["Tommy Johansson", "Rune Stenén", "Kenneth Gustavsson"]
    );
}

#[test]
fn an_attendance_list_whose_lines_cut_a_name_is_read_whole() {
    let names = |header: &str| -> Vec<String> {
        board_minutes(header)
            .participants
            .iter()
            .map(|p| p.name.clone())
            .collect()
    };
    let all = [
        "Anna Berg",
        "Bo Ek",
        "Cecilia Lund",
        "David Holm",
        "Leif Ström",
    ];
    assert_eq!(
        names("Närvarande: Anna Berg, Bo Ek, Cecilia\nLund, David Holm, Leif Ström"),
        all
    );
    assert_eq!(
        names("Närvarande: Anna Berg, Bo Ek,\nCecilia Lund, David\nHolm, Leif Ström"),
        all
    );
    let described = board_minutes(
        "Närvarande: Anna Berg (ordf.), Bo Ek (kassör), Cecilia Lund\n(sekr.), David Holm, Leif Ström",
    );
    assert_eq!(
        names_and_roles(&described)[2],
        ("Cecilia Lund", Some("sekreterare"))
    );
    assert_eq!(described.participants.len(), 5);
}

#[test]
fn the_secretary_the_board_chose_for_an_annual_meeting_serves_it() {
    let s = structure(
        "Protokoll årsmöte Norrby IF 2024-03-12\n\n1. Val av ordförande för mötet\nTill ordförande för mötet valdes Bo Ek.\n\n2. Anmälan av styrelsens val av protokollförare\nStyrelsen har utsett Cecilia Lund till protokollförare.\n",
    );
    assert_eq!(
        names_and_roles(&s),
        [
            ("Bo Ek", Some("ordförande")),
            ("Cecilia Lund", Some("sekreterare"))
        ]
    );
}

#[test]
fn a_club_named_after_a_person_is_their_organisation_not_a_person() {
    let s = board_minutes("Närvarande\nAnna Berg, ordförande, Norrby IF\nBo Ek, kassör, IK Sirius");
    let names: Vec<&str> = s.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Anna Berg", "Bo Ek"]);
    assert_eq!(s.participants[0].affiliation.as_deref(), Some("Norrby IF"));
}

#[test]
fn a_page_number_of_a_count_of_pages_numbers_no_point() {
    assert_eq!(page_of_pages("1 (6) Plats och tid"), Some(6));
    assert_eq!(page_of_pages("2(12)"), Some(5));
    assert_eq!(page_of_pages("7 (6) Ekonomi"), None);
    assert!(parse_number("1 (6) Plats och tid Stadshuset").is_none());
    assert!(parse_number("3 Ekonomi").is_some());
    // The form's first line keeps its place and date; its points are
    // numbered from 1.
    let s = structure(
        "1 (6) Plats och tid Stadshuset, sal A Måndag den 20 april 2009, kl 13.00-15.00\n\n§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n\n§ 2 Ekonomi\nRapporten lades till handlingarna.\n",
    );
    assert_eq!(s.meeting.location.as_deref(), Some("Stadshuset, sal A"));
    assert_eq!(s.meeting.date.as_deref(), Some("2009-04-20"));
    let numbers: Vec<&str> = s.items.iter().filter_map(|i| i.number.as_deref()).collect();
    assert_eq!(numbers, ["1", "2"]);
}
use minutes_model::{Cell, Table};

/// The structure of a document whose lines are given as paragraphs, as a
/// PDF reader gives them (tabs kept).
fn structure_of_lines(lines: &[&str]) -> Structured {
    let blocks = lines
        .iter()
        .map(|t| {
            let mut p = Paragraph::new(Role::Body);
            p.push(t, Style::default(), None);
            Block::paragraph(p, Span::default())
        })
        .collect();
    find(&Document {
        blocks,
        ..Document::default()
    })
}

/// Each participant's name and role, in order.
fn names_and_roles(s: &Structured) -> Vec<(&str, Option<&str>)> {
    s.participants
        .iter()
        .map(|p| (p.name.as_str(), p.role.as_deref()))
        .collect()
}

/// The task rows of these items: each task's text and its owner.
fn tasks_with_owners(items: &[AgendaItem]) -> Vec<(&str, Option<&str>)> {
    items
        .iter()
        .flat_map(|i| &i.units)
        .filter_map(|u| Some((u.text.as_str(), u.task.as_ref()?.owner.as_deref())))
        .collect()
}

fn structure(text: &str) -> Structured {
    let doc = minutes_text::read(text.as_bytes(), &Default::default()).expect("reads");
    find(&doc)
}

/// A board meeting's minutes with `header` (an attendance list) between
/// their title and one opening item.
fn board_minutes(header: &str) -> Structured {
    structure(&format!(
        "Protokoll styrelsemöte 2023-05-01\n\n{header}\n\n1. Mötets öppnande\n\nOrdföranden öppnade mötet.\n"
    ))
}

#[test]
fn numbers_parse_with_times_and_letters() {
    let n = parse_number("§12Ekonomi och budget").unwrap();
    assert_eq!(n.number, "12");
    assert_eq!(&"§12Ekonomi och budget"[n.rest..], "Ekonomi och budget");
    assert!(parse_number("§12kr").is_none());
    let n = parse_number("10.14:05-14:15").unwrap();
    assert_eq!(n.number, "10");
    assert_eq!(n.time.unwrap().start.to_string(), "14:05");
    let n = parse_number("1..09:00-09:10 Inledande formalia").unwrap();
    assert_eq!(n.number, "1");
    assert_eq!(n.time.unwrap().start.to_string(), "09:00");
    let n = parse_number("8.1. EU/EES – Lena").unwrap();
    assert_eq!((n.number.as_str(), n.parent.as_deref()), ("8.1", Some("8")));
    let n = parse_number("7.Uppföljning av actionfrågor").unwrap();
    assert_eq!(n.number, "7");
    assert_eq!(
        &"7.Uppföljning av actionfrågor"[n.rest..],
        "Uppföljning av actionfrågor"
    );
    for line in [
        "3: Ekonomi",
        "3 – Ekonomi",
        "3. - Ekonomi",
        "3/ Ekonomi",
        "3.0 Ekonomi",
    ] {
        let n = parse_number(line).unwrap_or_else(|| panic!("{line}"));
        assert_eq!(
            (n.number.as_str(), &line[n.rest..]),
            ("3", "Ekonomi"),
            "{line}"
        );
    }
    assert!(parse_number("10:30 Fika").is_none_or(|n| n.number != "10"));
    assert!(parse_number("5/3 2024 hölls mötet").is_none_or(|n| n.number != "5"));
    let n = parse_number("3.01 Ekonomi").unwrap();
    assert_eq!(n.number, "3.1");
    let n = parse_number("§ 45 Budget").unwrap();
    assert_eq!(n.number, "45");
    // A body's abbreviation before the §.
    for line in ["AU § 15  Budget", "KSAU §15 Budget", "BUN § 15 Budget"] {
        let n = parse_number(line).unwrap_or_else(|| panic!("{line}"));
        assert_eq!((n.number.as_str(), line[n.rest..].trim()), ("15", "Budget"));
    }
    assert!(parse_number("Enligt § 5 i stadgarna ska mötet").is_none());
    assert!(parse_number("AU 15 Budget").is_none());
    assert!(parse_number("a) Aktuellt").unwrap().letter.is_some());
    // "2a." names the number it stands under.
    let n = parse_number("2a. Då Göran ej är närvarande, valdes Christina").unwrap();
    assert_eq!(
        (n.number.as_str(), n.parent.as_deref(), n.letter),
        ("2a", Some("2"), Some('a'))
    );
    assert_eq!(
        "2a. Då Göran ej är närvarande"[n.rest..].trim(),
        "Då Göran ej är närvarande"
    );
    // "2.b" as a dotted number writes it.
    let n = parse_number("2.b Cecilia Lund valdes till sekreterare.").unwrap();
    assert_eq!(
        (n.number.as_str(), n.parent.as_deref(), n.letter),
        ("2b", Some("2"), Some('b'))
    );
    let glued = parse_number("c.Övrigt").unwrap();
    assert_eq!(
        (glued.letter, &"c.Övrigt"[glued.rest..]),
        (Some('c'), "Övrigt")
    );
    assert!(parse_number("a.en enkel modell").is_none());
    let listed = parse_number("1. b) Banan").unwrap();
    assert_eq!(
        (listed.letter, &"1. b) Banan"[listed.rest..]),
        (Some('b'), "Banan")
    );
    let n = parse_number("d.) Informationstavla").unwrap();
    assert_eq!(
        (n.letter, "d.) Informationstavla"[n.rest..].trim()),
        (Some('d'), "Informationstavla")
    );
    let n = parse_number("§ 2/ Till justerare valdes Henry").unwrap();
    assert_eq!(
        (
            n.number.as_str(),
            "§ 2/ Till justerare valdes Henry"[n.rest..].trim()
        ),
        ("2", "Till justerare valdes Henry")
    );
}

#[test]
fn a_paragraph_sign_before_a_dotted_number_numbers_a_sub_point() {
    let n = parse_number("§2.1 Medlemskap").expect("a number");
    assert_eq!((n.number.as_str(), n.parent.as_deref()), ("2.1", Some("2")));
    assert!(n.paragraph_sign);
    assert_eq!(&"§2.1 Medlemskap"[n.rest..], "Medlemskap");
    let n = parse_number("§ 4.0.1 Röstning").expect("a number");
    assert_eq!(n.number, "4.0.1");
    // A plain § number stays a top item.
    assert_eq!(
        parse_number("§ 4 Röstning").map(|n| n.number),
        Some("4".to_string())
    );
}

#[test]
fn a_word_for_the_item_before_its_number() {
    for (line, title) in [
        ("Punkt 1 Status", "Status"),
        ("Ärende 4: Budget 2025", "Budget 2025"),
        ("Agenda item 2 – Finances", "Finances"),
        ("Pkt. 12 Övriga frågor", "Övriga frågor"),
        ("P1. Ekonomi", "Ekonomi"),
        ("P 2: Budget", "Budget"),
        ("Punkt 3", ""),
    ] {
        let n = parse_number(line).unwrap_or_else(|| panic!("{line}"));
        assert_eq!(&line[n.rest..], title, "{line}");
    }
    // A sentence about an item is no heading.
    assert!(parse_number("Punkt 3 bordlades till nästa möte.").is_none());
    assert!(parse_number("Ärendet 3 Budget").is_none());
    assert!(parse_number("P4 sände inslaget.").is_none());
    // A youth team, not an item: after "P" the number closes with a mark.
    assert!(parse_number("P12 Tränare saknas fortfarande.").is_none());
    assert!(parse_number("P09 Träningstider").is_none());
    assert!(parse_number("Pa 3 Budget").is_none());
    assert!(parse_number("Punkt 5: Anna Berg, Bo Ek, Cilla Ny").is_none());
    let s = structure(
        "Mötesprotokoll\n\nPunkt 1 Status\n\nTom har gjort klart.\n\nPunkt 2 Nästa steg\n\nUlla bokar tester.\n",
    );
    let titles: Vec<_> = s
        .items
        .iter()
        .map(|i| (i.number.as_deref().unwrap_or(""), i.title.as_str()))
        .collect();
    assert_eq!(titles, [("1", "Status"), ("2", "Nästa steg")]);
    // Right after an attendance line, "Punkt 1: Uppföljning" names no guests:
    // it is the first item.
    let s = structure(
        "Anteckningar 2024-05-14\n\nDeltagare: Eva Nord, Ali Hassan\n\nPunkt 1: Uppföljning\nAli har pratat med IT.\n\nPunkt 2: Enkäten\nText.\n",
    );
    assert_eq!(s.items.len(), 2);
    assert_eq!(s.items[0].title, "Uppföljning");
    assert_eq!(s.participants.len(), 2);
}

#[test]
fn header_participants_and_numbered_items() {
    let s = structure(
        "Västra Götalandsregionen\n\nKoncernkontoret\n\nDatum: 2026-02-19\n\nMötesanteckningar\n\n# Samordningsråd internmedicin\n\nDatum: 2026-02-16\n\n## Deltagare\n\nSofia Ekdahl (SU), ordförande\n\nBjörn Lindkvist (SU)\n\n1. Inledning\n\nText om inledning.\n\n2. Ekonomi\na) Budget\n\nBudget text.\n\n2024.\n\n3. Avslut\n",
    );
    assert_eq!(
        s.meeting.organization.as_deref(),
        Some("Västra Götalandsregionen")
    );
    assert_eq!(s.meeting.department.as_deref(), Some("Koncernkontoret"));
    assert_eq!(
        s.meeting.body.as_deref(),
        Some("Samordningsråd internmedicin")
    );
    assert_eq!(s.meeting.date.as_deref(), Some("2026-02-16"));
    assert_eq!(s.meeting.document_date.as_deref(), Some("2026-02-19"));
    assert_eq!(s.participants.len(), 2);
    let nums: Vec<_> = s
        .items
        .iter()
        .map(|i| i.number.clone().unwrap_or_default())
        .collect();
    assert_eq!(nums, ["1", "2", "2a", "3"]);
    assert_eq!(s.items[2].parent.as_deref(), Some("2"));
    assert_eq!(s.items[2].title, "Budget");
}

#[test]
fn agenda_table_rows_become_items() {
    let s = structure(
        "Mötespunkt\tAnteckning\n1. 09:00-09:10\t<p>Inledande formalia</p> <p>Snabb övergång.</p>\n<p>8. 13:30-13:45</p>\t<p>Diskussionsfrågor</p> <p>8.1. EU/EES – Lena och Helena</p> <p>Text.</p>\n<b>Extra punkt: i Elsa</b>\t<p>Något.</p>\n",
    );
    let got: Vec<(Option<String>, String)> = s
        .items
        .iter()
        .map(|i| (i.number.clone(), i.title.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (Some("1".into()), "Inledande formalia".into()),
            (Some("8".into()), "Diskussionsfrågor".into()),
            (Some("8.1".into()), "EU/EES – Lena och Helena".into()),
            (None, "Extra punkt: i Elsa".into()),
        ]
    );
    assert_eq!(s.items[0].time.unwrap().end.to_string(), "09:10");
    assert_eq!(s.items[0].text(), "Snabb övergång.");
}

#[test]
fn next_meetings_list() {
    let s = structure(
        "Datum: 2026-02-16\n\n1. Inledning\n\n## Nästkommande möten\n\n2026-03-16\n\n- Kvarstående frågor\n- Lungmedicin\n\n2026-04-13 – heldag\n\n2026-05 18\n",
    );
    let dates: Vec<String> = s.next_meetings.iter().map(|m| m.date.to_string()).collect();
    assert_eq!(dates, ["2026-03-16", "2026-04-13", "2026-05-18"]);
    assert_eq!(
        s.next_meetings[0].topics,
        ["Kvarstående frågor", "Lungmedicin"]
    );
    assert_eq!(s.next_meetings[1].note.as_deref(), Some("heldag"));
}

#[test]
fn paragraph_items_with_case_numbers_take_the_next_line_as_title() {
    let s = structure(
        "Kommunfullmäktige\nSammanträdesdatum: 2024-02-29\n\n§ 50 Ärendenummer SLK-2024-00078\nBestämmande av tid för justering\nBeslut\nOrdföranden justerar protokollet.\n\n3 (100)\n\nKommunfullmäktige\n\nProtokoll nr 2\n\n§ 51 Ärendenummer SLK-2024-00009:3\nAnmälan av länsstyrelsens beslut\nBeslut\nLänsstyrelsens beslut antecknas.\n\n4 (100)\n\nKommunfullmäktige\n\nProtokoll nr 2\n\n§ 52 Frågestund\n",
    );
    let got: Vec<(Option<String>, String)> = s
        .items
        .iter()
        .map(|i| (i.number.clone(), i.title.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (Some("50".into()), "Bestämmande av tid för justering".into()),
            (Some("51".into()), "Anmälan av länsstyrelsens beslut".into()),
            (Some("52".into()), "Frågestund".into()),
        ]
    );
    assert!(
        s.items[0].text().contains("SLK-2024-00078"),
        "the case number stays in the text"
    );
    assert!(
        !s.items.iter().any(|i| i.text().contains("Protokoll nr 2")),
        "running headers are furniture"
    );
}

#[test]
fn documents_without_numbers_take_headings_as_items() {
    let s = structure(
        "# Styrelsemöte Python Sverige\n\nSecretary: Martin Melin\n\n### Present\n\n- Fredrik Håård\n- Martin Melin\n\n### Budget\n\nNicolas is creating a budget.\n\n### Venue\n\nHilton has been signed.\n",
    );
    let titles: Vec<&str> = s.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["Budget", "Venue"]);
    assert_eq!(
        s.participants.len(),
        2,
        "Martin Melin once: {:?}",
        s.participants
    );
    assert_eq!(
        s.participants
            .iter()
            .find(|p| p.name == "Martin Melin")
            .and_then(|p| p.role.as_deref()),
        Some("sekreterare")
    );
}

#[test]
fn formal_header_in_columns_and_checkbox_attendance() {
    let s = structure(
        "Protokoll\t2/2023\n\nOrgan\tRådet för funktionshindrade\n\nSammanträdestid\t24.05.2023 kl. 16:00\n\nSammanträdesplats\tStadshuset, Topeliusesplanaden 7\n\n[X] Caldén Anna, ordförande\n\n[ ] Wikblad Kent\n\nÄrenden\tSida\n\n10 § Sammanträdets laglighet ........................ 1\n\n11 § Val av protokolljusterare ....................... 2\n\n10 § Sammanträdets laglighet och beslutförhet\n\nBeslut:\n\nSammanträdet konstaterades lagligt.\n\n11 § Val av protokolljusterare\n\nText.\n",
    );
    assert_eq!(
        s.meeting.body.as_deref(),
        Some("Rådet för funktionshindrade")
    );
    assert_eq!(s.meeting.date.as_deref(), Some("2023-05-24"));
    assert_eq!(s.meeting.start_time.as_deref(), Some("16:00"));
    assert_eq!(
        s.meeting.location.as_deref(),
        Some("Stadshuset, Topeliusesplanaden 7")
    );
    let people = attendance(&s);
    assert_eq!(
        people,
        [("Caldén Anna", "present"), ("Wikblad Kent", "absent")]
    );
    let items: Vec<(Option<&str>, &str)> = s
        .items
        .iter()
        .map(|i| (i.number.as_deref(), i.title.as_str()))
        .collect();
    assert_eq!(
        items,
        [
            (Some("10"), "Sammanträdets laglighet och beslutförhet"),
            (Some("11"), "Val av protokolljusterare")
        ],
        "the table of contents is not the items"
    );
}

#[test]
fn attendance_survives_wrapped_cells_and_run_together_rows() {
    let s = structure(
        "Deltagare\n\nAslak Iversen, ordförande\n\nAlessio Degl'innocenti, Regionhälsan, ansluter 9:30, avviker\n\n14:00\n\nLinda Lundahl, sekreterare, återbud\n\n1. Inledning\n",
    );
    assert_eq!(s.participants.len(), 3, "{:?}", s.participants);
    let p = participants::split_records(
        "Linda Lundahl\tsekreterare, återbud Helena Lundahl\tstrateg Koncernkontoret",
    );
    assert_eq!(
        p,
        [
            "Linda Lundahl\tsekreterare, återbud",
            "Helena Lundahl\tstrateg Koncernkontoret"
        ]
    );
}

#[test]
fn paragraph_ranges_case_numbers_and_elections_in_a_formal_protocol() {
    let s = structure(
        "PROTOKOLL\nBarn- och utbildningsnämnden\nDatum: 2025-03-12\n\nNärvarande ledamöter\nAnna Andersson (S), ordförande\nBertil Berg (M)\n\n§ 20 Val av justerare\n\nBeslut\nBertil Berg utses att justera protokollet.\n\n§§ 21-23 Delegationsbeslut och meddelanden\n\nRedovisningen läggs till handlingarna.\n\n§ 24\nÄrendenummer BUN-2025-00012\nSkolplan 2025\n\nNämnden godkänner skolplanen.\n\n25 § Övriga frågor\n\nInga övriga frågor.\n",
    );
    let items: Vec<(Option<&str>, &str)> = s
        .items
        .iter()
        .map(|i| (i.number.as_deref(), i.title.as_str()))
        .collect();
    assert_eq!(
        items,
        [
            (Some("20"), "Val av justerare"),
            (Some("21-23"), "Delegationsbeslut och meddelanden"),
            (Some("24"), "Skolplan 2025"),
            (Some("25"), "Övriga frågor"),
        ]
    );
    // The case number stays with its item, as text, not as its title.
    assert!(s.items[2].units[0].text.contains("BUN-2025-00012"));
    let berg = s.participants.iter().find(|p| p.name == "Bertil Berg");
    assert_eq!(berg.and_then(|p| p.role.as_deref()), Some("justerare"));
}

#[test]
fn an_appendix_after_the_items_is_not_minutes() {
    let s = structure(
        "# Årsmöte\n\n## 1 Mötets öppnande\n\nMötet öppnades.\n\n## 2 Mötets avslutande\n\nMötet avslutades.\n\n## A Appendix A - Stadgar\n\n3. Val av ordförande\n\n4. Val av kassör\n",
    );
    let numbers: Vec<Option<&str>> = s.items.iter().map(|i| i.number.as_deref()).collect();
    assert_eq!(numbers, [Some("1"), Some("2")]);
    assert!(!s.items[1].text().contains("kassör"));
}

#[test]
fn a_number_glued_to_a_word_is_no_item_number_and_three_levels_nest() {
    assert!(parse_number("3D-Printer").is_none());
    assert_eq!(
        parse_number("7.Uppföljning").map(|n| n.number),
        Some("7".into())
    );
    let n = parse_number("9.1.5 Rekommendation").expect("three levels");
    assert_eq!(
        (n.number.as_str(), n.parent.as_deref()),
        ("9.1.5", Some("9.1"))
    );
    let s = structure(
        "1. Mötets öppnande\n\n2. Styrelsens berättelse\n\n2.1 Verksamhet\n\n2.1.1 Uppföljning av verksamhetsplan\n\n\
         Text.\n\n2.1.2 Uppföljning av budget\n\nText.\n",
    );
    let numbers: Vec<_> = s.items.iter().filter_map(|i| i.number.clone()).collect();
    assert_eq!(numbers, ["1", "2", "2.1", "2.1.1", "2.1.2"]);
}

#[test]
fn lettered_statements_in_a_decision_are_content() {
    let s = structure(
        "1. Avtal om kollektivtrafik\n\nKommunfullmäktige beslutar att\n\n\
         a) Staden ska teckna avtal med regionen om avgiftsfri kollektivtrafik för alla under tjugo år.\n\n\
         b) Staden ska finansiera den avgiftsfria kollektivtrafiken inom ramen för budgeten.\n\n\
         2. Nästa ärende\n",
    );
    let numbers: Vec<_> = s.items.iter().filter_map(|i| i.number.clone()).collect();
    assert_eq!(numbers, ["1", "2"]);
}

#[test]
fn lettered_sub_points_in_capitals_or_with_a_dot_follow_their_number() {
    let s = structure(
        "1. Mötets öppnande\n\n2. Val\n\nB) Fasadrenovering\n\n\
         A) Val av revisorer\n\nB) Val av valberedning\n\nc) Val av styrelse\n\n3. Avslutning\n",
    );
    let numbers: Vec<_> = s.items.iter().filter_map(|i| i.number.clone()).collect();
    assert_eq!(numbers, ["1", "2", "2a", "2b", "2c", "3"]);
}

#[test]
fn lettered_points_with_a_dot_parse() {
    let n = parse_number("c. Val av styrelse").expect("a letter");
    assert_eq!(n.letter, Some('c'));
    assert!(parse_number("A. Svensson valdes").is_none());
    assert!(parse_number("a. en enkel modell").is_none());
}

#[test]
fn a_page_header_between_a_paragraph_sign_and_its_title_is_skipped() {
    assert!(page_header_line("Protokoll nr 9"));
    assert!(page_header_line("Sammanträdesdatum: 2023-10-12"));
    assert!(!page_header_line("Protokollet justeras"));
    assert!(!page_header_line("Val av justerare"));
    let s = structure(
        "§ 1 Ärendenummer\n\nProtokoll nr 9\nSammanträdesdatum: 2023-10-12\n\n\
         Bestämmande av tid för justering\n\nText.\n\n§ 2 Val\n",
    );
    assert_eq!(s.items[0].title, "Bestämmande av tid för justering");
}

#[test]
fn an_item_naming_the_coming_meetings_lists_them_after_this_one() {
    assert!(names_coming_meetings(
        "Förslag till sammanträdesdagar för kommunfullmäktige år 2024"
    ));
    assert!(!names_coming_meetings("Mötesdatumets betydelse"));
    let s = structure(
        "Sammanträdesdatum: 2023-10-12\n\n1. Vårens möten\n\nStyrelsen 2023-10-12, 8 §\n\n\
         Mötena hålls enligt följande:\n\n20.2.2024 kl. 16.15\n\n8.5.2024 kl. 16.15\n\n2. Avslutning\n",
    );
    let dates: Vec<_> = s.next_meetings.iter().map(|m| m.date.to_string()).collect();
    assert_eq!(dates, ["2024-02-20", "2024-05-08"]);
}

#[test]
fn numbers_closed_by_a_parenthesis_are_items() {
    let s = structure("1) Opening of the meeting\n\nText.\n\n2) Election of chair\n\nText.\n");
    let numbers: Vec<_> = s.items.iter().filter_map(|i| i.number.clone()).collect();
    assert_eq!(numbers, ["1", "2"]);
    assert_eq!(s.items[1].title, "Election of chair");
}

#[test]
fn headless_numbered_paragraphs_keep_their_sentence_as_text() {
    let s = structure(
        "1. Mötet öppnades av ordföranden.\n\n2. Ekonomi: Kassören redovisade att kassan är god.\n\n\
         3. Verksamhetsberättelsen gicks igenom och lades till handlingarna.\n\n4. Övrigt\n",
    );
    let got: Vec<_> = s
        .items
        .iter()
        .map(|i| (i.title.as_str(), i.text()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "Mötet öppnades av ordföranden",
                "Mötet öppnades av ordföranden.".to_string()
            ),
            (
                "Ekonomi",
                "Kassören redovisade att kassan är god.".to_string()
            ),
            (
                "Verksamhetsberättelsen gicks igenom och lades till handlingarna",
                "Verksamhetsberättelsen gicks igenom och lades till handlingarna.".to_string()
            ),
            ("Övrigt", String::new()),
        ]
    );
}

#[test]
fn a_wrapped_line_starting_with_a_date_continues_its_sentence() {
    let s = structure(
        "1. Detaljplan\n\nDetaljplan för verksamheter vid Norra vägen inom stadsdelen Tuve, upprättad\n\
         2023-09-29, antas.\n\n2. Nästa\n",
    );
    let texts: Vec<_> = s.items[0].units.iter().map(|u| u.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Detaljplan för verksamheter vid Norra vägen inom stadsdelen Tuve, upprättad 2023-09-29, antas."
        ]
    );
}

/// A body paragraph of plain text as a block at `span`.
fn body_block(t: &str, span: Span) -> Block {
    let mut p = Paragraph::new(Role::Body);
    p.push(t, Style::default(), None);
    Block::paragraph(p, span)
}

/// An agenda table of (number, notes) rows, the number cell left empty
/// where it is `None`, on the given page.
fn agenda_rows(rows: &[(Option<&str>, &str)], page: u32) -> Block {
    let para = |t: &str| {
        body_block(
            t,
            Span {
                page: Some(page),
                ..Span::default()
            },
        )
    };
    let rows = rows
        .iter()
        .map(|(n, notes)| Row {
            cells: vec![
                Cell::new(n.map(|n| vec![para(n)]).unwrap_or_default()),
                Cell::new(vec![para(notes)]),
            ],
            header: false,
        })
        .collect();
    Block {
        kind: BlockKind::Table(Table { rows }),
        span: Span {
            page: Some(page),
            ..Span::default()
        },
    }
}

/// Each participant's name and attendance.
fn attendance(s: &Structured) -> Vec<(&str, &str)> {
    s.participants
        .iter()
        .map(|p| (p.name.as_str(), p.attendance.as_str()))
        .collect()
}

fn titles(s: &Structured) -> Vec<(Option<String>, String)> {
    s.items
        .iter()
        .map(|i| (i.number.clone(), i.title.clone()))
        .collect()
}

#[test]
fn an_agenda_table_continued_after_a_page_break_keeps_its_rows_as_items() {
    let doc = Document {
        blocks: vec![
            agenda_rows(&[(Some("1."), "Öppnande"), (Some("2."), "Budget")], 1),
            Block {
                kind: BlockKind::PageBreak,
                span: Span::default(),
            },
            agenda_rows(
                &[
                    (None, "och resten av budgeten."),
                    (Some("3."), "Övriga frågor"),
                ],
                2,
            ),
        ],
        ..Document::default()
    };
    let s = find(&doc);
    assert_eq!(
        titles(&s),
        [
            (Some("1".into()), "Öppnande".into()),
            (Some("2".into()), "Budget".into()),
            (Some("3".into()), "Övriga frågor".into()),
        ]
    );
    assert!(s.items[1].text().contains("resten av budgeten"));
}

#[test]
fn in_a_scan_a_row_whose_number_ocr_lost_is_the_next_item() {
    let rows = [
        (Some("Mötespunkt"), "Anteckning"),
        (Some("1."), "Öppnande"),
        (Some("2."), "Val"),
        (Some("3:"), "Budget"),
        (None, "Hematologi"),
        (None, "Texten fortsätter här."),
    ];
    let mut doc = Document {
        blocks: vec![agenda_rows(&rows, 1)],
        ..Document::default()
    };
    let expected_scan = [
        (Some("1".into()), "Öppnande".to_string()),
        (Some("2".into()), "Val".into()),
        (Some("3".into()), "Budget".into()),
        (Some("4".into()), "Hematologi".into()),
    ];
    // Born-digital, an empty number cell continues the row before.
    assert!(!titles(&find(&doc)).iter().any(|(_, t)| t == "Hematologi"));
    doc.diagnostics
        .push(Diagnostic::warning("ocr", "read by OCR"));
    let s = find(&doc);
    assert_eq!(titles(&s), expected_scan);
    assert!(s.items[3].text().contains("fortsätter"));
}

#[test]
fn english_attendance_headings_and_an_affiliation_typed_after_the_name() {
    let s = structure(
        "Minutes, board meeting 2020-05-28\n\nAttendees: Anna Berg, Karl Svensson (chair)\nApologies: Per Holm\n\nDeltagare\nEva Lund Försäkringskassan\n\n1. Opening\nThe meeting was opened.\n",
    );
    let got: Vec<(&str, &str, Option<&str>)> = s
        .participants
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.attendance.as_str(),
                p.affiliation.as_deref(),
            )
        })
        .collect();
    assert!(got.contains(&("Per Holm", "absent", None)), "{got:?}");
    assert!(
        got.contains(&("Eva Lund", "present", Some("Försäkringskassan"))),
        "{got:?}"
    );
    assert_eq!(s.meeting.date.as_deref(), Some("2020-05-28"));
}

#[test]
fn a_notice_names_the_kind_of_meeting_the_association_and_the_day() {
    let s = structure(
        "Kallelse till årsmöte med Exempelbygdens Spelmansförbund lördagen den 23 februari 2013\n\nDagordning\n1. Mötets öppnande\n2. Val av ordförande\n",
    );
    assert_eq!(s.meeting.document_type.as_deref(), Some("agenda"));
    assert_eq!(s.meeting.body.as_deref(), Some("Årsmöte"));
    assert_eq!(
        s.meeting.organization.as_deref(),
        Some("Exempelbygdens Spelmansförbund")
    );
    assert_eq!(s.meeting.date.as_deref(), Some("2013-02-23"));
}

#[test]
fn times_in_whole_hours_and_beside_the_place() {
    let s = structure(
        "Protokoll styrelsemöte 2020-03-10\nPlats: Folkets hus, kl 18\n\n1. Öppnande\nMötet öppnades.\n",
    );
    assert_eq!(s.meeting.location.as_deref(), Some("Folkets hus"));
    assert_eq!(s.meeting.start_time.as_deref(), Some("18:00"));
    let s = structure(
        "Minutes, board meeting\nWhen: Tuesday 10 March 2020, 18:00\n\n1. Opening\nThe meeting was opened.\n",
    );
    assert_eq!(s.meeting.start_time.as_deref(), Some("18:00"));
    assert_eq!(s.meeting.date.as_deref(), Some("2020-03-10"));
    let s = structure(
        "Protokoll styrelsemöte 2020-03-10\nPlats: Folkets hus, kl. 9.30-12\n\n1. Öppnande\nMötet öppnades.\n",
    );
    assert_eq!(s.meeting.location.as_deref(), Some("Folkets hus"));
    assert_eq!(s.meeting.start_time.as_deref(), Some("09:30"));
    assert_eq!(s.meeting.end_time.as_deref(), Some("12:00"));
}

#[test]
fn several_people_on_one_line_each_with_what_describes_them() {
    let s = structure(
        "# Protokoll kommunstyrelsen 2024-03-12\n\n**Närvarande:** Anna Berg (S), ordförande, Karl Svensson (M), Lisa Ek (C)\n\n**Övriga:** Per Holm, kommundirektör; Eva Lund, sekreterare\n\n## § 1 Val av justerare\nKommunstyrelsen beslutar att utse Lisa Ek att justera protokollet.\n",
    );
    let got: Vec<(&str, Option<&str>, &str)> = s
        .participants
        .iter()
        .map(|p| (p.name.as_str(), p.role.as_deref(), p.group.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("Anna Berg", Some("ordförande"), "member"),
            ("Karl Svensson", None, "member"),
            ("Lisa Ek", None, "member"),
            ("Per Holm", None, "guest"),
            ("Eva Lund", Some("sekreterare"), "guest"),
        ]
    );
    assert_eq!(s.participants[3].title.as_deref(), Some("kommundirektör"));
    assert_eq!(s.meeting.body.as_deref(), Some("Kommunstyrelsen"));
    assert_eq!(s.meeting.date.as_deref(), Some("2024-03-12"));
}

#[test]
fn the_next_meeting_in_english_or_named_by_a_compound() {
    for (text, date) in [
        (
            "Minutes board meeting 2020-05-28\n\n1. Opening\nThe meeting was opened.\n\n2. Other\nNext meeting June 5th\n",
            "2020-06-05",
        ),
        (
            "Protokoll styrelsemöte 2020-05-28\n\n1. Öppnande\nMötet öppnades.\n\n2. Övrigt\nNästa styrelsemöte äger rum den 5 juni.\n",
            "2020-06-05",
        ),
    ] {
        let s = structure(text);
        let got: Vec<String> = s.next_meetings.iter().map(|m| m.date.to_string()).collect();
        assert_eq!(got, [date], "{text}");
    }
}

#[test]
fn meeting_again_next_time_dates_the_next_meeting() {
    let ctx = DateContext::default();
    let n = next_meeting_in_sentence("Vi ses nästa gång den 12 april 2024.", &ctx).expect("a date");
    assert_eq!(n.date.to_string(), "2024-04-12");
    assert!(next_meeting_in_sentence("Läs rapporten till nästa gång.", &ctx).is_none());
    let listed = parse_next_meetings(
        &[(
            "Kommande möten: 12/4 2024, 10/5 2024 och 7/6 2024".to_string(),
            false,
        )],
        &ctx,
        None,
    );
    let dates: Vec<String> = listed.iter().map(|n| n.date.to_string()).collect();
    assert_eq!(dates, ["2024-04-12", "2024-05-10", "2024-06-07"]);
}

#[test]
fn attendance_in_sentences_label_columns_and_post_lines() {
    let names = |text: &str| -> Vec<(String, String, Option<String>)> {
        structure(&format!(
            "Protokoll styrelsemöte 2024-04-02\n\n{text}\n1. Öppnande\nMötet öppnades.\n\n2. Ekonomi\nKassören redogjorde.\n"
        ))
        .participants
        .into_iter()
        .map(|p| (p.name, p.attendance, p.affiliation.or(p.title).or(p.role)))
        .collect()
    };
    let present =
        |n: &str, x: Option<&str>| (n.to_string(), "present".to_string(), x.map(str::to_string));
    let absent = |n: &str| (n.to_string(), "absent".to_string(), None);
    // Two lists on one line.
    assert_eq!(
        names("Present: Anna Berg, Bo Ek. Absent: Cilla Ny.\n"),
        [
            present("Anna Berg", None),
            present("Bo Ek", None),
            absent("Cilla Ny")
        ]
    );
    // A sentence opens the list.
    assert_eq!(
        names("Vid mötet deltog Anna Berg, Bo Ek och Cilla Ny.\n").len(),
        3
    );
    // The organisation after the heading, or heading a line of its own.
    assert_eq!(
        names("Deltagare från DIGG: Anna Berg, Bo Ek\nFrån Skatteverket: Cilla Ny\n"),
        [
            present("Anna Berg", Some("DIGG")),
            present("Bo Ek", Some("DIGG")),
            present("Cilla Ny", Some("Skatteverket"))
        ]
    );
    // A label column over one name per line.
    assert_eq!(
        names("Närvarande:\tAnna Berg\n\tBo Ek\n\tCilla Ny\n").len(),
        3
    );
    // Surname first, one person a line, kept as written.
    assert_eq!(
        names("Närvarande:\nBerg, Anna\nEk, Bo\n"),
        [present("Berg, Anna", None), present("Ek, Bo", None)]
    );
    // An organisation's acronym after the name, as a flattened table row.
    assert_eq!(
        names("Deltagare:\nKarin Holm DIGG (ordförande)\nPer Nilsson DIGG\n"),
        [
            present("Karin Holm", Some("DIGG")),
            present("Per Nilsson", Some("DIGG"))
        ]
    );
    // A numbered list of people is the list, not items.
    assert_eq!(names("Röstlängd\n\n1) Anna Berg\n\n2) Bo Ek\n").len(), 2);
    // Each name with its post on the next line, as a flattened table gives it.
    assert_eq!(
        names("Närvarande\n\nAnna Berg\nOrdförande\n\nBo Ek\nKassör\n\nCilla Ny\nLedamot\n"),
        [
            present("Anna Berg", Some("ordförande")),
            present("Bo Ek", Some("kassör")),
            present("Cilla Ny", Some("ledamot"))
        ]
    );
}

#[test]
fn a_long_title_wrapped_before_the_decision_is_one_title() {
    let s = structure(
        "Protokoll\n\n§ 13\n\nReviderad förbundsordning för kommunalförbundet\n\nTolkförmedlingen Väst\n\nBeslut\n\nFörbundsordningen godkänns.\n\n§ 14\n\nVal av justerare\n\nAnna Berg och Bo Ek\n\nBeslut\n\nAnna Berg väljs.\n",
    );
    let titles: Vec<&str> = s.items.iter().map(|i| i.title.as_str()).collect();
    // A short title is whole: the line after it is the item's text.
    assert_eq!(
        titles,
        [
            "Reviderad förbundsordning för kommunalförbundet Tolkförmedlingen Väst",
            "Val av justerare"
        ]
    );
}

#[test]
fn an_acronym_with_its_board_names_the_association() {
    let s = structure(
        "Styrelsemöte 2017-03-17\n\nIX Styrelse hade denna dag sitt första möte.\n\n1. Val av ordförande\nElis valdes.\n\n2. Övrigt\nInget.\n",
    );
    assert_eq!(s.meeting.organization.as_deref(), Some("IX"));
    // "RSL beslutar" names the body, not an association.
    let s = structure(
        "Anteckningar 2024-03-01\n\n1. Budget\nRSL beslutar att godkänna budgeten.\n\n2. Övrigt\nInget.\n",
    );
    assert_eq!(s.meeting.organization, None);
}

#[test]
fn an_attendance_table_given_as_lines_with_tabs_is_read_by_its_columns() {
    // What a PDF reader gives for a two-column table under "Deltagare:".
    let s = structure_of_lines(&[
        "Minnesanteckningar 2023-09-14",
        "Deltagare:",
        "Namn\tOrganisation",
        "Anna Berg\tSkatteverket",
        "Karin Holm\tDIGG",
        "1. Välkommen",
        "Dagordningen godkändes.",
        "2. Övrigt",
        "Inget.",
    ]);
    let people: Vec<_> = s
        .participants
        .iter()
        .map(|p| (p.name.as_str(), p.affiliation.as_deref()))
        .collect();
    assert_eq!(
        people,
        [
            ("Anna Berg", Some("Skatteverket")),
            ("Karin Holm", Some("DIGG"))
        ]
    );
    assert_eq!(s.items.len(), 2);
}

#[test]
fn a_task_table_given_as_lines_with_tabs_gives_each_row_its_owner_and_date() {
    let s = structure_of_lines(&[
        "Protokoll 2024-03-12",
        "1. Vårfesten",
        "Festen blir den 20 april.",
        "Uppgift\tAnsvarig\tKlart",
        "Boka lokal\tBo\t1 april",
        "Beställa mat\tCilla\t10 april",
        "2. Avslutning",
    ]);
    let tasks: Vec<_> = s.items[0]
        .units
        .iter()
        .filter_map(|u| {
            let t = u.task.as_ref()?;
            Some((u.text.as_str(), t.owner.as_deref(), t.due.as_deref()))
        })
        .collect();
    assert_eq!(
        tasks,
        [
            ("Boka lokal", Some("Bo"), Some("1 april")),
            ("Beställa mat", Some("Cilla"), Some("10 april"))
        ]
    );
    assert_eq!(s.items.len(), 2);
}

#[test]
fn a_case_number_before_the_title_on_the_heading_line_is_not_the_title() {
    let s = structure(
        "Protokoll 2024-03-12\n\n§ 45 Dnr KS 2024/0112 Val av justerare\n\nBo Ek utses.\n\n§ 46 Ärendenummer SLK-2020-01669\n\nBudget 2025\n\nBudgeten fastställs.\n",
    );
    let titles: Vec<&str> = s.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["Val av justerare", "Budget 2025"]);
    assert_eq!(s.items[0].units[0].text, "Dnr KS 2024/0112");
}

#[test]
fn an_agenda_word_over_the_points_of_minutes_that_say_who_attended_heads_a_section() {
    let s = structure(
        "Sprintmöte 2024-03-12\nDeltagare: Anna Berg, Bo Ek\n\nAgenda\n1. Retrospektiv\n2. Planering\n\nRetrospektiv\nBra möte.\n\nPlanering\nBo bokar lokal.\n",
    );
    assert_eq!(s.meeting.document_type.as_deref(), Some("minutes"));
    // An agenda names no one as present: it stays one.
    let s =
        structure("Styrelsemöte 2024-03-12\n\nDagordning\n1. Öppnande\n2. Budget\n3. Avslutning\n");
    assert_eq!(s.meeting.document_type.as_deref(), Some("agenda"));
}

#[test]
fn coming_meetings_listed_in_an_items_text() {
    let s = structure(
        "Styrelsemöte 2023-09-14\n\n1. Ekonomi\nBudgeten godkändes.\n\n2. Övrigt\nKommande möten: 12 oktober, 9 november och 7 december.\n",
    );
    let dates: Vec<String> = s.next_meetings.iter().map(|m| m.date.to_string()).collect();
    assert_eq!(dates, ["2023-10-12", "2023-11-09", "2023-12-07"]);
    // The line stays the item's text.
    assert_eq!(s.items[1].units.len(), 1);
}

#[test]
fn the_signers_day_under_the_last_item_is_no_coming_meeting() {
    let s = structure(
        "Styrelsemöte 2023-02-28\n\n1. Ekonomi\nBudgeten godkändes.\n\n2. Nästa möte\nI anslutning till årsmötet.\n\nDatum: onsdag 8 mars\n\nEva Lind\n\nNorrköping\n\n2023-03-4\n",
    );
    let dates: Vec<String> = s.next_meetings.iter().map(|m| m.date.to_string()).collect();
    assert_eq!(dates, ["2023-03-08"]);
    // A host's label and name over the date are the coming meeting's.
    let s = structure(
        "Styrelsemöte 2023-02-28\n\n1. Ekonomi\nBudgeten godkändes.\n\n2. Nästa möte\nVärd:\n\nLisa Holm\n\nDatum:\n\n2023-05-12\n",
    );
    let dates: Vec<String> = s.next_meetings.iter().map(|m| m.date.to_string()).collect();
    assert_eq!(dates, ["2023-05-12"]);
}

#[test]
fn a_new_meeting_with_its_day_and_hour_is_a_coming_meeting() {
    let dates = |text: &str| -> Vec<String> {
        structure(&format!(
            "Styrelsemöte 2024-09-17\n\n1. Öppnande\nMötet öppnades.\n\n2. Övrigt\n{text}\n"
        ))
        .next_meetings
        .iter()
        .map(|m| m.date.to_string())
        .collect()
    };
    assert_eq!(
        dates("Valupptaktsträff tisdag 19/11 kl. 18.30 på Hotell Station."),
        ["2024-11-19"]
    );
    assert_eq!(
        dates(
            "Vi bjuder in till ett informationsmöte tisdag den 8 oktober kl. 18.00 i bygdegården."
        ),
        ["2024-10-08"]
    );
    // Another body's meeting, and an earlier one, named with the article.
    assert!(dates("Ärendet behandlas på mötet den 8 december.").is_empty());
    assert!(dates("Beslutet som fattades vid mötet den 5 mars gäller.").is_empty());
}

#[test]
fn coming_meetings_more_than_half_a_year_on_and_met_in_other_words() {
    // Under "Nästa möte", a day and month more than six months after the
    // meeting is still a coming one, not last year's.
    let s = structure(
        "Styrelsemöte 2024-05-13\n\n1. Öppnande\nMötet öppnades.\n\n2. Nästa möte\nKommande möten: 9 september, 14 oktober och 9 december.\n",
    );
    let dates: Vec<String> = s.next_meetings.iter().map(|m| m.date.to_string()).collect();
    assert_eq!(dates, ["2024-09-09", "2024-10-14", "2024-12-09"]);
    let s = structure(
        "Styrelsemöte 2024-05-13\n\n1. Öppnande\nMötet öppnades.\n\n2. Nästa möte\nVi ses nästa gång den 10 juni.\n",
    );
    let dates: Vec<String> = s.next_meetings.iter().map(|m| m.date.to_string()).collect();
    assert_eq!(dates, ["2024-06-10"]);
    // The label after another sentence of the item's text.
    let s = structure(
        "Styrelsemöte 2024-05-13\n\n1. Öppnande\nMötet öppnades.\n\n2. Övrigt\nInget. Kommande möten: 10 juni och 12 augusti.\n",
    );
    let dates: Vec<String> = s.next_meetings.iter().map(|m| m.date.to_string()).collect();
    assert_eq!(dates, ["2024-06-10", "2024-08-12"]);
}

#[test]
fn a_paragraph_sign_that_goes_on_with_the_next_number_switches_the_scheme() {
    let s = structure(
        "Styrelsemöte 2020-06-15\n\n1. Mötets öppnande\nMötet öppnades.\n\n2. Dagordning\nDagordningen godkändes.\n\n§3. Föregående protokoll\nGodkändes.\n\n§4. Kassören\nRapport.\n",
    );
    let got: Vec<_> = s
        .items
        .iter()
        .map(|i| i.number.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(got, ["1", "2", "3", "4"]);
    // A numbered list inside a § item is still its content.
    let s = structure(
        "Styrelsemöte 2020-06-15\n\n§ 1 Öppnande\nMötet öppnades.\n\n§ 2 Ekonomi\nTre punkter:\n\n3. Budget\n\n4. Bokslut\n",
    );
    assert_eq!(s.items.len(), 2);
}

#[test]
fn roman_numerals_number_items_as_printed() {
    let s = structure(
        "Styrelsemöte 2024-04-02\n\nI. Mötets öppnande\nAnna öppnade mötet.\n\nII. Ekonomi\nBudgeten godkändes.\n\nIV. Övrigt\nInget.\n",
    );
    let got: Vec<_> = s
        .items
        .iter()
        .map(|i| (i.number.as_deref().unwrap_or(""), i.title.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("I", "Mötets öppnande"),
            ("II", "Ekonomi"),
            ("IV", "Övrigt")
        ]
    );
    assert_eq!(roman_value("XIV"), Some(14));
    assert_eq!(roman_value("IX"), Some(9));
}

#[test]
fn a_numbered_paragraph_with_a_short_head_closed_by_a_full_stop_takes_it_as_title() {
    let s = structure(
        "Protokoll styrelsemöte 2025-02-10\n\n\
         1. Mötets öppnande. Ordföranden öppnade mötet.\n\
         2. Resor. Vårresan går till Gränna. Märta bokar bussen senast 1 mars.\n\
         3. Nästa möte. Torsdagen den 20 mars kl. 10.00.\n\
         4. Planera nästa möte, boka lokal.\n",
    );
    let titles: Vec<_> = s.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Mötets öppnande",
            "Resor",
            "Nästa möte",
            "Planera nästa möte, boka lokal"
        ]
    );
    // The point's sentences stay its text, where the rules read them.
    assert!(
        s.items[1]
            .units
            .iter()
            .any(|u| u.text.contains("Märta bokar bussen"))
    );
}

#[test]
fn declined_and_prevented_members_are_absent_and_a_vice_chair_keeps_vice() {
    let s = structure(
        "Protokoll styrelsemöte 2025-02-10\n\n\
         Närvarande: Anna Ek (v. ordf.), Per Holm\n\
         Förhindrade: Kim Nilsson\n\
         Tackade nej: Lisa Lund\n\
         Utses att justera: Per Holm\n\n\
         1. Mötets öppnande\nOrdföranden öppnade mötet.\n\
         2. Ekonomi\nRapporten godkändes.\n",
    );
    let people: Vec<_> = s
        .participants
        .iter()
        .map(|p| (p.name.as_str(), p.role.as_deref(), p.attendance.as_str()))
        .collect();
    assert_eq!(
        people,
        [
            ("Anna Ek", Some("vice ordförande"), "present"),
            ("Per Holm", Some("justerare"), "present"),
            ("Kim Nilsson", None, "absent"),
            ("Lisa Lund", None, "absent"),
        ]
    );
}

#[test]
fn substitutes_inside_a_list_serve_and_the_members_they_replace_were_absent() {
    let s = structure(
        "Protokoll Kommunstyrelsen 2025-03-10\n\n\
         Beslutande: Niklas Berg (S), ordförande, Annika Hedberg (C), Lena Karlsson (S) \
         tjänstgörande ersättare för Håkan Lif (S)\n\
         Ersättare: Jan Borg (KD) för Maria Gren (KD), Sven Hjort (SD)\n\n\
         § 1 Val av justerare\nAnnika Hedberg utses att justera.\n\
         § 2 Budget\nKommunstyrelsen beslutar att anta budgeten.\n",
    );
    let people: Vec<_> = s
        .participants
        .iter()
        .map(|p| (p.name.as_str(), p.group.as_str(), p.attendance.as_str()))
        .collect();
    assert_eq!(
        people,
        [
            ("Niklas Berg", "member", "present"),
            ("Annika Hedberg", "member", "present"),
            ("Lena Karlsson", "member", "present"),
            ("Jan Borg", "member", "present"),
            ("Sven Hjort", "adjunct", "present"),
            ("Håkan Lif", "member", "absent"),
            ("Maria Gren", "member", "absent"),
        ]
    );
}

#[test]
fn a_post_written_before_the_name_is_the_role_or_the_title() {
    let s = structure(
        "Protokoll styrelsemöte 2025-02-10\n\n\
         Ledamöter närvarande: Ordförande Hanna Sjöstrand, Kassör Björn Palm, Ledamot Simon Frisk\n\
         Adjungerad: Förskolechef Ewa Hallberg\n\n\
         1. Mötets öppnande\nOrdföranden öppnade mötet.\n\
         2. Ekonomi\nRapporten godkändes.\n",
    );
    let people: Vec<_> = s
        .participants
        .iter()
        .map(|p| (p.name.as_str(), p.role.as_deref(), p.title.as_deref()))
        .collect();
    assert_eq!(
        people,
        [
            ("Hanna Sjöstrand", Some("ordförande"), None),
            ("Björn Palm", None, Some("kassör")),
            ("Simon Frisk", None, Some("ledamot")),
            ("Ewa Hallberg", None, Some("förskolechef")),
        ]
    );
}

#[test]
fn first_names_with_a_class_or_team_code_and_a_role_in_brackets() {
    let s = structure(
        "Elevrådsmöte 2025-02-10\n\n\
         Närvarande: Alva 9A (ordförande), Noah 9B, Linda (ungdomsansvarig, ordf.)\n\n\
         1. Mötets öppnande\nAlva öppnade mötet.\n\
         2. Övrigt\nInget.\n",
    );
    let people: Vec<_> = s
        .participants
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.role.as_deref(),
                p.title.as_deref(),
                p.affiliation.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        people,
        [
            ("Alva", Some("ordförande"), None, Some("9A")),
            ("Noah", None, None, Some("9B")),
            ("Linda", Some("ordförande"), Some("ungdomsansvarig"), None),
        ]
    );
}

#[test]
fn a_numbered_item_after_an_inline_attendance_line_is_an_item() {
    let s = structure(
        "APT 2025-04-23\n\n\
         Närvarande: Eva Kronberg, Ann Söder\n\
         Antecknare: Camilla Dahl\n\n\
         1. Föregående APT\nAnteckningarna gicks igenom.\n\n\
         2. Arbetsmiljö\nEva beställer ny belysning.\n",
    );
    let names: Vec<_> = s.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Eva Kronberg", "Ann Söder", "Camilla Dahl"]);
    let titles: Vec<_> = s.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["Föregående APT", "Arbetsmiljö"]);
    // A numbered list under a heading of its own is the list.
    let s = structure(
        "Årsmöte 2025-03-01\n\nRöstlängd\n1. Anna Berg\n2. Bo Ek\n\n\
         § 1 Mötets öppnande\nOrdföranden öppnade mötet.\n§ 2 Avslutning\nMötet avslutades.\n",
    );
    let names: Vec<_> = s.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Anna Berg", "Bo Ek"]);
}

#[test]
fn an_attendance_table_cell_with_two_people_and_a_heading_naming_where_people_come_from() {
    let s = structure(
        "# Minnesanteckningar referensgrupp 2023-10-02\n\n\
         ## Närvarande\n\n\
         | Organisation | Namn |\n|---|---|\n\
         | Lantmäteriet | Bo Ek, Cecilia Ny |\n\
         | Myndigheten för digital förvaltning (mötesledare) | Gun Ahl |\n\n\
         ## Frånvarande\n\nEva Lund, Försäkringskassan\n\n\
         ## Från Myndigheten\n\n- Hans Berg, sekreterare\n\n\
         ## 1. Inledning\n\nMötet öppnades.\n\n## 2. Övrigt\n\nInget.\n",
    );
    let people: Vec<_> = s
        .participants
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.affiliation.as_deref(),
                p.attendance.as_str(),
            )
        })
        .collect();
    assert_eq!(
        people,
        [
            ("Bo Ek", Some("Lantmäteriet"), "present"),
            ("Cecilia Ny", Some("Lantmäteriet"), "present"),
            (
                "Gun Ahl",
                Some("Myndigheten för digital förvaltning"),
                "present"
            ),
            ("Eva Lund", Some("Försäkringskassan"), "absent"),
            ("Hans Berg", None, "present"),
        ]
    );
    assert_eq!(s.participants[2].title.as_deref(), Some("mötesledare"));
}

#[test]
fn att_clauses_in_a_list_continue_the_decision_they_follow() {
    let s = structure(
        "Protokoll 2025-02-10\n\n1. Sommarfesten\nStyrelsen beslutade\n\
         - att festen hålls den 14 juni,\n- att budgeten blir 5 000 kr.\n\n\
         2. Övrigt\nInget.\n",
    );
    let texts: Vec<_> = s.items[0].units.iter().map(|u| u.text.as_str()).collect();
    assert_eq!(
        texts,
        ["Styrelsen beslutade att festen hålls den 14 juni, att budgeten blir 5 000 kr."]
    );
    // A list after a sentence that decided nothing stays a list.
    let s = structure(
        "Protokoll 2025-02-10\n\n1. Sommarfesten\nVi diskuterade:\n\
         - att festen kan hållas i juni\n\n2. Övrigt\nInget.\n",
    );
    assert_eq!(s.items[0].units.len(), 2);
}

#[test]
fn a_decision_table_gives_labelled_decisions_not_items() {
    let s = structure(
        "# Protokoll 2025-02-10\n\n## 1. Status\n\nIgång.\n\n## 2. Beslut\n\n\
         | Nr | Beslut | Ansvarig |\n|---|---|---|\n\
         | B1 | Projektet fortsätter enligt plan | Anna |\n\
         | B2 | Budgeten utökas med 50 tkr | Bo |\n",
    );
    let titles: Vec<_> = s.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["Status", "Beslut"]);
    let texts: Vec<_> = s.items[1].units.iter().map(|u| u.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Beslut: Projektet fortsätter enligt plan",
            "Beslut: Budgeten utökas med 50 tkr"
        ]
    );
}

#[test]
fn a_first_heading_naming_the_document_is_its_title_and_a_dated_title_item_gives_the_next_meeting()
{
    let s = structure(
        "Hyresgästföreningen Väster\n\n## Protokoll från styrelsemöte 2025-02-19\n\n\
         Tid: 18:00–19:30\n\n## 1. Ekonomi\n\nRapporten godkändes.\n\n\
         ## 2. Övrigt\n\nInget.\n\n## Anteckningar\n\nInga.\n",
    );
    let titles: Vec<_> = s.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["Ekonomi", "Övrigt", "Anteckningar"]);
    let s = structure(
        "Protokoll 2025-01-15\n\n§1 Mötet öppnades av ordföranden.\n\
         §2 Ekonomi. Kassören redovisade läget.\n§3 Nästa möte hålls 12 februari kl. 19.30.\n",
    );
    let next: Vec<_> = s.next_meetings.iter().map(|m| m.date.to_string()).collect();
    assert_eq!(next, ["2025-02-12"]);
}

#[test]
fn the_next_meeting_named_by_its_kind_in_a_label() {
    for line in ["Nästa APT: 21 maj kl. 14.30", "Nästa samråd: 21 maj 2025"] {
        let s = structure(&format!(
            "Protokoll 2025-04-23\n\n1. Arbetsmiljö\nInget nytt.\n2. Övrigt\n{line}\n"
        ));
        let next: Vec<_> = s.next_meetings.iter().map(|m| m.date.to_string()).collect();
        assert_eq!(next, ["2025-05-21"], "{line}");
    }
}

#[test]
fn the_chair_on_a_header_line_the_named_among_many_and_one_name_with_its_class() {
    let s = structure(
        "Protokoll styrelsemöte 2025-10-02\n\nOrdförande: Hanna Lund\n\
         Närvarande: ett tjugotal bybor, bl.a. Gertrud Ekdahl (ordf), Stig Olsson\n\
         Frånvarande: Hugo 7C\n\n\
         1. Mötets öppnande\nMötet öppnades.\n2. Övrigt\nInget.\n",
    );
    let people: Vec<_> = s
        .participants
        .iter()
        .map(|p| (p.name.as_str(), p.role.as_deref(), p.attendance.as_str()))
        .collect();
    assert_eq!(
        people,
        [
            ("Hanna Lund", Some("ordförande"), "present"),
            ("Gertrud Ekdahl", Some("ordförande"), "present"),
            ("Stig Olsson", None, "present"),
            ("Hugo", None, "absent"),
        ]
    );
}

#[test]
fn a_flattened_task_table_goes_on_after_a_wrapped_cell() {
    let s = structure_of_lines(&[
        "Protokoll 2026-04-01",
        "1. Beslutade åtgärder",
        "Ansvarig\tKlart senast\tÅtgärd",
        "Gustav Rönn\t2026-05-06\tNy tidplan från",
        "entreprenören",
        "Ida Malm\t2026-05-20\tPlan för rekrytering",
        "2. Övrigt",
    ]);
    let tasks = tasks_with_owners(&s.items[0..1]);
    assert_eq!(
        tasks,
        [
            ("Ny tidplan från entreprenören", Some("Gustav Rönn")),
            ("Plan för rekrytering", Some("Ida Malm"))
        ]
    );
}

#[test]
fn presence_and_absence_columns_beside_the_names() {
    let s = structure(
        "# Protokoll 2025-03-01\n\n| Namn | Funktion | Närvarande |\n|---|---|---|\n\
         | Anna Berg | Ordförande | Ja |\n| Bo Ek | Kassör | Nej |\n\n\
         | Namn | Närvarande | Frånvarande |\n|---|---|---|\n| Dan Ås | X | |\n| Eva Öst | | X |\n\n\
         ## 1. Öppnande\nMötet öppnades.\n\n## 2. Avslut\nMötet avslutades.\n",
    );
    let people = attendance(&s);
    assert_eq!(
        people,
        [
            ("Anna Berg", "present"),
            ("Bo Ek", "absent"),
            ("Dan Ås", "present"),
            ("Eva Öst", "absent")
        ]
    );
}

#[test]
fn coming_meetings_listed_after_a_plural_label() {
    let s = structure(
        "Protokoll 2026-01-15\n\n1. Ekonomi\nRapporten godkändes.\n2. Övrigt\nNästa möten: 2026-02-10, 2026-03-10\n",
    );
    let next: Vec<_> = s.next_meetings.iter().map(|m| m.date.to_string()).collect();
    assert_eq!(next, ["2026-02-10", "2026-03-10"]);
}

#[test]
fn each_persons_organisation_on_the_line_after_their_name() {
    let s = structure(
        "Minnesanteckningar samverkansgrupp 2026-02-10\n\nDeltagare\nMarie Olsson\nÖstersunds kommun\n\
         Tomas Berglund\nRegion Jämtland Härjedalen\n\n1. Inledning\nMötet öppnades.\n2. Övrigt\nInget.\n",
    );
    let people: Vec<_> = s
        .participants
        .iter()
        .map(|p| (p.name.as_str(), p.affiliation.as_deref()))
        .collect();
    assert_eq!(
        people,
        [
            ("Marie Olsson", Some("Östersunds kommun")),
            ("Tomas Berglund", Some("Region Jämtland Härjedalen"))
        ]
    );
}

#[test]
fn initials_in_the_attendance_list_stand_for_the_names_of_a_legend() {
    let s = structure(
        "# Styrelsemöte 2025-09-10\n\nNärvarande: AB, CL\nFrånvarande: FS\n\n\
         AB = Anna Berglund (ordförande), CL = Carl Lind (sekreterare), FS = Fatima Said, \
         ER = Emil Rask (frånvaro)\n\n\
         ## 1. Ekonomi\nKassören redogjorde för läget.\n\n## 2. Övrigt\nInget.\n",
    );
    let people: Vec<_> = s
        .participants
        .iter()
        .map(|p| (p.name.as_str(), p.role.as_deref(), p.attendance.as_str()))
        .collect();
    assert_eq!(
        people,
        [
            ("Anna Berglund", Some("ordförande"), "present"),
            ("Carl Lind", Some("sekreterare"), "present"),
            ("Fatima Said", None, "absent"),
            ("Emil Rask", None, "absent"),
        ]
    );
}

#[test]
fn an_honorific_is_no_part_of_the_name() {
    let s = structure(
        "Minutes 2025-09-10\n\nAttendees: Dr. Helen Moore, Jens Olsen\n\n1. Opening\nThe meeting was opened.\n2. Other\nNone.\n",
    );
    let names: Vec<_> = s.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Helen Moore", "Jens Olsen"]);
}

#[test]
fn long_numbered_list_entries_with_a_short_head_are_items() {
    // A PDF reader gives "4. Ekonomi. Inga-Lill redogjorde …" as an ordered
    // list: the entry's head is its title, the rest its text.
    let para = |t: &str| body_block(t, Span::default());
    let entries = [
        "Mötets öppnande. Birgitta hälsade välkommen och öppnade mötet.",
        "Dagordning",
        "Ekonomi. Inga-Lill redogjorde för kassan. Årsavgiften för 2026 föreslås vara oförändrad.",
        "Årsmötet. Årsmötet hålls den 27 februari. Sten beställer smörgåstårta till 60 personer.",
    ];
    let list = minutes_model::List {
        ordered: true,
        items: entries
            .iter()
            .enumerate()
            .map(|(i, t)| minutes_model::ListItem {
                label: Some(format!("{}.", i + 1)),
                level: 0,
                blocks: vec![para(t)],
            })
            .collect(),
    };
    let s = find(&Document {
        blocks: vec![
            para("Styrelsemöte 2025-02-06"),
            Block {
                kind: BlockKind::List(list),
                span: Span::default(),
            },
        ],
        ..Document::default()
    });
    let titles: Vec<&str> = s.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Mötets öppnande", "Dagordning", "Ekonomi", "Årsmötet"]
    );
}

#[test]
fn a_line_listing_dates_under_coming_meetings_gives_each() {
    let s = structure(
        "Datum: 2025-11-12\n\n1. Inledning\n\nText.\n\n2. Kommande möten\n\nStyrelsemöten 14 januari 2026 och 11 februari 2026. Årsmöte 4 mars 2026.\n\n3. Avslutning\n\nTack.\n",
    );
    let dates: Vec<String> = s.next_meetings.iter().map(|m| m.date.to_string()).collect();
    assert_eq!(dates, ["2026-01-14", "2026-02-11", "2026-03-04"]);
    let s = structure(
        "Datum: 2025-03-04\n\n1. Inledning\n\nText.\n\n2. Kommande möten 2025\n\n3 juni, 16 september och 2 december, samtliga kl 13.30.\n",
    );
    let dates: Vec<String> = s.next_meetings.iter().map(|m| m.date.to_string()).collect();
    assert_eq!(dates, ["2025-06-03", "2025-09-16", "2025-12-02"]);
}

#[test]
fn a_long_numbered_point_with_a_short_head_is_an_item() {
    let long = "Slåttern på ängen blev försenad på grund av regn. Ingegerd Falk fick i uppdrag att samla ihop frivilliga till räfsning den 20 september, och alla hjälps åt med krattor.";
    let s = structure(&format!(
        "Styrelsemöte 2025-09-08\n\n§ 1 Öppnande. Ordföranden öppnade mötet.\n\n§ 2 Slåtter och höstarbete. {long}\n\n§ 3 Avslutning. Ordföranden avslutade mötet.\n"
    ));
    let titles: Vec<&str> = s.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["Öppnande", "Slåtter och höstarbete", "Avslutning"]);
}

#[test]
fn a_lettered_sub_point_with_a_head_of_its_own_is_one_however_long() {
    let s = structure(
        "Styrelsemöte 2025-02-04\n\n§1 Öppnande\n\nText.\n\n§2 Rapporter\na) Ordförande: Alva har varit på kårens ordföranderåd. Kåren ser över fördelningen av sektionsbidrag.\nb) Kassör: Ella meddelar att sittningen i februari gick med 2 300 kr i förlust, vilket styrelsen noterar.\n\n§3 Avslutning\n\nTack.\n",
    );
    let got: Vec<(Option<&str>, &str)> = s
        .items
        .iter()
        .map(|i| (i.number.as_deref(), i.title.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (Some("1"), "Öppnande"),
            (Some("2"), "Rapporter"),
            (Some("2a"), "Ordförande"),
            (Some("2b"), "Kassör"),
            (Some("3"), "Avslutning"),
        ]
    );
}

#[test]
fn an_attached_roll_is_the_attendance_list() {
    let s = structure(
        "# Protokoll fört vid extra föreningsstämma 2025-03-20\n\nNärvarande: se bilaga 1\n\n## § 1 Öppnande\n\nStämman öppnades.\n\n## § 2 Avslutning\n\nStämman avslutades.\n\n## Bilaga 1 Röstlängd\n\n| Lgh nr | Namn | Röst |\n|---|---|---|\n| 1001 | Oskar Nyström | 1 |\n| 1002 | Britt Marklund | 1 |\n",
    );
    let names: Vec<&str> = s.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Oskar Nyström", "Britt Marklund"]);
    assert_eq!(s.items.len(), 2);
}

#[test]
fn a_sentence_lists_people_with_their_titles_before_them() {
    let s = structure(
        "Anteckningar från skolrådet 2025-10-14\n\nVid mötet deltog rektor Anneli Forsberg, biträdande rektor Jamal Osman samt föräldrarepresentanterna Mikael Sand (ordförande) och Rebecka Tall. Rebecka Tall deltog digitalt.\n\n1. Trafiken\n\nText.\n\n2. Övrigt\n\nInget.\n",
    );
    let people: Vec<_> = s
        .participants
        .iter()
        .map(|p| (p.name.as_str(), p.title.as_deref(), p.role.as_deref()))
        .collect();
    assert_eq!(
        people,
        [
            ("Anneli Forsberg", Some("rektor"), None),
            ("Jamal Osman", Some("biträdande rektor"), None),
            (
                "Mikael Sand",
                Some("föräldrarepresentanterna"),
                Some("ordförande")
            ),
            ("Rebecka Tall", None, None),
        ]
    );
}

#[test]
fn first_names_present_are_the_called_people_who_have_them() {
    let s = structure(
        "# Ledarmöte 2026-01-20\n\nKallade:\n\nJonna Lilja\n\nOskar Bäck\n\nViktor Ström\n\nNärvarande: Jonna, Oskar\n\n1. Terminsplan\n\nText.\n\n2. Övrigt\n\nInget.\n",
    );
    let people = attendance(&s);
    assert_eq!(
        people,
        [
            ("Jonna Lilja", "present"),
            ("Oskar Bäck", "present"),
            ("Viktor Ström", "absent")
        ]
    );
}

#[test]
fn an_attendance_list_closed_by_a_full_stop_is_read_before_the_sentence_after_it() {
    let people = |text: &str| -> Vec<(String, String)> {
        structure(&format!(
            "Protokoll styrelsemöte 2024-03-05\n\n{text}\n\n1. Öppnande\nMötet öppnades.\n\n2. Avslutning\nMötet avslutades.\n"
        ))
        .participants
        .iter()
        .map(|p| (p.name.clone(), p.attendance.clone()))
        .collect()
    };
    let names = |v: Vec<(String, String)>| v.into_iter().map(|(n, _)| n).collect::<Vec<_>>();
    assert_eq!(
        names(people(
            "Närvarande: Anna Berg, Bo Ek, Cilla Ny. Mötet var beslutsmässigt."
        )),
        ["Anna Berg", "Bo Ek", "Cilla Ny"]
    );
    assert_eq!(
        people("Närvarande: Anna Berg, Bo Ek. Frånvarande Cilla Ny"),
        [
            ("Anna Berg".to_string(), "present".to_string()),
            ("Bo Ek".to_string(), "present".to_string()),
            ("Cilla Ny".to_string(), "absent".to_string())
        ]
    );
    assert_eq!(
        names(people("Närvarande: Styrelsen. Anna Berg, Bo Ek")),
        ["Anna Berg", "Bo Ek"]
    );
}

#[test]
fn a_numbered_head_with_a_short_answer_after_its_colon_is_titled_by_the_head() {
    let s = structure(
        "Protokoll styrelsemöte 2024-03-05\n\nNärvarande: Anna Berg, Bo Ek\n\n1. Mötets öppnande\n\n2. Val av justerare: Bo Ek\n\n3. Ekonomi: Kassören redovisade läget.\n\n4. Avslutning\n",
    );
    let titles: Vec<&str> = s.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Mötets öppnande",
            "Val av justerare",
            "Ekonomi",
            "Avslutning"
        ]
    );
    // The whole line stays the item's text, where the election is read.
    assert!(
        s.items[1]
            .units
            .iter()
            .any(|u| u.text.contains("Val av justerare: Bo Ek"))
    );
}

#[test]
fn a_letter_under_the_number_it_names_is_a_point_however_long() {
    let s = structure(
        "Protokoll styrelsemöte 2024-03-05\n\nNärvarande: Anna Berg, Bo Ek\n\n1. Ordföranden förklarade mötet öppnat.\n\n2. Dagordningen godkändes.\n\n2a. Då sekreteraren ej är närvarande valdes Bo Ek till sekreterare för mötet.\n\n3. Mötet avslutades.\n",
    );
    let numbers: Vec<&str> = s.items.iter().filter_map(|i| i.number.as_deref()).collect();
    assert_eq!(numbers, ["1", "2", "2a", "3"]);
}

#[test]
fn a_role_heading_among_the_reports_is_an_item() {
    let s = structure(
        "# Styrelsemöte 2024-03-04\n\nNärvarande: Anna Berg, Bo Ek\n\n## Rapporter\n\n### Ordförande\n\nAnna rapporterade om läget.\n\n### Mötessekreterare\n\nInget att rapportera.\n\n## Avslutning\n\nMötet avslutades.\n",
    );
    let titles: Vec<&str> = s.items.iter().map(|i| i.title.as_str()).collect();
    assert!(titles.contains(&"Mötessekreterare"), "{titles:?}");
    let names: Vec<&str> = s.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Anna Berg", "Bo Ek"]);
}

#[test]
fn a_tracker_of_matters_with_a_status_column_is_a_task_table() {
    let s = structure(
        "# Veckomöte 2025-03-03\n\nNärvarande: Robin Ståhl, Johanna Kvist\n\n## 1. Pågående ärenden\n\n| När | Ärende | Vem | Status |\n|---|---|---|---|\n| fre 7/3 | Byta certifikat på intranätet | Robin | pågår |\n| v. 12 | Inventera licenser | Johanna | ej påbörjad |\n\n## 2. Övrigt\n\nInget.\n",
    );
    let tasks: Vec<(&str, Option<&str>)> = s.items[0]
        .units
        .iter()
        .filter_map(|u| {
            u.task
                .as_ref()
                .map(|t| (u.text.as_str(), t.owner.as_deref()))
        })
        .collect();
    assert_eq!(
        tasks,
        [
            ("Byta certifikat på intranätet", Some("Robin")),
            ("Inventera licenser", Some("Johanna"))
        ]
    );
}

#[test]
fn a_site_meetings_row_of_notes_is_titled_by_its_first_sentence_and_keeps_its_owner_and_date() {
    let s = structure(
        "# Byggmöte 4 2025-09-16\n\n| Punkt | Noteringar | Ansv | Klart |\n|---|---|---|---|\n| 3.1 | Stomresningen är försenad en vecka. Reviderad tidplan skickas till beställaren. | AG | 2025-09-23 |\n| 3.2 | Slutbesiktning i mars. | | |\n",
    );
    let first = &s.items[0];
    assert_eq!(first.title, "Stomresningen är försenad en vecka");
    assert!(
        first
            .units
            .iter()
            .any(|u| u.text.contains("Reviderad tidplan skickas"))
    );
    assert_eq!(first.responsible.as_deref(), Some("AG"));
    assert_eq!(first.due.as_deref(), Some("2025-09-23"));
}

#[test]
fn names_written_surname_first_before_their_party_keep_their_form() {
    let s = board_minutes(
        "Beslutande: Berg, Anna (S), ordförande; Ek, Bo (M); Lund, Ida (V), tjänstgörande ersättare för Ny, Cilla (V)",
    );
    let people = attendance(&s);
    assert_eq!(
        people,
        [
            ("Berg, Anna", "present"),
            ("Ek, Bo", "present"),
            ("Lund, Ida", "present"),
            ("Ny, Cilla", "absent")
        ]
    );
    assert_eq!(s.participants[0].role.as_deref(), Some("ordförande"));
    // A list of given names with a party is left as it reads.
    let s = board_minutes("Närvarande: Anna Berg (S), Bo Ek (M)");
    let names: Vec<&str> = s.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Anna Berg", "Bo Ek"]);
}

#[test]
fn sentences_after_an_attendance_sentence_say_who_was_away_or_adjoined() {
    let s = board_minutes(
        "Närvarande var Anna Berg (ordf.), Bo Ek och Cilla Ny (sekr.). Dan Ås hade meddelat förhinder. Ungdomsansvarig Eva Ros var adjungerad.",
    );
    let people: Vec<(&str, &str, &str, Option<&str>)> = s
        .participants
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.attendance.as_str(),
                p.group.as_str(),
                p.title.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        people[3..],
        [
            ("Dan Ås", "absent", "member", None),
            ("Eva Ros", "present", "adjunct", Some("ungdomsansvarig"))
        ]
    );
    // "Inte med:" lists the absent.
    let s = board_minutes("Närvarande: Anna Berg, Bo Ek\nInte med: Cilla Ny");
    assert_eq!(s.participants[2].attendance, "absent");
}

#[test]
fn everyone_present_but_the_named_makes_the_called_present() {
    let s = structure(
        "Protokoll arbetsgrupp 2024-03-05\n\nKallade: Anna Berg, Bo Ek, Cilla Ny\nNärvarande: samtliga utom Cilla Ny. Bo Ek deltog digitalt.\n\n1. Öppnande\nMötet öppnades.\n",
    );
    let people = attendance(&s);
    assert_eq!(
        people,
        [
            ("Anna Berg", "present"),
            ("Bo Ek", "present"),
            ("Cilla Ny", "absent")
        ]
    );
}

#[test]
fn a_header_tables_labels_over_their_values_give_the_meeting() {
    let s = structure(
        "# Styrelsemöte\n\n| Datum | Tid | Plats |\n|---|---|---|\n| 2025-08-26 | 18.30–20.50 | Styrelserummet, Solrosgatan 4 B |\n\nNärvarande: Anna Berg, Bo Ek\n\n1. Öppnande\nMötet öppnades.\n",
    );
    let m = &s.meeting;
    assert_eq!(
        (
            m.date.as_ref().map(|d| d.to_string()),
            m.start_time.as_deref(),
            m.location.as_deref()
        ),
        (
            Some("2025-08-26".to_string()),
            Some("18:30"),
            Some("Styrelserummet, Solrosgatan 4 B")
        )
    );
}

#[test]
fn a_place_after_the_hour_keeps_its_street_address() {
    let s = structure(
        "Protokoll fört vid extra föreningsstämma\nTisdagen den 4 november 2025 kl. 19.00 i Ekbackens fritidslokal, Ekbacksvägen 22\n\n§ 1 Stämmans öppnande\nStämman öppnades.\n",
    );
    assert_eq!(
        s.meeting.location.as_deref(),
        Some("Ekbackens fritidslokal, Ekbacksvägen 22")
    );
    // A comma before what is no street ends the place.
    let s = structure(
        "Protokoll fört vid extra föreningsstämma\nTisdagen den 4 november 2025 kl. 19.00 i Ekbackens fritidslokal, Anna Berg ordförande\n\n§ 1 Stämmans öppnande\nStämman öppnades.\n",
    );
    assert_eq!(
        s.meeting.location.as_deref(),
        Some("Ekbackens fritidslokal")
    );
}

#[test]
fn the_called_not_listed_absent_came_when_no_one_is_listed_present() {
    let s = structure(
        "Protokoll styrelsemöte 2024-03-05\n\nKallade: Anna Berg, Bo Ek, Cilla Ny\nFrånvarande: Cilla Ny\n\n1. Öppnande\nMötet öppnades.\n\n2. Avslutning\nMötet avslutades.\n",
    );
    let people = attendance(&s);
    assert_eq!(
        people,
        [
            ("Anna Berg", "present"),
            ("Bo Ek", "present"),
            ("Cilla Ny", "absent")
        ]
    );
}

#[test]
fn a_bullet_alone_over_a_paragraph_is_a_topic() {
    let s = structure(
        "APT Förskolan Myran 2026-03-04\n\nDeltagare: Anna, Lisa, Sevda\n\n* Likabehandlingsplanen\nDen nya planen är utskickad. Alla läser igenom den.\n\n* Utflykt till Naturum\nSevda planerar utflykten.\n\n* Övrigt\nVi beslutade att köra fruktstund kl. 9.30.\n",
    );
    let titles: Vec<&str> = s.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Likabehandlingsplanen", "Utflykt till Naturum", "Övrigt"]
    );
}

#[test]
fn an_attendance_sentence_ends_after_a_bracket() {
    let s = structure(
        "Protokoll styrelsemöte 2025-09-03\n\n§ 1 Närvaro\nNärvarande var Malin Ek (ordf.), Robert Sjö, Hanna Lund och Stina Frost (sekr.). Lars Moberg hade meddelat förhinder.\n\n§ 2 Dagordning\nText.\n",
    );
    let names: Vec<&str> = s.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names[..4],
        ["Malin Ek", "Robert Sjö", "Hanna Lund", "Stina Frost"]
    );
}

#[test]
fn a_short_sentence_reporting_an_outcome_in_the_present_passive_is_read() {
    assert_eq!(
        headless_paragraph("Dagordning godkänns."),
        Some((
            "Dagordning godkänns.".to_string(),
            "Dagordning godkänns.".to_string()
        ))
    );
    // An agenda line, without a verb or a full stop, stays a heading.
    assert_eq!(headless_paragraph("Dagordningens godkännande"), None);
    assert_eq!(headless_paragraph("Dagordning godkänns"), None);
}

#[test]
fn a_heading_run_into_its_points_text_ends_where_the_text_begins() {
    let pair = |h: &str, t: &str| Some((h.to_string(), t.to_string()));
    // The text echoes the heading's first word.
    assert_eq!(
        headless_paragraph(
            "Föredragningslista Föredragningslistan kompletterades med övriga frågor."
        ),
        pair(
            "Föredragningslista",
            "Föredragningslistan kompletterades med övriga frågor."
        )
    );
    assert_eq!(
        headless_paragraph("Upprop Upprop Närvarande ledamöter antecknades."),
        pair("Upprop", "Upprop Närvarande ledamöter antecknades.")
    );
    // The decision column's clause opens with its infinitive.
    assert_eq!(
        headless_paragraph("Val av sekreterare välja Anna Berg att föra protokoll under mötet"),
        pair(
            "Val av sekreterare",
            "välja Anna Berg att föra protokoll under mötet"
        )
    );
    // A subject and its verb open the text.
    assert_eq!(
        run_in_head("Val av ordförande Mötet beslutade att välja Carl Berg till ordförande"),
        Some((
            "Val av ordförande",
            "Mötet beslutade att välja Carl Berg till ordförande"
        ))
    );
    assert_eq!(
        run_in_head("Val av justerare Bo Ek valdes till justerare."),
        Some(("Val av justerare", "Bo Ek valdes till justerare."))
    );
    assert!(definite_subject("Kassören"));
    assert_eq!(
        run_in_head("Ekonomi Kassören redogjorde för budgeten."),
        Some(("Ekonomi", "Kassören redogjorde för budgeten."))
    );
    // A sentence, a name going on, a genitive: no heading.
    for t in [
        "Föregående mötesprotokoll kunde inte justeras då Göran ej var närvarande.",
        "Valberedningen, Anita Manskog och Marie Louise Humble valdes om.",
        "Göteborgs Stad ska teckna avtal med Västtrafik.",
        "Anna Holmgren redogjorde för budgeten.",
    ] {
        assert_eq!(run_in_head(t), None, "{t}");
    }
    // An infinitive its sentence governs is no clause of its own.
    assert_eq!(
        run_in_head("Anmälan av länsstyrelsens beslut att utse Maja Berg till ersättare"),
        None
    );
}

#[test]
fn a_short_first_line_broken_off_inside_a_paragraph_heads_it() {
    // Word's Shift+Enter in a numbered list: "3. Övning⏎Länsstyrelsen …".
    assert_eq!(
        headless_paragraph(
            "Övning Vinterstorm 2026\nLänsstyrelsen planerar en regional övning i februari."
        ),
        Some((
            "Övning Vinterstorm 2026".to_string(),
            "Länsstyrelsen planerar en regional övning i februari.".to_string()
        ))
    );
}

#[test]
fn a_numbered_sentence_stating_what_is_or_will_be_stays_the_items_text() {
    // "10. Nästa möte blir den 7 februari.": a statement, read by the rules
    // and the coming-meeting finder, not a heading with a full stop.
    let s = structure(
        "Protokoll 2013-01-17\n\n1. Dagordningen godkändes.\n\n2. Nästa möte blir den 7 februari kl. 19.00 i biblioteket.\n",
    );
    assert_eq!(s.items.len(), 2);
    assert_eq!(
        s.items[1].title,
        "Nästa möte blir den 7 februari kl. 19.00 i biblioteket"
    );
    assert_eq!(s.items[1].units.len(), 1);
    assert_eq!(
        s.next_meetings.first().map(|m| m.date.to_string()),
        Some("2013-02-07".to_string())
    );
}

#[test]
fn a_numbered_sentence_reporting_what_was_done_stays_the_items_text() {
    let s = structure(
        "Protokoll årsmöte 2025-03-01\n\n1. Mötets öppnande\nOrdföranden öppnade mötet.\n\n2. Formalia\na) Mötet godkände dagordningen.\nb) Kallelsen godkändes.\n\n3. Planera nästa möte, boka också.\n",
    );
    let texts: Vec<(String, usize)> = s
        .items
        .iter()
        .map(|i| (i.title.clone(), i.units.len()))
        .collect();
    assert_eq!(
        texts[2..],
        [
            ("Mötet godkände dagordningen".to_string(), 1),
            ("Kallelsen godkändes".to_string(), 1),
            ("Planera nästa möte, boka också".to_string(), 0),
        ]
    );
}

#[test]
fn the_group_named_in_full_under_its_kind_is_the_body() {
    let s = structure(
        "SKOLVERKET\nMinnesanteckningar referensgruppsmöte\nReferensgruppen för digitala nationella prov\n\nDatum: 2026-03-04\n\n1. Inledning\nText.\n",
    );
    assert_eq!(
        s.meeting.body.as_deref(),
        Some("Referensgruppen för digitala nationella prov")
    );
}

#[test]
fn an_agency_named_as_a_board_is_the_organisation() {
    let s = structure(
        "Socialstyrelsen\n\nMINNESANTECKNINGAR\nReferensgrupp för nationella riktlinjer\n\nDatum: 2026-02-11\n\n1. Inledning\nText.\n",
    );
    assert_eq!(s.meeting.organization.as_deref(), Some("Socialstyrelsen"));
    assert_ne!(s.meeting.body.as_deref(), Some("Socialstyrelsen"));
    let s = structure(
        "# Minnesanteckningar – nätverksträff\n\n**Arrangör:** Myndigheten för digital förvaltning (Digg)\n**Datum:** 2026-01-27\n\n## 1. Inledning\nText.\n",
    );
    assert_eq!(
        s.meeting.organization.as_deref(),
        Some("Myndigheten för digital förvaltning (Digg)")
    );
}

#[test]
fn headings_of_coming_meetings_of_any_kind() {
    for h in [
        "Nästa stormöte",
        "## Kommande träffar",
        "Next board meeting:",
        "Nästa ordinarie föreningsstämma",
    ] {
        assert!(next_meetings_heading(h), "{h}");
    }
    for h in ["Nästa steg", "Kommande aktiviteter", "Mötets avslutande"] {
        assert!(!next_meetings_heading(h), "{h}");
    }
}

#[test]
fn a_headless_point_of_several_sentences_is_titled_by_its_first() {
    let s = structure(
        "Annual general meeting 2025-03-01\n\n1. Opening\nThe chair opened the meeting.\n\n2. Motions\n2.1 Motion from Kim to move the forum. After discussion the meeting decided to reject the motion.\n2.2 Motion from Reza to publish the minutes. The meeting decided to approve the motion.\n\n3. Closing\nThe chair closed the meeting.\n",
    );
    let it = s
        .items
        .iter()
        .find(|i| i.number.as_deref() == Some("2.1"))
        .expect("2.1");
    assert_eq!(it.title, "Motion from Kim to move the forum");
    assert!(
        it.units
            .iter()
            .any(|u| u.text.contains("decided to reject"))
    );
}

#[test]
fn attendance_lists_side_by_side_under_their_headings() {
    let s = structure(
        "Protokoll nämnden 2026-03-19\n\nLedamöter\tErsättare\nAnders Wahlgren (S), ordförande\tKerstin Moberg (S), ej tjänstgörande\nEva Löfgren (S), frånvarande\tNiklas Berg (KD), ej tjänstgörande\nMargareta Fält (C)\nÖvriga närvarande Annika Malm, direktör\n\n§ 31 Val av justerare\nText.\n",
    );
    let got: Vec<(&str, &str, &str)> = s
        .participants
        .iter()
        .map(|p| (p.name.as_str(), p.group.as_str(), p.attendance.as_str()))
        .collect();
    for want in [
        ("Anders Wahlgren", "member", "present"),
        ("Kerstin Moberg", "adjunct", "present"),
        ("Eva Löfgren", "member", "absent"),
        ("Niklas Berg", "adjunct", "present"),
        ("Margareta Fält", "member", "present"),
        ("Annika Malm", "guest", "present"),
    ] {
        assert!(got.contains(&want), "{want:?} in {got:?}");
    }
}

#[test]
fn people_attending_after_a_short_phrase() {
    let s = structure(
        "Minnesanteckningar brukarrådet 2025-05-21\n\nFrån funktionshinderrörelsen deltog Annika Furberg (Funktionsrätt Sverige), Göran Hedlund (DHR) och Yasmin Farah (FUB).\n\n1. Inledning\nUlf Bäckström (jurist) deltog under punkt 3.\n",
    );
    let names: Vec<&str> = s.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Annika Furberg", "Göran Hedlund", "Yasmin Farah"]);
}

#[test]
fn a_table_of_attendance_lists_side_by_side() {
    let para = |t: &str| body_block(t, Span::default());
    let cell = |lines: &[&str]| Cell::new(lines.iter().map(|l| para(l)).collect());
    let table = Block {
        kind: BlockKind::Table(Table {
            rows: vec![
                Row {
                    cells: vec![cell(&["Närvarande"]), cell(&["Frånvarande"])],
                    header: true,
                },
                Row {
                    cells: vec![
                        cell(&[
                            "Ingrid Malmberg, ordförande Dejan Petrović, vice ordförande Hussein Ali, sekreterare",
                            "Rami Haddad, kassör",
                        ]),
                        cell(&["Maja Ek, ledamot"]),
                    ],
                    header: false,
                },
            ],
        }),
        span: Span::default(),
    };
    let doc = Document {
        blocks: vec![para("Styrelsemöte 2025-09-08"), table, para("1. Öppnande")],
        ..Document::default()
    };
    let s = find(&doc);
    let got: Vec<(&str, Option<&str>, &str)> = s
        .participants
        .iter()
        .map(|p| (p.name.as_str(), p.role.as_deref(), p.attendance.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("Ingrid Malmberg", Some("ordförande"), "present"),
            ("Dejan Petrović", Some("vice ordförande"), "present"),
            ("Hussein Ali", Some("sekreterare"), "present"),
            ("Rami Haddad", None, "present"),
            ("Maja Ek", None, "absent"),
        ]
    );
}

#[test]
fn the_meeting_after_the_next_one() {
    let s = structure(
        "Minnesanteckningar 2026-02-12\n\n1. Inledning\nText.\n\n2. Övriga frågor och nästa möte\nInga övriga frågor. Nästa möte hålls den 7 maj 2026 kl. 09.30 i Borlänge. Därefter möts gruppen den 8 oktober 2026.\n",
    );
    let dates: Vec<String> = s.next_meetings.iter().map(|m| m.date.to_string()).collect();
    assert_eq!(dates, ["2026-05-07", "2026-10-08"]);
}

#[test]
fn dates_listed_with_their_weekdays_and_hours() {
    let s = structure(
        "Protokoll styrelsemöte 2025-08-26\n\n§ 1 Öppnande\nText.\n\n§ 2 Nästa möte\nTisdag 30 september kl. 18:30. Budgetmöte tisdag 21 oktober kl. 18:30.\n",
    );
    let dates: Vec<String> = s.next_meetings.iter().map(|m| m.date.to_string()).collect();
    assert_eq!(dates, ["2025-09-30", "2025-10-21"]);
}

#[test]
fn a_proposal_of_meeting_dates_lists_the_coming_meetings() {
    let s = structure(
        "Protokoll socialnämnden 2025-10-22\n\n§ 95 Öppnande\nText.\n\n§ 96 Sammanträdestider 2026\nFörslag till sammanträdestider för 2026: 21 januari, 18 februari och 25 mars.\nSocialnämnden fastställer sammanträdestiderna för 2026.\n",
    );
    let dates: Vec<String> = s.next_meetings.iter().map(|m| m.date.to_string()).collect();
    assert_eq!(dates, ["2026-01-21", "2026-02-18", "2026-03-25"]);
}

#[test]
fn an_agenda_table_with_a_decision_column() {
    let para = |t: &str| body_block(t, Span::default());
    let row = |cells: &[&str], header: bool| Row {
        cells: cells.iter().map(|c| Cell::new(vec![para(c)])).collect(),
        header,
    };
    let table = Block {
        kind: BlockKind::Table(Table {
            rows: vec![
                row(&["§", "Ärende", "Beslut"], true),
                row(
                    &[
                        "58",
                        "Val av justerare",
                        "Malin Carlsson utses att justera protokollet.",
                    ],
                    false,
                ),
                row(
                    &["59", "Dagordning", "Dagordningen godkänns med tillägg."],
                    false,
                ),
                row(
                    &[
                        "60",
                        "Ekonomisk uppföljning",
                        "Uppföljningen läggs till handlingarna.",
                    ],
                    false,
                ),
            ],
        }),
        span: Span::default(),
    };
    let doc = Document {
        blocks: vec![para("Arbetsutskottet protokoll 2025-06-10"), table],
        ..Document::default()
    };
    let s = find(&doc);
    assert_eq!(
        titles(&s),
        [
            (Some("58".into()), "Val av justerare".into()),
            (Some("59".into()), "Dagordning".into()),
            (Some("60".into()), "Ekonomisk uppföljning".into()),
        ]
    );
}

#[test]
fn the_day_the_minutes_were_adjusted_is_not_the_meetings() {
    let s = structure(
        "Kultur- och fritidsnämnden\nProtokoll\n\nDatum: 2026-02-24\nPlats och tid: Stadshuset, kl. 09.00–12.30\nJusteringsdatum: 2026-02-20\n\n§ 7 Val av justerare\nText.\n",
    );
    assert_eq!(s.meeting.date.as_deref(), Some("2026-02-24"));
    let s = structure(
        "Kultur- och fritidsnämnden\nProtokoll\n\nPlats och tid: Stadshuset, kl. 09.00–12.30\nJusteringsdatum: 2026-03-02\n\n§ 7 Val av justerare\nText.\n",
    );
    assert_eq!(s.meeting.date, None);
}

#[test]
fn a_dated_title_that_became_an_item_still_dates_the_meeting() {
    // "# Möte 2023-02-07" over an outline of headings: the title is the
    // first item, and the header before it is empty.
    let heading = |t: &str| {
        let mut p = Paragraph::new(Role::Heading(1));
        p.push(t, Style::default(), None);
        Block::paragraph(p, Span::default())
    };
    let doc = Document {
        source: Default::default(),
        blocks: vec![
            heading("Möte 2023-02-07"),
            heading("Plats"),
            body_block("Styrelserummet", Span::default()),
            heading("Rapporter"),
            body_block("Inga rapporter", Span::default()),
        ],
        furniture: Vec::new(),
        notes: Vec::new(),
        diagnostics: Vec::new(),
    };
    let s = find(&doc);
    assert_eq!(s.meeting.date.as_deref(), Some("2023-02-07"));
}

#[test]
fn a_long_lettered_point_after_titled_sub_points_is_one_of_them() {
    let s = structure(
        "Protokoll 2013-05-16\n\n1. Mötets öppnande\n\n2. Övriga frågor\n\na.) Utbilda ny domare\nHesse kollar reglerna.\n\nb.) Informationstavla\nMicke kollar upp det.\n\nc.) Plats för klubbskärmar finns i friggeboden om 15 m2 som ska byggas där huset placeras, meddelade Lars.\n\nd.) Styrelsen beslutade att be förbundet sköta det löpande arbetet med förnyelser.\n",
    );
    let numbers: Vec<_> = s.items.iter().filter_map(|i| i.number.clone()).collect();
    assert_eq!(numbers, ["1", "2", "2a", "2b", "2c", "2d"]);
}

#[test]
fn a_numbered_passive_report_without_its_full_stop_is_read() {
    let s = structure(
        "Protokoll 2009-06-30\n\n§ 1/ Mötet öppnas.\n\n§ 2/ Till justerare valdes Henry\n\n§ 3/ Val av sekreterare\n\n§ 4/ Dagordningen godkändes\n\n§ 5/ Val av mötes ordförande och sekreterare\n",
    );
    let read: Vec<_> = s.items.iter().map(|i| i.units.len()).collect();
    assert_eq!(read, [1, 1, 0, 1, 0]);
}

#[test]
fn a_numbered_sentence_about_someone_present_is_read() {
    let s = structure(
        "Protokoll 2009-06-30\n\nNärvarande: Inga, Henry och Stig.\n\n§ 1/ Mötet öppnas.\n\n§ 2/ Henry köper in saft och kakor till besökare.\n\n§ 3/ Inga Lunds avtackning.\n",
    );
    let read: Vec<_> = s.items.iter().map(|i| i.units.len()).collect();
    assert_eq!(read, [1, 1, 0]);
}

#[test]
fn a_second_list_under_its_own_heading_on_a_list_line() {
    let s = structure(
        "Protokoll styrelsemöte 2012-01-19\n\nNärvarande\n\nPercy Olausson, John Fridolfsson, Lena Svensson. Inbjuden: Christina Ekström Karlsson.\n\n1. Mötet öppnas.\n\n2. Avslutning.\n",
    );
    let got: Vec<_> = s
        .participants
        .iter()
        .map(|p| (p.name.as_str(), p.group.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("Percy Olausson", "member"),
            ("John Fridolfsson", "member"),
            ("Lena Svensson", "member"),
            ("Christina Ekström Karlsson", "guest")
        ]
    );
}

#[test]
fn a_meeting_of_some_kind_set_for_a_date_is_a_coming_meeting() {
    let s = structure(
        "Protokoll 2013-01-17\n\n1. Datum för årsmöte är satt till den 7:e mars kl 19, b-salen.\n\n2. Övrigt\nÅrsmötet blir söndag 12 februari kl.15.00 i missionkyrkan. Årsmötet hålls den 20 mars.\n",
    );
    let dates: Vec<_> = s.next_meetings.iter().map(|m| m.date.to_string()).collect();
    assert_eq!(dates, ["2013-02-12", "2013-03-07"]);
    // Words between the meeting and what sets it; a day more than half a
    // year on is this year's, not last year's.
    let s = structure(
        "Protokoll 2013-03-05\n\n1. Övrigt\nPlaneringsmötet inför sommaren blir 2 april. Höstmötet blir den 14 oktober.\n",
    );
    let dates: Vec<_> = s.next_meetings.iter().map(|m| m.date.to_string()).collect();
    assert_eq!(dates, ["2013-04-02", "2013-10-14"]);
}

#[test]
fn an_agenda_title_over_minutes_that_say_who_was_there_is_minutes() {
    let s = structure(
        "Dagordning Styrelsemöte 19/7 -20\nNärvarande: Anne, Ida, Sandra och Hanna\n\n1. Mötet öppnas\n– Ordförande Anne öppnar mötet\n2. Aktiviteter\n– Anne kontaktar Kia och Henrik.\n",
    );
    assert_eq!(s.meeting.document_type.as_deref(), Some("minutes"));
    // An agenda that lists who is called stays one.
    let s = structure(
        "Dagordning styrelsemöte 2020-07-19\nKallade: Anne Berg, Ida Ek\n\n1. Mötet öppnas\n2. Aktiviteter\n",
    );
    assert_eq!(s.meeting.document_type.as_deref(), Some("agenda"));
}

#[test]
fn one_first_name_under_a_heading_in_minutes_that_use_first_names() {
    let s = structure(
        "Protokoll 2009-06-30\n\nNärvarande: Inga, Jonny, Henry och Stig.\n\nAnmält förhinder: Marie\n\nLikabehandlingsplanen\n\n§ 1/ Mötet öppnas.\n\n§ 2/ Avslutning.\n",
    );
    let got = attendance(&s);
    assert_eq!(got.last(), Some(&("Marie", "absent")));
    assert!(!got.iter().any(|(n, _)| *n == "Likabehandlingsplanen"));
}

#[test]
fn a_paragraph_sign_alone_takes_a_next_meeting_heading_as_its_title() {
    let s = structure(
        "Protokoll 2009-08-23\n\n§ 1\nMötets öppnande\nGöran hälsade välkommen.\n\n§ 2\nNästa möte\nSöndagen den 25 oktober kl. 19.00 hos Ulla.\n",
    );
    assert_eq!(s.items.last().map(|i| i.title.as_str()), Some("Nästa möte"));
    assert_eq!(
        s.next_meetings.first().map(|m| m.date.to_string()),
        Some("2009-10-25".to_string())
    );
}

#[test]
fn a_dated_next_meeting_line_inside_an_item_leaves_the_text_below_to_it() {
    let s = structure(
        "Protokoll 2008-03-06\n\n§ 6. Triathlon 2008\nInget nytt möte.\nNästa möte 12/3.\nMikael Persson bjuds in till nästa möte.\n\n§ 7. Årsmöte\nDatum 24/5.\n",
    );
    let six = s
        .items
        .iter()
        .find(|i| i.title == "Triathlon 2008")
        .expect("item 6");
    assert!(
        six.units
            .iter()
            .any(|u| u.text.contains("Mikael Persson bjuds in"))
    );
    assert_eq!(
        s.next_meetings.first().map(|m| m.date.to_string()),
        Some("2008-03-12".to_string())
    );
}

#[test]
fn posts_that_are_no_roles_label_names_under_role_lines() {
    let s = board_minutes(
        "Närvarande\nOrdförande: Anna Berg\nSekreterare: Bo Ek\nKassör: Cecilia Lund\nLedamot: David Holm\nAnmäld frånvaro: Erik Ström",
    );
    let got: Vec<(&str, Option<&str>, Option<&str>, &str)> = s
        .participants
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.role.as_deref(),
                p.title.as_deref(),
                p.attendance.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("Anna Berg", Some("ordförande"), None, "present"),
            ("Bo Ek", Some("sekreterare"), None, "present"),
            ("Cecilia Lund", None, Some("kassör"), "present"),
            ("David Holm", None, Some("ledamot"), "present"),
            ("Erik Ström", None, None, "absent"),
        ]
    );
}

#[test]
fn a_count_before_the_names_and_a_way_of_taking_part_after_them() {
    let names = |line: &str| {
        board_minutes(line)
            .participants
            .iter()
            .map(|p| (p.name.clone(), p.remote))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names("Närvarande: 3 st (Anna Berg, Bo Ek, Cecilia Lund)"),
        [
            ("Anna Berg".to_string(), false),
            ("Bo Ek".to_string(), false),
            ("Cecilia Lund".to_string(), false)
        ]
    );
    assert_eq!(
        names("Närvarande: Anna Berg, Bo Ek, Cecilia Lund via Teams"),
        [
            ("Anna Berg".to_string(), false),
            ("Bo Ek".to_string(), false),
            ("Cecilia Lund".to_string(), true)
        ]
    );
}

#[test]
fn a_post_in_brackets_is_a_title_and_not_deciding_makes_an_adjunct() {
    let doc = board_minutes(
        "Närvarande: Anna Berg (S), Bo Ek (kassör), Erik Sand (suppleant, ej beslutande)",
    );
    let got: Vec<(&str, Option<&str>, Option<&str>, &str)> = doc
        .participants
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.title.as_deref(),
                p.affiliation.as_deref(),
                p.group.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("Anna Berg", None, Some("S"), "member"),
            ("Bo Ek", Some("kassör"), None, "member"),
            ("Erik Sand", Some("suppleant"), None, "adjunct"),
        ]
    );
}

#[test]
fn an_item_titled_by_the_post_elects_to_it() {
    let doc = structure(
        "Protokoll styrelsemöte 2023-05-01\n\nNärvarande: Anna Berg, Bo Ek, Lukas Ek\n\n1. Mötets öppnande\n\nAnna öppnade mötet.\n\n2. Protokolljusterare\n\nAtt: Lukas Ek är protokolljusterare\n\n3. Mötessekreterare\n\nBo Ek\n",
    );
    let roles = names_and_roles(&doc);
    assert_eq!(
        roles,
        [
            ("Anna Berg", None),
            ("Bo Ek", Some("sekreterare")),
            ("Lukas Ek", Some("justerare"))
        ]
    );
}

#[test]
fn an_election_and_its_names_on_one_numbered_line() {
    let doc = structure(
        "Årsmöte 2020\n\n1. Val av mötesordförande: Erik Lund\n2. Val av sekreterare: Maria Nilsson\n3. Val av justerare: Johan Ek och Lisa Holm\n4. Avslutning\n",
    );
    let roles = names_and_roles(&doc);
    assert_eq!(
        roles,
        [
            ("Erik Lund", Some("ordförande")),
            ("Maria Nilsson", Some("sekreterare")),
            ("Johan Ek", Some("justerare")),
            ("Lisa Holm", Some("justerare"))
        ]
    );
}

#[test]
fn an_english_election_item_and_its_names() {
    let doc = structure(
        "Annual meeting 2020\n\n1. Election of chairman: Erik Lund\n2. Election of secretary: Maria Nilsson\n3. Election of two persons to verify the minutes: Johan Ek and Lisa Holm\n4. Closing\n",
    );
    let roles = names_and_roles(&doc);
    assert_eq!(
        roles,
        [
            ("Erik Lund", Some("ordförande")),
            ("Maria Nilsson", Some("sekreterare")),
            ("Johan Ek", Some("justerare")),
            ("Lisa Holm", Some("justerare"))
        ]
    );
}

#[test]
fn who_came_from_where_and_who_was_absent_in_a_sentence() {
    let people = |line: &str| {
        board_minutes(line)
            .participants
            .iter()
            .map(|p| (p.name.clone(), p.attendance.clone(), p.affiliation.clone()))
            .collect::<Vec<_>>()
    };
    let present = |n: &str| (n.to_string(), "present".to_string(), None);
    let absent = |n: &str| (n.to_string(), "absent".to_string(), None);
    // "från kommunen" after the last name is where that person came from;
    // it no longer hides the list.
    assert_eq!(
        people("Närvarande: Anna Berg, Bo Ek och Pelle Ström från kommunen."),
        [
            present("Anna Berg"),
            present("Bo Ek"),
            (
                "Pelle Ström".to_string(),
                "present".to_string(),
                Some("kommunen".to_string())
            ),
        ]
    );
    // One entry no recogniser knows does not hide the list: a name with an
    // unknown note, a first name alone, an organisation after a person.
    let names = |line: &str| people(line).into_iter().map(|p| p.0).collect::<Vec<_>>();
    for (entry, name) in [
        ("Pelle Ström fr.o.m. § 4", "Pelle Ström"),
        ("Pelle Ström kom 18.30", "Pelle Ström"),
        ("Pelle", "Pelle"),
        ("Pelle Ström – Kommunen", "Pelle Ström"),
    ] {
        assert_eq!(
            names(&format!(
                "Närvarande: Anna Berg, Bo Ek, {entry}, David Holm"
            )),
            ["Anna Berg", "Bo Ek", name, "David Holm"],
            "{entry}"
        );
    }
    assert_eq!(
        people("Närvarande: Anna Berg, Bo Ek, Pelle Ström, Vattenfall AB, David Holm")[2],
        (
            "Pelle Ström".to_string(),
            "present".to_string(),
            Some("Vattenfall AB".to_string())
        )
    );
    // A name and what describes it is one person, not two.
    assert_eq!(
        names("Närvarande: Tobias Lund, IT-arkitekt"),
        ["Tobias Lund"]
    );
    // Handles in lower case, kept as written; lower-case words of a list
    // that are no handles stay out.
    assert_eq!(
        names("Närvarande medlemmar: bjarni, davidk, vol, zeltophil"),
        ["bjarni", "davidk", "vol", "zeltophil"]
    );
    assert!(names("Närvarande: ordinarie, suppleanter, revisor").is_empty());
    // A numbered list of people with their posts is the list, not items.
    let doc = structure(
        "Protokoll styrelsemöte 2023-05-01\n\nNärvarande:\n1. Anna Berg, ordförande\n2. Bo Ek, kassör\n3. Cecilia Lund\n\n§1 Öppnande\n\nMötet öppnades.\n",
    );
    assert_eq!(
        doc.participants
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>(),
        ["Anna Berg", "Bo Ek", "Cecilia Lund"]
    );
    assert_eq!(doc.items.len(), 1);
    // A field of the meeting after the list is no organisation heading
    // people ("Plats: Hos Anna").
    assert_eq!(
        names("Närvarande: Anna Berg, Bo Ek\nPlats: Hos Anna"),
        ["Anna Berg", "Bo Ek"]
    );
    assert_eq!(
        people("Närvarande: Anna Berg, Bo Ek\nFrånvarande var Cecilia Lund och David Holm."),
        [
            present("Anna Berg"),
            present("Bo Ek"),
            absent("Cecilia Lund"),
            absent("David Holm")
        ]
    );
    assert_eq!(
        people("Närvaro: Anna Berg, Bo Ek\nFrånvaro: Cecilia Lund"),
        [
            present("Anna Berg"),
            present("Bo Ek"),
            absent("Cecilia Lund")
        ]
    );
}

#[test]
fn header_forms_of_number_body_owner_and_time() {
    let meeting = |head: &str| {
        structure(&format!(
            "{head}\n\nNärvarande: Anna Berg, Bo Ek\n\n1. Mötets öppnande\n\nOrdföranden öppnade mötet.\n"
        ))
        .meeting
    };
    let m = meeting("Protokoll nr 3/2023, Ekbackens hembygdsförening\nStyrelsemöte 2023-05-01");
    assert_eq!(
        m.organization.as_deref(),
        Some("Ekbackens hembygdsförening")
    );
    let m = meeting("Protokoll från möte med styrelsen för Ekbackens hembygdsförening, 2023-05-01");
    assert_eq!(
        (m.organization.as_deref(), m.body.as_deref()),
        (Some("Ekbackens hembygdsförening"), Some("Styrelsen"))
    );
    let m = meeting("Styrelsemöte\nDatum och tid: 2023-05-01 18.00");
    assert_eq!(m.start_time.as_deref(), Some("18:00"));
    let m = meeting("Styrelsemöte 1 maj 2023, 19:30");
    assert_eq!(m.start_time.as_deref(), Some("19:30"));
}

#[test]
fn a_table_of_names_and_presence_marks_is_one_table_not_lists_side_by_side() {
    let s = board_minutes(
        "| Deltagare | Närvarande | Frånvarande |\n|---|---|---|\n| Anna Berg, ordf. | X | |\n| Bo Ek | X | |\n| Cecilia Lund | | X |",
    );
    let got = attendance(&s);
    assert_eq!(
        got,
        [
            ("Anna Berg", "present"),
            ("Bo Ek", "present"),
            ("Cecilia Lund", "absent")
        ]
    );
}

#[test]
fn numbered_items_then_a_task_section_keep_their_titles_without_numbers() {
    let s = structure(
        "Minutes of the annual meeting of Stockholm Go Club, 1 May 2023\n\nAttendees: Anna Berg, Bo Ek\n\n1. Election of chair\nAnna Berg was elected chair of the meeting.\n\n2. Election of secretary\nBo Ek was elected secretary.\n\n3. Any other business\nNothing.\n\nAction items:\n- Bo: update the website\n",
    );
    let titles: Vec<(Option<&str>, &str)> = s
        .items
        .iter()
        .map(|i| (i.number.as_deref(), i.title.as_str()))
        .collect();
    assert_eq!(
        titles,
        [
            (Some("1"), "Election of chair"),
            (Some("2"), "Election of secretary"),
            (Some("3"), "Any other business"),
            (None, "Action items"),
        ]
    );
}

#[test]
fn a_phrase_of_who_kept_the_minutes_labels_a_listed_name() {
    for line in [
        "Antecknat av: Bo Ek",
        "Protokollet fört av: Bo Ek",
        "Minutes taken by: Bo Ek",
        "Note taker: Bo Ek",
    ] {
        let s = structure(&format!(
            "Protokoll styrelsemöte 2023-05-01\n\nNärvarande: Anna Berg, Bo Ek\n{line}\n\n1. Mötets öppnande\n\nMötet öppnades.\n"
        ));
        let bo = s.participants.iter().find(|p| p.name == "Bo Ek");
        assert_eq!(
            bo.and_then(|p| p.role.as_deref()),
            Some("sekreterare"),
            "{line}"
        );
        assert_eq!(s.participants.len(), 2, "{line}");
    }
}

#[test]
fn a_scraped_page_keeps_its_title_below_its_furniture() {
    // A search box above a title whose date has a two-digit year.
    let s = structure(
        "Skriv in din sökning här\n\nStyrelsemöte 24-05-13\n\nNärvarande: Anna Berg, Bo Ek\n\n1. Öppnande\n\nMötet öppnades.\n",
    );
    assert_eq!(s.meeting.organization, None);
    assert_eq!(s.meeting.body.as_deref(), Some("Styrelsen"));
    assert_eq!(s.meeting.date.as_deref(), Some("2024-05-13"));
    // A sidebar's lists above the title, the date run into its type: the
    // full title outranks the first line and the sidebar's meeting.
    let s = structure(
        "Senaste nytt\n13/5 Vårmöte i klubben\n20/5 Städdag\nKalender\nEkbacksbridgen 2024-05-13PROTOKOLL KONSTITUERANDE STYRELSEMÖTE 2024-05-13\n\nNärvarande: Anna Berg, Bo Ek\n\n1. Mötets öppnande\n\nMötet öppnades.\n",
    );
    assert_eq!(s.meeting.organization.as_deref(), Some("Ekbacksbridgen"));
    assert_eq!(s.meeting.body.as_deref(), Some("Styrelsen"));
    assert_eq!(s.meeting.date.as_deref(), Some("2024-05-13"));
}

#[test]
fn the_meetings_times_from_labels_without_colons_and_opening_sentences() {
    let times = |text: &str| {
        let s = structure(text);
        (s.meeting.start_time, s.meeting.end_time)
    };
    let t = |a: &str, b: Option<&str>| (Some(a.to_string()), b.map(str::to_string));
    let doc = |header: &str, open: &str, close: &str| {
        format!(
            "Protokoll styrelsemöte 2024-05-13\n{header}\n\nNärvarande: Anna Berg, Bo Ek\n\n1. Mötets öppnande\n{open}\n2. Ekonomi\nKassören rapporterade.\n3. Mötets avslutande\n{close}\n"
        )
    };
    assert_eq!(times(&doc("Tid 18:00", "", "")), t("18:00", None));
    assert_eq!(times(&doc("Klockan 19.00", "", "")), t("19:00", None));
    assert_eq!(
        times(&doc("Start: 18.00\nSlut: 20.00", "", "")),
        t("18:00", Some("20:00"))
    );
    assert_eq!(
        times(&doc(
            "",
            "Mötet startade 18:05.",
            "Mötet avslutades ca 21.30."
        )),
        t("18:05", Some("21:30"))
    );
    assert_eq!(
        times(&doc(
            "",
            "Mötet öppnades kl 19",
            "Mötet avslutades kl. 21:30 och ordföranden tackade."
        )),
        t("19:00", Some("21:30"))
    );
    assert_eq!(
        times(&doc(
            "",
            "Kl. 18.30 öppnade ordföranden mötet.",
            "Kl. 20.00 avslutade ordföranden mötet."
        )),
        t("18:30", Some("20:00"))
    );
}

#[test]
fn the_place_from_sentences_services_and_labels_without_colons() {
    let place = |header: &str| {
        structure(&format!(
            "Protokoll styrelsemöte 2024-05-13\n{header}\n\nNärvarande: Anna Berg, Bo Ek\n\n1. Öppnande\nMötet öppnades.\n"
        ))
        .meeting
        .location
    };
    assert_eq!(
        place("Mötet hölls i Folkets hus.").as_deref(),
        Some("Folkets hus")
    );
    assert_eq!(
        place("Vi träffades hemma hos Bo Ek.").as_deref(),
        Some("hemma hos Bo Ek")
    );
    assert_eq!(place("Digitalt möte via Zoom").as_deref(), Some("Zoom"));
    assert_eq!(place("Möte på Teams").as_deref(), Some("Teams"));
    assert_eq!(place("Plats Klubbstugan").as_deref(), Some("Klubbstugan"));
    assert_eq!(
        place("Möteslokal: Klubbstugan").as_deref(),
        Some("Klubbstugan")
    );
    assert_eq!(place("Möte i styrelsen").as_deref(), None);
    let s = structure(
        "Protokoll styrelsemöte\n13 maj 2024 i Klubbstugan\n\n1. Öppnande\nMötet öppnades.\n",
    );
    assert_eq!(s.meeting.location.as_deref(), Some("Klubbstugan"));
}

#[test]
fn an_association_named_once_in_the_genitive_before_its_meeting() {
    let s = structure(
        "Protokoll styrelsemöte 2024-05-13\n\nNärvarande: Anna Berg, Bo Ek\n\n1. Öppnande\nOrdföranden Anna Berg hälsade välkommen till Ekbackens Byalags styrelsemöte.\n",
    );
    assert_eq!(s.meeting.organization.as_deref(), Some("Ekbackens Byalag"));
}

#[test]
fn a_numbered_head_then_a_dash_and_a_sentence_is_titled_by_the_head() {
    let s = structure(
        "Protokoll styrelsemöte 2024-05-13\n\nNärvarande: Anna Berg, Bo Ek\n\n§1 Mötets öppnande – Ordföranden öppnade mötet.\n§2 Ekonomi – Kassören rapporterade.\n§3 Budget – utfall 2024\n",
    );
    let titles: Vec<&str> = s.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Mötets öppnande", "Ekonomi", "Budget – utfall 2024"]
    );
}

#[test]
fn bulleted_attendance_under_group_labels_and_topics_after_it() {
    let names = |text: &str| {
        structure(text)
            .participants
            .into_iter()
            .map(|p| (p.name, p.group))
            .collect::<Vec<_>>()
    };
    let people = [
        ("Anna Berg".to_string(), "member".to_string()),
        ("Bo Ek".to_string(), "member".to_string()),
        ("Cilla Ny".to_string(), "guest".to_string()),
    ];
    let tail = "\n\n1. Öppnande\nMötet öppnades.\n2. Avslutning\nTack.\n";
    assert_eq!(
        names(&format!(
            "Protokoll styrelsemöte 2024-05-13\n\nNärvarande:\n- Styrelsen\n  - Anna Berg\n  - Bo Ek\n- Gäster\n  - Cilla Ny{tail}"
        )),
        people
    );
    assert_eq!(
        names(&format!(
            "Protokoll styrelsemöte 2024-05-13\n\nNärvarande:\n- Styrelsen: Anna Berg, Bo Ek\n- Gäster: Cilla Ny{tail}"
        )),
        people
    );
    // Loose notes: the first topic right after the attendance line is one.
    let s = structure(
        "Protokoll styrelsemöte 2024-05-13\n\nNärvarande: Anna Berg, Bo Ek\n\n- Mötets öppnande\n  - Ordföranden öppnade mötet.\n- Ekonomi\n  - Kassören rapporterade.\n",
    );
    let titles: Vec<&str> = s.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["Mötets öppnande", "Ekonomi"]);
}

#[test]
fn an_undated_minutes_counts_its_days_from_the_date_in_its_files_name() {
    let text = "Protokoll styrelsemöte\n\nNärvarande: Anna Berg, Bo Ek\n\n1. Öppnande\nMötet öppnades.\n2. Nästa möte\nNästa styrelsemöte blir den 2/11 kl. 18.30 via Teams.\n";
    let mut doc = minutes_text::read(text.as_bytes(), &Default::default()).expect("reads");
    doc.source.path = "arkiv/styrelsemote-2023-10-10.txt".to_string();
    let s = find(&doc);
    assert_eq!(s.meeting.date, None);
    let next: Vec<String> = s.next_meetings.iter().map(|n| n.date.to_string()).collect();
    assert_eq!(next, ["2023-11-02"]);
}

#[test]
fn a_header_day_without_its_year_takes_the_year_of_the_files_name() {
    let text = "Protokoll\n\nTid: Måndag 4 mars, 18.30\nPlats: Klubbstugan\n\nNärvarande: Anna Berg, Bo Ek\n\n1. Öppnande\nMötet öppnades.\n";
    let mut doc = minutes_text::read(text.as_bytes(), &Default::default()).expect("reads");
    doc.source.path = "arkiv/styrelsemote-2024-03-04.txt".to_string();
    assert_eq!(find(&doc).meeting.date.as_deref(), Some("2024-03-04"));
    // Without a date in the name, the day stays unplaced.
    doc.source.path = "arkiv/styrelsemote.txt".to_string();
    assert_eq!(find(&doc).meeting.date, None);
}

#[test]
fn the_meetings_own_chair_and_secretary_in_any_words() {
    let people = |header: &str| -> Vec<(String, Option<String>, String)> {
        structure(&format!(
            "Protokoll årsmöte 2024-03-05\n\n{header}\n\n1. Öppnande\nMötet öppnades.\n"
        ))
        .participants
        .into_iter()
        .map(|p| (p.name, p.role, p.group))
        .collect()
    };
    let want = |n: &str, r: &str, g: &str| (n.to_string(), Some(r.to_string()), g.to_string());
    for header in [
        "Mötets ordförande: Anna Berg\nMötets sekreterare: Bo Ek",
        "Ordförande för mötet: Anna Berg\nSekreterare för mötet: Bo Ek",
        "Ordförande Anna Berg\nSekreterare Bo Ek",
    ] {
        assert_eq!(
            people(header),
            [
                want("Anna Berg", "ordförande", "member"),
                want("Bo Ek", "sekreterare", "secretary")
            ],
            "{header}"
        );
    }
}

#[test]
fn attendance_lists_run_together_by_dashes_bullets_and_posts_on_their_own_lines() {
    let people = |header: &str| -> Vec<String> {
        structure(&format!(
            "Protokoll styrelsemöte 2024-03-05\n\n{header}\n\n1. Öppnande\nMötet öppnades.\n"
        ))
        .participants
        .into_iter()
        .map(|p| {
            let post = p.role.or(p.title).unwrap_or_default();
            format!("{} {} {} {post}", p.name, p.attendance, p.group)
        })
        .collect()
    };
    // A dash set off by spaces parts two lists on one line.
    assert_eq!(
        people("Närvarande: Anna Berg, Bo Ek – Frånvarande: Dan Ås"),
        [
            "Anna Berg present member ",
            "Bo Ek present member ",
            "Dan Ås absent member "
        ]
    );
    // Bullets part names as commas do.
    assert_eq!(
        people("Närvarande: • Anna Berg • Bo Ek"),
        ["Anna Berg present member ", "Bo Ek present member "]
    );
    // A role's label names its one person; the list goes on after it.
    assert_eq!(
        people("Närvarande:\nOrdförande Anna Berg\nSekreterare Bo Ek\nKassör Cilla Ny"),
        [
            "Anna Berg present member ordförande",
            "Bo Ek present secretary sekreterare",
            "Cilla Ny present member kassör"
        ]
    );
    // A post in lower case on the line after a name is that person's.
    assert_eq!(
        people("Närvarande\n\nAnna Berg\n\nordförande\n\nBo Ek\n\nkassör"),
        [
            "Anna Berg present member ordförande",
            "Bo Ek present member kassör"
        ]
    );
}

#[test]
fn loose_notes_whose_paragraphs_open_with_a_topic() {
    let s = structure(
        "Protokoll styrelsemöte 2024-03-05\n\nNärvarande: Anna Berg, Bo Ek\n\nÖppnande: Mötet öppnades av Anna.\n\nEkonomi: Kassören redogjorde för läget.\n\nAvslutning: Mötet avslutades.\n",
    );
    let titles: Vec<&str> = s.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["Öppnande", "Ekonomi", "Avslutning"]);
    let texts: Vec<&str> = s.items[2].units.iter().map(|u| u.text.as_str()).collect();
    assert_eq!(texts, ["Mötet avslutades."]);
}

#[test]
fn an_attendance_list_typed_in_capitals() {
    let s = structure(
        "Protokoll styrelsemöte 2024-03-05\n\nNÄRVARANDE: ANNA BERG (ORDF), BO EK, CILLA NY (S)\n\n1. Öppnande\nMötet öppnades.\n",
    );
    let people = names_and_roles(&s);
    assert_eq!(
        people,
        [
            ("ANNA BERG", Some("ordförande")),
            ("BO EK", None),
            ("CILLA NY", None)
        ]
    );
}

#[test]
fn an_attendance_table_aligned_with_spaces() {
    let s = structure(
        "Minnesanteckningar referensgrupp 2024-03-05\n\nDeltagare\nNamn                 Organisation\nAnna Berg            Skatteverket\nBo Ek                Bolagsverket\n\n1. Inledning\nVälkommen.\n",
    );
    let people: Vec<(&str, Option<&str>)> = s
        .participants
        .iter()
        .map(|p| (p.name.as_str(), p.affiliation.as_deref()))
        .collect();
    assert_eq!(
        people,
        [
            ("Anna Berg", Some("Skatteverket")),
            ("Bo Ek", Some("Bolagsverket"))
        ]
    );
    // A person's name is no organisation.
    assert_eq!(s.meeting.organization, None);
    // Names and organisations on lines of their own, one the lexicon does
    // not know ("Digg") read in the rhythm of the others.
    let s = structure(
        "Minnesanteckningar referensgrupp 2024-03-05

Deltagare
Anna Berg
Skatteverket
Bo Ek
Digg
Cilla Ny
Bolagsverket

1. Inledning
Välkommen.
",
    );
    let people: Vec<(&str, Option<&str>)> = s
        .participants
        .iter()
        .map(|p| (p.name.as_str(), p.affiliation.as_deref()))
        .collect();
    assert_eq!(
        people,
        [
            ("Anna Berg", Some("Skatteverket")),
            ("Bo Ek", Some("Digg")),
            ("Cilla Ny", Some("Bolagsverket"))
        ]
    );
}

#[test]
fn a_heading_of_a_meeting_and_who_holds_it_after_a_dash() {
    let s = structure(
        "## Veckomöte Ekonomi – Nordvik Logistik AB\nMåndag 2025-03-10, 08.30–09.15, Teams\n\nNärvarande: Anna Berg, Bo Ek\n\n1. Öppnande\nMötet öppnades.\n",
    );
    assert_eq!(s.meeting.body.as_deref(), Some("Veckomöte Ekonomi"));
    assert_eq!(
        s.meeting.organization.as_deref(),
        Some("Nordvik Logistik AB")
    );
}

#[test]
fn an_office_named_in_part_of_a_header_line_and_a_school_as_organisation() {
    let s = structure(
        "Anteckningar från skolrådet, Björkhagens skola\nIT-avdelningen – veckomöte v. 10\nDatum: 2025-03-04\n\nNärvarande: Anna Berg, Bo Ek\n\n1. Öppnande\nMötet öppnades.\n",
    );
    assert_eq!(s.meeting.department.as_deref(), Some("IT-avdelningen"));
    assert_eq!(s.meeting.organization.as_deref(), Some("Björkhagens skola"));
}

#[test]
fn a_label_column_that_wraps_its_headings_keeps_every_list() {
    let s = structure(
        "Kultur- och fritidsnämnden       Sammanträdesdatum 2026-02-17

Beslutande       Lindqvist, Eva (S), ordförande
                 Dahl, Mira (M)
Ej tjänstgörande Berglund, Tore (S)
ersättare        Aho, Linnea (L)
Övriga           Hallberg, Ulrika, förvaltningschef
närvarande       Sjöberg, Kent, nämndsekreterare
Justerare        Dahl, Mira

§ 8  Val av justerare
Mira Dahl utses att justera protokollet.
",
    );
    let people: Vec<(&str, &str, Option<&str>)> = s
        .participants
        .iter()
        .map(|p| (p.name.as_str(), p.group.as_str(), p.role.as_deref()))
        .collect();
    assert_eq!(
        people,
        [
            ("Lindqvist, Eva", "member", Some("ordförande")),
            ("Dahl, Mira", "member", Some("justerare")),
            ("Berglund, Tore", "adjunct", None),
            ("Aho, Linnea", "adjunct", None),
            ("Hallberg, Ulrika", "guest", None),
            ("Sjöberg, Kent", "guest", None),
        ]
    );
}

#[test]
fn a_group_of_one_follows_a_group_of_the_same_label_and_nothing_else_does() {
    let s = structure(
        "Klassrådsmöte 2025-03-04\n\nÅk 1: Ciara, Elias & Talia\nÅk 2: Fiona\nTema: Vårfest\nProjekt: Apollo\n\n1. Öppnande\nMötet öppnades.\n",
    );
    let names: Vec<&str> = s.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Ciara", "Elias", "Talia", "Fiona"]);
    // A list inside an item's text, in minutes with numbered items, stays
    // the item's.
    let s = structure(
        "Styrelsemöte 2025-03-04\n\n1. Öppnande\nMötet öppnades.\n\n2. Ekonomi\nStyrelsen beslutade: 1. Att godkänna budgeten. 2. Att höja avgiften. 3. Att ge kassören i uppdrag att betala.\n\n3. Lokal\nHyran höjs.\n",
    );
    let titles: Vec<&str> = s.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["Öppnande", "Ekonomi", "Lokal"]);
}

#[test]
fn a_header_date_without_its_year_takes_the_year_the_minutes_name() {
    let s = structure(
        "Sångkören Harmoni\nÅrsmöte 2025\nProtokoll fört söndagen den 9 februari i församlingshemmet, kl. 16.00\n\n1. Mötets öppnande\nOrdföranden hälsade välkommen.\n\n2. Avslutning\nMötet avslutades.\n",
    );
    assert_eq!(s.meeting.date.as_deref(), Some("2025-02-09"));
}

#[test]
fn attendance_written_as_a_list_in_the_header_is_read() {
    let s = structure(
        "Protokoll styrelsemöte 2024-03-12\n\n- Närvarande: Anna Ek, Bo Holm, Carl Ny\n- Ordförande: Anna Ek\n\n1. Öppnande\nMötet öppnades.\n",
    );
    let names: Vec<_> = s.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Anna Ek", "Bo Holm", "Carl Ny"]);
    assert_eq!(s.participants[0].role.as_deref(), Some("ordförande"));
    assert_eq!(s.items.len(), 1);
}

#[test]
fn pages_whose_line_breaks_were_lost_are_cut_at_their_header_fields_and_points() {
    // A web viewer's copy: each page one line, its number first, the
    // header's fields and the points (numbered without dots) run on.
    let first = format!(
        "1 Föreningen Exempel PROTOKOLL Datum: 2017-09-11 Tid: 13:30-16:30 Plats: Klubbstugan Närvarande: Carita Gruvesäter Susanne Jörgensen Karin Jacobsson Mauritzson Per Gertow * * = Deltog halva tiden. Frånvarande: Lena Relfsson Bo Ek 1 Mötets öppnande Carita hälsar välkomna och mötet öppnas. {}",
        "Ordföranden går igenom läget. ".repeat(10)
    );
    let second = format!(
        "2 2 Val av justerare Susanne valdes att justera protokollet. {} 3 Övriga frågor Inga. 4 Mötets avslutande Carita tackar.",
        "Diskussionen fortsatte länge om det mesta. ".repeat(15)
    );
    let s = structure_of_lines(&[&first, &second]);
    let numbers: Vec<&str> = s.items.iter().filter_map(|i| i.number.as_deref()).collect();
    assert_eq!(
        numbers,
        ["1", "2", "3", "4"],
        "{:#?}",
        s.items.iter().map(|i| &i.title).collect::<Vec<_>>()
    );
    assert!(
        s.items[1].title.starts_with("Val av justerare"),
        "{}",
        s.items[1].title
    );
    let names: Vec<&str> = s.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Carita Gruvesäter",
            "Susanne Jörgensen",
            "Karin Jacobsson Mauritzson",
            "Per Gertow",
            "Lena Relfsson",
            "Bo Ek"
        ]
    );
    assert_eq!(
        s.meeting.date.map(|d| d.to_string()).as_deref(),
        Some("2017-09-11")
    );
}

#[test]
fn the_longest_heading_joined_to_names_heads_them() {
    let s = board_minutes(
        "Beslutande ledamöter Karolina H Wessman, ordförande Sindre Skansen, vice ordförande Lova Soppi, ledamot",
    );
    assert_eq!(
        names_and_roles(&s),
        [
            ("Karolina H Wessman", Some("ordförande")),
            ("Sindre Skansen", Some("vice ordförande")),
            ("Lova Soppi", None)
        ]
    );
}

#[test]
fn the_minutes_number_before_the_body_is_not_its_name() {
    let s = structure(
        "Nr 4 Kommunala ungdomsrådet 2017-09-11 1(7)\n\n1. Mötets öppnande\n\nOrdföranden öppnade mötet.\n",
    );
    assert_eq!(s.meeting.body.as_deref(), Some("Kommunala ungdomsrådet"));
}

#[test]
fn a_header_written_as_a_list_keeps_its_posts_and_leads_in_no_item() {
    // The body and date over a list of the header's fields, the chair's post
    // first; the topics after it lead in lists of their own.
    for fields in [
        "- Ordförande: Lena Berg\n- Närvarande: Stella, Linnea, Marly",
        "- Närvarande: Stella, Linnea, Marly\n- Ordförande: Lena Berg",
    ] {
        let s = structure(&format!(
            "Protokoll vecka 9\n\nElevråd 2017-03\n\n{fields}\n\nSegelbåten 1:\n\n- Vill ha en rutschkana. (Lena tar hand om denna punkt.)\n\nSkutan 2:\n\n- En hinderbana på skolgården.\n"
        ));
        let mut names = names_and_roles(&s);
        names.sort();
        assert_eq!(
            names,
            [
                ("Lena Berg", Some("ordförande")),
                ("Linnea", None),
                ("Marly", None),
                ("Stella", None)
            ],
            "{fields}"
        );
        let titles: Vec<&str> = s.items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(titles, ["Segelbåten 1", "Skutan 2"], "{fields}");
    }
}

#[test]
fn paragraph_signs_run_together_are_cut_whatever_else_is_numbered() {
    let doc = |lines: &[&str]| Document {
        blocks: lines
            .iter()
            .map(|t| {
                let mut p = Paragraph::new(Role::Body);
                p.push(t, Style::default(), None);
                Block::paragraph(p, Span::default())
            })
            .collect(),
        ..Document::default()
    };
    for run in [
        "§1 Mötets öppnande. §2 Val av justerare. §3 Dagordningen godkändes.",
        "§1 Mötets öppnande §2 Val av justerare",
    ] {
        let cut = with_inline_items_apart(&doc(&[run, "4. Övriga frågor"])).expect("cut");
        let texts: Vec<String> = cut.blocks.iter().filter_map(body_text).collect();
        assert!(
            texts[0].starts_with("§1") && texts[1].starts_with("§2"),
            "{texts:?}"
        );
        assert_eq!(texts.last().map(String::as_str), Some("4. Övriga frågor"));
    }
}

#[test]
fn short_minutes_run_together_and_a_title_line_with_its_fields() {
    // On one line: the points cut apart, the header's fields read.
    let s = structure(
        "Protokoll styrelsemöte Ekbackens IF Datum: 2024-03-12 Plats: Klubbstugan Närvarande: Anna Berg, Bo Ek, Cecilia Lund 1. Mötets öppnande Ordföranden öppnade mötet. 2. Ekonomi Kassan är god. Rapporten lades till handlingarna. 3. Sommarfesten Festen hålls den 15 juni. 4. Mötets avslutande Mötet avslutades.\n",
    );
    let numbers: Vec<&str> = s.items.iter().filter_map(|i| i.number.as_deref()).collect();
    assert_eq!(numbers, ["1", "2", "3", "4"]);
    assert_eq!(s.participants.len(), 3);
    // The title line with its fields, then points on lines, the rest of
    // the page run together: the run goes on from the last numbered line.
    let s = structure(
        "Protokoll styrelsemöte Ekbackens IF Datum: 2024-03-12 Plats: Klubbstugan Närvarande: Anna Berg, Bo Ek, Cecilia Lund\n1. Mötets öppnande\n2. Ekonomi Kassan är god. 3. Sommarfesten Festen hålls den 15 juni. 4. Övrigt Inget. 5. Mötets avslutande Mötet avslutades.\n",
    );
    let numbers: Vec<&str> = s.items.iter().filter_map(|i| i.number.as_deref()).collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "5"]);
    assert_eq!(s.participants.len(), 3);
    assert_eq!(s.meeting.location.as_deref(), Some("Klubbstugan"));
    // A list inside an item counts from 1 and stays the item's text.
    let s = structure(
        "Protokoll styrelsemöte 2024-03-12\n\n1. Mötets öppnande\n\nOrdföranden öppnade mötet.\n\n2. Budget\n\n1. Hyran höjs. 2. Avgiften sänks. 3. Kaffet blir gratis.\n\n3. Mötets avslutande\n\nMötet avslutades.\n",
    );
    let numbers: Vec<&str> = s.items.iter().filter_map(|i| i.number.as_deref()).collect();
    assert_eq!(numbers, ["1", "2", "3"]);
}

#[test]
fn a_sprint_plans_stories_with_their_owners_are_tasks() {
    let s = structure(
        "# Sprint planning 2024-11-18\n\nAttendees: Anna, Bo\n\n## Selected user stories\n\n| Story | Points | Owner |\n|---|---|---|\n| As a user I want to create a group | 5 | Anna |\n| As a user I want to join a group | 3 | Bo |\n\n## Decisions\n\n- Sprint length stays at one week.\n",
    );
    let tasks = tasks_with_owners(&s.items);
    assert_eq!(
        tasks,
        [
            ("As a user I want to create a group", Some("Anna")),
            ("As a user I want to join a group", Some("Bo"))
        ]
    );
}

#[test]
fn the_meetings_posts_written_as_labels_on_one_numbered_line() {
    let s = structure(
        "ÅRSMÖTESPROTOKOLL\nEkbackens Båtklubb, 2024-03-12\n\n1. Mötet öppnades av ordförande Anna Berg.\n2. Mötesordförande: Bo Ek. Mötessekreterare: Cecilia Lund.\n3. Justerare: David Holm och Eva Nord.\n4. Val av styrelse. Ordförande: Fredrik Ås (omval).\n5. Mötet avslutades.\n",
    );
    let mut got = names_and_roles(&s);
    got.sort();
    assert_eq!(
        got,
        [
            ("Bo Ek", Some("ordförande")),
            ("Cecilia Lund", Some("sekreterare")),
            ("David Holm", Some("justerare")),
            ("Eva Nord", Some("justerare")),
        ]
    );
}

#[test]
fn a_short_name_is_matched_only_to_someone_present() {
    let s = structure(
        "Protokoll styrelsemöte 2024-03-12\n\nNärvarande: Anna, Cecilia\nFrånvarande: Bo\n\n1. Val av justerare\n\nBo Lind valdes att justera protokollet.\n",
    );
    let got = names_and_roles(&s);
    assert!(got.contains(&("Bo", None)), "{got:?}");
    assert!(got.contains(&("Bo Lind", Some("justerare"))), "{got:?}");
}
