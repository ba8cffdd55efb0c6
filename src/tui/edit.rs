//! The forms and the delete confirmation over the panes: their keys, and what happens
//! when they are saved, cancelled or answered.

use super::action::Action;
use super::effect::{Ctx, DeleteTarget, Effect, Pane, Tone, form_error};
use super::forms::{Form, Target};
use crate::domain::text::inert_line;

/// "Delete this?", waiting for a yes.
pub struct Confirm {
    pub question: String,
    pub target: DeleteTarget,
}

impl Confirm {
    pub fn handle(&mut self, action: Action, ctx: &mut Ctx<'_>) {
        match action {
            Action::Yes => {
                ctx.emit(Effect::Close);
                let res = match &self.target {
                    DeleteTarget::Case(id) => {
                        ctx.book.delete_case(*id).map(|_| format!("case #{id}"))
                    }
                    DeleteTarget::Question { case_id, label } => ctx
                        .book
                        .delete_question(*case_id, label)
                        .map(|_| inert_line(label).into_owned()),
                    DeleteTarget::Event { case_id, event_id } => {
                        ctx.book.delete_event(*case_id, *event_id).map(|n| match n {
                            0 => "the event".to_string(),
                            1 => "the event; kept its original".to_string(),
                            n => format!("the event; kept its {n} originals"),
                        })
                    }
                };
                match res {
                    Ok(what) => {
                        ctx.emit(Effect::Refresh);
                        ctx.emit(Effect::LeaveEmptyPane);
                        ctx.say(Tone::Done, format!("Deleted {what} (u undoes)"));
                    }
                    Err(e) => ctx.say_error(&e),
                }
            }
            Action::No => {
                ctx.emit(Effect::Close);
                ctx.say(Tone::Info, "Kept: nothing deleted");
            }
            _ => {}
        }
    }
}

/// Keys in a form over the panes (a case, a question, an event, an outcome).
pub fn form_keys(form: &mut Form, action: Action, ctx: &mut Ctx<'_>) {
    match form.edit(action) {
        Some(Action::Cancel) => {
            ctx.emit(Effect::Close);
            ctx.say(Tone::Info, "Cancelled: nothing changed");
        }
        Some(Action::Save) => save(form, ctx),
        _ => {}
    }
}

fn save(form: &mut Form, ctx: &mut Ctx<'_>) {
    match form.save(ctx.book) {
        Ok(saved) => {
            ctx.emit(Effect::Close);
            ctx.emit(Effect::Refresh);
            if let Some(id) = saved.case_id {
                ctx.emit(Effect::ShowCase(id));
            }
            after_save(&form.target, ctx);
            ctx.say(Tone::Done, saved.message);
        }
        Err(e) => form.error = Some(form_error(ctx, &e)),
    }
}

/// Put the focus where the user will look next.
fn after_save(target: &Target, ctx: &mut Ctx<'_>) {
    match target {
        Target::AddCase => {
            ctx.emit(Effect::Focus(Pane::Cases));
            ctx.emit(Effect::ResetDetails);
        }
        Target::AddQuestion(_) => {
            ctx.emit(Effect::Focus(Pane::Case));
            ctx.emit(Effect::LastQuestion);
        }
        Target::AddEvent(_) | Target::EditEvent { .. } => ctx.emit(Effect::Focus(Pane::Timeline)),
        Target::EditQuestion { .. } | Target::Outcome { .. } => ctx.emit(Effect::Focus(Pane::Case)),
        Target::EditCase(_)
        | Target::ImportLetter
        | Target::ImportQuestion(_)
        | Target::BatchOutcome(_)
        | Target::BatchQuestion(_) => {}
    }
}
