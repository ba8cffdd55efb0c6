//! The light load behind the case list, the agenda and the TUI at scale: every case
//! without its long texts, every timeline without notes or letters, every question's
//! outcome without its text.
//!
//! How it stays fast at 100,000 cases (see BENCHMARKS.md for the figures):
//! - each case's timeline and tags come from its row of `case_digest` (one row per case,
//!   rebuilt by every write: see migration 3), not from the ~5 events and the tags
//!   behind it; a case whose digest is missing, marked unusable or pending (touched by
//!   another program since) is read from the tables instead;
//! - the tables are read in case order (covering indexes where not the digest) and
//!   joined to the cases by a merge (cursors stepped together), not through hash maps;
//! - each case is handed to the caller's function as soon as it is complete, so the
//!   timelines never all sit in memory at once;
//! - on a file the id range is split into slices, one per core, each read on its own
//!   read-only connection on its own thread (the first on the store's connection);
//! - rows are decoded without an allocation per value where the value is a code (kinds,
//!   outcomes) or a date.

use super::decode::{bytes, day, event_kind, opt_bytes, opt_text, outcome, text};
use super::digest::{DIGEST_SQL, Digests};
use super::reads::Reads;
use super::rows::{self, CASE_COLUMNS};
use super::{Result, Store, StoreError};
use crate::domain::{Case, Event, Outcome};
use rusqlite::{Connection, OpenFlags, Row, Rows, Statement};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

/// One case as the store reads it for the case list (the casebook makes a list row of
/// it, with its status and clocks).
#[derive(Debug, Clone)]
pub struct ListRecord {
    /// The authority's name, shared by all its cases (`case.authority` is left empty:
    /// 100,000 copies of 3,000 names were 100,000 allocations).
    pub authority: Arc<str>,
    /// Without `text`, `notes`, `created_at` and `authority` (empty: see `authority`).
    pub case: Case,
    /// In timeline order, without `note` and `letter`.
    pub events: Vec<Event>,
    /// In question order.
    pub outcomes: Vec<Outcome>,
}

/// Below this many cases one thread does it all: a second connection costs more than
/// it saves.
const PARALLEL_FROM: i64 = 4_000;

/// At most this many slices (and threads).
const MAX_SLICES: usize = 8;

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

/// Cases of one id slice, without their long texts (the list never shows them) and
/// without the authority's name, which comes from [`authority_names`]: a lookup in
/// memory is cheaper than a join per case.
pub(super) fn cases_sql() -> String {
    // Nor when it was created, which no list shows (its last change sorts the list).
    let columns = CASE_COLUMNS
        .replace("a.name", "''")
        .replace("c.created_at", "''")
        .replace("c.request_text", "NULL")
        .replace("c.notes", "NULL")
        .replace(rows::BATCH_TITLE_COLUMN, "NULL");
    format!("SELECT {columns} FROM cases c WHERE c.id BETWEEN ?1 AND ?2 ORDER BY c.id")
}

pub(super) fn authority_names(conn: &Connection) -> rusqlite::Result<HashMap<i64, Arc<str>>> {
    let mut st = conn.prepare_cached("SELECT id, name FROM authorities")?;
    st.query_map([], |r| Ok((r.get(0)?, Arc::from(text(r, 1)?))))?
        .collect()
}

pub(super) const TAGS_SQL: &str =
    "SELECT case_id, tag FROM case_tags WHERE case_id BETWEEN ?1 AND ?2 ORDER BY case_id, tag";

const OUTCOMES_SQL: &str = "SELECT case_id, outcome FROM questions INDEXED BY questions_by_case \
     WHERE case_id BETWEEN ?1 AND ?2 ORDER BY case_id, position";

pub(super) const EVENTS_SQL: &str = "SELECT id, case_id, kind, date, window, until FROM events \
     INDEXED BY events_by_case WHERE case_id BETWEEN ?1 AND ?2 ORDER BY case_id, date, id";

/// A timeline row of `EVENTS_SQL`; `None` (skipped) when its kind or date cannot be read,
/// as [`rows::event`] does.
pub(super) fn light_event(r: &Row<'_>) -> rusqlite::Result<Option<(i64, Event)>> {
    let case_id: i64 = r.get(1)?;
    let kind = event_kind(bytes(r, 2)?);
    let date = opt_bytes(r, 3)?.and_then(day);
    let (Some(kind), Some(date)) = (kind, date) else {
        return Ok(None);
    };
    Ok(Some((
        case_id,
        Event {
            id: r.get(0)?,
            case_id,
            kind,
            date,
            note: None,
            window: opt_text(r, 4)?.and_then(|w| w.parse().ok()),
            until: opt_bytes(r, 5)?.and_then(day),
            letter: None,
            reference: None,
        },
    )))
}

pub(super) fn tag_row(r: &Row<'_>) -> rusqlite::Result<Option<(i64, String)>> {
    Ok(Some((r.get(0)?, r.get(1)?)))
}

fn outcome_row(r: &Row<'_>) -> rusqlite::Result<Option<(i64, Outcome)>> {
    Ok(Some((r.get(0)?, outcome(bytes(r, 1)?))))
}

pub(super) type Decode<V> = fn(&Row<'_>) -> rusqlite::Result<Option<(i64, V)>>;

/// Rows ordered by case id, read one ahead so that a case takes exactly its own.
pub(super) struct Cursor<'s, V> {
    rows: Rows<'s>,
    head: Option<(i64, V)>,
    decode: Decode<V>,
}

impl<'s, V> Cursor<'s, V> {
    /// The rows of `st` for case ids `lo..=hi` (its two parameters).
    pub(super) fn new(
        st: &'s mut Statement<'_>,
        lo: i64,
        hi: i64,
        decode: Decode<V>,
    ) -> rusqlite::Result<Self> {
        let mut c = Cursor {
            rows: st.query([lo, hi])?,
            head: None,
            decode,
        };
        c.advance()?;
        Ok(c)
    }

    fn advance(&mut self) -> rusqlite::Result<()> {
        self.head = None;
        while let Some(r) = self.rows.next()? {
            if let Some(x) = (self.decode)(r)? {
                self.head = Some(x);
                break;
            }
        }
        Ok(())
    }

    /// Append the rows of case `id` to `out`, dropping any of an earlier id (rows whose
    /// case is gone).
    pub(super) fn take(&mut self, id: i64, out: &mut Vec<V>) -> rusqlite::Result<()> {
        loop {
            match &self.head {
                Some((c, _)) if *c < id => {}
                Some((c, _)) if *c == id => {
                    if let Some((_, v)) = self.head.take() {
                        out.push(v);
                    }
                }
                _ => return Ok(()),
            }
            self.advance()?;
        }
    }
}

/// The cases with ids in `lo..=hi`, in id order, each through `f`. One `ListRecord` is
/// refilled for every case, so its timeline and outcome buffers are allocated once per
/// slice rather than once per case; `f` takes what it keeps.
///
/// `capacity`: room to reserve for the result; the first slice reserves room for every
/// slice, so that the others are appended to it without moving it.
fn load_slice<T>(
    conn: &Connection,
    (lo, hi): (i64, i64),
    capacity: usize,
    with_outcomes: bool,
    f: &(impl Fn(&mut ListRecord) -> T + Sync),
) -> rusqlite::Result<Vec<T>> {
    // One read transaction: the digests, the list of stale ones and the tables agree.
    let _snapshot = conn.unchecked_transaction()?;
    let names = authority_names(conn)?;
    let mut cases_st = conn.prepare_cached(&cases_sql())?;
    let mut tags_st = conn.prepare_cached(TAGS_SQL)?;
    let mut outcomes_st = conn.prepare_cached(OUTCOMES_SQL)?;
    let mut events_st = conn.prepare_cached(EVENTS_SQL)?;
    let stale = conn
        .prepare_cached("SELECT case_id FROM search_pending WHERE case_id BETWEEN ?1 AND ?2")?
        .query_map([lo, hi], |r| r.get(0))?
        .collect::<rusqlite::Result<HashSet<i64>>>()?;
    let mut digest_st = conn.prepare_cached(DIGEST_SQL)?;
    let mut digests = Digests::new(&mut digest_st, lo, hi, stale)?;
    // Without outcomes, a range no case has: the cursor reads nothing.
    let (olo, ohi) = if with_outcomes { (lo, hi) } else { (1, 0) };
    let mut outcomes = Cursor::new(&mut outcomes_st, olo, ohi, outcome_row)?;
    let mut cases = cases_st.query([lo, hi])?;
    let mut out = Vec::with_capacity(capacity);
    let mut row = ListRecord {
        authority: Arc::from(""),
        case: Case::default(),
        events: Vec::with_capacity(16),
        outcomes: Vec::with_capacity(32),
    };
    while let Some(r) = cases.next()? {
        row.case = rows::case(r)?;
        // As the join did: a case whose authority is missing is not listed.
        let Some(name) = names.get(&row.case.authority_id) else {
            continue;
        };
        row.authority = Arc::clone(name);
        let id = row.case.id;
        row.events.clear();
        row.outcomes.clear();
        let (timeline, tagged) = digests.take(id, &mut row.events, &mut row.case.tags)?;
        if !timeline {
            Cursor::new(&mut events_st, id, id, light_event)?.take(id, &mut row.events)?;
        }
        if !tagged {
            Cursor::new(&mut tags_st, id, id, tag_row)?.take(id, &mut row.case.tags)?;
        }
        outcomes.take(id, &mut row.outcomes)?;
        out.push(f(&mut row));
    }
    Ok(out)
}

impl Store {
    /// Every case, light, in id order (see the module comment).
    pub fn case_rows(&self) -> Result<Vec<ListRecord>> {
        self.map_case_rows(|r| ListRecord {
            authority: Arc::clone(&r.authority),
            case: Case {
                authority: r.authority.to_string(),
                ..std::mem::take(&mut r.case)
            },
            events: r.events.clone(),
            outcomes: r.outcomes.clone(),
        })
    }

    /// Every case, light, in id order, each passed through `f` as soon as it is read, so
    /// that what `f` does not keep (the timeline, say) never piles up. `f` may take the
    /// row's parts (`std::mem::take`): the row is refilled for the next case. On a file
    /// the work is shared among threads, each with its own connection: `f` runs on all
    /// of them.
    pub fn map_case_rows<T: Send>(
        &self,
        f: impl Fn(&mut ListRecord) -> T + Sync,
    ) -> Result<Vec<T>> {
        self.map_slices(true, f)
    }

    fn map_slices<T: Send>(
        &self,
        with_outcomes: bool,
        f: impl Fn(&mut ListRecord) -> T + Sync,
    ) -> Result<Vec<T>> {
        let parts = self.map_case_slices(with_outcomes, f, |_| ())?;
        Ok(join_parts(parts.into_iter().map(|(p, ())| p).collect()))
    }

    /// The work of [`Store::map_case_rows`] as it was shared out: one part per slice of
    /// ids, in id order, each with what `finish` made of it on its own thread (its sort
    /// order, say). Without `with_outcomes` each row's `outcomes` stays empty: a million
    /// fewer rows at 100,000 cases. [`join_parts`] puts the parts together without moving
    /// the first.
    pub fn map_case_slices<T: Send, U: Send>(
        &self,
        with_outcomes: bool,
        f: impl Fn(&mut ListRecord) -> T + Sync,
        finish: impl Fn(&[T]) -> U + Sync,
    ) -> Result<Vec<(Vec<T>, U)>> {
        let err = |e| self.sql_err(e);
        let (lo, hi): (Option<i64>, Option<i64>) = self
            .conn
            .query_row("SELECT min(id), max(id) FROM cases", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .map_err(err)?;
        let (Some(lo), Some(hi)) = (lo, hi) else {
            return Ok(Vec::new());
        };
        let on_file = self.path.as_os_str() != ":memory:";
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let slices = if on_file && hi - lo >= PARALLEL_FROM {
            cores.clamp(1, MAX_SLICES)
        } else {
            1
        };
        let room = |a: i64, b: i64| usize::try_from(b - a + 1).unwrap_or(0).min(1 << 24);
        if slices == 1 {
            let part =
                load_slice(&self.conn, (lo, hi), room(lo, hi), with_outcomes, &f).map_err(err)?;
            let done = finish(&part);
            return Ok(vec![(part, done)]);
        }
        // Equal id ranges: ids are dense in practice, so slices hold about as many cases.
        let width = (hi - lo) / slices as i64 + 1;
        let bounds: Vec<(i64, i64)> = (0..slices as i64)
            .map(|k| (lo + k * width, (lo + (k + 1) * width - 1).min(hi)))
            .filter(|(a, b)| a <= b)
            .collect();
        let (f, finish) = (&f, &finish);
        std::thread::scope(|s| -> Result<Vec<(Vec<T>, U)>> {
            let jobs: Vec<_> = bounds[1..]
                .iter()
                .map(|&(a, b)| {
                    let path = self.path.clone();
                    s.spawn(move || -> Result<(Vec<T>, U)> {
                        let conn = reader(&path)?;
                        let part = load_slice(&conn, (a, b), room(a, b), with_outcomes, f)
                            .map_err(|e| StoreError::from_sqlite(&path, e))?;
                        let done = finish(&part);
                        Ok((part, done))
                    })
                })
                .collect();
            let first =
                load_slice(&self.conn, bounds[0], room(lo, hi), with_outcomes, f).map_err(err)?;
            let done = finish(&first);
            let mut parts = vec![(first, done)];
            for job in jobs {
                parts.push(job.join().map_err(|_| StoreError::BadData {
                    path: self.path.clone(),
                    detail: "a case loader thread stopped unexpectedly".into(),
                })??);
            }
            Ok(parts)
        })
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
            touched: Vec::new(),
        }))
    }
}

/// The parts of [`Store::map_case_slices`] as one vector, in order. The first part was
/// given room for all of them, so the others are appended without moving it.
pub fn join_parts<T>(parts: Vec<Vec<T>>) -> Vec<T> {
    let mut parts = parts.into_iter();
    let Some(mut all) = parts.next() else {
        return Vec::new();
    };
    for part in parts {
        all.extend(part);
    }
    all
}

#[cfg(test)]
mod tests {
    use super::super::reads::Reads;
    use super::Store;
    use proptest::prelude::*;

    /// A casebook in memory with four cases, `events` and `tags` written as one
    /// transaction, so that their
    /// digests are made as every write makes them.
    fn store(events: &[(usize, &str, String, String, String)], tags: &[(usize, String)]) -> Store {
        let mut s = Store::open_in_memory().expect("store");
        s.write(|w| -> super::Result<()> {
            let tx = &w.tx;
            tx.execute_batch(
                "INSERT INTO authorities (id, name, name_key) VALUES (1, 'A', 'a');
                 INSERT INTO cases (id, title, authority_id, regime, sent, created_at, updated_at)
                 SELECT value, 'case ' || value, 1, 'foia', '2020-01-06', '', ''
                 FROM json_each('[1,2,3,4]');",
            )
            .expect("cases");
            for (case, kind, date, window, until) in events {
                tx.execute(
                    "INSERT INTO events (case_id, kind, date, window, until) \
                     VALUES (?1, ?2, ?3, nullif(?4, ''), nullif(?5, ''))",
                    rusqlite::params![*case as i64, kind, date, window, until],
                )
                .expect("event");
            }
            for (case, tag) in tags {
                tx.execute(
                    "INSERT OR IGNORE INTO case_tags (case_id, tag) VALUES (?1, ?2)",
                    rusqlite::params![*case as i64, tag],
                )
                .expect("tag");
            }
            Ok(())
        })
        .expect("write");
        s
    }

    /// Each case's timeline (event ids, in order) and tags as the list reads them.
    fn listed(s: &Store) -> Vec<(i64, Vec<i64>, Vec<String>)> {
        s.case_rows()
            .expect("rows")
            .into_iter()
            .map(|r| {
                let ids = r.events.iter().map(|e| e.id).collect();
                (r.case.id, ids, r.case.tags)
            })
            .collect()
    }

    /// The same from the tables, through the full load.
    fn from_tables(s: &Store) -> Vec<(i64, Vec<i64>, Vec<String>)> {
        s.all_case_files()
            .expect("files")
            .into_iter()
            .map(|f| {
                let ids = f.events.iter().map(|e| e.id).collect();
                (f.case.id, ids, f.case.tags)
            })
            .collect()
    }

    fn kind() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "sent",
            "acknowledged",
            "response",
            "extension",
            "review-requested",
            "review-response",
            "ico-complaint",
            "no-such-kind",
        ])
    }

    /// Mostly well-formed values, sometimes empty, malformed or holding a separator.
    fn value(good: &'static [&'static str]) -> impl Strategy<Value = String> {
        prop_oneof![
            4 => prop::sample::select(good.to_vec()).prop_map(str::to_string),
            1 => Just(String::new()),
            1 => "[a-z0-9 \\-\u{1e}\u{1f}]{0,12}",
        ]
    }

    const DATES: &[&str] = &[
        "2020-01-06",
        "2020-02-03",
        "2020-02-03",
        "2020-03-31",
        "2021-12-24",
    ];
    const WINDOWS: &[&str] = &["2 months", "40 working days", "20 working days"];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Whatever the events and tags hold, the list reads each case's timeline and
        /// tags exactly as the tables have them, in the same order.
        #[test]
        fn digests_read_the_same_as_the_tables(
            events in prop::collection::vec(
                (1usize..=4, kind(), value(DATES), value(WINDOWS), value(DATES)), 0..14),
            tags in prop::collection::vec((1usize..=4, value(&["roads", "budget", "x"])), 0..6),
        ) {
            let s = store(&events, &tags);
            let expected = from_tables(&s);
            // The full load skips events whose kind or date cannot be read, as the list does.
            prop_assert_eq!(listed(&s), expected.clone());
            // Digests gone: the list reads the tables.
            s.conn.execute_batch("DELETE FROM case_digest").expect("delete");
            prop_assert_eq!(listed(&s), expected);
        }
    }

    #[test]
    fn a_reading_of_the_questions_stops_when_asked() {
        use std::sync::atomic::AtomicBool;
        let s = store(&[], &[]);
        s.conn
            .execute_batch(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
                 INSERT INTO questions (case_id, position, label, text, outcome)
                 SELECT 1 + i % 4, i, 'Q' || i, 'words ' || i, 'pending' FROM n;",
            )
            .expect("questions");
        let ids = [1, 2, 3, 4];
        let mut seen = 0;
        let stop = AtomicBool::new(true);
        let done = s.for_each_question_digest(&ids, &stop, |_, _, _| seen += 1);
        assert_eq!(done.ok(), Some(false));
        assert!(seen < ids.len(), "stopped part way, not at the end");
        let go = AtomicBool::new(false);
        let mut counts = Vec::new();
        let done = s.for_each_question_digest(&ids, &go, |i, _, o| counts.push((i, o.len())));
        assert_eq!(done.ok(), Some(true));
        assert_eq!(counts, vec![(0, 2500), (1, 2500), (2, 2500), (3, 2500)]);
    }

    #[test]
    fn a_digest_out_of_timeline_order_is_not_trusted() {
        let events = [
            (1, "sent", "2020-01-06".into(), String::new(), String::new()),
            (
                1,
                "acknowledged",
                "2020-01-07".into(),
                String::new(),
                String::new(),
            ),
            (
                1,
                "response",
                "2020-02-03".into(),
                "2 months".into(),
                String::new(),
            ),
        ];
        let s = store(&events, &[]);
        let expected = from_tables(&s);
        assert_eq!(expected[0].1.len(), 3);
        // The same events, newest first.
        s.conn
            .execute_batch(
                "UPDATE case_digest SET timeline = (
                    SELECT group_concat(char(30) || kind || char(31) || date || char(31)
                        || coalesce(window, '') || char(31) || coalesce(until, '') || char(31) || id, '')
                    FROM (SELECT * FROM events WHERE case_id = 1 ORDER BY date DESC))
                 WHERE case_id = 1",
            )
            .expect("reorder");
        assert_eq!(listed(&s), expected);
    }
}
