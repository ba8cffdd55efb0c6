//! Writing cases out: JSON (round-trips through `import`), CSV, Markdown, iCalendar, a
//! round robin's grid and the evidence bundle. (Letters written from templates are the
//! casebook's: [`crate::casebook::letters`].)

pub mod bundle;
pub mod csv;
pub mod grid;
pub mod ics;
pub mod json;
pub mod markdown;

use crate::casebook::CaseView;

/// A document written case by case as the cases are read, so that an export of any
/// size needs the memory of one case: `begin` once with how many cases will follow,
/// `case` for each in order, then `finish` (which flushes).
pub trait CaseWriter {
    fn begin(&mut self, total: usize) -> std::io::Result<()>;
    fn case(&mut self, v: &CaseView) -> std::io::Result<()>;
    fn finish(&mut self) -> std::io::Result<()>;
}

/// Every case of `views` through `w`: the whole document at once.
pub fn write_views(w: &mut dyn CaseWriter, views: &[CaseView]) -> std::io::Result<()> {
    w.begin(views.len())?;
    for v in views {
        w.case(v)?;
    }
    w.finish()
}
