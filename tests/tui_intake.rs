//! `i` on an e-mail in the terminal UI: the letter attached as a PDF is read for review,
//! the originals it keeps are named, saving keeps them with the response; `O` opens one
//! with the system's opener and `P` packs the evidence bundle.

mod common;
mod tui_common;

use common::intake::*;
use foi_casebook::tui::app::Mode;
use tui_common::*;

/// The first test changes the environment and the current folder: the tests of this
/// file take turns.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[test]
fn an_email_imported_with_i_keeps_its_originals_and_opens_them() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("reply.eml");
    let letter = pdf(&[letter_lines("FOI 2018/77")]);
    std::fs::write(
        &path,
        eml_with_pdf("t1@testshire.gov.uk", "Your request", &letter),
    )
    .unwrap();
    let mut app = empty_app(100, 30);
    open_import(&mut app, &path);
    let Mode::Import(r) = app.mode() else {
        panic!("the review is open: {}", status_text(&app));
    };
    assert_eq!(r.questions.len(), 3);
    let names: Vec<&str> = r.originals.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["reply.eml", "FOI response.pdf"]);
    insta::assert_snapshot!("email_import_review", screen(&app));
    press(&mut app, &["C-s"]);
    assert!(matches!(app.mode(), Mode::Normal), "{}", status_text(&app));
    let id = app.selected_id().expect("the new case");
    let kept = app.book().attachments(id).unwrap();
    assert_eq!(kept.len(), 2);
    assert_eq!(app.book().attachment_bytes(&kept[1]).unwrap(), letter);
    let shown = screen(&app);
    assert!(shown.contains("2 originals (O opens)"), "{shown}");

    // `true` stands in for xdg-open: it succeeds and shows nothing.
    // SAFETY: the tests of this file take turns (ONE_AT_A_TIME); no other thread reads the
    // environment meanwhile.
    unsafe { std::env::set_var("FOI_OPENER", "true") };
    press(&mut app, &["O"]);
    assert_eq!(
        status_text(&app),
        "Opened reply.eml (1 of 2); O opens the next"
    );
    press(&mut app, &["O"]);
    assert!(status_text(&app).starts_with("Opened FOI response.pdf (2 of 2)"));
    unsafe { std::env::set_var("FOI_OPENER", "/nonexistent/opener") };
    press(&mut app, &["O"]);
    assert!(
        status_text(&app).starts_with("Cannot open it: /nonexistent/opener not found"),
        "{}",
        status_text(&app)
    );

    std::env::set_current_dir(dir.path()).unwrap();
    press(&mut app, &["P"]);
    assert!(
        status_text(&app).contains("case-1-bundle.zip"),
        "{}",
        status_text(&app)
    );
    press(&mut app, &["P"]);
    assert!(
        status_text(&app).contains("case-1-bundle-2.zip"),
        "{}",
        status_text(&app)
    );
    assert!(dir.path().join("case-1-bundle.zip").exists());
}

#[test]
fn a_mailbox_imported_with_i_counts_messages_then_imports_them() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("foi.mbox");
    let reply = eml_plain(
        "\"Borough Council of Testshire\" <foi@testshire.gov.uk>",
        "me@example.org",
        "Re: Freedom of Information request - Bridges",
        "b1@testshire.gov.uk",
        "",
        &letter_text("FOI 2018/5"),
    );
    let news = eml_plain(
        "Shop <n@shop.example>",
        "me@example.org",
        "Sale",
        "n@shop",
        "",
        "Boots.\n",
    );
    std::fs::write(&path, mbox(&[reply, news])).unwrap();
    let mut app = empty_app(80, 24);
    open_import(&mut app, &path);
    assert!(
        matches!(app.mode(), Mode::ImportFile(_)),
        "{}",
        status_text(&app)
    );
    let s = screen(&app);
    assert!(s.contains("Import its messages into 1 case?"), "{s}");
    assert!(s.contains("1 message will be skipped"), "{s}");
    assert_eq!(
        app.book().case_count().unwrap(),
        0,
        "the count is a dry run"
    );
    press(&mut app, &["y"]);
    assert_eq!(
        status_text(&app),
        "Imported messages into 1 case from foi.mbox; 1 message skipped (u undoes)"
    );
    assert_eq!(app.book().case_count().unwrap(), 1);
    let id = app.selected_id().unwrap();
    assert_eq!(app.book().view(id).unwrap().file.case.title, "Bridges");
}

/// `x` on an event that came with originals: the question and the message say they stay,
/// they stay on the case with no event, and `u` links them to the event again. `x` on the
/// case then `u`: the originals come back with the case.
#[test]
fn deleting_keeps_the_originals_and_undo_restores_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("reply.eml");
    let letter = pdf(&[letter_lines("FOI 2018/77")]);
    std::fs::write(
        &path,
        eml_with_pdf("t2@testshire.gov.uk", "Your request", &letter),
    )
    .unwrap();
    let mut app = empty_app(100, 30);
    open_import(&mut app, &path);
    press(&mut app, &["C-s"]);
    let id = app.selected_id().expect("the new case");
    let before = app.book().attachments(id).unwrap();
    let response = before[0].event.expect("kept with the response");

    // The timeline pane, on the response (the second event).
    focus_on(&mut app, foi_casebook::tui::app::Pane::Timeline);
    press(&mut app, &["j", "x"]);
    let asked = screen(&app);
    assert!(
        asked.contains("Its 2 originals stay with the case."),
        "{asked}"
    );
    press(&mut app, &["y"]);
    assert_eq!(
        status_text(&app),
        "Deleted the event; kept its 2 originals (u undoes)"
    );
    let kept = app.book().attachments(id).unwrap();
    assert_eq!(kept.len(), 2);
    assert!(kept.iter().all(|a| a.event.is_none()), "{kept:?}");
    press(&mut app, &["u"]);
    assert_eq!(app.book().attachments(id).unwrap(), before);
    assert_eq!(before[1].event, Some(response));

    focus_on(&mut app, foi_casebook::tui::app::Pane::Cases);
    press(&mut app, &["x", "y"]);
    assert!(app.book().attachments(id).is_err(), "{}", status_text(&app));
    press(&mut app, &["u"]);
    let back = app.book().attachments(id).unwrap();
    assert_eq!(back, before);
    assert_eq!(app.book().attachment_bytes(&back[1]).unwrap(), letter);
}

/// Tab round the panes until `pane` has the keyboard, as a user would.
fn focus_on(app: &mut foi_casebook::tui::app::App, pane: foi_casebook::tui::app::Pane) {
    for _ in 0..3 {
        if app.focus() == pane {
            return;
        }
        press(app, &["Tab"]);
    }
    assert_eq!(app.focus(), pane, "Tab never reached {pane:?}");
}
