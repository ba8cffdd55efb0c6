//! The command line end to end on a temporary casebook: the demo case, add/edit/delete
//! round trips, and the error paths a user can hit.

mod common;
use common::Sandbox;
use serde_json::Value;

#[test]
fn demo_case_has_nine_questions_with_their_outcomes() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let v = s.json(&["show", "1"]);
    assert_eq!(v["authority"], "Department for Work and Pensions");
    assert_eq!(v["their_ref"], "Fol 471");
    assert_eq!(v["regime"], "foia");
    assert_eq!(v["sent"], "2018-02-03");
    assert_eq!(v["received"], "2018-02-03");
    assert_eq!(v["status"], "responded");
    let qs = v["questions"].as_array().expect("questions");
    assert_eq!(qs.len(), 9);
    for (i, q) in qs.iter().enumerate() {
        assert_eq!(q["label"], format!("Request {}", i + 1));
        let want = if i == 3 {
            "partly-answered"
        } else {
            "withheld"
        };
        assert_eq!(q["outcome"], want, "Request {}", i + 1);
        assert_eq!(q["exemptions"], serde_json::json!(["43"]));
    }
    let kinds: Vec<&str> = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["sent", "response"]);
    assert_eq!(v["events"][1]["date"], "2018-02-27");
    assert_eq!(v["events"][1]["window"], "2 months");
    assert!(
        v["events"][1]["letter"]
            .as_str()
            .unwrap()
            .contains("Our Ref: Fol 471")
    );
    assert!(v["clocks"].is_array(), "clocks field must exist");
}

#[test]
fn demo_twice_does_not_duplicate() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let second = s.ok(&["demo"]);
    assert!(second.contains("already here as #1"), "{second}");
    let list = s.json(&["list", "--filter", "all"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
}

#[test]
fn the_ocr_slip_and_the_real_reference_both_find_the_demo() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    for key in ["FoI 471", "fol 471", "FOI-471", "1", "Work and Health"] {
        assert_eq!(s.json(&["show", key])["id"], 1, "{key}");
    }
}

#[test]
fn add_edit_delete_a_case() {
    let s = Sandbox::new();
    let id = s.json(&[
        "add",
        "--authority",
        "Leeds City Council",
        "--title",
        "Pothole repairs 2017",
        "--sent",
        "27/02/2018",
        "--their-ref",
        "FOI/2018/0042",
        "--tag",
        "roads",
        "--tag",
        "roads",
        "--channel",
        "email",
    ])["id"]
        .as_i64()
        .unwrap();
    let v = s.json(&["show", &id.to_string()]);
    assert_eq!(v["title"], "Pothole repairs 2017");
    assert_eq!(v["sent"], "2018-02-27");
    assert_eq!(v["tags"], serde_json::json!(["roads"]));
    assert_eq!(v["status"], "awaiting-response");
    assert_eq!(v["events"][0]["kind"], "sent");

    s.ok(&[
        "edit",
        "foi 2018 0042",
        "--title",
        "Pothole repairs 2017-18",
        "--received",
        "1 March 2018",
    ]);
    let v = s.json(&["show", &id.to_string()]);
    assert_eq!(v["title"], "Pothole repairs 2017-18");
    assert_eq!(v["received"], "2018-03-01");

    s.ok(&[
        "edit",
        &id.to_string(),
        "--sent",
        "2018-02-26",
        "--received",
        "none",
    ]);
    let v = s.json(&["show", &id.to_string()]);
    assert_eq!(v["sent"], "2018-02-26");
    assert_eq!(
        v["events"][0]["date"], "2018-02-26",
        "the sent event follows the sent date"
    );

    let err = s.fails(&["delete", &id.to_string()], 1);
    assert!(err.contains("--yes"), "{err}");
    s.ok(&["delete", &id.to_string(), "--yes"]);
    s.fails(&["show", &id.to_string()], 1);
}

#[test]
fn questions_round_trip() {
    let s = Sandbox::new();
    s.ok(&[
        "add",
        "--authority",
        "A Council",
        "--title",
        "Parks",
        "--sent",
        "2018-02-01",
    ]);
    s.ok(&[
        "question",
        "add",
        "1",
        "--label",
        "Q1",
        "--text",
        "How many parks?",
    ]);
    s.ok(&[
        "question", "add", "1", "--label", "Q2", "--text", "Budgets?",
    ]);
    s.ok(&[
        "question",
        "set",
        "1",
        "q1",
        "--outcome",
        "answered",
        "--note",
        "42 parks",
    ]);
    s.ok(&[
        "question",
        "set",
        "1",
        "2",
        "--outcome",
        "withheld",
        "--exemption",
        "s.43(2)",
        "--exemption",
        "section 41",
        "--challenge",
    ]);
    let v = s.json(&["show", "1"]);
    assert_eq!(v["questions"][0]["outcome"], "answered");
    assert_eq!(v["questions"][0]["note"], "42 parks");
    assert_eq!(
        v["questions"][1]["exemptions"],
        serde_json::json!(["43(2)", "41"])
    );
    assert_eq!(v["questions"][1]["challenge"], true);
    s.ok(&[
        "question",
        "edit",
        "1",
        "Q2",
        "--label",
        "Q2(a)",
        "--text",
        "Park budgets 2017?",
    ]);
    let v = s.json(&["show", "1"]);
    assert_eq!(v["questions"][1]["label"], "Q2(a)");
    assert_eq!(v["questions"][1]["text"], "Park budgets 2017?");
    s.ok(&["question", "delete", "1", "Q1"]);
    let v = s.json(&["show", "1"]);
    assert_eq!(v["questions"].as_array().unwrap().len(), 1);
}

#[test]
fn events_round_trip() {
    let s = Sandbox::new();
    s.ok(&[
        "add",
        "--authority",
        "A Council",
        "--title",
        "Parks",
        "--sent",
        "2018-02-01",
    ]);
    let eid = s.json(&[
        "event",
        "add",
        "1",
        "--kind",
        "response",
        "--date",
        "2018-02-20",
        "--window",
        "40 working days",
    ])["event"]
        .as_i64()
        .unwrap();
    let v = s.json(&["show", "1"]);
    assert_eq!(v["status"], "responded");
    assert_eq!(v["events"][1]["window"], "40 working days");
    s.ok(&[
        "event",
        "edit",
        "1",
        &eid.to_string(),
        "--date",
        "2018-02-21",
        "--note",
        "by email",
    ]);
    let v = s.json(&["show", "1"]);
    assert_eq!(v["events"][1]["date"], "2018-02-21");
    assert_eq!(v["events"][1]["note"], "by email");
    s.ok(&["event", "delete", "1", &eid.to_string()]);
    // Without the response, the 20 working days from 1 Feb ran out on 1 Mar.
    let v = s.json(&["show", "1"]);
    assert_eq!(v["status"], "overdue");
    assert_eq!(v["events"].as_array().unwrap().len(), 1);
}

#[test]
fn draft_becomes_sent_when_a_sent_event_is_recorded() {
    let s = Sandbox::new();
    s.ok(&["add", "--authority", "A Council", "--title", "Draft one"]);
    assert_eq!(s.json(&["show", "1"])["status"], "draft");
    s.ok(&[
        "event",
        "add",
        "1",
        "--kind",
        "sent",
        "--date",
        "2018-03-01",
    ]);
    let v = s.json(&["show", "1"]);
    assert_eq!(v["status"], "awaiting-response");
    assert_eq!(v["sent"], "2018-03-01");
}

#[test]
fn list_filters_and_json_shape() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    s.ok(&[
        "add",
        "--authority",
        "Leeds City Council",
        "--title",
        "Bins",
        "--sent",
        "2018-03-01",
        "--tag",
        "waste",
    ]);
    s.ok(&[
        "add",
        "--authority",
        "Leeds City Council",
        "--title",
        "Closed one",
        "--sent",
        "2018-01-01",
    ]);
    s.ok(&[
        "event",
        "add",
        "3",
        "--kind",
        "closed",
        "--date",
        "2018-03-02",
    ]);
    let open: Vec<Value> = s.json(&["list"]).as_array().unwrap().clone();
    assert_eq!(open.len(), 2);
    let closed = s.json(&["list", "--filter", "closed"]);
    assert_eq!(closed[0]["id"], 3);
    let leeds = s.json(&["list", "--authority", "leeds"]);
    assert_eq!(leeds.as_array().unwrap().len(), 1);
    let tagged = s.json(&["list", "--tag", "WASTE"]);
    assert_eq!(tagged[0]["title"], "Bins");
    for key in [
        "id",
        "title",
        "authority",
        "regime",
        "their_ref",
        "status",
        "next",
    ] {
        assert!(open[0].get(key).is_some(), "list --json lacks {key}");
    }
    let table = s.ok(&["list", "--filter", "all"]);
    assert!(
        table.contains("Bins") && table.contains("Closed one") && table.contains("Work and Health"),
        "{table}"
    );
}

#[test]
fn an_empty_casebook_says_how_to_start() {
    let s = Sandbox::new();
    // No casebook yet: a read-only command says how to start and creates nothing.
    let err = s.fails(&["list"], 1);
    assert!(err.contains("foi demo"), "{err}");
    assert!(!s.db.exists() && !s.db.parent().unwrap().exists());
    // An empty casebook that exists says it too.
    s.ok(&["demo"]);
    s.ok(&["delete", "1", "--yes"]);
    let out = s.ok(&["list"]);
    assert!(out.contains("foi demo"), "{out}");
}

#[test]
fn user_errors_exit_1_with_one_clear_line() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    s.ok(&[
        "add",
        "--authority",
        "X",
        "--title",
        "Work experience placements",
        "--sent",
        "2018-03-01",
    ]);

    let e = s.fails(&["show", "nonesuch"], 1);
    assert!(e.contains("no case matches 'nonesuch'"), "{e}");
    let e = s.fails(&["show", "Work"], 1);
    assert!(
        e.contains("matches 2 cases") && e.contains("#1") && e.contains("#2"),
        "{e}"
    );
    let e = s.fails(&["show", "99"], 1);
    assert!(e.contains("no case matches '99'"), "{e}");

    let e = s.fails(
        &[
            "add",
            "--authority",
            "X",
            "--title",
            "T",
            "--sent",
            "2018-02-31",
        ],
        1,
    );
    assert!(e.contains("February 2018 has only 28 days"), "{e}");
    let e = s.fails(
        &[
            "add",
            "--authority",
            "X",
            "--title",
            "T",
            "--sent",
            "soonish",
        ],
        1,
    );
    assert!(e.contains("not a date"), "{e}");
    let e = s.fails(
        &[
            "add",
            "--authority",
            "X",
            "--title",
            "  ",
            "--sent",
            "today",
        ],
        1,
    );
    assert!(e.contains("title is empty"), "{e}");
    let e = s.fails(
        &[
            "add",
            "--authority",
            "X",
            "--title",
            "T",
            "--regime",
            "gdpr",
        ],
        1,
    );
    assert!(e.contains("unknown regime"), "{e}");
    let e = s.fails(
        &[
            "add",
            "--authority",
            "X",
            "--title",
            "T",
            "--sent",
            "2018-03-01",
            "--received",
            "2018-02-01",
        ],
        1,
    );
    assert!(e.contains("before sent"), "{e}");

    let e = s.fails(
        &[
            "question",
            "set",
            "1",
            "Request 1",
            "--outcome",
            "withheld",
            "--exemption",
            "s99",
        ],
        1,
    );
    assert!(
        e.contains("FOIA has no section 99") && e.contains("nearest"),
        "{e}"
    );
    let e = s.fails(
        &["question", "set", "1", "Request 1", "--outcome", "withheld"],
        1,
    );
    assert!(e.contains("needs the exemption"), "{e}");
    let e = s.fails(
        &["question", "set", "1", "Request 1", "--outcome", "maybe"],
        1,
    );
    assert!(e.contains("unknown outcome"), "{e}");
    let e = s.fails(
        &[
            "question",
            "set",
            "1",
            "Request 12",
            "--outcome",
            "answered",
        ],
        1,
    );
    assert!(e.contains("has no question 'Request 12'"), "{e}");
    let e = s.fails(
        &[
            "question",
            "add",
            "1",
            "--label",
            "request 1",
            "--text",
            "dup",
        ],
        1,
    );
    assert!(e.contains("already has a question"), "{e}");

    let e = s.fails(
        &["event", "add", "1", "--kind", "party", "--date", "today"],
        1,
    );
    assert!(e.contains("unknown event kind"), "{e}");
    let e = s.fails(
        &[
            "event", "add", "1", "--kind", "response", "--date", "today", "--window", "a while",
        ],
        1,
    );
    assert!(e.contains("cannot read 'a while' as a period"), "{e}");
    let e = s.fails(
        &[
            "event",
            "add",
            "1",
            "--kind",
            "response",
            "--date",
            "2017-01-01",
        ],
        1,
    );
    assert!(e.contains("before the request was sent"), "{e}");
    let e = s.fails(&["event", "delete", "1", "999"], 1);
    assert!(e.contains("has no event 999"), "{e}");

    let e = s.fails(&["lisst"], 1);
    assert!(e.contains("unrecognized subcommand"), "{e}");
    let e = s.fails(&["add", "--title", "x"], 1);
    assert!(e.contains("--authority"), "{e}");
    let e = s.fails(&["list", "--filter", "urgent"], 1);
    assert!(e.contains("unknown filter"), "{e}");
    let e = s.fails(&["due", "--within", "soon"], 1);
    assert!(e.contains("--within"), "{e}");
    let e = s.fails(&["--today", "2018-02-30", "list"], 1);
    assert!(e.contains("--today"), "{e}");
}

#[test]
fn hostile_text_is_stored_faithfully_and_shown_inert() {
    let s = Sandbox::new();
    let title = "Evil \u{1b}]0;pwned\u{7} \u{1b}[2J title \u{202e}txt";
    s.ok(&[
        "add",
        "--authority",
        "Quote ' \" % _ Council'; DROP TABLE cases;--",
        "--title",
        title,
        "--sent",
        "2018-03-01",
    ]);
    let v = s.json(&["show", "1"]);
    assert_eq!(v["title"], title, "stored faithfully, escaped by JSON");
    assert_eq!(
        v["authority"],
        "Quote ' \" % _ Council'; DROP TABLE cases;--"
    );
    let human = s.ok(&["show", "1"]);
    assert!(
        !human.contains('\u{1b}') && !human.contains('\u{7}') && !human.contains('\u{202e}'),
        "{human:?}"
    );
    assert!(human.contains("␛]0;pwned␇"), "{human}");
    let list = s.ok(&["list"]);
    assert!(!list.contains('\u{1b}'), "{list:?}");
    // A LIKE wildcard in a title prefix is literal.
    s.fails(&["show", "%"], 1);
}
