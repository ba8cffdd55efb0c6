//! Working-day arithmetic outside the precomputed tables (before 1990, after 2200).
//! Exact, and fast even across thousands of years: under the standing rules a year's
//! count of working days repeats every 400 years (the Gregorian cycle is a whole number
//! of weeks, and Good Friday and Easter Monday always take a Friday and a Monday that
//! no other holiday can take), so whole years are summed from one cycle. The user's
//! extra days are counted separately.

use super::holidays::is_weekend;
use super::workdays::{
    Calendar, FIRST_YEAR, LAST_YEAR, Which, date_of, dn, rule_off_dates, weekdays_to, year_bounds,
};
use chrono::{Datelike, NaiveDate};
use std::sync::OnceLock;

/// Working days per year under the rules, indexed by `year mod 400`, for each calendar
/// and each side of the tables (before has no St Andrew's Day; after has no overlay).
struct Cycle {
    days: [u16; 400],
    total: i64,
}

fn cycle(which: Which, after: bool) -> &'static Cycle {
    static CYCLES: OnceLock<[Cycle; 4]> = OnceLock::new();
    let all = CYCLES.get_or_init(|| {
        let make = |which, first: i32| {
            let mut days = [0u16; 400];
            for year in first..first + 400 {
                days[year.rem_euclid(400) as usize] = rules_year_count(which, year);
            }
            let total = days.iter().map(|&d| i64::from(d)).sum();
            Cycle { days, total }
        };
        [
            make(Which::Uk, FIRST_YEAR - 400),
            make(Which::Uk, LAST_YEAR + 1),
            make(Which::Scotland, FIRST_YEAR - 400),
            make(Which::Scotland, LAST_YEAR + 1),
        ]
    });
    &all[(which as usize) * 2 + usize::from(after)]
}

/// Working days in a whole year under the rules and overlay alone.
fn rules_year_count(which: Which, year: i32) -> u16 {
    let (first, last) = year_bounds(year);
    let n = weekdays_to(last) - weekdays_to(first - 1) - rule_off_dates(which, year).len() as i64;
    u16::try_from(n).unwrap_or(0)
}

impl Calendar {
    /// Working days in `(a, b]`, a range wholly before or wholly after the tables
    /// (its last day may be the tables' first).
    pub(super) fn count_outside(&self, which: Which, a: i64, b: i64) -> i64 {
        if a >= b {
            return 0;
        }
        let (ya, yb) = (date_of(a + 1).year(), date_of(b).year());
        if ya == yb {
            return self.count_within_year(which, a, b);
        }
        let (_, end_a) = year_bounds(ya);
        let (start_b, _) = year_bounds(yb);
        self.count_within_year(which, a, end_a)
            + self.whole_years(which, ya + 1, yb - 1)
            + self.count_within_year(which, start_b - 1, b)
    }

    /// Working days in `(a, b]` inside one year, from that year's holidays.
    fn count_within_year(&self, which: Which, a: i64, b: i64) -> i64 {
        if a >= b {
            return 0;
        }
        let off = self
            .year_off_dates(which, date_of(b).year())
            .iter()
            .filter(|d| (a + 1..=b).contains(&i64::from(dn(**d))))
            .count() as i64;
        weekdays_to(b) - weekdays_to(a) - off
    }

    /// Working days in the whole years `y0..=y1`, all on one side of the tables.
    fn whole_years(&self, which: Which, y0: i32, y1: i32) -> i64 {
        if y0 > y1 {
            return 0;
        }
        let c = cycle(which, y0 > LAST_YEAR);
        let n = i64::from(y1) - i64::from(y0) + 1;
        let mut total = (n / 400) * c.total;
        for k in 0..(n % 400) {
            let y = i64::from(y0) + k;
            total += i64::from(c.days[y.rem_euclid(400) as usize]);
        }
        let (first, _) = year_bounds(y0);
        let (_, last) = year_bounds(y1);
        total - self.extras_in(which, first - 1, last)
    }

    /// The user's extra days outside the tables in `(a, b]`.
    fn extras_in(&self, which: Which, a: i64, b: i64) -> i64 {
        let xs = &self.outside_extras[which as usize];
        let lo = xs.partition_point(|&n| n <= a);
        let hi = xs.partition_point(|&n| n <= b);
        (hi - lo) as i64
    }

    /// The `n`th working day after day number `from`, which is outside the tables or
    /// their last day. Whole years (and whole 400-year cycles) are skipped by count;
    /// only the year where the count runs out is scanned day by day.
    pub(super) fn add_outside(&self, which: Which, from: i64, n: i64) -> NaiveDate {
        let max = i64::from(dn(NaiveDate::MAX));
        let mut cur = from;
        let mut left = n;
        while left > 0 {
            if cur >= max {
                return NaiveDate::MAX;
            }
            if let Some(i) = self.idx(cur + 1) {
                // A start before the tables running into them.
                let (cum, nth) = (self.table_cum(which), self.table_nth(which));
                let before = if i == 0 { 0 } else { cum[i - 1] as usize };
                let k = usize::try_from(left - 1).unwrap_or(usize::MAX);
                if let Some(&due) = before.checked_add(k).and_then(|k| nth.get(k)) {
                    return due;
                }
                left -= i64::from(cum[cum.len() - 1]) - before as i64;
                cur = i64::from(self.end);
                continue;
            }
            let year = date_of(cur + 1).year();
            let (first, last) = year_bounds(year);
            if cur + 1 == first {
                // Year-aligned: try a whole cycle, then a whole year.
                let end_year = year.saturating_add(399);
                let same_side = if year > LAST_YEAR {
                    end_year <= NaiveDate::MAX.year()
                } else {
                    end_year < FIRST_YEAR
                };
                if same_side {
                    let span = self.whole_years(which, year, end_year);
                    if span < left {
                        left -= span;
                        cur = year_bounds(end_year).1;
                        continue;
                    }
                }
                let whole = self.whole_years(which, year, year);
                if whole < left {
                    left -= whole;
                    cur = last;
                    continue;
                }
            }
            let avail = self.count_within_year(which, cur, last);
            if avail < left {
                left -= avail;
                cur = last;
                continue;
            }
            let off = self.year_off_dates(which, year);
            let mut day = cur;
            while left > 0 {
                day += 1;
                let d = date_of(day);
                if d == NaiveDate::MAX && day >= max {
                    return d;
                }
                if !is_weekend(d) && !off.contains(&d) {
                    left -= 1;
                }
            }
            return date_of(day);
        }
        date_of(cur)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_count_repeats_every_four_hundred_years() {
        for which in [Which::Uk, Which::Scotland] {
            for year in [
                2201, 2450, 3000, 9999, 10_000, 123_456, 262_000, 1989, 1600, 1, 0, -4000, -262_000,
            ] {
                let c = cycle(which, year > LAST_YEAR);
                assert_eq!(
                    c.days[year.rem_euclid(400) as usize],
                    rules_year_count(which, year),
                    "{which:?} {year}"
                );
            }
        }
    }

    #[test]
    fn whole_eras_are_quick_and_consistent() {
        let cal = Calendar::standard();
        let (min, max) = (NaiveDate::MIN, NaiveDate::MAX);
        let all = cal.between(Which::Uk, min, max);
        let mid = NaiveDate::from_ymd_opt(2018, 2, 3).unwrap_or(min);
        assert_eq!(
            all,
            cal.between(Which::Uk, min, mid) + cal.between(Which::Uk, mid, max)
        );
        // Add what lies between and land on the last working day up to the target.
        let target = max - chrono::Days::new(30);
        let n = u32::try_from(cal.between(Which::Uk, mid, target)).unwrap_or(0);
        let got = cal.add(Which::Uk, mid, n);
        assert!(got <= target && cal.is_working(Which::Uk, got));
        assert_eq!(cal.between(Which::Uk, got, target), 0);
        let back = u32::try_from(cal.between(Which::Scotland, min, mid)).unwrap_or(0);
        assert_eq!(
            cal.add(Which::Scotland, min, back),
            mid - chrono::Days::new(1)
        );
        assert_eq!(cal.add(Which::Scotland, min, u32::MAX), max);
    }
}
