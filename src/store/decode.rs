//! Reading stored values from a row without the copies and checks `rusqlite`'s `get`
//! makes: the hot loops of the case list (100,000 cases, half a million events) decode
//! codes and dates from the bytes SQLite holds.

use super::rows;
use crate::domain::{EventKind, Outcome};
use rusqlite::Row;
use rusqlite::types::ValueRef;

/// A `TEXT` column as `&str`, as `rusqlite`'s `get::<String>` would accept it, without
/// the copy.
pub(super) fn text<'r>(r: &'r Row<'_>, i: usize) -> rusqlite::Result<&'r str> {
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

pub(super) fn opt_text<'r>(r: &'r Row<'_>, i: usize) -> rusqlite::Result<Option<&'r str>> {
    match r.get_ref(i)? {
        ValueRef::Null => Ok(None),
        _ => text(r, i).map(Some),
    }
}

/// A `TEXT` column's bytes (no UTF-8 check: for codes compared byte for byte).
pub(super) fn bytes<'r>(r: &'r Row<'_>, i: usize) -> rusqlite::Result<&'r [u8]> {
    match r.get_ref(i)? {
        ValueRef::Text(t) => Ok(t),
        _ => text(r, i).map(str::as_bytes),
    }
}

pub(super) fn opt_bytes<'r>(r: &'r Row<'_>, i: usize) -> rusqlite::Result<Option<&'r [u8]>> {
    match r.get_ref(i)? {
        ValueRef::Null => Ok(None),
        ValueRef::Text(t) => Ok(Some(t)),
        _ => text(r, i).map(|s| Some(s.as_bytes())),
    }
}

/// An outcome as stored (its canonical name), else read leniently as before.
pub(super) fn outcome(s: &[u8]) -> Outcome {
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

pub(super) fn event_kind(s: &[u8]) -> Option<EventKind> {
    EventKind::ALL
        .into_iter()
        .find(|k| k.as_str().as_bytes() == s)
        .or_else(|| std::str::from_utf8(s).ok()?.parse().ok())
}

pub(super) fn day(s: &[u8]) -> Option<chrono::NaiveDate> {
    rows::parse_date_bytes(s)
}
