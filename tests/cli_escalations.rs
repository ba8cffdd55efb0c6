//! Escalations as records (references on events, found like the authority's), the names
//! of Scotland's path, and the clocks the law sets, through the real binary.

mod common;
use common::{Sandbox, strip_ids};
use serde_json::Value;
use std::process::Output;

/// `foi` on the sandbox's casebook pinned to `today` (the sandbox pins 2018).
fn at(s: &Sandbox, today: &str, args: &[&str]) -> Output {
    let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("foi"));
    c.env_remove("FOI_DB")
        .env_remove("FOI_TODAY")
        .env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", s.path("no-config"))
        .env("HOME", s.dir.path())
        .arg("--db")
        .arg(&s.db)
        .arg("--today")
        .arg(today)
        .args(args)
        .output()
        .expect("run foi")
}

fn ok_at(s: &Sandbox, today: &str, args: &[&str]) -> String {
    let out = at(s, today, args);
    assert!(
        out.status.success(),
        "foi {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn json_at(s: &Sandbox, today: &str, args: &[&str]) -> Value {
    let mut a = args.to_vec();
    a.push("--json");
    serde_json::from_str(&ok_at(s, today, &a)).expect("JSON")
}

/// A FOIA case through review, complaint, decision notice and appeal, with the
/// references each step was given, and a second complaint after a fresh decision.
fn escalated(s: &Sandbox) {
    s.ok(&[
        "add",
        "--authority",
        "Leeds City Council",
        "--title",
        "Pothole repairs",
        "--sent",
        "2024-01-08",
        "--their-ref",
        "FOI-2024-0001",
    ]);
    for args in [
        &["--kind", "response", "--date", "2024-01-30"][..],
        &["--kind", "review-requested", "--date", "2024-02-05"],
        &["--kind", "review-response", "--date", "2024-03-01"],
        &[
            "--kind",
            "ico-complaint",
            "--date",
            "2024-03-08",
            "--ref",
            "IC-312345-X9Y8",
        ],
        &[
            "--kind",
            "ico-decision",
            "--date",
            "2024-09-02",
            "--ref",
            "IC-312345-X9Y8 DN",
        ],
        &[
            "--kind",
            "tribunal-appeal",
            "--date",
            "2024-09-20",
            "--ref",
            "EA/2024/0123",
        ],
        &[
            "--kind",
            "ico-complaint",
            "--date",
            "2024-10-01",
            "--ref",
            "IC-400000-A1B2",
        ],
    ] {
        let mut a = vec!["event", "add", "1"];
        a.extend_from_slice(args);
        s.ok(&a);
    }
}

#[test]
fn a_reference_on_an_event_finds_its_case() {
    let s = Sandbox::new();
    escalated(&s);
    s.ok(&[
        "add",
        "--authority",
        "Other Council",
        "--title",
        "Parking",
        "--sent",
        "2024-01-08",
    ]);
    // Found as the authority's reference is: case, spaces and punctuation ignored, and
    // the OCR look-alikes folded (I for 1, O for 0).
    for key in [
        "IC-312345-X9Y8",
        "ic 312345 x9y8",
        "IC-3I2345-X9Y8",
        "ea 2024 0123",
        "EA/2O24/O123",
        "IC-400000-A1B2",
        "FOI-2024-0001",
    ] {
        let v = s.json(&["show", key]);
        assert_eq!(v["id"], 1, "{key}");
    }
    let v = s.json(&["show", "EA/2024/0123"]);
    let refs: Vec<&str> = v["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| e["ref"].as_str())
        .collect();
    assert_eq!(
        refs,
        [
            "IC-312345-X9Y8",
            "IC-312345-X9Y8 DN",
            "EA/2024/0123",
            "IC-400000-A1B2"
        ]
    );
    // The timeline shows them.
    let shown = s.ok(&["show", "1"]);
    assert!(
        shown
            .lines()
            .any(|l| l.contains("Fri 20 Sep 2024  Tribunal appeal")
                && l.contains("ref EA/2024/0123")),
        "{shown}"
    );
    // Full-text search finds them.
    let hits = s.json(&["search", "312345"]);
    assert_eq!(hits[0]["case_id"], 1, "{hits}");
    assert_eq!(hits.as_array().map(Vec::len), Some(1));
    // A reference nobody holds is a user error naming what to do.
    let err = s.fails(&["show", "IC-999999-ZZZZ"], 1);
    assert!(err.contains("no case matches"), "{err}");
    // The Markdown dossier and the complaint letter carry them.
    let md = s.ok(&["export", "1", "--format", "md"]);
    assert!(md.contains("ref EA/2024/0123"), "{md}");
    let letter = s.ok(&["draft", "ico", "1"]);
    assert!(letter.contains("(reference IC-312345-X9Y8)"), "{letter}");
}

#[test]
fn a_reference_is_corrected_cleared_and_checked() {
    let s = Sandbox::new();
    escalated(&s);
    // Event 7 is the appeal: correct its reference, then clear it.
    s.ok(&["event", "edit", "1", "7", "--ref", "EA/2024/0124"]);
    assert_eq!(s.json(&["show", "EA/2024/0124"])["id"], 1);
    s.fails(&["show", "EA/2024/0123"], 1);
    s.ok(&["event", "edit", "1", "7", "--ref", "none"]);
    s.fails(&["show", "EA/2024/0124"], 1);
    // A reference with nothing to find it by is refused, and nothing changes.
    let before = s.json(&["show", "1"]);
    let err = s.fails(
        &[
            "event",
            "add",
            "1",
            "--kind",
            "note",
            "--date",
            "2024-10-02",
            "--ref=--/--",
        ],
        1,
    );
    assert!(err.contains("no letters or digits"), "{err}");
    assert_eq!(s.json(&["show", "1"]), before);
    // The same reference on two cases: both are named.
    s.ok(&[
        "add",
        "--authority",
        "Other Council",
        "--title",
        "Parking",
        "--sent",
        "2024-01-08",
    ]);
    s.ok(&[
        "event",
        "add",
        "2",
        "--kind",
        "ico-complaint",
        "--date",
        "2024-03-08",
        "--ref",
        "ic-312345-x9y8",
    ]);
    let err = s.fails(&["show", "IC-312345-X9Y8"], 1);
    assert!(
        err.contains("matches 2 cases") && err.contains("#2 Parking"),
        "{err}"
    );
}

/// A Scottish case up to the Court of Session, by the names of its path.
fn scottish(s: &Sandbox) {
    s.ok(&[
        "add",
        "--authority",
        "Scottish Water",
        "--title",
        "Reservoir inspections",
        "--sent",
        "2024-03-04",
        "--regime",
        "foisa",
    ]);
    for args in [
        &["--kind", "response", "--date", "2024-03-20"][..],
        &["--kind", "review-requested", "--date", "2024-04-22"],
        &["--kind", "review-response", "--date", "2024-05-15"],
        &[
            "--kind",
            "sic-application",
            "--date",
            "2024-05-20",
            "--ref",
            "SIC 202400123",
        ],
        &[
            "--kind",
            "sic-decision",
            "--date",
            "2024-11-28",
            "--ref",
            "Decision 123/2024",
        ],
    ] {
        let mut a = vec!["event", "add", "1"];
        a.extend_from_slice(args);
        s.ok(&a);
    }
}

#[test]
fn scotlands_path_has_its_own_names_and_they_round_trip() {
    let s = Sandbox::new();
    scottish(&s);
    let v = json_at(&s, "2024-12-01", &["show", "1"]);
    assert_eq!(v["status"], "sic-decided");
    let kinds: Vec<&str> = v["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| e["kind"].as_str())
        .collect();
    assert_eq!(
        kinds,
        [
            "sent",
            "response",
            "review-requested",
            "review-response",
            "sic-application",
            "sic-decision"
        ]
    );
    let appeal = &v["clocks"].as_array().expect("clocks")[4];
    assert_eq!(appeal["kind"], "court-of-session-appeal");
    // Thu 28 Nov 2024 + 42 days.
    assert_eq!(appeal["due"], "2025-01-09");
    let shown = ok_at(&s, "2024-12-01", &["show", "1"]);
    assert!(
        shown.contains("SIC decision               ref Decision 123/2024"),
        "{shown}"
    );
    assert!(shown.contains("Court of Session window"), "{shown}");
    assert!(
        !shown.contains("Tribunal") && !shown.contains("ICO"),
        "{shown}"
    );

    // Export, import into a fresh casebook, export again: the same document.
    let first = s.path("first.json");
    s.ok(&[
        "export",
        "--format",
        "json",
        "-o",
        first.to_str().expect("path"),
    ]);
    let other = Sandbox::new();
    other.ok(&["import", first.to_str().expect("path")]);
    let second = other.path("second.json");
    other.ok(&[
        "export",
        "--format",
        "json",
        "-o",
        second.to_str().expect("path"),
    ]);
    let read = |p: &std::path::Path| -> Value {
        let mut v: Value = serde_json::from_slice(&common::read(p)).expect("JSON");
        strip_ids(&mut v);
        for c in v["cases"].as_array_mut().expect("cases") {
            c.as_object_mut().map(|o| {
                o.remove("created_at");
                o.remove("updated_at")
            });
        }
        v
    };
    let (a, b) = (read(&first), read(&second));
    assert_eq!(a, b);
    assert_eq!(a["cases"][0]["events"][4]["ref"], "SIC 202400123");
    assert_eq!(a["cases"][0]["events"][5]["kind"], "sic-decision");
}

#[test]
fn an_older_export_with_the_old_names_still_imports() {
    let s = Sandbox::new();
    // As version 1 wrote it before Scotland's names: no `ref`, ICO-path kinds and status.
    let old = r#"{"format": "foi-casebook", "version": 1, "cases": [{
        "title": "Ferry timetables", "authority": "CalMac", "regime": "foisa",
        "sent": "2024-03-04", "status": "at-tribunal",
        "events": [
          {"kind": "response", "date": "2024-03-20", "note": null, "window": null, "until": null, "letter": null},
          {"kind": "ico-complaint", "date": "2024-05-20"},
          {"kind": "ico-decision", "date": "2024-11-28"},
          {"kind": "tribunal-appeal", "date": "2024-12-20"}
        ],
        "clocks": [{"kind": "tribunal-appeal"}]
    }]}"#;
    let path = s.path("old.json");
    std::fs::write(&path, old).expect("write");
    s.ok(&["import", path.to_str().expect("path")]);
    let v = json_at(&s, "2024-12-21", &["show", "1"]);
    assert_eq!(v["status"], "at-court-of-session");
    let kinds: Vec<&str> = v["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| e["kind"].as_str())
        .collect();
    assert_eq!(
        kinds,
        [
            "response",
            "sic-application",
            "sic-decision",
            "court-of-session-appeal"
        ]
    );
}

#[test]
fn a_late_extension_keeps_the_case_overdue_with_the_promise_beside_it() {
    let s = Sandbox::new();
    s.ok(&[
        "add",
        "--authority",
        "Home Office",
        "--title",
        "Visa fees",
        "--sent",
        "2024-03-04",
    ]);
    // The deadline is Thu 4 Apr 2024 (20 UK working days, skipping St Patrick's Day
    // (NI), Good Friday and Easter Monday); the notice came on Fri 5 Apr.
    s.ok(&[
        "event",
        "add",
        "1",
        "--kind",
        "extension",
        "--date",
        "2024-04-05",
        "--until",
        "2024-05-03",
    ]);
    let list = json_at(&s, "2024-04-10", &["list"]);
    assert_eq!(list[0]["status"], "overdue");
    assert_eq!(list[0]["next"]["kind"], "response");
    assert_eq!(list[0]["next"]["due"], "2024-04-04");
    assert_eq!(list[0]["next"]["state"], "missed");
    let v = json_at(&s, "2024-04-10", &["show", "1"]);
    let clocks = v["clocks"].as_array().expect("clocks");
    assert_eq!(
        clocks.len(),
        1,
        "no extended clock from a late notice: {clocks:?}"
    );
    assert_eq!(clocks[0]["promised"], "2024-05-03");
    assert_eq!(clocks[0]["days_left"], -4);
    let due = json_at(&s, "2024-04-10", &["due"]);
    assert_eq!(due[0]["kind"], "response");
    assert_eq!(due[0]["countdown"], "missed, 4 wd overdue");
    // The response ends it: missed, no longer overdue.
    s.ok(&[
        "event",
        "add",
        "1",
        "--kind",
        "response",
        "--date",
        "2024-04-30",
    ]);
    let v = json_at(&s, "2024-05-01", &["show", "1"]);
    assert_eq!(v["status"], "responded");
    assert_eq!(v["clocks"][0]["state"], "missed");
}
