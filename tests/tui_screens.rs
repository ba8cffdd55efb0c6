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
