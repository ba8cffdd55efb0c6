//! Round robins on the command line: `foi batch add|list|show|grid|outcome|question`,
//! replies imported into a batch, and the batch kept through export and import.

mod common;
use common::{Sandbox, read};
use serde_json::Value;

const Q1: &str = "How much did you spend on pothole repairs in 2017?";
const Q2: &str = "How many potholes were reported in 2017?";

/// A batch of three councils sent on 8 January 2018 (today is 10 March 2018).
fn potholes(s: &Sandbox) -> Value {
    let list = s.path("councils.txt");
    std::fs::write(
        &list,
        "Leeds City Council\n\n  Bristol City Council \nLEEDS  city council\n\nKent County Council\n",
    )
    .unwrap();
    s.json(&[
        "batch",
        "add",
        "--title",
        "Pothole repairs",
        "--sent",
        "2018-01-08",
        "--question",
        Q1,
        "--question",
        Q2,
        "--authorities-file",
        list.to_str().unwrap(),
    ])
}

fn ids(v: &Value) -> Vec<i64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_i64().unwrap())
        .collect()
}

#[test]
fn a_batch_is_one_case_per_authority_with_the_same_questions() {
    let s = Sandbox::new();
    let made = potholes(&s);
    assert_eq!(made["batch"], 1);
    assert_eq!(ids(&made["cases"]), [1, 2, 3]);
    assert_eq!(
        made["duplicates"],
        serde_json::json!(["LEEDS city council"])
    );
    assert_eq!(made["blank_lines"], 2);

    for (id, authority) in [
        (1, "Leeds City Council"),
        (2, "Bristol City Council"),
        (3, "Kent County Council"),
    ] {
        let case = s.json(&["show", &id.to_string()]);
        assert_eq!(case["authority"], authority);
        assert_eq!(case["title"], "Pothole repairs");
        assert_eq!(case["sent"], "2018-01-08");
        assert_eq!(
            case["batch"],
            serde_json::json!({"id": 1, "title": "Pothole repairs"})
        );
        let questions: Vec<(&str, &str)> = case["questions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| (q["label"].as_str().unwrap(), q["text"].as_str().unwrap()))
            .collect();
        assert_eq!(questions, [("Q1", Q1), ("Q2", Q2)]);
        // The response clock runs from the sent date, as for any case.
        assert_eq!(case["clocks"][0]["due"], "2018-02-05");
    }
    // A case outside any batch says so.
    s.ok(&[
        "add",
        "--authority",
        "DWP",
        "--title",
        "Other",
        "--sent",
        "2018-03-01",
    ]);
    assert_eq!(s.json(&["show", "4"])["batch"], Value::Null);
    assert!(
        s.ok(&["show", "2"])
            .contains("Batch      #1 Pothole repairs")
    );

    let list = s.json(&["batch", "list"]);
    assert_eq!(list[0]["id"], 1);
    assert_eq!(list[0]["cases"], 3);
    assert_eq!(list[0]["responded"], 0);
    let said = s.ok(&["batch", "list"]);
    assert!(said.contains("Pothole repairs"), "{said}");
    assert!(said.contains("3 cases, 0 responded"), "{said}");
}

#[test]
fn the_grid_compares_the_answers_authority_by_question() {
    let s = Sandbox::new();
    potholes(&s);
    // Leeds answers on time, withholding Q1; Bristol answers late; Kent never does.
    s.ok(&[
        "event",
        "add",
        "1",
        "--kind",
        "response",
        "--date",
        "2018-02-01",
    ]);
    s.ok(&[
        "event",
        "add",
        "2",
        "--kind",
        "response",
        "--date",
        "2018-02-20",
    ]);
    let set = s.json(&[
        "batch",
        "outcome",
        "1",
        "Q1",
        "--outcome",
        "withheld",
        "--exemption",
        "s43",
        "--authority",
        "leeds",
    ]);
    assert_eq!(ids(&set["cases"]), [1]);
    s.ok(&[
        "batch",
        "outcome",
        "Pothole",
        "2",
        "--outcome",
        "answered",
        "--authority",
        "Leeds City Council",
        "--authority",
        "bristol",
    ]);
    s.ok(&["question", "set", "2", "Q1", "--outcome", "not-held"]);

    let csv = s.ok(&["batch", "grid", "1", "--format", "csv"]);
    assert_eq!(
        csv,
        "authority,case,status,response,working_days,timing,Q1,Q2\n\
         Bristol City Council,2,responded,2018-02-20,31,late,not-held,answered\n\
         Kent County Council,3,overdue,,,overdue,pending,pending\n\
         Leeds City Council,1,responded,2018-02-01,18,on-time,withheld s43,answered\n"
    );

    let md = s.ok(&["batch", "grid", "1", "--format", "md"]);
    assert!(
        md.contains("3 authorities · 1 on time · 1 late · 1 overdue · 0 awaiting"),
        "{md}"
    );
    assert!(
        md.contains("| Leeds City Council | #1 | responded | 2018-02-01 | 18 | on-time | withheld s43 | answered |"),
        "{md}"
    );
    assert!(
        md.contains("- **Q1**: 1 pending, 1 withheld, 1 not-held; cited s43 ×1"),
        "{md}"
    );

    let g = s.json(&["batch", "grid", "1"]);
    assert_eq!(
        g["questions"][1],
        serde_json::json!({"label": "Q2", "text": Q2})
    );
    assert_eq!(g["rows"][2]["cells"][0]["text"], "withheld s43");
    assert_eq!(
        g["rows"][2]["cells"][0]["exemptions"],
        serde_json::json!(["43"])
    );
    assert_eq!(g["rows"][1]["cells"][1]["outcome"], "pending");
    assert_eq!(
        g["counts"][1]["outcomes"],
        serde_json::json!([{"outcome": "pending", "count": 1}, {"outcome": "answered", "count": 2}])
    );
    assert_eq!(
        g["timing"],
        serde_json::json!({"on_time": 1, "late": 1, "overdue": 1, "awaiting": 0})
    );

    let show = s.json(&["batch", "show", "1"]);
    let rows: Vec<(i64, &str, &str)> = show["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["case"].as_i64().unwrap(),
                c["status"].as_str().unwrap(),
                c["timing"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (2, "responded", "late"),
            (3, "overdue", "overdue"),
            (1, "responded", "on-time")
        ]
    );
    assert_eq!(show["cases"][0]["working_days"], 31);
    let text = s.ok(&["batch", "show", "1"]);
    assert!(
        text.contains("1 on time · 1 late · 1 overdue · 0 awaiting"),
        "{text}"
    );

    // Written to a file, private to its owner.
    let out = s.path("grid.csv");
    s.ok(&[
        "batch",
        "grid",
        "1",
        "--format",
        "csv",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(String::from_utf8(read(&out)).unwrap(), csv);
}

#[test]
fn a_question_added_to_the_batch_reaches_every_case() {
    let s = Sandbox::new();
    potholes(&s);
    let added = s.json(&[
        "batch",
        "question",
        "1",
        "--text",
        "How many inspectors do you employ?",
    ]);
    assert_eq!(added["label"], "Q3");
    assert_eq!(added["cases"], 3);
    for id in ["1", "2", "3"] {
        let q = &s.json(&["show", id])["questions"][2];
        assert_eq!(q["label"], "Q3");
        assert_eq!(q["text"], "How many inspectors do you employ?");
    }
    // A label one case already has is refused for all of them.
    s.ok(&[
        "question",
        "add",
        "3",
        "--label",
        "Q9",
        "--text",
        "Kent only",
    ]);
    let err = s.fails(
        &["batch", "question", "1", "--label", "q9", "--text", "x"],
        1,
    );
    assert!(
        err.contains("case #3 (Kent County Council) already has a question 'q9'"),
        "{err}"
    );
    assert_eq!(
        s.json(&["show", "1"])["questions"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
}

#[test]
fn bad_batch_input_is_refused_and_changes_nothing() {
    let s = Sandbox::new();
    potholes(&s);
    let before = read(&s.db);
    let err = s.fails(&["batch", "show", "9"], 1);
    assert!(err.contains("there is no batch #9"), "{err}");
    s.fails(&["batch", "grid", "9", "--format", "csv"], 1);
    let err = s.fails(
        &[
            "batch",
            "outcome",
            "1",
            "Q1",
            "--outcome",
            "answered",
            "--authority",
            "Nowhere",
        ],
        1,
    );
    assert!(
        err.contains("no authority of batch #1 matches 'Nowhere'"),
        "{err}"
    );
    let err = s.fails(
        &[
            "batch",
            "outcome",
            "1",
            "Q7",
            "--outcome",
            "answered",
            "--all",
        ],
        1,
    );
    assert!(err.contains("has no question 'Q7'"), "{err}");
    // A withheld answer needs its exemption: refused for every authority, none changed.
    s.fails(
        &[
            "batch",
            "outcome",
            "1",
            "Q1",
            "--outcome",
            "withheld",
            "--all",
        ],
        1,
    );
    s.fails(&["batch", "grid", "1", "--format", "xls"], 1);

    // Not UTF-8: refused with the line, and no batch is made.
    let latin1 = s.path("latin1.txt");
    std::fs::write(&latin1, b"Leeds\nCaf\xe9 Council\n").unwrap();
    let err = s.fails(
        &[
            "batch",
            "add",
            "--title",
            "T",
            "--question",
            "Q",
            "--authorities-file",
            latin1.to_str().unwrap(),
        ],
        1,
    );
    assert!(
        err.contains("line 2 is not UTF-8 text (byte 0xE9)"),
        "{err}"
    );
    s.fails(&["batch", "add", "--title", "T", "--authority", "Leeds"], 1);
    s.fails(
        &[
            "batch",
            "add",
            "--title",
            " ",
            "--question",
            "Q",
            "--authority",
            "Leeds",
        ],
        1,
    );
    assert_eq!(read(&s.db), before, "the casebook file is unchanged");

    // A reply letter's --batch is for letters, not for files of cases.
    let export = s.path("e.json");
    s.ok(&["export", "-o", export.to_str().unwrap()]);
    s.fails(&["import", export.to_str().unwrap(), "--batch", "1"], 1);
}

#[test]
fn a_batch_whose_cases_were_all_deleted_has_no_grid() {
    let s = Sandbox::new();
    potholes(&s);
    for id in ["1", "2", "3"] {
        s.ok(&["delete", id, "--yes"]);
    }
    let err = s.fails(&["batch", "grid", "1", "--format", "csv"], 1);
    assert!(
        err.contains("batch #1 (\"Pothole repairs\") has no cases left"),
        "{err}"
    );
    s.fails(&["batch", "grid", "1", "--format", "json"], 1);
    s.fails(&["batch", "question", "1", "--text", "More?"], 1);
    let show = s.json(&["batch", "show", "1"]);
    assert_eq!(show["cases"], serde_json::json!([]));
    assert!(s.ok(&["batch", "show", "1"]).contains("no cases left"));
    assert_eq!(s.json(&["batch", "list"])[0]["cases"], 0);
}

#[test]
fn ten_thousand_authorities_in_one_transaction() {
    let s = Sandbox::new();
    let list = s.path("many.csv");
    let mut text = String::from("name,email\n");
    for i in 0..10_000 {
        text.push_str(&format!("Parish council {i},foi{i}@parish.example\n"));
    }
    text.push_str("Parish council 17,again@parish.example\n");
    std::fs::write(&list, text).unwrap();
    let made = s.json(&[
        "batch",
        "add",
        "--title",
        "Parish precepts",
        "--sent",
        "2018-03-01",
        "--question",
        "What is your precept?",
        "--authorities-file",
        list.to_str().unwrap(),
    ]);
    assert_eq!(made["cases"].as_array().unwrap().len(), 10_000);
    assert_eq!(made["duplicates"], serde_json::json!(["Parish council 17"]));
    let last = s.json(&["show", "10000"]);
    assert_eq!(last["authority"], "Parish council 9999");
    assert_eq!(last["channel"], "email");
    assert_eq!(last["notes"], "Sent to foi9999@parish.example");
    assert_eq!(s.json(&["batch", "list"])[0]["cases"], 10_000);
}

/// A reply letter to a round robin, as a council might write it.
fn reply(authority: &str) -> String {
    format!(
        "{authority}\nInformation Governance\n\nOur reference: FOI-2018-0117\nDate: 1 February 2018\n\n\
         Dear Requester,\n\nFreedom of Information Act 2000 - your request of 8 January 2018\n\n\
         1. {Q1}\nThis information is exempt under section 43(2) of the Act (commercial interests).\n\n\
         2. {Q2}\nThis information is not held by the Council.\n\n\
         If you are unhappy with this response you may ask for an internal review within 40 working days.\n\n\
         Yours sincerely,\nInformation Governance Team\n{authority}\n"
    )
}

#[test]
fn a_reply_goes_to_its_authoritys_case_in_the_batch() {
    let s = Sandbox::new();
    potholes(&s);
    let letter = s.path("kent.txt");
    std::fs::write(&letter, reply("Kent County Council")).unwrap();
    let said = s.ok(&[
        "import",
        letter.to_str().unwrap(),
        "--batch",
        "1",
        "--dry-run",
    ]);
    assert!(
        said.contains("Would add the response to case #3 (its authority's case in the batch)"),
        "{said}"
    );
    let saved = s.json(&["import", letter.to_str().unwrap(), "--batch", "1"]);
    assert_eq!(saved["case"], 3);
    assert_eq!(saved["created"], false);
    assert_eq!(saved["questions_updated"], 2);
    assert_eq!(
        saved["questions_added"], 0,
        "the letter's 1. and 2. are the batch's Q1 and Q2"
    );
    let csv = s.ok(&["batch", "grid", "1", "--format", "csv"]);
    assert!(
        csv.contains(
            "Kent County Council,3,responded,2018-02-01,18,on-time,withheld s43(2),not-held\n"
        ),
        "{csv}"
    );

    // A letter from an authority outside the batch is refused; --authority names it.
    let other = s.path("other.txt");
    std::fs::write(&other, reply("Surrey County Council")).unwrap();
    let err = s.fails(&["import", other.to_str().unwrap(), "--batch", "1"], 1);
    assert!(
        err.contains("no authority of batch #1 matches 'Surrey County Council'"),
        "{err}"
    );
    let saved = s.json(&[
        "import",
        other.to_str().unwrap(),
        "--batch",
        "1",
        "--authority",
        "Bristol",
    ]);
    assert_eq!(saved["case"], 2);
    assert_eq!(s.json(&["batch", "list"])[0]["responded"], 2);
}

#[test]
fn export_and_import_keep_the_batch() {
    let s = Sandbox::new();
    potholes(&s);
    s.ok(&[
        "batch",
        "outcome",
        "1",
        "Q2",
        "--outcome",
        "answered",
        "--all",
    ]);
    let file = s.path("export.json");
    s.ok(&["export", "-o", file.to_str().unwrap()]);

    let t = Sandbox::new();
    t.ok(&[
        "add",
        "--authority",
        "DWP",
        "--title",
        "Earlier",
        "--sent",
        "2018-01-02",
    ]);
    t.ok(&[
        "batch",
        "add",
        "--title",
        "Other round robin",
        "--question",
        "Q?",
        "--authority",
        "X",
    ]);
    let report = t.json(&["import", file.to_str().unwrap()]);
    assert_eq!(ids(&report["created"]), [3, 4, 5]);
    let list = t.json(&["batch", "list"]);
    assert_eq!(list[0]["id"], 2);
    assert_eq!(list[0]["title"], "Pothole repairs");
    assert_eq!(list[0]["cases"], 3);
    assert_eq!(
        t.json(&["show", "4"])["batch"],
        serde_json::json!({"id": 2, "title": "Pothole repairs"})
    );
    let csv = t.ok(&["batch", "grid", "2", "--format", "csv"]);
    assert!(
        csv.contains("Leeds City Council,3,overdue,,,overdue,pending,answered\n"),
        "{csv}"
    );
    // Again: every case is already there, and no second batch is made.
    let report = t.json(&["import", file.to_str().unwrap()]);
    assert_eq!(report["count"], 0);
    assert_eq!(t.json(&["batch", "list"]).as_array().unwrap().len(), 2);
}
