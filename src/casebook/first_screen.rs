//! The case list's first screen at scale: the first open cases in the order of urgency
//! and the counts the screen shows, without reading every case. A screen shows these
//! while it loads the whole list on another thread ([`ListLoader`]); the rows are exactly
//! the first rows of that list, so nothing moves when it arrives.
//!
//! Urgency orders by the due date of the clock that matters now, which depends on today
//! and the calendar, so it cannot be stored. What can be, and is (`list_keys`), is the
//! earliest date each case holds: no deadline falls before it. Reading the open cases by
//! that date, and working out each one's clocks, the first `n` are known once the `n`th
//! falls due before the next case's earliest date.

use super::views::urgency_key;
use super::{Casebook, ListRow, Result, Sort, SortedListRows};
use crate::store::{KeyCounts, StartStep};
use chrono::NaiveDate;
use std::ops::ControlFlow;

/// The first screen of the list of open cases by urgency.
#[derive(Debug)]
pub struct FirstScreen {
    /// The first open cases by urgency, in order: the same rows, in the same order, as
    /// the first of the whole list ([`Casebook::sorted_list_rows`], open cases only).
    pub rows: Vec<ListRow>,
    /// How many cases the list holds in all (every status).
    pub cases: usize,
    /// How many of them are open.
    pub open: usize,
}

/// The `limit` most urgent open cases seen so far, in order.
struct Best {
    rows: Vec<ListRow>,
    limit: usize,
}

impl Best {
    fn offer(&mut self, v: ListRow) {
        if !v.status.is_open() {
            return;
        }
        let key = urgency_key(&v);
        let at = self.rows.partition_point(|b| urgency_key(b) < key);
        if at < self.limit {
            self.rows.insert(at, v);
            self.rows.truncate(self.limit);
        }
    }

    /// Whether no case whose deadlines all fall on or after `earliest` could come among
    /// them: there are `limit` of them and the last falls due before it. (A case with no
    /// clock running sorts after every case with one.)
    fn settled_before(&self, earliest: NaiveDate) -> bool {
        self.rows.len() == self.limit
            && self
                .rows
                .last()
                .and_then(|v| v.next.as_ref())
                .is_some_and(|c| c.due < earliest)
    }
}

impl Casebook {
    /// The first `rows` open cases by urgency and the counts, read as the module comment
    /// says; `None` when the casebook's keys cannot be used (too many cases written by
    /// another program, say): load every case instead.
    pub fn first_screen(&self, rows: usize) -> Result<Option<FirstScreen>> {
        let (today, cal) = (self.today, self.calendar.get());
        let mut best = Best {
            rows: Vec::with_capacity(rows.saturating_add(1).min(4096)),
            limit: rows.max(1),
        };
        // Cases read from their tables, and how many of them are open.
        let (mut rewritten, mut rewritten_open) = (0usize, 0usize);
        // Cases keyed as open that turn out closed (only where the keys could not tell).
        let mut keyed_open_but_closed = 0usize;
        let counts = self.store.read_list_start(|step| {
            match step {
                StartStep::Rewritten(r) => {
                    let v = ListRow::take_from(r, today, cal);
                    rewritten += 1;
                    rewritten_open += usize::from(v.status.is_open());
                    best.offer(v);
                }
                StartStep::Next(Some(earliest)) if best.settled_before(earliest) => {
                    return ControlFlow::Break(());
                }
                StartStep::Next(_) => {}
                StartStep::Open(r) => {
                    let v = ListRow::take_from(r, today, cal);
                    keyed_open_but_closed += usize::from(!v.status.is_open());
                    best.offer(v);
                }
            }
            ControlFlow::Continue(())
        })?;
        let Some(KeyCounts { open, closed }) = counts else {
            return Ok(None);
        };
        let count = |n: i64| usize::try_from(n).unwrap_or(0);
        Ok(Some(FirstScreen {
            rows: best.rows,
            cases: count(open) + count(closed) + rewritten,
            open: (count(open) + rewritten_open).saturating_sub(keyed_open_but_closed),
        }))
    }

    /// A loader of the whole list for another thread: this casebook's date and calendar
    /// over a read-only connection of its own. `None` for a casebook in memory, which no
    /// other connection can see.
    pub fn list_loader(&self) -> Result<Option<ListLoader>> {
        let Some(store) = self.store.open_reader()? else {
            return Ok(None);
        };
        Ok(Some(ListLoader {
            book: Casebook {
                store,
                today: self.today,
                calendar: self.calendar.share(),
                file_holidays: self.file_holidays.clone(),
                undo: Default::default(),
            },
        }))
    }
}

/// Loads the whole list on another thread (see [`Casebook::list_loader`]).
pub struct ListLoader {
    book: Casebook,
}

impl ListLoader {
    /// Every case as a list row in the order `sort`: [`Casebook::sorted_list_rows`]
    /// without the outcomes, as a screen's first load has them.
    pub fn load(&self, sort: Sort) -> Result<SortedListRows> {
        self.book.sorted_list_rows(sort, false)
    }
}
