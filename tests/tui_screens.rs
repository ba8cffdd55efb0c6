//! The screens a user sees, as whole-screen snapshots on ratatui's TestBackend.

mod tui_common;

use insta::assert_snapshot;
use tui_common::*;

#[test]
fn seed_case_at_120x40() {
    let app = demo_app(120, 40);
    assert_snapshot!(screen(&app));
}

#[test]
fn seed_case_at_80x24() {
    let app = demo_app(80, 24);
    assert_snapshot!(screen(&app));
}

#[test]
fn empty_casebook_welcomes() {
    let app = empty_app(80, 24);
    assert_snapshot!(screen(&app));
}

#[test]
fn help_overlay() {
    let mut app = demo_app(100, 30);
    press(&mut app, &["?"]);
    assert_snapshot!(screen(&app));
}

#[test]
fn filter_typed() {
    let mut app = demo_app(100, 30);
    press(&mut app, &["/"]);
    type_text(&mut app, "fol 4");
    assert_snapshot!(screen(&app));
    type_text(&mut app, "x");
    assert_snapshot!("filter_typed_no_match", screen(&app));
}

#[test]
fn add_case_form_with_a_bad_date() {
    let mut app = demo_app(100, 30);
    press(&mut app, &["a", "Down", "Down", "Down"]);
    type_text(&mut app, "31/02/2018");
    assert_snapshot!(screen(&app));
}

#[test]
fn outcome_form_with_the_exemption_picker_open() {
    let mut app = demo_app(100, 30);
    press(&mut app, &["Enter", "j", "j", "j", "o", "Tab"]);
    type_text(&mut app, "s4");
    assert_snapshot!(screen(&app));
}

/// The timeline with the seed case's clocks, put in by hand so that the layout is checked
/// whatever the calendar computes.
#[test]
fn timeline_with_clocks() {
    use chrono::NaiveDate;
    use foi_casebook::calendar::{Clock, ClockKind, ClockState, Unit};
    let d = |m, day| NaiveDate::from_ymd_opt(2018, m, day).expect("date");
    for (w, h) in [(120, 40), (80, 24)] {
        let mut app = demo_app(w, h);
        app.selected_view_mut()
            .expect("the demo case is loaded")
            .clocks = vec![
            Clock {
                kind: ClockKind::ReviewRequest,
                start: d(2, 27),
                due: d(4, 27),
                state: ClockState::Running,
                days_left: 48,
                unit: Unit::Days,
                basis: "2 months from the response of Tue 27 Feb 2018, as the letter states".into(),
                very_overdue: false,
                promised: None,
                awaited: false,
                closed: None,
            },
            Clock {
                kind: ClockKind::Response,
                start: d(2, 3),
                due: d(3, 2),
                state: ClockState::Met,
                days_left: 3,
                unit: Unit::WorkingDays,
                basis: "20 working days from receipt on Sat 3 Feb 2018; day 1 = Mon 5 Feb".into(),
                very_overdue: false,
                promised: None,
                awaited: false,
                closed: None,
            },
        ];
        resize(&mut app, w, h);
        assert_snapshot!(format!("timeline_with_clocks_{w}x{h}"), screen(&app));
        press(&mut app, &["Tab", "Tab"]);
        assert_snapshot!(
            format!("timeline_with_clocks_focused_{w}x{h}"),
            screen(&app)
        );
    }
}

#[test]
fn help_overlay_wraps_at_80x24() {
    let mut app = demo_app(80, 24);
    press(&mut app, &["?", "PageDown"]);
    assert_snapshot!(screen(&app));
}

/// Tiny or odd terminals must not crash any screen.
#[test]
fn tiny_terminals_do_not_crash() {
    for (w, h) in [(1, 1), (10, 5), (20, 8), (33, 12), (200, 3)] {
        let mut app = demo_app(w, h);
        let _ = screen(&app);
        for keys in [
            &["?"][..],
            &["Esc", "a"],
            &["Esc", "Enter", "o", "Tab", "4"],
            &["Esc", "Esc", ":"],
            &["Esc", "/", "x"],
        ] {
            press(&mut app, keys);
            let _ = screen(&app);
        }
        let empty = empty_app(w, h);
        let _ = screen(&empty);
    }
}

/// The seed letter read and waiting for review: where it goes, the fields
/// with their dates understood, the nine questions.
#[test]
fn import_review_of_the_seed_letter() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut app = empty_app(w, h);
        open_import(&mut app, &seed_letter());
        assert_snapshot!(format!("import_review_{w}x{h}"), screen(&app));
    }
    // Changing a question's outcome: the usual outcome form over the review.
    let mut app = empty_app(80, 24);
    open_import(&mut app, &seed_letter());
    press(
        &mut app,
        &[
            "Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "j", "j", "j", "o",
        ],
    );
    assert_snapshot!("import_review_question_outcome_80x24", screen(&app));
}

/// A letter that names no reference and no Act: what was not found stands out, and the
/// reader's warnings are listed.
#[test]
fn import_review_with_fields_not_found() {
    let mut app = empty_app(100, 30);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/letters/single-unnumbered-no-act.txt");
    open_import(&mut app, &path);
    assert_snapshot!(screen(&app));
}

/// Tab completion lists the choices (the tests run in the package folder).
#[test]
fn import_prompt_completing() {
    let mut app = empty_app(80, 24);
    press(&mut app, &["i"]);
    type_text(&mut app, "tests/fixtures/letters/seed");
    press(&mut app, &["Tab"]);
    assert_snapshot!(screen(&app));
}

#[test]
fn draft_review_overlay_for_the_demo_case() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut app = demo_app(w, h);
        press(&mut app, &["r"]);
        assert_snapshot!(format!("draft_review_{w}x{h}"), screen(&app));
    }
    let mut app = demo_app(80, 24);
    press(&mut app, &["r", "w"]);
    assert_snapshot!("draft_review_write_prompt_80x24", screen(&app));
}

#[test]
fn search_hits_for_a_word_only_in_the_letter() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut app = demo_app(w, h);
        press(&mut app, &["/", "/"]);
        type_text(&mut app, "Caxton");
        press(&mut app, &["Enter"]);
        assert_snapshot!(format!("search_hits_caxton_{w}x{h}"), screen(&app));
    }
}

#[test]
fn statistics_view() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut app = demo_app(w, h);
        app.book_mut()
            .add_case(foi_casebook::casebook::NewCase {
                title: "Potholes".into(),
                authority: "Leeds City Council".into(),
                sent: Some(chrono::NaiveDate::from_ymd_opt(2018, 1, 8).expect("date")),
                ..Default::default()
            })
            .expect("added");
        app.reload();
        press(&mut app, &["S"]);
        assert_snapshot!(format!("statistics_{w}x{h}"), screen(&app));
    }
}

/// `foi` cannot open its casebook: the message screen.
#[test]
fn bad_database_message_screen() {
    use foi_casebook::casebook::Error;
    use foi_casebook::store::StoreError;
    use foi_casebook::tui::fault::{Fault, draw};
    use foi_casebook::tui::theme::Theme;
    let path = std::path::PathBuf::from("/home/lee/notes/casebook.db");
    let cases = [
        (
            "not_sqlite",
            Error::Store(StoreError::NotSqlite { path: path.clone() }),
        ),
        (
            "newer",
            Error::Store(StoreError::Newer {
                path: path.clone(),
                found: 9,
                known: 3,
            }),
        ),
    ];
    for (name, e) in cases {
        for (w, h) in [(80, 24), (120, 40)] {
            let fault = Fault::new(&e, &path);
            let mut terminal =
                ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("terminal");
            terminal
                .draw(|f| draw(f, &fault, Theme::MONO))
                .expect("draws");
            assert_snapshot!(
                format!("bad_database_{name}_{w}x{h}"),
                terminal.backend().to_string()
            );
        }
    }
}
