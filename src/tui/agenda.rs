//! `A`: the agenda — every live clock of every open case, in two parts: your move, and
//! the authority's (a late one marked "chase"). `c` writes the chaser for a late
//! authority, `z` snoozes (or brings back) a case's reminders that are no deadline, Enter
//! opens the case. `c` and `z` work on the selected case from the panes too.

use super::action::Action;
use super::effect::{Ctx, Effect, Open, Pane, Tone};
use super::layout::agenda_page;
use super::scroll::Scroll;
use crate::casebook::{AgendaLine, Casebook, LetterKind, Move, can_snooze};
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
fn rows(book: &Casebook) -> crate::casebook::Result<Vec<AgendaLine>> {
    let mut rows = book.due(None)?;
    rows.sort_by_key(|r| r.whose != Move::Yours);
    Ok(rows)
}

impl Agenda {
    /// `A`: the agenda, or `None` (the status line says why) when nothing is due.
    pub fn open(ctx: &mut Ctx<'_>) -> Option<Agenda> {
        let read = rows(ctx.book);
        let rows = ctx.rows_or_say(read, "Nothing due: no clock is running")?;
        ctx.emit(Effect::Hush);
        Some(Agenda {
            rows,
            list: Scroll::default(),
        })
    }

    /// Keys while the agenda is open.
    pub fn handle(&mut self, action: Action, ctx: &mut Ctx<'_>) {
        let page = agenda_page(ctx.main) as isize;
        let n = self.rows.len();
        let selected = self.selected().map(|r| r.case_id);
        match action {
            Action::Down | Action::ScrollDown { .. } => self.list.move_by(1, n),
            Action::Up | Action::ScrollUp { .. } => self.list.move_by(-1, n),
            Action::PageDown => self.list.move_by(page, n),
            Action::PageUp => self.list.move_by(-page, n),
            Action::Top => self.list.move_by(isize::MIN / 2, n),
            Action::Bottom => self.list.move_by(isize::MAX / 2, n),
            Action::Open => {
                ctx.emit(Effect::Close);
                if let Some(id) = selected {
                    ctx.emit(Effect::ShowCase(id));
                    ctx.emit(Effect::Focus(Pane::Timeline));
                }
            }
            Action::ChaserLetter => {
                if let Some(case_id) = selected {
                    ctx.emit(Effect::Open(Open::Letter {
                        case_id,
                        kind: LetterKind::Chaser,
                    }));
                }
            }
            Action::Snooze => {
                if let Some(id) = selected {
                    snooze(ctx, id);
                    self.reread(ctx);
                }
            }
            Action::Close => ctx.emit(Effect::Close),
            _ => {}
        }
    }

    /// Read the rows again (after a snooze), keeping the selection on the same case.
    fn reread(&mut self, ctx: &mut Ctx<'_>) {
        let keep = self.selected().map(|r| (r.case_id, r.clock.kind));
        match rows(ctx.book) {
            Ok(rows) => {
                self.list.selected = keep
                    .and_then(|k| rows.iter().position(|r| (r.case_id, r.clock.kind) == k))
                    .unwrap_or(0);
                self.rows = rows;
            }
            Err(e) => ctx.say_error(&e),
        }
    }
}

/// Snooze case `id`'s reminders that are no deadline for a week, or bring them back if
/// they are snoozed; a case with no such reminder says so and changes nothing.
pub fn snooze(ctx: &mut Ctx<'_>, id: i64) {
    let today = ctx.book.today();
    let current = match ctx.book.snoozed_until(id) {
        Ok(c) => c,
        Err(e) => return ctx.say_error(&e),
    };
    if current.is_some() {
        return match ctx.book.snooze(id, None) {
            Ok(()) => ctx.say(Tone::Done, format!("Reminders for case #{id} are back")),
            Err(e) => ctx.say_error(&e),
        };
    }
    let held = ctx
        .book
        .due(None)
        .map(|rows| rows.iter().any(|r| r.case_id == id && can_snooze(&r.clock)));
    match held {
        Ok(false) => {
            return ctx.say(
                Tone::Info,
                format!(
                    "Case #{id} has no reminder to snooze: deadlines always show (z holds back chasing a late authority, or a clarification or fee it waits for)"
                ),
            );
        }
        Err(e) => return ctx.say_error(&e),
        Ok(true) => {}
    }
    let until = today + chrono::Days::new(SNOOZE_DAYS);
    match ctx.book.snooze(id, Some(until)) {
        Ok(()) => {
            ctx.emit(Effect::Refresh);
            ctx.say(
                Tone::Done,
                format!(
                    "Case #{id}: reminders snoozed to {} (z again brings them back); its deadline still shows",
                    long(until)
                ),
            );
        }
        Err(e) => ctx.say_error(&e),
    }
}
