//! Writing cases out: JSON (round-trips through `import`), CSV, Markdown, iCalendar;
//! and the letters drafted from templates.

pub mod csv;
pub mod draft;
pub mod ics;
pub mod json;
pub mod markdown;
