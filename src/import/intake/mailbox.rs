//! Mailboxes: an mbox file (messages after `From ` lines, `>From ` unquoted) read as a
//! stream, or a Maildir folder (`cur/` and `new/`, one file per message). Each message
//! is held to the one size limit.

use super::ReadError;
use super::limits::{MAX_BYTES, MAX_MESSAGES};
use std::io::BufRead;
use std::path::Path;

/// The raw messages of an mbox, in order.
pub fn mbox_messages(mut reader: impl BufRead) -> Result<Vec<Vec<u8>>, ReadError> {
    let mut messages: Vec<Vec<u8>> = Vec::new();
    let mut current: Option<Vec<u8>> = None;
    let mut line = Vec::with_capacity(256);
    loop {
        line.clear();
        let n = std::io::Read::take(&mut reader, MAX_BYTES + 1)
            .read_until(b'\n', &mut line)
            .map_err(ReadError::Io)?;
        if n == 0 {
            break;
        }
        if line.starts_with(b"From ") {
            messages.extend(current.take());
            if messages.len() >= MAX_MESSAGES {
                return Err(ReadError::TooLarge(format!(
                    "a mailbox of more than {MAX_MESSAGES} messages"
                )));
            }
            current = Some(Vec::new());
            continue;
        }
        let Some(msg) = current.as_mut() else {
            // Text before the first "From " line: not an mbox after all.
            return Err(ReadError::NotSupported("not an mbox mailbox".into()));
        };
        // mboxrd quoting: ">From " (any number of '>') loses one '>'.
        let quoted = line.iter().take_while(|&&c| c == b'>').count();
        if quoted > 0 && line[quoted..].starts_with(b"From ") {
            msg.extend_from_slice(&line[1..]);
        } else {
            msg.extend_from_slice(&line);
        }
        if msg.len() as u64 > MAX_BYTES {
            return Err(too_large_message(messages.len() + 1));
        }
    }
    messages.extend(current);
    Ok(messages)
}

fn too_large_message(n: usize) -> ReadError {
    ReadError::TooLarge(format!(
        "message {n} is larger than {} MB",
        MAX_BYTES / (1024 * 1024)
    ))
}

/// Whether `dir` is a Maildir (it has `cur` and `new`).
pub fn is_maildir(dir: &Path) -> bool {
    dir.join("cur").is_dir() && dir.join("new").is_dir()
}

/// The raw messages of a Maildir with their file names, oldest name first.
pub fn maildir_messages(dir: &Path) -> Result<Vec<(String, Vec<u8>)>, ReadError> {
    let mut files = Vec::new();
    for sub in ["cur", "new"] {
        for entry in std::fs::read_dir(dir.join(sub)).map_err(ReadError::Io)? {
            let entry = entry.map_err(ReadError::Io)?;
            if entry.file_type().map(|t| t.is_file()).unwrap_or(false) {
                files.push(entry.path());
            }
        }
    }
    if files.len() > MAX_MESSAGES {
        return Err(ReadError::TooLarge(format!(
            "a mailbox of more than {MAX_MESSAGES} messages"
        )));
    }
    // Maildir names start with the delivery time: name order is arrival order.
    files.sort();
    let mut out = Vec::with_capacity(files.len());
    for (i, path) in files.iter().enumerate() {
        let bytes = super::read_limited(path)?;
        if bytes.len() as u64 > MAX_BYTES {
            return Err(too_large_message(i + 1));
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        out.push((name, bytes));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mbox_splits_and_unquotes() {
        let mbox = b"From a@b Sat Feb  3 10:00:00 2018\nFrom: a@b\n\n>From the start\n>>From x\n\nFrom c@d Sun Feb  4 10:00:00 2018\nFrom: c@d\n\nHi\n";
        let m = mbox_messages(&mbox[..]).unwrap();
        assert_eq!(m.len(), 2);
        assert_eq!(m[0], b"From: a@b\n\nFrom the start\n>From x\n\n");
        assert_eq!(m[1], b"From: c@d\n\nHi\n");
        assert!(mbox_messages(&b"Hello\nFrom x\n"[..]).is_err());
        assert!(mbox_messages(&b""[..]).unwrap().is_empty());
    }
}
