//! Undo for the session: each change keeps the case as it was before, and undoing puts
//! it back whole (ids included) in one transaction. Kept in memory, so it lasts as long
//! as the program runs (the TUI's `u`); the last 50 changes are kept.

use super::{Casebook, Result};
use crate::domain::CaseFile;
use crate::store::RemovedOriginal;

const DEPTH: usize = 50;

enum Before {
    /// The change created the case: undoing deletes it.
    Absent(i64),
    /// The case as it was.
    Present(Box<CaseFile>),
    /// Several cases as they were (one change across a round robin's cases).
    Several(Vec<CaseFile>),
}

/// What a change did to a case's originals, beyond what the case file holds.
#[derive(Default)]
enum Originals {
    #[default]
    Untouched,
    /// Deleting the case removed them (and the contents no other case kept).
    Removed(Vec<RemovedOriginal>),
    /// Deleting an event left them on its case without an event.
    Unlinked {
        case_id: i64,
        event_id: i64,
        ids: Vec<i64>,
    },
}

struct Entry {
    what: String,
    before: Before,
    originals: Originals,
}

#[derive(Default)]
pub(super) struct UndoStack {
    entries: Vec<Entry>,
}

impl UndoStack {
    fn push(&mut self, e: Entry) {
        if self.entries.len() == DEPTH {
            self.entries.remove(0);
        }
        self.entries.push(e);
    }

    pub(super) fn record_created(&mut self, id: i64, what: String) {
        self.push(Entry {
            what,
            before: Before::Absent(id),
            originals: Originals::Untouched,
        });
    }

    pub(super) fn record_changed(&mut self, before: CaseFile, what: String) {
        self.push(Entry {
            what,
            before: Before::Present(Box::new(before)),
            originals: Originals::Untouched,
        });
    }

    /// One change made to several cases at once, undone at once.
    pub(super) fn record_changed_many(&mut self, before: Vec<CaseFile>, what: String) {
        self.push(Entry {
            what,
            before: Before::Several(before),
            originals: Originals::Untouched,
        });
    }

    /// A case deleted, with the originals the deletion removed (undo puts them back,
    /// contents included: this session holds them in memory until then).
    pub(super) fn record_deleted(
        &mut self,
        before: CaseFile,
        removed: Vec<RemovedOriginal>,
        what: String,
    ) {
        self.push(Entry {
            what,
            before: Before::Present(Box::new(before)),
            originals: Originals::Removed(removed),
        });
    }

    /// An event deleted whose originals `ids` stayed on the case without an event.
    pub(super) fn record_event_deleted(
        &mut self,
        before: CaseFile,
        event_id: i64,
        ids: Vec<i64>,
        what: String,
    ) {
        let case_id = before.case.id;
        self.push(Entry {
            what,
            before: Before::Present(Box::new(before)),
            originals: Originals::Unlinked {
                case_id,
                event_id,
                ids,
            },
        });
    }
}

impl Casebook {
    /// How many changes can be undone.
    pub fn undo_depth(&self) -> usize {
        self.undo.entries.len()
    }

    /// Undo the last change; returns what was undone, or `None` when there is nothing.
    pub fn undo(&mut self) -> Result<Option<String>> {
        let Some(entry) = self.undo.entries.pop() else {
            return Ok(None);
        };
        let res = self.store.write(|w| -> Result<()> {
            match &entry.before {
                Before::Absent(id) => {
                    w.delete_case(*id)?;
                }
                Before::Present(file) => {
                    // Restoring recreates it even if another instance deleted it meanwhile.
                    w.restore_case_file(file)?;
                }
                Before::Several(files) => {
                    for file in files {
                        w.restore_case_file(file)?;
                    }
                }
            }
            match &entry.originals {
                Originals::Untouched => {}
                Originals::Removed(removed) => w.put_back_originals(removed)?,
                Originals::Unlinked {
                    case_id,
                    event_id,
                    ids,
                } => w.relink_originals(*case_id, *event_id, ids)?,
            }
            Ok(())
        });
        match res {
            Ok(()) => Ok(Some(entry.what)),
            Err(e) => {
                self.undo.entries.push(entry);
                Err(e)
            }
        }
    }
}
