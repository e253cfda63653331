//! A write that fails (the file-size limit standing in for a full disk, which
//! a test cannot make) keeps the earlier output. Its own test binary, because
//! the limit is per process.

use std::fs;
use std::path::Path;
use std::time::Duration;

use minutes_batch::{Input, Options, Outcome, discover, run};

fn is_supported(path: &Path) -> Option<String> {
    (path.extension()? == "txt").then(|| "txt".to_string())
}

/// Output of `size` bytes.
fn sized(size: usize) -> impl Fn(&Input) -> Result<Outcome, String> + Send + Sync + 'static {
    move |input: &Input| {
        Ok(Outcome::Converted {
            json: format!("{{\"pad\":\"{}\"}}", "x".repeat(size)).into_bytes(),
            warnings: Vec::new(),
            pages: None,
            format: input.format.clone(),
        })
    }
}

#[test]
fn a_failed_write_keeps_the_earlier_output() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    let out = tmp.path().join("out");
    fs::create_dir_all(&input).unwrap();
    for name in ["a.txt", "b.txt", "c.txt"] {
        fs::write(input.join(name), name).unwrap();
    }
    let mut opts = Options::new(&out);
    opts.jobs = Some(2);
    opts.time_budget = Some(Duration::from_secs(30));
    let found = discover(std::slice::from_ref(&input), &opts, &is_supported).unwrap();
    let first = run(&found, &opts, sized(100)).unwrap();
    assert_eq!(first.totals.ok, 3);
    let good = fs::read(out.join("b.json")).unwrap();

    // Writes past 256 KiB now fail with EFBIG (the signal that would kill
    // the process is ignored), as writes fail on a full disk.
    // SAFETY: plain libc calls with valid arguments; the limit only lowers
    // what this test process may write.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
        let limit = libc::rlimit {
            rlim_cur: 256 * 1024,
            rlim_max: libc::RLIM_INFINITY,
        };
        assert_eq!(libc::setrlimit(libc::RLIMIT_FSIZE, &limit), 0);
    }
    let second = run(&found, &opts, sized(1024 * 1024)).unwrap();
    assert_eq!((second.totals.failed, second.totals.stale), (3, 3));
    assert!(
        second.files[0]
            .error
            .as_deref()
            .is_some_and(|e| e.contains("cannot write output")),
        "{:?}",
        second.files[0]
    );
    assert_eq!(fs::read(out.join("b.json")).unwrap(), good);
    let names: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with(".minutes-manifest"))
        .collect();
    assert!(
        names.iter().all(|n| !n.contains(".tmp-")),
        "no temporary file is left: {names:?}"
    );
}
