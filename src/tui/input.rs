//! Turning terminal events into actions: keys through the key map of the context that
//! has the keyboard, text into the field being typed in, the mouse by position.

use super::action::Action;
use super::app::{App, Mode};
use super::effect::Pane;
use super::forms::Form;
use super::keymap::{Context, lookup};
use ratatui::crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};

/// The key map contexts in force, most specific first.
pub fn contexts(app: &App) -> Vec<Context> {
    match app.mode() {
        Mode::Normal if app.is_empty() => vec![Context::Welcome, Context::Global],
        Mode::Normal => {
            let pane = match app.focus() {
                Pane::Cases => Context::Cases,
                Pane::Case => Context::Case,
                Pane::Timeline => Context::Timeline,
            };
            vec![pane, Context::Movement, Context::Global]
        }
        Mode::Search if app.finding() => vec![Context::Find],
        Mode::Search | Mode::Jump(_) => vec![Context::Prompt],
        Mode::Help(_) => vec![Context::Help],
        Mode::Confirm(_) => vec![Context::Confirm],
        Mode::Form(form) => form_contexts(form),
        Mode::Path(_) => vec![Context::Path],
        Mode::Import(r) => match &r.sub {
            Some(form) => form_contexts(form),
            None if r.in_questions => vec![Context::ImportQuestions],
            None => form_contexts(&r.form),
        },
        Mode::ImportFile(_) => vec![Context::ImportFile],
        Mode::Letter(d) if d.overwrite.is_some() => vec![Context::Overwrite],
        Mode::Letter(d) if d.prompt.is_some() => vec![Context::WritePath],
        Mode::Letter(_) => vec![Context::Letter],
        Mode::Hits(_) => vec![Context::Hits],
        Mode::Stats(_) => vec![Context::Stats],
        Mode::Agenda(_) => vec![Context::Agenda],
        Mode::Batches(_) => vec![Context::BatchList],
        Mode::Batch(s) => match &s.form {
            Some(form) => form_contexts(form),
            None => vec![Context::Batch],
        },
        Mode::Busy(_) => vec![Context::Busy],
    }
}

fn form_contexts(form: &Form) -> Vec<Context> {
    if form.picker_open() && !form.focused().is_some_and(|f| f.matches().is_empty()) {
        vec![Context::Picker, Context::Form]
    } else if form.focused().is_some_and(|f| f.is_choice()) {
        vec![Context::Choice, Context::Form]
    } else {
        vec![Context::Form]
    }
}

/// Whether keys the map does not bind are typed into a text field.
fn typing(app: &App) -> bool {
    match app.mode() {
        Mode::Search | Mode::Jump(_) => true,
        Mode::Form(form) => form.focused().is_some_and(|f| f.input().is_some()),
        Mode::Path(_) => true,
        Mode::Import(r) => match &r.sub {
            Some(form) => form.focused().is_some_and(|f| f.input().is_some()),
            None => !r.in_questions && r.form.focused().is_some_and(|f| f.input().is_some()),
        },
        Mode::Letter(d) => d.prompt.is_some() && d.overwrite.is_none(),
        Mode::Batch(s) => s
            .form
            .as_ref()
            .is_some_and(|form| form.focused().is_some_and(|f| f.input().is_some())),
        _ => false,
    }
}

pub fn translate(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            lookup(&contexts(app), &key).or_else(|| typing(app).then_some(Action::Type(key)))
        }
        Event::Paste(text) if typing(app) => Some(Action::Paste(text)),
        Event::Mouse(m) => {
            let (column, row) = (m.column, m.row);
            match m.kind {
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
                MouseEventKind::ScrollUp => Some(Action::ScrollUp { column, row }),
                MouseEventKind::ScrollDown => Some(Action::ScrollDown { column, row }),
                _ => None,
            }
        }
        Event::Resize(..) => Some(Action::Resize),
        _ => None,
    }
}
