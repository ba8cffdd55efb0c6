//! An escalation's reference typed in the event form: saved, shown on the timeline, and
//! found by the `:` jump as the authority's reference is. A Scottish case's form offers
//! Scotland's names.

mod tui_common;

use chrono::NaiveDate;
use foi_casebook::casebook::NewCase;
use foi_casebook::domain::{EventKind, Regime};
use foi_casebook::tui::app::{Mode, Pane};
use foi_casebook::tui::forms::field::FieldKind;
use tui_common::*;

#[test]
fn a_reference_typed_in_the_event_form_is_saved_shown_and_jumped_to() {
    let mut app = demo_app(120, 40);
    // The seed case's timeline; its last event is the response, so the form offers
    // the review request. Kind, Date, then Ref (no window or date for this kind).
    press(&mut app, &["Tab", "Tab", "a"]);
    let Mode::Form(form) = app.mode() else {
        panic!("event form open")
    };
    assert_eq!(form.fields[0].choice_value(), "review-requested");
    press(&mut app, &["Tab", "Tab"]);
    type_text(&mut app, "IC-312345-X9Y8");
    press(&mut app, &["Enter"]);
    assert!(matches!(app.mode(), Mode::Normal), "{}", status_text(&app));
    let v = app.book().view(1).expect("seed case");
    let e = v
        .file
        .events
        .iter()
        .find(|e| e.kind == EventKind::ReviewRequested)
        .expect("review request recorded");
    assert_eq!(e.reference.as_deref(), Some("IC-312345-X9Y8"));
    assert!(
        screen(&app).contains("Internal review requested · ref IC-312345-X9Y8"),
        "{}",
        screen(&app)
    );

    // Another case, selected; the jump by the reference (spacing and case aside)
    // comes back to the seed case.
    let other = app
        .book_mut()
        .add_case(NewCase {
            title: "Parking permits".into(),
            authority: "Leeds City Council".into(),
            sent: NaiveDate::from_ymd_opt(2018, 3, 1),
            ..NewCase::default()
        })
        .expect("case added");
    app.reload();
    press(&mut app, &["Esc", "Esc", ":"]);
    type_text(&mut app, &other.to_string());
    press(&mut app, &["Enter"]);
    assert_eq!(app.selected_id(), Some(other));
    press(&mut app, &[":"]);
    type_text(&mut app, "ic 312345 x9y8");
    press(&mut app, &["Enter"]);
    assert_eq!(app.selected_id(), Some(1));
    assert_eq!(app.focus(), Pane::Case);
}

#[test]
fn a_scottish_case_offers_scotlands_names() {
    let mut app = empty_app(120, 40);
    let id = app
        .book_mut()
        .add_case(NewCase {
            title: "Reservoir inspections".into(),
            authority: "Scottish Water".into(),
            regime: Regime::Foisa,
            sent: NaiveDate::from_ymd_opt(2018, 2, 1),
            ..NewCase::default()
        })
        .expect("case added");
    app.reload();
    assert_eq!(app.selected_id(), Some(id));
    press(&mut app, &["Tab", "Tab", "a"]);
    let Mode::Form(form) = app.mode() else {
        panic!("event form open")
    };
    let FieldKind::Choice { options: names, .. } = &form.fields[0].kind else {
        panic!("the kind is a choice")
    };
    assert!(names.contains(&"sic-application") && names.contains(&"court-of-session-appeal"));
    assert!(!names.contains(&"ico-complaint"), "{names:?}");
}
