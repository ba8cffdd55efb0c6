//! The statutory calendar and clocks: UK bank holidays (rules plus a proclaimed
//! overlay plus the user's own days), working-day arithmetic per regime, and the
//! clocks of a case with the working shown. Pure: no SQL, no terminal, no system clock
//! (`today` is always a parameter).
//!
//! - [`Calendar::standard`] (built-in rules and overlay) or [`Calendar::new`] with the
//!   user's days from [`parse_extra_holidays`]; build once, share by reference.
//! - [`clocks`] for a case (each with its one-line `basis`), [`status`] from them, and
//!   [`next_clock`], the one that matters now. For lists over many cases,
//!   [`clocks_brief`] gives the same clocks without the basis text.
//! - FOIA/EIR count on the union of the three divisions' holidays (FOIA s10(6));
//!   FOISA/EISR on Scotland's (FOISA s73). Day 1 is the first working day after receipt.
//!
//! ```
//! use chrono::NaiveDate;
//! use foi_casebook::calendar::{Calendar, ClockKind, clocks, next_clock, status};
//! use foi_casebook::domain::{Case, CaseFile, CaseStatus, Event, EventKind, Regime, Span};
//!
//! let day = |m, d| NaiveDate::from_ymd_opt(2018, m, d).unwrap();
//! let response = Event {
//!     id: 1, case_id: 1, kind: EventKind::Response, date: day(2, 27),
//!     note: None, window: Some(Span::Months(2)), until: None, letter: None, reference: None,
//! };
//! let file = CaseFile {
//!     case: Case { regime: Regime::Foia, sent: Some(day(2, 3)), ..Case::default() },
//!     questions: vec![],
//!     events: vec![response],
//! };
//! let cs = clocks(&file, day(3, 10), Calendar::standard());
//! assert_eq!(cs[0].due, day(3, 2)); // received Sat 3 Feb: due Fri 2 Mar, met
//! let next = next_clock(&cs).unwrap();
//! assert_eq!((next.kind, next.due, next.days_left), (ClockKind::ReviewRequest, day(4, 27), 48));
//! assert_eq!(next.countdown(), "review closes in 48 d");
//! assert_eq!(status(&file, &cs), CaseStatus::Responded);
//! ```

mod basis;
mod clock;
mod clocks;
mod division;
mod extras;
pub mod holidays;
mod outside;
pub mod overlay;
mod response;
mod windows;
mod workdays;

pub use clock::{Clock, ClockKind, ClockState, Unit};
pub use clocks::{clocks, clocks_brief, next_clock, status};

pub use division::{Division, UnknownDivision};
pub use extras::{ExtraHoliday, ExtrasError, parse_extra_holidays};
pub use holidays::{Holiday, HolidaySource};
pub use workdays::Calendar;

#[cfg(test)]
mod tests_clocks;
#[cfg(test)]
mod tests_law;
#[cfg(test)]
mod tests_law_notices;
#[cfg(test)]
mod tests_props;
#[cfg(test)]
mod tests_reference;
#[cfg(test)]
mod tests_workdays;
