//! Running the `minutes` binary as a child process and measuring it: wall
//! time, and from `wait4` the child's own CPU time and peak resident set
//! (`ru_maxrss`, KiB on Linux) — exact, no polling.

use anyhow::{Context, Result, bail};
use std::process::Command;
use std::time::Instant;

/// What one child process cost.
#[derive(Debug, Clone, Default)]
pub struct Measured {
    /// Wall time from spawn to exit, seconds.
    pub wall: f64,
    /// User CPU time, seconds.
    pub user: f64,
    /// System CPU time, seconds.
    pub sys: f64,
    /// Peak resident set size, KiB.
    pub max_rss_kib: u64,
    /// Exit status (`-signal` when killed by a signal).
    pub exit: i32,
    /// Resident set size over time: (seconds since start, KiB), sampled from
    /// /proc/PID/status every [`SAMPLE_EVERY`] (empty where there is no /proc).
    pub rss: Vec<(f64, u64)>,
}

/// How often the child's resident set is sampled.
pub const SAMPLE_EVERY: std::time::Duration = std::time::Duration::from_millis(100);

/// Samples `VmRSS` of `pid` until `stop` is set.
#[cfg(unix)]
fn sample_rss(
    pid: u32,
    started: Instant,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
) -> std::thread::JoinHandle<Vec<(f64, u64)>> {
    std::thread::spawn(move || {
        let path = format!("/proc/{pid}/status");
        let mut out = Vec::new();
        while !stop.load(std::sync::atomic::Ordering::Acquire) {
            let Ok(status) = std::fs::read_to_string(&path) else {
                break;
            };
            let kib = status
                .lines()
                .find_map(|l| l.strip_prefix("VmRSS:"))
                .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok());
            if let Some(kib) = kib {
                out.push((started.elapsed().as_secs_f64(), kib));
            }
            std::thread::sleep(SAMPLE_EVERY);
        }
        out
    })
}

/// Spawns `cmd` and waits for it, measuring it.
#[cfg(unix)]
pub fn run(cmd: &mut Command) -> Result<Measured> {
    let started = Instant::now();
    let child = cmd
        .spawn()
        .with_context(|| format!("cannot start {:?}", cmd.get_program()))?;
    let pid = child.id() as libc::pid_t;
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let sampler = sample_rss(child.id(), started, std::sync::Arc::clone(&stop));
    let mut status: libc::c_int = 0;
    // SAFETY: rusage is plain old data; all-zero is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: pid is our own child, not yet reaped (std's `Child` only
        // reaps in `wait`/`try_wait`, which are never called on it); the
        // pointers are to live locals.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == pid {
            break;
        }
        let err = std::io::Error::last_os_error();
        if err.kind() != std::io::ErrorKind::Interrupted {
            bail!("wait4 failed: {err}");
        }
    }
    let wall = started.elapsed().as_secs_f64();
    drop(child);
    stop.store(true, std::sync::atomic::Ordering::Release);
    let rss = sampler.join().unwrap_or_default();
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    let exit = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else if libc::WIFSIGNALED(status) {
        -libc::WTERMSIG(status)
    } else {
        -1
    };
    Ok(Measured {
        wall,
        user: secs(usage.ru_utime),
        sys: secs(usage.ru_stime),
        max_rss_kib: u64::try_from(usage.ru_maxrss).unwrap_or(0),
        exit,
        rss,
    })
}

/// Without `wait4`: wall time and exit status only.
#[cfg(not(unix))]
pub fn run(cmd: &mut Command) -> Result<Measured> {
    let started = Instant::now();
    let status = cmd
        .status()
        .with_context(|| format!("cannot start {:?}", cmd.get_program()))?;
    Ok(Measured {
        wall: started.elapsed().as_secs_f64(),
        exit: status.code().unwrap_or(-1),
        ..Measured::default()
    })
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn measures_a_child() {
        let m = run(Command::new("sh").args(["-c", "exit 3"])).unwrap();
        assert_eq!(m.exit, 3);
        assert!(m.max_rss_kib > 0);
        assert!(m.wall >= 0.0);
    }
}
