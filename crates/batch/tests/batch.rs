//! Batch runs with a fake converter: accounting, panics, budgets, atomic
//! writes, incremental runs, shards, globs, output paths.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use minutes_batch::{
    Discovery, EntryKind, Error, Input, Options, Outcome, Report, Status, discover, run,
};

fn is_supported(path: &Path) -> Option<String> {
    match path.extension()?.to_str()? {
        "txt" | "md" => Some("txt".to_string()),
        "docx" => Some("docx".to_string()),
        "pdf" => Some("pdf".to_string()),
        _ => None,
    }
}

/// Uppercases the text into a JSON string; misbehaves on request by name.
fn fake(input: &Input) -> Result<Outcome, String> {
    let name = input
        .path
        .file_name()
        .unwrap()
        .to_string_lossy()
        .to_string();
    match name.as_str() {
        "bad.txt" => return Err("bad input".to_string()),
        "panic.txt" => panic!("boom in {}", input.rel),
        "slow.txt" => std::thread::sleep(Duration::from_secs(4)),
        "skip.txt" => {
            return Ok(Outcome::Skipped {
                reason: "not minutes".to_string(),
            });
        }
        _ => {}
    }
    let text = String::from_utf8_lossy(&input.bytes).to_uppercase();
    let json = serde_json::json!({ "text": text, "sha256": input.sha256 });
    Ok(Outcome::Converted {
        json: serde_json::to_vec(&json).unwrap(),
        warnings: if text.contains("WARN") {
            vec!["a warning".to_string()]
        } else {
            vec![]
        },
        pages: Some(1),
        format: input.format.clone(),
    })
}

/// A fake converter that counts its calls.
fn counting() -> (
    Arc<AtomicUsize>,
    impl Fn(&Input) -> Result<Outcome, String> + Send + Sync,
) {
    let calls = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&calls);
    (calls, move |input: &Input| {
        seen.fetch_add(1, Ordering::SeqCst);
        fake(input)
    })
}

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn options(out: &Path) -> Options {
    let mut opts = Options::new(out);
    opts.jobs = Some(2);
    opts.fingerprint = "test-1".to_string();
    opts.time_budget = Some(Duration::from_secs(30));
    opts
}

fn discover_run(input: &Path, opts: &Options) -> Report {
    let found = discover(&[input.to_path_buf()], opts, &is_supported).unwrap();
    run_checked(&found, opts, fake)
}

/// Runs, checks that the returned report agrees with the one on disk (same
/// run, totals, collisions and notes; the failed files only) and that no
/// temporary file is left, and returns the one on disk (all files).
fn run_checked<C>(found: &Discovery, opts: &Options, converter: C) -> Report
where
    C: Fn(&Input) -> Result<Outcome, String> + Send + Sync + 'static,
{
    let report = run(found, opts, converter).unwrap();
    let on_disk: Report = serde_json::from_slice(&fs::read(opts.report_path()).unwrap()).unwrap();
    assert_eq!(report.run, on_disk.run);
    assert_same_totals(&report.totals, &on_disk.totals);
    assert_eq!(report.collisions, on_disk.collisions);
    assert_eq!(report.notes, on_disk.notes);
    assert_eq!(on_disk.files.len(), report.totals.files);
    let failed: Vec<_> = on_disk
        .files
        .iter()
        .filter(|f| f.status == Status::Failed)
        .cloned()
        .collect();
    assert_eq!(report.files, failed);
    assert_eq!(report.failures().count(), report.totals.failed);
    let temps: Vec<String> = all_files(&opts.out_dir)
        .into_iter()
        .filter(|f| f.contains(".tmp-"))
        .collect();
    assert!(temps.is_empty(), "left behind: {temps:?}");
    on_disk
}

/// `a` and `b` are equal, but that their floats went through JSON, which
/// need not round-trip the last bit.
fn assert_same_totals(a: &minutes_batch::Totals, b: &minutes_batch::Totals) {
    let same = |x: f64, y: f64| (x - y).abs() <= 1e-9 * x.abs().max(1.0);
    assert!(same(a.seconds, b.seconds), "{a:?} {b:?}");
    assert!(same(a.docs_per_second, b.docs_per_second), "{a:?} {b:?}");
    let mut b = b.clone();
    b.seconds = a.seconds;
    b.docs_per_second = a.docs_per_second;
    assert_eq!(*a, b);
}

fn all_files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(
                    p.strip_prefix(dir)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/"),
                );
            }
        }
    }
    out.sort();
    out
}

fn status_of<'a>(report: &'a Report, path: &str) -> &'a minutes_batch::FileReport {
    report
        .files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("{path} not in report"))
}

#[test]
fn accounting_panics_and_atomic_writes() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    let out = tmp.path().join("out");
    write(&input, "a.txt", "hej");
    write(&input, "sub/b.md", "protokoll warn");
    write(&input, "bad.txt", "x");
    write(&input, "panic.txt", "x");
    write(&input, "skip.txt", "x");
    write(&input, "sheet.xlsx", "x");
    write(&input, "~$lock.docx", "x");
    write(&input, ".hidden.txt", "x");

    let opts = options(&out);
    let report = discover_run(&input, &opts);

    let paths: Vec<&str> = report.files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "a.txt",
            "bad.txt",
            "panic.txt",
            "sheet.xlsx",
            "skip.txt",
            "sub/b.md",
            "~$lock.docx"
        ]
    );
    let t = &report.totals;
    assert_eq!(
        (t.files, t.ok, t.converted, t.failed, t.skipped),
        (7, 2, 2, 2, 3)
    );
    assert_eq!(t.pages, 2);
    assert_eq!(report.exit_code(), 2);

    assert_eq!(
        status_of(&report, "bad.txt").error.as_deref(),
        Some("bad input")
    );
    let panicked = status_of(&report, "panic.txt");
    assert_eq!(panicked.status, Status::Failed);
    let message = panicked.error.as_deref().unwrap();
    assert!(message.contains("panicked: boom in panic.txt"), "{message}");
    assert!(message.contains("batch.rs"), "location missing: {message}");
    assert_eq!(
        status_of(&report, "sheet.xlsx").reason.as_deref(),
        Some("not a minutes format: .xlsx")
    );
    assert_eq!(
        status_of(&report, "skip.txt").reason.as_deref(),
        Some("not minutes")
    );
    let b = status_of(&report, "sub/b.md");
    assert_eq!(b.output.as_deref(), Some("sub/b.json"));
    assert_eq!(b.warnings, ["a warning"]);
    assert_eq!(b.format.as_deref(), Some("txt"));

    let summary = report.summary();
    assert!(
        summary.starts_with("7 files: 2 converted, 2 failed, 3 skipped in "),
        "{summary}"
    );
    assert!(summary.ends_with(" files/s)"), "{summary}");

    // The outputs, the report and the manifest, and nothing half-written.
    assert_eq!(
        all_files(&out),
        [
            ".minutes-manifest.json",
            "a.json",
            "report.json",
            "sub/b.json"
        ]
    );
    let a: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("a.json")).unwrap()).unwrap();
    assert_eq!(a["text"], "HEJ");
    // (discover_run checked that the returned report agrees with this one.)
    assert_eq!(report.run.fingerprint, "test-1");
    assert_eq!(report.run.jobs, 2);
    assert!(report.run.started.ends_with('Z') && report.run.started.len() == 20);

    // Panics outside conversions still reach the normal hook afterwards
    // (nothing to assert beyond not hanging or aborting).
    assert!(std::panic::catch_unwind(|| panic!("after the run")).is_err());
}

#[test]
fn all_good_exit_code_zero() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    write(&input, "a.txt", "hej");
    write(&input, "b.xlsx", "x");
    let mut opts = options(&tmp.path().join("out"));
    // Not a terminal under the test harness: the bar stays hidden.
    opts.progress = minutes_batch::Progress::Bar;
    let report = discover_run(&input, &opts);
    assert_eq!(report.exit_code(), 0);
    assert_eq!(report.totals.skipped, 1);
}

#[test]
fn time_budget_abandons_slow_file() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    write(&input, "slow.txt", "x");
    write(&input, "fast.txt", "x");
    let mut opts = options(&tmp.path().join("out"));
    opts.time_budget = Some(Duration::from_millis(500));
    let started = Instant::now();
    let report = discover_run(&input, &opts);
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "run waited for the slow file"
    );
    let slow = status_of(&report, "slow.txt");
    assert_eq!(slow.status, Status::Failed);
    assert!(
        slow.error.as_deref().unwrap().contains("time budget"),
        "{slow:?}"
    );
    assert_eq!(status_of(&report, "fast.txt").status, Status::Ok);
    assert!(
        report.notes.iter().any(|n| n.contains("still running")),
        "{:?}",
        report.notes
    );
    // The late result must not be written.
    std::thread::sleep(Duration::from_secs(5));
    assert!(!tmp.path().join("out/slow.json").exists());
}

#[test]
fn without_budget_runs_inline() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    write(&input, "a.txt", "x");
    write(&input, "panic.txt", "x");
    let mut opts = options(&tmp.path().join("out"));
    opts.time_budget = None;
    let report = discover_run(&input, &opts);
    assert_eq!((report.totals.ok, report.totals.failed), (1, 1));
    assert!(
        status_of(&report, "panic.txt")
            .error
            .as_deref()
            .unwrap()
            .contains("boom")
    );
}

#[test]
fn incremental_runs() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    let out = tmp.path().join("out");
    write(&input, "a.txt", "ett");
    write(&input, "b/c.docx", "två");
    write(&input, "d.pdf", "tre");
    write(&input, "skip.txt", "x");
    write(&input, "bad.txt", "x");
    let mut opts = options(&out);
    opts.incremental = true;
    let found = discover(std::slice::from_ref(&input), &opts, &is_supported).unwrap();

    let (calls, conv) = counting();
    let first = run_checked(&found, &opts, conv);
    assert_eq!(first.totals.converted, 3);
    assert_eq!(calls.load(Ordering::SeqCst), 5);

    // Unchanged: nothing is converted again except the failure.
    let (calls, conv) = counting();
    let second = run_checked(&found, &opts, conv);
    assert_eq!(calls.load(Ordering::SeqCst), 1, "only bad.txt is retried");
    let t = &second.totals;
    assert_eq!(
        (t.converted, t.up_to_date, t.ok, t.failed, t.skipped),
        (0, 3, 3, 1, 1)
    );
    let c = status_of(&second, "b/c.docx");
    assert!(c.up_to_date);
    assert_eq!(c.output.as_deref(), Some("b/c.json"));
    assert_eq!(c.pages, Some(1));
    assert!(status_of(&second, "skip.txt").up_to_date);
    assert!(
        second.summary().contains("3 up to date"),
        "{}",
        second.summary()
    );

    // One input changed: only it is converted.
    write(&input, "a.txt", "ett igen");
    let (calls, conv) = counting();
    let third = run_checked(&found, &opts, conv);
    assert_eq!(calls.load(Ordering::SeqCst), 2);
    assert!(!status_of(&third, "a.txt").up_to_date);
    assert_eq!(third.totals.converted, 1);
    let a: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("a.json")).unwrap()).unwrap();
    assert_eq!(a["text"], "ETT IGEN");

    // An output deleted by hand is made again.
    fs::remove_file(out.join("d.json")).unwrap();
    let (calls, conv) = counting();
    run_checked(&found, &opts, conv);
    assert_eq!(calls.load(Ordering::SeqCst), 2);
    assert!(out.join("d.json").exists());

    // A new fingerprint (new tool or rules) converts everything.
    opts.fingerprint = "test-2".to_string();
    let (calls, conv) = counting();
    let fourth = run_checked(&found, &opts, conv);
    assert_eq!(calls.load(Ordering::SeqCst), 5);
    assert_eq!(fourth.totals.converted, 3);

    // Without --incremental everything is converted.
    opts.incremental = false;
    let (calls, conv) = counting();
    run_checked(&found, &opts, conv);
    assert_eq!(calls.load(Ordering::SeqCst), 5);
}

#[test]
fn a_file_that_starts_failing_keeps_its_old_output_marked_stale() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    let out = tmp.path().join("out");
    write(&input, "a.txt", "ett");
    let opts = options(&out);
    let found = discover(std::slice::from_ref(&input), &opts, &is_supported).unwrap();
    run_checked(&found, &opts, fake);
    let good = fs::read(out.join("a.json")).unwrap();
    let report = run_checked(&found, &opts, |_| Err("now broken".to_string()));
    assert_eq!((report.totals.failed, report.totals.stale), (1, 1));
    assert_eq!(report.files[0].output.as_deref(), Some("a.json"));
    assert!(report.files[0].stale);
    assert_eq!(fs::read(out.join("a.json")).unwrap(), good);
    // The manifest still names the content the output was made from: an
    // unchanged input is up to date again once it converts.
    let mut inc = opts.clone();
    inc.incremental = true;
    let again = run_checked(&found, &inc, fake);
    assert_eq!(again.totals.up_to_date, 1);
}

#[test]
fn an_unreadable_input_keeps_its_output_and_a_deleted_one_loses_it() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    let out = tmp.path().join("out");
    write(&input, "link.txt", "ett");
    write(&input, "dir.txt", "två");
    write(&input, "gone.txt", "tre");
    let opts = options(&out);
    let found = discover(std::slice::from_ref(&input), &opts, &is_supported).unwrap();
    run_checked(&found, &opts, fake);
    let kept = [
        fs::read(out.join("link.json")).unwrap(),
        fs::read(out.join("dir.json")).unwrap(),
    ];
    // Tests run as root, for whom a chmod 000 file is still readable: a
    // dangling link and a file turned folder cannot be read by anyone.
    fs::remove_file(input.join("link.txt")).unwrap();
    std::os::unix::fs::symlink(input.join("nowhere"), input.join("link.txt")).unwrap();
    fs::remove_file(input.join("dir.txt")).unwrap();
    fs::create_dir(input.join("dir.txt")).unwrap();
    fs::remove_file(input.join("gone.txt")).unwrap();
    let report = run_checked(&found, &opts, fake);
    assert_eq!((report.totals.failed, report.totals.stale), (3, 2));
    let stale: Vec<&str> = report
        .files
        .iter()
        .filter(|f| f.stale)
        .map(|f| f.path.as_str())
        .collect();
    assert_eq!(stale, ["dir.txt", "link.txt"]);
    assert_eq!(fs::read(out.join("link.json")).unwrap(), kept[0]);
    assert_eq!(fs::read(out.join("dir.json")).unwrap(), kept[1]);
    assert!(!out.join("gone.json").exists());
}

#[test]
fn stale_temp_files_are_removed() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    let out = tmp.path().join("out");
    write(&input, "a.txt", "ett");
    // A pid above Linux's maximum: certainly a dead process.
    write(&out, "sub/.x.json.tmp-999999999-3", "{\"half");
    write(&out, "keep.txt", "not ours");
    let report = discover_run(&input, &options(&out));
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("removed 1 temporary")),
        "{:?}",
        report.notes
    );
    assert!(!all_files(&out).iter().any(|f| f.contains(".tmp-")));
    assert!(out.join("keep.txt").exists());
}

#[test]
fn shards_partition_the_files() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    for i in 0..40 {
        write(&input, &format!("d{}/f{i}.txt", i % 3), "x");
    }
    let shard_sets = |n: u32| -> Vec<BTreeSet<String>> {
        (1..=n)
            .map(|k| {
                let mut opts = options(&tmp.path().join("out"));
                opts.shard = Some((k, n));
                discover(std::slice::from_ref(&input), &opts, &is_supported)
                    .unwrap()
                    .entries
                    .into_iter()
                    .map(|e| e.rel)
                    .collect()
            })
            .collect()
    };
    let sets = shard_sets(3);
    let union: BTreeSet<String> = sets.iter().flatten().cloned().collect();
    assert_eq!(union.len(), 40);
    assert_eq!(
        sets.iter().map(BTreeSet::len).sum::<usize>(),
        40,
        "shards overlap"
    );
    assert!(sets.iter().all(|s| !s.is_empty()));

    // Adding files moves no existing file to another shard.
    for i in 40..60 {
        write(&input, &format!("new/f{i}.txt"), "x");
    }
    let after = shard_sets(3);
    for (before, after) in sets.iter().zip(&after) {
        assert!(before.is_subset(after));
    }

    // A sharded run writes its own report and manifest.
    let mut opts = options(&tmp.path().join("out"));
    opts.shard = Some((2, 3));
    let found = discover(std::slice::from_ref(&input), &opts, &is_supported).unwrap();
    let report = run_checked(&found, &opts, fake);
    assert_eq!(report.run.shard.as_deref(), Some("2/3"));
    assert!(tmp.path().join("out/report.shard-2-of-3.json").exists());
    assert!(
        tmp.path()
            .join("out/.minutes-manifest.shard-2-of-3.json")
            .exists()
    );

    opts.shard = Some((4, 3));
    assert!(matches!(
        discover(std::slice::from_ref(&input), &opts, &is_supported),
        Err(Error::Shard { k: 4, n: 3 })
    ));
    assert!(matches!(
        run(&Discovery::default(), &opts, fake),
        Err(Error::Shard { .. })
    ));
}

#[test]
fn shard_reports_merge_into_the_archives_report() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    for i in 0..12 {
        write(&input, &format!("d{}/f{i}.txt", i % 3), "x");
    }
    write(&input, "bad.txt", "x");
    let out = tmp.path().join("out");
    // Nothing to merge yet.
    assert!(minutes_batch::merge_reports(&out).is_err());
    let mut other_shards = 0;
    for k in [1, 3] {
        let mut opts = options(&out);
        opts.shard = Some((k, 3));
        let found = discover(std::slice::from_ref(&input), &opts, &is_supported).unwrap();
        other_shards += found.other_shards;
        run_checked(&found, &opts, fake);
    }
    assert!(other_shards > 0);
    let partial = minutes_batch::merge_reports(&out).unwrap();
    assert_eq!(partial.shards, Some(3));
    assert_eq!(partial.missing, [2]);
    assert!(!partial.is_complete());

    let mut opts = options(&out);
    opts.shard = Some((2, 3));
    let found = discover(std::slice::from_ref(&input), &opts, &is_supported).unwrap();
    run_checked(&found, &opts, fake);
    let merged = minutes_batch::merge_reports(&out).unwrap();
    assert!(merged.is_complete(), "{:?}", merged.report.notes);
    let r = &merged.report;
    assert_eq!(r.totals.files, 13);
    assert_eq!((r.totals.ok, r.totals.failed), (12, 1));
    assert_eq!(r.exit_code(), 2);
    assert!(r.files.windows(2).all(|w| w[0].path < w[1].path));
    assert_eq!(r.run.shard, None);
    let path = minutes_batch::write_merged(&out, &merged).unwrap();
    let back: Report = serde_json::from_slice(&fs::read(path).unwrap()).unwrap();
    assert_same_totals(&back.totals, &r.totals);
    // The merged report.json is not read as a shard's: merging again gives
    // the same.
    assert_same_totals(
        &minutes_batch::merge_reports(&out).unwrap().report.totals,
        &r.totals,
    );
}

#[test]
fn include_and_exclude() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    write(&input, "2024/a.docx", "x");
    write(&input, "2024/b.txt", "x");
    write(&input, "2025/c.docx", "x");
    write(&input, "2025/utkast/d.docx", "x");
    write(&input, "2025/E.DOCX", "x");
    let mut opts = options(&tmp.path().join("out"));
    opts.include = vec!["*.docx".to_string()];
    opts.exclude = vec!["**/utkast/**".to_string()];
    let found = discover(std::slice::from_ref(&input), &opts, &is_supported).unwrap();
    let rels: Vec<&str> = found.entries.iter().map(|e| e.rel.as_str()).collect();
    assert_eq!(rels, ["2024/a.docx", "2025/E.DOCX", "2025/c.docx"]);

    opts.include = vec!["2024/**".to_string()];
    opts.exclude = vec![];
    let found = discover(std::slice::from_ref(&input), &opts, &is_supported).unwrap();
    assert_eq!(found.len(), 2);

    opts.include = vec!["[".to_string()];
    assert!(matches!(
        discover(&[input], &opts, &is_supported),
        Err(Error::Glob { .. })
    ));
}

fn rels_of(input: &Path, opts: &Options) -> Vec<String> {
    let found = discover(&[input.to_path_buf()], opts, &is_supported).unwrap();
    found.entries.into_iter().map(|e| e.rel).collect()
}

#[test]
fn globs_have_gitignore_semantics_and_ignore_files_are_honoured() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    write(&input, "protokoll.txt", "x");
    write(&input, "2024/ks/Protokoll.docx", "x");
    write(&input, "2024/ks/kallelse.docx", "x");
    write(&input, "node_modules/pkg/protokoll.md", "x");
    write(&input, "web/node_modules/readme.md", "x");
    write(&input, ".hidden/protokoll.txt", "x");
    write(&input, ".utkast.txt", "x");
    write(&input, "utkast/a.txt", "x");
    write(&input, "tmp/b.txt", "x");
    write(&input, ".gitignore", "utkast/\n");
    write(&input, "2024/.ignore", "kallelse.*\n");
    write(&input, ".git/config.txt", "x");
    let mut opts = options(&tmp.path().join("out"));

    // .gitignore and .ignore (in any folder, without a repository), hidden
    // files and .git left out by default.
    assert_eq!(
        rels_of(&input, &opts),
        [
            "2024/ks/Protokoll.docx",
            "node_modules/pkg/protokoll.md",
            "protokoll.txt",
            "tmp/b.txt",
            "web/node_modules/readme.md"
        ]
    );
    // A name without "/" matches at any depth, and case is ignored.
    opts.include = vec!["protokoll.*".to_string()];
    assert_eq!(
        rels_of(&input, &opts),
        [
            "2024/ks/Protokoll.docx",
            "node_modules/pkg/protokoll.md",
            "protokoll.txt"
        ]
    );
    // An excluded folder name is left out wherever it is.
    opts.exclude = vec!["node_modules".to_string()];
    assert_eq!(
        rels_of(&input, &opts),
        ["2024/ks/Protokoll.docx", "protokoll.txt"]
    );
    // A leading "/" anchors at the folder given.
    opts.include = vec![];
    opts.exclude = vec!["/tmp".to_string(), "node_modules".to_string()];
    assert_eq!(
        rels_of(&input, &opts),
        ["2024/ks/Protokoll.docx", "protokoll.txt"]
    );
    opts.exclude = vec![];
    opts.hidden = true;
    let rels = rels_of(&input, &opts);
    assert!(
        rels.contains(&".hidden/protokoll.txt".to_string()),
        "{rels:?}"
    );
    assert!(rels.contains(&".utkast.txt".to_string()), "{rels:?}");
    assert!(!rels.iter().any(|r| r.starts_with(".git/")), "{rels:?}");
    opts.hidden = false;
    opts.no_ignore = true;
    let rels = rels_of(&input, &opts);
    assert!(rels.contains(&"utkast/a.txt".to_string()), "{rels:?}");
    assert!(
        rels.contains(&"2024/ks/kallelse.docx".to_string()),
        "{rels:?}"
    );
    assert!(!rels.contains(&".utkast.txt".to_string()), "{rels:?}");
}

#[test]
fn allowed_failures_are_reported_but_do_not_fail_the_run() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    write(&input, "2019/bad.txt", "x");
    write(&input, "good.txt", "warn");
    let mut opts = options(&tmp.path().join("out"));
    let report = discover_run(&input, &opts);
    assert_eq!(report.exit_code(), 2);
    assert_eq!(report.totals.warnings.get("other"), Some(&1));

    opts.allow_failed = Some(
        minutes_batch::AllowList::parse("# known\n2019/bad.txt\n", Path::new("known")).unwrap(),
    );
    let report = discover_run(&input, &opts);
    assert_eq!(report.exit_code(), 0);
    assert_eq!(
        (report.totals.failed, report.totals.allowed_failures),
        (1, 1)
    );
    assert!(status_of(&report, "2019/bad.txt").allowed);
    assert!(
        report.summary().contains("1 failed (1 allowed)"),
        "{}",
        report.summary()
    );
    let written: Report = serde_json::from_slice(&fs::read(opts.report_path()).unwrap()).unwrap();
    assert!(
        written
            .files
            .iter()
            .any(|f| f.allowed && f.path == "2019/bad.txt")
    );
    assert_eq!(written.totals.allowed_failures, 1);

    opts.allow_failed =
        Some(minutes_batch::AllowList::parse("2020/bad.txt\n", Path::new("known")).unwrap());
    assert_eq!(discover_run(&input, &opts).exit_code(), 2);
}

#[test]
fn output_paths_mirror_inputs_and_collisions_are_disambiguated() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    let out = tmp.path().join("out");
    write(&input, "a/b/2024-01-01 protokoll.docx", "x");
    write(&input, "x.txt", "från txt");
    write(&input, "x.docx", "från docx");
    write(&input, "X.pdf", "från pdf");
    write(&input, "report.txt", "inte rapporten");
    let report = discover_run(&input, &options(&out));
    assert_eq!(report.totals.converted, 5);
    assert_eq!(
        status_of(&report, "a/b/2024-01-01 protokoll.docx")
            .output
            .as_deref(),
        Some("a/b/2024-01-01 protokoll.json")
    );
    // Sorted order: "X.pdf" < "report.txt" < "x.docx" < "x.txt".
    assert_eq!(
        status_of(&report, "X.pdf").output.as_deref(),
        Some("X.json")
    );
    assert_eq!(
        status_of(&report, "x.docx").output.as_deref(),
        Some("x.docx.json")
    );
    assert_eq!(
        status_of(&report, "x.txt").output.as_deref(),
        Some("x.txt.json")
    );
    assert_eq!(
        status_of(&report, "report.txt").output.as_deref(),
        Some("report.txt.json")
    );
    assert_eq!(report.collisions.len(), 3);
    let c = report
        .collisions
        .iter()
        .find(|c| c.path == "x.txt")
        .unwrap();
    assert_eq!(
        (c.wanted.as_str(), c.kept_by.as_deref()),
        ("x.json", Some("X.pdf"))
    );
    let x: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("x.txt.json")).unwrap()).unwrap();
    assert_eq!(x["text"], "FRÅN TXT");
}

#[test]
fn single_files_missing_inputs_and_out_dir_inside_input() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    write(&input, "deep/one.txt", "x");
    write(&input, "two.txt", "x");
    let out = input.join("out");
    let opts = options(&out);
    let inputs = vec![
        input.join("deep/one.txt"),
        tmp.path().join("missing.txt"),
        input.clone(),
    ];
    fs::create_dir_all(&out).unwrap();
    write(&out, "old.txt", "an earlier output folder's file");
    let found = discover(&inputs, &opts, &is_supported).unwrap();
    let rels: Vec<(&str, bool)> = found
        .entries
        .iter()
        .map(|e| (e.rel.as_str(), matches!(e.kind, EntryKind::Error { .. })))
        .collect();
    // deep/one.txt is given twice (directly and through the folder): once.
    assert_eq!(rels.len(), 3, "{rels:?}");
    assert!(rels.contains(&("one.txt", false)));
    assert!(rels.contains(&("two.txt", false)));
    assert!(
        rels.iter()
            .any(|(r, err)| r.ends_with("missing.txt") && *err)
    );
    let report = run_checked(&found, &opts, fake);
    assert_eq!(report.totals.failed, 1);
    assert!(out.join("one.json").exists());
}

#[cfg(unix)]
#[test]
fn symlink_loops_end() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    write(&input, "a/x.txt", "x");
    std::os::unix::fs::symlink(&input, input.join("a/loop")).unwrap();
    std::os::unix::fs::symlink(input.join("nowhere"), input.join("broken.txt")).unwrap();
    let mut opts = options(&tmp.path().join("out"));
    // By default links are not followed (as ripgrep and fd walk).
    let found = discover(std::slice::from_ref(&input), &opts, &is_supported).unwrap();
    let rels: Vec<&str> = found.entries.iter().map(|e| e.rel.as_str()).collect();
    assert_eq!(rels, ["a/x.txt"]);
    opts.follow = true;
    let found = discover(&[input], &opts, &is_supported).unwrap();
    let rels: Vec<&str> = found.entries.iter().map(|e| e.rel.as_str()).collect();
    assert_eq!(rels, ["a/x.txt", "broken.txt"]);
    assert!(matches!(found.entries[1].kind, EntryKind::Error { .. }));
}

#[test]
fn too_large_files_are_not_read() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    write(&input, "big.txt", &"x".repeat(2000));
    write(&input, "small.txt", "x");
    let mut opts = options(&tmp.path().join("out"));
    opts.max_file_bytes = 1000;
    let found = discover(&[input], &opts, &is_supported).unwrap();
    let (calls, conv) = counting();
    let report = run_checked(&found, &opts, conv);
    assert_eq!(calls.load(Ordering::SeqCst), 1);
    let big = status_of(&report, "big.txt");
    assert!(
        big.error
            .as_deref()
            .unwrap()
            .contains("larger than the limit"),
        "{big:?}"
    );
}

#[test]
fn bad_options_are_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let mut opts = options(&tmp.path().join("out"));
    opts.jobs = Some(0);
    assert!(matches!(
        run(&Discovery::default(), &opts, fake),
        Err(Error::Jobs)
    ));
    // The output folder cannot be created under a file.
    let file = tmp.path().join("file");
    fs::write(&file, "x").unwrap();
    let opts = options(&file.join("out"));
    assert!(matches!(
        run(&Discovery::default(), &opts, fake),
        Err(Error::OutDir { .. })
    ));
}

#[test]
fn empty_run_reports_zero() {
    let tmp = tempfile::tempdir().unwrap();
    let report = run(
        &Discovery::default(),
        &options(&tmp.path().join("out")),
        fake,
    )
    .unwrap();
    assert_eq!(report.totals.files, 0);
    assert_eq!(report.exit_code(), 0);
    assert!(report.summary().starts_with("0 files: 0 converted"));
}

#[test]
fn many_files_in_parallel_are_deterministic() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    // More files than one group of outputs synced together (256), so that
    // several groups are committed while the run goes on.
    for i in 0..600 {
        write(
            &input,
            &format!("m{:03}/p{i}.txt", i % 17),
            &format!("protokoll {i}"),
        );
    }
    let mut opts = options(&tmp.path().join("out1"));
    opts.jobs = Some(4);
    // Exercise the log lines (printed to stderr, captured by the harness).
    opts.progress = minutes_batch::Progress::Log {
        every: Duration::from_secs(3600),
    };
    let r1 = discover_run(&input, &opts);
    opts.out_dir = tmp.path().join("out2");
    opts.jobs = Some(1);
    let r2 = discover_run(&input, &opts);
    let strip = |r: &Report| -> Vec<(String, Option<String>, Status)> {
        r.files
            .iter()
            .map(|f| (f.path.clone(), f.output.clone(), f.status))
            .collect()
    };
    assert_eq!(strip(&r1), strip(&r2));
    let mut sorted = strip(&r1);
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(sorted, strip(&r1));
    // Every output is in place and no temporary file is left.
    for dir in ["out1", "out2"] {
        let files = all_files(&tmp.path().join(dir));
        assert!(!files.iter().any(|f| f.contains(".tmp-")), "{files:?}");
        let report: serde_json::Value =
            serde_json::from_slice(&fs::read(tmp.path().join(dir).join("report.json")).unwrap())
                .unwrap();
        let outputs: Vec<&str> = report["files"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|f| f["output"].as_str())
            .collect();
        assert!(outputs.len() > 500, "{}", outputs.len());
        for output in outputs {
            assert!(files.iter().any(|g| g == output), "{dir}: {output}");
        }
    }
    let _: PathBuf = opts.report_path();
}

/// The child half of `killed_run_resumes`: a slow run into the folder named
/// by the environment, killed by the parent part-way. A no-op otherwise.
#[test]
fn killed_run_child() {
    let Ok(root) = std::env::var("MINUTES_BATCH_KILL_TEST") else {
        return;
    };
    let root = PathBuf::from(root);
    let mut opts = options(&root.join("out"));
    opts.incremental = true;
    let found = discover(&[root.join("in")], &opts, &is_supported).unwrap();
    run(&found, &opts, |input: &Input| {
        std::thread::sleep(Duration::from_millis(20));
        fake(input)
    })
    .unwrap();
}

#[cfg(unix)]
#[test]
fn killed_run_resumes() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    let out = tmp.path().join("out");
    for i in 0..400 {
        write(
            &input,
            &format!("d{}/p{i:03}.txt", i % 7),
            &format!("protokoll {i} ").repeat(500),
        );
    }
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "killed_run_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("MINUTES_BATCH_KILL_TEST", tmp.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // The child needs ~4 s for all files (2 workers x 20 ms each); the
    // manifest is first saved after ~2 s. Kill it as soon as that save shows.
    let manifest = out.join(".minutes-manifest.json");
    let deadline = Instant::now() + Duration::from_secs(60);
    while !manifest.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    child.kill().unwrap();
    child.wait().unwrap();

    // Whatever was written is complete JSON.
    let written = all_files(&out);
    let outputs: Vec<&String> = written
        .iter()
        .filter(|f| f.ends_with(".json") && !f.starts_with('.') && !f.contains("/."))
        .collect();
    for f in &outputs {
        let bytes = fs::read(out.join(f)).unwrap();
        serde_json::from_slice::<serde_json::Value>(&bytes)
            .unwrap_or_else(|e| panic!("{f} is not complete JSON: {e}"));
    }
    assert!(
        !written.iter().any(|f| f == "report.json"),
        "the child was not killed before finishing; slow machine?"
    );

    // Starting again finishes the rest and skips what the manifest vouches for.
    let mut opts = options(&out);
    opts.incremental = true;
    let found = discover(std::slice::from_ref(&input), &opts, &is_supported).unwrap();
    let (calls, conv) = counting();
    let report = run_checked(&found, &opts, conv);
    let t = &report.totals;
    assert_eq!(t.ok, 400);
    assert_eq!(t.converted + t.up_to_date, 400);
    assert_eq!(calls.load(Ordering::SeqCst), t.converted);
    assert!(t.up_to_date > 0, "no progress was saved before the kill");
    assert!(t.converted > 0, "nothing was left to do after the kill");
    assert!(!all_files(&out).iter().any(|f| f.contains(".tmp-")));
}

#[test]
fn shard_manifests_serve_a_later_whole_run() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    let out = tmp.path().join("out");
    for i in 0..30 {
        write(&input, &format!("f{i}.txt"), "x");
    }
    let mut converted = 0;
    for k in 1..=2 {
        let mut opts = options(&out);
        opts.incremental = true;
        opts.shard = Some((k, 2));
        converted += discover_run(&input, &opts).totals.converted;
    }
    assert_eq!(converted, 30);
    let mut opts = options(&out);
    opts.incremental = true;
    let (calls, conv) = counting();
    let found = discover(std::slice::from_ref(&input), &opts, &is_supported).unwrap();
    let report = run_checked(&found, &opts, conv);
    assert_eq!(calls.load(Ordering::SeqCst), 0);
    assert_eq!(report.totals.up_to_date, 30);
    assert!(out.join("report.json").exists());
}

#[test]
fn the_returned_report_holds_only_failures() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    let out = tmp.path().join("out");
    write(&input, "a.txt", "hej");
    write(&input, "bad.txt", "x");
    write(&input, "sheet.xlsx", "x");
    let opts = options(&out);
    let found = discover(std::slice::from_ref(&input), &opts, &is_supported).unwrap();
    let report = run(&found, &opts, fake).unwrap();
    let paths: Vec<&str> = report.files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["bad.txt"]);
    assert_eq!(report.totals.files, 3);
    let on_disk: Report =
        serde_json::from_slice(&fs::read(out.join("report.json")).unwrap()).unwrap();
    let paths: Vec<&str> = on_disk.files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["a.txt", "bad.txt", "sheet.xlsx"]);
}

#[test]
fn manifest_stores_the_fingerprint_once_and_reads_version_1() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    let out = tmp.path().join("out");
    write(&input, "a.txt", "ett");
    write(&input, "b.txt", "warn");
    write(&input, "skip.txt", "x");
    let mut opts = options(&out);
    opts.incremental = true;
    let found = discover(std::slice::from_ref(&input), &opts, &is_supported).unwrap();
    run_checked(&found, &opts, fake);
    let path = out.join(".minutes-manifest.json");
    let manifest: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(manifest["version"], 2);
    assert_eq!(manifest["fingerprint"], "test-1");
    let entries = manifest["entries"].as_object().unwrap();
    assert_eq!(entries.len(), 3);
    assert!(entries.values().all(|e| e.get("fingerprint").is_none()));
    assert_eq!(entries["b.txt"]["warnings"][0], "a warning");
    assert_eq!(entries["skip.txt"]["skipped"], "not minutes");

    // The same manifest as the previous version wrote it: still honoured.
    let mut v1 = manifest.clone();
    v1["version"] = 1.into();
    v1.as_object_mut().unwrap().remove("fingerprint");
    for e in v1["entries"].as_object_mut().unwrap().values_mut() {
        e["fingerprint"] = "test-1".into();
    }
    fs::write(&path, serde_json::to_vec(&v1).unwrap()).unwrap();
    let (calls, conv) = counting();
    let report = run_checked(&found, &opts, conv);
    assert_eq!(calls.load(Ordering::SeqCst), 0);
    assert_eq!(report.totals.up_to_date, 2);
    assert!(status_of(&report, "skip.txt").up_to_date);
    assert_eq!(status_of(&report, "b.txt").warnings, ["a warning"]);
    let again: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(again, manifest, "rewritten as version 2");

    // A manifest of an unknown version, or garbage, only costs a conversion.
    fs::write(&path, r#"{"version":7,"entries":[]}"#).unwrap();
    let (calls, conv) = counting();
    let report = run_checked(&found, &opts, conv);
    assert_eq!(calls.load(Ordering::SeqCst), 3);
    assert!(
        report.notes.iter().any(|n| n.contains("version 7")),
        "{:?}",
        report.notes
    );
    fs::write(&path, "{\"version\":2,\"fingerprint\":").unwrap();
    let (calls, conv) = counting();
    let report = run_checked(&found, &opts, conv);
    assert_eq!(calls.load(Ordering::SeqCst), 3);
    assert!(
        report.notes.iter().any(|n| n.contains("unreadable")),
        "{:?}",
        report.notes
    );
    let (calls, conv) = counting();
    run_checked(&found, &opts, conv);
    assert_eq!(calls.load(Ordering::SeqCst), 0);
}

#[test]
fn entries_in_any_order_report_in_that_order_and_stay_incremental() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    let out = tmp.path().join("out");
    for i in 0..30 {
        write(
            &input,
            &format!("d{}/f{i:02}.txt", i % 4),
            &format!("p {i}"),
        );
    }
    let mut opts = options(&out);
    opts.incremental = true;
    let mut found = discover(std::slice::from_ref(&input), &opts, &is_supported).unwrap();
    found.entries.reverse();
    let first = run_checked(&found, &opts, fake);
    let order: Vec<&str> = first.files.iter().map(|f| f.path.as_str()).collect();
    let wanted: Vec<&str> = found.entries.iter().map(|e| e.rel.as_str()).collect();
    assert_eq!(order, wanted);
    let manifest: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join(".minutes-manifest.json")).unwrap()).unwrap();
    let keys: Vec<&String> = manifest["entries"].as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 30);
    assert!(keys.windows(2).all(|w| w[0] < w[1]), "{keys:?}");
    let (calls, conv) = counting();
    let second = run_checked(&found, &opts, conv);
    assert_eq!(calls.load(Ordering::SeqCst), 0);
    assert_eq!(second.totals.up_to_date, 30);
}

#[test]
fn a_killed_runs_journal_is_neither_input_nor_output() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    write(&input, "a.txt", "ett");
    let out = input.join("out");
    // What a killed run leaves: its journal (a pid above Linux's maximum, so
    // certainly dead), in an output folder inside the input tree.
    write(
        &out,
        ".report.json.entries.tmp-999999999-0",
        "{\"index\":0,\"manifest\":\"keep\",\"report\":{",
    );
    let mut opts = options(&out);
    opts.incremental = true;
    let found = discover(std::slice::from_ref(&input), &opts, &is_supported).unwrap();
    let rels: Vec<&str> = found.entries.iter().map(|e| e.rel.as_str()).collect();
    assert_eq!(rels, ["a.txt"]);
    let report = run_checked(&found, &opts, fake);
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("removed 1 temporary")),
        "{:?}",
        report.notes
    );
    assert_eq!(
        all_files(&out),
        [".minutes-manifest.json", "a.json", "report.json"]
    );
    // Running on the output folder itself finds no journal either.
    let found = discover(std::slice::from_ref(&out), &opts, &is_supported).unwrap();
    assert!(found.entries.iter().all(|e| !e.rel.contains("tmp")));
}

#[test]
fn a_second_run_into_the_folder_is_kept_out_and_a_dead_runs_lock_is_taken_over() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    let out = tmp.path().join("out");
    write(&input, "a.txt", "ett");
    fs::create_dir_all(&out).unwrap();
    let opts = options(&out);
    let found = discover(std::slice::from_ref(&input), &opts, &is_supported).unwrap();
    // A live process (init) holds the lock.
    fs::write(opts.lock_path(), "1").unwrap();
    match run(&found, &opts, fake) {
        Err(e @ Error::Locked { pid: 1, .. }) => {
            assert!(e.to_string().contains("another minutes run (pid 1)"), "{e}");
        }
        other => panic!("expected the lock to keep the run out: {other:?}"),
    }
    assert!(!out.join("a.json").exists());
    // A process that has ended held it: the run takes it over and lets go.
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let dead = child.id();
    child.wait().unwrap();
    fs::write(opts.lock_path(), dead.to_string()).unwrap();
    run_checked(&found, &opts, fake);
    assert!(out.join("a.json").exists());
    assert!(!opts.lock_path().exists());

    // A running shard keeps a whole run out, and a whole run every shard.
    let mut shard = options(&out);
    shard.shard = Some((2, 4));
    fs::write(shard.lock_path(), "1").unwrap();
    assert!(matches!(
        run(&found, &opts, fake),
        Err(Error::Locked { pid: 1, .. })
    ));
    fs::remove_file(shard.lock_path()).unwrap();
    fs::write(opts.lock_path(), "1").unwrap();
    let found = discover(std::slice::from_ref(&input), &shard, &is_supported).unwrap();
    assert!(matches!(
        run(&found, &shard, fake),
        Err(Error::Locked { pid: 1, .. })
    ));
    fs::remove_file(opts.lock_path()).unwrap();
    run_checked(&found, &shard, fake);
}

/// The `.json` files in `out`, report aside, relative and sorted.
fn outputs(out: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![out.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in fs::read_dir(&dir).unwrap().flatten() {
            let p = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if p.is_dir() {
                stack.push(p);
            } else if name.ends_with(".json")
                && !name.starts_with('.')
                && !name.starts_with("report")
            {
                found.push(
                    p.strip_prefix(out)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/"),
                );
            }
        }
    }
    found.sort();
    found
}

#[test]
fn pruning_removes_the_outputs_of_deleted_and_renamed_inputs() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    let out = tmp.path().join("out");
    for rel in ["a.txt", "b.txt", "sub/c.txt", "d.txt"] {
        write(&input, rel, rel);
    }
    let mut opts = options(&out);
    opts.incremental = true;
    opts.prune = true;
    discover_run(&input, &opts);
    assert_eq!(outputs(&out), ["a.json", "b.json", "d.json", "sub/c.json"]);
    let untouched = fs::read(out.join("a.json")).unwrap();

    fs::remove_file(input.join("b.txt")).unwrap();
    fs::rename(input.join("sub/c.txt"), input.join("sub/c2.txt")).unwrap();
    write(&input, "e.txt", "new");
    let report = discover_run(&input, &opts);
    assert_eq!(outputs(&out), ["a.json", "d.json", "e.json", "sub/c2.json"]);
    let mut pruned = report.pruned.clone();
    pruned.sort();
    assert_eq!(pruned, ["b.json", "sub/c.json"]);
    assert_eq!(fs::read(out.join("a.json")).unwrap(), untouched);
    assert_eq!(report.totals.up_to_date, 2);

    // A run that finds nothing (a wrong or unmounted path) prunes nothing.
    let empty = tmp.path().join("empty");
    fs::create_dir_all(&empty).unwrap();
    let report = discover_run(&empty, &opts);
    assert!(report.pruned.is_empty());
    assert_eq!(outputs(&out).len(), 4);
}

#[test]
fn two_roots_with_the_same_file_names_get_their_own_sub_folders() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("styrelsen");
    let b = tmp.path().join("nested/styrelsen");
    let c = tmp.path().join("fullmäktige");
    for root in [&a, &b, &c] {
        write(root, "2024/protokoll.txt", "ett");
    }
    let out = tmp.path().join("out");
    let mut opts = options(&out);
    opts.incremental = true;
    opts.prune = true;
    let inputs = vec![a.clone(), b.clone(), c.clone()];
    let found = discover(&inputs, &opts, &is_supported).unwrap();
    let rels: Vec<&str> = found.entries.iter().map(|e| e.rel.as_str()).collect();
    assert_eq!(
        rels,
        [
            "fullmäktige/2024/protokoll.txt",
            "styrelsen-2/2024/protokoll.txt",
            "styrelsen/2024/protokoll.txt"
        ]
    );
    let report = run_checked(&found, &opts, fake);
    assert_eq!(report.totals.ok, 3);
    assert_eq!(
        outputs(&out),
        [
            "fullmäktige/2024/protokoll.json",
            "styrelsen-2/2024/protokoll.json",
            "styrelsen/2024/protokoll.json"
        ]
    );
    // Pruning finds inputs under their own root: nothing is gone.
    let again = run_checked(&found, &opts, fake);
    assert!(again.pruned.is_empty(), "{:?}", again.pruned);
    assert_eq!(again.totals.up_to_date, 3);
    fs::remove_file(c.join("2024/protokoll.txt")).unwrap();
    let found = discover(&inputs, &opts, &is_supported).unwrap();
    let third = run_checked(&found, &opts, fake);
    assert_eq!(third.pruned, ["fullmäktige/2024/protokoll.json"]);
}

/// Downstream tables key on output names: an input keeps its output from
/// one run to the next whatever is added, deleted or renamed beside it, and
/// the folder holds exactly one output per input.
#[test]
fn output_names_do_not_drift_between_runs() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    let out = tmp.path().join("out");
    write(&input, "a.txt", "ett");
    write(&input, "b.txt", "två");
    let mut opts = options(&out);
    opts.incremental = true;
    opts.prune = true;
    discover_run(&input, &opts);
    assert_eq!(outputs(&out), ["a.json", "b.json"]);
    let untouched = fs::read(out.join("a.json")).unwrap();

    // a.md sorts before a.txt, but a.txt had a.json first: it keeps it.
    write(&input, "a.md", "tre");
    let report = discover_run(&input, &opts);
    assert_eq!(outputs(&out), ["a.json", "a.md.json", "b.json"]);
    assert_eq!(fs::read(out.join("a.json")).unwrap(), untouched);
    assert!(status_of(&report, "a.txt").up_to_date);
    assert_eq!(report.collisions.len(), 1);
    let c = &report.collisions[0];
    assert_eq!(
        (c.path.as_str(), c.output.as_str(), c.kept_by.as_deref()),
        ("a.md", "a.md.json", Some("a.txt"))
    );

    // a.md deleted, b.txt renamed, two new inputs sharing a stem.
    fs::remove_file(input.join("a.md")).unwrap();
    fs::rename(input.join("b.txt"), input.join("c.txt")).unwrap();
    write(&input, "d.md", "fyra");
    write(&input, "d.txt", "fem");
    let report = discover_run(&input, &opts);
    assert_eq!(outputs(&out), ["a.json", "c.json", "d.json", "d.txt.json"]);
    let mut pruned = report.pruned.clone();
    pruned.sort();
    assert_eq!(pruned, ["a.md.json", "b.json"]);
    assert_eq!(fs::read(out.join("a.json")).unwrap(), untouched);

    // d.md deleted: d.txt keeps its clash name, and the report says why.
    fs::remove_file(input.join("d.md")).unwrap();
    let report = discover_run(&input, &opts);
    assert_eq!(outputs(&out), ["a.json", "c.json", "d.txt.json"]);
    assert!(status_of(&report, "d.txt").up_to_date);
    assert_eq!(report.collisions.len(), 1);
    let c = &report.collisions[0];
    assert_eq!((c.wanted.as_str(), c.kept_by.as_deref()), ("d.json", None));
    assert!(c.kept_from_earlier_run);

    // A full run (not incremental) keeps the names too.
    let mut full = opts.clone();
    full.incremental = false;
    full.prune = false;
    let report = discover_run(&input, &full);
    assert_eq!(report.totals.converted, 3);
    assert_eq!(outputs(&out), ["a.json", "c.json", "d.txt.json"]);

    // Another naming rule renames, and the old names go once the new
    // outputs are there; a file that fails keeps its old output meanwhile.
    write(&input, "c.txt", "a longer text than the limit");
    opts.naming = minutes_batch::Naming::KeepExtension;
    opts.max_file_bytes = 10;
    let report = discover_run(&input, &opts);
    assert_eq!(outputs(&out), ["a.txt.json", "c.json", "d.txt.json"]);
    let c = status_of(&report, "c.txt");
    assert_eq!((c.status, c.stale), (Status::Failed, true));
    assert_eq!(c.output.as_deref(), Some("c.json"));
    assert!(report.collisions.is_empty(), "{:?}", report.collisions);
    opts.max_file_bytes = 1000;
    discover_run(&input, &opts);
    assert_eq!(outputs(&out), ["a.txt.json", "c.txt.json", "d.txt.json"]);
}

/// An input that a run leaves alone (outside its globs) keeps its output:
/// a new input with the same stem does not overwrite it.
#[test]
fn outputs_of_inputs_outside_the_run_are_not_overwritten() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    let out = tmp.path().join("out");
    write(&input, "a.txt", "ett");
    let mut opts = options(&out);
    opts.incremental = true;
    opts.prune = true;
    discover_run(&input, &opts);
    let before = fs::read(out.join("a.json")).unwrap();

    write(&input, "a.md", "två");
    let mut only_md = opts.clone();
    only_md.include = vec!["*.md".to_string()];
    let report = discover_run(&input, &only_md);
    assert_eq!(outputs(&out), ["a.json", "a.md.json"]);
    assert_eq!(fs::read(out.join("a.json")).unwrap(), before);
    assert!(report.pruned.is_empty());
    assert_eq!(report.collisions[0].kept_by.as_deref(), Some("a.txt"));

    // Both in the next whole run: each keeps its name.
    let report = discover_run(&input, &opts);
    assert_eq!(report.totals.up_to_date, 2);
    assert_eq!(outputs(&out), ["a.json", "a.md.json"]);
}
