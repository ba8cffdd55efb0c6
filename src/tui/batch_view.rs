//! What the round robin screens hold: the list of batches and one batch's grid with
//! its selection, the authorities marked for batch work and a form open over it.

use super::forms::Form;
use super::scroll::Scroll;
use crate::casebook::BatchGrid;
use crate::casebook::BatchListed;
use std::collections::BTreeSet;

/// `B`: every batch, newest first.
pub struct BatchList {
    pub rows: Vec<BatchListed>,
    pub list: Scroll,
}

/// `b`: one batch's grid.
pub struct BatchScreen {
    pub grid: BatchGrid,
    /// The selected authority (row) and its window of rows.
    pub rows: Scroll,
    /// The selected question (column) and the first question column shown.
    pub cols: Scroll,
    /// Cases marked for batch work.
    pub marked: BTreeSet<i64>,
    /// A form open over the grid: an outcome for the marked authorities, or a question
    /// for every case.
    pub form: Option<Box<Form>>,
}

impl BatchScreen {
    pub fn selected_case(&self) -> Option<i64> {
        self.grid.rows.get(self.rows.selected).map(|r| r.case)
    }

    /// The cases `o` changes: the marked ones, else the selected one.
    pub fn targets(&self) -> Vec<i64> {
        if self.marked.is_empty() {
            self.selected_case().into_iter().collect()
        } else {
            // In grid order, as the user sees them.
            self.grid
                .rows
                .iter()
                .map(|r| r.case)
                .filter(|id| self.marked.contains(id))
                .collect()
        }
    }
}
