//! After its own writes the UI reads again only the cases they touched (a full reload
//! of 100,000 cases took ~200 ms per save). What it then shows must be exactly what a
//! full reload shows: every row, its order, what the filter keeps and finds.

mod tui_common;

use chrono::NaiveDate;
use foi_casebook::casebook::NewCase;
use foi_casebook::casebook::list_filter::question_hay;
use foi_casebook::domain::Regime;
use foi_casebook::tui::app::{App, Pane};
use tui_common::*;

/// Everything a user could see of the list, row by row in its order, and the filter's
/// texts (fields and questions) of every row.
fn listed(app: &App) -> (Vec<String>, Vec<usize>, Vec<String>) {
    let rows = app
        .order()
        .iter()
        .map(|&i| {
            let v = &app.views()[i];
            format!(
                "#{} {} | {} | {:?} {:?} {:?} | {} questions | {:?} | {:?}",
                v.case.id,
                v.case.title,
                v.case.authority,
                v.status,
                v.overall,
                v.next.as_ref().map(|c| (c.kind, c.due, c.days_left)),
                v.questions,
                v.case.tags,
                String::from_utf8_lossy(app.fields().row(i)),
            )
        })
        .collect();
    // Each row's question text as held, beside what its questions say now.
    let hay = app
        .views()
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let held = app
                .haystacks()
                .map(|h| String::from_utf8_lossy(h.row(i)).into_owned())
                .unwrap_or_default();
            let questions = app.book().view(v.case.id).expect("case").file.questions;
            format!("{held:?} / {:?}", question_hay(&questions))
        })
        .collect();
    (rows, app.visible().to_vec(), hay)
}

/// The refreshed state, then the same after a full reload: they must agree.
fn assert_as_reloaded(app: &mut App, after: &str) {
    let refreshed = listed(app);
    let selected = app.selected_id();
    app.reload();
    assert_eq!(refreshed, listed(app), "after {after}");
    assert_eq!(selected, app.selected_id(), "selection after {after}");
}

fn new_case(title: &str, authority: &str, sent: Option<NaiveDate>, tags: &[&str]) -> NewCase {
    NewCase {
        title: title.into(),
        authority: authority.into(),
        regime: Regime::Foia,
        sent,
        received: None,
        their_ref: None,
        my_ref: None,
        channel: None,
        url: None,
        text: None,
        tags: tags.iter().map(|t| t.to_string()).collect(),
        notes: None,
    }
}

#[test]
fn a_refresh_after_each_kind_of_write_shows_what_a_full_reload_shows() {
    let mut app = demo_app(120, 40);
    // Marking the demo's Request 4 answered through the form (the update path).
    press(&mut app, &["Enter", "j", "j", "j", "o", "Left", "Enter"]);
    assert_eq!(status_text(&app), "Saved: Request 4 → answered");
    assert_as_reloaded(&mut app, "an outcome saved");
    press(&mut app, &["Esc", "Esc"]);

    // Cases added behind the screen's back, then refreshed: the insert path, in the
    // middle of the sort (sent dates either side of the demo's).
    for (title, sent) in [("Bin collections", 20), ("Parking fines", 1)] {
        app.book_mut()
            .add_case(new_case(
                title,
                "Leeds City Council",
                NaiveDate::from_ymd_opt(2018, 2, sent),
                &["local"],
            ))
            .expect("add");
        app.refresh();
        assert_as_reloaded(&mut app, &format!("adding {title}"));
    }
    // A question added: the filter finds its words at once.
    let bins = app
        .views()
        .iter()
        .find(|v| v.case.title == "Bin collections")
        .map(|v| v.case.id)
        .expect("bins");
    app.book_mut()
        .add_question(bins, "Q1", "How many wheelie bins were replaced?")
        .expect("question");
    app.refresh();
    assert_as_reloaded(&mut app, "a question added");
    press(&mut app, &["/"]);
    type_text(&mut app, "wheelie");
    press(&mut app, &["Enter"]);
    assert_eq!(app.selected_id(), Some(bins), "{}", screen(&app));
    assert_eq!(app.visible().len(), 1);
    press(&mut app, &["Esc"]);

    // A filter typed in: the refresh must keep applying it.
    press(&mut app, &["/"]);
    type_text(&mut app, "council");
    press(&mut app, &["Enter"]);
    assert_eq!(app.visible().len(), 2, "{}", screen(&app));
    press(&mut app, &["Esc"]);

    // Deleting a case with its key, then undoing it.
    let parking = app
        .views()
        .iter()
        .find(|v| v.case.title == "Parking fines")
        .map(|v| v.case.id)
        .expect("parking");
    assert!(app.select_case(parking));
    if app.focus() != Pane::Cases {
        press(&mut app, &["Esc"]);
    }
    app.sync_current();
    press(&mut app, &["x", "y"]);
    assert!(
        status_text(&app).starts_with("Deleted"),
        "{}",
        status_text(&app)
    );
    assert!(app.views().iter().all(|v| v.case.id != parking));
    assert_as_reloaded(&mut app, "a case deleted");
    press(&mut app, &["u"]);
    assert!(
        status_text(&app).starts_with("Undone"),
        "{}",
        status_text(&app)
    );
    assert!(app.views().iter().any(|v| v.case.id == parking));
    assert_as_reloaded(&mut app, "the delete undone");
}
