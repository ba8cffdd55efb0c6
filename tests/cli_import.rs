//! `foi import` through the binary: the seed letter (dry run and saved), re-importing a
//! letter into its case, WhatDoTheyKnow files, format detection and errors.

mod common;
use common::Sandbox;
use serde_json::json;

fn seed() -> String {
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/letters/seed-dwp.txt"
    )
    .to_string()
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/wdtk/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn seed_letter_dry_run_json_is_the_proposal() {
    let s = Sandbox::new();
    let v = s.json(&["import", &seed(), "--dry-run"]);
    assert_eq!(v["their_ref"], "Fol 471");
    assert_eq!(v["letter_date"], "2018-02-27");
    assert_eq!(v["request_date"], "2018-02-03");
    assert_eq!(v["regime"], "foia");
    assert_eq!(v["review_window"], "2 months");
    let qs = v["questions"].as_array().unwrap();
    assert_eq!(qs.len(), 9);
    for (i, q) in qs.iter().enumerate() {
        assert_eq!(q["label"], format!("Request {}", i + 1));
        let want = if i == 3 {
            "partly-answered"
        } else {
            "withheld"
        };
        assert_eq!(q["outcome"], want);
        assert_eq!(q["exemptions"], json!(["43"]));
    }
    // A dry run saves nothing.
    assert_eq!(
        s.json(&["list", "--filter", "all"])
            .as_array()
            .unwrap()
            .len(),
        0
    );
}

#[test]
fn a_saved_letter_becomes_a_case_with_its_clocks() {
    let s = Sandbox::new();
    let out = s.ok(&["import", &seed(), "--title", "WHP performance levels"]);
    assert!(out.contains("as case #1 with 9 questions"), "{out}");
    let v = s.json(&["show", "FoI 471"]);
    assert_eq!(v["title"], "WHP performance levels");
    assert_eq!(v["authority"], "Department for Work and Pensions");
    assert_eq!(v["sent"], "2018-02-03");
    assert_eq!(v["status"], "responded");
    assert_eq!(v["questions"][3]["outcome"], "partly-answered");
    let response = &v["events"][1];
    assert_eq!(response["kind"], "response");
    assert_eq!(response["date"], "2018-02-27");
    assert_eq!(response["window"], "2 months");
    assert!(
        response["letter"]
            .as_str()
            .unwrap()
            .contains("Caxton House")
    );
    let review = v["clocks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "review-request")
        .unwrap();
    assert_eq!(review["due"], "2018-04-27");
    assert_eq!(review["days_left"], 48);
}

#[test]
fn a_letter_for_an_existing_reference_updates_that_case() {
    let s = Sandbox::new();
    s.ok(&[
        "add",
        "--authority",
        "Department for Work and Pensions",
        "--title",
        "Mine",
        "--sent",
        "2018-02-03",
        "--their-ref",
        "FoI 471",
    ]);
    s.ok(&[
        "question",
        "add",
        "1",
        "--label",
        "Request 4",
        "--text",
        "my wording",
    ]);
    let out = s.ok(&["import", &seed()]);
    assert!(out.contains("Added the response to case #1"), "{out}");
    let v = s.json(&["show", "1"]);
    assert_eq!(v["title"], "Mine");
    let qs = v["questions"].as_array().unwrap();
    assert_eq!(qs.len(), 9, "8 added, Request 4 updated");
    assert_eq!(qs[0]["label"], "Request 4");
    assert_eq!(qs[0]["text"], "my wording");
    assert_eq!(qs[0]["outcome"], "partly-answered");
    assert_eq!(
        s.json(&["list", "--filter", "all"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // The same letter again adds no second response.
    s.ok(&["import", &seed()]);
    let v = s.json(&["show", "1"]);
    let responses = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "response")
        .count();
    assert_eq!(responses, 1);
}

#[test]
fn a_letter_without_what_a_case_needs_is_refused_clearly() {
    let s = Sandbox::new();
    let f = s.path("note.txt");
    std::fs::write(&f, "Thanks for your email. We will reply soon.\n").unwrap();
    let e = s.fails(&["import", f.to_str().unwrap(), "--format", "letter"], 1);
    assert!(e.contains("date was not found"), "{e}");
    assert_eq!(
        s.json(&["list", "--filter", "all"])
            .as_array()
            .unwrap()
            .len(),
        0
    );
    let e = s.fails(&["import", "/nonexistent/letter.txt"], 1);
    assert!(e.contains("cannot read"), "{e}");
    let e = s.fails(&["import", f.to_str().unwrap(), "--format", "xls"], 1);
    assert!(e.contains("unknown import format"), "{e}");
}

#[test]
fn whatdotheyknow_requests_import_with_their_timeline() {
    let s = Sandbox::new();
    let out = s.ok(&["import", &fixture("one-request.json")]);
    assert!(out.contains("Imported 1 case "), "{out}");
    let v = s.json(&["show", "1"]);
    assert_eq!(v["title"], "Gritting routes and salt stocks");
    assert_eq!(v["authority"], "Nowhereshire County Council");
    assert_eq!(v["channel"], "whatdotheyknow");
    assert_eq!(
        v["url"],
        "https://www.whatdotheyknow.com/request/gritting_routes_and_salt_stocks_2"
    );
    assert_eq!(v["sent"], "2019-11-04");
    assert_eq!(v["status"], "review-requested");
    let kinds: Vec<&str> = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["sent", "response", "review-requested"]);
    assert_eq!(v["tags"], json!(["roads", "winter"]));

    let out = s.ok(&["import", &fixture("two-requests.json"), "--format", "wdtk"]);
    assert!(out.contains("Imported 2 cases"), "{out}");
    let eir = s.json(&["show", "Air quality"]);
    assert_eq!(eir["regime"], "eir");
    assert_eq!(eir["status"], "responded");
    let clar = s.json(&["show", "Agency nurse"]);
    assert_eq!(clar["status"], "clarification-requested");
    // Importing again duplicates nothing.
    let again = s.ok(&["import", &fixture("two-requests.json")]);
    assert!(
        again.contains("Imported 0 cases") && again.contains("skipped 2"),
        "{again}"
    );
}

#[test]
fn broken_whatdotheyknow_json_imports_nothing() {
    let s = Sandbox::new();
    let f = s.path("bad.json");
    std::fs::write(&f, r#"[{"title": "fine", "public_body": {"name": "A"}, "info_request_events": []}, {"url_title": "x"}]"#).unwrap();
    let e = s.fails(&["import", f.to_str().unwrap()], 1);
    assert!(e.contains("request 2"), "{e}");
    assert_eq!(
        s.json(&["list", "--filter", "all"])
            .as_array()
            .unwrap()
            .len(),
        0
    );
}
