//! Large imports: one transaction of many thousand cases written at the speed of SQLite's
//! bulk insert rather than case by case.
//!
//! An ordinary write lets migration 2's insert triggers list every new row's case in
//! `search_pending` (one look-up per question, event and tag: 1.6 million at 100,000
//! cases), and each of those inserts then needs a statement journal. A bulk write drops
//! the four insert triggers for the length of its transaction, lists the new cases in
//! `search_pending` with one statement at the end, and puts the triggers back from their
//! own stored text, all before commit: the schema a reader sees after the commit is the
//! one it saw before, and a write that fails or is rolled back drops nothing. The search
//! index and the digests are then rebuilt for the whole set at once by
//! [`Writer::flush_search`], as for any write.
//!
//! The connection also gets a larger page cache and in-memory statement journals while
//! the transaction runs; both are put back afterwards.

use super::reads::Reads;
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

/// What a bulk write changed on the connection, to put back when it ends.
struct Pragmas {
    cache_size: i64,
    temp_store: i64,
    stable_plans: bool,
}

/// The insert triggers a bulk write dropped (their names and `CREATE` text) and the
/// highest case id before it: every case above it is new.
pub(super) struct Bulk {
    triggers: Vec<(String, String)>,
    last_case_before: i64,
}

impl Store {
    /// [`Store::write`] for a large import that only inserts new cases (with their
    /// questions, events and tags) and batches: all or nothing, as any write, but much
    /// faster for thousands of cases. `f` must not change or delete existing cases: their
    /// search entries and digests would not be brought up to date.
    pub fn write_bulk<T, E>(
        &mut self,
        f: impl FnOnce(&Writer<'_>) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E>
    where
        E: From<StoreError>,
    {
        let saved = self.bulk_pragmas()?;
        let result = self.write(|w| -> std::result::Result<T, E> {
            let bulk = w.begin_bulk()?;
            let value = f(w)?;
            w.end_bulk(bulk)?;
            Ok(value)
        });
        let restored = self.restore_pragmas(&saved);
        let value = result?;
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
            stable_plans: self
                .conn
                .db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG)
                .map_err(|e| self.err(e))?,
        };
        self.set_pragmas(-BULK_CACHE_KIB, 2)?;
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
        self.set_pragmas(saved.cache_size, saved.temp_store)
    }

    fn set_stable_plans(&self, on: bool) -> Result<()> {
        self.conn
            .set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, on)
            .map(drop)
            .map_err(|e| self.err(e))
    }

    fn set_pragmas(&self, cache_size: i64, temp_store: i64) -> Result<()> {
        self.conn
            .pragma_update(None, "cache_size", cache_size)
            .and_then(|()| self.conn.pragma_update(None, "temp_store", temp_store))
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
        Ok(Bulk {
            triggers,
            last_case_before,
        })
    }

    /// List every new case in `search_pending` and put the triggers back.
    fn end_bulk(&self, bulk: Bulk) -> Result<()> {
        self.exec(
            "INSERT OR IGNORE INTO search_pending (case_id) SELECT id FROM cases WHERE id > ?1",
            params![bulk.last_case_before],
        )?;
        for (_, sql) in &bulk.triggers {
            self.tx.execute_batch(sql).map_err(|e| self.sql_err(e))?;
        }
        Ok(())
    }
}
