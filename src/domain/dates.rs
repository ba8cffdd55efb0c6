//! Reading the dates people type, and writing dates the way letters do.

use chrono::{Datelike, Days, Months, NaiveDate};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("'{0}' is not a date: write it like 2018-02-27, 27/02/2018, 27 Feb 2018, today or +3d")]
    Unreadable(String),
    #[error("'{input}' is not a date: {month} has only {days} days")]
    NoSuchDay {
        input: String,
        month: String,
        days: u32,
    },
    #[error("'{0}' is not a date: months run from 1 to 12")]
    NoSuchMonth(String),
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month number (1–12) for an English month name or its common abbreviations.
pub fn month_from_name(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    if w == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() == 3 && m.starts_with(&w)))
        .map(|p| p as u32 + 1)
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    let first = NaiveDate::from_ymd_opt(year, month, 1);
    let next = first.and_then(|d| d.checked_add_months(Months::new(1)));
    match (first, next) {
        (Some(a), Some(b)) => (b - a).num_days() as u32,
        _ => 31,
    }
}

/// Build a date, explaining what is wrong with an impossible one.
pub fn checked_date(input: &str, year: i32, month: u32, day: u32) -> Result<NaiveDate, DateError> {
    if !(1..=12).contains(&month) {
        return Err(DateError::NoSuchMonth(input.to_string()));
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        let name = MONTHS[month as usize - 1];
        let mut cap = name.to_string();
        cap[..1].make_ascii_uppercase();
        DateError::NoSuchDay {
            input: input.to_string(),
            month: format!("{cap} {year}"),
            days: days_in_month(year, month),
        }
    })
}

/// Parse a date as a user types it. Accepts ISO (`2018-02-27`), UK numeric
/// (`27/02/2018`, `27-02-2018`, `27.02.2018`), written (`27 Feb 2018`, `27th February
/// 2018`, `Tuesday 27 February 2018`, `February 27, 2018`) and relative forms (`today`,
/// `yesterday`, `tomorrow`, `+3d`, `-2w`, `+1m`, `+2 weeks`, `in 2 weeks`, `3 days ago`).
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    let s = input.trim();
    let lower = s.to_ascii_lowercase();
    let unreadable = || DateError::Unreadable(input.to_string());
    match lower.as_str() {
        "" => return Err(unreadable()),
        "today" | "now" => return Ok(today),
        "yesterday" => return today.pred_opt().ok_or_else(unreadable),
        "tomorrow" => return today.succ_opt().ok_or_else(unreadable),
        _ => {}
    }
    if let Some(d) = parse_relative(&lower, today) {
        return d.ok_or_else(unreadable);
    }
    // Numeric forms: Y-M-D when the first part has four digits, else D/M/Y (UK order).
    let numeric: Vec<&str> = lower.split(['-', '/', '.']).collect();
    if numeric.len() == 3
        && numeric
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        let nums: Vec<u32> = numeric.iter().filter_map(|p| p.parse().ok()).collect();
        if nums.len() != 3 {
            return Err(unreadable());
        }
        if numeric[0].len() == 4 {
            return checked_date(input, nums[0] as i32, nums[1], nums[2]);
        }
        let year = match numeric[2].len() {
            4 => nums[2] as i32,
            2 => 2000 + nums[2] as i32,
            _ => return Err(unreadable()),
        };
        return checked_date(input, year, nums[1], nums[0]);
    }
    parse_written(input, &lower).ok_or_else(unreadable)?
}

fn parse_relative(lower: &str, today: NaiveDate) -> Option<Option<NaiveDate>> {
    // "in 2 weeks" and "3 days ago" are "+2 weeks" and "-3 days".
    if let Some(rest) = lower.strip_prefix("in ") {
        return parse_relative(&format!("+{}", rest.trim_start()), today);
    }
    if let Some(rest) = lower.strip_suffix(" ago") {
        return parse_relative(&format!("-{}", rest.trim_end()), today);
    }
    let sign = match lower.chars().next()? {
        '+' => 1i64,
        '-' => -1,
        _ => return None,
    };
    let body = &lower[1..];
    let unit_at = body.find(|c: char| !c.is_ascii_digit())?;
    let n: i64 = body[..unit_at].parse().ok()?;
    let unit = body[unit_at..].trim();
    let d = match unit {
        "d" | "day" | "days" => shift_days(today, sign * n),
        // Overflow is not a date either (found by the property tests).
        "w" | "week" | "weeks" => shift_days(today, n.checked_mul(7)? * sign),
        "m" | "month" | "months" => {
            let m = Months::new(u32::try_from(n).ok()?);
            if sign > 0 {
                today.checked_add_months(m)
            } else {
                today.checked_sub_months(m)
            }
        }
        _ => return None,
    };
    Some(d)
}

fn shift_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// `27 Feb 2018`, `27th of February, 2018`, `Tue 27 February 2018`, `February 27, 2018`.
fn parse_written(input: &str, lower: &str) -> Option<Result<NaiveDate, DateError>> {
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty() && *w != "of")
        .collect();
    let mut day = None;
    let mut month = None;
    let mut year = None;
    for w in words {
        if let Some(m) = month_from_name(w) {
            month = Some(m);
        } else if let Some(n) = strip_ordinal(w) {
            if n > 31 {
                year = Some(n as i32);
            } else if day.is_none() {
                day = Some(n);
            } else {
                return None;
            }
        } else if is_weekday(w) {
            continue;
        } else {
            return None;
        }
    }
    let (d, m, y) = (day?, month?, year?);
    Some(checked_date(input, y, m, d))
}

fn strip_ordinal(w: &str) -> Option<u32> {
    let digits = w
        .strip_suffix("st")
        .or_else(|| w.strip_suffix("nd"))
        .or_else(|| w.strip_suffix("rd"))
        .or_else(|| w.strip_suffix("th"))
        .unwrap_or(w);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() > 4 {
        return None;
    }
    digits.parse().ok()
}

fn is_weekday(w: &str) -> bool {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let w = w.trim_end_matches('.');
    w.len() >= 3 && DAYS.iter().any(|d| d.starts_with(w))
}

/// `Tue 27 Feb 2018`: how the app shows a date next to its working.
pub fn long(d: NaiveDate) -> String {
    d.format("%a %-d %b %Y").to_string()
}

/// `27 February 2018`: how letters write a date.
pub fn letter(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

/// `2018-02-27`: the machine form (JSON, CSV).
pub fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// `Mon 5 Feb`: short form inside a basis line, the year being clear from context.
pub fn short(d: NaiveDate) -> String {
    d.format("%a %-d %b").to_string()
}

/// Same day-of-month `n` months later, clamped to the end of a shorter month
/// (31 Dec + 2 months = 28 or 29 Feb).
pub fn add_months(d: NaiveDate, n: u32) -> Option<NaiveDate> {
    d.checked_add_months(Months::new(n))
}

/// Whether a year is one the app can reason about (guards arithmetic on user input).
pub fn plausible(d: NaiveDate) -> bool {
    (1990..=2200).contains(&d.year())
}

/// 27 February 2018 as people write it, in the forms both the typed-date parser here and
/// the letter reader's date finder read (their tests share the list).
#[cfg(test)]
pub(crate) const TUESDAY_27_FEBRUARY_2018: &[&str] = &[
    "2018-02-27",
    "27/02/2018",
    "27-02-2018",
    "27.02.2018",
    "27/2/18",
    "27 Feb 2018",
    "27 February 2018",
    "27th February 2018",
    "Tuesday 27 February 2018",
    "Tue, 27 Feb 2018",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn accepts_the_forms_people_type() {
        let today = d(2018, 3, 10);
        let more = ["February 27, 2018", "27th of February 2018", "27 Feb. 2018"];
        for s in TUESDAY_27_FEBRUARY_2018.iter().chain(&more) {
            assert_eq!(parse_date(s, today), Ok(d(2018, 2, 27)), "{s}");
        }
        assert_eq!(parse_date("today", today), Ok(today));
        assert_eq!(parse_date("yesterday", today), Ok(d(2018, 3, 9)));
        assert_eq!(parse_date("+3d", today), Ok(d(2018, 3, 13)));
        assert_eq!(parse_date("-2w", today), Ok(d(2018, 2, 24)));
        // Periods as people write them.
        assert_eq!(parse_date("+2 weeks", today), Ok(d(2018, 3, 24)));
        assert_eq!(parse_date("in 2 weeks", today), Ok(d(2018, 3, 24)));
        assert_eq!(parse_date("In 1 month", today), Ok(d(2018, 4, 10)));
        assert_eq!(parse_date("3 days ago", today), Ok(d(2018, 3, 7)));
        assert!(parse_date("in a while", today).is_err());
        assert!(parse_date("-2 weeks ago", today).is_err());
        assert_eq!(parse_date("+1m", today), Ok(d(2018, 4, 10)));
    }

    #[test]
    fn impossible_dates_say_why() {
        let today = d(2018, 3, 10);
        let err = parse_date("2018-02-31", today).unwrap_err();
        assert_eq!(
            err.to_string(),
            "'2018-02-31' is not a date: February 2018 has only 28 days"
        );
        let err = parse_date("31/02/2018", today).unwrap_err();
        assert!(err.to_string().contains("February 2018 has only 28 days"));
        assert!(
            parse_date("2018-13-01", today)
                .unwrap_err()
                .to_string()
                .contains("1 to 12")
        );
        assert!(matches!(
            parse_date("soon", today),
            Err(DateError::Unreadable(_))
        ));
        assert!(matches!(
            parse_date("", today),
            Err(DateError::Unreadable(_))
        ));
        assert!(matches!(
            parse_date("+99999999999999d", today),
            Err(DateError::Unreadable(_))
        ));
    }

    #[test]
    fn month_arithmetic_clamps() {
        assert_eq!(add_months(d(2017, 12, 31), 2), Some(d(2018, 2, 28)));
        assert_eq!(add_months(d(2019, 12, 31), 2), Some(d(2020, 2, 29)));
        assert_eq!(add_months(d(2018, 2, 27), 2), Some(d(2018, 4, 27)));
    }

    #[test]
    fn formats() {
        assert_eq!(long(d(2018, 2, 3)), "Sat 3 Feb 2018");
        assert_eq!(letter(d(2018, 2, 27)), "27 February 2018");
        assert_eq!(iso(d(2018, 2, 27)), "2018-02-27");
    }
}
