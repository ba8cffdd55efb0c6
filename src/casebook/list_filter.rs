//! The case list's filter: matching a list row against the words typed into the filter,
//! in memory and without SQL (a front end that holds the rows filters them itself).
//!
//! A keystroke must re-filter 100,000 cases within a frame (16 ms at 60 frames a second): the texts
//! searched are laid end to end ([`super::filter_index`]) and each word goes once
//! through them with a vectorised searcher.

use super::filter_index::{Texts, Words};
use super::{Filter, ListRow};
use crate::domain::Question;

/// A case's question labels and texts as the filter searches them (the same form as
/// the background reading: see [`crate::store::QuestionHay`]).
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
    words: Words,
}

impl TextQuery {
    pub fn new(query: &str) -> TextQuery {
        TextQuery {
            words: Words::new(query),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The indices among `candidates` (into `views`, kept in their order) of the rows that
    /// pass `filter` and whose texts hold every word: `fields` (each row's
    /// [`super::filter_text`]) and, once read, `questions` (each row's [`question_hay`]),
    /// both in the order of `views`.
    pub fn filter_rows(
        &self,
        views: &[ListRow],
        candidates: Vec<usize>,
        filter: Filter,
        fields: &Texts,
        questions: Option<&Texts>,
    ) -> Vec<usize> {
        let mut texts = vec![fields];
        texts.extend(questions);
        // A few candidates (the search narrowed as it grew): each row's own texts.
        if candidates.len() < views.len() / 8 {
            return candidates
                .into_iter()
                .filter(|&i| {
                    views.get(i).is_some_and(|v| filter.matches(v))
                        && (self.is_empty() || self.words.match_row(i, &texts))
                })
                .collect();
        }
        // Many: each word once through the whole buffers, and the filter's test of every
        // row in row order (visiting 100,000 rows in sort order instead misses the cache
        // on nearly every one).
        let mut keep = if self.is_empty() {
            vec![true; views.len()]
        } else {
            self.words.match_all(views.len(), &texts)
        };
        for (k, v) in keep.iter_mut().zip(views) {
            *k = *k && filter.matches(v);
        }
        candidates
            .into_iter()
            .filter(|&i| keep.get(i) == Some(&true))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn one_search_of_the_filter_text_finds_what_field_by_field_finds(
            title in "[a-cA-CÄä ]{0,12}",
            authority in "[a-cA-C\n ]{0,12}",
            their_ref in proptest::option::of("[a-cA-C/]{0,6}"),
            tag in "[a-c]{0,4}",
            query in "[a-cäÄ ]{0,5}",
        ) {
            use crate::casebook::filter_index::{Texts, lower};
            use crate::casebook::{ListRow, Filter, ListRowCase, filter_text};
            use crate::domain::{CaseStatus, OverallOutcome};
            let authority: std::sync::Arc<str> = authority.into();
            let case = ListRowCase { title, authority, their_ref, tags: vec![tag], ..ListRowCase::default() };
            let mut fields = Texts::default();
            fields.push(&filter_text(&case));
            let field_by_field = query.split_whitespace().map(lower).all(|w| {
                [Some(case.title.as_str()), Some(&*case.authority), case.their_ref.as_deref()]
                    .into_iter()
                    .flatten()
                    .chain(case.tags.iter().map(String::as_str))
                    .any(|f| lower(f).contains(&w))
            });
            let v = ListRow {
                case,
                status: CaseStatus::Draft,
                overall: OverallOutcome::Pending,
                next: None,
                needs_action: false,
                questions: 0,
            };
            let rows = [v];
            let found = super::TextQuery::new(&query).filter_rows(&rows, vec![0], Filter::All, &fields, None);
            prop_assert_eq!(found == vec![0], field_by_field);
        }
    }
}
