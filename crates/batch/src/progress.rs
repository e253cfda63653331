//! Progress display on stderr.

use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How a run shows its progress on stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// An indicatif bar with counts, rate and ETA (for a terminal).
    Bar,
    /// A plain line every `every` and at each tenth of the work (for logs and
    /// CI, where a bar's redraws would be noise).
    Log {
        /// Minimum time between two lines (tenths are always printed).
        every: Duration,
    },
    /// Nothing.
    Quiet,
}

impl Progress {
    /// [`Progress::Bar`] when stderr is a terminal, else a log line every 10 s.
    pub fn auto() -> Self {
        if std::io::stderr().is_terminal() {
            Progress::Bar
        } else {
            Progress::Log {
                every: Duration::from_secs(10),
            }
        }
    }
}

/// The live side of [`Progress`], shared by the workers.
pub(crate) struct Reporter {
    bar: Option<ProgressBar>,
    log: Option<(Duration, Mutex<(Instant, u64)>)>,
    total: u64,
    done: AtomicU64,
    failed: AtomicU64,
    start: Instant,
}

impl Reporter {
    pub fn new(progress: Progress, total: u64) -> Self {
        let start = Instant::now();
        let bar = match progress {
            Progress::Bar => {
                let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
                let style = ProgressStyle::with_template(
                    "{elapsed_precise} [{wide_bar}] {pos}/{len} files, {per_sec}, ETA {eta} {msg}",
                )
                .map(|s| s.progress_chars("=> "))
                .unwrap_or_else(|_| ProgressStyle::default_bar());
                bar.set_style(style);
                Some(bar)
            }
            _ => None,
        };
        let log = match progress {
            Progress::Log { every } => Some((every, Mutex::new((start, 0)))),
            _ => None,
        };
        Reporter {
            bar,
            log,
            total,
            done: AtomicU64::new(0),
            failed: AtomicU64::new(0),
            start,
        }
    }

    /// One more file finished.
    pub fn tick(&self, failed: bool) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        let failures = if failed {
            self.failed.fetch_add(1, Ordering::Relaxed) + 1
        } else {
            self.failed.load(Ordering::Relaxed)
        };
        if let Some(bar) = &self.bar {
            bar.inc(1);
            if failed {
                bar.set_message(format!("({failures} failed)"));
            }
        }
        if let Some((every, last)) = &self.log {
            // try_lock: a worker never waits for another one's printing.
            if let Ok(mut last) = last.try_lock() {
                let tenth = (done * 10).checked_div(self.total).unwrap_or(10);
                if last.0.elapsed() >= *every || tenth > last.1 {
                    *last = (Instant::now(), tenth);
                    self.log_line(done, failures);
                }
            }
        }
    }

    fn log_line(&self, done: u64, failed: u64) {
        let secs = self.start.elapsed().as_secs_f64();
        let rate = if secs > 0.0 { done as f64 / secs } else { 0.0 };
        let pct = (done * 100).checked_div(self.total).unwrap_or(100);
        let eta = if rate > 0.0 {
            format!(
                ", ETA {:.0} s",
                (self.total - done.min(self.total)) as f64 / rate
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            std::io::stderr().lock(),
            "minutes: {done}/{} files ({pct}%), {failed} failed, {rate:.1} files/s{eta}",
            self.total
        );
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
