//! What the panes' keys open over them: the forms, the delete confirmation, the written
//! letters, the import, the agenda, the statistics and the round robins, each from the
//! selected case and pane.

use super::apply::with_ctx;
use super::{App, Job, Mode};
use crate::casebook::LetterKind;
use crate::present::fit;
use crate::tui::agenda::{self, Agenda};
use crate::tui::batch_view::{BatchList, BatchScreen};
use crate::tui::edit::Confirm;
use crate::tui::effect::{DeleteTarget, Pane, Tone};
use crate::tui::forms::{self, Form};
use crate::tui::letter::LetterOverlay;
use crate::tui::prompt::{PathFor, PathPrompt};

fn open(app: &mut App, form: Form) {
    app.mode = Mode::Form(Box::new(form));
}

/// `a`: a case in the list (or on the welcome screen), a question in the case pane, an
/// event in the timeline.
pub(super) fn add(app: &mut App) {
    let today = app.today();
    let form = match (app.focus, app.selected_view()) {
        (Pane::Case, Some(v)) => forms::add_question(v, today),
        (Pane::Timeline, Some(v)) => forms::add_event(v, today),
        _ => forms::add_case(today),
    };
    open(app, form);
}

/// `e`: the selected case, question or event.
pub(super) fn edit(app: &mut App) {
    let today = app.today();
    let form = match app.focus {
        Pane::Cases => app.selected_view().map(|v| forms::edit_case(v, today)),
        Pane::Case => match (app.selected_view(), app.selected_question()) {
            (Some(v), Some(q)) => Some(forms::edit_question(v, q, today)),
            _ => return app.say(Tone::Info, "No question selected: a adds one"),
        },
        Pane::Timeline => match (app.selected_view(), app.selected_event()) {
            (Some(v), Some(e)) => Some(forms::edit_event(v, e, today)),
            _ => return app.say(Tone::Info, "No event selected: a records one"),
        },
    };
    match form {
        Some(f) => open(app, f),
        None => app.say(Tone::Info, "No case selected: a adds one"),
    }
}

pub(super) fn edit_case(app: &mut App) {
    let today = app.today();
    match app.selected_view().map(|v| forms::edit_case(v, today)) {
        Some(f) => open(app, f),
        None => app.say(Tone::Info, "No case selected: a adds one"),
    }
}

/// `o`: the selected question's outcome (from the list, the case's selected question).
pub(super) fn outcome(app: &mut App) {
    let today = app.today();
    let Some(v) = app.selected_view() else {
        return app.say(Tone::Info, "No case selected: a adds one");
    };
    let Some(q) = app.selected_question() else {
        return app.say(
            Tone::Info,
            "This case has no questions yet: a in the case pane adds one",
        );
    };
    let form = forms::set_outcome(v, q, today);
    app.focus = Pane::Case;
    open(app, form);
}

/// `x`: ask before deleting the selected case, question or event.
pub(super) fn ask_delete(app: &mut App) {
    let Some(v) = app.selected_view() else {
        return app.say(Tone::Info, "Nothing selected to delete");
    };
    let c = &v.file.case;
    let confirm = match app.focus {
        Pane::Cases => Confirm {
            question: format!(
                "Delete case #{} “{}” with its {} and {}?",
                c.id,
                fit(&c.title, 60),
                crate::present::plural(v.file.questions.len(), "question", "questions"),
                crate::present::plural(v.file.events.len(), "event", "events")
            ),
            target: DeleteTarget::Case(c.id),
        },
        Pane::Case => match app.selected_question() {
            Some(q) => Confirm {
                question: format!("Delete {} from case #{}?", fit(&q.label, 30), c.id),
                target: DeleteTarget::Question {
                    case_id: c.id,
                    label: q.label.clone(),
                },
            },
            None => return app.say(Tone::Info, "No question selected"),
        },
        Pane::Timeline => match app.selected_event() {
            Some(e) => Confirm {
                question: format!(
                    "Delete the {} event of {} from case #{}?{}",
                    e.kind.describe_in(c.regime).to_lowercase(),
                    crate::domain::dates::long(e.date),
                    c.id,
                    match app.book.originals_on_event(c.id, e.id) {
                        Ok(0) | Err(_) => String::new(),
                        Ok(1) => " Its original stays with the case.".into(),
                        Ok(n) => format!(" Its {n} originals stay with the case."),
                    }
                ),
                target: DeleteTarget::Event {
                    case_id: c.id,
                    event_id: e.id,
                },
            },
            None => return app.say(Tone::Info, "No event selected"),
        },
    };
    app.mode = Mode::Confirm(confirm);
}

/// `r`: write the review request for the selected case.
pub(super) fn review_letter(app: &mut App) {
    let Some(id) = app.selected_id() else {
        return app.say(
            Tone::Info,
            "No case selected: a adds one, i imports a letter",
        );
    };
    letter(app, id, LetterKind::Review);
}

/// `c`: the chaser for the selected case.
pub(super) fn chaser(app: &mut App) {
    match app.selected_id() {
        Some(id) => letter(app, id, LetterKind::Chaser),
        None => app.say(Tone::Info, "No case selected"),
    }
}

fn letter(app: &mut App, id: i64, kind: LetterKind) {
    if let Some(d) = with_ctx(app, |ctx| LetterOverlay::open(ctx, id, kind)) {
        app.mode = Mode::Letter(Box::new(d));
    }
}

/// `z`: snooze the selected case's reminders.
pub(super) fn snooze(app: &mut App) {
    match app.selected_id() {
        Some(id) => with_ctx(app, |ctx| agenda::snooze(ctx, id)),
        None => app.say(Tone::Info, "No case selected"),
    }
}

/// `i`: ask for the file.
pub(super) fn import(app: &mut App) {
    app.mode = Mode::Path(Box::new(PathPrompt::new(PathFor::Import, "")));
}

/// `S`: say that counting is under way; the count runs once that frame is drawn.
pub(super) fn stats(app: &mut App) {
    if app.is_empty() {
        return app.say(Tone::Info, "No cases yet: nothing to count");
    }
    app.mode = Mode::Busy("Counting…".into());
    app.job = Some(Job::Stats);
}

/// `A`: the agenda.
pub(super) fn agenda(app: &mut App) {
    if let Some(a) = with_ctx(app, Agenda::open) {
        app.mode = Mode::Agenda(Box::new(a));
    }
}

/// `b`: the grid of the selected case's batch, or the list when it is in none.
pub(super) fn batch(app: &mut App) {
    let Some(b) = app.selected_view().and_then(|v| v.file.case.batch.clone()) else {
        return batches(app);
    };
    let case = app.selected_id();
    if let Some(s) = with_ctx(app, |ctx| BatchScreen::open(ctx, b.id, case)) {
        app.mode = Mode::Batch(Box::new(s));
    }
}

/// `B`: the list of batches.
pub(super) fn batches(app: &mut App) {
    if let Some(l) = with_ctx(app, BatchList::open) {
        app.mode = Mode::Batches(Box::new(l));
    }
}
