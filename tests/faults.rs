//! Faults: kill -9 mid-stream, two writers at once, a full disk, backups taken while
//! another instance writes, restore. Each bounded to a few seconds.

mod common;
use common::{Sandbox, read};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn foi_bin() -> String {
    assert_cmd::cargo::cargo_bin("foi").display().to_string()
}

fn integrity(db: &std::path::Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

/// A shell loop adding questions Q1..Qn to case 1, printing each label only after foi
/// reported success.
fn writer_script(s: &Sandbox, prefix: &str, n: usize) -> String {
    format!(
        "for i in $(seq 1 {n}); do FOI_TODAY=2018-03-10 '{bin}' --db '{db}' question add 1 --label {prefix}$i --text 'question number '$i >/dev/null && echo {prefix}$i || echo FAIL$i; done",
        bin = foi_bin(),
        db = s.db.display(),
    )
}

fn labels(s: &Sandbox) -> Vec<String> {
    s.json(&["show", "1"])["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["label"].as_str().unwrap().to_string())
        .collect()
}

#[cfg(unix)]
#[test]
fn kill_9_mid_stream_loses_nothing_that_was_reported_saved() {
    use std::os::unix::process::CommandExt;
    let s = Sandbox::new();
    s.ok(&[
        "add",
        "--authority",
        "A",
        "--title",
        "Stream",
        "--sent",
        "2018-03-01",
    ]);
    let mut total_reported = 0;
    for (round, delay_ms) in [(0, 150u64), (1, 400), (2, 700)] {
        let prefix = format!("R{round}_");
        let child = Command::new("sh")
            .arg("-c")
            .arg(writer_script(&s, &prefix, 200))
            .stdout(Stdio::piped())
            .process_group(0)
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        // Kill the whole group: the loop and whichever foi is mid-write.
        let pgid = child.id() as i32;
        Command::new("kill")
            .arg("-9")
            .arg(format!("-{pgid}"))
            .status()
            .unwrap();
        let out = child.wait_with_output().unwrap();
        let reported: Vec<String> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter(|l| l.starts_with(&prefix))
            .map(str::to_string)
            .collect();
        assert_eq!(integrity(&s.db), "ok");
        let stored = labels(&s);
        for r in &reported {
            assert!(stored.contains(r), "{r} was reported saved but is missing");
        }
        total_reported += reported.len();
    }
    assert!(
        total_reported > 0,
        "the kills came before any write: the test proved nothing"
    );
}

#[test]
fn two_writers_at_once_both_succeed() {
    let s = Sandbox::new();
    s.ok(&[
        "add",
        "--authority",
        "A",
        "--title",
        "Busy",
        "--sent",
        "2018-03-01",
    ]);
    let spawn = |prefix: &str| {
        Command::new("sh")
            .arg("-c")
            .arg(writer_script(&s, prefix, 25))
            .stdout(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn("A"), spawn("B"));
    let outs = [a.wait_with_output().unwrap(), b.wait_with_output().unwrap()];
    for o in &outs {
        let text = String::from_utf8_lossy(&o.stdout);
        assert!(!text.contains("FAIL"), "a write failed: {text}");
    }
    let stored = labels(&s);
    assert_eq!(stored.len(), 50, "{stored:?}");
    assert_eq!(integrity(&s.db), "ok");
}

#[test]
fn a_full_disk_saves_nothing_and_says_so() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    s.ok(&["list"]);
    let before = read(&s.db);
    let pages = before.len() / 4096 + 1;
    let big = s.path("big.txt");
    std::fs::write(&big, "x".repeat(2_000_000)).unwrap();
    let out = s
        .foi()
        .env("FOI_TEST_MAX_PAGES", pages.to_string())
        .args([
            "event",
            "add",
            "1",
            "--kind",
            "note",
            "--date",
            "2018-03-05",
            "--letter-file",
        ])
        .arg(&big)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("disk is full") && err.contains("nothing was saved"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert_eq!(read(&s.db), before, "the file must be untouched");
    assert_eq!(
        s.json(&["show", "1"])["events"].as_array().unwrap().len(),
        2
    );
}

#[test]
fn backup_while_another_instance_writes_is_consistent() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let mut writer = Command::new("sh")
        .arg("-c")
        .arg(writer_script(&s, "W", 40))
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(100));
    let copy = s.path("copy.db");
    s.ok(&["backup", copy.to_str().unwrap()]);
    writer.wait().unwrap();
    assert_eq!(integrity(&copy), "ok");
    // The copy is a casebook foi opens, holding the demo case.
    let out = assert_cmd::Command::cargo_bin("foi")
        .unwrap()
        .args([
            "--db",
            copy.to_str().unwrap(),
            "--today",
            "2018-03-10",
            "show",
            "1",
            "--json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // An existing file is never overwritten.
    let e = s.fails(&["backup", copy.to_str().unwrap()], 1);
    assert!(e.contains("already exists"), "{e}");
}

#[test]
fn restore_brings_a_backup_back_and_keeps_the_current_one() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let copy = s.path("copy.db");
    s.ok(&["backup", copy.to_str().unwrap()]);
    s.ok(&["delete", "1", "--yes"]);
    s.ok(&[
        "add",
        "--authority",
        "B",
        "--title",
        "After backup",
        "--sent",
        "2018-03-01",
    ]);
    let e = s.fails(&["restore", copy.to_str().unwrap()], 1);
    assert!(e.contains("--yes"), "{e}");
    let started = Instant::now();
    let out = s.ok(&["restore", copy.to_str().unwrap(), "--yes"]);
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(out.contains("previous casebook is kept at"), "{out}");
    let list = s.json(&["list", "--filter", "all"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(
        list[0]["title"],
        "Work and Health Programme performance levels"
    );
    // A file that is not a casebook is refused and nothing changes.
    let junk = s.path("junk.db");
    std::fs::write(&junk, b"not a database at all, not even close").unwrap();
    let e = s.fails(&["restore", junk.to_str().unwrap(), "--yes"], 2);
    assert!(e.contains("not a casebook"), "{e}");
    assert_eq!(
        s.json(&["list", "--filter", "all"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
}
