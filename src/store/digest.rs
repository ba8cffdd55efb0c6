//! The `case_digest` rows (migration 3) as the case list reads them: each case's timeline
//! and tags from one row, checked as they are decoded. A digest that is missing, stale,
//! malformed or out of order is never trusted: the caller reads that case's tables.

use super::decode::{day, event_kind, opt_bytes};
use crate::domain::Event;
use rusqlite::Rows;
use rusqlite::Statement;
use rusqlite::fallible_streaming_iterator::FallibleStreamingIterator;
use std::collections::HashSet;

pub(super) const DIGEST_SQL: &str = "SELECT case_id, timeline, tags FROM case_digest \
     WHERE case_id BETWEEN ?1 AND ?2 ORDER BY case_id";

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
            reference: None,
        });
    }
    true
}

/// An integer as SQLite writes one in text (`-` and digits), without a UTF-8 check.
pub(super) fn integer(b: &[u8]) -> Option<i64> {
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
pub(super) struct Digests<'s> {
    rows: Rows<'s>,
    /// Cases written since their digest was made (by a program that does not keep
    /// digests): read from the tables. Normally empty.
    stale: HashSet<i64>,
}

impl<'s> Digests<'s> {
    pub(super) fn new(
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
    pub(super) fn take(
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

#[cfg(test)]
mod tests {
    use super::integer;

    #[test]
    fn digest_integers_read_as_sqlite_writes_them() {
        assert_eq!(integer(b"42"), Some(42));
        assert_eq!(integer(b"-7"), Some(-7));
        assert_eq!(integer(b"9223372036854775807"), Some(i64::MAX));
        for bad in [&b""[..], b"-", b"4a", b" 4", b"99999999999999999999"] {
            assert_eq!(integer(bad), None, "{bad:?}");
        }
    }
}
