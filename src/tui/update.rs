//! `update(app, action)`: the one place the state changes. Writes go through the
//! casebook's operations; afterwards the views are reloaded from it.

use super::action::Action;
use super::app::{App, Mode, Pane, Tone};
use super::progress::Progress;

use super::app::Job;
use super::panes::{case_detail, cases, timeline};
use super::{batch, draft, edit, find, import, mouse, stats};

/// Run the work that waited for a frame saying it is under way (the event loop calls
/// this right after drawing).
pub fn run_job(app: &mut App) {
    run_job_with(app, &Progress::none());
}

/// [`run_job`], reporting how far it is to `progress` (a gauge on screen) and stopping
/// when that says so.
pub fn run_job_with(app: &mut App, progress: &Progress<'_>) {
    let Some(job) = app.job.take() else {
        return;
    };
    match job {
        Job::OpenFile(prompt) => import::open_file(app, prompt, progress),
        Job::ImportFile(f) => import::import_file(app, &f, progress),
        Job::Stats => stats::count(app, progress),
    }
    app.sync_current();
    sync_scroll(app);
}

pub fn update(app: &mut App, action: Action) {
    if action == Action::Quit {
        app.quit = true;
        return;
    }
    // Every other action works on the whole list, never on the first screen's part of it.
    app.finish_loading(true);
    match &app.mode {
        Mode::Normal => normal(app, action),
        Mode::Search => search(app, action),
        Mode::Jump(_) => jump(app, action),
        Mode::Help { .. } => help(app, action),
        Mode::Confirm(_) => edit::confirm(app, action),
        Mode::Form(_) => edit::form(app, action),
        Mode::Path(_) => import::path(app, action),
        Mode::Import(_) => import::review(app, action),
        Mode::ImportFile(_) => import::file(app, action),
        Mode::Draft(_) => draft::draft(app, action),
        Mode::Hits(_) => find::hits(app, action),
        Mode::Stats(_) => stats::stats(app, action),
        Mode::Agenda(_) => super::agenda::agenda(app, action),
        Mode::Batches(_) => batch::list(app, action),
        Mode::Batch(_) => batch::grid(app, action),
        // Nothing under way after all: never leave the keyboard stuck.
        Mode::Busy(_) if app.job.is_none() => app.mode = Mode::Normal,
        Mode::Busy(_) => {}
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
                app.search = super::app::new_line_input();
                app.refilter();
                app.say(Tone::Info, "Search cleared");
            }
        }
        Action::Add => edit::add(app),
        Action::Edit => edit::edit(app),
        Action::EditCase => edit::edit_case(app),
        Action::Outcome => edit::outcome(app),
        Action::Delete => edit::ask_delete(app),
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
            app.mode = Mode::Jump(Box::new(super::app::new_line_input()));
        }
        Action::DraftReview => draft::start(app),
        Action::Import => import::start(app),
        Action::StartFind => find::start(app),
        Action::Stats => stats::start(app),
        Action::Agenda => super::agenda::start(app),
        Action::DraftChaser => super::agenda::chaser(app),
        Action::Snooze => super::agenda::snooze_selected(app),
        Action::Batch => batch::open_selected(app),
        Action::Batches => batch::open_list(app),
        Action::OpenOriginal => super::originals::open_next(app),
        Action::Bundle => super::originals::bundle(app),
        Action::LoadDemo => load_demo(app),
        Action::Help => app.mode = Mode::Help { scroll: 0 },
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
        Pane::Cases => cases::rows_shown(app, a.cases),
        Pane::Case => a.case.height.saturating_sub(8) as usize,
        Pane::Timeline => a.timeline.height.saturating_sub(4) as usize,
    };
    rows.max(1) as isize
}

/// Move the selection of the focused pane.
pub fn move_by(app: &mut App, delta: isize) {
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
            find::run(app);
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
            app.search = super::app::new_line_input();
            app.find = false;
            end_search(app);
            app.refilter();
        }
        _ => {}
    }
}

/// What the status line says while a search of everything is typed.
pub fn find_hint() -> &'static str {
    "Search everything: type words, then Enter searches letters, notes and request text"
}

fn end_search(app: &mut App) {
    app.search
        .set_cursor_style(ratatui::style::Style::default());
    app.mode = Mode::Normal;
}

fn jump(app: &mut App, action: Action) {
    let Mode::Jump(input) = &mut app.mode else {
        return;
    };
    match action {
        Action::Type(key) => {
            input.input(key);
        }
        Action::Paste(text) => {
            input.insert_str(crate::domain::text::inert_line(&text));
        }
        Action::Cancel => app.mode = Mode::Normal,
        Action::Accept => {
            let key = input.lines().join(" ");
            match app.book.resolve(&key) {
                Ok(id) => {
                    app.mode = Mode::Normal;
                    show_case(app, id);
                    app.focus = Pane::Case;
                    // The case pane's title names it; a "Case #3" here would outlive it.
                    app.status = None;
                }
                // Said at once (the prompt would hide the status line), in the UI's
                // own words: the library's points at `foi list`.
                Err(crate::casebook::Error::User(m)) if m.starts_with("no case matches") => {
                    app.mode = Mode::Normal;
                    app.say(
                        Tone::Error,
                        format!(
                            "No case matches “{}”: : takes an id, a reference or the start of a title",
                            crate::present::fit(key.trim(), 30)
                        ),
                    );
                }
                Err(e) => {
                    app.mode = Mode::Normal;
                    app.say_error(&e);
                }
            }
        }
        _ => {}
    }
}

/// Select case `id`, widening the filter and clearing the search if they hide it.
pub fn show_case(app: &mut App, id: i64) {
    if !app.select_case(id) {
        app.filter = crate::casebook::Filter::All;
        app.search = super::app::new_line_input();
        app.find = false;
        app.refilter();
        app.select_case(id);
    }
}

fn help(app: &mut App, action: Action) {
    if action == Action::CloseHelp {
        app.mode = Mode::Normal;
        return;
    }
    let page = app.screen.height.saturating_sub(6);
    let max = (super::overlays::help::lines(app).len() as u16).saturating_sub(page);
    let Mode::Help { scroll } = &mut app.mode else {
        return;
    };
    let next = match action {
        Action::Down => scroll.saturating_add(1),
        Action::Up => scroll.saturating_sub(1),
        Action::PageDown => scroll.saturating_add(page),
        Action::PageUp => scroll.saturating_sub(page),
        _ => *scroll,
    };
    *scroll = next.min(max);
}

/// Keep every selection in view after the state changed or the screen was resized.
pub fn sync_scroll(app: &mut App) {
    let a = app.areas();
    let n = app.visible.len();
    let rows = cases::rows_shown(app, a.cases);
    app.cases.ensure_visible(rows, n);
    let Some(v) = app.selected_view() else {
        return;
    };
    let nq = v.file.questions.len();
    let ne = v.file.events.len();
    let (_, qlist, _) = case_detail::split(a.case, nq);
    let elist = timeline::events_area(a.timeline, v);
    app.questions.ensure_visible(qlist.height as usize, nq);
    app.events.ensure_visible(elist.height as usize, ne);
}
