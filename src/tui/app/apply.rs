//! The screens' side of `update`: a key goes to the screen open over the panes with a
//! [`Ctx`], and the effects it asked for are applied here, in order — the one place a
//! screen's wish becomes a change of the app's state. Work that wants a frame first
//! (reading a file, an import, the statistics) runs here too.

use super::update::{show_case, start_find, sync_scroll};
use super::{App, Job, Mode};
use crate::domain::normalize_label;
use crate::tui::action::Action;
use crate::tui::batch_view::BatchScreen;
use crate::tui::effect::{Ctx, Effect, Open, Pane, Work};
use crate::tui::import;
use crate::tui::import_file::{self, Opened};
use crate::tui::letter::LetterOverlay;
use crate::tui::progress::Progress;
use crate::tui::stats;

/// Run `f` with a [`Ctx`] over the app's casebook, then apply the effects it asked for.
pub(super) fn with_ctx<R>(app: &mut App, f: impl FnOnce(&mut Ctx<'_>) -> R) -> R {
    let (screen, main) = (app.screen, app.areas().main);
    let mut ctx = Ctx::new(&mut app.book, screen, main);
    let out = f(&mut ctx);
    let effects = ctx.effects();
    apply(app, effects);
    out
}

/// A key for the screen open over the panes.
pub(super) fn screen_keys(app: &mut App, action: Action) {
    let (screen, main) = (app.screen, app.areas().main);
    let mut ctx = Ctx::new(&mut app.book, screen, main);
    match &mut app.mode {
        Mode::Jump(j) => j.handle(action, &mut ctx),
        Mode::Help(h) => h.handle(action, &mut ctx),
        Mode::Confirm(c) => c.handle(action, &mut ctx),
        Mode::Form(form) => crate::tui::edit::form_keys(form, action, &mut ctx),
        Mode::Path(prompt) => import::path_keys(prompt, action, &mut ctx),
        Mode::Import(r) => r.handle(action, &mut ctx),
        Mode::ImportFile(f) => f.handle(action, &mut ctx),
        Mode::Letter(d) => d.handle(action, &mut ctx),
        Mode::Hits(h) => h.handle(action, &mut ctx),
        Mode::Stats(s) => s.handle(action, &mut ctx),
        Mode::Agenda(a) => a.handle(action, &mut ctx),
        Mode::Batches(l) => l.handle(action, &mut ctx),
        Mode::Batch(s) => s.handle(action, &mut ctx),
        Mode::Normal | Mode::Search | Mode::Busy(_) => {}
    }
    let effects = ctx.effects();
    apply(app, effects);
}

/// Apply the effects a screen asked for, in order.
pub(super) fn apply(app: &mut App, effects: Vec<Effect>) {
    for effect in effects {
        match effect {
            Effect::Say(tone, text) => app.say(tone, text),
            Effect::Hush => app.status = None,
            Effect::Close => app.mode = Mode::Normal,
            Effect::Open(what) => open(app, what),
            Effect::Refresh => app.refresh(),
            Effect::ShowCase(id) => show_case(app, id),
            Effect::Focus(pane) => app.focus = pane,
            Effect::SelectQuestion(label) => select_question(app, &label),
            Effect::SelectEvent(id) => {
                app.sync_current();
                if let Some(pos) = app
                    .selected_view()
                    .and_then(|v| v.file.events.iter().position(|e| e.id == id))
                {
                    app.events.selected = pos;
                }
            }
            Effect::LastQuestion => {
                let n = app.selected_view().map_or(0, |v| v.file.questions.len());
                app.questions.bottom(n);
            }
            Effect::ResetDetails => app.reset_details(),
            Effect::LeaveEmptyPane => {
                if app.selected_view().is_none() {
                    app.focus = Pane::Cases;
                }
            }
            Effect::ToTerminal(bytes) => app.to_terminal = bytes,
            Effect::Busy(message, work) => busy(app, message, work),
        }
    }
}

/// Select the selected case's question with this label (as labels compare).
fn select_question(app: &mut App, label: &str) {
    app.sync_current();
    let key = normalize_label(label);
    if let Some(i) = app.selected_view().and_then(|v| {
        v.file
            .questions
            .iter()
            .position(|q| normalize_label(&q.label) == key)
    }) {
        app.questions.selected = i;
    }
}

/// Open the screen one screen asked for in its place.
fn open(app: &mut App, what: Open) {
    match what {
        Open::Letter { case_id, kind } => {
            if let Some(d) = with_ctx(app, |ctx| LetterOverlay::open(ctx, case_id, kind)) {
                app.mode = Mode::Letter(Box::new(d));
            }
        }
        Open::Batch { id, case } => {
            if let Some(s) = with_ctx(app, |ctx| BatchScreen::open(ctx, id, case)) {
                app.mode = Mode::Batch(Box::new(s));
            }
        }
        Open::Find => start_find(app),
    }
}

/// Put up the frame saying `message`; the work runs once it is drawn, with what it
/// needs taken from the screen that asked.
fn busy(app: &mut App, message: String, work: Work) {
    let job = match (work, std::mem::replace(&mut app.mode, Mode::Normal)) {
        (Work::ReadFile, Mode::Path(prompt)) => Job::OpenFile(prompt),
        (Work::ImportFile, Mode::ImportFile(f)) => Job::ImportFile(f),
        (Work::CountStats, _) => Job::Stats,
        // Asked for by a screen that holds nothing for it: nothing to do.
        (_, mode) => {
            app.mode = mode;
            return;
        }
    };
    app.mode = Mode::Busy(message);
    app.job = Some(job);
}

/// Run the work that waited for a frame saying it is under way, reporting how far it
/// is to `progress` (a gauge on screen) and stopping when that says so.
pub(super) fn run_job(app: &mut App, progress: &Progress<'_>) {
    let Some(job) = app.job.take() else {
        return;
    };
    app.mode = Mode::Normal;
    match job {
        Job::OpenFile(prompt) => open_file(app, prompt, progress),
        Job::ImportFile(f) => with_ctx(app, |ctx| f.import(ctx, progress)),
        Job::Stats => match stats::count(&app.book, progress) {
            Ok(view) => {
                app.status = None;
                app.mode = Mode::Stats(Box::new(view));
            }
            Err(e) => app.say_error(&e),
        },
    }
    app.sync_current();
    sync_scroll(app);
}

/// Read the file the prompt names and go on by its format; back to the prompt, saying
/// why, when it cannot be read.
fn open_file(
    app: &mut App,
    mut prompt: Box<crate::tui::prompt::PathPrompt>,
    progress: &Progress<'_>,
) {
    let path = prompt.path();
    let name = prompt.text().trim().to_string();
    match import_file::read(&mut app.book, &path, &name, progress) {
        Ok(Opened::Letter(review)) => {
            app.status = None;
            app.mode = Mode::Import(review);
        }
        Ok(Opened::File(file)) => {
            app.status = None;
            app.mode = Mode::ImportFile(file);
        }
        Err(e) => {
            prompt.error = Some(match e {
                crate::casebook::Error::User(m) => m,
                e => e.to_string(),
            });
            app.mode = Mode::Path(prompt);
        }
    }
}
