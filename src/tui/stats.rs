//! `S`: statistics per authority — how often it answers on time, how long it takes, what
//! it does with questions, which exemptions it cites, how reviews go. Counted from every
//! case, so the count runs after a frame that says so.

use super::action::Action;
use super::effect::{Ctx, Effect};
use super::progress::Progress;
use crate::casebook::{AuthorityStats, Casebook, Error, Stats, Watch};

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

/// Count the statistics of every case (the work after the "Counting…" frame).
pub fn count(book: &Casebook, progress: &Progress<'_>) -> Result<StatsView, Error> {
    let report =
        |done, total| progress.report("Counting the statistics", "back to the list", done, total);
    let watch = Watch {
        progress: &report,
        stop: &progress.stop,
    };
    let stats = book.stats_watched(None, watch)?;
    Ok(StatsView { stats, selected: 0 })
}

impl StatsView {
    pub fn handle(&mut self, action: Action, ctx: &mut Ctx<'_>) {
        let n = self.rows().len();
        match action {
            Action::Down | Action::ScrollDown { .. } => {
                self.selected = (self.selected + 1).min(n.saturating_sub(1))
            }
            Action::Up | Action::ScrollUp { .. } => self.selected = self.selected.saturating_sub(1),
            Action::Top => self.selected = 0,
            Action::Bottom => self.selected = n.saturating_sub(1),
            Action::Close => ctx.emit(Effect::Close),
            _ => {}
        }
    }
}
