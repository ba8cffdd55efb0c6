//! Large imports: one transaction of many thousand new cases written at the speed of
//! SQLite's bulk insert rather than case by case.
//!
//! An ordinary write lets migration 2's insert triggers list every new row's case in
//! `search_pending` (one look-up per question, event and tag: 1.6 million at 100,000
//! cases), then re-indexes and re-digests the listed cases by id before it commits. A
//! bulk write only adds cases, and new cases take ids above every existing one (SQLite
//! gives a new row the largest id plus one), so it:
//!
//! - drops the four insert triggers for the length of its transaction;
//! - writes each new case's timeline digest and list keys as the case file is inserted,
//!   made in Rust from the file in hand (`bulk_keys.rs`); should the write add a case or
//!   an event piecemeal instead, they are all made at the end from the views, as before;
//! - after the inserts, builds the search entries of every case above the last id seen
//!   before it, one range scan (same statement as the pending rebuild, so the same
//!   text);
//! - puts the triggers back from their own stored text.
//!
//! All of it happens before the commit: a reader sees the schema it saw before, and a
//! write that fails or is rolled back (a dry run) drops nothing.
//!
//! While the transaction runs the connection also has a larger page cache, in-memory
//! statement journals, stable query plans and no foreign-key look-ups (every row the
//! import writes points at the case or batch it has just inserted); all four are put
//! back afterwards.

use super::reads::Reads;
use super::search::{CLEAR_CASES_AFTER, CLEAR_KEYS_AFTER, DIGEST_CASES_AFTER, INDEX_CASES_AFTER};
use super::{Result, Store, StoreError, Writer};
use rusqlite::config::DbConfig;
use rusqlite::{OptionalExtension, params};

/// The triggers that list an inserted row's case in `search_pending` (migration 2).
const INSERT_TRIGGERS: [&str; 4] = [
    "search_case_ins",
    "search_tag_ins",
    "search_question_ins",
    "search_event_ins",
];

/// The page cache of a bulk write, in KiB (SQLite's negative `cache_size`): a 100,000-case
/// import touches a few hundred MB of pages, and with the default 2 MB most of them
/// would be written out and read back before the commit. Peak memory stays well under
/// 200 MB.
const BULK_CACHE_KIB: i64 = 32 * 1024;

/// Where a bulk write's new cases get their timeline digests and list keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Keys {
    /// Not in a bulk write: the pending rebuild before the commit makes them.
    Off,
    /// Each from its case file as [`Writer::insert_case_file`] inserts it.
    FromFiles,
    /// A case or event was added on its own: all of them from the views at the end.
    FromViews,
}

/// What a bulk write changed on the connection, to put back when it ends.
struct Pragmas {
    cache_size: i64,
    temp_store: i64,
    foreign_keys: bool,
    stable_plans: bool,
}

/// The insert triggers a bulk write dropped (their names and `CREATE` text) and the
/// highest case id before it: every case above it is new.
pub(super) struct Bulk {
    triggers: Vec<(String, String)>,
    last_case_before: i64,
}

impl Store {
    /// [`Store::write`] for a large import of new cases (with their questions, events and
    /// tags) and batches: all or nothing, as any write, but much faster for thousands of
    /// cases. `f` must add questions, events and tags only to the cases it creates (one
    /// added to an existing case would not reach the search index), and the foreign keys
    /// are not checked.
    pub fn write_bulk<T, E>(
        &mut self,
        f: impl FnOnce(&Writer<'_>) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E>
    where
        E: From<StoreError>,
    {
        let saved = self.bulk_pragmas()?;
        let mut new = Vec::new();
        let result = self.write(|w| -> std::result::Result<T, E> {
            let bulk = w.begin_bulk()?;
            let value = f(w)?;
            new = w.end_bulk(bulk)?;
            Ok(value)
        });
        let restored = self.restore_pragmas(&saved);
        let value = result?;
        self.touched.extend(new);
        restored?;
        Ok(value)
    }

    fn bulk_pragmas(&self) -> Result<Pragmas> {
        let get = |name: &str| -> Result<i64> {
            self.conn
                .pragma_query_value(None, name, |r| r.get(0))
                .map_err(|e| self.err(e))
        };
        let saved = Pragmas {
            cache_size: get("cache_size")?,
            temp_store: get("temp_store")?,
            foreign_keys: get("foreign_keys")? != 0,
            stable_plans: self
                .conn
                .db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG)
                .map_err(|e| self.err(e))?,
        };
        self.set_pragmas(-BULK_CACHE_KIB, 2, false)?;
        // Without the stability guarantee SQLite plans some of the import's look-ups
        // anew for every value bound to them (a parse and plan per case).
        self.set_stable_plans(true)?;
        // An import runs about fifteen distinct statements per case; rusqlite keeps 16 by
        // default, and one evicted is prepared again for every case.
        self.conn.set_prepared_statement_cache_capacity(64);
        Ok(saved)
    }

    fn restore_pragmas(&self, saved: &Pragmas) -> Result<()> {
        self.set_stable_plans(saved.stable_plans)?;
        self.set_pragmas(saved.cache_size, saved.temp_store, saved.foreign_keys)
    }

    fn set_stable_plans(&self, on: bool) -> Result<()> {
        self.conn
            .set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, on)
            .map(drop)
            .map_err(|e| self.err(e))
    }

    fn set_pragmas(&self, cache_size: i64, temp_store: i64, foreign_keys: bool) -> Result<()> {
        self.conn
            .pragma_update(None, "cache_size", cache_size)
            .and_then(|()| self.conn.pragma_update(None, "temp_store", temp_store))
            .and_then(|()| self.conn.pragma_update(None, "foreign_keys", foreign_keys))
            .map_err(|e| self.err(e))
    }
}

impl Writer<'_> {
    /// Drop the insert triggers (kept aside to put back) and note the last case id.
    fn begin_bulk(&self) -> Result<Bulk> {
        let mut triggers = Vec::with_capacity(INSERT_TRIGGERS.len());
        for name in INSERT_TRIGGERS {
            let sql: Option<String> = self
                .tx
                .query_row(
                    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
                    [name],
                    |r| r.get(0),
                )
                .optional()
                .map_err(|e| self.sql_err(e))?;
            // A casebook without the trigger is not ours to fix here: keep the others.
            if let Some(sql) = sql {
                triggers.push((name.to_string(), sql));
            }
        }
        for (name, _) in &triggers {
            self.tx
                .execute_batch(&format!("DROP TRIGGER \"{name}\""))
                .map_err(|e| self.sql_err(e))?;
        }
        let last_case_before = self
            .tx
            .query_row("SELECT coalesce(max(id), 0) FROM cases", [], |r| r.get(0))
            .map_err(|e| self.sql_err(e))?;
        // A digest or key left above the last case (none is expected) would collide.
        for sql in CLEAR_KEYS_AFTER {
            self.exec(sql, params![last_case_before])?;
        }
        self.bulk.set(Keys::FromFiles);
        Ok(Bulk {
            triggers,
            last_case_before,
        })
    }

    /// Index and digest every new case in one pass each, put the triggers back, and
    /// return the new cases' ids (the write's touched cases).
    fn end_bulk(&self, bulk: Bulk) -> Result<Vec<i64>> {
        let after = params![bulk.last_case_before];
        self.exec(CLEAR_CASES_AFTER, after)?;
        if self.bulk.replace(Keys::Off) == Keys::FromViews {
            for sql in CLEAR_KEYS_AFTER.iter().chain(&DIGEST_CASES_AFTER) {
                self.exec(sql, after)?;
            }
        }
        self.exec(INDEX_CASES_AFTER, after)?;
        let new: Vec<i64> = self
            .tx
            .prepare_cached("SELECT id FROM cases WHERE id > ?1 ORDER BY id")
            .and_then(|mut st| st.query_map(after, |r| r.get(0))?.collect())
            .map_err(|e| self.sql_err(e))?;
        for (_, sql) in &bulk.triggers {
            self.tx.execute_batch(sql).map_err(|e| self.sql_err(e))?;
        }
        Ok(new)
    }

    /// Note a case or event added outside [`Writer::insert_case_file`] in a bulk write.
    pub(super) fn piecemeal(&self) {
        if self.bulk.get() == Keys::FromFiles {
            self.bulk.set(Keys::FromViews);
        }
    }
}
