//! The case list, the agenda and the TUI read each case's timeline and tags from one
//! digest row (`case_digest`, migration 3) instead of every event and tag. These tests
//! hold it to what a user would check: after any write the digests equal what the
//! tables say, and `foi list` / `foi due` show the same whether read from the digests,
//! from the tables (digests gone, out of order or unusable), or after another program
//! wrote to the file behind foi's back.

mod common;

use common::Sandbox;
use rusqlite::Connection;

/// Cases whose digest differs from the one made afresh from their tables, plus
/// digests of cases that no longer exist.
fn stale_digests(s: &Sandbox) -> i64 {
    let conn = Connection::open(&s.db).expect("open");
    conn.query_row(
        "SELECT (SELECT count(*) FROM case_digest_source src
                 LEFT JOIN case_digest d USING (case_id)
                 WHERE d.case_id IS NULL OR d.timeline IS NOT src.timeline
                       OR d.tags IS NOT src.tags)
              + (SELECT count(*) FROM case_digest WHERE case_id NOT IN (SELECT id FROM cases))",
        [],
        |r| r.get(0),
    )
    .expect("compare digests")
}

/// What a user sees of every case: the whole list and the agenda, as JSON text.
fn screens(s: &Sandbox) -> (String, String) {
    (
        s.ok(&["list", "--filter", "all", "--json"]),
        s.ok(&["due", "--json"]),
    )
}

fn sql(s: &Sandbox, statements: &str) {
    Connection::open(&s.db)
        .expect("open")
        .execute_batch(statements)
        .expect("sql");
}

/// A few cases with timelines that start, pause, stop and restart clocks, and tags.
fn casebook() -> Sandbox {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    s.ok(&[
        "add",
        "--authority",
        "Leeds City Council",
        "--title",
        "Pothole repairs",
        "--sent",
        "2018-01-08",
        "--their-ref",
        "FOI/2018/12",
        "--tag",
        "roads",
        "--tag",
        "budget",
    ]);
    s.ok(&[
        "add",
        "--authority",
        "Scottish Water",
        "--title",
        "Leak rates",
        "--regime",
        "eisr",
        "--sent",
        "2018-01-15",
    ]);
    s.ok(&[
        "event",
        "add",
        "Pothole",
        "--kind",
        "acknowledged",
        "--date",
        "2018-01-09",
    ]);
    s.ok(&[
        "event",
        "add",
        "Pothole",
        "--kind",
        "extension",
        "--date",
        "2018-02-01",
        "--until",
        "2018-03-01",
    ]);
    s.ok(&[
        "event",
        "add",
        "Leak",
        "--kind",
        "response",
        "--date",
        "2018-02-05",
        "--window",
        "40 working days",
    ]);
    s
}

#[test]
fn every_write_keeps_each_digest_equal_to_its_tables() {
    let s = casebook();
    assert_eq!(stale_digests(&s), 0, "after adding cases and events");
    // Events corrected (date, kind), removed; tags replaced; a case deleted.
    let show = s.json(&["show", "Pothole"]);
    let events = show["events"].as_array().expect("events");
    let id = |kind: &str| {
        events
            .iter()
            .find(|e| e["kind"] == kind)
            .and_then(|e| e["id"].as_i64())
            .unwrap_or_else(|| panic!("no {kind} event: {show}"))
            .to_string()
    };
    s.ok(&[
        "event",
        "edit",
        "Pothole",
        &id("acknowledged"),
        "--date",
        "2018-01-10",
    ]);
    assert_eq!(stale_digests(&s), 0, "after moving an event");
    s.ok(&["event", "delete", "Pothole", &id("extension")]);
    assert_eq!(stale_digests(&s), 0, "after deleting an event");
    s.ok(&["edit", "Pothole", "--tag", "potholes"]);
    assert_eq!(stale_digests(&s), 0, "after replacing the tags");
    s.ok(&["delete", "Leak", "--yes"]);
    assert_eq!(stale_digests(&s), 0, "after deleting a case");
    let conn = Connection::open(&s.db).expect("open");
    let (cases, digests): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT count(*) FROM cases), (SELECT count(*) FROM case_digest)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("count");
    assert_eq!((cases, digests), (2, 2));
}

#[test]
fn the_list_and_agenda_read_the_same_from_digests_as_from_the_tables() {
    let s = casebook();
    let from_digests = screens(&s);
    assert!(from_digests.0.contains("Pothole repairs") && from_digests.1.contains("Leak rates"));

    // Digests out of timeline order (as a future SQLite might concatenate them): the
    // reader notices and reads those cases' tables.
    sql(
        &s,
        "UPDATE case_digest SET timeline = (
            SELECT group_concat(char(30) || kind || char(31) || date || char(31)
                   || coalesce(window, '') || char(31) || coalesce(until, '') || char(31) || id, '')
            FROM (SELECT * FROM events WHERE case_id = case_digest.case_id ORDER BY date DESC, id DESC))
         WHERE (SELECT count(*) FROM events WHERE case_id = case_digest.case_id) > 1;
         UPDATE case_digest SET tags = char(30) || 'roads' || char(30) || 'budget'
         WHERE tags LIKE '%roads%';",
    );
    assert_eq!(screens(&s), from_digests, "digests out of order");

    // No digests at all.
    sql(&s, "DELETE FROM case_digest;");
    assert_eq!(screens(&s), from_digests, "digests missing");

    // The next write rebuilds only what it touches; a repair of the others is not
    // needed for the list to be right.
    s.ok(&[
        "event",
        "add",
        "Pothole",
        "--kind",
        "response",
        "--date",
        "2018-02-20",
    ]);
    let after = screens(&s);
    assert_ne!(
        after, from_digests,
        "the response changes the Pothole clocks"
    );
    sql(&s, "DELETE FROM case_digest;");
    assert_eq!(screens(&s), after);
}

#[test]
fn another_programs_write_shows_at_once_and_is_digested_at_foi_s_next_write() {
    let s = casebook();
    let before = screens(&s);
    // As the sqlite3 shell would: rows changed without foi, so without new digests
    // (migration 2's triggers still note the case as touched).
    sql(
        &s,
        "INSERT INTO events (case_id, kind, date) SELECT id, 'response', '2018-02-06'
           FROM cases WHERE title = 'Pothole repairs';
         INSERT INTO case_tags (case_id, tag) SELECT id, 'zz-external' FROM cases
           WHERE title = 'Pothole repairs';",
    );
    assert!(stale_digests(&s) > 0, "the digest lags until foi writes");
    let seen = screens(&s);
    assert_ne!(seen, before, "the new response shows");
    assert!(
        seen.0.contains("zz-external"),
        "the new tag shows: {}",
        seen.0
    );
    // foi's next write (to any case) brings every touched case's digest up to date.
    s.ok(&["edit", "Leak", "--my-ref", "mine-1"]);
    assert_eq!(stale_digests(&s), 0);
    let conn = Connection::open(&s.db).expect("open");
    let pending: i64 = conn
        .query_row("SELECT count(*) FROM search_pending", [], |r| r.get(0))
        .expect("pending");
    assert_eq!(pending, 0);
    drop(conn);
    let after = screens(&s);
    assert!(after.0.contains("zz-external"), "{}", after.0);
    sql(&s, "DELETE FROM case_digest;");
    assert_eq!(screens(&s), after, "digests and tables agree");
}

#[test]
fn a_separator_inside_a_stored_value_leaves_that_case_to_its_tables() {
    let s = casebook();
    // A window holding the digest's own separators, written behind foi's back, then
    // digested by foi's next write: the digest must say "absent", not a wrong timeline.
    sql(
        &s,
        "UPDATE events SET window = '40 working days' || char(31) || 'x' || char(30) || 'y'
         WHERE kind = 'response' AND case_id = (SELECT id FROM cases WHERE title = 'Leak rates');
         UPDATE case_tags SET tag = 'ro' || char(30) || 'ads' WHERE tag = 'roads';",
    );
    s.ok(&["edit", "Leak", "--my-ref", "mine-2"]);
    s.ok(&["edit", "Pothole", "--my-ref", "mine-3"]);
    let conn = Connection::open(&s.db).expect("open");
    let (timeline, tags): (Option<String>, Option<String>) = conn
        .query_row(
            "SELECT (SELECT timeline FROM case_digest d JOIN cases c ON c.id = d.case_id
                     WHERE c.title = 'Leak rates'),
                    (SELECT tags FROM case_digest d JOIN cases c ON c.id = d.case_id
                     WHERE c.title = 'Pothole repairs')",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("digests");
    assert_eq!((timeline, tags), (None, None));
    drop(conn);
    let from_digests = screens(&s);
    assert!(
        from_digests.0.contains("ro\\u001eads"),
        "{}",
        from_digests.0
    );
    sql(&s, "DELETE FROM case_digest;");
    assert_eq!(screens(&s), from_digests);
}
