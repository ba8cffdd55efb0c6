//! A JSON import is written as a bulk insert: the insert triggers that keep the search
//! index and the timeline digests in step are dropped for its transaction, and the new
//! cases are indexed and digested in one pass each at the end. These tests hold it to
//! what a user (or the next write) would check: after an import into a casebook that
//! already has cases, the search index and every digest are exactly what a rebuild from
//! the tables makes, the words of imported letters and notes are found, the schema is as
//! it was, and the next ordinary write is indexed again.

mod common;

use common::Sandbox;
use foi_casebook::store::Store;
use rusqlite::Connection;
use serde_json::{Value, json};

/// A synthetic export of `n` cases with every kind of indexed text: tags, request text,
/// notes, questions with notes and exemptions, events with notes, letters, references
/// and windows, some cases in a batch and some without an authority reference.
fn document(n: usize) -> Value {
    let cases: Vec<Value> = (0..n)
        .map(|i| {
            let mut events = vec![json!({"kind": "sent", "date": "2018-01-08"})];
            if i % 2 == 0 {
                events.push(json!({
                    "kind": "response", "date": "2018-02-01",
                    "note": format!("Replied late, case {i}"),
                    "letter": format!("Dear requester,\nWe hold the marmalade{i}x figures."),
                }));
            }
            if i % 3 == 0 {
                events.push(json!({
                    "kind": "ico-complaint", "date": "2018-02-20",
                    "ref": format!("IC-{}-X9", 1000 + i),
                }));
                events.push(json!({
                    "kind": "extension", "date": "2018-01-20", "window": "40 working days",
                }));
            }
            // Closing, withdrawing and reopening on the same day or later, so the list
            // keys' "last status event by (date, id)" is tried both ways round.
            match i % 7 {
                0 => events.push(json!({"kind": "closed", "date": "2018-03-01"})),
                1 => {
                    events.push(json!({"kind": "review-requested", "date": "2018-03-05"}));
                    events.push(json!({"kind": "closed", "date": "2018-03-01"}));
                }
                2 => {
                    events.push(json!({"kind": "withdrawn", "date": "2018-02-01"}));
                    events.push(json!({"kind": "note", "date": "2018-04-01"}));
                }
                3 => events.push(json!({
                    "kind": "clarification-requested", "date": "2017-12-30", "until": "2019-01-01",
                })),
                _ => {}
            }
            let questions: Vec<Value> = (1..=3)
                .map(|q| {
                    json!({
                        "label": format!("Request {q}"),
                        "text": format!("How many gritters{q} were bought in {}?", 2000 + i),
                        "outcome": if q == 2 { "withheld" } else { "answered" },
                        "exemptions": if q == 2 { json!(["43"]) } else { json!([]) },
                        "note": if q == 3 { json!(format!("Chased twice ({i})")) } else { Value::Null },
                    })
                })
                .collect();
            json!({
                "title": format!("Gritting fleet {i}"),
                "authority": format!("Council {}", i % 7),
                "regime": "foia",
                "their_ref": if i % 4 == 0 { Value::Null } else { json!(format!("FOI/2018/{i:04}")) },
                "my_ref": format!("ME-{i}"),
                "sent": "2018-01-08",
                "tags": if i % 4 == 1 {
                    json!([format!("winter{}", i % 3), "roads", "Roads", "roads", "ägritting"])
                } else {
                    json!(["roads", format!("winter{}", i % 3)])
                },
                "received": if i % 5 == 2 { json!("2018-01-10") } else { Value::Null },
                "text": format!("Please provide the gritting records, part {i}."),
                "notes": if i % 5 == 0 { json!(format!("Follow up with the press office {i}")) } else { Value::Null },
                "batch": if i % 6 == 0 { json!({"id": 7, "title": "Gritting round robin"}) } else { Value::Null },
                "questions": questions,
                "events": events,
            })
        })
        .collect();
    json!({"format": "foi-casebook", "version": 1, "cases": cases})
}

/// Rows of a table, each value as text (`None` for NULL).
type Rows = Vec<Vec<Option<String>>>;

/// Every search entry (each column) and every digest with the case's list keys (what
/// the first screen is found by), in id order.
fn index_and_digests(db: &std::path::Path) -> (Rows, Rows) {
    let conn = Connection::open(db).expect("open");
    let rows = |sql: &str, width: usize| -> Rows {
        let mut st = conn.prepare(sql).expect("prepare");
        st.query_map([], |r| {
            (0..width)
                .map(|i| r.get::<_, Option<rusqlite::types::Value>>(i))
                .map(|v| v.map(|v| v.map(|v| format!("{v:?}"))))
                .collect::<rusqlite::Result<Vec<_>>>()
        })
        .and_then(|rows| rows.collect())
        .expect("rows")
    };
    (
        rows(
            "SELECT rowid, title, authority, refs, tags, request, questions, notes, letters \
             FROM case_search ORDER BY rowid",
            9,
        ),
        rows(
            "SELECT case_id, timeline, tags, k.open, k.earliest \
             FROM case_digest LEFT JOIN list_keys k USING (case_id) ORDER BY case_id",
            5,
        ),
    )
}

/// The schema's every object, to check that an import leaves it as it found it.
fn schema(db: &std::path::Path) -> Vec<(String, String)> {
    let conn = Connection::open(db).expect("open");
    let mut st = conn
        .prepare("SELECT name, coalesce(sql, '') FROM sqlite_master ORDER BY name")
        .expect("prepare");
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .and_then(|rows| rows.collect())
        .expect("schema")
}

fn one_value(db: &std::path::Path, sql: &str) -> i64 {
    Connection::open(db)
        .expect("open")
        .query_row(sql, [], |r| r.get(0))
        .expect("query")
}

fn found(s: &Sandbox, words: &str) -> Vec<String> {
    s.json(&["search", words, "--limit", "1000"])
        .as_array()
        .expect("search results")
        .iter()
        .map(|r| r["title"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn a_bulk_import_leaves_the_index_and_digests_equal_to_a_rebuild_from_the_tables() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let before = one_value(&s.db, "SELECT count(*) FROM cases");
    let schema_before = schema(&s.db);
    let file = s.path("export.json");
    std::fs::write(&file, document(60).to_string()).expect("write");

    let out = s.ok(&["import", file.to_str().expect("path")]);
    assert!(out.contains("Imported 60 cases"), "{out}");
    assert_eq!(one_value(&s.db, "SELECT count(*) FROM cases"), before + 60);
    assert_eq!(
        schema(&s.db),
        schema_before,
        "the triggers are back as they were"
    );
    assert_eq!(one_value(&s.db, "SELECT count(*) FROM search_pending"), 0);
    assert_eq!(
        one_value(&s.db, "SELECT count(*) FROM pragma_foreign_key_check"),
        0
    );

    // Closed last (by date, then the order given) and not reopened: the list keys say so.
    let closed = (0..60)
        .filter(|i| i % 7 == 0 || (i % 7 == 2 && i % 3 != 0))
        .count();
    assert_eq!(
        one_value(
            &s.db,
            "SELECT count(*) FROM list_keys k JOIN cases c ON c.id = k.case_id \
             WHERE c.title LIKE 'Gritting fleet %' AND k.open = 0"
        ),
        closed as i64
    );

    // Exactly what a rebuild of the whole index and of every digest makes.
    let imported = index_and_digests(&s.db);
    assert_eq!(imported.0.len() as i64, before + 60);
    assert_eq!(imported.1.len() as i64, before + 60);
    let mut store = Store::open(&s.db).expect("open the casebook");
    store
        .write(|w| w.rebuild_search_index())
        .expect("rebuild the index");
    drop(store);
    assert_eq!(index_and_digests(&s.db), imported);
    Connection::open(&s.db)
        .expect("open")
        .execute_batch("INSERT INTO case_search (case_search) VALUES ('integrity-check')")
        .expect("the full-text index matches its content");

    // The words of an imported letter, a question's note, a reference and a tag are
    // found; the demo's cases still are.
    assert_eq!(found(&s, "marmalade4x"), vec!["Gritting fleet 4"]);
    assert_eq!(found(&s, "\"IC-1009-X9\""), vec!["Gritting fleet 9"]);
    assert_eq!(found(&s, "winter2").len(), 20);
    assert_eq!(found(&s, "chased").len(), 60);
    assert!(!found(&s, "council").is_empty());

    // Importing the same file again skips every case and changes nothing.
    let again = s.ok(&["import", file.to_str().expect("path")]);
    assert!(again.contains("Imported 0 cases"), "{again}");
    assert_eq!(index_and_digests(&s.db), imported);
}

#[test]
fn the_next_ordinary_write_after_a_bulk_import_is_indexed_again() {
    let s = Sandbox::new();
    let file = s.path("export.json");
    std::fs::write(&file, document(3).to_string()).expect("write");
    s.ok(&["import", file.to_str().expect("path")]);
    s.ok(&[
        "event",
        "add",
        "Gritting fleet 1",
        "--kind",
        "note",
        "--date",
        "2018-03-01",
        "--note",
        "Spoke to the depot about quinces",
    ]);
    assert_eq!(found(&s, "quinces"), vec!["Gritting fleet 1"]);
    assert_eq!(one_value(&s.db, "SELECT count(*) FROM search_pending"), 0);
    let digests = index_and_digests(&s.db).1;
    let mut store = Store::open(&s.db).expect("open the casebook");
    store
        .write(|w| w.rebuild_search_index())
        .expect("rebuild the index");
    drop(store);
    assert_eq!(index_and_digests(&s.db).1, digests);
}

#[test]
fn a_refused_or_dry_run_import_leaves_the_schema_and_the_index_as_they_were() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let schema_before = schema(&s.db);
    let index_before = index_and_digests(&s.db);
    let file = s.path("export.json");
    std::fs::write(&file, document(5).to_string()).expect("write");

    let out = s.ok(&["import", "--dry-run", file.to_str().expect("path")]);
    assert!(out.contains("Would import 5 cases"), "{out}");
    assert_eq!(schema(&s.db), schema_before);
    assert_eq!(index_and_digests(&s.db), index_before);

    // The fourth case has an empty title: refused, nothing saved.
    let mut bad = document(5);
    bad["cases"][3]["title"] = json!(" ");
    std::fs::write(&file, bad.to_string()).expect("write");
    let e = s.fails(&["import", file.to_str().expect("path")], 1);
    assert!(e.contains("case 4"), "{e}");
    assert_eq!(schema(&s.db), schema_before);
    assert_eq!(index_and_digests(&s.db), index_before);
}
