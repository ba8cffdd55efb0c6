//! The light load behind the case list, the agenda and the TUI at scale: every case
//! without its long texts, every timeline without notes or letters, every question's
//! outcome without its text. The big tables are read through covering indexes, and on a
//! file the timelines load on a second connection in parallel.

use super::reads::Reads;
use super::rows::{self, CASE_COLUMNS};
use super::{Result, Store, StoreError};
use crate::domain::{Case, Event, Outcome};
use rusqlite::{Connection, OpenFlags};
use std::collections::HashMap;
use std::path::Path;

/// One case as the list needs it.
#[derive(Debug, Clone)]
pub struct CaseRowData {
    /// Without `text` and `notes`.
    pub case: Case,
    /// In timeline order, without `note` and `letter`.
    pub events: Vec<Event>,
    /// In question order.
    pub outcomes: Vec<Outcome>,
}

/// A read-only connection to the same file, for loads on another thread.
fn reader(path: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| StoreError::from_sqlite(path, e))?;
    conn.busy_timeout(std::time::Duration::from_secs(5))
        .map_err(|e| StoreError::from_sqlite(path, e))?;
    Ok(conn)
}

/// Every timeline, grouped by case id.
fn load_events(conn: &Connection, path: &Path) -> Result<HashMap<i64, Vec<Event>>> {
    let err = |e| StoreError::from_sqlite(path, e);
    let mut st = conn
        .prepare(
            "SELECT id, case_id, kind, date, NULL, window, until, NULL FROM events \
             INDEXED BY events_by_case ORDER BY case_id, date, id",
        )
        .map_err(err)?;
    let mut rows = st.query([]).map_err(err)?;
    let mut out: HashMap<i64, Vec<Event>> = HashMap::new();
    while let Some(r) = rows.next().map_err(err)? {
        if let Some(e) = rows::event(r).map_err(err)? {
            out.entry(e.case_id).or_default().push(e);
        }
    }
    Ok(out)
}

impl Store {
    /// Every case, light, in id order (see the module comment).
    pub fn case_rows(&self) -> Result<Vec<CaseRowData>> {
        let on_file = self.path.as_os_str() != ":memory:";
        let path = self.path.clone();
        // Timelines on a second core while this thread reads cases and outcomes.
        let events_job = on_file.then(|| {
            std::thread::spawn(move || -> Result<HashMap<i64, Vec<Event>>> {
                let conn = reader(&path)?;
                load_events(&conn, &path)
            })
        });
        let mut rows = self.light_cases()?;
        let outcomes = self.outcomes_by_case()?;
        let mut events = match events_job {
            Some(job) => job.join().map_err(|_| StoreError::BadData {
                path: self.path.clone(),
                detail: "the timeline loader stopped unexpectedly".into(),
            })??,
            None => load_events(&self.conn, &self.path)?,
        };
        let mut outcomes = outcomes;
        for r in &mut rows {
            r.events = events.remove(&r.case.id).unwrap_or_default();
            r.outcomes = outcomes.remove(&r.case.id).unwrap_or_default();
        }
        Ok(rows)
    }

    fn light_cases(&self) -> Result<Vec<CaseRowData>> {
        let err = |e| self.sql_err(e);
        // The long texts are left out: the list never shows them.
        let columns = CASE_COLUMNS
            .replace("c.request_text", "NULL")
            .replace("c.notes", "NULL");
        let sql = format!(
            "SELECT {columns} FROM cases c JOIN authorities a ON a.id = c.authority_id ORDER BY c.id"
        );
        let mut st = self.conn.prepare(&sql).map_err(err)?;
        let mut rows: Vec<CaseRowData> = st
            .query_map([], rows::case)
            .and_then(|r| {
                r.map(|c| {
                    c.map(|case| CaseRowData {
                        case,
                        events: Vec::new(),
                        outcomes: Vec::new(),
                    })
                })
                .collect()
            })
            .map_err(err)?;
        let index: HashMap<i64, usize> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r.case.id, i))
            .collect();
        let mut st = self
            .conn
            .prepare("SELECT case_id, tag FROM case_tags ORDER BY case_id, tag")
            .map_err(err)?;
        let mut q = st.query([]).map_err(err)?;
        while let Some(r) = q.next().map_err(err)? {
            let id: i64 = r.get(0).map_err(err)?;
            if let Some(&i) = index.get(&id) {
                rows[i].case.tags.push(r.get(1).map_err(err)?);
            }
        }
        Ok(rows)
    }

    fn outcomes_by_case(&self) -> Result<HashMap<i64, Vec<Outcome>>> {
        let err = |e| self.sql_err(e);
        let mut st = self
            .conn
            .prepare("SELECT case_id, outcome FROM questions INDEXED BY questions_by_case ORDER BY case_id, position")
            .map_err(err)?;
        let mut q = st.query([]).map_err(err)?;
        let mut out: HashMap<i64, Vec<Outcome>> = HashMap::new();
        while let Some(r) = q.next().map_err(err)? {
            let id: i64 = r.get(0).map_err(err)?;
            let o: String = r.get(1).map_err(err)?;
            out.entry(id)
                .or_default()
                .push(o.parse().unwrap_or_default());
        }
        Ok(out)
    }

    /// For each case, its questions' labels and texts in lower case, one string per case:
    /// what the list's filter searches besides the case's own fields. Slow-ish (every
    /// question's text), so the TUI loads it after its first frame, on another thread,
    /// through [`Store::open_reader`].
    pub fn question_haystacks(&self) -> Result<HashMap<i64, String>> {
        let err = |e| self.sql_err(e);
        let mut st = self
            .conn
            .prepare("SELECT case_id, label, text FROM questions ORDER BY case_id")
            .map_err(err)?;
        let mut q = st.query([]).map_err(err)?;
        let mut out: HashMap<i64, String> = HashMap::new();
        while let Some(r) = q.next().map_err(err)? {
            let id: i64 = r.get(0).map_err(err)?;
            let hay = out.entry(id).or_default();
            for col in [1, 2] {
                let v = r.get_ref(col).map_err(err)?;
                if let Ok(s) = v.as_str() {
                    hay.push_str(&s.to_lowercase());
                    hay.push('\n');
                }
            }
        }
        Ok(out)
    }

    /// Another connection to the same casebook, read-only, for a background thread.
    /// `None` for an in-memory casebook, which no other connection can see.
    pub fn open_reader(&self) -> Result<Option<Store>> {
        if self.path.as_os_str() == ":memory:" {
            return Ok(None);
        }
        Ok(Some(Store {
            conn: reader(&self.path)?,
            path: self.path.clone(),
            migrated_backup: None,
        }))
    }
}
