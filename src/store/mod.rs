//! SQLite persistence: the only module that speaks SQL.
//!
//! Reads go through [`Store`]; every user action writes through [`Store::write`], which
//! runs it as one transaction so that a crash or a kill leaves either all of it or none.

mod attachments;
mod backup;
mod batches;
mod bulk;
mod bulk_keys;
mod case_files;
mod decode;
mod digest;
mod error;
mod file;
mod list_rows;
mod list_start;
mod meta;
mod open;
mod question_texts;
mod reads;
mod rows;
pub mod schema;
pub mod search;
mod snoozes;
pub mod stats;
mod writes;

pub use attachments::{AttachmentReads, NewAttachment, RemovedOriginal};
pub use batches::{BatchListed, BatchReads};
pub use case_files::Texts;
pub use error::StoreError;
pub use list_rows::{ListRecord, join_parts};
pub use list_start::{KeyCounts, StartStep};
pub use meta::fnv1a;
pub use question_texts::QuestionHay;
pub use reads::Reads;
pub use writes::{Writer, authority_key};

use rusqlite::Connection;
use std::path::{Path, PathBuf};

pub type Result<T> = std::result::Result<T, StoreError>;

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Where a backup was written before migrating, to tell the user.
    pub migrated_backup: Option<PathBuf>,
    /// The cases this connection's writes have touched since [`Store::take_touched`],
    /// so that a screen can refresh just those.
    touched: Vec<i64>,
}

impl Store {
    /// Open (creating if absent) the casebook at `path`. A foreign, damaged or newer file
    /// is refused untouched.
    pub fn open(path: &Path) -> Result<Store> {
        open::open(path)
    }

    /// A private in-memory casebook, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        open::open_in_memory()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Run `f` as one transaction: committed if it returns `Ok`, rolled back otherwise.
    pub fn write<T, E>(
        &mut self,
        f: impl FnOnce(&Writer<'_>) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E>
    where
        E: From<StoreError>,
    {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| StoreError::from_sqlite(&path, e))?;
        let writer = Writer {
            tx,
            path: &path,
            bulk: std::cell::Cell::new(bulk::Keys::Off),
        };
        let value = f(&writer)?;
        let touched = writer.flush_search()?;
        writer
            .tx
            .commit()
            .map_err(|e| StoreError::from_sqlite(&path, e))?;
        self.touched.extend(touched);
        Ok(value)
    }

    /// The ids of the cases written (added, changed or deleted) through this store since
    /// the last call, each once, in id order.
    pub fn take_touched(&mut self) -> Vec<i64> {
        let mut ids = std::mem::take(&mut self.touched);
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    fn err(&self, e: rusqlite::Error) -> StoreError {
        StoreError::from_sqlite(&self.path, e)
    }

    /// A consistent copy of the whole casebook, taken with SQLite's online backup API.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        backup::backup(&self.conn, &self.path, dest)
    }

    /// Cap the file's size in pages: how the tests simulate a disk that fills mid-write.
    #[cfg(feature = "test-hooks")]
    pub fn limit_pages(&self, pages: i64) -> Result<()> {
        self.conn
            .pragma_update(None, "max_page_count", pages)
            .map_err(|e| self.err(e))
    }

    /// Changes made by other connections since the last call (`PRAGMA data_version`).
    pub fn data_version(&self) -> Result<i64> {
        self.conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }
}
