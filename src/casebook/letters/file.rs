//! Writing a letter to a file without replacing one unasked.

use std::io::Write;
use std::path::Path;

/// What writing a file did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    Done,
    /// The file is there already and `replace` was not given: nothing was written.
    Exists,
}

/// Write `text` to `path`, readable by its owner only (letters hold personal data).
/// Without `replace` an existing file is left alone ([`Written::Exists`]); with it, the
/// file is replaced whole, so a crash never leaves half a letter.
pub fn write_text_file(path: &Path, text: &str, replace: bool) -> std::io::Result<Written> {
    if !replace {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut f = match options.open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Ok(Written::Exists),
            Err(e) => return Err(e),
        };
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        return Ok(Written::Done);
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(Written::Done)
}

#[cfg(test)]
mod tests {
    use super::{Written, write_text_file};

    #[test]
    fn a_file_is_replaced_only_when_asked() {
        let dir = tempfile::tempdir().expect("temp dir");
        let p = dir.path().join("letter.txt");
        assert_eq!(write_text_file(&p, "one", false).ok(), Some(Written::Done));
        assert_eq!(
            write_text_file(&p, "two", false).ok(),
            Some(Written::Exists)
        );
        assert_eq!(std::fs::read_to_string(&p).ok().as_deref(), Some("one"));
        assert_eq!(write_text_file(&p, "two", true).ok(), Some(Written::Done));
        assert_eq!(std::fs::read_to_string(&p).ok().as_deref(), Some("two"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&p).map(|m| m.permissions().mode() & 0o777);
            assert_eq!(mode.ok(), Some(0o600));
        }
    }
}
