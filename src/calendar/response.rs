//! The authority's response clock: 20 working days from receipt, stopped by a request
//! for clarification (restarting from day 0 when it arrives, FOIA s1(3)), paused from
//! a fee notice to payment (s10(2)), and the extension the regime allows.

use super::basis::Basis;
use super::clock::{Clock, ClockKind, Unit};
use super::clocks::{ClockParts, Ctx};
use crate::domain::{Event, EventKind, Regime};
use chrono::NaiveDate;

const LIMIT: u32 = 20;
/// Extra working days an extension allows (FOIA PIT per the ICO; EIR/EISR reg 7(1)).
const EXTRA: u32 = 20;

enum Phase {
    Running { from: NaiveDate, used: u32 },
    Clarifying { asked: NaiveDate },
    FeeWait { notice: NaiveDate, used: u32 },
}

/// Where the response stage ended: what the review window counts from (FOISA s20(5)).
pub(crate) struct Period {
    /// The end of the time allowed to respond (the extended date, if extended in time).
    pub due: NaiveDate,
    /// Stopped for clarification or a fee: no end yet.
    pub stopped: bool,
}

/// A notice that came after the deadline: it cannot extend or stop a clock that has run
/// out, so the deadline stays missed and the notice is reported in the basis.
struct LateNotice<'a> {
    event: &'a Event,
    /// "extension notice", "clarification request".
    what: &'static str,
}

/// The timeline read up to the response: where the clock stands and what stopped,
/// restarted or extended it.
struct Walk<'a> {
    phase: Phase,
    count_from: NaiveDate,
    /// When the clarification that restarted the count was asked for.
    restart: Option<NaiveDate>,
    /// The fee pauses, for the basis.
    pauses: Basis,
    first_ext: Option<NaiveDate>,
    last_ext: Option<&'a Event>,
    response: Option<NaiveDate>,
    late: Option<LateNotice<'a>>,
}

impl<'a> Walk<'a> {
    fn new(ctx: &Ctx, received: NaiveDate) -> Walk<'a> {
        Walk {
            phase: Phase::Running {
                from: received,
                used: 0,
            },
            count_from: received,
            restart: None,
            pauses: Basis::new(ctx.explain),
            first_ext: None,
            last_ext: None,
            response: None,
            late: None,
        }
    }

    /// The running clock's deadline has passed by `date` (and no extension was given
    /// in time): a notice then is too late to extend or stop it.
    fn past_deadline(&self, ctx: &Ctx, date: NaiveDate) -> bool {
        match self.phase {
            Phase::Running { from, used } => {
                self.first_ext.is_none() && date > ctx.add(from, LIMIT - used)
            }
            _ => false,
        }
    }

    fn step(&mut self, ctx: &Ctx, e: &'a Event) {
        match e.kind {
            // A second request while one is pending does not move the stop.
            EventKind::ClarificationRequested
                if !matches!(self.phase, Phase::Clarifying { .. }) =>
            {
                // Asked after the deadline: too late to stop it (FOIA s1(3) and s10(6)
                // only stop a clock that is still running).
                if self.past_deadline(ctx, e.date) {
                    self.late.get_or_insert(LateNotice {
                        event: e,
                        what: "clarification request",
                    });
                } else {
                    self.phase = Phase::Clarifying { asked: e.date };
                }
            }
            EventKind::ClarificationSent => {
                if let Phase::Clarifying { asked } = self.phase {
                    let from = e.date.max(asked);
                    self.phase = Phase::Running { from, used: 0 };
                    self.count_from = from;
                    self.restart = Some(asked);
                    self.pauses.clear();
                }
            }
            EventKind::FeeNotice => self.fee_notice(ctx, e.date),
            EventKind::FeePaid => {
                if let Phase::FeeWait { notice, used } = self.phase {
                    let paid = e.date.max(notice);
                    self.phase = Phase::Running { from: paid, used };
                    self.pauses
                        .text("; paused for the fee ")
                        .short(notice)
                        .text(" to ")
                        .short(paid)
                        .text(" (")
                        .count(u64::from(used), true)
                        .text(" used before)");
                }
            }
            EventKind::Extension if ctx.regime != Regime::Foisa => {
                if self.past_deadline(ctx, e.date) {
                    // Given after the deadline: the deadline was already breached.
                    self.late.get_or_insert(LateNotice {
                        event: e,
                        what: "extension notice",
                    });
                } else if self.late.is_none() {
                    self.first_ext.get_or_insert(e.date);
                    self.last_ext = Some(e);
                }
            }
            _ => {}
        }
    }

    fn fee_notice(&mut self, ctx: &Ctx, date: NaiveDate) {
        if let Phase::Running { from, used } = self.phase {
            // A notice after the deadline cannot stop a clock that has run out.
            if date <= ctx.add(from, LIMIT - used) {
                let before = date
                    .pred_opt()
                    .map_or(0, |p| ctx.cal.between(ctx.which, from, p).max(0));
                let used =
                    (u64::from(used) + before.unsigned_abs()).min(u64::from(LIMIT - 1)) as u32;
                self.phase = Phase::FeeWait { notice: date, used };
            }
        }
    }

    /// The response clock's due date, the units left while it is stopped, and the start
    /// of its basis. While stopped, the due date is where the clock would end if it
    /// resumed on the closing event (`closed`) or today.
    fn deadline(
        &self,
        ctx: &Ctx,
        received: NaiveDate,
        closed: Option<NaiveDate>,
    ) -> (NaiveDate, Option<i64>, Basis) {
        let resume = closed.unwrap_or(ctx.today);
        let mut b = Basis::new(ctx.explain);
        match self.phase {
            Phase::Running { from, used } => {
                let due = ctx.add(from, LIMIT - used);
                counted_from(ctx, &mut b, received, self.count_from, self.restart);
                b.append(&self.pauses)
                    .holidays(ctx.cal, ctx.which, self.count_from, due);
                (due, None, b)
            }
            Phase::Clarifying { asked } => {
                let due = ctx.add(resume.max(asked), LIMIT);
                b.text("stopped: clarification asked for on ")
                    .long(asked)
                    .text(
                        "; 20 working days start again from day 0 when it reaches the authority (",
                    )
                    .long(due)
                    .text(if closed.is_some() {
                        " if it arrives then)"
                    } else {
                        " if it arrives today)"
                    });
                (due, Some(i64::from(LIMIT)), b)
            }
            Phase::FeeWait { notice, used } => {
                let due = ctx.add(resume.max(notice), LIMIT - used);
                counted_from(ctx, &mut b, received, self.count_from, self.restart);
                b.append(&self.pauses)
                    .text("; paused by the fee notice of ")
                    .long(notice)
                    .text(" with ")
                    .count(u64::from(used), true)
                    .text(" used; the rest run once the fee is paid (")
                    .long(due)
                    .text(" if paid today)");
                (due, Some(i64::from(LIMIT - used)), b)
            }
        }
    }
}

/// Push the response clock (and the extended one, if claimed in time).
pub(crate) fn clocks(
    ctx: &Ctx,
    received: NaiveDate,
    events: &[Event],
    out: &mut Vec<Clock>,
) -> Period {
    let mut w = Walk::new(ctx, received);
    for e in events {
        if e.kind == EventKind::Response {
            w.response = Some(e.date);
            break;
        }
        w.step(ctx, e);
    }
    let closed = w.first_ext.or(w.response);
    let (due, paused_left, b) = w.deadline(ctx, received, closed);
    let stopped = paused_left.is_some();
    let outer = ctx.add(due, EXTRA);

    let mut d = ClockParts::new(ClockKind::Response, w.count_from, due, Unit::WorkingDays, b);
    d.closed = closed;
    d.closer = if w.first_ext.is_some() {
        "extension notice"
    } else {
        "answered"
    };
    d.paused_left = paused_left;
    if ctx.regime == Regime::Foia && w.first_ext.is_none() && !stopped {
        d.outer = Some((outer, ""));
    }
    if let Some(n) = &w.late {
        late_notice(ctx, &mut d, n);
    }
    out.push(ctx.finish(d));

    let mut final_due = due;
    if let Some(ext) = w.last_ext {
        let d = extended(ctx, ext, w.count_from, due, outer, w.response);
        final_due = d.due;
        out.push(ctx.finish(d));
    }
    Period {
        due: final_due,
        stopped,
    }
}

/// The deadline stays missed: the late notice is named, with the date it promised (a
/// promise, not a new statutory deadline).
fn late_notice(ctx: &Ctx, d: &mut ClockParts, n: &LateNotice) {
    d.breached = true;
    let after = ctx.diff(Unit::WorkingDays, d.due, n.event.date);
    d.basis
        .text("; ")
        .text(n.what)
        .text(" of ")
        .long(n.event.date)
        .text(" came ")
        .count(after.unsigned_abs(), true)
        .text(" after the deadline, too late to ")
        .text(if n.event.kind == EventKind::Extension {
            match ctx.regime {
                Regime::Foia => "extend it (FOIA s10(3), s17(2))",
                _ => "extend it (reg 7(1))",
            }
        } else {
            "stop it"
        });
    if n.event.kind == EventKind::Extension {
        d.promised = n.event.until;
        if let Some(p) = n.event.until {
            d.basis
                .text("; the authority promises a response by ")
                .long(p)
                .text(" (a promise, not a statutory deadline)");
        }
    }
}

/// "20 working days from receipt Sat 3 Feb 2018 (day 1 Mon 5 Feb)", or from the
/// clarification that restarted the count.
fn counted_from(
    ctx: &Ctx,
    b: &mut Basis,
    received: NaiveDate,
    from: NaiveDate,
    restart: Option<NaiveDate>,
) {
    b.text("20 working days from ");
    match restart {
        Some(asked) => b
            .text("your clarification ")
            .long(from)
            .text(" (restarted from day 0; clarification asked for ")
            .short(asked)
            .text(", receipt ")
            .short(received)
            .text(")"),
        None => b.text("receipt ").long(from),
    };
    if !ctx.explain || ctx.cal.is_working(ctx.which, from) {
        b.text(" (day 1 ");
    } else {
        // Received on a bank holiday: name it, so the working shows why day 1 is later.
        let mut named = false;
        ctx.cal.for_each_holiday(ctx.which, from, from, |_, label| {
            b.text(", ")
                .text(label)
                .text(", which does not count (day 1 ");
            named = true;
            std::ops::ControlFlow::Break(())
        });
        if !named {
            b.text(", not a working day (day 1 ");
        }
    }
    b.short(ctx.add(from, 1)).text(")");
}

/// The extended response clock: FOIA public interest extension (the authority's date,
/// else 20 more working days); EIR/EISR complex and voluminous, 40 in all (reg 7(1)).
fn extended(
    ctx: &Ctx,
    ext: &Event,
    count_from: NaiveDate,
    due: NaiveDate,
    limit: NaiveDate,
    response: Option<NaiveDate>,
) -> ClockParts {
    let mut b = Basis::new(ctx.explain);
    // A "new" date before the ordinary deadline extends nothing (a slip, or a clock
    // restarted since): count the regime's extension instead, and say so.
    let stale = ext.until.filter(|u| *u < due);
    let until = ext.until.filter(|u| *u >= due);
    let new_due = if ctx.regime == Regime::Foia {
        match until {
            Some(u) => {
                b.text("the date given in the extension notice of ")
                    .long(ext.date)
                    .text(" (public interest test, FOIA s10(3))");
                if u > limit {
                    b.text("; beyond the 40 working days in all the ICO accepts (")
                        .long(limit)
                        .text(")");
                }
                u
            }
            None => {
                b.text("20 more working days after the original due date ")
                    .long(due)
                    .text(" (public interest test, FOIA s10(3); no date given; 40 in all)")
                    .holidays(ctx.cal, ctx.which, due, limit);
                limit
            }
        }
    } else {
        match until {
            Some(u) if u <= limit => {
                b.text("the date given in the extension notice of ")
                    .long(ext.date)
                    .text(" (complex and voluminous, reg 7(1), which allows up to ")
                    .long(limit)
                    .text(")");
                u
            }
            _ => {
                b.text("40 working days in all from ")
                    .long(count_from)
                    .text(" (complex and voluminous, reg 7(1))")
                    .holidays(ctx.cal, ctx.which, count_from, limit);
                if let Some(u) = until {
                    b.text("; the authority's date ")
                        .long(u)
                        .text(" is later than reg 7(1) allows");
                }
                limit
            }
        }
    };
    if let Some(u) = stale {
        b.text("; the notice's date ")
            .long(u)
            .text(" is before the ordinary due date, so it is not used");
    }
    // Counted from the same start as the response clock; the notice's date is in the basis.
    let mut d = ClockParts::new(
        ClockKind::ResponseExtended,
        count_from,
        new_due,
        Unit::WorkingDays,
        b,
    );
    d.closed = response;
    d.closer = "answered";
    if ctx.regime == Regime::Foia {
        d.outer = Some((limit, ""));
    }
    d
}
