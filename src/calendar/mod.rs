//! TEMPORARY interface stub while the calendar branch is in progress; replaced on merge.
use crate::domain::{CaseFile, CaseStatus, Regime};
use chrono::NaiveDate;
use serde::Serialize;
use std::sync::OnceLock;

pub struct Calendar;
impl Calendar {
    pub fn standard() -> &'static Calendar {
        static C: OnceLock<Calendar> = OnceLock::new();
        C.get_or_init(|| Calendar)
    }
    pub fn is_working_day(&self, _r: Regime, _d: NaiveDate) -> bool {
        true
    }
    /// Stub (weekends only); the real calendar counts bank holidays too.
    pub fn add_working_days(&self, _r: Regime, from: NaiveDate, n: u32) -> NaiveDate {
        use chrono::Datelike;
        let mut d = from;
        let mut left = n;
        while left > 0 {
            d = d.succ_opt().unwrap_or(d);
            if d.weekday().number_from_monday() <= 5 {
                left -= 1;
            }
        }
        d
    }
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClockKind {
    Response,
    ResponseExtended,
    ReviewRequest,
    ReviewResponse,
    IcoComplaint,
    CommissionerAppeal,
    TribunalAppeal,
}
impl ClockKind {
    pub fn as_str(self) -> &'static str {
        "response"
    }
    pub fn describe(self) -> &'static str {
        "Response due"
    }
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClockState {
    NotStarted,
    Running,
    Paused,
    Met,
    Missed,
    Lapsed,
}
impl ClockState {
    pub fn as_str(self) -> &'static str {
        "running"
    }
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    WorkingDays,
    Days,
}
#[derive(Debug, Clone, Serialize)]
pub struct Clock {
    pub kind: ClockKind,
    pub start: NaiveDate,
    pub due: NaiveDate,
    pub state: ClockState,
    pub days_left: i64,
    pub unit: Unit,
    pub basis: String,
    pub very_overdue: bool,
}
impl Clock {
    pub fn is_live(&self) -> bool {
        true
    }
    pub fn countdown(&self) -> String {
        String::new()
    }
}
pub fn clocks(_f: &CaseFile, _t: NaiveDate, _c: &Calendar) -> Vec<Clock> {
    Vec::new()
}
pub fn status(f: &CaseFile, _c: &[Clock]) -> CaseStatus {
    CaseStatus::derive(f.case.sent.is_some(), &f.events, false, false)
}
pub fn next_clock(c: &[Clock]) -> Option<&Clock> {
    c.first()
}
