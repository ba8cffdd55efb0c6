//! Clocks from timelines: the example case (received Sat 3 Feb 2018, answered Tue 27 Feb
//! 2018, a two-month review window) and the counting rules of FOIA s10 and the regulations.

use super::{Calendar, Clock, ClockKind, ClockState, Unit, clocks, next_clock, status};
use crate::domain::{Case, CaseFile, CaseStatus, Event, EventKind, Regime, Span};
use chrono::NaiveDate;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn ev(kind: EventKind, date: NaiveDate) -> Event {
    Event {
        case_id: 1,
        ..Event::new(kind, date)
    }
}

fn file(regime: Regime, sent: NaiveDate, events: Vec<Event>) -> CaseFile {
    CaseFile {
        case: Case {
            id: 1,
            regime,
            sent: Some(sent),
            ..Case::default()
        },
        questions: vec![],
        events,
    }
}

fn run(f: &CaseFile, today: NaiveDate) -> Vec<Clock> {
    clocks(f, today, Calendar::standard())
}

fn get(cs: &[Clock], kind: ClockKind) -> &Clock {
    cs.iter()
        .find(|c| c.kind == kind)
        .unwrap_or_else(|| panic!("no {kind} clock in {cs:#?}"))
}

fn seed() -> CaseFile {
    let mut response = ev(EventKind::Response, d(2018, 2, 27));
    response.window = Some(Span::Months(2));
    file(
        Regime::Foia,
        d(2018, 2, 3),
        vec![ev(EventKind::Sent, d(2018, 2, 3)), response],
    )
}

#[test]
fn the_example_case_counted_day_by_day() {
    let f = seed();
    let cs = run(&f, d(2018, 3, 10));
    assert_eq!(cs.len(), 2, "{cs:#?}");

    let r = get(&cs, ClockKind::Response);
    assert_eq!((r.start, r.due), (d(2018, 2, 3), d(2018, 3, 2)));
    assert_eq!(r.state, ClockState::Met);
    assert_eq!((r.days_left, r.unit), (3, Unit::WorkingDays));
    assert_eq!(
        r.basis,
        "20 working days from receipt Sat 3 Feb 2018, not a working day (day 1 Mon 5 Feb); \
         no bank holidays in range; answered Tue 27 Feb 2018, 3 working days early"
    );
    assert_eq!(r.countdown(), "met, 3 wd early");

    let w = get(&cs, ClockKind::ReviewRequest);
    assert_eq!((w.start, w.due), (d(2018, 2, 27), d(2018, 4, 27)));
    assert_eq!(
        (w.state, w.days_left, w.unit),
        (ClockState::Running, 48, Unit::Days)
    );
    assert_eq!(
        w.basis,
        "2 months from the response letter of Tue 27 Feb 2018 (as the letter states); calendar days"
    );
    assert_eq!(w.countdown(), "review closes in 48 d");

    assert_eq!(status(&f, &cs), CaseStatus::Responded);
    assert_eq!(
        next_clock(&cs).map(|c| c.kind),
        Some(ClockKind::ReviewRequest)
    );

    let json = serde_json::to_value(w).unwrap();
    assert_eq!(json["kind"], "review-request");
    assert_eq!(json["due"], "2018-04-27");
    assert_eq!(json["start"], "2018-02-27");
    assert_eq!(json["state"], "running");
    assert_eq!(json["unit"], "days");
    assert_eq!(json["days_left"], 48);
    assert_eq!(serde_json::to_value(r).unwrap()["unit"], "working-days");
}

#[test]
fn the_seed_case_later_on() {
    let f = seed();
    // The window's last day, then the day after: lapsed, nothing live.
    let cs = run(&f, d(2018, 4, 27));
    assert_eq!(
        get(&cs, ClockKind::ReviewRequest).countdown(),
        "review closes today"
    );
    let cs = run(&f, d(2018, 5, 1));
    let w = get(&cs, ClockKind::ReviewRequest);
    assert_eq!((w.state, w.days_left), (ClockState::Lapsed, -4));
    assert!(w.basis.ends_with("; passed with no review request"));
    assert!(next_clock(&cs).is_none());
    // A review asked for in time: the window is met and the review clock runs.
    let mut f = seed();
    f.events
        .push(ev(EventKind::ReviewRequested, d(2018, 3, 20)));
    let cs = run(&f, d(2018, 3, 21));
    let w = get(&cs, ClockKind::ReviewRequest);
    assert_eq!(
        (w.state, w.countdown().as_str()),
        (ClockState::Met, "done in time")
    );
    let rr = get(&cs, ClockKind::ReviewResponse);
    // Skips Good Friday 30 Mar and Easter Monday 2 Apr.
    assert_eq!((rr.due, rr.state), (d(2018, 4, 19), ClockState::Running));
    assert!(
        rr.basis
            .contains("skips Good Friday 30 Mar, Easter Monday 2 Apr"),
        "{}",
        rr.basis
    );
    // 40 at the most: also skips the early May bank holiday.
    assert!(
        rr.basis
            .contains("20 working days, 40 at most in complex cases, to Fri 18 May 2018"),
        "{}",
        rr.basis
    );
    assert_eq!(status(&f, &cs), CaseStatus::ReviewRequested);
    assert_eq!(
        next_clock(&cs).map(|c| c.kind),
        Some(ClockKind::ReviewResponse)
    );
    // Review late: review-overdue; past 40 wd, very overdue.
    let cs = run(&f, d(2018, 4, 23));
    assert_eq!(status(&f, &cs), CaseStatus::ReviewOverdue);
    assert_eq!(
        get(&cs, ClockKind::ReviewResponse).countdown(),
        "2 wd overdue"
    );
    let cs = run(&f, d(2018, 5, 21));
    let rr = get(&cs, ClockKind::ReviewResponse);
    assert!(
        rr.very_overdue && rr.basis.contains("complain to the ICO"),
        "{}",
        rr.basis
    );
}

#[test]
fn ico_and_tribunal_windows() {
    let mut f = seed();
    f.events.extend([
        ev(EventKind::ReviewRequested, d(2018, 3, 20)),
        ev(EventKind::ReviewResponse, d(2018, 4, 16)),
        ev(EventKind::IcoComplaint, d(2018, 5, 1)),
        ev(EventKind::IcoDecision, d(2018, 11, 5)),
    ]);
    let cs = run(&f, d(2018, 11, 10));
    let rr = get(&cs, ClockKind::ReviewResponse);
    assert_eq!((rr.state, rr.days_left), (ClockState::Met, 3));
    let ico = get(&cs, ClockKind::IcoComplaint);
    assert_eq!(
        (ico.due, ico.unit, ico.state),
        (d(2018, 5, 28), Unit::Days, ClockState::Met)
    );
    // 28 May 2018 is the spring bank holiday: a calendar deadline stays where it lands.
    assert!(
        ico.basis
            .contains("ends on Mon 28 May, not a working day (the date stands)"),
        "{}",
        ico.basis
    );
    let t = get(&cs, ClockKind::TribunalAppeal);
    assert_eq!(
        (t.due, t.state, t.days_left),
        (d(2018, 12, 3), ClockState::Running, 23)
    );
    assert_eq!(t.countdown(), "appeal closes in 23 d");
    assert_eq!(status(&f, &cs), CaseStatus::IcoDecided);
    assert_eq!(
        next_clock(&cs).map(|c| c.kind),
        Some(ClockKind::TribunalAppeal)
    );
}

#[test]
fn scottish_windows() {
    // FOISA with no response: review window from the end of the response period (s20(5)).
    let f = file(Regime::Foisa, d(2018, 2, 3), vec![]);
    let cs = run(&f, d(2018, 3, 20));
    let r = get(&cs, ClockKind::Response);
    assert_eq!(
        (r.due, r.state, r.days_left),
        (d(2018, 3, 2), ClockState::Running, -12)
    );
    assert!(!r.very_overdue, "very overdue is FOIA's notion");
    let w = get(&cs, ClockKind::ReviewRequest);
    // 40 Scottish working days from Fri 2 Mar 2018: Good Friday only (no Easter Monday).
    assert_eq!((w.start, w.due), (d(2018, 3, 2), d(2018, 4, 30)));
    assert!(
        w.basis.contains("no response came; FOISA s20(5)"),
        "{}",
        w.basis
    );
    assert_eq!(status(&f, &cs), CaseStatus::Overdue);
    // Most overdue first: the authority's response, not the requester's window.
    assert_eq!(next_clock(&cs).map(|c| c.kind), Some(ClockKind::Response));
    // Before the response period ends there is no such window.
    assert_eq!(run(&f, d(2018, 3, 1)).len(), 1);

    // Review outcome: 6 months to apply to the Commissioner; decision: Court of Session.
    let f = file(
        Regime::Eisr,
        d(2018, 2, 3),
        vec![
            ev(EventKind::Response, d(2018, 2, 20)),
            ev(EventKind::ReviewRequested, d(2018, 3, 1)),
            ev(EventKind::ReviewResponse, d(2018, 8, 31)),
            ev(EventKind::IcoDecision, d(2019, 1, 10)),
        ],
    );
    let cs = run(&f, d(2018, 9, 3));
    let a = get(&cs, ClockKind::CommissionerAppeal);
    // 31 Aug + 6 months clamps to 28 Feb.
    assert_eq!((a.due, a.unit), (d(2019, 2, 28), Unit::Days));
    assert!(a.basis.contains("EISR reg 17"), "{}", a.basis);
    assert_eq!(
        get(&cs, ClockKind::ReviewResponse).state,
        ClockState::Missed
    );
    let t = get(&cs, ClockKind::CourtOfSessionAppeal);
    assert_eq!(t.due, d(2019, 2, 21));
    assert!(t.basis.contains("Court of Session"), "{}", t.basis);

    // No review outcome: 6 months from the end of the review period (s47(4)(b)).
    let f = file(
        Regime::Foisa,
        d(2018, 2, 3),
        vec![
            ev(EventKind::Response, d(2018, 2, 20)),
            ev(EventKind::ReviewRequested, d(2018, 3, 1)),
        ],
    );
    let cs = run(&f, d(2018, 5, 1));
    let rr = get(&cs, ClockKind::ReviewResponse);
    assert_eq!(rr.due, d(2018, 3, 29));
    let a = get(&cs, ClockKind::CommissionerAppeal);
    assert_eq!((a.start, a.due), (d(2018, 3, 29), d(2018, 9, 29)));
    assert!(
        a.basis.contains("no review outcome came; FOISA s47(4))"),
        "{}",
        a.basis
    );
}

#[test]
fn clarification_stops_the_clock_and_restarts_it_from_day_zero() {
    let asked = ev(EventKind::ClarificationRequested, d(2018, 3, 9));
    let f = file(Regime::Foia, d(2018, 3, 5), vec![asked.clone()]);
    let cs = run(&f, d(2018, 3, 20));
    let r = get(&cs, ClockKind::Response);
    assert_eq!((r.state, r.days_left), (ClockState::Paused, 20));
    assert!(
        r.basis
            .starts_with("stopped: clarification asked for on Fri 9 Mar 2018"),
        "{}",
        r.basis
    );
    assert_eq!(r.countdown(), "paused, 20 wd left");
    assert_eq!(status(&f, &cs), CaseStatus::ClarificationRequested);
    assert_eq!(next_clock(&cs).map(|c| c.kind), Some(ClockKind::Response));

    let f = file(
        Regime::Foia,
        d(2018, 3, 5),
        vec![asked, ev(EventKind::ClarificationSent, d(2018, 3, 12))],
    );
    let cs = run(&f, d(2018, 3, 20));
    let r = get(&cs, ClockKind::Response);
    // 20 working days from Mon 12 Mar, skipping NI's St Patrick's substitute (the FOIA
    // union), Good Friday and Easter Monday.
    assert_eq!(
        (r.start, r.due, r.state),
        (d(2018, 3, 12), d(2018, 4, 12), ClockState::Running)
    );
    assert_eq!(
        r.basis,
        "20 working days from your clarification Mon 12 Mar 2018 (restarted from day 0; \
         clarification asked for Fri 9 Mar, receipt Mon 5 Mar) (day 1 Tue 13 Mar); \
         skips St Patrick's Day (substitute day, NI) 19 Mar, Good Friday 30 Mar, Easter Monday 2 Apr"
    );
    assert_eq!(status(&f, &cs), CaseStatus::AwaitingResponse);
}

#[test]
fn fee_notice_to_payment_is_not_counted() {
    let notice = ev(EventKind::FeeNotice, d(2018, 2, 9));
    let f = file(Regime::Foia, d(2018, 2, 5), vec![notice.clone()]);
    let cs = run(&f, d(2018, 2, 20));
    let r = get(&cs, ClockKind::Response);
    // Tue 6 – Thu 8 Feb used: 3 of 20.
    assert_eq!((r.state, r.days_left), (ClockState::Paused, 17));
    assert!(r.basis.contains("with 3 working days used"), "{}", r.basis);
    assert_eq!(status(&f, &cs), CaseStatus::AwaitingResponse);

    let f = file(
        Regime::Foia,
        d(2018, 2, 5),
        vec![notice, ev(EventKind::FeePaid, d(2018, 2, 14))],
    );
    let cs = run(&f, d(2018, 2, 20));
    let r = get(&cs, ClockKind::Response);
    // Unpaused it would be Mon 5 Mar; 9–14 Feb (4 working days) are disregarded.
    assert_eq!((r.due, r.state), (d(2018, 3, 9), ClockState::Running));
    assert!(
        r.basis
            .contains("paused for the fee Fri 9 Feb to Wed 14 Feb (3 working days used before)"),
        "{}",
        r.basis
    );

    // A fee notice after the deadline does not stop a clock that has run out.
    let f = file(
        Regime::Foia,
        d(2018, 2, 5),
        vec![ev(EventKind::FeeNotice, d(2018, 3, 20))],
    );
    let r = run(&f, d(2018, 3, 21));
    assert_eq!((r[0].due, r[0].state), (d(2018, 3, 5), ClockState::Running));
}

#[test]
fn public_interest_extension() {
    // No date given: 20 more working days after the original due date (Fri 2 Mar).
    let ext = ev(EventKind::Extension, d(2018, 3, 1));
    let f = file(Regime::Foia, d(2018, 2, 3), vec![ext.clone()]);
    let cs = run(&f, d(2018, 3, 20));
    let r = get(&cs, ClockKind::Response);
    assert_eq!(r.state, ClockState::Met);
    assert!(
        r.basis
            .ends_with("extension notice Thu 1 Mar 2018, 1 working day early"),
        "{}",
        r.basis
    );
    let x = get(&cs, ClockKind::ResponseExtended);
    assert_eq!(
        (x.due, x.state, x.very_overdue),
        (d(2018, 4, 4), ClockState::Running, false)
    );
    assert!(
        x.basis.contains("Good Friday 30 Mar, Easter Monday 2 Apr"),
        "{}",
        x.basis
    );
    // Past 40 working days in all: overdue and very overdue.
    let cs = run(&f, d(2018, 4, 10));
    let x = get(&cs, ClockKind::ResponseExtended);
    assert_eq!((x.days_left, x.very_overdue), (-4, true));
    assert_eq!(status(&f, &cs), CaseStatus::Overdue);

    // With the authority's date: that date; overdue after it, very overdue only past 40 wd.
    let mut given = ext;
    given.until = Some(d(2018, 3, 16));
    let f = file(Regime::Foia, d(2018, 2, 3), vec![given.clone()]);
    let x = run(&f, d(2018, 3, 20)).remove(1);
    assert_eq!(
        (x.due, x.days_left, x.very_overdue),
        (d(2018, 3, 16), -1, false)
    );
    assert!(
        x.basis
            .starts_with("the date given in the extension notice of Thu 1 Mar 2018"),
        "{}",
        x.basis
    );
    let x = run(&f, d(2018, 4, 5)).remove(1);
    assert!(x.very_overdue, "{}", x.basis);
    // Answered under the extension: met.
    let mut f = f;
    f.events.push(ev(EventKind::Response, d(2018, 3, 15)));
    let x = run(&f, d(2018, 3, 20)).remove(1);
    assert_eq!((x.state, x.days_left), (ClockState::Met, 1));
    // A "new" date before the ordinary deadline is a slip: 20 more working days instead.
    let mut early = given.clone();
    early.until = Some(d(2018, 2, 20));
    let f = file(Regime::Foia, d(2018, 2, 3), vec![early]);
    let x = run(&f, d(2018, 3, 20)).remove(1);
    assert_eq!(x.due, d(2018, 4, 4));
    assert!(
        x.basis
            .ends_with("Tue 20 Feb 2018 is before the ordinary due date, so it is not used"),
        "{}",
        x.basis
    );
    // A date beyond 40 working days is noted.
    given.until = Some(d(2018, 5, 1));
    let f = file(Regime::Foia, d(2018, 2, 3), vec![given]);
    let x = run(&f, d(2018, 3, 20)).remove(1);
    assert!(
        x.basis
            .contains("beyond the 40 working days in all the ICO accepts (Wed 4 Apr 2018)"),
        "{}",
        x.basis
    );
}

#[test]
fn no_extension_response_clock_is_very_overdue_past_forty_days() {
    let f = file(Regime::Foia, d(2018, 2, 3), vec![]);
    let r = run(&f, d(2018, 3, 20)).remove(0);
    assert_eq!(
        (r.state, r.days_left, r.very_overdue),
        (ClockState::Running, -11, false)
    );
    assert_eq!(r.countdown(), "11 wd overdue");
    let r = run(&f, d(2018, 4, 5)).remove(0);
    assert!(
        r.very_overdue
            && r.basis
                .contains("past 40 working days in all (Wed 4 Apr 2018)"),
        "{}",
        r.basis
    );
    // A Saturday after a Friday deadline is already late.
    let r = run(&f, d(2018, 3, 3)).remove(0);
    assert_eq!(r.days_left, -1);
    let r = run(&f, d(2018, 3, 2)).remove(0);
    assert_eq!(r.countdown(), "due today");
}

#[test]
fn environmental_extensions_and_foisa_has_none() {
    let ext = ev(EventKind::Extension, d(2018, 2, 20));
    let f = file(Regime::Eir, d(2018, 2, 3), vec![ext.clone()]);
    let x = run(&f, d(2018, 3, 1)).remove(1);
    assert_eq!(
        (x.kind, x.due),
        (ClockKind::ResponseExtended, d(2018, 4, 4))
    );
    assert!(x.basis.contains("reg 7(1)"));
    let f = file(Regime::Foisa, d(2018, 2, 3), vec![ext]);
    let cs = run(&f, d(2018, 3, 1));
    assert_eq!(cs.len(), 1);
    assert_eq!(cs[0].kind, ClockKind::Response);
}

#[test]
fn review_windows_as_letters_state_them() {
    let mut resp = ev(EventKind::Response, d(2017, 12, 31));
    resp.window = Some(Span::Months(2));
    let f = file(Regime::Foia, d(2017, 12, 1), vec![resp.clone()]);
    assert_eq!(
        get(&run(&f, d(2018, 1, 2)), ClockKind::ReviewRequest).due,
        d(2018, 2, 28)
    );
    resp.date = d(2019, 12, 31);
    let f = file(Regime::Foia, d(2019, 12, 1), vec![resp.clone()]);
    let w = run(&f, d(2020, 1, 2)).remove(1);
    assert_eq!(w.due, d(2020, 2, 29));
    assert!(
        w.basis.contains("ends on Sat 29 Feb, not a working day"),
        "{}",
        w.basis
    );

    resp.window = Some(Span::WorkingDays(40));
    let f = file(Regime::Foia, d(2019, 12, 1), vec![resp.clone()]);
    let w = run(&f, d(2020, 1, 2)).remove(1);
    // 2 January (Scotland) is in the FOIA union too.
    assert_eq!((w.unit, w.due), (Unit::WorkingDays, d(2020, 2, 27)));
    resp.window = Some(Span::Weeks(6));
    let f = file(Regime::Foia, d(2019, 12, 1), vec![resp.clone()]);
    assert_eq!(run(&f, d(2020, 1, 2))[1].due, d(2020, 2, 11));
    resp.window = None;
    let f = file(Regime::Eir, d(2019, 12, 1), vec![resp]);
    let w = run(&f, d(2020, 1, 2)).remove(1);
    assert_eq!(w.unit, Unit::WorkingDays);
    assert!(w.basis.contains("EIR reg 11(2)"), "{}", w.basis);
}

#[test]
fn years_past_the_reference_file() {
    // Easter 2030: Good Friday 19 Apr, Easter Monday 22 Apr; early May 6 May.
    let f = file(Regime::Foia, d(2030, 4, 15), vec![]);
    let r = run(&f, d(2030, 4, 16)).remove(0);
    assert_eq!(r.due, d(2030, 5, 16));
    assert!(
        r.basis.contains(
            "skips Good Friday 19 Apr, Easter Monday 22 Apr, Early May bank holiday 6 May"
        ),
        "{}",
        r.basis
    );
}

#[test]
fn withdrawn_drafts_and_future_receipts() {
    let f = file(
        Regime::Foia,
        d(2018, 2, 3),
        vec![ev(EventKind::Withdrawn, d(2018, 2, 10))],
    );
    let cs = run(&f, d(2018, 3, 20));
    assert_eq!(cs[0].state, ClockState::Lapsed);
    assert!(cs[0].basis.ends_with("; request withdrawn Sat 10 Feb 2018"));
    assert_eq!(status(&f, &cs), CaseStatus::Withdrawn);
    assert!(next_clock(&cs).is_none());
    // Closed after the deadline had passed: the authority had missed it.
    let f = file(
        Regime::Foia,
        d(2018, 2, 3),
        vec![ev(EventKind::Closed, d(2018, 3, 10))],
    );
    assert_eq!(run(&f, d(2018, 3, 20))[0].state, ClockState::Missed);

    let mut draft = file(Regime::Foia, d(2018, 2, 3), vec![]);
    draft.case.sent = None;
    assert!(run(&draft, d(2018, 3, 20)).is_empty());
    assert_eq!(status(&draft, &[]), CaseStatus::Draft);

    let f = file(Regime::Foia, d(2018, 2, 3), vec![]);
    let r = run(&f, d(2018, 1, 20)).remove(0);
    assert_eq!(
        (r.state, r.countdown().as_str()),
        (ClockState::NotStarted, "not started")
    );
}

#[test]
fn received_date_wins_over_sent() {
    let mut f = file(Regime::Foia, d(2018, 2, 1), vec![]);
    f.case.received = Some(d(2018, 2, 3));
    assert_eq!(run(&f, d(2018, 2, 10))[0].due, d(2018, 3, 2));
}

#[test]
fn unsorted_and_absurd_timelines_do_not_panic() {
    let mut resp = ev(EventKind::Response, d(2018, 2, 27));
    resp.window = Some(Span::Months(400));
    let f = file(
        Regime::Foia,
        d(2018, 2, 3),
        vec![resp, ev(EventKind::Sent, d(2018, 2, 3))],
    );
    let cs = run(&f, d(2018, 3, 10));
    assert_eq!(cs[0].state, ClockState::Met);

    for regime in Regime::ALL {
        for date in [NaiveDate::MAX, NaiveDate::MIN, d(9999, 12, 31)] {
            let mut events: Vec<Event> = [
                EventKind::ClarificationRequested,
                EventKind::ClarificationSent,
                EventKind::FeeNotice,
                EventKind::FeePaid,
                EventKind::Extension,
                EventKind::Response,
                EventKind::ReviewRequested,
                EventKind::ReviewResponse,
                EventKind::IcoComplaint,
                EventKind::IcoDecision,
            ]
            .into_iter()
            .map(|k| ev(k, date))
            .collect();
            events[4].until = Some(NaiveDate::MAX);
            events[5].window = Some(Span::Months(400));
            let f = file(regime, date, events);
            for today in [NaiveDate::MIN, d(2018, 1, 1), NaiveDate::MAX] {
                let cs = run(&f, today);
                let _ = status(&f, &cs);
                let _ = next_clock(&cs);
                for c in &cs {
                    let _ = c.countdown();
                }
            }
        }
    }
}
