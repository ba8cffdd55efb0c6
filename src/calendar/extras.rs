//! Holidays the user adds (a local proclamation the overlay does not know yet, or a
//! day the user wants counted as non-working), and the plain-text file they live in.

use super::Division;
use super::division::parse_divisions;
use crate::domain::dates::parse_date;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A holiday of the user's own, in one division.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ExtraHoliday {
    pub division: Division,
    pub date: NaiveDate,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {reason} (write lines like 'scotland,2026-06-15,World Cup holiday')")]
pub struct ExtrasError {
    pub line: usize,
    pub reason: String,
}

/// Read the user's holiday file: one `division,date,name` per line, `#` starts a comment,
/// blank lines ignored. `division` may be `all` (one holiday in each division); the name
/// is optional and may contain commas. Dates as the app reads them elsewhere
/// (`2026-06-15`, `15/06/2026`, `15 Jun 2026`), but not relative ones (`today`, `+3d`).
pub fn parse_extra_holidays(text: &str) -> Result<Vec<ExtraHoliday>, ExtrasError> {
    // Any fixed date will do as `today`: relative forms are refused before parsing.
    let anchor = NaiveDate::MIN;
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let err = |reason: String| ExtrasError {
            line: i + 1,
            reason,
        };
        let mut cols = line.splitn(3, ',').map(str::trim);
        let div = cols.next().unwrap_or("");
        let date = cols
            .next()
            .ok_or_else(|| err("no date after the division".into()))?;
        let name = match cols.next() {
            Some(n) if !n.is_empty() => n.to_string(),
            _ => "Holiday (yours)".to_string(),
        };
        let divisions = parse_divisions(div).map_err(|e| err(e.to_string()))?;
        if !date.starts_with(|c: char| c.is_ascii_digit()) {
            return Err(err(format!("'{date}' is not a date")));
        }
        let date = parse_date(date, anchor).map_err(|e| err(e.to_string()))?;
        out.extend(divisions.iter().map(|&division| ExtraHoliday {
            division,
            date,
            name: name.clone(),
        }));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_user_file() {
        let text = "# my holidays\n\nscotland, 2026-06-15, World Cup, day one  # proclaimed\nall,24/12/2030\n";
        let got = parse_extra_holidays(text).unwrap();
        assert_eq!(got.len(), 4);
        assert_eq!(got[0].division, Division::Scotland);
        assert_eq!(got[0].name, "World Cup, day one");
        assert_eq!(got[1].date, NaiveDate::from_ymd_opt(2030, 12, 24).unwrap());
        assert_eq!(got[1].name, "Holiday (yours)");
    }

    #[test]
    fn says_which_line_is_wrong() {
        let e = parse_extra_holidays("scotland,2026-06-15,x\nwales,2026-02-30,y").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.to_string().contains("February 2026 has only 28 days"));
        assert!(parse_extra_holidays("mars,2026-01-01,x").is_err());
        assert!(parse_extra_holidays("scotland").is_err());
        assert!(parse_extra_holidays("scotland,today,x").is_err());
        assert!(parse_extra_holidays("scotland,+3d,x").is_err());
    }
}
