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
        candidates: &[usize],
        filter: Filter,
        fields: &Texts,
        questions: Option<&Texts>,
    ) -> Vec<usize> {
        let mut texts = vec![fields];
        texts.extend(questions);
        // A few candidates (the search narrowed as it grew): each row's own texts.
        if candidates.len() < views.len() / 8 {
            return candidates
                .iter()
                .copied()
                .filter(|&i| {
                    views.get(i).is_some_and(|v| filter.matches(v))
                        && (self.is_empty() || self.words.match_row(i, &texts))
                })
                .collect();
        }
        // Many: the candidates marked, the filter's test of each in row order (visiting
        // 100,000 rows in sort order instead misses the cache on nearly every one), then
        // each word through the whole buffers for the rows still in.
        let mut keep = vec![false; views.len()];
        for &i in candidates {
            if let Some(k) = keep.get_mut(i) {
                *k = true;
            }
        }
        for (k, v) in keep.iter_mut().zip(views) {
            *k = *k && filter.matches(v);
        }
        let keep = self.words.narrow(keep, &texts);
        candidates
            .iter()
            .copied()
            .filter(|&i| keep.get(i) == Some(&true))
            .collect()
    }

    /// This query less the words of `known`: for rows that passed `known` already.
    pub fn less(&self, known: &TextQuery) -> TextQuery {
        TextQuery {
            words: self.words.less(&known.words),
        }
    }
}

/// The rows a filter works on: every row, the current sort's order of them, and their
/// texts (see [`TextQuery::filter_rows`]).
#[derive(Clone, Copy)]
pub struct ListRows<'a> {
    pub views: &'a [ListRow],
    pub order: &'a [usize],
    pub fields: &'a Texts,
    pub questions: Option<&'a Texts>,
}

/// How many earlier results [`Narrowing`] keeps (each up to a place per row): a longer
/// query typed on falls back to a whole filter when Backspace goes past them.
const EARLIER_AT_MOST: usize = 16;

/// The filter as it is typed, a key at a time: what passed the query before, and the
/// results for the shorter queries typed on the way. A query that extends the last one
/// tests only the rows that passed it (every word of the longer query holds a word of
/// the shorter one, so nothing else can pass); Backspace takes an earlier result back.
/// The rows listed are always those a whole filter of every row gives.
#[derive(Debug, Default)]
pub struct Narrowing {
    /// The filter, typed text and query the last result is for.
    last: Option<(Filter, String, TextQuery)>,
    /// Results for shorter texts typed before it (and their queries), each a prefix of
    /// the next.
    earlier: Vec<(String, TextQuery, Vec<usize>)>,
}

impl Narrowing {
    /// The rows changed (or their order, or their texts): start afresh.
    pub fn forget(&mut self) {
        self.last = None;
        self.earlier.clear();
    }

    /// The indices into `rows.views` (in `rows.order`) that pass `filter` and `query`,
    /// where `typed` is what was typed (`query` is worked out from it; a text that names
    /// another way of searching, like a leading `/`, simply matches everything) and
    /// `last` is this narrowing's previous result.
    pub fn refilter(
        &mut self,
        last: Vec<usize>,
        typed: &str,
        query: &TextQuery,
        filter: Filter,
        rows: ListRows<'_>,
    ) -> Vec<usize> {
        match self.last.take() {
            Some((f, text, q)) if f == filter => {
                self.earlier.push((text, q, last));
                if self.earlier.len() > EARLIER_AT_MOST {
                    self.earlier.remove(0);
                }
            }
            _ => self.earlier.clear(),
        }
        // Only the results for prefixes of `typed` say anything about it.
        while self
            .earlier
            .last()
            .is_some_and(|(text, _, _)| !typed.starts_with(text.as_str()))
        {
            self.earlier.pop();
        }
        self.last = Some((filter, typed.to_string(), query.clone()));
        match self.earlier.last() {
            Some((text, _, _)) if text == typed => {
                self.earlier.pop().map(|(_, _, v)| v).unwrap_or_default()
            }
            // Only the words that result was not filtered for need looking for.
            Some((_, known, before)) => query.less(known).filter_rows(
                rows.views,
                before,
                filter,
                rows.fields,
                rows.questions,
            ),
            None => query.filter_rows(rows.views, rows.order, filter, rows.fields, rows.questions),
        }
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
            let found = super::TextQuery::new(&query).filter_rows(&rows, &[0], Filter::All, &fields, None);
            prop_assert_eq!(found == vec![0], field_by_field);
        }
    }

    /// A key in the search line, as the list's search line takes them.
    #[derive(Debug, Clone)]
    enum Key {
        Char(char),
        Backspace,
        /// A key typed or deleted with the cursor moved back into the line.
        InsertAt(usize, char),
        DeleteAt(usize),
        Paste(String),
        /// The status filter moves on (`f`).
        CycleFilter,
        /// A `/` on an empty line: search everything (the list stays whole).
        Find,
        /// The questions' texts arrive from the background reader.
        QuestionsArrive,
    }

    fn key() -> impl Strategy<Value = Key> {
        prop_oneof![
            4 => "[ab /]".prop_map(|c| Key::Char(c.chars().next().unwrap_or('a'))),
            3 => Just(Key::Backspace),
            1 => (0usize..8, "[ab ]").prop_map(|(at, c)| Key::InsertAt(at, c.chars().next().unwrap_or('a'))),
            1 => (0usize..8).prop_map(Key::DeleteAt),
            1 => "[ab ]{0,3}".prop_map(Key::Paste),
            1 => Just(Key::CycleFilter),
            1 => Just(Key::Find),
            1 => Just(Key::QuestionsArrive),
        ]
    }

    proptest! {
        #[test]
        fn typing_narrowing_and_backspace_list_what_a_whole_filter_lists(
            rows in prop::collection::vec(("[ab /]{0,5}", "[ab ]{0,5}", 0usize..3, any::<bool>()), 0..40),
            shuffle in any::<u64>(),
            keys in prop::collection::vec(key(), 0..30),
        ) {
            use crate::casebook::filter_index::{Texts, lower};
            use crate::casebook::{ListRow, Filter, ListRowCase, filter_text};
            use crate::domain::{CaseStatus, OverallOutcome};
            use super::{ListRows, Narrowing, TextQuery};
            let statuses = [CaseStatus::AwaitingResponse, CaseStatus::Overdue, CaseStatus::Closed];
            let views: Vec<ListRow> = rows.iter().enumerate().map(|(i, (title, _, s, action))| ListRow {
                case: ListRowCase { id: i as i64 + 1, title: title.clone(), ..ListRowCase::default() },
                status: statuses[*s],
                overall: OverallOutcome::Pending,
                next: None,
                needs_action: *action,
                questions: 0,
            }).collect();
            let mut fields = Texts::default();
            let mut questions = Texts::default();
            for (v, (_, q, _, _)) in views.iter().zip(&rows) {
                fields.push(&filter_text(&v.case));
                questions.push(&lower(q));
            }
            // A sort order other than the rows' own.
            let mut order: Vec<usize> = (0..views.len()).collect();
            order.sort_by_key(|&i| (i as u64).wrapping_mul(shuffle | 1).rotate_left(17));

            let (mut line, mut find, mut filter, mut arrived) = (String::new(), false, Filter::All, false);
            let mut narrowing = Narrowing::default();
            let mut visible = order.clone();
            for key in keys {
                match key {
                    Key::Char('/') if line.is_empty() && !find => find = true,
                    Key::Char(c) => line.push(c),
                    Key::Backspace if line.is_empty() => find = false,
                    Key::Backspace => { line.pop(); }
                    Key::InsertAt(at, c) => line.insert(at.min(line.len()), c),
                    Key::DeleteAt(at) if at < line.len() => { line.remove(at); }
                    Key::DeleteAt(_) => {}
                    Key::Paste(text) => line.push_str(&text),
                    Key::CycleFilter => filter = filter.next(),
                    Key::Find if line.is_empty() => find = true,
                    Key::Find => {}
                    Key::QuestionsArrive => { arrived = true; narrowing.forget(); }
                }
                let (typed, query) = if find {
                    (format!("/{line}"), TextQuery::default())
                } else {
                    (line.clone(), TextQuery::new(&line))
                };
                let q = arrived.then_some(&questions);
                let rows = ListRows { views: &views, order: &order, fields: &fields, questions: q };
                visible = narrowing.refilter(visible, &typed, &query, filter, rows);
                let whole = query.filter_rows(&views, &order, filter, &fields, q);
                prop_assert_eq!(&visible, &whole, "{:?} {:?} {:?}", typed, filter, arrived);
            }
        }
    }
}
