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

#[test]
fn kill_9_mid_stream_loses_nothing_that_was_reported_saved() {
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
    let letter = s.path("letter.txt");
    std::fs::write(&letter, "a letter line\n".repeat(2_000)).unwrap();
    let writer = |label: &str| {
        let mut c = s.spawnable();
        c.args([
            "event",
            "add",
            "1",
            "--kind",
            "note",
            "--date",
            "2018-03-05",
            "--note",
            label,
            "--letter-file",
        ])
        .arg(&letter)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
        c
    };
    // How long one write takes on this machine now, so the kills spread over it whatever
    // the load.
    let started = Instant::now();
    assert!(writer("warm-up").status().unwrap().success());
    let full = started.elapsed().as_micros() as u64;
    let mut reported = Vec::new();
    let mut killed = 0;
    // SIGKILL each writer after a different delay, from 0 to twice a whole write, so that
    // the kills land before, during and after its transaction. A loaded machine can make
    // writes slower than the first one: then the next round waits twice as long.
    let mut span = full.max(1_000);
    for round in 0..6u64 {
        for i in 0..20u64 {
            let label = format!("K{round}-{i}");
            let mut child = writer(&label).spawn().unwrap();
            std::thread::sleep(Duration::from_micros(i * 2 * span / 19));
            let _ = child.kill();
            if child.wait().unwrap().success() {
                reported.push(label);
            } else {
                killed += 1;
            }
        }
        if killed > 0 && !reported.is_empty() {
            break;
        }
        span *= 2;
    }
    assert_eq!(integrity(&s.db), "ok");
    let notes: Vec<String> = s.json(&["show", "1"])["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["note"].as_str().map(str::to_string))
        .collect();
    for r in &reported {
        assert!(notes.contains(r), "{r} was reported saved but is missing");
    }
    assert!(killed > 0, "no writer was killed: the test proved nothing");
    assert!(
        !reported.is_empty(),
        "every writer was killed before saving: the test proved nothing"
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
