//! Opening a file safely: recognise it, refuse what is not ours, migrate what is old.

use super::file::{check_header, create_private_file, migrate};
use super::schema::{APPLICATION_ID, current_version};
use super::{Result, Store, StoreError};
use rusqlite::{Connection, OpenFlags};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a writer waits for another instance's transaction before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

pub(super) fn open(path: &Path) -> Result<Store> {
    let fresh = !path.exists();
    let result = open_inner(path, fresh);
    if result.is_err() && fresh {
        // Leave nothing half-made behind: the next run must not find an empty file.
        for suffix in ["", "-wal", "-shm"] {
            let mut p = path.as_os_str().to_os_string();
            p.push(suffix);
            let _ = fs::remove_file(p);
        }
    }
    result
}

fn open_inner(path: &Path, fresh: bool) -> Result<Store> {
    let io = |action: &'static str| {
        let path = path.to_path_buf();
        move |source| StoreError::Io {
            path,
            action,
            source,
        }
    };
    if fresh {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            create_private_dir(dir).map_err(io("create its folder"))?;
        }
        create_private_file(path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::PermissionDenied {
                StoreError::ReadOnly {
                    path: path.to_path_buf(),
                }
            } else {
                io("create the file")(e)
            }
        })?;
    } else {
        check_header(path)?;
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| StoreError::from_sqlite(path, e))?;
    if conn.is_readonly("main").unwrap_or(false) {
        return Err(StoreError::ReadOnly {
            path: path.to_path_buf(),
        });
    }
    let mut store = Store {
        conn,
        path: path.to_path_buf(),
        migrated_backup: None,
        touched: Vec::new(),
    };
    prepare(&mut store, fresh)?;
    Ok(store)
}

pub(super) fn open_in_memory() -> Result<Store> {
    let path = PathBuf::from(":memory:");
    let conn = Connection::open_in_memory().map_err(|e| StoreError::from_sqlite(&path, e))?;
    let mut store = Store {
        conn,
        path,
        migrated_backup: None,
        touched: Vec::new(),
    };
    prepare(&mut store, true)?;
    Ok(store)
}

fn prepare(store: &mut Store, fresh: bool) -> Result<()> {
    let path = store.path.clone();
    let sql = |e| StoreError::from_sqlite(&path, e);
    let conn = &store.conn;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(sql)?;
    // Identify the file before changing anything in it.
    let app_id: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(sql)?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(sql)?;
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(sql)?;
    let ours = app_id == APPLICATION_ID;
    let blank = app_id == 0 && version == 0 && tables == 0;
    if !(ours || fresh || blank) {
        return Err(StoreError::Foreign { path });
    }
    if version > current_version() {
        return Err(StoreError::Newer {
            path,
            found: version,
            known: current_version(),
        });
    }
    if path.as_os_str() != ":memory:" {
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(sql)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::ReadOnly { path });
        }
        conn.execute_batch("PRAGMA synchronous = NORMAL;")
            .map_err(sql)?;
    }
    conn.execute_batch("PRAGMA foreign_keys = ON;")
        .map_err(sql)?;
    if version < current_version() {
        if version > 0 {
            store.migrated_backup = Some(backup_before_migration(store, version)?);
        }
        migrate(store, version)?;
    }
    Ok(())
}

/// A copy next to the file, named for the schema it holds, before any migration. A
/// backup of that name already there (an upgrade that failed, an older copy) is kept:
/// the copy takes the next free name, so the upgrade never stops on it.
fn backup_before_migration(store: &Store, version: i64) -> Result<PathBuf> {
    let base = store.path.file_name().unwrap_or_default().to_os_string();
    let named = |n: u32| {
        let mut name = base.clone();
        match n {
            1 => name.push(format!(".v{version}.bak")),
            n => name.push(format!(".v{version}.{n}.bak")),
        }
        store.path.with_file_name(name)
    };
    // After 99 copies the last name is tried anyway and its error says why.
    let dest = (1..100)
        .map(named)
        .find(|p| !p.exists())
        .unwrap_or_else(|| named(100));
    super::backup::backup(&store.conn, &store.path, &dest)?;
    Ok(dest)
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    if dir.exists() {
        return Ok(());
    }
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    fs::create_dir_all(dir)
}
