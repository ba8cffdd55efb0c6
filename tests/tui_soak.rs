//! A random-key soak of the terminal UI: thousands of keys, pastes, clicks, wheel turns and
//! resizes, driven through the real key map and update function against a casebook file,
//! drawn after every event as the event loop draws. It asserts what a user relies on: no
//! panic on any screen, the selection always inside the list, and a sound casebook file
//! afterwards (integrity check, no question or event without its case).
//!
//! The sequence is reproducible: each round prints its seed, and `FOI_SOAK_SEED=N` (with
//! `FOI_SOAK_KEYS=N` for a longer run) replays one.

mod tui_common;
use tui_common::Rng;

use foi_casebook::casebook::{BatchAuthority, Casebook, NewBatch};
use foi_casebook::domain::Regime;
use foi_casebook::store::Store;
use foi_casebook::tui::app::{App, Mode};
use foi_casebook::tui::theme::Theme;
use foi_casebook::tui::{input, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;
use std::collections::BTreeMap;
use std::path::Path;

/// Keys weighted towards what opens screens and moves around in them, so that every
/// overlay (forms, pickers, prompts, drafts, help, statistics) is reached many times.
const NAMED: &[KeyCode] = &[
    KeyCode::Enter,
    KeyCode::Esc,
    KeyCode::Tab,
    KeyCode::BackTab,
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::PageUp,
    KeyCode::PageDown,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::Backspace,
    KeyCode::Delete,
];
const COMMANDS: &str = "jkgGaeoxusfrd:/?iSFAczwbBhlOPnqyYnN";
const TYPED: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -/().,£:";
const PASTES: &[&str] = &[
    "27/02/2018",
    "31/02/2018",
    "s43",
    "reg 12(5)(e)",
    "Request 10",
    "a long line that goes well past the edge of any field on the screen, and on",
    "two\nlines",
    "",
    "\u{1b}[31mnot a colour\u{7}",
    "FoI 471",
    "commercial",
    "nonexistent/path/to/a/letter.txt",
];

fn random_event(rng: &mut Rng, screen: Rect) -> Event {
    match rng.below(100) {
        0..=29 => key(NAMED[rng.below(NAMED.len())], KeyModifiers::NONE),
        30..=59 => char_key(pick(rng, COMMANDS)),
        60..=84 => char_key(pick(rng, TYPED)),
        85..=87 => key(KeyCode::Char(pick(rng, "cswzu")), KeyModifiers::CONTROL),
        88..=90 => Event::Paste(PASTES[rng.below(PASTES.len())].to_string()),
        91..=96 => mouse(rng, screen),
        _ => Event::Resize(0, 0),
    }
}

fn pick(rng: &mut Rng, from: &str) -> char {
    let chars: Vec<char> = from.chars().collect();
    chars[rng.below(chars.len())]
}

fn key(code: KeyCode, mods: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, mods))
}

fn char_key(c: char) -> Event {
    let mods = if c.is_ascii_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    key(KeyCode::Char(c), mods)
}

fn mouse(rng: &mut Rng, screen: Rect) -> Event {
    let kind = match rng.below(3) {
        0 => MouseEventKind::Down(MouseButton::Left),
        1 => MouseEventKind::ScrollUp,
        _ => MouseEventKind::ScrollDown,
    };
    Event::Mouse(MouseEvent {
        kind,
        column: rng.below(screen.width as usize + 2) as u16,
        row: rng.below(screen.height as usize + 2) as u16,
        modifiers: KeyModifiers::NONE,
    })
}

/// Terminal sizes a user may have, down to ones too small to show anything useful.
const SIZES: &[(u16, u16)] = &[(120, 40), (80, 24), (160, 48), (60, 15), (20, 5), (1, 1)];

fn open_app(db: &Path) -> App {
    let store = Store::open(db).expect("the casebook opens");
    let book = Casebook::new(store, tui_common::seed_today());
    let mut app = App::new(book, true, Theme::MONO);
    app.resize(120, 40);
    update::sync_scroll(&mut app);
    app
}

/// One frame as the event loop makes it: size, scroll, draw, then any long work it queued.
fn frame(app: &mut App, terminal: &mut Terminal<TestBackend>) {
    update::sync_scroll(app);
    terminal.draw(|f| view::draw(f, app)).expect("draws");
    update::run_job(app);
    app.poll_background();
}

fn check_selection(app: &App, step: usize, seed: u64) {
    let shown = app.visible().len();
    assert!(
        shown == 0 || app.selected_index() < shown,
        "seed {seed} step {step}: selected row {} of {shown}",
        app.selected_index()
    );
}

/// The screen a mode stands for, to count which ones the soak reached.
fn mode_name(mode: &Mode) -> &'static str {
    match mode {
        Mode::Normal => "normal",
        Mode::Search => "search",
        Mode::Jump(_) => "jump",
        Mode::Help(_) => "help",
        Mode::Confirm(_) => "confirm",
        Mode::Form(_) => "form",
        Mode::Path(_) => "path",
        Mode::Import(_) => "import",
        Mode::ImportFile(_) => "import-file",
        Mode::Letter(_) => "letter",
        Mode::Hits(_) => "hits",
        Mode::Stats(_) => "stats",
        Mode::Busy(_) => "busy",
        Mode::Agenda(_) => "agenda",
        Mode::Batches(_) => "round robins",
        Mode::Batch(_) => "grid",
    }
}

fn soak(db: &Path, seed: u64, keys: usize, reached: &mut BTreeMap<&'static str, usize>) {
    let mut rng = Rng(seed | 1);
    let mut app = open_app(db);
    let (mut w, mut h) = (120, 40);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    for step in 0..keys {
        // Now and then a few keys a user would type on purpose, so that the screens random
        // keys seldom reach (the import review, search results) are soaked too.
        match app.mode() {
            Mode::Path(_) if rng.below(6) == 0 => open_seed_letter(&mut app),
            Mode::Normal if rng.below(40) == 0 => find_everywhere(&mut app, "commercial"),
            _ => {}
        }
        let event = random_event(&mut rng, app.screen());
        if let Event::Resize(..) = event {
            (w, h) = SIZES[rng.below(SIZES.len())];
            terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
            app.resize(w, h);
        }
        if let Some(action) = input::translate(&app, event) {
            update::update(&mut app, action);
        }
        frame(&mut app, &mut terminal);
        check_selection(&app, step, seed);
        *reached.entry(mode_name(app.mode())).or_default() += 1;
        if app.quitting() || app.is_empty() {
            // Start again as a user would: open the casebook, load the example if empty.
            drop(app);
            app = open_app(db);
            if app.is_empty() {
                app.book_mut().load_demo().expect("the example loads");
                app.reload();
            }
            app.resize(w, h);
        }
    }
}

/// In the path prompt: clear what is typed, paste the example letter's path, Enter.
fn open_seed_letter(app: &mut App) {
    let mut events = vec![key(KeyCode::Backspace, KeyModifiers::NONE); 200];
    events.push(Event::Paste(
        tui_common::seed_letter().display().to_string(),
    ));
    events.push(key(KeyCode::Enter, KeyModifiers::NONE));
    burst(app, events);
}

/// `F`, a word, Enter: the full-text search's results.
fn find_everywhere(app: &mut App, word: &str) {
    let events = vec![
        char_key('F'),
        Event::Paste(word.to_string()),
        key(KeyCode::Enter, KeyModifiers::NONE),
    ];
    burst(app, events);
}

fn burst(app: &mut App, events: Vec<Event>) {
    for event in events {
        if let Some(action) = input::translate(app, event) {
            update::update(app, action);
            update::run_job(app);
        }
    }
}

/// Three councils asked the same two questions, so that the grid has keys to take.
fn round_robin() -> NewBatch {
    NewBatch {
        title: "Pothole repairs".to_string(),
        regime: Regime::Foia,
        sent: tui_common::seed_today().pred_opt(),
        questions: vec!["How many?".to_string(), "At what cost?".to_string()],
        authorities: ["Leeds City Council", "Bristol City Council", "Fife Council"]
            .iter()
            .map(|name| BatchAuthority {
                name: name.to_string(),
                ..BatchAuthority::default()
            })
            .collect(),
    }
}

/// The file after the soak: SQLite finds it sound and nothing hangs off a deleted case.
fn assert_sound(db: &Path) {
    let conn = rusqlite::Connection::open(db).expect("opens");
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity check runs");
    assert_eq!(check, "ok");
    let fk: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .expect("foreign key check runs");
    assert_eq!(fk, 0, "rows whose case or authority is gone");
    for table in ["questions", "events"] {
        let orphans: i64 = conn
            .query_row(
                &format!(
                    "SELECT count(*) FROM {table} WHERE case_id NOT IN (SELECT id FROM cases)"
                ),
                [],
                |r| r.get(0),
            )
            .expect("counts");
        assert_eq!(orphans, 0, "{table} without their case");
    }
    // And it still opens as a casebook.
    Store::open(db).expect("the casebook opens again");
}

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

#[test]
fn thousands_of_random_keys_break_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Anything the keys save to a relative path (a draft, an export) lands in the temp dir.
    std::env::set_current_dir(dir.path()).expect("cd");
    // `O` opens originals with the system's opener: here a command that does nothing.
    // SAFETY: set before any thread of this test binary reads the environment.
    unsafe { std::env::set_var("FOI_OPENER", "true") };
    let db = dir.path().join("soak.db");
    {
        let mut app = open_app(&db);
        app.book_mut().load_demo().expect("the example loads");
        app.book_mut()
            .add_batch(round_robin())
            .expect("a round robin is added");
    }
    let keys = env_number("FOI_SOAK_KEYS").unwrap_or(2500) as usize;
    let seeds = match env_number("FOI_SOAK_SEED") {
        Some(seed) => vec![seed],
        None => vec![0x5EED_0001, 0x5EED_0002, 0x5EED_0003, 0x5EED_0004],
    };
    let mut reached = BTreeMap::new();
    for seed in seeds {
        eprintln!("soak: seed {seed}, {keys} events");
        soak(&db, seed, keys, &mut reached);
        assert_sound(&db);
    }
    eprintln!("soak: events per screen {reached:?}");
    // A soak that never leaves the list proves little: every screen must have had keys.
    for screen in [
        "normal",
        "search",
        "jump",
        "help",
        "confirm",
        "form",
        "path",
        "import",
        "letter",
        "hits",
        "stats",
        "agenda",
        "round robins",
        "grid",
    ] {
        assert!(
            reached.get(screen).is_some_and(|n| *n > 0),
            "the soak never reached the {screen} screen: {reached:?}"
        );
    }
}
