//! Conversions in worker processes (the model is Apache Tika's forked
//! parser): a child process of the caller's choosing (the same binary, with
//! a hidden subcommand that calls [`serve`]) converts one file after another,
//! under an address-space limit. An abort, a stack overflow or an allocation
//! failure ends the child, not the run: the file is failed with the cause and
//! a new child takes over. An overrun is ended by killing the child.
//!
//! The protocol on the child's stdin and stdout is frames: an 8-byte
//! little-endian length, then that many bytes. A request is two frames (a
//! JSON header, the file's bytes), a reply too (a JSON header, the output's
//! bytes). The child's stderr is kept (its last few kilobytes) to tell an
//! out-of-memory abort and a stack overflow from other crashes.

use std::ffi::OsString;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::{Input, Outcome, panics};

/// The environment variable through which the parent tells the child its
/// address-space limit, in bytes.
const MEMORY_ENV: &str = "MINUTES_WORKER_MAX_MEMORY";

/// Largest frame accepted (a request carries a whole input file).
const MAX_FRAME: u64 = 4 * 1024 * 1024 * 1024;

/// Bytes of the child's stderr kept for telling why it died.
const STDERR_TAIL: usize = 8 * 1024;

/// How to start a worker process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkerCommand {
    /// The program, usually `std::env::current_exe()`.
    pub program: PathBuf,
    /// Its arguments, usually the hidden subcommand that calls [`serve`].
    pub args: Vec<OsString>,
    /// Address-space limit of each child in bytes (`RLIMIT_AS`); `None`
    /// for no limit.
    pub max_memory: Option<u64>,
}

/// A request's header.
#[derive(Serialize, Deserialize)]
struct Request {
    path: PathBuf,
    rel: String,
    format: String,
    sha256: String,
}

/// A reply's header; the output's bytes follow in their own frame.
#[derive(Serialize, Deserialize)]
enum Reply {
    Converted {
        warnings: Vec<String>,
        pages: Option<u32>,
        format: String,
    },
    Skipped {
        reason: String,
    },
    Failed {
        message: String,
    },
}

/// The child's side: applies the memory limit the parent asked for, then
/// answers requests on stdin until stdin closes. Panics in `converter` are
/// caught and become failures; what cannot be caught ends the process,
/// which the parent reports.
pub fn serve<C>(converter: C) -> io::Result<()>
where
    C: Fn(&Input) -> Result<Outcome, String>,
{
    if let Some(limit) = std::env::var(MEMORY_ENV)
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        limit_address_space(limit)?;
    }
    ignore_interrupts();
    let _hook = panics::HookGuard::install();
    let mut stdin = BufReader::new(io::stdin().lock());
    let mut stdout = BufWriter::new(io::stdout().lock());
    loop {
        let Some(header) = read_frame_or_eof(&mut stdin)? else {
            return Ok(());
        };
        let request: Request = serde_json::from_slice(&header).map_err(io::Error::other)?;
        let bytes = read_frame(&mut stdin)?;
        let input = Input {
            path: request.path,
            rel: request.rel,
            format: request.format,
            bytes,
            sha256: request.sha256,
        };
        let result = panics::catch(|| converter(&input)).and_then(|r| r);
        drop(input);
        let (reply, body) = match result {
            Ok(Outcome::Converted {
                json,
                warnings,
                pages,
                format,
            }) => (
                Reply::Converted {
                    warnings,
                    pages,
                    format,
                },
                json,
            ),
            Ok(Outcome::Skipped { reason }) => (Reply::Skipped { reason }, Vec::new()),
            Err(message) => (Reply::Failed { message }, Vec::new()),
        };
        write_frame(
            &mut stdout,
            &serde_json::to_vec(&reply).map_err(io::Error::other)?,
        )?;
        write_frame(&mut stdout, &body)?;
        stdout.flush()?;
    }
}

#[cfg(unix)]
fn limit_address_space(bytes: u64) -> io::Result<()> {
    let limit = libc::rlimit {
        rlim_cur: bytes as libc::rlim_t,
        rlim_max: bytes as libc::rlim_t,
    };
    // SAFETY: setrlimit reads a valid, initialised struct; it only lowers
    // this process's own limit.
    if unsafe { libc::setrlimit(libc::RLIMIT_AS, &limit) } == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// A Ctrl-C in the terminal reaches the whole process group: the parent
/// decides what happens to the run, and ends its children itself.
#[cfg(unix)]
fn ignore_interrupts() {
    // SAFETY: setting a signal's disposition to "ignore" has no handler to
    // be unsafe in.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_IGN);
    }
}

#[cfg(not(unix))]
fn ignore_interrupts() {}

#[cfg(not(unix))]
fn limit_address_space(_bytes: u64) -> io::Result<()> {
    Ok(())
}

fn write_frame(w: &mut impl Write, bytes: &[u8]) -> io::Result<()> {
    w.write_all(&(bytes.len() as u64).to_le_bytes())?;
    w.write_all(bytes)
}

fn read_frame(r: &mut impl Read) -> io::Result<Vec<u8>> {
    read_frame_or_eof(r)?.ok_or_else(|| io::Error::from(io::ErrorKind::UnexpectedEof))
}

/// A frame, or `None` at a clean end of the stream.
fn read_frame_or_eof(r: &mut impl Read) -> io::Result<Option<Vec<u8>>> {
    let mut len = [0u8; 8];
    let mut got = 0;
    while got < len.len() {
        match r.read(&mut len[got..]) {
            Ok(0) if got == 0 => return Ok(None),
            Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    let len = u64::from_le_bytes(len);
    if len > MAX_FRAME {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("frame of {len} bytes"),
        ));
    }
    let mut buf = Vec::new();
    r.take(len).read_to_end(&mut buf)?;
    if buf.len() as u64 != len {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    Ok(Some(buf))
}

/// The last bytes a child wrote to stderr.
type Tail = Arc<Mutex<Vec<u8>>>;

/// One running child.
pub(crate) struct Worker {
    child: Child,
    stdin: Option<BufWriter<ChildStdin>>,
    replies: mpsc::Receiver<io::Result<(Reply, Vec<u8>)>>,
    tail: Tail,
    stderr_reader: Option<JoinHandle<()>>,
    max_memory: Option<u64>,
}

impl Worker {
    /// Starts a child.
    pub(crate) fn spawn(command: &WorkerCommand) -> io::Result<Worker> {
        let mut cmd = Command::new(&command.program);
        cmd.args(&command.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        match command.max_memory {
            Some(limit) => cmd.env(MEMORY_ENV, limit.to_string()),
            None => cmd.env_remove(MEMORY_ENV),
        };
        let mut child = cmd.spawn()?;
        let (Some(stdin), Some(stdout), Some(stderr)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(io::Error::other("worker started without its pipes"));
        };
        let (tx, replies) = mpsc::channel();
        thread::Builder::new()
            .name("minutes-worker-reader".to_string())
            .spawn(move || {
                let mut stdout = BufReader::new(stdout);
                loop {
                    let reply = read_frame(&mut stdout).and_then(|header| {
                        let reply: Reply =
                            serde_json::from_slice(&header).map_err(io::Error::other)?;
                        Ok((reply, read_frame(&mut stdout)?))
                    });
                    let failed = reply.is_err();
                    if tx.send(reply).is_err() || failed {
                        return;
                    }
                }
            })?;
        let tail: Tail = Arc::default();
        let kept = Arc::clone(&tail);
        let stderr_reader = thread::Builder::new()
            .name("minutes-worker-stderr".to_string())
            .spawn(move || {
                let mut stderr = stderr;
                let mut buf = [0u8; 4096];
                while let Ok(n) = stderr.read(&mut buf) {
                    if n == 0 {
                        return;
                    }
                    let mut tail = kept.lock().unwrap_or_else(|e| e.into_inner());
                    tail.extend_from_slice(buf.get(..n).unwrap_or_default());
                    let excess = tail.len().saturating_sub(STDERR_TAIL);
                    tail.drain(..excess);
                }
            })?;
        Ok(Worker {
            child,
            stdin: Some(BufWriter::new(stdin)),
            replies,
            tail,
            stderr_reader: Some(stderr_reader),
            max_memory: command.max_memory,
        })
    }

    /// Converts one input. `Err` means the child is gone (it died, or was
    /// killed after `budget`), with the cause; the worker must not be reused.
    pub(crate) fn convert(
        &mut self,
        input: &Input,
        budget: Option<Duration>,
    ) -> Result<Result<Outcome, String>, String> {
        let header = serde_json::to_vec(&Request {
            path: input.path.clone(),
            rel: input.rel.clone(),
            format: input.format.clone(),
            sha256: input.sha256.clone(),
        })
        .map_err(|e| e.to_string())?;
        let sent = match self.stdin.as_mut() {
            Some(stdin) => write_frame(stdin, &header)
                .and_then(|()| write_frame(stdin, &input.bytes))
                .and_then(|()| stdin.flush()),
            None => Err(io::ErrorKind::BrokenPipe.into()),
        };
        if sent.is_err() {
            return Err(self.death_cause());
        }
        let reply = match budget {
            Some(budget) => match self.replies.recv_timeout(budget) {
                Ok(reply) => reply,
                Err(RecvTimeoutError::Timeout) => {
                    self.stop();
                    return Err(format!(
                        "killed after {} s (the time budget)",
                        fmt_seconds(budget)
                    ));
                }
                Err(RecvTimeoutError::Disconnected) => Err(io::ErrorKind::BrokenPipe.into()),
            },
            None => self
                .replies
                .recv()
                .unwrap_or_else(|_| Err(io::ErrorKind::BrokenPipe.into())),
        };
        match reply {
            Ok((
                Reply::Converted {
                    warnings,
                    pages,
                    format,
                },
                json,
            )) => Ok(Ok(Outcome::Converted {
                json,
                warnings,
                pages,
                format,
            })),
            Ok((Reply::Skipped { reason }, _)) => Ok(Ok(Outcome::Skipped { reason })),
            Ok((Reply::Failed { message }, _)) => Ok(Err(message)),
            Err(_) => Err(self.death_cause()),
        }
    }

    /// Why the child ended, once it has: out of memory, a stack overflow, a
    /// signal or an exit code.
    fn death_cause(&mut self) -> String {
        self.stdin = None;
        let status = self.child.wait();
        if let Some(reader) = self.stderr_reader.take() {
            let _ = reader.join();
        }
        let tail = {
            let tail = self.tail.lock().unwrap_or_else(|e| e.into_inner());
            String::from_utf8_lossy(&tail).into_owned()
        };
        describe_death(status, &tail, self.max_memory)
    }

    /// Ends the child now.
    fn stop(&mut self) {
        self.stdin = None;
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Ends the child between files: closing its stdin lets it exit by
    /// itself; one that does not within a second is killed.
    pub(crate) fn shut_down(mut self) {
        self.stdin = None;
        for _ in 0..100 {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            thread::sleep(Duration::from_millis(10));
        }
        self.stop();
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        // A child is never left behind: `shut_down` and `death_cause` have
        // reaped it already, and this is a no-op for them.
        if matches!(self.child.try_wait(), Ok(None)) {
            self.stop();
        }
    }
}

fn fmt_seconds(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s.fract() == 0.0 {
        format!("{s:.0}")
    } else {
        format!("{s:.1}")
    }
}

/// The cause of a child's death, for the failed file's report entry.
fn describe_death(status: io::Result<ExitStatus>, stderr: &str, max_memory: Option<u64>) -> String {
    if stderr.contains("memory allocation of") || stderr.contains("out of memory") {
        return match max_memory {
            Some(limit) => format!(
                "out of memory (the worker's limit is {} MiB)",
                limit / (1024 * 1024)
            ),
            None => "out of memory".to_string(),
        };
    }
    if stderr.contains("has overflowed its stack") {
        return "crashed: stack overflow".to_string();
    }
    let last_line = stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .map(|l| format!(" ({})", l.trim()))
        .unwrap_or_default();
    match status {
        Ok(status) => {
            #[cfg(unix)]
            {
                use std::os::unix::process::ExitStatusExt;
                if let Some(signal) = status.signal() {
                    return format!("crashed: signal {signal}{last_line}");
                }
            }
            match status.code() {
                Some(code) => format!("worker exited with code {code}{last_line}"),
                None => format!("worker ended{last_line}"),
            }
        }
        Err(e) => format!("worker lost: {e}"),
    }
}

/// The run's idle workers: a conversion takes one (or starts one) and puts
/// it back when the child is still well.
pub(crate) struct Pool {
    command: WorkerCommand,
    idle: Mutex<Vec<Worker>>,
}

impl Pool {
    pub(crate) fn new(command: WorkerCommand) -> Pool {
        Pool {
            command,
            idle: Mutex::new(Vec::new()),
        }
    }

    /// Converts `input` in a worker process. The outer `Err` is the harness
    /// failing: the child died or was killed, or could not be started.
    pub(crate) fn convert(
        &self,
        input: &Input,
        budget: Option<Duration>,
    ) -> Result<Result<Outcome, String>, String> {
        let idle = self.idle.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let mut worker = match idle {
            Some(worker) => worker,
            None => Worker::spawn(&self.command).map_err(|e| {
                format!(
                    "cannot start a worker process {}: {e}",
                    self.command.program.display()
                )
            })?,
        };
        let result = worker.convert(input, budget)?;
        self.idle
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(worker);
        Ok(result)
    }

    /// Ends every idle child.
    pub(crate) fn shut_down(&self) {
        let idle = std::mem::take(&mut *self.idle.lock().unwrap_or_else(|e| e.into_inner()));
        for worker in idle {
            worker.shut_down();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_round_trip_and_end_cleanly() {
        let mut buf = Vec::new();
        write_frame(&mut buf, b"abc").unwrap();
        write_frame(&mut buf, b"").unwrap();
        let mut r = buf.as_slice();
        assert_eq!(read_frame(&mut r).unwrap(), b"abc");
        assert_eq!(read_frame(&mut r).unwrap(), b"");
        assert!(read_frame_or_eof(&mut r).unwrap().is_none());
        let mut cut = &buf[..5];
        assert!(read_frame_or_eof(&mut cut).is_err());
    }

    #[test]
    fn deaths_are_described() {
        let mib = Some(256 * 1024 * 1024);
        let oom = "memory allocation of 4294967296 bytes failed\n";
        assert_eq!(
            describe_death(Err(io::ErrorKind::Other.into()), oom, mib),
            "out of memory (the worker's limit is 256 MiB)"
        );
        let overflow =
            "\nthread 'main' has overflowed its stack\nfatal runtime error: stack overflow\n";
        assert_eq!(
            describe_death(Err(io::ErrorKind::Other.into()), overflow, None),
            "crashed: stack overflow"
        );
    }
}
