//! A panic is a bug, never the user's fault: it restores the terminal, says briefly that
//! the data is safe, logs the details next to the casebook, and exits 2.

mod common;
use common::Sandbox;

#[test]
fn a_panic_is_reported_briefly_and_logged() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let out = s
        .foi()
        .env("FOI_TEST_PANIC", "cli")
        .args(["list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("internal error") && err.contains("is safe"),
        "{err}"
    );
    assert!(
        err.contains(&s.db.display().to_string()),
        "names the casebook: {err}"
    );
    assert!(
        !err.contains("stack backtrace"),
        "no wall of backtrace: {err}"
    );
    let log = s.db.with_file_name("foi-crash.log");
    let logged = std::fs::read_to_string(&log).expect("crash log written");
    assert!(
        logged.contains("a panic requested by FOI_TEST_PANIC"),
        "{logged}"
    );
    assert!(
        err.contains(&log.display().to_string()),
        "says where the details are: {err}"
    );
    // Nothing was lost.
    assert_eq!(
        s.json(&["show", "1"])["questions"]
            .as_array()
            .unwrap()
            .len(),
        9
    );
}
