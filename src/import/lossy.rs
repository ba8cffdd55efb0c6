//! A file read as UTF-8 the way `String::from_utf8_lossy` reads it (each invalid
//! sequence becomes U+FFFD), but piece by piece, so that a 500 MB export is never held
//! whole. Leading byte-order marks (and, if asked, white space) are dropped.

use std::io::{self, Read};

const CHUNK: usize = 1 << 16;
const REPLACEMENT: &[u8] = "\u{FFFD}".as_bytes();

/// What to drop from the start of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trim {
    /// Byte-order marks only.
    Bom,
    /// Byte-order marks, then white space (as `str::trim_start`).
    BomAndSpace,
}

pub struct LossyUtf8<R: Read> {
    inner: R,
    /// Bytes read and not yet decoded: at most an unfinished character.
    raw: Vec<u8>,
    /// Decoded text not yet handed out, from `pos`.
    text: Vec<u8>,
    pos: usize,
    eof: bool,
    trim: Trim,
    stage: Stage,
}

/// How far the dropping of the start has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Marks,
    Space,
    Done,
}

impl<R: Read> LossyUtf8<R> {
    pub fn new(inner: R, trim: Trim) -> LossyUtf8<R> {
        LossyUtf8 {
            inner,
            raw: Vec::with_capacity(CHUNK + 4),
            text: Vec::with_capacity(CHUNK + 8),
            pos: 0,
            eof: false,
            trim,
            stage: Stage::Marks,
        }
    }

    /// Decode the next piece into `text` (empty only at the end of the input).
    fn fill(&mut self) -> io::Result<()> {
        self.text.clear();
        self.pos = 0;
        while self.text.is_empty() && !self.eof {
            let had = self.raw.len();
            self.raw.resize(had + CHUNK, 0);
            let n = loop {
                match self.inner.read(&mut self.raw[had..]) {
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    r => break r,
                }
            };
            let n = match n {
                Ok(n) => n,
                Err(e) => {
                    self.raw.truncate(had);
                    return Err(e);
                }
            };
            self.raw.truncate(had + n);
            self.eof = n == 0;
            self.decode();
            self.trim_start();
        }
        Ok(())
    }

    /// Move what can be decoded from `raw` to `text`; an unfinished character at the end
    /// waits for more bytes (or, at the end of the input, is one U+FFFD, as
    /// `from_utf8_lossy` has it).
    fn decode(&mut self) {
        let mut at = 0;
        while at < self.raw.len() {
            match std::str::from_utf8(&self.raw[at..]) {
                Ok(s) => {
                    self.text.extend_from_slice(s.as_bytes());
                    at = self.raw.len();
                }
                Err(e) => {
                    let good = e.valid_up_to();
                    self.text.extend_from_slice(&self.raw[at..at + good]);
                    at += good;
                    match e.error_len() {
                        Some(bad) => {
                            self.text.extend_from_slice(REPLACEMENT);
                            at += bad;
                        }
                        None if self.eof => {
                            self.text.extend_from_slice(REPLACEMENT);
                            at = self.raw.len();
                        }
                        None => break,
                    }
                }
            }
        }
        self.raw.drain(..at);
    }

    fn trim_start(&mut self) {
        if self.stage == Stage::Done {
            return;
        }
        // `text` holds whole characters only.
        let s = String::from_utf8_lossy(&self.text);
        let mut cut = 0;
        if self.stage == Stage::Marks {
            cut = s.len() - s.trim_start_matches('\u{feff}').len();
            if cut < s.len() || self.eof {
                self.stage = match self.trim {
                    Trim::Bom => Stage::Done,
                    Trim::BomAndSpace => Stage::Space,
                };
            }
        }
        if self.stage == Stage::Space {
            cut = s.len() - s[cut..].trim_start().len();
            if cut < s.len() || self.eof {
                self.stage = Stage::Done;
            }
        }
        // All of it dropped: the start may go on in the next piece.
        self.text.drain(..cut);
    }
}

impl<R: Read> Read for LossyUtf8<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.pos >= self.text.len() {
            self.fill()?;
        }
        let n = buf.len().min(self.text.len() - self.pos);
        buf[..n].copy_from_slice(&self.text[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that hands out at most `step` bytes at a time.
    struct Trickle<'a> {
        bytes: &'a [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.step.min(buf.len()).min(self.bytes.len());
            buf[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes = &self.bytes[n..];
            Ok(n)
        }
    }

    fn read_all(bytes: &[u8], step: usize, trim: Trim) -> String {
        let mut out = String::new();
        LossyUtf8::new(Trickle { bytes, step }, trim)
            .read_to_string(&mut out)
            .expect("read");
        out
    }

    #[test]
    fn reads_as_from_utf8_lossy_however_the_bytes_arrive() {
        let samples: [&[u8]; 6] = [
            "plain é ✓ 𝄞".as_bytes(),
            b"bad \xff\xfe here \xe2\x82 and \xf0\x9f end",
            b"cut at the end \xe2\x82",
            b"\xed\xa0\x80 surrogate",
            b"",
            b"\xc3",
        ];
        for bytes in samples {
            let want = String::from_utf8_lossy(bytes).into_owned();
            for step in [1, 2, 3, 5, 64] {
                assert_eq!(
                    read_all(bytes, step, Trim::Bom),
                    want,
                    "{bytes:?} by {step}"
                );
            }
        }
    }

    #[test]
    fn the_start_is_trimmed_as_str_would() {
        for text in [
            "\u{feff}\u{feff}  \n{x}",
            "  \u{feff}{x}",
            "\u{a0}\u{feff} x",
            "\u{feff}",
            "   ",
            "x  ",
        ] {
            let space = text.trim_start_matches('\u{feff}').trim_start();
            let bom = text.trim_start_matches('\u{feff}');
            for step in [1, 2, 7] {
                assert_eq!(read_all(text.as_bytes(), step, Trim::BomAndSpace), space);
                assert_eq!(read_all(text.as_bytes(), step, Trim::Bom), bom);
            }
        }
    }
}
