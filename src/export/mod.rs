//! Writing cases out: JSON (round-trips through `import`), and later CSV, Markdown, iCalendar.

pub mod json;
