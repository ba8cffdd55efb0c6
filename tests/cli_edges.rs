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
        vec![
            "event",
            "add",
            "1",
            "--kind",
            "note",
            "--date",
            "2018-03-01",
            "--letter-file",
            bin,
        ],
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
