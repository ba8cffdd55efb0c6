//! Mapping between rows and domain types. Stored text is parsed leniently where a bad
//! value would otherwise make a whole casebook unreadable.

use crate::domain::{Case, Event, Question};
use chrono::NaiveDate;
use rusqlite::Row;

pub(super) const CASE_COLUMNS: &str = "c.id, c.title, c.authority_id, a.name, c.regime, c.their_ref, c.my_ref, \
     c.channel, c.url, c.sent, c.received, c.request_text, c.notes, c.created_at, c.updated_at, \
     c.batch_id, (SELECT b.title FROM batches b WHERE b.id = c.batch_id)";

/// The last of [`CASE_COLUMNS`]: the batch's title, looked up per case. Readers that
/// never show it (the case list) put `NULL` in its place.
pub(super) const BATCH_TITLE_COLUMN: &str =
    "(SELECT b.title FROM batches b WHERE b.id = c.batch_id)";

pub(super) const QUESTION_COLUMNS: &str =
    "id, case_id, position, label, text, outcome, exemptions, note, challenge";

pub(super) const EVENT_COLUMNS: &str =
    "id, case_id, kind, date, note, window, until, letter, reference";

pub(super) fn date_text(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

fn date(s: Option<String>) -> Option<NaiveDate> {
    s.as_deref().and_then(parse_date)
}

/// A stored date (`YYYY-MM-DD`). The fixed form is read digit by digit, which is several
/// times faster than chrono's format parser on the hot paths of the case list (a million
/// dates at 100,000 cases); anything else goes through the format parser as before.
pub(super) fn parse_date(s: &str) -> Option<NaiveDate> {
    parse_date_bytes(s.as_bytes())
}

/// [`parse_date`] of a stored value's bytes (the fixed form needs no UTF-8 check).
pub(super) fn parse_date_bytes(b: &[u8]) -> Option<NaiveDate> {
    if b.is_empty() {
        // An absent date in a timeline digest: no need to ask the format parser.
        return None;
    }
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        let num = |r: std::ops::Range<usize>| {
            b[r].iter().try_fold(0u32, |n, &c| {
                c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
            })
        };
        if let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) {
            return NaiveDate::from_ymd_opt(y as i32, m, d);
        }
    }
    NaiveDate::parse_from_str(std::str::from_utf8(b).ok()?, "%Y-%m-%d").ok()
}

pub(super) fn case(r: &Row<'_>) -> rusqlite::Result<Case> {
    Ok(Case {
        id: r.get(0)?,
        title: r.get(1)?,
        authority_id: r.get(2)?,
        authority: r.get(3)?,
        regime: r.get::<_, String>(4)?.parse().unwrap_or_default(),
        their_ref: r.get(5)?,
        my_ref: r.get(6)?,
        channel: r.get::<_, Option<String>>(7)?.and_then(|c| c.parse().ok()),
        url: r.get(8)?,
        sent: date(r.get(9)?),
        received: date(r.get(10)?),
        text: r.get(11)?,
        tags: Vec::new(),
        notes: r.get(12)?,
        batch: r
            .get::<_, Option<i64>>(15)?
            .map(|id| crate::domain::BatchRef {
                id,
                title: r
                    .get::<_, Option<String>>(16)
                    .ok()
                    .flatten()
                    .unwrap_or_default(),
            }),
        created_at: r.get(13)?,
        updated_at: r.get(14)?,
    })
}

pub(super) fn question(r: &Row<'_>) -> rusqlite::Result<Question> {
    let exemptions: String = r.get(6)?;
    Ok(Question {
        id: r.get(0)?,
        case_id: r.get(1)?,
        position: r.get(2)?,
        label: r.get(3)?,
        text: r.get(4)?,
        outcome: r.get::<_, String>(5)?.parse().unwrap_or_default(),
        exemptions: split_exemptions(&exemptions),
        note: r.get(7)?,
        challenge: r.get(8)?,
    })
}

pub(super) fn join_exemptions(list: &[String]) -> String {
    list.join(",")
}

fn split_exemptions(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

/// An event whose kind or date cannot be read is skipped rather than failing the case.
pub(super) fn event(r: &Row<'_>) -> rusqlite::Result<Option<Event>> {
    let kind = r.get::<_, String>(2)?.parse().ok();
    let when = date(r.get(3)?);
    let (Some(kind), Some(date_)) = (kind, when) else {
        return Ok(None);
    };
    Ok(Some(Event {
        id: r.get(0)?,
        case_id: r.get(1)?,
        kind,
        date: date_,
        note: r.get(4)?,
        window: r.get::<_, Option<String>>(5)?.and_then(|w| w.parse().ok()),
        until: date(r.get(6)?),
        letter: r.get(7)?,
        reference: r.get(8)?,
    }))
}
