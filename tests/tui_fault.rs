//! `foi` with no command and a casebook it cannot open, run without a terminal (a script,
//! CI): no screen to show, so no waiting for a key — the one line on stderr, exit 2, the
//! file untouched. (In a terminal the message screen comes first: tests/e2e_tmux.rs.)

use assert_cmd::Command;

fn foi() -> Command {
    let mut c = Command::cargo_bin("foi").expect("the foi binary");
    c.timeout(std::time::Duration::from_secs(20));
    c
}

#[test]
fn a_foreign_file_without_a_terminal_exits_2_with_one_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("notes.db");
    std::fs::write(&db, "my shopping list\n").expect("write");
    let out = foi().arg("--db").arg(&db).output().expect("runs");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("foi: ") && err.contains("not a casebook"),
        "{err}"
    );
    assert!(out.stdout.is_empty(), "nothing drawn without a terminal");
    assert_eq!(
        std::fs::read_to_string(&db).expect("still there"),
        "my shopping list\n"
    );
}

#[test]
fn a_newer_casebook_without_a_terminal_exits_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("casebook.db");
    foi().arg("--db").arg(&db).arg("demo").assert().success();
    {
        let conn = rusqlite::Connection::open(&db).expect("open");
        conn.pragma_update(None, "user_version", 999).expect("bump");
    }
    let out = foi().arg("--db").arg(&db).output().expect("runs");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("newer version of foi"), "{err}");
}
