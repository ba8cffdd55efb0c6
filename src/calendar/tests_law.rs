//! Known answers, one table per rule, each row citing the statute or rule it checks.
//! Every expected date was worked out by hand from the published bank-holiday list
//! (gov.uk, kept as `tests/fixtures/uk-bank-holidays-2015-2027.csv`), not by the code
//! under test; the working is in the comment beside the row. "UK" days skip a bank
//! holiday in any division (FOIA s10(6)); "Scottish" days skip Scotland's (FOISA s73).
//!
//! The holidays the rows cross:
//! - 2024, all divisions: Mon 1 Jan, Fri 29 Mar (Good Friday), Mon 6 May, Mon 27 May,
//!   Wed 25 Dec, Thu 26 Dec. England, Wales and NI also Mon 1 Apr (Easter Monday),
//!   Mon 26 Aug; NI also Mon 18 Mar, Fri 12 Jul; Scotland also Tue 2 Jan, Mon 5 Aug,
//!   Mon 2 Dec.
//! - 2025, all: Wed 1 Jan, Fri 18 Apr, Mon 5 May, Mon 26 May, Thu 25 Dec, Fri 26 Dec.
//!   England, Wales and NI also Mon 21 Apr, Mon 25 Aug; NI also Mon 17 Mar, Mon 14 Jul;
//!   Scotland also Thu 2 Jan, Mon 4 Aug, Mon 1 Dec.

use super::{Calendar, Clock, ClockKind, ClockState, clocks, next_clock, status};
use crate::domain::{Case, CaseFile, CaseStatus, Event, EventKind, Regime, Span};
use chrono::NaiveDate;

const fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn ev(kind: EventKind, date: NaiveDate) -> Event {
    Event {
        id: 0,
        case_id: 1,
        kind,
        date,
        note: None,
        window: None,
        until: None,
        letter: None,
        reference: None,
    }
}

fn file(regime: Regime, received: NaiveDate, events: Vec<Event>) -> CaseFile {
    CaseFile {
        case: Case {
            id: 1,
            regime,
            sent: Some(received),
            ..Case::default()
        },
        questions: vec![],
        events,
    }
}

fn find(cs: &[Clock], kind: ClockKind) -> Option<&Clock> {
    cs.iter().find(|c| c.kind == kind)
}

fn get(cs: &[Clock], kind: ClockKind) -> &Clock {
    find(cs, kind).unwrap_or_else(|| panic!("no {kind} clock in {cs:#?}"))
}

fn run(f: &CaseFile, today: NaiveDate) -> Vec<Clock> {
    clocks(f, today, Calendar::standard())
}

/// One review-window row: regime, receipt, response (with the window its letter
/// states), today, and the expected start and close of the window. The window is open
/// from the response (or, with none, from the end of the response period).
struct ReviewRow {
    law: &'static str,
    regime: Regime,
    received: NaiveDate,
    response: Option<(NaiveDate, Option<Span>)>,
    today: NaiveDate,
    start: NaiveDate,
    due: NaiveDate,
    basis_has: &'static str,
}

const REVIEW_ROWS: &[ReviewRow] = &[
    // Received Mon 4 Mar 2024. Response period, 20 Scottish days: 5–8 Mar (4),
    // 11–15 (9), 18–22 (14), 25–28 (18; Fri 29 Good Friday), Mon 1 Apr (19, a
    // working day in Scotland), Tue 2 Apr (20). Answered in time on 20 Mar, so the
    // window runs from 2 Apr: 3–5 Apr (3), 8–12 (8), 15–19 (13), 22–26 (18),
    // 29 Apr–3 May (23), 7–10 May (27; Mon 6 May), 13–17 (32), 20–24 (37),
    // 28–30 May (40; Mon 27 May) = Thu 30 May 2024.
    ReviewRow {
        law: "FOISA s20(5)(a): 40 working days after the time allowed to respond",
        regime: Regime::Foisa,
        received: d(2024, 3, 4),
        response: Some((d(2024, 3, 20), None)),
        today: d(2024, 3, 21),
        start: d(2024, 3, 20),
        due: d(2024, 5, 30),
        basis_has: "from the end of the response period Tue 2 Apr 2024 (FOISA s20(5)(a)",
    },
    // The same, the letter saying "2 months": 20 Mar + 2 months = Mon 20 May, earlier
    // than the Act's Thu 30 May, which stays the deadline.
    ReviewRow {
        law: "FOISA s20(5): a shorter window in the letter does not shorten the Act's",
        regime: Regime::Foisa,
        received: d(2024, 3, 4),
        response: Some((d(2024, 3, 20), Some(Span::Months(2)))),
        today: d(2024, 3, 21),
        start: d(2024, 3, 20),
        due: d(2024, 5, 30),
        basis_has: "the letter states 2 months (to Mon 20 May 2024), shorter than the Act allows",
    },
    // Answered late, on Mon 15 Apr 2024 (the period ended 2 Apr): 40 Scottish days
    // from receipt of the response: 16–19 Apr (4), 22–26 (9), 29 Apr–3 May (14),
    // 7–10 May (18; Mon 6 May), 13–17 (23), 20–24 (28), 28–31 (32; Mon 27 May),
    // 3–7 Jun (37), 10–12 Jun (40) = Wed 12 Jun 2024.
    ReviewRow {
        law: "FOISA s20(5)(b): a late response, from its receipt",
        regime: Regime::Foisa,
        received: d(2024, 3, 4),
        response: Some((d(2024, 4, 15), None)),
        today: d(2024, 4, 16),
        start: d(2024, 4, 15),
        due: d(2024, 6, 12),
        basis_has: "from the late response of Mon 15 Apr 2024 (FOISA s20(5)(b))",
    },
    // No response at all: from the end of the period, Tue 2 Apr, as in the first
    // row: Thu 30 May 2024.
    ReviewRow {
        law: "FOISA s20(5)(a): no response, from the end of the response period",
        regime: Regime::Foisa,
        received: d(2024, 3, 4),
        response: None,
        today: d(2024, 4, 3),
        start: d(2024, 4, 2),
        due: d(2024, 5, 30),
        basis_has: "no response came; FOISA s20(5)(a)",
    },
    // EISR keeps its rule, 40 Scottish days from the response of Wed 20 Mar 2024:
    // 21–22 Mar (2), 25–28 (6; Good Friday), 1–5 Apr (11), 8–12 (16), 15–19 (21),
    // 22–26 (26), 29 Apr–3 May (31), 7–10 May (35; Mon 6 May), 13–17 (40) =
    // Fri 17 May 2024.
    ReviewRow {
        law: "EISR reg 16(3): 40 working days after the response",
        regime: Regime::Eisr,
        received: d(2024, 3, 4),
        response: Some((d(2024, 3, 20), None)),
        today: d(2024, 3, 21),
        start: d(2024, 3, 20),
        due: d(2024, 5, 17),
        basis_has: "(EISR reg 16)",
    },
    // Guard, FOIA unchanged: 40 UK days from Wed 20 Mar 2024: 21–22 Mar (2),
    // 25–28 (6; Good Friday), 2–5 Apr (10; Easter Monday), 8–12 (15), 15–19 (20),
    // 22–26 (25), 29 Apr–3 May (30), 7–10 May (34; Mon 6 May), 13–17 (39),
    // Mon 20 May (40).
    ReviewRow {
        law: "FOIA s45 Code of Practice: 40 working days from the response",
        regime: Regime::Foia,
        received: d(2024, 3, 4),
        response: Some((d(2024, 3, 20), None)),
        today: d(2024, 3, 21),
        start: d(2024, 3, 20),
        due: d(2024, 5, 20),
        basis_has: "s45 Code of Practice's 40 working days",
    },
    // Guard, FOIA with the window the letter states: 27 Feb 2018 + 2 months =
    // Fri 27 Apr 2018, calendar months.
    ReviewRow {
        law: "FOIA: the window the letter states",
        regime: Regime::Foia,
        received: d(2018, 2, 3),
        response: Some((d(2018, 2, 27), Some(Span::Months(2)))),
        today: d(2018, 3, 10),
        start: d(2018, 2, 27),
        due: d(2018, 4, 27),
        basis_has: "2 months from the response letter of Tue 27 Feb 2018 (as the letter states)",
    },
];

#[test]
fn review_windows_known_answers() {
    for row in REVIEW_ROWS {
        let events = row
            .response
            .map(|(date, window)| {
                let mut r = ev(EventKind::Response, date);
                r.window = window;
                r
            })
            .into_iter()
            .collect();
        let cs = run(&file(row.regime, row.received, events), row.today);
        let w = get(&cs, ClockKind::ReviewRequest);
        assert_eq!((w.start, w.due), (row.start, row.due), "{}", row.law);
        assert_eq!(w.state, ClockState::Running, "{}", row.law);
        assert!(w.basis.contains(row.basis_has), "{}: {}", row.law, w.basis);
    }
}

/// One appeal row: the decision's date and the last day to appeal.
struct AppealRow {
    law: &'static str,
    regime: Regime,
    decision: NaiveDate,
    due: NaiveDate,
    basis_has: &'static str,
}

const APPEAL_ROWS: &[AppealRow] = &[
    // 28 Nov 2024 + 28 days = Thu 26 Dec, Boxing Day; Fri 27 Dec is a working day.
    AppealRow {
        law: "GRC rules r22(1), r12(2): next working day after Boxing Day",
        regime: Regime::Foia,
        decision: d(2024, 11, 28),
        due: d(2024, 12, 27),
        basis_has: "ends on Thu 26 Dec, Boxing Day, not a working day: in time on the next working day (r12(2), (3))",
    },
    // 27 Nov 2025 + 28 = Thu 25 Dec, Christmas Day; Fri 26 Dec Boxing Day, then the
    // weekend: Mon 29 Dec 2025.
    AppealRow {
        law: "GRC rules r12(3): Christmas Day, a bank holiday and a weekend",
        regime: Regime::Foia,
        decision: d(2025, 11, 27),
        due: d(2025, 12, 29),
        basis_has: "Christmas Day",
    },
    // 21 Mar 2025 + 28 = Fri 18 Apr, Good Friday; Mon 21 Apr is Easter Monday, a
    // bank holiday in England and Wales: Tue 22 Apr 2025.
    AppealRow {
        law: "GRC rules r12(3): Good Friday, then Easter Monday",
        regime: Regime::Eir,
        decision: d(2025, 3, 21),
        due: d(2025, 4, 22),
        basis_has: "Good Friday",
    },
    // Sat 7 Dec 2024 + 28 = Sat 4 Jan 2025: Mon 6 Jan 2025.
    AppealRow {
        law: "GRC rules r12(2): a Saturday",
        regime: Regime::Foia,
        decision: d(2024, 12, 7),
        due: d(2025, 1, 6),
        basis_has: "ends on Sat 4 Jan, not a working day",
    },
    // Guard: 6 Dec 2024 + 28 = Fri 3 Jan 2025, a working day in England and Wales
    // (2 Jan is Scotland's holiday, not the Tribunal's): it stands.
    AppealRow {
        law: "GRC rules r22(1): 28 days ending on a working day",
        regime: Regime::Foia,
        decision: d(2024, 12, 6),
        due: d(2025, 1, 3),
        basis_has: "28 days from the ICO decision notice of Fri 6 Dec 2024",
    },
    // Guard: 16 Jun 2025 + 28 = Mon 14 Jul, a holiday in Northern Ireland only; the
    // Tribunal's calendar is England and Wales's, so the earlier date stands.
    AppealRow {
        law: "GRC rules r12(3): an NI-only holiday does not move the date",
        regime: Regime::Foia,
        decision: d(2025, 6, 16),
        due: d(2025, 7, 14),
        basis_has: "(First-tier Tribunal GRC rules r22(1)); calendar days",
    },
    // Scotland: 28 Nov 2024 + 42 days = Thu 9 Jan 2025.
    AppealRow {
        law: "RCS r41.20(1)(b): 42 days to the Court of Session (FOISA s56)",
        regime: Regime::Foisa,
        decision: d(2024, 11, 28),
        due: d(2025, 1, 9),
        basis_has: "(Rules of the Court of Session r41.20(1)(b); right of appeal FOISA s56)",
    },
];

#[test]
fn appeal_windows_known_answers() {
    for row in APPEAL_ROWS {
        let f = file(
            row.regime,
            d(2024, 1, 8),
            vec![
                ev(EventKind::Response, d(2024, 1, 30)),
                ev(EventKind::IcoDecision, row.decision),
            ],
        );
        let cs = run(&f, row.decision);
        let kind = if row.regime.is_scottish() {
            ClockKind::CourtOfSessionAppeal
        } else {
            ClockKind::TribunalAppeal
        };
        let t = get(&cs, kind);
        assert_eq!(t.due, row.due, "{}: {}", row.law, t.basis);
        assert!(t.basis.contains(row.basis_has), "{}: {}", row.law, t.basis);
        let other = if row.regime.is_scottish() {
            ClockKind::TribunalAppeal
        } else {
            ClockKind::CourtOfSessionAppeal
        };
        assert!(find(&cs, other).is_none(), "{}", row.law);
    }
}

#[test]
fn a_late_extension_leaves_the_deadline_missed() {
    // Received Mon 4 Mar 2024 (FOIA, UK days): 5–8 Mar (4), 11–15 (9), 19–22 (13; Mon 18
    // St Patrick's Day, NI), 25–28 (17; Good Friday), 2–4 Apr (20; Easter Monday) =
    // Thu 4 Apr 2024.
    let due = d(2024, 4, 4);
    for (law, regime, note) in [
        (
            "FOIA s10(3), s17(2)",
            Regime::Foia,
            "too late to extend it (FOIA s10(3), s17(2))",
        ),
        (
            "EIR reg 7(1)",
            Regime::Eir,
            "too late to extend it (reg 7(1))",
        ),
    ] {
        let mut ext = ev(EventKind::Extension, d(2024, 4, 5));
        ext.until = Some(d(2024, 5, 3));
        let mut f = file(regime, d(2024, 3, 4), vec![ext]);
        // Wed 10 Apr: 5, 8, 9, 10 Apr are 4 working days past the deadline.
        let cs = run(&f, d(2024, 4, 10));
        let r = get(&cs, ClockKind::Response);
        assert_eq!(
            (r.due, r.state, r.days_left),
            (due, ClockState::Missed, -4),
            "{law}"
        );
        assert!(r.awaited && r.is_overdue() && r.is_live(), "{law}");
        assert_eq!(r.promised, Some(d(2024, 5, 3)), "{law}");
        assert!(r.basis.contains(note), "{law}: {}", r.basis);
        assert!(
            r.basis.contains(
                "the authority promises a response by Fri 3 May 2024 (a promise, not a statutory deadline)"
            ),
            "{law}: {}",
            r.basis
        );
        assert!(find(&cs, ClockKind::ResponseExtended).is_none(), "{law}");
        assert_eq!(status(&f, &cs), CaseStatus::Overdue, "{law}");
        assert_eq!(next_clock(&cs).map(|c| c.kind), Some(ClockKind::Response));
        assert_eq!(r.countdown(), "missed, 4 wd overdue");
        // The response on Tue 30 Apr: 5, 8–12, 15–19, 22–26, 29–30 Apr = 18 late.
        f.events.push(ev(EventKind::Response, d(2024, 4, 30)));
        let cs = run(&f, d(2024, 5, 1));
        let r = get(&cs, ClockKind::Response);
        assert_eq!(
            (r.state, r.days_left, r.awaited),
            (ClockState::Missed, -18, false)
        );
        assert_eq!(status(&f, &cs), CaseStatus::Responded, "{law}");
    }
    // Guard: a notice in time (Wed 3 Apr) still extends it: the response clock is met
    // by the notice and the extended clock runs to the authority's date.
    let mut ext = ev(EventKind::Extension, d(2024, 4, 3));
    ext.until = Some(d(2024, 5, 3));
    let f = file(Regime::Foia, d(2024, 3, 4), vec![ext]);
    let cs = run(&f, d(2024, 4, 10));
    assert_eq!(get(&cs, ClockKind::Response).state, ClockState::Met);
    let x = get(&cs, ClockKind::ResponseExtended);
    assert_eq!((x.due, x.state), (d(2024, 5, 3), ClockState::Running));
    assert_eq!(status(&f, &cs), CaseStatus::AwaitingResponse);
}

#[test]
fn a_late_clarification_request_does_not_stop_the_clock() {
    // Deadline Thu 4 Apr 2024, as above (FOIA s10(1); s1(3) stops only a running clock).
    let late = file(
        Regime::Foia,
        d(2024, 3, 4),
        vec![ev(EventKind::ClarificationRequested, d(2024, 4, 8))],
    );
    // Wed 10 Apr: 5, 8, 9, 10 Apr = 4 working days late.
    let cs = run(&late, d(2024, 4, 10));
    let r = get(&cs, ClockKind::Response);
    assert_eq!(
        (r.due, r.state, r.days_left),
        (d(2024, 4, 4), ClockState::Missed, -4)
    );
    assert!(r.basis.contains(
        "clarification request of Mon 8 Apr 2024 came 2 working days after the deadline, too late to stop it"
    ), "{}", r.basis);
    assert_eq!(status(&late, &cs), CaseStatus::Overdue);
    // The clarification sent on Tue 9 Apr restarts nothing: Fri 12 Apr is 6 days late
    // (5, 8–12 Apr).
    let mut sent = late.clone();
    sent.events
        .push(ev(EventKind::ClarificationSent, d(2024, 4, 9)));
    let cs = run(&sent, d(2024, 4, 12));
    let r = get(&cs, ClockKind::Response);
    assert_eq!((r.due, r.days_left), (d(2024, 4, 4), -6));
    assert_eq!(status(&sent, &cs), CaseStatus::Overdue);

    // Guard (FOIA s1(3), s10(6)): asked in time on Wed 20 Mar, answered Mon 25 Mar:
    // 20 UK days from day 0 on 25 Mar: 26–28 Mar (3; Good Friday), 2–5 Apr (7; Easter
    // Monday), 8–12 (12), 15–19 (17), 22–24 Apr (20) = Wed 24 Apr 2024.
    let in_time = file(
        Regime::Foia,
        d(2024, 3, 4),
        vec![
            ev(EventKind::ClarificationRequested, d(2024, 3, 20)),
            ev(EventKind::ClarificationSent, d(2024, 3, 25)),
        ],
    );
    let cs = run(&in_time, d(2024, 4, 10));
    let r = get(&cs, ClockKind::Response);
    assert_eq!(
        (r.start, r.due, r.state),
        (d(2024, 3, 25), d(2024, 4, 24), ClockState::Running)
    );
    assert_eq!(status(&in_time, &cs), CaseStatus::AwaitingResponse);
}

#[test]
fn the_icos_six_weeks_are_practice() {
    // Review outcome Mon 3 Jun 2024 + 42 days = Mon 15 Jul 2024.
    let base = || {
        file(
            Regime::Foia,
            d(2024, 3, 4),
            vec![
                ev(EventKind::Response, d(2024, 3, 20)),
                ev(EventKind::ReviewRequested, d(2024, 4, 2)),
                ev(EventKind::ReviewResponse, d(2024, 6, 3)),
            ],
        )
    };
    let cs = run(&base(), d(2024, 7, 15));
    let c = get(&cs, ClockKind::IcoComplaint);
    assert_eq!((c.due, c.state), (d(2024, 7, 15), ClockState::Running));
    assert!(!c.basis.contains("statutory"), "{}", c.basis);
    assert!(
        c.basis
            .contains("the ICO's practice, not a limit set in law")
    );
    // The day after: late, not lost.
    let cs = run(&base(), d(2024, 7, 16));
    let c = get(&cs, ClockKind::IcoComplaint);
    assert_eq!(c.state, ClockState::Late);
    assert_eq!(
        c.countdown(),
        "late (the ICO may still accept it with a reason)"
    );
    // Made a week late (Mon 22 Jul): late, with the reason the ICO may accept.
    let mut f = base();
    f.events.push(ev(EventKind::IcoComplaint, d(2024, 7, 22)));
    let c = get(&run(&f, d(2024, 7, 23)), ClockKind::IcoComplaint).clone();
    assert_eq!((c.state, c.days_left), (ClockState::Late, -7));
    assert_eq!(
        c.countdown(),
        "done 7 d late (the ICO may accept it with a reason)"
    );
    // Guard: in time (Mon 8 Jul) is met.
    let mut f = base();
    f.events.push(ev(EventKind::IcoComplaint, d(2024, 7, 8)));
    assert_eq!(
        get(&run(&f, d(2024, 7, 23)), ClockKind::IcoComplaint).state,
        ClockState::Met
    );
}

#[test]
fn an_unanswered_review_may_go_to_the_ico_at_once() {
    // No review outcome: review asked for Mon 3 Jun 2024; 20 UK days: 4–7 Jun (4),
    // 10–14 (9), 17–21 (14), 24–28 (19), Mon 1 Jul (20). 40 at most: 2–5 Jul (24),
    // 8–11 Jul (28; Fri 12 Jul, NI), 15–19 (33), 22–26 (38), 29–30 Jul (40) =
    // Tue 30 Jul 2024.
    let f = file(
        Regime::Foia,
        d(2024, 3, 4),
        vec![
            ev(EventKind::Response, d(2024, 3, 20)),
            ev(EventKind::ReviewRequested, d(2024, 6, 3)),
        ],
    );
    let cs = run(&f, d(2024, 7, 1));
    let rr = get(&cs, ClockKind::ReviewResponse);
    assert_eq!(rr.due, d(2024, 7, 1));
    assert!(
        rr.basis.contains(
            "(the s45 Code of Practice: 20 working days, 40 at most in complex cases, to Tue 30 Jul 2024)"
        ),
        "{}",
        rr.basis
    );
    assert!(!rr.basis.contains("complain to the ICO now"));
    let cs = run(&f, d(2024, 7, 3));
    let rr = get(&cs, ClockKind::ReviewResponse);
    assert!(
        rr.basis
            .contains("no outcome yet: you may complain to the ICO now"),
        "{}",
        rr.basis
    );
    assert!(
        find(&cs, ClockKind::IcoComplaint).is_none(),
        "no six-week clock without an outcome"
    );
}

#[test]
fn scotland_has_its_own_names() {
    let path = |regime| {
        file(
            regime,
            d(2024, 3, 4),
            vec![
                ev(EventKind::Response, d(2024, 3, 20)),
                ev(EventKind::ReviewRequested, d(2024, 4, 2)),
                ev(EventKind::ReviewResponse, d(2024, 4, 25)),
                ev(EventKind::IcoComplaint, d(2024, 5, 1)),
            ],
        )
    };
    // (regime, with the Commissioner, decided, appealed, the appeal clock)
    let rows = [
        (
            Regime::Foisa,
            CaseStatus::WithSic,
            CaseStatus::SicDecided,
            CaseStatus::AtCourtOfSession,
            ClockKind::CourtOfSessionAppeal,
        ),
        (
            Regime::Eisr,
            CaseStatus::WithSic,
            CaseStatus::SicDecided,
            CaseStatus::AtCourtOfSession,
            ClockKind::CourtOfSessionAppeal,
        ),
        (
            Regime::Foia,
            CaseStatus::WithIco,
            CaseStatus::IcoDecided,
            CaseStatus::AtTribunal,
            ClockKind::TribunalAppeal,
        ),
        (
            Regime::Eir,
            CaseStatus::WithIco,
            CaseStatus::IcoDecided,
            CaseStatus::AtTribunal,
            ClockKind::TribunalAppeal,
        ),
    ];
    for (regime, with, decided, appealed, appeal) in rows {
        let mut f = path(regime);
        let today = d(2024, 10, 2);
        assert_eq!(status(&f, &run(&f, today)), with, "{regime}");
        f.events.push(ev(EventKind::IcoDecision, d(2024, 10, 1)));
        let cs = run(&f, today);
        assert_eq!(status(&f, &cs), decided, "{regime}");
        assert_eq!(next_clock(&cs).map(|c| c.kind), Some(appeal), "{regime}");
        f.events
            .push(ev(EventKind::TribunalAppeal, d(2024, 10, 20)));
        assert_eq!(status(&f, &run(&f, today)), appealed, "{regime}");
    }
    assert_eq!(CaseStatus::SicDecided.as_str(), "sic-decided");
    assert_eq!(
        ClockKind::CourtOfSessionAppeal.as_str(),
        "court-of-session-appeal"
    );
    assert_eq!(
        EventKind::IcoComplaint.describe_in(Regime::Foisa),
        "Application to the SIC"
    );
    assert_eq!(
        EventKind::IcoComplaint.describe_in(Regime::Foia),
        "Complaint to the ICO"
    );
}

#[test]
fn a_request_received_on_a_bank_holiday_names_it() {
    // FOIA, received Mon 6 May 2024 (Early May bank holiday): 7–10 May (4), 13–17 (9),
    // 20–24 (14), 28–31 (18; Mon 27 May), 3–4 Jun (20) = Tue 4 Jun 2024.
    let f = file(Regime::Foia, d(2024, 5, 6), vec![]);
    let r = get(&run(&f, d(2024, 5, 7)), ClockKind::Response).clone();
    assert_eq!(r.due, d(2024, 6, 4));
    assert!(
        r.basis.starts_with(
            "20 working days from receipt Mon 6 May 2024, Early May bank holiday, which does not count (day 1 Tue 7 May)"
        ),
        "{}",
        r.basis
    );
    // FOISA, received Mon 5 Aug 2024 (Scotland's summer bank holiday; Mon 26 Aug is not
    // Scotland's): 6–9 Aug (4), 12–16 (9), 19–23 (14), 26–30 (19), Mon 2 Sep (20).
    let f = file(Regime::Foisa, d(2024, 8, 5), vec![]);
    let r = get(&run(&f, d(2024, 8, 6)), ClockKind::Response).clone();
    assert_eq!(r.due, d(2024, 9, 2));
    assert!(
        r.basis
            .contains("Mon 5 Aug 2024, Summer bank holiday, which does not count"),
        "{}",
        r.basis
    );
    // Guard: a weekend receipt keeps its wording (no holiday to name).
    let f = file(Regime::Foia, d(2018, 2, 3), vec![]);
    let r = get(&run(&f, d(2018, 2, 5)), ClockKind::Response).clone();
    assert!(
        r.basis
            .contains("Sat 3 Feb 2018, not a working day (day 1 Mon 5 Feb)")
    );
}
