//! Running a helper program (Tesseract, pdftoppm) on bytes, bounded in
//! time and output: a hostile image that makes it loop or crash costs one
//! page, never the run.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Run `cmd` with `input` on its standard input; its standard output, at
/// most `max_out` bytes, when it exits successfully within `timeout`.
pub fn run(
    mut cmd: Command,
    input: &[u8],
    timeout: Duration,
    max_out: usize,
) -> Result<Vec<u8>, String> {
    let name = cmd.get_program().to_string_lossy().into_owned();
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start {name}: {e}"))?;
    let (Some(mut stdin), Some(stdout), Some(stderr)) =
        (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        let _ = child.kill();
        let _ = child.wait();
        return Err(format!("could not talk to {name}"));
    };
    let out = std::thread::scope(|s| {
        // A program that stops reading early closes the pipe: not our error.
        s.spawn(move || {
            let _ = stdin.write_all(input);
        });
        let reader = s.spawn(move || {
            let mut buf = Vec::new();
            let too_long = stdout
                .take(max_out as u64 + 1)
                .read_to_end(&mut buf)
                .is_ok()
                && buf.len() > max_out;
            (buf, too_long)
        });
        let errors = s.spawn(move || {
            let mut buf = Vec::new();
            let _ = stderr.take(64 * 1024).read_to_end(&mut buf);
            buf
        });
        let start = Instant::now();
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break Ok(status),
                Ok(None) if start.elapsed() > timeout => {
                    let _ = child.kill();
                    let _ = child.wait();
                    break Err(format!(
                        "{name} took longer than {} s: stopped",
                        timeout.as_secs()
                    ));
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(20)),
                Err(e) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    break Err(format!("{name}: {e}"));
                }
            }
        };
        let (buf, too_long) = reader.join().unwrap_or_default();
        let errors = errors.join().unwrap_or_default();
        (status, buf, too_long, errors)
    });
    let (status, buf, too_long, errors) = out;
    let status = status?;
    if too_long {
        return Err(format!("{name} wrote more than {max_out} bytes"));
    }
    if !status.success() {
        let why = String::from_utf8_lossy(&errors);
        let why = why
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        return Err(format!("{name} failed ({status}): {}", why.trim()));
    }
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_of_a_program() {
        let out = run(Command::new("cat"), b"hej", Duration::from_secs(10), 100);
        assert_eq!(out.as_deref(), Ok(&b"hej"[..]));
    }

    #[test]
    fn too_slow_too_long_and_missing_are_errors() {
        let mut sleep = Command::new("sleep");
        sleep.arg("5");
        let e = run(sleep, b"", Duration::from_millis(200), 100).unwrap_err();
        assert!(e.contains("longer"), "{e}");
        let e = run(
            Command::new("cat"),
            &[b'x'; 1000],
            Duration::from_secs(10),
            10,
        )
        .unwrap_err();
        assert!(e.contains("more than 10 bytes"), "{e}");
        let e = run(
            Command::new("no-such-program-here"),
            b"",
            Duration::from_secs(1),
            10,
        )
        .unwrap_err();
        assert!(e.contains("could not start"), "{e}");
        let mut fail = Command::new("sh");
        fail.args(["-c", "echo broken image >&2; exit 3"]);
        let e = run(fail, b"", Duration::from_secs(10), 10).unwrap_err();
        assert!(e.contains("broken image"), "{e}");
    }
}
