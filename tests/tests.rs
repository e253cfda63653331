//! End-to-end tests: the real `minutes` binary over `fixtures/`, compared
//! with the gold extractions (through a copy of the project's scorer,
//! `fixtures/eval/score.py`) and with the published JSON Schema.
//!
//! The floors asserted here are the ones the issues set; they are a
//! regression gate, not a target.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_minutes"))
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixtures() -> PathBuf {
    root().join("fixtures")
}

/// A fresh temporary folder for one test.
fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("minutes-it-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().expect("the binary runs");
    if !out.status.success() {
        eprintln!("stdout:\n{}", String::from_utf8_lossy(&out.stdout));
        eprintln!("stderr:\n{}", String::from_utf8_lossy(&out.stderr));
    }
    out
}

fn convert(inputs: &[&Path], out: &Path, extra: &[&str]) -> Output {
    let mut c = bin();
    c.arg("convert").arg("--quiet").arg("--out").arg(out);
    for i in inputs {
        c.arg(i);
    }
    c.args(extra);
    run(&mut c)
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("list").flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(json_files(&p));
        } else if p.extension().is_some_and(|x| x == "json")
            && p.file_name()
                .is_some_and(|n| n != "report.json" && !n.to_string_lossy().starts_with('.'))
        {
            out.push(p);
        }
    }
    out.sort();
    out
}

fn score(pred: &Path) -> serde_json::Value {
    score_against(&fixtures().join("gold"), pred)
}

fn score_against(gold: &Path, pred: &Path) -> serde_json::Value {
    let out = Command::new("python3")
        .arg(fixtures().join("eval/score.py"))
        .arg("--gold")
        .arg(gold)
        .arg("--pred")
        .arg(pred)
        .arg("--json")
        .output()
        .expect("python3 runs the scorer");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("scorer prints JSON")
}

#[test]
fn seeds_meet_the_gold_floors() {
    let out = temp("seeds");
    let o = convert(&[&fixtures().join("seeds")], &out, &[]);
    assert!(o.status.success());
    let s = score(&out);
    let summary = &s["summary"];
    let floors = [
        // Issue 2: structure.
        ("items", "f1", 0.97),
        ("titles", "accuracy", 0.90),
        ("participants", "f1", 0.95),
        ("role", "accuracy", 0.90),
        ("attendance", "accuracy", 0.90),
        ("meeting", "accuracy", 0.90),
        ("next_meetings", "f1", 0.95),
        // Issue 3: rules.
        ("decisions", "f1", 0.90),
        ("actions", "f1", 0.90),
        ("deferrals", "f1", 0.90),
        ("assignees", "accuracy", 0.85),
        ("due", "accuracy", 0.90),
        ("target_date", "accuracy", 0.90),
    ];
    let mut below = Vec::new();
    for (metric, field, floor) in floors {
        let v = summary[metric][field].as_f64().unwrap_or(0.0);
        if v < floor {
            below.push(format!("{metric}.{field} = {v} < {floor}"));
        }
    }
    assert!(
        below.is_empty(),
        "below the floors: {below:#?}\n{}",
        serde_json::to_string_pretty(summary).unwrap_or_default()
    );
}

#[test]
fn every_output_validates_against_the_schema_and_is_deterministic() {
    let a = temp("schema-a");
    let b = temp("schema-b");
    let inputs = [fixtures().join("seeds"), fixtures().join("real")];
    let refs: Vec<&Path> = inputs.iter().map(|p| p.as_path()).collect();
    convert(&refs, &a, &["--jobs", "2"]);
    convert(&refs, &b, &["--jobs", "1"]);
    let schema: serde_json::Value =
        serde_json::from_str(minutes_output::SCHEMA).expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let files = json_files(&a);
    assert!(files.len() >= 5, "{files:?}");
    for f in &files {
        let bytes = std::fs::read(f).expect("read output");
        let v: serde_json::Value = serde_json::from_slice(&bytes).expect("output is JSON");
        let errors: Vec<String> = validator
            .iter_errors(&v)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", f.display());
        let twin = b.join(f.strip_prefix(&a).expect("inside a"));
        assert_eq!(
            bytes,
            std::fs::read(&twin).expect("twin output"),
            "{} differs between runs",
            f.display()
        );
    }
}

#[test]
fn a_broken_file_fails_alone_and_the_rest_convert() {
    let input = temp("broken-in");
    let out = temp("broken-out");
    std::fs::copy(
        fixtures().join("seeds/000_554d08a2b9ce75a5.txt"),
        input.join("good.txt"),
    )
    .expect("copy");
    std::fs::write(input.join("empty.txt"), b"").expect("write");
    // Windows-1252, as old Swedish exports are.
    std::fs::write(
        input.join("latin1.txt"),
        b"1. M\xf6tets \xf6ppnande\n\nDagordningen godk\xe4ndes.\n",
    )
    .expect("write");
    // Code page 850, as DOS wrote Swedish; UTF-16 without its byte-order
    // mark, as some Windows exports do.
    std::fs::write(
        input.join("dos.txt"),
        b"1. M\x94tets \x94ppnande\n\nDagordningen godk\x84ndes.\n",
    )
    .expect("write");
    let utf16: Vec<u8> = "1. Mötets öppnande\n\nDagordningen godkändes.\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    std::fs::write(input.join("utf16.txt"), utf16).expect("write");
    std::fs::write(input.join("bild.jpg"), b"\xff\xd8\xff\xe0").expect("write");
    let o = convert(&[&input], &out, &[]);
    assert_eq!(o.status.code(), Some(2), "some files failed");
    assert!(out.join("good.json").exists());
    let latin: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("latin1.json")).expect("latin1 converted"))
            .expect("json");
    assert_eq!(latin["items"][0]["title"], "Mötets öppnande");
    assert_eq!(latin["warnings"][0]["code"], "text.encoding.windows-1252");
    for (name, code) in [("dos", Some("text.encoding.ibm850")), ("utf16", None)] {
        let doc: serde_json::Value = serde_json::from_slice(
            &std::fs::read(out.join(format!("{name}.json"))).expect("converted"),
        )
        .expect("json");
        assert_eq!(doc["items"][0]["title"], "Mötets öppnande", "{name}");
        let warning = doc["warnings"].as_array().and_then(|w| {
            w.iter()
                .filter_map(|w| w["code"].as_str())
                .find(|c| c.starts_with("text.encoding"))
        });
        assert_eq!(warning, code, "{name}");
    }
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("report.json")).expect("report"))
            .expect("json");
    let status = |name: &str| {
        report["files"]
            .as_array()
            .and_then(|fs| fs.iter().find(|f| f["path"] == name))
            .map(|f| {
                (
                    f["status"].as_str().unwrap_or("").to_string(),
                    f["error"].as_str().unwrap_or("").to_string(),
                )
            })
    };
    let (st, err) = status("empty.txt").expect("empty.txt reported");
    assert_eq!(st, "failed");
    assert!(err.contains("empty"), "{err}");
    assert_eq!(status("bild.jpg").map(|s| s.0).as_deref(), Some("skipped"));
    assert!(
        !std::fs::read_dir(&out)
            .expect("list")
            .flatten()
            .any(|e| e.file_name().to_string_lossy().contains(".tmp"))
    );
}

#[test]
fn incremental_rerun_converts_nothing_new() {
    let out = temp("incr");
    let seeds = fixtures().join("seeds");
    convert(&[&seeds], &out, &["--incremental"]);
    convert(&[&seeds], &out, &["--incremental"]);
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("report.json")).expect("report"))
            .expect("json");
    assert_eq!(report["totals"]["up_to_date"], 5, "{}", report["totals"]);
    assert_eq!(report["totals"]["converted"], 0);
}

#[test]
fn explain_names_the_rules_that_fired_and_were_vetoed() {
    let f = temp("explain").join("m.txt");
    std::fs::write(
        &f,
        "Datum: 2025-04-09\n\n1. Rapport\n\nDen 8 april fattade regionfullmäktige beslut om vårdval. Anteckningarna godkändes.\n",
    )
    .expect("write");
    let o = run(bin().arg("explain").arg(&f));
    assert!(o.status.success());
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("+ decision decision.approved"), "{text}");
    assert!(
        text.contains("- vetoed   decision.verb.fattade-beslut"),
        "{text}"
    );
}

#[test]
fn a_broken_rules_file_stops_the_run_naming_the_rule() {
    let dir = temp("rules");
    let rules = dir.join("rules.toml");
    std::fs::write(
        &rules,
        "[[rule]]\nid = \"decision.mine\"\nkind = \"decision\"\nregex = \"(beslut\"\n",
    )
    .expect("write");
    let o = convert(
        &[&fixtures().join("seeds")],
        &dir.join("out"),
        &["--rules", rules.to_str().expect("utf-8 path")],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("decision.mine") && err.contains("regex"),
        "{err}"
    );
}

#[test]
fn a_user_rules_file_replaces_the_default() {
    let dir = temp("own-rules");
    let rules = dir.join("rules.toml");
    std::fs::write(
        &rules,
        "[[rule]]\nid = \"decision.only-approved\"\nkind = \"decision\"\nregex = '(?i)godkändes'\nexamples = { hit = [\"Anteckningarna godkändes.\"] }\n",
    )
    .expect("write");
    let out = dir.join("out");
    convert(
        &[&fixtures().join("seeds/000_554d08a2b9ce75a5.txt")],
        &out,
        &["--rules", rules.to_str().expect("utf-8 path")],
    );
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("000_554d08a2b9ce75a5.json")).expect("out"))
            .expect("json");
    let rules_used: Vec<String> = v["items"]
        .as_array()
        .expect("items")
        .iter()
        .flat_map(|i| i["decisions"].as_array().cloned().unwrap_or_default())
        .map(|d| d["rule"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(rules_used, ["decision.only-approved"]);
}

#[test]
fn exports_tables_for_analysts() {
    let out = temp("export");
    let o = convert(
        &[&fixtures().join("seeds")],
        &out,
        &["--export", "csv", "--delimiter", ";"],
    );
    assert!(o.status.success());
    let csv = std::fs::read(out.join("tables/actions.csv")).expect("actions.csv");
    assert!(
        csv.starts_with(b"\xef\xbb\xbf"),
        "UTF-8 with a byte-order mark"
    );
    let text = String::from_utf8_lossy(&csv);
    assert!(text.lines().next().is_some_and(|h| h.contains(';')));
    assert!(text.contains("Björn Lindkvist"));
    // Lists are joined with " | ", not with the Swedish field separator.
    let next = std::fs::read_to_string(out.join("tables/next_meetings.csv")).expect("csv");
    assert!(
        next.contains("Kvarstående frågor från 16 februari | Diskussion Lungmedicin"),
        "{next}"
    );
    let o = run(bin().arg("export").arg(&out).arg("--to").arg("jsonl"));
    assert!(o.status.success());
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 5);

    // Two exports of the same documents are byte-identical.
    let export = |format: &str, target: &Path| {
        let o = run(bin()
            .arg("export")
            .arg(&out)
            .args(["--to", format, "--delimiter", ";", "-o"])
            .arg(target));
        assert!(o.status.success());
    };
    let (a, b) = (temp("export-a"), temp("export-b"));
    for dir in [&a, &b] {
        export("xlsx", &dir.join("minutes.xlsx"));
        export("csv", &dir.join("tables"));
    }
    let read = |p: PathBuf| std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    assert_eq!(read(a.join("minutes.xlsx")), read(b.join("minutes.xlsx")));
    for table in ["meetings", "items", "actions", "next_meetings"] {
        let name = format!("tables/{table}.csv");
        assert_eq!(read(a.join(&name)), read(b.join(&name)), "{name}");
    }
}

/// Every metric of `score.py` for outputs of `inputs`, by name.
fn metrics(inputs: &Path, name: &str) -> Vec<(String, f64)> {
    let out = temp(name);
    convert(&[inputs], &out, &[]);
    let s = score(&out);
    let mut v = Vec::new();
    if let Some(summary) = s["summary"].as_object() {
        for (k, m) in summary {
            if let Some(x) = m["f1"].as_f64().or_else(|| m["accuracy"].as_f64()) {
                v.push((k.clone(), x));
            }
        }
    }
    v
}

/// The seeds in another format score like the seeds as text.
fn assert_format_scores_like_text(dir: &str, tolerance: f64) {
    let text = metrics(&fixtures().join("seeds"), &format!("{dir}-text"));
    let other = metrics(&fixtures().join(dir), dir);
    let mut off = Vec::new();
    for (k, t) in &text {
        let o = other
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, x)| *x)
            .unwrap_or(0.0);
        if (t - o).abs() > tolerance {
            off.push(format!("{k}: text {t:.3}, {dir} {o:.3}"));
        }
    }
    assert!(
        off.is_empty(),
        "{dir} differs from text by more than {tolerance}: {off:#?}"
    );
}

#[test]
fn seeds_as_word_documents_score_like_text() {
    assert_format_scores_like_text("seeds-docx", 0.02);
}

/// Issue 11: the seeds as Word files whose attendance lists separate name
/// and title by a space instead of a tab or cell
/// (fixtures/seeds-docx-spaced, made by
/// fixtures/seeds-src/make_spaced_docx.py) keep every participant, with
/// their roles and attendance.
#[test]
fn seeds_whose_name_title_tabs_became_spaces_keep_every_participant() {
    let m = metrics(&fixtures().join("seeds-docx-spaced"), "spaced");
    let get = |k: &str| {
        m.iter()
            .find(|(n, _)| n == k)
            .map(|(_, x)| *x)
            .unwrap_or(0.0)
    };
    for metric in ["participants", "role", "attendance"] {
        assert!(
            get(metric) >= 1.0,
            "{metric} = {} on fixtures/seeds-docx-spaced: {m:?}",
            get(metric)
        );
    }
}

#[test]
fn seeds_as_html_pages_score_like_text() {
    assert_format_scores_like_text("seeds-html", 0.02);
}

#[test]
fn seeds_as_rtf_files_score_like_text() {
    assert_format_scores_like_text("seeds-rtf", 0.02);
}

#[test]
fn seeds_as_word_97_documents_score_like_text() {
    assert_format_scores_like_text("seeds-doc", 0.02);
}

#[test]
fn seeds_as_opendocument_score_like_text() {
    assert_format_scores_like_text("seeds-odt", 0.02);
    assert_format_scores_like_text("seeds-fodt", 0.02);
}

#[test]
fn files_without_extension_are_sniffed_and_every_text_format_converts() {
    let dir = temp("sniffed");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).expect("mkdir");
    let copy = |from: &str, to: &str| {
        std::fs::copy(fixtures().join(from), input.join(to)).expect("copy");
    };
    copy("seeds/000_554d08a2b9ce75a5.txt", "protokoll-utan-namn");
    copy("seeds-html/001_a1e443b3a316b07e.html", "sida");
    copy("seeds-rtf/002_cc484d1eaf08b371.rtf", "export");
    copy(
        "corpus/302_it-garden-styrelse-2019-02-22.org",
        "styrelse.org",
    );
    std::fs::write(input.join("bild"), b"\x89PNG\r\n\x1a\n\x00\x00").expect("write");
    let out = dir.join("out");
    let o = convert(&[&input], &out, &[]);
    assert!(o.status.success());
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("report.json")).expect("report"))
            .expect("json");
    let mut seen: Vec<(String, String, String)> = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or("").to_string();
            (s("path"), s("status"), s("format"))
        })
        .collect();
    seen.sort();
    let expect = |p: &str, st: &str, f: &str| (p.to_string(), st.to_string(), f.to_string());
    assert_eq!(seen[1], expect("export", "ok", "rtf"), "{seen:?}");
    assert_eq!(seen[2], expect("protokoll-utan-namn", "ok", "txt"));
    assert_eq!(seen[3], expect("sida", "ok", "html"));
    assert_eq!(seen[4], expect("styrelse.org", "ok", "org"));
    assert_eq!(seen[0].1, "skipped", "{seen:?}");
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("styrelse.json")).expect("output"))
            .expect("json");
    assert_eq!(v["source"]["format"], "org");
    assert!(v["items"].as_array().is_some_and(|i| i.len() >= 10));
}

/// The real org-mode minutes score like their markdown rendering (org's
/// stars as markdown's hashes, made here), and far better than the same
/// bytes read as plain text.
#[test]
fn org_minutes_score_like_their_markdown_rendering() {
    let stem = "302_it-garden-styrelse-2019-02-22";
    let dir = temp("org");
    let gold = dir.join("gold");
    std::fs::create_dir_all(&gold).expect("mkdir");
    let gold_name = format!("{stem}.gold.json");
    std::fs::copy(
        fixtures().join("gold-corpus").join(&gold_name),
        gold.join(&gold_name),
    )
    .expect("gold");
    let org = std::fs::read_to_string(fixtures().join(format!("corpus/{stem}.org"))).expect("org");
    let markdown: String = org
        .lines()
        .map(|l| {
            let stars = l.chars().take_while(|&c| c == '*').count();
            if stars > 0 && l[stars..].starts_with(' ') {
                format!("{}{}\n", "#".repeat(stars), &l[stars..])
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    let summary = |input: &Path, name: &str| {
        let out = dir.join(name);
        convert(&[input], &out, &[]);
        score_against(&gold, &out)["summary"].clone()
    };
    let md_in = dir.join("md");
    std::fs::create_dir_all(&md_in).expect("mkdir");
    std::fs::write(md_in.join(format!("{stem}.md")), markdown).expect("write");
    let org_scores = summary(&fixtures().join(format!("corpus/{stem}.org")), "out-org");
    let md_scores = summary(&md_in, "out-md");
    let mut off = Vec::new();
    for (k, m) in md_scores.as_object().expect("summary") {
        let value = |v: &serde_json::Value| v["f1"].as_f64().or_else(|| v["accuracy"].as_f64());
        if let (Some(a), Some(b)) = (value(m), value(&org_scores[k]))
            && (a - b).abs() > 0.02
        {
            off.push(format!("{k}: markdown {a:.3}, org {b:.3}"));
        }
    }
    assert!(off.is_empty(), "{off:#?}");
    assert!(org_scores["items"]["f1"].as_f64().unwrap_or(0.0) >= 0.85);
}

#[test]
fn seeds_as_pdfs_score_like_text() {
    assert_format_scores_like_text("seeds-pdf", 0.03);
}

#[test]
fn real_minutes_convert_and_paragraph_protocols_keep_their_numbers() {
    let out = temp("real");
    let o = convert(&[&fixtures().join("real")], &out, &[]);
    assert_eq!(o.status.code(), Some(0), "every real file converts");
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("report.json")).expect("report"))
            .expect("json");
    for f in report["files"].as_array().expect("files") {
        let path = f["path"].as_str().unwrap_or("");
        match f["status"].as_str() {
            // The image-only scan is read by OCR, and says so.
            Some("ok") if path.starts_with("010_") => {
                let warnings = f["warnings"].to_string();
                assert!(warnings.contains("ocr: read by OCR"), "{warnings}");
            }
            Some("ok") | Some("skipped") => {}
            other => panic!("{path}: {other:?} {}", f["error"]),
        }
    }
    // § protocols: the items are exactly their § numbers, in order.
    let protocols = [
        ("022_goteborg-kf-2024-02-29-reconstructed", 50, 99),
        ("001_nykarleby-rff-2023-05", 10, 19),
        ("029_nykarleby-stadsstyrelsen-foredragningsli", 188, 202),
        ("025_flashpig-motesprotokoll-10-2020-09-24", 1, 5),
        ("026_flashpig-motesprotokoll-6-2020-09-11", 1, 5),
    ];
    for (stem, first, last) in protocols {
        let v: serde_json::Value = serde_json::from_slice(
            &std::fs::read(out.join(format!("{stem}.json"))).expect("output"),
        )
        .expect("json");
        let numbers: Vec<String> = v["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|i| i["number"].as_str().unwrap_or("").to_string())
            .collect();
        let expected: Vec<String> = (first..=last).map(|n| n.to_string()).collect();
        assert_eq!(numbers, expected, "{stem}");
    }
    // A föredragningslista is an agenda: it records no decisions, actions
    // or deferrals (ANNOTATION.md, Agendas).
    let agenda: serde_json::Value = serde_json::from_slice(
        &std::fs::read(out.join("029_nykarleby-stadsstyrelsen-foredragningsli.json"))
            .expect("output"),
    )
    .expect("json");
    assert_eq!(agenda["meeting"]["document_type"], "agenda");
    assert!(agenda["items"].as_array().expect("items").iter().all(|i| {
        ["decisions", "actions", "deferrals"]
            .iter()
            .all(|k| i[k].as_array().is_some_and(|d| d.is_empty()))
    }));
    // The protocol's outcomes are found: every § of 001 and nearly all of 022
    // have a decision, or a deferral where the matter was tabled.
    let kf: serde_json::Value = serde_json::from_slice(
        &std::fs::read(out.join("022_goteborg-kf-2024-02-29-reconstructed.json")).expect("output"),
    )
    .expect("json");
    let with_decision = kf["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|i| {
            ["decisions", "deferrals"]
                .iter()
                .any(|k| i[*k].as_array().is_some_and(|d| !d.is_empty()))
        })
        .count();
    assert!(
        with_decision >= 45,
        "{with_decision} of 50 § have a decision or a deferral"
    );

    // The independent gold for real minutes (fixtures/gold-real): issue 7's
    // targets (items 0.95; decisions, actions, deferrals 0.85).
    let score_against = |gold: &str| -> serde_json::Value {
        let s = Command::new("python3")
            .arg(fixtures().join("eval/score.py"))
            .arg("--gold")
            .arg(fixtures().join(gold))
            .arg("--pred")
            .arg(&out)
            .arg("--json")
            .output()
            .expect("python3 runs the scorer");
        serde_json::from_slice(&s.stdout).expect("scorer JSON")
    };
    let s = score_against("gold-real");
    for (metric, floor) in [
        ("items", 0.95),
        ("decisions", 0.85),
        ("deferrals", 0.85),
        ("actions", 0.85),
    ] {
        let v = s["summary"][metric]["f1"].as_f64().unwrap_or(0.0);
        assert!(
            v >= floor,
            "{metric} F1 {v} < {floor} on fixtures/gold-real"
        );
    }
    // The held-out gold (annotated after tuning, fixtures/gold-heldout): a
    // regression floor a little under today's level, not a target.
    let s = score_against("gold-heldout");
    for (metric, floor) in [("items", 0.75), ("participants", 0.80), ("decisions", 0.55)] {
        let v = s["summary"][metric]["f1"].as_f64().unwrap_or(0.0);
        assert!(
            v >= floor,
            "{metric} F1 {v} < {floor} on fixtures/gold-heldout"
        );
    }
}

/// `minutes score` agrees with `score.py` on every metric and every
/// document's counts, on the real corpus and on the seeds; its report
/// explains the counts (one difference per miss and per extra), and
/// `--min` fails the run below a floor.
#[test]
fn minutes_score_agrees_with_score_py() {
    let py_score = |gold: &Path, pred: &Path| -> serde_json::Value {
        let out = Command::new("python3")
            .arg(fixtures().join("eval/score.py"))
            .arg("--gold")
            .arg(gold)
            .arg("--pred")
            .arg(pred)
            .arg("--json")
            .output()
            .expect("python3 runs the scorer");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("score.py prints JSON")
    };
    let rs_score = |gold: &Path, pred: &Path| -> serde_json::Value {
        let out = run(bin()
            .arg("score")
            .arg("--gold")
            .arg(gold)
            .arg(pred)
            .arg("--json"));
        assert!(out.status.success());
        serde_json::from_slice(&out.stdout).expect("minutes score prints JSON")
    };
    for (inputs, gold, name) in [
        ("corpus", "gold-corpus", "score-corpus"),
        ("seeds", "gold", "score-seeds"),
    ] {
        let out = temp(name);
        convert(&[&fixtures().join(inputs)], &out, &[]);
        let gold = fixtures().join(gold);
        let (py, rs) = (py_score(&gold, &out), rs_score(&gold, &out));

        let py_summary = py["summary"].as_object().expect("summary");
        assert!(py_summary.len() >= 16, "{py_summary:?}");
        let mut off = Vec::new();
        for (metric, fields) in py_summary {
            for (field, want) in fields.as_object().expect("metric fields") {
                let got = &rs["summary"][metric][field];
                let agree = match (want.as_f64(), got.as_f64()) {
                    (Some(w), Some(g)) => (w - g).abs() <= 1e-4,
                    _ => want.is_null() && got.is_null(),
                };
                if !agree {
                    off.push(format!("{metric}.{field}: score.py {want}, minutes {got}"));
                }
            }
        }
        assert!(off.is_empty(), "{inputs}: {off:#?}");

        let py_docs = py["documents"].as_array().expect("documents");
        let rs_docs = rs["documents"].as_array().expect("documents");
        assert_eq!(py_docs.len(), rs_docs.len(), "{inputs}: documents");
        assert!(!py_docs.is_empty());
        for (p, r) in py_docs.iter().zip(rs_docs) {
            for key in [
                "document",
                "found",
                "meeting",
                "items",
                "decisions",
                "actions",
                "deferrals",
            ] {
                assert_eq!(p[key], r[key], "{inputs}: {} {key}", p["document"]);
            }
        }

        // One difference per false negative and per false positive.
        let count = |finding: &str, what: &str| -> i64 {
            rs_docs
                .iter()
                .flat_map(|d| d["differences"].as_array().cloned().unwrap_or_default())
                .filter(|d| d["finding"] == finding && d["what"] == what)
                .count() as i64
        };
        for (metric, what) in [
            ("items", "item"),
            ("decisions", "decision"),
            ("actions", "action"),
            ("deferrals", "deferral"),
        ] {
            let s = &rs["summary"][metric];
            assert_eq!(
                count("missed", what),
                s["fn"].as_i64().unwrap_or(-1),
                "{inputs} {metric}"
            );
            assert_eq!(
                count("extra", what),
                s["fp"].as_i64().unwrap_or(-1),
                "{inputs} {metric}"
            );
        }
    }

    // The readable report names the item of what was missed; a floor above
    // the score exits 1 and says which. (No outputs at all: everything is missed.)
    let out = temp("score-nothing");
    let o = run(bin()
        .arg("score")
        .arg("--gold")
        .arg(fixtures().join("gold-corpus"))
        .arg(&out)
        .arg("--min")
        .arg("items.f1=0.5"));
    assert_eq!(o.status.code(), Some(1));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("166_vamaj-gruppmote-2019-09-16 (no output)"),
        "{text}"
    );
    assert!(
        text.contains("    item 3 \"Diskussionsrunda\": missed"),
        "{text}"
    );
    assert!(
        text.contains(
            "      missed decision \"Gruppen beslutar om att en punkt läggs till mötet\""
        ),
        "{text}"
    );
    assert!(text.contains("below floor: items.f1=0.0 < 0.5"), "{text}");
}

/// The real-minutes corpus (issue 11): 42 documents of 16 organisations,
/// split by organisation into a half the rules were developed on and a half
/// kept back (fixtures/corpus/SPLIT.tsv). Both halves are gated at the
/// figures reached, so a change that helps one organisation and hurts
/// another shows here. Scans wait for OCR and are left out, as the issue does.
#[test]
fn the_real_corpus_meets_its_floors_in_both_halves() {
    // (half, metric, floor): a little under the figures of the closing note.
    halves_meet_their_floors(
        "corpus",
        &fixtures().join("corpus"),
        &fixtures().join("gold-corpus"),
        &fixtures().join("corpus/SPLIT.tsv"),
        &["--no-scans"],
        &CORPUS_FLOORS,
    );
}

/// Convert `docs`, score both halves of `split` against `gold` with
/// score_split.py (and its `extra` flags), and assert each (half, metric,
/// floor): the one body of the split sets' gates.
fn halves_meet_their_floors(
    name: &str,
    docs: &Path,
    gold: &Path,
    split: &Path,
    extra: &[&str],
    floors: &[(&str, &str, f64)],
) {
    let out = temp(&format!("{name}-halves"));
    let o = convert(&[docs], &out, &[]);
    assert!(
        matches!(o.status.code(), Some(0 | 2)),
        "convert ran: {:?}",
        o.status
    );
    let s = Command::new("python3")
        .arg(fixtures().join("eval/score_split.py"))
        .arg("--gold")
        .arg(gold)
        .arg("--pred")
        .arg(&out)
        .arg("--split")
        .arg(split)
        .args(extra)
        .arg("--json")
        .output()
        .expect("python3 runs the split scorer");
    assert!(s.status.success(), "{}", String::from_utf8_lossy(&s.stderr));
    let v: serde_json::Value = serde_json::from_slice(&s.stdout).expect("scorer JSON");
    for (half, metric, floor) in floors {
        let m = &v[half][metric];
        let got = m["f1"].as_f64().or(m["accuracy"].as_f64()).unwrap_or(0.0);
        assert!(got >= *floor, "{name} {half} {metric}: {got} < {floor}");
    }
}

/// Real minutes of 54 organisations found after the rules were written
/// (fixtures/corpus2/README.md), split by finder into a half developed
/// against and a half held back. Gated in both halves, a little under the
/// figures reached.
#[test]
fn corpus2_meets_its_floors_in_both_halves() {
    let dir = fixtures().join("corpus2");
    halves_meet_their_floors(
        "corpus2",
        &dir.join("docs"),
        &dir.join("gold"),
        &dir.join("SPLIT.tsv"),
        &[],
        &CORPUS2_FLOORS,
    );
}

/// Twenty real minutes annotated blind by readers who never ran `minutes`
/// (fixtures/corpus3/README.md): web pages (develop) and project groups'
/// notes on GitHub (held back). Gated a little under the figures reached:
/// far below the other sets, which is the work left.
#[test]
fn corpus3_meets_its_floors_in_both_halves() {
    let dir = fixtures().join("corpus3");
    halves_meet_their_floors(
        "corpus3",
        &dir.join("docs"),
        &dir.join("gold"),
        &dir.join("SPLIT.tsv"),
        &[],
        &CORPUS3_FLOORS,
    );
}

/// Thirty-seven more real minutes annotated blind (fixtures/corpus4/README.md):
/// odd-numbered documents are the develop half, even-numbered ones held
/// back.
#[test]
fn corpus4_meets_its_floors_in_both_halves() {
    let dir = fixtures().join("corpus4");
    halves_meet_their_floors(
        "corpus4",
        &dir.join("docs"),
        &dir.join("gold"),
        &dir.join("SPLIT.tsv"),
        &[],
        &CORPUS4_FLOORS,
    );
}

/// corpus4's floors, about 0.02 under the figures reached (2026-12-07; raised
/// the same day, later, with pages whose line breaks were lost, and on
/// 2026-12-07 again with bulleted sub-headings and lettered sub-points;
/// participants and meeting fields on 2026-12-07, later, with headers of
/// many forms; develop items and participants on 2026-12-07 again, with
/// sub-points typed after a list's number and rosters run into a page).
const CORPUS4_FLOORS: [(&str, &str, f64); 12] = [
    ("develop", "items", 0.86),
    ("develop", "participants", 0.92),
    ("develop", "decisions", 0.70),
    ("develop", "actions", 0.69),
    ("develop", "deferrals", 0.83),
    ("develop", "meeting", 0.81),
    ("heldback", "items", 0.77),
    ("heldback", "participants", 0.66),
    ("heldback", "decisions", 0.61),
    ("heldback", "actions", 0.31),
    ("heldback", "next_meetings", 0.26),
    ("heldback", "meeting", 0.54),
];

/// corpus3's floors, about 0.02 under the figures reached (2026-12-07, later;
/// develop participants, actions and meeting raised the same day; develop
/// deferrals and held-back actions on 2026-12-07 again, with lists of matters
/// put off and to-do headings with a time box; develop actions and meeting
/// on 2026-12-07, later, with headers and sentences about the meeting;
/// develop items and participants on 2026-12-07 again, with a roll call run
/// into a page).
const CORPUS3_FLOORS: [(&str, &str, f64); 13] = [
    ("develop", "items", 0.94),
    ("develop", "participants", 0.94),
    ("develop", "decisions", 0.64),
    ("develop", "actions", 0.79),
    ("develop", "deferrals", 0.95),
    ("develop", "next_meetings", 0.95),
    ("develop", "meeting", 0.73),
    ("heldback", "items", 0.79),
    ("heldback", "participants", 0.62),
    ("heldback", "decisions", 0.16),
    ("heldback", "actions", 0.22),
    ("heldback", "next_meetings", 0.42),
    ("heldback", "meeting", 0.61),
];

/// corpus2's floors, about 0.02 under the figures reached.
const CORPUS2_FLOORS: [(&str, &str, f64); 12] = [
    ("develop", "items", 0.97),
    ("develop", "participants", 0.96),
    ("develop", "decisions", 0.85),
    ("develop", "actions", 0.71),
    ("develop", "next_meetings", 0.82),
    ("develop", "meeting", 0.90),
    ("heldback", "items", 0.84),
    ("heldback", "participants", 0.81),
    ("heldback", "decisions", 0.71),
    ("heldback", "actions", 0.36),
    ("heldback", "next_meetings", 0.71),
    ("heldback", "meeting", 0.54),
];

/// The corpus floors: about 0.02 under the figures reached (issue 11's
/// closing note), per half. The held-back half trails the developed one:
/// that gap is the work left, and a change may only narrow it.
const CORPUS_FLOORS: [(&str, &str, f64); 13] = [
    ("develop", "items", 0.97),
    ("develop", "participants", 0.97),
    ("develop", "decisions", 0.92),
    ("develop", "actions", 0.85),
    ("develop", "deferrals", 0.97),
    ("develop", "meeting", 0.84),
    ("heldback", "items", 0.84),
    ("heldback", "participants", 0.83),
    ("heldback", "decisions", 0.67),
    ("heldback", "actions", 0.34),
    ("heldback", "deferrals", 0.64),
    ("heldback", "meeting", 0.50),
    ("heldback", "next_meetings", 0.64),
];

/// Synthetic minutes of organisations the corpus has few of (see
/// fixtures/synthetic/README.md): sets `a`, `c`, `d`, `f`, `g` and `i` were
/// developed against, sets `b`, `e`, `h` and `j` are held apart. All are gated a little under the figures reached, so a
/// change that helps the real corpus and hurts these forms shows here.
#[test]
fn synthetic_minutes_meet_their_floors() {
    let floors: &[(&str, &[(&str, f64)])] = &[
        (
            "a",
            &[
                ("items", 0.97),
                ("participants", 0.93),
                ("next_meetings", 0.96),
                ("decisions", 0.95),
                ("actions", 0.94),
                ("deferrals", 0.92),
                ("meeting", 0.95),
            ],
        ),
        (
            "b",
            &[
                ("items", 0.97),
                ("participants", 0.91),
                ("next_meetings", 0.87),
                ("decisions", 0.92),
                ("actions", 0.77),
                ("deferrals", 0.89),
                ("meeting", 0.88),
            ],
        ),
        (
            "c",
            &[
                ("items", 0.97),
                ("participants", 0.97),
                ("next_meetings", 0.95),
                ("decisions", 0.89),
                ("actions", 0.90),
                ("meeting", 0.93),
            ],
        ),
        (
            "d",
            &[
                ("items", 0.98),
                ("participants", 0.97),
                ("next_meetings", 0.96),
                ("decisions", 0.94),
                ("actions", 0.90),
                ("deferrals", 0.93),
                ("meeting", 0.87),
            ],
        ),
        (
            "e",
            &[
                ("items", 0.96),
                ("participants", 0.93),
                ("next_meetings", 0.78),
                ("decisions", 0.91),
                ("actions", 0.79),
                ("deferrals", 0.91),
                ("meeting", 0.80),
            ],
        ),
        (
            "f",
            &[
                ("items", 0.93),
                ("participants", 0.97),
                ("next_meetings", 0.93),
                ("decisions", 0.96),
                ("actions", 0.90),
                ("deferrals", 0.94),
                ("meeting", 0.89),
            ],
        ),
        (
            "g",
            &[
                ("items", 0.95),
                ("participants", 0.97),
                ("next_meetings", 0.91),
                ("decisions", 0.92),
                ("actions", 0.88),
                ("deferrals", 0.90),
                ("meeting", 0.87),
            ],
        ),
        (
            "h",
            &[
                ("items", 0.93),
                ("participants", 0.90),
                ("next_meetings", 0.91),
                ("decisions", 0.86),
                ("actions", 0.74),
                ("deferrals", 0.82),
                ("meeting", 0.81),
            ],
        ),
        (
            "i",
            &[
                ("items", 0.96),
                ("participants", 0.92),
                ("next_meetings", 0.87),
                ("decisions", 0.92),
                ("actions", 0.82),
                ("deferrals", 0.86),
                ("meeting", 0.88),
            ],
        ),
        (
            "j",
            &[
                ("items", 0.94),
                ("participants", 0.84),
                ("next_meetings", 0.80),
                ("decisions", 0.89),
                ("actions", 0.75),
                ("deferrals", 0.90),
                ("meeting", 0.79),
            ],
        ),
    ];
    for (set, metrics) in floors {
        let dir = fixtures().join("synthetic").join(set);
        let out = temp(&format!("synthetic-{set}"));
        let o = convert(&[&dir.join("docs")], &out, &[]);
        assert!(o.status.success(), "convert {set}: {:?}", o.status);
        let s = score_against(&dir.join("gold"), &out);
        for (metric, floor) in *metrics {
            let m = &s["summary"][metric];
            let got = m["f1"].as_f64().or(m["accuracy"].as_f64()).unwrap_or(0.0);
            assert!(got >= *floor, "synthetic {set} {metric}: {got} < {floor}");
        }
    }
}

#[test]
fn hostile_files_fail_or_convert_alone_and_every_good_file_converts() {
    let input = temp("hostile-in");
    let out = temp("hostile-out");
    let seeds = fixtures().join("seeds");
    let mut good = Vec::new();
    for e in std::fs::read_dir(&seeds).expect("seeds").flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.ends_with(".txt") {
            std::fs::copy(e.path(), input.join(&name)).expect("copy");
            good.push(name);
        }
    }
    // Files that once ended or stalled the whole run (a page tree claiming
    // 2^31 pages, HTML nested 20,000 deep, 80,000 unmatched brackets in
    // text and 60,000 in org, an entry numbered 0) ...
    let crashes = fixtures().join("testdocs/crashes");
    let hostile = [
        "pagetree-count-2e31.pdf",
        "nested-div-20000.txt",
        "nested-i-20000.txt",
        "unclosed-brackets-80k.txt",
        "unclosed-org-links-60k.org",
        "nested-itemize-20000.tex",
        "zero-numbered-entry.txt",
    ];
    for name in hostile {
        std::fs::copy(crashes.join(name), input.join(name)).expect("copy");
    }
    // ... and one the debug build's worker aborts on, as an input that
    // still crashed a reader would.
    std::fs::copy(seeds.join(&good[0]), input.join("abort.txt")).expect("copy");
    let o = run(bin()
        .env("MINUTES_DEBUG_WORKER_ABORT", "abort.txt")
        .args(["convert", "--quiet", "--jobs", "2", "--out"])
        .arg(&out)
        .arg(&input));
    assert_eq!(o.status.code(), Some(2), "one file failed");
    for name in &good {
        let stem = name.trim_end_matches(".txt");
        assert!(out.join(format!("{stem}.json")).exists(), "{name}");
    }
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("report.json")).expect("report"))
            .expect("json");
    let files = report["files"].as_array().expect("files");
    let entry = |name: &str| {
        files
            .iter()
            .find(|f| f["path"] == name)
            .unwrap_or_else(|| panic!("{name} reported"))
    };
    assert_eq!(entry("abort.txt")["status"], "failed");
    assert_eq!(entry("abort.txt")["error"], "crashed: signal 6");
    for name in hostile {
        let e = entry(name);
        assert!(
            e["status"] == "ok" || e["status"] == "skipped" || e["error"].is_string(),
            "{e}"
        );
    }
    assert_eq!(report["totals"]["failed"], 1, "{}", report["totals"]);
}

#[test]
fn a_terminated_run_writes_its_partial_report_and_leaves_no_temporary_files() {
    let input = temp("term-in");
    let out = temp("term-out");
    let seed = fixtures().join("seeds/000_554d08a2b9ce75a5.txt");
    let files = 400;
    for k in 0..files {
        std::fs::copy(&seed, input.join(format!("m{k:03}.txt"))).expect("copy");
    }
    let mut child = bin()
        .args(["convert", "--quiet", "--jobs", "1", "--out"])
        .arg(&out)
        .arg(&input)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // Wait until conversions are under way, then stop the run.
    let started = std::time::Instant::now();
    while !out.join("m000.json").exists() {
        assert!(started.elapsed().as_secs() < 120, "nothing converted");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let status = child.wait().expect("the run ends");
    assert_eq!(status.code(), Some(130));
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("report.json")).expect("partial report"))
            .expect("json");
    let totals = &report["totals"];
    assert_eq!(totals["files"], files, "{totals}");
    let converted = totals["converted"].as_u64().expect("count");
    assert!(converted >= 1 && converted < files, "{totals}");
    assert!(
        report["files"]
            .as_array()
            .expect("files")
            .iter()
            .any(|f| f["reason"] == "not converted: the run was interrupted")
    );
    let leftovers: Vec<String> = std::fs::read_dir(&out)
        .expect("list")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-") || n.ends_with(".lock"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// The seeds as image-only scans (fixtures/seeds-scan, made by
/// fixtures/seeds-src/make_seed_scans.sh: 200 dpi, noise, 1–2° skew, one
/// page turned a quarter, JPEG), read by OCR: each output says it was read
/// by OCR; what depends on reading the words (participants, the meeting,
/// titles, decisions and actions found anywhere) scores within 0.10 of the
/// seeds as text.
///
/// Issue 14 asks for every metric within 0.10; the structure metrics are
/// not there yet (Tesseract drops lone item numbers in narrow table cells,
/// reads "3." as "3:"), so they are held at floors instead: a regression
/// gate, to be raised to the 0.10 band.
#[test]
fn scanned_seeds_read_by_ocr_score_like_text() {
    let text = metrics(&fixtures().join("seeds"), "scan-text");
    let out = temp("seeds-scan");
    // The per-file time budget is not under test: a loaded machine must
    // not fail this.
    let o = convert(
        &[&fixtures().join("seeds-scan")],
        &out,
        &["--time-budget", "1200"],
    );
    assert!(o.status.success());
    for f in json_files(&out) {
        let v: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&f).expect("output")).expect("json");
        assert!(
            v["warnings"]
                .as_array()
                .is_some_and(|w| w.iter().any(|w| w["code"] == "ocr")),
            "{}: no ocr warning",
            f.display()
        );
    }
    let scanned = score(&out);
    let metric = |k: &str| {
        let m = &scanned["summary"][k];
        m["f1"]
            .as_f64()
            .or_else(|| m["accuracy"].as_f64())
            .unwrap_or(0.0)
    };
    let mut off = Vec::new();
    let like_text = [
        "items",
        "decisions",
        "actions",
        "deferrals",
        "participants",
        "meeting",
        "titles",
        "attendance",
        "decisions_anywhere",
        "actions_anywhere",
        "deferrals_anywhere",
    ];
    for (k, t) in text.iter().filter(|(k, _)| like_text.contains(&k.as_str())) {
        if (t - metric(k)).abs() > 0.10 {
            off.push(format!("{k}: text {t:.3}, scanned {:.3}", metric(k)));
        }
    }
    let floors = [
        ("items", 0.97),
        ("decisions", 0.97),
        ("actions", 0.90),
        ("deferrals", 0.95),
        ("next_meetings", 0.75),
    ];
    for (k, floor) in floors {
        if metric(k) < floor {
            off.push(format!("{k}: scanned {:.3} < {floor}", metric(k)));
        }
    }
    assert!(off.is_empty(), "scanned seeds: {off:#?}");
}

/// Without Tesseract a scan fails alone, with an error naming what to
/// install; with `--ocr never` it fails as having no text layer.
#[test]
fn a_scan_without_ocr_fails_alone_naming_what_to_install() {
    let scan = fixtures().join("real/010_stenaldern-arsstamma-2024-scan.pdf");
    let text = fixtures().join("seeds/000_554d08a2b9ce75a5.txt");
    let errors = |out: &Path| -> Vec<(String, String)> {
        let report: serde_json::Value =
            serde_json::from_slice(&std::fs::read(out.join("report.json")).expect("report"))
                .expect("json");
        report["files"]
            .as_array()
            .expect("files")
            .iter()
            .map(|f| {
                (
                    f["status"].as_str().unwrap_or("").to_string(),
                    f["error"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect()
    };
    let out = temp("no-tesseract");
    let o = run(bin()
        .env("PATH", "/nonexistent")
        .args(["convert", "--quiet", "--out"])
        .arg(&out)
        .arg(&scan)
        .arg(&text));
    assert_eq!(o.status.code(), Some(2));
    let e = errors(&out);
    assert_eq!(e.iter().filter(|(s, _)| s == "ok").count(), 1, "{e:?}");
    assert!(
        e.iter()
            .any(|(s, m)| s == "failed"
                && m.contains("apt-get install tesseract-ocr tesseract-ocr-swe")),
        "{e:?}"
    );
    let out = temp("ocr-never");
    let o = convert(&[&scan, &text], &out, &["--ocr", "never"]);
    assert_eq!(o.status.code(), Some(2));
    let e = errors(&out);
    assert!(
        e.iter().any(
            |(s, m)| s == "failed" && m.contains("no text layer: scanned document, OCR needed")
        ),
        "{e:?}"
    );
}
