//! A PDF's text layer, read so that a hostile PDF can neither crash nor hang foi.
//!
//! PDF parsers can panic, loop or eat memory on crafted input. So the reading runs in a
//! child process (this same program, re-run with a hidden command) that is killed when
//! it takes longer than [`PDF_SECONDS`], and that may not take more than
//! [`PDF_MEMORY_BYTES`] of memory (on Unix); its panic or death is an error, never ours.
//! Where no such program is known (the library's own tests), the reading runs here under
//! `catch_unwind`: a panic is still an error, though a hang could not be stopped.

use super::ReadError;
use super::limits::{PDF_MEMORY_BYTES, PDF_SECONDS};
use serde::{Deserialize, Serialize};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The hidden command that reads a PDF from standard input (see `main.rs`).
pub const HELPER_COMMAND: &str = "__pdf-text";

/// What the text layer gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PdfText {
    pub pages: usize,
    pub text: String,
    /// Pages whose text could not be read (damaged content).
    pub failed_pages: usize,
}

impl PdfText {
    /// A scan: pages, but (almost) no characters on them.
    pub fn needs_ocr(&self) -> bool {
        let letters = self.text.chars().filter(|c| c.is_alphanumeric()).count();
        letters < 20 * self.pages.clamp(1, 3)
    }
}

static HELPER: OnceLock<PathBuf> = OnceLock::new();

/// Name the program that reads PDFs in a child process (the running `foi`).
pub fn use_helper(program: PathBuf) {
    let _ = HELPER.set(program);
}

/// The text of a PDF, read in a child process when one can be started.
pub fn extract(bytes: &[u8]) -> Result<PdfText, ReadError> {
    match HELPER.get() {
        Some(program) => in_child(program, bytes),
        None => in_process(bytes),
    }
}

/// Read the PDF here, turning a panic into an error.
pub fn in_process(bytes: &[u8]) -> Result<PdfText, ReadError> {
    let quiet = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let got = std::panic::catch_unwind(|| read_text(bytes));
    std::panic::set_hook(quiet);
    got.unwrap_or_else(|_| {
        Err(ReadError::Damaged(
            "a PDF its reader could not parse".into(),
        ))
    })
}

fn read_text(bytes: &[u8]) -> Result<PdfText, ReadError> {
    // pdf-extract keeps the letter's lines (it follows the text position); lopdf's own
    // extraction runs them together, which the letter reader cannot number. Measured in
    // BENCHMARKS.md.
    let pages = pdf_extract::extract_text_from_mem_by_pages(bytes).map_err(|e| {
        let e = e.to_string();
        if e.to_lowercase().contains("decrypt") || e.to_lowercase().contains("encrypt") {
            ReadError::Damaged("an encrypted PDF: save an unprotected copy and import that".into())
        } else {
            ReadError::Damaged(format!(
                "a damaged PDF ({})",
                e.lines().next().unwrap_or("")
            ))
        }
    })?;
    let mut text = String::new();
    for page in &pages {
        text.push_str(page.trim_start_matches('\n'));
        if !text.ends_with('\n') {
            text.push('\n');
        }
    }
    Ok(PdfText {
        pages: pages.len(),
        text,
        failed_pages: 0,
    })
}

/// The hidden command: a PDF on standard input, its text as JSON on standard output.
/// Exit 0 with the text, 3 with a one-line reason on standard error.
pub fn helper_main() -> i32 {
    #[cfg(feature = "test-hooks")]
    crate::test_hooks::allocate_in_pdf_reader_if_asked();
    let mut bytes = Vec::new();
    if std::io::stdin()
        .take(super::limits::MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .is_err()
    {
        return 3;
    }
    match read_text(&bytes) {
        Ok(t) => match serde_json::to_writer(std::io::stdout().lock(), &t) {
            Ok(()) => 0,
            Err(_) => 3,
        },
        Err(e) => {
            eprintln!("{e}");
            3
        }
    }
}

/// Start `cmd` with its address space capped at `bytes`, so that an allocation past it
/// fails (and the child ends) instead of taking the machine's memory. Unix only;
/// elsewhere the time limit alone applies.
///
/// The cap is set between fork and exec rather than by the child on itself: by the time
/// the child's `main` runs, its allocator has already reserved (not used) about 1 GiB of
/// address space, so a cap set then would leave it no room even to grow its stack.
/// Started under the cap, the allocator reserves less and works within it.
fn limit_memory(cmd: &mut std::process::Command, bytes: u64) {
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        let limit = libc::rlimit {
            rlim_cur: bytes as libc::rlim_t,
            rlim_max: bytes as libc::rlim_t,
        };
        // SAFETY: the closure runs in the forked child before exec, where only
        // async-signal-safe calls are allowed; setrlimit is a plain system call that reads
        // the struct copied into the closure. If it fails, the child runs without the
        // cap, under the time limit alone.
        unsafe {
            cmd.pre_exec(move || {
                libc::setrlimit(libc::RLIMIT_AS, &limit);
                Ok(())
            });
        }
    }
    #[cfg(not(unix))]
    let _ = (cmd, bytes);
}

/// Rust reports a failed allocation on standard error with these words, then aborts.
fn ran_out_of_memory(stderr: &str) -> bool {
    stderr.contains("memory allocation of")
}

fn in_child(program: &std::path::Path, bytes: &[u8]) -> Result<PdfText, ReadError> {
    use std::process::{Command, Stdio};
    let mut cmd = Command::new(program);
    cmd.arg(HELPER_COMMAND)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    limit_memory(&mut cmd, PDF_MEMORY_BYTES);
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        // The program moved or cannot run: read here instead.
        Err(_) => return in_process(bytes),
    };
    let (Some(mut stdin), Some(mut stdout), Some(mut stderr)) =
        (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        let _ = child.kill();
        let _ = child.wait();
        return in_process(bytes);
    };
    let input = bytes.to_vec();
    // Fed and drained on threads, so a full pipe never blocks the clock below.
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = (&mut stdout).take(256 * 1024 * 1024).read_to_end(&mut out);
        out
    });
    let errors = std::thread::spawn(move || {
        let mut out = String::new();
        let _ = (&mut stderr).take(4096).read_to_string(&mut out);
        out
    });
    let deadline = Instant::now() + Duration::from_secs(PDF_SECONDS);
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(5)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
        }
    };
    let _ = feeder.join();
    let out = reader.join().unwrap_or_default();
    let err = errors.join().unwrap_or_default();
    match status {
        None => Err(ReadError::Damaged(format!(
            "a PDF whose text took more than {PDF_SECONDS} seconds to read (stopped)"
        ))),
        Some(s) if s.success() => serde_json::from_slice(&out)
            .map_err(|_| ReadError::Damaged("a PDF its reader could not parse".into())),
        Some(s) if s.code() == Some(3) && !err.trim().is_empty() => Err(ReadError::Damaged(
            err.lines().next().unwrap_or("").trim().to_string(),
        )),
        Some(_) if ran_out_of_memory(&err) => Err(ReadError::Damaged(format!(
            "a PDF that needed more than {} MB of memory to read (stopped)",
            PDF_MEMORY_BYTES / (1024 * 1024)
        ))),
        Some(_) => Err(ReadError::Damaged(
            "a PDF its reader could not parse (the reader failed)".into(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_pdfs_are_errors_not_panics() {
        for bytes in [
            &b""[..],
            b"%PDF-1.4",
            b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF",
            b"\x00\xff%PDF-",
        ] {
            assert!(in_process(bytes).is_err(), "{bytes:?}");
        }
    }

    #[test]
    fn a_page_without_letters_needs_ocr() {
        let scan = PdfText {
            pages: 2,
            text: "\n \n".into(),
            failed_pages: 0,
        };
        assert!(scan.needs_ocr());
        let letter = PdfText {
            pages: 1,
            text: "Our ref: FOI 1. Dear Ms Example, your request of 3 February 2018.".into(),
            failed_pages: 0,
        };
        assert!(!letter.needs_ocr());
    }
}
