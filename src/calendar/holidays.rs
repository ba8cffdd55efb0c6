//! Bank holidays by rule, for any year and division, with the substitute-day rule.
//! One-off proclaimed changes live in the overlay (`overlay.rs`), not here.

use super::Division;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Serialize;
use std::borrow::Cow;

/// Where a holiday comes from, so a basis line or a listing can say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum HolidaySource {
    /// The standing rule for that day (Banking and Financial Dealings Act 1971 and custom).
    Rule,
    /// A weekday standing in for a holiday that fell on a weekend.
    Substitute,
    /// A one-off change proclaimed for that year (from the overlay in `assets/`).
    Proclaimed,
    /// Added by the user.
    Yours,
}

/// One bank holiday in one division.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Holiday {
    pub date: NaiveDate,
    pub division: Division,
    /// The holiday's own name ("Christmas Day"), without the "substitute day" tag.
    pub name: Cow<'static, str>,
    pub source: HolidaySource,
}

impl Holiday {
    /// The name as shown: "Boxing Day (substitute day)".
    pub fn label(&self) -> String {
        if self.source == HolidaySource::Substitute {
            format!("{} (substitute day)", self.name)
        } else {
            self.name.to_string()
        }
    }
}

/// Western (Gregorian) Easter Sunday: the anonymous Gregorian computus. `None` only where
/// chrono cannot represent the year.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let y = i64::from(year);
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114).div_euclid(31);
    let day = (h + l - 7 * m + 114).rem_euclid(31) + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

fn first_monday(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Mon, 1)
}

fn last_monday(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Mon, 5)
        .or_else(|| NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Mon, 4))
}

pub(crate) fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The St Andrew's Day Bank Holiday (Scotland) Act 2007 made 30 November a holiday.
const ST_ANDREWS_FROM: i32 = 2007;

/// The holidays the standing rules give `division` in `year`, sorted by date.
/// A fixed-date holiday on a weekend moves to the next weekday that is not already a
/// holiday, taken in date order (so Christmas on a Saturday goes to Monday and Boxing
/// Day to Tuesday; 1 January on a Sunday in Scotland goes to Tuesday 3rd, after 2nd).
pub fn by_rule(division: Division, year: i32) -> Vec<Holiday> {
    let scotland = division == Division::Scotland;
    let ni = division == Division::NorthernIreland;

    let mut fixed: Vec<(u32, u32, &'static str)> = vec![(1, 1, "New Year's Day")];
    if scotland {
        fixed.push((1, 2, "2 January"));
    }
    if ni {
        fixed.push((3, 17, "St Patrick's Day"));
        fixed.push((7, 12, "Battle of the Boyne (Orangemen's Day)"));
    }
    if scotland && year >= ST_ANDREWS_FROM {
        fixed.push((11, 30, "St Andrew's Day"));
    }
    fixed.push((12, 25, "Christmas Day"));
    fixed.push((12, 26, "Boxing Day"));

    let easter = easter_sunday(year);
    let mut moving: Vec<(Option<NaiveDate>, &'static str)> = vec![
        (
            easter.and_then(|e| e.checked_sub_days(Days::new(2))),
            "Good Friday",
        ),
        (first_monday(year, 5), "Early May bank holiday"),
        (last_monday(year, 5), "Spring bank holiday"),
    ];
    if !scotland {
        moving.push((easter.and_then(|e| e.succ_opt()), "Easter Monday"));
    }
    moving.push((
        if scotland {
            first_monday(year, 8)
        } else {
            last_monday(year, 8)
        },
        "Summer bank holiday",
    ));

    let mut out: Vec<Holiday> = Vec::with_capacity(12);
    let make = |date, name: &'static str, source| Holiday {
        date,
        division,
        name: Cow::Borrowed(name),
        source,
    };
    for (date, name) in moving {
        if let Some(date) = date {
            out.push(make(date, name, HolidaySource::Rule));
        }
    }
    let fixed: Vec<(NaiveDate, &'static str)> = fixed
        .into_iter()
        .filter_map(|(m, d, name)| NaiveDate::from_ymd_opt(year, m, d).map(|date| (date, name)))
        .collect();
    for &(date, name) in &fixed {
        out.push(make(date, name, HolidaySource::Rule));
    }
    for &(date, name) in fixed.iter().filter(|(d, _)| is_weekend(*d)) {
        let mut sub = date.succ_opt();
        while let Some(s) = sub {
            if !is_weekend(s) && !out.iter().any(|h| h.date == s) {
                break;
            }
            sub = s.succ_opt();
        }
        if let Some(s) = sub {
            out.push(make(s, name, HolidaySource::Substitute));
        }
    }
    out.sort_by_key(|h| h.date);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn dates(div: Division, year: i32) -> Vec<NaiveDate> {
        by_rule(div, year)
            .into_iter()
            .filter(|h| !is_weekend(h.date))
            .map(|h| h.date)
            .collect()
    }

    #[test]
    fn easter_matches_known_dates() {
        assert_eq!(easter_sunday(2018), Some(d(2018, 4, 1)));
        assert_eq!(easter_sunday(2019), Some(d(2019, 4, 21)));
        assert_eq!(easter_sunday(2038), Some(d(2038, 4, 25)));
        assert_eq!(easter_sunday(2285), Some(d(2285, 3, 22)));
        assert_eq!(easter_sunday(i32::MAX), None);
    }

    #[test]
    fn christmas_on_a_saturday_moves_both_days() {
        // 2021: Christmas Sat, Boxing Day Sun -> Mon 27 and Tue 28.
        let hs = by_rule(Division::EnglandAndWales, 2021);
        let subs: Vec<_> = hs
            .iter()
            .filter(|h| h.source == HolidaySource::Substitute)
            .map(|h| (h.date, h.label()))
            .collect();
        assert_eq!(
            subs,
            vec![
                (
                    d(2021, 12, 27),
                    "Christmas Day (substitute day)".to_string()
                ),
                (d(2021, 12, 28), "Boxing Day (substitute day)".to_string()),
            ]
        );
    }

    #[test]
    fn christmas_on_a_sunday_goes_past_boxing_day() {
        // 2022: Christmas Sun -> Tue 27, Boxing Day stays Mon 26.
        let ds = dates(Division::EnglandAndWales, 2022);
        assert!(ds.contains(&d(2022, 12, 26)) && ds.contains(&d(2022, 12, 27)));
    }

    #[test]
    fn st_andrews_day_on_a_sunday_moves_to_monday() {
        // 30 Nov 2025 is a Sunday.
        let ds = dates(Division::Scotland, 2025);
        assert!(ds.contains(&d(2025, 12, 1)));
        assert!(!dates(Division::EnglandAndWales, 2025).contains(&d(2025, 12, 1)));
    }

    #[test]
    fn scottish_new_year_on_a_sunday() {
        // 2017: 1 Jan Sun; 2 Jan Mon stays; New Year's Day goes to Tue 3 Jan.
        let ds = dates(Division::Scotland, 2017);
        assert!(ds.contains(&d(2017, 1, 2)) && ds.contains(&d(2017, 1, 3)));
        assert!(!dates(Division::EnglandAndWales, 2017).contains(&d(2017, 1, 3)));
    }

    #[test]
    fn years_past_the_reference_come_by_rule() {
        // 2030: Easter 21 Apr; NI 12 July Fri; Scotland summer 5 Aug; E&W summer 26 Aug.
        let ni = dates(Division::NorthernIreland, 2030);
        assert!(ni.contains(&d(2030, 4, 19)) && ni.contains(&d(2030, 4, 22)));
        assert!(ni.contains(&d(2030, 7, 12)) && ni.contains(&d(2030, 3, 18)));
        assert!(dates(Division::Scotland, 2030).contains(&d(2030, 8, 5)));
        assert!(dates(Division::EnglandAndWales, 2030).contains(&d(2030, 8, 26)));
        // 2100 and beyond too, without panicking at the edge of chrono's range.
        assert!(by_rule(Division::EnglandAndWales, 2100).len() >= 8);
        let _ = by_rule(Division::Scotland, 262_143);
        let _ = by_rule(Division::Scotland, -262_143);
    }
}
