//! Full-text search (SQLite FTS5) over cases, their questions, notes and letters.
//!
//! Layout (migration 2): `case_search`, one FTS5 row per case with `rowid` = case id and
//! one column per kind of text. Triggers on every table that feeds it record the touched
//! case ids in `search_pending`; `Writer::flush_search` rebuilds those rows just before
//! [`super::Store::write`] commits. So every write path — the ones in `writes.rs` today and
//! any added later — keeps the index in step inside its own transaction, and a case is
//! re-indexed once per transaction however many of its rows changed.

use super::{Result, Store, Writer, reads::Reads};
use rusqlite::params;

/// Marks around a hit in a snippet (Unicode private use: never typed, never in letters).
pub const HIT_START: char = '\u{E000}';
pub const HIT_END: char = '\u{E001}';

/// Column weights for bm25, in column order: a word in the title or the authority's name
/// counts for more than the same word deep in a letter.
const BM25: &str = "bm25(case_search, 10.0, 6.0, 6.0, 4.0, 1.0, 2.0, 2.0, 1.0)";

/// The statement that indexes cases for the search, as the migration first built it,
/// without its `WHERE` (which says which cases).
macro_rules! index_cases {
    () => {
        "INSERT INTO case_search (rowid, title, authority, refs, tags, request, questions, notes, letters)
    SELECT c.id, c.title, a.name,
        trim(coalesce(c.their_ref, '') || ' ' || coalesce(c.my_ref, '') || ' ' ||
            coalesce((SELECT group_concat(e.reference, ' ') FROM events e
                      WHERE e.case_id = c.id AND e.reference IS NOT NULL), '')),
        (SELECT group_concat(t.tag, ' ') FROM case_tags t WHERE t.case_id = c.id),
        c.request_text,
        (SELECT group_concat(q.label || ': ' || q.text || coalesce(char(10) || q.note, ''), char(10))
            FROM questions q WHERE q.case_id = c.id),
        trim(coalesce(c.notes, '') || char(10) ||
            coalesce((SELECT group_concat(e.note, char(10)) FROM events e
                      WHERE e.case_id = c.id AND e.note IS NOT NULL), ''), char(10)),
        (SELECT group_concat(e.letter, char(10) || char(10)) FROM events e
            WHERE e.case_id = c.id AND e.letter IS NOT NULL)
    FROM cases c JOIN authorities a ON a.id = c.authority_id"
    };
}

/// The text of the cases in `search_pending`, re-indexed.
const REINDEX_PENDING: &str = concat!(
    "DELETE FROM case_search WHERE rowid IN (SELECT case_id FROM search_pending);\n",
    index_cases!(),
    "\n    WHERE c.id IN (SELECT case_id FROM search_pending);
    DELETE FROM search_pending;"
);

/// The cases with an id above `?1` (all new: a bulk write's), indexed in one pass over
/// them; a search entry or digest left above that id (none is expected) is replaced.
pub(super) const INDEX_CASES_AFTER: &str = concat!(index_cases!(), "\n    WHERE c.id > ?1");
pub(super) const DIGEST_CASES_AFTER: [&str; 2] = [
    "INSERT INTO case_digest SELECT * FROM case_digest_source WHERE case_id > ?1",
    "INSERT INTO list_keys SELECT * FROM list_keys_source WHERE case_id > ?1",
];
pub(super) const CLEAR_CASES_AFTER: &str = "DELETE FROM case_search WHERE rowid > ?1";
pub(super) const CLEAR_KEYS_AFTER: [&str; 2] = [
    "DELETE FROM case_digest WHERE case_id > ?1",
    "DELETE FROM list_keys WHERE case_id > ?1",
];

/// The timeline digests (migration 3) and the list's keys (`list_keys`) of the cases in
/// `search_pending`, rebuilt; a deleted case's go. Run before [`REINDEX_PENDING`], which
/// empties the list.
const DIGEST_PENDING: &str = "
    DELETE FROM case_digest WHERE case_id IN (SELECT case_id FROM search_pending);
    INSERT INTO case_digest
        SELECT * FROM case_digest_source WHERE case_id IN (SELECT case_id FROM search_pending);
    DELETE FROM list_keys WHERE case_id IN (SELECT case_id FROM search_pending);
    INSERT INTO list_keys
        SELECT * FROM list_keys_source WHERE case_id IN (SELECT case_id FROM search_pending);
";

/// The digests and search entries of the cases in `search_pending`, rebuilt (nothing to
/// do when none is).
pub(super) fn flush_pending(tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute_batch(DIGEST_PENDING)?;
    tx.execute_batch(REINDEX_PENDING)
}

/// One case found by a search.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SearchRow {
    pub case_id: i64,
    pub title: String,
    pub authority: String,
    pub their_ref: Option<String>,
    /// A short extract with each hit between [`HIT_START`] and [`HIT_END`].
    pub snippet: String,
    /// bm25 score: lower is better.
    pub rank: f64,
}

impl Writer<'_> {
    /// Re-index the cases this transaction touched, and rebuild their timeline digests
    /// (called by `Store::write` before commit). Returns their ids.
    pub(super) fn flush_search(&self) -> Result<Vec<i64>> {
        let pending: Vec<i64> = self
            .tx
            .prepare_cached("SELECT case_id FROM search_pending")
            .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect())
            .map_err(|e| self.sql_err(e))?;
        if !pending.is_empty() {
            flush_pending(&self.tx).map_err(|e| self.sql_err(e))?;
        }
        Ok(pending)
    }

    /// Rebuild the whole index and every digest (a repair; the triggers normally keep
    /// them in step).
    pub fn rebuild_search_index(&self) -> Result<()> {
        self.tx
            .execute_batch(
                "INSERT OR IGNORE INTO search_pending (case_id) SELECT rowid FROM case_search;
                 INSERT OR IGNORE INTO search_pending (case_id) SELECT id FROM cases;",
            )
            .map_err(|e| self.sql_err(e))?;
        self.flush_search().map(|_| ())
    }
}

impl Store {
    /// Cases matching `fts_query` (FTS5 query syntax, already built safely by the caller),
    /// best first, at most `limit`.
    pub fn search(&self, fts_query: &str, limit: usize) -> Result<Vec<SearchRow>> {
        let sql = format!(
            "SELECT c.id, c.title, a.name, c.their_ref, \
                    snippet(case_search, -1, char(57344), char(57345), '…', 16), {BM25} AS rank \
             FROM case_search \
             JOIN cases c ON c.id = case_search.rowid \
             JOIN authorities a ON a.id = c.authority_id \
             WHERE case_search MATCH ?1 \
             ORDER BY rank, c.id \
             LIMIT ?2"
        );
        let mut st = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = st
            .query_map(params![fts_query, limit], |r| {
                Ok(SearchRow {
                    case_id: r.get(0)?,
                    title: r.get(1)?,
                    authority: r.get(2)?,
                    their_ref: r.get(3)?,
                    snippet: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
                    rank: r.get(5)?,
                })
            })
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        Ok(rows)
    }

    /// How many cases the index holds (for checks and tests).
    pub fn search_index_len(&self) -> Result<i64> {
        self.conn
            .query_row("SELECT count(*) FROM case_search", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Case, Event, EventKind, Question};
    use chrono::NaiveDate;

    fn case(title: &str) -> Case {
        Case {
            title: title.into(),
            authority: "Department for Work and Pensions".into(),
            their_ref: Some("FoI 471".into()),
            ..Case::default()
        }
    }

    fn ids(store: &Store, q: &str) -> Vec<i64> {
        store
            .search(q, 50)
            .unwrap()
            .into_iter()
            .map(|r| r.case_id)
            .collect()
    }

    #[test]
    fn every_write_keeps_the_index_in_step() {
        let mut s = Store::open_in_memory().unwrap();
        let id = s
            .write(|w| w.insert_case(&case("Bridge inspections")))
            .unwrap();
        assert_eq!(ids(&s, "bridge"), vec![id]);
        assert_eq!(ids(&s, "pensions"), vec![id]);
        assert_eq!(ids(&s, "\"471\""), vec![id]);

        // Question insert, update, delete.
        let qid = s
            .write(|w| {
                w.insert_question(&Question {
                    case_id: id,
                    label: "Request 1".into(),
                    text: "Girders and rivets".into(),
                    ..Question::default()
                })
            })
            .unwrap();
        assert_eq!(ids(&s, "rivets"), vec![id]);
        s.write(|w| {
            let mut q = w.question(qid)?.unwrap();
            q.note = Some("Answered about welding".into());
            q.text = "Girders only".into();
            w.update_question(&q)
        })
        .unwrap();
        assert!(ids(&s, "rivets").is_empty());
        assert_eq!(ids(&s, "welding"), vec![id]);
        s.write(|w| w.delete_question(qid)).unwrap();
        assert!(ids(&s, "welding").is_empty());

        // Event with a letter: insert, update, delete.
        let eid = s
            .write(|w| {
                w.insert_event(&Event {
                    id: 0,
                    case_id: id,
                    kind: EventKind::Response,
                    date: NaiveDate::from_ymd_opt(2018, 2, 27).unwrap(),
                    note: Some("by email".into()),
                    window: None,
                    until: None,
                    letter: Some("Write to Caxton House".into()),
                    reference: None,
                })
            })
            .unwrap();
        assert_eq!(ids(&s, "caxton"), vec![id]);
        s.write(|w| {
            let mut e = w.event(eid)?.unwrap();
            e.letter = Some("Write to Wycliffe House".into());
            w.update_event(&e)
        })
        .unwrap();
        assert!(ids(&s, "caxton").is_empty());
        assert_eq!(ids(&s, "wycliffe"), vec![id]);

        // Case update: title, authority (a new authority row), tags.
        s.write(|w| {
            let mut c = w.case(id)?.unwrap();
            c.title = "Viaduct inspections".into();
            c.authority = "Network Rail".into();
            c.tags = vec!["railways".into()];
            w.update_case(&c)
        })
        .unwrap();
        assert!(ids(&s, "bridge").is_empty());
        assert!(ids(&s, "pensions").is_empty());
        assert_eq!(ids(&s, "viaduct"), vec![id]);
        assert_eq!(ids(&s, "network rail"), vec![id]);
        assert_eq!(ids(&s, "railways"), vec![id]);

        // Delete, then restore the file as it was (undo).
        let file = s.case_file(id).unwrap().unwrap();
        s.write(|w| w.delete_case(id)).unwrap();
        assert!(ids(&s, "wycliffe").is_empty());
        assert_eq!(s.search_index_len().unwrap(), 0);
        s.write(|w| w.restore_case_file(&file)).unwrap();
        assert_eq!(ids(&s, "wycliffe"), vec![id]);
        assert_eq!(s.search_index_len().unwrap(), 1);

        s.write(|w| w.delete_event(eid)).unwrap();
        assert!(ids(&s, "wycliffe").is_empty());
    }

    #[test]
    fn a_rolled_back_write_leaves_the_index_alone() {
        let mut s = Store::open_in_memory().unwrap();
        let r: std::result::Result<i64, crate::store::StoreError> = s.write(|w| {
            w.insert_case(&case("Ghost case"))?;
            Err(w.bad_data("abort"))
        });
        assert!(r.is_err());
        assert!(ids(&s, "ghost").is_empty());
        assert_eq!(s.search_index_len().unwrap(), 0);
    }

    #[test]
    fn snippets_mark_hits() {
        let mut s = Store::open_in_memory().unwrap();
        s.write(|w| w.insert_case(&case("Bridge inspections")))
            .unwrap();
        let rows = s.search("\"inspect\"*", 5).unwrap();
        assert_eq!(rows.len(), 1);
        assert!(
            rows[0]
                .snippet
                .contains(&format!("{HIT_START}inspections{HIT_END}")),
            "{:?}",
            rows[0].snippet
        );
    }

    #[test]
    fn rebuild_matches_what_the_triggers_keep() {
        let mut s = Store::open_in_memory().unwrap();
        for t in ["One", "Two", "Three"] {
            s.write(|w| w.insert_case(&case(t))).unwrap();
        }
        let before = dump(&s);
        s.write(|w| w.rebuild_search_index()).unwrap();
        assert_eq!(dump(&s), before);
    }

    pub(crate) fn dump(s: &Store) -> Vec<Vec<Option<String>>> {
        let mut st = s
            .conn
            .prepare(
                "SELECT rowid, title, authority, refs, tags, request, questions, notes, letters \
                 FROM case_search ORDER BY rowid",
            )
            .unwrap();
        st.query_map([], |r| {
            (0..9)
                .map(|i| {
                    r.get::<_, rusqlite::types::Value>(i).map(|v| match v {
                        rusqlite::types::Value::Null => None,
                        rusqlite::types::Value::Integer(n) => Some(n.to_string()),
                        rusqlite::types::Value::Text(t) => Some(t),
                        other => Some(format!("{other:?}")),
                    })
                })
                .collect()
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
    }
}

#[cfg(test)]
mod migration_tests {
    use super::tests::dump;
    use crate::store::Store;
    use crate::store::schema::{APPLICATION_ID, MIGRATIONS};

    /// A casebook written before search existed gets an index of everything on upgrade,
    /// the same index the triggers would have built.
    #[test]
    fn upgrading_a_v1_file_indexes_what_it_holds() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        {
            let c = rusqlite::Connection::open(&path).unwrap();
            c.execute_batch(MIGRATIONS[0]).unwrap();
            c.pragma_update(None, "user_version", 1).unwrap();
            c.pragma_update(None, "application_id", APPLICATION_ID)
                .unwrap();
            c.execute_batch(
                "INSERT INTO authorities (id, name, name_key) VALUES (1, 'Glasgow City Council', 'glasgow city council');
                 INSERT INTO cases (id, title, authority_id, regime, their_ref, my_ref, request_text, notes, created_at, updated_at)
                   VALUES (7, 'Bridge inspections', 1, 'foisa', 'FOI-1234', 'mine-7', 'All reports', 'keep chasing', 'x', 'x');
                 INSERT INTO cases (id, title, authority_id, regime, created_at, updated_at)
                   VALUES (8, 'Bare case', 1, 'foisa', 'x', 'x');
                 INSERT INTO case_tags VALUES (7, 'bridges'), (7, 'roads');
                 INSERT INTO questions (case_id, position, label, text, outcome, note) VALUES (7, 1, '1(a)', 'Inspection reports', 'withheld', 'cited 33(1)(b)');
                 INSERT INTO events (case_id, kind, date, note, letter) VALUES (7, 'response', '2018-02-01', 'late', 'Letter from Cathedral Street');",
            )
            .unwrap();
        }
        let mut s = Store::open(&path).unwrap();
        assert!(s.migrated_backup.is_some());
        assert_eq!(s.search_index_len().unwrap(), 2);
        let hits = s.search("\"cathedral\"*", 10).unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].case_id, 7);
        let migrated = dump(&s);
        s.write(|w| w.rebuild_search_index()).unwrap();
        assert_eq!(dump(&s), migrated);
        assert_eq!(s.casebook_id().unwrap().len(), 16);
    }
}
