//! Hostile input in every text field and every query: SQL metacharacters, LIKE
//! wildcards, FTS5 syntax, escape sequences, control and bidi characters. Stored
//! faithfully, shown inert, never a crash.

mod common;
use common::Sandbox;

const NASTY: &str = "O'Brien \"quoted\" 100% _under_ '; DROP TABLE cases;-- \\ back";
/// Terminal escapes (OSC 52 clipboard write, clear screen, CSI), C1, bidi override.
const ESCAPES: &str = "\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}[2J\u{9b}31m \u{202e}evil\u{202c}";

#[test]
fn every_text_field_takes_sql_metacharacters() {
    let s = Sandbox::new();
    let letter = s.path("letter.txt");
    std::fs::write(&letter, format!("Letter {NASTY}\n{ESCAPES}\n")).unwrap();
    s.ok(&[
        "add",
        "--authority",
        NASTY,
        "--title",
        NASTY,
        "--sent",
        "2018-03-01",
        "--their-ref",
        NASTY,
        "--my-ref",
        NASTY,
        "--url",
        NASTY,
        "--text",
        NASTY,
        "--tag",
        NASTY,
        "--notes",
        NASTY,
    ]);
    s.ok(&["question", "add", "1", "--label", NASTY, "--text", NASTY]);
    s.ok(&[
        "question",
        "set",
        "1",
        NASTY,
        "--outcome",
        "answered",
        "--note",
        NASTY,
    ]);
    s.ok(&[
        "event",
        "add",
        "1",
        "--kind",
        "note",
        "--date",
        "2018-03-02",
        "--note",
        NASTY,
        "--letter-file",
        letter.to_str().unwrap(),
    ]);

    let v = s.json(&["show", "1"]);
    for field in [
        "title",
        "authority",
        "their_ref",
        "my_ref",
        "url",
        "text",
        "notes",
    ] {
        assert_eq!(v[field], NASTY, "{field}");
    }
    assert_eq!(v["tags"][0], NASTY);
    assert_eq!(v["questions"][0]["label"], NASTY);
    assert_eq!(v["questions"][0]["note"], NASTY);
    assert_eq!(v["events"][1]["note"], NASTY);
    // The case is found by its reference and by its title, metacharacters and all.
    assert_eq!(s.json(&["show", NASTY])["id"], 1);
    assert_eq!(s.json(&["show", "O'Brien"])["id"], 1);

    // LIKE wildcards in filters are literal.
    assert_eq!(
        s.json(&["list", "--authority", "100%"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        s.json(&["list", "--authority", "1_0"])
            .as_array()
            .unwrap()
            .len(),
        0
    );
    s.fails(&["show", "%"], 1);
    s.fails(&["show", "_"], 1);

    // Search takes anything: results or one clear line, never a crash.
    for q in [
        NASTY,
        "O'Brien",
        "\"unclosed",
        "AND OR NOT",
        "*",
        "NEAR(",
        "col:x",
        "a -",
        "'; DROP TABLE cases;--",
        "^",
        "()",
    ] {
        let out = s.foi().args(["search", q]).output().unwrap();
        let code = out.status.code();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            code == Some(0) || code == Some(1),
            "search {q:?}: {code:?} {err}"
        );
        assert!(
            !err.contains("panicked") && err.lines().count() <= 1,
            "search {q:?}: {err}"
        );
    }
    // And the table is still there.
    assert_eq!(
        s.json(&["list", "--filter", "all"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn escape_sequences_are_stored_but_never_reach_the_terminal() {
    let s = Sandbox::new();
    let letter = s.path("letter.txt");
    // A NUL cannot go through argv, but a file can carry it.
    std::fs::write(&letter, format!("Dear requester, {ESCAPES} \u{0}nul\n")).unwrap();
    s.ok(&[
        "add",
        "--authority",
        ESCAPES,
        "--title",
        ESCAPES,
        "--sent",
        "2018-03-01",
        "--tag",
        ESCAPES,
    ]);
    s.ok(&["question", "add", "1", "--label", "Q1", "--text", ESCAPES]);
    s.ok(&[
        "event",
        "add",
        "1",
        "--kind",
        "response",
        "--date",
        "2018-03-05",
        "--note",
        ESCAPES,
        "--letter-file",
        letter.to_str().unwrap(),
    ]);
    let v = s.json(&["show", "1"]);
    assert_eq!(v["title"], ESCAPES, "stored faithfully; JSON escapes it");
    // Human output is inert even through a pipe. (Exports are data: faithful in a file or
    // a pipe, made inert only on a terminal — see cli::for_stdout's test.)
    for args in [
        &["show", "1"][..],
        &["list"],
        &["due"],
        &["search", "requester"],
    ] {
        let out = s.foi().args(args).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        for bad in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}', '\u{0}'] {
            assert!(
                !text.contains(bad),
                "foi {args:?} printed {bad:?} raw: {text:?}"
            );
        }
    }
    let csv = s.ok(&["export", "--format", "csv"]);
    assert!(csv.contains(ESCAPES), "a CSV export keeps the stored text");
    // JSON output carries them escaped, never raw.
    let raw = s.ok(&["show", "1", "--json"]);
    assert!(!raw.contains('\u{1b}') && raw.contains("\\u001b"), "{raw}");
}
