//! Importing an export document as it is parsed: each case is checked and saved as soon
//! as its JSON is read, inside the one transaction of the whole import, so a 500 MB file
//! is never held in memory (neither as text nor as a document).
//!
//! The JSON is parsed on a thread of its own and handed over case by case through a
//! short queue, so that parsing (about a third of the work) runs beside the saving
//! instead of before each case's. The cases are saved in document order on the calling
//! thread, which holds the transaction; the first error in document order wins, as if it
//! all ran on one thread.

use super::transfer::{ImportReport, Importing, Watch, check_header, document_error};
use super::{Casebook, Error, Result};
use crate::interchange::CaseJson;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

/// How many parsed cases may wait to be saved: enough to keep both threads busy, few
/// enough (a few MB) not to matter for memory.
const QUEUE: usize = 256;

impl Casebook {
    /// Import the export document `reader` holds, case by case as it is parsed, all or
    /// nothing (see [`Casebook::import_document_watched`]). `total`: how many cases the
    /// document holds, when known (0 when not), for `watch`'s progress.
    /// Errors in the document itself (its JSON, format or version) start with `name`.
    pub fn import_json_reader(
        &mut self,
        reader: impl std::io::Read + Send,
        name: &str,
        total: usize,
        dry_run: bool,
        watch: Watch<'_>,
    ) -> Result<ImportReport> {
        self.import_with(dry_run, |w, report| {
            let mut run = Importing::new(w, report, watch, total);
            std::thread::scope(|scope| {
                let (cases, queue) = sync_channel(QUEUE);
                let parser = scope.spawn(move || parse(reader, name, cases));
                let saved = save_all(&mut run, queue);
                // The queue is closed once `save_all` returns, so the parser stops at its
                // next case if it has not finished.
                let parsed = parser
                    .join()
                    .unwrap_or_else(|_| Err(Error::user(format!("{name}: the reader failed"))));
                saved.and(parsed)
            })
        })
    }
}

/// Save the cases as they arrive, until the parser is done or a case fails.
fn save_all(run: &mut Importing<'_, '_>, queue: Receiver<CaseJson>) -> Result<()> {
    for case in queue {
        run.add(&case)?;
    }
    Ok(())
}

/// Parse the document, sending each case to be saved. An error in the document itself is
/// named for it; a closed queue (the saving stopped) ends the parse quietly.
fn parse(reader: impl std::io::Read, name: &str, cases: SyncSender<CaseJson>) -> Result<()> {
    let mut failure = None;
    let mut de = serde_json::Deserializer::from_reader(reader);
    let parsed = de
        .deserialize_map(DocumentVisitor {
            cases: &cases,
            failure: &mut failure,
            name,
        })
        .and_then(|()| de.end());
    match (parsed, failure) {
        (_, Some(Stop::Refused(e))) => Err(e),
        (_, Some(Stop::Closed)) => Ok(()),
        (Err(e), None) => Err(Error::user(format!("{name}: {}", document_error(&e)))),
        (Ok(()), None) => Ok(()),
    }
}

/// Why the parser was told to stop.
enum Stop {
    /// The document's header is refused (another format, a newer version).
    Refused(Error),
    /// The saving side has stopped (a bad case, an interruption, the database).
    Closed,
}

/// The top-level object: `format`, `version` and `cases`, in any order; other keys are
/// ignored (as the derived reader of [`crate::interchange::Document`] does).
struct DocumentVisitor<'a> {
    cases: &'a SyncSender<CaseJson>,
    /// Why the parser stopped, kept here while the parser is told only to stop.
    failure: &'a mut Option<Stop>,
    /// Names the document in errors about its header, as in errors about its JSON.
    name: &'a str,
}

impl DocumentVisitor<'_> {
    /// Keep a header error aside (named for the document) and tell the parser to stop.
    fn refuse<E: de::Error>(&mut self, e: Error) -> E {
        *self.failure = Some(Stop::Refused(Error::user(format!("{}: {e}", self.name))));
        E::custom("stopped")
    }
}

impl<'de> Visitor<'de> for DocumentVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("struct Document")
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> std::result::Result<(), A::Error> {
        let mut format: Option<String> = None;
        let mut version: Option<i64> = None;
        let mut cases = false;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "format" if format.is_some() => return Err(de::Error::duplicate_field("format")),
                "format" => format = Some(map.next_value()?),
                "version" if version.is_some() => {
                    return Err(de::Error::duplicate_field("version"));
                }
                "version" => version = Some(map.next_value()?),
                "cases" if cases => return Err(de::Error::duplicate_field("cases")),
                "cases" => {
                    cases = true;
                    // Refuse a foreign or newer document before saving any of it, when
                    // its header comes first (as `export` writes it).
                    if let (Some(f), Some(v)) = (&format, version)
                        && let Err(e) = check_header(f, v)
                    {
                        return Err(self.refuse(e));
                    }
                    map.next_value_seed(CasesSeed {
                        cases: self.cases,
                        failure: &mut *self.failure,
                    })?;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let format = format.ok_or_else(|| de::Error::missing_field("format"))?;
        let version = version.ok_or_else(|| de::Error::missing_field("version"))?;
        if !cases {
            return Err(de::Error::missing_field("cases"));
        }
        check_header(&format, version).map_err(|e| self.refuse(e))
    }
}

struct CasesSeed<'a> {
    cases: &'a SyncSender<CaseJson>,
    failure: &'a mut Option<Stop>,
}

impl<'de> DeserializeSeed<'de> for CasesSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for CasesSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
        while let Some(case) = seq.next_element::<CaseJson>()? {
            if self.cases.send(case).is_err() {
                *self.failure = Some(Stop::Closed);
                return Err(de::Error::custom("stopped"));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::casebook::{Casebook, Error, IMPORT_INTERRUPTED, Watch};
    use std::sync::atomic::{AtomicBool, Ordering};

    fn book() -> Casebook {
        crate::casebook::test_book()
    }

    fn document(n: usize) -> String {
        let cases: Vec<String> = (0..n)
            .map(|i| {
                format!(
                    r#"{{"title": "Request {i}", "authority": "Leeds", "their_ref": "F-{i}", "sent": "2024-01-10"}}"#
                )
            })
            .collect();
        format!(
            r#"{{"format": "foi-casebook", "version": 1, "cases": [{}]}}"#,
            cases.join(",\n")
        )
    }

    #[test]
    fn cases_are_saved_as_they_are_parsed_and_reported_one_by_one() {
        let mut book = book();
        let seen = std::sync::Mutex::new(Vec::new());
        let progress = |done: usize, total: usize| {
            if let Ok(mut s) = seen.lock() {
                s.push((done, total));
            }
        };
        let never = AtomicBool::new(false);
        let watch = Watch {
            progress: &progress,
            stop: &never,
        };
        let text = document(4);
        let report = book
            .import_json_reader(text.as_bytes(), "f", 4, false, watch)
            .expect("imported");
        assert_eq!((report.count, report.created.len()), (4, 4));
        assert_eq!(book.case_count().ok(), Some(4));
        assert_eq!(
            seen.lock().map(|s| s.clone()).ok(),
            Some(vec![(1, 4), (2, 4), (3, 4), (4, 4)])
        );
        // Again: every case is already there.
        let report = book
            .import_json_reader(text.as_bytes(), "f", 0, false, Watch::none())
            .expect("imported");
        assert_eq!((report.count, report.skipped.len()), (0, 4));
        // A dry run saves nothing.
        let report = book
            .import_json_reader(document(6).as_bytes(), "f", 0, true, Watch::none())
            .expect("checked");
        assert_eq!((report.count, report.created.len()), (2, 0));
        assert_eq!(book.case_count().ok(), Some(4));
    }

    #[test]
    fn a_stop_or_a_bad_case_midway_saves_nothing() {
        let mut book = book();
        let stop = AtomicBool::new(false);
        let progress = |done: usize, _: usize| {
            if done == 3 {
                stop.store(true, Ordering::Relaxed);
            }
        };
        let watch = Watch {
            progress: &progress,
            stop: &stop,
        };
        match book.import_json_reader(document(5).as_bytes(), "f", 0, false, watch) {
            Err(Error::User(m)) => assert_eq!(m, IMPORT_INTERRUPTED),
            other => panic!("expected the interruption, got {other:?}"),
        }
        assert_eq!(book.case_count().ok(), Some(0));

        let bad = document(3).replace(
            r#""title": "Request 2", "authority": "Leeds""#,
            r#""title": " ", "authority": "Leeds""#,
        );
        match book.import_json_reader(bad.as_bytes(), "f", 0, false, Watch::none()) {
            Err(Error::User(m)) => assert!(m.starts_with("case 3 "), "{m}"),
            other => panic!("expected the bad case, got {other:?}"),
        }
        assert_eq!(book.case_count().ok(), Some(0));

        let trailing = document(2) + " x";
        match book.import_json_reader(trailing.as_bytes(), "f", 0, false, Watch::none()) {
            Err(Error::User(m)) => {
                assert!(m.starts_with("f: not a casebook export: trailing"), "{m}")
            }
            other => panic!("expected the JSON error, got {other:?}"),
        }
        assert_eq!(book.case_count().ok(), Some(0));
    }
}
