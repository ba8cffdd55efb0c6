//! What the terminal UI needs beyond the shared operations: matching a list row against
//! the words typed into the list's filter (in memory, no SQL: the UI holds the rows), and
//! writing a drafted letter to a file without replacing one unasked.

use super::CaseSummary;
use crate::domain::Question;
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

/// `needle` occurs in `hay`, ignoring case. `needle` must already be lower case.
fn contains_ci(hay: &str, needle: &str) -> bool {
    if needle.is_ascii() {
        let (h, n) = (hay.as_bytes(), needle.as_bytes());
        if n.is_empty() {
            return true;
        }
        h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
    } else {
        hay.to_lowercase().contains(needle)
    }
}

/// A case's question labels and texts in lower case, as the filter searches them (the
/// same form as `Store::question_haystacks`).
pub fn question_hay(questions: &[Question]) -> String {
    let mut hay = String::new();
    for q in questions {
        for s in [&q.label, &q.text] {
            hay.push_str(&s.to_lowercase());
            hay.push('\n');
        }
    }
    hay
}

/// Words typed into the list's filter, prepared once per keystroke.
#[derive(Debug, Clone, Default)]
pub struct TextQuery {
    words: Vec<String>,
}

impl TextQuery {
    pub fn new(query: &str) -> TextQuery {
        TextQuery {
            words: query.split_whitespace().map(str::to_lowercase).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether every word occurs (any case) in the case's title, authority, either
    /// reference, a tag, or — given `questions`, the case's [`question_hay`] — a
    /// question's label or text. No words match every case.
    pub fn matches(&self, v: &CaseSummary, questions: Option<&str>) -> bool {
        self.words.iter().all(|w| {
            let c = &v.case;
            contains_ci(&c.title, w)
                || contains_ci(&c.authority, w)
                || c.their_ref.as_deref().is_some_and(|r| contains_ci(r, w))
                || c.my_ref.as_deref().is_some_and(|r| contains_ci(r, w))
                || c.tags.iter().any(|t| contains_ci(t, w))
                || questions.is_some_and(|h| h.contains(w.as_str()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{Written, contains_ci, write_text_file};

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

    #[test]
    fn case_is_ignored() {
        assert!(contains_ci("Department for Work", "work"));
        assert!(contains_ci("Fol 471", "fol 4"));
        assert!(!contains_ci("DWP", "dwpx"));
        assert!(contains_ci("Ärzte", "ärz"));
        assert!(contains_ci("anything", ""));
    }
}
