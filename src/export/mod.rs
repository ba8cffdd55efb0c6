//! Writing cases out: JSON (round-trips through `import`), CSV, Markdown, iCalendar.

pub mod csv;
pub mod ics;
pub mod json;
pub mod markdown;
