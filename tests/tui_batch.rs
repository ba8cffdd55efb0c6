//! Round robins in the terminal UI: the grid (snapshots), batch work through the keys,
//! opening a case from the grid.

mod tui_common;
use chrono::NaiveDate;
use foi_casebook::casebook::{BatchAuthority, NewBatch, OutcomeChange};
use foi_casebook::domain::{EventKind, Outcome};
use foi_casebook::tui::app::{App, Mode, Pane};
use insta::assert_snapshot;
use tui_common::{empty_app, press, screen, status_text, type_text};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2018, m, d).expect("a real date")
}

const COUNCILS: [&str; 6] = [
    "Bristol City Council",
    "Cardiff Council",
    "Kent County Council",
    "Leeds City Council",
    "Manchester City Council",
    "Norfolk County Council",
];

/// Six councils asked five questions on 8 January 2018; by 10 March some have answered.
fn app_with_batch(width: u16, height: u16) -> App {
    let mut app = empty_app(width, height);
    let made = app
        .book_mut()
        .add_batch(NewBatch {
            title: "Pothole repairs".into(),
            sent: Some(day(1, 8)),
            questions: vec![
                "How much did you spend on pothole repairs in 2017?".into(),
                "How many potholes were reported?".into(),
                "How many claims for vehicle damage did you receive?".into(),
                "How much did you pay out on those claims?".into(),
                "What is your target time for a repair?".into(),
            ],
            authorities: COUNCILS
                .iter()
                .map(|n| BatchAuthority {
                    name: n.to_string(),
                    ..BatchAuthority::default()
                })
                .collect(),
            ..Default::default()
        })
        .expect("batch made");
    let book = app.book_mut();
    let set = |book: &mut foi_casebook::casebook::Casebook,
               case: i64,
               label: &str,
               o: Outcome,
               ex: &[&str]| {
        book.set_outcome(
            case,
            label,
            OutcomeChange {
                outcome: o,
                exemptions: ex.iter().map(|s| s.to_string()).collect(),
                ..Default::default()
            },
        )
        .expect("outcome set");
    };
    let [bristol, cardiff, kent, leeds, ..] = made.cases[..] else {
        panic!("six cases");
    };
    for (case, date) in [
        (bristol, day(2, 1)),
        (cardiff, day(2, 20)),
        (leeds, day(2, 2)),
    ] {
        book.add_event(
            case,
            foi_casebook::domain::Event::new(EventKind::Response, date),
        )
        .expect("response");
    }
    set(book, bristol, "Q1", Outcome::Withheld, &["43"]);
    set(book, bristol, "Q2", Outcome::Answered, &[]);
    set(book, cardiff, "Q1", Outcome::Answered, &[]);
    set(book, cardiff, "Q2", Outcome::NotHeld, &[]);
    set(book, cardiff, "Q5", Outcome::RefusedCost, &[]);
    set(book, leeds, "Q1", Outcome::Withheld, &["43", "40(2)"]);
    set(book, leeds, "Q2", Outcome::PartlyAnswered, &[]);
    set(book, kent, "Q3", Outcome::Ncnd, &[]);
    app.reload();
    app
}

fn cell(app: &App, row: usize, col: usize) -> String {
    let Mode::Batch(s) = app.mode() else {
        panic!("the grid is open");
    };
    s.grid.rows[row].cells[col]
        .as_ref()
        .map(|c| c.text.clone())
        .unwrap_or_default()
}

#[test]
fn the_grid_of_a_round_robin() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut app = app_with_batch(w, h);
        // b opens the grid on the selected case's authority; from the list, at the top.
        press(&mut app, &["b"]);
        assert!(matches!(app.mode(), Mode::Batch(_)), "b opens the grid");
        press(&mut app, &["Esc", "B", "Enter"]);
        // The third question, Leeds: the cursor moves both ways.
        press(&mut app, &["l", "l", "j", "j", "j"]);
        assert_snapshot!(format!("batch_grid_{w}x{h}"), screen(&app));
    }
}

#[test]
fn the_grid_scrolls_to_questions_and_authorities_out_of_sight() {
    let mut app = app_with_batch(80, 16);
    press(&mut app, &["B", "Enter"]);
    let before = screen(&app);
    assert!(before.contains("Q1") && !before.contains("Q5"), "{before}");
    press(&mut app, &["l", "l", "l", "l"]);
    let after = screen(&app);
    assert!(after.contains("Q5") && !after.contains(" Q1 "), "{after}");
    assert!(after.contains("refused-cost"), "{after}");
    press(&mut app, &["G"]);
    let bottom = screen(&app);
    assert!(bottom.contains("Norfolk County Council"), "{bottom}");
    assert!(!bottom.contains("Bristol City Council"), "{bottom}");
}

#[test]
fn one_outcome_for_the_marked_authorities_then_undone() {
    let mut app = app_with_batch(120, 40);
    press(&mut app, &["B", "Enter"]);
    // Q4 at Kent and Manchester (rows 3 and 5): mark them, then o.
    press(&mut app, &["l", "l", "l", "j", "j", "Space", "j", "Space"]);
    press(&mut app, &["o"]);
    let form = screen(&app);
    assert!(form.contains("Outcome of Q4 at 2 authorities"), "{form}");
    // withheld, with its exemption typed and picked.
    press(&mut app, &["l", "l"]);
    press(&mut app, &["Tab"]);
    type_text(&mut app, "43");
    press(&mut app, &["Enter", "C-s"]);
    assert!(
        status_text(&app).contains("Q4 → withheld at 2 authorities"),
        "{}",
        status_text(&app)
    );
    // The picker offers the bare section first: "43" picks s43.
    assert_eq!(cell(&app, 2, 3), "withheld s43");
    assert_eq!(cell(&app, 4, 3), "withheld s43");
    assert_eq!(cell(&app, 3, 3), "pending");
    let kent = app.book().find_question(3, "Q4").expect("Kent's Q4");
    assert_eq!(kent.outcome, Outcome::Withheld);
    // One undo puts both back.
    press(&mut app, &["u"]);
    assert_eq!(cell(&app, 2, 3), "pending");
    assert_eq!(cell(&app, 4, 3), "pending");
}

#[test]
fn a_question_for_every_case_from_the_grid() {
    let mut app = app_with_batch(120, 40);
    press(&mut app, &["b", "a"]);
    assert!(screen(&app).contains("Add a question to the 6 cases of round robin #1"));
    type_text(&mut app, "How many inspectors do you employ?");
    press(&mut app, &["C-s"]);
    assert!(
        status_text(&app).contains("Added Q6 to 6 cases"),
        "{}",
        status_text(&app)
    );
    let Mode::Batch(s) = app.mode() else {
        panic!("still in the grid");
    };
    assert_eq!(s.grid.questions.len(), 6);
    assert_eq!(cell(&app, 5, 5), "pending");
    for id in 1..=6 {
        assert_eq!(
            app.book().find_question(id, "Q6").expect("added").text,
            "How many inspectors do you employ?"
        );
    }
}

#[test]
fn enter_opens_the_authoritys_case_at_the_question() {
    let mut app = app_with_batch(120, 40);
    press(&mut app, &["B", "Enter", "j", "l", "Enter"]);
    assert!(matches!(app.mode(), Mode::Normal));
    assert_eq!(app.focus(), Pane::Case);
    assert_eq!(app.selected_id(), Some(2), "Cardiff's case");
    assert_eq!(
        app.selected_question().map(|q| q.label.as_str()),
        Some("Q2")
    );
    // b comes back to the grid on the same authority.
    press(&mut app, &["b"]);
    let Mode::Batch(s) = app.mode() else {
        panic!("the grid again");
    };
    assert_eq!(s.rows.selected, 1);
}

#[test]
fn the_list_of_round_robins_and_an_empty_one() {
    let mut app = app_with_batch(120, 40);
    press(&mut app, &["B"]);
    let list = screen(&app);
    assert!(list.contains("Round robins · 1"), "{list}");
    assert!(list.contains("Pothole repairs"), "{list}");
    assert!(list.contains("6 cases, 3 responded"), "{list}");
    press(&mut app, &["Enter"]);
    assert!(matches!(app.mode(), Mode::Batch(_)));
    press(&mut app, &["Esc"]);
    assert!(matches!(app.mode(), Mode::Normal));

    for id in 1..=6 {
        app.book_mut().delete_case(id).expect("deleted");
    }
    app.reload();
    press(&mut app, &["B", "Enter"]);
    assert!(
        status_text(&app).contains("has no cases left"),
        "{}",
        status_text(&app)
    );
}

/// A round robin to English and Scottish councils: the grid names the law of each row
/// that answers under another than the batch's, and of the selected authority.
#[test]
fn the_grid_names_the_law_of_a_scottish_authority() {
    let mut app = empty_app(80, 24);
    app.book_mut()
        .add_batch(NewBatch {
            title: "Gritting".into(),
            sent: Some(day(2, 20)),
            questions: vec!["How many tonnes of salt did you buy?".into()],
            authorities: vec![
                BatchAuthority {
                    name: "Leeds City Council".into(),
                    ..BatchAuthority::default()
                },
                BatchAuthority {
                    name: "NHS Fife".into(),
                    ..BatchAuthority::default()
                },
                // Named as FOIA, the batch's own law: nothing to say.
                BatchAuthority {
                    name: "Glasgow City Council".into(),
                    regime: Some(foi_casebook::domain::Regime::Foia),
                    ..BatchAuthority::default()
                },
            ],
            ..Default::default()
        })
        .expect("batch made");
    app.reload();
    press(&mut app, &["B", "Enter"]);
    let grid = screen(&app);
    let row = |name: &str| {
        grid.lines()
            .find(|l| l.contains(name))
            .unwrap_or("")
            .to_string()
    };
    assert!(row("NHS Fife").contains("NHS Fife · FOISA"), "{grid}");
    assert!(!row("Leeds City Council").contains("FOISA"), "{grid}");
    assert!(!row("Glasgow City Council").contains("FOISA"), "{grid}");
    // The line about the selected authority names its law too.
    press(&mut app, &["G"]);
    assert!(
        screen(&app).contains("NHS Fife · FOISA · Q1"),
        "{}",
        screen(&app)
    );
    press(&mut app, &["g"]);
    assert_snapshot!("batch_grid_mixed_laws_80x24", grid);
}
