//! Statistics per authority (`foi stats`, and later the TUI's bar chart): how often it
//! answers on time, how long it takes, what it does with questions, which exemptions it
//! cites, and how internal reviews go.
//!
//! Everything is derived from the same case views the screens show, so the figures agree
//! with the clocks: a response is on time when its response clock (the extended one,
//! where the authority lawfully extended) was met.

use super::{CaseView, Casebook, Error, Result, Walked, Watch};
use crate::calendar::{Calendar, Clock, ClockKind, ClockState};
use crate::domain::exemption;
use crate::domain::text::inert_line;
use crate::domain::{EventKind, Outcome, Regime};
use crate::store::Texts;
use crate::store::authority_key;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// How many exemptions "cited most" lists.
pub const TOP_EXEMPTIONS: usize = 5;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Stats {
    pub today: NaiveDate,
    /// One entry per authority, by name.
    pub authorities: Vec<AuthorityStats>,
    /// All of the authorities above together.
    pub overall: AuthorityStats,
}

#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct AuthorityStats {
    pub authority: String,
    pub cases: usize,
    pub responses: ResponseStats,
    /// How many questions the cases hold.
    pub questions: usize,
    /// Questions per outcome, in the usual order of outcomes; outcomes with none left out.
    pub outcomes: Vec<OutcomeCount>,
    /// The exemptions cited on the most questions, most first.
    pub exemptions: Vec<ExemptionCount>,
    pub reviews: ReviewStats,
}

#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct ResponseStats {
    /// Responses on or before the due date.
    pub on_time: usize,
    /// Responses after the due date, and responses still outstanding after it.
    pub late: usize,
    /// Of `late`, those still outstanding.
    pub outstanding_late: usize,
    /// No response yet and still in time (or the clock is paused).
    pub awaiting: usize,
    /// `on_time / (on_time + late)`, or `None` when there is nothing to rate yet.
    pub on_time_rate: Option<f64>,
    /// Median working days from receipt (or from the clock's restart after a
    /// clarification) to the first response.
    pub median_working_days: Option<f64>,
    /// How many responses the median is over.
    pub timed: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OutcomeCount {
    pub outcome: Outcome,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ExemptionCount {
    pub regime: Regime,
    pub section: String,
    /// `section 43` or `regulation 12(5)(e)`.
    pub citation: String,
    pub name: String,
    /// Questions citing it.
    pub count: usize,
}

/// Internal reviews. Their outcome is read from the note on the `review-response` event:
/// "partly"/"in part" → partly, "upheld"/"maintained" → upheld, "overturned"/"released"/
/// "disclosed"/"reversed" → overturned; anything else is counted as not recorded.
#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct ReviewStats {
    pub requested: usize,
    pub answered: usize,
    /// Requested and not (yet) answered.
    pub awaiting: usize,
    pub upheld: usize,
    pub partly: usize,
    pub overturned: usize,
    pub not_recorded: usize,
}

/// What a review-response note says happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewOutcome {
    Upheld,
    Partly,
    Overturned,
    NotRecorded,
}

pub fn review_outcome(note: Option<&str>) -> ReviewOutcome {
    let n = note.unwrap_or_default().to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| n.contains(w));
    if has(&["partly", "partially", "in part", "part-upheld"]) {
        ReviewOutcome::Partly
    } else if has(&["overturn", "reversed", "released", "disclosed", "granted"]) {
        ReviewOutcome::Overturned
    } else if has(&["upheld", "maintained", "confirmed the original", "stands"]) {
        ReviewOutcome::Upheld
    } else {
        ReviewOutcome::NotRecorded
    }
}

/// The clock that says whether the authority answered in time.
pub(super) fn response_clock(clocks: &[Clock]) -> Option<&Clock> {
    let find = |k: ClockKind| {
        clocks
            .iter()
            .find(|c| c.kind == k && c.state != ClockState::NotStarted)
    };
    find(ClockKind::ResponseExtended).or_else(|| find(ClockKind::Response))
}

/// Working days in `(from, to]` (0 when `to` is not after `from`), counted on the
/// regime's calendar; capped at ten years of days.
pub(super) fn working_days(cal: &Calendar, regime: Regime, from: NaiveDate, to: NaiveDate) -> i64 {
    let mut n = 0;
    let mut d = from;
    for _ in 0..3660 {
        if d >= to {
            break;
        }
        let Some(next) = d.succ_opt() else { break };
        d = next;
        if cal.is_working_day(regime, d) {
            n += 1;
        }
    }
    n
}

fn median(mut xs: Vec<i64>) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    xs.sort_unstable();
    let m = xs.len() / 2;
    Some(if xs.len() % 2 == 1 {
        xs[m] as f64
    } else {
        (xs[m - 1] + xs[m]) as f64 / 2.0
    })
}

/// Everything counted for a group of cases.
#[derive(Default)]
struct Tally {
    cases: usize,
    responses: ResponseStats,
    days: Vec<i64>,
    questions: usize,
    outcomes: BTreeMap<usize, usize>,
    exemptions: BTreeMap<(usize, String), usize>,
    reviews: ReviewStats,
}

impl Tally {
    fn add(&mut self, v: &CaseView, cal: &Calendar) {
        let c = &v.file.case;
        self.cases += 1;
        let first_response = v.file.events.iter().find(|e| e.kind == EventKind::Response);
        if let Some(k) = response_clock(&v.clocks) {
            match k.state {
                ClockState::Met => self.responses.on_time += 1,
                ClockState::Missed if !k.awaited => self.responses.late += 1,
                // Missed and still awaited (a late notice) is late and outstanding too.
                ClockState::Missed | ClockState::Running if k.days_left < 0 => {
                    self.responses.late += 1;
                    self.responses.outstanding_late += 1;
                }
                ClockState::Running | ClockState::Paused | ClockState::Missed => {
                    self.responses.awaiting += 1;
                }
                ClockState::NotStarted | ClockState::Lapsed | ClockState::Late => {}
            }
            if let Some(r) = first_response
                && r.date >= k.start
            {
                self.days.push(working_days(cal, c.regime, k.start, r.date));
            }
        } else if let (Some(r), Some(from)) = (first_response, c.received_or_sent())
            && r.date >= from
        {
            self.days.push(working_days(cal, c.regime, from, r.date));
        }
        for q in &v.file.questions {
            self.questions += 1;
            if let Some(i) = Outcome::ALL.iter().position(|o| *o == q.outcome) {
                *self.outcomes.entry(i).or_default() += 1;
            }
            for s in &q.exemptions {
                let regime = Regime::ALL.iter().position(|r| *r == c.regime).unwrap_or(0);
                *self.exemptions.entry((regime, s.clone())).or_default() += 1;
            }
        }
        let mut open_review = false;
        for e in &v.file.events {
            match e.kind {
                EventKind::ReviewRequested => {
                    self.reviews.requested += 1;
                    open_review = true;
                }
                EventKind::ReviewResponse => {
                    self.reviews.answered += 1;
                    open_review = false;
                    match review_outcome(e.note.as_deref()) {
                        ReviewOutcome::Upheld => self.reviews.upheld += 1,
                        ReviewOutcome::Partly => self.reviews.partly += 1,
                        ReviewOutcome::Overturned => self.reviews.overturned += 1,
                        ReviewOutcome::NotRecorded => self.reviews.not_recorded += 1,
                    }
                }
                _ => {}
            }
        }
        if open_review {
            self.reviews.awaiting += 1;
        }
    }

    fn merge(&mut self, o: &Tally) {
        self.cases += o.cases;
        let (r, s) = (&mut self.responses, &o.responses);
        r.on_time += s.on_time;
        r.late += s.late;
        r.outstanding_late += s.outstanding_late;
        r.awaiting += s.awaiting;
        self.days.extend_from_slice(&o.days);
        self.questions += o.questions;
        for (k, n) in &o.outcomes {
            *self.outcomes.entry(*k).or_default() += n;
        }
        for (k, n) in &o.exemptions {
            *self.exemptions.entry(k.clone()).or_default() += n;
        }
        let (r, s) = (&mut self.reviews, &o.reviews);
        r.requested += s.requested;
        r.answered += s.answered;
        r.awaiting += s.awaiting;
        r.upheld += s.upheld;
        r.partly += s.partly;
        r.overturned += s.overturned;
        r.not_recorded += s.not_recorded;
    }

    fn finish(&self, authority: String) -> AuthorityStats {
        let mut responses = self.responses.clone();
        let rated = responses.on_time + responses.late;
        responses.on_time_rate = (rated > 0).then(|| responses.on_time as f64 / rated as f64);
        responses.median_working_days = median(self.days.clone());
        responses.timed = self.days.len();
        let outcomes = self
            .outcomes
            .iter()
            .map(|(i, n)| OutcomeCount {
                outcome: Outcome::ALL[*i],
                count: *n,
            })
            .collect();
        let mut exemptions: Vec<ExemptionCount> = self
            .exemptions
            .iter()
            .map(|((r, section), n)| {
                let regime = Regime::ALL[*r];
                let name = exemption::lookup(regime, section)
                    .map(|e| e.name)
                    .unwrap_or_default();
                ExemptionCount {
                    regime,
                    section: section.clone(),
                    citation: exemption::cite(regime, section),
                    name,
                    count: *n,
                }
            })
            .collect();
        exemptions.sort_by_key(|e| std::cmp::Reverse(e.count));
        exemptions.truncate(TOP_EXEMPTIONS);
        AuthorityStats {
            authority,
            cases: self.cases,
            responses,
            questions: self.questions,
            outcomes,
            exemptions,
            reviews: self.reviews.clone(),
        }
    }
}

/// The message of a count of the statistics stopped by its [`Watch`].
pub const STATS_INTERRUPTED: &str = "stopped: the statistics were not counted";

impl Casebook {
    /// Statistics for every authority, or for those whose name contains `authority`
    /// (any case); a user error when none does.
    pub fn stats(&self, authority: Option<&str>) -> Result<Stats> {
        self.stats_watched(authority, Watch::none())
    }

    /// [`Casebook::stats`], reporting each case counted to `watch` and stopping (with an
    /// error saying so) when its flag is set.
    pub fn stats_watched(&self, authority: Option<&str>, watch: Watch<'_>) -> Result<Stats> {
        let wanted: Option<Vec<i64>> = match authority.map(str::trim) {
            None | Some("") => None,
            Some(a) => {
                let key = authority_key(a);
                let all = self.store.authorities()?;
                let exact: Vec<i64> = all
                    .iter()
                    .filter(|r| authority_key(&r.name) == key)
                    .map(|r| r.id)
                    .collect();
                let ids = if exact.is_empty() {
                    all.iter()
                        .filter(|r| authority_key(&r.name).contains(&key))
                        .map(|r| r.id)
                        .collect()
                } else {
                    exact
                };
                if ids.is_empty() {
                    return Err(Error::user(format!(
                        "no authority's name contains '{}': `foi stats` lists them all",
                        inert_line(a)
                    )));
                }
                Some(ids)
            }
        };
        // Counted as the cases stream past: only the tallies stay in memory, and the
        // request texts and letters, which no figure uses, are not read.
        let mut groups: BTreeMap<(String, i64), (String, Tally)> = BTreeMap::new();
        let cal = self.calendar.get();
        self.walk_views(None, Texts::Short, (watch, STATS_INTERRUPTED), |step| {
            let Walked::Case(v) = step else {
                return Ok(());
            };
            let c = &v.file.case;
            if wanted
                .as_ref()
                .is_some_and(|ids| !ids.contains(&c.authority_id))
            {
                return Ok(());
            }
            let entry = groups
                .entry((authority_key(&c.authority), c.authority_id))
                .or_insert_with(|| (c.authority.clone(), Tally::default()));
            entry.1.add(v, cal);
            Ok(())
        })?;
        let mut all = Tally::default();
        let mut authorities = Vec::new();
        for (name, t) in groups.values() {
            all.merge(t);
            authorities.push(t.finish(name.clone()));
        }
        let overall_name = if authorities.len() == 1 {
            authorities[0].authority.clone()
        } else {
            "All authorities".to_string()
        };
        Ok(Stats {
            today: self.today,
            authorities,
            overall: all.finish(overall_name),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn review_notes_read_plainly() {
        assert_eq!(
            review_outcome(Some("Original decision upheld")),
            ReviewOutcome::Upheld
        );
        assert_eq!(
            review_outcome(Some("Partly upheld: Request 4 released")),
            ReviewOutcome::Partly
        );
        assert_eq!(
            review_outcome(Some("Overturned; all released")),
            ReviewOutcome::Overturned
        );
        assert_eq!(review_outcome(Some("Phoned")), ReviewOutcome::NotRecorded);
        assert_eq!(review_outcome(None), ReviewOutcome::NotRecorded);
    }

    #[test]
    fn medians() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![5, 1, 3]), Some(3.0));
        assert_eq!(median(vec![4, 1, 3, 2]), Some(2.5));
    }
}
