//! Rules + overlay must reproduce gov.uk's published bank holidays, 2015–2027, exactly.

use super::holidays::is_weekend;
use super::{Calendar, Division};
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeSet;

/// A copy of `shared/reference/uk-bank-holidays-2015-2027.csv`, kept in the crate so the
/// test does not depend on the checkout layout.
const PUBLISHED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/uk-bank-holidays-2015-2027.csv"
));

fn published() -> BTreeSet<(Division, NaiveDate)> {
    PUBLISHED
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("division") && !l.trim().is_empty())
        .map(|l| {
            let (div, date) = l.trim().split_once(',').expect("division,date");
            (
                div.parse().expect("division"),
                NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("date"),
            )
        })
        .collect()
}

#[test]
fn rules_and_overlay_reproduce_the_published_dates() {
    let published = published();
    assert_eq!(published.len(), 361);
    let cal = Calendar::standard();
    let mut ours = BTreeSet::new();
    for div in Division::ALL {
        for year in 2015..=2027 {
            for h in cal.holidays(div, year) {
                // Published lists are of observed days: a weekend holiday shows as its substitute.
                if !is_weekend(h.date) {
                    ours.insert((div, h.date));
                }
            }
        }
    }
    let missing: Vec<_> = published.difference(&ours).collect();
    let extra: Vec<_> = ours.difference(&published).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {missing:?}, extra {extra:?}"
    );
}

#[test]
fn the_fixture_matches_the_shared_reference_when_present() {
    let shared = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/reference/uk-bank-holidays-2015-2027.csv"
    );
    if let Ok(text) = std::fs::read_to_string(shared) {
        assert_eq!(text, PUBLISHED, "tests/fixtures copy is out of date");
    }
}

#[test]
fn every_published_day_is_a_non_working_day_for_foia() {
    let cal = Calendar::standard();
    for (div, d) in published() {
        assert!(
            !cal.is_working_day(crate::domain::Regime::Foia, d),
            "{div} {d}"
        );
        if div == Division::Scotland {
            assert!(!cal.is_working_day(crate::domain::Regime::Foisa, d), "{d}");
        }
        assert!(d.year() >= 2015);
    }
}
