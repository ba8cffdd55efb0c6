//! Queries. Available on both [`Store`] and [`Writer`], so an operation can read what it
//! is about to change inside its own transaction.

use super::rows::{self, CASE_COLUMNS, EVENT_COLUMNS, QUESTION_COLUMNS};
use super::{Result, Store, StoreError, Writer};
use crate::domain::{Case, CaseFile, Event, Question};
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashMap;
use std::path::Path;

/// The read side, shared by the store and an open transaction.
pub trait Reads {
    fn conn(&self) -> &Connection;
    fn db_path(&self) -> &Path;

    fn sql_err(&self, e: rusqlite::Error) -> StoreError {
        StoreError::from_sqlite(self.db_path(), e)
    }

    fn case(&self, id: i64) -> Result<Option<Case>> {
        let sql = format!(
            "SELECT {CASE_COLUMNS} FROM cases c JOIN authorities a ON a.id = c.authority_id WHERE c.id = ?1"
        );
        let case = self
            .conn()
            .prepare_cached(&sql)
            .and_then(|mut st| st.query_row([id], rows::case).optional())
            .map_err(|e| self.sql_err(e))?;
        match case {
            Some(mut c) => {
                c.tags = self.tags(id)?;
                Ok(Some(c))
            }
            None => Ok(None),
        }
    }

    fn tags(&self, case_id: i64) -> Result<Vec<String>> {
        let mut st = self
            .conn()
            .prepare_cached("SELECT tag FROM case_tags WHERE case_id = ?1 ORDER BY tag")
            .map_err(|e| self.sql_err(e))?;
        let tags = st
            .query_map([case_id], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.sql_err(e))?;
        Ok(tags)
    }

    fn questions(&self, case_id: i64) -> Result<Vec<Question>> {
        let sql = format!(
            "SELECT {QUESTION_COLUMNS} FROM questions WHERE case_id = ?1 ORDER BY position, id"
        );
        let mut st = self
            .conn()
            .prepare_cached(&sql)
            .map_err(|e| self.sql_err(e))?;
        let qs = st
            .query_map([case_id], rows::question)
            .and_then(|rows| rows.collect())
            .map_err(|e| self.sql_err(e))?;
        Ok(qs)
    }

    fn events(&self, case_id: i64) -> Result<Vec<Event>> {
        let sql =
            format!("SELECT {EVENT_COLUMNS} FROM events WHERE case_id = ?1 ORDER BY date, id");
        let mut st = self
            .conn()
            .prepare_cached(&sql)
            .map_err(|e| self.sql_err(e))?;
        let evs: Vec<Option<Event>> = st
            .query_map([case_id], rows::event)
            .and_then(|rows| rows.collect())
            .map_err(|e| self.sql_err(e))?;
        Ok(evs.into_iter().flatten().collect())
    }

    fn case_file(&self, id: i64) -> Result<Option<CaseFile>> {
        let Some(case) = self.case(id)? else {
            return Ok(None);
        };
        Ok(Some(CaseFile {
            case,
            questions: self.questions(id)?,
            events: self.events(id)?,
        }))
    }

    fn question(&self, id: i64) -> Result<Option<Question>> {
        let sql = format!("SELECT {QUESTION_COLUMNS} FROM questions WHERE id = ?1");
        self.conn()
            .query_row(&sql, [id], rows::question)
            .optional()
            .map_err(|e| self.sql_err(e))
    }

    fn event(&self, id: i64) -> Result<Option<Event>> {
        let sql = format!("SELECT {EVENT_COLUMNS} FROM events WHERE id = ?1");
        let ev = self
            .conn()
            .query_row(&sql, [id], rows::event)
            .optional()
            .map_err(|e| self.sql_err(e))?;
        Ok(ev.flatten())
    }

    /// Cases whose authority reference normalises to `key` (see `domain::normalize_ref`).
    fn case_ids_by_ref_key(&self, key: &str) -> Result<Vec<i64>> {
        self.ids(
            "SELECT id FROM cases WHERE their_ref_key = ?1 ORDER BY id",
            key,
        )
    }

    /// Cases with the authority's reference or a reference on one of their events (an
    /// ICO case, a decision notice, an appeal) that normalises to `key`.
    fn case_ids_by_any_ref_key(&self, key: &str) -> Result<Vec<i64>> {
        self.ids(
            "SELECT id FROM cases WHERE their_ref_key = ?1 \
             UNION SELECT case_id FROM events WHERE reference_key = ?1 AND ?1 <> '' ORDER BY 1",
            key,
        )
    }

    /// Cases whose title starts with `prefix`, ignoring ASCII case.
    fn case_ids_by_title_prefix(&self, prefix: &str) -> Result<Vec<i64>> {
        let pattern = format!("{}%", escape_like(prefix));
        self.ids(
            "SELECT id FROM cases WHERE title LIKE ?1 ESCAPE '\\' ORDER BY id",
            &pattern,
        )
    }

    /// Cases sent on `sent` (a draft: `None`) with exactly the title `title`, through
    /// the index on both (an import checks every case it reads against these).
    fn case_ids_by_sent_and_title(
        &self,
        sent: Option<chrono::NaiveDate>,
        title: &str,
    ) -> Result<Vec<i64>> {
        let sent = rows::date_text(sent);
        let mut st = self
            .conn()
            .prepare_cached("SELECT id FROM cases WHERE sent IS ?1 AND title = ?2 ORDER BY id")
            .map_err(|e| self.sql_err(e))?;
        let ids = st
            .query_map(rusqlite::params![sent, title], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.sql_err(e))?;
        Ok(ids)
    }

    fn ids(&self, sql: &str, arg: &str) -> Result<Vec<i64>> {
        let mut st = self
            .conn()
            .prepare_cached(sql)
            .map_err(|e| self.sql_err(e))?;
        let ids = st
            .query_map([arg], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.sql_err(e))?;
        Ok(ids)
    }

    fn authority_by_key(&self, key: &str) -> Result<Option<(i64, String)>> {
        self.conn()
            .prepare_cached("SELECT id, name FROM authorities WHERE name_key = ?1")
            .and_then(|mut st| {
                st.query_row([key], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()
            })
            .map_err(|e| self.sql_err(e))
    }

    /// Every case with its questions and events, in id order: one query per table,
    /// grouped in memory (no query per case).
    fn all_case_files(&self) -> Result<Vec<CaseFile>> {
        let conn = self.conn();
        let err = |e| self.sql_err(e);
        let sql = format!(
            "SELECT {CASE_COLUMNS} FROM cases c JOIN authorities a ON a.id = c.authority_id ORDER BY c.id"
        );
        let mut st = conn.prepare(&sql).map_err(err)?;
        let cases: Vec<Case> = st
            .query_map([], rows::case)
            .and_then(|r| r.collect())
            .map_err(err)?;
        let mut index: HashMap<i64, usize> = HashMap::with_capacity(cases.len());
        let mut files: Vec<CaseFile> = cases
            .into_iter()
            .enumerate()
            .map(|(i, case)| {
                index.insert(case.id, i);
                CaseFile {
                    case,
                    questions: Vec::new(),
                    events: Vec::new(),
                }
            })
            .collect();
        let mut st = conn
            .prepare("SELECT case_id, tag FROM case_tags ORDER BY case_id, tag")
            .map_err(err)?;
        let mut rows = st.query([]).map_err(err)?;
        while let Some(r) = rows.next().map_err(err)? {
            let (id, tag): (i64, String) = (r.get(0).map_err(err)?, r.get(1).map_err(err)?);
            if let Some(&i) = index.get(&id) {
                files[i].case.tags.push(tag);
            }
        }
        let sql =
            format!("SELECT {QUESTION_COLUMNS} FROM questions ORDER BY case_id, position, id");
        let mut st = conn.prepare(&sql).map_err(err)?;
        let mut rows = st.query([]).map_err(err)?;
        while let Some(r) = rows.next().map_err(err)? {
            let q = rows::question(r).map_err(err)?;
            if let Some(&i) = index.get(&q.case_id) {
                files[i].questions.push(q);
            }
        }
        let sql = format!("SELECT {EVENT_COLUMNS} FROM events ORDER BY case_id, date, id");
        let mut st = conn.prepare(&sql).map_err(err)?;
        let mut rows = st.query([]).map_err(err)?;
        while let Some(r) = rows.next().map_err(err)? {
            if let Some(e) = rows::event(r).map_err(err)?
                && let Some(&i) = index.get(&e.case_id)
            {
                files[i].events.push(e);
            }
        }
        Ok(files)
    }

    fn case_count(&self) -> Result<i64> {
        self.conn()
            .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
            .map_err(|e| self.sql_err(e))
    }

    /// Holidays the user added: (division, date, name).
    fn user_holidays(&self) -> Result<Vec<(String, String, String)>> {
        let mut st = self
            .conn()
            .prepare_cached("SELECT division, date, name FROM user_holidays ORDER BY date")
            .map_err(|e| self.sql_err(e))?;
        let rows = st
            .query_map(params![], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.sql_err(e))?;
        Ok(rows)
    }
}

/// `%` and `_` in a user's text are literal characters, not wildcards.
fn escape_like(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

impl Reads for Store {
    fn conn(&self) -> &Connection {
        &self.conn
    }
    fn db_path(&self) -> &Path {
        &self.path
    }
}

impl Reads for Writer<'_> {
    fn conn(&self) -> &Connection {
        &self.tx
    }
    fn db_path(&self) -> &Path {
        self.path
    }
}
