//! Start-up at scale: the list's first screen is read on its own (the first open cases by
//! urgency and the counts: [`Casebook::first_screen`]) and drawn, while the whole list is
//! read on another thread. Its first rows are the rows already on screen, so when it
//! arrives nothing moves: the selection stays on the same case at the same place.
//!
//! Until then only those rows are held. Anything that needs more — a key, a filter, a
//! sort, a save — first waits for the whole list ([`App::finish_loading`]), so no
//! result is ever worked out from part of it.

use super::App;
use crate::casebook::filter_index::Texts;
use crate::casebook::{Casebook, Error, Filter, ListRow, Sort, SortedListRows, filter_text};
use std::sync::mpsc::{Receiver, TryRecvError};

/// How many rows the first screen reads: more than a tall terminal shows (two lines a
/// row), and few enough to be read at once.
const FIRST_ROWS: usize = 256;

/// The whole list being read on another thread, and what the screen shows until then.
pub(in crate::tui) struct Loading {
    rx: Receiver<Result<SortedListRows, Error>>,
    /// How many cases the casebook lists in all, and how many are open.
    cases: usize,
    open: usize,
}

/// The first screen and the thread reading the rest; `None` when there is no shortcut
/// (a casebook in memory, keys that cannot be used, another order than the first):
/// load everything at once.
fn start(book: &Casebook, filter: Filter, sort: Sort) -> Option<(Vec<ListRow>, Loading)> {
    if (filter, sort) != (Filter::Open, Sort::Urgency) {
        return None;
    }
    let loader = book.list_loader().ok().flatten()?;
    let first = book.first_screen(FIRST_ROWS).ok().flatten()?;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        // The screen may have stopped waiting (a reload): nothing to tell it then.
        let _ = tx.send(loader.load(sort));
    });
    let loading = Loading {
        rx,
        cases: first.cases,
        open: first.open,
    };
    Some((first.rows, loading))
}

impl App {
    /// Show the first screen and start reading the rest (see the module comment); false
    /// when there is no shortcut and [`App::reload`] must load everything.
    pub(super) fn show_first_screen(&mut self) -> bool {
        // Before the read, so that a write landing during it is seen at the next tick.
        self.data_version = self.book.data_version().ok();
        let Some((rows, loading)) = start(&self.book, self.filter, self.sort) else {
            return false;
        };
        let mut fields = Texts::with_capacity(rows.len(), rows.len() * 64);
        for v in &rows {
            fields.push(&filter_text(&v.case));
        }
        self.order = (0..rows.len()).collect();
        self.visible = self.order.clone();
        self.views = rows;
        self.fields = fields;
        self.narrowing.forget();
        self.loading = Some(loading);
        self.current = None;
        self.sync_current();
        self.clamp_details();
        true
    }

    /// The whole list is still being read: the screen shows its first rows.
    pub fn loading(&self) -> bool {
        self.loading.is_some()
    }

    /// The cases listed (after the filter and the search) and the cases in all, as the
    /// list's title gives them.
    pub fn list_counts(&self) -> (usize, usize) {
        match &self.loading {
            Some(l) => (l.open, l.cases),
            None => (self.visible.len(), self.views.len()),
        }
    }

    /// Take the whole list if it has arrived (`wait`: once it has), keeping the
    /// selection where it is, and start reading the question texts for the filter.
    /// True when it arrived now.
    pub fn finish_loading(&mut self, wait: bool) -> bool {
        let Some(loading) = &self.loading else {
            return false;
        };
        let got = if wait {
            loading.rx.recv().ok()
        } else {
            match loading.rx.try_recv() {
                Ok(got) => Some(got),
                Err(TryRecvError::Empty) => return false,
                Err(TryRecvError::Disconnected) => None,
            }
        };
        self.loading = None;
        match got {
            Some(Ok(all)) => {
                let keep = self.selected_id();
                self.views = all.rows;
                self.order = all.order;
                self.fields = all.fields;
                self.narrowing.forget();
                self.load_haystacks();
                self.refilter();
                if let Some(id) = keep {
                    self.select_case(id);
                }
            }
            Some(Err(e)) => {
                self.say_error(&e);
                self.reload();
            }
            // The reading thread stopped without a word: read it all here.
            None => self.reload(),
        }
        true
    }
}
