//! The terminal UI at the edges: a binary file offered as a letter, a review written
//! after its window closed, the agenda split by whose move it is, chasers and snoozes.

mod tui_common;

use foi_casebook::tui::app::Mode;
use insta::assert_snapshot;
use std::path::{Path, PathBuf};
use tui_common::*;

/// A file in cargo's scratch folder for tests, named relative to the working folder
/// where it can be, so that the screen (and its snapshot) shows the same path on every
/// machine.
fn stable_path(name: &str) -> PathBuf {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let dir = std::env::current_dir()
        .ok()
        .and_then(|cwd| tmp.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| tmp.to_path_buf());
    dir.join(name)
}

#[test]
fn a_binary_file_is_refused_in_the_path_prompt_and_nothing_is_saved() {
    let bin = stable_path("edges-photo.jpg");
    let mut bytes = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00".to_vec();
    bytes.extend((0..19_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    std::fs::write(&bin, bytes).expect("write");
    let mut app = empty_app(100, 30);
    open_import(&mut app, &bin);
    let Mode::Path(p) = app.mode() else {
        panic!("still the prompt, status: {}", status_text(&app))
    };
    assert_eq!(
        p.error.as_deref(),
        Some(
            format!(
                "{}: not a letter or a supported file (text, PDF, Word, e-mail, mailbox, zip \
                 or JSON)",
                bin.display()
            )
            .as_str()
        )
    );
    assert_snapshot!("binary_file_refused", screen(&app));
    press(&mut app, &["Esc"]);
    assert_eq!(app.book().case_count().expect("count"), 0);
}

fn day(m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2018, m, d).expect("a date")
}

/// The example case, a Home Office request never answered (due 7 Feb: 22 working days
/// late on 10 Mar) and a Cabinet Office one stopped by a clarification request (read in
/// as a casebook export, as a user's file would be).
fn agenda_app(width: u16, height: u16) -> foi_casebook::tui::app::App {
    let mut app = demo_app(width, height);
    let doc = foi_casebook::casebook::parse_document(
        r#"{"format": "foi-casebook", "version": 1, "cases": [
            {"title": "Visa processing times", "authority": "Home Office",
             "sent": "2018-01-10"},
            {"title": "Clarified request", "authority": "Cabinet Office",
             "sent": "2018-02-20",
             "events": [{"kind": "clarification-requested", "date": "2018-02-25"}]}
        ]}"#,
    )
    .expect("a casebook document");
    app.book_mut()
        .import_document(&doc, false)
        .expect("imported");
    app.reload();
    app
}

fn agenda_mode(app: &foi_casebook::tui::app::App) -> &foi_casebook::tui::agenda::Agenda {
    match app.mode() {
        Mode::Agenda(a) => a,
        _ => panic!("the agenda is open; status: {}", status_text(app)),
    }
}

#[test]
fn the_agenda_splits_your_move_from_the_authoritys() {
    let mut app = agenda_app(120, 30);
    press(&mut app, &["A"]);
    let a = agenda_mode(&app);
    let order: Vec<i64> = a.rows.iter().map(|r| r.case_id).collect();
    assert_eq!(order, vec![3, 1, 2], "your move first, each soonest first");
    assert_eq!(a.yours(), 2);
    let s = screen(&app);
    assert!(
        s.contains("Your move") && s.contains("The authority's move"),
        "{s}"
    );
    assert!(s.contains("22 wd overdue · chase"), "{s}");
    assert_snapshot!("agenda_120x30", s);
    resize(&mut app, 80, 24);
    assert_snapshot!("agenda_80x24", screen(&app));
    press(&mut app, &["Esc"]);
    assert!(matches!(app.mode(), Mode::Normal));
}

#[test]
fn snoozing_in_the_agenda_holds_back_the_chase_but_never_the_deadline() {
    let mut app = agenda_app(120, 30);
    press(&mut app, &["A", "G", "z"]);
    assert!(
        status_text(&app).starts_with("Case #2: reminders snoozed to Sat 17 Mar 2018"),
        "{}",
        status_text(&app)
    );
    let a = agenda_mode(&app);
    assert_eq!(a.rows.len(), 3, "the deadline still shows");
    assert_eq!(a.rows[a.list.selected].snoozed_until, Some(day(3, 17)));
    assert!(screen(&app).contains("22 wd overdue · snoozed 17 Mar"));
    resize(&mut app, 80, 24);
    assert!(screen(&app).contains("22 wd overdue · snoozed 17 Mar"));
    assert!(
        app.book()
            .attention(5)
            .expect("check")
            .iter()
            .all(|r| r.case_id != 2)
    );
    // The user's own window cannot be snoozed.
    press(&mut app, &["g", "j", "z"]);
    assert!(status_text(&app).starts_with("Case #1 has no reminder to snooze"));
    assert_eq!(app.book().snoozed_until(1).expect("read"), None);
    // z again brings the chase back.
    press(&mut app, &["G", "z"]);
    assert_eq!(status_text(&app), "Reminders for case #2 are back");
    assert!(
        app.book()
            .attention(5)
            .expect("check")
            .iter()
            .any(|r| r.case_id == 2)
    );
}

#[test]
fn c_drafts_the_chaser_from_the_agenda_and_records_it() {
    let mut app = agenda_app(100, 40);
    press(&mut app, &["A", "G", "c"]);
    let Mode::Letter(d) = app.mode() else {
        panic!("the chaser is drafted; status: {}", status_text(&app))
    };
    assert!(d.text.contains("Reminder: Visa processing times"));
    assert_snapshot!("chaser_draft_100x40", screen(&app));
    press(&mut app, &["s"]);
    assert!(
        status_text(&app).starts_with("Recorded: reminder sent to the authority today"),
        "{}",
        status_text(&app)
    );
    let v = app.book().view(2).expect("case");
    assert!(
        v.file.events.iter().any(|e| e.date == day(3, 10)
            && e.letter.as_deref().is_some_and(|l| l.contains("Reminder:")))
    );
    // Nothing late: the reason, not a letter.
    press(&mut app, &["A", "g", "c"]);
    assert!(matches!(app.mode(), Mode::Agenda(_)));
    assert!(
        status_text(&app).contains("nothing to chase on case #3 yet"),
        "{}",
        status_text(&app)
    );
}

#[test]
fn a_review_drafted_after_its_window_closed_says_so() {
    let mut app = demo_app(100, 40);
    app.book_mut().set_today(day(5, 10));
    app.reload();
    press(&mut app, &["r"]);
    let Mode::Letter(d) = app.mode() else {
        panic!("the review is drafted; status: {}", status_text(&app))
    };
    let flat = d.text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(
            "after the time you gave for asking for a review, which ended on 27 April 2018"
        )
    );
    assert_eq!(
        status_text(&app),
        "Review window closed Fri 27 Apr 2018: the letter asks for a late review"
    );
    assert_snapshot!("late_review_draft_100x40", screen(&app));
}

#[test]
fn the_add_form_takes_the_requests_full_text() {
    let mut app = empty_app(100, 40);
    press(&mut app, &["a"]);
    type_text(&mut app, "Bridge inspections");
    press(&mut app, &["Tab"]);
    type_text(&mut app, "Network Rail");
    for _ in 0..9 {
        press(&mut app, &["Tab"]);
    }
    type_text(
        &mut app,
        "Please send the 2017 inspection reports for the Tay Bridge.",
    );
    press(&mut app, &["Enter"]);
    assert!(matches!(app.mode(), Mode::Normal), "{}", status_text(&app));
    let v = app.book().view(1).expect("saved");
    assert_eq!(
        v.file.case.text.as_deref(),
        Some("Please send the 2017 inspection reports for the Tay Bridge.")
    );
    // And full-text search finds it.
    assert_eq!(app.book().search("tay", 5).expect("search").len(), 1);
}

#[test]
fn a_failed_jump_says_so_at_once_and_a_good_one_leaves_no_stale_status() {
    let mut app = agenda_app(120, 30);
    press(&mut app, &[":"]);
    type_text(&mut app, "nonesuch");
    press(&mut app, &["Enter"]);
    assert!(matches!(app.mode(), Mode::Normal));
    let said = status_text(&app);
    assert!(said.starts_with("No case matches “nonesuch”"), "{said}");
    assert!(!said.contains("foi list"), "{said}");
    assert!(screen(&app).contains("No case matches"));
    press(&mut app, &[":"]);
    type_text(&mut app, "3");
    press(&mut app, &["Enter"]);
    assert_eq!(app.selected_id(), Some(3));
    assert_eq!(status_text(&app), "");
}

#[test]
fn deleting_a_case_counts_in_the_singular_too() {
    let mut app = agenda_app(120, 30);
    press(&mut app, &[":"]);
    type_text(&mut app, "3");
    press(&mut app, &["Enter", "Esc", "x"]);
    let Mode::Confirm(c) = app.mode() else {
        panic!("asks first; status: {}", status_text(&app))
    };
    assert_eq!(
        c.question,
        "Delete case #3 “Clarified request” with its 0 questions and 1 event?"
    );
}
