//! What the terminal UI needs beyond the shared operations: matching a list row against
//! the words typed into the list's filter. In memory, no SQL: the UI holds the rows.

use super::CaseSummary;
use crate::domain::Question;

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
