//! The statutory calendar and clocks: UK bank holidays (rules plus a proclaimed
//! overlay plus the user's own days), working-day arithmetic per regime, and the
//! clocks of a case with the working shown. Pure: no SQL, no terminal, no system clock
//! (`today` is always a parameter).

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
mod tests_props;
#[cfg(test)]
mod tests_reference;
#[cfg(test)]
mod tests_workdays;
