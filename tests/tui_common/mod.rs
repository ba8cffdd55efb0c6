//! Shared by the TUI tests: an app over an in-memory casebook pinned to 10 March 2018,
//! keys fed through the real key map, screens drawn on `TestBackend`.
#![allow(dead_code)]

use chrono::NaiveDate;
use foi_casebook::casebook::Casebook;
use foi_casebook::store::Store;
use foi_casebook::tui::app::App;
use foi_casebook::tui::theme::Theme;
use foi_casebook::tui::{input, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

pub fn seed_today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2018, 3, 10).expect("a real date")
}

pub fn empty_app(width: u16, height: u16) -> App {
    let store = Store::open_in_memory().expect("in-memory store");
    let book = Casebook::new(store, seed_today());
    let mut app = App::new(book, true, Theme::MONO);
    resize(&mut app, width, height);
    app
}

/// The seed case loaded, as after `foi demo`.
pub fn demo_app(width: u16, height: u16) -> App {
    let mut app = empty_app(width, height);
    app.book_mut().load_demo().expect("demo loads");
    app.reload();
    update::sync_scroll(&mut app);
    app
}

pub fn resize(app: &mut App, width: u16, height: u16) {
    app.resize(width, height);
}

/// The screen as text.
pub fn screen(app: &App) -> String {
    let backend = TestBackend::new(app.screen().width, app.screen().height);
    let mut terminal = Terminal::new(backend).expect("test terminal");
    terminal.draw(|f| view::draw(f, app)).expect("draws");
    terminal.backend().to_string()
}

fn key_event(k: &str) -> KeyEvent {
    let code = match k {
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" => KeyCode::Tab,
        "BackTab" => KeyCode::BackTab,
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "Backspace" => KeyCode::Backspace,
        "PageDown" => KeyCode::PageDown,
        "PageUp" => KeyCode::PageUp,
        "Space" => KeyCode::Char(' '),
        k if k.starts_with("C-") => {
            let c = k.chars().nth(2).expect("a letter after C-");
            return KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        }
        k if k.chars().count() == 1 => KeyCode::Char(k.chars().next().expect("one char")),
        other => panic!("unknown key name {other}"),
    };
    let mods = match code {
        KeyCode::Char(c) if c.is_ascii_uppercase() => KeyModifiers::SHIFT,
        KeyCode::BackTab => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    KeyEvent::new(code, mods)
}

/// Press keys by name ("j", "Enter", "C-s", …) through the key map and `update`; work
/// that waits for a frame (an import, the statistics) runs as the event loop would run it.
pub fn press(app: &mut App, keys: &[&str]) {
    for k in keys {
        if let Some(action) = input::translate(app, Event::Key(key_event(k))) {
            update::update(app, action);
            update::run_job(app);
        }
    }
}

/// The seed letter as a fixture file.
pub fn seed_letter() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/letters/seed-dwp.txt")
}

/// `i`, the path typed, Enter: the import review (or whatever the file leads to).
pub fn open_import(app: &mut App, path: &std::path::Path) {
    press(app, &["i"]);
    type_text(app, &path.display().to_string());
    press(app, &["Enter"]);
}

/// Type text, one key per character.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let e = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        if let Some(action) = input::translate(app, Event::Key(e)) {
            update::update(app, action);
            update::run_job(app);
        }
    }
}

pub fn status_text(app: &App) -> String {
    app.status_text().to_string()
}

/// xorshift64*: deterministic test data and keys from a seed (a few lines; a failing
/// seed reproduces exactly).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % (n as u64).max(1)) as usize
    }
}
