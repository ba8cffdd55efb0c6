//! Property tests: working-day arithmetic against a day-by-day count, and clocks over
//! generated timelines.

use super::{
    Calendar, ClockKind, ClockState, Division, Unit, clocks, clocks_brief, next_clock, status,
};
use crate::domain::{Case, CaseFile, Event, EventKind, Regime, Span};
use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;

fn regime() -> impl Strategy<Value = Regime> {
    prop::sample::select(Regime::ALL.to_vec())
}

/// Dates from 1900 to 2400: before, inside and after the fast tables.
fn date() -> impl Strategy<Value = NaiveDate> {
    (693_596i32..876_216).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap())
}

fn brute_is_working(cal: &Calendar, regime: Regime, d: NaiveDate) -> bool {
    let divs: &[Division] = if regime.is_scottish() {
        &[Division::Scotland]
    } else {
        &Division::ALL
    };
    d.weekday().num_days_from_monday() < 5
        && !divs
            .iter()
            .any(|&v| cal.holidays(v, d.year()).iter().any(|h| h.date == d))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn a_due_date_is_a_working_day_after_the_start(r in regime(), d in date(), n in 0u32..500) {
        let cal = Calendar::standard();
        let due = cal.add_working_days(r, d, n);
        if n == 0 {
            prop_assert_eq!(due, d);
        } else {
            prop_assert!(due > d);
            prop_assert!(cal.is_working_day(r, due));
        }
        prop_assert_eq!(cal.working_days_between(r, d, due), i64::from(n));
        prop_assert_eq!(cal.working_days_between(r, due, d), -i64::from(n));
    }

    #[test]
    fn later_starts_never_give_earlier_due_dates(r in regime(), d in date(), k in 0u64..40, n in 0u32..300) {
        let cal = Calendar::standard();
        let later = d + Days::new(k);
        prop_assert!(cal.add_working_days(r, later, n) >= cal.add_working_days(r, d, n));
    }

    #[test]
    fn tables_agree_with_a_day_by_day_count(r in regime(), d in date(), len in 0u64..120) {
        let cal = Calendar::standard();
        let to = d + Days::new(len);
        let mut want = 0;
        let mut day = d;
        while day < to {
            day = day.succ_opt().unwrap();
            if brute_is_working(cal, r, day) {
                want += 1;
            }
        }
        prop_assert_eq!(cal.working_days_between(r, d, to), want);
        prop_assert_eq!(cal.is_working_day(r, to), brute_is_working(cal, r, to));
        let named = cal.holidays_between(r, d, to);
        prop_assert!(named.iter().all(|(h, _)| !cal.is_working_day(r, *h) && *h >= d && *h <= to));
    }
}

/// One generated event: kind, days after the previous one, stated window, `until`
/// as days after the event.
type GenEvent = (EventKind, u64, Option<Span>, Option<u64>);

/// A timeline: events of random kinds at increasing offsets from receipt, and how many
/// days after receipt "today" is.
fn timeline() -> impl Strategy<Value = (Regime, NaiveDate, Vec<GenEvent>, u64)> {
    let kind = prop::sample::select(EventKind::ALL.to_vec());
    let span = prop::option::of(prop_oneof![
        (1u32..13).prop_map(Span::Months),
        (1u32..10).prop_map(Span::Weeks),
        (1u32..100).prop_map(Span::Days),
        (1u32..80).prop_map(Span::WorkingDays),
    ]);
    let event = (kind, 0u64..60, span, prop::option::of(0u64..120));
    (
        regime(),
        (730_000i32..800_000).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap()),
        prop::collection::vec(event, 0..10),
        0u64..700,
    )
}

fn build(regime: Regime, received: NaiveDate, evs: &[GenEvent]) -> CaseFile {
    let mut date = received;
    let events = evs
        .iter()
        .map(|&(kind, gap, window, until)| {
            date = date + Days::new(gap);
            Event {
                id: 0,
                case_id: 1,
                kind,
                date,
                note: None,
                window,
                until: until.map(|u| date + Days::new(u)),
                letter: None,
                reference: None,
            }
        })
        .collect();
    CaseFile {
        case: Case {
            regime,
            sent: Some(received),
            ..Case::default()
        },
        questions: vec![],
        events,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn clocks_hold_together((r, received, evs, later) in timeline()) {
        let cal = Calendar::standard();
        let f = build(r, received, &evs);
        let today = received + Days::new(later);
        let cs = clocks(&f, today, cal);
        prop_assert!(!cs.is_empty());
        prop_assert_eq!(cs[0].kind, ClockKind::Response);
        for c in &cs {
            prop_assert!(c.due >= c.start || c.state == ClockState::Paused, "{:?}", c);
            if c.unit == Unit::WorkingDays && c.kind != ClockKind::ResponseExtended {
                prop_assert!(cal.is_working_day(r, c.due), "{:?}", c);
            }
            match c.state {
                ClockState::Met => prop_assert!(c.days_left >= 0, "{:?}", c),
                ClockState::Missed => prop_assert!(c.days_left < 0, "{:?}", c),
                ClockState::Running if c.kind.is_requester_window() => {
                    prop_assert!(c.days_left >= 0, "{:?}", c)
                }
                _ => {}
            }
            prop_assert!(!c.very_overdue || (r == Regime::Foia && c.is_overdue()), "{:?}", c);
            prop_assert!(!c.basis.is_empty() && !c.countdown().is_empty());
        }
        if let Some(n) = next_clock(&cs) {
            prop_assert!(n.is_live());
        }
        // The brief form is the same clocks without their working.
        let brief = clocks_brief(&f, today, cal);
        let stripped: Vec<_> = cs.iter().cloned().map(|mut c| { c.basis.clear(); c }).collect();
        prop_assert_eq!(&brief, &stripped);
        prop_assert_eq!(status(&f, &brief), status(&f, &cs));
    }

    #[test]
    fn clocks_never_panic_on_any_dates(
        r in regime(),
        received in any::<i32>(),
        evs in prop::collection::vec((prop::sample::select(EventKind::ALL.to_vec()), any::<i32>(), any::<u32>()), 0..8),
        today in any::<i32>(),
    ) {
        let at = |n: i32| NaiveDate::from_num_days_from_ce_opt(n).unwrap_or(if n < 0 { NaiveDate::MIN } else { NaiveDate::MAX });
        let events = evs
            .iter()
            .map(|&(kind, n, w)| Event {
                id: 0,
                case_id: 1,
                kind,
                date: at(n),
                note: None,
                window: Some(match w % 4 {
                    0 => Span::Months(w % 401),
                    1 => Span::Weeks(w % 401),
                    2 => Span::Days(w),
                    _ => Span::WorkingDays(w % 401),
                }),
                until: Some(at(n.wrapping_add(w as i32))),
                letter: None,
                reference: None,
            })
            .collect();
        let f = CaseFile {
            case: Case { regime: r, sent: Some(at(received)), ..Case::default() },
            questions: vec![],
            events,
        };
        let cs = clocks(&f, at(today), Calendar::standard());
        let _ = status(&f, &cs);
        for c in &cs {
            let _ = c.countdown();
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    /// The case list's first screen reads open cases by the earliest date each holds and
    /// stops once its rows fall due before the next case's (see `list_keys`): that is only
    /// right if no clock ever falls due before the earliest date of its case: sent,
    /// received, any event's date or `until`, in any order, whatever today is.
    #[test]
    fn no_clock_falls_due_before_the_earliest_date_of_its_case(
        r in regime(),
        sent in prop::option::of(0u64..400),
        received in prop::option::of(0u64..400),
        evs in prop::collection::vec(
            (prop::sample::select(EventKind::ALL.to_vec()), 0u64..900, prop::option::of(0u64..200),
             prop::option::of(prop_oneof![
                (0u32..13).prop_map(Span::Months),
                (0u32..10).prop_map(Span::Weeks),
                (0u32..100).prop_map(Span::Days),
                (0u32..80).prop_map(Span::WorkingDays),
             ])),
            0..10),
        today in 0u64..1500,
    ) {
        let base = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap();
        let at = |n: u64| base + Days::new(n);
        let mut events: Vec<Event> = evs
            .iter()
            .enumerate()
            .map(|(i, &(kind, day, until, window))| Event {
                id: i as i64,
                case_id: 1,
                kind,
                date: at(day),
                note: None,
                window,
                // Up to 100 days either side of the event.
                until: until.map(|u| at((day + u).saturating_sub(100))),
                letter: None,
                reference: None,
            })
            .collect();
        events.sort_by_key(|e| (e.date, e.id));
        let f = CaseFile {
            case: Case { regime: r, sent: sent.map(at), received: received.map(at), ..Case::default() },
            questions: vec![],
            events,
        };
        let earliest = [f.case.sent, f.case.received]
            .into_iter()
            .flatten()
            .chain(f.events.iter().flat_map(|e| [Some(e.date), e.until]).flatten())
            .min();
        for c in clocks_brief(&f, at(today), Calendar::standard()) {
            prop_assert!(earliest.is_some_and(|e| c.due >= e), "{:?} before {:?}", c, earliest);
        }
    }
}
