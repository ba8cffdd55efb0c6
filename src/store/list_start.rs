//! The case list's first screen without reading every case: migration 9's `list_keys`
//! say which cases are open and the earliest date each holds, so the open cases can be
//! read one at a time in that order until the caller has the rows it shows (no deadline
//! falls before a case's earliest date), and the open and closed cases counted from an
//! index instead of 100,000 timelines.
//!
//! The keys are never trusted for a case another program wrote since they were made (it
//! is still listed in `search_pending`): such a case is read from its tables first, and
//! the caller works out its status itself. When the keys and the cases disagree on how
//! many cases there are, or too many cases were written that way, there is no shortcut:
//! the caller loads every case.

use super::decode::{day, opt_bytes};
use super::digest::{DIGEST_SQL, Digests};
use super::list_rows::{
    Cursor, EVENTS_SQL, ListRecord, TAGS_SQL, authority_names, cases_sql, light_event, tag_row,
};
use super::reads::Reads;
use super::rows;
use super::{Result, Store};
use chrono::NaiveDate;
use rusqlite::{CachedStatement, Connection};
use std::collections::{HashMap, HashSet};
use std::ops::ControlFlow;
use std::sync::Arc;

/// Past this many cases written by another program (whose keys cannot be trusted) the
/// shortcut reads too much to be one: the caller loads every case instead.
const MAX_REWRITTEN: usize = 2_000;

/// What [`Store::read_list_start`] shows its caller, in this order.
pub enum StartStep<'a> {
    /// A case written by another program since its keys were made, read from its
    /// tables: open or not, it counts. Every such case comes first.
    Rewritten(&'a mut ListRecord),
    /// The next open case holds no date before this one (`None`: not known, or no date
    /// at all). `Break` stops the reading here.
    Next(Option<NaiveDate>),
    /// That case, which its keys say is open.
    Open(&'a mut ListRecord),
}

/// The cases counted from their keys (the rewritten ones apart), as the keys say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyCounts {
    pub open: i64,
    pub closed: i64,
}

/// Where the open cases' rows come from, one case at a time.
struct OneCase<'c> {
    names: HashMap<i64, Arc<str>>,
    cases: CachedStatement<'c>,
    digests: CachedStatement<'c>,
    events: CachedStatement<'c>,
    tags: CachedStatement<'c>,
}

impl<'c> OneCase<'c> {
    fn new(conn: &'c Connection) -> rusqlite::Result<Self> {
        Ok(OneCase {
            names: authority_names(conn)?,
            cases: conn.prepare_cached(&cases_sql())?,
            digests: conn.prepare_cached(DIGEST_SQL)?,
            events: conn.prepare_cached(EVENTS_SQL)?,
            tags: conn.prepare_cached(TAGS_SQL)?,
        })
    }

    /// Case `id` into `row`, as the full load reads it (its digest when `digest_ok`,
    /// else its tables); false when there is no such case or its authority is missing
    /// (the list leaves such a case out).
    fn read(&mut self, id: i64, digest_ok: bool, row: &mut ListRecord) -> rusqlite::Result<bool> {
        {
            let mut found = self.cases.query([id, id])?;
            let Some(r) = found.next()? else {
                return Ok(false);
            };
            row.case = rows::case(r)?;
        }
        let Some(name) = self.names.get(&row.case.authority_id) else {
            return Ok(false);
        };
        row.authority = Arc::clone(name);
        row.events.clear();
        row.outcomes.clear();
        let (timeline, tagged) = if digest_ok {
            Digests::new(&mut self.digests, id, id, HashSet::new())?.take(
                id,
                &mut row.events,
                &mut row.case.tags,
            )?
        } else {
            (false, false)
        };
        if !timeline {
            Cursor::new(&mut self.events, id, id, light_event)?.take(id, &mut row.events)?;
        }
        if !tagged {
            Cursor::new(&mut self.tags, id, id, tag_row)?.take(id, &mut row.case.tags)?;
        }
        Ok(true)
    }
}

/// Counted from the keys of the cases not rewritten; `None` when they do not account for
/// exactly the cases not rewritten (a case with no key). Whole counts of a table or an
/// index range, minus the few rewritten: a count that probes another table for each of
/// 100,000 rows took 10 ms.
fn key_counts(conn: &Connection) -> rusqlite::Result<Option<KeyCounts>> {
    let count = |sql: &str| -> rusqlite::Result<i64> {
        conn.prepare_cached(sql)?.query_row([], |r| r.get(0))
    };
    let cases = count("SELECT count(*) FROM cases")?
        - count("SELECT count(*) FROM cases WHERE id IN (SELECT case_id FROM search_pending)")?;
    let keys = count("SELECT count(*) FROM list_keys")?
        - count(
            "SELECT count(*) FROM list_keys WHERE case_id IN (SELECT case_id FROM search_pending)",
        )?;
    let closed = count("SELECT count(*) FROM list_keys WHERE open = 0")?
        - count(
            "SELECT count(*) FROM list_keys \
             WHERE open = 0 AND case_id IN (SELECT case_id FROM search_pending)",
        )?;
    Ok((cases == keys).then_some(KeyCounts {
        open: keys - closed,
        closed,
    }))
}

fn read_list_start(
    conn: &Connection,
    visit: &mut dyn FnMut(StartStep<'_>) -> ControlFlow<()>,
) -> rusqlite::Result<Option<KeyCounts>> {
    // One read transaction: the keys, the pending list and the cases agree.
    let _snapshot = conn.unchecked_transaction()?;
    let rewritten: Vec<i64> = conn
        .prepare_cached("SELECT case_id FROM search_pending ORDER BY case_id")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if rewritten.len() > MAX_REWRITTEN {
        return Ok(None);
    }
    let Some(counts) = key_counts(conn)? else {
        return Ok(None);
    };
    let mut one = OneCase::new(conn)?;
    let mut row = ListRecord {
        authority: Arc::from(""),
        case: Default::default(),
        events: Vec::with_capacity(16),
        outcomes: Vec::new(),
    };
    for &id in &rewritten {
        if one.read(id, false, &mut row)? {
            let _ = visit(StartStep::Rewritten(&mut row));
        }
    }
    // Open cases by the earliest date they hold; those without one (unknown) first.
    let mut keyed = conn.prepare_cached(
        "SELECT case_id, earliest FROM list_keys INDEXED BY list_keys_by_open \
         WHERE open = 1 ORDER BY earliest, case_id",
    )?;
    let mut keys = keyed.query([])?;
    while let Some(r) = keys.next()? {
        let id: i64 = r.get(0)?;
        if rewritten.binary_search(&id).is_ok() {
            continue;
        }
        let earliest = opt_bytes(r, 1)?.and_then(day);
        if visit(StartStep::Next(earliest)).is_break() {
            break;
        }
        if one.read(id, true, &mut row)? {
            let _ = visit(StartStep::Open(&mut row));
        }
    }
    Ok(Some(counts))
}

impl Store {
    /// Read the case list's first screen as the module comment says: each case written
    /// by another program, then the open cases by their earliest date until `visit`
    /// breaks, each through `visit`. Returns the counts from the keys, or `None` (having
    /// shown nothing) when the keys cannot be used: load every case instead.
    pub fn read_list_start(
        &self,
        mut visit: impl FnMut(StartStep<'_>) -> ControlFlow<()>,
    ) -> Result<Option<KeyCounts>> {
        read_list_start(&self.conn, &mut visit).map_err(|e| self.sql_err(e))
    }
}
