//! What a new user trips over at the edges, through the real binary: binary files offered
//! as letters, read-only commands on a casebook that is not there, overwriting files,
//! drafting late; and the agenda for cron and login shells (`due --check`), chasers and
//! snoozes.

mod common;
use common::Sandbox;

/// Bytes from a fixed xorshift sequence: noise, the same on every run.
fn noise(n: usize) -> Vec<u8> {
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

#[test]
fn random_bytes_are_refused_as_a_letter_and_change_nothing() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let before = common::read(&s.db);
    let bin = s.path("photo.bin");
    std::fs::write(&bin, noise(19 * 1024)).unwrap();
    let bin = bin.to_str().unwrap();
    for args in [
        vec!["import", bin],
        vec!["import", bin, "--dry-run"],
        vec!["import", bin, "--format", "letter"],
    ] {
        let err = s.fails(&args, 1);
        assert_eq!(
            err.trim(),
            format!("foi: {bin} is not a letter or a supported file"),
            "{args:?}"
        );
    }
    assert_eq!(common::read(&s.db), before, "the casebook is unchanged");
    // A letter in a legacy encoding (Windows-1252 pound sign) is still a letter.
    let legacy = s.path("legacy.txt");
    std::fs::write(&legacy, b"Dear Sir,\nThe cost limit is \xa3450.\n").unwrap();
    s.ok(&["import", legacy.to_str().unwrap(), "--dry-run"]);
}

#[test]
fn read_only_commands_never_create_a_casebook() {
    let mut s = Sandbox::new();
    s.db = s.path("typo").join("x.db");
    let typo = s.db.to_str().unwrap().to_string();
    for cmd in [
        vec!["list"],
        vec!["show", "1"],
        vec!["due"],
        vec!["search", "caxton"],
        vec!["stats"],
        vec!["export"],
        vec!["draft", "review", "1"],
        vec!["holiday", "list"],
    ] {
        let err = s.fails(&cmd, 1);
        assert_eq!(
            err.trim(),
            format!(
                "foi: no casebook at {typo}: check the path (foi demo, foi add or foi import creates one there)"
            ),
            "{cmd:?}"
        );
        assert!(!s.path("typo").exists(), "{cmd:?} created the folder");
    }
    // Template fields need no casebook at all.
    assert!(s.ok(&["draft", "fields"]).contains("{authority}"));
    assert!(!s.path("typo").exists());
    // A command that writes creates it, folder and all.
    s.ok(&["demo"]);
    assert!(s.db.exists());
    s.ok(&["show", "1"]);
}

#[test]
fn at_the_default_place_a_read_only_command_says_how_to_start() {
    let s = Sandbox::new();
    let home = s.path("home");
    let run = |args: &[&str]| {
        let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("foi"));
        c.env_clear()
            .env("HOME", &home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .args(["--today", "2018-03-10"])
            .args(args);
        c.output().unwrap()
    };
    let out = run(&["list"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("foi: no casebook yet: start with foi demo"),
        "{err}"
    );
    assert!(!home.exists(), "nothing created");
    // The first write creates it where it belongs.
    assert!(run(&["demo"]).status.success());
    assert!(home.join("data/foi-casebook/casebook.db").exists());
    assert!(run(&["list"]).status.success());
}
