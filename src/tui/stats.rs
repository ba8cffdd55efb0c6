//! `S`: statistics per authority — how often it answers on time, how long it takes, what
//! it does with questions, which exemptions it cites, how reviews go. Counted from every
//! case, so the count runs after a frame that says so.

use super::action::Action;
use super::app::{App, Job, Mode, Tone};
use super::progress::Progress;
use crate::casebook::{AuthorityStats, Stats, Watch};

pub struct StatsView {
    pub stats: Stats,
    /// The authority shown in detail: an index into `rows()`.
    pub selected: usize,
}

impl StatsView {
    /// The authorities, then all of them together when there are several.
    pub fn rows(&self) -> Vec<&AuthorityStats> {
        let mut rows: Vec<&AuthorityStats> = self.stats.authorities.iter().collect();
        if rows.len() > 1 {
            rows.push(&self.stats.overall);
        }
        rows
    }

    pub fn current(&self) -> Option<&AuthorityStats> {
        self.rows().get(self.selected).copied()
    }
}

/// `S`: say that counting is under way; the count runs once that frame is drawn.
pub fn start(app: &mut App) {
    if app.is_empty() {
        return app.say(Tone::Info, "No cases yet: nothing to count");
    }
    app.mode = Mode::Busy("Counting…".into());
    app.job = Some(Job::Stats);
}

pub fn count(app: &mut App, progress: &Progress<'_>) {
    app.mode = Mode::Normal;
    let report =
        |done, total| progress.report("Counting the statistics", "back to the list", done, total);
    let watch = Watch {
        progress: &report,
        stop: &progress.stop,
    };
    match app.book.stats_watched(None, watch) {
        Ok(stats) => {
            app.status = None;
            app.mode = Mode::Stats(Box::new(StatsView { stats, selected: 0 }));
        }
        Err(e) => app.say_error(&e),
    }
}

pub fn stats(app: &mut App, action: Action) {
    let Mode::Stats(s) = &mut app.mode else {
        return;
    };
    let n = s.rows().len();
    match action {
        Action::Down | Action::ScrollDown { .. } => {
            s.selected = (s.selected + 1).min(n.saturating_sub(1))
        }
        Action::Up | Action::ScrollUp { .. } => s.selected = s.selected.saturating_sub(1),
        Action::Top => s.selected = 0,
        Action::Bottom => s.selected = n.saturating_sub(1),
        Action::Close => app.mode = Mode::Normal,
        _ => {}
    }
}
