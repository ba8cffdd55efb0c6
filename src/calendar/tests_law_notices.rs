//! Known answers for the response deadline's late notices, the ICO's six weeks,
//! Scotland's names and a request received on a bank holiday, each citing its statute or
//! rule; worked by hand from the published bank holidays, as `tests_law` explains (its
//! header lists the holidays the dates cross).

use super::tests_law::{d, ev, file, find, get, run};
use super::{ClockKind, ClockState, next_clock, status};
use crate::domain::{CaseStatus, EventKind, Regime};

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
