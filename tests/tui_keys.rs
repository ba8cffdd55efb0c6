//! Driving the UI with keys (through the real key map and `update`) and checking both
//! what the state shows and what the database holds.

mod tui_common;

use foi_casebook::domain::{EventKind, Outcome, Span};
use foi_casebook::tui::action::Action;
use foi_casebook::tui::app::{Mode, Pane, Tone};
use foi_casebook::tui::update::update;
use ratatui::style::Color;
use tui_common::*;

#[test]
fn setting_request_4_answered_saves_it() {
    let mut app = demo_app(120, 40);
    press(&mut app, &["Enter", "j", "j", "j"]);
    assert_eq!(app.focus(), Pane::Case);
    assert_eq!(
        app.selected_question().map(|q| q.label.as_str()),
        Some("Request 4")
    );
    press(&mut app, &["o"]);
    assert!(matches!(app.mode(), Mode::Form(_)));
    // partly-answered ← answered
    press(&mut app, &["Left", "Enter"]);
    assert!(matches!(app.mode(), Mode::Normal), "{}", status_text(&app));
    assert_eq!(status_text(&app), "Saved: Request 4 → answered");
    let v = app.book().view(1).expect("case 1");
    assert_eq!(v.file.questions[3].outcome, Outcome::Answered);
    // The screen follows the database.
    assert!(screen(&app).contains("✓ answered"));
    assert_eq!(
        app.selected_question().map(|q| q.outcome),
        Some(Outcome::Answered)
    );
}

#[test]
fn withheld_needs_an_exemption_and_the_picker_adds_one() {
    let mut app = demo_app(120, 40);
    press(&mut app, &["Enter", "o"]);
    // Request 1 is withheld s43: remove the exemption, and saving is refused.
    press(&mut app, &["Tab", "Backspace", "C-s"]);
    assert!(matches!(app.mode(), Mode::Form(_)));
    assert!(screen(&app).contains("withheld needs the exemption"));
    // Type to search the catalogue, pick the first match, save.
    type_text(&mut app, "commercial");
    press(&mut app, &["Enter"]);
    assert!(
        matches!(app.mode(), Mode::Form(_)),
        "Enter adds the pick first"
    );
    press(&mut app, &["Enter"]);
    assert!(matches!(app.mode(), Mode::Normal), "{}", status_text(&app));
    let q = &app.book().view(1).expect("case").file.questions[0];
    // The catalogue's first match for "commercial": s43(2), commercial interests.
    assert_eq!(q.exemptions, vec!["43(2)".to_string()]);
    assert_eq!(q.outcome, Outcome::Withheld);
}

#[test]
fn an_unknown_exemption_is_refused_inline() {
    let mut app = demo_app(120, 40);
    press(&mut app, &["Enter", "o", "Tab"]);
    type_text(&mut app, "s99");
    let s = screen(&app);
    assert!(s.contains("FOIA has no section 99"), "{s}");
    press(&mut app, &["C-s"]);
    assert!(matches!(app.mode(), Mode::Form(_)));
    press(&mut app, &["Esc"]);
    assert!(matches!(app.mode(), Mode::Normal));
    assert_eq!(status_text(&app), "Cancelled: nothing changed");
    let q = &app.book().view(1).expect("case").file.questions[0];
    assert_eq!(q.exemptions, vec!["43".to_string()]);
}

#[test]
fn delete_asks_then_deletes_and_undo_brings_it_back() {
    let mut app = demo_app(120, 40);
    press(&mut app, &["x"]);
    assert!(matches!(app.mode(), Mode::Confirm(_)));
    press(&mut app, &["n"]);
    assert_eq!(app.book().case_count().expect("count"), 1);
    press(&mut app, &["x", "y"]);
    assert_eq!(app.book().case_count().expect("count"), 0);
    assert!(app.is_empty());
    assert!(screen(&app).contains("Your FOI casebook is empty"));
    press(&mut app, &["u"]);
    assert_eq!(app.book().case_count().expect("count"), 1);
    assert_eq!(app.selected_id(), Some(1));
    assert!(status_text(&app).starts_with("Undone"));
}

#[test]
fn deleting_a_question_from_the_case_pane() {
    let mut app = demo_app(120, 40);
    press(&mut app, &["Tab", "G", "x", "y"]);
    let v = app.book().view(1).expect("case");
    assert_eq!(v.file.questions.len(), 8);
    assert!(v.file.questions.iter().all(|q| q.label != "Request 9"));
    assert_eq!(app.focus(), Pane::Case);
}

#[test]
fn adding_a_case_validates_then_saves() {
    let mut app = empty_app(80, 24);
    press(&mut app, &["a"]);
    // Nothing typed: saving is refused and says why.
    press(&mut app, &["Enter"]);
    assert!(matches!(app.mode(), Mode::Form(_)));
    assert!(screen(&app).contains("Title is empty"));
    type_text(&mut app, "Bin collection contracts");
    press(&mut app, &["Tab"]);
    type_text(&mut app, "Leeds City Council");
    press(&mut app, &["Tab", "Tab"]);
    type_text(&mut app, "1 March 2018");
    assert!(screen(&app).contains("→ Thu 1 Mar 2018"));
    press(&mut app, &["Tab", "Tab"]);
    type_text(&mut app, "LCC-42");
    press(&mut app, &["Enter"]);
    assert!(matches!(app.mode(), Mode::Normal), "{}", status_text(&app));
    let id = app.book().resolve("LCC-42").expect("saved");
    let v = app.book().view(id).expect("view");
    assert_eq!(v.file.case.authority, "Leeds City Council");
    assert_eq!(
        v.file.case.sent.map(|d| d.to_string()).as_deref(),
        Some("2018-03-01")
    );
    assert_eq!(app.selected_id(), Some(id));
}

#[test]
fn adding_questions_and_a_response_with_its_review_window() {
    let mut app = demo_app(120, 40);
    press(&mut app, &["a"]);
    type_text(&mut app, "Road repairs");
    press(&mut app, &["Tab"]);
    type_text(&mut app, "Leeds City Council");
    press(&mut app, &["Enter"]);
    let id = app.selected_id().expect("new case selected");
    assert_ne!(id, 1);
    // Questions: the label is suggested, the text typed.
    press(&mut app, &["Tab", "a"]);
    type_text(&mut app, "How many potholes were repaired in 2017?");
    press(&mut app, &["Enter", "a"]);
    type_text(&mut app, "What did that cost?");
    press(&mut app, &["Enter"]);
    let v = app.book().view(id).expect("case");
    let labels: Vec<&str> = v.file.questions.iter().map(|q| q.label.as_str()).collect();
    assert_eq!(labels, ["Request 1", "Request 2"]);
    // A response event on the timeline, with the window its letter states.
    press(&mut app, &["Tab", "a"]);
    let Mode::Form(form) = app.mode() else {
        panic!("event form open")
    };
    assert_eq!(form.fields[0].choice_value(), "response");
    press(&mut app, &["Tab", "Tab"]);
    type_text(&mut app, "2 months");
    assert!(screen(&app).contains("→ 2 months"));
    press(&mut app, &["Enter"]);
    assert!(matches!(app.mode(), Mode::Normal), "{}", status_text(&app));
    let v = app.book().view(id).expect("case");
    let response = v
        .file
        .events
        .iter()
        .find(|e| e.kind == EventKind::Response)
        .expect("response recorded");
    assert_eq!(response.window, Some(Span::Months(2)));
    assert_eq!(app.focus(), Pane::Timeline);
}

#[test]
fn search_narrows_and_escape_clears() {
    let mut app = demo_app(120, 40);
    press(&mut app, &["/"]);
    type_text(&mut app, "milestones");
    assert_eq!(app.visible().len(), 1, "question text is searched");
    type_text(&mut app, "zz");
    assert_eq!(app.visible().len(), 0);
    press(&mut app, &["Enter"]);
    assert!(matches!(app.mode(), Mode::Normal));
    assert_eq!(app.query(), "milestoneszz");
    press(&mut app, &["Esc"]);
    assert_eq!(app.query(), "");
    assert_eq!(app.visible().len(), 1);
}

#[test]
fn jump_by_reference_finds_the_ocr_slip() {
    let mut app = demo_app(120, 40);
    press(&mut app, &["f", "f"]);
    press(&mut app, &[":"]);
    type_text(&mut app, "FoI 471");
    press(&mut app, &["Enter"]);
    assert_eq!(app.selected_id(), Some(1));
    assert_eq!(app.focus(), Pane::Case);
    press(&mut app, &[":"]);
    type_text(&mut app, "nothing like it");
    press(&mut app, &["Enter"]);
    assert_eq!(app.status().map(|s| s.tone), Some(Tone::Error));
}

#[test]
fn sort_and_filter_cycle_and_show() {
    let mut app = demo_app(120, 40);
    press(&mut app, &["s"]);
    assert_eq!(app.sort().as_str(), "sent");
    assert!(screen(&app).contains("open · by sent"));
    press(&mut app, &["f"]);
    assert_eq!(app.filter().as_str(), "overdue");
    assert!(screen(&app).contains("overdue · by sent"));
}

#[test]
fn clicking_selects_and_focuses() {
    let mut app = demo_app(120, 40);
    let a = app.areas();
    // The fourth question's row in the case pane (header 3 rows + rule, then rows).
    let row = a.case.y + 1 + 3 + 1 + 3;
    update(
        &mut app,
        Action::Click {
            column: a.case.x + 5,
            row,
        },
    );
    assert_eq!(app.focus(), Pane::Case);
    assert_eq!(
        app.selected_question().map(|q| q.label.as_str()),
        Some("Request 4")
    );
    update(
        &mut app,
        Action::ScrollDown {
            column: a.case.x + 5,
            row,
        },
    );
    assert_eq!(
        app.selected_question().map(|q| q.label.as_str()),
        Some("Request 5")
    );
}

#[test]
fn no_color_means_no_colour_at_all() {
    let app = demo_app(120, 40);
    let backend = ratatui::backend::TestBackend::new(120, 40);
    let mut terminal = ratatui::Terminal::new(backend).expect("terminal");
    terminal
        .draw(|f| foi_casebook::tui::view::draw(f, &app))
        .expect("draw");
    for cell in terminal.backend().buffer().content() {
        assert_eq!(cell.fg, Color::Reset);
        assert_eq!(cell.bg, Color::Reset);
    }
}

#[test]
fn escape_sequences_in_stored_text_never_reach_the_terminal() {
    let mut app = empty_app(120, 40);
    app.book_mut()
        .add_case(foi_casebook::casebook::NewCase {
            title: "Evil \u{1b}[2J title\u{7}".into(),
            authority: "Council \u{1b}]0;pwned\u{7}".into(),
            ..Default::default()
        })
        .expect("added");
    app.reload();
    let s = screen(&app);
    assert!(s.contains("Evil ␛[2J title␇"), "{s}");
    assert!(!s.chars().any(|c| c.is_control() && c != '\n'));
}

#[test]
fn the_date_moves_on_unless_pinned() {
    let mut app = demo_app(120, 40);
    let next_day = seed_today().succ_opt().expect("date");
    assert!(!app.tick(next_day), "pinned: nothing changes");
    assert_eq!(app.today(), seed_today());
    app.set_pinned(false);
    assert!(app.tick(next_day));
    assert_eq!(app.today(), next_day);
    assert!(!app.tick(next_day), "idle: nothing to redraw");
}

#[test]
fn quit_from_anywhere() {
    let mut app = demo_app(120, 40);
    press(&mut app, &["a", "C-c"]);
    assert!(app.quitting());
    let mut app = demo_app(120, 40);
    press(&mut app, &["q"]);
    assert!(app.quitting());
}

#[test]
fn a_full_disk_is_reported_not_crashed_on() {
    let mut app = demo_app(120, 40);
    app.book().store().limit_pages(1).expect("limit");
    press(&mut app, &["Tab", "a"]);
    update(&mut app, Action::Paste("a long question ".repeat(2000)));
    press(&mut app, &["Enter"]);
    assert!(
        matches!(app.mode(), Mode::Form(_)),
        "the form stays, with what was typed"
    );
    assert_eq!(app.status().map(|s| s.tone), Some(Tone::Error));
    assert!(
        status_text(&app).contains("disk is full"),
        "{}",
        status_text(&app)
    );
    assert!(screen(&app).contains("not saved"));
    assert_eq!(app.book().view(1).expect("case").file.questions.len(), 9);
}

#[test]
fn another_programs_writes_show_on_the_next_tick() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("casebook.db");
    let open = || {
        foi_casebook::casebook::Casebook::new(
            foi_casebook::store::Store::open(&path).expect("open"),
            seed_today(),
        )
    };
    let mut app =
        foi_casebook::tui::app::App::new(open(), true, foi_casebook::tui::theme::Theme::MONO);
    assert!(app.is_empty());
    assert!(!app.tick(seed_today()));
    let mut other = open();
    other.load_demo().expect("demo");
    assert!(app.tick(seed_today()), "the other write is noticed");
    assert_eq!(app.views().len(), 1);
}
