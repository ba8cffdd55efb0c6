//! Every case in full, streamed in id order: what `export` and `stats` walk through.
//!
//! The four tables are read by four cursors stepped together (each ordered by case id;
//! the list's cursors, from `list_rows`), so one case is complete as soon as the cursors
//! pass its id and is handed on at once: memory holds one case, not 100,000. One read transaction keeps the tables in
//! agreement for the whole walk.

use super::list_rows::Cursor;
use super::reads::Reads;
use super::rows::{self, CASE_COLUMNS, EVENT_COLUMNS, QUESTION_COLUMNS};
use super::{Store, StoreError};
use crate::domain::{CaseFile, Event, Question};
use rusqlite::Row;

/// The case columns without the request text and the notes (read as NULL).
const CASE_COLUMNS_SHORT: &str = "c.id, c.title, c.authority_id, a.name, c.regime, c.their_ref, c.my_ref, \
     c.channel, c.url, c.sent, c.received, NULL, NULL, c.created_at, c.updated_at, \
     c.batch_id, (SELECT b.title FROM batches b WHERE b.id = c.batch_id)";

/// The question columns without the question's text (read as empty) and note.
const QUESTION_COLUMNS_SHORT: &str =
    "id, case_id, position, label, '', outcome, exemptions, NULL, challenge";

/// The event columns without the attached letter (read as NULL).
const EVENT_COLUMNS_SHORT: &str = "id, case_id, kind, date, note, window, until, NULL, reference";

/// Which texts each streamed case carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Texts {
    /// Everything, as `show` and `export` need.
    All,
    /// Without the request text, the case's notes, the questions' texts and notes and
    /// the attached letters (the bulk of a casebook), for figures that never read them.
    Short,
}

fn tag_row(r: &Row<'_>) -> rusqlite::Result<Option<(i64, String)>> {
    Ok(Some((r.get(0)?, r.get(1)?)))
}

fn question_row(r: &Row<'_>) -> rusqlite::Result<Option<(i64, Question)>> {
    let q = rows::question(r)?;
    Ok(Some((q.case_id, q)))
}

fn event_row(r: &Row<'_>) -> rusqlite::Result<Option<(i64, Event)>> {
    Ok(rows::event(r)?.map(|e| (e.case_id, e)))
}

impl Store {
    /// Every case with its tags, questions and events, in id order, each passed to
    /// `each` as soon as it is read; `total` is told first how many there will be. The
    /// cases are those [`Reads::all_case_files`] returns, in the same order with the same
    /// contents (less the texts left out by [`Texts::Short`]). An error from either
    /// closure stops the walk and is returned.
    pub fn each_case_file<E: From<StoreError>>(
        &self,
        texts: Texts,
        total: impl FnOnce(usize) -> Result<(), E>,
        mut each: impl FnMut(CaseFile) -> Result<(), E>,
    ) -> Result<(), E> {
        let err = |e| E::from(self.sql_err(e));
        let conn = &self.conn;
        let (case_cols, question_cols, event_cols) = match texts {
            Texts::All => (CASE_COLUMNS, QUESTION_COLUMNS, EVENT_COLUMNS),
            Texts::Short => (
                CASE_COLUMNS_SHORT,
                QUESTION_COLUMNS_SHORT,
                EVENT_COLUMNS_SHORT,
            ),
        };
        // One snapshot for the count and the four cursors.
        let _snapshot = conn.unchecked_transaction().map_err(err)?;
        let joined = "FROM cases c JOIN authorities a ON a.id = c.authority_id";
        let count: i64 = conn
            .query_row(&format!("SELECT count(*) {joined}"), [], |r| r.get(0))
            .map_err(err)?;
        total(usize::try_from(count).unwrap_or(0))?;
        let mut cases_st = conn
            .prepare(&format!("SELECT {case_cols} {joined} ORDER BY c.id"))
            .map_err(err)?;
        // Every id: the cursors are those of the list's load, which reads id ranges.
        let all = (i64::MIN, i64::MAX);
        let mut tags_st = conn
            .prepare(
                "SELECT case_id, tag FROM case_tags WHERE case_id BETWEEN ?1 AND ?2 \
                 ORDER BY case_id, tag",
            )
            .map_err(err)?;
        let mut questions_st = conn
            .prepare(&format!(
                "SELECT {question_cols} FROM questions WHERE case_id BETWEEN ?1 AND ?2 \
                 ORDER BY case_id, position, id"
            ))
            .map_err(err)?;
        let mut events_st = conn
            .prepare(&format!(
                "SELECT {event_cols} FROM events WHERE case_id BETWEEN ?1 AND ?2 \
                 ORDER BY case_id, date, id"
            ))
            .map_err(err)?;
        let mut tags = Cursor::new(&mut tags_st, all.0, all.1, tag_row).map_err(err)?;
        let mut questions =
            Cursor::new(&mut questions_st, all.0, all.1, question_row).map_err(err)?;
        let mut events = Cursor::new(&mut events_st, all.0, all.1, event_row).map_err(err)?;
        let mut cases = cases_st.query([]).map_err(err)?;
        while let Some(r) = cases.next().map_err(err)? {
            let mut file = CaseFile {
                case: rows::case(r).map_err(err)?,
                questions: Vec::new(),
                events: Vec::new(),
            };
            let id = file.case.id;
            tags.take(id, &mut file.case.tags).map_err(err)?;
            questions.take(id, &mut file.questions).map_err(err)?;
            events.take(id, &mut file.events).map_err(err)?;
            each(file)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Texts;
    use crate::store::{Reads, Store, StoreError};

    /// Three cases; the middle one has no questions, events or tags, so a cursor that
    /// handed rows to the wrong case would show.
    fn store() -> Store {
        let s = Store::open_in_memory().expect("store");
        // Foreign keys off for a question whose case is gone (case 7), which the walk skips.
        let sql = "
            PRAGMA foreign_keys = OFF;
            INSERT INTO authorities (id, name, name_key) VALUES (1, 'A', 'a'), (2, 'B', 'b');
            INSERT INTO cases (id, title, authority_id, regime, request_text, notes, created_at, updated_at)
              VALUES (1, 'one', 1, 'foia', 'req 1', 'n 1', 't', 't'),
                     (5, 'five', 2, 'eir', NULL, NULL, 't', 't'),
                     (9, 'nine', 1, 'foia', 'req 9', NULL, 't', 't');
            INSERT INTO case_tags (case_id, tag) VALUES (9, 'z'), (1, 'b'), (9, 'a'), (1, 'a');
            INSERT INTO questions (id, case_id, position, label, text, outcome)
              VALUES (10, 9, 2, 'Q2', 'x', 'pending'), (11, 1, 1, 'Q1', 'y', 'answered'),
                     (12, 9, 1, 'Q1', 'z', 'not-held'), (13, 7, 1, 'gone', '', 'pending');
            INSERT INTO events (id, case_id, kind, date, note, letter)
              VALUES (20, 9, 'response', '2024-02-01', 'upheld', 'Dear'),
                     (21, 9, 'sent', '2024-01-01', NULL, NULL),
                     (22, 1, 'sent', '2023-05-05', NULL, NULL),
                     (23, 1, 'no-such-kind', '2023-05-06', NULL, NULL);
        ";
        s.conn.execute_batch(sql).expect("rows");
        s
    }

    fn streamed(s: &Store, texts: Texts) -> (usize, Vec<crate::domain::CaseFile>) {
        let mut total = 0;
        let mut out = Vec::new();
        s.each_case_file::<StoreError>(
            texts,
            |n| {
                total = n;
                Ok(())
            },
            |f| {
                out.push(f);
                Ok(())
            },
        )
        .expect("walk");
        (total, out)
    }

    #[test]
    fn the_walk_gives_what_the_whole_load_gives() {
        let s = store();
        let (total, files) = streamed(&s, Texts::All);
        let whole = s.all_case_files().expect("load");
        assert_eq!(total, 3);
        assert_eq!(format!("{files:?}"), format!("{whole:?}"));
        assert_eq!(files[2].case.tags, ["a", "z"]);
        assert_eq!(
            files[2].questions.iter().map(|q| q.id).collect::<Vec<_>>(),
            [12, 10]
        );
        assert_eq!(
            files[2].events.iter().map(|e| e.id).collect::<Vec<_>>(),
            [21, 20]
        );
        assert!(files[1].questions.is_empty() && files[1].events.is_empty());
    }

    #[test]
    fn the_short_walk_leaves_out_only_the_long_texts() {
        let s = store();
        let (_, files) = streamed(&s, Texts::Short);
        let mut whole = s.all_case_files().expect("load");
        for f in &mut whole {
            f.case.text = None;
            f.case.notes = None;
            for q in &mut f.questions {
                q.text.clear();
                q.note = None;
            }
            for e in &mut f.events {
                e.letter = None;
            }
        }
        assert_eq!(format!("{files:?}"), format!("{whole:?}"));
        assert_eq!(files[2].events[1].note.as_deref(), Some("upheld"));
        assert_eq!(
            files[0].questions[0].outcome,
            crate::domain::Outcome::Answered
        );
    }

    #[test]
    fn an_error_from_the_caller_stops_the_walk() {
        let s = store();
        let mut seen = 0;
        let r = s.each_case_file::<StoreError>(
            Texts::All,
            |_| Ok(()),
            |_| {
                seen += 1;
                Err(StoreError::BadData {
                    path: "x".into(),
                    detail: "stop".into(),
                })
            },
        );
        assert!(r.is_err());
        assert_eq!(seen, 1);
    }
}
