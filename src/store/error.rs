//! What can go wrong with the database file, in words a user can act on.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{path}: not a casebook (the file is not a SQLite database); choose another file with --db"
    )]
    NotSqlite { path: PathBuf },
    #[error(
        "{path}: the file is empty, not a casebook; delete it or choose another file with --db"
    )]
    Empty { path: PathBuf },
    #[error(
        "{path}: a SQLite database of another program, not a casebook; choose another file with --db"
    )]
    Foreign { path: PathBuf },
    #[error(
        "{path}: written by a newer version of foi (schema {found}, this one knows {known}); upgrade foi to open it"
    )]
    Newer {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("{path}: the file or its folder is read-only; make it writable or copy it elsewhere")]
    ReadOnly { path: PathBuf },
    #[error("{path}: the disk is full; nothing was saved — free some space and try again")]
    Full { path: PathBuf },
    #[error("{path}: the casebook is damaged ({detail}); restore a backup (foi backup makes one)")]
    Corrupt { path: PathBuf, detail: String },
    #[error("{path}: the casebook is busy in another program; try again in a moment")]
    Busy { path: PathBuf },
    #[error("{path}: cannot {action}: {source}")]
    Io {
        path: PathBuf,
        action: &'static str,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: database error: {source}")]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("{path}: stored data is not readable: {detail}")]
    BadData { path: PathBuf, detail: String },
}

impl StoreError {
    /// Classify a SQLite error by what the user can do about it.
    pub(crate) fn from_sqlite(path: &std::path::Path, e: rusqlite::Error) -> StoreError {
        use rusqlite::ErrorCode as C;
        let path = path.to_path_buf();
        match e.sqlite_error_code() {
            Some(C::DiskFull) => StoreError::Full { path },
            Some(C::ReadOnly) | Some(C::CannotOpen) if is_readonly(&e) => {
                StoreError::ReadOnly { path }
            }
            Some(C::NotADatabase) => StoreError::NotSqlite { path },
            Some(C::DatabaseCorrupt) => StoreError::Corrupt {
                path,
                detail: e.to_string(),
            },
            Some(C::DatabaseBusy) | Some(C::DatabaseLocked) => StoreError::Busy { path },
            _ => StoreError::Sqlite { path, source: e },
        }
    }
}

fn is_readonly(e: &rusqlite::Error) -> bool {
    e.sqlite_error_code() == Some(rusqlite::ErrorCode::ReadOnly)
        || e.to_string().contains("readonly")
        || e.to_string().contains("read-only")
}
