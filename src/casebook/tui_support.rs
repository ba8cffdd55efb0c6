//! What the terminal UI needs beyond the shared operations: matching a list row against
//! the words typed into the list's filter (in memory, no SQL: the UI holds the rows), and
//! writing a drafted letter to a file without replacing one unasked.
//!
//! A keystroke must re-filter 100,000 cases within a frame (SPEC 4: 16 ms), so words are
//! searched with `memchr`'s vectorised searchers, prepared once per keystroke, and a
//! long list is split among the cores.

use super::{CaseSummary, Filter};
use crate::domain::Question;
use memchr::memmem;
use std::collections::HashMap;
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
        let Some((&first, rest)) = n.split_first() else {
            return true;
        };
        // Candidates where the first byte matches in either case, then the rest.
        let last_start = match h.len().checked_sub(n.len()) {
            Some(i) => i,
            None => return false,
        };
        let upper = first.to_ascii_uppercase();
        memchr::memchr2_iter(first, upper, &h[..=last_start])
            .any(|i| h[i + 1..i + n.len()].eq_ignore_ascii_case(rest))
    } else {
        hay.to_lowercase().contains(needle)
    }
}

/// A case's question labels and texts as the filter searches them (the same form as
/// `Store::question_haystacks`: see [`crate::store::QuestionHay`]).
pub fn question_hay(questions: &[Question]) -> String {
    let mut hay = crate::store::QuestionHay::default();
    for q in questions {
        hay.push(&q.label);
        hay.push(&q.text);
    }
    hay.finish()
}

/// Words typed into the list's filter, prepared once per keystroke.
#[derive(Debug, Clone, Default)]
pub struct TextQuery {
    words: Vec<String>,
    /// One searcher per word, for the question texts (already in lower case).
    finders: Vec<memmem::Finder<'static>>,
}

/// Below this many rows one thread filters: starting others costs more than it saves.
const PARALLEL_FROM: usize = 20_000;

impl TextQuery {
    pub fn new(query: &str) -> TextQuery {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        let finders = words
            .iter()
            .map(|w| memmem::Finder::new(w.as_bytes()).into_owned())
            .collect();
        TextQuery { words, finders }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether every word occurs (any case) in the case's title, authority, either
    /// reference, a tag, or — given `questions`, the case's [`question_hay`] — a
    /// question's label or text. No words match every case.
    pub fn matches(&self, v: &CaseSummary, questions: Option<&str>) -> bool {
        self.words.iter().zip(&self.finders).all(|(w, finder)| {
            // A built filter text is never empty (it has a line per field).
            let in_fields = if w.is_ascii() && !w.contains('\n') && !v.filter_text.is_empty() {
                // Field by field, ASCII case ignored: the same as `contains_ci` on each.
                finder.find(v.filter_text.as_bytes()).is_some()
            } else {
                let c = &v.case;
                contains_ci(&c.title, w)
                    || contains_ci(&c.authority, w)
                    || c.their_ref.as_deref().is_some_and(|r| contains_ci(r, w))
                    || c.my_ref.as_deref().is_some_and(|r| contains_ci(r, w))
                    || c.tags.iter().any(|t| contains_ci(t, w))
            };
            in_fields || questions.is_some_and(|h| finder.find(h.as_bytes()).is_some())
        })
    }

    /// The indices among `candidates` (into `views`, kept in their order) of the rows that
    /// pass `filter` and match every word, searching each case's question texts in
    /// `haystacks` (see [`question_hay`]) when given. Shared among the cores when long.
    pub fn filter_rows(
        &self,
        views: &[CaseSummary],
        candidates: Vec<usize>,
        filter: Filter,
        haystacks: Option<&HashMap<i64, String>>,
    ) -> Vec<usize> {
        let keep = |i: &usize| {
            views.get(*i).is_some_and(|v| {
                filter.matches(v)
                    && (self.is_empty()
                        || self.matches(
                            v,
                            haystacks
                                .and_then(|h| h.get(&v.case.id))
                                .map(String::as_str),
                        ))
            })
        };
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        if self.is_empty() || cores == 1 || candidates.len() < PARALLEL_FROM {
            return candidates.into_iter().filter(keep).collect();
        }
        let chunk = candidates.len().div_ceil(cores);
        std::thread::scope(|s| {
            let parts: Vec<_> = candidates
                .chunks(chunk)
                .skip(1)
                .map(|part| s.spawn(move || part.iter().copied().filter(keep).collect::<Vec<_>>()))
                .collect();
            let mut out: Vec<usize> = candidates[..chunk.min(candidates.len())]
                .iter()
                .copied()
                .filter(keep)
                .collect();
            for p in parts {
                // A filter thread cannot panic short of a bug; keep what is known then.
                if let Ok(found) = p.join() {
                    out.extend(found);
                }
            }
            out
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{Written, contains_ci, write_text_file};
    use proptest::prelude::*;

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

    proptest! {
        #[test]
        fn one_search_of_the_filter_text_finds_what_field_by_field_finds(
            title in "[a-cA-CÄä ]{0,12}",
            authority in "[a-cA-C\n ]{0,12}",
            their_ref in proptest::option::of("[a-cA-C/]{0,6}"),
            tag in "[a-c]{0,4}",
            query in "[a-cäÄ ]{0,5}",
        ) {
            use crate::casebook::{CaseSummary, filter_text};
            use crate::domain::{Case, CaseStatus, OverallOutcome};
            let case = Case { title, authority, their_ref, tags: vec![tag], ..Case::default() };
            let v = CaseSummary {
                filter_text: filter_text(&case),
                case,
                status: CaseStatus::Draft,
                overall: OverallOutcome::Pending,
                next: None,
                needs_action: false,
                questions: 0,
            };
            let c = &v.case;
            let field_by_field = query.split_whitespace().map(str::to_lowercase).all(|w| {
                contains_ci(&c.title, &w)
                    || contains_ci(&c.authority, &w)
                    || c.their_ref.as_deref().is_some_and(|r| contains_ci(r, &w))
                    || c.tags.iter().any(|t| contains_ci(t, &w))
            });
            prop_assert_eq!(super::TextQuery::new(&query).matches(&v, None), field_by_field);
        }

        #[test]
        fn contains_ci_is_a_case_blind_windowed_search(hay in "[a-cA-C ]{0,30}", needle in "[a-c ]{0,4}") {
            let naive = hay.as_bytes().windows(needle.len().max(1)).any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
                || needle.is_empty();
            prop_assert_eq!(contains_ci(&hay, &needle), naive);
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
