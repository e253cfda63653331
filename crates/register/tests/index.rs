//! The database of a small output folder written here: keys, incremental
//! re-runs, typed columns and the full-text index.

use minutes_register::index;
use rusqlite::Connection;
use serde_json::json;
use std::path::Path;

fn document(path: &str, sha: &str, date: &str, item_title: &str) -> serde_json::Value {
    json!({
        "schema_version": "1",
        "source": {"path": path, "format": "txt", "sha256": sha, "bytes": 10, "pages": null},
        "meeting": {"organization": "Exempelkommun", "department": null, "body": "Kommunstyrelsen",
                    "document_type": "minutes", "date": date, "document_date": null,
                    "start_time": "09:00", "end_time": null, "location": null},
        "participants": [{"name": "Björn Lindkvist", "role": "ordförande", "title": null,
                          "affiliation": null, "group": "member", "attendance": "present",
                          "remote": false, "note": null}],
        "items": [{"id": "item-1", "number": "1", "title": item_title, "parent": null, "time": null,
                   "text": "BL beställer nya skyltar.", "attachments": [{"name": "Bilaga 1", "link": null}],
                   "decisions": [{"text": "Styrelsen beslutar att anta planen.", "rule": "decision.x",
                                  "span": {"block": 1, "unit": 0, "start": 0, "end": 10}}],
                   "actions": [{"text": "BL beställer nya skyltar.", "rule": "action.verb",
                                "span": {"block": 1, "unit": 1, "start": 0, "end": 10},
                                "assignees": ["BL"], "due": "2024-05-01"}],
                   "deferrals": [{"text": "Ärendet bordläggs.", "rule": "deferral.x",
                                  "span": {"block": 1, "unit": 2, "start": 0, "end": 10},
                                  "target_date": null, "reason": null, "type": "bordläggning"}],
                   "span": {"page": null, "block": 1}}],
        "next_meetings": [{"date": "2024-06-01", "topics": ["Budget"], "note": null}],
        "warnings": [],
        "generator": {"name": "minutes", "version": "0.1.0", "rules": "abc"}
    })
}

/// Writes OUT with documents at the given (input, output) paths and a report listing them.
fn write_out(out: &Path, docs: &[(&str, &str, serde_json::Value)]) {
    let mut files = vec![];
    for (input, output, doc) in docs {
        let p = out.join(output);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, serde_json::to_vec_pretty(doc).unwrap()).unwrap();
        files.push(json!({"path": input, "output": output, "status": "ok"}));
    }
    files.push(json!({"path": "broken.pdf", "output": null, "status": "failed"}));
    std::fs::write(out.join("stray.json"), "{\"not\": \"a document\"}").unwrap();
    std::fs::write(
        out.join("report.json"),
        serde_json::to_vec(&json!({"files": files})).unwrap(),
    )
    .unwrap();
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn same_file_names_in_two_folders_are_two_documents() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    write_out(
        &out,
        &[
            (
                "a/protokoll.txt",
                "a/protokoll.json",
                document("a/protokoll.txt", "11", "2024-03-01", "Skyltar"),
            ),
            (
                "b/protokoll.txt",
                "b/protokoll.json",
                document("b/protokoll.txt", "11", "2024-03-01", "Skyltar"),
            ),
        ],
    );
    let db = dir.path().join("r.sqlite");
    let s = index(&out, &db).unwrap();
    assert_eq!((s.documents, s.added), (2, 2));
    let conn = Connection::open(&db).unwrap();
    assert_eq!(count(&conn, "SELECT COUNT(*) FROM documents"), 2);
    assert_eq!(count(&conn, "SELECT COUNT(DISTINCT key) FROM items"), 2);
    assert_eq!(count(&conn, "SELECT COUNT(*) FROM decisions"), 2);
    // Two folders, two series: the same body in two archives is not one series.
    assert_eq!(
        count(&conn, "SELECT COUNT(DISTINCT series) FROM meetings"),
        2
    );
}

#[test]
fn a_rerun_touches_only_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let db = dir.path().join("r.sqlite");
    let a = (
        "ks-1.txt",
        "ks-1.json",
        document("ks-1.txt", "aa", "2024-03-01", "Skyltar"),
    );
    let b = (
        "ks-2.txt",
        "ks-2.json",
        document("ks-2.txt", "bb", "2024-04-01", "Budget"),
    );
    write_out(&out, &[a.clone(), b.clone()]);
    assert_eq!(index(&out, &db).unwrap().added, 2);
    let again = index(&out, &db).unwrap();
    assert_eq!((again.added, again.updated, again.unchanged), (0, 0, 2));

    // The second input changed, the first is unchanged, a third is new.
    let b2 = (
        "ks-2.txt",
        "ks-2.json",
        document("ks-2.txt", "cc", "2024-04-01", "Budget 2025"),
    );
    let c = (
        "ks-3.txt",
        "ks-3.json",
        document("ks-3.txt", "dd", "2024-05-01", "Lokaler"),
    );
    write_out(&out, &[a.clone(), b2, c]);
    let s = index(&out, &db).unwrap();
    assert_eq!((s.added, s.updated, s.unchanged, s.removed), (1, 1, 1, 0));
    let conn = Connection::open(&db).unwrap();
    assert_eq!(
        count(&conn, "SELECT COUNT(*) FROM items WHERE title = 'Budget'"),
        0
    );
    assert_eq!(
        count(
            &conn,
            "SELECT COUNT(*) FROM items WHERE title = 'Budget 2025'"
        ),
        1
    );
    // The full-text index follows: the old title is gone from it too.
    // (Stale entries of an external-content index would still match, without a row.)
    assert_eq!(
        count(
            &conn,
            "SELECT COUNT(*) FROM search WHERE search MATCH 'budget'"
        ),
        count(
            &conn,
            "SELECT COUNT(*) FROM texts t JOIN items i ON i.id = t.item_id WHERE i.title = 'Budget 2025'"
        )
    );
    assert_eq!(
        count(
            &conn,
            "SELECT COUNT(DISTINCT t.item_id) FROM search JOIN texts t ON t.id = search.rowid
             WHERE search MATCH 'budget'"
        ),
        1
    );

    // A converter with other rules makes every document stale.
    let mut a2 = a.2.clone();
    a2["generator"]["rules"] = json!("def");
    write_out(&out, &[("ks-1.txt", "ks-1.json", a2)]);
    let s = index(&out, &db).unwrap();
    assert_eq!((s.updated, s.removed), (1, 2));
    drop(conn);
    let conn = Connection::open(&db).unwrap();
    assert_eq!(count(&conn, "SELECT COUNT(*) FROM documents"), 1);
    assert_eq!(
        count(&conn, "SELECT COUNT(*) FROM texts"),
        count(&conn, "SELECT COUNT(*) FROM search")
    );
}

#[test]
fn columns_are_typed_and_people_resolved() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let mut bad = document("x.txt", "aa", "2024-03-01", "Skyltar");
    bad["meeting"]["start_time"] = json!("nine");
    bad["items"][0]["actions"][0]["due"] = json!("den 5 maj");
    write_out(&out, &[("x.txt", "x.json", bad)]);
    let db = dir.path().join("r.sqlite");
    index(&out, &db).unwrap();
    let conn = Connection::open(&db).unwrap();
    // What is not a time or a date is not stored as one.
    assert_eq!(
        count(
            &conn,
            "SELECT COUNT(*) FROM meetings WHERE start_time IS NULL"
        ),
        1
    );
    assert_eq!(
        count(&conn, "SELECT COUNT(*) FROM actions WHERE due IS NULL"),
        1
    );
    assert!(
        conn.execute("UPDATE meetings SET date = '12 mars'", [])
            .is_err()
    );
    let who: String = conn
        .query_row(
            "SELECT p.name FROM action_assignees aa JOIN people p ON p.id = aa.person_id",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(who, "Björn Lindkvist");
    let hit: String = conn
        .query_row(
            "SELECT a.text FROM search JOIN texts t ON t.id = search.rowid
             JOIN actions a ON a.id = t.ref_id
             WHERE search MATCH 'skyltar' AND t.kind = 'action'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(hit.contains("BL beställer"));
}

#[test]
fn a_broken_document_is_reported_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    write_out(
        &out,
        &[
            (
                "a.txt",
                "a.json",
                document("a.txt", "aa", "2024-03-01", "Skyltar"),
            ),
            (
                "b.txt",
                "b.json",
                document("b.txt", "bb", "2024-03-02", "Budget"),
            ),
        ],
    );
    std::fs::write(out.join("b.json"), "{ truncated").unwrap();
    let db = dir.path().join("r.sqlite");
    let s = index(&out, &db).unwrap();
    assert_eq!(s.added, 1);
    assert_eq!(s.failed.len(), 1);
    assert!(s.failed[0].contains("b.json"), "{:?}", s.failed);
}

#[test]
fn another_database_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    write_out(
        &out,
        &[(
            "a.txt",
            "a.json",
            document("a.txt", "aa", "2024-03-01", "Skyltar"),
        )],
    );
    let db = dir.path().join("theirs.sqlite");
    Connection::open(&db)
        .unwrap()
        .execute_batch("CREATE TABLE accounts(id INTEGER); INSERT INTO accounts VALUES (1);")
        .unwrap();
    let e = index(&out, &db).unwrap_err().to_string();
    assert!(e.contains("not a minutes register"), "{e}");
    let conn = Connection::open(&db).unwrap();
    assert_eq!(count(&conn, "SELECT COUNT(*) FROM accounts"), 1);
}

#[test]
fn tracking_never_overwrites_a_converted_document() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let doc = document("tracking.txt", "aa", "2024-03-01", "Skyltar");
    write_out(&out, &[("tracking.txt", "tracking.json", doc)]);
    let before = std::fs::read(out.join("tracking.json")).unwrap();
    let e = minutes_register::track::track_and_write(&out)
        .unwrap_err()
        .to_string();
    assert!(e.contains("tracking.txt"), "{e}");
    assert_eq!(std::fs::read(out.join("tracking.json")).unwrap(), before);
}

#[test]
fn tracking_writes_the_links_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    write_out(
        &out,
        &[
            (
                "ks-1.txt",
                "ks-1.json",
                document("ks-1.txt", "aa", "2024-03-01", "Skyltar"),
            ),
            (
                "ks-2.txt",
                "ks-2.json",
                document("ks-2.txt", "bb", "2024-04-01", "Skyltar"),
            ),
        ],
    );
    let db = dir.path().join("r.sqlite");
    index(&out, &db).unwrap();
    let t = minutes_register::track::track_and_write(&out).unwrap();
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("tracking.json")).unwrap()).unwrap();
    let links = written["links"].as_array().unwrap();
    assert_eq!(links.len(), t.links.len());
    // The first meeting's deferral and BL's task both come back under the same title.
    let first: Vec<_> = links
        .iter()
        .filter(|l| l["from"]["document"] == "ks-1.txt")
        .collect();
    assert_eq!(first.len(), 2);
    assert!(
        first.iter().all(|l| l["to"]["document"] == "ks-2.txt"),
        "{first:?}"
    );
    assert_eq!(first[1]["from"]["assignees"], json!(["Björn Lindkvist"]));
    assert_eq!(minutes_register::index::store_links(&db, &t).unwrap(), 0);
    let conn = Connection::open(&db).unwrap();
    assert_eq!(
        count(&conn, "SELECT COUNT(*) FROM links") as usize,
        t.links.len()
    );
    assert_eq!(
        count(
            &conn,
            "SELECT COUNT(*) FROM links WHERE to_item_id IS NOT NULL"
        ),
        2
    );
}
