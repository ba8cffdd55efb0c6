//! Is a file text at all? Checked before any reader sees it, so that an image, a zip
//! or random bytes is refused with one clear line instead of being read as a letter
//! (which would find nothing, or save garbage).

use std::fmt::Display;

/// More than one character in this many being a control character (other than tab,
/// line feed, carriage return and form feed) means the bytes are not text: letters have
/// none or a stray few (an escape pasted from a terminal), random bytes one in eight.
const CONTROL_ONE_IN: usize = 20;

/// A file that is not text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0} is not a letter or a supported file")]
pub struct NotText(pub String);

/// The file's text (invalid UTF-8 sequences replaced, as everywhere else), or
/// [`NotText`] naming it as `name`.
pub fn decode_text(bytes: &[u8], name: impl Display) -> Result<String, NotText> {
    if is_text(bytes) {
        Ok(String::from_utf8_lossy(bytes).into_owned())
    } else {
        Err(NotText(name.to_string()))
    }
}

/// Whether `bytes` read as text: no NUL byte, and few control characters, read as UTF-8
/// or, when they are not UTF-8, as a legacy single-byte encoding (Windows-1252, which
/// gives every byte but five a character).
pub fn is_text(bytes: &[u8]) -> bool {
    if memchr::memchr(0, bytes).is_some() {
        return false;
    }
    let (total, control) = match std::str::from_utf8(bytes) {
        Ok(s) => s.chars().fold((0, 0), |(n, bad), c| {
            (n + 1, bad + usize::from(is_stray_control(c)))
        }),
        Err(_) => (
            bytes.len(),
            bytes.iter().filter(|&&b| is_stray_byte(b)).count(),
        ),
    };
    control * CONTROL_ONE_IN <= total
}

fn is_stray_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c')
}

/// A byte that Windows-1252 reads as a control character or not at all.
fn is_stray_byte(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        || b == 0x7f
        || matches!(b, 0x81 | 0x8d | 0x8f | 0x90 | 0x9d)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bytes from a fixed xorshift sequence: "random" but the same on every run.
    fn noise(n: usize) -> Vec<u8> {
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 32) as u8
            })
            .collect()
    }

    #[test]
    fn letters_in_any_usual_encoding_are_text() {
        assert!(is_text(b""));
        assert!(is_text(b"Dear Sir,\r\n\tThank you.\x0c\nPage 2"));
        assert!(is_text(
            "Caf\u{e9} \u{a3}450 \u{2014} \u{201c}quoted\u{201d}".as_bytes()
        ));
        // Windows-1252: a pound sign and curly quotes, not UTF-8.
        assert!(is_text(b"Cost limit \xa3450, \x93appropriate limit\x94."));
        // A stray escape in a long letter does not make it binary.
        let mut long = "word ".repeat(200).into_bytes();
        long.push(0x1b);
        assert!(is_text(&long));
    }

    #[test]
    fn binary_files_are_not() {
        assert!(!is_text(&noise(19 * 1024)));
        assert!(!is_text(b"PK\x03\x04\x14\x00\x06\x00"));
        assert!(!is_text(b"\x89PNG\r\n\x1a\n"));
        assert!(!is_text(b"\xff\xfeD\x00e\x00a\x00r\x00"));
        // No NUL, but control characters everywhere.
        let mut noisy: Vec<u8> = noise(4096).into_iter().filter(|&b| b != 0).collect();
        noisy.truncate(4000);
        assert!(!is_text(&noisy));
        let e = decode_text(&noise(64), "x.bin").unwrap_err();
        assert_eq!(e.to_string(), "x.bin is not a letter or a supported file");
        assert_eq!(decode_text(b"Dear", "l.txt").unwrap(), "Dear");
    }
}
