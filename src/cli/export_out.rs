//! Where `foi export` writes as it goes: a private file that appears whole only once
//! everything is in it, or standard output (made inert on a terminal).

use crate::casebook::{Error, Result};
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// Bigger than the default: a 100,000-case export is half a gigabyte of small writes.
const BUFFER: usize = 1 << 18;

/// A file readable by its owner only (exports hold personal data), written under a
/// temporary name beside it and renamed into place by [`PrivateFile::keep`]: a crash,
/// an error or Ctrl-C midway leaves no half file (the temporary one is removed).
pub struct PrivateFile<'p> {
    path: &'p Path,
    /// Replace a file already at `path` (else one that appeared meanwhile is kept).
    replace: bool,
    out: BufWriter<tempfile::NamedTempFile>,
}

impl<'p> PrivateFile<'p> {
    pub fn create(path: &'p Path, replace: bool) -> Result<PrivateFile<'p>> {
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| cannot_write(path, &e))?;
        Ok(PrivateFile {
            path,
            replace,
            out: BufWriter::with_capacity(BUFFER, tmp),
        })
    }

    pub fn writer(&mut self) -> &mut dyn Write {
        &mut self.out
    }

    /// Flush, sync and put the file in place.
    pub fn keep(self) -> Result<()> {
        let path = self.path;
        let tmp = self
            .out
            .into_inner()
            .map_err(|e| cannot_write(path, e.error()))?;
        tmp.as_file()
            .sync_all()
            .map_err(|e| cannot_write(path, &e))?;
        if self.replace {
            tmp.persist(path)
                .map_err(|e| cannot_write(path, &e.error))?;
        } else {
            tmp.persist_noclobber(path)
                .map_err(|e| cannot_write(path, &e.error))?;
        }
        Ok(())
    }
}

/// All of `bytes` as a [`PrivateFile`] (a letter, a grid): whole or not at all.
pub fn write_private(path: &Path, bytes: &[u8], replace: bool) -> Result<()> {
    let mut file = PrivateFile::create(path, replace)?;
    file.writer()
        .write_all(bytes)
        .map_err(|e| cannot_write(path, &e))?;
    file.keep()
}

pub fn cannot_write(path: &Path, e: &io::Error) -> Error {
    Error::user(format!("cannot write {}: {e}", path.display()))
}

/// Standard output, buffered; on a terminal every escape and control character is made
/// visible first (as `cli::for_stdout` does for other commands' output).
pub fn stdout(terminal: bool) -> Box<dyn Write> {
    let out = BufWriter::with_capacity(BUFFER, io::stdout());
    if terminal {
        Box::new(Inert {
            out,
            carry: Vec::new(),
        })
    } else {
        Box::new(out)
    }
}

/// Text passed through [`crate::domain::text::inert`]. Writes may split a character
/// (the CSV writer's buffer does), so an unfinished one waits for the next write.
struct Inert<W: Write> {
    out: W,
    carry: Vec<u8>,
}

impl<W: Write> Inert<W> {
    fn pass(&mut self, upto: usize) -> io::Result<()> {
        let text = String::from_utf8_lossy(&self.carry[..upto]);
        let shown = crate::domain::text::inert(&text, true);
        self.out.write_all(shown.as_bytes())?;
        self.carry.drain(..upto);
        Ok(())
    }
}

impl<W: Write> Write for Inert<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.carry.extend_from_slice(buf);
        let upto = match std::str::from_utf8(&self.carry) {
            Ok(_) => self.carry.len(),
            // Only an unfinished character at the end waits; bad bytes pass (replaced).
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(_) => self.carry.len(),
        };
        self.pass(upto)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.pass(self.carry.len())?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::Inert;
    use std::io::Write;

    #[test]
    fn inert_output_is_the_same_however_the_text_is_split() {
        let text = "é\u{1b}[31m\tred\r\n‹ok› \u{202e}x";
        let whole = crate::domain::text::inert(text, true).into_owned();
        let bytes = text.as_bytes();
        for cut in 0..=bytes.len() {
            let mut w = Inert {
                out: Vec::new(),
                carry: Vec::new(),
            };
            w.write_all(&bytes[..cut]).expect("write");
            w.write_all(&bytes[cut..]).expect("write");
            w.flush().expect("flush");
            assert_eq!(String::from_utf8_lossy(&w.out), whole, "cut at {cut}");
        }
    }
}
