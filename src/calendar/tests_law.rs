//! Known answers, one table per rule, each row citing the statute or rule it checks:
//! the review windows and the appeals here, the response deadline's late notices, the
//! ICO's six weeks, Scotland's names and a bank-holiday receipt in `tests_law_notices`.
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

use super::{Calendar, Clock, ClockKind, ClockState, clocks};
use crate::domain::{Case, CaseFile, Event, EventKind, Regime, Span};
use chrono::NaiveDate;

pub(super) const fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub(super) fn ev(kind: EventKind, date: NaiveDate) -> Event {
    Event {
        case_id: 1,
        ..Event::new(kind, date)
    }
}

pub(super) fn file(regime: Regime, received: NaiveDate, events: Vec<Event>) -> CaseFile {
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

pub(super) fn find(cs: &[Clock], kind: ClockKind) -> Option<&Clock> {
    cs.iter().find(|c| c.kind == kind)
}

pub(super) fn get(cs: &[Clock], kind: ClockKind) -> &Clock {
    find(cs, kind).unwrap_or_else(|| panic!("no {kind} clock in {cs:#?}"))
}

pub(super) fn run(f: &CaseFile, today: NaiveDate) -> Vec<Clock> {
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
