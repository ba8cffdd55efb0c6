//! Writing a clock's one-line basis. The list screen builds these for 100,000 cases,
//! so dates are written by hand rather than through chrono's format parser (a test
//! keeps the output identical to `domain::dates::long` and `short`).

use super::workdays::{Calendar, Which};
use crate::domain::dates;
use chrono::{Datelike, NaiveDate};
use std::ops::ControlFlow;

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn digit(n: u64) -> char {
    char::from(b'0' + (n % 10) as u8)
}

/// A number in decimal. Days and years are the common case and skip the loop.
pub(crate) fn push_num(s: &mut String, n: u64) {
    match n {
        0..=9 => s.push(digit(n)),
        10..=99 => {
            s.push(digit(n / 10));
            s.push(digit(n));
        }
        1000..=9999 => {
            s.push(digit(n / 1000));
            s.push(digit(n / 100));
            s.push(digit(n / 10));
            s.push(digit(n));
        }
        _ => {
            let mut buf = [0u8; 20];
            let mut i = buf.len();
            let mut n = n;
            loop {
                i -= 1;
                buf[i] = b'0' + (n % 10) as u8;
                n /= 10;
                if n == 0 {
                    break;
                }
            }
            // ASCII digits: always valid UTF-8.
            s.push_str(std::str::from_utf8(&buf[i..]).unwrap_or_default());
        }
    }
}

fn push_day_month(s: &mut String, d: NaiveDate) {
    push_num(s, u64::from(d.day()));
    s.push(' ');
    s.push_str(MONTHS[d.month0() as usize % 12]);
}

/// `Mon 5 Feb`, as `dates::short`.
pub(crate) fn push_short(s: &mut String, d: NaiveDate) {
    s.push_str(WEEKDAYS[d.weekday().num_days_from_monday() as usize % 7]);
    s.push(' ');
    push_day_month(s, d);
}

/// `Sat 3 Feb 2018`, as `dates::long`.
pub(crate) fn push_long(s: &mut String, d: NaiveDate) {
    let year = d.year();
    if !(1000..=9999).contains(&year) {
        // chrono pads and signs such years; keep its spelling.
        s.push_str(&dates::long(d));
        return;
    }
    push_short(s, d);
    s.push(' ');
    push_num(s, year.unsigned_abs().into());
}

/// "3 working days", "1 day".
pub(crate) fn push_count(s: &mut String, n: u64, working: bool) {
    push_num(s, n);
    s.push_str(match (working, n == 1) {
        (true, true) => " working day",
        (true, false) => " working days",
        (false, true) => " day",
        (false, false) => " days",
    });
}

/// A basis line names this many holidays at most (40 working days over Christmas
/// and New Year name six for FOIA).
const MAX_NAMED: usize = 8;

/// "; skips Good Friday 30 Mar, Easter Monday 2 Apr" or "; no bank holidays in range",
/// for the weekday holidays in `(from, to]`.
pub(crate) fn push_holidays(
    s: &mut String,
    cal: &Calendar,
    which: Which,
    from: NaiveDate,
    to: NaiveDate,
) {
    let Some(first) = from.succ_opt() else {
        return;
    };
    let mut named = 0;
    cal.for_each_holiday(which, first, to, |d, label| {
        if named == MAX_NAMED {
            s.push_str(" and more");
            return ControlFlow::Break(());
        }
        s.push_str(if named == 0 { "; skips " } else { ", " });
        named += 1;
        s.push_str(label);
        s.push(' ');
        push_day_month(s, d);
        ControlFlow::Continue(())
    });
    if named == 0 {
        s.push_str("; no bank holidays in range");
    }
}

/// "; ends on Sun 29 Apr, not a working day (the date stands)" for a calendar-day deadline.
pub(crate) fn push_non_working_end(s: &mut String, cal: &Calendar, which: Which, due: NaiveDate) {
    if !cal.is_working(which, due) {
        s.push_str("; ends on ");
        push_short(s, due);
        s.push_str(", not a working day (the date stands)");
    }
}

/// A basis line being written. Switched off (for `clocks_brief`), every method is a
/// no-op and nothing is allocated.
pub(crate) struct Basis {
    s: String,
    on: bool,
}

impl Basis {
    pub fn new(on: bool) -> Basis {
        Basis {
            s: if on {
                String::with_capacity(192)
            } else {
                String::new()
            },
            on,
        }
    }

    pub fn text(&mut self, t: &str) -> &mut Basis {
        if self.on {
            self.s.push_str(t);
        }
        self
    }

    pub fn num(&mut self, n: u64) -> &mut Basis {
        if self.on {
            push_num(&mut self.s, n);
        }
        self
    }

    /// `Sat 3 Feb 2018`.
    pub fn long(&mut self, d: NaiveDate) -> &mut Basis {
        if self.on {
            push_long(&mut self.s, d);
        }
        self
    }

    /// `Mon 5 Feb`.
    pub fn short(&mut self, d: NaiveDate) -> &mut Basis {
        if self.on {
            push_short(&mut self.s, d);
        }
        self
    }

    /// "3 working days", "1 day".
    pub fn count(&mut self, n: u64, working: bool) -> &mut Basis {
        if self.on {
            push_count(&mut self.s, n, working);
        }
        self
    }

    /// "; skips Good Friday 30 Mar, …" for `(from, to]`.
    pub fn holidays(
        &mut self,
        cal: &Calendar,
        which: Which,
        from: NaiveDate,
        to: NaiveDate,
    ) -> &mut Basis {
        if self.on {
            push_holidays(&mut self.s, cal, which, from, to);
        }
        self
    }

    /// "; ends on Sun 29 Apr, not a working day (the date stands)".
    pub fn non_working_end(&mut self, cal: &Calendar, which: Which, due: NaiveDate) -> &mut Basis {
        if self.on {
            push_non_working_end(&mut self.s, cal, which, due);
        }
        self
    }

    pub fn append(&mut self, other: &Basis) -> &mut Basis {
        if self.on {
            self.s.push_str(&other.s);
        }
        self
    }

    pub fn clear(&mut self) {
        self.s.clear();
    }

    pub fn into_string(self) -> String {
        self.s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn hand_written_dates_match_chrono(n in -1_000_000i32..4_000_000) {
            let d = NaiveDate::from_num_days_from_ce_opt(n).unwrap_or(NaiveDate::MIN);
            let mut s = String::new();
            push_long(&mut s, d);
            prop_assert_eq!(&s, &dates::long(d));
            s.clear();
            push_short(&mut s, d);
            prop_assert_eq!(&s, &dates::short(d));
        }
    }

    #[test]
    fn numbers_and_counts() {
        let mut s = String::new();
        push_num(&mut s, 0);
        push_num(&mut s, 1234567890);
        push_count(&mut s, 1, true);
        assert_eq!(s, "012345678901 working day");
    }
}
