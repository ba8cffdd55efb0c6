//! A bulk write's timeline digest and list keys of each new case, made in Rust from the
//! case file in hand as it is inserted, instead of reading every case back through the
//! `case_digest_source` and `list_keys_source` views at the end (that pass took 2.6 s of
//! CPU at 100,000 cases; writing the two rows per case costs most of it back, so the net
//! gain is 0.1–0.4 s). Each value is the one those views give for the rows just written
//! (migrations 3 and 10 state the rules; tests/bulk_import.rs compares the two):
//!
//! - timeline: `␞kind␟date␟window␟until␟id` per event in (date, id) order, NULL when a
//!   value holds a separator; tags: `␞tag` per distinct tag in byte order;
//! - open: 0 when the last status-setting event by (date, id) closes or withdraws the
//!   case; earliest: the least of every date the case holds, '9999-12-31' for none;
//!   both only when every date is a plain `YYYY-MM-DD` (else open 1, earliest NULL).

use super::rows::date_text;
use super::{Result, Writer};
use crate::domain::{CaseFile, EventKind};
use rusqlite::params;
use std::collections::BTreeSet;

const RECORD: char = '\u{1E}';
const UNIT: char = '\u{1F}';

/// One event as the digest and the keys read it: its stored texts and id.
struct Stored {
    kind: EventKind,
    date: String,
    window: Option<String>,
    until: Option<String>,
    id: i64,
}

impl Writer<'_> {
    /// Write case `id`'s digest and list keys, `file` having just been inserted with the
    /// events' new ids in `event_ids` (in `file.events` order).
    pub(super) fn insert_keys(&self, id: i64, file: &CaseFile, event_ids: &[i64]) -> Result<()> {
        let mut events: Vec<Stored> = file
            .events
            .iter()
            .zip(event_ids)
            .map(|(e, &id)| Stored {
                kind: e.kind,
                date: date_text(Some(e.date)).unwrap_or_default(),
                window: e.window.map(|w| w.canonical()),
                until: date_text(e.until),
                id,
            })
            .collect();
        events.sort_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)));
        self.exec(
            "INSERT INTO case_digest (case_id, timeline, tags) VALUES (?1, ?2, ?3)",
            params![id, timeline(&events), tags(&file.case.tags)],
        )?;
        let dates = [date_text(file.case.sent), date_text(file.case.received)];
        let (open, earliest) = list_keys(&events, &dates);
        self.exec(
            "INSERT INTO list_keys (case_id, open, earliest) VALUES (?1, ?2, ?3)",
            params![id, open, earliest],
        )
        .map(drop)
    }
}

fn timeline(events: &[Stored]) -> Option<String> {
    let mut out = String::new();
    for e in events {
        let window = e.window.as_deref().unwrap_or("");
        let until = e.until.as_deref().unwrap_or("");
        let parts = [e.kind.as_str(), e.date.as_str(), window, until];
        if parts.iter().any(|p| p.contains([RECORD, UNIT])) {
            return None;
        }
        out.push(RECORD);
        for p in parts {
            out.push_str(p);
            out.push(UNIT);
        }
        out.push_str(&e.id.to_string());
    }
    Some(out)
}

fn tags(tags: &[String]) -> Option<String> {
    // The table keeps each tag once (`INSERT OR IGNORE`); SQLite's order is byte order.
    let distinct: BTreeSet<&str> = tags.iter().map(String::as_str).collect();
    if distinct.iter().any(|t| t.contains(RECORD)) {
        return None;
    }
    Some(distinct.into_iter().flat_map(|t| ["\u{1E}", t]).collect())
}

/// A date as `date()` gives it back unchanged: four-digit years only.
fn plain(d: &str) -> bool {
    d.len() == 10 && d.as_bytes()[0].is_ascii_digit()
}

/// `open` and `earliest` of a case whose events are in (date, id) order, with the case's
/// own sent and received dates.
fn list_keys(events: &[Stored], case_dates: &[Option<String>]) -> (i64, Option<String>) {
    let all = case_dates
        .iter()
        .flatten()
        .chain(events.iter().map(|e| &e.date))
        .chain(events.iter().filter_map(|e| e.until.as_ref()));
    if !all.clone().all(|d| plain(d)) {
        return (1, None);
    }
    let status = events.iter().rev().find(|e| sets_status(e.kind));
    let open = match status.map(|e| e.kind) {
        Some(EventKind::Closed | EventKind::Withdrawn) => 0,
        _ => 1,
    };
    let earliest = all.min().map_or("9999-12-31", String::as_str);
    (open, Some(earliest.to_string()))
}

/// The kinds whose event sets a case's status (sent and clarification-sent only move a
/// draft or a case awaiting clarification along).
fn sets_status(kind: EventKind) -> bool {
    matches!(
        kind,
        EventKind::ClarificationRequested
            | EventKind::Response
            | EventKind::ReviewRequested
            | EventKind::ReviewResponse
            | EventKind::IcoComplaint
            | EventKind::IcoDecision
            | EventKind::TribunalAppeal
            | EventKind::Withdrawn
            | EventKind::Closed
    )
}

#[cfg(test)]
mod tests {
    use crate::domain::{Case, CaseFile, Event, EventKind};
    use crate::store::{Store, StoreError};
    use chrono::NaiveDate;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2018, 3, d).expect("a date")
    }

    fn event(kind: EventKind, date: NaiveDate) -> Event {
        Event::new(kind, date)
    }

    /// Each table's rows next to what its view makes of the same cases.
    fn stored_and_views(s: &Store) -> [(String, String); 2] {
        let dump = |sql: &str| -> String {
            s.conn
                .prepare(sql)
                .and_then(|mut st| {
                    st.query_map([], |r| {
                        Ok(format!(
                            "{:?}",
                            (0..3)
                                .map(|i| r.get::<_, rusqlite::types::Value>(i))
                                .collect::<rusqlite::Result<Vec<_>>>()?
                        ))
                    })?
                    .collect::<rusqlite::Result<Vec<_>>>()
                })
                .expect("rows")
                .join("\n")
        };
        [
            (
                dump("SELECT * FROM case_digest ORDER BY case_id"),
                dump("SELECT * FROM case_digest_source ORDER BY case_id"),
            ),
            (
                dump("SELECT * FROM list_keys ORDER BY case_id"),
                dump("SELECT * FROM list_keys_source ORDER BY case_id"),
            ),
        ]
    }

    /// A bulk write that adds an event on its own (not within a case file) still leaves
    /// every new case's digest and keys as the views make them: all from the views.
    #[test]
    fn a_bulk_write_adding_rows_piecemeal_keys_every_case_from_the_views() {
        let mut s = Store::open_in_memory().expect("store");
        let file = CaseFile {
            case: Case {
                title: "Bridge inspections".into(),
                authority: "Glasgow City Council".into(),
                tags: vec!["roads".into(), "bridges".into(), "roads".into()],
                ..Case::default()
            },
            questions: Vec::new(),
            events: vec![
                event(EventKind::Closed, day(9)),
                event(EventKind::Response, day(2)),
            ],
        };
        let (first, second) = s
            .write_bulk(|w| -> Result<(i64, i64), StoreError> {
                let first = w.insert_case_file(&file)?;
                let second = w.insert_case_file(&file)?;
                // Reopened the same day, after the close: open again.
                w.insert_event(&Event {
                    case_id: second,
                    ..event(EventKind::ReviewRequested, day(9))
                })?;
                Ok((first, second))
            })
            .expect("bulk write");
        for (stored, views) in stored_and_views(&s) {
            assert_eq!(stored, views);
        }
        let open = |id: i64| -> i64 {
            s.conn
                .query_row("SELECT open FROM list_keys WHERE case_id = ?1", [id], |r| {
                    r.get(0)
                })
                .expect("keys")
        };
        assert_eq!((open(first), open(second)), (0, 1));
    }

    /// Made from the case files in hand, the digests and keys are the views' own.
    #[test]
    fn a_bulk_write_of_case_files_keys_them_as_the_views_do() {
        let mut s = Store::open_in_memory().expect("store");
        let mut file = CaseFile {
            case: Case {
                title: "Gritting".into(),
                authority: "Fife Council".into(),
                sent: Some(day(1)),
                tags: vec!["b".into(), "a".into(), "B".into(), "a".into()],
                ..Case::default()
            },
            questions: Vec::new(),
            events: vec![
                event(EventKind::Withdrawn, day(5)),
                event(EventKind::Response, day(5)),
                event(EventKind::Sent, day(1)),
            ],
        };
        file.events[1].until = Some(NaiveDate::from_ymd_opt(2017, 1, 1).expect("a date"));
        let bare = CaseFile {
            case: Case {
                title: "No dates".into(),
                authority: "Fife Council".into(),
                ..Case::default()
            },
            ..CaseFile::default()
        };
        s.write_bulk(|w| -> Result<(), StoreError> {
            w.insert_case_file(&file)?;
            w.insert_case_file(&bare).map(drop)
        })
        .expect("bulk write");
        for (stored, views) in stored_and_views(&s) {
            assert_eq!(stored, views);
        }
        let keys: Vec<(i64, String)> = s
            .conn
            .prepare("SELECT open, earliest FROM list_keys ORDER BY case_id")
            .and_then(|mut st| st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
            .expect("keys");
        // The response comes after the withdrawal on the same day (a higher id); the
        // earliest date is the response's `until`.
        assert_eq!(
            keys,
            vec![(1, "2017-01-01".into()), (1, "9999-12-31".into())]
        );
    }
}
