//! Proclaimed one-off changes (moved and extra days), kept as data in
//! `assets/bank-holidays-overlay.csv` and embedded in the binary.

use super::Division;
use super::division::parse_divisions;
use super::holidays::{Holiday, HolidaySource};
use chrono::{Datelike, NaiveDate};
use std::borrow::Cow;
use std::sync::OnceLock;

const OVERLAY: &str = include_str!("../../assets/bank-holidays-overlay.csv");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// An extra day, or the day a holiday was moved to.
    Add,
    /// The rule's day that a holiday was moved away from.
    Remove,
}

/// One line of the overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverlayEntry {
    pub divisions: &'static [Division],
    pub date: NaiveDate,
    pub change: Change,
    pub name: String,
    /// What the change was and why.
    pub note: String,
}

/// Parse overlay text: `division,date,change,name,note` lines, `#` comments.
/// Returns the entries and a message for each line that could not be read.
pub(crate) fn parse(text: &str) -> (Vec<OverlayEntry>, Vec<String>) {
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.splitn(5, ',').map(str::trim);
        let (Some(div), Some(date), Some(change), Some(name)) =
            (cols.next(), cols.next(), cols.next(), cols.next())
        else {
            errors.push(format!(
                "line {}: expected division,date,change,name,note",
                i + 1
            ));
            continue;
        };
        let note = cols.next().unwrap_or("").to_string();
        let divisions = match parse_divisions(div) {
            Ok(d) => d,
            Err(e) => {
                errors.push(format!("line {}: {e}", i + 1));
                continue;
            }
        };
        let Ok(date) = NaiveDate::parse_from_str(date, "%Y-%m-%d") else {
            errors.push(format!("line {}: '{date}' is not a YYYY-MM-DD date", i + 1));
            continue;
        };
        let change = match change {
            "add" => Change::Add,
            "remove" => Change::Remove,
            other => {
                errors.push(format!(
                    "line {}: change '{other}' is not add or remove",
                    i + 1
                ));
                continue;
            }
        };
        entries.push(OverlayEntry {
            divisions,
            date,
            change,
            name: name.to_string(),
            note,
        });
    }
    (entries, errors)
}

/// The built-in overlay (malformed lines are skipped; a test keeps the file clean).
pub fn overlay() -> &'static [OverlayEntry] {
    static ENTRIES: OnceLock<Vec<OverlayEntry>> = OnceLock::new();
    ENTRIES.get_or_init(|| parse(OVERLAY).0)
}

/// Apply the built-in overlay to one division's holidays for `year` (sorted on return).
pub(crate) fn apply(division: Division, year: i32, holidays: &mut Vec<Holiday>) {
    let mine: &'static [OverlayEntry] = overlay();
    let mine = mine
        .iter()
        .filter(|e| e.date.year() == year && e.divisions.contains(&division));
    let mut changed = false;
    for e in mine {
        changed = true;
        match e.change {
            Change::Remove => holidays.retain(|h| h.date != e.date),
            Change::Add => holidays.push(Holiday {
                date: e.date,
                division,
                name: Cow::Borrowed(e.name.as_str()),
                source: HolidaySource::Proclaimed,
            }),
        }
    }
    if changed {
        holidays.sort_by_key(|h| h.date);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_overlay_reads_cleanly() {
        let (entries, errors) = parse(OVERLAY);
        assert!(errors.is_empty(), "{errors:?}");
        assert!(entries.len() >= 8);
        assert!(entries.iter().all(|e| !e.note.is_empty()));
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        let (entries, errors) = parse(
            "# c\nall,2020-13-01,add,X,y\nmars,2020-01-01,add,X,y\nall,2020-01-02,move,X\nall\n",
        );
        assert!(entries.is_empty());
        assert_eq!(errors.len(), 4);
        assert!(errors[0].starts_with("line 2:"));
    }
}
