//! The working-day calendar per regime, with precomputed tables so that adding and
//! counting working days is O(1) over the years cases live in, and correct (if slower)
//! for any date chrono can hold.

use super::extras::ExtraHoliday;
use super::holidays::{Holiday, HolidaySource, by_rule, is_weekend};
use super::{Division, overlay};
use crate::domain::Regime;
use chrono::{Datelike, NaiveDate};
use std::borrow::Cow;
use std::fmt;
use std::ops::ControlFlow;
use std::sync::OnceLock;

/// Years covered by the fast tables. Outside them the same rules apply, computed per year.
pub(super) const FIRST_YEAR: i32 = 1990;
pub(super) const LAST_YEAR: i32 = 2200;

/// Which working-day calendar a regime counts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Which {
    /// FOIA and EIR: a bank holiday anywhere in the UK is not a working day (FOIA s10(6)).
    Uk = 0,
    /// FOISA and EISR: Scotland's bank holidays only (FOISA s73).
    Scotland = 1,
}

impl Which {
    pub(crate) fn of(regime: Regime) -> Which {
        if regime.is_scottish() {
            Which::Scotland
        } else {
            Which::Uk
        }
    }

    pub(super) fn divisions(self) -> &'static [Division] {
        match self {
            Which::Uk => &Division::ALL,
            Which::Scotland => &Division::ALL[1..2],
        }
    }
}

/// Precomputed working days of one calendar over `FIRST_YEAR..=LAST_YEAR`.
struct Table {
    /// One slot per (year, day of year), 366 a year so that a date's slot is a little
    /// arithmetic on chrono's packed year and ordinal (no calendar conversion); the
    /// 366th slot of a common year repeats the count before it and is never a date.
    /// `cum[slot]`: working days from the tables' first day up to and including it.
    cum: Vec<u32>,
    /// `nth[k]`: the (k+1)-th working day.
    nth: Vec<NaiveDate>,
    /// Holidays that fall on weekdays, in date order, each with its (merged) label.
    holidays: Vec<(NaiveDate, Box<str>)>,
    /// `hol_upto[slot]`: how many of `holidays` fall on or before the slot, so a
    /// range's holidays are a slice found without searching.
    hol_upto: Vec<u16>,
}

/// The UK working-day calendar: bank holidays by rule, the proclaimed overlay, and the
/// user's own extra days. Build once and share by reference.
pub struct Calendar {
    extras: Vec<ExtraHoliday>,
    /// Day numbers (days from CE) of the first and last day the tables cover.
    pub(super) start: i32,
    pub(super) end: i32,
    tables: [Table; 2],
    /// Per calendar: the user's extra days outside the tables that take a working day
    /// away (weekdays not already holidays), as sorted day numbers.
    pub(super) outside_extras: [Vec<i64>; 2],
}

impl fmt::Debug for Calendar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Calendar")
            .field("extras", &self.extras)
            .field("tables", &(FIRST_YEAR..=LAST_YEAR))
            .finish()
    }
}

/// Day number of a date (0001-01-01, a Monday, is 1).
pub(super) fn dn(d: NaiveDate) -> i32 {
    d.num_days_from_ce()
}

pub(super) fn date_of(n: i64) -> NaiveDate {
    i32::try_from(n)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .unwrap_or(if n < 0 {
            NaiveDate::MIN
        } else {
            NaiveDate::MAX
        })
}

/// Weekdays (Mon–Fri) among day numbers `<= n`, counted from an arbitrary Monday origin.
pub(super) fn weekdays_to(n: i64) -> i64 {
    let m = n - 1; // 0 is a Monday
    m.div_euclid(7) * 5 + (m.rem_euclid(7) + 1).min(5)
}

pub(super) fn year_bounds(year: i32) -> (i64, i64) {
    let first = NaiveDate::from_ymd_opt(year, 1, 1).map_or(i64::MIN, |d| i64::from(dn(d)));
    let last = NaiveDate::from_ymd_opt(year, 12, 31).map_or(i64::MAX, |d| i64::from(dn(d)));
    (first, last)
}

/// A division's holidays in `year` from the rules and the overlay (no user extras).
fn standard_holidays(division: Division, year: i32) -> Vec<Holiday> {
    let mut hs = by_rule(division, year);
    overlay::apply(division, year, &mut hs);
    hs
}

/// Weekday holiday dates in `year` from the rules and overlay alone, sorted.
pub(super) fn rule_off_dates(which: Which, year: i32) -> Vec<NaiveDate> {
    let mut out: Vec<NaiveDate> = which
        .divisions()
        .iter()
        .flat_map(|&div| standard_holidays(div, year))
        .map(|h| h.date)
        .filter(|d| !is_weekend(*d))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

impl Calendar {
    /// Build the calendar with the user's extra holidays (may be empty).
    pub fn new(extra: &[ExtraHoliday]) -> Calendar {
        let mut extras = extra.to_vec();
        extras.sort_by_key(|e| (e.date, e.division));
        let start = NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).map_or(0, dn);
        let end = NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31).map_or(0, dn);
        let mut cal = Calendar {
            extras,
            start,
            end,
            tables: [Table::empty(), Table::empty()],
            outside_extras: [Vec::new(), Vec::new()],
        };
        // The two tables are independent: build them side by side (half the start-up
        // cost of a command or of the TUI, ~3.6 ms on one core).
        cal.tables = std::thread::scope(|s| {
            let scotland = s.spawn(|| cal.build(Which::Scotland));
            let uk = cal.build(Which::Uk);
            let scotland = scotland
                .join()
                .unwrap_or_else(|_| cal.build(Which::Scotland));
            [uk, scotland]
        });
        cal.outside_extras = [cal.outside(Which::Uk), cal.outside(Which::Scotland)];
        cal
    }

    /// The built-in rules and overlay, with no extra days. Built on first use.
    pub fn standard() -> &'static Calendar {
        static STANDARD: OnceLock<Calendar> = OnceLock::new();
        STANDARD.get_or_init(|| Calendar::new(&[]))
    }

    /// Every holiday `division` keeps in `year` (weekend days and their substitutes
    /// included), from the rules, the overlay and the user's extras, sorted by date.
    pub fn holidays(&self, division: Division, year: i32) -> Vec<Holiday> {
        let mut hs = standard_holidays(division, year);
        hs.extend(
            self.extras
                .iter()
                .filter(|e| e.division == division && e.date.year() == year)
                .map(|e| Holiday {
                    date: e.date,
                    division,
                    name: Cow::Owned(e.name.clone()),
                    source: HolidaySource::Yours,
                }),
        );
        hs.sort_by_key(|h| h.date);
        hs
    }

    /// Holidays on weekdays in `year` for a calendar, one entry per date, labelled for
    /// a basis line ("St Patrick's Day (NI)" where only one division keeps it).
    fn year_off_days(&self, which: Which, year: i32) -> Vec<(NaiveDate, String)> {
        let mut all: Vec<Holiday> = which
            .divisions()
            .iter()
            .flat_map(|&div| self.holidays(div, year))
            .filter(|h| !is_weekend(h.date))
            .collect();
        all.sort_by_key(|h| (h.date, h.division));
        let mut out: Vec<(NaiveDate, String)> = Vec::new();
        let mut i = 0;
        while i < all.len() {
            let date = all[i].date;
            let same: Vec<&Holiday> = all[i..].iter().take_while(|h| h.date == date).collect();
            i += same.len();
            let mut labels: Vec<String> = Vec::new();
            for h in &same {
                let holders: Vec<Division> = same
                    .iter()
                    .filter(|o| o.name == h.name && o.source == h.source)
                    .map(|o| o.division)
                    .collect();
                let mut tags: Vec<&str> = Vec::new();
                if h.source == HolidaySource::Substitute {
                    tags.push("substitute day");
                }
                if which == Which::Uk && holders.len() == 1 {
                    tags.push(h.division.tag());
                }
                let label = if tags.is_empty() {
                    h.name.to_string()
                } else {
                    format!("{} ({})", h.name, tags.join(", "))
                };
                if !labels.contains(&label) {
                    labels.push(label);
                }
            }
            out.push((date, labels.join(" / ")));
        }
        out
    }

    /// Weekday holiday dates in `year` for a calendar (extras included), sorted,
    /// without labels: the cheap form the out-of-table arithmetic needs.
    pub(super) fn year_off_dates(&self, which: Which, year: i32) -> Vec<NaiveDate> {
        let mut out = rule_off_dates(which, year);
        out.extend(
            self.extras
                .iter()
                .filter(|e| {
                    e.date.year() == year
                        && !is_weekend(e.date)
                        && which.divisions().contains(&e.division)
                })
                .map(|e| e.date),
        );
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The extras outside the tables that remove a working day the rules leave in.
    fn outside(&self, which: Which) -> Vec<i64> {
        let mut out: Vec<i64> = self
            .extras
            .iter()
            .filter(|e| {
                let n = dn(e.date);
                (n < self.start || n > self.end)
                    && !is_weekend(e.date)
                    && which.divisions().contains(&e.division)
                    && !rule_off_dates(which, e.date.year()).contains(&e.date)
            })
            .map(|e| i64::from(dn(e.date)))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    fn build(&self, which: Which) -> Table {
        let years = (LAST_YEAR - FIRST_YEAR + 1) as usize;
        let mut cum = Vec::with_capacity(years * 366);
        let mut nth = Vec::with_capacity(years * 262);
        let mut holidays = Vec::with_capacity(years * 12);
        let mut hol_upto = Vec::with_capacity(years * 366);
        let mut count = 0u32;
        for year in FIRST_YEAR..=LAST_YEAR {
            let off = self.year_off_days(which, year);
            for ordinal in 1..=366 {
                if let Some(d) = NaiveDate::from_yo_opt(year, ordinal) {
                    if off.iter().any(|(h, _)| *h == d) {
                        holidays.push((d, Box::<str>::default()));
                    } else if !is_weekend(d) {
                        nth.push(d);
                        count += 1;
                    }
                }
                cum.push(count);
                hol_upto.push(u16::try_from(holidays.len()).unwrap_or(u16::MAX));
            }
            // Labels in place of the placeholders pushed above, in the same date order.
            let from = holidays.len() - off.len();
            for (slot, (_, label)) in holidays[from..].iter_mut().zip(off) {
                slot.1 = label.into_boxed_str();
            }
        }
        Table {
            cum,
            nth,
            holidays,
            hol_upto,
        }
    }

    pub(super) fn table_cum(&self, which: Which) -> &[u32] {
        &self.table(which).cum
    }

    pub(super) fn table_nth(&self, which: Which) -> &[NaiveDate] {
        &self.table(which).nth
    }

    fn table(&self, which: Which) -> &Table {
        &self.tables[which as usize]
    }

    /// A date's slot in the tables, if they cover it.
    fn slot(d: NaiveDate) -> Option<usize> {
        let y = d.year();
        if (FIRST_YEAR..=LAST_YEAR).contains(&y) {
            Some((y - FIRST_YEAR) as usize * 366 + d.ordinal0() as usize)
        } else {
            None
        }
    }

    /// The slot of day number `n`, if the tables cover it.
    pub(super) fn idx(&self, n: i64) -> Option<usize> {
        if n >= i64::from(self.start) && n <= i64::from(self.end) {
            Self::slot(date_of(n))
        } else {
            None
        }
    }

    pub fn is_working_day(&self, regime: Regime, d: NaiveDate) -> bool {
        self.is_working(Which::of(regime), d)
    }

    pub(crate) fn is_working(&self, which: Which, d: NaiveDate) -> bool {
        if let Some(i) = Self::slot(d) {
            let t = self.table(which);
            let before = if i == 0 { 0 } else { t.cum[i - 1] };
            return t.cum[i] > before;
        }
        !is_weekend(d) && !self.year_off_dates(which, d.year()).contains(&d)
    }

    /// The `n`th working day after `from` (day 1 is the first working day after `from`,
    /// whatever day `from` is). `n == 0` gives `from`. Clamps at chrono's last date.
    pub fn add_working_days(&self, regime: Regime, from: NaiveDate, n: u32) -> NaiveDate {
        self.add(Which::of(regime), from, n)
    }

    pub(crate) fn add(&self, which: Which, from: NaiveDate, n: u32) -> NaiveDate {
        if n == 0 {
            return from;
        }
        if let Some(i) = Self::slot(from) {
            let t = self.table(which);
            let k = t.cum[i] as usize + n as usize - 1;
            if let Some(&due) = t.nth.get(k) {
                return due;
            }
            // Past the table: carry on from its last day with what is left.
            let used = t.cum[t.cum.len() - 1] - t.cum[i];
            return self.add_outside(which, i64::from(self.end), i64::from(n - used));
        }
        self.add_outside(which, i64::from(dn(from)), i64::from(n))
    }

    /// Working days in `(from, to]`, negative when `to` is before `from`:
    /// `working_days_between(d, add_working_days(d, n)) == n`.
    pub fn working_days_between(&self, regime: Regime, from: NaiveDate, to: NaiveDate) -> i64 {
        self.between(Which::of(regime), from, to)
    }

    pub(crate) fn between(&self, which: Which, from: NaiveDate, to: NaiveDate) -> i64 {
        if let (Some(i), Some(j)) = (Self::slot(from), Self::slot(to)) {
            let cum = &self.table(which).cum;
            return i64::from(cum[j]) - i64::from(cum[i]);
        }
        let (a, b) = (i64::from(dn(from)), i64::from(dn(to)));
        if a <= b {
            self.count(which, a, b)
        } else {
            -self.count(which, b, a)
        }
    }

    /// Working days in `(a, b]`, `a <= b`: the tables for the part they cover, the
    /// rules year by year for any part outside them.
    fn count(&self, which: Which, a: i64, b: i64) -> i64 {
        let (lo, hi) = (i64::from(self.start), i64::from(self.end));
        let mut total = 0;
        if a < lo {
            total += self.count_outside(which, a, b.min(lo));
        }
        let (fa, fb) = (a.max(lo), b.min(hi));
        if fa < fb
            && let (Some(i), Some(j)) = (self.idx(fa), self.idx(fb))
        {
            let t = self.table(which);
            total += i64::from(t.cum[j]) - i64::from(t.cum[i]);
        }
        if b > hi {
            total += self.count_outside(which, a.max(hi), b);
        }
        total
    }

    /// Weekday holidays in `[from, to]` (the ones that take a working day out of the
    /// range), with labels for a basis line. The caller bounds the range: every year in
    /// it is listed.
    pub fn holidays_between(
        &self,
        regime: Regime,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Vec<(NaiveDate, String)> {
        let mut out = Vec::new();
        self.for_each_holiday(Which::of(regime), from, to, |d, label| {
            out.push((d, label.to_string()));
            ControlFlow::Continue(())
        });
        out
    }

    /// Visit the weekday holidays in `[from, to]` in date order, without allocating
    /// inside the tables; `f` may stop the walk (a basis line names only a few).
    pub(crate) fn for_each_holiday(
        &self,
        which: Which,
        from: NaiveDate,
        to: NaiveDate,
        mut f: impl FnMut(NaiveDate, &str) -> ControlFlow<()>,
    ) {
        if from > to {
            return;
        }
        let hs = &self.table(which).holidays;
        let table_years = FIRST_YEAR..=LAST_YEAR;
        let walk = |lo: NaiveDate,
                    hi: NaiveDate,
                    f: &mut dyn FnMut(NaiveDate, &str) -> ControlFlow<()>| {
            let at = hs.partition_point(|(d, _)| *d < lo);
            for (d, label) in hs[at..].iter().take_while(|(d, _)| *d <= hi) {
                if f(*d, label).is_break() {
                    return ControlFlow::Break(());
                }
            }
            ControlFlow::Continue(())
        };
        if let (Some(i), Some(j)) = (Self::slot(from), Self::slot(to)) {
            let t = self.table(which);
            let lo = if i == 0 {
                0
            } else {
                usize::from(t.hol_upto[i - 1])
            };
            let hi = usize::from(t.hol_upto[j]);
            for (d, label) in t.holidays.get(lo..hi).unwrap_or_default() {
                if f(*d, label).is_break() {
                    return;
                }
            }
            return;
        }
        for year in from.year()..=to.year() {
            if table_years.contains(&year) {
                let first = NaiveDate::from_yo_opt(year, 1).unwrap_or(from).max(from);
                let last = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(to).min(to);
                if walk(first, last, &mut f).is_break() {
                    return;
                }
            } else {
                for (d, label) in self.year_off_days(which, year) {
                    if d >= from && d <= to && f(d, &label).is_break() {
                        return;
                    }
                }
            }
        }
    }
}

impl Table {
    fn empty() -> Table {
        Table {
            cum: Vec::new(),
            nth: Vec::new(),
            holidays: Vec::new(),
            hol_upto: Vec::new(),
        }
    }
}
