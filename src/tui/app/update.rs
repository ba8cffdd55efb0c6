//! `update(app, action)`: the one place the state changes. A screen open over the panes
//! handles its own keys and says what it wants done as effects (`apply`); the panes'
//! keys are handled here. Writes go through the casebook's operations; afterwards the
//! views are reloaded from it.

use super::{App, Mode, apply, mouse, originals, panes};
use crate::tui::action::Action;
use crate::tui::effect::{Pane, Tone};
use crate::tui::find;
use crate::tui::progress::Progress;
use crate::tui::prompt::new_line_input;

impl App {
    /// Apply `action`: the screen open over the panes handles it, else the panes do.
    pub fn update(&mut self, action: Action) {
        update(self, action);
    }

    /// Keep every selection in view after the state changed or the screen was resized.
    pub fn sync_scroll(&mut self) {
        sync_scroll(self);
    }

    /// Run the work that waited for a frame saying it is under way.
    pub fn run_job(&mut self, progress: &Progress<'_>) {
        apply::run_job(self, progress);
    }
}

fn update(app: &mut App, action: Action) {
    if action == Action::Quit {
        app.quit = true;
        return;
    }
    // Every other action works on the whole list, never on the first screen's part of it.
    app.finish_loading(true);
    match &app.mode {
        Mode::Normal => normal(app, action),
        Mode::Search => search(app, action),
        // Nothing under way after all: never leave the keyboard stuck.
        Mode::Busy(_) if app.job.is_none() => app.mode = Mode::Normal,
        Mode::Busy(_) => {}
        _ => apply::screen_keys(app, action),
    }
    app.sync_current();
    sync_scroll(app);
}

fn normal(app: &mut App, action: Action) {
    match action {
        Action::Up => move_by(app, -1),
        Action::Down => move_by(app, 1),
        Action::PageUp => move_by(app, -page(app)),
        Action::PageDown => move_by(app, page(app)),
        Action::Top => move_by(app, isize::MIN / 2),
        Action::Bottom => move_by(app, isize::MAX / 2),
        Action::NextPane => cycle_pane(app, 1),
        Action::PrevPane => cycle_pane(app, -1),
        Action::Open if app.focus == Pane::Cases && app.selected_view().is_some() => {
            app.focus = Pane::Case;
        }
        Action::Back => {
            if app.focus != Pane::Cases {
                app.focus = Pane::Cases;
            } else if !app.query().is_empty() {
                app.search = new_line_input();
                app.refilter();
                app.say(Tone::Info, "Search cleared");
            }
        }
        Action::Add => panes::add(app),
        Action::Edit => panes::edit(app),
        Action::EditCase => panes::edit_case(app),
        Action::Outcome => panes::outcome(app),
        Action::Delete => panes::ask_delete(app),
        Action::Undo => undo(app),
        Action::CycleSort => {
            app.sort = app.sort.next();
            app.resort();
            app.say(Tone::Info, format!("Sorted by {}", sort_words(app.sort)));
        }
        Action::CycleFilter => {
            app.filter = app.filter.next();
            app.refilter();
            app.say(
                Tone::Info,
                format!(
                    "Showing {} cases ({} of {})",
                    app.filter.as_str(),
                    app.visible.len(),
                    app.views.len()
                ),
            );
        }
        Action::StartSearch => {
            app.focus = Pane::Cases;
            app.search.set_cursor_style(
                ratatui::style::Style::default().add_modifier(ratatui::style::Modifier::REVERSED),
            );
            app.mode = Mode::Search;
        }
        Action::StartJump => {
            app.mode = Mode::Jump(Box::default());
        }
        Action::ReviewLetter => panes::review_letter(app),
        Action::Import => panes::import(app),
        Action::StartFind => start_find(app),
        Action::Stats => panes::stats(app),
        Action::Agenda => panes::agenda(app),
        Action::ChaserLetter => panes::chaser(app),
        Action::Snooze => panes::snooze(app),
        Action::Batch => panes::batch(app),
        Action::Batches => panes::batches(app),
        Action::OpenOriginal => originals::open_next(app),
        Action::Bundle => originals::bundle(app),
        Action::LoadDemo => load_demo(app),
        Action::Help => app.mode = Mode::Help(Default::default()),
        Action::Click { column, row } => mouse::click(app, column, row),
        Action::ScrollUp { column, row } => mouse::wheel(app, column, row, -1),
        Action::ScrollDown { column, row } => mouse::wheel(app, column, row, 1),
        _ => {}
    }
}

fn sort_words(s: crate::casebook::Sort) -> &'static str {
    use crate::casebook::Sort;
    match s {
        Sort::Urgency => "urgency (the nearest deadline first)",
        Sort::Sent => "date sent (newest first)",
        Sort::Authority => "authority",
        Sort::Changed => "recently changed",
    }
}

fn page(app: &App) -> isize {
    let a = app.areas();
    let rows = match app.focus {
        Pane::Cases => a.cases_shown(),
        Pane::Case => a.case.height.saturating_sub(8) as usize,
        Pane::Timeline => a.timeline.height.saturating_sub(4) as usize,
    };
    rows.max(1) as isize
}

/// Move the selection of the focused pane.
pub(super) fn move_by(app: &mut App, delta: isize) {
    match app.focus {
        Pane::Cases => {
            let before = app.cases.selected;
            app.cases.move_by(delta, app.visible.len());
            if app.cases.selected != before {
                app.reset_details();
            }
        }
        Pane::Case => {
            let n = app.selected_view().map_or(0, |v| v.file.questions.len());
            app.questions.move_by(delta, n);
        }
        Pane::Timeline => {
            let n = app.selected_view().map_or(0, |v| v.file.events.len());
            app.events.move_by(delta, n);
        }
    }
}

fn cycle_pane(app: &mut App, step: isize) {
    if app.selected_view().is_none() {
        app.focus = Pane::Cases;
        return;
    }
    let i = Pane::ALL.iter().position(|p| *p == app.focus).unwrap_or(0) as isize;
    let n = Pane::ALL.len() as isize;
    app.focus = Pane::ALL[((i + step).rem_euclid(n)) as usize];
}

fn undo(app: &mut App) {
    match app.book.undo() {
        Ok(Some(what)) => {
            app.refresh();
            app.say(Tone::Done, format!("Undone: {what}"));
        }
        Ok(None) => app.say(Tone::Info, "Nothing to undo"),
        Err(e) => app.say_error(&e),
    }
}

fn load_demo(app: &mut App) {
    match app.book.load_demo() {
        Ok((id, new)) => {
            app.refresh();
            app.select_case(id);
            let what = if new { "Loaded" } else { "Already here:" };
            // The letter is from 2018: on today's date its clocks have long finished.
            let live = app.selected_row().is_some_and(|r| r.next.is_some());
            let text = if live {
                format!("{what} the example case. Enter opens it; ? lists every key.")
            } else {
                format!(
                    "{what} the example case, a 2018 letter: start foi with --today 2018-03-10 to see its clocks run."
                )
            };
            app.say(Tone::Done, text);
        }
        Err(e) => app.say_error(&e),
    }
}

fn search(app: &mut App, action: Action) {
    use ratatui::crossterm::event::KeyCode;
    match action {
        // A second `/` first: search everything instead of filtering the list.
        Action::Type(key)
            if key.code == KeyCode::Char('/') && app.query().is_empty() && !app.find =>
        {
            app.find = true;
            app.refilter();
            app.say(Tone::Info, find_hint());
        }
        Action::Type(key)
            if key.code == KeyCode::Backspace && app.query().is_empty() && app.find =>
        {
            app.find = false;
            app.refilter();
        }
        Action::Type(key) => {
            app.search.input(key);
            app.refilter();
        }
        Action::Paste(text) => {
            app.search
                .insert_str(crate::domain::text::inert_line(&text));
            app.refilter();
        }
        Action::Accept if app.finding() => {
            end_search(app);
            run_find(app);
        }
        Action::Accept => {
            end_search(app);
            let n = app.visible.len();
            app.say(
                Tone::Info,
                format!(
                    "{n} case{} match; Esc clears the search",
                    if n == 1 { "" } else { "es" }
                ),
            );
        }
        Action::Cancel => {
            app.search = new_line_input();
            app.find = false;
            end_search(app);
            app.refilter();
        }
        _ => {}
    }
}

/// What the status line says while a search of everything is typed.
fn find_hint() -> &'static str {
    "Search everything: type words, then Enter searches letters, notes and request text"
}

/// `F`: the search line, ready for words to search everything with.
pub(super) fn start_find(app: &mut App) {
    app.mode = Mode::Normal;
    app.focus = Pane::Cases;
    app.search = new_line_input();
    app.find = true;
    app.search.set_cursor_style(
        ratatui::style::Style::default().add_modifier(ratatui::style::Modifier::REVERSED),
    );
    app.refilter();
    app.mode = Mode::Search;
    app.say(Tone::Info, find_hint());
}

/// Enter on `//words`: run the search. The search line is cleared either way (it was a
/// question, not a filter).
fn run_find(app: &mut App) {
    let typed = app.query().trim().to_string();
    app.search = new_line_input();
    app.find = false;
    app.mode = Mode::Normal;
    app.refilter();
    if let Some(hits) = apply::with_ctx(app, |ctx| find::run(typed, ctx)) {
        app.mode = Mode::Hits(Box::new(hits));
    }
}

fn end_search(app: &mut App) {
    app.search
        .set_cursor_style(ratatui::style::Style::default());
    app.mode = Mode::Normal;
}

/// Select case `id`, widening the filter and clearing the search if they hide it.
pub(super) fn show_case(app: &mut App, id: i64) {
    if !app.select_case(id) {
        app.filter = crate::casebook::Filter::All;
        app.search = new_line_input();
        app.find = false;
        app.refilter();
        app.select_case(id);
    }
}

/// Keep every selection in view after the state changed or the screen was resized.
pub(super) fn sync_scroll(app: &mut App) {
    let a = app.areas();
    let n = app.visible.len();
    app.cases.ensure_visible(a.cases_shown(), n);
    let Some(v) = app.selected_view() else {
        return;
    };
    let nq = v.file.questions.len();
    let ne = v.file.events.len();
    app.questions
        .ensure_visible(a.questions.height as usize, nq);
    app.events.ensure_visible(a.events.height as usize, ne);
}
