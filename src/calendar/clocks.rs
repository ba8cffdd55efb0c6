//! The clocks of a case, derived from its timeline; the status and the clock that
//! matters now. Each stage lives in its own file: `response.rs` (the authority's
//! answer), `windows.rs` (review, Commissioner, Tribunal).

use super::basis::Basis;
use super::clock::{Clock, ClockKind, ClockState, Unit};
use super::workdays::{Calendar, Which};
use super::{response, windows};
use crate::domain::{CaseFile, CaseStatus, Event, EventKind, Regime};
use chrono::NaiveDate;

/// What every stage needs: the calendar, the regime and today.
pub(crate) struct Ctx<'a> {
    pub cal: &'a Calendar,
    pub regime: Regime,
    pub which: Which,
    pub today: NaiveDate,
    /// The case was closed or withdrawn on this date (and not taken up again since).
    pub ended: Option<(NaiveDate, EventKind)>,
    /// Write the basis lines (off for `clocks_brief`).
    pub explain: bool,
}

/// A clock before its state is settled.
pub(crate) struct ClockParts {
    pub kind: ClockKind,
    pub start: NaiveDate,
    pub due: NaiveDate,
    pub unit: Unit,
    pub basis: Basis,
    /// The date of the event that closes it.
    pub closed: Option<NaiveDate>,
    /// How the basis names that event ("answered", "review requested").
    pub closer: &'static str,
    /// For a requester's window that lapses: what never came ("review request").
    pub missing: &'static str,
    /// Stopped (clarification, fee): the units left when it resumes.
    pub paused_left: Option<i64>,
    /// FOIA's 40-working-day outer limit, past which a running clock is very overdue,
    /// and what to add to the basis then.
    pub outer: Option<(NaiveDate, &'static str)>,
    /// The deadline passed before the authority's notice came (a late extension or
    /// clarification request): missed for good, and overdue until the closing event.
    pub breached: bool,
    /// The date a late notice promised, shown as a promise beside the missed deadline.
    pub promised: Option<NaiveDate>,
    /// The window's limit is the regulator's practice, not law: past it the step is
    /// late, not lost, and this says why.
    pub practice: Option<&'static str>,
}

impl ClockParts {
    pub fn new(
        kind: ClockKind,
        start: NaiveDate,
        due: NaiveDate,
        unit: Unit,
        basis: Basis,
    ) -> ClockParts {
        ClockParts {
            kind,
            start,
            due,
            unit,
            basis,
            closed: None,
            closer: "",
            missing: "",
            paused_left: None,
            outer: None,
            breached: false,
            promised: None,
            practice: None,
        }
    }
}

impl Ctx<'_> {
    pub fn add(&self, from: NaiveDate, n: u32) -> NaiveDate {
        self.cal.add(self.which, from, n)
    }

    /// Signed distance from `a` to `b` in `unit`. In working days, a date strictly
    /// before or after counts at least one (a Saturday after a Friday deadline is late).
    pub fn diff(&self, unit: Unit, a: NaiveDate, b: NaiveDate) -> i64 {
        match unit {
            Unit::Days => (b - a).num_days(),
            Unit::WorkingDays => {
                let v = self.cal.between(self.which, a, b);
                match a.cmp(&b) {
                    std::cmp::Ordering::Less => v.max(1),
                    std::cmp::Ordering::Equal => 0,
                    std::cmp::Ordering::Greater => v.min(-1),
                }
            }
        }
    }

    /// The state of a clock its event closed on `x`: met, missed, or late (a limit set
    /// by practice), with the outcome added to the basis.
    fn closed_on(&self, d: &ClockParts, x: NaiveDate, b: &mut Basis) -> (ClockState, i64) {
        let window = d.kind.is_requester_window();
        let working = d.unit == Unit::WorkingDays;
        let left = self.diff(d.unit, x, d.due);
        b.text("; ").text(d.closer).text(" ").long(x);
        if x <= d.due && !d.breached {
            if window {
                b.text(", in time");
            } else if left == 0 {
                b.text(", on the due day");
            } else {
                b.text(", ")
                    .count(left.unsigned_abs(), working)
                    .text(" early");
            }
            return (ClockState::Met, left);
        }
        b.text(", ")
            .count(left.unsigned_abs(), working)
            .text(if window {
                " after the window closed"
            } else {
                " late"
            });
        match d.practice {
            Some(note) => {
                b.text(note);
                (ClockState::Late, left)
            }
            None => (ClockState::Missed, left),
        }
    }

    /// Settle the parts' state and days left against its closing event, the case's
    /// closure and today, and finish its basis with the outcome.
    pub fn finish(&self, mut d: ClockParts) -> Clock {
        let window = d.kind.is_requester_window();
        let mut b = std::mem::replace(&mut d.basis, Basis::new(false));
        let mut very_overdue = false;
        let mut awaited = false;
        let (state, days_left) = if let Some(x) = d.closed {
            self.closed_on(&d, x, &mut b)
        } else if d.start > self.today {
            (ClockState::NotStarted, self.diff(d.unit, self.today, d.due))
        } else if let Some((end, kind)) = self.ended {
            b.text(if kind == EventKind::Withdrawn {
                "; request withdrawn "
            } else {
                "; case closed "
            })
            .long(end);
            let left = self.diff(d.unit, end, d.due);
            if !window && end > d.due {
                (ClockState::Missed, left)
            } else {
                (ClockState::Lapsed, left)
            }
        } else if let Some(left) = d.paused_left {
            (ClockState::Paused, left)
        } else {
            let left = self.diff(d.unit, self.today, d.due);
            if window && left < 0 {
                b.text("; passed with no ").text(d.missing);
                match d.practice {
                    Some(note) => {
                        b.text(note);
                        (ClockState::Late, left)
                    }
                    None => (ClockState::Lapsed, left),
                }
            } else {
                if let Some((outer, note)) = d.outer
                    && left < 0
                    && self.today > outer
                {
                    very_overdue = true;
                    b.text("; very overdue: past 40 working days in all (")
                        .long(outer)
                        .text(")")
                        .text(note);
                }
                if d.breached && left < 0 {
                    awaited = true;
                    (ClockState::Missed, left)
                } else {
                    (ClockState::Running, left)
                }
            }
        };
        Clock {
            kind: d.kind,
            start: d.start,
            due: d.due,
            state,
            days_left,
            unit: d.unit,
            basis: b.into_string(),
            very_overdue,
            promised: d.promised,
            awaited,
            closed: d.closed,
        }
    }
}

/// The first event of `kind` on or after `from`.
pub(crate) fn first_from(events: &[Event], kind: EventKind, from: NaiveDate) -> Option<NaiveDate> {
    events
        .iter()
        .find(|e| e.kind == kind && e.date >= from)
        .map(|e| e.date)
}

/// The latest event of `kind`.
pub(crate) fn last(events: &[Event], kind: EventKind) -> Option<&Event> {
    events.iter().rev().find(|e| e.kind == kind)
}

/// When the case was closed or withdrawn, if a later step has not taken it up again
/// (the same reading `CaseStatus::derive` makes of the timeline).
fn ended(events: &[Event]) -> Option<(NaiveDate, EventKind)> {
    let mut ended = None;
    for e in events {
        match e.kind {
            EventKind::Closed | EventKind::Withdrawn => ended = Some((e.date, e.kind)),
            EventKind::ClarificationRequested
            | EventKind::Response
            | EventKind::ReviewRequested
            | EventKind::ReviewResponse
            | EventKind::IcoComplaint
            | EventKind::IcoDecision
            | EventKind::TribunalAppeal => ended = None,
            _ => {}
        }
    }
    ended
}

/// Every clock the case has started, in the order the stages run: response, extended
/// response, review request, review response, Commissioner, Tribunal. A draft (no
/// date sent or received) has none. Events are expected in timeline order; any other
/// order is sorted by date first.
pub fn clocks(file: &CaseFile, today: NaiveDate, cal: &Calendar) -> Vec<Clock> {
    compute(file, today, cal, true)
}

/// The same clocks, states and days left as [`clocks`], with an empty `basis`: for
/// lists, sorting and status over many cases (several times faster, nothing
/// allocated per clock). Show a clock's dates with the basis from [`clocks`].
pub fn clocks_brief(file: &CaseFile, today: NaiveDate, cal: &Calendar) -> Vec<Clock> {
    compute(file, today, cal, false)
}

fn compute(file: &CaseFile, today: NaiveDate, cal: &Calendar, explain: bool) -> Vec<Clock> {
    let Some(received) = file.case.received_or_sent() else {
        return Vec::new();
    };
    let sorted;
    let events: &[Event] = if file.events.is_sorted_by_key(|e| e.date) {
        &file.events
    } else {
        let mut v = file.events.clone();
        v.sort_by_key(|e| e.date);
        sorted = v;
        &sorted
    };
    let regime = file.case.regime;
    let ctx = Ctx {
        cal,
        regime,
        which: Which::of(regime),
        today,
        ended: ended(events),
        explain,
    };
    // Six at most: response, extended, review request, review response, Commissioner, Tribunal.
    let mut out = Vec::with_capacity(6);
    let period = response::clocks(&ctx, received, events, &mut out);
    windows::review_request(&ctx, events, &period, &mut out);
    let unreviewed_until = windows::review_response(&ctx, events, &mut out);
    windows::commissioner(&ctx, events, unreviewed_until, &mut out);
    windows::tribunal(&ctx, events, &mut out);
    out
}

/// The case's status: the timeline's reading, with "overdue" from the clocks.
pub fn status(file: &CaseFile, clocks: &[Clock]) -> CaseStatus {
    let response_overdue = clocks.iter().any(|c| {
        matches!(c.kind, ClockKind::Response | ClockKind::ResponseExtended) && c.is_overdue()
    });
    let review_overdue = clocks
        .iter()
        .any(|c| c.kind == ClockKind::ReviewResponse && c.is_overdue());
    CaseStatus::derive(
        file.case.received_or_sent().is_some(),
        &file.events,
        response_overdue,
        review_overdue,
    )
    .in_regime(file.case.regime)
}

/// The clock that matters now: of the live ones, the one due soonest (so the most
/// overdue comes first). `None` when nothing is counting.
pub fn next_clock(clocks: &[Clock]) -> Option<&Clock> {
    clocks.iter().filter(|c| c.is_live()).min_by_key(|c| c.due)
}
