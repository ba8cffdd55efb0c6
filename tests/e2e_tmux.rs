//! End to end: the real `foi` binary in a real terminal (tmux). Loads the demo, opens the
//! TUI, marks Request 4 answered with the keys, quits, and checks the database with
//! `foi show 1 --json`; imports the seed letter through the review screen; shows the
//! message screen for a file that is not a casebook and exits 2. Skipped, saying so,
//! when tmux is not installed.

mod common;
use common::tmux::Tmux;
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const FOI: &str = env!("CARGO_BIN_EXE_foi");

fn foi(db: &Path, args: &[&str]) -> Output {
    Command::new(FOI)
        .arg("--db")
        .arg(db)
        .args(["--today", "2018-03-10"])
        .args(args)
        .output()
        .expect("foi runs")
}

#[test]
fn mark_request_4_answered_through_the_keys() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("casebook.db");
    let out = foi(&db, &["demo"]);
    assert!(out.status.success(), "foi demo: {out:?}");

    let cmd = format!("'{FOI}' --db '{}' --today 2018-03-10", db.display());
    let Some(tmux) = Tmux::start("e2e", 100, 30, &cmd) else {
        return;
    };

    tmux.wait_for("Work and Health Programme");
    // Open the case, go down to Request 4, set its outcome: answered (one left of
    // partly-answered), save.
    tmux.keys(&["Enter", "j", "j", "j", "o"]);
    tmux.wait_for("Outcome of Request 4");
    tmux.keys(&["Left"]);
    tmux.wait_for("answered in full");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Saved: Request 4 → answered");
    assert!(screen.contains("✓ answered"), "{screen}");
    tmux.keys(&["q"]);
    tmux.wait_gone();

    let out = foi(&db, &["show", "1", "--json"]);
    assert!(out.status.success(), "foi show: {out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let q4 = json["questions"]
        .as_array()
        .and_then(|qs| qs.iter().find(|q| q["label"] == "Request 4"))
        .expect("Request 4 in the JSON");
    assert_eq!(q4["outcome"], "answered", "{q4}");
}

/// Importing a letter through the real binary: `i`, the path, the review screen, Ctrl-S; then the
/// case as `foi show --json` sees it.
#[test]
fn import_the_seed_letter_through_the_review_screen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("casebook.db");
    let letter = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/letters/seed-dwp.txt");
    let cmd = format!("'{FOI}' --db '{}' --today 2018-03-10", db.display());
    let Some(tmux) = Tmux::start("import", 80, 24, &cmd) else {
        return;
    };
    tmux.wait_for("Your FOI casebook is empty");
    tmux.keys(&["i"]);
    tmux.wait_for("Import a file");
    tmux.type_text(&letter.display().to_string());
    tmux.keys(&["Enter"]);
    let review = tmux.wait_for("Saves as a new case");
    assert!(review.contains("Request 9"), "{review}");
    assert!(review.contains("→ Tue 27 Feb 2018"), "{review}");
    // Request 4 (partly answered) becomes answered before saving.
    tmux.keys(&[
        "Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "j", "j", "j", "o",
    ]);
    tmux.wait_for("Outcome of Request 4");
    tmux.keys(&["Left"]);
    tmux.wait_for("answered in full");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Request 4 → answered");
    tmux.keys(&["C-s"]);
    let screen = tmux.wait_for("Imported seed-dwp.txt as case #1: 9 questions");
    assert!(screen.contains("Timeline"), "{screen}");
    tmux.keys(&["q"]);
    tmux.wait_gone();

    let out = foi(&db, &["show", "1", "--json"]);
    assert!(out.status.success(), "foi show: {out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["their_ref"], "Fol 471");
    assert_eq!(json["authority"], "Department for Work and Pensions");
    let qs = json["questions"].as_array().expect("questions");
    assert_eq!(qs.len(), 9);
    assert_eq!(qs[3]["outcome"], "answered", "{}", qs[3]);
    assert_eq!(qs[0]["outcome"], "withheld");
    assert!(json["events"].as_array().is_some_and(|es| {
        es.iter()
            .any(|e| e["kind"] == "response" && e["date"] == "2018-02-27")
    }));
}

/// A file that is not a casebook gets a message screen, then the terminal back,
/// the same line on stderr and exit status 2; the file is untouched.
#[test]
fn a_foreign_file_gets_a_message_screen_and_exit_status_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("notes.db");
    std::fs::write(&db, "my shopping list\n").expect("write");
    let status = dir.path().join("status");
    let err = dir.path().join("stderr");
    let cmd = format!(
        "'{FOI}' --db '{}' 2>'{}'; echo $? > '{}'; sleep 30",
        db.display(),
        err.display(),
        status.display()
    );
    let Some(tmux) = Tmux::start("fault", 80, 24, &cmd) else {
        return;
    };
    let screen = tmux.wait_for("Press any key to exit");
    assert!(screen.contains("foi cannot open its casebook"), "{screen}");
    assert!(screen.contains("not a casebook"), "{screen}");
    tmux.keys(&["x"]);
    let start = Instant::now();
    let code = loop {
        if let Ok(s) = std::fs::read_to_string(&status)
            && !s.trim().is_empty()
        {
            break s.trim().to_string();
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "foi did not exit"
        );
        std::thread::sleep(Duration::from_millis(40));
    };
    assert_eq!(code, "2");
    let stderr = std::fs::read_to_string(&err).expect("stderr");
    assert!(stderr.starts_with("foi: "), "{stderr}");
    assert!(stderr.contains("not a casebook"), "{stderr}");
    // The terminal is back: the alternate screen is gone, the shell's screen is blank.
    let after = tmux.screen();
    assert!(!after.contains("Press any key"), "{after}");
    assert_eq!(
        std::fs::read_to_string(&db).expect("still there"),
        "my shopping list\n"
    );
}
