//! Round robins in the terminal UI: the list of batches (`B`) and a batch's grid (`b`),
//! authorities down and questions across, with batch work — one outcome for a question
//! at the marked authorities, a question added to every case.

use super::action::Action;
use super::batch_view::{BatchList, BatchScreen};
use super::effect::{Ctx, Effect, Open, Pane, Tone};
use super::forms;
use super::layout::batch_rows;
use super::scroll::Scroll;
use crate::casebook::OutcomeChange;
use crate::domain::text::inert_line;
use std::collections::BTreeSet;

impl BatchList {
    /// `B`: the list of batches, or `None` (the status line says why).
    pub fn open(ctx: &mut Ctx<'_>) -> Option<BatchList> {
        let read = ctx.book.batches();
        let rows = ctx.rows_or_say(
            read,
            "No round robins yet: start one with foi batch add (one request to many authorities)",
        )?;
        Some(BatchList {
            rows,
            list: Scroll::default(),
        })
    }

    pub fn handle(&mut self, action: Action, ctx: &mut Ctx<'_>) {
        let n = self.rows.len();
        match action {
            Action::Down | Action::ScrollDown { .. } => self.list.move_by(1, n),
            Action::Up | Action::ScrollUp { .. } => self.list.move_by(-1, n),
            Action::Close => ctx.emit(Effect::Close),
            Action::Open => {
                if let Some(id) = self.rows.get(self.list.selected).map(|r| r.batch.id) {
                    ctx.emit(Effect::Open(Open::Batch { id, case: None }));
                }
            }
            _ => {}
        }
    }
}

impl BatchScreen {
    /// Batch `id`'s grid, on the row of `case` when given; `None` when it cannot be read.
    pub fn open(ctx: &mut Ctx<'_>, id: i64, case: Option<i64>) -> Option<BatchScreen> {
        match ctx.book.batch_grid(id) {
            Ok(grid) => {
                let mut rows = Scroll::default();
                if let Some(i) = case.and_then(|c| grid.rows.iter().position(|r| r.case == c)) {
                    rows.selected = i;
                }
                ctx.emit(Effect::Hush);
                Some(BatchScreen {
                    grid,
                    rows,
                    cols: Scroll::default(),
                    marked: BTreeSet::new(),
                    form: None,
                })
            }
            Err(e) => {
                ctx.say_error(&e);
                None
            }
        }
    }

    pub fn handle(&mut self, action: Action, ctx: &mut Ctx<'_>) {
        if self.form.is_some() {
            return self.form_keys(action, ctx);
        }
        let page = batch_rows(ctx.main) as isize;
        let (n_rows, n_cols) = (self.grid.rows.len(), self.grid.questions.len());
        let today = ctx.book.today();
        match action {
            Action::Down | Action::ScrollDown { .. } => self.rows.move_by(1, n_rows),
            Action::Up | Action::ScrollUp { .. } => self.rows.move_by(-1, n_rows),
            Action::PageDown => self.rows.move_by(page, n_rows),
            Action::PageUp => self.rows.move_by(-page, n_rows),
            Action::Top => self.rows.top(),
            Action::Bottom => self.rows.bottom(n_rows),
            Action::Right => self.cols.move_by(1, n_cols),
            Action::Left => self.cols.move_by(-1, n_cols),
            Action::Mark => {
                if let Some(id) = self.selected_case()
                    && !self.marked.remove(&id)
                {
                    self.marked.insert(id);
                }
                self.rows.move_by(1, n_rows);
            }
            Action::Outcome => match self.grid.questions.get(self.cols.selected) {
                Some(q) => {
                    let n = self.targets().len();
                    let form = forms::batch_outcome(self.grid.batch, self.grid.regime, q, n, today);
                    self.form = Some(Box::new(form));
                }
                None => ctx.say(Tone::Info, "This round robin has no questions: a adds one"),
            },
            Action::Add => self.form = Some(Box::new(forms::batch_question(&self.grid, today))),
            Action::Undo => self.undo(ctx),
            Action::Open => self.open_case(ctx),
            Action::Close => ctx.emit(Effect::Close),
            _ => {}
        }
    }

    fn form_keys(&mut self, action: Action, ctx: &mut Ctx<'_>) {
        let Some(form) = self.form.as_mut() else {
            return;
        };
        match form.edit(action) {
            Some(Action::Cancel) => {
                self.form = None;
                ctx.say(Tone::Info, "Cancelled: nothing changed");
            }
            Some(Action::Save) => self.save(ctx),
            _ => {}
        }
    }

    fn save(&mut self, ctx: &mut Ctx<'_>) {
        let Some(form) = self.form.as_mut() else {
            return;
        };
        if form.stop_on_problems() {
            return;
        }
        let batch = self.grid.batch;
        let result = if forms::is_batch_outcome(form) {
            let label = self
                .grid
                .questions
                .get(self.cols.selected)
                .map(|q| q.label.clone())
                .unwrap_or_default();
            let (outcome, exemptions, note) = forms::picked_outcome(form);
            let change = OutcomeChange {
                outcome,
                exemptions,
                note: Some(note),
                challenge: None,
            };
            ctx.book
                .set_batch_outcome(batch, &label, &self.targets(), &change)
                .map(|(label, n)| {
                    format!(
                        "Saved: {} → {} at {} (u undoes)",
                        inert_line(&label),
                        outcome.as_str(),
                        crate::present::plural(n, "authority", "authorities")
                    )
                })
        } else {
            let (label, text) = forms::batch_question_values(form);
            ctx.book
                .add_batch_question(batch, Some(&label), &text)
                .map(|(label, n)| {
                    format!(
                        "Added {} to {} (u undoes)",
                        inert_line(&label),
                        crate::present::plural(n, "case", "cases")
                    )
                })
        };
        match result {
            Ok(message) => {
                self.form = None;
                self.marked.clear();
                self.changed(ctx, message);
            }
            Err(e) => {
                if let Some(form) = self.form.as_mut() {
                    form.error = Some(e.to_string());
                }
            }
        }
    }

    /// After a write: the grid read again, the panes behind refreshed, `message` said.
    fn changed(&mut self, ctx: &mut Ctx<'_>, message: String) {
        self.reread(ctx);
        ctx.emit(Effect::Refresh);
        ctx.say(Tone::Done, message);
    }

    /// Read the grid again after a change, keeping the selection where it was.
    fn reread(&mut self, ctx: &mut Ctx<'_>) {
        match ctx.book.batch_grid(self.grid.batch) {
            Ok(grid) => {
                self.rows.clamp(grid.rows.len());
                self.cols.clamp(grid.questions.len());
                self.grid = grid;
            }
            Err(e) => {
                ctx.emit(Effect::Close);
                ctx.say_error(&e);
            }
        }
    }

    fn undo(&mut self, ctx: &mut Ctx<'_>) {
        match ctx.book.undo() {
            Ok(Some(what)) => self.changed(ctx, format!("Undone: {what}")),
            Ok(None) => ctx.say(Tone::Info, "Nothing to undo"),
            Err(e) => ctx.say_error(&e),
        }
    }

    /// Enter: the authority's case, at the selected question.
    fn open_case(&self, ctx: &mut Ctx<'_>) {
        let Some(id) = self.selected_case() else {
            return;
        };
        ctx.emit(Effect::Close);
        ctx.emit(Effect::ShowCase(id));
        ctx.emit(Effect::Focus(Pane::Case));
        if let Some(q) = self.grid.questions.get(self.cols.selected) {
            ctx.emit(Effect::SelectQuestion(q.label.clone()));
        }
        ctx.say(
            Tone::Info,
            format!("Case #{id} (b: back to the round robin)"),
        );
    }
}
