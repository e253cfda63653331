//! Scoring whole documents built by hand.

use super::*;
use serde_json::json;

fn gold() -> Value {
    json!({
        "meeting": {"organization": "Ekbackens hembygdsförening", "date": "2024-03-12",
                    "location": null, "body": null},
        "participants": [
            {"name": "Anna Berg", "role": "ordförande", "attendance": "present"},
            {"name": "Örjan Ek", "role": null, "attendance": "absent"}
        ],
        "items": [
            {"number": "1", "title": "Mötets öppnande", "decisions": [], "actions": [], "deferrals": []},
            {"number": "2", "title": "Val av revisorer",
             "decisions": [{"key": "Till revisor valdes Per"}],
             "actions": [{"key": "Anna kontaktar banken", "assignees": ["Anna Berg"], "due": "2024-04-01"}],
             "deferrals": []},
            {"number": "3", "title": "Fasadrenovering",
             "decisions": [],
             "actions": [],
             "deferrals": [{"key": "frågan hålls öppen", "target_date": null}]},
            {"number": "4", "title": "Övrigt", "decisions": [{"key": "lades till handlingarna"}]}
        ],
        "next_meetings": [{"date": "2024-04-09"}]
    })
}

fn found() -> Value {
    json!({
        "meeting": {"organization": "Ekbackens Hembygdsförening", "date": "2024-03-13",
                    "location": "Hos Anna", "body": null},
        "participants": [
            {"name": "ANNA BERG", "role": null, "attendance": "present"},
            {"name": "Mötesform", "role": null, "attendance": "present"}
        ],
        "items": [
            {"number": "1.", "title": "Mötets öppnande", "decisions": [{"text": "Mötet öppnades."}]},
            {"number": "§ 2", "title": "Val av revisorer",
             "decisions": [{"text": "Till revisor valdes Per Olsson."}],
             "actions": [{"text": "Anna kontaktar banken.", "assignees": ["Anna Berg"], "due": null}],
             "items": [
                 {"number": "2 b", "title": "Fasadrenovering",
                  "deferrals": [{"text": "Frågan hålls öppen till hösten."}]}
             ]}
        ],
        "next_meetings": [{"date": "2024-04-09"}, {"date": "2024-05-01"}]
    })
}

fn scored() -> Scorecard {
    let mut s = Scorer::default();
    s.add_document("doc", &gold(), Some(&found()))
        .expect("gold is well shaped");
    s.finish()
}

fn metric(card: &Scorecard, name: &str, field: &str) -> Option<FieldValue> {
    card.summary.get(name).and_then(|m| m.field(field))
}

#[test]
fn counts_follow_score_py() {
    let card = scored();
    let doc = &card.documents[0];
    assert_eq!(doc.meeting, "1/3");
    // Items 1 and 2 pair by number, 3 by title with the nested "2 b"; 4 is missed.
    assert_eq!(doc.items, "3/4 gold, 3 found");
    assert_eq!(doc.decisions, "1/2 gold, 2 found");
    assert_eq!(doc.actions, "1/1 gold, 1 found");
    assert_eq!(doc.deferrals, "1/1 gold, 1 found");
    assert_eq!(
        metric(&card, "participants", "tp"),
        Some(FieldValue::Int(1))
    );
    assert_eq!(
        metric(&card, "participants", "fp"),
        Some(FieldValue::Int(1))
    );
    assert_eq!(
        metric(&card, "participants", "fn"),
        Some(FieldValue::Int(1))
    );
    assert_eq!(
        metric(&card, "role", "accuracy"),
        Some(FieldValue::Float(0.0))
    );
    assert_eq!(
        metric(&card, "attendance", "accuracy"),
        Some(FieldValue::Float(1.0))
    );
    assert_eq!(
        metric(&card, "assignees", "accuracy"),
        Some(FieldValue::Float(1.0))
    );
    assert_eq!(
        metric(&card, "due", "accuracy"),
        Some(FieldValue::Float(0.0))
    );
    // A target date empty on both sides says nothing.
    assert_eq!(metric(&card, "target_date", "n"), Some(FieldValue::Int(0)));
    assert_eq!(metric(&card, "target_date", "accuracy"), None);
    assert_eq!(
        metric(&card, "next_meetings", "precision"),
        Some(FieldValue::Float(0.5))
    );
    assert_eq!(
        metric(&card, "decisions", "f1"),
        Some(FieldValue::Float(0.5))
    );
}

#[test]
fn every_miss_extra_and_wrong_attribute_is_reported_under_its_item() {
    let card = scored();
    let diffs = card.documents[0].differences.clone().unwrap_or_default();
    let brief: Vec<(Finding, String, Option<String>)> = diffs
        .iter()
        .map(|d| {
            let item = d
                .item
                .as_ref()
                .or(d.found_item.as_ref())
                .and_then(|i| i.number.clone());
            (d.finding, d.subject.name(), item)
        })
        .collect();
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        brief,
        vec![
            (Finding::Wrong, "meeting.date".into(), None),
            (Finding::Wrong, "meeting.location".into(), None),
            (Finding::Wrong, "role".into(), None),
            (Finding::Missed, "participant".into(), None),
            (Finding::Extra, "participant".into(), None),
            (Finding::Extra, "decision".into(), s("1")),
            (Finding::Wrong, "due".into(), s("2")),
            (Finding::Missed, "item".into(), s("4")),
            (Finding::Missed, "decision".into(), s("4")),
            (Finding::Extra, "next_meeting".into(), None),
        ]
    );
    let missed_participant = diffs.iter().find(|d| d.subject == Subject::Participant);
    assert_eq!(
        missed_participant.and_then(|d| d.gold.as_deref()),
        Some("Örjan Ek")
    );
    let due = diffs.iter().find(|d| d.subject == Subject::Due);
    assert_eq!(
        due.and_then(|d| d.of.as_deref()),
        Some("Anna kontaktar banken")
    );
}

#[test]
fn the_number_of_differences_explains_the_counts() {
    let card = scored();
    let diffs = card.documents[0].differences.clone().unwrap_or_default();
    let count = |f: Finding, subject: Subject| {
        diffs
            .iter()
            .filter(|d| d.finding == f && d.subject == subject)
            .count() as i64
    };
    for kind in Kind::ALL {
        let Some(Metric::Found { fp, fn_, .. }) = card.summary.get(kind.key()).copied() else {
            panic!("{} is a found metric", kind.key());
        };
        assert_eq!(
            count(Finding::Extra, Subject::Extraction(kind)),
            fp,
            "{kind:?}"
        );
        assert_eq!(
            count(Finding::Missed, Subject::Extraction(kind)),
            fn_,
            "{kind:?}"
        );
    }
}

#[test]
fn a_key_found_under_another_item_says_where() {
    let gold = json!({"items": [
        {"number": "1", "title": "Ekonomi", "decisions": [{"key": "budgeten antogs"}]},
        {"number": "2", "title": "Övrigt", "decisions": []}
    ]});
    let found = json!({"items": [
        {"number": "1", "title": "Ekonomi", "decisions": []},
        {"number": "2", "title": "Övrigt", "decisions": [{"text": "Budgeten antogs."}]}
    ]});
    let mut s = Scorer::default();
    s.add_document("d", &gold, Some(&found)).expect("gold");
    let card = s.finish();
    assert_eq!(metric(&card, "decisions", "tp"), Some(FieldValue::Int(0)));
    assert_eq!(
        metric(&card, "decisions_anywhere", "tp"),
        Some(FieldValue::Int(1))
    );
    let diffs = card.documents[0].differences.clone().unwrap_or_default();
    let missed = diffs.iter().find(|d| d.finding == Finding::Missed);
    let under = missed.and_then(|d| d.found_under.clone());
    assert_eq!(
        under,
        Some(Place::Item(ItemRef {
            number: Some("2".into()),
            title: Some("Övrigt".into())
        }))
    );
    let text = card.render_text(false);
    assert!(
        text.contains("missed decision \"budgeten antogs\" (found under item 2 \"Övrigt\")"),
        "{text}"
    );
    assert!(
        text.contains("    item 2 \"Övrigt\"\n      extra  decision \"Budgeten antogs.\""),
        "{text}"
    );
}

#[test]
fn a_document_without_output_counts_as_all_missed() {
    let mut s = Scorer::default();
    s.add_document("d", &gold(), None).expect("gold");
    let card = s.finish();
    let doc = &card.documents[0];
    assert!(!doc.found);
    assert_eq!(doc.items, "0/4 gold, 0 found");
    assert_eq!(
        metric(&card, "items", "recall"),
        Some(FieldValue::Float(0.0))
    );
    assert_eq!(
        metric(&card, "items", "precision"),
        Some(FieldValue::Float(0.0))
    );
    assert!(card.render_text(true).starts_with("d (no output)\n"));
}

#[test]
fn malformed_gold_is_an_error_naming_the_entry() {
    let mut s = Scorer::default();
    let err = s.add_document("d", &json!({"items": ["1. Öppnande"]}), None);
    assert!(
        matches!(err, Err(GoldShapeError(ref m)) if m.starts_with("items[0] is not an object")),
        "{err:?}"
    );
    assert!(s.add_document("d", &json!([]), None).is_err());
}

#[test]
fn odd_output_values_count_as_python_sees_them() {
    // A bare string as a decision stands for its text; a number as a title is its str().
    let gold = json!({"items": [{"number": 5, "title": 2024, "decisions": [{"key": "beslut"}]}]});
    let found = json!({"items": [{"number": "5", "title": "2024", "decisions": ["Beslut fattades"]}],
                       "participants": "abc"});
    let mut s = Scorer::default();
    s.add_document("d", &gold, Some(&found)).expect("gold");
    let card = s.finish();
    assert_eq!(metric(&card, "decisions", "tp"), Some(FieldValue::Int(1)));
    assert_eq!(
        metric(&card, "titles", "accuracy"),
        Some(FieldValue::Float(1.0))
    );
    assert_eq!(
        metric(&card, "participants", "fp"),
        Some(FieldValue::Int(0))
    );
}

#[test]
fn floors_read_and_check_like_score_py() {
    let card = scored();
    let floor: Floor = "decisions.f1=0.9".parse().expect("floor");
    assert_eq!(
        floor.check(&card.summary).as_deref(),
        Some("decisions.f1=0.5 < 0.9")
    );
    let floor: Floor = "items.tp=3".parse().expect("floor");
    assert_eq!(floor.check(&card.summary), None);
    let floor: Floor = "target_date.accuracy=0.5".parse().expect("floor");
    assert_eq!(
        floor.check(&card.summary).as_deref(),
        Some("target_date.accuracy=None < 0.5")
    );
    let floor: Floor = "nosuch.f1=0".parse().expect("floor");
    assert!(floor.check(&card.summary).is_some());
    assert!("decisions.f1".parse::<Floor>().is_err());
    assert!("decisions.f1=high".parse::<Floor>().is_err());
}

#[test]
fn json_has_score_py_shape_and_brief_drops_the_differences() {
    let card = scored();
    let v = serde_json::to_value(&card).expect("serialises");
    let doc = &v["documents"][0];
    assert_eq!(doc["items"], "3/4 gold, 3 found");
    assert!(doc["differences"].is_array());
    assert_eq!(v["summary"]["decisions"]["fn"], 1);
    let brief = serde_json::to_value(card.without_differences()).expect("serialises");
    let keys: Vec<&String> = brief["documents"][0]
        .as_object()
        .map(|o| o.keys().collect())
        .unwrap_or_default();
    assert_eq!(keys.len(), 7, "{keys:?}");
}

#[test]
fn folders_are_read_and_outputs_found_in_subfolders() {
    let dir = tempfile::tempdir().expect("temp dir");
    let gold_dir = dir.path().join("gold");
    let out = dir.path().join("out");
    std::fs::create_dir_all(&gold_dir).expect("mkdir");
    std::fs::create_dir_all(out.join("sub")).expect("mkdir");
    std::fs::write(gold_dir.join("a.gold.json"), gold().to_string()).expect("write");
    std::fs::write(gold_dir.join("b.gold.json"), gold().to_string()).expect("write");
    std::fs::write(gold_dir.join("notes.md"), "not gold").expect("write");
    std::fs::write(out.join("sub/a.json"), found().to_string()).expect("write");
    std::fs::write(out.join("b.json"), "{ truncated").expect("write");
    let card = score_folders(&gold_dir, &out).expect("scores");
    let names: Vec<(&str, bool)> = card
        .documents
        .iter()
        .map(|d| (d.document.as_str(), d.found))
        .collect();
    assert_eq!(names, [("a", true), ("b", true)]);
    assert_eq!(card.documents[0].items, "3/4 gold, 3 found");
    assert_eq!(card.documents[1].items, "0/4 gold, 0 found");

    std::fs::write(gold_dir.join("c.gold.json"), "{").expect("write");
    let err = score_folders(&gold_dir, &out)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.contains("c.gold.json") && err.contains("not valid JSON"),
        "{err}"
    );
    let err = score_folders(&gold_dir, &dir.path().join("nowhere"))
        .err()
        .map(|e| e.to_string());
    assert!(err.is_some_and(|e| e.contains("nowhere")));
}

#[test]
fn the_report_groups_differences_under_item_headings() {
    let mut found = found();
    if let Some(items) = found["items"].as_array_mut() {
        items.push(json!({"number": null, "title": "", "actions": [{"text": "Per ringer."}]}));
    }
    let mut s = Scorer::default();
    s.add_document("doc", &gold(), Some(&found)).expect("gold");
    let text = s.finish().render_text(false);
    for want in [
        "doc\n  meeting    1/3\n",
        "    wrong  meeting.date: gold \"2024-03-12\", found \"2024-03-13\"\n",
        "    wrong  meeting.location: gold nothing, found \"Hos Anna\"\n",
        "    wrong  role of \"Anna Berg\": gold \"ordförande\", found nothing\n",
        "    missed participant \"Örjan Ek\"\n    extra  participant \"Mötesform\"\n",
        "    item 1 \"Mötets öppnande\"\n      extra  decision \"Mötet öppnades.\"\n",
        "    item 4 \"Övrigt\": missed\n      missed decision \"lades till handlingarna\"\n",
        "    found item (no number, no title): extra\n      extra  action \"Per ringer.\"\n",
        "    extra  next_meeting \"2024-05-01\"\n",
        "\nmetric                          P      R     F1   tp/fp/fn\n",
        "decisions                   0.500  0.500  0.500   1/1/1\n",
        "target_date accuracy          n/a   (n=0)\n",
    ] {
        assert!(text.contains(want), "{want:?} not in\n{text}");
    }
}
