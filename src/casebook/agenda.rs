//! The agenda: every live clock of every open case, soonest first, and whose move each
//! is — the requester's (a window of theirs is open, or the authority asked them for a
//! clarification or a fee) or the authority's (a response or a review outcome owed),
//! which becomes a reminder to chase once it is late. A chase reminder, like a reminder
//! that the authority waits for a clarification or a fee, is no statutory deadline, so
//! it can be snoozed until a date; deadlines always stay on the agenda.

use super::{Casebook, Error, Result};
use crate::calendar::{self, Clock, ClockState};
use crate::domain::{CaseFile, Regime};
use chrono::NaiveDate;
use serde::Serialize;

/// Whose move a live clock is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Move {
    /// The requester's: a review, complaint or appeal window is open, or the clock is
    /// stopped until the requester clarifies or pays.
    Yours,
    /// The authority's, not yet late.
    Theirs,
    /// The authority's and late: time to send a reminder.
    Chase,
}

impl Move {
    pub fn as_str(self) -> &'static str {
        match self {
            Move::Yours => "yours",
            Move::Theirs => "theirs",
            Move::Chase => "chase",
        }
    }
}

/// Whether the reminder a clock gives may be snoozed: only one that is no statutory
/// deadline — a late authority to chase, or a clock stopped until the requester
/// clarifies or pays. A requester's own window and an authority's deadline still
/// running always show.
pub fn can_snooze(clock: &Clock) -> bool {
    whose_move(clock) == Move::Chase || clock.state == ClockState::Paused
}

/// Whose move `clock` is (see [`Move`]).
pub fn whose_move(clock: &Clock) -> Move {
    if clock.kind.is_requester_window() || clock.state == ClockState::Paused {
        Move::Yours
    } else if clock.is_overdue() {
        Move::Chase
    } else {
        Move::Theirs
    }
}

/// One line of the agenda: a live clock and its case.
#[derive(Debug, Clone)]
pub struct AgendaLine {
    pub case_id: i64,
    pub title: String,
    pub authority: String,
    pub their_ref: Option<String>,
    pub regime: Regime,
    pub clock: Clock,
    /// Whose move it is.
    pub whose: Move,
    /// The reminder held back until this date (after today): see [`can_snooze`].
    pub snoozed_until: Option<NaiveDate>,
}

impl AgendaLine {
    /// Whether the requester should hear of it now, warned `warn` working days ahead
    /// (on the case's own working-day calendar): a late authority, a clock waiting for
    /// the requester, or anything due that soon; unless snoozed.
    pub fn needs_attention(&self, book: &Casebook, warn: u32) -> bool {
        if self.snoozed_until.is_some() {
            return false;
        }
        if self.clock.state == ClockState::Paused || self.whose == Move::Chase {
            return true;
        }
        let horizon = book
            .calendar
            .get()
            .add_working_days(self.regime, book.today, warn);
        self.clock.due <= horizon
    }
}

impl Casebook {
    /// Every live clock of every open case, soonest (most overdue) first; `within` keeps
    /// those due within that many days of today (overdue ones always).
    pub fn due(&self, within: Option<i64>) -> Result<Vec<AgendaLine>> {
        let limit = within.and_then(|d| self.today.checked_add_signed(chrono::Duration::days(d)));
        let (today, cal) = (self.today, self.calendar.get());
        let snoozes = self.store.snoozes()?;
        // Each case's live clocks, computed on the loader's threads as the case is read.
        let per_case = self.store.map_case_rows(|r| {
            let file = CaseFile {
                case: std::mem::take(&mut r.case),
                questions: Vec::new(),
                events: std::mem::take(&mut r.events),
            };
            let clocks = calendar::clocks(&file, today, cal);
            let open = calendar::status(&file, &clocks).is_open();
            let CaseFile { case, events, .. } = file;
            r.events = events;
            if !open {
                return Vec::new();
            }
            let snoozed = snoozes.get(&case.id).copied().filter(|d| *d > today);
            clocks
                .into_iter()
                .filter(|c| c.is_live() && limit.is_none_or(|l| c.due <= l))
                .map(|c| {
                    let whose = whose_move(&c);
                    AgendaLine {
                        case_id: case.id,
                        title: case.title.clone(),
                        authority: r.authority.to_string(),
                        their_ref: case.their_ref.clone(),
                        regime: case.regime,
                        snoozed_until: snoozed.filter(|_| can_snooze(&c)),
                        whose,
                        clock: c,
                    }
                })
                .collect::<Vec<AgendaLine>>()
        })?;
        let mut rows: Vec<AgendaLine> = per_case.into_iter().flatten().collect();
        rows.sort_by(|a, b| {
            a.clock
                .due
                .cmp(&b.clock.due)
                .then(a.case_id.cmp(&b.case_id))
        });
        Ok(rows)
    }

    /// What needs the requester's attention today, warned `warn` working days ahead:
    /// see [`AgendaLine::needs_attention`].
    pub fn attention(&self, warn: u32) -> Result<Vec<AgendaLine>> {
        let rows = self.due(None)?;
        Ok(rows
            .into_iter()
            .filter(|r| r.needs_attention(self, warn))
            .collect())
    }

    /// Hold back the case's reminders that are no deadline ([`can_snooze`]) until
    /// `until` (after today), or (`None`) bring them back. The deadlines themselves stay
    /// on the agenda.
    pub fn snooze(&mut self, id: i64, until: Option<NaiveDate>) -> Result<()> {
        self.require(id)?;
        if let Some(d) = until
            && d <= self.today
        {
            return Err(Error::user(format!(
                "--until {}: a snooze runs until a day after today ({})",
                crate::domain::dates::long(d),
                crate::domain::dates::long(self.today)
            )));
        }
        Ok(self.store.write(|w| w.set_snooze(id, until))?)
    }

    /// The date the case's reminders are held back until, if that is after today.
    pub fn snoozed_until(&self, id: i64) -> Result<Option<NaiveDate>> {
        Ok(self
            .store
            .snoozes()?
            .get(&id)
            .copied()
            .filter(|d| *d > self.today))
    }
}
