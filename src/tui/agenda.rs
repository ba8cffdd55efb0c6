//! `A`: the agenda — every live clock of every open case, in two parts: your move, and
//! the authority's (a late one marked "chase"). `c` writes the chaser for a late
//! authority, `z` snoozes (or brings back) a case's reminders that are no deadline, Enter
//! opens the case. `c` and `z` work on the selected case from the panes too.

use super::action::Action;
use super::app::{App, Mode, Pane, Tone};
use super::scroll::Scroll;
use super::update::show_case;
use crate::casebook::{AgendaLine, LetterKind, Move, can_snooze};
use crate::domain::dates::long;

/// How long `z` holds a reminder back.
pub const SNOOZE_DAYS: u64 = 7;

pub struct Agenda {
    /// Your move first, then the authority's; each soonest first.
    pub rows: Vec<AgendaLine>,
    pub list: Scroll,
}

impl Agenda {
    /// How many rows are the requester's move (they come first).
    pub fn yours(&self) -> usize {
        self.rows.iter().filter(|r| r.whose == Move::Yours).count()
    }

    fn selected(&self) -> Option<&AgendaLine> {
        self.rows.get(self.list.selected)
    }
}

/// The agenda's rows, your move first (a stable split keeps each part soonest first).
fn rows(app: &App) -> crate::casebook::Result<Vec<AgendaLine>> {
    let mut rows = app.book.due(None)?;
    rows.sort_by_key(|r| r.whose != Move::Yours);
    Ok(rows)
}

/// `A`: open the agenda.
pub fn start(app: &mut App) {
    match rows(app) {
        Ok(rows) if rows.is_empty() => app.say(Tone::Info, "Nothing due: no clock is running"),
        Ok(rows) => {
            app.status = None;
            app.mode = Mode::Agenda(Box::new(Agenda {
                rows,
                list: Scroll::default(),
            }));
        }
        Err(e) => app.say_error(&e),
    }
}

/// Keys while the agenda is open.
pub fn agenda(app: &mut App, action: Action) {
    let page = super::overlays::agenda::page(app) as isize;
    let Mode::Agenda(a) = &mut app.mode else {
        return;
    };
    let n = a.rows.len();
    match action {
        Action::Down | Action::ScrollDown { .. } => a.list.move_by(1, n),
        Action::Up | Action::ScrollUp { .. } => a.list.move_by(-1, n),
        Action::PageDown => a.list.move_by(page, n),
        Action::PageUp => a.list.move_by(-page, n),
        Action::Top => a.list.move_by(isize::MIN / 2, n),
        Action::Bottom => a.list.move_by(isize::MAX / 2, n),
        Action::Open => {
            let id = a.selected().map(|r| r.case_id);
            app.mode = Mode::Normal;
            if let Some(id) = id {
                show_case(app, id);
                app.focus = Pane::Timeline;
            }
        }
        Action::ChaserLetter => {
            if let Some(id) = a.selected().map(|r| r.case_id) {
                super::letter::open(app, id, LetterKind::Chaser);
            }
        }
        Action::Snooze => {
            if let Some(id) = a.selected().map(|r| r.case_id) {
                snooze(app, id);
                refresh(app);
            }
        }
        Action::Close => app.mode = Mode::Normal,
        _ => {}
    }
}

/// Read the rows again (after a snooze), keeping the selection on the same case.
fn refresh(app: &mut App) {
    let fresh = rows(app);
    let Mode::Agenda(a) = &mut app.mode else {
        return;
    };
    let keep = a.selected().map(|r| (r.case_id, r.clock.kind));
    match fresh {
        Ok(rows) => {
            a.list.selected = keep
                .and_then(|k| rows.iter().position(|r| (r.case_id, r.clock.kind) == k))
                .unwrap_or(0);
            a.rows = rows;
        }
        Err(e) => app.say_error(&e),
    }
}

/// `c` in the panes: the chaser for the selected case.
pub fn chaser(app: &mut App) {
    match app.selected_id() {
        Some(id) => super::letter::open(app, id, LetterKind::Chaser),
        None => app.say(Tone::Info, "No case selected"),
    }
}

/// `z` in the panes: snooze the selected case's reminders.
pub fn snooze_selected(app: &mut App) {
    match app.selected_id() {
        Some(id) => snooze(app, id),
        None => app.say(Tone::Info, "No case selected"),
    }
}

/// Snooze case `id`'s reminders that are no deadline for a week, or bring them back if
/// they are snoozed; a case with no such reminder says so and changes nothing.
fn snooze(app: &mut App, id: i64) {
    let today = app.today();
    let current = match app.book.snoozed_until(id) {
        Ok(c) => c,
        Err(e) => return app.say_error(&e),
    };
    if current.is_some() {
        return match app.book.snooze(id, None) {
            Ok(()) => app.say(Tone::Done, format!("Reminders for case #{id} are back")),
            Err(e) => app.say_error(&e),
        };
    }
    let held = app
        .book
        .due(None)
        .map(|rows| rows.iter().any(|r| r.case_id == id && can_snooze(&r.clock)));
    match held {
        Ok(false) => {
            return app.say(
                Tone::Info,
                format!(
                    "Case #{id} has no reminder to snooze: deadlines always show (z holds back chasing a late authority, or a clarification or fee it waits for)"
                ),
            );
        }
        Err(e) => return app.say_error(&e),
        Ok(true) => {}
    }
    let until = today + chrono::Days::new(SNOOZE_DAYS);
    match app.book.snooze(id, Some(until)) {
        Ok(()) => {
            app.refresh();
            app.say(
                Tone::Done,
                format!(
                    "Case #{id}: reminders snoozed to {} (z again brings them back); its deadline still shows",
                    long(until)
                ),
            );
        }
        Err(e) => app.say_error(&e),
    }
}
