//! Importing, drafting, full-text search and statistics, driven through the real key map
//! and `update`, checked in the state and in the database.

mod tui_common;

use foi_casebook::calendar::{ClockKind, ClockState};
use foi_casebook::domain::{EventKind, Outcome};
use foi_casebook::tui::app::{Mode, Pane, Tone};
use foi_casebook::tui::import::Destination;
use tui_common::*;

fn review_mode(app: &foi_casebook::tui::app::App) -> &foi_casebook::tui::import::ImportReview {
    match app.mode() {
        Mode::Import(r) => r,
        _ => panic!("the import review is open; status: {}", status_text(app)),
    }
}

#[test]
fn importing_the_seed_letter_through_the_review_creates_the_case() {
    let mut app = empty_app(120, 40);
    open_import(&mut app, &seed_letter());
    let r = review_mode(&app);
    assert_eq!(r.questions.len(), 9);
    assert_eq!(r.destination, Destination::New);
    assert_eq!(
        r.proposal().authority.as_deref(),
        Some("Department for Work and Pensions")
    );
    press(&mut app, &["C-s"]);
    assert!(matches!(app.mode(), Mode::Normal), "{}", status_text(&app));
    assert_eq!(app.book().case_count().expect("count"), 1);
    let id = app.selected_id().expect("the new case is selected");
    let v = app.book().view(id).expect("case");
    assert_eq!(v.file.questions.len(), 9);
    assert_eq!(v.file.case.their_ref.as_deref(), Some("Fol 471"));
    assert!(
        v.file
            .events
            .iter()
            .any(|e| e.kind == EventKind::Response && e.letter.is_some())
    );
    assert_eq!(app.focus(), Pane::Case);
    assert_eq!(
        status_text(&app),
        format!("Imported seed-dwp.txt as case #{id}: 9 questions (u undoes)")
    );
    // The title left blank became the reference (the authority shows beside it).
    assert_eq!(v.file.case.title, "Request Fol 471");
}

#[test]
fn an_outcome_changed_in_the_review_is_saved_so() {
    let mut app = empty_app(80, 24);
    open_import(&mut app, &seed_letter());
    // Seven fields, then the questions.
    press(&mut app, &["Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab"]);
    assert!(review_mode(&app).in_questions);
    // Request 1: withheld s43 → not held, its exemption removed.
    press(&mut app, &["o"]);
    assert!(review_mode(&app).sub.is_some());
    press(&mut app, &["Right", "Tab", "Backspace", "Enter"]);
    let r = review_mode(&app);
    assert!(r.sub.is_none(), "{}", status_text(&app));
    assert_eq!(r.questions[0].outcome, Outcome::NotHeld);
    assert!(r.questions[0].exemptions.is_empty());
    // Request 9 is left out.
    press(&mut app, &["j", "j", "j", "j", "j", "j", "j", "j", "x"]);
    assert_eq!(review_mode(&app).questions.len(), 8);
    press(&mut app, &["C-s"]);
    assert!(matches!(app.mode(), Mode::Normal), "{}", status_text(&app));
    let id = app.selected_id().expect("case");
    let qs = app.book().view(id).expect("case").file.questions;
    assert_eq!(qs.len(), 8);
    assert_eq!(qs[0].label, "Request 1");
    assert_eq!(qs[0].outcome, Outcome::NotHeld);
    assert!(qs[0].exemptions.is_empty());
    assert_eq!(qs[1].outcome, Outcome::Withheld);
    assert!(qs.iter().all(|q| q.label != "Request 9"));
}

#[test]
fn fields_are_edited_and_checked_before_saving() {
    let mut app = empty_app(120, 40);
    open_import(&mut app, &seed_letter());
    // The letter date: replaced by a date that does not exist.
    press(&mut app, &["Tab", "Tab", "Tab"]);
    type_text(&mut app, "31/02/2018");
    let s = screen(&app);
    assert!(s.contains("31/02/2018"), "{s}");
    press(&mut app, &["C-s"]);
    assert!(matches!(app.mode(), Mode::Import(_)), "nothing saved yet");
    assert_eq!(app.book().case_count().expect("count"), 0);
    press(&mut app, &["C-u"]);
    type_text(&mut app, "28 Feb 2018");
    assert!(screen(&app).contains("→ Wed 28 Feb 2018"));
    // A title of the user's own.
    press(&mut app, &["Tab", "Tab", "Tab"]);
    type_text(&mut app, "WHP performance levels");
    press(&mut app, &["Enter"]);
    assert!(matches!(app.mode(), Mode::Normal), "{}", status_text(&app));
    let id = app.selected_id().expect("case");
    let v = app.book().view(id).expect("case");
    assert_eq!(v.file.case.title, "WHP performance levels");
    let response = v
        .file
        .events
        .iter()
        .find(|e| e.kind == EventKind::Response)
        .expect("response");
    assert_eq!(response.date.to_string(), "2018-02-28");
}

#[test]
fn escape_cancels_the_import_and_nothing_is_saved() {
    let mut app = empty_app(120, 40);
    open_import(&mut app, &seed_letter());
    press(
        &mut app,
        &["Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "x", "Esc"],
    );
    assert!(matches!(app.mode(), Mode::Normal));
    assert_eq!(status_text(&app), "Cancelled: nothing imported");
    assert_eq!(app.book().case_count().expect("count"), 0);
}

#[test]
fn a_letter_with_a_known_reference_adds_to_that_case() {
    let mut app = demo_app(120, 40);
    open_import(&mut app, &seed_letter());
    match &review_mode(&app).destination {
        Destination::Existing { id, .. } => assert_eq!(*id, 1),
        other => panic!("{other:?}"),
    }
    assert!(screen(&app).contains("Adds the response to case #1"));
    press(&mut app, &["C-s"]);
    assert!(matches!(app.mode(), Mode::Normal));
    assert_eq!(app.book().case_count().expect("count"), 1);
    // The demo case already holds this very letter: nothing to add, said in full.
    assert_eq!(
        status_text(&app),
        "Case #1: already recorded, nothing added"
    );
}

#[test]
fn the_path_prompt_completes_and_reports_missing_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(seed_letter(), dir.path().join("seed-response.txt")).expect("copy");
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    let mut app = empty_app(100, 30);
    press(&mut app, &["i"]);
    type_text(&mut app, &format!("{}/se", dir.path().display()));
    press(&mut app, &["Tab"]);
    let Mode::Path(p) = app.mode() else {
        panic!("the path prompt")
    };
    assert_eq!(
        p.text(),
        format!("{}/seed-response.txt", dir.path().display())
    );
    press(&mut app, &["Enter"]);
    assert!(matches!(app.mode(), Mode::Import(_)));
    press(&mut app, &["Esc", "i"]);
    type_text(&mut app, &format!("{}/nothing.txt", dir.path().display()));
    press(&mut app, &["Enter"]);
    let Mode::Path(p) = app.mode() else {
        panic!("still the prompt")
    };
    assert!(
        p.error
            .as_deref()
            .is_some_and(|e| e.contains("cannot open")),
        "{:?}",
        p.error
    );
    press(&mut app, &["C-u"]);
    type_text(&mut app, &format!("{}/", dir.path().display()));
    press(&mut app, &["Tab"]);
    let Mode::Path(p) = app.mode() else {
        panic!("still the prompt")
    };
    assert_eq!(p.choices, vec!["seed-response.txt", "sub/"]);
    assert!(screen(&app).contains("sub/"));
}

/// The demo case exported as JSON into a temporary folder (kept while the first is).
fn demo_export() -> (tempfile::TempDir, std::path::PathBuf) {
    let source = demo_app(80, 24);
    let doc = source.book().export_document(None).expect("export");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("casebook.json");
    std::fs::write(&path, serde_json::to_string(&doc).expect("json")).expect("write");
    (dir, path)
}

#[test]
fn a_json_export_is_counted_then_imported() {
    let (_dir, path) = demo_export();

    let mut app = empty_app(80, 24);
    open_import(&mut app, &path);
    let Mode::ImportFile(f) = app.mode() else {
        panic!("the confirmation; {}", status_text(&app))
    };
    assert_eq!(f.report.count, 1);
    assert_eq!(
        app.book().case_count().expect("count"),
        0,
        "a dry run first"
    );
    assert!(screen(&app).contains("Import 1 case into the casebook?"));
    press(&mut app, &["y"]);
    assert!(matches!(app.mode(), Mode::Normal));
    assert_eq!(app.book().case_count().expect("count"), 1);
    assert!(status_text(&app).starts_with("Imported 1 case from casebook.json"));
    // Again: nothing new.
    open_import(&mut app, &path);
    let Mode::ImportFile(f) = app.mode() else {
        panic!("the confirmation")
    };
    assert_eq!(f.report.count, 0);
    press(&mut app, &["y"]);
    assert_eq!(app.book().case_count().expect("count"), 1);
}

#[test]
fn review_drafted_then_recorded_as_sent_starts_the_reply_clock() {
    let mut app = demo_app(120, 40);
    press(&mut app, &["r"]);
    let Mode::Letter(d) = app.mode() else {
        panic!("the draft; {}", status_text(&app))
    };
    assert!(d.text.contains("internal review"), "{}", d.text);
    press(&mut app, &["j", "j", "s"]);
    assert!(matches!(app.mode(), Mode::Normal), "{}", status_text(&app));
    assert_eq!(app.status().map(|s| s.tone), Some(Tone::Done));
    assert!(
        status_text(&app).starts_with("Recorded: review requested today, Sat 10 Mar 2018"),
        "{}",
        status_text(&app)
    );
    let v = app.book().view(1).expect("case");
    let e = v
        .file
        .events
        .iter()
        .find(|e| e.kind == EventKind::ReviewRequested)
        .expect("review-requested event");
    assert_eq!(e.date, seed_today());
    assert!(
        e.letter
            .as_deref()
            .is_some_and(|l| l.contains("internal review"))
    );
    let clock = v
        .clocks
        .iter()
        .find(|c| c.kind == ClockKind::ReviewResponse)
        .expect("review-response clock");
    assert_eq!(clock.state, ClockState::Running);
    assert_eq!(clock.start, seed_today());
    // The timeline has the keyboard, on the new event.
    assert_eq!(app.focus(), Pane::Timeline);
    assert_eq!(
        app.selected_event().map(|e| e.kind),
        Some(EventKind::ReviewRequested)
    );
    // u takes it back.
    press(&mut app, &["u"]);
    let v = app.book().view(1).expect("case");
    assert!(
        v.file
            .events
            .iter()
            .all(|e| e.kind != EventKind::ReviewRequested)
    );
}

#[test]
fn the_complaint_to_the_commissioner_is_one_key_away() {
    let mut app = demo_app(120, 40);
    press(&mut app, &["r", "i"]);
    let Mode::Letter(d) = app.mode() else {
        panic!("the draft")
    };
    assert_eq!(d.kind, foi_casebook::casebook::LetterKind::Ico);
    assert!(screen(&app).contains("Complaint to the Commissioner · case #1"));
    press(&mut app, &["s"]);
    let v = app.book().view(1).expect("case");
    assert!(
        v.file
            .events
            .iter()
            .any(|e| e.kind == EventKind::IcoComplaint && e.date == seed_today())
    );
}

#[test]
fn the_letter_is_written_copied_and_never_overwritten_unasked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("review.txt");
    let mut app = demo_app(120, 40);
    press(&mut app, &["r", "w"]);
    let Mode::Letter(d) = app.mode() else {
        panic!("the draft")
    };
    assert_eq!(
        d.prompt.as_ref().map(|p| p.text()),
        Some("~/foi-review-1.txt".to_string())
    );
    press(&mut app, &["C-u"]);
    type_text(&mut app, &path.display().to_string());
    press(&mut app, &["Enter"]);
    let written = std::fs::read_to_string(&path).expect("written");
    assert!(written.contains("internal review"));
    assert!(status_text(&app).starts_with("Wrote the internal review request to"));
    // Once more to the same file: asked first; no keeps it.
    std::fs::write(&path, "mine").expect("write");
    press(&mut app, &["w", "C-u"]);
    type_text(&mut app, &path.display().to_string());
    press(&mut app, &["Enter"]);
    assert!(screen(&app).contains("Replace the file?"));
    press(&mut app, &["n"]);
    assert_eq!(std::fs::read_to_string(&path).expect("kept"), "mine");
    press(&mut app, &["Enter", "y"]);
    assert!(
        std::fs::read_to_string(&path)
            .expect("replaced")
            .contains("internal review")
    );
    // The clipboard, through the terminal.
    press(&mut app, &["y"]);
    let out = String::from_utf8(app.terminal_bytes().to_vec()).expect("ascii");
    assert!(out.starts_with("\u{1b}]52;c;") && out.ends_with('\u{7}'));
    assert_eq!(
        status_text(&app),
        "Copied the internal review request (if your terminal allows clipboard access)"
    );
    press(&mut app, &["Esc"]);
    assert!(matches!(app.mode(), Mode::Normal));
}

#[test]
fn no_review_without_a_response_says_why() {
    let mut app = empty_app(120, 40);
    app.book_mut()
        .add_case(foi_casebook::casebook::NewCase {
            title: "Potholes".into(),
            authority: "Leeds City Council".into(),
            sent: Some(seed_today()),
            ..Default::default()
        })
        .expect("added");
    app.reload();
    press(&mut app, &["r"]);
    assert!(matches!(app.mode(), Mode::Normal));
    assert_eq!(app.status().map(|s| s.tone), Some(Tone::Error));
    assert!(
        status_text(&app).contains("has no response yet"),
        "{}",
        status_text(&app)
    );
}

#[test]
fn double_slash_searches_everything_and_enter_selects_the_case() {
    let mut app = demo_app(120, 40);
    let other = app
        .book_mut()
        .add_case(foi_casebook::casebook::NewCase {
            title: "Potholes".into(),
            authority: "Leeds City Council".into(),
            sent: Some(seed_today()),
            ..Default::default()
        })
        .expect("added");
    app.reload();
    app.select_case(other);
    app.sync_current();
    assert_ne!(app.selected_id(), Some(1));
    press(&mut app, &["/", "/"]);
    type_text(&mut app, "caxton");
    assert!(app.finding());
    assert_eq!(
        app.visible().len(),
        2,
        "the list is not filtered by //words"
    );
    assert!(screen(&app).contains("// caxton"));
    press(&mut app, &["Enter"]);
    assert_eq!(app.selected_id(), Some(1));
    let Mode::Hits(h) = app.mode() else {
        panic!("the hits; {}", status_text(&app))
    };
    assert_eq!(h.hits.len(), 1);
    assert_eq!(app.query(), "", "the search line is cleared");
    press(&mut app, &["Enter"]);
    assert!(matches!(app.mode(), Mode::Normal));
    assert_eq!(app.selected_id(), Some(1));
    assert_eq!(app.focus(), Pane::Case);
    // F does the same; nothing found says so.
    press(&mut app, &["Esc", "F"]);
    type_text(&mut app, "zebra");
    press(&mut app, &["Enter"]);
    assert!(matches!(app.mode(), Mode::Normal));
    assert_eq!(status_text(&app), "Nothing mentions “zebra”");
    // A single / is the filter, as before; Backspace on an empty // goes back to it.
    press(&mut app, &["/", "/", "Backspace"]);
    assert!(!app.finding());
    type_text(&mut app, "pothole");
    assert_eq!(app.visible().len(), 1);
}

#[test]
fn statistics_open_and_close() {
    let mut app = demo_app(120, 40);
    press(&mut app, &["S"]);
    let Mode::Stats(s) = app.mode() else {
        panic!("the statistics; {}", status_text(&app))
    };
    assert_eq!(s.stats.authorities.len(), 1);
    let screen_text = screen(&app);
    assert!(
        screen_text.contains("What happened to 9 questions"),
        "{screen_text}"
    );
    press(&mut app, &["j", "k", "Esc"]);
    assert!(matches!(app.mode(), Mode::Normal));
    let mut empty = empty_app(80, 24);
    press(&mut empty, &["S"]);
    assert!(matches!(empty.mode(), Mode::Normal));
    assert_eq!(status_text(&empty), "No cases yet: nothing to count");
}

#[test]
fn the_footer_and_help_show_the_new_keys() {
    let app = demo_app(120, 40);
    let s = screen(&app);
    for hint in ["r review", "i import", "S stats", "F find all", "/ search"] {
        assert!(s.contains(hint), "{hint} in the footer:\n{s}");
    }
    let mut app = demo_app(120, 40);
    press(&mut app, &["?"]);
    let help: String = foi_casebook::tui::help_text(&app);
    for words in [
        "Draft the internal-review request",
        "Search everything",
        "Statistics per authority",
        "Write the letter to a file",
        "Copy the letter to the clipboard",
        "Record the letter as sent today",
        "Complete the file or folder name",
        "Leave the question out of the import",
    ] {
        assert!(help.contains(words), "{words} in the help");
    }
}

#[test]
fn hostile_file_names_and_letters_stay_inert() {
    let dir = tempfile::tempdir().expect("temp dir");
    let evil = dir.path().join("evil\u{1b}[2J.txt");
    std::fs::write(
        &evil,
        "Our Ref: FOI \u{1b}]0;pwned\u{7}42\nDate: 27 February 2018\n\nDear Lee,\n\n1. Do you hold it? We do not hold it.\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("evil\u{1b}[31m.md"), "x").expect("write");
    let mut app = empty_app(100, 30);
    press(&mut app, &["i"]);
    type_text(&mut app, &format!("{}/e", dir.path().display()));
    press(&mut app, &["Tab"]);
    let s = screen(&app);
    assert!(s.contains("evil␛[2J.txt"), "{s}");
    assert!(!s.chars().any(|c| c.is_control() && c != '\n'), "{s}");
    press(&mut app, &["Esc"]);
    open_import(&mut app, &evil);
    let s = screen(&app);
    assert!(
        matches!(app.mode(), Mode::Import(_)),
        "{}",
        status_text(&app)
    );
    assert!(!s.chars().any(|c| c.is_control() && c != '\n'), "{s}");
}

#[test]
fn an_import_stopped_midway_saves_nothing_and_says_so() {
    use foi_casebook::tui::action::Action;
    use foi_casebook::tui::progress::Progress;
    use foi_casebook::tui::update;
    use std::sync::atomic::Ordering;
    let (_dir, path) = demo_export();

    let mut app = empty_app(80, 24);
    open_import(&mut app, &path);
    assert!(
        matches!(app.mode(), Mode::ImportFile(_)),
        "{}",
        status_text(&app)
    );
    // `y`, then the work runs as the event loop runs it, and Esc has been pressed.
    update::update(&mut app, Action::Yes);
    let progress = Progress::none();
    progress.stop.store(true, Ordering::Relaxed);
    update::run_job_with(&mut app, &progress);
    assert!(matches!(app.mode(), Mode::Normal));
    assert_eq!(status_text(&app), "interrupted: nothing was imported");
    assert_eq!(app.book().case_count().expect("count"), 0);
}

#[test]
fn statistics_stopped_while_counting_say_so_and_leave_the_list() {
    use foi_casebook::tui::action::Action;
    use foi_casebook::tui::progress::Progress;
    use foi_casebook::tui::update;
    use std::sync::atomic::Ordering;
    let mut app = demo_app(80, 24);
    update::update(&mut app, Action::Stats);
    assert!(matches!(app.mode(), Mode::Busy(_)));
    let progress = Progress::none();
    progress.stop.store(true, Ordering::Relaxed);
    update::run_job_with(&mut app, &progress);
    assert!(matches!(app.mode(), Mode::Normal));
    assert_eq!(
        status_text(&app),
        "stopped: the statistics were not counted"
    );
    // Not stopped, they are counted.
    press(&mut app, &["S"]);
    assert!(
        matches!(app.mode(), Mode::Stats(_)),
        "{}",
        status_text(&app)
    );
}
