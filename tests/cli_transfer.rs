//! Export then import: the JSON round trip, all-or-nothing imports.

mod common;
use common::{Sandbox, strip_ids};
use serde_json::Value;

fn populate(s: &Sandbox) {
    s.ok(&["demo"]);
    let letter = s.path("letter.txt");
    std::fs::write(
        &letter,
        "Dear requester,\nWe hold no information.\n\u{1b}[31m odd bytes\n",
    )
    .unwrap();
    s.ok(&[
        "add",
        "--authority",
        "Glasgow City Council",
        "--title",
        "Bridge inspections",
        "--regime",
        "foisa",
        "--sent",
        "2018-01-10",
        "--received",
        "2018-01-11",
        "--their-ref",
        "FOI-1234",
        "--my-ref",
        "mine-7",
        "--channel",
        "web-form",
        "--url",
        "https://example.org/r/1",
        "--tag",
        "bridges",
        "--notes",
        "note text",
    ]);
    s.ok(&[
        "question",
        "add",
        "2",
        "--label",
        "1(a)",
        "--text",
        "Inspection reports",
    ]);
    s.ok(&[
        "question",
        "set",
        "2",
        "1(a)",
        "--outcome",
        "withheld",
        "--exemption",
        "33(1)(b)",
        "--challenge",
    ]);
    s.ok(&["question", "add", "2", "--label", "1(b)", "--text", "Costs"]);
    s.ok(&["question", "set", "2", "1(b)", "--outcome", "not-held"]);
    s.ok(&[
        "event",
        "add",
        "2",
        "--kind",
        "clarification-requested",
        "--date",
        "2018-01-15",
    ]);
    s.ok(&[
        "event",
        "add",
        "2",
        "--kind",
        "clarification-sent",
        "--date",
        "2018-01-16",
        "--note",
        "narrowed",
    ]);
    s.ok(&[
        "event",
        "add",
        "2",
        "--kind",
        "response",
        "--date",
        "2018-02-10",
        "--letter-file",
        letter.to_str().unwrap(),
    ]);
}

#[test]
fn export_then_import_reproduces_every_case() {
    let a = Sandbox::new();
    populate(&a);
    let file = a.path("export.json");
    a.ok(&["export", "--format", "json", "-o", file.to_str().unwrap()]);

    let b = Sandbox::new();
    let out = b.ok(&["import", file.to_str().unwrap(), "--format", "json"]);
    assert!(out.contains("Imported 2 cases"), "{out}");

    let mut first: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let mut second: Value = serde_json::from_str(&b.ok(&["export"])).unwrap();
    strip_ids(&mut first);
    strip_ids(&mut second);
    assert_eq!(first, second);
    let letter = second["cases"][1]["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "response")
        .unwrap();
    assert!(
        letter["letter"]
            .as_str()
            .unwrap()
            .contains("We hold no information")
    );

    // Importing the same file again adds nothing.
    let again = b.ok(&["import", file.to_str().unwrap()]);
    assert!(
        again.contains("Imported 0 cases") && again.contains("skipped 2"),
        "{again}"
    );
}

#[test]
fn a_bad_case_anywhere_imports_nothing() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let file = s.path("bad.json");
    std::fs::write(
        &file,
        r#"{"format":"foi-casebook","version":1,"cases":[
            {"title":"Fine","authority":"A","sent":"2018-01-01"},
            {"title":"Bad","authority":"B","sent":"2018-01-01","questions":[{"label":"Q1","outcome":"withheld","exemptions":["99"]}]}
        ]}"#,
    )
    .unwrap();
    let e = s.fails(&["import", file.to_str().unwrap()], 1);
    assert!(e.contains("case 2") && e.contains("no section 99"), "{e}");
    assert_eq!(
        s.json(&["list", "--filter", "all"])
            .as_array()
            .unwrap()
            .len(),
        1
    );

    std::fs::write(
        &file,
        "{\"format\":\"foi-casebook\",\n\"version\":1,\n\"cases\": [ {\"title\": 3} ]}",
    )
    .unwrap();
    let e = s.fails(&["import", file.to_str().unwrap(), "--format", "json"], 1);
    assert!(e.contains("line 3"), "{e}");
}

#[test]
fn dry_run_saves_nothing() {
    let a = Sandbox::new();
    populate(&a);
    let file = a.path("export.json");
    a.ok(&["export", "-o", file.to_str().unwrap()]);
    let b = Sandbox::new();
    let out = b.ok(&[
        "import",
        file.to_str().unwrap(),
        "--format",
        "json",
        "--dry-run",
    ]);
    assert!(out.contains("Would import 2"), "{out}");
    assert_eq!(
        b.json(&["list", "--filter", "all"])
            .as_array()
            .unwrap()
            .len(),
        0
    );
}

#[test]
fn a_case_without_a_reference_is_a_duplicate_only_with_the_same_title_date_and_authority() {
    let s = Sandbox::new();
    s.ok(&[
        "add",
        "--authority",
        "Leeds City Council",
        "--title",
        "Gritting routes",
        "--sent",
        "2018-01-08",
    ]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("one.json");
    s.ok(&["export", "-o", file.to_str().unwrap()]);
    let text = std::fs::read_to_string(&file).unwrap();
    // The same case again: skipped.
    let again = s.ok(&["import", file.to_str().unwrap()]);
    assert!(
        again.contains("Imported 0 cases") && again.contains("skipped 1"),
        "{again}"
    );
    // Another date, another title, another authority: each a new case.
    for (from, to) in [
        ("2018-01-08", "2018-01-09"),
        ("Gritting routes", "Gritting routes 2019"),
        ("Leeds City Council", "York Council"),
    ] {
        let other = dir.path().join("other.json");
        std::fs::write(&other, text.replace(from, to)).unwrap();
        let out = s.ok(&["import", other.to_str().unwrap()]);
        assert!(out.contains("Imported 1 case "), "{from} -> {to}: {out}");
    }
    assert_eq!(
        s.json(&["list", "--filter", "all"])
            .as_array()
            .map(Vec::len),
        Some(4)
    );
}
