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
        assert!(
            err.trim().starts_with(&format!(
                "foi: {bin}: not a letter or a supported file (text,"
            )),
            "{args:?}: {err}"
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

/// The example case (review window open until 27 Apr), a Home Office request sent on
/// 10 Jan and never answered (due 7 Feb: overdue on 10 Mar), and a Cabinet Office one
/// stopped by a clarification request.
fn agenda_sandbox() -> Sandbox {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    s.ok(&[
        "add",
        "--authority",
        "Home Office",
        "--title",
        "Visa processing times",
        "--sent",
        "2018-01-10",
    ]);
    s.ok(&[
        "add",
        "--authority",
        "Cabinet Office",
        "--title",
        "Clarified request",
        "--sent",
        "2018-02-20",
    ]);
    s.ok(&[
        "event",
        "add",
        "3",
        "--kind",
        "clarification-requested",
        "--date",
        "2018-02-25",
    ]);
    s
}

/// `foi` on the sandbox's casebook with another day as today.
fn on_day(s: &Sandbox, today: &str, args: &[&str]) -> std::process::Output {
    std::process::Command::new(assert_cmd::cargo::cargo_bin("foi"))
        .env_remove("FOI_DB")
        .env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", s.path("no-config"))
        .arg("--db")
        .arg(&s.db)
        .args(["--today", today])
        .args(args)
        .output()
        .unwrap()
}

/// Run and return (exit status, stdout).
fn status_and_out(s: &Sandbox, args: &[&str]) -> (i32, String) {
    let out = s.foi().args(args).output().unwrap();
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn the_agenda_separates_your_move_from_the_authoritys() {
    let s = agenda_sandbox();
    let out = s.ok(&["due"]);
    let (yours, theirs) = out.split_once("The authority's move").expect(&out);
    assert!(yours.starts_with("Your move\n"), "{out}");
    assert!(yours.contains("review closes in 48 d") && yours.contains("#1 "));
    assert!(yours.contains("paused, 20 wd left") && yours.contains("#3 "));
    assert!(theirs.contains("22 wd overdue · chase") && theirs.contains("#2 Home Office"));
    assert!(!theirs.contains("#1 ") && !yours.contains("#2 "));
    // Every column starts where its heading does.
    let lines: Vec<&str> = out.lines().collect();
    let header = lines[1];
    for col in ["LEFT", "CLOCK", "CASE"] {
        let at = header.find(col).unwrap();
        for row in lines
            .iter()
            .filter(|l| l.starts_with("  ") && !l.contains("DUE"))
        {
            let before: String = row.chars().take(at).collect();
            assert!(
                before.ends_with(' ') && !row.chars().nth(at).unwrap().is_whitespace(),
                "{col} misaligned in {row:?}"
            );
        }
    }
    let v = s.json(&["due"]);
    let moves: Vec<(i64, &str)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["case_id"].as_i64().unwrap(), r["move"].as_str().unwrap()))
        .collect();
    assert_eq!(moves, vec![(2, "chase"), (3, "yours"), (1, "yours")]);
}

#[test]
fn due_check_is_silent_when_nothing_needs_attention_and_exits_1_when_something_does() {
    let s = agenda_sandbox();
    let (code, out) = status_and_out(&s, &["due", "--check"]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].starts_with(
            "#2 22 wd overdue (Response due, Wed 7 Feb 2018) — chase: foi draft chaser 2"
        ),
        "{out}"
    );
    assert!(lines[1].starts_with("#3 response clock stopped"), "{out}");
    // The review window (48 days away) is outside the default 5 working days, inside 40.
    assert!(!out.contains("#1 "));
    let (_, wide) = status_and_out(&s, &["due", "--check", "--warn", "40"]);
    assert!(wide.contains("#1 review closes in 48 d"), "{wide}");
    // JSON: the same rows.
    let (code, json) = status_and_out(&s, &["due", "--check", "--json"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
    assert_eq!(v[0]["move"], "chase");
    // Snoozed, both reminders are held back: nothing needs attention, silently.
    s.ok(&["snooze", "2", "--until", "2018-03-16"]);
    s.ok(&["snooze", "3", "--until", "+2w"]);
    for args in [&["due", "--check"][..], &["due", "--check", "--json"][..]] {
        assert_eq!(status_and_out(&s, args), (0, String::new()), "{args:?}");
    }
    // The deadline itself still shows on the agenda.
    let due = s.ok(&["due"]);
    assert!(due.contains("22 wd overdue · snoozed"), "{due}");
    assert!(due.contains("#2 until Fri 16 Mar 2018"), "{due}");
    // On the day a snooze ends, its reminder is back; the other (until 24 Mar) is not.
    let out = on_day(&s, "2018-03-16", &["due", "--check"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.starts_with("#2 ") && !text.contains("#3 "), "{text}");
}

#[test]
fn a_snooze_needs_a_later_date_and_can_be_cleared() {
    let s = agenda_sandbox();
    let e = s.fails(&["snooze", "2", "--until", "2018-03-10"], 1);
    assert!(e.contains("a snooze runs until a day after today"), "{e}");
    s.fails(&["snooze", "2"], 1);
    s.fails(&["snooze", "9", "--until", "+1w"], 1);
    s.ok(&["snooze", "2", "--until", "+1w"]);
    assert_eq!(s.json(&["due"])[0]["snoozed_until"], "2018-03-17");
    assert!(s.ok(&["snooze", "2", "--clear"]).contains("are back"));
    assert_eq!(
        s.json(&["due"])[0]["snoozed_until"],
        serde_json::Value::Null
    );
    assert_eq!(status_and_out(&s, &["due", "--check"]).0, 1);
    // The user's own deadlines are never held back.
    s.ok(&["snooze", "1", "--until", "+1w"]);
    let (_, out) = status_and_out(&s, &["due", "--check", "--warn", "40"]);
    assert!(out.contains("#1 review closes"), "{out}");
}

#[test]
fn due_check_without_a_casebook() {
    // At the default place and never started: nothing needs attention.
    let s = Sandbox::new();
    let home = s.path("home");
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("foi"))
        .env_clear()
        .env("HOME", &home)
        .env("XDG_DATA_HOME", home.join("data"))
        .args(["due", "--check"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
    assert!(!home.exists());
    // A path that is not there is a mistake worth a line.
    let err = s.fails(&["due", "--check"], 1);
    assert!(err.contains("no casebook at"), "{err}");
}

/// A letter's text with its wrapping undone, for finding phrases.
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_chaser_names_the_deadline_its_working_and_what_comes_next() {
    let s = agenda_sandbox();
    let letter = flat(&s.ok(&["draft", "chaser", "2"]));
    for want in [
        "Dear Home Office,",
        "Reminder: Visa processing times",
        "my request for information, which I sent on 10 January 2018",
        "Section 10(1) of the Freedom of Information Act 2000 requires you to respond",
        "Your reply was due by 7 February 2018, and it is now 22 working days late",
        "The working: 20 working days from receipt Wed 10 Jan 2018",
        "I will ask for an internal review of your failure to respond",
        "section 50 of the Freedom of Information Act 2000",
    ] {
        assert!(letter.contains(want), "{want:?} missing from {letter}");
    }
    // Same output options as the other letters: a file, JSON, --record.
    let out = s.path("chaser.txt");
    s.ok(&["draft", "chaser", "2", "-o", out.to_str().unwrap()]);
    assert_eq!(flat(&std::fs::read_to_string(&out).unwrap()), letter);
    let v = s.json(&["draft", "chaser", "2", "--record"]);
    assert_eq!(flat(v["letter"].as_str().unwrap()), letter);
    let event = v["recorded_event"].as_i64().unwrap();
    let case = s.json(&["show", "2"]);
    let recorded = case["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == event)
        .unwrap();
    assert_eq!(recorded["kind"], "note");
    assert_eq!(recorded["date"], "2018-03-10");
    assert!(recorded["letter"].as_str().unwrap().contains("Reminder:"));
}

#[test]
fn a_late_internal_review_is_chased_towards_the_commissioner() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    s.ok(&[
        "event",
        "add",
        "1",
        "--kind",
        "review-requested",
        "--date",
        "2018-03-01",
    ]);
    let out = on_day(&s, "2018-04-20", &["draft", "chaser", "1"]);
    assert!(out.status.success());
    let letter = flat(&String::from_utf8(out.stdout).unwrap());
    for want in [
        "my request for an internal review of your response, which I sent on 1 March 2018",
        "Code of Practice issued under section 45",
        "Your reply was due by 3 April 2018, and it is now 13 working days late",
        "I will ask the Information Commissioner for a decision",
    ] {
        assert!(letter.contains(want), "{want:?} missing from {letter}");
    }
}

#[test]
fn nothing_to_chase_says_why() {
    let s = agenda_sandbox();
    let e = s.fails(&["draft", "chaser", "1"], 1);
    assert!(e.contains("nothing to chase on case #1"), "{e}");
    let e = s.fails(&["draft", "chaser", "3"], 1);
    assert!(e.contains("nothing to chase on case #3 yet"), "{e}");
}

#[test]
fn an_existing_file_is_never_replaced_without_force() {
    let s = agenda_sandbox();
    let file = s.path("mine.txt");
    let f = file.to_str().unwrap();
    std::fs::write(&file, "my own notes").unwrap();
    for args in [
        vec!["draft", "review", "1", "-o", f],
        vec!["draft", "review", "1", "-o", f, "--record"],
        vec!["draft", "chaser", "2", "-o", f],
        vec!["export", "-o", f],
        vec!["export", "1", "--format", "ics", "-o", f],
    ] {
        let e = s.fails(&args, 1);
        assert_eq!(
            e.trim(),
            format!("foi: {f} already exists: add --force to replace it"),
            "{args:?}"
        );
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "my own notes");
    }
    // The refused --record recorded nothing.
    assert_eq!(
        s.json(&["show", "1"])["events"].as_array().unwrap().len(),
        2
    );
    s.ok(&["draft", "review", "1", "-o", f, "--force"]);
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("internal review")
    );
    s.ok(&["export", "--format", "csv", "-o", f, "--force"]);
    assert!(std::fs::read_to_string(&file).unwrap().starts_with("id,"));
    // --force means nothing without -o.
    s.fails(&["export", "--force"], 1);
}

#[test]
fn a_review_after_its_window_closed_warns_and_the_letter_says_so() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let out = on_day(&s, "2018-05-10", &["draft", "review", "1"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim(),
        "foi: warning: the review window closed on Fri 27 Apr 2018; the letter says so and asks the authority to consider it anyway"
    );
    let letter = flat(&String::from_utf8_lossy(&out.stdout));
    assert!(
        letter.contains("after the time you gave for asking for a review, which ended on 27 April 2018. I would be grateful if you would consider it nonetheless"),
        "{letter}"
    );
    // In time: no warning, no such paragraph.
    let out = on_day(&s, "2018-04-20", &["draft", "review", "1"]);
    assert!(out.stderr.is_empty());
    assert!(!String::from_utf8_lossy(&out.stdout).contains("consider it nonetheless"));
}

#[test]
fn a_snoozed_case_keeps_its_calendar_alarm() {
    let s = agenda_sandbox();
    let before = s.ok(&["export", "2", "--format", "ics"]);
    s.ok(&["snooze", "2", "--until", "+1w"]);
    let after = s.ok(&["export", "2", "--format", "ics"]);
    let events = |ics: &str| {
        ics.split("BEGIN:VEVENT")
            .skip(1)
            .map(|e| {
                let uid = e
                    .lines()
                    .find(|l| l.starts_with("UID:"))
                    .unwrap()
                    .to_string();
                (uid, e.contains("BEGIN:VALARM"))
            })
            .collect::<Vec<_>>()
    };
    assert!(!events(&before).is_empty());
    assert_eq!(events(&after), events(&before));
    assert!(events(&after).iter().all(|(_, alarm)| *alarm));
}

#[test]
fn mistakes_in_outcomes_and_sections_get_a_pointed_answer() {
    let s = agenda_sandbox();
    s.ok(&[
        "question",
        "add",
        "2",
        "--label",
        "Q1",
        "--text",
        "Visa data",
    ]);
    let e = s.fails(&["question", "set", "2", "Q1", "--outcome", "withhled"], 1);
    assert!(e.contains("did you mean withheld?"), "{e}");
    let e = s.fails(
        &[
            "question",
            "set",
            "2",
            "Q1",
            "--outcome",
            "withheld",
            "--exemption",
            "reg 12(5)(e)",
        ],
        1,
    );
    assert!(
        e.contains("12(5)(e) is a regulation of the EIR")
            && e.contains("set the case's regime to EIR"),
        "{e}"
    );
    let e = s.fails(&["delete", "2"], 1);
    assert!(e.contains("(1 question, 1 event)"), "{e}");
}

#[test]
fn notify_is_silently_skipped_without_a_notification_service() {
    let s = agenda_sandbox();
    let run = |extra: &[&str]| {
        let mut c = s.spawnable();
        c.env_remove("DBUS_SESSION_BUS_ADDRESS")
            .env("XDG_RUNTIME_DIR", s.path("no-runtime"))
            .args(["due", "--check"])
            .args(extra);
        c.output().unwrap()
    };
    let plain = run(&[]);
    let notified = run(&["--notify"]);
    assert_eq!(notified.status.code(), Some(1));
    assert_eq!(notified.stdout, plain.stdout);
    assert!(
        notified.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&notified.stderr)
    );
    // --notify means nothing without --check.
    s.fails(&["due", "--notify"], 1);
}
