//! End-to-end tests of the command line an engineer scripts against: exit
//! statuses, known failures, the warnings summary, the "not minutes"
//! verdict, folder walking, the single-file mode and shards. They run the
//! real `minutes` binary on small copies of fixtures/.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_minutes"))
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

/// A fresh temporary folder for one test.
fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("minutes-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn output(cmd: &mut Command) -> Output {
    cmd.output().expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The seeds (plain-text minutes), by name.
fn seeds() -> Vec<PathBuf> {
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(fixtures().join("seeds"))
        .expect("seeds")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    seeds.sort();
    seeds
}

fn copy_seed(k: usize, to: &Path) {
    std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
    std::fs::copy(&seeds()[k], to).expect("copy");
}

fn report(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).expect("report")).expect("json")
}

/// A file no reader takes: a docx that is not a zip.
fn broken_docx(to: &Path) {
    std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
    std::fs::write(to, b"PK\x03\x04 not really a zip").expect("write");
}

#[test]
fn exit_statuses_tell_usage_no_input_and_failed_files_apart() {
    let dir = temp("exit");
    let out = dir.join("out");
    // A usage error: its own status, not 1 and not 2.
    let o = output(bin().args(["convert", "--no-such-flag", "x"]));
    assert_eq!(o.status.code(), Some(64), "{}", stderr(&o));
    let o = output(bin().args(["convert", "--shard", "9/8", "x"]));
    assert_eq!(o.status.code(), Some(64), "{}", stderr(&o));
    // Help and the table of statuses.
    let o = output(bin().args(["convert", "--help"]));
    assert_eq!(o.status.code(), Some(0));
    let help = String::from_utf8_lossy(&o.stdout);
    assert!(
        help.contains("Exit status:") && help.contains("64"),
        "{help}"
    );

    // No input: a missing path, an empty folder, a folder of other files.
    let o = output(
        bin()
            .arg("convert")
            .arg(dir.join("missing"))
            .arg("-o")
            .arg(&out),
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("no input files found"),
        "{}",
        stderr(&o)
    );
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).expect("mkdir");
    let o = output(bin().arg("convert").arg(&empty).arg("-o").arg(&out));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let other = dir.join("other");
    std::fs::create_dir_all(&other).expect("mkdir");
    std::fs::write(other.join("budget.xlsx"), b"PK\x03\x04xl/workbook.xml").expect("write");
    let o = output(bin().arg("convert").arg(&other).arg("-o").arg(&out));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("none in a format"), "{}", stderr(&o));

    // One good and one broken file: 2; all good: 0.
    let archive = dir.join("archive");
    copy_seed(0, &archive.join("2024/ks.txt"));
    broken_docx(&archive.join("2019/trasig.docx"));
    let o = output(
        bin()
            .args(["convert", "-q", "--in-process"])
            .arg(&archive)
            .arg("-o")
            .arg(&out),
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("failed 2019/trasig.docx"),
        "{}",
        stderr(&o)
    );

    // The same failure, known: reported, but the night passes.
    let known = dir.join("known-failures.txt");
    std::fs::write(&known, "# unreadable since the migration\n2019/*.docx\n").expect("write");
    let o = output(
        bin()
            .args(["convert", "-q", "--in-process", "--allow-failed"])
            .arg(&known)
            .arg(&archive)
            .arg("-o")
            .arg(&out),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("failed (allowed) 2019/trasig.docx"),
        "{}",
        stderr(&o)
    );
    let r = report(&out.join("report.json"));
    assert_eq!(r["totals"]["failed"], 1);
    assert_eq!(r["totals"]["allowed_failures"], 1);
    // A list that names something else allows nothing; a bad list stops the run.
    std::fs::write(&known, "2020/*.docx\n").expect("write");
    let o = output(
        bin()
            .args(["convert", "-q", "--in-process", "--allow-failed"])
            .arg(&known)
            .arg(&archive)
            .arg("-o")
            .arg(&out),
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    std::fs::write(&known, "ok.docx\n2019/[.docx\n").expect("write");
    let o = output(
        bin()
            .args(["convert", "-q", "--allow-failed"])
            .arg(&known)
            .arg(&archive)
            .arg("-o")
            .arg(&out),
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("line 2"), "{}", stderr(&o));
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    use std::os::unix::process::ExitStatusExt;
    // Far more output than a pipe holds, so the write after `head` left
    // meets the closed pipe.
    let dir = temp("pipe");
    let mut text = String::from("Protokoll styrelsemöte 2024-03-12\n\n");
    for k in 1..=1500 {
        text.push_str(&format!(
            "{k}. Ärende {k}\nStyrelsen beslutade att godkänna förslaget {k}.\n\n"
        ));
    }
    let file = dir.join("lang.txt");
    std::fs::write(&file, text).expect("write");
    let mut child = bin()
        .arg("explain")
        .arg(&file)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut first)
        .expect("a line");
    // The reader goes away here, as `head -1` does.
    let o = child.wait_with_output().expect("ends");
    assert!(!first.is_empty());
    let err = stderr(&o);
    assert!(
        !err.contains("panicked") && !err.contains("Broken pipe"),
        "{err}"
    );
    assert!(
        o.status.success() || o.status.signal() == Some(libc_sigpipe()),
        "{:?}",
        o.status
    );
}

/// SIGPIPE's number on the platforms the tests run on.
#[cfg(unix)]
fn libc_sigpipe() -> i32 {
    13
}

#[test]
fn warnings_are_summed_up_and_plain_non_minutes_are_skipped() {
    let dir = temp("verdict");
    let archive = dir.join("archive");
    copy_seed(0, &archive.join("protokoll.txt"));
    std::fs::write(
        archive.join("inköpslista.txt"),
        "Mjölk\nÄgg\nSmör\nBröd\nKaffe\n",
    )
    .expect("write");
    std::fs::write(
        archive.join("README.md"),
        "# Verktyg\n\nDet här verktyget bygger saker. Kör make.\n",
    )
    .expect("write");
    // Minutes without a date still have their items: a warning, not a skip.
    std::fs::write(
        archive.join("utan-datum.txt"),
        "Protokoll styrelsemöte\n\n1. Mötets öppnande\nOrdföranden öppnade mötet.\n\n2. Budget\nStyrelsen beslutade att anta budgeten.\n",
    )
    .expect("write");
    let out = dir.join("out");
    let o = output(
        bin()
            .args(["convert", "--in-process"])
            .arg(&archive)
            .arg("-o")
            .arg(&out),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("warnings (files per kind):"), "{err}");
    assert!(err.contains("structure.no-date"), "{err}");
    let r = report(&out.join("report.json"));
    assert!(
        r["totals"]["warnings"]["structure.no-date"].as_u64() >= Some(1),
        "{r}"
    );
    let files = r["files"].as_array().expect("files");
    let status = |name: &str| {
        let f = files
            .iter()
            .find(|f| f["path"] == name)
            .unwrap_or_else(|| panic!("{name} reported"));
        (
            f["status"].as_str().unwrap_or("").to_string(),
            f["reason"].clone(),
        )
    };
    for name in ["inköpslista.txt", "README.md"] {
        let (s, reason) = status(name);
        assert_eq!(s, "skipped", "{name}");
        assert!(
            reason
                .as_str()
                .is_some_and(|r| r.starts_with("not minutes")),
            "{reason}"
        );
    }
    assert!(!out.join("inköpslista.json").exists());
    assert!(!out.join("README.json").exists());
    assert_eq!(status("protokoll.txt").0, "ok");
    assert_eq!(status("utan-datum.txt").0, "ok");

    // A run whose every file is not minutes converted nothing: an error.
    let junk = dir.join("junk");
    std::fs::create_dir_all(&junk).expect("mkdir");
    std::fs::copy(archive.join("inköpslista.txt"), junk.join("lista.txt")).expect("copy");
    let o = output(
        bin()
            .args(["convert", "-q", "--in-process"])
            .arg(&junk)
            .arg("-o")
            .arg(dir.join("o2")),
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("nothing converted"), "{}", stderr(&o));
}

/// No real minutes is taken for "not minutes": every seed and every
/// document of the corpus converts (or fails for want of OCR).
#[test]
fn no_fixture_minutes_is_skipped_as_not_minutes() {
    let dir = temp("all-fixtures");
    let mut c = bin();
    c.args(["convert", "-q", "--ocr", "never", "-o"])
        .arg(dir.join("out"));
    for folder in ["seeds", "seeds-docx", "seeds-pdf", "corpus", "real"] {
        c.arg(fixtures().join(folder));
    }
    let o = output(&mut c);
    assert!(matches!(o.status.code(), Some(0 | 2)), "{}", stderr(&o));
    let r = report(&dir.join("out/report.json"));
    let skipped: Vec<String> = r["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter(|f| {
            f["reason"]
                .as_str()
                .is_some_and(|r| r.starts_with("not minutes"))
        })
        .map(|f| f["path"].to_string())
        .collect();
    assert!(skipped.is_empty(), "{skipped:?}");
    assert!(r["totals"]["ok"].as_u64() >= Some(50), "{}", r["totals"]);
}

fn converted_inputs(out: &Path, report_name: &str) -> BTreeSet<String> {
    report(&out.join(report_name))["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter(|f| f["status"] == "ok")
        .map(|f| f["path"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn folders_are_walked_as_ripgrep_walks_them() {
    let dir = temp("walk");
    let archive = dir.join("archive");
    copy_seed(0, &archive.join("2024/ks/protokoll.txt"));
    copy_seed(1, &archive.join("protokoll.txt"));
    copy_seed(2, &archive.join("node_modules/pkg/protokoll.txt"));
    copy_seed(3, &archive.join("utkast/protokoll-utkast.txt"));
    copy_seed(4, &archive.join(".gammalt/protokoll.txt"));
    copy_seed(0, &archive.join("2024/kallelse.txt"));
    std::fs::write(archive.join(".gitignore"), "utkast/\n").expect("write");
    let convert = |extra: &[&str], out: &str| {
        let o = output(
            bin()
                .args(["convert", "-q", "--in-process"])
                .args(extra)
                .arg(&archive)
                .arg("-o")
                .arg(dir.join(out)),
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        converted_inputs(&dir.join(out), "report.json")
    };
    let set = |names: &[&str]| names.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
    assert_eq!(
        convert(
            &["--include", "protokoll.*", "--exclude", "node_modules"],
            "o1"
        ),
        set(&["2024/ks/protokoll.txt", "protokoll.txt"])
    );
    assert_eq!(
        convert(&[], "o2"),
        set(&[
            "2024/kallelse.txt",
            "2024/ks/protokoll.txt",
            "node_modules/pkg/protokoll.txt",
            "protokoll.txt"
        ])
    );
    let all = convert(&["--hidden", "--no-ignore", "--exclude", "2024/"], "o3");
    assert_eq!(
        all,
        set(&[
            ".gammalt/protokoll.txt",
            "node_modules/pkg/protokoll.txt",
            "protokoll.txt",
            "utkast/protokoll-utkast.txt"
        ])
    );
}

#[test]
fn one_file_converts_to_one_file_or_standard_output() {
    let dir = temp("single");
    let seed = &seeds()[0];
    // FILE -o FILE.json: that file, and nothing else beside it.
    let target = dir.join("ut/protokoll.json");
    let o = output(bin().arg("convert").arg(seed).arg("-o").arg(&target));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&target).expect("the file")).expect("json");
    assert_eq!(doc["schema_version"], "1");
    let beside: Vec<_> = std::fs::read_dir(dir.join("ut"))
        .expect("list")
        .flatten()
        .collect();
    assert_eq!(beside.len(), 1, "{beside:?}");

    // - reads standard input (the bytes say the format) and writes to
    // standard output; the same document as from the file, but for its name.
    let mut child = bin()
        .args(["convert", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let bytes = std::fs::read(seed).expect("seed");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(&bytes)
        .expect("write");
    let o = child.wait_with_output().expect("ends");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let from_stdin: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(from_stdin["source"]["path"], "-");
    assert_eq!(from_stdin["items"], doc["items"]);
    assert_eq!(from_stdin["source"]["sha256"], doc["source"]["sha256"]);

    // -o - for a file; a broken file fails with 2 and writes nothing.
    let o = output(bin().arg("convert").arg(seed).args(["-o", "-"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let to_stdout: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(to_stdout, doc);
    let broken = dir.join("trasig.docx");
    broken_docx(&broken);
    let o = output(
        bin()
            .arg("convert")
            .arg(&broken)
            .arg("-o")
            .arg(dir.join("trasig.json")),
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(!dir.join("trasig.json").exists());
    // A folder cannot go to standard output.
    let o = output(bin().arg("convert").arg(&dir).args(["-o", "-"]));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
}

/// Four shards of one archive at the same time into one folder, as a
/// Kubernetes Indexed Job or a Slurm array runs them: each writes only its
/// own outputs, report and manifest; together they are the archive, each
/// file once; the merged report and the export after them are complete.
#[test]
fn four_concurrent_shards_make_the_whole_archive_once() {
    let dir = temp("shards");
    let archive = dir.join("archive");
    let files = 24;
    let mut expected = BTreeSet::new();
    for k in 0..files {
        let rel = format!("{}/protokoll-{k:02}.txt", 2020 + k % 3);
        copy_seed(k % 5, &archive.join(&rel));
        expected.insert(rel);
    }
    let out = dir.join("out");
    let children: Vec<_> = (1..=4)
        .map(|k| {
            bin()
                .args(["convert", "-q", "--in-process", "--jobs", "1", "--shard"])
                .arg(format!("{k}/4"))
                .arg(&archive)
                .arg("-o")
                .arg(&out)
                .stderr(Stdio::piped())
                .spawn()
                .expect("runs")
        })
        .collect();
    for child in children {
        let o = child.wait_with_output().expect("ends");
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    let mut union = BTreeSet::new();
    let mut total = 0;
    for k in 1..=4 {
        let name = format!("report.shard-{k}-of-4.json");
        let r = report(&out.join(&name));
        assert_eq!(r["run"]["shard"], format!("{k}/4"));
        let mine = converted_inputs(&out, &name);
        total += mine.len();
        union.extend(mine);
        assert!(
            out.join(format!(".minutes-manifest.shard-{k}-of-4.json"))
                .exists()
        );
    }
    assert_eq!(union, expected, "the union is the archive");
    assert_eq!(total, files, "no file in two shards");
    assert!(
        !out.join("report.json").exists(),
        "no shard wrote the whole report"
    );

    // The archive's report.
    let o = output(bin().arg("report-merge").arg(&out));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let merged = report(&out.join("report.json"));
    assert_eq!(merged["totals"]["ok"], files);
    assert_eq!(merged["files"].as_array().map(Vec::len), Some(files));

    // The export after the shards holds every document, once.
    let o = output(bin().arg("export").arg(&out).args(["--to", "jsonl"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut sources = BTreeSet::new();
    let mut lines = 0;
    for line in String::from_utf8_lossy(&o.stdout).lines() {
        let doc: serde_json::Value = serde_json::from_str(line).expect("a document per line");
        sources.insert(doc["source"]["path"].as_str().unwrap_or("").to_string());
        lines += 1;
    }
    assert_eq!(lines, files);
    assert_eq!(sources, expected);

    // The register reads every shard's documents too.
    let o = output(bin().arg("index").arg(&out));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!("{files} documents")),
        "{}",
        stderr(&o)
    );

    // Shards do not export (they would race on the tables): a usage error.
    let o = output(
        bin()
            .args(["convert", "--shard", "1/4", "--export", "csv"])
            .arg(&archive)
            .arg("-o")
            .arg(&out),
    );
    assert_eq!(o.status.code(), Some(64), "{}", stderr(&o));

    // A shard whose report is missing: the merge says so.
    std::fs::remove_file(out.join("report.shard-3-of-4.json")).expect("rm");
    let o = output(bin().arg("report-merge").arg(&out));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("3/4"), "{}", stderr(&o));
}

/// The `.json` outputs in `out` (reports and hidden files aside), relative
/// and sorted.
fn json_outputs(out: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![out.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).expect("list").flatten() {
            let p = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if p.is_dir() {
                stack.push(p);
            } else if name.ends_with(".json")
                && !name.starts_with('.')
                && !name.starts_with("report")
            {
                let rel = p.strip_prefix(out).expect("inside").to_string_lossy();
                found.push(rel.replace('\\', "/"));
            }
        }
    }
    found.sort();
    found
}

/// `minutes convert -q --in-process ARCHIVE -o OUT` with `extra`, which
/// must convert every file.
fn convert_all(archive: &Path, out: &Path, extra: &[&str]) -> serde_json::Value {
    let o = output(
        bin()
            .args(["convert", "-q", "--in-process"])
            .args(extra)
            .arg(archive)
            .arg("-o")
            .arg(out),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    report(&out.join("report.json"))
}

/// The `source.path` of each document `minutes export --to jsonl` gives.
fn exported_sources(out: &Path) -> Vec<String> {
    let o = output(bin().arg("export").arg(out).args(["--to", "jsonl"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut sources: Vec<String> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|line| {
            let doc: serde_json::Value = serde_json::from_str(line).expect("a document per line");
            doc["source"]["path"].as_str().unwrap_or("").to_string()
        })
        .collect();
    sources.sort();
    sources
}

/// Nightly incremental runs while inputs are added, deleted and renamed:
/// one JSON per input, untouched inputs keep their output names (even when
/// a file with the same stem comes or goes beside them), and export has
/// exactly the archive's documents.
#[test]
fn output_names_stay_put_as_inputs_come_and_go() {
    let dir = temp("names");
    let archive = dir.join("archive");
    let out = dir.join("out");
    copy_seed(0, &archive.join("protokoll.txt"));
    copy_seed(1, &archive.join("2024/styrelse.txt"));
    convert_all(&archive, &out, &["--incremental"]);
    assert_eq!(json_outputs(&out), ["2024/styrelse.json", "protokoll.json"]);
    let first = std::fs::read(out.join("protokoll.json")).expect("output");

    // protokoll.md sorts before protokoll.txt: the new file gets the clash
    // name, the old one keeps its output, untouched.
    copy_seed(2, &archive.join("protokoll.md"));
    let r = convert_all(&archive, &out, &["--incremental"]);
    assert_eq!(
        json_outputs(&out),
        ["2024/styrelse.json", "protokoll.json", "protokoll.md.json"]
    );
    assert_eq!(
        std::fs::read(out.join("protokoll.json")).expect("output"),
        first
    );
    assert_eq!(r["totals"]["up_to_date"], 2, "{}", r["totals"]);
    assert_eq!(r["collisions"][0]["kept_by"], "protokoll.txt");

    // Delete the .md, rename one, add one: still one JSON per input.
    std::fs::remove_file(archive.join("protokoll.md")).expect("rm");
    std::fs::rename(
        archive.join("2024/styrelse.txt"),
        archive.join("2024/styrelsemöte.txt"),
    )
    .expect("mv");
    copy_seed(3, &archive.join("2024/protokoll.md"));
    let r = convert_all(&archive, &out, &["--incremental"]);
    assert_eq!(
        json_outputs(&out),
        [
            "2024/protokoll.json",
            "2024/styrelsemöte.json",
            "protokoll.json"
        ]
    );
    assert_eq!(
        std::fs::read(out.join("protokoll.json")).expect("output"),
        first
    );
    let mut pruned: Vec<&str> = r["pruned"]
        .as_array()
        .expect("pruned")
        .iter()
        .filter_map(|p| p.as_str())
        .collect();
    pruned.sort();
    assert_eq!(pruned, ["2024/styrelse.json", "protokoll.md.json"]);
    assert_eq!(r["collisions"], serde_json::json!([]));
    assert_eq!(
        exported_sources(&out),
        [
            "2024/protokoll.md",
            "2024/styrelsemöte.txt",
            "protokoll.txt"
        ]
    );
}

/// `--keep-extension`: every output is `<file name>.json`, so inputs that
/// share a stem never collide and no name depends on another file.
#[test]
fn keep_extension_names_each_output_after_its_whole_file_name() {
    let dir = temp("keep-ext");
    let archive = dir.join("archive");
    let out = dir.join("out");
    copy_seed(0, &archive.join("protokoll.txt"));
    copy_seed(1, &archive.join("protokoll.md"));
    copy_seed(2, &archive.join("2024/protokoll.txt"));
    let r = convert_all(&archive, &out, &["--keep-extension", "--incremental"]);
    assert_eq!(
        json_outputs(&out),
        [
            "2024/protokoll.txt.json",
            "protokoll.md.json",
            "protokoll.txt.json"
        ]
    );
    assert_eq!(r["collisions"], serde_json::json!([]));
    let outputs: BTreeSet<&str> = r["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter_map(|f| f["output"].as_str())
        .collect();
    assert_eq!(outputs.len(), 3);
    assert!(outputs.contains("protokoll.md.json"), "{outputs:?}");
    // Removing a sibling renames nothing.
    std::fs::remove_file(archive.join("protokoll.md")).expect("rm");
    convert_all(&archive, &out, &["--keep-extension", "--incremental"]);
    assert_eq!(
        json_outputs(&out),
        ["2024/protokoll.txt.json", "protokoll.txt.json"]
    );
    assert_eq!(
        exported_sources(&out),
        ["2024/protokoll.txt", "protokoll.txt"]
    );
}
