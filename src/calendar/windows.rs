//! The later clocks: the requester's review window, the authority's review, and the
//! windows for the Commissioner and the Tribunal (or the Court of Session).

use super::basis::{push_holidays, push_long, push_non_working_end, push_num};
use super::clock::{Clock, ClockKind, Unit};
use super::clocks::{Ctx, Draft, first_from, last};
use crate::domain::dates::add_months;
use crate::domain::{Event, EventKind, Regime, Span};
use chrono::{Days, NaiveDate};

fn plus_days(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_add_days(Days::new(n)).unwrap_or(NaiveDate::MAX)
}

fn plus_months(d: NaiveDate, n: u32) -> NaiveDate {
    add_months(d, n).unwrap_or(NaiveDate::MAX)
}

/// "2 months", "40 working days", without allocating.
fn push_span(s: &mut String, span: Span) {
    let (n, unit) = match span {
        Span::Months(n) => (n, "month"),
        Span::Weeks(n) => (n, "week"),
        Span::Days(n) => (n, "day"),
        Span::WorkingDays(n) => (n, "working day"),
    };
    push_num(s, u64::from(n));
    s.push(' ');
    s.push_str(unit);
    if n != 1 {
        s.push('s');
    }
}

/// A calendar-day deadline, with a note if it lands on a non-working day.
fn calendar_draft(
    ctx: &Ctx,
    kind: ClockKind,
    start: NaiveDate,
    due: NaiveDate,
    mut basis: String,
) -> Draft {
    basis.push_str("; calendar days");
    push_non_working_end(&mut basis, ctx.cal, ctx.which, due);
    Draft::new(kind, start, due, Unit::Days, basis)
}

/// The requester's window to ask for an internal review: the window the response
/// letter states, else 40 working days; in Scotland, also when no response came
/// (from the end of the response period, FOISA s20(5)).
pub(crate) fn review_request(
    ctx: &Ctx,
    events: &[Event],
    unanswered_until: Option<NaiveDate>,
    out: &mut Vec<Clock>,
) {
    let mut basis = String::with_capacity(192);
    let mut d = if let Some(r) = last(events, EventKind::Response) {
        let closed = first_from(events, EventKind::ReviewRequested, r.date);
        let mut d = match r.window {
            Some(Span::WorkingDays(n)) => {
                let due = ctx.add(r.date, n);
                push_span(&mut basis, Span::WorkingDays(n));
                basis.push_str(" from the response letter of ");
                push_long(&mut basis, r.date);
                basis.push_str(" (as the letter states)");
                push_holidays(&mut basis, ctx.cal, ctx.which, r.date, due);
                Draft::new(
                    ClockKind::ReviewRequest,
                    r.date,
                    due,
                    Unit::WorkingDays,
                    basis,
                )
            }
            Some(span) => {
                let due = match span {
                    Span::Months(n) => plus_months(r.date, n),
                    Span::Weeks(n) => plus_days(r.date, u64::from(n) * 7),
                    Span::Days(n) | Span::WorkingDays(n) => plus_days(r.date, u64::from(n)),
                };
                push_span(&mut basis, span);
                basis.push_str(" from the response letter of ");
                push_long(&mut basis, r.date);
                basis.push_str(" (as the letter states)");
                calendar_draft(ctx, ClockKind::ReviewRequest, r.date, due, basis)
            }
            None => {
                let due = ctx.add(r.date, 40);
                basis.push_str("40 working days from the response of ");
                push_long(&mut basis, r.date);
                basis.push_str(match ctx.regime {
                    Regime::Foia => {
                        " (no window stated: the s45 Code of Practice's 40 working days)"
                    }
                    Regime::Eir => " (EIR reg 11(2))",
                    Regime::Foisa => " (FOISA s20(5))",
                    Regime::Eisr => " (EISR reg 16)",
                });
                push_holidays(&mut basis, ctx.cal, ctx.which, r.date, due);
                Draft::new(
                    ClockKind::ReviewRequest,
                    r.date,
                    due,
                    Unit::WorkingDays,
                    basis,
                )
            }
        };
        d.closed = closed;
        d
    } else {
        let Some(end) = unanswered_until.filter(|_| ctx.regime.is_scottish()) else {
            return;
        };
        let closed = first_from(events, EventKind::ReviewRequested, NaiveDate::MIN);
        if ctx.today <= end && closed.is_none() {
            return;
        }
        let due = ctx.add(end, 40);
        basis.push_str("40 working days from the end of the response period ");
        push_long(&mut basis, end);
        basis.push_str(if ctx.regime == Regime::Foisa {
            " (no response came; FOISA s20(5))"
        } else {
            " (no response came; EISR reg 16)"
        });
        push_holidays(&mut basis, ctx.cal, ctx.which, end, due);
        let mut d = Draft::new(ClockKind::ReviewRequest, end, due, Unit::WorkingDays, basis);
        d.closed = closed;
        d
    };
    d.closer = "review requested";
    d.missing = "review request";
    out.push(ctx.finish(d));
}

/// The authority's internal review. Returns its due date while no outcome has come,
/// for the Scottish Commissioner window (FOISA s47(4)(b)).
pub(crate) fn review_response(
    ctx: &Ctx,
    events: &[Event],
    out: &mut Vec<Clock>,
) -> Option<NaiveDate> {
    let q = last(events, EventKind::ReviewRequested)?.date;
    let n = if ctx.regime == Regime::Eir { 40 } else { 20 };
    let due = ctx.add(q, n);
    let mut basis = String::with_capacity(192);
    push_span(&mut basis, Span::WorkingDays(n));
    basis.push_str(" from your review request of ");
    push_long(&mut basis, q);
    let outer = ctx.add(q, 40);
    match ctx.regime {
        Regime::Foia => {
            basis.push_str(" (s45 Code of Practice; 40 at the most, to ");
            push_long(&mut basis, outer);
            basis.push(')');
        }
        Regime::Eir => basis.push_str(" (EIR reg 11(4))"),
        Regime::Foisa => basis.push_str(" (FOISA s21(1))"),
        Regime::Eisr => basis.push_str(" (EISR reg 16)"),
    }
    push_holidays(&mut basis, ctx.cal, ctx.which, q, due);
    let closed = first_from(events, EventKind::ReviewResponse, q);
    let mut d = Draft::new(ClockKind::ReviewResponse, q, due, Unit::WorkingDays, basis);
    d.closed = closed;
    d.closer = "review outcome";
    if ctx.regime == Regime::Foia {
        d.outer = Some((outer, ": you may complain to the ICO without waiting"));
    }
    out.push(ctx.finish(d));
    closed.is_none().then_some(due)
}

/// ICO complaint (6 weeks from the review outcome) or, in Scotland, application to the
/// Commissioner (6 months from the review outcome, or from the end of the review
/// period when no outcome came).
pub(crate) fn commissioner(
    ctx: &Ctx,
    events: &[Event],
    unreviewed_until: Option<NaiveDate>,
    out: &mut Vec<Clock>,
) {
    let scottish = ctx.regime.is_scottish();
    let kind = if scottish {
        ClockKind::CommissionerAppeal
    } else {
        ClockKind::IcoComplaint
    };
    let law = if ctx.regime == Regime::Foisa {
        "FOISA s47(4)"
    } else {
        "FOISA s47(4), as EISR reg 17 applies it"
    };
    let mut basis = String::with_capacity(192);
    let (start, due) = if let Some(v) = last(events, EventKind::ReviewResponse) {
        let v = v.date;
        if scottish {
            basis.push_str("6 months from the review outcome of ");
            push_long(&mut basis, v);
            basis.push_str(" (");
            basis.push_str(law);
            basis.push(')');
            (v, plus_months(v, 6))
        } else {
            basis.push_str("6 weeks (42 days) from the review outcome of ");
            push_long(&mut basis, v);
            basis.push_str(" (the ICO's window for complaints)");
            (v, plus_days(v, 42))
        }
    } else {
        let Some(end) = unreviewed_until.filter(|_| scottish) else {
            return;
        };
        if ctx.today <= end && first_from(events, EventKind::IcoComplaint, end).is_none() {
            return;
        }
        basis.push_str("6 months from the end of the review period ");
        push_long(&mut basis, end);
        basis.push_str(" (no review outcome came; ");
        basis.push_str(law);
        basis.push(')');
        (end, plus_months(end, 6))
    };
    let mut d = calendar_draft(ctx, kind, start, due, basis);
    d.closed = first_from(events, EventKind::IcoComplaint, start);
    (d.closer, d.missing) = if scottish {
        ("application made", "application")
    } else {
        ("complaint made", "complaint")
    };
    out.push(ctx.finish(d));
}

/// Appeal against the Commissioner's decision: 28 days to the First-tier Tribunal
/// (GRC rules r22); in Scotland 42 days to the Court of Session on a point of law.
pub(crate) fn tribunal(ctx: &Ctx, events: &[Event], out: &mut Vec<Clock>) {
    let Some(decision) = last(events, EventKind::IcoDecision) else {
        return;
    };
    let dd = decision.date;
    let mut basis = String::with_capacity(192);
    let due = if ctx.regime.is_scottish() {
        basis.push_str("42 days from the Commissioner's decision of ");
        push_long(&mut basis, dd);
        basis.push_str(" to appeal to the Court of Session on a point of law (FOISA s56; for information: take advice)");
        plus_days(dd, 42)
    } else {
        basis.push_str("28 days from the ICO decision notice of ");
        push_long(&mut basis, dd);
        basis.push_str(" (First-tier Tribunal rules r22)");
        plus_days(dd, 28)
    };
    let mut d = calendar_draft(ctx, ClockKind::TribunalAppeal, dd, due, basis);
    d.closed = first_from(events, EventKind::TribunalAppeal, dd);
    d.closer = "appeal lodged";
    d.missing = "appeal";
    out.push(ctx.finish(d));
}
