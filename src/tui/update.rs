//! The entry points of the UI's loop: a key's action applied to the app, the work that
//! waited for a frame, the scroll kept in view. The app does the work (`app::update`,
//! `app::apply`); these are what the event loop and the tests call.

use super::action::Action;
use super::app::App;
use super::progress::Progress;

/// Apply `action`: the screen open over the panes handles it, else the panes do.
pub fn update(app: &mut App, action: Action) {
    app.update(action);
}

/// Run the work that waited for a frame saying it is under way (the event loop calls
/// this right after drawing).
pub fn run_job(app: &mut App) {
    run_job_with(app, &Progress::none());
}

/// [`run_job`], reporting how far it is to `progress` (a gauge on screen) and stopping
/// when that says so.
pub fn run_job_with(app: &mut App, progress: &Progress<'_>) {
    app.run_job(progress);
}

/// Keep every selection in view after the state changed or the screen was resized.
pub fn sync_scroll(app: &mut App) {
    app.sync_scroll();
}
