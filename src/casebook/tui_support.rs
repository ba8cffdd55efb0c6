//! What the terminal UI needs beyond the shared operations: matching a loaded case
//! against the words typed into its filter. In memory, no SQL: the UI holds the views.

use super::CaseView;

/// The list's sort orders, as `foi list` sorts.
pub use super::views::sort_views;

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

    /// Whether every word occurs (any case) in the case's title, authority, either
    /// reference, a tag, or a question's label or text. No words match every case.
    pub fn matches(&self, v: &CaseView) -> bool {
        self.words.iter().all(|w| v.has_word(w))
    }
}

impl CaseView {
    fn has_word(&self, word: &str) -> bool {
        let c = &self.file.case;
        contains_ci(&c.title, word)
            || contains_ci(&c.authority, word)
            || c.their_ref.as_deref().is_some_and(|r| contains_ci(r, word))
            || c.my_ref.as_deref().is_some_and(|r| contains_ci(r, word))
            || c.tags.iter().any(|t| contains_ci(t, word))
            || self
                .file
                .questions
                .iter()
                .any(|q| contains_ci(&q.label, word) || contains_ci(&q.text, word))
    }
}

#[cfg(test)]
mod tests {
    use super::contains_ci;

    #[test]
    fn case_is_ignored() {
        assert!(contains_ci("Department for Work", "work"));
        assert!(contains_ci("Fol 471", "fol 4"));
        assert!(!contains_ci("DWP", "dwpx"));
        assert!(contains_ci("Ärzte", "ärz"));
        assert!(contains_ci("anything", ""));
    }
}
