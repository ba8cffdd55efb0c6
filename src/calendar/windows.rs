//! The later clocks: the requester's review window, the authority's review, and the
//! windows for the Commissioner and the Tribunal (or the Court of Session).

use super::basis::Basis;
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

/// "2 months", "40 working days".
fn span(b: &mut Basis, span: Span) -> &mut Basis {
    let (n, unit) = match span {
        Span::Months(n) => (n, " month"),
        Span::Weeks(n) => (n, " week"),
        Span::Days(n) => (n, " day"),
        Span::WorkingDays(n) => (n, " working day"),
    };
    b.num(u64::from(n))
        .text(unit)
        .text(if n == 1 { "" } else { "s" })
}

/// A calendar-day deadline, with a note if it lands on a non-working day.
fn calendar_draft(
    ctx: &Ctx,
    kind: ClockKind,
    start: NaiveDate,
    due: NaiveDate,
    mut b: Basis,
) -> Draft {
    b.text("; calendar days")
        .non_working_end(ctx.cal, ctx.which, due);
    Draft::new(kind, start, due, Unit::Days, b)
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
    let mut b = Basis::new(ctx.explain);
    let mut d = if let Some(r) = last(events, EventKind::Response) {
        let mut d = match r.window {
            Some(Span::WorkingDays(n)) => {
                let due = ctx.add(r.date, n);
                span(&mut b, Span::WorkingDays(n))
                    .text(" from the response letter of ")
                    .long(r.date)
                    .text(" (as the letter states)")
                    .holidays(ctx.cal, ctx.which, r.date, due);
                Draft::new(ClockKind::ReviewRequest, r.date, due, Unit::WorkingDays, b)
            }
            Some(stated) => {
                let due = match stated {
                    Span::Months(n) => plus_months(r.date, n),
                    Span::Weeks(n) => plus_days(r.date, u64::from(n) * 7),
                    Span::Days(n) | Span::WorkingDays(n) => plus_days(r.date, u64::from(n)),
                };
                span(&mut b, stated)
                    .text(" from the response letter of ")
                    .long(r.date)
                    .text(" (as the letter states)");
                calendar_draft(ctx, ClockKind::ReviewRequest, r.date, due, b)
            }
            None => {
                let due = ctx.add(r.date, 40);
                b.text("40 working days from the response of ")
                    .long(r.date)
                    .text(match ctx.regime {
                        Regime::Foia => {
                            " (no window stated: the s45 Code of Practice's 40 working days)"
                        }
                        Regime::Eir => " (EIR reg 11(2))",
                        Regime::Foisa => " (FOISA s20(5))",
                        Regime::Eisr => " (EISR reg 16)",
                    })
                    .holidays(ctx.cal, ctx.which, r.date, due);
                Draft::new(ClockKind::ReviewRequest, r.date, due, Unit::WorkingDays, b)
            }
        };
        d.closed = first_from(events, EventKind::ReviewRequested, r.date);
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
        b.text("40 working days from the end of the response period ")
            .long(end)
            .text(if ctx.regime == Regime::Foisa {
                " (no response came; FOISA s20(5))"
            } else {
                " (no response came; EISR reg 16)"
            })
            .holidays(ctx.cal, ctx.which, end, due);
        let mut d = Draft::new(ClockKind::ReviewRequest, end, due, Unit::WorkingDays, b);
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
    let outer = ctx.add(q, 40);
    let mut b = Basis::new(ctx.explain);
    span(&mut b, Span::WorkingDays(n))
        .text(" from your review request of ")
        .long(q);
    match ctx.regime {
        Regime::Foia => b
            .text(" (s45 Code of Practice; 40 at the most, to ")
            .long(outer)
            .text(")"),
        Regime::Eir => b.text(" (EIR reg 11(4))"),
        Regime::Foisa => b.text(" (FOISA s21(1))"),
        Regime::Eisr => b.text(" (EISR reg 16)"),
    }
    .holidays(ctx.cal, ctx.which, q, due);
    let closed = first_from(events, EventKind::ReviewResponse, q);
    let mut d = Draft::new(ClockKind::ReviewResponse, q, due, Unit::WorkingDays, b);
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
    let mut b = Basis::new(ctx.explain);
    let (start, due) = if let Some(v) = last(events, EventKind::ReviewResponse) {
        let v = v.date;
        if scottish {
            b.text("6 months from the review outcome of ")
                .long(v)
                .text(" (")
                .text(law)
                .text(")");
            (v, plus_months(v, 6))
        } else {
            b.text("6 weeks (42 days) from the review outcome of ")
                .long(v)
                .text(" (the ICO's window for complaints)");
            (v, plus_days(v, 42))
        }
    } else {
        let Some(end) = unreviewed_until.filter(|_| scottish) else {
            return;
        };
        if ctx.today <= end && first_from(events, EventKind::IcoComplaint, end).is_none() {
            return;
        }
        b.text("6 months from the end of the review period ")
            .long(end)
            .text(" (no review outcome came; ")
            .text(law)
            .text(")");
        (end, plus_months(end, 6))
    };
    let mut d = calendar_draft(ctx, kind, start, due, b);
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
    let mut b = Basis::new(ctx.explain);
    let due = if ctx.regime.is_scottish() {
        b.text("42 days from the Commissioner's decision of ")
            .long(dd)
            .text(" to appeal to the Court of Session on a point of law (FOISA s56; for information: take advice)");
        plus_days(dd, 42)
    } else {
        b.text("28 days from the ICO decision notice of ")
            .long(dd)
            .text(" (First-tier Tribunal rules r22)");
        plus_days(dd, 28)
    };
    let mut d = calendar_draft(ctx, ClockKind::TribunalAppeal, dd, due, b);
    d.closed = first_from(events, EventKind::TribunalAppeal, dd);
    d.closer = "appeal lodged";
    d.missing = "appeal";
    out.push(ctx.finish(d));
}
