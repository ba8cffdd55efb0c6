//! Round robins in the terminal UI: the list of batches (`B`) and a batch's grid (`b`),
//! authorities down and questions across, with batch work — one outcome for a question
//! at the marked authorities, a question added to every case.

use super::action::Action;
use super::app::{App, Mode, Pane, Tone};
use super::batch_view::{BatchList, BatchScreen};
use super::forms;
use super::scroll::Scroll;
use super::update::show_case;
use crate::casebook::OutcomeChange;
use crate::domain::text::inert_line;
use std::collections::BTreeSet;

/// `b`: the grid of the selected case's batch, or the list when it is in none.
pub fn open_selected(app: &mut App) {
    match app.selected_view().and_then(|v| v.file.case.batch.clone()) {
        Some(b) => {
            let case = app.selected_id();
            open_grid(app, b.id, case);
        }
        None => open_list(app),
    }
}

/// `B`: the list of batches.
pub fn open_list(app: &mut App) {
    match app.book.batches() {
        Ok(rows) if rows.is_empty() => app.say(
            Tone::Info,
            "No round robins yet: start one with foi batch add (one request to many authorities)",
        ),
        Ok(rows) => {
            app.mode = Mode::Batches(Box::new(BatchList {
                rows,
                list: Scroll::default(),
            }))
        }
        Err(e) => app.say_error(&e),
    }
}

/// Open batch `id`'s grid, on the row of `case` when given.
pub fn open_grid(app: &mut App, id: i64, case: Option<i64>) {
    match app.book.batch_grid(id) {
        Ok(grid) => {
            let mut rows = Scroll::default();
            if let Some(i) = case.and_then(|c| grid.rows.iter().position(|r| r.case == c)) {
                rows.selected = i;
            }
            app.status = None;
            app.mode = Mode::Batch(Box::new(BatchScreen {
                grid,
                rows,
                cols: Scroll::default(),
                marked: BTreeSet::new(),
                form: None,
            }));
        }
        Err(e) => app.say_error(&e),
    }
}

pub fn list(app: &mut App, action: Action) {
    let Mode::Batches(l) = &mut app.mode else {
        return;
    };
    let n = l.rows.len();
    match action {
        Action::Down | Action::ScrollDown { .. } => l.list.move_by(1, n),
        Action::Up | Action::ScrollUp { .. } => l.list.move_by(-1, n),
        Action::Close => app.mode = Mode::Normal,
        Action::Open => {
            if let Some(id) = l.rows.get(l.list.selected).map(|r| r.batch.id) {
                open_grid(app, id, None);
            }
        }
        _ => {}
    }
}

/// Rows of the grid shown at once (the rest of the box is the header and summaries).
pub fn page(app: &App) -> usize {
    super::overlays::batch::rows_shown(app.areas().main)
}

pub fn grid(app: &mut App, action: Action) {
    let page = page(app);
    let Mode::Batch(s) = &mut app.mode else {
        return;
    };
    if s.form.is_some() {
        return form(app, action);
    }
    let (n_rows, n_cols) = (s.grid.rows.len(), s.grid.questions.len());
    match action {
        Action::Down | Action::ScrollDown { .. } => s.rows.move_by(1, n_rows),
        Action::Up | Action::ScrollUp { .. } => s.rows.move_by(-1, n_rows),
        Action::PageDown => s.rows.move_by(page as isize, n_rows),
        Action::PageUp => s.rows.move_by(-(page as isize), n_rows),
        Action::Top => s.rows.top(),
        Action::Bottom => s.rows.bottom(n_rows),
        Action::Right => s.cols.move_by(1, n_cols),
        Action::Left => s.cols.move_by(-1, n_cols),
        Action::Mark => {
            if let Some(id) = s.selected_case()
                && !s.marked.remove(&id)
            {
                s.marked.insert(id);
            }
            s.rows.move_by(1, n_rows);
        }
        Action::Outcome => outcome_form(app),
        Action::Add => question_form(app),
        Action::Undo => undo(app),
        Action::Open => open_case(app),
        Action::Close => app.mode = Mode::Normal,
        _ => {}
    }
}

fn outcome_form(app: &mut App) {
    let today = app.today();
    let Mode::Batch(s) = &mut app.mode else {
        return;
    };
    let Some(q) = s.grid.questions.get(s.cols.selected) else {
        return app.say(Tone::Info, "This round robin has no questions: a adds one");
    };
    let targets = s.targets();
    let form = forms::batch_outcome(s.grid.batch, s.grid.regime, q, targets.len(), today);
    s.form = Some(Box::new(form));
}

fn question_form(app: &mut App) {
    let today = app.today();
    let Mode::Batch(s) = &mut app.mode else {
        return;
    };
    let form = forms::batch_question(&s.grid, today);
    s.form = Some(Box::new(form));
}

fn form(app: &mut App, action: Action) {
    let Mode::Batch(s) = &mut app.mode else {
        return;
    };
    let Some(form) = s.form.as_mut() else {
        return;
    };
    match form.edit(action) {
        Some(Action::Cancel) => {
            s.form = None;
            app.say(Tone::Info, "Cancelled: nothing changed");
        }
        Some(Action::Save) => save(app),
        _ => {}
    }
}

fn save(app: &mut App) {
    let Mode::Batch(s) = &mut app.mode else {
        return;
    };
    let Some(form) = s.form.as_mut() else {
        return;
    };
    if let Some((_, first)) = form.problems().into_iter().next() {
        form.tried = true;
        form.error = Some(first);
        return;
    }
    let batch = s.grid.batch;
    let result = if forms::is_batch_outcome(form) {
        let label = s
            .grid
            .questions
            .get(s.cols.selected)
            .map(|q| q.label.clone())
            .unwrap_or_default();
        let (outcome, exemptions, note) = forms::picked_outcome(form);
        let change = OutcomeChange {
            outcome,
            exemptions,
            note: Some(note),
            challenge: None,
        };
        let targets = s.targets();
        app.book
            .set_batch_outcome(batch, &label, &targets, &change)
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
        app.book
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
            if let Mode::Batch(s) = &mut app.mode {
                s.form = None;
                s.marked.clear();
            }
            reload(app);
            app.refresh();
            app.say(Tone::Done, message);
        }
        Err(e) => {
            if let Mode::Batch(s) = &mut app.mode
                && let Some(form) = s.form.as_mut()
            {
                form.error = Some(e.to_string());
            }
        }
    }
}

/// Read the grid again after a change, keeping the selection where it was.
fn reload(app: &mut App) {
    let Mode::Batch(s) = &app.mode else {
        return;
    };
    let (id, rows, cols) = (s.grid.batch, s.rows, s.cols);
    match app.book.batch_grid(id) {
        Ok(grid) => {
            if let Mode::Batch(s) = &mut app.mode {
                s.rows = rows;
                s.cols = cols;
                s.rows.clamp(grid.rows.len());
                s.cols.clamp(grid.questions.len());
                s.grid = grid;
            }
        }
        Err(e) => {
            app.mode = Mode::Normal;
            app.say_error(&e);
        }
    }
}

fn undo(app: &mut App) {
    match app.book.undo() {
        Ok(Some(what)) => {
            reload(app);
            app.refresh();
            app.say(Tone::Done, format!("Undone: {what}"));
        }
        Ok(None) => app.say(Tone::Info, "Nothing to undo"),
        Err(e) => app.say_error(&e),
    }
}

/// Enter: the authority's case, at the selected question.
fn open_case(app: &mut App) {
    let Mode::Batch(s) = &app.mode else {
        return;
    };
    let Some(id) = s.selected_case() else {
        return;
    };
    let label = s
        .grid
        .questions
        .get(s.cols.selected)
        .map(|q| q.label.clone());
    app.mode = Mode::Normal;
    show_case(app, id);
    app.sync_current();
    app.focus = Pane::Case;
    if let (Some(label), Some(v)) = (label, app.selected_view()) {
        let key = crate::domain::normalize_label(&label);
        if let Some(i) = v
            .file
            .questions
            .iter()
            .position(|q| crate::domain::normalize_label(&q.label) == key)
        {
            app.questions.selected = i;
        }
    }
    app.say(
        Tone::Info,
        format!("Case #{id} (b: back to the round robin)"),
    );
}
