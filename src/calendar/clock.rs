//! A statutory clock: what it is, when it runs out, where it stands, and why.

use chrono::NaiveDate;
use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClockKind {
    /// The authority's answer (FOIA s10(1), EIR reg 5(2), FOISA s10).
    Response,
    /// FOIA public interest extension, EIR/EISR complex-and-voluminous extension.
    ResponseExtended,
    /// The requester's window to ask for an internal review.
    ReviewRequest,
    /// The authority's internal review.
    ReviewResponse,
    /// The requester's window to complain to the ICO (FOIA, EIR).
    IcoComplaint,
    /// The requester's window to apply to the Scottish Information Commissioner (SIC).
    CommissionerAppeal,
    /// The requester's window to appeal the ICO's decision notice to the First-tier
    /// Tribunal (England, Wales, Northern Ireland).
    TribunalAppeal,
    /// The requester's window to appeal the SIC's decision to the Court of Session on a
    /// point of law (Scotland).
    CourtOfSessionAppeal,
}

impl ClockKind {
    pub const ALL: [ClockKind; 8] = [
        ClockKind::Response,
        ClockKind::ResponseExtended,
        ClockKind::ReviewRequest,
        ClockKind::ReviewResponse,
        ClockKind::IcoComplaint,
        ClockKind::CommissionerAppeal,
        ClockKind::TribunalAppeal,
        ClockKind::CourtOfSessionAppeal,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ClockKind::Response => "response",
            ClockKind::ResponseExtended => "response-extended",
            ClockKind::ReviewRequest => "review-request",
            ClockKind::ReviewResponse => "review-response",
            ClockKind::IcoComplaint => "ico-complaint",
            ClockKind::CommissionerAppeal => "commissioner-appeal",
            ClockKind::TribunalAppeal => "tribunal-appeal",
            ClockKind::CourtOfSessionAppeal => "court-of-session-appeal",
        }
    }

    /// Human wording for lists and timelines.
    pub fn describe(self) -> &'static str {
        match self {
            ClockKind::Response => "Response due",
            ClockKind::ResponseExtended => "Extended response due",
            ClockKind::ReviewRequest => "Review request window",
            ClockKind::ReviewResponse => "Review response due",
            ClockKind::IcoComplaint => "ICO complaint window",
            ClockKind::CommissionerAppeal => "SIC application window",
            ClockKind::TribunalAppeal => "Tribunal appeal window",
            ClockKind::CourtOfSessionAppeal => "Court of Session window",
        }
    }

    /// The requester's own windows (they lapse), as against the authority's deadlines.
    pub fn is_requester_window(self) -> bool {
        matches!(
            self,
            ClockKind::ReviewRequest
                | ClockKind::IcoComplaint
                | ClockKind::CommissionerAppeal
                | ClockKind::TribunalAppeal
                | ClockKind::CourtOfSessionAppeal
        )
    }

    /// What closes a requester's window, for "review closes in 48 d".
    fn window_noun(self) -> &'static str {
        match self {
            ClockKind::ReviewRequest => "review",
            ClockKind::IcoComplaint => "ICO complaint",
            ClockKind::CommissionerAppeal => "SIC application",
            ClockKind::TribunalAppeal | ClockKind::CourtOfSessionAppeal => "appeal",
            _ => "window",
        }
    }
}

impl fmt::Display for ClockKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClockState {
    /// Its start date is still ahead.
    NotStarted,
    Running,
    /// Stopped for clarification or a fee; `days_left` is what remains when it resumes.
    Paused,
    /// Closed by its event on or before the due date.
    Met,
    /// Closed by its event after the due date.
    Missed,
    /// A requester's window that passed without the requester acting, or any open
    /// clock on a case that was closed or withdrawn.
    Lapsed,
    /// Past a time limit that practice sets rather than law (the ICO's six weeks): the
    /// step can still be taken, or was taken, late, and may still be accepted.
    Late,
}

impl ClockState {
    pub fn as_str(self) -> &'static str {
        match self {
            ClockState::NotStarted => "not-started",
            ClockState::Running => "running",
            ClockState::Paused => "paused",
            ClockState::Met => "met",
            ClockState::Missed => "missed",
            ClockState::Lapsed => "lapsed",
            ClockState::Late => "late",
        }
    }
}

impl fmt::Display for ClockState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    WorkingDays,
    Days,
}

impl Unit {
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::WorkingDays => "working-days",
            Unit::Days => "days",
        }
    }

    /// "wd" or "d", for countdowns.
    pub fn abbrev(self) -> &'static str {
        match self {
            Unit::WorkingDays => "wd",
            Unit::Days => "d",
        }
    }
}

/// One clock of a case. Dates serialise as `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Clock {
    pub kind: ClockKind,
    /// The date the count runs from (receipt, a restart, the letter, the request …).
    pub start: NaiveDate,
    pub due: NaiveDate,
    pub state: ClockState,
    /// In `unit`s. Running, paused or not started: from today to `due` (0 on the due
    /// day, negative after). Met or missed: from the closing event to `due` (positive =
    /// early, negative = late). Lapsed: from today, or from the day the case was closed.
    pub days_left: i64,
    pub unit: Unit,
    /// One line showing the working.
    pub basis: String,
    /// FOIA: the authority is past 40 working days in all (the most the ICO accepts).
    pub very_overdue: bool,
    /// A date the authority promised after its deadline had passed (a late extension
    /// notice): shown beside the missed deadline, never counted as a statutory one.
    pub promised: Option<NaiveDate>,
    /// Missed, and what it waits for has still not come: the authority is in breach
    /// now, so the clock stays in the agenda and the case reads overdue.
    #[serde(skip)]
    pub awaited: bool,
    /// The date of the event that closed it, if one did.
    #[serde(skip)]
    pub closed: Option<NaiveDate>,
}

impl Clock {
    /// Still counting (or stopped and waiting to resume), or missed and still awaited.
    pub fn is_live(&self) -> bool {
        matches!(self.state, ClockState::Running | ClockState::Paused) || self.awaited
    }

    /// Running and past its due date, or missed and still awaited.
    pub fn is_overdue(&self) -> bool {
        (self.state == ClockState::Running && self.days_left < 0) || self.awaited
    }

    /// Short status for a list column: "12 wd left", "3 wd overdue", "review closes in
    /// 48 d", "due today", "met, 3 wd early", "done in time" (a requester's window).
    pub fn countdown(&self) -> String {
        let u = self.unit.abbrev();
        let n = self.days_left;
        let window = self.kind.is_requester_window();
        let noun = self.kind.window_noun();
        match self.state {
            ClockState::Running if n > 0 && window => format!("{noun} closes in {n} {u}"),
            ClockState::Running if n > 0 => format!("{n} {u} left"),
            ClockState::Running if n == 0 && window => format!("{noun} closes today"),
            ClockState::Running if n == 0 => "due today".to_string(),
            ClockState::Running => format!("{} {u} overdue", n.unsigned_abs()),
            ClockState::Paused => format!("paused, {n} {u} left"),
            ClockState::NotStarted => "not started".to_string(),
            ClockState::Missed if self.awaited => {
                format!("missed, {} {u} overdue", n.unsigned_abs())
            }
            ClockState::Late if self.closed.is_some() => {
                format!(
                    "done {} {u} late (the ICO may accept it with a reason)",
                    n.unsigned_abs()
                )
            }
            ClockState::Late => "late (the ICO may still accept it with a reason)".to_string(),
            ClockState::Met if window => "done in time".to_string(),
            ClockState::Missed if window => format!("done {} {u} late", n.unsigned_abs()),
            ClockState::Met if n > 0 => format!("met, {n} {u} early"),
            ClockState::Met => "met on the day".to_string(),
            ClockState::Missed => format!("missed by {} {u}", n.unsigned_abs()),
            ClockState::Lapsed if window => format!("{noun} window lapsed"),
            ClockState::Lapsed => "lapsed".to_string(),
        }
    }
}
