//! The comparison grid of a round robin: one row per authority, one column per question,
//! each cell what the authority did with that question; with each authority's status,
//! response date and working days taken, and the counts per question and per batch.

use super::batches::{BatchView, no_cases_left};
use super::stats::{OutcomeCount, response_clock, working_days};
use super::{CaseView, Casebook, Result};
use crate::calendar::{Calendar, ClockState};
use crate::domain::{CaseStatus, EventKind, Outcome, Regime, normalize_label};
use chrono::NaiveDate;
use serde::Serialize;

/// Whether an authority answered within its statutory time (by its response clock,
/// extended where the authority extended it lawfully).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Timing {
    /// Answered by the due date.
    OnTime,
    /// Answered after the due date.
    Late,
    /// No answer, and the due date has passed.
    Overdue,
    /// No answer yet, and still in time.
    Awaiting,
    /// No clock runs (a draft, a withdrawn or closed case).
    None,
}

impl Timing {
    pub fn as_str(self) -> &'static str {
        match self {
            Timing::OnTime => "on-time",
            Timing::Late => "late",
            Timing::Overdue => "overdue",
            Timing::Awaiting => "awaiting",
            Timing::None => "none",
        }
    }
}

/// What one authority did with one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GridCell {
    pub outcome: Outcome,
    pub exemptions: Vec<String>,
    /// Both in a few words: `withheld s43`, `answered`, `withheld reg 12(5)(e)`.
    pub text: String,
}

impl GridCell {
    pub fn new(outcome: Outcome, exemptions: Vec<String>, regime: Regime) -> GridCell {
        let mut text = outcome.as_str().to_string();
        for e in &exemptions {
            text.push_str(if regime.is_environmental() {
                " reg "
            } else {
                " s"
            });
            text.push_str(e);
        }
        GridCell {
            outcome,
            exemptions,
            text,
        }
    }
}

/// A column of the grid: the question's label and its text (as the first case that
/// has it words it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GridQuestion {
    pub label: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct GridRow {
    pub case: i64,
    pub authority: String,
    pub regime: Regime,
    pub status: CaseStatus,
    /// The first response's date.
    pub response: Option<NaiveDate>,
    /// Working days from receipt (or the restart after a clarification) to the response.
    pub working_days: Option<i64>,
    pub timing: Timing,
    /// One per question column; `null` where this case has no such question.
    pub cells: Vec<Option<GridCell>>,
}

/// One question across the batch.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QuestionCounts {
    pub label: String,
    /// How many authorities gave each outcome (only those given).
    pub outcomes: Vec<OutcomeCount>,
    /// Sections cited, with how many authorities cited each, most cited first.
    pub exemptions: Vec<SectionCount>,
}

/// A section and how many authorities cited it for one question.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SectionCount {
    pub section: String,
    pub count: usize,
}

impl QuestionCounts {
    pub fn count(&self, o: Outcome) -> usize {
        self.outcomes
            .iter()
            .find(|c| c.outcome == o)
            .map_or(0, |c| c.count)
    }
}

/// The batch's authorities by [`Timing`].
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct TimingCounts {
    pub on_time: usize,
    pub late: usize,
    pub overdue: usize,
    pub awaiting: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct BatchGrid {
    pub batch: i64,
    pub title: String,
    pub regime: Regime,
    pub sent: Option<NaiveDate>,
    /// The questions, one per column, in the order the cases number them.
    pub questions: Vec<GridQuestion>,
    pub rows: Vec<GridRow>,
    pub counts: Vec<QuestionCounts>,
    pub timing: TimingCounts,
}

impl Casebook {
    /// The grid of a batch; a batch with no cases left is a user error that says so.
    pub fn batch_grid(&self, id: i64) -> Result<BatchGrid> {
        let view = self.batch_view(id)?;
        if view.cases.is_empty() {
            return Err(no_cases_left(&view.batch));
        }
        Ok(BatchGrid::build(&view, self.calendar()))
    }
}

impl BatchGrid {
    pub fn build(view: &BatchView, cal: &Calendar) -> BatchGrid {
        let columns = columns(view);
        let keys: Vec<String> = columns.iter().map(|q| normalize_label(&q.label)).collect();
        let rows: Vec<GridRow> = view.cases.iter().map(|v| grid_row(v, &keys, cal)).collect();
        let counts = columns
            .iter()
            .enumerate()
            .map(|(i, q)| {
                question_counts(&q.label, rows.iter().filter_map(|r| r.cells[i].as_ref()))
            })
            .collect();
        let mut timing = TimingCounts::default();
        for r in &rows {
            match r.timing {
                Timing::OnTime => timing.on_time += 1,
                Timing::Late => timing.late += 1,
                Timing::Overdue => timing.overdue += 1,
                Timing::Awaiting => timing.awaiting += 1,
                Timing::None => {}
            }
        }
        BatchGrid {
            batch: view.batch.id,
            title: view.batch.title.clone(),
            regime: view.batch.regime,
            sent: view.batch.sent,
            questions: columns,
            rows,
            counts,
            timing,
        }
    }
}

/// Every question label of the batch once (labels compared loosely), ordered by where
/// the cases put it and then by first appearance.
fn columns(view: &BatchView) -> Vec<GridQuestion> {
    let mut seen: Vec<(i64, usize, String, GridQuestion)> = Vec::new();
    for v in &view.cases {
        for q in &v.file.questions {
            let key = normalize_label(&q.label);
            if !seen.iter().any(|(_, _, k, _)| *k == key) {
                let n = seen.len();
                let column = GridQuestion {
                    label: q.label.clone(),
                    text: q.text.clone(),
                };
                seen.push((q.position, n, key, column));
            }
        }
    }
    seen.sort_by_key(|(p, n, _, _)| (*p, *n));
    seen.into_iter().map(|(_, _, _, q)| q).collect()
}

fn grid_row(v: &CaseView, keys: &[String], cal: &Calendar) -> GridRow {
    let c = &v.file.case;
    let (timing, response, days) = timing(v, cal);
    let cells = keys
        .iter()
        .map(|k| {
            v.file
                .questions
                .iter()
                .find(|q| normalize_label(&q.label) == *k)
                .map(|q| GridCell::new(q.outcome, q.exemptions.clone(), c.regime))
        })
        .collect();
    GridRow {
        case: c.id,
        authority: c.authority.clone(),
        regime: c.regime,
        status: v.status,
        response,
        working_days: days,
        timing,
        cells,
    }
}

/// The case's timing, its first response's date and the working days it took, by the
/// same rules as the statistics.
fn timing(v: &CaseView, cal: &Calendar) -> (Timing, Option<NaiveDate>, Option<i64>) {
    let c = &v.file.case;
    let first = v
        .file
        .events
        .iter()
        .find(|e| e.kind == EventKind::Response)
        .map(|e| e.date);
    let Some(k) = response_clock(&v.clocks) else {
        let days = match (first, c.received_or_sent()) {
            (Some(r), Some(from)) if r >= from => Some(working_days(cal, c.regime, from, r)),
            _ => None,
        };
        return (Timing::None, first, days);
    };
    let timing = match k.state {
        ClockState::Met => Timing::OnTime,
        // Missed with the reply still not come (a late extension notice leaves the
        // deadline missed): the authority is overdue, not merely late.
        ClockState::Missed if k.awaited => Timing::Overdue,
        ClockState::Missed | ClockState::Late => Timing::Late,
        ClockState::Running if k.days_left < 0 => Timing::Overdue,
        ClockState::Running | ClockState::Paused => Timing::Awaiting,
        ClockState::NotStarted | ClockState::Lapsed => Timing::None,
    };
    let days = first
        .filter(|r| *r >= k.start)
        .map(|r| working_days(cal, c.regime, k.start, r));
    (timing, first, days)
}

fn question_counts<'a>(label: &str, cells: impl Iterator<Item = &'a GridCell>) -> QuestionCounts {
    let mut outcomes = [0usize; Outcome::ALL.len()];
    let mut exemptions: Vec<SectionCount> = Vec::new();
    for cell in cells {
        if let Some(i) = Outcome::ALL.iter().position(|o| *o == cell.outcome) {
            outcomes[i] += 1;
        }
        for e in &cell.exemptions {
            match exemptions.iter_mut().find(|s| s.section == *e) {
                Some(s) => s.count += 1,
                None => exemptions.push(SectionCount {
                    section: e.clone(),
                    count: 1,
                }),
            }
        }
    }
    // Most cited first; the first cited first among equals (the sort is stable).
    exemptions.sort_by_key(|e| std::cmp::Reverse(e.count));
    QuestionCounts {
        label: label.to_string(),
        outcomes: Outcome::ALL
            .iter()
            .zip(outcomes)
            .filter(|(_, n)| *n > 0)
            .map(|(o, count)| OutcomeCount { outcome: *o, count })
            .collect(),
        exemptions,
    }
}
