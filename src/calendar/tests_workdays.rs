//! Working-day arithmetic: day 1, weekends and holidays at receipt, the FOIA union
//! against the Scottish calendar, user extras, and dates outside the fast tables.

use super::{Calendar, Division, ExtraHoliday};
use crate::domain::Regime;
use chrono::{Datelike, NaiveDate};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn cal() -> &'static Calendar {
    Calendar::standard()
}

/// Count day by day from the holiday lists alone: the reference the tables must match.
fn brute_is_working(cal: &Calendar, regime: Regime, day: NaiveDate) -> bool {
    let divs: &[Division] = if regime.is_scottish() {
        &[Division::Scotland]
    } else {
        &Division::ALL
    };
    day.weekday().num_days_from_monday() < 5
        && !divs
            .iter()
            .any(|&v| cal.holidays(v, day.year()).iter().any(|h| h.date == day))
}

fn brute_add(cal: &Calendar, regime: Regime, from: NaiveDate, n: u32) -> NaiveDate {
    let mut day = from;
    let mut left = n;
    while left > 0 {
        day = day.succ_opt().unwrap();
        if brute_is_working(cal, regime, day) {
            left -= 1;
        }
    }
    day
}

#[test]
fn day_one_is_the_first_working_day_after_receipt() {
    // FOIA s10(1), day 1 the first working day after receipt: received Saturday 3 Feb 2018, due Friday 2 Mar 2018.
    assert_eq!(
        cal().add_working_days(Regime::Foia, d(2018, 2, 3), 20),
        d(2018, 3, 2)
    );
    assert_eq!(
        cal().add_working_days(Regime::Foia, d(2018, 2, 3), 1),
        d(2018, 2, 5)
    );
    // Received on a working day: day 1 is the next one.
    assert_eq!(
        cal().add_working_days(Regime::Foia, d(2018, 2, 5), 1),
        d(2018, 2, 6)
    );
    assert_eq!(
        cal().add_working_days(Regime::Foia, d(2018, 2, 5), 0),
        d(2018, 2, 5)
    );
}

#[test]
fn receipt_on_a_bank_holiday() {
    // Christmas Day 2017 (Mon): Boxing Day, 1 Jan and Scotland's 2 Jan are all skipped.
    let due = cal().add_working_days(Regime::Foia, d(2017, 12, 25), 20);
    assert_eq!(due, d(2018, 1, 25));
    assert_eq!(
        cal().add_working_days(Regime::Foia, d(2017, 12, 25), 1),
        d(2017, 12, 27)
    );
    assert!(!cal().is_working_day(Regime::Foia, d(2017, 12, 25)));
}

#[test]
fn st_patricks_day_counts_for_foia_not_foisa() {
    // 17 Mar 2020 (Tue) is an NI holiday: non-working for every FOIA request (s10(6)).
    let foia = cal().add_working_days(Regime::Foia, d(2020, 3, 16), 20);
    let foisa = cal().add_working_days(Regime::Foisa, d(2020, 3, 16), 20);
    // FOIA also skips Easter Monday 13 Apr, which Scotland does not keep.
    assert_eq!(foia, d(2020, 4, 16));
    assert_eq!(foisa, d(2020, 4, 14));
    assert!(!cal().is_working_day(Regime::Eir, d(2020, 3, 17)));
    assert!(cal().is_working_day(Regime::Eisr, d(2020, 3, 17)));
}

#[test]
fn the_twelfth_of_july_counts_for_foia_not_foisa() {
    // 12 Jul 2018 (Thu), Battle of the Boyne in NI.
    assert_eq!(
        cal().add_working_days(Regime::Foia, d(2018, 7, 11), 1),
        d(2018, 7, 13)
    );
    assert_eq!(
        cal().add_working_days(Regime::Foisa, d(2018, 7, 11), 1),
        d(2018, 7, 12)
    );
    assert_eq!(
        cal().add_working_days(Regime::Foia, d(2018, 7, 2), 20),
        d(2018, 7, 31)
    );
    assert_eq!(
        cal().add_working_days(Regime::Foisa, d(2018, 7, 2), 20),
        d(2018, 7, 30)
    );
}

#[test]
fn august_has_two_summer_holidays_for_foia_one_for_foisa() {
    // 2018: Scotland's first Monday (6 Aug), elsewhere the last Monday (27 Aug).
    assert_eq!(
        cal().add_working_days(Regime::Foia, d(2018, 8, 1), 20),
        d(2018, 8, 31)
    );
    assert_eq!(
        cal().add_working_days(Regime::Foisa, d(2018, 8, 1), 20),
        d(2018, 8, 30)
    );
    // A FOIA request to a London authority still loses 6 Aug.
    assert!(!cal().is_working_day(Regime::Foia, d(2018, 8, 6)));
}

#[test]
fn scottish_only_days_count_for_foia_too() {
    // 2 January and St Andrew's Day are Scottish holidays. The FOIA calendar is the
    // union of all three divisions, so it skips them as FOISA does: the two agree here,
    // and both differ from an England-and-Wales-only count (one day later).
    for (from, foia_due) in [
        (d(2018, 12, 27), d(2019, 1, 28)),  // 2 Jan 2019 (Wed)
        (d(2018, 11, 26), d(2018, 12, 27)), // 30 Nov 2018 (Fri), then Christmas
        (d(2020, 11, 23), d(2020, 12, 22)), // 30 Nov 2020 (Mon)
    ] {
        let foia = cal().add_working_days(Regime::Foia, from, 20);
        assert_eq!(foia, foia_due, "from {from}");
        assert_eq!(cal().add_working_days(Regime::Foisa, from, 20), foia);
        let england_only = {
            let mut day = from;
            let mut left = 20;
            while left > 0 {
                day = day.succ_opt().unwrap();
                let off = cal()
                    .holidays(Division::EnglandAndWales, day.year())
                    .iter()
                    .any(|h| h.date == day);
                if day.weekday().num_days_from_monday() < 5 && !off {
                    left -= 1;
                }
            }
            day
        };
        assert!(england_only < foia, "from {from}");
    }
    // But a Scottish day outside Scotland's calendar only: Easter Monday 2019.
    assert!(!cal().is_working_day(Regime::Foia, d(2019, 4, 22)));
    assert!(cal().is_working_day(Regime::Foisa, d(2019, 4, 22)));
}

#[test]
fn christmas_and_good_friday_never_work() {
    for year in [1995, 2018, 2021, 2027, 2150, 2400] {
        for regime in Regime::ALL {
            let xmas = d(year, 12, 25);
            assert!(!cal().is_working_day(regime, xmas), "{year} {regime}");
            let gf = super::holidays::easter_sunday(year).unwrap() - chrono::Days::new(2);
            assert!(!cal().is_working_day(regime, gf), "{year} {regime}");
        }
    }
}

#[test]
fn working_days_between_is_signed() {
    let (a, b) = (d(2018, 2, 3), d(2018, 3, 2));
    assert_eq!(cal().working_days_between(Regime::Foia, a, b), 20);
    assert_eq!(cal().working_days_between(Regime::Foia, b, a), -20);
    assert_eq!(cal().working_days_between(Regime::Foia, a, a), 0);
    // Tue 27 Feb to Fri 2 Mar: 3 working days (the seed case's early answer).
    assert_eq!(
        cal().working_days_between(Regime::Foia, d(2018, 2, 27), d(2018, 3, 2)),
        3
    );
}

#[test]
fn holidays_between_names_them() {
    let hs = cal().holidays_between(Regime::Foia, d(2018, 3, 1), d(2018, 4, 30));
    let names: Vec<_> = hs
        .iter()
        .map(|(d, n)| (d.to_string(), n.as_str()))
        .collect();
    assert_eq!(
        names,
        vec![
            (
                "2018-03-19".to_string(),
                "St Patrick's Day (substitute day, NI)"
            ),
            ("2018-03-30".to_string(), "Good Friday"),
            ("2018-04-02".to_string(), "Easter Monday"),
        ]
    );
    let scot = cal().holidays_between(Regime::Foisa, d(2018, 3, 1), d(2018, 4, 30));
    assert_eq!(scot, vec![(d(2018, 3, 30), "Good Friday".to_string())]);
    let jan = cal().holidays_between(Regime::Foia, d(2017, 1, 1), d(2017, 1, 5));
    assert_eq!(
        jan,
        vec![
            (
                d(2017, 1, 2),
                "New Year's Day (substitute day) / 2 January (Scotland)".to_string()
            ),
            (
                d(2017, 1, 3),
                "New Year's Day (substitute day, Scotland)".to_string()
            ),
        ]
    );
    assert!(
        cal()
            .holidays_between(Regime::Foia, d(2018, 4, 30), d(2018, 3, 1))
            .is_empty()
    );
}

#[test]
fn user_extras_are_non_working_days() {
    let extra = [ExtraHoliday {
        division: Division::Scotland,
        date: d(2018, 2, 14),
        name: "Local holiday".into(),
    }];
    let mine = Calendar::new(&extra);
    // A Scottish day counts for FOIA (the union) and for FOISA.
    assert_eq!(
        mine.add_working_days(Regime::Foia, d(2018, 2, 3), 20),
        d(2018, 3, 5)
    );
    assert_eq!(
        mine.add_working_days(Regime::Foisa, d(2018, 2, 3), 20),
        d(2018, 3, 5)
    );
    assert_eq!(
        mine.holidays_between(Regime::Foia, d(2018, 2, 1), d(2018, 2, 28)),
        vec![(d(2018, 2, 14), "Local holiday (Scotland)".to_string())]
    );
    // An English one only for the union.
    let eng = Calendar::new(&[ExtraHoliday {
        division: Division::EnglandAndWales,
        date: d(2018, 2, 14),
        name: "x".into(),
    }]);
    assert_eq!(
        eng.add_working_days(Regime::Foisa, d(2018, 2, 3), 20),
        d(2018, 3, 2)
    );
    assert_eq!(
        eng.add_working_days(Regime::Foia, d(2018, 2, 3), 20),
        d(2018, 3, 5)
    );
    // Extras far outside the tables still count.
    let far = Calendar::new(&[ExtraHoliday {
        division: Division::NorthernIreland,
        date: d(2500, 6, 1), // a Tuesday
        name: "x".into(),
    }]);
    assert!(!far.is_working_day(Regime::Foia, d(2500, 6, 1)));
    assert!(cal().is_working_day(Regime::Foia, d(2500, 6, 1)));
}

#[test]
fn outside_the_tables_the_rules_still_apply() {
    let c = cal();
    for (regime, from, n) in [
        (Regime::Foia, d(1989, 12, 1), 40),  // runs into the tables
        (Regime::Foisa, d(1980, 3, 20), 20), // before them
        (Regime::Foia, d(2200, 12, 10), 20), // runs out of them
        (Regime::Eir, d(2201, 4, 1), 20),    // after them
        (Regime::Eisr, d(3000, 12, 20), 300),
        (Regime::Foia, d(1985, 1, 1), 2000), // across the whole of the tables' start
    ] {
        let want = brute_add(c, regime, from, n);
        assert_eq!(
            c.add_working_days(regime, from, n),
            want,
            "{regime} {from} {n}"
        );
        assert_eq!(c.working_days_between(regime, from, want), i64::from(n));
        assert_eq!(c.working_days_between(regime, want, from), -i64::from(n));
    }
    // 2300 by rule: Easter 2300 is 10 Apr, so Good Friday 8 Apr.
    assert!(!c.is_working_day(Regime::Foisa, d(2300, 4, 8)));
}

#[test]
fn arithmetic_at_the_end_of_time_clamps() {
    let c = cal();
    assert_eq!(
        c.add_working_days(Regime::Foia, NaiveDate::MAX, 5),
        NaiveDate::MAX
    );
    let near = NaiveDate::MAX - chrono::Days::new(10);
    assert_eq!(c.add_working_days(Regime::Foia, near, 100), NaiveDate::MAX);
    // 1 Jan 10000 is a Saturday: substitutes Mon 3 (New Year) and Tue 4 (2 January).
    assert_eq!(
        c.add_working_days(Regime::Foisa, d(9999, 12, 31), 1),
        d(10000, 1, 5)
    );
    let _ = c.working_days_between(Regime::Foia, d(9999, 1, 1), d(10001, 1, 1));
    let _ = c.is_working_day(Regime::Foia, NaiveDate::MIN);
    let _ = c.holidays_between(
        Regime::Foia,
        NaiveDate::MAX - chrono::Days::new(40),
        NaiveDate::MAX,
    );
    let _ = c.add_working_days(Regime::Foia, NaiveDate::MIN, 10);
}
