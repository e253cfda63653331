//! Conversions in worker processes: files that abort, overflow the stack,
//! exhaust memory or hang end only their worker, and every good file of the
//! batch is converted. The test binary is its own worker (`--serve-worker`),
//! hence `harness = false` and this `main`.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use minutes_batch::{Input, Options, Outcome, Status, WorkerCommand, discover, run, serve};

/// Conversions under way in this process.
static IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);

/// Counts a conversion in [`IN_FLIGHT`] while it lasts.
struct Flight;

impl Flight {
    fn start() -> Flight {
        IN_FLIGHT.fetch_add(1, Ordering::SeqCst);
        Flight
    }
}

impl Drop for Flight {
    fn drop(&mut self) {
        IN_FLIGHT.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Converts text; misbehaves, beyond anything `catch_unwind` can catch, on
/// request by name.
fn hostile(input: &Input) -> Result<Outcome, String> {
    let _flight = Flight::start();
    let name = input.rel.as_str();
    if name.starts_with("slow-") {
        std::thread::sleep(Duration::from_secs(1));
    }
    if name.starts_with("nap-") {
        std::thread::sleep(Duration::from_millis(150));
    }
    if name.starts_with("mem-") {
        // 300 MB, held while the others of its kind are converted too.
        let big = vec![1u8; 300 << 20];
        std::thread::sleep(Duration::from_millis(700));
        std::hint::black_box(&big);
    }
    match name {
        // Answers, and ends its process a moment later, while another
        // file is in it.
        "late-abort.txt" => {
            std::thread::spawn(|| {
                std::thread::sleep(Duration::from_millis(300));
                std::process::abort();
            });
        }
        // Overruns only when it shares its process (as a file can when the
        // cores are shared by a child's threads).
        "crowded.txt" => {
            std::thread::sleep(Duration::from_millis(300));
            if IN_FLIGHT.load(Ordering::SeqCst) > 1 {
                std::thread::sleep(Duration::from_secs(20));
            }
        }
        "abort.txt" => std::process::abort(),
        "overflow.txt" => {
            std::hint::black_box(deep(u64::MAX));
        }
        "oom.txt" => {
            let big = vec![1u8; 16 << 30];
            std::hint::black_box(&big);
        }
        "hang.txt" => std::thread::sleep(Duration::from_secs(600)),
        "panic.txt" => panic!("boom"),
        _ => {}
    }
    Ok(Outcome::Converted {
        json: serde_json::to_vec(&serde_json::json!({
            "text": String::from_utf8_lossy(&input.bytes),
            "pid": std::process::id(),
            "threads": std::env::var("MINUTES_WORKER_THREADS").unwrap_or_default(),
        }))
        .map_err(|e| e.to_string())?,
        warnings: Vec::new(),
        pages: None,
        format: input.format.clone(),
    })
}

/// Recursion without end (each frame keeps a kilobyte alive).
fn deep(n: u64) -> u64 {
    let frame = std::hint::black_box([n; 128]);
    if n == 0 {
        0
    } else {
        deep(n - 1).wrapping_add(frame[7])
    }
}

fn is_supported(path: &Path) -> Option<String> {
    (path.extension()? == "txt").then(|| "txt".to_string())
}

fn main() {
    // As the `minutes` binary does (so that `minutes … | head` ends
    // quietly): a write to a child that is gone must still be an error
    // the runner handles, not a signal that ends the run.
    // SAFETY: restores the default disposition of one signal at start-up.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    if std::env::args().any(|a| a == "--serve-worker") {
        if std::env::args().any(|a| a == "--die-at-start") {
            std::process::exit(3);
        }
        if let Err(e) = serve(hostile) {
            eprintln!("worker: {e}");
            std::process::exit(1);
        }
        return;
    }
    let tests: [(&str, fn()); 7] = [
        (
            "hostile_files_end_only_their_worker",
            hostile_files_end_only_their_worker,
        ),
        (
            "one_child_serves_every_conversion_thread",
            one_child_serves_every_conversion_thread,
        ),
        (
            "a_child_gone_before_its_input_is_a_failure_not_a_signal",
            a_child_gone_before_its_input_is_a_failure_not_a_signal,
        ),
        (
            "a_shared_childs_death_fails_only_the_file_that_causes_it",
            a_shared_childs_death_fails_only_the_file_that_causes_it,
        ),
        (
            "an_overrun_in_a_shared_child_is_tried_again_alone",
            an_overrun_in_a_shared_child_is_tried_again_alone,
        ),
        (
            "a_shared_child_has_memory_for_each_of_its_threads",
            a_shared_child_has_memory_for_each_of_its_threads,
        ),
        (
            "many_jobs_start_several_children_of_a_few_threads",
            many_jobs_start_several_children_of_a_few_threads,
        ),
    ];
    // `cargo test --test workers -- NAME` runs the tests whose name has NAME.
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    for (name, test) in tests {
        if filter.is_empty() || filter.iter().any(|f| name.contains(f.as_str())) {
            println!("test {name} ...");
            test();
            println!("test {name} ... ok");
        }
    }
    println!("workers: ok");
}

fn hostile_files_end_only_their_worker() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let input = tmp.path().join("in");
    let out = tmp.path().join("out");
    fs::create_dir_all(&input).expect("input folder");
    let good: Vec<String> = (0..12).map(|k| format!("good-{k:02}.txt")).collect();
    let bad = [
        "abort.txt",
        "overflow.txt",
        "oom.txt",
        "hang.txt",
        "panic.txt",
    ];
    for name in good.iter().map(String::as_str).chain(bad) {
        fs::write(input.join(name), name).expect("input file");
    }
    let mut opts = Options::new(&out);
    opts.jobs = Some(2);
    opts.time_budget = Some(Duration::from_secs(3));
    opts.workers = Some(WorkerCommand {
        program: std::env::current_exe().expect("test binary"),
        args: vec!["--serve-worker".into()],
        max_memory: Some(512 * 1024 * 1024),
    });
    let found = discover(std::slice::from_ref(&input), &opts, &is_supported).expect("discover");
    let report = run(&found, &opts, |_: &Input| Err("not in process".to_string())).expect("run");

    assert_eq!(report.totals.ok, good.len(), "{:#?}", report.files);
    for name in &good {
        let json = fs::read_to_string(out.join(name.replace(".txt", ".json"))).expect("output");
        assert!(json.contains(name.as_str()), "{json}");
    }
    let cause = |name: &str| {
        let file = report
            .files
            .iter()
            .find(|f| f.path == name)
            .unwrap_or_else(|| panic!("{name} is not among the failures"));
        assert_eq!(file.status, Status::Failed);
        file.error.clone().unwrap_or_default()
    };
    assert_eq!(cause("abort.txt"), "crashed: signal 6");
    assert_eq!(cause("overflow.txt"), "crashed: stack overflow");
    assert_eq!(
        cause("oom.txt"),
        "out of memory (the worker's limit is 512 MiB)"
    );
    assert_eq!(cause("hang.txt"), "killed after 3 s (the time budget)");
    assert!(cause("panic.txt").starts_with("panicked: boom"));
    assert_eq!(report.totals.failed, bad.len());
}

/// Without a hostile file, the run's conversion threads share one child:
/// the process's start-up is paid once.
fn one_child_serves_every_conversion_thread() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let input = tmp.path().join("in");
    let out = tmp.path().join("out");
    fs::create_dir_all(&input).expect("input folder");
    let names: Vec<String> = (0..40).map(|k| format!("good-{k:02}.txt")).collect();
    for name in &names {
        fs::write(input.join(name), name).expect("input file");
    }
    let mut opts = Options::new(&out);
    opts.jobs = Some(3);
    opts.time_budget = Some(Duration::from_secs(30));
    opts.workers = Some(WorkerCommand {
        program: std::env::current_exe().expect("test binary"),
        args: vec!["--serve-worker".into()],
        max_memory: Some(512 * 1024 * 1024),
    });
    let found = discover(std::slice::from_ref(&input), &opts, &is_supported).expect("discover");
    let report = run(&found, &opts, |_: &Input| Err("not in process".to_string())).expect("run");
    assert_eq!(report.totals.ok, names.len(), "{:#?}", report.files);
    let mut pids = std::collections::BTreeSet::new();
    for name in &names {
        let json = fs::read_to_string(out.join(name.replace(".txt", ".json"))).expect("output");
        let value: serde_json::Value = serde_json::from_str(&json).expect("json");
        assert_eq!(value["text"], name.as_str());
        pids.insert(value["pid"].as_u64().expect("pid"));
    }
    assert_eq!(pids.len(), 1, "{pids:?}");
}

/// A run of `files` (name, contents) with `jobs` threads and the test's own
/// worker (`extra` arguments added): the report, and the outputs' JSON.
fn run_files(
    files: &[(String, Vec<u8>)],
    jobs: usize,
    budget: Duration,
    max_memory: u64,
    extra: &[&str],
) -> (minutes_batch::Report, Vec<serde_json::Value>) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let input = tmp.path().join("in");
    let out = tmp.path().join("out");
    fs::create_dir_all(&input).expect("input folder");
    for (name, bytes) in files {
        fs::write(input.join(name), bytes).expect("input file");
    }
    let mut opts = Options::new(&out);
    opts.jobs = Some(jobs);
    opts.time_budget = Some(budget);
    let mut args = vec!["--serve-worker".into()];
    args.extend(extra.iter().map(Into::into));
    opts.workers = Some(WorkerCommand {
        program: std::env::current_exe().expect("test binary"),
        args,
        max_memory: Some(max_memory),
    });
    let found = discover(std::slice::from_ref(&input), &opts, &is_supported).expect("discover");
    let report = run(&found, &opts, |_: &Input| Err("not in process".to_string())).expect("run");
    let outputs = files
        .iter()
        .filter_map(|(name, _)| {
            let path: PathBuf = out.join(name.replace(".txt", ".json"));
            let json = fs::read(path).ok()?;
            serde_json::from_slice(&json).ok()
        })
        .collect();
    (report, outputs)
}

/// Files named so, each with its name as its text.
fn named(names: &[String]) -> Vec<(String, Vec<u8>)> {
    names
        .iter()
        .map(|n| (n.clone(), n.as_bytes().to_vec()))
        .collect()
}

fn pids(outputs: &[serde_json::Value]) -> BTreeSet<u64> {
    outputs
        .iter()
        .map(|v| v["pid"].as_u64().expect("pid"))
        .collect()
}

const MIB: u64 = 1024 * 1024;

/// A child that is gone before it reads its input (it could not start)
/// fails the file with its exit, with one job or several: writing to its
/// stdin is an error the runner handles even when SIGPIPE would end the
/// process (as it does `minutes`, see `main`), and the run ends with its
/// report. The files are larger than a pipe's buffer, so that the write
/// waits for the child and then finds it gone.
fn a_child_gone_before_its_input_is_a_failure_not_a_signal() {
    let files: Vec<(String, Vec<u8>)> = (0..4)
        .map(|k| (format!("big-{k}.txt"), vec![b'x'; 256 * 1024]))
        .collect();
    for jobs in [1, 2] {
        let (report, _) = run_files(
            &files,
            jobs,
            Duration::from_secs(30),
            512 * MIB,
            &["--die-at-start"],
        );
        assert_eq!(report.totals.failed, files.len(), "{:#?}", report.files);
        for file in &report.files {
            assert_eq!(
                file.error.as_deref(),
                Some("worker exited with code 3"),
                "{file:#?}"
            );
        }
    }
}

/// A shared child that dies when one file is left in it fails no file
/// that did not end it: here the file that ends it has been answered, and
/// the one still in it converts when tried again alone.
fn a_shared_childs_death_fails_only_the_file_that_causes_it() {
    let names = ["late-abort.txt".to_string(), "slow-0.txt".to_string()];
    let (report, outputs) = run_files(&named(&names), 2, Duration::from_secs(30), 512 * MIB, &[]);
    assert_eq!(report.totals.ok, 2, "{:#?}", report.files);
    assert_eq!(outputs.len(), 2);
}

/// A file that overruns its budget in a shared child is tried again alone
/// like the others in it (there its budget is its own).
fn an_overrun_in_a_shared_child_is_tried_again_alone() {
    let names = ["crowded.txt".to_string(), "slow-0.txt".to_string()];
    let (report, outputs) = run_files(&named(&names), 2, Duration::from_secs(3), 512 * MIB, &[]);
    assert_eq!(report.totals.ok, 2, "{:#?}", report.files);
    assert_eq!(outputs.len(), 2);
}

/// `max_memory` bounds each conversion, not a shared child's all: three
/// files of 300 MB at once under a 512 MiB limit convert in one child.
fn a_shared_child_has_memory_for_each_of_its_threads() {
    let names: Vec<String> = (0..3).map(|k| format!("mem-{k}.txt")).collect();
    let (report, outputs) = run_files(&named(&names), 3, Duration::from_secs(30), 512 * MIB, &[]);
    assert_eq!(report.totals.ok, 3, "{:#?}", report.files);
    assert_eq!(pids(&outputs).len(), 1, "{outputs:?}");
}

/// Many jobs are served by several children of at most 8 threads each
/// (20 jobs: 3 children of 7).
fn many_jobs_start_several_children_of_a_few_threads() {
    let names: Vec<String> = (0..60).map(|k| format!("nap-{k:02}.txt")).collect();
    let (report, outputs) = run_files(&named(&names), 20, Duration::from_secs(30), 512 * MIB, &[]);
    assert_eq!(report.totals.ok, names.len(), "{:#?}", report.files);
    assert_eq!(outputs.len(), names.len());
    for value in &outputs {
        assert_eq!(value["threads"], "7", "{value}");
    }
    assert_eq!(pids(&outputs).len(), 3, "{outputs:?}");
}
