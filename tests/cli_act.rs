//! Acting on a case: drafting letters, exports (CSV, Markdown, iCalendar), full-text
//! search, statistics — through the real binary, and the library where only it can tell.

mod common;
use common::Sandbox;
use std::path::{Path, PathBuf};
use std::process::Output;

/// `foi` on the sandbox, with the config folder inside it (so a developer's own
/// templates never change what the tests see).
fn run(s: &Sandbox, args: &[&str]) -> Output {
    s.foi()
        .env("XDG_CONFIG_HOME", s.path("config"))
        .env("HOME", s.dir.path())
        .args(args)
        .output()
        .expect("run foi")
}

fn ok(s: &Sandbox, args: &[&str]) -> String {
    let out = run(s, args);
    assert!(
        out.status.success(),
        "foi {args:?} failed ({:?}): {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// Exit status 1 with one line on stderr, no panic.
fn user_error(s: &Sandbox, args: &[&str]) -> String {
    let out = run(s, args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "foi {args:?}: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "one line: {stderr}");
    stderr
}

fn json(s: &Sandbox, args: &[&str]) -> serde_json::Value {
    let mut a = args.to_vec();
    a.push("--json");
    serde_json::from_str(&ok(s, &a)).expect("JSON")
}

fn golden(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

/// Compare with the golden file exactly; `UPDATE_GOLDEN=1` rewrites it (then review the
/// diff by eye before committing).
fn check_golden(name: &str, actual: &str) {
    let path = golden(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_GOLDEN=1 writes it)", path.display()));
    if want != actual {
        let first = want
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(want.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from the golden file at line {}:\n  want: {:?}\n  got:  {:?}\n(UPDATE_GOLDEN=1 rewrites it)",
            first + 1,
            want.lines().nth(first),
            actual.lines().nth(first)
        );
    }
}

/// The text with line breaks and indents folded to single spaces (wrapping aside).
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn demo() -> Sandbox {
    let s = Sandbox::new();
    ok(&s, &["demo"]);
    s
}

// ---------------------------------------------------------------- drafting

#[test]
fn review_draft_of_the_seed_case_matches_the_golden_letter() {
    let s = demo();
    let letter = ok(&s, &["draft", "review", "1"]);
    for want in [
        "Department for Work and Pensions",
        "Your reference: Fol 471",
        "3 February 2018",
        "27 February 2018",
        "Request 1: withheld under section 43 (Commercial interests)",
        "Request 9: withheld under section 43 (Commercial interests)",
        "Request 4: only partly answered",
        "Section 43 (Commercial interests), cited for Requests 1–9, is a qualified exemption",
        "public interest test",
        "section 45",
        "Wednesday 11 April 2018",
    ] {
        assert!(
            flat(&letter).contains(want),
            "missing {want:?} in:\n{letter}"
        );
    }
    check_golden("review-seed.txt", &letter);
    // The same letter by the case's reference, and into a file.
    assert_eq!(ok(&s, &["draft", "review", "FoI 471"]), letter);
    let out = s.path("review.txt");
    assert_eq!(
        ok(&s, &["draft", "review", "1", "-o", out.to_str().unwrap()]),
        ""
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), letter);
}

#[test]
fn ico_draft_of_the_seed_case_carries_the_timeline() {
    let s = demo();
    ok(
        &s,
        &[
            "event",
            "add",
            "1",
            "--kind",
            "review-requested",
            "--date",
            "2018-03-01",
        ],
    );
    ok(
        &s,
        &[
            "event",
            "add",
            "1",
            "--kind",
            "review-response",
            "--date",
            "2018-03-09",
            "--note",
            "Original decision upheld",
        ],
    );
    let letter = ok(&s, &["draft", "ico", "1"]);
    for want in [
        "Information Commissioner's Office",
        "section 50 of the Freedom of Information Act 2000",
        "- 3 February 2018: Request sent",
        "- 27 February 2018: Response",
        "- 1 March 2018: Internal review requested",
        "- 9 March 2018: Internal review outcome — Original decision upheld",
        "it gave its decision on 9 March 2018. Its outcome: Original decision upheld. I remain dissatisfied.",
        "I ask the Commissioner to decide",
        "Requests 1–9",
    ] {
        assert!(
            flat(&letter).contains(want),
            "missing {want:?} in:\n{letter}"
        );
    }
    assert!(
        !flat(&letter).contains("Please show"),
        "addressed to the authority:\n{letter}"
    );
    check_golden("ico-seed.txt", &letter);
}

#[test]
fn record_adds_the_event_with_the_letter_once() {
    let s = demo();
    let letter = ok(&s, &["draft", "review", "1", "--record"]);
    // Same day again: no second event.
    ok(&s, &["draft", "review", "1", "--record"]);
    let v = json(&s, &["show", "1"]);
    let reviews: Vec<&serde_json::Value> = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "review-requested")
        .collect();
    assert_eq!(reviews.len(), 1, "{v}");
    assert_eq!(reviews[0]["date"], "2018-03-10");
    assert_eq!(reviews[0]["letter"].as_str().unwrap(), letter);
    assert_eq!(v["status"], "review-requested");
}

fn add_case(s: &Sandbox, regime: &str, title: &str) -> String {
    let out = json(
        s,
        &[
            "add",
            "--authority",
            "Glasgow City Council",
            "--title",
            title,
            "--regime",
            regime,
            "--sent",
            "2018-01-10",
            "--their-ref",
            &format!("REF-{regime}"),
            "--my-ref",
            "mine-7",
        ],
    );
    out["id"].to_string()
}

fn question(s: &Sandbox, id: &str, label: &str, outcome: &str, exemption: Option<&str>) {
    ok(
        s,
        &[
            "question",
            "add",
            id,
            "--label",
            label,
            "--text",
            "Some records",
        ],
    );
    let mut args = vec!["question", "set", id, label, "--outcome", outcome];
    if let Some(e) = exemption {
        args.extend(["--exemption", e]);
    }
    ok(s, &args);
}

#[test]
fn review_grounds_follow_outcomes_and_regimes() {
    let s = Sandbox::new();
    // FOIA: cost, not held, an absolute exemption; nothing flagged, so every adverse one.
    let id = add_case(&s, "foia", "Bins");
    for (l, o, e) in [
        ("Q1", "refused-cost", None),
        ("Q2", "not-held", None),
        ("Q3", "withheld", Some("41")),
        ("Q4", "answered", None),
    ] {
        question(&s, &id, l, o, e);
    }
    ok(
        &s,
        &[
            "event",
            "add",
            &id,
            "--kind",
            "response",
            "--date",
            "2018-02-01",
        ],
    );
    let letter = ok(&s, &["draft", "review", &id]);
    assert!(
        flat(&letter).contains("Section 16 requires you to give me advice and"),
        "{letter}"
    );
    assert!(
        flat(&letter).contains("describe the searches you made"),
        "{letter}"
    );
    assert!(
        flat(&letter).contains("is an absolute exemption"),
        "{letter}"
    );
    assert!(
        !flat(&letter).contains("Q4"),
        "answered, not flagged: {letter}"
    );
    assert!(flat(&letter).contains("Your reference: REF-foia My reference: mine-7"));

    // Flagged questions only, once one is flagged.
    ok(
        &s,
        &[
            "question",
            "set",
            &id,
            "Q4",
            "--outcome",
            "answered",
            "--challenge",
        ],
    );
    let letter = ok(&s, &["draft", "review", &id]);
    assert!(
        flat(&letter).contains("Q4: answered, but I believe not in full"),
        "{letter}"
    );
    assert!(!flat(&letter).contains("Q1:"), "{letter}");

    // FOISA: section 15, section 20, the Scottish Commissioner.
    let id = add_case(&s, "foisa", "Bridges");
    question(&s, &id, "1(a)", "refused-cost", None);
    question(&s, &id, "1(b)", "withheld", Some("33(1)(b)"));
    ok(
        &s,
        &[
            "event",
            "add",
            &id,
            "--kind",
            "response",
            "--date",
            "2018-02-01",
        ],
    );
    let letter = ok(&s, &["draft", "review", &id]);
    assert!(
        flat(&letter).contains("Section 15 requires you"),
        "{letter}"
    );
    assert!(flat(&letter).contains("section 20 of the Freedom of Information (Scotland) Act 2002"));
    assert!(flat(&letter).contains("section 2(1)(b)"), "{letter}");
    assert!(
        flat(&letter).contains("the Scottish Information Commissioner"),
        "{letter}"
    );
    let ico = ok(&s, &["draft", "ico", &id]);
    assert!(flat(&ico).contains("section 47(1) of the Freedom of Information (Scotland) Act 2002"));

    // EIR: regulation 9, a 40-working-day review, a PIT exception.
    let id = add_case(&s, "eir", "Air quality");
    question(&s, &id, "1", "refused-cost", None);
    question(&s, &id, "2", "withheld", Some("12(5)(e)"));
    ok(
        &s,
        &[
            "event",
            "add",
            &id,
            "--kind",
            "response",
            "--date",
            "2018-02-01",
        ],
    );
    let letter = ok(&s, &["draft", "review", &id]);
    assert!(
        flat(&letter).contains("Regulation 9 requires you"),
        "{letter}"
    );
    assert!(flat(&letter).contains("within 40 working days"), "{letter}");
    assert!(flat(&letter).contains("regulation 12(1)(b)"), "{letter}");
    assert!(flat(&letter).contains("regulation 11 of the Environmental Information Regulations"));
}

#[test]
fn drafting_refuses_what_cannot_be_reviewed() {
    let s = Sandbox::new();
    ok(&s, &["add", "--authority", "A", "--title", "Draft only"]);
    assert!(user_error(&s, &["draft", "review", "1"]).contains("draft"));
    assert!(user_error(&s, &["draft", "ico", "1"]).contains("draft"));
    // Sent on 3 March: no response due yet on 10 March.
    ok(
        &s,
        &[
            "add",
            "--authority",
            "A",
            "--title",
            "Young",
            "--sent",
            "2018-03-03",
        ],
    );
    assert!(user_error(&s, &["draft", "review", "2"]).contains("no response yet"));
    // Sent long ago and never answered: the review is of the failure to respond.
    ok(
        &s,
        &[
            "add",
            "--authority",
            "A",
            "--title",
            "Ignored",
            "--sent",
            "2017-11-01",
        ],
    );
    let letter = ok(&s, &["draft", "review", "3"]);
    assert!(flat(&letter).contains("you have not responded"), "{letter}");
    user_error(&s, &["draft", "review", "99"]);
}

#[test]
fn user_templates_replace_the_built_in_ones() {
    let s = demo();
    let dir = s.path("config").join("foi-casebook").join("templates");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("review.txt"),
        "{their_ref} by {reply_due}: {{literal}}\n",
    )
    .unwrap();
    assert_eq!(
        ok(&s, &["draft", "review", "1"]),
        "Fol 471 by Wednesday 11 April 2018: {literal}\n"
    );
    // The ICO letter still comes from the built-in template.
    assert!(ok(&s, &["draft", "ico", "1"]).contains("Dear Commissioner"));
    std::fs::write(dir.join("review.txt"), "Dear {authority},\n\n{nonsense}\n").unwrap();
    let err = user_error(&s, &["draft", "review", "1"]);
    assert!(
        err.contains("{nonsense}") && err.contains("line 3"),
        "{err}"
    );
    // --template wins over both.
    let t = s.path("mine.txt");
    std::fs::write(&t, "{title}\n").unwrap();
    assert_eq!(
        ok(
            &s,
            &["draft", "review", "1", "--template", t.to_str().unwrap()]
        ),
        "Work and Health Programme performance levels\n"
    );
    let err = user_error(
        &s,
        &["draft", "review", "1", "--template", "/nonexistent/x.txt"],
    );
    assert!(err.contains("cannot read the template"), "{err}");
    assert!(ok(&s, &["draft", "fields"]).contains("{reply_due}"));
}

#[test]
fn the_library_drafts_and_records_for_the_tui() {
    use foi_casebook::casebook::Casebook;
    use foi_casebook::store::Store;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("c.db")).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2018, 3, 10).unwrap();
    let mut book = Casebook::new(store, today);
    let (id, _) = book.load_demo().unwrap();
    let letter = book.review_letter(id).unwrap();
    assert!(flat(&letter).contains("Requests 1–9"));
    let ev = book.record_review_sent(id).unwrap();
    let v = book.view(id).unwrap();
    let e = v.file.events.iter().find(|e| e.id == ev).unwrap();
    assert_eq!(e.date, today);
    assert_eq!(e.letter.as_deref(), Some(letter.as_str()));
    assert!(
        book.ico_letter(id)
            .unwrap()
            .contains("- 10 March 2018: Internal review requested")
    );
    book.record_ico_sent(id).unwrap();
    assert_eq!(
        book.view(id).unwrap().status,
        foi_casebook::domain::CaseStatus::WithIco
    );
}

// ---------------------------------------------------------------- search

#[test]
fn search_finds_the_seed_by_a_word_only_in_its_letter() {
    let s = demo();
    let hits = json(&s, &["search", "Wycliffe"]);
    assert_eq!(hits.as_array().unwrap().len(), 1, "{hits}");
    assert_eq!(hits[0]["case_id"], 1);
    assert_eq!(hits[0]["authority"], "Department for Work and Pensions");
    assert!(
        hits[0]["snippet"].as_str().unwrap().contains("«Wycliffe»"),
        "{hits}"
    );
    let plain = ok(&s, &["search", "caxton", "house"]);
    assert!(
        plain.starts_with("#1    Work and Health Programme"),
        "{plain}"
    );
    assert!(plain.contains("Caxton House"), "{plain}");
    assert!(
        !plain.contains('«') && !plain.contains('\u{1b}'),
        "piped is plain: {plain}"
    );
    assert!(ok(&s, &["search", "nosuchwordanywhere"]).starts_with("No case matches"));
}

#[test]
fn search_index_follows_edits_and_deletes() {
    let s = demo();
    ok(&s, &["edit", "1", "--title", "Zebra crossings"]);
    assert_eq!(json(&s, &["search", "Zebra"]).as_array().unwrap().len(), 1);
    ok(&s, &["edit", "1", "--title", "Giraffe counts"]);
    assert_eq!(
        json(&s, &["search", "giraffe"]).as_array().unwrap().len(),
        1
    );
    assert!(
        json(&s, &["search", "zebra"])
            .as_array()
            .unwrap()
            .is_empty()
    );
    ok(&s, &["edit", "1", "--authority", "Ministry of Quangos"]);
    assert_eq!(
        json(&s, &["search", "quangos"]).as_array().unwrap().len(),
        1
    );
    ok(&s, &["edit", "1", "--authority", "Office of Owls"]);
    assert_eq!(json(&s, &["search", "owls"]).as_array().unwrap().len(), 1);
    assert!(
        json(&s, &["search", "quangos"])
            .as_array()
            .unwrap()
            .is_empty()
    );
    ok(
        &s,
        &[
            "question",
            "edit",
            "1",
            "Request 1",
            "--text",
            "Flamingo counts",
        ],
    );
    assert_eq!(
        json(&s, &["search", "flamingo"]).as_array().unwrap().len(),
        1
    );
    ok(
        &s,
        &[
            "event",
            "add",
            "1",
            "--kind",
            "note",
            "--date",
            "2018-03-01",
            "--note",
            "Phoned Marjorie",
        ],
    );
    assert_eq!(
        json(&s, &["search", "marjorie"]).as_array().unwrap().len(),
        1
    );
    ok(&s, &["delete", "1", "--yes"]);
    for w in ["zebra", "wycliffe", "flamingo", "marjorie"] {
        assert!(
            json(&s, &["search", w]).as_array().unwrap().is_empty(),
            "{w}"
        );
    }
}

#[test]
fn undo_puts_a_deleted_case_back_into_the_index() {
    use foi_casebook::casebook::{CasePatch, Casebook};
    use foi_casebook::store::Store;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("c.db")).unwrap();
    let mut book = Casebook::new(store, chrono::NaiveDate::from_ymd_opt(2018, 3, 10).unwrap());
    let (id, _) = book.load_demo().unwrap();
    let found = |b: &Casebook, q: &str| b.search(q, 10).unwrap().len();
    assert_eq!(found(&book, "Caxton"), 1);
    for t in ["Zebra crossings", "Giraffe counts"] {
        book.edit_case(
            id,
            CasePatch {
                title: Some(t.into()),
                ..CasePatch::default()
            },
        )
        .unwrap();
    }
    assert_eq!(found(&book, "giraffe"), 1);
    assert_eq!(found(&book, "zebra"), 0);
    book.delete_case(id).unwrap();
    assert_eq!(found(&book, "caxton"), 0);
    book.undo().unwrap();
    assert_eq!(found(&book, "caxton"), 1);
    assert_eq!(found(&book, "giraffe"), 1);
    book.undo().unwrap();
    assert_eq!(found(&book, "giraffe"), 0);
    assert_eq!(found(&book, "zebra"), 1);
    let hit = &book.search("wycliffe", 5).unwrap()[0];
    assert!(
        hit.spans.iter().any(|(t, h)| *h && t == "Wycliffe"),
        "{hit:?}"
    );
}

#[test]
fn fts_syntax_in_a_query_never_crashes() {
    let s = demo();
    for q in [
        "\"unclosed",
        "AND OR",
        "*",
        "'; DROP TABLE cases;--",
        "NEAR(caxton house)",
        "title:caxton",
        "caxton*",
        "-",
        "\"\"",
        "^",
        "(((",
    ] {
        let out = run(&s, &["search", q]);
        match out.status.code() {
            Some(0) => {}
            Some(1) => {
                let e = String::from_utf8_lossy(&out.stderr);
                assert_eq!(e.trim().lines().count(), 1, "{q}: {e}");
            }
            other => panic!(
                "{q}: exit {other:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            ),
        }
        assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    }
    // The casebook is intact.
    assert_eq!(
        json(&s, &["search", "caxton*"]).as_array().unwrap().len(),
        1
    );
    assert!(user_error(&s, &["search", "*"]).contains("nothing to search for"));
}

// ---------------------------------------------------------------- exports

#[test]
fn csv_round_trips_through_a_csv_reader() {
    let s = demo();
    let title = "Odd \"quoted\", title\nover two lines";
    let note = "=HYPERLINK(\"http://evil\",\"x\")";
    let id = json(
        &s,
        &[
            "add",
            "--authority",
            "@Home, Ltd",
            "--title",
            title,
            "--sent",
            "2018-01-10",
        ],
    )["id"]
        .to_string();
    ok(
        &s,
        &[
            "question",
            "add",
            &id,
            "--label",
            "Q1",
            "--text",
            "Line one\nline, two; \"three\"",
        ],
    );
    ok(
        &s,
        &[
            "question",
            "set",
            &id,
            "Q1",
            "--outcome",
            "not-held",
            "--note",
            note,
        ],
    );
    ok(
        &s,
        &[
            "add",
            "--authority",
            "B",
            "--title",
            "No questions",
            "--sent",
            "2018-01-10",
        ],
    );
    let text = ok(&s, &["export", "--format", "csv"]);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "id",
            "title",
            "authority",
            "regime",
            "their_ref",
            "my_ref",
            "sent",
            "received",
            "status",
            "overall",
            "label",
            "question",
            "outcome",
            "exemptions",
            "note",
            "challenge"
        ]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(
        rows.len(),
        9 + 1 + 1,
        "9 seed questions, 1, and a row for the bare case"
    );
    let odd = rows.iter().find(|r| r[0] == *id).unwrap();
    assert_eq!(&odd[1], title);
    assert_eq!(&odd[2], "'@Home, Ltd");
    assert_eq!(&odd[11], "Line one\nline, two; \"three\"");
    assert_eq!(&odd[12], "not-held");
    assert_eq!(&odd[14], format!("'{note}"));
    assert_eq!(&odd[6], "2018-01-10");
    let bare = rows.iter().find(|r| &r[1] == "No questions").unwrap();
    assert_eq!(&bare[10], "");
    let seed = rows.iter().find(|r| &r[10] == "Request 4").unwrap();
    assert_eq!(&seed[12], "partly-answered");
    assert_eq!(&seed[13], "43");
    assert_eq!(&seed[15], "yes");
    // One case only, to a file.
    let out = s.path("one.csv");
    ok(
        &s,
        &[
            "export",
            "1",
            "--format",
            "csv",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    let mut r = csv::Reader::from_path(&out).unwrap();
    assert_eq!(r.records().count(), 9);
}

#[test]
fn markdown_dossier_reads_as_a_document() {
    let s = demo();
    let md = ok(&s, &["export", "1", "--format", "md"]);
    for want in [
        "# #1 Work and Health Programme performance levels\n",
        "| Their reference | Fol 471 |",
        "| Regime | FOIA (Freedom of Information Act 2000) |",
        "## Questions",
        "- **Request 1**: withheld — section 43 (Commercial interests)",
        "## Timeline",
        "| Sat 3 Feb 2018 | Request sent |",
        "## Clocks",
        "## Letter: Response, Tue 27 Feb 2018",
        "Wycliffe House",
    ] {
        assert!(md.contains(want), "missing {want:?}:\n{md}");
    }
    ok(
        &s,
        &[
            "add",
            "--authority",
            "A|B",
            "--title",
            "Pipes | and <b>tags</b>",
            "--sent",
            "2018-01-10",
        ],
    );
    let all = ok(&s, &["export", "--format", "md"]);
    assert!(all.starts_with("# FOI casebook\n"), "{all}");
    assert!(
        all.contains("## #2 Pipes \\| and \\<b\\>tags\\</b\\>"),
        "{all}"
    );
    assert!(all.contains("| Authority | A\\|B |"), "{all}");
}

#[test]
fn unknown_export_format_is_a_user_error() {
    let s = demo();
    assert!(user_error(&s, &["export", "--format", "pdf"]).contains("csv, md or ics"));
}

/// One iCalendar component as a strict reader sees it.
#[derive(Debug, Default)]
struct Component {
    name: String,
    props: Vec<(String, String, String)>, // name, params, value
    children: Vec<Component>,
}

impl Component {
    fn get(&self, name: &str) -> Option<&(String, String, String)> {
        self.props.iter().find(|p| p.0 == name)
    }
    fn value(&self, name: &str) -> &str {
        self.get(name)
            .map(|p| p.2.as_str())
            .unwrap_or_else(|| panic!("{} has no {name}", self.name))
    }
}

/// A strict RFC 5545 reader: CRLF only, physical lines of at most 75 octets, folding by
/// a leading space, `NAME[;PARAMS]:VALUE` lines, BEGIN/END nesting, TEXT unescaping.
fn parse_ics(bytes: &[u8]) -> Component {
    let text = std::str::from_utf8(bytes).expect("UTF-8");
    assert!(text.ends_with("\r\n"), "must end with CRLF");
    let physical: Vec<&str> = text[..text.len() - 2].split("\r\n").collect();
    let mut logical: Vec<String> = Vec::new();
    for l in physical {
        assert!(
            !l.contains('\n') && !l.contains('\r'),
            "bare line break in {l:?}"
        );
        assert!(l.len() <= 75, "{} octets: {l:?}", l.len());
        assert!(
            !l.chars().any(|c| c.is_control() && c != '\t'),
            "control character in {l:?}"
        );
        if let Some(cont) = l.strip_prefix(' ') {
            logical
                .last_mut()
                .expect("continuation first")
                .push_str(cont);
        } else {
            logical.push(l.to_string());
        }
    }
    let mut stack: Vec<Component> = vec![Component::default()];
    for l in logical {
        let colon = l.find(':').unwrap_or_else(|| panic!("no colon: {l:?}"));
        let (head, value) = (&l[..colon], &l[colon + 1..]);
        let (name, params) = head.split_once(';').unwrap_or((head, ""));
        assert!(
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-'),
            "bad property name {name:?}"
        );
        match name {
            "BEGIN" => stack.push(Component {
                name: value.to_string(),
                ..Component::default()
            }),
            "END" => {
                let c = stack.pop().expect("END without BEGIN");
                assert_eq!(c.name, value, "END:{value} closes {}", c.name);
                stack.last_mut().expect("END at top").children.push(c);
            }
            _ => {
                // TEXT values: every backslash starts a valid escape.
                let mut out = String::new();
                let mut chars = value.chars();
                while let Some(c) = chars.next() {
                    if c == '\\' {
                        match chars.next() {
                            Some('n') | Some('N') => out.push('\n'),
                            Some(e @ ('\\' | ';' | ',')) => out.push(e),
                            other => panic!("bad escape \\{other:?} in {value:?}"),
                        }
                    } else {
                        assert!(
                            !(name == "SUMMARY" || name == "DESCRIPTION") || (c != ';' && c != ','),
                            "unescaped {c:?} in {name}: {value:?}"
                        );
                        out.push(c);
                    }
                }
                stack
                    .last_mut()
                    .expect("property outside a component")
                    .props
                    .push((name.to_string(), params.to_string(), out))
            }
        }
    }
    let mut top = stack.pop().expect("root");
    assert!(stack.is_empty(), "unclosed component");
    assert_eq!(top.children.len(), 1, "one VCALENDAR");
    top.children.remove(0)
}

#[test]
fn ics_is_valid_and_its_uids_are_stable() {
    let s = demo();
    ok(
        &s,
        &[
            "add",
            "--authority",
            "Glasgow City Council",
            "--title",
            "Bridges; roads, and \\ paths",
            "--regime",
            "foisa",
            "--sent",
            "2018-03-01",
        ],
    );
    let first = s.path("a.ics");
    ok(
        &s,
        &["export", "--format", "ics", "-o", first.to_str().unwrap()],
    );
    let cal = parse_ics(&std::fs::read(&first).unwrap());
    assert_eq!(cal.name, "VCALENDAR");
    assert_eq!(cal.value("VERSION"), "2.0");
    assert!(!cal.value("PRODID").is_empty());
    let events: Vec<&Component> = cal.children.iter().filter(|c| c.name == "VEVENT").collect();
    assert!(events.len() >= 2, "a live clock per open case: {events:?}");
    let mut uids = Vec::new();
    for e in &events {
        let uid = e.value("UID").to_string();
        assert!(uid.ends_with("@foi-casebook"), "{uid}");
        uids.push(uid);
        let stamp = e.value("DTSTAMP");
        assert!(stamp.len() == 16 && stamp.ends_with('Z'), "{stamp}");
        let start = e.get("DTSTART").unwrap();
        assert_eq!(start.1, "VALUE=DATE");
        assert!(start.2.len() == 8 && start.2.chars().all(|c| c.is_ascii_digit()));
        assert!(e.value("SUMMARY").starts_with("FOI: "));
        assert!(e.value("DESCRIPTION").contains("Working: "));
        let alarm = e
            .children
            .iter()
            .find(|c| c.name == "VALARM")
            .expect("VALARM");
        assert_eq!(alarm.value("ACTION"), "DISPLAY");
        assert_eq!(alarm.value("TRIGGER"), "-P3D");
        assert!(!alarm.value("DESCRIPTION").is_empty());
    }
    let mut unique = uids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), uids.len(), "UIDs are unique: {uids:?}");
    // The seed's review window, as the calendar shows it.
    let review = events
        .iter()
        .find(|e| e.value("UID").starts_with("case1-review-request-"))
        .expect("the seed's review window");
    assert_eq!(
        review.value("SUMMARY"),
        "FOI: review request window closes — DWP Fol 471"
    );
    assert_eq!(review.get("DTSTART").unwrap().2, "20180427");
    assert_eq!(review.get("DTEND").unwrap().2, "20180428");
    // Text with ; , and \ survives escaping.
    let bridges = events
        .iter()
        .find(|e| {
            e.value("DESCRIPTION")
                .starts_with("Bridges; roads, and \\ paths\n")
        })
        .expect("escaped title round-trips");
    assert!(bridges.value("SUMMARY").contains("Glasgow City Council"));

    // Exporting again (after an edit that moves nothing) gives the same UIDs.
    ok(&s, &["edit", "1", "--notes", "chased"]);
    let again = parse_ics(ok(&s, &["export", "--format", "ics"]).as_bytes());
    let uids2: Vec<String> = again
        .children
        .iter()
        .filter(|c| c.name == "VEVENT")
        .map(|e| e.value("UID").to_string())
        .collect();
    assert_eq!(uids, uids2);
    // A closed case drops out of the calendar.
    ok(
        &s,
        &[
            "event",
            "add",
            "2",
            "--kind",
            "withdrawn",
            "--date",
            "2018-03-05",
        ],
    );
    let after = parse_ics(ok(&s, &["export", "--format", "ics"]).as_bytes());
    assert!(
        after
            .children
            .iter()
            .all(|e| !e.value("UID").starts_with("case2-"))
    );
}

// ---------------------------------------------------------------- statistics

#[test]
fn stats_count_the_seed_case() {
    let s = demo();
    let st = json(&s, &["stats"]);
    let dwp = &st["authorities"][0];
    assert_eq!(dwp["authority"], "Department for Work and Pensions");
    assert_eq!(dwp["cases"], 1);
    assert_eq!(dwp["questions"], 9);
    assert_eq!(
        dwp["outcomes"],
        serde_json::json!([
            {"outcome": "partly-answered", "count": 1},
            {"outcome": "withheld", "count": 8}
        ])
    );
    assert_eq!(dwp["exemptions"][0]["section"], "43");
    assert_eq!(dwp["exemptions"][0]["name"], "Commercial interests");
    assert_eq!(dwp["exemptions"][0]["count"], 9);
    // Received Sat 3 Feb, answered Tue 27 Feb: 17 working days, due Fri 2 Mar, met.
    assert_eq!(dwp["responses"]["on_time"], 1);
    assert_eq!(dwp["responses"]["late"], 0);
    assert_eq!(dwp["responses"]["on_time_rate"], 1.0);
    assert_eq!(dwp["responses"]["median_working_days"], 17.0);
    assert_eq!(dwp["reviews"]["requested"], 0);
    assert_eq!(st["overall"]["cases"], 1);

    // A second authority: late, with a review that was upheld.
    ok(
        &s,
        &[
            "add",
            "--authority",
            "Slow Council",
            "--title",
            "Potholes",
            "--sent",
            "2018-01-02",
        ],
    );
    ok(
        &s,
        &[
            "event",
            "add",
            "2",
            "--kind",
            "response",
            "--date",
            "2018-02-20",
        ],
    );
    ok(
        &s,
        &[
            "event",
            "add",
            "2",
            "--kind",
            "review-requested",
            "--date",
            "2018-02-21",
        ],
    );
    ok(
        &s,
        &[
            "event",
            "add",
            "2",
            "--kind",
            "review-response",
            "--date",
            "2018-03-05",
            "--note",
            "Original decision upheld",
        ],
    );
    let st = json(&s, &["stats"]);
    assert_eq!(st["authorities"].as_array().unwrap().len(), 2);
    assert_eq!(st["overall"]["cases"], 2);
    assert_eq!(st["overall"]["responses"]["on_time"], 1);
    assert_eq!(st["overall"]["responses"]["late"], 1);
    assert_eq!(st["overall"]["responses"]["on_time_rate"], 0.5);
    assert_eq!(st["overall"]["reviews"]["requested"], 1);
    assert_eq!(st["overall"]["reviews"]["upheld"], 1);
    let one = json(&s, &["stats", "--authority", "slow"]);
    assert_eq!(one["authorities"].as_array().unwrap().len(), 1);
    assert_eq!(one["authorities"][0]["authority"], "Slow Council");
    let text = ok(&s, &["stats"]);
    assert!(text.contains("All 2 authorities — 2 cases"), "{text}");
    assert!(
        text.contains("section 43 (Commercial interests) ×9"),
        "{text}"
    );
    assert!(user_error(&s, &["stats", "--authority", "nobody"]).contains("nobody"));
}
