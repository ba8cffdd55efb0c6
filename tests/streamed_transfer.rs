//! Exports are written case by case as the casebook is read, and imports saved case by
//! case as the file is parsed: the results must be exactly what building the whole
//! document in memory gives, on a casebook whose text tries to break every format.

mod common;
use common::{Sandbox, strip_ids};
use foi_casebook::casebook::Casebook;
use foi_casebook::interchange::Document;
use foi_casebook::store::Store;
use serde_json::{Value, json};

const TODAY: (i32, u32, u32) = (2018, 3, 10);

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).expect("date")
}

/// Five cases: formula cells, terminal escapes, Markdown and fences, CRLF and tabs in
/// letters, a case with nothing hanging off it, a draft, two authorities.
fn hostile() -> Document {
    let cases = json!([
        {
            "title": "=HYPERLINK(\"http://x\") | # not a heading",
            "authority": "Leeds City Council",
            "their_ref": "FOI-1",
            "sent": "2018-01-02",
            "tags": ["b", "a"],
            "text": "Please send ``` fenced ``` text\r\nand\ttabs \u{1b}[31m red",
            "notes": "notes *stars* _under_ <b>html</b>",
            "questions": [
                {"label": "1", "text": "+44 costs", "outcome": "answered"},
                {"label": "2", "text": "@SUM(A1) contracts", "outcome": "withheld",
                 "exemptions": ["43"], "note": "-minus", "challenge": true},
                {"label": "3(a)", "text": "é ✓ 𝄞 \u{202e}rtl", "outcome": "not-held"}
            ],
            "events": [
                {"kind": "clarification-requested", "date": "2018-01-05"},
                {"kind": "clarification-sent", "date": "2018-01-08", "note": "narrowed, ok; fine"},
                {"kind": "response", "date": "2018-02-01",
                 "letter": "Dear requester,\r\n````\nWe hold\u{7} no information.\n"}
            ]
        },
        {
            "title": "Nothing yet",
            "authority": "Department for Work and Pensions",
            "sent": "2018-02-20"
        },
        {
            "title": "Draft with no date",
            "authority": "Leeds City Council"
        },
        {
            "title": "Bridges \\ backslash, comma; semicolon",
            "authority": "Glasgow City Council",
            "regime": "foisa",
            "their_ref": "G/2",
            "my_ref": "mine\nnext line",
            "channel": "web-form",
            "url": "https://example.org/r/1?a=b&c=d",
            "sent": "2017-11-01",
            "received": "2017-11-03",
            "questions": [{"label": "Q1", "text": "\"quoted\"", "outcome": "pending"}],
            "events": [{"kind": "response", "date": "2017-12-20", "note": "late"}]
        },
        {
            "title": "Review under way",
            "authority": "Department for Work and Pensions",
            "their_ref": "VTR 77",
            "sent": "2017-10-01",
            "questions": [{"label": "1", "text": "x", "outcome": "withheld", "exemptions": ["40(2)"]}],
            "events": [
                {"kind": "response", "date": "2017-10-20"},
                {"kind": "review-requested", "date": "2017-11-01"}
            ]
        }
    ]);
    Document {
        format: "foi-casebook".into(),
        version: 1,
        cases: serde_json::from_value(cases).expect("cases"),
    }
}

/// A sandbox whose casebook holds [`hostile`], written through the library.
fn populated() -> Sandbox {
    let s = Sandbox::new();
    std::fs::create_dir_all(s.db.parent().expect("dir")).expect("dir");
    let mut book = Casebook::new(Store::open(&s.db).expect("store"), today());
    let report = book.import_document(&hostile(), false).expect("import");
    assert_eq!(report.count, 5);
    s
}

fn book(s: &Sandbox) -> Casebook {
    Casebook::new(Store::open(&s.db).expect("store"), today())
}

fn export_file(s: &Sandbox, args: &[&str]) -> Vec<u8> {
    let out = s.path("out");
    let mut all = vec!["export"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["-o", out.to_str().expect("path"), "--force"]);
    s.ok(&all);
    std::fs::read(&out).expect("export written")
}

/// iCalendar stamps the time of the export: not part of the comparison.
fn without_stamps(b: &[u8]) -> String {
    String::from_utf8_lossy(b)
        .split("\r\n")
        .filter(|l| !l.starts_with("DTSTAMP:"))
        .collect::<Vec<_>>()
        .join("\r\n")
}

#[test]
fn streamed_exports_equal_the_whole_documents_built_in_memory() {
    let s = populated();
    let book = book(&s);
    let views = book.export_views(None).expect("views");
    assert_eq!(views.len(), 5);

    // JSON: serde's own rendering of the whole document is the reference.
    let doc = book.export_document(None).expect("document");
    let whole = serde_json::to_string_pretty(&doc).expect("json") + "\n";
    assert_eq!(
        String::from_utf8_lossy(&export_file(&s, &["--format", "json"])),
        whole
    );

    let csv = foi_casebook::export::csv::write(&views).expect("csv");
    assert_eq!(
        String::from_utf8_lossy(&export_file(&s, &["--format", "csv"])),
        csv
    );

    let md = foi_casebook::export::markdown::write(&views, today());
    assert_eq!(
        String::from_utf8_lossy(&export_file(&s, &["--format", "md"])),
        md
    );
    assert!(
        md.starts_with("# FOI casebook") && md.ends_with("|\n"),
        "{md}"
    );

    let id = book.casebook_id().expect("id");
    let ics = foi_casebook::export::ics::write(&views, &id, chrono::Utc::now());
    assert_eq!(
        without_stamps(&export_file(&s, &["--format", "ics"])),
        without_stamps(ics.as_bytes())
    );
    assert!(ics.contains("BEGIN:VEVENT"), "{ics}");

    // One case alone: its own dossier, and the same through a pipe as to a file.
    let one = book.export_views(Some(1)).expect("one");
    let md = foi_casebook::export::markdown::write(&one, today());
    assert!(md.starts_with("# #1 "), "{md}");
    assert_eq!(
        String::from_utf8_lossy(&export_file(&s, &["1", "--format", "md"])),
        md
    );
    assert_eq!(s.ok(&["export", "1", "--format", "md"]), md);
    assert_eq!(
        s.ok(&["export", "--format", "json"]),
        String::from_utf8_lossy(&export_file(&s, &["--format", "json"]))
    );
}

#[test]
fn an_empty_casebook_exports_empty_documents() {
    let s = Sandbox::new();
    // An empty casebook (a read-only command no longer creates one).
    drop(book(&s));
    let empty = Document {
        format: "foi-casebook".into(),
        version: 1,
        cases: Vec::new(),
    };
    assert_eq!(
        String::from_utf8_lossy(&export_file(&s, &["--format", "json"])),
        serde_json::to_string_pretty(&empty).expect("json") + "\n"
    );
    assert_eq!(
        String::from_utf8_lossy(&export_file(&s, &["--format", "md"])),
        foi_casebook::export::markdown::write(&[], today())
    );
    assert_eq!(
        String::from_utf8_lossy(&export_file(&s, &["--format", "csv"])),
        foi_casebook::export::csv::write(&[]).expect("csv")
    );
}

#[test]
fn a_streamed_export_imports_back_to_the_same_casebook() {
    let a = populated();
    let file = a.path("export.json");
    a.ok(&["export", "-o", file.to_str().expect("path")]);

    let b = Sandbox::new();
    let out = b.ok(&["import", file.to_str().expect("path")]);
    assert!(out.contains("Imported 5 cases"), "{out}");
    let mut first: Value =
        serde_json::from_slice(&std::fs::read(&file).expect("read")).expect("json");
    let mut second: Value = serde_json::from_str(&b.ok(&["export"])).expect("json");
    strip_ids(&mut first);
    strip_ids(&mut second);
    assert_eq!(first, second);
    // The statistics (streamed too) agree between the two casebooks.
    assert_eq!(a.ok(&["stats", "--json"]), b.ok(&["stats", "--json"]));
    assert_eq!(a.ok(&["stats"]), b.ok(&["stats"]));
}

#[test]
fn an_import_reads_a_byte_order_mark_and_a_header_after_the_cases() {
    let s = Sandbox::new();
    let file = s.path("x.json");
    std::fs::write(
        &file,
        "\u{feff}{\"cases\": [{\"title\": \"T\", \"authority\": \"A\", \"sent\": \"2018-01-01\"}],\n\
         \"version\": 1, \"format\": \"foi-casebook\"}",
    )
    .expect("write");
    let out = s.ok(&["import", file.to_str().expect("path")]);
    assert!(out.contains("Imported 1 case "), "{out}");

    // Each of these is refused with `expect` in its one line, and nothing of it is
    // saved: the casebook still holds the one case imported above.
    let refused = |text: &str, format_given: bool, expect: &[&str]| {
        std::fs::write(&file, text).expect("write");
        let mut args = vec!["import", file.to_str().expect("path")];
        if format_given {
            args.extend(["--format", "json"]);
        }
        let e = s.fails(&args, 1);
        assert!(expect.iter().all(|x| e.contains(x)), "{e}");
        assert_eq!(
            s.json(&["list", "--filter", "all"])
                .as_array()
                .map(Vec::len),
            Some(1)
        );
    };
    // A foreign header after the cases: the cases already read are rolled back.
    refused(
        "{\"cases\": [{\"title\": \"U\", \"authority\": \"A\", \"sent\": \"2018-01-01\"}],\n\
         \"version\": 1, \"format\": \"other\"}",
        true,
        &["x.json: not a casebook export", "\"other\""],
    );
    // A newer version ahead of the cases is refused before any is read.
    refused(
        "{\"format\": \"foi-casebook\", \"version\": 9, \"cases\": [{\"title\": 3}]}",
        false,
        &["version 9", "upgrade foi"],
    );
    // Text that ends midway is a JSON error with its place, nothing saved.
    refused(
        "{\"format\": \"foi-casebook\", \"version\": 1, \"cases\": [\n\
         {\"title\": \"V\", \"authority\": \"A\", \"sent\": \"2018-01-01\"},\n{\"title\"",
        true,
        &["not a casebook export", "line 3"],
    );
}
