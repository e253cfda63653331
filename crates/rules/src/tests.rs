//! Engine tests on small documents read with the text reader.

use super::*;

fn findings(text: &str) -> (Structured, Findings) {
    let doc = minutes_text::read(text.as_bytes(), &Default::default()).expect("reads");
    let s = minutes_structure::find(&doc);
    let set = RuleSet::default_rules().expect("rules");
    let f = apply(&set, &s);
    (s, f)
}

const HEAD: &str = "Datum: 2026-02-16\n\n## Deltagare\n\nBjörn Lindkvist (SU)\n\nSofia Ekdahl (SU), ordförande\n\n";

#[test]
fn decisions_actions_and_deferrals_in_one_item() {
    let (_, f) = findings(&format!(
        "{HEAD}1. Ärende\n\nAnteckningarna godkändes. BL återkopplar till SE senast 5/3. Frågan bordläggs då underlaget saknas, åter nästa möte 16 mars.\n\n## Nästkommande möten\n\n2026-03-16\n"
    ));
    let item = &f.items[0];
    assert_eq!(item.decisions.len(), 1);
    assert_eq!(item.decisions[0].rule, "decision.approved");
    assert_eq!(item.actions.len(), 1);
    assert_eq!(item.actions[0].assignees, ["Björn Lindkvist"]);
    assert_eq!(item.actions[0].due.as_deref(), Some("2026-03-05"));
    assert_eq!(item.deferrals.len(), 1);
    assert_eq!(item.deferrals[0].target_date.as_deref(), Some("2026-03-16"));
    assert_eq!(
        item.deferrals[0].reason.as_deref(),
        Some("underlaget saknas")
    );
    assert_eq!(
        item.deferrals[0].deferral_type.as_deref(),
        Some("bordläggning")
    );
}

#[test]
fn labels_govern_the_sentences_under_them() {
    let (_, f) = findings(&format!(
        "{HEAD}1. Ärende\n\nBeslut\n\nRSL tackar för informationen\n\nRSL beslutar att skapa en kanslifunktion.\n\nMer information finns i bilaga.\n\n2. Nästa\n\nFörslag till beslut\n\nNämnden beslutar att godkänna budgeten.\n"
    ));
    let texts: Vec<&str> = f.items[0]
        .decisions
        .iter()
        .map(|d| d.text.as_str())
        .collect();
    assert_eq!(
        texts,
        [
            "RSL tackar för informationen",
            "RSL beslutar att skapa en kanslifunktion."
        ]
    );
    assert_eq!(f.items[0].decisions[0].rule, "decision.labelled");
    assert!(
        f.items[1].decisions.is_empty(),
        "a proposal is not a decision"
    );
}

#[test]
fn news_of_other_bodies_is_not_a_decision_and_next_meeting_resolves() {
    let (_, f) = findings(&format!(
        "{HEAD}1. Ärende\n\nDen 8 april fattade regionfullmäktige beslut om vårdval. Beslut vid nästa möte.\n\n## Nästkommande möten\n\n2026-03-16\n"
    ));
    assert!(f.items[0].decisions.is_empty());
    assert_eq!(
        f.items[0].deferrals[0].target_date.as_deref(),
        Some("2026-03-16")
    );
}

#[test]
fn action_label_fallback_and_both_decision_and_action() {
    let (_, f) = findings(&format!(
        "{HEAD}1. Ärende\n\nAction: Sömnapné. Björn informerar.\n\nAction: Uppdatera rutinen för remisser.\n\nRSL beslutar uppdra åt Annika Öhrn att prata med ordförande.\n"
    ));
    let a: Vec<&str> = f.items[0].actions.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(a[0], "Björn informerar.");
    let a = &a[1..];
    assert_eq!(
        a,
        [
            "Action: Uppdatera rutinen för remisser.",
            "RSL beslutar uppdra åt Annika Öhrn att prata med ordförande."
        ]
    );
    assert_eq!(f.items[0].actions[2].assignees, ["Annika Öhrn"]);
    assert_eq!(f.items[0].decisions.len(), 1);
}

#[test]
fn trace_records_vetoes() {
    let doc = minutes_text::read(
        format!("{HEAD}1. Ärende\n\nRegionfullmäktige beslutade den 8 april att införa vårdval.\n")
            .as_bytes(),
        &Default::default(),
    )
    .unwrap();
    let s = minutes_structure::find(&doc);
    let (_, trace) = apply_traced(&RuleSet::default_rules().unwrap(), &s);
    let sent = &trace.items[0].sentences[0];
    assert!(sent.fired.is_empty());
    assert_eq!(sent.vetoed[0].0, "decision.verb.beslutar");
}

#[test]
fn a_relative_clause_is_a_task_of_its_own_with_the_recipients_deadline() {
    let (_, f) = findings(&format!(
        "{HEAD}1. Kvalitetsindikatorer\n\nKvalitetssäkra indikatorerna senast 5/3 till Roland.\n\nGå igenom listan och återkoppla till Björn efter helgen som därefter återkopplar till Roland.\n"
    ));
    let actions = &f.items[0].actions;
    let texts: Vec<&str> = actions.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Kvalitetssäkra indikatorerna senast 5/3 till Roland.",
            "Gå igenom listan och återkoppla till Björn efter helgen",
            "som därefter återkopplar till Roland"
        ]
    );
    // The clause is Björn's, and shares the deadline of what goes to Roland.
    assert_eq!(actions[2].rule, "action.relative-clause");
    assert_eq!(actions[2].assignees, ["Björn Lindkvist"]);
    assert_eq!(actions[2].due.as_deref(), Some("2026-03-05"));
    assert_eq!(actions[1].due, None);
    // Spans point at the parts.
    assert_eq!(actions[1].span.start, 0);
    assert_eq!(actions[2].span.start, actions[1].span.end + 1);
}

#[test]
fn an_ansvar_column_owns_the_rows_unowned_tasks() {
    let (s, f) = findings(
        "Datum: 2025-05-14\n\n## Deltagare\n\n- Anna Berg\n- Carl Dahl\n\n| Nr | Punkt | Föredragande/Ansvar | Anteckning |\n|---|---|---|---|\n| 1 | Ärendesystem | Carl | Ta fram jämförelse av leverantörer. Alla läser offerten. |\n| 2 | Övrigt | | Skicka rapporten till ledningen. |\n",
    );
    assert_eq!(s.items[0].responsible.as_deref(), Some("Carl"));
    let a = &f.items[0].actions;
    assert_eq!(a[0].assignees, ["Carl Dahl"], "{a:?}");
    // Everyone stays everyone.
    assert_eq!(a[1].assignees, ["all"], "{a:?}");
    assert_eq!(f.items[1].actions[0].assignees, ["all"]);
}

#[test]
fn a_lead_in_line_passes_the_label_on_and_extract_lines_are_not_tasks() {
    let (_, f) = findings(&format!(
        "{HEAD}1. Detaljplan\n\nBeslut\n\nEnligt kommunstyrelsens förslag:\n\nDetaljplan för kvarteret Eken, upprättad 2023-04-17, antas.\n\nHandlingar\n\n2023 nr 171.\n\nProtokollsutdrag skickas till\n\nStadsbyggnadsnämnden\n"
    ));
    let texts: Vec<&str> = f.items[0]
        .decisions
        .iter()
        .map(|d| d.text.as_str())
        .collect();
    assert_eq!(
        texts,
        ["Detaljplan för kvarteret Eken, upprättad 2023-04-17, antas."]
    );
    assert!(f.items[0].actions.is_empty(), "{:?}", f.items[0].actions);
}

#[test]
fn a_sentence_broken_over_lines_is_read_as_one() {
    let (_, f) = findings(&format!(
        "{HEAD}1. Budget\n\nBeslut\n\n1. Socialnämnden Centrum och Socialnämnden Nordost och\n\nSocialnämnden Sydväst får i uppdrag att bevilja tillägg.\n\nRapporten antecknas.\n"
    ));
    let texts: Vec<&str> = f.items[0]
        .decisions
        .iter()
        .map(|d| d.text.as_str())
        .collect();
    assert_eq!(
        texts,
        [
            "Socialnämnden Centrum och Socialnämnden Nordost och Socialnämnden Sydväst får i uppdrag att bevilja tillägg.",
            "Rapporten antecknas."
        ]
    );
    assert_eq!(f.items[0].actions.len(), 1);
}

/// A project meeting's minutes whose item "Åtgärdslista" is a task table of
/// `rows` ("| task | owner | date |" lines), with `after` as the items
/// after it; the findings and the index of that item.
fn task_table(rows: &str, after: &str) -> (Findings, usize) {
    let (s, f) = findings(&format!(
        "Protokoll projektmöte 2023-05-10\n\nDeltagare: Anna Berg, Karl Svensson\n\n1. Öppnande\nMötet öppnades.\n\n2. Åtgärdslista\n\n| Åtgärd | Ansvarig | Klart |\n|---|---|---|\n{rows}\n{after}"
    ));
    let item = s
        .items
        .iter()
        .position(|i| i.title == "Åtgärdslista")
        .expect("the item");
    (f, item)
}

#[test]
fn a_task_table_gives_each_row_its_owner_and_date() {
    let (f, item) = task_table(
        "| Uppdatera projektplanen | Anna | 2023-05-20 |\n| Nya rutiner för arkivet | Karl Svensson | |\n",
        "3. Avslut\n",
    );
    let a = &f.items[item].actions;
    let got: Vec<(&str, &[String], Option<&str>)> = a
        .iter()
        .map(|a| (a.text.as_str(), a.assignees.as_slice(), a.due.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "Uppdatera projektplanen",
                &["Anna Berg".to_string()][..],
                Some("2023-05-20")
            ),
            (
                "Nya rutiner för arkivet",
                &["Karl Svensson".to_string()][..],
                None
            ),
        ]
    );
    // Not a decision, whatever the words: the table is of tasks.
    assert!(f.items[item].decisions.is_empty());
}

#[test]
fn a_title_that_heads_decisions_or_a_sprint_makes_its_entries_decisions_or_tasks() {
    let (_, f) = findings(
        "Möte 2024-03-12\n\nDeltagare: Anna Berg, Bo Ek\n\n## Sedan sist\n\nAnna har fixat databasen.\n\n## Beslut\n\n- Vi kör på React\n- Beslut: vi använder Trello\n- Möten hålls på tisdagar\n\n## Planering\n\nSprint 4 (v. 12–13):\n\n- Inloggning (Anna)\n- Testfall (Bo)\n",
    );
    let decided: Vec<&str> = f.items[1]
        .decisions
        .iter()
        .map(|d| d.text.as_str())
        .collect();
    // An entry's own label of the same kind does not end the title's.
    assert_eq!(
        decided,
        [
            "Vi kör på React",
            "Beslut: vi använder Trello",
            "Möten hålls på tisdagar"
        ]
    );
    let tasks: Vec<_> = f.items[2]
        .actions
        .iter()
        .map(|a| (a.text.as_str(), a.assignees.clone()))
        .collect();
    assert_eq!(
        tasks,
        [
            ("Inloggning (Anna)", vec!["Anna Berg".to_string()]),
            ("Testfall (Bo)", vec!["Bo Ek".to_string()])
        ]
    );
}

#[test]
fn a_to_do_label_with_a_date_dates_its_tasks() {
    let (_, f) = findings(
        "Möte 2019-09-16\n\nDeltagare: Anna Berg, Bo Ek\n\n1. Planering\n\nInför nästa möte på tisdag den 17:e (10.00 till 12.00):\n\n- förbättra user stories\n\n2. Mål\n\nMål inför nästa möte:\n\n- Ha klart en första version av rapporten\n",
    );
    assert_eq!(f.items[0].actions[0].due.as_deref(), Some("2019-09-17"));
    // "nästa möte" alone is no date of the tasks.
    assert_eq!(f.items[1].actions[0].due, None);
}

#[test]
fn see_you_again_names_the_next_meeting() {
    let (s, f) = findings("Möte 2023-09-14\n\n1. Övrigt\n\nVi ses igen den 12 oktober.\n");
    let dates: Vec<String> = s
        .next_meetings
        .iter()
        .map(|m| m.date.to_string())
        .chain(f.mentioned_meetings.iter().map(|d| d.to_string()))
        .collect();
    assert_eq!(dates, ["2023-10-12"]);
}

#[test]
fn an_owner_line_after_a_task_owns_it() {
    let (_, f) = findings(
        "Möte 2024-04-02\n\nDeltagare: Anna Berg, Bo Ek\n\n1. Logotyp\n\nTa fram ett förslag till ny logotyp.\nAnsvarig: Anna\n\n2. Städdag\n\nBoka container till städdagen (Bo, senast 1 maj).\n",
    );
    let got: Vec<_> = f
        .items
        .iter()
        .flat_map(|i| &i.actions)
        .map(|a| (a.text.as_str(), a.assignees.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "Ta fram ett förslag till ny logotyp.",
                vec!["Anna Berg".to_string()]
            ),
            (
                "Boka container till städdagen (Bo, senast 1 maj).",
                vec!["Bo Ek".to_string()]
            )
        ]
    );
}

#[test]
fn an_owner_sentence_on_the_tasks_line_owns_it() {
    let (_, f) = findings(
        "Möte 2024-04-02\n\nDeltagare: Anna Berg, Bo Ek, Sara Lind\n\n1. Städdag\n\nBoka container. Ansvarig: Bo.\n\n2. Enkät\n\nSkolverket skickar ut en enkät under mars. Ansvarig: Sara Lind\n",
    );
    let got: Vec<_> = f
        .items
        .iter()
        .flat_map(|i| &i.actions)
        .map(|a| (a.text.as_str(), a.assignees.clone()))
        .collect();
    assert_eq!(
        got,
        [
            ("Boka container. Ansvarig: Bo.", vec!["Bo Ek".to_string()]),
            (
                "Skolverket skickar ut en enkät under mars.",
                vec!["Sara Lind".to_string()]
            )
        ]
    );
}

#[test]
fn an_owner_written_after_a_labelled_task_beats_a_guessed_subject() {
    let (_, f) = findings(
        "Möte 2025-01-10\n\nNärvarande: Kim Lo (KL), Mia Berg (MB)\n\n1. Att göra\n- Undersöka annonskostnader — KL/MB\n\n2. Övrigt\nInget.\n",
    );
    let got: Vec<_> = f
        .items
        .iter()
        .flat_map(|i| &i.actions)
        .map(|a| a.assignees.clone())
        .collect();
    assert_eq!(got, [vec!["Kim Lo".to_string(), "Mia Berg".to_string()]]);
}

#[test]
fn a_day_and_month_with_a_dot_after_senast_is_the_due_date() {
    let (_, f) = findings(
        "Möte 2025-01-10\n\nNärvarande: Kim Lo, Mia Berg\n\n1. Ekonomi\nKim Lo skickar underlaget senast 15.3.\nBudgeten ökas till 1.5 miljoner.\n\n2. Övrigt\nInget.\n",
    );
    let due: Vec<_> = f
        .items
        .iter()
        .flat_map(|i| &i.actions)
        .map(|a| a.due.clone())
        .collect();
    assert_eq!(due, [Some("2025-03-15".to_string())]);
}

#[test]
fn a_line_opening_with_a_label_is_no_continuation() {
    use crate::opens_with_label;
    assert!(opens_with_label(
        "AP: Jonas tar fram lista på obetalda avgifter"
    ));
    assert!(opens_with_label("Ansv: MB"));
    assert!(opens_with_label("Klart till:"));
    assert!(!opens_with_label("kommunen: se bilaga"));
    assert!(!opens_with_label("Styrelsen beslutade följande: att"));
    assert!(!opens_with_label("kl. 18:30 i klubbstugan"));
}

#[test]
fn a_task_verb_no_list_names_is_a_task_only_for_a_participant() {
    let (_, f) = findings(&format!(
        "{HEAD}1. Ärende\n\nBjörn jagar leverantören.\n\nAnders jagar leverantören.\n\nBL och Sofia röjer förrådet.\n"
    ));
    let found: Vec<(&str, &str, Vec<String>)> = f.items[0]
        .actions
        .iter()
        .map(|a| (a.text.as_str(), a.rule.as_str(), a.assignees.clone()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "Björn jagar leverantören.",
                "action.listed-person-does",
                vec!["Björn Lindkvist".to_string()]
            ),
            (
                "BL och Sofia röjer förrådet.",
                "action.listed-person-does",
                vec!["Björn Lindkvist".to_string(), "Sofia Ekdahl".to_string()]
            ),
        ]
    );
}

#[test]
fn owner_and_due_lines_belong_to_the_task_above() {
    let (_, f) = findings(&format!(
        "{HEAD}1. Ärende\n\nVi provar att öppna två extra telefonlinjer under februari.\nAnsvarig: Björn Lindkvist\nKlart till: 2026-03-10\n\n2. Nästa\n\nSofia Ekdahl ansvarar för att följa upp felanmälan.\nKlart till: nästa möte\n\n## Nästkommande möten\n\n2026-04-13\n"
    ));
    let a = &f.items[0].actions;
    assert_eq!(a.len(), 1, "{a:?}");
    assert!(
        a[0].text.starts_with("Vi provar att öppna"),
        "{}",
        a[0].text
    );
    assert!(
        a[0].text.ends_with("Ansvarig: Björn Lindkvist"),
        "{}",
        a[0].text
    );
    assert_eq!(a[0].assignees, ["Björn Lindkvist"]);
    assert_eq!(a[0].due.as_deref(), Some("2026-03-10"));
    let a = &f.items[1].actions;
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].due.as_deref(), Some("2026-04-13"));
}

#[test]
fn a_week_is_no_due_date() {
    let (_, f) = findings(&format!(
        "{HEAD}1. Ärende\n\nBL återkommer senast v. 12 med förslag.\n\nSofia Ekdahl kontaktar banken senast 20 mars.\n"
    ));
    let dues: Vec<Option<&str>> = f.items[0]
        .actions
        .iter()
        .map(|a| a.due.as_deref())
        .collect();
    assert_eq!(dues, [None, Some("2026-03-20")]);
}

#[test]
fn an_owner_line_with_its_date_or_in_the_same_line() {
    let (_, f) = findings(&format!(
        "{HEAD}1. Ärende\n\nÅtgärd: Ta fram en gemensam lägesbild för centrum.\nAnsvarig: Sofia Ekdahl, Klart: 15/4\n\n2. Nästa\n\nÅtgärd: Se över skyltningen vid tanken. Ansv: Björn Lindkvist. Klart: 2026-11-30.\n"
    ));
    let got: Vec<(Vec<String>, Option<String>)> = f
        .items
        .iter()
        .flat_map(|i| {
            i.actions
                .iter()
                .map(|a| (a.assignees.clone(), a.due.clone()))
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                vec!["Sofia Ekdahl".to_string()],
                Some("2026-04-15".to_string())
            ),
            (
                vec!["Björn Lindkvist".to_string()],
                Some("2026-11-30".to_string())
            ),
        ]
    );
}

#[test]
fn a_day_and_month_set_as_a_deadline_is_the_next_one_after_the_meeting() {
    // A 2026-02-16 meeting: "10 september" is this September, "1 februari"
    // next February (the nearest year would be the one just past).
    let (_, f) = findings(&format!(
        "{HEAD}1. Ärende\n\nBjörn kontaktar kommunen senast 10 september. Sofia bokar lokal senast 1 februari. Frågan bordläggs till mötet den 12 september.\n"
    ));
    let due: Vec<Option<&str>> = f.items[0]
        .actions
        .iter()
        .map(|a| a.due.as_deref())
        .collect();
    assert_eq!(due, [Some("2026-09-10"), Some("2027-02-01")]);
    assert_eq!(
        f.items[0].deferrals[0].target_date.as_deref(),
        Some("2026-09-12")
    );
}

#[test]
fn a_quiet_rule_is_silent_in_minutes_that_label_their_tasks() {
    let body = "1. Lokalen\n\nStudieplan ska formuleras.\n\n";
    let (_, plain) = findings(&format!("{HEAD}{body}2. Övrigt\n\nInget mer.\n"));
    assert_eq!(plain.items[0].actions.len(), 1, "{:?}", plain.items[0]);
    assert_eq!(plain.items[0].actions[0].rule, "action.shall-passive-any");
    let (_, labelled) = findings(&format!(
        "{HEAD}{body}2. Övrigt\n\nÅtgärd: Sofia Ekdahl bokar lokalen.\n"
    ));
    assert!(
        labelled.items[0].actions.is_empty(),
        "{:?}",
        labelled.items[0]
    );
    assert_eq!(labelled.items[1].actions.len(), 1);
}

#[test]
fn a_task_tables_date_cell_may_name_the_next_meeting() {
    let (f, item) = task_table(
        "| Uppdatera projektplanen | Anna | till nästa möte |\n",
        "3. Nästa möte\n\nNästa möte 2023-06-07.\n",
    );
    let due: Vec<Option<&str>> = f.items[item]
        .actions
        .iter()
        .map(|a| a.due.as_deref())
        .collect();
    assert_eq!(due, [Some("2023-06-07")]);
}

#[test]
fn han_or_hon_is_the_one_person_the_sentence_before_names() {
    let (_, f) = findings(
        "Möte 2024-03-12\n\nDeltagare: Bengt Alm, Anna Berg\n\n## Julbord\n\nBengt har frågat jobbet om frukt. Han lämnar besked vid nästa möte.\n\n## Övrigt\n\nAnna och Bengt pratade om festen. Hon kontaktar lokalen.\n",
    );
    let owners = |i: usize| -> Vec<Vec<String>> {
        f.items[i]
            .actions
            .iter()
            .map(|a| a.assignees.clone())
            .collect()
    };
    assert_eq!(owners(0), [vec!["Bengt Alm".to_string()]]);
    // Two people named before: whom "hon" means is left open.
    assert_eq!(owners(1), [Vec::<String>::new()]);
}
