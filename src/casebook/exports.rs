//! What the CSV, Markdown and iCalendar exports need from the casebook.

use super::{CaseView, Casebook, Result};

impl Casebook {
    /// One case, or every case in id order, with clocks and status.
    pub fn export_views(&self, only: Option<i64>) -> Result<Vec<CaseView>> {
        match only {
            Some(id) => Ok(vec![self.view(id)?]),
            None => self.all_views(),
        }
    }

    /// The id that names this casebook in calendar UIDs (kept in the database).
    pub fn casebook_id(&self) -> Result<String> {
        Ok(self.store.casebook_id()?)
    }
}
