//! The operations a user performs, shared by the command line and the terminal UI.
//! Neither front end touches SQL or computes a clock itself.

mod agenda;
mod attachments;
mod batch_grid;
mod batches;
mod cases;
mod demo;
pub mod draft;
mod drafting;
mod error;
mod events;
mod exports;
pub mod filter_index;
mod first_screen;
pub mod holidays;
mod import_stream;
mod intake;
mod letters;
mod questions;
mod resolve;
mod search;
mod stats;
mod transfer;
pub mod tui_support;
mod undo;
mod views;

/// Store types the casebook's own API hands out: a failure's kind (to tell the user what
/// to do) and a round robin as listed.
pub use crate::store::{BatchListed, StoreError};
pub use agenda::{DueRow, Move, can_snooze, whose_move};
pub use attachments::{SavedFile, write_new};
pub use batch_grid::{
    BatchGrid, GridCell, GridQuestion, GridRow, QuestionCounts, SectionCount, Timing, TimingCounts,
};
pub use batches::{
    BatchAuthority, BatchCreated, BatchView, MAX_AUTHORITIES, NewBatch, align_labels,
    next_question_label, no_cases_left, pick_authority,
};
pub use cases::{CasePatch, NewCase};
pub use drafting::{
    CHASER_NOTE, FIELDS as TEMPLATE_FIELDS, Letter, load_template, sent_event, user_template_dir,
};
pub use error::{Error, Result};
pub use events::{EventPatch, NewEvent};
pub use exports::Walked;
pub use first_screen::{FirstScreen, ListLoader};
pub use intake::{IntakeCase, IntakeEvent, IntakeReport, SkippedMessage, subject_title};
pub use letters::{LetterChoices, LetterSaved, Originals, default_title};
pub use questions::{OutcomeChange, check_exemptions};
pub use search::{SearchHit, fts_query};
pub use stats::{
    AuthorityStats, ExemptionCount, OutcomeCount, ResponseStats, ReviewStats, Stats, review_outcome,
};
pub use transfer::{EXPORT_INTERRUPTED, IMPORT_INTERRUPTED, ImportReport, Watch, parse_document};
pub use views::{
    CaseRow, CaseSummary, CaseView, Filter, ListCase, ListQuery, Sort, Summaries, filter_text,
    sort_order, sort_summaries,
};

use crate::calendar::Calendar;
use crate::store::Store;
use chrono::NaiveDate;
use holidays::CalendarRef;
use undo::UndoStack;

pub struct Casebook {
    store: Store,
    today: NaiveDate,
    calendar: CalendarRef,
    /// Holidays from the config folder's file (the stored ones are read from the store).
    file_holidays: Vec<crate::calendar::ExtraHoliday>,
    undo: UndoStack,
}

impl Casebook {
    /// A casebook counting with the standard calendar plus the holidays stored in it.
    pub fn new(store: Store, today: NaiveDate) -> Casebook {
        let mut book = Casebook {
            store,
            today,
            calendar: CalendarRef::Standard(Calendar::standard()),
            file_holidays: Vec::new(),
            undo: UndoStack::default(),
        };
        // An unreadable holiday table must not stop the casebook opening; the standard
        // calendar is the safe fallback and the next write reports the fault.
        let _ = book.rebuild_calendar();
        book
    }

    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// The date moved on (the TUI's midnight tick); countdowns follow.
    pub fn set_today(&mut self, today: NaiveDate) {
        self.today = today;
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Replace the whole casebook with a backup; returns where the previous one was kept.
    /// Undo history refers to the old contents, so it is dropped.
    pub fn restore_from(&mut self, file: &std::path::Path) -> Result<std::path::PathBuf> {
        let kept = self.store.restore_from(file)?;
        self.undo = UndoStack::default();
        Ok(kept)
    }

    pub fn calendar(&self) -> &Calendar {
        self.calendar.get()
    }
}

/// An empty casebook in memory on 1 June 2024, for the operations' unit tests.
#[cfg(test)]
pub(crate) fn test_book() -> Casebook {
    let store = Store::open_in_memory().expect("store");
    Casebook::new(store, NaiveDate::from_ymd_opt(2024, 6, 1).expect("date"))
}
