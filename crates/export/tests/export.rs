//! Exports two small contract documents to CSV, XLSX and JSONL and reads
//! them back.

use std::fs;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use minutes_export::{
    Error, ExportFormat, ExportOptions, Table, export, load, tables, write_csv, write_jsonl,
    write_xlsx,
};
use serde_json::{Value, json};

fn onkologi() -> Value {
    json!({
        "schema_version": "1",
        "source": {"path": "2026/onkologi/2026-02-19 protokoll.docx", "format": "docx",
                   "sha256": "ab12", "bytes": 48213, "pages": null},
        "meeting": {"organization": "Västra Götalandsregionen", "department": "Koncernkontoret",
                    "body": "Samordningsråd onkologi", "document_type": "protokoll",
                    "date": "2026-02-19", "document_date": "2026-02-20",
                    "start_time": "13:00", "end_time": "15:30", "location": "Regionens hus; sal 3"},
        "participants": [
            {"name": "Malin Lindén", "role": "ordförande", "title": null, "affiliation": "SU",
             "group": "member", "attendance": "present", "remote": false, "note": null},
            {"name": "Andreas Hallqvist", "role": "sekreterare", "title": "utvecklingsledare",
             "affiliation": "Koncernkontoret", "group": "member", "attendance": "present",
             "remote": true, "note": "via Teams, \"delvis\"", "extra_field": 7}
        ],
        "items": [
            {"id": "i1", "number": "1", "title": "Föregående mötesanteckningar", "parent": null,
             "time": null, "text": "Anteckningarna gicks igenom.\nInga synpunkter.",
             "attachments": [{"name": "Bilaga 1.pdf", "link": "https://example.org/b1"}],
             "decisions": [{"text": "Godkänns och läggs till handlingarna", "rule": "decision.godkanns",
                            "span": {"page": 1, "line": 12}}],
             "actions": [], "deferrals": [], "span": {"page": 1, "line": 10}},
            {"id": "i2", "number": "2", "title": "Vårdprogram, remissvar", "parent": null,
             "time": {"start": "13:30", "end": "14:00"}, "text": "Diskussion om remissvaret.",
             "attachments": [],
             "decisions": [],
             "actions": [{"text": "Andreas sammanställer remissvaret", "rule": "action.ansvarig",
                          "span": {"page": 2, "line": 3}, "assignees": ["Andreas Hallqvist"],
                          "due": "2026-03-05"}],
             "deferrals": [{"text": "Frågan om resurser bordläggs till nästa möte",
                            "rule": "deferral.bordlaggs", "span": {"line": 9},
                            "target_date": "2026-03-19", "reason": "underlag saknas",
                            "type": "tabled"}],
             "span": {"page": 2, "line": 1}}
        ],
        "next_meetings": [{"date": "2026-03-19", "topics": ["Remissvar", "Budget"], "note": null}],
        "warnings": ["participant list cut", {"level": "warning", "message": "unknown heading"}]
    })
}

fn internmedicin() -> Value {
    json!({
        "schema_version": "1",
        "source": {"path": "2026/internmedicin/2026-02-16.txt", "format": "txt",
                   "sha256": "cd34", "bytes": 5120, "pages": null},
        "meeting": {"organization": "Västra Götalandsregionen", "body": "Samordningsråd internmedicin",
                    "date": "2026-02-16"},
        "participants": [{"name": "Sofia Ekdahl", "role": "ordförande", "note": "=SUM(1)"}],
        "items": [
            {"id": "i1", "number": "1", "title": "Genomgång dagordning",
             "decisions": [{"text": "Dagordningen fastställs", "rule": "decision.fastställs"}]}
        ],
        "next_meetings": [],
        "warnings": []
    })
}

/// An output folder as a batch run leaves it.
fn output_folder(root: &Path) {
    let put = |rel: &str, value: &Value| {
        let path = root.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, serde_json::to_vec_pretty(value).unwrap()).unwrap();
    };
    put("2026/onkologi/2026-02-19 protokoll.json", &onkologi());
    put("2026/internmedicin/2026-02-16.json", &internmedicin());
    put("report.json", &json!({"totals": {}}));
    put("report.shard-1-of-2.json", &json!({"totals": {}}));
    put(
        "tracking.json",
        &json!({"links": [{
            "from": {"document": "2026-02-16.docx", "item": "3", "kind": "deferral",
                     "text": "Frågan bordläggs till nästa möte."},
            "to": {"document": "2026-03-16.docx", "item": "2"},
            "outcome": "decided",
            "evidence": "same title"
        }]}),
    );
    put(".minutes-manifest.json", &json!({"version": 1}));
    fs::write(root.join("2026/.x.json.tmp-1-1"), "{\"half").unwrap();
    fs::write(root.join("notes.txt"), "not json").unwrap();
}

fn table<'a>(tables: &'a [Table], name: &str) -> &'a Table {
    tables.iter().find(|t| t.name == name).unwrap()
}

fn col(t: &Table, name: &str) -> usize {
    t.columns.iter().position(|c| c.name == name).unwrap()
}

#[test]
fn tables_flatten_and_join() {
    let tmp = tempfile::tempdir().unwrap();
    output_folder(tmp.path());
    let docs = load(tmp.path()).unwrap();
    assert_eq!(docs.len(), 2);
    let tables = tables(&docs);
    let names: Vec<&str> = tables.iter().map(|t| t.name).collect();
    assert_eq!(
        names,
        [
            "meetings",
            "participants",
            "items",
            "decisions",
            "actions",
            "deferrals",
            "next_meetings"
        ]
    );
    let counts: Vec<usize> = tables.iter().map(|t| t.rows.len()).collect();
    assert_eq!(counts, [2, 3, 3, 2, 1, 1, 1]);
    for t in &tables {
        assert_eq!(t.columns[0].name, "document");
        assert!(
            t.rows.iter().all(|r| r.len() == t.columns.len()),
            "{}",
            t.name
        );
    }

    // Sorted by document: internmedicin < onkologi.
    let meetings = table(&tables, "meetings");
    assert_eq!(meetings.rows[0][0], "2026/internmedicin/2026-02-16.txt");
    let onk = &meetings.rows[1];
    assert_eq!(onk[col(meetings, "body")], "Samordningsråd onkologi");
    assert_eq!(onk[col(meetings, "pages")], "");
    assert_eq!(onk[col(meetings, "decisions")], "1");
    assert_eq!(
        onk[col(meetings, "warnings")],
        "participant list cut | unknown heading"
    );
    // Missing fields are empty cells.
    assert_eq!(meetings.rows[0][col(meetings, "location")], "");

    let p = table(&tables, "participants");
    assert_eq!(p.rows[1][col(p, "name")], "Malin Lindén");
    assert_eq!(p.rows[2][col(p, "remote")], "true");

    let actions = table(&tables, "actions");
    let a = &actions.rows[0];
    assert_eq!(a[col(actions, "assignees")], "Andreas Hallqvist");
    assert_eq!(a[col(actions, "due")], "2026-03-05");
    assert_eq!(a[col(actions, "item_id")], "i2");
    assert_eq!(a[col(actions, "item_number")], "2");
    assert_eq!(a[col(actions, "page")], "2");

    // Join: the action's (document, item_id) is an item row.
    let items = table(&tables, "items");
    let item = items
        .rows
        .iter()
        .find(|r| r[0] == a[0] && r[col(items, "item_id")] == a[col(actions, "item_id")])
        .unwrap();
    assert_eq!(item[col(items, "title")], "Vårdprogram, remissvar");
    assert_eq!(item[col(items, "time_start")], "13:30");
    assert_eq!(item[col(items, "actions")], "1");

    let d = table(&tables, "deferrals");
    assert_eq!(d.rows[0][col(d, "target_date")], "2026-03-19");
    assert_eq!(d.rows[0][col(d, "page")], "");
    let n = table(&tables, "next_meetings");
    assert_eq!(n.rows[0][col(n, "topics")], "Remissvar | Budget");
    let dec = table(&tables, "decisions");
    assert_eq!(
        dec.rows[1][col(dec, "text")],
        "Godkänns och läggs till handlingarna"
    );
}

#[test]
fn csv_export() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("out");
    output_folder(&input);
    let target = tmp.path().join("csv");
    let options = ExportOptions { delimiter: b';' };
    let summary = export(&input, ExportFormat::Csv, &target, &options).unwrap();
    assert_eq!(summary.documents, 2);
    // Seven tables, and the links `minutes track` wrote as an eighth.
    assert_eq!(summary.written.len(), 8);
    assert_eq!(summary.rows[0], ("meetings", 2));
    assert_eq!(summary.rows[7], ("links", 1));

    let read = |name: &str| fs::read_to_string(target.join(format!("{name}.csv"))).unwrap();
    let links = read("links");
    assert!(
        links.contains("2026-02-16.docx;3;deferral;Frågan bordläggs till nästa möte.;;2026-03-16.docx;2;decided;same title"),
        "{links}"
    );
    let meetings = read("meetings");
    assert!(meetings.starts_with('\u{FEFF}'), "no BOM");
    let body = meetings.trim_start_matches('\u{FEFF}');
    let lines: Vec<&str> = body.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 3, "header + 2 documents");
    assert!(lines[0].starts_with("document;format;sha256;"));
    // A field containing the delimiter is quoted.
    assert!(
        lines[2].contains(";\"Regionens hus; sal 3\";"),
        "{}",
        lines[2]
    );

    let participants = read("participants");
    // Quotes are doubled and the field quoted; ',' is not special with ';'.
    assert!(
        participants.contains("\"via Teams, \"\"delvis\"\"\""),
        "{participants}"
    );
    assert_eq!(participants.matches("\r\n").count(), 4);

    // A newline inside a field stays inside one quoted field.
    let items = read("items");
    assert!(items.contains("\"Anteckningarna gicks igenom.\nInga synpunkter.\""));

    let actions = read("actions");
    let row = actions.lines().nth(1).unwrap();
    assert!(row.starts_with(
        "2026/onkologi/2026-02-19 protokoll.docx;2;i2;2;1;Andreas sammanställer remissvaret;Andreas Hallqvist;2026-03-05;"
    ), "{row}");

    // Default delimiter is ','.
    let target2 = tmp.path().join("csv2");
    export(
        &input,
        ExportFormat::Csv,
        &target2,
        &ExportOptions::default(),
    )
    .unwrap();
    let m2 = fs::read_to_string(target2.join("meetings.csv")).unwrap();
    assert!(m2.contains("document,format,sha256"));
    assert!(m2.contains(",Regionens hus; sal 3,"));
}

#[test]
fn xlsx_export() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("out");
    output_folder(&input);
    let path = tmp.path().join("tabeller/minutes.xlsx");
    export(&input, ExportFormat::Xlsx, &path, &ExportOptions::default()).unwrap();

    let mut workbook: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(
        workbook.sheet_names(),
        [
            "meetings",
            "participants",
            "items",
            "decisions",
            "actions",
            "deferrals",
            "next_meetings",
            "links"
        ]
    );
    let range = workbook.worksheet_range("meetings").unwrap();
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0][0], "document");
    assert_eq!(rows[0][7], "body");
    assert_eq!(rows[2][7], "Samordningsråd onkologi");

    let actions = workbook.worksheet_range("actions").unwrap();
    let header: Vec<String> = actions
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        header[..8],
        [
            "document",
            "item_index",
            "item_id",
            "item_number",
            "index",
            "text",
            "assignees",
            "due"
        ]
    );
    assert_eq!(
        actions.get_value((1, 6)),
        Some(&Data::String("Andreas Hallqvist".to_string()))
    );
    // Typed cells: a date is a date, a position a number.
    match actions.get_value((1, 7)) {
        Some(Data::DateTime(due)) => {
            assert!(due.is_datetime());
            // Excel's serial day: days since 1899-12-30.
            assert_eq!(due.as_f64(), 46_086.0, "2026-03-05");
        }
        other => panic!("due is not a date: {other:?}"),
    }
    assert_eq!(actions.get_value((1, 1)), Some(&Data::Float(2.0)));
    assert_eq!(
        actions.get_value((1, 3)),
        Some(&Data::String("2".to_string())),
        "item numbers stay text (2a, 8.1)"
    );

    // Counts are numbers, times are times, an empty cell is empty.
    let meetings = workbook.worksheet_range("meetings").unwrap();
    assert_eq!(meetings.get_value((2, 3)), Some(&Data::Float(48213.0)));
    assert_eq!(meetings.get_value((2, 16)), Some(&Data::Float(1.0)));
    assert_eq!(meetings.get_value((2, 4)), Some(&Data::Empty));
    match meetings.get_value((2, 11)) {
        Some(Data::DateTime(t)) => assert_eq!(t.as_f64(), 13.0 / 24.0),
        other => panic!("start_time is not a time: {other:?}"),
    }
    assert_eq!(
        meetings.get_value((2, 20)),
        Some(&Data::String(
            "participant list cut | unknown heading".to_string()
        ))
    );

    let participants = workbook.worksheet_range("participants").unwrap();
    assert_eq!(participants.height(), 4);
    // remote is a boolean; a formula-looking note stays the text it was.
    assert_eq!(participants.get_value((2, 8)), Some(&Data::Bool(false)));
    assert_eq!(participants.get_value((3, 8)), Some(&Data::Bool(true)));
    assert_eq!(
        participants.get_value((1, 9)),
        Some(&Data::String("=SUM(1)".to_string()))
    );
    assert!(participants.rows().any(|r| {
        r.iter()
            .any(|c| *c == Data::String("Malin Lindén".to_string()))
    }));

    // An empty table still has its header.
    let mut empty = tables(&[]);
    empty.truncate(2);
    let path2 = tmp.path().join("empty.xlsx");
    write_xlsx(&path2, &empty).unwrap();
    let mut wb: Xlsx<_> = open_workbook(&path2).unwrap();
    assert_eq!(wb.worksheet_range("participants").unwrap().height(), 1);
}

#[test]
fn jsonl_export() {
    let tmp = tempfile::tempdir().unwrap();
    output_folder(tmp.path());
    let docs = load(tmp.path()).unwrap();
    let mut out = Vec::new();
    write_jsonl(&mut out, &docs).unwrap();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    let first: Value = serde_json::from_str(lines[0]).unwrap();
    // load() sorts by file path: internmedicin before onkologi.
    assert_eq!(first["meeting"]["body"], "Samordningsråd internmedicin");
    let second: Value = serde_json::from_str(lines[1]).unwrap();
    assert_eq!(second, onkologi());

    let target = tmp.path().join("all.jsonl");
    export(
        tmp.path(),
        ExportFormat::Jsonl,
        &target,
        &ExportOptions::default(),
    )
    .unwrap();
    assert_eq!(fs::read_to_string(&target).unwrap(), text);
}

#[test]
fn malformed_file_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    output_folder(tmp.path());
    fs::write(tmp.path().join("2026/trasig.json"), "{\"schema_version\": ").unwrap();
    match load(tmp.path()) {
        Err(e @ Error::Parse { .. }) => assert!(e.to_string().contains("trasig.json"), "{e}"),
        other => panic!("expected a parse error, got {other:?}"),
    }
    fs::write(tmp.path().join("2026/trasig.json"), "[1, 2]").unwrap();
    assert!(matches!(load(tmp.path()), Err(Error::NotADocument { .. })));
    assert!(matches!(
        load(&tmp.path().join("saknas")),
        Err(Error::Read { .. })
    ));
}

#[test]
fn formats_parse_and_csv_writer_directly() {
    assert_eq!("CSV".parse::<ExportFormat>().unwrap(), ExportFormat::Csv);
    assert_eq!("xlsx".parse::<ExportFormat>().unwrap(), ExportFormat::Xlsx);
    assert_eq!(
        "jsonl".parse::<ExportFormat>().unwrap(),
        ExportFormat::Jsonl
    );
    assert!("pdf".parse::<ExportFormat>().is_err());
    assert_eq!(ExportFormat::Xlsx.to_string(), "xlsx");

    let tmp = tempfile::tempdir().unwrap();
    let t = tables(&[onkologi()]);
    let files = write_csv(tmp.path(), &t, b'\t').unwrap();
    assert_eq!(files.len(), 7);
    let d = fs::read_to_string(tmp.path().join("decisions.csv")).unwrap();
    assert!(d.contains(
        "\t1\ti1\t1\t1\tGodkänns och läggs till handlingarna\tdecision.godkanns\t1\t12\r\n"
    ));
}

#[test]
fn streaming_export_matches_in_memory_tables() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("out");
    output_folder(&input);
    let streamed = tmp.path().join("streamed");
    export(
        &input,
        ExportFormat::Csv,
        &streamed,
        &ExportOptions::default(),
    )
    .unwrap();
    let in_memory = tmp.path().join("in_memory");
    write_csv(&in_memory, &tables(&load(&input).unwrap()), b',').unwrap();
    for name in [
        "meetings",
        "participants",
        "items",
        "decisions",
        "actions",
        "deferrals",
        "next_meetings",
    ] {
        let file = format!("{name}.csv");
        assert_eq!(
            fs::read(streamed.join(&file)).unwrap(),
            fs::read(in_memory.join(&file)).unwrap(),
            "{file}"
        );
    }

    // A document without source.path is keyed by its file.
    let mut bare = internmedicin();
    bare.as_object_mut().unwrap().remove("source");
    fs::write(
        input.join("2026/bare.json"),
        serde_json::to_vec(&bare).unwrap(),
    )
    .unwrap();
    let summary = export(
        &input,
        ExportFormat::Csv,
        &streamed,
        &ExportOptions::default(),
    )
    .unwrap();
    assert_eq!(summary.documents, 3);
    assert_eq!(summary.rows[0], ("meetings", 3));
    let meetings = fs::read_to_string(streamed.join("meetings.csv")).unwrap();
    assert!(meetings.contains("\r\n2026/bare.json,"), "{meetings}");
}

#[test]
fn an_output_folder_with_a_manifest_exports_only_what_it_lists() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    output_folder(root);
    // A stray package.json and the output of an input since deleted are
    // not meetings of this archive.
    fs::write(
        root.join("package.json"),
        r#"{"name": "x", "source": {"path": "p"}}"#,
    )
    .unwrap();
    fs::write(
        root.join("2026/borttagen.json"),
        serde_json::to_vec(&internmedicin()).unwrap(),
    )
    .unwrap();
    fs::write(
        root.join(".minutes-manifest.json"),
        serde_json::to_vec(&json!({
            "version": 2,
            "fingerprint": "f",
            "entries": {
                "2026/onkologi/2026-02-19 protokoll.docx": {
                    "sha256": "00", "output": "2026/onkologi/2026-02-19 protokoll.json"
                },
                "2026/internmedicin/2026-02-16.txt": {
                    "sha256": "00", "output": "2026/internmedicin/2026-02-16.json"
                },
                "skipped.txt": {"sha256": "00", "skipped": "not minutes"},
                "escape.txt": {"sha256": "00", "output": "../outside.json"}
            }
        }))
        .unwrap(),
    )
    .unwrap();
    let files = minutes_export::document_files(root).unwrap();
    let rel: Vec<String> = files
        .iter()
        .map(|p| {
            p.strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    assert_eq!(
        rel,
        [
            "2026/internmedicin/2026-02-16.json",
            "2026/onkologi/2026-02-19 protokoll.json"
        ]
    );
    assert_eq!(load(root).unwrap().len(), 2);
}

#[test]
fn csv_opens_in_a_swedish_excel_with_lists_and_formulas_safe() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("out");
    output_folder(&input);
    let target = tmp.path().join("csv");
    // Excel in a Swedish locale splits a .csv at its list separator, ';'.
    let options = ExportOptions { delimiter: b';' };
    export(&input, ExportFormat::Csv, &target, &options).unwrap();

    for entry in fs::read_dir(&target).unwrap() {
        let path = entry.unwrap().path();
        let bytes = fs::read(&path).unwrap();
        // UTF-8 with a byte-order mark, so Excel does not read it as ANSI.
        assert!(bytes.starts_with("\u{FEFF}".as_bytes()), "{path:?}");
        // Every record splits into exactly as many fields as the header has
        // columns (the reader rejects ragged records): no merged or split
        // columns.
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(&bytes[3..]);
        let width = reader.headers().unwrap().len();
        for record in reader.records() {
            assert_eq!(record.unwrap().len(), width, "{path:?}");
        }
    }

    let read = |name: &str| fs::read_to_string(target.join(format!("{name}.csv"))).unwrap();
    // Lists are joined with " | ", never with the delimiter.
    let next = read("next_meetings");
    assert!(next.contains(";2026-03-19;Remissvar | Budget;"), "{next}");
    let meetings = read("meetings");
    assert!(
        meetings.contains(";participant list cut | unknown heading\r\n"),
        "{meetings}"
    );
    // A cell that a spreadsheet would evaluate is neutralised with a quote.
    let participants = read("participants");
    assert!(
        participants.contains(
            "\r\n2026/internmedicin/2026-02-16.txt;1;Sofia Ekdahl;ordförande;;;;;;'=SUM(1)\r\n"
        ),
        "{participants}"
    );
    assert!(!participants.contains(";=SUM(1)"));
}

#[test]
fn two_exports_of_the_same_documents_are_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("out");
    output_folder(&input);
    let options = ExportOptions { delimiter: b';' };
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    for dir in [&a, &b] {
        export(&input, ExportFormat::Csv, &dir.join("csv"), &options).unwrap();
        export(
            &input,
            ExportFormat::Xlsx,
            &dir.join("minutes.xlsx"),
            &options,
        )
        .unwrap();
        // Apart in time, so that a clock in the output would show.
        std::thread::sleep(std::time::Duration::from_millis(1100));
    }
    let xlsx = fs::read(a.join("minutes.xlsx")).unwrap();
    assert_eq!(xlsx, fs::read(b.join("minutes.xlsx")).unwrap());
    let mut csv_files = 0;
    for entry in fs::read_dir(a.join("csv")).unwrap() {
        let path = entry.unwrap().path();
        let twin = b.join("csv").join(path.file_name().unwrap());
        assert_eq!(
            fs::read(&path).unwrap(),
            fs::read(&twin).unwrap(),
            "{path:?}"
        );
        csv_files += 1;
    }
    assert_eq!(csv_files, 8);

    // A rerun over the same target replaces the files; nothing is left
    // beside them.
    export(
        &input,
        ExportFormat::Xlsx,
        &a.join("minutes.xlsx"),
        &options,
    )
    .unwrap();
    export(&input, ExportFormat::Csv, &a.join("csv"), &options).unwrap();
    assert_eq!(fs::read(a.join("minutes.xlsx")).unwrap(), xlsx);
    let mut names: Vec<String> = fs::read_dir(&a)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["csv", "minutes.xlsx"]);
    assert_eq!(fs::read_dir(a.join("csv")).unwrap().count(), 8);
}
