//! The casebook file: created private, refused (untouched, exit 2) when it is not ours.

mod common;
use common::{Sandbox, read};

#[cfg(unix)]
#[test]
fn new_casebook_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let mode = std::fs::metadata(&s.db).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "file mode {mode:o}");
    let dir_mode = std::fs::metadata(s.db.parent().unwrap())
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(dir_mode, 0o700, "dir mode {dir_mode:o}");
}

fn refused_untouched(s: &Sandbox, bytes: &[u8], expect: &str) {
    std::fs::create_dir_all(s.db.parent().unwrap()).unwrap();
    std::fs::write(&s.db, bytes).unwrap();
    let before = read(&s.db);
    for args in [&["list"][..], &["demo"][..]] {
        let e = s.fails(args, 2);
        assert!(e.contains(expect), "{e}");
        assert!(
            e.contains(&s.db.display().to_string()),
            "message names the file: {e}"
        );
    }
    assert_eq!(read(&s.db), before, "file must be untouched");
}

#[test]
fn random_bytes_are_refused() {
    let s = Sandbox::new();
    let junk: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    refused_untouched(&s, &junk, "not a casebook");
}

#[test]
fn an_empty_file_is_refused() {
    let s = Sandbox::new();
    refused_untouched(&s, b"", "empty");
}

fn sqlite_file(s: &Sandbox, setup: &str) -> Vec<u8> {
    std::fs::create_dir_all(s.db.parent().unwrap()).unwrap();
    let conn = rusqlite::Connection::open(&s.db).unwrap();
    conn.execute_batch(setup).unwrap();
    drop(conn);
    read(&s.db)
}

#[test]
fn another_programs_database_is_refused() {
    let s = Sandbox::new();
    let bytes = sqlite_file(
        &s,
        "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT); INSERT INTO moz_places (url) VALUES ('x');",
    );
    refused_untouched(&s, &bytes, "another program");
}

#[test]
fn a_casebook_from_a_newer_version_is_refused() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let conn = rusqlite::Connection::open(&s.db).unwrap();
    conn.execute_batch("PRAGMA user_version = 99; PRAGMA journal_mode = DELETE;")
        .unwrap();
    drop(conn);
    let before = read(&s.db);
    let e = s.fails(&["list"], 2);
    assert!(e.contains("newer version"), "{e}");
    assert_eq!(read(&s.db), before);
}

#[cfg(unix)]
#[test]
fn a_read_only_casebook_is_refused_clearly() {
    use std::os::unix::fs::PermissionsExt;
    let s = Sandbox::new();
    s.ok(&["demo"]);
    // Root ignores file modes, so this test only means something for other users.
    if unsafe_is_root() {
        eprintln!("skipped: running as root, which can write read-only files");
        return;
    }
    std::fs::set_permissions(&s.db, std::fs::Permissions::from_mode(0o400)).unwrap();
    let e = s.fails(&["list"], 2);
    assert!(e.contains("read-only"), "{e}");
}

#[cfg(unix)]
fn unsafe_is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// A casebook as the first release wrote it (schema 1) with one case.
fn write_v1_casebook(s: &Sandbox) {
    use foi_casebook::store::schema::{APPLICATION_ID, MIGRATIONS};
    std::fs::create_dir_all(s.db.parent().unwrap()).unwrap();
    {
        let conn = rusqlite::Connection::open(&s.db).unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.execute_batch(&format!(
            "PRAGMA user_version = 1; PRAGMA application_id = {APPLICATION_ID};
             INSERT INTO authorities (id, name, name_key) VALUES (1, 'Old Council', 'old council');
             INSERT INTO cases (id, title, authority_id, regime, sent, created_at, updated_at)
               VALUES (1, 'Library opening hours', 1, 'foia', '2018-03-01', '2018-03-01T00:00:00Z', '2018-03-01T00:00:00Z');"
        ))
        .unwrap();
    }
}

#[test]
fn an_older_casebook_is_backed_up_then_upgraded() {
    let s = Sandbox::new();
    write_v1_casebook(&s);
    let out = s.foi().args(["list", "--json"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    let backup = s.db.with_file_name("casebook.db.v1.bak");
    assert!(
        err.contains("upgraded") && err.contains(&backup.display().to_string()),
        "{err}"
    );
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list[0]["title"], "Library opening hours");
    // The backup is the old casebook, as it was.
    let old = rusqlite::Connection::open(&backup).unwrap();
    let v: i64 = old
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, 1);
    // The upgrade made the list's timeline digests of the existing cases.
    let digests: i64 = rusqlite::Connection::open(&s.db)
        .unwrap()
        .query_row("SELECT count(*) FROM case_digest", [], |r| r.get(0))
        .unwrap();
    assert_eq!(digests, 1);
    // The upgrade filled the search index from the existing cases.
    let hits = s.json(&["search", "library"]);
    assert!(hits.to_string().contains("Library opening hours"), "{hits}");
    // Opening again does not back up again.
    let again = s.foi().args(["list"]).output().unwrap();
    assert!(String::from_utf8_lossy(&again.stderr).is_empty());
}

/// Root ignores file modes, so an immutable file (chattr +i) stands in for a read-only one.
#[cfg(unix)]
#[test]
fn an_unwritable_casebook_is_refused_untouched() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let before = read(&s.db);
    let locked = std::process::Command::new("chattr")
        .arg("+i")
        .arg(&s.db)
        .status();
    if !locked.is_ok_and(|st| st.success()) {
        println!(
            "SKIPPED: chattr +i is not available here (e2fsprogs, a filesystem that supports it)"
        );
        return;
    }
    struct Unlock<'a>(&'a std::path::Path);
    impl Drop for Unlock<'_> {
        fn drop(&mut self) {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(self.0)
                .status();
        }
    }
    let _unlock = Unlock(&s.db);
    let e = s.fails(&["list"], 2);
    assert!(
        e.contains("read-only") && e.contains(&s.db.display().to_string()),
        "{e}"
    );
    let e = s.fails(&["demo"], 2);
    assert!(e.contains("read-only"), "{e}");
    assert_eq!(read(&s.db), before);
}

#[test]
fn an_upgrade_keeps_an_earlier_backup_and_takes_the_next_name() {
    let s = Sandbox::new();
    write_v1_casebook(&s);
    // Left by an earlier upgrade (or the user's own copy): never replaced.
    let earlier = s.db.with_file_name("casebook.db.v1.bak");
    std::fs::write(&earlier, b"an earlier copy").unwrap();
    let out = s.foi().args(["list", "--json"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let next = s.db.with_file_name("casebook.db.v1.2.bak");
    assert!(err.contains(&next.display().to_string()), "{err}");
    assert_eq!(std::fs::read(&earlier).unwrap(), b"an earlier copy");
    let v: i64 = rusqlite::Connection::open(&next)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, 1);
}
