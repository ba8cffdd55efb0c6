//! Undo for the session: each change keeps the case as it was before, and undoing puts
//! it back whole (ids included) in one transaction. Kept in memory, so it lasts as long
//! as the program runs (the TUI's `u`); the last 50 changes are kept.

use super::{Casebook, Result};
use crate::domain::CaseFile;

const DEPTH: usize = 50;

enum Before {
    /// The change created the case: undoing deletes it.
    Absent(i64),
    /// The case as it was.
    Present(Box<CaseFile>),
    /// Several cases as they were (one change across a round robin's cases).
    Several(Vec<CaseFile>),
}

struct Entry {
    what: String,
    before: Before,
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
        });
    }

    pub(super) fn record_changed(&mut self, before: CaseFile, what: String) {
        self.push(Entry {
            what,
            before: Before::Present(Box::new(before)),
        });
    }

    /// One change made to several cases at once, undone at once.
    pub(super) fn record_changed_many(&mut self, before: Vec<CaseFile>, what: String) {
        self.push(Entry {
            what,
            before: Before::Several(before),
        });
    }

    pub(super) fn record_deleted(&mut self, before: CaseFile, what: String) {
        self.record_changed(before, what);
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
