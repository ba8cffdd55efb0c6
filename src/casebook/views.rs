//! What the screens and commands show: one case with its clocks, the case list, the
//! agenda of deadlines. Clocks are computed here, once, from the calendar.

use super::{Casebook, Result};
use crate::calendar::{self, Clock, ClockKind, ClockState};
use crate::domain::{CaseFile, CaseStatus, OverallOutcome};
use crate::store::Reads;
use chrono::NaiveDate;

/// One case with everything derived from it.
#[derive(Debug, Clone)]
pub struct CaseView {
    pub file: CaseFile,
    pub clocks: Vec<Clock>,
    pub status: CaseStatus,
    pub overall: OverallOutcome,
}

impl CaseView {
    pub fn build(file: CaseFile, today: NaiveDate, cal: &calendar::Calendar) -> CaseView {
        let clocks = calendar::clocks(&file, today, cal);
        let status = calendar::status(&file, &clocks);
        let overall = file.overall();
        CaseView {
            file,
            clocks,
            status,
            overall,
        }
    }

    /// The clock that matters now, if any.
    pub fn next_clock(&self) -> Option<&Clock> {
        if !self.status.is_open() {
            return None;
        }
        calendar::next_clock(&self.clocks)
    }

    /// Whether the user has something to do: chase or complain about a late authority,
    /// or use a right before its window closes.
    pub fn needs_action(&self) -> bool {
        if !self.status.is_open() {
            return false;
        }
        self.status.is_overdue()
            || self.clocks.iter().any(|c| {
                c.state == ClockState::Running
                    && matches!(
                        c.kind,
                        ClockKind::ReviewRequest
                            | ClockKind::IcoComplaint
                            | ClockKind::CommissionerAppeal
                            | ClockKind::TribunalAppeal
                    )
            })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Filter {
    #[default]
    Open,
    Overdue,
    Action,
    Closed,
    All,
}

impl Filter {
    pub const ALL: [Filter; 5] = [
        Filter::Open,
        Filter::Overdue,
        Filter::Action,
        Filter::Closed,
        Filter::All,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Filter::Open => "open",
            Filter::Overdue => "overdue",
            Filter::Action => "action",
            Filter::Closed => "closed",
            Filter::All => "all",
        }
    }

    pub fn matches(self, v: &CaseView) -> bool {
        match self {
            Filter::Open => v.status.is_open(),
            Filter::Overdue => v.status.is_open() && v.status.is_overdue(),
            Filter::Action => v.needs_action(),
            Filter::Closed => !v.status.is_open(),
            Filter::All => true,
        }
    }

    pub fn next(self) -> Filter {
        let i = Filter::ALL.iter().position(|f| *f == self).unwrap_or(0);
        Filter::ALL[(i + 1) % Filter::ALL.len()]
    }
}

impl std::str::FromStr for Filter {
    type Err = super::Error;
    fn from_str(s: &str) -> Result<Filter> {
        Filter::ALL
            .into_iter()
            .find(|f| f.as_str() == s.trim().to_ascii_lowercase())
            .ok_or_else(|| {
                super::Error::user(format!(
                    "unknown filter '{s}': use open, overdue, action, closed or all"
                ))
            })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// The nearest or most overdue clock first.
    #[default]
    Urgency,
    Sent,
    Authority,
    Changed,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Urgency, Sort::Sent, Sort::Authority, Sort::Changed];

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Urgency => "urgency",
            Sort::Sent => "sent",
            Sort::Authority => "authority",
            Sort::Changed => "changed",
        }
    }

    pub fn next(self) -> Sort {
        let i = Sort::ALL.iter().position(|s| *s == self).unwrap_or(0);
        Sort::ALL[(i + 1) % Sort::ALL.len()]
    }
}

#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    pub filter: Filter,
    /// Part of the authority's name, any case.
    pub authority: Option<String>,
    pub tag: Option<String>,
    pub sort: Sort,
}

/// One row of the case list.
pub type CaseRow = CaseView;

/// One line of the agenda: a live clock and its case.
#[derive(Debug, Clone)]
pub struct DueRow {
    pub case_id: i64,
    pub title: String,
    pub authority: String,
    pub their_ref: Option<String>,
    pub clock: Clock,
}

/// Orders cases by how soon something is due; cases with nothing due follow, closed last.
pub fn urgency_key(v: &CaseView) -> (u8, NaiveDate, i64) {
    match v.next_clock() {
        Some(c) => (0, c.due, v.file.case.id),
        None if v.status.is_open() => (1, NaiveDate::MAX, v.file.case.id),
        None => (2, NaiveDate::MAX, v.file.case.id),
    }
}

pub fn sort_views(rows: &mut [CaseView], sort: Sort) {
    match sort {
        Sort::Urgency => rows.sort_by_key(urgency_key),
        Sort::Sent => rows.sort_by(|a, b| {
            b.file
                .case
                .sent
                .cmp(&a.file.case.sent)
                .then(a.file.case.id.cmp(&b.file.case.id))
        }),
        Sort::Authority => rows.sort_by(|a, b| {
            a.file
                .case
                .authority
                .to_lowercase()
                .cmp(&b.file.case.authority.to_lowercase())
                .then_with(|| urgency_key(a).cmp(&urgency_key(b)))
        }),
        Sort::Changed => rows.sort_by(|a, b| {
            b.file
                .case
                .updated_at
                .cmp(&a.file.case.updated_at)
                .then(b.file.case.id.cmp(&a.file.case.id))
        }),
    }
}

impl Casebook {
    /// One case with its clocks and status.
    pub fn view(&self, id: i64) -> Result<CaseView> {
        let file = self.require(id)?;
        Ok(CaseView::build(file, self.today, self.calendar))
    }

    /// Every case, with clocks, unfiltered and unsorted (the TUI filters in memory).
    pub fn all_views(&self) -> Result<Vec<CaseView>> {
        let files = self.store.all_case_files()?;
        Ok(files
            .into_iter()
            .map(|f| CaseView::build(f, self.today, self.calendar))
            .collect())
    }

    pub fn list(&self, q: &ListQuery) -> Result<Vec<CaseRow>> {
        let authority = q.authority.as_deref().map(str::to_lowercase);
        let tag = q.tag.as_deref().map(str::to_lowercase);
        let mut rows: Vec<CaseRow> = self
            .all_views()?
            .into_iter()
            .filter(|v| q.filter.matches(v))
            .filter(|v| {
                authority
                    .as_deref()
                    .is_none_or(|a| v.file.case.authority.to_lowercase().contains(a))
            })
            .filter(|v| {
                tag.as_deref()
                    .is_none_or(|t| v.file.case.tags.iter().any(|x| x.to_lowercase() == t))
            })
            .collect();
        sort_views(&mut rows, q.sort);
        Ok(rows)
    }

    /// Every live clock of every open case, soonest (most overdue) first; `within` keeps
    /// those due within that many days of today (overdue ones always).
    pub fn due(&self, within: Option<i64>) -> Result<Vec<DueRow>> {
        let limit = within.and_then(|d| self.today.checked_add_signed(chrono::Duration::days(d)));
        let mut rows = Vec::new();
        for v in self.all_views()? {
            if !v.status.is_open() {
                continue;
            }
            for c in v.clocks.iter().filter(|c| c.is_live()) {
                if limit.is_some_and(|l| c.due > l) {
                    continue;
                }
                rows.push(DueRow {
                    case_id: v.file.case.id,
                    title: v.file.case.title.clone(),
                    authority: v.file.case.authority.clone(),
                    their_ref: v.file.case.their_ref.clone(),
                    clock: c.clone(),
                });
            }
        }
        rows.sort_by(|a, b| {
            a.clock
                .due
                .cmp(&b.clock.due)
                .then(a.case_id.cmp(&b.case_id))
        });
        Ok(rows)
    }

    pub fn case_count(&self) -> Result<i64> {
        Ok(self.store.case_count()?)
    }
}
