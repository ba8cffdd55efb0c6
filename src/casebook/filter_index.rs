//! The texts the list's filter searches, for every case at once: one buffer per kind of
//! text (the case's own fields; its questions' words), each row's text one slice of it,
//! rows in the order of the screen's rows.
//!
//! Why one buffer: a keystroke must re-filter 100,000 cases within 16 ms (one frame at 60 a second) on a
//! machine whose other core may be busy. Searching each row's own string visits 100,000
//! heap allocations in sort order; one vectorised pass over a contiguous buffer (~20 MB
//! at 100k, skipping to the next row after each hit) is several times faster on one
//! core and needs no second one.

use crate::domain::OverallOutcome;
use crate::store::{Store, StoreError};
use memchr::memmem::Finder;
use std::sync::atomic::AtomicBool;

/// Row texts laid end to end: row `i` is `bytes[start(i)..ends[i]]`. Every non-empty row
/// ends with a line break and the words searched for have none, so a hit never spans
/// two rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Texts {
    bytes: Vec<u8>,
    ends: Vec<usize>,
}

/// Lower case as the filter compares: ASCII by table (most text), the rest by Unicode.
pub fn lower(text: &str) -> String {
    if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        text.to_lowercase()
    }
}

impl Texts {
    pub fn with_capacity(rows: usize, bytes: usize) -> Texts {
        Texts {
            bytes: Vec::with_capacity(bytes),
            ends: Vec::with_capacity(rows),
        }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    fn start(&self, i: usize) -> usize {
        if i == 0 { 0 } else { self.ends[i - 1] }
    }

    /// Row `i`'s text (empty past the end).
    pub fn row(&self, i: usize) -> &[u8] {
        if i >= self.ends.len() {
            return &[];
        }
        &self.bytes[self.start(i)..self.ends[i]]
    }

    /// `text` (already lower case) with the line break every row ends with.
    fn terminated(text: &str) -> impl Iterator<Item = u8> + '_ {
        let end = (!text.is_empty() && !text.ends_with('\n')).then_some(b'\n');
        text.bytes().chain(end)
    }

    /// Add a row at the end. `text` must be lower case already (see [`lower`]).
    pub fn push(&mut self, text: &str) {
        self.bytes.extend(Texts::terminated(text));
        self.ends.push(self.bytes.len());
    }

    /// Add row `i` of `other` at the end.
    pub fn push_row_of(&mut self, other: &Texts, i: usize) {
        self.bytes.extend_from_slice(other.row(i));
        self.ends.push(self.bytes.len());
    }

    /// Add every row of `other` at the end.
    pub fn append(&mut self, other: Texts) {
        let base = self.bytes.len();
        self.bytes.extend_from_slice(&other.bytes);
        self.ends.extend(other.ends.iter().map(|e| e + base));
    }

    /// Put `text` in place of row `i` (a case changed).
    pub fn replace(&mut self, i: usize, text: &str) {
        if i >= self.ends.len() {
            return;
        }
        let (start, end) = (self.start(i), self.ends[i]);
        let new: Vec<u8> = Texts::terminated(text).collect();
        let grown = new.len() as isize - (end - start) as isize;
        self.bytes.splice(start..end, new);
        for e in &mut self.ends[i..] {
            *e = e.saturating_add_signed(grown);
        }
    }

    /// A new row `i`, the rows from `i` on moving down one (a case added).
    pub fn insert(&mut self, i: usize, text: &str) {
        let i = i.min(self.ends.len());
        let start = self.start(i);
        self.ends.insert(i, start);
        self.replace(i, text);
    }

    /// Row `i` gone, the rows after it moving up one (a case deleted).
    pub fn remove(&mut self, i: usize) {
        if i >= self.ends.len() {
            return;
        }
        self.replace(i, "");
        self.ends.remove(i);
    }

    /// Set `hits[i]` for every row `i` whose text holds `finder`'s needle. `hits` has a
    /// place per row.
    fn mark(&self, finder: &Finder<'_>, hits: &mut [bool]) {
        let mut at = 0;
        let mut row = 0;
        while let Some(found) = finder.find(&self.bytes[at..]) {
            let p = at + found;
            // The row the hit is in: the first whose end lies beyond it. Hits only move
            // forward, so walk on from the last one's row: a letter found in nearly every
            // row made a binary search per hit most of a keystroke's time.
            while self.ends.get(row).is_some_and(|&e| e <= p) {
                row += 1;
            }
            let Some(hit) = hits.get_mut(row) else {
                return;
            };
            *hit = true;
            // The rest of that row cannot add anything.
            at = self.ends[row];
        }
    }
}

/// The words of one filter, prepared once per keystroke.
#[derive(Debug, Clone, Default)]
pub struct Words {
    finders: Vec<Finder<'static>>,
}

impl Words {
    pub fn new(query: &str) -> Words {
        Words {
            finders: query
                .split_whitespace()
                .map(|w| Finder::new(lower(w).as_bytes()).into_owned())
                .collect(),
        }
    }

    /// These words less those of `known` (rows that passed `known` hold them already).
    pub fn less(&self, known: &Words) -> Words {
        Words {
            finders: self
                .finders
                .iter()
                .filter(|f| !known.finders.iter().any(|k| k.needle() == f.needle()))
                .cloned()
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.finders.is_empty()
    }

    /// Whether every word occurs in one of `texts`' row `i`.
    pub fn match_row(&self, i: usize, texts: &[&Texts]) -> bool {
        self.finders
            .iter()
            .all(|f| texts.iter().any(|t| f.find(t.row(i)).is_some()))
    }

    /// For each of `rows` rows, whether every word occurs in one of `texts`: each word
    /// searched once through each whole buffer.
    pub fn match_all(&self, rows: usize, texts: &[&Texts]) -> Vec<bool> {
        self.narrow(vec![true; rows], texts)
    }

    /// For each row `alive` marks, whether every word occurs in one of `texts` (a row it
    /// does not mark stays unmarked). Each word goes through a whole buffer while many
    /// rows are still open, and through the open rows' own texts once few are: a common
    /// letter is found in nearly every row's own fields, so the questions (the larger
    /// buffer) need searching for only the few left.
    pub fn narrow(&self, mut alive: Vec<bool>, texts: &[&Texts]) -> Vec<bool> {
        let rows = alive.len();
        // Per word: found in this row, or no need to look (the row is out already).
        let mut done = vec![false; rows];
        for f in &self.finders {
            for (d, a) in done.iter_mut().zip(&alive) {
                *d = !a;
            }
            for t in texts {
                let open = done.iter().filter(|d| !**d).count();
                if open == 0 {
                    break;
                }
                if open < rows / 8 {
                    for (i, d) in done.iter_mut().enumerate() {
                        *d = *d || f.find(t.row(i)).is_some();
                    }
                } else {
                    t.mark(f, &mut done);
                }
            }
            for (a, d) in alive.iter_mut().zip(&done) {
                *a &= *d;
            }
        }
        alive
    }
}

/// What the questions add to the list, read for the rows with ids `ids` (ascending):
/// each row's question text for the filter, and its overall outcome and question count
/// (which the first load leaves out).
#[derive(Debug, Default)]
pub struct QuestionTexts {
    pub ids: Vec<i64>,
    pub texts: Texts,
    pub outcomes: Vec<(OverallOutcome, usize)>,
}

impl QuestionTexts {
    /// The texts and outcomes for the rows with ids `ids` (ascending), when the cases
    /// changed after this was read: a row it does not know gets no text and no outcome.
    pub fn realign(self, ids: &[i64]) -> (Texts, Vec<(OverallOutcome, usize)>) {
        if self.ids == ids {
            return (self.texts, self.outcomes);
        }
        let mut texts = Texts::with_capacity(ids.len(), self.texts.bytes.len());
        let mut outcomes = Vec::with_capacity(ids.len());
        let mut j = 0;
        for &id in ids {
            while self.ids.get(j).is_some_and(|&x| x < id) {
                j += 1;
            }
            if self.ids.get(j) == Some(&id) {
                texts.push_row_of(&self.texts, j);
                outcomes.push(
                    self.outcomes
                        .get(j)
                        .copied()
                        .unwrap_or((OverallOutcome::Pending, 0)),
                );
            } else {
                texts.push("");
                outcomes.push((OverallOutcome::Pending, 0));
            }
        }
        (texts, outcomes)
    }
}

/// Reads the question texts on a connection of its own, so that a front end can do it on
/// another thread while the casebook goes on serving the screen.
pub struct QuestionTextsReader(Store);

impl QuestionTextsReader {
    /// See [`read_question_texts`].
    pub fn read(&self, ids: Vec<i64>, stop: &AtomicBool) -> super::Result<Option<QuestionTexts>> {
        Ok(read_question_texts(&self.0, ids, stop)?)
    }
}

impl super::Casebook {
    /// A reader of the question texts for another thread; `None` for a casebook held in
    /// memory (no second connection can see it: read it with [`Self::question_texts`]).
    pub fn question_texts_reader(&self) -> super::Result<Option<QuestionTextsReader>> {
        Ok(self.store.open_reader()?.map(QuestionTextsReader))
    }

    /// Read the question texts here; see [`read_question_texts`].
    pub fn question_texts(
        &self,
        ids: Vec<i64>,
        stop: &AtomicBool,
    ) -> super::Result<Option<QuestionTexts>> {
        Ok(read_question_texts(&self.store, ids, stop)?)
    }
}

/// Read [`QuestionTexts`] (every question of the casebook: the TUI does it on another
/// thread after its first frame). `None` when `stop` was set meanwhile (the reading is no
/// longer wanted: the cases were loaded again).
fn read_question_texts(
    store: &Store,
    ids: Vec<i64>,
    stop: &AtomicBool,
) -> Result<Option<QuestionTexts>, StoreError> {
    let mut out = QuestionTexts {
        texts: Texts::with_capacity(ids.len(), ids.len() * 128),
        outcomes: Vec::with_capacity(ids.len()),
        ids: Vec::new(),
    };
    let finished = store.for_each_question_digest(&ids, stop, |_, hay, outcomes| {
        out.texts.push(hay);
        out.outcomes.push((
            OverallOutcome::from_outcomes(outcomes.iter().copied()),
            outcomes.len(),
        ));
    })?;
    out.ids = ids;
    Ok(finished.then_some(out))
}

#[cfg(test)]
mod tests {
    use super::{Texts, Words, lower};
    use proptest::prelude::*;

    fn texts(rows: &[String]) -> Texts {
        let mut t = Texts::default();
        for r in rows {
            t.push(&lower(r));
        }
        t
    }

    /// What the filter means: every word, in any case, somewhere in one of the row's
    /// texts (whose lines are its fields or question words).
    fn naive(query: &str, rows: &[&[String]]) -> bool {
        query.split_whitespace().all(|w| {
            let w = lower(w);
            rows.iter()
                .any(|texts| texts.iter().any(|t| lower(t).contains(&w)))
        })
    }

    fn row_text() -> impl Strategy<Value = String> {
        "[a-cA-CäÄ/ \n]{0,10}".prop_map(|s| s.replace(' ', "\n"))
    }

    proptest! {
        #[test]
        fn whole_buffer_and_row_by_row_searches_find_what_the_filter_means(
            fields in prop::collection::vec(row_text(), 0..12),
            questions in prop::collection::vec(row_text(), 0..12),
            query in "[a-cäÄ/ ]{0,6}",
        ) {
            let n = fields.len();
            let questions: Vec<String> = questions.into_iter().chain(std::iter::repeat(String::new())).take(n).collect();
            let (f, q) = (texts(&fields), texts(&questions));
            let words = Words::new(&query);
            let all = words.match_all(n, &[&f, &q]);
            for i in 0..n {
                let expected = naive(&query, &[std::slice::from_ref(&fields[i]), std::slice::from_ref(&questions[i])]);
                prop_assert_eq!(all[i], expected, "row {} of {:?} / {:?}", i, fields, questions);
                prop_assert_eq!(words.match_row(i, &[&f, &q]), expected);
            }
        }

        /// Many short rows over few letters: a word is in most rows' fields, so the
        /// questions are searched row by row for the few left (and, with another word,
        /// whole again).
        #[test]
        fn narrowing_the_rows_still_in_finds_what_the_filter_means(
            rows in prop::collection::vec(("[abA\n]{0,6}", "[abcä\n]{0,6}", any::<bool>()), 0..80),
            query in "[abcä ]{0,5}",
        ) {
            let fields: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
            let questions: Vec<String> = rows.iter().map(|r| r.1.clone()).collect();
            let alive: Vec<bool> = rows.iter().map(|r| r.2).collect();
            let (f, q) = (texts(&fields), texts(&questions));
            let words = Words::new(&query);
            let got = words.narrow(alive.clone(), &[&f, &q]);
            for i in 0..rows.len() {
                let expected = alive[i] && naive(&query, &[std::slice::from_ref(&fields[i]), std::slice::from_ref(&questions[i])]);
                prop_assert_eq!(got[i], expected, "row {} of {:?} / {:?}", i, fields, questions);
            }
            // Words a row passed already need no second look.
            let known = Words::new(&query);
            let longer = format!("{query} b");
            let rest = Words::new(&longer).less(&known);
            let once = Words::new(&longer).narrow(alive.clone(), &[&f, &q]);
            prop_assert_eq!(rest.narrow(got, &[&f, &q]), once);
        }

        #[test]
        fn edits_in_place_give_the_buffer_built_afresh(
            rows in prop::collection::vec(row_text(), 0..8),
            edits in prop::collection::vec((0usize..3, 0usize..10, row_text()), 0..8),
        ) {
            let mut rows = rows;
            let mut t = texts(&rows);
            for (op, at, text) in edits {
                match op {
                    0 if at < rows.len() => { t.replace(at, &lower(&text)); rows[at] = text; }
                    1 => { let at = at.min(rows.len()); t.insert(at, &lower(&text)); rows.insert(at, text); }
                    2 if at < rows.len() => { t.remove(at); rows.remove(at); }
                    _ => {}
                }
                prop_assert_eq!(&t, &texts(&rows));
            }
        }
    }

    #[test]
    fn a_hit_belongs_to_its_own_row_only() {
        let t = texts(&["abc".into(), String::new(), "xab".into(), "cab".into()]);
        let w = Words::new("AB");
        assert_eq!(w.match_all(4, &[&t]), vec![true, false, true, true]);
        // "c" ends row 0 and "x" starts row 2: no word spans rows.
        assert_eq!(Words::new("cx").match_all(4, &[&t]), vec![false; 4]);
        assert_eq!(Words::new("").match_all(4, &[&t]), vec![true; 4]);
        assert_eq!(t.row(2), b"xab\n");
        assert_eq!(t.row(9), b"");
    }
}
