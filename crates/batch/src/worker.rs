//! Conversions in worker processes (the model is Apache Tika's forked
//! parser): a child process of the caller's choosing (the same binary, with
//! a hidden subcommand that calls [`serve`]) converts one file after another,
//! under an address-space limit. An abort, a stack overflow or an allocation
//! failure ends the child, not the run: the file is failed with the cause and
//! a new child takes over. An overrun is ended by killing the child.
//!
//! A run with several conversion threads has a child convert a file for
//! each of up to [`MAX_SHARED_THREADS`] of them at once, on threads of its
//! own ([`Shared`]; more threads, more such children): a process's start-up
//! (compiling the rules, some 3 G instructions) is then paid once a child,
//! not once per thread. When a shared child dies or is killed (a budget
//! overrun), no file in it is known to be the cause, even one left alone
//! in it (another's thread may have ended it; a file may overrun only
//! because others shared the cores), so every file in it is converted again
//! in a child of its own that converts only it ([`Worker`]), with its whole
//! budget: a file that aborts, overflows its stack, runs out of memory or
//! overruns fails with the same cause as it would in a child of its own
//! from the start, and the others convert.
//!
//! **Memory.** The limit a caller gives ([`WorkerCommand::max_memory`]) is
//! a conversion's. A child converting one file at a time has it as its
//! `RLIMIT_AS`; a shared child of `n` threads has `n` times the limit and
//! a thread stack (8 MiB) besides, plus 64 MiB for one more malloc arena
//! ([`child_limit`]), and runs with `MALLOC_ARENA_MAX=2`: glibc would
//! otherwise give threads arenas of their own, up to eight a core, each
//! reserving 64 MiB of address space, and the limit would go to arenas
//! rather than to conversions (with the default 1 GiB and 21 threads, the
//! child could not even start them). A file may thus use more than the
//! limit while the others in its child use less; one that makes the
//! shared child run out is converted again alone, under the limit itself,
//! and fails "out of memory" there as it would have from the start.
//!
//! **SIGPIPE.** The parent writes requests to a child's stdin with SIGPIPE
//! blocked in the writing thread (and a SIGPIPE it raised taken back), so
//! that a child gone before it read its request is an `EPIPE` handled as
//! its death even in a process that restored SIGPIPE's default action (as
//! `minutes` does, to end quietly in `… | head`).
//!
//! The protocol on the child's stdin and stdout is frames: an 8-byte
//! little-endian length, then that many bytes. A request is two frames (a
//! JSON header with the request's id, the file's bytes), a reply too (a
//! JSON header with the id it answers, the output's bytes). The child's stderr is kept (its last few kilobytes) to tell an
//! out-of-memory abort and a stack overflow from other crashes.

use std::collections::HashMap;
use std::ffi::OsString;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, ChildStdout, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::{Input, Outcome, panics};

/// The environment variable through which the parent tells the child its
/// address-space limit, in bytes.
const MEMORY_ENV: &str = "MINUTES_WORKER_MAX_MEMORY";

/// The environment variable through which the parent tells the child how
/// many files it may be sent at once.
const THREADS_ENV: &str = "MINUTES_WORKER_THREADS";

/// Most conversion threads a child starts, whatever it is told.
const MAX_THREADS: usize = 256;

/// Most conversion threads of a shared child the pool starts: a run with
/// more jobs starts several children (their threads spread evenly), so
/// that one death sends fewer files to be converted again alone, and a
/// child's address space stays within reach of its limit.
pub(crate) const MAX_SHARED_THREADS: usize = 8;

/// malloc arenas a shared child may have (`MALLOC_ARENA_MAX`): the main
/// one and one more, whatever its threads.
const MALLOC_ARENAS: u64 = 2;

/// Address space glibc reserves for an arena beside the main one
/// (`HEAP_MAX_SIZE` on 64-bit targets).
const ARENA_BYTES: u64 = 64 * 1024 * 1024;

/// Stack of a child's conversion threads: as the batch runner's own (parsers
/// of nested documents can recurse deeply), and as a process's main thread
/// usually has.
const STACK_BYTES: usize = 8 * 1024 * 1024;

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
    /// Address-space limit of a conversion in bytes: the `RLIMIT_AS` of a
    /// child converting one file at a time; a child converting several at
    /// once has it for each (see the module docs). `None` for no limit.
    pub max_memory: Option<u64>,
}

/// A request's header. `id` tells the replies of a child that converts
/// several files at once apart.
#[derive(Serialize, Deserialize)]
struct Request {
    #[serde(default)]
    id: u64,
    path: PathBuf,
    rel: String,
    format: String,
    sha256: String,
}

/// A reply's header: the request it answers, and the answer.
#[derive(Deserialize)]
struct ReplyHeader {
    id: u64,
    reply: Reply,
}

/// A reply; the output's bytes follow in their own frame.
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
///
/// A child the parent asked to convert several files at once (the
/// environment variable `MINUTES_WORKER_THREADS`) converts each on a
/// thread of its own, and replies in the order they finish.
pub fn serve<C>(converter: C) -> io::Result<()>
where
    C: Fn(&Input) -> Result<Outcome, String> + Sync,
{
    if let Some(limit) = std::env::var(MEMORY_ENV)
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        limit_address_space(limit)?;
    }
    ignore_interrupts();
    let _hook = panics::HookGuard::install();
    let threads = std::env::var(THREADS_ENV)
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, MAX_THREADS);
    let mut stdin = BufReader::new(io::stdin().lock());
    if threads == 1 {
        let mut stdout = BufWriter::new(io::stdout().lock());
        while let Some((id, input)) = read_request(&mut stdin)? {
            let (reply, body) = answer(&converter, input);
            write_reply(&mut stdout, id, &reply, &body)?;
        }
        return Ok(());
    }
    let stdout = Mutex::new(BufWriter::new(io::stdout()));
    let failed: Mutex<Option<io::Error>> = Mutex::new(None);
    let (tx, rx) = mpsc::sync_channel::<(u64, Input)>(threads);
    let rx = Mutex::new(rx);
    let read = thread::scope(|scope| {
        let mut started = 0;
        for k in 0..threads {
            let (converter, stdout, failed, rx) = (&converter, &stdout, &failed, &rx);
            let spawned = thread::Builder::new()
                .name(format!("minutes-conversion-{k}"))
                .stack_size(STACK_BYTES)
                .spawn_scoped(scope, move || {
                    loop {
                        let next = rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
                        let Ok((id, input)) = next else { return };
                        let (reply, body) = answer(converter, input);
                        let mut out = stdout.lock().unwrap_or_else(|e| e.into_inner());
                        if let Err(e) = write_reply(&mut *out, id, &reply, &body) {
                            drop(out);
                            failed
                                .lock()
                                .unwrap_or_else(|e| e.into_inner())
                                .get_or_insert(e);
                            return;
                        }
                    }
                });
            match spawned {
                Ok(_) => started += 1,
                // Serve with the threads there are (the parent sends no
                // more files than it was told; the rest wait their turn).
                Err(e) if started > 0 => {
                    eprintln!("worker: {started} of {threads} threads started: {e}");
                    break;
                }
                Err(e) => return Err(e),
            }
        }
        let read = loop {
            match read_request(&mut stdin) {
                Ok(Some(job)) => {
                    if tx.send(job).is_err() {
                        break Ok(());
                    }
                }
                Ok(None) => break Ok(()),
                Err(e) => break Err(e),
            }
        };
        // Closing the channel lets the threads end when their queue is done.
        drop(tx);
        read
    });
    read?;
    match failed.into_inner().unwrap_or_else(|e| e.into_inner()) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// The next request, or `None` when the parent closed the pipe.
fn read_request(stdin: &mut impl Read) -> io::Result<Option<(u64, Input)>> {
    let Some(header) = read_frame_or_eof(stdin)? else {
        return Ok(None);
    };
    let request: Request = serde_json::from_slice(&header).map_err(io::Error::other)?;
    let bytes = read_frame(stdin)?;
    let input = Input {
        path: request.path,
        rel: request.rel,
        format: request.format,
        bytes,
        sha256: request.sha256,
    };
    Ok(Some((request.id, input)))
}

/// Converts `input` (its bytes let go before the reply is written).
fn answer<C>(converter: &C, input: Input) -> (Reply, Vec<u8>)
where
    C: Fn(&Input) -> Result<Outcome, String>,
{
    let result = panics::catch(|| converter(&input)).and_then(|r| r);
    drop(input);
    match result {
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
    }
}

fn write_reply(out: &mut impl Write, id: u64, reply: &Reply, body: &[u8]) -> io::Result<()> {
    #[derive(Serialize)]
    struct Header<'a> {
        id: u64,
        reply: &'a Reply,
    }
    write_frame(
        out,
        &serde_json::to_vec(&Header { id, reply }).map_err(io::Error::other)?,
    )?;
    write_frame(out, body)?;
    out.flush()
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
    stdin: Option<ChildStdin>,
    replies: mpsc::Receiver<io::Result<(Reply, Vec<u8>)>>,
    tail: Tail,
    stderr_reader: Option<JoinHandle<()>>,
    max_memory: Option<u64>,
}

impl Worker {
    /// Starts a child that converts one file at a time.
    pub(crate) fn spawn(command: &WorkerCommand) -> io::Result<Worker> {
        let (child, stdin, stdout, tail, stderr_reader) = start(command, 1)?;
        let (tx, replies) = mpsc::channel();
        thread::Builder::new()
            .name("minutes-worker-reader".to_string())
            .spawn(move || {
                let mut stdout = BufReader::new(stdout);
                loop {
                    let reply = read_reply(&mut stdout).map(|(_, reply, body)| (reply, body));
                    let failed = reply.is_err();
                    if tx.send(reply).is_err() || failed {
                        return;
                    }
                }
            })?;
        Ok(Worker {
            child,
            stdin: Some(stdin),
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
        let sent = match self.stdin.as_mut() {
            Some(stdin) => send(stdin, 0, input),
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
            Ok((reply, body)) => Ok(outcome(reply, body)),
            Err(_) => Err(self.death_cause()),
        }
    }

    /// Why the child ended, once it has: out of memory, a stack overflow, a
    /// signal or an exit code.
    fn death_cause(&mut self) -> String {
        self.stdin = None;
        death_cause(
            &mut self.child,
            self.stderr_reader.take(),
            &self.tail,
            self.max_memory,
        )
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

/// The pipes and threads of a started child.
type Started = (Child, ChildStdin, ChildStdout, Tail, JoinHandle<()>);

/// Starts a child that may be sent `threads` files at once, with a thread
/// keeping the tail of its stderr.
fn start(command: &WorkerCommand, threads: usize) -> io::Result<Started> {
    let mut cmd = Command::new(&command.program);
    cmd.args(&command.args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    match command.max_memory {
        Some(limit) => cmd.env(MEMORY_ENV, child_limit(limit, threads).to_string()),
        None => cmd.env_remove(MEMORY_ENV),
    };
    if threads > 1 {
        cmd.env(THREADS_ENV, threads.to_string())
            .env("MALLOC_ARENA_MAX", MALLOC_ARENAS.to_string());
    } else {
        cmd.env_remove(THREADS_ENV);
    }
    let mut child = cmd.spawn()?;
    let (Some(stdin), Some(stdout), Some(stderr)) =
        (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        let _ = child.kill();
        let _ = child.wait();
        return Err(io::Error::other("worker started without its pipes"));
    };
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
        });
    match stderr_reader {
        Ok(reader) => Ok((child, stdin, stdout, tail, reader)),
        Err(e) => {
            let _ = child.kill();
            let _ = child.wait();
            Err(e)
        }
    }
}

/// Sends a request: its header, then the file's bytes. A child that is
/// gone gives `EPIPE`, never SIGPIPE (see [`SigpipeBlocked`]). Nothing is
/// buffered, so that closing the pipe later writes nothing (a `BufWriter`
/// would flush what a failed write left in it when dropped, unguarded).
fn send(stdin: &mut ChildStdin, id: u64, input: &Input) -> io::Result<()> {
    let header = serde_json::to_vec(&Request {
        id,
        path: input.path.clone(),
        rel: input.rel.clone(),
        format: input.format.clone(),
        sha256: input.sha256.clone(),
    })
    .map_err(io::Error::other)?;
    let mut head = Vec::with_capacity(header.len() + 16);
    write_frame(&mut head, &header)?;
    head.extend_from_slice(&(input.bytes.len() as u64).to_le_bytes());
    let _blocked = SigpipeBlocked::new();
    stdin.write_all(&head)?;
    stdin.write_all(&input.bytes)
}

/// SIGPIPE blocked in this thread while it lives: a write to a pipe whose
/// reader is gone fails with `EPIPE`, and the SIGPIPE the kernel raised
/// for it (directed at the writing thread, kept pending while blocked) is
/// taken back on drop, before the thread's mask is restored. Whatever
/// SIGPIPE's disposition in the process, a child that died is then an
/// error the runner handles, not the end of the run.
#[cfg(unix)]
struct SigpipeBlocked {
    old: libc::sigset_t,
    /// A SIGPIPE pending before: not ours to take back.
    was_pending: bool,
    blocked: bool,
}

#[cfg(unix)]
impl SigpipeBlocked {
    fn new() -> SigpipeBlocked {
        // SAFETY: the sets are plain values initialised by sigemptyset and
        // pthread_sigmask before they are read; the calls change only this
        // thread's signal mask.
        unsafe {
            let pipe = sigpipe_set();
            let was_pending = sigpipe_pending();
            let mut old: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&mut old);
            let blocked = libc::pthread_sigmask(libc::SIG_BLOCK, &pipe, &mut old) == 0;
            SigpipeBlocked {
                old,
                was_pending,
                blocked,
            }
        }
    }
}

#[cfg(unix)]
impl Drop for SigpipeBlocked {
    fn drop(&mut self) {
        if !self.blocked {
            return;
        }
        // SAFETY: as in `new`; `old` is the mask pthread_sigmask gave.
        unsafe {
            if !self.was_pending && sigpipe_pending() {
                take_pending_sigpipe();
            }
            libc::pthread_sigmask(libc::SIG_SETMASK, &self.old, std::ptr::null_mut());
        }
    }
}

/// The set of SIGPIPE alone.
#[cfg(unix)]
unsafe fn sigpipe_set() -> libc::sigset_t {
    // SAFETY: sigemptyset initialises the set before sigaddset reads it.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGPIPE);
        set
    }
}

/// Whether a SIGPIPE is pending for this thread (or the process).
#[cfg(unix)]
unsafe fn sigpipe_pending() -> bool {
    // SAFETY: sigpending fills the set it is given.
    unsafe {
        let mut pending: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut pending);
        libc::sigpending(&mut pending) == 0 && libc::sigismember(&pending, libc::SIGPIPE) == 1
    }
}

/// Takes a pending SIGPIPE (blocked in this thread) without waiting.
#[cfg(target_os = "linux")]
unsafe fn take_pending_sigpipe() {
    // SAFETY: the set and the timeout are valid; a null info is allowed.
    unsafe {
        let pipe = sigpipe_set();
        let now = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        while libc::sigtimedwait(&pipe, std::ptr::null_mut(), &now) < 0
            && io::Error::last_os_error().kind() == io::ErrorKind::Interrupted
        {}
    }
}

/// Takes a pending SIGPIPE (blocked in this thread): it is pending, so
/// sigwait returns at once.
#[cfg(all(unix, not(target_os = "linux")))]
unsafe fn take_pending_sigpipe() {
    // SAFETY: the set is valid and `sig` is written by sigwait.
    unsafe {
        let pipe = sigpipe_set();
        let mut sig = 0;
        libc::sigwait(&pipe, &mut sig);
    }
}

#[cfg(not(unix))]
struct SigpipeBlocked;

#[cfg(not(unix))]
impl SigpipeBlocked {
    fn new() -> SigpipeBlocked {
        SigpipeBlocked
    }
}

/// A reply read from a child: the request's id, the reply, the output.
fn read_reply(stdout: &mut impl Read) -> io::Result<(u64, Reply, Vec<u8>)> {
    let header = read_frame(stdout)?;
    let header: ReplyHeader = serde_json::from_slice(&header).map_err(io::Error::other)?;
    Ok((header.id, header.reply, read_frame(stdout)?))
}

/// What a reply says of the file.
fn outcome(reply: Reply, json: Vec<u8>) -> Result<Outcome, String> {
    match reply {
        Reply::Converted {
            warnings,
            pages,
            format,
        } => Ok(Outcome::Converted {
            json,
            warnings,
            pages,
            format,
        }),
        Reply::Skipped { reason } => Ok(Outcome::Skipped { reason }),
        Reply::Failed { message } => Err(message),
    }
}

/// Why a child ended, once it has (see [`describe_death`]).
fn death_cause(
    child: &mut Child,
    stderr_reader: Option<JoinHandle<()>>,
    tail: &Tail,
    max_memory: Option<u64>,
) -> String {
    let status = child.wait();
    if let Some(reader) = stderr_reader {
        let _ = reader.join();
    }
    let tail = {
        let tail = tail.lock().unwrap_or_else(|e| e.into_inner());
        String::from_utf8_lossy(&tail).into_owned()
    };
    describe_death(status, &tail, max_memory)
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

/// What a waiting conversion hears from a shared child's reader.
enum Delivery {
    Reply(Reply, Vec<u8>),
    /// The child ended (or was killed) with this conversion in it.
    Died,
}

/// What a shared child knows of the conversions sent to it.
#[derive(Default)]
struct Waiting {
    next_id: u64,
    replies: HashMap<u64, mpsc::Sender<Delivery>>,
    /// No more requests: the child ended, or is being killed.
    dead: bool,
}

/// One child serving several of a run's conversion threads at once, so
/// that compiling the rules and the rest of a process's start-up is paid
/// once, not once per thread. When it dies or is killed, whatever the
/// cause, no file in it is known to be the cause: each is converted again
/// in a child of its own ([`Worker`]), where a file that crashes or
/// overruns fails with the same cause as it would have alone.
struct Shared {
    child: Mutex<Child>,
    stdin: Mutex<Option<ChildStdin>>,
    waiting: Arc<Mutex<Waiting>>,
    /// Conversions the pool has given this child and not taken back.
    load: AtomicUsize,
}

/// Why a conversion in a shared child did not give an answer.
enum SharedError {
    /// The child was gone before the file was sent: another child may
    /// take it.
    NotSent,
    /// The child died or was killed with the file in it: the file is to be
    /// converted again alone.
    Again,
}

impl Shared {
    fn spawn(command: &WorkerCommand, threads: usize) -> io::Result<Shared> {
        // The stderr of a shared child tells nothing of a file (none is
        // failed by its death); the thread only drains it.
        let (child, stdin, stdout, _tail, _stderr_reader) = start(command, threads)?;
        let waiting: Arc<Mutex<Waiting>> = Arc::default();
        let heard = Arc::clone(&waiting);
        let reader = thread::Builder::new()
            .name("minutes-worker-reader".to_string())
            .spawn(move || {
                let mut stdout = BufReader::new(stdout);
                while let Ok((id, reply, body)) = read_reply(&mut stdout) {
                    let to = heard
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .replies
                        .remove(&id);
                    // A conversion that overran is no longer waiting.
                    if let Some(to) = to {
                        let _ = to.send(Delivery::Reply(reply, body));
                    }
                }
                let mut heard = heard.lock().unwrap_or_else(|e| e.into_inner());
                heard.dead = true;
                for (_, to) in heard.replies.drain() {
                    let _ = to.send(Delivery::Died);
                }
            });
        let shared = Shared {
            child: Mutex::new(child),
            stdin: Mutex::new(Some(stdin)),
            waiting,
            load: AtomicUsize::new(0),
        };
        match reader {
            Ok(_) => Ok(shared),
            Err(e) => {
                shared.kill();
                Err(e)
            }
        }
    }

    fn is_dead(&self) -> bool {
        self.waiting.lock().unwrap_or_else(|e| e.into_inner()).dead
    }

    /// Converts `input` in this child. Any death of the child with the
    /// file in it, an overrun of this file's budget included (the child is
    /// then killed), gives [`SharedError::Again`]: a file may overrun only
    /// because it shared the cores with the others, and a death is not
    /// known to be this file's.
    fn convert(
        &self,
        input: &Input,
        budget: Option<Duration>,
    ) -> Result<Result<Outcome, String>, SharedError> {
        let (tx, rx) = mpsc::channel();
        let id = {
            let mut waiting = self.waiting.lock().unwrap_or_else(|e| e.into_inner());
            if waiting.dead {
                return Err(SharedError::NotSent);
            }
            let id = waiting.next_id;
            waiting.next_id += 1;
            waiting.replies.insert(id, tx);
            id
        };
        let sent = match self
            .stdin
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .as_mut()
        {
            Some(stdin) => send(stdin, id, input),
            None => Err(io::ErrorKind::BrokenPipe.into()),
        };
        if sent.is_err() {
            // The child is gone or going: the reader tells each conversion
            // in it (this one too) once its stdout closes.
            self.kill();
        }
        let delivery = match budget {
            Some(budget) => match rx.recv_timeout(budget) {
                Ok(delivery) => delivery,
                Err(RecvTimeoutError::Timeout) => {
                    let mine = self
                        .waiting
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .replies
                        .remove(&id);
                    if mine.is_some() {
                        // The others in the child are told by the reader.
                        self.kill();
                        return Err(SharedError::Again);
                    }
                    // Answered (or the child died) just now.
                    rx.recv().unwrap_or(Delivery::Died)
                }
                Err(RecvTimeoutError::Disconnected) => Delivery::Died,
            },
            None => rx.recv().unwrap_or(Delivery::Died),
        };
        match delivery {
            Delivery::Reply(reply, body) => Ok(outcome(reply, body)),
            Delivery::Died => Err(SharedError::Again),
        }
    }

    /// Ends the child now; every conversion still in it is to be done again.
    fn kill(&self) {
        self.waiting.lock().unwrap_or_else(|e| e.into_inner()).dead = true;
        *self.stdin.lock().unwrap_or_else(|e| e.into_inner()) = None;
        let mut child = self.child.lock().unwrap_or_else(|e| e.into_inner());
        let _ = child.kill();
        let _ = child.wait();
    }

    /// Ends the child when no conversion is in it: closing its stdin lets
    /// it exit by itself; one that does not within a second is killed.
    fn shut_down(&self) {
        *self.stdin.lock().unwrap_or_else(|e| e.into_inner()) = None;
        for _ in 0..100 {
            let exited = matches!(
                self.child
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .try_wait(),
                Ok(Some(_))
            );
            if exited {
                return;
            }
            thread::sleep(Duration::from_millis(10));
        }
        self.kill();
    }
}

impl Drop for Shared {
    fn drop(&mut self) {
        let mut child = self.child.lock().unwrap_or_else(|e| e.into_inner());
        if matches!(child.try_wait(), Ok(None)) {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// A conversion's place in a shared child, given back when dropped.
struct Taken(Arc<Shared>);

impl Drop for Taken {
    fn drop(&mut self) {
        self.0.load.fetch_sub(1, Ordering::AcqRel);
    }
}

/// The run's worker processes. With one conversion thread, a child
/// converts one file after another, and a conversion takes the idle one
/// (or starts one) and puts it back when the child is still well. With
/// more, children of at most [`MAX_SHARED_THREADS`] threads each
/// ([`Shared`]) serve them; a file that was in one when it died or was
/// killed is converted again in a child of its own.
pub(crate) struct Pool {
    command: WorkerCommand,
    threads: usize,
    /// Threads of each shared child.
    per_child: usize,
    idle: Mutex<Vec<Worker>>,
    /// The shared children, one slot each (empty until needed, and when
    /// the last one there died).
    shared: Mutex<Vec<Option<Arc<Shared>>>>,
}

impl Pool {
    /// Workers for `threads` conversion threads.
    pub(crate) fn new(command: WorkerCommand, threads: usize) -> Pool {
        let threads = threads.max(1);
        let (children, per_child) = shared_children(threads);
        Pool {
            command,
            threads,
            per_child,
            idle: Mutex::new(Vec::new()),
            shared: Mutex::new(vec![None; children]),
        }
    }

    /// Converts `input` in a worker process. The outer `Err` is the harness
    /// failing: the child died or was killed, or could not be started.
    pub(crate) fn convert(
        &self,
        input: &Input,
        budget: Option<Duration>,
    ) -> Result<Result<Outcome, String>, String> {
        if self.threads == 1 {
            return self.convert_alone(input, budget, true);
        }
        // A child found dead before the file was sent to it is replaced;
        // twice so is a sign that children die at once, and the file goes
        // to a child of its own.
        for _ in 0..2 {
            let taken = self.take_shared()?;
            match taken.0.convert(input, budget) {
                Ok(result) => return Ok(result),
                Err(SharedError::NotSent) => continue,
                Err(SharedError::Again) => break,
            }
        }
        self.convert_alone(input, budget, false)
    }

    /// The live shared child with the fewest conversions in it, when it
    /// has a thread free; else a new one in a free slot.
    fn take_shared(&self) -> Result<Taken, String> {
        let mut slots = self.shared.lock().unwrap_or_else(|e| e.into_inner());
        let mut least: Option<&Arc<Shared>> = None;
        let mut free = None;
        for (k, slot) in slots.iter().enumerate() {
            match slot {
                Some(shared) if !shared.is_dead() => {
                    let load = shared.load.load(Ordering::Acquire);
                    if least.is_none_or(|l| load < l.load.load(Ordering::Acquire)) {
                        least = Some(shared);
                    }
                }
                _ => {
                    free.get_or_insert(k);
                }
            }
        }
        let roomy = least.filter(|s| s.load.load(Ordering::Acquire) < self.per_child);
        let shared = match (roomy, least, free) {
            (Some(shared), _, _) | (None, Some(shared), None) => Arc::clone(shared),
            (None, _, Some(k)) => {
                let shared = Arc::new(
                    Shared::spawn(&self.command, self.per_child)
                        .map_err(|e| self.cannot_start(&e))?,
                );
                if let Some(slot) = slots.get_mut(k) {
                    *slot = Some(Arc::clone(&shared));
                }
                shared
            }
            (None, None, None) => {
                return Err("no worker process to convert in".to_string());
            }
        };
        shared.load.fetch_add(1, Ordering::AcqRel);
        Ok(Taken(shared))
    }

    /// Converts `input` in a child that converts one file at a time: an
    /// idle one when `reuse`, else one started for it and ended after it.
    fn convert_alone(
        &self,
        input: &Input,
        budget: Option<Duration>,
        reuse: bool,
    ) -> Result<Result<Outcome, String>, String> {
        let idle = if reuse {
            self.idle.lock().unwrap_or_else(|e| e.into_inner()).pop()
        } else {
            None
        };
        let mut worker = match idle {
            Some(worker) => worker,
            None => Worker::spawn(&self.command).map_err(|e| self.cannot_start(&e))?,
        };
        let result = worker.convert(input, budget)?;
        if reuse {
            self.idle
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(worker);
        } else {
            worker.shut_down();
        }
        Ok(result)
    }

    fn cannot_start(&self, e: &io::Error) -> String {
        format!(
            "cannot start a worker process {}: {e}",
            self.command.program.display()
        )
    }

    /// Ends every idle child.
    pub(crate) fn shut_down(&self) {
        let idle = std::mem::take(&mut *self.idle.lock().unwrap_or_else(|e| e.into_inner()));
        for worker in idle {
            worker.shut_down();
        }
        let shared = std::mem::take(&mut *self.shared.lock().unwrap_or_else(|e| e.into_inner()));
        for shared in shared.into_iter().flatten() {
            shared.shut_down();
        }
    }
}

/// How many shared children serve `threads` conversion threads, and how
/// many threads each has: as few children as [`MAX_SHARED_THREADS`]
/// allows, the threads spread evenly over them.
fn shared_children(threads: usize) -> (usize, usize) {
    let threads = threads.max(1);
    let children = threads.div_ceil(MAX_SHARED_THREADS);
    (children, threads.div_ceil(children))
}

/// The address-space limit of a child converting `threads` files at
/// once, for `limit` a conversion: `limit` for each thread, and besides
/// each thread's stack and the one more malloc arena that
/// `MALLOC_ARENA_MAX` lets it make.
fn child_limit(limit: u64, threads: usize) -> u64 {
    if threads <= 1 {
        return limit;
    }
    let threads = threads as u64;
    limit
        .saturating_add(STACK_BYTES as u64)
        .saturating_mul(threads)
        .saturating_add(ARENA_BYTES.saturating_mul(MALLOC_ARENAS - 1))
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
    fn many_threads_are_spread_over_children_of_at_most_eight() {
        assert_eq!(shared_children(1), (1, 1));
        assert_eq!(shared_children(2), (1, 2));
        assert_eq!(shared_children(8), (1, 8));
        assert_eq!(shared_children(9), (2, 5));
        assert_eq!(shared_children(20), (3, 7));
        assert_eq!(shared_children(21), (3, 7));
        assert_eq!(shared_children(64), (8, 8));
        assert_eq!(shared_children(65), (9, 8));
    }

    #[test]
    fn a_shared_child_has_the_limit_for_each_thread() {
        let gib = 1024 * 1024 * 1024;
        let mib = 1024 * 1024;
        assert_eq!(child_limit(gib, 1), gib);
        assert_eq!(child_limit(gib, 2), 2 * gib + 2 * 8 * mib + 64 * mib);
        assert_eq!(child_limit(gib, 8), 8 * gib + 8 * 8 * mib + 64 * mib);
        assert_eq!(child_limit(u64::MAX, 8), u64::MAX);
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
