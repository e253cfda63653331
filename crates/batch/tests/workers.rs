//! Conversions in worker processes: files that abort, overflow the stack,
//! exhaust memory or hang end only their worker, and every good file of the
//! batch is converted. The test binary is its own worker (`--serve-worker`),
//! hence `harness = false` and this `main`.

use std::fs;
use std::path::Path;
use std::time::Duration;

use minutes_batch::{Input, Options, Outcome, Status, WorkerCommand, discover, run, serve};

/// Converts text; misbehaves, beyond anything `catch_unwind` can catch, on
/// request by name.
fn hostile(input: &Input) -> Result<Outcome, String> {
    match input.rel.as_str() {
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
    if std::env::args().any(|a| a == "--serve-worker") {
        if let Err(e) = serve(hostile) {
            eprintln!("worker: {e}");
            std::process::exit(1);
        }
        return;
    }
    hostile_files_end_only_their_worker();
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
