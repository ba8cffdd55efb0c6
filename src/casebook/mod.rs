//! The operations a user performs, shared by the command line and the terminal UI.
//! Neither front end touches SQL or computes a clock itself.

mod agenda;
mod attachments;
mod batch_grid;
mod batch_regimes;
mod batches;
mod cases;
mod demo;
mod error;
mod events;
mod exports;
pub mod filter_index;
mod first_screen;
pub mod holidays;
mod import_stream;
mod intake;
pub mod letters;
pub mod list_filter;
mod proposals;
mod questions;
mod resolve;
mod search;
mod stats;
#[cfg(test)]
mod tests_originals;
mod transfer;
mod undo;
mod views;
mod writing;

/// Store types the casebook's own API hands out: a failure's kind (to tell the user what
/// to do), a round robin as listed and a case found by a search.
pub use crate::store::search::SearchRow;
pub use crate::store::{BatchListed, StoreError};
pub use agenda::{AgendaLine, Move, can_snooze, whose_move};
pub use attachments::{SavedFile, write_new};
pub use batch_grid::{
    BatchGrid, GridCell, GridQuestion, GridRow, QuestionCounts, SectionCount, Timing, TimingCounts,
};
pub use batch_regimes::OtherRegime;
pub use batches::{
    BatchAuthority, BatchCreated, BatchView, MAX_AUTHORITIES, NewBatch, align_labels,
    next_question_label, no_cases_left, pick_authority,
};
pub use cases::{CasePatch, NewCase};
pub use error::{Error, Result};
pub use events::{EventPatch, originals_kept};
pub use exports::Walked;
pub use first_screen::{FirstScreen, ListLoader};
pub use intake::{IntakeCase, IntakeEvent, IntakeReport, SkippedMessage, subject_title};
pub use letters::{Written, write_text_file};
pub use proposals::{LetterChoices, LetterSaved, Originals, default_title};
pub use questions::{OutcomeChange, check_exemptions};
pub use search::{SearchHit, fts_query};
pub use stats::{
    AuthorityStats, ExemptionCount, OutcomeCount, ResponseStats, ReviewStats, Stats, review_outcome,
};
pub use transfer::{EXPORT_INTERRUPTED, IMPORT_INTERRUPTED, ImportReport, Watch, parse_document};
pub use views::{
    CaseView, Filter, ListQuery, ListRow, ListRowCase, Sort, SortedListRows, filter_text,
    sort_list_rows, sort_order,
};
pub use writing::{
    CHASER_NOTE, FIELDS as TEMPLATE_FIELDS, LetterKind, load_template, sent_event,
    user_template_dir,
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

    /// The storage underneath, for tests that provoke its faults (a full disk).
    #[cfg(feature = "test-hooks")]
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The file the casebook is kept in (`:memory:` for one held in memory).
    pub fn path(&self) -> &std::path::Path {
        self.store.path()
    }

    /// Copy the whole casebook, consistent, to a new file `dest`.
    pub fn backup_to(&self, dest: &std::path::Path) -> Result<()> {
        Ok(self.store.backup_to(dest)?)
    }

    /// A number that changes when another program commits a write to the casebook's
    /// file (and only then): the TUI looks at it to know when to read again.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self.store.data_version()?)
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
