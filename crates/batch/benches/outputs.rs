//! The batch runner's own cost per file: `cargo bench -p minutes-batch`
//! runs a batch over generated inputs with a converter that does no work
//! but hand back a ~20 KB output (the size of a converted text document),
//! so what is measured is the runner's bookkeeping: reading and hashing
//! each input, writing each output through its temporary file, syncing and
//! renaming it, the journal, the manifest and the report. It prints the
//! wall time and the CPU time (user and system, the kernel's file work)
//! per file, best of a few rounds. Plain timing rather than criterion, as
//! in the other benches, keeps the dev-dependencies small.
//!
//! `BENCH_FILES=N` sets the number of inputs (default 2,000),
//! `BENCH_ROUNDS=N` the rounds (default 3). Every round writes into a
//! folder of its own (~40 MB at the defaults), all deleted at the end.
//! The system time moves with what else the machine writes (a sync waits
//! for it too): compare builds in alternating runs.

use std::path::Path;
use std::time::{Duration, Instant};

use minutes_batch::{Input, Options, Outcome, discover, run};

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// User and system CPU time of this process so far.
fn cpu() -> (Duration, Duration) {
    // SAFETY: `getrusage` fills the zeroed struct it is given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let time = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
    };
    (time(usage.ru_utime), time(usage.ru_stime))
}

fn main() {
    let files = env("BENCH_FILES", 2000);
    let rounds = env("BENCH_ROUNDS", 3);
    let Ok(tmp) = tempfile::tempdir() else {
        eprintln!("cannot make a temporary folder");
        return;
    };
    let input = tmp.path().join("in");
    for i in 0..files {
        let dir = input.join(format!("{}/{:02}", 2015 + i % 10, 1 + i % 12));
        let text = format!(
            "Protokoll {i}\n{}",
            "Mötet beslutade att godkänna. ".repeat(100)
        );
        if std::fs::create_dir_all(&dir)
            .and_then(|()| std::fs::write(dir.join(format!("p{i}.txt")), text))
            .is_err()
        {
            eprintln!("cannot write the inputs");
            return;
        }
    }
    let output = format!("{{\"text\":\"{}\"}}", "x".repeat(20_000)).into_bytes();
    let supported = |path: &Path| (path.extension()? == "txt").then(|| "txt".to_string());
    let mut best: Option<(Duration, Duration, Duration)> = None;
    for round in 0..rounds {
        let out = tmp.path().join(format!("out-{round}"));
        let mut opts = Options::new(&out);
        opts.jobs = Some(2);
        let Ok(found) = discover(std::slice::from_ref(&input), &opts, &supported) else {
            eprintln!("cannot list the inputs");
            return;
        };
        let json = output.clone();
        let (user0, sys0) = cpu();
        let started = Instant::now();
        let report = run(&found, &opts, move |input: &Input| {
            Ok(Outcome::Converted {
                json: json.clone(),
                warnings: Vec::new(),
                pages: None,
                format: input.format.clone(),
            })
        });
        let wall = started.elapsed();
        let (user1, sys1) = cpu();
        match report {
            Ok(r) if r.totals.ok == files => {}
            _ => {
                eprintln!("the run did not convert every file");
                return;
            }
        }
        let times = (wall, user1 - user0, sys1 - sys0);
        if best.is_none_or(|b| times.0 < b.0) {
            best = Some(times);
        }
        // The outputs stay until the end: creating files right after
        // deleting as many is slower on ext4, and would weigh on the
        // next round.
    }
    if let Some((wall, user, sys)) = best {
        let per = |d: Duration| d.as_secs_f64() * 1e6 / files as f64;
        println!(
            "batch of {files} files, 2 jobs (best of {rounds}): wall {:.0} µs, user {:.0} µs, system {:.0} µs a file",
            per(wall),
            per(user),
            per(sys)
        );
    }
}
