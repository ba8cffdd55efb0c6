//! The casebook file itself, shared by opening and by backup and restore: recognising a
//! SQLite file before SQLite touches it, creating a file only its owner can read, and running
//! the schema's migrations.

use super::schema::{APPLICATION_ID, MIGRATIONS};
use super::{Result, Store, StoreError};
use std::fs;
use std::io::Read;
use std::path::Path;

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Refuse files that are not SQLite before SQLite touches them (it would happily
/// overwrite an empty file, and reading random bytes must not alter them).
pub(super) fn check_header(path: &Path) -> Result<()> {
    let mut head = [0u8; 16];
    let mut f = fs::File::open(path).map_err(|source| {
        if source.kind() == std::io::ErrorKind::PermissionDenied {
            StoreError::ReadOnly {
                path: path.to_path_buf(),
            }
        } else {
            StoreError::Io {
                path: path.to_path_buf(),
                action: "read the file",
                source,
            }
        }
    })?;
    let n = f.read(&mut head).map_err(|source| StoreError::Io {
        path: path.to_path_buf(),
        action: "read the file",
        source,
    })?;
    if n == 0 {
        return Err(StoreError::Empty {
            path: path.to_path_buf(),
        });
    }
    if n < 16 || &head != SQLITE_MAGIC {
        return Err(StoreError::NotSqlite {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

pub(super) fn migrate(store: &mut Store, from: i64) -> Result<()> {
    let path = store.path.clone();
    let sql = |e| StoreError::from_sqlite(&path, e);
    let tx = store
        .conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Exclusive)
        .map_err(sql)?;
    for (i, step) in MIGRATIONS.iter().enumerate().skip(from as usize) {
        tx.execute_batch(step).map_err(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)
            .map_err(sql)?;
    }
    // A step that changed what is indexed lists the cases as pending: they are indexed
    // (and their digests rebuilt) as every write's commit does, with the final schema.
    super::search::flush_pending(&tx).map_err(sql)?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)
        .map_err(sql)?;
    tx.commit().map_err(sql)
}

/// The file holds personal data: readable by its owner only, from the first byte.
#[cfg(unix)]
pub(super) fn create_private_file(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map(drop)
}

#[cfg(not(unix))]
pub(super) fn create_private_file(path: &Path) -> std::io::Result<()> {
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map(drop)
}
