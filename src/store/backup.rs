//! Consistent copies in and out, with SQLite's online backup API (safe while another
//! instance writes: the copy is of one committed state).

use super::file::{check_header, create_private_file, migrate};
use super::schema::{APPLICATION_ID, current_version};
use super::{Result, Store, StoreError};
use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub(super) fn backup(conn: &Connection, path: &Path, dest: &Path) -> Result<()> {
    use rusqlite::backup::Backup;
    let sql = |e| StoreError::from_sqlite(path, e);
    if dest.exists() {
        return Err(StoreError::Io {
            path: dest.to_path_buf(),
            action: "write the backup",
            source: std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                "the file already exists",
            ),
        });
    }
    create_private_file(dest).map_err(|source| StoreError::Io {
        path: dest.to_path_buf(),
        action: "write the backup",
        source,
    })?;
    let mut target = Connection::open(dest).map_err(|e| StoreError::from_sqlite(dest, e))?;
    {
        let b = Backup::new(conn, &mut target).map_err(sql)?;
        b.run_to_completion(256, Duration::from_millis(5), None)
            .map_err(sql)?;
    }
    // A backup should be one self-contained file.
    target
        .query_row("PRAGMA journal_mode = DELETE", [], |_| Ok(()))
        .map_err(|e| StoreError::from_sqlite(dest, e))?;
    Ok(())
}

impl Store {
    /// Replace this casebook's contents with the casebook at `src`, after keeping a copy
    /// of the current one beside it (returned). `src` must be a casebook this version reads.
    pub fn restore_from(&mut self, src: &Path) -> Result<PathBuf> {
        check_header(src)?;
        let source = Connection::open_with_flags(src, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| StoreError::from_sqlite(src, e))?;
        let sql = |e| StoreError::from_sqlite(src, e);
        let app_id: i64 = source
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(sql)?;
        let version: i64 = source
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(sql)?;
        if app_id != APPLICATION_ID {
            return Err(StoreError::Foreign {
                path: src.to_path_buf(),
            });
        }
        if version > current_version() {
            return Err(StoreError::Newer {
                path: src.to_path_buf(),
                found: version,
                known: current_version(),
            });
        }
        let check: String = source
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(sql)?;
        if check != "ok" {
            return Err(StoreError::Corrupt {
                path: src.to_path_buf(),
                detail: check,
            });
        }
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
        let mut name = self.path.file_name().unwrap_or_default().to_os_string();
        name.push(format!(".before-restore-{stamp}.bak"));
        let keep = self.path.with_file_name(name);
        backup(&self.conn, &self.path, &keep)?;
        {
            let path = self.path.clone();
            let err = |e| StoreError::from_sqlite(&path, e);
            let b = Backup::new(&source, &mut self.conn).map_err(err)?;
            b.run_to_completion(256, Duration::from_millis(5), None)
                .map_err(err)?;
        }
        if version < current_version() {
            migrate(self, version)?;
        }
        Ok(keep)
    }
}
