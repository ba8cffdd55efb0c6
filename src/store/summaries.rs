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

use super::reads::Reads;
use super::rows::{self, CASE_COLUMNS};
use super::{Result, Store, StoreError};
use crate::domain::{Case, Event, EventKind, Outcome};
use rusqlite::fallible_streaming_iterator::FallibleStreamingIterator;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags, Row, Rows, Statement};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::path::Path;
use std::sync::Arc;

/// One case as the list needs it.
#[derive(Debug, Clone)]
pub struct CaseRowData {
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
fn cases_sql() -> String {
    // Nor when it was created, which no list shows (its last change sorts the list).
    let columns = CASE_COLUMNS
        .replace("a.name", "''")
        .replace("c.created_at", "''")
        .replace("c.request_text", "NULL")
        .replace("c.notes", "NULL");
    format!("SELECT {columns} FROM cases c WHERE c.id BETWEEN ?1 AND ?2 ORDER BY c.id")
}

fn authority_names(conn: &Connection) -> rusqlite::Result<HashMap<i64, Arc<str>>> {
    let mut st = conn.prepare_cached("SELECT id, name FROM authorities")?;
    st.query_map([], |r| Ok((r.get(0)?, Arc::from(text(r, 1)?))))?
        .collect()
}

const TAGS_SQL: &str =
    "SELECT case_id, tag FROM case_tags WHERE case_id BETWEEN ?1 AND ?2 ORDER BY case_id, tag";

const DIGEST_SQL: &str = "SELECT case_id, timeline, tags FROM case_digest \
     WHERE case_id BETWEEN ?1 AND ?2 ORDER BY case_id";

const OUTCOMES_SQL: &str = "SELECT case_id, outcome FROM questions INDEXED BY questions_by_case \
     WHERE case_id BETWEEN ?1 AND ?2 ORDER BY case_id, position";

const EVENTS_SQL: &str = "SELECT id, case_id, kind, date, window, until FROM events \
     INDEXED BY events_by_case WHERE case_id BETWEEN ?1 AND ?2 ORDER BY case_id, date, id";

/// A `TEXT` column as `&str`, as `rusqlite`'s `get::<String>` would accept it, without
/// the copy.
fn text<'r>(r: &'r Row<'_>, i: usize) -> rusqlite::Result<&'r str> {
    match r.get_ref(i)? {
        ValueRef::Text(t) => std::str::from_utf8(t).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
        }),
        other => Err(rusqlite::Error::InvalidColumnType(
            i,
            r.as_ref().column_name(i).unwrap_or("?").to_string(),
            other.data_type(),
        )),
    }
}

fn opt_text<'r>(r: &'r Row<'_>, i: usize) -> rusqlite::Result<Option<&'r str>> {
    match r.get_ref(i)? {
        ValueRef::Null => Ok(None),
        _ => text(r, i).map(Some),
    }
}

/// A `TEXT` column's bytes (no UTF-8 check: for codes compared byte for byte).
fn bytes<'r>(r: &'r Row<'_>, i: usize) -> rusqlite::Result<&'r [u8]> {
    match r.get_ref(i)? {
        ValueRef::Text(t) => Ok(t),
        _ => text(r, i).map(str::as_bytes),
    }
}

fn opt_bytes<'r>(r: &'r Row<'_>, i: usize) -> rusqlite::Result<Option<&'r [u8]>> {
    match r.get_ref(i)? {
        ValueRef::Null => Ok(None),
        ValueRef::Text(t) => Ok(Some(t)),
        _ => text(r, i).map(|s| Some(s.as_bytes())),
    }
}

/// An outcome as stored (its canonical name), else read leniently as before.
fn outcome(s: &[u8]) -> Outcome {
    Outcome::ALL
        .into_iter()
        .find(|o| o.as_str().as_bytes() == s)
        .unwrap_or_else(|| {
            std::str::from_utf8(s)
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or_default()
        })
}

fn event_kind(s: &[u8]) -> Option<EventKind> {
    EventKind::ALL
        .into_iter()
        .find(|k| k.as_str().as_bytes() == s)
        .or_else(|| std::str::from_utf8(s).ok()?.parse().ok())
}

fn day(s: &[u8]) -> Option<chrono::NaiveDate> {
    rows::parse_date_bytes(s)
}

/// A timeline row of `EVENTS_SQL`; `None` (skipped) when its kind or date cannot be read,
/// as [`rows::event`] does.
fn light_event(r: &Row<'_>) -> rusqlite::Result<Option<(i64, Event)>> {
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
        },
    )))
}

fn tag_row(r: &Row<'_>) -> rusqlite::Result<Option<(i64, String)>> {
    Ok(Some((r.get(0)?, r.get(1)?)))
}

/// Fill `out` from a digest's timeline (see migration 3 for the format), as
/// [`light_event`] reads the rows: an event whose kind or date cannot be read is skipped.
/// False when the digest is malformed or out of timeline order, so the caller reads the
/// events instead.
fn digest_events(case_id: i64, digest: &[u8], out: &mut Vec<Event>) -> bool {
    if digest.is_empty() {
        return true;
    }
    let Some(records) = digest.strip_prefix(b"\x1e") else {
        return false;
    };
    let mut last: Option<(&[u8], i64)> = None;
    // One pass over the separators of both kinds (a vectorised search: this runs over
    // ~15 MB at 100,000 cases before the first frame).
    let mut fields: [&[u8]; 5] = [&[]; 5];
    let (mut n, mut start) = (0, 0);
    let ends = memchr::memchr2_iter(0x1e, 0x1f, records).chain(std::iter::once(records.len()));
    for end in ends {
        if n == fields.len() {
            return false;
        }
        fields[n] = &records[start..end];
        n += 1;
        start = end + 1;
        if records.get(end) == Some(&0x1f) {
            continue;
        }
        // The end of an event.
        if n != fields.len() {
            return false;
        }
        n = 0;
        let [kind, date, window, until, id] = fields;
        let Some(id) = integer(id) else {
            return false;
        };
        // In the order the tables are read in: by date as stored, then id.
        if last.is_some_and(|l| l >= (date, id)) {
            return false;
        }
        last = Some((date, id));
        let (Some(kind), Some(date)) = (event_kind(kind), day(date)) else {
            continue;
        };
        out.push(Event {
            id,
            case_id,
            kind,
            date,
            note: None,
            window: (!window.is_empty())
                .then(|| std::str::from_utf8(window).ok()?.parse().ok())
                .flatten(),
            until: day(until),
            letter: None,
        });
    }
    true
}

/// An integer as SQLite writes one in text (`-` and digits), without a UTF-8 check.
fn integer(b: &[u8]) -> Option<i64> {
    let (negative, digits) = match b.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, b),
    };
    if digits.is_empty() {
        return None;
    }
    let mut n: i64 = 0;
    for &d in digits {
        if !d.is_ascii_digit() {
            return None;
        }
        n = n.checked_mul(10)?.checked_add(i64::from(d - b'0'))?;
    }
    Some(if negative { -n } else { n })
}

/// Fill `out` from a digest's tags; false when malformed or out of order.
fn digest_tags(digest: &[u8], out: &mut Vec<String>) -> bool {
    if digest.is_empty() {
        return true;
    }
    let Some(tags) = digest.strip_prefix(b"\x1e") else {
        return false;
    };
    let mut last: Option<&[u8]> = None;
    for tag in tags.split(|&b| b == 0x1e) {
        if last.is_some_and(|l| l >= tag) {
            return false;
        }
        last = Some(tag);
        match std::str::from_utf8(tag) {
            Ok(t) => out.push(t.to_string()),
            Err(_) => return false,
        }
    }
    true
}

/// The rows of `case_digest`, stepped along with the cases (one row per case, no
/// read-ahead: each is decoded while it is the current row).
struct Digests<'s> {
    rows: Rows<'s>,
    /// Cases written since their digest was made (by a program that does not keep
    /// digests): read from the tables. Normally empty.
    stale: HashSet<i64>,
}

impl<'s> Digests<'s> {
    fn new(
        st: &'s mut Statement<'_>,
        lo: i64,
        hi: i64,
        stale: HashSet<i64>,
    ) -> rusqlite::Result<Self> {
        let mut rows = st.query([lo, hi])?;
        rows.advance()?;
        Ok(Digests { rows, stale })
    }

    /// Fill the timeline and tags of case `id` from its digest; for each that is not
    /// there, false (read it from the tables).
    fn take(
        &mut self,
        id: i64,
        events: &mut Vec<Event>,
        tags: &mut Vec<String>,
    ) -> rusqlite::Result<(bool, bool)> {
        if !self.stale.is_empty() && self.stale.contains(&id) {
            return Ok((false, false));
        }
        loop {
            let Some(r) = self.rows.get() else {
                return Ok((false, false));
            };
            let at: i64 = r.get(0)?;
            if at >= id {
                break;
            }
            self.rows.advance()?;
        }
        let Some(r) = self.rows.get() else {
            return Ok((false, false));
        };
        if r.get::<_, i64>(0)? != id {
            return Ok((false, false));
        }
        let timeline = opt_bytes(r, 1)?.is_some_and(|d| digest_events(id, d, events));
        if !timeline {
            events.clear();
        }
        let tagged = opt_bytes(r, 2)?.is_some_and(|d| digest_tags(d, tags));
        if !tagged {
            tags.clear();
        }
        Ok((timeline, tagged))
    }
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

/// The cases with ids in `lo..=hi`, in id order, each through `f`. One `CaseRowData` is
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
    f: &(impl Fn(&mut CaseRowData) -> T + Sync),
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
    let mut row = CaseRowData {
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
    pub fn case_rows(&self) -> Result<Vec<CaseRowData>> {
        self.map_case_rows(|r| CaseRowData {
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
        f: impl Fn(&mut CaseRowData) -> T + Sync,
    ) -> Result<Vec<T>> {
        self.map_slices(true, f)
    }

    fn map_slices<T: Send>(
        &self,
        with_outcomes: bool,
        f: impl Fn(&mut CaseRowData) -> T + Sync,
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
        f: impl Fn(&mut CaseRowData) -> T + Sync,
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

    /// For each case of `ids` (ascending), in that order: its questions' labels and
    /// texts as the list's filter searches them (see [`QuestionHay`]) and their outcomes
    /// in question order, passed to `f` with the case's place in `ids`. A case without
    /// questions gets an empty text and no outcomes. Slow-ish (every question's text),
    /// so the TUI reads it after its first frame, on another thread, through
    /// [`Store::open_reader`]. Setting `stop` ends the reading early: then `false`.
    pub fn for_each_question_digest(
        &self,
        ids: &[i64],
        stop: &std::sync::atomic::AtomicBool,
        mut f: impl FnMut(usize, &str, &[Outcome]),
    ) -> Result<bool> {
        let err = |e| self.sql_err(e);
        let mut st = self
            .conn
            .prepare(
                "SELECT case_id, label, text, outcome FROM questions \
                 ORDER BY case_id, position, id",
            )
            .map_err(err)?;
        let mut q = st.query([]).map_err(err)?;
        let mut hay = QuestionHay::default();
        let mut outcomes = Vec::new();
        // `ids[next]` is the next case to hand out: every one is, in order.
        let mut next = 0;
        // Hand out the case `id` just read (if it is one of `ids`), after the cases
        // before it, which have no questions.
        let mut done = |id: Option<i64>, hay: &str, outcomes: &[Outcome]| {
            while let Some(&want) = ids.get(next) {
                match id {
                    Some(id) if want > id => break,
                    Some(id) if want == id => f(next, hay, outcomes),
                    _ => f(next, "", &[]),
                }
                next += 1;
            }
        };
        let mut current = None;
        let mut read = 0u32;
        while let Some(r) = q.next().map_err(err)? {
            read = read.wrapping_add(1);
            if read.is_multiple_of(4096) && stop.load(std::sync::atomic::Ordering::Relaxed) {
                return Ok(false);
            }
            let id: i64 = r.get(0).map_err(err)?;
            if current != Some(id) {
                if current.is_some() {
                    done(current, &hay.finish(), &outcomes);
                    outcomes.clear();
                }
                current = Some(id);
            }
            for col in [1, 2] {
                let v = r.get_ref(col).map_err(err)?;
                if let Ok(s) = v.as_str() {
                    hay.push(s);
                }
            }
            outcomes.push(outcome(bytes(r, 3).map_err(err)?));
        }
        if current.is_some() {
            done(current, &hay.finish(), &outcomes);
        }
        // The cases after the last with questions.
        done(None, "", &[]);
        Ok(true)
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

/// A case's question labels and texts as the list's filter searches them: their distinct
/// words (runs without white space), in lower case, one per line, in order of first use.
///
/// A typed word holds no white space, so it occurs in the texts exactly when it occurs in
/// one of their words: keeping each word once finds the same cases as searching the
/// whole texts, in a fraction of the bytes (questions of one request repeat their words;
/// at 100,000 generated cases, 13 MB instead of 68 MB, searched on every keystroke).
#[derive(Default)]
pub struct QuestionHay {
    lower: String,
}

impl QuestionHay {
    /// Add one label or text.
    pub fn push(&mut self, text: &str) {
        if text.is_ascii() {
            self.lower
                .extend(text.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            self.lower.push_str(&text.to_lowercase());
        }
        self.lower.push('\n');
    }

    /// The haystack of what was added since the last call.
    pub fn finish(&mut self) -> String {
        let mut seen: HashSet<&str, BuildHasherDefault<Fnv>> =
            HashSet::with_capacity_and_hasher(64, BuildHasherDefault::default());
        let mut out = String::new();
        for word in self.lower.split_whitespace() {
            if seen.insert(word) {
                out.push_str(word);
                out.push('\n');
            }
        }
        self.lower.clear();
        out.shrink_to_fit();
        out
    }
}

/// FNV-1a for short keys (the words of one case): faster than SipHash, and nothing here
/// comes from an adversary who could choose colliding words to slow a hash set down
/// beyond one case's own questions.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
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
    fn digest_integers_read_as_sqlite_writes_them() {
        use super::integer;
        assert_eq!(integer(b"42"), Some(42));
        assert_eq!(integer(b"-7"), Some(-7));
        assert_eq!(integer(b"9223372036854775807"), Some(i64::MAX));
        for bad in [&b""[..], b"-", b"4a", b" 4", b"99999999999999999999"] {
            assert_eq!(integer(bad), None, "{bad:?}");
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
