//! The originals a case keeps: listed, read back, written out byte for byte.

use super::{Casebook, Error, Result};
use crate::domain::Attachment;
use crate::domain::attachment::safe_file_name;
use crate::store::AttachmentReads;
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What `--save` did with one attachment.
#[derive(Debug, Clone, Serialize)]
pub struct SavedFile {
    pub name: String,
    pub path: PathBuf,
    /// False when a file of that name was already there (left alone).
    pub written: bool,
}

impl Casebook {
    /// A case's originals, in the order they were added.
    pub fn attachments(&self, case_id: i64) -> Result<Vec<Attachment>> {
        self.require(case_id)?;
        Ok(self.store.attachments(case_id)?)
    }

    /// A case's originals without checking that the case exists (an export's walk).
    pub fn originals_of(&self, case_id: i64) -> Result<Vec<Attachment>> {
        Ok(self.store.attachments(case_id)?)
    }

    /// Whether the casebook keeps any original at all.
    pub fn has_originals(&self) -> Result<bool> {
        Ok(self.store.any_attachment()?)
    }

    /// The bytes of one original.
    pub fn attachment_bytes(&self, a: &Attachment) -> Result<Vec<u8>> {
        self.store.blob(&a.sha256)?.ok_or_else(|| {
            Error::user(format!(
                "the content of {} ({}) is missing from the casebook",
                a.name, a.sha256
            ))
        })
    }

    /// Write every original of a case into `dir` under its own name, never replacing a
    /// file already there.
    pub fn save_attachments(&self, case_id: i64, dir: &Path) -> Result<Vec<SavedFile>> {
        if !dir.is_dir() {
            return Err(Error::user(format!(
                "{} is not a folder: create it first",
                dir.display()
            )));
        }
        let mut out = Vec::new();
        for a in self.attachments(case_id)? {
            let bytes = self.attachment_bytes(&a)?;
            let name = safe_file_name(&a.name);
            let path = dir.join(&name);
            let written = write_new(&path, &bytes)?;
            out.push(SavedFile {
                name,
                path,
                written,
            });
        }
        Ok(out)
    }
}

/// Write `bytes` to a new file; `false` (and nothing written) when `path` exists.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<bool> {
    let fail = |e: std::io::Error| Error::user(format!("cannot write {}: {e}", path.display()));
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut file = match opts.open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Ok(false),
        Err(e) => return Err(fail(e)),
    };
    if let Err(e) = file.write_all(bytes).and_then(|_| file.sync_all()) {
        let _ = std::fs::remove_file(path);
        return Err(fail(e));
    }
    Ok(true)
}

impl Casebook {
    /// Keep originals on a case without an event (a scan nothing could be read from).
    /// Returns how many were added (none when the case holds them already).
    pub fn keep_originals(
        &mut self,
        case_id: i64,
        originals: super::Originals<'_>,
    ) -> Result<usize> {
        self.require(case_id)?;
        self.store.write(|w| -> Result<usize> {
            let n = super::proposals::attach(w, case_id, None, originals)?;
            w.touch(case_id)?;
            Ok(n)
        })
    }
}
