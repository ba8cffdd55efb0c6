//! The terminal UI (`foi` with no command): three panes over the casebook — cases,
//! the selected case with its questions, its timeline with the clocks — and a footer
//! with the keys that work here.
//!
//! Over the panes: importing a file (`i`: a letter reviewed before saving, or a JSON /
//! WhatDoTheyKnow file counted first), the written review request or complaint (`r`),
//! the results of a search of everything (`//words` or `F`), the statistics (`S`). When
//! the casebook cannot be opened, [`fault`] shows why on a screen of its own.
//!
//! Structure: one state ([`app::App`]) with the panes' list and selection; each screen
//! over the panes a component owning its state, handling its keys with a
//! [`effect::Ctx`] and drawing itself; an [`action::Action`] per thing the user can ask;
//! [`update::update`] handing actions to the open screen (or the panes) and applying the
//! [`effect::Effect`]s the screens ask for. Keys are data ([`keymap`]), read by the
//! footer, the help and the input handling alike. Work that takes a while runs right
//! after a frame that says it is under way. ARCHITECTURE.md draws the tree.

pub mod action;
pub mod agenda;
pub mod app;
pub mod batch;
pub mod batch_view;
pub mod edit;
pub mod effect;
pub mod fault;
pub mod find;
pub mod forms;
pub mod import;
pub mod import_file;
pub mod input;
pub mod jump;
pub mod keymap;
pub mod layout;
pub mod letter;
pub mod overlays;
mod panes;
pub mod progress;
pub mod prompt;
mod scroll;
pub mod stats;
mod terminal;
pub mod theme;
pub mod update;
pub mod view;

use crate::casebook::{Casebook, Error};
use app::App;
use ratatui::crossterm::event;
use std::io;
use std::time::{Duration, Instant};

/// How often the date and other programs' writes are looked at when idle.
const TICK: Duration = Duration::from_secs(1);

/// How often the whole list is looked for while the first screen shows.
const LOADING_TICK: Duration = Duration::from_millis(15);

fn terminal_error(source: io::Error) -> Error {
    Error::Terminal(source)
}

/// The help overlay's text, line by line (for tests and the README).
pub fn help_text(app: &App) -> String {
    overlays::help::lines(app.theme(), app.areas().main)
        .iter()
        .map(|l| l.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Run the terminal UI until the user quits. `pinned`: today was given (`--today`), so
/// the date never moves on by itself.
pub fn run(book: Casebook, pinned: bool) -> Result<(), Error> {
    #[cfg(feature = "test-hooks")]
    let started = Instant::now();
    let mut app = App::new(book, pinned, theme::Theme::from_env());
    let mut session = terminal::Session::start().map_err(terminal_error)?;
    // Benchmark hook: the first frame, its time on stderr, and out (BENCHMARKS.md).
    #[cfg(feature = "test-hooks")]
    if crate::test_hooks::exit_after_first_frame() {
        let drawn = first_frame(&mut session.terminal, &mut app);
        drop(session);
        drawn.map_err(terminal_error)?;
        eprintln!(
            "foi: first frame drawn {:.1} ms after the UI started ({} cases)",
            started.elapsed().as_secs_f64() * 1e3,
            app.list_counts().1
        );
        // Straight out, without freeing every loaded case: only start-up is timed.
        std::process::exit(0);
    }
    // Test hook: a panic with the UI on screen (tests/panics.rs: the terminal comes back).
    #[cfg(feature = "test-hooks")]
    if std::env::var("FOI_TEST_PANIC").as_deref() == Ok("tui") {
        let _ = first_frame(&mut session.terminal, &mut app);
        crate::test_hooks::panic_if_asked("tui");
    }
    let result = event_loop(&mut session.terminal, &mut app);
    drop(session);
    result.map_err(terminal_error)
}

/// The first frame, drawn as the event loop draws every frame.
#[cfg(feature = "test-hooks")]
fn first_frame(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> io::Result<()> {
    let size = terminal.size()?;
    app.resize(size.width, size.height);
    terminal.draw(|f| view::draw(f, app))?;
    Ok(())
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> io::Result<()> {
    let mut dirty = true;
    let mut last_tick = Instant::now();
    loop {
        if dirty {
            let size = terminal.size()?;
            app.resize(size.width, size.height);
            let drawn = terminal.draw(|f| view::draw(f, app))?;
            // Long work keeps this frame on screen, with its progress over it.
            let backdrop = app.has_job().then(|| drawn.buffer.clone());
            dirty = false;
            let bytes = app.take_terminal_bytes();
            if !bytes.is_empty() {
                use std::io::Write;
                let out = terminal.backend_mut();
                out.write_all(&bytes)?;
                out.flush()?;
            }
            if let Some(backdrop) = backdrop {
                // The frame saying what is under way is on screen: now do it.
                let progress = progress::Progress::on(terminal, backdrop, app.theme());
                update::run_job_with(app, &progress);
                dirty = true;
                continue;
            }
        }
        if app.quitting() {
            return Ok(());
        }
        // While the whole list is read, look for it often: the question texts for the
        // filter are read once it is here.
        let wait = if app.loading() {
            LOADING_TICK
        } else {
            TICK.saturating_sub(last_tick.elapsed())
        };
        if event::poll(wait)?
            && let Some(action) = input::translate(app, event::read()?)
        {
            update::update(app, action);
            dirty = true;
        }
        if app.loading() {
            dirty |= app.poll_background();
        }
        if last_tick.elapsed() >= TICK {
            last_tick = Instant::now();
            dirty |= app.tick(chrono::Local::now().date_naive());
        }
    }
}
