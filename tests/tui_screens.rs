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

/// The timeline with clocks as SPEC 2.6 works them for the seed case, put in by hand so
/// that the layout is checked whatever the calendar computes.
#[test]
fn timeline_with_clocks() {
    use chrono::NaiveDate;
    use foi_casebook::calendar::{Clock, ClockKind, ClockState, Unit};
    let d = |m, day| NaiveDate::from_ymd_opt(2018, m, day).expect("date");
    for (w, h) in [(120, 40), (80, 24)] {
        let mut app = demo_app(w, h);
        app.views[0].clocks = vec![
            Clock {
                kind: ClockKind::ReviewRequest,
                start: d(2, 27),
                due: d(4, 27),
                state: ClockState::Running,
                days_left: 48,
                unit: Unit::Days,
                basis: "2 months from the response of Tue 27 Feb 2018, as the letter states".into(),
                very_overdue: false,
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
