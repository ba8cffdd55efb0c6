//! Chase reminders held back until a date (migration 5): one row per case.

use super::reads::Reads;
use super::rows::date_text;
use super::{Result, Store, StoreError, Writer};
use chrono::NaiveDate;
use rusqlite::params;
use std::collections::HashMap;

impl Writer<'_> {
    /// Hold back the case's chase reminders until `until`, or (`None`) no longer.
    pub fn set_snooze(&self, case_id: i64, until: Option<NaiveDate>) -> Result<()> {
        match until {
            Some(d) => self.exec(
                "INSERT OR REPLACE INTO chase_snoozes (case_id, until) VALUES (?1, ?2)",
                params![case_id, date_text(Some(d))],
            ),
            None => self.exec(
                "DELETE FROM chase_snoozes WHERE case_id = ?1",
                params![case_id],
            ),
        }
        .map(|_| ())
    }
}

impl Store {
    /// Every case's snooze, by case id. A date that does not read (written by another
    /// program) is a fault naming the case.
    pub fn snoozes(&self) -> Result<HashMap<i64, NaiveDate>> {
        let mut st = self
            .conn()
            .prepare_cached("SELECT case_id, until FROM chase_snoozes")
            .map_err(|e| self.sql_err(e))?;
        let rows: Vec<(i64, String)> = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.sql_err(e))?;
        rows.into_iter()
            .map(|(id, text)| {
                NaiveDate::parse_from_str(&text, "%Y-%m-%d")
                    .map(|d| (id, d))
                    .map_err(|_| StoreError::BadData {
                        path: self.path.clone(),
                        detail: format!("case #{id}: snooze date '{text}' is not a date"),
                    })
            })
            .collect()
    }
}
