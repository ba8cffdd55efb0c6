//! The terminal UI's first screen is read on its own (the first open cases by urgency and
//! the counts, found through `list_keys`) while the whole list loads on another thread.
//! These tests hold it to what a user would check: the first screen's rows and counts are
//! those of the whole list, loaded at once, for any date; after the fill the list is the
//! one a full load gives, in every order and under every filter; nothing on screen moves
//! when the rest arrives; and a casebook another program wrote to in the meantime is
//! still read right.

mod tui_common;

use chrono::NaiveDate;
use foi_casebook::casebook::{Casebook, Filter, ListRow, Sort};
use foi_casebook::store::Store;
use foi_casebook::tui::app::App;
use foi_casebook::tui::theme::Theme;
use proptest::prelude::*;
use rusqlite::{Connection, params};
use std::path::Path;
use tui_common::{Rng, resize, screen};

const KINDS: [&str; 16] = [
    "sent",
    "acknowledged",
    "clarification-requested",
    "clarification-sent",
    "extension",
    "fee-notice",
    "fee-paid",
    "response",
    "review-requested",
    "review-response",
    "ico-complaint",
    "ico-decision",
    "tribunal-appeal",
    "withdrawn",
    "closed",
    "note",
];

const REGIMES: [&str; 4] = ["foia", "eir", "foisa", "eisr"];

/// A date `days` after 1 January 2016, as stored; now and then in a form a program other
/// than foi might write (no leading zeros), which the keys cannot vouch for.
fn date(rng: &mut Rng, days: usize, odd: bool) -> String {
    let d = NaiveDate::from_ymd_opt(2016, 1, 1).expect("date") + chrono::Days::new(days as u64);
    if odd && rng.below(40) == 0 {
        d.format("%Y-%-m-%-d").to_string()
    } else {
        d.format("%Y-%m-%d").to_string()
    }
}

/// `n` cases written straight into the file, as another program would: drafts, requests
/// sent over three years, timelines of every kind of event in any order (steps before
/// the request, extensions to dates already past), closed and reopened cases, odd
/// dates and kinds when `odd`.
fn write_cases(db: &Path, seed: u64, first_id: i64, n: i64, odd: bool) {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let conn = Connection::open(db).expect("open");
    conn.execute_batch("BEGIN").expect("begin");
    for a in 1..=5 {
        conn.execute(
            "INSERT OR IGNORE INTO authorities (id, name, name_key) VALUES (?1, ?2, ?3)",
            params![a, format!("Authority {a}"), format!("authority {a}")],
        )
        .expect("authority");
    }
    for id in first_id..first_id + n {
        let sent_day = rng.below(1100);
        let sent = (rng.below(12) != 0).then(|| date(&mut rng, sent_day, odd));
        let received_day = sent_day + rng.below(5);
        let received = (rng.below(6) == 0).then(|| date(&mut rng, received_day, odd));
        conn.execute(
            "INSERT INTO cases (id, title, authority_id, regime, sent, received, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, '', ?7)",
            params![
                id,
                format!("Request {id}"),
                1 + rng.below(5) as i64,
                REGIMES[rng.below(REGIMES.len())],
                sent,
                received,
                format!("2020-01-01T00:00:{:02}Z", rng.below(60)),
            ],
        )
        .expect("case");
        if rng.below(3) == 0 {
            conn.execute(
                "INSERT INTO case_tags (case_id, tag) VALUES (?1, ?2)",
                params![id, format!("tag{}", rng.below(4))],
            )
            .expect("tag");
        }
        let mut day = sent_day.saturating_sub(rng.below(20));
        for _ in 0..rng.below(7) {
            day += rng.below(50);
            let kind = if odd && rng.below(60) == 0 {
                "Closed"
            } else {
                KINDS[rng.below(KINDS.len())]
            };
            let when = date(&mut rng, day, odd);
            let until_day = day.saturating_sub(30) + rng.below(60);
            let until = (rng.below(5) == 0).then(|| date(&mut rng, until_day, odd));
            let window = (kind == "response" && rng.below(3) == 0).then_some("2 months");
            conn.execute(
                "INSERT INTO events (case_id, kind, date, until, window) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, kind, when, until, window],
            )
            .expect("event");
        }
    }
    conn.execute_batch("COMMIT").expect("commit");
}

/// A casebook of `n` cases whose keys are made as every write of foi makes them.
fn casebook(dir: &Path, seed: u64, n: i64, odd: bool) -> std::path::PathBuf {
    let db = dir.join("casebook.db");
    drop(Store::open(&db).expect("create"));
    write_cases(&db, seed, 1, n, odd);
    let mut store = Store::open(&db).expect("open");
    store
        .write(|w| w.rebuild_search_index())
        .expect("index and keys");
    db
}

fn open(db: &Path, today: NaiveDate) -> Casebook {
    Casebook::new(Store::open(db).expect("open"), today)
}

fn row(v: &ListRow) -> String {
    format!("{v:?}")
}

/// The first screen against the whole list loaded at once: the same first `k` open rows
/// (everything about them), the same counts.
fn assert_first_screen_right(book: &Casebook, k: usize) {
    let first = book
        .first_screen(k)
        .expect("reads")
        .expect("the keys are usable");
    let all = book.sorted_list_rows(Sort::Urgency, false).expect("loads");
    let open: Vec<String> = all
        .order
        .iter()
        .map(|&i| &all.rows[i])
        .filter(|v| v.status.is_open())
        .map(row)
        .collect();
    let shown: Vec<String> = first.rows.iter().map(row).collect();
    assert_eq!(
        shown,
        open[..k.min(open.len())],
        "first {k} rows on {}",
        book.today()
    );
    assert_eq!(first.cases, all.rows.len(), "cases in all");
    assert_eq!(first.open, open.len(), "open cases");
}

fn days(d: &str) -> NaiveDate {
    d.parse().expect("date")
}

/// The keys differ from none made afresh from the tables, and none is left of a case gone.
fn stale_keys(db: &Path) -> i64 {
    Connection::open(db)
        .expect("open")
        .query_row(
            "SELECT (SELECT count(*) FROM list_keys_source s LEFT JOIN list_keys k USING (case_id)
                     WHERE k.case_id IS NULL OR k.open IS NOT s.open OR k.earliest IS NOT s.earliest)
                  + (SELECT count(*) FROM list_keys WHERE case_id NOT IN (SELECT id FROM cases))",
            [],
            |r| r.get(0),
        )
        .expect("compare keys")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn the_first_screen_is_the_top_of_the_whole_list(seed in any::<u64>(), n in 1i64..120, odd in any::<bool>()) {
        let dir = tempfile::tempdir().expect("dir");
        let db = casebook(dir.path(), seed, n, odd);
        prop_assert_eq!(stale_keys(&db), 0);
        for today in ["2016-02-01", "2017-06-15", "2019-03-10", "2030-01-01"] {
            let book = open(&db, days(today));
            for k in [1, 3, 20, 500] {
                assert_first_screen_right(&book, k);
            }
        }
    }
}

#[test]
fn a_casebook_written_by_another_program_meanwhile_is_read_right() {
    let dir = tempfile::tempdir().expect("dir");
    let db = casebook(dir.path(), 7, 150, false);
    // Behind foi's back: new cases, cases closed and reopened, a case deleted, an
    // authority deleted with its cases left behind (the list leaves them out), an event
    // moved years earlier. The keys of those cases are now out of date.
    write_cases(&db, 8, 151, 40, true);
    Connection::open(&db)
        .expect("open")
        .execute_batch(
            "PRAGMA foreign_keys = OFF;
             INSERT INTO events (case_id, kind, date) SELECT id, 'closed', '2017-01-02' FROM cases WHERE id % 7 = 0;
             INSERT INTO events (case_id, kind, date) SELECT id, 'response', '2018-01-02' FROM cases WHERE id % 11 = 0;
             DELETE FROM cases WHERE id = 3;
             DELETE FROM authorities WHERE id = 5;
             UPDATE events SET date = '2014-01-06' WHERE id IN (SELECT min(id) FROM events GROUP BY case_id HAVING case_id % 5 = 0);",
        )
        .expect("another program's writes");
    for today in ["2016-02-01", "2017-06-15", "2019-03-10"] {
        let book = open(&db, days(today));
        for k in [1, 5, 40, 1000] {
            assert_first_screen_right(&book, k);
        }
    }
    // foi's next write brings the keys up to date.
    let mut store = Store::open(&db).expect("open");
    store.write(|w| w.rebuild_search_index()).expect("write");
    assert_eq!(stale_keys(&db), 0);
}

#[test]
fn too_many_cases_written_elsewhere_load_the_whole_list_instead() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("casebook.db");
    drop(Store::open(&db).expect("create"));
    // 2,500 cases, none keyed yet: no shortcut, and no wrong one.
    write_cases(&db, 3, 1, 2_500, false);
    let book = open(&db, days("2018-03-10"));
    assert!(book.first_screen(20).expect("reads").is_none());
}

/// The list as a user sees it: each listed case in order, and the title's counts.
fn listed(app: &App) -> (Vec<i64>, (usize, usize)) {
    (
        app.visible()
            .iter()
            .map(|&i| app.views()[i].case.id)
            .collect(),
        app.list_counts(),
    )
}

#[test]
fn the_ui_fills_in_the_rest_without_a_change_on_screen() {
    let dir = tempfile::tempdir().expect("dir");
    let db = casebook(dir.path(), 11, 300, true);
    let mut app = App::new(open(&db, days("2018-03-10")), true, Theme::MONO);
    resize(&mut app, 120, 40);
    assert!(
        app.loading(),
        "the first screen shows before the whole list"
    );
    let first = screen(&app);
    let selected = app.selected_id();
    assert!(selected.is_some());
    app.finish_loading(true);
    assert!(!app.loading());
    assert_eq!(screen(&app), first, "the screen once the rest arrived");
    assert_eq!(app.selected_id(), selected);
    // Every order under every filter, as a full load has it.
    let mut full = App::new(open(&db, days("2018-03-10")), true, Theme::MONO);
    full.reload();
    for sort in Sort::ALL {
        for filter in Filter::ALL {
            for a in [&mut app, &mut full] {
                view_as(a, sort, filter);
            }
            assert_eq!(listed(&app), listed(&full), "{filter:?} by {sort:?}");
        }
    }
}

#[test]
fn a_key_before_the_rest_arrives_works_on_the_whole_list() {
    let dir = tempfile::tempdir().expect("dir");
    let db = casebook(dir.path(), 12, 300, false);
    let mut app = App::new(open(&db, days("2018-03-10")), true, Theme::MONO);
    resize(&mut app, 120, 40);
    assert!(app.loading());
    // Show every case at once, before the rest has arrived.
    tui_common::press(&mut app, &["f"]);
    assert!(!app.loading());
    let mut full = App::new(open(&db, days("2018-03-10")), true, Theme::MONO);
    full.reload();
    tui_common::press(&mut full, &["f"]);
    assert_eq!(listed(&app), listed(&full));
}

/// Press `s` and `f` as a user would until the list is sorted by `sort` under `filter`.
fn view_as(app: &mut App, sort: Sort, filter: Filter) {
    for _ in 0..Sort::ALL.len() {
        if app.sort() == sort {
            break;
        }
        tui_common::press(app, &["s"]);
    }
    for _ in 0..Filter::ALL.len() {
        if app.filter() == filter {
            break;
        }
        tui_common::press(app, &["f"]);
    }
    assert_eq!((app.sort(), app.filter()), (sort, filter));
}
