//! The later clocks: the requester's review window, the authority's review, and the
//! windows for the Commissioner and the Tribunal (or the Court of Session).

use super::basis::Basis;
use super::clock::{Clock, ClockKind, Unit};
use super::clocks::{ClockParts, Ctx, first_from, last};
use super::division::Division;
use super::response::Period;
use super::workdays::{Calendar, Which};
use crate::domain::dates::add_months;
use crate::domain::{Event, EventKind, Regime, Span};
use chrono::{Datelike, Days, NaiveDate, Weekday};

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
fn calendar_parts(
    ctx: &Ctx,
    kind: ClockKind,
    start: NaiveDate,
    due: NaiveDate,
    mut b: Basis,
) -> ClockParts {
    b.text("; calendar days")
        .non_working_end(ctx.cal, ctx.which, due);
    ClockParts::new(kind, start, due, Unit::Days, b)
}

/// The window as the response letter states it: its due date, and the clock's parts.
fn stated_window(ctx: &Ctx, r: &Event, stated: Span, mut b: Basis) -> ClockParts {
    if let Span::WorkingDays(n) = stated {
        let due = ctx.add(r.date, n);
        span(&mut b, stated)
            .text(" from the response letter of ")
            .long(r.date)
            .text(" (as the letter states)")
            .holidays(ctx.cal, ctx.which, r.date, due);
        return ClockParts::new(ClockKind::ReviewRequest, r.date, due, Unit::WorkingDays, b);
    }
    span(&mut b, stated)
        .text(" from the response letter of ")
        .long(r.date)
        .text(" (as the letter states)");
    calendar_parts(
        ctx,
        ClockKind::ReviewRequest,
        r.date,
        stated_due(ctx, r.date, stated),
        b,
    )
}

fn stated_due(ctx: &Ctx, from: NaiveDate, stated: Span) -> NaiveDate {
    match stated {
        Span::Months(n) => plus_months(from, n),
        Span::Weeks(n) => plus_days(from, u64::from(n) * 7),
        Span::Days(n) => plus_days(from, u64::from(n)),
        Span::WorkingDays(n) => ctx.add(from, n),
    }
}

/// FOISA s20(5): 40 working days after the end of the time allowed to respond, or after
/// a late response arrived. A window the letter states is shown beside the Act's, which
/// is the deadline.
fn foisa_window(ctx: &Ctx, r: &Event, period: &Period, mut b: Basis) -> ClockParts {
    let late = r.date > period.due;
    // Counted from the later of the two; open (and running) from the response itself.
    let from = if late { r.date } else { period.due };
    let due = ctx.add(from, 40);
    if late {
        b.text("40 working days from the late response of ")
            .long(r.date)
            .text(" (FOISA s20(5)(b))");
    } else {
        b.text("40 working days from the end of the response period ")
            .long(period.due)
            .text(" (FOISA s20(5)(a): the response of ")
            .long(r.date)
            .text(" came in time)");
    }
    b.holidays(ctx.cal, ctx.which, from, due);
    // Only the basis needs the letter's date.
    if let Some(stated) = r.window.filter(|_| ctx.explain) {
        let theirs = stated_due(ctx, r.date, stated);
        if theirs != due {
            b.text("; the letter states ");
            span(&mut b, stated).text(" (to ").long(theirs).text(")");
            b.text(if theirs < due {
                ", shorter than the Act allows: the Act's date is the deadline"
            } else {
                ": the Act's date is the one that binds"
            });
        }
    }
    ClockParts::new(ClockKind::ReviewRequest, r.date, due, Unit::WorkingDays, b)
}

/// The requester's window to ask for an internal review: the window the response
/// letter states, else 40 working days; FOISA by the Act (s20(5)), also when no
/// response came (from the end of the response period); EISR likewise when no
/// response came (reg 16).
pub(crate) fn review_request(ctx: &Ctx, events: &[Event], period: &Period, out: &mut Vec<Clock>) {
    let mut b = Basis::new(ctx.explain);
    let mut d = if let Some(r) = last(events, EventKind::Response) {
        let mut d = match r.window {
            _ if ctx.regime == Regime::Foisa => foisa_window(ctx, r, period, b),
            Some(stated) => stated_window(ctx, r, stated, b),
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
                ClockParts::new(ClockKind::ReviewRequest, r.date, due, Unit::WorkingDays, b)
            }
        };
        d.closed = first_from(events, EventKind::ReviewRequested, r.date);
        d
    } else {
        if period.stopped || !ctx.regime.is_scottish() {
            return;
        }
        let end = period.due;
        let closed = first_from(events, EventKind::ReviewRequested, NaiveDate::MIN);
        if ctx.today <= end && closed.is_none() {
            return;
        }
        let due = ctx.add(end, 40);
        b.text("40 working days from the end of the response period ")
            .long(end)
            .text(if ctx.regime == Regime::Foisa {
                " (no response came; FOISA s20(5)(a))"
            } else {
                " (no response came; EISR reg 16)"
            })
            .holidays(ctx.cal, ctx.which, end, due);
        let mut d = ClockParts::new(ClockKind::ReviewRequest, end, due, Unit::WorkingDays, b);
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
            .text(" (the s45 Code of Practice: 20 working days, 40 at most in complex cases, to ")
            .long(outer)
            .text(")"),
        Regime::Eir => b.text(" (EIR reg 11(4))"),
        Regime::Foisa => b.text(" (FOISA s21(1))"),
        Regime::Eisr => b.text(" (EISR reg 16)"),
    }
    .holidays(ctx.cal, ctx.which, q, due);
    let closed = first_from(events, EventKind::ReviewResponse, q);
    // FOIA and EIR: once the review is late the complaint may go to the ICO at once
    // (no six-week clock runs without an outcome).
    if closed.is_none() && !ctx.regime.is_scottish() && ctx.today > due && ctx.ended.is_none() {
        b.text("; no outcome yet: you may complain to the ICO now");
    }
    let mut d = ClockParts::new(ClockKind::ReviewResponse, q, due, Unit::WorkingDays, b);
    d.closed = closed;
    d.closer = "review outcome";
    if ctx.regime == Regime::Foia {
        // The basis already says the complaint may go to the ICO now.
        d.outer = Some((outer, ""));
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
                .text(" (the ICO's practice, not a limit set in law)");
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
    let mut d = calendar_parts(ctx, kind, start, due, b);
    d.closed = first_from(events, EventKind::IcoComplaint, start);
    (d.closer, d.missing) = if scottish {
        ("application made", "application")
    } else {
        d.practice = Some("; the ICO may still accept a late complaint with a reason");
        ("complaint made", "complaint")
    };
    out.push(ctx.finish(d));
}

/// Appeal against the Commissioner's decision: 28 days to the First-tier Tribunal
/// (GRC rules r22(1)), moved to the next working day when it ends on another day
/// (r12(2)); in Scotland 42 days to the Court of Session on a point of law (Rules of
/// the Court of Session r41.20(1)(b); the right of appeal is FOISA s56).
pub(crate) fn tribunal(ctx: &Ctx, events: &[Event], out: &mut Vec<Clock>) {
    let Some(decision) = last(events, EventKind::IcoDecision) else {
        return;
    };
    let dd = decision.date;
    let mut b = Basis::new(ctx.explain);
    let mut d = if ctx.regime.is_scottish() {
        b.text("42 days from the Scottish Information Commissioner's decision of ")
            .long(dd)
            .text(" to appeal to the Court of Session on a point of law (Rules of the Court of Session r41.20(1)(b); right of appeal ")
            .text(if ctx.regime == Regime::Foisa {
                "FOISA s56)"
            } else {
                "FOISA s56, as EISR reg 17 applies it)"
            });
        calendar_parts(
            ctx,
            ClockKind::CourtOfSessionAppeal,
            dd,
            plus_days(dd, 42),
            b,
        )
    } else {
        let end = plus_days(dd, 28);
        b.text("28 days from the ICO decision notice of ")
            .long(dd)
            .text(" (First-tier Tribunal GRC rules r22(1))");
        let due = tribunal_working_day(ctx.cal, end);
        if due != end {
            let mut name = String::new();
            tribunal_holiday(ctx.cal, end, &mut name);
            b.text("; ends on ").short(end);
            if !name.is_empty() {
                b.text(", ").text(&name);
            }
            b.text(", not a working day: in time on the next working day (r12(2), (3))");
        }
        let mut d = ClockParts::new(ClockKind::TribunalAppeal, dd, due, Unit::Days, b);
        d.basis.text("; calendar days");
        d
    };
    d.closed = first_from(events, EventKind::TribunalAppeal, dd);
    d.closer = "appeal lodged";
    d.missing = "appeal";
    out.push(ctx.finish(d));
}

/// GRC rules r12(3): a working day is any day but a Saturday, a Sunday, Christmas Day,
/// Good Friday or a bank holiday. The Tribunal sits in England and Wales, so the bank
/// holidays are England and Wales's (a Scotland- or NI-only holiday does not move the
/// date: the earlier date is the safe one). Writes the holiday's name into `name`.
fn tribunal_holiday(cal: &Calendar, d: NaiveDate, name: &mut String) -> bool {
    if let Some(h) = cal
        .holidays(Division::EnglandAndWales, d.year())
        .into_iter()
        .find(|h| h.date == d)
    {
        name.push_str(&h.label());
        return true;
    }
    false
}

/// The first Tribunal working day on or after `d`.
fn tribunal_working_day(cal: &Calendar, d: NaiveDate) -> NaiveDate {
    let mut day = d;
    // Christmas, Boxing Day and New Year with weekends between: a fortnight at most.
    for _ in 0..14 {
        // A working day anywhere in the UK is one in England and Wales too: the table
        // answers the common case; only a day some division keeps is looked up.
        if cal.is_working(Which::Uk, day) {
            return day;
        }
        let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
        if !weekend && !tribunal_holiday(cal, day, &mut String::new()) {
            return day;
        }
        match day.succ_opt() {
            Some(n) => day = n,
            None => return day,
        }
    }
    day
}
