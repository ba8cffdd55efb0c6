//! Opening forms and confirmations from the panes, and what happens when they are saved,
//! cancelled or answered.

use super::action::Action;
use super::app::{App, Confirm, DeleteTarget, Mode, Pane, Tone};
use super::forms::{self, Form, Target};
use super::update::show_case;
use crate::casebook::Error;
use crate::domain::text::inert_line;
use crate::present::fit;

fn open(app: &mut App, form: Form) {
    app.mode = Mode::Form(Box::new(form));
}

/// `a`: a case in the list (or on the welcome screen), a question in the case pane, an
/// event in the timeline.
pub fn add(app: &mut App) {
    let today = app.today();
    let form = match (app.focus, app.selected_view()) {
        (Pane::Case, Some(v)) => forms::add_question(v, today),
        (Pane::Timeline, Some(v)) => forms::add_event(v, today),
        _ => forms::add_case(today),
    };
    open(app, form);
}

/// `e`: the selected case, question or event.
pub fn edit(app: &mut App) {
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

pub fn edit_case(app: &mut App) {
    let today = app.today();
    match app.selected_view().map(|v| forms::edit_case(v, today)) {
        Some(f) => open(app, f),
        None => app.say(Tone::Info, "No case selected: a adds one"),
    }
}

/// `o`: the selected question's outcome (from the list, the case's selected question).
pub fn outcome(app: &mut App) {
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
pub fn ask_delete(app: &mut App) {
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

pub fn confirm(app: &mut App, action: Action) {
    let Mode::Confirm(c) = &app.mode else {
        return;
    };
    let target = c.target.clone();
    match action {
        Action::Yes => {
            app.mode = Mode::Normal;
            let res = match &target {
                DeleteTarget::Case(id) => app.book.delete_case(*id).map(|_| format!("case #{id}")),
                DeleteTarget::Question { case_id, label } => app
                    .book
                    .delete_question(*case_id, label)
                    .map(|_| inert_line(label).into_owned()),
                DeleteTarget::Event { case_id, event_id } => {
                    app.book.delete_event(*case_id, *event_id).map(|n| match n {
                        0 => "the event".to_string(),
                        1 => "the event; kept its original".to_string(),
                        n => format!("the event; kept its {n} originals"),
                    })
                }
            };
            match res {
                Ok(what) => {
                    app.refresh();
                    if app.selected_view().is_none() {
                        app.focus = Pane::Cases;
                    }
                    app.say(Tone::Done, format!("Deleted {what} (u undoes)"));
                }
                Err(e) => app.say_error(&e),
            }
        }
        Action::No => {
            app.mode = Mode::Normal;
            app.say(Tone::Info, "Kept: nothing deleted");
        }
        _ => {}
    }
}

pub fn form(app: &mut App, action: Action) {
    let Mode::Form(form) = &mut app.mode else {
        return;
    };
    match form.edit(action) {
        Some(Action::Cancel) => {
            app.mode = Mode::Normal;
            app.say(Tone::Info, "Cancelled: nothing changed");
        }
        Some(Action::Save) => save(app),
        _ => {}
    }
}

fn save(app: &mut App) {
    let Mode::Form(form) = &mut app.mode else {
        return;
    };
    match form.save(&mut app.book) {
        Ok(saved) => {
            let target = form.target.clone();
            app.mode = Mode::Normal;
            app.refresh();
            if let Some(id) = saved.case_id {
                show_case(app, id);
            }
            after_save(app, &target);
            app.say(Tone::Done, saved.message);
        }
        Err(e) => {
            let msg = match &e {
                Error::User(m) => m.clone(),
                Error::Store(s) => format!("not saved: {s}"),
                Error::Terminal(_) => e.to_string(),
            };
            form.error = Some(msg);
            if let Error::Store(_) = e {
                app.say_error(&e);
            }
        }
    }
}

/// Put the focus where the user will look next.
fn after_save(app: &mut App, target: &Target) {
    match target {
        Target::AddCase => {
            app.focus = Pane::Cases;
            app.reset_details();
        }
        Target::AddQuestion(_) => {
            app.focus = Pane::Case;
            let n = app.selected_view().map_or(0, |v| v.file.questions.len());
            app.questions.bottom(n);
        }
        Target::AddEvent(_) | Target::EditEvent { .. } => app.focus = Pane::Timeline,
        Target::EditQuestion { .. } | Target::Outcome { .. } => app.focus = Pane::Case,
        Target::EditCase(_)
        | Target::ImportLetter
        | Target::ImportQuestion(_)
        | Target::BatchOutcome(_)
        | Target::BatchQuestion(_) => {}
    }
}
