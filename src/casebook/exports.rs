//! What the exports and the statistics need from the casebook: every case with its
//! clocks, one at a time, so that 100,000 cases never sit in memory together.

use super::transfer::{EXPORT_INTERRUPTED, Watch};
use super::{CaseView, Casebook, Error, Result};
use crate::store::Texts;

/// What a walk over the cases passes on, in order: how many there will be, then each.
pub enum Walked<'v> {
    Count(usize),
    Case(&'v CaseView),
}

impl Casebook {
    /// One case, or every case in id order, with clocks and status.
    pub fn export_views(&self, only: Option<i64>) -> Result<Vec<CaseView>> {
        match only {
            Some(id) => Ok(vec![self.view(id)?]),
            None => self.all_views(),
        }
    }

    /// One case, or every case in id order, each built with its clocks and passed to
    /// `each` as soon as it is read, after [`Walked::Count`] has said how many there will
    /// be. Reports each case to `watch` and stops with [`EXPORT_INTERRUPTED`] when its
    /// flag is set. An error from `each` stops the walk and is returned.
    pub fn each_view(
        &self,
        only: Option<i64>,
        watch: Watch<'_>,
        each: impl FnMut(Walked<'_>) -> Result<()>,
    ) -> Result<()> {
        self.walk_views(only, Texts::All, (watch, EXPORT_INTERRUPTED), each)
    }

    /// The walk of [`Casebook::each_view`], with only the texts `texts` asks for; when
    /// the watch's flag is set it stops with the user error `stopped` says.
    pub(super) fn walk_views(
        &self,
        only: Option<i64>,
        texts: Texts,
        (watch, stopped): (Watch<'_>, &'static str),
        mut each: impl FnMut(Walked<'_>) -> Result<()>,
    ) -> Result<()> {
        if let Some(id) = only {
            let v = self.view(id)?;
            each(Walked::Count(1))?;
            each(Walked::Case(&v))?;
            (watch.progress)(1, 1);
            return Ok(());
        }
        let (today, cal) = (self.today, self.calendar());
        // Both closures below need `each` and the total: they take turns, never overlap.
        let each = std::cell::RefCell::new(each);
        let all = std::cell::Cell::new(0);
        let mut done = 0;
        self.store.each_case_file(
            texts,
            |n| {
                all.set(n);
                if watch.stopped() {
                    return Err(Error::user(stopped));
                }
                (each.borrow_mut())(Walked::Count(n))
            },
            |file| {
                if watch.stopped() {
                    return Err(Error::user(stopped));
                }
                (each.borrow_mut())(Walked::Case(&CaseView::build(file, today, cal)))?;
                done += 1;
                (watch.progress)(done, all.get());
                Ok(())
            },
        )
    }

    /// The id that names this casebook in calendar UIDs (kept in the database).
    pub fn casebook_id(&self) -> Result<String> {
        Ok(self.store.casebook_id()?)
    }
}
