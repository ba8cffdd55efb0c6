//! Holidays of the user's own: kept in the casebook (`foi holiday add`) and in an
//! optional file in the config folder (`holidays.csv`, read at start). Either kind
//! changes every working-day count at once, so the calendar is rebuilt after a change.

use super::{Casebook, Error, Result};
use crate::calendar::{Calendar, Division, ExtraHoliday};
use crate::store::Reads;
use chrono::NaiveDate;

/// The calendar a casebook counts with: the standard one, or one with the user's days.
pub(super) enum CalendarRef {
    Standard(&'static Calendar),
    Own(std::sync::Arc<Calendar>),
}

impl CalendarRef {
    pub(super) fn get(&self) -> &Calendar {
        match self {
            CalendarRef::Standard(c) => c,
            CalendarRef::Own(c) => c,
        }
    }

    /// The same calendar, for another casebook over the same file (a loader thread's).
    pub(super) fn share(&self) -> CalendarRef {
        match self {
            CalendarRef::Standard(c) => CalendarRef::Standard(c),
            CalendarRef::Own(c) => CalendarRef::Own(std::sync::Arc::clone(c)),
        }
    }

    pub(super) fn build(extra: &[ExtraHoliday]) -> CalendarRef {
        if extra.is_empty() {
            CalendarRef::Standard(Calendar::standard())
        } else {
            CalendarRef::Own(std::sync::Arc::new(Calendar::new(extra)))
        }
    }
}

/// The divisions a user names: one of them, or `all`.
pub fn divisions(s: &str) -> Result<Vec<Division>> {
    let norm = s.trim().to_ascii_lowercase();
    if norm == "all" || norm == "uk" {
        return Ok(Division::ALL.to_vec());
    }
    s.parse::<Division>()
        .map(|d| vec![d])
        .map_err(|e| Error::user(e.to_string()))
}

impl Casebook {
    /// The user's holidays stored in the casebook (a row that cannot be read is skipped).
    pub fn stored_holidays(&self) -> Result<Vec<ExtraHoliday>> {
        Ok(self
            .store
            .user_holidays()?
            .into_iter()
            .filter_map(|(division, date, name)| {
                Some(ExtraHoliday {
                    division: division.parse().ok()?,
                    date: NaiveDate::parse_from_str(&date, "%Y-%m-%d").ok()?,
                    name,
                })
            })
            .collect())
    }

    /// Holidays from the config folder's file, counted alongside the stored ones.
    pub fn set_file_holidays(&mut self, extra: Vec<ExtraHoliday>) -> Result<()> {
        self.file_holidays = extra;
        self.rebuild_calendar()
    }

    pub(super) fn rebuild_calendar(&mut self) -> Result<()> {
        let mut all = self.stored_holidays()?;
        all.extend(self.file_holidays.iter().cloned());
        self.calendar = CalendarRef::build(&all);
        Ok(())
    }

    /// Count `date` as a bank holiday in `divisions` from now on.
    pub fn add_holiday(
        &mut self,
        divisions: &[Division],
        date: NaiveDate,
        name: &str,
    ) -> Result<()> {
        let name = if name.trim().is_empty() {
            "Holiday (yours)"
        } else {
            name.trim()
        };
        self.store.write(|w| -> Result<()> {
            for d in divisions {
                w.add_user_holiday(d.as_str(), &date.format("%Y-%m-%d").to_string(), name)?;
            }
            Ok(())
        })?;
        self.rebuild_calendar()
    }

    /// Stop counting a holiday of the user's; false when there was none.
    pub fn remove_holiday(&mut self, divisions: &[Division], date: NaiveDate) -> Result<bool> {
        let removed = self.store.write(|w| -> Result<bool> {
            let mut any = false;
            for d in divisions {
                any |= w.remove_user_holiday(d.as_str(), &date.format("%Y-%m-%d").to_string())?;
            }
            Ok(any)
        })?;
        self.rebuild_calendar()?;
        Ok(removed)
    }
}
