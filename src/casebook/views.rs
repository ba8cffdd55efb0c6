//! What the screens and commands show: one case with its clocks, the case list, the
//! agenda of deadlines. Clocks are computed here, once, from the calendar.

use super::filter_index::Texts;
use super::{Casebook, Result};
use crate::calendar::{self, Clock, ClockState};
use crate::domain::{Case, CaseFile, CaseStatus, OverallOutcome, Regime};
use crate::store::ListRecord;
use crate::store::Reads;
use chrono::NaiveDate;
use std::sync::Arc;

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
        needs_action(self.status, &self.clocks)
    }
}

fn needs_action(status: CaseStatus, clocks: &[Clock]) -> bool {
    status.is_open()
        && (status.is_overdue()
            || clocks
                .iter()
                .any(|c| c.state == ClockState::Running && c.kind.is_requester_window()))
}

/// The case part of a [`ListRow`]: what a row shows, sorts and filters on. A full [`Case`]
/// (see [`Casebook::view`]) also carries its request text, notes and dates of record,
/// which the list never shows: at 100,000 rows they were 9 MB of empty fields, and the
/// authority's name is shared among its cases instead of copied into each.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListRowCase {
    pub id: i64,
    pub title: String,
    pub authority: Arc<str>,
    pub regime: Regime,
    pub their_ref: Option<String>,
    pub my_ref: Option<String>,
    pub sent: Option<NaiveDate>,
    pub tags: Vec<String>,
    /// When it last changed (RFC 3339, UTC): the "changed" order.
    pub updated_at: String,
}

impl ListRowCase {
    /// The list's part of `case`, whose authority's name is `authority`.
    fn of(case: Case, authority: Arc<str>) -> ListRowCase {
        ListRowCase {
            id: case.id,
            title: case.title,
            authority,
            regime: case.regime,
            their_ref: case.their_ref,
            my_ref: case.my_ref,
            sent: case.sent,
            tags: case.tags,
            updated_at: case.updated_at,
        }
    }
}

/// One row of the case list: the case as the list holds it, its status and the clock
/// that matters now. Cheap enough to hold for 100,000 cases.
#[derive(Debug, Clone)]
pub struct ListRow {
    pub case: ListRowCase,
    pub status: CaseStatus,
    pub overall: OverallOutcome,
    /// The clock that matters now (its `basis` is left empty here).
    pub next: Option<Clock>,
    pub needs_action: bool,
    /// How many questions the case has.
    pub questions: usize,
}

/// What the list's filter matches besides the question texts: the title, the authority,
/// both references and the tags, one per line, in lower case (see
/// [`super::filter_index`]).
pub fn filter_text(c: &ListRowCase) -> String {
    let fields = [c.title.as_str(), &*c.authority]
        .into_iter()
        .chain(c.their_ref.as_deref())
        .chain(c.my_ref.as_deref())
        .chain(c.tags.iter().map(String::as_str));
    let mut out = String::with_capacity(
        c.title.len() + c.authority.len() + c.their_ref.as_ref().map_or(0, String::len) + 24,
    );
    for f in fields {
        out.push_str(f);
        out.push('\n');
    }
    super::filter_index::lower(&out)
}

impl ListRow {
    /// A list row from `row`, taking the case out of it and leaving its timeline buffer
    /// there for the next case (see [`crate::store::Store::map_case_rows`]).
    pub fn take_from(row: &mut ListRecord, today: NaiveDate, cal: &calendar::Calendar) -> ListRow {
        let file = CaseFile {
            case: std::mem::take(&mut row.case),
            questions: Vec::new(),
            events: std::mem::take(&mut row.events),
        };
        let clocks = calendar::clocks_brief(&file, today, cal);
        let status = calendar::status(&file, &clocks);
        let next = if status.is_open() {
            calendar::next_clock(&clocks).cloned()
        } else {
            None
        };
        let CaseFile { case, events, .. } = file;
        row.events = events;
        ListRow {
            needs_action: needs_action(status, &clocks),
            overall: OverallOutcome::from_outcomes(row.outcomes.iter().copied()),
            questions: row.outcomes.len(),
            case: ListRowCase::of(case, Arc::clone(&row.authority)),
            status,
            next,
        }
    }

    pub fn next_clock(&self) -> Option<&Clock> {
        self.next.as_ref()
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

    pub fn admits(self, status: CaseStatus, needs_action: bool) -> bool {
        match self {
            Filter::Open => status.is_open(),
            Filter::Overdue => status.is_open() && status.is_overdue(),
            Filter::Action => needs_action,
            Filter::Closed => !status.is_open(),
            Filter::All => true,
        }
    }

    pub fn matches(self, v: &ListRow) -> bool {
        self.admits(v.status, v.needs_action)
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

/// Orders cases by how soon something is due; cases with nothing due follow, closed last.
pub fn urgency_key(v: &ListRow) -> (u8, NaiveDate, i64) {
    match &v.next {
        Some(c) => (0, c.due, v.case.id),
        None if v.status.is_open() => (1, NaiveDate::MAX, v.case.id),
        None => (2, NaiveDate::MAX, v.case.id),
    }
}

pub fn sort_list_rows(rows: &mut [ListRow], sort: Sort) {
    // Rows are large: sort small keys with their row's index, then move each row once.
    let order = sort_order(rows, sort);
    permute(rows, order);
}

/// The indices of `rows` in the order `sort` (rows themselves stay where they are).
pub fn sort_order(rows: &[ListRow], sort: Sort) -> Vec<usize> {
    // Every order ends on the case id, so it is total and an unstable sort gives the same
    // result as a stable one.
    use std::cmp::Reverse;
    match sort {
        Sort::Urgency => order_by_key(rows, urgency_key),
        Sort::Sent => order_by_key(rows, |v| (Reverse(v.case.sent), v.case.id)),
        // Lower-case once per row, not once per comparison.
        Sort::Authority => {
            order_by_key(rows, |v| (v.case.authority.to_lowercase(), urgency_key(v)))
        }
        Sort::Changed => order_by_key(rows, |v| {
            (Reverse(v.case.updated_at.as_str()), Reverse(v.case.id))
        }),
    }
}

/// Every case as a list row, in id order, with the order of the current sort: what the
/// TUI holds. The rows never move when the sort changes; only `order` does.
#[derive(Debug, Default)]
pub struct SortedListRows {
    pub rows: Vec<ListRow>,
    /// Indices into `rows`, in the sort's order.
    pub order: Vec<usize>,
    /// Each row's [`filter_text`], in the same order as `rows`.
    pub fields: Texts,
}

/// Merge parts each sorted by `key` into one sorted vector, moving each item once.
fn merge_by_key<T, K: Ord>(parts: Vec<Vec<T>>, key: impl Fn(&T) -> K) -> Vec<T> {
    let total = parts.iter().map(Vec::len).sum();
    let mut out = Vec::with_capacity(total);
    let mut heads: Vec<std::iter::Peekable<std::vec::IntoIter<T>>> = parts
        .into_iter()
        .map(|p| p.into_iter().peekable())
        .collect();
    loop {
        // Few parts (one per core): a scan of their heads beats a heap.
        let mut best: Option<(usize, K)> = None;
        for (i, h) in heads.iter_mut().enumerate() {
            if let Some(row) = h.peek() {
                let k = key(row);
                if best.as_ref().is_none_or(|(_, b)| k < *b) {
                    best = Some((i, k));
                }
            }
        }
        let Some((i, _)) = best else {
            return out;
        };
        if let Some(row) = heads[i].next() {
            out.push(row);
        }
    }
}

/// The indices of `rows` in the order of `key` (which must tell any two rows apart).
fn order_by_key<'a, T, K: Ord>(rows: &'a [T], key: impl Fn(&'a T) -> K) -> Vec<usize> {
    let mut keyed: Vec<(K, usize)> = rows.iter().enumerate().map(|(i, r)| (key(r), i)).collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// Put the row at `order[i]` in position `i`, moving each row once (cycle by cycle).
fn permute<T>(rows: &mut [T], mut order: Vec<usize>) {
    // `order[i] == i` marks position `i` done.
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != start {
            let from = order[at];
            rows.swap(at, from);
            order[at] = at;
            at = from;
        }
        order[at] = at;
    }
}

impl Casebook {
    /// One case with its clocks and status.
    pub fn view(&self, id: i64) -> Result<CaseView> {
        let file = self.require(id)?;
        Ok(CaseView::build(file, self.today, self.calendar.get()))
    }

    /// One case as a list row (with its outcomes), its [`filter_text`] and its questions'
    /// filter text, read afresh: what a screen needs to refresh the case it just changed
    /// without reloading every case. `None` when the case is gone.
    pub fn list_row(&self, id: i64) -> Result<Option<(ListRow, String, String)>> {
        let Some(file) = self.store.case_file(id)? else {
            return Ok(None);
        };
        let hay = super::list_filter::question_hay(&file.questions);
        let mut row = ListRecord {
            authority: Arc::from(file.case.authority.as_str()),
            outcomes: file.questions.iter().map(|q| q.outcome).collect(),
            events: file.events,
            // As the light load has it: without the long texts.
            case: Case {
                text: None,
                notes: None,
                created_at: String::new(),
                ..file.case
            },
        };
        let v = ListRow::take_from(&mut row, self.today, self.calendar.get());
        let fields = filter_text(&v.case);
        Ok(Some((v, fields, hay)))
    }

    /// The cases written through this casebook since the last call (see
    /// [`crate::store::Store::take_touched`]).
    pub fn take_touched(&mut self) -> Vec<i64> {
        self.store.take_touched()
    }

    /// Every case, with everything, unfiltered and unsorted (exports, statistics).
    pub fn all_views(&self) -> Result<Vec<CaseView>> {
        let files = self.store.all_case_files()?;
        Ok(files
            .into_iter()
            .map(|f| CaseView::build(f, self.today, self.calendar.get()))
            .collect())
    }

    /// Every case as a list row, unfiltered, in id order: the light load that the list,
    /// the agenda and the TUI use.
    pub fn list_rows(&self) -> Result<Vec<ListRow>> {
        let (today, cal) = (self.today, self.calendar.get());
        Ok(self
            .store
            .map_case_rows(|r| ListRow::take_from(r, today, cal))?)
    }

    /// Every case as a list row, in id order, with the order `sort`: what the TUI
    /// loads, with the filter texts. `full`: with the outcomes; without, not (a million
    /// fewer rows at 100,000 cases: the TUI's first screen does not show them, and its
    /// background reader of the questions fills them in: see
    /// [`super::filter_index::read_question_texts`]). The
    /// same rows as `list_rows`, in the same order as [`sort_order`]; faster, as each
    /// loader thread sorts its own part by urgency (the order the TUI starts in) and the
    /// sorted indices are merged; other orders are sorted whole.
    pub fn sorted_list_rows(&self, sort: Sort, full: bool) -> Result<SortedListRows> {
        let (today, cal) = (self.today, self.calendar.get());
        // The filter texts are built here, on the loader threads, even for the first
        // screen: a few milliseconds of start-up, against a filter that could not search
        // the cases' own fields at speed until the questions arrive.
        let build = |r: &mut ListRecord| ListRow::take_from(r, today, cal);
        let parts = self.store.map_case_slices(full, build, |part| {
            let mut fields = Texts::with_capacity(part.len(), part.len() * 64);
            for v in part {
                fields.push(&filter_text(&v.case));
            }
            if sort != Sort::Urgency {
                return (Vec::new(), fields);
            }
            let mut keyed: Vec<((u8, NaiveDate, i64), usize)> = part
                .iter()
                .enumerate()
                .map(|(i, v)| (urgency_key(v), i))
                .collect();
            keyed.sort_unstable();
            (keyed, fields)
        })?;
        let mut rows = Vec::new();
        let mut all_fields = Texts::default();
        let mut sorted = Vec::with_capacity(parts.len());
        for (part, (mut keyed, fields)) in parts {
            // Indices into the part become indices into the whole.
            let offset = rows.len();
            for (_, i) in &mut keyed {
                *i += offset;
            }
            sorted.push(keyed);
            if all_fields.is_empty() {
                all_fields = fields;
            } else {
                all_fields.append(fields);
            }
            rows = if rows.is_empty() {
                part
            } else {
                crate::store::join_parts(vec![rows, part])
            };
        }
        let order = if sort == Sort::Urgency {
            merge_by_key(sorted, |(k, _)| *k)
                .into_iter()
                .map(|(_, i)| i)
                .collect()
        } else {
            sort_order(&rows, sort)
        };
        Ok(SortedListRows {
            rows,
            order,
            fields: all_fields,
        })
    }

    pub fn list(&self, q: &ListQuery) -> Result<Vec<ListRow>> {
        let authority = q.authority.as_deref().map(str::to_lowercase);
        let tag = q.tag.as_deref().map(str::to_lowercase);
        let mut rows: Vec<ListRow> = self
            .list_rows()?
            .into_iter()
            .filter(|v| q.filter.matches(v))
            .filter(|v| {
                authority
                    .as_deref()
                    .is_none_or(|a| v.case.authority.to_lowercase().contains(a))
            })
            .filter(|v| {
                tag.as_deref()
                    .is_none_or(|t| v.case.tags.iter().any(|x| x.to_lowercase() == t))
            })
            .collect();
        sort_list_rows(&mut rows, q.sort);
        Ok(rows)
    }

    pub fn case_count(&self) -> Result<i64> {
        Ok(self.store.case_count()?)
    }
}

#[cfg(test)]
mod tests {
    use super::{merge_by_key, order_by_key, permute};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorting_by_key_then_permuting_matches_a_plain_sort(xs in proptest::collection::vec((0u8..5, any::<u16>()), 0..200)) {
            // Make the order total, as every list order is (it ends on the unique id).
            let rows: Vec<(u8, u16, usize)> = xs.into_iter().enumerate().map(|(i, (a, b))| (a, b, i)).collect();
            let mut expected = rows.clone();
            expected.sort();
            let mut got = rows;
            let order = order_by_key(&got, |r| *r);
            permute(&mut got, order);
            prop_assert_eq!(got, expected);
        }

        #[test]
        fn merging_sorted_parts_matches_sorting_the_whole(xs in proptest::collection::vec(any::<u16>(), 0..200), cut in 0usize..200) {
            let rows: Vec<(u16, usize)> = xs.into_iter().enumerate().map(|(i, x)| (x, i)).collect();
            let mut expected = rows.clone();
            expected.sort();
            let cut = cut.min(rows.len());
            let (mut a, mut b) = (rows[..cut].to_vec(), rows[cut..].to_vec());
            a.sort();
            b.sort();
            prop_assert_eq!(merge_by_key(vec![a, b], |r| *r), expected);
        }
    }
}
